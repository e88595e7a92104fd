/*
 * figures: amounts and percentages in running text.  See figures.h.
 *
 * One pass over the bytes.  At each ASCII digit not glued to a preceding
 * letter, digit or '.', the longest number is taken:
 *     [-] digits (',' three digits)* ['.' digits]
 * (a ',' not followed by exactly three digits ends the number, so the
 * Chinese-style list 12,34 yields no figure), then blanks (ASCII, U+3000)
 * are skipped and a unit is looked for: 亿元 万元 千元 元 % ％.  A number with a
 * unit is reported; scanning resumes after whatever was consumed.  Values come
 * from decimal_parse: exact, never through double.
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
};

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

void norm_find_figures(const char *text, norm_figure_cb cb, void *ctx)
{
	if (!text || !cb)
		return;
	size_t n = strlen(text);
	for (size_t i = 0; i < n;) {
		if (!is_digit(text[i]) ||
		    (i > 0 && (is_alnum_ascii(text[i - 1]) || text[i - 1] == '.'))) {
			i++;
			continue;
		}
		size_t start = i;
		if (i > 0 && text[i - 1] == '-' && !(i > 1 && is_alnum_ascii(text[i - 2])))
			start = i - 1;
		size_t end = scan_number(text, n, i);
		size_t u = skip_blanks(text, n, end);
		const struct figure_unit *found = NULL;
		size_t ulen = 0;
		for (size_t k = 0; k < sizeof figure_units / sizeof figure_units[0]; k++) {
			ulen = strlen(figure_units[k].text);
			if (u + ulen <= n && memcmp(text + u, figure_units[k].text, ulen) == 0) {
				found = &figure_units[k];
				break;
			}
		}
		decimal v;
		if (found && decimal_parse(text + start, end - start, &v)) {
			cb(ctx, start, u + ulen, v, found->unit);
			i = u + ulen;
		} else {
			i = end;
		}
	}
}
