/*
 * csv: the long CSV emitter.  See csv.h.
 *
 * Every line is built in an sbuf and written with one fwrite; a short
 * write is an output error.  Loop order is the model's: tables, then rows,
 * then columns, so the output is as stable as the model.  The wide CSV of
 * one table walks its printed grid the same way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sbuf.h"
#include "emit/csv.h"

/* Would a spreadsheet read this text as a formula (OWASP CSV injection)? */
static bool formula_like(const char *s)
{
	return *s && strchr("=+-@\t\r", *s);
}

/* A field: quoted when RFC 4180 needs it; text that reads as a formula gets
 * a leading single quote (and quotes) unless raw. */
static void add_text(sbuf *b, const char *s, bool raw)
{
	if (!s)
		s = "";
	size_t n = strlen(s);
	bool defuse = !raw && formula_like(s);
	bool quote = defuse || (n && (s[0] == ' ' || s[n - 1] == ' '));
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (!quote) {
		sbuf_add(b, s, n);
		return;
	}
	sbuf_addch(b, '"');
	if (defuse)
		sbuf_addch(b, '\'');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			sbuf_addch(b, '"');
		sbuf_addch(b, s[i]);
	}
	sbuf_addch(b, '"');
}

static int flush_line(sbuf *b, FILE *out, error *err)
{
	sbuf_addstr(b, "\r\n");
	if (fwrite(b->buf, 1, b->len, out) != b->len) {
		error_set(err, ERROR_OUTPUT, 0, "cannot write CSV output");
		return -1;
	}
	sbuf_reset(b);
	return 0;
}

int csv_write_header(FILE *out, const csv_options *opt, error *err)
{
	sbuf b = SBUF_INIT;
	if (opt && opt->bom)
		sbuf_addstr(&b, "\xEF\xBB\xBF");
	sbuf_addstr(&b, "doc,table_id,schema,page,row_code,row_label,side,group,column,value,unit");
	int rc = flush_line(&b, out, err);
	sbuf_release(&b);
	return rc;
}

int csv_write_rows(const document *doc, FILE *out, const csv_options *opt, error *err)
{
	sbuf b = SBUF_INIT, num = SBUF_INIT;
	bool raw = opt && opt->raw;
	int rc = 0;
	for (size_t i = 0; i < doc->tables.len && rc == 0; i++) {
		const table *t = doc->tables.items[i];
		for (size_t r = 0; r < t->rows.len && rc == 0; r++) {
			char pageno[16] = "";
			int rp = table_row_page(t, (size_t)t->rows.items[r].source);
			if (rp > 0)
				snprintf(pageno, sizeof pageno, "%d", rp);
			const row *rw = &t->rows.items[r];
			for (size_t k = 0; k < t->columns.len && rc == 0; k++) {
				const value *v = &rw->values[k];
				add_text(&b, doc->path, raw);
				sbuf_addch(&b, ',');
				add_text(&b, t->id, raw);
				sbuf_addch(&b, ',');
				add_text(&b, t->schema, raw);
				sbuf_addch(&b, ',');
				sbuf_addstr(&b, pageno);
				sbuf_addch(&b, ',');
				add_text(&b, rw->code, raw);
				sbuf_addch(&b, ',');
				add_text(&b, rw->label, raw);
				sbuf_addch(&b, ',');
				add_text(&b, rw->side, raw);
				sbuf_addch(&b, ',');
				add_text(&b, rw->group, raw);
				sbuf_addch(&b, ',');
				add_text(&b, t->columns.items[k].key, raw);
				sbuf_addch(&b, ',');
				if (v->kind == VALUE_NUMBER) {
					sbuf_reset(&num);
					decimal_format(v->number, &num);
					sbuf_addstr(&b, num.buf);
				} else if (v->kind == VALUE_TEXT) {
					add_text(&b, v->text, raw);
				}
				sbuf_addch(&b, ',');
				add_text(&b, t->unit, raw);
				rc = flush_line(&b, out, err);
			}
		}
	}
	sbuf_release(&b);
	sbuf_release(&num);
	return rc;
}

int csv_write(const document *doc, FILE *out, const csv_options *opt, error *err)
{
	if (csv_write_header(out, opt, err) < 0)
		return -1;
	return csv_write_rows(doc, out, opt, err);
}

/* Appends s to out with '/', '\\' and control characters as '_', at most room bytes (whole characters). */
static void add_name_part(sbuf *out, const char *s, size_t room)
{
	size_t n = strlen(s), start = out->len;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		bool bad = cp < 0x20 || cp == 0x7F || cp == '/' || cp == '\\' || (cp >= 0x80 && cp < 0xA0);
		size_t need = bad ? 1 : k;
		if (out->len - start + need > room)
			break;
		if (bad)
			sbuf_addch(out, '_');
		else
			sbuf_add_utf8(out, cp);
		i += k;
	}
}

void csv_wide_name(const document *doc, const table *t, int dup, sbuf *out)
{
	sbuf_reset(out);
	const char *path = doc->path ? doc->path : "";
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t stem = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	sbuf part = SBUF_INIT;
	sbuf_add(&part, base, stem);
	if (!part.len || strcmp(part.buf, "-") == 0) {
		sbuf_reset(&part);
		sbuf_addstr(&part, "stdin");
	}
	size_t room = CSV_WIDE_NAME_MAX - 4; /* ".csv" */
	add_name_part(out, part.buf, room / 2);
	if (dup > 1)
		sbuf_addf(out, "~%d", dup);
	sbuf_addch(out, '.');
	add_name_part(out, t->id ? t->id : "table", 16);
	if (t->title && *t->title) {
		sbuf_addch(out, ' ');
		add_name_part(out, t->title, room > out->len ? room - out->len : 0);
	}
	while (out->len && (out->buf[out->len - 1] == ' ' || out->buf[out->len - 1] == '.'))
		sbuf_setlen(out, out->len - 1);
	if (out->buf[0] == '.')
		out->buf[0] = '_';
	sbuf_addstr(out, ".csv");
	sbuf_release(&part);
}

int csv_write_wide(const document *doc, const table *t, FILE *out, const csv_options *opt, error *err)
{
	sbuf b = SBUF_INIT;
	bool raw = opt && opt->raw;
	int rc = 0;
	if (opt && opt->bom)
		sbuf_addstr(&b, "\xEF\xBB\xBF");
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			sbuf_addch(&b, ',');
		add_text(&b, t->paths ? t->paths[c] : NULL, raw);
	}
	rc = flush_line(&b, out, err);
	/* the mapped number sitting on each grid slot, when one does */
	const value **on = table_slot_numbers_new(t);
	if (t->nrows && t->ncols && !on) {
		error_set(err, ERROR_INTERNAL, 0, "out of memory");
		rc = -1;
	}
	for (size_t r = t->header_rows; r < t->nrows && rc == 0; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				sbuf_addch(&b, ',');
			const cell *ce = table_cell(t, r, c);
			const value *v = on[r * t->ncols + c];
			if (!ce->rowspan)
				continue;
			if (v && !v->number.overflow)
				decimal_format(v->number, &b);
			else
				add_text(&b, ce->text, raw);
		}
		rc = flush_line(&b, out, err);
	}
	free(on);
	sbuf_release(&b);
	(void)doc;
	return rc;
}
