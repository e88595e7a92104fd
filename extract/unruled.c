/*
 * unruled: tables printed without vertical rulings (only horizontal rules,
 * or none at all), recovered from how their text lines up.
 *
 *   1. Segments.  Each unclaimed line is cut into words at gaps wider than
 *      a third of the font size (the digits of a figure at more than 0.15 of
 *      it, but after a group separator or a decimal point); an amount, a code
 *      or bare digits (one or the other) is always a word of its own, and
 *      neighbouring text words closer than one font size are one segment (a
 *      label with spaces
 *      inside stays whole; in the header half a font size, and never two
 *      words over two columns of the body: the first lines of cells wrapped
 *      in narrow columns, 一般公共预算拨 | 政府性基金预, nearly touch).  Bare digits are a
 *      code (3, 5 or 7 of them) left of a line's first text and an amount
 *      right of it, or right of a code but for two digits (its 款 or 项
 *      part): whole amounts printed without separators; but a year set a
 *      word space after text is part of that text (Q2 2006 – Q1 2010), and
 *      so is a lone dash a word space from text on both sides (a hyphen),
 *      and a figure set close before its unit or measure word (223.80万元,
 *      1家; a count or a date has no decimals: 0.00 | 年末结转 are two words,
 *      and a year four digits: 33000 | 年末结转 too).
 *      Two digits just before a whole code are a number (序号 10 | 208), no
 *      code part.  Four digits or more
 *      ending in a mark (834841. over 19) are an amount wrapped in its cell.
 *   2. Body.  A line with at least two segments, one of them an amount (or
 *      a classification code, or two dashes: amounts left blank), is an
 *      anchor.  Anchors closer than two line heights, with the lines between
 *      them (up to a caption line, a sentence, a title alone on its line,
 *      …表: the next table's, the top of a box drawn round a table, or a
 *      line of three header words or more, no figure, after three rows and a
 *      gap wider by a line height than any between them: the next table's
 *      header set close under this one), form
 *      a table body (and the lines after the last one that carry
 *      on its label — starting where it starts or centred under it, the
 *      line above or, past a line of the row's figures set beside the
 *      label's middle, the one above that — or hold the rest of its
 *      figures wrapped in their cells);
 *      at least two anchors are needed, two printing amounts or three (two
 *      of three figures or dashes each, one of them dashes only: amounts left
 *      blank over a row of totals; one, with three figures or dashes,
 *      or a row of totals with two, under a header; or a code line and the first line of three figures
 *      wrapped round it, set close: one row in narrow cells).  A blank table has no anchor: the rows right under a line
 *      numbering the columns (栏次 1 2 3) are its body, or a lone 合计/总计
 *      row under short header lines (one of them may open with 合计, the
 *      head of a column), with nothing of the table after it: the header
 *      under a title (…表) or caption line, or the row over a note saying
 *      the table is empty (本表无数据: its title left on the page before).
 *      Such a table (found_table.blank) prints one cell in its one row and
 *      is still a table.
 *   3. Header.  Lines just above the body whose segments are all short are
 *      its header, up to a caption line (unit, form number, entity, or a
 *      title alone on its line ending in 表), a sentence or the top of a box
 *      drawn round the table, sixteen lines at most; lines between a rule
 *      over them and a rule across the body's first line are header too,
 *      however long their words (the headers of narrow columns wrap
 *      down many lines, staggered when centred).  A line reaching down into the first row, where that row
 *      prints no label, is the row's label wrapped round its figures, as is
 *      one whose words all start where the row's labels start, on its line
 *      or the lines set into it below (一、一般公共预 over 算拨款, the figures
 *      centred between them), or one right of a code of a block beside
 *      another (302 | 商品和服务支/出 | 307440.63; one such label a block,
 *      standing over no figure or code of the row), and a
 *      line of bare figure pieces over the first rows' figures is the first
 *      line of figures wrapped in their cells (418761. over 34): body.
 *   4. Columns.  Body figures (amounts, codes, dashes for blank amounts)
 *      are projected onto the x axis: overlapping extents form one column.
 *      Body text then widens the one column it meets or opens its own (a
 *      label column; widest first, and texts naming a total (合计, 总计)
 *      after all others: 人员经费合计 across the codes and the names meets
 *      both, and the table's outer columns reach out to take it), but a
 *      text meeting several columns (a 合计 label
 *      spanning them), or alone over its extent in the gap between two
 *      columns of figures (合计 centred across 类 款 项; a 合计 or 总计 so
 *      set right of the labels, or beside one column of figures only:
 *      between the codes and the names), or reaching out of the names'
 *      column towards the codes (a 总计 centred across the code and name
 *      cells), shapes nothing.
 *      A header segment meeting several columns is cut where a word gap
 *      inside it lies in the gutter between two of them (金额 flush right
 *      and 项目 flush left a word space apart), each part two characters at
 *      least.  A header word spaced out across its cell (项   目: two single
 *      characters less than three of their widths apart, over one column
 *      at most, not 类 款 项, nor the tails of two wrapped cells) is one word.
 *      A header line printing as many words as there are split code
 *      columns, between the columns beside their run, names them by rank
 *      (类 款 项 set flush left or right over codes set otherwise).  A header line printing one word a
 *      column, in order, names them all by rank, wherever its words are set
 *      (预算 flush right beside figures centred in a wide cell; warning
 *      header_placed), and so do the header's lowest cells read in order over
 *      its lines when no one line does (小计 购置费 under their title beside
 *      单位名称 合计 公务接待费); words so read standing right of their
 *      columns, none left, set the header flush right.  Header segments are then added from
 *      the lowest header line up: a group title (below) shapes nothing; one
 *      that meets no column heads the column of amounts (or dashes) to its
 *      right when no other header word stands over or before that column (a
 *      header set flush left or centred over right-aligned figures; a group
 *      title above it running on past that column into the next gap is no
 *      such word: 基本支出 over 人员经费 | 公用经费) — or,
 *      when that column has a header word of its own on another line, the
 *      label column to its left if nothing heads that one (科目名称 centred
 *      in a wide label cell; warning header_placed) — else opens a column
 *      (left blank in the body), as does one standing right of a column of
 *      amounts (nothing right of right-aligned figures is theirs) — but one
 *      right of a column of whole codes that nothing heads, nearer to it than
 *      to the next column, heads the codes (科目编码 centred in a wide cell
 *      over short codes set flush left), and in a header set flush right one
 *      heads the nearest column left of it that nothing heads, where no
 *      amounts stand on either side (序号 类 款 项 ending just short of the
 *      next cell's codes set flush left); one that meets a single column
 *      widens it (or stands just beside one printing in the body: the tail
 *      of a wrapped header; beside a column blank in the body it opens its
 *      own), one that meets several spans them
 *      and shapes nothing.  Borders go half-way between
 *      neighbouring columns, or where a rule across part of the table ends
 *      between them.
 *   5. Rows.  Horizontal rules across the table (not ink lying within one
 *      segment of text, the tops of tightly set digits), when they separate its
 *      anchors, are the row borders (a line with a code and no figure sharing
 *      a band with the next anchor is a wrapped label's first line, and need
 *      not be separated from it when the other anchors are, one such line
 *      to a band at most).  Otherwise each anchor (or body line
 *      printing a dash beside its text) starts a row, a
 *      text line within 0.6 of the row pitch (the smallest gap between
 *      anchors of a line's height or more: rows printing no figure leave wider gaps) of an anchor, or sharing much
 *      of its height, belongs to it (a wrapped label, with the amounts
 *      centred beside it), as do the lines of bare figure pieces over it, set
 *      closer to it than to the row before (the first lines of figures
 *      wrapped in their cells: 1669 over 50.0 over 0), and any other line is a row of its own.
 *      A line with a whole code and no figure, then lines of its label stacked
 *      tight down to a line of figures with no code where it prints its own
 *      (a row's number 序号 11, or a figure read as a code for want of text
 *      before it, is none; figures over the next row's code line are that
 *      row's, wrapped round it) (the label wrapped round
 *      the figures set beside its middle: 2010102 一 | 般行政管理 336,414.23 |
 *      事务), is no anchor: it leads that row, with as many text lines under
 *      the figures as over them, when their text carries on the label in its
 *      own column (not in the code's column, when the name has one); borders
 *      lie half-way between rows.  A row's cell left holding figures one
 *      above another that do not read as one figure wrapped there is a
 *      doubt (warning figures_stacked).  The header's borders come from its cells
 *      column by column: a header segment joined with the wrapped lines
 *      under it is one cell, and two cells stacked in a column get a border
 *      between them there, so a cell centred across header rows spans them.
 *      A header segment centred over columns that the lines below fill
 *      separately, with no cell of those columns set beside it (序号
 *      centred across the rows of 项目 and 科目编码), is a group title
 *      spanning them, with a border under it, unless the one column it
 *      stands over is the one they leave empty (合计 centred across rows)
 *      or it tops a word wrapped down its narrow cell a character or two a
 *      line, three lines or more (上 over 级 补 助 收 入); in a header set flush
 *      right (its words end where the figures under them end, but for the
 *      side bearings of CJK glyphs, in most columns, or all of three or more
 *      the same short way past them, or a title of the line
 *      ends where a wider cell under it ends; a word in the gap left of its
 *      figures is set flush left) a title ending
 *      with a column heads the run reaching left to the header text before
 *      it, as far as the cells under it stand clear below it (收入 | 支出)
 *      and no lone cell centred across the title's row and those under it
 *      stands in the run (合计 beside 单位资金 over 事业收入 其他收入): the
 *      header cells right under the title decide.  A line of titles each
 *      starting where a column starts, two columns or more apart, with no
 *      header text above them (收入 … 支出 set flush left over 项目 行次 金额),
 *      is set flush left whatever the cells under them: each heads the run
 *      from its column to the next title; so does a title starting where a
 *      column starts in a header set flush left (its words start where the
 *      labels under them start: 预算 over 合计 … beside 支出项目).  A title
 *      starting where a column starts and reaching well into the columns
 *      after it, centred closely over no run, heads the columns it meets
 *      (公务用车购置及运行费 flush left over 小计 | 购置费 | 运行费; it meets one
 *      whose border it crosses by more than half a character, as text
 *      crossing a border is judged: 功能分类科 over 类 款 项, past the border
 *      before 项 though short of its codes), and a
 *      title under another nests in that one's run or stands clear of it.  Under a
 *      group title, the border under it parts it from the cells below (合计
 *      set lower than the wrapped cells beside it).
 *   6. The borders are drawn as virtual segments, except where a segment of
 *      text crosses them (a header centred over two rows or spanning two
 *      columns; a row border crosses a segment well inside it, not through
 *      the point or two by which glyph boxes of lines set tight overlap) or a partial rule underlines a group title (a header segment
 *      stands over it, centred on it, and header text under it: a rule under
 *      the whole header closes it; a piece of a shaded band's edge with
 *      none over it underlines nothing), and the grid is built exactly like a ruled one
 *      (tables_build_grid), so merged cells come out the same way.
 *   7. A header left alone at the foot of a page, its rows on the next
 *      (unruled_foot_header): the last lines of the page that can sit in a
 *      header, laid on the columns of the rows, one row a line; a segment
 *      covering half of several columns spans them, any other heads the
 *      column it overlaps most.  A header heading more columns than the
 *      rows print (columns they leave blank) is laid on its own columns, its
 *      words but group titles taken together where they overlap, and each
 *      column of the rows goes under the one where its text stands.
 */
#include "extract/unruled.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/sbuf.h"
#include "extract/caption.h"
#include "normalize/number.h"
#include "normalize/text.h"

typedef struct segment {
	double x0, y0, x1, y1;
	bool amount, code, split_code;
	bool integer; /* digits only: an amount or a code by where it stands */
	bool numeral; /* digits and figure marks only (418761. of an amount wrapped in its cell) */
	bool dash;    /* a lone - or —: an amount left blank */
	size_t chars;
} segment;

typedef struct tline {
	const textline *src;
	size_t first, count; /* range in the segment array */
	int amounts, codes;
	int dashes; /* lone dashes: a blank amount */
	bool anchor;
	bool numbering; /* 栏次 1 2 3 … */
	double cy;
} tline;

typedef VEC(segment) segment_vec;
typedef VEC(tline) tline_vec;

typedef struct interval {
	double x0, x1;
} interval;

typedef VEC(interval) interval_vec;

static bool numeric_char(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || cp == ',' || cp == '.' || cp == '-' || cp == '%' || cp == '(' ||
	       cp == ')' || cp == 0xFF0C || cp == 0xFF0E || cp == 0xFF05;
}

/* A line of small integers counting up from 1 (or 栏次 then such numbers). */
static bool numbers_columns(const page *pg, const textline *ln)
{
	int expect = 1, value = -1;
	size_t end = ln->first + ln->count;
	for (size_t i = ln->first; i <= end; i++) {
		const glyph *g = i < end ? &pg->glyphs.items[i] : NULL;
		bool digit = g && g->cp >= '0' && g->cp <= '9';
		bool apart = g && i > ln->first && g->x0 - pg->glyphs.items[i - 1].x1 > g->size * 0.3f;
		if (value >= 0 && (!digit || apart)) {
			if (value != expect)
				return false;
			expect++;
			value = -1;
		}
		if (digit) {
			value = (value < 0 ? 0 : value * 10) + (int)(g->cp - '0');
			if (value > 99)
				return false;
		} else if (g && g->cp != 0x680F && g->cp != 0x6B21) { /* 栏 次 */
			return false;
		}
	}
	return expect > 3;
}

#define YEAR_GAP_EM 0.5 /* a year this close after text (in ems) is part of the text */

/* Cuts a line's glyphs into words, then joins neighbouring text words into segments. */
/* The one column of cols that [x0, x1] meets (cols->len when none or several). */
static size_t one_column(const interval_vec *cols, double x0, double x1)
{
	size_t hit = cols->len, n = 0;
	for (size_t i = 0; i < cols->len; i++)
		if (cols->items[i].x1 >= x0 - 1 && cols->items[i].x0 <= x1 + 1) {
			hit = i;
			n++;
		}
	return n == 1 ? hit : cols->len;
}

static void segment_line(arena *a, const page *pg, const textline *ln, double join, const interval_vec *cols,
                         segment_vec *out, tline *tl)
{
	tl->first = out->len;
	size_t i = ln->first, end = ln->first + ln->count;
	bool have_prev = false;
	segment prev = { 0 };
	while (i < end) {
		const glyph *g0 = &pg->glyphs.items[i];
		double size = g0->size > 0 ? g0->size : 10;
		segment w = { .x0 = g0->x0, .y0 = g0->y0, .x1 = g0->x1, .y1 = g0->y1, .chars = 1 };
		bool numeric = numeric_char(g0->cp);
		size_t digits = g0->cp >= '0' && g0->cp <= '9', marks = g0->cp == ',' || g0->cp == '.' || g0->cp == '%';
		size_t j = i + 1;
		for (; j < end; j++) {
			const glyph *g = &pg->glyphs.items[j];
			bool num = numeric_char(g->cp);
			double gap = g->x0 - w.x1;
			/* Digits of one figure touch; two figures in neighbouring columns
			 * (323.99 | 307) may sit closer than a word gap.  No figure ends in
			 * a group separator or a decimal point: a font may set a wide one
			 * (4, 303, 341; 1877621. 41). */
			uint32_t before = pg->glyphs.items[j - 1].cp;
			bool separator = before == ',' || before == 0xFF0C || before == '.' || before == 0xFF0E;
			if (gap > size * 0.33 || (num != numeric && gap > size * 0.1) ||
			    (num && numeric && !separator && gap > size * 0.15))
				break;
			numeric = numeric && num;
			digits += g->cp >= '0' && g->cp <= '9';
			marks += g->cp == ',' || g->cp == '.' || g->cp == '%';
			if (g->x1 > w.x1) w.x1 = g->x1;
			if (g->y0 < w.y0) w.y0 = g->y0;
			if (g->y1 > w.y1) w.y1 = g->y1;
			w.chars++;
		}
		/* A figure in prose runs on into its unit or measure word (223.80万元, 1家); a
		 * count or a date has no decimals (0.00 | 年末结转和结余 are two cells). */
		bool prose = false;
		if (j < end) {
			const glyph *next = &pg->glyphs.items[j];
			static const uint32_t units[] = { 0x4E07, 0x4EBF, 0x5143, 0x5343, '%', 0xFF05 };
			static const uint32_t counts[] = { 0x5E74, 0x6708, 0x65E5, 0x4E2A, 0x5BB6, 0x4EBA, 0x8F86, 0x9879,
			                                   0x6B21 };
			bool point = false;
			for (size_t k = i; k < j; k++)
				point = point || pg->glyphs.items[k].cp == '.' || pg->glyphs.items[k].cp == 0xFF0E;
			if (next->x0 - w.x1 < size * 0.5) {
				for (size_t u = 0; u < sizeof units / sizeof *units; u++)
					prose = prose || next->cp == units[u];
				for (size_t u = 0; u < sizeof counts / sizeof *counts && !point; u++)
					prose = prose || next->cp == counts[u];
				/* A date's figures are a year's four digits (2024年) or a month's or day's two at
				 * most (3月5日): 33000 | 年末结转和结余 are an amount and the next cell's label. */
				if ((next->cp == 0x5E74 && digits != 4) || ((next->cp == 0x6708 || next->cp == 0x65E5) && digits > 2))
					prose = false;
			}
		}
		/* A list number (1.) ends in its mark; a figure ends in a digit or %. */
		uint32_t last = pg->glyphs.items[j - 1].cp;
		bool ends_well = (last >= '0' && last <= '9') || last == '%' || last == 0xFF05;
		if (numeric && digits && !prose) {
			/* Four digits or more ending in a mark (834841. over 19) are an amount wrapped
			 * in its cell: its first line. */
			bool wrapped = digits >= 4 && (last == '.' || last == ',') && digits + marks == w.chars;
			w.amount = marks > 0 && (ends_well || wrapped);
			/* Classification codes have 3, 5 or 7 digits (2 per split 款/项 part); a year has 4. */
			w.code = !marks && digits == w.chars && (digits == 2 || digits == 3 || digits == 5 || digits == 7);
			w.split_code = w.code && digits == 2;
			w.integer = !marks && digits == w.chars && ends_well;
			w.numeral = true;
		}
		w.dash = w.chars <= 2 && (g0->cp == '-' || g0->cp == 0x2014 || g0->cp == 0x2015) &&
		         pg->glyphs.items[j - 1].cp == g0->cp;
		/* A year set a word space after text is part of it (Q2 2006 – Q1 2010), not an amount. */
		if (w.integer && w.chars == 4 && have_prev && !prev.amount && !prev.code && !prev.integer && !prev.dash &&
		    w.x0 - prev.x1 < size * YEAR_GAP_EM && (g0->cp == '1' || g0->cp == '2'))
			w.integer = w.code = w.numeral = false;
		/* Bare digits are an amount or a code: a word of their own, never part of a label
		 * beside them (0 | 教育支出). */
		bool text = !w.amount && !w.code && !w.integer;
		/* (Header words over two columns of the body are two cells' lines, however close:
		 * 一般公共预算拨 | 政府性基金预 wrapped in narrow cells.) */
		size_t pc = cols ? one_column(cols, prev.x0, prev.x1) : 0, wc = cols ? one_column(cols, w.x0, w.x1) : 0;
		bool apart = cols && pc < cols->len && wc < cols->len && pc != wc;
		if (have_prev && text && !w.dash && !prev.amount && !prev.code && !prev.dash && !prev.integer &&
		    w.x0 - prev.x1 < size * join && !apart) {
			/* A text word close to the text before it: one segment. */
			segment *last = &out->items[out->len - 1];
			last->x1 = w.x1;
			if (w.y0 < last->y0) last->y0 = w.y0;
			if (w.y1 > last->y1) last->y1 = w.y1;
			last->chars += w.chars;
			prev = *last;
		} else {
			*VEC_PUSH(a, out) = w;
			prev = w;
			have_prev = true;
		}
		i = j;
	}
	/* A lone dash between two text words, a word space from each (Gross wealth - end of
	 * 2007), is a hyphen in a label, not an amount left blank: one text segment. */
	size_t kept = tl->first;
	for (size_t k = tl->first; k < out->len; k++) {
		segment *s = &out->items[k];
		segment *before = kept > tl->first ? &out->items[kept - 1] : NULL;
		const segment *after = k + 1 < out->len ? &out->items[k + 1] : NULL;
		double size = ln->size > 0 ? ln->size : 10;
		bool text_before = before && !before->amount && !before->code && !before->integer && !before->dash;
		bool text_after = after && !after->amount && !after->code && !after->integer && !after->dash;
		if (s->dash && text_before && text_after && s->x0 - before->x1 < size * YEAR_GAP_EM &&
		    after->x0 - s->x1 < size * YEAR_GAP_EM) {
			before->x1 = after->x1;
			before->y0 = fmin(before->y0, fmin(s->y0, after->y0));
			before->y1 = fmax(before->y1, fmax(s->y1, after->y1));
			before->chars += s->chars + after->chars;
			k++;
			continue;
		}
		out->items[kept++] = *s;
	}
	out->len = kept;
	tl->count = out->len - tl->first;
	/* Whole amounts print bare digits like codes: right of the row's label they are amounts
	 * (but for a row numbering the columns). */
	tl->numbering = numbers_columns(pg, ln);
	bool labelled = false, coded = false;
	for (size_t k = tl->first; k < out->len && !tl->numbering; k++) {
		segment *s = &out->items[k];
		/* Two digits before a whole code (a 序号 10 | 208) are no part of it: a number. */
		if (s->split_code && !coded && k + 1 < out->len && out->items[k + 1].code && !out->items[k + 1].split_code)
			s->code = s->split_code = false;
		/* After a code, two digits are the code's 款 or 项 part. */
		if (s->integer && (labelled || (coded && !s->split_code))) {
			s->amount = true;
			s->code = s->split_code = false;
		}
		labelled = labelled || (!s->amount && !s->code && !s->integer);
		coded = coded || s->code;
	}
	tl->amounts = tl->codes = tl->dashes = 0;
	for (size_t k = tl->first; k < out->len; k++) {
		tl->amounts += out->items[k].amount;
		tl->codes += out->items[k].code;
		tl->dashes += out->items[k].dash;
	}
	int split = 0;
	for (size_t k = tl->first; k < out->len; k++)
		split += out->items[k].split_code;
	/* A lone two-digit number is a page number in a contents list, not a code part;
	 * a row numbering the columns (栏次 1 2 3 …) is header, not data. */
	tl->anchor = tl->count >= 2 && (tl->amounts > 0 || tl->dashes >= 2 || tl->codes - split > 0 || split >= 2) && !tl->numbering;
	tl->cy = (ln->bb.y0 + ln->bb.y1) / 2;
}

/* A caption line (form number, unit, entity) bounds a table from above. */
static bool caption_like(arena *a, const textline *ln)
{
	char *number = NULL, *entity = NULL;
	const char *unit = NULL;
	caption_parse(a, ln->text, &number, &unit, &entity);
	return number || unit || entity;
}

/* A line that can sit in a header: every segment short. */
static bool header_like(const tline *tl, const segment_vec *segs)
{
	for (size_t k = tl->first; k < tl->first + tl->count; k++)
		if (segs->items[k].chars > 30)
			return false;
	return tl->count > 0;
}

#define SENTENCE_WORDS 8 /* a line of this many words ending in a full stop is a sentence */

/*
 * A Latin sentence: eight words or more, ending with a full stop after a word,
 * most of its words spelt with letters.  A row of figures wrapped in narrow
 * cells (855535. 31637. over 42 18) ends with a point too, but its words are
 * figures.
 */
static bool latin_sentence(const char *t)
{
	size_t n = strlen(t), words = 0, spelt = 0;
	bool letter = false;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || t[i] == ' ') {
			spelt += letter;
			letter = false;
			continue;
		}
		words += i == 0 || t[i - 1] == ' ';
		letter = letter || isalpha((unsigned char)t[i]);
	}
	return n >= 2 && t[n - 1] == '.' && isalnum((unsigned char)t[n - 2]) && words >= SENTENCE_WORDS &&
	       spelt * 2 > words;
}

/* A line of running text, a note under a table or a contents line ends a table body. */
static bool sentence_like(const tline *tl, const segment_vec *segs)
{
	const char *t = tl->src->text;
	while (*t == ' ')
		t++;
	if (strstr(t, "\xE3\x80\x82") || strncmp(t, "\xE6\xB3\xA8", 3) == 0) /* 。 注 */
		return true;
	/* Dot leaders of a contents page; a comma inside running words. */
	if (strstr(t, "\xE2\x80\xA6\xE2\x80\xA6") || strstr(t, "....") || strstr(t, "\xC2\xB7\xC2\xB7"))
		return true;
	for (size_t k = tl->first; k < tl->first + tl->count; k++)
		if (segs->items[k].chars > 40)
			return true;
	const char *comma = strstr(t, "\xEF\xBC\x8C"); /* ， */
	return (comma && comma - t > 12) || latin_sentence(t);
}


static int cmp_interval(const void *pa, const void *pb)
{
	const interval *a = pa, *b = pb;
	return (a->x0 > b->x0) - (a->x0 < b->x0);
}

/* Adds [x0, x1] to the disjoint sorted columns, merging what it overlaps. */
static void add_column(arena *a, interval_vec *cols, double x0, double x1)
{
	size_t out = 0;
	for (size_t i = 0; i < cols->len; i++) {
		interval c = cols->items[i];
		if (c.x1 >= x0 - 1 && c.x0 <= x1 + 1) {
			if (c.x0 < x0) x0 = c.x0;
			if (c.x1 > x1) x1 = c.x1;
		} else {
			cols->items[out++] = c;
		}
	}
	cols->len = out;
	*VEC_PUSH(a, cols) = (interval){ x0, x1 };
	qsort(cols->items, cols->len, sizeof(interval), cmp_interval);
}

/*
 * Adds a header segment's extent to the one column it meets (or as a new
 * column), never past the neighbours: header text is often wider than the
 * figures under it, and must not join two columns.
 */
static void widen_column(arena *a, interval_vec *cols, double x0, double x1, double snap)
{
	size_t hit = cols->len;
	for (size_t i = 0; i < cols->len; i++)
		if (cols->items[i].x1 >= x0 - 1 && cols->items[i].x0 <= x1 + 1)
			hit = i;
	/* A header word just beside a column (a centred 栏次 number or the one-character
	 * tail of a wrapped header beside right-aligned figures) belongs to it. */
	for (size_t i = 0; i < cols->len && hit == cols->len; i++)
		if (cols->items[i].x1 >= x0 - snap && cols->items[i].x0 <= x1 + snap)
			hit = i;
	if (hit == cols->len) {
		add_column(a, cols, x0, x1);
		return;
	}
	interval *c = &cols->items[hit];
	double lo = hit > 0 ? cols->items[hit - 1].x1 + 2 : -1e9;
	double hi = hit + 1 < cols->len ? cols->items[hit + 1].x0 - 2 : 1e9;
	if (x0 < c->x0)
		c->x0 = x0 > lo ? x0 : lo;
	if (x1 > c->x1)
		c->x1 = x1 < hi ? x1 : hi;
}

static size_t columns_met(const interval_vec *cols, double x0, double x1)
{
	size_t n = 0;
	for (size_t i = 0; i < cols->len; i++)
		n += cols->items[i].x1 >= x0 - 1 && cols->items[i].x0 <= x1 + 1;
	return n;
}

/* Whether a header word of a line below l (before body) stands under s: s is then no lowest cell. */
static bool word_under(const tline *L, size_t l, size_t body, const segment_vec *segs, const segment *s)
{
	for (size_t o = l + 1; o < body; o++)
		for (size_t q = L[o].first; q < L[o].first + L[o].count && !L[o].numbering; q++)
			if (segs->items[q].x0 < s->x1 + 1 && segs->items[q].x1 > s->x0 - 1)
				return true;
	return false;
}

/* The topmost header segment but k in column q starting below y. */
static const segment *top_under(const interval_vec *cols, const tline *L, size_t from, size_t body, size_t k,
                                const segment_vec *segs, size_t q, double y)
{
	const segment *top = NULL;
	for (size_t o = from; o < body; o++)
		for (size_t m = L[o].first; m < L[o].first + L[o].count && !L[o].numbering; m++) {
			const segment *b = &segs->items[m];
			if (m != k && b->y0 >= y && b->x1 > cols->items[q].x0 - 1 && b->x0 < cols->items[q].x1 + 1 &&
			    (!top || b->y0 < top->y0))
				top = b;
		}
	return top;
}

/*
 * The header cell of column q topmost under y but segment k: its first
 * segment joined with the lines wrapped closely under it.  *cy is its middle;
 * *lone tells whether nothing else of the header stands under it there.
 */
static bool cell_under(const interval_vec *cols, const tline *L, size_t from, size_t body, size_t k,
                       const segment_vec *segs, size_t q, double y, double *cy, bool *lone)
{
	const segment *o = top_under(cols, L, from, body, k, segs, q, y);
	if (!o)
		return false;
	double y0 = o->y0, y1 = o->y1, h = o->y1 - o->y0;
	const segment *n;
	while ((n = top_under(cols, L, from, body, k, segs, q, y1 - 0.5)) && n->y0 - y1 < h * 0.4)
		y1 = n->y1;
	*cy = (y0 + y1) / 2;
	*lone = n == NULL;
	return true;
}

/*
 * Does a header cell beside title k stand in columns i..e?  Cells left alone
 * under a title reach down to the body, so a cell centred in the header
 * rows right under it has its middle below half-way between the title's
 * middle and the header's foot; a cell centred across the title's row and
 * those under it (合计 beside 单位资金 over 事业收入 其他收入) has its middle
 * above that, and above the cells under the title in its own columns.
 */
static bool cell_beside(const interval_vec *cols, const tline *L, size_t from, size_t body, size_t k,
                        const segment_vec *segs, size_t i, size_t e)
{
	const segment *s = &segs->items[k];
	double h = s->y1 - s->y0, foot = -1e9, own = 1e9, cy;
	bool lone;
	for (size_t o = from; o < body; o++)
		for (size_t m = L[o].first; m < L[o].first + L[o].count && !L[o].numbering; m++)
			if (segs->items[m].y1 > foot)
				foot = segs->items[m].y1;
	foot = (foot + L[body].src->bb.y0) / 2;
	for (size_t q = i; q <= e; q++)
		if (s->x1 > cols->items[q].x0 - 1 && s->x0 < cols->items[q].x1 + 1 &&
		    cell_under(cols, L, from, body, k, segs, q, s->y1 - h * 0.25, &cy, &lone) && cy < own)
			own = cy;
	if (own > 1e8)
		return false;
	double mid = ((s->y0 + s->y1) / 2 + foot) / 2;
	for (size_t q = i; q <= e; q++)
		if (!(s->x1 > cols->items[q].x0 - 1 && s->x0 < cols->items[q].x1 + 1) &&
		    cell_under(cols, L, from, body, k, segs, q, s->y1 - h * 0.25, &cy, &lone) && lone && cy < mid &&
		    cy < own - h * 0.3)
			return true;
	return false;
}

/*
 * Can header segment k of line l head columns i..e: alone over them on its
 * line, with no header cell set beside it in them (a cell centred across the
 * header rows stands outside the group, whether level with the title or
 * starting between it and the cells under it), and the header lines below
 * printing in all of them but one at most, and in two at least, the one
 * left empty not being the only column the title stands over (then the
 * title is that column's own cell)?
 */
static bool heads_run(const interval_vec *cols, const tline *L, size_t from, size_t l, size_t body, size_t k,
                      const segment_vec *segs, size_t i, size_t e)
{
	const segment *s = &segs->items[k];
	double x0 = cols->items[i].x0, x1 = cols->items[e].x1;
	for (size_t m = L[l].first; m < L[l].first + L[l].count; m++)
		if (m != k && segs->items[m].x1 >= x0 - 1 && segs->items[m].x0 <= x1 + 1)
			return false;
	double h4 = (s->y1 - s->y0) * 0.25;
	for (size_t q = i; q <= e; q++)
		for (size_t o = from; o < body; o++)
			for (size_t m = L[o].first; m < L[o].first + L[o].count; m++) {
				const segment *b = &segs->items[m];
				if (m != k && b->x1 > cols->items[q].x0 - 1 && b->x0 < cols->items[q].x1 + 1 &&
				    b->y0 < s->y1 - h4 && b->y1 > s->y0 + h4)
					return false;
			}
	/* A lone cell starting well above the cells under the title in the
	 * columns it stands over, with nothing under it, is centred across the
	 * header rows beside the title (序号 beside 项目 over 科目编码 科目名称;
	 * 合计 beside 基本支出 over 小计 人员经费), not under it.  A cell with
	 * cells under it (决算数 over 小计 …, under 支出) starts that line too. */
	double first = 1e9; /* where the cells under the title start: its own columns', or stacked ones */
	for (size_t q = i; q <= e; q++) {
		const segment *o = top_under(cols, L, from, body, k, segs, q, s->y1 - h4);
		if (o && o->y0 < first &&
		    ((s->x1 > cols->items[q].x0 - 1 && s->x0 < cols->items[q].x1 + 1) ||
		     top_under(cols, L, from, body, k, segs, q, o->y1 - h4)))
			first = o->y0;
	}
	bool beside = false;
	for (size_t q = i; q <= e && !beside && first < 1e9; q++) {
		const segment *b = top_under(cols, L, from, body, k, segs, q, s->y1 - h4);
		beside = b && b->y0 < first - (s->y1 - s->y0) * 0.5 && b->y1 > first &&
		         !top_under(cols, L, from, body, k, segs, q, b->y1 - h4);
	}
	if (beside)
		return false;
	size_t filled = 0, met = 0;
	bool own_empty = false; /* over a column with nothing under it: that column's own cell */
	for (size_t q = i; q <= e; q++) {
		bool hit = false, over = s->x1 > cols->items[q].x0 - 1 && s->x0 < cols->items[q].x1 + 1;
		for (size_t below = l + 1; below < body && !hit; below++)
			for (size_t m = L[below].first; m < L[below].first + L[below].count && !hit; m++) {
				if (L[below].numbering)
					break; /* 栏次 numbers fill every column: no sign of a group */
				const segment *b = &segs->items[m];
				hit = b->y0 >= s->y1 - 1 && b->x1 > cols->items[q].x0 - 1 && b->x0 < cols->items[q].x1 + 1;
			}
		filled += hit;
		met += over;
		own_empty = own_empty || (over && !hit);
	}
	return filled >= 2 && filled + 1 >= e - i + 1 && !(met == 1 && own_empty);
}

/* Do the header cells of columns i..e other than segment k all start below it? */
static bool clear_below(const interval_vec *cols, const tline *L, size_t from, size_t body, size_t k,
                        const segment_vec *segs, size_t i, size_t e)
{
	const segment *s = &segs->items[k];
	for (size_t o = from; o < body; o++)
		for (size_t m = L[o].first; m < L[o].first + L[o].count; m++) {
			const segment *b = &segs->items[m];
			if (m != k && b->x1 > cols->items[i].x0 - 1 && b->x0 < cols->items[e].x1 + 1 && b->y0 < s->y1 - 0.5 &&
			    b->y1 > s->y0 + 0.5)
				return false;
		}
	return true;
}

/*
 * Whether header segment k of line l is a group title over a run of two or
 * more columns that it can head (heads_run; 收入 over 项目 行次 金额): the run
 * it is best centred over, or else, in a header set flush right, a run it
 * ends with, reaching left towards the nearest header text on its line or
 * the lines above (so that a title under another nests in it) as far as
 * the header cells under it all stand clear below it and none stands
 * beside it (cell_beside).  A line with a title ending where a wider header
 * cell under it ends is set flush right, whatever the figures do (centred
 * under a header set flush right).  The run is
 * returned in [*first, *last].
 */
/* Does every segment of line l, two at least, start where a column starts, with two columns
   at least from each to the next or to the table's end and no header text above it there
   (收入 … 支出 each set flush left over its side's 项目 行次 金额)?  A line of sub-headers, one
   word a column or staggered as they wrap, is no such line. */
static bool line_flush_left(const interval_vec *cols, const tline *L, size_t from, size_t l,
                            const segment_vec *segs, double tol)
{
	if (L[l].count < 2 || L[l].numbering)
		return false;
	size_t first_at = cols->len, prev = 0;
	for (size_t m = L[l].first; m < L[l].first + L[l].count; m++) {
		size_t at = cols->len;
		for (size_t q = 0; q < cols->len && at == cols->len; q++)
			if (fabs(cols->items[q].x0 - segs->items[m].x0) < tol)
				at = q;
		if (at == cols->len || (m > L[l].first && at < prev + 2))
			return false;
		if (m == L[l].first)
			first_at = at;
		prev = at;
	}
	if (prev + 2 > cols->len)
		return false;
	double x0 = cols->items[first_at].x0, x1 = cols->items[cols->len - 1].x1;
	for (size_t o = from; o < l; o++)
		for (size_t m = L[o].first; m < L[o].first + L[o].count; m++)
			if (!L[o].numbering && segs->items[m].x1 > x0 && segs->items[m].x0 < x1)
				return false;
	return true;
}

/* How many lines the header cell topped by segment k of line l runs down a character or
   two a line: the segment and the lines of one or two characters wrapped tightly under it,
   each overlapping the one above by half its width. */
static size_t stacked_lines(const tline *L, size_t l, size_t body, size_t k, const segment_vec *segs)
{
	const segment *a = &segs->items[k];
	size_t n = 1;
	for (size_t o = l + 1; o < body; o++) {
		const segment *next = NULL;
		for (size_t m = L[o].first; m < L[o].first + L[o].count && !next; m++) {
			const segment *b = &segs->items[m];
			double ov = (a->x1 < b->x1 ? a->x1 : b->x1) - (a->x0 > b->x0 ? a->x0 : b->x0);
			double w = a->x1 - a->x0 < b->x1 - b->x0 ? a->x1 - a->x0 : b->x1 - b->x0;
			if (b->chars <= 2 && ov > w * 0.5 && b->y0 > a->y0 && b->y0 - a->y1 < (a->y1 - a->y0) * 0.25)
				next = b;
		}
		if (!next)
			break;
		n++;
		a = next;
	}
	return n;
}

static bool group_title_run(const interval_vec *cols, const tline *L, size_t from, size_t l, size_t body,
                            size_t k, const segment_vec *segs, int align, size_t *first, size_t *last)
{
	const segment *s = &segs->items[k];
	/* The top of a header word wrapped down a narrow cell, a character or two a line
	   (上 over 级 补 助 收 入), is that cell's, no title over the columns round it. */
	if (s->chars <= 2 && columns_met(cols, s->x0, s->x1) <= 1 && stacked_lines(L, l, body, k, segs) >= 3)
		return false;
	/* Titles set flush left on their line head the run from their column to the next title,
	   however the header cells under them are set. */
	if (align == 0 && line_flush_left(cols, L, from, l, segs, (s->y1 - s->y0) * 0.5))
		align = -1;
	double c = (s->x0 + s->x1) / 2;
	size_t best_i = 0, best_k = 0;
	double best_off = 1, tol = (s->y1 - s->y0) * 0.5;
	/* A title of its line ending where a wider header cell under it ends (收入 flush right
	   over 本年预算, 支出 over 决算数, whatever the figures under them do): the line is set
	   flush right. */
	for (size_t t = L[l].first; t < L[l].first + L[l].count && align == 0; t++)
		for (size_t o = l + 1; o < body && align == 0; o++)
			for (size_t m = L[o].first; m < L[o].first + L[o].count && !L[o].numbering; m++) {
				const segment *a = &segs->items[t], *b = &segs->items[m];
				if (fabs(b->x1 - a->x1) < tol * 0.25 && b->x0 < a->x0 - tol)
					align = 1;
			}
	/* Right under a word of the line above, it is the rest of a wrapped cell (unless that word
	 * heads a group itself: 决算数 under 支出). */
	if (l > from)
		for (size_t m = L[l - 1].first; m < L[l - 1].first + L[l - 1].count; m++) {
			const segment *a = &segs->items[m];
			double ov = (a->x1 < s->x1 ? a->x1 : s->x1) - (a->x0 > s->x0 ? a->x0 : s->x0);
			size_t ai, ak;
			if (ov > (s->x1 - s->x0) * 0.5 && !group_title_run(cols, L, from, l - 1, body, m, segs, align, &ai, &ak))
				return false;
		}
	for (size_t i = 0; i < cols->len; i++)
		for (size_t e = i + 1; e < cols->len; e++) {
			double x0 = cols->items[i].x0, x1 = cols->items[e].x1;
			if (s->x0 < x0 - 2 || s->x1 > x1 + 2 || fabs((x0 + x1) / 2 - c) > (x1 - x0) * 0.1)
				continue;
			/* Of the runs it could head, the one it is best centred over. */
			double off = fabs((x0 + x1) / 2 - c) / (x1 - x0);
			/* Runs centred alike (0..5 and 1..4): the wider one. */
			bool better = off < best_off - 0.02 || (off < best_off + 0.02 && e - i > best_k - best_i);
			if ((best_k == best_i || better) && heads_run(cols, L, from, l, body, k, segs, i, e)) {
				best_i = i;
				best_k = e;
				best_off = off;
			}
		}
	/* Starting where a column starts and reaching into the columns after it, in a header set
	   neither way, it is set flush left over the columns it meets (公务用车购置及运行费 flush left
	   over 小计 | 购置费 | 运行费, not centred by chance over a wider run); a title centred
	   closely over a run keeps it. */
	if (align == 0 && best_off > 0.02) {
		size_t i = 0, e = 0;
		while (i < cols->len && fabs(cols->items[i].x0 - s->x0) >= tol)
			i++;
		/* (Reaching well into the columns after its own: into their text by more than half a
		   character.  It then meets every column whose border it so crosses, as text crossing a
		   border is judged: 功能分类科 | 目编码 reaching into 款's codes and past the border
		   before 项, though not to 项's codes, heads 类 款 项.) */
		size_t reach = i;
		for (size_t q = i; q < cols->len && cols->items[q].x0 < s->x1 - tol; q++)
			reach = q;
		for (size_t q = i; q < cols->len; q++) {
			double border = q == i ? cols->items[q].x0 : (cols->items[q - 1].x1 + cols->items[q].x0) / 2;
			if (border >= s->x1 - tol)
				break;
			e = q;
		}
		if (i < cols->len && reach > i && (best_i != i || best_k != e) &&
		    heads_run(cols, L, from, l, body, k, segs, i, e)) {
			best_i = i;
			best_k = e;
		}
	}
	/* In a header set flush right, a run it ends with is likelier than one it is centred over. */
	if (align != 0 && cols->len >= 2) {
		/* Aligned with an edge of its run: the run reaches to the header text beside it. */
		size_t centred_i = best_i, centred_k = best_k;
		best_i = best_k = 0;
		double left = -1e9, right = 1e9;
		for (size_t o = from; o <= l; o++)
			for (size_t m = L[o].first; m < L[o].first + L[o].count; m++) {
				const segment *b = &segs->items[m];
				if (m == k || L[o].numbering)
					continue;
				if (b->x1 < s->x0 - 1 && b->x1 > left)
					left = b->x1;
				if (b->x0 > s->x1 + 1 && b->x0 < right)
					right = b->x0;
			}
		size_t lo = 0, hi = cols->len - 1;
		while (lo < cols->len && cols->items[lo].x0 <= left)
			lo++;
		while (hi > 0 && cols->items[hi].x1 >= right)
			hi--;
		double within = tol;
		/* The widest run from there whose header cells all stand clear below it. */
		for (size_t e = 0; e < cols->len && align > 0; e++)
			if (fabs(cols->items[e].x1 - s->x1) < within)
				for (size_t i = lo; i < e && best_k == best_i; i++)
					if (clear_below(cols, L, from, body, k, segs, i, e) &&
					    !cell_beside(cols, L, from, body, k, segs, i, e) &&
					    heads_run(cols, L, from, l, body, k, segs, i, e)) {
						best_i = i;
						best_k = e;
					}
		for (size_t i = 0; i < cols->len && best_k == best_i && align < 0; i++)
			if (fabs(cols->items[i].x0 - s->x0) < within && hi > i && hi < cols->len &&
			    heads_run(cols, L, from, l, body, k, segs, i, hi)) {
				best_i = i;
				best_k = hi;
			}
		if (best_k == best_i && (centred_k == centred_i ||
		                         !cell_beside(cols, L, from, body, k, segs, centred_i, centred_k))) {
			best_i = centred_i;
			best_k = centred_k;
		}
	}
	*first = best_i;
	*last = best_k;
	return best_k > best_i;
}

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return (a > b) - (a < b);
}

/* Does a text segment lying in [y0, y1] (by its centre) cross x? */
/* A partial rule in the header underlines a group title only when a header
 * segment stands over it, centred on it: a rule with none is a piece of a
 * shaded band's edge (the rest lost among the glyphs), not an underline. */
static bool centred_over(const segment *t, const seg *ru)
{
	double mid = (ru->lo + ru->hi) / 2, len = ru->hi - ru->lo;
	return t->y1 <= ru->at + 2 && t->x0 >= ru->lo - 2 && t->x1 <= ru->hi + 2 &&
	       fabs((t->x0 + t->x1) / 2 - mid) < len * 0.15;
}

static bool titled_rule(const segment_vec *segs, const tline *L, size_t from, size_t body, const seg *ru)
{
	/* A rule with no header text under it closes the header (the last line 算 of a cell
	 * wrapped over several may stand centred over it): it underlines no title. */
	bool below = false;
	for (size_t l = from; l < body && !below; l++)
		for (size_t k = L[l].first; k < L[l].first + L[l].count && !below; k++)
			below = segs->items[k].y0 > ru->at && segs->items[k].x1 > ru->lo && segs->items[k].x0 < ru->hi;
	if (!below)
		return false;
	for (size_t l = from; l < body; l++)
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			const segment *t = &segs->items[k];
			if (!centred_over(t, ru))
				continue;
			/* The cells under the title (类 款 项 under 项目), set between it and the rule, are
			 * what the rule underlines: the rule ends the header there, it groups nothing.
			 * A word with others beside it over the rule (款 between 类 and 项) is a cell of its
			 * own, no title. */
			bool under = false;
			double h = t->y1 - t->y0;
			for (size_t o = from; o < body && !under; o++)
				for (size_t m = L[o].first; m < L[o].first + L[o].count && !under; m++) {
					const segment *u = &segs->items[m];
					if (m == k || u->x1 <= ru->lo || u->x0 >= ru->hi || u->y1 > ru->at + 2)
						continue;
					under = (u->y0 > t->y0 + h * 0.5 && !centred_over(u, ru)) ||
					        (u->y0 < t->y1 - h * 0.5 && u->y1 > t->y0 + h * 0.5);
				}
			if (!under)
				return true;
		}
	return false;
}

static bool crossed_at_x(const segment_vec *segs, const tline *lines, size_t from, size_t to, double x,
                         double y0, double y1)
{
	for (size_t l = from; l < to; l++)
		for (size_t k = lines[l].first; k < lines[l].first + lines[l].count; k++) {
			const segment *s = &segs->items[k];
			double cy = (s->y0 + s->y1) / 2;
			double m = (s->y1 - s->y0) * 0.5; /* half a character: a word a little wider than its column spans nothing */
			if (cy > y0 && cy < y1 && s->x0 < x - m && s->x1 > x + m)
				return true;
		}
	return false;
}

/* Does a text segment reaching well into [x0, x1] cross y? */
static bool crossed_at_y(const segment_vec *segs, const tline *lines, size_t from, size_t to, double y,
                         double x0, double x1)
{
	for (size_t l = from; l < to; l++)
		for (size_t k = lines[l].first; k < lines[l].first + lines[l].count; k++) {
			const segment *s = &segs->items[k];
			/* (Well inside it: glyph boxes of tightly set lines overlap the line above by a
			 * point or two, and a border half-way between such lines crosses none of them.) */
			double m = (s->y1 - s->y0) * 0.5, in = fmax(0.5, (s->y1 - s->y0) * 0.1);
			if (s->x0 < x1 - m && s->x1 > x0 + m && s->y0 < y - in && s->y1 > y + in)
				return true;
		}
	return false;
}

/* Does a horizontal stroke run through the middle of the text (glyph strokes that met)? */
static bool through_text(const segment_vec *segs, const tline *lines, size_t from, size_t to, const ruling *r)
{
	for (size_t l = from; l < to; l++)
		for (size_t k = lines[l].first; k < lines[l].first + lines[l].count; k++) {
			const segment *s = &segs->items[k];
			double h = s->y1 - s->y0;
			if (s->x1 > r->x0 && s->x0 < r->x1 && r->y0 > s->y0 + h * 0.2 && r->y0 < s->y1 - h * 0.2)
				return true;
			/* Ink along the tops of tightly set digits reaches no further than the text. */
			if (r->x0 > s->x0 - 1.5 && r->x1 < s->x1 + 1.5 && r->y0 > s->y0 && r->y0 < s->y1)
				return true;
		}
	return false;
}

/*
 * A header row numbering the columns (栏次 1 2 3 …) sits one number over each
 * figure column: where the figures' columns to its right came out fewer or
 * more than its numbers (a staggered header split or hid some), they are
 * replaced by one column per number.  Only a block holding nothing but
 * figures is redrawn so.
 */
static void renumber_columns(arena *a, interval_vec *cols, const page *pg, const tline *L, size_t from,
                             size_t body, size_t to, const segment_vec *segs)
{
	for (size_t l = from; l < body; l++) {
		if (!L[l].numbering)
			continue;
		VEC(double) centres = { 0 };
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			const segment *s = &segs->items[k];
			if (s->code || s->split_code || (s->chars <= 2 && !s->amount))
				if (s->x0 < s->x1 && ((s->x1 - s->x0) < (s->y1 - s->y0) * 1.5))
					*VEC_PUSH(a, &centres) = (s->x0 + s->x1) / 2;
		}
		if (centres.len < 3)
			return;
		double step = 1e9;
		for (size_t i = 1; i < centres.len; i++)
			if (centres.items[i] - centres.items[i - 1] < step)
				step = centres.items[i] - centres.items[i - 1];
		double threshold = centres.items[0] - step / 2;
		/* Only figures to the right of it. */
		for (size_t b = body; b < to; b++)
			for (size_t k = L[b].first; k < L[b].first + L[b].count; k++) {
				const segment *s = &segs->items[k];
				if (s->x1 > threshold && !s->amount)
					return;
			}
		size_t keep = 0, right = 0;
		for (size_t i = 0; i < cols->len; i++) {
			if ((cols->items[i].x0 + cols->items[i].x1) / 2 < threshold)
				keep++;
			else
				right++;
		}
		if (right == centres.len)
			return;
		cols->len = keep;
		for (size_t i = 0; i < centres.len; i++)
			*VEC_PUSH(a, cols) = (interval){ centres.items[i] - step * 0.4, centres.items[i] + step * 0.4 };
		/* The outer columns reach as far as what they print. */
		interval *last = &cols->items[cols->len - 1];
		for (size_t b = from; b < to; b++)
			for (size_t k = L[b].first; k < L[b].first + L[b].count; k++)
				if (segs->items[k].x0 > last->x0 - step * 0.5 && segs->items[k].x1 > last->x1)
					last->x1 = segs->items[k].x1;
		return;
	}
}

/* Does any segment of lines [a, b) meet column c?  figures: count amounts and codes only, or text only. */
static bool column_holds(const interval *c, const tline *L, size_t a, size_t b, const segment_vec *segs, int kind)
{
	for (size_t l = a; l < b; l++) {
		if (L[l].numbering)
			continue;
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			const segment *s = &segs->items[k];
			bool figure = s->amount || s->code;
			if ((kind == 1 && !figure) || (kind == 2 && figure))
				continue;
			if (s->x1 > c->x0 - 1 && s->x0 < c->x1 + 1)
				return true;
		}
	}
	return false;
}

/*
 * How the header is set over the body's amounts: flush right (1) when, of
 * the columns of amounts, most have the header word right over them (the
 * lowest over that column alone) end where the amounts end, or three or
 * more end the same short way past them (a font whose figures' boxes stop
 * short of their advance); flush left (-1)
 * when the headers of wide label columns start where their labels start and
 * none is set flush right; else centred (0).
 */
#define FLUSH_BEARING 0.3 /* of a line height: a header word set flush right ends this close to its figures */
#define FLUSH_SHIFT 0.6   /* of a line height: the same offset in every column, at most this, is flush right too */

/* The lowest header word (lines from..body) over column c alone, NULL if none. */
static const segment *header_word_over(const interval_vec *cols, size_t c, const tline *L, size_t from,
                                       size_t body, const segment_vec *segs)
{
	const segment *w = NULL;
	for (size_t l = from; l < body; l++)
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			const segment *s = &segs->items[k];
			if (L[l].numbering || s->x1 < cols->items[c].x0 || s->x0 > cols->items[c].x1 ||
			    columns_met(cols, s->x0, s->x1) != 1)
				continue;
			if (!w || s->y1 > w->y1)
				w = s;
		}
	return w;
}

static int header_alignment(const interval_vec *cols, const tline *L, size_t from, size_t body, size_t to,
                            const segment_vec *segs)
{
	int right = 0, left = 0, other = 0;
	/* How far left of its figures' end each header word over them ends (the bearings). */
	double offs[64];
	size_t noffs = 0;
	double height = 0;
	for (size_t c = 0; c < cols->len; c++) {
		double ax0 = 1e9, ax1 = -1e9;
		for (size_t l = body; l < to; l++)
			for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
				const segment *s = &segs->items[k];
				if (s->amount && s->x1 >= cols->items[c].x0 && s->x0 <= cols->items[c].x1) {
					if (s->x0 < ax0) ax0 = s->x0;
					if (s->x1 > ax1) ax1 = s->x1;
				}
			}
		if (ax1 < ax0)
			continue;
		/* One vote a column, from the header word right over its figures (a cell wrapped over
		 * three lines is no stronger a sign than one on a single line). */
		const segment *w = header_word_over(cols, c, L, from, body, segs);
		/* A column whose header word stands in the gap left of its figures, over none of
		 * them (金额 set flush left in a wide cell), is a column set flush left. */
		if (!w) {
			double gap0 = c > 0 ? cols->items[c - 1].x1 : -1e9;
			for (size_t l = from; l < body && !w; l++)
				for (size_t k = L[l].first; k < L[l].first + L[l].count && !w; k++)
					if (!L[l].numbering && segs->items[k].x0 > gap0 && segs->items[k].x1 < cols->items[c].x0)
						w = &segs->items[k];
			left += w != NULL;
			continue;
		}
		/* Flush right: the word ends where the figures end, but for the side bearings of
		 * its glyphs (a CJK glyph's box is wider than a digit's advance). */
		if (noffs < sizeof offs / sizeof *offs && w->x0 < ax1 && w->x1 > ax0) {
			offs[noffs++] = w->x1 - ax1;
			height = fmax(height, w->y1 - w->y0);
		}
		if (fabs(w->x1 - ax1) <= (w->y1 - w->y0) * FLUSH_BEARING)
			right++;
		else if (w->x0 < ax0 - 1 && w->x1 < ax1 - 1)
			left++;
		else
			other++;
	}
	(void)left; /* a header centred in a wide cell over short figures looks flush left: not told apart */
	if (right >= 2 && right > left + other)
		return 1;
	/* Every header word over figures ending the same short way past them (a font whose
	 * figures' boxes stop short of their advance: 金额 ending 2.8 past 327,446 in each
	 * column), three columns at least: flush right too. */
	if (noffs >= 3) {
		double lo = offs[0], hi = offs[0];
		for (size_t i = 1; i < noffs; i++) {
			lo = fmin(lo, offs[i]);
			hi = fmax(hi, offs[i]);
		}
		if (hi - lo <= height * 0.1 && fabs((lo + hi) / 2) <= height * FLUSH_SHIFT && (int)noffs > left)
			return 1;
	}
	/* Over a wide column of labels set flush left, a header word starting where the labels
	 * start is set flush left, one in their middle centred: the header is flush left (-1)
	 * when its label columns say so and no column of figures says flush right. */
	int label_left = 0, label_centred = 0;
	for (size_t c = 0; c < cols->len; c++) {
		double lx0 = 1e9, lx1 = -1e9;
		bool figures = false;
		for (size_t l = body; l < to; l++)
			for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
				const segment *s = &segs->items[k];
				if (s->x1 < cols->items[c].x0 || s->x0 > cols->items[c].x1)
					continue;
				figures = figures || s->amount || s->code || s->dash;
				if (!s->amount && !s->code && !s->dash && !s->numeral && columns_met(cols, s->x0, s->x1) == 1) {
					if (s->x0 < lx0) lx0 = s->x0;
					if (s->x1 > lx1) lx1 = s->x1;
				}
			}
		if (figures || lx1 < lx0)
			continue;
		const segment *w = header_word_over(cols, c, L, from, body, segs);
		double h = w ? w->y1 - w->y0 : 0;
		if (!w || (lx1 - lx0) - (w->x1 - w->x0) < h * 2)
			continue; /* as wide as its labels: set any way alike */
		if (fabs(w->x0 - lx0) <= h * FLUSH_BEARING)
			label_left++;
		else if (fabs((w->x0 + w->x1) / 2 - (lx0 + lx1) / 2) < h)
			label_centred++;
	}
	return label_left > label_centred && right == 0 ? -1 : 0;
}

/* Does column c print amounts in lines [a, b) (or dashes: amounts left blank)? */
static bool column_holds_amounts(const interval *c, const tline *L, size_t a, size_t b, const segment_vec *segs)
{
	for (size_t l = a; l < b; l++)
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			const segment *s = &segs->items[k];
			if ((s->amount || s->dash) && s->x1 > c->x0 - 1 && s->x0 < c->x1 + 1)
				return true;
		}
	return false;
}

/* Is the only column within snap of [x0, x1] one of amounts ending left of it? */
static bool amounts_left_only(const interval_vec *cols, const tline *L, size_t body, size_t to,
                              const segment_vec *segs, double x0, double x1, double snap)
{
	bool left = false;
	for (size_t i = 0; i < cols->len; i++) {
		const interval *c = &cols->items[i];
		if (c->x1 < x0 - snap || c->x0 > x1 + snap)
			continue;
		if (c->x1 >= x0 || !column_holds_amounts(c, L, body, to, segs))
			return false;
		left = true;
	}
	return left;
}

/* The top and bottom of the segments of lines a..b meeting column c (none: +inf, -inf). */
static void column_rows(const interval *c, const tline *L, size_t a, size_t b, const segment_vec *segs, double *top,
                        double *bottom)
{
	*top = INFINITY;
	*bottom = -INFINITY;
	for (size_t l = a; l < b; l++)
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			const segment *s = &segs->items[k];
			if (s->x1 > c->x0 - 1 && s->x0 < c->x1 + 1) {
				if (s->y0 < *top)
					*top = s->y0;
				if (s->y1 > *bottom)
					*bottom = s->y1;
			}
		}
}

/*
 * A label column printed off-centre from its header (合计 at the left of a wide
 * 科目名称 column) comes out as two: one with body text and no header, one
 * with a header and no body.  Neighbours like that are one column; body text
 * set under the header between two header-only columns joins the nearer.
 */
static void pair_label_columns(interval_vec *cols, const tline *L, size_t from, size_t body, size_t to,
                               const segment_vec *segs)
{
	for (size_t i = 0; i + 1 < cols->len; i++) {
		interval *a = &cols->items[i], *b = &cols->items[i + 1];
		bool a_text_only = column_holds(a, L, body, to, segs, 2) && !column_holds(a, L, body, to, segs, 1) &&
		                   !column_holds(a, L, from, body, segs, 0);
		bool b_text_only = column_holds(b, L, body, to, segs, 2) && !column_holds(b, L, body, to, segs, 1) &&
		                   !column_holds(b, L, from, body, segs, 0);
		bool a_header_only = !column_holds(a, L, body, to, segs, 0) && column_holds(a, L, from, body, segs, 0);
		bool b_header_only = !column_holds(b, L, body, to, segs, 0) && column_holds(b, L, from, body, segs, 0);
		/* Body text set under the header, between two header-only columns, goes with the
		   nearer (合计 centred across 类 款 项 and a wide 科目名称 cell, the 项 column blank in
		   these rows). */
		if (a_header_only && b_text_only && i + 2 < cols->len) {
			const interval *c = &cols->items[i + 2];
			double top, bottom, htop, hbottom_a, hbottom_c;
			column_rows(b, L, body, to, segs, &top, &bottom);
			column_rows(a, L, from, body, segs, &htop, &hbottom_a);
			column_rows(c, L, from, body, segs, &htop, &hbottom_c);
			if (!column_holds(c, L, body, to, segs, 0) && column_holds(c, L, from, body, segs, 0) &&
			    c->x0 - b->x1 < b->x0 - a->x1 && top > hbottom_a && top > hbottom_c)
				continue;
		}
		if ((a_text_only && b_header_only) || (a_header_only && b_text_only)) {
			a->x1 = b->x1;
			memmove(cols->items + i + 1, cols->items + i + 2, (cols->len - i - 2) * sizeof(interval));
			cols->len--;
		}
	}
}

/*
 * A header segment meeting no column lies in the gap before a column: it
 * heads the amounts to its right when their column has no header beside it
 * (a header left-aligned or centred over right-aligned figures).  Of several
 * segments in one gap, the one nearest the column takes it; with the column
 * headed it stands over a column left blank in the body.
 */
static bool gap_column(const interval_vec *cols, const tline *L, size_t from, size_t body, size_t to,
                       const segment_vec *segs, size_t k, size_t *col, bool *leftward)
{
	*leftward = false;
	const segment *s = &segs->items[k];
	size_t c = 0;
	while (c < cols->len && cols->items[c].x1 < s->x0)
		c++;
	if (c >= cols->len || !column_holds_amounts(&cols->items[c], L, body, to, segs))
		return false;
	const interval *ci = &cols->items[c];
	double h = s->y1 - s->y0;
	for (size_t l = from; l < body; l++)
		for (size_t m = L[l].first; m < L[l].first + L[l].count; m++) {
			const segment *o = &segs->items[m];
			if (m == k || o->y1 < s->y0 + h * 0.3 || o->y0 > s->y1 - h * 0.3)
				continue;
			if (o->x0 > s->x1 && o->x1 < ci->x0)
				return false;
		}
	/* A column of amounts headed already, by a word right of this one (合计 over its figures
	 * or nearer to them in the gap, 科目名称 centred lower down in the gap; or 项目 | 合计 set
	 * flush right on one line, 项目 ending where the label cell ends): the word heads the column
	 * of body text to its left when no header word meets that one (a label column whose labels
	 * leave its right part empty). */
	bool headed = false, left_headed = false;
	for (size_t l = from; l < body; l++)
		for (size_t m = L[l].first; m < L[l].first + L[l].count && !L[l].numbering; m++) {
			const segment *o = &segs->items[m];
			if (m == k)
				continue;
			/* (or by a word nearer to it in the gap: 合计 centred in its wide cell; not by a
			 * word above this one running on past the column into the gap after it: a group
			 * title over it and the next, 基本支出 over 人员经费 | 公用经费) */
			bool group = o->y1 < s->y0 + h * 0.3 && o->x1 > ci->x1 + h * 0.5;
			headed = headed || (o->x1 >= ci->x0 - 1 && o->x0 <= ci->x1 + 1 && o->x0 > s->x1 && !group) ||
			         (o->x0 > s->x1 && o->x1 < ci->x0);
			/* (A word only touching its edge, a group title over it and the gap, heads
			 * it no more than the gap.) */
			left_headed = left_headed || (c > 0 && o->x1 >= cols->items[c - 1].x0 + h * 0.5 &&
			                              o->x0 <= cols->items[c - 1].x1 - h * 0.5);
		}
	if (headed) {
		if (c == 0 || left_headed || !column_holds(&cols->items[c - 1], L, body, to, segs, 2))
			return false;
		c--;
		*leftward = true;
	}
	*col = c;
	return true;
}

/* The last column ending left of x (cols->len when none). */
static size_t column_left_of(const interval_vec *cols, double x)
{
	size_t c = cols->len;
	for (size_t i = 0; i < cols->len; i++)
		if (cols->items[i].x1 < x)
			c = i;
	return c;
}

/*
 * A header segment meeting no column, right of a column of codes set flush
 * left in a wide cell that no header word meets, and nearer to it than to
 * the column after: the code column's header centred in its cell (科目编码
 * over 205 and 20501, short codes that end well left of the cell's middle),
 * the column after holding no codes (款 between 类 and 款 codes is theirs).
 * It heads the codes; it opens no column of its own.
 */
static bool code_column_left(const interval_vec *cols, const tline *L, size_t from, size_t body, size_t to,
                             const segment_vec *segs, size_t k, size_t *col)
{
	const segment *s = &segs->items[k];
	size_t c = column_left_of(cols, s->x0);
	if (c == cols->len)
		return false;
	const interval *ci = &cols->items[c];
	if (c + 1 < cols->len && cols->items[c + 1].x0 - s->x1 <= s->x0 - ci->x1)
		return false;
	/* Whole codes only in the body (no amount, no label, no 款 or 项 part: 项 over a blank
	 * column right of the 款 parts is its own), no header word over them. */
	bool codes = false;
	for (size_t l = body; l < to; l++)
		for (size_t m = L[l].first; m < L[l].first + L[l].count; m++) {
			const segment *o = &segs->items[m];
			if (o->x1 <= ci->x0 - 1 || o->x0 >= ci->x1 + 1)
				continue;
			if (!o->code || o->split_code || o->amount)
				return false;
			codes = true;
		}
	if (!codes || column_holds(ci, L, from, body, segs, 0))
		return false;
	/* The column after holds no codes: 款 between the 类 codes and the 款 codes heads its own. */
	for (size_t l = body; l < to && c + 1 < cols->len; l++)
		for (size_t m = L[l].first; m < L[l].first + L[l].count; m++) {
			const segment *o = &segs->items[m];
			if (o->code && o->x1 > cols->items[c + 1].x0 - 1 && o->x0 < cols->items[c + 1].x1 + 1)
				return false;
		}
	/* Nothing else of the header between the codes and this word. */
	double h = s->y1 - s->y0;
	for (size_t l = from; l < body; l++)
		for (size_t m = L[l].first; m < L[l].first + L[l].count; m++) {
			const segment *o = &segs->items[m];
			if (m != k && o->y1 > s->y0 + h * 0.3 && o->y0 < s->y1 - h * 0.3 && o->x0 > ci->x1 && o->x1 < s->x0)
				return false;
		}
	*col = c;
	return true;
}

/*
 * In a header set flush right, a word meeting no column ends where its cell
 * ends: it heads the nearest column left of it, when no header word meets
 * that one and neither it nor the column right of the word prints amounts
 * (序号 类 款 项 set flush right over serial numbers and codes set flush
 * left: each word ends just short of the next cell's codes, and is theirs by
 * nearness only).
 */
static bool flush_right_owner(const interval_vec *cols, const tline *L, size_t from, size_t body, size_t to,
                              const segment_vec *segs, size_t k, size_t *col)
{
	const segment *s = &segs->items[k];
	size_t c = column_left_of(cols, s->x0);
	if (c == cols->len || c + 1 >= cols->len)
		return false;
	const interval *ci = &cols->items[c], *next = &cols->items[c + 1];
	if (column_holds_amounts(ci, L, body, to, segs) || column_holds_amounts(next, L, body, to, segs) ||
	    column_holds(ci, L, from, body, segs, 0) || !column_holds(ci, L, body, to, segs, 0))
		return false;
	*col = c;
	return true;
}

/*
 * Do the n words wx0[i]..wx1[i] (first[i] their first segment) each head the body's column
 * of their rank?  Mine says which header segments are theirs: a word apart takes no column
 * that another header word meets alone.
 */
static bool ranked_words(const interval_vec *cols, const tline *L, size_t from, size_t body, const segment_vec *segs,
                         const double *wx0, const double *wx1, size_t n, const bool *mine)
{
	if (n != cols->len)
		return false;
	bool apart = false, fits = true;
	for (size_t i = 0; i < n && fits; i++) {
		size_t met = columns_met(cols, wx0[i], wx1[i]);
		const interval *c = &cols->items[i];
		bool own = c->x1 >= wx0[i] - 1 && c->x0 <= wx1[i] + 1;
		/* A word apart from every column stands between its column's neighbours, over a
		 * column that no header word of another line meets alone (小计 under 因公出国（境）费). */
		bool between = (i == 0 || wx0[i] > cols->items[i - 1].x1) && (i + 1 == n || wx1[i] < cols->items[i + 1].x0);
		for (size_t o = from; o < body && between; o++)
			for (size_t k = L[o].first; k < L[o].first + L[o].count && between; k++) {
				const segment *h = &segs->items[k];
				between = mine[k] || !(h->x1 >= c->x0 - 1 && h->x0 <= c->x1 + 1 && columns_met(cols, h->x0, h->x1) == 1);
			}
		apart = apart || met == 0;
		fits = (met == 0 && between) || (met == 1 && own);
	}
	return apart && fits;
}

/* Widens each column to the word of its rank (within its neighbours); the first word
 * meeting no column, if any.  Counts the words standing right of their column (side[1])
 * and left of it (side[0]). */
static const segment *take_ranked(interval_vec *cols, const double *wx0, const double *wx1,
                                  const segment *const *first, size_t n, int *side)
{
	const segment *placed = NULL;
	for (size_t i = 0; i < n; i++) {
		interval *c = &cols->items[i];
		if (columns_met(cols, wx0[i], wx1[i]) == 0) {
			if (!placed)
				placed = first[i];
			side[wx0[i] > c->x1]++;
		}
		double lo = i > 0 ? cols->items[i - 1].x1 + 2 : -1e9;
		double hi = i + 1 < cols->len ? cols->items[i + 1].x0 - 2 : 1e9;
		if (wx0[i] < c->x0)
			c->x0 = wx0[i] > lo ? wx0[i] : lo;
		if (wx1[i] > c->x1)
			c->x1 = wx1[i] < hi ? wx1[i] : hi;
	}
	return placed;
}

/*
 * A header line printing one word for each column of the body, in order,
 * names them all: each word heads the column of its rank, wherever it is set
 * (flush left, centred, flush right over figures centred in their cells), and
 * widens it.  Only a line some word of which meets no column, and whose words
 * that meet one meet the column of their own rank, is read so (a word apart
 * takes no column that a header word of another line meets alone), under a
 * body of two lines or more.  Two single characters spaced apart within
 * three of their widths (项   目, not 类 款 项) are one word.  When no one
 * line does so, the header's lowest cells (each word with no header word
 * under it), read in order over all its lines, may (单位名称 合计 因公出国费
 * … 公务接待费 beside 小计 购置费 运行维护费 under their title): *how is 1.
 * Fewer of them than columns: each word apart heads the nearest column on
 * one side of it, the same side for all, when that side alone gives each
 * column one word at most and each column of amounts one, and each word over
 * a column sticks out of it on that side (*how is 2).
 * side[1] counts the words so read standing right of their columns, side[0]
 * those standing left.
 */
static const segment *header_line_per_column(arena *tmp, interval_vec *cols, const tline *L, size_t from,
                                             size_t body, size_t to, const segment_vec *segs, size_t *line,
                                             int *side, int *how)
{
	const segment *placed = NULL;
	if (to < body + 2 || cols->len < 2)
		return NULL;
	enum { MAXW = 64 };
	double wx0[MAXW], wx1[MAXW];
	const segment *first[MAXW];
	bool *mine = arena_calloc(tmp, segs->len + 1, sizeof(bool));
	bool matched = false;
	for (size_t l = from; l < body; l++) {
		if (L[l].numbering)
			continue;
		size_t n = 0;
		bool single_before = false;
		for (size_t k = L[l].first; k < L[l].first + L[l].count && n <= MAXW; k++) {
			const segment *s = &segs->items[k];
			double h = s->y1 - s->y0;
			bool single = s->chars == 1 && !s->amount && !s->code && !s->integer;
			if (n && single && single_before && first[n - 1] == &segs->items[k - 1] && s->x0 - wx1[n - 1] < h * 3 &&
			    columns_met(cols, wx0[n - 1], s->x1) == 0) {
				wx1[n - 1] = s->x1;
			} else if (n < MAXW) {
				wx0[n] = s->x0;
				wx1[n] = s->x1;
				first[n] = s;
				n++;
			} else {
				n = MAXW + 1;
			}
			single_before = single && (n == 0 || first[n - 1] == s);
		}
		memset(mine, 0, (segs->len + 1) * sizeof(bool));
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++)
			mine[k] = true;
		if (!ranked_words(cols, L, from, body, segs, wx0, wx1, n, mine))
			continue;
		matched = true;
		const segment *p = take_ranked(cols, wx0, wx1, first, n, side);
		if (!placed && p) {
			placed = p;
			*line = l;
		}
	}
	/* No one line: the header's lowest cells, each with no header word under it, over
	 * the lines of a header under group titles (单位名称 合计 … beside the 小计 购置费
	 * 运行维护费 under their title), read in order as one line. */
	if (!matched && body > from + 1) {
		size_t n = 0, line_of[MAXW];
		memset(mine, 0, (segs->len + 1) * sizeof(bool));
		for (size_t l = from; l < body && n <= MAXW; l++) {
			if (L[l].numbering)
				continue;
			for (size_t k = L[l].first; k < L[l].first + L[l].count && n <= MAXW; k++) {
				const segment *s = &segs->items[k];
				if (word_under(L, l, body, segs, s))
					continue;
				if (n == MAXW) {
					n++;
					break;
				}
				/* in order of x */
				size_t at = n;
				while (at > 0 && wx0[at - 1] > s->x0) {
					wx0[at] = wx0[at - 1];
					wx1[at] = wx1[at - 1];
					first[at] = first[at - 1];
					line_of[at] = line_of[at - 1];
					at--;
				}
				wx0[at] = s->x0;
				wx1[at] = s->x1;
				first[at] = s;
				line_of[at] = l;
				mine[k] = true;
				n++;
			}
		}
		bool overlapping = false;
		for (size_t i = 1; i < n && i <= MAXW; i++)
			overlapping = overlapping || wx0[i] < wx1[i - 1];
		if (n <= MAXW && !overlapping && ranked_words(cols, L, from, body, segs, wx0, wx1, n, mine)) {
			const segment *p = take_ranked(cols, wx0, wx1, first, n, side);
			for (size_t i = 0; i < n && p; i++)
				if (first[i] == p)
					*line = line_of[i];
			placed = p;
			*how = 1;
		}
	}
	/* Fewer words than columns (功能分类科目 flush right in the cell of codes and names
	 * beside 合计 | 人员经费 | 公用经费 set so over figures centred in their cells). */
	if (!matched && !placed && body > from) {
		size_t n = 0;
		for (size_t l = from; l < body && n <= MAXW; l++) {
			if (L[l].numbering)
				continue;
			for (size_t k = L[l].first; k < L[l].first + L[l].count && n <= MAXW; k++) {
				const segment *s = &segs->items[k];
				if (word_under(L, l, body, segs, s))
					continue;
				if (n == MAXW) {
					n++;
					break;
				}
				wx0[n] = s->x0;
				wx1[n] = s->x1;
				first[n] = s;
				n++;
			}
		}
		size_t *owner[2] = { arena_calloc(tmp, n + 1, sizeof(size_t)), arena_calloc(tmp, n + 1, sizeof(size_t)) };
		bool valid[2] = { false, false };
		for (int dir = 0; dir < 2 && n >= 2 && n < cols->len && n <= MAXW; dir++) {
			bool *taken = arena_calloc(tmp, cols->len, sizeof(bool));
			bool ok = true, apart = false;
			for (size_t i = 0; i < n && ok; i++) {
				size_t met = columns_met(cols, wx0[i], wx1[i]), c = cols->len;
				if (met == 1) {
					/* (A word over its column sticks out of it on that side too: set so.) */
					c = one_column(cols, wx0[i], wx1[i]);
					if (dir == 1 ? wx1[i] <= cols->items[c].x1 + 1 : wx0[i] >= cols->items[c].x0 - 1)
						c = cols->len;
				} else if (met == 0) {
					apart = true;
					for (size_t q = 0; q < cols->len; q++)
						if (dir == 1 ? cols->items[q].x1 < wx0[i] : (cols->items[q].x0 > wx1[i] && c == cols->len))
							c = q;
				}
				ok = c < cols->len && !taken[c];
				if (ok) {
					taken[c] = true;
					owner[dir][i] = c;
				}
			}
			for (size_t c = 0; c < cols->len && ok; c++)
				ok = taken[c] || !column_holds_amounts(&cols->items[c], L, body, to, segs);
			valid[dir] = ok && apart;
		}
		if (valid[0] != valid[1]) {
			int dir = valid[1];
			for (size_t i = 0; i < n; i++) {
				size_t c = owner[dir][i];
				interval *ci = &cols->items[c];
				if (columns_met(cols, wx0[i], wx1[i]) == 0) {
					if (!placed) {
						placed = first[i];
						for (size_t l = from; l < body; l++)
							if (first[i] >= &segs->items[L[l].first] && first[i] < &segs->items[L[l].first + L[l].count])
								*line = l;
					}
					side[dir]++;
				}
				double lo = c > 0 ? cols->items[c - 1].x1 + 2 : -1e9;
				double hi = c + 1 < cols->len ? cols->items[c + 1].x0 - 2 : 1e9;
				if (wx0[i] < ci->x0)
					ci->x0 = wx0[i] > lo ? wx0[i] : lo;
				if (wx1[i] > ci->x1)
					ci->x1 = wx1[i] < hi ? wx1[i] : hi;
			}
			*how = 2;
		}
	}
	return placed;
}

/*
 * Is body text s, meeting no column, the only thing the body prints over its
 * extent, in the gap between two columns of figures (合计 centred across the
 * merged cells of 类 款 项)?  Such a label spans those columns: it opens none.
 */
static bool starts_with_total(const char *text);
static const char *segment_text(arena *a, const page *pg, const textline *ln, const segment *s);

static bool lone_between_figures(arena *a, const page *pg, const interval_vec *cols, const tline *L, size_t body,
                                 size_t to, const segment_vec *segs, const segment *s)
{
	size_t rows = 0; /* in a table of a row or two, every label is alone over its extent */
	for (size_t l = body; l < to; l++)
		rows += L[l].anchor;
	if (rows < 3)
		return false;
	size_t c = 0;
	while (c < cols->len && cols->items[c].x1 < s->x0)
		c++;
	/* A 合计 or 总计 centred across the code and name columns may stand right of the names,
	 * beside the figures: no column of its own either. */
	bool total = false;
	for (size_t l = body; l < to && !total; l++)
		if (s >= &segs->items[L[l].first] && s < &segs->items[L[l].first + L[l].count])
			total = starts_with_total(segment_text(a, pg, L[l].src, s));
	if (c == 0 || c >= cols->len)
		return false;
	bool right = column_holds(&cols->items[c], L, body, to, segs, 1);
	bool left = column_holds(&cols->items[c - 1], L, body, to, segs, 1);
	if (!(right && left) && !(total && (right || left)))
		return false;
	interval extent = { s->x0, s->x1 };
	for (size_t l = body; l < to; l++)
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			const segment *o = &segs->items[k];
			if (o != s && o->x1 > extent.x0 - 1 && o->x0 < extent.x1 + 1)
				return false;
		}
	return true;
}

/*
 * A 合计 or 总计 centred across the code and name cells reaches left out of
 * the names' column towards the codes: it shapes nothing (the names' column
 * keeps the extent of the names, and a header word over the codes is not
 * taken for one over the names).
 */
static bool total_across_codes(arena *a, const page *pg, const interval_vec *cols, const tline *L, size_t body,
                               size_t to, const segment_vec *segs, const segment *s)
{
	size_t c = 0;
	while (c < cols->len && !(cols->items[c].x1 >= s->x0 - 1 && cols->items[c].x0 <= s->x1 + 1))
		c++;
	if (c == 0 || c >= cols->len || s->x0 >= cols->items[c].x0 - 1)
		return false;
	bool codes = false;
	for (size_t l = body; l < to; l++)
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			const segment *o = &segs->items[k];
			if (o->x1 > cols->items[c - 1].x0 - 1 && o->x0 < cols->items[c - 1].x1 + 1) {
				if (!o->code || o->amount)
					return false;
				codes = true;
			}
		}
	if (!codes || column_holds(&cols->items[c], L, body, to, segs, 1))
		return false;
	for (size_t l = body; l < to; l++)
		if (s >= &segs->items[L[l].first] && s < &segs->items[L[l].first + L[l].count])
			return starts_with_total(segment_text(a, pg, L[l].src, s));
	return false;
}

/*
 * The names of split code columns (类 款 项) are set as the header likes,
 * left, centred or right, while the code parts under them are set
 * otherwise: a header line printing, between the columns beside the run of
 * code columns, as many words as there are code columns, each meeting one
 * of them at most and in order, names them by rank, and widens each.
 */
static void name_code_columns(interval_vec *cols, const tline *L, size_t from, size_t body, size_t to,
                              const segment_vec *segs)
{
	size_t first = cols->len, last = 0;
	for (size_t c = 0; c < cols->len; c++) {
		bool codes = false, other = false;
		for (size_t l = body; l < to; l++)
			for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
				const segment *s = &segs->items[k];
				if (s->x1 > cols->items[c].x0 - 1 && s->x0 < cols->items[c].x1 + 1) {
					codes = codes || s->code;
					other = other || s->amount;
				}
			}
		if (codes && !other) {
			if (first == cols->len)
				first = c;
			else if (c != last + 1)
				return; /* not one run */
			last = c;
		}
	}
	if (first == cols->len || last == first)
		return;
	size_t n = last - first + 1;
	double lo = first > 0 ? cols->items[first - 1].x1 : -1e9;
	double hi = last + 1 < cols->len ? cols->items[last + 1].x0 : 1e9;
	enum { MAXC = 8 };
	if (n > MAXC)
		return;
	for (size_t l = from; l < body; l++) {
		if (L[l].numbering)
			continue;
		const segment *w[MAXC];
		size_t m = 0;
		bool fits = true;
		for (size_t k = L[l].first; k < L[l].first + L[l].count && fits; k++) {
			const segment *s = &segs->items[k];
			if (s->x1 <= lo || s->x0 >= hi)
				continue;
			fits = s->x0 > lo && s->x1 < hi && m < n && columns_met(cols, s->x0, s->x1) <= 1;
			if (fits)
				w[m++] = s;
		}
		if (!fits || m != n)
			continue;
		/* In order: each word meets its own column or none. */
		for (size_t i = 0; i < n && fits; i++) {
			const interval *c = &cols->items[first + i];
			bool met = columns_met(cols, w[i]->x0, w[i]->x1) == 1;
			fits = !met || (c->x1 >= w[i]->x0 - 1 && c->x0 <= w[i]->x1 + 1);
		}
		if (!fits)
			continue;
		for (size_t i = 0; i < n; i++) {
			interval *c = &cols->items[first + i];
			double left = first + i > 0 ? cols->items[first + i - 1].x1 + 2 : -1e9;
			double right = first + i + 1 < cols->len ? cols->items[first + i + 1].x0 - 2 : 1e9;
			if (w[i]->x0 < c->x0)
				c->x0 = w[i]->x0 > left ? w[i]->x0 : left;
			if (w[i]->x1 > c->x1)
				c->x1 = w[i]->x1 < right ? w[i]->x1 : right;
		}
		return;
	}
}

/* Builds one table from lines [from, to) of which [body, to) are the body. */
/* Do lines a and b each hold a text segment, starting at one x? */
static bool share_label_start(const tline *L, size_t a, size_t b, const segment_vec *segs)
{
	for (size_t i = L[a].first; i < L[a].first + L[a].count; i++) {
		const segment *s = &segs->items[i];
		if (s->amount || s->code)
			continue;
		for (size_t j = L[b].first; j < L[b].first + L[b].count; j++) {
			const segment *t = &segs->items[j];
			if (!t->amount && !t->code && fabs(s->x0 - t->x0) < (s->y1 - s->y0) * 0.5)
				return true;
		}
	}
	return false;
}

/* Does line a hold a text segment wider than s with its centre over s's (a label centred in its
 * cell, wrapped: the shorter last line centred under the one before)? */
static bool centred_under_label(const tline *L, size_t a, const segment *s, const segment_vec *segs)
{
	for (size_t i = L[a].first; i < L[a].first + L[a].count; i++) {
		const segment *t = &segs->items[i];
		if (!t->amount && !t->code && t->x1 - t->x0 >= s->x1 - s->x0 &&
		    fabs((t->x0 + t->x1) / 2 - (s->x0 + s->x1) / 2) < (s->y1 - s->y0) * 0.5)
			return true;
	}
	return false;
}

/* Does line a hold a text segment over some of s's width? */
static bool text_over(const tline *L, size_t a, const segment *s, const segment_vec *segs)
{
	for (size_t i = L[a].first; i < L[a].first + L[a].count; i++) {
		const segment *t = &segs->items[i];
		if (!t->amount && !t->code && t->x0 < s->x1 && t->x1 > s->x0)
			return true;
	}
	return false;
}

/* Is line l one text segment set close under a label of line l-1, starting with it (a wrapped label)? */
static bool carries_label(const tline *L, size_t l, const segment_vec *segs)
{
	if (L[l].count != 1 || segs->items[L[l].first].amount || segs->items[L[l].first].code)
		return false;
	const segment *s = &segs->items[L[l].first];
	double lh = s->y1 - s->y0;
	if (s->y0 - L[l - 1].src->bb.y1 > lh * 0.3)
		return false;
	if (share_label_start(L, l - 1, l, segs) || centred_under_label(L, l - 1, s, segs))
		return true;
	/* The line above is the row's figures and codes, set beside its label's middle lines. */
	if (l < 2 || text_over(L, l - 1, s, segs))
		return false;
	return share_label_start(L, l - 2, l, segs) || centred_under_label(L, l - 2, s, segs);
}

/* A header border across one column. */
typedef struct border {
	double y;
	size_t col;
} border;
typedef VEC(border) border_vec;

/* A header cell: a segment with the wrapped lines under it. */
typedef struct hcell {
	double x0, y0, x1, y1;
	double last_x0, last_x1; /* its last line */
	double h;
	bool numbering; /* on the line numbering the columns: never a wrapped line */
	size_t seg;     /* the segment it starts with */
} hcell;
typedef VEC(hcell) hcell_vec;

static int cmp_hcell_y(const void *pa, const void *pb)
{
	const hcell *a = pa, *b = pb;
	return (a->y0 > b->y0) - (a->y0 < b->y0);
}

/* Width of the columns that x0..x1 meets, from the first to the last. */
static double columns_width(const interval_vec *cols, double x0, double x1)
{
	double lo = 0, hi = 0;
	bool any = false;
	for (size_t c = 0; c < cols->len; c++)
		if (x0 < cols->items[c].x1 && x1 > cols->items[c].x0) {
			if (!any)
				lo = cols->items[c].x0;
			hi = cols->items[c].x1;
			any = true;
		}
	return any ? hi - lo : x1 - x0;
}

/* A group title: the segment, its centre line, the columns' extent it heads, and the border under it. */
typedef struct span_request {
	size_t seg;
	double cy, x0, x1, under;
} span_request;
typedef VEC(span_request) span_vec;

/*
 * Header cells: each header segment joined with the wrapped lines under it
 * (a line that fills most of its columns, with the next line close under it
 * and centred within it; the line numbering the columns is never a wrap).
 * Cells are returned sorted by top; seg holds the segment each starts with.
 */
static hcell_vec header_cells(arena *a, const segment_vec *segs, const tline *L, size_t from, size_t body,
                              const interval_vec *cols, const span_vec *titles)
{
	hcell_vec cells = { 0 };
	for (size_t l = from; l < body; l++)
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			const segment *s = &segs->items[k];
			*VEC_PUSH(a, &cells) = (hcell){ s->x0, s->y0, s->x1, s->y1, s->x0, s->x1, s->y1 - s->y0,
			                                L[l].numbering, k };
		}
	if (!cells.len)
		return cells;
	qsort(cells.items, cells.len, sizeof(hcell), cmp_hcell_y);
	bool *gone = arena_calloc(a, cells.len, sizeof(bool));
	for (size_t i = 0; i < cells.len; i++) {
		if (gone[i])
			continue;
		hcell *c = &cells.items[i];
		/* Nothing else may sit beside a wrapped line under the cell, nor
		 * under the columns a group title heads. */
		double reach0 = c->x0, reach1 = c->x1;
		for (size_t t = 0; t < titles->len; t++)
			if (titles->items[t].seg == c->seg) {
				reach0 = titles->items[t].x0;
				reach1 = titles->items[t].x1;
			}
		for (bool grew = true; grew;) {
			grew = false;
			double m = c->h * 0.5;
			/* A line wraps when the next character would not fit: it fills its column. */
			double width = c->last_x1 - c->last_x0, room = columns_width(cols, c->last_x0, c->last_x1);
			if (width < room * 0.7 && room - width > c->h * 1.2)
				break;
			for (size_t j = i + 1; j < cells.len; j++) {
				const hcell *w = &cells.items[j];
				double wc = (w->x0 + w->x1) / 2;
				if (gone[j] || w->numbering || w->y0 > c->y1 + c->h * 0.5 || w->y0 < c->y1 - c->h * 0.5 ||
				    wc < c->last_x0 || wc > c->last_x1 || w->x0 < c->last_x0 - m || w->x1 > c->last_x1 + m)
					continue;
				/* Set like the line above (centred on it, starting or ending with it),
				 * and alone under it: several cells under one are sub-headers. */
				if (fabs(wc - (c->last_x0 + c->last_x1) / 2) > c->h && fabs(w->x0 - c->last_x0) > m &&
				    fabs(w->x1 - c->last_x1) > m)
					continue;
				bool alone = true;
				for (size_t o = 0; o < cells.len && alone; o++) {
					const hcell *v = &cells.items[o];
					alone = o == j || v->y1 < w->y0 + m || v->y0 > w->y1 - m || v->x1 < reach0 || v->x0 > reach1;
				}
				if (!alone)
					continue;
				c->y1 = w->y1;
				c->last_x0 = w->x0;
				c->last_x1 = w->x1;
				if (w->x0 < c->x0) c->x0 = w->x0;
				if (w->x1 > c->x1) c->x1 = w->x1;
				gone[j] = grew = true;
				break;
			}
		}
	}
	size_t n = 0;
	for (size_t i = 0; i < cells.len; i++)
		if (!gone[i])
			cells.items[n++] = cells.items[i];
	cells.len = n;
	return cells;
}

/*
 * Header row borders from the cells themselves, column by column: two cells
 * stacked one over the other get a border half-way between them; a column
 * with one cell gets none there, so a cell centred across header rows spans
 * them.  A rule already between the two, or the border under the upper one
 * when it is a group title, stands for the border.
 */
static void stacked_borders(arena *a, const hcell_vec *cells, const double *xs, size_t nx, const seg_vec *rules,
                            const span_vec *spans, border_vec *out)
{
	for (size_t j = 0; j + 1 < nx; j++) {
		const hcell *above = NULL;
		for (size_t i = 0; i < cells->len; i++) {
			const hcell *c = &cells->items[i];
			double m = c->h * 0.5;
			if (c->x0 >= xs[j + 1] - m || c->x1 <= xs[j] + m)
				continue;
			if (above && c->y0 >= above->y1 - c->h * 0.3) {
				double y = (above->y1 + c->y0) / 2;
				bool ruled = false;
				for (size_t r = 0; r < rules->len && !ruled; r++)
					ruled = rules->items[r].at > above->y1 - 1 && rules->items[r].at < c->y0 + 1 &&
					        rules->items[r].lo < xs[j + 1] && rules->items[r].hi > xs[j];
				/* Under a group title, the border under it parts them already (合计 set
				 * lower than the wrapped cells beside it, under 预算). */
				for (size_t t = 0; t < spans->len && !ruled; t++)
					ruled = spans->items[t].seg == above->seg && spans->items[t].under < c->y0 + 1 &&
					        spans->items[t].x0 < xs[j + 1] && spans->items[t].x1 > xs[j];
				if (!ruled)
					*VEC_PUSH(a, out) = (border){ y, j };
			}
			if (!above || c->y1 > above->y1)
				above = c;
		}
	}
}

static int cmp_border_y(const void *pa, const void *pb)
{
	const border *a = pa, *b = pb;
	return (a->y > b->y) - (a->y < b->y);
}

/* Borders of one header row drawn at slightly different heights (cells of
 * different sizes) are put at one height, their median. */
static void settle_borders(border_vec *b, double size)
{
	if (!b->len)
		return;
	qsort(b->items, b->len, sizeof(border), cmp_border_y);
	double near = size > 0 ? size * 0.4 : 4;
	for (size_t i = 0; i < b->len;) {
		size_t e = i + 1;
		while (e < b->len && b->items[e].y - b->items[e - 1].y < near)
			e++;
		double y = b->items[i + (e - i) / 2].y;
		for (size_t k = i; k < e; k++)
			b->items[k].y = y;
		i = e;
	}
}

/* Two lines sharing much of their height: a wrapped label beside the
 * figures centred on it, whatever the row pitch. */
static bool overlaps_much(const textline *a, const textline *b)
{
	double lo = a->bb.y0 > b->bb.y0 ? a->bb.y0 : b->bb.y0;
	double hi = a->bb.y1 < b->bb.y1 ? a->bb.y1 : b->bb.y1;
	double ha = a->bb.y1 - a->bb.y0, hb = b->bb.y1 - b->bb.y0;
	return hi - lo > (ha < hb ? ha : hb) * 0.4;
}

/* Widest first. */
static int cmp_segment_width(const void *pa, const void *pb)
{
	const segment *a = *(const segment *const *)pa, *b = *(const segment *const *)pb;
	double wa = a->x1 - a->x0, wb = b->x1 - b->x0;
	return (wa < wb) - (wa > wb);
}

/* The text of segment s of line ln. */
static const char *segment_text(arena *a, const page *pg, const textline *ln, const segment *s)
{
	sbuf sb = SBUF_INIT;
	for (size_t i = ln->first; i < ln->first + ln->count; i++) {
		const glyph *g = &pg->glyphs.items[i];
		double cx = (g->x0 + g->x1) / 2;
		if (cx >= s->x0 && cx <= s->x1 && !(g->flags & GLYPH_SPACE))
			sbuf_add_utf8(&sb, g->cp);
	}
	const char *t = arena_strdup(a, sb.buf);
	sbuf_release(&sb);
	return t;
}

#define WRAP_LEADING 0.35 /* the lines of a figure wrapped in its cell stand this close (of a line height) */
#define WRAP_SLACK 0.5     /* pt: lines of one cell's wraps stand as close in every cell of a table */

/* Does text end in a figure's mark (474, or 605. of a figure wrapped after it)? */
static bool ends_in_mark(const char *t)
{
	size_t n = strlen(t);
	return n && (t[n - 1] == ',' || t[n - 1] == '.');
}

/* Decimals of a figure (2 of 65,183.42). */
static size_t decimals(const char *t)
{
	const char *dot = strrchr(t, '.');
	return dot ? strlen(dot + 1) : 0;
}

/* Does figure piece s fill its cell's line: the next character of the figure (with the
 * mark after it, which no line starts with: 16 over 1.4) would not fit in the widest
 * figure or piece printed in its column of the body (270 of 270 | 195 | 5.09 in a cell
 * as wide as 5.09)?  A short figure in a wide cell (110 over 20) leaves room. */
static bool fills_cell(const tline *L, size_t body, size_t to, const segment_vec *segs, const segment *s,
                       const char *next)
{
	if (!s->chars)
		return false;
	double mark = next[0] && (next[1] == '.' || next[1] == ',') ? 0.5 : 0;
	double w = s->x1 - s->x0, widest = 0;
	for (size_t l = body; l < to; l++)
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			const segment *o = &segs->items[k];
			if ((o->amount || o->numeral) && !o->dash && o->x0 < s->x1 && o->x1 > s->x0 && o->x1 - o->x0 > widest)
				widest = o->x1 - o->x0;
		}
	return w + w / (double)s->chars * 0.8 * (1 + mark) > widest;
}

/*
 * Figures wrapped over several lines in their narrow cells (3,78 over 0,63
 * over 7.53; 474, over 605. over 93), the label of the row set beside their
 * middle: each piece stands right under the one before in its column, closer
 * than WRAP_LEADING of a line, and together they read as one figure while
 * the pieces before the last do not (they break a group of digits, end in
 * a mark or cut the decimals short: 1.4 over 9).  Those wraps show how
 * close the lines of a cell stand (leading); as close, a piece also carries
 * on a whole figure when the two read as one wrapped (324446 over 1.81,
 * 2457292.8 over 8: norm_wrapped_figure), or when
 * the piece before was as long as the first or filled its cell (its line was
 * full: 65,1 over 83.4 over 2; 270 over 195 over 5.09) and the figure keeps
 * two decimals at most; rows of a table set tight stand further apart than
 * that.  (The lines of a cell may overlap: a leading below zero.)  The lines
 * from a figure's first piece to its last are one row: joined[l] says line l
 * is in the row of line l - 1.
 */
static void wrapped_figures(arena *a, const page *pg, const tline *L, size_t body, size_t to, const segment_vec *segs,
                            bool *joined)
{
	double leading = -INFINITY;
	for (int pass = 0; pass < 2; pass++) {
		bool *taken = arena_calloc(a, segs->len + 1, sizeof(bool));
		for (size_t l = body; l < to; l++)
			for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
				const segment *s = &segs->items[k];
				if (taken[k] || !s->numeral || s->dash)
					continue;
				size_t pieces = 1, last_line = l;
				char *text = arena_strdup(a, segment_text(a, pg, L[l].src, s));
				const segment *cur = s;
				double widest = -INFINITY;
				for (size_t m = l + 1; m < to; m++) {
					const segment *t = NULL;
					size_t tk = 0;
					for (size_t q = L[m].first; q < L[m].first + L[m].count && !t; q++)
						if (segs->items[q].x0 < cur->x1 && segs->items[q].x1 > cur->x0) {
							t = &segs->items[q];
							tk = q;
						}
					if (!t)
						continue;
					double gap = t->y0 - cur->y1;
					if (!t->numeral || t->dash || gap > (cur->y1 - cur->y0) * WRAP_LEADING)
						break;
					const char *piece = segment_text(a, pg, L[m].src, t);
					char *next = arena_printf(a, "%s%s", text, piece);
					bool open = !norm_is_figure(text) || ends_in_mark(text) ||
					            (decimals(text) == 1 && strlen(piece) == 1 && isdigit((unsigned char)piece[0]));
					bool close = leading > -INFINITY && gap <= leading + WRAP_SLACK &&
					             (norm_wrapped_figure(text, strlen(text), piece) ||
					              (((pieces >= 2 && cur->chars == s->chars) ||
					                fills_cell(L, body, to, segs, cur, piece)) &&
					               (norm_is_figure(next) || ends_in_mark(next)))) &&
					             decimals(next) <= 2;
					if (!open && !close)
						break;
					if (open && gap > widest)
						widest = gap;
					text = next;
					cur = t;
					taken[tk] = true;
					pieces++;
					last_line = m;
				}
				if (pieces < 2 || !norm_is_figure(text) || ends_in_mark(text))
					continue;
				if (pass == 0 && widest > leading)
					leading = widest;
				for (size_t m = l + 1; pass == 1 && m <= last_line; m++)
					joined[m] = true;
			}
	}
}

/* A code part's name (类, 款, 项), each heading its own column. */
static bool code_part_name(const char *t)
{
	return strcmp(t, "\xE7\xB1\xBB") == 0 || strcmp(t, "\xE6\xAC\xBE") == 0 || strcmp(t, "\xE9\xA1\xB9") == 0;
}

/*
 * A header word spaced out across its cell (项   目, 金   额): two single Han
 * characters next to each other on a header line, apart by less than three
 * of their widths, that together meet one column of the body at most, are
 * one word; the parts of a code (类 款 项), each over its own column, stay
 * apart, and so do the last characters of two wrapped cells (其他收 | 上年结
 * over 入 | 转: a header word above one of them and not the other).
 */
static bool under_other(const tline *L, size_t from, size_t l, const segment_vec *segs, const segment *a,
                        const segment *b)
{
	for (size_t o = from; o < l; o++)
		for (size_t k = L[o].first; k < L[o].first + L[o].count; k++) {
			const segment *u = &segs->items[k];
			bool over_a = u->x0 <= a->x0 + 1 && u->x1 >= a->x1 - 1;
			bool over_b = u->x0 <= b->x0 + 1 && u->x1 >= b->x1 - 1;
			if (over_a != over_b)
				return true;
		}
	return false;
}

static void join_spaced_words(arena *tmp, const page *pg, const interval_vec *cols, tline *L, size_t from,
                              size_t body, segment_vec *segs)
{
	for (size_t l = from; l < body; l++) {
		if (L[l].numbering)
			continue;
		size_t kept = L[l].first;
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			segment *s = &segs->items[k];
			segment *b = kept > L[l].first ? &segs->items[kept - 1] : NULL;
			if (b && b->chars == 1 && s->chars == 1 && !b->numeral && !s->numeral && !b->dash && !s->dash &&
			    s->x0 - b->x1 < (b->x1 - b->x0) * 3 && columns_met(cols, b->x0, s->x1) <= 1 &&
			    !under_other(L, from, l, segs, b, s)) {
				const char *x = segment_text(tmp, pg, L[l].src, b), *y = segment_text(tmp, pg, L[l].src, s);
				if (strlen(x) == 3 && strlen(y) == 3 && (unsigned char)x[0] >= 0xE3 &&
				    (unsigned char)y[0] >= 0xE3 && !(code_part_name(x) && code_part_name(y))) {
					b->x1 = s->x1;
					b->y0 = fmin(b->y0, s->y0);
					b->y1 = fmax(b->y1, s->y1);
					b->chars = 2;
					continue;
				}
			}
			segs->items[kept++] = *s;
		}
		L[l].count = kept - L[l].first;
	}
}

/*
 * Header words set a word space apart over neighbouring columns (金额 flush right
 * over the income amounts, 项目 flush left over the expenditure labels beside
 * them) are read as one segment: a header segment meeting several columns is cut
 * where a gap between its words (a fifth of the font size at least) lies in the
 * gutter between two of the body's columns, when each part keeps two characters
 * (a title spaced out across its cell, 收   入, stays whole).
 */
static void split_at_gutters(arena *a, const page *pg, const interval_vec *cols, tline *L, size_t from,
                             size_t body, segment_vec *segs)
{
	for (size_t l = from; l < body; l++) {
		if (L[l].numbering)
			continue;
		bool cut = false;
		for (size_t k = L[l].first; k < L[l].first + L[l].count && !cut; k++) {
			const segment *s = &segs->items[k];
			cut = !s->numeral && !s->dash && columns_met(cols, s->x0, s->x1) >= 2;
		}
		if (!cut)
			continue;
		const textline *ln = L[l].src;
		size_t first = segs->len;
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			segment s = segs->items[k];
			if (s.numeral || s.dash || columns_met(cols, s.x0, s.x1) < 2) {
				*VEC_PUSH(a, segs) = s;
				continue;
			}
			/* The segment's glyphs, left to right (as the line holds them). */
			segment part = s;
			part.chars = 0;
			const glyph *prev = NULL;
			for (size_t i = ln->first; i < ln->first + ln->count; i++) {
				const glyph *g = &pg->glyphs.items[i];
				double cx = (g->x0 + g->x1) / 2;
				if (cx < s.x0 || cx > s.x1 || (g->flags & GLYPH_SPACE))
					continue;
				double size = g->size > 0 ? g->size : 10;
				bool gutter = false;
				if (prev && part.chars >= 2 && g->x0 - prev->x1 >= size * 0.2) {
					for (size_t c = 0; c + 1 < cols->len && !gutter; c++)
						gutter = cols->items[c].x1 <= g->x0 + 1 && cols->items[c + 1].x0 >= prev->x1 - 1 &&
						         cols->items[c].x1 >= part.x0 && cols->items[c + 1].x0 <= s.x1;
					/* The rest must keep two characters too. */
					size_t rest = 0;
					for (size_t j = i; j < ln->first + ln->count && gutter; j++) {
						const glyph *h = &pg->glyphs.items[j];
						double hx = (h->x0 + h->x1) / 2;
						rest += hx >= s.x0 && hx <= s.x1 && !(h->flags & GLYPH_SPACE);
					}
					gutter = gutter && rest >= 2;
				}
				if (gutter) {
					part.x1 = prev->x1;
					*VEC_PUSH(a, segs) = part;
					part = s;
					part.x0 = g->x0;
					part.chars = 0;
					part.y0 = g->y0;
					part.y1 = g->y1;
				}
				if (!part.chars) {
					part.y0 = g->y0;
					part.y1 = g->y1;
				}
				part.y0 = fmin(part.y0, g->y0);
				part.y1 = fmax(part.y1, g->y1);
				part.chars++;
				prev = g;
			}
			part.x1 = s.x1;
			*VEC_PUSH(a, segs) = part;
		}
		L[l].first = first;
		L[l].count = segs->len - first;
	}
}

static bool figure_heads(const tline *L, size_t nl, size_t l, size_t b, const segment_vec *segs);
static bool labels_wrapped_over(const tline *L, size_t nl, size_t l, size_t b, const segment_vec *segs);
static bool figure_tails(const tline *L, size_t l, const segment_vec *segs);

/* The column of cols under x (cols->len when none). */
static size_t column_at(const interval_vec *cols, double x)
{
	for (size_t c = 0; c < cols->len; c++)
		if (x > cols->items[c].x0 - 1 && x < cols->items[c].x1 + 1)
			return c;
	return cols->len;
}

/* Do the texts of lines l+1..m (down to the row's figures) carry on the label of the code
 * line l, in the column where it prints its text, not in the code's own column (a 人员经费合计
 * row under a code row with its name in a column of its own)? */
static bool label_carried(const interval_vec *cols, const tline *L, size_t l, size_t m, const segment_vec *segs)
{
	size_t code_col = cols->len, text_col = cols->len;
	for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
		const segment *s = &segs->items[k];
		size_t c = column_at(cols, s->x0);
		if (s->code && code_col == cols->len)
			code_col = c;
		else if (!s->code && !s->amount && !s->dash && text_col == cols->len)
			text_col = c;
	}
	if (text_col == cols->len)
		return true;
	for (size_t q = l + 1; q <= m; q++)
		for (size_t k = L[q].first; k < L[q].first + L[q].count; k++) {
			const segment *s = &segs->items[k];
			if (s->code || s->amount || s->dash || s->numeral)
				continue;
			if (column_at(cols, s->x0) != text_col && !(code_col == text_col && column_at(cols, s->x1) == text_col))
				return false;
		}
	return true;
}

/* Does a column meeting [x0, x1] hold anything printed in the body? */
static bool body_near(const interval_vec *cols, const tline *L, size_t body, size_t to, const segment_vec *segs,
                         double x0, double x1)
{
	for (size_t i = 0; i < cols->len; i++) {
		const interval *c = &cols->items[i];
		if (c->x1 < x0 || c->x0 > x1)
			continue;
		for (size_t l = body; l < to; l++)
			for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
				const segment *b = &segs->items[k];
				if (b->x1 >= c->x0 - 1 && b->x0 <= c->x1 + 1)
					return true;
			}
	}
	return false;
}

static void build_table(document *doc, page *pg, tline_vec *lines, size_t from, size_t body, size_t to,
                        segment_vec *segs, found_vec *out)
{
	arena *tmp = arena_new();
	tline *L = lines->items;
	/* Columns: body first, then header lines from the lowest up. */
	interval_vec cols = { 0 };
	for (size_t l = body; l < to; l++)
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++)
			if (segs->items[k].amount || segs->items[k].code || segs->items[k].dash)
				add_column(tmp, &cols, segs->items[k].x0, segs->items[k].x1);
	/* Body text, widest first (a 总计 centred under the labels meets their column rather than
	 * opening one): a label spanning figure columns (公用经费合计) shapes none.  Totals come
	 * last, once the labels have their columns: 人员经费合计 set across the codes and the
	 * names, wider than any name, meets both rather than joining them. */
	VEC(const segment *) texts = { 0 };
	size_t plain = 0;
	for (int totals = 0; totals < 2; totals++) {
		for (size_t l = body; l < to; l++)
			for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
				const segment *s = &segs->items[k];
				if (s->amount || s->code || s->dash)
					continue;
				const char *t = segment_text(tmp, pg, L[l].src, s);
				bool total = strstr(t, "\xE5\x90\x88\xE8\xAE\xA1") || strstr(t, "\xE6\x80\xBB\xE8\xAE\xA1");
				if (total == (totals == 1))
					*VEC_PUSH(tmp, &texts) = s;
			}
		if (totals == 0)
			plain = texts.len;
	}
	if (plain)
		qsort(texts.items, plain, sizeof *texts.items, cmp_segment_width);
	if (texts.len > plain)
		qsort(texts.items + plain, texts.len - plain, sizeof *texts.items, cmp_segment_width);
	for (size_t i = 0; i < texts.len; i++) {
		const segment *s = texts.items[i];
		size_t met = columns_met(&cols, s->x0, s->x1);
		if (met == 0 && lone_between_figures(tmp, pg, &cols, L, body, to, segs, s))
			continue;
		if (met == 1 && total_across_codes(tmp, pg, &cols, L, body, to, segs, s))
			continue;
		if (met <= 1)
			widen_column(tmp, &cols, s->x0, s->x1, 0);
		/* (One spanning columns still lies within the table: 人员经费合计 reaching left of
		 * the codes centred in their column.) */
		if (met >= 2 && s->x0 < cols.items[0].x0)
			cols.items[0].x0 = s->x0;
		if (met >= 2 && s->x1 > cols.items[cols.len - 1].x1)
			cols.items[cols.len - 1].x1 = s->x1;
	}
	/* Header cells sit close together: cut header lines at narrower gaps, and between
	 * words over two of the body's columns. */
	for (size_t l = from; l < body; l++)
		segment_line(doc->arena, pg, L[l].src, 0.5, &cols, segs, &L[l]);
	split_at_gutters(doc->arena, pg, &cols, L, from, body, segs);
	join_spaced_words(tmp, pg, &cols, L, from, body, segs);
	name_code_columns(&cols, L, from, body, to, segs);
	int align = header_alignment(&cols, L, from, body, to, segs);
	size_t ranked_line = 0;
	int side[2] = { 0, 0 };
	int how = 0;
	const segment *ranked = header_line_per_column(tmp, &cols, L, from, body, to, segs, &ranked_line, side, &how);
	/* Words read by rank standing right of their columns, none left: the header is set
	 * flush right over figures set otherwise. */
	if (align == 0 && side[1] >= 2 && side[0] == 0)
		align = 1;
	const char *placed = NULL; /* a header word given to the column left of it */
	for (size_t l = body; l-- > from;)
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			const segment *s = &segs->items[k];
			size_t met = columns_met(&cols, s->x0, s->x1);
			size_t gi, gk;
			/* A group title over the columns beside it, or a segment spanning several, shapes none. */
			if (met <= 1 && l + 1 < body && group_title_run(&cols, L, from, l, body, k, segs, align, &gi, &gk))
				continue;
			bool leftward;
			if (met == 0 && gap_column(&cols, L, from, body, to, segs, k, &gi, &leftward)) {
				if (leftward && !placed)
					placed = segment_text(tmp, pg, L[l].src, s);
				widen_column(tmp, &cols, s->x0 < cols.items[gi].x0 ? s->x0 : cols.items[gi].x0,
				             s->x1 > cols.items[gi].x1 ? s->x1 : cols.items[gi].x1, 0);
				continue;
			}
			if (met == 0 && code_column_left(&cols, L, from, body, to, segs, k, &gi)) {
				widen_column(tmp, &cols, cols.items[gi].x0, s->x1, 0);
				continue;
			}
			if (met == 0 && align == 1 && !L[l].numbering &&
			    flush_right_owner(&cols, L, from, body, to, segs, k, &gi)) {
				widen_column(tmp, &cols, cols.items[gi].x0, s->x1, 0);
				continue;
			}
			double snap = (s->y1 - s->y0) * (s->chars <= 2 ? 1.0 : 0.6);
			/* Right of a column of right-aligned amounts, a header word of its own is no part of
			 * it: a column left blank in the body. */
			if (met == 0 && amounts_left_only(&cols, L, body, to, segs, s->x0, s->x1, snap)) {
				add_column(tmp, &cols, s->x0, s->x1);
				continue;
			}
			/* Only a column printing in the body takes a word beside it: beside one opened
			 * by header words over a column left blank (上缴上 | 级支出 beside 经营支 | 出), a
			 * word of its own opens its own. */
			if (met == 0 && !body_near(&cols, L, body, to, segs, s->x0 - snap, s->x1 + snap))
				snap = 0;
			if (met <= 1)
				widen_column(tmp, &cols, s->x0, s->x1, snap);
		}
	renumber_columns(tmp, &cols, pg, L, from, body, to, segs);
	pair_label_columns(&cols, L, from, body, to, segs);
	if (cols.len < 2) {
		arena_free(tmp);
		return;
	}
	/* Group titles: a header segment centred over two or more columns that
	 * the line below fills in separately (收入 over 项目 行次 金额). */
	span_vec spans = { 0 };
	for (size_t l = from; l + 1 < body; l++) {
		for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
			size_t gi, gk;
			if (group_title_run(&cols, L, from, l, body, k, segs, align, &gi, &gk)) {
				const segment *t = &segs->items[k];
				/* A title under another nests in its run or stands clear of it. */
				bool straddles = false;
				for (size_t q = 0; q < spans.len && !straddles; q++) {
					double x0 = cols.items[gi].x0, x1 = cols.items[gk].x1;
					straddles = spans.items[q].cy < t->y0 && x0 < spans.items[q].x1 && x1 > spans.items[q].x0 &&
					            (x0 < spans.items[q].x0 - 1 || x1 > spans.items[q].x1 + 1) &&
					            (x0 > spans.items[q].x0 + 1 || x1 < spans.items[q].x1 - 1);
				}
				if (straddles)
					continue;
				*VEC_PUSH(tmp, &spans) = (span_request){ k, (t->y0 + t->y1) / 2, cols.items[gi].x0,
				                                         cols.items[gk].x1, t->y1 + 0.5 };
			}
		}
	}
	/* The border goes under a title's wrapped lines too. */
	hcell_vec cells = header_cells(tmp, segs, L, from, body, &cols, &spans);
	for (size_t i = 0; i < spans.len; i++)
		for (size_t c = 0; c < cells.len; c++)
			if (cells.items[c].seg == spans.items[i].seg)
				spans.items[i].under = cells.items[c].y1 + 0.5;
	double left = cols.items[0].x0 - 2, right = cols.items[cols.len - 1].x1 + 2;
	double top = L[from].src->bb.y0 - 2, bottom = L[to - 1].src->bb.y1 + 2;
	/* Horizontal rules across the table (not claimed by a ruled table: those lines are gone). */
	seg_vec rules = { 0 };
	for (size_t i = 0; i < pg->rulings.len; i++) {
		const ruling *r = &pg->rulings.items[i];
		if (r->y0 != r->y1 || r->x1 - r->x0 < 14)
			continue;
		double ov = (r->x1 < right ? r->x1 : right) - (r->x0 > left ? r->x0 : left);
		if (ov < 14 || r->y0 < top - 8 || r->y0 > bottom + 8)
			continue;
		if (through_text(segs, L, from, to, r))
			continue;
		*VEC_PUSH(tmp, &rules) = (seg){ r->y0, r->x0 > left ? r->x0 : (float)left, r->x1 < right ? r->x1 : (float)right };
		/* A full-width rule just outside the text bounds the table. */
		if (ov > (right - left) * 0.6) {
			if (r->y0 < top) top = r->y0;
			if (r->y0 > bottom) bottom = r->y0;
		}
	}
	/* Do the rules separate the anchors?  Count anchors sharing a band.  A
	 * line with a code and no figure sharing a band with the next anchor is
	 * a wrapped label's first line ("2010102 一" over the row's figures and
	 * "般行政管理事务"), not a row: when the rules separate the rows, one
	 * such pair to a band at most, it does not count against them. */
	size_t anchors = 0, separated = 0, wrapped = 0;
	for (size_t l = body; l < to; l++) {
		if (!L[l].anchor)
			continue;
		anchors++;
		for (size_t l2 = l + 1; l2 < to; l2++) {
			if (!L[l2].anchor)
				continue;
			bool apart = false;
			for (size_t r = 0; r < rules.len && !apart; r++)
				apart = rules.items[r].at > L[l].cy && rules.items[r].at < L[l2].cy &&
				        rules.items[r].hi - rules.items[r].lo > (right - left) * 0.5;
			if (apart)
				separated++;
			else if (L[l].codes > 0 && L[l].amounts == 0 && L[l].dashes == 0)
				wrapped++;
			break;
		}
	}
	bool ruled_rows = anchors > 1 && separated + wrapped + 1 >= anchors && (wrapped == 0 || (separated >= 2 && separated + 1 >= wrapped));
	VEC(double) ys = { 0 };
	*VEC_PUSH(tmp, &ys) = top;
	*VEC_PUSH(tmp, &ys) = bottom;
	seg_vec hs = { 0 }, vs = { 0 };
	for (size_t r = 0; r < rules.len; r++) {
		if (rules.items[r].at <= top + 1 || rules.items[r].at >= bottom - 1)
			continue;
		*VEC_PUSH(tmp, &ys) = rules.items[r].at;
		*VEC_PUSH(tmp, &hs) = rules.items[r];
	}
	VEC(double) virtual_ys = { 0 };
	if (!ruled_rows) {
		/* Row groups: anchors, with text lines near them.  Within the body a line printing
		 * a dash beside its text is a row too (二、政府性基金预算拨款收入 | -). */
		bool *ra = arena_calloc(tmp, to, sizeof(bool));
		for (size_t l = body; l < to; l++)
			ra[l] = L[l].anchor || (L[l].dashes > 0 && L[l].count >= 2 && !L[l].numbering);
		/* A label wrapped round the figures set beside its middle: a line with a code and no
		 * figure, then lines of its text, stacked tight down to a line of figures with no code
		 * (2010102 一 | 般行政管理 336,414.23 … | 事务).  The code line leads that row and is no
		 * anchor of its own; as many text lines under the figures as over them are the row's. */
		size_t *lead = arena_calloc(tmp, to, sizeof(size_t));
		for (size_t l = body; l < to; l++) {
			bool whole = false; /* a whole code, not the tails of figures wrapped in their cells (79 48) */
			for (size_t k = L[l].first; k < L[l].first + L[l].count; k++)
				whole = whole || (segs->items[k].code && !segs->items[k].split_code);
			if (!whole || L[l].amounts > 0 || L[l].dashes > 0 || L[l].numbering)
				continue;
			double lh = L[l].src->bb.y1 - L[l].src->bb.y0;
			size_t m = l + 1;
			while (m < to && m < l + 5 && !ra[m] && L[m].codes == 0 && L[m].amounts == 0 && L[m].dashes == 0 &&
			       L[m].src->bb.y0 - L[m - 1].src->bb.y1 < lh * 0.5)
				m++;
			/* (No code where the code line prints its own: the figures' line may print the row's
			 * number, 序号 11, and figures read as codes for want of text before them, 1695444;
			 * but figures so read right over the next row's code line, printing none, are the
			 * first pieces of that row's figures wrapped round it: 79489 over 30305 生活补助.) */
			bool coded = false;
			for (size_t n = m; n <= m + 1 && n < to; n++)
				for (size_t k = L[n].first; k < L[n].first + L[n].count; k++) {
					const segment *o = &segs->items[k];
					for (size_t q = L[l].first; q < L[l].first + L[l].count && o->code; q++) {
						const segment *c = &segs->items[q];
						coded = coded || (c->code && !c->split_code && o->x0 < c->x1 && o->x1 > c->x0 &&
						                  (n == m || (L[m].codes > 0 && L[n].amounts == 0 &&
						                              L[n].src->bb.y0 - L[m].src->bb.y1 < lh * 0.5)));
					}
				}
			if (m < to && m < l + 5 && ra[m] && !coded && (L[m].amounts > 0 || L[m].dashes > 0) &&
			    L[m].src->bb.y0 - L[m - 1].src->bb.y1 < lh * 0.5 && label_carried(&cols, L, l, m, segs)) {
				lead[l] = m;
				ra[l] = false;
			}
		}
		VEC(double) centres = { 0 };
		for (size_t l = body; l < to; l++)
			if (ra[l])
				*VEC_PUSH(tmp, &centres) = L[l].cy;
		double pitch = 0;
		if (centres.len > 1) {
			double *gaps = arena_calloc(tmp, centres.len - 1, sizeof(double));
			for (size_t i = 1; i < centres.len; i++)
				gaps[i - 1] = centres.items[i] - centres.items[i - 1];
			qsort(gaps, centres.len - 1, sizeof(double), cmp_double);
			/* The smallest gap of a line's height or more: with zeros printed as nothing,
			 * anchors often stand two rows apart (the middle gap would be two rows), and
			 * the pieces of a figure wrapped in its cell stand closer than a line. */
			double lh = L[body].src->bb.y1 - L[body].src->bb.y0;
			pitch = gaps[(centres.len - 1) / 2];
			for (size_t i = 0; i + 1 < centres.len; i++)
				if (gaps[i] >= lh) {
					pitch = gaps[i];
					break;
				}
		}
		/* Group index per body line. */
		int *group = arena_calloc(tmp, to, sizeof(int));
		int g = -1;
		for (size_t l = body; l < to; l++) {
			if (ra[l]) {
				/* A text line just above, nearer this anchor than the one before, joins it. */
				group[l] = ++g;
				for (size_t p = l; p-- > body && !ra[p];) {
					double up = L[l].cy - L[p].cy;
					bool prev_anchor_near = false;
					for (size_t q = p; q-- > body;)
						if (ra[q]) {
							prev_anchor_near = L[p].cy - L[q].cy < up;
							break;
						}
					/* The first lines of figures wrapped in their cells, set closer
					 * over this row than under the row before, are this row's. */
					double above = p > body ? L[p].src->bb.y0 - L[p - 1].src->bb.y1 : INFINITY;
					bool heads = figure_heads(L, to, p, p + 1, segs) &&
					             !(p > body && figure_tails(L, p, segs) &&
					               above <= L[p + 1].src->bb.y0 - L[p].src->bb.y1);
					if (((up < pitch * 0.6 || overlaps_much(L[p].src, L[l].src)) && !prev_anchor_near) || heads)
						group[p] = g;
					else
						break;
				}
			} else {
				bool near_prev = false;
				for (size_t q = l; q-- > body;)
					if (ra[q]) {
						near_prev = L[l].cy - L[q].cy < pitch * 0.6 || overlaps_much(L[q].src, L[l].src);
						break;
					}
				group[l] = near_prev ? g : ++g;
			}
		}
		/* A label wrapped over three lines or more leaves lines far from
		 * the figures: a text line stacked closer to a row's line than rows
		 * stand apart, starting with a label of it (or, alone on its line,
		 * centred under it: the last line of a centred label), joins that row. */
		double row_gap = 0;
		VEC(double) gaps = { 0 };
		for (size_t l = body + 1; l < to; l++)
			if (ra[l] && ra[l - 1])
				*VEC_PUSH(tmp, &gaps) = L[l].src->bb.y0 - L[l - 1].src->bb.y1;
		if (gaps.len) {
			qsort(gaps.items, gaps.len, sizeof(double), cmp_double);
			row_gap = gaps.items[gaps.len / 2];
		}
		for (size_t l = body; l < to; l++) {
			if (!lead[l])
				continue;
			size_t m = lead[l], q = m + 1;
			for (size_t p = l; p < m; p++)
				group[p] = group[m];
			double lh = L[l].src->bb.y1 - L[l].src->bb.y0;
			for (; q < to && q <= m + (m - l) && !ra[q] && !lead[q] && L[q].codes == 0 && L[q].amounts == 0 &&
			       L[q].dashes == 0 && L[q].src->bb.y0 - L[q - 1].src->bb.y1 < lh * 0.5;
			     q++)
				group[q] = group[m];
		}
		bool *has_anchor = arena_calloc(tmp, to + 1, sizeof(bool));
		for (size_t l = body; l < to; l++)
			if (ra[l])
				has_anchor[group[l]] = true;
		/* (With one row, lines must overlap to stack.) */
		for (bool changed = true; changed;) {
			changed = false;
			for (size_t l = body; l < to; l++) {
				if (ra[l] || has_anchor[group[l]])
					continue;
				double stack = row_gap - (L[l].src->bb.y1 - L[l].src->bb.y0) * 0.1;
				if (l + 1 < to && has_anchor[group[l + 1]] && L[l + 1].src->bb.y0 - L[l].src->bb.y1 < stack &&
				    share_label_start(L, l, l + 1, segs))
					group[l] = group[l + 1];
				else if (l > body && has_anchor[group[l - 1]] && L[l].src->bb.y0 - L[l - 1].src->bb.y1 < stack &&
				         (share_label_start(L, l - 1, l, segs) ||
				          (L[l].count == 1 && centred_under_label(L, l - 1, &segs->items[L[l].first], segs))))
					group[l] = group[l - 1];
				else
					continue;
				changed = true;
			}
		}
		/* The lines of a figure wrapped in its cell are one row. */
		bool *joined = arena_calloc(tmp, to + 1, sizeof(bool));
		wrapped_figures(tmp, pg, L, body, to, segs, joined);
		for (size_t l = body + 1; l < to; l++)
			if (joined[l] && group[l] != group[l - 1])
				for (int old = group[l], m = (int)l; m < (int)to && group[m] == old; m++)
					group[m] = group[l - 1];
		/* Figures one above another in a row's cell, not read as one figure wrapped in it
		 * nor parted by a rule, end up in one cell: two rows' figures taken as one row, or a
		 * figure wrapped in a way not seen.  Say so. */
		for (size_t l = body + 1; l < to; l++)
			for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
				const segment *s = &segs->items[k];
				if (!(s->amount || s->numeral) || s->dash)
					continue;
				size_t c = one_column(&cols, s->x0, s->x1);
				for (size_t p = l; p-- > body && group[p] == group[l] && c < cols.len;) {
					const segment *o = NULL;
					for (size_t q = L[p].first; q < L[p].first + L[p].count && !o; q++)
						if ((segs->items[q].amount || segs->items[q].numeral) && !segs->items[q].dash &&
						    one_column(&cols, segs->items[q].x0, segs->items[q].x1) == c)
							o = &segs->items[q];
					if (!o)
						continue;
					bool wrapped = true;
					for (size_t m = p + 1; m <= l; m++)
						wrapped = wrapped && joined[m];
					/* (Pieces the cell reads as one figure are one: 66933 over 3, 463, over 972.) */
					const char *up = segment_text(tmp, pg, L[p].src, o), *down = segment_text(tmp, pg, L[l].src, s);
					wrapped = wrapped || ends_in_mark(up) || norm_wrapped_figure(up, strlen(up), down);
					/* (A rule between them parts the cell: two rows after all.) */
					for (size_t r = 0; r < rules.len && !wrapped; r++)
						wrapped = rules.items[r].at > o->y1 - 1 && rules.items[r].at < s->y0 + 1 &&
						          rules.items[r].lo <= s->x0 && rules.items[r].hi >= s->x1;
					if (!wrapped) {
						doc_warn(doc, "figures_stacked", pg->number, NULL,
						         "a table without vertical rules prints '%s' over '%s' in one cell of a row: read as "
						         "one cell, though they may be two rows' figures or a figure wrapped in its cell",
						         up, down);
						l = to;
					}
					break;
				}
				if (l == to)
					break;
			}
		/* Renumber groups in line order (a line pulled into the next anchor's group). */
		for (size_t l = body + 1; l < to; l++)
			if (group[l] != group[l - 1]) {
				double y = (L[l - 1].src->bb.y1 + L[l].src->bb.y0) / 2;
				*VEC_PUSH(tmp, &virtual_ys) = y;
			}
		if (body > from)
			*VEC_PUSH(tmp, &virtual_ys) = (L[body - 1].src->bb.y1 + L[body].src->bb.y0) / 2;
	} else if (body > from) {
		/* The header's lower border: a rule, or half-way to the body. */
		bool ruled = false;
		double hy = (L[body - 1].src->bb.y1 + L[body].src->bb.y0) / 2;
		for (size_t r = 0; r < rules.len; r++)
			ruled = ruled || (rules.items[r].at > L[body - 1].cy && rules.items[r].at < L[body].cy);
		if (!ruled)
			*VEC_PUSH(tmp, &virtual_ys) = hy;
	}
	for (size_t i = 0; i < virtual_ys.len; i++)
		*VEC_PUSH(tmp, &ys) = virtual_ys.items[i];
	/* Grid lines. */
	double *xs = arena_calloc(tmp, cols.len + 1, sizeof(double));
	xs[0] = left;
	for (size_t i = 1; i < cols.len; i++) {
		xs[i] = (cols.items[i - 1].x1 + cols.items[i].x0) / 2;
		/* A rule across part of the table ending in the gap ends at the border drawn there. */
		for (size_t r = 0; r < rules.len; r++) {
			const seg *ru = &rules.items[r];
			if (ru->hi - ru->lo > (right - left) * 0.9)
				continue;
			if (ru->hi > cols.items[i - 1].x1 && ru->hi < cols.items[i].x0)
				xs[i] = ru->hi;
			else if (ru->lo > cols.items[i - 1].x1 && ru->lo < cols.items[i].x0)
				xs[i] = ru->lo;
		}
	}
	xs[cols.len] = right;
	/* Header borders: between cells stacked in a column, and right under
	 * each group title across the columns it heads. */
	border_vec borders = { 0 };
	/* The line numbering the columns is a row across the whole table. */
	for (size_t l = from; l < body; l++)
		if (L[l].numbering)
			*VEC_PUSH(tmp, &cells) = (hcell){ left, L[l].src->bb.y0, right, L[l].src->bb.y1, left, right,
			                                  L[l].src->bb.y1 - L[l].src->bb.y0, true, SIZE_MAX };
	if (cells.len)
		qsort(cells.items, cells.len, sizeof(hcell), cmp_hcell_y);
	stacked_borders(tmp, &cells, xs, cols.len + 1, &rules, &spans, &borders);
	for (size_t i = 0; i < spans.len; i++) {
		size_t lo = 0, hi = cols.len;
		for (size_t j = 0; j <= cols.len; j++) {
			if (xs[j] <= spans.items[i].x0)
				lo = j;
			if (xs[j] >= spans.items[i].x1 && hi == cols.len)
				hi = j;
		}
		for (size_t j = lo; j < hi; j++)
			*VEC_PUSH(tmp, &borders) = (border){ spans.items[i].under, j };
	}
	settle_borders(&borders, L[from].src->size);
	for (size_t i = 0; i < borders.len; i++) {
		*VEC_PUSH(tmp, &ys) = borders.items[i].y;
		*VEC_PUSH(tmp, &hs) = (seg){ (float)borders.items[i].y, (float)xs[borders.items[i].col],
		                             (float)xs[borders.items[i].col + 1] };
	}
	qsort(ys.items, ys.len, sizeof(double), cmp_double);
	size_t ny = 0;
	for (size_t i = 0; i < ys.len; i++)
		if (!ny || ys.items[i] - ys.items[ny - 1] > 3)
			ys.items[ny++] = ys.items[i];
	grid gr = { xs, ys.items, cols.len + 1, ny };
	/* Virtual borders: drawn except where text crosses them. */
	double header_bottom = body > from ? L[body].src->bb.y0 : top;
	for (size_t i = 0; i + 1 < gr.ny; i++)
		for (size_t j = 0; j < gr.nx; j++) {
			bool outer = j == 0 || j + 1 == gr.nx;
			/* In the header, a partial rule running under a band across x
			 * underlines a group title: no border through it. */
			bool grouped = false;
			if (!outer && gr.ys[i + 1] <= header_bottom)
				for (size_t r = 0; r < rules.len && !grouped; r++) {
					const seg *ru = &rules.items[r];
					/* Well past x on both sides: a rule ending near x ends at the cell's border. */
					grouped = fabs(ru->at - gr.ys[i + 1]) < 3 && ru->lo < xs[j] - (xs[j] - xs[j - 1]) * 0.25 &&
					          ru->hi > xs[j] + (xs[j + 1] - xs[j]) * 0.25 &&
					          ru->hi - ru->lo < (right - left) * 0.9 && titled_rule(segs, L, from, body, ru);
				}
			for (size_t q = 0; q < spans.len && !grouped; q++)
				grouped = spans.items[q].cy > gr.ys[i] && spans.items[q].cy < gr.ys[i + 1] &&
				          spans.items[q].x0 < xs[j] && spans.items[q].x1 > xs[j];
			if (outer || (!grouped && !crossed_at_x(segs, L, from, to, xs[j], gr.ys[i], gr.ys[i + 1])))
				*VEC_PUSH(tmp, &vs) = (seg){ (float)xs[j], (float)gr.ys[i], (float)gr.ys[i + 1] };
		}
	*VEC_PUSH(tmp, &hs) = (seg){ (float)top, (float)left, (float)right };
	*VEC_PUSH(tmp, &hs) = (seg){ (float)bottom, (float)left, (float)right };
	for (size_t i = 0; i < virtual_ys.len; i++)
		for (size_t j = 0; j + 1 < gr.nx; j++)
			if (!crossed_at_y(segs, L, from, to, virtual_ys.items[i], xs[j], xs[j + 1]))
				*VEC_PUSH(tmp, &hs) = (seg){ (float)virtual_ys.items[i], (float)xs[j], (float)xs[j + 1] };
	found_table ft = { 0 };
	if (tables_build_grid(doc, pg, &gr, &hs, &vs, &ft)) {
		ft.inferred = true;
		if (placed)
			ft.doubt = arena_printf(doc->arena,
			                        "header word '%s' stands between columns, over none of the body's text or figures: "
			                        "taken as the head of the label column left of it",
			                        placed);
		else if (ranked)
			ft.doubt = arena_printf(doc->arena,
			                        "header word '%s' stands between columns, over none of the body's text or figures: "
			                        "taken as the head of the %s",
			                        segment_text(tmp, pg, L[ranked_line].src, ranked),
			                        how == 2 ? "nearest column on the side where every header word apart stands "
			                                   "(each column of amounts gets one)"
			                        : how == 1 ? "column of its rank (the header's lowest cells print one word a column)"
			                                   : "column of its rank (its line prints one word a column)");
		*VEC_PUSH(doc->arena, out) = ft;
	}
	arena_free(tmp);
}

static bool ends_with_table(const char *text)
{
	size_t n = strlen(text);
	while (n && text[n - 1] == ' ')
		n--;
	return n >= 3 && memcmp(text + n - 3, "\xE8\xA1\xA8", 3) == 0 && n <= 120; /* 表 */
}

static bool starts_with_total(const char *text)
{
	while (*text == ' ')
		text++;
	/* 合计 / 总计, possibly spaced out */
	if (strncmp(text, "\xE5\x90\x88", 3) != 0 && strncmp(text, "\xE6\x80\xBB", 3) != 0)
		return false;
	text += 3;
	while (*text == ' ')
		text++;
	return strncmp(text, "\xE8\xAE\xA1", 3) == 0;
}

/* Does segment s stand left of line b's first amount, over none of b's figures or codes (the
 * place of b's label, printed round it: over the label's next line at most), or right of a code of b with an amount after it (the
 * label place of a block beside another: 302 | 商品和服务支/出 | 307440.63 right of 人员经费's
 * 301 | 工资福利支出 | 138347.09)? */
static bool label_gap_of(const segment *s, const tline *L, size_t b, const segment_vec *segs)
{
	const segment *left = NULL;
	bool amount_right = false;
	for (size_t k = L[b].first; k < L[b].first + L[b].count; k++) {
		const segment *o = &segs->items[k];
		if (o->x1 > s->x0 && o->x0 < s->x1) {
			/* (over the next line of its own label: 商品和 over 服务支 over 出) */
			if (o->amount || o->code || o->integer || o->dash)
				return false;
			continue;
		}
		if (o->x1 <= s->x0 && (!left || o->x1 > left->x1))
			left = o;
		amount_right = amount_right || (o->amount && o->x0 >= s->x1);
	}
	bool after_code = left && (left->code || (left->integer && left->chars >= 3 && left->chars <= 9));
	for (size_t k = L[b].first; k < L[b].first + L[b].count && !after_code; k++)
		if (segs->items[k].amount && segs->items[k].x1 <= s->x0)
			return false;
	return amount_right;
}

/* Does each segment of line l stand in a label place of line b (label_gap_of: one label a
 * block, 工资福利支 and 商品和服 over their rows' 301 … | 302 …)?  Several segments must
 * each be a piece of a label, two characters at least: 类 款 项 over a 合计 row are the
 * header's. */
static bool label_gap(const tline *L, size_t l, size_t b, const segment_vec *segs)
{
	for (size_t k = L[l].first; k < L[l].first + L[l].count; k++)
		if (!label_gap_of(&segs->items[k], L, b, segs) || (L[l].count > 1 && segs->items[k].chars < 2))
			return false;
	return L[l].count > 0;
}

/*
 * Is line l the first line of line b's labels, wrapped round the figures
 * centred beside them (一、一般公共预 over 算拨款 5,004,562.37, or over the
 * figures alone and 算财政拨款 under them): it reaches down into b, and each of
 * its segments is text starting where a text segment starts on b or on the
 * lines set into it below (up to two, of the nl lines)?
 */
static bool labels_wrapped_over(const tline *L, size_t nl, size_t l, size_t b, const segment_vec *segs)
{
	if (!L[l].count || L[l].src->bb.y1 <= L[b].src->bb.y0 + 0.5 || L[l].src->bb.y0 >= L[b].src->bb.y0)
		return false;
	for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
		const segment *s = &segs->items[k];
		if (s->amount || s->code || s->integer || s->dash)
			return false;
		bool under = false;
		for (size_t m = b; m < nl && m < b + 3 && !under; m++) {
			if (m > b && L[m].src->bb.y0 >= L[m - 1].src->bb.y1)
				break;
			for (size_t o = L[m].first; o < L[m].first + L[m].count && !under; o++) {
				const segment *t = &segs->items[o];
				under = !t->amount && !t->code && !t->integer && !t->dash && fabs(t->x0 - s->x0) < 1.5;
			}
		}
		if (!under)
			return false;
	}
	return true;
}

/*
 * Is line l, set close over line b, nothing but the first lines of figures
 * wrapped in their narrow cells (418761. over 34), each over a figure of the
 * body below it (line b or the two after it, of the nl lines)?
 */
static bool figure_heads(const tline *L, size_t nl, size_t l, size_t b, const segment_vec *segs)
{
	double lh = L[l].src->bb.y1 - L[l].src->bb.y0;
	if (L[b].src->bb.y0 - L[l].src->bb.y1 > lh)
		return false;
	for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
		const segment *s = &segs->items[k];
		if (!s->numeral || s->dash)
			return false;
		bool over = false;
		for (size_t m = L[b].first; m < L[b].first + L[b].count && !over; m++) {
			const segment *o = &segs->items[m];
			over = (o->amount || o->numeral) && o->x1 > s->x0 - lh && o->x0 < s->x1 + lh;
		}
		for (size_t n = b + 1; n < b + 3 && n < nl && !over; n++)
			for (size_t m = L[n].first; m < L[n].first + L[n].count && !over; m++) {
				const segment *o = &segs->items[m];
				over = (o->amount || o->numeral) && o->x1 > s->x0 - lh && o->x0 < s->x1 + lh;
			}
		if (!over)
			return false;
	}
	return L[l].count > 0;
}

/* Is line l, set close under the line before, nothing but the last lines of figures wrapped in
 * their cells (34 under 418761.), each under a figure of one of the three lines before? */
static bool figure_tails(const tline *L, size_t l, const segment_vec *segs)
{
	double lh = L[l].src->bb.y1 - L[l].src->bb.y0;
	if (l == 0 || L[l].src->bb.y0 - L[l - 1].src->bb.y1 > lh)
		return false;
	for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
		const segment *s = &segs->items[k];
		if (!s->numeral || s->dash)
			return false;
		bool under = false;
		for (size_t n = l; n-- > 0 && n + 3 >= l && !under;)
			for (size_t m = L[n].first; m < L[n].first + L[n].count && !under; m++) {
				const segment *o = &segs->items[m];
				under = o->numeral && !o->code && o->x1 > s->x0 - lh && o->x0 < s->x1 + lh;
			}
		if (!under)
			return false;
	}
	return L[l].count > 0;
}

/* Are line l's figures all the last pieces of figures wrapped in their cells, each right under
 * a piece of the lines before (up to three), set as close as the lines of a cell and reading
 * with it as one figure (92410 over 5 beside a label's last line 媒支出)? */
static bool wrapped_tails(arena *a, const page *pg, const tline *L, size_t l, const segment_vec *segs)
{
	bool any = false;
	for (size_t k = L[l].first; k < L[l].first + L[l].count; k++) {
		const segment *s = &segs->items[k];
		if (!(s->amount || s->numeral) || s->dash)
			continue;
		any = true;
		const segment *up = NULL;
		size_t upl = 0;
		for (size_t n = l; n-- > 0 && n + 3 >= l && !up;)
			for (size_t m = L[n].first; m < L[n].first + L[n].count && !up; m++)
				if (segs->items[m].x0 < s->x1 && segs->items[m].x1 > s->x0) {
					up = &segs->items[m];
					upl = n;
				}
		if (!up || !up->numeral || up->dash || s->y0 - up->y1 > (up->y1 - up->y0) * WRAP_LEADING)
			return false;
		const char *head = segment_text(a, pg, L[upl].src, up);
		if (!norm_wrapped_figure(head, strlen(head), segment_text(a, pg, L[l].src, s)))
			return false;
	}
	return any;
}

#define FRAME_TOL 3.0 /* pt: a vertical rule starting this close to a rule's end meets it */
#define FRAME_LINES 3.0 /* a box holds this many line heights at least (not one shaded row) */

/*
 * Is there, between y0 and y1, the top of a frame: a rule with a vertical
 * rule going down from each of its ends for three line heights (lh) or more,
 * holding two lines of amounts a line apart (a box drawn round the table, not
 * a shaded row or header, nor a shaded row whose figures wrap in their cells)?
 * Nothing above it is the table's.
 */
static bool frame_top_between(arena *a, const page *pg, const tline *L, size_t nl, const segment_vec *segs, double y0,
                              double y1, double lh)
{
	for (size_t i = 0; i < pg->rulings.len; i++) {
		const ruling *h = &pg->rulings.items[i];
		if (h->y0 != h->y1 || h->y0 < y0 - 1 || h->y0 > y1 + 1)
			continue;
		bool left = false, right = false;
		double bottom = h->y0;
		for (size_t k = 0; k < pg->rulings.len && !(left && right); k++) {
			const ruling *v = &pg->rulings.items[k];
			if (v->x0 != v->x1 || fabs(v->y0 - h->y0) > FRAME_TOL || v->y1 - v->y0 < lh * FRAME_LINES)
				continue;
			left = left || fabs(v->x0 - h->x0) <= FRAME_TOL;
			right = right || fabs(v->x0 - h->x1) <= FRAME_TOL;
			if (v->y1 > bottom)
				bottom = v->y1;
		}
		/* A box round a table holds rows of figures: two lines with amounts a line apart
		 * at least.  A shaded row or header, however tall its wrapped cells, holds one
		 * (its code, set on the label's first line, is no figure of a row, nor are the
		 * first and last pieces of its figures wrapped in narrow cells: 1531 over 110.
		 * over 01, nor a last piece set beside the label's last line: 92410 over 媒支出 5). */
		double first = -1;
		bool rows = false;
		for (size_t l = 0; l < nl && !rows; l++)
			if (L[l].anchor && L[l].amounts > 0 && L[l].cy > h->y0 && L[l].cy < bottom &&
			    !(l + 1 < nl && figure_heads(L, nl, l, l + 1, segs)) && !figure_tails(L, l, segs) &&
			    !wrapped_tails(a, pg, L, l, segs)) {
				if (first < 0)
					first = L[l].cy;
				else
					rows = L[l].cy - first > lh;
			}
		if (left && right && rows)
			return true;
	}
	return false;
}

#define ACROSS_SHARE 0.8 /* share of a line's width a rule must run under to be across it */

/* Is there a horizontal rule between y0 and y1 running under most of x0..x1? */
static bool rule_across(const page *pg, double y0, double y1, double x0, double x1)
{
	for (size_t i = 0; i < pg->rulings.len; i++) {
		const ruling *h = &pg->rulings.items[i];
		if (h->y0 != h->y1 || h->y0 < y0 - 1 || h->y0 > y1 + 1)
			continue;
		double run = fmin(h->x1, x1) - fmax(h->x0, x0);
		if (run >= (x1 - x0) * ACROSS_SHARE)
			return true;
	}
	return false;
}

/*
 * The header lines above body: short lines up to a caption, a title, a sentence,
 * a wide gap or the top of a box drawn round the table; lines ruled off above
 * and below, however long, when the walk stopped short of them.  A line reaching down
 * into the first row's height is that row's label wrapped round its figures,
 * not header: *body moves up over it.
 */
static size_t header_start(arena *tmp, const page *pg, const tline *L, size_t nl, size_t *bodyp,
                           const segment_vec *segs)
{
	size_t body = *bodyp, row = body; /* row: the first row's line of figures */
	while (body > 0 && !L[body - 1].numbering && !L[body - 1].anchor &&
	       ((L[body - 1].count >= 1 && L[body - 1].src->bb.y1 > L[body].src->bb.y0 + 0.5 &&
	         L[body - 1].src->bb.y0 < L[body].src->bb.y0 && label_gap(L, body - 1, row, segs)) ||
	        labels_wrapped_over(L, nl, body - 1, body, segs) || figure_heads(L, nl, body - 1, body, segs)))
		body--;
	*bodyp = body;
	size_t from = body;
	while (from > 0 && body - from < 16) { /* narrow wrapped headers run tall */
		const tline *up = &L[from - 1], *below = &L[from];
		double lh = up->src->bb.y1 - up->src->bb.y0;
		/* A header row drawn taller than the body rows stands further off. */
		if (below->src->bb.y0 - up->src->bb.y1 > (lh > 8 ? lh : 8) * (from == body ? 2.5 : 2.0))
			break;
		/* A title (…表) alone on its line heads the table: it is no header cell. */
		if (caption_like(tmp, up->src) || !header_like(up, segs) || up->anchor ||
		    (up->count == 1 && ends_with_table(up->src->text)))
			break;
		if (up->src->size > below->src->size * 1.2)
			break;
		if (frame_top_between(tmp, pg, L, nl, segs, up->src->bb.y1, below->src->bb.y0, below->src->bb.y1 - below->src->bb.y0))
			break;
		from--;
	}
	/* A header ruled off above and below (a rule across the body's width under it and one
	 * within a line height over it) is the header however long its words (Differences with
	 * respect to Germany | Portugal | Greece): up to three such lines. */
	const textline *first = L[body].src;
	double first_lh = first->bb.y1 - first->bb.y0;
	if (body > 0 && first->bb.y0 - L[body - 1].src->bb.y1 < (first_lh > 8 ? first_lh : 8) * 2.0 &&
	    rule_across(pg, L[body - 1].src->bb.y1, first->bb.y0, first->bb.x0, first->bb.x1)) {
		for (size_t k = body; k-- > 0 && body - k <= 3;) {
			const textline *ln = L[k].src;
			if (L[k].anchor || L[k].numbering || caption_like(tmp, ln))
				break;
			double lh = ln->bb.y1 - ln->bb.y0, top = ln->bb.y0 - (lh > 8 ? lh : 8);
			if (k + 1 < body && L[k + 1].src->bb.y0 - ln->bb.y1 > (lh > 8 ? lh : 8) * 2.0)
				break;
			if (k > 0 && L[k - 1].src->bb.y1 > top)
				top = L[k - 1].src->bb.y1;
			if (rule_across(pg, top, ln->bb.y0, first->bb.x0, first->bb.x1)) {
				if (k < from)
					from = k;
				break;
			}
		}
	}
	return from;
}

void unruled_find(document *doc, page *pg, found_vec *out)
{
	arena *tmp = arena_new();
	segment_vec segs = { 0 };
	tline_vec lines = { 0 };
	for (size_t l = 0; l < pg->lines.len; l++) {
		const textline *ln = &pg->lines.items[l];
		if (ln->in_table || ln->furniture || !ln->count)
			continue;
		tline *tl = VEC_PUSH(tmp, &lines);
		tl->src = ln;
		segment_line(tmp, pg, ln, 1.0, NULL, &segs, tl);
	}
	tline *L = lines.items;
	bool *used = arena_calloc(tmp, lines.len + 1, sizeof(bool));
	size_t l = 0;
	while (l < lines.len) {
		if (!L[l].anchor || latin_sentence(L[l].src->text)) { /* a figure in a sentence anchors nothing */
			l++;
			continue;
		}
		/* Grow the body down from this anchor. */
		size_t body = l, last_anchor = l, anchors = 1, k = l + 1, with_amounts = L[l].amounts > 0;
		double widest = -INFINITY; /* the widest gap between the body's lines so far */
		while (k < lines.len) {
			double lh = L[k - 1].src->bb.y1 - L[k - 1].src->bb.y0;
			double gap = L[k].src->bb.y0 - L[k - 1].src->bb.y1;
			if (gap > (lh > 8 ? lh : 8) * 2.0 || caption_like(tmp, L[k].src))
				break;
			/* A line of three header words or more, no figure, after rows of figures set
			 * evenly and a gap wider than any between them by a line height: the header of
			 * the next table, set close under this one. */
			if (k >= l + 3 && anchors >= 3 && !L[k].anchor && !L[k].amounts && !L[k].codes &&
			    L[k].count >= 3 && gap > widest + lh && header_like(&L[k], &segs))
				break;
			if (gap > widest)
				widest = gap;
			if (sentence_like(&L[k], &segs) || frame_top_between(tmp, pg, L, lines.len, &segs, L[k - 1].src->bb.y1, L[k].src->bb.y0, L[k].src->bb.y1 - L[k].src->bb.y0))
				break;
			/* A table's title (…表) alone on its line: the next table starts. */
			if (L[k].count == 1 && !L[k].anchor && ends_with_table(L[k].src->text))
				break;
			if (L[k].anchor) {
				last_anchor = k;
				anchors++;
				with_amounts += L[k].amounts > 0;
			}
			k++;
		}
		/* Trailing text lines stay only when they have several segments (a
		 * label-only row pair) or carry on a label of the line above. */
		size_t to = last_anchor + 1;
		while (to < k && (L[to].count >= 2 || carries_label(L, to, &segs) || figure_tails(L, to, &segs)))
			to++;
		/* One row of figures under a header is a table too (a 三公 table), when
		 * it prints three figures (or dashes for blank ones) or more. */
		bool single = anchors == 1 && L[l].amounts + L[l].dashes >= 3;
		/* So is a lone row of totals (人员经费合计 2105775.76 公用经费合计 838322.90: the
		 * last row of a table, under its header repeated on a page of its own) printing two. */
		if (anchors == 1 && L[l].amounts + L[l].dashes == 2) {
			for (size_t q = L[l].first; q < L[l].first + L[l].count && !single; q++) {
				const segment *sg = &segs.items[q];
				if (sg->amount || sg->code || sg->dash || sg->integer)
					continue;
				const char *text = segment_text(tmp, pg, L[l].src, sg);
				size_t n = strlen(text);
				single = starts_with_total(text) ||
				         (n > 6 && (strcmp(text + n - 6, "合计") == 0 || strcmp(text + n - 6, "总计") == 0));
			}
		}
		/* So is one row whose figures wrap round its code line, in cells too narrow for them
		 * (292,37 over 14 2130153 农田建设 over 1): its code line and the first line of its
		 * figures, set close, are its two anchors. */
		if (anchors == 2 && with_amounts == 1 && last_anchor == l + 1 && L[l].amounts + L[l + 1].amounts >= 3 &&
		    L[l].codes + L[l + 1].codes > 0 &&
		    L[l + 1].src->bb.y0 - L[l].src->bb.y1 < L[l].src->bb.y1 - L[l].src->bb.y0)
			single = true;
		/* So are two rows of three figures or dashes each or more, one of them dashes
		 * only (上年结转 - 结转下年 - - -: amounts left blank, over 收入总计 and its figures). */
		bool pair = anchors == 2 && with_amounts == 1 && L[l].amounts + L[l].dashes >= 3 &&
		            L[last_anchor].amounts + L[last_anchor].dashes >= 3;
		if (!single && !pair && (anchors < 2 || (with_amounts < 2 && anchors < 3))) {
			l = k > l + 1 ? k : l + 1;
			continue;
		}
		size_t from = header_start(tmp, pg, L, lines.len, &body, &segs);
		/* At the top of a page, with nothing above it but its own wrapped
		 * label, it may be the last row of a table from the page before. */
		bool fragment = false;
		if (single && body - from < 2) {
			fragment = true;
			for (size_t p = 0; p < l && fragment; p++) {
				double lh = L[p].src->bb.y1 - L[p].src->bb.y0;
				fragment = !used[p] && L[l].src->bb.y0 - L[p].src->bb.y1 < lh;
			}
			if (fragment)
				from = body = 0;
		}
		if (single && body - from < 2 && !fragment) {
			l = k > l + 1 ? k : l + 1;
			continue;
		}
		size_t built = out->len;
		build_table(doc, pg, &lines, from, body, to, &segs, out);
		if (fragment && out->len > built)
			out->items[built].fragment = true;
		for (size_t u = from; u < to; u++)
			used[u] = true;
		l = to;
	}
	/* A blank table prints no figure to anchor it, but still numbers its columns
	 * (栏次 1 2 3 …): the rows right under such a line, up to a sentence or a
	 * gap, are its body. */
	for (l = 0; l < lines.len; l++) {
		if (used[l] || !L[l].numbering)
			continue;
		size_t body = l + 1, to = body;
		while (to < lines.len && to < body + 3 && !used[to]) {
			double lh = L[to - 1].src->bb.y1 - L[to - 1].src->bb.y0;
			if (L[to].src->bb.y0 - L[to - 1].src->bb.y1 > (lh > 8 ? lh : 8) * 2.0)
				break;
			if (caption_like(tmp, L[to].src) || sentence_like(&L[to], &segs))
				break;
			to++;
		}
		if (to == body)
			continue;
		size_t from = header_start(tmp, pg, L, lines.len, &body, &segs);
		build_table(doc, pg, &lines, from, body, to, &segs, out);
		for (size_t u = from; u < to; u++)
			used[u] = true;
	}
	/* A blank table without column numbers: header lines of short words,
	 * then a 合计/总计 alone on its line with nothing in it, and no more of
	 * the table after it; under its title (…表) or caption lines, or over a
	 * note saying the table is empty (本表无数据: the title left on the page
	 * before, or none).  A header line may open with 合计 (合计 | 基本支出 |
	 * 项目支出): only a lone one is the row.  Header lines of three words or
	 * more right over such a note, with no row at all, are a blank table too:
	 * its header alone. */
	for (size_t body = 1; body < lines.len; body++) {
		bool total = L[body].count == 1 && starts_with_total(L[body].src->text);
		bool note = !total && norm_is_empty_note(L[body].src->text);
		if (used[body] || (!total && !note))
			continue;
		size_t from = body, words = 0;
		while (from > 0 && body - from < 6) {
			const tline *up = &L[from - 1];
			double lh = up->src->bb.y1 - up->src->bb.y0;
			if (used[from - 1] || up->anchor || up->numbering || !header_like(up, &segs) ||
			    sentence_like(up, &segs) || caption_like(tmp, up->src) ||
			    (up->count == 1 && ends_with_table(up->src->text)) ||
			    L[from].src->bb.y0 - up->src->bb.y1 > (lh > 8 ? lh : 8) * 2.0)
				break;
			words += up->count;
			from--;
		}
		if (from == body || (note && words < 3))
			continue;
		double lh = L[body].src->bb.y1 - L[body].src->bb.y0, near = (lh > 8 ? lh : 8) * 2.0;
		const tline *above = from > 0 ? &L[from - 1] : NULL, *below = body + 1 < lines.len ? &L[body + 1] : NULL;
		bool titled = above && !used[from - 1] && L[from].src->bb.y0 - above->src->bb.y1 <= near &&
		              (caption_like(tmp, above->src) || (above->count == 1 && ends_with_table(above->src->text)));
		bool close_below = below && below->src->bb.y0 - L[body].src->bb.y1 <= near;
		bool noted = note || (close_below && norm_is_empty_note(below->src->text));
		bool last = note || !close_below || noted || caption_like(tmp, below->src) || sentence_like(below, &segs) ||
		            (below->count == 1 && ends_with_table(below->src->text));
		if (!last || (!titled && !(noted && words >= 2)))
			continue;
		size_t built = out->len, to = total ? body + 1 : body;
		build_table(doc, pg, &lines, from, body, to, &segs, out);
		if (out->len > built) {
			out->items[built].blank = true;
			out->items[built].header_only = note;
		}
		for (size_t u = from; u < to; u++)
			used[u] = true;
	}
	arena_free(tmp);
}

/* The columns (borders xs, nc of them) a header segment stands over: those it covers half of or more
 * (a group title over its columns), else the one it overlaps most (a word set a little off its
 * column, wider than it or straddling a border inferred from the figures under it). */
static void segment_columns(const segment *s, const double *xs, size_t nc, size_t *lo, size_t *hi)
{
	size_t best = 0;
	double most = -1;
	bool any = false;
	for (size_t j = 0; j < nc; j++) {
		double a = s->x0 > xs[j] ? s->x0 : xs[j], b = s->x1 < xs[j + 1] ? s->x1 : xs[j + 1];
		if (b - a > most) {
			most = b - a;
			best = j;
		}
		if (b - a >= (xs[j + 1] - xs[j]) * 0.5) {
			if (!any)
				*lo = j;
			*hi = j;
			any = true;
		}
	}
	if (!any)
		*lo = *hi = best;
}

/*
 * Lays the header lines L[from, from + n) (their segments in segs) on the
 * borders gx (nc columns), one row a line: a segment standing over each of
 * two columns (segment_columns) spans them, and a column's cell runs down to
 * the next line printing in that column (a cell centred across lines spans
 * them).
 */
static bool lay_foot_header(document *doc, arena *tmp, page *pg, const tline *L, size_t from, size_t n,
                            const segment_vec *segs, double *gx, size_t nc, found_table *out)
{
	double *ys = arena_calloc(doc->arena, n + 1, sizeof(double));
	ys[0] = L[from].src->bb.y0 - 1;
	for (size_t i = 1; i < n; i++)
		ys[i] = (L[from + i - 1].src->bb.y1 + L[from + i].src->bb.y0) / 2;
	ys[n] = L[from + n - 1].src->bb.y1 + 1;
	for (size_t i = 1; i <= n; i++)
		if (ys[i] <= ys[i - 1])
			ys[i] = ys[i - 1] + 0.5;
	/* has[i * nc + j]: line i prints over column j. */
	bool *has = arena_calloc(tmp, n * nc, sizeof(bool));
	for (size_t i = 0; i < n; i++)
		for (size_t k = L[from + i].first; k < L[from + i].first + L[from + i].count; k++)
		{
			size_t lo, hi;
			segment_columns(&segs->items[k], gx, nc, &lo, &hi);
			for (size_t j = lo; j <= hi; j++)
				has[i * nc + j] = true;
		}
	seg_vec hs = { 0 }, vs = { 0 };
	*VEC_PUSH(tmp, &hs) = (seg){ (float)ys[0], (float)gx[0], (float)gx[nc] };
	*VEC_PUSH(tmp, &hs) = (seg){ (float)ys[n], (float)gx[0], (float)gx[nc] };
	for (size_t j = 0; j < nc; j++)
		for (size_t i = 0; i + 1 < n; i++) {
			bool later = false;
			for (size_t r = i + 1; r < n && !later; r++)
				later = has[r * nc + j];
			if (has[i * nc + j] && later)
				*VEC_PUSH(tmp, &hs) = (seg){ (float)ys[i + 1], (float)gx[j], (float)gx[j + 1] };
		}
	for (size_t j = 0; j <= nc; j++)
		for (size_t i = 0; i < n; i++) {
			bool crossed = false;
			for (size_t k = L[from + i].first; k < L[from + i].first + L[from + i].count && j > 0 && j < nc; k++) {
				size_t lo, hi;
				segment_columns(&segs->items[k], gx, nc, &lo, &hi);
				crossed = crossed || (lo < j && hi >= j);
			}
			if (!crossed)
				*VEC_PUSH(tmp, &vs) = (seg){ (float)gx[j], (float)ys[i], (float)ys[i + 1] };
		}
	grid g = { gx, ys, nc + 1, n + 1 };
	memset(out, 0, sizeof *out);
	out->page = pg->number;
	bool built = tables_build_grid(doc, pg, &g, &hs, &vs, out) && out->ncols == nc && out->nrows >= 1;
	if (built) {
		out->inferred = true;
		out->bb = (box){ gx[0], ys[0], gx[nc], ys[n] };
	}
	return built;
}

/*
 * Header-owned borders, for a header left at the foot of a page that heads
 * more columns than its rows print (columns left blank in the body move the
 * borders inferred from the figures, a blank outer column lies past them):
 * the header's words (segments cut at every word gap, so that words of
 * narrow neighbouring cells set closer than a word space stay apart), but
 * for group titles (a word over two words of the lines below that stand
 * apart), taken together where they overlap, are its columns; the borders
 * lie midway between them, or on a border of the rows in the gap.  Each of the rows' columns goes under the header
 * column in which the middle of its text on rows_pg stands (at[k]; at[nc] is
 * one past the last).  The number of columns, or 0 when the header does not
 * print more columns than the rows or two columns of the rows fall under one.
 */
static size_t header_borders(document *doc, arena *tmp, const tline *L, size_t from, size_t n,
                             const segment_vec *segs, const page *rows_pg, const found_table *next, double **hx,
                             size_t *at)
{
	size_t nc = next->ncols, nw = 0;
	interval *w = arena_calloc(tmp, segs->len + 1, sizeof(interval));
	for (size_t i = 0; i < n; i++)
		for (size_t k = L[from + i].first; k < L[from + i].first + L[from + i].count; k++) {
			const segment *s = &segs->items[k];
			double left = 1e9, right = -1e9;
			for (size_t i2 = i + 1; i2 < n; i2++)
				for (size_t k2 = L[from + i2].first; k2 < L[from + i2].first + L[from + i2].count; k2++) {
					const segment *u = &segs->items[k2];
					if (u->x1 <= s->x0 || u->x0 >= s->x1)
						continue;
					left = fmin(left, u->x1);
					right = fmax(right, u->x0);
				}
			if (right >= left) /* two words under it stand apart: a group title */
				continue;
			w[nw++] = (interval){ s->x0, s->x1 };
		}
	for (size_t i = 1; i < nw; i++) /* by left edge */
		for (size_t k = i; k > 0 && w[k].x0 < w[k - 1].x0; k--) {
			interval t = w[k];
			w[k] = w[k - 1];
			w[k - 1] = t;
		}
	size_t nh = 0;
	for (size_t i = 0; i < nw; i++) {
		if (nh && w[i].x0 <= w[nh - 1].x1)
			w[nh - 1].x1 = fmax(w[nh - 1].x1, w[i].x1);
		else
			w[nh++] = w[i];
	}
	if (nh <= nc)
		return 0;
	double *x = arena_calloc(doc->arena, nh + 1, sizeof(double));
	x[0] = fmin(w[0].x0 - 1, next->xs[0]);
	x[nh] = fmax(w[nh - 1].x1 + 1, next->xs[nc]);
	for (size_t j = 1; j < nh; j++) {
		/* A border of the rows in the gap stays (a group title over columns ends on it). */
		x[j] = (w[j - 1].x1 + w[j].x0) / 2;
		double best = -1;
		for (size_t k = 1; k < nc; k++)
			if (next->xs[k] > w[j - 1].x1 && next->xs[k] < w[j].x0 &&
			    (best < 0 || fabs(next->xs[k] - x[j]) < fabs(best - x[j])))
				best = next->xs[k];
		if (best >= 0)
			x[j] = best;
	}
	for (size_t k = 0; k < nc; k++) {
		double lo = 1e9, hi = -1e9;
		for (size_t l = 0; l < rows_pg->lines.len; l++) {
			const textline *ln = &rows_pg->lines.items[l];
			if (ln->furniture || ln->bb.y1 < next->bb.y0 || ln->bb.y0 > next->bb.y1)
				continue;
			for (size_t g = ln->first; g < ln->first + ln->count; g++) {
				const glyph *gl = &rows_pg->glyphs.items[g];
				double c = (gl->x0 + gl->x1) / 2;
				if (gl->cp == ' ' || c < next->xs[k] || c >= next->xs[k + 1])
					continue;
				lo = fmin(lo, gl->x0);
				hi = fmax(hi, gl->x1);
			}
		}
		if (hi < lo)
			return 0;
		double mid = (lo + hi) / 2;
		size_t j = 0;
		while (j + 1 < nh && x[j + 1] <= mid)
			j++;
		if (k && j <= at[k - 1])
			return 0;
		at[k] = j;
	}
	at[nc] = at[nc - 1] + 1;
	*hx = x;
	return nh;
}

/*
 * A table's header left alone at the foot of a page, its rows on the next
 * (on rows_pg): the page's last lines below `below` (its last table), read
 * upwards while they can sit in a header (short segments, no figure, no
 * code, no caption or title line, set close together).  When every segment
 * is within next's columns or reaches past them by three line heights at
 * most (the outer borders widen to take it), two at least, they are laid on
 * next's column borders (lay_foot_header); *at is NULL.  Else, or when that
 * does not give next's columns, when the header prints more columns than
 * the rows (header_borders), it is laid on its own borders and *at (an
 * array of next->ncols + 1) places each of the rows' columns under one of
 * them.
 */
bool unruled_foot_header(document *doc, page *pg, double below, const page *rows_pg, const found_table *next,
                         found_table *out, size_t **at)
{
	*at = NULL;
	if (!next->ncols || !next->xs)
		return false;
	arena *tmp = arena_new();
	segment_vec segs = { 0 }, fine = { 0 };
	tline_vec lines = { 0 }, cut = { 0 };
	for (size_t l = 0; l < pg->lines.len; l++) {
		const textline *ln = &pg->lines.items[l];
		if (ln->furniture || !ln->count || ln->bb.y0 <= below)
			continue;
		tline *tl = VEC_PUSH(tmp, &lines);
		tl->src = ln;
		segment_line(tmp, pg, ln, 1.0, NULL, &segs, tl);
		tline *tc = VEC_PUSH(tmp, &cut);
		tc->src = ln;
		segment_line(tmp, pg, ln, 0.0, NULL, &fine, tc);
	}
	tline *L = lines.items;
	size_t from = lines.len;
	while (from > 0) {
		const tline *t = &L[from - 1];
		if (t->amounts || t->codes || t->anchor || t->numbering || !header_like(t, &segs) ||
		    sentence_like(t, &segs) || caption_like(tmp, t->src) || ends_with_table(t->src->text))
			break;
		if (from < lines.len) {
			const textline *dn = L[from].src;
			double lh = t->src->bb.y1 - t->src->bb.y0;
			if (dn->bb.y0 - t->src->bb.y1 > (lh > 8 ? lh : 8) * 2.0 || t->src->size > dn->size * 1.2)
				break;
		}
		from--;
	}
	size_t n = lines.len - from, nc = next->ncols, printed = 0;
	const double *xs = next->xs;
	bool inside = n > 0;
	for (size_t k = from; k < lines.len && inside; k++)
		for (size_t i = L[k].first; i < L[k].first + L[k].count && inside; i++) {
			const segment *sg = &segs.items[i];
			double reach = 3 * (sg->y1 - sg->y0);
			inside = sg->x0 > xs[0] - reach && sg->x1 < xs[nc] + reach;
			printed++;
		}
	bool built = false;
	if (inside && printed >= 2) {
		/* A header word wider than the outer column reaches past the figures: the outer borders widen. */
		double *gx = arena_calloc(doc->arena, nc + 1, sizeof(double));
		memcpy(gx, xs, (nc + 1) * sizeof(double));
		for (size_t k = from; k < lines.len; k++)
			for (size_t i = L[k].first; i < L[k].first + L[k].count; i++) {
				if (segs.items[i].x0 - 1 < gx[0])
					gx[0] = segs.items[i].x0 - 1;
				if (segs.items[i].x1 + 1 > gx[nc])
					gx[nc] = segs.items[i].x1 + 1;
			}
		built = lay_foot_header(doc, tmp, pg, L, from, n, &segs, gx, nc, out);
	}
	if (!built && n > 0 && rows_pg) {
		size_t *place = arena_calloc(doc->arena, nc + 1, sizeof(size_t));
		double *hx = NULL;
		size_t nh = header_borders(doc, tmp, cut.items, from, n, &fine, rows_pg, next, &hx, place);
		built = nh && lay_foot_header(doc, tmp, pg, cut.items, from, n, &fine, hx, nh, out);
		if (built)
			*at = place;
	}
	arena_free(tmp);
	return built;
}
