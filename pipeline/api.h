/*
 * api: what cli/ may reach past the public interface for (include/disclex.h
 * is the interface; these are not exported from the shared library).  Each
 * use is a place the CLI is not yet a plain client of the library.
 */
#ifndef DX_PIPELINE_API_H
#define DX_PIPELINE_API_H

#include <stddef.h>

#include "core/model.h"
#include "include/disclex.h"
#include "map/schema.h"

/* Leave pages without a text layer unread by OCR (--no-ocr). */
void api_options_no_ocr(dx_options *opt);
/* The document model behind doc (lent; NULL before dx_extract). */
document *api_model(const dx_document *doc);
/* The input's bytes (lent), their length in *len. */
const char *api_data(const dx_document *doc, size_t *len);
/* The schema set behind schemas (lent). */
const schema_set *api_schema_set(const dx_schemas *schemas);

#endif
