/*
 * decimal: exact amounts as scaled 64-bit integers.
 *
 * value = units / 10^scale, scale 0..DECIMAL_MAX_SCALE.  Printed amounts
 * (3,260.55) are parsed from their digits, added and compared without ever
 * passing through binary floating point, and printed back in the shortest
 * exact form (3260.55, 0, -7, 12.5).  Operations that would overflow set
 * the `overflow` flag of the result instead of wrapping.
 */
#ifndef DX_DECIMAL_H
#define DX_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/sbuf.h"

#define DECIMAL_MAX_SCALE 9

typedef struct decimal {
	int64_t units;
	int8_t scale;
	bool overflow;
} decimal;

decimal decimal_from_int(int64_t v);
/*
 * Parses plain ASCII: optional sign, digits with optional ',' groups, optional
 * '.' and fraction digits.  Nothing else (no spaces, no units).  Returns false
 * on anything that is not exactly such a number or does not fit.
 */
bool decimal_parse(const char *s, size_t n, decimal *out);
decimal decimal_add(decimal a, decimal b);
decimal decimal_sub(decimal a, decimal b);
decimal decimal_neg(decimal a);
decimal decimal_abs(decimal a);
/* Multiplies by 10^exp (exp may be negative only while digits stay exact). */
bool decimal_shift(decimal a, int exp, decimal *out);
int decimal_cmp(decimal a, decimal b);
bool decimal_is_zero(decimal a);
/* Appends the shortest exact form: no exponent, no trailing fraction zeros. */
void decimal_format(decimal d, sbuf *out);
/* Appends every digit of its scale: 10.00 parsed stays 10.00 (text as printed). */
void decimal_format_printed(decimal d, sbuf *out);

#endif
