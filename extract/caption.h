/*
 * caption: a table's title, form number, unit and entity from the lines
 * printed above it.
 */
#ifndef DX_CAPTION_H
#define DX_CAPTION_H

#include <stddef.h>

#include "core/model.h"
#include "extract/found.h"

/* Reads the lines above ft on pg into its title/number/unit/entity and claims them. */
void caption_read(document *doc, page *pg, found_table *ft);
/*
 * Reads one caption line: sets *number, *unit, *entity when found (arena
 * strings; unit is a static string) and returns what remains, trimmed (the
 * title part, "" when nothing is left).
 */
char *caption_parse(arena *a, const char *text, char **number, const char **unit, char **entity);

#endif
