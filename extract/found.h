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
	double *ys; /* row borders of the grid it was built from */
	size_t ny;
	bool inferred; /* borders inferred from text alignment, not drawn */
	char *title, *number, *unit, *entity;
	bool running_title; /* the title is a running line, printed over every page */
	bool first_on_page, last_on_page;
	bool header_apart; /* under lines repeating the header of the table ending the page before, set apart */
	bool rows_laid; /* lines no recovery read, laid on the columns of the table ending the page before */
	bool caption_before; /* the caption was read at the foot of the page before */
	bool header_before;  /* the header (and caption) stand at the foot of the page before its rows */
	bool fragment; /* one headless row at the top of a page: kept only as a continuation */
	bool blank;    /* printed empty: header lines over a lone 合计 row, the one row printing one cell */
	bool header_only; /* blank, its header alone (over a note saying it is empty): every row is header */
	const char *doubt; /* a header cell placed by position (warning header_placed) */
	VEC(table_part) extra_parts; /* pages this table continues on */
} found_table;

typedef VEC(found_table) found_vec;

/* A straight line segment: horizontal: at = y, lo..hi = x; vertical: at = x, lo..hi = y. */
typedef struct seg {
	float at, lo, hi;
} seg;

typedef VEC(seg) seg_vec;

/* Grid lines; slots are (ny-1) x (nx-1). */
typedef struct grid {
	double *xs, *ys;
	size_t nx, ny;
} grid;

/*
 * Builds the cells of a grid whose borders are drawn by the segments hs
 * (horizontal) and vs (vertical): slots not separated by a drawn border are
 * one cell; each glyph goes to the cell under its centre.  Returns false
 * when it is no table (one slot, no text).
 */
bool tables_build_grid(document *doc, page *pg, const grid *g, const seg_vec *hs, const seg_vec *vs,
                       found_table *ft);

/* Text of a set of glyphs of a page (indices, re-ordered in place), lines joined.  fill > 0
 * (the widest figure of the cell's column) lets an amount broken over full lines be read whole;
 * 0 joins only pairs of lines that read as one figure. */
char *tables_text_of(arena *a, const page *pg, size_t *idx, size_t n, double fill);

#endif
