/*
 * test_html_input: HTML pages into the document model: a GB2312-declared
 * page with rowspan/colspan tables (hand-written from seed 000's tables), the
 * real corpus page (a portal page: navigation only, no tables; skipped without
 * the shared corpus), and malformed
 * markup (unterminated tags, garbage, huge spans, deep nesting, empty input).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/model.h"
#include "extract/html.h"
#include "extract/sniff.h"
#include "tests/read_file.h"
#include "tests/shared_dir.h"

static document *load(const char *path)
{
	size_t len;
	char *data = read_file(path, &len);
	assert_int_equal(sniff_format(data, len), INPUT_HTML);
	document *doc = doc_new(path);
	error err = { 0 };
	assert_int_equal(html_load(doc, data, len, &err), 0);
	assert_string_equal(doc->media, "html");
	free(data);
	return doc;
}

static void assert_cell(table *t, size_t r, size_t c, const char *text, int rowspan, int colspan)
{
	cell *x = table_cell(t, r, c);
	if (!x->text || strcmp(x->text, text) != 0)
		fail_msg("%s cell (%zu,%zu): expected '%s', got '%s'", t->id, r, c, text, x->text ? x->text : "(covered)");
	assert_int_equal(x->rowspan, rowspan);
	assert_int_equal(x->colspan, colspan);
}

static void assert_covered(table *t, size_t r, size_t c)
{
	cell *x = table_cell(t, r, c);
	assert_null(x->text);
	assert_int_equal(x->rowspan, 0);
	assert_int_equal(x->colspan, 0);
}

static bool has_block(document *doc, const char *text)
{
	for (size_t i = 0; i < doc->blocks.len; i++)
		if (strcmp(doc->blocks.items[i].text, text) == 0)
			return true;
	return false;
}

static bool any_block_contains(document *doc, const char *text)
{
	for (size_t i = 0; i < doc->blocks.len; i++)
		if (strstr(doc->blocks.items[i].text, text))
			return true;
	return false;
}

static void test_gbk_tables(void **state)
{
	(void)state;
	document *doc = load("tests/data/inputs/final-accounts-gbk.html");
	assert_int_equal(doc->tables.len, 2);
	assert_int_equal(doc->blocks.items[0].type, BLOCK_HEADING);
	assert_string_equal(doc->blocks.items[0].text, "长沙市行政审批服务局2024年度部门决算");
	assert_true(has_block(doc, "第二部分 部门决算表"));
	assert_true(has_block(doc, "2024 年度收、支总计 3,260.55 万元。"));
	assert_false(any_block_contains(doc, "不是表格")); /* script */
	assert_false(any_block_contains(doc, "首页"));     /* navigation */
	assert_false(any_block_contains(doc, "版权所有")); /* footer */

	table *t = doc->tables.items[0];
	assert_string_equal(t->title, "收入决算表");
	assert_string_equal(t->number, "公开02表");
	assert_string_equal(t->unit, "万元");
	assert_string_equal(t->entity, "长沙市行政审批服务局");
	assert_int_equal(t->nrows, 5);
	assert_int_equal(t->ncols, 5);
	assert_cell(t, 0, 0, "项目", 1, 2);
	assert_covered(t, 0, 1);
	assert_cell(t, 0, 2, "本年收入合计", 2, 1);
	assert_covered(t, 1, 2);
	assert_cell(t, 1, 0, "科目代码", 1, 1);
	assert_cell(t, 2, 0, "合计", 1, 2);
	assert_cell(t, 2, 2, "3,260.55", 1, 1);
	assert_cell(t, 4, 0, "2010301", 1, 1);
	assert_cell(t, 4, 2, "2,333.52", 1, 1); /* <td> left open */
	assert_cell(t, 4, 3, "2,333.52", 1, 1);

	t = doc->tables.items[1];
	assert_string_equal(t->title, "财政拨款“三公”经费支出决算表");
	assert_string_equal(t->number, "公开09表");
	assert_string_equal(t->unit, "万元");
	assert_int_equal(t->nrows, 4);
	assert_int_equal(t->ncols, 12);
	assert_cell(t, 0, 0, "预算数", 1, 6);
	assert_cell(t, 0, 6, "决算数", 1, 6);
	assert_cell(t, 1, 0, "合计", 2, 1);
	assert_cell(t, 1, 2, "公务用车购置及运行维护费", 1, 3);
	assert_cell(t, 1, 5, "公务接待费", 2, 1);
	assert_covered(t, 2, 5);
	assert_cell(t, 2, 2, "小计", 1, 1);
	assert_cell(t, 2, 9, "公务用车购置费", 1, 1);
	assert_cell(t, 3, 0, "39.39", 1, 1);
	assert_cell(t, 3, 11, "1.38", 1, 1);
	doc_free(doc);
}

static void test_real_portal_page(void **state)
{
	(void)state;
	char buf[4096];
	document *doc = load(shared_file(buf, sizeof buf, "corpus/real/quanzhou-civil-affairs-2026-budget.html"));
	/* the stored page is the bureau's portal: no budget tables on it */
	assert_int_equal(doc->tables.len, 0);
	assert_true(doc->blocks.len >= 1);
	assert_int_equal(doc->blocks.items[0].type, BLOCK_HEADING);
	assert_string_equal(doc->blocks.items[0].text, "泉州市民政局");
	assert_false(any_block_contains(doc, "更多>"));          /* link lines */
	assert_false(any_block_contains(doc, "background-color")); /* styles */
	assert_false(any_block_contains(doc, "function"));         /* scripts */
	doc_free(doc);
}

static void test_unterminated(void **state)
{
	(void)state;
	document *doc = load("tests/data/inputs/unterminated.html");
	assert_true(doc->tables.len >= 1);
	table *t = doc->tables.items[0];
	/* colspan=99999 is read as 1000; the two cells after it follow */
	assert_true(t->ncols >= 2 && t->ncols <= 1002);
	assert_string_equal(table_cell(t, 0, 0)->text, "项目");
	assert_string_equal(table_cell(t, 1, 1)->text, "1,000.00");
	doc_free(doc);
}

static void test_garbage_and_empty(void **state)
{
	(void)state;
	document *doc = doc_new("x.html");
	error err = { 0 };
	assert_int_equal(html_load(doc, "", 0, &err), -1);
	assert_int_equal(err.kind, ERROR_INPUT);
	doc_free(doc);

	unsigned char garbage[65536];
	uint32_t x = 88172645u;
	for (size_t i = 0; i < sizeof garbage; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		garbage[i] = (unsigned char)x;
	}
	memcpy(garbage, "<html><table><tr><td>", 21);
	doc = doc_new("garbage.html");
	error_clear(&err);
	int rc = html_load(doc, (const char *)garbage, sizeof garbage, &err);
	assert_true(rc == 0 || (rc == -1 && err.kind == ERROR_INPUT));
	doc_free(doc);

	/* declared GB2312 but full of invalid bytes */
	const char *bad = "<html><meta charset=gb2312><p>\xff\xff\x81</p><table><tr><td>\xb0\xa1</td><td>\x81\x30</td></tr>"
	                  "<tr><td>1</td><td>2</td></tr></table></html>";
	doc = doc_new("bad-gbk.html");
	assert_int_equal(html_load(doc, bad, strlen(bad), &err), 0);
	assert_int_equal(doc->tables.len, 1);
	assert_string_equal(table_cell(doc->tables.items[0], 0, 0)->text, "啊");
	doc_free(doc);
}

static bool has_warning(const document *doc, const char *text)
{
	for (size_t i = 0; i < doc->warnings.len; i++)
		if (strstr(doc->warnings.items[i].message, text))
			return true;
	return false;
}

/* A page whose declared charset its bytes contradict is read as its bytes are
 * (GBK declared UTF-8; UTF-8 declared GB2312): every cell as on the page
 * declared right, and a warning naming both. */
static void test_charset_mismatch(void **state)
{
	(void)state;
	document *right = load("tests/data/inputs/final-accounts-gbk.html");
	assert_int_equal(right->warnings.len, 0);
	static const char *const files[][2] = {
		{ "tests/data/inputs/gbk-declared-utf8.html", "declares charset utf-8 but its bytes are GB18030" },
		{ "tests/data/inputs/utf8-declared-gbk.html", "declares charset gb2312 but its bytes are UTF-8" },
	};
	for (size_t f = 0; f < 2; f++) {
		document *doc = load(files[f][0]);
		assert_true(has_warning(doc, files[f][1]));
		assert_int_equal(doc->tables.len, right->tables.len);
		for (size_t i = 0; i < doc->tables.len; i++) {
			table *a = doc->tables.items[i], *b = right->tables.items[i];
			assert_int_equal(a->nrows, b->nrows);
			assert_int_equal(a->ncols, b->ncols);
			for (size_t k = 0; k < a->nrows * a->ncols; k++) {
				if (!b->cells[k].text)
					assert_null(a->cells[k].text);
				else
					assert_string_equal(a->cells[k].text, b->cells[k].text);
			}
		}
		assert_true(has_block(doc, "收入决算表") == has_block(right, "收入决算表"));
		doc_free(doc);
	}
	assert_string_equal(table_cell(right->tables.items[0], 3, 1)->text, "一般公共服务支出");
	doc_free(right);
}

static void test_deep_and_wide(void **state)
{
	(void)state;
	size_t depth = 100000;
	size_t cap = depth * 5 + 4096;
	char *s = malloc(cap);
	assert_non_null(s);
	size_t n = 0;
	n += (size_t)snprintf(s + n, cap - n, "<html><body>");
	for (size_t i = 0; i < depth; i++)
		n += (size_t)snprintf(s + n, cap - n, "<div>");
	n += (size_t)snprintf(s + n, cap - n, "深处<table><tr><td colspan=999999999>a</td><td rowspan=1000000>b</td></tr>"
	                                      "<tr><td>1</td></tr></table>");
	document *doc = doc_new("deep.html");
	error err = { 0 };
	int rc = html_load(doc, s, n, &err);
	assert_true(rc == 0 || rc == -1);
	for (size_t k = 0; k < doc->tables.len; k++)
		assert_true(doc->tables.items[k]->ncols <= 1001);
	doc_free(doc);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gbk_tables),        cmocka_unit_test(test_real_portal_page),
		cmocka_unit_test(test_unterminated),      cmocka_unit_test(test_garbage_and_empty),
		cmocka_unit_test(test_deep_and_wide),     cmocka_unit_test(test_charset_mismatch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
