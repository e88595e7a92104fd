/*
 * pdf: a PDF's pages into the model (the only reader of poppler-glib; emit/html.c draws
 * pages with it for disclex inspect).
 */
#ifndef DX_PDF_H
#define DX_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/model.h"

typedef struct pdf_options {
	int first_page, last_page; /* 1-based, 0 = no limit */
	double raster_scale;       /* pixels per point when finding rulings; 0 = default */
	bool no_ocr;               /* leave pages without a text layer unread (--no-ocr) */
} pdf_options;

/*
 * Opens the PDF in data (len bytes, borrowed for the call) and fills
 * doc->pages with each page's glyphs and ruling lines, doc->producer and
 * doc->text_layer.  Returns 0, or -1 with err set (ERROR_INPUT) when the
 * document cannot be opened at all; a page that fails is a warning.
 */
int pdf_load(document *doc, const char *data, size_t len, const pdf_options *opt, error *err);

#endif
