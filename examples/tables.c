/*
 * tables: lists the tables of a disclosure with their schema and totals.
 *
 * An example of the disclex library (include/disclex.h), built against the
 * installed library:
 *
 *     cc -o tables tables.c $(pkg-config --cflags --libs disclex)
 *     ./tables report.pdf
 *
 * For each table one line: id, pages, schema (or "-" when none claims it),
 * unit and title; then, for its first total row (a label holding 合计 or
 * 总计), the row's label and every value as "column=exact decimal".  Then
 * how many checks hold and how many warnings there are.  Exit 0, or 1 with
 * the library's message on stderr.
 */
#include <stdio.h>
#include <string.h>

#include <disclex.h>

static int is_total(const char *label)
{
	return label && (strstr(label, "合计") || strstr(label, "总计"));
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: tables FILE\n");
		return 2;
	}
	dx_error err;
	dx_schemas *schemas = dx_schemas_load(NULL, &err); /* $DISCLEX_SCHEMAS, or the installed ones */
	dx_options *opt = dx_options_new();
	dx_document *doc = schemas && opt ? dx_open_file(argv[1], &err) : NULL;
	int status = 1;
	if (doc) {
		dx_options_set_schemas(opt, schemas);
		if (dx_run(doc, opt, &err) == 0)
			status = 0;
	}
	if (status != 0) {
		fprintf(stderr, "tables: %s\n", err.message);
		goto done;
	}
	printf("%s: disclex %s, %d pages\n", dx_doc_name(doc), dx_version(), dx_doc_page_count(doc));
	for (size_t i = 0; i < dx_doc_table_count(doc); i++) {
		const dx_table *t = dx_doc_table(doc, i);
		const char *schema = dx_table_schema(t), *unit = dx_table_unit(t), *title = dx_table_title(t);
		printf("%s p.%d-%d %s [%s] %s\n", dx_table_id(t), dx_table_first_page(t), dx_table_last_page(t),
		       schema ? schema : "-", unit ? unit : "-", title ? title : "");
		for (size_t r = 0; r < dx_table_row_count(t); r++) {
			const dx_row *row = dx_table_row(t, r);
			if (!is_total(dx_row_label(row)))
				continue;
			printf("  %s (p.%d):", dx_row_label(row), dx_row_page(row));
			for (size_t c = 0; c < dx_table_column_count(t); c++) {
				const char *v = dx_row_value(row, c);
				printf(" %s=%s", dx_table_column_key(t, c), v ? v : "null");
			}
			printf("\n");
			break;
		}
	}
	size_t holding = 0;
	for (size_t i = 0; i < dx_doc_check_count(doc); i++) {
		dx_check c;
		if (dx_doc_check(doc, i, &c) == 0 && c.ok)
			holding++;
	}
	printf("checks: %zu of %zu hold; warnings: %zu\n", holding, dx_doc_check_count(doc),
	       dx_doc_warning_count(doc));
done:
	dx_close(doc);
	dx_options_free(opt);
	dx_schemas_free(schemas);
	return status;
}
