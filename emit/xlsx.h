/*
 * xlsx: documents as one Excel workbook (libxlsxwriter).
 *
 * The first sheet, `tables`, lists side by side every table (document, id,
 * sheet, title, schema, unit, pages, rows, checks holding), every check and
 * every warning; then one sheet per table: title, unit, pages, schema and
 * document in the first rows, then the printed grid with its merged cells
 * merged, amounts as numbers shown with their printed decimals.
 */
#ifndef DX_EMIT_XLSX_H
#define DX_EMIT_XLSX_H

#include <stddef.h>

#include "core/error.h"
#include "core/model.h"

/* An amount with more significant digits than this is written as text (a
 * spreadsheet number is a binary double: 15 digits survive the round trip). */
#define XLSX_MAX_DIGITS 15

typedef struct xlsx_book xlsx_book;

/* Starts a workbook that xlsx_close writes to path.  NULL with err set on failure. */
xlsx_book *xlsx_open(const char *path, error *err);
/* Adds one document's tables, checks and warnings.  *as_text (may be NULL) is
 * set to the number of amounts written as text (over XLSX_MAX_DIGITS digits
 * or out of range); each is also listed among the workbook's warnings. */
int xlsx_add(xlsx_book *b, const document *doc, size_t *as_text, error *err);
/* Writes the workbook to its path and frees it (b may be NULL).  Returns 0, or
 * -1 with err set. */
int xlsx_close(xlsx_book *b, error *err);

#endif
