/*
 * csv: the long ("tidy") CSV of docs/output.md, one line per mapped value.
 *
 *   doc,table_id,schema,page,row_code,row_label,side,group,column,value,unit
 *
 * RFC 4180: CRLF line ends, a field quoted when it holds a comma, a quote,
 * CR or LF (or begins or ends with a space), quotes doubled inside.  UTF-8,
 * optionally after a byte order mark for Excel.  Values are exact decimals
 * (or the cell's text, or empty for a blank); the same document gives the
 * same bytes every time.
 *
 * Safe for spreadsheets unless raw (OWASP, CSV injection): a text field that
 * begins with = + - @, a tab or a carriage return would be run as a formula
 * by Excel or LibreOffice, so it is written quoted with a single quote before
 * it ("'=1+2").  Amounts are numbers, never text: -12.5 stays -12.5.
 *
 * Wide (--wide DIR): one CSV per table as printed.  The first line holds
 * the grid columns' header paths (levels joined by '/'), then one line per
 * printed body row, one field per grid column: the exact decimal of the
 * mapped value sitting on that slot (as in the JSON, --unit converted), else
 * the printed text; a slot a merged cell covers is empty.  Its file name
 * (csv_wide_name) is made of the input's name, the table id and its title,
 * with nothing that could leave the directory.
 */
#ifndef DX_EMIT_CSV_H
#define DX_EMIT_CSV_H

#include <stdbool.h>
#include <stdio.h>

#include "core/error.h"
#include "core/model.h"
#include "core/sbuf.h"

typedef struct csv_options {
	bool bom; /* start with a UTF-8 byte order mark */
	bool raw; /* text fields as printed, formula-like ones too */
} csv_options;

/* The header line (after the BOM when asked); once per output.  opt may be NULL. */
int csv_write_header(FILE *out, const csv_options *opt, error *err);
/* The value lines of one document, no header (for a batch after the first). */
int csv_write_rows(const document *doc, FILE *out, const csv_options *opt, error *err);
/* Header and rows of one document. */
int csv_write(const document *doc, FILE *out, const csv_options *opt, error *err);
/* One table as printed (wide). */
int csv_write_wide(const document *doc, const table *t, FILE *out, const csv_options *opt, error *err);
/*
 * The file name of a table's wide CSV: "STEM.ID TITLE.csv", STEM the input's
 * base name without its extension, followed by "~DUP" when dup > 1 (the
 * second input of a run with that stem).  One name, never a path: '/', control
 * characters and a leading '.' become '_', and it is cut (at a character) to
 * CSV_WIDE_NAME_MAX bytes, so no title can leave the directory or name a
 * hidden file.
 */
#define CSV_WIDE_NAME_MAX 200
void csv_wide_name(const document *doc, const table *t, int dup, sbuf *out);

#endif
