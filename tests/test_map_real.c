/*
 * test_map_real: the 决算 PDFs of the shared corpus (corpus/real/) through the whole
 * pipeline.  Each prints the nine 公开 tables once, so each of the nine
 * final.* schema ids must claim exactly one table; every identity reported
 * must hold (these documents are internally consistent: checked by reading
 * their pages).  Run from the repository root; skipped without the shared
 * corpus (tests/shared_dir.h).
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

#include "pipeline/pipeline.h"
#include "tests/map_fixture.h"
#include "tests/shared_dir.h"

static const char *const nine[] = {
	"final.summary",    "final.income", "final.expenditure", "final.fiscal_summary",
	"final.general_expenditure", "final.basic_detail", "final.fund", "final.capital",
	"final.three_public",
};

#define NELEM_NINE (sizeof nine / sizeof *nine)

/* Runs one file of the shared corpus (the test is skipped without it); a file that cannot be read fails. */
static document *run(const char *name)
{
	char rel[256], buf[4096];
	snprintf(rel, sizeof rel, "corpus/real/%s", name);
	const char *path = shared_file(buf, sizeof buf, rel);
	error err = { 0 };
	document *doc = fixture_run(path, &err);
	if (!doc)
		fail_msg("%s", err.message);
	return doc;
}

static void check_nine(const char *name, size_t min_checks)
{
	document *doc = run(name);
	assert_int_equal(doc->kind, KIND_FINAL_ACCOUNTS);
	for (size_t i = 0; i < NELEM_NINE; i++) {
		size_t n = 0;
		for (size_t t = 0; t < doc->tables.len; t++)
			n += doc->tables.items[t]->schema && strcmp(doc->tables.items[t]->schema, nine[i]) == 0;
		if (n != 1)
			fprintf(stderr, "%s: %s claims %zu tables\n", name, nine[i], n);
		assert_int_equal(n, 1);
	}
	size_t total = 0, failed = 0;
	for (size_t t = 0; t < doc->tables.len; t++) {
		const table *tb = doc->tables.items[t];
		for (size_t c = 0; c < tb->checks.len; c++) {
			total++;
			if (!tb->checks.items[c].ok) {
				failed++;
				fprintf(stderr, "%s: %s %s %s/%s fails\n", name, tb->id, tb->checks.items[c].rule,
				        tb->checks.items[c].row ? tb->checks.items[c].row : "-",
				        tb->checks.items[c].column ? tb->checks.items[c].column : "-");
			}
		}
	}
	for (size_t c = 0; c < doc->document_checks.len; c++) {
		total++;
		failed += !doc->document_checks.items[c].ok;
	}
	assert_true(total >= min_checks);
	assert_int_equal(failed, 0);
	doc_free(doc);
}

static void test_putuo_finance_bureau(void **state)
{
	(void)state;
	check_nine("putuo-finance-bureau-2024-final.pdf", 100);
}

static void test_putuo_planning(void **state)
{
	(void)state;
	check_nine("putuo-planning-2024-final.pdf", 100);
}

static void test_putuo_social_work(void **state)
{
	(void)state;
	check_nine("putuo-social-work-2024-final.pdf", 100);
}

/* A blank template: every table claimed, nothing printed, so nothing checked. */
static void test_final_accounts_template(void **state)
{
	(void)state;
	check_nine("final-accounts-template.pdf", 0);
	document *doc = run("final-accounts-template.pdf");
	size_t checks = doc->document_checks.len;
	for (size_t t = 0; t < doc->tables.len; t++)
		checks += doc->tables.items[t]->checks.len;
	assert_int_equal(checks, 0);
	doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_putuo_finance_bureau),
		cmocka_unit_test(test_putuo_planning),
		cmocka_unit_test(test_putuo_social_work),
		cmocka_unit_test(test_final_accounts_template),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
