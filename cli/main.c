/*
 * disclex: the command line.
 *
 * Parses options (getopt_long), runs every input through the pipeline and
 * writes the result; one bad input is reported on stderr, with its name and
 * what is wrong, and the batch goes on.  Only this file prints diagnostics
 * and chooses the exit status (cli/exitcodes.h).
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/exitcodes.h"
#include "core/sbuf.h"
#include "emit/json.h"
#include "pipeline/pipeline.h"

#define DISCLEX_VERSION "0.1.0"

enum output_format { FORMAT_JSON, FORMAT_NDJSON };

typedef struct cli_options {
	enum output_format format;
	const char *output;
	bool strict;
	bool quiet;
	pipeline_options pipe;
} cli_options;

static void usage(FILE *out)
{
	fputs("usage: disclex [options] FILE...\n"
	      "Turns Chinese government fiscal disclosures (PDF) into exact JSON.\n"
	      "FILE may be - for standard input.\n"
	      "\n"
	      "  -o, --output FILE        write to FILE instead of standard output\n"
	      "  -f, --format FORMAT      json (default, indented) or ndjson (one line per document)\n"
	      "      --ndjson             same as --format ndjson\n"
	      "      --pages FIRST[-LAST] read only these pages of a PDF\n"
	      "      --input-format FMT   treat inputs as pdf (default: sniffed from content)\n"
	      "      --strict             exit 6 when any document has warnings\n"
	      "  -q, --quiet              do not print warnings on stderr\n"
	      "  -h, --help               show this help\n"
	      "      --version            show the version\n"
	      "\n"
	      "Exit codes: 0 ok, 1 internal error, 2 usage, 3 unreadable input, 4 cannot write output,\n"
	      "5 input without text layer (scanned), 6 warnings with --strict.\n",
	      out);
}

static bool parse_int(const char *s, const char **end, int *out)
{
	long v = 0;
	const char *p = s;
	while (*p >= '0' && *p <= '9' && v < 1000000)
		v = v * 10 + (*p++ - '0');
	if (p == s || v > 1000000)
		return false;
	*out = (int)v;
	*end = p;
	return true;
}

static bool parse_pages(const char *s, pdf_options *pdf)
{
	const char *end;
	if (!parse_int(s, &end, &pdf->first_page) || pdf->first_page < 1)
		return false;
	if (*end == '\0') {
		pdf->last_page = pdf->first_page;
		return true;
	}
	if (*end != '-')
		return false;
	if (end[1] == '\0') {
		pdf->last_page = 0;
		return true;
	}
	return parse_int(end + 1, &end, &pdf->last_page) && *end == '\0' && pdf->last_page >= pdf->first_page;
}

static int write_all(FILE *out, const sbuf *sb)
{
	if (sb->len && fwrite(sb->buf, 1, sb->len, out) != sb->len)
		return -1;
	return 0;
}

/* Runs one input; appends its output to `result`; returns its exit code. */
static int run_one(const char *path, const cli_options *opt, sbuf *result)
{
	error err = { 0 };
	char *data = NULL;
	size_t len = 0;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if (pipeline_read(path, &data, &len, &err) < 0) {
		fprintf(stderr, "disclex: cannot read '%s': %s\n", name, err.message);
		return exit_code_for(err.kind);
	}
	document *doc = pipeline_run(path, data, len, &opt->pipe, &err);
	free(data);
	if (!doc) {
		if (err.page)
			fprintf(stderr, "disclex: cannot read page %d of '%s': %s\n", err.page, name, err.message);
		else
			fprintf(stderr, "disclex: cannot read '%s': %s\n", name, err.message);
		return exit_code_for(err.kind);
	}
	int code = EXIT_OK;
	if (!opt->quiet)
		for (size_t i = 0; i < doc->warnings.len; i++) {
			const warning *w = &doc->warnings.items[i];
			if (w->page)
				fprintf(stderr, "disclex: warning: page %d of '%s': %s\n", w->page, name, w->message);
			else
				fprintf(stderr, "disclex: warning: '%s': %s\n", name, w->message);
		}
	if (doc->text_layer == LAYER_NONE) {
		fprintf(stderr, "disclex: '%s' has no text layer (scanned pages); no text or tables read\n", name);
		code = EXIT_NO_TEXT;
	} else if (opt->strict && doc->warnings.len) {
		code = EXIT_STRICT;
	}
	json_write(doc, opt->format == FORMAT_JSON, result);
	doc_free(doc);
	return code;
}

int main(int argc, char **argv)
{
	cli_options opt = { 0 };
	enum { OPT_NDJSON = 256, OPT_PAGES, OPT_INPUT_FORMAT, OPT_STRICT, OPT_VERSION };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "ndjson", no_argument, NULL, OPT_NDJSON },
		{ "pages", required_argument, NULL, OPT_PAGES },
		{ "input-format", required_argument, NULL, OPT_INPUT_FORMAT },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	while ((c = getopt_long(argc, argv, "o:f:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			opt.output = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				opt.format = FORMAT_JSON;
			else if (strcmp(optarg, "ndjson") == 0)
				opt.format = FORMAT_NDJSON;
			else {
				fprintf(stderr, "disclex: unknown format '%s' (json, ndjson)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_NDJSON:
			opt.format = FORMAT_NDJSON;
			break;
		case OPT_PAGES:
			if (!parse_pages(optarg, &opt.pipe.pdf)) {
				fprintf(stderr, "disclex: bad page range '%s' (N, N-M or N-)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_INPUT_FORMAT:
			if (strcmp(optarg, "pdf") != 0) {
				fprintf(stderr, "disclex: unknown input format '%s' (pdf)\n", optarg);
				return EXIT_USAGE;
			}
			opt.pipe.input_format = optarg;
			break;
		case OPT_STRICT:
			opt.strict = true;
			break;
		case 'q':
			opt.quiet = true;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case OPT_VERSION:
			printf("disclex %s\n", DISCLEX_VERSION);
			return EXIT_OK;
		default:
			fputs("Try 'disclex --help' for more information.\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs("disclex: no input file\nTry 'disclex --help' for more information.\n", stderr);
		return EXIT_USAGE;
	}
	FILE *out = stdout;
	if (opt.output && strcmp(opt.output, "-") != 0) {
		out = fopen(opt.output, "wb");
		if (!out) {
			fprintf(stderr, "disclex: cannot write '%s': %s\n", opt.output, strerror(errno));
			return EXIT_OUTPUT;
		}
	}
	int status = EXIT_OK;
	sbuf result = SBUF_INIT;
	for (int i = optind; i < argc; i++) {
		sbuf_reset(&result);
		int code = run_one(argv[i], &opt, &result);
		status = exit_code_worse(status, code);
		if (write_all(out, &result) < 0 || fflush(out) != 0) {
			fprintf(stderr, "disclex: cannot write '%s': %s\n", opt.output ? opt.output : "<stdout>",
			        strerror(errno));
			status = exit_code_worse(status, EXIT_OUTPUT);
			break;
		}
	}
	sbuf_release(&result);
	if ((out != stdout ? fclose(out) : fflush(out)) != 0) {
		fprintf(stderr, "disclex: cannot write '%s': %s\n", opt.output ? opt.output : "<stdout>", strerror(errno));
		status = exit_code_worse(status, EXIT_OUTPUT);
	}
	return status;
}
