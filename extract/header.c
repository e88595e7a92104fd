/*
 * header: which leading rows of a grid are its header, and the path of
 * header texts over each column.
 *
 *   1. The header ends at the first data row: a row holding an amount
 *      (digits with a decimal point or a thousands comma, or a percent), a
 *      classification code (3 to 7 digits) in one of its first four cells,
 *      or two whole numbers that do not count the columns (栏次 1 2 3 … is
 *      header).
 *   2. A header cell that spans a row or two into a would-be data row pulls
 *      the header end below it.  With no amount anywhere (a blank table) the
 *      header runs to the last row with text before a 合计/总计 row (all
 *      text and no total: the first row).
 *   3. Each column's path lists, top to bottom, the distinct texts of the
 *      header cells over it (a merged cell counts once), joined by '/':
 *      本年支出 over 小计 gives 本年支出/小计.  When the first data row
 *      prints the code-column names 类/款/项 they end the path too.  A
 *      header cell that is only a unit line (单位：元 printed in the grid's
 *      first row) is no level of any path; step 4 reads its unit.
 *   4. A table no unit line names takes the unit its cells print
 *      (预算数（万元）, 项目资金（万元）) when every cell naming one names the
 *      same (warning unit_from_header).
 */
#include "extract/header.h"

#include <string.h>

#include "core/sbuf.h"
#include "normalize/text.h"
#include "normalize/unit.h"

static const char *trim_left(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	return s;
}

bool header_is_data_text(const char *text)
{
	const char *s = trim_left(text);
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!n)
		return false;
	size_t digits = 0;
	bool point = false, comma = false, percent = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (c == '.')
			point = true;
		else if (c == ',')
			comma = true;
		else if (c == '%')
			percent = i == n - 1;
		else if (c == '-' || c == '(' || c == ')' || c == '+')
			;
		else if (n - i >= 3 && memcmp(s + i, "\xEF\xBC\x85", 3) == 0 && i + 3 == n) /* ％ */
			{ percent = true; i += 2; }
		else
			return false;
	}
	return digits > 0 && (point || comma || percent);
}

static bool is_code_text(const char *text)
{
	const char *s = trim_left(text);
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return norm_is_code(s, n) && *trim_left(s + n) == '\0';
}

static bool is_total_label(const char *text)
{
	const char *s = trim_left(text);
	/* 合计 / 总计 / 合 计, possibly spaced out */
	static const char *const labels[] = { "\xE5\x90\x88", "\xE6\x80\xBB" }; /* 合 总 */
	for (size_t i = 0; i < 2; i++) {
		if (strncmp(s, labels[i], 3) == 0) {
			const char *t = trim_left(s + 3);
			if (strncmp(t, "\xE8\xAE\xA1", 3) == 0 && *trim_left(t + 3) == '\0') /* 计 */
				return true;
		}
	}
	return false;
}

/* A whole number: digits only, at most nine of them. */
static bool whole_number(const char *text, long *value)
{
	const char *s = trim_left(text);
	long v = 0;
	int n = 0;
	while (*s >= '0' && *s <= '9' && n < 9) {
		v = v * 10 + (*s++ - '0');
		n++;
	}
	if (!n || *trim_left(s))
		return false;
	*value = v;
	return true;
}

static bool row_is_data(const table *t, size_t r)
{
	long counted = 0, last = 0;
	bool counting_up = true;
	for (size_t c = 0; c < t->ncols; c++) {
		const cell *ce = table_cell(t, r, c);
		if (!ce->text || !*trim_left(ce->text))
			continue;
		if (header_is_data_text(ce->text))
			return true;
		if (c < 4 && is_code_text(ce->text))
			return true;
		long v;
		if (whole_number(ce->text, &v)) {
			counting_up = counting_up && v == last + 1;
			last = v;
			counted++;
		}
	}
	/* Two whole numbers or more are figures, unless they count the columns (栏次 1 2 3). */
	return counted >= 2 && !counting_up;
}

/* The first non-blank text of a row, or NULL. */
static const char *row_first_text(const table *t, size_t r)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const cell *ce = table_cell(t, r, c);
		if (ce->text && *trim_left(ce->text))
			return ce->text;
	}
	return NULL;
}

size_t header_count_rows(const table *t)
{
	size_t h = 0;
	while (h < t->nrows && !row_is_data(t, h))
		h++;
	if (h == t->nrows) {
		/* No amounts anywhere (a blank table): the header runs to the last
		 * row with text before a 合计/总计 row. */
		h = 0;
		for (size_t r = 0; r < t->nrows; r++) {
			const char *first = row_first_text(t, r);
			if (first && is_total_label(first))
				break;
			if (first)
				h = r + 1;
		}
		if (h == t->nrows && h > 1)
			h = 1;
		return h;
	}
	/* Header cells reaching a row or two below the first data row pull the header
	 * down; a cell running far down is a label of the body (绩效指标 beside its rows). */
	for (size_t r = 0; r < h; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			const cell *ce = table_cell(t, r, c);
			size_t end = r + (size_t)(ce->rowspan > 0 ? ce->rowspan : 1);
			if (ce->rowspan > 1 && end > h && end <= h + 2 && !row_is_data(t, r))
				h = end;
		}
	return h < t->nrows ? h : t->nrows;
}

/* The slot holding the cell that covers (r, c). */
static const cell *owner_of(const table *t, size_t r, size_t c)
{
	for (size_t rr = r + 1; rr-- > 0;)
		for (size_t cc = c + 1; cc-- > 0;) {
			const cell *ce = table_cell(t, rr, cc);
			if (ce->rowspan > 0 && rr + (size_t)ce->rowspan > r && cc + (size_t)ce->colspan > c)
				return ce;
		}
	return table_cell(t, r, c);
}

static bool is_code_column_name(const char *text)
{
	const char *s = trim_left(text);
	static const char *const names[] = { "\xE7\xB1\xBB", "\xE6\xAC\xBE", "\xE9\xA1\xB9" }; /* 类 款 项 */
	for (size_t i = 0; i < 3; i++)
		if (strncmp(s, names[i], 3) == 0 && *trim_left(s + 3) == '\0')
			return true;
	return false;
}

/* Appends text to a path without inner spaces or newlines. */
static void add_part(sbuf *path, const char *text, const cell **last, const cell *owner)
{
	if (owner == *last)
		return;
	*last = owner;
	const char *s = trim_left(text);
	if (!*s)
		return;
	if (path->len)
		sbuf_addch(path, '/');
	for (; *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t')
			sbuf_addch(path, *s);
}

/* Step 4: the one unit the cells print, when no caption line gave one. */
static void unit_from_cells(document *doc, table *t)
{
	const char *unit = NULL, *where = NULL;
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		const char *text = t->cells[i].text, *u = text ? norm_unit(text) : NULL;
		if (!u)
			continue;
		if (unit && strcmp(unit, u) != 0)
			return;
		unit = u;
		where = where ? where : text;
	}
	if (!unit)
		return;
	t->unit = (char *)unit;
	doc_warn(doc, "unit_from_header", table_first_page(t), t, "unit %s read from the cell '%s'", unit, where);
}

void table_set_header(document *doc, table *t)
{
	table_set_header_rows(doc, t, header_count_rows(t));
}

void table_set_header_rows(document *doc, table *t, size_t rows)
{
	t->header_rows = rows < t->nrows ? rows : t->nrows;
	sbuf path = SBUF_INIT;
	for (size_t c = 0; c < t->ncols; c++) {
		sbuf_reset(&path);
		const cell *last = NULL;
		for (size_t r = 0; r < t->header_rows; r++) {
			const cell *owner = owner_of(t, r, c);
			if (owner->text && !norm_unit_line(owner->text))
				add_part(&path, owner->text, &last, owner);
		}
		if (t->header_rows < t->nrows) {
			const cell *ce = table_cell(t, t->header_rows, c);
			if (ce->text && is_code_column_name(ce->text))
				add_part(&path, ce->text, &last, ce);
		}
		t->paths[c] = arena_strndup(doc->arena, path.buf, path.len);
	}
	sbuf_release(&path);
	if (!t->unit)
		unit_from_cells(doc, t);
}
