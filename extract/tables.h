/*
 * tables: recovering tables from page geometry.
 */
#ifndef DX_TABLES_H
#define DX_TABLES_H

#include "core/model.h"
#include "extract/found.h"

/*
 * Finds the tables on every page (after layout_lines), fills doc->tables with
 * their printed grids, titles, form numbers, units and entities, joins tables
 * continued over pages, and marks the lines they claim as in_table.
 */
void tables_recover(document *doc);

#endif
