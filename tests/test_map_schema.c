/*
 * test_map_schema: loading the catalogue; a malformed or invalid schema file
 * is an error naming the file and the line; a directory added with ':'
 * brings a province's variant without a rebuild.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "map/map.h"
#include "map/schema.h"
#include "tests/map_fixture.h"

static void test_load_catalogue(void **state)
{
	error err = { 0 };
	schema_set *set = schema_set_load("schemas", &err);
	assert_non_null(set);
	/* 9 决算 + 15 预算 + 1 绩效 schemas in schemas.md */
	assert_int_equal(schema_set_count(set), 25);
	schema_set_free(set);
}

static void test_malformed_file(void **state)
{
	error err = { 0 };
	schema_set *set = schema_set_load("tests/data/map/bad-xml:schemas", &err);
	assert_null(set);
	assert_int_equal(err.kind, ERROR_INPUT);
	assert_non_null(strstr(err.message, "tests/data/map/bad-xml/broken.xml"));
	assert_non_null(strstr(err.message, "line 5"));
}

static void test_invalid_file(void **state)
{
	error err = { 0 };
	schema_set *set = schema_set_load("tests/data/map/bad-rng:schemas", &err);
	assert_null(set);
	assert_non_null(strstr(err.message, "tests/data/map/bad-rng/variant.xml"));
	assert_non_null(strstr(err.message, "line 5"));
}

static void test_missing_dir(void **state)
{
	error err = { 0 };
	assert_null(schema_set_load("tests/data/map/no-such-dir", &err));
	assert_non_null(strstr(err.message, "no-such-dir"));
}

static void test_added_variant(void **state)
{
	error err = { 0 };
	schema_set *set = schema_set_load("schemas:tests/data/map/extra", &err);
	assert_non_null(set);
	assert_int_equal(schema_set_count(set), 26);
	document *doc = doc_new("p.pdf");
	static const char *paths[] = { "科目编码", "科目名称", "收入合计", "财政拨款收入" };
	static const char *lines[] = { "\t合计\t5.00\t5.00", "201\t一般公共服务支出\t5.00\t5.00" };
	table *t = fixture_table(doc, "部门收入情况决算表", paths, NELEM(paths), 0, lines, NELEM(lines));
	assert_int_equal(map_document(doc, set, &err), 0);
	assert_string_equal(t->schema, "final.income");
	assert_string_equal(t->columns.items[0].key, "total");
	doc_free(doc);
	schema_set_free(set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_catalogue),
		cmocka_unit_test(test_malformed_file),
		cmocka_unit_test(test_invalid_file),
		cmocka_unit_test(test_missing_dir),
		cmocka_unit_test(test_added_variant),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
