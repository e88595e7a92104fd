/*
 * found: a table as one page shows it, before it is joined with its
 * continuations and handed to the model (shared by tables.c, unruled.c and
 * caption.c).
 */
#ifndef DX_FOUND_H
#define DX_FOUND_H

#include "core/model.h"

typedef struct found_table {
	int page;
	box bb;
	size_t nrows, ncols;
	cell *cells;
	double *xs; /* ncols + 1 column borders */
	char *title, *number, *unit, *entity;
	bool first_on_page, last_on_page;
	VEC(table_part) extra_parts; /* pages this table continues on */
} found_table;

typedef VEC(found_table) found_vec;

/* Text of a set of glyphs of a page (indices, re-ordered in place), lines joined. */
char *tables_text_of(arena *a, const page *pg, size_t *idx, size_t n);

#endif
