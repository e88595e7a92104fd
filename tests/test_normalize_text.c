/*
 * test_normalize_text: text, labels, titles, units and figures in sentences
 * (normalize/text.h, normalize/unit.h, normalize/figures.h).
 *
 * Table-driven; every expected string is written from the rules in text.h:
 * NFKC (full-width to ASCII, Kangxi radicals to ideographs), the radical
 * table, whitespace removed next to CJK and collapsed elsewhere, ordinals and
 * 其中： stripped from labels, invalid UTF-8 as U+FFFD.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/decimal.h"
#include "core/sbuf.h"
#include "normalize/figures.h"
#include "normalize/text.h"
#include "normalize/unit.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct text_case {
	const char *in;
	const char *want;
};

static const struct text_case texts[] = {
	/* spaced-out CJK */
	{ "项    目", "项目" },
	{ "本 年 收 入 合 计", "本年收入合计" },
	{ "项目\r\n名称", "项目名称" },
	{ "\xE3\x80\x80\xE3\x80\x80项目\xE3\x80\x80", "项目" },         /* U+3000 */
	{ "公开 02 表", "公开02表" },
	{ "2024 年度", "2024年度" },
	{ "合计 (万元)", "合计(万元)" },
	{ "\xE2\x80\x9C三公\xE2\x80\x9D 经费", "\xE2\x80\x9C三公\xE2\x80\x9D经费" }, /* “三公” 经费 */
	{ "GDP 增长 5%", "GDP增长5%" },
	/* Latin and digits keep one space */
	{ "  hello   world  ", "hello world" },
	{ "a\tb\nc", "a b c" },
	{ "Total  123", "Total 123" },
	{ "1 2 3", "1 2 3" },
	{ "a\xC2\xA0" "b", "a b" },                                     /* NBSP */
	{ "Total\xE3\x80\x80Revenue", "Total Revenue" },
	/* NFKC: full width, compatibility forms */
	{ "ＡＢＣ１２３", "ABC123" },
	{ "５０％", "50%" },
	{ "（一）工资", "(一)工资" },
	{ "其中：", "其中:" },
	{ "收入，支出；合计", "收入,支出;合计" },
	{ "\xEF\xBD\xB1", "\xE3\x82\xA2" },                             /* half-width ｱ -> ア */
	{ "\xE2\x91\xA0", "1" },                                        /* ① */
	{ "\xE3\x88\xA0", "(一)" },                                     /* ㈠ */
	{ "\xE2\x85\xA3", "IV" },                                       /* Ⅳ */
	{ "\xEF\xAC\x81", "fi" },                                       /* ﬁ */
	{ "\xEF\xA4\x80", "\xE8\xB1\x88" },                             /* U+F900 -> U+8C48 */
	{ "\xE2\xBD\x87", "日" },                                       /* Kangxi ⽇ U+2F47 */
	{ "\xE2\xBE\xA8\xE2\xBD\x94", "門水" },                          /* Kangxi ⾨⽔ */
	/* what NFKC leaves */
	{ "\xE2\x88\x92" "7", "-7" },                                   /* U+2212 */
	{ "⻔", "门" },
	{ "部⻔预算", "部门预算" },
	{ "⻓沙市", "长沙市" },
	{ "⻬", "齐" },
	{ "⺟", "母" },
	{ "⻅⻋⻢⻥", "见车马鱼" },
	{ "〇", "〇" },
	{ "二〇二四年", "二〇二四年" },
	/* invisible characters */
	{ "zero\xE2\x80\x8Bwidth", "zerowidth" },                       /* U+200B */
	{ "\xEF\xBB\xBF项目", "项目" },                                  /* BOM */
	{ "ab\x01" "c", "abc" },
	{ "soft\xC2\xAD" "hyphen", "softhyphen" },                      /* U+00AD */
	/* invalid UTF-8 */
	{ "a\xFF" "b", "a\xEF\xBF\xBD" "b" },
	{ "\xE4\xB8", "\xEF\xBF\xBD" },
	{ "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD" },
	{ "项\xFF目", "项\xEF\xBF\xBD目" },
	/* ends */
	{ "", "" },
	{ "   ", "" },
	{ "\xE3\x80\x80", "" },
};

static void test_norm_text(void **state)
{
	arena *a = arena_new();
	int failed = 0;
	for (size_t i = 0; i < COUNT(texts); i++) {
		const char *got = norm_text(a, texts[i].in);
		if (strcmp(got, texts[i].want) != 0) {
			print_error("norm_text('%s') = '%s', want '%s'\n", texts[i].in, got, texts[i].want);
			failed++;
		}
	}
	assert_string_equal(norm_text(a, NULL), "");
	assert_string_equal(norm_text_n(a, "项 目XYZ", strlen("项 目")), "项目");
	arena_free(a);
	assert_int_equal(failed, 0);
}

static void test_long_text(void **state)
{
	/* Longer than the stack buffers: the heap path must give the same result. */
	arena *a = arena_new();
	sbuf in = SBUF_INIT, want = SBUF_INIT;
	for (int i = 0; i < 400; i++) {
		sbuf_addstr(&in, "收 入 ＡＢ  ⻔ ");
		sbuf_addstr(&want, "收入AB门"); /* every space touches a CJK character */
	}
	assert_string_equal(norm_text(a, in.buf), want.buf);
	sbuf_release(&in);
	sbuf_release(&want);
	/* A character whose NFKC form is 18 code points long (U+FDFA), many times. */
	sbuf_init(&in, 0);
	for (int i = 0; i < 300; i++)
		sbuf_addstr(&in, "\xEF\xB7\xBA");
	const char *got = norm_text(a, in.buf);
	assert_true(strlen(got) > 300 * 18);
	sbuf_release(&in);
	arena_free(a);
}

static const struct text_case squeezed[] = {
	{ "公开 02 表", "公开02表" },
	{ "Total  Revenue", "TotalRevenue" },
	{ " 收 入 支 出 决 算 总 表 ", "收入支出决算总表" },
	{ "（万元）", "(万元)" },
	{ "a b\tc", "abc" },
	{ "部⻔ 预算", "部门预算" },
};

static void test_norm_squeeze(void **state)
{
	arena *a = arena_new();
	int failed = 0;
	for (size_t i = 0; i < COUNT(squeezed); i++) {
		const char *got = norm_squeeze(a, squeezed[i].in);
		if (strcmp(got, squeezed[i].want) != 0) {
			print_error("norm_squeeze('%s') = '%s', want '%s'\n", squeezed[i].in, got,
			            squeezed[i].want);
			failed++;
		}
	}
	assert_string_equal(norm_squeeze(a, NULL), "");
	arena_free(a);
	assert_int_equal(failed, 0);
}

struct label_case {
	const char *in;
	const char *want;
	int ordinal;
	bool subrow;
};

static const struct label_case labels[] = {
	{ "一、一般公共服务支出", "一般公共服务支出", 1, false },
	{ "二、外交支出", "外交支出", 2, false },
	{ "十、关于机关运行经费支出说明", "关于机关运行经费支出说明", 10, false },
	{ "十四、关于2024年度预算绩效管理情况的说明", "关于2024年度预算绩效管理情况的说明", 14, false },
	{ "二十六、抗疫特别国债安排的支出", "抗疫特别国债安排的支出", 26, false },
	{ "一百零五、杂项", "杂项", 105, false },
	{ "（一）工资福利支出", "工资福利支出", 1, false },
	{ "(一)工资福利支出", "工资福利支出", 1, false },
	{ "（十二）其他", "其他", 12, false },
	{ "（二十六）", "", 26, false },
	{ "1.贯彻落实", "贯彻落实", 1, false },
	{ "1．贯彻落实", "贯彻落实", 1, false },
	{ "1、基本支出", "基本支出", 1, false },
	{ "(1)项目支出", "项目支出", 1, false },
	{ "（1）项目支出", "项目支出", 1, false },
	{ "（ 3 ）项目支出", "项目支出", 3, false },
	{ "12. Salaries", "Salaries", 12, false },
	{ "\xE2\x91\xA0" "工资", "工资", 1, false },                    /* ① */
	{ "\xE2\x91\xB3" "其他", "其他", 20, false },                   /* ⑳ */
	{ "  \xE2\x91\xA2 津贴", "津贴", 3, false },                    /* ③ */
	{ "\xE2\x91\xB4" "工资", "工资", 1, false },                    /* ⑴ */
	{ "\xE3\x88\xA1" "工资", "工资", 2, false },                    /* ㈡ */
	{ "一 、 收入", "收入", 1, false },
	{ "三、", "", 3, false },
	{ "其中：基本工资", "基本工资", 0, true },
	{ "其中:基本工资", "基本工资", 0, true },
	{ "  其中：  津贴补贴", "津贴补贴", 0, true },
	{ "其中：1.工资", "工资", 1, true },
	{ "其中：", "", 0, true },
	{ "项    目", "项目", 0, false },
	{ "第一部分 部门概况", "第一部分部门概况", 0, false },
	{ "2024年度", "2024年度", 0, false },
	{ "1.5万元", "1.5万元", 0, false },
	{ "一二三", "一二三", 0, false },
	{ "十百、x", "十百、x", 0, false },
	{ "1000.abc", "1000.abc", 0, false },
	{ "一般公共预算财政拨款", "一般公共预算财政拨款", 0, false },
	{ "其中有关", "其中有关", 0, false },
	{ "", "", 0, false },
};

static void test_norm_label(void **state)
{
	arena *a = arena_new();
	int failed = 0;
	for (size_t i = 0; i < COUNT(labels); i++) {
		const struct label_case *c = &labels[i];
		int ord = -1;
		bool sub = !c->subrow;
		const char *got = norm_label(a, c->in, &ord, &sub);
		if (strcmp(got, c->want) != 0 || ord != c->ordinal || sub != c->subrow) {
			print_error("norm_label('%s') = '%s' %d %d, want '%s' %d %d\n", c->in, got, ord,
			            sub, c->want, c->ordinal, c->subrow);
			failed++;
		}
	}
	/* Either out pointer may be NULL. */
	assert_string_equal(norm_label(a, "（二）商品和服务支出", NULL, NULL), "商品和服务支出");
	assert_string_equal(norm_label(a, NULL, NULL, NULL), "");
	arena_free(a);
	assert_int_equal(failed, 0);
}

static void test_is_cjk(void **state)
{
	assert_true(norm_is_cjk(0x4E00));   /* 一 */
	assert_true(norm_is_cjk(0x3007));   /* 〇 */
	assert_true(norm_is_cjk(0x3001));   /* 、 */
	assert_true(norm_is_cjk(0x20000));  /* CJK Extension B */
	assert_true(norm_is_cjk(0x3400));   /* Extension A */
	assert_true(norm_is_cjk(0x30A2));   /* ア */
	assert_true(norm_is_cjk(0xFF08));   /* （ */
	assert_false(norm_is_cjk('A'));
	assert_false(norm_is_cjk('1'));
	assert_false(norm_is_cjk(0xAC00));  /* Hangul: words are spaced */
	assert_false(norm_is_cjk(0x201C));  /* “ */
}

/* ---- units ---- */

struct unit_case {
	const char *in;
	const char *want; /* NULL: none */
};

static const struct unit_case units[] = {
	{ "单位：万元", "万元" },
	{ "金额单位：元", "元" },
	{ "单位:万元", "万元" },
	{ "（万元）", "万元" },
	{ "(万元)", "万元" },
	{ "(单位：亿元)", "亿元" },
	{ "单位：千元", "千元" },
	{ "单位 ： 万 元", "万元" },
	{ "单位\xE3\x80\x80：\xE3\x80\x80万元", "万元" },
	{ "单位万元", "万元" },
	{ "部门：长沙市行政审批服务局 单位：万元", "万元" },
	{ "单位名称：长沙市行政审批服务局 金额单位：万元", "万元" },
	{ "单位：人民币元", "元" },
	{ "预算数（万元）", "万元" },
	{ "公开01表 单位：元", "元" },
	{ "收入支出决算总表", NULL },
	{ "单位名称", NULL },
	{ "万元", NULL },
	{ "(元/人)", NULL },
	{ "单位：个", NULL },
	{ "编制单位：元宝区财政局", NULL },
	{ "编制单位：元宝区财政局 单位：元", "元" },
	{ "单位：元（列至角分）", "元" },
	{ "", NULL },
};

static void test_norm_unit(void **state)
{
	int failed = 0;
	for (size_t i = 0; i < COUNT(units); i++) {
		const char *got = norm_unit(units[i].in);
		bool same = got && units[i].want ? strcmp(got, units[i].want) == 0 : got == units[i].want;
		if (!same) {
			print_error("norm_unit('%s') = %s, want %s\n", units[i].in, got ? got : "NULL",
			            units[i].want ? units[i].want : "NULL");
			failed++;
		}
	}
	assert_null(norm_unit(NULL));
	assert_int_equal(failed, 0);
	/* The bytes a unit takes, with 金额 before and brackets around it. */
	static const struct {
		const char *in, *taken;
	} spans[] = {
		{ "收入决算表（金额单位：元）", "（金额单位：元）" },
		{ "部门：某局  单位：万元", "单位：万元" },
		{ "预算数(万元)", "(万元)" },
		{ "单位 : 人民币 万元 合计", "单位 : 人民币 万元" },
	};
	for (size_t i = 0; i < COUNT(spans); i++) {
		size_t start = 0, end = 0;
		assert_non_null(norm_unit_span(spans[i].in, &start, &end));
		assert_int_equal(end - start, strlen(spans[i].taken));
		assert_memory_equal(spans[i].in + start, spans[i].taken, end - start);
	}
	/* A unit line and nothing else: what the text reader's meta pieces took (单位：万元,
	   金额单位:元, spaces stripped) and what a header cell that is only a unit holds
	   (（单位：万元）, blanks and a line break around it). */
	static const struct {
		const char *in, *want;
	} lines[] = {
		{ "单位：万元", "万元" },
		{ "金额单位:元", "元" },
		{ "单位:千元", "千元" },
		{ "  （单位：亿元）\n", "亿元" },
		{ "\xE3\x80\x80单位：人民币万元\t", "万元" }, /* U+3000 */
		{ "(万元)", "万元" },
		{ "部门：某局  单位：万元", NULL },
		{ "单位：万元 合计", NULL },
		{ "预算数(万元)", NULL },
		{ "单位名称：某局", NULL },
		{ "", NULL },
	};
	for (size_t i = 0; i < COUNT(lines); i++) {
		const char *got = norm_unit_line(lines[i].in);
		if (got && lines[i].want ? strcmp(got, lines[i].want) != 0 : got != lines[i].want)
			fail_msg("norm_unit_line('%s') = %s, want %s", lines[i].in, got ? got : "NULL",
			         lines[i].want ? lines[i].want : "NULL");
	}
	assert_null(norm_unit_line(NULL));
}

static void check_convert(const char *value, const char *from, const char *to, const char *want)
{
	decimal in, out;
	assert_true(decimal_parse(value, strlen(value), &in));
	bool ok = norm_convert_unit(in, from, to, &out);
	if (!want) {
		assert_false(ok);
		return;
	}
	assert_true(ok);
	sbuf sb = SBUF_INIT;
	decimal_format(out, &sb);
	assert_string_equal(sb.buf, want);
	sbuf_release(&sb);
}

static void test_convert_unit(void **state)
{
	check_convert("1.5", "万元", "元", "15000");
	check_convert("12345", "元", "万元", "1.2345");
	check_convert("3", "亿元", "万元", "30000");
	check_convert("1", "千元", "元", "1000");
	check_convert("3260.55", "万元", "万元", "3260.55");
	check_convert("2.5", "亿元", "元", "250000000");
	check_convert("1", "元", "美元", NULL);
	check_convert("1", "斤", "元", NULL);
	check_convert("922337203685477580", "亿元", "元", NULL); /* overflow */
	check_convert("0.000000001", "元", "亿元", NULL);         /* 17 fraction digits */
	assert_int_equal(norm_unit_exponent("万元"), 4);
	assert_int_equal(norm_unit_exponent(NULL), -1);
	/* The strings norm_unit returns are accepted. */
	decimal out;
	assert_true(norm_convert_unit(decimal_from_int(7), norm_unit("单位：亿元"),
	                              norm_unit("(万元)"), &out));
	assert_true(out.units == 70000 && out.scale == 0);
}

/* ---- figures in sentences ---- */

struct figure {
	const char *span;  /* the text the figure covers */
	const char *value;
	const char *unit;
};

struct figure_log {
	const char *text;
	int count;
	char spans[8][64];
	char values[8][32];
	const char *units[8];
};

static void collect(void *ctx, size_t start, size_t end, decimal value, const char *unit)
{
	struct figure_log *log = ctx;
	if (log->count >= 8)
		return;
	size_t n = end - start < 63 ? end - start : 63;
	memcpy(log->spans[log->count], log->text + start, n);
	log->spans[log->count][n] = '\0';
	sbuf sb = SBUF_INIT;
	decimal_format_printed(value, &sb); /* every printed digit: 10.00 stays 10.00 */
	strncpy(log->values[log->count], sb.buf, 31);
	log->values[log->count][31] = '\0';
	sbuf_release(&sb);
	log->units[log->count] = unit;
	log->count++;
}

static int check_figures(const char *text, const struct figure *want, int n)
{
	struct figure_log log = { .text = text };
	norm_find_figures(text, collect, &log);
	if (log.count != n) {
		print_error("'%s': %d figures, want %d\n", text, log.count, n);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		if (strcmp(log.spans[i], want[i].span) || strcmp(log.values[i], want[i].value) ||
		    strcmp(log.units[i], want[i].unit)) {
			print_error("'%s' #%d: '%s' %s %s, want '%s' %s %s\n", text, i, log.spans[i],
			            log.values[i], log.units[i], want[i].span, want[i].value, want[i].unit);
			return 1;
		}
	}
	return 0;
}

static void test_find_figures(void **state)
{
	int failed = 0;
	{
		const struct figure f[] = { { "3284.93万元", "3284.93", "万元" }, { "90.81%", "90.81", "%" } };
		failed += check_figures("年初预算3284.93万元，执行率90.81%。", f, 2);
	}
	{
		const struct figure f[] = { { "3,260.55 万元", "3260.55", "万元" } };
		failed += check_figures("收入3,260.55 万元", f, 1);
	}
	{
		const struct figure f[] = { { "12.5%", "12.5", "%" } };
		failed += check_figures("比上年增长12.5%", f, 1);
	}
	{
		const struct figure f[] = { { "1.22万元", "1.22", "万元" } };
		failed += check_figures("减少1.22万元，主要原因是", f, 1);
	}
	{
		const struct figure f[] = { { "1亿元", "1", "亿元" }, { "50％", "50", "%" } };
		failed += check_figures("合计1亿元，占50％", f, 2);
	}
	{
		const struct figure f[] = { { "1,234,567.89元", "1234567.89", "元" } };
		failed += check_figures("金额1,234,567.89元", f, 1);
	}
	{
		const struct figure f[] = { { "-5%", "-5", "%" } };
		failed += check_figures("变动-5%", f, 1);
	}
	{
		const struct figure f[] = { { "20千元", "20", "千元" } };
		failed += check_figures("计20千元", f, 1);
	}
	{
		/* trailing zeros are printed digits */
		const struct figure f[] = { { "3260.50万元", "3260.50", "万元" }, { "100.00%", "100.00", "%" } };
		failed += check_figures("支出3260.50万元，占100.00%", f, 2);
	}
	{
		/* scores; 分 starting another word is none */
		const struct figure f[] = { { "88.92 分", "88.92", "分" }, { "2分", "2", "分" } };
		failed += check_figures("综合评价得分 88.92 分，扣2分；12366 分中心，5分钟，3分之1", f, 2);
	}
	{
		/* a list takes the unit printed after its last number */
		const struct figure f[] = { { "1.69", "1.69", "百分点" }, { "1.1 个百分点", "1.1", "百分点" },
			                    { "3", "3", "万元" }, { "4万元", "4", "万元" } };
		failed += check_figures("分别上升了1.69、1.1 个百分点；分别为3、4万元", f, 4);
	}
	failed += check_figures("第1、2项", NULL, 0);
	size_t len = 0;
	assert_string_equal(norm_grade_word("优秀。", &len), "优秀");
	assert_int_equal(len, strlen("优秀"));
	assert_string_equal(norm_grade_word("不合格”", &len), "不合格");
	assert_string_equal(norm_grade_word("良”", &len), "良");
	assert_null(norm_grade_word("好评", &len));
	failed += check_figures("二十六项工作，共26项", NULL, 0);
	failed += check_figures("2024年度", NULL, 0);
	failed += check_figures("PM2.5%", NULL, 0);
	failed += check_figures("分别为12,34万元", NULL, 0);
	failed += check_figures("", NULL, 0);
	norm_find_figures(NULL, collect, NULL);
	assert_int_equal(failed, 0);
}

/* Classification by code shape and by label; notes that say a table is empty. */
static void test_classes_and_empty_notes(void **state)
{
	(void)state;
	arena *a = arena_new();
	assert_int_equal(norm_class_of_code("201"), NORM_CLASS_FUNCTION);
	assert_int_equal(norm_class_of_code("2010301"), NORM_CLASS_FUNCTION);
	assert_int_equal(norm_class_of_code("30101"), NORM_CLASS_ECONOMIC);
	assert_int_equal(norm_class_of_code("50101"), NORM_CLASS_ECONOMIC);
	assert_int_equal(norm_class_of_code("30101501"), NORM_CLASS_ECONOMIC);
	assert_int_equal(norm_class_of_code("113001"), NORM_CLASS_NONE); /* a unit code */
	assert_int_equal(norm_class_of_code("2010"), NORM_CLASS_NONE);
	assert_int_equal(norm_class_of_code("20"), NORM_CLASS_NONE);
	/* A code before its name in one cell. */
	const char *name;
	assert_string_equal(norm_split_code(a, "2010301 行政运行", &name), "2010301");
	assert_string_equal(name, "行政运行");
	assert_string_equal(norm_split_code(a, "2010301\xe3\x80\x80行政运行", &name), "2010301");
	assert_string_equal(norm_split_code(a, "2070101行政运行", &name), "2070101");
	assert_string_equal(name, "行政运行");
	assert_string_equal(norm_split_code(a, "201一般公共服务支出", &name), "201");
	assert_string_equal(norm_split_code(a, "20101人大事务", &name), "20101");
	assert_string_equal(norm_split_code(a, "30101基本工资", &name), "30101");
	assert_string_equal(norm_split_code(a, "113001 某某中心", &name), "113001"); /* a unit, spaced */
	assert_null(norm_split_code(a, "113001某某中心", &name));   /* glued: no classification code */
	assert_null(name);
	assert_null(norm_split_code(a, "2024年部门预算", &name));   /* a year */
	assert_null(norm_split_code(a, "2024 年度", &name));
	assert_null(norm_split_code(a, "500万元以上项目", &name)); /* an amount */
	assert_null(norm_split_code(a, "1.行政运行", &name));      /* an ordinal */
	assert_null(norm_split_code(a, "20 行政运行", &name));
	assert_null(norm_split_code(a, "2010301", &name));         /* no name */
	assert_null(norm_split_code(a, "2010301 ", &name));
	assert_null(norm_split_code(a, "合计", &name));
	assert_true(norm_is_code("201", 3));
	assert_true(norm_is_code("113001", 6));
	assert_false(norm_is_code("20", 2));
	assert_false(norm_is_code("2010301001", 10));
	assert_false(norm_is_code("20a", 3));
	assert_int_equal(norm_class_of_label(a, "一、工资福利支出"), NORM_CLASS_ECONOMIC);
	assert_int_equal(norm_class_of_label(a, "（二）商品和服务支出"), NORM_CLASS_ECONOMIC);
	assert_int_equal(norm_class_of_label(a, "社会保障和就业支出"), NORM_CLASS_FUNCTION);
	assert_int_equal(norm_class_of_label(a, "本年收入合计"), NORM_CLASS_NONE);
	assert_true(norm_is_empty_note("备注：本单位无政府性基金预算安排的支出，故此表无数据"));
	assert_true(norm_is_empty_note("注：本部门无相关收支项目"));
	assert_true(norm_is_empty_note("本表为空"));
	assert_false(norm_is_empty_note("注：本表反映部门本年度一般公共预算支出情况。"));
	assert_true(norm_is_empty_note("无"));
	assert_true(norm_is_empty_note("（无）"));
	assert_false(norm_is_empty_note("无锡市"));
	assert_false(norm_is_empty_note("其他"));
	arena_free(a);
}

/* Column numbering: the 栏次 word, numbers and stars, one by one and as a row. */
static void test_column_numbering(void **state)
{
	(void)state;
	assert_true(norm_is_column_number("栏次"));
	assert_true(norm_is_column_number("1"));
	assert_true(norm_is_column_number("12"));
	assert_true(norm_is_column_number("**"));
	assert_false(norm_is_column_number(""));
	assert_false(norm_is_column_number(NULL));
	assert_false(norm_is_column_number("行次"));
	assert_false(norm_is_column_number("1.00"));
	assert_false(norm_is_column_number("1*"));
	assert_false(norm_is_column_number("合计"));
	const char *const lanci[] = { "栏次", "", "1" };        /* 栏次 … 1 under 项目 行次 金额 */
	const char *const counting[] = { "", "1", "2", "3", "4" };
	const char *const later[] = { "**", "5", "6", NULL, "7" }; /* the expenditure side of a 收支总表 */
	const char *const figures[] = { "1", "2", "4" };
	const char *const amounts[] = { "2846.52", "2834.09" };
	const char *const wide[] = { "1", "1000" };
	const char *const label[] = { "合计", "1", "2" };
	assert_true(norm_numbers_columns(lanci, 3));
	assert_true(norm_numbers_columns(counting, 5));
	assert_true(norm_numbers_columns(later, 5));
	assert_false(norm_numbers_columns(figures, 3));
	assert_false(norm_numbers_columns(amounts, 2));
	assert_false(norm_numbers_columns(wide, 2));
	assert_false(norm_numbers_columns(label, 3));
}

/* Heading levels as official documents number them. */
static void test_heading_level(void **state)
{
	(void)state;
	assert_int_equal(norm_heading_level("第二部分 部门决算表"), 1);
	assert_int_equal(norm_heading_level("第 2 部分"), 1);
	assert_int_equal(norm_heading_level("一、收入支出决算总体情况说明"), 2);
	assert_int_equal(norm_heading_level("  二十六、其他"), 2);
	assert_int_equal(norm_heading_level("三．部门预算"), 2);
	assert_int_equal(norm_heading_level("（三）公务接待费"), 3);
	assert_int_equal(norm_heading_level("(一)机关运行经费"), 3);
	assert_int_equal(norm_heading_level("1.一般公共预算财政拨款收入"), 4);
	assert_int_equal(norm_heading_level("12、其他"), 4);
	assert_int_equal(norm_heading_level("１．项目"), 4);
	assert_int_equal(norm_heading_level("1.00"), 0);
	assert_int_equal(norm_heading_level("123.项目"), 0);
	assert_int_equal(norm_heading_level("2024年度收、支总计3,260.55万元。"), 0);
	assert_int_equal(norm_heading_level("第一条 根据规定"), 0);
	assert_int_equal(norm_heading_level("一百二十三、"), 0);
	assert_int_equal(norm_heading_level("一般公共服务支出"), 0);
	assert_int_equal(norm_heading_level(""), 0);
	assert_int_equal(norm_heading_level(NULL), 0);
	/* Items below 1.: (1) and ①. */
	assert_int_equal(norm_heading_level("(1)贯彻落实中央、省、市有关方针"), 5);
	assert_int_equal(norm_heading_level("（12）完成交办的其他任务"), 5);
	assert_int_equal(norm_heading_level("3）其他"), 5);
	assert_int_equal(norm_heading_level("①人员经费"), 6);
	assert_int_equal(norm_heading_level("⑳其他"), 6);
	assert_int_equal(norm_heading_level("(123)其他"), 0);
	assert_int_equal(norm_heading_level("(2024年)"), 0);
}

/* A contents page's lines: title, leader, page number. */
static void test_toc_entry(void **state)
{
	(void)state;
	size_t n;
	int page;
	const char *s = "一、部门职责……………………3";
	assert_true(norm_toc_entry(s, &n, &page));
	assert_int_equal(n, strlen("一、部门职责"));
	assert_int_equal(page, 3);
	s = "第二部分 部门决算表 ........ 12 ";
	assert_true(norm_toc_entry(s, &n, &page));
	assert_int_equal(n, strlen("第二部分 部门决算表"));
	assert_int_equal(page, 12);
	s = "（三）收入决算表 ·········";
	assert_true(norm_toc_entry(s, &n, &page));
	assert_int_equal(n, strlen("（三）收入决算表"));
	assert_int_equal(page, 0);
	s = "二、收入预算情况说明 5";
	assert_true(norm_toc_entry(s, &n, &page));
	assert_int_equal(n, strlen("二、收入预算情况说明"));
	assert_int_equal(page, 5);
	/* Not an entry: no leader, no page number; a figure; a year. */
	s = "一、部门职责";
	assert_false(norm_toc_entry(s, &n, &page));
	assert_int_equal(n, strlen(s));
	assert_int_equal(page, 0);
	assert_false(norm_toc_entry("本年收入合计3260.55", &n, &page));
	assert_false(norm_toc_entry("预算年度 2026", &n, &page));
	assert_false(norm_toc_entry("12", &n, &page));
}

/* Form numbers: what each former reader accepted (the caption's prefixes, spaced forms, 公开表1,
   附表3 and lone labels; the text reader's whole piece; the title key's 部门/预算 words and front
   labels) is one rule now.  The forms are those printed on the real pages: 预算 01表 (Beijing),
   公开 01 表 and 部门预算公开06表 (Jiangsu), 公开表1 (Yantai), 表一 (Chongqing), 表 10 (Shenzhen). */
static void test_form_number(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		bool label;
		size_t want; /* bytes taken */
	} cases[] = {
		{ "公开02表", false, 11 },
		{ "公开 01 表 收支总表", false, 13 },
		{ "预算 01表", false, 12 },
		{ "决算05表", false, 11 },
		{ "部门05表", false, 11 },
		{ "部门公开05表", false, 17 },
		{ "部门预算公开06表 财政拨款", false, 23 },
		{ "05表", false, 5 },
		{ "02-1表", false, 7 },
		{ "公开表1", false, 10 },
		{ "部门公开表 12", false, 18 },
		{ "附表3", false, 7 },
		{ "附表 3-1 收支", false, 10 },
		{ "附表3表", false, 10 },
		{ "附表22023年收入预算总表", false, 7 },  /* 附表2 before the year, the space lost */
		{ "附表122024年收入预算总表", false, 8 }, /* 附表12 */
		{ "附表12345", false, 0 },
		{ "公开\xE3\x80\x80" "02\t表", false, 15 }, /* U+3000 and a tab between */
		{ "公开０２表", false, 15 },                 /* full-width digits */
		/* labels only where allowed */
		{ "表1", true, 4 },
		{ "表 10", true, 6 },
		{ "表二", true, 6 },
		{ "表十一", true, 9 },
		{ "表八三公经费支出预算表", true, 6 },   /* 表八 over “三公”…: the title's 三 is not the number's */
		{ "表十二三公经费", true, 9 },
		{ "附件3", true, 7 },
		{ "表3.1:收支", true, 6 },
		{ "表1", false, 0 },
		{ "附件3", false, 0 },
		{ "表二", false, 0 },
		/* not form numbers */
		{ "公开表", false, 0 },
		{ "2024表", false, 0 },
		{ "公开1234表", false, 0 },
		{ "收支总表", false, 0 },
		{ "公开02", false, 0 },
		{ "表", true, 0 },
		{ "附表", true, 0 },
		{ "", true, 0 },
		{ NULL, true, 0 },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		size_t got = norm_form_number(cases[i].s, cases[i].label);
		if (got != cases[i].want)
			fail_msg("norm_form_number(\"%s\", %d) = %zu, want %zu", cases[i].s ? cases[i].s : "(null)",
			         cases[i].label, got, cases[i].want);
	}
	size_t start, end;
	/* anywhere in a title, brackets left to the caller */
	assert_true(norm_find_form_number("2019年度一般公共预算（公开05表）", &start, &end));
	assert_int_equal(start, strlen("2019年度一般公共预算（"));
	assert_int_equal(end - start, strlen("公开05表"));
	/* the whole series of words, not its tail */
	assert_true(norm_find_form_number("按部门预算公开08表填列", &start, &end));
	assert_int_equal(start, strlen("按"));
	assert_int_equal(end - start, strlen("部门预算公开08表"));
	/* not inside a longer number, and no labels */
	assert_false(norm_find_form_number("2024表", &start, &end));
	assert_false(norm_find_form_number("见表1", &start, &end));
	assert_false(norm_find_form_number("收入支出决算总表", &start, &end));
	assert_false(norm_find_form_number(NULL, &start, &end));
}

/* Cell values: what map/ read for schema tables (a mark standing for a blank is null in a text
   column too) and what the 绩效 form reader read (it kept such a mark as text in a text column:
   seed 004's 计量单位 printing / and - for a 定性 indicator, now null as the output contract has
   -, —, /, 无 and blank).  Amounts are exact; text is norm_text'd. */
static void test_cell_value(void **state)
{
	(void)state;
	arena *a = arena_new();
	static const struct {
		const char *s;
		bool text_column;
		int kind;
		const char *want; /* the number formatted, or the text */
	} cases[] = {
		{ "3,260.55", false, VALUE_NUMBER, "3260.55" },
		{ "（7.00）", false, VALUE_NUMBER, "-7" },
		{ "94.18%", false, VALUE_NUMBER, "94.18" },
		{ "0.00", false, VALUE_NUMBER, "0" },
		{ "-", false, VALUE_NULL, NULL },
		{ "——", false, VALUE_NULL, NULL },
		{ "无", false, VALUE_NULL, NULL },
		{ "", false, VALUE_NULL, NULL },
		{ NULL, false, VALUE_NULL, NULL },
		{ "合 计", false, VALUE_TEXT, "合计" },
		{ "3,260.55", true, VALUE_TEXT, "3,260.55" },
		{ "/", true, VALUE_NULL, NULL },
		{ "-", true, VALUE_NULL, NULL },
		{ "无", true, VALUE_NULL, NULL },
		{ "   ", true, VALUE_NULL, NULL },
		{ "\xE2\x80\x8B", true, VALUE_NULL, NULL }, /* a zero-width space: empty once normalized */
		{ "（一）定性", true, VALUE_TEXT, "(一)定性" },
	};
	for (size_t i = 0; i < COUNT(cases); i++) {
		value v = norm_cell_value(a, cases[i].s, cases[i].text_column);
		char got[64] = "";
		if (v.kind == VALUE_NUMBER) {
			sbuf b = SBUF_INIT;
			decimal_format(v.number, &b);
			snprintf(got, sizeof got, "%s", b.buf);
			sbuf_release(&b);
		} else if (v.kind == VALUE_TEXT) {
			snprintf(got, sizeof got, "%s", v.text);
		}
		if ((int)v.kind != cases[i].kind || strcmp(got, cases[i].want ? cases[i].want : "") != 0 ||
		    (v.kind == VALUE_NULL && v.text) || v.from != 0)
			fail_msg("norm_cell_value(\"%s\", %d) = kind %d '%s', want kind %d '%s'",
			         cases[i].s ? cases[i].s : "(null)", cases[i].text_column, (int)v.kind, got, cases[i].kind,
			         cases[i].want ? cases[i].want : "");
	}
	arena_free(a);
}

/* Entity labels: the label with its colon is skipped to where the name starts. */
static void test_entity_label(void **state)
{
	(void)state;
	assert_int_equal(norm_entity_label("部门：长沙市财政局"), strlen("部门："));
	assert_int_equal(norm_entity_label("单位名称: 普陀区司法局"), strlen("单位名称: "));
	assert_int_equal(norm_entity_label("编制单位（盖章）：  某局"), strlen("编制单位（盖章）：  "));
	assert_int_equal(norm_entity_label("部门（单位）：某局"), strlen("部门（单位）："));
	assert_int_equal(norm_entity_label("预算主管部门 ：某局"), strlen("预算主管部门 ："));
	assert_int_equal(norm_entity_label("单位：万元"), strlen("单位：")); /* the unit is the caller's to rule out */
	assert_int_equal(norm_entity_label("部门预算"), 0);                  /* a word, no label */
	assert_int_equal(norm_entity_label("部门名称"), 0);                  /* no colon */
	assert_int_equal(norm_entity_label("某局部门：X"), 0);               /* the label opens s */
	assert_int_equal(norm_entity_label(NULL), 0);
	assert_true(norm_is_entity_cell("部门名称"));
	assert_true(norm_is_entity_cell("部门(单位)名称"));
	assert_true(norm_is_entity_cell("单位名称"));
	assert_false(norm_is_entity_cell("单位"));
	assert_false(norm_is_entity_cell("项目名称"));
}

/* Whole lines of a table's labels against the tails of wrapped ones. */
static void test_whole_line(void **state)
{
	(void)state;
	assert_true(norm_is_whole_line("住房保障支出", false));
	assert_true(norm_is_whole_line("其他支出", false));
	assert_false(norm_is_whole_line("支出", false));
	assert_false(norm_is_whole_line("文化旅游体育与传媒", false));
	assert_false(norm_is_whole_line("事业收入", false));
	assert_true(norm_is_whole_line("政府性基金预算拨款", true));
	assert_true(norm_is_whole_line("财政专户管理资金", true));
	assert_true(norm_is_whole_line("事业收入", true));
	assert_false(norm_is_whole_line("收入", true));
	assert_false(norm_is_whole_line("其他支出", true));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_text),
		cmocka_unit_test(test_long_text),
		cmocka_unit_test(test_norm_squeeze),
		cmocka_unit_test(test_norm_label),
		cmocka_unit_test(test_is_cjk),
		cmocka_unit_test(test_norm_unit),
		cmocka_unit_test(test_convert_unit),
		cmocka_unit_test(test_find_figures),
		cmocka_unit_test(test_classes_and_empty_notes),
		cmocka_unit_test(test_heading_level),
		cmocka_unit_test(test_toc_entry),
		cmocka_unit_test(test_column_numbering),
		cmocka_unit_test(test_form_number),
		cmocka_unit_test(test_entity_label),
		cmocka_unit_test(test_cell_value),
		cmocka_unit_test(test_whole_line),
	};
	return cmocka_run_group_tests_name("normalize_text", tests, NULL, NULL);
}
