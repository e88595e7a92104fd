/*
 * html: the inspection page of a document (`disclex inspect`): what was read,
 * drawn over the pages it was read from.
 *
 * Each page of the document is rendered with poppler onto a cairo image
 * surface at HTML_DPI, written to PNG in memory and embedded base64 as a
 * data: URL, so the page needs no other file.  Over the image, in a box of
 * the same size, every mapped value gets an absolutely positioned element
 * over the cell it was read from (model.h: value.from, the grid slot; a
 * value not read from one cell is not drawn): the cell keeps its page and box
 * in PDF points on the page of its row (cell.x0 … y1, table_row_page), scaled
 * by HTML_DPI / 72.  The element
 * carries data-table, data-row (the row key: code, else label), data-column
 * (the column key) and data-page, and a title naming them and the value
 * (shown on hover), so scripts and tests can find each cell.  Each table part
 * on the page gets an outline: red when a check of the table failed, orange
 * when a warning is about it.  Beside each page, the tables starting on it:
 * id, title, schema, failed checks, warnings and the mapped rows.
 *
 * Every text from the document (titles, labels, cell text) is escaped; the
 * page holds no script.  Pages in a turned orientation (page.turn) are drawn
 * as stored, unturned: their boxes are not drawn.
 */
#include <cairo.h>
#include <poppler.h>
#include <string.h>

#include "core/decimal.h"
#include "emit/html.h"

static void esc(sbuf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': sbuf_addstr(out, "&amp;"); break;
		case '<': sbuf_addstr(out, "&lt;"); break;
		case '>': sbuf_addstr(out, "&gt;"); break;
		case '"': sbuf_addstr(out, "&quot;"); break;
		case '\'': sbuf_addstr(out, "&#39;"); break;
		default:
			if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t')
				sbuf_addch(out, ' ');
			else
				sbuf_addch(out, *s);
		}
	}
}

static void base64(sbuf *out, const unsigned char *p, size_t n)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i = 0;
	for (; i + 2 < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];
		char q[4] = { tab[v >> 18], tab[(v >> 12) & 63], tab[(v >> 6) & 63], tab[v & 63] };
		sbuf_add(out, q, 4);
	}
	if (i < n) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0);
		char q[4] = { tab[v >> 18], tab[(v >> 12) & 63], i + 1 < n ? tab[(v >> 6) & 63] : '=', '=' };
		sbuf_add(out, q, 4);
	}
}

static cairo_status_t to_sbuf(void *closure, const unsigned char *data, unsigned int len)
{
	sbuf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* The page as a PNG (appended to png), or false when it cannot be drawn. */
static bool render(PopplerPage *pp, sbuf *png, int *w, int *h)
{
	double pw, ph, s = HTML_DPI / 72.0;
	poppler_page_get_size(pp, &pw, &ph);
	*w = (int)(pw * s + 0.5);
	*h = (int)(ph * s + 0.5);
	if (*w < 1 || *h < 1 || *w > 20000 || *h > 20000)
		return false;
	cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, *w, *h);
	cairo_t *cr = cairo_create(surf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, s, s);
	poppler_page_render(pp, cr);
	cairo_destroy(cr);
	bool ok = cairo_surface_status(surf) == CAIRO_STATUS_SUCCESS &&
	          cairo_surface_write_to_png_stream(surf, to_sbuf, png) == CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(surf);
	return ok;
}

static void value_text(const value *v, sbuf *out)
{
	if (v->kind == VALUE_NUMBER)
		decimal_format(v->number, out);
	else if (v->kind == VALUE_TEXT)
		sbuf_addstr(out, v->text ? v->text : "");
}

static const char *row_key(const row *rw)
{
	return rw->code ? rw->code : rw->label ? rw->label : "";
}

/* The cell holding grid slot (r, c): the slot's own, or the merged cell over
 * it (its grid row in *at_row). */
static const cell *owner(const table *t, size_t r, size_t c, size_t *at_row)
{
	for (size_t i = r + 1; i-- > 0;)
		for (size_t j = c + 1; j-- > 0;) {
			const cell *ce = table_cell(t, i, j);
			if (ce->rowspan > 0 && i + (size_t)ce->rowspan > r && j + (size_t)ce->colspan > c) {
				*at_row = i;
				return ce;
			}
		}
	return NULL;
}

static bool has_warning(const document *doc, const table *t)
{
	for (size_t i = 0; i < doc->warnings.len; i++)
		if (doc->warnings.items[i].table && strcmp(doc->warnings.items[i].table, t->id) == 0)
			return true;
	return false;
}

static bool check_failed(const table *t)
{
	for (size_t i = 0; i < t->checks.len; i++)
		if (!t->checks.items[i].ok)
			return true;
	return false;
}

static void add_box(sbuf *out, box b)
{
	double s = HTML_DPI / 72.0;
	sbuf_addf(out, " style=\"left:%.1fpx;top:%.1fpx;width:%.1fpx;height:%.1fpx\"", b.x0 * s, b.y0 * s,
	          (b.x1 - b.x0) * s, (b.y1 - b.y0) * s);
}

/* The cells and outlines of the tables printed on page pageno. */
static void overlay(const document *doc, int pageno, sbuf *out)
{
	sbuf tmp = SBUF_INIT;
	for (size_t i = 0; i < doc->tables.len; i++) {
		const table *t = doc->tables.items[i];
		for (size_t p = 0; p < t->parts.len; p++) {
			if (t->parts.items[p].page != pageno)
				continue;
			bool failed = check_failed(t), warned = has_warning(doc, t);
			sbuf_addf(out, "<div class=\"table-box%s%s\" data-table=\"", failed ? " failed" : "",
			          warned ? " warned" : "");
			esc(out, t->id);
			sbuf_addf(out, "\" data-page=\"%d\"", pageno);
			add_box(out, t->parts.items[p].bb);
			sbuf_addstr(out, "></div>\n");
		}
		for (size_t r = 0; r < t->rows.len; r++) {
			const row *rw = &t->rows.items[r];
			if (!rw->values)
				continue;
			for (size_t k = 0; k < t->columns.len; k++) {
				const column *co = &t->columns.items[k];
				size_t from = rw->values[k].from;
				if (!from || from > t->nrows * t->ncols)
					continue;
				size_t or;
				const cell *ce = owner(t, (from - 1) / t->ncols, (from - 1) % t->ncols, &or);
				if (!ce || table_row_page(t, or) != pageno || ce->x1 <= ce->x0 || ce->y1 <= ce->y0)
					continue;
				sbuf_addstr(out, "<div class=\"cell\" data-table=\"");
				esc(out, t->id);
				sbuf_addstr(out, "\" data-row=\"");
				esc(out, row_key(rw));
				sbuf_addstr(out, "\" data-column=\"");
				esc(out, co->key);
				sbuf_addf(out, "\" data-page=\"%d\" data-value=\"", pageno);
				sbuf_reset(&tmp);
				value_text(&rw->values[k], &tmp);
				esc(out, tmp.buf ? tmp.buf : "");
				sbuf_addstr(out, "\" title=\"");
				esc(out, t->id);
				sbuf_addstr(out, " | row ");
				esc(out, row_key(rw));
				if (rw->code && rw->label) {
					sbuf_addch(out, ' ');
					esc(out, rw->label);
				}
				sbuf_addstr(out, " | column ");
				esc(out, co->key);
				sbuf_addstr(out, " = ");
				esc(out, tmp.buf ? tmp.buf : "");
				sbuf_addch(out, '"');
				add_box(out, (box){ ce->x0, ce->y0, ce->x1, ce->y1 });
				sbuf_addstr(out, "></div>\n");
			}
		}
	}
	sbuf_release(&tmp);
}

/* The tables starting on page pageno, as mapped. */
static void aside(const document *doc, int pageno, sbuf *out)
{
	sbuf tmp = SBUF_INIT;
	for (size_t i = 0; i < doc->tables.len; i++) {
		const table *t = doc->tables.items[i];
		if (table_first_page(t) != pageno)
			continue;
		sbuf_addstr(out, "<div class=\"mapped\" data-table=\"");
		esc(out, t->id);
		sbuf_addstr(out, "\"><h2>");
		esc(out, t->id);
		sbuf_addch(out, ' ');
		esc(out, t->title ? t->title : "(no title)");
		sbuf_addstr(out, "</h2><p>schema: ");
		esc(out, t->schema ? t->schema : "(none)");
		if (t->unit) {
			sbuf_addstr(out, "; unit: ");
			esc(out, t->unit);
		}
		sbuf_addf(out, "; %zu rows, %zu columns</p>\n", t->rows.len, t->columns.len);
		bool any = false;
		for (size_t c = 0; c < t->checks.len; c++) {
			const check *ck = &t->checks.items[c];
			if (ck->ok)
				continue;
			if (!any)
				sbuf_addstr(out, "<ul class=\"checks-failed\">\n");
			any = true;
			sbuf_addstr(out, "<li>check ");
			esc(out, ck->rule);
			if (ck->row) {
				sbuf_addstr(out, " row ");
				esc(out, ck->row);
			}
			if (ck->column) {
				sbuf_addstr(out, " column ");
				esc(out, ck->column);
			}
			sbuf_addstr(out, ": expected ");
			decimal_format(ck->expected, out);
			sbuf_addstr(out, ", found ");
			decimal_format(ck->found, out);
			sbuf_addstr(out, "</li>\n");
		}
		if (any)
			sbuf_addstr(out, "</ul>\n");
		any = false;
		for (size_t w = 0; w < doc->warnings.len; w++) {
			const warning *wa = &doc->warnings.items[w];
			if (!wa->table || strcmp(wa->table, t->id) != 0)
				continue;
			if (!any)
				sbuf_addstr(out, "<ul class=\"warnings\">\n");
			any = true;
			sbuf_addstr(out, "<li>");
			esc(out, wa->code);
			sbuf_addstr(out, ": ");
			esc(out, wa->message);
			sbuf_addstr(out, "</li>\n");
		}
		if (any)
			sbuf_addstr(out, "</ul>\n");
		if (t->rows.len) {
			sbuf_addstr(out, "<table><tr><th>row</th>");
			for (size_t k = 0; k < t->columns.len; k++) {
				sbuf_addstr(out, "<th>");
				esc(out, t->columns.items[k].key);
				sbuf_addstr(out, "</th>");
			}
			sbuf_addstr(out, "</tr>\n");
			for (size_t r = 0; r < t->rows.len; r++) {
				const row *rw = &t->rows.items[r];
				sbuf_addstr(out, "<tr><th>");
				esc(out, rw->code);
				if (rw->code && rw->label)
					sbuf_addch(out, ' ');
				esc(out, rw->label);
				sbuf_addstr(out, "</th>");
				for (size_t k = 0; k < t->columns.len && rw->values; k++) {
					sbuf_reset(&tmp);
					value_text(&rw->values[k], &tmp);
					sbuf_addstr(out, "<td>");
					esc(out, tmp.buf ? tmp.buf : "");
					sbuf_addstr(out, "</td>");
				}
				sbuf_addstr(out, "</tr>\n");
			}
			sbuf_addstr(out, "</table>\n");
		}
		sbuf_addstr(out, "</div>\n");
	}
	sbuf_release(&tmp);
}

int html_write_inspect(const document *doc, const char *data, size_t len, sbuf *out, error *err)
{
	GBytes *bytes = g_bytes_new_static(data, len);
	GError *gerr = NULL;
	PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, &gerr);
	if (!pd) {
		error_set(err, ERROR_INPUT, 0, "cannot render: %s", gerr ? gerr->message : "not a PDF");
		if (gerr)
			g_error_free(gerr);
		g_bytes_unref(bytes);
		return -1;
	}
	sbuf_addstr(out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>disclex inspect: ");
	esc(out, doc->path);
	sbuf_addstr(out, "</title>\n<style>\n"
	                 "body{font:13px sans-serif;margin:1em}\n"
	                 "section.page{display:flex;gap:1.5em;align-items:flex-start;margin-bottom:2em}\n"
	                 ".sheet{position:relative;flex:none;box-shadow:0 0 4px #888}\n"
	                 ".sheet img{display:block}\n"
	                 ".cell{position:absolute;box-sizing:border-box;border:1px solid rgba(0,90,255,.55);"
	                 "background:rgba(0,90,255,.06)}\n"
	                 ".cell:hover{background:rgba(0,90,255,.25)}\n"
	                 ".table-box{position:absolute;box-sizing:border-box;border:2px solid rgba(0,150,0,.6);"
	                 "pointer-events:none}\n"
	                 ".table-box.warned{border-color:orange}\n"
	                 ".table-box.failed{border-color:red}\n"
	                 "aside table{border-collapse:collapse}aside td,aside th{border:1px solid #ccc;padding:1px 4px}\n"
	                 "aside td{text-align:right}.checks-failed{color:#b00}.warnings{color:#a60}\n"
	                 "</style></head><body>\n<h1>");
	esc(out, doc->path);
	sbuf_addstr(out, "</h1>\n");
	sbuf png = SBUF_INIT;
	for (size_t i = 0; i < doc->pages.len; i++) {
		const page *pg = &doc->pages.items[i];
		PopplerPage *pp = poppler_document_get_page(pd, pg->number - 1);
		int w = 0, h = 0;
		sbuf_reset(&png);
		bool drawn = pp && render(pp, &png, &w, &h);
		if (pp)
			g_object_unref(pp);
		sbuf_addf(out, "<section class=\"page\" id=\"page-%d\">\n", pg->number);
		if (drawn) {
			sbuf_addf(out, "<div class=\"sheet\" style=\"width:%dpx;height:%dpx\">\n"
			               "<img class=\"page-image\" data-page=\"%d\" width=\"%d\" height=\"%d\" alt=\"page %d\" "
			               "src=\"data:image/png;base64,",
			          w, h, pg->number, w, h, pg->number);
			base64(out, (const unsigned char *)png.buf, png.len);
			sbuf_addstr(out, "\">\n");
			if (pg->turn == 0)
				overlay(doc, pg->number, out);
			sbuf_addstr(out, "</div>\n");
		} else {
			sbuf_addf(out, "<p>page %d could not be drawn</p>\n", pg->number);
		}
		sbuf_addf(out, "<aside><h2>page %d</h2>\n", pg->number);
		aside(doc, pg->number, out);
		sbuf_addstr(out, "</aside></section>\n");
	}
	sbuf_release(&png);
	sbuf_addstr(out, "</body></html>\n");
	g_object_unref(pd);
	g_bytes_unref(bytes);
	return 0;
}
