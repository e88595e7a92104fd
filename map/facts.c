/*
 * facts: every amount and percentage in the text blocks, with what it measures.
 *
 *   1. normalize/figures finds each figure (3,260.55万元, 90.81%) in a block.
 *   2. What it measures is the clause before it: back to the previous figure
 *      or to the nearest clause mark (，。；：！？ and their ASCII forms), with
 *      linking words at its end dropped (为, 是, 达, 达到, 约, 共计) and spaces
 *      removed: "2024年度收、支总计3,260.55万元" gives 2024年度收、支总计.
 */
#include "map/facts.h"

#include <string.h>

#include "core/sbuf.h"
#include "normalize/figures.h"

typedef struct collect_ctx {
	document *doc;
	const char *text;
	size_t block;
	size_t last_end; /* end of the previous figure in this block */
} collect_ctx;

static bool is_clause_mark(const char *p)
{
	static const char *const marks[] = { "\xEF\xBC\x8C", "\xE3\x80\x82", "\xEF\xBC\x9B", "\xEF\xBC\x9A",
	                                     "\xEF\xBC\x81", "\xEF\xBC\x9F" }; /* ， 。 ； ： ！ ？ */
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (strncmp(p, marks[i], 3) == 0)
			return true;
	return false;
}

static void drop_suffix(sbuf *sb)
{
	static const char *const links[] = { "\xE8\xBE\xBE\xE5\x88\xB0", "\xE5\x85\xB1\xE8\xAE\xA1", "\xE4\xB8\xBA",
	                                     "\xE6\x98\xAF", "\xE8\xBE\xBE", "\xE7\xBA\xA6" }; /* 达到 共计 为 是 达 约 */
	for (bool again = true; again;) {
		again = false;
		for (size_t i = 0; i < sizeof links / sizeof *links; i++) {
			size_t n = strlen(links[i]);
			if (sb->len > n && memcmp(sb->buf + sb->len - n, links[i], n) == 0) {
				sbuf_setlen(sb, sb->len - n);
				again = true;
			}
		}
	}
}

static void on_figure(void *ctxp, size_t start, size_t end, decimal value, const char *unit)
{
	collect_ctx *ctx = ctxp;
	const char *t = ctx->text;
	size_t from = start;
	while (from > ctx->last_end) {
		size_t prev = from - 1;
		while (prev > ctx->last_end && ((unsigned char)t[prev] & 0xC0) == 0x80)
			prev--;
		if (is_clause_mark(t + prev) || t[prev] == ',' || t[prev] == ';' || t[prev] == ':' ||
		    (t[prev] == '.' && prev + 1 < start && t[prev + 1] == ' '))
			break;
		from = prev;
	}
	sbuf measure = SBUF_INIT;
	for (size_t i = from; i < start; i++)
		if (t[i] != ' ' && t[i] != '\t')
			sbuf_addch(&measure, t[i]);
	drop_suffix(&measure);
	/* An opening bracket whose close lies past the figure is not part of the words. */
	const char *open_fw = "\xEF\xBC\x88", *close_fw = "\xEF\xBC\x89";
	if (strncmp(measure.buf, open_fw, 3) == 0 && !strstr(measure.buf, close_fw)) {
		memmove(measure.buf, measure.buf + 3, measure.len - 2);
		measure.len -= 3;
	} else if (measure.buf[0] == '(' && !strchr(measure.buf, ')')) {
		memmove(measure.buf, measure.buf + 1, measure.len);
		measure.len -= 1;
	}
	fact *f = VEC_PUSH(ctx->doc->arena, &ctx->doc->facts);
	f->measure = arena_strndup(ctx->doc->arena, measure.buf, measure.len);
	f->value = value;
	f->unit = unit;
	f->block = (int)ctx->block;
	f->page = ctx->doc->blocks.items[ctx->block].page;
	sbuf_release(&measure);
	ctx->last_end = end;
}

void facts_collect(document *doc)
{
	doc->want_facts = true;
	for (size_t b = 0; b < doc->blocks.len; b++) {
		collect_ctx ctx = { doc, doc->blocks.items[b].text, b, 0 };
		norm_find_figures(ctx.text, on_figure, &ctx);
	}
}
