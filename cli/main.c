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
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/exitcodes.h"
#include "core/sbuf.h"
#include "core/version.h"
#include "emit/csv.h"
#include "emit/json.h"
#include "map/schema.h"
#include "pipeline/pipeline.h"


enum output_format { FORMAT_JSON, FORMAT_NDJSON, FORMAT_CSV };

typedef struct cli_options {
	enum output_format format;
	const char *output;
	bool strict;
	bool quiet;
	bool bom;
	long timeout_ms; /* 0: none */
	const char *schema_dir;
	pipeline_options pipe;
} cli_options;

static void usage(FILE *out)
{
	fputs("usage: disclex [options] FILE...\n"
	      "Turns Chinese government fiscal disclosures (PDF, HTML, text) into exact JSON.\n"
	      "FILE may be - for standard input.\n"
	      "\n"
	      "  -o, --output FILE        write to FILE instead of standard output\n"
	      "  -f, --format FORMAT      json (default, indented), ndjson (one line per document)\n"
	      "                           or csv (one line per value)\n"
	      "      --ndjson             same as --format ndjson\n"
	      "      --bom                start CSV output with a UTF-8 byte order mark (for Excel)\n"
	      "      --unit UNIT          convert amounts exactly to yuan, 千元, 万元 or 亿元\n"
	      "      --facts              also list the amounts and percentages stated in the text,\n"
	      "                           with the words they measure\n"
	      "      --schemas DIR[:DIR]  read table schemas from these directories (default:\n"
	      "                           $DISCLEX_SCHEMAS, else schemas/ or ../share/disclex/schemas\n"
	      "                           beside the program; none found is exit 2)\n"
	      "      --pages FIRST[-LAST] read only these pages of a PDF\n"
	      "      --input-format FMT   read inputs as pdf, html or text (default: sniffed from content)\n"
	      "      --timeout SECONDS    read each input in a child process and give up on it after\n"
	      "                           SECONDS (it is reported, exit 3, and the batch goes on)\n"
	      "      --strict             exit 6 when any document has warnings\n"
	      "  -q, --quiet              do not print warnings on stderr\n"
	      "  -h, --help               show this help\n"
	      "      --version            show the version\n"
	      "\n"
	      "Exit codes: 0 ok, 1 internal error, 2 usage or no schemas, 3 unreadable input,\n"
	      "4 cannot write output, 5 input without text layer (scanned), 6 warnings with --strict.\n",
	      out);
}

/* The unit --unit names, as the model spells it, or NULL. */
static const char *unit_name(const char *arg)
{
	static const char *const names[][2] = {
		{ "yuan", "\xE5\x85\x83" }, { "\xE5\x85\x83", "\xE5\x85\x83" },
		{ "qianyuan", "\xE5\x8D\x83\xE5\x85\x83" }, { "\xE5\x8D\x83\xE5\x85\x83", "\xE5\x8D\x83\xE5\x85\x83" },
		{ "wanyuan", "\xE4\xB8\x87\xE5\x85\x83" }, { "\xE4\xB8\x87\xE5\x85\x83", "\xE4\xB8\x87\xE5\x85\x83" },
		{ "yiyuan", "\xE4\xBA\xBF\xE5\x85\x83" }, { "\xE4\xBA\xBF\xE5\x85\x83", "\xE4\xBA\xBF\xE5\x85\x83" },
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(arg, names[i][0]) == 0)
			return names[i][1];
	return NULL;
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Where schemas are when --schemas does not say: $DISCLEX_SCHEMAS, then, from
 * the directory of the running program (/proc/self/exe, links resolved),
 * schemas/ beside it (a source tree) and ../share/disclex/schemas (an
 * installed tree, wherever it was moved); NULL when there are none. */
static const char *default_schema_dir(char *buf, size_t size)
{
	const char *env = getenv("DISCLEX_SCHEMAS");
	if (env && *env)
		return env;
	static const char *const beside[] = { "schemas", "../share/disclex/schemas" };
	ssize_t n = readlink("/proc/self/exe", buf, size);
	if (n <= 0 || (size_t)n >= size)
		return NULL;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	for (size_t i = 0; i < sizeof beside / sizeof *beside; i++) {
		if ((size_t)(slash + 1 - buf) + strlen(beside[i]) >= size)
			continue;
		strcpy(slash + 1, beside[i]);
		if (is_dir(buf))
			return buf;
	}
	return NULL;
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

/* Says that target cannot be written, with strerror(code) lowercased as every message here is. */
static void report_write_error(const char *target, int code)
{
	char reason[256];
	snprintf(reason, sizeof reason, "%s", strerror(code));
	if (reason[0] >= 'A' && reason[0] <= 'Z')
		reason[0] = (char)(reason[0] - 'A' + 'a');
	fprintf(stderr, "disclex: cannot write '%s': %s\n", target, reason);
}

static int write_all(FILE *out, const sbuf *sb)
{
	if (sb->len && fwrite(sb->buf, 1, sb->len, out) != sb->len)
		return -1;
	return 0;
}

/* Runs one input; appends its JSON to `result` (CSV goes straight to out); returns its exit code. */
static int run_one(const char *path, const cli_options *opt, sbuf *result, FILE *out)
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
				fprintf(stderr, "disclex: warning: %s: page %d of '%s': %s\n", w->code, w->page, name,
				        w->message);
			else
				fprintf(stderr, "disclex: warning: %s: '%s': %s\n", w->code, name, w->message);
		}
	if (doc->text_layer == LAYER_NONE) {
		fprintf(stderr, "disclex: '%s' has no text layer (scanned pages); no text or tables read\n", name);
		code = EXIT_NO_TEXT;
	} else if (opt->strict && doc->warnings.len) {
		code = EXIT_STRICT;
	}
	if (opt->format == FORMAT_CSV) {
		if (csv_write_rows(doc, out, &err) < 0)
			code = EXIT_OUTPUT;
	} else {
		json_write(doc, opt->format == FORMAT_JSON, result);
	}
	doc_free(doc);
	return code;
}

/*
 * Runs one input in a child process with a time limit: a file that hangs the
 * PDF library is killed when its time is up, a file that crashes it is
 * reported, and either way the batch goes on.  The child's output comes back
 * through a pipe and is kept only when the child finished.
 */
static int run_guarded(const char *path, const cli_options *opt, sbuf *result)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	int fds[2];
	if (pipe(fds) < 0)
		return run_one(path, opt, result, stdout);
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return run_one(path, opt, result, stdout);
	}
	if (pid == 0) {
		close(fds[0]);
		FILE *to_parent = fdopen(fds[1], "wb");
		sbuf mine = SBUF_INIT;
		int code = to_parent ? run_one(path, opt, &mine, to_parent) : EXIT_INTERNAL;
		if (to_parent && (write_all(to_parent, &mine) < 0 || fclose(to_parent) != 0))
			code = EXIT_OUTPUT;
		_exit(code);
	}
	close(fds[1]);
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	bool timed_out = false;
	char buf[65536];
	for (;;) {
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		long spent = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
		long left = opt->timeout_ms - spent;
		if (left <= 0) {
			timed_out = true;
			break;
		}
		struct pollfd pfd = { fds[0], POLLIN, 0 };
		int ready = poll(&pfd, 1, left > INT_MAX ? INT_MAX : (int)left);
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready == 0) {
			timed_out = true;
			break;
		}
		ssize_t got = read(fds[0], buf, sizeof buf);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		sbuf_add(result, buf, (size_t)got);
	}
	close(fds[0]);
	if (timed_out)
		kill(pid, SIGKILL);
	int wstatus = 0;
	while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
		;
	if (timed_out) {
		sbuf_reset(result);
		fprintf(stderr, "disclex: cannot read '%s': gave up after %ld.%03ld s (--timeout)\n", name,
		        opt->timeout_ms / 1000, opt->timeout_ms % 1000);
		return EXIT_INPUT;
	}
	if (WIFSIGNALED(wstatus)) {
		sbuf_reset(result);
		fprintf(stderr, "disclex: cannot read '%s': the reader stopped on signal %d\n", name, WTERMSIG(wstatus));
		return EXIT_INTERNAL;
	}
	return WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : EXIT_INTERNAL;
}

/* Seconds with up to three decimals ("30", "0.5") into milliseconds; false when malformed. */
static bool parse_seconds(const char *s, long *ms)
{
	long whole = 0, frac = 0;
	int digits = 0, frac_digits = 0;
	const char *p = s;
	while (*p >= '0' && *p <= '9' && whole < 1000000) {
		whole = whole * 10 + (*p++ - '0');
		digits++;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9' && frac_digits < 3) {
			frac = frac * 10 + (*p++ - '0');
			frac_digits++;
		}
	}
	if (*p != '\0' || (digits == 0 && frac_digits == 0))
		return false;
	while (frac_digits++ < 3)
		frac *= 10;
	*ms = whole * 1000 + frac;
	return *ms > 0;
}

int main(int argc, char **argv)
{
	cli_options opt = { 0 };
	enum { OPT_NDJSON = 256, OPT_PAGES, OPT_INPUT_FORMAT, OPT_STRICT, OPT_VERSION, OPT_BOM, OPT_UNIT, OPT_SCHEMAS, OPT_FACTS, OPT_TIMEOUT };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "ndjson", no_argument, NULL, OPT_NDJSON },
		{ "pages", required_argument, NULL, OPT_PAGES },
		{ "input-format", required_argument, NULL, OPT_INPUT_FORMAT },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "bom", no_argument, NULL, OPT_BOM },
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "schemas", required_argument, NULL, OPT_SCHEMAS },
		{ "facts", no_argument, NULL, OPT_FACTS },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:f:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			opt.output = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				opt.format = FORMAT_JSON;
			else if (strcmp(optarg, "ndjson") == 0)
				opt.format = FORMAT_NDJSON;
			else if (strcmp(optarg, "csv") == 0)
				opt.format = FORMAT_CSV;
			else {
				fprintf(stderr, "disclex: unknown format '%s' (json, ndjson, csv)\n", optarg);
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
			opt.pipe.input_format = sniff_format_name(optarg);
			if (opt.pipe.input_format == INPUT_UNKNOWN) {
				fprintf(stderr, "disclex: unknown input format '%s' (pdf, html, text)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_STRICT:
			opt.strict = true;
			break;
		case OPT_BOM:
			opt.bom = true;
			break;
		case OPT_UNIT:
			if (!unit_name(optarg)) {
				fprintf(stderr, "disclex: unknown unit '%s' (yuan, 元, 千元, 万元, 亿元)\n", optarg);
				return EXIT_USAGE;
			}
			opt.pipe.unit = unit_name(optarg);
			break;
		case OPT_SCHEMAS:
			opt.schema_dir = optarg;
			break;
		case OPT_FACTS:
			opt.pipe.facts = true;
			break;
		case OPT_TIMEOUT:
			if (!parse_seconds(optarg, &opt.timeout_ms)) {
				fprintf(stderr, "disclex: bad timeout '%s' (seconds, e.g. 30 or 0.5)\n", optarg);
				return EXIT_USAGE;
			}
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
		case ':':
			fprintf(stderr, "disclex: option '%s' needs a value\n", argv[optind - 1]);
			fputs("Try 'disclex --help' for more information.\n", stderr);
			return EXIT_USAGE;
		default:
			fprintf(stderr, "disclex: unknown option '%s'\n", argv[optind - 1]);
			fputs("Try 'disclex --help' for more information.\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs("disclex: no input file\nTry 'disclex --help' for more information.\n", stderr);
		return EXIT_USAGE;
	}
	char exe_dir[4096];
	const char *schema_dir = opt.schema_dir ? opt.schema_dir : default_schema_dir(exe_dir, sizeof exe_dir);
	if (!schema_dir) {
		fputs("disclex: no table schemas found ($DISCLEX_SCHEMAS not set, no schemas/ nor "
		      "../share/disclex/schemas beside the program); give --schemas DIR\n", stderr);
		return EXIT_USAGE;
	}
	error err = { 0 };
	schema_set *schemas = schema_set_load(schema_dir, &err);
	if (!schemas) {
		fprintf(stderr, "disclex: cannot load schemas: %s\n", err.message);
		return EXIT_USAGE;
	}
	opt.pipe.schemas = schemas;
	FILE *out = stdout;
	if (opt.output && strcmp(opt.output, "-") != 0) {
		out = fopen(opt.output, "wb");
		if (!out) {
			report_write_error(opt.output, errno);
			schema_set_free(schemas);
			return EXIT_OUTPUT;
		}
	}
	int status = EXIT_OK;
	sbuf result = SBUF_INIT;
	if (opt.format == FORMAT_CSV && csv_write_header(out, opt.bom, &err) < 0)
		status = EXIT_OUTPUT;
	for (int i = optind; i < argc; i++) {
		sbuf_reset(&result);
		int code = opt.timeout_ms ? run_guarded(argv[i], &opt, &result) : run_one(argv[i], &opt, &result, out);
		status = exit_code_worse(status, code);
		if (write_all(out, &result) < 0 || fflush(out) != 0) {
			report_write_error(opt.output ? opt.output : "<stdout>", errno);
			status = exit_code_worse(status, EXIT_OUTPUT);
			break;
		}
	}
	sbuf_release(&result);
	schema_set_free(schemas);
	if ((out != stdout ? fclose(out) : fflush(out)) != 0) {
		report_write_error(opt.output ? opt.output : "<stdout>", errno);
		status = exit_code_worse(status, EXIT_OUTPUT);
	}
	return status;
}
