/*
 * Tests for the extract stage pieces that work on the model alone: header
 * rows and column paths, captions, heading levels, document identity, and the
 * JSON string writer.  Grids are built by hand in the shapes the real
 * disclosures print.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/model.h"
#include "emit/json.h"
#include "extract/caption.h"
#include "extract/found.h"
#include "extract/header.h"
#include "extract/identity.h"
#include "extract/layout.h"
#include "extract/prose.h"
#include "extract/pdf.h"
#include "extract/tables.h"
#include "extract/unruled.h"
#include "normalize/number.h"
#include "tests/read_file.h"

static void set_row(table *t, size_t r, const char *const *texts)
{
	for (size_t c = 0; c < t->ncols; c++) {
		cell *ce = table_cell(t, r, c);
		if (texts[c]) {
			ce->text = (char *)texts[c];
		} else {
			ce->text = NULL;
			ce->rowspan = ce->colspan = 0;
		}
	}
}

/* 收入决算表 as the putuo final accounts print it: a three-row header whose last row
 * also holds 类/款/项 and the 合计 figures. */
static void test_header_of_income_table(void **state)
{
	(void)state;
	document *doc = doc_new("t");
	table *t = doc_add_table(doc, 5, 6);
	static const char *const r0[] = { "项目", NULL, NULL, NULL, "本年收入合计", "财政拨款收入" };
	static const char *const r1[] = { "支出功能分类科目编码", NULL, NULL, "科目名称", NULL, NULL };
	static const char *const r2[] = { "类", "款", "项", "合计", "2,946.25", "2,940.05" };
	static const char *const r3[] = { "201", "", "", "一般公共服务支出", "2,112.86", "2,106.66" };
	static const char *const r4[] = { "201", "06", "", "财政事务", "2,112.86", "2,106.66" };
	set_row(t, 0, r0);
	set_row(t, 1, r1);
	set_row(t, 2, r2);
	set_row(t, 3, r3);
	set_row(t, 4, r4);
	table_cell(t, 0, 0)->colspan = 4;
	table_cell(t, 0, 4)->rowspan = 2;
	table_cell(t, 0, 5)->rowspan = 2;
	table_cell(t, 1, 0)->colspan = 3;
	/* covered slots under the tall cells */
	table_cell(t, 1, 4)->text = NULL;
	table_cell(t, 1, 4)->rowspan = table_cell(t, 1, 4)->colspan = 0;
	table_cell(t, 1, 5)->text = NULL;
	table_cell(t, 1, 5)->rowspan = table_cell(t, 1, 5)->colspan = 0;
	table_set_header(doc, t);
	assert_int_equal(t->header_rows, 2);
	assert_string_equal(t->paths[0], "项目/支出功能分类科目编码/类");
	assert_string_equal(t->paths[2], "项目/支出功能分类科目编码/项");
	assert_string_equal(t->paths[3], "项目/科目名称");
	assert_string_equal(t->paths[4], "本年收入合计");
	doc_free(doc);
}

/* A unit line printed in the grid's first row (单位：元 across every column): no level of
 * any column's path, and the table's unit. */
static void test_header_unit_row(void **state)
{
	(void)state;
	document *doc = doc_new("t");
	table *t = doc_add_table(doc, 4, 3);
	static const char *const r0[] = { "单位： 元", NULL, NULL };
	static const char *const r1[] = { "科目名称", "合计", "基本支出" };
	static const char *const r2[] = { "合计", "3.00", "2.00" };
	static const char *const r3[] = { "一般公共服务支出", "3.00", "2.00" };
	set_row(t, 0, r0);
	set_row(t, 1, r1);
	set_row(t, 2, r2);
	set_row(t, 3, r3);
	table_cell(t, 0, 0)->colspan = 3;
	table_set_header(doc, t);
	assert_int_equal(t->header_rows, 2);
	assert_string_equal(t->paths[0], "科目名称");
	assert_string_equal(t->paths[1], "合计");
	assert_string_equal(t->paths[2], "基本支出");
	assert_non_null(t->unit);
	assert_string_equal(t->unit, "元");
	doc_free(doc);
}

/* A code set before its name with a narrow space (a fifth of the size): the line's text keeps
 * the space; digits that touch the word (2024年) stay joined. */
static void test_line_text_code_space(void **state)
{
	(void)state;
	document *doc = doc_new("t");
	page pg = { 0 };
	static const uint32_t cps[] = { '2', '0', '1', 0x4E00, 0x822C, '2', '0', '2', '4', 0x5E74 };
	static const float gaps[] = { 0, 0, 0, 2.0f, 0, 3.0f, 0, 0, 0, 0.3f };
	float x = 0;
	size_t idx[10];
	for (size_t i = 0; i < 10; i++) {
		glyph *g = VEC_PUSH(doc->arena, &pg.glyphs);
		float w = cps[i] < 128 ? 5.0f : 10.0f;
		x += gaps[i];
		*g = (glyph){ .cp = cps[i], .x0 = x, .y0 = 0, .x1 = x + w, .y1 = 10, .size = 10 };
		x += w;
		idx[i] = i;
	}
	assert_string_equal(layout_glyph_text(doc->arena, &pg, idx, 5), "201 一般");
	assert_string_equal(layout_glyph_text(doc->arena, &pg, idx + 5, 5), "2024年");
	doc_free(doc);
}

/* A blank table (no figure anywhere): the header runs to the last text row before 合计. */
static void test_header_of_blank_table(void **state)
{
	(void)state;
	document *doc = doc_new("t");
	table *t = doc_add_table(doc, 5, 3);
	static const char *const r0[] = { "项目", "本年支出", NULL };
	static const char *const r1[] = { "科目名称", "小计", "基本支出" };
	static const char *const r2[] = { "", "", "" };
	static const char *const r3[] = { "合计", "", "" };
	static const char *const r4[] = { "", "", "" };
	set_row(t, 0, r0);
	set_row(t, 1, r1);
	set_row(t, 2, r2);
	set_row(t, 3, r3);
	set_row(t, 4, r4);
	table_cell(t, 0, 1)->colspan = 2;
	assert_int_equal(header_count_rows(t), 2);
	doc_free(doc);
}

/* 部门整体绩效目标表: text and whole numbers, a 绩效指标 cell running beside all the body rows. */
static void test_header_of_performance_table(void **state)
{
	(void)state;
	document *doc = doc_new("t");
	table *t = doc_add_table(doc, 5, 4);
	static const char *const r0[] = { "绩效指标", "指标名称", "指标值", "指标权重(%)" };
	static const char *const r1[] = { NULL, "建成15分钟商业服务圈", "63", "10" };
	static const char *const r2[] = { NULL, "办理行政审批和公共服务事项数", "60000", "10" };
	static const char *const r3[] = { NULL, "离岸服务外包执行额", "22.6", "6" };
	static const char *const r4[] = { NULL, "网络零售额同比增速", "8", "5" };
	set_row(t, 0, r0);
	set_row(t, 1, r1);
	set_row(t, 2, r2);
	set_row(t, 3, r3);
	set_row(t, 4, r4);
	table_cell(t, 0, 0)->text = "绩效指标";
	table_cell(t, 0, 0)->rowspan = 5;
	table_cell(t, 0, 0)->colspan = 1;
	assert_int_equal(header_count_rows(t), 1);
	/* A 栏次 row counting the columns is header, not figures. */
	table *u = doc_add_table(doc, 3, 4);
	static const char *const u0[] = { "项目", "合计", "基本支出", "项目支出" };
	static const char *const u1[] = { "栏次", "1", "2", "3" };
	static const char *const u2[] = { "合计", "", "", "" };
	set_row(u, 0, u0);
	set_row(u, 1, u1);
	set_row(u, 2, u2);
	assert_int_equal(header_count_rows(u), 2);
	doc_free(doc);
}

static void test_data_text(void **state)
{
	(void)state;
	assert_true(header_is_data_text("2,946.25"));
	assert_true(header_is_data_text(" 94.18% "));
	assert_true(header_is_data_text("0.00"));
	assert_false(header_is_data_text("栏次"));
	assert_false(header_is_data_text("12"));
	assert_false(header_is_data_text(""));
}

/* Lines of glyphs 5.5 points wide (. and , 2.5) 0.5 apart, 10 high, one string per line, for tables_text_of in a
 * column whose widest line is `fill` points wide (0: a merged cell). */
static char *cell_text_fill(arena *a, const char *const *lines, size_t nlines, double fill)
{
	page pg = { 0 };
	size_t idx[64], n = 0;
	for (size_t l = 0; l < nlines; l++) {
		float x = 100;
		for (const char *s = lines[l]; *s;) {
			uint32_t cp;
			s += utf8_decode(s, strlen(s), &cp);
			float w = cp == '.' || cp == ',' ? 2.5f : 5.5f; /* marks are narrow */
			glyph *g = VEC_PUSH(a, &pg.glyphs);
			*g = (glyph){ .cp = cp, .x0 = x, .x1 = x + w,
			              .y0 = 200 + 12.0f * l, .y1 = 210 + 12.0f * l, .size = 10 };
			idx[n] = n;
			n++;
			x += w + 0.5f;
		}
	}
	return tables_text_of(a, &pg, idx, n, fill);
}

static char *cell_text_of(arena *a, const char *const *lines, size_t nlines)
{
	return cell_text_fill(a, lines, nlines, 0);
}

/* A figure or code wrapped in a narrow cell is joined without a space; words are not. */
static void test_wrapped_figure(void **state)
{
	(void)state;
	arena *a = arena_new();
	static const char *const fig[] = { "2268.8", "2" }, *const grouped[] = { "112,171.0", "1" },
	                         *const code[] = { "201030", "1" }, *const words[] = { "Other", "items" },
	                         *const mixed[] = { "2268.8", "2 a" }, *const stacked[] = { "110", "20" },
	                         *const decimals[] = { "109086", "9.73" }, *const two[] = { "12", "9.73" };
	assert_string_equal(cell_text_of(a, fig, 2), "2268.82");
	assert_string_equal(cell_text_of(a, grouped, 2), "112,171.01");
	assert_string_equal(cell_text_of(a, code, 2), "2010301");
	assert_string_equal(cell_text_of(a, words, 2), "Other items");
	assert_string_equal(cell_text_of(a, mixed, 2), "2268.8 2 a");
	/* two short whole numbers stacked in a merged cell stay two figures */
	assert_string_equal(cell_text_of(a, stacked, 2), "110 20");
	/* a long run of digits over the rest with the decimals: one amount (1090869.73) */
	assert_string_equal(cell_text_of(a, decimals, 2), "1090869.73");
	assert_string_equal(cell_text_of(a, two, 2), "12 9.73");
	arena_free(a);
}

/* A code on a line of its own over its name keeps a space before the name (the sign
   that the digits are a code); a Chinese label wrapped after a word does not. */
static void test_wrapped_code_and_name(void **state)
{
	(void)state;
	arena *a = arena_new();
	static const char *const coded[] = { "2070101", "行政运行" }, *const unit[] = { "113001", "某某中心" },
	                         *const name[] = { "文化旅", "游体育" };
	assert_string_equal(cell_text_of(a, coded, 2), "2070101 行政运行");
	assert_string_equal(cell_text_of(a, unit, 2), "113001 某某中心");
	assert_string_equal(cell_text_of(a, name, 2), "文化旅游体育");
	arena_free(a);
}

/* An amount a narrow cell broke over several full lines is one amount; lines that are not
 * full, or pieces that do not read as one well-formed amount, stay apart. */
static void test_broken_amount(void **state)
{
	(void)state;
	arena *a = arena_new();
	static const char *const three[] = { "3357", "775.", "00" }, *const groups[] = { "3,78", "0,63", "7.53" },
	                         *const digits[] = { "4", "7", "8", "0", "3", "2.", "7", "4" },
	                         *const short_first[] = { "1597", "4.00" }, *const bad_groups[] = { "1,23", "45,6", "7" },
	                         *const two_points[] = { "12.5", "0.00" }, *const stacked[] = { "110", "20" };
	/* four digits are 23.5 wide, "3,78" 20.5, "2." 8.5 */
	assert_string_equal(cell_text_fill(a, three, 3, 23.5), "3357775.00");
	assert_string_equal(cell_text_fill(a, groups, 3, 20.5), "3,780,637.53");
	assert_string_equal(cell_text_fill(a, digits, 8, 8.5), "478032.74");
	assert_string_equal(cell_text_fill(a, short_first, 2, 23.5), "15974.00");
	/* in a column printing wider lines, "1597" was not broken by the width: two figures */
	assert_string_equal(cell_text_fill(a, short_first, 2, 41.5), "1597 4.00");
	/* the pieces must make one well-formed amount */
	assert_string_equal(cell_text_fill(a, bad_groups, 3, 23.5), "1,23 45,6 7");
	assert_string_equal(cell_text_fill(a, two_points, 2, 23.5), "12.5 0.00");
	/* "110" leaves room for "2" in a column as wide as four digits */
	assert_string_equal(cell_text_fill(a, stacked, 2, 23.5), "110 20");
	assert_string_equal(cell_text_fill(a, stacked, 2, 17.5), "11020");
	arena_free(a);
}

static void test_caption_parse(void **state)
{
	(void)state;
	arena *a = arena_new();
	char *number = NULL, *entity = NULL;
	const char *unit = NULL;
	char *rest = caption_parse(a, "公开 02 表  收入决算表", &number, &unit, &entity);
	assert_string_equal(rest, "收入决算表");
	assert_string_equal(number, "公开02表");
	assert_null(unit);

	number = entity = NULL;
	unit = NULL;
	rest = caption_parse(a, "部门：中共江苏省委办公厅      单位：万元", &number, &unit, &entity);
	assert_string_equal(rest, "");
	assert_string_equal(unit, "万元");
	assert_string_equal(entity, "中共江苏省委办公厅");

	number = entity = NULL;
	unit = NULL;
	rest = caption_parse(a, "2026年部门收入总体情况表（金额单位：元）", &number, &unit, &entity);
	assert_string_equal(unit, "元");
	assert_string_equal(rest, "2026年部门收入总体情况表");

	number = entity = NULL;
	unit = NULL;
	rest = caption_parse(a, "收入决算表（公开02表）", &number, &unit, &entity);
	assert_string_equal(number, "公开02表");
	assert_string_equal(rest, "收入决算表");

	number = entity = NULL;
	unit = NULL;
	rest = caption_parse(a, "收入决算表 (公开 03 表)", &number, &unit, &entity);
	assert_string_equal(number, "公开03表");
	assert_string_equal(rest, "收入决算表");

	number = entity = NULL;
	unit = NULL;
	rest = caption_parse(a, "表二", &number, &unit, &entity);
	assert_string_equal(number, "表二");
	assert_string_equal(rest, "");

	/* 单位名称 names the entity, not a unit. */
	number = entity = NULL;
	unit = NULL;
	caption_parse(a, "单位名称：重庆市商务委员会", &number, &unit, &entity);
	assert_null(unit);
	assert_string_equal(entity, "重庆市商务委员会");

	/* 部门（单位）：… is the entity line, not the title (烟台). */
	number = entity = NULL;
	unit = NULL;
	rest = caption_parse(a, "部门（单位）：烟台市统计局          单位：万元", &number, &unit, &entity);
	assert_string_equal(rest, "");
	assert_string_equal(unit, "万元");
	assert_string_equal(entity, "烟台市统计局");

	/* 资金主管部门：… leaves nothing of its label behind. */
	number = entity = NULL;
	rest = caption_parse(a, "资金主管部门：重庆市水利局", &number, &unit, &entity);
	assert_string_equal(rest, "");
	assert_string_equal(entity, "重庆市水利局");

	/* A bracketed year under a title is no title; a year inside a title stays. */
	number = entity = NULL;
	assert_string_equal(caption_parse(a, "  （2024年度）", &number, &unit, &entity), "");
	assert_string_equal(caption_parse(a, "(2026年)", &number, &unit, &entity), "");
	assert_string_equal(caption_parse(a, "部门整体绩效自评表（2024年度）", &number, &unit, &entity),
	                    "部门整体绩效自评表（2024年度）");
	arena_free(a);
}

/* Yantai's entity line 部门（单位）：… and form number 公开表1. */
static void test_caption_parse_variants(void **state)
{
	(void)state;
	arena *a = arena_new();
	char *number = NULL, *entity = NULL;
	const char *unit = NULL;
	char *rest = caption_parse(a, "部门（单位）：烟台市统计局      单位：万元", &number, &unit, &entity);
	assert_string_equal(rest, "");
	assert_string_equal(entity, "烟台市统计局");
	assert_string_equal(unit, "万元");
	number = entity = NULL;
	rest = caption_parse(a, "公开表12", &number, NULL, &entity);
	assert_string_equal(number, "公开表12");
	assert_string_equal(rest, "");
	/* 附表2 2023年收入预算总表 with the space between the number and the year lost in the text. */
	number = NULL;
	rest = caption_parse(a, "附表22023年收入预算总表", &number, NULL, NULL);
	assert_string_equal(number, "附表2");
	assert_string_equal(rest, "2023年收入预算总表");
	number = NULL;
	rest = caption_parse(a, "附表12 部门收入总表", &number, NULL, NULL);
	assert_string_equal(number, "附表12");
	assert_string_equal(rest, "部门收入总表");
	arena_free(a);
}

static page *add_page(document *doc, int number)
{
	page *pg = VEC_PUSH(doc->arena, &doc->pages);
	memset(pg, 0, sizeof *pg);
	pg->number = number;
	pg->width = 595;
	pg->height = 842;
	return pg;
}

static textline *add_line(document *doc, page *pg, double y0, const char *text)
{
	textline *ln = VEC_PUSH(doc->arena, &pg->lines);
	memset(ln, 0, sizeof *ln);
	ln->bb = (box){ 60, y0, 400, y0 + 12 };
	ln->text = (char *)text;
	return ln;
}

/* A table's title repeated in the page header band of every page it runs over. */
static void test_caption_running_title(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 5);
	add_line(doc, pg, 30, "一般公共预算基本支出情况表")->furniture = true;
	add_line(doc, pg, 55, "部门（单位）：烟台市统计局        单位：万元")->furniture = true;
	found_table ft = { 0 };
	ft.page = 5;
	ft.bb = (box){ 60, 80, 540, 700 };
	caption_read(doc, &doc->pages.items[0], &ft);
	assert_string_equal(ft.title, "一般公共预算基本支出情况表");
	assert_string_equal(ft.entity, "烟台市统计局");
	assert_false(ft.caption_before);
	doc_free(doc);
}

/* A title wrapped over two centred lines (web-0039 p4 as printed): both lines
 * are the title; a title line under a sentence or an unlike line stays alone. */
static void test_caption_wrapped_title(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 4);
	textline *up = add_line(doc, pg, 503, "公开05表 岳阳市市场监督管理局2019年度一般公共预算财政");
	up->bb = (box){ 78, 503, 519, 524 };
	up->size = 20;
	textline *low = add_line(doc, pg, 525.6, "拨款支出决算表");
	low->bb = (box){ 239.6, 525.6, 355.1, 546.4 };
	low->size = 20;
	textline *unit = add_line(doc, pg, 551, "部门：岳阳市市场监督管理局");
	unit->bb = (box){ 78, 551, 250, 560 };
	unit->size = 8;
	found_table ft = { 0 };
	ft.page = 4;
	ft.bb = (box){ 78, 565, 520, 800 };
	caption_read(doc, &doc->pages.items[0], &ft);
	assert_string_equal(ft.title, "岳阳市市场监督管理局2019年度一般公共预算财政拨款支出决算表");
	assert_string_equal(ft.number, "公开05表");
	assert_int_equal(doc->warnings.len, 1);
	assert_string_equal(doc->warnings.items[0].code, "title_lines_joined");
	doc_free(doc);

	/* The line over the title ends a sentence, or is set smaller: not joined. */
	for (int k = 0; k < 2; k++) {
		doc = doc_new("a.pdf");
		pg = add_page(doc, 4);
		up = add_line(doc, pg, 503, k ? "岳阳市市场监督管理局2019年度一般公共预算财政" : "以下为本部门决算表：");
		up->bb = (box){ 78, 503, 519, 524 };
		up->size = k ? 12 : 20;
		low = add_line(doc, pg, 525.6, "拨款支出决算表");
		low->bb = (box){ 239.6, 525.6, 355.1, 546.4 };
		low->size = 20;
		memset(&ft, 0, sizeof ft);
		ft.page = 4;
		ft.bb = (box){ 78, 565, 520, 800 };
		caption_read(doc, &doc->pages.items[0], &ft);
		assert_string_equal(ft.title, "拨款支出决算表");
		doc_free(doc);
	}
}

/*
 * Header words wrapped down narrow columns a character a line stand over an
 * unruled table's top edge (web-0294 p4-6: 国 over 有 over 资 …, 附 over 属
 * …): a line of lone characters is no title, nor are the group titles above
 * it (财政拨款); a line naming a table above them is the title, and the lines
 * are claimed, a line across the top edge too, so that nothing stands above
 * the table (a continuation, or a title from the page before).
 */
static void test_caption_header_pieces_over_top(void **state)
{
	(void)state;
	for (int k = 0; k < 2; k++) {
		document *doc = doc_new("a.pdf");
		page *pg = add_page(doc, 4);
		if (k)
			add_line(doc, pg, 20, "部门收入总表");
		add_line(doc, pg, 45, "财政拨款")->bb = (box){ 250, 45, 290, 58 };
		add_line(doc, pg, 74, "国   附")->bb = (box){ 338, 74, 470, 87 };
		textline *across = add_line(doc, pg, 86, "资   财政专   事业单");
		across->bb = (box){ 338, 86, 480, 100 };
		found_table ft = { 0 };
		ft.page = 4;
		ft.bb = (box){ 45, 94, 528, 763 };
		caption_read(doc, &doc->pages.items[0], &ft);
		if (k)
			assert_string_equal(ft.title, "部门收入总表");
		else
			assert_null(ft.title);
		for (size_t l = 0; l < pg->lines.len; l++)
			assert_true(pg->lines.items[l].in_table);
		doc_free(doc);
	}
}

/*
 * A title set in a large font whose box reaches down past the table's top
 * edge (web-0352 p9: the title's box ends at 56.4, the group header
 * 公务用车购置及运行费 starts at 48.9), its centre above the edge: the title,
 * not header pieces of the table; a header word across the edge stays the
 * table's.
 */
static void test_caption_title_across_top(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 9);
	add_line(doc, pg, 22, "单位：万元")->bb = (box){ 529, 22.3, 573, 31.9 };
	add_line(doc, pg, 25, "一般公共预算“三公”经费支出情况表")->bb = (box){ 184.7, 25.2, 388.7, 56.4 };
	textline *word = add_line(doc, pg, 45, "公务用车购置及运行费");
	word->bb = (box){ 331.9, 40, 421.9, 58 };
	found_table ft = { 0 };
	ft.page = 9;
	ft.bb = (box){ 27, 50, 545, 140 };
	caption_read(doc, &doc->pages.items[0], &ft);
	assert_non_null(ft.title);
	assert_string_equal(ft.title, "一般公共预算“三公”经费支出情况表");
	assert_string_equal(ft.unit, "万元");
	assert_true(word->in_table);
	doc_free(doc);
}

/*
 * A part heading over the first table of its part (ind-0256 p2: 第三部分
 * …2022年度部门预算表, the table printing no title of its own): no title of
 * the table, which is then claimed on its header and rows; a title under the
 * heading stays the title.
 */
static void test_caption_part_heading(void **state)
{
	(void)state;
	for (int k = 0; k < 2; k++) {
		document *doc = doc_new("a.pdf");
		page *pg = add_page(doc, 2);
		add_line(doc, pg, 40, "第三部分 常德市某局2022年度部门预算表");
		if (k)
			add_line(doc, pg, 60, "收支预算总表");
		found_table ft = { 0 };
		ft.page = 2;
		ft.bb = (box){ 60, 80, 540, 700 };
		caption_read(doc, &doc->pages.items[0], &ft);
		if (k)
			assert_string_equal(ft.title, "收支预算总表");
		else
			assert_null(ft.title);
		assert_false(pg->lines.items[0].in_table);
		doc_free(doc);
	}
}

/* Ideographs at 7.5 pt in a Type 3 font scaled by 1/2048 and in one scaled by
 * 1/1000 (tests/data/type3/make.py): both are sized 7.5, one em each. */
static void test_pdf_type3_size(void **state)
{
	(void)state;
	size_t len;
	char *data = read_file("tests/data/type3/scaled-matrix.pdf", &len);
	document *doc = doc_new("scaled-matrix.pdf");
	error err = { 0 };
	assert_int_equal(pdf_load(doc, data, len, &(pdf_options){ 0 }, &err), 0);
	free(data);
	const page *pg = &doc->pages.items[0];
	size_t ideographs = 0;
	for (size_t i = 0; i < pg->glyphs.len; i++) {
		const glyph *g = &pg->glyphs.items[i];
		if (g->flags & GLYPH_SPACE)
			continue;
		assert_true(g->size > 7.4f && g->size < 7.6f);
		ideographs++;
	}
	assert_int_equal(ideographs, 4);
	doc_free(doc);
}

/* Lays out one text line of words, each {x, text}, at top y0 in size 9: a CJK
 * character 9 wide, any other 4.5, the characters of a word touching. */
typedef struct word {
	double x;
	const char *text;
} word;

static void add_words(document *doc, page *pg, double y0, const word *words, size_t n)
{
	textline *ln = VEC_PUSH(doc->arena, &pg->lines);
	memset(ln, 0, sizeof *ln);
	ln->first = pg->glyphs.len;
	ln->size = 9;
	char *text = arena_calloc(doc->arena, 256, 1);
	double x1 = 0;
	for (size_t w = 0; w < n; w++) {
		double x = words[w].x;
		for (const unsigned char *t = (const unsigned char *)words[w].text; *t;) {
			uint32_t cp = *t;
			size_t len = 1;
			if (cp >= 0xE0) {
				cp = ((cp & 0x0F) << 12) | ((t[1] & 0x3F) << 6) | (t[2] & 0x3F);
				len = 3;
			}
			double wd = cp > 0x7F ? 9 : 4.5;
			glyph *g = VEC_PUSH(doc->arena, &pg->glyphs);
			*g = (glyph){ cp, (float)x, (float)y0, (float)(x + wd), (float)(y0 + 9), 9, 0, 0 };
			x += wd;
			t += len;
		}
		if (x > x1)
			x1 = x;
		if (w)
			strcat(text, "   ");
		strcat(text, words[w].text);
	}
	ln->count = pg->glyphs.len - ln->first;
	ln->bb = (box){ words[0].x, y0, x1, y0 + 9 };
	ln->text = text;
}

static const char *found_cell(const found_table *ft, size_t r, size_t c)
{
	const cell *ce = &ft->cells[r * ft->ncols + c];
	return ce->text ? ce->text : "(covered)";
}

/*
 * A table with no inner rules whose 7-digit codes are set so tight that the
 * tops of the digits rasterise into one short stroke: that stroke lies within
 * the code's text and is no row border, so each code stays on its row.
 * 科目名称 is centred in the wide label cell one line under 合计, between the
 * short labels and the figures: it heads the label column, not 合计's.
 */
/* A header cell wrapped over two lines in a font whose boxes are far taller
 * than its characters (a browser's print, 对附属单位补 over 助支出, 9 pt wide
 * glyphs in boxes 23.4 pt tall, the lines 10.5 pt apart): two lines, read in
 * order, not one line of interleaved characters. */
static void test_cell_text_tall_glyph_boxes(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	static const uint32_t first[] = { 0x5BF9, 0x9644, 0x5C5E, 0x5355, 0x4F4D, 0x8865 }; /* 对附属单位补 */
	static const uint32_t second[] = { 0x52A9, 0x652F, 0x51FA };                        /* 助支出 */
	for (size_t i = 0; i < 6; i++)
		*VEC_PUSH(doc->arena, &pg->glyphs) =
			(glyph){ first[i], 469.0f + 9.0f * (float)i, 376.6f, 478.0f + 9.0f * (float)i, 400.0f, 18, 0, 0 };
	for (size_t i = 0; i < 3; i++)
		*VEC_PUSH(doc->arena, &pg->glyphs) =
			(glyph){ second[i], 469.0f + 9.0f * (float)i, 387.1f, 478.0f + 9.0f * (float)i, 410.5f, 18, 0, 0 };
	size_t idx[9];
	for (size_t i = 0; i < 9; i++)
		idx[i] = 8 - i;
	assert_string_equal(tables_text_of(doc->arena, pg, idx, 9, 0), "对附属单位补助支出");
	doc_free(doc);
}

/* A font setting wide group separators (4, 303, 341: 2 pt after each comma, more than
 * the digits of a figure ever stand apart), or wide decimal points (1877621. 41,
 * web-0294 p7), prints one figure, in one column. */
static void wide_marks(char mark)
{
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 45, "项目" }, { 200, "合计" }, { 280, "基本支出" } }, 3);
	static const char *const labels[] = { "总计", "教育支出", "初中教育", "小学教育" };
	static const char *const totals_grouped[] = { "4,303,341", "1,001,877", "336,135", "0" };
	static const char *const basics_grouped[] = { "3,321,573", "1,001,877", "336,135", "665,742" };
	static const char *const totals_pointed[] = { "1877621.41", "1314929.30", "554065.22", "0.00" };
	static const char *const basics_pointed[] = { "124456.43", "1821.58", "68165.46", "8626.89" };
	const char *const *totals = mark == ',' ? totals_grouped : totals_pointed;
	const char *const *basics = mark == ',' ? basics_grouped : basics_pointed;
	for (size_t r = 0; r < 4; r++) {
		word w[9] = { { 45, labels[r] } };
		size_t n = 1;
		const char *const figs[] = { totals[r], basics[r] };
		for (size_t f = 0; f < 2; f++) {
			/* right-aligned at 240 and 320, each group after a mark 2 pt further */
			size_t len = strlen(figs[f]), commas = 0;
			for (size_t k = 0; k < len; k++)
				commas += figs[f][k] == mark;
			double x = (f ? 320 : 240) - 4.5 * (double)len - 2 * (double)commas;
			for (const char *p = figs[f]; *p;) {
				size_t k = strcspn(p, (const char[]){ mark, 0 });
				k += p[k] == mark;
				char *piece = arena_strndup(doc->arena, p, k);
				w[n++] = (word){ x, piece };
				x += 4.5 * (double)k + 2;
				p += k;
			}
		}
		add_words(doc, pg, 115 + 15.0 * (double)r, w, n);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 3);
	size_t body = ft->nrows - 4;
	for (size_t r = 0; r < 4; r++) {
		const char *const want[] = { totals[r], basics[r] };
		for (size_t c = 0; c < 2; c++) {
			decimal got, expect;
			assert_int_equal(norm_amount(found_cell(ft, body + r, 1 + c), &got), AMOUNT_NUMBER);
			assert_int_equal(norm_amount(want[c], &expect), AMOUNT_NUMBER);
			assert_true(decimal_cmp(got, expect) == 0);
		}
	}
	doc_free(doc);
}

static void test_unruled_wide_separators(void **state)
{
	(void)state;
	wide_marks(',');
}

static void test_unruled_wide_decimal_points(void **state)
{
	(void)state;
	wide_marks('.');
}

/* Words right-aligned at x1 (add_words: 4.5 a character). */
static word right_at(double x1, const char *text)
{
	return (word){ x1 - 4.5 * (double)strlen(text), text };
}

/*
 * Figures wrapped in narrow cells, centred in a row taller than its label:
 * the fund cell's 1669 / 50.0 / 0 and the total cell's 16695 / 0.00 (its first
 * piece five digits, like a code) stand over and under the label's line, and
 * their first lines, with no label beside them, are the row's, not a row of
 * their own.
 */
static void test_unruled_wrapped_figures_one_row(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 45, "科目" }, { 100, "项目" }, { 212, "合计" }, { 272, "基金" }, { 332, "其他" } }, 5);
	/* The other rows' figures wrapped too, centred on their labels: 2000 / 0.00 and 10.0 / 0. */
	static const char *const codes[] = { "201", "205", "230" }, *const labels[] = { "一般公共服务", "教育支出", "转移性支出" };
	static const double ys[] = { 120, 145, 205 };
	for (size_t r = 0; r < 3; r++) {
		if (r == 2) {
			add_words(doc, pg, 165, (const word[]){ right_at(290, "1669") }, 1);
			add_words(doc, pg, 170.25, (const word[]){ right_at(230, "16695") }, 1);
			add_words(doc, pg, 175.5, (const word[]){ { 45, "229" }, { 100, "其他支出" }, right_at(290, "50.0"), right_at(350, "0.00") }, 4);
			add_words(doc, pg, 180.75, (const word[]){ right_at(230, "0.00") }, 1);
			add_words(doc, pg, 186, (const word[]){ right_at(290, "0") }, 1);
		}
		add_words(doc, pg, ys[r] - 5.25, (const word[]){ right_at(230, "2000"), right_at(290, "10.0") }, 2);
		add_words(doc, pg, ys[r], (const word[]){ { 45, codes[r] }, { 100, labels[r] }, right_at(350, "5.00") }, 3);
		add_words(doc, pg, ys[r] + 5.25, (const word[]){ right_at(230, "0.00"), right_at(290, "0") }, 2);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 5);
	size_t found = 0;
	for (size_t r = 0; r < ft->nrows; r++) {
		const char *label = found_cell(ft, r, 1);
		if (strcmp(label, "其他支出") == 0) {
			found++;
			assert_string_equal(found_cell(ft, r, 0), "229");
			assert_string_equal(found_cell(ft, r, 2), "166950.00");
			assert_string_equal(found_cell(ft, r, 3), "166950.00");
			assert_string_equal(found_cell(ft, r, 4), "0.00");
		} else if (strcmp(label, "教育支出") == 0) {
			assert_string_equal(found_cell(ft, r, 2), "20000.00");
			assert_string_equal(found_cell(ft, r, 3), "10.00");
		} else if (!*label || strcmp(label, "(covered)") == 0) {
			/* no row of figures without its label */
			for (size_t c = 2; c < 5; c++) {
				const char *t = found_cell(ft, r, c);
				assert_true(!*t || strcmp(t, "(covered)") == 0);
			}
		}
	}
	assert_int_equal(found, 1);
	doc_free(doc);
}

/*
 * Whole amounts wrapped over three lines in narrow cells, each line full (270 /
 * 195 / 509: a fourth digit would not fit in the cell), beside figures wrapped
 * at their decimal point (2648 / 678. / 78), the row's label on the middle
 * line, the lines of the cells set so tight that their boxes overlap (web-0256
 * p4): one row, whose first line, though its pieces read as whole figures, is
 * no row of its own.
 */
static void test_unruled_full_wrapped_lines(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 60, "项目" }, { 162, "合计" }, { 232, "其他" } }, 3);
	static const char *const labels[] = { "总计", "教育支出", "卫生健康" };
	static const char *const pieces[][2][3] = {
		{ { "270", "195", "509" }, { "2648", "678.", "78" } },
		{ { "136", "437", "087" }, { "1319", "843.", "60" } },
		{ { "735", "766", "020" }, { "7357", "660.", "20" } },
	};
	static const char *const whole[][2] = { { "270195509", "2648678.78" },
		                                { "136437087", "1319843.60" },
		                                { "735766020", "7357660.20" } };
	for (size_t r = 0; r < 3; r++) {
		double y = 120 + 35.0 * (double)r;
		add_words(doc, pg, y, (const word[]){ right_at(180, pieces[r][0][0]), right_at(250, pieces[r][1][0]) }, 2);
		add_words(doc, pg, y + 8.8,
		          (const word[]){ { 60, labels[r] }, right_at(180, pieces[r][0][1]), right_at(250, pieces[r][1][1]) },
		          3);
		add_words(doc, pg, y + 17.6, (const word[]){ right_at(180, pieces[r][0][2]), right_at(250, pieces[r][1][2]) }, 2);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 3);
	size_t seen = 0;
	for (size_t r = 0; r < ft->nrows; r++) {
		const char *label = found_cell(ft, r, 0);
		for (size_t i = 0; i < 3; i++)
			if (strcmp(label, labels[i]) == 0) {
				seen++;
				assert_string_equal(found_cell(ft, r, 1), whole[i][0]);
				assert_string_equal(found_cell(ft, r, 2), whole[i][1]);
			}
		/* no row of figures without its label */
		if (!*label && r > 0)
			assert_string_equal(found_cell(ft, r, 1), "");
	}
	assert_int_equal(seen, 3);
	doc_free(doc);
}

/*
 * Figures wrapped over four lines in cells three digits wide, where a line may
 * not start with the decimal point (840 / 16 / 1.4 / 9: 161 would fit, but 16
 * leaves no room for 1.) and no piece but the last ends in a mark
 * (web-0227 p10): one figure, in the row of the label set beside its third
 * line, as are 100 / 0.0 / 0 beside it.
 */
static void test_unruled_wrapped_round_the_point(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 60, "项目" }, { 162, "收入" }, { 232, "结余" } }, 3);
	static const char *const labels[] = { "其他支出", "彩票公益金", "合计" };
	for (size_t r = 0; r < 3; r++) {
		double y = 120 + 45.0 * (double)r;
		add_words(doc, pg, y, (const word[]){ right_at(180, "840") }, 1);
		add_words(doc, pg, y + 8.8, (const word[]){ right_at(178, "16"), right_at(250, "100") }, 2);
		add_words(doc, pg, y + 17.6, (const word[]){ { 60, labels[r] }, right_at(180, "1.4"), right_at(250, "0.0") }, 3);
		add_words(doc, pg, y + 26.4, (const word[]){ right_at(176, "9"), right_at(246, "0") }, 2);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 3);
	size_t seen = 0;
	for (size_t r = 0; r < ft->nrows; r++) {
		const char *label = found_cell(ft, r, 0);
		for (size_t i = 0; i < 3; i++)
			if (strcmp(label, labels[i]) == 0) {
				seen++;
				assert_string_equal(found_cell(ft, r, 1), "840161.49");
				assert_string_equal(found_cell(ft, r, 2), "1000.00");
			}
		if (!*label && r > 0)
			assert_string_equal(found_cell(ft, r, 1), "");
	}
	assert_int_equal(seen, 3);
	doc_free(doc);
}

/* Words ending at x1, in add_words' widths (9 a CJK character, 4.5 any other). */
static word ending_at(double x1, const char *text)
{
	double w = 0;
	for (const unsigned char *t = (const unsigned char *)text; *t; t += *t >= 0xE0 ? 3 : 1)
		w += *t >= 0xE0 ? 9 : 4.5;
	return (word){ x1 - w, text };
}

/*
 * A header set flush right over figures centred in their cells, its lowest
 * cells on two lines under a group title (web-0288 p10: 单位名称 合计 因公出国费
 * … 公务接待费, and 小计 购置费 运行维护费 under 公务用车购置及运行维护费): no one
 * line prints a word a column, but the header's lowest cells, read in order,
 * do; each heads the column of its rank, and the title, ending where its last
 * column ends, heads the three under it.
 */
static void test_unruled_flush_right_header_two_lines(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ ending_at(686, "公务用车购置及运行维护费") }, 1);
	add_words(doc, pg, 109,
	          (const word[]){ ending_at(196, "单位名称"), ending_at(286, "合计"), ending_at(376, "因公出国费"),
	                          ending_at(796, "公务接待费") },
	          4);
	add_words(doc, pg, 118, (const word[]){ ending_at(486, "小计"), ending_at(576, "购置费"), ending_at(686, "运行维护费") },
	          3);
	static const double centres[] = { 245, 335, 435, 535, 635, 745 };
	static const char *const rows[][7] = {
		{ "合计", "5620", "-", "1529", "-", "1529", "4091" },
		{ "湘潭市档案局", "667", "-", "381", "-", "381", "286" },
		{ "湘潭市机关", "1906", "-", "331", "-", "331", "1575" },
		{ "湘潭市研究所", "857", "-", "650", "-", "650", "207" },
	};
	for (size_t r = 0; r < 4; r++) {
		word w[7] = { { 24, rows[r][0] } };
		for (size_t c = 1; c < 7; c++)
			w[c] = (word){ centres[c - 1] - 2.25 * (double)strlen(rows[r][c]), rows[r][c] };
		add_words(doc, pg, 135 + 15.0 * (double)r, w, 7);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 7);
	size_t body = ft->nrows - 4;
	for (size_t r = 0; r < 4; r++)
		for (size_t c = 0; c < 7; c++)
			assert_string_equal(found_cell(ft, body + r, c), rows[r][c]);
	static const char *const lowest[] = { "单位名称", "合计", "因公出国费", "小计", "购置费", "运行维护费", "公务接待费" };
	for (size_t c = 0; c < 7; c++) {
		bool headed = false;
		for (size_t r = 0; r < body; r++)
			headed = headed || strcmp(found_cell(ft, r, c), lowest[c]) == 0;
		assert_true(headed);
	}
	assert_string_equal(found_cell(ft, 0, 3), "公务用车购置及运行维护费");
	assert_string_equal(found_cell(ft, 0, 4), "(covered)");
	assert_string_equal(found_cell(ft, 0, 5), "(covered)");
	doc_free(doc);
}

/*
 * A header set flush right in its cells, one word fewer than the body's
 * columns (codes and names share one cell, 301 工资福利支出), over figures
 * centred in theirs (web-0210 p8): each word standing apart heads the nearest
 * column left of it, the only side giving each column of amounts one word
 * (taken right, 功能分类科目 would head 合计's figures and 合计 人员经费's).
 */
static void test_unruled_flush_right_header_fewer_words(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100,
	          (const word[]){ ending_at(440, "功能分类科目"), ending_at(548, "合计"), ending_at(675, "人员经费"),
	                          ending_at(780, "公用经费") },
	          4);
	static const char *const rows[][5] = {
		{ "", "合计", "2987576.00", "2164469.00", "823107.00" },
		{ "301", "工资福利支出", "597352.00", "597352.00", "0.00" },
		{ "30101", "基本工资", "248880.00", "248880.00", "0.00" },
		{ "30102", "津贴补贴", "199581.00", "199581.00", "0.00" },
	};
	static const double centres[] = { 494, 611, 728 };
	for (size_t r = 0; r < 4; r++) {
		word w[5];
		size_t n = 0;
		if (*rows[r][0])
			w[n++] = (word){ 64, rows[r][0] };
		w[n++] = (word){ *rows[r][0] ? 100 : 64, rows[r][1] };
		for (size_t c = 0; c < 3; c++)
			w[n++] = (word){ centres[c] - 2.25 * (double)strlen(rows[r][2 + c]), rows[r][2 + c] };
		add_words(doc, pg, 115 + 15.0 * (double)r, w, n);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 5);
	assert_string_equal(found_cell(ft, 0, 1), "功能分类科目");
	assert_string_equal(found_cell(ft, 0, 2), "合计");
	assert_string_equal(found_cell(ft, 0, 3), "人员经费");
	assert_string_equal(found_cell(ft, 0, 4), "公用经费");
	for (size_t r = 0; r < 4; r++)
		for (size_t c = 2; c < 5; c++)
			assert_string_equal(found_cell(ft, 1 + r, c), rows[r][c]);
	assert_non_null(ft->doubt);
	doc_free(doc);
}

/*
 * Whole amounts wrapped in cells five digits wide (12820 over 0), in a table
 * printing no other wrapped figure to show how close a cell's lines stand, the
 * rows' labels beside their middle and a basic figure 0 a line of its own
 * (ind-0314 p10): a row's cell may come to hold the tail of one figure over the
 * head of the next.  That is no reading to keep quiet about: figures_stacked.
 */
static void test_unruled_figures_stacked_warned(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 60, "科目名称" }, { 160, "合计" }, { 200, "基本支出" }, { 240, "项目支出" } }, 4);
	static const char *const labels[] = { "合计", "城乡社区支出", "国有土地使用权出让" };
	for (size_t r = 0; r < 3; r++) {
		double y = 120 + 24.0 * (double)r;
		add_words(doc, pg, y, (const word[]){ right_at(182, "12820"), right_at(262, "12820") }, 2);
		add_words(doc, pg, y + 4.7, (const word[]){ { 60, labels[r] }, right_at(222, "0") }, 2);
		add_words(doc, pg, y + 9.4, (const word[]){ right_at(182, "0"), right_at(262, "0") }, 2);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	bool warned = false;
	for (size_t k = 0; k < doc->warnings.len; k++)
		warned = warned || strcmp(doc->warnings.items[k].code, "figures_stacked") == 0;
	assert_true(warned);
	doc_free(doc);
}

static void test_unruled_codes_in_box(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 45, "编码" }, { 320, "合计" }, { 400, "基本支出" } }, 3);
	add_words(doc, pg, 112, (const word[]){ { 160, "科目名称" } }, 1);
	static const char *const rows[][4] = {
		{ "205", "教育支出", "310.11", "155.16" },
		{ "2050203", "初中教育", "155.51", "25.98" },
		{ "2050299", "其他教育", "154.60", "129.18" },
	};
	for (size_t r = 0; r < 3; r++) {
		double y = 130 + 15.0 * (double)r;
		add_words(doc, pg, y,
		          (const word[]){ { 45, rows[r][0] }, { 80, rows[r][1] }, { 345 - 4.5 * (double)strlen(rows[r][2]), rows[r][2] },
		                          { 440 - 4.5 * (double)strlen(rows[r][3]), rows[r][3] } },
		          4);
		/* The stroke along the tops of a tightly set 7-digit code. */
		if (strlen(rows[r][0]) == 7)
			*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 45.5f, (float)y + 1.3f, 76.5f, (float)y + 1.3f };
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 4);
	/* Read off the rows as laid out above: the header's two lines, then one row per code. */
	size_t body = ft->nrows - 3;
	for (size_t r = 0; r < 3; r++) {
		assert_string_equal(found_cell(ft, body + r, 0), rows[r][0]);
		assert_string_equal(found_cell(ft, body + r, 1), rows[r][1]);
		assert_string_equal(found_cell(ft, body + r, 2), rows[r][2]);
		assert_string_equal(found_cell(ft, body + r, 3), rows[r][3]);
	}
	bool label_headed = false;
	for (size_t r = 0; r < body; r++) {
		label_headed = label_headed || strcmp(found_cell(ft, r, 1), "科目名称") == 0;
		assert_true(strstr(found_cell(ft, r, 2), "科目名称") == NULL);
	}
	assert_true(label_headed);
	assert_non_null(ft->doubt);
	doc_free(doc);
}

/*
 * The last row of a table ending a page prints a long label wrapped over four
 * lines, centred in its cell, with the row's code and figures set beside its
 * middle: the two lines under the figures are the label's end, the table's
 * (so nothing of the table is left below it, and the page's next table can
 * be its continuation).
 */
static void test_unruled_last_label_wrapped_centred(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 45, "编码" }, { 122, "科目名称" }, { 300, "合计" }, { 380, "基本支出" } }, 4);
	add_words(doc, pg, 115, (const word[]){ { 45, "201" }, { 104, "一般公共服务" }, { 300, "12.50" }, { 380, "12.50" } }, 4);
	add_words(doc, pg, 130, (const word[]){ { 45, "20101" }, { 122, "人大事务" }, { 300, "12.50" }, { 380, "12.50" } }, 4);
	add_words(doc, pg, 145, (const word[]){ { 117.5, "国有土地使" } }, 1);
	add_words(doc, pg, 155, (const word[]){ { 117.5, "用权出让收" } }, 1);
	add_words(doc, pg, 160, (const word[]){ { 45, "21208" }, { 300, "8.00" }, { 380, "8.00" } }, 3);
	add_words(doc, pg, 165, (const word[]){ { 117.5, "入安排的支" } }, 1);
	add_words(doc, pg, 175, (const word[]){ { 135.5, "出" } }, 1);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_true(ft->bb.y1 >= 184);
	bool ended = false;
	for (size_t r = 0; r < ft->nrows; r++)
		for (size_t c = 0; c < ft->ncols; c++) {
			const char *t = ft->cells[r * ft->ncols + c].text;
			ended = ended || (t && strstr(t, "入安排的支出"));
		}
	assert_true(ended);
	doc_free(doc);
}

/*
 * A header wrapped one or two characters a line in narrow columns stacks more
 * lines than the header of a table set at ease: all eleven are the table's
 * header, up to the group title 资金来源 on top.
 */
static void test_unruled_tall_header(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 338.5, "资金来源" } }, 1);
	static const char *const first[] = { "一般", "公共", "预算", "拨款" };
	static const char *const second[] = { "国", "有", "资", "本", "经", "营", "预", "算", "拨", "款" };
	for (size_t i = 0; i < 10; i++) {
		double y = 112 + 10.0 * (double)i;
		word w[4];
		size_t n = 0;
		if (i == 4) {
			w[n++] = (word){ 45, "科目编码" };
			w[n++] = (word){ 150, "科目名称" };
		}
		if (i < 4)
			w[n++] = (word){ 317.5, first[i] };
		w[n++] = (word){ 382, second[i] };
		add_words(doc, pg, y, w, n);
	}
	static const char *const rows[][4] = {
		{ "201", "一般公共服务支出", "155.16", "12.50" },
		{ "20101", "人大事务", "100.00", "2.50" },
		{ "2010101", "行政运行", "55.16", "10.00" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, pg, 215 + 15.0 * (double)r,
		          (const word[]){ { 45, rows[r][0] }, { 95, rows[r][1] },
		                          { 340 - 4.5 * (double)strlen(rows[r][2]), rows[r][2] },
		                          { 400 - 4.5 * (double)strlen(rows[r][3]), rows[r][3] } },
		          4);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_true(ft->bb.y0 < 100);
	bool titled = false;
	for (size_t r = 0; r < ft->nrows; r++)
		for (size_t c = 0; c < ft->ncols; c++)
			titled = titled || strcmp(found_cell(ft, r, c), "资金来源") == 0;
	assert_true(titled);
	assert_string_equal(found_cell(ft, ft->nrows - 1, 3), "10.00");
	doc_free(doc);
}

/*
 * A header word wrapped down a narrow cell one character a line (上 级 补 助 收 入
 * set tight, web-0113 p3) is that column's header, though its first character,
 * alone on its line, stands centred over the columns round it: no group title
 * over 合计 and 事业收入.
 */
static void test_unruled_narrow_wrapped_header(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 333, "上" } }, 1);
	add_words(doc, pg, 109.5, (const word[]){ { 196, "本年收入合" }, { 333, "级" } }, 2);
	add_words(doc, pg, 119, (const word[]){ { 215, "计" }, { 264, "财政拨款收" }, { 333, "补" } }, 3);
	add_words(doc, pg, 128.5,
	          (const word[]){ { 63, "科目名称" }, { 283, "入" }, { 333, "助" }, { 361, "事业收入" }, { 415, "经营收入" } },
	          5);
	add_words(doc, pg, 138, (const word[]){ { 333, "收" } }, 1);
	add_words(doc, pg, 147.5, (const word[]){ { 333, "入" } }, 1);
	static const char *const rows[][6] = {
		{ "一般公共服务支出", "1,100,155.16", "1,100,000.00", "0.00", "155.16", "0.00" },
		{ "人大事务", "1,100,000.00", "1,100,000.00", "0.00", "0.00", "0.00" },
		{ "行政运行", "155.16", "0.00", "0.00", "155.16", "0.00" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, pg, 165 + 15.0 * (double)r,
		          (const word[]){ { 45, rows[r][0] }, right_at(248, rows[r][1]), right_at(316, rows[r][2]),
		                          right_at(347, rows[r][3]), right_at(401, rows[r][4]), right_at(456, rows[r][5]) },
		          6);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 6);
	static const char *const heads[] = { "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入" };
	for (size_t c = 0; c < 5; c++) {
		bool headed = false;
		for (size_t r = 0; r < ft->nrows; r++)
			headed = headed || strcmp(found_cell(ft, r, c + 1), heads[c]) == 0;
		assert_true(headed);
	}
	assert_string_equal(found_cell(ft, ft->nrows - 1, 4), "155.16");
	doc_free(doc);
}

/*
 * A 合计 label centred across the code column and the label column beside it
 * (colspan 2, web-0048 p5), wider than the labels: it shapes neither column, so
 * codes and names stay apart.
 */
static void test_unruled_total_across_code_and_label(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 40, "编码" }, { 76, "项目" }, { 203, "合计" } }, 3);
	add_words(doc, pg, 115, (const word[]){ { 58, "合计" }, right_at(220, "30.00") }, 2);
	static const char *const rows[][3] = { { "301", "薪", "20.00" }, { "302", "水", "6.00" }, { "303", "电", "4.00" } };
	for (size_t r = 0; r < 3; r++)
		add_words(doc, pg, 130 + 15.0 * (double)r,
		          (const word[]){ { 45, rows[r][0] }, { 76, rows[r][1] }, right_at(220, rows[r][2]) }, 3);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 3);
	assert_string_equal(found_cell(ft, ft->nrows - 1, 0), "303");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 1), "电");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 2), "4.00");
	doc_free(doc);
}

/*
 * Headers centred in wide cells over right-aligned figures, 基本支出 centred
 * over the cells of 人员经费 and 公用经费 (web-0100 p9): 人员经费, standing in
 * the gap before its figures, heads them; the group title above, running on
 * past them into the next gap, is no header of that column alone.
 */
static void test_unruled_gap_header_under_group(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 634, "基本支出" } }, 1);
	add_words(doc, pg, 106, (const word[]){ { 280, "经济分类科目名称" }, { 419, "合计" } }, 2);
	add_words(doc, pg, 112, (const word[]){ { 551, "人员经费" }, { 717, "公用经费" } }, 2);
	static const char *const rows[][4] = {
		{ "工资福利支出", "816,408.82", "816,408.82", "0.00" },
		{ "商品和服务支出", "530,109.00", "0.00", "530,109.00" },
		{ "对个人和家庭的补助", "1,955,367.00", "1,955,367.00", "0.00" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, pg, 125 + 13.0 * (double)r,
		          (const word[]){ { 270, rows[r][0] }, right_at(485, rows[r][1]), right_at(652, rows[r][2]),
		                          right_at(818, rows[r][3]) },
		          4);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 4);
	bool personnel = false;
	for (size_t r = 0; r < ft->nrows; r++)
		personnel = personnel || strcmp(found_cell(ft, r, 2), "人员经费") == 0;
	assert_true(personnel);
	assert_string_equal(found_cell(ft, ft->nrows - 1, 2), "1,955,367.00");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 3), "0.00");
	doc_free(doc);
}

/*
 * Two blocks side by side (人员经费 | 公用经费, web-0091 p8) whose first row's
 * second label wraps round the row's figures (商品和服务支 over the row, 出
 * under it): the line over the row is that label's, not the header's, though
 * the first block's figures stand left of it.
 */
static void test_unruled_block_label_wrapped_round_first_row(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 75, (const word[]){ { 25, "人员经费" }, { 272, "公用经费" } }, 2);
	add_words(doc, pg, 90,
	          (const word[]){ { 25, "科目编码" }, { 88, "科目名称" }, { 168, "金额" }, { 272, "科目编码" },
	                          { 351, "科目名称" }, { 415, "金额" } },
	          6);
	add_words(doc, pg, 105.5, (const word[]){ { 351, "商品和服务支" } }, 1);
	add_words(doc, pg, 112,
	          (const word[]){ { 25, "301" }, { 88, "工资福利支出" }, right_at(241, "138347.09"), { 272, "302" },
	                          right_at(488, "307440.63") },
	          5);
	add_words(doc, pg, 119, (const word[]){ { 351, "出" } }, 1);
	add_words(doc, pg, 134,
	          (const word[]){ { 25, "30102" }, { 88, "津贴补贴" }, right_at(241, "31836.90"), { 272, "30216" },
	                          { 351, "培训费" }, right_at(488, "210740.55") },
	          6);
	add_words(doc, pg, 149,
	          (const word[]){ { 25, "30103" }, { 88, "奖金" }, right_at(241, "6696.09"), { 272, "310" },
	                          { 351, "资本性支出" }, right_at(488, "277620.74") },
	          6);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 6);
	size_t first = ft->nrows;
	for (size_t r = 0; r < ft->nrows; r++)
		if (strcmp(found_cell(ft, r, 0), "301") == 0)
			first = r;
	assert_true(first < ft->nrows);
	assert_string_equal(found_cell(ft, first, 3), "302");
	assert_string_equal(found_cell(ft, first, 4), "商品和服务支出");
	assert_string_equal(found_cell(ft, first, 5), "307440.63");
	assert_string_equal(found_cell(ft, first - 1, 4), "科目名称");
	doc_free(doc);
}

/*
 * Both blocks' first labels wrapped round the first row over three lines
 * (工资福利 over 支出; 商品和 over 服务支 over 出, web-0063 p10, web-0105 p14):
 * the lines over the row, each standing in a label place after the block's
 * code, over the next line of its own label at most, are the row's.
 */
static void test_unruled_block_labels_wrapped_three_lines(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 75, (const word[]){ { 25, "人员经费" }, { 272, "公用经费" } }, 2);
	add_words(doc, pg, 90,
	          (const word[]){ { 25, "科目编码" }, { 88, "科目名称" }, { 168, "金额" }, { 272, "科目编码" },
	                          { 351, "科目名称" }, { 415, "金额" } },
	          6);
	add_words(doc, pg, 105.5, (const word[]){ { 88, "工资福利" }, { 351, "商品和" } }, 2);
	add_words(doc, pg, 112,
	          (const word[]){ { 25, "301" }, right_at(241, "138347.09"), { 272, "302" }, { 351, "服务支" },
	                          right_at(488, "307440.63") },
	          5);
	add_words(doc, pg, 118.5, (const word[]){ { 88, "支出" }, { 351, "出" } }, 2);
	add_words(doc, pg, 134,
	          (const word[]){ { 25, "30102" }, { 88, "津贴补贴" }, right_at(241, "31836.90"), { 272, "30216" },
	                          { 351, "培训费" }, right_at(488, "210740.55") },
	          6);
	add_words(doc, pg, 149,
	          (const word[]){ { 25, "30103" }, { 88, "奖金" }, right_at(241, "6696.09"), { 272, "310" },
	                          { 351, "资本性支出" }, right_at(488, "277620.74") },
	          6);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 6);
	size_t first = ft->nrows;
	for (size_t r = 0; r < ft->nrows; r++)
		if (strcmp(found_cell(ft, r, 0), "301") == 0)
			first = r;
	assert_true(first < ft->nrows);
	assert_string_equal(found_cell(ft, first, 1), "工资福利支出");
	assert_string_equal(found_cell(ft, first, 4), "商品和服务支出");
	assert_string_equal(found_cell(ft, first - 1, 1), "科目名称");
	assert_string_equal(found_cell(ft, first - 1, 4), "科目名称");
	doc_free(doc);
}

/*
 * A shaded header band whose lower edge is found only in part (a rule from
 * 295 to 390 under 上级补助收入 and 事业收入, web-0013 p5): with no header
 * word centred over it, it underlines no group title, and the two header
 * cells stay apart.
 */
static void test_unruled_band_edge_piece(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 45, "编码" }, { 95, "科目名称" }, { 300, "上级补" } }, 3);
	add_words(doc, pg, 110, (const word[]){ { 300, "助收入" }, { 347, "事业收入" } }, 2);
	static const char *const rows[][4] = {
		{ "201", "一般公共服务支出", "10901.44", "0.00" },
		{ "20101", "人大事务", "0.00", "0.00" },
		{ "20106", "财政事务", "10901.44", "0.00" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, pg, 130 + 15.0 * (double)r,
		          (const word[]){ { 45, rows[r][0] }, { 95, rows[r][1] },
		                          { 335 - 4.5 * (double)strlen(rows[r][2]), rows[r][2] },
		                          { 383 - 4.5 * (double)strlen(rows[r][3]), rows[r][3] } },
		          4);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 295, 122, 390, 122 };
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	bool both = false;
	for (size_t r = 0; r < ft->nrows; r++)
		for (size_t c = 0; c + 1 < ft->ncols; c++) {
			both = both || (strcmp(found_cell(ft, r, c), "上级补助收入") == 0 &&
			                strcmp(found_cell(ft, r, c + 1), "事业收入") == 0);
		}
	assert_true(both);
	assert_string_equal(found_cell(ft, ft->nrows - 1, ft->ncols - 2), "10901.44");
	doc_free(doc);
}

/*
 * 项目 centred over the code columns, 类 款 项 under it, and a rule under
 * those three only, where the header ends (web-0012 p8, a box with no inner
 * rules): the rule underlines the cells over it, not the title, so 类, 款 and
 * 项 stay three cells, each over its column of code parts.
 */
static void test_unruled_rule_under_code_names(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 71, "项目" }, { 150, "科目名称" }, { 300, "合计" } }, 3);
	add_words(doc, pg, 113, (const word[]){ { 38, "类" }, { 76, "款" }, { 114, "项" } }, 3);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 24, 126, 138, 126 };
	static const char *const rows[][4] = {
		{ "201", "", "", "697579.87" },
		{ "201", "06", "", "697579.87" },
		{ "201", "06", "01", "544570.23" },
		{ "201", "06", "99", "153009.64" },
	};
	for (size_t r = 0; r < 4; r++) {
		word w[5];
		size_t n = 0;
		for (size_t c = 0; c < 3; c++)
			if (*rows[r][c])
				w[n++] = (word){ 26 + 38.0 * (double)c, rows[r][c] };
		w[n++] = (word){ 150, "财政事务" };
		w[n++] = (word){ 340 - 4.5 * (double)strlen(rows[r][3]), rows[r][3] };
		add_words(doc, pg, 132 + 15.0 * (double)r, w, n);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 5);
	bool named = false;
	for (size_t r = 0; r < ft->nrows; r++)
		named = named || (strcmp(found_cell(ft, r, 0), "类") == 0 && strcmp(found_cell(ft, r, 1), "款") == 0 &&
		                  strcmp(found_cell(ft, r, 2), "项") == 0);
	assert_true(named);
	assert_string_equal(found_cell(ft, ft->nrows - 1, 2), "99");
	doc_free(doc);
}

/*
 * A title (…收支总表) set one line over an unruled table's header, as close
 * as the header lines stand to each other (web-0018 p2): it is the table's
 * title, not a header cell joined with 项目 under it.
 */
static void test_unruled_title_over_header(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 88, (const word[]){ { 45, "部门收支总表" } }, 1);
	add_words(doc, pg, 100, (const word[]){ { 80, "项目" }, { 170, "预算" }, { 260, "支出项目" }, { 380, "预算" } }, 4);
	static const char *const rows[][4] = {
		{ "一般公共预算拨款收入", "1514943", "一般公共服务支出", "908877" },
		{ "事业收入", "0", "卫生健康支出", "218972" },
		{ "收入总计", "1532289", "支出总计", "1532289" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, pg, 112 + 12.0 * (double)r,
		          (const word[]){ { 45, rows[r][0] }, { 188 - 4.5 * (double)strlen(rows[r][1]), rows[r][1] },
		                          { 220, rows[r][2] }, { 398 - 4.5 * (double)strlen(rows[r][3]), rows[r][3] } },
		          4);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_true(ft->bb.y0 > 95);
	assert_string_equal(found_cell(ft, 0, 0), "项目");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 3), "1532289");
	doc_free(doc);
}

/*
 * A table's header with one row under it (ind-0056 p4, a page break after its
 * 合计 row): 科目编码 centred over 类 款 项, wide enough to meet 款 only;
 * 科目名称 centred in a wide cell; the 合计 label set between the 项 column
 * (blank in this row) and 科目名称, nearer 科目名称.  The label goes with the
 * nearer header-only column, 科目名称, and 科目编码 heads the run 类 款 项.
 */
static void test_unruled_total_between_header_columns(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 73.5, "科目编码" } }, 1);
	add_words(doc, pg, 109,
	          (const word[]){ { 180, "科目名称" }, { 262, "合计" }, { 304, "基本支出" }, { 364, "项目支出" } }, 4);
	add_words(doc, pg, 118, (const word[]){ { 60, "类" }, { 87, "款" }, { 114, "项" } }, 3);
	add_words(doc, pg, 136,
	          (const word[]){ { 146, "合计" }, right_at(280, "1706.50"), right_at(340, "1502.74"),
	                          right_at(400, "203.76") },
	          4);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 7);
	size_t last = ft->nrows - 1;
	assert_string_equal(found_cell(ft, last, 3), "合计");
	assert_string_equal(found_cell(ft, last, 4), "1706.50");
	assert_string_equal(found_cell(ft, last, 2), "");
	bool code_cell = false, name_cell = false;
	static const char *const parts[] = { "类", "款", "项" };
	for (size_t r = 0; r < last; r++) {
		code_cell = code_cell || strcmp(found_cell(ft, r, 0), "科目编码") == 0;
		name_cell = name_cell || strcmp(found_cell(ft, r, 3), "科目名称") == 0;
		for (size_t c = 0; c < 3; c++)
			assert_false(strstr(found_cell(ft, r, c), "编") && strcmp(found_cell(ft, r, c), "科目编码") != 0);
	}
	assert_true(code_cell);
	assert_true(name_cell);
	for (size_t c = 0; c < 3; c++) {
		bool named = false;
		for (size_t r = 1; r < last; r++)
			named = named || strcmp(found_cell(ft, r, c), parts[c]) == 0;
		assert_true(named);
	}
	doc_free(doc);
}

/* Words centred on cx (add_words: 4.5 a character). */
static word centred_at(double cx, const char *text)
{
	return (word){ cx - 2.25 * (double)strlen(text), text };
}

/*
 * A 收支总表 whose header is set flush right in its cells (收入 ending where
 * 本年预算 ends, 支出 where 基本支出 ends) over figures centred in theirs
 * (ind-0100 p6): 收入 heads 项目 and 本年预算, 支出 the three columns after.
 */
static void test_unruled_flush_right_titles_centred_figures(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 184, "收入" }, { 420, "支出" } }, 2);
	add_words(doc, pg, 115,
	          (const word[]){ { 92, "项目" }, { 166, "本年预算" }, { 272, "项目" }, { 340, "合计" },
	                          { 402, "基本支出" } },
	          5);
	static const char *const rows[][5] = {
		{ "一、一般公共预算拨款", "1786552.61", "一般公共服务支出", "1786552.61", "1786552.61" },
		{ "二、政府性基金预算拨款", "0.00", "教育支出", "0.00", "0.00" },
		{ "", "", "卫生健康支出", "0.00", "0.00" },
		{ "收入总计", "1786552.61", "支出总计", "1786552.61", "1786552.61" },
	};
	for (size_t r = 0; r < 4; r++) {
		word w[5];
		size_t n = 0;
		if (*rows[r][0])
			w[n++] = (word){ 20, rows[r][0] };
		if (*rows[r][1])
			w[n++] = centred_at(158, rows[r][1]);
		w[n++] = (word){ 212, rows[r][2] };
		w[n++] = centred_at(326, rows[r][3]);
		w[n++] = centred_at(400, rows[r][4]);
		add_words(doc, pg, 130 + 15.0 * (double)r, w, n);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 5);
	assert_string_equal(found_cell(ft, 0, 0), "收入");
	assert_string_equal(found_cell(ft, 0, 1), "(covered)");
	assert_string_equal(found_cell(ft, 0, 2), "支出");
	assert_string_equal(found_cell(ft, 0, 3), "(covered)");
	assert_string_equal(found_cell(ft, 0, 4), "(covered)");
	assert_string_equal(found_cell(ft, ft->nrows - 2, 2), "卫生健康支出");
	assert_string_equal(found_cell(ft, ft->nrows - 2, 0), "");
	doc_free(doc);
}

/*
 * 类 款 项 set flush right in their cells over code parts set flush left
 * (web-0032 p5): each word stands nearer the column left of it, and the
 * last one nearer the labels' column right of it.  Three words over the run
 * of three code columns name them by rank.
 */
static void test_unruled_code_names_by_rank(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 190, "项目" } }, 1);
	add_words(doc, pg, 112, (const word[]){ { 295, "项目" }, { 357, "合计" } }, 2);
	add_words(doc, pg, 124, (const word[]){ { 97, "类" }, { 149, "款" }, { 200, "项" } }, 3);
	static const char *const rows[][5] = {
		{ "201", "", "", "一般公共服务支出", "936,017" },
		{ "201", "01", "", "人大事务", "936,017" },
		{ "201", "01", "01", "行政运行", "826,240" },
		{ "201", "01", "02", "一般行政管理事务", "109,777" },
	};
	for (size_t r = 0; r < 4; r++) {
		word w[5];
		size_t n = 0;
		static const double at[] = { 76, 130, 182 };
		for (size_t c = 0; c < 3; c++)
			if (*rows[r][c])
				w[n++] = (word){ at[c], rows[r][c] };
		w[n++] = (word){ 215, rows[r][3] };
		w[n++] = (word){ 374 - 4.5 * (double)strlen(rows[r][4]), rows[r][4] };
		add_words(doc, pg, 140 + 15.0 * (double)r, w, n);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 5);
	/* Each name heads its column of code parts (on whichever header row). */
	static const char *const names[] = { "类", "款", "项" };
	bool named = true;
	for (size_t c = 0; c < 3; c++) {
		bool here = false;
		for (size_t r = 0; r + 4 < ft->nrows; r++)
			here = here || strcmp(found_cell(ft, r, c), names[c]) == 0;
		named = named && here;
	}
	assert_true(named);
	assert_string_equal(found_cell(ft, ft->nrows - 1, 2), "02");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 3), "一般行政管理事务");
	doc_free(doc);
}

/*
 * A 序号 column counting past 9 before 类 款 项 codes set centred under
 * names set flush left, and 合计 centred across the three code cells of
 * its row (web-0016 p6): 10 is no code part (the 208 after it stays a code,
 * not an amount), 合计 opens no column between the code parts, and the
 * names head their code columns.
 */
static void test_unruled_serial_before_codes(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 60, "序号" }, { 374, "项目" }, { 506, "合计" } }, 3);
	add_words(doc, pg, 112, (const word[]){ { 125, "类" }, { 208, "款" }, { 291, "项" } }, 3);
	add_words(doc, pg, 128, (const word[]){ { 88, "1" }, { 305, "合计" }, { 540, "9.00" } }, 3);
	for (size_t r = 0; r < 11; r++) {
		char *serial = arena_printf(doc->arena, "%zu", r + 2);
		const char *part = r % 2 ? "01" : "05";
		add_words(doc, pg, 143 + 15.0 * (double)r,
		          (const word[]){ { 88, serial }, { 157, "208" }, { 242, part }, { 325, part }, { 390, "行政运行" },
		                          { 550, "1.00" } },
		          6);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 6);
	bool named = false;
	for (size_t r = 0; r < ft->nrows; r++)
		named = named || (strcmp(found_cell(ft, r, 1), "类") == 0 && strcmp(found_cell(ft, r, 2), "款") == 0 &&
		                  strcmp(found_cell(ft, r, 3), "项") == 0);
	assert_true(named);
	assert_string_equal(found_cell(ft, ft->nrows - 1, 0), "12");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 1), "208");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 4), "行政运行");
	doc_free(doc);
}

/*
 * The last row of a table alone at the top of a page, under its repeated
 * header, its figures wrapped round its code line in narrow cells (292,37
 * over 14 2130153 农田建设 over 1, ind-0031 p7): one row, found, with 14 a
 * serial number, the code in a column of its own beside its label.
 */
static void test_unruled_one_wrapped_row(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 72, (const word[]){ { 198, "序号" }, { 226, "科目编码" }, { 323, "科目名称" } }, 3);
	add_words(doc, pg, 84, (const word[]){ { 419, "本年支出" }, { 459, "基本支出" }, { 499, "项目支出" } }, 3);
	add_words(doc, pg, 102, (const word[]){ { 418, "292,37" }, { 459, "161,76" }, { 498, "130,60" } }, 3);
	add_words(doc, pg, 109, (const word[]){ { 202, "14" }, { 224, "2130153" }, { 273, "农田建设" } }, 3);
	add_words(doc, pg, 115, (const word[]){ { 444.5, "1" }, { 486, "3" }, { 525, "8" } }, 3);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	bool coded = false;
	for (size_t r = 0; r < ft->nrows; r++)
		for (size_t c = 0; c + 1 < ft->ncols; c++)
			coded = coded || (strcmp(found_cell(ft, r, c), "2130153") == 0 &&
			                  strcmp(found_cell(ft, r, c + 1), "农田建设") == 0);
	assert_true(coded);
	doc_free(doc);
}

/*
 * Zebra rows: the edges of the shaded bands are rules between the rows, and a
 * label wraps over three lines in its band, its code on the first line with
 * no figure ("2010102 一" / "般行政管" beside the figures / "理事务", web-0019
 * p5): each band is one row, the code and the figures in it.
 */
static void test_unruled_bands_wrapped_codes(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 45, "科目" }, { 215, "合计" }, { 270, "财政拨款" } }, 3);
	static const char *const rows[][5] = {
		{ "2010101", "行", "政运行", "", "943.82" },
		{ "2010102", "一", "般行政管", "理事务", "832.57" },
		{ "2010350", "事", "业运行", "", "70.71" },
		{ "2070101", "行", "政运行", "", "154.93" },
	};
	for (size_t r = 0; r < 4; r++) {
		double top = 120 + 36.0 * (double)r;
		add_words(doc, pg, top + 2, (const word[]){ { 45, rows[r][0] }, { 81, rows[r][1] } }, 2);
		add_words(doc, pg, top + 13,
		          (const word[]){ { 45, rows[r][2] }, { 240 - 4.5 * (double)strlen(rows[r][4]), rows[r][4] },
		                          { 305 - 4.5 * (double)strlen(rows[r][4]), rows[r][4] } },
		          3);
		if (rows[r][3][0])
			add_words(doc, pg, top + 24, (const word[]){ { 45, rows[r][3] } }, 1);
		*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, top, 320, top };
	}
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, 264, 320, 264 };
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->nrows, 5);
	assert_int_equal(ft->ncols, 3);
	assert_string_equal(found_cell(ft, 2, 0), "2010102 一般行政管理事务");
	assert_string_equal(found_cell(ft, 2, 1), "832.57");
	assert_string_equal(found_cell(ft, 4, 2), "154.93");
	doc_free(doc);
}

/*
 * Amounts wrapped in a narrow column print their first line above the row's
 * label and the rest under it (418761. / 301 工资福利支出 / 34): the first
 * row's upper line is no header line, the last row's lower line is still the
 * table's, and each amount is one figure; a row printing only dashes for
 * its amounts follows.
 */
static void wrapped_rows(bool dash_row)
{
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 45, "科目代码" }, { 110, "科目名称" }, { 205, "决算数" }, { 260, "上年数" } },
	          4);
	static const char *const rows[][5] = {
		{ "301", "工资福利支出", "418761.", "34", "12.00" },
		{ "30103", "奖金", "124496.", "02", "3.50" },
		{ "30109", "职业年金缴费", "71120.8", "1", "8.50" },
	};
	double y = 118;
	for (size_t r = 0; r < 3; r++, y += 30) {
		add_words(doc, pg, y, (const word[]){ { 232 - 4.5 * (double)strlen(rows[r][2]), rows[r][2] } }, 1);
		add_words(doc, pg, y + 9.5,
		          (const word[]){ { 45, rows[r][0] }, { 95, rows[r][1] }, { 287 - 4.5 * (double)strlen(rows[r][4]), rows[r][4] } },
		          3);
		add_words(doc, pg, y + 19, (const word[]){ { 232 - 4.5 * (double)strlen(rows[r][3]), rows[r][3] } }, 1);
	}
	if (dash_row)
		add_words(doc, pg, y + 1, (const word[]){ { 95, "其他支出" }, { 227.5, "-" }, { 282.5, "-" } }, 3);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 4);
	assert_string_equal(found_cell(ft, 0, 0), "科目代码");
	assert_string_equal(found_cell(ft, 1, 0), "301");
	assert_string_equal(found_cell(ft, 1, 1), "工资福利支出");
	assert_string_equal(found_cell(ft, 1, 2), "418761.34");
	assert_string_equal(found_cell(ft, 3, 2), "71120.81");
	assert_string_equal(found_cell(ft, 3, 1), "职业年金缴费");
	assert_int_equal(ft->nrows, dash_row ? 5 : 4);
	if (dash_row) {
		assert_string_equal(found_cell(ft, 4, 1), "其他支出");
		assert_string_equal(found_cell(ft, 4, 3), "-");
	}
	doc_free(doc);
}

static void test_unruled_wrapped_first_row(void **state)
{
	(void)state;
	wrapped_rows(false);
	wrapped_rows(true);
}

/*
 * 人员经费 and 公用经费 printed as side-by-side blocks, each of code, name and
 * amount, under titles set flush right: each title heads its own block.  The
 * codes of the second block stand right of the first block's labels, so read
 * as figures; their header 科目代码, wrapped over two lines, is one word on
 * how the header is set, not two.
 */
static void test_unruled_side_by_side_blocks(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100.9, (const word[]){ { 227, "人员经费" }, { 491, "公用经费" } }, 2);
	add_words(doc, pg, 117.1, (const word[]){ { 67, "科目代" }, { 266, "科目代" }, { 403, "科目代" } }, 3);
	add_words(doc, pg, 122.7,
	          (const word[]){ { 192, "科目名称" }, { 236, "决算数" }, { 325, "科目名称" }, { 373, "决算数" },
	                          { 453, "科目名称" }, { 500, "决算数" } },
	          6);
	add_words(doc, pg, 128.3, (const word[]){ { 76, "码" }, { 278, "码" }, { 414, "码" } }, 3);
	static const char *const rows[][9] = {
		{ "301", "工资福利支出", "68413", "302", "商品和服务支出", "54102", "30239", "其他交通费用", "15514" },
		{ "30102", "津贴补贴", "26937", "30205", "水费", "-", "310", "资本性支出", "19770" },
		{ "30108", "机关事业单位基本养老保险费", "6779", "30215", "会议费", "13609", "31002", "办公设备购置", "8449" },
		{ "30113", "住房公积金", "12878", NULL, NULL, NULL, NULL, NULL, NULL },
		{ "30199", "其他工资福利支出", "21819", NULL, NULL, NULL, NULL, NULL, NULL },
	};
	static const double at[] = { 70, 112, 263, 268, 300, 400, 405, 435, 527 };
	for (size_t r = 0; r < 5; r++) {
		word w[9];
		size_t n = 0;
		for (size_t c = 0; c < 9 && rows[r][c]; c++)
			w[n++] = (word){ c % 3 == 2 ? at[c] - 4.5 * (double)strlen(rows[r][c]) : at[c], rows[r][c] };
		add_words(doc, pg, 152 + 18.0 * (double)r, w, n);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 9);
	/* 人员经费 over the first block's three columns, 公用经费 over the other six. */
	assert_string_equal(found_cell(ft, 0, 0), "人员经费");
	assert_string_equal(found_cell(ft, 0, 2), "(covered)");
	assert_string_equal(found_cell(ft, 0, 3), "公用经费");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 1), "其他工资福利支出");
	doc_free(doc);
}

/*
 * An unruled table whose zeros print as nothing: of nine classes four print
 * no amount, so the anchors (lines with figures) stand one or two rows
 * apart.  The row pitch is the common gap between anchors that stand one row
 * apart, not the middle of all gaps: a line of text one pitch below an
 * anchor is a row of its own, not the wrapped end of its label.
 */
static void test_unruled_blank_rows_pitch(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 60, "项目" }, { 262, "决算数" } }, 2);
	static const char *const rows[][2] = {
		{ "一般公共服务支出", "60.00" }, { "外交支出", "10.00" }, { "国防支出", NULL },
		{ "公共安全支出", "40.00" },     { "教育支出", NULL },     { "科学技术支出", "15.00" },
		{ "城乡社区支出", "20.00" },     { "农林水支出", NULL },   { "交通运输支出", "30.00" },
	};
	for (size_t r = 0; r < 9; r++) {
		word w[2] = { { 60, rows[r][0] }, { 0, rows[r][1] } };
		if (rows[r][1])
			w[1].x = 289 - 4.5 * (double)strlen(rows[r][1]);
		add_words(doc, pg, 118 + 15.0 * (double)r, w, rows[r][1] ? 2 : 1);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 2);
	assert_int_equal(ft->nrows, 10);
	assert_string_equal(found_cell(ft, 1, 0), "一般公共服务支出");
	assert_string_equal(found_cell(ft, 3, 0), "国防支出");
	assert_string_equal(found_cell(ft, 3, 1), "");
	assert_string_equal(found_cell(ft, 4, 0), "公共安全支出");
	assert_string_equal(found_cell(ft, 8, 0), "农林水支出");
	doc_free(doc);
}

/*
 * A zebra-shaded row whose label wraps over three lines gives a band whose
 * edges are a rule with a vertical going down from each end, as tall as a
 * box drawn round a table; but it holds one line of figures, not rows of
 * them: the table goes on through it, one table.
 */
static void test_unruled_tall_shaded_row(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 60, "科目名称" }, { 262, "合计" }, { 330, "财政拨款" } }, 3);
	add_words(doc, pg, 118, (const word[]){ { 60, "一般公共服务支出" }, { 244, "100.00" }, { 316, "90.00" } }, 3);
	add_words(doc, pg, 133, (const word[]){ { 60, "人大事务" }, { 244, "40.00" }, { 316, "30.00" } }, 3);
	/* The shaded row: its label over three lines, its figures beside the middle one. */
	add_words(doc, pg, 148, (const word[]){ { 60, "政府办公厅" } }, 1);
	add_words(doc, pg, 158, (const word[]){ { 60, "(室)及相关" }, { 244, "60.00" }, { 316, "60.00" } }, 3);
	add_words(doc, pg, 168, (const word[]){ { 60, "机构事务" } }, 1);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 146, 380, 146 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 179, 380, 179 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 146, 55, 179 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 380, 146, 380, 179 };
	add_words(doc, pg, 183, (const word[]){ { 60, "行政运行" }, { 244, "20.00" }, { 316, "20.00" } }, 3);
	add_words(doc, pg, 198, (const word[]){ { 60, "机关服务" }, { 244, "10.00" }, { 316, "10.00" } }, 3);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_string_equal(found_cell(ft, 0, 0), "科目名称");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 0), "机关服务");
	doc_free(doc);
}

/*
 * The same with the code printed before the name (2010102 一般行政管理事务,
 * wrapped): the label's first line, code and a piece of the name, is two
 * segments with a code, but no line of figures; the band still holds one
 * line of amounts and the table goes on through it.
 */
static void test_unruled_tall_shaded_row_coded(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 60, "功能分类科目" }, { 262, "合计" }, { 330, "财政拨款" } }, 3);
	add_words(doc, pg, 118, (const word[]){ { 60, "201 一般公共服务支出" }, { 244, "100.00" }, { 316, "90.00" } }, 3);
	add_words(doc, pg, 133, (const word[]){ { 60, "20101 人大事务" }, { 244, "40.00" }, { 316, "30.00" } }, 3);
	/* The shaded row: code and the name over three lines, its figures beside the middle one. */
	add_words(doc, pg, 148, (const word[]){ { 60, "2010102" }, { 104, "一" } }, 2);
	add_words(doc, pg, 158, (const word[]){ { 60, "般行政管理" }, { 244, "60.00" }, { 316, "60.00" } }, 3);
	add_words(doc, pg, 168, (const word[]){ { 60, "事务" } }, 1);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 146, 380, 146 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 179, 380, 179 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 146, 55, 179 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 380, 146, 380, 179 };
	add_words(doc, pg, 183, (const word[]){ { 60, "2010103 机关服务" }, { 244, "20.00" }, { 316, "20.00" } }, 3);
	add_words(doc, pg, 198, (const word[]){ { 60, "20102 政协事务" }, { 244, "10.00" }, { 316, "10.00" } }, 3);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_string_equal(found_cell(ft, 0, 0), "功能分类科目");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 0), "20102 政协事务");
	doc_free(doc);
}

/*
 * A shaded row whose figures wrap over three lines in narrow cells (1531 over
 * 110. over 01, 669 over 8.13): the band round it is as tall as a box round a
 * table, and two of its lines carry amounts a line apart, but the first and
 * last are pieces of the row's figures, not rows: one table, through the band.
 */
static void test_unruled_shaded_row_wrapped_figures(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 60, "科目名称" }, { 200, "合计" }, { 250, "财政" }, { 300, "基金" },
	                                        { 350, "事业" }, { 400, "上级" } }, 6);
	add_words(doc, pg, 118, (const word[]){ { 60, "合计" }, { 200, "50.00" }, { 250, "40.00" }, { 300, "0.00" },
	                                        { 350, "10.00" }, { 400, "0.00" } }, 6);
	add_words(doc, pg, 133, (const word[]){ { 60, "教育支出" }, { 200, "40.00" }, { 250, "30.00" }, { 300, "0.00" },
	                                        { 350, "10.00" }, { 400, "0.00" } }, 6);
	/* The shaded row. */
	add_words(doc, pg, 148, (const word[]){ { 200, "1531" }, { 250, "1488" }, { 350, "2757." } }, 3);
	add_words(doc, pg, 158, (const word[]){ { 60, "一般公共服务" }, { 200, "110." }, { 250, "551." }, { 300, "0.00" },
	                                        { 400, "669" } }, 5);
	add_words(doc, pg, 168, (const word[]){ { 209, "01" }, { 259, "47" }, { 359, "55" }, { 400, "8.13" } }, 4);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 146, 450, 146 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 179, 450, 179 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 146, 55, 179 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 450, 146, 450, 179 };
	add_words(doc, pg, 183, (const word[]){ { 60, "行政运行" }, { 200, "20.00" }, { 250, "20.00" }, { 300, "0.00" },
	                                        { 350, "0.00" }, { 400, "0.00" } }, 6);
	add_words(doc, pg, 198, (const word[]){ { 60, "机关服务" }, { 200, "10.00" }, { 250, "10.00" }, { 300, "0.00" },
	                                        { 350, "0.00" }, { 400, "0.00" } }, 6);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_string_equal(found_cell(ft, 0, 0), "科目名称");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 0), "机关服务");
	doc_free(doc);
}

/*
 * A shaded row whose label wraps over three lines and whose whole figure wraps
 * in its narrow cell (92410 over 5), its last piece on the label's last line
 * (媒支出 5; web-0370 p3): that line prints text and a figure a line under the
 * row's figures, but the figure is the tail of one above, no row of its own:
 * the band is no box round a table, and the table goes on through it.
 */
static void test_unruled_shaded_row_wrapped_tail_beside_label(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 60, "项目" }, right_at(250, "合计"), right_at(300, "财政"),
	                                        right_at(350, "事业") }, 4);
	add_words(doc, pg, 118, (const word[]){ { 60, "教育支出" }, right_at(250, "22592"), right_at(300, "22233"),
	                                        right_at(350, "181") }, 4);
	add_words(doc, pg, 133, (const word[]){ { 60, "普通教育" }, right_at(250, "22592"), right_at(300, "22233"),
	                                        right_at(350, "181") }, 4);
	/* The shaded row. */
	add_words(doc, pg, 148, (const word[]){ { 60, "文化旅游" } }, 1);
	add_words(doc, pg, 158, (const word[]){ { 60, "体育与传" }, right_at(250, "92410"), right_at(300, "90071"),
	                                        right_at(350, "2041") }, 4);
	add_words(doc, pg, 168, (const word[]){ { 60, "媒支出" }, right_at(250, "5") }, 2);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 146, 380, 146 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 179, 380, 179 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 146, 55, 179 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 380, 146, 380, 179 };
	add_words(doc, pg, 183, (const word[]){ { 60, "行政运行" }, right_at(250, "672148"), right_at(300, "654472"),
	                                        right_at(350, "2041") }, 4);
	add_words(doc, pg, 198, (const word[]){ { 60, "群众文化" }, right_at(250, "251957"), right_at(300, "246238"),
	                                        right_at(350, "0") }, 4);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_string_equal(found_cell(ft, 0, 0), "项目");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 0), "群众文化");
	doc_free(doc);
}

/*
 * A code columns' title set flush left and wrapped (功能分类科目 over 编码,
 * web-0397 p8) over 类 | 款 | 项, reaching past the border between 款 and 项
 * by more than half a character though not as far as 项's codes: it heads all
 * three, with 类 款 项 each a cell of its own under it, not one cell merged
 * with the title.
 */
static void test_unruled_code_title_past_border(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 65.5, "功能分类科" }, { 302, "上缴" } }, 2);
	add_words(doc, pg, 112, (const word[]){ { 65.5, "目编码" }, { 127, "项目" }, right_at(219, "合计"),
	                                        right_at(275, "基本"), { 302, "支出" } }, 5);
	add_words(doc, pg, 136, (const word[]){ { 65.5, "类" }, { 89.5, "款" }, { 108, "项" } }, 3);
	add_words(doc, pg, 152, (const word[]){ { 65, "207" }, { 127, "文化旅游支出" }, right_at(219, "388.87"),
	                                        right_at(275, "120.94"), right_at(320, "0.00") }, 5);
	add_words(doc, pg, 166, (const word[]){ { 65, "207" }, { 89.2, "01" }, { 127, "文化和旅游" },
	                                        right_at(219, "388.87"), right_at(275, "120.94"), right_at(320, "0.00") }, 6);
	add_words(doc, pg, 180, (const word[]){ { 65, "207" }, { 89.2, "01" }, { 108, "09" }, { 127, "群众文化" },
	                                        right_at(219, "388.87"), right_at(275, "120.94"), right_at(320, "0.00") }, 7);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(strncmp(found_cell(ft, 0, 0), "功能分类科", strlen("功能分类科")), 0);
	size_t r = 0;
	while (r < ft->nrows && strcmp(found_cell(ft, r, 0), "类") != 0)
		r++;
	assert_true(r < ft->nrows);
	assert_string_equal(found_cell(ft, r, 1), "款");
	assert_string_equal(found_cell(ft, r, 2), "项");
	doc_free(doc);
}

/*
 * A side-by-side summary printing whole amounts flush right against the
 * expenditure labels, a third of a character apart (web-0413 p3): 33000 set
 * that close before 年末结转和结余 is no date (a year has four digits) but an
 * amount and the next cell's label, and the labels keep a column of their own.
 */
static void test_unruled_whole_amount_before_year_label(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 60, "项目" }, right_at(260, "决算数"), { 263, "支出项目" },
	                                        right_at(420, "决算数") }, 4);
	add_words(doc, pg, 114, (const word[]){ { 60, "财政拨款收入" }, right_at(260, "3169386"), { 263, "卫生健康支出" },
	                                        right_at(420, "1311604") }, 4);
	add_words(doc, pg, 128, (const word[]){ { 60, "事业收入" }, right_at(260, "31916") }, 2);
	add_words(doc, pg, 142, (const word[]){ { 60, "本年收入合计" }, right_at(260, "3201302"), { 263, "本年支出合计" },
	                                        right_at(420, "3201302") }, 4);
	add_words(doc, pg, 156, (const word[]){ { 60, "年初结转和结余" }, right_at(260, "33000"), { 263, "年末结转和结余" },
	                                        right_at(420, "33000") }, 4);
	add_words(doc, pg, 170, (const word[]){ { 60, "总计" }, right_at(260, "3234302"), { 263, "总计" },
	                                        right_at(420, "3234302") }, 4);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 4);
	assert_string_equal(found_cell(ft, 1, 1), "3169386");
	assert_string_equal(found_cell(ft, 1, 2), "卫生健康支出");
	assert_string_equal(found_cell(ft, 4, 1), "33000");
	assert_string_equal(found_cell(ft, 4, 2), "年末结转和结余");
	doc_free(doc);
}

/*
 * A code and name wrapped round the row's figures in their cell (208 社会保障
 * 和就业 over 支出, the figures centred between, web-0399 p5), the figures'
 * line printing the row's number (序号 11) and, for want of text before them,
 * a first figure of seven digits read as a code: it prints no code where the
 * code line prints its own, so the code line still leads the row of those
 * figures.
 */
static void test_unruled_wrapped_code_row_numbered(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 288, (const word[]){ { 60, "序号" }, { 79, "科目编码及名称" }, right_at(260, "合计"),
	                                        right_at(320, "财政") }, 4);
	add_words(doc, pg, 308.6, (const word[]){ { 64, "8" }, { 79, "20502" }, { 115, "普通教育" },
	                                          right_at(260, "827287"), right_at(320, "801322") }, 5);
	add_words(doc, pg, 329.6, (const word[]){ { 64, "9" }, { 79, "2050202" }, { 121, "小学教育" },
	                                          right_at(260, "599327"), right_at(320, "592721") }, 5);
	add_words(doc, pg, 350.6, (const word[]){ { 62, "10" }, { 79, "2050203" }, { 126, "初中教育" },
	                                          right_at(260, "227960"), right_at(320, "208601") }, 5);
	add_words(doc, pg, 371.6, (const word[]){ { 79, "208" }, { 100, "社会保障和就业" } }, 2);
	add_words(doc, pg, 381, (const word[]){ { 62, "11" }, right_at(260, "1695444"), right_at(320, "1660350") }, 3);
	add_words(doc, pg, 390.4, (const word[]){ { 79, "支出" } }, 1);
	add_words(doc, pg, 406.1, (const word[]){ { 62, "12" }, { 79, "2080501" }, { 126, "行政单位离退休" },
	                                          right_at(260, "823896"), right_at(320, "805026") }, 5);
	add_words(doc, pg, 427.1, (const word[]){ { 62, "13" }, { 79, "2080506" }, { 126, "职业年金缴费" },
	                                          right_at(260, "367023"), right_at(320, "360729") }, 5);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	size_t r = 0;
	while (r < ft->nrows && strcmp(found_cell(ft, r, 0), "11") != 0)
		r++;
	assert_true(r < ft->nrows);
	assert_string_equal(found_cell(ft, r, 1), "208 社会保障和就业支出");
	assert_string_equal(found_cell(ft, r, 2), "1695444");
	assert_string_equal(found_cell(ft, r - 1, 0), "10");
	assert_string_equal(found_cell(ft, r + 1, 0), "12");
	doc_free(doc);
}

/*
 * A header's last line and the first row set so tight that their glyph boxes
 * overlap by a point and a half (web-0410 p4): the border half-way between
 * them crosses neither, so the header cells and the row's cells stay apart
 * (总计 over 3,130,000, not one cell 总计3,130,000).
 */
static void test_unruled_tight_header_border(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 91, (const word[]){ { 60, "科目名称" }, right_at(250, "总计"), right_at(320, "一般公共") }, 3);
	add_words(doc, pg, 100, (const word[]){ right_at(320, "预算拨款") }, 1);
	add_words(doc, pg, 107.5, (const word[]){ { 60, "合计" }, right_at(250, "3,130,000"), right_at(320, "3,070,040") }, 3);
	add_words(doc, pg, 120, (const word[]){ { 60, "教育支出" }, right_at(250, "1,918,822"), right_at(320, "1,892,097") },
	          3);
	add_words(doc, pg, 132.5, (const word[]){ { 60, "农林水支出" }, right_at(250, "785,840"), right_at(320, "785,840") },
	          3);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_string_equal(found_cell(ft, 0, 1), "总计");
	size_t r = 0;
	while (r < ft->nrows && strcmp(found_cell(ft, r, 0), "合计") != 0)
		r++;
	assert_true(r < ft->nrows);
	assert_string_equal(found_cell(ft, r, 1), "3,130,000");
	assert_string_equal(found_cell(ft, r, 2), "3,070,040");
	doc_free(doc);
}

/*
 * Figures wrapped at their decimal point in narrow cells (web-0050 p5): the
 * first row's heads (348908 246355 855535. …) make a line of eight words
 * ending in a point, like a Latin sentence; but its words are figures, so it
 * stays the table's first row and the header above stays the table's.
 */
static void test_unruled_wrapped_figures_no_sentence(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 60, "科目名称" }, { 160, "合计" }, { 210, "拨款" }, { 260, "基金" },
	                                        { 310, "事业" }, { 360, "经营" }, { 410, "上级" }, { 460, "附属" },
	                                        { 510, "其他" }, { 560, "结转" } }, 10);
	add_words(doc, pg, 118, (const word[]){ { 150, "348908" }, { 200, "246355" }, { 250, "855535." }, { 300, "31637." },
	                                        { 350, "50480.7" }, { 400, "41753." }, { 450, "25595." }, { 550, "20530." } },
	          8);
	add_words(doc, pg, 127, (const word[]){ { 60, "合计" }, { 510, "0.00" } }, 2);
	add_words(doc, pg, 136, (const word[]){ { 159, "6.29" }, { 209, "3.26" }, { 268, "58" }, { 318, "27" }, { 372, "7" },
	                                        { 418, "81" }, { 468, "52" }, { 568, "08" } },
	          8);
	for (int r = 0; r < 3; r++) {
		static const char *const labels[] = { "教育支出", "普通教育", "学前教育" };
		add_words(doc, pg, 150 + r * 15,
		          (const word[]){ { 60, labels[r] }, { 150, "100.00" }, { 200, "100.00" }, { 254, "0.00" },
		                          { 304, "0.00" }, { 354, "0.00" }, { 404, "0.00" }, { 454, "0.00" }, { 504, "0.00" },
		                          { 554, "0.00" } },
		          10);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_string_equal(found_cell(ft, 0, 0), "科目名称");
	assert_string_equal(found_cell(ft, 0, 1), "合计");
	assert_true(strncmp(found_cell(ft, 1, 1), "348908", 6) == 0);
	assert_string_equal(found_cell(ft, ft->nrows - 1, 0), "学前教育");
	doc_free(doc);
}

/*
 * A table in a box with no inner rules, its figures wrapped over three lines in
 * narrow cells (3,78 over 0,63 over 7.53), the row's labels set beside the middle
 * line, a neighbouring column's figure wrapped over two lines set half a line
 * lower (474,6 over 05.93): each row's lines are one row, each figure one cell.
 */
static void test_unruled_figures_wrapped_three_lines(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 40, "项目" }, { 200, "预算数" }, { 230, "支出项目" }, { 330, "合计" }, { 375, "一般公共" } }, 5);
	add_words(doc, pg, 118, (const word[]){ { 200, "3,78" }, { 330, "474," } }, 2);
	add_words(doc, pg, 122.65, (const word[]){ { 375.5, "474,6" } }, 1);
	add_words(doc, pg, 127.3, (const word[]){ { 40, "一、预算拨款" }, { 200, "0,63" }, { 230, "一、公共服务" }, { 330, "605." } }, 4);
	add_words(doc, pg, 131.95, (const word[]){ { 375.5, "05.93" } }, 1);
	add_words(doc, pg, 136.6, (const word[]){ { 200, "7.53" }, { 339, "93" } }, 2);
	add_words(doc, pg, 155, (const word[]){ { 200, "611," }, { 330, "164," }, { 375.5, "164,8" } }, 3);
	add_words(doc, pg, 164.3, (const word[]){ { 40, "二、基金拨款" }, { 200, "033." }, { 230, "二、教育支出" }, { 330, "839." }, { 375.5, "39.27" } }, 5);
	add_words(doc, pg, 173.6, (const word[]){ { 209, "66" }, { 339, "27" } }, 2);
	add_words(doc, pg, 192, (const word[]){ { 40, "三、其他拨款" }, { 200, "0.00" }, { 230, "三、其他支出" }, { 325.5, "65.42" }, { 375.5, "65.42" } }, 5);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 96, 402, 96 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 205, 402, 205 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 96, 35, 205 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 402, 96, 402, 205 };
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->nrows, 4);
	assert_int_equal(ft->ncols, 5);
	assert_string_equal(found_cell(ft, 1, 0), "一、预算拨款");
	assert_string_equal(found_cell(ft, 1, 1), "3,780,637.53");
	assert_string_equal(found_cell(ft, 1, 2), "一、公共服务");
	assert_string_equal(found_cell(ft, 1, 3), "474,605.93");
	assert_string_equal(found_cell(ft, 1, 4), "474,605.93");
	assert_string_equal(found_cell(ft, 2, 1), "611,033.66");
	assert_string_equal(found_cell(ft, 2, 3), "164,839.27");
	assert_string_equal(found_cell(ft, 3, 0), "三、其他拨款");
	assert_string_equal(found_cell(ft, 3, 4), "65.42");
	doc_free(doc);
}

/*
 * A 收支总表 whose header is set flush right, its side titles 收入 and 支出 ending
 * where the last column of their side ends: the boxes of CJK glyphs end a little
 * right of the digits under them (their side bearings), yet the header is flush
 * right, and each title heads its own side.
 */
static void test_unruled_flush_right_bearings(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 134, "收入" }, { 304, "支出" } }, 2);
	add_words(doc, pg, 112, (const word[]){ { 76, "项目" }, { 134, "金额" }, { 200, "项目" }, { 244, "合计" }, { 304, "拨款" } }, 5);
	add_words(doc, pg, 126, (const word[]){ { 40, "一、拨款收入" }, { 114, "1,234.56" }, { 160, "一、教育支出" }, { 224, "1,234.56" }, { 284, "1,000.00" } }, 5);
	add_words(doc, pg, 140, (const word[]){ { 40, "二、其他收入" }, { 114, "2,000.00" }, { 160, "二、卫生支出" }, { 224, "2,000.00" }, { 284, "2,000.00" } }, 5);
	add_words(doc, pg, 154, (const word[]){ { 40, "收入总计" }, { 114, "3,234.56" }, { 160, "支出总计" }, { 224, "3,234.56" }, { 284, "3,000.00" } }, 5);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 5);
	assert_string_equal(found_cell(ft, 0, 0), "收入");
	assert_int_equal(ft->cells[0].colspan, 2);
	assert_string_equal(found_cell(ft, 0, 2), "支出");
	assert_int_equal(ft->cells[2].colspan, 3);
	assert_string_equal(found_cell(ft, 1, 4), "拨款");
	doc_free(doc);
}

/*
 * A 收支总表 in a box, its header set flush left (收入项目 and 支出项目 start
 * where their labels start): 预算 over the expenditure side's four columns,
 * starting where 合计 starts; the cells beside 合计 wrapped over two to four
 * lines and centred, so 合计 stands lower than the first of them; a rule
 * under the expenditure side's header.  预算 heads 合计 … 国有资本经营预算
 * only (not 支出项目); the rule under the header underlines no title (the
 * last line 算 of a wrapped cell is none), so the cells stay apart; and 合计
 * is one cell under 预算, the header two rows.
 */
static void test_unruled_flush_left_group_over_wrapped_cells(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 280, "预算" } }, 1);
	add_words(doc, pg, 112, (const word[]){ { 400, "政府" } }, 1);
	add_words(doc, pg, 116.5, (const word[]){ { 450, "国有资" } }, 1);
	add_words(doc, pg, 119, (const word[]){ { 40, "收入项目" }, { 136, "预算" }, { 200, "支出项目" } }, 3);
	add_words(doc, pg, 121, (const word[]){ { 340, "一般公共" }, { 400, "性基" } }, 2);
	add_words(doc, pg, 125.5, (const word[]){ { 280, "合计" }, { 450, "本经营" } }, 2);
	add_words(doc, pg, 130, (const word[]){ { 340, "预算" }, { 400, "金预" } }, 2);
	add_words(doc, pg, 134.5, (const word[]){ { 450, "预算" } }, 1);
	add_words(doc, pg, 139, (const word[]){ { 400, "算" } }, 1);
	add_words(doc, pg, 154,
	          (const word[]){ { 40, "一般公共预算拨款" }, { 136, "1,221,795.47" }, { 200, "文化旅游支出" },
	                          { 285, "145,785.24" }, { 340, "145,785.24" }, { 402, "0.00" }, { 460, "0.00" } },
	          7);
	add_words(doc, pg, 169,
	          (const word[]){ { 40, "政府性基金拨款" }, { 145, "438,198.50" }, { 200, "卫生健康支出" },
	                          { 285, "460,725.02" }, { 340, "460,725.02" }, { 402, "0.00" }, { 460, "0.00" } },
	          7);
	add_words(doc, pg, 184,
	          (const word[]){ { 40, "收入总计" }, { 136, "1,659,993.97" }, { 200, "支出总计" },
	                          { 285, "606,510.26" }, { 340, "606,510.26" }, { 402, "0.00" }, { 460, "0.00" } },
	          7);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 96, 496, 96 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 198, 496, 198 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 96, 35, 198 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 496, 96, 496, 198 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 276, 150, 496, 150 };
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 7);
	assert_int_equal(ft->nrows, 5);
	assert_string_equal(found_cell(ft, 0, 2), "支出项目");
	assert_string_equal(found_cell(ft, 0, 3), "预算");
	assert_int_equal(ft->cells[3].colspan, 4);
	assert_string_equal(found_cell(ft, 1, 3), "合计");
	assert_string_equal(found_cell(ft, 1, 4), "一般公共预算");
	assert_string_equal(found_cell(ft, 1, 5), "政府性基金预算");
	assert_string_equal(found_cell(ft, 1, 6), "国有资本经营预算");
	assert_string_equal(found_cell(ft, 2, 3), "145,785.24");
	doc_free(doc);
}

/*
 * A 支出决算表 in a box, its header centred in wide cells over right-aligned
 * figures: 合计 and 科目名称 both stand in the gap left of the 合计 figures,
 * 合计 nearer; 功能分类科目 over the code and name columns only touches the
 * names' right edge; the body's 合计 label, centred across code and name,
 * stands right of the names.  合计 heads the figures, 科目名称 the names, and
 * the 合计 label opens no column.
 */
static void test_unruled_centred_header_wide_cells(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 197, "功能分类科目" } }, 1);
	add_words(doc, pg, 108, (const word[]){ { 468, "合计" }, { 591, "基本支出" }, { 721, "项目支出" } }, 3);
	add_words(doc, pg, 116, (const word[]){ { 80, "编码" }, { 259, "科目名称" } }, 2);
	add_words(doc, pg, 131, (const word[]){ { 211, "合计" }, { 489, "3,557,028.56" }, { 609, "1,121,592.69" }, { 749, "2,435,435.87" } }, 4);
	add_words(doc, pg, 146, (const word[]){ { 84, "205" }, { 146, "教育支出" }, { 498, "898,349.06" }, { 618, "176,469.53" }, { 758, "721,879.53" } }, 5);
	add_words(doc, pg, 161, (const word[]){ { 80, "20501" }, { 151, "教育管理" }, { 498, "327,956.02" }, { 645, "0.00" }, { 758, "327,956.02" } }, 5);
	add_words(doc, pg, 176, (const word[]){ { 76, "2050101" }, { 161, "行政运行" }, { 498, "327,956.02" }, { 645, "0.00" }, { 758, "327,956.02" } }, 5);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 70, 96, 810, 96 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 70, 190, 810, 190 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 70, 96, 70, 190 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 810, 96, 810, 190 };
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 5);
	assert_string_equal(found_cell(ft, 0, 1), "功能分类科目");
	assert_string_equal(found_cell(ft, 1, 1), "科目名称");
	assert_string_equal(found_cell(ft, 0, 2), "合计");
	assert_string_equal(found_cell(ft, 2, 1), "合计");
	assert_string_equal(found_cell(ft, 2, 2), "3,557,028.56");
	assert_string_equal(found_cell(ft, 3, 1), "教育支出");
	doc_free(doc);
}

/*
 * 科目编码 centred in a wide code cell over short codes set flush left (205,
 * 20501: web-0083 p2), under 项目 centred across the code and name cells,
 * rules across only: the header word meets no column and opens none; it heads
 * the codes, so a page whose codes are all 7 digits long (meeting the word)
 * has as many columns and joins it.
 */
static void test_unruled_code_header_centred_over_short_codes(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 141, "项目" }, { 302, "合计" }, { 394, "财政拨款" } }, 3);
	add_words(doc, pg, 112, (const word[]){ { 77, "科目编码" }, { 187, "科目名称" } }, 2);
	add_words(doc, pg, 128, (const word[]){ { 44, "205" }, { 154, "教育支出" }, { 305, "1332387.10" }, { 405, "1328368.31" } }, 4);
	add_words(doc, pg, 143, (const word[]){ { 44, "20501" }, { 154, "教育管理事务" }, { 314, "804800.74" }, { 414, "804800.74" } }, 4);
	add_words(doc, pg, 158, (const word[]){ { 44, "20502" }, { 154, "普通教育" }, { 314, "527586.36" }, { 414, "523567.57" } }, 4);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, 96, 460, 96 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, 124, 460, 124 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, 139, 460, 139 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, 154, 460, 154 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, 169, 460, 169 };
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 4);
	size_t r = ft->nrows - 3;
	assert_string_equal(found_cell(ft, r - 1, 0), "科目编码");
	assert_string_equal(found_cell(ft, r - 1, 1), "科目名称");
	assert_string_equal(found_cell(ft, r, 0), "205");
	assert_string_equal(found_cell(ft, r, 1), "教育支出");
	assert_string_equal(found_cell(ft, r + 1, 0), "20501");
	assert_string_equal(found_cell(ft, r + 2, 3), "523567.57");
	doc_free(doc);
}

/*
 * A box round a table whose header is set flush right while its serial
 * numbers and codes are set flush left (web-0068 p5): 序号 类 款 项 each end
 * just short of the next cell's text and head the column on their left; the
 * 合计 centred across 类 款 项, between the 项 codes and the names, opens no
 * column of its own.
 */
static void test_unruled_flush_right_header_over_left_codes(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 90, "序号" }, { 295, "项目" }, { 330, "功能分类科目名称" }, { 473, "合计" },
	                                        { 523, "基本支出" } }, 5);
	add_words(doc, pg, 110, (const word[]){ { 168, "类" }, { 236, "款" }, { 304, "项" } }, 3);
	add_words(doc, pg, 125, (const word[]){ { 60, "1" }, { 263, "合计" }, { 437, "4,901,862.23" }, { 505, "2,584,596.72" } }, 4);
	add_words(doc, pg, 140, (const word[]){ { 60, "2" }, { 115, "205" }, { 319, "教育支出" }, { 446, "307,050.75" },
	                                        { 514, "271,304.71" } }, 5);
	add_words(doc, pg, 155, (const word[]){ { 60, "3" }, { 115, "205" }, { 183, "01" }, { 319, "教育管理事务" },
	                                        { 446, "307,050.75" }, { 514, "271,304.71" } }, 6);
	add_words(doc, pg, 170, (const word[]){ { 60, "4" }, { 115, "205" }, { 183, "01" }, { 251, "01" }, { 319, "行政运行" },
	                                        { 446, "307,050.75" }, { 514, "271,304.71" } }, 7);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 96, 565, 96 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 121, 565, 121 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 183, 565, 183 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 55, 96, 55, 183 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 565, 96, 565, 183 };
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 7);
	size_t r = ft->nrows - 4;
	assert_string_equal(found_cell(ft, r - 1, 1), "类");
	assert_string_equal(found_cell(ft, r - 1, 2), "款");
	assert_string_equal(found_cell(ft, r - 1, 3), "项");
	assert_string_equal(found_cell(ft, 0, 0), "序号");
	assert_string_equal(found_cell(ft, r, 0), "1");
	assert_string_equal(found_cell(ft, r, 3), "合计");
	assert_string_equal(found_cell(ft, r + 3, 0), "4");
	assert_string_equal(found_cell(ft, r + 3, 1), "205");
	assert_string_equal(found_cell(ft, r + 3, 2), "01");
	assert_string_equal(found_cell(ft, r + 3, 3), "01");
	assert_string_equal(found_cell(ft, r + 3, 4), "行政运行");
	doc_free(doc);
}

/*
 * Labels wrapped over three lines in a box without row rules, the figures set
 * beside each label's middle line (web-0087 p5): the line with the code and
 * no figure leads its row, and the line under the figures is the row's too,
 * however tight the rows are stacked.  A 人员经费合计 line under a code row
 * whose name has a column of its own is a row of its own.
 */
static void test_unruled_label_round_figures(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 40, "项目" }, { 182, "合计" }, { 234, "基本支出" } }, 3);
	add_words(doc, pg, 114, (const word[]){ { 40, "合计" }, { 155, "672,828.46" }, { 225, "336,414.23" } }, 3);
	add_words(doc, pg, 126, (const word[]){ { 40, "2010102" }, { 76, "一" } }, 2);
	add_words(doc, pg, 136, (const word[]){ { 40, "般行政管理" }, { 155, "336,414.23" }, { 225, "336,414.23" } }, 3);
	add_words(doc, pg, 146, (const word[]){ { 40, "事务" } }, 1);
	add_words(doc, pg, 158, (const word[]){ { 40, "2010103" }, { 76, "机关服务" }, { 191, "0.00" }, { 261, "0.00" } }, 4);
	add_words(doc, pg, 170, (const word[]){ { 40, "2010104" }, { 76, "人" } }, 2);
	add_words(doc, pg, 180, (const word[]){ { 40, "大会议事" }, { 155, "336,414.23" }, { 261, "0.00" } }, 3);
	add_words(doc, pg, 190, (const word[]){ { 40, "务" } }, 1);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 96, 275, 96 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 201, 275, 201 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 96, 35, 201 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 275, 96, 275, 201 };
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 3);
	assert_int_equal(ft->nrows, 5);
	assert_string_equal(found_cell(ft, 2, 0), "2010102 一般行政管理事务");
	assert_string_equal(found_cell(ft, 2, 1), "336,414.23");
	assert_string_equal(found_cell(ft, 3, 0), "2010103 机关服务");
	assert_string_equal(found_cell(ft, 4, 0), "2010104 人大会议事务");
	assert_string_equal(found_cell(ft, 4, 2), "0.00");

	/* The name in a column of its own: 人员经费合计 under 30305 生活补助 (web-0083 p10). */
	page *pg2 = add_page(doc, 2);
	add_words(doc, pg2, 100, (const word[]){ { 40, "科目编码" }, { 100, "科目名称" }, { 234, "金额" } }, 3);
	add_words(doc, pg2, 114, (const word[]){ { 40, "30302" }, { 100, "退休费" }, { 225, "134,494.15" } }, 3);
	add_words(doc, pg2, 128, (const word[]){ { 40, "30305" }, { 100, "生活补助" } }, 2);
	add_words(doc, pg2, 138, (const word[]){ { 40, "人员经费合计" }, { 216, "2,674,746.55" } }, 2);
	*VEC_PUSH(doc->arena, &pg2->rulings) = (ruling){ 35, 96, 275, 96 };
	*VEC_PUSH(doc->arena, &pg2->rulings) = (ruling){ 35, 150, 275, 150 };
	*VEC_PUSH(doc->arena, &pg2->rulings) = (ruling){ 35, 96, 35, 150 };
	*VEC_PUSH(doc->arena, &pg2->rulings) = (ruling){ 275, 96, 275, 150 };
	found_vec out2 = { 0 };
	unruled_find(doc, pg2, &out2);
	assert_int_equal(out2.len, 1);
	ft = &out2.items[0];
	assert_int_equal(ft->nrows, 4);
	assert_string_equal(found_cell(ft, 2, 0), "30305");
	assert_string_equal(found_cell(ft, 3, 0), "人员经费合计");
	doc_free(doc);
}

/*
 * Header cells of narrow columns wrapped over two lines, each first line
 * filling its cell so that it ends a third of a character from the next
 * (web-0068 p3: 一般公共预算拨 | 政府性基金预 over 款 | 算拨款): words over two
 * columns of the body are two cells, not one title spanning both.
 */
static void test_unruled_wrapped_header_cells_touching(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 40, "项目" }, { 259, "一般公共预算拨" }, { 326, "政府性基金预" } }, 3);
	add_words(doc, pg, 110, (const word[]){ { 286, "款" }, { 340, "算拨款" } }, 2);
	add_words(doc, pg, 125, (const word[]){ { 40, "合计" }, { 268, "3,572,497.71" }, { 327, "1,166,325.77" } }, 3);
	add_words(doc, pg, 140, (const word[]){ { 40, "教育支出" }, { 277, "301,449.68" }, { 336, "166,325.77" } }, 3);
	add_words(doc, pg, 155, (const word[]){ { 40, "城乡社区支出" }, { 277, "271,047.03" }, { 327, "1,000,000.00" } }, 3);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 96, 390, 96 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 121, 390, 121 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 167, 390, 167 };
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 3);
	assert_string_equal(found_cell(ft, 0, 1), "一般公共预算拨款");
	assert_string_equal(found_cell(ft, 0, 2), "政府性基金预算拨款");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 2), "1,000,000.00");
	doc_free(doc);
}

/*
 * A header set flush right over figures centred in wide cells, one word a
 * column, and a 总计 centred across the code and name cells (web-0062 p5):
 * 总计 reaches out of the names towards the codes and shapes no column, so
 * that 科目代码 stands over no column but the codes' and the line names the
 * columns by rank: 合计 heads the first figures, not the second.
 */
static void test_unruled_total_across_codes_ranked_header(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 158, "科目代码" }, { 263, "功能分类科目名称" }, { 490, "合计" },
	                                        { 596, "基本支出" }, { 747, "项目支出" } }, 5);
	add_words(doc, pg, 125, (const word[]){ { 186.5, "总计" }, { 395, "1,383,636.00" }, { 550, "552,912.00" },
	                                        { 688, "830,724.00" } }, 4);
	add_words(doc, pg, 140, (const word[]){ { 57, "210" }, { 199, "卫生健康支出" }, { 399, "558,721.00" },
	                                        { 550, "335,232.00" }, { 688, "223,489.00" } }, 5);
	add_words(doc, pg, 155, (const word[]){ { 57, "21011" }, { 208, "行政事业单位医疗" }, { 399, "558,721.00" },
	                                        { 550, "335,232.00" }, { 688, "223,489.00" } }, 5);
	add_words(doc, pg, 170, (const word[]){ { 57, "2101102" }, { 217, "其他解决历史遗留问题" }, { 399, "558,721.00" },
	                                        { 550, "335,232.00" }, { 688, "223,489.00" } }, 5);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 5);
	assert_string_equal(found_cell(ft, 0, 0), "科目代码");
	assert_string_equal(found_cell(ft, 0, 2), "合计");
	assert_string_equal(found_cell(ft, 0, 3), "基本支出");
	assert_string_equal(found_cell(ft, 0, 4), "项目支出");
	assert_string_equal(found_cell(ft, 2, 0), "210");
	assert_string_equal(found_cell(ft, 2, 2), "558,721.00");
	assert_string_equal(found_cell(ft, 4, 4), "223,489.00");
	doc_free(doc);
}

/*
 * 人员经费合计 set flush left across the code and name columns, wider than
 * any name (web-0113 p10): read after the names, it meets both columns and
 * joins neither to the other; it stays whole in its row, inside the table.
 */
static void test_unruled_total_wider_than_names(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 75, "编码" }, { 113, "名称" }, { 203, "决算数" } }, 3);
	add_words(doc, pg, 115, (const word[]){ { 80, "301" }, { 113, "工资福利" }, right_at(230, "558433.25") }, 3);
	add_words(doc, pg, 130, (const word[]){ { 80, "30101" }, { 113, "基本工资" }, right_at(230, "558433.25") }, 3);
	add_words(doc, pg, 145, (const word[]){ { 80, "30302" }, { 113, "退休费" }, right_at(230, "1323503.17") }, 3);
	add_words(doc, pg, 160, (const word[]){ { 62, "人员经费合计" }, right_at(230, "1881936.42") }, 2);
	for (int y = 96; y <= 171; y += 15)
		*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 58, (float)y, 235, (float)y };
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 3);
	assert_string_equal(found_cell(ft, 0, 0), "编码");
	assert_string_equal(found_cell(ft, 0, 1), "名称");
	assert_string_equal(found_cell(ft, 1, 0), "301");
	assert_string_equal(found_cell(ft, 1, 1), "工资福利");
	assert_string_equal(found_cell(ft, 4, 0), "人员经费合计");
	assert_string_equal(found_cell(ft, 4, 2), "1881936.42");
	doc_free(doc);
}

/*
 * 收入支出决算总表 with its side titles set flush left over each side's 项目
 * 行次 金额 (ind-0039 p2): 支出 happens to stand centred over the columns from
 * the income side's 行次 to the expenditure side's 行次, but a line of titles
 * each starting where a column starts heads the run from its column to the
 * next title: 收入 over the first three columns, 支出 over the last three.
 */
static void test_unruled_flush_left_sides(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 126.1, (const word[]){ { 44.5, "收入" }, { 312.1, "支出" } }, 2);
	add_words(doc, pg, 141.1,
	          (const word[]){ { 44.5, "项目" }, { 200.0, "行次" }, { 225.0, "金额" }, { 312.1, "项目" },
	                          { 443.7, "行次" }, { 468.7, "金额" } },
	          6);
	static const char *const rows[][6] = {
		{ "一、一般公共预算财政拨款收入", "1", "2259451.26", "一般公共服务支出", "13", "659912.70" },
		{ "二、政府性基金预算财政拨款收入", "2", "116560.50", "国防支出", "14", "0.00" },
		{ "三、国有资本经营预算财政拨款收入", "3", "0.00", "公共安全支出", "15", "268041.74" },
		{ "四、上级补助收入", "4", "0.00", "文化旅游体育与传媒支出", "16", "306524.26" },
	};
	static const double end[] = { 0, 220.0, 307.1, 0, 463.7, 550.8 };
	for (size_t r = 0; r < 4; r++) {
		word w[6];
		for (size_t c = 0; c < 6; c++)
			w[c] = (word){ c % 3 == 0 ? (c ? 312.1 : 44.5) : end[c] - 4.5 * (double)strlen(rows[r][c]),
			               rows[r][c] };
		add_words(doc, pg, 156.1 + 15.0 * (double)r, w, 6);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 6);
	assert_string_equal(found_cell(ft, 0, 0), "收入");
	assert_string_equal(found_cell(ft, 0, 1), "(covered)");
	assert_string_equal(found_cell(ft, 0, 2), "(covered)");
	assert_string_equal(found_cell(ft, 0, 3), "支出");
	assert_string_equal(found_cell(ft, 0, 5), "(covered)");
	assert_string_equal(found_cell(ft, 1, 4), "行次");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 5), "306524.26");
	doc_free(doc);
}

/*
 * An unruled 财政拨款收支总表 whose income amounts, set flush right, end a word space
 * (3 pt, a third of the font size) before the expenditure labels (web-0083 p7):
 * the header words 金额 and 项目 there read as one segment over two columns, cut
 * at the gutter between the body's columns; and 0.00 before 年末财政拨款结转和结余 is an
 * amount and a label, not a figure running on into its measure word (2020年): read
 * so, the widest text of the body would join the two columns.
 */
static void test_unruled_sides_a_word_space_apart(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 126.1,
	          (const word[]){ { 44.5, "项目" }, { 182.0, "金额" }, { 203.0, "项目" }, { 382.0, "合计" } }, 4);
	static const char *const rows[][4] = {
		{ "一般公共预算拨款", "4493034.12", "教育支出", "1328368.31" },
		{ "政府性基金预算拨款", "962406.84", "文化旅游体育与传媒支出", "736772.10" },
		{ "年初财政拨款结转和结余", "0.00", "年末财政拨款结转和结余", "0.00" },
		{ "收入总计", "5600133.41", "支出总计", "5600133.41" },
	};
	for (size_t r = 0; r < 4; r++) {
		word w[4] = { { 44.5, rows[r][0] }, { 200.0 - 4.5 * (double)strlen(rows[r][1]), rows[r][1] },
		              { 203.0, rows[r][2] }, { 400.0 - 4.5 * (double)strlen(rows[r][3]), rows[r][3] } };
		add_words(doc, pg, 141.1 + 15.0 * (double)r, w, 4);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 4);
	assert_int_equal(ft->nrows, 5);
	assert_string_equal(found_cell(ft, 0, 1), "金额");
	assert_string_equal(found_cell(ft, 0, 2), "项目");
	assert_string_equal(found_cell(ft, 1, 1), "4493034.12");
	assert_string_equal(found_cell(ft, 1, 2), "教育支出");
	assert_string_equal(found_cell(ft, 3, 1), "0.00");
	assert_string_equal(found_cell(ft, 3, 2), "年末财政拨款结转和结余");
	doc_free(doc);
}

/*
 * A box-only 财政拨款收支总表 with narrow label cells (web-0058 p8): each label wraps
 * over two lines with the row's figures centred between them, so the first line
 * of the first row's labels (一、一般公共预 | 一、一般公共服) reaches down into its
 * figures' line.  It is that row's, not a header line: the figures stay out of
 * the header cells (本年预算 over 5,004,562.37).  So too when the figures stand on a
 * line of their own, the labels' second lines under them (web-0053 p7).
 */
static void test_unruled_first_labels_wrapped_round_figures(void **state)
{
	(void)state;
	for (int lower = 0; lower < 2; lower++) {
		document *doc = doc_new("a.pdf");
		page *pg = add_page(doc, 1);
		add_words(doc, pg, 105.0,
		          (const word[]){ { 44.5, "项目" }, { 164.0, "本年预算" }, { 210.0, "项目" }, { 382.0, "合计" } }, 4);
		static const char *const rows[][6] = {
			{ "一、一般公共预", "算拨款", "5,004,562.37", "一、一般公共服", "务支出", "1,435,006.68" },
			{ "二、政府性基金", "预算拨款", "619,739.38", "二、教育支出", "", "1,072,478.07" },
		};
		for (size_t r = 0; r < 2; r++) {
			double y = 130.0 + 33.0 * (double)r;
			if (*rows[r][4])
				add_words(doc, pg, y, (const word[]){ { 44.5, rows[r][0] }, { 210.0, rows[r][3] } }, 2);
			else
				add_words(doc, pg, y, (const word[]){ { 44.5, rows[r][0] } }, 1);
			word w[4] = { { 44.5, rows[r][1] }, { 200.0 - 4.5 * (double)strlen(rows[r][2]), rows[r][2] },
			              { 210.0, *rows[r][4] ? rows[r][4] : rows[r][3] },
			              { 400.0 - 4.5 * (double)strlen(rows[r][5]), rows[r][5] } };
			if (!lower) {
				add_words(doc, pg, y + 6.0, w, 4);
				continue;
			}
			/* The figures on a line of their own, the labels' second lines under them. */
			add_words(doc, pg, y + 5.0, (const word[]){ w[1], w[3] }, 2);
			add_words(doc, pg, y + 10.0, (const word[]){ w[0], w[2] }, 2);
		}
		add_words(doc, pg, 184.0,
		          (const word[]){ { 44.5, "收入总计" }, { 200.0 - 4.5 * 12, "5,624,301.75" }, { 210.0, "支出总计" },
		                          { 400.0 - 4.5 * 12, "5,624,301.75" } },
		          4);
		found_vec out = { 0 };
		unruled_find(doc, pg, &out);
		assert_int_equal(out.len, 1);
		const found_table *ft = &out.items[0];
		assert_int_equal(ft->ncols, 4);
		assert_int_equal(ft->nrows, 4);
		assert_string_equal(found_cell(ft, 0, 1), "本年预算");
		assert_string_equal(found_cell(ft, 0, 3), "合计");
		assert_string_equal(found_cell(ft, 1, 0), "一、一般公共预算拨款");
		assert_string_equal(found_cell(ft, 1, 1), "5,004,562.37");
		assert_string_equal(found_cell(ft, 1, 2), "一、一般公共服务支出");
		assert_string_equal(found_cell(ft, 2, 0), "二、政府性基金预算拨款");
		doc_free(doc);
	}
}

/*
 * Side-by-side blocks of code | name | amount (基本支出决算表, ind-0065 p7) whose
 * 人员经费合计 is centred across the first block's code and name columns and is wider
 * than any name: it spans the two columns, it does not join them into one.
 */
static void test_unruled_named_total_across_code_and_name(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100.0,
	          (const word[]){ { 44.5, "科目代码" }, { 90.0, "科目名称" }, { 164.0, "决算数" }, { 210.0, "科目代码" },
	                          { 256.0, "科目名称" }, { 373.0, "决算数" } },
	          6);
	static const char *const rows[][6] = {
		{ "30101", "基本工资", "120686.66", "30201", "办公费", "13482.61" },
		{ "30102", "津贴补贴", "64479.28", "30205", "水费", "70367.47" },
		{ "30103", "奖金", "31000.00", "30206", "电费", "33050.56" },
	};
	for (size_t r = 0; r < 3; r++) {
		word w[6];
		for (size_t c = 0; c < 6; c++) {
			double x = c % 3 == 2 ? (c == 2 ? 200.0 : 400.0) - 4.5 * (double)strlen(rows[r][c])
			                      : (c < 3 ? 44.5 : 210.0) + (c % 3 ? 37.0 : 0.0);
			w[c] = (word){ x, rows[r][c] };
		}
		add_words(doc, pg, 116.0 + 15.0 * (double)r, w, 6);
	}
	add_words(doc, pg, 161.0,
	          (const word[]){ { 55.0, "人员经费合计" }, { 200.0 - 4.5 * 9, "216165.94" }, { 226.0, "公用经费合计" },
	                          { 400.0 - 4.5 * 9, "116900.64" } },
	          4);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 6);
	assert_string_equal(found_cell(ft, 1, 0), "30101");
	assert_string_equal(found_cell(ft, 1, 1), "基本工资");
	assert_string_equal(found_cell(ft, 3, 1), "奖金");
	assert_string_equal(found_cell(ft, 3, 3), "30206");
	doc_free(doc);
}

/*
 * The last row of a 基本支出 table alone on its page under the header repeated
 * (web-0069 p5): a row of totals printing two figures (人员经费合计 2105775.76
 * 公用经费合计 838322.90) under a header of two lines is a table, not text.
 */
static void test_unruled_lone_totals_row(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100.0, (const word[]){ { 100.0, "人员经费" }, { 300.0, "公用经费" } }, 2);
	add_words(doc, pg, 115.0,
	          (const word[]){ { 30.0, "科目编码" }, { 80.0, "科目名称" }, { 170.0, "金额" }, { 210.0, "科目编码" },
	                          { 260.0, "科目名称" }, { 380.0, "金额" } },
	          6);
	add_words(doc, pg, 131.0,
	          (const word[]){ { 30.0, "人员经费合计" }, { 188.0 - 4.5 * 10, "2105775.76" }, { 210.0, "公用经费合计" },
	                          { 398.0 - 4.5 * 9, "838322.90" } },
	          4);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	bool found = false;
	for (size_t i = 0; i < out.items[0].nrows * out.items[0].ncols; i++)
		found = found || (out.items[0].cells[i].text && strcmp(out.items[0].cells[i].text, "838322.90") == 0);
	assert_true(found);
	doc_free(doc);
}

/*
 * A group title set flush right (单位资金 over 事业收入, 事业单位经营收入 and
 * 其他收入) with cells centred across its row and the one under it on its
 * left (合计, 财政专户管理资金, 科目名称): the title heads only the columns
 * whose cells stand in the row under it, not those beside it.
 */
static void test_unruled_flush_right_group(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 474, "单位资金" } }, 1);
	add_words(doc, pg, 108.8, (const word[]){ { 264, "财政专户" } }, 1);
	add_words(doc, pg, 114.5, (const word[]){ { 80, "科目名称" }, { 212, "合计" } }, 2);
	add_words(doc, pg, 117.7, (const word[]){ { 404, "事业单位" } }, 1);
	add_words(doc, pg, 120.1, (const word[]){ { 264, "管理资金" } }, 1);
	add_words(doc, pg, 123.3, (const word[]){ { 334, "事业收入" }, { 474, "其他收入" } }, 2);
	add_words(doc, pg, 128.9, (const word[]){ { 404, "经营收入" } }, 1);
	static const char *const rows[][6] = {
		{ "一般公共服务支出", "671656.31", "645658.28", "25998.03", "0.00", "0.00" },
		{ "行政运行", "167746.08", "149895.51", "17850.57", "0.00", "0.00" },
		{ "节能环保支出", "269525.30", "258173.91", "0.00", "0.00", "11351.39" },
	};
	static const double right[] = { 0, 230, 300, 370, 440, 510 };
	for (size_t r = 0; r < 3; r++) {
		word w[6] = { { 60, rows[r][0] } };
		for (size_t c = 1; c < 6; c++)
			w[c] = (word){ right[c] - 4.5 * (double)strlen(rows[r][c]), rows[r][c] };
		add_words(doc, pg, 146.6 + 15.0 * (double)r, w, 6);
	}
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 6);
	assert_string_equal(found_cell(ft, 0, 1), "合计");
	assert_string_equal(found_cell(ft, 0, 2), "财政专户管理资金");
	assert_string_equal(found_cell(ft, 0, 3), "单位资金");
	assert_string_equal(found_cell(ft, 0, 5), "(covered)");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 5), "11351.39");
	doc_free(doc);
}

/*
 * A group title set flush left (公务用车购置及运行费 starting where 小计 starts,
 * reaching into 公务用车运行（维护）费) under a side title, its text centred by
 * chance over a wider run (合计 … 公务接待费): it heads the columns it meets,
 * 小计 | 公务用车购置费 | 公务用车运行（维护）费, not 合计 and 因公出国（境）费
 * (ind-0125 p12).
 */
static void test_unruled_flush_left_group(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	const double o = 254; /* the 决算数 side, the same cells again */
	add_words(doc, pg, 100, (const word[]){ { 44, "预算数" }, { 44 + o, "决算数" } }, 2);
	add_words(doc, pg, 112, (const word[]){ { 128, "公务用车购置及运行费" }, { 128 + o, "公务用车购置及运行费" } }, 2);
	add_words(doc, pg, 124,
	          (const word[]){ { 82, "因公出国" }, { 165, "公务用" }, { 206, "公务用车" }, { 261, "公务接" },
	                          { 82 + o, "因公出国" }, { 165 + o, "公务用" }, { 206 + o, "公务用车" }, { 261 + o, "公务接" } },
	          8);
	add_words(doc, pg, 130, (const word[]){ { 44, "合计" }, { 128, "小计" }, { 44 + o, "合计" }, { 128 + o, "小计" } }, 4);
	add_words(doc, pg, 134,
	          (const word[]){ { 82, "（境）费" }, { 165, "车购置" }, { 206, "运行（维" }, { 261, "待费" },
	                          { 82 + o, "（境）费" }, { 165 + o, "车购置" }, { 206 + o, "运行（维" }, { 261 + o, "待费" } },
	          8);
	add_words(doc, pg, 144, (const word[]){ { 165, "费" }, { 206, "护）费" }, { 165 + o, "费" }, { 206 + o, "护）费" } }, 4);
	static const char *const fig[] = { "9199.09", "1243.55", "5750.55", "10.00", "5740.55", "2204.99" };
	static const double right[] = { 77, 118, 160, 195, 250, 290 };
	word w[12];
	for (size_t c = 0; c < 12; c++)
		w[c] = (word){ right[c % 6] + (c < 6 ? 0 : o) - 4.5 * (double)strlen(fig[c % 6]), fig[c % 6] };
	add_words(doc, pg, 160, w, 12);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 12);
	size_t r = 0;
	while (r < ft->nrows && strcmp(found_cell(ft, r, 2), "公务用车购置及运行费") != 0)
		r++;
	assert_true(r < ft->nrows);
	assert_string_equal(found_cell(ft, r, 3), "(covered)");
	assert_string_equal(found_cell(ft, r, 4), "(covered)");
	assert_string_not_equal(found_cell(ft, r, 1), "(covered)");
	assert_string_not_equal(found_cell(ft, r, 5), "(covered)");
	assert_string_equal(found_cell(ft, r, 8), "公务用车购置及运行费");
	assert_string_not_equal(found_cell(ft, r, 7), "(covered)");
	assert_string_equal(found_cell(ft, r + 1, 2), "小计");
	assert_string_equal(found_cell(ft, ft->nrows - 1, 2), "5750.55");
	doc_free(doc);
}

/* Glyphs of text at (x, y0) in size 9, a CJK character 9 wide, any other 4.5, touching. */
static void put_glyphs(document *doc, page *pg, double x, double y0, const char *text)
{
	for (const unsigned char *t = (const unsigned char *)text; *t;) {
		uint32_t cp = *t;
		size_t len = 1;
		if (cp >= 0xE0) {
			cp = ((cp & 0x0F) << 12) | ((t[1] & 0x3F) << 6) | (t[2] & 0x3F);
			len = 3;
		}
		double wd = cp > 0x7F ? 9 : 4.5;
		*VEC_PUSH(doc->arena, &pg->glyphs) = (glyph){ cp, (float)x, (float)y0, (float)(x + wd), (float)(y0 + 9), 9, 0, 0 };
		x += wd;
		t += len;
	}
}

static const textline *line_starting(const page *pg, const char *text)
{
	for (size_t l = 0; l < pg->lines.len; l++)
		if (strncmp(pg->lines.items[l].text, text, strlen(text)) == 0)
			return &pg->lines.items[l];
	return NULL;
}

/*
 * A table running over four pages repeats its header at the top of each: the
 * header row (set in columns) and its last cell wrapped over two lines and
 * centred, so its first line stands a little above the row, recur in the top
 * band like a running header, but are the table's, not furniture; so are the
 * side titles 收入 … 支出 of a 收支总表 (two short words far apart).  The
 * running title above them and the page numbers are.
 */
static void test_furniture_not_repeated_header(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	for (int n = 1; n <= 4; n++) {
		page *pg = add_page(doc, n);
		put_glyphs(doc, pg, 60, 20, "某某局2023年度部门决算");
		put_glyphs(doc, pg, 150, 38, "收入");
		put_glyphs(doc, pg, 420, 38, "支出");
		put_glyphs(doc, pg, 460, 50, "对附属单位补");
		put_glyphs(doc, pg, 30, 56, "科目代码");
		put_glyphs(doc, pg, 120, 56, "科目名称");
		put_glyphs(doc, pg, 300, 56, "合计");
		put_glyphs(doc, pg, 380, 56, "基本支出");
		put_glyphs(doc, pg, 460, 62, "助支出");
		put_glyphs(doc, pg, 40, 80, "201");
		put_glyphs(doc, pg, 120, 80, "一般公共服务支出");
		put_glyphs(doc, pg, 300, 80, "12.50");
		put_glyphs(doc, pg, 290, 820, "- 1 -");
	}
	layout_lines(doc);
	for (size_t p = 0; p < 4; p++) {
		const page *pg = &doc->pages.items[p];
		assert_non_null(line_starting(pg, "某某局"));
		assert_true(line_starting(pg, "某某局")->furniture);
		assert_non_null(line_starting(pg, "- 1 -"));
		assert_true(line_starting(pg, "- 1 -")->furniture);
		assert_non_null(line_starting(pg, "收入"));
		assert_false(line_starting(pg, "收入")->furniture);
		assert_non_null(line_starting(pg, "对附属单位补"));
		assert_false(line_starting(pg, "对附属单位补")->furniture);
		assert_non_null(line_starting(pg, "科目代码"));
		assert_false(line_starting(pg, "科目代码")->furniture);
	}
	doc_free(doc);
}

/*
 * A page ends with a table's title, unit line and header, its rows start the
 * next page (a page break right under the header, nothing repeated): one
 * table on both pages, titled, its columns headed by the words at the foot of
 * the first page, with a header_page_before warning.
 */
static void test_header_at_foot_of_page_before(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *p1 = add_page(doc, 1);
	add_words(doc, p1, 700, (const word[]){ { 200, "部门支出决算表" } }, 1);
	add_words(doc, p1, 716, (const word[]){ { 440, "单位：万元" } }, 1);
	add_words(doc, p1, 732, (const word[]){ { 45, "科目编码" }, { 130, "科目名称" }, { 300, "合计" }, { 380, "基本支出" },
	                                        { 460, "项目支出" } }, 5);
	page *p2 = add_page(doc, 2);
	static const char *const rows[][5] = {
		{ "201", "一般公共服务支出", "30.00", "20.00", "10.00" },
		{ "20101", "人大事务", "30.00", "20.00", "10.00" },
		{ "2010101", "行政运行", "30.00", "20.00", "10.00" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, p2, 60 + 15.0 * (double)r,
		          (const word[]){ { 45, rows[r][0] }, { 130, rows[r][1] }, { 318 - 4.5 * 5, rows[r][2] },
		                          { 416 - 4.5 * 5, rows[r][3] }, { 496 - 4.5 * 5, rows[r][4] } },
		          5);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	const table *t = doc->tables.items[0];
	assert_non_null(t->title);
	assert_string_equal(t->title, "部门支出决算表");
	assert_int_equal(t->parts.len, 2);
	assert_int_equal(t->parts.items[0].page, 1);
	assert_int_equal(t->parts.items[1].page, 2);
	assert_int_equal(t->header_rows, 1);
	assert_string_equal(table_cell((table *)t, 0, 2)->text, "合计");
	assert_string_equal(table_cell((table *)t, 0, 4)->text, "项目支出");
	assert_string_equal(table_cell((table *)t, 1, 0)->text, "201");
	bool warned = false;
	for (size_t k = 0; k < doc->warnings.len; k++)
		warned = warned || strcmp(doc->warnings.items[k].code, "header_page_before") == 0;
	assert_true(warned);
	doc_free(doc);
}

/*
 * A header left at the foot of a page heads two columns its rows on the next
 * page leave blank: 年初结转, set closer to 合计 than a word space, and
 * 年末结转和结余 past the rows' last border by more than three line heights
 * (web-0265 p9-10, web-0258 p2-3).  The header keeps its own seven columns
 * and each column of the rows goes under the one where its text stands, with
 * a header_columns warning.
 */
static void test_foot_header_heads_blank_columns(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *p1 = add_page(doc, 1);
	add_words(doc, p1, 700, (const word[]){ { 200, "部门支出决算表" } }, 1);
	add_words(doc, p1, 716, (const word[]){ { 440, "单位：万元" } }, 1);
	add_words(doc, p1, 732,
	          (const word[]){ { 45, "科目编码" }, { 130, "科目名称" }, { 268, "年初结转" }, { 308, "合计" },
	                          { 370, "基本支出" }, { 450, "项目支出" }, { 525, "年末结转和结余" } },
	          7);
	page *p2 = add_page(doc, 2);
	static const char *const rows[][5] = {
		{ "201", "一般公共服务支出", "30.00", "20.00", "10.00" },
		{ "20101", "人大事务", "30.00", "20.00", "10.00" },
		{ "2010101", "行政运行", "30.00", "20.00", "10.00" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, p2, 60 + 15.0 * (double)r,
		          (const word[]){ { 45, rows[r][0] }, { 130, rows[r][1] }, { 326 - 4.5 * 5, rows[r][2] },
		                          { 406 - 4.5 * 5, rows[r][3] }, { 486 - 4.5 * 5, rows[r][4] } },
		          5);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	table *t = doc->tables.items[0];
	assert_string_equal(t->title, "部门支出决算表");
	assert_int_equal(t->parts.len, 2);
	assert_int_equal(t->ncols, 7);
	assert_int_equal(t->header_rows, 1);
	static const char *const head[] = { "科目编码", "科目名称", "年初结转", "合计", "基本支出", "项目支出", "年末结转和结余" };
	for (size_t c = 0; c < 7; c++)
		assert_string_equal(table_cell(t, 0, c)->text, head[c]);
	static const char *const row[] = { "2010101", "行政运行", "", "30.00", "20.00", "10.00", "" };
	for (size_t c = 0; c < 7; c++) {
		const char *x = table_cell(t, 3, c)->text;
		assert_string_equal(x ? x : "", row[c]);
	}
	bool warned = false;
	for (size_t k = 0; k < doc->warnings.len; k++)
		warned = warned || strcmp(doc->warnings.items[k].code, "header_columns") == 0;
	assert_true(warned);
	doc_free(doc);
}

/*
 * Two columns left blank in the body, their header words wrapped in narrow
 * cells and set closer than a word gap: 上缴上 | 经营支 over 级支出 | 出
 * (ind-0081 p4), where the one-character tail 出 opens its own column rather
 * than join the one beside it, which prints nothing in the body; and 其他收 |
 * 上年结 over 入 | 转 (ind-0094 p3), two single characters less than three
 * widths apart that are no word spaced out (项   目) but the tails of two
 * cells.  Either way the two stay two columns.
 */
static void blank_columns_wrapped(const char *top1, const char *top2, const char *tail1, const char *tail2,
                                  const char *head1, const char *head2)
{
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 40, (const word[]){ { 200, "部门支出决算表" } }, 1);
	add_words(doc, pg, 60,
	          (const word[]){ { 45, "科目编码" }, { 130, "科目名称" }, { 300, "合计" }, { 360, "基本支出" },
	                          { 430, top1 }, { 465, top2 } },
	          6);
	add_words(doc, pg, 72, (const word[]){ { 430, tail1 }, { 465, tail2 } }, 2);
	static const char *const rows[][4] = {
		{ "201", "一般公共服务支出", "30.00", "20.00" },
		{ "20101", "人大事务", "30.00", "20.00" },
		{ "2010101", "行政运行", "30.00", "20.00" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, pg, 90 + 15.0 * (double)r,
		          (const word[]){ { 45, rows[r][0] }, { 130, rows[r][1] }, { 318 - 4.5 * 5, rows[r][2] },
		                          { 396 - 4.5 * 5, rows[r][3] } },
		          4);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	table *t = doc->tables.items[0];
	assert_int_equal(t->ncols, 6);
	assert_string_equal(table_cell(t, 0, 4)->text, head1);
	assert_string_equal(table_cell(t, 0, 5)->text, head2);
	assert_string_equal(table_cell(t, t->header_rows, 2)->text, "30.00");
	doc_free(doc);
}

static void test_unruled_blank_columns_wrapped_headers(void **state)
{
	(void)state;
	blank_columns_wrapped("上缴上", "经营支", "级支出", "出", "上缴上级支出", "经营支出");
	blank_columns_wrapped("其他收", "上年结", "入", "转", "其他收入", "上年结转");
}

/*
 * A header set flush right in a font whose figures' boxes stop short of their
 * advance (ind-0114 p5, ind-0091 p5): every header word ends the same 2.8
 * points past the figures under it, a little more than the bearings allowed
 * one word alone.  The header is flush right all the same, so the group title
 * 基本支出, ending where 公用经费 ends, heads 小计 | 人员经费 | 公用经费 (not
 * the one column it is best centred over).
 */
static void test_unruled_flush_right_same_offset(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	const double off = 2.8;
	add_words(doc, pg, 40, (const word[]){ { 200, "部门支出总表" } }, 1);
	add_words(doc, pg, 60, (const word[]){ { 498 + off - 36, "基本支出" } }, 1);
	add_words(doc, pg, 74,
	          (const word[]){ { 45, "科目编码" }, { 130, "科目名称" }, { 318 + off - 18, "合计" },
	                          { 378 + off - 18, "小计" }, { 438 + off - 36, "人员经费" },
	                          { 498 + off - 36, "公用经费" }, { 558 + off - 36, "项目支出" } },
	          7);
	static const char *const rows[][7] = {
		{ "201", "一般公共服务支出", "60.00", "40.00", "30.00", "10.00", "20.00" },
		{ "20101", "人大事务", "60.00", "40.00", "30.00", "10.00", "20.00" },
		{ "2010101", "行政运行", "60.00", "40.00", "30.00", "10.00", "20.00" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, pg, 92 + 15.0 * (double)r,
		          (const word[]){ { 45, rows[r][0] }, { 130, rows[r][1] }, { 318 - 4.5 * 5, rows[r][2] },
		                          { 378 - 4.5 * 5, rows[r][3] }, { 438 - 4.5 * 5, rows[r][4] },
		                          { 498 - 4.5 * 5, rows[r][5] }, { 558 - 4.5 * 5, rows[r][6] } },
		          7);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	table *t = doc->tables.items[0];
	assert_int_equal(t->ncols, 7);
	assert_non_null(t->paths);
	assert_string_equal(t->paths[3], "基本支出/小计");
	assert_string_equal(t->paths[4], "基本支出/人员经费");
	assert_string_equal(t->paths[5], "基本支出/公用经费");
	assert_string_equal(t->paths[6], "项目支出");
	doc_free(doc);
}

/*
 * An untitled table at the top of a page after a table ending the page
 * before, its columns at the same places, opening with a header of its own
 * (ind-0088 p9-10): 科目编码 | 科目名称 | 合计 are the first table's words,
 * but 基本支出 | 项目支出 over its figures are not (人员经费 | 公用经费 there):
 * two tables, the second kept on its own with a continuation_unjoined warning.
 */
static void test_next_table_own_header(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	static const char *const heads[2][5] = { { "科目编码", "科目名称", "合计", "人员经费", "公用经费" },
		                                 { "科目编码", "科目名称", "合计", "基本支出", "项目支出" } };
	static const char *const rows[2][3][5] = {
		{ { "301", "工资福利支出", "30.00", "30.00", "0.00" },
		  { "30101", "基本工资", "20.00", "20.00", "0.00" },
		  { "30102", "津贴补贴", "10.00", "10.00", "0.00" } },
		{ { "212", "城乡社区支出", "30.00", "0.00", "30.00" },
		  { "21208", "国有土地使用权出让收入安排的支出", "30.00", "0.00", "30.00" },
		  { "2120801", "征地和拆迁补偿支出", "30.00", "0.00", "30.00" } },
	};
	for (int n = 0; n < 2; n++) {
		page *pg = add_page(doc, n + 1);
		if (n == 0)
			add_words(doc, pg, 40, (const word[]){ { 200, "一般公共预算基本支出表" } }, 1);
		add_words(doc, pg, 60,
		          (const word[]){ { 45, heads[n][0] }, { 130, heads[n][1] }, { 300, heads[n][2] },
		                          { 380, heads[n][3] }, { 460, heads[n][4] } },
		          5);
		for (size_t r = 0; r < 3; r++)
			add_words(doc, pg, 76 + 15.0 * (double)r,
			          (const word[]){ { 45, rows[n][r][0] }, { 130, rows[n][r][1] }, { 318 - 4.5 * 5, rows[n][r][2] },
			                          { 416 - 4.5 * 5, rows[n][r][3] }, { 496 - 4.5 * 5, rows[n][r][4] } },
			          5);
	}
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 2);
	assert_int_equal(doc->tables.items[0]->parts.len, 1);
	assert_null(doc->tables.items[1]->title);
	assert_string_equal(table_cell(doc->tables.items[1], 0, 3)->text, "基本支出");
	bool warned = false;
	for (size_t k = 0; k < doc->warnings.len; k++)
		warned = warned || strcmp(doc->warnings.items[k].code, "continuation_unjoined") == 0;
	assert_true(warned);
	doc_free(doc);
}

/*
 * An untitled table at the top of a page after a table ending the page
 * before, opening with header rows of its own (web-0337 p5-6): 收入 | 支出
 * over its label columns only, then 收入项目 | 决算数 | 支出项目 | 决算数,
 * words the table before does not print.  Its columns stand elsewhere, but
 * it is not cut at the borders of that page and joined: two tables.
 */
static void test_next_table_own_header_rows(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 40, (const word[]){ { 200, "一般公共预算支出决算表" } }, 1);
	add_words(doc, pg, 60,
	          (const word[]){ { 45, "科目名称" }, { 250, "支出合计" }, { 350, "基本支出" }, { 450, "项目支出" } }, 4);
	static const char *const a[3][4] = { { "205 教育支出", "30.00", "20.00", "10.00" },
		                             { "20501 教育管理事务", "20.00", "20.00", "0.00" },
		                             { "2050101 行政运行", "10.00", "0.00", "10.00" } };
	for (size_t r = 0; r < 3; r++)
		add_words(doc, pg, 76 + 15.0 * (double)r,
		          (const word[]){ { 45, a[r][0] }, { 286 - 4.5 * 5, a[r][1] }, { 386 - 4.5 * 5, a[r][2] },
		                          { 486 - 4.5 * 5, a[r][3] } },
		          4);
	pg = add_page(doc, 2);
	add_words(doc, pg, 60, (const word[]){ { 45, "收入" }, { 300, "支出" } }, 2);
	add_words(doc, pg, 75,
	          (const word[]){ { 45, "收入项目" }, { 200, "决算数" }, { 300, "支出项目" }, { 450, "决算数" } }, 4);
	static const char *const b[3][4] = { { "一般公共预算财政拨款", "30.00", "教育支出", "30.00" },
		                             { "政府性基金预算财政拨款", "0.00", "城乡社区支出", "0.00" },
		                             { "本年收入合计", "30.00", "本年支出合计", "30.00" } };
	for (size_t r = 0; r < 3; r++)
		add_words(doc, pg, 91 + 15.0 * (double)r,
		          (const word[]){ { 45, b[r][0] }, { 236 - 4.5 * 5, b[r][1] }, { 300, b[r][2] },
		                          { 486 - 4.5 * 5, b[r][3] } },
		          4);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 2);
	assert_int_equal(doc->tables.items[0]->parts.len, 1);
	assert_int_equal(doc->tables.items[0]->nrows, 4);
	assert_null(doc->tables.items[1]->title);
	assert_int_equal(doc->tables.items[1]->parts.items[0].page, 2);
	doc_free(doc);
}

/* Rulings of a grid at xs × ys, but for the inner verticals left of column `merged` in the first
 * row (its first cell spans columns 0 .. merged - 1). */
static void rule_grid(document *doc, page *pg, const double *xs, size_t nx, const double *ys, size_t ny,
                      size_t merged)
{
	for (size_t i = 0; i < ny; i++)
		*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ (float)xs[0], (float)ys[i], (float)xs[nx - 1], (float)ys[i] };
	for (size_t j = 0; j < nx; j++) {
		double top = j > 0 && j < merged ? ys[1] : ys[0];
		*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ (float)xs[j], (float)top, (float)xs[j], (float)ys[ny - 1] };
	}
}

/*
 * A ruled table over two pages (ind-0212 p6-7): its header on the first page
 * one cell over the code columns (科目编码 科目名称 over 类 款 项), repeated
 * in part on the next, a cell a column (类 | 款 | 项 科目名称, the name's
 * word beside the 项 of its code).  Each word of a repeated cell is in the header over its
 * column: the repeated row is dropped, with a continuation_guessed warning,
 * not kept as a row of data.
 */
static void test_continuation_header_cut_otherwise(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	static const double xs[] = { 40, 70, 100, 230, 310, 390 };
	static const double ys[] = { 60, 90, 105, 120 };
	static const char *const rows[2][2][4] = {
		{ { "301", "工资福利支出", "30.00", "30.00" }, { "30101", "基本工资", "20.00", "20.00" } },
		{ { "30102", "津贴补贴", "10.00", "10.00" }, { "30103", "奖金", "5.00", "5.00" } },
	};
	for (int n = 0; n < 2; n++) {
		page *pg = add_page(doc, n + 1);
		if (n == 0) {
			add_words(doc, pg, 40, (const word[]){ { 150, "一般公共预算基本支出表" } }, 1);
			add_words(doc, pg, 63,
			          (const word[]){ { 45, "科目编码" }, { 110, "科目名称" }, { 250, "合计" }, { 330, "人员经费" } },
			          4);
			add_words(doc, pg, 77, (const word[]){ { 45, "类" }, { 75, "款" }, { 105, "项" } }, 3);
		} else {
			add_words(doc, pg, 70,
			          (const word[]){ { 45, "类" }, { 75, "款" }, { 105, "项" }, { 130, "科目名称" },
			                          { 250, "合计" }, { 330, "人员经费" } },
			          6);
		}
		for (size_t r = 0; r < 2; r++)
			add_words(doc, pg, 93 + 15.0 * (double)r,
			          (const word[]){ { 45, rows[n][r][0] }, { 105, rows[n][r][1] }, { 250, rows[n][r][2] },
			                          { 330, rows[n][r][3] } },
			          4);
		rule_grid(doc, pg, xs, 6, ys, 4, n == 0 ? 3 : 1);
	}
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	table *t = doc->tables.items[0];
	assert_int_equal(t->parts.len, 2);
	assert_int_equal(t->nrows, 5);
	assert_string_equal(table_cell(t, 3, 0)->text, "30102");
	bool warned = false;
	for (size_t k = 0; k < doc->warnings.len; k++)
		warned = warned || strcmp(doc->warnings.items[k].code, "continuation_guessed") == 0;
	assert_true(warned);
	doc_free(doc);
}

/*
 * A table ends its page; the next page opens with a lone line of its figures
 * (收入总计 | 30.00 | 支出总计 | 30.00, in a box no recovery reads as a
 * table): the line is no table's, and a continuation_unread warning says that
 * the table's last rows may be missing (ind-0204 p8), where they would be
 * lost silently.
 */
static void test_continuation_unread(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 40, (const word[]){ { 200, "财政拨款收支总表" } }, 1);
	add_words(doc, pg, 60, (const word[]){ { 45, "项目" }, { 200, "金额" }, { 300, "项目" }, { 460, "金额" } }, 4);
	static const char *const rows[3][4] = { { "一、一般公共预算拨款", "30.00", "一般公共服务支出", "20.00" },
		                                { "二、政府性基金预算拨款", "0.00", "教育支出", "10.00" },
		                                { "本年收入合计", "30.00", "本年支出合计", "30.00" } };
	for (size_t r = 0; r < 3; r++)
		add_words(doc, pg, 76 + 15.0 * (double)r,
		          (const word[]){ { 45, rows[r][0] }, { 218 - 4.5 * 5, rows[r][1] }, { 300, rows[r][2] },
		                          { 478 - 4.5 * 5, rows[r][3] } },
		          4);
	pg = add_page(doc, 2);
	add_words(doc, pg, 60, (const word[]){ { 45, "项目" }, { 200, "金额" }, { 300, "项目" }, { 460, "金额" } }, 4);
	add_words(doc, pg, 76,
	          (const word[]){ { 45, "上年结转" }, { 218 - 4.5, "-" }, { 300, "结转下年" }, { 478 - 4.5, "-" } }, 4);
	add_words(doc, pg, 91,
	          (const word[]){ { 45, "收入总计" }, { 218 - 4.5 * 5, "30.00" }, { 300, "支出总计" }, { 478 - 4.5 * 5, "30.00" } },
	          4);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, 55, 560, 55 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, 105, 560, 105 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, 55, 40, 105 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 560, 55, 560, 105 };
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	bool warned = false;
	for (size_t k = 0; k < doc->warnings.len; k++)
		warned = warned || (strcmp(doc->warnings.items[k].code, "continuation_unread") == 0 &&
		                    doc->warnings.items[k].page == 2);
	assert_true(warned);
	doc_free(doc);
}

/*
 * The last rows of one table and, a line below, the next table's title
 * (…表, alone on its line) over its header and rows, set as close as rows:
 * two tables, the title between them belonging to neither body.
 */
static void test_unruled_title_between_tables(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 40, (const word[]){ { 45, "本年收入合计" }, { 200, "40.00" }, { 260, "本年支出合计" }, { 420, "40.00" } }, 4);
	add_words(doc, pg, 54, (const word[]){ { 45, "收入总计" }, { 200, "40.00" }, { 260, "总计" }, { 420, "40.00" } }, 4);
	add_words(doc, pg, 70, (const word[]){ { 45, "部门一般公共预算财政拨款支出决算表" } }, 1);
	add_words(doc, pg, 86, (const word[]){ { 45, "科目编码" }, { 130, "科目名称" }, { 300, "合计" }, { 380, "基本支出" } }, 4);
	add_words(doc, pg, 100, (const word[]){ { 45, "207" }, { 130, "文化旅游体育与传媒支出" }, { 300, "24.00" }, { 380, "24.00" } }, 4);
	add_words(doc, pg, 114, (const word[]){ { 45, "20701" }, { 130, "文化和旅游" }, { 300, "24.00" }, { 380, "24.00" } }, 4);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 2);
	for (size_t k = 0; k < out.len; k++)
		for (size_t i = 0; i < out.items[k].nrows * out.items[k].ncols; i++) {
			const char *t = out.items[k].cells[i].text;
			assert_true(!t || !strstr(t, "决算表"));
		}
	doc_free(doc);
}

/*
 * A header set flush right, one line (web-0036 p4): 项目 ends where the
 * label cell ends, a little left of the 合计 column's figures, and 合计
 * ends over them.  项目 heads the labels to its left, not the figures (项目
 * and 合计 read as one header word, 项目合计), with a header_placed doubt.
 * (基本支出 wraps over two lines: no header line names every column.)
 */
static void test_unruled_flush_right_label_header(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 92, (const word[]){ { 352, "基本" } }, 1);
	add_words(doc, pg, 100, (const word[]){ { 222, "项目" }, { 272, "合计" } }, 2);
	add_words(doc, pg, 108, (const word[]){ { 352, "支出" } }, 1);
	static const char *const rows[][3] = {
		{ "总计", "3253256.00", "2156928.00" },
		{ "教育支出", "845,870.00", "827,766.00" },
		{ "教育管理事务", "845,870.00", "827,766.00" },
		{ "卫生健康支出", "701,263.00", "681,474.00" },
	};
	for (size_t r = 0; r < 4; r++)
		add_words(doc, pg, 118 + 15.0 * (double)r,
		          (const word[]){ { 60, rows[r][0] }, right_at(290, rows[r][1]), right_at(370, rows[r][2]) }, 3);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 3);
	assert_string_equal(found_cell(ft, 0, 0), "项目");
	assert_string_equal(found_cell(ft, 0, 1), "合计");
	assert_string_equal(found_cell(ft, 0, 2), "基本");
	assert_string_equal(found_cell(ft, ft->nrows - 3, 0), "教育支出");
	assert_string_equal(found_cell(ft, ft->nrows - 3, 1), "845,870.00");
	assert_non_null(ft->doubt);
	doc_free(doc);
}

/*
 * A header word spaced out across its cell (independent document ind-0022
 * p2, the 支出 side): 项 and 目 stand two widths apart, right of the labels'
 * extent, 金额 over the figures.  One word heading the labels, not a column
 * 目 of its own left empty; 类 款 项 spaced alike over three code columns
 * stay three heads.
 */
static void test_unruled_spaced_header_word(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 140, "项" }, { 165, "目" }, { 272, "金额" } }, 3);
	static const char *const rows[][2] = {
		{ "外交支出", "301258" }, { "公共安全支出", "353105" }, { "科学技术支出", "34766" },
		{ "社会保障和就业支出", "237395" },
	};
	for (size_t r = 0; r < 4; r++)
		add_words(doc, pg, 118 + 15.0 * (double)r, (const word[]){ { 60, rows[r][0] }, right_at(290, rows[r][1]) }, 2);
	found_vec out = { 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	const found_table *ft = &out.items[0];
	assert_int_equal(ft->ncols, 2);
	assert_non_null(strstr(found_cell(ft, 0, 0), "项"));
	assert_non_null(strstr(found_cell(ft, 0, 0), "目"));
	assert_string_equal(found_cell(ft, 0, 1), "金额");
	assert_string_equal(found_cell(ft, 1, 1), "301258");
	doc_free(doc);

	doc = doc_new("b.pdf");
	pg = add_page(doc, 1);
	add_words(doc, pg, 100, (const word[]){ { 45, "类" }, { 66, "款" }, { 87, "项" }, { 130, "科目名称" }, { 272, "金额" } }, 5);
	static const char *const coded[][5] = {
		{ "208", "", "", "社会保障和就业支出", "237395" },
		{ "208", "05", "", "行政事业单位养老支出", "237395" },
		{ "208", "05", "05", "机关事业单位基本养老保险缴费支出", "237395" },
	};
	for (size_t r = 0; r < 3; r++) {
		word w[5] = { { 45, coded[r][0] } };
		size_t n = 1;
		if (*coded[r][1])
			w[n++] = (word){ 66, coded[r][1] };
		if (*coded[r][2])
			w[n++] = (word){ 87, coded[r][2] };
		w[n++] = (word){ 130, coded[r][3] };
		w[n++] = right_at(450, coded[r][4]);
		add_words(doc, pg, 118 + 15.0 * (double)r, w, n);
	}
	out = (found_vec){ 0 };
	unruled_find(doc, pg, &out);
	assert_int_equal(out.len, 1);
	ft = &out.items[0];
	assert_int_equal(ft->ncols, 5);
	assert_string_equal(found_cell(ft, 0, 0), "类");
	assert_string_equal(found_cell(ft, 0, 1), "款");
	assert_string_equal(found_cell(ft, 0, 2), "项");
	doc_free(doc);
}

/*
 * A ruled table whose verticals at the cells spanning header rows are drawn
 * a little above its top rule (a browser's print, web-0035 p2), the caption
 * line 部门：… 单位：万元 set between their ends and the rule: the caption
 * stays the table's caption (entity and unit), no row of the grid, and the
 * header paths carry no part of it.
 */
static void test_ruled_verticals_past_top(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 89, (const word[]){ { 45, "部门：某某局" }, { 430, "单位：万元" } }, 2);
	add_words(doc, pg, 104, (const word[]){ { 45, "科目名称" }, { 200, "合计" }, { 380, "基本支出" } }, 3);
	add_words(doc, pg, 119, (const word[]){ { 45, "教育支出" }, right_at(295, "845.00"), right_at(475, "800.00") }, 3);
	add_words(doc, pg, 134, (const word[]){ { 45, "合计" }, right_at(295, "845.00"), right_at(475, "800.00") }, 3);
	for (int y = 100; y <= 145; y += 15)
		*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, (float)y, 480, (float)y };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, 88, 40, 145 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 120, 88, 120, 145 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 300, 100, 300, 145 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 480, 100, 480, 145 };
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	const table *t = doc->tables.items[0];
	assert_string_equal(table_cell((table *)t, 0, 0)->text, "科目名称");
	assert_string_equal(table_cell((table *)t, 0, 1)->text, "合计");
	assert_non_null(t->entity);
	assert_non_null(strstr(t->entity, "某某局"));
	assert_non_null(t->unit);
	assert_string_equal(t->unit, "万元");
	doc_free(doc);
}

/*
 * A basic expenditure detail table split in halves (人员经费 | 公用经费), the
 * ruled row of those two group titles left alone at the foot of a page under
 * the title, the rest on the next page untitled, opening with its own header
 * row (科目编码 科目名称 金额, twice: web-0057 p12-13).  The two titles' borders
 * are the table's: they are its first header row, one table on two pages,
 * with a continuation_widened warning.
 */
static void test_ruled_group_header_at_foot(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 780, (const word[]){ { 120, "一般公共预算财政拨款基本支出决算明细表" } }, 1);
	add_words(doc, pg, 804, (const word[]){ { 130, "人员经费" }, { 350, "公用经费" } }, 2);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, 800, 480, 800 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, 816, 480, 816 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, 800, 40, 816 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 260, 800, 260, 816 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 480, 800, 480, 816 };
	pg = add_page(doc, 2);
	add_words(doc, pg, 44, (const word[]){ { 45, "科目编码" }, { 105, "科目名称" }, { 205, "金额" }, { 265, "科目编码" },
	                                       { 325, "科目名称" }, { 425, "金额" } }, 6);
	add_words(doc, pg, 60, (const word[]){ { 45, "301" }, { 105, "工资福利支出" }, right_at(255, "466806.51"), { 265, "302" },
	                                       { 325, "商品和服务支出" }, right_at(475, "118619.38") }, 6);
	add_words(doc, pg, 76, (const word[]){ { 45, "30101" }, { 105, "基本工资" }, right_at(255, "120686.66"), { 265, "30201" },
	                                       { 325, "办公费" }, right_at(475, "20310.00") }, 6);
	for (int y = 40; y <= 88; y += 16)
		*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 40, (float)y, 480, (float)y };
	static const float xs[] = { 40, 100, 200, 260, 320, 420, 480 };
	for (size_t i = 0; i < sizeof xs / sizeof *xs; i++)
		*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ xs[i], 40, xs[i], 88 };
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	table *t = doc->tables.items[0];
	assert_int_equal(t->ncols, 6);
	assert_int_equal(t->nrows, 4);
	assert_string_equal(table_cell(t, 0, 0)->text, "人员经费");
	assert_string_equal(table_cell(t, 0, 3)->text, "公用经费");
	assert_string_equal(table_cell(t, 1, 2)->text, "金额");
	assert_string_equal(table_cell(t, 2, 5)->text, "118619.38");
	bool warned = false;
	for (size_t i = 0; i < doc->warnings.len; i++)
		warned = warned || strcmp(doc->warnings.items[i].code, "continuation_widened") == 0;
	assert_true(warned);
	doc_free(doc);
}

/* Does a table of the document hold a cell with this text? */
static bool table_holds(const table *t, const char *text)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		if (t->cells[i].text && strcmp(t->cells[i].text, text) == 0)
			return true;
	return false;
}

/*
 * Two tables printed empty on one page as their header alone, each over the
 * note saying so (web-0010 p9): under its title, header lines of three words
 * or more, the note right under them.  Two tables, every row of each its
 * header; the notes stay paragraphs, each on its page.
 */
static void test_unruled_blank_header_over_note(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 40, (const word[]){ { 200, "政府性基金预算支出情况表" } }, 1);
	add_words(doc, pg, 56, (const word[]){ { 500, "单位：元" } }, 1);
	add_words(doc, pg, 72, (const word[]){ { 60, "科目编码" }, { 200, "项目" }, { 320, "本年预算" } }, 3);
	add_words(doc, pg, 84, (const word[]){ { 320, "合计" }, { 400, "基本支出" }, { 500, "项目支出" } }, 3);
	add_words(doc, pg, 100, (const word[]){ { 45, "本部门没有使用政府性基金预算拨款安排的支出，故本表无数据。" } }, 1);
	add_words(doc, pg, 140, (const word[]){ { 45, "预算08表" } }, 1);
	add_words(doc, pg, 156, (const word[]){ { 45, "单位：元" } }, 1);
	add_words(doc, pg, 172, (const word[]){ { 60, "功能分类科目编码" }, { 200, "科目名称" }, { 320, "合计" }, { 400, "基本支出" },
	                                        { 500, "项目支出" } }, 5);
	add_words(doc, pg, 196, (const word[]){ { 45, "本部门没有使用国有资本经营预算拨款安排的支出，故本表无数据。" } }, 1);
	tables_recover(doc);
	prose_blocks(doc);
	assert_int_equal(doc->tables.len, 2);
	for (size_t i = 0; i < 2; i++) {
		const table *t = doc->tables.items[i];
		assert_int_equal(t->header_rows, t->nrows);
		assert_true(table_holds(t, "基本支出"));
		assert_true(table_holds(t, "项目支出"));
	}
	assert_non_null(doc->tables.items[0]->title);
	assert_string_equal(doc->tables.items[0]->title, "政府性基金预算支出情况表");
	size_t notes = 0;
	for (size_t b = 0; b < doc->blocks.len; b++)
		notes += strstr(doc->blocks.items[b].text, "本表无数据") != NULL;
	assert_int_equal(notes, 2);
	doc_free(doc);
}


/*
 * A zebra-printed 财政拨款收支总表 (web-0075 p7) whose shaded header band and first
 * row make a frame of one column: the row's label wrapped round its figures runs
 * into them in the cell (一、一般公共服务支4,203,207 1,110,737 1,110,737), three
 * amounts side by side, so the frame is no grid and its lines are read with the
 * rows under it: each figure in a cell of its own.
 */
static void test_frame_of_one_column_round_a_row(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 102, (const word[]){ { 40, "收入项目" }, { 160, "金额" }, { 210, "支出项目" }, { 330, "合计" },
	                                        { 390, "一般公共预算" } }, 5);
	add_words(doc, pg, 126, (const word[]){ { 40, "一、一般公共预算财" }, { 210, "一、一般公共服务支" } }, 2);
	add_words(doc, pg, 132, (const word[]){ { 200 - 4.5 * 9, "4,203,207" }, { 350 - 4.5 * 9, "1,110,737" },
	                                        { 450 - 4.5 * 9, "1,110,737" } }, 3);
	add_words(doc, pg, 138, (const word[]){ { 40, "政拨款" }, { 210, "出" } }, 2);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 98, 455, 98 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 120, 455, 120 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 150, 455, 150 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 98, 35, 150 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 455, 98, 455, 150 };
	add_words(doc, pg, 156, (const word[]){ { 40, "二、政府性基金" }, { 200 - 4.5 * 1, "-" }, { 210, "二、教育支出" },
	                                        { 350 - 4.5 * 9, "1,061,456" }, { 450 - 4.5 * 9, "1,061,456" } }, 5);
	add_words(doc, pg, 171, (const word[]){ { 40, "本年收入合计" }, { 200 - 4.5 * 9, "4,203,207" }, { 210, "本年支出合计" },
	                                        { 350 - 4.5 * 9, "2,172,193" }, { 450 - 4.5 * 9, "2,172,193" } }, 5);
	tables_recover(doc);
	bool alone = false;
	for (size_t i = 0; i < doc->tables.len; i++) {
		alone = alone || table_holds(doc->tables.items[i], "4,203,207");
		for (size_t c = 0; c < doc->tables.items[i]->nrows * doc->tables.items[i]->ncols; c++) {
			const char *text = doc->tables.items[i]->cells[c].text;
			assert_true(!text || !strstr(text, "支4,203,207"));
		}
	}
	assert_true(alone);
	doc_free(doc);
}

/*
 * A zebra-printed table going on at the top of a page (web-0380 p7): its
 * repeated header band and first row, left blank (30231 公务用车运行维护费 - - -),
 * make a frame of one column.  The row's values left blank, side by side at the
 * end of its line, make the frame no grid: its lines are read with the rows
 * under it, each dash in a cell of its own.
 */
static void test_frame_of_one_column_blank_row(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 102, (const word[]){ { 40, "科目编码" }, { 100, "科目名称" }, { 300, "合计" }, { 380, "人员经费" },
	                                        { 460, "公用经费" } }, 5);
	add_words(doc, pg, 126, (const word[]){ { 40, "30231" }, { 100, "公务用车运行维护费" }, { 330 - 4.5, "-" },
	                                        { 420 - 4.5, "-" }, { 500 - 4.5, "-" } }, 5);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 98, 505, 98 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 120, 505, 120 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 138, 505, 138 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 98, 35, 138 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 505, 98, 505, 138 };
	static const char *const rows[][5] = {
		{ "303", "对个人和家庭的补助", "405879.70", "405879.70", "-" },
		{ "30302", "退休费", "405879.70", "405879.70", "-" },
	};
	for (size_t r = 0; r < 2; r++)
		add_words(doc, pg, 141 + 13.0 * (double)r,
		          (const word[]){ { 40, rows[r][0] }, { 100, rows[r][1] }, right_at(330, rows[r][2]),
		                          right_at(420, rows[r][3]), right_at(500, rows[r][4]) },
		          5);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	const table *t = doc->tables.items[0];
	assert_int_equal(t->ncols, 5);
	assert_true(table_holds(t, "公务用车运行维护费"));
	assert_true(table_holds(t, "30302"));
	doc_free(doc);
}

/*
 * The same band round the header and a first row of two amounts on one line
 * (收入支出决算总表, web-0073 p2): two amounts side by side in a frame of one
 * column are enough to make it no grid.
 */
static void test_frame_of_one_column_two_amounts(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 102, (const word[]){ { 40, "收入项目" }, { 170, "本年决算数" }, { 210, "项目" },
	                                        { 370, "本年决算数" } }, 4);
	add_words(doc, pg, 128, (const word[]){ { 40, "一、事业收入" }, { 215 - 4.5 * 10, "3445619.56" },
	                                        { 220, "一、教育支出" }, { 415 - 4.5 * 10, "1412306.10" } }, 4);
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 98, 420, 98 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 120, 420, 120 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 142, 420, 142 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, 98, 35, 142 };
	*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 420, 98, 420, 142 };
	add_words(doc, pg, 148, (const word[]){ { 40, "二、其他收入" }, { 215 - 4.5 * 9, "857985.58" },
	                                        { 220, "二、卫生健康支出" }, { 415 - 4.5 * 9, "651013.49" } }, 4);
	add_words(doc, pg, 163, (const word[]){ { 40, "本年收入合计" }, { 215 - 4.5 * 10, "4303605.14" },
	                                        { 220, "本年支出合计" }, { 415 - 4.5 * 10, "2063319.59" } }, 4);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	assert_true(table_holds(doc->tables.items[0], "3445619.56"));
	assert_true(table_holds(doc->tables.items[0], "一、教育支出"));
	assert_int_equal(doc->tables.items[0]->ncols, 4);
	doc_free(doc);
}

/*
 * A ruled list of projects (shenzhen-hrss p43, printed page 40: 单位 | 项目 |
 * 金额 | 项目概述) whose last column is prose with figures in its sentences
 * (不低于 935 人，… 不低于 5,600 人): figures among words are not amounts side
 * by side, so the grid stands, each amount in its cell.
 */
static void test_grid_with_prose_figures(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	static const double ys[] = { 100, 120, 140, 160, 180 };
	for (size_t i = 0; i < 5; i++)
		*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, ys[i], 560, ys[i] };
	static const double xs[] = { 35, 150, 260, 330, 560 };
	for (size_t i = 0; i < 5; i++)
		*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ xs[i], 100, xs[i], 180 };
	add_words(doc, pg, 106, (const word[]){ { 40, "二级预算单位名称" }, { 155, "一级项目名称" }, { 265, "预算数" },
	                                        { 335, "绩效目标" } }, 4);
	static const char *const rows[][3] = { { "社会保障管理", "684.15", "935" },
	                                       { "社会保险专项经费", "29.40", "11" },
	                                       { "社会保障管理", "740.38", "62" } };
	for (size_t r = 0; r < 3; r++)
		add_words(doc, pg, 126 + 20 * r,
		          (const word[]){ { 40, "深圳市社会保险基金管理局" }, { 155, rows[r][0] },
		                          { 325 - 4.5 * strlen(rows[r][1]), rows[r][1] }, { 335, "计划不低于" },
		                          { 386, rows[r][2] }, { 405, "人，补贴不低于" }, { 474, "5,600" },
		                          { 502, "人。" } },
		          8);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	const table *t = doc->tables.items[0];
	assert_int_equal(t->ncols, 4);
	assert_int_equal(t->nrows, 4);
	assert_string_equal(table_cell(t, 1, 2)->text, "684.15");
	assert_string_equal(table_cell(t, 3, 2)->text, "740.38");
	assert_non_null(strstr(table_cell(t, 2, 3)->text, "5,600"));
	for (size_t k = 0; k < doc->warnings.len; k++)
		assert_string_not_equal(doc->warnings.items[k].code, "grid_unread");
	doc_free(doc);
}

/*
 * The same project list with figures set next to one another in its sentences
 * (不低于 935 1,600 人): the frame is taken for one that does not separate its
 * columns and left to the alignment of the text, which finds no table in
 * lines of prose; the text stays paragraphs, and a grid_unread warning says so.
 */
static void test_frame_unread_is_said(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	static const double ys[] = { 100, 120, 140, 160, 180 };
	for (size_t i = 0; i < 5; i++)
		*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ 35, ys[i], 560, ys[i] };
	static const double xs[] = { 35, 150, 260, 330, 560 };
	for (size_t i = 0; i < 5; i++)
		*VEC_PUSH(doc->arena, &pg->rulings) = (ruling){ xs[i], 100, xs[i], 180 };
	add_words(doc, pg, 106, (const word[]){ { 40, "二级预算单位名称" }, { 155, "一级项目名称" }, { 265, "预算数" },
	                                        { 335, "绩效目标" } }, 4);
	static const char *const rows[][3] = { { "社会保障管理", "684.15", "935" },
	                                       { "社会保险专项经费", "29.40", "11" },
	                                       { "社会保障管理", "740.38", "62" } };
	for (size_t r = 0; r < 3; r++)
		add_words(doc, pg, 126 + 20 * r,
		          (const word[]){ { 40, "深圳市社会保险基金管理局" }, { 155, rows[r][0] },
		                          { 325 - 4.5 * strlen(rows[r][1]), rows[r][1] }, { 335, "计划不低于" },
		                          { 386, rows[r][2] }, { 405, "1,600" }, { 434, "人，补贴不低于" },
		                          { 503, "5,600" }, { 530, "人。" } },
		          9);
	tables_recover(doc);
	bool said = false;
	for (size_t k = 0; k < doc->warnings.len; k++)
		said = said || (strcmp(doc->warnings.items[k].code, "grid_unread") == 0 &&
		                doc->warnings.items[k].page == 1);
	assert_int_equal(doc->tables.len, 0);
	assert_true(said);
	doc_free(doc);
}

/*
 * An economic-coded 基本支出 table ending page 1 and, at the top of page 2, an
 * untitled table whose header shares its 科目编码 | 科目名称 | 合计 but whose rows
 * are coded in the function classification (212 城乡社区支出, ind-0088 p10):
 * two tables, not one continued.
 */
static void test_continuation_other_classification(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *p1 = add_page(doc, 1);
	add_words(doc, p1, 600, (const word[]){ { 200, "部门预算基本支出预算表" } }, 1);
	add_words(doc, p1, 630, (const word[]){ { 45, "科目编码" }, { 110, "科目名称" }, { 300, "合计" }, { 380, "人员经费" },
	                                         { 470, "公用经费" } }, 5);
	static const char *const econ[][5] = {
		{ "301", "工资福利支出", "20.00", "20.00", "0.00" },
		{ "30101", "基本工资", "20.00", "20.00", "0.00" },
		{ "302", "商品和服务支出", "10.00", "0.00", "10.00" },
		{ "30201", "办公费", "10.00", "0.00", "10.00" },
	};
	for (size_t r = 0; r < 4; r++)
		add_words(doc, p1, 650 + 15.0 * (double)r,
		          (const word[]){ { 45, econ[r][0] }, { 110, econ[r][1] }, right_at(330, econ[r][2]),
		                          right_at(420, econ[r][3]), right_at(510, econ[r][4]) },
		          5);
	page *p2 = add_page(doc, 2);
	add_words(doc, p2, 60, (const word[]){ { 45, "科目编码" }, { 110, "科目名称" }, { 300, "合计" }, { 380, "基本支出" },
	                                        { 470, "项目支出" } }, 5);
	static const char *const func[][5] = {
		{ "212", "城乡社区支出", "7.00", "0.00", "7.00" },
		{ "21208", "国有土地使用权出让收入安排的支出", "7.00", "0.00", "7.00" },
		{ "2120801", "征地和拆迁补偿支出", "7.00", "0.00", "7.00" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, p2, 80 + 15.0 * (double)r,
		          (const word[]){ { 45, func[r][0] }, { 110, func[r][1] }, right_at(330, func[r][2]),
		                          right_at(420, func[r][3]), right_at(510, func[r][4]) },
		          5);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 2);
	assert_true(table_holds(doc->tables.items[0], "30201"));
	assert_false(table_holds(doc->tables.items[0], "212"));
	assert_true(table_holds(doc->tables.items[1], "212"));
	assert_true(table_holds(doc->tables.items[1], "基本支出"));
	doc_free(doc);
}

/*
 * An unruled 基本支出 table ending page 1, its codes and names in one
 * column (301 工资福利支出), going on at the top of page 2 with the codes set
 * apart from the names (a column more) and a name longer than any of page 1,
 * past page 1's label border (web-0424 p6-7).  Page 2 is cut at page 1's
 * borders but for its own label border, with nothing of page 1 between:
 * one table, the long name whole, its figure in the 合计 column.
 */
static void test_continuation_more_columns_long_label(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *p1 = add_page(doc, 1);
	add_words(doc, p1, 600, (const word[]){ { 200, "一般公共预算基本支出表" } }, 1);
	add_words(doc, p1, 630, (const word[]){ { 45, "科目编码及名称" }, { 300, "合计" }, { 380, "人员经费" },
	                                         { 470, "公用经费" } }, 4);
	static const char *const rows1[][4] = {
		{ "301 工资福利支出", "30.00", "30.00", "0.00" },
		{ "30101 基本工资", "20.00", "20.00", "0.00" },
		{ "30102 津贴补贴", "10.00", "10.00", "0.00" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, p1, 650 + 15.0 * (double)r,
		          (const word[]){ { 45, rows1[r][0] }, right_at(330, rows1[r][1]), right_at(420, rows1[r][2]),
		                          right_at(510, rows1[r][3]) },
		          4);
	page *p2 = add_page(doc, 2);
	add_words(doc, p2, 60, (const word[]){ { 45, "科目编码及名称" }, { 300, "合计" }, { 380, "人员经费" },
	                                        { 470, "公用经费" } }, 4);
	static const char *const rows2[][5] = {
		{ "30108", "机关事业单位基本养老保险缴费", "71.50", "71.50", "0.00" },
		{ "30113", "住房公积金", "9.00", "9.00", "0.00" },
		{ "302", "商品和服务支出", "5.00", "0.00", "5.00" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, p2, 80 + 15.0 * (double)r,
		          (const word[]){ { 45, rows2[r][0] }, { 85, rows2[r][1] }, right_at(330, rows2[r][2]),
		                          right_at(420, rows2[r][3]), right_at(510, rows2[r][4]) },
		          5);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	table *t = doc->tables.items[0];
	assert_int_equal(t->parts.len, 2);
	assert_int_equal(t->ncols, 4);
	bool whole = false;
	for (size_t r = 0; r < t->nrows; r++) {
		const char *label = table_cell(t, r, 0)->text, *total = table_cell(t, r, 1)->text;
		if (label && strstr(label, "机关事业单位基本养老保险缴费")) {
			whole = total && strcmp(total, "71.50") == 0;
			assert_non_null(strstr(label, "30108"));
		}
	}
	assert_true(whole);
	doc_free(doc);
}

/*
 * The same with a column fewer on page 2 (web-0346 p12-13): its 基本支出
 * column prints nothing there, so its rows give one border less, and a
 * name longer than any of page 1 runs past page 1's name border.  Each of
 * page 2's borders stands for page 1's nearest: the long name stays whole.
 */
static void test_continuation_fewer_columns_long_label(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *p1 = add_page(doc, 1);
	add_words(doc, p1, 600, (const word[]){ { 200, "政府性基金预算支出表" } }, 1);
	add_words(doc, p1, 630, (const word[]){ { 45, "科目编码" }, { 100, "科目名称" }, { 300, "合计" }, { 380, "基本支出" },
	                                         { 460, "项目支出" } }, 5);
	static const char *const rows1[][5] = {
		{ "212", "城乡社区支出", "90.00", "10.00", "80.00" },
		{ "21201", "行政运行", "10.00", "10.00", "0.00" },
		{ "21208", "土地开发支出", "80.00", "0.00", "80.00" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, p1, 646 + 15.0 * (double)r,
		          (const word[]){ { 45, rows1[r][0] }, { 100, rows1[r][1] }, right_at(330, rows1[r][2]),
		                          right_at(420, rows1[r][3]), right_at(500, rows1[r][4]) },
		          5);
	page *p2 = add_page(doc, 2);
	static const char *const rows2[][4] = {
		{ "2120801", "国有土地使用权出让收入安排的拆迁支出", "22.00", "22.00" },
		{ "2120802", "土地开发支出", "58.00", "58.00" },
		{ "2120803", "城市建设支出", "3.00", "3.00" },
	};
	for (size_t r = 0; r < 3; r++)
		add_words(doc, p2, 60 + 15.0 * (double)r,
		          (const word[]){ { 45, rows2[r][0] }, { 100, rows2[r][1] }, right_at(330, rows2[r][2]),
		                          right_at(500, rows2[r][3]) },
		          4);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	table *t = doc->tables.items[0];
	assert_int_equal(t->parts.len, 2);
	assert_int_equal(t->ncols, 5);
	assert_true(table_holds(t, "国有土地使用权出让收入安排的拆迁支出"));
	assert_true(table_holds(t, "2120803"));
	doc_free(doc);
}

/*
 * A table whose header (科目编码及名称 | 合计 | 基本支出 | 公用经费, 人员经费
 * under 基本支出) ends page 1, going on at the top of page 2 under the same
 * header printed in one line (基本支出人员经费): 科目编码及名称 opening a row
 * with three cells after it is no form's 项目名称 line with the next value, but
 * the header again: one table, the repeated header dropped.
 */
static void test_continuation_header_one_line(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *p1 = add_page(doc, 1);
	add_words(doc, p1, 600, (const word[]){ { 200, "一般公共预算基本支出表" } }, 1);
	add_words(doc, p1, 630, (const word[]){ { 45, "科目编码及名称" }, { 300, "合计" }, { 380, "基本支出" } }, 3);
	add_words(doc, p1, 645, (const word[]){ { 380, "人员经费" }, { 470, "公用经费" } }, 2);
	static const char *const rows[2][3][4] = {
		{ { "301 工资福利支出", "30.00", "30.00", "0.00" },
		  { "30101 基本工资", "20.00", "20.00", "0.00" },
		  { "30102 津贴补贴", "10.00", "10.00", "0.00" } },
		{ { "30113 住房公积金", "9.00", "9.00", "0.00" },
		  { "302 商品和服务支出", "5.00", "0.00", "5.00" },
		  { "30201 办公费", "5.00", "0.00", "5.00" } },
	};
	page *p2 = add_page(doc, 2);
	add_words(doc, p2, 60, (const word[]){ { 45, "科目编码及名称" }, { 300, "合计" }, { 380, "基本支出人员经费" },
	                                        { 470, "公用经费" } }, 4);
	for (int n = 0; n < 2; n++)
		for (size_t r = 0; r < 3; r++)
			add_words(doc, n ? p2 : p1, (n ? 80 : 660) + 15.0 * (double)r,
			          (const word[]){ { 45, rows[n][r][0] }, right_at(330, rows[n][r][1]),
			                          right_at(420, rows[n][r][2]), right_at(510, rows[n][r][3]) },
			          4);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	table *t = doc->tables.items[0];
	assert_int_equal(t->parts.len, 2);
	assert_false(table_holds(t, "基本支出人员经费"));
	assert_true(table_holds(t, "30201 办公费"));
	doc_free(doc);
}

/*
 * A table ending page 1 goes on at the top of page 2 under its header
 * repeated in one line set apart from the rows by a wide gap (ind-0371 p4),
 * read as no part of them but as their title: the line repeats the header
 * (its characters all the header's), so the rows are the table's
 * continuation, joined with a continuation_guessed warning, and the line is
 * neither a title nor a paragraph.
 */
static void test_continuation_header_set_apart(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	static const char *const rows[2][3][5] = {
		{ { "201", "一般公共服务支出", "30.00", "30.00", "0.00" },
		  { "20101", "人大事务", "20.00", "20.00", "0.00" },
		  { "2010101", "行政运行", "10.00", "10.00", "0.00" } },
		{ { "206", "科学技术支出", "9.00", "9.00", "0.00" },
		  { "20601", "科学技术管理事务", "5.00", "0.00", "5.00" },
		  { "2060101", "行政运行", "5.00", "0.00", "5.00" } },
	};
	for (int n = 0; n < 2; n++) {
		page *pg = add_page(doc, n + 1);
		double y = n ? 60 : 630;
		if (n == 0)
			add_words(doc, pg, 600, (const word[]){ { 200, "部门收入决算表" } }, 1);
		add_words(doc, pg, y, (const word[]){ { 45, "科目编码" }, { 130, "科目名称" }, { 290, "收入合计" },
		                                       { 370, "财政拨款" }, { 450, "事业收入" } }, 5);
		for (size_t r = 0; r < 3; r++)
			add_words(doc, pg, y + (n ? 40 : 16) + 15.0 * (double)r,
			          (const word[]){ { 45, rows[n][r][0] }, { 100, rows[n][r][1] }, right_at(330, rows[n][r][2]),
			                          right_at(410, rows[n][r][3]), right_at(490, rows[n][r][4]) },
			          5);
	}
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	table *t = doc->tables.items[0];
	assert_int_equal(t->parts.len, 2);
	assert_true(table_holds(t, "2060101"));
	bool warned = false;
	for (size_t k = 0; k < doc->warnings.len; k++)
		warned = warned || strcmp(doc->warnings.items[k].code, "continuation_guessed") == 0;
	assert_true(warned);
	const page *p2 = &doc->pages.items[1];
	for (size_t l = 0; l < p2->lines.len; l++)
		assert_true(p2->lines.items[l].in_table);
	doc_free(doc);
}

/*
 * A table ending page 1 whose last row alone stands at the top of page 2,
 * its name wrapped over six lines round its figures (web-0358 p6,
 * web-0330 p5): too few lines for a table of their own, they are laid on
 * the columns of the table before as its row, with a continuation_guessed
 * warning; no figure is left in a paragraph.
 */
static void test_continuation_lone_row_at_top(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *p1 = add_page(doc, 1);
	add_words(doc, p1, 600, (const word[]){ { 200, "收入预算总表" } }, 1);
	add_words(doc, p1, 630, (const word[]){ { 27, "序号" }, { 53, "类" }, { 86, "款" }, { 119, "项" }, { 169, "项目" },
	                                         { 240, "合计" }, { 320, "一般公共预算" }, { 440, "国有资本经营" } }, 8);
	static const char *const rows[][8] = {
		{ "19", "223", "", "", "国有资本", "889,102.99", "", "889,102.99" },
		{ "20", "223", "01", "", "解决历史", "889,102.99", "", "889,102.99" },
	};
	for (size_t r = 0; r < 2; r++)
		add_words(doc, p1, 646 + 15.0 * (double)r,
		          (const word[]){ { 27, rows[r][0] }, { 53, rows[r][1] }, { 86, rows[r][2] }, { 119, rows[r][3] },
		                          { 169, rows[r][4] }, right_at(278, rows[r][5]), right_at(380, rows[r][6]),
		                          right_at(496, rows[r][7]) },
		          8);
	page *p2 = add_page(doc, 2);
	static const char *const label[] = { "其他解", "决历史", NULL, "题及改", "革成本", "支出" };
	for (size_t l = 0; l < 6; l++)
		if (label[l])
			add_words(doc, p2, 23 + 12.0 * (double)l, (const word[]){ { 169, label[l] } }, 1);
		else
			add_words(doc, p2, 47,
			          (const word[]){ { 27, "21" }, { 53, "223" }, { 86, "01" }, { 119, "99" }, { 169, "遗留问" },
			                          right_at(278, "889,102.99"), right_at(496, "889,102.99") },
			          7);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	table *t = doc->tables.items[0];
	assert_int_equal(t->parts.len, 2);
	size_t last = t->nrows - 1;
	assert_string_equal(table_cell(t, last, 0)->text, "21");
	assert_string_equal(table_cell(t, last, 3)->text, "99");
	assert_string_equal(table_cell(t, last, 4)->text, "其他解决历史遗留问题及改革成本支出");
	assert_string_equal(table_cell(t, last, 5)->text, "889,102.99");
	assert_string_equal(table_cell(t, last, 7)->text, "889,102.99");
	bool warned = false;
	for (size_t k = 0; k < doc->warnings.len; k++) {
		warned = warned || strcmp(doc->warnings.items[k].code, "continuation_guessed") == 0;
		assert_string_not_equal(doc->warnings.items[k].code, "continuation_unread");
	}
	assert_true(warned);
	doc_free(doc);
}

/*
 * A blank table in zebra style (browser print, web-0028 p10): its title and
 * unit line, a header whose second line opens with 合计 (合计 | 基本支出 |
 * 项目支出, the column heads), a lone 合计 row with nothing in it, and the
 * note 注：本表无数据。 under it.  One table: the header line opening with
 * 合计 is header, the lone 合计 its row; its one row printing one cell does
 * not make it text; and the note stays a paragraph of its page.
 */
static void test_unruled_blank_table_total_header(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 40, (const word[]){ { 200, "政府性基金预算支出功能分类预算表" } }, 1);
	add_words(doc, pg, 56, (const word[]){ { 500, "单位：元" } }, 1);
	add_words(doc, pg, 72, (const word[]){ { 120, "功能分类科目" } }, 1);
	add_words(doc, pg, 84, (const word[]){ { 300, "合计" }, { 400, "基本支出" }, { 500, "项目支出" } }, 3);
	add_words(doc, pg, 96, (const word[]){ { 45, "编码" }, { 150, "科目名称" } }, 2);
	add_words(doc, pg, 112, (const word[]){ { 150, "合计" } }, 1);
	add_words(doc, pg, 136, (const word[]){ { 45, "注：本表无数据。" } }, 1);
	tables_recover(doc);
	prose_blocks(doc);
	assert_int_equal(doc->tables.len, 1);
	const table *t = doc->tables.items[0];
	assert_non_null(t->title);
	assert_string_equal(t->title, "政府性基金预算支出功能分类预算表");
	assert_true(table_holds(t, "基本支出"));
	assert_true(table_holds(t, "项目支出"));
	assert_true(table_holds(t, "科目名称"));
	/* the last row: 合计 and nothing else */
	size_t last = t->nrows - 1, filled = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		const cell *ce = table_cell((table *)t, last, c);
		if (ce->text && *ce->text) {
			filled++;
			assert_string_equal(ce->text, "合计");
		}
	}
	assert_int_equal(filled, 1);
	bool note = false;
	for (size_t b = 0; b < doc->blocks.len; b++)
		note = note || (doc->blocks.items[b].page == 1 && strcmp(doc->blocks.items[b].text, "注：本表无数据。") == 0);
	assert_true(note);
	doc_free(doc);
}

/*
 * A blank table whose title was left on the page before (web-0029 p10): the
 * page opens with its header lines, a lone 合 计 row, and the note saying the
 * table is empty.  The note stands for the title: one table.  The same lines
 * without the note (short words over a 合计, nothing saying they are a
 * table) stay text.
 */
static void test_unruled_blank_table_under_note(void **state)
{
	(void)state;
	for (int noted = 1; noted >= 0; noted--) {
		document *doc = doc_new("a.pdf");
		page *pg = add_page(doc, 1);
		add_words(doc, pg, 60, (const word[]){ { 60, "科目编码" }, { 360, "本年支出" } }, 2);
		add_words(doc, pg, 72, (const word[]){ { 240, "项目" } }, 1);
		add_words(doc, pg, 84, (const word[]){ { 60, "类" }, { 120, "款" }, { 180, "项" }, { 360, "合计" }, { 450, "基本支出" },
		                                        { 520, "项目支出" } }, 6);
		add_words(doc, pg, 100, (const word[]){ { 200, "合" }, { 215, "计" } }, 2);
		if (noted)
			add_words(doc, pg, 124, (const word[]){ { 60, "本部门无国有资本经营预算财政拨款支出，本表无数据。" } }, 1);
		found_vec out = { 0 };
		unruled_find(doc, pg, &out);
		assert_int_equal(out.len, noted ? 1 : 0);
		if (noted) {
			const found_table *ft = &out.items[0];
			assert_true(ft->blank);
			assert_true(ft->ncols >= 6);
			bool total = false;
			for (size_t c = 0; c < ft->ncols; c++)
				total = total || strcmp(found_cell(ft, ft->nrows - 1, c), "合 计") == 0 ||
				        strcmp(found_cell(ft, ft->nrows - 1, c), "合计") == 0;
			assert_true(total);
		}
		doc_free(doc);
	}
}

/*
 * Two unruled tables set close (web-0262 p2): the summary's last row, then a
 * gap under two line heights but wider than any between its rows by a line
 * height, then the next table's header line of several words and its rows.
 * The header ends the summary: two tables, not one.
 */
static void test_unruled_next_header_close_under(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 40, (const word[]){ { 200, "收支预算总表" } }, 1);
	add_words(doc, pg, 60, (const word[]){ { 60, "收入项目" }, { 200, "预算数" }, { 300, "支出项目" }, { 450, "预算数" } }, 4);
	const char *inc[] = { "一般公共预算拨款收入", "事业收入", "其他收入", "本年收入合计", "收入总计" };
	const char *exp[] = { "教育支出", "科学技术支出", "农林水支出", "本年支出合计", "支出总计" };
	const char *am[] = { "1,000", "200", "300", "1,500", "1,500" };
	for (int r = 0; r < 5; r++)
		add_words(doc, pg, 72 + 12 * r,
		          (const word[]){ { 60, inc[r] }, { 200, am[r] }, { 300, exp[r] }, { 450, am[r] } }, 4);
	/* the summary's last line ends at 129; the next header starts 15 below (under 2 x 9) */
	add_words(doc, pg, 144,
	          (const word[]){ { 40, "科目编码" }, { 120, "科目名称" }, { 250, "总计" }, { 350, "基本支出" }, { 450, "项目支出" } }, 5);
	add_words(doc, pg, 160,
	          (const word[]){ { 40, "201" }, { 120, "一般公共服务支出" }, { 250, "300.00" }, { 350, "200.00" }, { 450, "100.00" } }, 5);
	add_words(doc, pg, 172,
	          (const word[]){ { 40, "205" }, { 120, "教育支出" }, { 250, "800.00" }, { 350, "500.00" }, { 450, "300.00" } }, 5);
	add_words(doc, pg, 184,
	          (const word[]){ { 40, "213" }, { 120, "农林水支出" }, { 250, "400.00" }, { 350, "100.00" }, { 450, "300.00" } }, 5);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 2);
	const table *a = doc->tables.items[0], *b = doc->tables.items[1];
	assert_true(table_holds(a, "收入总计"));
	assert_false(table_holds(a, "基本支出"));
	assert_false(table_holds(a, "一般公共服务支出"));
	assert_true(table_holds(b, "基本支出"));
	assert_true(table_holds(b, "一般公共服务支出"));
	assert_false(table_holds(b, "收入总计"));
	doc_free(doc);
}

/*
 * Two rows under a header, one of them dashes only (ind-0204 p8: 上年结转 - 结转下年
 * - - - over 收入总计 and its figures): a table, though one row alone prints figures.
 */
static void test_unruled_dash_row_pair(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *pg = add_page(doc, 1);
	add_words(doc, pg, 40, (const word[]){ { 200, "财政拨款收支总表" } }, 1);
	add_words(doc, pg, 60,
	          (const word[]){ { 60, "项目" }, { 160, "金额" }, { 240, "项目" }, { 340, "合计" }, { 420, "一般公共预算" } }, 5);
	add_words(doc, pg, 74,
	          (const word[]){ { 60, "上年结转" }, { 170, "-" }, { 240, "结转下年" }, { 350, "-" }, { 440, "-" } }, 5);
	add_words(doc, pg, 88,
	          (const word[]){ { 60, "收入总计" }, { 150, "1,811.62" }, { 240, "支出总计" }, { 330, "1,811.62" }, { 420, "1,702.98" } }, 5);
	tables_recover(doc);
	assert_int_equal(doc->tables.len, 1);
	const table *t = doc->tables.items[0];
	assert_true(table_holds(t, "上年结转"));
	assert_true(table_holds(t, "收入总计"));
	assert_true(table_holds(t, "1,702.98"));
	assert_true(table_holds(t, "一般公共预算"));
	doc_free(doc);
}

/*
 * A paragraph runs on over a page break only onto the next page, and never
 * across a table: a caption line left unclaimed on page 1 and a note under a
 * table on page 3 are two paragraphs, each on its page.
 */
static void test_paragraph_not_across_tables(void **state)
{
	(void)state;
	document *doc = doc_new("a.pdf");
	page *p1 = add_page(doc, 1);
	textline *a = add_line(doc, p1, 700, "部门：某某局");
	a->bb.x0 = 60;
	a->bb.x1 = 540;
	add_page(doc, 2);
	page *p3 = add_page(doc, 3);
	textline *t = add_line(doc, p3, 60, "合计");
	t->in_table = true;
	textline *n = add_line(doc, p3, 90, "注：本表无数据。");
	n->bb.x0 = 60;
	/* the same on one page: a line, a table's line, a line */
	page *p4 = add_page(doc, 4);
	textline *c = add_line(doc, p4, 60, "部门：某某局");
	c->bb.x0 = 60;
	c->bb.x1 = 540;
	add_line(doc, p4, 74, "合计")->in_table = true;
	add_line(doc, p4, 88, "注：本表无数据。")->bb.x0 = 60;
	prose_blocks(doc);
	assert_int_equal(doc->blocks.len, 4);
	assert_int_equal(doc->blocks.items[0].page, 1);
	assert_string_equal(doc->blocks.items[1].text, "注：本表无数据。");
	assert_int_equal(doc->blocks.items[1].page, 3);
	assert_string_equal(doc->blocks.items[3].text, "注：本表无数据。");
	assert_int_equal(doc->blocks.items[3].page, 4);
	doc_free(doc);
}

static void test_heading_levels(void **state)
{
	(void)state;
	assert_int_equal(layout_heading_level("第二部分 部门决算表"), 1);
	assert_int_equal(layout_heading_level("一、收入支出决算总体情况说明"), 2);
	assert_int_equal(layout_heading_level("二十六、其他"), 2);
	assert_int_equal(layout_heading_level("（三）公务接待费"), 3);
	assert_int_equal(layout_heading_level("(一)机关运行经费"), 3);
	assert_int_equal(layout_heading_level("2024年度收、支总计3,260.55万元。"), 0);
	assert_int_equal(layout_heading_level("第一条 根据规定"), 0);
	assert_int_equal(layout_heading_level("1.一般公共预算财政拨款收入"), 0);
}

static void add_block(document *doc, enum block_type type, const char *text, int pageno)
{
	block *b = VEC_PUSH(doc->arena, &doc->blocks);
	b->type = type;
	b->level = type == BLOCK_HEADING ? 1 : 0;
	b->text = arena_strdup(doc->arena, text);
	b->page = pageno;
}

static void test_identity_from_a_cover(void **state)
{
	(void)state;
	/* A cover setting the title over three lines. */
	document *doc = doc_new("t");
	add_block(doc, BLOCK_HEADING, "中共上海市普陀区委", 1);
	add_block(doc, BLOCK_HEADING, "社会工作部2024年度", 1);
	add_block(doc, BLOCK_HEADING, "部门决算", 1);
	add_block(doc, BLOCK_PARAGRAPH, "目 录", 2);
	identity_detect(doc);
	assert_int_equal(doc->kind, KIND_FINAL_ACCOUNTS);
	assert_int_equal(doc->year, 2024);
	assert_string_equal(doc->title, "中共上海市普陀区委社会工作部2024年度部门决算");
	assert_string_equal(doc->department, "中共上海市普陀区委社会工作部");
	doc_free(doc);

	/* The year first, a labelled unit after the title. */
	doc = doc_new("t");
	add_block(doc, BLOCK_HEADING, "上海市2026年市级单位预算", 1);
	add_block(doc, BLOCK_HEADING, "预算单位：上海市医疗保险事业管理中心", 1);
	identity_detect(doc);
	assert_int_equal(doc->kind, KIND_BUDGET);
	assert_int_equal(doc->year, 2026);
	assert_string_equal(doc->department, "上海市医疗保险事业管理中心");
	doc_free(doc);

	doc = doc_new("t");
	add_block(doc, BLOCK_HEADING, "2022年度长沙市行政审批服务局部门整体支出绩效评价结果", 0);
	identity_detect(doc);
	assert_int_equal(doc->kind, KIND_PERFORMANCE);
	assert_string_equal(doc->department, "长沙市行政审批服务局");
	doc_free(doc);
}

static void test_json_string(void **state)
{
	(void)state;
	sbuf sb = SBUF_INIT;
	json_string(&sb, "a\"b\\c\n\t\x01收");
	assert_string_equal(sb.buf, "\"a\\\"b\\\\c\\n\\t\\u0001收\"");
	sbuf_reset(&sb);
	json_string(&sb, "\xFF" "x");
	assert_string_equal(sb.buf, "\"\xEF\xBF\xBDx\"");
	sbuf_reset(&sb);
	json_string(&sb, NULL);
	assert_string_equal(sb.buf, "null");
	sbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_of_income_table),
		cmocka_unit_test(test_header_of_blank_table),
		cmocka_unit_test(test_header_unit_row),
		cmocka_unit_test(test_line_text_code_space),
		cmocka_unit_test(test_header_of_performance_table),
		cmocka_unit_test(test_data_text),
		cmocka_unit_test(test_wrapped_figure),
		cmocka_unit_test(test_wrapped_code_and_name),
		cmocka_unit_test(test_broken_amount),
		cmocka_unit_test(test_caption_parse),
		cmocka_unit_test(test_caption_parse_variants),
		cmocka_unit_test(test_caption_running_title),
		cmocka_unit_test(test_caption_wrapped_title),
		cmocka_unit_test(test_caption_header_pieces_over_top),
		cmocka_unit_test(test_caption_title_across_top),
		cmocka_unit_test(test_caption_part_heading),
		cmocka_unit_test(test_pdf_type3_size),
		cmocka_unit_test(test_unruled_codes_in_box),
		cmocka_unit_test(test_unruled_wide_separators),
		cmocka_unit_test(test_unruled_wide_decimal_points),
		cmocka_unit_test(test_unruled_wrapped_figures_one_row),
		cmocka_unit_test(test_unruled_full_wrapped_lines),
		cmocka_unit_test(test_unruled_wrapped_round_the_point),
		cmocka_unit_test(test_unruled_flush_right_header_two_lines),
		cmocka_unit_test(test_unruled_flush_right_header_fewer_words),
		cmocka_unit_test(test_unruled_figures_stacked_warned),
		cmocka_unit_test(test_unruled_tall_header),
		cmocka_unit_test(test_unruled_narrow_wrapped_header),
		cmocka_unit_test(test_unruled_total_across_code_and_label),
		cmocka_unit_test(test_unruled_gap_header_under_group),
		cmocka_unit_test(test_unruled_block_label_wrapped_round_first_row),
		cmocka_unit_test(test_unruled_block_labels_wrapped_three_lines),
		cmocka_unit_test(test_unruled_flush_left_group),
		cmocka_unit_test(test_unruled_band_edge_piece),
		cmocka_unit_test(test_unruled_rule_under_code_names),
		cmocka_unit_test(test_unruled_title_over_header),
		cmocka_unit_test(test_unruled_code_names_by_rank),
		cmocka_unit_test(test_unruled_total_between_header_columns),
		cmocka_unit_test(test_unruled_flush_right_titles_centred_figures),
		cmocka_unit_test(test_unruled_serial_before_codes),
		cmocka_unit_test(test_unruled_one_wrapped_row),
		cmocka_unit_test(test_unruled_bands_wrapped_codes),
		cmocka_unit_test(test_unruled_wrapped_first_row),
		cmocka_unit_test(test_unruled_side_by_side_blocks),
		cmocka_unit_test(test_unruled_flush_right_group),
		cmocka_unit_test(test_unruled_flush_left_sides),
		cmocka_unit_test(test_unruled_sides_a_word_space_apart),
		cmocka_unit_test(test_unruled_first_labels_wrapped_round_figures),
		cmocka_unit_test(test_unruled_named_total_across_code_and_name),
		cmocka_unit_test(test_unruled_lone_totals_row),
		cmocka_unit_test(test_unruled_tall_shaded_row),
		cmocka_unit_test(test_unruled_tall_shaded_row_coded),
		cmocka_unit_test(test_unruled_wrapped_figures_no_sentence),
		cmocka_unit_test(test_unruled_shaded_row_wrapped_figures),
		cmocka_unit_test(test_unruled_shaded_row_wrapped_tail_beside_label),
		cmocka_unit_test(test_unruled_code_title_past_border),
		cmocka_unit_test(test_unruled_whole_amount_before_year_label),
		cmocka_unit_test(test_unruled_wrapped_code_row_numbered),
		cmocka_unit_test(test_unruled_tight_header_border),
		cmocka_unit_test(test_unruled_figures_wrapped_three_lines),
		cmocka_unit_test(test_unruled_flush_right_bearings),
		cmocka_unit_test(test_unruled_flush_left_group_over_wrapped_cells),
		cmocka_unit_test(test_unruled_centred_header_wide_cells),
		cmocka_unit_test(test_unruled_code_header_centred_over_short_codes),
		cmocka_unit_test(test_unruled_flush_right_header_over_left_codes),
		cmocka_unit_test(test_unruled_label_round_figures),
		cmocka_unit_test(test_unruled_wrapped_header_cells_touching),
		cmocka_unit_test(test_unruled_total_across_codes_ranked_header),
		cmocka_unit_test(test_unruled_total_wider_than_names),
		cmocka_unit_test(test_ruled_group_header_at_foot),
		cmocka_unit_test(test_unruled_blank_rows_pitch),
		cmocka_unit_test(test_furniture_not_repeated_header),
		cmocka_unit_test(test_unruled_last_label_wrapped_centred),
		cmocka_unit_test(test_header_at_foot_of_page_before),
		cmocka_unit_test(test_foot_header_heads_blank_columns),
		cmocka_unit_test(test_next_table_own_header),
		cmocka_unit_test(test_next_table_own_header_rows),
		cmocka_unit_test(test_continuation_header_cut_otherwise),
		cmocka_unit_test(test_continuation_unread),
		cmocka_unit_test(test_unruled_flush_right_same_offset),
		cmocka_unit_test(test_unruled_blank_columns_wrapped_headers),
		cmocka_unit_test(test_unruled_title_between_tables),
		cmocka_unit_test(test_unruled_flush_right_label_header),
		cmocka_unit_test(test_ruled_verticals_past_top),
		cmocka_unit_test(test_unruled_spaced_header_word),
		cmocka_unit_test(test_unruled_blank_table_total_header),
		cmocka_unit_test(test_unruled_blank_header_over_note),
		cmocka_unit_test(test_frame_of_one_column_round_a_row),
		cmocka_unit_test(test_frame_of_one_column_two_amounts),
		cmocka_unit_test(test_frame_of_one_column_blank_row),
		cmocka_unit_test(test_grid_with_prose_figures),
		cmocka_unit_test(test_frame_unread_is_said),
		cmocka_unit_test(test_continuation_other_classification),
		cmocka_unit_test(test_continuation_more_columns_long_label),
		cmocka_unit_test(test_continuation_fewer_columns_long_label),
		cmocka_unit_test(test_continuation_header_one_line),
		cmocka_unit_test(test_continuation_header_set_apart),
		cmocka_unit_test(test_continuation_lone_row_at_top),
		cmocka_unit_test(test_unruled_blank_table_under_note),
		cmocka_unit_test(test_unruled_next_header_close_under),
		cmocka_unit_test(test_unruled_dash_row_pair),
		cmocka_unit_test(test_paragraph_not_across_tables),
		cmocka_unit_test(test_heading_levels),
		cmocka_unit_test(test_identity_from_a_cover),
		cmocka_unit_test(test_json_string),
		cmocka_unit_test(test_cell_text_tall_glyph_boxes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
