/*
 * html: HTML pages into the document model, through the text flow; see html.h.
 *
 *   1. Encoding: the charset the page declares (<meta charset>, http-equiv) in
 *      its first 4 KiB, converted to UTF-8 with ICU (normalize/encoding);
 *      GB2312/GBK/GB18030 are all read as GB18030.  With no declaration, or
 *      one the bytes contradict (UTF-8 declared, bytes not UTF-8; a legacy
 *      charset declared, non-ASCII bytes all valid UTF-8): UTF-8 if the
 *      bytes are UTF-8, else what ICU's detector (ucsdet) finds with some
 *      confidence, else GB18030; a contradicted declaration is a warning.
 *   2. Parse with libxml2's HTML parser in recovery mode, no network, no
 *      error output: unterminated tags and garbage give a best-effort tree.
 *   3. Walk the tree in document order (depth capped):
 *        - skipped: head (but its <title>, a level-1 heading line), script,
 *          style, noscript, nav, header, footer, form controls, iframes,
 *          elements whose class/id says nav/menu/header/footer/breadcrumb,
 *          and lists whose items are nothing but links (navigation);
 *        - block elements (p, div, li, h1-h6, …) end the current line;
 *          <hN> marks a heading of rank N, <li> a list item, <br> a break;
 *        - a <table> holding another table is layout: its cells are walked
 *          as blocks; an innermost table with two or more columns is data:
 *          its <caption> becomes a line (a title candidate), its rows a grid.
 *   4. Grid: rows in order (thead, tbody, tfoot), each cell at the first free
 *      slot of its row; rowspan/colspan (clamped to 1..1000 and to the grid)
 *      cover the slots right and below, which stay text NULL.  Pass one sizes
 *      the grid, pass two fills it; each row goes to the flow.  A grid that
 *      would pass the document's cell limit (doc->max_cells) is not built:
 *      the document is refused, nothing is cut silently.
 *   5. text_flow_finish() builds blocks and tables (titles, numbers, units,
 *      entities, tables repeated across pages) as for text renderings.
 */
#include "extract/html.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "core/sbuf.h"
#include "normalize/encoding.h"
#include "extract/text.h"

#define MAX_DEPTH 200
#define MAX_SPAN 1000

/* ---------- encoding ---------- */


static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool ieq_prefix(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	if (n < m)
		return false;
	for (size_t i = 0; i < m; i++)
		if (lower(s[i]) != w[i])
			return false;
	return true;
}

/* The charset declared in the first 4 KiB, lowercased into buf, or NULL. */
static const char *declared_charset(const char *d, size_t len, char *buf, size_t cap)
{
	size_t n = len < 4096 ? len : 4096;
	for (size_t i = 0; i + 8 <= n; i++) {
		if (!ieq_prefix(d + i, n - i, "charset"))
			continue;
		size_t j = i + 7;
		while (j < n && (d[j] == ' ' || d[j] == '='))
			j++;
		while (j < n && (d[j] == '"' || d[j] == '\''))
			j++;
		size_t k = 0;
		while (j < n && k + 1 < cap) {
			char c = d[j];
			bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			          c == '-' || c == '_';
			if (!ok)
				break;
			buf[k++] = lower(c);
			j++;
		}
		buf[k] = '\0';
		if (k)
			return buf;
	}
	return NULL;
}

/* Does data hold a multi-byte UTF-8 character (so valid UTF-8 is evidence)? */
static bool has_multibyte(const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)data[i] >= 0x80)
			return true;
	return false;
}

/*
 * The encoding to read the page in.  A declaration the bytes contradict (UTF-8
 * declared over bytes that are not UTF-8; a legacy charset declared over
 * non-ASCII bytes that are all valid UTF-8) gives way to ICU's detection,
 * with a warning.
 */
static const char *pick_encoding(document *doc, const char *data, size_t len)
{
	char buf[40];
	const char *cs = declared_charset(data, len, buf, sizeof buf);
	bool valid = utf8_valid(data, len);
	const char *declared = NULL;
	if (cs) {
		if (strcmp(cs, "gb2312") == 0 || strcmp(cs, "gbk") == 0 || strcmp(cs, "gb18030") == 0 ||
		    strcmp(cs, "x-gbk") == 0 || strcmp(cs, "cp936") == 0 || strcmp(cs, "gb_2312-80") == 0)
			declared = "GB18030";
		else if (strcmp(cs, "utf-8") == 0 || strcmp(cs, "utf8") == 0)
			declared = "UTF-8";
		else
			declared = arena_strdup(doc->arena, cs); /* ICU converts it, or libxml2 follows it */
		bool is_utf8 = strcmp(declared, "UTF-8") == 0;
		bool us_ascii = strcmp(cs, "us-ascii") == 0 || strcmp(cs, "ascii") == 0;
		if (is_utf8 ? valid : !(valid && has_multibyte(data, len)) || us_ascii)
			return declared;
	}
	const char *read_as;
	if (valid) {
		read_as = "UTF-8";
	} else {
		char det[40];
		int confidence = 0;
		const char *found = norm_detect_charset(data, len, det, sizeof det, &confidence);
		if (found && confidence >= 30 && strcmp(found, "UTF-8") != 0)
			read_as = arena_strdup(doc->arena, found);
		else
			read_as = "GB18030";
	}
	if (declared)
		doc_warn(doc, "encoding_mismatch", 0, NULL, "the page declares charset %s but its bytes are %s; read as %s", cs, read_as, read_as);
	return read_as;
}

/* ---------- the tree walk ---------- */

typedef struct walker {
	document *doc;
	text_flow *flow;
	sbuf line;
	size_t solid, linked; /* bytes of the line other than spaces; of them, link text */
	int links;            /* depth of <a> elements */
	int hint;
	bool deep_warned;
} walker;

static bool name_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static bool name_in(const xmlNode *n, const char *const *names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (name_is(n, names[i]))
			return true;
	return false;
}

static const char *const skipped[] = { "script", "style", "noscript", "nav", "header", "footer", "iframe",
	                               "form", "select", "button", "textarea", "input", "template", "svg",
	                               "object", "embed", "canvas", "map", "head", "frameset", "frame" };
static const char *const blocks[] = { "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
	                              "blockquote", "pre", "center", "main", "aside", "figure", "figcaption",
	                              "address", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
	                              "caption", "tbody", "thead", "tfoot", "table", "body", "html", "title" };

static bool attr_says_navigation(xmlNode *n)
{
	static const char *const words[] = { "nav", "menu", "footer", "header", "breadcrumb", "sidebar", "topbar" };
	static const char *const attrs[] = { "class", "id", "role" };
	for (size_t a = 0; a < sizeof attrs / sizeof attrs[0]; a++) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[a]);
		if (!v)
			continue;
		bool hit = false;
		size_t len = strlen((const char *)v);
		for (size_t i = 0; i < len && !hit; i++)
			for (size_t w = 0; w < sizeof words / sizeof words[0] && !hit; w++)
				hit = ieq_prefix((const char *)v + i, len - i, words[w]);
		xmlFree(v);
		if (hit)
			return true;
	}
	return false;
}

/* Appends text with runs of ASCII blank space collapsed to one space; returns the other bytes added. */
static size_t add_text(sbuf *sb, const char *s)
{
	size_t solid = 0;
	for (; *s; s++) {
		char c = *s;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			if (sb->len && sb->buf[sb->len - 1] != ' ')
				sbuf_addch(sb, ' ');
			continue;
		}
		sbuf_addch(sb, c);
		solid++;
	}
	return solid;
}

/* All text under n (scripts and styles left out), <br> and blocks as spaces. */
static size_t gather_text(xmlNode *n, sbuf *sb, int depth)
{
	size_t solid = 0;
	if (depth > MAX_DEPTH)
		return 0;
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				solid += add_text(sb, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE) {
			if (name_is(c, "script") || name_is(c, "style") || name_is(c, "noscript"))
				continue;
			if (name_is(c, "br") || name_in(c, blocks, sizeof blocks / sizeof blocks[0]))
				add_text(sb, " ");
			solid += gather_text(c, sb, depth + 1);
		}
	}
	return solid;
}

/* A list whose items hold nothing but links: navigation. */
static bool link_list(xmlNode *list)
{
	size_t items = 0;
	for (xmlNode *li = list->children; li; li = li->next) {
		if (li->type != XML_ELEMENT_NODE)
			continue;
		if (!name_is(li, "li"))
			return false;
		sbuf all = SBUF_INIT, links = SBUF_INIT;
		gather_text(li, &all, 0);
		for (xmlNode *c = li->children; c; c = c->next)
			if (name_is(c, "a"))
				gather_text(c, &links, 0);
		sbuf_trim(&all);
		sbuf_trim(&links);
		bool only_links = links.len > 0 && all.len <= links.len + 24; /* a link and maybe its date */
		sbuf_release(&all);
		sbuf_release(&links);
		if (!only_links)
			return false;
		items++;
	}
	return items >= 2;
}

/* Ends the current line; a line that is nothing but link text is navigation. */
static void flush_line(walker *w)
{
	if (w->line.len && !(w->solid && w->linked >= w->solid))
		text_flow_line(w->flow, w->line.buf, w->line.len, w->hint);
	sbuf_reset(&w->line);
	w->solid = w->linked = 0;
	w->hint = 0;
}

static bool has_table_below(xmlNode *n, int depth)
{
	if (depth > MAX_DEPTH)
		return false;
	for (xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && (name_is(c, "table") || has_table_below(c, depth + 1)))
			return true;
	return false;
}

static int span_attr(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return 1;
	long x = 0;
	const char *s = (const char *)v;
	while (*s == ' ')
		s++;
	for (; *s >= '0' && *s <= '9'; s++) {
		x = x * 10 + (*s - '0');
		if (x > MAX_SPAN)
			x = MAX_SPAN;
	}
	xmlFree(v);
	return x < 1 ? 1 : (int)x;
}

typedef VEC(xmlNode *) node_vec;

/* The rows of a table in order, not descending into nested tables. */
static void collect_rows(arena *a, xmlNode *n, node_vec *rows, int depth)
{
	if (depth > 3)
		return;
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(c, "tr")) {
			*VEC_PUSH(a, rows) = c;
		} else if (name_is(c, "thead") || name_is(c, "tbody") || name_is(c, "tfoot")) {
			collect_rows(a, c, rows, depth + 1);
		}
	}
}

static bool is_cell(xmlNode *c)
{
	return name_is(c, "td") || name_is(c, "th");
}

/* The first cell (td, th) at n or after it, or NULL. */
static xmlNode *cell_from(xmlNode *n)
{
	while (n && !is_cell(n))
		n = n->next;
	return n;
}

/* A cell's colspan and rowspan, the rowspan cut to the rows_left rows from its own down. */
static void cell_spans(xmlNode *td, size_t rows_left, size_t *cs, size_t *rs)
{
	*cs = (size_t)span_attr(td, "colspan");
	*rs = (size_t)span_attr(td, "rowspan");
	if (*rs > rows_left)
		*rs = rows_left;
}

static void walk(walker *w, xmlNode *n, int depth);

static void data_table(walker *w, xmlNode *tab)
{
	arena *a = w->doc->arena;
	node_vec rows = { 0 };
	collect_rows(a, tab, &rows, 0);
	for (xmlNode *c = tab->children; c; c = c->next)
		if (name_is(c, "caption")) {
			sbuf sb = SBUF_INIT;
			gather_text(c, &sb, 0);
			text_flow_line(w->flow, sb.buf, sb.len, 0);
			sbuf_release(&sb);
		}
	size_t nrows = rows.len;
	if (!nrows)
		return;

	/* pass 1: width.  pend[k]: rows a rowspan from above still covers in
	 * column k; only the first `hi` columns can hold one.  The grid is
	 * refused as soon as it would pass the document's cell limit, so this
	 * pass costs no more than the grid it measures. */
	size_t width = 0, cap = 64, hi = 0;
	int *pend = calloc(cap, sizeof *pend);
	if (!pend)
		abort();
	for (size_t r = 0; r < nrows; r++) {
		size_t c = 0;
		for (xmlNode *td = cell_from(rows.items[r]->children); td; td = cell_from(td->next)) {
			while (c < hi && pend[c] > 0)
				c++;
			size_t cs, rs;
			cell_spans(td, nrows - r, &cs, &rs);
			if (c + cs > cap) {
				size_t grown = c + cs > 2 * cap ? c + cs : 2 * cap;
				int *p = realloc(pend, grown * sizeof *p);
				if (!p)
					abort();
				memset(p + cap, 0, (grown - cap) * sizeof *p);
				pend = p;
				cap = grown;
			}
			if (rs > 1) {
				for (size_t k = c; k < c + cs; k++)
					pend[k] = (int)rs;
				if (c + cs > hi)
					hi = c + cs;
			}
			c += cs;
			if (c > width)
				width = c;
			if (!doc_cells_fit(w->doc, nrows, width))
				break;
		}
		for (size_t k = 0; k < hi; k++)
			if (pend[k] > 0) {
				if (k + 1 > width)
					width = k + 1;
				pend[k]--;
			}
		if (w->doc->over_limit)
			break;
	}
	free(pend);
	if (width == 0 || w->doc->over_limit)
		return;
	if (width < 2) {
		/* one column: running text, not a table */
		for (size_t r = 0; r < nrows; r++) {
			flush_line(w);
			walk(w, rows.items[r], 1);
			flush_line(w);
		}
		return;
	}

	/* pass 2: fill */
	cell *g = calloc(nrows * width, sizeof *g);
	bool *taken = calloc(nrows * width, sizeof *taken);
	if (!g || !taken)
		abort();
	for (size_t r = 0; r < nrows; r++) {
		size_t c = 0;
		for (xmlNode *td = cell_from(rows.items[r]->children); td; td = cell_from(td->next)) {
			while (c < width && taken[r * width + c])
				c++;
			if (c >= width)
				break;
			size_t cs, rs;
			cell_spans(td, nrows - r, &cs, &rs);
			if (cs > width - c)
				cs = width - c;
			sbuf sb;
			sbuf_init(&sb, TEXT_LINE_MAX);
			gather_text(td, &sb, 0);
			cell *o = &g[r * width + c];
			o->text = arena_strndup(a, sb.buf, sb.len);
			sbuf_release(&sb);
			o->rowspan = (int)rs;
			o->colspan = (int)cs;
			for (size_t rr = r; rr < r + rs; rr++)
				for (size_t cc = c; cc < c + cs; cc++) {
					if (taken[rr * width + cc])
						continue;
					taken[rr * width + cc] = true;
					if (rr != r || cc != c) {
						g[rr * width + cc].text = NULL;
						g[rr * width + cc].rowspan = g[rr * width + cc].colspan = 0;
					}
				}
			c += cs;
		}
	}
	for (size_t i = 0; i < nrows * width; i++)
		if (!taken[i]) {
			g[i].text = "";
			g[i].rowspan = g[i].colspan = 1;
		}
	flush_line(w);
	for (size_t r = 0; r < nrows; r++)
		text_flow_row(w->flow, &g[r * width], width);
	text_flow_table_end(w->flow);
	free(g);
	free(taken);
}

static void walk(walker *w, xmlNode *n, int depth)
{
	if (depth > MAX_DEPTH) {
		if (!w->deep_warned)
			doc_warn(w->doc, "markup_too_deep", 0, NULL, "markup nested deeper than %d levels; the inner part is skipped", MAX_DEPTH);
		w->deep_warned = true;
		return;
	}
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content) {
				size_t k = add_text(&w->line, (const char *)c->content);
				w->solid += k;
				if (w->links)
					w->linked += k;
			}
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(c, "head")) {
			for (xmlNode *h = c->children; h; h = h->next)
				if (name_is(h, "title")) {
					flush_line(w);
					w->solid += gather_text(h, &w->line, 0);
					w->hint = 1;
					flush_line(w);
				}
			continue;
		}
		if (name_in(c, skipped, sizeof skipped / sizeof skipped[0]) || attr_says_navigation(c))
			continue;
		if ((name_is(c, "ul") || name_is(c, "ol")) && link_list(c))
			continue;
		if (name_is(c, "br")) {
			flush_line(w);
			continue;
		}
		if (name_is(c, "table")) {
			flush_line(w);
			if (has_table_below(c, 0))
				walk(w, c, depth + 1);
			else
				data_table(w, c);
			flush_line(w);
			continue;
		}
		if (name_in(c, blocks, sizeof blocks / sizeof blocks[0])) {
			flush_line(w);
			const char *nm = (const char *)c->name;
			if (nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '6' && nm[2] == '\0')
				w->hint = nm[1] - '0';
			else if (name_is(c, "li"))
				w->hint = -1;
			walk(w, c, depth + 1);
			flush_line(w);
			continue;
		}
		if (name_is(c, "a"))
			w->links++;
		walk(w, c, depth + 1);
		if (name_is(c, "a"))
			w->links--;
	}
}

/* The <td> and <th> tags in the raw bytes: each makes a slot at least, so a page
 * holding more than the cell limit is refused before a tree is built for it. */
static size_t count_cell_tags(const char *s, size_t len)
{
	size_t n = 0;
	for (const char *p = memchr(s, '<', len); p; p = memchr(p + 1, '<', len - (size_t)(p + 1 - s))) {
		size_t left = len - (size_t)(p - s);
		if (left < 4 || lower(p[1]) != 't' || (lower(p[2]) != 'd' && lower(p[2]) != 'h'))
			continue;
		char c = p[3];
		if (c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/')
			n++;
		if (p + 1 >= s + len)
			break;
	}
	return n;
}

int html_load(document *doc, const char *data, size_t len, error *err)
{
	doc->media = "html";
	if (!data || len == 0) {
		error_set(err, ERROR_INPUT, 0, "empty input: no HTML to read");
		return -1;
	}
	if (len > INT_MAX) {
		error_set(err, ERROR_INPUT, 0, "HTML page too large (%zu bytes)", len);
		return -1;
	}
	if (doc->max_cells && count_cell_tags(data, len) > doc->max_cells) {
		doc->over_limit = true;
		return 0;
	}
	const char *enc = pick_encoding(doc, data, len);
	char *utf8 = NULL;
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
	if (enc && strcmp(enc, "UTF-8") != 0) {
		size_t n = 0;
		if (norm_transcode(enc, data, len, &utf8, &n) == 0 && n <= INT_MAX) {
			data = utf8;
			len = n;
			enc = "UTF-8";
		}
	}
	if (enc && strcmp(enc, "UTF-8") == 0)
		opts |= HTML_PARSE_IGNORE_ENC;
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (!ctxt) {
		free(utf8);
		error_set(err, ERROR_INTERNAL, 0, "cannot start the HTML parser");
		return -1;
	}
	htmlDocPtr hd = htmlCtxtReadMemory(ctxt, data, (int)len, NULL, enc, opts);
	if (!hd) {
		htmlFreeParserCtxt(ctxt);
		free(utf8);
		error_set(err, ERROR_INPUT, 0, "cannot parse the HTML page");
		return -1;
	}
	xmlNode *root = xmlDocGetRootElement(hd);
	if (!root) {
		xmlFreeDoc(hd);
		htmlFreeParserCtxt(ctxt);
		free(utf8);
		error_set(err, ERROR_INPUT, 0, "the HTML page has no content");
		return -1;
	}
	walker w = { 0 };
	w.doc = doc;
	w.flow = text_flow_new(doc);
	sbuf_init(&w.line, TEXT_LINE_MAX);
	/* walk from a pseudo-parent holding the root, so the root itself is visited */
	xmlNode holder;
	memset(&holder, 0, sizeof holder);
	holder.children = root;
	xmlNode *saved_next = root->next;
	root->next = NULL;
	walk(&w, &holder, 0);
	root->next = saved_next;
	flush_line(&w);
	sbuf_release(&w.line);
	/* the flow holds copies: the tree goes before the tables are built */
	xmlFreeDoc(hd);
	htmlFreeParserCtxt(ctxt);
	free(utf8);
	text_flow_finish(w.flow);
	return 0;
}
