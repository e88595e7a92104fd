/*
 * unruled: tables drawn without (enough) rulings, from text alignment.
 */
#ifndef DX_UNRULED_H
#define DX_UNRULED_H

#include "core/model.h"
#include "extract/found.h"

/* Finds unruled tables among the page's unclaimed lines and appends them to out. */
void unruled_find(document *doc, page *pg, found_vec *out);

/*
 * A header left alone at the foot of pg (below its last table, at y below)
 * whose rows start next on the following page (rows_pg): laid on next's
 * columns into out (rows of header only, on pg), *at NULL; or, when it heads
 * more columns than next prints, on its own columns, *at (next->ncols + 1
 * entries, the last one past the end) placing each of next's columns under
 * one of out's.  False, out unset, when the foot of pg is no such header.
 */
bool unruled_foot_header(document *doc, page *pg, double below, const page *rows_pg, const found_table *next,
                         found_table *out, size_t **at);

#endif
