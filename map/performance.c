/*
 * performance: 绩效 forms, the tables of schemas with layout="form"
 * (项目支出绩效目标表, 部门整体绩效目标表, 绩效自评表 …).
 *
 * Such a table is a form, not a list: a block of labelled fields (项目名称 |
 * 城市体检; 年初预算数 over 1755.88) and a block of indicator rows under a
 * header row (一级指标 二级指标 三级指标 指标值 …), often a form per project
 * one after the other.  Every cell is compared by its field key (its
 * segment key without bracketed parts, circled numbers, formulas after '='
 * and a trailing colon: 年初部门预算安排金额（含历年结转结余）① and 支出实现率
 * (%)⑤=④/③ become 年初部门预算安排金额 and 支出实现率) with the schema's
 * header patterns, the same way.
 *
 *   1. evidence   an indicator header row is a row whose own cells name at
 *                 least two schema columns, one of them a text indicator
 *                 column (part="indicator": levels, name, target; 分值 and
 *                 得分 head a budget block too), or a project and its
 *                 goal (a list of projects); the score is 40 + 3 × the
 *                 columns the best such row names (at most 10) + 30 × the
 *                 share of the schema's columns named anywhere in the
 *                 table, or without such a row, for a titled table, 30 ×
 *                 that share (the first SCORE_ROWS rows are weighed)
 *   2. walk       rows top to bottom.  A header row, with the rows under it
 *                 that print only header words, starts an indicator block:
 *                 each of its columns takes the schema key its header names
 *                 (an indicator column first), or its header text when none
 *                 does.  Below it each row is an indicator row: a value per
 *                 column from the cell covering it (merged 一级指标 cells
 *                 carry down; so do levels printed once over blank cells
 *                 in a grid without spans), a cell that is the header
 *                 itself read blank.
 *                 A row naming a form field ends the block.  A row
 *                 printing no indicator column (a project in a list, its
 *                 合计) is a form; a cell holding a project's indicators
 *                 ("1、1-产出指标；11-数量指标；名称；年度指标值:≥20场。2、…")
 *                 gives one indicator row per numbered item.  A row
 *                 printing only text outside the key columns (a goal's
 *                 wrapped lines) continues the row before.
 *                 Outside the blocks, each cell naming a form field takes
 *                 its value from the next cell to its right, else from the
 *                 first cell under it (an amount for an amount field); a
 *                 total row (总分) under the indicator columns gives
 *                 total_weight and total_score from the weight and score
 *                 columns instead.
 *   3. forms      a field already read, printed again after indicator rows
 *                 (the next 项目名称), starts a new form.  Each form is one
 *                 row with group "form" (label: its project, else its unit
 *                 or department) followed by its indicator rows with group
 *                 "indicator" (label: the 一级/二级/三级 path, else the
 *                 indicator's or the project's name), which carry the
 *                 form's project, unit and department.
 *   4. columns    every schema key used, then every unkeyed header, in the
 *                 order first met; keys no row prints are dropped.
 *   5. unit       without a unit line, the unit a label above the indicator
 *                 rows prints (项目资金（万元）).
 *
 * Checks (from map/check.c), per form (in a list, per project), only where
 * the total (or, for weights, one indicator's weight) is printed:
 *   score_sum   total = the `parts` columns summed over the form's rows
 *               (the budget block's score and every indicator's score)
 *   weight_sum  the same with the weights; the total is 100 when not printed
 */
#include <stdio.h>
#include <string.h>

#include "core/sbuf.h"
#include "map/internal.h"
#include "normalize/number.h"
#include "normalize/text.h"
#include "normalize/unit.h"

#define MAX_LABEL 24   /* characters: a longer cell is a value, never a label */
#define BELOW_ROWS 4   /* rows looked down for a field's value */
#define SCORE_ROWS 400 /* rows weighed for the evidence (headers and forms are near the top) */

/* ---- keys ------------------------------------------------------------- */

/*
 * The field key of a cell or header pattern: segment key; a formula after '='
 * dropped, bracketed parts removed, then trailing digits (circled numbers
 * after NFKC) and a trailing colon.  "" for text that cannot be a label (too
 * long, or a colon inside).
 */
static char *field_key(arena *a, const char *text)
{
	char *s = map_segment_key(a, text ? text : "");
	char *eq = strchr(s, '=');
	if (eq)
		*eq = '\0';
	sbuf b = SBUF_INIT;
	int depth = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		else if (!depth)
			sbuf_addch(&b, *p);
	}
	while (b.len && ((b.buf[b.len - 1] >= '0' && b.buf[b.len - 1] <= '9') || b.buf[b.len - 1] == ':'))
		b.buf[--b.len] = '\0';
	char *out = arena_strdup(a, b.buf);
	sbuf_release(&b);
	if (strchr(out, ':') || norm_char_count(out) > MAX_LABEL)
		return "";
	return out;
}

typedef struct form_keys {
	const schema *s;
	VEC(char *) *headers; /* per schema column: field keys of its headers */
} form_keys;

static void keys_init(form_keys *k, const schema *s, arena *a)
{
	k->s = s;
	k->headers = arena_calloc(a, s->columns.len ? s->columns.len : 1, sizeof(*k->headers));
	for (size_t i = 0; i < s->columns.len; i++)
		for (size_t h = 0; h < s->columns.items[i].headers.len; h++)
			*VEC_PUSH(a, &k->headers[i]) = field_key(a, s->columns.items[i].headers.items[h]);
}

/*
 * The schema column whose header names this field key, -1 when none.  A
 * column of the preferred part wins over one of any part, which wins over
 * one of the other part (分值 is the budget block's score_weight in the
 * form and an indicator's weight in the indicator header).
 */
static int column_named(const form_keys *k, const char *key, enum column_part prefer)
{
	if (!*key)
		return -1;
	int best = -1, best_rank = 0;
	for (size_t i = 0; i < k->s->columns.len; i++) {
		enum column_part part = k->s->columns.items[i].part;
		int rank = part == prefer ? 3 : part == PART_ANY ? 2 : 1;
		for (size_t h = 0; h < k->headers[i].len; h++)
			if (strcmp(k->headers[i].items[h], key) == 0 && rank > best_rank) {
				best = (int)i;
				best_rank = rank;
			}
	}
	return best;
}

/* ---- grid ------------------------------------------------------------- */

/* The slot holding the cell that covers (r, c); *orow gets its row. */
static const cell *owner(const table *t, size_t r, size_t c, size_t *orow, size_t *ocol)
{
	for (size_t rr = r + 1; rr-- > 0;)
		for (size_t cc = c + 1; cc-- > 0;) {
			const cell *o = table_cell(t, rr, cc);
			if (o->rowspan > 0 && rr + (size_t)o->rowspan > r && cc + (size_t)o->colspan > c) {
				*orow = rr;
				*ocol = cc;
				return o;
			}
		}
	*orow = r;
	*ocol = c;
	return table_cell(t, r, c);
}

/* The text of the cell whose top-left slot is (r, c), NULL for a covered slot. */
static const char *own_text(const table *t, size_t r, size_t c)
{
	const cell *x = table_cell(t, r, c);
	return x->rowspan > 0 ? (x->text ? x->text : "") : NULL;
}

static bool blank(arena *a, const char *text)
{
	return !text || !*norm_squeeze(a, text);
}

/* ---- evidence --------------------------------------------------------- */

/* Only text with a character beyond ASCII can be a label (amounts and codes are skipped cheaply). */
static bool may_be_label(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

/*
 * The field keys of a table's first SCORE_ROWS rows (NULL for a slot
 * covered by a span or holding no label), read once and weighed against
 * every form schema: in an arena of its own, so that a table of a million
 * cells costs no memory after.
 */
struct perf_evidence {
	arena *a;
	const table *t;
	size_t rows;
	char **keys; /* rows × t->ncols */
};

perf_evidence *perf_evidence_of(const table *t)
{
	arena *a = arena_new();
	perf_evidence *ev = arena_calloc(a, 1, sizeof(*ev));
	ev->a = a;
	ev->t = t;
	ev->rows = t->nrows < SCORE_ROWS ? t->nrows : SCORE_ROWS;
	ev->keys = arena_calloc(a, ev->rows * t->ncols > 0 ? ev->rows * t->ncols : 1, sizeof(char *));
	for (size_t r = 0; r < ev->rows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			const char *text = own_text(t, r, c);
			if (may_be_label(text))
				ev->keys[r * t->ncols + c] = field_key(a, text);
		}
	return ev;
}

void perf_evidence_free(perf_evidence *ev)
{
	if (ev)
		arena_free(ev->a);
}

/* How many schema columns a row of field keys (NULL: no label) names, when it names two, an
 * indicator's level, name or target among them (or a project and its goal); 0 when it is no
 * indicator header. */
static size_t header_named(const form_keys *k, char *const *keys, size_t ncols)
{
	size_t named = 0, indicator = 0;
	bool project = false, goal = false;
	for (size_t c = 0; c < ncols; c++) {
		if (!keys[c])
			continue;
		int i = column_named(k, keys[c], PART_INDICATOR);
		if (i < 0)
			continue;
		named++;
		/* Weights and scores head a budget block too; levels, targets and names only indicators. */
		indicator += k->s->columns.items[i].part == PART_INDICATOR && k->s->columns.items[i].type == TYPE_TEXT;
		project = project || strcmp(k->s->columns.items[i].key, "project") == 0;
		goal = goal || strcmp(k->s->columns.items[i].key, "goal") == 0;
	}
	/* A list of projects with their goals (项目名称 … 绩效目标) heads rows too. */
	return named >= 2 && (indicator >= 1 || (project && goal)) ? named : 0;
}

/* header_named for row r of t. */
static size_t header_row(const form_keys *k, const table *t, size_t r, arena *a)
{
	char **keys = arena_calloc(a, t->ncols ? t->ncols : 1, sizeof(char *));
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = own_text(t, r, c);
		if (may_be_label(s))
			keys[c] = field_key(a, s);
	}
	return header_named(k, keys, t->ncols);
}

int perf_form_score(const schema *s, const perf_evidence *ev)
{
	form_keys k;
	keys_init(&k, s, ev->a);
	bool *seen = arena_calloc(ev->a, s->columns.len ? s->columns.len : 1, 1);
	size_t header = 0;
	for (size_t r = 0; r < ev->rows; r++) {
		size_t named = header_named(&k, ev->keys + r * ev->t->ncols, ev->t->ncols);
		if (named > header)
			header = named;
		for (size_t c = 0; c < ev->t->ncols; c++) {
			const char *key = ev->keys[r * ev->t->ncols + c];
			if (!key)
				continue;
			for (int p = PART_ANY; p <= PART_INDICATOR; p++) {
				int i = column_named(&k, key, (enum column_part)p);
				if (i >= 0)
					seen[i] = true;
			}
		}
	}
	size_t matched = 0;
	for (size_t i = 0; i < s->columns.len; i++)
		matched += seen[i];
	if (!matched)
		return -1;
	int share = (int)(30 * matched / s->columns.len);
	return header ? 40 + 3 * (int)(header < 10 ? header : 10) + share : share;
}

/* ---- mapping ---------------------------------------------------------- */

typedef struct outcol {
	const char *key;
	const char *header;
	int scol; /* schema column, -1 for a header no schema knows */
	int source;
	bool text;
} outcol;

typedef struct former {
	document *doc;
	table *t;
	const schema *s;
	arena *a;
	form_keys k;
	VEC(outcol) cols;
	/* rows as built: values indexed like cols, grown as columns are added */
	VEC(row) rows;
	VEC(size_t) nvals; /* per row: values allocated */
	long form;      /* index of the current form's row, -1 */
	size_t indicators; /* indicator rows since the current form began */
	bool *got;      /* per schema column: the current form has read it */
} former;

static int out_for(former *f, int scol, const char *header, size_t source)
{
	const char *key = scol >= 0 ? f->s->columns.items[scol].key : map_segment_key(f->a, header);
	for (size_t i = 0; i < f->cols.len; i++)
		if (strcmp(f->cols.items[i].key, key) == 0)
			return (int)i;
	outcol *o = VEC_PUSH(f->a, &f->cols);
	o->key = key;
	o->header = norm_text(f->a, header);
	o->scol = scol;
	o->source = (int)source;
	o->text = scol >= 0 && f->s->columns.items[scol].type == TYPE_TEXT;
	return (int)(f->cols.len - 1);
}

static value *slot(former *f, size_t r, int col)
{
	size_t *n = &f->nvals.items[r];
	row *rw = &f->rows.items[r];
	if ((size_t)col >= *n) {
		size_t want = f->cols.len > (size_t)col ? f->cols.len : (size_t)col + 1;
		value *v = arena_calloc(f->a, want + 8, sizeof(value));
		if (*n)
			memcpy(v, rw->values, *n * sizeof(value));
		rw->values = v;
		*n = want + 8;
	}
	return &rw->values[col];
}

static size_t new_row(former *f, size_t source, const char *group)
{
	row *r = VEC_PUSH(f->a, &f->rows);
	memset(r, 0, sizeof *r);
	r->source = (int)source;
	r->group = group;
	*VEC_PUSH(f->a, &f->nvals) = 0;
	return f->rows.len - 1;
}

static void start_form(former *f, size_t source)
{
	f->form = (long)new_row(f, source, "form");
	f->indicators = 0;
	memset(f->got, 0, f->s->columns.len ? f->s->columns.len : 1);
}

static void set_field(former *f, int scol, const char *label, size_t source, const char *text)
{
	if (f->got[scol])
		return;
	int col = out_for(f, scol, label, source);
	value v = norm_cell_value(f->a, text, f->cols.items[col].text);
	if (v.kind == VALUE_NULL)
		return;
	*slot(f, (size_t)f->form, col) = v;
	f->got[scol] = true;
}

/* Is this text a label of the schema (a field or a column header)? */
static bool is_label(former *f, const char *text)
{
	char *key = field_key(f->a, text);
	return column_named(&f->k, key, PART_ANY) >= 0;
}

/* The value of the field labelled by the cell at (r, c): beside it, else under it. */
static const char *field_value(former *f, size_t r, size_t c, bool amount)
{
	const table *t = f->t;
	const cell *lab = table_cell(t, r, c);
	size_t right = c + (size_t)(lab->colspan > 0 ? lab->colspan : 1);
	for (size_t cc = right; cc < t->ncols; cc++) {
		size_t orow, ocol;
		const cell *o = owner(t, r, cc, &orow, &ocol);
		if (orow == r && ocol == c)
			continue;
		const char *s = o->text;
		if (blank(f->a, s))
			continue;
		if (is_label(f, s))
			break;
		if (!amount || norm_is_figure(s))
			return s;
		break;
	}
	/* Under it, within its columns, down to the indicator header at most. */
	size_t below = r + (size_t)(lab->rowspan > 0 ? lab->rowspan : 1);
	for (size_t rr = below; rr < t->nrows && rr < below + BELOW_ROWS && !header_row(&f->k, t, rr, f->a); rr++) {
		size_t orow, ocol;
		const cell *o = owner(t, rr, c, &orow, &ocol);
		if (orow < below)
			continue;
		if (ocol < c || ocol + (size_t)o->colspan > right)
			break;
		const char *s = o->text;
		if (blank(f->a, s) || is_label(f, s))
			continue;
		if (!amount || norm_is_figure(s))
			return s;
	}
	return NULL;
}

/* The indicator block's columns: grid column → output column, -1 unmapped. */
typedef struct iblock {
	int *out;
	int weight, score; /* output columns of the weight and score, -1 */
	size_t first;      /* first body row */
	long last;         /* the block's last indicator row (in f->rows), -1 */
} iblock;

/* Rows under the header row that print only header words are header too. */
static size_t header_band(former *f, size_t r)
{
	const table *t = f->t;
	size_t end = r + 1;
	for (; end < t->nrows && end < r + 3; end++) {
		size_t named = 0, other = 0;
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = own_text(t, end, c);
			if (blank(f->a, s))
				continue;
			if (norm_is_figure(s))
				return end;
			if (column_named(&f->k, field_key(f->a, s), PART_INDICATOR) >= 0)
				named++;
			else
				other++;
		}
		if (!named || other > named)
			break;
	}
	return end;
}

static void open_block(former *f, iblock *b, size_t r)
{
	const table *t = f->t;
	size_t end = header_band(f, r);
	b->out = arena_calloc(f->a, t->ncols ? t->ncols : 1, sizeof(int));
	b->weight = b->score = -1;
	b->first = end;
	b->last = -1;
	bool *taken = arena_calloc(f->a, f->s->columns.len ? f->s->columns.len : 1, 1);
	const cell *last_held = NULL;
	for (size_t c = 0; c < t->ncols; c++) {
		b->out[c] = -1;
		/* The deepest header cell over the column names it. */
		const char *head = NULL;
		const cell *held = NULL;
		int scol = -1;
		for (size_t rr = r; rr < end; rr++) {
			size_t orow, ocol;
			const cell *o = owner(t, rr, c, &orow, &ocol);
			if (rr + 1 == end)
				held = o;
			if (blank(f->a, o->text))
				continue;
			/* A cell spanning several columns (其中：) names none of them alone. */
			int i = column_named(&f->k, field_key(f->a, o->text), PART_INDICATOR);
			if (o->colspan > 1 && rr + 1 < end)
				continue;
			head = o->text;
			scol = i;
		}
		if (!head)
			continue;
		/* One header cell over two grid columns is one column (the first value wins). */
		if (c > 0 && held && held == last_held && b->out[c - 1] >= 0) {
			b->out[c] = b->out[c - 1];
			continue;
		}
		last_held = held;
		if (scol >= 0 && taken[scol])
			scol = -1;
		if (scol >= 0)
			taken[scol] = true;
		b->out[c] = out_for(f, scol, head, c);
		const char *key = f->cols.items[b->out[c]].key;
		if (strcmp(key, "weight") == 0)
			b->weight = b->out[c];
		else if (strcmp(key, "score") == 0)
			b->score = b->out[c];
	}
}

/* A form field printed in row r, outside the current block's columns: its column, else -1. */
static int field_in_row(former *f, size_t r, size_t *at)
{
	for (size_t c = 0; c < f->t->ncols; c++) {
		const char *s = own_text(f->t, r, c);
		if (blank(f->a, s))
			continue;
		int i = column_named(&f->k, field_key(f->a, s), PART_FORM);
		if (i >= 0 && f->s->columns.items[i].part != PART_INDICATOR) {
			*at = c;
			return i;
		}
	}
	return -1;
}

static const char *path_label(former *f, size_t r, const iblock *b)
{
	static const char *const levels[] = { "level1", "level2", "level3" };
	sbuf l = SBUF_INIT;
	row *rw = &f->rows.items[r];
	for (size_t i = 0; i < 3; i++)
		for (size_t k = 0; k < f->cols.len; k++) {
			if (strcmp(f->cols.items[k].key, levels[i]) != 0 || k >= f->nvals.items[r])
				continue;
			value *v = &rw->values[k];
			if (v->kind == VALUE_TEXT) {
				if (l.len)
					sbuf_addch(&l, '/');
				sbuf_addstr(&l, v->text);
			}
		}
	(void)b;
	static const char *const names[] = { "indicator", "project", "indicators", "unit" };
	for (size_t i = 0; i < 4 && !l.len; i++)
		for (size_t k = 0; k < f->cols.len && !l.len; k++)
			if (strcmp(f->cols.items[k].key, names[i]) == 0 && k < f->nvals.items[r] &&
			    rw->values[k].kind == VALUE_TEXT)
				sbuf_addstr(&l, rw->values[k].text);
	char *out = l.len ? arena_strdup(f->a, l.buf) : NULL;
	sbuf_release(&l);
	return out;
}

static int key_column(former *f, const char *key, size_t source)
{
	for (size_t i = 0; i < f->s->columns.len; i++)
		if (strcmp(f->s->columns.items[i].key, key) == 0)
			return out_for(f, (int)i, f->s->columns.items[i].headers.items[0], source);
	return -1;
}

/* "1-产出指标" → "产出指标": a leading numbering (digits, spaces, '-') dropped. */
static const char *drop_numbering(const char *s)
{
	const char *p = s;
	while ((*p >= '0' && *p <= '9') || *p == ' ')
		p++;
	if (p > s && *p == '-')
		return p + 1;
	return s;
}

/*
 * The indicators of a project printed in one cell ("1、1-产出指标；11-数量指标；
 * 会议活动保障次数；实施周期指标值:每年≥20场；年度指标值:每年≥20场。2、…"): each
 * numbered item becomes an indicator row after the project's row (which
 * becomes its form): the first parts are the levels, "…指标值:" parts the
 * columns their label names.  A cell not in that shape is left as it is.
 */
static void split_indicators(former *f, size_t at)
{
	long k = -1;
	for (size_t i = 0; i < f->cols.len && i < f->nvals.items[at]; i++)
		if (strcmp(f->cols.items[i].key, "indicators") == 0 && f->rows.items[at].values[i].kind == VALUE_TEXT)
			k = (long)i;
	if (k < 0)
		return;
	const char *text = f->rows.items[at].values[k].text;
	if (strncmp(text, "1、", strlen("1、")) != 0 || !strstr(text, "指标值:"))
		return;
	size_t source = (size_t)f->rows.items[at].source;
	int levels[3] = { key_column(f, "level1", source), key_column(f, "level2", source),
	                  key_column(f, "level3", source) };
	f->rows.items[at].group = "form";
	const char *p = text;
	int item = 1;
	while (*p) {
		/* This item runs to the next "。N、" (N the next number) or the end. */
		char next[24];
		snprintf(next, sizeof next, "。%d、", item + 1);
		const char *end = strstr(p, next);
		const char *body = p + strlen(arena_printf(f->a, "%d、", item));
		char *one = arena_strndup(f->a, body, end ? (size_t)(end - body) : strlen(body));
		size_t n = strlen(one);
		if (n >= strlen("。") && strcmp(one + n - strlen("。"), "。") == 0)
			one[n - strlen("。")] = '\0';
		size_t r = new_row(f, source, "indicator");
		int part = 0;
		for (char *q = one; q && *q;) {
			char *semi = strchr(q, ';');
			if (semi)
				*semi = '\0';
			char *colon = strchr(q, ':');
			int col = -1;
			if (colon) {
				*colon = '\0';
				col = column_named(&f->k, field_key(f->a, q), PART_INDICATOR);
				col = col >= 0 ? out_for(f, col, q, source) : -1;
				if (col >= 0)
					*slot(f, r, col) = norm_cell_value(f->a, colon + 1, true);
				else
					*colon = ':';
			}
			if (col < 0 && part < 3 && levels[part] >= 0) {
				const char *v = drop_numbering(q);
				/* A name holding ';' runs on into the third level. */
				value *dst = slot(f, r, levels[part]);
				*dst = norm_cell_value(f->a, v, true);
				part++;
			} else if (col < 0 && part == 3 && levels[2] >= 0) {
				value *dst = slot(f, r, levels[2]);
				dst->text = arena_printf(f->a, "%s;%s", dst->text ? dst->text : "", q);
				dst->kind = VALUE_TEXT;
			}
			q = semi ? semi + 1 : NULL;
		}
		f->rows.items[r].label = (char *)path_label(f, r, NULL);
		f->indicators++;
		if (!end)
			break;
		p = end + strlen("。");
		item++;
	}
}

/*
 * A row printing text only in columns that are not the row's keys (no
 * project, level, indicator or figure: the goal's lines wrapped onto a row
 * of their own, or a page break inside a cell) continues the row before:
 * its texts are appended there.  True when row `at` was so merged (the
 * caller drops it).
 */
static bool continues_row(former *f, size_t at)
{
	if (at == 0 || f->rows.items[at - 1].group == NULL)
		return false;
	static const char *const keys[] = { "project", "level1", "level2", "level3", "indicator", "indicators", "unit" };
	row *rw = &f->rows.items[at], *prev = &f->rows.items[at - 1];
	bool text = false;
	for (size_t k = 0; k < f->cols.len && k < f->nvals.items[at]; k++) {
		const value *v = &rw->values[k];
		if (v->kind == VALUE_NULL)
			continue;
		if (v->kind != VALUE_TEXT || !f->cols.items[k].text)
			return false;
		for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
			if (strcmp(f->cols.items[k].key, keys[i]) == 0)
				return false;
		text = true;
	}
	if (!text)
		return false;
	for (size_t k = 0; k < f->cols.len && k < f->nvals.items[at]; k++) {
		const value *v = &rw->values[k];
		if (v->kind != VALUE_TEXT)
			continue;
		value *p = slot(f, at - 1, (int)k);
		prev = &f->rows.items[at - 1];
		p->text = p->kind == VALUE_TEXT ? arena_printf(f->a, "%s%s", p->text, v->text) : v->text;
		p->kind = VALUE_TEXT;
	}
	(void)prev;
	return true;
}

/*
 * A level printed once over the rows of its group, where the grid kept no
 * span (a text rendering: 产出指标 on the first row, blanks under it): a row
 * printing its own deeper level takes the blank higher ones from the
 * block's row before.
 */
static void carry_levels(former *f, const iblock *b, size_t at)
{
	if (b->last < 0)
		return;
	static const char *const levels[] = { "level1", "level2", "level3" };
	long k[3];
	for (size_t i = 0; i < 3; i++) {
		k[i] = -1;
		for (size_t c = 0; c < f->cols.len; c++)
			if (strcmp(f->cols.items[c].key, levels[i]) == 0)
				k[i] = (long)c;
	}
	for (size_t i = 0; i < 2; i++) {
		if (k[i] < 0 || slot(f, at, (int)k[i])->kind != VALUE_NULL)
			continue;
		bool deeper = false;
		for (size_t d = i + 1; d < 3; d++)
			deeper = deeper || (k[d] >= 0 && slot(f, at, (int)k[d])->kind != VALUE_NULL);
		value *above = slot(f, (size_t)b->last, (int)k[i]);
		if (deeper && above->kind == VALUE_TEXT)
			*slot(f, at, (int)k[i]) = *above;
	}
}

/* Reads row r of an indicator block; false when the row prints nothing. */
static void read_indicator(former *f, iblock *b, size_t r)
{
	const table *t = f->t;
	size_t at = new_row(f, r, "indicator");
	bool any = false;
	for (size_t c = 0; c < t->ncols; c++) {
		if (b->out[c] < 0)
			continue;
		size_t orow, ocol;
		const cell *o = owner(t, r, c, &orow, &ocol);
		if (orow < b->first || blank(f->a, o->text))
			continue;
		value *v = slot(f, at, b->out[c]);
		if (v->kind != VALUE_NULL)
			continue;
		*v = norm_cell_value(f->a, o->text, f->cols.items[b->out[c]].text);
		/* Only the row's own cells say it is a row (a merged level alone is not). */
		any = any || (v->kind != VALUE_NULL && orow == r);
	}
	if (!any) {
		f->rows.len--;
		f->nvals.len--;
		return;
	}
	if (continues_row(f, at)) {
		f->rows.len--;
		f->nvals.len--;
		return;
	}
	carry_levels(f, b, at);
	f->rows.items[at].label = (char *)path_label(f, at, b);
	f->indicators++;
	/* A row printing no indicator of its own (a project in a list, its 合计) is a form. */
	bool indicator = false;
	for (size_t k = 0; k < f->cols.len && k < f->nvals.items[at]; k++) {
		int scol = f->cols.items[k].scol;
		indicator = indicator || (scol >= 0 && f->s->columns.items[scol].part == PART_INDICATOR &&
		                          f->rows.items[at].values[k].kind != VALUE_NULL);
	}
	if (!indicator) {
		f->rows.items[at].group = "form";
	} else {
		b->last = (long)at;
		split_indicators(f, at);
	}
}

/* A total row under the indicator columns (总分 100 99.7): the form's total weight and score. */
static bool read_total(former *f, const iblock *b, size_t r)
{
	const table *t = f->t;
	bool any = false;
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = own_text(t, r, c);
		if (blank(f->a, s) || !norm_is_figure(s) || b->out[c] < 0)
			continue;
		/* Under one column only: a figure across several is the label's value. */
		size_t under = 0, span = (size_t)table_cell(t, r, c)->colspan;
		for (size_t cc = c; cc < c + span && cc < t->ncols; cc++)
			under += b->out[cc] >= 0;
		if (under != 1)
			continue;
		const char *key = NULL;
		if (b->out[c] == b->weight)
			key = "total_weight";
		else if (b->out[c] == b->score)
			key = "total_score";
		for (size_t i = 0; key && i < f->s->columns.len; i++)
			if (strcmp(f->s->columns.items[i].key, key) == 0) {
				set_field(f, (int)i, f->s->columns.items[i].headers.items[0], c, s);
				any = true;
			}
	}
	return any;
}

/* Reads the form fields of row r. */
static void read_fields(former *f, size_t r)
{
	const table *t = f->t;
	for (size_t c = 0; c < t->ncols; c++) {
		const char *s = own_text(t, r, c);
		if (blank(f->a, s))
			continue;
		int i = column_named(&f->k, field_key(f->a, s), PART_FORM);
		if (i < 0 || f->s->columns.items[i].part == PART_INDICATOR)
			continue;
		if (f->got[i] && f->indicators) {
			start_form(f, r);
		}
		bool amount = f->s->columns.items[i].type != TYPE_TEXT;
		const char *v = field_value(f, r, c, amount);
		if (v)
			set_field(f, i, s, c, v);
	}
}

static const char *first_text(former *f, size_t r, const char *const *keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < f->cols.len; k++)
			if (strcmp(f->cols.items[k].key, keys[i]) == 0 && k < f->nvals.items[r] &&
			    f->rows.items[r].values[k].kind == VALUE_TEXT)
				return f->rows.items[r].values[k].text;
	return NULL;
}

/* Labels the forms, copies their identity onto their indicator rows, drops empty forms. */
static void finish_forms(former *f)
{
	static const char *const names[] = { "project", "unit", "department" };
	size_t out = 0;
	long form = -1;
	for (size_t r = 0; r < f->rows.len; r++) {
		row *rw = &f->rows.items[r];
		bool is_form = rw->group && strcmp(rw->group, "form") == 0;
		if (is_form) {
			bool any = false;
			for (size_t k = 0; k < f->nvals.items[r] && k < f->cols.len; k++)
				any = any || rw->values[k].kind != VALUE_NULL;
			if (!any) {
				form = -1;
				continue;
			}
			const char *label = first_text(f, r, names, 3);
			rw->label = label ? (char *)label : NULL;
		} else if (form >= 0) {
			for (size_t i = 0; i < 3; i++)
				for (size_t k = 0; k < f->cols.len; k++) {
					if (strcmp(f->cols.items[k].key, names[i]) != 0)
						continue;
					value *mine = slot(f, r, (int)k);
					value *theirs = k < f->nvals.items[(size_t)form] ? &f->rows.items[form].values[k] : NULL;
					rw = &f->rows.items[r];
					if (mine->kind == VALUE_NULL && theirs && theirs->kind == VALUE_TEXT)
						*mine = *theirs;
				}
		}
		f->rows.items[out] = f->rows.items[r];
		f->nvals.items[out] = f->nvals.items[r];
		if (is_form)
			form = (long)out;
		out++;
	}
	f->rows.len = f->nvals.len = out;
}

void perf_map_form(document *doc, table *t, const schema *s)
{
	former f = { 0 };
	f.doc = doc;
	f.t = t;
	f.s = s;
	f.a = doc->arena;
	keys_init(&f.k, s, f.a);
	f.got = arena_calloc(f.a, s->columns.len ? s->columns.len : 1, 1);
	/* Schema keys first, in the schema's order of the printed ones (filled as met). */
	start_form(&f, 0);
	iblock b = { 0 };
	bool in_block = false;
	size_t body = t->nrows;
	for (size_t r = 0; r < t->nrows; r++) {
		if (header_row(&f.k, t, r, f.a)) {
			/* A header printed again on the next page continues the block. */
			open_block(&f, &b, r);
			if (body == t->nrows)
				body = b.first;
			in_block = true;
			r = b.first - 1;
			continue;
		}
		if (in_block) {
			size_t at;
			int field = field_in_row(&f, r, &at);
			if (field < 0) {
				read_indicator(&f, &b, r);
				continue;
			}
			if (read_total(&f, &b, r))
				continue;
			in_block = false;
		}
		read_fields(&f, r);
	}
	finish_forms(&f);
	if (body < t->nrows)
		t->header_rows = body;
	/* No unit line: the unit a form's label prints (项目资金（万元）). */
	for (size_t r = 0; r < body && !t->unit; r++)
		for (size_t c = 0; c < t->ncols && !t->unit; c++) {
			const char *text = own_text(t, r, c);
			if (text && norm_char_count(text) <= MAX_LABEL)
				t->unit = (char *)norm_unit(text);
		}
	/* Output: columns some row prints, in the order met. */
	int *remap = arena_calloc(f.a, f.cols.len ? f.cols.len : 1, sizeof(int));
	t->columns.len = 0;
	for (size_t k = 0; k < f.cols.len; k++) {
		remap[k] = -1;
		size_t numbers = 0, texts = 0;
		for (size_t r = 0; r < f.rows.len; r++) {
			if (k >= f.nvals.items[r])
				continue;
			numbers += f.rows.items[r].values[k].kind == VALUE_NUMBER;
			texts += f.rows.items[r].values[k].kind == VALUE_TEXT;
		}
		if (!numbers && !texts)
			continue;
		const outcol *o = &f.cols.items[k];
		column *col = VEC_PUSH(f.a, &t->columns);
		col->key = (char *)o->key;
		col->header = (char *)o->header;
		col->source = o->source;
		col->canonical = o->scol >= 0;
		col->text = o->scol >= 0 ? o->text : texts > numbers;
		col->measure = o->scol >= 0 && f.s->columns.items[o->scol].type == TYPE_NUMBER;
		remap[k] = (int)(t->columns.len - 1);
	}
	t->rows.len = 0;
	for (size_t r = 0; r < f.rows.len; r++) {
		row *src = &f.rows.items[r];
		row *dst = VEC_PUSH(f.a, &t->rows);
		*dst = *src;
		dst->values = arena_calloc(f.a, t->columns.len ? t->columns.len : 1, sizeof(value));
		for (size_t k = 0; k < f.cols.len && k < f.nvals.items[r]; k++)
			if (remap[k] >= 0)
				dst->values[remap[k]] = src->values[k];
	}
}

/* ---- checks ----------------------------------------------------------- */

static long column_index(const table *t, const char *key)
{
	for (size_t k = 0; key && k < t->columns.len; k++)
		if (strcmp(t->columns.items[k].key, key) == 0)
			return (long)k;
	return -1;
}

/* Rows a and b name the same project (or neither names one). */
static bool same_project(const table *t, long project, size_t a, size_t b)
{
	if (project < 0)
		return true;
	const value *x = &t->rows.items[a].values[project], *y = &t->rows.items[b].values[project];
	if (x->kind != VALUE_TEXT || y->kind != VALUE_TEXT)
		return x->kind == y->kind;
	return strcmp(x->text, y->text) == 0;
}

void perf_check(document *doc, table *t, const schema_check *ck)
{
	bool weights = strcmp(ck->rule, "weight_sum") == 0;
	long total = column_index(t, ck->total), project = column_index(t, "project");
	for (size_t r = 0; r < t->rows.len;) {
		/* One form: its row (when it has one) and the indicator rows up to the next
		 * form, or in a list of projects up to the next project. */
		size_t end = r + 1;
		while (end < t->rows.len && !(t->rows.items[end].group && strcmp(t->rows.items[end].group, "form") == 0) &&
		       same_project(t, project, r, end))
			end++;
		const row *form = t->rows.items[r].group && strcmp(t->rows.items[r].group, "form") == 0
		                          ? &t->rows.items[r]
		                          : NULL;
		decimal expected = decimal_from_int(0), found = decimal_from_int(100);
		bool printed = weights;
		if (form && total >= 0 && form->values[total].kind == VALUE_NUMBER) {
			found = form->values[total].number;
			printed = true;
		}
		size_t addends = 0, indicator_parts = 0;
		for (size_t i = r; i < end; i++) {
			const row *rw = &t->rows.items[i];
			for (size_t p = 0; p < ck->parts.len; p++) {
				long k = column_index(t, ck->parts.items[p]);
				if (k < 0 || rw->values[k].kind != VALUE_NUMBER)
					continue;
				expected = decimal_add(expected, rw->values[k].number);
				addends++;
				indicator_parts += rw != form;
			}
		}
		const char *name = form && form->label ? form->label : NULL;
		if (!name && project >= 0 && t->rows.items[r].values[project].kind == VALUE_TEXT)
			name = t->rows.items[r].values[project].text;
		if (printed && indicator_parts >= 1)
			map_push_check(doc, t, ck->rule, name, ck->total, expected, found, addends);
		r = end;
	}
}
