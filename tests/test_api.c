/*
 * test_api: the public interface (include/disclex.h) on the text fixture
 * tests/data/golden/mini.txt, whose figures are read off its lines: a
 * 收入决算表 in 万元 whose 合计 row prints 3,260.55 / 3,249.55 / 11.00, row
 * 201 a blank 其他收入 and row 20103 a printed 0.00 — and whose 合计 does
 * not equal its one top-level row (3,249.55), a check that fails and a
 * warning.  Also: errors are codes and messages, never a crash on NULL; the
 * JSON and CSV the library writes are the pipeline's own; documents run in
 * several threads at once, sharing schemas and options, come out as when run
 * one by one; the wide CSV of a table and its file name.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "emit/json.h"
#include "include/disclex.h"
#include "pipeline/pipeline.h"
#include "pipeline/api.h"

#define MINI "tests/data/golden/mini.txt"

static dx_schemas *schemas;

static int load(void **state)
{
	(void)state;
	dx_error err;
	schemas = dx_schemas_load("schemas", &err);
	if (!schemas)
		fprintf(stderr, "%s\n", err.message);
	return schemas ? 0 : -1;
}

static int unload(void **state)
{
	(void)state;
	dx_schemas_free(schemas);
	return 0;
}

static dx_document *run_mini(dx_options *opt, int *rc, dx_error *err)
{
	dx_document *doc = dx_open_file(MINI, err);
	assert_non_null(doc);
	*rc = dx_run(doc, opt, err);
	return doc;
}

static void test_version(void **state)
{
	(void)state;
	assert_string_equal(dx_version(), DX_VERSION);
	char made[32];
	snprintf(made, sizeof made, "%d.%d.%d", DX_VERSION_MAJOR, DX_VERSION_MINOR, DX_VERSION_PATCH);
	assert_string_equal(made, DX_VERSION);
}

static void test_walk(void **state)
{
	(void)state;
	dx_options *opt = dx_options_new();
	dx_options_set_schemas(opt, schemas);
	dx_error err;
	int rc;
	dx_document *doc = run_mini(opt, &rc, &err);
	assert_int_equal(rc, 0);
	assert_int_equal(err.code, DX_OK);
	assert_string_equal(dx_doc_name(doc), MINI);
	assert_string_equal(dx_doc_media(doc), "text");
	assert_string_equal(dx_doc_kind(doc), "final_accounts");
	assert_int_equal(dx_doc_year(doc), 2024);
	assert_string_equal(dx_doc_department(doc), "示例局");
	assert_int_equal(strlen(dx_doc_sha256(doc)), 64);

	assert_int_equal(dx_doc_table_count(doc), 1);
	assert_null(dx_doc_table(doc, 1));
	const dx_table *t = dx_doc_table(doc, 0);
	assert_string_equal(dx_table_id(t), "t01");
	assert_string_equal(dx_table_schema(t), "final.income");
	assert_string_equal(dx_table_title(t), "收入决算表");
	assert_string_equal(dx_table_unit(t), "万元");
	/* the printed grid: header row, then 合计 as printed */
	assert_int_equal(dx_table_grid_columns(t), 5);
	assert_int_equal(dx_table_header_rows(t), 1);
	assert_string_equal(dx_table_cell(t, 0, 1), "科目名称");
	assert_string_equal(dx_table_cell(t, 1, 2), "3,260.55");
	assert_null(dx_table_cell(t, 99, 0));

	assert_int_equal(dx_table_column_count(t), 3);
	assert_string_equal(dx_table_column_key(t, 0), "total");
	assert_string_equal(dx_table_column_key(t, 2), "other");
	assert_string_equal(dx_table_column_header(t, 1), "财政拨款收入");
	assert_null(dx_table_column_key(t, 3));

	assert_int_equal(dx_table_row_count(t), 3);
	const dx_row *total = dx_table_row(t, 0), *r201 = dx_table_row(t, 1), *r20103 = dx_table_row(t, 2);
	assert_null(dx_table_row(t, 3));
	assert_null(dx_row_code(total));
	assert_string_equal(dx_row_key(total), "合计");
	assert_string_equal(dx_row_value(total, 0), "3260.55");
	assert_string_equal(dx_row_value(total, 1), "3249.55");
	assert_string_equal(dx_row_value(total, 2), "11");
	assert_int_equal(dx_row_value_kind(total, 2), DX_VALUE_NUMBER);
	assert_string_equal(dx_row_key(r201), "201");
	assert_string_equal(dx_row_label(r201), "一般公共服务支出");
	assert_null(dx_row_value(r201, 2)); /* blank */
	assert_int_equal(dx_row_value_kind(r201, 2), DX_VALUE_NULL);
	assert_string_equal(dx_row_value(r20103, 2), "0"); /* printed 0.00 */
	assert_null(dx_row_value(r20103, 3));

	/* 合计 3,260.55 against its one top-level row 3,249.55: one check fails, with a warning */
	size_t failed = 0;
	bool found = false;
	for (size_t i = 0; i < dx_doc_check_count(doc); i++) {
		dx_check c;
		assert_int_equal(dx_doc_check(doc, i, &c), 0);
		assert_non_null(c.rule);
		if (c.ok)
			continue;
		failed++;
		assert_string_equal(c.table, "t01");
		if (c.row && strcmp(c.row, "合计") == 0 && c.column && strcmp(c.column, "total") == 0) {
			assert_string_equal(c.expected, "3249.55");
			assert_string_equal(c.found, "3260.55");
			found = true;
		}
	}
	assert_int_equal(failed, 1);
	assert_true(found);
	dx_check none;
	assert_int_equal(dx_doc_check(doc, dx_doc_check_count(doc), &none), -1);
	assert_int_equal(dx_doc_warning_count(doc), 1);
	dx_warning w;
	assert_int_equal(dx_doc_warning(doc, 0, &w), 0);
	assert_string_equal(w.code, "check_failed");
	assert_string_equal(w.table, "t01");
	assert_int_equal(dx_doc_warning(doc, 1, &w), -1);

	/* a stage run twice is a usage error, the document unharmed */
	assert_int_equal(dx_run(doc, opt, &err), -1);
	assert_int_equal(err.code, DX_EUSAGE);
	assert_int_equal(dx_table_row_count(dx_doc_table(doc, 0)), 3);
	dx_close(doc);
	dx_options_free(opt);
}

/* The library's JSON and CSV are the pipeline's (what the CLI has always written). */
static void test_output(void **state)
{
	(void)state;
	dx_options *opt = dx_options_new();
	dx_options_set_schemas(opt, schemas);
	dx_error err;
	int rc;
	dx_document *doc = run_mini(opt, &rc, &err);
	assert_int_equal(rc, 0);

	char *data = NULL;
	size_t len = 0;
	error e = { 0 };
	assert_int_equal(pipeline_read(MINI, &data, &len, &e), 0);
	pipeline_options po = { .schemas = api_schema_set(schemas) };
	document *model = pipeline_run(MINI, data, len, &po, &e);
	assert_non_null(model);
	sbuf want = SBUF_INIT;
	json_write(model, true, &want);
	size_t n = 0;
	char *got = dx_to_string(doc, DX_FORMAT_JSON, 0, &n, &err);
	assert_non_null(got);
	assert_int_equal(n, want.len);
	assert_string_equal(got, want.buf);
	dx_free(got);
	sbuf_release(&want);
	doc_free(model);
	free(data);

	got = dx_to_string(doc, DX_FORMAT_NDJSON, 0, &n, &err);
	assert_non_null(got);
	assert_non_null(strchr(got, '\n'));
	assert_ptr_equal(strchr(got, '\n'), got + n - 1); /* one line */
	dx_free(got);

	got = dx_to_string(doc, DX_FORMAT_CSV, DX_CSV_BOM, &n, &err);
	assert_non_null(got);
	assert_memory_equal(got, "\xEF\xBB\xBF" "doc,table_id,schema,page,row_code,row_label", 46);
	assert_non_null(strstr(got, ",t01,final.income,,,合计,,,total,3260.55,万元\r\n"));
	dx_free(got);
	got = dx_to_string(doc, DX_FORMAT_CSV, DX_CSV_NO_HEADER, &n, &err);
	assert_non_null(got);
	assert_null(strstr(got, "table_id"));
	dx_free(got);

	assert_null(dx_to_string(doc, 99, 0, &n, &err));
	assert_int_equal(err.code, DX_EUSAGE);
	dx_close(doc);
	dx_options_free(opt);
}

static void test_options(void **state)
{
	(void)state;
	dx_options *opt = dx_options_new();
	dx_options_set_schemas(opt, schemas);
	dx_error err;
	assert_int_equal(dx_options_set_unit(opt, "furlongs", &err), -1);
	assert_int_equal(err.code, DX_EUSAGE);
	assert_non_null(strstr(err.message, "furlongs"));
	assert_int_equal(dx_options_set_input_format(opt, "docx", &err), -1);
	assert_int_equal(err.code, DX_EUSAGE);
	assert_int_equal(dx_options_set_pages(opt, 0, 3, &err), -1);
	assert_int_equal(dx_options_set_pages(opt, 4, 3, &err), -1);
	assert_int_equal(dx_options_set_pages(opt, 2, 0, &err), 0);

	/* 3,260.55 万元 is 32,605,500 元, exactly */
	assert_int_equal(dx_options_set_unit(opt, "yuan", &err), 0);
	int rc;
	dx_document *doc = run_mini(opt, &rc, &err);
	assert_int_equal(rc, 0);
	const dx_table *t = dx_doc_table(doc, 0);
	assert_string_equal(dx_row_value(dx_table_row(t, 0), 0), "32605500");
	dx_close(doc);

	/* strict: the failed check's warning fails the run, the document still whole */
	dx_options_set_strict(opt, 1);
	assert_int_equal(dx_options_set_unit(opt, NULL, &err), 0);
	doc = run_mini(opt, &rc, &err);
	assert_int_equal(rc, -1);
	assert_int_equal(err.code, DX_ESTRICT);
	assert_string_equal(dx_row_value(dx_table_row(dx_doc_table(doc, 0), 0), 0), "3260.55");
	dx_close(doc);

	/* a cell limit below the table's 20 slots refuses the input */
	dx_options_set_strict(opt, 0);
	dx_options_set_max_cells(opt, 10);
	doc = run_mini(opt, &rc, &err);
	assert_int_equal(rc, -1);
	assert_int_equal(err.code, DX_EINPUT);
	assert_non_null(strstr(err.message, "10 cells"));
	assert_int_equal(dx_doc_table_count(doc), 0);
	assert_null(dx_to_string(doc, DX_FORMAT_JSON, 0, NULL, &err));
	dx_close(doc);
	dx_options_free(opt);
}

static void test_memory_and_errors(void **state)
{
	(void)state;
	dx_error err;
	/* extract alone: tables with cells, no schema */
	const char text[] = "支出表\n单位：元\n项目\t金额\n办公费\t1,200.50\n";
	dx_document *doc = dx_open_memory(text, sizeof text - 1, "memo.txt", &err);
	assert_non_null(doc);
	assert_int_equal(dx_extract(doc, NULL, &err), 0);
	assert_string_equal(dx_doc_name(doc), "memo.txt");
	assert_int_equal(dx_doc_table_count(doc), 1);
	const dx_table *t = dx_doc_table(doc, 0);
	assert_null(dx_table_schema(t));
	assert_string_equal(dx_table_cell(t, 1, 1), "1,200.50");
	assert_int_equal(dx_extract(doc, NULL, &err), -1);
	assert_int_equal(err.code, DX_EUSAGE);
	dx_close(doc);

	assert_null(dx_open_file("tests/data/no-such-file.pdf", &err));
	assert_int_equal(err.code, DX_EINPUT);
	assert_null(dx_open_file("tests", &err));
	assert_int_equal(err.code, DX_EINPUT);
	assert_string_equal(err.message, "is a directory");

	doc = dx_open_memory("", 0, NULL, &err);
	assert_non_null(doc);
	assert_string_equal(dx_doc_name(doc), "<memory>");
	assert_int_equal(dx_run(doc, NULL, &err), -1);
	assert_int_equal(err.code, DX_EINPUT);
	assert_string_equal(err.message, "empty file");
	assert_int_equal(dx_run(doc, NULL, &err), -1); /* nothing runs again on an unreadable input */
	assert_int_equal(dx_write(doc, DX_FORMAT_JSON, 0, stdout, &err), -1);
	assert_int_equal(err.code, DX_EUSAGE);
	dx_close(doc);

	doc = dx_open_memory("hello", 5, "x.pdf", &err); /* named .pdf, not a PDF */
	assert_int_equal(dx_run(doc, NULL, NULL), -1); /* err may be NULL */
	dx_close(doc);

	/* schemas: a directory without any */
	assert_null(dx_schemas_load("tests/data/inputs", &err));
	assert_int_equal(err.code, DX_EINPUT);
	assert_true(strncmp(err.message, "cannot load schemas: ", 21) == 0);
	assert_true(dx_schemas_count(schemas) > 10);

	/* NULL handles are answered, never dereferenced */
	dx_close(NULL);
	dx_options_free(NULL);
	dx_schemas_free(NULL);
	assert_int_equal(dx_doc_table_count(NULL), 0);
	assert_null(dx_doc_table(NULL, 0));
	assert_null(dx_table_id(NULL));
	assert_null(dx_row_value(NULL, 0));
	assert_int_equal(dx_run(NULL, NULL, &err), -1);
	assert_int_equal(err.code, DX_EUSAGE);
	assert_int_equal(dx_workbook_close(NULL, &err), 0);
	dx_database_close(NULL);
}

/* Documents run in four threads at once (two PDFs, two text files), sharing one
 * dx_schemas and one dx_options, give the JSON each gives alone. */
static const char *const thread_inputs[] = { "tests/data/golden/box-coded.pdf", MINI,
	                                         "tests/data/golden/two-sided-box.pdf", MINI };
static const dx_options *thread_opt;

static void *run_to_json(void *arg)
{
	const char *path = arg;
	dx_document *doc = dx_open_file(path, NULL);
	if (!doc)
		return NULL;
	dx_run(doc, thread_opt, NULL);
	char *json = dx_to_string(doc, DX_FORMAT_NDJSON, 0, NULL, NULL);
	dx_close(doc);
	return json;
}

static void test_threads(void **state)
{
	(void)state;
	dx_options *opt = dx_options_new();
	dx_options_set_schemas(opt, schemas);
	thread_opt = opt;
	enum { N = sizeof thread_inputs / sizeof *thread_inputs };
	char *alone[N];
	for (size_t i = 0; i < N; i++) {
		alone[i] = run_to_json((void *)thread_inputs[i]);
		assert_non_null(alone[i]);
	}
	assert_non_null(strstr(alone[0], "\"media\":\"pdf\""));
	for (int round = 0; round < 2; round++) {
		pthread_t th[N];
		for (size_t i = 0; i < N; i++)
			assert_int_equal(pthread_create(&th[i], NULL, run_to_json, (void *)thread_inputs[i]), 0);
		for (size_t i = 0; i < N; i++) {
			void *json = NULL;
			assert_int_equal(pthread_join(th[i], &json), 0);
			assert_non_null(json);
			assert_string_equal(json, alone[i]);
			dx_free(json);
		}
	}
	for (size_t i = 0; i < N; i++)
		dx_free(alone[i]);
	dx_options_free(opt);
}

/* The wide CSV: the grid's header paths, then each printed row, values as exact decimals. */
static void test_wide(void **state)
{
	(void)state;
	dx_options *opt = dx_options_new();
	dx_options_set_schemas(opt, schemas);
	dx_error err;
	int rc;
	dx_document *doc = run_mini(opt, &rc, &err);
	const dx_table *t = dx_doc_table(doc, 0);
	char *name = dx_table_csv_name(doc, t, 2);
	assert_string_equal(name, "mini~2.t01 收入决算表.csv");
	dx_free(name);
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	assert_int_equal(dx_write_table_csv(doc, t, 0, f, &err), 0);
	fclose(f);
	assert_non_null(strstr(buf, "科目编码,科目名称,本年收入合计,财政拨款收入,其他收入\r\n"));
	assert_non_null(strstr(buf, "\r\n合计,,3260.55,3249.55,11\r\n"));
	assert_non_null(strstr(buf, "\r\n201,一般公共服务支出,3249.55,3249.55,\r\n"));
	free(buf);
	/* a text document has no pages to draw */
	assert_null(dx_to_string(doc, DX_FORMAT_HTML, 0, &n, &err));
	assert_int_equal(err.code, DX_EUSAGE);
	dx_close(doc);
	dx_options_free(opt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_walk),
		cmocka_unit_test(test_output),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_memory_and_errors),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_wide),
	};
	return cmocka_run_group_tests_name("api", tests, load, unload);
}
