/*
 * unruled: tables without rulings (see unruled.h); filled in below.
 */
#include "extract/unruled.h"

void unruled_find(document *doc, page *pg, found_vec *out)
{
	(void)doc; (void)pg; (void)out;
}
