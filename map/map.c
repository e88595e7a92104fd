/*
 * map: recognition, column mapping and row keying.  See map.h.
 *
 *   1. keys      every grid column's header path becomes a path key
 *                (map/keys.c); the title becomes a title key.  A path no
 *                schema and no role word knows has its last levels joined
 *                back into one while that makes it known (a header word
 *                wrapped in its cell read as levels: 经营/收入).  In an
 *                unruled table a headed column with nothing under it gives
 *                its header to the unheaded column of figures beside it (a
 *                header set off the figures it names); a 合计 read under a
 *                group that also has a 小计 (or over the group's columns)
 *                is the table's 合计.
 *   2. score     each schema, the title one piece of evidence among others:
 *                title (exact 100, same core words 80 — 基本支出预算情况表
 *                and 部门预算基本支出预算表 —, same but for a trailing 支出
 *                75, suffix 50 + length, inside 30 + length, core suffix
 *                40 + length) + header (20 × share
 *                of the schema's columns some grid column matches, + 30 ×
 *                share of the table's value columns the schema knows) +
 *                body (rows coded or named in the schema's classification,
 *                2xx function or 3xx/5xx economic, +20, in the other −40
 *                (of the rows printing a figure: a name's wrapped lines are
 *                no rows); a schema keyed by names (三公, 项目支出) −40 for
 *                such rows, in recognise_by_header;
 *                收入 beside 支出 +20 for two-sided schemas, −30 for others,
 *                but for header columns a schema of one list keys by a
 *                header holding the side's word (本年收入 | 本年支出/小计
 *                of a 政府性基金 final table); a row label, or the name
 *                after the code in a "229 其他支出" cell, holding one of the
 *                schema's <evidence> words +10)
 *                − 40 when the document's kind differs − 15 when the title
 *                does not carry and another table of the entity (an
 *                earlier one, or any titled one; a table printing no
 *                entity is of the one its document's tables print) has
 *                the schema.  When no schema's title carries (50), the
 *                document's claimed tables weigh too: + 30 for each
 *                document check the table's 合计 satisfies as the schema's
 *                (an expenditure table's = the summary's 本年支出合计), − 30
 *                for each it fails with its figure printed nowhere in the
 *                other table's column, no gain when another schema whose
 *                columns it prints as much fits as well or the schema is
 *                claimed elsewhere; + 10 when the schema's place in the
 *                schema files' order (the order disclosures print their
 *                tables in) fits the table's among the claimed ones, 2
 *                less for each unclaimed schema it skips.  A title ending with a longer schema title
 *                (…财政拨款收入支出决算总表) does not count as ending with
 *                the shorter one inside it (收入支出决算总表).  A 绩效 form is scored on the evidence
 *                map/performance.c weighs instead of header and body, and
 *                its kind may differ.  No column matched → out, unless the schema's own
 *                title (same, same core, or a suffix of six characters or
 *                more) heads a table with a value header (a bare 金额).  The best score wins when it reaches 50 and no other
 *                schema id ties it; the same words in a table of contents
 *                match no header and stay out.  A claim its title did not
 *                carry keeps its evidence for the warning (map/doubts.c).
 *                A table printed with no title is mapped after the titled
 *                ones, so that their claims weigh on it; when no score
 *                wins, its header may name a schema of the document's kind
 *                that no other table claimed, the body deciding between
 *                such schemas (recognise_by_header).
 *   3. columns   a grid column takes the schema key whose header pattern
 *                matches the most trailing levels of its path (so
 *                本年支出/小计 and 合计 can both be `total`; a pattern's
 *                levels run together in one level match too: 本年支出小计);
 *                a column no
 *                schema knows keeps its header path as key; a path no
 *                pattern matches is tried with its last two levels joined
 *                (a header cell wrapped into two levels: 对附属单位补/助支出).
 *                Two grid columns on one key: the deeper match keeps it, the
 *                other takes the next key its path matches (the grand 合计 of
 *                三公 + 会议费 + 培训费 is grand_total); two under one header
 *                cell that never both print in a row share it.  Code columns
 *                (类/款/项, …编码, …代码, or digits only) and label columns
 *                (…名称, 项目, 科目) become row keys instead; one such
 *                header over several columns gives each the role its
 *                body shows (codes, words or figures), and a label header
 *                over codes only is a code column.  A 序号 column
 *                (rows counted 1, 2, 3) is neither: it is left out; a 序号
 *                header over codes beside a counting column is a code
 *                column (the header read one column off), and a count read
 *                into the code cells before the codes ("2 301 01") is split
 *                off them.
 *   4. rows      by layout:
 *                list       one row per body row; 类/款/项 parts joined,
 *                           carrying the last 类 and 款 down to rows that
 *                           print only 款 or 项; level and parent from the
 *                           code length (3/5/7 digits); code columns
 *                           after a label column are a second
 *                           classification (政府经济分类 501 01 beside
 *                           部门经济分类 301 01): "code name" as text in
 *                           the column its name's header keys, not part
 *                           of the row's code; a row with nothing
 *                           but a label and no ordinal continues the
 *                           label of the row before (a wrapped cell;
 *                           not in a ruled table); in a code-keyed table
 *                           with no code column, a label printed as "code
 *                           name" (digits, a space as read, words) gives
 *                           the row its code;
 *                           with <fold> (三公 决算) the leading header level
 *                           (预算数/决算数) becomes the row label instead
 *                two-sided  columns split at the 收入/支出 (本年收入/本年支出)
 *                           header, at whatever level it stands (under a
 *                           group title 决算数 over both); each side read on its own into `side`
 *                           rows; a second list beside a side's first (支出用途
 *                           beside 功能分类) gives value columns the schema
 *                           may key (use_item, use_amount)
 *                Grid columns sharing one key fill it in the row with the
 *                amount over text over a blank; two different amounts keep
 *                the first and warn value_dropped.
 *                blocks     a new block at every code column; rows of all
 *                           blocks in one list with the block's `group`
 *                           (its header's, unless its codes all say another:
 *                           <group codes>, warning group_by_codes),
 *                           the group's 合计 rows last; a block's one
 *                           amount column whose header no pattern names
 *                           takes the other blocks' key (column_by_block)
 *                           (a 合计 label
 *                           centred into the block's amount column still
 *                           labels its row, and one cut at a column border,
 *                           人员经费 | 合计, is one label)
 *   5. checks    the schema's identities (map/check.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sbuf.h"
#include "map/internal.h"
#include "map/map.h"
#include "normalize/number.h"
#include "normalize/text.h"

/* ROLE_NUMBERING: a 序号 column, the rows counted 1, 2, 3: neither key nor value. */
enum role { ROLE_VALUE, ROLE_CODE, ROLE_LABEL, ROLE_NUMBERING };

typedef struct colinfo {
	char *path;   /* path key */
	char *top;    /* its first level */
	enum role role;
	const char *side;
	const char *group;
	int fold;     /* index of the matching <fold>, -1 */
	int scol;     /* schema column, -1 */
	int depth;    /* levels the schema pattern matched */
	int out;      /* index in t->columns, -1 */
} colinfo;

typedef struct mapper {
	document *doc;
	table *t;
	const schema *s;
	arena *a;
	colinfo *cols;
	size_t body; /* first body row */
	char **paths; /* raw header path per grid column (the grid's, or re-read) */
	VEC(char *) raw_labels; /* parallel to t->rows: label as printed */
	/* Read once per table, so that no pass costs more than the grid: */
	char **sq;              /* per slot: its cell's text squeezed, NULL until asked */
	signed char *numbering; /* per row: 1 a numbering row, 0 not, -1 not asked */
	const cell **owner;     /* per slot: the merged cell covering it (the slot's own when none) */
	bool numbered;          /* the first column is headed 序号: its 1, 2, 3 are no amounts (find_body) */
	bool counted;           /* the first column counts the rows under another header (warned once) */
} mapper;

/* ---- small helpers ---------------------------------------------------- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!is_digit(*s))
			return false;
	return true;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Does pattern match the trailing levels of path as they stand? */
static bool path_tail(const char *path, size_t n, const char *pattern, size_t m)
{
	return m && m <= n && memcmp(path + n - m, pattern, m) == 0 && (m == n || path[n - m - 1] == '/');
}

/*
 * Does pattern match the trailing levels of path?  Returns levels matched.  A
 * pattern of several levels also matches them read as one level, the header
 * cells run together (本年支出小计 for 本年支出/小计), and counts as many.
 */
static int path_match(const char *path, const char *pattern)
{
	size_t n = strlen(path), m = strlen(pattern);
	int levels = 1;
	for (const char *p = pattern; *p; p++)
		levels += *p == '/';
	if (path_tail(path, n, pattern, m))
		return levels;
	if (levels == 1 || m >= 128)
		return 0;
	char joined[128];
	size_t k = 0;
	for (const char *p = pattern; *p; p++)
		if (*p != '/')
			joined[k++] = *p;
	return path_tail(path, n, joined, k) ? levels : 0;
}

static const char *first_level(arena *a, const char *path)
{
	const char *slash = strchr(path, '/');
	return slash ? arena_strndup(a, path, (size_t)(slash - path)) : path;
}

static const char *last_level(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/*
 * The path with the level a <fold> names taken out (预算数 and 决算数 may be
 * printed as the first header level or as the last); *fold gets the fold's
 * index, -1 when no level names one.
 */
static const char *unfold_path(arena *a, const schema *s, const char *path, int *fold)
{
	*fold = -1;
	if (!s || !s->folds.len)
		return path;
	const char *p = path;
	while (true) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		for (size_t f = 0; f < s->folds.len; f++) {
			const char *h = s->folds.items[f].header;
			if (strlen(h) != len || strncmp(p, h, len) != 0)
				continue;
			*fold = (int)f;
			size_t head = (size_t)(p - path);
			if (slash)
				return arena_printf(a, "%.*s%s", (int)head, path, slash + 1);
			return head ? arena_strndup(a, path, head - 1) : "";
		}
		if (!slash)
			return path;
		p = slash + 1;
	}
}

static const char *cell_text(const table *t, size_t r, size_t c)
{
	const char *s = table_cell(t, r, c)->text;
	return s ? s : "";
}

static char *squeeze(arena *a, const char *s)
{
	return norm_squeeze(a, s);
}

/* Slot (r, c)'s text squeezed, read once per table. */
static const char *cell_sq(const mapper *m, size_t r, size_t c)
{
	char **slot = &m->sq[r * m->t->ncols + c];
	if (!*slot)
		*slot = squeeze(m->a, cell_text(m->t, r, c));
	return *slot;
}

/*
 * The merged cell covering each slot, in one pass over the grid.  A cell marks
 * the slots of its span line by line and stops a line at the first slot that
 * has its own text or another owner (and its span at such a line's first
 * slot), so every step marks a new slot or ends a line: the pass costs the
 * grid's size however the spans lie, and a slot with text owns itself.
 */
static void find_owners(mapper *m)
{
	const table *t = m->t;
	size_t n = t->nrows * t->ncols;
	m->owner = arena_calloc(m->a, n ? n : 1, sizeof *m->owner);
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			const cell *o = table_cell(t, r, c);
			if (!o->text)
				continue;
			m->owner[r * t->ncols + c] = o;
			size_t rs = o->rowspan > 0 ? (size_t)o->rowspan : 1, cs = o->colspan > 0 ? (size_t)o->colspan : 1;
			if (rs > t->nrows - r)
				rs = t->nrows - r;
			if (cs > t->ncols - c)
				cs = t->ncols - c;
			for (size_t rr = r; rr < r + rs; rr++) {
				size_t cc = rr == r ? c + 1 : c;
				for (; cc < c + cs; cc++) {
					const cell **slot = &m->owner[rr * t->ncols + cc];
					if (*slot || table_cell(t, rr, cc)->text)
						break;
					*slot = o;
				}
				if (rr > r && cc == c)
					break;
			}
		}
	for (size_t i = 0; i < n; i++)
		if (!m->owner[i])
			m->owner[i] = &t->cells[i];
}

/* The text of the merged cell covering (r, c), or "". */
static const char *owner_text(const mapper *m, size_t r, size_t c)
{
	const char *s = m->owner[r * m->t->ncols + c]->text;
	return s ? s : "";
}

static bool is_total_label(const char *label)
{
	return label && (strstr(label, "合计") || strstr(label, "总计"));
}

static bool numbering_row(const mapper *m, size_t r);

/* A carry-over line (上年结转资金, 年末结转和结余): a row of its own, never a wrapped tail. */
static bool is_carry_label(const char *label)
{
	return strstr(label, "结转") || strstr(label, "结余");
}

/* ---- recognition ------------------------------------------------------ */

/* The schema column whose header pattern matches most of path (skipping column except). */
static int match_column_except(const schema *s, const char *path, const char *side, int *depth,
                               int except)
{
	int best = -1, best_depth = 0;
	size_t best_len = 0;
	for (size_t i = 0; i < s->columns.len; i++) {
		const schema_column *sc = &s->columns.items[i];
		if ((int)i == except || (side && sc->side && strcmp(side, sc->side) != 0))
			continue;
		for (size_t h = 0; h < sc->headers.len; h++) {
			int d = path_match(path, sc->headers.items[h]);
			size_t len = strlen(sc->headers.items[h]);
			if (d > best_depth || (d && d == best_depth && len > best_len)) {
				best = (int)i;
				best_depth = d;
				best_len = len;
			}
		}
	}
	*depth = best_depth;
	return best;
}

static int match_column(const schema *s, const char *path, const char *side, int *depth)
{
	return match_column_except(s, path, side, depth, -1);
}

/* Two cores of four characters or more the same once a trailing 支出 is
 * dropped (财政拨款“三公”经费预算表 and 财政拨款“三公”经费支出表). */
static bool same_but_expenditure(const char *a, const char *b)
{
	static const char word[] = "支出";
	size_t na = strlen(a), nb = strlen(b), w = strlen(word);
	if (na >= w && strcmp(a + na - w, word) == 0)
		na -= w;
	if (nb >= w && strcmp(b + nb - w, word) == 0)
		nb -= w;
	return na == nb && na >= 12 && strncmp(a, b, na) == 0;
}

/*
 * Title evidence: the key equal to a schema title 100, ending with one 50 +
 * its length, holding one 30 + its length; the title's core (the words
 * that name the table, map_title_core) equal to a title's core 80, equal
 * but for a trailing 支出 75, ending with a core of four characters or
 * more 40 + its length.  A title ending with a longer schema title, of
 * which a shorter one is the end (…财政拨款收入支出决算总表 ends with
 * 收入支出决算总表 too), ends with the longer one only: longest_end is its
 * length in bytes.
 */
static int title_score(const schema *s, const char *key, const char *core, size_t longest_end)
{
	int best = 0;
	if (!key || !*key)
		return 0;
	size_t core_len = strlen(core);
	for (size_t i = 0; i < s->titles.len; i++) {
		const char *title = s->titles.items[i], *tcore = s->cores.items[i];
		int len = (int)norm_char_count(title), score = 0;
		if (len > 40)
			len = 40;
		int clen = (int)norm_char_count(tcore);
		if (strcmp(key, title) == 0)
			score = 100;
		else if (*tcore && strcmp(core, tcore) == 0)
			score = 80;
		else if (same_but_expenditure(core, tcore))
			score = 75;
		else if (ends_with(key, title) && strlen(title) >= longest_end)
			score = 50 + len;
		else if (strstr(key, title))
			score = 30 + len;
		else if (clen >= 4 && core_len > strlen(tcore) && ends_with(core, tcore))
			score = 40 + (clen > 40 ? 40 : clen);
		if (score > best)
			best = score;
	}
	return best;
}

/* The longest schema title (in bytes) the key ends with, the key aside (for title_score). */
static size_t longest_title_end(const schema_set *set, const char *key)
{
	size_t longest_end = 0;
	for (size_t i = 0; i < set->schemas.len; i++)
		for (size_t k = 0; k < set->schemas.items[i].titles.len; k++) {
			const char *title = set->schemas.items[i].titles.items[k];
			if (strcmp(key, title) != 0 && ends_with(key, title) && strlen(title) > longest_end)
				longest_end = strlen(title);
		}
	return longest_end;
}

const schema *map_title_schema(const schema_set *set, const char *title, arena *a)
{
	char *key = map_title_key(a, title ? title : "");
	if (!set || !*key)
		return NULL;
	char *core = map_title_core(a, key);
	size_t longest_end = longest_title_end(set, key);
	const schema *best = NULL;
	int best_score = 0;
	bool tie = false;
	for (size_t i = 0; i < set->schemas.len; i++) {
		const schema *s = &set->schemas.items[i];
		int ts = title_score(s, key, core, longest_end);
		if (ts > best_score) {
			best = s;
			best_score = ts;
			tie = false;
		} else if (ts == best_score && best && strcmp(best->id, s->id) != 0) {
			tie = true;
		}
	}
	return best && best_score >= 50 && !tie ? best : NULL;
}

/* A header naming a row key (code or label column), a numbering or nothing. */
static bool code_header(const char *path);
static bool label_header(const char *path);
static bool body_blank(const mapper *m, size_t c);
static const char *side_of(const char *top);
static const char *path_side(arena *a, const char *path);

static bool value_path(const char *path)
{
	const char *last = last_level(path);
	return *path && !code_header(path) && !label_header(path) && strcmp(last, "行次") != 0 &&
	       strcmp(last, "序号") != 0;
}

/*
 * Header evidence: 20 × the share of the schema's columns some grid column
 * matches, + 30 × the share of the table's value columns the schema knows;
 * -1 when no column matches at all.
 */
static int header_score(const schema *s, const colinfo *cols, size_t ncols, arena *a)
{
	if (!s->columns.len)
		return 0;
	size_t matched = 0, values = 0, known = 0;
	const char **paths = arena_calloc(a, ncols ? ncols : 1, sizeof(char *));
	for (size_t c = 0; c < ncols; c++) {
		int fold;
		paths[c] = unfold_path(a, s, cols[c].path, &fold);
	}
	for (size_t i = 0; i < s->columns.len; i++) {
		const schema_column *sc = &s->columns.items[i];
		bool hit = false;
		for (size_t c = 0; c < ncols && !hit; c++)
			for (size_t h = 0; h < sc->headers.len && !hit; h++)
				hit = path_match(paths[c], sc->headers.items[h]) > 0;
		matched += hit;
	}
	if (!matched)
		return -1;
	for (size_t c = 0; c < ncols; c++) {
		if (!value_path(cols[c].path))
			continue;
		values++;
		int depth;
		known += match_column(s, paths[c], NULL, &depth) >= 0;
	}
	return (int)(20 * matched / s->columns.len) + (values ? (int)(30 * known / values) : 0);
}

/* What a table's body says about it, read once before the schemas are scored. */
typedef struct evidence {
	size_t rows;               /* body rows printing anything */
	size_t figured;            /* … ending with an amount (not a label's wrapped end) */
	size_t function, economic; /* body rows coded or named in either classification */
	bool totals;               /* a 合计/总计 row */
	bool two_sided;            /* 收入 and 支出 side by side, in the header or the rows */
	bool sided_rows;           /* … in the rows (two rows each naming both) */
	char **labels;             /* label keys of the body's text cells (a name printed after its code too) */
	size_t nlabels;
	const colinfo *cols;       /* the table's columns, for the sides their headers name */
	size_t ncols;
	arena *a;
} evidence;

static int side_level(arena *a, const char *path);

static void read_evidence(const table *t, const colinfo *cols, size_t body, arena *a, evidence *ev)
{
	memset(ev, 0, sizeof *ev);
	bool income = false, expenditure = false;
	for (size_t c = 0; c < t->ncols; c++) {
		const char *side = path_side(a, cols[c].path);
		income = income || (side && strcmp(side, "income") == 0);
		expenditure = expenditure || (side && strcmp(side, "expenditure") == 0);
	}
	size_t both = 0;
	ev->labels = arena_calloc(a, (t->nrows - (body < t->nrows ? body : t->nrows)) * t->ncols + 1, sizeof(char *));
	for (size_t r = body; r < t->nrows; r++) {
		enum norm_class k = NORM_CLASS_NONE;
		bool in = false, out = false;
		for (size_t c = 0; c < t->ncols; c++) {
			char *s = squeeze(a, cell_text(t, r, c));
			if (!*s)
				continue;
			if (is_total_label(s))
				ev->totals = true;
			const char *name = NULL;
			if (!is_digit(*s))
				ev->labels[ev->nlabels++] = map_label_key(a, s, NULL, NULL);
			else if (norm_split_code(a, cell_text(t, r, c), &name))
				ev->labels[ev->nlabels++] = map_label_key(a, name, NULL, NULL);
			in = in || (strstr(s, "收入") && !strstr(s, "支出"));
			out = out || (strstr(s, "支出") && !strstr(s, "收入"));
			if (k != NORM_CLASS_NONE || c > 3)
				continue;
			size_t i = 0;
			while (is_digit(s[i]))
				i++;
			if (i >= 3)
				k = norm_class_of_code(arena_strndup(a, s, i));
			else if (!i)
				k = norm_class_of_label(a, s);
		}
		bool printed = false;
		for (size_t c = 0; c < t->ncols && !printed; c++)
			printed = *cell_text(t, r, c) != '\0';
		ev->rows += printed;
		for (size_t c = t->ncols; c-- > 0;) {
			const char *s = cell_text(t, r, c);
			if (!*s)
				continue;
			decimal d;
			ev->figured += norm_amount(s, &d) == AMOUNT_NUMBER;
			break;
		}
		ev->function += k == NORM_CLASS_FUNCTION;
		ev->economic += k == NORM_CLASS_ECONOMIC;
		both += in && out;
	}
	ev->sided_rows = both >= 2;
	ev->two_sided = (income && expenditure) || ev->sided_rows;
	ev->cols = cols;
	ev->ncols = t->ncols;
	ev->a = a;
}

/*
 * 收入 beside 支出 for schema s: in the rows, or in header columns naming
 * either side, leaving out, for a schema of one list, the columns it keys by
 * a header holding the side's word (本年收入 | 本年支出/小计 of a 政府性基金
 * table: its own columns, no two sides).
 */
static bool sided_for(const schema *s, const evidence *ev)
{
	if (ev->sided_rows || (ev->two_sided && s->layout == LAYOUT_TWO_SIDED))
		return ev->two_sided;
	bool income = false, expenditure = false;
	for (size_t c = 0; c < ev->ncols; c++) {
		const char *path = ev->cols[c].path;
		int level = side_level(ev->a, path), depth, fold;
		if (level < 0)
			continue;
		int levels = 1;
		for (const char *p = path; *p; p++)
			levels += *p == '/';
		if (match_column(s, unfold_path(ev->a, s, path, &fold), NULL, &depth) >= 0 && levels - depth <= level)
			continue;
		const char *side = path_side(ev->a, path);
		income = income || strcmp(side, "income") == 0;
		expenditure = expenditure || strcmp(side, "expenditure") == 0;
	}
	return income && expenditure;
}

/* A body cell whose label key holds one of the schema's <evidence> words. */
static bool evidence_rows(const schema *s, const evidence *ev)
{
	for (size_t e = 0; e < s->evidence.len; e++)
		for (size_t i = 0; i < ev->nlabels; i++)
			if (strstr(ev->labels[i], s->evidence.items[e]))
				return true;
	return false;
}

/*
 * Content evidence for one schema: the rows follow its classification (half
 * the body rows at least, and more than follow the other) +20, the other
 * classification −40; 收入 beside 支出 +20 for a two-sided schema, −30 for
 * any other.
 */
static int content_score(const schema *s, const evidence *ev)
{
	int score = 0;
	bool sided = sided_for(s, ev);
	if (s->layout == LAYOUT_TWO_SIDED)
		score += sided ? 20 : 0;
	else if (sided)
		score -= 30;
	if (s->codes != NORM_CLASS_NONE) {
		size_t agree = s->codes == NORM_CLASS_FUNCTION ? ev->function : ev->economic;
		size_t other = s->codes == NORM_CLASS_FUNCTION ? ev->economic : ev->function;
		if (agree >= 2 && agree > other && 2 * agree >= ev->rows)
			score += 20;
		else if (other >= 2 && other > agree && 2 * other >= ev->figured)
			score -= 40;
	}
	return score;
}

/* The evidence a claim without its title rests on, for the warning. */
static const char *describe(arena *a, const schema *s, const table *t, const colinfo *cols, const evidence *ev,
                            const char *title, const char *agreed, bool placed)
{
	sbuf b = SBUF_INIT;
	size_t shown = 0;
	for (size_t c = 0; c < t->ncols && shown < 4; c++) {
		int depth, fold;
		if (!value_path(cols[c].path) ||
		    match_column(s, unfold_path(a, s, cols[c].path, &fold), NULL, &depth) < 0)
			continue;
		sbuf_addstr(&b, shown++ ? ", " : "header ");
		sbuf_addstr(&b, cols[c].path);
	}
	if (s->codes == NORM_CLASS_FUNCTION && ev->function)
		sbuf_addf(&b, "%s%zu rows in the function classification (2xx)", b.len ? "; " : "", ev->function);
	if (s->codes == NORM_CLASS_ECONOMIC && ev->economic)
		sbuf_addf(&b, "%s%zu rows in the economic classification (3xx/5xx)", b.len ? "; " : "", ev->economic);
	if (s->layout == LAYOUT_TWO_SIDED && ev->two_sided)
		sbuf_addf(&b, "%sincome and expenditure side by side", b.len ? "; " : "");
	if (ev->totals)
		sbuf_addf(&b, "%sa 合计/总计 row", b.len ? "; " : "");
	if (agreed)
		sbuf_addf(&b, "%s%s", b.len ? "; " : "", agreed);
	if (placed)
		sbuf_addf(&b, "%sits place among the document's tables", b.len ? "; " : "");
	if (title && *title)
		sbuf_addf(&b, "%sits title '%s' is none of %s's", b.len ? "; " : "", title, s->id);
	char *r = arena_strdup(a, b.buf);
	sbuf_release(&b);
	return r;
}

/* The one entity the tables of a document print (NULL when none or several): a table printing none
 * is that entity's. */
static const char *sole_entity(const document *doc)
{
	const char *sole = NULL;
	for (size_t i = 0; i < doc->tables.len; i++) {
		const char *e = doc->tables.items[i]->entity;
		if (e && *e && sole && strcmp(e, sole) != 0)
			return NULL;
		if (e && *e)
			sole = e;
	}
	return sole;
}

/* Another table of the same entity already claimed by s: an earlier one, or any
 * titled one (titled tables are mapped before untitled ones, map_document).  A
 * table printing no entity, in a document whose tables print one, is that one's. */
static bool claimed_elsewhere(const document *doc, const table *t, const schema *s)
{
	const char *sole = sole_entity(doc);
	const char *e2 = t->entity && *t->entity ? t->entity : sole ? sole : "";
	for (size_t i = 0; i < doc->tables.len; i++) {
		const table *o = doc->tables.items[i];
		if (o == t)
			continue;
		const char *e1 = o->entity && *o->entity ? o->entity : sole ? sole : "";
		if (o->schema && strcmp(o->schema, s->id) == 0 && strcmp(e1, e2) == 0)
			return true;
	}
	return false;
}

/* o and t are tables of one entity: the same printed, or none printed where the document's tables
 * print one (sole_entity). */
static bool same_entity(const document *doc, const table *o, const table *t)
{
	const char *sole = sole_entity(doc);
	const char *e1 = o->entity && *o->entity ? o->entity : sole ? sole : "";
	const char *e2 = t->entity && *t->entity ? t->entity : sole ? sole : "";
	return strcmp(e1, e2) == 0;
}

/* t's own figure at a document check's ref, read off its grid as s would key it: the body row
 * whose label is one of the ref's (合计 | 总计), the first value column s keys as the ref's
 * column.  False when none prints an amount there. */
static bool grid_ref_value(const table *t, const schema *s, const colinfo *cols, size_t body,
                           const schema_ref *ref, arena *a, decimal *out)
{
	long col = -1;
	for (size_t c = 0; c < t->ncols && col < 0; c++) {
		int depth, fold;
		if (!value_path(cols[c].path))
			continue;
		int k = match_column(s, unfold_path(a, s, cols[c].path, &fold), NULL, &depth);
		if (k >= 0 && strcmp(s->columns.items[k].key, ref->column) == 0)
			col = (long)c;
	}
	if (col < 0)
		return false;
	for (size_t alt = 0; alt < ref->rows.len; alt++)
		for (size_t r = body; r < t->nrows; r++)
			for (size_t c = 0; c < t->ncols; c++) {
				const char *text = squeeze(a, cell_text(t, r, c));
				if (!*text || is_digit(*text) ||
				    strcmp(map_label_key(a, text, NULL, NULL), ref->rows.items[alt]) != 0)
					continue;
				return norm_amount(cell_text(t, r, (size_t)col), out) == AMOUNT_NUMBER;
			}
	return false;
}

/*
 * What the tables claimed so far say of t as s: for each document check
 * naming s once (an expenditure table's 合计 = the summary's 本年支出合计,
 * a general budget table's = the fiscal summary's 一般公共预算 column), t's
 * own figure there, not zero, against the other refs' figures in the
 * claimed tables of its entity, in one unit: +1 for each check that
 * holds, −1 for each that fails with t's figure printed nowhere in the
 * column of a two-ref check's other table (a 总计 taking in a part the
 * check does not take off is the summary's 收入总计, not its 本年收入合计:
 * no evidence either way), 0 where there is nothing to compare (or s is
 * two-sided).  A sign="minus" ref is taken off where t or a claimed table
 * prints it.  *why names the
 * first that holds; *fits (may be NULL) tells whether one holds or fails
 * only so.
 */
static int totals_agree(const document *doc, const table *t, const schema_set *set, const schema *s,
                        const colinfo *cols, size_t body, arena *a, const char **why, bool *fits)
{
	int agree = 0;
	if (fits)
		*fits = false;
	/* A two-sided table prints each side's figures in its own columns: not read here. */
	if (s->layout != LAYOUT_LIST)
		return 0;
	for (size_t d = 0; d < set->doc_checks.len; d++) {
		const schema_doc_check *dc = &set->doc_checks.items[d];
		long own = -1;
		size_t named = 0, plain = 0;
		for (size_t r = 0; r < dc->refs.len; r++) {
			plain += !dc->refs.items[r].minus;
			if (!dc->refs.items[r].minus && strcmp(dc->refs.items[r].schema, s->id) == 0) {
				own = (long)r;
				named++;
			}
		}
		if (named != 1 || plain < 2)
			continue;
		decimal mine, found = decimal_from_int(0), expected = decimal_from_int(0);
		if (!grid_ref_value(t, s, cols, body, &dc->refs.items[own], a, &mine) || decimal_is_zero(mine))
			continue;
		bool complete = true;
		size_t addends = 0;
		const table *other = NULL;
		const schema_ref *other_ref = NULL;
		for (size_t r = 0; r < dc->refs.len && complete; r++) {
			const schema_ref *ref = &dc->refs.items[r];
			decimal v = mine;
			if (ref->minus) {
				/* A part to take off, read where it is printed; nothing when it is not. */
				bool got = false;
				if (strcmp(ref->schema, s->id) == 0)
					got = grid_ref_value(t, s, cols, body, ref, a, &v);
				for (size_t i = 0; i < doc->tables.len && !got; i++) {
					const table *o = doc->tables.items[i];
					if (o != t && o->schema && strcmp(o->schema, ref->schema) == 0 &&
					    same_entity(doc, o, t))
						got = map_ref_cell(o, ref, &v);
				}
				if (got) {
					expected = decimal_sub(expected, v);
					addends++;
				}
				continue;
			}
			if ((long)r != own) {
				complete = false;
				for (size_t i = 0; i < doc->tables.len && !complete; i++) {
					const table *o = doc->tables.items[i];
					if (o == t || !o->schema || strcmp(o->schema, ref->schema) != 0 ||
					    !same_entity(doc, o, t) || (o->unit && t->unit && strcmp(o->unit, t->unit) != 0))
						continue;
					complete = map_ref_cell(o, ref, &v);
					if (complete) {
						other = o;
						other_ref = ref;
					}
				}
			}
			if (r == 0) {
				found = v;
			} else {
				expected = decimal_add(expected, v);
				addends++;
			}
		}
		if (!complete)
			continue;
		decimal cent, tol = decimal_from_int(0), diff = decimal_abs(decimal_sub(found, expected));
		decimal_parse("0.01", 4, &cent);
		for (size_t k = 0; k < addends; k++)
			tol = decimal_add(tol, cent);
		bool printed = plain == 2 && map_ref_column_prints(other, other_ref, mine);
		if (fits && (printed || decimal_cmp(diff, tol) <= 0))
			*fits = true;
		if (decimal_cmp(diff, tol) <= 0) {
			agree++;
			if (!*why)
				*why = arena_printf(a, "its %s equals the figure table %s (%s) prints for it (%s)",
				                    dc->refs.items[own].rows.items[0], other->id, other->schema, dc->rule);
		} else if (!printed) {
			agree--;
		}
	}
	return agree;
}

/* The place of a schema among those of its kind: the order the schema files list them in, the
 * order disclosures print their tables in (收支总表, 收入, 支出, 财政拨款收支总表, 一般公共预算 …). */
static long schema_place(const schema_set *set, const char *id, enum doc_kind kind)
{
	for (size_t i = 0; i < set->schemas.len; i++)
		if (set->schemas.items[i].kind == kind && strcmp(set->schemas.items[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* Whether some table of the document is claimed by the schema id. */
static bool claimed_by_any(const document *doc, const char *id)
{
	for (size_t i = 0; i < doc->tables.len; i++)
		if (doc->tables.items[i]->schema && strcmp(doc->tables.items[i]->schema, id) == 0)
			return true;
	return false;
}

/* Order evidence: s's place fits t's among the tables claimed so far (after the nearest claimed
 * table of its kind before t, before the nearest after it, one of them at least there): 10, less
 * 2 for each schema of the kind between the one before and s that no table claims (the next
 * table in the order is likelier than one further on), 2 at least; 0 when it does not fit. */
static int order_score(const document *doc, const table *t, const schema_set *set, const schema *s)
{
	long here = schema_place(set, s->id, s->kind), before = -1, after = -1;
	size_t at = 0;
	while (at < doc->tables.len && doc->tables.items[at] != t)
		at++;
	for (size_t i = at; i-- > 0 && before < 0;)
		if (doc->tables.items[i]->schema)
			before = schema_place(set, doc->tables.items[i]->schema, s->kind);
	for (size_t i = at + 1; i < doc->tables.len && after < 0; i++)
		if (doc->tables.items[i]->schema)
			after = schema_place(set, doc->tables.items[i]->schema, s->kind);
	if (here < 0 || (before < 0 && after < 0) || (before >= 0 && before >= here) || (after >= 0 && here >= after))
		return 0;
	int score = 10;
	for (long k = before + 1; before >= 0 && k < here; k++)
		if (set->schemas.items[k].kind == s->kind && !claimed_by_any(doc, set->schemas.items[k].id))
			score -= 2;
	return score > 2 ? score : 2;
}

/*
 * Recognition weighs every piece of evidence, none a gate but the header:
 * title (title_score), header (header_score; a schema no column matches is
 * out unless its title or title core is the table's, see below), body
 * (content_score),
 * the document's kind (−40 when it differs) and the document so far (−15
 * when another table of the same entity has the schema already: an earlier
 * one, or a titled one, titled tables being mapped first).  The
 * best score wins when it reaches 50 and no other schema ties it.  A claim
 * the title did not carry (title score under 50) records its evidence in
 * t->evidence, for the warning.
 */
static const schema *recognise(const document *doc, table *t, const schema_set *set, const colinfo *cols,
                               size_t body, const evidence *evp, arena *a)
{
	char *key = map_title_key(a, t->title ? t->title : "");
	char *core = map_title_core(a, key);
	const evidence ev = *evp;
	bool headed = false;
	for (size_t c = 0; c < t->ncols; c++)
		headed = headed || value_path(cols[c].path);
	const schema *best = NULL;
	int best_score = 0, best_title = 0;
	const char *best_agreed = NULL;
	bool tie = false, best_placed = false;
	size_t longest_end = longest_title_end(set, key);
	size_t n = set->schemas.len;
	int *hss = arena_calloc(a, n ? n : 1, sizeof(int)), *agrees = arena_calloc(a, n ? n : 1, sizeof(int));
	bool *fit = arena_calloc(a, n ? n : 1, sizeof(bool));
	const char **why = arena_calloc(a, n ? n : 1, sizeof(char *));
	/* A title that names a schema (50 or more) leaves totals and place out of it. */
	bool named = false;
	for (size_t i = 0; i < n; i++) {
		const schema *s = &set->schemas.items[i];
		named = named || title_score(s, key, core, longest_end) >= 50;
	}
	perf_evidence *form_evidence = NULL;
	for (size_t i = 0; i < n; i++) {
		const schema *s = &set->schemas.items[i];
		bool form = s->layout == LAYOUT_FORM;
		if (form && !form_evidence)
			form_evidence = perf_evidence_of(t);
		hss[i] = form ? perf_form_score(s, form_evidence) : header_score(s, cols, t->ncols, a);
		if (!named && !form && hss[i] >= 0 && (doc->kind == KIND_UNKNOWN || s->kind == doc->kind))
			agrees[i] = totals_agree(doc, t, set, s, cols, body, a, &why[i], &fit[i]);
	}
	perf_evidence_free(form_evidence);
	for (size_t i = 0; i < n; i++) {
		const schema *s = &set->schemas.items[i];
		int ts = title_score(s, key, core, longest_end);
		bool form = s->layout == LAYOUT_FORM;
		int hs = hss[i];
		/* No column the schema knows: only its own title (the same, the
		 * same core, or ending with one of six characters or more: …局财政
		 * 拨款收入支出决算总表) in a document of its kind, over a table with
		 * a printed value header (a bare 金额 / 预算 / 决算, or a header
		 * misread), claims it for a table of rows; a table of contents
		 * naming the title has none, and a form (绩效) is left to its own
		 * evidence. */
		if (hs < 0 && (form || ts < 56 || !headed || s->rows == ROWS_NONE ||
		               (doc->kind != KIND_UNKNOWN && s->kind != doc->kind)))
			continue;
		int score = ts + (hs > 0 ? hs : 0);
		if (!form)
			score += content_score(s, &ev) + (evidence_rows(s, &ev) ? 10 : 0);
		/* 绩效 forms are printed in budgets, accounts and reports of their own alike. */
		if (doc->kind != KIND_UNKNOWN && s->kind != doc->kind && !form)
			score -= 40;
		bool elsewhere = ts < 50 && !form && claimed_elsewhere(doc, t, s);
		if (elsewhere)
			score -= 15;
		const char *agreed = NULL;
		bool placed = false;
		if (!named && !form) {
			/* Totals that fit a schema another table has, or that fit as
			   well another schema whose columns the table prints as much
			   (a balanced budget's income and expenditure totals agree),
			   agree by chance. */
			int agree = agrees[i];
			for (size_t k = 0; k < n && agree > 0; k++)
				if (k != i && fit[k] && hss[k] >= hs && !claimed_elsewhere(doc, t, &set->schemas.items[k]))
					agree = 0;
			if (elsewhere && agree > 0)
				agree = 0;
			agreed = agree > 0 ? why[i] : NULL;
			score += 30 * agree;
			int os = order_score(doc, t, set, s);
			placed = os > 0;
			score += os;
		}
		if (score > best_score) {
			best = s;
			best_score = score;
			best_title = ts;
			best_agreed = agreed;
			best_placed = placed;
			tie = false;
		} else if (score == best_score && best && strcmp(best->id, s->id) != 0) {
			tie = true;
		}
	}
	if (!best || best_score < 50 || tie)
		return NULL;
	/* A 绩效 form's claim rests on map/performance.c's evidence, not told here. */
	t->evidence = best_title < 50 && best->layout != LAYOUT_FORM
	                      ? describe(a, best, t, cols, &ev, t->title, best_agreed, best_placed)
	                      : NULL;
	return best;
}

static bool code_header(const char *path);
static bool label_header(const char *path);

/*
 * A table printed without any title: its header alone may name its schema, among
 * the schemas of the document's kind that no titled table claimed.  A candidate
 * must know every header of the table that any schema knows (a header another
 * schema's column names rules it out, but not a row-key word such as 单位名称
 * that a 绩效 form keys as text) and at least two of its own columns must
 * be printed (one column printed on each of two sides counts twice).  The body speaks first: the candidate whose rows follow its
 * classification and print its <evidence> words (content_score, +10 for
 * evidence rows) wins — function codes under fund-source columns are an
 * income table's, not a procurement table's, and 彩票公益金 rows a 政府性基金
 * table's, not a 国有资本 one's, though both print the same headers —; then
 * the largest share of its columns printed.  Its totals against the
 * tables claimed (totals_agree, 30 each) and its place among them, when
 * it is the very next schema after the table before it (order_score 10),
 * count with the body.  On a tie (政府性基金 and 国有资本
 * tables print the same header, and a blank 合计 row tells them apart no
 * better) none: tied[0] and tied[1] name the first two, for the warning.  A
 * schema whose classification or sides the body contradicts
 * (content_score below 0: economic codes under a function table's header) is
 * out.
 */
static const schema *recognise_by_header(const document *doc, const table *t, const schema_set *set,
                                         const colinfo *cols, size_t body_row, const evidence *ev,
                                         const char *const *claimed, size_t nclaimed, arena *a,
                                         const char *tied[2])
{
	tied[0] = tied[1] = NULL;
	if (doc->kind == KIND_UNKNOWN || (t->title && *map_title_key(a, t->title)))
		return NULL;
	/* A header some schema knows; a row-key word (单位名称, 科目编码), which some
	   schemas key as a text column, rules no schema out. */
	bool *known = arena_calloc(a, t->ncols ? t->ncols : 1, sizeof(bool));
	for (size_t i = 0; i < set->schemas.len; i++)
		for (size_t c = 0; c < t->ncols; c++) {
			int d;
			known[c] = known[c] || (!code_header(cols[c].path) && !label_header(cols[c].path) &&
			                        match_column(&set->schemas.items[i], cols[c].path, NULL, &d) >= 0);
		}
	const schema *best = NULL;
	double best_share = 0;
	int best_body = 0;
	bool tie = false;
	for (size_t i = 0; i < set->schemas.len; i++) {
		const schema *s = &set->schemas.items[i];
		bool taken = false;
		for (size_t k = 0; k < nclaimed && !taken; k++)
			taken = strcmp(claimed[k], s->id) == 0;
		if (taken || s->kind != doc->kind || !s->columns.len)
			continue;
		bool *hit = arena_calloc(a, s->columns.len, sizeof(bool));
		bool foreign = false;
		size_t printed = 0;
		for (size_t c = 0; c < t->ncols && !foreign; c++) {
			int d, sc = match_column(s, cols[c].path, NULL, &d);
			if (sc >= 0)
				hit[sc] = true;
			else if (known[c])
				foreign = true;
			printed += sc >= 0;
		}
		size_t n = 0;
		for (size_t k = 0; k < s->columns.len; k++)
			n += hit[k];
		const char *agreed = NULL;
		/* Rows keyed by names (三公, 项目支出): a table whose rows are mostly
		   coded or named in a classification is none of them (an income table's
		   continuation printed without its title). */
		size_t classified = ev->function > ev->economic ? ev->function : ev->economic;
		int named = s->rows == ROWS_LABEL && s->layout == LAYOUT_LIST && classified >= 2 &&
		                    2 * classified >= ev->figured
		            ? -40
		            : 0;
		int body = named + content_score(s, ev) + (evidence_rows(s, ev) ? 10 : 0) +
		           30 * totals_agree(doc, t, set, s, cols, body_row, a, &agreed, NULL) +
		           (order_score(doc, t, set, s) == 10 ? 10 : 0);
		/* Two sides side by side print one column twice (本年预算 | 本年预算). */
		bool sided = s->layout == LAYOUT_TWO_SIDED && ev->two_sided;
		if (foreign || (sided ? printed : n) < 2 || body < 0)
			continue;
		double share = (double)n / (double)s->columns.len;
		if (best && body < best_body)
			continue;
		if (!best || body > best_body || share > best_share + 1e-9) {
			best = s;
			best_share = share;
			best_body = body;
			tie = false;
		} else if (share > best_share - 1e-9) {
			if (!tie) {
				tied[0] = best->id;
				tied[1] = s->id;
			}
			tie = true;
		}
	}
	if (!tie)
		tied[0] = tied[1] = NULL;
	return tie ? NULL : best;
}

/* ---- columns ---------------------------------------------------------- */

static bool code_header(const char *path)
{
	const char *last = last_level(path);
	return strcmp(last, "类") == 0 || strcmp(last, "款") == 0 || strcmp(last, "项") == 0 ||
	       ends_with(last, "编码") || ends_with(last, "代码") || strcmp(last, "编号") == 0;
}

static bool label_header(const char *path)
{
	const char *last = last_level(path);
	return ends_with(last, "名称") || strcmp(last, "项目") == 0 || strcmp(last, "科目") == 0 ||
	       ends_with(last, "科目") || strcmp(last, "功能分类") == 0 || strcmp(last, "经济分类") == 0 ||
	       strcmp(last, "单位") == 0 || strcmp(last, "部门") == 0;
}

/* How much of path some schema's header pattern names: the length of the longest
 * match; 1 when only a role word (…编码, …名称) names it; 0 for none. */
static size_t known_len(const schema_set *set, const char *path)
{
	size_t best = code_header(path) || label_header(path) ? 1 : 0;
	for (size_t i = 0; i < set->schemas.len; i++) {
		const schema *s = &set->schemas.items[i];
		for (size_t k = 0; k < s->columns.len; k++)
			for (size_t h = 0; h < s->columns.items[k].headers.len; h++) {
				const char *pat = s->columns.items[k].headers.items[h];
				if (path_match(path, pat) > 0 && strlen(pat) > best)
					best = strlen(pat);
			}
	}
	return best;
}

/*
 * A header word wrapped inside its cell and read as levels of its own
 * (附属单位/上缴收入, 财政/专户/管理/资金): its last two, three, … levels are
 * joined back into one, and the path becomes the joining that some schema's
 * header names at greatest length, when that is longer than what names the
 * path as read (资金 alone is a header too); a role word names a joining only
 * where nothing names the path.  A path a role word names stays (收入/项目名称).
 */
static char *unwrap_levels(arena *a, const schema_set *set, char *path)
{
	if (!set || !strchr(path, '/') || code_header(path) || label_header(path))
		return path;
	size_t best = known_len(set, path);
	char *out = path, *cand = arena_strdup(a, path);
	/* Each round drops the last '/' left: A/B/C, then A/BC, then ABC. */
	for (char *slash; (slash = strrchr(cand, '/'));) {
		memmove(slash, slash + 1, strlen(slash + 1) + 1);
		size_t n = known_len(set, cand);
		if (n > best) {
			best = n;
			out = arena_strdup(a, cand);
		}
	}
	return out;
}

/* Counts the body cells of column c that hold digits only, amounts, other text (a 合计
   label counted as text only in a column of no codes). */
static void census(const mapper *m, size_t c, size_t *codes, size_t *amounts, size_t *texts)
{
	*codes = *amounts = *texts = 0;
	size_t totals = 0;
	for (size_t r = m->body; r < m->t->nrows; r++) {
		if (numbering_row(m, r))
			continue;
		const char *s = cell_sq(m, r, c);
		if (!*s)
			continue;
		if (is_total_label(s)) {
			totals++;
			continue;
		}
		decimal d;
		enum amount_kind k = norm_amount(s, &d);
		if (all_digits(s) && strlen(s) <= 9 && !strchr(s, '.'))
			(*codes)++;
		else if (k == AMOUNT_NUMBER || k == AMOUNT_PERCENT || k == AMOUNT_NULL)
			(*amounts)++;
		else
			(*texts)++;
	}
	/* A 合计 label centred over the key columns is no name among codes. */
	if (!*codes)
		*texts += totals;
}

/* Column c prints, down the body, whole numbers only, counting 1, 2, 3 … without a gap,
   on three rows at least (blank cells and 栏次 rows aside). */
static bool counts_rows(const mapper *m, size_t c)
{
	long next = 1;
	for (size_t r = m->body; r < m->t->nrows; r++) {
		if (numbering_row(m, r))
			continue;
		const char *s = cell_sq(m, r, c);
		if (!*s)
			continue;
		if (!all_digits(s) || strlen(s) > 4 || strtol(s, NULL, 10) != next)
			return false;
		next++;
	}
	return next > 3;
}

/*
 * A 序号 header read over the wrong column (a header cell centred between a
 * count and a code column): its own body prints codes only, not a count, and
 * the column before it counts the rows.
 */
static bool misplaced_numbering(const mapper *m, size_t c)
{
	if (c == 0 || counts_rows(m, c) || !counts_rows(m, c - 1))
		return false;
	size_t codes, amounts, texts;
	census(m, c, &codes, &amounts, &texts);
	return codes > 0 && amounts == 0 && texts == 0;
}

/* The side a leading header level names: 收入 / 收入项目 / 支出 … */
static const char *side_of(const char *top)
{
	if (norm_char_count(top) > 4 || strstr(top, "合计") || strstr(top, "总计"))
		return NULL;
	if (strncmp(top, "本年", strlen("本年")) == 0) /* 本年收入 | 本年支出 (Shanghai) */
		top += strlen("本年");
	if (strncmp(top, "收入", strlen("收入")) == 0)
		return "income";
	if (strncmp(top, "支出", strlen("支出")) == 0)
		return "expenditure";
	return NULL;
}

/*
 * The side a header path names: its first level that names one, so that a
 * group title over the whole header (决算数 over 收入项目 | 支出项目) hides
 * no side.  A group title over a side's columns may qualify it (财政拨款收入
 * over 项目 | 预算数).
 */
static const char *path_side(arena *a, const char *path)
{
	const char *p = path;
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		const char *level = arena_strndup(a, p, n);
		const char *side = side_of(level);
		if (side)
			return side;
		if (slash && strncmp(level, "财政拨款", strlen("财政拨款")) == 0 &&
		    (side = side_of(level + strlen("财政拨款"))))
			return side;
		p += n + (slash != NULL);
	}
	return NULL;
}

/* The index of the first level of path that names a side (path_side), -1 for none. */
static int side_level(arena *a, const char *path)
{
	int level = 0;
	for (const char *p = path; *p; level++) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		if (side_of(arena_strndup(a, p, n)))
			return level;
		p += n + (slash != NULL);
	}
	return -1;
}

/*
 * The path with its last two levels joined: a header cell wrapped over two
 * lines can be read as two levels (事业单位经营 / 支出, 对附属单位补 / 助支出);
 * tried when the path as read matches no column.
 */
static const char *wrap_joined(arena *a, const char *path)
{
	const char *last = strrchr(path, '/');
	if (!last)
		return path;
	return arena_printf(a, "%.*s%s", (int)(last - path), path, last + 1);
}

/*
 * A 序号 count read into the code column (序号 and 类 printed close, one cell
 * as read: "1", "2 301", "3 301 01"): when the first number of every cell of
 * a code column counts the rows 1, 2, 3 … and most cells print a code after
 * it, the count is the rows' numbering and only the rest is the code.  The
 * squeezed cells (cell_sq) are rewritten, so every later reading sees the
 * code alone.
 */
static void split_joined_numbering(mapper *m, size_t c)
{
	table *t = m->t;
	long next = 1;
	size_t rest = 0;
	for (size_t r = m->body; r < t->nrows; r++) {
		if (numbering_row(m, r))
			continue;
		const char *s = cell_text(t, r, c);
		while (*s == ' ')
			s++;
		if (!*s)
			continue;
		char *end;
		if (!is_digit(*s) || strtol(s, &end, 10) != next || (*end && *end != ' '))
			return;
		for (; *end == ' '; end++)
			;
		if (*end) {
			if (!all_digits(squeeze(m->a, end)))
				return;
			rest++;
		}
		next++;
	}
	if (next <= 3 || rest * 2 < (size_t)(next - 1))
		return;
	for (size_t r = m->body; r < t->nrows; r++) {
		if (numbering_row(m, r))
			continue;
		const char *s = cell_text(t, r, c);
		while (*s == ' ')
			s++;
		for (; is_digit(*s); s++)
			;
		m->sq[r * t->ncols + c] = squeeze(m->a, s);
	}
	if (!m->counted)
		doc_warn(m->doc, "numbering_joined", table_first_page(t), t,
		         "table %s: the code column (header '%s') prints the rows' count 1, 2, 3 … before "
		         "their codes: the count read as their numbering, the rest as the code",
		         t->id ? t->id : "?", m->paths[c] ? m->paths[c] : "");
	m->counted = true;
}

/* Fills m->cols: path keys, schema matches, roles. */
static void classify_columns(mapper *m, bool with_sides)
{
	table *t = m->t;
	const schema *s = m->s;
	for (size_t c = 0; c < t->ncols; c++) {
		colinfo *ci = &m->cols[c];
		ci->top = (char *)first_level(m->a, ci->path);
		ci->side = with_sides ? path_side(m->a, ci->path) : NULL;
		ci->fold = -1;
		ci->scol = -1;
		ci->out = -1;
		if (s) {
			const char *path = unfold_path(m->a, s, ci->path, &ci->fold);
			for (size_t g = 0; g < s->groups.len; g++)
				for (size_t h = 0; h < s->groups.items[g].headers.len; h++)
					if (strstr(ci->top, s->groups.items[g].headers.items[h]))
						ci->group = s->groups.items[g].key;
			ci->scol = match_column(s, path, ci->side, &ci->depth);
			if (ci->scol < 0)
				ci->scol = match_column(s, wrap_joined(m->a, path), ci->side, &ci->depth);
		}
		if (s && s->rows == ROWS_NONE)
			continue;
		if (strcmp(last_level(ci->path), "序号") == 0) {
			ci->scol = -1;
			if (misplaced_numbering(m, c)) {
				ci->role = ROLE_CODE;
				doc_warn(m->doc, "numbering_misplaced", table_first_page(t), t,
				         "table %s: the column headed '序号' prints codes, not a count of the "
				         "rows, beside a column that counts them: read as codes",
				         t->id ? t->id : "?");
			} else {
				ci->role = ROLE_NUMBERING;
			}
			continue;
		}
		if (ci->scol >= 0 && s->columns.items[ci->scol].type != TYPE_TEXT) {
			/* A pattern naming the whole header wins over a role word. */
			if (!code_header(ci->path) && !label_header(ci->path))
				continue;
		}
		if (code_header(ci->path)) {
			ci->role = ROLE_CODE;
			ci->scol = -1;
		} else if (label_header(ci->path)) {
			ci->role = ROLE_LABEL;
			ci->scol = -1;
		}
	}
	if (s && s->rows == ROWS_NONE)
		return;
	/* One code or label header over several columns (a header cell read across the code,
	   name and figure columns): each of them takes the role its body shows, so codes,
	   names and figures are not run together into one label. */
	for (size_t c = 0; c < t->ncols; c++) {
		colinfo *ci = &m->cols[c];
		if (ci->role == ROLE_VALUE || ci->role == ROLE_NUMBERING)
			continue;
		bool shared = (c > 0 && strcmp(m->cols[c - 1].path, ci->path) == 0) ||
		              (c + 1 < t->ncols && strcmp(m->cols[c + 1].path, ci->path) == 0);
		if (!shared)
			continue;
		size_t codes, amounts, texts;
		census(m, c, &codes, &amounts, &texts);
		if (codes > 0 && texts == 0 && amounts == 0)
			ci->role = ROLE_CODE;
		else if (amounts > 0 && texts == 0 && codes == 0)
			ci->role = ROLE_VALUE;
		else if (texts > 0 && codes == 0 && amounts == 0)
			ci->role = ROLE_LABEL;
	}
	/* A label header over a column of codes only (项目 over the 款 codes 01, 02, a
	   header cell read over the code columns): a code column. */
	for (size_t c = 0; c < t->ncols; c++) {
		colinfo *ci = &m->cols[c];
		if (ci->role != ROLE_LABEL)
			continue;
		size_t codes, amounts, texts;
		census(m, c, &codes, &amounts, &texts);
		if (codes > 0 && texts == 0 && amounts == 0) {
			ci->role = ROLE_CODE;
			doc_warn(m->doc, "codes_under_label_header", table_first_page(t), t,
			         "table %s: column '%s', headed as names, prints codes only: read as a code column",
			         t->id ? t->id : "?", m->paths[c] ? m->paths[c] : "");
		}
	}
	/* A first column counting the rows 1, 2, 3 … under a header that does not say 序号
	   (a header cell read across it) is the rows' numbering, not a code. */
	if (t->ncols > 2 && m->cols[0].role != ROLE_NUMBERING && m->cols[0].scol < 0 && counts_rows(m, 0)) {
		m->cols[0].role = ROLE_NUMBERING;
		if (!m->counted)
			doc_warn(m->doc, "numbering_by_count", table_first_page(t), t,
			         "table %s: its first column (header '%s') counts the rows 1, 2, 3 …: read as "
			         "their numbering, not as codes",
			         t->id ? t->id : "?", m->paths[0] ? m->paths[0] : "");
		m->counted = true;
	}
	/* Leading columns nobody claimed: digits only is a code, words a label. */
	for (size_t c = 0; c < t->ncols; c++) {
		colinfo *ci = &m->cols[c];
		if (ci->scol >= 0)
			break;
		if (ci->role != ROLE_VALUE)
			continue;
		size_t codes, amounts, texts;
		census(m, c, &codes, &amounts, &texts);
		if (amounts > 0 && amounts >= texts)
			break;
		if (codes > 0 && texts == 0 && amounts == 0)
			ci->role = ROLE_CODE;
		else if (texts > 0)
			ci->role = ROLE_LABEL;
	}
	for (size_t c = 0; c < t->ncols; c++)
		if (m->cols[c].role == ROLE_CODE)
			split_joined_numbering(m, c);
}

/* Adds (or finds) an output column; returns its index. */
static int out_column(mapper *m, size_t c, const char *key, bool text)
{
	bool canonical = m->cols[c].scol >= 0;
	table *t = m->t;
	for (size_t i = 0; i < t->columns.len; i++)
		if (strcmp(t->columns.items[i].key, key) == 0)
			return (int)i;
	column *col = VEC_PUSH(m->a, &t->columns);
	col->key = arena_strdup(m->a, key);
	col->header = arena_strdup(m->a, m->paths[c] ? m->paths[c] : "");
	col->source = (int)c;
	col->text = text;
	col->canonical = canonical;
	col->measure = canonical && m->s && m->s->columns.items[m->cols[c].scol].type == TYPE_NUMBER;
	return (int)(t->columns.len - 1);
}

static bool column_is_text(mapper *m, size_t c)
{
	const colinfo *ci = &m->cols[c];
	if (ci->scol >= 0)
		return m->s->columns.items[ci->scol].type == TYPE_TEXT;
	size_t codes, amounts, texts;
	census(m, c, &codes, &amounts, &texts);
	return texts > amounts + codes;
}

/* The key a value column is printed under when no schema knows it. */
static const char *own_key(mapper *m, size_t c, bool drop_top)
{
	const char *path = m->cols[c].path;
	if (drop_top) {
		const char *slash = strchr(path, '/');
		if (slash)
			path = slash + 1;
	}
	if (!*path)
		return arena_printf(m->a, "column%zu", c + 1);
	return path;
}

/*
 * Two grid columns under one header cell (the same path) that never both
 * print something in a row: one printed column cut in two, so one key.
 */
static bool one_cell(const mapper *m, size_t c, size_t o)
{
	if (strcmp(m->cols[c].path, m->cols[o].path) != 0)
		return false;
	for (size_t r = m->body; r < m->t->nrows; r++) {
		decimal d;
		if (norm_amount(cell_text(m->t, r, c), &d) != AMOUNT_NULL &&
		    norm_amount(cell_text(m->t, r, o), &d) != AMOUNT_NULL)
			return false;
	}
	return true;
}

/*
 * Gives every value column its output column.  Two grid columns on the
 * same key (and side/fold) are one key only once: the one whose header
 * matched more levels (三公经费/小计 over a grand 合计), else the earlier,
 * keeps it; the other takes the next column its header matches that no
 * other grid column has (the grand 合计 is grand_total), else keeps its path.
 * Two grid columns of one header cell that never both print in a row share
 * their key (set_value keeps the printed one).
 */
static void assign_columns(mapper *m, bool drop_top)
{
	table *t = m->t;
	for (size_t c = 0; c < t->ncols; c++) {
		colinfo *ci = &m->cols[c];
		if (ci->role != ROLE_VALUE || ci->scol < 0)
			continue;
		for (size_t o = 0; o < t->ncols; o++) {
			const colinfo *co = &m->cols[o];
			if (o == c || co->role != ROLE_VALUE || co->scol != ci->scol || co->fold != ci->fold ||
			    co->side != ci->side || co->group != ci->group || one_cell(m, c, o))
				continue;
			if (co->depth > ci->depth || (co->depth == ci->depth && o < c)) {
				ci->depth = -1; /* lost: decided below, after every comparison */
				break;
			}
		}
	}
	for (size_t c = 0; c < t->ncols; c++) {
		colinfo *ci = &m->cols[c];
		if (ci->role != ROLE_VALUE || ci->depth >= 0 || !m->s)
			continue;
		int fold, lost = ci->scol;
		ci->scol = match_column_except(m->s, unfold_path(m->a, m->s, ci->path, &fold), ci->side, &ci->depth,
		                               lost);
		for (size_t o = 0; o < t->ncols && ci->scol >= 0; o++) {
			const colinfo *co = &m->cols[o];
			if (o != c && co->role == ROLE_VALUE && co->scol == ci->scol && co->fold == ci->fold &&
			    co->side == ci->side && co->group == ci->group)
				ci->scol = -1;
		}
		if (ci->scol < 0)
			ci->depth = -1;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		colinfo *ci = &m->cols[c];
		if (ci->role != ROLE_VALUE)
			continue;
		if (ci->depth < 0)
			ci->scol = -1;
		/* No header and nothing under it (a header set off its figures
		   gave them its words): nothing printed, no column. */
		if (!*ci->path && body_blank(m, c))
			continue;
		const char *key = ci->scol >= 0 ? m->s->columns.items[ci->scol].key : NULL;
		if (!key)
			key = own_key(m, c, drop_top);
		ci->out = out_column(m, c, key, column_is_text(m, c));
	}
}

/* ---- values and rows -------------------------------------------------- */

/*
 * Puts v in the row's output column out.  Several grid columns may share one
 * key (a header cell over two grid columns): an amount wins over text, text
 * over a blank, so a blank neighbour never erases a figure; a second,
 * different amount is not kept and a value_dropped warning says so.
 * The value keeps the grid slot (r, c) it was read from (r < 0: from no one
 * cell); a blank keeps the first blank cell it was read from.
 */
static void set_value(mapper *m, row *nr, int out, value v, long r, size_t c)
{
	size_t slot = r < 0 ? 0 : (size_t)r * m->t->ncols + c + 1;
	v.from = slot <= UINT32_MAX ? (uint32_t)slot : 0;
	value *old = &nr->values[out];
	int rank_old = old->kind == VALUE_NUMBER ? 2 : old->kind == VALUE_TEXT ? 1 : 0;
	int rank_new = v.kind == VALUE_NUMBER ? 2 : v.kind == VALUE_TEXT ? 1 : 0;
	if (rank_new > rank_old || (rank_new == 0 && rank_old == 0 && !old->from)) {
		*old = v;
	} else if (rank_new == 2 && decimal_cmp(old->number, v.number) != 0) {
		sbuf a = SBUF_INIT, b = SBUF_INIT;
		decimal_format(old->number, &a);
		decimal_format(v.number, &b);
		doc_warn(m->doc, "value_dropped", table_first_page(m->t), m->t,
		         "table %s: row '%s' prints two amounts under column '%s': kept %s, dropped %s", m->t->id,
		         nr->label ? nr->label : nr->code ? nr->code : "", m->t->columns.items[out].key, a.buf, b.buf);
		sbuf_release(&a);
		sbuf_release(&b);
	}
}

static row *new_row(mapper *m, int source, const char *raw_label)
{
	row *r = VEC_PUSH(m->a, &m->t->rows);
	r->source = source;
	r->values = arena_calloc(m->a, m->t->columns.len ? m->t->columns.len : 1, sizeof(value));
	*VEC_PUSH(m->a, &m->raw_labels) = arena_strdup(m->a, raw_label ? raw_label : "");
	if (raw_label && *raw_label) {
		int ordinal = 0;
		bool subrow = false;
		char *label = map_label_key(m->a, raw_label, &ordinal, &subrow);
		r->label = *label ? label : NULL;
		/* A row printed under a fold's own words (三公 决算 read down:
		   全年预算数 / 决算数 as row labels) takes the fold's label. */
		if (m->s && m->s->folds.len) {
			const char *seg = map_segment_key(m->a, raw_label);
			for (size_t f = 0; f < m->s->folds.len; f++)
				if (strcmp(seg, m->s->folds.items[f].header) == 0)
					r->label = arena_strdup(m->a, m->s->folds.items[f].label);
		}
		r->ordinal = ordinal;
		r->subrow = subrow;
	}
	return r;
}

static void set_code(row *r, arena *a, const char *code)
{
	if (!code || !*code)
		return;
	size_t n = strlen(code);
	r->code = arena_strdup(a, code);
	r->level = n == 3 ? 1 : n == 5 ? 2 : n == 7 ? 3 : n == 9 ? 4 : 0;
	if (r->level >= 2)
		r->parent = arena_strndup(a, code, n - 2);
}

static bool row_values_blank(const row *r, const table *t, bool skip_line)
{
	for (size_t i = 0; i < t->columns.len; i++) {
		if (skip_line && strcmp(t->columns.items[i].key, "line") == 0)
			continue;
		if (r->values[i].kind != VALUE_NULL)
			return false;
	}
	return true;
}

/* The 栏次 row and a row of column numbers (1 2 3 …) are not data. */
static bool read_numbering_row(const mapper *m, size_t r)
{
	for (size_t c = 0; c < m->t->ncols; c++)
		cell_sq(m, r, c); /* fills row r of m->sq */
	return norm_numbers_columns((const char *const *)&m->sq[r * m->t->ncols], m->t->ncols);
}

static bool numbering_row(const mapper *m, size_t r)
{
	if (m->numbering[r] < 0)
		m->numbering[r] = read_numbering_row(m, r);
	return m->numbering[r] == 1;
}

/*
 * A row holding only a label without ordinal, printing nothing under its
 * values (not even a dash), continues the label of the row
 * before it (a cell wrapped onto the next printed row) — unless the table is
 * ruled, where a wrapped label stays in its cell and a row of blanks (zeros
 * printed as nothing) is a row of its own, or both labels are whole names of
 * the classification (一般公共服务支出, 国防支出) or whole income lines of a
 * two-sided table (政府性基金预算拨款, 国有资本经营预算拨款), or both whole
 * expenditure lines (住房保障支出 over 其他支出).  A join is a guess: it is
 * warned (rows_joined).  Returns true when row r was merged into its
 * predecessor and removed.
 */
static bool merge_wrapped(mapper *m, size_t first, bool skip_line)
{
	table *t = m->t;
	if (t->rows.len < first + 2 || t->ruled)
		return false;
	row *r = &t->rows.items[t->rows.len - 1];
	row *prev = &t->rows.items[t->rows.len - 2];
	if (r->code || !r->label || r->ordinal || r->subrow || is_total_label(r->label) ||
	    !row_values_blank(r, t, false) || !prev->label || is_total_label(prev->label) ||
	    strstr(prev->label, "小计") || is_carry_label(r->label))
		return false;
	/* Two names of the classification each whole (一般公共服务支出 over 国防支出, zeros
	 * printed as nothing) are two rows, not one name wrapped. */
	if (norm_class_of_label(m->a, prev->label) != NORM_CLASS_NONE &&
	    norm_class_of_label(m->a, r->label) != NORM_CLASS_NONE)
		return false;
	/* So are two whole income lines (政府性基金预算拨款 over 国有资本经营预算拨款). */
	if (r->side && strcmp(r->side, "income") == 0 && norm_is_whole_line(prev->label, true) &&
	    norm_is_whole_line(r->label, true))
		return false;
	/* And two whole expenditure lines (住房保障支出 over 其他支出): a name ending in
	 * 支出 is complete, and a line of its own does not continue it. */
	if (norm_is_whole_line(prev->label, false) && norm_is_whole_line(r->label, false))
		return false;
	(void)skip_line;
	/* A row printing a dash (or anything) under a value is a row of its own. */
	for (size_t c = 0; r->source >= 0 && c < t->ncols; c++) {
		const colinfo *ci = &m->cols[c];
		if (ci->role != ROLE_VALUE || ci->out < 0 || (r->side && ci->side && strcmp(ci->side, r->side) != 0))
			continue;
		if (*squeeze(m->a, cell_text(t, (size_t)r->source, c)))
			return false;
	}
	char *joined = arena_printf(m->a, "%s%s", m->raw_labels.items[m->raw_labels.len - 2],
	                            m->raw_labels.items[m->raw_labels.len - 1]);
	int ordinal = 0;
	bool subrow = false;
	doc_warn(m->doc, "rows_joined", table_first_page(t), t,
	         "table %s: row '%s', printing no figure, read as the wrapped end of the label '%s' above it",
	         t->id, m->raw_labels.items[m->raw_labels.len - 1], m->raw_labels.items[m->raw_labels.len - 2]);
	prev->label = map_label_key(m->a, joined, &ordinal, &subrow);
	m->raw_labels.items[m->raw_labels.len - 2] = joined;
	t->rows.len--;
	m->raw_labels.len--;
	return true;
}

/* The code columns, left to right, at most max of them into out; returns how many. */
static size_t code_columns(const mapper *m, size_t *out, size_t max)
{
	size_t n = 0;
	for (size_t c = 0; c < m->t->ncols && n < max; c++)
		if (m->cols[c].role == ROLE_CODE)
			out[n++] = c;
	return n;
}

static void map_list(mapper *m)
{
	table *t = m->t;
	size_t codecols[8], ncode = code_columns(m, codecols, 8);
	/* A second classification printed beside the row's own (部门经济分类 301 01
	   and its name, then 政府经济分类 501 01 and its name): the code columns
	   after a label column, with the label columns after them, are one text
	   column "code name" keyed by the second name's header, not part of the
	   row's code. */
	size_t second = ncode, second_from = t->ncols;
	int second_out = -1;
	for (size_t k = 1; k < ncode && second == ncode; k++)
		for (size_t c = codecols[k - 1] + 1; c < codecols[k]; c++)
			if (m->cols[c].role == ROLE_LABEL) {
				second = k;
				second_from = codecols[k];
				break;
			}
	size_t second_name = t->ncols;
	for (size_t c = second_from; c < t->ncols && second_name == t->ncols; c++)
		if (m->cols[c].role == ROLE_LABEL)
			second_name = c;
	if (second < ncode) {
		size_t c = second_name < t->ncols ? second_name : second_from;
		int depth;
		m->cols[c].scol = m->s ? match_column(m->s, m->cols[c].path, NULL, &depth) : -1;
		if (m->cols[c].scol >= 0 && m->s->columns.items[m->cols[c].scol].type != TYPE_TEXT)
			m->cols[c].scol = -1;
		second_out = out_column(m, c, m->cols[c].scol >= 0 ? m->s->columns.items[m->cols[c].scol].key
		                                                   : own_key(m, c, false), true);
	}
	assign_columns(m, false);
	char lei[16] = "", kuan[16] = "";
	for (size_t r = m->body; r < t->nrows; r++) {
		if (numbering_row(m, r))
			continue;
		/* Row keys: code parts and label text. */
		const char *parts[8] = { 0 };
		sbuf label = SBUF_INIT;
		char *other_text = NULL;
		if (second < ncode) {
			/* Each cell normalized on its own, then joined by one space
			   (norm_text would drop a space beside a CJK name). */
			sbuf other = SBUF_INIT;
			bool digits = false;
			for (size_t k = second; k < ncode; k++) {
				const char *s = cell_sq(m, r, codecols[k]);
				if (all_digits(s)) {
					if (other.len && !digits)
						sbuf_addch(&other, ' ');
					sbuf_addstr(&other, s);
					digits = true;
				} else if (*s && strcmp(s, "类") != 0 && strcmp(s, "款") != 0 && strcmp(s, "项") != 0) {
					if (other.len)
						sbuf_addch(&other, ' ');
					sbuf_addstr(&other, norm_text(m->a, cell_text(t, r, codecols[k])));
					digits = false;
				}
			}
			for (size_t c = second_from; c < t->ncols; c++) {
				const char *s = m->cols[c].role == ROLE_LABEL ? norm_text(m->a, cell_text(t, r, c)) : "";
				if (*s) {
					if (other.len)
						sbuf_addch(&other, ' ');
					sbuf_addstr(&other, s);
				}
			}
			other_text = arena_strdup(m->a, other.buf ? other.buf : "");
			sbuf_release(&other);
		}
		for (size_t k = 0; k < second; k++) {
			const char *s = cell_sq(m, r, codecols[k]);
			if (all_digits(s))
				parts[k] = s;
			else if (strcmp(s, "类") == 0 || strcmp(s, "款") == 0 || strcmp(s, "项") == 0)
				; /* the code columns' own names, printed in the first body row */
			else if (*s && !label.len)
				sbuf_addstr(&label, cell_text(t, r, codecols[k]));
		}
		for (size_t c = 0; c < t->ncols; c++) {
			if (m->cols[c].role != ROLE_LABEL || c >= second_from)
				continue;
			const char *s = cell_text(t, r, c);
			if (*s) {
				if (label.len)
					sbuf_addch(&label, ' ');
				sbuf_addstr(&label, s);
			}
		}
		char code[32] = "";
		if (second == 1 && parts[0]) {
			snprintf(code, sizeof code, "%s", parts[0]);
		} else if (second > 1) {
			if (parts[0]) {
				snprintf(lei, sizeof lei, "%s", parts[0]);
				snprintf(code, sizeof code, "%s%s%s", parts[0], parts[1] ? parts[1] : "",
				         parts[1] && second > 2 && parts[2] ? parts[2] : "");
				if (parts[1])
					snprintf(kuan, sizeof kuan, "%s%s", parts[0], parts[1]);
			} else if (parts[1]) {
				snprintf(kuan, sizeof kuan, "%s%s", lei, parts[1]);
				snprintf(code, sizeof code, "%s%s", kuan, second > 2 && parts[2] ? parts[2] : "");
			} else if (second > 2 && parts[2]) {
				snprintf(code, sizeof code, "%s%s", kuan, parts[2]);
			}
		}
		const char *raw = label.buf;
		if (!*code && ncode == 0 && m->s && m->s->rows == ROWS_CODE) {
			const char *rest;
			const char *c2 = norm_split_code(m->a, raw, &rest);
			if (c2) {
				snprintf(code, sizeof code, "%s", c2);
				raw = rest;
			}
		}
		row *nr = new_row(m, (int)r, raw);
		sbuf_release(&label);
		set_code(nr, m->a, code);
		if (other_text && *other_text)
			set_value(m, nr, second_out, (value){ .kind = VALUE_TEXT, .text = other_text }, -1, 0);
		for (size_t c = 0; c < t->ncols; c++) {
			const colinfo *ci = &m->cols[c];
			if (ci->role != ROLE_VALUE || ci->out < 0)
				continue;
			const char *s = m->s && m->s->rows == ROWS_NONE ? owner_text(m, r, c) : cell_text(t, r, c);
			set_value(m, nr, ci->out, norm_cell_value(m->a, s, t->columns.items[ci->out].text), (long)r, c);
		}
		if (!nr->code && !nr->label && row_values_blank(nr, t, false)) {
			t->rows.len--;
			m->raw_labels.len--;
			continue;
		}
		if (m->s && m->s->rows != ROWS_NONE)
			merge_wrapped(m, 0, false);
	}
}

/*
 * A fold printed once over its block of columns (a text rendering that lost
 * the spans: 预算数 over 合计 only, the next columns blank above) covers the
 * value columns to its right up to the next fold.
 */
static void inherit_folds(mapper *m)
{
	int fold = -1;
	for (size_t c = 0; c < m->t->ncols; c++) {
		colinfo *ci = &m->cols[c];
		if (ci->fold >= 0)
			fold = ci->fold;
		else if (ci->role == ROLE_VALUE)
			ci->fold = fold;
	}
}

/*
 * 三公 决算: the header level naming 预算数/决算数 (the leading level, or the
 * last one under each item) becomes the row label instead.  With one data
 * row each fold gives one row, kept even when printed blank.
 */
static void map_folded(mapper *m)
{
	table *t = m->t;
	const schema *s = m->s;
	/* Columns: schema keys of the folded columns, in order of appearance. */
	for (size_t c = 0; c < t->ncols; c++) {
		colinfo *ci = &m->cols[c];
		if (ci->role != ROLE_VALUE)
			continue;
		const char *key = ci->scol >= 0 ? s->columns.items[ci->scol].key : own_key(m, c, ci->fold >= 0);
		ci->out = out_column(m, c, key, column_is_text(m, c));
	}
	const char *labels[16];
	size_t nlabels = 0;
	for (size_t f = 0; f < s->folds.len && nlabels < 16; f++) {
		const char *label = s->folds.items[f].label;
		bool used = false, dup = false;
		for (size_t c = 0; c < t->ncols; c++)
			used = used || (m->cols[c].fold >= 0 && strcmp(s->folds.items[m->cols[c].fold].label, label) == 0);
		for (size_t i = 0; i < nlabels; i++)
			dup = dup || strcmp(labels[i], label) == 0;
		if (used && !dup)
			labels[nlabels++] = label;
	}
	size_t data_rows = 0;
	for (size_t r = m->body; r < t->nrows; r++)
		data_rows += !numbering_row(m, r);
	/* Printed blank (nothing to report): the first body row gives the rows. */
	size_t only = data_rows == 0 && m->body < t->nrows ? m->body : SIZE_MAX;
	for (size_t i = 0; i < nlabels; i++) {
		for (size_t r = m->body; r < t->nrows; r++) {
			if (r != only && numbering_row(m, r))
				continue;
			/* The row's label columns joined by '/'; a blank one (a unit
			 * printed once over its years) takes the text above it. */
			sbuf bl = SBUF_INIT;
			for (size_t c = 0; c < t->ncols; c++) {
				if (m->cols[c].role != ROLE_LABEL)
					continue;
				const char *s = cell_sq(m, r, c);
				for (size_t up = r; !*s && up > m->body;)
					s = cell_sq(m, --up, c);
				if (!*s)
					continue;
				if (bl.len)
					sbuf_addch(&bl, '/');
				sbuf_addstr(&bl, s);
			}
			const char *raw = labels[i];
			if (data_rows > 1 && bl.len)
				raw = arena_printf(m->a, "%s/%s", bl.buf, labels[i]);
			sbuf_release(&bl);
			row *nr = new_row(m, (int)r, raw);
			for (size_t c = 0; c < t->ncols; c++) {
				const colinfo *ci = &m->cols[c];
				if (ci->role != ROLE_VALUE || ci->out < 0)
					continue;
				if (ci->fold >= 0 && strcmp(s->folds.items[ci->fold].label, labels[i]) != 0)
					continue;
				if (ci->fold < 0 && i > 0)
					continue;
				set_value(m, nr, ci->out, norm_cell_value(m->a, cell_text(t, r, c), t->columns.items[ci->out].text), (long)r, c);
			}
			if (data_rows > 1 && row_values_blank(nr, t, false)) {
				t->rows.len--;
				m->raw_labels.len--;
			}
		}
	}
}

/*
 * The numbering style of a printed label: 1 一、, 2 none, 3 （一）, 4 1. / 1、,
 * 5 (1) / ①.  Lower is higher in the outline.
 */
static int label_style(arena *a, const char *raw, int ordinal)
{
	if (!ordinal)
		return 2;
	const char *s = squeeze(a, raw);
	uint32_t cp;
	size_t k = utf8_decode(s, strlen(s), &cp);
	if (cp == '(' || cp == 0xFF08) {
		uint32_t cp2;
		utf8_decode(s + k, strlen(s + k), &cp2);
		return cp2 >= '0' && cp2 <= '9' ? 5 : 3;
	}
	if (cp >= '0' && cp <= '9')
		return 4;
	if (cp >= 0x2460 && cp <= 0x2473)
		return 5;
	return 1;
}

/*
 * Two-sided lines printed as an outline without codes (一、社会保障和就业支出
 * over unnumbered 款 lines, 一、财政拨款 over 1.一般公共预算拨款): when the
 * lines of a side (or its carry-over lines) mix numbering styles, each row
 * gets the rank of its style as level (1 = the top lines, which alone add
 * up to the side's 合计).  A side printed in one style keeps level 0.
 */
static void rank_lines(mapper *m, size_t first, bool carry)
{
	table *t = m->t;
	bool present[6] = { false };
	size_t n = t->rows.len;
	int *style = arena_calloc(m->a, n ? n : 1, sizeof(int));
	for (size_t i = first; i < n; i++) {
		row *r = &t->rows.items[i];
		if (!r->label || r->subrow || is_total_label(r->label) || strstr(r->label, "小计") ||
		    strcmp(r->label, "本年收入") == 0 || strcmp(r->label, "本年支出") == 0 ||
		    is_carry_label(r->label) != carry)
			continue;
		style[i] = label_style(m->a, m->raw_labels.items[i], r->ordinal);
		present[style[i]] = true;
	}
	int rank[6] = { 0 }, ranks = 0;
	for (int k = 1; k < 6; k++)
		if (present[k])
			rank[k] = ++ranks;
	if (ranks < 2)
		return;
	for (size_t i = first; i < n; i++)
		if (style[i])
			t->rows.items[i].level = rank[style[i]];
}

/* The side column c's lines name: + for each line naming 收入 only, − for 支出 only. */
static int side_vote(mapper *m, size_t c)
{
	int vote = 0;
	for (size_t r = m->body; r < m->t->nrows; r++) {
		const char *s = cell_text(m->t, r, c);
		vote += strstr(s, "收入") && !strstr(s, "支出");
		vote -= strstr(s, "支出") && !strstr(s, "收入");
	}
	return vote;
}

/* Two-sided: returns false when the header shows no income/expenditure split. */
static bool map_two_sided(mapper *m)
{
	table *t = m->t;
	bool income = false, expenditure = false;
	for (size_t c = 0; c < t->ncols; c++) {
		income = income || (m->cols[c].side && strcmp(m->cols[c].side, "income") == 0);
		expenditure = expenditure || (m->cols[c].side && strcmp(m->cols[c].side, "expenditure") == 0);
	}
	/* Each side opens with a list of labels; a column that opens one. */
	bool *opens = arena_calloc(m->a, t->ncols + 1, sizeof(bool));
	for (size_t c = 0; c < t->ncols; c++) {
		const colinfo *ci = &m->cols[c];
		bool label = ci->role == ROLE_LABEL || (ci->scol < 0 && ci->role != ROLE_CODE && column_is_text(m, c));
		bool before = c > 0 && (m->cols[c - 1].role == ROLE_LABEL ||
		                        (m->cols[c - 1].scol < 0 && m->cols[c - 1].role != ROLE_CODE &&
		                         column_is_text(m, c - 1)));
		opens[c] = label && !before;
	}
	/* A flat header naming one side only (项目 | 决算数 | 支出项目 | 决算数): a list of
	 * labels with no side word takes its side from its lines (收入 items or 支出 items),
	 * else the side the header does not name. */
	if (income != expenditure) {
		size_t named = 0;
		for (size_t c = 0; c < t->ncols; c++)
			named += opens[c] && m->cols[c].side;
		for (size_t c = 0; c < t->ncols && named; c++) {
			if (!opens[c] || m->cols[c].side)
				continue;
			int vote = side_vote(m, c);
			m->cols[c].side = vote > 0 ? "income" : vote < 0 ? "expenditure" : income ? "expenditure" : "income";
			doc_warn(m->doc, "side_guessed", table_first_page(t), t,
			         "table %s: labels under '%s' (column %zu) read as the %s side, from %s", t->id,
			         m->cols[c].path, c + 1, m->cols[c].side, vote ? "their lines" : "the other side's header");
			income = income || strcmp(m->cols[c].side, "income") == 0;
			expenditure = expenditure || strcmp(m->cols[c].side, "expenditure") == 0;
		}
	}
	/* A header naming neither side (项目 | 金额 | 项目 | 合计 …) of a table claimed as
	 * two-sided: the first two lists of labels are the sides, income left, unless their
	 * lines say the other way round (支出 items left, 收入 items right). */
	if (!income && !expenditure && m->s && m->s->layout == LAYOUT_TWO_SIDED) {
		size_t list[2], nlist = 0;
		for (size_t c = 0; c < t->ncols && nlist < 2; c++)
			if (opens[c])
				list[nlist++] = c;
		if (nlist == 2) {
			int v0 = side_vote(m, list[0]), v1 = side_vote(m, list[1]);
			bool swap = v0 < 0 && v1 > 0;
			m->cols[list[0]].side = swap ? "expenditure" : "income";
			m->cols[list[1]].side = swap ? "income" : "expenditure";
			income = expenditure = true;
			doc_warn(m->doc, "side_guessed", table_first_page(t), t,
			         "table %s: its header names neither side: labels under '%s' (column %zu) read as the "
			         "%s side, under '%s' (column %zu) as the %s side, from %s", t->id,
			         m->cols[list[0]].path, list[0] + 1, m->cols[list[0]].side, m->cols[list[1]].path,
			         list[1] + 1, m->cols[list[1]].side,
			         v0 > 0 || v1 < 0 || swap ? "their lines" : "their order");
		}
	}
	if (!income || !expenditure)
		return false;
	/* A column without a side belongs to the side a column right of it names, up to the
	 * next list of labels (项目 | 收入/预算 | 项目 | 支出/预算: each side opens with its
	 * labels), else to the side on its left. */
	const char *side = "income";
	for (size_t c = 0; c < t->ncols; c++) {
		if (m->cols[c].side) {
			side = m->cols[c].side;
			continue;
		}
		const char *ahead = NULL;
		for (size_t o = c + 1; o < t->ncols && !opens[o] && !ahead; o++)
			ahead = m->cols[o].side;
		if (ahead)
			side = ahead;
		m->cols[c].side = side;
	}
	/* Per side: the first label column keys the rows, or the first text column. */
	static const char *sides[2] = { "income", "expenditure" };
	int labelcol[2] = { -1, -1 };
	for (int s = 0; s < 2; s++) {
		for (size_t c = 0; c < t->ncols; c++) {
			colinfo *ci = &m->cols[c];
			if (strcmp(ci->side, sides[s]) != 0)
				continue;
			if (labelcol[s] < 0 && (ci->role == ROLE_LABEL || (ci->scol < 0 && column_is_text(m, c)))) {
				labelcol[s] = (int)c;
				ci->role = ROLE_LABEL;
			} else if (ci->role == ROLE_LABEL || ci->role == ROLE_CODE) {
				/* The label header merged over two grid columns: the second holds
				   labels only where a row's label cell is cut differently. */
				size_t codes, amounts, texts;
				census(m, c, &codes, &amounts, &texts);
				if (labelcol[s] >= 0 && !codes && !amounts &&
				    strcmp(ci->path, m->cols[labelcol[s]].path) == 0)
					continue;
				/* A second list of lines beside the first (支出用途 beside 功能分类):
				   its columns are values, keyed by the schema where it knows them. */
				ci->role = ROLE_VALUE;
				int fold;
				if (m->s)
					ci->scol = match_column(m->s, unfold_path(m->a, m->s, ci->path, &fold), ci->side,
					                        &ci->depth);
			}
		}
	}
	assign_columns(m, true);
	for (int s = 0; s < 2; s++) {
		size_t first = t->rows.len;
		for (size_t r = m->body; r < t->nrows; r++) {
			if (numbering_row(m, r))
				continue;
			const char *raw = labelcol[s] >= 0 ? cell_text(t, r, (size_t)labelcol[s]) : "";
			for (size_t c = (size_t)(labelcol[s] + 1); labelcol[s] >= 0 && !*squeeze(m->a, raw) && c < t->ncols; c++)
				if (m->cols[c].role == ROLE_LABEL && strcmp(m->cols[c].side, sides[s]) == 0)
					raw = cell_text(t, r, c);
			char *sq = squeeze(m->a, raw);
			if (strcmp(sq, "栏次") == 0)
				continue;
			row *nr = new_row(m, (int)r, raw);
			nr->side = sides[s];
			for (size_t c = 0; c < t->ncols; c++) {
				const colinfo *ci = &m->cols[c];
				if (ci->role != ROLE_VALUE || ci->out < 0 || strcmp(ci->side, sides[s]) != 0)
					continue;
				set_value(m, nr, ci->out, norm_cell_value(m->a, cell_text(t, r, c), t->columns.items[ci->out].text), (long)r, c);
			}
			if (!nr->label && row_values_blank(nr, t, true)) {
				t->rows.len--;
				m->raw_labels.len--;
				continue;
			}
			if (t->rows.len >= first + 2)
				merge_wrapped(m, first, true);
		}
		rank_lines(m, first, false);
		rank_lines(m, first, true);
	}
	return true;
}

/*
 * The column of row r's 合计 label in the block of columns [start, end), or
 * SIZE_MAX.  A total's label centred across the block's code and name columns
 * can come to lie in its amount column (公用经费合计 over 科目名称 | 决算数):
 * words that are no amount there are the label too.
 */
static size_t block_total_label(mapper *m, size_t r, size_t start, size_t end, const char **text)
{
	for (size_t c = start; c < end; c++) {
		const char *sq = cell_sq(m, r, c);
		if (!*sq || all_digits(sq))
			continue;
		/* The label cut at a column border (人员经费 | 合计, a page's rows laid on the
		   columns of the page before): its pieces in the cells after it, up to an amount. */
		const char *label = cell_text(m->t, r, c);
		for (size_t o = c + 1; o < end && !is_total_label(squeeze(m->a, label)) && m->cols[c].role != ROLE_VALUE;
		     o++) {
			const char *piece = cell_sq(m, r, o);
			decimal d;
			if (!*piece || norm_amount(piece, &d) != AMOUNT_NOT)
				break;
			label = arena_printf(m->a, "%s%s", label, cell_text(m->t, r, o));
		}
		if (text)
			*text = label;
		if (m->cols[c].role != ROLE_VALUE || is_total_label(squeeze(m->a, label)))
			return is_total_label(squeeze(m->a, label)) ? c : SIZE_MAX;
	}
	return SIZE_MAX;
}

/* Side-by-side blocks (基本支出明细): returns false when fewer than two blocks. */
/*
 * A block whose coded rows all belong by their codes to one group of the
 * schema (<group codes>: 人员经费 lists 301 and 303, 公用经费 302, 310 …)
 * other than the one its header was read as (a group title over the wrong
 * blocks), or the one its header names none for, is that group's (warning
 * group_by_codes).  Two coded rows at least; a code goes to the group with
 * its longest prefix.
 */
static void regroup_blocks(mapper *m, const size_t *starts, size_t nblocks)
{
	table *t = m->t;
	const schema *s = m->s;
	for (size_t b = 0; b < nblocks && s->groups.len; b++) {
		size_t end = b + 1 < nblocks ? starts[b + 1] : t->ncols, coded = 0;
		long vote = -1;
		bool one = true;
		for (size_t r = m->body; r < t->nrows && one; r++) {
			const char *code = cell_sq(m, r, starts[b]);
			if (!all_digits(code) || strlen(code) < 3)
				continue;
			long best = -1;
			size_t best_len = 0;
			for (size_t g = 0; g < s->groups.len; g++)
				for (size_t k = 0; k < s->groups.items[g].codes.len; k++) {
					const char *p = s->groups.items[g].codes.items[k];
					size_t n = strlen(p);
					if (n > best_len && strncmp(code, p, n) == 0) {
						best = (long)g;
						best_len = n;
					}
				}
			one = best >= 0 && (vote < 0 || vote == best);
			vote = best;
			coded++;
		}
		const char *key = one && vote >= 0 && coded >= 2 ? s->groups.items[vote].key : NULL;
		if (!key || m->cols[starts[b]].group == key)
			continue;
		const char *was = m->cols[starts[b]].group;
		doc_warn(m->doc, "group_by_codes", table_first_page(t), t,
		         "table %s: the rows of block %zu (codes from %s) are listed under %s by their codes%s%s%s", t->id,
		         b + 1, cell_sq(m, m->body, starts[b]), key, was ? ", not under " : " (its header names no group)",
		         was ? was : "", was ? " as its header was read" : "");
		for (size_t c = starts[b]; c < end; c++)
			m->cols[c].group = key;
	}
}

/*
 * Blocks print the same columns: a block whose one amount column has a header
 * no pattern names (决算数 cut over two header lines, 决算 | 数) takes the key
 * the other blocks' one amount column has, when they all have the same one.
 */
static void block_value_keys(mapper *m, const size_t *starts, size_t nblocks)
{
	table *t = m->t;
	int shared = -1;
	size_t lone[16];
	for (size_t b = 0; b < nblocks; b++) {
		size_t end = b + 1 < nblocks ? starts[b + 1] : t->ncols, n = 0;
		lone[b] = SIZE_MAX;
		for (size_t c = starts[b]; c < end; c++)
			if (m->cols[c].role == ROLE_VALUE) {
				lone[b] = c;
				n++;
			}
		if (n != 1) {
			lone[b] = SIZE_MAX;
			if (n)
				return;
			continue;
		}
		int sc = m->cols[lone[b]].scol;
		if (sc >= 0 && shared >= 0 && sc != shared)
			return;
		if (sc >= 0)
			shared = sc;
	}
	if (shared < 0 || m->s->columns.items[shared].type == TYPE_TEXT)
		return;
	for (size_t b = 0; b < nblocks; b++) {
		if (lone[b] == SIZE_MAX || m->cols[lone[b]].scol >= 0)
			continue;
		m->cols[lone[b]].scol = shared;
		doc_warn(m->doc, "column_by_block", table_first_page(t), t,
		         "table %s: column '%s', a header no pattern names, is the one amount column of its "
		         "block: keyed %s as the other blocks' amount columns are",
		         t->id ? t->id : "?", m->paths[lone[b]] ? m->paths[lone[b]] : "",
		         m->s->columns.items[shared].key);
	}
}

static bool map_blocks(mapper *m)
{
	table *t = m->t;
	size_t starts[16], nblocks = code_columns(m, starts, 16);
	if (nblocks < 2)
		return false;
	regroup_blocks(m, starts, nblocks);
	block_value_keys(m, starts, nblocks);
	/* Output columns: the schema keys of the amount columns, once each. */
	for (size_t c = 0; c < t->ncols; c++) {
		colinfo *ci = &m->cols[c];
		if (ci->role != ROLE_VALUE)
			continue;
		const char *key = ci->scol >= 0 ? m->s->columns.items[ci->scol].key : own_key(m, c, true);
		ci->out = out_column(m, c, key, column_is_text(m, c));
	}
	const char *groups[16];
	size_t ngroups = 0;
	for (size_t b = 0; b < nblocks; b++) {
		const char *g = m->cols[starts[b]].group;
		bool seen = false;
		for (size_t i = 0; i < ngroups; i++)
			seen = seen || groups[i] == g;
		if (!seen)
			groups[ngroups++] = g;
	}
	/* Which (row, block) pairs a 合计 row consumed. */
	bool *used = arena_calloc(m->a, t->nrows * nblocks, 1);
	typedef struct pending {
		size_t r, block, value_col;
	} pending;
	VEC(pending) totals = { 0 };
	for (size_t r = m->body; r < t->nrows; r++) {
		if (numbering_row(m, r))
			continue;
		for (size_t b = 0; b < nblocks; b++) {
			size_t end = b + 1 < nblocks ? starts[b + 1] : t->ncols;
			size_t lc = block_total_label(m, r, starts[b], end, NULL);
			if (lc == SIZE_MAX)
				continue;
			/* Its amount: in its own block, else the first amount to its right. */
			size_t vc = SIZE_MAX;
			for (size_t c = starts[b]; c < t->ncols && vc == SIZE_MAX; c++) {
				if (m->cols[c].role != ROLE_VALUE || !*cell_sq(m, r, c) || c == lc)
					continue;
				vc = c;
			}
			if (vc == SIZE_MAX)
				vc = end - 1;
			for (size_t b2 = b; b2 < nblocks && starts[b2] <= vc; b2++)
				used[r * nblocks + b2] = true;
			pending *p = VEC_PUSH(m->a, &totals);
			p->r = r;
			p->block = b;
			p->value_col = vc;
		}
	}
	for (size_t g = 0; g < ngroups; g++) {
		for (size_t b = 0; b < nblocks; b++) {
			if (m->cols[starts[b]].group != groups[g])
				continue;
			size_t end = b + 1 < nblocks ? starts[b + 1] : t->ncols;
			for (size_t r = m->body; r < t->nrows; r++) {
				if (used[r * nblocks + b] || numbering_row(m, r))
					continue;
				const char *code = cell_sq(m, r, starts[b]);
				const char *label = "";
				for (size_t c = starts[b] + 1; c < end && !*label; c++)
					if (m->cols[c].role == ROLE_LABEL)
						label = cell_text(t, r, c);
				/* A code cell holding the name too ("31007 信息网络及软件购置更新",
				   the grid joining the two columns): the code is split off. */
				const char *split = NULL;
				if (!all_digits(code) && *code && !*label) {
					label = cell_text(t, r, starts[b]);
					const char *rest;
					split = norm_split_code(m->a, label, &rest);
					if (split)
						label = rest;
				}
				row *nr = new_row(m, (int)r, label);
				nr->group = groups[g];
				if (all_digits(code))
					set_code(nr, m->a, code);
				else if (split)
					set_code(nr, m->a, split);
				for (size_t c = starts[b]; c < end; c++)
					if (m->cols[c].role == ROLE_VALUE && m->cols[c].out >= 0)
						nr->values[m->cols[c].out] =
							norm_cell_value(m->a, cell_text(t, r, c), t->columns.items[m->cols[c].out].text);
				if (!nr->code && !nr->label && row_values_blank(nr, t, false)) {
					t->rows.len--;
					m->raw_labels.len--;
				}
			}
		}
		for (size_t i = 0; i < totals.len; i++) {
			pending *p = &totals.items[i];
			if (m->cols[starts[p->block]].group != groups[g])
				continue;
			size_t end = p->block + 1 < nblocks ? starts[p->block + 1] : t->ncols;
			const char *label = NULL;
			block_total_label(m, p->r, starts[p->block], end, &label);
			row *nr = new_row(m, (int)p->r, label);
			nr->group = groups[g];
			size_t vc = p->value_col;
			/* The amount lands on the key of the total's own block. */
			int out = -1;
			for (size_t c = starts[p->block]; c < end && out < 0; c++)
				if (m->cols[c].role == ROLE_VALUE)
					out = m->cols[c].out;
			if (out < 0)
				out = m->cols[vc].out;
			if (out >= 0)
				nr->values[out] = norm_cell_value(m->a, cell_text(t, p->r, vc), false);
		}
	}
	return true;
}

/* ---- header extent ---------------------------------------------------- */

/* A cell a body row starts with: an ordinal item (一、…), 合计/总计, a code. */
static bool body_label(arena *a, const char *text)
{
	char *s = squeeze(a, text);
	if (strcmp(s, "合计") == 0 || strcmp(s, "总计") == 0)
		return true;
	size_t i = 0;
	while (is_digit(s[i]))
		i++;
	if (norm_is_code(s, i))
		return true;
	int ordinal = 0;
	bool subrow = false;
	map_label_key(a, text, &ordinal, &subrow);
	return ordinal > 0;
}

/* Every printed cell of row r reads as a body label (and one at least); but not a row whose
   first cell is covered by a cell from the row above (科目名称 spanning the header's rows, 合计
   under 本年支出 beside it): a header row. */
static bool body_like_row(const mapper *m, size_t r)
{
	size_t seen = 0;
	size_t first = m->numbered;
	if (first < m->t->ncols && r > 0 && m->owner[r * m->t->ncols + first] == m->owner[(r - 1) * m->t->ncols + first] &&
	    m->owner[r * m->t->ncols + first]->text && *m->owner[r * m->t->ncols + first]->text)
		return false;
	for (size_t c = m->numbered; c < m->t->ncols; c++) {
		const char *s = table_cell(m->t, r, c)->text;
		if (!s || !*squeeze(m->a, s))
			continue;
		if (!body_label(m->a, s))
			return false;
		seen++;
	}
	return seen > 0;
}

/* 0: nothing printed, 1: text, 2: an amount or a code somewhere. */
static int row_content(const mapper *m, size_t r)
{
	int k = 0;
	for (size_t c = m->numbered; c < m->t->ncols; c++) {
		const char *s = cell_sq(m, r, c);
		if (!*s)
			continue;
		decimal d;
		enum amount_kind ak = norm_amount(s, &d);
		size_t i = 0;
		while (is_digit(s[i]))
			i++;
		if (ak == AMOUNT_NUMBER || ak == AMOUNT_PERCENT || norm_is_code(s, i))
			return 2;
		if (ak != AMOUNT_NULL)
			k = 1;
	}
	return k;
}

/* Column of the first printed cell of row r (ncols when none). */
static size_t first_printed(const mapper *m, size_t r)
{
	for (size_t c = 0; c < m->t->ncols; c++)
		if (*squeeze(m->a, cell_text(m->t, r, c)))
			return c;
	return m->t->ncols;
}

/* Does row r print, after its opening label, a word that is no body label (基本支出)? */
static bool words_after_label(const mapper *m, size_t r)
{
	for (size_t c = first_printed(m, r) + 1; c < m->t->ncols; c++) {
		const char *s = cell_text(m->t, r, c);
		if (*squeeze(m->a, s) && !body_label(m->a, s))
			return true;
	}
	return false;
}

/* Row r prints only a note saying the table is empty (本表无数据, 无). */
static bool note_row(const mapper *m, size_t r)
{
	const char *note = NULL;
	for (size_t c = 0; c < m->t->ncols; c++) {
		const char *s = cell_sq(m, r, c);
		if (!*s)
			continue;
		if (note && strcmp(note, s) != 0)
			return false;
		note = s;
	}
	return note && norm_is_empty_note(note);
}

/* Row r prints short words in two cells or more, the first no body label
   unless cells of the lines above reach down beside it: a header line
   (科目编码 | 科目名称 | 小计 | 基本支出, or 合计 | 基本支出 | 项目支出 under
   本年支出 beside 科目编码 and 科目名称 spanning both lines). */
static bool header_words_row(const mapper *m, size_t r)
{
	size_t n = 0;
	bool spanned = false;
	const cell *last = NULL;
	for (size_t c = 0; c < m->t->ncols; c++) {
		const char *s = cell_sq(m, r, c);
		const cell *o = m->owner[r * m->t->ncols + c];
		spanned = spanned || (!n && r > 0 && o == m->owner[(r - 1) * m->t->ncols + c] && o->text && *o->text);
		if (!*s || o == last)
			continue;
		last = o;
		if (norm_char_count(s) > 12 || (!n && !spanned && body_label(m->a, s)) || norm_is_empty_note(s))
			return false;
		n++;
	}
	return n >= 2;
}

/*
 * Where the body starts, for tables printed blank (templates, a department
 * with nothing to report), whose header the grid stage can only guess:
 *   - a header row after the first whose every cell is a body label
 *     (一、… / 合计 / a code) starts the body instead;
 *   - (a first column headed 序号 is left out: its 1, 2, 3 are no amounts)
 *   - when nothing below the header holds an amount, header-like text rows
 *     followed only by blank rows are header too (三公: 预算数 决算数 …);
 *     a 合计 row printing the last header level beside its label (合计 |
 *     基本支出 | 项目支出 under 本年支出) is header without its label.
 * When the extent changes, the column paths are read again over it.
 */
static void find_body(mapper *m)
{
	table *t = m->t;
	size_t h = m->body, opening = SIZE_MAX;
	m->numbered = t->nrows && t->ncols && strcmp(squeeze(m->a, owner_text(m, 0, 0)), "序号") == 0;
	for (size_t r = 1; r < h; r++) {
		if (body_like_row(m, r)) {
			h = r;
			break;
		}
	}
	if (h == m->body) {
		size_t r = h, last = h;
		for (; r < t->nrows; r++) {
			int k = row_content(m, r);
			if (k == 2 || (k == 1 && body_like_row(m, r)))
				break;
			if (k == 1)
				last = r + 1;
		}
		/* Text rows, then only blank ones (or a blank 合计 row and blank
		 * ones); the last opening with 合计 is the (blank) total row, not
		 * header, unless it also prints the last header level (合计 |
		 * 基本支出 | 项目支出 under 本年支出). */
		bool blank_rest = true;
		for (size_t rr = r; rr < t->nrows && blank_rest; rr++)
			blank_rest = row_content(m, rr) != 2;
		/* Nothing at all under the header (a table printed as its header
		 * alone, maybe with a note row 本表无数据 / 无): the text rows
		 * run to the end, and are header when they print short words in
		 * two cells or more (科目编码 | 科目名称 | 小计 | 基本支出). */
		bool fits = last < t->nrows;
		if (!fits && blank_rest && last > h) {
			size_t end = last;
			while (end > h && note_row(m, end - 1))
				end--;
			fits = end > h && end - h <= 2;
			for (size_t rr = h; rr < end && fits; rr++)
				fits = row_content(m, rr) == 0 || header_words_row(m, rr);
			if (fits)
				last = end;
		}
		if (blank_rest && last > h && fits &&
		    (!body_label(m->a, owner_text(m, last - 1, 0)) || words_after_label(m, last - 1))) {
			h = last;
			opening = body_label(m->a, owner_text(m, last - 1, 0)) ? last - 1 : SIZE_MAX;
		}
	}
	if (h == m->body)
		return;
	m->body = h;
	sbuf path = SBUF_INIT;
	for (size_t c = 0; c < t->ncols; c++) {
		sbuf_reset(&path);
		const cell *last = NULL;
		for (size_t r = 0; r < h; r++) {
			const cell *o = m->owner[r * t->ncols + c];
			if (o == last || !o->text ||
			    (r == opening && first_printed(m, r) < t->ncols &&
			     o == m->owner[r * t->ncols + first_printed(m, r)]))
				continue;
			last = o;
			char *seg = squeeze(m->a, o->text);
			if (!*seg)
				continue;
			if (path.len)
				sbuf_addch(&path, '/');
			sbuf_addstr(&path, seg);
		}
		m->paths[c] = arena_strdup(m->a, path.buf);
	}
	sbuf_release(&path);
}

/*
 * A header level naming the document's year (2026年预算数) reads as 本年…,
 * the year before (2025年预算数) as 上年…, so the schema's words match.
 */
static char *year_relative(arena *a, char *path, int year)
{
	if (year < 1000 || year > 9999)
		return path;
	char cur[16], prev[16];
	snprintf(cur, sizeof cur, "%d年", year);
	snprintf(prev, sizeof prev, "%d年", year - 1);
	sbuf b = SBUF_INIT;
	const char *p = path;
	while (true) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		size_t cl = strlen(cur);
		bool is_cur = len > cl && strncmp(p, cur, cl) == 0;
		bool is_prev = len > cl && strncmp(p, prev, cl) == 0;
		if (b.len || p != path)
			sbuf_addch(&b, '/');
		if (is_cur || is_prev) {
			sbuf_addstr(&b, is_cur ? "本年" : "上年");
			sbuf_add(&b, p + cl, len - cl);
		} else {
			sbuf_add(&b, p, len);
		}
		if (!slash)
			break;
		p = slash + 1;
	}
	char *r = arena_strdup(a, b.buf);
	sbuf_release(&b);
	return r;
}

/* ---- driver ----------------------------------------------------------- */

/* The note a table printed empty carries: in its cells, else a paragraph on its last page that no
   table before it took (two empty tables on a page, each over its note). */
static const char *empty_note(const document *doc, const table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		if (t->cells[i].text && norm_is_empty_note(t->cells[i].text))
			return t->cells[i].text;
	int last = t->parts.len ? t->parts.items[t->parts.len - 1].page : 0;
	const char *first = NULL;
	for (size_t b = 0; b < doc->blocks.len; b++) {
		const char *note = doc->blocks.items[b].text;
		if (doc->blocks.items[b].page != last || !norm_is_empty_note(note))
			continue;
		bool taken = false;
		for (size_t i = 0; i < doc->tables.len && doc->tables.items[i] != t && !taken; i++)
			taken = doc->tables.items[i]->empty_note == note;
		if (!taken)
			return note;
		first = first ? first : note;
	}
	return first;
}

/*
 * A table printing no amount keeps the note saying why (本表无数据, 无此项
 * 支出), for the warning.  Printed empty with such a note (a header, a
 * blank 合计 row, blank lines) it has no rows: when no row holds a value,
 * a code or a label other than 合计/总计, the note itself (a row 无) or a
 * fold's (三公 决算: 预算数 / 决算数 rows, all blank).
 * A blank template (coded or
 * labelled rows), or one without such a note, keeps its rows.
 */
static bool fold_label(const schema *s, const char *label)
{
	for (size_t f = 0; f < s->folds.len; f++)
		if (strcmp(s->folds.items[f].label, label) == 0)
			return true;
	return false;
}

static void read_empty(const document *doc, table *t, const schema *s)
{
	for (size_t i = 0; i < t->rows.len; i++)
		for (size_t k = 0; k < t->columns.len; k++)
			if (t->rows.items[i].values[k].kind == VALUE_NUMBER)
				return;
	t->empty_note = empty_note(doc, t);
	if (!t->empty_note)
		return;
	for (size_t i = 0; i < t->rows.len; i++) {
		const row *r = &t->rows.items[i];
		if (r->code ||
		    (r->label && !is_total_label(r->label) && !norm_is_empty_note(r->label) && !fold_label(s, r->label)) ||
		    !row_values_blank(r, t, true))
			return;
	}
	t->rows.len = 0;
}

static bool body_blank(const mapper *m, size_t c)
{
	for (size_t r = m->body; r < m->t->nrows; r++)
		if (*squeeze(m->a, cell_text(m->t, r, c)))
			return false;
	return true;
}

/*
 * Unruled tables: a header set off the figures under it (left-aligned or
 * centred over right-aligned amounts, or over a label printed to the left)
 * is read as a column of its own with nothing under it, beside a column of
 * figures with no header (or only the group levels over that header).  The
 * figures take the header.
 */
static void adopt_offset_headers(mapper *m)
{
	table *t = m->t;
	if (t->ruled)
		return;
	for (size_t c = 0; c < t->ncols; c++) {
		if (!*m->cols[c].path || !body_blank(m, c))
			continue;
		size_t nb[2] = { c + 1, c - 1 };
		for (int k = 0; k < 2; k++) {
			if ((k == 1 && c == 0) || nb[k] >= t->ncols)
				continue;
			size_t o = nb[k];
			/* Unheaded: no path, or only the group levels over c's own
			   header (公务用车购置及运行费 over 小计 set off to its left). */
			const char *op = m->cols[o].path, *cp = m->cols[c].path;
			size_t on = strlen(op);
			bool unheaded = !*op || (strncmp(cp, op, on) == 0 && cp[on] == '/');
			if (!unheaded || body_blank(m, o))
				continue;
			m->cols[o].path = m->cols[c].path;
			m->paths[o] = m->paths[c];
			m->cols[c].path = "";
			m->paths[c] = "";
			break;
		}
	}
}

/*
 * Unruled tables: a 合计 printed across both header lines beside a group
 * (基本支出 over 小计, 人员经费, 公用经费) is read under the group when the
 * group's words overrun it: P/合计 beside P/小计, or over P/合计/X.  A group
 * has one total, so that 合计 is the table's (P's level dropped, the
 * levels above P kept) and P/合计/X is P/X.
 */
static void lift_total_header(mapper *m)
{
	table *t = m->t;
	if (t->ruled)
		return;
	for (size_t c = 0; c < t->ncols; c++) {
		const char *path = m->cols[c].path;
		const char *last = last_level(path);
		if (last == path || (strcmp(last, "合计") != 0 && strcmp(last, "总计") != 0))
			continue;
		size_t plen = (size_t)(last - path), n = strlen(path);
		bool sub = false, under = false;
		for (size_t o = 0; o < t->ncols; o++) {
			const char *op = m->cols[o].path;
			if (o == c || strncmp(op, path, plen) != 0)
				continue;
			sub = sub || strcmp(op + plen, "小计") == 0;
			under = under || (strncmp(op, path, n) == 0 && op[n] == '/');
		}
		if (!sub && !under)
			continue;
		for (size_t o = 0; o < t->ncols; o++) {
			const char *op = m->cols[o].path;
			if (o != c && strncmp(op, path, n) == 0 && op[n] == '/')
				m->cols[o].path = arena_printf(m->a, "%.*s%s", (int)plen, path, op + n + 1);
		}
		/* Only the group's level goes: a fold above it (预算数/…) stays. */
		size_t keep = plen - 1;
		while (keep > 0 && path[keep - 1] != '/')
			keep--;
		m->cols[c].path = arena_printf(m->a, "%.*s%s", (int)keep, path, last);
	}
}

/* Maps t onto its schema, the one recognised from its title, header and body;
 * without `claimed` (the first pass) an untitled table is left alone and false
 * returned, to be mapped once the titled tables' claims are known: then a
 * schema another table claimed weighs less (recognise) and the header alone
 * may name one still unclaimed (recognise_by_header). */
static bool map_table(document *doc, table *t, const schema_set *set, const char *const *claimed,
                      size_t nclaimed)
{
	mapper m = { 0 };
	m.doc = doc;
	m.t = t;
	m.a = doc->arena;
	m.body = t->header_rows < t->nrows ? t->header_rows : t->nrows;
	m.cols = arena_calloc(m.a, t->ncols ? t->ncols : 1, sizeof(colinfo));
	m.paths = arena_calloc(m.a, t->ncols ? t->ncols : 1, sizeof(char *));
	size_t slots = t->nrows * t->ncols;
	m.sq = arena_calloc(m.a, slots ? slots : 1, sizeof(char *));
	m.numbering = arena_alloc(m.a, t->nrows ? t->nrows : 1);
	memset(m.numbering, -1, t->nrows ? t->nrows : 1);
	find_owners(&m);
	for (size_t c = 0; c < t->ncols; c++)
		m.paths[c] = t->paths && t->paths[c] ? t->paths[c] : "";
	find_body(&m);
	for (size_t c = 0; c < t->ncols; c++)
		m.cols[c].path = unwrap_levels(m.a, set, year_relative(m.a, map_path_key(m.a, m.paths[c]), doc->year));
	adopt_offset_headers(&m);
	lift_total_header(&m);
	t->columns.len = 0;
	t->rows.len = 0;
	t->checks.len = 0;
	t->evidence = NULL;
	bool untitled = !(t->title && *map_title_key(m.a, t->title));
	/* An untitled table waits for the titled ones: their claims weigh on its own. */
	if (set && !claimed && untitled)
		return false;
	evidence ev;
	read_evidence(t, m.cols, m.body, m.a, &ev);
	m.s = set ? recognise(doc, t, set, m.cols, m.body, &ev, m.a) : NULL;
	if (!m.s && set && claimed) {
		const char *tied[2];
		m.s = recognise_by_header(doc, t, set, m.cols, m.body, &ev, claimed, nclaimed, m.a, tied);
		if (m.s)
			t->evidence = "its header and rows: of the schemas of the document's kind no other table claimed "
			              "whose columns it prints, the one its rows, its totals and its place among the "
			              "tables agree with best";
		else if (tied[0])
			doc_warn(doc, "schema_ambiguous", table_first_page(t), t,
			         "table %s has no title, and its header and rows fit %s and %s alike: claimed by neither",
			         t->id, tied[0], tied[1]);
	}
	t->schema = m.s ? m.s->id : NULL;

	if (m.s && m.s->layout == LAYOUT_FORM) {
		perf_map_form(doc, t, m.s);
		map_check_table(doc, t, m.s);
		return true;
	}
	enum schema_layout layout = m.s ? m.s->layout : LAYOUT_TWO_SIDED;
	bool done = false;
	if (layout == LAYOUT_TWO_SIDED) {
		classify_columns(&m, true);
		done = map_two_sided(&m);
		if (!done) {
			t->columns.len = t->rows.len = 0;
			m.raw_labels.len = 0;
		}
	}
	if (!done) {
		classify_columns(&m, false);
		if (layout == LAYOUT_BLOCKS)
			done = map_blocks(&m);
		if (!done) {
			t->columns.len = t->rows.len = 0;
			m.raw_labels.len = 0;
			bool folded = false;
			for (size_t c = 0; c < t->ncols; c++)
				folded = folded || m.cols[c].fold >= 0;
			if (folded)
				inherit_folds(&m);
			if (folded)
				map_folded(&m);
			else
				map_list(&m);
		}
	}
	t->empty_note = NULL;
	if (m.s && m.s->rows != ROWS_NONE)
		read_empty(doc, t, m.s);
	if (m.s)
		map_check_table(doc, t, m.s);
	return true;
}

int map_document(document *doc, const schema_set *set, error *err)
{
	if (!doc) {
		error_set(err, ERROR_INTERNAL, 0, "no document to map");
		return -1;
	}
	/* Tables with a title first; then the untitled ones, their header alone naming
	   one of the schemas still unclaimed. */
	bool *later = calloc(doc->tables.len ? doc->tables.len : 1, sizeof(bool));
	const char **claimed = calloc(doc->tables.len ? doc->tables.len : 1, sizeof(char *));
	if (!later || !claimed)
		abort();
	size_t nclaimed = 0;
	for (size_t i = 0; i < doc->tables.len; i++)
		doc->tables.items[i]->schema = NULL;
	for (size_t i = 0; i < doc->tables.len; i++) {
		later[i] = !map_table(doc, doc->tables.items[i], set, NULL, 0);
		if (!later[i] && doc->tables.items[i]->schema)
			claimed[nclaimed++] = doc->tables.items[i]->schema;
	}
	for (size_t i = 0; i < doc->tables.len; i++)
		if (later[i]) {
			map_table(doc, doc->tables.items[i], set, claimed, nclaimed);
			if (doc->tables.items[i]->schema)
				claimed[nclaimed++] = doc->tables.items[i]->schema;
		}
	free(later);
	free(claimed);
	doc->document_checks.len = 0;
	if (set)
		map_check_document(doc, set);
	map_report_doubts(doc, set);
	return 0;
}
