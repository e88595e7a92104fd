/*
 * pdfpaths: a page's text and its vector drawing (fills and strokes of
 * paths, no text, no images) in one pass over its contents, through
 * poppler's core API (Gfx and an OutputDev of our own).  extract/pdf.c reads
 * table rulings from the drawing; drawing the paths alone costs a small
 * share of drawing the whole page with poppler-glib (glyphs, images), and
 * the text comes from the same pass instead of a pass of its own.
 *
 * Text: the pass hands every text call to poppler's text device, made as
 * poppler-glib makes it for a page (TextOutputDev, physical layout, the page
 * read at 72 dpi in its crop box), and the text it keeps is given to
 * poppler-glib's page (PopplerPage), where poppler_page_get_text() and the
 * other text calls find it, as when poppler-glib read it itself.
 * poppler-glib offers no call for this (nor for its PDFDoc): its page is
 * read through glib_page, the layout of poppler-glib 22 (poppler-private.h),
 * used only when its fields hold what they must (the page's document, index
 * and number, no text yet) and on poppler-glib 22 (where that layout was
 * checked); else pdfpaths_read_page does nothing, poppler-glib reads the
 * text and pdfpaths_draw draws the paths in a pass of their own (it needs
 * only the page's first fields, alike in every version).  The device (and poppler's cache of ICC
 * colour spaces it carries) is kept for the document.
 *
 * Drawing follows poppler's cairo output (CairoOutputDev, which
 * poppler_page_render uses) so that the pixels of every path are the ones a
 * whole drawing would give:
 *   - each path is drawn in its own user space (the page's CTM on the
 *     caller's matrix), filled with the non-zero or even-odd rule, clipped
 *     by the clip paths in force (kept by cairo_save/cairo_restore with the
 *     graphics state);
 *   - a stroke thinner than one device pixel is widened to one pixel and its
 *     horizontal and vertical segments put on pixel centres (poppler's
 *     stroke adjustment); dashes, caps, joins and miter limit as set;
 *   - colours are the state's RGB (poppler's colour spaces), with the fill
 *     and stroke opacity;
 *   - then the page's annotations, as poppler_page_render draws them.
 * What it does not draw, the page is said to need the whole drawing
 * (pdfpaths_read_page returns 0): images and image masks, shadings and
 * pattern colours, Type3 glyphs (drawn by paths of their own), text that
 * clips (render modes 4-7), soft masks, transparency groups, blend modes
 * other than normal, strokes used as clips.
 */
#include <cairo.h>
#include <math.h>

#include <GlobalParams.h>
#include <Annot.h>
#include <Gfx.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <poppler.h>

#include "extract/pdfpaths.h"

namespace {

class PathsOutputDev : public OutputDev
{
public:
	/* The next page goes onto cr, on its present matrix; its text to text (or nowhere). */
	void begin(cairo_t *cr, TextOutputDev *text)
	{
		cr_ = cr;
		text_ = text;
		cairo_get_matrix(cr, &base_);
		incomplete_ = false;
		area_[0] = area_[1] = INFINITY;
		area_[2] = area_[3] = -INFINITY;
	}
	void set_incomplete() { incomplete_ = true; }
	/* The device-space box of what the page drew that is not white, as
	   x0, y0, x1, y1; x0 > x1 when nothing. */
	const double *area() const { return area_; }
	void drop_text() { text_ = nullptr; }

	/* What poppler's text device asks for; images, shadings and patterns come here too
	   (and are only noted). */
	bool upsideDown() override { return true; }
	bool useDrawChar() override { return true; }
	bool interpretType3Chars() override { return false; }
	bool needNonText() override { return true; }
	bool needCharCount() override { return true; }
	/* Shadings come here, and make the page need the whole drawing. */
	bool useShadedFills(int) override { return true; }
	bool useTilingPatternFill() override { return true; }

	/* The text device's calls, handed on (TextOutputDev's overrides). */
	void startPage(int num, GfxState *state, XRef *xref) override
	{
		if (text_)
			text_->startPage(num, state, xref);
	}
	void endPage() override
	{
		if (text_)
			text_->endPage();
	}
	void updateFont(GfxState *state) override
	{
		if (text_)
			text_->updateFont(state);
	}
	void endString(GfxState *state) override
	{
		if (text_)
			text_->endString(state);
	}
	void drawChar(GfxState *state, double x, double y, double dx, double dy, double ox, double oy, CharCode c, int n,
	              const Unicode *u, int ulen) override
	{
		if (text_)
			text_->drawChar(state, x, y, dx, dy, ox, oy, c, n, u, ulen);
	}
	void incCharCount(int n) override
	{
		if (text_)
			text_->incCharCount(n);
	}
	void beginActualText(GfxState *state, const GooString *t) override
	{
		if (text_)
			text_->beginActualText(state, t);
	}
	void endActualText(GfxState *state) override
	{
		if (text_)
			text_->endActualText(state);
	}
	void processLink(AnnotLink *link) override
	{
		if (text_)
			text_->processLink(link);
	}

	/* Whether something was met that only the whole drawing shows. */
	bool incomplete() const { return incomplete_ || cairo_status(cr_) != CAIRO_STATUS_SUCCESS; }

	void saveState(GfxState *) override { cairo_save(cr_); }
	void restoreState(GfxState *state) override
	{
		if (text_)
			text_->restoreState(state);
		cairo_restore(cr_);
	}

	void stroke(GfxState *state) override
	{
		if (text_)
			text_->stroke(state);
		if (!user_space(state) || !plain(state, state->getStrokeColorSpace()))
			return;
		/* Stroke adjustment: under a device pixel wide, one pixel wide and on pixel centres. */
		double w = state->getLineWidth(), dx = w, dy = w;
		bool adjust = false;
		cairo_user_to_device_distance(cr_, &dx, &dy);
		if (fabs(dx) <= 1.0 && fabs(dy) <= 1.0) {
			dx = dy = 1.0;
			cairo_device_to_user_distance(cr_, &dx, &dy);
			w = fmin(fabs(dx), fabs(dy));
			adjust = true;
		}
		cairo_set_line_width(cr_, w);
		double start;
		const std::vector<double> &dash = state->getLineDash(&start);
		cairo_set_dash(cr_, dash.empty() ? nullptr : dash.data(), (int)dash.size(), start);
		static const cairo_line_join_t joins[] = { CAIRO_LINE_JOIN_MITER, CAIRO_LINE_JOIN_ROUND, CAIRO_LINE_JOIN_BEVEL };
		static const cairo_line_cap_t caps[] = { CAIRO_LINE_CAP_BUTT, CAIRO_LINE_CAP_ROUND, CAIRO_LINE_CAP_SQUARE };
		int join = state->getLineJoin(), cap = state->getLineCap();
		if (join >= 0 && join <= 2)
			cairo_set_line_join(cr_, joins[join]);
		if (cap >= 0 && cap <= 2)
			cairo_set_line_cap(cr_, caps[cap]);
		cairo_set_miter_limit(cr_, state->getMiterLimit());
		path(state->getPath(), adjust);
		GfxRGB rgb;
		state->getStrokeRGB(&rgb);
		cairo_set_source_rgba(cr_, colToDbl(rgb.r), colToDbl(rgb.g), colToDbl(rgb.b), state->getStrokeOpacity());
		mark(rgb, true);
		cairo_stroke(cr_);
	}

	void fill(GfxState *state) override
	{
		if (text_)
			text_->fill(state);
		paint(state, CAIRO_FILL_RULE_WINDING);
	}
	void eoFill(GfxState *state) override
	{
		if (text_)
			text_->eoFill(state);
		paint(state, CAIRO_FILL_RULE_EVEN_ODD);
	}

	void clip(GfxState *state) override { clip_to(state, CAIRO_FILL_RULE_WINDING); }
	void eoClip(GfxState *state) override { clip_to(state, CAIRO_FILL_RULE_EVEN_ODD); }
	void clipToStrokePath(GfxState *) override { incomplete_ = true; }

	void updateRender(GfxState *state) override
	{
		if (state->getRender() >= 4) /* text that clips */
			incomplete_ = true;
	}

	void beginString(GfxState *state, const GooString *str) override
	{
		if (text_)
			text_->beginString(state, str);
		const std::shared_ptr<GfxFont> &font = state->getFont();
		if ((font && font->getType() == fontType3) || state->getRender() >= 4)
			incomplete_ = true;
	}

	bool tilingPatternFill(GfxState *, Gfx *, Catalog *, GfxTilingPattern *, const double *, int, int, int, int, double,
	                       double) override
	{
		incomplete_ = true;
		return true;
	}
	bool functionShadedFill(GfxState *, GfxFunctionShading *) override { return incomplete_ = true; }
	bool axialShadedFill(GfxState *, GfxAxialShading *, double, double) override { return incomplete_ = true; }
	bool radialShadedFill(GfxState *, GfxRadialShading *, double, double) override { return incomplete_ = true; }
	bool gouraudTriangleShadedFill(GfxState *, GfxGouraudTriangleShading *) override { return incomplete_ = true; }
	bool patchMeshShadedFill(GfxState *, GfxPatchMeshShading *) override { return incomplete_ = true; }

	void drawImageMask(GfxState *state, Object *ref, Stream *str, int width, int height, bool invert, bool interpolate,
	                   bool inlineImg) override
	{
		incomplete_ = true;
		OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
	}
	void setSoftMaskFromImageMask(GfxState *state, Object *ref, Stream *str, int width, int height, bool invert,
	                              bool inlineImg, double *baseMatrix) override
	{
		incomplete_ = true;
		OutputDev::setSoftMaskFromImageMask(state, ref, str, width, height, invert, inlineImg, baseMatrix);
	}
	void drawImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap,
	               bool interpolate, const int *maskColors, bool inlineImg) override
	{
		incomplete_ = true;
		OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
	}
	void drawMaskedImage(GfxState *, Object *, Stream *, int, int, GfxImageColorMap *, bool, Stream *, int, int, bool,
	                     bool) override
	{
		incomplete_ = true;
	}
	void drawSoftMaskedImage(GfxState *, Object *, Stream *, int, int, GfxImageColorMap *, bool, Stream *, int, int,
	                         GfxImageColorMap *, bool) override
	{
		incomplete_ = true;
	}
	void beginTransparencyGroup(GfxState *, const double *, GfxColorSpace *, bool, bool, bool) override
	{
		incomplete_ = true;
	}
	void setSoftMask(GfxState *, const double *, bool, Function *, GfxColor *) override { incomplete_ = true; }

private:
	cairo_t *cr_ = nullptr;
	TextOutputDev *text_ = nullptr;
	cairo_matrix_t base_; /* the caller's: scale and turn of the page */
	bool incomplete_ = false;
	double area_[4];

	/*
	 * The path about to be stroked or filled taken into the area: its
	 * extents (cairo's, the pen's width, caps and joins included; the clip
	 * not) turned to device space.  White paint is left out: over paper it
	 * leaves paper, and over ink it only touches pixels already inside.
	 */
	void mark(const GfxRGB &rgb, bool stroke)
	{
		if (rgb.r >= gfxColorComp1 && rgb.g >= gfxColorComp1 && rgb.b >= gfxColorComp1)
			return;
		double x0, y0, x1, y1;
		if (stroke)
			cairo_stroke_extents(cr_, &x0, &y0, &x1, &y1);
		else
			cairo_fill_extents(cr_, &x0, &y0, &x1, &y1);
		double xs[4] = { x0, x1, x0, x1 }, ys[4] = { y0, y0, y1, y1 };
		for (int i = 0; i < 4; i++) {
			cairo_user_to_device(cr_, &xs[i], &ys[i]);
			area_[0] = fmin(area_[0], xs[i]);
			area_[1] = fmin(area_[1], ys[i]);
			area_[2] = fmax(area_[2], xs[i]);
			area_[3] = fmax(area_[3], ys[i]);
		}
	}

	/* The cairo matrix set to the state's CTM on the caller's; false when singular. */
	bool user_space(GfxState *state)
	{
		const double *m = state->getCTM();
		cairo_matrix_t ctm, inv;
		cairo_matrix_init(&ctm, m[0], m[1], m[2], m[3], m[4], m[5]);
		inv = ctm;
		if (cairo_matrix_invert(&inv) != CAIRO_STATUS_SUCCESS)
			return false;
		cairo_set_matrix(cr_, &base_);
		cairo_transform(cr_, &ctm);
		return true;
	}

	/* Whether the colour and compositing are ones drawn here (else the page is incomplete). */
	bool plain(GfxState *state, GfxColorSpace *cs)
	{
		if ((cs && cs->getMode() == csPattern) || state->getBlendMode() != gfxBlendNormal) {
			incomplete_ = true;
			return false;
		}
		return true;
	}

	/* A point of a stroke adjusted: the end of a horizontal or vertical segment on a pixel centre. */
	void point(const GfxSubpath *sp, int i, bool adjust, double *x, double *y)
	{
		*x = sp->getX(i);
		*y = sp->getY(i);
		if (!adjust)
			return;
		double x1 = *x, y1 = *y;
		cairo_user_to_device(cr_, &x1, &y1);
		bool align = false;
		for (int j = i - 1; j <= i + 1 && !align; j += 2) {
			if (j < 0 || j >= sp->getNumPoints() || sp->getCurve(j))
				continue;
			double x2 = sp->getX(j), y2 = sp->getY(j);
			cairo_user_to_device(cr_, &x2, &y2);
			align = fabs(x2 - x1) < 0.5 || fabs(y2 - y1) < 0.5;
		}
		if (align) {
			*x = floor(x1) + 0.5;
			*y = floor(y1) + 0.5;
			cairo_device_to_user(cr_, x, y);
		}
	}

	void path(const GfxPath *p, bool adjust)
	{
		cairo_new_path(cr_);
		for (int i = 0; i < p->getNumSubpaths(); i++) {
			const GfxSubpath *sp = p->getSubpath(i);
			int n = sp->getNumPoints();
			if (n <= 0)
				continue;
			double x, y;
			point(sp, 0, adjust, &x, &y);
			cairo_move_to(cr_, x, y);
			for (int j = 1; j < n;) {
				if (sp->getCurve(j) && j + 2 < n) {
					point(sp, j + 2, adjust, &x, &y);
					cairo_curve_to(cr_, sp->getX(j), sp->getY(j), sp->getX(j + 1), sp->getY(j + 1), x, y);
					j += 3;
				} else {
					point(sp, j, adjust, &x, &y);
					cairo_line_to(cr_, x, y);
					j++;
				}
			}
			if (sp->isClosed())
				cairo_close_path(cr_);
		}
	}

	void paint(GfxState *state, cairo_fill_rule_t rule)
	{
		if (!user_space(state) || !plain(state, state->getFillColorSpace()))
			return;
		path(state->getPath(), false);
		cairo_set_fill_rule(cr_, rule);
		GfxRGB rgb;
		state->getFillRGB(&rgb);
		cairo_set_source_rgba(cr_, colToDbl(rgb.r), colToDbl(rgb.g), colToDbl(rgb.b), state->getFillOpacity());
		mark(rgb, false);
		cairo_fill(cr_);
	}

	void clip_to(GfxState *state, cairo_fill_rule_t rule)
	{
		if (!user_space(state))
			return;
		path(state->getPath(), false);
		cairo_set_fill_rule(cr_, rule);
		cairo_clip(cr_);
	}
};

} // namespace

/*
 * poppler-glib's page, as poppler-glib 22 lays it out (glib/poppler-private.h):
 * the page of its document and the text read from it, kept for
 * poppler_page_get_text() and the other text calls.  Only read or set after
 * checking that the fields hold what they must (the page's index and number,
 * no text read yet).
 */
struct glib_page {
	GObject parent_instance;
	PopplerDocument *document;
	Page *page;
	int index;
	TextPage *text;
};

struct pdfpaths {
	PopplerDocument *pd;
	PathsOutputDev dev; /* kept for the document: its cache of ICC colour spaces */
};

/* Whether a font dictionary of resources names a Type3 font (glyphs drawn by paths). */
static bool has_type3(Dict *fonts)
{
	for (int i = 0; i < fonts->getLength(); i++) {
		Object font = fonts->getVal(i);
		if (font.isDict() && font.dictLookup("Subtype").isName("Type3"))
			return true;
	}
	return false;
}

extern "C" pdfpaths *pdfpaths_open(PopplerDocument *pd)
{
	if (!globalParams) /* set up by poppler-glib's open document */
		return nullptr;
	pdfpaths *p = new pdfpaths;
	p->pd = pd;
	return p;
}

/* poppler's page of pp, when pp is laid out as glib_page says and holds no text yet. */
static Page *core_page(pdfpaths *p, PopplerPage *pp, int index)
{
	glib_page *gp = reinterpret_cast<glib_page *>(pp);
	if (!p || gp->document != p->pd || gp->index != index || !gp->page || gp->text)
		return nullptr;
	if (gp->page->getNum() != index + 1 || !gp->page->isOk() || !gp->page->getDoc())
		return nullptr;
	return gp->page;
}

/*
 * One pass over the page's contents, as poppler-glib reads a page's text
 * (Page::createGfx at 72 dpi, media box off, crop box on): the text device
 * keeps the text, the paths go onto cr; then the annotations, drawn as
 * poppler_page_render draws them (paths only).  The text is handed to pp.
 */
extern "C" int pdfpaths_read_page(pdfpaths *p, PopplerPage *pp, int index, cairo_t *cr)
{
#if POPPLER_MAJOR_VERSION != 22 /* glib_page's text checked on poppler-glib 22 only */
	return -1;
#endif
	Page *page = core_page(p, pp, index);
	if (!page)
		return -1;
	TextOutputDev text(nullptr, true, 0, false, false);
	p->dev.begin(cr, &text);
	cairo_save(cr);
	Gfx *gfx = page->createGfx(&p->dev, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false, nullptr, nullptr);
	page->display(gfx);
	text.endPage();
	reinterpret_cast<glib_page *>(pp)->text = text.takeText();
	p->dev.drop_text();
	Annots *annots = page->getAnnots();
	if (annots)
		for (Annot *annot : annots->getAnnots())
			annot->draw(gfx, false);
	delete gfx;
	cairo_restore(cr);
	return p->dev.incomplete() ? 0 : 1;
}

/*
 * The paths again (a page turned back after its text was read): read by Gfx
 * as poppler draws the page (its box, rotation and crop box, its contents,
 * then its annotations), with the page's own fonts left out of its
 * resources so that its text is skipped without loading them.  A page
 * with a Type3 font among them is incomplete.
 */
extern "C" bool pdfpaths_draw(pdfpaths *p, PopplerPage *pp, int index, cairo_t *cr)
{
	glib_page *gp = reinterpret_cast<glib_page *>(pp);
	if (!p || gp->document != p->pd || gp->index != index || !gp->page || gp->page->getNum() != index + 1)
		return false;
	Page *page = gp->page;
	PDFDoc *doc = page->getDoc();
	XRef *xref = doc->getXRef();
	p->dev.begin(cr, nullptr);
	Dict *copy = page->getResourceDictCopy(xref);
	Object res = copy ? Object(copy) : Object(objNull);
	if (res.isDict()) {
		Object fonts = res.dictLookup("Font");
		if (fonts.isDict() && has_type3(fonts.getDict()))
			p->dev.set_incomplete();
		res.dictRemove("Font");
	}
	int rotate = page->getRotate() % 360;
	if (rotate < 0)
		rotate += 360;
	PDFRectangle box;
	bool crop = true;
	page->makeBox(72.0, 72.0, rotate, false, true, -1, -1, -1, -1, &box, &crop);
	cairo_save(cr);
	Gfx *gfx = new Gfx(doc, &p->dev, index + 1, res.isDict() ? res.getDict() : nullptr, 72.0, 72.0, &box,
	                   crop ? page->getCropBox() : nullptr, rotate, nullptr, nullptr, xref);
	page->display(gfx);
	Annots *annots = page->getAnnots();
	if (annots)
		for (Annot *annot : annots->getAnnots())
			annot->draw(gfx, false);
	delete gfx;
	cairo_restore(cr);
	return !p->dev.incomplete();
}

extern "C" bool pdfpaths_area(const pdfpaths *p, int area[4])
{
	const double *a = p->dev.area();
	if (!(a[0] <= a[2] && a[1] <= a[3]) || !(fabs(a[0]) < 1e9 && fabs(a[1]) < 1e9 && fabs(a[2]) < 1e9 && fabs(a[3]) < 1e9)) {
		area[0] = area[1] = area[2] = area[3] = 0;
		return a[0] > a[2] || a[1] > a[3];
	}
	/* Antialiasing reaches the pixels the box's edges cross; a pixel more each side. */
	area[0] = (int)floor(a[0]) - 1;
	area[1] = (int)floor(a[1]) - 1;
	area[2] = (int)ceil(a[2]) + 1;
	area[3] = (int)ceil(a[3]) + 1;
	return true;
}

extern "C" void pdfpaths_close(pdfpaths *p)
{
	delete p;
}
