/*
 * version: the program's version, written once, in the public header
 * (include/disclex.h: DX_VERSION, which also names the shared library's
 * soname): `disclex --version` prints it and every JSON output names it in
 * `source.generator`.
 */
#ifndef DX_CORE_VERSION_H
#define DX_CORE_VERSION_H

#include "include/disclex.h"

#define DISCLEX_VERSION DX_VERSION

#endif
