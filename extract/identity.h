/*
 * identity: what a document is (kind, year, department, title).
 */
#ifndef DX_IDENTITY_H
#define DX_IDENTITY_H

#include "core/model.h"

/* Sets doc->kind, year, department and title from its first blocks (and tables' entities). */
void identity_detect(document *doc);

#endif
