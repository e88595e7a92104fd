/*
 * map_fixture: builds tables by hand for the map and csv tests, and reads
 * the mapped result back.
 *
 * Rows are given as tab-separated strings (an empty field is a blank cell);
 * header paths are given as the header stage would flatten them.  The
 * schema catalogue of schemas/ is loaded once for a group (load, unload:
 * cmocka group setup and teardown) into `set`.  A mapped column is found
 * by key (col), a row by code or label and side (find), a value read back
 * as its shortest exact text (val, dec) and a check by rule, row and
 * column (find_check).  fixture_run reads a file through the whole
 * pipeline with those schemas.
 */
#ifndef DX_TESTS_MAP_FIXTURE_H
#define DX_TESTS_MAP_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/model.h"
#include "core/sbuf.h"
#include "map/schema.h"
#include "pipeline/pipeline.h"

static schema_set *set;

static inline int load(void **state)
{
	(void)state;
	error err = { 0 };
	set = schema_set_load("schemas", &err);
	if (!set)
		fprintf(stderr, "%s\n", err.message);
	return set ? 0 : -1;
}

static inline int unload(void **state)
{
	(void)state;
	schema_set_free(set);
	return 0;
}

/* Reads and runs one file through the whole pipeline with `set` -> the document, or NULL with
   err filled. */
static inline document *fixture_run(const char *path, error *err)
{
	char *data = NULL;
	size_t len = 0;
	if (pipeline_read(path, &data, &len, err) != 0)
		return NULL;
	pipeline_options opt = { 0 };
	opt.schemas = set;
	document *doc = pipeline_run(path, data, len, &opt, err);
	free(data);
	return doc;
}

static inline table *fixture_table(document *doc, const char *title, const char *const *paths,
                                   size_t ncols, size_t header_rows, const char *const *lines,
                                   size_t nlines)
{
	table *t = doc_add_table(doc, nlines, ncols);
	t->title = arena_strdup(doc->arena, title);
	t->unit = "万元";
	t->header_rows = header_rows;
	for (size_t c = 0; c < ncols; c++)
		t->paths[c] = arena_strdup(doc->arena, paths[c]);
	for (size_t r = 0; r < nlines; r++) {
		const char *p = lines[r];
		for (size_t c = 0; c < ncols; c++) {
			const char *tab = strchr(p, '\t');
			size_t len = tab ? (size_t)(tab - p) : strlen(p);
			table_cell(t, r, c)->text = arena_strndup(doc->arena, p, len);
			if (!tab)
				break;
			p = tab + 1;
		}
	}
	return t;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static inline long col(const table *t, const char *key)
{
	for (size_t k = 0; k < t->columns.len; k++)
		if (strcmp(t->columns.items[k].key, key) == 0)
			return (long)k;
	return -1;
}

static inline const row *find(const table *t, const char *key, const char *side)
{
	for (size_t i = 0; i < t->rows.len; i++) {
		const row *r = &t->rows.items[i];
		if (side && (!r->side || strcmp(r->side, side) != 0))
			continue;
		if ((r->code && strcmp(r->code, key) == 0) || (r->label && strcmp(r->label, key) == 0))
			return r;
	}
	return NULL;
}

static inline char *dec(document *doc, decimal d)
{
	sbuf b = SBUF_INIT;
	decimal_format(d, &b);
	char *s = arena_strdup(doc->arena, b.buf);
	sbuf_release(&b);
	return s;
}

/* The value as its shortest exact text, "null" for a blank. */
static inline const char *val(document *doc, const table *t, const row *r, const char *key)
{
	long k = col(t, key);
	if (k < 0 || !r)
		return "missing";
	const value *v = &r->values[k];
	if (v->kind == VALUE_NULL)
		return "null";
	if (v->kind == VALUE_TEXT)
		return v->text;
	return dec(doc, v->number);
}

static inline const check *find_check(const table *t, const char *rule, const char *rowkey,
				      const char *colkey)
{
	for (size_t i = 0; i < t->checks.len; i++) {
		const check *c = &t->checks.items[i];
		if (strcmp(c->rule, rule) == 0 && c->row && strcmp(c->row, rowkey) == 0 && c->column &&
		    strcmp(c->column, colkey) == 0)
			return c;
	}
	return NULL;
}

/* The last document check of the rule, or NULL. */
static inline const check *find_document_check(const document *doc, const char *rule)
{
	const check *found = NULL;
	for (size_t i = 0; i < doc->document_checks.len; i++)
		if (strcmp(doc->document_checks.items[i].rule, rule) == 0)
			found = &doc->document_checks.items[i];
	return found;
}

#endif
