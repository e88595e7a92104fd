/*
 * batch: `disclex batch` — a tree of files through worker processes.
 *
 *   1. Inputs: every regular file under each DIR (not following links)
 *      named *.pdf, *.html, *.htm, *.txt (case aside), sorted by path; or
 *      the paths a MANIFEST lists, one a line ('#' starts a comment; "-"
 *      reads the list from standard input); a file named *.pdf, *.html or
 *      *.htm on the command line is an input itself.
 *   2. Incremental: each input is read and hashed (SHA-256) first.  With
 *      --db, an input whose sha256 is already a document is skipped, and so
 *      is one recorded as failed unless --retry-failed; with --out, one
 *      whose DIR/STEM-SHA8.json exists.  So a rerun over the same tree does
 *      only new or changed files.
 *   3. Workers: up to --jobs children at once (default: the cores), one
 *      per input, each under a memory limit (setrlimit RLIMIT_AS, --memory)
 *      and a time limit (--timeout: the parent kills it, SIGKILL).  A child
 *      reads, maps and checks its input, adds it to the database itself (its
 *      own connection, one transaction; SQLite's lock orders the writers),
 *      writes DIR/STEM-SHA8.json atomically, and sends the parent one
 *      header line (its outcome and counts) then its NDJSON line.
 *   4. The parent prints the NDJSON lines on stdout in input order (held
 *      back until the inputs before them are done), so stdout stays whole
 *      lines whatever the order the workers finish in.  Every failure
 *      (unreadable, killed by the time or memory limit, crashed, vanished)
 *      is a record — path, sha256, exit code, message — in the database's
 *      `failures` table and as an NDJSON line in --errors FILE.
 *   5. Progress on stderr: on a terminal one redrawn line (files done of
 *      total, pages/s, failures, ETA); otherwise a plain line per input.
 *      At the end a summary (documents, pages, tables by schema, failed
 *      checks, warnings, errors by kind) and the exit status of the worst
 *      outcome (cli/exitcodes.h), for cron.
 *   6. `disclex merge OUT.db IN.db...` (merge_main) combines the databases
 *      of shards (sqlite_merge_db).
 */
#include "cli/batch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli/common.h"
#include "cli/exitcodes.h"
#include "cli/output.h"
#include "core/sbuf.h"
#include "emit/json.h"
#include "emit/sqlite.h"
#include "map/schema.h"
#include "include/disclex.h"

enum job_state { JOB_PENDING, JOB_SKIPPED, JOB_RUNNING, JOB_DONE };

typedef struct job {
	char *path;
	char sha256[65]; /* "" when the file could not be read */
	enum job_state state;
	int code;        /* exit code of its outcome */
	char *message;   /* failure message, or NULL */
	char *ndjson;    /* its NDJSON line, or NULL */
	char *schemas;   /* the schemas of its tables, comma-separated */
	long pages, tables, warnings, failed_checks;
} job;

typedef struct slot {
	pid_t pid;
	int fd;
	size_t job;
	struct timespec start;
	sbuf data;
} slot;

typedef struct batch {
	const char *db, *out, *errors;
	bool retry_failed, quiet, ndjson;
	long timeout_ms;
	size_t memory_mb, jobs;
	dx_options *dx;
	VEC(job) list;
	arena *arena;
	FILE *errors_fp;
	bool tty;
	struct timespec start;
	long pages_done;
	size_t done, failed, skipped;
} batch;

static long elapsed_ms(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000 + (now.tv_nsec - since->tv_nsec) / 1000000;
}

static bool wanted_name(const char *path)
{
	static const char *const ext[] = { ".pdf", ".html", ".htm", ".txt" };
	size_t n = strlen(path);
	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
		size_t e = strlen(ext[i]);
		if (n > e && strcasecmp(path + n - e, ext[i]) == 0)
			return true;
	}
	return false;
}

static batch *walking; /* nftw has no user pointer */

static void add_job(batch *b, const char *path)
{
	job *j = VEC_PUSH(b->arena, &b->list);
	memset(j, 0, sizeof *j);
	j->path = arena_strdup(b->arena, path);
}

static int walk_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)ftw;
	if (type == FTW_F && S_ISREG(st->st_mode) && wanted_name(path))
		add_job(walking, path);
	return 0;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const job *)a)->path, ((const job *)b)->path);
}

/* The inputs of DIR (walked) or MANIFEST (read); -1 after saying why. */
static int collect(batch *b, const char *arg)
{
	struct stat st;
	if (strcmp(arg, "-") != 0 && stat(arg, &st) != 0) {
		cli_say("disclex: batch: cannot read '%s': %s\n", arg, strerror(errno));
		return -1;
	}
	if (strcmp(arg, "-") != 0 && S_ISDIR(st.st_mode)) {
		size_t first = b->list.len;
		walking = b;
		if (nftw(arg, walk_one, 32, FTW_PHYS) != 0) {
			cli_say("disclex: batch: cannot walk '%s': %s\n", arg, strerror(errno));
			return -1;
		}
		qsort(b->list.items + first, b->list.len - first, sizeof *b->list.items, by_path);
		return 0;
	}
	static const char *const input_ext[] = { ".pdf", ".html", ".htm" };
	size_t n0 = strlen(arg);
	for (size_t i = 0; i < sizeof input_ext / sizeof *input_ext; i++) {
		size_t e = strlen(input_ext[i]);
		if (n0 > e && strcasecmp(arg + n0 - e, input_ext[i]) == 0) {
			add_job(b, arg); /* a document named on the command line, not a list */
			return 0;
		}
	}
	bool in = strcmp(arg, "-") == 0;
	FILE *f = in ? stdin : fopen(arg, "r");
	if (!f) {
		cli_say("disclex: batch: cannot read '%s': %s\n", arg, strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) >= 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		add_job(b, line);
	}
	free(line);
	if (!in)
		fclose(f);
	return 0;
}

/* DIR/STEM-SHA8.json of a job (--out). */
static void out_path(const batch *b, const job *j, sbuf *out)
{
	const char *base = strrchr(j->path, '/');
	base = base ? base + 1 : j->path;
	const char *dot = strrchr(base, '.');
	size_t stem = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	sbuf_reset(out);
	sbuf_addf(out, "%s/", b->out);
	for (size_t i = 0; i < stem && i < 150; i++)
		sbuf_addch(out, (unsigned char)base[i] < 0x20 || (i == 0 && base[i] == '.') ? '_' : base[i]);
	sbuf_addf(out, "-%.8s.json", j->sha256);
}

/* Hash every input; mark those already done (step 2). */
static int plan(batch *b)
{
	sqlite_db *db = NULL;
	error err = { 0 };
	if (b->db && !(db = sqlite_open_db(b->db, &err))) {
		cli_say("disclex: cannot write '%s': %s\n", b->db, err.message);
		return -1;
	}
	sbuf path = SBUF_INIT;
	for (size_t i = 0; i < b->list.len; i++) {
		job *j = &b->list.items[i];
		dx_document *doc = dx_open_file(j->path, NULL);
		if (doc)
			snprintf(j->sha256, sizeof j->sha256, "%s", dx_doc_sha256(doc));
		dx_close(doc);
		if (!j->sha256[0])
			continue; /* the worker will say why */
		bool skip = false;
		if (db) {
			int has = sqlite_has_document(db, j->sha256, &err);
			if (has == 0 && !b->retry_failed)
				has = sqlite_has_failure(db, j->sha256, &err);
			if (has < 0) {
				cli_say("disclex: cannot write '%s': %s\n", b->db, err.message);
				sqlite_close_db(db);
				sbuf_release(&path);
				return -1;
			}
			skip = has > 0;
		}
		if (!skip && b->out && !b->db) {
			out_path(b, j, &path);
			skip = access(path.buf, F_OK) == 0;
		}
		if (skip) {
			j->state = JOB_SKIPPED;
			b->skipped++;
		}
	}
	sbuf_release(&path);
	sqlite_close_db(db);
	return 0;
}

/* The child: one input, its outcome as one header line then its NDJSON line, on fd. */
static void work(const batch *b, const job *j, int fd)
{
	if (b->memory_mb) {
		struct rlimit rl = { (rlim_t)b->memory_mb << 20, (rlim_t)b->memory_mb << 20 };
		setrlimit(RLIMIT_AS, &rl);
	}
	const char *hang = getenv("DISCLEX_TEST_HANG");
	if (hang && *hang && strstr(j->path, hang))
		for (;;)
			pause();
	FILE *to = fdopen(fd, "wb");
	if (!to)
		_exit(EXIT_INTERNAL);
	dx_error err;
	dx_document *doc = dx_open_file(j->path, &err);
	int code = EXIT_OK;
	if (doc && dx_run(doc, b->dx, &err) < 0 && err.code == DX_ENOTEXT)
		code = EXIT_NO_TEXT; /* read whole, without tables */
	else if (!doc || err.code != DX_OK) {
		code = exit_code_for_dx(err.code);
		if (err.page)
			fprintf(to, "E\t%d\tpage %d: %s\n", code, err.page, err.message);
		else
			fprintf(to, "E\t%d\t%s\n", code, err.message);
		fclose(to);
		_exit(code);
	}
	if (b->db) {
		dx_database *db = dx_database_open(b->db, &err);
		if (!db || dx_database_add(db, doc, 0, &err) < 0) {
			fprintf(to, "E\t%d\tcannot add it to '%s': %s\n", EXIT_OUTPUT, b->db, err.message);
			fclose(to);
			_exit(EXIT_OUTPUT);
		}
		dx_database_close(db);
	}
	if (b->out) {
		size_t len = 0;
		char *json = dx_to_string(doc, DX_FORMAT_JSON, 0, &len, &err);
		job copy = *j;
		snprintf(copy.sha256, sizeof copy.sha256, "%s", dx_doc_sha256(doc));
		sbuf path = SBUF_INIT;
		out_path(b, &copy, &path);
		output_file file = { 0 };
		FILE *f = json ? output_open(&file, path.buf) : NULL;
		bool ok = f && fwrite(json, 1, len, f) == len;
		if (!f || output_close(&file, ok) != 0 || !ok) {
			fprintf(to, "E\t%d\tcannot write '%s': %s\n", EXIT_OUTPUT, path.buf, json ? strerror(errno) : err.message);
			fclose(to);
			_exit(EXIT_OUTPUT);
		}
		dx_free(json);
		sbuf_release(&path);
	}
	long failed = 0;
	for (size_t k = 0; k < dx_doc_check_count(doc); k++) {
		dx_check c;
		dx_doc_check(doc, k, &c);
		failed += !c.ok;
	}
	sbuf schemas = SBUF_INIT;
	for (size_t i = 0; i < dx_doc_table_count(doc); i++) {
		const char *schema = dx_table_schema(dx_doc_table(doc, i));
		if (schemas.len)
			sbuf_addch(&schemas, ',');
		sbuf_addstr(&schemas, schema ? schema : "-");
	}
	fprintf(to, "D\t%d\t%d\t%zu\t%zu\t%ld\t%s\n", code, dx_doc_page_count(doc), dx_doc_table_count(doc),
	        dx_doc_warning_count(doc), failed, schemas.len ? schemas.buf : "");
	if (b->ndjson) {
		size_t len = 0;
		char *json = dx_to_string(doc, DX_FORMAT_NDJSON, 0, &len, &err);
		if (json)
			fwrite(json, 1, len, to);
		dx_free(json);
	}
	sbuf_release(&schemas);
	dx_close(doc);
	_exit(fclose(to) == 0 ? code : EXIT_OUTPUT);
}

static const char *code_kind(int code)
{
	switch (code) {
	case EXIT_OK: return "ok";
	case EXIT_INPUT: return "unreadable";
	case EXIT_OUTPUT: return "output";
	case EXIT_NO_TEXT: return "scanned";
	case EXIT_INTERNAL: return "crashed";
	default: return "other";
	}
}

/* Records a failed job: stderr, --errors, and later the database. */
static void record_failure(batch *b, job *j, int code, const char *message)
{
	j->code = code;
	j->message = arena_strdup(b->arena, message);
	b->failed++;
	if (!b->quiet || !b->tty)
		cli_say("%sdisclex: cannot read '%s': %s\n", b->tty ? "\r\033[K" : "", j->path, message);
	if (b->errors_fp) {
		sbuf line = SBUF_INIT;
		sbuf_addstr(&line, "{\"path\":");
		json_string(&line, j->path);
		sbuf_addstr(&line, ",\"sha256\":");
		json_string(&line, j->sha256[0] ? j->sha256 : NULL);
		sbuf_addf(&line, ",\"exit\":%d,\"kind\":\"%s\",\"message\":", code, code_kind(code));
		json_string(&line, message);
		sbuf_addstr(&line, "}\n");
		fwrite(line.buf, 1, line.len, b->errors_fp);
		fflush(b->errors_fp);
		sbuf_release(&line);
	}
}

/* A child has finished (or was killed): read its outcome. */
static void finish(batch *b, slot *s, bool timed_out)
{
	job *j = &b->list.items[s->job];
	int wstatus = 0;
	if (timed_out)
		kill(s->pid, SIGKILL);
	while (waitpid(s->pid, &wstatus, 0) < 0 && errno == EINTR)
		;
	close(s->fd);
	j->state = JOB_DONE;
	b->done++;
	sbuf_addch(&s->data, '\0');
	char *head = s->data.buf, *nl = strchr(head, '\n');
	char msg[600];
	if (timed_out) {
		snprintf(msg, sizeof msg, "gave up after %ld.%03ld s (--timeout)", b->timeout_ms / 1000, b->timeout_ms % 1000);
		record_failure(b, j, EXIT_INPUT, msg);
	} else if (WIFSIGNALED(wstatus)) {
		snprintf(msg, sizeof msg, "the reader stopped on signal %d%s", WTERMSIG(wstatus),
		         b->memory_mb ? " (over the --memory limit?)" : "");
		record_failure(b, j, EXIT_INTERNAL, msg);
	} else if (nl && head[0] == 'E' && head[1] == '\t') {
		*nl = '\0';
		char *tab = strchr(head + 2, '\t');
		record_failure(b, j, atoi(head + 2), tab ? tab + 1 : "failed");
	} else if (nl && head[0] == 'D' && head[1] == '\t') {
		*nl = '\0';
		char schemas[4096] = "";
		sscanf(head + 2, "%d\t%ld\t%ld\t%ld\t%ld\t%4095[^\n]", &j->code, &j->pages, &j->tables, &j->warnings,
		       &j->failed_checks, schemas);
		j->schemas = arena_strdup(b->arena, schemas);
		b->pages_done += j->pages;
		if (nl[1])
			j->ndjson = arena_strdup(b->arena, nl + 1);
		if (!b->tty && !b->quiet)
			cli_say("disclex: batch: [%zu/%zu] '%s': %ld pages, %ld tables, %ld warnings\n", b->done + b->skipped,
			        b->list.len, j->path, j->pages, j->tables, j->warnings);
	} else {
		snprintf(msg, sizeof msg, "the reader ended (exit %d) without a result",
		         WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1);
		record_failure(b, j, EXIT_INTERNAL, msg);
	}
	sbuf_release(&s->data);
	s->pid = 0;
}

static void progress(const batch *b)
{
	if (!b->tty || b->quiet)
		return;
	size_t total = b->list.len - b->skipped, done = b->done;
	double secs = (double)elapsed_ms(&b->start) / 1000.0;
	double rate = secs > 0 ? (double)b->pages_done / secs : 0;
	int width = 30, filled = total ? (int)((double)done / (double)total * width) : width;
	char bar[64];
	for (int i = 0; i < width; i++)
		bar[i] = i < filled ? '#' : '.';
	bar[width] = '\0';
	long eta = done ? (long)(secs / (double)done * (double)(total - done)) : -1;
	fprintf(stderr, "\r\033[K[%s] %zu/%zu files, %.1f pages/s, %zu failed", bar, done, total, rate, b->failed);
	if (eta >= 0)
		fprintf(stderr, ", ETA %ldm%02lds", eta / 60, eta % 60);
	fflush(stderr);
}

/* Prints the NDJSON lines of the finished inputs that come next in input order. */
static int flush_ordered(batch *b, size_t *next)
{
	while (*next < b->list.len && b->list.items[*next].state != JOB_PENDING &&
	       b->list.items[*next].state != JOB_RUNNING) {
		job *j = &b->list.items[*next];
		if (j->ndjson && fputs(j->ndjson, stdout) < 0)
			return -1;
		(*next)++;
	}
	return fflush(stdout) == 0 ? 0 : -1;
}

static int run_all(batch *b)
{
	slot *slots = calloc(b->jobs, sizeof *slots);
	struct pollfd *pfds = calloc(b->jobs, sizeof *pfds);
	if (!slots || !pfds) {
		free(slots);
		free(pfds);
		return -1;
	}
	size_t next_job = 0, next_print = 0, running = 0;
	int rc = 0;
	char buf[65536];
	for (;;) {
		while (running < b->jobs && next_job < b->list.len) {
			job *j = &b->list.items[next_job];
			if (j->state != JOB_PENDING) {
				next_job++;
				continue;
			}
			slot *s = NULL;
			for (size_t k = 0; k < b->jobs && !s; k++)
				if (!slots[k].pid)
					s = &slots[k];
			int fd;
			pid_t pid = cli_fork_piped(&fd);
			if (pid < 0)
				break;
			if (pid == 0)
				work(b, j, fd);
			s->pid = pid;
			s->fd = fd;
			s->job = next_job++;
			s->data = (sbuf)SBUF_INIT;
			clock_gettime(CLOCK_MONOTONIC, &s->start);
			j->state = JOB_RUNNING;
			running++;
		}
		if (!running)
			break;
		long wait = -1;
		size_t n = 0;
		slot *which[64];
		for (size_t k = 0; k < b->jobs; k++) {
			if (!slots[k].pid)
				continue;
			long left = b->timeout_ms - elapsed_ms(&slots[k].start);
			if (left <= 0) {
				finish(b, &slots[k], true);
				running--;
				continue;
			}
			if (wait < 0 || left < wait)
				wait = left;
			pfds[n] = (struct pollfd){ slots[k].fd, POLLIN, 0 };
			which[n++] = &slots[k];
			if (n == sizeof which / sizeof *which)
				break;
		}
		if (n && poll(pfds, (nfds_t)n, wait > 1000 ? 1000 : (int)wait) > 0) {
			for (size_t k = 0; k < n; k++) {
				if (!(pfds[k].revents & (POLLIN | POLLHUP | POLLERR)))
					continue;
				ssize_t got = read(pfds[k].fd, buf, sizeof buf);
				if (got > 0) {
					sbuf_add(&which[k]->data, buf, (size_t)got);
				} else if (got == 0 || errno != EINTR) {
					finish(b, which[k], false);
					running--;
				}
			}
		}
		if (flush_ordered(b, &next_print) < 0)
			rc = -1;
		progress(b);
	}
	if (flush_ordered(b, &next_print) < 0)
		rc = -1;
	free(slots);
	free(pfds);
	return rc;
}

/* The failures into the database, and the documents read since cleared of theirs. */
static int store_failures(batch *b)
{
	if (!b->db || !b->failed)
		return 0;
	error err = { 0 };
	sqlite_db *db = sqlite_open_db(b->db, &err);
	for (size_t i = 0; db && i < b->list.len; i++) {
		const job *j = &b->list.items[i];
		if (j->message && sqlite_add_failure(db, j->path, j->sha256[0] ? j->sha256 : NULL, j->code, j->message,
		                                     &err) < 0)
			break;
	}
	sqlite_close_db(db);
	if (err.message[0]) {
		cli_say("disclex: cannot write '%s': %s\n", b->db, err.message);
		return -1;
	}
	return 0;
}

static void summary(const batch *b, int status)
{
	long pages = 0, warnings = 0, failed_checks = 0, tables = 0;
	size_t read = 0, by_code[8] = { 0 };
	sbuf counts = SBUF_INIT;
	/* tables by schema: a small list of "schema count" kept sorted as met */
	typedef struct { const char *name; size_t len; long n; } tally;
	VEC(tally) seen = { 0 };
	arena *a = arena_new();
	for (size_t i = 0; i < b->list.len; i++) {
		const job *j = &b->list.items[i];
		if (j->state != JOB_DONE)
			continue;
		if (j->message) {
			by_code[j->code >= 0 && j->code < 8 ? j->code : 1]++;
			continue;
		}
		read++;
		pages += j->pages;
		warnings += j->warnings;
		failed_checks += j->failed_checks;
		tables += j->tables;
		for (const char *p = j->schemas; p && *p;) {
			const char *e = strchr(p, ',');
			size_t len = e ? (size_t)(e - p) : strlen(p);
			size_t k = 0;
			while (k < seen.len && !(seen.items[k].len == len && memcmp(seen.items[k].name, p, len) == 0))
				k++;
			if (k == seen.len) {
				tally *t = VEC_PUSH(a, &seen);
				*t = (tally){ p, len, 0 };
			}
			seen.items[k].n++;
			p += len + (e ? 1 : 0);
		}
	}
	for (size_t k = 0; k < seen.len; k++) {
		bool unclaimed = seen.items[k].len == 1 && seen.items[k].name[0] == '-';
		sbuf_addf(&counts, "%s%.*s %ld", k ? ", " : "", unclaimed ? 9 : (int)seen.items[k].len,
		          unclaimed ? "unclaimed" : seen.items[k].name, seen.items[k].n);
	}
	if (b->tty && !b->quiet)
		fputs("\r\033[K", stderr);
	double secs = (double)elapsed_ms(&b->start) / 1000.0;
	fprintf(stderr, "disclex: batch: %zu files: %zu read, %zu skipped (done before), %zu failed; %ld pages in %.1f s "
	        "(%.1f pages/s); %ld tables%s%s%s; %ld failed checks; %ld warnings\n",
	        b->list.len, read, b->skipped, b->failed, pages, secs, secs > 0 ? (double)pages / secs : 0.0, tables,
	        counts.len ? " (" : "", counts.len ? counts.buf : "", counts.len ? ")" : "", failed_checks, warnings);
	if (b->failed) {
		fputs("disclex: batch: errors:", stderr);
		for (int c = 0; c < 8; c++)
			if (by_code[c])
				fprintf(stderr, " %s %zu (exit %d)", code_kind(c), by_code[c], c);
		fputc('\n', stderr);
	}
	fprintf(stderr, "disclex: batch: exit %d\n", status);
	sbuf_release(&counts);
	arena_free(a);
}

static void batch_usage(FILE *out)
{
	fputs("usage: disclex batch [options] DIR|MANIFEST...\n"
	      "Reads every PDF, HTML and text file under DIR (or listed in MANIFEST, one path a\n"
	      "line) in worker processes; an input already done is skipped.\n"
	      "\n"
	      "  -j, --jobs N             worker processes (default: the cores)\n"
	      "      --db FILE            add each document to this SQLite database (and each\n"
	      "                           failure); inputs already in it are skipped\n"
	      "      --out DIR            write each document's JSON to DIR/STEM-SHA8.json\n"
	      "      --ndjson             print each document as one NDJSON line on stdout, in\n"
	      "                           input order (the default without --db and --out)\n"
	      "      --errors FILE        write each failure as an NDJSON line to FILE\n"
	      "      --retry-failed       read again the inputs the database records as failed\n"
	      "      --timeout SECONDS    kill a worker after SECONDS (default 300)\n"
	      "      --memory MB          a worker's memory limit (default 2048; 0: none)\n"
	      "      --schemas DIR[:DIR]  read table schemas from these directories\n"
	      "  -q, --quiet              no progress, only failures and the summary\n"
	      "  -h, --help               show this help\n",
	      out);
}

int batch_main(int argc, char **argv)
{
	batch b = { 0 };
	b.timeout_ms = 300000;
#if defined(__SANITIZE_ADDRESS__)
	b.memory_mb = 0; /* AddressSanitizer reserves terabytes of address space: no RLIMIT_AS under it */
#else
	b.memory_mb = 2048;
#endif
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	b.jobs = cores > 0 ? (size_t)cores : 1;
	const char *schema_dir = NULL;
	enum { O_DB = 256, O_OUT, O_NDJSON, O_ERRORS, O_RETRY, O_TIMEOUT, O_MEMORY, O_SCHEMAS };
	static const struct option longopts[] = {
		{ "jobs", required_argument, NULL, 'j' }, { "db", required_argument, NULL, O_DB },
		{ "out", required_argument, NULL, O_OUT }, { "ndjson", no_argument, NULL, O_NDJSON },
		{ "errors", required_argument, NULL, O_ERRORS }, { "retry-failed", no_argument, NULL, O_RETRY },
		{ "timeout", required_argument, NULL, O_TIMEOUT }, { "memory", required_argument, NULL, O_MEMORY },
		{ "schemas", required_argument, NULL, O_SCHEMAS }, { "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":j:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			if (!cli_parse_count(optarg, &b.jobs) || b.jobs > 64) {
				cli_say("disclex: batch: bad job count '%s' (1 to 64)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case O_DB: b.db = optarg; break;
		case O_OUT: b.out = optarg; break;
		case O_NDJSON: b.ndjson = true; break;
		case O_ERRORS: b.errors = optarg; break;
		case O_RETRY: b.retry_failed = true; break;
		case O_TIMEOUT:
			if (!cli_parse_timeout("batch", optarg, &b.timeout_ms))
				return EXIT_USAGE;
			break;
		case O_MEMORY:
			if (strcmp(optarg, "0") == 0)
				b.memory_mb = 0;
			else if (!cli_parse_count(optarg, &b.memory_mb) || b.memory_mb > ((size_t)1 << 30)) {
				cli_say("disclex: batch: bad memory limit '%s' (megabytes)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case O_SCHEMAS: schema_dir = optarg; break;
		case 'q': b.quiet = true; break;
		case 'h': batch_usage(stdout); return EXIT_OK;
		default:
			cli_option_error("batch", c, argv, optind);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fputs("disclex: batch: no directory or manifest\nTry 'disclex batch --help' for more information.\n", stderr);
		return EXIT_USAGE;
	}
	if (!b.db && !b.out)
		b.ndjson = true;
	dx_schemas *schemas = cli_load_schemas(schema_dir);
	if (!schemas)
		return EXIT_USAGE;
	b.dx = dx_options_new();
	if (!b.dx) {
		dx_schemas_free(schemas);
		return EXIT_INTERNAL;
	}
	dx_options_set_schemas(b.dx, schemas);
	b.arena = arena_new();
	int status = EXIT_OK;
	for (int i = optind; i < argc; i++)
		if (collect(&b, argv[i]) < 0)
			status = EXIT_USAGE;
	if (status == EXIT_OK && b.out && mkdir(b.out, 0777) != 0 && errno != EEXIST) {
		cli_report_write_error(b.out, errno);
		status = EXIT_OUTPUT;
	}
	if (status == EXIT_OK && b.errors && !(b.errors_fp = fopen(b.errors, "w"))) {
		cli_report_write_error(b.errors, errno);
		status = EXIT_OUTPUT;
	}
	b.tty = isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &b.start);
	if (status == EXIT_OK && plan(&b) < 0)
		status = EXIT_OUTPUT;
	if (status == EXIT_OK) {
		signal(SIGPIPE, SIG_IGN);
		if (run_all(&b) < 0) {
			cli_report_write_error("<stdout>", errno);
			status = EXIT_OUTPUT;
		}
		if (store_failures(&b) < 0)
			status = exit_code_worse(status, EXIT_OUTPUT);
		for (size_t i = 0; i < b.list.len; i++)
			if (b.list.items[i].state == JOB_DONE)
				status = exit_code_worse(status, b.list.items[i].code);
		summary(&b, status);
	}
	if (b.errors_fp && fclose(b.errors_fp) != 0) {
		cli_report_write_error(b.errors, errno);
		status = exit_code_worse(status, EXIT_OUTPUT);
	}
	arena_free(b.arena);
	dx_options_free(b.dx);
	dx_schemas_free(schemas);
	return status;
}

int merge_main(int argc, char **argv)
{
	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		fputs("usage: disclex merge OUT.db IN.db...\n"
		      "Adds to OUT.db (created when absent) the documents and failures of each IN.db it\n"
		      "lacks (by sha256), each document in one transaction: the shards of a batch split\n"
		      "over hosts, combined.\n",
		      stdout);
		return EXIT_OK;
	}
	if (argc < 3) {
		fputs("disclex: merge: give OUT.db and at least one IN.db\nTry 'disclex merge --help' for more "
		      "information.\n",
		      stderr);
		return EXIT_USAGE;
	}
	const char *target = argv[1];
	int same = output_find_input(target, argv + 2, argc - 2);
	if (same >= 0) {
		cli_say("disclex: merge: '%s' is the input '%s'; not merging it into itself\n", target, argv[2 + same]);
		return EXIT_USAGE;
	}
	error err = { 0 };
	sqlite_db *db = sqlite_open_db(target, &err);
	if (!db) {
		cli_say("disclex: cannot write '%s': %s\n", target, err.message);
		return EXIT_OUTPUT;
	}
	int status = EXIT_OK;
	for (int i = 2; i < argc; i++) {
		size_t added = 0, skipped = 0;
		error e = { 0 };
		if (access(argv[i], R_OK) != 0) {
			cli_say("disclex: cannot read '%s': %s\n", argv[i], strerror(errno));
			status = exit_code_worse(status, EXIT_INPUT);
			continue;
		}
		if (sqlite_merge_db(db, argv[i], &added, &skipped, &e) < 0) {
			cli_say("disclex: cannot merge '%s' into '%s': %s\n", argv[i], target, e.message);
			status = exit_code_worse(status, EXIT_INPUT);
		}
		cli_say("disclex: merge: '%s': %zu documents added, %zu already in '%s'\n", argv[i], added, skipped, target);
	}
	sqlite_close_db(db);
	return status;
}
