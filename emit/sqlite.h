/*
 * sqlite: documents appended to an SQLite database, one transaction each.
 *
 * The relational schema (documents, tables, columns, rows, row_values,
 * checks, warnings, failures, the view value_facts) is created when absent and is
 * described in the README.  A document is known by the SHA-256 of its input
 * bytes: one already in the database is left as it is, or replaced.
 */
#ifndef DX_EMIT_SQLITE_H
#define DX_EMIT_SQLITE_H

#include <stdbool.h>

#include "core/error.h"
#include "core/model.h"

/* The schema's version, in PRAGMA user_version. */
#define SQLITE_SCHEMA_VERSION 2

typedef struct sqlite_db sqlite_db;

typedef struct sqlite_add_options {
	bool replace; /* a document with the same sha256 is deleted first */
	/* called inside the transaction, every row of the document inserted,
	 * before COMMIT (tests use it to kill the process there); may be NULL */
	void (*before_commit)(void *arg);
	void *arg;
} sqlite_add_options;

/* Opens (or creates) the database at path and creates the schema when
 * absent.  NULL with err set: not a database, a newer schema, unwritable. */
sqlite_db *sqlite_open_db(const char *path, error *err);
void sqlite_close_db(sqlite_db *db);
/* Whether a document with this sha256 is in the database: 1 yes, 0 no, -1 error (err set). */
int sqlite_has_document(sqlite_db *db, const char *sha256, error *err);
/* Whether a failure is recorded for this sha256: 1 yes, 0 no, -1 error (err set). */
int sqlite_has_failure(sqlite_db *db, const char *sha256, error *err);
/* Records that path (sha256 NULL when unreadable) failed with exit_code and message, replacing an
 * earlier record of the same bytes.  0, or -1 with err set. */
int sqlite_add_failure(sqlite_db *db, const char *path, const char *sha256, int exit_code, const char *message,
                       error *err);
/* Appends doc in one transaction.  Returns 0 when added, 1 when a document
 * with its sha256 is there and not opt->replace (nothing written), -1 with
 * err set (rolled back: nothing of doc is left). */
int sqlite_add_document(sqlite_db *db, const document *doc, const sqlite_add_options *opt, error *err);
/* Adds the documents (and failures) of the disclex database at src_path that
 * db lacks, by sha256, each document in one transaction with new ids.
 * *added and *skipped count the documents.  0, or -1 with err set. */
int sqlite_merge_db(sqlite_db *db, const char *src_path, size_t *added, size_t *skipped, error *err);

#endif
