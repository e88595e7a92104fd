/*
 * html: `disclex inspect`, one self-contained HTML page showing what was read
 * off a PDF (see html.c).
 */
#ifndef DX_EMIT_HTML_H
#define DX_EMIT_HTML_H

#include <stddef.h>

#include "core/error.h"
#include "core/model.h"
#include "core/sbuf.h"

#define HTML_DPI 96 /* resolution of the page images */

/*
 * Appends to out the inspection page of doc, read from the PDF data (len
 * bytes): each page as an embedded PNG with the mapped tables' cells drawn
 * over it.  Returns 0, or -1 with err set when the PDF cannot be rendered.
 */
int html_write_inspect(const document *doc, const char *data, size_t len, sbuf *out, error *err);

#endif
