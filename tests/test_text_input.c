/*
 * test_text_input: text renderings (the five seeds) into the document model,
 * input sniffing, and malformed text (empty, binary, invalid UTF-8, a 50 MB
 * line, GB18030).  Expected values were read off the seed files by hand.
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
#include "extract/sniff.h"
#include "extract/text.h"
#include "tests/read_file.h"

#define SEEDS "tests/data/seeds/"

static document *load_seed(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, SEEDS "%s", name);
	size_t len;
	char *data = read_file(path, &len);
	assert_int_equal(sniff_format(data, len), INPUT_TEXT);
	document *doc = doc_new(path);
	error err = { 0 };
	assert_int_equal(text_load(doc, data, len, &err), 0);
	assert_string_equal(doc->media, "text");
	free(data);
	return doc;
}

static table *tab(document *doc, size_t i)
{
	assert_true(i < doc->tables.len);
	return doc->tables.items[i];
}

static void assert_cell(table *t, size_t r, size_t c, const char *text)
{
	assert_true(r < t->nrows);
	assert_true(c < t->ncols);
	const char *got = table_cell(t, r, c)->text;
	if (!got || strcmp(got, text) != 0)
		fail_msg("%s cell (%zu,%zu): expected '%s', got '%s'", t->id, r, c, text, got ? got : "(covered)");
}

static void assert_shape(table *t, size_t rows, size_t cols)
{
	if (t->nrows != rows || t->ncols != cols)
		fail_msg("%s (%s): expected %zux%zu, got %zux%zu", t->id, t->title ? t->title : "-", rows, cols,
		         t->nrows, t->ncols);
}

static void assert_meta(table *t, const char *title, const char *number, const char *unit, const char *entity)
{
	if (title)
		assert_string_equal(t->title, title);
	else
		assert_null(t->title);
	if (number)
		assert_string_equal(t->number, number);
	else
		assert_null(t->number);
	if (unit)
		assert_string_equal(t->unit, unit);
	if (entity)
		assert_string_equal(t->entity, entity);
}

static void assert_span(table *t, size_t r, size_t c, int rowspan, int colspan)
{
	cell *x = table_cell(t, r, c);
	assert_int_equal(x->rowspan, rowspan);
	assert_int_equal(x->colspan, colspan);
	for (int rr = 0; rr < rowspan; rr++)
		for (int cc = 0; cc < colspan; cc++)
			if (rr || cc) {
				cell *y = table_cell(t, r + (size_t)rr, c + (size_t)cc);
				assert_null(y->text);
				assert_int_equal(y->rowspan, 0);
				assert_int_equal(y->colspan, 0);
			}
}

/* 000: Markdown, tab-separated rows, <b> tags, page breaks as blank lines. */
static void test_seed_000(void **state)
{
	(void)state;
	document *doc = load_seed("000_457d21f7844e790a.txt");
	/* the nine 公开 tables and four tables in the appended self-assessment report */
	assert_int_equal(doc->tables.len, 13);
	assert_true(doc->blocks.len > 0);
	assert_int_equal(doc->blocks.items[0].type, BLOCK_HEADING);
	assert_string_equal(doc->blocks.items[0].text, "2024年度长沙市行政审批服务局部门决算");

	table *t = tab(doc, 0);
	assert_meta(t, "收入支出决算总表", "公开01表", "万元", "长沙市行政审批服务局");
	assert_shape(t, 33, 6); /* 3 header rows, 30 lines (1..30) */
	assert_cell(t, 0, 0, "收入");
	assert_cell(t, 0, 3, "支出");
	assert_cell(t, 3, 0, "一、一般公共预算财政拨款收入");
	assert_cell(t, 3, 2, "3,260.55");
	assert_cell(t, 11, 0, ""); /* line 9 has no income item */
	assert_cell(t, 11, 1, "9");
	assert_cell(t, 28, 3, "二十六、抗疫特别国债安排的支出"); /* row after the page break */
	assert_cell(t, 29, 0, "本年收入合计");               /* <b> stripped */
	assert_cell(t, 32, 0, "总计");
	assert_cell(t, 32, 5, "3,260.55");

	t = tab(doc, 1);
	assert_meta(t, "收入决算表", "公开02表", "万元", "长沙市行政审批服务局");
	assert_shape(t, 19, 9);
	assert_cell(t, 0, 2, "本年收入合计");
	assert_cell(t, 1, 0, "科目代码");
	assert_cell(t, 3, 0, "合计");
	assert_cell(t, 3, 2, "3,260.55");
	assert_cell(t, 5, 1, "政府办公厅（室）及相关机构事务");
	assert_cell(t, 18, 0, "2240199");
	assert_cell(t, 18, 2, "3.00");

	t = tab(doc, 2);
	assert_meta(t, "支出决算表", "公开03表", "万元", NULL);
	assert_shape(t, 19, 8);
	assert_cell(t, 3, 3, "2,333.52");
	assert_cell(t, 3, 4, "927.02");
	assert_cell(t, 8, 0, "2010399");

	t = tab(doc, 3);
	assert_meta(t, "财政拨款收入支出决算总表", "公开04表", "万元", NULL);
	assert_shape(t, 35, 9);

	t = tab(doc, 5);
	assert_meta(t, "一般公共预算财政拨款基本支出决算明细表", "公开06表", "万元", NULL);
	assert_cell(t, 2, 6, "307");

	t = tab(doc, 8);
	assert_meta(t, "财政拨款“三公”经费支出决算表", "公开09表", "万元", "长沙市行政审批服务局");
	assert_shape(t, 5, 12);
	assert_cell(t, 0, 0, "预算数");
	assert_cell(t, 0, 6, "决算数");
	assert_cell(t, 1, 2, "公务用车购置及运行维护费");
	assert_cell(t, 2, 3, "公务用车购 置费");
	assert_cell(t, 4, 0, "39.39");
	assert_cell(t, 4, 6, "32.62");
	assert_cell(t, 4, 11, "1.38");

	/* appendix: repeated page headers dropped, cells cut by a page joined */
	t = tab(doc, 11);
	assert_null(t->title);
	assert_string_equal(t->unit, "万元");
	assert_shape(t, 26, 6);
	assert_cell(t, 0, 0, "序号");
	assert_cell(t, 3, 5, "《长沙市财政局关于下达乡村振兴联点村经费的通知》（长财行指〔2024〕69号), "
	                     "下达乔口镇盘龙岭村乡村振兴工作经费10万元");
	assert_cell(t, 18, 1, "2022 年“一件事一次办”真抓实干奖励");
	assert_cell(t, 25, 1, "合计");
	assert_cell(t, 25, 4, "984.26");
	doc_free(doc);
}

/* 001: one cell per line, merged cells left out, titles glued to notes. */
static void test_seed_001(void **state)
{
	(void)state;
	document *doc = load_seed("001_4d7cf89fcda6ae68.txt");
	/* 公开01-05, 07-09 (06 is printed as a bare title) and the 绩效自评表 */
	assert_int_equal(doc->tables.len, 9);

	table *t = tab(doc, 0);
	assert_meta(t, "收入支出决算总表", "公开01表", "万元", "株洲市行政审批服务局");
	assert_shape(t, 33, 6);
	assert_cell(t, 0, 0, "收入");
	assert_span(t, 0, 0, 1, 3);
	assert_cell(t, 0, 3, "支出");
	assert_span(t, 0, 3, 1, 3);
	assert_cell(t, 3, 2, "1,489.93");
	assert_cell(t, 4, 2, ""); /* blank, not 0.00 */
	assert_cell(t, 32, 0, "总计");
	assert_cell(t, 32, 5, "1,489.93");

	t = tab(doc, 1);
	assert_meta(t, "收入决算表", "公开02表", "万元", "株洲市行政审批服务局");
	assert_shape(t, 17, 9);
	assert_cell(t, 0, 0, "项目");
	assert_span(t, 0, 0, 1, 2);
	assert_cell(t, 0, 2, "本年收入合计");
	assert_span(t, 0, 2, 2, 1);
	assert_cell(t, 1, 0, "科目代码");
	assert_cell(t, 1, 1, "科目名称");
	assert_cell(t, 3, 0, "合计");
	assert_span(t, 3, 0, 1, 2);
	assert_cell(t, 3, 2, "1,489.93");
	assert_cell(t, 3, 3, "1,489.93");
	assert_cell(t, 4, 0, "2010201");
	assert_cell(t, 4, 2, "161.28");
	assert_cell(t, 16, 1, "住房公积金");

	t = tab(doc, 2);
	assert_meta(t, "支出决算表", "公开03表", "万元", NULL);
	assert_shape(t, 17, 8);
	assert_cell(t, 3, 3, "642.17");
	assert_cell(t, 3, 4, "847.76");
	assert_cell(t, 5, 3, "");
	assert_cell(t, 5, 4, "737.89");

	/* the title glued under the last row of 公开03表 starts this table */
	t = tab(doc, 3);
	assert_meta(t, "财政拨款收入支出决算总表", "公开04表", "万元", NULL);
	assert_shape(t, 35, 9);
	assert_cell(t, 0, 3, "支     出");
	assert_span(t, 0, 3, 1, 6);
	assert_cell(t, 31, 0, "一般公共预算财政拨款");

	t = tab(doc, 4);
	assert_meta(t, "一般公共预算财政拨款支出决算表", "公开05表", "万元", NULL);
	assert_shape(t, 17, 5);
	assert_cell(t, 0, 2, "本年支出");
	assert_span(t, 0, 2, 1, 3);

	t = tab(doc, 7);
	assert_meta(t, "财政拨款“三公”经费支出决算表", "公开09表", "万元", "株洲市行政审批服务局");
	assert_shape(t, 5, 12);
	assert_cell(t, 0, 0, "预算数");
	assert_span(t, 0, 0, 1, 6);
	assert_cell(t, 0, 6, "决算数");
	assert_cell(t, 1, 2, "公务用车购置及运行维护费");
	assert_span(t, 1, 2, 1, 3);
	assert_cell(t, 1, 5, "公务接待费");
	assert_span(t, 1, 5, 2, 1);
	assert_cell(t, 2, 2, "小计");
	assert_cell(t, 4, 0, "4.03");
	assert_cell(t, 4, 1, "");
	assert_cell(t, 4, 11, "0.59");

	/* wrapped cell lines are joined: 年度预 / 算申请 / （万元） */
	t = tab(doc, 8);
	assert_string_equal(t->title, "部门整体支出绩效自评表");
	assert_cell(t, 1, 0, "年度预算申请（万元）");

	/* the bare 06 title stays a paragraph; notes are text, not rows */
	bool bare = false, note = false;
	for (size_t i = 0; i < doc->blocks.len; i++) {
		if (strcmp(doc->blocks.items[i].text, "一般公共预算财政拨款基本支出决算明细表") == 0)
			bare = true;
		if (strcmp(doc->blocks.items[i].text, "注：本表反映部门本年度各项支出情况。") == 0)
			note = true;
	}
	assert_true(bare);
	assert_true(note);
	doc_free(doc);
}

/* 002: 2020 form order, cells wrapped onto a row after a page break. */
static void test_seed_002(void **state)
{
	(void)state;
	document *doc = load_seed("002_07f019ba6ccc29bb.txt");
	assert_int_equal(doc->tables.len, 9);
	assert_string_equal(doc->blocks.items[0].text, "2020 年度长沙市政务服务中心部门决算");

	table *t = tab(doc, 0);
	assert_meta(t, "收入支出决算总表", "公开01表", "万元", "长沙市政务服务中心");
	assert_shape(t, 34, 6); /* 3 header rows, lines 1..31 */
	assert_cell(t, 33, 0, "总计");
	assert_cell(t, 33, 2, "2,847.27");

	t = tab(doc, 1);
	assert_meta(t, "收入决算表", "公开02表", "万元", NULL);
	assert_shape(t, 16, 9);
	assert_cell(t, 1, 0, "功能分类科目编码");
	assert_cell(t, 3, 2, "2,846.52");
	assert_cell(t, 15, 0, "2120101");

	t = tab(doc, 2);
	assert_meta(t, "支出决算表", "公开03表", "万元", NULL);
	assert_shape(t, 16, 8);
	assert_cell(t, 3, 4, "1,643.45");

	t = tab(doc, 3);
	assert_meta(t, "财政拨款收入支出决算总表", "公开04表", "万元", NULL);
	assert_shape(t, 35, 9); /* the wrapped tail is not a row of its own */
	assert_cell(t, 28, 3, "二十六、抗疫特别国债安排的支出");
	assert_cell(t, 28, 4, "58");
	assert_cell(t, 29, 0, "本年收入合计");

	t = tab(doc, 5);
	assert_meta(t, "一般公共预算财政拨款基本支出决算表", "公开06表", "万元", NULL);
	assert_cell(t, 26, 1, "个人农业生产补贴");
	assert_cell(t, 26, 4, "公务用车运行维护费");
	assert_cell(t, 27, 0, "30311");

	t = tab(doc, 6);
	assert_meta(t, "一般公共预算财政拨款“三公”经费支出决算表", "公开07表", "万元", NULL);
	assert_shape(t, 5, 12);
	assert_cell(t, 4, 0, "9.70");
	assert_cell(t, 4, 11, "0.30");
	doc_free(doc);
}

/* 003: narrative only. */
static void test_seed_003(void **state)
{
	(void)state;
	document *doc = load_seed("003_91be073d674ac1bc.txt");
	assert_int_equal(doc->tables.len, 0);
	assert_int_equal(doc->blocks.items[0].type, BLOCK_HEADING);
	assert_string_equal(doc->blocks.items[0].text, "2022 年度长沙市行政审批服务局 部门整体支出绩效评价结果");
	bool h = false;
	for (size_t i = 0; i < doc->blocks.len; i++)
		if (doc->blocks.items[i].type == BLOCK_HEADING && doc->blocks.items[i].level == 2 &&
		    strcmp(doc->blocks.items[i].text, "一、部门基本情况") == 0)
			h = true;
	assert_true(h);
	doc_free(doc);
}

/* 004: budget, split 类/款/项 codes, tables repeated on every page with their title. */
static void test_seed_004(void **state)
{
	(void)state;
	document *doc = load_seed("004_c182bc71c99e727c.txt");
	assert_int_equal(doc->tables.len, 10);

	table *t = tab(doc, 0);
	assert_meta(t, "部门收支总体情况表", NULL, "万元", "长沙市行政审批服务局");
	assert_shape(t, 12, 4); /* two pages, the second page's header dropped */
	assert_cell(t, 2, 1, "5,073.08");
	assert_cell(t, 9, 2, "六、结余分配");
	assert_cell(t, 10, 2, "七、结转下年");
	assert_cell(t, 11, 0, "收 入 总 计");
	assert_cell(t, 11, 3, "5,073.08");

	t = tab(doc, 1);
	assert_meta(t, "部门收入总体情况表", NULL, "万元", NULL);
	assert_shape(t, 10, 13);
	assert_cell(t, 2, 0, ""); /* ** marks dropped */
	assert_cell(t, 2, 4, "1");
	assert_cell(t, 6, 0, "201");
	assert_cell(t, 6, 1, "03");
	assert_cell(t, 6, 2, "01");
	assert_cell(t, 6, 3, "行政运行");
	assert_cell(t, 6, 4, "2,285.05");

	t = tab(doc, 2);
	assert_meta(t, "部门支出总体情况表", NULL, "万元", NULL);
	assert_shape(t, 10, 10);
	assert_cell(t, 3, 5, "2,598.03");

	t = tab(doc, 3);
	assert_string_equal(t->title, "财政拨款收支总体情况表");
	assert_shape(t, 27, 7);
	assert_cell(t, 24, 2, "22、其他支出");

	t = tab(doc, 5);
	assert_string_equal(t->title, "一般公共预算基本支出情况表");
	assert_shape(t, 36, 5); /* three pages */
	assert_cell(t, 35, 0, "30399");

	t = tab(doc, 6);
	assert_meta(t, "一般公共预算“三公”经费支出情况表", NULL, "万元", NULL);
	assert_shape(t, 4, 7);
	assert_cell(t, 2, 0, "合计");
	assert_cell(t, 2, 1, "18.34");
	assert_cell(t, 2, 2, "7.70");
	assert_cell(t, 3, 0, "长沙市行政审批服务局");

	assert_string_equal(tab(doc, 8)->title, "项目支出绩效目标表");
	assert_string_equal(tab(doc, 9)->title, "部门整体支出绩效目标表");
	doc_free(doc);
}

static void test_sniff(void **state)
{
	(void)state;
	assert_int_equal(sniff_format("%PDF-1.7\n", 9), INPUT_PDF);
	assert_int_equal(sniff_format("\xEF\xBB\xBF  <!DOCTYPE HTML>", 20), INPUT_HTML);
	assert_int_equal(sniff_format("<!-- x --><html>", 16), INPUT_HTML);
	assert_int_equal(sniff_format("\n<TABLE border=1>", 17), INPUT_HTML);
	assert_int_equal(sniff_format("收入决算表\t公开02表\n", strlen("收入决算表\t公开02表\n")), INPUT_TEXT);
	assert_int_equal(sniff_format("\xCA\xD5\xC8\xEB\xBE\xF6\xCB\xE3\xB1\xED\n", 11), INPUT_TEXT); /* GBK */
	assert_int_equal(sniff_format("\x00\x01\x02\x03garbage", 11), INPUT_UNKNOWN);
	/* a stray byte in UTF-8 text: still text (the reader replaces it, with a warning) */
	const char *stray = "收入决算表\t\xFF公开02表\n科目编码\t科目名称\n";
	assert_int_equal(sniff_format(stray, strlen(stray)), INPUT_TEXT);
	assert_int_equal(sniff_format("2024\x80 budget\n", 13), INPUT_TEXT);
	/* mostly undecodable high bytes: not text */
	assert_int_equal(sniff_format("\xFF\xFE\xFA\xFB\xFC\xFD\xF8\xF9\xFF\xFE\xFA\xFB\xFC\xFD\xF8\xF9\x80\x80", 18),
	                 INPUT_UNKNOWN);
	assert_int_equal(sniff_format("", 0), INPUT_UNKNOWN);
	assert_int_equal(sniff_format_name("PDF"), INPUT_PDF);
	assert_int_equal(sniff_format_name("html"), INPUT_HTML);
	assert_int_equal(sniff_format_name("md"), INPUT_TEXT);
	assert_int_equal(sniff_format_name("txt"), INPUT_TEXT);
	assert_int_equal(sniff_format_name("text"), INPUT_TEXT);
	assert_int_equal(sniff_format_name("docx"), INPUT_UNKNOWN);
	assert_int_equal(sniff_format_name(NULL), INPUT_UNKNOWN);
}

static void test_empty_and_binary(void **state)
{
	(void)state;
	document *doc = doc_new("x");
	error err = { 0 };
	assert_int_equal(text_load(doc, "", 0, &err), -1);
	assert_int_equal(err.kind, ERROR_INPUT);
	error_clear(&err);
	assert_int_equal(text_load(doc, " \n\t\n\r\n", 6, &err), -1);
	assert_int_equal(err.kind, ERROR_INPUT);
	error_clear(&err);
	unsigned char garbage[4096];
	uint32_t x = 2463534242u;
	for (size_t i = 0; i < sizeof garbage; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		garbage[i] = (unsigned char)x;
	}
	garbage[100] = 0;
	assert_int_equal(text_load(doc, (const char *)garbage, sizeof garbage, &err), -1);
	assert_int_equal(err.kind, ERROR_INPUT);
	assert_non_null(strstr(err.message, "binary"));
	doc_free(doc);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	size_t len;
	char *data = read_file("tests/data/inputs/invalid-utf8.txt", &len);
	document *doc = doc_new("invalid-utf8.txt");
	error err = { 0 };
	assert_int_equal(text_load(doc, data, len, &err), 0);
	assert_true(doc->warnings.len >= 1);
	/* every string in the model is valid UTF-8 */
	for (size_t i = 0; i < doc->blocks.len; i++)
		assert_true(utf8_valid(doc->blocks.items[i].text, strlen(doc->blocks.items[i].text)));
	for (size_t k = 0; k < doc->tables.len; k++) {
		table *t = doc->tables.items[k];
		for (size_t i = 0; i < t->nrows * t->ncols; i++)
			if (t->cells[i].text)
				assert_true(utf8_valid(t->cells[i].text, strlen(t->cells[i].text)));
	}
	free(data);
	doc_free(doc);
}

/* A form label alone over the title is the table's number (seed 001 prints 附件2 over its
   2024年度部门整体支出绩效自评表), as a caption over a PDF table gives it; the number printed
   under the title still wins, and in a title the form number goes to the number. */
static void test_form_label_over_title(void **state)
{
	(void)state;
	const char *txt = "附件2\n收支表\n项目\t合计\n合计\t1.00\n\n"
	                  "表1\n收入表\n公开02表\n项目\t合计\n合计\t2.00\n\n"
	                  "支出表（预算03表）\n项目\t合计\n合计\t3.00\n";
	document *doc = doc_new("label.txt");
	error err = { 0 };
	assert_int_equal(text_load(doc, txt, strlen(txt), &err), 0);
	assert_int_equal(doc->tables.len, 3);
	assert_meta(tab(doc, 0), "收支表", "附件2", NULL, NULL);
	assert_meta(tab(doc, 1), "收入表", "公开02表", NULL, NULL);
	assert_meta(tab(doc, 2), "支出表", "预算03表", NULL, NULL);
	doc_free(doc);
}

static void test_gb18030_text(void **state)
{
	(void)state;
	/* "收入决算表\n公开02表\n项目\t合计\n合计\t1.00\n" in GBK */
	const char gbk[] = "\xCA\xD5\xC8\xEB\xBE\xF6\xCB\xE3\xB1\xED\n\xB9\xAB\xBF\xAA" "02\xB1\xED\n"
	                   "\xCF\xEE\xC4\xBF\t\xBA\xCF\xBC\xC6\n\xBA\xCF\xBC\xC6\t1.00\n";
	document *doc = doc_new("gbk.txt");
	error err = { 0 };
	assert_int_equal(text_load(doc, gbk, sizeof gbk - 1, &err), 0);
	assert_int_equal(doc->tables.len, 1);
	table *t = tab(doc, 0);
	assert_meta(t, "收入决算表", "公开02表", NULL, NULL);
	assert_cell(t, 1, 0, "合计");
	assert_cell(t, 1, 1, "1.00");
	assert_true(doc->warnings.len >= 1);
	doc_free(doc);
}

static void test_huge_line(void **state)
{
	(void)state;
	size_t len = (size_t)50 << 20;
	char *data = malloc(len);
	assert_non_null(data);
	static const char unit[] = "收入决算表 2,333.52\t";
	for (size_t i = 0; i < len; i++)
		data[i] = unit[i % (sizeof unit - 1)];
	document *doc = doc_new("huge.txt");
	error err = { 0 };
	assert_int_equal(text_load(doc, data, len, &err), 0);
	assert_true(doc->warnings.len >= 1);
	assert_non_null(strstr(doc->warnings.items[0].message, "cut"));
	free(data);
	doc_free(doc);

	/* many tabs on one line: a row of many cells, bounded */
	len = (size_t)1 << 20;
	data = malloc(len);
	assert_non_null(data);
	memset(data, '\t', len);
	data[0] = 'x';
	doc = doc_new("tabs.txt");
	assert_int_equal(text_load(doc, data, len, &err), 0);
	free(data);
	doc_free(doc);
}

static void test_ragged_cells(void **state)
{
	(void)state;
	/* cell-per-line rows of every length, notes and glued titles, unbalanced */
	const char *s = "\t项目\n\t金额\n续行\n\n\t合计\n\n\t\n\t\n\t\n\t1\n\t2\n\t3\n\t4\n\t5\n"
	                "\t注：本表\n下一张表\n\t公开03表\n\t\t\n\t\n";
	document *doc = doc_new("ragged.txt");
	error err = { 0 };
	assert_int_equal(text_load(doc, s, strlen(s), &err), 0);
	for (size_t k = 0; k < doc->tables.len; k++) {
		table *t = doc->tables.items[k];
		for (size_t r = 0; r < t->nrows; r++)
			for (size_t c = 0; c < t->ncols; c++) {
				cell *x = table_cell(t, r, c);
				if (x->text)
					assert_true(x->rowspan >= 1 && x->colspan >= 1 &&
					            r + (size_t)x->rowspan <= t->nrows && c + (size_t)x->colspan <= t->ncols);
			}
	}
	assert_true(doc->tables.len >= 1);
	bool joined = false;
	table *t0 = tab(doc, 0);
	for (size_t c = 0; c < t0->ncols; c++)
		if (table_cell(t0, 0, c)->text && strcmp(table_cell(t0, 0, c)->text, "金额续行") == 0)
			joined = true;
	assert_true(joined);
	doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_000),     cmocka_unit_test(test_seed_001),
		cmocka_unit_test(test_seed_002),     cmocka_unit_test(test_seed_003),
		cmocka_unit_test(test_seed_004),     cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_empty_and_binary), cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_gb18030_text),
		cmocka_unit_test(test_form_label_over_title), cmocka_unit_test(test_huge_line),
		cmocka_unit_test(test_ragged_cells),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
