/*
 * Tests for the one pass over a page that reads its text and draws its paths
 * alone (extract/pdfpaths.cc), and for the rulings pdf_load reads from that
 * drawing, on PDFs written here: a ruled table under a line of Helvetica
 * text, a thin filled rule, a dark band (a shaded row), a light rule through
 * a line of text, and a page with an image, which only poppler's whole
 * drawing shows; and the area of a page its paths painted, outside which
 * it is paper (pdf_load scans only that for rulings).  (DISCLEX_RASTER=1
 * reads rulings from the whole drawing: test_rule_through_text_whole fails
 * so.)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <string.h>

#include <cmocka.h>
#include <poppler.h>

#include "core/model.h"
#include "core/sbuf.h"
#include "extract/pdf.h"
#include "extract/pdfpaths.h"

/* A page 595 x 842 pt.  Text "Name      Amount      Total" at (72, 700), 20 pt Helvetica;
   a stroked grid: horizontals at y 690 and 640 from x 70 to 500 (0.5 pt), verticals at
   x 70, 300 and 500 from 640 to 690; a filled rule 0.6 pt tall at y 600 (x 70..500); a
   band of grey 0.2, 12 pt tall, y 560..572 (x 70..500). */
static const char TABLE_PAGE[] =
	"BT /F1 20 Tf 72 700 Td (Name      Amount      Total) Tj ET\n"
	"0 0 0 RG 0.5 w 70 690 m 500 690 l S 70 640 m 500 640 l S\n"
	"70 640 m 70 690 l S 300 640 m 300 690 l S 500 640 m 500 690 l S\n"
	"0 g 70 599.7 430 0.6 re f\n"
	"0.2 g 70 560 430 12 re f\n";

/* The same text over a 2 x 2 grey image (an inline image) filling 100 x 100 pt. */
static const char IMAGE_PAGE[] =
	"BT /F1 20 Tf 72 700 Td (Name      Amount      Total) Tj ET\n"
	"q 100 0 0 100 100 100 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x10\x80\x80\x10 EI Q\n";

/* A PDF of the given page contents, one page each (Helvetica as F1), built with its
   cross-reference table; *len its size.  The caller frees it. */
static char *make_pdf(const char *const *contents, int n, size_t *len)
{
	sbuf b = SBUF_INIT;
	long offsets[64];
	int obj = 0;
	sbuf_addstr(&b, "%PDF-1.4\n");
	offsets[++obj] = (long)b.len;
	sbuf_addstr(&b, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
	offsets[++obj] = (long)b.len;
	sbuf_addstr(&b, "2 0 obj << /Type /Pages /Kids [");
	for (int i = 0; i < n; i++)
		sbuf_addf(&b, " %d 0 R", 4 + 2 * i);
	sbuf_addf(&b, " ] /Count %d >> endobj\n", n);
	offsets[++obj] = (long)b.len;
	sbuf_addstr(&b, "3 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n");
	for (int i = 0; i < n; i++) {
		offsets[++obj] = (long)b.len;
		sbuf_addf(&b,
		            "%d 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
		            "/Contents %d 0 R >> endobj\n",
		            obj, obj + 1);
		offsets[++obj] = (long)b.len;
		sbuf_addf(&b, "%d 0 obj << /Length %zu >> stream\n", obj, strlen(contents[i]));
		sbuf_addstr(&b, contents[i]);
		sbuf_addstr(&b, "\nendstream endobj\n");
	}
	long xref = (long)b.len;
	sbuf_addf(&b, "xref\n0 %d\n0000000000 65535 f \n", obj + 1);
	for (int i = 1; i <= obj; i++)
		sbuf_addf(&b, "%010ld 00000 n \n", offsets[i]);
	sbuf_addf(&b, "trailer << /Size %d /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", obj + 1, xref);
	*len = b.len;
	return sbuf_detach(&b, NULL);
}

/* Grey level (0..255) of the pixel at (x, y) of an RGB24 surface. */
static int grey_at(cairo_surface_t *s, int x, int y)
{
	const unsigned char *data = cairo_image_surface_get_data(s);
	uint32_t p = ((const uint32_t *)(data + (size_t)y * cairo_image_surface_get_stride(s)))[x];
	return (int)((((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) * 2 + (p & 0xFF)) >> 2);
}

typedef struct opened {
	char *pdf;
	PopplerDocument *pd;
	pdfpaths *paths;
	cairo_surface_t *surface;
	cairo_t *cr;
} opened;

static void open_pdf(opened *o, const char *const *contents, int n)
{
	size_t len;
	o->pdf = make_pdf(contents, n, &len);
	GBytes *bytes = g_bytes_new_static(o->pdf, len);
	o->pd = poppler_document_new_from_bytes(bytes, NULL, NULL);
	g_bytes_unref(bytes);
	assert_non_null(o->pd);
	o->paths = pdfpaths_open(o->pd);
	assert_non_null(o->paths);
	o->surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 595, 842);
	o->cr = cairo_create(o->surface);
	cairo_set_source_rgb(o->cr, 1, 1, 1);
	cairo_paint(o->cr);
}

static void close_pdf(opened *o)
{
	cairo_destroy(o->cr);
	cairo_surface_destroy(o->surface);
	pdfpaths_close(o->paths);
	g_object_unref(o->pd);
	free(o->pdf);
}

/* One pass draws the grid, the rule and the band but not the letters, and leaves the
   page's text with poppler-glib. */
static void test_one_pass_draws_paths_and_reads_text(void **state)
{
	(void)state;
	const char *pages[] = { TABLE_PAGE };
	opened o;
	open_pdf(&o, pages, 1);
	PopplerPage *pp = poppler_document_get_page(o.pd, 0);
	assert_int_equal(pdfpaths_read_page(o.paths, pp, 0, o.cr), 1);
	cairo_surface_flush(o.surface);
	/* (y from the top: 842 - y) */
	assert_true(grey_at(o.surface, 200, 152) < 160); /* the rule at y 690 */
	assert_true(grey_at(o.surface, 70, 170) < 160);  /* the border at x 70 */
	assert_true(grey_at(o.surface, 200, 242) < 200); /* the filled rule at y 600 */
	assert_true(grey_at(o.surface, 200, 276) < 80);  /* inside the band */
	/* The N of Name: its left stem at x 73.5..76, y 700..714; no ink drawn there,
	   where poppler's whole drawing has it. */
	assert_int_equal(grey_at(o.surface, 74, 135), 255);
	cairo_surface_t *whole = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 595, 842);
	cairo_t *cr = cairo_create(whole);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	poppler_page_render(pp, cr);
	cairo_destroy(cr);
	cairo_surface_flush(whole);
	assert_true(grey_at(whole, 74, 135) < 100);
	cairo_surface_destroy(whole);
	char *text = poppler_page_get_text(pp);
	assert_non_null(text);
	assert_non_null(strstr(text, "Amount"));
	g_free(text);
	/* Read once: the text is not read again (a second pass does nothing). */
	assert_int_equal(pdfpaths_read_page(o.paths, pp, 0, o.cr), -1);
	g_object_unref(pp);
	close_pdf(&o);
}

/* A page with an image needs poppler's whole drawing; its text is still read. */
static void test_image_page_needs_whole_drawing(void **state)
{
	(void)state;
	const char *pages[] = { TABLE_PAGE, IMAGE_PAGE };
	opened o;
	open_pdf(&o, pages, 2);
	PopplerPage *pp = poppler_document_get_page(o.pd, 1);
	assert_int_equal(pdfpaths_read_page(o.paths, pp, 1, o.cr), 0);
	char *text = poppler_page_get_text(pp);
	assert_non_null(strstr(text, "Total"));
	g_free(text);
	/* The paths alone of the first page, without its text. */
	PopplerPage *first = poppler_document_get_page(o.pd, 0);
	assert_true(pdfpaths_draw(o.paths, first, 0, o.cr));
	assert_false(pdfpaths_draw(o.paths, pp, 1, o.cr));
	/* A page given under the wrong index is not read. */
	assert_int_equal(pdfpaths_read_page(o.paths, first, 1, o.cr), -1);
	g_object_unref(first);
	g_object_unref(pp);
	close_pdf(&o);
}

static int count_rulings(const page *pg, bool horizontal, double at, double from, double to)
{
	int n = 0;
	for (size_t i = 0; i < pg->rulings.len; i++) {
		const ruling *r = &pg->rulings.items[i];
		if (horizontal && r->y0 == r->y1 && fabs(r->y0 - at) <= 1.0 && fabs(r->x0 - from) <= 1.5 &&
		    fabs(r->x1 - to) <= 1.5)
			n++;
		if (!horizontal && r->x0 == r->x1 && fabs(r->x0 - at) <= 1.0 && fabs(r->y0 - from) <= 1.5 &&
		    fabs(r->y1 - to) <= 1.5)
			n++;
	}
	return n;
}

/* pdf_load reads the rulings of the table page from its paths: the grid's lines, the
   filled rule as one line, the band as its two edges. */
static void test_rulings_from_paths(void **state)
{
	(void)state;
	const char *pages[] = { TABLE_PAGE };
	size_t len;
	char *pdf = make_pdf(pages, 1, &len);
	document *doc = doc_new("table.pdf");
	error err = { 0 };
	assert_int_equal(pdf_load(doc, pdf, len, NULL, &err), 0);
	const page *pg = &doc->pages.items[0];
	assert_true(pg->glyphs.len > 10);
	assert_int_equal(count_rulings(pg, true, 842 - 690, 70, 500), 1);
	assert_int_equal(count_rulings(pg, true, 842 - 640, 70, 500), 1);
	assert_int_equal(count_rulings(pg, false, 70, 842 - 690, 842 - 640), 1);
	assert_int_equal(count_rulings(pg, false, 300, 842 - 690, 842 - 640), 1);
	assert_int_equal(count_rulings(pg, true, 842 - 600, 70, 500), 1);
	assert_int_equal(count_rulings(pg, true, 842 - 572, 70, 500), 1);
	assert_int_equal(count_rulings(pg, true, 842 - 560, 70, 500), 1);
	doc_free(doc);
	free(pdf);
}

/* A light grey rule through a line of text (a border the text runs over, as
   printed text overflowing its cell does): read whole from the paths, where on a
   drawing of the whole page the letters' strokes above and below it hide its
   grey wherever they stand around it, and it falls into pieces. */
static const char STRUCK_PAGE[] =
	"BT /F1 20 Tf 72 700 Td (Name      Amount      Total) Tj ET\n"
	"BT /F1 20 Tf 72 740 Td (Code      Item      Sum) Tj ET\n"
	"0.75 G 0.5 w 60 706 m 520 706 l S\n";

static void test_rule_through_text_whole(void **state)
{
	(void)state;
	const char *pages[] = { STRUCK_PAGE };
	size_t len;
	char *pdf = make_pdf(pages, 1, &len);
	document *doc = doc_new("struck.pdf");
	error err = { 0 };
	assert_int_equal(pdf_load(doc, pdf, len, NULL, &err), 0);
	const page *pg = &doc->pages.items[0];
	assert_int_equal(count_rulings(pg, true, 842 - 706, 60, 520), 1);
	doc_free(doc);
	free(pdf);
}

/* Whether every pixel of the surface outside area is white. */
static bool paper_outside(cairo_surface_t *s, const int *area)
{
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++)
			if ((x < area[0] || x >= area[2] || y < area[1] || y >= area[3]) && grey_at(s, x, y) != 255)
				return false;
	return true;
}

/* A page of text, one rule (0.5 pt at y 690, x 70..500) and a white fill over
   the whole page (paper on paper): the area the paths painted is the rule's,
   one pixel row (widened to a pixel, on the pixel centre 152.5) and a pixel or
   two of margin each side; a page of text alone paints nothing. */
static const char ONE_RULE_PAGE[] =
	"1 g 0 0 595 842 re f\n"
	"BT 0 g /F1 20 Tf 72 700 Td (Name      Amount      Total) Tj ET\n"
	"0 G 0.5 w 70 690 m 500 690 l S\n";
static const char TEXT_PAGE[] = "BT /F1 20 Tf 72 700 Td (Name      Amount      Total) Tj ET\n";

static void test_area_painted(void **state)
{
	(void)state;
	const char *pages[] = { ONE_RULE_PAGE, TEXT_PAGE, TABLE_PAGE };
	opened o;
	open_pdf(&o, pages, 3);
	PopplerPage *pp = poppler_document_get_page(o.pd, 0);
	assert_int_equal(pdfpaths_read_page(o.paths, pp, 0, o.cr), 1);
	cairo_surface_flush(o.surface);
	int area[4];
	assert_true(pdfpaths_area(o.paths, area));
	/* (cairo's extents may round out by a pixel) */
	assert_in_range(area[0], 67, 69);
	assert_in_range(area[1], 150, 151);
	assert_in_range(area[2], 501, 503);
	assert_in_range(area[3], 154, 155);
	assert_true(grey_at(o.surface, 200, 152) < 160);
	assert_true(paper_outside(o.surface, area));
	g_object_unref(pp);
	/* Text alone: nothing painted, an empty area. */
	cairo_set_source_rgb(o.cr, 1, 1, 1);
	cairo_paint(o.cr);
	pp = poppler_document_get_page(o.pd, 1);
	assert_int_equal(pdfpaths_read_page(o.paths, pp, 1, o.cr), 1);
	assert_true(pdfpaths_area(o.paths, area));
	assert_true(area[0] >= area[2] && area[1] >= area[3]);
	g_object_unref(pp);
	/* The table page: its grid, rule and band all inside the area. */
	pp = poppler_document_get_page(o.pd, 2);
	assert_true(pdfpaths_draw(o.paths, pp, 2, o.cr));
	cairo_surface_flush(o.surface);
	assert_true(pdfpaths_area(o.paths, area));
	assert_true(area[2] - area[0] < 440 && area[3] - area[1] < 140);
	assert_true(paper_outside(o.surface, area));
	g_object_unref(pp);
	close_pdf(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_pass_draws_paths_and_reads_text),
		cmocka_unit_test(test_image_page_needs_whole_drawing),
		cmocka_unit_test(test_rulings_from_paths),
		cmocka_unit_test(test_rule_through_text_whole),
		cmocka_unit_test(test_area_painted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
