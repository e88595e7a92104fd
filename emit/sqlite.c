/*
 * sqlite: the database emitter.  See sqlite.h; the schema is SCHEMA below
 * and in the README.
 *
 *   1. Open: sqlite3_open_v2 (create), a busy timeout so that several
 *      processes may append to one file, foreign keys on.  An empty
 *      database gets SCHEMA and user_version = SQLITE_SCHEMA_VERSION; one
 *      of version 1 gets the failures table of version 2; a database of
 *      another version is refused, not altered.
 *   2. Add: BEGIN IMMEDIATE (the write lock first, so two writers never
 *      deadlock halfway), look the sha256 up; when present and not replace,
 *      ROLLBACK and report it skipped; when replace, DELETE the old document
 *      (ON DELETE CASCADE takes its tables, rows, values, checks and
 *      warnings).  Then insert document, tables, columns, rows, values,
 *      checks and warnings with prepared statements, and COMMIT.  Any error
 *      rolls the whole document back; a process killed before COMMIT leaves
 *      nothing of it (SQLite's journal undoes it on the next open).
 *   3. Failures (disclex batch): a row of `failures` per input that could not
 *      be read — path, sha256 (NULL when the file could not be read at
 *      all), exit code, message — replacing an earlier one of the same
 *      bytes; a document added clears the failures of its sha256.
 *   4. Merge (disclex merge): see sqlite_merge_db below.
 *   5. Exactness: an amount is stored as TEXT, the exact decimal as the JSON
 *      prints it (3260.55, 0, -7); `value_approx` beside it is the nearest
 *      REAL, for sorting and rough sums only.  Checks keep expected, found
 *      and tolerance as exact TEXT too.
 */
#include "emit/sqlite.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/sbuf.h"
#include "core/version.h"

/* Version 2 added the failures of disclex batch; a version 1 database gets them on open. */
#define FAILURES \
	"CREATE TABLE failures (\n" \
	"  id INTEGER PRIMARY KEY,\n" \
	"  path TEXT NOT NULL,\n" \
	"  sha256 TEXT,\n" \
	"  exit_code INTEGER NOT NULL,\n" \
	"  message TEXT NOT NULL,\n" \
	"  failed_at TEXT NOT NULL\n" \
	");\n" \
	"CREATE INDEX failures_sha256 ON failures(sha256);\n"

static const char SCHEMA[] =
	"CREATE TABLE documents (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  sha256 TEXT NOT NULL UNIQUE,\n"
	"  path TEXT NOT NULL,\n"
	"  media TEXT NOT NULL,\n"
	"  pages INTEGER,\n"
	"  producer TEXT,\n"
	"  text_layer TEXT NOT NULL,\n"
	"  generator TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL,\n"
	"  year INTEGER,\n"
	"  department TEXT,\n"
	"  title TEXT,\n"
	"  loaded_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX documents_department_year ON documents(department, year);\n"
	"CREATE TABLE tables (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
	"  table_key TEXT NOT NULL,\n"
	"  schema TEXT,\n"
	"  title TEXT,\n"
	"  number TEXT,\n"
	"  entity TEXT,\n"
	"  unit TEXT,\n"
	"  pages TEXT,\n"
	"  first_page INTEGER,\n"
	"  header_rows INTEGER NOT NULL,\n"
	"  UNIQUE (document_id, table_key)\n"
	");\n"
	"CREATE INDEX tables_schema ON tables(schema);\n"
	"CREATE TABLE columns (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  column_key TEXT NOT NULL,\n"
	"  header TEXT,\n"
	"  UNIQUE (table_id, position)\n"
	");\n"
	"CREATE INDEX columns_key ON columns(column_key);\n"
	"CREATE TABLE rows (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  code TEXT,\n"
	"  label TEXT,\n"
	"  row_key TEXT,\n"
	"  level INTEGER,\n"
	"  parent TEXT,\n"
	"  side TEXT,\n"
	"  row_group TEXT,\n"
	"  page INTEGER,\n"
	"  UNIQUE (table_id, position)\n"
	");\n"
	"CREATE INDEX rows_code ON rows(code);\n"
	"CREATE INDEX rows_key ON rows(row_key);\n"
	"CREATE TABLE row_values (\n"
	"  row_id INTEGER NOT NULL REFERENCES rows(id) ON DELETE CASCADE,\n"
	"  column_id INTEGER NOT NULL REFERENCES columns(id) ON DELETE CASCADE,\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('number', 'text', 'null')),\n"
	"  value TEXT,\n"
	"  value_approx REAL,\n"
	"  PRIMARY KEY (row_id, column_id)\n"
	");\n"
	"CREATE INDEX row_values_column ON row_values(column_id);\n"
	"CREATE TABLE checks (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
	"  table_id INTEGER REFERENCES tables(id) ON DELETE CASCADE,\n"
	"  tables TEXT,\n"
	"  rule TEXT NOT NULL,\n"
	"  row_key TEXT,\n"
	"  column_key TEXT,\n"
	"  expected TEXT,\n"
	"  found TEXT,\n"
	"  tolerance TEXT,\n"
	"  ok INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX checks_document ON checks(document_id);\n"
	"CREATE INDEX checks_table ON checks(table_id);\n"
	"CREATE TABLE warnings (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
	"  code TEXT NOT NULL,\n"
	"  page INTEGER,\n"
	"  table_key TEXT,\n"
	"  message TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX warnings_document ON warnings(document_id);\n"
	"CREATE INDEX warnings_code ON warnings(code);\n"
	"CREATE INDEX tables_document ON tables(document_id);\n"
	"CREATE INDEX columns_table ON columns(table_id);\n"
	"CREATE INDEX rows_table ON rows(table_id);\n"
	FAILURES
	"CREATE VIEW value_facts AS\n"
	"  SELECT d.id AS document_id, d.path AS document, d.sha256, d.kind, d.year, d.department,\n"
	"         t.table_key, t.schema, t.title AS table_title, t.entity, t.unit,\n"
	"         r.row_key, r.code AS row_code, r.label AS row_label, r.side, r.row_group, r.page,\n"
	"         c.column_key, v.kind AS value_kind, v.value, v.value_approx\n"
	"  FROM row_values v\n"
	"  JOIN rows r ON r.id = v.row_id\n"
	"  JOIN columns c ON c.id = v.column_id\n"
	"  JOIN tables t ON t.id = r.table_id\n"
	"  JOIN documents d ON d.id = t.document_id;\n";

struct sqlite_db {
	sqlite3 *db;
};

/* err from the connection's last error, with what was being done. */
static int fail(sqlite_db *d, error *err, const char *doing)
{
	error_set(err, ERROR_OUTPUT, 0, "%s: %s", doing, sqlite3_errmsg(d->db));
	return -1;
}

static int exec(sqlite_db *d, const char *sql, error *err)
{
	if (sqlite3_exec(d->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return fail(d, err, "cannot update the database");
	return 0;
}

sqlite_db *sqlite_open_db(const char *path, error *err)
{
	sqlite_db *d = calloc(1, sizeof *d);
	if (!d) {
		error_set(err, ERROR_INTERNAL, 0, "out of memory");
		return NULL;
	}
	int rc = sqlite3_open_v2(path, &d->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		error_set(err, ERROR_OUTPUT, 0, "cannot open the database: %s",
		          d->db ? sqlite3_errmsg(d->db) : sqlite3_errstr(rc));
		sqlite3_close(d->db);
		free(d);
		return NULL;
	}
	sqlite3_busy_timeout(d->db, 60000);
	sqlite3_stmt *st = NULL;
	int version = -1;
	if (exec(d, "PRAGMA foreign_keys = ON", err) < 0)
		goto bad;
	if (sqlite3_prepare_v2(d->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		fail(d, err, "cannot read the database");
		goto bad;
	}
	version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (version == 0 || version == 1) {
		/* a new file, or one that is not ours: create the schema only in an empty database;
		 * version 1: add what version 2 added */
		if (exec(d, "BEGIN IMMEDIATE", err) < 0)
			goto bad;
		int objects = -1;
		if (sqlite3_prepare_v2(d->db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			objects = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		st = NULL;
		/* another process may have made the schema while this one waited for the lock */
		int now = -1;
		if (sqlite3_prepare_v2(d->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			now = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		st = NULL;
		if (now == SQLITE_SCHEMA_VERSION) {
			exec(d, "COMMIT", err);
			return d;
		}
		if (now == 1) {
			char pragma[64];
			snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", SQLITE_SCHEMA_VERSION);
			if (exec(d, FAILURES, err) < 0 || exec(d, pragma, err) < 0 || exec(d, "COMMIT", err) < 0) {
				sqlite3_exec(d->db, "ROLLBACK", NULL, NULL, NULL);
				goto bad;
			}
			return d;
		}
		if (objects != 0) {
			sqlite3_exec(d->db, "ROLLBACK", NULL, NULL, NULL);
			error_set(err, ERROR_OUTPUT, 0, "the database holds tables that are not disclex's (user_version 0)");
			goto bad;
		}
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", SQLITE_SCHEMA_VERSION);
		if (exec(d, SCHEMA, err) < 0 || exec(d, pragma, err) < 0 || exec(d, "COMMIT", err) < 0) {
			sqlite3_exec(d->db, "ROLLBACK", NULL, NULL, NULL);
			goto bad;
		}
	} else if (version != SQLITE_SCHEMA_VERSION) {
		error_set(err, ERROR_OUTPUT, 0, "the database has schema version %d, this program writes %d", version,
		          SQLITE_SCHEMA_VERSION);
		goto bad;
	}
	return d;
bad:
	sqlite3_finalize(st);
	sqlite3_close(d->db);
	free(d);
	return NULL;
}

void sqlite_close_db(sqlite_db *d)
{
	if (!d)
		return;
	sqlite3_close(d->db);
	free(d);
}

/* 1 when `sql` (one ? for the sha256) finds a row, 0 when not, -1 on error. */
static int has_sha256(sqlite_db *d, const char *sql, const char *sha256, error *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(d->db, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(d, err, "cannot read the database");
	sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return fail(d, err, "cannot read the database");
}

int sqlite_has_document(sqlite_db *d, const char *sha256, error *err)
{
	return has_sha256(d, "SELECT 1 FROM documents WHERE sha256 = ?", sha256, err);
}

int sqlite_has_failure(sqlite_db *d, const char *sha256, error *err)
{
	return has_sha256(d, "SELECT 1 FROM failures WHERE sha256 = ?", sha256, err);
}

static void bind_text(sqlite3_stmt *st, int i, const char *s);

/* The current time as ISO 8601 UTC. */
static void utc_stamp(char *out, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int sqlite_add_failure(sqlite_db *d, const char *path, const char *sha256, int exit_code, const char *message,
                       error *err)
{
	char stamp[32];
	utc_stamp(stamp, sizeof stamp);
	sqlite3_stmt *del = NULL, *ins = NULL;
	if (exec(d, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	int ok = sqlite3_prepare_v2(d->db, "DELETE FROM failures WHERE sha256 = ? OR (sha256 IS NULL AND path = ?)", -1,
	                            &del, NULL) == SQLITE_OK &&
	         sqlite3_prepare_v2(d->db, "INSERT INTO failures (path, sha256, exit_code, message, failed_at) "
	                                   "VALUES (?, ?, ?, ?, ?)", -1, &ins, NULL) == SQLITE_OK;
	if (ok) {
		bind_text(del, 1, sha256);
		bind_text(del, 2, path);
		bind_text(ins, 1, path);
		bind_text(ins, 2, sha256);
		sqlite3_bind_int(ins, 3, exit_code);
		bind_text(ins, 4, message);
		bind_text(ins, 5, stamp);
		ok = sqlite3_step(del) == SQLITE_DONE && sqlite3_step(ins) == SQLITE_DONE;
	}
	if (!ok)
		fail(d, err, "cannot record the failure");
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	if (ok && exec(d, "COMMIT", err) == 0)
		return 0;
	sqlite3_exec(d->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* The statements of one document, prepared once per add. */
enum {
	ST_FIND, ST_DELETE, ST_CLEAR, ST_DOC, ST_TABLE, ST_COLUMN, ST_ROW, ST_VALUE, ST_CHECK, ST_WARNING, ST_COUNT
};
static const char *const statements[ST_COUNT] = {
	[ST_FIND] = "SELECT id FROM documents WHERE sha256 = ?",
	[ST_DELETE] = "DELETE FROM documents WHERE sha256 = ?",
	[ST_CLEAR] = "DELETE FROM failures WHERE sha256 = ?",
	[ST_DOC] = "INSERT INTO documents (sha256, path, media, pages, producer, text_layer, generator, kind, year, "
	           "department, title, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_TABLE] = "INSERT INTO tables (document_id, table_key, schema, title, number, entity, unit, pages, first_page, "
	             "header_rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_COLUMN] = "INSERT INTO columns (table_id, position, column_key, header) VALUES (?, ?, ?, ?)",
	[ST_ROW] = "INSERT INTO rows (table_id, position, code, label, row_key, level, parent, side, row_group, page) "
	           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_VALUE] = "INSERT INTO row_values (row_id, column_id, kind, value, value_approx) VALUES (?, ?, ?, ?, ?)",
	[ST_CHECK] = "INSERT INTO checks (document_id, table_id, tables, rule, row_key, column_key, expected, found, "
	             "tolerance, ok) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[ST_WARNING] = "INSERT INTO warnings (document_id, code, page, table_key, message) VALUES (?, ?, ?, ?, ?)",
};

typedef struct adder {
	sqlite_db *d;
	sqlite3_stmt *st[ST_COUNT];
	sbuf num;
	int rc; /* the first failing step's code, SQLITE_OK while all is well */
	char message[256]; /* and its message */
} adder;

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static void bind_int_or_null(sqlite3_stmt *st, int i, long v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* An exact decimal as TEXT (NULL when it overflowed). */
static void bind_decimal(adder *a, sqlite3_stmt *st, int i, decimal v)
{
	if (v.overflow) {
		sqlite3_bind_null(st, i);
		return;
	}
	sbuf_reset(&a->num);
	decimal_format(v, &a->num);
	sqlite3_bind_text(st, i, a->num.buf, (int)a->num.len, SQLITE_TRANSIENT);
}

/* Runs an insert; returns the new row id, or 0 after recording the failure. */
static sqlite3_int64 run(adder *a, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE) {
		if (a->rc == SQLITE_OK) {
			a->rc = rc;
			snprintf(a->message, sizeof a->message, "%s", sqlite3_errmsg(a->d->db));
		}
		return 0;
	}
	return sqlite3_last_insert_rowid(a->d->db);
}

static void add_check(adder *a, sqlite3_int64 doc_id, sqlite3_int64 table_id, const check *c)
{
	sqlite3_stmt *st = a->st[ST_CHECK];
	sqlite3_bind_int64(st, 1, doc_id);
	if (table_id)
		sqlite3_bind_int64(st, 2, table_id);
	else
		sqlite3_bind_null(st, 2);
	bind_text(st, 3, c->tables);
	bind_text(st, 4, c->rule);
	bind_text(st, 5, c->row);
	bind_text(st, 6, c->column);
	bind_decimal(a, st, 7, c->expected);
	bind_decimal(a, st, 8, c->found);
	bind_decimal(a, st, 9, c->tolerance);
	sqlite3_bind_int(st, 10, c->ok);
	run(a, st);
}

static void add_table(adder *a, sqlite3_int64 doc_id, const table *t)
{
	sqlite3_stmt *st = a->st[ST_TABLE];
	sbuf pages = SBUF_INIT;
	int last = -1;
	for (size_t i = 0; i < t->parts.len; i++) {
		int p = t->parts.items[i].page;
		if (p <= 0 || p == last)
			continue;
		if (pages.len)
			sbuf_addch(&pages, ',');
		sbuf_addf(&pages, "%d", p);
		last = p;
	}
	sqlite3_bind_int64(st, 1, doc_id);
	bind_text(st, 2, t->id);
	bind_text(st, 3, t->schema);
	bind_text(st, 4, t->title);
	bind_text(st, 5, t->number);
	bind_text(st, 6, t->entity);
	bind_text(st, 7, t->unit);
	bind_text(st, 8, pages.len ? pages.buf : NULL);
	bind_int_or_null(st, 9, table_first_page(t));
	sqlite3_bind_int64(st, 10, (sqlite3_int64)t->header_rows);
	sbuf_release(&pages);
	sqlite3_int64 table_id = run(a, st);
	if (!table_id)
		return;
	sqlite3_int64 *col_ids = calloc(t->columns.len ? t->columns.len : 1, sizeof *col_ids);
	if (!col_ids) {
		a->rc = SQLITE_NOMEM;
		return;
	}
	for (size_t k = 0; k < t->columns.len && a->rc == SQLITE_OK; k++) {
		st = a->st[ST_COLUMN];
		sqlite3_bind_int64(st, 1, table_id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)k);
		bind_text(st, 3, t->columns.items[k].key);
		bind_text(st, 4, t->columns.items[k].header);
		col_ids[k] = run(a, st);
	}
	for (size_t i = 0; i < t->rows.len && a->rc == SQLITE_OK; i++) {
		const row *r = &t->rows.items[i];
		st = a->st[ST_ROW];
		sqlite3_bind_int64(st, 1, table_id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		bind_text(st, 3, r->code);
		bind_text(st, 4, r->label);
		bind_text(st, 5, r->code ? r->code : r->label);
		bind_int_or_null(st, 6, r->level);
		bind_text(st, 7, r->parent);
		bind_text(st, 8, r->side);
		bind_text(st, 9, r->group);
		bind_int_or_null(st, 10, table_row_page(t, (size_t)r->source));
		sqlite3_int64 row_id = run(a, st);
		for (size_t k = 0; k < t->columns.len && r->values && a->rc == SQLITE_OK; k++) {
			const value *v = &r->values[k];
			st = a->st[ST_VALUE];
			sqlite3_bind_int64(st, 1, row_id);
			sqlite3_bind_int64(st, 2, col_ids[k]);
			if (v->kind == VALUE_NUMBER && !v->number.overflow) {
				sqlite3_bind_text(st, 3, "number", -1, SQLITE_STATIC);
				bind_decimal(a, st, 4, v->number);
				sqlite3_bind_double(st, 5, strtod(a->num.buf, NULL));
			} else if (v->kind == VALUE_TEXT) {
				sqlite3_bind_text(st, 3, "text", -1, SQLITE_STATIC);
				bind_text(st, 4, v->text);
			} else {
				sqlite3_bind_text(st, 3, "null", -1, SQLITE_STATIC);
			}
			run(a, st);
		}
	}
	free(col_ids);
	for (size_t i = 0; i < t->checks.len && a->rc == SQLITE_OK; i++)
		add_check(a, doc_id, table_id, &t->checks.items[i]);
}

int sqlite_add_document(sqlite_db *d, const document *doc, const sqlite_add_options *opt, error *err)
{
	adder a = { .d = d, .num = SBUF_INIT, .rc = SQLITE_OK };
	int result = -1;
	if (exec(d, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	for (int i = 0; i < ST_COUNT; i++)
		if (sqlite3_prepare_v2(d->db, statements[i], -1, &a.st[i], NULL) != SQLITE_OK) {
			fail(d, err, "cannot prepare the database statements");
			goto out;
		}
	sqlite3_bind_text(a.st[ST_FIND], 1, doc->sha256, -1, SQLITE_STATIC);
	int found = sqlite3_step(a.st[ST_FIND]);
	sqlite3_reset(a.st[ST_FIND]);
	if (found != SQLITE_ROW && found != SQLITE_DONE) {
		fail(d, err, "cannot read the database");
		goto out;
	}
	if (found == SQLITE_ROW) {
		if (!opt || !opt->replace) {
			result = 1;
			goto out;
		}
		sqlite3_bind_text(a.st[ST_DELETE], 1, doc->sha256, -1, SQLITE_STATIC);
		run(&a, a.st[ST_DELETE]);
	}

	sqlite3_bind_text(a.st[ST_CLEAR], 1, doc->sha256, -1, SQLITE_STATIC);
	run(&a, a.st[ST_CLEAR]); /* read now: earlier failures of these bytes are past */
	char stamp[32];
	utc_stamp(stamp, sizeof stamp);
	sqlite3_stmt *st = a.st[ST_DOC];
	bind_text(st, 1, doc->sha256);
	bind_text(st, 2, doc->path);
	bind_text(st, 3, doc->media);
	if (strcmp(doc->media, "pdf") == 0)
		sqlite3_bind_int64(st, 4, (sqlite3_int64)doc->pages.len);
	else
		sqlite3_bind_null(st, 4);
	bind_text(st, 5, doc->producer);
	bind_text(st, 6, text_layer_name(doc->text_layer));
	bind_text(st, 7, "disclex " DISCLEX_VERSION);
	bind_text(st, 8, doc_kind_name(doc->kind));
	bind_int_or_null(st, 9, doc->year);
	bind_text(st, 10, doc->department);
	bind_text(st, 11, doc->title);
	bind_text(st, 12, stamp);
	sqlite3_int64 doc_id = a.rc == SQLITE_OK ? run(&a, st) : 0;
	for (size_t i = 0; i < doc->tables.len && a.rc == SQLITE_OK; i++)
		add_table(&a, doc_id, doc->tables.items[i]);
	for (size_t i = 0; i < doc->document_checks.len && a.rc == SQLITE_OK; i++)
		add_check(&a, doc_id, 0, &doc->document_checks.items[i]);
	for (size_t i = 0; i < doc->warnings.len && a.rc == SQLITE_OK; i++) {
		const warning *w = &doc->warnings.items[i];
		st = a.st[ST_WARNING];
		sqlite3_bind_int64(st, 1, doc_id);
		bind_text(st, 2, w->code);
		bind_int_or_null(st, 3, w->page);
		bind_text(st, 4, w->table);
		bind_text(st, 5, w->message);
		run(&a, st);
	}
	if (a.rc != SQLITE_OK) {
		error_set(err, ERROR_OUTPUT, 0, "cannot add the document to the database: %s",
		          a.message[0] ? a.message : sqlite3_errstr(a.rc));
		goto out;
	}
	if (opt && opt->before_commit)
		opt->before_commit(opt->arg);
	if (exec(d, "COMMIT", err) == 0)
		result = 0;
out:
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(a.st[i]);
	sbuf_release(&a.num);
	if (result != 0)
		sqlite3_exec(d->db, "ROLLBACK", NULL, NULL, NULL);
	return result;
}

/*
 * Merging (disclex merge): the documents of another disclex database that
 * this one lacks (by sha256), each copied in one transaction with new ids:
 * the document, its tables one by one (each new table id mapping its
 * columns, rows and checks; values matched through the (table, position)
 * of their row and column), the document's own checks and warnings; then
 * the failures of bytes this database has neither read nor recorded.
 */
static int step_done(sqlite_db *d, sqlite3_stmt *st, error *err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return fail(d, err, "cannot merge");
	return 0;
}

enum {
	M_DOC, M_TABLES, M_TABLE, M_COLUMNS, M_ROWS, M_VALUES, M_CHECKS, M_DOC_CHECKS, M_WARNINGS, M_COUNT
};
static const char *const merge_sql[M_COUNT] = {
	[M_DOC] = "INSERT INTO main.documents (sha256, path, media, pages, producer, text_layer, generator, kind, year, "
	          "department, title, loaded_at) SELECT sha256, path, media, pages, producer, text_layer, generator, "
	          "kind, year, department, title, loaded_at FROM src.documents WHERE id = ?1",
	[M_TABLES] = "SELECT id FROM src.tables WHERE document_id = ?1 ORDER BY id",
	[M_TABLE] = "INSERT INTO main.tables (document_id, table_key, schema, title, number, entity, unit, pages, "
	            "first_page, header_rows) SELECT ?2, table_key, schema, title, number, entity, unit, pages, "
	            "first_page, header_rows FROM src.tables WHERE id = ?1",
	[M_COLUMNS] = "INSERT INTO main.columns (table_id, position, column_key, header) "
	              "SELECT ?2, position, column_key, header FROM src.columns WHERE table_id = ?1 ORDER BY id",
	[M_ROWS] = "INSERT INTO main.rows (table_id, position, code, label, row_key, level, parent, side, row_group, "
	           "page) SELECT ?2, position, code, label, row_key, level, parent, side, row_group, page "
	           "FROM src.rows WHERE table_id = ?1 ORDER BY id",
	[M_VALUES] = "INSERT INTO main.row_values (row_id, column_id, kind, value, value_approx) "
	             "SELECT nr.id, nc.id, v.kind, v.value, v.value_approx FROM src.row_values v "
	             "JOIN src.rows r ON r.id = v.row_id JOIN src.columns c ON c.id = v.column_id "
	             "JOIN main.rows nr ON nr.table_id = ?2 AND nr.position = r.position "
	             "JOIN main.columns nc ON nc.table_id = ?2 AND nc.position = c.position "
	             "WHERE r.table_id = ?1",
	[M_CHECKS] = "INSERT INTO main.checks (document_id, table_id, tables, rule, row_key, column_key, expected, "
	             "found, tolerance, ok) SELECT ?3, ?2, tables, rule, row_key, column_key, expected, found, "
	             "tolerance, ok FROM src.checks WHERE table_id = ?1 ORDER BY id",
	[M_DOC_CHECKS] = "INSERT INTO main.checks (document_id, table_id, tables, rule, row_key, column_key, expected, "
	                 "found, tolerance, ok) SELECT ?2, NULL, tables, rule, row_key, column_key, expected, found, "
	                 "tolerance, ok FROM src.checks WHERE document_id = ?1 AND table_id IS NULL ORDER BY id",
	[M_WARNINGS] = "INSERT INTO main.warnings (document_id, code, page, table_key, message) "
	               "SELECT ?2, code, page, table_key, message FROM src.warnings WHERE document_id = ?1 ORDER BY id",
};

/* One document of src (its id there) into main, in the open transaction. */
static int merge_document(sqlite_db *d, sqlite3_stmt **st, sqlite3_int64 src_doc, error *err)
{
	sqlite3_bind_int64(st[M_DOC], 1, src_doc);
	if (step_done(d, st[M_DOC], err) < 0)
		return -1;
	sqlite3_int64 doc = sqlite3_last_insert_rowid(d->db);
	sqlite3_bind_int64(st[M_TABLES], 1, src_doc);
	int rc;
	while ((rc = sqlite3_step(st[M_TABLES])) == SQLITE_ROW) {
		sqlite3_int64 t = sqlite3_column_int64(st[M_TABLES], 0);
		sqlite3_bind_int64(st[M_TABLE], 1, t);
		sqlite3_bind_int64(st[M_TABLE], 2, doc);
		if (step_done(d, st[M_TABLE], err) < 0)
			break;
		sqlite3_int64 nt = sqlite3_last_insert_rowid(d->db);
		static const int per_table[] = { M_COLUMNS, M_ROWS, M_VALUES, M_CHECKS };
		for (size_t k = 0; k < sizeof per_table / sizeof *per_table; k++) {
			sqlite3_stmt *s = st[per_table[k]];
			sqlite3_bind_int64(s, 1, t);
			sqlite3_bind_int64(s, 2, nt);
			if (per_table[k] == M_CHECKS)
				sqlite3_bind_int64(s, 3, doc);
			if (step_done(d, s, err) < 0) {
				sqlite3_reset(st[M_TABLES]);
				return -1;
			}
		}
	}
	sqlite3_reset(st[M_TABLES]);
	if (rc != SQLITE_DONE)
		return err->message[0] ? -1 : fail(d, err, "cannot merge");
	for (int k = M_DOC_CHECKS; k <= M_WARNINGS; k++) {
		sqlite3_bind_int64(st[k], 1, src_doc);
		sqlite3_bind_int64(st[k], 2, doc);
		if (step_done(d, st[k], err) < 0)
			return -1;
	}
	return 0;
}

int sqlite_merge_db(sqlite_db *d, const char *src_path, size_t *added, size_t *skipped, error *err)
{
	*added = *skipped = 0;
	sqlite_db *src = sqlite_open_db(src_path, err); /* checks it is a disclex database of this version */
	if (!src)
		return -1;
	sqlite_close_db(src);
	sqlite3_stmt *attach = NULL, *docs = NULL, *st[M_COUNT] = { 0 };
	int result = -1;
	VEC(sqlite3_int64) todo = { 0 };
	arena *a = arena_new();
	if (sqlite3_prepare_v2(d->db, "ATTACH DATABASE ?1 AS src", -1, &attach, NULL) != SQLITE_OK) {
		fail(d, err, "cannot open the database to merge");
		return -1;
	}
	sqlite3_bind_text(attach, 1, src_path, -1, SQLITE_STATIC);
	int rc = sqlite3_step(attach);
	sqlite3_finalize(attach);
	if (rc != SQLITE_DONE) {
		fail(d, err, "cannot open the database to merge");
		return -1;
	}
	if (sqlite3_prepare_v2(d->db, "SELECT s.id, EXISTS (SELECT 1 FROM main.documents m WHERE m.sha256 = s.sha256) "
	                              "FROM src.documents s ORDER BY s.id", -1, &docs, NULL) != SQLITE_OK) {
		fail(d, err, "cannot read the database to merge");
		goto out;
	}
	for (int i = 0; i < M_COUNT; i++)
		if (sqlite3_prepare_v2(d->db, merge_sql[i], -1, &st[i], NULL) != SQLITE_OK) {
			fail(d, err, "cannot prepare the merge");
			goto out;
		}
	/* the list first: a transaction per document, none open while reading it */
	while ((rc = sqlite3_step(docs)) == SQLITE_ROW) {
		if (sqlite3_column_int(docs, 1))
			(*skipped)++;
		else
			*VEC_PUSH(a, &todo) = sqlite3_column_int64(docs, 0);
	}
	sqlite3_reset(docs);
	bool ok = rc == SQLITE_DONE;
	if (!ok)
		fail(d, err, "cannot read the database to merge");
	for (size_t i = 0; ok && i < todo.len; i++) {
		ok = exec(d, "BEGIN IMMEDIATE", err) == 0;
		if (ok && merge_document(d, st, todo.items[i], err) < 0)
			ok = false;
		if (ok)
			ok = exec(d, "COMMIT", err) == 0;
		else
			sqlite3_exec(d->db, "ROLLBACK", NULL, NULL, NULL);
		*added += ok;
	}
	if (ok && exec(d, "INSERT INTO main.failures (path, sha256, exit_code, message, failed_at) "
	                  "SELECT path, sha256, exit_code, message, failed_at FROM src.failures s "
	                  "WHERE (s.sha256 IS NULL AND NOT EXISTS (SELECT 1 FROM main.failures f "
	                  "WHERE f.sha256 IS NULL AND f.path = s.path)) OR (s.sha256 IS NOT NULL "
	                  "AND NOT EXISTS (SELECT 1 FROM main.documents m WHERE m.sha256 = s.sha256) "
	                  "AND NOT EXISTS (SELECT 1 FROM main.failures f WHERE f.sha256 = s.sha256))", err) < 0)
		ok = false;
	result = ok ? 0 : -1;
out:
	arena_free(a);
	for (int i = 0; i < M_COUNT; i++)
		sqlite3_finalize(st[i]);
	sqlite3_finalize(docs);
	sqlite3_exec(d->db, "DETACH DATABASE src", NULL, NULL, NULL);
	return result;
}
