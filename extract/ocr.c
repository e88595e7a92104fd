/*
 * ocr: a page without a text layer read from its picture with Tesseract's C API.
 *
 * pdf.c draws such a page grey at OCR_DPI (extract/pdf.c) and hands the
 * pixels here; everything after works on the glyphs as on a text layer:
 *
 *   grey picture ──▶ Tesseract (chi_sim+eng, LSTM, automatic page layout)
 *     ──▶ walked symbol by symbol, remembering the text line and word each
 *         one belongs to
 *     ──▶ one glyph per character, in page points:
 *           y0..y1  the text line's box (glyphs of one line share it, as the
 *                   font box of printed glyphs does, so lines form alike)
 *           x0..x1  the symbol's box, then widened so that neighbours on
 *                   one line less than 0.8 line heights apart meet halfway
 *                   (an ideograph's ink is narrower than its advance, the
 *                   recogniser's boxes are rough and justified lines spread
 *                   out: a gap that narrow is no space and no column; the
 *                   layout still reads a wider one as a space, a table's
 *                   columns are further apart)
 *           size    the line's height (the font size the layout wants)
 *           conf    min(word, symbol) confidence; flag GLYPH_OCR
 *     ──▶ a page_ocr warning per page: the page was read by OCR, how many
 *         characters, their mean confidence and how many fell under
 *         OCR_LOW_CONFIDENCE
 *
 * Tables are then recovered from these glyphs (and from rulings drawn in the
 * picture) like on any page.  After mapping, ocr_check_tables looks up each
 * number a table took from an OCR page: a value whose characters include one
 * under OCR_LOW_CONFIDENCE is named in an ocr_low_confidence warning of
 * that table.
 *
 * Starting Tesseract (loading its language data) is slow and, started and
 * ended again, it does not give all of its memory back: a closed engine is
 * kept as the spare (one, under a lock) and the next ocr_open takes it, so
 * a run over many documents starts it once; it is ended at exit (atexit,
 * registered after Tesseract's own caches, so run before them).  Its
 * settings are the same for every document and each page is cleared after
 * reading, so a document reads alike on a fresh or a kept engine.
 *
 * Built without Tesseract (pkg-config finds no `tesseract` and `lept`; the
 * Makefile then leaves DX_HAVE_TESSERACT undefined) ocr_open fails with a
 * message saying how to install it; so does a Tesseract without the chi_sim
 * or eng data.
 */
#include "extract/ocr.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sbuf.h"

#define OCR_LANGS "chi_sim+eng"
#define OCR_INSTALL                                                                                           \
	"install Tesseract with its Chinese and English data (Debian: apt-get install libtesseract-dev "      \
	"tesseract-ocr-chi-sim tesseract-ocr-eng, or scripts/setup.sh) and rebuild"

#ifdef DX_HAVE_TESSERACT
#include <dlfcn.h>
#include <tesseract/capi.h>

/*
 * Tesseract is loaded when the first scanned page needs it (dlopen of
 * DX_TESSERACT_LIB, its soname, named by the Makefile), not when the program
 * starts: it brings some forty libraries with it, and loading them costs
 * more than reading a short document without scans.  The calls used are
 * looked up once; the program runs as before when it is absent, OCR not.
 */
#define TESS_CALLS(X) \
	X(TessBaseAPIClear) \
	X(TessBaseAPICreate) \
	X(TessBaseAPIDelete) \
	X(TessBaseAPIEnd) \
	X(TessBaseAPIGetIterator) \
	X(TessBaseAPIInit3) \
	X(TessBaseAPIRecognize) \
	X(TessBaseAPISetImage) \
	X(TessBaseAPISetSourceResolution) \
	X(TessBaseAPISetVariable) \
	X(TessDeleteText) \
	X(TessPageIteratorBoundingBox) \
	X(TessPageIteratorIsAtBeginningOf) \
	X(TessResultIteratorConfidence) \
	X(TessResultIteratorDelete) \
	X(TessResultIteratorGetPageIterator) \
	X(TessResultIteratorGetUTF8Text) \
	X(TessResultIteratorNext)

static struct {
#define TESS_POINTER(f) __typeof__(f) *f;
	TESS_CALLS(TESS_POINTER)
#undef TESS_POINTER
	bool loaded;
	char why[160]; /* why not, when not */
} tess;
static pthread_once_t tess_once = PTHREAD_ONCE_INIT;

static void tess_load(void)
{
	void *lib = dlopen(DX_TESSERACT_LIB, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		snprintf(tess.why, sizeof tess.why, "cannot load %s", DX_TESSERACT_LIB);
		return;
	}
#define TESS_LOOKUP(f)                                                                   \
	if (!(tess.f = (__typeof__(tess.f))dlsym(lib, #f))) {                               \
		snprintf(tess.why, sizeof tess.why, "%s has no %s", DX_TESSERACT_LIB, #f); \
		return;                                                                  \
	}
	TESS_CALLS(TESS_LOOKUP)
#undef TESS_LOOKUP
	tess.loaded = true; /* kept loaded to the end (its engine outlives documents) */
}

/* Decodes one UTF-8 character at *s (advancing it); U+FFFD for a bad byte. */
static uint32_t next_cp(const unsigned char **s)
{
	const unsigned char *p = *s;
	uint32_t c = p[0];
	int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
	if (n < 0) {
		*s = p + 1;
		return 0xFFFD;
	}
	if (n)
		c &= 0x3F >> n;
	for (int i = 1; i <= n; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*s = p + i;
			return 0xFFFD;
		}
		c = c << 6 | (p[i] & 0x3F);
	}
	*s = p + n + 1;
	return c;
}

struct ocr_engine {
	TessBaseAPI *api;
	char describe[64];
};

/* The engine a document closed, ready for the next (see the top). */
static pthread_mutex_t spare_lock = PTHREAD_MUTEX_INITIALIZER;
static ocr_engine *spare;

ocr_engine *ocr_open(error *err)
{
	pthread_mutex_lock(&spare_lock);
	ocr_engine *e = spare;
	spare = NULL;
	pthread_mutex_unlock(&spare_lock);
	if (e)
		return e;
	pthread_once(&tess_once, tess_load);
	if (!tess.loaded) {
		error_set(err, ERROR_INPUT, 0, "OCR is not available: %s; " OCR_INSTALL, tess.why);
		return NULL;
	}
	e = calloc(1, sizeof *e);
	if (!e)
		abort();
	e->api = tess.TessBaseAPICreate();
	if (!e->api || tess.TessBaseAPIInit3(e->api, NULL, OCR_LANGS) != 0) {
		if (e->api)
			tess.TessBaseAPIDelete(e->api);
		free(e);
		error_set(err, ERROR_INPUT, 0,
		          "OCR is not available: Tesseract cannot load its " OCR_LANGS " language data; " OCR_INSTALL);
		return NULL;
	}
	/* Scans of disclosures are printed pages: keep Tesseract's own word spacing guesses out of it. */
	tess.TessBaseAPISetVariable(e->api, "preserve_interword_spaces", "1");
	/* No version: the same input gives the same output wherever it runs. */
	snprintf(e->describe, sizeof e->describe, "Tesseract " OCR_LANGS);
	return e;
}

static void end_engine(ocr_engine *e)
{
	tess.TessBaseAPIEnd(e->api);
	tess.TessBaseAPIDelete(e->api);
	free(e);
}

/* The spare, ended at exit: Tesseract's caches, torn down after, complain of
 * what a running engine still holds. */
static void end_spare(void)
{
	if (spare)
		end_engine(spare);
	spare = NULL;
}

void ocr_close(ocr_engine *e)
{
	if (!e)
		return;
	static bool registered;
	pthread_mutex_lock(&spare_lock);
	if (!spare && (registered || atexit(end_spare) == 0)) {
		registered = true;
		spare = e;
		e = NULL;
	}
	pthread_mutex_unlock(&spare_lock);
	if (e)
		end_engine(e);
}

const char *ocr_describe(const ocr_engine *e)
{
	return e->describe;
}

/*
 * Closes the narrow gaps of a text line's glyphs [first, end), in the order
 * read: two neighbours less than CLOSE_EM line heights apart meet halfway.
 */
#define CLOSE_EM 0.8f
static void shape_line(page *pg, size_t first, size_t end)
{
	glyph *g = pg->glyphs.items;
	for (size_t i = first; i + 1 < end; i++) {
		float gap = g[i + 1].x0 - g[i].x1;
		if (gap > 0 && gap < CLOSE_EM * g[i].size) {
			float mid = (g[i].x1 + g[i + 1].x0) / 2;
			g[i].x1 = mid;
			g[i + 1].x0 = mid;
		}
	}
}

/*
 * Whitens the rules of a drawn page: runs of dark pixels along a row or a
 * column at least RULE_MIN_PT long (longer than any character's stroke).
 * Read with its rules, a table's borders become | ] l characters glued to
 * its figures; its rulings are found apart (extract/pdf.c).
 */
#define RULE_MIN_PT 19.0
#define RULE_DARK 160
static void erase_rules(unsigned char *grey, int w, int h, int stride, double scale)
{
	int min = (int)ceil(RULE_MIN_PT * scale);
	unsigned char *mark = calloc((size_t)w * h, 1);
	if (!mark)
		abort();
	for (int y = 0; y < h; y++) {
		const unsigned char *row = grey + (size_t)y * stride;
		for (int x = 0; x < w;) {
			if (row[x] > RULE_DARK) {
				x++;
				continue;
			}
			int s = x;
			while (x < w && row[x] <= RULE_DARK)
				x++;
			if (x - s >= min)
				memset(mark + (size_t)y * w + s, 1, (size_t)(x - s));
		}
	}
	for (int x = 0; x < w; x++) {
		for (int y = 0; y < h;) {
			if (grey[(size_t)y * stride + x] > RULE_DARK) {
				y++;
				continue;
			}
			int s = y;
			while (y < h && grey[(size_t)y * stride + x] <= RULE_DARK)
				y++;
			if (y - s >= min)
				for (int k = s; k < y; k++)
					mark[(size_t)k * w + x] = 1;
		}
	}
	/* A rule's anti-aliased edge (a pixel either side) goes with it. */
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			size_t i = (size_t)y * w + x;
			bool near = mark[i] == 1 || (x > 0 && mark[i - 1] == 1) || (x + 1 < w && mark[i + 1] == 1) ||
			            (y > 0 && mark[i - w] == 1) || (y + 1 < h && mark[i + w] == 1);
			if (near)
				grey[(size_t)y * stride + x] = 255;
		}
	free(mark);
}

size_t ocr_read_page(ocr_engine *e, document *doc, page *pg, unsigned char *grey, int w, int h, int stride,
                     double scale)
{
	TessBaseAPI *api = e->api;
	erase_rules(grey, w, h, stride, scale);
	tess.TessBaseAPISetImage(api, grey, w, h, 1, stride);
	tess.TessBaseAPISetSourceResolution(api, (int)lrint(scale * 72));
	size_t before = pg->glyphs.len;
	pg->ocr = true;
	if (tess.TessBaseAPIRecognize(api, NULL) != 0) {
		doc_warn(doc, "page_unreadable", pg->number, NULL, "OCR (%s) failed on the page's picture", e->describe);
		tess.TessBaseAPIClear(api);
		return 0;
	}
	TessResultIterator *it = tess.TessBaseAPIGetIterator(api);
	float line_y0 = 0, line_y1 = 0, word_conf = 0;
	size_t line_first = before;
	size_t low = 0;
	double conf_sum = 0;
	if (it) {
		do {
			TessPageIterator *pit = tess.TessResultIteratorGetPageIterator(it);
			int l, t, r, b;
			if (tess.TessPageIteratorIsAtBeginningOf(pit, RIL_TEXTLINE) &&
			    tess.TessPageIteratorBoundingBox(pit, RIL_TEXTLINE, &l, &t, &r, &b)) {
				shape_line(pg, line_first, pg->glyphs.len);
				line_first = pg->glyphs.len;
				line_y0 = (float)(t / scale);
				line_y1 = (float)(b / scale);
			}
			if (tess.TessPageIteratorIsAtBeginningOf(pit, RIL_WORD))
				word_conf = tess.TessResultIteratorConfidence(it, RIL_WORD);
			char *text = tess.TessResultIteratorGetUTF8Text(it, RIL_SYMBOL);
			if (!text)
				continue;
			if (!tess.TessPageIteratorBoundingBox(pit, RIL_SYMBOL, &l, &t, &r, &b)) {
				tess.TessDeleteText(text);
				continue;
			}
			float conf = tess.TessResultIteratorConfidence(it, RIL_SYMBOL);
			if (word_conf < conf)
				conf = word_conf;
			if (conf < 0)
				conf = 0;
			/* A symbol of several characters (a ligature) shares its box out evenly. */
			size_t n = 0;
			for (const unsigned char *s = (const unsigned char *)text; *s; n++)
				next_cp(&s);
			const unsigned char *s = (const unsigned char *)text;
			float x0 = (float)(l / scale), x1 = (float)(r / scale);
			float size = line_y1 - line_y0 > 1 ? line_y1 - line_y0 : (float)((b - t) / scale);
			for (size_t k = 0; k < n; k++) {
				uint32_t cp = next_cp(&s);
				if (cp == ' ' || cp == 0x3000)
					continue;
				glyph *g = VEC_PUSH(doc->arena, &pg->glyphs);
				*g = (glyph){ .cp = cp,
					      .x0 = x0 + (x1 - x0) * (float)k / (float)n,
					      .x1 = x0 + (x1 - x0) * (float)(k + 1) / (float)n,
					      .y0 = line_y0 < line_y1 ? line_y0 : (float)(t / scale),
					      .y1 = line_y0 < line_y1 ? line_y1 : (float)(b / scale),
					      .size = size,
					      .flags = GLYPH_OCR,
					      .conf = (uint8_t)lrintf(conf > 100 ? 100 : conf) };
				conf_sum += g->conf;
				low += g->conf < OCR_LOW_CONFIDENCE;
			}
			tess.TessDeleteText(text);
		} while (tess.TessResultIteratorNext(it, RIL_SYMBOL));
		shape_line(pg, line_first, pg->glyphs.len);
		tess.TessResultIteratorDelete(it);
	}
	tess.TessBaseAPIClear(api);
	size_t added = pg->glyphs.len - before;
	if (added)
		doc_warn(doc, "page_ocr", pg->number, NULL,
		         "page has no text layer: read by OCR (%s), %zu characters, mean confidence %.0f, %zu under %d",
		         e->describe, added, conf_sum / (double)added, low, OCR_LOW_CONFIDENCE);
	else
		doc_warn(doc, "page_ocr", pg->number, NULL,
		         "page has no text layer: read by OCR (%s), no characters found", e->describe);
	return added;
}

#else /* built without Tesseract */

ocr_engine *ocr_open(error *err)
{
	error_set(err, ERROR_INPUT, 0, "OCR is not available: disclex was built without Tesseract; " OCR_INSTALL);
	return NULL;
}

void ocr_close(ocr_engine *e)
{
	(void)e;
}

const char *ocr_describe(const ocr_engine *e)
{
	(void)e;
	return "none";
}

size_t ocr_read_page(ocr_engine *e, document *doc, page *pg, unsigned char *grey, int w, int h, int stride,
                     double scale)
{
	(void)e; (void)doc; (void)pg; (void)grey; (void)w; (void)h; (void)stride; (void)scale;
	return 0;
}

#endif

static const page *find_page(const document *doc, int number)
{
	for (size_t i = 0; i < doc->pages.len; i++)
		if (doc->pages.items[i].number == number)
			return &doc->pages.items[i];
	return NULL;
}

/* The lowest confidence of the OCR glyphs whose centre lies in the cell's box; 101 when none. */
static int cell_confidence(const page *pg, const cell *c)
{
	int least = 101;
	for (size_t i = 0; i < pg->glyphs.len; i++) {
		const glyph *g = &pg->glyphs.items[i];
		float cx = (g->x0 + g->x1) / 2, cy = (g->y0 + g->y1) / 2;
		if ((g->flags & GLYPH_OCR) && cx >= c->x0 && cx <= c->x1 && cy >= c->y0 && cy <= c->y1 && g->conf < least)
			least = g->conf;
	}
	return least;
}

void ocr_check_tables(document *doc)
{
	bool any = false;
	for (size_t i = 0; i < doc->pages.len && !any; i++)
		any = doc->pages.items[i].ocr;
	if (!any)
		return;
	for (size_t ti = 0; ti < doc->tables.len; ti++) {
		table *t = doc->tables.items[ti];
		size_t low = 0;
		int first_page = 0;
		sbuf msg = SBUF_INIT;
		for (size_t ri = 0; ri < t->rows.len; ri++) {
			const row *rw = &t->rows.items[ri];
			for (size_t ci = 0; ci < t->columns.len; ci++) {
				const value *v = &rw->values[ci];
				if (v->kind != VALUE_NUMBER || !v->from)
					continue;
				size_t slot = v->from - 1, r = slot / t->ncols;
				const cell *c = &t->cells[slot];
				const page *pg = find_page(doc, table_row_page(t, r));
				if (!pg || !pg->ocr || c->x1 <= c->x0)
					continue;
				int conf = cell_confidence(pg, c);
				if (conf >= OCR_LOW_CONFIDENCE)
					continue;
				if (!low++)
					first_page = pg->number;
				if (low <= 5)
					sbuf_addf(&msg, "%s%s/%s '%s' (%d)", low > 1 ? ", " : "",
					            rw->code ? rw->code : rw->label ? rw->label : "?", t->columns.items[ci].key,
					            c->text ? c->text : "", conf);
			}
		}
		if (low)
			doc_warn(doc, "ocr_low_confidence", first_page, t,
			         "%zu value%s read by OCR with confidence under %d: %s%s", low, low == 1 ? "" : "s",
			         OCR_LOW_CONFIDENCE, msg.buf, low > 5 ? ", …" : "");
		sbuf_release(&msg);
	}
}
