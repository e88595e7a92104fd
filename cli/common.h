/*
 * common: what the disclex command, `disclex batch` and `disclex inspect`
 * share: messages on stderr, the schemas (where to find them, loading
 * them), and option values.
 */
#ifndef DX_CLI_COMMON_H
#define DX_CLI_COMMON_H

#include <stdbool.h>
#include <stddef.h>

/* Prints one diagnostic on stderr, control bytes and bytes that are not
 * UTF-8 as \xHH (one line that cannot drive the terminal). */
void cli_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Says what getopt_long (opterr = 0) refused — `c` ':' an option without its
 * value, else an unknown option, argv[optind - 1] — and where help is, for
 * the command `sub` ("batch", "inspect"; NULL for disclex itself). */
void cli_option_error(const char *sub, int c, char *const argv[], int optind);
/* Says that target cannot be written, with strerror(code). */
void cli_report_write_error(const char *target, int code);
bool cli_is_dir(const char *path);
/* The table schemas from `given`, else from the library's default places
 * (dx_schemas_load); on failure says why on stderr and returns NULL (the
 * caller exits EXIT_USAGE). */
struct dx_schemas *cli_load_schemas(const char *given);
/* A positive count ("1000000") into *out; false when malformed or 0. */
bool cli_parse_count(const char *s, size_t *out);
/* A --timeout value, seconds with up to three decimals ("30", "0.5"), into milliseconds; false
 * when malformed, said on stderr for the command `sub` (NULL for disclex itself). */
bool cli_parse_timeout(const char *sub, const char *s, long *ms);
/* Forks a child that answers through a pipe (stdout and stderr flushed first, so nothing
 * buffered is written twice): in the parent returns the child's pid with *fd the pipe's
 * reading end, in the child 0 with *fd its writing end; -1 (nothing left open) when no
 * pipe or process could be made. */
int cli_fork_piped(int *fd);

#endif
