/*
 * csv: the long CSV emitter.  See csv.h.
 *
 * Every line is built in an sbuf and written with one fwrite; a short
 * write is an output error.  Loop order is the model's: tables, then rows,
 * then columns, so the output is as stable as the model.
 */
#include <stdio.h>
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
