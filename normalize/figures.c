/*
 * figures: amounts and percentages in running text.  See figures.h.
 *
 * One pass over the bytes.  At each ASCII digit not glued to a preceding
 * letter, digit, '.' or a digit and ',', the longest number is taken:
 *     [-] digits (',' three digits)* ['.' digits]
 * (a ',' not followed by exactly three digits ends the number, so the
 * Chinese-style list 12,34 yields no figure), then blanks (ASCII, U+3000)
 * are skipped and a unit is looked for: 亿元 万元 千元 元 % ％ (个)百分点 分.  A number with a
 * unit is reported; scanning resumes after whatever was consumed.  A number
 * without a unit that opens a list joined by 、 (1.69、1.1 个百分点) takes the
 * unit printed after the list's last number (its span is the number alone).  Values come
 * from decimal_parse: exact, never through double, with every printed digit
 * (the scale of 10.00 is 2).  分 is a score only when the character after it
 * does not make another word of it (分钟, 分之, 分中心, 分局, 分类 …).
 *
 * Grades: the words a 绩效 grade is printed with, longest first so that 优秀
 * is not read as 优 and 不合格 not as 合格.
 */
#include "normalize/figures.h"

#include <stdbool.h>
#include <string.h>

static const struct figure_unit {
	const char *text;
	const char *unit;
} figure_units[] = {
	{ "亿元", "亿元" },
	{ "万元", "万元" },
	{ "千元", "千元" },
	{ "元", "元" },
	{ "%", "%" },
	{ "％", "%" },
	{ "个百分点", "百分点" },
	{ "百分点", "百分点" },
	{ "分", "分" },
};

/* What 分 after a number begins other than a score: 分钟 分之一 分中心 分局 分公司 分类 分期 分批 … */
static bool score_word_after(const char *s)
{
	static const char *const others[] = { "钟", "之", "中", "局", "公", "类", "期", "批", "别", "析", "配", "支",
	                                      "所", "院", "队", "行", "部", "会", "站", "点", "解", "档", "段", "项",
	                                      "摊", "成", "散", "布", "享", "工", "管", "片", "组", "校", "厂", "店" };
	for (size_t i = 0; i < sizeof others / sizeof *others; i++)
		if (strncmp(s, others[i], strlen(others[i])) == 0)
			return false;
	return true;
}

const char *norm_grade_word(const char *s, size_t *len)
{
	static const char *const grades[] = { "不合格", "基本合格", "优秀", "良好", "合格", "较好", "一般", "较差",
	                                      "优", "良", "中", "差" };
	for (size_t i = 0; i < sizeof grades / sizeof *grades; i++) {
		size_t n = strlen(grades[i]);
		if (strncmp(s, grades[i], n) == 0) {
			if (len)
				*len = n;
			return grades[i];
		}
	}
	return NULL;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum_ascii(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Skips ASCII blanks and U+3000 (E3 80 80). */
static size_t skip_blanks(const char *t, size_t n, size_t i)
{
	for (;;) {
		if (i < n && (t[i] == ' ' || t[i] == '\t'))
			i++;
		else if (i + 3 <= n && memcmp(t + i, "\xE3\x80\x80", 3) == 0)
			i += 3;
		else
			return i;
	}
}

/* The end of the number starting at digit position i. */
static size_t scan_number(const char *t, size_t n, size_t i)
{
	while (i < n && is_digit(t[i]))
		i++;
	while (i + 3 < n && t[i] == ',' && is_digit(t[i + 1]) && is_digit(t[i + 2]) &&
	       is_digit(t[i + 3]) && !(i + 4 < n && is_digit(t[i + 4])))
		i += 4;
	if (i + 1 < n && t[i] == '.' && is_digit(t[i + 1])) {
		i++;
		while (i < n && is_digit(t[i]))
			i++;
	}
	return i;
}

/* The unit printed at u, else NULL; *len its bytes.  分 only as a score. */
static const struct figure_unit *unit_at(const char *text, size_t n, size_t u, size_t *len)
{
	for (size_t k = 0; k < sizeof figure_units / sizeof figure_units[0]; k++) {
		size_t ulen = strlen(figure_units[k].text);
		if (u + ulen <= n && memcmp(text + u, figure_units[k].text, ulen) == 0) {
			if (strcmp(figure_units[k].unit, "分") == 0 && !score_word_after(text + u + ulen))
				return NULL;
			*len = ulen;
			return &figure_units[k];
		}
	}
	return NULL;
}

void norm_find_figures(const char *text, norm_figure_cb cb, void *ctx)
{
	if (!text || !cb)
		return;
	size_t n = strlen(text);
	for (size_t i = 0; i < n;) {
		if (!is_digit(text[i]) ||
		    (i > 0 && (is_alnum_ascii(text[i - 1]) || text[i - 1] == '.')) ||
		    (i > 1 && text[i - 1] == ',' && is_digit(text[i - 2]))) {
			i++;
			continue;
		}
		size_t start = i;
		if (i > 0 && text[i - 1] == '-' && !(i > 1 && is_alnum_ascii(text[i - 2])))
			start = i - 1;
		size_t end = scan_number(text, n, i);
		size_t ulen = 0;
		const struct figure_unit *found = unit_at(text, n, skip_blanks(text, n, end), &ulen);
		size_t u = skip_blanks(text, n, end);
		decimal v;
		if (found && decimal_parse(text + start, end - start, &v)) {
			cb(ctx, start, u + ulen, v, found->unit);
			i = u + ulen;
			continue;
		}
		/* 1.69、1.1 个百分点: a list the last number's unit is printed after. */
		size_t j = end;
		const struct figure_unit *listed = NULL;
		while (!found && j + 4 <= n && memcmp(text + j, "、", 3) == 0 && is_digit(text[j + 3])) {
			size_t e = scan_number(text, n, j + 3);
			size_t lu = 0;
			listed = unit_at(text, n, skip_blanks(text, n, e), &lu);
			if (listed)
				break;
			j = e;
		}
		if (listed && decimal_parse(text + start, end - start, &v))
			cb(ctx, start, end, v, listed->unit);
		i = end;
	}
}
