/*
 * fuzz_number: libFuzzer harness for the number and unit vocabulary.  The
 * input, split at its first NUL into a text and a unit name, goes through
 * norm_amount, the Chinese numeral readers, decimal_parse, the unit lookup
 * and exact conversion between every pair of units, the figure finder and
 * the text normalizers; each decimal read is printed back, and a printed
 * decimal must parse again to the same value.
 */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/decimal.h"
#include "core/sbuf.h"
#include "normalize/figures.h"
#include "normalize/number.h"
#include "normalize/text.h"
#include "normalize/unit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void round_trip(decimal d)
{
	sbuf s = SBUF_INIT;
	decimal_format(d, &s);
	decimal back;
	if (!decimal_parse(s.buf, s.len, &back) || decimal_cmp(back, d) != 0)
		abort();
	sbuf_release(&s);
}

static void on_figure(void *ctx, size_t start, size_t end, decimal value, const char *unit)
{
	size_t len = *(size_t *)ctx;
	if (start > end || end > len)
		abort();
	(void)unit;
	round_trip(value);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	size_t len = strlen(text);
	const char *unit_arg = len < size ? text + len + 1 : "";

	decimal d;
	enum amount_kind k = norm_amount(text, &d);
	if (k == AMOUNT_NUMBER || k == AMOUNT_PERCENT)
		round_trip(d);
	if (norm_chinese_number(text, len, &d))
		round_trip(d);
	if (norm_chinese_digits(text, len, &d))
		round_trip(d);
	if (decimal_parse(text, len, &d)) {
		round_trip(d);
		static const char *const units[] = { "\xE5\x85\x83", "\xE5\x8D\x83\xE5\x85\x83", "\xE4\xB8\x87\xE5\x85\x83",
		                                     "\xE4\xBA\xBF\xE5\x85\x83" };
		const char *from = norm_unit(unit_arg);
		for (size_t i = 0; i < 4; i++) {
			decimal out;
			if (from && norm_convert_unit(d, from, units[i], &out))
				round_trip(out);
			if (norm_convert_unit(d, units[i], units[(i + 1) % 4], &out))
				round_trip(out);
		}
	}
	norm_unit_exponent(unit_arg);
	norm_find_figures(text, on_figure, &len);
	arena *a = arena_new();
	int ordinal = 0;
	bool subrow = false;
	norm_text(a, text);
	norm_squeeze(a, text);
	norm_label(a, text, &ordinal, &subrow);
	arena_free(a);
	free(text);
	return 0;
}
