/*
 * inspect: `disclex inspect FILE [-o PAGE.html]`: reads one PDF as the main
 * command does and writes its inspection page (emit/html.c): each page
 * rendered, the mapped cells drawn over it with their keys, the tables beside.
 * The page is written to a temporary file and moved over the target only when
 * complete.  Exit codes as the main command's (cli/exitcodes.h).  A client
 * of the library (include/disclex.h) only.
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
#include "core/sbuf.h"
#include "include/disclex.h"

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

static bool parse_range(const char *s, dx_options *opt)
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
	return dx_options_set_pages(opt, (int)a, (int)b, NULL) == 0;
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
	dx_options *opt = dx_options_new();
	if (!opt)
		return EXIT_INTERNAL;
	dx_options_set_input_format(opt, "pdf", NULL);
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'S': schema_dir = optarg; break;
		case 'P':
			if (!parse_range(optarg, opt)) {
				cli_say("disclex: inspect: bad --pages '%s' (FIRST or FIRST-LAST)\n", optarg);
				dx_options_free(opt);
				return EXIT_USAGE;
			}
			break;
		case 'h': inspect_usage(stdout); dx_options_free(opt); return EXIT_OK;
		default:
			cli_option_error("inspect", c, argv, optind);
			dx_options_free(opt);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		fputs("disclex: inspect: give one FILE\nTry 'disclex inspect --help' for more information.\n", stderr);
		dx_options_free(opt);
		return EXIT_USAGE;
	}
	const char *path = argv[optind];
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	dx_schemas *schemas = cli_load_schemas(schema_dir);
	if (!schemas) {
		dx_options_free(opt);
		return EXIT_USAGE;
	}
	dx_options_set_schemas(opt, schemas);
	dx_error err;
	int code = EXIT_OK;
	dx_document *doc = dx_open_file(path, &err);
	if (!doc || (dx_run(doc, opt, &err) < 0 && err.code != DX_ENOTEXT)) {
		cli_say("disclex: cannot read '%s': %s\n", name, err.message);
		dx_close(doc);
		dx_options_free(opt);
		dx_schemas_free(schemas);
		return exit_code_for_dx(err.code);
	}
	if (err.code == DX_ENOTEXT) {
		cli_say("disclex: %s\n", err.message); /* no text layer and no OCR, and why */
		code = EXIT_NO_TEXT;
	}
	size_t len = 0;
	char *html = dx_to_string(doc, DX_FORMAT_HTML, 0, &len, &err);
	if (!html) {
		cli_say("disclex: cannot read '%s': %s\n", name, err.message);
		code = exit_code_for_dx(err.code);
	} else {
		output_file file = { 0 };
		FILE *out = output ? output_open(&file, output) : stdout;
		bool ok = out && fwrite(html, 1, len, out) == len;
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
	dx_free(html);
	dx_close(doc);
	dx_options_free(opt);
	dx_schemas_free(schemas);
	return code;
}
