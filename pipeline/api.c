/*
 * api: the public interface (include/disclex.h) over the pipeline and the
 * document model.
 *
 *   dx_open_file ─┐                      dx_extract              dx_map
 *   dx_open_memory┴▶ bytes + sha256 ──▶ pipeline_extract ──▶ pipeline_map ──▶ views
 *
 * A dx_document holds the input's bytes (owned), the model once extracted,
 * and the views the walking functions hand out, built once when dx_map ends
 * (or dx_extract, for a document read without mapping): one dx_table per
 * model table, one dx_row per mapped row, and every amount (values, checks)
 * formatted once into its exact decimal text, so every getter only lends.
 * All views live in the document's arena and die with dx_close.
 *
 * Only the dx_ functions are exported from the shared library (the others
 * are hidden by -fvisibility=hidden and the version script); api_* below
 * are for cli/, which is built inside the library's walls.
 */
#define DX_BUILDING_LIBRARY 1
#include "include/disclex.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/sbuf.h"
#include "emit/csv.h"
#include "emit/html.h"
#include "emit/json.h"
#include "emit/sqlite.h"
#include "emit/xlsx.h"
#include "map/map.h"
#include "map/schema.h"
#include "pipeline/api.h"
#include "pipeline/pipeline.h"

struct dx_schemas {
	schema_set *set;
};

struct dx_options {
	pipeline_options pipe;
	char *unit;   /* owned copy of the --unit name */
	bool strict;
};

struct dx_table {
	const table *t;
	struct dx_row *rows;
};

struct dx_row {
	const table *t;
	const row *r;
	const char **values; /* one per column: exact decimal, text, or NULL */
};

/* A check and the table it belongs to (NULL for a document check), amounts as text. */
typedef struct check_view {
	const check *c;
	const char *table;
	const char *expected, *found, *tolerance;
} check_view;

struct dx_document {
	char *name;
	char *data;
	size_t len;
	char sha256[65];
	document *doc; /* NULL until extracted */
	bool mapped;
	bool extract_failed; /* the input could not be read: no stage runs again */
	struct dx_table *tables;
	check_view *checks;
	size_t nchecks;
};


static void set_error(dx_error *err, int code, int page, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void set_error(dx_error *err, int code, int page, const char *fmt, ...)
{
	if (!err)
		return;
	err->code = code;
	err->page = page;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
}

static int code_for(enum error_kind kind)
{
	switch (kind) {
	case ERROR_NONE: return DX_OK;
	case ERROR_USAGE: return DX_EUSAGE;
	case ERROR_INPUT: return DX_EINPUT;
	case ERROR_OUTPUT: return DX_EOUTPUT;
	case ERROR_NO_TEXT: return DX_ENOTEXT;
	default: return DX_EINTERNAL;
	}
}

/* An internal error into the public one; returns -1. */
static int fail(dx_error *err, const error *e)
{
	set_error(err, code_for(e->kind), e->page, "%s", e->message);
	return -1;
}

static void clear(dx_error *err)
{
	if (err)
		set_error(err, DX_OK, 0, "%s", "");
}

const char *dx_version(void)
{
	return DX_VERSION;
}

/* ---- schemas ---- */

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory of file joined with rel, into buf, when that is a directory. */
static bool beside(const char *file, const char *rel, char *buf, size_t size)
{
	const char *slash = strrchr(file, '/');
	if (!slash)
		return false;
	int n = snprintf(buf, size, "%.*s/%s", (int)(slash - file), file, rel);
	return n > 0 && (size_t)n < size && is_dir(buf);
}

/* The file this code was loaded from, links resolved, into buf; false when unknown. */
static bool library_file(char *buf)
{
	Dl_info info;
	return dladdr((void *)dx_schemas_load, &info) && info.dli_fname && realpath(info.dli_fname, buf);
}

/* Whether this code runs from a shared library (not linked into the program). */
static bool is_shared_library(void)
{
	char lib[PATH_MAX], self[PATH_MAX];
	return library_file(lib) && realpath("/proc/self/exe", self) && strcmp(lib, self) != 0;
}

/* The default schema directory (dx_schemas_load with NULL), in buf or
 * $DISCLEX_SCHEMAS; NULL when there is none. */
static const char *default_schema_dir(char *buf, size_t size)
{
	const char *env = getenv("DISCLEX_SCHEMAS");
	if (env && *env)
		return env;
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = '\0';
		if (beside(self, "schemas", buf, size) || beside(self, "../share/disclex/schemas", buf, size))
			return buf;
	}
	/* the shared library's own place, for a program installed elsewhere */
	char lib[PATH_MAX];
	if (library_file(lib) && beside(lib, "../share/disclex/schemas", buf, size))
		return buf;
	return NULL;
}

dx_schemas *dx_schemas_load(const char *dirs, dx_error *err)
{
	clear(err);
	char buf[PATH_MAX + 64];
	const char *dir = dirs ? dirs : default_schema_dir(buf, sizeof buf);
	if (!dir) {
		set_error(err, DX_ENOSCHEMAS, 0,
		          "no table schemas found ($DISCLEX_SCHEMAS not set, no schemas/ nor "
		          "../share/disclex/schemas beside the program%s)",
		          is_shared_library() ? " nor ../share/disclex/schemas beside libdisclex.so" : "");
		return NULL;
	}
	error e = { 0 };
	schema_set *set = schema_set_load(dir, &e);
	if (!set) {
		set_error(err, DX_EINPUT, 0, "cannot load schemas: %.480s", e.message);
		return NULL;
	}
	dx_schemas *s = malloc(sizeof *s);
	if (!s) {
		schema_set_free(set);
		set_error(err, DX_EINTERNAL, 0, "out of memory");
		return NULL;
	}
	s->set = set;
	return s;
}

void dx_schemas_free(dx_schemas *schemas)
{
	if (!schemas)
		return;
	schema_set_free(schemas->set);
	free(schemas);
}

size_t dx_schemas_count(const dx_schemas *schemas)
{
	return schemas ? schema_set_count(schemas->set) : 0;
}

const schema_set *api_schema_set(const dx_schemas *schemas)
{
	return schemas ? schemas->set : NULL;
}

/* ---- options ---- */

dx_options *dx_options_new(void)
{
	dx_options *opt = calloc(1, sizeof *opt);
	if (opt)
		opt->pipe.max_cells = DX_DEFAULT_MAX_CELLS;
	return opt;
}

void dx_options_free(dx_options *opt)
{
	if (!opt)
		return;
	free(opt->unit);
	free(opt);
}

void dx_options_set_schemas(dx_options *opt, const dx_schemas *schemas)
{
	if (opt)
		opt->pipe.schemas = schemas ? schemas->set : NULL;
}

int dx_options_set_pages(dx_options *opt, int first, int last, dx_error *err)
{
	clear(err);
	if (!opt || first < 1 || (last != 0 && last < first)) {
		set_error(err, DX_EUSAGE, 0, "bad page range (first >= 1, last 0 or >= first)");
		return -1;
	}
	opt->pipe.pdf.first_page = first;
	opt->pipe.pdf.last_page = last;
	return 0;
}

int dx_options_set_input_format(dx_options *opt, const char *format, dx_error *err)
{
	clear(err);
	if (!opt) {
		set_error(err, DX_EUSAGE, 0, "no options");
		return -1;
	}
	enum input_format f = format ? sniff_format_name(format) : INPUT_UNKNOWN;
	if (format && f == INPUT_UNKNOWN) {
		set_error(err, DX_EUSAGE, 0, "unknown input format '%.400s' (pdf, html, text)", format);
		return -1;
	}
	opt->pipe.input_format = f;
	return 0;
}

int dx_options_set_unit(dx_options *opt, const char *unit, dx_error *err)
{
	clear(err);
	if (!opt) {
		set_error(err, DX_EUSAGE, 0, "no options");
		return -1;
	}
	if (unit) {
		/* the unit is checked by the one place that knows the unit names:
		 * converting a document without tables */
		document *empty = doc_new("");
		error e = { 0 };
		int rc = map_convert_unit(empty, unit, &e);
		doc_free(empty);
		if (rc < 0)
			return fail(err, &e);
	}
	char *copy = unit ? strdup(unit) : NULL;
	if (unit && !copy) {
		set_error(err, DX_EINTERNAL, 0, "out of memory");
		return -1;
	}
	free(opt->unit);
	opt->unit = copy;
	opt->pipe.unit = copy;
	return 0;
}

void dx_options_set_max_cells(dx_options *opt, size_t max_cells)
{
	if (opt)
		opt->pipe.max_cells = max_cells;
}

void dx_options_set_strict(dx_options *opt, int strict)
{
	if (opt)
		opt->strict = strict != 0;
}

void dx_options_set_facts(dx_options *opt, int facts)
{
	if (opt)
		opt->pipe.facts = facts != 0;
}

/* ---- documents ---- */

static dx_document *new_document(const char *name, char *data, size_t len, dx_error *err)
{
	dx_document *d = calloc(1, sizeof *d);
	char *copy = strdup(name);
	if (!d || !copy) {
		free(d);
		free(copy);
		free(data);
		set_error(err, DX_EINTERNAL, 0, "out of memory");
		return NULL;
	}
	d->name = copy;
	d->data = data;
	d->len = len;
	pipeline_sha256(data, len, d->sha256);
	return d;
}

dx_document *dx_open_file(const char *path, dx_error *err)
{
	clear(err);
	if (!path) {
		set_error(err, DX_EUSAGE, 0, "no path");
		return NULL;
	}
	char *data = NULL;
	size_t len = 0;
	error e = { 0 };
	if (pipeline_read(path, &data, &len, &e) < 0) {
		fail(err, &e);
		return NULL;
	}
	return new_document(path, data, len, err);
}

dx_document *dx_open_memory(const void *data, size_t len, const char *name, dx_error *err)
{
	clear(err);
	if (!data && len) {
		set_error(err, DX_EUSAGE, 0, "no data");
		return NULL;
	}
	if (len > PIPELINE_MAX_INPUT) {
		set_error(err, DX_EINPUT, 0, "input too large (over 1 GiB)");
		return NULL;
	}
	char *copy = malloc(len + 1);
	if (!copy) {
		set_error(err, DX_EINTERNAL, 0, "out of memory");
		return NULL;
	}
	if (len)
		memcpy(copy, data, len);
	copy[len] = '\0';
	return new_document(name ? name : "<memory>", copy, len, err);
}

void dx_close(dx_document *d)
{
	if (!d)
		return;
	doc_free(d->doc);
	free(d->data);
	free(d->name);
	free(d);
}

/* An amount as its exact decimal text in the arena; NULL when it overflowed (JSON's null). */
static const char *decimal_text(arena *a, decimal v, sbuf *tmp)
{
	if (v.overflow)
		return NULL;
	sbuf_reset(tmp);
	decimal_format(v, tmp);
	return arena_strdup(a, tmp->buf);
}

/* The views over the model the getters lend: tables, rows, values and checks as text. */
static void build_views(dx_document *d)
{
	document *doc = d->doc;
	arena *a = doc->arena;
	sbuf tmp = SBUF_INIT;
	d->tables = arena_calloc(a, doc->tables.len ? doc->tables.len : 1, sizeof *d->tables);
	size_t nchecks = doc->document_checks.len;
	for (size_t i = 0; i < doc->tables.len; i++) {
		const table *t = doc->tables.items[i];
		struct dx_table *v = &d->tables[i];
		v->t = t;
		nchecks += t->checks.len;
		v->rows = arena_calloc(a, t->rows.len ? t->rows.len : 1, sizeof *v->rows);
		for (size_t r = 0; r < t->rows.len; r++) {
			struct dx_row *vr = &v->rows[r];
			vr->t = t;
			vr->r = &t->rows.items[r];
			vr->values = arena_calloc(a, t->columns.len ? t->columns.len : 1, sizeof *vr->values);
			for (size_t c = 0; c < t->columns.len && vr->r->values; c++) {
				const value *val = &vr->r->values[c];
				if (val->kind == VALUE_NUMBER)
					vr->values[c] = decimal_text(a, val->number, &tmp);
				else if (val->kind == VALUE_TEXT)
					vr->values[c] = val->text;
			}
		}
	}
	d->checks = arena_calloc(a, nchecks ? nchecks : 1, sizeof *d->checks);
	d->nchecks = 0;
	for (size_t i = 0; i <= doc->tables.len; i++) {
		bool across = i == doc->tables.len;
		const table *t = across ? NULL : doc->tables.items[i];
		size_t n = across ? doc->document_checks.len : t->checks.len;
		for (size_t k = 0; k < n; k++) {
			const check *c = across ? &doc->document_checks.items[k] : &t->checks.items[k];
			check_view *cv = &d->checks[d->nchecks++];
			cv->c = c;
			cv->table = t ? t->id : NULL;
			cv->expected = decimal_text(a, c->expected, &tmp);
			cv->found = decimal_text(a, c->found, &tmp);
			cv->tolerance = decimal_text(a, c->tolerance, &tmp);
		}
	}
	sbuf_release(&tmp);
}

static const pipeline_options *pipe_of(const dx_options *opt)
{
	static const pipeline_options defaults = { .max_cells = DX_DEFAULT_MAX_CELLS };
	return opt ? &opt->pipe : &defaults;
}

/* A read document without a text layer, and no OCR to read it: DX_ENOTEXT, the document kept. */
static int no_text(dx_document *d, dx_error *err)
{
	set_error(err, DX_ENOTEXT, 0, "'%.300s' has no text layer (scanned pages); no text or tables read: %.180s",
	          d->name, doc_scan_unread(d->doc));
	return -1;
}

int dx_extract(dx_document *d, const dx_options *opt, dx_error *err)
{
	clear(err);
	if (!d || d->doc || d->extract_failed) {
		set_error(err, DX_EUSAGE, 0, "%s",
		          !d ? "no document" : d->doc ? "the document was extracted already" : "the document could not be read");
		return -1;
	}
	error e = { 0 };
	d->doc = pipeline_extract(d->name, d->data, d->len, pipe_of(opt), &e);
	if (!d->doc) {
		d->extract_failed = true;
		return fail(err, &e);
	}
	build_views(d);
	if (doc_scan_unread(d->doc))
		return no_text(d, err);
	return 0;
}

int dx_map(dx_document *d, const dx_options *opt, dx_error *err)
{
	clear(err);
	if (!d || d->mapped) {
		set_error(err, DX_EUSAGE, 0, d ? "the document was mapped already" : "no document");
		return -1;
	}
	if (!d->doc) {
		dx_error e = { 0 };
		if (dx_extract(d, opt, &e) < 0 && e.code != DX_ENOTEXT) {
			if (err)
				*err = e;
			return -1;
		}
	}
	pipeline_options pipe = *pipe_of(opt);
	dx_schemas *own = NULL;
	if (!pipe.schemas) {
		if (!(own = dx_schemas_load(NULL, err)))
			return -1;
		pipe.schemas = own->set;
	}
	error e = { 0 };
	int rc = pipeline_map(d->doc, &pipe, &e);
	dx_schemas_free(own);
	d->mapped = true;
	build_views(d);
	if (rc < 0)
		return fail(err, &e);
	if (doc_scan_unread(d->doc))
		return no_text(d, err);
	if (opt && opt->strict && d->doc->warnings.len) {
		set_error(err, DX_ESTRICT, 0, "'%.400s' has %zu warnings (strict)", d->name, d->doc->warnings.len);
		return -1;
	}
	return 0;
}

int dx_run(dx_document *doc, const dx_options *opt, dx_error *err)
{
	/* dx_map runs dx_extract first */
	return dx_map(doc, opt, err);
}

void api_options_no_ocr(dx_options *opt)
{
	if (opt)
		opt->pipe.pdf.no_ocr = true;
}

document *api_model(const dx_document *d)
{
	return d ? d->doc : NULL;
}

const char *api_data(const dx_document *d, size_t *len)
{
	*len = d ? d->len : 0;
	return d ? d->data : NULL;
}

const char *dx_doc_name(const dx_document *d)
{
	return d ? d->name : NULL;
}

const char *dx_doc_sha256(const dx_document *d)
{
	return d ? d->sha256 : NULL;
}

const char *dx_doc_media(const dx_document *d)
{
	return d && d->doc ? d->doc->media : NULL;
}

int dx_doc_page_count(const dx_document *d)
{
	return d && d->doc ? (int)d->doc->pages.len : 0;
}

const char *dx_doc_text_layer(const dx_document *d)
{
	return d && d->doc ? text_layer_name(d->doc->text_layer) : NULL;
}

const char *dx_doc_kind(const dx_document *d)
{
	return d && d->doc && d->doc->kind != KIND_UNKNOWN ? doc_kind_name(d->doc->kind) : NULL;
}

int dx_doc_year(const dx_document *d)
{
	return d && d->doc ? d->doc->year : 0;
}

const char *dx_doc_department(const dx_document *d)
{
	return d && d->doc ? d->doc->department : NULL;
}

const char *dx_doc_title(const dx_document *d)
{
	return d && d->doc ? d->doc->title : NULL;
}

/* ---- tables ---- */

size_t dx_doc_table_count(const dx_document *d)
{
	return d && d->doc ? d->doc->tables.len : 0;
}

const dx_table *dx_doc_table(const dx_document *d, size_t i)
{
	return i < dx_doc_table_count(d) ? &d->tables[i] : NULL;
}

const char *dx_table_id(const dx_table *t)
{
	return t ? t->t->id : NULL;
}

const char *dx_table_schema(const dx_table *t)
{
	return t ? t->t->schema : NULL;
}

const char *dx_table_title(const dx_table *t)
{
	return t ? t->t->title : NULL;
}

const char *dx_table_number(const dx_table *t)
{
	return t ? t->t->number : NULL;
}

const char *dx_table_unit(const dx_table *t)
{
	return t ? t->t->unit : NULL;
}

int dx_table_first_page(const dx_table *t)
{
	return t ? table_first_page(t->t) : 0;
}

int dx_table_last_page(const dx_table *t)
{
	return t && t->t->parts.len ? t->t->parts.items[t->t->parts.len - 1].page : 0;
}

size_t dx_table_grid_rows(const dx_table *t)
{
	return t ? t->t->nrows : 0;
}

size_t dx_table_grid_columns(const dx_table *t)
{
	return t ? t->t->ncols : 0;
}

size_t dx_table_header_rows(const dx_table *t)
{
	return t ? t->t->header_rows : 0;
}

const char *dx_table_cell(const dx_table *t, size_t row, size_t column)
{
	if (!t || row >= t->t->nrows || column >= t->t->ncols)
		return NULL;
	const cell *c = table_cell(t->t, row, column);
	return c->rowspan && c->colspan ? c->text : NULL;
}

size_t dx_table_column_count(const dx_table *t)
{
	return t ? t->t->columns.len : 0;
}

const char *dx_table_column_key(const dx_table *t, size_t i)
{
	return t && i < t->t->columns.len ? t->t->columns.items[i].key : NULL;
}

const char *dx_table_column_header(const dx_table *t, size_t i)
{
	return t && i < t->t->columns.len ? t->t->columns.items[i].header : NULL;
}

/* ---- rows and values ---- */

size_t dx_table_row_count(const dx_table *t)
{
	return t ? t->t->rows.len : 0;
}

const dx_row *dx_table_row(const dx_table *t, size_t i)
{
	return t && i < t->t->rows.len ? &t->rows[i] : NULL;
}

const char *dx_row_key(const dx_row *r)
{
	return !r ? NULL : r->r->code ? r->r->code : r->r->label;
}

const char *dx_row_code(const dx_row *r)
{
	return r ? r->r->code : NULL;
}

const char *dx_row_label(const dx_row *r)
{
	return r ? r->r->label : NULL;
}

int dx_row_page(const dx_row *r)
{
	return r ? table_row_page(r->t, (size_t)r->r->source) : 0;
}

const char *dx_row_side(const dx_row *r)
{
	return r ? r->r->side : NULL;
}

int dx_row_value_kind(const dx_row *r, size_t i)
{
	if (!r || i >= r->t->columns.len || !r->values[i])
		return DX_VALUE_NULL;
	return r->r->values[i].kind == VALUE_NUMBER ? DX_VALUE_NUMBER : DX_VALUE_TEXT;
}

const char *dx_row_value(const dx_row *r, size_t i)
{
	return r && i < r->t->columns.len ? r->values[i] : NULL;
}

/* ---- checks and warnings ---- */

size_t dx_doc_check_count(const dx_document *d)
{
	return d && d->doc ? d->nchecks : 0;
}

int dx_doc_check(const dx_document *d, size_t i, dx_check *out)
{
	if (!out || i >= dx_doc_check_count(d))
		return -1;
	const check_view *cv = &d->checks[i];
	out->rule = cv->c->rule;
	out->table = cv->table;
	out->tables = cv->c->tables;
	out->row = cv->c->row;
	out->column = cv->c->column;
	out->expected = cv->expected;
	out->found = cv->found;
	out->tolerance = cv->tolerance;
	out->ok = cv->c->ok;
	return 0;
}

size_t dx_doc_warning_count(const dx_document *d)
{
	return d && d->doc ? d->doc->warnings.len : 0;
}

int dx_doc_warning(const dx_document *d, size_t i, dx_warning *out)
{
	if (!out || i >= dx_doc_warning_count(d))
		return -1;
	const warning *w = &d->doc->warnings.items[i];
	out->code = w->code;
	out->page = w->page;
	out->table = w->table;
	out->message = w->message;
	return 0;
}

/* ---- output ---- */

static int need_model(const dx_document *d, dx_error *err)
{
	if (d && d->doc)
		return 0;
	set_error(err, DX_EUSAGE, 0, d ? "the document was not read (dx_run)" : "no document");
	return -1;
}

static int output_error(dx_error *err, const char *what)
{
	set_error(err, DX_EOUTPUT, 0, "cannot write %s: %s", what, strerror(errno ? errno : EIO));
	return -1;
}

int dx_write(const dx_document *d, int format, unsigned flags, FILE *out, dx_error *err)
{
	clear(err);
	if (need_model(d, err) < 0)
		return -1;
	if (!out) {
		set_error(err, DX_EUSAGE, 0, "no output stream");
		return -1;
	}
	if (format == DX_FORMAT_CSV) {
		csv_options co = { .bom = flags & DX_CSV_BOM, .raw = flags & DX_CSV_RAW };
		error e = { 0 };
		if ((!(flags & DX_CSV_NO_HEADER) && csv_write_header(out, &co, &e) < 0) ||
		    csv_write_rows(d->doc, out, &co, &e) < 0)
			return fail(err, &e);
		return 0;
	}
	size_t len = 0;
	char *s = dx_to_string(d, format, flags, &len, err);
	if (!s)
		return -1;
	errno = 0;
	bool ok = fwrite(s, 1, len, out) == len;
	free(s);
	return ok ? 0 : output_error(err, "the output stream");
}

int dx_write_csv_header(FILE *out, unsigned flags, dx_error *err)
{
	clear(err);
	if (!out) {
		set_error(err, DX_EUSAGE, 0, "no output stream");
		return -1;
	}
	csv_options co = { .bom = flags & DX_CSV_BOM, .raw = flags & DX_CSV_RAW };
	error e = { 0 };
	return csv_write_header(out, &co, &e) < 0 ? fail(err, &e) : 0;
}

char *dx_to_string(const dx_document *d, int format, unsigned flags, size_t *len, dx_error *err)
{
	clear(err);
	if (need_model(d, err) < 0)
		return NULL;
	if (format == DX_FORMAT_JSON || format == DX_FORMAT_NDJSON) {
		sbuf out = SBUF_INIT;
		json_write(d->doc, format == DX_FORMAT_JSON, &out);
		if (out.truncated) {
			sbuf_release(&out);
			set_error(err, DX_EOUTPUT, 0, "the output is larger than 1 GiB");
			return NULL;
		}
		size_t n = 0;
		char *s = sbuf_detach(&out, &n);
		if (len)
			*len = n;
		return s;
	}
	if (format == DX_FORMAT_CSV) {
		char *buf = NULL;
		size_t n = 0;
		FILE *f = open_memstream(&buf, &n);
		if (!f) {
			set_error(err, DX_EINTERNAL, 0, "out of memory");
			return NULL;
		}
		int rc = dx_write(d, format, flags, f, err);
		if (fclose(f) != 0 && rc == 0)
			rc = output_error(err, "a string");
		if (rc < 0) {
			free(buf);
			return NULL;
		}
		if (len)
			*len = n;
		return buf;
	}
	if (format == DX_FORMAT_HTML) {
		if (strcmp(d->doc->media, "pdf") != 0) {
			set_error(err, DX_EUSAGE, 0, "the pages of a PDF are drawn, and '%.400s' is %s", d->name,
			          d->doc->media);
			return NULL;
		}
		sbuf out = SBUF_INIT;
		error e = { 0 };
		if (html_write_inspect(d->doc, d->data, d->len, &out, &e) < 0) {
			sbuf_release(&out);
			fail(err, &e);
			return NULL;
		}
		size_t n = 0;
		char *s = sbuf_detach(&out, &n);
		if (len)
			*len = n;
		return s;
	}
	set_error(err, DX_EUSAGE, 0, "unknown format (DX_FORMAT_JSON, DX_FORMAT_NDJSON, DX_FORMAT_CSV, DX_FORMAT_HTML)");
	return NULL;
}

void dx_free(void *p)
{
	free(p);
}

int dx_write_table_csv(const dx_document *d, const dx_table *t, unsigned flags, FILE *out, dx_error *err)
{
	clear(err);
	if (need_model(d, err) < 0)
		return -1;
	if (!t || !out) {
		set_error(err, DX_EUSAGE, 0, "no table or no output stream");
		return -1;
	}
	csv_options co = { .bom = flags & DX_CSV_BOM, .raw = flags & DX_CSV_RAW };
	error e = { 0 };
	return csv_write_wide(d->doc, t->t, out, &co, &e) < 0 ? fail(err, &e) : 0;
}

char *dx_table_csv_name(const dx_document *d, const dx_table *t, int dup)
{
	if (!d || !d->doc || !t)
		return NULL;
	sbuf name = SBUF_INIT;
	csv_wide_name(d->doc, t->t, dup, &name);
	return sbuf_detach(&name, NULL);
}

/* ---- workbook ---- */

_Static_assert(DX_WORKBOOK_MAX_DIGITS == XLSX_MAX_DIGITS, "the documented digits are the workbook's");

struct dx_workbook {
	xlsx_book *book;
};

dx_workbook *dx_workbook_open(const char *path, dx_error *err)
{
	clear(err);
	if (!path) {
		set_error(err, DX_EUSAGE, 0, "no path");
		return NULL;
	}
	dx_workbook *wb = malloc(sizeof *wb);
	error e = { 0 };
	if (!wb || !(wb->book = xlsx_open(path, &e))) {
		free(wb);
		if (wb)
			fail(err, &e);
		else
			set_error(err, DX_EINTERNAL, 0, "out of memory");
		return NULL;
	}
	return wb;
}

int dx_workbook_add(dx_workbook *wb, const dx_document *d, size_t *as_text, dx_error *err)
{
	clear(err);
	if (!wb) {
		set_error(err, DX_EUSAGE, 0, "no workbook");
		return -1;
	}
	if (need_model(d, err) < 0)
		return -1;
	error e = { 0 };
	return xlsx_add(wb->book, d->doc, as_text, &e) < 0 ? fail(err, &e) : 0;
}

int dx_workbook_close(dx_workbook *wb, dx_error *err)
{
	clear(err);
	if (!wb)
		return 0;
	error e = { 0 };
	int rc = xlsx_close(wb->book, &e);
	free(wb);
	return rc < 0 ? fail(err, &e) : 0;
}

/* ---- database ---- */

struct dx_database {
	sqlite_db *db;
};

dx_database *dx_database_open(const char *path, dx_error *err)
{
	clear(err);
	if (!path) {
		set_error(err, DX_EUSAGE, 0, "no path");
		return NULL;
	}
	dx_database *db = malloc(sizeof *db);
	error e = { 0 };
	if (!db || !(db->db = sqlite_open_db(path, &e))) {
		free(db);
		if (db)
			fail(err, &e);
		else
			set_error(err, DX_EINTERNAL, 0, "out of memory");
		return NULL;
	}
	return db;
}

int dx_database_has(dx_database *db, const char *sha256, dx_error *err)
{
	clear(err);
	if (!db || !sha256) {
		set_error(err, DX_EUSAGE, 0, "no database or no sha256");
		return -1;
	}
	error e = { 0 };
	int has = sqlite_has_document(db->db, sha256, &e);
	return has < 0 ? fail(err, &e) : has;
}

int dx_database_add(dx_database *db, const dx_document *d, int replace, dx_error *err)
{
	clear(err);
	if (!db) {
		set_error(err, DX_EUSAGE, 0, "no database");
		return -1;
	}
	if (need_model(d, err) < 0)
		return -1;
	sqlite_add_options so = { .replace = replace != 0 };
	error e = { 0 };
	int rc = sqlite_add_document(db->db, d->doc, &so, &e);
	return rc < 0 ? fail(err, &e) : rc;
}

void dx_database_close(dx_database *db)
{
	if (!db)
		return;
	sqlite_close_db(db->db);
	free(db);
}
