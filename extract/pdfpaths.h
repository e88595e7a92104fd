/*
 * pdfpaths: the vector paths of a PDF page drawn onto cairo without its text and
 * images (poppler's core API; see extract/pdfpaths.cc), for extract/pdf.c.
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

/* The PDF in data (len bytes, borrowed until pdfpaths_close) opened for its paths, or
   NULL.  Only while a poppler-glib document is open (it sets up poppler's globals). */
pdfpaths *pdfpaths_open(const char *data, size_t len);

/* Draws the fills and strokes of page index (0-based) onto cr, on cr's matrix (points
   of the page as displayed, top left origin) and clip.  False when the page holds what
   only poppler's whole drawing shows (images, shadings, patterns, Type3 glyphs, clipping
   text, soft masks, transparency groups, blend modes): cr then holds part of it. */
bool pdfpaths_draw(pdfpaths *p, int index, cairo_t *cr);

void pdfpaths_close(pdfpaths *p);

#ifdef __cplusplus
}
#endif

#endif
