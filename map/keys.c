/*
 * keys: the normalized forms titles, header paths and labels are compared in.
 *
 *   title   NFKC + spaced CJK collapsed (normalize/) → every space removed →
 *           quotes removed → repeatedly strip, at the front, a year (2024年,
 *           2024年度), an ordinal (五、 （五）) and a form label or number
 *           (附表3, 表3, 表二), and anywhere a form number (公开05表, 预算05表,
 *           05表; normalize/text's norm_form_number)
 *   core    a title key without bracketed notes and the words any wording
 *           may add or drop (部门, 单位, 情况, 总体, 明细, 预算/决算 outside
 *           the fund names, 表 …), 收入支出 as 收支
 *   segment one level of a header: NFKC, no spaces, no quotes, no 其中：,
 *           no unit beside the name (单位:万元公务接待费, 预算数(万元))
 *   path    levels split at '/', each a segment key; levels that only number
 *           the columns (栏次, 1, 12, **) and empty levels are dropped
 *   label   normalize/'s label form (ordinal and 其中： stripped), no spaces
 *           (quotes stay: they are part of the item's name)
 */
#include <string.h>

#include "core/sbuf.h"
#include "map/internal.h"
#include "normalize/text.h"
#include "normalize/unit.h"

bool map_is_quote(uint32_t cp)
{
	switch (cp) {
	case '"': case '\'': case 0x2018: case 0x2019: case 0x201C: case 0x201D:
	case 0x300C: case 0x300D: case 0x300E: case 0x300F: case 0xFF02: case 0xFF07:
		return true;
	default:
		return false;
	}
}

static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0;
}

/* Copies s without spaces (and without quotes unless keep_quotes). */
static char *strip_chars(arena *a, const char *s, bool keep_quotes)
{
	sbuf b = SBUF_INIT;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (!is_space(cp) && (keep_quotes || !map_is_quote(cp)))
			sbuf_add(&b, s + i, k);
		i += k;
	}
	char *r = arena_strdup(a, b.buf);
	sbuf_release(&b);
	return r;
}

static char *strip_marks(arena *a, const char *s)
{
	return strip_chars(a, s, false);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool starts_with(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* A leading 2024年 / 2024年度; returns bytes to drop. */
static size_t year_prefix(const char *s)
{
	size_t i = 0;
	while (is_digit(s[i]))
		i++;
	if (i != 4 || !starts_with(s + i, "年"))
		return 0;
	i += strlen("年");
	if (starts_with(s + i, "度"))
		i += strlen("度");
	return i;
}

/* A leading form label or number (附表3, 表3, 表二, 公开05表: normalize/text) with an
   optional separator after it. */
static size_t form_prefix(const char *s)
{
	size_t i = norm_form_number(s, true);
	if (i && s[i] == ':')
		i++;
	return i;
}

/* Removes every form number (公开05表, 预算05表, 部门预算公开06表, 05表, 附表3: normalize/text)
   but one that is the whole title. */
static void drop_form_numbers(char *s)
{
	size_t start, end;
	while (norm_find_form_number(s, &start, &end) && !(start == 0 && s[end] == '\0'))
		memmove(s + start, s + end, strlen(s + end) + 1);
}

char *map_title_key(arena *a, const char *s)
{
	char *t = strip_marks(a, norm_text(a, s ? s : ""));
	for (int round = 0; round < 4; round++) {
		size_t k = year_prefix(t);
		if (!k)
			k = form_prefix(t);
		if (!k) {
			int ordinal = 0;
			bool subrow = false;
			char *l = strip_marks(a, norm_label(a, t, &ordinal, &subrow));
			if (strcmp(l, t) != 0 && *l) {
				t = l;
				continue;
			}
			break;
		}
		t += k;
	}
	drop_form_numbers(t);
	return t;
}

char *map_segment_key(arena *a, const char *s)
{
	char *t = strip_marks(a, norm_text(a, s ? s : ""));
	/* A unit printed in the header cell (单位:万元公务接待费, 预算数(万元)) is
	   no part of the column's name; a cell that is only a unit stays as it is. */
	size_t start, end;
	if (norm_unit_span(t, &start, &end) && (start > 0 || t[end])) {
		memmove(t + start, t + end, strlen(t + end) + 1);
	}
	if (starts_with(t, "其中:"))
		t += strlen("其中:");
	else if (starts_with(t, "其中"))
		t += strlen("其中");
	return t;
}

static bool is_column_number(const char *s)
{
	return !*s || norm_is_column_number(s);
}

char *map_path_key(arena *a, const char *s)
{
	sbuf b = SBUF_INIT;
	const char *p = s ? s : "";
	while (true) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		char *seg = map_segment_key(a, arena_strndup(a, p, len));
		if (!is_column_number(seg)) {
			if (b.len)
				sbuf_addch(&b, '/');
			sbuf_addstr(&b, seg);
		}
		if (!slash)
			break;
		p = slash + 1;
	}
	char *r = arena_strdup(a, b.buf);
	sbuf_release(&b);
	return r;
}

char *map_label_key(arena *a, const char *s, int *ordinal, bool *subrow)
{
	int o = 0;
	bool sub = false;
	char *t = strip_chars(a, norm_label(a, s ? s : "", &o, &sub), true);
	if (ordinal)
		*ordinal = o;
	if (subrow)
		*subrow = sub;
	return t;
}

/* Replaces every from in s by to (to no longer than from), in place. */
static void replace_all(char *s, const char *from, const char *to)
{
	size_t fl = strlen(from), tl = strlen(to);
	for (char *p = strstr(s, from); p; p = strstr(p + tl, from)) {
		memmove(p + tl, p + fl, strlen(p + fl) + 1);
		memcpy(p, to, tl);
	}
}

char *map_title_core(arena *a, const char *key)
{
	char *s = arena_strdup(a, key ? key : "");
	/* Bracketed notes: (功能科目), (按经济分类), (一级项目). */
	for (char *open = strchr(s, '('); open; open = strchr(open, '(')) {
		char *close = strchr(open, ')');
		if (!close)
			break;
		memmove(open, close + 1, strlen(close + 1) + 1);
	}
	/* The fund names keep their 预算; \x01 stands for it meanwhile. */
	replace_all(s, "一般公共预算", "一般公共\x01");
	replace_all(s, "政府性基金预算", "政府性基金\x01");
	replace_all(s, "国有资本经营预算", "国有资本经营\x01");
	replace_all(s, "收入支出", "收支");
	static const char *const filler[] = { "部门", "单位", "本年", "年度", "情况", "总体", "明细", "一览",
	                                      "预算", "决算", "功能分类", "经济分类", "按", "总表", "表" };
	for (size_t i = 0; i < sizeof filler / sizeof *filler; i++)
		replace_all(s, filler[i], "");
	sbuf b = SBUF_INIT;
	for (const char *p = s; *p; p++) {
		if (*p == '\x01')
			sbuf_addstr(&b, "预算");
		else
			sbuf_addch(&b, *p);
	}
	char *r = arena_strdup(a, b.buf);
	sbuf_release(&b);
	return r;
}
