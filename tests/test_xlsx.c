/*
 * test_xlsx: the workbook's sheet names and long amounts, on tables built by
 * hand; the workbook is read back with unzip and its XML searched.
 *   - a title with every character a sheet name may not hold ([]:*?/\) and
 *     more than 31 characters gives a safe name of 31 characters;
 *   - the same table twice gives two names, the second with ~2;
 *   - an amount of 18 significant digits is written as its exact text (and
 *     counted), one of 15 as a number.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "emit/xlsx.h"
#include "map/map.h"
#include "map/schema.h"
#include "tests/map_fixture.h"

/* The file `member` of the zip at path, read with unzip -p (malloc'd). */
static char *unzip_member(const char *path, const char *member)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s'", path, member);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	sbuf out = SBUF_INIT;
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, p)) > 0)
		sbuf_add(&out, buf, n);
	assert_int_equal(pclose(p), 0);
	sbuf_addch(&out, '\0');
	return sbuf_detach(&out, NULL);
}

static document *income_doc(const char *title, const char *total)
{
	document *doc = doc_new("x.txt");
	static const char *paths[] = { "科目编码", "科目名称", "本年收入合计", "财政拨款收入" };
	char line[256];
	snprintf(line, sizeof line, "\t合计\t%s\t3,249.55", total);
	const char *lines[] = { "科目编码\t科目名称\t本年收入合计\t财政拨款收入", line };
	fixture_table(doc, title, paths, 4, 1, lines, 2);
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	return doc;
}

/* Sheet names: at most 31 characters, none of []:*?/\, unique. */
static void test_xlsx_sheet_names(void **state)
{
	char path[] = "/tmp/test_xlsx_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	error err = { 0 };
	xlsx_book *b = xlsx_open(path, &err);
	assert_non_null(b);
	const char *title = "收入决算表[调整]/2024:a*b?c\\d'很长很长很长很长很长很长很长很长很长很长";
	document *doc = income_doc(title, "3,249.55");
	size_t as_text = 99;
	assert_int_equal(xlsx_add(b, doc, &as_text, &err), 0);
	assert_int_equal(as_text, 0);
	assert_int_equal(xlsx_add(b, doc, &as_text, &err), 0);
	doc_free(doc);
	assert_int_equal(xlsx_close(b, &err), 0);
	char *wb = unzip_member(path, "xl/workbook.xml");
	/* "t01 " + the title's first 27 characters, each forbidden one as _; then 25 and "~2" */
	assert_non_null(strstr(wb, "<sheet name=\"t01 收入决算表_调整__2024_a_b_c_d'很长很长\""));
	assert_non_null(strstr(wb, "<sheet name=\"t01 收入决算表_调整__2024_a_b_c_d'很长~2\""));
	free(wb);
	unlink(path);
}

/* More than 15 significant digits: the exact text; 15: a number. */
static void test_xlsx_long_amounts(void **state)
{
	char path[] = "/tmp/test_xlsx_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	error err = { 0 };
	xlsx_book *b = xlsx_open(path, &err);
	assert_non_null(b);
	document *doc = income_doc("收入决算表", "1,234,567,890,123,456.78");
	size_t as_text = 0;
	assert_int_equal(xlsx_add(b, doc, &as_text, &err), 0);
	assert_true(as_text >= 1);
	doc_free(doc);
	doc = income_doc("收入决算表", "1,234,567,890,123.45");
	size_t fits = 99;
	assert_int_equal(xlsx_add(b, doc, &fits, &err), 0);
	doc_free(doc);
	assert_int_equal(xlsx_close(b, &err), 0);
	char *strings = unzip_member(path, "xl/sharedStrings.xml");
	assert_non_null(strstr(strings, "<t>1234567890123456.78</t>"));
	assert_non_null(strstr(strings, "amount_as_text"));
	assert_null(strstr(strings, "<t>1234567890123.45</t>"));
	assert_int_equal(fits, 0);
	free(strings);
	char *sheet = unzip_member(path, "xl/worksheets/sheet3.xml");
	assert_non_null(strstr(sheet, "<v>1234567890123.45</v>"));
	free(sheet);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsx_sheet_names),
		cmocka_unit_test(test_xlsx_long_amounts),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
