/*
 * batch: `disclex batch`, many inputs in worker processes.  See batch.c.
 */
#ifndef DX_CLI_BATCH_H
#define DX_CLI_BATCH_H

/* Runs `disclex batch ARGS` (argv[0] is "batch"); returns the exit status. */
int batch_main(int argc, char **argv);
/* Runs `disclex merge OUT.db IN.db...` (argv[0] is "merge"); returns the exit status. */
int merge_main(int argc, char **argv);

#endif
