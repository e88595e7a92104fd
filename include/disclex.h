/*
 * disclex.h: the public C interface of libdisclex.
 *
 * disclex reads a Chinese government fiscal disclosure (PDF, HTML or text),
 * recovers its tables, maps each onto a canonical schema (row and column
 * keys), checks the accounting identities and writes the result as JSON,
 * NDJSON, CSV, an Excel workbook or an SQLite database.  Amounts stay exact:
 * every value is given as the decimal text it was printed with ("3260.55"),
 * never as a binary floating-point number.
 *
 *   dx_schemas_load ─▶ dx_options_new ─▶ dx_options_set_schemas
 *   dx_open_file / dx_open_memory ─▶ dx_run (= dx_extract, dx_map)
 *     ─▶ dx_doc_table ─▶ dx_table_row ─▶ dx_row_value        (walk)
 *     ─▶ dx_write / dx_to_string / dx_workbook_add / dx_database_add (emit)
 *   dx_close, dx_options_free, dx_schemas_free
 *
 * Ownership, once for the whole interface:
 *   - A function named *_new, *_open*, *_load or dx_to_string gives the caller
 *     an object it must release with the matching *_free / *_close / dx_free
 *     (each of which accepts NULL).
 *   - Every other pointer returned (strings, tables, rows) is lent: it stays
 *     valid until the object it came from is closed or freed (a document's
 *     tables, rows and strings until dx_close of that document; after dx_run
 *     they do not change).  Never free a lent pointer.
 *   - Arguments are only read during the call and may be released after it,
 *     except a dx_schemas given to dx_options_set_schemas, which must outlive
 *     every dx_run that uses those options.
 *   - dx_open_memory copies the bytes it is given.
 *
 * Errors: a function that can fail returns a negative number (or NULL) and,
 * when `err` is not NULL, fills it with a code (enum dx_code) and a message
 * (lowercase, what went wrong first; the caller knows which file it gave, and
 * err->page names the page where one is at fault).  The
 * library never prints, never exits and never calls abort() on bad input; a
 * problem with one page or one table is a warning of the document
 * (dx_doc_warning), not a failure.
 *
 * Threads: nothing is global.  A handle must be used by one thread at a time;
 * several documents may be opened and run in several threads at once, sharing
 * one dx_schemas and one dx_options (dx_run only reads them).
 *
 * Text is UTF-8.  Strings are NUL-terminated.  Every name this library
 * exports begins with dx_ (macros with DX_).
 */
#ifndef DISCLEX_H
#define DISCLEX_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && defined(DX_BUILDING_LIBRARY)
#define DX_API __attribute__((visibility("default")))
#else
#define DX_API
#endif

/* ---- version ---- */

#define DX_VERSION_MAJOR 0
#define DX_VERSION_MINOR 1
#define DX_VERSION_PATCH 0
#define DX_VERSION "0.1.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH, for #if */
#define DX_VERSION_NUMBER (DX_VERSION_MAJOR * 10000 + DX_VERSION_MINOR * 100 + DX_VERSION_PATCH)

/* The version of the library running ("0.1.0"), which may differ from the
 * DX_VERSION a program was compiled with. */
DX_API const char *dx_version(void);

/* ---- errors ---- */

enum dx_code {
	DX_OK = 0,
	DX_EUSAGE = 1,      /* a bad argument: NULL handle, unknown name, a stage run twice */
	DX_EINPUT = 2,      /* the input cannot be read: missing, a directory, empty, not a PDF, damaged, over a limit */
	DX_EOUTPUT = 3,     /* the output cannot be written */
	DX_ENOTEXT = 4,     /* read, but no page has a text layer (scanned) and OCR is not available: no tables */
	DX_ENOSCHEMAS = 5,  /* no schema directory found, or its schemas do not load */
	DX_ESTRICT = 6,     /* strict: the document was read, with warnings */
	DX_EINTERNAL = 7,
};

typedef struct dx_error {
	int code;           /* enum dx_code */
	int page;           /* the page it is about, 0 when none */
	char message[512];  /* "" when code is DX_OK */
} dx_error;

/* ---- schemas: the table catalogue ---- */

typedef struct dx_schemas dx_schemas;

/*
 * Loads the table schemas (*.xml, validated against schema.rng) from dirs, a
 * list of directories separated by ':'.  With dirs NULL, the default places,
 * in order: $DISCLEX_SCHEMAS; schemas/ and ../share/disclex/schemas beside the
 * running program; ../share/disclex/schemas beside the shared library.
 * NULL with err set: DX_ENOSCHEMAS when no directory is found, DX_EINPUT when
 * one cannot be read or a file in it is bad (the message names file and line).
 */
DX_API dx_schemas *dx_schemas_load(const char *dirs, dx_error *err);
DX_API void dx_schemas_free(dx_schemas *schemas);
/* How many table schemas the set holds. */
DX_API size_t dx_schemas_count(const dx_schemas *schemas);

/* ---- options of a run ---- */

typedef struct dx_options dx_options;

/* Default options: input format sniffed from the content, every page, no unit
 * conversion, at most DX_DEFAULT_MAX_CELLS grid cells, not strict, and the
 * schemas from the default places (loaded by each dx_run: set them once with
 * dx_options_set_schemas when running many documents). */
#define DX_DEFAULT_MAX_CELLS ((size_t)1000000)
DX_API dx_options *dx_options_new(void);
DX_API void dx_options_free(dx_options *opt);
/* The schemas dx_map uses (lent: they must outlive the runs). */
DX_API void dx_options_set_schemas(dx_options *opt, const dx_schemas *schemas);
/* Read only pages first..last of a PDF (1-based; last 0: to the end).  -1 with err on a bad range. */
DX_API int dx_options_set_pages(dx_options *opt, int first, int last, dx_error *err);
/* Read inputs as "pdf", "html" or "text" (NULL: sniff).  -1 with err on an unknown name. */
DX_API int dx_options_set_input_format(dx_options *opt, const char *format, dx_error *err);
/* Convert every amount exactly to "yuan"/"元", "qianyuan"/"千元", "wanyuan"/"万元" or
 * "yiyuan"/"亿元" (NULL: as printed).  -1 with err on an unknown unit. */
DX_API int dx_options_set_unit(dx_options *opt, const char *unit, dx_error *err);
/* Refuse an input whose tables would hold more than max_cells grid cells (rows x
 * columns of every table; 0: no limit). */
DX_API void dx_options_set_max_cells(dx_options *opt, size_t max_cells);
/* With strict on, dx_run and dx_map fail with DX_ESTRICT when the document has
 * warnings (the document is still complete and may be walked and written). */
DX_API void dx_options_set_strict(dx_options *opt, int strict);
/* Also list the figures stated in running text (the `facts` of the JSON). */
DX_API void dx_options_set_facts(dx_options *opt, int facts);

/* ---- documents ---- */

typedef struct dx_document dx_document;
typedef struct dx_table dx_table;
typedef struct dx_row dx_row;

/*
 * Reads the file at path ("-": standard input) into a new document; nothing
 * is recognised yet (see dx_run).  Inputs over 1 GiB are refused.  NULL with
 * err set (DX_EINPUT) when it cannot be read.
 */
DX_API dx_document *dx_open_file(const char *path, dx_error *err);
/*
 * A new document from len bytes at data (copied); name is what messages and
 * the output's source.path call it (NULL: "<memory>").  A name ending in .pdf
 * asks for a PDF, as a file's does.
 */
DX_API dx_document *dx_open_memory(const void *data, size_t len, const char *name, dx_error *err);
DX_API void dx_close(dx_document *doc);

/*
 * Stage 1, extract: pages, text, tables (grids of cells) and the document's
 * identity (kind, year, department).  opt may be NULL (defaults).  -1 with err
 * set when the input cannot be read at all (DX_EINPUT, also over the cell
 * limit; DX_EUSAGE for a page range starting past the last page; no stage
 * runs again on it) or has no text layer and OCR (Tesseract) is not available
 * to read it (DX_ENOTEXT: the document is kept, with its pages and no tables,
 * and may still be mapped and written; the message says what to install).
 * Scanned pages are read by OCR when it is.  Page-level problems are warnings.
 */
DX_API int dx_extract(dx_document *doc, const dx_options *opt, dx_error *err);
/*
 * Stage 2, map and check: each table onto a schema (row and column keys),
 * the identities checked, amounts converted to the unit asked for.  Runs
 * dx_extract first when it has not run.  -1 with err set: no schemas
 * (DX_ENOSCHEMAS), a stage already run (DX_EUSAGE), or DX_ESTRICT.
 */
DX_API int dx_map(dx_document *doc, const dx_options *opt, dx_error *err);
/* Both stages: dx_extract then dx_map. */
DX_API int dx_run(dx_document *doc, const dx_options *opt, dx_error *err);

/* The name the document was opened with (a path, "-", or dx_open_memory's name). */
DX_API const char *dx_doc_name(const dx_document *doc);
/* The SHA-256 of its bytes, 64 lowercase hex digits (known from dx_open on). */
DX_API const char *dx_doc_sha256(const dx_document *doc);
/* What follows is known after dx_extract (before it: NULL, 0 or empty). */
/* "pdf", "html" or "text". */
DX_API const char *dx_doc_media(const dx_document *doc);
DX_API int dx_doc_page_count(const dx_document *doc);
/* "full", "partial" or "none" (scanned). */
DX_API const char *dx_doc_text_layer(const dx_document *doc);
/* "final_accounts", "budget", "performance" or NULL. */
DX_API const char *dx_doc_kind(const dx_document *doc);
/* The fiscal year, 0 when unknown. */
DX_API int dx_doc_year(const dx_document *doc);
/* The department and title, NULL when not found. */
DX_API const char *dx_doc_department(const dx_document *doc);
DX_API const char *dx_doc_title(const dx_document *doc);

/* ---- tables ---- */

DX_API size_t dx_doc_table_count(const dx_document *doc);
/* Table i (0-based, in document order), NULL when out of range. */
DX_API const dx_table *dx_doc_table(const dx_document *doc, size_t i);
/* "t01", "t02", … */
DX_API const char *dx_table_id(const dx_table *t);
/* The schema id ("budget.summary"), NULL when no schema claims the table. */
DX_API const char *dx_table_schema(const dx_table *t);
/* The title as printed, its table number (公开02表), unit (万元), NULL when none. */
DX_API const char *dx_table_title(const dx_table *t);
DX_API const char *dx_table_number(const dx_table *t);
DX_API const char *dx_table_unit(const dx_table *t);
/* The first and last page the table was printed on (0 when not read off pages). */
DX_API int dx_table_first_page(const dx_table *t);
DX_API int dx_table_last_page(const dx_table *t);

/* The printed grid: rows x columns of cells, header rows first.  A merged
 * cell's text is in its top-left slot; the slots it covers give NULL. */
DX_API size_t dx_table_grid_rows(const dx_table *t);
DX_API size_t dx_table_grid_columns(const dx_table *t);
DX_API size_t dx_table_header_rows(const dx_table *t);
/* The text of a grid cell as printed ("" when blank), NULL when covered by a
 * merged cell or out of range. */
DX_API const char *dx_table_cell(const dx_table *t, size_t row, size_t column);

/* The mapped columns (the keys of every row's values). */
DX_API size_t dx_table_column_count(const dx_table *t);
/* The column key: the schema's key, else the header path as printed. */
DX_API const char *dx_table_column_key(const dx_table *t, size_t i);
/* The header as printed, levels joined by '/'. */
DX_API const char *dx_table_column_header(const dx_table *t, size_t i);

/* ---- rows and values ---- */

DX_API size_t dx_table_row_count(const dx_table *t);
DX_API const dx_row *dx_table_row(const dx_table *t, size_t i);
/* The row key: its code when printed (digits only), else its label. */
DX_API const char *dx_row_key(const dx_row *r);
/* The printed code (digits only) and the normalized label, each NULL when none. */
DX_API const char *dx_row_code(const dx_row *r);
DX_API const char *dx_row_label(const dx_row *r);
/* The page the row was printed on, 0 when unknown. */
DX_API int dx_row_page(const dx_row *r);
/* "income" / "expenditure" for a two-sided table, else NULL. */
DX_API const char *dx_row_side(const dx_row *r);

enum dx_value_kind {
	DX_VALUE_NULL = 0,   /* blank (or -, —, /), or out of range */
	DX_VALUE_NUMBER = 1, /* an exact amount */
	DX_VALUE_TEXT = 2,   /* text in a text column */
};
/* The kind of the row's value in mapped column i. */
DX_API int dx_row_value_kind(const dx_row *r, size_t i);
/*
 * The row's value in mapped column i: a number as its exact decimal text, in
 * the shortest exact form ("3260.55", "0", "-7", "12.5"; after a unit
 * conversion, the converted amount), text as printed, NULL for a blank.
 */
DX_API const char *dx_row_value(const dx_row *r, size_t i);

/* ---- checks and warnings ---- */

/* An identity checked: expected against found, within tolerance. */
typedef struct dx_check {
	const char *rule;      /* the schema's rule name */
	const char *table;     /* the table id; NULL for a check across tables */
	const char *tables;    /* across tables: their ids, "t01,t02"; else NULL */
	const char *row;       /* the row key it is about, or NULL */
	const char *column;    /* the column key, or NULL */
	const char *expected;  /* exact decimals, NULL when too large to hold */
	const char *found;
	const char *tolerance;
	int ok;                /* 1 when it holds */
} dx_check;

/* Every check: each table's in table order, then those across tables. */
DX_API size_t dx_doc_check_count(const dx_document *doc);
/* Fills *out with check i (lent strings); -1 when out of range. */
DX_API int dx_doc_check(const dx_document *doc, size_t i, dx_check *out);

/* A doubt the program had: something guessed, skipped or unreadable. */
typedef struct dx_warning {
	const char *code;    /* stable snake_case name (the README's Warnings table) */
	int page;            /* 0 when not about one page */
	const char *table;   /* the table id, NULL for the document */
	const char *message;
} dx_warning;

DX_API size_t dx_doc_warning_count(const dx_document *doc);
/* Fills *out with warning i (lent strings); -1 when out of range. */
DX_API int dx_doc_warning(const dx_document *doc, size_t i, dx_warning *out);

/* ---- output ---- */

enum dx_format {
	DX_FORMAT_JSON = 1,   /* disclex/1 JSON, indented, one object */
	DX_FORMAT_NDJSON = 2, /* the same on one line */
	DX_FORMAT_CSV = 3,    /* long CSV: one line per value, after the header line */
	DX_FORMAT_HTML = 4,   /* a PDF's pages as images with the cells read drawn over them
	                       * (what `disclex inspect` writes); a PDF only, else DX_EUSAGE */
};
enum dx_write_flags {
	DX_CSV_BOM = 1,        /* start with a UTF-8 byte order mark (for Excel) */
	DX_CSV_RAW = 2,        /* text fields as printed (by default one that a spreadsheet would run
	                        * as a formula is quoted after a ') */
	DX_CSV_NO_HEADER = 4,  /* only the value lines (a document after the first in one CSV) */
};
/* Writes doc to out in format (flags: enum dx_write_flags, 0 for none).
 * -1 with err set (DX_EOUTPUT) when out cannot be written. */
DX_API int dx_write(const dx_document *doc, int format, unsigned flags, FILE *out, dx_error *err);
/* The header line of the long CSV (after a byte order mark with DX_CSV_BOM), for
 * a CSV of several documents each written with DX_CSV_NO_HEADER.  -1 with err. */
DX_API int dx_write_csv_header(FILE *out, unsigned flags, dx_error *err);
/* The same into a new NUL-terminated string (free with dx_free); *len (may be
 * NULL) is set to its length.  NULL with err set. */
DX_API char *dx_to_string(const dx_document *doc, int format, unsigned flags, size_t *len, dx_error *err);
/* Frees a string dx_to_string or dx_table_csv_name gave. */
DX_API void dx_free(void *p);

/*
 * One table as printed, as CSV ("wide"): a line of the grid columns' header
 * paths, then one line per printed body row, each slot the exact decimal of
 * the value read from it (converted when a unit was asked for), else its
 * printed text; a slot a merged cell covers is empty.  flags: DX_CSV_BOM,
 * DX_CSV_RAW.  -1 with err set (DX_EOUTPUT) when out cannot be written.
 */
DX_API int dx_write_table_csv(const dx_document *doc, const dx_table *t, unsigned flags, FILE *out,
                              dx_error *err);
/* A file name for that CSV, "STEM.ID TITLE.csv" (STEM: the document's base name
 * without extension, then "~DUP" when dup > 1): one name, never a path (no '/', no
 * control character, no leading '.'), at most 200 bytes.  A new string (dx_free). */
DX_API char *dx_table_csv_name(const dx_document *doc, const dx_table *t, int dup);

/* An Excel workbook: a summary sheet, then a sheet per table, written at dx_workbook_close.
 * An amount of more significant digits than DX_WORKBOOK_MAX_DIGITS is written as text
 * (a spreadsheet number is a binary double). */
#define DX_WORKBOOK_MAX_DIGITS 15
typedef struct dx_workbook dx_workbook;
DX_API dx_workbook *dx_workbook_open(const char *path, dx_error *err);
/* Adds doc's tables, checks and warnings; *as_text (may be NULL) is set to the number
 * of amounts written as text (over DX_WORKBOOK_MAX_DIGITS digits, or out of range),
 * each also listed among the workbook's warnings. */
DX_API int dx_workbook_add(dx_workbook *wb, const dx_document *doc, size_t *as_text, dx_error *err);
/* Writes the workbook and frees it; -1 with err set when it cannot be written. */
DX_API int dx_workbook_close(dx_workbook *wb, dx_error *err);

/* An SQLite database (the README's relational schema), created when absent;
 * each document is added in one transaction and known by its sha256. */
typedef struct dx_database dx_database;
DX_API dx_database *dx_database_open(const char *path, dx_error *err);
/* 1 when a document with these bytes (dx_doc_sha256) is in the database, 0 when not, -1 with err. */
DX_API int dx_database_has(dx_database *db, const char *sha256, dx_error *err);
/* Adds doc: 0 added, 1 already there and not replace (nothing written), -1 with err
 * (nothing of doc written).  With replace, a document of the same bytes is replaced. */
DX_API int dx_database_add(dx_database *db, const dx_document *doc, int replace, dx_error *err);
DX_API void dx_database_close(dx_database *db);

#ifdef __cplusplus
}
#endif

#endif
