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

static void add_field(sbuf *b, const char *s)
{
	if (!s)
		s = "";
	size_t n = strlen(s);
	bool quote = n && (s[0] == ' ' || s[n - 1] == ' ');
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (!quote) {
		sbuf_add(b, s, n);
		return;
	}
	sbuf_addch(b, '"');
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

int csv_write_header(FILE *out, bool bom, error *err)
{
	sbuf b = SBUF_INIT;
	if (bom)
		sbuf_addstr(&b, "\xEF\xBB\xBF");
	sbuf_addstr(&b, "doc,table_id,schema,page,row_code,row_label,side,group,column,value,unit");
	int rc = flush_line(&b, out, err);
	sbuf_release(&b);
	return rc;
}

int csv_write_rows(const document *doc, FILE *out, error *err)
{
	sbuf b = SBUF_INIT, num = SBUF_INIT;
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
				add_field(&b, doc->path);
				sbuf_addch(&b, ',');
				add_field(&b, t->id);
				sbuf_addch(&b, ',');
				add_field(&b, t->schema);
				sbuf_addch(&b, ',');
				add_field(&b, pageno);
				sbuf_addch(&b, ',');
				add_field(&b, rw->code);
				sbuf_addch(&b, ',');
				add_field(&b, rw->label);
				sbuf_addch(&b, ',');
				add_field(&b, rw->side);
				sbuf_addch(&b, ',');
				add_field(&b, rw->group);
				sbuf_addch(&b, ',');
				add_field(&b, t->columns.items[k].key);
				sbuf_addch(&b, ',');
				if (v->kind == VALUE_NUMBER) {
					sbuf_reset(&num);
					decimal_format(v->number, &num);
					add_field(&b, num.buf);
				} else if (v->kind == VALUE_TEXT) {
					add_field(&b, v->text);
				}
				sbuf_addch(&b, ',');
				add_field(&b, t->unit);
				rc = flush_line(&b, out, err);
			}
		}
	}
	sbuf_release(&b);
	sbuf_release(&num);
	return rc;
}

int csv_write(const document *doc, FILE *out, bool bom, error *err)
{
	if (csv_write_header(out, bom, err) < 0)
		return -1;
	return csv_write_rows(doc, out, err);
}
