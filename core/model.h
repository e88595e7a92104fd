/*
 * model: the one document model handed from stage to stage.
 *
 *   document ─┬─ pages ── glyphs, rulings, lines      (extract: pdf; layout)
 *             ├─ blocks (headings, paragraphs)         (layout; text/html inputs)
 *             ├─ tables ── printed grid of cells       (tables; text/html inputs)
 *             │           └─ columns, rows, checks     (map)
 *             ├─ document_checks                       (map)
 *             └─ warnings                              (every stage)
 *
 * Each stage reads what the one before produced and adds its own layer; no
 * stage reaches back into a PDF or HTML library.  Everything lives in the
 * document's arena and dies with doc_free().  Coordinates are PDF points with
 * the origin at the page's top-left corner, y growing downwards.
 */
#ifndef DX_MODEL_H
#define DX_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/decimal.h"

/* A growable array whose storage lives in an arena. */
#define VEC(T) struct { T *items; size_t len, cap; }
#define VEC_PUSH(a, v)                                                              \
	((v)->len == (v)->cap                                                           \
	     ? (void)((v)->items = arena_grow((a), (v)->items, (v)->cap,                \
	                                      (v)->cap ? (v)->cap * 2 : 8,              \
	                                      sizeof(*(v)->items)),                     \
	              (v)->cap = (v)->cap ? (v)->cap * 2 : 8)                           \
	     : (void)0,                                                                 \
	 &(v)->items[(v)->len++])

typedef struct box {
	double x0, y0, x1, y1;
} box;

enum glyph_flags {
	GLYPH_BOLD = 1,
	GLYPH_SPACE = 2,   /* a space the PDF drew or poppler inferred */
	GLYPH_OCR = 4,     /* recognised in the page's picture (extract/ocr.c), not printed text */
	GLYPH_SPACE_AFTER = 8, /* a GLYPH_SPACE follows it in the content's order */
};

typedef struct glyph {
	uint32_t cp;
	float x0, y0, x1, y1;
	float size;
	uint8_t flags;
	uint8_t conf; /* GLYPH_OCR: the recogniser's confidence, 0..100 */
} glyph;

/* An axis-aligned ruling line: horizontal when y0 == y1, vertical when x0 == x1. */
typedef struct ruling {
	float x0, y0, x1, y1;
} ruling;

/* A line of text on a page: glyphs on one baseline, in reading order. */
typedef struct textline {
	box bb;
	size_t first, count; /* glyph range in page->glyphs */
	char *text;          /* UTF-8, inner gaps as spaces */
	float size;          /* dominant font size */
	bool bold;
	bool in_table;       /* claimed by a table */
	bool furniture;      /* page header, footer or page number */
} textline;

typedef struct page {
	int number; /* 1-based */
	double width, height; /* in reading orientation */
	int turn;             /* quarter turns the page is displayed with (0, 90, 270): undone */
	VEC(glyph) glyphs;
	VEC(ruling) rulings;
	VEC(textline) lines;
	bool image_only; /* no text layer on this page */
	bool ocr;        /* image_only, and its glyphs were read by OCR */
	bool failed;     /* could not be read; a warning says why */
} page;

/* A heading, a paragraph, a numbered or bulleted item of a list (its text starts with its
 * number), or a contents page (text 目录, its lines in `entries`). */
enum block_type { BLOCK_HEADING, BLOCK_PARAGRAPH, BLOCK_ITEM, BLOCK_TOC };

typedef struct toc_entry {
	char *text;  /* the entry without its leader dots and page number */
	int level;   /* its numbering's level (norm_heading_level), 0 when unnumbered */
	int page;    /* the page number printed after it, 0 when none */
} toc_entry;

typedef struct block {
	enum block_type type;
	/* headings and items: 1 = 第一部分, 2 = 一、, 3 = （一）, 4 = 1., 5 = (1), 6 = ①;
	 * an unnumbered heading 1 (set larger) or 2 (bold); a bullet item 0 */
	int level;
	char *text;
	int page;
	VEC(toc_entry) entries; /* BLOCK_TOC */
} block;

/*
 * A cell of the printed grid.  A merged cell is held by its top-left slot with
 * its spans; the slots it covers have rowspan = colspan = 0 and text NULL.
 */
typedef struct cell {
	char *text; /* as printed, wrapped lines joined; "" when blank */
	int rowspan, colspan;
	/* its box, spans included, on the page of its row (table_row_page); all 0 when not read off a page */
	float x0, y0, x1, y1;
} cell;

typedef struct table_part {
	int page;
	box bb;
	size_t first_row; /* the grid row this part starts at */
} table_part;

/* A mapped value: an exact number, a null (blank, -, —, /), or text. */
typedef struct value {
	enum { VALUE_NULL, VALUE_NUMBER, VALUE_TEXT } kind;
	uint32_t from; /* 1 + the grid slot (row * ncols + column) it was read from; 0 when unknown */
	decimal number;
	char *text;
} value;

typedef struct column {
	char *key;    /* schema key, or the header path when no schema knows it */
	char *header; /* flattened header path as printed, levels joined by '/' */
	int source;   /* grid column */
	bool text;    /* holds text, not amounts */
	bool measure; /* numbers that are no money amount (a weight, a score): no unit to find */
	bool canonical; /* the key is the schema's, not the header path */
} column;

typedef struct row {
	char *code;   /* digits only, or NULL */
	char *label;  /* normalized item name, or NULL */
	int level;    /* 0 when unknown */
	char *parent; /* parent code, or NULL */
	const char *side;  /* "income" / "expenditure" / NULL */
	const char *group; /* "personnel" / "public" / NULL */
	int ordinal;       /* printed ordinal (五、 → 5), 0 when none */
	bool subrow;       /* printed under 其中： */
	int source;        /* grid row */
	value *values;     /* one per column */
} row;

typedef struct check {
	const char *rule;
	char *row;    /* row key the check is about, or NULL */
	char *column; /* column key, or NULL */
	char *tables; /* document checks: "t01,t02" */
	decimal expected, found, tolerance;
	bool ok;
} check;

typedef struct table {
	char *id; /* t01, t02, … in document order */
	char *title;
	char *number; /* 公开02表, normalized */
	char *entity;
	char *unit;
	VEC(table_part) parts; /* one per page the table spans */
	size_t nrows, ncols;
	cell *cells; /* nrows * ncols, row-major */
	size_t header_rows;
	char **paths; /* ncols flattened header paths */
	bool ruled;   /* every row bounded by drawn rules: a wrapped label stays in its cell */
	/* map layer */
	const char *schema;
	const char *evidence; /* a claim the title did not carry: what it rests on, else NULL */
	const char *empty_note; /* a table printed without values: the note saying so (本表无数据), else NULL */
	VEC(column) columns;
	VEC(row) rows;
	VEC(check) checks;
} table;

/* A figure stated in running text, with what it measures (--facts, map/facts.c). */
typedef struct fact {
	char *measure;        /* the clause words before it: 2024年度收、支总计 */
	const char *subject;  /* what it measures: 收、支总计, 一般公共预算财政拨款支出 */
	const char *relation; /* amount, budget, actual, increase, decrease, share, rate, score, deduction, grade */
	const char *basis;    /* share: of what; rate: of what; increase/decrease: compared with what; or NULL */
	int year;             /* the year its sentence states, 0 when none */
	decimal value;        /* as printed: every printed digit kept (scale) */
	bool has_value;       /* false for a grade */
	char *text;           /* the figure as printed: 3,260.50万元, 良 */
	const char *unit;     /* 万元, 元, %, 分, …; NULL for a grade */
	const char *grade;    /* a grade word (优秀, 良, …), else NULL */
	int block;            /* index in doc->blocks */
	int page;
	size_t start;         /* byte offset in its block's text */
	bool carried;         /* subject taken from the block before or a heading */
	/* the table cells it restates (the best match first; a 收支总表 row it
	   also names second) */
	struct fact_cell {
		const char *table, *row, *side, *column;
		bool ok;
	} cells[2];
	int ncells;
} fact;

/*
 * A doubt the program had: something it guessed, skipped or could not read.
 * `code` is a stable snake_case name listed in the README; `table` the id of
 * the table it is about (NULL for the document).
 */
typedef struct warning {
	const char *code;
	int page;    /* 0 when not about one page */
	char *table; /* table id, or NULL */
	char *message;
} warning;

enum doc_kind { KIND_UNKNOWN, KIND_FINAL_ACCOUNTS, KIND_BUDGET, KIND_PERFORMANCE };
enum text_layer { LAYER_FULL, LAYER_PARTIAL, LAYER_NONE };

typedef struct document {
	arena *arena;
	/* source */
	char *path;
	char sha256[65];
	const char *media; /* pdf, html, text */
	char *producer;
	enum text_layer text_layer;
	/* document */
	enum doc_kind kind;
	int year; /* 0 when unknown */
	char *department;
	char *title;
	VEC(page) pages;
	VEC(block) blocks;
	VEC(table *) tables;
	VEC(check) document_checks;
	VEC(fact) facts;  /* filled only when asked for */
	bool want_facts;
	VEC(warning) warnings;
	/* limits: the grid slots (rows × columns) all tables may hold, 0 for no
	 * limit; the slots held so far; set when a table would have passed it */
	size_t max_cells;
	size_t cells;
	bool over_limit;
} document;

document *doc_new(const char *path);
void doc_free(document *doc);
/* Records a warning; `code` must be a string literal (a stable name), `t` may be NULL. */
void doc_warn(document *doc, const char *code, int page, const table *t, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* The first page a table was printed on (0 when unknown). */
int table_first_page(const table *t);
table *doc_add_table(document *doc, size_t nrows, size_t ncols);
/* Whether a grid of nrows × ncols more slots stays within doc->max_cells;
 * when not, sets doc->over_limit.  Readers ask before building a grid. */
bool doc_cells_fit(document *doc, size_t nrows, size_t ncols);
static inline cell *table_cell(const table *t, size_t r, size_t c)
{
	return &t->cells[r * t->ncols + c];
}
/* The page grid row r was printed on (0 when the table has no pages). */
int table_row_page(const table *t, size_t r);
/* The mapped number sitting on each grid slot (row * ncols + column), from the first row and
 * column that read one there; NULL where none.  A new array the caller frees (free); NULL
 * when the grid is empty or memory runs out. */
const value **table_slot_numbers_new(const table *t);
const char *doc_kind_name(enum doc_kind kind);
const char *text_layer_name(enum text_layer layer);
/* When no page of the document has a text layer and none was read by OCR:
 * why (the ocr_unavailable warning's message: what is missing and how to
 * install it); else NULL.  Such a document holds no text and no tables. */
const char *doc_scan_unread(const document *doc);

#endif
