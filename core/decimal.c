/*
 * decimal: exact scaled-integer arithmetic.  See decimal.h.
 *
 * Two operands are brought to the larger scale before adding or comparing;
 * every multiplication by ten is checked, so a sum that cannot be held
 * exactly is flagged, never rounded.
 */
#include "core/decimal.h"

#include <string.h>

static const int64_t pow10_table[] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
	10000000000LL, 100000000000LL, 1000000000000LL, 10000000000000LL,
	100000000000000LL, 1000000000000000LL, 10000000000000000LL,
	100000000000000000LL, 1000000000000000000LL,
};

decimal decimal_from_int(int64_t v)
{
	decimal d = { v, 0, false };
	return d;
}

static bool scale_up(decimal *d, int scale)
{
	if (d->scale >= scale)
		return true;
	int64_t m = pow10_table[scale - d->scale];
	int64_t r;
	if (__builtin_mul_overflow(d->units, m, &r))
		return false;
	d->units = r;
	d->scale = (int8_t)scale;
	return true;
}

bool decimal_parse(const char *s, size_t n, decimal *out)
{
	size_t i = 0;
	bool neg = false;
	if (i < n && (s[i] == '-' || s[i] == '+')) {
		neg = s[i] == '-';
		i++;
	}
	int64_t units = 0;
	int scale = 0, int_digits = 0, group = -1;
	bool seen_point = false, any = false;
	for (; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			if (seen_point) {
				if (scale == DECIMAL_MAX_SCALE)
					return false;
				scale++;
			} else {
				int_digits++;
				if (group >= 0)
					group++;
			}
			if (__builtin_mul_overflow(units, 10, &units) ||
			    __builtin_add_overflow(units, c - '0', &units))
				return false;
			any = true;
		} else if (c == ',' && !seen_point) {
			/* Group separators: at least one digit before, exactly three between. */
			if (int_digits == 0 || (group >= 0 && group != 3) || (group < 0 && int_digits > 3))
				return false;
			group = 0;
		} else if (c == '.' && !seen_point) {
			if (group >= 0 && group != 3)
				return false;
			seen_point = true;
			group = -1;
		} else {
			return false;
		}
	}
	if (!any || (group >= 0 && group != 3))
		return false;
	out->units = neg ? -units : units;
	out->scale = (int8_t)scale;
	out->overflow = false;
	return true;
}

decimal decimal_add(decimal a, decimal b)
{
	decimal r = { 0, 0, a.overflow || b.overflow };
	int scale = a.scale > b.scale ? a.scale : b.scale;
	if (!scale_up(&a, scale) || !scale_up(&b, scale) ||
	    __builtin_add_overflow(a.units, b.units, &r.units)) {
		r.overflow = true;
		return r;
	}
	r.scale = (int8_t)scale;
	return r;
}

decimal decimal_neg(decimal a)
{
	if (a.units == INT64_MIN)
		a.overflow = true;
	else
		a.units = -a.units;
	return a;
}

decimal decimal_sub(decimal a, decimal b)
{
	return decimal_add(a, decimal_neg(b));
}

decimal decimal_abs(decimal a)
{
	return a.units < 0 ? decimal_neg(a) : a;
}

bool decimal_shift(decimal a, int exp, decimal *out)
{
	if (exp >= 0) {
		/* First spend the fraction digits, then multiply. */
		while (exp > 0 && a.scale > 0) {
			a.scale--;
			exp--;
		}
		if (exp > 18)
			return false;
		if (exp > 0 && __builtin_mul_overflow(a.units, pow10_table[exp], &a.units))
			return false;
	} else {
		if (a.scale - exp > DECIMAL_MAX_SCALE)
			return false;
		a.scale = (int8_t)(a.scale - exp);
	}
	*out = a;
	return true;
}

int decimal_cmp(decimal a, decimal b)
{
	int scale = a.scale > b.scale ? a.scale : b.scale;
	if (!scale_up(&a, scale) || !scale_up(&b, scale)) {
		/* Out of range at a common scale: compare by sign and magnitude of the integer part. */
		int64_t ia = a.units / pow10_table[a.scale], ib = b.units / pow10_table[b.scale];
		return ia < ib ? -1 : ia > ib;
	}
	return a.units < b.units ? -1 : a.units > b.units;
}

bool decimal_is_zero(decimal a)
{
	return a.units == 0;
}

static void format_digits(decimal d, sbuf *out, bool trim)
{
	char digits[32];
	uint64_t mag = d.units < 0 ? (uint64_t)0 - (uint64_t)d.units : (uint64_t)d.units;
	int scale = d.scale;
	while (trim && scale > 0 && mag % 10 == 0) {
		mag /= 10;
		scale--;
	}
	int n = 0;
	do {
		digits[n++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag);
	while (n <= scale)
		digits[n++] = '0';
	if (d.units < 0 && !(n == 1 && digits[0] == '0'))
		sbuf_addch(out, '-');
	for (int i = n - 1; i >= 0; i--) {
		sbuf_addch(out, digits[i]);
		if (i == scale && scale > 0)
			sbuf_addch(out, '.');
	}
}

void decimal_format(decimal d, sbuf *out)
{
	format_digits(d, out, true);
}

void decimal_format_printed(decimal d, sbuf *out)
{
	format_digits(d, out, false);
}
