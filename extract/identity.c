/*
 * identity: a disclosure's kind, year, department and title.
 *
 *   1. Among the first blocks, the first whose text (spaces removed) holds a
 *      year (19xx/20xx followed by 年) and one of 决算 / 预算 / 绩效 is the
 *      title; a short block just before it that names no year (a cover page
 *      that sets the department on a line of its own) is prefixed to it.
 *   2. Kind: 绩效 → performance, else 决算 → final accounts, else 预算 →
 *      budget.
 *   3. Department: the title's text before the year, or between 年度/年 and
 *      部门/单位 + 决算/预算 when the year leads; else the entity most of the
 *      tables name.
 */
#include "extract/identity.h"

#include <string.h>

#include "core/sbuf.h"

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

static size_t char_count(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += (*s & 0xC0) != 0x80;
	return n;
}

static char *department_from_title(arena *a, const char *title, long year_at)
{
	if (year_at > 0) {
		char *d = arena_strndup(a, title, (size_t)year_at);
		return char_count(d) >= 2 ? d : NULL;
	}
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
			char *d = arena_strndup(a, p, (size_t)(t - p));
			return char_count(d) >= 2 ? d : NULL;
		}
	}
	return NULL;
}

void identity_detect(document *doc)
{
	arena *a = doc->arena;
	size_t limit = doc->blocks.len < 40 ? doc->blocks.len : 40;
	for (size_t i = 0; i < limit; i++) {
		char *text = squeeze(a, doc->blocks.items[i].text);
		int year = 0;
		long at = find_year(text, &year);
		if (at < 0 || !names_kind(text) || char_count(text) > 60)
			continue;
		if (at == 0 && i > 0) {
			const block *prev = &doc->blocks.items[i - 1];
			char *p = squeeze(a, prev->text);
			int y2;
			if (prev->page == doc->blocks.items[i].page && char_count(p) <= 30 && find_year(p, &y2) < 0 &&
			    !names_kind(p) && char_count(p) >= 3) {
				text = arena_printf(a, "%s%s", p, text);
				at = (long)strlen(p);
			}
		}
		doc->title = text;
		doc->year = year;
		doc->department = department_from_title(a, text, at);
		break;
	}
	const char *basis = doc->title;
	if (!basis) {
		for (size_t t = 0; t < doc->tables.len && !basis; t++)
			basis = doc->tables.items[t]->title;
	}
	if (basis) {
		if (strstr(basis, JIXIAO))
			doc->kind = KIND_PERFORMANCE;
		else if (strstr(basis, JUESUAN))
			doc->kind = KIND_FINAL_ACCOUNTS;
		else if (strstr(basis, YUSUAN))
			doc->kind = KIND_BUDGET;
	}
	if (!doc->department) {
		/* The entity the tables name most often. */
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
				doc->department = arena_strdup(a, e);
			}
		}
	}
}
