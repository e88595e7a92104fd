/*
 * text: plain-text and Markdown renderings into the document model.
 *
 * Reading a rendering (text_load):
 *   1. Decode.  Empty input and binary data (NUL or many control bytes) are
 *      errors.  A UTF-8 BOM is dropped; input that is not UTF-8 but reads as
 *      GB18030 is converted (through html.c, the one user of libxml2's
 *      encoders); other invalid bytes become U+FFFD, with a warning.  A line
 *      longer than TEXT_LINE_MAX is cut, with a warning.  Form feeds count
 *      pages.
 *   2. Pick the table syntax.  Lines that are one tab and one cell ("\tcell")
 *      outnumbering other tabbed lines mean a one-cell-per-line rendering.
 *   3. Classify each line and feed the flow:
 *        blank                      -> paragraph break / page break in a table
 *        meta (公开02表, 表1, 部门：… -> kept for the table next to it
 *              单位：万元, 2020 年度; tab- or wide-space-separated pieces)
 *        "\tcell" (cell-per-line)   -> one cell of the row being built; the
 *                                      row ends at a blank line; an untabbed
 *                                      line continues the last cell, unless it
 *                                      is a table title (a title glued to the
 *                                      previous table) or a note (注：)
 *        a line with tabs           -> one printed row, cells at their columns
 *        anything else              -> text; `#` marks a heading, `- ` a list
 *
 * The flow (shared with html.c), text_flow_finish():
 *   A. Cover: the short lines that open the document, before any heading or
 *      table, joined into one level-1 heading (the document's title).
 *   B. Runs: consecutive rows (blank lines allowed between) make one table.
 *   C. Around each run: walking back over blank and meta lines, the nearest
 *      text line that reads as a title (ends with 表) is the title, with a
 *      form label alone right over it (附件2) as its number; the meta
 *      lines give number, unit and entity; meta lines printed after a table
 *      (before anything but notes) fill what is still missing.  Titles drop
 *      a leading year and ordinal, the form number and spaces.
 *   D. A run whose title equals the previous run's, with nothing but its own
 *      title and meta lines between, is the same table repeated on the next
 *      page: its rows join the previous run.
 *   E. Grid of a run:
 *        - rows of blank cells are dropped;
 *        - after the first row holding an amount, a row equal to one of the
 *          header rows (or a truncated copy of one) is a repeated header:
 *          dropped, and it marks a page break;
 *        - after a page break, a row whose only cells are text sitting under
 *          text cells of the row before (first column blank) is that row's
 *          wrapped tail: joined cell by cell (`…国债安` + `排的支出`);
 *        - width = the widest row; a grid of rows × width over the
 *          document's cell limit (doc->max_cells) is not built: the
 *          pipeline refuses the document;
 *        - a cell-per-line row shorter than the width lost the covered cells
 *          of merged cells; from the bottom up it is placed against the row
 *          below: a row holding amounts lets its first cell absorb the gap
 *          (合计 over code and name); a header row takes one column per blank
 *          cell below and one group per run of filled cells below (split
 *          after a 科目代码/科目名称 pair), or one segment per repeat of the
 *          row below's first cell (收入 | 支出 over 项目 … 项目 …), or equal
 *          shares; placed cells get their colspan (and a rowspan over the
 *          blank header cell beneath);
 *        - spans are checked (a span over a real cell shrinks to 1x1) and
 *          trailing all-blank columns are dropped.
 *   F. Blocks: text lines not used by tables, in order.  A line reading 目录
 *      and the entries after it are a contents block (prose_toc_add: until a
 *      sentence or a line repeating an entry).  A line is a heading, an item
 *      or a paragraph as prose_kind says (a numbered line holding a sentence
 *      is an item); a line marked up as a heading (#, <hN>) is a heading
 *      unless it is such an item, a bullet (- , <li>) an item; a line set
 *      bold whole (**…**) is set apart like a PDF's bold line.  A heading's
 *      next lines, bold alike (or any heading line after a bare 第二部分),
 *      unnumbered and short, are the same heading wrapped.  A paragraph
 *      line that does not end a sentence joins the next one (wrapped lines,
 *      also across a page break).
 */
#include "extract/text.h"

#include <stdlib.h>
#include <string.h>

#include "core/sbuf.h"
#include "extract/prose.h"
#include "extract/sniff.h"
#include "normalize/encoding.h"
#include "normalize/text.h"
#include "normalize/unit.h"

/* ---------- UTF-8 string helpers ---------- */

static bool has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static bool has_suffix(const char *s, size_t n, const char *p)
{
	size_t m = strlen(p);
	return n >= m && memcmp(s + n - m, p, m) == 0;
}

/* Length of the blank character (ASCII space, U+3000, U+00A0) at s, or 0. */
static size_t blank_at(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n' || s[0] == '\f' || s[0] == '\v'))
		return 1;
	if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
		return 3;
	if (n >= 2 && memcmp(s, "\xC2\xA0", 2) == 0)
		return 2;
	return 0;
}

/* Length of the blank character ending at s[n-1], or 0. */
static size_t blank_before(const char *s, size_t n)
{
	if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n' ||
	               s[n - 1] == '\f' || s[n - 1] == '\v'))
		return 1;
	if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
		return 3;
	if (n >= 2 && memcmp(s + n - 2, "\xC2\xA0", 2) == 0)
		return 2;
	return 0;
}

static void trim_span(const char **s, size_t *n)
{
	size_t k;
	while (*n && (k = blank_at(*s, *n)) != 0) {
		*s += k;
		*n -= k;
	}
	while (*n && (k = blank_before(*s, *n)) != 0)
		*n -= k;
}

static bool is_blank(const char *s, size_t n)
{
	trim_span(&s, &n);
	return n == 0;
}

static bool is_digit_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Decodes the code point at s[*i] (s NUL-terminated), advancing *i. */
static uint32_t next_cp(const char *s, size_t *i)
{
	uint32_t cp;
	size_t n = strlen(s + *i);
	if (!n)
		return 0;
	*i += utf8_decode(s + *i, n < 4 ? n : 4, &cp);
	return cp;
}

/* An amount or other number as printed: 1,234.56  -7.00  (7.00)  94.18%  ２０１. */
static bool is_amount(const char *s)
{
	if (!s)
		return false;
	size_t i = 0, digits = 0;
	uint32_t cp;
	bool first = true;
	while ((cp = next_cp(s, &i)) != 0) {
		if (is_digit_cp(cp))
			digits++;
		else if (cp == ',' || cp == 0xFF0C || cp == '.' || cp == 0xFF0E)
			;
		else if (first && (cp == '-' || cp == 0x2212 || cp == 0xFF0D || cp == '+' || cp == '(' || cp == 0xFF08))
			;
		else if (s[i] == '\0' && (cp == '%' || cp == ')' || cp == 0xFF09 || cp == 0xFF05))
			;
		else if (cp == ' ')
			;
		else
			return false;
		first = false;
	}
	return digits > 0;
}

static bool is_decimal_amount(const char *s)
{
	return is_amount(s) && (strchr(s, '.') || strstr(s, "\xEF\xBC\x8E"));
}

static bool ends_sentence(const char *s)
{
	size_t n = strlen(s);
	static const char *const ends[] = { "。", "！", "？", "；", "：", "!", "?", ";", ":", "…" };
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (has_suffix(s, n, ends[i]))
			return true;
	return false;
}

static bool is_ascii_word_byte(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Appends b to sb, with a space only between two ASCII words. */
static void join_text(sbuf *sb, const char *b)
{
	if (!*b)
		return;
	if (sb->len && is_ascii_word_byte(sb->buf[sb->len - 1]) && is_ascii_word_byte(b[0]))
		sbuf_addch(sb, ' ');
	sbuf_addstr(sb, b);
}

static char *arena_join(arena *a, const char *x, const char *y)
{
	sbuf sb;
	sbuf_init(&sb, TEXT_LINE_MAX);
	sbuf_addstr(&sb, x ? x : "");
	join_text(&sb, y ? y : "");
	char *out = arena_strndup(a, sb.buf, sb.len);
	sbuf_release(&sb);
	return out;
}

static bool match_ci(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	if (n < m)
		return false;
	for (size_t i = 0; i < m; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[i])
			return false;
	}
	return true;
}

/*
 * Cleans a line or cell as printed: drops <b>/<strong>/<em>/<i>/<u> tags,
 * Markdown ** marks and [bookmark: …] anchors, turns tabs, control bytes and
 * <br> into spaces, trims blank space (ASCII, U+3000, U+00A0) at both ends.
 */
static char *clean_text(arena *a, const char *s, size_t n)
{
	static const char *const tags[] = { "<b>", "</b>", "<strong>", "</strong>", "<em>", "</em>",
		                             "<i>", "</i>", "<u>", "</u>", "<span>", "</span>" };
	static const char *const breaks[] = { "<br>", "<br/>", "<br />" };
	sbuf sb;
	sbuf_init(&sb, TEXT_LINE_MAX);
	size_t i = 0;
	while (i < n) {
		char c = s[i];
		if (c == '<') {
			bool hit = false;
			for (size_t k = 0; k < sizeof tags / sizeof tags[0] && !hit; k++)
				if (match_ci(s + i, n - i, tags[k])) {
					i += strlen(tags[k]);
					hit = true;
				}
			for (size_t k = 0; k < sizeof breaks / sizeof breaks[0] && !hit; k++)
				if (match_ci(s + i, n - i, breaks[k])) {
					i += strlen(breaks[k]);
					sbuf_addch(&sb, ' ');
					hit = true;
				}
			if (hit)
				continue;
		} else if (c == '*' && i + 1 < n && s[i + 1] == '*') {
			while (i < n && s[i] == '*')
				i++;
			continue;
		} else if (c == '[' && n - i > 10 && memcmp(s + i, "[bookmark:", 10) == 0) {
			size_t j = i + 10;
			while (j < n && j < i + 200 && s[j] != ']')
				j++;
			if (j < n && s[j] == ']') {
				i = j + 1;
				continue;
			}
		}
		if ((unsigned char)c < 0x20 || c == 0x7F)
			c = ' ';
		sbuf_addch(&sb, c);
		i++;
	}
	const char *p = sb.buf;
	size_t len = sb.len;
	trim_span(&p, &len);
	char *out = arena_strndup(a, p, len);
	sbuf_release(&sb);
	return out;
}

/* Copy of s without ASCII spaces and U+3000. */
static char *strip_spaces(arena *a, const char *s)
{
	size_t n = strlen(s);
	char *out = arena_alloc(a, n + 1), *o = out;
	for (size_t i = 0; i < n;) {
		if (s[i] == ' ' || s[i] == '\t') {
			i++;
		} else if (n - i >= 3 && memcmp(s + i, "\xE3\x80\x80", 3) == 0) {
			i += 3;
		} else {
			*o++ = s[i++];
		}
	}
	*o = '\0';
	return out;
}

/* ---------- meta lines: 公开02表, 部门：…, 单位：万元, 2020 年度 ---------- */

typedef struct meta {
	char *number, *unit, *entity;
	bool year;
} meta;

/* A form number or label and nothing else, spaces already stripped (normalize/text). */
static bool parse_number(const char *s)
{
	size_t n = norm_form_number(s, true);
	return n && s[n] == '\0';
}

/* A unit line, spaces already stripped (单位：万元, 金额单位:元: normalize/unit).  A bracketed
   unit alone, （万元）, is no line of its own here: in a rendering it is the tail of a header
   cell wrapped over lines (年度预算 / 申请 / （万元）). */
static const char *parse_unit(const char *s)
{
	const char *u = norm_unit_line(s);
	return u && strstr(s, "单位") ? u : NULL;
}

static bool parse_year(const char *s)
{
	size_t i = 0;
	for (; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	while (s[i] == ' ')
		i++;
	if (!has_prefix(s + i, "年"))
		return false;
	i += strlen("年");
	if (has_prefix(s + i, "度"))
		i += strlen("度");
	return s[i] == '\0';
}

/* "部门：长沙市…" -> the entity (cleaned piece, spaces kept), or NULL; the
 * labels are normalize/'s (norm_entity_label). */
static char *parse_entity(arena *a, const char *s, meta *m)
{
	size_t label = norm_entity_label(s);
	if (!label)
		return NULL;
	const char *p = s + label;
	size_t n = strlen(p);
	/* "部门：X 单位：万元" printed with one space */
	size_t us, ue;
	const char *w = norm_unit_span(p, &us, &ue);
	if (w && us > 0 && parse_unit(p + us)) {
		m->unit = (char *)w;
		n = us;
	}
	trim_span(&p, &n);
	if (!n)
		return NULL;
	char *v = arena_strndup(a, p, n);
	if (norm_unit_word(strip_spaces(a, v)))
		return NULL;
	return v;
}

/*
 * Is the line nothing but meta pieces?  Pieces are separated by tabs, U+3000
 * or two or more spaces.  Fills m (unit words are static strings).
 */
static bool parse_meta(arena *a, const char *s, size_t n, meta *m)
{
	memset(m, 0, sizeof *m);
	if (n > 512)
		return false;
	size_t i = 0, pieces = 0;
	while (i < n) {
		size_t start = i;
		while (i < n) {
			if (s[i] == '\t')
				break;
			if (n - i >= 3 && memcmp(s + i, "\xE3\x80\x80", 3) == 0)
				break;
			if (s[i] == ' ' && i + 1 < n && s[i + 1] == ' ')
				break;
			i++;
		}
		char *piece = clean_text(a, s + start, i - start);
		/* skip the separator run */
		while (i < n) {
			size_t k = blank_at(s + i, n - i);
			if (!k)
				break;
			i += k;
		}
		if (!*piece)
			continue;
		char *flat = strip_spaces(a, piece);
		const char *w;
		char *e;
		if (parse_number(flat))
			m->number = flat;
		else if ((w = parse_unit(flat)) != NULL)
			m->unit = (char *)w;
		else if (parse_year(piece))
			m->year = true;
		else if ((e = parse_entity(a, piece, m)) != NULL)
			m->entity = e;
		else
			return false;
		pieces++;
	}
	return pieces > 0;
}

/* ---------- titles ---------- */

static bool title_like(const char *s)
{
	size_t n = strlen(s);
	if (!n || norm_char_count(s) > 60 || strstr(s, "。") || strstr(s, "：") || norm_heading_level(s) == 4)
		return false;
	return norm_names_table(s);
}

/* Title as the schemas match it: no year, ordinal, form number, (续) or spaces. */
static char *clean_title(arena *a, const char *raw, char **number)
{
	char *s = strip_spaces(a, raw);
	size_t n = strlen(s);
	static const char *const conts[] = { "（续表）", "(续表)", "（续）", "(续)" };
	for (size_t i = 0; i < sizeof conts / sizeof conts[0]; i++)
		if (has_suffix(s, n, conts[i])) {
			n -= strlen(conts[i]);
			s[n] = '\0';
		}
	/* a form number inside the title: 公开05表, possibly in brackets */
	size_t start, end;
	if (norm_find_form_number(s, &start, &end)) {
		char *p = s + start, *e = s + end;
		if (number && !*number)
			*number = arena_strndup(a, p, (size_t)(e - p));
		if (p > s && (has_suffix(s, (size_t)(p - s), "（") || has_suffix(s, (size_t)(p - s), "("))) {
			size_t open = has_suffix(s, (size_t)(p - s), "（") ? strlen("（") : 1;
			if (has_prefix(e, "）"))
				e += strlen("）");
			else if (*e == ')')
				e++;
			p -= open;
		}
		memmove(p, e, strlen(e) + 1);
	}
	/* leading year: 2023年 / 2020年度 */
	size_t i = 0;
	while (i < 4 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == 4 && has_prefix(s + i, "年")) {
		i += strlen("年");
		if (has_prefix(s + i, "度"))
			i += strlen("度");
		s += i;
	}
	/* leading ordinal: 一、 1、 1. （一） */
	int level = norm_heading_level(s);
	if (level >= 2) {
		size_t k = 0;
		uint32_t cp;
		do
			cp = next_cp(s, &k);
		while (cp && cp != 0x3001 && cp != '.' && cp != 0xFF0E && cp != 0xFF09 && cp != ')');
		if (cp)
			s += k;
	}
	return s;
}

/* ---------- the flow ---------- */

typedef struct trow {
	cell *cells;
	size_t n;
	bool placed;     /* cells at their columns; false: cell-per-line, to be placed */
	bool page_break; /* a page break came right before this row */
	int page;
} trow;

enum item_kind { IT_BLANK, IT_PAGE, IT_TEXT, IT_META, IT_ROW, IT_END };

typedef struct item {
	enum item_kind kind;
	int page;
	int hint;
	char *text;
	meta m;
	trow row;
	bool consumed;
	bool bold; /* the whole line set bold (**…**, <b>…</b>): apart from body text */
} item;

typedef struct run {
	size_t first, last; /* item indices of the first and last row */
	VEC(trow *) rows;
	char *title, *number, *unit, *entity;
	bool merged; /* joined into an earlier run */
} run;

struct text_flow {
	document *doc;
	VEC(item) items;
	int page;
};

text_flow *text_flow_new(document *doc)
{
	text_flow *f = arena_alloc(doc->arena, sizeof *f);
	f->doc = doc;
	return f;
}

static item *push_item(text_flow *f, enum item_kind kind)
{
	item *it = VEC_PUSH(f->doc->arena, &f->items);
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->page = f->page;
	return it;
}

void text_flow_line(text_flow *f, const char *s, size_t len, int hint)
{
	arena *a = f->doc->arena;
	if (len > TEXT_LINE_MAX)
		len = TEXT_LINE_MAX;
	if (is_blank(s, len)) {
		text_flow_blank(f);
		return;
	}
	meta m;
	if (hint <= 0 && parse_meta(a, s, len, &m)) {
		item *it = push_item(f, IT_META);
		it->m = m;
		it->text = clean_text(a, s, len);
		return;
	}
	char *text = clean_text(a, s, len);
	if (!*text) {
		text_flow_blank(f);
		return;
	}
	item *it = push_item(f, IT_TEXT);
	it->text = text;
	it->hint = hint;
	const char *p = s;
	size_t n = len;
	trim_span(&p, &n);
	it->bold = (n > 4 && has_prefix(p, "**") && has_suffix(p, n, "**")) ||
	           (n > 7 && match_ci(p, n, "<b>") && has_suffix(p, n, "</b>")) ||
	           (n > 17 && match_ci(p, n, "<strong>") && has_suffix(p, n, "</strong>"));
}

void text_flow_blank(text_flow *f)
{
	push_item(f, IT_BLANK);
}

void text_flow_page(text_flow *f)
{
	push_item(f, IT_PAGE);
	f->page++;
}

static void flow_row(text_flow *f, const cell *cells, size_t n, bool placed)
{
	arena *a = f->doc->arena;
	item *it = push_item(f, IT_ROW);
	it->row.cells = arena_calloc(a, n ? n : 1, sizeof(cell));
	it->row.n = n;
	it->row.placed = placed;
	it->row.page = f->page;
	for (size_t i = 0; i < n; i++) {
		it->row.cells[i] = cells[i];
		if (cells[i].text)
			it->row.cells[i].text = clean_text(a, cells[i].text, strlen(cells[i].text));
		else if (placed && (cells[i].rowspan || cells[i].colspan))
			it->row.cells[i].text = "";
	}
}

void text_flow_row(text_flow *f, const cell *cells, size_t n)
{
	flow_row(f, cells, n, true);
}

void text_flow_table_end(text_flow *f)
{
	push_item(f, IT_END);
}

/* ---------- E. the grid of a run ---------- */

static bool cell_blank(const cell *c)
{
	return c->text && !*c->text && c->rowspan <= 1 && c->colspan <= 1;
}

static bool row_all_blank(const trow *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (!cell_blank(&r->cells[i]))
			return false;
	return true;
}

static bool row_has(const trow *r, bool (*pred)(const char *))
{
	for (size_t i = 0; i < r->n; i++)
		if (r->cells[i].text && pred(r->cells[i].text))
			return true;
	return false;
}

static size_t row_width(const trow *r)
{
	size_t n = r->n;
	while (n && r->cells[n - 1].text && !*r->cells[n - 1].text)
		n--;
	return n;
}

static bool text_eq(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "") == 0;
}

static bool rows_equal(const trow *x, const trow *y)
{
	size_t n = row_width(x);
	if (n != row_width(y))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!text_eq(x->cells[i].text, y->cells[i].text))
			return false;
	return true;
}

/* r repeats header h, maybe cut short: same filled cells, each a prefix of h's. */
static bool header_repeat(arena *a, const trow *h, const trow *r)
{
	if (rows_equal(h, r))
		return true;
	if (row_has(r, is_decimal_amount))
		return false;
	size_t ih = 0, filled = 0;
	for (size_t ir = 0; ir < r->n; ir++) {
		const char *t = r->cells[ir].text;
		if (!t || !*t)
			continue;
		while (ih < h->n && (!h->cells[ih].text || !*h->cells[ih].text))
			ih++;
		if (ih >= h->n)
			return false;
		char *rs = strip_spaces(a, t), *hs = strip_spaces(a, h->cells[ih].text);
		if (!*rs || !has_prefix(hs, rs))
			return false;
		ih++;
		filled++;
	}
	while (ih < h->n && (!h->cells[ih].text || !*h->cells[ih].text))
		ih++;
	return filled >= 2 && ih >= h->n;
}

/* r is the wrapped tail of p: text only, each piece under a text cell of p. */
static bool continues(const trow *p, const trow *r)
{
	if (!p->placed || !r->placed || !r->n || (r->cells[0].text && *r->cells[0].text))
		return false;
	if (!row_has(p, is_amount))
		return false;
	size_t filled = 0;
	for (size_t i = 0; i < r->n; i++) {
		const char *t = r->cells[i].text;
		if (!t)
			return false;
		if (!*t)
			continue;
		if (is_amount(t) || i >= p->n)
			return false;
		const char *above = p->cells[i].text;
		if (!above || !*above || is_amount(above))
			return false;
		filled++;
	}
	return filled >= 1 && filled <= 2;
}

static bool is_code_label(const char *s)
{
	return s && (strstr(s, "代码") || strstr(s, "编码"));
}

static bool is_name_label(const char *s)
{
	return s && strstr(s, "名称");
}

static void span_cells(cell *out, size_t start, size_t span, const cell *src)
{
	out[start] = *src;
	if (!src->text || !*src->text) {
		out[start].text = "";
		out[start].rowspan = out[start].colspan = 1;
		return; /* a blank cell merges nothing */
	}
	out[start].colspan = (int)span;
	out[start].rowspan = 1;
	for (size_t c = start + 1; c < start + span; c++) {
		out[c].text = NULL;
		out[c].rowspan = out[c].colspan = 0;
	}
}

/* Places a cell-per-line row of k < n cells into out (n slots) against the row below. */
static void place_row(const trow *tr, cell *out, size_t n, cell *below)
{
	size_t k = tr->n;
	const cell *rc = tr->cells;
	size_t *start = calloc(n + 1, sizeof *start);
	size_t *width = calloc(n + 1, sizeof *width);
	bool *single = calloc(n + 1, sizeof *single);
	size_t groups = 0;
	if (!start || !width || !single)
		abort();

	if (row_has(tr, is_amount))
		goto absorb;

	if (below) {
		bool header_below = true;
		for (size_t c = 0; c < n; c++)
			if (below[c].text && is_amount(below[c].text))
				header_below = false;
		for (size_t c = 0; c < n; c++) {
			bool empty = cell_blank(&below[c]);
			bool fresh = c == 0 || empty || cell_blank(&below[c - 1]) ||
			             (c >= 2 && is_code_label(below[c - 2].text) && is_name_label(below[c - 1].text));
			if (fresh) {
				start[groups] = c;
				width[groups] = 1;
				single[groups] = empty;
				groups++;
			} else {
				width[groups - 1]++;
			}
		}
		if (groups == k) {
			for (size_t g = 0; g < k; g++) {
				span_cells(out, start[g], width[g], &rc[g]);
				if (single[g] && header_below && *rc[g].text) {
					out[start[g]].rowspan = 2;
					below[start[g]].text = NULL;
					below[start[g]].rowspan = below[start[g]].colspan = 0;
				}
			}
			goto done;
		}
		/* one segment per repeat of the first cell below */
		const char *t0 = below[0].text;
		size_t seg = 0, filled = 0;
		if (t0 && *t0) {
			for (size_t c = 0; c < n; c++)
				if (below[c].text && strcmp(below[c].text, t0) == 0)
					start[seg++] = c;
			for (size_t i = 0; i < k; i++)
				if (*rc[i].text)
					filled++;
			if (seg >= 2 && seg == filled) {
				size_t g = 0;
				for (size_t i = 0; i < k; i++) {
					if (!*rc[i].text)
						continue;
					size_t end = g + 1 < seg ? start[g + 1] : n;
					span_cells(out, start[g], end - start[g], &rc[i]);
					g++;
				}
				goto done;
			}
		}
	}
	if (n % k == 0) {
		for (size_t i = 0; i < k; i++)
			span_cells(out, i * (n / k), n / k, &rc[i]);
		goto done;
	}
absorb:
	span_cells(out, 0, n - k + 1, &rc[0]);
	for (size_t i = 1; i < k; i++)
		out[n - k + i] = rc[i];
done:
	free(start);
	free(width);
	free(single);
}

/* Every covered slot belongs to exactly one span; spans over real cells shrink to 1x1. */
static void fix_spans(cell *g, size_t nrows, size_t ncols)
{
	bool *owned = calloc(nrows * ncols > 0 ? nrows * ncols : 1, sizeof *owned);
	if (!owned)
		abort();
	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0; c < ncols; c++) {
			cell *o = &g[r * ncols + c];
			if (!o->text)
				continue;
			if (o->rowspan < 1)
				o->rowspan = 1;
			if (o->colspan < 1)
				o->colspan = 1;
			if ((size_t)o->rowspan > nrows - r)
				o->rowspan = (int)(nrows - r);
			if ((size_t)o->colspan > ncols - c)
				o->colspan = (int)(ncols - c);
			bool ok = true;
			for (size_t rr = r; rr < r + (size_t)o->rowspan && ok; rr++)
				for (size_t cc = c; cc < c + (size_t)o->colspan && ok; cc++)
					if ((rr != r || cc != c) && (g[rr * ncols + cc].text || owned[rr * ncols + cc]))
						ok = false;
			if (!ok)
				o->rowspan = o->colspan = 1;
			for (size_t rr = r; rr < r + (size_t)o->rowspan; rr++)
				for (size_t cc = c; cc < c + (size_t)o->colspan; cc++)
					owned[rr * ncols + cc] = true;
		}
	for (size_t i = 0; i < nrows * ncols; i++)
		if (!g[i].text && !owned[i]) {
			g[i].text = "";
			g[i].rowspan = g[i].colspan = 1;
		}
	free(owned);
}

static void emit_table(text_flow *f, run *ru)
{
	document *doc = f->doc;
	arena *a = doc->arena;
	VEC(trow *) rows = { 0 };
	size_t header_rows = 0;
	bool data_seen = false, pending_break = false;

	for (size_t i = 0; i < ru->rows.len; i++) {
		trow *r = ru->rows.items[i];
		bool brk = r->page_break || pending_break;
		if (row_all_blank(r)) {
			pending_break = brk;
			continue;
		}
		pending_break = false;
		if (data_seen && r->placed) {
			bool repeat = false;
			for (size_t h = 0; h < header_rows && !repeat; h++)
				repeat = header_repeat(a, rows.items[h], r);
			if (repeat) {
				pending_break = true;
				continue;
			}
		}
		if (brk && rows.len && continues(rows.items[rows.len - 1], r)) {
			trow *p = rows.items[rows.len - 1];
			for (size_t c = 0; c < r->n; c++)
				if (r->cells[c].text && *r->cells[c].text)
					p->cells[c].text = arena_join(a, p->cells[c].text, r->cells[c].text);
			continue;
		}
		*VEC_PUSH(a, &rows) = r;
		if (!data_seen && row_has(r, is_decimal_amount))
			data_seen = true;
		if (!data_seen && header_rows < 6)
			header_rows = rows.len;
	}
	if (!rows.len)
		return;

	size_t n = 1;
	for (size_t i = 0; i < rows.len; i++)
		if (rows.items[i]->n > n)
			n = rows.items[i]->n;
	size_t nrows = rows.len;
	if (!doc_cells_fit(doc, nrows, n))
		return; /* the reader refuses the document */
	cell *g = malloc(nrows * n * sizeof *g);
	if (!g)
		abort();
	for (size_t i = 0; i < nrows * n; i++) {
		g[i].text = "";
		g[i].rowspan = g[i].colspan = 1;
	}
	for (size_t r = 0; r < nrows; r++) {
		trow *tr = rows.items[r];
		if (tr->placed || tr->n == n)
			memcpy(&g[r * n], tr->cells, tr->n * sizeof(cell));
	}
	for (size_t r = nrows; r-- > 0;) {
		trow *tr = rows.items[r];
		if (!tr->placed && tr->n < n)
			place_row(tr, &g[r * n], n, r + 1 < nrows ? &g[(r + 1) * n] : NULL);
	}
	fix_spans(g, nrows, n);

	/* drop trailing columns that are blank in every row */
	size_t ncols = n;
	while (ncols > 1) {
		bool blank = true;
		for (size_t r = 0; r < nrows && blank; r++)
			blank = cell_blank(&g[r * n + ncols - 1]);
		if (!blank)
			break;
		ncols--;
	}

	table *t = doc_add_table(doc, nrows, ncols);
	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0; c < ncols; c++)
			*table_cell(t, r, c) = g[r * n + c];
	free(g);
	t->title = ru->title;
	t->number = ru->number;
	t->unit = ru->unit;
	t->entity = ru->entity;
	int first = rows.items[0]->page, last = rows.items[nrows - 1]->page;
	for (int p = first; p <= last && p - first < 10000; p++) {
		table_part *part = VEC_PUSH(a, &t->parts);
		memset(part, 0, sizeof *part);
		part->page = p;
	}
}

/* ---------- A-D, F: finishing the flow ---------- */

static void meta_fill(run *ru, const meta *m)
{
	if (m->number && !ru->number)
		ru->number = m->number;
	if (m->unit && !ru->unit)
		ru->unit = m->unit;
	if (m->entity && !ru->entity)
		ru->entity = m->entity;
}

static bool is_note(const char *s)
{
	return has_prefix(s, "注") || has_prefix(s, "说明：") || has_prefix(s, "备注");
}

/* A. the cover lines opening the document -> one heading. */
static void find_cover(text_flow *f)
{
	item *it = f->items.items;
	size_t n = f->items.len, lines = 0, i = 0, last = 0;
	size_t picked[4];
	for (; i < n && lines < 4; i++) {
		if (it[i].kind == IT_BLANK || it[i].kind == IT_PAGE)
			continue;
		if (it[i].kind == IT_META && it[i].m.year && !it[i].m.number && !it[i].m.unit && !it[i].m.entity) {
			picked[lines++] = i;
			last = i;
			continue;
		}
		if (it[i].kind != IT_TEXT || it[i].hint != 0)
			break;
		const char *s = it[i].text;
		char *flat = strip_spaces(f->doc->arena, s);
		if (norm_char_count(s) > 60 || norm_heading_level(s) || strcmp(flat, "目录") == 0 || ends_sentence(s) ||
		    has_suffix(s, strlen(s), "，") || title_like(s))
			break;
		picked[lines++] = i;
		last = i;
	}
	(void)last;
	if (!lines)
		return;
	sbuf sb;
	sbuf_init(&sb, TEXT_LINE_MAX);
	for (size_t k = 0; k < lines; k++) {
		join_text(&sb, it[picked[k]].text);
		it[picked[k]].consumed = true;
	}
	block *b = VEC_PUSH(f->doc->arena, &f->doc->blocks);
	b->type = BLOCK_HEADING;
	b->level = 1;
	b->text = arena_strndup(f->doc->arena, sb.buf, sb.len);
	b->page = it[picked[0]].page;
	sbuf_release(&sb);
}

/* A part's number alone (第二部分): its name follows on the next heading line. */
static bool bare_part(const char *s)
{
	if (norm_heading_level(s) != 1)
		return false;
	const char *end = strstr(s, "部分");
	return end && !*(end + strlen("部分"));
}

/* Does the line continue the heading before it: a heading's lines set apart alike (bold, or
 * marked up after a bare part number), unnumbered, short, no sentence? */
static bool continues_heading(const block *head, bool head_bold, const item *it)
{
	if (!head || norm_heading_level(it->text) || ends_sentence(it->text) || strstr(it->text, "。"))
		return false;
	if (norm_char_count(head->text) + norm_char_count(it->text) > 40)
		return false;
	return (it->bold && head_bold) || (it->hint > 0 && bare_part(head->text));
}

static void emit_block(text_flow *f, item *it, block **para, block **head, bool *head_bold)
{
	document *doc = f->doc;
	const char *s = it->text;
	if (*head && continues_heading(*head, *head_bold, it)) {
		(*head)->text = arena_printf(doc->arena, "%s%s%s", (*head)->text, bare_part((*head)->text) ? " " : "", s);
		return;
	}
	int level;
	enum block_type type = prose_kind(s, it->bold, &level);
	if (it->hint > 0) {
		/* Marked up as a heading: a heading, unless it holds a sentence after its number. */
		if (type != BLOCK_ITEM)
			type = BLOCK_HEADING;
		if (!level)
			level = it->hint > 4 ? 4 : it->hint;
	} else if (it->hint < 0 && type == BLOCK_PARAGRAPH) {
		type = BLOCK_ITEM; /* a bullet: "- " */
	} else if (type == BLOCK_HEADING && !level) {
		level = 2; /* set bold */
	}
	if (type == BLOCK_PARAGRAPH && *para && it->hint == 0 && !ends_sentence((*para)->text) &&
	    norm_char_count((*para)->text) >= 20 && !is_note(s)) {
		(*para)->text = arena_join(doc->arena, (*para)->text, s);
		return;
	}
	block *b = VEC_PUSH(doc->arena, &doc->blocks);
	b->type = type;
	b->level = level;
	b->text = it->text;
	b->page = it->page;
	*para = type == BLOCK_HEADING || it->hint < 0 ? NULL : b;
	*head = type == BLOCK_HEADING && (it->bold || bare_part(s)) ? b : NULL;
	*head_bold = it->bold;
}

/* A contents page: the 目录 line at i and the entries after it, as one block; returns the
 * index of the last item taken, or i when no entry follows. */
static size_t emit_toc(text_flow *f, size_t i)
{
	document *doc = f->doc;
	item *it = f->items.items;
	block toc = { .type = BLOCK_TOC };
	size_t last = i;
	for (size_t j = i + 1; j < f->items.len; j++) {
		if (it[j].kind == IT_BLANK || it[j].kind == IT_PAGE)
			continue;
		if (it[j].kind != IT_TEXT || it[j].consumed || !prose_toc_add(doc->arena, &toc, it[j].text))
			break;
		it[j].consumed = true;
		last = j;
	}
	if (!toc.entries.len)
		return i;
	block *b = VEC_PUSH(doc->arena, &doc->blocks);
	*b = toc;
	b->text = "\xE7\x9B\xAE\xE5\xBD\x95"; /* 目录 */
	b->page = it[i].page;
	return last;
}

void text_flow_finish(text_flow *f)
{
	document *doc = f->doc;
	arena *a = doc->arena;
	item *it = f->items.items;
	size_t n = f->items.len;

	find_cover(f);

	/* B. runs */
	VEC(run) runs = { 0 };
	for (size_t i = 0; i < n;) {
		if (it[i].kind != IT_ROW) {
			i++;
			continue;
		}
		run *ru = VEC_PUSH(a, &runs);
		memset(ru, 0, sizeof *ru);
		ru->first = i;
		bool brk = false;
		for (; i < n; i++) {
			if (it[i].kind == IT_BLANK || it[i].kind == IT_PAGE) {
				brk = true;
				continue;
			}
			if (it[i].kind != IT_ROW)
				break;
			it[i].row.page_break = brk && it[i].row.placed && ru->rows.len;
			brk = false;
			*VEC_PUSH(a, &ru->rows) = &it[i].row;
			ru->last = i;
		}
	}

	/* C. titles and meta before each run */
	for (size_t r = 0; r < runs.len; r++) {
		run *ru = &runs.items[r];
		size_t j = ru->first;
		while (j-- > 0) {
			if (it[j].kind == IT_BLANK || it[j].kind == IT_PAGE)
				continue;
			if (it[j].kind == IT_META && !it[j].consumed) {
				meta_fill(ru, &it[j].m);
				it[j].consumed = true;
				continue;
			}
			if (it[j].kind == IT_TEXT && !it[j].consumed && title_like(it[j].text)) {
				it[j].consumed = true;
				ru->title = clean_title(a, it[j].text, &ru->number);
				/* a form label alone right over the title (附件2, 表1) */
				while (j-- > 0 && (it[j].kind == IT_BLANK || it[j].kind == IT_PAGE))
					;
				if (j != (size_t)-1 && it[j].kind == IT_META && !it[j].consumed && it[j].m.number &&
				    !it[j].m.unit && !it[j].m.entity && !ru->number) {
					ru->number = it[j].m.number;
					it[j].consumed = true;
				}
			}
			break;
		}
	}
	/* C. meta printed after a table, before anything but notes */
	for (size_t r = 0; r < runs.len; r++) {
		run *ru = &runs.items[r];
		size_t j = ru->last + 1, metas[16], nm = 0;
		for (; j < n; j++) {
			if (it[j].kind == IT_BLANK || it[j].kind == IT_PAGE)
				continue;
			if (it[j].kind == IT_TEXT && !it[j].consumed && is_note(it[j].text))
				continue;
			if (it[j].kind == IT_META && !it[j].consumed && nm < 16) {
				metas[nm++] = j;
				continue;
			}
			break;
		}
		if (j < n && it[j].kind == IT_ROW)
			continue;
		for (size_t k = 0; k < nm; k++) {
			meta_fill(ru, &it[metas[k]].m);
			it[metas[k]].consumed = true;
		}
	}

	/* D. a table repeated with its title on every page is one table */
	for (size_t r = 1; r < runs.len; r++) {
		run *ru = &runs.items[r];
		size_t t = r - 1;
		while (t > 0 && runs.items[t].merged)
			t--;
		run *prev = &runs.items[t];
		if (!ru->title || !prev->title || strcmp(ru->title, prev->title) != 0)
			continue;
		if (ru->entity && prev->entity && strcmp(ru->entity, prev->entity) != 0)
			continue;
		bool between = true;
		for (size_t j = runs.items[r - 1].last + 1; j < ru->first && between; j++)
			if (it[j].kind == IT_TEXT && !it[j].consumed)
				between = false;
		if (!between)
			continue;
		for (size_t k = 0; k < ru->rows.len; k++) {
			trow *tr = ru->rows.items[k];
			if (k == 0)
				tr->page_break = true;
			*VEC_PUSH(a, &prev->rows) = tr;
		}
		if (!prev->number)
			prev->number = ru->number;
		if (!prev->unit)
			prev->unit = ru->unit;
		if (!prev->entity)
			prev->entity = ru->entity;
		ru->merged = true;
	}

	/* F. blocks and tables in reading order */
	size_t first_block = doc->blocks.len;
	block *para = NULL, *head = NULL;
	bool head_bold = false;
	size_t next_run = 0;
	for (size_t i = 0; i < n; i++) {
		if (it[i].kind == IT_ROW) {
			while (next_run < runs.len && runs.items[next_run].first < i)
				next_run++;
			if (next_run < runs.len && runs.items[next_run].first == i) {
				if (!runs.items[next_run].merged)
					emit_table(f, &runs.items[next_run]);
				para = NULL;
				head = NULL;
			}
			continue;
		}
		if (it[i].kind != IT_TEXT || it[i].consumed)
			continue;
		if (prose_is_toc_title(a, it[i].text)) {
			size_t last = emit_toc(f, i);
			if (last != i) {
				i = last;
				para = head = NULL;
				continue;
			}
		}
		emit_block(f, &it[i], &para, &head, &head_bold);
	}
	prose_siblings(doc, first_block);
}

/* ---------- text_load ---------- */

static bool is_cell_line(const char *s, size_t n)
{
	return n >= 1 && s[0] == '\t' && !memchr(s + 1, '\t', n - 1);
}

typedef struct rowbuf {
	sbuf *cells;
	size_t len, cap;
} rowbuf;

static void rowbuf_add(rowbuf *rb, const char *s, size_t n)
{
	if (rb->len == rb->cap) {
		size_t cap = rb->cap ? rb->cap * 2 : 16;
		sbuf *p = realloc(rb->cells, cap * sizeof *p);
		if (!p)
			abort();
		rb->cells = p;
		rb->cap = cap;
	}
	sbuf_init(&rb->cells[rb->len], TEXT_LINE_MAX);
	sbuf_add(&rb->cells[rb->len], s, n);
	rb->len++;
}

/* A row flushed as text: a note, or a one-cell line right after a note. */
static void rowbuf_flush(text_flow *f, rowbuf *rb, bool *after_note)
{
	if (!rb->len)
		return;
	/* a note printed as a one-cell row ends the table: it is text */
	size_t filled = 0, at = 0;
	for (size_t i = 0; i < rb->len; i++)
		if (!is_blank(rb->cells[i].buf, rb->cells[i].len)) {
			filled++;
			at = i;
		}
	if (filled == 1) {
		char *t = clean_text(f->doc->arena, rb->cells[at].buf, rb->cells[at].len);
		if (is_note(t) || *after_note) {
			*after_note = true;
			text_flow_line(f, t, strlen(t), 0);
			for (size_t i = 0; i < rb->len; i++)
				sbuf_release(&rb->cells[i]);
			rb->len = 0;
			return;
		}
	}
	*after_note = false;
	cell *cells = calloc(rb->len, sizeof *cells);
	if (!cells)
		abort();
	for (size_t i = 0; i < rb->len; i++) {
		cells[i].text = rb->cells[i].buf;
		cells[i].rowspan = cells[i].colspan = 1;
	}
	flow_row(f, cells, rb->len, false);
	free(cells);
	for (size_t i = 0; i < rb->len; i++)
		sbuf_release(&rb->cells[i]);
	rb->len = 0;
}

static void tab_row(text_flow *f, const char *s, size_t n)
{
	size_t count = 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\t')
			count++;
	cell *cells = calloc(count, sizeof *cells);
	char **bufs = calloc(count, sizeof *bufs);
	if (!cells || !bufs)
		abort();
	size_t k = 0, start = 0;
	for (size_t i = 0; i <= n && k < count; i++) {
		if (i == n || s[i] == '\t') {
			bufs[k] = strndup(s + start, i - start);
			if (!bufs[k])
				abort();
			cells[k].text = bufs[k];
			cells[k].rowspan = cells[k].colspan = 1;
			k++;
			start = i + 1;
		}
	}
	flow_row(f, cells, k, true);
	for (size_t i = 0; i < k; i++)
		free(bufs[i]);
	free(bufs);
	free(cells);
}

/* Markdown: `# heading` -> hint 1..6; `- item` -> -1. Advances *s past the mark. */
static int markdown_hint(const char **s, size_t *n)
{
	const char *p = *s;
	size_t len = *n;
	trim_span(&p, &len);
	size_t h = 0;
	while (h < len && p[h] == '#')
		h++;
	if (h >= 1 && h <= 6 && (h == len || p[h] == ' ')) {
		*s = p + h;
		*n = len - h;
		return (int)h;
	}
	if (len >= 2 && (p[0] == '-' || p[0] == '+' || (p[0] == '*' && p[1] != '*')) && p[1] == ' ') {
		*s = p + 2;
		*n = len - 2;
		return -1;
	}
	return 0;
}

/* Replaces invalid UTF-8 with U+FFFD; returns a malloc'd copy and the count replaced. */
static char *repair_utf8(const char *data, size_t len, size_t *outlen, size_t *bad)
{
	sbuf sb;
	sbuf_init(&sb, len * 3 + 16);
	*bad = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(data + i, len - i, &cp);
		if (k == 0)
			k = 1;
		if (cp == 0xFFFD && !(k == 3 && memcmp(data + i, "\xEF\xBF\xBD", 3) == 0)) {
			sbuf_add_utf8(&sb, 0xFFFD);
			(*bad)++;
		} else {
			sbuf_add(&sb, data + i, k);
		}
		i += k;
	}
	return sbuf_detach(&sb, outlen);
}

int text_load(document *doc, const char *data, size_t len, error *err)
{
	doc->media = "text";
	if (!data || len == 0) {
		error_set(err, ERROR_INPUT, 0, "empty input: no text to read");
		return -1;
	}
	size_t sample = len < 65536 ? len : 65536, ctrl = 0;
	for (size_t i = 0; i < sample; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c == 0) {
			error_set(err, ERROR_INPUT, 0, "not a text rendering: binary data (NUL byte at offset %zu)", i);
			return -1;
		}
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
			ctrl++;
	}
	if (ctrl * 100 > sample) {
		error_set(err, ERROR_INPUT, 0, "not a text rendering: binary data (%zu control bytes in the first %zu)",
		          ctrl, sample);
		return -1;
	}

	char *owned = NULL;
	if (!utf8_valid(data, len)) {
		size_t outlen = 0;
		char *conv = NULL;
		if (sniff_gb18030(data, len) && norm_transcode("GB18030", data, len, &conv, &outlen) == 0 &&
		    utf8_valid(conv, outlen)) {
			doc_warn(doc, "encoding_guessed", 0, NULL, "input is not UTF-8; read as GB18030");
			owned = conv;
		} else {
			free(conv);
			size_t bad = 0;
			owned = repair_utf8(data, len, &outlen, &bad);
			doc_warn(doc, "encoding_invalid", 0, NULL, "input is not valid UTF-8: %zu byte sequence%s replaced by U+FFFD", bad,
			         bad == 1 ? "" : "s");
		}
		data = owned;
		len = outlen;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}

	/* 2. which table syntax */
	size_t cell_lines = 0, tab_lines = 0;
	bool pages = false;
	for (size_t i = 0; i < len;) {
		const char *e = memchr(data + i, '\n', len - i);
		size_t end = e ? (size_t)(e - data) : len;
		const char *s = data + i;
		size_t n = end - i;
		if (n > TEXT_LINE_MAX)
			n = TEXT_LINE_MAX;
		if (memchr(s, '\f', n))
			pages = true;
		if (is_cell_line(s, n) && !is_blank(s, n))
			cell_lines++;
		else if (memchr(s, '\t', n))
			tab_lines++;
		i = end + 1;
	}
	bool cell_mode = cell_lines >= 4 && cell_lines > tab_lines;

	text_flow *f = text_flow_new(doc);
	f->page = pages ? 1 : 0;
	rowbuf rb = { 0 };
	bool cut_warned = false, any = false, after_note = false;
	for (size_t i = 0; i < len;) {
		const char *e = memchr(data + i, '\n', len - i);
		size_t end = e ? (size_t)(e - data) : len;
		const char *s = data + i;
		size_t n = end - i;
		i = end + 1;
		if (n > TEXT_LINE_MAX) {
			size_t cut = TEXT_LINE_MAX;
			while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
				cut--;
			n = cut;
			if (!cut_warned)
				doc_warn(doc, "line_cut", f->page, NULL, "a line longer than %zu bytes was cut", (size_t)TEXT_LINE_MAX);
			cut_warned = true;
		}
		while (n && s[n - 1] == '\r')
			n--;
		/* form feeds: page breaks */
		const char *ff;
		while ((ff = memchr(s, '\f', n)) != NULL) {
			size_t before = (size_t)(ff - s);
			if (!is_blank(s, before))
				break; /* text before the break stays on this page */
			rowbuf_flush(f, &rb, &after_note);
			text_flow_page(f);
			n -= before + 1;
			s = ff + 1;
		}
		meta m;
		if (!is_blank(s, n) && parse_meta(doc->arena, s, n, &m)) {
			rowbuf_flush(f, &rb, &after_note);
			text_flow_line(f, s, n, 0);
			continue;
		}
		if (cell_mode && is_cell_line(s, n)) {
			/* "\tcell", also an empty cell "\t" */
			any = true;
			rowbuf_add(&rb, s + 1, n - 1);
			continue;
		}
		if (is_blank(s, n)) {
			rowbuf_flush(f, &rb, &after_note);
			text_flow_blank(f);
			continue;
		}
		any = true;
		if (memchr(s, '\t', n) && !(cell_mode && s[0] != '\t' && rb.len)) {
			rowbuf_flush(f, &rb, &after_note);
			tab_row(f, s, n);
			continue;
		}
		if (cell_mode && rb.len) {
			char *t = clean_text(doc->arena, s, n);
			if (!title_like(t) && !is_note(t) && !norm_heading_level(t)) {
				join_text(&rb.cells[rb.len - 1], t);
				continue;
			}
			rowbuf_flush(f, &rb, &after_note);
		}
		int hint = markdown_hint(&s, &n);
		text_flow_line(f, s, n, hint);
	}
	rowbuf_flush(f, &rb, &after_note);
	free(rb.cells);
	if (!any) {
		free(owned);
		error_set(err, ERROR_INPUT, 0, "empty input: nothing but blank lines");
		return -1;
	}
	text_flow_finish(f);
	free(owned);
	return 0;
}
