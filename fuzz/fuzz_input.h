/*
 * fuzz_input: the body the input fuzzers share.  One input through the whole
 * pipeline (read as the given format, then headers, identity, schema mapping
 * with the repository's schemas, facts, unit conversion) and out through the
 * JSON and CSV emitters; every allocation is the document's and freed with it.
 * The schema set is loaded once (a harness may keep state; the library keeps
 * none).  A cell limit keeps one input's memory bounded, as --max-cells does.
 */
#ifndef DX_FUZZ_INPUT_H
#define DX_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/sbuf.h"
#include "emit/csv.h"
#include "emit/json.h"
#include "map/schema.h"
#include "pipeline/pipeline.h"

static schema_set *fuzz_schemas;

static void fuzz_load_schemas(void)
{
	error err = { 0 };
	const char *dir = getenv("DISCLEX_SCHEMAS");
	fuzz_schemas = schema_set_load(dir && *dir ? dir : "schemas", &err);
	if (!fuzz_schemas) {
		fprintf(stderr, "fuzz: cannot load schemas (run from the repository): %s\n", err.message);
		abort();
	}
}

static int fuzz_one(const uint8_t *data, size_t size, enum input_format format)
{
	if (!fuzz_schemas)
		fuzz_load_schemas();
	pipeline_options opt = { 0 };
	opt.input_format = format;
	opt.schemas = fuzz_schemas;
	opt.facts = true;
	opt.unit = size && (data[0] & 1) ? "\xE5\x85\x83" : NULL; /* 元 on every other input */
	opt.max_cells = 200000;
	opt.pdf.last_page = 8;
	error err = { 0 };
	document *doc = pipeline_run("fuzz.input", (const char *)data, size, &opt, &err);
	if (!doc)
		return 0;
	sbuf json = SBUF_INIT;
	json_write(doc, true, &json);
	sbuf_release(&json);
	FILE *devnull = fopen("/dev/null", "wb");
	if (devnull) {
		csv_write(doc, devnull, NULL, &err);
		fclose(devnull);
	}
	doc_free(doc);
	return 0;
}

#endif
