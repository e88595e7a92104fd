/*
 * doubts: after mapping and checking, one warning for every thing the
 * program had to guess or could not read in the tables, so that no output
 * loses data silently.  Each warning has a stable code (listed in the
 * README), the table's first page and the table's id.
 *
 *   table_unclaimed    a table printing amounts that no schema claims, or one
 *                      whose title names a fiscal table (…支出预算表) however
 *                      few amounts it prints; a table with no Han character
 *                      in its title or cells (an English statistics table)
 *                      is no disclosure table: it keeps its cells, unclaimed,
 *                      without a warning
 *   label_holds_amount a row label of a claimed table ending in a figure
 *                      (合计3,557,028.56): an amount read into the label, its
 *                      column left short
 *   title_missing      a table claimed without a title of its own: the claim
 *                      rests on its header and rows (the evidence named)
 *   schema_guessed     a table whose title names no schema, claimed on its
 *                      header, codes, rows (the evidence named)
 *   column_unkeyed     a column of a claimed table with no canonical key: its
 *                      key is the printed header path
 *   value_not_amount   text where a claimed table's amount column expects an
 *                      amount (one warning per column: count and first cell)
 *   table_empty        a claimed table printing no amounts, with the note
 *                      that says why (本表无数据, 无此项支出 …) when printed
 *                      in its cells or on its last page
 *   unit_missing       a claimed table printing money amounts (not only
 *                      weights or scores) with no unit found
 *   check_failed       an identity that does not hold: a printed
 *                      inconsistency or a reading error (figures in the message)
 *   table_split        a claimed table followed, on the next page, by one with
 *                      the same title and schema that was not joined to it: a
 *                      table run over pages and kept in pieces, whose sums
 *                      (parent = children, 合计 = rows) may then fail
 *
 *   tables_not_found   the text names fiscal tables (headings, a contents
 *                      list) but none was found and claimed
 *   table_not_found    a title printed apart from any table (a heading or a
 *                      short line: 政府性基金预算支出表) that names a schema of
 *                      the document's kind no table claimed, while other
 *                      tables were claimed: the table under it was not read
 *
 * The pass only reads the mapped tables; it never changes them.
 */
#include <string.h>

#include "core/sbuf.h"
#include "map/internal.h"
#include "normalize/number.h"
#include "map/map.h"

/* Amounts printed in a table's mapped rows. */
/* Does the text hold a Han character (U+3400..U+9FFF: UTF-8 lead byte E3 with a second byte
   from 90, or E4..E9)? */
static bool text_has_han(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
		if ((*p == 0xE3 && p[1] >= 0x90) || (*p >= 0xE4 && *p <= 0xE9))
			return true;
	return false;
}

/* Does the table print a Han character, in its title or a cell?  Every disclosure table does. */
static bool has_han(const table *t)
{
	if (text_has_han(t->title))
		return true;
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		if (text_has_han(t->cells[i].text))
			return true;
	return false;
}

static size_t count_amounts(const table *t)
{
	size_t n = 0;
	for (size_t r = 0; r < t->rows.len; r++)
		for (size_t k = 0; k < t->columns.len; k++)
			n += t->rows.items[r].values[k].kind == VALUE_NUMBER;
	return n;
}

/* Amounts in money columns: a weight or a score (指标权重(%)) needs no unit. */
static size_t money_amounts(const table *t)
{
	size_t n = 0;
	for (size_t r = 0; r < t->rows.len; r++)
		for (size_t k = 0; k < t->columns.len; k++)
			n += !t->columns.items[k].measure && t->rows.items[r].values[k].kind == VALUE_NUMBER;
	return n;
}

static const char *row_name(const row *r)
{
	if (r->code && r->label)
		return r->label;
	return r->code ? r->code : r->label ? r->label : "";
}

static void report_columns(document *doc, const table *t, int page)
{
	for (size_t k = 0; k < t->columns.len; k++) {
		const column *c = &t->columns.items[k];
		if (!c->canonical)
			doc_warn(doc, "column_unkeyed", page, t,
			         "table %s: column '%s' has no key in schema %s; its header path is its key", t->id,
			         c->header && *c->header ? c->header : c->key, t->schema);
		if (c->text)
			continue;
		size_t bad = 0;
		const row *first = NULL;
		const char *text = NULL;
		for (size_t r = 0; r < t->rows.len; r++) {
			const value *v = &t->rows.items[r].values[k];
			if (v->kind != VALUE_TEXT)
				continue;
			if (!bad++) {
				first = &t->rows.items[r];
				text = v->text;
			}
		}
		if (bad)
			doc_warn(doc, "value_not_amount", page, t,
			         "table %s: %zu cell%s of amount column '%s' %s not an amount (first: '%s' in row '%s')",
			         t->id, bad, bad == 1 ? "" : "s", c->key, bad == 1 ? "is" : "are", text,
			         row_name(first));
	}
}

static void report_checks(document *doc, const table *t, int page, const check *checks, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const check *c = &checks[i];
		if (c->ok)
			continue;
		sbuf e = SBUF_INIT, f = SBUF_INIT;
		decimal_format(c->expected, &e);
		decimal_format(c->found, &f);
		const char *expected = e.buf, *found = f.buf;
		if (t)
			doc_warn(doc, "check_failed", page, t, "table %s: %s of row '%s', column '%s': expected %s, printed %s",
			         t->id, c->rule, c->row ? c->row : "", c->column ? c->column : "", expected, found);
		else
			doc_warn(doc, "check_failed", 0, NULL, "%s across tables %s: expected %s, printed %s", c->rule,
			         c->tables ? c->tables : "", expected, found);
		sbuf_release(&e);
		sbuf_release(&f);
	}
}

static bool names_table(arena *a, const char *text);

/* Does the label end in a figure glued to its words — a grouped or decimal amount, or five
   digits and more (合计3,557,028.56, 合计835139.00) — rather than a year or an item number? */
static bool ends_in_amount(const char *label)
{
	size_t n = strlen(label), start = n;
	while (start > 0 && (strchr("0123456789,.", label[start - 1])))
		start--;
	if (start == 0 || start == n || (unsigned char)label[start - 1] < 0x80 ||
	    label[start] < '0' || label[start] > '9')
		return false;
	const char *tail = label + start;
	size_t digits = strspn(tail, "0123456789");
	decimal d;
	if (norm_amount(tail, &d) != AMOUNT_NUMBER)
		return false;
	return strpbrk(tail, ",.") || digits >= 5;
}

static void report_labels(document *doc, const table *t, int page)
{
	size_t bad = 0;
	const char *first = NULL;
	for (size_t r = 0; r < t->rows.len; r++) {
		const char *label = t->rows.items[r].label;
		if (label && ends_in_amount(label) && !bad++)
			first = label;
	}
	if (bad)
		doc_warn(doc, "label_holds_amount", page, t,
		         "table %s: %zu row label%s end%s in a figure read into the label (first: '%s'); that row's "
		         "amounts may stand one column off or be missing", t->id, bad, bad == 1 ? "" : "s",
		         bad == 1 ? "s" : "", first);
}

/* A heading or short line naming a fiscal table (一、收支预算总表, 政府采购支出预算表). */
static bool names_table(arena *a, const char *text)
{
	char *s = map_label_key(a, text, NULL, NULL);
	size_t n = strlen(s);
	if (n < 9 || n > 120 || strcmp(s + n - 3, "表") != 0)
		return false;
	return strstr(s, "预算") || strstr(s, "决算") || strstr(s, "收支") || strstr(s, "支出") || strstr(s, "收入");
}

/*
 * A document whose text names fiscal tables but that yields no claimed
 * table (the tables printed apart, "具体公开表样附后", or drawn in a way not
 * read): one warning naming the first of them.
 */
static void report_missing_tables(document *doc)
{
	for (size_t i = 0; i < doc->tables.len; i++)
		if (doc->tables.items[i]->schema)
			return;
	size_t named = 0;
	const char *first = NULL;
	for (size_t b = 0; b < doc->blocks.len; b++) {
		const block *bl = &doc->blocks.items[b];
		for (size_t e = 0; e <= bl->entries.len; e++) {
			/* the block's text, then each entry of a contents block */
			const char *text = e ? bl->entries.items[e - 1].text : bl->text;
			if (!names_table(doc->arena, text))
				continue;
			if (!named++)
				first = text;
		}
	}
	if (named >= 2)
		doc_warn(doc, "tables_not_found", 0, NULL, "the text names %zu fiscal tables (first: '%s') but %s", named,
		         first, doc->tables.len ? "none of the tables found is one of them" : "no table was found");
}

/*
 * A title no table carries: a block (heading or short line, no sentence)
 * whose words name a schema (map_title_schema) of the document's kind — a
 * 绩效 form of any — that no table of the document claimed.  The table
 * printed under it was not found or not claimed: one warning per title.
 * Only when some table was claimed (else tables_not_found says it once).
 */
static void report_lost_titles(document *doc, const schema_set *set)
{
	if (!set)
		return;
	bool any = false;
	for (size_t i = 0; i < doc->tables.len && !any; i++)
		any = doc->tables.items[i]->schema != NULL;
	if (!any)
		return;
	for (size_t b = 0; b < doc->blocks.len; b++) {
		const block *bl = &doc->blocks.items[b];
		if (strlen(bl->text) > 180 || strstr(bl->text, "\xE3\x80\x82") || !names_table(doc->arena, bl->text))
			continue; /* 。: a sentence naming a table */
		const schema *s = map_title_schema(set, bl->text, doc->arena);
		if (!s || (s->layout != LAYOUT_FORM && doc->kind != KIND_UNKNOWN && s->kind != doc->kind))
			continue;
		bool claimed = false;
		for (size_t i = 0; i < doc->tables.len && !claimed; i++)
			claimed = doc->tables.items[i]->schema && strcmp(doc->tables.items[i]->schema, s->id) == 0;
		if (!claimed)
			doc_warn(doc, "table_not_found", bl->page, NULL,
			         "the title '%s' on page %d names a %s table, but no table of it was found: its rows are "
			         "missing from the output", bl->text, bl->page, s->id);
	}
}

static int table_last_page(const table *t)
{
	return t->parts.len ? t->parts.items[t->parts.len - 1].page : 0;
}

/* Whether t prints a 绩效 form's head (项目名称, 主管部门, 资金 …: rows of group "form"), which
 * each form prints once: a page printing one starts a form of its own. */
static bool prints_form_head(const table *t)
{
	for (size_t i = 0; i < t->rows.len; i++)
		if (t->rows.items[i].group && strcmp(t->rows.items[i].group, "form") == 0)
			return true;
	return false;
}

/* Is b (right after a) a piece of a: same schema and title, starting on the page after a's end,
 * and not a 绩效 form with a head of its own (one form per project, a page each)? */
static bool split_from(const table *a, const table *b)
{
	return a->schema && b->schema && strcmp(a->schema, b->schema) == 0 && a->title && b->title &&
	       strcmp(a->title, b->title) == 0 && table_first_page(b) == table_last_page(a) + 1 &&
	       !prints_form_head(b);
}

void map_report_doubts(document *doc, const schema_set *set)
{
	report_missing_tables(doc);
	report_lost_titles(doc, set);
	for (size_t i = 0; i + 1 < doc->tables.len; i++) {
		const table *a = doc->tables.items[i], *b = doc->tables.items[i + 1];
		if (split_from(a, b))
			doc_warn(doc, "table_split", table_first_page(b), b,
			         "table %s ('%s', page %d) seems to continue table %s but was not joined to it: "
			         "identities needing rows of both may fail", b->id, b->title, table_first_page(b), a->id);
	}
	for (size_t i = 0; i < doc->tables.len; i++) {
		const table *t = doc->tables.items[i];
		int page = table_first_page(t);
		size_t amounts = count_amounts(t);
		if (!t->schema) {
			if ((amounts >= 2 && has_han(t)) || (t->title && names_table(doc->arena, t->title)))
				doc_warn(doc, "table_unclaimed", page, t,
				         "table %s ('%s', %zu rows) printing %zu amounts is claimed by no schema", t->id,
				         t->title ? t->title : "untitled", t->rows.len, amounts);
			continue;
		}
		if (!t->title || !*t->title)
			doc_warn(doc, "title_missing", page, t, "table %s has no title; claimed as %s from its header and rows (%s)",
			         t->id, t->schema, t->evidence ? t->evidence : "");
		else if (t->evidence)
			doc_warn(doc, "schema_guessed", page, t, "table %s ('%s') claimed as %s on other evidence than its title: %s",
			         t->id, t->title, t->schema, t->evidence);
		if (!amounts) {
			const char *note = t->empty_note;
			if (note)
				doc_warn(doc, "table_empty", page, t, "table %s (%s) prints no amounts; its note: '%s'", t->id,
				         t->schema, note);
			else
				doc_warn(doc, "table_empty", page, t, "table %s (%s) prints no amounts and no note saying why",
				         t->id, t->schema);
		}
		if (money_amounts(t) && (!t->unit || !*t->unit))
			doc_warn(doc, "unit_missing", page, t, "table %s: no unit printed or found for its amounts",
			         t->id);
		report_columns(doc, t, page);
		report_labels(doc, t, page);
		report_checks(doc, t, page, t->checks.items, t->checks.len);
	}
	report_checks(doc, NULL, 0, doc->document_checks.items, doc->document_checks.len);
}
