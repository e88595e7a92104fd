/*
 * facts: figures stated in a document's running text.
 */
#ifndef DX_FACTS_H
#define DX_FACTS_H

#include "core/model.h"

/* Fills doc->facts from doc->blocks and sets doc->want_facts. */
void facts_collect(document *doc);

#endif
