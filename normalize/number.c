/*
 * number: Chinese numerals and printed amounts to exact decimals.  See number.h.
 *
 * Chinese numerals, one pass from left to right over code points:
 *
 *   1. sign        负 / 負 / '-'
 *   2. body        ASCII digits + multiplier (3.5万, 1.2亿, 2千万)      -> decimal_shift
 *                  or a numeral:  section  = digit? unit (十/百/千), units strictly falling
 *                                 万 closes a section (once per 亿 group), 亿 closes a group
 *                                 (once);  零 must stand for a skipped place (一千零五, not
 *                                 一千零五百);  a bare 十 only opens a section (十五, 一万零十);
 *                                 a last digit right after a unit takes the next lower place
 *                                 (一万五 = 15000, 两千三 = 2300, 十五 = 15).
 *   3. fraction    点 + digits (一点二三), optionally followed by 万/亿 (一点五万)
 *   4. money       元/圆, then 整/正, or [零] d角 [零] d分 [整]; 伍角 / 捌分 alone too.
 *   5. the whole input must be consumed: anything left over rejects the numeral.
 *
 * Every multiplication and addition is checked for int64 overflow.
 *
 * Why not ICU's rule-based spellout parser (unum_open(UNUM_SPELLOUT, "zh") +
 * unum_parseDecimal, ICU 72)?  Checked on the forms above, it:
 *   - reads 一万五 as 10005, 一亿五 as 100000005 and 两千三 as 2003 (no abbreviated last place);
 *   - accepts invalid forms: 十百 -> 1000, 一一 -> 11, 一千零五百 -> 1500;
 *   - stops half-way with success: 壹佰万元整 -> 1000000 after 3 of 5 characters,
 *     玖仟陆佰陆拾伍圆壹角捌分 -> 9665 (角 and 分 dropped), 3.5万 -> 3.5, 1.2亿 -> 1.2,
 *     零零 -> 0 after one character, 二十六项 -> 26;
 *   - knows no money units (元/圆/角/分/整) and no digit + 万/亿 mixtures.
 * It does read 二十六, 一百零五, 三千零五十, 一点二三, 负一百, 三亿五千万 and 大写 integers
 * right.  So the parser is our own; ICU does NFKC and character classes (text.c).
 * scripts/icu_spellout_check.c reruns this check.
 *
 * norm_amount() first maps the cell into a compact ASCII form in a bounded
 * stack buffer (full-width digits and signs, the minus variants, whitespace
 * dropped except where it would join two digit runs), then tries, in order:
 * null markers, (…) / trailing-minus / percent decorations around
 * decimal_parse(), and last the Chinese numeral parser.
 */
#include "normalize/number.h"

#include <stdint.h>
#include <string.h>

#include "core/sbuf.h"

enum {
	CP_ZERO = 0x96F6,      /* 零 */
	CP_LING = 0x3007,      /* 〇 */
	CP_LIANG = 0x4E24,     /* 两 */
	CP_LIANG_T = 0x5169,   /* 兩 */
	CP_DIAN = 0x70B9,      /* 点 */
	CP_DIAN_T = 0x9EDE,    /* 點 */
	CP_FU = 0x8D1F,        /* 负 */
	CP_FU_T = 0x8CA0,      /* 負 */
	CP_YUAN = 0x5143,      /* 元 */
	CP_YUAN2 = 0x5706,     /* 圆 */
	CP_YUAN2_T = 0x5713,   /* 圓 */
	CP_JIAO = 0x89D2,      /* 角 */
	CP_FEN = 0x5206,       /* 分 */
	CP_ZHENG = 0x6574,     /* 整 */
	CP_ZHENG2 = 0x6B63,    /* 正 */
	CP_WAN = 0x4E07,       /* 万 */
	CP_YI = 0x4EBF,        /* 亿 */
};

static const int64_t wan = 10000, yi = 100000000;

typedef struct cursor {
	const char *s;
	size_t n, i;
} cursor;

static bool cur_end(const cursor *c)
{
	return c->i >= c->n;
}

/* The code point at the cursor and its length; 0 at the end. */
static uint32_t cur_peek(const cursor *c, size_t *len)
{
	uint32_t cp = 0;
	*len = 0;
	if (c->i < c->n)
		*len = utf8_decode(c->s + c->i, c->n - c->i, &cp);
	return cp;
}

/* The code point after the one at the cursor; 0 at the end. */
static uint32_t cur_peek2(const cursor *c)
{
	size_t len;
	cur_peek(c, &len);
	cursor next = { c->s, c->n, c->i + len };
	return cur_peek(&next, &len);
}

static bool cur_accept(cursor *c, uint32_t a, uint32_t b, uint32_t d)
{
	size_t len;
	uint32_t cp = cur_peek(c, &len);
	if (!len || (cp != a && cp != b && cp != d))
		return false;
	c->i += len;
	return true;
}

/* 0..9 for a 小写 or 大写 digit (两 counts as 2), -1 otherwise. */
static int cn_digit(uint32_t cp)
{
	switch (cp) {
	case CP_ZERO: case CP_LING:
		return 0;
	case 0x4E00: case 0x58F9:                 /* 一 壹 */
		return 1;
	case 0x4E8C: case 0x8D30: case 0x8CB3:    /* 二 贰 貳 */
	case CP_LIANG: case CP_LIANG_T:
		return 2;
	case 0x4E09: case 0x53C1: case 0x53C3:    /* 三 叁 參 */
		return 3;
	case 0x56DB: case 0x8086:                 /* 四 肆 */
		return 4;
	case 0x4E94: case 0x4F0D:                 /* 五 伍 */
		return 5;
	case 0x516D: case 0x9646: case 0x9678:    /* 六 陆 陸 */
		return 6;
	case 0x4E03: case 0x67D2:                 /* 七 柒 */
		return 7;
	case 0x516B: case 0x634C:                 /* 八 捌 */
		return 8;
	case 0x4E5D: case 0x7396:                 /* 九 玖 */
		return 9;
	default:
		return -1;
	}
}

static bool is_liang(uint32_t cp)
{
	return cp == CP_LIANG || cp == CP_LIANG_T;
}

/* A digit that may stand in a positional run (fractions, years): not 两. */
static int cn_place_digit(uint32_t cp)
{
	return is_liang(cp) ? -1 : cn_digit(cp);
}

/* 10, 100, 1000, 万, 亿 as their values; 0 for anything else. */
static int64_t cn_unit(uint32_t cp)
{
	switch (cp) {
	case 0x5341: case 0x62FE:                 /* 十 拾 */
		return 10;
	case 0x767E: case 0x4F70:                 /* 百 佰 */
		return 100;
	case 0x5343: case 0x4EDF:                 /* 千 仟 */
		return 1000;
	case CP_WAN: case 0x842C:                 /* 万 萬 */
		return wan;
	case CP_YI: case 0x5104:                  /* 亿 億 */
		return yi;
	default:
		return 0;
	}
}

/* A 零 may only stand where a place is skipped: the next filled place `place`
   is at least two places below `above` (the last unit, or the 万/亿 just closed). */
static bool zero_gap_ok(int64_t place, int64_t above)
{
	return above > 0 && place <= above / 100;
}

typedef struct numeral {
	int64_t total;    /* closed 亿 groups */
	int64_t wan_part; /* closed 万 section of the current group, times 10000 */
	int64_t section;  /* the open section, < 10000 */
	int64_t last_unit;/* last 十/百/千 of the open section, 0 at its start */
	int64_t above;    /* the 万/亿 that opened the section, 0 at the start */
	int64_t last_mag; /* the last unit of any kind, for 一万五 */
	int pending;      /* a digit waiting for its unit, -1 when none */
	bool zero;        /* a 零 since the last unit */
	bool lead_zero;   /* the numeral began with 零 */
	bool seen_wan, seen_yi, any;
} numeral;

/* Puts a pending digit in the units place before 万/亿 or at the end. */
static bool fold_units(numeral *m)
{
	if (m->pending < 0)
		return !m->zero || m->lead_zero;
	if (m->zero) {
		if (!zero_gap_ok(1, m->last_unit ? m->last_unit : m->above))
			return false;
	} else if (m->last_unit > 10) {
		return false; /* 一千五万: which place?  Refuse rather than guess. */
	}
	m->section += m->pending;
	m->pending = -1;
	m->zero = false;
	return true;
}

static bool add_unit(numeral *m, int64_t u)
{
	if (u < wan) {
		if (m->pending < 0 && (u != 10 || m->section != 0 || m->last_unit != 0))
			return false; /* a bare 百/千, or 十 inside a section (十百, 二十十) */
		if (m->last_unit && u >= m->last_unit)
			return false;
		if (m->zero && !zero_gap_ok(u, m->last_unit ? m->last_unit : m->above))
			return false;
		m->section += (m->pending < 0 ? 1 : m->pending) * u;
		m->last_unit = u;
		m->last_mag = u;
		m->pending = -1;
		m->zero = false;
		return true;
	}
	if (!fold_units(m))
		return false;
	if (u == wan) {
		if (m->section == 0 || m->seen_wan)
			return false;
		m->wan_part = m->section * wan;
		m->seen_wan = true;
	} else {
		int64_t group = m->wan_part + m->section;
		if (group == 0 || m->seen_yi || __builtin_mul_overflow(group, yi, &m->total))
			return false;
		m->wan_part = 0;
		m->seen_wan = false;
		m->seen_yi = true;
	}
	m->section = 0;
	m->last_unit = 0;
	m->above = u;
	m->last_mag = u;
	return true;
}

/* Reads the integer part of a numeral; stops before the first code point that
   is neither digit nor unit.  *has_section is set when 万 or 亿 was used. */
static bool parse_cn_integer(cursor *c, int64_t *value, bool *has_section)
{
	numeral m = { .pending = -1 };
	while (!cur_end(c)) {
		size_t len;
		uint32_t cp = cur_peek(c, &len);
		int d = cn_digit(cp);
		int64_t u = cn_unit(cp);
		if (d < 0 && u == 0)
			break;
		if (m.lead_zero)
			return false; /* 零五, 零十 */
		if (d == 0) {
			if (m.pending >= 0 || m.zero)
				return false; /* 一零, 零零 */
			m.lead_zero = !m.any;
			m.zero = true;
		} else if (d > 0) {
			if (m.pending >= 0)
				return false; /* 一一 */
			m.pending = d;
		} else if (!add_unit(&m, u)) {
			return false;
		}
		m.any = true;
		c->i += len;
	}
	if (!m.any)
		return false;
	int64_t last = 0;
	if (m.pending >= 0 && !m.zero && m.last_mag > 10) {
		/* 一万五, 两千三: the last digit takes the place below the last unit. */
		if (__builtin_mul_overflow((int64_t)m.pending, m.last_mag / 10, &last))
			return false;
		m.pending = -1;
	} else if (!fold_units(&m)) {
		return false;
	}
	int64_t v;
	if (__builtin_add_overflow(m.total, m.wan_part, &v) ||
	    __builtin_add_overflow(v, m.section, &v) ||
	    __builtin_add_overflow(v, last, &v))
		return false;
	*value = v;
	*has_section = m.seen_wan || m.seen_yi;
	return true;
}

/* After 元 (or for 伍角 / 捌分 alone): 整 | [零] d角 [零] d分 [整]. */
static bool parse_money_tail(cursor *c, int *jiao, int *fen)
{
	*jiao = *fen = -1;
	bool skipped_zero = false;
	while (!cur_end(c)) {
		size_t len;
		uint32_t cp = cur_peek(c, &len);
		if (cp == CP_ZHENG || cp == CP_ZHENG2) {
			c->i += len;
			return cur_end(c);
		}
		int d = cn_place_digit(cp);
		if (d < 0)
			return false;
		uint32_t next = cur_peek2(c);
		if (next == CP_JIAO && *jiao < 0 && *fen < 0) {
			*jiao = d;
		} else if (next == CP_FEN && *fen < 0) {
			*fen = d;
		} else if (d == 0 && !skipped_zero) {
			skipped_zero = true; /* 壹元零伍分 */
			c->i += len;
			continue;
		} else {
			return false;
		}
		c->i += len;
		cur_peek(c, &len);
		c->i += len;
	}
	return true;
}

/* Multiplies by the money tail: value (scale `scale`) + jiao/10 + fen/100. */
static bool apply_money(decimal *v, int jiao, int fen)
{
	if (jiao < 0 && fen < 0)
		return true;
	if (v->scale != 0)
		return false; /* 一点五元三角 */
	int64_t u;
	if (__builtin_mul_overflow(v->units, 100, &u) ||
	    __builtin_add_overflow(u, (jiao > 0 ? jiao : 0) * 10 + (fen > 0 ? fen : 0), &u))
		return false;
	v->units = u;
	v->scale = 2;
	return true;
}

static bool is_yuan(uint32_t cp)
{
	return cp == CP_YUAN || cp == CP_YUAN2 || cp == CP_YUAN2_T;
}

/* 3.5万, 1.2亿, 2千万, 5万亿, 12元: ASCII digits then Chinese multipliers. */
static bool parse_mixed(cursor *c, decimal *v)
{
	size_t start = c->i;
	while (c->i < c->n && ((c->s[c->i] >= '0' && c->s[c->i] <= '9') || c->s[c->i] == ',' ||
	                       c->s[c->i] == '.'))
		c->i++;
	if (!decimal_parse(c->s + start, c->i - start, v))
		return false;
	int exp = 0;
	bool any = false;
	size_t len;
	int64_t u = cn_unit(cur_peek(c, &len));
	if (u >= 10 && u <= 1000) {
		exp += u == 10 ? 1 : u == 100 ? 2 : 3;
		c->i += len;
		any = true;
		u = cn_unit(cur_peek(c, &len));
	}
	if (u == wan) {
		exp += 4;
		c->i += len;
		any = true;
		u = cn_unit(cur_peek(c, &len));
	}
	if (u == yi) {
		exp += 8;
		c->i += len;
		any = true;
	}
	if (is_yuan(cur_peek(c, &len))) {
		c->i += len;
		any = true;
	}
	return any && decimal_shift(*v, exp, v);
}

static bool parse_cn(cursor *c, decimal *v)
{
	int jiao, fen;
	size_t len;
	uint32_t cp = cur_peek(c, &len);
	uint32_t next = cur_peek2(c);
	if (cn_place_digit(cp) >= 0 && (next == CP_JIAO || next == CP_FEN)) {
		/* 伍角, 捌分, 伍角捌分: no 元 part. */
		*v = decimal_from_int(0);
		return parse_money_tail(c, &jiao, &fen) && (jiao >= 0 || fen >= 0) &&
		       apply_money(v, jiao, fen);
	}
	int64_t iv;
	bool has_section;
	if (!parse_cn_integer(c, &iv, &has_section))
		return false;
	*v = decimal_from_int(iv);
	if (cur_accept(c, CP_DIAN, CP_DIAN_T, CP_DIAN)) {
		int digits = 0;
		for (;;) {
			int d = cn_place_digit(cur_peek(c, &len));
			if (d < 0 || !len)
				break;
			if (digits == DECIMAL_MAX_SCALE ||
			    __builtin_mul_overflow(v->units, 10, &v->units) ||
			    __builtin_add_overflow(v->units, d, &v->units))
				return false;
			digits++;
			c->i += len;
		}
		if (!digits)
			return false;
		v->scale = (int8_t)digits;
		int64_t u = cn_unit(cur_peek(c, &len));
		if (u == wan || u == yi) {
			if (has_section || !decimal_shift(*v, u == wan ? 4 : 8, v))
				return false;
			c->i += len;
		}
	}
	if (cur_end(c))
		return true;
	if (!is_yuan(cur_peek(c, &len)))
		return false;
	c->i += len;
	return parse_money_tail(c, &jiao, &fen) && apply_money(v, jiao, fen);
}

bool norm_chinese_number(const char *s, size_t n, decimal *out)
{
	if (!s)
		return false;
	cursor c = { s, n, 0 };
	bool neg = cur_accept(&c, CP_FU, CP_FU_T, '-');
	if (cur_end(&c))
		return false;
	decimal v;
	bool ok = c.s[c.i] >= '0' && c.s[c.i] <= '9' ? parse_mixed(&c, &v) : parse_cn(&c, &v);
	if (!ok || !cur_end(&c))
		return false;
	if (neg)
		v = decimal_neg(v);
	if (v.overflow)
		return false;
	*out = v;
	return true;
}

bool norm_chinese_digits(const char *s, size_t n, decimal *out)
{
	if (!s)
		return false;
	cursor c = { s, n, 0 };
	int64_t v = 0;
	int count = 0;
	while (!cur_end(&c)) {
		size_t len;
		uint32_t cp = cur_peek(&c, &len);
		int d = cp >= '0' && cp <= '9' ? (int)(cp - '0') : cn_place_digit(cp);
		if (d < 0 || ++count > 18)
			return false;
		v = v * 10 + d;
		c.i += len;
	}
	if (!count)
		return false;
	*out = decimal_from_int(v);
	return true;
}

/* ---- printed amounts ---- */

static bool is_blank_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
	       cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
	       cp == 0x205F;
}

static bool is_invisible_cp(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF || cp == 0x2060;
}

/* The ASCII character a full-width or variant form stands for in an amount, 0 if none. */
static char amount_ascii(uint32_t cp)
{
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (char)('0' + (cp - 0xFF10));
	switch (cp) {
	case 0xFF0C: return ',';   /* ， */
	case 0xFF0E: return '.';   /* ． */
	case 0xFF05: return '%';   /* ％ */
	case 0xFF08: return '(';   /* （ */
	case 0xFF09: return ')';   /* ） */
	case 0xFF0B: return '+';   /* ＋ */
	case 0xFF0F: return '/';   /* ／ */
	case 0xFF0D: case 0x2212: case 0xFE63: case 0x2010: case 0x2011:
		return '-';            /* － − ﹣ ‐ ‑ */
	default:
		return 0;
	}
}

static bool is_dash_cp(uint32_t cp)
{
	return cp == '-' || (cp >= 0x2012 && cp <= 0x2015) || cp == 0x2500 || cp == 0x2501 ||
	       cp == 0xFE58;
}

static bool all_dashes(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		if (!is_dash_cp(cp))
			return false;
	}
	return n > 0;
}

static bool starts_with(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	return n >= k && memcmp(s, lit, k) == 0;
}

enum amount_kind norm_amount(const char *s, decimal *out)
{
	if (!s)
		return AMOUNT_NULL;
	char buf[160];
	size_t len = 0, n = strlen(s), i = 0;
	bool gap = false, split = false;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (is_blank_cp(cp)) {
			gap = len > 0;
			i += k;
			continue;
		}
		if (is_invisible_cp(cp)) {
			i += k;
			continue;
		}
		char a = cp < 0x80 ? (char)cp : amount_ascii(cp);
		if (len + 4 >= sizeof buf)
			return AMOUNT_NOT;
		if (gap && a >= '0' && a <= '9' && buf[len - 1] >= '0' && buf[len - 1] <= '9')
			split = true; /* "12 34": two figures run together, not one */
		gap = false;
		if (a) {
			buf[len++] = a;
		} else {
			memcpy(buf + len, s + i, k);
			len += k;
		}
		i += k;
	}
	buf[len] = '\0';
	if (len == 0 || all_dashes(buf, len) || strcmp(buf, "/") == 0 || strcmp(buf, "无") == 0)
		return AMOUNT_NULL;
	if (split)
		return AMOUNT_NOT;

	const char *p = buf, *e = buf + len;
	enum amount_kind kind = AMOUNT_NUMBER;
	bool paren = false, trail = false;
	if (e[-1] == '%') {
		kind = AMOUNT_PERCENT;
		e--;
	}
	if (e - p >= 2 && *p == '(' && e[-1] == ')') {
		paren = true;
		p++;
		e--;
	}
	if (kind == AMOUNT_NUMBER && e > p && e[-1] == '%') {
		kind = AMOUNT_PERCENT;
		e--;
	}
	if (e - p >= 2 && e[-1] == '-') {
		trail = true;
		e--;
	}
	if (starts_with(p, (size_t)(e - p), "\xC2\xA5"))             /* ¥ */
		p += 2;
	else if (starts_with(p, (size_t)(e - p), "\xEF\xBF\xA5"))    /* ￥ */
		p += 3;
	if (e <= p)
		return AMOUNT_NOT;
	bool has_sign = *p == '-' || *p == '+';
	if ((paren || trail) && has_sign)
		return AMOUNT_NOT;
	if (paren && trail)
		return AMOUNT_NOT;
	decimal v;
	if (!decimal_parse(p, (size_t)(e - p), &v)) {
		/* 百分之十二点五: a percentage written out. */
		static const char pct[] = "\xE7\x99\xBE\xE5\x88\x86\xE4\xB9\x8B"; /* 百分之 */
		if (kind == AMOUNT_NUMBER && starts_with(p, (size_t)(e - p), pct)) {
			kind = AMOUNT_PERCENT;
			p += sizeof pct - 1;
		}
		/* （一） is an ordinal, not minus one: brackets and a trailing minus
		   only decorate printed digits. */
		if (paren || trail || !norm_chinese_number(p, (size_t)(e - p), &v))
			return AMOUNT_NOT;
	}
	if (paren || trail)
		v = decimal_neg(v);
	*out = v;
	return kind;
}

bool norm_is_figure(const char *s)
{
	decimal d;
	enum amount_kind k = norm_amount(s, &d);
	return k == AMOUNT_NUMBER || k == AMOUNT_PERCENT;
}

static bool numeral_text(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ',' || s[i] == '-' || s[i] == '%'))
			return false;
	return n > 0;
}

bool norm_wrapped_figure(const char *head, size_t n, const char *tail)
{
	size_t m = strlen(tail);
	if (!numeral_text(head, n) || !numeral_text(tail, m) || n + m >= 64)
		return false;
	/* Two short whole numbers stacked in one merged cell ("110" over "20") are two
	 * figures: a wrap leaves a separator or a long run of digits on the first line,
	 * and after such a run, a short tail or the decimals ("109086" over "9.73"). */
	if (!memchr(head, '.', n) && !memchr(head, ',', n) && (n < 5 || (m > 3 && !(memchr(tail, '.', m) && m <= n))))
		return false;
	char joined[64];
	memcpy(joined, head, n);
	memcpy(joined + n, tail, m + 1);
	return norm_is_figure(joined);
}
