/*
 * layout: from glyphs to lines; page furniture.
 *
 * Lines
 *   1. Upright glyphs (spaces dropped: gaps are measured, not trusted) are
 *      sorted by the centre of their box, top to bottom.
 *   2. A sweep opens a line at the first glyph and adds every following
 *      glyph whose centre lies within half a glyph height of the line's
 *      centre; the next glyph that does not opens the next line.
 *   3. Each line's glyphs are sorted by x; a gap wider than a third of the
 *      font size becomes one space in the line's text, and so does a gap
 *      wider than a seventh of it between a digit and a CJK character (a
 *      code printed before its name, "201 一般公共服务支出", set with a
 *      narrow space; digits run into a word without a gap).  Latin words
 *      are set a quarter em apart, under that third: where the content put
 *      a space after a glyph (the dropped space leaves GLYPH_SPACE_AFTER on
 *      it) and a Latin letter stands on either side, a gap of a tenth of
 *      the size is a space too ("General upper secondary").  Two digits or
 *      two CJK characters keep the third (figures set with tracking).
 * Furniture
 *   A page number (3, - 3 -, — 3 —, 第3页, 第 3 页 共 25 页; _3- as OCR reads
 *   a dash) in the top or
 *   bottom 12% of a page or as its first or last line, and a line in that
 *   band whose text, digits aside, recurs there on at least three pages, is a
 *   header or footer; but not a figure (61,486.0 of a table at a page's top
 *   leaves ",." once digits are aside: no words, no running header), nor a
 *   line set in four or more pieces a font size apart or more, nor one with
 *   another line beside it overlapping its height (a header cell wrapped
 *   and centred beside the rest of its row): a table's header repeated at
 *   the top of each page it runs over (and at the foot of the page it
 *   starts on), or one of its rows.
 * Blocks: prose.c builds them from the lines no table claimed.
 */
#include "extract/layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/sbuf.h"
#include "normalize/text.h"

/* Named measures (pt are PDF points; "font sizes" multiply a glyph's or the body's size). */
#define SIZE_UNKNOWN 10 /* pt: the size of a glyph whose font gives none */
#define WORD_GAP 0.33f /* font sizes: a wider gap between glyphs is a space */
#define DIGIT_CJK_GAP 0.15f /* font sizes: the same between a digit and a CJK character */
#define LINE_DROP 0.5 /* share of a line's first glyph height its centre may drop within a line */
#define TITLES_GAP 2 /* font sizes: a wider gap separates column titles on one line */
#define TITLES_CHARS 4 /* characters at most in each of those titles (收入, 支出) */
#define BESIDE_OVERLAP 0.2 /* share of the lower line's height two lines overlap to stand beside */
#define FURNITURE_BAND 0.12 /* share of the page height at its top and bottom for running text */

static bool is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F);
}

static bool is_ascii_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

/* A letter of the Latin script (ASCII, Latin-1 and the Latin Extended blocks). */
static bool is_latin_letter(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	       (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

#define LATIN_SPACE_GAP 0.1f /* font sizes: the same where the content put a space beside a letter */

int layout_cmp_centre_y(const void *pa, const void *pb, void *ctx)
{
	const glyph *glyphs = ctx;
	const glyph *a = &glyphs[*(const size_t *)pa], *b = &glyphs[*(const size_t *)pb];
	float ya = (a->y0 + a->y1) / 2, yb = (b->y0 + b->y1) / 2;
	if (ya != yb)
		return ya < yb ? -1 : 1;
	return (a->x0 > b->x0) - (a->x0 < b->x0);
}

int layout_cmp_x(const void *pa, const void *pb, void *ctx)
{
	const glyph *glyphs = ctx;
	const glyph *a = &glyphs[*(const size_t *)pa], *b = &glyphs[*(const size_t *)pb];
	return (a->x0 > b->x0) - (a->x0 < b->x0);
}

char *layout_glyph_text(arena *a, const page *pg, const size_t *index, size_t count)
{
	sbuf sb = SBUF_INIT;
	const glyph *prev = NULL;
	for (size_t i = 0; i < count; i++) {
		const glyph *g = &pg->glyphs.items[index[i]];
		if (prev) {
			float gap = g->x0 - prev->x1;
			float size = g->size > prev->size ? g->size : prev->size;
			if (size <= 0)
				size = SIZE_UNKNOWN;
			bool digit_cjk = (is_ascii_digit(prev->cp) && is_cjk(g->cp)) ||
			                 (is_cjk(prev->cp) && is_ascii_digit(g->cp));
			bool latin_space = (prev->flags & GLYPH_SPACE_AFTER) && !is_cjk(prev->cp) && !is_cjk(g->cp) &&
			                   (is_latin_letter(prev->cp) || is_latin_letter(g->cp));
			if (gap > size * WORD_GAP || (digit_cjk && gap > size * DIGIT_CJK_GAP) ||
			    (latin_space && gap > size * LATIN_SPACE_GAP))
				sbuf_addch(&sb, ' ');
		}
		sbuf_add_utf8(&sb, g->cp);
		prev = g;
	}
	char *out = arena_strndup(a, sb.buf, sb.len);
	sbuf_release(&sb);
	return out;
}

/* Lines are ranges of `order`, a permutation of the page's glyphs; layout_lines() then
 * re-orders the glyphs themselves so each line's range is contiguous. */
static void build_page_lines(document *doc, page *pg, size_t **order_out)
{
	size_t n = 0;
	size_t *order = malloc((pg->glyphs.len ? pg->glyphs.len : 1) * sizeof(size_t));
	if (!order)
		abort();
	for (size_t i = 0; i < pg->glyphs.len; i++) {
		glyph *g = &pg->glyphs.items[i];
		if (g->flags & GLYPH_SPACE) {
			if (i > 0 && !(pg->glyphs.items[i - 1].flags & GLYPH_SPACE))
				pg->glyphs.items[i - 1].flags |= GLYPH_SPACE_AFTER;
			continue;
		}
		if (!(g->y1 > g->y0) || !(g->x1 >= g->x0))
			continue;
		order[n++] = i;
	}
	qsort_r(order, n, sizeof(size_t), layout_cmp_centre_y, pg->glyphs.items);
	size_t start = 0;
	while (start < n) {
		const glyph *g0 = &pg->glyphs.items[order[start]];
		double centre = (g0->y0 + g0->y1) / 2, height = g0->y1 - g0->y0;
		size_t end = start + 1;
		while (end < n) {
			const glyph *g = &pg->glyphs.items[order[end]];
			double c = (g->y0 + g->y1) / 2;
			if (c - centre > height * LINE_DROP)
				break;
			end++;
		}
		qsort_r(order + start, end - start, sizeof(size_t), layout_cmp_x, pg->glyphs.items);
		textline *ln = VEC_PUSH(doc->arena, &pg->lines);
		ln->first = start;
		ln->count = end - start;
		ln->bb = (box){ 1e9, 1e9, -1e9, -1e9 };
		float sizes[8] = { 0 };
		int bold = 0;
		for (size_t k = start; k < end; k++) {
			const glyph *g = &pg->glyphs.items[order[k]];
			if (g->x0 < ln->bb.x0) ln->bb.x0 = g->x0;
			if (g->y0 < ln->bb.y0) ln->bb.y0 = g->y0;
			if (g->x1 > ln->bb.x1) ln->bb.x1 = g->x1;
			if (g->y1 > ln->bb.y1) ln->bb.y1 = g->y1;
			if (g->flags & GLYPH_BOLD)
				bold++;
			if (k - start < 8)
				sizes[k - start] = g->size;
		}
		/* The dominant size: the median of the first few glyphs. */
		size_t ns = end - start < 8 ? end - start : 8;
		for (size_t x = 1; x < ns; x++)
			for (size_t y = x; y > 0 && sizes[y - 1] > sizes[y]; y--) {
				float t = sizes[y]; sizes[y] = sizes[y - 1]; sizes[y - 1] = t;
			}
		ln->size = sizes[ns / 2];
		ln->bold = bold * 2 > (int)(end - start);
		ln->text = layout_glyph_text(doc->arena, pg, order + start, end - start);
		start = end;
	}
	*order_out = order;
}

/* ---- furniture ---- */

static bool is_page_number(const char *s)
{
	/* Strip decorations: spaces, dashes, 第/页/共, digits; what is left must be empty.
	 * Two numbers with nothing but space between them (66 66: the last lines of figures
	 * wrapped in a table's cells, at the top of a page) are no page number. */
	size_t len = strlen(s), i = 0;
	int digits = 0;
	bool number = false, spaced = false;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (cp >= '0' && cp <= '9') {
			if (spaced)
				return false;
			digits++;
			number = true;
		} else if (cp == ' ') {
			spaced = number;
		} else if (!(cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0x2212 ||
		           cp == 0x7B2C || cp == 0x9875 || cp == 0x5171 || cp == 0xFF0D || cp == '/' ||
		           cp == 0x2500 || cp == '.' || cp == 0x2015 || cp == '_' || cp == 0xFF3F || cp == '~' ||
		           cp == 0x2010 || cp == 0x2011 || cp == 0x2012)) {
			return false;
		} else {
			number = spaced = false;
		}
		i += k;
	}
	return digits > 0 && digits <= 4;
}

/* The text with digits removed and spaces dropped, for recognising running headers. */
static char *furniture_key(arena *a, const char *s)
{
	sbuf sb = SBUF_INIT;
	for (const char *p = s; *p; p++)
		if (!(*p >= '0' && *p <= '9') && *p != ' ')
			sbuf_addch(&sb, *p);
	char *out = arena_strndup(a, sb.buf, sb.len);
	sbuf_release(&sb);
	return out;
}

/* Does the key hold a letter or a CJK character, not only the marks of figures (",." of 61,486.02)? */
static bool worded(const char *key)
{
	for (const char *p = key; *p; p++)
		if ((unsigned char)*p >= 0x80 || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
			return true;
	return false;
}

/* Is the line set in four or more pieces with more than a font size between them (a table's header
 * or body row, repeated at the top of each page the table runs over), not a running header? */
static bool table_row(const page *pg, const textline *ln)
{
	int pieces = ln->count > 0;
	for (size_t i = ln->first + 1; i < ln->first + ln->count; i++) {
		const glyph *a = &pg->glyphs.items[i - 1], *b = &pg->glyphs.items[i];
		float size = a->size > b->size ? a->size : b->size;
		pieces += b->x0 - a->x1 > (size > 0 ? size : 10);
	}
	return pieces >= 4;
}

/* Is the line two or more short words set far apart (收入 … 支出 over the two sides of a 收支总表
 * starting each page), the titles of a table's columns rather than a running header? */
static bool column_titles(const page *pg, const textline *ln)
{
	int pieces = ln->count > 0, chars = 0, longest = 0;
	for (size_t i = ln->first; i < ln->first + ln->count; i++) {
		const glyph *b = &pg->glyphs.items[i];
		if (i > ln->first) {
			const glyph *a = &pg->glyphs.items[i - 1];
			float size = a->size > b->size ? a->size : b->size;
			if (b->x0 - a->x1 > (size > 0 ? size : SIZE_UNKNOWN) * TITLES_GAP) {
				pieces++;
				chars = 0;
			}
		}
		if (b->cp != ' ' && ++chars > longest)
			longest = chars;
	}
	return pieces >= 2 && longest <= TITLES_CHARS;
}

/* Does another line of the page stand beside line l, overlapping its height (a header cell's text
 * wrapped and centred in a row set in columns, the rest of the row a little lower)? */
static bool beside_other(const page *pg, size_t l)
{
	const box *a = &pg->lines.items[l].bb;
	for (size_t k = 0; k < pg->lines.len; k++) {
		const box *b = &pg->lines.items[k].bb;
		double over = fmin(a->y1, b->y1) - fmax(a->y0, b->y0);
		double h = fmin(a->y1 - a->y0, b->y1 - b->y0);
		if (k != l && over > h * BESIDE_OVERLAP)
			return true;
	}
	return false;
}

static void mark_furniture(document *doc)
{
	arena *tmp = arena_new();
	typedef struct { char *key; int pages; } seen;
	VEC(seen) keys = { 0 };
	for (int pass = 0; pass < 2; pass++) {
		for (size_t p = 0; p < doc->pages.len; p++) {
			page *pg = &doc->pages.items[p];
			double band = pg->height * FURNITURE_BAND;
			for (size_t l = 0; l < pg->lines.len; l++) {
				textline *ln = &pg->lines.items[l];
				bool top = ln->bb.y1 < band, bottom = ln->bb.y0 > pg->height - band;
				/* A page number is furniture wherever it sits, as the first or last line. */
				bool edge = l == 0 || l + 1 == pg->lines.len;
				if ((top || bottom || edge) && is_page_number(ln->text)) {
					ln->furniture = true;
					continue;
				}
				if (!top && !bottom)
					continue;
				char *key = furniture_key(tmp, ln->text);
				if (strlen(key) < 2 || !worded(key) || table_row(pg, ln) || column_titles(pg, ln) ||
				    beside_other(pg, l))
					continue;
				size_t k;
				for (k = 0; k < keys.len; k++)
					if (strcmp(keys.items[k].key, key) == 0)
						break;
				if (pass == 0) {
					if (k == keys.len) {
						seen *s = VEC_PUSH(tmp, &keys);
						s->key = key;
					}
					keys.items[k].pages++;
				} else if (k < keys.len && keys.items[k].pages >= 3) {
					ln->furniture = true;
				}
			}
		}
	}
	arena_free(tmp);
}

void layout_lines(document *doc)
{
	for (size_t p = 0; p < doc->pages.len; p++) {
		page *pg = &doc->pages.items[p];
		size_t *order = NULL;
		build_page_lines(doc, pg, &order);
		/* Re-order the page's glyph array so each line's glyphs are contiguous. */
		glyph *sorted = arena_calloc(doc->arena, pg->glyphs.len ? pg->glyphs.len : 1, sizeof(glyph));
		size_t used = 0;
		for (size_t l = 0; l < pg->lines.len; l++) {
			textline *ln = &pg->lines.items[l];
			size_t first = used;
			for (size_t k = 0; k < ln->count; k++)
				sorted[used++] = pg->glyphs.items[order[ln->first + k]];
			ln->first = first;
		}
		pg->glyphs.items = sorted;
		pg->glyphs.len = used;
		pg->glyphs.cap = pg->glyphs.len;
		free(order);
	}
	mark_furniture(doc);
}

/* ---- blocks ---- */

#define LAYOUT_HEADING_LEVELS 3 /* 第一部分, 一、, （一） */

/* Levels 1-3 of norm_heading_level: a numbered item (1.) is not a heading in a PDF's flow. */
int layout_heading_level(const char *text)
{
	int level = norm_heading_level(text);
	return level <= LAYOUT_HEADING_LEVELS ? level : 0;
}
