/*
 * unruled: tables drawn without (enough) rulings, from text alignment.
 */
#ifndef DX_UNRULED_H
#define DX_UNRULED_H

#include "core/model.h"
#include "extract/found.h"

/* Finds unruled tables among the page's unclaimed lines and appends them to out. */
void unruled_find(document *doc, page *pg, found_vec *out);

#endif
