/*
 * layout: glyphs into lines and page furniture (blocks: prose.h).
 */
#ifndef DX_LAYOUT_H
#define DX_LAYOUT_H

#include "core/model.h"

/* Builds page->lines from page->glyphs and marks headers, footers and page numbers. */
void layout_lines(document *doc);
/* Text of glyphs [first, first+count) of a page, ordered by x, gaps as one space. */
char *layout_glyph_text(arena *a, const page *pg, const size_t *index, size_t count);
/* qsort_r comparators for glyph indices (ctx: the page's glyph array): by box
 * centre top to bottom then left to right; by left edge. */
int layout_cmp_centre_y(const void *pa, const void *pb, void *ctx);
int layout_cmp_x(const void *pa, const void *pb, void *ctx);
/* Heading level a line's text suggests by its numbering (第一部分 1, 一、 2, （一） 3), 0 if none. */
int layout_heading_level(const char *text);

#endif
