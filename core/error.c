/*
 * error: filling an error record; see error.h.
 */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>

void error_set(error *err, enum error_kind kind, int page, const char *fmt, ...)
{
	if (!err)
		return;
	err->kind = kind;
	err->page = page;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
}

void error_clear(error *err)
{
	if (!err)
		return;
	err->kind = ERROR_NONE;
	err->page = 0;
	err->message[0] = '\0';
}
