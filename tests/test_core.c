/*
 * Tests for core/: exact decimals, the growable string, UTF-8 helpers, the arena.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/decimal.h"
#include "core/model.h"
#include "core/sbuf.h"

static void expect_format(decimal d, const char *want)
{
	sbuf sb = SBUF_INIT;
	decimal_format(d, &sb);
	assert_string_equal(sb.buf, want);
	sbuf_release(&sb);
}

static void expect_parse(const char *text, const char *want)
{
	decimal d;
	assert_true(decimal_parse(text, strlen(text), &d));
	expect_format(d, want);
}

static void test_decimal_parse_and_format(void **state)
{
	(void)state;
	expect_parse("3,260.55", "3260.55");
	expect_parse("0.00", "0");
	expect_parse("-7.00", "-7");
	expect_parse("12.50", "12.5");
	expect_parse("1,234,567.891", "1234567.891");
	expect_parse("+5", "5");
	expect_parse("32,852.053832", "32852.053832");
	expect_parse("0.05", "0.05");
	expect_parse("-0.00", "0");
}

static void test_decimal_rejects(void **state)
{
	(void)state;
	static const char *const bad[] = { "", "-", "1,23.00", "12,3456", "1..2", "1.2.3", "abc", "1 2",
	                                   ",123", "1,234,56", "9999999999999999999999", "0.0000000001" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		decimal d;
		assert_false(decimal_parse(bad[i], strlen(bad[i]), &d));
	}
}

static void test_decimal_arithmetic(void **state)
{
	(void)state;
	decimal a, b, c;
	assert_true(decimal_parse("0.1", 3, &a));
	assert_true(decimal_parse("0.2", 3, &b));
	assert_true(decimal_parse("0.3", 3, &c));
	/* Exact: 0.1 + 0.2 is 0.3, which binary floating point never gives. */
	assert_int_equal(decimal_cmp(decimal_add(a, b), c), 0);
	assert_true(decimal_parse("2946.25", 7, &a));
	assert_true(decimal_parse("2940.05", 7, &b));
	expect_format(decimal_sub(a, b), "6.2");
	expect_format(decimal_neg(a), "-2946.25");
	expect_format(decimal_abs(decimal_neg(a)), "2946.25");
	assert_true(decimal_cmp(a, b) > 0);
	assert_true(decimal_is_zero(decimal_sub(a, a)));
	/* 万元 to 元 and back. */
	assert_true(decimal_shift(a, 4, &c));
	expect_format(c, "29462500");
	assert_true(decimal_shift(c, -4, &c));
	expect_format(c, "2946.25");
	/* Overflow is flagged, never wrapped. */
	decimal big = decimal_from_int(INT64_MAX);
	assert_true(decimal_add(big, decimal_from_int(1)).overflow);
}

static void test_sbuf(void **state)
{
	(void)state;
	sbuf sb = SBUF_INIT;
	assert_string_equal(sb.buf, "");
	sbuf_addstr(&sb, "  收入 ");
	sbuf_addf(&sb, "%d", 42);
	sbuf_add_utf8(&sb, 0x4E07); /* 万 */
	sbuf_addch(&sb, ' ');
	assert_string_equal(sb.buf, "  收入 42万 ");
	sbuf_trim(&sb);
	assert_string_equal(sb.buf, "收入 42万");
	sbuf_release(&sb);

	/* The cap: appends past it are dropped and flagged. */
	sbuf capped;
	sbuf_init(&capped, 4);
	sbuf_addstr(&capped, "abc");
	sbuf_addstr(&capped, "de");
	assert_string_equal(capped.buf, "abc");
	assert_true(capped.truncated);
	sbuf_release(&capped);

	/* attach: an empty sbuf keeps the string itself; a non-empty one appends it. */
	sbuf taken = SBUF_INIT;
	char *s = strdup("{\"a\": 1}");
	sbuf_attach(&taken, s, strlen(s));
	assert_ptr_equal(taken.buf, s);
	assert_int_equal(taken.len, 8);
	sbuf_addstr(&taken, "\n");
	assert_string_equal(taken.buf, "{\"a\": 1}\n");
	sbuf_attach(&taken, strdup("x"), 1);
	assert_string_equal(taken.buf, "{\"a\": 1}\nx");
	sbuf_release(&taken);
}

static void test_utf8(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(utf8_decode("\xE4\xB8\x87", 3, &cp), 3);
	assert_int_equal(cp, 0x4E07);
	/* A cut sequence, an overlong form and a surrogate are replaced, one byte at a time. */
	assert_int_equal(utf8_decode("\xE4\xB8", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	char out[4];
	assert_int_equal(utf8_encode(0x1F600, out), 4);
	assert_memory_equal(out, "\xF0\x9F\x98\x80", 4);
	assert_true(utf8_valid("收入", strlen("收入")));
	assert_false(utf8_valid("\xFF", 1));
}

static void test_arena_and_model(void **state)
{
	(void)state;
	arena *a = arena_new();
	char *big = arena_alloc(a, 1 << 20); /* a chunk of its own */
	memset(big, 'x', 1 << 20);
	char *s = arena_printf(a, "t%02d", 7);
	assert_string_equal(s, "t07");
	assert_true(arena_bytes(a) >= (1 << 20));
	arena_free(a);

	document *doc = doc_new("a.pdf");
	table *t = doc_add_table(doc, 2, 3);
	assert_string_equal(t->id, "t01");
	assert_string_equal(table_cell(t, 1, 2)->text, "");
	assert_int_equal(table_cell(t, 1, 2)->rowspan, 1);
	table_part *p = VEC_PUSH(doc->arena, &t->parts);
	p->page = 6;
	p->first_row = 0;
	p = VEC_PUSH(doc->arena, &t->parts);
	p->page = 7;
	p->first_row = 1;
	assert_int_equal(table_row_page(t, 0), 6);
	assert_int_equal(table_row_page(t, 1), 7);
	doc_warn(doc, "odd_page", 3, NULL, "page %d is odd", 3);
	assert_int_equal(doc->warnings.len, 1);
	assert_string_equal(doc->warnings.items[0].message, "page 3 is odd");
	doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decimal_parse_and_format),
		cmocka_unit_test(test_decimal_rejects),
		cmocka_unit_test(test_decimal_arithmetic),
		cmocka_unit_test(test_sbuf),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_arena_and_model),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
