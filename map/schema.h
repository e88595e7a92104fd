/*
 * schema: the table catalogue (docs/schemas.md) as data.
 *
 * schema_set_load() reads every *.xml file of a directory (or of several,
 * separated by ':'), validates each against the RELAX NG grammar
 * `schema.rng` found in the first of those directories that holds one, and
 * turns the <schema> and <document-check> elements into the in-memory set
 * map/ recognises tables with.  Titles and header patterns are normalized
 * once here, the same way map/ normalizes what a document printed.
 */
#ifndef DX_MAP_SCHEMA_H
#define DX_MAP_SCHEMA_H

#include <stddef.h>

#include "core/error.h"

typedef struct schema_set schema_set;

/* Loads all *.xml in dir (':'-separated list); NULL + err naming file:line. */
schema_set *schema_set_load(const char *dir, error *err);
void schema_set_free(schema_set *set);
/* How many <schema> elements the set holds. */
size_t schema_set_count(const schema_set *set);

#endif
