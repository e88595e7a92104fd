/*
 * check: the accounting identities of docs/schemas.md, evaluated on the
 * mapped rows.
 *
 * Each identity is one `check`: found (the printed total) against expected
 * (the sum of its printed addends, a blank counting as 0), ok when they
 * differ by at most 0.01 × the number of addends (rounding of converted
 * units).  An identity is reported only when its total and at least one of
 * its addends are printed: a blank side (a 总计 row printing only 合计, a
 * blank template) states nothing to check.  An identity with text where one
 * of its amounts should be is not evaluated: that value is unknown, and
 * value_not_amount names the cell.
 *
 *   children_sum        a coded row = its children (rows whose nearest
 *                       printed ancestor code it is), per amount column; in
 *                       a table printed unit by unit, a unit's heading = its
 *                       top coded rows and a department's = its units
 *   total_sum           合计 = the coded rows with no printed ancestor; a
 *                       总计 printed beside a 合计 = 合计 + the carry-over lines
 *   total_equals_parts  per row: column `total` = the `parts` printed; a
 *                       failure is not reported when a column with no key
 *                       printed among them may be the missing part
 *   two_sided_*         per side: 本年…合计 = its lines; 总计 = 合计 + the
 *                       结转/结余 lines between them and the lines printed
 *                       before those (上级补助收入 …); income 总计 = expenditure 总计;
 *                       lines printed as an outline count at their top level only
 *   group_sum           per group: the group's 合计 = its top coded rows
 *   score_sum,          绩效 forms (map/performance.c): the total score =
 *   weight_sum          the scores; the weights = 100 (or the printed total)
 *   document checks     refs[0] (found) = sum of the other refs (expected),
 *                       looked up in the tables of one entity; a sign="minus"
 *                       ref is subtracted, and left out when the table does
 *                       not print it; not reported when every one of them is
 *                       blank (a blank template)
 */
#include <stdlib.h>
#include <string.h>

#include "core/sbuf.h"
#include "map/internal.h"
#include "normalize/unit.h"

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static bool amount_column(const table *t, size_t k)
{
	const column *c = &t->columns.items[k];
	return !c->text && strcmp(c->key, "line") != 0;
}

/* Text where an amount is expected: the value is unknown (value_not_amount names it). */
static bool unread(const row *r, size_t k)
{
	return r->values[k].kind == VALUE_TEXT;
}

static decimal num(const row *r, size_t k, bool *present)
{
	if (r->values[k].kind == VALUE_NUMBER) {
		*present = true;
		return r->values[k].number;
	}
	return decimal_from_int(0);
}

static decimal tolerance_for(size_t addends)
{
	decimal d = { (int64_t)(addends ? addends : 1), 2, false };
	return d;
}

static void push_check(document *doc, void *vec, const char *rule, const char *rowkey,
                       const char *colkey, decimal expected, decimal found, size_t addends)
{
	VEC(check) *v = vec;
	check *c = VEC_PUSH(doc->arena, v);
	c->rule = rule;
	c->row = rowkey ? arena_strdup(doc->arena, rowkey) : NULL;
	c->column = colkey ? arena_strdup(doc->arena, colkey) : NULL;
	c->expected = expected;
	c->found = found;
	c->tolerance = tolerance_for(addends);
	decimal diff = decimal_abs(decimal_sub(found, expected));
	c->ok = !diff.overflow && !expected.overflow && !found.overflow &&
	        decimal_cmp(diff, c->tolerance) <= 0;
}

static const char *row_key(const row *r)
{
	return r->code ? r->code : r->label;
}

static bool is_total(const row *r)
{
	return !r->code && r->label && (strstr(r->label, "合计") || strstr(r->label, "总计"));
}

/*
 * Unit headings, in a table printed unit by unit (深圳市…局(本级), then its
 * function rows, then the next unit): rows with a label and no code, not a
 * total nor a 其中 line, directly above a 类 (a three-digit code) or above
 * another such heading (a department over its units).  heads[i] for each row.
 */
static bool *unit_headings(arena *a, const table *t)
{
	bool *heads = arena_calloc(a, t->rows.len + 1, sizeof(bool));
	for (size_t i = t->rows.len; i-- > 1;) {
		const row *r = &t->rows.items[i - 1], *next = &t->rows.items[i];
		if (r->code || !r->label || r->subrow || is_total(r))
			continue;
		heads[i - 1] = next->code ? strlen(next->code) == 3 : heads[i];
	}
	return heads;
}

/* The coded rows sorted by code, then by row: ancestors are found by binary search. */
typedef struct code_index {
	const table *t;
	size_t *order; /* row indices */
	size_t n;
	long *block;   /* per row: the last unit heading at or above it, -1 */
} code_index;

static int cmp_code(const void *pa, const void *pb, void *ctx)
{
	const table *t = ctx;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = strcmp(t->rows.items[a].code, t->rows.items[b].code);
	return c ? c : (a > b) - (a < b);
}

static void index_codes(arena *a, const table *t, const bool *heads, code_index *ci)
{
	ci->t = t;
	ci->order = arena_calloc(a, t->rows.len + 1, sizeof(size_t));
	ci->block = arena_calloc(a, t->rows.len + 1, sizeof(long));
	ci->n = 0;
	long last = -1;
	for (size_t i = 0; i < t->rows.len; i++) {
		if (heads[i])
			last = (long)i;
		ci->block[i] = last;
		if (t->rows.items[i].code)
			ci->order[ci->n++] = i;
	}
	qsort_r(ci->order, ci->n, sizeof(size_t), cmp_code, (void *)t);
}

/* code against the first n bytes of prefix, as strcmp would order code and that prefix. */
static int cmp_prefix(const char *code, const char *prefix, size_t n)
{
	int c = strncmp(code, prefix, n);
	return c ? c : code[n] != '\0';
}

/*
 * Index of the nearest printed ancestor of rows[i] (same side and group), or
 * -1: the closest row above whose code is a proper prefix of its code, the
 * longest prefix first (20801 over 2080101, a department's 113 over its unit
 * 113001), not looking past a unit heading, so that each unit's rows add up
 * to its own 类 and 款.  Binary search over the codes: (code, row) sorted, the
 * last row above i printing that exact code.
 */
static long nearest_ancestor(const code_index *ci, size_t i)
{
	const table *t = ci->t;
	const row *r = &t->rows.items[i];
	if (!r->code)
		return -1;
	for (size_t n = strlen(r->code); n-- > 3;) {
		/* First entry ordered at or after (prefix, row i). */
		size_t lo = 0, hi = ci->n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			size_t row_at = ci->order[mid];
			int c = cmp_prefix(t->rows.items[row_at].code, r->code, n);
			if (c < 0 || (c == 0 && row_at < i))
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t k = lo; k-- > 0;) {
			size_t j = ci->order[k];
			const row *p = &t->rows.items[j];
			if (cmp_prefix(p->code, r->code, n) != 0 || (long)j <= ci->block[i])
				break;
			if (same(p->side, r->side) && same(p->group, r->group))
				return (long)j;
		}
	}
	return -1;
}

/*
 * Per amount column, the sum of the rows listed in idx, whether any of them
 * is printed, and whether any holds text where an amount should be.
 */
static void add_up(const table *t, const size_t *idx, size_t n, decimal *sums, bool *present,
                   bool *unknown)
{
	for (size_t k = 0; k < t->columns.len; k++) {
		sums[k] = decimal_from_int(0);
		present[k] = unknown[k] = false;
		if (!amount_column(t, k))
			continue;
		for (size_t i = 0; i < n; i++) {
			sums[k] = decimal_add(sums[k], num(&t->rows.items[idx[i]], k, &present[k]));
			unknown[k] = unknown[k] || unread(&t->rows.items[idx[i]], k);
		}
	}
}

/* total row vs. sums of n addends, per amount column. */
static void push_sums(document *doc, table *t, const char *rule, const row *total, const decimal *sums,
                      const bool *present, const bool *unknown, size_t n)
{
	for (size_t k = 0; k < t->columns.len; k++) {
		if (!amount_column(t, k))
			continue;
		bool printed = false;
		decimal found = num(total, k, &printed);
		if (present[k] && printed && !unknown[k] && !unread(total, k))
			push_check(doc, &t->checks, rule, row_key(total), t->columns.items[k].key, sums[k], found, n);
	}
}

/* total row vs. the rows listed in idx, per amount column. */
static void sum_check(document *doc, table *t, const char *rule, const row *total, const size_t *idx,
                      size_t n)
{
	size_t cols = t->columns.len ? t->columns.len : 1;
	decimal *sums = arena_calloc(doc->arena, cols, sizeof(decimal));
	bool *present = arena_calloc(doc->arena, cols, sizeof(bool));
	bool *unknown = arena_calloc(doc->arena, cols, sizeof(bool));
	add_up(t, idx, n, sums, present, unknown);
	push_sums(doc, t, rule, total, sums, present, unknown, n);
}

/*
 * The unit heading each row adds up to, or -1 (one pass down the rows): a
 * top coded row's is the unit heading above it; a unit's heading's is the
 * department's heading above it (a heading directly over another heading).
 */
static long *headings_of(arena *a, const table *t, const bool *heads, const long *anc)
{
	long *up = arena_calloc(a, t->rows.len + 1, sizeof(long));
	long last = -1, department = -1;
	for (size_t i = 0; i < t->rows.len; i++) {
		const row *r = &t->rows.items[i];
		up[i] = -1;
		if (heads[i]) {
			bool dept = t->rows.items[i + 1].code == NULL;
			if (!dept)
				up[i] = department;
			else
				department = (long)i;
			last = (long)i;
		} else if (r->code && anc[i] < 0 && last >= 0 && t->rows.items[last + 1].code) {
			up[i] = last;
		}
	}
	return up;
}

/* Each row against its children (and a heading against its rows), listed per parent in one
 * counting pass. */
static void children_sum(document *doc, table *t, const bool *heads, long *anc)
{
	size_t rows = t->rows.len, cols = t->columns.len ? t->columns.len : 1;
	long *up = headings_of(doc->arena, t, heads, anc);
	for (size_t j = 0; j < rows; j++)
		if (anc[j] >= 0)
			up[j] = anc[j];
	size_t *start = arena_calloc(doc->arena, rows + 2, sizeof(size_t));
	size_t *idx = arena_calloc(doc->arena, rows + 1, sizeof(size_t));
	for (size_t j = 0; j < rows; j++)
		if (up[j] >= 0)
			start[up[j] + 1]++;
	for (size_t i = 0; i < rows; i++)
		start[i + 1] += start[i];
	size_t *fill = arena_calloc(doc->arena, rows + 1, sizeof(size_t));
	memcpy(fill, start, rows * sizeof(size_t));
	for (size_t j = 0; j < rows; j++)
		if (up[j] >= 0)
			idx[fill[up[j]]++] = j;
	decimal *sums = arena_calloc(doc->arena, cols, sizeof(decimal));
	bool *present = arena_calloc(doc->arena, cols, sizeof(bool));
	bool *unknown = arena_calloc(doc->arena, cols, sizeof(bool));
	for (size_t i = 0; i < rows; i++) {
		size_t n = start[i + 1] - start[i];
		if (!n)
			continue;
		add_up(t, idx + start[i], n, sums, present, unknown);
		push_sums(doc, t, "children_sum", &t->rows.items[i], sums, present, unknown, n);
	}
}

static bool is_carry(const row *r);

/* The 合计 row printed beside a 总计 row (same group), -1 when none. */
static long subtotal_of(const table *t, const row *grand)
{
	if (!strstr(grand->label, "总计"))
		return -1;
	for (size_t i = 0; i < t->rows.len; i++) {
		const row *r = &t->rows.items[i];
		if (is_total(r) && !r->side && !strstr(r->label, "总计") && same(r->group, grand->group))
			return (long)i;
	}
	return -1;
}

/*
 * 合计 rows (of a group, when given) against the coded rows with no
 * ancestor; the sums are made once per group (a table holds a handful of
 * groups).  A 总计 printed beside a 合计 adds the carry-over lines to it
 * (总计 = 合计 + 上年结转): it is checked against those, not the coded rows.
 */
static void top_sum(document *doc, table *t, long *anc, const char *rule, bool by_group)
{
	size_t cols = t->columns.len ? t->columns.len : 1;
	size_t *idx = arena_calloc(doc->arena, t->rows.len + 1, sizeof(size_t));
	typedef struct group_sums {
		const char *group;
		decimal *sums;
		bool *present, *unknown;
		size_t n;
	} group_sums;
	VEC(group_sums) done = { 0 };
	for (size_t i = 0; i < t->rows.len; i++) {
		const row *tot = &t->rows.items[i];
		if (!is_total(tot) || tot->side || (by_group && !tot->group))
			continue;
		long sub = subtotal_of(t, tot);
		if (sub >= 0) {
			size_t n = 0;
			idx[n++] = (size_t)sub;
			for (size_t j = 0; j < t->rows.len; j++) {
				const row *r = &t->rows.items[j];
				if (!r->code && !r->side && is_carry(r) && same(r->group, tot->group))
					idx[n++] = j;
			}
			sum_check(doc, t, rule, tot, idx, n);
			continue;
		}
		const char *group = by_group ? tot->group : NULL;
		group_sums *g = NULL;
		for (size_t d = 0; d < done.len && !g; d++)
			if (same(done.items[d].group, group))
				g = &done.items[d];
		if (!g) {
			size_t n = 0;
			for (size_t j = 0; j < t->rows.len; j++) {
				const row *r = &t->rows.items[j];
				if (r->code && anc[j] < 0 && (!by_group || same(r->group, group)))
					idx[n++] = j;
			}
			g = VEC_PUSH(doc->arena, &done);
			g->group = group;
			g->n = n;
			g->sums = arena_calloc(doc->arena, cols, sizeof(decimal));
			g->present = arena_calloc(doc->arena, cols, sizeof(bool));
			g->unknown = arena_calloc(doc->arena, cols, sizeof(bool));
			add_up(t, idx, n, g->sums, g->present, g->unknown);
		}
		if (g->n)
			push_sums(doc, t, rule, tot, g->sums, g->present, g->unknown, g->n);
	}
}

static long find_column(const table *t, const char *key)
{
	for (size_t k = 0; k < t->columns.len; k++)
		if (strcmp(t->columns.items[k].key, key) == 0)
			return (long)k;
	return -1;
}

/*
 * Does row r print a non-zero amount in a column without a canonical key
 * lying among the total and its parts?  A part the schema has no key for
 * would be counted as zero: a failed total = parts is then no finding.
 */
static bool unkeyed_between(const table *t, const row *r, long total, const long *parts, size_t n)
{
	long lo = total, hi = total;
	for (size_t p = 0; p < n; p++) {
		lo = parts[p] < lo ? parts[p] : lo;
		hi = parts[p] > hi ? parts[p] : hi;
	}
	for (long k = lo + 1; k < hi; k++) {
		const column *c = &t->columns.items[k];
		if (!c->canonical && amount_column(t, (size_t)k) && r->values[k].kind == VALUE_NUMBER &&
		    decimal_cmp(r->values[k].number, decimal_from_int(0)) != 0)
			return true;
	}
	return false;
}

static void total_equals_parts(document *doc, table *t, const schema_check *ck)
{
	long total = find_column(t, ck->total);
	if (total < 0)
		return;
	long parts[32];
	size_t n = 0;
	for (size_t i = 0; i < ck->parts.len && n < 32; i++) {
		long k = find_column(t, ck->parts.items[i]);
		if (k >= 0)
			parts[n++] = k;
	}
	if (!n)
		return;
	for (size_t i = 0; i < t->rows.len; i++) {
		const row *r = &t->rows.items[i];
		bool present = false, printed = false, unknown = unread(r, (size_t)total);
		decimal found = num(r, (size_t)total, &printed);
		decimal expected = decimal_from_int(0);
		for (size_t p = 0; p < n; p++) {
			expected = decimal_add(expected, num(r, (size_t)parts[p], &present));
			unknown = unknown || unread(r, (size_t)parts[p]);
		}
		if (!present || !printed || unknown)
			continue;
		push_check(doc, &t->checks, ck->rule, row_key(r), ck->total, expected, found, n);
		if (!t->checks.items[t->checks.len - 1].ok && unkeyed_between(t, r, total, parts, n))
			t->checks.len--; /* the missing part may be that column: no failure to report */
	}
}

/* ---- two-sided -------------------------------------------------------- */

static bool is_side_subtotal(const row *r, const char *side)
{
	if (!r->label || strstr(r->label, "总计"))
		return false;
	bool income = strcmp(side, "income") == 0;
	const char *word = income ? "收入" : "支出";
	if ((strstr(r->label, "合计") || strstr(r->label, "小计")) && strstr(r->label, word))
		return true;
	return strcmp(r->label, income ? "本年收入" : "本年支出") == 0;
}

static bool is_carry(const row *r)
{
	return r->label && !r->subrow &&
	       (strstr(r->label, "结转") || strstr(r->label, "结余") || strstr(r->label, "弥补"));
}

static bool side_column(const table *t, size_t k, const char *side)
{
	if (!amount_column(t, k))
		return false;
	for (size_t i = 0; i < t->rows.len; i++)
		if (same(t->rows.items[i].side, side) && t->rows.items[i].values[k].kind == VALUE_NUMBER)
			return true;
	return false;
}

/* Index of the 合计 and 总计 rows of a side, -1 when not printed. */
static void side_anchors(const table *t, const char *side, long *sub, long *grand)
{
	*sub = *grand = -1;
	for (size_t i = 0; i < t->rows.len; i++) {
		const row *r = &t->rows.items[i];
		if (!same(r->side, side))
			continue;
		if (*sub < 0 && is_side_subtotal(r, side))
			*sub = (long)i;
		if (*grand < 0 && r->label && strstr(r->label, "总计"))
			*grand = (long)i;
	}
}

static void side_sum(document *doc, table *t, const char *rule, const row *total,
                     const size_t *idx, size_t n, const char *side)
{
	for (size_t k = 0; k < t->columns.len; k++) {
		if (!side_column(t, k, side))
			continue;
		bool present = false, printed = false, unknown = unread(total, k);
		decimal found = num(total, k, &printed);
		decimal expected = decimal_from_int(0);
		for (size_t i = 0; i < n; i++) {
			expected = decimal_add(expected, num(&t->rows.items[idx[i]], k, &present));
			unknown = unknown || unread(&t->rows.items[idx[i]], k);
		}
		if (present && printed && !unknown)
			push_check(doc, &t->checks, rule, row_key(total), t->columns.items[k].key, expected,
			           found, n);
	}
}

/* Outline lines (see map.c rank_lines): only the top level adds up. */
static bool top_line(const row *r)
{
	return r->level <= 1;
}

static void two_sided(document *doc, table *t, const char *rule)
{
	static const char *sides[2] = { "income", "expenditure" };
	size_t *idx = arena_calloc(doc->arena, t->rows.len + 1, sizeof(size_t));
	long grand_rows[2] = { -1, -1 };
	for (int s = 0; s < 2; s++) {
		long sub, grand;
		side_anchors(t, sides[s], &sub, &grand);
		grand_rows[s] = grand;
		if (strcmp(rule, "two_sided_total") == 0 && sub >= 0) {
			size_t n = 0;
			bool before = false;
			for (long i = 0; i < sub; i++)
				before = before || same(t->rows.items[i].side, sides[s]);
			if (before) {
				for (long i = 0; i < sub; i++) {
					const row *r = &t->rows.items[i];
					if (same(r->side, sides[s]) && !r->subrow && r->label && top_line(r))
						idx[n++] = (size_t)i;
				}
			} else {
				/* 本年收入 printed first: its lines follow, up to the carry-overs. */
				for (size_t i = (size_t)sub + 1; i < t->rows.len; i++) {
					const row *r = &t->rows.items[i];
					if (!same(r->side, sides[s]))
						continue;
					if (is_carry(r) || is_total(r))
						break;
					if (!r->subrow && r->label && top_line(r))
						idx[n++] = i;
				}
			}
			if (n)
				side_sum(doc, t, rule, &t->rows.items[sub], idx, n, sides[s]);
		} else if (strcmp(rule, "two_sided_grand_total") == 0 && sub >= 0 && grand > sub) {
			size_t n = 0;
			idx[n++] = (size_t)sub;
			/* The lines between: the carry-overs, and the lines printed before the
			   first carry-over (上级补助收入 …; the lines after a carry-over, 一、一般
			   公共预算拨款 …, are its parts).  本年收入 printed over its lines: only the
			   carry-overs. */
			bool before = false, carried = false;
			for (long i = 0; i < sub; i++)
				before = before || same(t->rows.items[i].side, sides[s]);
			for (long i = sub + 1; i < grand; i++) {
				const row *r = &t->rows.items[i];
				if (!same(r->side, sides[s]) || !r->label || r->subrow || is_total(r))
					continue;
				if (is_carry(r)) {
					carried = true;
					if (top_line(r))
						idx[n++] = (size_t)i;
				} else if (before && !carried) {
					idx[n++] = (size_t)i;
				}
			}
			side_sum(doc, t, rule, &t->rows.items[grand], idx, n, sides[s]);
		}
	}
	if (strcmp(rule, "two_sided_balance") == 0 && grand_rows[0] >= 0 && grand_rows[1] >= 0) {
		const row *in = &t->rows.items[grand_rows[0]], *out = &t->rows.items[grand_rows[1]];
		long ki = -1, ko = -1;
		for (size_t k = 0; k < t->columns.len; k++) {
			if (!amount_column(t, k))
				continue;
			if (ki < 0 && in->values[k].kind == VALUE_NUMBER)
				ki = (long)k;
			if (ko < 0 && out->values[k].kind == VALUE_NUMBER)
				ko = (long)k;
		}
		if (ki >= 0 && ko >= 0)
			push_check(doc, &t->checks, rule, "总计", t->columns.items[ko].key,
			           in->values[ki].number, out->values[ko].number, 1);
	}
}

void map_check_table(document *doc, table *t, const schema *s)
{
	long *anc = arena_calloc(doc->arena, t->rows.len + 1, sizeof(long));
	bool *heads = unit_headings(doc->arena, t);
	code_index ci;
	index_codes(doc->arena, t, heads, &ci);
	for (size_t i = 0; i < t->rows.len; i++)
		anc[i] = nearest_ancestor(&ci, i);
	for (size_t i = 0; i < s->checks.len; i++) {
		const schema_check *ck = &s->checks.items[i];
		if (strcmp(ck->rule, "children_sum") == 0)
			children_sum(doc, t, heads, anc);
		else if (strcmp(ck->rule, "total_sum") == 0)
			top_sum(doc, t, anc, "total_sum", false);
		else if (strcmp(ck->rule, "group_sum") == 0)
			top_sum(doc, t, anc, "group_sum", true);
		else if (strcmp(ck->rule, "total_equals_parts") == 0)
			total_equals_parts(doc, t, ck);
		else if (strncmp(ck->rule, "two_sided_", 10) == 0)
			two_sided(doc, t, ck->rule);
		else if (strcmp(ck->rule, "score_sum") == 0 || strcmp(ck->rule, "weight_sum") == 0)
			perf_check(doc, t, ck);
	}
}

void map_push_check(document *doc, table *t, const char *rule, const char *rowkey, const char *colkey,
                    decimal expected, decimal found, size_t addends)
{
	push_check(doc, &t->checks, rule, rowkey, colkey, expected, found, addends);
}

/* ---- across tables ---------------------------------------------------- */

static const row *find_row(const table *t, const schema_ref *ref)
{
	for (size_t alt = 0; alt < ref->rows.len; alt++) {
		for (size_t i = 0; i < t->rows.len; i++) {
			const row *r = &t->rows.items[i];
			if (ref->side && !same(r->side, ref->side))
				continue;
			if ((r->label && strcmp(r->label, ref->rows.items[alt]) == 0) ||
			    (r->code && strcmp(r->code, ref->rows.items[alt]) == 0))
				return r;
		}
	}
	return NULL;
}

bool map_ref_cell(const table *t, const schema_ref *ref, decimal *out)
{
	long k = find_column(t, ref->column);
	const row *r = find_row(t, ref);
	bool printed = false;
	if (k < 0 || !r)
		return false;
	*out = num(r, (size_t)k, &printed);
	return printed;
}

bool map_ref_column_prints(const table *t, const schema_ref *ref, decimal v)
{
	long k = find_column(t, ref->column);
	for (size_t i = 0; k >= 0 && i < t->rows.len; i++) {
		const row *r = &t->rows.items[i];
		bool printed = false;
		decimal x = num(r, (size_t)k, &printed);
		if (printed && (!ref->side || same(r->side, ref->side)) && decimal_cmp(x, v) == 0)
			return true;
	}
	return false;
}

/* The value a ref names in the tables of one entity; false when not printed. */
static bool ref_value(const document *doc, const schema_ref *ref, const char *entity,
                      const char *unit, decimal *out, const table **where, bool *printed)
{
	for (size_t i = 0; i < doc->tables.len; i++) {
		const table *t = doc->tables.items[i];
		if (!t->schema || strcmp(t->schema, ref->schema) != 0 || !same(t->entity, entity))
			continue;
		long k = find_column(t, ref->column);
		const row *r = find_row(t, ref);
		if (k < 0 || !r)
			continue;
		decimal v = num(r, (size_t)k, printed);
		if (unit && t->unit && strcmp(unit, t->unit) != 0 && norm_unit_exponent(unit) >= 0 &&
		    norm_unit_exponent(t->unit) >= 0) {
			decimal conv;
			if (!norm_convert_unit(v, t->unit, unit, &conv))
				return false;
			v = conv;
		}
		*out = v;
		*where = t;
		return true;
	}
	return false;
}

bool map_table_ref_value(const table *t, const schema_ref *ref, const char *unit, decimal *out)
{
	long k = find_column(t, ref->column);
	const row *r = find_row(t, ref);
	bool printed = false;
	if (k < 0 || !r)
		return false;
	decimal v = num(r, (size_t)k, &printed);
	if (!printed)
		return false;
	if (unit && t->unit && strcmp(unit, t->unit) != 0) {
		if (norm_unit_exponent(unit) < 0 || norm_unit_exponent(t->unit) < 0 ||
		    !norm_convert_unit(v, t->unit, unit, &v))
			return false;
	}
	*out = v;
	return true;
}

void map_check_document(document *doc, const schema_set *set)
{
	/* One pass per entity, in order of first appearance. */
	for (size_t e = 0; e < doc->tables.len; e++) {
		const char *entity = doc->tables.items[e]->entity;
		bool seen = false;
		for (size_t p = 0; p < e && !seen; p++)
			seen = same(doc->tables.items[p]->entity, entity);
		if (seen)
			continue;
		for (size_t d = 0; d < set->doc_checks.len; d++) {
			const schema_doc_check *dc = &set->doc_checks.items[d];
			decimal found = decimal_from_int(0), expected = decimal_from_int(0);
			const char *unit = NULL;
			sbuf ids = SBUF_INIT;
			bool complete = true, printed = false;
			size_t addends = 0;
			for (size_t r = 0; r < dc->refs.len && complete; r++) {
				decimal v;
				const table *where = NULL;
				const schema_ref *ref = &dc->refs.items[r];
				bool part_printed = false;
				if (!ref_value(doc, ref, entity, unit, &v, &where, &part_printed)) {
					complete = ref->minus;
					continue;
				}
				if (ref->minus && !part_printed)
					continue;
				printed = printed || part_printed;
				if (r == 0) {
					found = v;
					unit = where->unit;
				} else {
					expected = ref->minus ? decimal_sub(expected, v) : decimal_add(expected, v);
					addends++;
				}
				if (!strstr(ids.buf, where->id)) {
					if (ids.len)
						sbuf_addch(&ids, ',');
					sbuf_addstr(&ids, where->id);
				}
			}
			if (complete && printed && addends) {
				push_check(doc, &doc->document_checks, dc->rule, NULL, NULL, expected, found,
				           addends);
				doc->document_checks.items[doc->document_checks.len - 1].tables =
					arena_strdup(doc->arena, ids.buf);
			}
			sbuf_release(&ids);
		}
	}
}
