/*
 * Tests for normalize/encoding: legacy encodings to UTF-8 with ICU.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "normalize/encoding.h"

static void expect_utf8(const char *encoding, const char *in, size_t n, const char *want)
{
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(norm_transcode(encoding, in, n, &out, &len), 0);
	assert_int_equal(len, strlen(want));
	assert_string_equal(out, want);
	free(out);
}

static void test_gbk_family(void **state)
{
	(void)state;
	/* 收入 in GBK / GB2312 bytes */
	expect_utf8("GBK", "\xca\xd5\xc8\xeb", 4, "收入");
	expect_utf8("gb2312", "\xca\xd5\xc8\xeb", 4, "收入");
	expect_utf8("GB18030", "\xca\xd5\xc8\xeb 3,260.55", 13, "收入 3,260.55");
}

static void test_other_encodings(void **state)
{
	(void)state;
	expect_utf8("Big5", "\xa6\xac\xa4\x4a", 4, "收入");
	expect_utf8("windows-1252", "\x80", 1, "€");
}

static void test_malformed_bytes_become_replacement(void **state)
{
	(void)state;
	/* a lead byte before a byte that cannot follow it; a lead byte cut off at the end */
	expect_utf8("GB18030", "\xca" " ", 2, "\xEF\xBF\xBD" " ");
	expect_utf8("GB18030", "A\xca", 2, "A\xEF\xBF\xBD");
}

static void test_unknown_encoding(void **state)
{
	(void)state;
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(norm_transcode("no-such-charset", "abc", 3, &out, &len), -1);
	assert_null(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gbk_family),
		cmocka_unit_test(test_other_encodings),
		cmocka_unit_test(test_malformed_bytes_become_replacement),
		cmocka_unit_test(test_unknown_encoding),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
