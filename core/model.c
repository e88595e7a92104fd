/*
 * model: constructors for the document model; see model.h.
 */
#include "core/model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

document *doc_new(const char *path)
{
	arena *a = arena_new();
	document *doc = arena_alloc(a, sizeof(document));
	doc->arena = a;
	doc->path = arena_strdup(a, path ? path : "-");
	doc->media = "pdf";
	return doc;
}

void doc_free(document *doc)
{
	if (doc)
		arena_free(doc->arena);
}

void doc_warn(document *doc, const char *code, int page, const table *t, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	warning *w = VEC_PUSH(doc->arena, &doc->warnings);
	w->code = code;
	w->page = page;
	w->table = t && t->id ? arena_strdup(doc->arena, t->id) : NULL;
	w->message = arena_strdup(doc->arena, buf);
}

bool doc_cells_fit(document *doc, size_t nrows, size_t ncols)
{
	if (!doc->max_cells || !nrows || !ncols)
		return true;
	size_t left = doc->cells < doc->max_cells ? doc->max_cells - doc->cells : 0;
	if (ncols <= left && nrows <= left / ncols)
		return true;
	doc->over_limit = true;
	return false;
}

int table_first_page(const table *t)
{
	return t && t->parts.len ? t->parts.items[0].page : 0;
}

table *doc_add_table(document *doc, size_t nrows, size_t ncols)
{
	doc_cells_fit(doc, nrows, ncols);
	doc->cells += nrows * ncols;
	table *t = arena_alloc(doc->arena, sizeof(table));
	t->nrows = nrows;
	t->ncols = ncols;
	t->cells = arena_calloc(doc->arena, nrows * ncols > 0 ? nrows * ncols : 1, sizeof(cell));
	t->paths = arena_calloc(doc->arena, ncols ? ncols : 1, sizeof(char *));
	for (size_t i = 0; i < nrows * ncols; i++) {
		t->cells[i].text = "";
		t->cells[i].rowspan = t->cells[i].colspan = 1;
	}
	*VEC_PUSH(doc->arena, &doc->tables) = t;
	t->id = arena_printf(doc->arena, "t%02zu", doc->tables.len);
	return t;
}

int table_row_page(const table *t, size_t r)
{
	int pageno = 0;
	for (size_t i = 0; i < t->parts.len; i++)
		if (t->parts.items[i].first_row <= r || i == 0)
			pageno = t->parts.items[i].page;
	return pageno;
}

const value **table_slot_numbers_new(const table *t)
{
	size_t slots = t->nrows * t->ncols;
	const value **on = slots ? calloc(slots, sizeof *on) : NULL;
	for (size_t i = 0; i < t->rows.len && on; i++) {
		const row *rw = &t->rows.items[i];
		if (!rw->values || rw->source < 0 || (size_t)rw->source >= t->nrows)
			continue;
		for (size_t k = 0; k < t->columns.len; k++) {
			int src = t->columns.items[k].source;
			size_t at = (size_t)rw->source * t->ncols + (size_t)src;
			if (src >= 0 && (size_t)src < t->ncols && !on[at] && rw->values[k].kind == VALUE_NUMBER)
				on[at] = &rw->values[k];
		}
	}
	return on;
}

const char *doc_kind_name(enum doc_kind kind)
{
	switch (kind) {
	case KIND_FINAL_ACCOUNTS: return "final_accounts";
	case KIND_BUDGET: return "budget";
	case KIND_PERFORMANCE: return "performance";
	default: return "unknown";
	}
}

const char *doc_scan_unread(const document *doc)
{
	if (doc->text_layer != LAYER_NONE)
		return NULL;
	for (size_t i = 0; i < doc->pages.len; i++)
		if (doc->pages.items[i].ocr)
			return NULL;
	for (size_t i = 0; i < doc->warnings.len; i++)
		if (!strcmp(doc->warnings.items[i].code, "ocr_unavailable"))
			return doc->warnings.items[i].message;
	return "no page could be read";
}

const char *text_layer_name(enum text_layer layer)
{
	switch (layer) {
	case LAYER_PARTIAL: return "partial";
	case LAYER_NONE: return "none";
	default: return "full";
	}
}
