/*
 * xlsx: the workbook emitter.  See xlsx.h.
 *
 * libxlsxwriter keeps the whole workbook in memory and writes the file at
 * workbook_close, so cells may be written in any order: the first sheet's
 * three lists (tables, checks, warnings) sit side by side, each with its own
 * row counter, and grow as documents are added.
 *
 * A table's sheet: rows 1-5 say title, unit, pages, schema and document;
 * the printed grid starts on row 7, one grid slot per cell, a merged cell
 * merged over the slots it covers (worksheet_merge_range), header rows bold.
 * A body cell on which a mapped value sits (row.source, column.source) is
 * that value: a number shown with the decimals it was printed with
 * (number format 0.00 for two, #,##0.00 when printed with group commas), in
 * the table's unit as the JSON gives it (--unit converts).  Any other cell
 * is its printed text.
 *
 * Exactness: a spreadsheet number is a binary double.  The double written
 * is the one nearest the exact decimal (strtod of its exact digits); an
 * amount of at most XLSX_MAX_DIGITS significant digits comes back from it
 * unchanged at its printed decimals.  A longer one is written as its exact
 * text instead, and counted and listed as a warning (amount_as_text).
 *
 * Sheet names: Excel allows 31 characters (UTF-16 units), none of []:*?/\,
 * not beginning or ending with an apostrophe, unique without regard to
 * case.  A name is "ID TITLE" cut to fit, forbidden characters and control
 * characters made '_', and "~2", "~3" … added when it is taken.
 */
#include "emit/xlsx.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "core/sbuf.h"

#define SHEET_MAX 31          /* UTF-16 units in a sheet name */
#define CELL_TEXT_MAX 32767   /* bytes written to one cell (Excel: characters) */
#define GRID_TOP 6            /* the grid's first sheet row (0-based) */
#define MAX_FORMAT_DECIMALS (DECIMAL_MAX_SCALE + 1)

enum { LIST_TABLES, LIST_CHECKS, LIST_WARNINGS, LISTS };
static const int list_col[LISTS] = { 0, 10, 20 };

struct xlsx_book {
	lxw_workbook *wb;
	lxw_worksheet *summary;
	lxw_row_t next[LISTS];
	lxw_format *bold, *header, *wrap;
	lxw_format *number[MAX_FORMAT_DECIMALS][2]; /* [decimals][grouped], made when first needed */
	char **names;                               /* sheet names taken, ASCII letters lowercased */
	size_t nnames;
	lxw_error failed; /* the first libxlsxwriter error */
};

static void note(xlsx_book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->failed == LXW_NO_ERROR)
		b->failed = e;
}

/* Text a cell may hold: NULL as "", cut at a character boundary under CELL_TEXT_MAX bytes. */
static const char *cell_text(const char *s, sbuf *tmp)
{
	if (!s)
		return "";
	size_t n = strlen(s);
	if (n <= CELL_TEXT_MAX)
		return s;
	size_t cut = CELL_TEXT_MAX;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	sbuf_reset(tmp);
	sbuf_add(tmp, s, cut);
	return tmp->buf;
}

static void put_text(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
	sbuf tmp = SBUF_INIT;
	const char *t = cell_text(s, &tmp);
	if (*t)
		note(b, worksheet_write_string(ws, r, c, t, f));
	sbuf_release(&tmp);
}

static lxw_format *number_format(xlsx_book *b, int decimals, bool grouped)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals >= MAX_FORMAT_DECIMALS)
		decimals = MAX_FORMAT_DECIMALS - 1;
	lxw_format **slot = &b->number[decimals][grouped];
	if (!*slot) {
		char spec[32];
		snprintf(spec, sizeof spec, "%s%s%.*s", grouped ? "#,##0" : "0", decimals ? "." : "", decimals,
		         "0000000000");
		*slot = workbook_add_format(b->wb);
		format_set_num_format(*slot, spec);
	}
	return *slot;
}

/* Significant digits of d: those of |units| without its trailing zeros. */
static int significant_digits(decimal d)
{
	uint64_t m = d.units < 0 ? (uint64_t)0 - (uint64_t)d.units : (uint64_t)d.units;
	while (m && m % 10 == 0)
		m /= 10;
	int n = 0;
	while (m) {
		m /= 10;
		n++;
	}
	return n;
}

/*
 * Writes an exact amount: a number when XLSX_MAX_DIGITS digits carry it,
 * else its exact text.  Returns true when written as text.  printed (may be
 * NULL) is the cell as printed: group commas there give a grouped format.
 */
static bool put_amount(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, decimal d, const char *printed)
{
	sbuf s = SBUF_INIT;
	bool as_text = d.overflow || significant_digits(d) > XLSX_MAX_DIGITS;
	if (!d.overflow)
		decimal_format(d, &s);
	if (as_text) {
		note(b, worksheet_write_string(ws, r, c, d.overflow ? "" : s.buf, NULL));
	} else {
		bool grouped = printed && (strchr(printed, ',') || strstr(printed, "\xEF\xBC\x8C"));
		note(b, worksheet_write_number(ws, r, c, strtod(s.buf, NULL), number_format(b, d.scale, grouped)));
	}
	sbuf_release(&s);
	return as_text;
}

static void lower_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

static bool name_taken(const xlsx_book *b, const char *name)
{
	char *low = strdup(name);
	if (!low)
		return true;
	lower_ascii(low);
	bool taken = false;
	for (size_t i = 0; i < b->nnames && !taken; i++)
		taken = strcmp(b->names[i], low) == 0;
	free(low);
	return taken;
}

/* Appends to out the characters of s that fit in `room` UTF-16 units, made safe; returns the units used. */
static size_t add_safe(sbuf *out, const char *s, size_t room)
{
	size_t used = 0, n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		size_t units = cp >= 0x10000 ? 2 : 1;
		if (used + units > room)
			break;
		if (cp < 0x20 || cp == 0x7F || (cp < 0x80 && strchr("[]:*?/\\", (int)cp)))
			sbuf_addch(out, '_');
		else
			sbuf_add_utf8(out, cp);
		used += units;
		i += k;
	}
	return used;
}

/* A safe, unused sheet name for table t, recorded as taken; written to out. */
static void sheet_name(xlsx_book *b, const table *t, sbuf *out)
{
	sbuf base = SBUF_INIT;
	sbuf_addstr(&base, t->id ? t->id : "table");
	if (t->title && *t->title) {
		sbuf_addch(&base, ' ');
		sbuf_addstr(&base, t->title);
	}
	for (int n = 1;; n++) {
		char suffix[16] = "";
		if (n > 1)
			snprintf(suffix, sizeof suffix, "~%d", n);
		sbuf_reset(out);
		add_safe(out, base.buf, SHEET_MAX - strlen(suffix));
		while (out->len && (out->buf[out->len - 1] == ' ' || out->buf[out->len - 1] == '\''))
			sbuf_setlen(out, out->len - 1);
		if (out->len && out->buf[0] == '\'')
			out->buf[0] = '_';
		sbuf_addstr(out, suffix);
		if (!name_taken(b, out->buf))
			break;
	}
	sbuf_release(&base);
	char **grown = realloc(b->names, (b->nnames + 1) * sizeof *grown);
	char *low = strdup(out->buf);
	if (grown)
		b->names = grown;
	if (grown && low) {
		lower_ascii(low);
		b->names[b->nnames++] = low;
	} else {
		free(low);
	}
}

/* The pages a table spans, "10" or "12,13". */
static void pages_text(const table *t, sbuf *out)
{
	int last = -1;
	for (size_t i = 0; i < t->parts.len; i++) {
		int p = t->parts.items[i].page;
		if (p <= 0 || p == last)
			continue;
		if (out->len)
			sbuf_addch(out, ',');
		sbuf_addf(out, "%d", p);
		last = p;
	}
}

xlsx_book *xlsx_open(const char *path, error *err)
{
	xlsx_book *b = calloc(1, sizeof *b);
	if (!b || !(b->wb = workbook_new(path))) {
		free(b);
		error_set(err, ERROR_OUTPUT, 0, "cannot start a workbook");
		return NULL;
	}
	b->bold = workbook_add_format(b->wb);
	format_set_bold(b->bold);
	b->header = workbook_add_format(b->wb);
	format_set_bold(b->header);
	format_set_text_wrap(b->header);
	format_set_align(b->header, LXW_ALIGN_CENTER);
	format_set_align(b->header, LXW_ALIGN_VERTICAL_CENTER);
	b->wrap = workbook_add_format(b->wb);
	format_set_text_wrap(b->wrap);
	b->summary = workbook_add_worksheet(b->wb, "tables");
	static const char *const titles[LISTS] = { "tables", "checks", "warnings" };
	static const char *const heads[LISTS][10] = {
		{ "document", "table", "sheet", "title", "schema", "unit", "pages", "rows", "checks holding" },
		{ "document", "table", "rule", "row", "column", "expected", "found", "ok", "tolerance" },
		{ "document", "code", "page", "table", "message" },
	};
	for (int l = 0; l < LISTS; l++) {
		put_text(b, b->summary, 0, (lxw_col_t)list_col[l], titles[l], b->bold);
		for (int k = 0; heads[l][k]; k++)
			put_text(b, b->summary, 1, (lxw_col_t)(list_col[l] + k), heads[l][k], b->bold);
		b->next[l] = 2;
	}
	worksheet_freeze_panes(b->summary, 2, 0);
	return b;
}

static void add_check(xlsx_book *b, const document *doc, const char *tables, const check *c, size_t *as_text)
{
	lxw_worksheet *ws = b->summary;
	lxw_row_t r = b->next[LIST_CHECKS]++;
	lxw_col_t c0 = (lxw_col_t)list_col[LIST_CHECKS];
	put_text(b, ws, r, c0, doc->path, NULL);
	put_text(b, ws, r, c0 + 1, tables, NULL);
	put_text(b, ws, r, c0 + 2, c->rule, NULL);
	put_text(b, ws, r, c0 + 3, c->row, NULL);
	put_text(b, ws, r, c0 + 4, c->column, NULL);
	*as_text += put_amount(b, ws, r, c0 + 5, c->expected, NULL);
	*as_text += put_amount(b, ws, r, c0 + 6, c->found, NULL);
	note(b, worksheet_write_boolean(ws, r, c0 + 7, c->ok, NULL));
	*as_text += put_amount(b, ws, r, c0 + 8, c->tolerance, NULL);
}

static void add_warning(xlsx_book *b, const document *doc, const char *code, int page, const char *table,
                        const char *message)
{
	lxw_worksheet *ws = b->summary;
	lxw_row_t r = b->next[LIST_WARNINGS]++;
	lxw_col_t c0 = (lxw_col_t)list_col[LIST_WARNINGS];
	put_text(b, ws, r, c0, doc->path, NULL);
	put_text(b, ws, r, c0 + 1, code, NULL);
	if (page)
		note(b, worksheet_write_number(ws, r, c0 + 2, page, NULL));
	put_text(b, ws, r, c0 + 3, table, NULL);
	put_text(b, ws, r, c0 + 4, message, NULL);
}

/* One table's sheet; returns the amounts written as text. */
static size_t add_table(xlsx_book *b, const document *doc, const table *t, const char *name)
{
	size_t as_text = 0;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	if (!ws) {
		note(b, LXW_ERROR_SHEETNAME_ALREADY_USED);
		return 0;
	}
	sbuf pages = SBUF_INIT;
	pages_text(t, &pages);
	static const char *const labels[] = { "unit", "pages", "schema", "document" };
	const char *values[] = { t->unit, pages.buf, t->schema, doc->path };
	put_text(b, ws, 0, 0, t->title ? t->title : t->id, b->bold);
	for (int i = 0; i < 4; i++) {
		put_text(b, ws, (lxw_row_t)(i + 1), 0, labels[i], b->bold);
		put_text(b, ws, (lxw_row_t)(i + 1), 1, values[i], NULL);
	}
	sbuf_release(&pages);

	/* the mapped number sitting on each grid slot, when one does */
	const value **on = table_slot_numbers_new(t);
	size_t rows = t->nrows, cols = t->ncols;
	if (rows > LXW_ROW_MAX - GRID_TOP)
		rows = LXW_ROW_MAX - GRID_TOP;
	if (cols > LXW_COL_MAX)
		cols = LXW_COL_MAX;
	for (size_t r = 0; r < rows; r++)
		for (size_t c = 0; c < cols; c++) {
			const cell *ce = table_cell(t, r, c);
			if (!ce->rowspan)
				continue; /* covered by a merged cell */
			lxw_row_t sr = (lxw_row_t)(GRID_TOP + r);
			lxw_col_t sc = (lxw_col_t)c;
			bool head = r < t->header_rows;
			const value *v = on ? on[r * t->ncols + c] : NULL;
			lxw_format *f = head ? b->header : NULL;
			if (v && !v->number.overflow && significant_digits(v->number) <= XLSX_MAX_DIGITS)
				f = number_format(b, v->number.scale,
				                  ce->text && (strchr(ce->text, ',') || strstr(ce->text, "\xEF\xBC\x8C")));
			if (ce->rowspan > 1 || ce->colspan > 1) {
				size_t r1 = r + (size_t)ce->rowspan - 1, c1 = c + (size_t)ce->colspan - 1;
				if (r1 >= rows)
					r1 = rows - 1;
				if (c1 >= cols)
					c1 = cols - 1;
				sbuf tmp = SBUF_INIT;
				note(b, worksheet_merge_range(ws, sr, sc, (lxw_row_t)(GRID_TOP + r1), (lxw_col_t)c1,
				                              v ? "" : cell_text(ce->text, &tmp), f));
				sbuf_release(&tmp);
				if (v)
					as_text += put_amount(b, ws, sr, sc, v->number, ce->text);
			} else if (v) {
				as_text += put_amount(b, ws, sr, sc, v->number, ce->text);
			} else {
				put_text(b, ws, sr, sc, ce->text, f);
			}
		}
	free(on);
	if (t->header_rows && t->header_rows <= rows)
		worksheet_freeze_panes(ws, (lxw_row_t)(GRID_TOP + t->header_rows), 0);
	return as_text;
}

int xlsx_add(xlsx_book *b, const document *doc, size_t *as_text, error *err)
{
	size_t text_count = 0;
	sbuf name = SBUF_INIT, pages = SBUF_INIT, link = SBUF_INIT;
	lxw_worksheet *ws = b->summary;
	for (size_t i = 0; i < doc->tables.len; i++) {
		const table *t = doc->tables.items[i];
		sheet_name(b, t, &name);
		size_t n = add_table(b, doc, t, name.buf);
		lxw_row_t r = b->next[LIST_TABLES]++;
		put_text(b, ws, r, 0, doc->path, NULL);
		put_text(b, ws, r, 1, t->id, NULL);
		sbuf_reset(&link);
		sbuf_addstr(&link, "internal:'");
		for (const char *p = name.buf; *p; p++) {
			if (*p == '\'')
				sbuf_addch(&link, '\'');
			sbuf_addch(&link, *p);
		}
		sbuf_addstr(&link, "'!A1");
		note(b, worksheet_write_url_opt(ws, r, 2, link.buf, NULL, name.buf, NULL));
		put_text(b, ws, r, 3, t->title, NULL);
		put_text(b, ws, r, 4, t->schema, NULL);
		put_text(b, ws, r, 5, t->unit, NULL);
		sbuf_reset(&pages);
		pages_text(t, &pages);
		put_text(b, ws, r, 6, pages.buf, NULL);
		note(b, worksheet_write_number(ws, r, 7, (double)t->rows.len, NULL));
		size_t ok = 0;
		for (size_t k = 0; k < t->checks.len; k++) {
			ok += t->checks.items[k].ok;
			add_check(b, doc, t->id, &t->checks.items[k], &n);
		}
		sbuf_reset(&pages);
		sbuf_addf(&pages, "%zu/%zu", ok, t->checks.len);
		put_text(b, ws, r, 8, pages.buf, NULL);
		if (n) {
			sbuf_reset(&link);
			sbuf_addf(&link, "%zu amounts of more than %d significant digits written as text "
			          "(a spreadsheet number holds %d exactly)", n, XLSX_MAX_DIGITS, XLSX_MAX_DIGITS);
			add_warning(b, doc, "amount_as_text", table_first_page(t), t->id, link.buf);
		}
		text_count += n;
	}
	for (size_t k = 0; k < doc->document_checks.len; k++)
		add_check(b, doc, doc->document_checks.items[k].tables, &doc->document_checks.items[k], &text_count);
	for (size_t k = 0; k < doc->warnings.len; k++) {
		const warning *w = &doc->warnings.items[k];
		add_warning(b, doc, w->code, w->page, w->table, w->message);
	}
	sbuf_release(&name);
	sbuf_release(&pages);
	sbuf_release(&link);
	if (as_text)
		*as_text = text_count;
	if (b->failed != LXW_NO_ERROR) {
		error_set(err, ERROR_OUTPUT, 0, "cannot add to the workbook: %s", lxw_strerror(b->failed));
		return -1;
	}
	return 0;
}

int xlsx_close(xlsx_book *b, error *err)
{
	if (!b)
		return 0;
	lxw_error e = workbook_close(b->wb);
	for (size_t i = 0; i < b->nnames; i++)
		free(b->names[i]);
	free(b->names);
	int rc = 0;
	if (b->failed != LXW_NO_ERROR || e != LXW_NO_ERROR) {
		error_set(err, ERROR_OUTPUT, 0, "cannot write the workbook: %s",
		          lxw_strerror(b->failed != LXW_NO_ERROR ? b->failed : e));
		rc = -1;
	}
	free(b);
	return rc;
}
