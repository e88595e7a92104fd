/*
 * caption: reading the lines over a table.
 *
 * Walking upwards from the table's top edge, each line that is not another
 * table's is parsed for
 *   - a form number (normalize/text's norm_form_number): 公开 02 表 → 公开02表,
 *     预算01表, 公开表1, 附表3 anywhere in the line, or a line holding only a
 *     label such as 表1, 表二, 附件3;
 *   - a unit: 单位：万元, 金额单位:元, (万元), （单位：亿元）;
 *   - an entity: 部门：…, 部门（单位）：…, 单位名称：…, 编制单位：…, 填报单位：…,
 *     资金主管部门：… (up to a wide gap or the unit);
 *   - a period: a line holding only a bracketed year, （2026年度）, which
 *     gives the document its year until a title does;
 * and what is left of the line is its title part.  A furniture line (one
 * repeated on every page) near the table gives its unit, entity and form
 * number, and its title when it names a table (…表, …表（…）: a title
 * printed again over every page of a long table).  A
 * short line right under an entity line that took the title is the entity's
 * name wrapped: it is joined to the entity (warning entity_line_joined).  Lines holding only such
 * details are claimed and the walk goes on; the first line with a title
 * part gives the title; a line right over it, alike in size, centred or
 * flush left alike, no narrower and not ending a sentence, is the same title
 * wrapped and goes before it (warning title_lines_joined); the walk stops at
 * the next line that has a title part, at a gap of more than three line
 * heights, or at a long sentence.  A line that names no table (…表) and
 * ends a paragraph — right under a longer line, flush with it or with its
 * first-line indent — is not a title: the walk stops there, and the
 * paragraph keeps it; so does a part heading (第三部分 …部门预算表), the
 * heading of the tables of its part.  A line of lone characters (国   附: the tops of
 * header words wrapped down narrow columns, standing over the table's top
 * edge) is no title but header: it is claimed, and above it only a line
 * naming a table (…表) is the title; the other lines are header too.  A line
 * naming a table whose box (a large font's) reaches down past the top edge,
 * its top above it, is a caption line, not header.
 */
#include "extract/caption.h"

#include <math.h>
#include <string.h>

#include "core/sbuf.h"
#include "extract/layout.h"
#include "normalize/text.h"
#include "normalize/unit.h"

#define TABLE_CHAR "\xE8\xA1\xA8"           /* 表 */

static size_t skip_sp(const char *s, size_t i)
{
	for (;;) {
		if (s[i] == ' ' || s[i] == '\t')
			i++;
		else if (strncmp(s + i, "\xE3\x80\x80", 3) == 0)
			i += 3;
		else
			return i;
	}
}

static void blank(char *s, size_t from, size_t to)
{
	memset(s + from, ' ', to - from);
}

/* 单位：万元 / 金额单位：元 / (万元) / （单位：万元）: the rule is normalize/unit's. */
static const char *take_unit(char *s)
{
	size_t start, end;
	const char *unit = norm_unit_span(s, &start, &end);
	if (unit)
		blank(s, start, end);
	return unit;
}

/* A line that is only a form label (表1, 表二, 附件3), else a form number anywhere in it
   (公开02表, 预算 01 表, 公开表1, 附表3): the rule is normalize/text's (norm_form_number). */
static char *take_number(arena *a, char *s)
{
	size_t start = skip_sp(s, 0), end = start + norm_form_number(s + start, true);
	if (end == start || s[skip_sp(s, end)] != '\0') {
		if (!norm_find_form_number(s, &start, &end))
			return NULL;
	}
	char *out = norm_squeeze(a, arena_strndup(a, s + start, end - start));
	/* A number printed in brackets after the title (收入决算表（公开02表）) takes its brackets. */
	size_t before = start, after = skip_sp(s, end), open = 0, close = 0;
	while (before > 0 && (s[before - 1] == ' ' || s[before - 1] == '\t'))
		before--;
	if (before >= 3 && strncmp(s + before - 3, "\xEF\xBC\x88", 3) == 0) /* （ */
		open = 3;
	else if (before >= 1 && s[before - 1] == '(')
		open = 1;
	if (strncmp(s + after, "\xEF\xBC\x89", 3) == 0) /* ） */
		close = 3;
	else if (s[after] == ')')
		close = 1;
	if (open && close) {
		start = before - open;
		end = after + close;
	}
	blank(s, start, end);
	return out;
}

/* The first entity label (normalize/'s rule) followed by a name that is no
 * unit word: the name, its label blanked out of s; or NULL. */
static char *take_entity(arena *a, char *s)
{
	for (size_t start = 0; s[start]; start++) {
		size_t i = norm_entity_label(s + start);
		if (!i)
			continue;
		i += start;
		size_t n;
		if (norm_unit_name(s + i, &n))
			continue;
		/* The value runs to a wide gap (two spaces) or the end. */
		size_t end = i;
		while (s[end] && !(s[end] == ' ' && s[end + 1] == ' '))
			end++;
		size_t vend = end;
		while (vend > i && s[vend - 1] == ' ')
			vend--;
		if (vend == i)
			continue;
		char *out = arena_strndup(a, s + i, vend - i);
		blank(s, start, end);
		return out;
	}
	return NULL;
}

/* A line that is only a bracketed year, （2026年度） under a title: blanked;
 * returns the year, or 0. */
static int take_period(char *s)
{
	size_t i = skip_sp(s, 0), start = i;
	size_t open = s[i] == '(' ? 1 : strncmp(s + i, "\xEF\xBC\x88", 3) == 0 ? 3 : 0;
	if (!open)
		return 0;
	i += open;
	int year = 0, digits = 0;
	while (s[i] >= '0' && s[i] <= '9')
		year = year * 10 + (s[i++] - '0'), digits++;
	if (digits != 4 || strncmp(s + i, "\xE5\xB9\xB4", 3) != 0) /* 年 */
		return 0;
	i += 3;
	if (strncmp(s + i, "\xE5\xBA\xA6", 3) == 0) /* 度 */
		i += 3;
	size_t close = s[i] == ')' ? 1 : strncmp(s + i, "\xEF\xBC\x89", 3) == 0 ? 3 : 0;
	if (!close || s[skip_sp(s, i + close)] != '\0')
		return 0;
	blank(s, start, i + close);
	return year;
}

/* The year of a line that is only a bracketed year, or 0. */
static int period_year(arena *a, const char *text)
{
	return take_period(arena_strdup(a, text));
}

char *caption_parse(arena *a, const char *text, char **number, const char **unit, char **entity)
{
	char *s = arena_strdup(a, text);
	const char *u = take_unit(s);
	if (u && unit && !*unit)
		*unit = u;
	char *num = take_number(a, s);
	if (num && number && !*number)
		*number = num;
	char *ent = take_entity(a, s);
	if (ent && entity && !*entity)
		*entity = ent;
	take_period(s);
	/* Trim and fold inner runs of spaces to one. */
	sbuf out = SBUF_INIT;
	for (size_t i = skip_sp(s, 0); s[i];) {
		size_t j = skip_sp(s, i);
		if (j != i) {
			if (s[j])
				sbuf_addch(&out, ' ');
			i = j;
			continue;
		}
		sbuf_addch(&out, s[i++]);
	}
	char *rest = arena_strndup(a, out.buf, out.len);
	sbuf_release(&out);
	return rest;
}

/* A short line right under an entity line, starting where it starts and
 * naming no table: the wrapped end of the entity's name. */
static bool continues_entity(const textline *entity_line, const textline *below, const char *text)
{
	double lh = entity_line->bb.y1 - entity_line->bb.y0;
	return below && text && norm_char_count(text) <= 12 && !strstr(text, TABLE_CHAR) &&
	       below->bb.x0 - entity_line->bb.x0 < lh && entity_line->bb.x0 - below->bb.x0 < lh * 4 &&
	       below->bb.y0 - entity_line->bb.y1 < lh;
}

/* The line over a title line is the title's start, wrapped, when the two
 * are consecutive, alike in size, centred alike or flush left alike, and the
 * upper one does not end a sentence. */
static bool wraps_onto(const textline *upper, const textline *lower, const char *text)
{
	double size = upper->size > lower->size ? upper->size : lower->size;
	if (size <= 0 || fabs(upper->size - lower->size) > size * 0.15)
		return false;
	double gap = lower->bb.y0 - upper->bb.y1;
	if (gap > size * 0.8 || lower->bb.y0 < upper->bb.y0)
		return false;
	double centre_off = fabs((upper->bb.x0 + upper->bb.x1) - (lower->bb.x0 + lower->bb.x1)) / 2;
	if (centre_off > size && fabs(upper->bb.x0 - lower->bb.x0) > size * 0.5)
		return false;
	if (lower->bb.x1 - lower->bb.x0 > upper->bb.x1 - upper->bb.x0 + size * 0.5)
		return false; /* a wrapped line is no wider than the one it continues */
	static const char *const ends[] = { "\xE3\x80\x82", "\xEF\xBC\x9B", "\xEF\xBC\x9A", "\xEF\xBC\x81", "\xEF\xBC\x9F",
	                                    ";", ":", "!", "?", "." }; /* 。；：！？ */
	size_t len = strlen(text);
	for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
		size_t n = strlen(ends[k]);
		if (len >= n && strcmp(text + len - n, ends[k]) == 0)
			return false;
	}
	return true;
}

/* Is line l the last line of a paragraph: right under a longer line of the page (no table's),
 * close below it, starting where it starts or where its first-line indent leaves off? */
static bool ends_paragraph(const page *pg, size_t l)
{
	const textline *ln = &pg->lines.items[l];
	for (size_t k = l; k-- > 0;) {
		const textline *up = &pg->lines.items[k];
		if (up->bb.y1 > ln->bb.y0 + 1)
			continue; /* beside it, not above */
		if (up->in_table || up->furniture)
			return false;
		double size = up->size > 0 ? up->size : 10, lh = up->bb.y1 - up->bb.y0;
		return up->count >= 15 && ln->bb.y0 - up->bb.y1 < lh * 0.8 && ln->bb.x0 <= up->bb.x0 + size * 0.5 &&
		       ln->bb.x0 >= up->bb.x0 - size * 2.5 && up->bb.x1 - ln->bb.x1 > size * 2;
	}
	return false;
}

/* Is every word of s (runs between spaces) a single character: 国   附, the tops of header
 * words wrapped down narrow columns a character a line, standing over the table's top? */
static bool lone_characters(const char *s)
{
	size_t words = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		size_t n = 0;
		for (; *s && *s != ' '; s++)
			n += (*s & 0xC0) != 0x80;
		if (n != 1)
			return false;
		words++;
	}
	return words > 0;
}

void caption_read(document *doc, page *pg, found_table *ft)
{
	double edge = ft->bb.y0;
	const textline *title_line = NULL;
	bool header_above = false;
	for (size_t l = pg->lines.len; l-- > 0;) {
		textline *ln = &pg->lines.items[l];
		bool across = ln->bb.y1 > ft->bb.y0 + 2 && !ln->in_table && !ln->furniture &&
		              ln->bb.y0 + ln->bb.y1 < 2 * ft->bb.y0 && ln->bb.x0 > ft->bb.x0 - 4 &&
		              ln->bb.x1 < ft->bb.x1 + 4;
		/* A line naming a table whose box (a large font's) reaches down past the
		 * edge is the title, not header pieces: it is read as a caption line. */
		bool title_across = across && !header_above && ln->bb.y0 < ft->bb.y0 - 2 &&
		                    norm_names_table(ln->text) && !lone_characters(ln->text);
		if (ln->bb.y1 > ft->bb.y0 + 2 && !title_across) {
			/* A line across the top edge, within the table's width, its centre above
			 * the edge (header pieces wrapped down narrow columns): the table's. */
			if (across) {
				ln->in_table = true;
				header_above = header_above || lone_characters(ln->text);
			}
			continue;
		}
		if (ln->in_table && !ln->furniture)
			break;
		double lh = ln->bb.y1 - ln->bb.y0;
		double limit = lh * 3 > 36 ? lh * 3 : 36;
		if (ln->furniture) {
			/* A unit or entity line repeated over every page of a long table
			 * is furniture to the text, yet still this table's caption; so is
			 * its title (running_title: no evidence of a new table). */
			if (edge - ln->bb.y1 <= limit) {
				char *rest = caption_parse(doc->arena, ln->text, &ft->number, (const char **)&ft->unit, &ft->entity);
				if (!ft->title && norm_names_table(rest)) {
					ft->title = rest;
					ft->running_title = true;
				}
				if (!*rest || ft->title == rest)
					edge = ln->bb.y0; /* a caption line: the walk goes on above it */
			}
			continue;
		}
		if (edge - ln->bb.y1 > limit)
			break;
		int year = period_year(doc->arena, ln->text);
		if (year && !doc->year)
			doc->year = year; /* the document's, unless its title says otherwise */
		char *had_entity = ft->entity;
		char *rest = caption_parse(doc->arena, ln->text, &ft->number, (const char **)&ft->unit, &ft->entity);
		if (!*rest && !had_entity && ft->entity && continues_entity(ln, title_line, ft->title)) {
			/* 部门名称：江苏省人大 over 常委会办公厅: the line taken for the title
			 * is the end of the entity's name, wrapped. */
			doc_warn(doc, "entity_line_joined", pg->number, NULL,
			         "the line '%s' under '%s' is read as the rest of the entity's name", ft->title, ft->entity);
			ft->entity = arena_printf(doc->arena, "%s%s", ft->entity, ft->title);
			ft->title = NULL;
			title_line = NULL;
		}
		if (*rest && !ft->title && (lone_characters(rest) || (header_above && !norm_names_table(rest)))) {
			/* Header words over the table's top (a narrow column's wrapped
			 * header, its group titles): the table's, no title; above
			 * them only a line naming a table is its title. */
			header_above = true;
			ln->in_table = true;
			edge = ln->bb.y0;
			continue;
		}
		if (*rest) {
			size_t n = norm_char_count(rest);
			size_t len = strlen(rest);
			bool sentence = n > 40 || strstr(rest, "\xE3\x80\x82") || /* 。 */
			                (len >= 3 && strcmp(rest + len - 3, "\xEF\xBC\x9A") == 0); /* ends with ： */
			if (ft->title && !sentence && title_line && wraps_onto(ln, title_line, rest)) {
				/* 公开05表 …一般公共预算财政 over 拨款支出决算表: one title
				 * wrapped over two lines. */
				doc_warn(doc, "title_lines_joined", pg->number, NULL,
				         "the line '%s' over '%s' is read as the start of the same title", rest, ft->title);
				ft->title = arena_printf(doc->arena, "%s%s", rest, ft->title);
				title_line = ln;
				ln->in_table = true;
				edge = ln->bb.y0;
				continue;
			}
			if (ft->title || sentence || layout_heading_level(rest) == 1)
				break; /* a part heading (第三部分 …部门预算表) heads the part's tables, not this one */
			if (!norm_names_table(rest) && ends_paragraph(pg, l))
				break; /* the paragraph above keeps its last line */
			ft->title = rest;
			title_line = ln;
		}
		ln->in_table = true;
		edge = ln->bb.y0;
	}
}
