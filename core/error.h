/*
 * error: what went wrong, and where.
 *
 * Library functions return 0 / negative (or NULL) and fill an `error` that
 * names the kind, the file and, where it applies, the page.  Only cli/ turns
 * an error into a message and an exit code (cli/exitcodes.h).
 */
#ifndef DX_ERROR_H
#define DX_ERROR_H

enum error_kind {
	ERROR_NONE = 0,
	ERROR_USAGE,      /* bad options or arguments */
	ERROR_INPUT,      /* cannot read the input: missing, a directory, empty, not a PDF, damaged, encrypted */
	ERROR_OUTPUT,     /* cannot write the output */
	ERROR_NO_TEXT,    /* read, but no page has a text layer */
	ERROR_INTERNAL,
};

typedef struct error {
	enum error_kind kind;
	int page;
	char message[512];
} error;

void error_set(error *err, enum error_kind kind, int page, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void error_clear(error *err);

#endif
