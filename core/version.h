/*
 * version: the program's version, written once: `disclex --version` prints
 * it and every JSON output names it in `source.generator`.
 */
#ifndef DX_CORE_VERSION_H
#define DX_CORE_VERSION_H

#define DISCLEX_VERSION "0.1.0"

#endif
