/*
 * Tests for the rulings pdf_load reads off a page's raster, on hand-made PDFs
 * that draw tables as a browser prints them: borders and shading are filled
 * rectangles (tests/data/shaded/make.py says what each page holds), and
 * pages without text whose only ink is rulings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>

#include <cmocka.h>

#include "core/model.h"
#include "extract/pdf.h"
#include "tests/read_file.h"

static document *load(const char *path)
{
	size_t len;
	char *data = read_file(path, &len);
	document *doc = doc_new(path);
	error err = { 0 };
	assert_int_equal(pdf_load(doc, data, len, NULL, &err), 0);
	free(data);
	assert_int_equal(doc->pages.len, 1);
	return doc;
}

/* A row shaded cell by cell, paper showing 1 pt wide between the cells: its
 * top and bottom edges are each one line across the table (x 70 to 500), not
 * three pieces, so a row border is seen across the whole table. */
static void test_band_of_filled_cells(void **state)
{
	(void)state;
	document *doc = load("tests/data/shaded/zebra-cells.pdf");
	const page *pg = &doc->pages.items[0];
	int across = 0, pieces = 0;
	for (size_t i = 0; i < pg->rulings.len; i++) {
		const ruling *r = &pg->rulings.items[i];
		if (r->y0 != r->y1 || r->y0 < 140 || r->y0 > 164)
			continue;
		if (fabsf(r->x0 - 70) <= 1.5f && fabsf(r->x1 - 500) <= 1.5f &&
		    (fabsf(r->y0 - 142) <= 1.5f || fabsf(r->y0 - 162) <= 1.5f))
			across++;
		else
			pieces++;
	}
	assert_int_equal(across, 2);
	assert_int_equal(pieces, 0);
	doc_free(doc);
}

/* A page without text holding only a ruled empty row (a table's last row run
 * over) is no scan: text layer full, no OCR, its rulings kept. */
static void test_lines_only_page_is_no_scan(void **state)
{
	(void)state;
	document *doc = load("tests/data/shaded/ruled-empty.pdf");
	const page *pg = &doc->pages.items[0];
	assert_false(pg->image_only);
	assert_int_equal(doc->text_layer, LAYER_FULL);
	assert_int_equal(doc->warnings.len, 0);
	int across = 0, down = 0;
	for (size_t i = 0; i < pg->rulings.len; i++) {
		const ruling *r = &pg->rulings.items[i];
		if (r->y0 == r->y1 && fabsf(r->x0 - 70) <= 1.5f && fabsf(r->x1 - 500) <= 1.5f)
			across++;
		else if (r->x0 == r->x1 && fabsf(r->y0 - 100) <= 1.5f && fabsf(r->y1 - 120) <= 1.5f)
			down++;
	}
	assert_int_equal(across, 2);
	assert_int_equal(down, 4);
	doc_free(doc);
}

/* The same row with a diagonal stroke beside it: ink that is no ruling makes
 * the page a scan again (read by OCR, or said unreadable without it). */
static void test_lines_and_mark_is_scan(void **state)
{
	(void)state;
	document *doc = load("tests/data/shaded/ruled-mark.pdf");
	assert_true(doc->pages.items[0].image_only);
	assert_int_equal(doc->text_layer, LAYER_NONE);
	doc_free(doc);
}

/* Figures of 7 pt digits set close and wrapped in narrow ruled cells (33220.2
 * over 2, in the 其他收入 cell from x 280.5 to 308.5, y 274 to 302): the feet of
 * the digits darken a row of pixels the word's whole length, inside its glyph
 * boxes and no further: no ruling there, or the cell is cut between the lines
 * of its figure and its last digit lost. */
static void test_small_digits_no_ruling(void **state)
{
	(void)state;
	document *doc = load("tests/data/shaded/wrapped-small-figures.pdf");
	const page *pg = &doc->pages.items[0];
	int horizontal = 0;
	for (size_t i = 0; i < pg->rulings.len; i++) {
		const ruling *r = &pg->rulings.items[i];
		if (r->y0 == r->y1)
			horizontal++;
		if (r->y0 == r->y1 && r->y0 > 280 && r->y0 < 296)
			assert_false(r->x0 > 275 && r->x1 < 315);
	}
	assert_true(horizontal >= 15); /* the table's rules are all still found */
	doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_band_of_filled_cells),
		cmocka_unit_test(test_lines_only_page_is_no_scan),
		cmocka_unit_test(test_lines_and_mark_is_scan),
		cmocka_unit_test(test_small_digits_no_ruling),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
