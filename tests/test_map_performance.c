/*
 * test_map_performance: 绩效 forms (map/performance.c) on a hand-written
 * HTML page, tests/data/map/performance.html: two self-assessment forms in
 * one table (form fields beside and under their labels, merged 一级/二级指标
 * cells carried down, a 总分 row under the weight and score columns, a second
 * form whose printed total score does not add up) and a list of project
 * targets whose project cells are merged over their indicators, and a list
 * whose indicators are printed in one cell (1、1-产出指标；…); and a text
 * rendering (performance.txt) whose levels are printed once over blanks.  Every
 * expected figure is read from the page's markup.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "normalize/number.h"
#include "tests/map_fixture.h"

static document *doc;

static int setup(void **state)
{
	if (load(state) != 0)
		return -1;
	error err = { 0 };
	doc = fixture_run("tests/data/map/performance.html", &err);
	return doc ? 0 : -1;
}

static int teardown(void **state)
{
	doc_free(doc);
	return unload(state);
}

/* The column of key; a table without it fails the test. */
static long must_col(const table *t, const char *key)
{
	long k = col(t, key);
	if (k < 0)
		fail_msg("table %s has no column '%s'", t->id, key);
	return k;
}

static void assert_number(const table *t, const row *r, const char *key, const char *expected)
{
	const value *v = &r->values[must_col(t, key)];
	decimal d;
	assert_int_not_equal(norm_amount(expected, &d), AMOUNT_NOT);
	if (v->kind != VALUE_NUMBER || decimal_cmp(v->number, d) != 0)
		fail_msg("row '%s', %s: expected %s", r->label ? r->label : "", key, expected);
}

static void assert_text(const table *t, const row *r, const char *key, const char *expected)
{
	const value *v = &r->values[must_col(t, key)];
	if (v->kind != VALUE_TEXT || strcmp(v->text, expected) != 0)
		fail_msg("row '%s', %s: expected '%s', got '%s'", r->label ? r->label : "", key, expected,
		         v->kind == VALUE_TEXT ? v->text : "(not text)");
}

static const row *find_grouped(const table *t, const char *group, const char *label)
{
	for (size_t i = 0; i < t->rows.len; i++) {
		const row *r = &t->rows.items[i];
		if (r->group && strcmp(r->group, group) == 0 && r->label && strcmp(r->label, label) == 0)
			return r;
	}
	fail_msg("table %s: no %s row '%s'", t->id, group, label);
	return NULL;
}

static void test_self_assessment(void **state)
{
	(void)state;
	assert_true(doc->tables.len >= 2);
	const table *t = doc->tables.items[0];
	assert_string_equal(t->schema, "performance.self_assessment");
	/* Two forms of five and one indicators. */
	assert_int_equal(t->rows.len, 2 + 5 + 1);

	const row *form = &t->rows.items[0];
	assert_string_equal(form->group, "form");
	assert_string_equal(form->label, "示例信息化运维项目");
	assert_text(t, form, "department", "示例局");
	assert_text(t, form, "unit", "示例信息中心");
	assert_number(t, form, "initial", "100.00");
	assert_number(t, form, "annual", "120.00");
	assert_number(t, form, "executed", "114.00");
	assert_number(t, form, "score_weight", "10");
	assert_number(t, form, "rate_pct", "95.00");
	assert_number(t, form, "score", "9.5");
	assert_number(t, form, "total_weight", "100");
	assert_number(t, form, "total_score", "94.5");
	assert_text(t, form, "grade", "优");
	assert_text(t, form, "goal", "保障系统全年稳定运行");
	assert_text(t, form, "result", "系统全年稳定运行");

	/* 数量指标 merged over two rows, 产出指标 over three. */
	const row *r = find_grouped(t, "indicator", "产出指标/数量指标/巡检次数");
	assert_text(t, r, "level1", "产出指标");
	assert_text(t, r, "target", "≥12次");
	assert_text(t, r, "actual", "11次");
	assert_number(t, r, "weight", "20");
	assert_number(t, r, "score", "18");
	assert_text(t, r, "reason", "年中停机检修一个月");
	assert_text(t, r, "project", "示例信息化运维项目");
	r = find_grouped(t, "indicator", "产出指标/质量指标/系统可用率");
	assert_number(t, r, "score", "28");

	/* The second form: fields under their labels; its 总分值 90 is not 8 + 80. */
	form = find_grouped(t, "form", "示例档案数字化项目");
	assert_number(t, form, "executed", "40.00");
	assert_number(t, form, "total_score", "90");
	r = find_grouped(t, "indicator", "产出指标/数量指标/数字化档案卷数");
	assert_text(t, r, "project", "示例档案数字化项目");

	size_t ok = 0, failed = 0;
	for (size_t i = 0; i < t->checks.len; i++) {
		const check *c = &t->checks.items[i];
		if (c->ok) {
			ok++;
			continue;
		}
		failed++;
		assert_string_equal(c->rule, "score_sum");
		assert_string_equal(c->row, "示例档案数字化项目");
		assert_int_equal(decimal_cmp(c->expected, decimal_from_int(88)), 0);
	}
	assert_int_equal(ok, 3);
	assert_int_equal(failed, 1);
	bool warned = false;
	for (size_t i = 0; i < doc->warnings.len; i++)
		warned = warned || strcmp(doc->warnings.items[i].code, "check_failed") == 0;
	assert_true(warned);
}

static void test_target_list(void **state)
{
	(void)state;
	const table *t = doc->tables.items[1];
	assert_string_equal(t->schema, "budget.project_performance");
	assert_int_equal(t->header_rows, 2);
	assert_int_equal(t->rows.len, 3);
	const row *r = find_grouped(t, "indicator", "成本指标/经济成本指标/改造成本");
	assert_text(t, r, "project", "档案库房改造");
	assert_number(t, r, "amount", "30.00");
	assert_number(t, r, "fiscal", "30.00");
	assert_text(t, r, "target", "≤30万元");
	r = find_grouped(t, "indicator", "产出指标/质量指标/测评通过率");
	assert_text(t, r, "project", "网络安全等级保护测评");
	assert_number(t, r, "amount", "12.50");
}

static void test_indicators_in_one_cell(void **state)
{
	(void)state;
	assert_true(doc->tables.len >= 3);
	const table *t = doc->tables.items[2];
	assert_string_equal(t->schema, "budget.project_performance");
	/* 合计, the project, its two indicators. */
	assert_int_equal(t->rows.len, 4);
	const row *form = find_grouped(t, "form", "政务热线运营项目");
	assert_number(t, form, "amount", "8.00");
	assert_text(t, form, "goal", "提升热线服务效能");
	const row *r = find_grouped(t, "indicator", "产出指标/质量指标/工单转派准确率");
	assert_text(t, r, "period_target", "≥97%");
	assert_text(t, r, "target", "≥95%");
	assert_text(t, r, "project", "政务热线运营项目");
	r = find_grouped(t, "indicator", "满意度指标/服务对象满意度/受理服务满意度");
	assert_text(t, r, "target", "≥95%");
	assert_string_equal(t->rows.items[0].label, "合计");
	assert_string_equal(t->rows.items[0].group, "form");
}

/* A text rendering (tests/data/map/performance.txt): no spans, levels printed once. */
static void test_text_levels_printed_once(void **state)
{
	(void)state;
	error err = { 0 };
	document *d = fixture_run("tests/data/map/performance.txt", &err);
	assert_non_null(d);
	assert_int_equal(d->tables.len, 1);
	const table *t = d->tables.items[0];
	assert_string_equal(t->schema, "performance.self_assessment");
	const row *r = find_grouped(t, "indicator", "产出指标/数量指标/巡检次数");
	assert_number(t, r, "score", "18");
	r = find_grouped(t, "indicator", "产出指标/质量指标/系统可用率");
	assert_text(t, r, "target", "≥99%");
	const row *form = find_grouped(t, "form", "示例运维项目");
	assert_number(t, form, "total_weight", "100");
	assert_number(t, form, "total_score", "98");
	for (size_t i = 0; i < t->checks.len; i++)
		assert_true(t->checks.items[i].ok);
	assert_int_equal(t->checks.len, 2);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_self_assessment),
		cmocka_unit_test(test_target_list),
		cmocka_unit_test(test_indicators_in_one_cell),
		cmocka_unit_test(test_text_levels_printed_once),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
