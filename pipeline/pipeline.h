/*
 * pipeline: one input file through every stage into a document.
 */
#ifndef DX_PIPELINE_H
#define DX_PIPELINE_H

#include <stddef.h>

#include "core/error.h"
#include "core/model.h"
#include "extract/pdf.h"
#include "extract/sniff.h"
#include "map/schema.h"

#define PIPELINE_MAX_INPUT ((size_t)1 << 30) /* 1 GiB: larger inputs are refused */

typedef struct pipeline_options {
	pdf_options pdf;
	enum input_format input_format; /* INPUT_UNKNOWN: sniffed from the content */
	const schema_set *schemas;      /* NULL: tables are not mapped */
	const char *unit;               /* convert every amount to this unit, or NULL */
	bool facts;                     /* list the figures stated in running text */
	size_t max_cells;               /* grid slots all tables may hold; 0: no limit */
} pipeline_options;

#define PIPELINE_MAX_CELLS ((size_t)1000000) /* the default --max-cells */

/*
 * Reads path ("-" = standard input) into *data (malloc'd, caller frees).
 * Returns 0, or -1 with err set: missing, a directory, unreadable, too large.
 */
int pipeline_read(const char *path, char **data, size_t *len, error *err);
/* The SHA-256 of data as 64 lowercase hex digits (documents' source.sha256); "" on failure. */
void pipeline_sha256(const char *data, size_t len, char out[65]);
/*
 * Runs extract → layout → tables → blocks → identity on data (a PDF), or the
 * text or HTML reader then headers and identity; then map and check with
 * opt->schemas and convert to opt->unit.  Returns the
 * document (free with doc_free), or NULL with err set when the input cannot
 * be read at all or its tables would hold more than opt->max_cells grid
 * slots.  Page-level problems are document warnings.
 */
document *pipeline_run(const char *path, const char *data, size_t len, const pipeline_options *opt, error *err);
/*
 * The two halves of pipeline_run.  pipeline_extract reads data into a new
 * document (pages, tables, blocks, identity), NULL with err set as above;
 * pipeline_map maps and checks its tables with opt->schemas, collects facts
 * and converts the unit: 0, or -1 with err set.
 */
document *pipeline_extract(const char *path, const char *data, size_t len, const pipeline_options *opt, error *err);
int pipeline_map(document *doc, const pipeline_options *opt, error *err);

#endif
