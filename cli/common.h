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
/* Says that target cannot be written, with strerror(code). */
void cli_report_write_error(const char *target, int code);
bool cli_is_dir(const char *path);
/* $DISCLEX_SCHEMAS, else schemas/ or ../share/disclex/schemas beside the
 * program (in buf), else NULL. */
const char *cli_schema_dir(char *buf, size_t size);
/* The table schemas from `given`, else from cli_schema_dir(); on failure
 * says why on stderr and returns NULL (the caller exits EXIT_USAGE). */
struct schema_set *cli_load_schemas(const char *given);
/* A positive count ("1000000") into *out; false when malformed or 0. */
bool cli_parse_count(const char *s, size_t *out);
/* Seconds with up to three decimals ("30", "0.5") into milliseconds; false when malformed. */
bool cli_parse_seconds(const char *s, long *ms);

struct document;
/* When no page of the document has a text layer and none could be read by
 * OCR: why (the ocr_unavailable warning's message: what is missing and how to
 * install it); else NULL.  Such an input exits EXIT_NO_TEXT. */
const char *cli_scan_unread(const struct document *doc);

#endif
