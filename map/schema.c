/*
 * schema: load the table catalogue from XML files (libxml2).
 *
 *   1. split the directory list at ':'; in each directory collect the names
 *      ending in .xml and sort them (the set is the same on every machine);
 *   2. compile the RELAX NG grammar schema.rng of the first directory that
 *      holds one (no grammar anywhere is an error: files are never trusted
 *      unvalidated);
 *   3. parse each file without network access and with libxml2's own
 *      reporting silenced; a parse or validation error becomes one `error`
 *      naming the file and the line, and nothing is loaded;
 *   4. walk <schema> and <document-check> elements into the set's arena,
 *      normalizing titles, header patterns and row labels to the keys map/
 *      compares with (map/keys.c).
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "core/error.h"
#include "core/sbuf.h"
#include "map/internal.h"
#include "map/schema.h"

/* The first libxml2 error reported through a structured handler. */
typedef struct xml_fault {
	bool set;
	char file[256];
	int line;
	char message[256];
} xml_fault;

static void copy_message(char *dst, size_t cap, const char *msg)
{
	size_t n = msg ? strlen(msg) : 0;
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	if (n >= cap)
		n = cap - 1;
	if (n)
		memcpy(dst, msg, n);
	dst[n] = '\0';
}

static void record_fault(void *user, xmlErrorPtr e)
{
	xml_fault *f = user;
	if (f->set || !e || e->level < XML_ERR_ERROR)
		return;
	f->set = true;
	copy_message(f->file, sizeof f->file, e->file ? e->file : "");
	f->line = e->line;
	if (f->line <= 0 && e->node)
		f->line = (int)xmlGetLineNo((xmlNodePtr)e->node);
	copy_message(f->message, sizeof f->message, e->message ? e->message : "invalid");
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *attr(arena *a, xmlNodePtr node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *r = arena_strdup(a, (const char *)v);
	xmlFree(v);
	return r;
}

static char *content(arena *a, xmlNodePtr node)
{
	xmlChar *v = xmlNodeGetContent(node);
	char *r = arena_strdup(a, v ? (const char *)v : "");
	xmlFree(v);
	return r;
}

static bool named(xmlNodePtr node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, (const xmlChar *)name);
}

/* Splits s at spaces into arena strings. */
static void split_words(arena *a, const char *s, void *vec)
{
	VEC(const char *) *v = vec;
	const char *p = s;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *q = p;
		while (*q && *q != ' ')
			q++;
		if (q > p)
			*VEC_PUSH(a, v) = arena_strndup(a, p, (size_t)(q - p));
		p = q;
	}
}

/* Splits s at '|' into label keys. */
static void split_labels(arena *a, const char *s, void *vec)
{
	VEC(const char *) *v = vec;
	const char *p = s;
	while (true) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		char *one = arena_strndup(a, p, len);
		*VEC_PUSH(a, v) = map_label_key(a, one, NULL, NULL);
		if (!bar)
			break;
		p = bar + 1;
	}
}

static enum doc_kind parse_kind(const char *s)
{
	if (s && strcmp(s, "final_accounts") == 0)
		return KIND_FINAL_ACCOUNTS;
	if (s && strcmp(s, "budget") == 0)
		return KIND_BUDGET;
	if (s && strcmp(s, "performance") == 0)
		return KIND_PERFORMANCE;
	return KIND_UNKNOWN;
}

static int load_schema(schema_set *set, xmlNodePtr node, const char *file, error *err)
{
	arena *a = set->arena;
	schema *s = VEC_PUSH(a, &set->schemas);
	s->id = attr(a, node, "id");
	s->file = file;
	s->line = (int)xmlGetLineNo(node);
	s->kind = parse_kind(attr(a, node, "kind"));
	const char *layout = attr(a, node, "layout");
	s->layout = !layout || strcmp(layout, "list") == 0 ? LAYOUT_LIST
	            : strcmp(layout, "two-sided") == 0   ? LAYOUT_TWO_SIDED
	            : strcmp(layout, "form") == 0        ? LAYOUT_FORM
	                                                 : LAYOUT_BLOCKS;
	const char *rows = attr(a, node, "rows");
	s->rows = !rows || strcmp(rows, "code") == 0 ? ROWS_CODE
	          : strcmp(rows, "label") == 0       ? ROWS_LABEL
	                                             : ROWS_NONE;
	const char *codes = attr(a, node, "codes");
	s->codes = !codes ? NORM_CLASS_NONE : strcmp(codes, "function") == 0 ? NORM_CLASS_FUNCTION : NORM_CLASS_ECONOMIC;
	for (xmlNodePtr c = node->children; c; c = c->next) {
		if (named(c, "title")) {
			char *key = map_title_key(a, content(a, c));
			*VEC_PUSH(a, &s->titles) = key;
			*VEC_PUSH(a, &s->cores) = map_title_core(a, key);
		} else if (named(c, "evidence")) {
			*VEC_PUSH(a, &s->evidence) = map_label_key(a, content(a, c), NULL, NULL);
		} else if (named(c, "fold")) {
			schema_fold *f = VEC_PUSH(a, &s->folds);
			char *text = content(a, c);
			char *label = attr(a, c, "label");
			f->header = map_segment_key(a, text);
			f->label = map_label_key(a, label ? label : text, NULL, NULL);
		} else if (named(c, "group")) {
			schema_group *g = VEC_PUSH(a, &s->groups);
			g->key = attr(a, c, "key");
			/* codes="301 303": the code prefixes of its rows, space separated. */
			char *codes = attr(a, c, "codes");
			for (char *p = codes; p && *p;) {
				size_t n = strcspn(p, " ");
				if (n)
					*VEC_PUSH(a, &g->codes) = arena_strndup(a, p, n);
				p += n + strspn(p + n, " ");
			}
			for (xmlNodePtr h = c->children; h; h = h->next)
				if (named(h, "header"))
					*VEC_PUSH(a, &g->headers) = map_segment_key(a, content(a, h));
		} else if (named(c, "column")) {
			schema_column *col = VEC_PUSH(a, &s->columns);
			col->key = attr(a, c, "key");
			col->side = attr(a, c, "side");
			const char *type = attr(a, c, "type");
			col->type = !type || strcmp(type, "amount") == 0 ? TYPE_AMOUNT
			            : strcmp(type, "number") == 0        ? TYPE_NUMBER
			                                                 : TYPE_TEXT;
			const char *part = attr(a, c, "part");
			col->part = !part ? PART_ANY : strcmp(part, "form") == 0 ? PART_FORM : PART_INDICATOR;
			for (xmlNodePtr h = c->children; h; h = h->next)
				if (named(h, "header"))
					*VEC_PUSH(a, &col->headers) = map_path_key(a, content(a, h));
		} else if (named(c, "check")) {
			schema_check *ck = VEC_PUSH(a, &s->checks);
			ck->rule = attr(a, c, "rule");
			ck->total = attr(a, c, "total");
			const char *parts = attr(a, c, "parts");
			if (strcmp(ck->rule, "total_equals_parts") == 0 && (!ck->total || !parts)) {
				error_set(err, ERROR_INPUT, 0,
				          "bad schema file '%s' at line %ld: total_equals_parts needs total and parts",
				          file, xmlGetLineNo(c));
				return -1;
			}
			if (parts)
				split_words(a, parts, &ck->parts);
		}
	}
	return 0;
}

static void load_doc_check(schema_set *set, xmlNodePtr node)
{
	arena *a = set->arena;
	schema_doc_check *d = VEC_PUSH(a, &set->doc_checks);
	d->rule = attr(a, node, "rule");
	for (xmlNodePtr c = node->children; c; c = c->next) {
		if (!named(c, "ref"))
			continue;
		schema_ref *r = VEC_PUSH(a, &d->refs);
		r->schema = attr(a, c, "schema");
		r->side = attr(a, c, "side");
		r->column = attr(a, c, "column");
		const char *sign = attr(a, c, "sign");
		r->minus = sign && strcmp(sign, "minus") == 0;
		split_labels(a, attr(a, c, "row"), &r->rows);
	}
}

static int load_file(schema_set *set, xmlRelaxNGPtr grammar, const char *path, error *err)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		error_set(err, ERROR_INTERNAL, 0, "cannot allocate an XML parser for '%s'", path);
		return -1;
	}
	xmlDocPtr xml = xmlCtxtReadFile(ctxt, path, NULL,
	                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!xml) {
		xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
		char msg[256] = "not well-formed";
		if (e && e->message)
			copy_message(msg, sizeof msg, e->message);
		error_set(err, ERROR_INPUT, 0, "bad schema file '%s' at line %d: %s", path,
		          e ? e->line : 0, msg);
		xmlFreeParserCtxt(ctxt);
		return -1;
	}
	xmlFreeParserCtxt(ctxt);

	xml_fault fault = { 0 };
	xmlRelaxNGValidCtxtPtr valid = xmlRelaxNGNewValidCtxt(grammar);
	xmlRelaxNGSetValidStructuredErrors(valid, record_fault, &fault);
	int rc = xmlRelaxNGValidateDoc(valid, xml);
	xmlRelaxNGFreeValidCtxt(valid);
	if (rc != 0) {
		error_set(err, ERROR_INPUT, 0, "bad schema file '%s' at line %d: %s", path,
		          fault.set ? fault.line : 0,
		          fault.set ? fault.message : "does not follow schema.rng");
		xmlFreeDoc(xml);
		return -1;
	}

	const char *file = arena_strdup(set->arena, path);
	int result = 0;
	for (xmlNodePtr n = xmlDocGetRootElement(xml)->children; n && result == 0; n = n->next) {
		if (named(n, "schema"))
			result = load_schema(set, n, file, err);
		else if (named(n, "document-check"))
			load_doc_check(set, n);
	}
	xmlFreeDoc(xml);
	return result;
}

static xmlRelaxNGPtr load_grammar(const char *path, error *err)
{
	xml_fault fault = { 0 };
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(path);
	if (!pc) {
		error_set(err, ERROR_INTERNAL, 0, "cannot read schema grammar '%s'", path);
		return NULL;
	}
	xmlRelaxNGSetParserStructuredErrors(pc, record_fault, &fault);
	xmlRelaxNGPtr g = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	if (!g)
		error_set(err, ERROR_INPUT, 0, "bad schema grammar '%s' at line %d: %s", path,
		          fault.set ? fault.line : 0, fault.set ? fault.message : "cannot compile");
	return g;
}

/* Appends the sorted *.xml paths of dir; -1 when dir cannot be read. */
static int list_dir(const char *dir, sbuf *names, size_t *count, error *err)
{
	DIR *d = opendir(dir);
	if (!d) {
		error_set(err, ERROR_INPUT, 0, "cannot read schema directory '%s'", dir);
		return -1;
	}
	char **found = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !has_suffix(e->d_name, ".xml"))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			char **grown = realloc(found, cap * sizeof *found);
			if (!grown)
				abort();
			found = grown;
		}
		found[n++] = strdup(e->d_name);
	}
	closedir(d);
	if (n)
		qsort(found, n, sizeof *found, compare_names);
	for (size_t i = 0; i < n; i++) {
		sbuf_addf(names, "%s/%s", dir, found[i]);
		sbuf_addch(names, '\0');
		free(found[i]);
	}
	free(found);
	*count += n;
	return 0;
}

schema_set *schema_set_load(const char *dirs, error *err)
{
	if (!dirs || !*dirs)
		dirs = "schemas";
	xmlInitParser();
	sbuf names = SBUF_INIT, grammar_path = SBUF_INIT;
	size_t count = 0;
	xmlRelaxNGPtr grammar = NULL;
	schema_set *set = NULL;
	const char *p = dirs;
	while (true) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);
		char dir[4096];
		if (len >= sizeof dir) {
			error_set(err, ERROR_USAGE, 0, "schema directory name too long");
			goto out;
		}
		memcpy(dir, p, len);
		dir[len] = '\0';
		if (len) {
			if (list_dir(dir, &names, &count, err) < 0)
				goto out;
			if (!grammar_path.len) {
				sbuf probe = SBUF_INIT;
				sbuf_addf(&probe, "%s/schema.rng", dir);
				if (is_file(probe.buf))
					sbuf_addstr(&grammar_path, probe.buf);
				sbuf_release(&probe);
			}
		}
		if (!colon)
			break;
		p = colon + 1;
	}
	if (!grammar_path.len) {
		error_set(err, ERROR_INPUT, 0, "no schema.rng in schema directory '%s'", dirs);
		goto out;
	}
	grammar = load_grammar(grammar_path.buf, err);
	if (!grammar)
		goto out;
	set = calloc(1, sizeof *set);
	if (!set)
		abort();
	set->arena = arena_new();
	const char *name = names.buf;
	for (size_t i = 0; i < count; i++) {
		if (load_file(set, grammar, name, err) < 0) {
			schema_set_free(set);
			set = NULL;
			goto out;
		}
		name += strlen(name) + 1;
	}
	if (set->schemas.len == 0) {
		error_set(err, ERROR_INPUT, 0, "no schema in schema directory '%s'", dirs);
		schema_set_free(set);
		set = NULL;
	}
out:
	if (grammar)
		xmlRelaxNGFree(grammar);
	sbuf_release(&names);
	sbuf_release(&grammar_path);
	return set;
}

void schema_set_free(schema_set *set)
{
	if (!set)
		return;
	arena_free(set->arena);
	free(set);
}

size_t schema_set_count(const schema_set *set)
{
	return set ? set->schemas.len : 0;
}
