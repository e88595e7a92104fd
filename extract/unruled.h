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
 * whose rows start next on the following page: laid on next's columns into
 * out (rows of header only, on pg).  False, out unset, when the foot of pg is
 * no such header.
 */
bool unruled_foot_header(document *doc, page *pg, double below, const found_table *next, found_table *out);

#endif
