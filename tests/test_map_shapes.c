/*
 * test_map_shapes: the table shapes the real PDFs print, built by hand with
 * their merged cells: 三公 决算 with 预算数/决算数 as the last header level,
 * the same printed once over each block (a text rendering), blank templates
 * whose header the grid stage can only guess, Jiangsu's one-amount tables
 * and 三公/会议费/培训费, carry-over lines, outline lines without codes and
 * header levels naming the year.  Every expected value was worked out from
 * the printed cells by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "core/sbuf.h"
#include "map/map.h"
#include "map/schema.h"
#include "tests/map_fixture.h"

static size_t count_ok(const table *t, bool ok)
{
	size_t n = 0;
	for (size_t i = 0; i < t->checks.len; i++)
		n += t->checks.items[i].ok == ok;
	return n;
}

/* Merges the cell at (r, c) over rs rows and cs columns, as the grid stage does. */
static void span(table *t, size_t r, size_t c, int rs, int cs)
{
	for (size_t i = r; i < r + (size_t)rs; i++)
		for (size_t j = c; j < c + (size_t)cs; j++) {
			cell *x = table_cell(t, i, j);
			if (i == r && j == c)
				continue;
			x->text = NULL;
			x->rowspan = x->colspan = 0;
		}
	table_cell(t, r, c)->rowspan = rs;
	table_cell(t, r, c)->colspan = cs;
}

static const char *const no_paths[12] = { "", "", "", "", "", "", "", "", "", "", "", "" };

/* The 三公 决算 grid of the Putuo PDFs: 12 columns, the item merged over its pair. */
static const char *const putuo_header[] = {
	"财政拨款“三公”经费",
	"合计\t\t因公出国（境）费\t\t公务用车购置及运行费\t\t\t\t\t\t公务接待费\t",
	"\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行费\t\t\t",
	"\t\t\t\t\t\t\t\t\t\t\t",
	"预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数",
};

static void putuo_spans(table *t)
{
	span(t, 0, 0, 1, 12);
	span(t, 1, 0, 3, 2);
	span(t, 1, 2, 3, 2);
	span(t, 1, 4, 1, 6);
	span(t, 2, 4, 2, 2);
	span(t, 2, 6, 2, 2);
	span(t, 2, 8, 1, 2);
	span(t, 1, 10, 3, 2);
}

static void putuo_paths(document *doc, table *t)
{
	static const char *items[] = { "合计", "因公出国（境）费", "公务用车购置及运行费/小计",
	                               "公务用车购置及运行费/公务用车购置费",
	                               "公务用车购置及运行费/公务用车运行费", "公务接待费" };
	for (size_t c = 0; c < 12; c++)
		t->paths[c] = arena_printf(doc->arena, "财政拨款“三公”经费/%s/%s", items[c / 2],
		                           c % 2 ? "决算数" : "预算数");
}

/*
 * putuo-finance-bureau-2024-final.pdf page 18: one data row, 预算数 0.95 in
 * 合计 and 公务接待费, every 决算数 blank.  Two rows, the blank one kept.
 */
static void test_three_public_last_level(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_FINAL_ACCOUNTS;
	const char *lines[6];
	for (size_t i = 0; i < 5; i++)
		lines[i] = putuo_header[i];
	lines[5] = "0.95\t\t\t\t\t\t\t\t\t\t0.95\t";
	table *t = fixture_table(doc, "财政拨款“三公”经费支出决算表", no_paths, 12, 5,
	                         lines, 6);
	putuo_spans(t);
	putuo_paths(doc, t);
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "final.three_public");
	assert_int_equal(t->columns.len, 6);
	static const char *keys[] = { "total", "overseas", "vehicle", "vehicle_purchase",
	                              "vehicle_operation", "reception" };
	for (size_t k = 0; k < 6; k++)
		assert_string_equal(t->columns.items[k].key, keys[k]);
	assert_int_equal(t->rows.len, 2);
	const row *b = &t->rows.items[0], *f = &t->rows.items[1];
	assert_string_equal(b->label, "预算数");
	assert_string_equal(f->label, "决算数");
	assert_string_equal(val(doc, t, b, "total"), "0.95");
	assert_string_equal(val(doc, t, b, "reception"), "0.95");
	assert_string_equal(val(doc, t, b, "overseas"), "null");
	assert_string_equal(val(doc, t, b, "vehicle"), "null");
	for (size_t k = 0; k < 6; k++)
		assert_string_equal(val(doc, t, f, keys[k]), "null");
	/* 预算数: 0.95 = 0 + 0 + 0.95 holds; vehicle has no printed operand; 决算数 all blank. */
	assert_int_equal(t->checks.len, 1);
	const check *c = find_check(t, "total_equals_parts", "预算数", "total");
	assert_non_null(c);
	assert_true(c->ok);
	assert_string_equal(dec(doc, c->expected), "0.95");
	doc_free(doc);
}

/*
 * The same table printed blank with the grid stage's guess of one header
 * row (putuo-social-work page 14, the template page 12): the text rows down
 * to the blank row are header, and the rows are there, all null, unchecked.
 */
static void test_three_public_blank(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_FINAL_ACCOUNTS;
	const char *lines[6];
	for (size_t i = 0; i < 5; i++)
		lines[i] = putuo_header[i];
	lines[5] = "\t\t\t\t\t\t\t\t\t\t\t";
	table *t = fixture_table(doc, "财政拨款“三公”经费支出决算表", no_paths, 12, 1,
	                         lines, 6);
	putuo_spans(t);
	for (size_t c = 0; c < 12; c++)
		t->paths[c] = "财政拨款“三公”经费";
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "final.three_public");
	assert_int_equal(t->columns.len, 6);
	assert_string_equal(t->columns.items[2].key, "vehicle");
	assert_string_equal(t->columns.items[2].header, "财政拨款“三公”经费/公务用车购置及运行费/小计/预算数");
	assert_int_equal(t->rows.len, 2);
	assert_string_equal(t->rows.items[0].label, "预算数");
	assert_string_equal(t->rows.items[1].label, "决算数");
	assert_string_equal(val(doc, t, &t->rows.items[0], "total"), "null");
	assert_int_equal(t->checks.len, 0);
	doc_free(doc);
}

/*
 * Seed 000's 三公 table as the text reader gives it: 预算数 and 决算数 printed
 * once over their first column, the other columns blank above.  Each fold
 * covers its block: 决算数 overseas is the printed 0.00, not a blank.
 */
static void test_three_public_fold_once(void **state)
{
	(void)state;
	document *doc = doc_new("a.txt");
	doc->kind = KIND_FINAL_ACCOUNTS;
	static const char *paths[] = {
		"预算数/合计/1", "因公出国 (境) 费/2", "公务用车购置及运行维护费/小计/3", "公务用车购 置费/4",
		"公务用车运 行维护费/5", "公务接待费/6", "决算数/合计/7", "因公出国 (境) 费/8",
		"公务用车购置及运行维护费/小计/9", "公务用车购 置费/10", "公务用车运 行维护费/11", "公务接待费/12",
	};
	static const char *lines[] = {
		"预算数\t\t\t\t\t\t决算数\t\t\t\t\t",
		"合计\t因公出国 (境) 费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国 (境) 费\t公务用车购置及运行维护费\t\t\t公务接待费",
		"\t\t小计\t公务用车购 置费\t公务用车运 行维护费\t\t\t\t小计\t公务用车购 置费\t公务用车运 行维护费\t",
		"1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12",
		"39.39\t0.00\t34.20\t25.00\t9.20\t5.19\t32.62\t0.00\t31.24\t24.98\t6.26\t1.38",
	};
	table *t = fixture_table(doc, "财政拨款“三公”经费支出决算表", paths, NELEM(paths), 4, lines,
	                         NELEM(lines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "final.three_public");
	assert_int_equal(t->columns.len, 6);
	assert_int_equal(t->rows.len, 2);
	const row *b = find(t, "预算数", NULL), *f = find(t, "决算数", NULL);
	assert_string_equal(val(doc, t, b, "vehicle"), "34.2");
	assert_string_equal(val(doc, t, b, "reception"), "5.19");
	assert_string_equal(val(doc, t, f, "total"), "32.62");
	assert_string_equal(val(doc, t, f, "overseas"), "0");
	assert_string_equal(val(doc, t, f, "vehicle"), "31.24");
	assert_string_equal(val(doc, t, f, "vehicle_operation"), "6.26");
	assert_string_equal(val(doc, t, f, "reception"), "1.38");
	/* 39.39 = 0 + 34.20 + 5.19; 34.20 = 25 + 9.20; 32.62 = 0 + 31.24 + 1.38; 31.24 = 24.98 + 6.26 */
	assert_int_equal(t->checks.len, 4);
	assert_int_equal(count_ok(t, true), 4);
	doc_free(doc);
}

/*
 * final-accounts-template.pdf page 6: a blank 收入决算表 whose guessed header
 * takes in the 合计 row.  The body starts at 合计, the code column keys the
 * rows, and nothing blank is checked.
 */
static void test_blank_income_template(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_FINAL_ACCOUNTS;
	static const char *paths[] = { "项目/功能分类科目编码/合计", "项目/科目名称/合计", "本年收入合计",
	                               "财政拨款收入", "其他收入" };
	static const char *lines[] = {
		"项目\t\t本年收入合计\t财政拨款收入\t其他收入",
		"功能分类科目编码\t科目名称\t\t\t",
		"合计\t\t\t\t",
		"205\t教育支出\t\t\t",
		"20502\t普通教育\t\t\t",
	};
	table *t = fixture_table(doc, "收入决算表", paths, NELEM(paths), 3, lines, NELEM(lines));
	span(t, 0, 0, 1, 2);
	span(t, 0, 2, 2, 1);
	span(t, 0, 3, 2, 1);
	span(t, 0, 4, 2, 1);
	span(t, 2, 0, 1, 2);
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "final.income");
	assert_int_equal(t->columns.len, 3);
	assert_string_equal(t->columns.items[0].key, "total");
	assert_string_equal(t->columns.items[0].header, "本年收入合计");
	assert_int_equal(t->rows.len, 3);
	assert_string_equal(t->rows.items[0].label, "合计");
	assert_string_equal(t->rows.items[1].code, "205");
	assert_string_equal(t->rows.items[2].code, "20502");
	assert_string_equal(t->rows.items[2].parent, "205");
	assert_string_equal(val(doc, t, &t->rows.items[1], "total"), "null");
	assert_int_equal(t->checks.len, 0);
	assert_int_equal(doc->document_checks.len, 0);
	doc_free(doc);
}

/* A document check over blank cells only is not reported; with a value it is. */
static void test_document_check_blank(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_FINAL_ACCOUNTS;
	static const char *gpaths[] = { "科目编码", "科目名称", "合计", "基本支出", "项目支出" };
	static const char *glines[] = { "科目编码\t科目名称\t合计\t基本支出\t项目支出", "\t合计\t\t\t" };
	fixture_table(doc, "一般公共预算财政拨款支出决算表", gpaths, NELEM(gpaths), 1, glines, NELEM(glines));
	static const char *bpaths[] = { "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数" };
	static const char *blines[] = {
		"科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数",
		"301\t工资福利支出\t\t302\t商品和服务支出\t",
		"\t人员经费合计\t\t\t公用经费合计\t",
	};
	fixture_table(doc, "一般公共预算财政拨款基本支出决算表", bpaths, NELEM(bpaths), 1, blines,
	              NELEM(blines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(doc->tables.items[0]->schema, "final.general_expenditure");
	assert_string_equal(doc->tables.items[1]->schema, "final.basic_detail");
	assert_int_equal(doc->document_checks.len, 0);

	/* Printed: basic 10.00 = 人员 7.50 + 公用 2.50. */
	table *g = doc->tables.items[0], *b = doc->tables.items[1];
	table_cell(g, 1, 3)->text = "10.00";
	table_cell(b, 2, 2)->text = "7.50";
	table_cell(b, 2, 5)->text = "2.50";
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_int_equal(doc->document_checks.len, 1);
	const check *c = &doc->document_checks.items[0];
	assert_string_equal(c->rule, "basic_detail_equals_general_basic");
	assert_true(c->ok);
	assert_string_equal(dec(doc, c->found), "10");
	assert_string_equal(dec(doc, c->expected), "10");
	doc_free(doc);
}

/*
 * A budget income table whose 总计 takes in 上年结转 (web-0042 p2-3: 总计
 * 1,842,668 = 本年 1,809,132 + 上年结转 33,536) meets the summary's 本年收入合计
 * with the carryover taken off; one without such a column meets it whole.
 */
static void test_document_check_carryover(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_BUDGET;
	static const char *spaths[] = { "收入/项目", "收入/预算数", "支出/项目", "支出/预算数" };
	static const char *slines[] = {
		"一、一般公共预算拨款收入\t90.00\t一、一般公共服务支出\t100.00",
		"本年收入合计\t90.00\t本年支出合计\t100.00",
		"上年结转\t10.00\t\t",
		"收入总计\t100.00\t支出总计\t100.00",
	};
	fixture_table(doc, "部门收支总表", spaths, NELEM(spaths), 0, slines, NELEM(slines));
	static const char *ipaths[] = { "科目编码", "科目名称", "总计", "一般公共预算拨款", "上年结转" };
	static const char *ilines[] = {
		"科目编码\t科目名称\t总计\t一般公共预算拨款\t上年结转",
		"\t合计\t100.00\t90.00\t10.00",
		"201\t一般公共服务支出\t100.00\t90.00\t10.00",
	};
	table *income = fixture_table(doc, "部门收入总表", ipaths, NELEM(ipaths), 1, ilines,
	                              NELEM(ilines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(income->schema, "budget.income");
	const check *c = find_document_check(doc, "summary_income_equals_income_table");
	assert_non_null(c);
	assert_true(c->ok);
	assert_string_equal(dec(doc, c->found), "90");
	assert_string_equal(dec(doc, c->expected), "90");

	/* A carryover misprinted as 12.00 fails the check: 100 - 12 is not 90. */
	table_cell(income, 1, 4)->text = "12.00";
	table_cell(income, 2, 4)->text = "12.00";
	assert_int_equal(map_document(doc, set, &err), 0);
	c = find_document_check(doc, "summary_income_equals_income_table");
	assert_non_null(c);
	assert_false(c->ok);
	assert_string_equal(dec(doc, c->expected), "88");

	/* Without a 上年结转 column the table's 合计 meets the summary whole. */
	income->paths[4] = "其他收入";
	table_cell(income, 0, 4)->text = "其他收入";
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_int_equal(col(income, "carryover"), -1);
	c = find_document_check(doc, "summary_income_equals_income_table");
	assert_non_null(c);
	assert_false(c->ok);
	assert_string_equal(dec(doc, c->found), "90");
	assert_string_equal(dec(doc, c->expected), "100");
	doc_free(doc);
}

/*
 * jiangsu-cppcc-office-2019 page 9: 合计 over everything, then “三公”经费 with
 * its own 小计, 会议费, 培训费.  `total` is the 三公 小计 (660.10 = 106.00 +
 * 156.60 + 397.50), the grand 合计 is `grand_total` (2,224.43 = 660.10 +
 * 1,282.56 + 281.77).
 */
static void test_three_public_meeting_training(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_BUDGET;
	static const char *paths[] = {
		"合计", "“三公”经费/小计", "“三公”经费/因公出国（境）费", "“三公”经费/公务用车购置及运行维护费/小计",
		"“三公”经费/公务用车购置及运行维护费/公务用车购置费", "“三公”经费/公务用车购置及运行维护费/公务用车运行维护费",
		"“三公”经费/公务接待费", "会议费", "培训费",
	};
	static const char *lines[] = {
		"合计\t“三公”经费\t\t\t\t\t\t会议费\t培训费",
		"\t小计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t\t",
		"\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t",
		"2,224.43\t660.10\t106.00\t156.60\t\t156.60\t397.50\t1,282.56\t281.77",
	};
	table *t = fixture_table(doc, "“三公”经费、会议费、培训费支出预算表", paths, NELEM(paths), 3, lines,
	                         NELEM(lines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "budget.three_public");
	assert_int_equal(t->rows.len, 1);
	const row *r = &t->rows.items[0];
	assert_string_equal(val(doc, t, r, "grand_total"), "2224.43");
	assert_string_equal(val(doc, t, r, "total"), "660.1");
	assert_string_equal(val(doc, t, r, "overseas"), "106");
	assert_string_equal(val(doc, t, r, "vehicle"), "156.6");
	assert_string_equal(val(doc, t, r, "vehicle_purchase"), "null");
	assert_string_equal(val(doc, t, r, "vehicle_operation"), "156.6");
	assert_string_equal(val(doc, t, r, "reception"), "397.5");
	assert_string_equal(val(doc, t, r, "meeting"), "1282.56");
	assert_string_equal(val(doc, t, r, "training"), "281.77");
	assert_int_equal(t->checks.len, 3);
	assert_int_equal(count_ok(t, true), 3);
	doc_free(doc);
}

/*
 * Jiangsu's one-amount tables: 金额 is the row total; 支出预算总表 prints
 * 单位预留机动经费 as a part: 13,377.11 = 6,522.75 + 4,968.34 + 1,886.02.
 */
static void test_jiangsu_amount_tables(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_BUDGET;
	static const char *gpaths[] = { "功能科目编码", "功能科目名称", "金额" };
	static const char *glines[] = {
		"功能科目编码\t功能科目名称\t金额",
		"\t合计\t13,297.11",
		"201\t一般公共服务支出\t10,191.56",
		"20101\t人大事务\t10,191.56",
		"208\t社会保障和就业支出\t3,105.55",
	};
	table *g = fixture_table(doc, "一般公共预算支出预算表（功能科目）", gpaths, NELEM(gpaths), 1, glines,
	                         NELEM(glines));
	static const char *epaths[] = { "合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金" };
	static const char *elines[] = {
		"合计\t基本支出\t项目支出\t单位预留机动经费\t结转下年资金",
		"13,377.11\t6,522.75\t4,968.34\t1,886.02\t",
	};
	table *e = fixture_table(doc, "支出预算总表", epaths, NELEM(epaths), 1, elines, NELEM(elines));
	static const char *opaths[] = { "科目编码", "科目名称", "机关运行经费支出" };
	static const char *olines[] = {
		"科目编码\t科目名称\t机关运行经费支出",
		"\t合计\t1,130.74",
		"302\t商品和服务支出\t1,130.74",
	};
	table *o = fixture_table(doc, "一般公共预算机关运行经费支出预算表", opaths, NELEM(opaths), 1, olines,
	                         NELEM(olines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(g->schema, "budget.general_expenditure");
	assert_string_equal(g->columns.items[0].key, "total");
	/* 合计 13,297.11 = 10,191.56 + 3,105.55; 201 = its 20101. */
	const check *c = find_check(g, "total_sum", "合计", "total");
	assert_non_null(c);
	assert_true(c->ok);
	assert_string_equal(dec(doc, c->expected), "13297.11");
	assert_non_null(find_check(g, "children_sum", "201", "total"));
	assert_int_equal(count_ok(g, false), 0);

	assert_string_equal(e->schema, "budget.expenditure");
	assert_string_equal(e->columns.items[3].key, "reserve");
	assert_string_equal(e->columns.items[4].key, "carry_forward");
	assert_int_equal(e->checks.len, 1);
	c = &e->checks.items[0];
	assert_true(c->ok);
	assert_string_equal(dec(doc, c->expected), "13377.11");

	assert_string_equal(o->schema, "budget.operating_costs");
	assert_string_equal(o->columns.items[0].key, "amount");
	assert_string_equal(val(doc, o, find(o, "302", NULL), "amount"), "1130.74");
	doc_free(doc);
}

/*
 * shenzhen-planning-2026 收支总表: 2026年预算数 is this year's amount; lines
 * printed as an outline (一、 over unnumbered or 1. lines) add up at the top
 * level only; 上年结余、结转 is a line of its own, not the tail of the line
 * before; its 1./2. parts are not counted again in 收入总计.
 *   income: 4,310.31 + 0.00 + 184.50 = 4,494.81; 4,494.81 + 11.00 = 4,505.81
 *   expenditure: 281.48 + 70.50 = 351.98 (本年支出合计 printed 351.98 here)
 */
static void test_outline_two_sided(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_BUDGET;
	doc->year = 2026;
	static const char *paths[] = { "收入/项目", "收入/2026年预算数", "支出/项目", "支出/2026年预算数" };
	static const char *lines[] = {
		"一、财政拨款\t4,310.31\t一、社会保障和就业支出\t281.48",
		"1.一般公共预算拨款\t4,295.31\t行政事业单位养老支出\t281.48",
		"2.政府性基金预算拨款\t15.00\t行政单位离退休\t22.48",
		"二、财政专户管理资金\t0.00\t机关事业单位基本养老保险缴费支出\t259.00",
		"三、单位资金\t184.50\t二、卫生健康支出\t70.50",
		"1.事业收入\t0.00\t行政事业单位医疗\t70.50",
		"2.其他收入\t184.50\t\t",
		"本年收入合计\t4,494.81\t本年支出合计\t351.98",
		"上年结余、结转\t11.00\t结转下年\t4,153.83",
		"1.财政拨款结余、结转\t11.00\t\t",
		"2.非财政拨款结余、结转\t0.00\t\t",
		"收入总计\t4,505.81\t支出总计\t4,505.81",
	};
	table *t = fixture_table(doc, "收支总表", paths, NELEM(paths), 0, lines, NELEM(lines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "budget.summary");
	assert_int_equal(t->columns.len, 1);
	assert_string_equal(t->columns.items[0].key, "amount");
	const row *r = find(t, "财政拨款", "income");
	assert_int_equal(r->level, 1);
	assert_int_equal(find(t, "一般公共预算拨款", "income")->level, 2);
	assert_int_equal(find(t, "行政事业单位养老支出", "expenditure")->level, 2);
	assert_int_equal(find(t, "卫生健康支出", "expenditure")->level, 1);
	r = find(t, "上年结余、结转", "income");
	assert_non_null(r);
	assert_string_equal(val(doc, t, r, "amount"), "11");
	assert_int_equal(find(t, "财政拨款结余、结转", "income")->level, 2);

	const check *c = find_check(t, "two_sided_total", "本年收入合计", "amount");
	assert_non_null(c);
	assert_true(c->ok);
	assert_string_equal(dec(doc, c->expected), "4494.81");
	c = find_check(t, "two_sided_total", "本年支出合计", "amount");
	assert_non_null(c);
	assert_true(c->ok);
	assert_string_equal(dec(doc, c->expected), "351.98");
	assert_int_equal(count_ok(t, false), 0);
	/* 收入总计 4,505.81 = 4,494.81 + 11.00; 支出总计 = 351.98 + 4,153.83 */
	assert_int_equal(t->checks.len, 5);
	doc_free(doc);
}

/* Jiangsu 收支预算总表: 上年结转资金 after 当年收入小计 stays its own line. */
static void test_carry_line_not_wrapped(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_BUDGET;
	static const char *paths[] = { "收入/项目名称", "收入/金额", "支出/项目名称", "支出/金额" };
	static const char *lines[] = {
		"一、财政拨款\t100.00\t一、基本支出\t60.00",
		"二、其他资金\t\t二、项目支出\t40.00",
		"当年收入小计\t100.00\t当年支出小计\t100.00",
		"上年结转资金\t\t结转下年资金\t",
		"收入合计\t100.00\t支出合计\t100.00",
	};
	table *t = fixture_table(doc, "收支预算总表", paths, NELEM(paths), 0, lines, NELEM(lines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "budget.summary");
	assert_non_null(find(t, "当年收入小计", "income"));
	assert_non_null(find(t, "上年结转资金", "income"));
	assert_non_null(find(t, "结转下年资金", "expenditure"));
	assert_int_equal(t->rows.len, 10);
	doc_free(doc);
}

static size_t count_warnings(const document *doc, const char *code)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->warnings.len; i++)
		n += strcmp(doc->warnings.items[i].code, code) == 0;
	return n;
}

/*
 * An unruled 财政拨款收支总体情况表 (reportlab ind-0284 page 6): 其他支出, a
 * whole expenditure line printing no figure under 住房保障支出, stays a row
 * of its own; 文化旅游体育与传媒 / 支出, a name wrapped over two printed
 * lines, is joined, and the join is warned.
 */
static void test_whole_lines_not_wrapped(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_BUDGET;
	static const char *paths[] = { "收入/项目", "收入/金额", "支出/项目", "支出/小计", "支出/一般公共预算" };
	static const char *lines[] = {
		"一、一般公共预算拨款\t700.00\t公共安全支出\t300.00\t300.00",
		"二、政府性基金预算拨款\t\t文化旅游体育与传媒\t150.00\t150.00",
		"\t\t支出\t\t",
		"\t\t交通运输支出\t\t",
		"\t\t住房保障支出\t250.00\t250.00",
		"\t\t其他支出\t\t",
		"本年收入合计\t700.00\t本年支出合计\t700.00\t700.00",
	};
	table *t = fixture_table(doc, "财政拨款收支总体情况表", paths, NELEM(paths), 0, lines, NELEM(lines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "budget.fiscal_summary");
	assert_non_null(find(t, "住房保障支出", "expenditure"));
	assert_non_null(find(t, "其他支出", "expenditure"));
	assert_non_null(find(t, "交通运输支出", "expenditure"));
	assert_non_null(find(t, "文化旅游体育与传媒支出", "expenditure"));
	assert_null(find(t, "支出", "expenditure"));
	assert_int_equal(count_warnings(doc, "rows_joined"), 1);
	doc_free(doc);
}

/*
 * shenzhen-planning-2026 page 36: each item split by fund, rows by unit and
 * year with the unit printed once.  One row per (unit, year, fund):
 * 2025 一般公共预算 17.60 = 0 + 17.60 + 0 and 17.60 = 12.00 + 5.60.
 */
static void test_three_public_by_fund(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_BUDGET;
	static const char *paths[] = {
		"预算单位", "年度", "总计/一般公共预算", "总计/政府性基金预算",
		"因公出国(境)费/一般公共预算", "因公出国(境)费/政府性基金预算",
		"公务接待费/一般公共预算", "公务接待费/政府性基金预算",
		"公务用车购置及运行维护费/小计/一般公共预算", "公务用车购置及运行维护费/小计/政府性基金预算",
		"公务用车购置及运行维护费/公务用车购置费/一般公共预算", "公务用车购置及运行维护费/公务用车购置费/政府性基金预算",
		"公务用车购置及运行维护费/公务用车运行维护费/一般公共预算", "公务用车购置及运行维护费/公务用车运行维护费/政府性基金预算",
	};
	static const char *lines[] = {
		"预算单位\t年度\t总计\t\t因公出国(境)费\t\t公务接待费\t\t公务用车购置及运行维护费\t\t\t\t\t",
		"\t\t\t\t\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t",
		"\t\t一般公共预算\t政府性基金预算\t一般公共预算\t政府性基金预算\t一般公共预算\t政府性基金预算\t一般公共预算\t政府性基金预算\t一般公共预算\t政府性基金预算\t一般公共预算\t政府性基金预算",
		"某管理局\t2025年\t17.60\t0.00\t0.00\t0.00\t0.00\t0.00\t17.60\t0.00\t12.00\t0.00\t5.60\t0.00",
		"\t2026年\t4.40\t0.00\t0.00\t0.00\t0.00\t0.00\t4.40\t0.00\t0.00\t0.00\t4.40\t0.00",
	};
	table *t = fixture_table(doc, "财政拨款“三公”经费支出表", paths, NELEM(paths), 3, lines, NELEM(lines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "budget.three_public");
	assert_int_equal(t->columns.len, 6);
	assert_int_equal(t->rows.len, 4);
	const row *r = find(t, "某管理局/2025年/一般公共预算", NULL);
	assert_non_null(r);
	assert_string_equal(val(doc, t, r, "total"), "17.6");
	assert_string_equal(val(doc, t, r, "vehicle_purchase"), "12");
	assert_string_equal(val(doc, t, r, "vehicle_operation"), "5.6");
	r = find(t, "某管理局/2026年/一般公共预算", NULL);
	assert_non_null(r);
	assert_string_equal(val(doc, t, r, "vehicle"), "4.4");
	r = find(t, "某管理局/2026年/政府性基金预算", NULL);
	assert_non_null(r);
	assert_string_equal(val(doc, t, r, "total"), "0");
	assert_int_equal(t->checks.len, 8);
	assert_int_equal(count_ok(t, true), 8);
	doc_free(doc);
}

/*
 * chongqing-commerce-2026: 基本支出 printed as 小计 over 人员经费/公用经费,
 * and income split by fund: 174,900.64 = 101,833.84 + 41,534.73 +
 * 22,070.82 + 2,461.25 + 6,282.98 + 717.01 (= 174,900.63, within 0.06).
 */
static void test_chongqing_columns(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_BUDGET;
	static const char *gpaths[] = { "功能分类科目/科目编码", "功能分类科目/科目名称", "总计", "基本支出/小计",
	                                "基本支出/人员经费", "基本支出/公用经费", "项目支出" };
	static const char *glines[] = {
		"合 计\t\t101,833.84\t43,436.09\t34,411.12\t9,024.98\t58,397.75",
	};
	table *g = fixture_table(doc, "2026年一般公共预算支出情况表", gpaths, NELEM(gpaths), 0, glines,
	                         NELEM(glines));
	static const char *ipaths[] = { "科目/科目编码", "科目/科目名称", "总计", "一般公共预算拨款收入",
	                                "政府性基金预算拨款收入", "国有资本经营预算拨款收入", "财政专户管理资金收入",
	                                "事业收入", "上级补助收入", "附属单位上缴收入", "事业单位经营收入", "其他收入" };
	static const char *ilines[] = {
		"合 计\t\t174,900.64\t101,833.84\t41,534.73\t\t22,070.82\t2,461.25\t\t\t6,282.98\t717.01",
	};
	table *in = fixture_table(doc, "2026年部门收入总体情况表", ipaths, NELEM(ipaths), 0, ilines,
	                          NELEM(ilines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(g->schema, "budget.general_expenditure");
	assert_string_equal(val(doc, g, &g->rows.items[0], "basic"), "43436.09");
	assert_string_equal(val(doc, g, &g->rows.items[0], "personnel"), "34411.12");
	assert_string_equal(val(doc, g, &g->rows.items[0], "public"), "9024.98");
	/* 101,833.84 = 43,436.09 + 58,397.75; 43,436.09 = 34,411.12 + 9,024.98 (= 43,436.10) */
	assert_int_equal(g->checks.len, 2);
	assert_true(g->checks.items[0].ok);
	assert_true(g->checks.items[1].ok);
	assert_string_equal(dec(doc, g->checks.items[1].expected), "43436.1");
	assert_string_equal(in->schema, "budget.income");
	assert_string_equal(val(doc, in, &in->rows.items[0], "fund"), "41534.73");
	assert_int_equal(in->checks.len, 1);
	assert_true(in->checks.items[0].ok);
	assert_string_equal(dec(doc, in->checks.items[0].expected), "174900.63");
	doc_free(doc);
}

/* Seed 004's 支出总计 prints only 合计: a total whose parts are all blank is not checked. */
static void test_blank_parts_not_checked(void **state)
{
	(void)state;
	document *doc = doc_new("a.txt");
	doc->kind = KIND_BUDGET;
	static const char *paths[] = { "科目编码", "科目名称", "合计", "基本支出", "项目支出" };
	static const char *lines[] = {
		"201\t一般公共服务支出\t5,073.08\t3,000.00\t2,073.08",
		"\t总计\t5,073.08\t\t",
	};
	table *t = fixture_table(doc, "支出总表", paths, NELEM(paths), 0, lines, NELEM(lines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "budget.expenditure");
	/* 201: 5,073.08 = 3,000.00 + 2,073.08; 总计 = 201 per column, only total printed. */
	assert_non_null(find_check(t, "total_equals_parts", "201", "total"));
	assert_null(find_check(t, "total_equals_parts", "总计", "total"));
	assert_non_null(find_check(t, "total_sum", "总计", "total"));
	assert_null(find_check(t, "total_sum", "总计", "basic"));
	assert_int_equal(t->checks.len, 2);
	assert_int_equal(count_ok(t, true), 2);
	doc_free(doc);
}

/*
 * shenzhen-hrss-2026 一般公共预算支出表（按功能分类）, pages 164-166 (printed
 * 164-166): the table is printed unit by unit, each unit's heading over its
 * own 205, 208 …  Each 类 adds up within its unit: 技师学院's 205 24,476.79 =
 * 17,404.29 + 7,072.50, not the 数据管理中心's 3.08 as well; each heading
 * adds up its 类: 4,077.84 ≈ 3.08 + 3,558.51 + 63.96 + 452.30 (= 4,077.85);
 * 29,083.29 = 24,476.79 + 1,797.69 + 537.93 + 2,270.88.
 */
static void test_unit_by_unit(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_BUDGET;
	static const char *paths[] = { "预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出" };
	static const char *lines[] = {
		"深圳市人力资源和社会保障数据管理中心\t\t\t4,077.84\t2,161.63\t1,916.21",
		"\t205\t教育支出\t3.08\t3.08\t0.00",
		"\t20508\t进修及培训\t3.08\t3.08\t0.00",
		"\t2050803\t培训支出\t3.08\t3.08\t0.00",
		"\t208\t社会保障和就业支出\t3,558.51\t1,642.29\t1,916.21",
		"\t20801\t人力资源和社会保障管理事务\t3,092.94\t1,386.73\t1,706.21",
		"\t2080104\t综合业务管理\t413.39\t0.00\t413.39",
		"\t2080108\t信息化建设\t1,292.83\t0.00\t1,292.83",
		"\t2080150\t事业运行\t1,386.73\t1,386.73\t0.00",
		"\t20805\t行政事业单位养老支出\t255.57\t255.57\t0.00",
		"\t2080502\t事业单位离退休\t34.15\t34.15\t0.00",
		"\t2080505\t机关事业单位基本养老保险缴费支出\t158.99\t158.99\t0.00",
		"\t2080506\t机关事业单位职业年金缴费支出\t62.43\t62.43\t0.00",
		"\t20807\t就业补助\t210.00\t0.00\t210.00",
		"\t2080799\t其他就业补助支出\t210.00\t0.00\t210.00",
		"\t210\t卫生健康支出\t63.96\t63.96\t0.00",
		"\t21011\t行政事业单位医疗\t63.96\t63.96\t0.00",
		"\t2101102\t事业单位医疗\t63.96\t63.96\t0.00",
		"\t221\t住房保障支出\t452.30\t452.30\t0.00",
		"\t22102\t住房改革支出\t452.30\t452.30\t0.00",
		"\t2210201\t住房公积金\t151.05\t151.05\t0.00",
		"\t2210203\t购房补贴\t301.26\t301.26\t0.00",
		"深圳鹏城技师学院\t\t\t29,083.29\t17,963.53\t11,119.76",
		"\t205\t教育支出\t24,476.79\t13,357.03\t11,119.76",
		"\t20503\t职业教育\t17,404.29\t13,357.03\t4,047.26",
		"\t2050303\t技校教育\t17,404.29\t13,357.03\t4,047.26",
		"\t20509\t教育费附加安排的支出\t7,072.50\t0.00\t7,072.50",
		"\t2050999\t其他教育费附加安排的支出\t7,072.50\t0.00\t7,072.50",
		"\t208\t社会保障和就业支出\t1,797.69\t1,797.69\t0.00",
		"\t20805\t行政事业单位养老支出\t1,797.69\t1,797.69\t0.00",
		"\t2080502\t事业单位离退休\t175.56\t175.56\t0.00",
		"\t2080505\t机关事业单位基本养老保险缴费支出\t1,366.73\t1,366.73\t0.00",
		"\t2080506\t机关事业单位职业年金缴费支出\t255.40\t255.40\t0.00",
		"\t210\t卫生健康支出\t537.93\t537.93\t0.00",
		"\t21011\t行政事业单位医疗\t537.93\t537.93\t0.00",
		"\t2101102\t事业单位医疗\t537.93\t537.93\t0.00",
		"\t221\t住房保障支出\t2,270.88\t2,270.88\t0.00",
	};
	table *t = fixture_table(doc, "一般公共预算支出表（按功能分类）", paths, NELEM(paths), 0, lines,
	                         NELEM(lines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "budget.general_expenditure");
	assert_int_equal(count_ok(t, false), 0);
	const check *c = find_check(t, "children_sum", "深圳市人力资源和社会保障数据管理中心", "total");
	assert_non_null(c);
	assert_string_equal(dec(doc, c->expected), "4077.85");
	c = find_check(t, "children_sum", "深圳鹏城技师学院", "total");
	assert_non_null(c);
	assert_string_equal(dec(doc, c->expected), "29083.29");
	size_t seen = 0;
	for (size_t i = 0; i < t->checks.len; i++) {
		c = &t->checks.items[i];
		if (strcmp(c->rule, "children_sum") == 0 && strcmp(c->row, "205") == 0 &&
		    strcmp(c->column, "total") == 0) {
			assert_string_equal(dec(doc, c->found), seen ? "24476.79" : "3.08");
			assert_string_equal(dec(doc, c->expected), seen ? "24476.79" : "3.08");
			seen++;
		}
	}
	assert_int_equal(seen, 2);
	doc_free(doc);
}

/* A table listing units by code (113 a department, 113001 and 113002 its units): the
   department adds up its units and 合计 counts it once. */
static void test_unit_codes(void **state)
{
	(void)state;
	document *doc = doc_new("a.txt");
	doc->kind = KIND_BUDGET;
	static const char *paths[] = { "单位编码", "单位名称", "合计", "基本支出", "项目支出" };
	static const char *lines[] = {
		"\t合计\t300.00\t200.00\t100.00",
		"113\t某局\t300.00\t200.00\t100.00",
		"113001\t某局本级\t250.00\t180.00\t70.00",
		"113002\t某中心\t50.00\t20.00\t30.00",
	};
	table *t = fixture_table(doc, "支出总表", paths, NELEM(paths), 0, lines, NELEM(lines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "budget.expenditure");
	const check *c = find_check(t, "total_sum", "合计", "total");
	assert_non_null(c);
	assert_string_equal(dec(doc, c->expected), "300");
	c = find_check(t, "children_sum", "113", "basic");
	assert_non_null(c);
	assert_string_equal(dec(doc, c->expected), "200");
	assert_int_equal(count_ok(t, false), 0);
	doc_free(doc);
}

/* 总计 printed below 合计 and 上年结转: 总计 = 合计 + 上年结转, not the coded rows alone. */
static void test_grand_total_with_carryover(void **state)
{
	(void)state;
	document *doc = doc_new("a.txt");
	doc->kind = KIND_BUDGET;
	static const char *paths[] = { "科目编码", "科目名称", "合计", "一般公共预算拨款" };
	static const char *lines[] = {
		"201\t一般公共服务支出\t100.00\t100.00",
		"\t合计\t100.00\t100.00",
		"\t上年结转\t20.00\t20.00",
		"\t总计\t120.00\t120.00",
	};
	table *t = fixture_table(doc, "收入总表", paths, NELEM(paths), 0, lines, NELEM(lines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "budget.income");
	const check *c = find_check(t, "total_sum", "总计", "total");
	assert_non_null(c);
	assert_string_equal(dec(doc, c->expected), "120");
	assert_true(c->ok);
	assert_int_equal(count_ok(t, false), 0);
	doc_free(doc);
}

/* A column no schema knows printed among the parts: total = basic + project failing by
   its amount is not reported (the column_unkeyed warning names the column). */
static void test_unkeyed_part(void **state)
{
	(void)state;
	document *doc = doc_new("a.txt");
	doc->kind = KIND_BUDGET;
	static const char *paths[] = { "科目编码", "科目名称", "合计", "基本支出", "某专项支出", "项目支出" };
	static const char *lines[] = {
		"201\t一般公共服务支出\t100.00\t50.00\t20.00\t30.00",
		"202\t外交支出\t10.00\t5.00\t\t5.00",
	};
	table *t = fixture_table(doc, "支出总表", paths, NELEM(paths), 0, lines, NELEM(lines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_null(find_check(t, "total_equals_parts", "201", "total"));
	assert_non_null(find_check(t, "total_equals_parts", "202", "total"));
	assert_int_equal(count_ok(t, false), 0);
	doc_free(doc);
}

/* An addend read as text ("2268.8 2", two figures run together) is unknown: the identity is
   not evaluated rather than counted as zero (value_not_amount names the cell). */
static void test_text_addend(void **state)
{
	(void)state;
	document *doc = doc_new("a.txt");
	doc->kind = KIND_BUDGET;
	static const char *paths[] = { "科目编码", "科目名称", "合计", "基本支出", "项目支出" };
	static const char *lines[] = {
		"201\t一般公共服务支出\t2,368.82\t100.00\t2268.8 2",
		"20101\t人大事务\t2,368.82\t100.00\t2,268.82",
	};
	table *t = fixture_table(doc, "支出总表", paths, NELEM(paths), 0, lines, NELEM(lines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_null(find_check(t, "total_equals_parts", "201", "total"));
	assert_null(find_check(t, "children_sum", "201", "project"));
	assert_non_null(find_check(t, "children_sum", "201", "total"));
	assert_non_null(find_check(t, "total_equals_parts", "20101", "total"));
	assert_int_equal(count_ok(t, false), 0);
	doc_free(doc);
}

/*
 * yantai-housing-2026 公开表1 收支总体情况表 (page 9, pdftotext -layout): 收入总计
 * 45,967.29 = 本年收入合计 45,907.29 + 上级补助收入 60.00, a line printed between
 * them that is no carry-over.
 */
static void test_grand_total_lines_between(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	doc->kind = KIND_BUDGET;
	static const char *paths[] = { "收入/项目", "收入/预算数", "支出/项目", "支出/预算数" };
	static const char *lines[] = {
		"一、财政拨款收入\t45,832.29\t四、教育支出\t19,804.44",
		"一般公共预算收入\t41,966.15\t七、社会保障和就业支出\t3,888.11",
		"政府性基金预算收入\t3,806.19\t八、卫生健康支出\t774.22",
		"国有资本经营预算收入\t59.95\t十、城乡社区支出\t12,654.97",
		"五、其他收入\t75.00\t十一、农林水支出\t15.00",
		"\t\t十七、住房保障支出\t8,770.59",
		"\t\t十九、国有资本经营预算支出\t59.95",
		"本年收入合计\t45,907.29\t本年支出合计\t45,967.29",
		"上级补助收入\t60.00\t\t",
		"附属单位上缴收入\t\t对附属单位的补助支出\t",
		"使用非财政拨款结余\t\t上缴上级支出\t",
		"上年结转\t\t结转下年\t",
		"收入总计\t45,967.29\t支出总计\t45,967.29",
	};
	table *t = fixture_table(doc, "收支总体情况表", paths, NELEM(paths), 0, lines, NELEM(lines));
	error err = { 0 };
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "budget.summary");
	const check *c = find_check(t, "two_sided_grand_total", "收入总计", "amount");
	assert_non_null(c);
	assert_string_equal(dec(doc, c->expected), "45967.29");
	assert_int_equal(count_ok(t, false), 0);
	doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_three_public_last_level),
		cmocka_unit_test(test_three_public_blank),
		cmocka_unit_test(test_three_public_fold_once),
		cmocka_unit_test(test_blank_income_template),
		cmocka_unit_test(test_document_check_blank),
		cmocka_unit_test(test_document_check_carryover),
		cmocka_unit_test(test_three_public_meeting_training),
		cmocka_unit_test(test_jiangsu_amount_tables),
		cmocka_unit_test(test_outline_two_sided),
		cmocka_unit_test(test_carry_line_not_wrapped),
		cmocka_unit_test(test_whole_lines_not_wrapped),
		cmocka_unit_test(test_three_public_by_fund),
		cmocka_unit_test(test_chongqing_columns),
		cmocka_unit_test(test_blank_parts_not_checked),
		cmocka_unit_test(test_unit_by_unit),
		cmocka_unit_test(test_unit_codes),
		cmocka_unit_test(test_grand_total_with_carryover),
		cmocka_unit_test(test_unkeyed_part),
		cmocka_unit_test(test_text_addend),
		cmocka_unit_test(test_grand_total_lines_between),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
