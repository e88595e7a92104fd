/*
 * map: give each recovered table its schema, its columns and its keyed rows.
 *
 * For every table of a document: recognise it (title and header content
 * against every schema of the set, best score wins, ties and low scores
 * leave it unclaimed), map its grid columns to schema keys through their
 * header paths, turn its body rows into keyed rows (codes joined from
 * 类/款/项 columns, levels and parents from the code tree, two-sided tables
 * split into sides, side-by-side blocks unfolded into groups), and evaluate
 * the schema's identities.  Unclaimed tables get rows and columns too, keyed
 * by their header paths.
 */
#ifndef DX_MAP_MAP_H
#define DX_MAP_MAP_H

#include "core/error.h"
#include "core/model.h"
#include "map/schema.h"

/* Recognise, map and check every table; then the cross-table identities. */
int map_document(document *doc, const schema_set *set, error *err);
/* One warning for every doubt about the mapped tables (map/doubts.c); set names the schemas
   a title left without a table is read against (NULL: not done). */
void map_report_doubts(document *doc, const schema_set *set);
/* Converts every amount to `unit` ("yuan"/"元", "万元", "千元", "亿元") exactly. */
int map_convert_unit(document *doc, const char *unit, error *err);

#endif
