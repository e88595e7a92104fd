/*
 * facts: figures stated in a document's running text.
 */
#ifndef DX_FACTS_H
#define DX_FACTS_H

#include "core/model.h"
#include "map/schema.h"

/* Fills doc->facts from doc->blocks and sets doc->want_facts; ties them to the
   mapped tables' cells (set: the schemas they were mapped with, may be NULL),
   adding a document check for each cell restated. */
void facts_collect(document *doc, const schema_set *set);

#endif
