/*
 * html: an HTML rendering of a disclosure into the document model.
 *
 * libxml2's forgiving HTML parser reads the page in whatever encoding it
 * declares (GB2312 and GBK pages are read as GB18030, their superset);
 * scripts, styles, forms and navigation are skipped; headings, paragraphs
 * and list items become lines of the text flow (text.h), and each innermost
 * <table> becomes a printed grid, rowspan/colspan resolved into merged cells.
 * The flow then finds titles, form numbers, units and entities around the
 * tables exactly as for text renderings.
 */
#ifndef DX_HTML_H
#define DX_HTML_H

#include <stddef.h>

#include "core/error.h"
#include "core/model.h"

/* Fills doc->blocks and doc->tables; doc->media = "html".  0, or -1 with err filled. */
int html_load(document *doc, const char *data, size_t len, error *err);

#endif
