/*
 * header: a table's header rows and flattened column paths.
 */
#ifndef DX_HEADER_H
#define DX_HEADER_H

#include <stdbool.h>

#include "core/model.h"

/*
 * Sets t->header_rows (the leading grid rows that name columns, not data)
 * and t->paths (one path per grid column: the texts of the header cells over
 * it, top to bottom, joined by '/').  Works on any grid, whatever input it
 * came from.
 */
void table_set_header(document *doc, table *t);
/* The same with the header rows known (a blank table printing its header alone: all its rows). */
void table_set_header_rows(document *doc, table *t, size_t rows);
/* True when text looks like a data value: an amount, a percent, a code. */
bool header_is_data_text(const char *text);
/* Number of leading rows of the grid that a header of the same shape occupies. */
size_t header_count_rows(const table *t);

#endif
