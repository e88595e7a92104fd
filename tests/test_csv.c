/*
 * test_csv: the long CSV, byte for byte, on two small documents; the
 * expected text was written by hand from the cells (RFC 4180 quoting, CRLF).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "emit/csv.h"
#include "map/map.h"
#include "map/schema.h"
#include "tests/map_fixture.h"

static char *render(const document *doc, bool bom)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	error err = { 0 };
	csv_options opt = { .bom = bom };
	assert_int_equal(csv_write(doc, f, &opt, &err), 0);
	fclose(f);
	return buf;
}

/* 三公 决算: two folded rows, six keys each. */
static void test_csv_three_public(void **state)
{
	document *doc = doc_new("changsha-2024.pdf");
	doc->kind = KIND_FINAL_ACCOUNTS;
	static const char *paths[] = {
		"预算数/合计", "预算数/因公出国（境）费", "预算数/公务用车购置及运行维护费/小计",
		"预算数/公务用车购置及运行维护费/公务用车购置费", "预算数/公务用车购置及运行维护费/公务用车运行维护费",
		"预算数/公务接待费", "决算数/合计", "决算数/因公出国（境）费", "决算数/公务用车购置及运行维护费/小计",
		"决算数/公务用车购置及运行维护费/公务用车购置费", "决算数/公务用车购置及运行维护费/公务用车运行维护费",
		"决算数/公务接待费",
	};
	static const char *lines[] = { "39.39\t0.00\t34.20\t25.00\t9.20\t5.19\t32.62\t-\t31.24\t24.98\t6.26\t1.38" };
	table *t = fixture_table(doc, "财政拨款“三公”经费支出决算表", paths, NELEM(paths), 0, lines, NELEM(lines));
	table_part *p = VEC_PUSH(doc->arena, &t->parts);
	p->page = 9;
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	char *out = render(doc, false);
	const char *expected =
		"doc,table_id,schema,page,row_code,row_label,side,group,column,value,unit\r\n"
		"changsha-2024.pdf,t01,final.three_public,9,,预算数,,,total,39.39,万元\r\n"
		"changsha-2024.pdf,t01,final.three_public,9,,预算数,,,overseas,0,万元\r\n"
		"changsha-2024.pdf,t01,final.three_public,9,,预算数,,,vehicle,34.2,万元\r\n"
		"changsha-2024.pdf,t01,final.three_public,9,,预算数,,,vehicle_purchase,25,万元\r\n"
		"changsha-2024.pdf,t01,final.three_public,9,,预算数,,,vehicle_operation,9.2,万元\r\n"
		"changsha-2024.pdf,t01,final.three_public,9,,预算数,,,reception,5.19,万元\r\n"
		"changsha-2024.pdf,t01,final.three_public,9,,决算数,,,total,32.62,万元\r\n"
		"changsha-2024.pdf,t01,final.three_public,9,,决算数,,,overseas,,万元\r\n"
		"changsha-2024.pdf,t01,final.three_public,9,,决算数,,,vehicle,31.24,万元\r\n"
		"changsha-2024.pdf,t01,final.three_public,9,,决算数,,,vehicle_purchase,24.98,万元\r\n"
		"changsha-2024.pdf,t01,final.three_public,9,,决算数,,,vehicle_operation,6.26,万元\r\n"
		"changsha-2024.pdf,t01,final.three_public,9,,决算数,,,reception,1.38,万元\r\n";
	assert_string_equal(out, expected);
	/* Byte-stable: the same document twice gives the same bytes. */
	char *again = render(doc, false);
	assert_string_equal(again, out);
	free(again);
	free(out);
	doc_free(doc);
}

/* An unclaimed table whose key and label need quoting, two sides, a BOM. */
static void test_csv_quoting(void **state)
{
	document *doc = doc_new("b c.html");
	static const char *paths[] = { "项目", "金额,合计" };
	static const char *lines[] = { "他的\"说明\"\t1,234.50", "其他\t-" };
	table *t = fixture_table(doc, "附注", paths, NELEM(paths), 0, lines, NELEM(lines));
	t->unit = NULL;
	static const char *spaths[] = { "收入/项目", "收入/金额", "支出/项目", "支出/金额" };
	static const char *slines[] = { "一、财政拨款收入\t5.00\t一、教育支出\t(1.00)" };
	fixture_table(doc, "收入支出决算总表", spaths, NELEM(spaths), 0, slines, NELEM(slines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	char *out = render(doc, true);
	const char *expected =
		"\xEF\xBB\xBF"
		"doc,table_id,schema,page,row_code,row_label,side,group,column,value,unit\r\n"
		"b c.html,t01,,,,\"他的\"\"说明\"\"\",,,\"金额,合计\",1234.5,\r\n"
		"b c.html,t01,,,,其他,,,\"金额,合计\",,\r\n"
		"b c.html,t02,final.summary,,,财政拨款收入,income,,amount,5,万元\r\n"
		"b c.html,t02,final.summary,,,教育支出,expenditure,,amount,-1,万元\r\n";
	assert_string_equal(out, expected);
	free(out);
	doc_free(doc);
}

/* Text that a spreadsheet would run as a formula is defused; amounts, negative ones
 * too, stay numbers; raw keeps the text as printed. */
static void test_csv_formulas(void **state)
{
	document *doc = doc_new("f.txt");
	static const char *paths[] = { "项目", "金额" };
	static const char *lines[] = { "=1+2\t-12.50", "@SUM(A1)\t+cmd|x", "-x\t(3.00)" };
	table *t = fixture_table(doc, "附注", paths, NELEM(paths), 0, lines, NELEM(lines));
	t->unit = NULL;
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	char *out = render(doc, false);
	const char *expected =
		"doc,table_id,schema,page,row_code,row_label,side,group,column,value,unit\r\n"
		"f.txt,t01,,,,\"'=1+2\",,,金额,-12.5,\r\n"
		"f.txt,t01,,,,\"'@SUM(A1)\",,,金额,\"'+cmd|x\",\r\n"
		"f.txt,t01,,,,\"'-x\",,,金额,-3,\r\n";
	assert_string_equal(out, expected);
	free(out);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	csv_options raw = { .raw = true };
	assert_int_equal(csv_write_rows(doc, f, &raw, &err), 0);
	fclose(f);
	assert_string_equal(buf, "f.txt,t01,,,,=1+2,,,金额,-12.5,\r\n"
	                         "f.txt,t01,,,,@SUM(A1),,,金额,+cmd|x,\r\n"
	                         "f.txt,t01,,,,-x,,,金额,-3,\r\n");
	free(buf);
	doc_free(doc);
}

/* --wide file names: a title cannot leave the directory, hide the file or grow without bound. */
static void test_csv_wide_name(void **state)
{
	document *doc = doc_new("/data/in/report.v2.pdf");
	static const char *paths[] = { "a", "b" };
	static const char *lines[] = { "x\t1" };
	table *t = fixture_table(doc, "../../etc/passwd\x01\\x", paths, 2, 0, lines, 1);
	sbuf name = SBUF_INIT;
	csv_wide_name(doc, t, 0, &name);
	assert_string_equal(name.buf, "report.v2.t01 .._.._etc_passwd__x.csv");
	csv_wide_name(doc, t, 3, &name);
	assert_string_equal(name.buf, "report.v2~3.t01 .._.._etc_passwd__x.csv");
	sbuf longer = SBUF_INIT;
	for (int i = 0; i < 100; i++)
		sbuf_addstr(&longer, "很长");
	t->title = longer.buf;
	csv_wide_name(doc, t, 0, &name);
	assert_true(name.len <= CSV_WIDE_NAME_MAX);
	assert_true(utf8_valid(name.buf, name.len));
	assert_null(strchr(name.buf, '/'));
	assert_string_equal(name.buf + name.len - 4, ".csv");
	doc_free(doc);
	doc = doc_new("../.hidden");
	t = fixture_table(doc, "表", paths, 2, 0, lines, 1);
	csv_wide_name(doc, t, 0, &name);
	assert_string_equal(name.buf, "_hidden.t01 表.csv");
	sbuf_release(&longer);
	sbuf_release(&name);
	doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_three_public),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_csv_formulas),
		cmocka_unit_test(test_csv_wide_name),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
