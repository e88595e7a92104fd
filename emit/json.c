/*
 * json: writes the model as disclex/1 JSON.
 *
 * Keys come in the fixed order of docs/output.md, amounts are printed from
 * their exact decimals, and nothing depends on the locale or the machine, so
 * the same document gives the same bytes every time.  Pretty output puts
 * one object per line inside long arrays (blocks, rows, checks) and one
 * printed row per line in `cells`, which keeps golden diffs readable.
 *
 * With --facts, a `facts` array (before `warnings`) lists each figure stated
 * in running text with what it measures, its exact value, unit, block and page.
 *
 * Merged cells: a merged cell's text is in its top-left slot and the slots it
 * covers are null; `spans` lists each merged cell as [row, col, rowspan,
 * colspan].  `header_rows` says how many leading rows of `cells` are header.
 */
#include "emit/json.h"

#include <stdio.h>
#include <string.h>

#include "core/version.h"

void json_string(sbuf *out, const char *s)
{
	if (!s) {
		sbuf_addstr(out, "null");
		return;
	}
	sbuf_addch(out, '"');
	size_t n = strlen(s), i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			switch (c) {
			case '"': sbuf_addstr(out, "\\\""); break;
			case '\\': sbuf_addstr(out, "\\\\"); break;
			case '\n': sbuf_addstr(out, "\\n"); break;
			case '\r': sbuf_addstr(out, "\\r"); break;
			case '\t': sbuf_addstr(out, "\\t"); break;
			default:
				if (c < 0x20 || c == 0x7F)
					sbuf_addf(out, "\\u%04x", c);
				else
					sbuf_addch(out, (char)c);
			}
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (cp == 0x2028 || cp == 0x2029)
			sbuf_addf(out, "\\u%04x", cp);
		else
			sbuf_add_utf8(out, cp);
		i += k;
	}
	sbuf_addch(out, '"');
}

typedef struct writer {
	sbuf *out;
	bool pretty;
} writer;

static void nl(writer *w, int depth)
{
	if (!w->pretty)
		return;
	sbuf_addch(w->out, '\n');
	for (int i = 0; i < depth; i++)
		sbuf_addstr(w->out, "  ");
}

static void key(writer *w, const char *k)
{
	json_string(w->out, k);
	sbuf_addstr(w->out, w->pretty ? ": " : ":");
}

static void sep(writer *w)
{
	sbuf_addstr(w->out, w->pretty ? ", " : ",");
}

static void decimal_json(sbuf *out, decimal d)
{
	if (d.overflow)
		sbuf_addstr(out, "null");
	else
		decimal_format(d, out);
}

static void coord(sbuf *out, double v)
{
	/* Geometry, not an amount: one decimal is enough to find a table on its page. */
	long tenths = (long)(v * 10 + (v >= 0 ? 0.5 : -0.5));
	if (tenths < 0) {
		sbuf_addch(out, '-');
		tenths = -tenths;
	}
	sbuf_addf(out, "%ld", tenths / 10);
	if (tenths % 10)
		sbuf_addf(out, ".%ld", tenths % 10);
}

static void write_value(sbuf *out, const value *v)
{
	if (!v || v->kind == VALUE_NULL)
		sbuf_addstr(out, "null");
	else if (v->kind == VALUE_NUMBER)
		decimal_json(out, v->number);
	else
		json_string(out, v->text);
}

static void write_source(writer *w, const document *doc)
{
	sbuf *o = w->out;
	key(w, "source");
	sbuf_addch(o, '{');
	key(w, "path"); json_string(o, doc->path); sep(w);
	key(w, "sha256"); json_string(o, doc->sha256[0] ? doc->sha256 : NULL); sep(w);
	key(w, "media"); json_string(o, doc->media); sep(w);
	key(w, "pages");
	if (strcmp(doc->media, "pdf") == 0)
		sbuf_addf(o, "%zu", doc->pages.len);
	else
		sbuf_addstr(o, "null");
	sep(w);
	key(w, "producer"); json_string(o, doc->producer); sep(w);
	key(w, "text_layer"); json_string(o, text_layer_name(doc->text_layer)); sep(w);
	key(w, "generator"); json_string(o, "disclex " DISCLEX_VERSION);
	sbuf_addch(o, '}');
}

static void write_document(writer *w, const document *doc)
{
	sbuf *o = w->out;
	key(w, "document");
	sbuf_addch(o, '{');
	key(w, "kind"); json_string(o, doc_kind_name(doc->kind)); sep(w);
	key(w, "year");
	if (doc->year)
		sbuf_addf(o, "%d", doc->year);
	else
		sbuf_addstr(o, "null");
	sep(w);
	key(w, "department"); json_string(o, doc->department); sep(w);
	key(w, "title"); json_string(o, doc->title);
	sbuf_addch(o, '}');
}

static void write_blocks(writer *w, const document *doc)
{
	sbuf *o = w->out;
	key(w, "blocks");
	sbuf_addch(o, '[');
	for (size_t i = 0; i < doc->blocks.len; i++) {
		const block *b = &doc->blocks.items[i];
		if (i)
			sbuf_addch(o, ',');
		nl(w, 2);
		sbuf_addch(o, '{');
		static const char *const types[] = { "heading", "paragraph", "item", "toc" };
		key(w, "type"); json_string(o, types[b->type]); sep(w);
		if (b->type == BLOCK_HEADING || b->type == BLOCK_ITEM) {
			key(w, "level"); sbuf_addf(o, "%d", b->level); sep(w);
		}
		key(w, "text"); json_string(o, b->text); sep(w);
		if (b->type == BLOCK_TOC) {
			key(w, "entries");
			sbuf_addch(o, '[');
			for (size_t e = 0; e < b->entries.len; e++) {
				const toc_entry *te = &b->entries.items[e];
				if (e)
					sbuf_addch(o, ',');
				nl(w, 3);
				sbuf_addch(o, '{');
				key(w, "text"); json_string(o, te->text); sep(w);
				key(w, "level");
				if (te->level)
					sbuf_addf(o, "%d", te->level);
				else
					sbuf_addstr(o, "null");
				sep(w);
				key(w, "page");
				if (te->page)
					sbuf_addf(o, "%d", te->page);
				else
					sbuf_addstr(o, "null");
				sbuf_addch(o, '}');
			}
			if (b->entries.len)
				nl(w, 2);
			sbuf_addch(o, ']');
			sep(w);
		}
		key(w, "page");
		if (b->page)
			sbuf_addf(o, "%d", b->page);
		else
			sbuf_addstr(o, "null");
		sbuf_addch(o, '}');
	}
	if (doc->blocks.len)
		nl(w, 1);
	sbuf_addch(o, ']');
}

static void write_check(writer *w, const check *c, bool document_level)
{
	sbuf *o = w->out;
	sbuf_addch(o, '{');
	key(w, "rule"); json_string(o, c->rule); sep(w);
	if (document_level) {
		key(w, "tables");
		sbuf_addch(o, '[');
		/* c->tables is "t01,t02". */
		const char *p = c->tables ? c->tables : "";
		bool first = true;
		while (*p) {
			const char *e = strchr(p, ',');
			size_t len = e ? (size_t)(e - p) : strlen(p);
			if (!first)
				sep(w);
			first = false;
			sbuf_addch(o, '"');
			sbuf_add(o, p, len);
			sbuf_addch(o, '"');
			p += len + (e ? 1 : 0);
		}
		sbuf_addch(o, ']');
		sep(w);
		/* A fact's check (text_restates_cell) names its cell. */
		if (c->row) {
			key(w, "row"); json_string(o, c->row); sep(w);
			key(w, "column"); json_string(o, c->column); sep(w);
		}
	} else {
		key(w, "row"); json_string(o, c->row); sep(w);
		key(w, "column"); json_string(o, c->column); sep(w);
	}
	key(w, "expected"); decimal_json(o, c->expected); sep(w);
	key(w, "found"); decimal_json(o, c->found); sep(w);
	key(w, "ok"); sbuf_addstr(o, c->ok ? "true" : "false"); sep(w);
	key(w, "tolerance"); decimal_json(o, c->tolerance);
	sbuf_addch(o, '}');
}

static void write_table(writer *w, const document *doc, const table *t)
{
	sbuf *o = w->out;
	nl(w, 2);
	sbuf_addch(o, '{');
	nl(w, 3); key(w, "id"); json_string(o, t->id); sbuf_addch(o, ',');
	nl(w, 3); key(w, "schema"); json_string(o, t->schema); sbuf_addch(o, ',');
	nl(w, 3); key(w, "title"); json_string(o, t->title); sbuf_addch(o, ',');
	nl(w, 3); key(w, "number"); json_string(o, t->number); sbuf_addch(o, ',');
	nl(w, 3); key(w, "entity"); json_string(o, t->entity); sbuf_addch(o, ',');
	nl(w, 3); key(w, "unit"); json_string(o, t->unit); sbuf_addch(o, ',');
	nl(w, 3); key(w, "pages");
	sbuf_addch(o, '[');
	int last = -1;
	bool first = true;
	for (size_t i = 0; i < t->parts.len; i++) {
		if (t->parts.items[i].page == last || t->parts.items[i].page <= 0)
			continue;
		if (!first)
			sep(w);
		first = false;
		last = t->parts.items[i].page;
		sbuf_addf(o, "%d", last);
	}
	sbuf_addstr(o, "],");
	nl(w, 3); key(w, "bbox");
	sbuf_addch(o, '[');
	first = true;
	for (size_t i = 0; i < t->parts.len; i++) {
		const table_part *p = &t->parts.items[i];
		if (p->page <= 0)
			continue;
		if (!first)
			sep(w);
		first = false;
		sbuf_addf(o, "[%d", p->page);
		double v[4] = { p->bb.x0, p->bb.y0, p->bb.x1, p->bb.y1 };
		for (int k = 0; k < 4; k++) {
			sep(w);
			coord(o, v[k]);
		}
		sbuf_addch(o, ']');
	}
	sbuf_addstr(o, "],");
	nl(w, 3); key(w, "header_rows"); sbuf_addf(o, "%zu,", t->header_rows);
	nl(w, 3); key(w, "columns");
	sbuf_addch(o, '[');
	for (size_t i = 0; i < t->columns.len; i++) {
		const column *c = &t->columns.items[i];
		if (i)
			sbuf_addch(o, ',');
		nl(w, 4);
		sbuf_addch(o, '{');
		key(w, "key"); json_string(o, c->key); sep(w);
		key(w, "header"); json_string(o, c->header);
		sbuf_addch(o, '}');
	}
	if (t->columns.len)
		nl(w, 3);
	sbuf_addstr(o, "],");
	nl(w, 3); key(w, "rows");
	sbuf_addch(o, '[');
	for (size_t i = 0; i < t->rows.len; i++) {
		const row *r = &t->rows.items[i];
		if (i)
			sbuf_addch(o, ',');
		nl(w, 4);
		sbuf_addch(o, '{');
		key(w, "code"); json_string(o, r->code); sep(w);
		key(w, "label"); json_string(o, r->label);
		if (r->level > 0) {
			sep(w); key(w, "level"); sbuf_addf(o, "%d", r->level);
		}
		if (r->parent) {
			sep(w); key(w, "parent"); json_string(o, r->parent);
		}
		if (r->side) {
			sep(w); key(w, "side"); json_string(o, r->side);
		}
		if (r->group) {
			sep(w); key(w, "group"); json_string(o, r->group);
		}
		sep(w);
		key(w, "values");
		sbuf_addch(o, '{');
		for (size_t c = 0; c < t->columns.len; c++) {
			if (c)
				sep(w);
			key(w, t->columns.items[c].key);
			write_value(o, r->values ? &r->values[c] : NULL);
		}
		sbuf_addstr(o, "}}");
	}
	if (t->rows.len)
		nl(w, 3);
	sbuf_addstr(o, "],");
	nl(w, 3); key(w, "checks");
	sbuf_addch(o, '[');
	for (size_t i = 0; i < t->checks.len; i++) {
		if (i)
			sbuf_addch(o, ',');
		nl(w, 4);
		write_check(w, &t->checks.items[i], false);
	}
	if (t->checks.len)
		nl(w, 3);
	sbuf_addstr(o, "],");
	nl(w, 3); key(w, "cells");
	sbuf_addch(o, '[');
	for (size_t r = 0; r < t->nrows; r++) {
		if (r)
			sbuf_addch(o, ',');
		nl(w, 4);
		sbuf_addch(o, '[');
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				sep(w);
			const cell *ce = table_cell(t, r, c);
			json_string(o, ce->rowspan ? ce->text : NULL);
		}
		sbuf_addch(o, ']');
	}
	if (t->nrows)
		nl(w, 3);
	sbuf_addstr(o, "],");
	nl(w, 3); key(w, "spans");
	sbuf_addch(o, '[');
	first = true;
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			const cell *ce = table_cell(t, r, c);
			if (ce->rowspan > 1 || ce->colspan > 1) {
				if (!first)
					sep(w);
				first = false;
				sbuf_addf(o, "[%zu", r);
				sep(w);
				sbuf_addf(o, "%zu", c);
				sep(w);
				sbuf_addf(o, "%d", ce->rowspan);
				sep(w);
				sbuf_addf(o, "%d]", ce->colspan);
			}
		}
	sbuf_addch(o, ']');
	nl(w, 2);
	sbuf_addch(o, '}');
	(void)doc;
}

void json_write(const document *doc, bool pretty, sbuf *out)
{
	writer w = { out, pretty };
	sbuf_addch(out, '{');
	nl(&w, 1); key(&w, "format"); json_string(out, "disclex/1"); sbuf_addch(out, ',');
	nl(&w, 1); write_source(&w, doc); sbuf_addch(out, ',');
	nl(&w, 1); write_document(&w, doc); sbuf_addch(out, ',');
	nl(&w, 1); write_blocks(&w, doc); sbuf_addch(out, ',');
	nl(&w, 1); key(&w, "tables");
	sbuf_addch(out, '[');
	for (size_t i = 0; i < doc->tables.len; i++) {
		if (i)
			sbuf_addch(out, ',');
		write_table(&w, doc, doc->tables.items[i]);
	}
	if (doc->tables.len)
		nl(&w, 1);
	sbuf_addstr(out, "],");
	nl(&w, 1); key(&w, "document_checks");
	sbuf_addch(out, '[');
	for (size_t i = 0; i < doc->document_checks.len; i++) {
		if (i)
			sbuf_addch(out, ',');
		nl(&w, 2);
		write_check(&w, &doc->document_checks.items[i], true);
	}
	if (doc->document_checks.len)
		nl(&w, 1);
	sbuf_addstr(out, "],");
	if (doc->want_facts) {
		nl(&w, 1); key(&w, "facts");
		sbuf_addch(out, '[');
		for (size_t i = 0; i < doc->facts.len; i++) {
			const fact *f = &doc->facts.items[i];
			if (i)
				sbuf_addch(out, ',');
			nl(&w, 2);
			sbuf_addch(out, '{');
			key(&w, "measure"); json_string(out, f->measure); sep(&w);
			key(&w, "subject"); json_string(out, f->subject); sep(&w);
			key(&w, "relation"); json_string(out, f->relation); sep(&w);
			key(&w, "basis"); json_string(out, f->basis); sep(&w);
			key(&w, "year");
			if (f->year)
				sbuf_addf(out, "%d", f->year);
			else
				sbuf_addstr(out, "null");
			sep(&w);
			key(&w, "value");
			if (f->has_value && !f->value.overflow)
				decimal_format_printed(f->value, out);
			else
				sbuf_addstr(out, "null");
			sep(&w);
			key(&w, "text"); json_string(out, f->text); sep(&w);
			key(&w, "unit"); json_string(out, f->unit); sep(&w);
			key(&w, "block"); sbuf_addf(out, "%d", f->block); sep(&w);
			key(&w, "page");
			if (f->page)
				sbuf_addf(out, "%d", f->page);
			else
				sbuf_addstr(out, "null");
			sep(&w);
			key(&w, "cells");
			sbuf_addch(out, '[');
			for (int c = 0; c < f->ncells; c++) {
				const struct fact_cell *fc = &f->cells[c];
				if (c)
					sep(&w);
				sbuf_addch(out, '{');
				key(&w, "table"); json_string(out, fc->table); sep(&w);
				key(&w, "row"); json_string(out, fc->row); sep(&w);
				key(&w, "side"); json_string(out, fc->side); sep(&w);
				key(&w, "column"); json_string(out, fc->column); sep(&w);
				key(&w, "ok"); sbuf_addstr(out, fc->ok ? "true" : "false");
				sbuf_addch(out, '}');
			}
			sbuf_addch(out, ']');
			sbuf_addch(out, '}');
		}
		if (doc->facts.len)
			nl(&w, 1);
		sbuf_addstr(out, "],");
	}
	nl(&w, 1); key(&w, "warnings");
	sbuf_addch(out, '[');
	for (size_t i = 0; i < doc->warnings.len; i++) {
		const warning *wa = &doc->warnings.items[i];
		if (i)
			sbuf_addch(out, ',');
		nl(&w, 2);
		sbuf_addch(out, '{');
		key(&w, "code"); json_string(out, wa->code); sep(&w);
		key(&w, "page");
		if (wa->page)
			sbuf_addf(out, "%d", wa->page);
		else
			sbuf_addstr(out, "null");
		sep(&w);
		key(&w, "table");
		if (wa->table)
			json_string(out, wa->table);
		else
			sbuf_addstr(out, "null");
		sep(&w);
		key(&w, "message"); json_string(out, wa->message);
		sbuf_addch(out, '}');
	}
	if (doc->warnings.len)
		nl(&w, 1);
	sbuf_addch(out, ']');
	nl(&w, 0);
	sbuf_addch(out, '}');
	sbuf_addch(out, '\n');
}
