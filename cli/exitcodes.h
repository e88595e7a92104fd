/*
 * exitcodes: the documented exit codes, and the one place errors map to them.
 */
#ifndef DX_EXITCODES_H
#define DX_EXITCODES_H

#include "core/error.h"
#include "include/disclex.h"

enum exit_code {
	EXIT_OK = 0,
	EXIT_INTERNAL = 1,  /* a bug: please report it */
	EXIT_USAGE = 2,     /* bad options or arguments */
	EXIT_INPUT = 3,     /* an input could not be read (missing, directory, empty, not a PDF, damaged, encrypted) */
	EXIT_OUTPUT = 4,    /* the output could not be written */
	EXIT_NO_TEXT = 5,   /* an input has no text layer (scanned) and OCR is not available; its JSON is still written */
	EXIT_STRICT = 6,    /* --strict and an input produced warnings */
};

static inline int exit_code_for(enum error_kind kind)
{
	switch (kind) {
	case ERROR_NONE: return EXIT_OK;
	case ERROR_USAGE: return EXIT_USAGE;
	case ERROR_INPUT: return EXIT_INPUT;
	case ERROR_OUTPUT: return EXIT_OUTPUT;
	case ERROR_NO_TEXT: return EXIT_NO_TEXT;
	default: return EXIT_INTERNAL;
	}
}

/* The documented exit code of a library error (enum dx_code). */
static inline int exit_code_for_dx(int code)
{
	switch (code) {
	case DX_OK: return EXIT_OK;
	case DX_EUSAGE: case DX_ENOSCHEMAS: return EXIT_USAGE;
	case DX_EINPUT: return EXIT_INPUT;
	case DX_EOUTPUT: return EXIT_OUTPUT;
	case DX_ENOTEXT: return EXIT_NO_TEXT;
	case DX_ESTRICT: return EXIT_STRICT;
	default: return EXIT_INTERNAL;
	}
}

/* Of two outcomes of a batch, the one the exit status reports. */
static inline int exit_code_worse(int a, int b)
{
	static const int rank[] = { [EXIT_OK] = 0, [EXIT_STRICT] = 1, [EXIT_NO_TEXT] = 2, [EXIT_INPUT] = 3,
	                            [EXIT_USAGE] = 4, [EXIT_OUTPUT] = 5, [EXIT_INTERNAL] = 6 };
	return rank[b] > rank[a] ? b : a;
}

#endif
