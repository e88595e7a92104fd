/*
 * ocr: the glyphs of a page without a text layer, read from its picture by
 * Tesseract (the only user of libtesseract).
 */
#ifndef DX_OCR_H
#define DX_OCR_H

#include <stdbool.h>

#include "core/error.h"
#include "core/model.h"

/* OCR confidence (0..100) under which a value read into a table is doubted. */
#define OCR_LOW_CONFIDENCE 80

typedef struct ocr_engine ocr_engine;

/*
 * Starts Tesseract with the chi_sim+eng models, or takes the engine a
 * document closed before (ocr.c keeps one).  Returns NULL with err set
 * (ERROR_INPUT; the message says what is missing and how to install it) when
 * the program was built without Tesseract or its language data is missing.
 */
ocr_engine *ocr_open(error *err);
/* Gives the engine back: kept for the next ocr_open, or ended when one is kept already. */
void ocr_close(ocr_engine *e);
/* "Tesseract chi_sim+eng", for messages. */
const char *ocr_describe(const ocr_engine *e);

/*
 * Reads a grey picture of the page (w × h bytes, `stride` bytes a row, 0 black
 * .. 255 white; its rules are whitened in place) drawn at `scale` pixels per
 * point, and appends one glyph per
 * recognised character to pg->glyphs (flagged GLYPH_OCR, with its confidence)
 * in page points.  Sets pg->ocr and records a page_ocr warning saying what was
 * read.  Returns the glyphs added.
 */
size_t ocr_read_page(ocr_engine *e, document *doc, page *pg, unsigned char *grey, int w, int h, int stride,
                     double scale);

/* After mapping: an ocr_low_confidence warning for each table holding values
 * read under OCR_LOW_CONFIDENCE. */
void ocr_check_tables(document *doc);

#endif
