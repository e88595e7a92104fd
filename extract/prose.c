/*
 * prose: the lines no table claimed into headings, items, paragraphs and contents.
 *
 * Lines to units (prose_blocks, a PDF's lines in reading order, page after page; furniture —
 * page numbers, running headers — is left out, and a table between two lines parts them):
 *   1. Measures.  Body text: the usual font size of long lines (15 glyphs or more), the usual
 *      left and right edges of its lines (20th and 80th percentile), taken on each page that
 *      has five such lines or more, else on the whole document; whether body text is bold.
 *   2. Contents.  A line reading 目录 (目 录) opens a contents page; so do three lines in a
 *      row ending in leader dots and a page number.  Each following line is an entry (its
 *      title, numbering level and page number: prose_toc_add) until a line that is not one:
 *      a sentence, a long line, a line without leader on a contents page printed with them,
 *      or a line that repeats an entry (the body begins with the first part the contents
 *      named).  This also holds across a page break.
 *   3. Units.  A line continues the unit before it when
 *        - it carries no numbering (一、（一）1. (1) ① and 第一部分 always open a unit),
 *        - it is close below (a gap under 1.8 line heights) or opens the next page (the
 *          next page read: not over pages left out or without text),
 *        - the line before fills the width: it ends within 2.5 body sizes of the body's right
 *          edge, or closer to it than the width of this line's first unbreakable piece (a
 *          figure, a Latin word, a bracketed word, with its closing marks) and one more
 *          character — ragged right text;  a line that ends early ends its unit,
 *        - it is not indented (starts within 1.5 body sizes of the left edge; on a new page
 *          within one), and
 *        - it is set in the same size, or holds a sentence (a phrase set larger in a paragraph).
 *      A unit set apart by its font (larger than the body, or bold over plain body text)
 *      continues instead on lines of the same size and weight close below, whatever their
 *      width: a heading wrapped and centred.  A sentence end (。) does not end a unit: a
 *      paragraph's next sentence may start on the line below.
 *   4. Kind (prose_kind, shared with the text and HTML inputs).  A unit whose text opens with
 *      numbering is a heading when it is short (40 characters at most) and holds no sentence
 *      (no 。；！？, no ending ：or ，; set apart by its font, a closing 。 alone is allowed)
 *      and its numbering is of a part or a chapter
 *      (第一部分, 一、, （一）) or its font sets it apart; otherwise an item of a list at that
 *      level.  A unit without numbering is a heading when its font sets it apart, it is short
 *      and it holds no sentence; otherwise a paragraph.  So a heading never holds body text:
 *      （一）基本支出。基本支出预算 28016.26 万元 … is an item.
 *   5. Siblings (prose_siblings).  A numbered heading that heads nothing (the block after it
 *      is no deeper item or heading) and whose previous sibling — the last numbered block of
 *      its level, no block of a higher level between — is an item, is an item too: one list,
 *      one kind (（三）年终结转结余资金 0 万元 after two items).
 */
#include "extract/prose.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/sbuf.h"
#include "normalize/text.h"

#define HEADING_SIZE 1.15 /* body font sizes: a larger line is set apart */
#define HEADING_CHARS 40 /* characters at most in a heading and in a contents entry */
#define PARAGRAPH_GAP 1.8 /* line heights: a wider gap between lines ends a unit */
#define FULL_LINE_SHORT 2.5 /* body font sizes: a line ending closer to the right edge is full */
#define INDENT 1.5 /* body font sizes: a line starting further in opens a unit */
#define SAME_SIZE 0.1 /* share of a size two lines may differ by and still be set alike */
#define LONG_LINE 15 /* glyphs at least in a line that measures the body */
#define PAGE_LINES 5 /* long lines at least on a page measured apart */
#define TOC_LEADER_RUN 3 /* lines with leader and page number in a row that make a contents page */

static bool is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F);
}

static const char *skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t len = strlen(s), k = strlen(tail);
	while (len && s[len - 1] == ' ')
		len--;
	return len >= k && memcmp(s + len - k, tail, k) == 0;
}

/* Does the text hold a sentence: 。；！？ anywhere, or an ending ：，:; (a lead-in)? */
static bool holds_sentence(const char *s)
{
	static const char *const inside[] = { "\xE3\x80\x82", "\xEF\xBC\x9B", "\xEF\xBC\x81", "\xEF\xBC\x9F" };
	static const char *const ending[] = { "\xEF\xBC\x9A", "\xEF\xBC\x8C", ":", ";", "\xE3\x80\x81" };
	for (size_t i = 0; i < sizeof inside / sizeof *inside; i++)
		if (strstr(s, inside[i]))
			return true;
	for (size_t i = 0; i < sizeof ending / sizeof *ending; i++)
		if (ends_with(s, ending[i]))
			return true;
	return false;
}

void prose_collapse_cjk_spaces(sbuf *text)
{
	size_t out = 0, n = text->len;
	uint32_t prev = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(text->buf + i, n - i, &cp);
		if (cp == ' ' && is_cjk(prev)) {
			size_t j = i;
			while (j < n && text->buf[j] == ' ')
				j++;
			uint32_t next = 0;
			if (j < n)
				utf8_decode(text->buf + j, n - j, &next);
			if (is_cjk(next)) {
				i = j;
				continue;
			}
		}
		memmove(text->buf + out, text->buf + i, k);
		out += k;
		i += k;
		prev = cp;
	}
	sbuf_setlen(text, out);
}

void prose_append_line(sbuf *sb, const char *text)
{
	const char *t = skip_spaces(text);
	if (sb->len && *t) {
		/* Latin words wrapped over lines keep a space; CJK text joins directly. */
		uint32_t last = 0, first = 0;
		size_t i = sb->len;
		while (i > 0 && (sb->buf[i - 1] & 0xC0) == 0x80)
			i--;
		if (i > 0)
			i--;
		utf8_decode(sb->buf + i, sb->len - i, &last);
		utf8_decode(t, strlen(t), &first);
		if (!is_cjk(last) && !is_cjk(first) && last != ' ')
			sbuf_addch(sb, ' ');
	}
	sbuf_addstr(sb, t);
}

enum block_type prose_kind(const char *text, bool set_apart, int *level)
{
	const char *s = skip_spaces(text);
	int num = norm_heading_level(s);
	bool short_plain = norm_char_count(s) <= HEADING_CHARS && !holds_sentence(s);
	if (set_apart && !short_plain && norm_char_count(s) <= HEADING_CHARS && ends_with(s, "\xE3\x80\x82")) {
		/* A bold heading closed by a full stop (（一）总体情况说明。): no other sentence in it. */
		size_t n = strlen(s);
		while (n && s[n - 1] == ' ')
			n--;
		char *bare = strndup(s, n - 3);
		if (!bare)
			abort();
		short_plain = !holds_sentence(bare);
		free(bare);
	}
	if (num) {
		*level = num;
		return short_plain && (num <= 3 || set_apart) ? BLOCK_HEADING : BLOCK_ITEM;
	}
	*level = 0;
	return set_apart && short_plain ? BLOCK_HEADING : BLOCK_PARAGRAPH;
}

void prose_siblings(document *doc, size_t first)
{
	for (size_t i = first; i < doc->blocks.len; i++) {
		block *b = &doc->blocks.items[i];
		if (b->type != BLOCK_HEADING || b->level < 2 || norm_heading_level(b->text) != b->level)
			continue;
		const block *next = i + 1 < doc->blocks.len ? &doc->blocks.items[i + 1] : NULL;
		if (next && (next->type == BLOCK_HEADING || next->type == BLOCK_ITEM) && next->level > b->level)
			continue; /* it heads items of its own */
		for (size_t j = i; j-- > first;) {
			const block *o = &doc->blocks.items[j];
			if (o->type == BLOCK_PARAGRAPH || ((o->type == BLOCK_ITEM || o->type == BLOCK_HEADING) && o->level > b->level))
				continue;
			if (o->type == BLOCK_ITEM && o->level == b->level)
				b->type = BLOCK_ITEM; /* the list it belongs to is one of items */
			break;
		}
	}
}

/* The text with every space dropped, for comparing entries. */
static char *flatten(arena *a, const char *s)
{
	size_t n = strlen(s), k = 0;
	char *out = arena_alloc(a, n + 1);
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ')
			out[k++] = s[i];
	out[k] = '\0';
	return out;
}

bool prose_is_toc_title(arena *a, const char *text)
{
	char *flat = flatten(a, text);
	return strcmp(flat, "\xE7\x9B\xAE\xE5\xBD\x95") == 0 || /* 目录 */
	       strcmp(flat, "\xE7\x9B\xAE\xE3\x80\x80\xE5\xBD\x95") == 0; /* 目　录 */
}

bool prose_is_toc_line(const char *text)
{
	size_t title_len;
	int page;
	return norm_toc_entry(text, &title_len, &page) && page;
}

bool prose_toc_add(arena *a, block *toc, const char *line)
{
	size_t title_len;
	int page;
	bool lead = norm_toc_entry(line, &title_len, &page);
	sbuf sb = SBUF_INIT;
	sbuf_add(&sb, line, title_len);
	sbuf_trim(&sb);
	prose_collapse_cjk_spaces(&sb);
	char *title = arena_strndup(a, sb.buf, sb.len);
	sbuf_release(&sb);
	if (!*title)
		return false;
	char *flat = flatten(a, title);
	size_t flat_len = strlen(flat);
	size_t paged = 0;
	for (size_t e = 0; e < toc->entries.len; e++) {
		char *ef = flatten(a, toc->entries.items[e].text);
		/* The body begins: a line repeating an entry, or its start (第一部分 over its name). */
		if (strcmp(ef, flat) == 0 || (flat_len >= 6 && strncmp(ef, flat, flat_len) == 0))
			return false;
		paged += toc->entries.items[e].page != 0;
	}
	int level = norm_heading_level(title);
	if (!lead) {
		if (norm_char_count(title) > HEADING_CHARS || holds_sentence(title))
			return false;
		if (toc->entries.len >= 2 && paged * 2 > toc->entries.len)
			return false; /* contents printed with page numbers: a line without one is not an entry */
	}
	toc_entry *last = toc->entries.len ? &toc->entries.items[toc->entries.len - 1] : NULL;
	if (last && lead && page && !last->page && !level && last->level) {
		/* An entry wrapped over two lines: its page number is on the second. */
		last->text = arena_printf(a, "%s%s", last->text, title);
		last->page = page;
		return true;
	}
	toc_entry *e = VEC_PUSH(a, &toc->entries);
	e->text = title;
	e->level = level;
	e->page = page;
	return true;
}

/* ---- a PDF's lines ---- */

typedef struct pline {
	const page *pg;
	const textline *ln;
	bool after_table; /* a table's line stands between it and the line before */
} pline;

typedef struct metrics {
	double left, right; /* usual left and right edges of body text */
	double size;        /* usual body font size */
	bool bold;          /* body text is bold */
} metrics;

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

static bool long_line(const textline *ln)
{
	return !ln->in_table && !ln->furniture && ln->count >= LONG_LINE;
}

/* Measures the long lines of pages [first, last); false when fewer than `least`. */
static bool measure(const document *doc, size_t first, size_t last, size_t least, metrics *m)
{
	size_t n = 0;
	for (size_t p = first; p < last; p++)
		for (size_t l = 0; l < doc->pages.items[p].lines.len; l++)
			n += long_line(&doc->pages.items[p].lines.items[l]);
	if (!n || n < least)
		return false;
	double *lefts = malloc(n * sizeof(double)), *rights = malloc(n * sizeof(double)),
	       *sizes = malloc(n * sizeof(double));
	if (!lefts || !rights || !sizes)
		abort();
	size_t k = 0, bold = 0;
	for (size_t p = first; p < last; p++) {
		const page *pg = &doc->pages.items[p];
		for (size_t l = 0; l < pg->lines.len; l++) {
			const textline *ln = &pg->lines.items[l];
			if (!long_line(ln))
				continue;
			lefts[k] = ln->bb.x0;
			rights[k] = ln->bb.x1;
			sizes[k] = ln->size;
			bold += ln->bold;
			k++;
		}
	}
	qsort(lefts, k, sizeof(double), cmp_double);
	qsort(rights, k, sizeof(double), cmp_double);
	qsort(sizes, k, sizeof(double), cmp_double);
	m->left = lefts[k / 5];
	m->right = rights[k * 4 / 5];
	m->size = sizes[k / 2];
	m->bold = bold * 2 > k;
	free(lefts);
	free(rights);
	free(sizes);
	return true;
}

static bool same_size(double a, double b)
{
	double big = a > b ? a : b;
	return fabs(a - b) <= big * SAME_SIZE;
}

/* Is the line set apart from body text by its font? */
static bool set_apart(const textline *ln, const metrics *m)
{
	return ln->size > m->size * HEADING_SIZE || (ln->bold && !m->bold && same_size(ln->size, m->size));
}

static block *push_block(document *doc, enum block_type type, int level, sbuf *text, int pageno)
{
	sbuf_trim(text);
	prose_collapse_cjk_spaces(text);
	if (!text->len)
		return NULL;
	block *b = VEC_PUSH(doc->arena, &doc->blocks);
	b->type = type;
	b->level = level;
	b->text = arena_strndup(doc->arena, text->buf, text->len);
	b->page = pageno;
	sbuf_reset(text);
	return b;
}

static bool is_ascii_word(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || cp == '.' ||
	       cp == ',' || cp == '%';
}

/* A mark no line may open with (，。、；：？！）」” and their ASCII forms): it goes with the
 * character before it when a line is broken. */
static bool closes(uint32_t cp)
{
	return cp == 0xFF0C || cp == 0x3002 || cp == 0x3001 || cp == 0xFF1B || cp == 0xFF1A || cp == 0xFF1F ||
	       cp == 0xFF01 || cp == 0xFF09 || cp == 0x300D || cp == 0x201D || cp == ')' || cp == ';' || cp == ':';
}

/* The width of the first piece of a line that a line break cannot split: a figure or a Latin
 * word (161.62, 15.16%), a bracketed word (（项）), else one character, each with the marks
 * that close it.  Where the line above ends short of the right edge by less than this and a
 * character, it was full: the piece did not fit on it (ragged right). */
static double first_piece(const page *pg, const textline *ln)
{
	if (!ln->count)
		return 0;
	const glyph *g = &pg->glyphs.items[ln->first];
	size_t k = 1, n = ln->count;
	if (is_ascii_word(g->cp)) {
		while (k < n && is_ascii_word(pg->glyphs.items[ln->first + k].cp))
			k++;
	} else if (g->cp == 0xFF08 || g->cp == '(') {
		size_t end = k;
		while (end < n && end < 10 && pg->glyphs.items[ln->first + end].cp != 0xFF09 &&
		       pg->glyphs.items[ln->first + end].cp != ')')
			end++;
		if (end < n && end < 10)
			k = end + 1;
	}
	while (k < n && closes(pg->glyphs.items[ln->first + k].cp))
		k++;
	return pg->glyphs.items[ln->first + k - 1].x1 - g->x0;
}

/* Does line b continue the unit whose last line is a? */
static bool continues(const pline *a, const pline *b, const metrics *ma, const metrics *mb, bool apart,
                      size_t unit_chars)
{
	const textline *p = a->ln, *l = b->ln;
	if (b->after_table || norm_heading_level(l->text))
		return false;
	bool same_page = a->pg == b->pg;
	if (!same_page && b->pg->number != a->pg->number + 1)
		return false; /* a unit goes on over a page break, never over a skipped page */
	double lh = p->bb.y1 - p->bb.y0;
	if (same_page && (l->bb.y0 - p->bb.y1 > lh * PARAGRAPH_GAP || l->bb.y0 < p->bb.y0))
		return false;
	if (apart)
		return same_page && same_size(p->size, l->size) && p->bold == l->bold &&
		       unit_chars + norm_char_count(l->text) <= HEADING_CHARS && !holds_sentence(p->text);
	/* A line set in another size goes on a unit only when it holds a sentence (a phrase set
	 * larger inside a paragraph), never when it may be a heading. */
	if (!same_size(p->size, l->size) && !holds_sentence(l->text))
		return false;
	double room = ma->right - p->bb.x1;
	if (room > ma->size * FULL_LINE_SHORT && room > first_piece(b->pg, l) + ma->size)
		return false;
	if (l->bb.x0 > mb->left + mb->size * (same_page ? INDENT : 1))
		return false;
	return true;
}

static void emit_unit(document *doc, sbuf *text, bool apart, int pageno)
{
	sbuf_trim(text);
	prose_collapse_cjk_spaces(text);
	if (!text->len)
		return;
	int level;
	enum block_type type = prose_kind(text->buf, apart, &level);
	if (type == BLOCK_HEADING && !level)
		level = apart ? 1 : 2;
	push_block(doc, type, level, text, pageno);
}

void prose_blocks(document *doc)
{
	metrics whole = { 72, 520, 12, false };
	measure(doc, 0, doc->pages.len, 1, &whole);
	metrics *per = malloc((doc->pages.len ? doc->pages.len : 1) * sizeof *per);
	if (!per)
		abort();
	for (size_t p = 0; p < doc->pages.len; p++) {
		per[p] = whole;
		if (measure(doc, p, p + 1, PAGE_LINES, &per[p])) {
			per[p].size = whole.size;
			per[p].bold = whole.bold;
		}
	}

	/* The lines of the flow. */
	VEC(pline) lines = { 0 };
	arena *tmp = arena_new();
	bool table = false;
	for (size_t p = 0; p < doc->pages.len; p++) {
		const page *pg = &doc->pages.items[p];
		for (size_t l = 0; l < pg->lines.len; l++) {
			const textline *ln = &pg->lines.items[l];
			if (ln->furniture)
				continue;
			if (ln->in_table) {
				table = true;
				continue;
			}
			if (!*skip_spaces(ln->text))
				continue;
			pline *pl = VEC_PUSH(tmp, &lines);
			pl->pg = pg;
			pl->ln = ln;
			pl->after_table = table;
			table = false;
		}
	}

	sbuf unit = SBUF_INIT;
	bool apart = false;
	int unit_page = 0;
	size_t unit_chars = 0;
	for (size_t i = 0; i < lines.len; i++) {
		const pline *pl = &lines.items[i];
		const metrics *m = &per[pl->pg - doc->pages.items];
		/* Contents: 目录, or three lines of leaders and page numbers in a row. */
		bool titled = prose_is_toc_title(tmp, pl->ln->text);
		bool run = i + TOC_LEADER_RUN <= lines.len;
		for (size_t k = i; run && k < i + TOC_LEADER_RUN; k++)
			run = prose_is_toc_line(lines.items[k].ln->text);
		if (titled || run) {
			block toc = { .type = BLOCK_TOC };
			size_t j = titled ? i + 1 : i;
			while (j < lines.len && prose_toc_add(doc->arena, &toc, lines.items[j].ln->text))
				j++;
			if (toc.entries.len) {
				emit_unit(doc, &unit, apart, unit_page);
				block *b = VEC_PUSH(doc->arena, &doc->blocks);
				*b = toc;
				b->text = titled ? "\xE7\x9B\xAE\xE5\xBD\x95" : ""; /* 目录 */
				b->page = pl->pg->number;
				i = j - 1;
				unit_chars = 0;
				continue;
			}
		}
		const pline *prev = i ? &lines.items[i - 1] : NULL;
		const metrics *mprev = prev ? &per[prev->pg - doc->pages.items] : m;
		if (unit.len && prev && continues(prev, pl, mprev, m, apart, unit_chars)) {
			prose_append_line(&unit, pl->ln->text);
			unit_chars += norm_char_count(pl->ln->text);
			continue;
		}
		emit_unit(doc, &unit, apart, unit_page);
		sbuf_reset(&unit);
		prose_append_line(&unit, pl->ln->text);
		apart = set_apart(pl->ln, m);
		unit_page = pl->pg->number;
		unit_chars = norm_char_count(pl->ln->text);
	}
	emit_unit(doc, &unit, apart, unit_page);
	sbuf_release(&unit);
	prose_siblings(doc, 0);
	arena_free(tmp);
	free(per);
}
