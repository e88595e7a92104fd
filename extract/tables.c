/*
 * tables: tables recovered from page geometry (rulings and glyph boxes).
 *
 * Ruled tables, per page
 *   1. Rulings are split into horizontal and vertical segments; collinear
 *      pieces with small gaps (anti-aliasing, crossings) are joined.
 *   2. Segments that touch or cross are grouped (union-find); a group with
 *      at least two of each kind bounds one table.
 *   3. The group's distinct x of verticals (plus the horizontals' outer
 *      ends, for tables with open sides) and distinct y of horizontals (plus
 *      the verticals' outer ends, but not those reaching above the top rule
 *      over the table's caption line, 部门：… 单位：万元) give the finest
 *      grid:
 *
 *          x0    x1    x2    x3          a grid slot (i, j) lies between
 *       y0 ┼─────┼─────┼─────┼           ys[i..i+1] and xs[j..j+1]; where
 *          │  A        │  B  │           no segment covers the border
 *       y1 ┼─────┼─────┼─────┼           between two slots (A's inner
 *          │  C  │  D  │  E  │           vertical) they are one cell
 *       y2 ┼─────┴─────┴─────┼
 *
 *   4. Slots joined across missing borders form cells; each cell is grown
 *      to the rectangle around it, so every merged cell has a row and
 *      column span.  A border that one row leaves out is still a border
 *      where an amount ends at it or starts after it (508.64|年终结转结余).
 *   5. Each glyph goes to the cell under its centre; a cell's glyphs are
 *      cut into lines (a Han character's box counted at most 1.5 times its
 *      advance tall, for fonts with tall boxes) and the lines joined (CJK
 *      directly, Latin with a space, a code line with a space before its
 *      name: 2070101 / 行政运行), so a label wrapped over two lines is
 *      one cell, and a figure wrapped in a narrow cell ("2268.8" over "2")
 *      one figure; so are pieces over several lines ("3357" over "775." over
 *      "00") when each line but the last is full (the column's widest figure
 *      would not take another character) and together they are one
 *      well-formed amount.  Each cell keeps its box on the page (the grid lines
 *      around its spans), for `disclex inspect` to draw.
 *   6. A frame that leaves several amounts side by side in its cells (an
 *      outer box only, or only some verticals, or a one-column band round a
 *      row: an amount run into the words of a label wrapped round it counts)
 *      is no grid: its lines go to
 *      the unruled recovery.
 * Captions
 *   Lines just above a table, walking upwards, are read for the form number
 *   (公开02表), the unit (单位：万元), the entity (部门：…) and the title; the
 *   walk stops after the title, at a gap of more than three lines, or at a
 *   paragraph.  They are claimed by the table and are not text blocks.
 *   A title (with its unit line) left alone at the foot of a page belongs to
 *   the next page's first table when that table has none and nothing is
 *   printed above it (warning caption_page_before); a part heading (第三部分
 *   …) is no table's title.  A header left alone there (with its caption
 *   over it), the next page's first table opening with its rows, untitled,
 *   is that table's: laid on the columns of its rows (unruled.c), the two
 *   are one table from the page before (warning header_page_before).
 * Across pages
 *   A table that ends a page and a table that starts the next page with no
 *   title of its own (or the same title repeated, or a running one) and no
 *   header of its own (a first row of words over its figures, most of them,
 *   or two of those over figures, not in the first one's header), with the
 *   same number of columns at the same places, and rows coded in the same
 *   classification (an economic 基本支出 table is not continued by
 *   function-coded 政府性基金 rows), are one table; the continuation's
 *   repeated header rows are
 *   dropped: all of them, the same header words cut into rows otherwise, or
 *   leading rows without amounts whose every cell is found, word by word, in
 *   the header of its column or of one beside it (an export repeating part
 *   of the header, or only its last line; a narrow column's wrapped header
 *   cut otherwise on this page).  A first row printing the header's words
 *   again, cut into rows otherwise, is that header, not a form's next
 *   项目名称 line.  An unruled continuation whose borders came out otherwise is
 *   first cut at the borders of the page before (with other columns than
 *   that page, codes set apart from their names or a blank column left out,
 *   each inner border of the one with fewer is paired with the other's
 *   nearest), but for a border of its
 *   own with nothing of the page before between it and that page's (a
 *   label longer on this page), or one cutting none of the page before's
 *   words where that page's would cut its own (a border the page before,
 *   a row under its header, took from header words centred in wide
 *   cells): that one is kept.  A part opening as the
 *   table did with another value (项目名称 | the next project) starts a
 *   table of its own: a form per project, one after the other.  A part with
 *   fewer columns, each border one of the table's, untitled or opening by
 *   repeating one of its rows (a form's indicator header), is laid on the
 *   table's columns first (`continuation_widened`); so is a header alone at
 *   the foot of a page (three rows at most, no figure: 人员经费 | 公用经费 over
 *   a table's halves), each border one of the untitled table's at the top of
 *   the next page, whatever header that one prints: its first header rows.
 *   Lines over the page's first table (or read as its title) printing no
 *   amount and only characters of the header of the table ending the page
 *   before, as often at most, are that header repeated, set apart from the
 *   rows by a wide gap: claimed, the table first on its page.  A join resting on no
 *   repeated header, or on part of one, gets a `continuation_guessed`
 *   warning.  An untitled table at the top of a page after a table ending
 *   the page before that cannot be joined (other columns, or header rows
 *   of its own: words the table before does not print) is kept on its
 *   own with a `continuation_unjoined` warning.  Lines printing two amounts
 *   or more left above a page's first table under no table, after a table
 *   ending the page before, are rows of it no recovery read (a lone row, its
 *   label wrapped round its figures): they are laid on that table's columns,
 *   with the lines of words next to them, and joined (`continuation_guessed`);
 *   what cannot be is said (`continuation_unread`).
 * Unruled tables
 *   Runs of lines whose text falls into two or more blocks separated by wide
 *   gaps, at least two of them holding amounts, are cut into columns at the
 *   x positions no line crosses (see unruled.c).
 */
#include "extract/tables.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/sbuf.h"
#include "extract/caption.h"
#include "extract/header.h"
#include "extract/layout.h"
#include "extract/unruled.h"
#include "normalize/number.h"
#include "normalize/text.h"

#define JOIN_GAP 2.5f   /* collinear pieces closer than this are one segment */
#define TOUCH 3.0f      /* a segment ending this close to another touches it */
#define GRID_TOL 3.0    /* positions closer than this are one grid line */
#define MIN_BORDER 14.0f /* a horizontal shorter than this is a glyph's stroke, not a border */
#define COVER 0.75      /* share of a border that must be drawn to separate two slots */


static int cmp_seg(const void *pa, const void *pb)
{
	const seg *a = pa, *b = pb;
	if (fabsf(a->at - b->at) > 0.01f)
		return a->at < b->at ? -1 : 1;
	return (a->lo > b->lo) - (a->lo < b->lo);
}

/* Joins collinear pieces: sorted by position then start, a piece on (nearly) the same line starting
 * within JOIN_GAP of the previous one's end extends it. */
static void join_collinear(seg_vec *v)
{
	if (!v->len)
		return;
	qsort(v->items, v->len, sizeof(seg), cmp_seg);
	size_t out = 0;
	for (size_t i = 0; i < v->len; i++) {
		seg s = v->items[i];
		bool merged = false;
		for (size_t k = out; k-- > 0;) {
			seg *p = &v->items[k];
			if (s.at - p->at > 1.5f)
				break;
			if (s.lo <= p->hi + JOIN_GAP && s.hi >= p->lo - JOIN_GAP) {
				p->at = (p->at + s.at) / 2;
				if (s.lo < p->lo) p->lo = s.lo;
				if (s.hi > p->hi) p->hi = s.hi;
				merged = true;
				break;
			}
		}
		if (!merged)
			v->items[out++] = s;
	}
	v->len = out;
}

static size_t uf_find(size_t *parent, size_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static void uf_union(size_t *parent, size_t a, size_t b)
{
	a = uf_find(parent, a);
	b = uf_find(parent, b);
	if (a != b)
		parent[a < b ? b : a] = a < b ? a : b;
}


static bool touches(const seg *h, const seg *v)
{
	return v->at >= h->lo - TOUCH && v->at <= h->hi + TOUCH && h->at >= v->lo - TOUCH &&
	       h->at <= v->hi + TOUCH;
}

static void keep_structural_once(seg_vec *hs, seg_vec *vs);

static bool end_meets(const seg *v, float end, const seg_vec *hs)
{
	for (size_t i = 0; i < hs->len; i++) {
		const seg *h = &hs->items[i];
		if (h->hi - h->lo < MIN_BORDER)
			continue;
		if (fabsf(h->at - end) <= TOUCH && v->at >= h->lo - TOUCH && v->at <= h->hi + TOUCH)
			return true;
	}
	return false;
}

/*
 * Keeps only strokes that can be cell borders: a vertical must run from one
 * horizontal at least MIN_BORDER long to another (or from one, when it is
 * three times that long: no glyph has such a stroke), a horizontal must meet at
 * least two of those verticals.  A stroke of a glyph the masking missed (a
 * bracket, a quote, a digit) fails this: glyph strokes are shorter than a
 * border and do not join two of them.  Two rounds let each kind prune the
 * other.
 */
static void keep_structural(seg_vec *hs, seg_vec *vs)
{
	for (int round = 0; round < 2; round++)
		keep_structural_once(hs, vs);
}

static void keep_structural_once(seg_vec *hs, seg_vec *vs)
{
	size_t out = 0;
	for (size_t j = 0; j < vs->len; j++) {
		const seg *v = &vs->items[j];
		bool top = end_meets(v, v->lo, hs), bottom = end_meets(v, v->hi, hs);
		/* A long border may end at a fill or rule too faint to be seen: one end will do. */
		if ((top && bottom) || ((top || bottom) && v->hi - v->lo >= 3 * MIN_BORDER))
			vs->items[out++] = *v;
	}
	vs->len = out;
	out = 0;
	for (size_t i = 0; i < hs->len; i++) {
		const seg *h = &hs->items[i];
		int met = 0;
		for (size_t j = 0; j < vs->len && met < 2; j++)
			met += touches(h, &vs->items[j]);
		if (met >= 2)
			hs->items[out++] = *h;
	}
	hs->len = out;
}

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

/* Sorts values and replaces runs closer than GRID_TOL by their mean; returns the new count. */
static size_t cluster(double *v, size_t n)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof(double), cmp_double);
	size_t out = 0, start = 0;
	for (size_t i = 1; i <= n; i++) {
		if (i == n || v[i] - v[i - 1] > GRID_TOL) {
			double sum = 0;
			for (size_t k = start; k < i; k++)
				sum += v[k];
			/* The outermost lines keep their extreme value, inner ones the mean. */
			v[out++] = sum / (double)(i - start);
			start = i;
		}
	}
	return out;
}

/* Share of [lo, hi] covered by segments lying at `at`. */
static double coverage(const seg *s, size_t n, double at, double lo, double hi)
{
	double len = hi - lo;
	if (len <= 0)
		return 1;
	/* Pieces are few per line; sum overlaps (they were joined, so they do not overlap each other). */
	double covered = 0;
	for (size_t i = 0; i < n; i++) {
		if (fabs(s[i].at - at) > GRID_TOL)
			continue;
		double a = s[i].lo > lo ? s[i].lo : lo, b = s[i].hi < hi ? s[i].hi : hi;
		if (b > a)
			covered += b - a;
	}
	return covered / len;
}


static size_t locate(const double *lines, size_t n, double v)
{
	/* Index i with lines[i] <= v < lines[i+1], or n-1 when outside. */
	if (v < lines[0] || v >= lines[n - 1])
		return n - 1;
	size_t lo = 0, hi = n - 1;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (lines[mid] <= v)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static bool numeral_only(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ',' || s[i] == '-' || s[i] == '%'))
			return false;
	return n > 0;
}

static void join_cell_text(sbuf *out, const char *line)
{
	if (out->len && *line && norm_wrapped_figure(out->buf, out->len, line)) {
		sbuf_addstr(out, line);
		return;
	}
	if (out->len && *line) {
		uint32_t last = 0, first = 0;
		size_t i = out->len;
		while (i > 0 && (out->buf[i - 1] & 0xC0) == 0x80)
			i--;
		if (i > 0)
			i--;
		utf8_decode(out->buf + i, out->len - i, &last);
		utf8_decode(line, strlen(line), &first);
		bool cjk_join = last >= 0x2E80 || first >= 0x2E80;
		/* A code on a line of its own over its name (2070101 / 行政运行) keeps the
		   line break as a space, the sign that the digits are a code (norm_split_code). */
		bool code_line = norm_is_code(out->buf, out->len) && !(first >= '0' && first <= '9');
		if ((!cjk_join || code_line) && last != ' ')
			sbuf_addch(out, ' ');
	}
	sbuf_addstr(out, line);
}

/* Cuts a cell's glyphs into lines, top to bottom, each in x order (idx re-ordered in
 * place); starts[l] is the first glyph of line l, starts[count] == n.  Returns count. */
static size_t cell_lines(const page *pg, size_t *idx, size_t n, size_t *starts)
{
	qsort_r(idx, n, sizeof(size_t), layout_cmp_centre_y, pg->glyphs.items);
	size_t start = 0, count = 0;
	while (start < n) {
		const glyph *g0 = &pg->glyphs.items[idx[start]];
		double centre = (g0->y0 + g0->y1) / 2, height = g0->y1 - g0->y0;
		/* A Han character is square: a box far taller than its advance (a
		 * font's tall ascent and descent) would take the next line in. */
		double advance = g0->x1 - g0->x0;
		if (g0->cp >= 0x3400 && g0->cp <= 0x9FFF && advance > 0 && height > advance * 1.5)
			height = advance * 1.5;
		size_t end = start + 1;
		while (end < n) {
			const glyph *g = &pg->glyphs.items[idx[end]];
			if ((g->y0 + g->y1) / 2 - centre > height * 0.5)
				break;
			end++;
		}
		qsort_r(idx + start, end - start, sizeof(size_t), layout_cmp_x, pg->glyphs.items);
		starts[count++] = start;
		start = end;
	}
	starts[count] = n;
	return count;
}

static double line_width(const page *pg, const size_t *idx, size_t from, size_t to)
{
	double x0 = pg->glyphs.items[idx[from]].x0, x1 = pg->glyphs.items[idx[from]].x1;
	for (size_t k = from + 1; k < to; k++) {
		const glyph *g = &pg->glyphs.items[idx[k]];
		if (g->x0 < x0)
			x0 = g->x0;
		if (g->x1 > x1)
			x1 = g->x1;
	}
	return x1 - x0;
}

/*
 * An amount the cell's width broke over lines ("3357" over "775." over "00";
 * "3,78" over "0,63" over "7.53"): every line is a numeral, every line but
 * the last is full (it and the next line's first character, with the marks
 * after it that no line may start with, would be wider than `fill`, the
 * widest figure printed in the column: "897" over "0.00") and the lines read
 * together are one well-formed amount (norm_amount: one point, groups of three).
 * Returns the amount's text, or NULL.
 */
static char *broken_amount(arena *a, const page *pg, const size_t *idx, const size_t *starts, size_t nlines,
                           char *const *texts, double fill)
{
	if (nlines < 2 || fill <= 0)
		return NULL;
	sbuf joined = SBUF_INIT;
	bool ok = true;
	for (size_t l = 0; l < nlines && ok; l++) {
		ok = numeral_only(texts[l], strlen(texts[l]));
		if (ok && l + 1 < nlines) {
			/* The line grows by the next character and the space between glyphs. */
			size_t from = starts[l], to = starts[l + 1];
			double w = line_width(pg, idx, from, to), inked = 0;
			for (size_t k = from; k < to; k++)
				inked += pg->glyphs.items[idx[k]].x1 - pg->glyphs.items[idx[k]].x0;
			double gap = to - from > 1 ? (w - inked) / (double)(to - from - 1) : 0;
			/* A line may not break before a point or a comma: the next line's
			 * first character brings the marks right after it. */
			const glyph *next = &pg->glyphs.items[idx[to]];
			size_t unit_end = to + 1;
			while (unit_end < starts[l + 2] && (pg->glyphs.items[idx[unit_end]].cp == '.' ||
			                                   pg->glyphs.items[idx[unit_end]].cp == ','))
				unit_end++;
			double adv = pg->glyphs.items[idx[unit_end - 1]].x1 - next->x0;
			ok = w + gap + adv > fill + 0.05 * (next->x1 - next->x0);
		}
		sbuf_addstr(&joined, texts[l]);
	}
	char *out = ok && norm_is_figure(joined.buf) ? arena_strndup(a, joined.buf, joined.len) : NULL;
	sbuf_release(&joined);
	return out;
}

char *tables_text_of(arena *a, const page *pg, size_t *idx, size_t n, double fill)
{
	if (!n)
		return "";
	size_t *starts = arena_calloc(a, n + 1, sizeof(size_t));
	size_t nlines = cell_lines(pg, idx, n, starts);
	char **texts = arena_calloc(a, nlines, sizeof(char *));
	for (size_t l = 0; l < nlines; l++)
		texts[l] = layout_glyph_text(a, pg, idx + starts[l], starts[l + 1] - starts[l]);
	char *whole = broken_amount(a, pg, idx, starts, nlines, texts, fill);
	if (whole)
		return whole;
	sbuf text = SBUF_INIT;
	for (size_t l = 0; l < nlines; l++)
		join_cell_text(&text, texts[l]);
	char *out = arena_strndup(a, text.buf, text.len);
	sbuf_release(&text);
	return out;
}

/*
 * The widest figure printed in each column, over its cells one column wide:
 * figures have to fit in the column's width (a header or a label may reach
 * over its neighbours where nothing is drawn between them).
 */
static double *column_fill(arena *a, const page *pg, size_t cols, size_t n, size_t **members, const size_t *count,
                           const size_t *r0, const size_t *c0, const size_t *c1)
{
	double *fill = arena_calloc(a, cols, sizeof(double));
	for (size_t root = 0; root < n; root++) {
		if (r0[root] == SIZE_MAX || c0[root] != c1[root] || !count[root])
			continue;
		size_t *starts = arena_calloc(a, count[root] + 1, sizeof(size_t));
		size_t nl = cell_lines(pg, members[root], count[root], starts);
		for (size_t l = 0; l < nl; l++) {
			char *text = layout_glyph_text(a, pg, members[root] + starts[l], starts[l + 1] - starts[l]);
			if (!numeral_only(text, strlen(text)))
				continue;
			double w = line_width(pg, members[root], starts[l], starts[l + 1]);
			if (w > fill[c0[root]])
				fill[c0[root]] = w;
		}
	}
	return fill;
}

/*
 * A grid row (column) whose every slot is covered by cells from the rows
 * above (columns to the left) prints nothing of its own: it only comes from
 * a border that runs part of the way.  It is dropped and the cells over it
 * lose a row (column) of span.
 */
static void drop_covered(found_table *ft)
{
	for (size_t i = ft->nrows; i-- > 1;) {
		bool covered = true;
		for (size_t j = 0; j < ft->ncols && covered; j++)
			covered = ft->cells[i * ft->ncols + j].rowspan == 0;
		if (!covered)
			continue;
		for (size_t r = 0; r < i; r++)
			for (size_t j = 0; j < ft->ncols; j++) {
				cell *ce = &ft->cells[r * ft->ncols + j];
				if (ce->rowspan > 0 && r + (size_t)ce->rowspan > i)
					ce->rowspan--;
			}
		memmove(ft->cells + i * ft->ncols, ft->cells + (i + 1) * ft->ncols,
		        (ft->nrows - i - 1) * ft->ncols * sizeof(cell));
		ft->nrows--;
	}
	for (size_t j = ft->ncols; j-- > 1;) {
		bool covered = true;
		for (size_t i = 0; i < ft->nrows && covered; i++)
			covered = ft->cells[i * ft->ncols + j].colspan == 0;
		if (!covered)
			continue;
		size_t cols = ft->ncols;
		for (size_t i = 0; i < ft->nrows; i++)
			for (size_t c = 0; c < j; c++) {
				cell *ce = &ft->cells[i * cols + c];
				if (ce->colspan > 0 && c + (size_t)ce->colspan > j)
					ce->colspan--;
			}
		/* Remove column j from every row, and its left border. */
		size_t out = 0;
		for (size_t i = 0; i < ft->nrows; i++)
			for (size_t c = 0; c < cols; c++)
				if (c != j)
					ft->cells[out++] = ft->cells[i * cols + c];
		memmove(ft->xs + j, ft->xs + j + 1, (cols - j) * sizeof(double));
		ft->ncols--;
	}
}

static bool is_digit_cp(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

/*
 * Is a vertical border that this row does not draw (xs[j]) still where one
 * cell ends and the next begins?  True when the border is drawn over most of
 * the table's height, no glyph of the row crosses it, both slots hold text
 * and an amount ends at it or starts after it (an amount printed flush
 * against the next column's label: "508.64|年终结转结余").  A merged header
 * cell ("收 入" over two columns) has no amount at the border and stays one.
 */
static bool amount_at_border(const page *pg, const grid *g, const seg_vec *vs, size_t i, size_t j)
{
	double x = g->xs[j], top = g->ys[i], bottom = g->ys[i + 1];
	if (coverage(vs->items, vs->len, x, g->ys[0], g->ys[g->ny - 1]) < 0.5)
		return false;
	const glyph *last = NULL, *first = NULL;
	for (size_t k = 0; k < pg->glyphs.len; k++) {
		const glyph *gl = &pg->glyphs.items[k];
		double cy = (gl->y0 + gl->y1) / 2;
		if ((gl->flags & GLYPH_SPACE) || cy < top || cy >= bottom)
			continue;
		if (gl->x0 < x && gl->x1 > x)
			return false;
		if (gl->x1 <= x && gl->x0 >= g->xs[j - 1] && (!last || gl->x1 > last->x1))
			last = gl;
		if (gl->x0 >= x && (j + 1 >= g->nx || gl->x1 <= g->xs[j + 1]) && (!first || gl->x0 < first->x0))
			first = gl;
	}
	return last && first && (is_digit_cp(last->cp) || is_digit_cp(first->cp));
}

bool tables_build_grid(document *doc, page *pg, const grid *g, const seg_vec *hs, const seg_vec *vs,
                       found_table *ft)
{
	size_t rows = g->ny - 1, cols = g->nx - 1, n = rows * cols;
	if (rows < 1 || cols < 1 || n < 2)
		return false;
	size_t *parent = malloc(n * sizeof(size_t));
	if (!parent)
		abort();
	for (size_t i = 0; i < n; i++)
		parent[i] = i;
	for (size_t i = 0; i < rows; i++)
		for (size_t j = 0; j < cols; j++) {
			if (j + 1 < cols && coverage(vs->items, vs->len, g->xs[j + 1], g->ys[i], g->ys[i + 1]) < COVER &&
			    !amount_at_border(pg, g, vs, i, j + 1))
				uf_union(parent, i * cols + j, i * cols + j + 1);
			if (i + 1 < rows && coverage(hs->items, hs->len, g->ys[i + 1], g->xs[j], g->xs[j + 1]) < COVER)
				uf_union(parent, i * cols + j, (i + 1) * cols + j);
		}
	/* Grow every group to its bounding rectangle until stable. */
	size_t *r0 = malloc(n * sizeof(size_t) * 4);
	if (!r0)
		abort();
	size_t *r1 = r0 + n, *c0 = r1 + n, *c1 = c0 + n;
	for (bool changed = true; changed;) {
		changed = false;
		for (size_t i = 0; i < n; i++) {
			r0[i] = c0[i] = SIZE_MAX;
			r1[i] = c1[i] = 0;
		}
		for (size_t i = 0; i < rows; i++)
			for (size_t j = 0; j < cols; j++) {
				size_t root = uf_find(parent, i * cols + j);
				if (i < r0[root]) r0[root] = i;
				if (i > r1[root]) r1[root] = i;
				if (j < c0[root]) c0[root] = j;
				if (j > c1[root]) c1[root] = j;
			}
		for (size_t root = 0; root < n; root++) {
			if (r0[root] == SIZE_MAX)
				continue;
			for (size_t i = r0[root]; i <= r1[root]; i++)
				for (size_t j = c0[root]; j <= c1[root]; j++)
					if (uf_find(parent, i * cols + j) != uf_find(parent, root)) {
						uf_union(parent, i * cols + j, root);
						changed = true;
					}
		}
	}
	/* Glyphs to cells. */
	size_t *count = calloc(n, sizeof(size_t));
	size_t **members = calloc(n, sizeof(size_t *));
	size_t *cap = calloc(n, sizeof(size_t));
	if (!count || !members || !cap)
		abort();
	size_t glyphs_inside = 0;
	for (size_t k = 0; k < pg->glyphs.len; k++) {
		const glyph *gl = &pg->glyphs.items[k];
		if (gl->flags & GLYPH_SPACE)
			continue;
		double cx = (gl->x0 + gl->x1) / 2, cy = (gl->y0 + gl->y1) / 2;
		size_t j = locate(g->xs, g->nx, cx), i = locate(g->ys, g->ny, cy);
		if (j >= cols || i >= rows)
			continue;
		size_t root = uf_find(parent, i * cols + j);
		if (count[root] == cap[root]) {
			cap[root] = cap[root] ? cap[root] * 2 : 8;
			members[root] = realloc(members[root], cap[root] * sizeof(size_t));
			if (!members[root])
				abort();
		}
		members[root][count[root]++] = k;
		glyphs_inside++;
	}
	bool ok = glyphs_inside > 0;
	if (ok) {
		arena *tmp = arena_new();
		double *fill = column_fill(tmp, pg, cols, n, members, count, r0, c0, c1);
		ft->nrows = rows;
		ft->ncols = cols;
		ft->cells = arena_calloc(doc->arena, n, sizeof(cell));
		for (size_t i = 0; i < rows; i++)
			for (size_t j = 0; j < cols; j++) {
				size_t slot = i * cols + j, root = uf_find(parent, slot);
				cell *ce = &ft->cells[slot];
				if (r0[root] == i && c0[root] == j) {
					ce->rowspan = (int)(r1[root] - r0[root] + 1);
					ce->colspan = (int)(c1[root] - c0[root] + 1);
					/* An amount broken over lines is read whole in a cell one column wide. */
					ce->text = tables_text_of(doc->arena, pg, members[root], count[root],
					                          c1[root] == j ? fill[j] : 0);
					ce->x0 = (float)g->xs[j];
					ce->y0 = (float)g->ys[i];
					ce->x1 = (float)g->xs[c1[root] + 1];
					ce->y1 = (float)g->ys[r1[root] + 1];
				} else {
					ce->rowspan = ce->colspan = 0;
					ce->text = NULL;
				}
			}
		ft->xs = arena_calloc(doc->arena, g->nx, sizeof(double));
		memcpy(ft->xs, g->xs, g->nx * sizeof(double));
		ft->ys = arena_calloc(doc->arena, g->ny, sizeof(double));
		memcpy(ft->ys, g->ys, g->ny * sizeof(double));
		ft->ny = g->ny;
		ft->page = pg->number;
		ft->bb = (box){ g->xs[0], g->ys[0], g->xs[g->nx - 1], g->ys[g->ny - 1] };
		drop_covered(ft);
		arena_free(tmp);
	}
	for (size_t i = 0; i < n; i++)
		free(members[i]);
	free(members);
	free(count);
	free(cap);
	free(r0);
	free(parent);
	return ok;
}

/* Amounts printed side by side in one cell's text: "12.50 3,400.00"; with `glued`, an
   amount with a separator or a decimal point run into the words of a word counts too (the
   label of a row run into its figures: 一般公共服务支4,203,207). */
static size_t amounts_in(const char *text, bool glued)
{
	size_t n = 0;
	char tok[64];
	while (*text) {
		while (*text == ' ')
			text++;
		size_t len = strcspn(text, " ");
		if (len && len < sizeof tok) {
			memcpy(tok, text, len);
			tok[len] = '\0';
			if (norm_is_figure(tok)) {
				n++;
			} else if (glued) {
				/* The runs of digits and marks inside the word, cut off by its other characters. */
				for (size_t i = 0; i < len;) {
					size_t run = strspn(tok + i, "0123456789,.");
					if (!run) {
						i++;
						continue;
					}
					char saved = tok[i + run];
					tok[i + run] = '\0';
					n += run < len && tok[i] >= '0' && tok[i] <= '9' && strpbrk(tok + i, ",.") &&
					     norm_is_figure(tok + i);
					tok[i + run] = saved;
					i += run;
				}
			}
		}
		text += len;
	}
	return n;
}

/* Figures standing next to one another with nothing but spaces between ("12.50 3,400.00"):
   how many stand in such runs of two or more.  Figures in a sentence (不低于 935 人，… 5,600 人)
   stand apart, each among words. */
static size_t figures_side_by_side(const char *text)
{
	size_t n = 0, run = 0;
	char tok[64];
	for (;;) {
		while (*text == ' ')
			text++;
		size_t len = strcspn(text, " ");
		bool figure = false;
		if (len && len < sizeof tok) {
			memcpy(tok, text, len);
			tok[len] = '\0';
			figure = norm_is_figure(tok);
		}
		if (figure) {
			run++;
		} else {
			n += run >= 2 ? run : 0;
			run = 0;
		}
		if (!len)
			break;
		text += len;
	}
	return n;
}

/* The values a line ends with: figures or marks standing for a blank (- — /) after its words
   ("30231 公务用车运行维护费 - - -"), each standing alone. */
static size_t trailing_values(const char *text)
{
	size_t n = 0;
	char tok[64];
	for (;;) {
		while (*text == ' ')
			text++;
		size_t len = strcspn(text, " ");
		if (!len)
			break;
		decimal d;
		bool value = false;
		if (len < sizeof tok) {
			memcpy(tok, text, len);
			tok[len] = '\0';
			value = norm_amount(tok, &d) != AMOUNT_NOT;
		}
		n = value ? n + 1 : 0;
		text += len;
	}
	return n;
}

/*
 * A drawn frame that does not separate the columns it holds: an outer box
 * with no inner verticals, or only some of them, leaves several amounts side
 * by side in one cell.  When that is so for three amounts or more and in a
 * third of the cells printing amounts, the frame is no grid: its lines are left to the
 * unruled recovery, which cuts columns from the text.  In a frame of one column (a
 * shaded band round a row) two amounts are enough, and those run into the words of a
 * label wrapped round them count too, and so do a row's values left blank (- - - ending
 * its line, under a repeated header band); in a grid of several columns only figures next
 * to one another count, for a cell may print prose with figures in it (a project's
 * goals: 不低于 935 人，… 5,600 人).
 */
static bool under_ruled(const found_table *ft)
{
	size_t with_amounts = 0, several = 0, side_by_side = 0;
	for (size_t i = 0; i < ft->nrows * ft->ncols; i++) {
		const char *text = ft->cells[i].text;
		if (!text || !*text)
			continue;
		size_t n = ft->ncols == 1 ? amounts_in(text, true) : figures_side_by_side(text);
		if (ft->ncols == 1 && trailing_values(text) > n)
			n = trailing_values(text);
		with_amounts += n > 0 || amounts_in(text, false) > 0;
		if (n >= 2) {
			several++;
			side_by_side += n;
		}
	}
	return side_by_side >= (ft->ncols == 1 ? 2 : 3) && 3 * several >= with_amounts;
}

/*
 * Verticals reaching above a grid's top rule (the borders of header cells
 * spanning rows, drawn a little past the top) open no row of their own when
 * the text between their ends and the rule is the table's caption (部门：…
 * 单位：万元 set just over the rule): those lines stay the caption.
 */
static bool caption_over(arena *a, const page *pg, double vlo, const double *ys, size_t ny, double x0, double x1)
{
	double top = ys[0];
	for (size_t i = 1; i < ny; i++)
		if (ys[i] < top)
			top = ys[i];
	if (vlo >= top - GRID_TOL)
		return false;
	size_t captions = 0;
	for (size_t l = 0; l < pg->lines.len; l++) {
		const textline *ln = &pg->lines.items[l];
		double cy = (ln->bb.y0 + ln->bb.y1) / 2;
		if (cy <= vlo || cy >= top || ln->bb.x1 < x0 || ln->bb.x0 > x1 || ln->furniture)
			continue;
		char *number = NULL, *entity = NULL;
		const char *unit = NULL;
		caption_parse(a, ln->text, &number, &unit, &entity);
		if (!number && !unit && !entity)
			return false;
		captions++;
	}
	return captions > 0;
}

/* A frame find_ruled left to the unruled recovery (under_ruled): its box, so that a frame
 * from which no table came is said (grid_unread). */
typedef VEC(box) box_vec;

static void find_ruled(document *doc, page *pg, found_vec *out, box_vec *left)
{
	arena *tmp = arena_new();
	seg_vec hs = { 0 }, vs = { 0 };
	for (size_t i = 0; i < pg->rulings.len; i++) {
		const ruling *r = &pg->rulings.items[i];
		if (r->y0 == r->y1)
			*VEC_PUSH(tmp, &hs) = (seg){ r->y0, r->x0, r->x1 };
		else
			*VEC_PUSH(tmp, &vs) = (seg){ r->x0, r->y0, r->y1 };
	}
	join_collinear(&hs);
	join_collinear(&vs);
	keep_structural(&hs, &vs);
	size_t nh = hs.len, nv = vs.len, n = nh + nv;
	if (nh < 2 || nv < 2) {
		arena_free(tmp);
		return;
	}
	size_t *parent = arena_calloc(tmp, n, sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		parent[i] = i;
	for (size_t i = 0; i < nh; i++)
		for (size_t j = 0; j < nv; j++)
			if (touches(&hs.items[i], &vs.items[j]))
				uf_union(parent, i, nh + j);
	for (size_t root = 0; root < n; root++) {
		if (uf_find(parent, root) != root)
			continue;
		seg_vec ch = { 0 }, cv = { 0 };
		for (size_t i = 0; i < nh; i++)
			if (uf_find(parent, i) == root)
				*VEC_PUSH(tmp, &ch) = hs.items[i];
		for (size_t j = 0; j < nv; j++)
			if (uf_find(parent, nh + j) == root)
				*VEC_PUSH(tmp, &cv) = vs.items[j];
		if (ch.len < 2 || cv.len < 2)
			continue;
		double *xs = arena_calloc(tmp, cv.len + 2, sizeof(double));
		double *ys = arena_calloc(tmp, ch.len + 2, sizeof(double));
		size_t nx = 0, ny = 0;
		double hlo = 1e9, hhi = -1e9, vlo = 1e9, vhi = -1e9;
		for (size_t j = 0; j < cv.len; j++) {
			xs[nx++] = cv.items[j].at;
			if (cv.items[j].lo < vlo) vlo = cv.items[j].lo;
			if (cv.items[j].hi > vhi) vhi = cv.items[j].hi;
		}
		for (size_t i = 0; i < ch.len; i++) {
			ys[ny++] = ch.items[i].at;
			if (ch.items[i].lo < hlo) hlo = ch.items[i].lo;
			if (ch.items[i].hi > hhi) hhi = ch.items[i].hi;
		}
		xs[nx++] = hlo;
		xs[nx++] = hhi;
		if (!caption_over(tmp, pg, vlo, ys, ny, hlo, hhi))
			ys[ny++] = vlo;
		ys[ny++] = vhi;
		grid g = { xs, ys, cluster(xs, nx), cluster(ys, ny) };
		if (g.nx < 2 || g.ny < 2 || xs[g.nx - 1] - xs[0] < 20 || ys[g.ny - 1] - ys[0] < 8)
			continue;
		found_table ft = { 0 };
		if (!tables_build_grid(doc, pg, &g, &ch, &cv, &ft))
			continue;
		if (!under_ruled(&ft))
			*VEC_PUSH(doc->arena, out) = ft;
		else
			*VEC_PUSH(doc->arena, left) = ft.bb;
	}
	arena_free(tmp);
}

/* ---- claiming lines, captions ---- */

#define TABLE_TITLE_CHAR "\xE8\xA1\xA8" /* 表 */

static bool inside(const box *b, const box *outer, double tol)
{
	double cx = (b->x0 + b->x1) / 2, cy = (b->y0 + b->y1) / 2;
	return cx >= outer->x0 - tol && cx <= outer->x1 + tol && cy >= outer->y0 - tol && cy <= outer->y1 + tol;
}

static void claim_lines(page *pg, const box *bb)
{
	for (size_t l = 0; l < pg->lines.len; l++)
		if (inside(&pg->lines.items[l].bb, bb, 0.5))
			pg->lines.items[l].in_table = true;
}

static int cmp_found_y(const void *pa, const void *pb)
{
	const found_table *a = pa, *b = pb;
	return (a->bb.y0 > b->bb.y0) - (a->bb.y0 < b->bb.y0);
}

/* Nothing but furniture between the page's top and y (or y and the bottom). */
static bool clear_between(const page *pg, double y0, double y1)
{
	for (size_t l = 0; l < pg->lines.len; l++) {
		const textline *ln = &pg->lines.items[l];
		if (ln->furniture || ln->in_table)
			continue;
		double cy = (ln->bb.y0 + ln->bb.y1) / 2;
		if (cy > y0 && cy < y1)
			return false;
	}
	return true;
}

static bool same_columns(const found_table *a, const found_table *b)
{
	if (a->ncols != b->ncols)
		return false;
	/* Borders inferred from text move with what each page prints. */
	double shift = b->xs[0] - a->xs[0], tol = a->inferred || b->inferred ? 14.0 : 4.0;
	for (size_t j = 0; j <= a->ncols; j++)
		if (fabs(b->xs[j] - a->xs[j] - shift) > tol)
			return false;
	return true;
}

/* Equal but for spaces. */
static bool same_text(const char *s, const char *t)
{
	while (*s || *t) {
		while (*s == ' ')
			s++;
		while (*t == ' ')
			t++;
		if (*s != *t)
			return false;
		if (*s) {
			s++;
			t++;
		}
	}
	return true;
}

/* The header rows of a found table, as header.c counts them on a table. */
static size_t found_header_rows(const found_table *a)
{
	table probe = { 0 };
	probe.nrows = a->nrows;
	probe.ncols = a->ncols;
	probe.cells = a->cells;
	return header_count_rows(&probe);
}

static bool rows_equal(const found_table *a, size_t ra, const found_table *b, size_t rb)
{
	for (size_t c = 0; c < a->ncols; c++) {
		const cell *x = &a->cells[ra * a->ncols + c], *y = &b->cells[rb * b->ncols + c];
		if (x->colspan != y->colspan)
			return false;
		if (!same_text(x->text ? x->text : "", y->text ? y->text : ""))
			return false;
	}
	return true;
}

/* b starts with a's header rows again (and has as many columns): a continuation
 * even where its inferred borders moved with what the page prints. */
static bool repeats_header(const found_table *a, const found_table *b)
{
	if (a->ncols != b->ncols)
		return false;
	size_t h = found_header_rows(a);
	if (!h || h > b->nrows)
		return false;
	for (size_t r = 0; r < h; r++)
		if (!rows_equal(a, r, b, r))
			return false;
	return true;
}

static int cmp_codepoint(const void *pa, const void *pb)
{
	uint32_t x = *(const uint32_t *)pa, y = *(const uint32_t *)pb;
	return (x > y) - (x < y);
}

/* The characters of s, spaces dropped, appended to out[0, n) up to cap; the new count. */
static size_t add_chars(const char *s, uint32_t *out, size_t n, size_t cap)
{
	size_t len = strlen(s);
	for (size_t k = 0; k < len && n < cap;) {
		uint32_t cp;
		k += utf8_decode(s + k, len - k, &cp);
		if (cp != ' ')
			out[n++] = cp;
	}
	return n;
}

/* The characters of the first rows of a table, spaces dropped, sorted. */
static size_t header_chars(const found_table *t, size_t rows, uint32_t *out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < rows * t->ncols; i++)
		if (t->cells[i].text)
			n = add_chars(t->cells[i].text, out, n, cap);
	qsort(out, n, sizeof(uint32_t), cmp_codepoint);
	return n;
}

/* Do a's first ha rows and b's first hb rows print the same characters? */
static bool same_words(const found_table *a, size_t ha, const found_table *b, size_t hb)
{
	enum { CAP = 4096 };
	uint32_t *x = malloc(2 * CAP * sizeof(uint32_t));
	if (!x)
		abort();
	size_t nx = header_chars(a, ha, x, CAP), ny = header_chars(b, hb, x + CAP, CAP);
	bool same = nx > 0 && nx == ny && memcmp(x, x + CAP, nx * sizeof(uint32_t)) == 0;
	free(x);
	return same;
}

/*
 * The label a form opens with: row 0's first cell when it names something
 * (项目名称, 专项名称, 部门名称: it ends with 名称) and one to three cells follow
 * it on the row (its value, maybe another label and value); NULL otherwise.
 */
static const char *form_opening(const found_table *t)
{
	if (!t->nrows || t->ncols < 2)
		return NULL;
	const char *label = t->cells[0].text;
	size_t n = label ? strlen(label) : 0;
	while (n && label[n - 1] == ' ')
		n--;
	if (n < 6 || strncmp(label + n - 6, "\xE5\x90\x8D\xE7\xA7\xB0", 6) != 0) /* 名称 */
		return NULL;
	/* A form line holds a label and its value, maybe a second pair; a header row holds more. */
	size_t printed = 0;
	for (size_t c = 1; c < t->ncols; c++) {
		const char *v = t->cells[c].text;
		while (v && *v == ' ')
			v++;
		printed += v && *v;
	}
	return printed >= 1 && printed <= 3 ? label : NULL;
}

/* b opens the way a opened, with another value (the next project's 项目名称): a new form.  Not
 * when b's first row prints a's header words again, cut into rows otherwise (科目编码及名称 |
 * 合计 | 基本支出 人员经费 | 公用经费 over a header of two rows: a table's header, no form). */
static bool opens_new_form(const found_table *a, const found_table *b)
{
	const char *x = form_opening(a), *y = form_opening(b);
	size_t h = found_header_rows(a);
	return x && y && same_text(x, y) && !rows_equal(a, 0, b, 0) && !(h && same_words(a, h, b, 1));
}

/* Row ra of a and row rb of b print the same texts in the same order (spans aside). */
static bool same_row_texts(const found_table *a, size_t ra, const found_table *b, size_t rb)
{
	size_t i = 0, j = 0, seen = 0;
	for (;;) {
		while (i < a->ncols && !a->cells[ra * a->ncols + i].text)
			i++;
		while (j < b->ncols && !b->cells[rb * b->ncols + j].text)
			j++;
		if (i == a->ncols || j == b->ncols)
			return i == a->ncols && j == b->ncols && seen >= 2;
		if (!same_text(a->cells[ra * a->ncols + i].text, b->cells[rb * b->ncols + j].text))
			return false;
		seen += *a->cells[ra * a->ncols + i].text != '\0';
		i++;
		j++;
	}
}

/*
 * A continuation that merges some of a's columns (a form whose upper block
 * cut the grid finer than its indicator rows) and opens by repeating one of
 * a's rows (the indicator header), or has no title or a running one: when
 * each of its borders is one of a's,
 * it is laid again on a's borders, each cell spanning the columns of a it
 * covers.  False, b untouched, otherwise.
 */
static bool lay_on_columns(document *doc, const found_table *a, found_table *b);

static bool widen_columns(document *doc, const found_table *a, found_table *b)
{
	if (b->ncols >= a->ncols || !b->nrows)
		return false;
	bool repeats = false;
	for (size_t r = 0; r < a->nrows && !repeats; r++)
		repeats = same_row_texts(a, r, b, 0);
	if (!repeats && !b->running_title && b->title)
		return false;
	return lay_on_columns(doc, a, b);
}

/* Spreads b's cells over ncols columns, its column k going to column at[k] (at[b->ncols] one past
 * the last), a cell spanning columns spanning those they go to and the ones between. */
static void spread_columns(document *doc, found_table *b, const size_t *at, size_t ncols)
{
	cell *cells = arena_calloc(doc->arena, b->nrows * ncols, sizeof(cell));
	for (size_t r = 0; r < b->nrows; r++)
		for (size_t k = 0; k < b->ncols; k++) {
			cell src = b->cells[r * b->ncols + k];
			if (src.rowspan > 0) {
				size_t end = k + (size_t)src.colspan;
				src.colspan = (int)(at[end < b->ncols ? end : b->ncols] - at[k]);
			}
			cells[r * ncols + at[k]] = src;
		}
	b->cells = cells;
	b->ncols = ncols;
}

/* Lays b (fewer columns) on a's columns when each border of b is one of a's. */
static bool lay_on_columns(document *doc, const found_table *a, found_table *b)
{
	if (b->ncols >= a->ncols || !b->nrows)
		return false;
	double shift = b->xs[0] - a->xs[0], tol = a->inferred || b->inferred ? 14.0 : 4.0;
	size_t *at = arena_calloc(doc->arena, b->ncols + 1, sizeof(size_t)), j = 0;
	for (size_t k = 0; k <= b->ncols; k++) {
		while (j < a->ncols && a->xs[j] + shift < b->xs[k] - tol)
			j++;
		if (fabs(a->xs[j] + shift - b->xs[k]) > tol)
			return false;
		at[k] = j;
	}
	if (at[0] != 0 || at[b->ncols] != a->ncols)
		return false;
	spread_columns(doc, b, at, a->ncols);
	double *xs = arena_calloc(doc->arena, a->ncols + 1, sizeof(double));
	for (size_t k = 0; k <= a->ncols; k++)
		xs[k] = a->xs[k] + shift;
	b->xs = xs;
	return true;
}

/* Does any cell of row r print an amount? */
static bool row_has_amount(const found_table *t, size_t r)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = t->cells[r * t->ncols + c].text;
		if (s && amounts_in(s, false))
			return true;
	}
	return false;
}

/* The text of a's header cells over column c (its first h rows, cells spanning c from the left
 * included), spaces dropped. */
static void header_column_text(const found_table *a, size_t h, size_t c, char *col, size_t cap)
{
	size_t n = 0;
	for (size_t r = 0; r < h; r++)
		for (size_t c0 = 0; c0 <= c; c0++) {
			const cell *x = &a->cells[r * a->ncols + c0];
			size_t span = x->colspan > 1 ? (size_t)x->colspan : 1;
			if (c0 + span <= c)
				continue;
			for (const char *t = x->text; t && *t && n + 1 < cap; t++)
				if (*t != ' ')
					col[n++] = *t;
		}
	col[n] = '\0';
}

/*
 * Is each word of s (runs between spaces) found in the header of a over
 * column c, or over a column beside it (a header wrapped otherwise on this
 * page puts a piece of a narrow column's words over its neighbour, or two
 * words of a cell spanning columns in one cell: 项 科目名称)?
 */
static bool in_header_column(const found_table *a, size_t h, size_t c, const char *s)
{
	char col[3][1024], word[256];
	for (size_t k = 0; k < 3; k++) {
		col[k][0] = '\0';
		if (c + k >= 1 && c + k - 1 < a->ncols)
			header_column_text(a, h, c + k - 1, col[k], sizeof col[k]);
	}
	size_t words = 0;
	while (*s) {
		size_t w = 0;
		while (*s == ' ')
			s++;
		for (; *s && *s != ' '; s++)
			if (w + 1 < sizeof word)
				word[w++] = *s;
		word[w] = '\0';
		if (!w)
			continue;
		words++;
		if (!strstr(col[1], word) && !strstr(col[0], word) && !strstr(col[2], word))
			return false;
	}
	return words > 0;
}

/*
 * Leading rows of b that repeat part of a's header (a spreadsheet export
 * repeats some header cells, or only the last header line): no amount, two
 * cells or more printed, each found in the header of its column in a.
 */
static size_t partial_header_rows(const found_table *a, size_t h, const found_table *b)
{
	size_t r = 0;
	for (; r < b->nrows && r < h + 2; r++) {
		if (row_has_amount(b, r))
			break;
		size_t printed = 0;
		bool found = true;
		for (size_t c = 0; c < b->ncols && found; c++) {
			const char *s = b->cells[r * b->ncols + c].text;
			if (!s || !*s)
				continue;
			printed++;
			found = in_header_column(a, h, c, s);
		}
		if (!found || printed < 2)
			break;
	}
	return r;
}

/* The classification a table's rows are coded in (a row's first cell of its first four
 * starting with three digits or more: 2xx function, 3xx/5xx economic), when two rows at
 * least follow it and fewer than a third as many the other; NONE else. */
static enum norm_class rows_class(const found_table *t)
{
	size_t n[3] = { 0 };
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols && c < 4; c++) {
			const char *s = t->cells[r * t->ncols + c].text;
			size_t i = 0;
			while (s && s[i] >= '0' && s[i] <= '9' && i < 10)
				i++;
			if (i < 3)
				continue;
			char digits[11];
			memcpy(digits, s, i);
			digits[i] = '\0';
			n[norm_class_of_code(digits)]++;
			break;
		}
	enum norm_class k = n[NORM_CLASS_FUNCTION] > n[NORM_CLASS_ECONOMIC] ? NORM_CLASS_FUNCTION : NORM_CLASS_ECONOMIC;
	enum norm_class o = k == NORM_CLASS_FUNCTION ? NORM_CLASS_ECONOMIC : NORM_CLASS_FUNCTION;
	return n[k] >= 2 && 3 * n[o] < n[k] ? k : NORM_CLASS_NONE;
}

/* Are a's rows coded in one classification and b's in the other (an economic 基本支出 table
 * ending a page, a function-coded 政府性基金 table at the top of the next): two tables. */
static bool classes_differ(const found_table *a, const found_table *b)
{
	enum norm_class ka = rows_class(a), kb = rows_class(b);
	return ka != NORM_CLASS_NONE && kb != NORM_CLASS_NONE && ka != kb;
}

/*
 * Does b open with a header of its own: header rows without figures (the
 * first, or all header.c counts, 收入 | 支出 over 收入项目 | 决算数 | 支出项目)
 * printing words over a column of figures, most of them, or two of those
 * over figures (合计 | 基本支出 | 项目支出 under 合计 | 人员经费 | 公用经费),
 * found nowhere in a's header (a new table at the top of the page, not a
 * continuation repeating its header or part of it)?
 */
static bool headed_otherwise(const found_table *a, const found_table *b)
{
	/* Its first row: no figure. */
	if (!b->nrows || row_has_amount(b, 0))
		return false;
	/* Its header rows, all of them (收入 | 支出 over 收入项目 | 决算数 | 支出项目 …), while they print no figure. */
	size_t hb = found_header_rows(b);
	if (hb < 1)
		hb = 1;
	if (hb > b->nrows)
		hb = b->nrows;
	for (size_t r = 1; r < hb; r++)
		if (row_has_amount(b, r)) {
			hb = r;
			break;
		}
	/* Words over a column of figures (rows of labels only are data). */
	bool *figures = calloc(b->ncols ? b->ncols : 1, sizeof(bool));
	if (!figures)
		abort();
	bool over_figures = false;
	for (size_t c = 0; c < b->ncols; c++) {
		for (size_t r = 1; r < b->nrows && !figures[c]; r++) {
			const char *v = b->cells[r * b->ncols + c].text;
			figures[c] = v && amounts_in(v, false) > 0;
		}
		for (size_t r = 0; r < hb && figures[c]; r++) {
			const char *t = b->cells[r * b->ncols + c].text;
			over_figures = over_figures || (t && *t);
		}
	}
	if (!over_figures) {
		free(figures);
		return false;
	}
	/* Repeating one of a's rows (a form's indicator header) it goes on with a. */
	for (size_t r = 0; r < a->nrows; r++)
		if (same_row_texts(a, r, b, 0)) {
			free(figures);
			return false;
		}
	size_t h = found_header_rows(a);
	/* Words only: spaces and the marks and digits of figures run into a header cell dropped. */
	sbuf all = SBUF_INIT;
	for (size_t i = 0; i < h * a->ncols; i++)
		for (const char *t = a->cells[i].text; t && *t; t++)
			if (!strchr(" 0123456789.,-%", *t))
				sbuf_addch(&all, *t);
	size_t found = 0, missing = 0, missing_over = 0;
	for (size_t i = 0; i < hb * b->ncols; i++) {
		size_t c = i % b->ncols;
		const char *t = b->cells[i].text;
		char word[256];
		size_t w = 0;
		for (; t && *t && w + 1 < sizeof word; t++)
			if (!strchr(" 0123456789.,-%", *t))
				word[w++] = *t;
		word[w] = '\0';
		/* Below the first row a header wraps otherwise from page to page (基本支 | 项目支
		 * over 出 | 出): there a word is a's when each of its characters is. */
		bool known = w && all.len && strstr(all.buf, word);
		for (size_t k = 0; !known && i >= b->ncols && w && all.len && k <= w;) {
			if (k == w) {
				known = true;
				break;
			}
			uint32_t cp;
			size_t n = utf8_decode(word + k, w - k, &cp);
			char ch[8];
			memcpy(ch, word + k, n);
			ch[n] = '\0';
			if (!strstr(all.buf, ch))
				break;
			k += n;
		}
		if (known) {
			found++;
		} else if (w) {
			missing++;
			missing_over += figures[c];
		}
	}
	sbuf_release(&all);
	free(figures);
	return missing > found || missing_over >= 2;
}

/* Appends b's rows (less a repeated header) to a.  Returns the repeated header rows dropped, with
 * *partly set when they repeat only part of a's header. */
static size_t append_continuation(document *doc, found_table *a, const found_table *b, bool *partly)
{
	size_t h = found_header_rows(a), skip = 0;
	if (h && h <= b->nrows) {
		bool repeated = true;
		for (size_t r = 0; r < h && repeated; r++)
			repeated = rows_equal(a, r, b, r);
		if (repeated)
			skip = h;
	}
	/* The same header words, cut into rows differently on the new page. */
	for (size_t hb = 1; !skip && h && hb < b->nrows && hb <= 2 * h + 2; hb++)
		if (same_words(a, h, b, hb))
			skip = hb;
	*partly = false;
	if (!skip && h && a->ncols == b->ncols) {
		skip = partial_header_rows(a, h, b);
		*partly = skip > 0;
	}
	size_t rows = a->nrows + b->nrows - skip, first_new_row = a->nrows;
	cell *cells = arena_calloc(doc->arena, rows * a->ncols, sizeof(cell));
	memcpy(cells, a->cells, a->nrows * a->ncols * sizeof(cell));
	memcpy(cells + a->nrows * a->ncols, b->cells + skip * b->ncols, (b->nrows - skip) * b->ncols * sizeof(cell));
	/* A span cannot cross the page break: cells covering past the copied rows were cut at it. */
	a->cells = cells;
	a->nrows = rows;
	table_part *part = VEC_PUSH(doc->arena, &a->extra_parts);
	part->page = b->page;
	part->bb = b->bb;
	part->first_row = first_new_row;
	return skip;
}

static page *page_numbered(document *doc, int number)
{
	for (size_t p = 0; p < doc->pages.len; p++)
		if (doc->pages.items[p].number == number)
			return &doc->pages.items[p];
	return NULL;
}

/* Does some glyph (not a space) of one part of t, on its page and within its box's height,
 * satisfy hit? */
static bool glyph_in_parts(document *doc, const found_table *t, bool (*hit)(const glyph *, const double *),
                           const double *arg)
{
	for (size_t k = 0; k <= t->extra_parts.len; k++) {
		int number = k ? t->extra_parts.items[k - 1].page : t->page;
		const box *bb = k ? &t->extra_parts.items[k - 1].bb : &t->bb;
		const page *pg = page_numbered(doc, number);
		for (size_t g = 0; pg && g < pg->glyphs.len; g++) {
			const glyph *gl = &pg->glyphs.items[g];
			double cy = (gl->y0 + gl->y1) / 2;
			if (gl->cp != ' ' && cy > bb->y0 && cy < bb->y1 && hit(gl, arg))
				return true;
		}
	}
	return false;
}

/* arg: lo, hi.  The glyph's centre stands between them. */
static bool centre_between(const glyph *gl, const double *arg)
{
	double cx = (gl->x0 + gl->x1) / 2;
	return cx > arg[0] && cx < arg[1];
}

/* arg: x.  The glyph's box, or the gap to a neighbour set closer than a sixth of its size, holds x. */
static bool holds_x(const glyph *gl, const double *arg)
{
	double pad = (gl->y1 - gl->y0) / 12;
	return gl->x0 - pad < arg[0] && gl->x1 + pad > arg[0];
}

/* Does a glyph of one part of t (on its page, within its box's height) stand with its centre
 * between xa and xb? */
static bool text_between(document *doc, const found_table *t, double xa, double xb)
{
	double range[2] = { xa < xb ? xa : xb, xa < xb ? xb : xa };
	return glyph_in_parts(doc, t, centre_between, range);
}

/* Does x cut a word of one part of t (on its page, within its box's height): a glyph's box, or
 * the gap between two glyphs set closer than a sixth of their size, holding it? */
static bool cuts_text(document *doc, const found_table *t, double x)
{
	return glyph_in_parts(doc, t, holds_x, &x);
}

/*
 * Rebuilds ft on its page with the column borders of prev (its rows kept).
 * Where ft, with as many columns, puts a border elsewhere and prev prints
 * nothing between the two places (a label column longer on this page, a
 * border half-way across a wide gap), ft's own border is kept: it divides
 * prev's text just as prev's does, and cuts none of ft's.  So it is where
 * prev's border would cut ft's words and ft's cuts none of prev's (prev, a
 * row or two under its header, placed that border by its header words: 类
 * 款 项 | 科目名称 centred in wide cells, and its 合计 lies between).
 */
static bool regrid_by(document *doc, found_table *ft, const found_table *prev)
{
	page *pg = page_numbered(doc, ft->page);
	if (!pg || ft->ny < 2)
		return false;
	arena *tmp = arena_new();
	seg_vec hs = { 0 }, vs = { 0 };
	double *xs = arena_calloc(doc->arena, prev->ncols + 1, sizeof(double));
	/* pair[j]: ft's border standing for prev's border j, or none.  With as many columns, the
	 * same one.  With other counts (a code column cut from its names where the other page
	 * prints codes and names in one, or a blank column one page leaves out), the outer ones
	 * for the outer ones and, for each inner border of the table with fewer, the other's
	 * nearest to it; the others stay as prev draws them. */
	size_t none = (size_t)-1, *pair = arena_calloc(doc->arena, prev->ncols + 1, sizeof(size_t));
	for (size_t j = 0; j <= prev->ncols; j++)
		pair[j] = ft->ncols == prev->ncols ? j : none;
	if (ft->ncols != prev->ncols) {
		pair[0] = 0;
		pair[prev->ncols] = ft->ncols;
		bool more = ft->ncols > prev->ncols;
		size_t nfew = more ? prev->ncols : ft->ncols, nmany = more ? ft->ncols : prev->ncols;
		const double *few = more ? prev->xs : ft->xs, *many = more ? ft->xs : prev->xs;
		for (size_t a = 1, b = 0; a < nfew; a++) {
			for (b++; b + 1 < nmany && fabs(many[b + 1] - few[a]) < fabs(many[b] - few[a]); b++)
				;
			if (b >= nmany)
				break;
			if (more)
				pair[a] = b;
			else
				pair[b] = a;
		}
	}
	for (size_t j = 0; j <= prev->ncols; j++) {
		xs[j] = prev->xs[j];
		size_t k = pair[j];
		if (k == none)
			continue;
		/* Borders stay in order. */
		if (ft->ncols != prev->ncols && j > 0 && j < prev->ncols &&
		    (ft->xs[k] <= xs[j - 1] || ft->xs[k] >= prev->xs[j + 1]))
			continue;
		if (!text_between(doc, prev, prev->xs[j], ft->xs[k]) ||
		    (cuts_text(doc, ft, prev->xs[j]) && !cuts_text(doc, prev, ft->xs[k])))
			xs[j] = ft->xs[k];
	}
	double x0 = xs[0], x1 = xs[prev->ncols];
	/* Row borders, but none through a line of text inside the table (a label wrapped round its
	 * figures stays in one row). */
	for (size_t i = 0; i < ft->ny; i++) {
		bool crossed = false;
		double y = ft->ys[i];
		for (size_t k = 0; k < pg->glyphs.len && !crossed && i > 0 && i + 1 < ft->ny; k++) {
			const glyph *gl = &pg->glyphs.items[k];
			double cx = (gl->x0 + gl->x1) / 2;
			crossed = cx > x0 && cx < x1 && gl->y0 < y - 0.5 && gl->y1 > y + 0.5;
		}
		if (!crossed)
			*VEC_PUSH(tmp, &hs) = (seg){ (float)y, (float)x0, (float)x1 };
	}
	for (size_t j = 0; j <= prev->ncols; j++)
		*VEC_PUSH(tmp, &vs) = (seg){ (float)xs[j], (float)ft->ys[0], (float)ft->ys[ft->ny - 1] };
	grid g = { xs, ft->ys, prev->ncols + 1, ft->ny };
	found_table rebuilt = *ft;
	bool done = tables_build_grid(doc, pg, &g, &hs, &vs, &rebuilt) && rebuilt.ncols == prev->ncols;
	if (done) {
		rebuilt.inferred = true;
		*ft = rebuilt;
	}
	arena_free(tmp);
	return done;
}

/* A warning about a join, held until its table is in the model. */
typedef struct pending_warning {
	size_t table; /* index among the tables kept */
	const char *code;
	int page;
	const char *message;
} pending_warning;

/* The bottom of a table of the page being read: of its rows, when its header stands on the page before. */
static double bottom_here(const found_table *t)
{
	return t->header_before ? t->extra_parts.items[0].bb.y1 : t->bb.y1;
}

/*
 * A caption left alone at the foot of a page, its table on the next: read the
 * page's last lines below every table as if a table started under them.  Kept
 * only when they give a title naming a table (…表); the lines are claimed when
 * the next page's first table, with nothing above it, takes the caption (see
 * foot_caption_give), and given back otherwise.
 */
typedef struct foot_caption {
	page *pg;
	found_table cap;
	size_t *claimed, nclaimed;
} foot_caption;

static void foot_caption_release(foot_caption *fc)
{
	for (size_t k = 0; k < fc->nclaimed; k++)
		fc->pg->lines.items[fc->claimed[k]].in_table = false;
	free(fc->claimed);
	memset(fc, 0, sizeof *fc);
}

static void foot_caption_read(document *doc, page *pg, const found_vec *here, foot_caption *fc)
{
	double below = here->len ? bottom_here(&here->items[here->len - 1]) : 0, last = -1;
	for (size_t l = 0; l < pg->lines.len; l++) {
		const textline *ln = &pg->lines.items[l];
		if (!ln->furniture && !ln->in_table && ln->bb.y0 > below && ln->bb.y1 > last)
			last = ln->bb.y1;
	}
	if (last < 0)
		return;
	bool *was = calloc(pg->lines.len, sizeof(bool));
	if (!was)
		abort();
	for (size_t l = 0; l < pg->lines.len; l++)
		was[l] = pg->lines.items[l].in_table;
	memset(&fc->cap, 0, sizeof fc->cap);
	fc->cap.page = pg->number;
	fc->cap.bb = (box){ 0, last + 1, pg->width, last + 1 };
	caption_read(doc, pg, &fc->cap);
	fc->pg = pg;
	fc->claimed = malloc((pg->lines.len + 1) * sizeof(size_t));
	if (!fc->claimed)
		abort();
	fc->nclaimed = 0;
	for (size_t l = 0; l < pg->lines.len; l++)
		if (pg->lines.items[l].in_table && !was[l])
			fc->claimed[fc->nclaimed++] = l;
	free(was);
	/* Kept only with a title naming a table; a part heading (第三部分 …部门预算表,
	 * alone on a divider page) heads the tables of the part, not the next one. */
	if (!fc->cap.title || !strstr(fc->cap.title, TABLE_TITLE_CHAR) || layout_heading_level(fc->cap.title) == 1)
		foot_caption_release(fc);
}

/* Gives the caption to the page's first table when nothing is above it and it has no title. */
static void foot_caption_give(foot_caption *fc, page *pg, found_vec *here)
{
	if (!fc->pg)
		return;
	found_table *ft = here->len ? &here->items[0] : NULL;
	if (fc->pg->number + 1 != pg->number || !ft || ft->title || !clear_between(pg, 0, ft->bb.y0)) {
		foot_caption_release(fc);
		return;
	}
	ft->title = fc->cap.title;
	ft->caption_before = true;
	if (!ft->number)
		ft->number = fc->cap.number;
	if (!ft->unit)
		ft->unit = fc->cap.unit;
	if (!ft->entity)
		ft->entity = fc->cap.entity;
	free(fc->claimed);
	memset(fc, 0, sizeof *fc);
}

/* Does the cell hold text (not blank, not covered by a span)? */
static bool cell_filled(const cell *ce)
{
	return ce->rowspan > 0 && ce->text && *ce->text;
}

/* Words of a cell's text: runs between spaces (CJK text, set without spaces, is one). */
static size_t words_in(const char *s)
{
	size_t n = 0;
	for (bool in = false; *s; s++) {
		if (*s == ' ')
			in = false;
		else if (!in)
			in = true, n++;
	}
	return n;
}

#define PROSE_WORDS 8 /* a cell of this many words or more reads as a line of running text */

/*
 * Lines that an alignment of their text made a table, but that are no table:
 * fewer than two rows printing two cells or more (a formula, one line with a
 * figure in it), or at least half the rows holding a line of running text (a
 * paragraph whose percentages lined up).  Only unruled tables are judged, and
 * never one that may continue the page before (nothing but running headers
 * above it), nor a blank table (header lines over a lone 合计 row, unruled.c):
 * its lines stay text (warning not_a_table).  A grid is no table
 * either when it is drawn round another table, most of its cells empty (below).
 */
static bool not_a_table(const found_table *ft, const char **why)
{
	size_t full = 0, prose = 0;
	for (size_t r = 0; r < ft->nrows; r++) {
		size_t filled = 0;
		bool long_text = false;
		for (size_t c = 0; c < ft->ncols; c++) {
			const cell *ce = &ft->cells[r * ft->ncols + c];
			if (!cell_filled(ce))
				continue;
			filled++;
			if (words_in(ce->text) >= PROSE_WORDS)
				long_text = true;
		}
		full += filled >= 2;
		prose += long_text;
	}
	if (full < 2) {
		*why = "fewer than two of its rows print two cells";
		return true;
	}
	if (prose * 2 >= ft->nrows) {
		*why = "half of its rows or more hold a line of running text";
		return true;
	}
	return false;
}

/* Share of a table's cells (merged cells counted once) that print text. */
static double filled_share(const found_table *ft)
{
	size_t cells = 0, filled = 0;
	for (size_t i = 0; i < ft->nrows * ft->ncols; i++)
		if (ft->cells[i].rowspan > 0) {
			cells++;
			filled += cell_filled(&ft->cells[i]);
		}
	return cells ? (double)filled / (double)cells : 0;
}

/*
 * A grid (ruled, or set from aligned text) drawn round another table found on
 * the page, over most of its box, most of its cells empty: the gridlines or
 * the labels of a chart set beside the table, taking in the table's text
 * again (a frame round a table, one cell full of it, stays).
 */
#define ROUND_SHARE 0.8 /* share of the other table's box the grid covers */

static bool grid_round_table(const found_vec *here, size_t i)
{
	const found_table *ft = &here->items[i];
	if (filled_share(ft) >= 0.5)
		return false;
	for (size_t k = 0; k < here->len; k++) {
		const box *in = &here->items[k].bb;
		double w = fmin(in->x1, ft->bb.x1) - fmax(in->x0, ft->bb.x0);
		double h = fmin(in->y1, ft->bb.y1) - fmax(in->y0, ft->bb.y0);
		double area = (in->x1 - in->x0) * (in->y1 - in->y0);
		if (k != i && w > 0 && h > 0 && w * h >= area * ROUND_SHARE)
			return true;
	}
	return false;
}

/* Frames left to the unruled recovery that no table overlaps: their figures are read as text. */
static void report_unread_frames(document *doc, const page *pg, const box_vec *left, const found_vec *here)
{
	for (size_t k = 0; k < left->len; k++) {
		const box *f = &left->items[k];
		bool covered = false;
		for (size_t i = 0; i < here->len && !covered; i++) {
			const box *b = &here->items[i].bb;
			double w = fmin(f->x1, b->x1) - fmax(f->x0, b->x0), h = fmin(f->y1, b->y1) - fmax(f->y0, b->y0);
			covered = w > 0 && h > 0 && w * h >= 0.5 * (f->x1 - f->x0) * (f->y1 - f->y0);
		}
		if (!covered)
			doc_warn(doc, "grid_unread", pg->number, NULL,
			         "a ruled frame on page %d (%.0f,%.0f to %.0f,%.0f) holds figures side by side in its cells, "
			         "so it was read by the alignment of its text, and no table came of it: its text is kept "
			         "as paragraphs", pg->number, f->x0, f->y0, f->x1, f->y1);
	}
}

static void drop_non_tables(document *doc, page *pg, found_vec *here)
{
	size_t out = 0;
	bool *drop = calloc(here->len + 1, sizeof(bool));
	if (!drop)
		abort();
	for (size_t i = 0; i < here->len; i++)
		drop[i] = grid_round_table(here, i);
	for (size_t i = 0; i < here->len; i++) {
		found_table *ft = &here->items[i];
		const char *why = NULL;
		if (drop[i]) {
			doc_warn(doc, "not_a_table", pg->number, NULL,
			         "a grid of %zu rows on page %d drawn round another table, most of its cells empty "
			         "(a chart's gridlines or labels), was dropped", ft->nrows, pg->number);
			continue;
		}
		if (ft->inferred && !ft->blank && !clear_between(pg, 0, ft->bb.y0) && not_a_table(ft, &why)) {
			doc_warn(doc, "not_a_table", pg->number, NULL,
			         "lines on page %d set like a table of %zu rows were read as text: %s", pg->number,
			         ft->nrows, why);
			continue;
		}
		here->items[out++] = *ft;
	}
	here->len = out;
	free(drop);
}

/*
 * The page's first table, untitled and opening with its rows (no header of
 * its own), under a header left alone at the foot of the page before
 * (unruled_foot_header): the header, with the caption above it, and the rows
 * are one table, starting on the page before (warning header_page_before).
 * A header heading more columns than the rows print is laid on its own
 * columns, the rows' columns spread under it (warning header_columns).
 */
static bool foot_header_join(document *doc, foot_caption *fc, page *before, double below, page *pg,
                             found_vec *here)
{
	found_table *ft = here->len ? &here->items[0] : NULL;
	if (!before || before->number + 1 != pg->number || !ft || (ft->title && !ft->running_title) ||
	    !clear_between(pg, 0, ft->bb.y0) || found_header_rows(ft) > 0)
		return false;
	found_table head;
	size_t *at;
	if (!unruled_foot_header(doc, before, below, pg, ft, &head, &at))
		return false;
	if (at) {
		spread_columns(doc, ft, at, head.ncols);
		ft->xs = head.xs;
		head.header_columns = true;
	}
	foot_caption_release(fc); /* the caption is read again, above the header */
	claim_lines(before, &head.bb);
	caption_read(doc, before, &head);
	cell *cells = arena_calloc(doc->arena, (head.nrows + ft->nrows) * ft->ncols, sizeof(cell));
	memcpy(cells, head.cells, head.nrows * ft->ncols * sizeof(cell));
	memcpy(cells + head.nrows * ft->ncols, ft->cells, ft->nrows * ft->ncols * sizeof(cell));
	table_part *part = VEC_PUSH(doc->arena, &head.extra_parts);
	part->page = ft->page;
	part->bb = ft->bb;
	part->first_row = head.nrows;
	head.cells = cells;
	head.nrows += ft->nrows;
	head.xs = ft->xs;
	head.ys = ft->ys;
	head.ny = ft->ny;
	head.inferred = ft->inferred;
	head.header_before = true;
	head.last_on_page = ft->last_on_page;
	head.doubt = ft->doubt;
	*ft = head;
	return true;
}

static int cmp_line_y(const void *pa, const void *pb)
{
	const textline *a = *(const textline *const *)pa, *b = *(const textline *const *)pb;
	return (a->bb.y0 > b->bb.y0) - (a->bb.y0 < b->bb.y0);
}

/*
 * Lines left at the top of a page under no table, after a table ending the
 * page before, printing two amounts or more (a lone row the page break cut
 * off, its label wrapped over lines above and under its figures): read as
 * rows on that table's columns, each line printing two amounts or more a
 * row, the other lines between two of them cut at the widest gap.  Other
 * lines (words, a code) are taken only next to those (no gap wider than a
 * line), each within one column.  The rows are a fragment: kept only as that table's
 * continuation (warning continuation_guessed).  False when there are none.
 */
static bool read_top_rows(document *doc, page *pg, const found_vec *here, const found_table *prev,
                          found_table *out)
{
	double top = here->len ? here->items[0].bb.y0 : pg->height;
	double x0 = prev->xs[0], x1 = prev->xs[prev->ncols];
	VEC(textline *) lines = { 0 };
	arena *tmp = arena_new();
	for (size_t l = 0; l < pg->lines.len; l++) {
		textline *ln = &pg->lines.items[l];
		if (ln->furniture || ln->in_table || !ln->text || ln->bb.y1 > top || ln->bb.x0 < x0 - 14 ||
		    ln->bb.x1 > x1 + 14)
			continue;
		*VEC_PUSH(tmp, &lines) = ln;
	}
	bool done = false;
	size_t n = lines.len;
	if (n)
		qsort(lines.items, n, sizeof(textline *), cmp_line_y);
	/* The first and last lines printing amounts; words lines taken around them while close. */
	size_t first = n, last = n;
	for (size_t i = 0; i < n; i++)
		if (amounts_in(lines.items[i]->text, false) >= 2 && !strstr(lines.items[i]->text, "\xEF\xBC\x8C") &&
		    !strstr(lines.items[i]->text, "\xE3\x80\x82")) {
			if (first == n)
				first = i;
			last = i;
		}
	if (first < n) {
		/* Every line between them belongs; so do lines of words in one column next to them. */
		size_t lo = first, hi = last;
		for (; lo > 0; lo--) {
			const textline *a = lines.items[lo - 1], *b = lines.items[lo];
			if (b->bb.y0 - a->bb.y1 > a->bb.y1 - a->bb.y0 || amounts_in(a->text, false) >= 2)
				break;
		}
		for (; hi + 1 < n; hi++) {
			const textline *a = lines.items[hi], *b = lines.items[hi + 1];
			if (b->bb.y0 - a->bb.y1 > b->bb.y1 - b->bb.y0 || amounts_in(b->text, false) >= 2)
				break;
		}
		bool one_column = true;
		for (size_t i = lo; i <= hi && one_column; i++) {
			const textline *ln = lines.items[i];
			if (amounts_in(ln->text, false) >= 2)
				continue;
			size_t j = 0;
			while (j < prev->ncols && prev->xs[j + 1] <= ln->bb.x0)
				j++;
			one_column = j < prev->ncols && ln->bb.x1 <= prev->xs[j + 1] + 2;
		}
		double *ys = arena_calloc(tmp, n + 2, sizeof(double));
		size_t ny = 0;
		ys[ny++] = lines.items[lo]->bb.y0 - 1;
		/* A border in the widest gap between each two lines printing amounts. */
		size_t prev_amounts = first;
		for (size_t i = first + 1; i <= last; i++) {
			if (amounts_in(lines.items[i]->text, false) < 2)
				continue;
			size_t cut = prev_amounts;
			for (size_t k = prev_amounts; k < i; k++)
				if (lines.items[k + 1]->bb.y0 - lines.items[k]->bb.y1 >
				    lines.items[cut + 1]->bb.y0 - lines.items[cut]->bb.y1)
					cut = k;
			ys[ny++] = (lines.items[cut]->bb.y1 + lines.items[cut + 1]->bb.y0) / 2;
			prev_amounts = i;
		}
		ys[ny++] = lines.items[hi]->bb.y1 + 1;
		if (one_column) {
			seg_vec hs = { 0 }, vs = { 0 };
			for (size_t i = 0; i < ny; i++)
				*VEC_PUSH(tmp, &hs) = (seg){ (float)ys[i], (float)x0, (float)x1 };
			for (size_t j = 0; j <= prev->ncols; j++)
				*VEC_PUSH(tmp, &vs) = (seg){ (float)prev->xs[j], (float)ys[0], (float)ys[ny - 1] };
			grid g = { prev->xs, ys, prev->ncols + 1, ny };
			found_table ft = { 0 };
			ft.page = pg->number;
			if (tables_build_grid(doc, pg, &g, &hs, &vs, &ft) && ft.ncols == prev->ncols) {
				double *keep = arena_calloc(doc->arena, ny, sizeof(double));
				memcpy(keep, ys, ny * sizeof(double));
				ft.ys = keep;
				ft.ny = ny;
				ft.inferred = true;
				ft.fragment = ft.rows_laid = true;
				*out = ft;
				for (size_t i = lo; i <= hi; i++)
					lines.items[i]->in_table = true;
				done = true;
			}
		}
	}
	arena_free(tmp);
	return done;
}

/*
 * Lines left at the top of a page under no table, after a table ending the
 * page before: a line printing two amounts or more, not a sentence (，。),
 * above the page's first table, is a row of that table no recovery took (a
 * box round its last two rows, a header and one row of figures): its facts
 * would be lost without a word (warning continuation_unread).
 */
static void warn_unread_top(document *doc, const page *pg, const found_vec *here, int before)
{
	double top = here->len ? here->items[0].bb.y0 : pg->height;
	size_t n = 0;
	const char *first = NULL;
	for (size_t l = 0; l < pg->lines.len; l++) {
		const textline *ln = &pg->lines.items[l];
		if (ln->furniture || ln->in_table || !ln->text || ln->bb.y1 > top)
			continue;
		if (strstr(ln->text, "\xEF\xBC\x8C") || strstr(ln->text, "\xE3\x80\x82")) /* ， 。 */
			continue;
		if (amounts_in(ln->text, false) >= 2) {
			n++;
			if (!first)
				first = ln->text;
		}
	}
	if (n)
		doc_warn(doc, "continuation_unread", pg->number, NULL,
		         "%zu line%s at the top of page %d, after a table ending page %d, print amounts but were read "
		         "into no table (first: '%s'): that table's last rows may be missing",
		         n, n == 1 ? "" : "s", pg->number, before, first);
}

/* Does text print only characters of head (n, sorted), each as often at most, and no amount? */
static bool of_header_chars(const uint32_t *head, size_t nh, const char *text, uint32_t *chars, size_t cap)
{
	if (amounts_in(text, false))
		return false;
	size_t n = add_chars(text, chars, 0, cap);
	qsort(chars, n, sizeof(uint32_t), cmp_codepoint);
	size_t i = 0;
	for (size_t k = 0; k < n; k++) {
		while (i < nh && head[i] < chars[k])
			i++;
		if (i == nh || head[i] != chars[k])
			return false;
		i++;
	}
	return n > 0;
}

/*
 * Lines standing above the page's first table, under no table, or read as
 * its title: do they all repeat the header of the table ending the page
 * before, set apart from the rows (科目编码 科目名称 本年收入合计 … a line
 * over a wide gap)?  Each prints no amount and only characters of that
 * header, as many times at most; four characters at least in all.
 */
static bool header_apart(const page *pg, const found_table *ft, const found_table *prev)
{
	enum { CAP = 4096 };
	size_t h = found_header_rows(prev);
	if (!h)
		return false;
	uint32_t *head = malloc(2 * CAP * sizeof(uint32_t));
	if (!head)
		abort();
	size_t nh = header_chars(prev, h, head, CAP), seen = 0;
	bool all = !ft->title || of_header_chars(head, nh, ft->title, head + CAP, CAP);
	seen += ft->title ? strlen(ft->title) : 0;
	for (size_t l = 0; l < pg->lines.len && all; l++) {
		const textline *ln = &pg->lines.items[l];
		double cy = (ln->bb.y0 + ln->bb.y1) / 2;
		if (ln->furniture || ln->in_table || !ln->text || cy >= ft->bb.y0)
			continue;
		all = ln->bb.x0 > ft->bb.x0 - 14 && ln->bb.x1 < ft->bb.x1 + 14 &&
		      of_header_chars(head, nh, ln->text, head + CAP, CAP);
		seen += strlen(ln->text);
	}
	free(head);
	return all && seen >= 12; /* four characters */
}

/* Claims the lines above the page's first table (header_apart's). */
static void claim_above(page *pg, const found_table *ft)
{
	for (size_t l = 0; l < pg->lines.len; l++) {
		textline *ln = &pg->lines.items[l];
		if (!ln->furniture && (ln->bb.y0 + ln->bb.y1) / 2 < ft->bb.y0)
			ln->in_table = true;
	}
}

void tables_recover(document *doc)
{
	found_vec all = { 0 };
	foot_caption foot = { 0 };
	page *prev_pg = NULL;
	double prev_below = 0;
	for (size_t p = 0; p < doc->pages.len; p++) {
		page *pg = &doc->pages.items[p];
		if (pg->failed || (pg->image_only && !pg->ocr))
			continue;
		found_vec here = { 0 };
		box_vec left = { 0 };
		find_ruled(doc, pg, &here, &left);
		for (size_t i = 0; i < here.len; i++)
			claim_lines(pg, &here.items[i].bb);
		unruled_find(doc, pg, &here);
		if (here.len)
			qsort(here.items, here.len, sizeof(found_table), cmp_found_y);
		drop_non_tables(doc, pg, &here);
		report_unread_frames(doc, pg, &left, &here);
		for (size_t i = 0; i < here.len; i++) {
			found_table *ft = &here.items[i];
			claim_lines(pg, &ft->bb);
			caption_read(doc, pg, ft);
		}
		foot_header_join(doc, &foot, prev_pg, prev_below, pg, &here);
		foot_caption_give(&foot, pg, &here);
		/* A lone row left at the top of the page, its table ending the page before. */
		found_table rows;
		if (all.len) {
			const found_table *last = &all.items[all.len - 1];
			int ends = last->extra_parts.len ? last->extra_parts.items[last->extra_parts.len - 1].page : last->page;
			if (last->last_on_page && ends + 1 == pg->number && read_top_rows(doc, pg, &here, last, &rows)) {
				VEC_PUSH(doc->arena, &here);
				memmove(here.items + 1, here.items, (here.len - 1) * sizeof(found_table));
				here.items[0] = rows;
			}
		}
		prev_pg = pg;
		prev_below = here.len ? bottom_here(&here.items[here.len - 1]) : 0;
		foot_caption_read(doc, pg, &here, &foot);
		if (all.len) {
			const found_table *last = &all.items[all.len - 1];
			int ends = last->extra_parts.len ? last->extra_parts.items[last->extra_parts.len - 1].page : last->page;
			if (last->last_on_page && ends + 1 == pg->number)
				warn_unread_top(doc, pg, &here, ends);
		}
		for (size_t i = 0; i < here.len; i++) {
			found_table *ft = &here.items[i];
			if (!ft->header_before) {
				ft->first_on_page = i == 0 && clear_between(pg, 0, ft->bb.y0);
				if (i == 0 && (!ft->first_on_page || ft->title) && all.len) {
					const found_table *last = &all.items[all.len - 1];
					int ends = last->extra_parts.len ? last->extra_parts.items[last->extra_parts.len - 1].page
					                                 : last->page;
					if (last->last_on_page && ends + 1 == pg->number && header_apart(pg, ft, last)) {
						claim_above(pg, ft);
						ft->first_on_page = ft->header_apart = true;
						ft->title = NULL; /* the header read as its title */
					}
				}
				ft->last_on_page = i + 1 == here.len && clear_between(pg, ft->bb.y1, pg->height);
			} else {
				/* Its rows, on this page, end it here when nothing follows them. */
				ft->last_on_page = i + 1 == here.len && clear_between(pg, bottom_here(ft), pg->height);
			}
			*VEC_PUSH(doc->arena, &all) = *ft;
		}
	}
	foot_caption_release(&foot);
	/* Join continuations, then hand the tables to the model (with the doubts about each join). */
	VEC(pending_warning) pending = { 0 };
	size_t out = 0;
	for (size_t i = 0; i < all.len; i++) {
		found_table *ft = &all.items[i];
		if (out > 0) {
			found_table *prev = &all.items[out - 1];
			int prev_page = prev->extra_parts.len ? prev->extra_parts.items[prev->extra_parts.len - 1].page : prev->page;
			/* An unruled continuation whose columns came out otherwise than on the
			 * page before (blank columns leave no text to find, a header splits
			 * differently): cut it by the borders before. */
			/* A blank table (its header alone, or over a blank 合计) is one of its own. */
			bool untitled_or_repeated =
				(!ft->title || ft->running_title || (prev->title && same_text(prev->title, ft->title))) &&
				!headed_otherwise(prev, ft) && !ft->blank && !classes_differ(prev, ft);
			bool regridded = false;
			if (ft->page == prev_page + 1 && prev->last_on_page && ft->first_on_page && untitled_or_repeated &&
			    ft->inferred && prev->inferred && !same_columns(prev, ft) && !repeats_header(prev, ft)) {
				regridded = regrid_by(doc, ft, prev);
			}
			/* A header alone at the foot of a page (a row of group titles over a table's
			 * halves, no figure), each border one of the untitled table's at the top of the
			 * next page: that table's header, laid on its columns. */
			bool head_laid = false;
			if (ft->page == prev_page + 1 && prev->last_on_page && ft->first_on_page &&
			    (!ft->title || ft->running_title) && !ft->blank && !prev->blank && prev->nrows <= 3 &&
			    prev->ncols < ft->ncols) {
				bool figures = false;
				for (size_t r = 0; r < prev->nrows && !figures; r++)
					figures = row_has_amount(prev, r);
				head_laid = !figures && lay_on_columns(doc, ft, prev);
			}
			if (head_laid)
				*VEC_PUSH(doc->arena, &pending) = (pending_warning){
					out - 1, "continuation_widened", ft->page,
					arena_printf(doc->arena,
					             "header rows alone at the foot of page %d, printing no figure, each border one "
					             "of the table's at the top of page %d, are taken as that table's header",
					             prev_page, ft->page) };
			bool widened = ft->page == prev_page + 1 && prev->last_on_page && ft->first_on_page &&
			               untitled_or_repeated && !same_columns(prev, ft) && widen_columns(doc, prev, ft);
			if (widened)
				*VEC_PUSH(doc->arena, &pending) = (pending_warning){
					out - 1, "continuation_widened", ft->page,
					arena_printf(doc->arena,
					             "a table part with fewer columns, each border one of the table's on page %d, "
					             "is taken as its continuation",
					             prev_page) };
			if (ft->page == prev_page + 1 && prev->last_on_page && ft->first_on_page &&
			    (untitled_or_repeated || head_laid) &&
			    (regridded || same_columns(prev, ft) || repeats_header(prev, ft)) && !opens_new_form(prev, ft)) {
				bool partly = false;
				size_t dropped = append_continuation(doc, prev, ft, &partly);
				prev->last_on_page = ft->last_on_page;
				char *why = NULL;
				if (ft->rows_laid)
					why = arena_printf(doc->arena,
					                   "lines at the top of page %d printing amounts, read into no table, were laid "
					                   "on the columns of the table ending page %d as its rows",
					                   ft->page, prev_page);
				else if (ft->header_apart && !dropped)
					why = arena_printf(doc->arena,
					                   "the table at the top of page %d, under a line repeating the header of the "
					                   "table ending page %d set apart from its rows, was joined to it",
					                   ft->page, prev_page);
				else if (regridded && !dropped)
					why = arena_printf(doc->arena,
					                   "the table at the top of page %d, repeating no header, was joined to the "
					                   "table ending page %d after cutting its columns at the borders of that page",
					                   ft->page, prev_page);
				else if (!dropped && !ft->title)
					why = arena_printf(doc->arena,
					                   "the untitled table at the top of page %d, repeating no header, was joined "
					                   "to the table ending page %d because its columns stand at the same places",
					                   ft->page, prev_page);
				else if (partly)
					why = arena_printf(doc->arena,
					                   "the table at the top of page %d repeats part of the header of the table "
					                   "ending page %d: joined to it, with %zu repeated header row%s dropped",
					                   ft->page, prev_page, dropped, dropped == 1 ? "" : "s");
				if (why && !widened && !head_laid) /* continuation_widened already says so */
					*VEC_PUSH(doc->arena, &pending) = (pending_warning){ out - 1, "continuation_guessed", ft->page, why };
				continue;
			}
			if (ft->page == prev_page + 1 && prev->last_on_page && ft->first_on_page && !ft->title &&
			    !ft->fragment)
				*VEC_PUSH(doc->arena, &pending) = (pending_warning){
					out, "continuation_unjoined", ft->page,
					arena_printf(doc->arena,
					             "an untitled table at the top of page %d follows a table ending page %d, but "
					             "its columns or its header differ: kept as a table of its own",
					             ft->page, prev_page) };
		}
		if (ft->fragment) {
			if (ft->rows_laid)
				doc_warn(doc, "continuation_unread", ft->page, NULL,
				         "lines at the top of page %d print amounts but could not be joined to the table "
				         "ending the page before: that table's last rows may be missing",
				         ft->page);
			/* Not the rest of a table: its lines are text again. */
			for (size_t p = 0; p < doc->pages.len; p++) {
				page *pg = &doc->pages.items[p];
				for (size_t l = 0; pg->number == ft->page && l < pg->lines.len; l++)
					if (inside(&pg->lines.items[l].bb, &ft->bb, 0.5))
						pg->lines.items[l].in_table = false;
			}
			continue;
		}
		all.items[out++] = *ft;
	}
	for (size_t i = 0; i < out; i++) {
		found_table *ft = &all.items[i];
		if (!doc_cells_fit(doc, ft->nrows, ft->ncols))
			break;
		table *t = doc_add_table(doc, ft->nrows, ft->ncols);
		memcpy(t->cells, ft->cells, ft->nrows * ft->ncols * sizeof(cell));
		t->ruled = !ft->inferred;
		t->title = ft->title;
		t->number = ft->number;
		t->unit = ft->unit;
		t->entity = ft->entity;
		if (ft->header_before)
			doc_warn(doc, "header_page_before", ft->page, t,
			         "table %s: its header was read at the foot of page %d, its rows at the top of page %d: "
			         "laid on the columns of the rows",
			         t->id, ft->page, ft->extra_parts.items[0].page);
		if (ft->header_columns)
			doc_warn(doc, "header_columns", ft->page, t,
			         "table %s: its header at the foot of page %d heads more columns than its rows print: each "
			         "column of the rows was placed under the header column where its text stands, the others "
			         "left blank",
			         t->id, ft->page);
		if (ft->caption_before)
			doc_warn(doc, "caption_page_before", ft->page, t,
			         "table %s: its title '%s' was read at the foot of page %d, over the page break", t->id,
			         ft->title, ft->page - 1);
		table_part *part = VEC_PUSH(doc->arena, &t->parts);
		part->page = ft->page;
		part->bb = ft->bb;
		for (size_t k = 0; k < ft->extra_parts.len; k++)
			*VEC_PUSH(doc->arena, &t->parts) = ft->extra_parts.items[k];
		if (ft->header_only)
			table_set_header_rows(doc, t, t->nrows);
		else
			table_set_header(doc, t);
		if (ft->doubt)
			doc_warn(doc, "header_placed", ft->page, t, "table %s: %s", t->id, ft->doubt);
		for (size_t k = 0; k < pending.len; k++)
			if (pending.items[k].table == i)
				doc_warn(doc, pending.items[k].code, pending.items[k].page, t, "%s", pending.items[k].message);
	}
}
