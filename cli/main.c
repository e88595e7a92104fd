/*
 * disclex: the command line.
 *
 * Parses options (getopt_long), runs every input through the library
 * (include/disclex.h: open, run, walk the warnings, write JSON, NDJSON, CSV
 * or a workbook) and writes the result; one bad input is reported on stderr,
 * with its name and what is wrong, and the batch goes on.  Only this file
 * prints diagnostics and chooses the exit status (cli/exitcodes.h).
 *
 * Where it still reaches past the interface (pipeline/api.h: the model behind
 * a document): --format sqlite (its test hook before COMMIT).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
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
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/batch.h"
#include "cli/common.h"
#include "cli/exitcodes.h"
#include "cli/inspect.h"
#include "cli/output.h"
#include "core/sbuf.h"
#include "emit/sqlite.h"
#include "include/disclex.h"
#include "pipeline/api.h"


/* FORMAT_NONE: --wide alone, nothing but its CSVs */
enum output_format { FORMAT_DEFAULT, FORMAT_NONE, FORMAT_JSON, FORMAT_NDJSON, FORMAT_CSV, FORMAT_XLSX, FORMAT_SQLITE, FORMAT_HTML };

/* The formats by name; a file name ending in one of the extensions picks it
 * for -o when --format does not say. */
static const struct {
	const char *name;
	enum output_format format;
	const char *extensions[3];
} formats[] = {
	{ "json", FORMAT_JSON, { ".json" } },
	{ "ndjson", FORMAT_NDJSON, { ".ndjson", ".jsonl" } },
	{ "csv", FORMAT_CSV, { ".csv" } },
	{ "xlsx", FORMAT_XLSX, { ".xlsx" } },
	{ "sqlite", FORMAT_SQLITE, { ".sqlite", ".sqlite3", ".db" } },
	{ "html", FORMAT_HTML, { ".html", ".htm" } },
};

static enum output_format format_named(const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (strcmp(name, formats[i].name) == 0)
			return formats[i].format;
	return FORMAT_DEFAULT;
}

/* The format the extension of path names (case aside), else FORMAT_DEFAULT. */
static enum output_format format_of_path(const char *path)
{
	size_t n = strlen(path);
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		for (size_t k = 0; k < 3 && formats[i].extensions[k]; k++) {
			size_t e = strlen(formats[i].extensions[k]);
			if (n > e && path[n - e - 1] != '/' && strcasecmp(path + n - e, formats[i].extensions[k]) == 0)
				return formats[i].format;
		}
	return FORMAT_DEFAULT;
}

typedef struct cli_options {
	enum output_format format;
	const char *output;
	bool strict;
	bool quiet;
	bool bom;
	bool raw_csv;
	long timeout_ms; /* 0: none */
	const char *schema_dir;
	dx_options *dx;  /* what the library is asked to do with each input */
	dx_workbook *book; /* --format xlsx: the workbook documents are added to */
	const char *db;  /* --format sqlite: the database documents are added to */
	bool force;      /* replace a document already in the database */
	const char *wide; /* --wide: the directory of one CSV per table */
	int wide_dup;     /* this input's stem met before in the run: its ordinal (2, 3 …), else 0 */
} cli_options;

static void usage(FILE *out)
{
	fputs("usage: disclex [options] FILE...\n"
	      "       disclex batch [options] DIR|MANIFEST...   (see disclex batch --help)\n"
	      "       disclex merge OUT.db IN.db...\n"
	      "       disclex inspect [-o PAGE.html] FILE.pdf   (see disclex inspect --help)\n"
	      "Turns Chinese government fiscal disclosures (PDF, HTML, text) into exact JSON.\n"
	      "FILE may be - for standard input.\n"
	      "\n"
	      "  -o, --output FILE        write to FILE instead of standard output\n"
	      "  -f, --format FORMAT      json (indented; several inputs make one array), ndjson\n"
	      "                           (one line per document), csv (one line per value),\n"
	      "                           xlsx (a workbook: a sheet per table; needs -o) or\n"
	      "                           sqlite (appends to the database --db names) or html\n"
	      "                           (one PDF's pages with what was read drawn over them,\n"
	      "                           as disclex inspect);\n"
	      "                           default: from the -o extension (.json .ndjson .jsonl\n"
	      "                           .csv .xlsx .sqlite .sqlite3 .db .html .htm), else json\n"
	      "      --db FILE            the SQLite database of --format sqlite (created when\n"
	      "                           absent; an input already in it, by sha256, is skipped)\n"
	      "      --force              replace an input already in the database\n"
	      "      --wide DIR           also write each table as printed to DIR/NAME.ID TITLE.csv\n"
	      "                           (alone: nothing on standard output)\n"
	      "      --ndjson             same as --format ndjson\n"
	      "      --bom                start CSV output with a UTF-8 byte order mark (for Excel)\n"
	      "      --raw-csv            write CSV text fields as printed: by default a field that\n"
	      "                           begins with = + - @, tab or CR is quoted after a ' so a\n"
	      "                           spreadsheet does not run it as a formula\n"
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
	      "      --max-cells N        refuse an input whose tables hold more than N cells\n"
	      "                           (rows x columns; default 1000000; exit 3, the batch goes on)\n"
	      "      --no-ocr             do not read pages without a text layer by OCR\n"
	      "      --strict             exit 6 when any document has warnings\n"
	      "  -q, --quiet              do not print warnings on stderr\n"
	      "  -h, --help               show this help\n"
	      "      --version            show the version\n"
	      "\n"
	      "Exit codes: 0 ok, 1 internal error, 2 usage or no schemas, 3 unreadable input,\n"
	      "4 cannot write output, 5 scanned input and no OCR (Tesseract) to read it, 6 warnings with --strict.\n",
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

/* FIRST, FIRST-LAST or FIRST- into the options (last 0: to the end). */
static bool parse_pages(const char *s, dx_options *opt)
{
	const char *end;
	int first, last;
	if (!parse_int(s, &end, &first) || first < 1)
		return false;
	if (*end == '\0')
		last = first;
	else if (*end != '-')
		return false;
	else if (end[1] == '\0')
		last = 0;
	else if (!parse_int(end + 1, &end, &last) || *end != '\0' || last < first)
		return false;
	return dx_options_set_pages(opt, first, last, NULL) == 0;
}


static int write_all(FILE *out, const sbuf *sb)
{
	if (sb->len && fwrite(sb->buf, 1, sb->len, out) != sb->len)
		return -1;
	return 0;
}

/*
 * The test hook of an interrupted database load: with
 * DISCLEX_TEST_KILL_BEFORE_COMMIT=N the process kills itself (SIGKILL) when
 * the Nth document it adds is written but not yet committed.
 */
static void test_kill_hook(void *arg)
{
	static long added;
	(void)arg;
	const char *n = getenv("DISCLEX_TEST_KILL_BEFORE_COMMIT");
	if (n && *n && ++added == strtol(n, NULL, 10))
		raise(SIGKILL);
}

/* --wide: each table of doc to DIR/NAME.csv, each file replaced atomically; returns an exit code. */
static int write_wide(const dx_document *dx, const cli_options *opt)
{
	int code = EXIT_OK;
	sbuf path = SBUF_INIT;
	unsigned flags = (opt->bom ? DX_CSV_BOM : 0) | (opt->raw_csv ? DX_CSV_RAW : 0);
	for (size_t i = 0; i < dx_doc_table_count(dx) && code == EXIT_OK; i++) {
		const dx_table *t = dx_doc_table(dx, i);
		char *name = dx_table_csv_name(dx, t, opt->wide_dup);
		sbuf_reset(&path);
		sbuf_addf(&path, "%s/%s", opt->wide, name);
		dx_free(name);
		output_file file = { 0 };
		FILE *f = output_open(&file, path.buf);
		if (!f) {
			cli_report_write_error(path.buf, errno);
			code = EXIT_OUTPUT;
			break;
		}
		bool ok = dx_write_table_csv(dx, t, flags, f, NULL) == 0;
		int e = errno;
		if (output_close(&file, ok) != 0 || !ok) {
			cli_report_write_error(path.buf, ok ? errno : e);
			code = EXIT_OUTPUT;
		}
	}
	sbuf_release(&path);
	return code;
}

/* Runs one input; appends its JSON to `result` (CSV goes straight to out); returns its exit code. */
static int run_one(const char *path, const cli_options *opt, sbuf *result, FILE *out)
{
	dx_error err;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	dx_document *dx = dx_open_file(path, &err);
	if (!dx) {
		cli_say("disclex: cannot read '%s': %s\n", name, err.message);
		return exit_code_for_dx(err.code);
	}
	sqlite_db *db = NULL;
	if (opt->format == FORMAT_SQLITE) {
		/* a database connection never crosses a fork: each input opens its own */
		const char *sha = dx_doc_sha256(dx);
		error e = { 0 };
		int has = -1;
		if ((db = sqlite_open_db(opt->db, &e)) == NULL || (has = sqlite_has_document(db, sha, &e)) < 0) {
			cli_say("disclex: cannot write '%s': %s\n", opt->db, e.message);
			sqlite_close_db(db);
			dx_close(dx);
			return EXIT_OUTPUT;
		}
		if (has && !opt->force) {
			if (!opt->quiet)
				cli_say("disclex: '%s' is already in '%s' (same sha256 %.12s…); skipped (--force replaces it)\n",
				    name, opt->db, sha);
			sqlite_close_db(db);
			dx_close(dx);
			return EXIT_OK;
		}
	}
	int code = EXIT_OK;
	if (dx_run(dx, opt->dx, &err) < 0) {
		if (err.code != DX_ENOTEXT && err.code != DX_ESTRICT) {
			dx_close(dx);
			sqlite_close_db(db);
			if (err.page)
				cli_say("disclex: cannot read page %d of '%s': %s\n", err.page, name, err.message);
			else
				cli_say("disclex: cannot read '%s': %s\n", name, err.message);
			return exit_code_for_dx(err.code);
		}
		/* read whole: a scanned input, or warnings with --strict */
		code = exit_code_for_dx(err.code);
	}
	if (!opt->quiet)
		for (size_t i = 0; i < dx_doc_warning_count(dx); i++) {
			dx_warning w;
			dx_doc_warning(dx, i, &w);
			if (w.page)
				cli_say("disclex: warning: %s: page %d of '%s': %s\n", w.code, w.page, name, w.message);
			else
				cli_say("disclex: warning: %s: '%s': %s\n", w.code, name, w.message);
		}
	if (code == EXIT_NO_TEXT)
		cli_say("disclex: '%s' has no text layer (scanned pages); no text or tables read: %s\n", name,
		        doc_scan_unread(api_model(dx)));
	if (opt->wide)
		code = exit_code_worse(code, write_wide(dx, opt));
	unsigned csv_flags = DX_CSV_NO_HEADER | (opt->bom ? DX_CSV_BOM : 0) | (opt->raw_csv ? DX_CSV_RAW : 0);
	if (opt->format == FORMAT_NONE) {
		/* --wide alone */
	} else if (opt->format == FORMAT_CSV) {
		if (dx_write(dx, DX_FORMAT_CSV, csv_flags, out, &err) < 0)
			code = EXIT_OUTPUT;
	} else if (opt->format == FORMAT_SQLITE) {
		sqlite_add_options so = { .replace = opt->force, .before_commit = test_kill_hook };
		error e = { 0 };
		int added = sqlite_add_document(db, api_model(dx), &so, &e);
		if (added < 0) {
			cli_say("disclex: cannot add '%s' to '%s': %s\n", name, opt->db, e.message);
			code = EXIT_OUTPUT;
		} else if (added == 1 && !opt->quiet) {
			cli_say("disclex: '%s' is already in '%s' (same sha256); skipped (--force replaces it)\n", name, opt->db);
		}
		sqlite_close_db(db);
	} else if (opt->format == FORMAT_XLSX) {
		size_t as_text = 0;
		if (dx_workbook_add(opt->book, dx, &as_text, &err) < 0) {
			cli_say("disclex: cannot write '%s': %s\n", opt->output, err.message);
			code = EXIT_OUTPUT;
		} else if (as_text && !opt->quiet) {
			cli_say("disclex: warning: amount_as_text: '%s': %zu amounts of more than %d significant digits "
			    "written as text in the workbook\n", name, as_text, DX_WORKBOOK_MAX_DIGITS);
		}
		if (as_text && opt->strict && code == EXIT_OK)
			code = EXIT_STRICT;
	} else if (opt->format == FORMAT_HTML) {
		size_t len = 0;
		char *page = NULL;
		if (strcmp(dx_doc_media(dx), "pdf") != 0) {
			cli_say("disclex: cannot draw '%s': --format html shows the pages of a PDF, and it is %s\n", name,
			        dx_doc_media(dx));
			code = EXIT_INPUT;
		} else if ((page = dx_to_string(dx, DX_FORMAT_HTML, 0, &len, &err)) == NULL) {
			cli_say("disclex: cannot read '%s': %s\n", name, err.message);
			code = exit_code_for_dx(err.code);
		} else {
			sbuf_add(result, page, len);
		}
		dx_free(page);
	} else {
		size_t len = 0;
		char *json = dx_to_string(dx, opt->format == FORMAT_JSON ? DX_FORMAT_JSON : DX_FORMAT_NDJSON, 0, &len, &err);
		if (json)
			sbuf_attach(result, json, len); /* no second copy of a large output */
		else
			code = exit_code_worse(code, exit_code_for_dx(err.code));
	}
	dx_close(dx);
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
	int fd;
	pid_t pid = cli_fork_piped(&fd);
	if (pid < 0)
		return run_one(path, opt, result, stdout);
	if (pid == 0) {
		FILE *to_parent = fdopen(fd, "wb");
		sbuf mine = SBUF_INIT;
		int code = to_parent ? run_one(path, opt, &mine, to_parent) : EXIT_INTERNAL;
		if (to_parent && (write_all(to_parent, &mine) < 0 || fclose(to_parent) != 0))
			code = EXIT_OUTPUT;
		_exit(code);
	}
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
		struct pollfd pfd = { fd, POLLIN, 0 };
		int ready = poll(&pfd, 1, left > INT_MAX ? INT_MAX : (int)left);
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready == 0) {
			timed_out = true;
			break;
		}
		ssize_t got = read(fd, buf, sizeof buf);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		sbuf_add(result, buf, (size_t)got);
	}
	close(fd);
	if (timed_out)
		kill(pid, SIGKILL);
	int wstatus = 0;
	while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
		;
	if (timed_out) {
		sbuf_reset(result);
		cli_say("disclex: cannot read '%s': gave up after %ld.%03ld s (--timeout)\n", name,
		        opt->timeout_ms / 1000, opt->timeout_ms % 1000);
		return EXIT_INPUT;
	}
	if (WIFSIGNALED(wstatus)) {
		sbuf_reset(result);
		cli_say("disclex: cannot read '%s': the reader stopped on signal %d\n", name, WTERMSIG(wstatus));
		return EXIT_INTERNAL;
	}
	return WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : EXIT_INTERNAL;
}

/* Whether two input paths have the same base name without extension (their --wide names would meet). */
static bool same_stem(const char *a, const char *b)
{
	const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
	sa = sa ? sa + 1 : a;
	sb = sb ? sb + 1 : b;
	const char *da = strrchr(sa, '.'), *db = strrchr(sb, '.');
	size_t la = da && da != sa ? (size_t)(da - sa) : strlen(sa);
	size_t lb = db && db != sb ? (size_t)(db - sb) : strlen(sb);
	return la == lb && memcmp(sa, sb, la) == 0;
}

/* The main command, its options filled into dx (the caller's, freed by it). */
static int main_command(int argc, char **argv, dx_options *dx)
{
	cli_options opt = { 0 };
	opt.dx = dx;
	enum { OPT_NDJSON = 256, OPT_PAGES, OPT_INPUT_FORMAT, OPT_STRICT, OPT_VERSION, OPT_BOM, OPT_UNIT, OPT_SCHEMAS, OPT_FACTS, OPT_TIMEOUT, OPT_MAX_CELLS, OPT_RAW_CSV, OPT_DB, OPT_FORCE, OPT_WIDE, OPT_NO_OCR };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "ndjson", no_argument, NULL, OPT_NDJSON },
		{ "pages", required_argument, NULL, OPT_PAGES },
		{ "input-format", required_argument, NULL, OPT_INPUT_FORMAT },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "no-ocr", no_argument, NULL, OPT_NO_OCR },
		{ "bom", no_argument, NULL, OPT_BOM },
		{ "raw-csv", no_argument, NULL, OPT_RAW_CSV },
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "schemas", required_argument, NULL, OPT_SCHEMAS },
		{ "facts", no_argument, NULL, OPT_FACTS },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "max-cells", required_argument, NULL, OPT_MAX_CELLS },
		{ "db", required_argument, NULL, OPT_DB },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "wide", required_argument, NULL, OPT_WIDE },
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
			opt.format = format_named(optarg);
			if (opt.format == FORMAT_DEFAULT) {
				cli_say("disclex: unknown format '%s' (json, ndjson, csv, xlsx, sqlite)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_NDJSON:
			opt.format = FORMAT_NDJSON;
			break;
		case OPT_PAGES:
			if (!parse_pages(optarg, opt.dx)) {
				cli_say("disclex: bad page range '%s' (N, N-M or N-)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_INPUT_FORMAT:
			if (dx_options_set_input_format(opt.dx, optarg, NULL) < 0) {
				cli_say("disclex: unknown input format '%s' (pdf, html, text)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_STRICT:
			opt.strict = true;
			dx_options_set_strict(opt.dx, 1);
			break;
		case OPT_NO_OCR:
			api_options_no_ocr(opt.dx);
			break;
		case OPT_DB:
			opt.db = optarg;
			break;
		case OPT_FORCE:
			opt.force = true;
			break;
		case OPT_WIDE:
			opt.wide = optarg;
			break;
		case OPT_BOM:
			opt.bom = true;
			break;
		case OPT_RAW_CSV:
			opt.raw_csv = true;
			break;
		case OPT_UNIT:
			if (dx_options_set_unit(opt.dx, optarg, NULL) < 0) {
				cli_say("disclex: unknown unit '%s' (yuan, 元, 千元, 万元, 亿元)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_SCHEMAS:
			opt.schema_dir = optarg;
			break;
		case OPT_FACTS:
			dx_options_set_facts(opt.dx, 1);
			break;
		case OPT_TIMEOUT:
			if (!cli_parse_timeout(NULL, optarg, &opt.timeout_ms))
				return EXIT_USAGE;
			break;
		case OPT_MAX_CELLS:
			size_t max_cells;
			if (!cli_parse_count(optarg, &max_cells)) {
				cli_say("disclex: bad cell limit '%s' (a positive number)\n", optarg);
				return EXIT_USAGE;
			}
			dx_options_set_max_cells(opt.dx, max_cells);
			break;
		case 'q':
			opt.quiet = true;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case OPT_VERSION:
			printf("disclex %s\n", dx_version());
			return EXIT_OK;
		default:
			cli_option_error(NULL, c, argv, optind);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs("disclex: no input file\nTry 'disclex --help' for more information.\n", stderr);
		return EXIT_USAGE;
	}
	if (opt.db && opt.format != FORMAT_DEFAULT && opt.format != FORMAT_SQLITE) {
		fputs("disclex: --db goes with --format sqlite\n", stderr);
		return EXIT_USAGE;
	}
	if (opt.db && opt.output) {
		fputs("disclex: --db and -o both name the output; give one\n", stderr);
		return EXIT_USAGE;
	}
	if (opt.format == FORMAT_DEFAULT && opt.db)
		opt.format = FORMAT_SQLITE;
	if (opt.format == FORMAT_DEFAULT && opt.output)
		opt.format = format_of_path(opt.output);
	if (opt.format == FORMAT_DEFAULT && opt.wide && !opt.output)
		opt.format = FORMAT_NONE;
	if (opt.format == FORMAT_DEFAULT)
		opt.format = FORMAT_JSON;
	if (opt.format == FORMAT_SQLITE) {
		if (!opt.db && opt.output && strcmp(opt.output, "-") != 0)
			opt.db = opt.output;
		if (!opt.db) {
			fputs("disclex: --format sqlite writes a database: give --db FILE\n", stderr);
			return EXIT_USAGE;
		}
		opt.output = NULL;
		int same = output_find_input(opt.db, argv + optind, argc - optind);
		if (same >= 0) {
			cli_say("disclex: database '%s' is the input '%s'; not writing into it\n", opt.db, argv[optind + same]);
			return EXIT_USAGE;
		}
	} else if (opt.force) {
		fputs("disclex: --force goes with --format sqlite\n", stderr);
		return EXIT_USAGE;
	}
	if (opt.format == FORMAT_XLSX && (!opt.output || strcmp(opt.output, "-") == 0)) {
		fputs("disclex: --format xlsx writes a file: give -o FILE.xlsx\n", stderr);
		return EXIT_USAGE;
	}
	if (opt.format == FORMAT_HTML && argc - optind != 1) {
		fputs("disclex: --format html shows one PDF: give one FILE\n", stderr);
		return EXIT_USAGE;
	}
	if (opt.format == FORMAT_XLSX && opt.timeout_ms) {
		fputs("disclex: --timeout cannot be used with --format xlsx (the workbook is written by "
		      "this process); use ndjson, csv or sqlite\n", stderr);
		return EXIT_USAGE;
	}
	/* several inputs in JSON make one array; one input stays one object */
	bool array = opt.format == FORMAT_JSON && argc - optind > 1;
	size_t written = 0;
	if (opt.output && strcmp(opt.output, "-") != 0) {
		int same = output_find_input(opt.output, argv + optind, argc - optind);
		if (same >= 0) {
			cli_say("disclex: output '%s' is the input '%s'; not writing over it\n", opt.output,
			        argv[optind + same]);
			return EXIT_USAGE;
		}
	}
	dx_schemas *schemas = cli_load_schemas(opt.schema_dir);
	if (!schemas)
		return EXIT_USAGE;
	dx_error err;
	dx_options_set_schemas(opt.dx, schemas);
	FILE *out = stdout;
	output_file file = { 0 };
	if (opt.wide && mkdir(opt.wide, 0777) != 0 && errno != EEXIST) {
		cli_report_write_error(opt.wide, errno);
		dx_schemas_free(schemas);
		return EXIT_OUTPUT;
	}
	if (opt.wide && !cli_is_dir(opt.wide)) {
		cli_report_write_error(opt.wide, ENOTDIR);
		dx_schemas_free(schemas);
		return EXIT_OUTPUT;
	}
	if (opt.format == FORMAT_SQLITE) {
		/* made (or checked) once here, so a bad database is one message, not one per input */
		dx_database *db = dx_database_open(opt.db, &err);
		if (!db) {
			cli_say("disclex: cannot write '%s': %s\n", opt.db, err.message);
			dx_schemas_free(schemas);
			return EXIT_OUTPUT;
		}
		dx_database_close(db);
	} else if (opt.format == FORMAT_XLSX) {
		const char *name = output_reserve(&file, opt.output);
		if (!name) {
			cli_report_write_error(opt.output, errno);
			dx_schemas_free(schemas);
			return EXIT_OUTPUT;
		}
		opt.book = dx_workbook_open(name, &err);
		if (!opt.book) {
			cli_say("disclex: cannot write '%s': %s\n", opt.output, err.message);
			output_close(&file, false);
			dx_schemas_free(schemas);
			return EXIT_OUTPUT;
		}
	} else if (opt.output && strcmp(opt.output, "-") != 0) {
		out = output_open(&file, opt.output);
		if (!out) {
			cli_report_write_error(opt.output, errno);
			dx_schemas_free(schemas);
			return EXIT_OUTPUT;
		}
	}
	int status = EXIT_OK;
	bool write_failed = false;
	sbuf result = SBUF_INIT;
	unsigned csv_flags = (opt.bom ? DX_CSV_BOM : 0) | (opt.raw_csv ? DX_CSV_RAW : 0);
	if (opt.format == FORMAT_CSV && dx_write_csv_header(out, csv_flags, &err) < 0)
		write_failed = true;
	if (array && fputs("[", out) < 0)
		write_failed = true;
	for (int i = optind; i < argc && !write_failed; i++) {
		sbuf_reset(&result);
		if (opt.wide) {
			/* an input whose base name (without extension) an earlier one had: NAME~2, NAME~3 … */
			opt.wide_dup = 0;
			for (int k = optind, same = 1; k < i; k++)
				if (same_stem(argv[k], argv[i]))
					opt.wide_dup = ++same;
		}
		int code = opt.timeout_ms ? run_guarded(argv[i], &opt, &result) : run_one(argv[i], &opt, &result, out);
		status = exit_code_worse(status, code);
		write_failed = code == EXIT_OUTPUT;
		bool sep_failed = false;
		if (array && result.len) {
			/* each document's closing newline becomes the separator */
			result.buf[--result.len] = '\0';
			sep_failed = fputs(written ? ",\n" : "\n", out) < 0;
		}
		written += result.len != 0;
		if (sep_failed || write_all(out, &result) < 0 || fflush(out) != 0) {
			cli_report_write_error(opt.output ? opt.output : "<stdout>", errno);
			write_failed = true;
		}
	}
	if (array && !write_failed && fputs("\n]\n", out) < 0)
		write_failed = true;
	if (opt.book && dx_workbook_close(opt.book, &err) < 0) {
		cli_say("disclex: cannot write '%s': %s\n", opt.output, err.message);
		write_failed = true;
	}
	if (write_failed)
		status = exit_code_worse(status, EXIT_OUTPUT);
	sbuf_release(&result);
	dx_schemas_free(schemas);
	/* a run that could not write all of its output leaves the old file as it was */
	if ((out != stdout || file.reserved ? output_close(&file, !write_failed) : fflush(out)) != 0) {
		cli_report_write_error(opt.output ? opt.output : "<stdout>", errno);
		status = exit_code_worse(status, EXIT_OUTPUT);
	}
	return status;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "batch") == 0)
		return batch_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "merge") == 0)
		return merge_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "inspect") == 0)
		return inspect_main(argc - 1, argv + 1);
	dx_options *dx = dx_options_new();
	if (!dx)
		return EXIT_INTERNAL;
	int status = main_command(argc, argv, dx);
	dx_options_free(dx);
	return status;
}
