/*
 * text: plain-text and Markdown renderings of a disclosure into the document
 * model (blocks and printed table grids), and the flow html.c feeds too.
 *
 * A converter that ran over the original PDF leaves tables either as
 * tab-separated rows (one printed row a line, blank cells kept) or one cell a
 * line (each cell tab-indented, a blank line between rows, covered cells of
 * merged headers left out).  Both become the same printed grid; see text.c for
 * the algorithm.  The flow below is the shared second half: a reading-order
 * stream of text lines and table rows that text_flow_finish() turns into
 * doc->blocks and doc->tables (titles, form numbers, units, entities found
 * around each table; a table repeated on every page joined into one).
 */
#ifndef DX_TEXT_H
#define DX_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/model.h"

/* Fills doc->blocks and doc->tables from a text rendering; doc->media = "text".
 * Returns 0, or -1 with err filled (empty input, binary data). */
int text_load(document *doc, const char *data, size_t len, error *err);

/* Longest line or cell kept; longer ones are cut (at a character boundary) with a warning. */
#define TEXT_LINE_MAX ((size_t)1 << 20)

typedef struct text_flow text_flow;

/* A flow whose blocks and tables go to doc; lives in doc's arena. */
text_flow *text_flow_new(document *doc);
/* One line of running text.  hint: 1..6 marked up as a heading of that rank
 * (Markdown #, <h1>..<h6>), -1 a list item, 0 plain.  The text is cleaned
 * (<b> tags, ** marks, bookmarks, outer blank space) by the flow. */
void text_flow_line(text_flow *f, const char *s, size_t len, int hint);
/* A blank line (a paragraph break; between table rows, a page break). */
void text_flow_blank(text_flow *f);
/* A page break the rendering shows (form feed); later lines are on the next page. */
void text_flow_page(text_flow *f);
/* One printed table row whose cells sit at their columns: n cells, spans as
 * in the model (covered slots rowspan = colspan = 0, text NULL).  Copied. */
void text_flow_row(text_flow *f, const cell *cells, size_t n);
/* Ends the current table: the next row starts a new table (HTML <table>). */
void text_flow_table_end(text_flow *f);
/* Builds doc->blocks and doc->tables from everything fed so far. */
void text_flow_finish(text_flow *f);

#endif
