/*
 * map_fixture: builds tables by hand for the map and csv tests.
 *
 * Rows are given as tab-separated strings (an empty field is a blank cell);
 * header paths are given as the header stage would flatten them.
 */
#ifndef DX_TESTS_MAP_FIXTURE_H
#define DX_TESTS_MAP_FIXTURE_H

#include <string.h>

#include "core/model.h"

static table *fixture_table(document *doc, const char *title, const char *const *paths,
                            size_t ncols, size_t header_rows, const char *const *lines,
                            size_t nlines)
{
	table *t = doc_add_table(doc, nlines, ncols);
	t->title = arena_strdup(doc->arena, title);
	t->unit = "万元";
	t->header_rows = header_rows;
	for (size_t c = 0; c < ncols; c++)
		t->paths[c] = arena_strdup(doc->arena, paths[c]);
	for (size_t r = 0; r < nlines; r++) {
		const char *p = lines[r];
		for (size_t c = 0; c < ncols; c++) {
			const char *tab = strchr(p, '\t');
			size_t len = tab ? (size_t)(tab - p) : strlen(p);
			table_cell(t, r, c)->text = arena_strndup(doc->arena, p, len);
			if (!tab)
				break;
			p = tab + 1;
		}
	}
	return t;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

#endif
