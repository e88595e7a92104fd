/*
 * Tests for extract/ocr.c: Tesseract starts with its chi_sim+eng data (this
 * fails in a build without OCR, on purpose: the suite needs it), a figure
 * drawn at a known place comes back as glyphs at that place in points, and
 * a table value read with a low confidence is named in a warning.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cmocka.h>

#include "core/model.h"
#include "extract/ocr.h"

static void test_engine_starts(void **state)
{
	(void)state;
	error err = { 0 };
	ocr_engine *e = ocr_open(&err);
	if (!e)
		fail_msg("OCR is not available (%s): run scripts/setup.sh and rebuild", err.message);
	assert_string_equal(ocr_describe(e), "Tesseract chi_sim+eng");
	ocr_close(e);
}

/* Draws `text` at (x, baseline y) in points, 12 pt, on a white page of w × h points at `scale`. */
static unsigned char *draw(const char *text, double x, double y, double w, double h, double scale, int *pw, int *ph)
{
	*pw = (int)(w * scale);
	*ph = (int)(h * scale);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, *pw, *ph);
	cairo_t *cr = cairo_create(s);
	cairo_scale(cr, scale, scale);
	cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 12);
	cairo_move_to(cr, x, y);
	cairo_show_text(cr, text);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *a = cairo_image_surface_get_data(s);
	unsigned char *grey = malloc((size_t)*pw * *ph);
	assert_non_null(grey);
	for (int r = 0; r < *ph; r++)
		for (int c = 0; c < *pw; c++)
			grey[(size_t)r * *pw + c] = (unsigned char)(255 - a[(size_t)r * stride + c]); /* ink alpha → dark */
	cairo_surface_destroy(s);
	return grey;
}

static void test_read_figure_in_place(void **state)
{
	(void)state;
	error err = { 0 };
	ocr_engine *e = ocr_open(&err);
	assert_non_null(e);
	document *doc = doc_new("scan.pdf");
	page *pg = VEC_PUSH(doc->arena, &doc->pages);
	memset(pg, 0, sizeof *pg);
	pg->number = 1;
	pg->width = 200;
	pg->height = 60;
	pg->image_only = true;
	double scale = 300.0 / 72;
	int w, h;
	/* A table's rule under the figure: whitened before reading, never a character. */
	unsigned char *grey = draw("3,062.46", 50, 30, pg->width, pg->height, scale, &w, &h);
	for (int x = (int)(20 * scale); x < (int)(180 * scale); x++)
		grey[(size_t)(int)(36 * scale) * w + x] = 0;
	size_t n = ocr_read_page(e, doc, pg, grey, w, h, w, scale);
	free(grey);
	assert_true(pg->ocr);
	assert_int_equal(n, 8);
	char text[16] = { 0 };
	for (size_t i = 0; i < n; i++) {
		const glyph *g = &pg->glyphs.items[i];
		text[i] = (char)g->cp;
		assert_true(g->flags & GLYPH_OCR);
		assert_true(g->conf > 50);
		/* in points: on the 12 pt line whose baseline is at y = 30 */
		assert_true(g->y0 > 18 && g->y0 < 24);
		assert_true(g->y1 > 28 && g->y1 < 34);
		assert_true(g->size > 6 && g->size < 16);
	}
	assert_string_equal(text, "3,062.46");
	/* the figure starts at x = 50 pt and runs about 45 pt; its glyphs meet (no gap read as a space) */
	assert_true(pg->glyphs.items[0].x0 > 49 && pg->glyphs.items[0].x0 < 53);
	assert_true(pg->glyphs.items[n - 1].x1 > 85 && pg->glyphs.items[n - 1].x1 < 105);
	for (size_t i = 1; i < n; i++)
		assert_true(pg->glyphs.items[i].x0 <= pg->glyphs.items[i - 1].x1 + 0.01f);
	assert_int_equal(doc->warnings.len, 1);
	assert_string_equal(doc->warnings.items[0].code, "page_ocr");
	assert_int_equal(doc->warnings.items[0].page, 1);
	doc_free(doc);
	ocr_close(e);
}

/* A one-column table of two values on an OCR page; the second value's glyphs read at 40. */
static void test_low_confidence_named(void **state)
{
	(void)state;
	document *doc = doc_new("scan.pdf");
	page *pg = VEC_PUSH(doc->arena, &doc->pages);
	memset(pg, 0, sizeof *pg);
	pg->number = 2;
	pg->image_only = pg->ocr = true;
	const struct { float x0, y0; uint8_t conf; } at[] = { { 100, 100, 96 }, { 106, 100, 95 }, { 100, 120, 93 }, { 106, 120, 40 } };
	for (size_t i = 0; i < 4; i++) {
		glyph *g = VEC_PUSH(doc->arena, &pg->glyphs);
		*g = (glyph){ .cp = '7', .x0 = at[i].x0, .y0 = at[i].y0, .x1 = at[i].x0 + 6, .y1 = at[i].y0 + 10,
			      .size = 10, .flags = GLYPH_OCR, .conf = at[i].conf };
	}
	table *t = doc_add_table(doc, 2, 1);
	table_part *p = VEC_PUSH(doc->arena, &t->parts);
	*p = (table_part){ .page = 2, .first_row = 0 };
	for (int r = 0; r < 2; r++) {
		cell *c = table_cell(t, (size_t)r, 0);
		c->text = "77";
		c->x0 = 95;
		c->x1 = 120;
		c->y0 = 95 + 20 * r;
		c->y1 = 113 + 20 * r;
	}
	column *col = VEC_PUSH(doc->arena, &t->columns);
	*col = (column){ .key = "amount", .source = 0 };
	for (int r = 0; r < 2; r++) {
		row *rw = VEC_PUSH(doc->arena, &t->rows);
		*rw = (row){ .label = r ? "支出" : "收入", .source = r };
		rw->values = arena_alloc(doc->arena, sizeof(value));
		*rw->values = (value){ .kind = VALUE_NUMBER, .from = (uint32_t)r + 1 };
	}
	ocr_check_tables(doc);
	assert_int_equal(doc->warnings.len, 1);
	const warning *w = &doc->warnings.items[0];
	assert_string_equal(w->code, "ocr_low_confidence");
	assert_int_equal(w->page, 2);
	assert_string_equal(w->table, "t01");
	assert_non_null(strstr(w->message, "1 value"));
	assert_non_null(strstr(w->message, "支出/amount '77' (40)"));
	assert_null(strstr(w->message, "收入"));
	/* the same table on a page with a text layer: nothing to doubt */
	pg->ocr = false;
	doc->warnings.len = 0;
	ocr_check_tables(doc);
	assert_int_equal(doc->warnings.len, 0);
	doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_engine_starts),
		cmocka_unit_test(test_read_figure_in_place),
		cmocka_unit_test(test_low_confidence_named),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
