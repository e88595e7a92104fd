/*
 * pdfpaths: a PDF page's text read and its vector paths drawn onto cairo without its
 * text and images, in one pass (poppler's core API; see extract/pdfpaths.cc), for
 * extract/pdf.c.
 */
#ifndef DX_PDFPATHS_H
#define DX_PDFPATHS_H

#include <cairo.h>
#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pdfpaths pdfpaths;
typedef struct _PopplerDocument PopplerDocument;
typedef struct _PopplerPage PopplerPage;

/* A reader of the pages of pd (borrowed; open until pdfpaths_close), or NULL. */
pdfpaths *pdfpaths_open(PopplerDocument *pd);

/* Reads page index (0-based; pp is poppler-glib's page of it, holding no text yet) in
   one pass: its text, left with pp for poppler_page_get_text() and the other text
   calls, and its fills and strokes, drawn onto cr on cr's matrix (points of the page
   as displayed, top left origin) and clip.  1 when done; 0 when the text was read but
   the page holds what only poppler's whole drawing shows (images, shadings, patterns,
   Type3 glyphs, clipping text, soft masks, transparency groups, blend modes): cr then
   holds part of it; -1 when nothing could be done (poppler-glib reads the text). */
int pdfpaths_read_page(pdfpaths *p, PopplerPage *pp, int index, cairo_t *cr);

/* The fills and strokes of page index alone drawn onto cr (the text not read); false
   when incomplete or not done, as above. */
bool pdfpaths_draw(pdfpaths *p, PopplerPage *pp, int index, cairo_t *cr);

/* The device pixels (x0, y0 inclusive, x1, y1 exclusive; not clipped to the
   surface) outside which the last pdfpaths_read_page or pdfpaths_draw left
   the surface as it found it (no paint there but white); an empty box when
   it painted nothing.  False when that is not known (a box out of range):
   the whole surface may then be painted. */
bool pdfpaths_area(const pdfpaths *p, int area[4]);

void pdfpaths_close(pdfpaths *p);

#ifdef __cplusplus
}
#endif

#endif
