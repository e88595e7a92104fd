/*
 * identity: a disclosure's kind, year, department and title.
 *
 *   1. Among the first blocks, the first whose text (spaces removed) holds a
 *      year (19xx/20xx followed by 年) and one of 决算 / 预算 / 绩效 is the
 *      title; a cover that sets the title over two or three lines is read
 *      by joining a block with the one or two before it on its page.  A
 *      leading 第X部分 is dropped.
 *   2. Kind: 绩效 → performance, else 决算 → final accounts, else 预算 →
 *      budget.
 *   3. Department: a labelled line just after the title (预算单位：…), else
 *      the title's text before the year, or between 年度/年 and 部门/单位 +
 *      决算/预算 when the year leads; the entity most tables name replaces
 *      none or a bare region (上海市); failing all, a table cell 部门名称 /
 *      部门（单位）名称 / 单位名称 and the cell after it in its row (a
 *      绩效 table names its department so).  Without a title, kind and year
 *      come from the tables' titles, or from a title repeated at the top of
 *      every page.
 */
#include "extract/identity.h"

#include <string.h>

#include "core/sbuf.h"
#include "normalize/text.h"
#include "normalize/unit.h"

static char *squeeze(arena *a, const char *s)
{
	sbuf sb = SBUF_INIT;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n')
			sbuf_addch(&sb, *s);
	char *out = arena_strndup(a, sb.buf, sb.len);
	sbuf_release(&sb);
	return out;
}

/* Finds "YYYY年" and returns the byte offset of the year, or -1. */
static long find_year(const char *s, int *year)
{
	for (size_t i = 0; s[i]; i++) {
		if (!(s[i] >= '1' && s[i] <= '2'))
			continue;
		if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
			continue;
		int y = 0;
		size_t j = i;
		while (j < i + 4 && s[j] >= '0' && s[j] <= '9')
			y = y * 10 + (s[j++] - '0');
		if (j == i + 4 && strncmp(s + j, "\xE5\xB9\xB4", 3) == 0 && y >= 1990 && y <= 2100) {
			*year = y;
			return (long)i;
		}
	}
	return -1;
}

#define JUESUAN "\xE5\x86\xB3\xE7\xAE\x97"
#define YUSUAN "\xE9\xA2\x84\xE7\xAE\x97"
#define JIXIAO "\xE7\xBB\xA9\xE6\x95\x88"

static bool names_kind(const char *s)
{
	return strstr(s, JUESUAN) || strstr(s, YUSUAN) || strstr(s, JIXIAO);
}

/* Drops what follows a department's name in a title (部门整体支出, 部门, 单位). */
static char *trim_department(char *d)
{
	static const char *const tails[] = { "\xE9\x83\xA8\xE9\x97\xA8\xE6\x95\xB4\xE4\xBD\x93\xE6\x94\xAF\xE5\x87\xBA",
	                                     "\xE9\x83\xA8\xE9\x97\xA8" };
	for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
		size_t n = strlen(d), t = strlen(tails[k]);
		if (n >= t && strcmp(d + n - t, tails[k]) == 0) {
			d[n - t] = '\0';
			break;
		}
	}
	return norm_char_count(d) >= 2 ? d : NULL;
}

static char *department_from_title(arena *a, const char *title, long year_at)
{
	if (year_at > 0)
		return trim_department(arena_strndup(a, title, (size_t)year_at));
	/* Year first: 2026年度XX部门预算 / 2026年XX单位预算. */
	const char *p = title + 7; /* YYYY年 */
	if (strncmp(p, "\xE5\xBA\xA6", 3) == 0) /* 度 */
		p += 3;
	static const char *const tails[] = { "\xE9\x83\xA8\xE9\x97\xA8" JUESUAN, "\xE9\x83\xA8\xE9\x97\xA8" YUSUAN,
	                                     "\xE5\x8D\x95\xE4\xBD\x8D" JUESUAN, "\xE5\x8D\x95\xE4\xBD\x8D" YUSUAN,
	                                     JUESUAN, YUSUAN, JIXIAO };
	for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
		const char *t = strstr(p, tails[k]);
		if (t && t > p) {
			return trim_department(arena_strndup(a, p, (size_t)(t - p)));
		}
	}
	return NULL;
}

/* Skips a leading 第X部分 (a part heading glued to the title). */
static char *skip_part(char *text)
{
	if (strncmp(text, "\xE7\xAC\xAC", 3) != 0) /* 第 */
		return text;
	char *p = strstr(text, "\xE9\x83\xA8\xE5\x88\x86"); /* 部分 */
	if (!p || p - text > 12)
		return text;
	return p + 6;
}

/* The value of a line opening with an entity label (预算单位：, 部门：,
 * 单位名称：, normalize/'s rule), or NULL; a unit (单位：万元) is none. */
static char *labelled_department(arena *a, const char *text)
{
	size_t i = norm_entity_label(text), n;
	if (!i || norm_unit_name(text + i, &n))
		return NULL;
	const char *v = text + i;
	if (norm_char_count(v) >= 3 && norm_char_count(v) <= 30)
		return arena_strdup(a, v);
	return NULL;
}

/* A department that is only a region (上海市, 普陀区) names no department. */
static bool only_region(const char *d)
{
	size_t n = strlen(d);
	static const char *const ends[] = { "\xE5\xB8\x82", "\xE5\x8C\xBA", "\xE5\x8E\xBF", "\xE7\x9C\x81" };
	for (size_t k = 0; k < 4; k++)
		if (n >= 3 && strcmp(d + n - 3, ends[k]) == 0 && norm_char_count(d) <= 6)
			return true;
	return false;
}

/* The entity the tables name most often, or NULL. */
static const char *common_entity(const document *doc)
{
	const char *best_entity = NULL;
	size_t best = 0;
	for (size_t t = 0; t < doc->tables.len; t++) {
		const char *e = doc->tables.items[t]->entity;
		if (!e)
			continue;
		size_t n = 0;
		for (size_t u = 0; u < doc->tables.len; u++)
			n += doc->tables.items[u]->entity && strcmp(doc->tables.items[u]->entity, e) == 0;
		if (n > best) {
			best = n;
			best_entity = e;
		}
	}
	return best_entity;
}

/* The cell after a 部门名称 / 部门（单位）名称 / 单位名称 cell in its row, or NULL. */
static const char *department_cell(arena *a, const document *doc)
{
	for (size_t t = 0; t < doc->tables.len; t++) {
		const table *tb = doc->tables.items[t];
		for (size_t r = 0; r < tb->nrows; r++)
			for (size_t c = 0; c + 1 < tb->ncols; c++) {
				const char *text = table_cell(tb, r, c)->text;
				if (!text)
					continue;
				char *label = squeeze(a, text);
				if (!norm_is_entity_cell(label))
					continue;
				for (size_t d = c + 1; d < tb->ncols; d++) {
					const char *v = table_cell(tb, r, d)->text;
					if (!v || !*squeeze(a, v))
						continue;
					char *name = squeeze(a, v);
					size_t n = norm_char_count(name);
					return n >= 3 && n <= 30 && !strpbrk(name, "0123456789") ? name : NULL;
				}
			}
	}
	return NULL;
}

void identity_detect(document *doc)
{
	arena *a = doc->arena;
	size_t limit = doc->blocks.len < 40 ? doc->blocks.len : 40;
	size_t title_at = limit;
	for (size_t i = 0; i < limit && !doc->title; i++) {
		/* A cover may set the title over up to three lines: try the block
		 * alone, then joined with the one or two short blocks before it. */
		for (size_t back = i < 2 ? i : 2; back != (size_t)-1 && !doc->title; back--) {
			const block *first = &doc->blocks.items[i - back];
			bool same_page = true;
			sbuf joined = SBUF_INIT;
			for (size_t k = i - back; k <= i; k++) {
				same_page = same_page && doc->blocks.items[k].page == first->page;
				sbuf_addstr(&joined, doc->blocks.items[k].text);
			}
			char *text = skip_part(squeeze(a, joined.buf));
			sbuf_release(&joined);
			int year = 0;
			long at = find_year(text, &year);
			if (!same_page || at < 0 || !names_kind(text) || norm_char_count(text) > 40 ||
			    strstr(text, "\xE3\x80\x82")) /* 。 */
				continue;
			bool cover = true;
			for (size_t k = i - back; k < i; k++)
				cover = cover && doc->blocks.items[k].type == BLOCK_HEADING &&
				        !names_kind(squeeze(a, doc->blocks.items[k].text));
			if (back > 0 && !cover)
				continue;
			doc->title = text;
			doc->year = year;
			doc->department = department_from_title(a, text, at);
			title_at = i;
		}
	}
	/* A labelled department just after the title (预算单位：…) names it exactly. */
	for (size_t i = title_at + 1; i < limit && i <= title_at + 3; i++) {
		char *d = labelled_department(a, squeeze(a, doc->blocks.items[i].text));
		if (d) {
			doc->department = d;
			break;
		}
	}
	const char *entity = common_entity(doc);
	if (entity && (!doc->department || only_region(doc->department)))
		doc->department = arena_strdup(a, entity);
	if (!doc->department)
		doc->department = (char *)department_cell(a, doc);
	const char *basis = doc->title;
	for (size_t t = 0; t < doc->tables.len && !basis; t++)
		if (doc->tables.items[t]->title && names_kind(doc->tables.items[t]->title))
			basis = doc->tables.items[t]->title;
	/* A title repeated at the top of every page is furniture, not a table's title. */
	for (size_t l = 0; !basis && doc->pages.len && l < doc->pages.items[0].lines.len; l++) {
		const textline *ln = &doc->pages.items[0].lines.items[l];
		char *text = squeeze(a, ln->text);
		if (ln->furniture && norm_char_count(text) <= 40 && strstr(text, "表") && names_kind(text))
			basis = text;
	}
	if (basis) {
		if (strstr(basis, JIXIAO))
			doc->kind = KIND_PERFORMANCE;
		else if (strstr(basis, JUESUAN))
			doc->kind = KIND_FINAL_ACCOUNTS;
		else if (strstr(basis, YUSUAN))
			doc->kind = KIND_BUDGET;
	}
	for (size_t t = 0; t < doc->tables.len && !doc->year; t++)
		if (doc->tables.items[t]->title)
			find_year(squeeze(a, doc->tables.items[t]->title), &doc->year);
}
