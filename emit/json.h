/*
 * json: the disclex/1 JSON of a document (docs/output.md).
 */
#ifndef DX_JSON_H
#define DX_JSON_H

#include <stdbool.h>

#include "core/model.h"
#include "core/sbuf.h"

/* Appends the document's JSON to out: pretty (indented) or on one line (NDJSON). */
void json_write(const document *doc, bool pretty, sbuf *out);
/* Appends s as a JSON string (invalid UTF-8 replaced by U+FFFD). */
void json_string(sbuf *out, const char *s);

#endif
