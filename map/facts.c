/*
 * facts: every amount, percentage and score in the text blocks, with what it
 * measures and the table cell it restates.
 *
 *   1. normalize/figures finds each figure in a block (3,260.50万元, 90.81%,
 *      88.92分); its value keeps every printed digit (3260.50).  A grade
 *      (评价等级为“良”) is a figure too: normalize/figures names the grade
 *      words, the schemas' grade column headers (评价等级, 自评等级) the
 *      words that announce one.
 *   2. measure: the clause before the figure, back to the previous figure or
 *      the nearest clause mark (，。；：！？), linking words at its end dropped
 *      (为, 是, 达, 达到, 约, 共计): "2024年度收、支总计3,260.55万元" gives
 *      2024年度收、支总计.
 *   3. relation: the words at the end of the measure say how the figure
 *      relates to its subject, and are cut off it: 年初预算/预算数 budget,
 *      决算/执行数/实际支出 actual, 增加/增长 increase, 减少/下降/节约 decrease,
 *      占…的 share (of the words between: basis), 完成…预算的 rate, 得分
 *      score, 扣 deduction; else amount.  A comparison named before the
 *      figure in its sentence (与2023年度相比, 比上年, 较上年) is the basis of
 *      an increase or decrease.  year: the first 20xx年 of the sentence
 *      before the figure that is not the comparison's.
 *   4. subject: what is left of the measure without a leading department
 *      name, year and 其中, bracket marks and 的.  When nothing is left (占,
 *      下降, 年初预算为 …) a change's subject is the clause before it when that
 *      says what changed; a bare 合计/共计 the title of the list its sentence
 *      opens (防疫支出: 口罩…, 合计); a score the things its sentence counts
 *      (绩效自评的2024年度项目4个，…平均得分); 实际支出 itself in a sentence the
 *      department opens about itself (本单位…, 实际支出X万元: its whole spending,
 *      linked as 部门整体支出); else the sentence's previous one, else
 *      the block's topic (a numbered item's title sentence: 1、一般公共服务
 *      支出（类）…（项）。), else the previous block's last subject under the
 *      same heading, else the heading's words.
 *   5. page: a block is stamped with the page it starts on; a figure past the
 *      end of that page's body text (lines not in tables, not furniture,
 *      compared without spaces) is on the next page.
 *   6. cell: an amount (not a change, share or rate; a budget figure only in
 *      a budget or against a 预算数 row) is matched against every mapped
 *      table: a row whose label is the subject (10), a total row (总计, 合计,
 *      本年收入合计 …) ending the subject whose leading words are the table's
 *      title core (8, or 5 when they are only inside it), a column whose
 *      schema header is inside the subject (6; its row the table's total, or
 *      预算数/决算数 by the relation), the subject holding the same words as
 *      the table's title core (6; the total column and row), the
 *      department's whole spending (整体支出, 部门整体支出, the 涉及资金 of a
 *      整体支出 self-assessment, not its projects') in a 收支总表 (6; its
 *      本年支出合计), a fund's money named either way (一般公共预算财政拨款收入
 *      for 一般公共预算资金: 8), and in a budget the bare 年初预算数 (or its
 *      item's 收入预算/支出预算) as the 收支总表's 合计 of that side.  A subject naming a part of the department (本级,
 *      下属, 所属), or a sentence or paragraph opening with a unit's name and a
 *      year (局机关2024年度…), is linked to none: the tables are the
 *      department's.  An amount in a budget's sentence (部门预算批复, 收入预算,
 *      nothing spent) is a budget figure.  A section whose headings name a fund
 *      (政府性基金, 国有资本经营) restates only that fund's tables or rows; a row of
 *      the 基本支出 economic detail is restated only where the sentence or the
 *      paragraph's first clause speaks of 基本支出 (人员经费, 公用经费); a row
 *      under 上年结转 in a two-sided table only by a subject naming 结转; a row
 *      after 项目支出…其中 in that row's 项目支出 column (基本支出 likewise).  A table
 *      whose title core the section headings above the block name wins a tie,
 *      then one the paragraph names before the figure (财政拨款 aside), then
 *      document order.  A row of a 收支总表 is restated besides only when that
 *      table's 本年收入/支出合计 is the restated table's total (the same money).  The cell's value (blank as 0, converted exactly to the
 *      figure's unit) is compared with the figure within half a unit of the
 *      figure's last printed digit: a document check `text_restates_cell`,
 *      and a warning `fact_disagrees_table` when they differ (saying so when
 *      the table carries a doubt of its own: column_unkeyed, check_failed …).  Scores and
 *      grades are tied likewise to a 绩效 form: the total score (综合, 总,
 *      自评 or nothing else named) to its `total_score`, an indicator's score
 *      to the `score` of the indicator row it names, the grade to `grade`.
 */
#include "map/facts.h"

#include <string.h>

#include "core/sbuf.h"
#include "map/internal.h"
#include "normalize/figures.h"
#include "normalize/unit.h"

/* ---- small string helpers (UTF-8, byte offsets) ---- */

static bool starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static bool ends(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n >= k && memcmp(s + n - k, suf, k) == 0;
}

static const char *find_n(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, needle, k) == 0)
			return s + i;
	return NULL;
}

static const char *rfind_n(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = n; i >= k; i--)
		if (memcmp(s + i - k, needle, k) == 0)
			return s + i - k;
	return NULL;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_clause_mark(const char *p)
{
	static const char *const marks[] = { "，", "。", "；", "：", "！", "？" };
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (starts(p, marks[i]))
			return true;
	return false;
}

static bool is_sentence_end(const char *p)
{
	return starts(p, "。") || starts(p, "；") || starts(p, "！") || starts(p, "？") || *p == ';';
}

/* Byte before position i at a character boundary. */
static size_t prev_char(const char *t, size_t i)
{
	size_t p = i - 1;
	while (p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80)
		p--;
	return p;
}

/* Copies [s, s+n) without ASCII blanks and U+3000. */
static void add_squeezed(sbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++;
		} else if (i + 3 <= n && memcmp(s + i, "\xE3\x80\x80", 3) == 0) {
			i += 3;
		} else {
			sbuf_addch(sb, s[i]);
			i++;
		}
	}
}

static void cut_front(sbuf *sb, size_t k)
{
	memmove(sb->buf, sb->buf + k, sb->len - k + 1);
	sb->len -= k;
}

static bool drop_prefix(sbuf *sb, const char *p)
{
	size_t k = strlen(p);
	if (sb->len >= k && memcmp(sb->buf, p, k) == 0) {
		cut_front(sb, k);
		return true;
	}
	return false;
}

static bool drop_suffix(sbuf *sb, const char *suf)
{
	if (ends(sb->buf, sb->len, suf)) {
		sbuf_setlen(sb, sb->len - strlen(suf));
		return true;
	}
	return false;
}

/* A 20xx年 at s: the year, else 0; *len its bytes (年度 included). */
static int year_at(const char *s, size_t n, size_t *len)
{
	if (n < 7 || !(s[0] == '1' || s[0] == '2') || !is_digit(s[1]) || !is_digit(s[2]) || !is_digit(s[3]) ||
	    !starts(s + 4, "年"))
		return 0;
	size_t k = 4 + strlen("年");
	if (k + 3 <= n && starts(s + k, "度"))
		k += 3;
	if (len)
		*len = k;
	return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
}

/* ---- relations ---- */

static const struct relation_word {
	const char *word;
	const char *relation;
} relation_words[] = {
	/* longest first where one ends another */
	{ "支出决算数", "actual" }, { "支出决算", "actual" }, { "决算数", "actual" }, { "决算", "actual" },
	{ "执行数", "actual" }, { "实际支出", "actual" }, { "实际完成", "actual" },
	{ "年初预算数", "budget" }, { "全年预算数", "budget" }, { "年初预算", "budget" }, { "全年预算", "budget" },
	{ "预算数", "budget" }, { "预算", "budget" },
	{ "增加了", "increase" }, { "增长了", "increase" }, { "上升了", "increase" }, { "提高了", "increase" },
	{ "增加", "increase" }, { "增长", "increase" }, { "上升", "increase" }, { "提高", "increase" },
	{ "减少了", "decrease" }, { "下降了", "decrease" }, { "降低了", "decrease" },
	{ "减少", "decrease" }, { "下降", "decrease" }, { "降低", "decrease" },
	{ "节约", "decrease" }, { "节省", "decrease" },
	{ "得分", "score" },
	{ "总分", "score" }, { "满分", "score" },
	{ "扣除", "deduction" }, { "扣", "deduction" },
	{ "未达到", "benchmark" }, { "未达", "benchmark" }, { "未", "benchmark" }, { "远大于", "benchmark" },
	{ "远低于", "benchmark" }, { "低于", "benchmark" }, { "高于", "benchmark" }, { "大于", "benchmark" },
	{ "小于", "benchmark" }, { "超过", "benchmark" }, { "不低于", "benchmark" }, { "不少于", "benchmark" },
};

/* Linking words a measure ends with before its figure. */
static void drop_links(sbuf *sb)
{
	static const char *const links[] = { "达到", "共计", "合计为", "为", "是", "达", "约", "只有", "仅为", "仅",
		                                     "分别", "均", "各" };
	for (bool again = true; again;) {
		again = false;
		for (size_t i = 0; i < sizeof links / sizeof *links; i++) {
			/* 节约 is a saving, not 节 + 约 (about) */
			if (strcmp(links[i], "约") == 0 && ends(sb->buf, sb->len, "节约"))
				continue;
			if (sb->len > strlen(links[i]) && drop_suffix(sb, links[i]))
				again = true;
		}
	}
}

/* ---- collection ---- */

typedef struct block_ctx {
	document *doc;
	const schema_set *set;
	const char *text;
	size_t block;
	size_t last_end;     /* end of the previous figure in this block */
	size_t sent_start;   /* start of the current sentence */
	const char *sent_subject; /* the previous subject in this sentence */
	const char *block_subject; /* the first subject in this block */
	const char *topic;   /* a numbered item's title */
	const char *carry;   /* the previous block's last subject under the same heading */
	bool carry_topic;    /* carry is a numbered item's title */
	const char *heading; /* the nearest heading's words */
	VEC(const char *) grade_words;
} block_ctx;

/* The measure as before: the clause words before start, spaces removed, links dropped. */
static void clause_before(block_ctx *ctx, size_t start, sbuf *measure)
{
	const char *t = ctx->text;
	size_t from = start;
	while (from > ctx->last_end) {
		size_t prev = prev_char(t, from);
		if (prev < ctx->last_end)
			break;
		if (is_clause_mark(t + prev) || t[prev] == ',' || t[prev] == ';' || t[prev] == ':' ||
		    (t[prev] == '.' && prev + 1 < start && t[prev + 1] == ' '))
			break;
		from = prev;
	}
	add_squeezed(measure, t + from, start - from);
	drop_links(measure);
	/* An opening bracket whose close lies past the figure is not part of the words. */
	if (starts(measure->buf, "（") && !strstr(measure->buf, "）"))
		cut_front(measure, 3);
	else if (measure->buf[0] == '(' && !strchr(measure->buf, ')'))
		cut_front(measure, 1);
}

/* Cleans a subject: leading punctuation, department, year, 其中, trailing 的. */
static void clean_subject(block_ctx *ctx, sbuf *s)
{
	for (bool again = true; again;) {
		again = false;
		static const char *const lead[] = { "、", "，", "；", "：", ",", ":", ";", "其中", "主要用于", "以及",
		                                    "和", "及", "含", "全年", "本年度", "本部门", "本单位" };
		for (size_t i = 0; i < sizeof lead / sizeof *lead; i++)
			if (s->len > strlen(lead[i]) && drop_prefix(s, lead[i]))
				again = true;
		if (s->len > 9 && (drop_prefix(s, "（单位）") || drop_prefix(s, "(单位)")))
			again = true;
		/* a note left from the figure before: （含授课费、税费）、培训费 */
		if (starts(s->buf, "（") || starts(s->buf, "(")) {
			const char *close = strstr(s->buf, starts(s->buf, "（") ? "）" : ")");
			size_t k = close ? (size_t)(close - s->buf) + (starts(s->buf, "（") ? 3 : 1) : 0;
			if (close && k + 6 <= s->len && (starts(s->buf + k, "、") || starts(s->buf + k, "，"))) {
				cut_front(s, k);
				again = true;
			}
		}
		/* a list ordinal: 一、 （一） 1. (1) */
		if (norm_heading_level(s->buf) >= 2) {
			static const char *const ords[] = { "、", "）", ")", "．" };
			for (size_t i = 0; i < sizeof ords / sizeof *ords; i++) {
				const char *o = strstr(s->buf, ords[i]);
				if (o && o - s->buf <= 12 && (size_t)(o - s->buf) + strlen(ords[i]) < s->len) {
					cut_front(s, (size_t)(o - s->buf) + strlen(ords[i]));
					again = true;
					break;
				}
			}
		}
		const char *dep = ctx->doc->department;
		if (dep && *dep && drop_prefix(s, dep))
			again = true;
		/* a list ordinal: 1. 2、 (1) （1） ① */
		size_t d = 0;
		while (d < s->len && is_digit(s->buf[d]))
			d++;
		if (d && d < 3 && (starts(s->buf + d, ".") || starts(s->buf + d, "、") || starts(s->buf + d, "．"))) {
			cut_front(s, d + (s->buf[d] == '.' ? 1 : 3));
			again = true;
		}
		if ((starts(s->buf, "(") || starts(s->buf, "（")) && s->len > 3) {
			size_t o = s->buf[0] == '(' ? 1 : 3, e = o;
			while (e < s->len && is_digit(s->buf[e]))
				e++;
			if (e > o && (starts(s->buf + e, ")") || starts(s->buf + e, "）"))) {
				cut_front(s, e + (s->buf[e] == ')' ? 1 : 3));
				again = true;
			}
		}
		size_t k = 0;
		if (year_at(s->buf, s->len, &k) && k <= s->len) {
			cut_front(s, k);
			again = true;
		}
	}
	while (drop_suffix(s, "的") || drop_suffix(s, "、") || drop_suffix(s, "了"))
		;
}

/* Whether a cleaned subject names something (two characters or more, not a bare word). */
static bool names_something(const char *s)
{
	static const char *const bare[] = { "其中", "分别", "合计", "共", "总计", "金额", "资金", "为", "占",
		                                    "平均", "累计", "共计", "实际", "全年", "当年", "年度" };
	if (strlen(s) < 6)
		return false;
	for (size_t i = 0; i < sizeof bare / sizeof *bare; i++)
		if (strcmp(s, bare[i]) == 0)
			return false;
	return true;
}

/* The comparison named in the sentence before the figure: 与X相比, 比X, 较X, 同比. */
static char *comparison(block_ctx *ctx, const char *raw, size_t rawn)
{
	arena *a = ctx->doc->arena;
	sbuf sq = SBUF_INIT;
	add_squeezed(&sq, raw, rawn);
	const char *s = arena_strndup(a, sq.buf, sq.len);
	size_t n = sq.len;
	sbuf_release(&sq);
	const char *vs = rfind_n(s, n, "相比");
	if (!vs)
		vs = rfind_n(s, n, "相较");
	if (vs) {
		const char *with = NULL;
		for (const char *p = vs; p > s;) {
			size_t q = prev_char(s, (size_t)(p - s));
			if (starts(s + q, "与") || starts(s + q, "同") || starts(s + q, "和")) {
				with = s + q + 3;
				break;
			}
			if (is_clause_mark(s + q))
				break;
			p = s + q;
		}
		if (with && with < vs) {
			sbuf b = SBUF_INIT;
			add_squeezed(&b, with, (size_t)(vs - with));
			char *r = arena_strndup(a, b.buf, b.len);
			sbuf_release(&b);
			return r;
		}
	}
	if (find_n(s, n, "同比"))
		return arena_strdup(a, "上年");
	/* 比上年, 较2023年: the words after 比/较 up to a relation word. */
	for (size_t i = n; i > 0;) {
		i = prev_char(s, i);
		if (starts(s + i, "比") || starts(s + i, "较")) {
			const char *w = s + i + 3;
			if (!(is_digit(*w) || starts(w, "上") || starts(w, "去") || starts(w, "前") || starts(w, "年初")))
				continue;
			size_t end = n - (size_t)(w - s);
			for (size_t k = 0; k < end; k++) {
				if (k > 0 && is_digit(w[k]) && !is_digit(w[k - 1])) {
					end = k; /* 较年初预算2.85万元节约: the basis is 年初预算 */
					break;
				}
				for (size_t r = 0; r < sizeof relation_words / sizeof *relation_words; r++)
					if (starts(w + k, relation_words[r].word) &&
					    (strcmp(relation_words[r].relation, "increase") == 0 ||
					     strcmp(relation_words[r].relation, "decrease") == 0)) {
						end = k;
						break;
					}
			}
			sbuf b = SBUF_INIT;
			add_squeezed(&b, w, end);
			while (drop_suffix(&b, "分别") || drop_suffix(&b, "都") || drop_suffix(&b, "均") || drop_suffix(&b, "有所"))
				;
			char *r = arena_strndup(a, b.buf, b.len);
			sbuf_release(&b);
			return r;
		}
	}
	return NULL;
}

/* Splits relation words off the end of m (or a 占…的 inside it). */
static const char *split_relation(block_ctx *ctx, sbuf *m, const char *unit, char **basis, const char **word)
{
	arena *a = ctx->doc->arena;
	/* 占本年支出合计的 / 占比 / 占 */
	const char *zhan = rfind_n(m->buf, m->len, "占");
	if (zhan && strcmp(unit, "%") == 0) {
		sbuf b = SBUF_INIT;
		const char *w = zhan + 3;
		size_t n = m->len - (size_t)(w - m->buf);
		sbuf_add(&b, w, n);
		drop_suffix(&b, "的比重");
		drop_suffix(&b, "的比例");
		drop_suffix(&b, "比重");
		drop_suffix(&b, "比例");
		drop_suffix(&b, "的");
		if (!drop_prefix(&b, "比") && b.len)
			*basis = arena_strndup(a, b.buf, b.len);
		sbuf_release(&b);
		sbuf_setlen(m, (size_t)(zhan - m->buf));
		return "share";
	}
	if (strcmp(unit, "%") == 0) {
		static const char *const rate[] = { "完成年初预算的", "完成全年预算的", "完成预算的", "完成调整预算的" };
		for (size_t i = 0; i < sizeof rate / sizeof *rate; i++) {
			const char *p = rfind_n(m->buf, m->len, rate[i]);
			if (p) {
				*basis = arena_strndup(a, rate[i] + strlen("完成"), strlen(rate[i]) - strlen("完成") - strlen("的"));
				sbuf_setlen(m, (size_t)(p - m->buf));
				return "rate";
			}
		}
	}
	for (size_t r = 0; r < sizeof relation_words / sizeof *relation_words; r++) {
		const char *w = relation_words[r].word;
		const char *rel = relation_words[r].relation;
		bool score = strcmp(unit, "分") == 0;
		if ((strcmp(rel, "score") == 0 || strcmp(rel, "deduction") == 0) && !score)
			continue;
		if (strcmp(rel, "deduction") == 0) {
			const char *p = rfind_n(m->buf, m->len, w);
			if (p) {
				sbuf_setlen(m, (size_t)(p - m->buf));
				return rel;
			}
			continue;
		}
		if (ends(m->buf, m->len, w)) {
			*word = w;
			sbuf_setlen(m, m->len - strlen(w));
			drop_links(m);
			/* 比2023年度增加: the comparison is the basis, not the subject. */
			if (strcmp(rel, "increase") == 0 || strcmp(rel, "decrease") == 0) {
				const char *vs = rfind_n(m->buf, m->len, "相比");
				const char *with = vs ? rfind_n(m->buf, (size_t)(vs - m->buf), "与") : NULL;
				if (with) {
					sbuf_setlen(m, (size_t)(with - m->buf)); /* X与上年相比 */
				} else if (ends(m->buf, m->len, "同比")) {
					sbuf_setlen(m, m->len - strlen("同比"));
				} else {
					/* X比上年, X较2023年度: 比/较 before a year or 上年, 去年, 年初 */
					for (size_t i = m->len; i > 0;) {
						i = prev_char(m->buf, i);
						if (!starts(m->buf + i, "比") && !starts(m->buf + i, "较"))
							continue;
						const char *w = m->buf + i + 3;
						if (is_digit(*w) || starts(w, "上") || starts(w, "去") || starts(w, "前") ||
						    starts(w, "年初") || starts(w, "同期")) {
							sbuf_setlen(m, i);
							break;
						}
					}
				}
			}
			return rel;
		}
	}
	if (strcmp(unit, "分") == 0)
		return "score";
	return "amount";
}

/* The clause before the figure's own, when it says what changed: 项目支出增加，较上年增加X. */
static const char *changed_before(block_ctx *ctx, size_t start)
{
	const char *t = ctx->text;
	/* back to the figure's clause mark, then to the one before */
	size_t i = start, marks = 0, end = 0;
	while (i > ctx->sent_start && i > ctx->last_end) {
		i = prev_char(t, i);
		if (is_clause_mark(t + i) || t[i] == ',') {
			if (++marks == 1)
				end = i;
			else
				break;
		}
	}
	if (marks == 0 || !end)
		return NULL;
	size_t from = marks == 2 ? i + (t[i] == ',' ? 1 : 3) : i;
	sbuf m = SBUF_INIT;
	add_squeezed(&m, t + from, end - from);
	const char *r = NULL;
	static const char *const moved[] = { "增加", "增长", "减少", "下降", "降低", "上升" };
	for (size_t k = 0; k < sizeof moved / sizeof *moved; k++)
		if (drop_suffix(&m, moved[k])) {
			clean_subject(ctx, &m);
			if (names_something(m.buf))
				r = arena_strndup(ctx->doc->arena, m.buf, m.len);
			break;
		}
	sbuf_release(&m);
	return r;
}

/* The things a sentence counts before start (绩效自评的2024年度项目4个，…平均得分): the
   words of the clause before the count, without years; NULL when it counts nothing. */
static const char *counted_before(block_ctx *ctx, size_t start)
{
	sbuf sq = SBUF_INIT;
	add_squeezed(&sq, ctx->text + ctx->sent_start, start - ctx->sent_start);
	const char *s = sq.buf ? sq.buf : "";
	const char *ge = NULL;
	for (const char *p = strstr(s, "个"); p; p = strstr(p + 1, "个"))
		if (p > s && is_digit(p[-1]))
			ge = p;
	const char *r = NULL;
	if (ge) {
		size_t e = (size_t)(ge - s);
		while (e > 0 && is_digit(s[e - 1]))
			e--;
		size_t b = e;
		while (b > 0) {
			size_t q = prev_char(s, b);
			if (is_clause_mark(s + q) || s[q] == ',' || s[q] == ';')
				break;
			b = q;
		}
		sbuf w = SBUF_INIT;
		for (size_t i = b; i < e;) {
			size_t k = 0;
			if (year_at(s + i, e - i, &k) && !(i > b && is_digit(s[i - 1]))) {
				i += k;
				continue;
			}
			sbuf_addch(&w, s[i++]);
		}
		if (w.len) {
			clean_subject(ctx, &w);
			if (names_something(w.buf))
				r = arena_strndup(ctx->doc->arena, w.buf, w.len);
		}
		sbuf_release(&w);
	}
	sbuf_release(&sq);
	return r;
}

/* Whether the text opens with the department speaking of itself (本单位, 本部门, its name …). */
static bool opens_with_self(const document *doc, const char *s)
{
	static const char *const selves[] = { "本单位", "本部门", "我单位", "我部门", "本局", "我局" };
	for (size_t i = 0; i < sizeof selves / sizeof *selves; i++)
		if (starts(s, selves[i]))
			return true;
	return doc->department && *doc->department && starts(s, doc->department);
}

/* The title of the list a sentence opens (2020年度防疫支出: 口罩…, 合计87114元): the words
   before its first colon; NULL when none. */
static const char *list_title(block_ctx *ctx, size_t start)
{
	sbuf sq = SBUF_INIT;
	add_squeezed(&sq, ctx->text + ctx->sent_start, start - ctx->sent_start);
	const char *s = sq.buf ? sq.buf : "";
	const char *c1 = strstr(s, "："), *c2 = strchr(s, ':');
	const char *c = c1 && (!c2 || c1 < c2) ? c1 : c2;
	const char *r = NULL;
	if (c && c > s) {
		sbuf w = SBUF_INIT;
		sbuf_add(&w, s, (size_t)(c - s));
		clean_subject(ctx, &w);
		if (names_something(w.buf) && !strstr(w.buf, "其中"))
			r = arena_strndup(ctx->doc->arena, w.buf, w.len);
		sbuf_release(&w);
	}
	sbuf_release(&sq);
	return r;
}

static fact *push_fact(block_ctx *ctx, size_t start, size_t end, const char *unit)
{
	document *doc = ctx->doc;
	fact *f = VEC_PUSH(doc->arena, &doc->facts);
	memset(f, 0, sizeof *f);
	f->text = arena_strndup(doc->arena, ctx->text + start, end - start);
	f->unit = unit;
	f->block = (int)ctx->block;
	f->page = doc->blocks.items[ctx->block].page;
	f->start = start;
	return f;
}

static void on_figure(void *ctxp, size_t start, size_t end, decimal value, const char *unit)
{
	block_ctx *ctx = ctxp;
	document *doc = ctx->doc;
	arena *a = doc->arena;
	const char *t = ctx->text;
	/* A sentence ended between the previous figure and this one. */
	for (size_t i = ctx->last_end; i < start; i++)
		if (is_sentence_end(t + i)) {
			ctx->sent_start = i + 1;
			ctx->sent_subject = NULL;
		}
	while (ctx->sent_start < start && ((unsigned char)t[ctx->sent_start] & 0xC0) == 0x80)
		ctx->sent_start++;

	sbuf m = SBUF_INIT;
	clause_before(ctx, start, &m);
	fact *f = push_fact(ctx, start, end, unit);
	f->value = value;
	f->has_value = true;
	f->measure = arena_strndup(a, m.buf, m.len);

	char *basis = NULL;
	const char *word = NULL;
	f->relation = split_relation(ctx, &m, unit, &basis, &word);
	if (strcmp(f->relation, "increase") == 0 || strcmp(f->relation, "decrease") == 0)
		basis = comparison(ctx, t + ctx->sent_start, start - ctx->sent_start);
	f->basis = basis;
	/* 上升了1.69、1.1个百分点: a listed figure relates as the one before it */
	if (ctx->last_end && start >= ctx->last_end + 3 && start - ctx->last_end <= 4 &&
	    starts(t + ctx->last_end, "、") && doc->facts.len >= 2) {
		const fact *before = &doc->facts.items[doc->facts.len - 2];
		f->relation = before->relation;
		f->basis = before->basis;
	}
	clean_subject(ctx, &m);
	bool relational = strcmp(f->relation, "increase") == 0 || strcmp(f->relation, "decrease") == 0 ||
	                  strcmp(f->relation, "share") == 0 || strcmp(f->relation, "rate") == 0 ||
	                  strcmp(f->relation, "benchmark") == 0;
	const char *before = relational && !names_something(m.buf) ? changed_before(ctx, start) : NULL;
	/* 实际支出 alone in a sentence the department opens about itself */
	bool own_spending = false;
	if (word && strcmp(f->relation, "actual") == 0 && (strcmp(word, "实际支出") == 0 || strcmp(word, "支出决算") == 0)) {
		sbuf os = SBUF_INIT;
		add_squeezed(&os, t + ctx->sent_start, start - ctx->sent_start);
		own_spending = opens_with_self(doc, os.buf ? os.buf : "");
		sbuf_release(&os);
	}
	if (names_something(m.buf))
		f->subject = arena_strndup(a, m.buf, m.len);
	else if (before)
		f->subject = before; /* 项目支出增加，较上年增加X万元 */
	else if ((strcmp(m.buf, "合计") == 0 || strcmp(m.buf, "共计") == 0 || strcmp(m.buf, "总计") == 0) &&
	         (f->subject = list_title(ctx, start)))
		; /* 2020年度防疫支出: 口罩13200元, …, 合计87114元 */
	else if (own_spending)
		f->subject = word; /* 本单位2020年预算安排数…, 本年追加调整预算…, 实际支出2847.27万元: the unit's own */
	else if (strcmp(f->relation, "score") == 0 && (f->subject = counted_before(ctx, start)))
		; /* 绩效自评的2024年度项目4个，…平均得分99.43分: those projects' */
	else if (strcmp(f->relation, "score") == 0 && names_something(f->measure))
		f->subject = f->measure; /* 平均得分 */
	else if (ctx->sent_subject)
		f->subject = ctx->sent_subject;
	else if (relational && ctx->block_subject)
		f->subject = ctx->block_subject; /* 收支总计X万元，其中…。与上年相比，减少Y万元 */
	else if (ctx->topic)
		f->subject = ctx->topic;
	else if (ctx->carry)
		f->subject = ctx->carry, f->carried = !ctx->carry_topic;
	else if (word && strcmp(f->relation, "benchmark") != 0 && strlen(word) >= 6)
		f->subject = word; /* 2022年年初预算: the budget itself */
	else if (m.len)
		f->subject = arena_strndup(a, m.buf, m.len);
	else
		f->subject = ctx->heading, f->carried = true;
	sbuf_release(&m);

	/* The year the sentence states before the figure, not the comparison's. */
	sbuf sent = SBUF_INIT;
	add_squeezed(&sent, t + ctx->sent_start, start - ctx->sent_start);
	const char *s = sent.buf;
	size_t n = sent.len;
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		int y = year_at(s + i, n - i, &k);
		/* 比2021年, 较2023年度, 与2023年度相比: a comparison's year */
		bool after_vs = i >= 3 && (starts(s + i - 3, "比") || starts(s + i - 3, "较") || starts(s + i - 3, "与") ||
		                           starts(s + i - 3, "同"));
		if (y && !after_vs && !(i > 0 && is_digit(s[i - 1]))) {
			bool compared = basis && strstr(basis, "年") && strncmp(basis, s + i, 4) == 0;
			if (!compared) {
				f->year = y;
				break;
			}
		}
	}
	sbuf_release(&sent);
	if (f->subject && !ctx->block_subject)
		ctx->block_subject = f->subject; /* a paragraph opens with its total */
	if (f->subject && strcmp(f->relation, "share") != 0 && strcmp(f->relation, "rate") != 0)
		ctx->sent_subject = f->subject;
	else if (f->subject && !ctx->sent_subject)
		ctx->sent_subject = f->subject;
	ctx->last_end = end;
}

/* A grade after a grade word: 评价等级为“良”, 自评等级：优秀. */
static void find_grades(block_ctx *ctx)
{
	const char *t = ctx->text;
	for (size_t g = 0; g < ctx->grade_words.len; g++) {
		const char *w = ctx->grade_words.items[g];
		for (const char *p = strstr(t, w); p; p = strstr(p + 1, w)) {
			const char *q = p + strlen(w);
			static const char *const joins[] = { "为", "是", "：", ":", "“", "\"", "「", " " };
			for (bool again = true; again;) {
				again = false;
				for (size_t i = 0; i < sizeof joins / sizeof *joins; i++)
					if (starts(q, joins[i])) {
						q += strlen(joins[i]);
						again = true;
					}
			}
			size_t len = 0;
			const char *grade = norm_grade_word(q, &len);
			if (!grade || starts(q + len, "的"))
				continue;
			size_t start = (size_t)(q - t), end = start + len;
			fact *f = push_fact(ctx, start, end, NULL);
			f->measure = arena_strndup(ctx->doc->arena, p, strlen(w));
			f->subject = f->measure;
			f->relation = "grade";
			f->grade = grade;
		}
	}
}

/* A numbered item's title sentence (1、一般公共服务支出（类）…（项）。) without its ordinal. */
static const char *item_topic(document *doc, const char *text)
{
	if (norm_heading_level(text) < 2)
		return NULL;
	const char *p = text;
	const char *stop = NULL;
	static const char *const ords[] = { "、", "）", ")", "．", "." };
	for (size_t i = 0; i < sizeof ords / sizeof *ords && !stop; i++) {
		const char *o = strstr(text, ords[i]);
		if (o && o - text <= 12)
			stop = o + strlen(ords[i]);
	}
	if (!stop)
		return NULL;
	p = stop;
	size_t n = strlen(p);
	size_t end = n;
	for (size_t i = 0; i < n; i++)
		if (is_clause_mark(p + i) || p[i] == ':' || p[i] == ',' || (p[i] >= '0' && p[i] <= '9')) {
			end = i;
			break;
		}
	if (end == 0 || end > 300 || (end < n && (p[end] >= '0' && p[end] <= '9')))
		return NULL;
	sbuf b = SBUF_INIT;
	add_squeezed(&b, p, end);
	char *r = b.len >= 6 ? arena_strndup(doc->arena, b.buf, b.len) : NULL;
	sbuf_release(&b);
	return r;
}

/* ---- the page a figure is printed on ---- */

/* The body text of page number pg, without spaces (lines neither in a table nor furniture). */
static void page_body(const document *doc, int pg, sbuf *out)
{
	sbuf_reset(out);
	if (pg < 1 || (size_t)pg > doc->pages.len)
		return;
	const page *p = &doc->pages.items[pg - 1];
	for (size_t l = 0; l < p->lines.len; l++) {
		const textline *ln = &p->lines.items[l];
		if (ln->in_table || ln->furniture || !ln->text)
			continue;
		add_squeezed(out, ln->text, strlen(ln->text));
	}
}

/* Moves the facts of block b past the end of its first page onto the next. */
static void fix_pages(document *doc, size_t b, size_t first_fact)
{
	const block *bl = &doc->blocks.items[b];
	if (!doc->pages.len || bl->page < 1 || (size_t)bl->page >= doc->pages.len)
		return;
	sbuf body = SBUF_INIT, text = SBUF_INIT;
	page_body(doc, bl->page, &body);
	add_squeezed(&text, bl->text, strlen(bl->text));
	/* Where the block starts on its page: its first 8 characters. */
	size_t head = 0;
	for (int c = 0; c < 8 && head < text.len; c++) {
		uint32_t cp;
		head += utf8_decode(text.buf + head, text.len - head, &cp);
	}
	const char *at = NULL;
	for (const char *p = strstr(body.buf, arena_strndup(doc->arena, text.buf, head)); p;
	     p = strstr(p + 1, arena_strndup(doc->arena, text.buf, head)))
		at = p; /* the last: a block starts after what the page held before it */
	if (at) {
		size_t i = 0, j = (size_t)(at - body.buf);
		while (i < text.len && j < body.len && text.buf[i] == body.buf[j]) {
			i++;
			j++;
		}
		if (j == body.len && i < text.len) {
			/* i: squeezed bytes of the block on its first page */
			for (size_t k = first_fact; k < doc->facts.len; k++) {
				fact *f = &doc->facts.items[k];
				sbuf pre = SBUF_INIT;
				add_squeezed(&pre, bl->text, f->start);
				if (pre.len >= i)
					f->page = bl->page + 1;
				sbuf_release(&pre);
			}
		}
	}
	sbuf_release(&body);
	sbuf_release(&text);
}

/* ---- the table cell a fact restates ---- */

typedef struct table_keys {
	table *t;
	const schema *s;
	char *core;
	char **labels; /* label key per row */
	bool *carried; /* a row under 上年结转 (two-sided tables): last year's money, not this year's */
} table_keys;

static const schema *schema_of(const schema_set *set, const char *id)
{
	if (!set || !id)
		return NULL;
	for (size_t i = 0; i < set->schemas.len; i++)
		if (strcmp(set->schemas.items[i].id, id) == 0)
			return &set->schemas.items[i];
	return NULL;
}

/* A key without bracket characters (their words kept) and without (类)(款)(项). */
static char *bare_key(arena *a, const char *key)
{
	sbuf b = SBUF_INIT;
	for (const char *p = key; *p;) {
		if (starts(p, "(类)") || starts(p, "(款)") || starts(p, "(项)")) {
			p += strlen("(类)");
			continue;
		}
		if (*p == '(' || *p == ')' || *p == '[' || *p == ']' || starts(p, "、")) {
			p += *p == '(' || *p == ')' || *p == '[' || *p == ']' ? 1 : 3;
			continue;
		}
		sbuf_addch(&b, *p++);
	}
	char *r = arena_strndup(a, b.buf, b.len);
	sbuf_release(&b);
	return r;
}

/* Same characters, each as often (收支三公经费 in any order). */
static bool same_letters(const char *x, const char *y)
{
	if (strlen(x) != strlen(y) || !*x)
		return false;
	uint32_t cx[64], cy[64];
	size_t nx = 0, ny = 0;
	for (size_t i = 0; x[i] && nx < 64;)
		i += utf8_decode(x + i, strlen(x + i), &cx[nx++]);
	for (size_t i = 0; y[i] && ny < 64;)
		i += utf8_decode(y + i, strlen(y + i), &cy[ny++]);
	if (nx != ny || nx < 3)
		return false;
	bool used[64] = { false };
	for (size_t i = 0; i < nx; i++) {
		bool hit = false;
		for (size_t j = 0; j < ny && !hit; j++)
			if (!used[j] && cx[i] == cy[j])
				used[j] = hit = true;
		if (!hit)
			return false;
	}
	return true;
}

static bool amount_column(const column *c)
{
	return !c->text && !c->measure && strcmp(c->key, "line") != 0;
}

/* The column of row r an amount stated for it lives in: the first amount column holding a number. */
static int row_column(const table *t, const row *r)
{
	int first = -1;
	for (size_t c = 0; c < t->columns.len; c++) {
		if (!amount_column(&t->columns.items[c]))
			continue;
		if (first < 0)
			first = (int)c;
		if (r->values && r->values[c].kind == VALUE_NUMBER)
			return (int)c;
	}
	return first;
}

static bool is_total_label(const char *key)
{
	return ends(key, strlen(key), "合计") || ends(key, strlen(key), "总计");
}

/* The total row for column c: a 合计/总计 row on the column's side (合计 before 总计). */
static int total_row(const table_keys *k, const column *c, const char *relation, bool whole)
{
	const table *t = k->t;
	int found = -1;
	/* 预算数 / 决算数 rows (三公 决算) */
	for (size_t r = 0; r < t->rows.len; r++) {
		const char *l = k->labels[r];
		if ((strcmp(relation, "budget") == 0 && strcmp(l, "预算数") == 0) ||
		    (strcmp(relation, "budget") != 0 && strcmp(l, "决算数") == 0))
			return (int)r;
	}
	const char *side = NULL;
	for (size_t i = 0; k->s && i < k->s->columns.len; i++)
		if (strcmp(k->s->columns.items[i].key, c->key) == 0)
			side = k->s->columns.items[i].side;
	for (size_t r = 0; r < t->rows.len; r++) {
		const row *rw = &t->rows.items[r];
		if (side && rw->side && strcmp(side, rw->side) != 0)
			continue;
		const char *l = k->labels[r];
		/* the whole table's total: 合计 itself, not 人员经费合计 */
		if (whole ? strcmp(l, "合计") == 0 : ends(l, strlen(l), "合计"))
			return (int)r;
		if (found < 0 && ends(l, strlen(l), "总计"))
			found = (int)r;
	}
	return found;
}

typedef struct link {
	int score;
	int table; /* index in doc->tables */
	int row, column;
} link;

/* The row of an item named by its 类/款/项 path (…（款）行政运行（项）): label item under a row labelled kuan. */
static int item_row(const table_keys *k, const char *kuan, const char *item)
{
	const table *t = k->t;
	for (size_t r = 0; r < t->rows.len; r++) {
		const row *rw = &t->rows.items[r];
		if (strcmp(k->labels[r], item) != 0 || !rw->parent)
			continue;
		for (size_t p = 0; p < t->rows.len; p++)
			if (t->rows.items[p].code && strcmp(t->rows.items[p].code, rw->parent) == 0 &&
			    strcmp(k->labels[p], kuan) == 0)
				return (int)r;
	}
	return -1;
}

/* A fund's money named either way: 一般公共预算财政拨款收入, 一般公共预算拨款 and
   一般公共预算资金 are all 一般公共预算 (财政拨款 dropped, then 收入, 资金, 拨款 at the
   end); NULL when the words name no fund (…预算). */
static char *fund_money(arena *a, const char *key)
{
	sbuf b = SBUF_INIT;
	for (const char *p = key; *p;) {
		if (starts(p, "财政拨款")) {
			p += strlen("财政拨款");
			continue;
		}
		sbuf_addch(&b, *p++);
	}
	bool cut = false;
	while (drop_suffix(&b, "收入") || drop_suffix(&b, "资金") || drop_suffix(&b, "拨款"))
		cut = true;
	char *r = cut && ends(b.buf ? b.buf : "", b.len, "预算") && b.len > strlen("预算") ? arena_strndup(a, b.buf, b.len) : NULL;
	sbuf_release(&b);
	return r;
}

/* The best cell of table k for subject key s (bare), score 0 when none; kuan and item
   (bare) when the subject is a 类/款/项 path. */
static link match_table(const table_keys *k, arena *a, const char *s, const char *relation, const char *kuan,
                        const char *item)
{
	link best = { 0, -1, -1, -1 };
	const table *t = k->t;
	if (kuan && item) {
		int r = item_row(k, kuan, item);
		int c = r >= 0 ? row_column(t, &t->rows.items[r]) : -1;
		if (c >= 0)
			return (link){ 9, 0, r, c };
	}
	char *fund = fund_money(a, s);
	for (size_t r = 0; r < t->rows.len; r++) {
		const char *l = k->labels[r];
		if (!*l)
			continue;
		int score = 0;
		if (k->carried && k->carried[r] && !strstr(s, "结转") && !strstr(s, "结余"))
			continue;
		if (strcmp(l, s) == 0) {
			score = 10;
		} else if (strlen(l) == strlen(s) + strlen("合计") && starts(l, s) && is_total_label(l)) {
			score = 9; /* 人员经费 for 人员经费合计, 收入 for 收入总计 */
			if (strstr(s, "收入") || strstr(s, "支出"))
				score = 8;
		} else if (strlen(l) == strlen(s) + strlen("本年合计") && starts(l, "本年") && starts(l + strlen("本年"), s) &&
		           ends(l, strlen(l), "合计")) {
			score = 7; /* 收入 for 本年收入合计 */
		} else if (fund && fund_money(a, l) && strcmp(fund, fund_money(a, l)) == 0) {
			score = 8; /* 一般公共预算财政拨款收入 for 一般公共预算资金 */
		} else if (is_total_label(l) && ends(s, strlen(s), l)) {
			char *lead = map_title_core(a, arena_strndup(a, s, strlen(s) - strlen(l)));
			if (!*lead)
				score = 4;
			else if (strcmp(lead, k->core) == 0)
				score = 8;
			else if (strstr(k->core, lead))
				score = 5;
		}
		if (score > best.score) {
			int c = row_column(t, &t->rows.items[r]);
			if (c >= 0)
				best = (link){ score, 0, (int)r, c };
		}
	}
	if (best.score >= 8)
		return best;
	/* 财政拨款支出 in a 财政拨款收支总表: the side's 本年支出合计 */
	if (k->s && k->s->layout == LAYOUT_TWO_SIDED && best.score < 7) {
		static const char *const sides[][2] = { { "收入", "income" }, { "支出", "expenditure" } };
		for (size_t w = 0; w < 2; w++) {
			if (!ends(s, strlen(s), sides[w][0]) || strlen(s) <= strlen(sides[w][0]))
				continue;
			char *lead = map_title_core(a, arena_strndup(a, s, strlen(s) - strlen(sides[w][0])));
			if (!*lead || !strstr(k->core, lead))
				continue;
			for (size_t r = 0; r < t->rows.len; r++) {
				const char *l = k->labels[r];
				const row *rw = &t->rows.items[r];
				if (rw->side && strcmp(rw->side, sides[w][1]) == 0 && starts(l, "本年") && ends(l, strlen(l), "合计")) {
					int c = row_column(t, rw);
					if (c >= 0)
						best = (link){ 7, 0, (int)r, c };
					break;
				}
			}
		}
	}
	/* The department's whole spending (部门整体支出, 整体支出规模) in a 收支总表:
	 * its 本年支出合计.  Not 涉及资金 alone (the funds of the projects
	 * assessed), nor a unit's (局本级整体支出). */
	if (best.score < 6 && k->s && k->s->layout == LAYOUT_TWO_SIDED && ends(k->s->id, strlen(k->s->id), ".summary") &&
	    (starts(s, "整体支出") || strstr(s, "部门整体支出"))) {
		for (size_t r = 0; r < t->rows.len; r++) {
			const row *rw = &t->rows.items[r];
			if (rw->side && strcmp(rw->side, "expenditure") == 0 && strcmp(k->labels[r], "本年支出合计") == 0) {
				int c = row_column(t, rw);
				if (c >= 0)
					best = (link){ 6, 0, (int)r, c };
				break;
			}
		}
	}
	/* A column whose schema header is inside the subject: the longest. */
	size_t longest = 0;
	int col = -1;
	bool rest_fits = false, rest_empty = false;
	for (size_t c = 0; k->s && c < t->columns.len; c++) {
		const column *cl = &t->columns.items[c];
		if (!cl->canonical || !amount_column(cl))
			continue;
		for (size_t i = 0; i < k->s->columns.len; i++) {
			const schema_column *sc = &k->s->columns.items[i];
			if (strcmp(sc->key, cl->key) != 0)
				continue;
			for (size_t h = 0; h < sc->headers.len; h++) {
				const char *hk = sc->headers.items[h];
				if (strchr(hk, '/'))
					continue;
				char *hb = bare_key(a, hk);
				/* the subject ends with the header (公务接待费, 公务接待费支出, 项目支出合计), not
				   基本支出中公用经费 */
				const char *at = rfind_n(s, strlen(s), hb);
				const char *tail = at ? at + strlen(hb) : NULL;
				if (tail && *tail && strcmp(tail, "支出") != 0 && strcmp(tail, "合计") != 0 && strcmp(tail, "总计") != 0)
					at = NULL;
				if (strlen(hb) >= 9 && strlen(hb) > longest && at) {
					longest = strlen(hb);
					col = (int)c;
					/* the words around the header name this table: 一般公共预算财政拨款 + 基本支出 */
					sbuf rest = SBUF_INIT;
					sbuf_add(&rest, s, (size_t)(at - s));
					sbuf_addstr(&rest, at + strlen(hb));
					char *rc = map_title_core(a, rest.buf);
					rest_fits = *rc && strstr(k->core, rc);
					/* nothing but the side: 一般公共预算财政拨款 + 收入 */
					rest_empty = rest.len == 0 || strcmp(rest.buf, "收入") == 0 || strcmp(rest.buf, "支出") == 0;
					/* nothing but a total and filler: 决算 + 项目支出 + 合计 */
					sbuf rt = SBUF_INIT;
					sbuf_addstr(&rt, rest.buf);
					if ((drop_suffix(&rt, "合计") || drop_suffix(&rt, "总计")) && !*map_title_core(a, rt.buf))
						rest_empty = true;
					sbuf_release(&rt);
					sbuf_release(&rest);
				}
			}
		}
	}
	bool whole = false;
	if (col < 0 && same_letters(map_title_core(a, s), k->core)) {
		for (size_t c = 0; c < t->columns.len && col < 0; c++)
			if (amount_column(&t->columns.items[c]))
				col = (int)c;
		whole = true;
	}
	/* words beside the header that do not name this table: 涉及一般公共预算支出 */
	if (col >= 0 && longest && !rest_fits && !rest_empty)
		col = -1;
	if (col >= 0 && best.score < 6) {
		int r = total_row(k, &t->columns.items[col], relation, whole);
		if (r >= 0)
			best = (link){ rest_fits ? 7 : 6, 0, r, col };
	}
	return best;
}

static const char *row_key(const row *r)
{
	return r->code ? r->code : r->label;
}

/* Half a unit of the last printed digit of d. */
static decimal half_digit(decimal d)
{
	decimal h = { 5, (int8_t)(d.scale + 1), false };
	return h;
}

/* Records that f restates cell (row r, column c) of t: the check, and a warning when they differ. */
static void restate(document *doc, fact *f, const table *t, const row *r, const column *c)
{
	arena *a = doc->arena;
	if (f->ncells >= 2)
		return;
	int ci = (int)(c - t->columns.items);
	decimal cellv = decimal_from_int(0);
	if (r->values && r->values[ci].kind == VALUE_NUMBER)
		cellv = r->values[ci].number;
	else if (r->values && r->values[ci].kind == VALUE_TEXT)
		return;
	decimal conv = cellv;
	if (t->unit && f->unit && strcmp(t->unit, f->unit) != 0 && strcmp(f->unit, "分") != 0 &&
	    !norm_convert_unit(cellv, t->unit, f->unit, &conv))
		return;
	struct fact_cell *fc = &f->cells[f->ncells++];
	fc->table = t->id;
	fc->row = row_key(r);
	fc->side = r->side;
	fc->column = c->key;
	decimal diff = decimal_abs(decimal_sub(conv, f->value));
	decimal tol = half_digit(f->value);
	fc->ok = decimal_is_zero(diff) || (!diff.overflow && decimal_cmp(diff, tol) < 0);
	check *ck = VEC_PUSH(a, &doc->document_checks);
	memset(ck, 0, sizeof *ck);
	ck->rule = "text_restates_cell";
	ck->tables = t->id;
	ck->row = (char *)fc->row;
	ck->column = c->key;
	ck->expected = conv;
	ck->found = f->value;
	ck->tolerance = decimal_is_zero(diff) ? decimal_from_int(0) : tol;
	ck->ok = fc->ok;
	if (!fc->ok) {
		sbuf v = SBUF_INIT;
		decimal_format_printed(conv, &v);
		/* a table already in doubt (a column without a key, an identity not holding) may be
		   read wrong rather than the text: said, so the reader weighs the disagreement */
		const char *doubt = NULL;
		static const char *const doubts[] = { "column_unkeyed", "value_not_amount", "check_failed", "unit_missing" };
		for (size_t w = 0; w < doc->warnings.len && !doubt; w++)
			for (size_t d = 0; d < sizeof doubts / sizeof *doubts; d++)
				if (doc->warnings.items[w].table && strcmp(doc->warnings.items[w].table, t->id) == 0 &&
				    strcmp(doc->warnings.items[w].code, doubts[d]) == 0)
					doubt = doubts[d];
		doc_warn(doc, "fact_disagrees_table", f->page, t,
		         "the text states %s %s (%s) where table %s row '%s' column '%s' holds %s%s%s%s%s", f->subject, f->text,
		         f->relation, t->id, fc->row, c->key, v.buf, f->unit ? f->unit : "",
		         doubt ? " (the table is read with a doubt: " : "", doubt ? doubt : "", doubt ? ")" : "");
		sbuf_release(&v);
	}
}

/* The words of f's sentence before it, without spaces; whole: up to 。！？ only (not ；). */
static void sentence_before(const document *doc, const fact *f, bool whole, sbuf *out)
{
	const char *bt = doc->blocks.items[f->block].text;
	size_t from = f->start;
	while (from > 0) {
		const char *p = bt + prev_char(bt, from);
		if (whole ? starts(p, "。") || starts(p, "！") || starts(p, "？") : is_sentence_end(p))
			break;
		from = prev_char(bt, from);
	}
	add_squeezed(out, bt + from, f->start - from);
}

/* The block's first clause when it states a figure (公用经费 229.95 万元，…), else nothing. */
static void first_clause(const document *doc, const fact *f, sbuf *out)
{
	const char *bt = doc->blocks.items[f->block].text;
	size_t n = 0;
	while (bt[n] && !is_clause_mark(bt + n) && bt[n] != ',')
		n++;
	for (size_t i = 0; i < n; i++)
		if (is_digit(bt[i])) {
			add_squeezed(out, bt, n);
			return;
		}
}

/* Words that make a sentence a budget's (部门预算批复, 收入预算, 年初预算数): 预算 not of a
   fund's name (一般公共预算, 政府性基金预算, 国有资本经营预算) nor 预算绩效, 预算单位,
   in a sentence saying nothing of money spent (决算, 实际, 执行, 拨入, 支付 …). */
static bool budget_sentence(const char *s)
{
	static const char *const spent[] = { "决算", "实际", "执行", "拨入", "转拨", "拨付", "支付" };
	for (size_t i = 0; i < sizeof spent / sizeof *spent; i++)
		if (strstr(s, spent[i]))
			return false;
	for (const char *p = strstr(s, "预算"); p; p = strstr(p + 1, "预算")) {
		bool fund = (p - s >= 6 && (starts(p - 6, "公共") || starts(p - 6, "基金") || starts(p - 6, "经营")));
		if (!fund && !starts(p + 6, "绩效") && !starts(p + 6, "单位") && !starts(p + 6, "管理"))
			return true;
	}
	return false;
}

/* A sentence opening with a unit's name and a year (局机关2024年度…, 市政务服务中心2024年…)
   that is not the department's: its figures are that unit's, a part of what the tables add up. */
static bool unit_sentence(const document *doc, const char *sent)
{
	size_t n = strlen(sent), i = 0;
	while (i < n && !year_at(sent + i, n - i, NULL))
		i += utf8_decode(sent + i, n - i, &(uint32_t){ 0 });
	if (i == 0 || i >= n || i > 60)
		return false;
	char *name = arena_strndup(doc->arena, sent, i);
	static const char *const units[] = { "机关", "本级", "中心", "站", "所", "院", "校", "队", "馆" };
	bool unit = false;
	for (size_t k = 0; k < sizeof units / sizeof *units; k++)
		if (ends(name, i, units[k]))
			unit = true;
	const char *dep = doc->department;
	return unit && dep && *dep && !strstr(dep, name) && !strstr(name, dep);
}

/* The fund a section is about (政府性基金, 国有资本经营), named by its headings; else NULL. */
static const char *section_fund(const char *heading_core)
{
	static const char *const funds[] = { "政府性基金", "国有资本经营" };
	for (size_t i = 0; heading_core && i < sizeof funds / sizeof *funds; i++)
		if (strstr(heading_core, funds[i]))
			return funds[i];
	return NULL;
}

/* The first amount value of table k's whole total row (合计, else 总计) on side (or any); found false when none. */
static decimal table_total(const table_keys *k, const char *side, bool *found)
{
	const table *t = k->t;
	*found = false;
	for (int pass = 0; pass < 2; pass++)
		for (size_t r = 0; r < t->rows.len; r++) {
			const row *rw = &t->rows.items[r];
			const char *l = k->labels[r];
			if (side && (!rw->side || strcmp(rw->side, side) != 0))
				continue;
			bool hit = side ? (strcmp(side, "income") == 0 ? strcmp(l, "本年收入合计") == 0 : strcmp(l, "本年支出合计") == 0)
			                : strcmp(l, pass == 0 ? "合计" : "总计") == 0;
			if (!hit)
				continue;
			int c = row_column(t, rw);
			if (c >= 0 && rw->values && rw->values[c].kind == VALUE_NUMBER) {
				*found = true;
				return rw->values[c].number;
			}
		}
	return decimal_from_int(0);
}

static void link_fact(document *doc, fact *f, table_keys *keys, size_t nkeys, const char *heading_core)
{
	arena *a = doc->arena;
	/* a subject carried from the paragraph before or a heading is too weak a claim */
	if (!f->has_value || !f->unit || !f->subject || f->carried || norm_unit_exponent(f->unit) < 0)
		return;
	if (strcmp(f->relation, "amount") != 0 && strcmp(f->relation, "actual") != 0 &&
	    strcmp(f->relation, "budget") != 0)
		return;
	bool budget_doc = doc->kind == KIND_BUDGET;
	if (budget_doc && strcmp(f->relation, "actual") == 0)
		return;
	char *key = map_title_key(a, f->subject);
	char *s = bare_key(a, key);
	/* A part of the department (局本级, 下属…中心, 所属单位) is not what its tables
	 * add up; 局机关及下属机构 is all of it. */
	bool all_units = strstr(s, "及下属") || strstr(s, "和下属") || strstr(s, "及所属") || strstr(s, "和所属");
	if (strstr(s, "本级") || (!all_units && (strstr(s, "下属") || strstr(s, "所属"))))
		return;
	sbuf sent = SBUF_INIT, first = SBUF_INIT, whole = SBUF_INIT;
	sentence_before(doc, f, false, &sent);
	sentence_before(doc, f, true, &whole);
	first_clause(doc, f, &first);
	/* a unit's figures (局机关2024年度…): its sentence or its paragraph's first clause opens with its name */
	bool part = unit_sentence(doc, sent.buf) || unit_sentence(doc, first.buf);
	/* a row of the 基本支出 economic detail only where the sentence or the paragraph's
	   first clause speaks of 基本支出 (会议费, 公务接待费 or 商品和服务支出 alone may be a
	   project's too) */
	bool basic = false;
	for (int i = 0; i < 2; i++) {
		const char *w = i ? first.buf : sent.buf;
		basic = basic || strstr(w, "基本支出") || strstr(w, "人员经费") || strstr(w, "公用经费");
	}
	/* 项目支出927.02万元…其中一般公共服务支出916.02万元: that row's 项目支出 (the
	   nearer of 项目支出, 基本支出 before the paragraph's last 其中) */
	sbuf before = SBUF_INIT;
	add_squeezed(&before, doc->blocks.items[f->block].text, f->start);
	const char *part_col = NULL;
	const char *qi = rfind_n(before.buf, before.len, "其中");
	if (qi) {
		const char *pj = rfind_n(before.buf, (size_t)(qi - before.buf), "项目支出");
		const char *bs = rfind_n(before.buf, (size_t)(qi - before.buf), "基本支出");
		if (pj || bs)
			part_col = pj > bs ? "project" : "basic";
	}
	/* the tables the paragraph names before the figure (一般公共预算财政拨款支出…其中：基本支出):
	   the longest title core among its words, 财政拨款 aside */
	size_t named_core = 0;
	int named_table = -1;
	{
		sbuf nb = SBUF_INIT;
		for (const char *p = before.buf; *p;) {
			if (starts(p, "财政拨款")) {
				p += strlen("财政拨款");
				continue;
			}
			sbuf_addch(&nb, *p++);
		}
		for (size_t i = 0; i < nkeys; i++) {
			size_t cl = strlen(keys[i].core);
			if (cl > named_core && strstr(nb.buf ? nb.buf : "", keys[i].core))
				named_core = cl, named_table = (int)i;
		}
		sbuf_release(&nb);
	}
	sbuf_release(&before);
	/* an amount in a budget's sentence is a budget figure */
	if (strcmp(f->relation, "amount") == 0 && budget_sentence(whole.buf))
		f->relation = "budget";
	/* 对2020年度部门整体支出开展了绩效自评，涉及资金2,847.27万元: the whole spending; when
	   the sentence counts projects (涉及项目8个，共涉及资金847.76万元), theirs unless the
	   projects' part that follows holds other money */
	if ((strcmp(s, "涉及资金") == 0 || strcmp(s, "共涉及资金") == 0) && strstr(whole.buf, "整体支出")) {
		/* 涉及项目22个，共涉及资金3260.55万元。其中，一般公共预算项目22个927.02万元: the
		   projects hold other money than 涉及资金, which is then the whole */
		const fact *next = f + 1 < doc->facts.items + doc->facts.len ? f + 1 : NULL;
		bool projects_part = next && next->block == f->block && next->has_value && next->measure &&
		                     strstr(next->measure, "项目") && next->unit && f->unit && strcmp(next->unit, f->unit) == 0;
		if (!strstr(whole.buf, "项目") || (projects_part && decimal_cmp(next->value, f->value) != 0))
			s = "部门整体支出";
	}
	/* 本单位…实际支出2847.27万元: the department's whole spending */
	if ((strcmp(s, "实际支出") == 0 || strcmp(s, "支出决算") == 0) && strcmp(f->relation, "actual") == 0 &&
	    opens_with_self(doc, whole.buf))
		s = "部门整体支出";
	/* a budget's 年初预算数 with nothing else named, or its item's 收入预算/支出预算: the
	   收支总表's 合计 on the side named (支出预算 expenditure, else income) */
	bool whole_budget = budget_doc && strcmp(f->relation, "budget") == 0 &&
	                    (strcmp(s, "年初预算数") == 0 || strcmp(s, "年初预算") == 0 || strcmp(s, "全年预算数") == 0 ||
	                     strcmp(s, "预算数") == 0 || strcmp(s, "收入预算") == 0 || strcmp(s, "支出预算") == 0);
	const char *budget_side = strstr(whole.buf, "支出预算") || strcmp(s, "支出预算") == 0 ? "expenditure" : "income";
	sbuf_release(&sent);
	sbuf_release(&first);
	sbuf_release(&whole);
	if (part)
		return;
	if (whole_budget) {
		for (size_t i = 0; i < nkeys; i++) {
			const table_keys *k = &keys[i];
			if (!k->s || k->s->layout != LAYOUT_TWO_SIDED || !ends(k->s->id, strlen(k->s->id), ".summary"))
				continue;
			for (size_t r = 0; r < k->t->rows.len; r++) {
				const row *rw = &k->t->rows.items[r];
				if (rw->side && strcmp(rw->side, budget_side) == 0 && is_total_label(k->labels[r])) {
					int c = row_column(k->t, rw);
					if (c >= 0)
						restate(doc, f, k->t, rw, &k->t->columns.items[c]);
					return;
				}
			}
		}
		return;
	}
	const char *fund = section_fund(heading_core);
	const char *rel = f->relation;
	/* 一般公共服务支出（类）财政事务（款）行政运行（项） */
	char *kuan = NULL, *item = NULL;
	const char *lei_end = strstr(key, "(类)"), *kuan_end = strstr(key, "(款)"), *item_end = strstr(key, "(项)");
	if (kuan_end && item_end && kuan_end < item_end) {
		const char *kuan_start = lei_end && lei_end < kuan_end ? lei_end + strlen("(类)") : key;
		kuan = bare_key(a, arena_strndup(a, kuan_start, (size_t)(kuan_end - kuan_start)));
		const char *is = kuan_end + strlen("(款)");
		item = bare_key(a, arena_strndup(a, is, (size_t)(item_end - is)));
	}
	link best = { 0, -1, -1, -1 }, summary = { 0, -1, -1, -1 };
	int best_rank = 0;
	/* The section's own table: the longest title core among the headings' words. */
	size_t section = 0;
	for (size_t i = 0; i < nkeys; i++)
		if (heading_core && *keys[i].core && strstr(heading_core, keys[i].core) && strlen(keys[i].core) > section)
			section = strlen(keys[i].core);
	for (size_t i = 0; i < nkeys; i++) {
		link l = match_table(&keys[i], a, s, rel, kuan, item);
		if (!l.score)
			continue;
		/* a section about a fund restates that fund's tables or rows only */
		if (fund && !strstr(keys[i].core, fund) && !strstr(keys[i].labels[l.row], fund))
			continue;
		if (!basic && keys[i].s && ends(keys[i].s->id, strlen(keys[i].s->id), ".basic_detail") &&
		    !is_total_label(keys[i].labels[l.row]))
			continue;
		if (part_col && !is_total_label(keys[i].labels[l.row])) {
			int pc = -1;
			for (size_t c = 0; c < keys[i].t->columns.len; c++)
				if (strcmp(keys[i].t->columns.items[c].key, part_col) == 0)
					pc = (int)c;
			if (pc >= 0)
				l.column = pc;
			else if (keys[i].s && keys[i].s->layout == LAYOUT_TWO_SIDED)
				continue; /* a 收支总表 has no 项目支出 of a row */
		}
		/* A budget figure in final accounts only against a 预算数 row. */
		if (!budget_doc && strcmp(rel, "budget") == 0 && strcmp(keys[i].labels[l.row], "预算数") != 0)
			continue;
		l.table = (int)i;
		int rank = l.score * 1000;
		if (section && strlen(keys[i].core) == section && strstr(heading_core, keys[i].core))
			rank += 5000;
		else if (named_table >= 0 && strlen(keys[i].core) == named_core && strstr(keys[named_table].core, keys[i].core))
			rank += 500;
		if (rank > best_rank) {
			best_rank = rank;
			best = l;
		}
		if (keys[i].s && keys[i].s->layout == LAYOUT_TWO_SIDED && l.score >= 8 && l.score > summary.score)
			summary = l;
	}
	if (best.table < 0)
		return;
	restate(doc, f, keys[best.table].t, &keys[best.table].t->rows.items[best.row],
	        &keys[best.table].t->columns.items[best.column]);
	/* The 收支总表's row too, when it covers the same money as the table restated
	   (its 本年收入/支出合计 is that table's total): not a fund's part of a wider whole. */
	bool same_scope = true;
	if (summary.table >= 0 && summary.table != best.table) {
		const row *sr = &keys[summary.table].t->rows.items[summary.row];
		bool f1 = false, f2 = false;
		decimal whole = table_total(&keys[summary.table], sr->side ? sr->side : "expenditure", &f1);
		decimal part = table_total(&keys[best.table], NULL, &f2);
		same_scope = !f1 || !f2 || decimal_cmp(whole, part) == 0;
	}
	if (summary.table >= 0 && summary.table != best.table && same_scope)
		restate(doc, f, keys[summary.table].t, &keys[summary.table].t->rows.items[summary.row],
		        &keys[summary.table].t->columns.items[summary.column]);
}

/* Scores and grades against a 绩效 form (performance.self_assessment): total_score, score, grade. */
static void link_performance(document *doc, fact *f, table_keys *keys, size_t nkeys)
{
	if (!f->subject || !(strcmp(f->relation, "score") == 0 || strcmp(f->relation, "grade") == 0))
		return;
	arena *a = doc->arena;
	for (size_t i = 0; i < nkeys; i++) {
		const table *t = keys[i].t;
		if (!t->schema || strncmp(t->schema, "performance.", 12) != 0)
			continue;
		int col_total = -1, col_score = -1, col_grade = -1;
		for (size_t c = 0; c < t->columns.len; c++) {
			const char *key = t->columns.items[c].key;
			if (strcmp(key, "total_score") == 0)
				col_total = (int)c;
			else if (strcmp(key, "score") == 0)
				col_score = (int)c;
			else if (strcmp(key, "grade") == 0)
				col_grade = (int)c;
		}
		char *s = bare_key(a, map_title_key(a, f->subject));
		int row_i = -1, col = -1;
		if (strcmp(f->relation, "grade") == 0) {
			col = col_grade;
		} else {
			/* an indicator the subject names (its 三级 name, the last of its path) */
			for (size_t r = 0; r < t->rows.len && col_score >= 0; r++) {
				const char *l = keys[i].labels[r];
				const char *slash = strrchr(l, '/');
				const char *g = t->rows.items[r].group;
				if (slash)
					l = slash + 1;
				if (g && strcmp(g, "indicator") == 0 && strlen(l) >= 6 && strstr(s, l)) {
					row_i = (int)r;
					col = col_score;
					break;
				}
			}
			if (row_i < 0)
				col = col_total;
		}
		if (col < 0)
			continue;
		if (row_i < 0) {
			/* the form the sentence names (its project or unit); a lone form when the
			   sentence names no project (部门整体支出 … 自评得分) */
			sbuf sent = SBUF_INIT;
			const char *bt = doc->blocks.items[f->block].text;
			size_t from = f->start;
			while (from > 0 && !is_sentence_end(bt + prev_char(bt, from)))
				from = prev_char(bt, from);
			add_squeezed(&sent, bt + from, f->start - from);
			int named = -1, forms = 0, lone = -1;
			for (size_t r = 0; r < t->rows.len; r++) {
				const row *rw = &t->rows.items[r];
				if (!rw->group || strcmp(rw->group, "form") != 0 || !rw->values ||
				    rw->values[col].kind == VALUE_NULL)
					continue;
				forms++;
				lone = (int)r;
				if (named < 0 && *keys[i].labels[r] && strstr(sent.buf, keys[i].labels[r]))
					named = (int)r;
			}
			/* a total score is the form's when the text says it is a self-assessment's
			   (自评, 综合, 总分) or names the form, and names no project */
			bool own = f->grade || strstr(f->measure, "自评") || strstr(f->measure, "综合") || strstr(f->measure, "总分");
			if (strstr(sent.buf, "项目"))
				row_i = -1;
			else if (named >= 0)
				row_i = named;
			else
				row_i = forms == 1 && own ? lone : -1;
			sbuf_release(&sent);
		}
		if (row_i < 0)
			continue;
		const row *r = &t->rows.items[row_i];
		const value *v = &r->values[col];
		if (f->grade) {
			if (v->kind != VALUE_TEXT)
				return;
			struct fact_cell *fc = &f->cells[f->ncells++];
			fc->table = t->id;
			fc->row = row_key(r);
			fc->side = r->side;
			fc->column = t->columns.items[col].key;
			fc->ok = strstr(v->text, f->grade) != NULL;
			if (!fc->ok)
				doc_warn(doc, "fact_disagrees_table", f->page, t,
				         "the text states %s %s where table %s row '%s' column '%s' holds %s", f->subject,
				         f->text, t->id, fc->row, fc->column, v->text);
			return;
		}
		if (v->kind != VALUE_NUMBER)
			return;
		restate(doc, f, t, r, &t->columns.items[col]);
		return;
	}
}

static void count_figure(void *ctx, size_t start, size_t end, decimal value, const char *unit)
{
	(void)start, (void)end, (void)value, (void)unit;
	(*(int *)ctx)++;
}

static bool has_figure(const char *text)
{
	int n = 0;
	norm_find_figures(text, count_figure, &n);
	return n > 0;
}

void facts_collect(document *doc, const schema_set *set)
{
	arena *a = doc->arena;
	doc->want_facts = true;
	block_ctx ctx = { 0 };
	ctx.doc = doc;
	ctx.set = set;
	/* Grade words: the headers of the schemas' grade columns. */
	for (size_t i = 0; set && i < set->schemas.len; i++) {
		const schema *s = &set->schemas.items[i];
		for (size_t c = 0; c < s->columns.len; c++)
			if (strcmp(s->columns.items[c].key, "grade") == 0)
				for (size_t h = 0; h < s->columns.items[c].headers.len; h++)
					*VEC_PUSH(a, &ctx.grade_words) = s->columns.items[c].headers.items[h];
	}
	/* Table keys: title core and row label keys. */
	VEC(table_keys) keys = { 0 };
	for (size_t i = 0; i < doc->tables.len; i++) {
		table *t = doc->tables.items[i];
		if (!t->schema || !t->rows.len)
			continue;
		table_keys *k = VEC_PUSH(a, &keys);
		k->t = t;
		k->s = schema_of(set, t->schema);
		k->core = map_title_core(a, map_title_key(a, t->title ? t->title : ""));
		if (!*k->core && k->s && k->s->cores.len)
			k->core = (char *)k->s->cores.items[0];
		k->labels = arena_alloc(a, t->rows.len * sizeof *k->labels);
		for (size_t r = 0; r < t->rows.len; r++)
			k->labels[r] = bare_key(a, t->rows.items[r].label ? map_label_key(a, t->rows.items[r].label, NULL, NULL)
			                                                  : "");
		if (k->s && k->s->layout == LAYOUT_TWO_SIDED) {
			k->carried = arena_alloc(a, t->rows.len * sizeof *k->carried);
			const char *under = NULL; /* the side a 上年结转 row opened */
			for (size_t r = 0; r < t->rows.len; r++) {
				const row *rw = &t->rows.items[r];
				const char *l = k->labels[r];
				k->carried[r] = false;
				if (strstr(l, "结转") || strstr(l, "结余")) {
					under = rw->side ? rw->side : "";
					continue;
				}
				if (is_total_label(l) || starts(l, "本年"))
					under = NULL;
				else if (under && (!rw->side || strcmp(rw->side, under) == 0))
					k->carried[r] = true;
			}
		}
	}
	const char *headings[8] = { NULL };
	const char *carry = NULL;
	bool carry_topic = false;
	for (size_t b = 0; b < doc->blocks.len; b++) {
		const block *bl = &doc->blocks.items[b];
		/* A heading holding figures is a paragraph cut wrong: it opens no section. */
		if (bl->type == BLOCK_HEADING && !has_figure(bl->text)) {
			/* an unnumbered heading is the deepest */
			int lv = bl->level < 1 ? 7 : bl->level > 7 ? 7 : bl->level;
			headings[lv] = bl->text;
			for (int k = lv + 1; k < 8; k++)
				headings[k] = NULL;
			if (bl->level >= 1)
				carry = NULL;
		}
		sbuf hs = SBUF_INIT;
		const char *nearest = NULL;
		for (int k = 1; k < 8; k++)
			if (headings[k]) {
				if (k > 1)
					sbuf_addstr(&hs, headings[k]);
				nearest = headings[k];
			}
		char *heading_core = map_title_core(a, map_title_key(a, hs.buf));
		sbuf_release(&hs);
		size_t first = doc->facts.len;
		ctx.text = bl->text;
		ctx.block = b;
		ctx.last_end = 0;
		ctx.sent_start = 0;
		ctx.sent_subject = NULL;
		ctx.block_subject = NULL;
		/* a numbered item's title: a paragraph's, or a heading's below the sections (（一）, 1.) */
		ctx.topic = bl->type == BLOCK_PARAGRAPH || bl->level >= 3 ? item_topic(doc, bl->text) : NULL;
		if (ctx.topic)
			carry = NULL;
		ctx.carry = carry;
		ctx.carry_topic = carry_topic;
		ctx.heading = nearest ? map_title_key(a, nearest) : NULL;
		norm_find_figures(bl->text, on_figure, &ctx);
		find_grades(&ctx);
		/* In the order printed: grades were found after the figures. */
		for (size_t i = first + 1; i < doc->facts.len; i++)
			for (size_t j = i; j > first && doc->facts.items[j - 1].start > doc->facts.items[j].start; j--) {
				fact tmp = doc->facts.items[j];
				doc->facts.items[j] = doc->facts.items[j - 1];
				doc->facts.items[j - 1] = tmp;
			}
		if (ctx.topic)
			carry = ctx.topic, carry_topic = true;
		if (doc->facts.len > first && bl->type != BLOCK_HEADING) {
			carry = doc->facts.items[doc->facts.len - 1].subject;
			carry_topic = carry == ctx.topic || (carry == ctx.carry && ctx.carry_topic);
		}
		fix_pages(doc, b, first);
		for (size_t i = first; i < doc->facts.len; i++) {
			link_fact(doc, &doc->facts.items[i], keys.items, keys.len, heading_core);
			link_performance(doc, &doc->facts.items[i], keys.items, keys.len);
		}
	}
}
