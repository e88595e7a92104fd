/*
 * unit: --unit conversion of every mapped amount, exactly.
 *
 * A table's values are in its printed unit (万元 mostly).  Converting to
 * another unit is a shift of the decimal point (normalize/unit.h), so it is
 * exact both ways as long as the digits fit.  Only amount columns move:
 * line numbers (行次), percentages (_pct), weights and scores stay.  The
 * table's identity checks move with their column, document checks with the
 * unit of their first table.  A table without a printed unit is left as it
 * is, with a warning.
 */
#include <string.h>

#include "map/internal.h"
#include "map/map.h"
#include "normalize/unit.h"

/* A unit name (万元) or its --unit spelling in Latin letters (wanyuan, wan) -> the name. */
static const char *unit_name(const char *s)
{
	static const char *const latin[][2] = {
		{ "yuan", "元" }, { "wanyuan", "万元" }, { "wan", "万元" }, { "qianyuan", "千元" }, { "yiyuan", "亿元" },
	};
	for (size_t i = 0; i < sizeof latin / sizeof latin[0]; i++)
		if (strcmp(s, latin[i][0]) == 0)
			return latin[i][1];
	return norm_unit_word(s);
}

/* A table's unit: already a bare name (万元), or found in printed text. */
static const char *table_unit(const table *t)
{
	if (!t->unit)
		return NULL;
	const char *bare = unit_name(t->unit);
	return bare ? bare : norm_unit(t->unit);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool amount_key(const char *key)
{
	return strcmp(key, "line") != 0 && !ends_with(key, "_pct") && strcmp(key, "weight") != 0 &&
	       strcmp(key, "score") != 0 && strcmp(key, "score_weight") != 0 && !strstr(key, "行次") &&
	       !strstr(key, "栏次") && !strstr(key, "%") && !strstr(key, "率");
}

static bool convert(decimal *d, const char *from, const char *to)
{
	decimal out;
	if (!norm_convert_unit(*d, from, to, &out))
		return false;
	*d = out;
	return true;
}

static bool convert_check(check *c, const char *from, const char *to)
{
	return convert(&c->expected, from, to) && convert(&c->found, from, to) &&
	       convert(&c->tolerance, from, to);
}

int map_convert_unit(document *doc, const char *unit, error *err)
{
	const char *to = unit ? unit_name(unit) : NULL;
	if (!to) {
		error_set(err, ERROR_USAGE, 0, "unknown unit '%s' (yuan, 万元, 千元, 亿元)", unit ? unit : "");
		return -1;
	}
	for (size_t i = 0; i < doc->tables.len; i++) {
		table *t = doc->tables.items[i];
		const char *from = table_unit(t);
		if (!t->rows.len || (from && strcmp(from, to) == 0))
			continue;
		if (!from) {
			doc_warn(doc, "unit_not_converted", table_first_page(t), t,
			         "table %s has no printed unit; its values stay as printed", t->id);
			continue;
		}
		for (size_t k = 0; k < t->columns.len; k++) {
			if (t->columns.items[k].text || !amount_key(t->columns.items[k].key))
				continue;
			for (size_t r = 0; r < t->rows.len; r++) {
				value *v = &t->rows.items[r].values[k];
				if (v->kind == VALUE_NUMBER && !convert(&v->number, from, to)) {
					error_set(err, ERROR_INTERNAL, 0, "cannot convert a value of table %s to %s exactly",
					          t->id, to);
					return -1;
				}
			}
		}
		for (size_t c = 0; c < t->checks.len; c++) {
			check *ck = &t->checks.items[c];
			if (ck->column && !amount_key(ck->column))
				continue;
			if (!convert_check(ck, from, to)) {
				error_set(err, ERROR_INTERNAL, 0, "cannot convert a check of table %s to %s exactly",
				          t->id, to);
				return -1;
			}
		}
	}
	for (size_t c = 0; c < doc->document_checks.len; c++) {
		check *ck = &doc->document_checks.items[c];
		const char *from = NULL;
		for (size_t i = 0; i < doc->tables.len && !from; i++) {
			table *t = doc->tables.items[i];
			if (ck->tables && strncmp(ck->tables, t->id, strlen(t->id)) == 0)
				from = table_unit(t);
		}
		if (from && strcmp(from, to) != 0 && !convert_check(ck, from, to)) {
			error_set(err, ERROR_INTERNAL, 0, "cannot convert a document check to %s exactly", to);
			return -1;
		}
	}
	for (size_t i = 0; i < doc->tables.len; i++) {
		table *t = doc->tables.items[i];
		if (table_unit(t))
			t->unit = arena_strdup(doc->arena, to);
	}
	return 0;
}
