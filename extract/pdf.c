/*
 * pdf: glyphs and rulings of every page, through poppler-glib.
 *
 * 1. The document is opened from memory; an encrypted, damaged or empty one
 *    is an ERROR_INPUT naming what is wrong.
 * 2. Glyphs: poppler_page_get_text() and poppler_page_get_text_layout() give
 *    the page's characters and one box per character; the text attributes
 *    give each run's font size and name (bold from the name); an ideograph
 *    whose advance is under two thirds of that size (and over a third) is
 *    sized by its advance, one em.  Newlines are dropped; spaces are kept,
 *    flagged GLYPH_SPACE.  The text is read in the same pass over the page
 *    as its paths are drawn (3.; extract/pdfpaths.cc leaves it with
 *    poppler-glib).  Without that pass, a page drawn whole for its rulings
 *    gives its text from the drawing (poppler keeps what the drawing read):
 *    a page after a drawn one is drawn first, and read once instead of twice.
 * 3. Rulings: the page's paths alone (fills and strokes, no text, no images)
 *    are drawn into a small grey-level raster (extract/pdfpaths.cc, through
 *    poppler's core API, as poppler's own drawing draws them; drawn again
 *    turned back on a page turned to reading orientation) and long
 *    straight runs of dark pixels are read back as lines, only within the
 *    box of what the paths painted (pdfpaths_area; the rest is paper).  A
 *    page holding what only poppler's whole drawing shows (images and image
 *    masks, shadings, patterns, Type3 glyphs, text that clips, soft masks,
 *    transparency groups, blend modes) is drawn whole with poppler-glib
 *    instead (rulings drawn as images are read so); DISCLEX_RASTER set in the
 *    environment draws every page whole (to compare the two readings):
 *        draw paths (or page) at raster_scale ──▶ ink: dark, or darker than the
 *           pixels two steps above/below (for rows) or left/right (for
 *           columns), so light rules and rules on grey fills are seen
 *           ──▶ rows: runs of ≥ MIN_RUN ink pixels, a fifth of them outside
 *               every glyph box or three times longer than the glyphs they
 *               cross ──▶ horizontal strokes
 *           ──▶ columns: the same           ──▶ vertical strokes
 *           ──▶ strokes on one pixel row at most 1.5 pt apart joined (the
 *               edge of a row of cells filled one by one, paper between)
 *           ──▶ strokes on adjacent pixel rows merged; a band thicker than
 *               a line (a filled cell) gives its two edges instead
 *    Ink is kept as one bit per pixel for each direction, and runs are
 *    read from those bits a 64-pixel word at a time; only a run long enough
 *    to be kept is measured against the glyph boxes.
 *    Light text on a fill (a glyph box mostly dark, and dark above and
 *    below it) is inked over whole first, so the fill's edges are its
 *    cell's, not its letters'.
 *    A run lying inside glyph boxes is a stroke of a character (一, ——) and
 *    never a ruling; a border crossing a glyph's (wide) box reaches out of
 *    it and is kept whole.  Pages of running text are not drawn
 *    (no line with wide gaps between its glyphs) unless the page before had
 *    rulings (its table may end here).
 *
 * A page without text is scanned (image_only) when an image covers a tenth
 * of it or more, however light the scan (poppler's image mapping), or when
 * a coarse raster of it (0.2 scale) is inked over 0.1% of its pixels; else
 * it is blank.  A page whose only ink is rulings (a table's empty last
 * row run over) is no scan: its rulings are kept and OCR is not started
 * for it.  No text on any page read: text_layer none.  A scanned page is
 * drawn grey at OCR_DPI and read by OCR (extract/ocr.c, the engine started
 * at the first such page and kept for the document): its glyphs go where a
 * text layer's would, and its rulings are found from the same drawing as on
 * any page with text.  When OCR cannot start (or is turned off), one
 * ocr_unavailable warning says why and the scanned pages stay empty.
 *
 * Every FONT_RELEASE_PAGES pages and when a document is read, fonts no
 * longer used are pushed out of cairo's cache of unused scaled fonts
 * (release_font_holdovers): memory stays flat over a long document with a
 * subset font per page, and over many documents read in one process.
 */
#include "extract/pdf.h"

#include <cairo.h>
#include <math.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "core/sbuf.h"
#include "extract/ocr.h"
#include "extract/pdfpaths.h"

enum {
	DARK_LEVEL = 160,  /* grey level (0 black..255 white) at or below which a pixel is ink */
	LIGHT_LIMIT = 236, /* a pixel lighter than this is never ink */
	CONTRAST = 18,     /* or darker by this than a pixel two steps across the stroke */
	MAX_LINE_PX = 4,   /* a stroke band thicker than this is a filled area */
};
#define MIN_RUN_PT 5.0 /* shortest stroke kept, in points */
#define PIECE_GAP_PT 1.5 /* collinear strokes this close are one (cells filled apart) */
#define OCR_DPI 300.0     /* a scanned page is drawn at this resolution for OCR */

static bool is_bold_font(const char *name)
{
	if (!name)
		return false;
	return strstr(name, "Bold") || strstr(name, "bold") || strstr(name, "Heavy") ||
	       strstr(name, "Black") || strstr(name, "Hei") || strstr(name, "hei") ||
	       strstr(name, "\xE9\xBB\x91"); /* 黑 */
}

static void load_glyphs(document *doc, page *pg, PopplerPage *pp)
{
	char *text = poppler_page_get_text(pp);
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	if (!text || !poppler_page_get_text_layout(pp, &rects, &nrects) || !rects) {
		g_free(text);
		g_free(rects);
		return;
	}
	GList *attrs = poppler_page_get_text_attributes(pp);
	GList *attr = attrs;
	size_t len = strlen(text), i = 0;
	guint index = 0;
	while (i < len && index < nrects) {
		uint32_t cp;
		size_t k = utf8_decode(text + i, len - i, &cp);
		while (attr && ((PopplerTextAttributes *)attr->data)->end_index < (int)index)
			attr = attr->next;
		PopplerRectangle *r = &rects[index];
		if (cp != '\n' && cp != '\r') {
			glyph *g = VEC_PUSH(doc->arena, &pg->glyphs);
			g->cp = cp;
			g->x0 = (float)r->x1;
			g->y0 = (float)r->y1;
			g->x1 = (float)r->x2;
			g->y1 = (float)r->y2;
			if (attr) {
				PopplerTextAttributes *a = attr->data;
				g->size = (float)a->font_size;
				if (is_bold_font(a->font_name))
					g->flags |= GLYPH_BOLD;
			}
			if (g->size <= 0)
				g->size = fabsf(g->y1 - g->y0) < fabsf(g->x1 - g->x0) ? fabsf(g->x1 - g->x0) : fabsf(g->y1 - g->y0);
			/* An ideograph is one em wide: a size far over its advance is
			 * the font's matrix misread (bold faces some printers double). */
			float w = fabsf(g->x1 - g->x0);
			if (((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) && w > g->size * 0.3f &&
			    w < g->size * 0.67f)
				g->size = w;
			if (cp == ' ' || cp == 0x3000 || cp == '\t')
				g->flags |= GLYPH_SPACE;
		}
		i += k;
		index++;
	}
	poppler_page_free_text_attributes(attrs);
	g_free(rects);
	g_free(text);
}

/* ---- rulings from a raster ---- */

typedef struct raster {
	int w, h;
	int words;            /* 64-pixel words of a row of ink bits */
	uint64_t *ink_row;    /* ink of a stroke along a row: a bit per pixel, pixel x in bit x % 64 */
	uint64_t *ink_col;    /* ink of a stroke along a column, likewise */
	unsigned char *cover; /* size of the largest glyph box over the pixel, 0 = none */
} raster;

/* Sets bits x0 .. x1 - 1 of a row of ink bits. */
static void set_bits(uint64_t *row, int x0, int x1)
{
	for (int x = x0; x < x1;) {
		int k = x / 64, lo = x % 64, n = x1 - x < 64 - lo ? x1 - x : 64 - lo;
		row[k] |= (n == 64 ? ~0ULL : ((1ULL << n) - 1)) << lo;
		x += n;
	}
}

typedef struct stroke {
	int fixed;     /* pixel row (horizontal) or column (vertical) */
	int lo, hi;    /* run extent, inclusive */
} stroke;

/* Grey level of an RGB24 pixel: 0 black .. 255 white (only white itself). */
static inline int luminance(uint32_t p)
{
	return (int)((((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) * 2 + (p & 0xFF)) >> 2);
}

/* The pixels a glyph's box covers on a drawing at scale (not clipped to it); false for a
   space, which draws nothing. */
static bool glyph_pixels(const glyph *g, double scale, int *x0, int *y0, int *x1, int *y1)
{
	if (g->flags & GLYPH_SPACE)
		return false;
	*x0 = (int)floor(g->x0 * scale);
	*x1 = (int)ceil(g->x1 * scale);
	*y0 = (int)floor(g->y0 * scale);
	*y1 = (int)ceil(g->y1 * scale);
	return true;
}

/*
 * Light text on a fill (white letters on a coloured header): the fill around
 * the letters would leave edges at every letter, read as short rulings that
 * cut the header into false columns and rows.  A glyph whose box is mostly
 * dark, inside and on the pixels just above and below it, is light text on a
 * fill: its box is taken as ink, so the fill is one band with the edges of
 * its cell.  Dark text on paper (its box mostly light, or the paper around
 * it) is left alone.
 */
#define FILL_INSIDE_SHARE 0.5  /* share of a glyph's box that is dark */
#define FILL_AROUND_SHARE 0.75 /* share of the pixel rows over and under it that are dark */

static void fill_light_text(const page *pg, const unsigned char *data, int stride, int w, int h, double scale,
                            raster *r)
{
#define LUM(x, y) luminance(((const uint32_t *)(data + (size_t)(y) * stride))[x])
	for (size_t i = 0; i < pg->glyphs.len; i++) {
		const glyph *g = &pg->glyphs.items[i];
		int x0, y0, x1, y1;
		if (!glyph_pixels(g, scale, &x0, &y0, &x1, &y1))
			continue;
		if (x0 < 0 || y0 < 2 || x1 > w || y1 + 2 > h || x1 - x0 < 2 || y1 - y0 < 3)
			continue;
		/* The two rows over and under first: on paper they are light, and
		 * the box is not read at all. */
		int dark = 0, n = 0, around = 0, ring = 0;
		for (int x = x0; x < x1; x++, ring += 2)
			around += (LUM(x, y0 - 2) <= DARK_LEVEL) + (LUM(x, y1 + 1) <= DARK_LEVEL);
		if (around < ring * FILL_AROUND_SHARE)
			continue;
		for (int y = y0; y < y1; y++)
			for (int x = x0; x < x1; x++, n++)
				dark += LUM(x, y) <= DARK_LEVEL;
		if (dark < n * FILL_INSIDE_SHARE)
			continue;
		for (int y = y0; y < y1; y++) {
			set_bits(r->ink_row + (size_t)y * r->words, x0, x1);
			set_bits(r->ink_col + (size_t)y * r->words, x0, x1);
		}
	}
#undef LUM
}


typedef VEC(stroke) stroke_vec;

/*
 * A run is kept when a fifth of it (a tenth, for a vertical run: a border
 * between two cells of wrapped text meets their boxes all along) lies outside
 * every glyph box, or when it is far longer than the glyphs it crosses and
 * reaches out of their boxes somewhere (a rule under a line of text, inside
 * their boxes' descent, is several em long and goes on past the text; a
 * stroke of a glyph is at most one em, and the feet of a word of small
 * digits set close, 33220.2 at 7 pt, run its whole length but no further).
 */
static void keep_run(arena *a, stroke_vec *out, int fixed, int start, int end, int outside, int glyph_px,
                     int min_run, int share)
{
	int len = end - start;
	if (len >= min_run && outside >= 3 && (outside * share >= len || (glyph_px > 0 && len > glyph_px * 3))) {
		stroke *st = VEC_PUSH(a, out);
		st->fixed = fixed;
		st->lo = start;
		st->hi = end - 1;
	}
}

/*
 * Runs of ink along rows (horizontal) or columns (vertical), read from bit
 * masks: each pixel row's ink of the direction packed 64 pixels to a word,
 * runs found by counting zero bits.  Only a run of at least min_run pixels
 * is measured against the glyph boxes (keep_run): most ink is letters,
 * whose runs are shorter.  Both scans walk the raster row by row, the
 * vertical one keeping where each column's open run started, so memory is
 * read in order; a kept vertical run is measured down its column.
 */

/* The first set bit at or after x (n when none). */
static int next_set(const uint64_t *mask, int n, int x)
{
	int k = x / 64;
	if (x >= n)
		return n;
	uint64_t m = mask[k] & (~0ULL << (x % 64));
	while (!m) {
		if (++k * 64 >= n)
			return n;
		m = mask[k];
	}
	int at = k * 64 + __builtin_ctzll(m);
	return at < n ? at : n;
}

/* The first clear bit at or after x (n when none). */
static int next_clear(const uint64_t *mask, int n, int x)
{
	int k = x / 64;
	if (x >= n)
		return n;
	uint64_t m = ~mask[k] & (~0ULL << (x % 64));
	while (!m) {
		if (++k * 64 >= n)
			return n;
		m = ~mask[k];
	}
	int at = k * 64 + __builtin_ctzll(m);
	return at < n ? at : n;
}

static void find_runs(const raster *r, bool horizontal, int min_run, arena *a, stroke_vec *out)
{
	int words = r->words;
	if (horizontal) {
		for (int y = 0; y < r->h; y++) {
			const uint64_t *mask = r->ink_row + (size_t)y * words;
			const unsigned char *cov = r->cover + (size_t)y * r->w;
			for (int x = next_set(mask, r->w, 0); x < r->w;) {
				int end = next_clear(mask, r->w, x);
				if (end - x >= min_run) {
					int outside = 0, glyph_px = 0;
					for (int i = x; i < end; i++) {
						outside += !cov[i];
						if (cov[i] > glyph_px)
							glyph_px = cov[i];
					}
					keep_run(a, out, y, x, end, outside, glyph_px, min_run, 5);
				}
				x = next_set(mask, r->w, end);
			}
		}
		return;
	}
	/* Where each column's open run started, and which columns have one. */
	int *start = malloc(sizeof(int) * (size_t)(r->w ? r->w : 1));
	uint64_t *open = calloc((size_t)words * 2 + 1, sizeof(uint64_t)), *none = open + words;
	if (!start || !open)
		abort();
	for (int y = 0; y <= r->h; y++) {
		/* Past the last row no ink (none): every open run ends. */
		const uint64_t *mask = y < r->h ? r->ink_col + (size_t)y * words : none;
		for (int k = 0; k < words; k++) {
			uint64_t closing = open[k] & ~mask[k], opening = mask[k] & ~open[k];
			for (; closing; closing &= closing - 1) {
				int x = k * 64 + __builtin_ctzll(closing);
				if (y - start[x] < min_run)
					continue;
				int outside = 0, glyph_px = 0;
				for (int i = start[x]; i < y; i++) {
					unsigned char c = r->cover[(size_t)i * r->w + x];
					outside += !c;
					if (c > glyph_px)
						glyph_px = c;
				}
				keep_run(a, out, x, start[x], y, outside, glyph_px, min_run, 10);
			}
			for (; opening; opening &= opening - 1)
				start[k * 64 + __builtin_ctzll(opening)] = y;
			open[k] = mask[k];
		}
	}
	free(start);
	free(open);
}

/*
 * Strokes on neighbouring pixel rows that overlap form one band; a thin band
 * is one ruling at its centre, a thick band (a filled area) gives a ruling at
 * each of its two edges.
 */
static void bands_to_rulings(document *doc, page *pg, stroke_vec *strokes, bool horizontal, double scale)
{
	size_t n = strokes->len;
	stroke *s = strokes->items;
	bool *used = calloc(n ? n : 1, 1);
	if (!used)
		abort();
	for (size_t i = 0; i < n; i++) {
		if (used[i])
			continue;
		used[i] = true;
		int top = s[i].fixed, bottom = s[i].fixed, lo = s[i].lo, hi = s[i].hi;
		/* Strokes are sorted by their fixed coordinate: extend downwards. */
		for (size_t j = i + 1; j < n && s[j].fixed <= bottom + 1; j++) {
			if (used[j] || s[j].fixed != bottom + 1)
				continue;
			int olo = s[j].lo > lo ? s[j].lo : lo, ohi = s[j].hi < hi ? s[j].hi : hi;
			int shorter = (s[j].hi - s[j].lo) < (hi - lo) ? (s[j].hi - s[j].lo) : (hi - lo);
			if (ohi - olo < shorter * 0.8)
				continue;
			used[j] = true;
			bottom = s[j].fixed;
			if (s[j].lo < lo)
				lo = s[j].lo;
			if (s[j].hi > hi)
				hi = s[j].hi;
		}
		float a0 = (float)(lo / scale), a1 = (float)((hi + 1) / scale);
		float edges[2];
		int nedges;
		if (bottom - top + 1 <= MAX_LINE_PX) {
			edges[0] = (float)((top + bottom + 1) / 2.0 / scale);
			nedges = 1;
		} else {
			edges[0] = (float)(top / scale);
			edges[1] = (float)((bottom + 1) / scale);
			nedges = 2;
		}
		for (int e = 0; e < nedges; e++) {
			ruling *ru = VEC_PUSH(doc->arena, &pg->rulings);
			if (horizontal) {
				ru->x0 = a0; ru->x1 = a1; ru->y0 = ru->y1 = edges[e];
			} else {
				ru->y0 = a0; ru->y1 = a1; ru->x0 = ru->x1 = edges[e];
			}
		}
	}
	free(used);
}

static int cmp_stroke(const void *pa, const void *pb)
{
	const stroke *a = pa, *b = pb;
	if (a->fixed != b->fixed)
		return a->fixed < b->fixed ? -1 : 1;
	return (a->lo > b->lo) - (a->lo < b->lo);
}

/*
 * Strokes on one pixel row (sorted) with a gap of at most gap pixels between
 * them are one stroke: the edge of a band of cells filled one by one, with
 * the paper showing between the cells, is one line across the table.
 */
static void join_pieces(stroke_vec *strokes, int gap)
{
	size_t out = 0;
	for (size_t i = 0; i < strokes->len; i++) {
		stroke *s = &strokes->items[i];
		stroke *last = out ? &strokes->items[out - 1] : NULL;
		if (last && last->fixed == s->fixed && s->lo - last->hi - 1 <= gap) {
			if (s->hi > last->hi)
				last->hi = s->hi;
			continue;
		}
		strokes->items[out++] = *s;
	}
	strokes->len = out;
}

/*
 * Page rotation.  poppler-glib reports text and draws the page in its
 * displayed orientation: on a page turned by /Rotate 90, or a landscape table
 * set sideways on a portrait page, lines run down.  When neighbouring glyphs
 * read left to right far more often after a quarter turn than as they are,
 * the page is brought back to reading orientation: every glyph box is turned
 * back, the page takes the turned size and is drawn turned back.
 * Whether the turn was 90 or 270 is settled by which of the two makes
 * neighbouring glyphs read left to right.
 */
static box unturn(box b, int turn, double cw, double ch)
{
	if (turn == 0)
		return b;
	if (turn == 90) /* displayed (x, y) = (ch - v, u) */
		return (box){ b.y0, ch - b.x1, b.y1, ch - b.x0 };
	/* 270: displayed (x, y) = (v, cw - u) */
	return (box){ cw - b.y1, b.x0, cw - b.y0, b.x1 };
}

/* Turns cr's drawing of the page as displayed back to reading orientation. */
static void turn_drawing(cairo_t *cr, int turn, double cw, double ch)
{
	cairo_matrix_t m;
	if (turn == 90) { /* displayed (x, y) -> reading (y, ch - x) */
		cairo_matrix_init(&m, 0, -1, 1, 0, 0, ch);
		cairo_transform(cr, &m);
	} else if (turn == 270) { /* displayed (x, y) -> reading (cw - y, x) */
		cairo_matrix_init(&m, 0, 1, -1, 0, cw, 0);
		cairo_transform(cr, &m);
	}
}

/* Draws the page (poppler draws it as displayed) turned back to reading orientation. */
static void draw_page(cairo_t *cr, PopplerPage *pp, int turn, double cw, double ch)
{
	turn_drawing(cr, turn, cw, ch);
	poppler_page_render(pp, cr);
}

/* How many neighbouring glyphs read left to right once turned back by `turn`. */
static size_t reads_forward(const page *pg, int turn, double cw, double ch)
{
	size_t votes = 0;
	for (size_t i = 1; i < pg->glyphs.len && i < 2000; i++) {
		const glyph *g0 = &pg->glyphs.items[i - 1], *g1 = &pg->glyphs.items[i];
		if ((g0->flags | g1->flags) & GLYPH_SPACE)
			continue;
		box a = unturn((box){ g0->x0, g0->y0, g0->x1, g0->y1 }, turn, cw, ch);
		box b = unturn((box){ g1->x0, g1->y0, g1->x1, g1->y1 }, turn, cw, ch);
		double h = a.y1 - a.y0;
		if (fabs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2) < h * 0.5 && b.x0 >= a.x0 && b.x0 - a.x1 < h * 2)
			votes++;
	}
	return votes;
}

/*
 * Some fonts carry broken ascent/descent metrics, and poppler's box is then
 * far shorter (the baseline is still its bottom) or far taller (centred on
 * the glyph) than the glyph: such boxes are rebuilt from the font size.
 */
static void repair_boxes(page *pg)
{
	for (size_t i = 0; i < pg->glyphs.len; i++) {
		glyph *g = &pg->glyphs.items[i];
		float h = g->y1 - g->y0;
		if (g->size > 0 && h < g->size * 0.6f) {
			float base = g->y1;
			g->y0 = base - g->size * 0.88f;
			g->y1 = base + g->size * 0.12f;
		} else if (g->size > 0 && h > g->size * 1.5f) {
			float centre = (g->y0 + g->y1) / 2;
			g->y0 = centre - g->size * 0.5f;
			g->y1 = centre + g->size * 0.5f;
		}
	}
}

static void turn_to_reading(page *pg)
{
	/* Reading width and height of a page turned a quarter: the displayed ones swapped. */
	double cw = pg->height, ch = pg->width;
	size_t upright = reads_forward(pg, 0, cw, ch);
	size_t by90 = reads_forward(pg, 90, cw, ch), by270 = reads_forward(pg, 270, cw, ch);
	int turn = by90 >= by270 ? 90 : 270;
	size_t best = by90 >= by270 ? by90 : by270;
	if (best < 20 || best < upright * 2)
		return;
	for (size_t i = 0; i < pg->glyphs.len; i++) {
		glyph *g = &pg->glyphs.items[i];
		box b = unturn((box){ g->x0, g->y0, g->x1, g->y1 }, turn, cw, ch);
		g->x0 = (float)b.x0;
		g->y0 = (float)b.y0;
		g->x1 = (float)b.x1;
		g->y1 = (float)b.y1;
	}
	pg->width = cw;
	pg->height = ch;
	pg->turn = turn;
}

/* Whether a page of this size may be drawn at scale to look for rulings. */
static bool raster_fits(const page *pg, double scale)
{
	int w = (int)ceil(pg->width * scale), h = (int)ceil(pg->height * scale);
	return w > 0 && h > 0 && w <= 20000 && h <= 20000 && (size_t)w * (size_t)h <= 40000000u;
}

/*
 * What drawing pages for their rulings needs, kept from page to page of a
 * document (its pages mostly share one size): the drawing surface and the
 * ink and glyph-cover rasters.  A fresh surface and buffers per page cost
 * more in clearing and first touch than reading them does.
 */
typedef struct canvas {
	cairo_surface_t *surface; /* the last page size drawn, or NULL */
	unsigned char *cover;
	uint64_t *ink; /* the two planes of ink bits */
	size_t cap, ink_cap; /* bytes of cover, words of ink */
} canvas;

static void canvas_release(canvas *cv)
{
	if (cv->surface)
		cairo_surface_destroy(cv->surface);
	free(cv->ink);
	free(cv->cover);
	*cv = (canvas){ 0 };
}

/* The cover raster of n bytes and ink planes of n_ink words each, cleared. */
static void canvas_buffers(canvas *cv, size_t n, size_t n_ink)
{
	if (n > cv->cap) {
		free(cv->cover);
		cv->cover = malloc(n);
		if (!cv->cover)
			abort();
		cv->cap = n;
	}
	if (n_ink > cv->ink_cap) {
		free(cv->ink);
		cv->ink = malloc(n_ink * 2 * sizeof(uint64_t));
		if (!cv->ink)
			abort();
		cv->ink_cap = n_ink;
	}
	memset(cv->cover, 0, n);
	memset(cv->ink, 0, n_ink * 2 * sizeof(uint64_t));
}

/*
 * The page drawn at scale on white, turned back by pg->turn, or NULL.
 * Drawing first also leaves the page's text with poppler (the same text
 * its text pass would give): the glyphs are then read without a second
 * pass over the page.  With a canvas the surface is the canvas's (kept for
 * the next page, not destroyed by the caller); without, it is the caller's.
 */
static cairo_surface_t *draw_raster(const page *pg, PopplerPage *pp, double scale, canvas *cv)
{
	int w = (int)ceil(pg->width * scale), h = (int)ceil(pg->height * scale);
	cairo_surface_t *surface = NULL;
	if (cv && cv->surface && cairo_image_surface_get_width(cv->surface) == w &&
	    cairo_image_surface_get_height(cv->surface) == h) {
		surface = cv->surface;
	} else {
		if (cv && cv->surface) {
			cairo_surface_destroy(cv->surface);
			cv->surface = NULL;
		}
		surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
		if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
			cairo_surface_destroy(surface);
			return NULL;
		}
		if (cv)
			cv->surface = surface;
	}
	cairo_t *cr = cairo_create(surface);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	draw_page(cr, pp, pg->turn, pg->width, pg->height);
	cairo_destroy(cr);
	cairo_surface_flush(surface);
	return surface;
}


/*
 * The canvas's surface made ready for a page at scale (white) and a cairo
 * context drawing on it in points of the page turned back by turn, or NULL.
 */
static cairo_t *canvas_page(const page *pg, double scale, int turn, canvas *cv)
{
	int w = (int)ceil(pg->width * scale), h = (int)ceil(pg->height * scale);
	if (!cv->surface || cairo_image_surface_get_width(cv->surface) != w ||
	    cairo_image_surface_get_height(cv->surface) != h) {
		if (cv->surface)
			cairo_surface_destroy(cv->surface);
		cv->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
		if (cairo_surface_status(cv->surface) != CAIRO_STATUS_SUCCESS) {
			cairo_surface_destroy(cv->surface);
			cv->surface = NULL;
			return NULL;
		}
	}
	cairo_t *cr = cairo_create(cv->surface);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	turn_drawing(cr, turn, pg->width, pg->height);
	return cr;
}

/*
 * The page read in one pass (extract/pdfpaths.cc): its text left with
 * poppler-glib (load_glyphs reads it without a pass of its own) and its
 * paths alone (no text, no images) drawn as displayed into the canvas at
 * scale.  1 when the canvas holds all the page's lines; 0 when the page
 * needs poppler's whole drawing; -1 when not read (poppler-glib reads the
 * text itself).
 */
static int read_page_paths(const page *pg, PopplerPage *pp, pdfpaths *paths, int index, double scale, canvas *cv)
{
	if (!paths || !raster_fits(pg, scale))
		return -1;
	cairo_t *cr = canvas_page(pg, scale, 0, cv);
	if (!cr)
		return -1;
	int done = pdfpaths_read_page(paths, pp, index, cr);
	cairo_destroy(cr);
	cairo_surface_flush(cv->surface);
	return done;
}

/* The page's paths alone drawn again, turned back by pg->turn, into the canvas;
   NULL when the page needs poppler's whole drawing (draw_raster then). */
static cairo_surface_t *draw_paths(const page *pg, PopplerPage *pp, pdfpaths *paths, int index, double scale,
                                   canvas *cv)
{
	if (!paths)
		return NULL;
	cairo_t *cr = canvas_page(pg, scale, pg->turn, cv);
	if (!cr)
		return NULL;
	bool drawn = pdfpaths_draw(paths, pp, index, cr);
	cairo_destroy(cr);
	cairo_surface_flush(cv->surface);
	return drawn ? cv->surface : NULL;
}

/* Whether the pixel is paper: white, whatever its unused top byte. */
#define WHITE_PX 0xFFFFFFu
#define WHITE_PAIR 0x00FFFFFF00FFFFFFull

/* The first pixel at or after x that is not white (w when none): eight at a time. */
static int skip_paper(const uint32_t *px, int x, int w)
{
	for (; x + 8 <= w; x += 8) {
		uint64_t a, b, c, d;
		memcpy(&a, px + x, 8);
		memcpy(&b, px + x + 2, 8);
		memcpy(&c, px + x + 4, 8);
		memcpy(&d, px + x + 6, 8);
		if ((a & b & c & d & WHITE_PAIR) != WHITE_PAIR)
			break;
	}
	while (x < w && (px[x] & WHITE_PX) == WHITE_PX)
		x++;
	return x;
}

/* Rulings read back from the page drawn at scale into cv; area (x0, y0, x1,
   y1 in pixels) holds all that is not paper when the drawing says so (its
   paths alone, pdfpaths_area), else NULL: the whole page is scanned. */
static void read_rulings(document *doc, page *pg, canvas *cv, double scale, const int *area)
{
	cairo_surface_t *surface = cv->surface;
	int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
	int ax0 = 0, ay0 = 0, ax1 = w, ay1 = h;
	if (area) {
		ax0 = area[0] > 0 ? area[0] : 0;
		ay0 = area[1] > 0 ? area[1] : 0;
		ax1 = area[2] < w ? area[2] : w;
		ay1 = area[3] < h ? area[3] : h;
	}
	/* Ink for each direction, read off the drawing: a pixel darker by
	 * CONTRAST than a pixel two steps across the line's direction (light
	 * rules on white, rules on a grey fill) or plainly dark. */
	int words = (w + 63) / 64;
	canvas_buffers(cv, (size_t)w * h, (size_t)words * h);
	raster r = { w, h, words, cv->ink, cv->ink + (size_t)words * h, NULL };
	const unsigned char *data = cairo_image_surface_get_data(surface);
	int stride = cairo_image_surface_get_stride(surface);
	for (int y = ay0; y < ay1; y++) {
		const uint32_t *px = (const uint32_t *)(data + (size_t)y * stride);
		const uint32_t *above = y >= 2 ? (const uint32_t *)(data + (size_t)(y - 2) * stride) : NULL;
		const uint32_t *below = y + 2 < h ? (const uint32_t *)(data + (size_t)(y + 2) * stride) : NULL;
		uint64_t *ink_row = r.ink_row + (size_t)y * words, *ink_col = r.ink_col + (size_t)y * words;
		for (int x = ax0; x < ax1;) {
			/* Most of a page is paper (never ink): passed over eight pixels at a time. */
			x = skip_paper(px, x, ax1);
			for (int end = x + 8 < ax1 ? x + 8 : ax1; x < end; x++) {
				if ((px[x] & WHITE_PX) == WHITE_PX)
					continue;
				int l = luminance(px[x]);
				if (l > LIGHT_LIMIT)
					continue;
				uint64_t b = 1ULL << (x % 64);
				if (l <= DARK_LEVEL) {
					ink_row[x / 64] |= b;
					ink_col[x / 64] |= b;
					continue;
				}
				int up = above ? luminance(above[x]) : 255, down = below ? luminance(below[x]) : 255;
				int left = x >= 2 ? luminance(px[x - 2]) : 255, right = x + 2 < w ? luminance(px[x + 2]) : 255;
				if (l + CONTRAST <= up || l + CONTRAST <= down)
					ink_row[x / 64] |= b;
				if (l + CONTRAST <= left || l + CONTRAST <= right)
					ink_col[x / 64] |= b;
			}
		}
	}
	fill_light_text(pg, data, stride, w, h, scale, &r);
	/* Where the glyphs are: a run of ink lying wholly inside glyph boxes is a
	 * stroke of a character, one reaching out of them is a ruling (a border
	 * crossing a glyph whose advance box overlaps it stays whole). */
	unsigned char *cover = cv->cover;
	for (size_t i = 0; i < pg->glyphs.len; i++) {
		const glyph *g = &pg->glyphs.items[i];
		int x0, y0, x1, y1;
		if (!glyph_pixels(g, scale, &x0, &y0, &x1, &y1))
			continue;
		if (x0 < 0) x0 = 0;
		if (y0 < 0) y0 = 0;
		if (x1 > w) x1 = w;
		if (y1 > h) y1 = h;
		/* Each pixel holds the size (in pixels) of the largest glyph over it. */
		double em = (g->size > 0 ? g->size : g->y1 - g->y0) * scale;
		unsigned char size = (unsigned char)(em < 1 ? 1 : em > 255 ? 255 : em);
		for (int y = y0; y < y1 && x1 > x0; y++) {
			unsigned char *c = cover + (size_t)y * w;
			for (int x = x0; x < x1; x++)
				if (c[x] < size)
					c[x] = size;
		}
	}
	r.cover = cover;
	int min_run = (int)ceil(MIN_RUN_PT * scale);
	arena *tmp = arena_new();
	stroke_vec hs = { 0 }, vs = { 0 };
	find_runs(&r, true, min_run, tmp, &hs);
	find_runs(&r, false, min_run, tmp, &vs);
	if (hs.len)
		qsort(hs.items, hs.len, sizeof(stroke), cmp_stroke);
	if (vs.len)
		qsort(vs.items, vs.len, sizeof(stroke), cmp_stroke);
	join_pieces(&hs, (int)floor(PIECE_GAP_PT * scale));
	join_pieces(&vs, (int)floor(PIECE_GAP_PT * scale));
	bands_to_rulings(doc, pg, &hs, true, scale);
	bands_to_rulings(doc, pg, &vs, false, scale);
	arena_free(tmp);
}

/* Whether a page without text shows anything (a scan) or is blank: drawn small, any ink at all. */
/* Does an image cover a tenth of the page or more (a scan, however light)? */
static bool page_has_large_image(const page *pg, PopplerPage *pp)
{
	GList *maps = poppler_page_get_image_mapping(pp);
	bool large = false;
	double area = pg->width * pg->height;
	for (GList *l = maps; l && !large; l = l->next) {
		const PopplerImageMapping *m = l->data;
		double w = fabs(m->area.x2 - m->area.x1), h = fabs(m->area.y2 - m->area.y1);
		large = w * h * 10 >= area;
	}
	poppler_page_free_image_mapping(maps);
	return large;
}

static bool page_has_ink(const page *pg, PopplerPage *pp)
{
	double scale = 0.2;
	int w = (int)ceil(pg->width * scale), h = (int)ceil(pg->height * scale);
	if (w <= 0 || h <= 0 || w > 4000 || h > 4000)
		return true;
	cairo_surface_t *surface = draw_raster(pg, pp, scale, NULL);
	if (!surface)
		return true;
	const unsigned char *data = cairo_image_surface_get_data(surface);
	int stride = cairo_image_surface_get_stride(surface);
	size_t inked = 0;
	for (int y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *)(data + (size_t)y * stride);
		for (int x = 0; x < w; x++)
			inked += (px[x] & 0xFFFFFF) != 0xFFFFFF;
	}
	cairo_surface_destroy(surface);
	return inked * 1000 > (size_t)w * (size_t)h;
}

/*
 * Whether a page without text holds nothing but rulings (the empty last row
 * of a table run over from the page before): drawn at scale, its rulings
 * read, and no ink left off them beyond LINES_ONLY_STRAY of the page's
 * pixels.  Such a page is no scan: OCR (and its engine's memory) is not
 * started for it, and its rulings stay for the table they close.
 */
#define LINES_ONLY_STRAY 0.0002   /* share of pixels off the rulings still read as none */
#define LINES_ONLY_MARGIN_PT 1.5  /* antialiasing around a ruling, pt */
static bool page_only_rulings(document *doc, page *pg, PopplerPage *pp, canvas *cv, double scale)
{
	if (!raster_fits(pg, scale) || !draw_raster(pg, pp, scale, cv))
		return false;
	read_rulings(doc, pg, cv, scale, NULL);
	if (pg->rulings.len == 0)
		return false;
	cairo_surface_t *surface = cv->surface;
	int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
	/* Mark every pixel near a ruling in the (now free) cover raster. */
	unsigned char *near = cv->cover;
	memset(near, 0, (size_t)w * h);
	double m = LINES_ONLY_MARGIN_PT;
	for (size_t i = 0; i < pg->rulings.len; i++) {
		const ruling *r = &pg->rulings.items[i];
		int x0 = (int)floor((fmin(r->x0, r->x1) - m) * scale), x1 = (int)ceil((fmax(r->x0, r->x1) + m) * scale);
		int y0 = (int)floor((fmin(r->y0, r->y1) - m) * scale), y1 = (int)ceil((fmax(r->y0, r->y1) + m) * scale);
		if (x0 < 0) x0 = 0;
		if (y0 < 0) y0 = 0;
		if (x1 > w) x1 = w;
		if (y1 > h) y1 = h;
		for (int y = y0; y < y1; y++)
			if (x1 > x0)
				memset(near + (size_t)y * w + x0, 1, (size_t)(x1 - x0));
	}
	const unsigned char *data = cairo_image_surface_get_data(surface);
	int stride = cairo_image_surface_get_stride(surface);
	size_t stray = 0, limit = (size_t)((double)w * h * LINES_ONLY_STRAY);
	for (int y = 0; y < h && stray <= limit; y++) {
		const uint32_t *px = (const uint32_t *)(data + (size_t)y * stride);
		for (int x = skip_paper(px, 0, w); x < w; x = skip_paper(px, x + 1, w))
			stray += !near[(size_t)y * w + x] && luminance(px[x]) <= LIGHT_LIMIT;
	}
	if (stray <= limit)
		return true;
	pg->rulings.len = 0; /* read again from the OCR'd page, with its glyphs */
	return false;
}

typedef struct glyph_key {
	int row; /* baseline in 2 pt steps */
	float x0, x1, size;
} glyph_key;

static int cmp_glyph_key(const void *pa, const void *pb)
{
	const glyph_key *a = pa, *b = pb;
	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	return (a->x0 > b->x0) - (a->x0 < b->x0);
}

/*
 * Whether a page may hold a table: two or more wide gaps (1 em) between
 * neighbouring glyphs on one baseline.  Running text has none, so its pages
 * are not drawn at all: drawing is most of what finding rulings costs.
 */
static bool page_may_hold_table(const page *pg)
{
	size_t n = 0;
	glyph_key *keys = malloc((pg->glyphs.len ? pg->glyphs.len : 1) * sizeof(glyph_key));
	if (!keys)
		abort();
	for (size_t i = 0; i < pg->glyphs.len; i++) {
		const glyph *g = &pg->glyphs.items[i];
		if (g->flags & GLYPH_SPACE)
			continue;
		keys[n++] = (glyph_key){ (int)lrintf(g->y1 / 2), g->x0, g->x1, g->size > 0 ? g->size : 10 };
	}
	qsort(keys, n, sizeof(glyph_key), cmp_glyph_key);
	int gaps = 0;
	for (size_t i = 1; i < n && gaps < 2; i++)
		if (keys[i].row == keys[i - 1].row && keys[i].x0 - keys[i - 1].x1 > keys[i - 1].size)
			gaps++;
	free(keys);
	return gaps >= 2;
}

static bool page_has_text(const page *pg)
{
	for (size_t i = 0; i < pg->glyphs.len; i++)
		if (!(pg->glyphs.items[i].flags & GLYPH_SPACE))
			return true;
	return false;
}

/* OCR of a scanned page: drawn grey at OCR_DPI, read, then its rulings found. */
typedef struct ocr_state {
	ocr_engine *engine;
	bool tried;
	bool off; /* --no-ocr */
} ocr_state;

static void read_scanned_page(document *doc, page *pg, PopplerPage *pp, ocr_state *st, double scale, canvas *cv)
{
	if (!st->tried) {
		error oerr = { 0 };
		st->tried = true;
		if (st->off)
			error_set(&oerr, ERROR_INPUT, 0, "OCR is turned off (--no-ocr)");
		else
			st->engine = ocr_open(&oerr);
		if (!st->engine)
			doc_warn(doc, "ocr_unavailable", 0, NULL, "%s", oerr.message);
	}
	if (!st->engine)
		return;
	double k = OCR_DPI / 72.0;
	int w = (int)ceil(pg->width * k), h = (int)ceil(pg->height * k);
	if (w <= 0 || h <= 0 || (size_t)w * (size_t)h > (size_t)1 << 27) {
		doc_warn(doc, "page_unreadable", pg->number, NULL, "scanned page too large to read by OCR");
		return;
	}
	cairo_surface_t *surface = draw_raster(pg, pp, k, NULL);
	if (!surface) {
		doc_warn(doc, "page_unreadable", pg->number, NULL, "no memory to draw the scanned page for OCR");
		return;
	}
	unsigned char *grey = malloc((size_t)w * h);
	if (!grey)
		abort();
	const unsigned char *data = cairo_image_surface_get_data(surface);
	int stride = cairo_image_surface_get_stride(surface);
	for (int y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *)(data + (size_t)y * stride);
		unsigned char *row = grey + (size_t)y * w;
		for (int x = 0; x < w; x++)
			row[x] = (unsigned char)luminance(px[x]);
	}
	cairo_surface_destroy(surface);
	size_t added = ocr_read_page(st->engine, doc, pg, grey, w, h, w, k);
	free(grey);
	if (added && raster_fits(pg, scale) && draw_raster(pg, pp, scale, cv))
		read_rulings(doc, pg, cv, scale, NULL);
}

static void quiet_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data)
{
	(void)domain; (void)level; (void)message; (void)data;
}

/*
 * Fonts of a closed document let go.  cairo keeps the last FONT_HOLDOVERS
 * scaled fonts nobody holds any more, and each keeps its font face alive:
 * for poppler's faces, the embedded font file read whole (megabytes for a
 * CJK font).  Read document after document in one process, those files
 * pile up.  Creating and dropping as many scaled fonts of an empty user
 * font (no font file, no glyphs) pushes the document's out of the
 * holdovers, and their faces and font files are freed.
 */
#define FONT_HOLDOVERS 256    /* CAIRO_SCALED_FONT_MAX_HOLDOVERS of cairo */
#define FONT_RELEASE_PAGES 16 /* pages read between releases within a document */
static void release_font_holdovers(void)
{
	cairo_font_face_t *face = cairo_user_font_face_create();
	cairo_font_options_t *options = cairo_font_options_create();
	cairo_matrix_t ctm;
	cairo_matrix_init_identity(&ctm);
	for (int i = 1; i <= FONT_HOLDOVERS; i++) {
		cairo_matrix_t size;
		cairo_matrix_init_scale(&size, i, i); /* each size its own scaled font */
		cairo_scaled_font_destroy(cairo_scaled_font_create(face, &size, &ctm, options));
	}
	cairo_font_options_destroy(options);
	cairo_font_face_destroy(face);
}

int pdf_load(document *doc, const char *data, size_t len, const pdf_options *opt, error *err)
{
	if (len == 0) {
		error_set(err, ERROR_INPUT, 0, "empty file");
		return -1;
	}
	if (len < 5 || memcmp(data, "%PDF-", 5) != 0) {
		/* Some files carry junk before the header; poppler accepts it within 1 KiB. */
		if (!memmem(data, len < 1024 ? len : 1024, "%PDF-", 5)) {
			error_set(err, ERROR_INPUT, 0, "not a PDF file");
			return -1;
		}
	}
	g_log_set_handler("Poppler", G_LOG_LEVEL_MASK, quiet_log, NULL);
	GBytes *bytes = g_bytes_new_static(data, len);
	GError *gerr = NULL;
	PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, &gerr);
	if (!pd) {
		if (gerr && gerr->domain == POPPLER_ERROR && gerr->code == POPPLER_ERROR_ENCRYPTED)
			error_set(err, ERROR_INPUT, 0, "encrypted PDF (a password is needed)");
		else
			error_set(err, ERROR_INPUT, 0, "damaged or truncated PDF (cannot be opened)");
		if (gerr)
			g_error_free(gerr);
		g_bytes_unref(bytes);
		return -1;
	}
	char *producer = poppler_document_get_producer(pd);
	char *creator = poppler_document_get_creator(pd);
	if (producer && *producer)
		doc->producer = arena_strdup(doc->arena, producer);
	else if (creator && *creator)
		doc->producer = arena_strdup(doc->arena, creator);
	g_free(producer);
	g_free(creator);

	int n = poppler_document_get_n_pages(pd);
	if (n <= 0) {
		g_object_unref(pd);
		g_bytes_unref(bytes);
		error_set(err, ERROR_INPUT, 0, "PDF has no pages");
		return -1;
	}
	int first = opt && opt->first_page > 0 ? opt->first_page : 1;
	int last = opt && opt->last_page > 0 && opt->last_page < n ? opt->last_page : n;
	if (first > n) {
		g_object_unref(pd);
		g_bytes_unref(bytes);
		error_set(err, ERROR_USAGE, 0, "--pages starts at page %d but the PDF has %d page%s", first, n,
		          n == 1 ? "" : "s");
		return -1;
	}
	if (opt && opt->last_page > n)
		doc_warn(doc, "pages_past_end", 0, NULL, "--pages ends at page %d but the PDF has %d page%s; read to page %d", opt->last_page, n,
		         n == 1 ? "" : "s", n);
	double scale = opt && opt->raster_scale > 0 ? opt->raster_scale : 1.0;
	size_t with_text = 0, total = 0;
	bool prev_drawn = false;
	ocr_state ocr = { .off = opt && opt->no_ocr };
	canvas cv = { 0 };
	pdfpaths *paths = getenv("DISCLEX_RASTER") ? NULL : pdfpaths_open(pd);
	for (int i = first; i <= last; i++) {
		page *pg = VEC_PUSH(doc->arena, &doc->pages);
		pg->number = i;
		PopplerPage *pp = poppler_document_get_page(pd, i - 1);
		total++;
		if (!pp) {
			pg->failed = true;
			doc_warn(doc, "page_unreadable", i, NULL, "page cannot be read");
			prev_drawn = false;
			continue;
		}
		poppler_page_get_size(pp, &pg->width, &pg->height);
		if (!(pg->width > 0 && pg->height > 0 && pg->width < 1e5 && pg->height < 1e5)) {
			pg->failed = true;
			doc_warn(doc, "page_unreadable", i, NULL, "page has no usable size");
			g_object_unref(pp);
			prev_drawn = false;
			continue;
		}
		/* One pass reads the page's text and draws its paths
		 * (read_page_paths).  Without it, drawing leaves the page's text
		 * with poppler, read then without a pass of its own: a page after
		 * a drawn one (tables run on) is drawn whole before its text is
		 * known.  The drawing is dropped when the page turns out not to
		 * be drawn. */
		int vector = read_page_paths(pg, pp, paths, i - 1, scale, &cv);
		bool have_drawing = !paths && prev_drawn && raster_fits(pg, scale) && draw_raster(pg, pp, scale, &cv);
		bool drawn = false;
		load_glyphs(doc, pg, pp);
		turn_to_reading(pg);
		repair_boxes(pg);
		if (page_has_text(pg)) {
			with_text++;
			/* A page after one with rulings may hold the tail of its table. */
			bool after_rules = i > first && doc->pages.items[doc->pages.len - 2].rulings.len > 0;
			if (after_rules || page_may_hold_table(pg)) {
				drawn = true;
				if (pg->turn != 0) /* drawn as displayed: draw again turned back */
					have_drawing = false;
				else if (vector == 1)
					have_drawing = true;
				if (!raster_fits(pg, scale))
					doc_warn(doc, "page_too_large", pg->number, NULL, "page too large to look for table rulings");
				/* Drawn from its paths alone, the page is paper outside
				 * the area they painted: only that is scanned. */
				bool paths_drawn = have_drawing && vector == 1 && pg->turn == 0;
				if (raster_fits(pg, scale) && !have_drawing) {
					paths_drawn = (vector < 0 || pg->turn != 0) && draw_paths(pg, pp, paths, i - 1, scale, &cv);
					have_drawing = paths_drawn || draw_raster(pg, pp, scale, &cv);
				}
				int area[4];
				if (have_drawing)
					read_rulings(doc, pg, &cv, scale, paths_drawn && pdfpaths_area(paths, area) ? area : NULL);
			}
		} else {
			bool image = page_has_large_image(pg, pp);
			if (!image && !page_has_ink(pg, pp)) {
				with_text++; /* a blank page: nothing is missing from it */
			} else if (!image && page_only_rulings(doc, pg, pp, &cv, scale)) {
				with_text++; /* ruled but empty: nothing is missing from it */
				drawn = true;
			} else {
				pg->image_only = true;
				read_scanned_page(doc, pg, pp, &ocr, scale, &cv);
			}
		}
		prev_drawn = drawn;
		g_object_unref(pp);
		if (total % FONT_RELEASE_PAGES == 0)
			release_font_holdovers();
	}
	ocr_close(ocr.engine);
	pdfpaths_close(paths);
	canvas_release(&cv);
	doc->text_layer = with_text == total ? LAYER_FULL : with_text == 0 ? LAYER_NONE : LAYER_PARTIAL;
	g_object_unref(pd);
	g_bytes_unref(bytes);
	release_font_holdovers();
	return 0;
}
