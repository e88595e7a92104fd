/*
 * inspect: the `disclex inspect` subcommand (see inspect.c).
 */
#ifndef DX_CLI_INSPECT_H
#define DX_CLI_INSPECT_H

int inspect_main(int argc, char **argv);

#endif
