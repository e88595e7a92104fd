/*
 * unit: money units in titles and headers.  See unit.h.
 *
 * norm_unit() walks the string code point by code point and, at each place,
 * tries two patterns, skipping blanks (ASCII whitespace, U+3000, U+00A0)
 * between the characters of both:
 *   1. 单位 [:|：] [人民币] UNIT           (金额单位：元, 单位:万元, (单位：亿元))
 *   2. (|（ UNIT )|）                      ((万元), 预算数（万元）)
 * UNIT is tried longest first: 亿元, 万元, 千元, 元.  单位名称 and other words
 * after 单位 simply fail the pattern and the walk goes on; so does a bare 元 glued
 * to a following ideograph (编制单位：元宝区财政局 names a body).  Conversion is a
 * decimal_shift by the difference of the units' powers of ten, so it is exact
 * or refused.  norm_unit_span() also gives the bytes the unit takes, with a
 * 金额 before 单位 and brackets around it, so that a caption line can drop them;
 * norm_unit_line() is a line holding that span and blanks only.
 */
#include "normalize/unit.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/sbuf.h"

static const struct unit_def {
	const char *name;
	int exp;
} units[] = {
	{ "亿元", 8 },
	{ "万元", 4 },
	{ "千元", 3 },
	{ "元", 0 },
};

static bool is_blank(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x3000 || cp == 0xA0;
}

/* Matches lit at *pos, allowing blanks before each of its characters. */
static bool match(const char *s, size_t n, size_t *pos, const char *lit)
{
	size_t i = *pos, j = 0, m = strlen(lit);
	while (j < m) {
		uint32_t want, got;
		j += utf8_decode(lit + j, m - j, &want);
		for (;;) {
			if (i >= n)
				return false;
			size_t k = utf8_decode(s + i, n - i, &got);
			i += k;
			if (!is_blank(got))
				break;
		}
		if (got != want)
			return false;
	}
	*pos = i;
	return true;
}

/* A unified ideograph right at s (no blanks skipped). */
static bool starts_with_han(const char *s, size_t n)
{
	uint32_t cp;
	if (!n)
		return false;
	utf8_decode(s, n, &cp);
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

static const char *match_unit(const char *s, size_t n, size_t *pos)
{
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
		if (match(s, n, pos, units[u].name))
			return units[u].name;
	return NULL;
}

const char *norm_unit_span(const char *s, size_t *start, size_t *end)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (is_blank(cp)) { /* a match starts on its first character */
			i += k;
			continue;
		}
		size_t p = i;
		if (match(s, n, &p, "单位")) {
			size_t q = p;
			if (!match(s, n, &q, ":"))
				match(s, n, &q, "：");
			match(s, n, &q, "人民币");
			const char *u = match_unit(s, n, &q);
			if (u && !(strcmp(u, "元") == 0 && starts_with_han(s + q, n - q))) {
				/* but 编制单位：元宝区… names a body, not a unit */
				size_t from = i;
				if (from >= 6 && strncmp(s + from - 6, "金额", 6) == 0)
					from -= 6;
				size_t close = q;
				if (((from >= 3 && strncmp(s + from - 3, "（", 3) == 0) ||
				     (from >= 1 && s[from - 1] == '(')) &&
				    (match(s, n, &close, ")") || match(s, n, &close, "）"))) {
					from -= s[from - 1] == '(' ? 1 : 3;
					q = close;
				}
				if (start)
					*start = from;
				if (end)
					*end = q;
				return u;
			}
		}
		p = i;
		if (match(s, n, &p, "(") || match(s, n, &p, "（")) {
			const char *u = match_unit(s, n, &p);
			if (u && (match(s, n, &p, ")") || match(s, n, &p, "）"))) {
				if (start)
					*start = i;
				if (end)
					*end = p;
				return u;
			}
		}
		i += k;
	}
	return NULL;
}

const char *norm_unit_line(const char *s)
{
	size_t start, end;
	const char *u = norm_unit_span(s, &start, &end);
	if (!u)
		return NULL;
	for (size_t i = 0, n = strlen(s); i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if ((i < start || i >= end) && !is_blank(cp))
			return NULL;
		i += k;
	}
	return u;
}

const char *norm_unit_name(const char *s, size_t *len)
{
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
		size_t n = strlen(units[u].name);
		if (strncmp(s, units[u].name, n) == 0) {
			*len = n;
			return units[u].name;
		}
	}
	return NULL;
}

const char *norm_unit_word(const char *s)
{
	size_t n;
	const char *u = norm_unit_name(s, &n);
	return u && s[n] == '\0' ? u : NULL;
}

const char *norm_unit(const char *s)
{
	return norm_unit_span(s, NULL, NULL);
}

int norm_unit_exponent(const char *unit)
{
	if (!unit)
		return -1;
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
		if (strcmp(unit, units[u].name) == 0)
			return units[u].exp;
	return -1;
}

bool norm_convert_unit(decimal in, const char *from, const char *to, decimal *out)
{
	int ef = norm_unit_exponent(from), et = norm_unit_exponent(to);
	if (ef < 0 || et < 0 || in.overflow)
		return false;
	return decimal_shift(in, ef - et, out);
}
