/*
 * internal: what map/ shares between its files, not part of its API.
 *
 * The loaded form of a schema (see schemas/schema.rng) and the key
 * normalization both the loader and the mapper apply: a title key drops a
 * leading year, ordinal and form number, spaces, quotes and width; a header
 * key is a header path with each level normalized and the column-number
 * levels (栏次, 1, 2, **) dropped.
 */
#ifndef DX_MAP_INTERNAL_H
#define DX_MAP_INTERNAL_H

#include <stdbool.h>

#include "core/model.h"
#include "normalize/text.h"

/* The opaque type map/schema.h names; defined below. */
typedef struct schema_set schema_set;

enum schema_layout { LAYOUT_LIST, LAYOUT_TWO_SIDED, LAYOUT_BLOCKS, LAYOUT_FORM };
enum schema_rows { ROWS_CODE, ROWS_LABEL, ROWS_NONE };
enum column_type { TYPE_AMOUNT, TYPE_NUMBER, TYPE_TEXT };
enum column_part { PART_ANY, PART_FORM, PART_INDICATOR }; /* layout form only */

typedef struct schema_column {
	const char *key;
	const char *side; /* "income" / "expenditure" / NULL for both */
	enum column_type type;
	enum column_part part;
	VEC(const char *) headers; /* header keys: levels joined by '/' */
} schema_column;

typedef struct schema_fold {
	const char *header; /* header key of the leading level */
	const char *label;  /* row label it becomes */
} schema_fold;

typedef struct schema_group {
	const char *key;
	VEC(const char *) headers;
	VEC(const char *) codes; /* code prefixes of the rows the group lists (301, 303), none when any */
} schema_group;

typedef struct schema_check {
	const char *rule;
	const char *total;
	VEC(const char *) parts;
} schema_check;

typedef struct schema {
	const char *id;
	const char *file;
	int line;
	enum doc_kind kind;
	enum schema_layout layout;
	enum schema_rows rows;
	enum norm_class codes;    /* the classification its rows follow, NONE when any */
	VEC(const char *) titles; /* title keys */
	VEC(const char *) cores;  /* map_title_core of each title */
	VEC(const char *) evidence; /* row label words only this table prints among its neighbours */
	VEC(schema_fold) folds;
	VEC(schema_group) groups;
	VEC(schema_column) columns;
	VEC(schema_check) checks;
} schema;

typedef struct schema_ref {
	const char *schema;
	const char *side;
	const char *column;
	VEC(const char *) rows; /* label keys, any of */
	bool minus;             /* subtracted from the sum; nothing when the table has no such cell */
} schema_ref;

typedef struct schema_doc_check {
	const char *rule;
	VEC(schema_ref) refs; /* refs[0] is found, the others sum to expected */
} schema_doc_check;

struct schema_set {
	arena *arena;
	VEC(schema) schemas;
	VEC(schema_doc_check) doc_checks;
};

/* Key normalization, shared by loader and mapper (map/keys.c). */
char *map_title_key(arena *a, const char *s);
/* The words a title key names its table by: without bracketed notes and the
   words any wording may add or drop (部门, 单位, 本年, 年度, 情况, 总体, 明细,
   一览, 预算 and 决算 outside the fund names, 功能分类, 经济分类, 按, 总表, 表),
   收入支出 read as 收支: 基本支出预算情况表 and 部门预算基本支出预算表 are both
   基本支出. */
char *map_title_core(arena *a, const char *key);
/* The schema a title names by its words alone (title evidence 50 or more, one schema), or NULL
   (map/map.c). */
const schema *map_title_schema(const schema_set *set, const char *title, arena *a);
char *map_segment_key(arena *a, const char *s);
char *map_path_key(arena *a, const char *s);
char *map_label_key(arena *a, const char *s, int *ordinal, bool *subrow);
bool map_is_quote(uint32_t cp);

/* Identity checks (map/check.c). */
void map_check_table(document *doc, table *t, const schema *s);
/* Records one check on t: ok when found and expected differ by at most 0.01 × addends. */
void map_push_check(document *doc, table *t, const char *rule, const char *rowkey, const char *colkey,
                    decimal expected, decimal found, size_t addends);

/* 绩效 forms (map/performance.c). */
/* Evidence that t is a form of schema s: -1 none, else a score to add to the title's. */
/* The evidence a table gives for form schemas, read once for all of them; freed by perf_evidence_free. */
typedef struct perf_evidence perf_evidence;
perf_evidence *perf_evidence_of(const table *t);
void perf_evidence_free(perf_evidence *ev);
int perf_form_score(const schema *s, const perf_evidence *ev);
/* Maps t as a form of s: columns and rows (form fields, indicator rows). */
void perf_map_form(document *doc, table *t, const schema *s);
/* score_sum and weight_sum on a mapped form. */
void perf_check(document *doc, table *t, const schema_check *ck);
void map_check_document(document *doc, const schema_set *set);
/* The amount a document check's ref names in t, mapped (its row and column); false when t has
   none there or prints none. */
bool map_ref_cell(const table *t, const schema_ref *ref, decimal *out);
/* Whether some row of t (on the ref's side) prints v in the ref's column. */
bool map_ref_column_prints(const table *t, const schema_ref *ref, decimal v);

#endif
