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
 */
#ifndef DX_EMIT_CSV_H
#define DX_EMIT_CSV_H

#include <stdbool.h>
#include <stdio.h>

#include "core/error.h"
#include "core/model.h"

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

#endif
