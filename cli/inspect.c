/*
 * inspect: `disclex inspect FILE [-o PAGE.html]`: reads one PDF as the main
 * command does and writes its inspection page (emit/html.c): each page
 * rendered, the mapped cells drawn over it with their keys, the tables beside.
 * The page is written to a temporary file and moved over the target only when
 * complete.  Exit codes as the main command's (cli/exitcodes.h).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/common.h"
#include "cli/exitcodes.h"
#include "cli/inspect.h"
#include "cli/output.h"
#include "emit/html.h"
#include "map/schema.h"
#include "pipeline/api.h"
#include "pipeline/pipeline.h"

static void inspect_usage(FILE *out)
{
	fputs("usage: disclex inspect [options] FILE.pdf\n"
	      "Writes one self-contained HTML page showing each page of FILE with the cells\n"
	      "read from it drawn over it (table, row and column keys as data- attributes and\n"
	      "on hover), failed checks and warnings marked, and the mapped tables beside.\n"
	      "\n"
	      "  -o, --output FILE        write to FILE instead of standard output\n"
	      "      --schemas DIR[:DIR]  read table schemas from these directories\n"
	      "      --pages FIRST[-LAST] show only these pages\n"
	      "  -h, --help               show this help\n"
	      "\n"
	      "Exit codes: 0 ok, 1 internal error, 2 usage or no schemas, 3 unreadable input\n"
	      "(also: not a PDF), 4 cannot write output, 5 input without text layer (the page\n"
	      "is still written).\n",
	      out);
}

static bool parse_range(const char *s, pdf_options *pdf)
{
	char *end;
	long a = strtol(s, &end, 10), b = a;
	if (end == s || a < 1 || a > 1000000)
		return false;
	if (*end == '-') {
		const char *t = end + 1;
		b = *t ? strtol(t, &end, 10) : 0;
		if ((*t && (end == t || b < a || b > 1000000)))
			return false;
	}
	if (*end)
		return false;
	pdf->first_page = (int)a;
	pdf->last_page = (int)b;
	return true;
}

int inspect_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "schemas", required_argument, NULL, 'S' },
		{ "pages", required_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	const char *output = NULL, *schema_dir = NULL;
	pipeline_options pipe = { 0 };
	pipe.max_cells = PIPELINE_MAX_CELLS;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'S': schema_dir = optarg; break;
		case 'P':
			if (!parse_range(optarg, &pipe.pdf)) {
				cli_say("disclex: inspect: bad --pages '%s' (FIRST or FIRST-LAST)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h': inspect_usage(stdout); return EXIT_OK;
		default:
			fputs("Try 'disclex inspect --help' for more information.\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fputs("disclex: inspect: give one FILE\nTry 'disclex inspect --help' for more information.\n", stderr);
		return EXIT_USAGE;
	}
	const char *path = argv[optind];
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	dx_schemas *schemas = cli_load_schemas(schema_dir);
	if (!schemas)
		return EXIT_USAGE;
	pipe.schemas = api_schema_set(schemas);
	error err = { 0 };
	pipe.input_format = INPUT_PDF;
	char *data = NULL;
	size_t len = 0;
	if (pipeline_read(path, &data, &len, &err) < 0) {
		cli_say("disclex: cannot read '%s': %s\n", name, err.message);
		dx_schemas_free(schemas);
		return exit_code_for(err.kind);
	}
	document *doc = pipeline_run(path, data, len, &pipe, &err);
	if (!doc) {
		cli_say("disclex: cannot read '%s': %s\n", name, err.message);
		free(data);
		dx_schemas_free(schemas);
		return exit_code_for(err.kind);
	}
	int code = EXIT_OK;
	const char *unread = doc_scan_unread(doc);
	if (unread) {
		cli_say("disclex: '%s' has no text layer (scanned pages); no tables to draw: %s\n", name, unread);
		code = EXIT_NO_TEXT;
	}
	sbuf page = SBUF_INIT;
	if (html_write_inspect(doc, data, len, &page, &err) < 0) {
		cli_say("disclex: cannot read '%s': %s\n", name, err.message);
		code = exit_code_for(err.kind);
	} else {
		output_file file = { 0 };
		FILE *out = output ? output_open(&file, output) : stdout;
		bool ok = out && fwrite(page.buf, 1, page.len, out) == page.len;
		int e = errno;
		if (out && output && !ok)
			output_close(&file, false);
		else if (out && output)
			ok = output_close(&file, true) == 0, e = errno;
		else if (out)
			ok = ok && fflush(out) == 0, e = errno;
		if (!ok) {
			cli_report_write_error(output ? output : "<stdout>", e);
			code = EXIT_OUTPUT;
		}
	}
	sbuf_release(&page);
	doc_free(doc);
	free(data);
	dx_schemas_free(schemas);
	return code;
}
