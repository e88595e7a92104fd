/*
 * text: NFKC plus the clean-ups NFKC leaves.  See text.h.
 *
 *   1. Pure ASCII input skips ICU: control characters dropped, whitespace runs
 *      collapsed to one space, ends trimmed, in one pass.
 *   2. Otherwise: UTF-8 -> UTF-16 (u_strFromUTF8WithSub; invalid bytes become
 *      U+FFFD) -> NFKC with ICU's cached singleton (unorm2_getNFKCInstance),
 *      skipped when unorm2_spanQuickCheckYes says the text is already NFKC.
 *   3. One pass over the code points: U+2212 -> '-', CJK Radicals Supplement
 *      (U+2E80..U+2EF3, which NFKC leaves alone) -> the unified ideograph from
 *      a small sorted table, control and format characters dropped, and each
 *      whitespace run either removed (a CJK character on either side:
 *      norm_is_cjk, Han by uscript_getScript / UCHAR_IDEOGRAPHIC, plus the CJK
 *      punctuation and full-width blocks) or written as one space (between
 *      Latin/digit tokens), never at either end.
 *   4. The result is copied into the caller's arena.
 *
 * Scratch buffers live on the stack for cells (the usual case) and on the heap
 * for long paragraphs; nothing ICU allocates is kept or freed per call.
 *
 * Form numbers (公开02表, 预算 01 表, 公开表1, 附表3, labels 表1 / 表二 /
 * 附件3): one left-to-right reading at a place: 附表 and its number, else a
 * label when the caller allows one, else up to three series words (部门 预算
 * 决算 公开), then 表 and the number after 公开, or the number and 表.
 *
 * Labels: an ordinal ①..⑳ is taken from the raw text (NFKC would turn ① into
 * 1); the other forms (一、 (一) 1. 1、 (1)) are matched after normalization,
 * where （一） has become (一) and ： has become ':'.
 */
#include "normalize/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "core/decimal.h"
#include "core/sbuf.h"
#include "normalize/number.h"

enum { STACK_UNITS = 512 };

/* CJK Radicals Supplement forms -> the ideograph they stand for. */
static const struct radical {
	uint16_t radical, ideograph;
} radicals[] = {
	{ 0x2E85, 0x4EBB }, /* ⺅ -> 亻 */
	{ 0x2E86, 0x5182 }, /* ⺆ -> 冂 */
	{ 0x2E8A, 0x535C }, /* ⺊ -> 卜 */
	{ 0x2E8C, 0x5C0F }, /* ⺌ -> 小 */
	{ 0x2E8D, 0x5C0F }, /* ⺍ -> 小 */
	{ 0x2E8E, 0x5140 }, /* ⺎ -> 兀 */
	{ 0x2E90, 0x5C22 }, /* ⺐ -> 尢 */
	{ 0x2E92, 0x5DF3 }, /* ⺒ -> 巳 */
	{ 0x2E93, 0x5E7A }, /* ⺓ -> 幺 */
	{ 0x2E94, 0x5F51 }, /* ⺔ -> 彑 */
	{ 0x2E96, 0x5FC4 }, /* ⺖ -> 忄 */
	{ 0x2E97, 0x5FC3 }, /* ⺗ -> 心 */
	{ 0x2E98, 0x624C }, /* ⺘ -> 扌 */
	{ 0x2E99, 0x6535 }, /* ⺙ -> 攵 */
	{ 0x2E9B, 0x65E1 }, /* ⺛ -> 旡 */
	{ 0x2E9D, 0x6708 }, /* ⺝ -> 月 */
	{ 0x2E9F, 0x6BCD }, /* ⺟ -> 母 */
	{ 0x2EA0, 0x6C11 }, /* ⺠ -> 民 */
	{ 0x2EA1, 0x6C35 }, /* ⺡ -> 氵 */
	{ 0x2EA2, 0x6C3A }, /* ⺢ -> 氺 */
	{ 0x2EA3, 0x706C }, /* ⺣ -> 灬 */
	{ 0x2EA5, 0x722B }, /* ⺥ -> 爫 */
	{ 0x2EA6, 0x4E2C }, /* ⺦ -> 丬 */
	{ 0x2EA7, 0x725C }, /* ⺧ -> 牜 */
	{ 0x2EA8, 0x72AD }, /* ⺨ -> 犭 */
	{ 0x2EA9, 0x738B }, /* ⺩ -> 王 */
	{ 0x2EAA, 0x758B }, /* ⺪ -> 疋 */
	{ 0x2EAB, 0x7F52 }, /* ⺫ -> 罒 */
	{ 0x2EAC, 0x793A }, /* ⺬ -> 示 */
	{ 0x2EAD, 0x793B }, /* ⺭ -> 礻 */
	{ 0x2EAE, 0x7AF9 }, /* ⺮ -> 竹 */
	{ 0x2EAF, 0x7CF9 }, /* ⺯ -> 糹 */
	{ 0x2EB0, 0x7E9F }, /* ⺰ -> 纟 */
	{ 0x2EB2, 0x7F52 }, /* ⺲ -> 罒 */
	{ 0x2EB3, 0x34C1 }, /* ⺳ -> 㓁 */
	{ 0x2EB7, 0x7F8A }, /* ⺷ -> 羊 */
	{ 0x2EB9, 0x8002 }, /* ⺹ -> 耂 */
	{ 0x2EBB, 0x807F }, /* ⺻ -> 聿 */
	{ 0x2EBC, 0x6708 }, /* ⺼ -> 月 */
	{ 0x2EBE, 0x8279 }, /* ⺾ -> 艹 */
	{ 0x2EBF, 0x8279 }, /* ⺿ -> 艹 */
	{ 0x2EC0, 0x8279 }, /* ⻀ -> 艹 */
	{ 0x2EC1, 0x864E }, /* ⻁ -> 虎 */
	{ 0x2EC2, 0x8864 }, /* ⻂ -> 衤 */
	{ 0x2EC3, 0x8980 }, /* ⻃ -> 覀 */
	{ 0x2EC4, 0x897F }, /* ⻄ -> 西 */
	{ 0x2EC5, 0x89C1 }, /* ⻅ -> 见 */
	{ 0x2EC6, 0x89D2 }, /* ⻆ -> 角 */
	{ 0x2EC8, 0x8BA0 }, /* ⻈ -> 讠 */
	{ 0x2EC9, 0x8D1D }, /* ⻉ -> 贝 */
	{ 0x2ECB, 0x8F66 }, /* ⻋ -> 车 */
	{ 0x2ECC, 0x8FB6 }, /* ⻌ -> 辶 */
	{ 0x2ECD, 0x8FB6 }, /* ⻍ -> 辶 */
	{ 0x2ECF, 0x961D }, /* ⻏ -> 阝 */
	{ 0x2ED0, 0x9485 }, /* ⻐ -> 钅 */
	{ 0x2ED1, 0x9577 }, /* ⻑ -> 長 */
	{ 0x2ED2, 0x9578 }, /* ⻒ -> 镸 */
	{ 0x2ED3, 0x957F }, /* ⻓ -> 长 */
	{ 0x2ED4, 0x95E8 }, /* ⻔ -> 门 */
	{ 0x2ED6, 0x961D }, /* ⻖ -> 阝 */
	{ 0x2ED7, 0x96E8 }, /* ⻗ -> 雨 */
	{ 0x2ED8, 0x9752 }, /* ⻘ -> 青 */
	{ 0x2ED9, 0x97E6 }, /* ⻙ -> 韦 */
	{ 0x2EDA, 0x9875 }, /* ⻚ -> 页 */
	{ 0x2EDB, 0x98CE }, /* ⻛ -> 风 */
	{ 0x2EDC, 0x98DE }, /* ⻜ -> 飞 */
	{ 0x2EDD, 0x98DF }, /* ⻝ -> 食 */
	{ 0x2EDF, 0x98E0 }, /* ⻟ -> 飠 */
	{ 0x2EE0, 0x9963 }, /* ⻠ -> 饣 */
	{ 0x2EE2, 0x9A6C }, /* ⻢ -> 马 */
	{ 0x2EE3, 0x9AA8 }, /* ⻣ -> 骨 */
	{ 0x2EE4, 0x9B3C }, /* ⻤ -> 鬼 */
	{ 0x2EE5, 0x9C7C }, /* ⻥ -> 鱼 */
	{ 0x2EE6, 0x9E1F }, /* ⻦ -> 鸟 */
	{ 0x2EE7, 0x5364 }, /* ⻧ -> 卤 */
	{ 0x2EE8, 0x9EA6 }, /* ⻨ -> 麦 */
	{ 0x2EE9, 0x9EC4 }, /* ⻩ -> 黄 */
	{ 0x2EEA, 0x9EFE }, /* ⻪ -> 黾 */
	{ 0x2EEB, 0x6589 }, /* ⻫ -> 斉 */
	{ 0x2EEC, 0x9F50 }, /* ⻬ -> 齐 */
	{ 0x2EED, 0x6B6F }, /* ⻭ -> 歯 */
	{ 0x2EEE, 0x9F7F }, /* ⻮ -> 齿 */
	{ 0x2EEF, 0x7ADC }, /* ⻯ -> 竜 */
	{ 0x2EF0, 0x9F99 }, /* ⻰ -> 龙 */
	{ 0x2EF1, 0x9F9C }, /* ⻱ -> 龜 */
	{ 0x2EF2, 0x4E80 }, /* ⻲ -> 亀 */
	{ 0x2EF3, 0x9F9F }, /* ⻳ -> 龟 */
};

static uint32_t map_radical(uint32_t cp)
{
	size_t lo = 0, hi = sizeof radicals / sizeof radicals[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (radicals[mid].radical == cp)
			return radicals[mid].ideograph;
		if (radicals[mid].radical < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return cp;
}

bool norm_is_cjk(uint32_t cp)
{
	if (cp < 0x2E80)
		return false;
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0x2E80 && cp <= 0x2FDF) ||
	    (cp >= 0x3200 && cp <= 0x33FF))
		return true;
	UErrorCode err = U_ZERO_ERROR;
	UScriptCode sc = uscript_getScript((UChar32)cp, &err);
	if (U_FAILURE(err))
		return false;
	return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA ||
	       sc == USCRIPT_BOPOMOFO || u_hasBinaryProperty((UChar32)cp, UCHAR_IDEOGRAPHIC);
}

static bool is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return u_isUWhiteSpace((UChar32)cp);
}

/* Control and format characters (zero-width space, BOM, soft hyphen, bidi marks). */
static bool is_dropped(uint32_t cp)
{
	if (cp < 0x80)
		return cp < 0x20 || cp == 0x7F;
	int8_t t = u_charType((UChar32)cp);
	return t == U_CONTROL_CHAR || t == U_FORMAT_CHAR;
}

/* Writes code points to out, collapsing whitespace; see step 3. */
typedef struct writer {
	char *out;
	size_t len;
	uint32_t prev;   /* last code point written, 0 at the start */
	bool pending;    /* whitespace seen since `prev` */
	bool squeeze;    /* drop every space */
} writer;

static void write_cp(writer *w, uint32_t cp)
{
	if (cp == 0x2212)
		cp = '-';
	else if (cp >= 0x2E80 && cp <= 0x2EF3)
		cp = map_radical(cp);
	if (is_space(cp)) {
		w->pending = w->prev != 0;
		return;
	}
	if (is_dropped(cp))
		return;
	if (w->pending && !w->squeeze && !norm_is_cjk(w->prev) && !norm_is_cjk(cp))
		w->out[w->len++] = ' ';
	w->pending = false;
	w->len += utf8_encode(cp, w->out + w->len);
	w->prev = cp;
}

static char *normalize_ascii(arena *a, const char *s, size_t n, bool squeeze)
{
	char *out = arena_alloc(a, n + 1);
	size_t len = 0;
	bool pending = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || (c >= '\t' && c <= '\r')) {
			pending = len > 0;
			continue;
		}
		if (c < 0x20 || c == 0x7F)
			continue;
		if (pending && !squeeze)
			out[len++] = ' ';
		pending = false;
		out[len++] = (char)c;
	}
	out[len] = '\0';
	return out;
}

/* A scratch buffer: on the stack when small, else on the heap. */
static void *scratch(void *stack, size_t stack_size, size_t need)
{
	if (need <= stack_size)
		return stack;
	void *p = malloc(need);
	if (!p)
		abort();
	return p;
}

static void scratch_free(void *p, void *stack)
{
	if (p != stack)
		free(p);
}

static char *normalize(arena *a, const char *s, size_t n, bool squeeze)
{
	size_t i = 0;
	while (i < n && !((unsigned char)s[i] & 0x80))
		i++;
	if (i == n)
		return normalize_ascii(a, s, n, squeeze);
	if (n > INT32_MAX / 4)
		n = INT32_MAX / 4; /* ICU lengths are int32_t; such a cell is not a cell */

	UChar src_stack[STACK_UNITS], dst_stack[2 * STACK_UNITS];
	char out_stack[4 * STACK_UNITS];
	UChar *src = scratch(src_stack, sizeof src_stack, (n + 1) * sizeof(UChar));
	UChar *dst = NULL;
	const UChar *text = src;
	int32_t len16 = 0;
	UErrorCode err = U_ZERO_ERROR;
	u_strFromUTF8WithSub(src, (int32_t)n + 1, &len16, s, (int32_t)n, 0xFFFD, NULL, &err);
	if (U_FAILURE(err))
		len16 = 0;

	err = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
	if (U_SUCCESS(err) && unorm2_spanQuickCheckYes(nfkc, src, len16, &err) < len16 &&
	    U_SUCCESS(err)) {
		size_t cap = 2 * (size_t)len16 + 16;
		dst = scratch(dst_stack, sizeof dst_stack, cap * sizeof(UChar));
		int32_t got = unorm2_normalize(nfkc, src, len16, dst, (int32_t)cap, &err);
		if (err == U_BUFFER_OVERFLOW_ERROR) {
			scratch_free(dst, dst_stack);
			cap = (size_t)got + 1;
			dst = scratch(dst_stack, 0, cap * sizeof(UChar));
			err = U_ZERO_ERROR;
			got = unorm2_normalize(nfkc, src, len16, dst, (int32_t)cap, &err);
		}
		if (U_SUCCESS(err)) {
			text = dst;
			len16 = got;
		}
	}

	/* A UTF-16 unit gives at most 3 UTF-8 bytes (a surrogate pair 4 for 2 units);
	   a space is written only before a code point, so 4 per unit bounds both. */
	size_t out_cap = 4 * (size_t)len16 + 1;
	writer w = { scratch(out_stack, sizeof out_stack, out_cap), 0, 0, false, squeeze };
	for (int32_t k = 0; k < len16;) {
		UChar32 cp;
		U16_NEXT(text, k, len16, cp);
		write_cp(&w, (uint32_t)cp);
	}
	char *result = arena_strndup(a, w.out, w.len);
	scratch_free(w.out, out_stack);
	if (dst)
		scratch_free(dst, dst_stack);
	scratch_free(src, src_stack);
	return result;
}

char *norm_text_n(arena *a, const char *s, size_t n)
{
	if (!s)
		return normalize_ascii(a, "", 0, false);
	return normalize(a, s, n, false);
}

char *norm_text(arena *a, const char *s)
{
	return norm_text_n(a, s, s ? strlen(s) : 0);
}

char *norm_squeeze(arena *a, const char *s)
{
	if (!s)
		s = "";
	return normalize(a, s, strlen(s), true);
}

static bool ends_with(const char *s, size_t n, const char *p)
{
	size_t m = strlen(p);
	return n >= m && memcmp(s + n - m, p, m) == 0;
}

bool norm_names_table(const char *s)
{
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (ends_with(s, n, "表") || ends_with(s, n, "续表）") || ends_with(s, n, "续表)"))
		return true;
	/* 表, then one bracketed note closing the title. */
	static const char *const brackets[][2] = { { "（", "）" }, { "(", ")" } };
	for (size_t i = 0; i < 2; i++) {
		if (!ends_with(s, n, brackets[i][1]))
			continue;
		char opening[8];
		snprintf(opening, sizeof opening, "表%s", brackets[i][0]);
		const char *last = NULL;
		for (const char *p = strstr(s, opening); p && p < s + n; p = strstr(p + 1, opening))
			last = p;
		if (!last)
			continue;
		const char *inner = strstr(last + strlen(opening), brackets[i][0]);
		if (!inner || inner >= s + n)
			return true;
	}
	return false;
}

/* ---- cell values ---- */

value norm_cell_value(arena *a, const char *text, bool text_column)
{
	value v = { 0 };
	decimal d;
	enum amount_kind k = norm_amount(text, &d);
	if (k == AMOUNT_NULL) {
		v.kind = VALUE_NULL;
	} else if (!text_column && (k == AMOUNT_NUMBER || k == AMOUNT_PERCENT)) {
		v.kind = VALUE_NUMBER;
		v.number = d;
	} else {
		char *s = norm_text(a, text);
		v.kind = *s ? VALUE_TEXT : VALUE_NULL;
		v.text = *s ? s : NULL;
	}
	return v;
}

/* ---- form numbers ---- */

#define FORM_DIGITS 3 /* digits at most in one part of a form number (01, 12) */
#define FORM_WORDS 3  /* series words at most before it (部门 预算 公开) */

static bool opens_with(const char *s, size_t i, const char *prefix)
{
	return strncmp(s + i, prefix, strlen(prefix)) == 0;
}

/* 0-9, full width too. */
static bool is_any_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Space, tab and U+3000 at s + i skipped. */
static size_t skip_blanks(const char *s, size_t i)
{
	for (;;) {
		if (s[i] == ' ' || s[i] == '\t')
			i++;
		else if (opens_with(s, i, "\xE3\x80\x80"))
			i += 3;
		else
			return i;
	}
}

/* Counts the characters at s + *i that pass `is` (spaces too when `spaces`), moving past them. */
static size_t count_cps(const char *s, size_t *i, bool (*is)(uint32_t), bool spaces)
{
	size_t n = 0, len = strlen(s);
	while (*i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + *i, len - *i, &cp);
		if (!is(cp) && !(spaces && cp == ' '))
			break;
		n += cp != ' ';
		*i += k;
	}
	return n;
}

/* Bytes of the characters at s + i that pass `is`, counting them in *n. */
static size_t span_cps(const char *s, size_t i, bool (*is)(uint32_t), size_t *n)
{
	size_t end = i;
	*n = count_cps(s, &end, is, false);
	return end - i;
}

/* The number of a form at s + i: parts of 1..FORM_DIGITS digits joined by '-' (and '.' when
   `dots`): 02, 02-1, 3.1.  Returns its bytes, 0 if none. */
static size_t form_digits(const char *s, size_t i, bool dots)
{
	size_t start = i, n;
	for (;;) {
		size_t k = span_cps(s, i, is_any_digit, &n);
		if (!n || n > FORM_DIGITS)
			return 0;
		i += k;
		if (!(s[i] == '-' || (dots && s[i] == '.')))
			return i - start;
		size_t m;
		span_cps(s, i + 1, is_any_digit, &m);
		if (!m)
			return i - start;
		i++;
	}
}

/* Bytes of the 小写 numeral at s + i that reads as one number (表十二; 表八 of 表八三公经费…, the
   三 opening the title's 三公), 0 if none. */
static size_t ordinal_numeral(const char *s, size_t i)
{
	size_t n, run = span_cps(s, i, norm_is_ordinal_numeral, &n);
	while (run > 0) {
		decimal value;
		if (norm_chinese_number(s + i, run, &value))
			return run;
		do
			run--;
		while (run > 0 && (s[i + run] & 0xC0) == 0x80);
	}
	return 0;
}

size_t norm_form_number(const char *s, bool label)
{
	static const char *const words[] = { "部门", "预算", "决算", "公开" };
	size_t i = 0, k, n;
	if (!s)
		return 0;
	if (opens_with(s, 0, "附表")) {
		i = skip_blanks(s, strlen("附表"));
		/* 附表2 2023年…表 read with the space lost (附表22023年): the year opens the title. */
		size_t run = span_cps(s, i, is_any_digit, &n);
		if (n > 4 && n <= FORM_DIGITS + 4 && run == n && opens_with(s, i + run, "年") &&
		    (opens_with(s, i + n - 4, "19") || opens_with(s, i + n - 4, "20")))
			return i + n - 4;
		if (!(k = form_digits(s, i, label)))
			return 0;
		i += k;
		size_t j = skip_blanks(s, i);
		return opens_with(s, j, "表") ? j + strlen("表") : i;
	}
	if (label && (opens_with(s, 0, "表") || opens_with(s, 0, "附件"))) {
		i = skip_blanks(s, strlen(opens_with(s, 0, "表") ? "表" : "附件"));
		k = form_digits(s, i, true);
		if (!k)
			k = ordinal_numeral(s, i);
		return k ? i + k : 0;
	}
	bool open = false; /* the last word was 公开 */
	for (size_t w = 0; w < FORM_WORDS; w++) {
		size_t hit = sizeof words / sizeof *words;
		for (size_t j = 0; j < sizeof words / sizeof *words; j++)
			if (opens_with(s, i, words[j]))
				hit = j;
		if (hit == sizeof words / sizeof *words)
			break;
		open = hit == 3;
		i = skip_blanks(s, i + strlen(words[hit]));
	}
	if (open && opens_with(s, i, "表")) {
		size_t j = skip_blanks(s, i + strlen("表"));
		if ((k = form_digits(s, j, false)) != 0)
			return j + k;
	}
	if (!(k = form_digits(s, i, false)))
		return 0;
	i = skip_blanks(s, i + k);
	return opens_with(s, i, "表") ? i + strlen("表") : 0;
}

bool norm_find_form_number(const char *s, size_t *start, size_t *end)
{
	bool after_digit = false;
	for (size_t i = 0, len = s ? strlen(s) : 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp), n;
		if (!after_digit && (n = norm_form_number(s + i, false)) != 0) {
			*start = i;
			*end = i + n;
			return true;
		}
		after_digit = is_any_digit(cp);
		i += k;
	}
	return false;
}

/* ---- labels ---- */

bool norm_is_ordinal_numeral(uint32_t cp)
{
	static const uint32_t set[] = {
		0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
		0x516B, 0x4E5D, 0x5341, 0x767E, 0x4E24, /* 〇零一二三四五六七八九十百两 */
	};
	for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
		if (set[i] == cp)
			return true;
	return false;
}

/* Reads a list number at t: ASCII digits (1..3 of them) or a 小写 numeral.
   Returns its value (1..999) and sets *end, or 0. */
static int read_ordinal_number(const char *t, size_t n, size_t *end)
{
	size_t i = 0;
	if (n && t[0] >= '0' && t[0] <= '9') {
		int v = 0;
		while (i < n && t[i] >= '0' && t[i] <= '9' && i < 4)
			v = v * 10 + (t[i++] - '0');
		if (i > 3)
			return 0;
		*end = i;
		return v;
	}
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(t + i, n - i, &cp);
		if (!norm_is_ordinal_numeral(cp))
			break;
		i += k;
		if (i > 24)
			return 0;
	}
	decimal d;
	if (!i || !norm_chinese_number(t, i, &d) || d.scale != 0 || d.units < 1 || d.units > 999)
		return 0;
	*end = i;
	return (int)d.units;
}

static bool has_prefix(const char *t, size_t n, const char *lit, size_t *len)
{
	size_t k = strlen(lit);
	if (n < k || memcmp(t, lit, k) != 0)
		return false;
	*len = k;
	return true;
}

/* Matches 一、 (一) 1. 1、 (1) at the start of normalized text t.  Returns the
   ordinal and the bytes it covers (with one following space), or 0. */
static int match_ordinal(const char *t, size_t *skip)
{
	size_t n = strlen(t), end = 0, k = 0;
	int v;
	if (t[0] == '(') {
		/* NFKC made （ 3 ） ASCII, so its inner spaces survived: allow them. */
		size_t open = t[1] == ' ' ? 2 : 1;
		v = read_ordinal_number(t + open, n - open, &end);
		end += open;
		if (v && t[end] == ' ')
			end++;
		if (!v || t[end] != ')')
			return 0;
		k = end + 1;
	} else {
		v = read_ordinal_number(t, n, &end);
		if (!v)
			return 0;
		size_t m;
		if (has_prefix(t + end, n - end, "\xE3\x80\x81", &m)) /* 、 */
			k = end + m;
		else if (t[end] == '.' && !(t[end + 1] >= '0' && t[end + 1] <= '9'))
			k = end + 1;
		else
			return 0;
	}
	if (t[k] == ' ')
		k++;
	*skip = k;
	return v;
}

/* ①..⑳, ❶..❿, ➀..➉, ➊..➓: circled numbers NFKC would turn into bare digits. */
static int circled_number(uint32_t cp)
{
	if (cp >= 0x2460 && cp <= 0x2473)
		return (int)(cp - 0x2460) + 1;
	if (cp >= 0x2776 && cp <= 0x2793)
		return (int)((cp - 0x2776) % 10) + 1;
	return 0;
}

char *norm_label(arena *a, const char *s, int *ordinal, bool *subrow)
{
	if (!s)
		s = "";
	int ord = 0;
	bool sub = false;
	size_t i = 0, n = strlen(s);
	for (;;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (!k)
			break;
		if (is_space(cp)) {
			i += k;
			continue;
		}
		if ((ord = circled_number(cp)) != 0)
			s += i + k;
		break;
	}
	char *t = norm_text(a, s);
	size_t skip;
	if (!ord && (ord = match_ordinal(t, &skip)) != 0)
		t += skip;
	size_t m;
	if (has_prefix(t, strlen(t), "\xE5\x85\xB6\xE4\xB8\xAD:", &m)) { /* 其中: */
		sub = true;
		t += m;
		if (*t == ' ')
			t++;
		if (!ord && (ord = match_ordinal(t, &skip)) != 0)
			t += skip;
	}
	if (ordinal)
		*ordinal = ord;
	if (subrow)
		*subrow = sub;
	return t;
}

/* ---- classifications ------------------------------------------------ */

enum norm_class norm_class_of_code(const char *digits)
{
	size_t n = strlen(digits);
	for (size_t i = 0; i < n; i++)
		if (digits[i] < '0' || digits[i] > '9')
			return NORM_CLASS_NONE;
	if (n < 3 || n > 10)
		return NORM_CLASS_NONE;
	if (digits[0] == '2' && n % 2 == 1 && digits[1] <= '3')
		return NORM_CLASS_FUNCTION;
	if ((digits[0] == '3' || digits[0] == '5') && digits[1] <= '1')
		return NORM_CLASS_ECONOMIC;
	return NORM_CLASS_NONE;
}

bool norm_is_code(const char *s, size_t n)
{
	if (n < 3 || n > 9)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* A character that makes the digits before it a quantity or a date (500万元, 2024年);
   no function or economic name starts with one (人大事务, 小学教育, 公务员医疗补助,
   个人农业生产补贴, 户籍管理 do: those words are no measure here). */
static bool measure_word(uint32_t cp)
{
	static const uint32_t words[] = { 0x4E07, 0x4EBF, 0x5143, 0x5343, 0x767E, 0x5E74, 0x6708, 0x65E5 };
	/* 万 亿 元 千 百 年 月 日 */
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (cp == words[i])
			return true;
	return false;
}

const char *norm_split_code(arena *a, const char *s, const char **name)
{
	*name = NULL;
	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	size_t i = 0;
	while (s[i] >= '0' && s[i] <= '9')
		i++;
	if (!norm_is_code(s, i))
		return NULL;
	size_t gap = 0;
	while (s[i + gap]) {
		uint32_t cp;
		size_t k = utf8_decode(s + i + gap, strlen(s + i + gap), &cp);
		if (!(cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x3000 || cp == 0xA0))
			break;
		gap += k;
	}
	char *digits = arena_strndup(a, s, i);
	if (!gap && (i % 2 == 0 || norm_class_of_code(digits) == NORM_CLASS_NONE))
		return NULL;
	const char *rest = s + i + gap;
	if (!*rest)
		return NULL;
	uint32_t first;
	utf8_decode(rest, strlen(rest), &first);
	bool han = first >= 0x3400 && first < 0xF000 && norm_is_cjk(first);
	if ((!gap && !han) || measure_word(first))
		return NULL;
	char *n = norm_text(a, rest);
	if (!*n)
		return NULL;
	*name = n;
	return digits;
}

static const char *const function_labels[] = {
	"一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
	"文化旅游体育与传媒支出", "文化体育与传媒支出", "社会保障和就业支出", "卫生健康支出",
	"医疗卫生与计划生育支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出",
	"资源勘探工业信息等支出", "资源勘探信息等支出", "商业服务业等支出", "金融支出",
	"自然资源海洋气象等支出", "国土海洋气象等支出", "住房保障支出", "粮油物资储备支出",
	"灾害防治及应急管理支出", "国有资本经营预算支出", "行政运行", "一般行政管理事务", "机关服务",
	"事业运行",
};

static const char *const economic_labels[] = {
	"工资福利支出", "商品和服务支出", "对个人和家庭的补助", "对个人和家庭补助", "资本性支出",
	"机关工资福利支出", "机关商品和服务支出", "机关资本性支出", "对事业单位经常性补助",
	"基本工资", "津贴补贴", "奖金", "绩效工资", "伙食补助费", "办公费", "印刷费", "咨询费",
	"手续费", "水费", "电费", "邮电费", "物业管理费", "差旅费", "维修(护)费", "租赁费",
	"会议费", "培训费", "公务接待费", "劳务费", "委托业务费", "工会经费", "福利费",
	"公务用车运行维护费", "其他交通费用", "离休费", "退休费", "住房公积金", "职工基本医疗保险缴费",
	"机关事业单位基本养老保险缴费", "职业年金缴费", "其他社会保障缴费", "其他工资福利支出",
	"其他商品和服务支出", "办公设备购置", "专用设备购置",
};

enum norm_class norm_class_of_label(arena *a, const char *label)
{
	char *s = norm_label(a, label, NULL, NULL);
	char *q = norm_squeeze(a, s);
	for (size_t i = 0; i < sizeof function_labels / sizeof *function_labels; i++)
		if (strcmp(q, function_labels[i]) == 0)
			return NORM_CLASS_FUNCTION;
	for (size_t i = 0; i < sizeof economic_labels / sizeof *economic_labels; i++)
		if (strcmp(q, economic_labels[i]) == 0)
			return NORM_CLASS_ECONOMIC;
	return NORM_CLASS_NONE;
}

bool norm_is_empty_note(const char *s)
{
	static const char *const words[] = { "无数据", "为空", "空表", "无此项", "无该项", "无相关", "没有",
	                                     "未安排", "不涉及", "未发生" };
	if (!s || strlen(s) > 300)
		return false;
	/* A bare 无 (（无）, 无。) printed where the rows would be. */
	char bare[16];
	size_t n = 0;
	for (const char *p = s; *p && n < sizeof bare - 1; p++) {
		static const char *const skip[] = { " ", "\t", "\n", "(", ")", "（", "）", "。", "\xe3\x80\x80" };
		size_t k = 0;
		for (size_t i = 0; i < sizeof skip / sizeof *skip && !k; i++)
			if (strncmp(p, skip[i], strlen(skip[i])) == 0)
				k = strlen(skip[i]);
		if (k) {
			p += k - 1;
			continue;
		}
		bare[n++] = *p;
	}
	bare[n] = 0;
	if (strcmp(bare, "无") == 0)
		return true;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strstr(s, words[i]))
			return true;
	return false;
}

/* Labels that name the body a table or document belongs to, longest first
 * (部门 inside 部门名称 must not end the label early). */
static const char *const entity_labels[] = {
	"部门（单位）名称", "部门(单位)名称", "部门（单位）", "部门(单位)", "单位（部门）", "单位(部门)",
	"资金主管部门", "预算主管部门", "编制部门", "编制单位", "填报单位", "部门名称", "单位名称",
	"预算单位", "部门", "单位",
};

static size_t skip_spaces(const char *s, size_t i)
{
	for (;;) {
		if (s[i] == ' ' || s[i] == '\t')
			i++;
		else if (strncmp(s + i, "\xe3\x80\x80", 3) == 0) /* U+3000 */
			i += 3;
		else
			return i;
	}
}

size_t norm_entity_label(const char *s)
{
	if (!s)
		return 0;
	for (size_t k = 0; k < sizeof entity_labels / sizeof *entity_labels; k++) {
		size_t n = strlen(entity_labels[k]);
		if (strncmp(s, entity_labels[k], n) != 0)
			continue;
		size_t i = skip_spaces(s, n);
		if (strncmp(s + i, "（盖章）", strlen("（盖章）")) == 0)
			i = skip_spaces(s, i + strlen("（盖章）"));
		else if (strncmp(s + i, "(盖章)", strlen("(盖章)")) == 0)
			i = skip_spaces(s, i + strlen("(盖章)"));
		if (s[i] == ':')
			return skip_spaces(s, i + 1);
		if (strncmp(s + i, "：", strlen("：")) == 0)
			return skip_spaces(s, i + strlen("："));
		/* 部门 without a colon is a word, not a label */
	}
	return 0;
}

bool norm_is_entity_cell(const char *s)
{
	if (!s)
		return false;
	for (size_t k = 0; k < sizeof entity_labels / sizeof *entity_labels; k++) {
		size_t n = strlen(entity_labels[k]);
		if (n > strlen("名称") && strcmp(entity_labels[k] + n - strlen("名称"), "名称") == 0 &&
		    strcmp(s, entity_labels[k]) == 0)
			return true;
	}
	return false;
}

#define COLUMNS_WORD "栏次"
#define COLUMN_NUMBER_DIGITS 3 /* digits at most in a numbering row's cell (栏次 1 … 999) */

static bool only_bytes(const char *s, const char *set)
{
	return *s && s[strspn(s, set)] == '\0';
}

bool norm_is_column_number(const char *s)
{
	return s && (strcmp(s, COLUMNS_WORD) == 0 || only_bytes(s, "0123456789") || only_bytes(s, "*"));
}

bool norm_numbers_columns(const char *const *cells, size_t n)
{
	long expect = -1;
	for (size_t c = 0; c < n; c++) {
		const char *s = cells[c];
		if (!s || !*s)
			continue;
		if (strcmp(s, COLUMNS_WORD) == 0)
			return true;
		if (only_bytes(s, "*"))
			continue;
		if (!only_bytes(s, "0123456789") || strlen(s) > COLUMN_NUMBER_DIGITS)
			return false;
		long v = 0;
		for (const char *p = s; *p; p++)
			v = v * 10 + (*p - '0');
		if (expect >= 0 && v != expect)
			return false;
		expect = v + 1;
	}
	return true;
}

#define HEADING_NUMERALS 3 /* numerals at most in a heading's ordinal (九十九) */
#define HEADING_DIGITS 2   /* digits at most in a 1. heading (99.) */

static bool is_part_numeral(uint32_t cp)
{
	return norm_is_ordinal_numeral(cp) || is_any_digit(cp);
}

int norm_heading_level(const char *text)
{
	if (!text)
		return 0;
	const char *s = text + strspn(text, " ");
	size_t i = 0, n;
	if (opens_with(s, 0, "第")) {
		i = strlen("第");
		n = count_cps(s, &i, is_part_numeral, true);
		return n && opens_with(s, i, "部分") ? 1 : 0;
	}
	n = count_cps(s, &i, norm_is_ordinal_numeral, false);
	if (n)
		return n <= HEADING_NUMERALS && (opens_with(s, i, "、") || opens_with(s, i, "．")) ? 2 : 0;
	if (opens_with(s, 0, "（") || opens_with(s, 0, "(")) {
		i = opens_with(s, 0, "(") ? 1 : strlen("（");
		bool closes;
		n = count_cps(s, &i, norm_is_ordinal_numeral, false);
		closes = opens_with(s, i, "）") || opens_with(s, i, ")");
		if (n)
			return n <= HEADING_NUMERALS && closes ? 3 : 0;
		n = count_cps(s, &i, is_any_digit, false);
		closes = opens_with(s, i, "）") || opens_with(s, i, ")");
		return n && n <= HEADING_DIGITS && closes ? 5 : 0;
	}
	uint32_t first = 0;
	utf8_decode(s, strlen(s), &first);
	if (first >= 0x2460 && first <= 0x2473) /* ①..⑳ */
		return 6;
	n = count_cps(s, &i, is_any_digit, false);
	if (!n || n > HEADING_DIGITS)
		return 0;
	if (opens_with(s, i, "."))
		i += 1;
	else if (opens_with(s, i, "、") || opens_with(s, i, "．"))
		i += strlen("、");
	else if (opens_with(s, i, ")") || opens_with(s, i, "）"))
		return 5;
	else
		return 0;
	uint32_t next = 0;
	utf8_decode(s + i, strlen(s + i), &next);
	return is_any_digit(next) ? 0 : 4;
}

/* A leader between a contents entry and its page number: dots, ellipses, middle dots, dashes. */
static bool is_leader(uint32_t cp)
{
	return cp == '.' || cp == 0x2026 || cp == 0x22EF || cp == 0x00B7 || cp == 0x30FB || cp == 0xFF0E ||
	       cp == 0x2024 || cp == 0x2025 || cp == '-' || cp == 0x2014 || cp == 0x2015 || cp == '_' ||
	       cp == 0x2500 || cp == 0xFF0D || cp == 0x2027;
}

static bool is_blank_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

/* The start of the UTF-8 character ending at s[end - 1]. */
static size_t cp_back(const char *s, size_t end)
{
	size_t i = end - 1;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

bool norm_toc_entry(const char *s, size_t *title_len, int *page)
{
	size_t end = strlen(s), i;
	uint32_t cp = 0;
	*page = 0;
	while (end && (utf8_decode(s + cp_back(s, end), end - cp_back(s, end), &cp), is_blank_cp(cp)))
		end = cp_back(s, end);
	/* The page number: 1 to 3 digits (full width too) at the end. */
	size_t digits_at = end;
	int digits = 0, value = 0, scale = 1;
	while (digits_at && digits < 4) {
		i = cp_back(s, digits_at);
		utf8_decode(s + i, digits_at - i, &cp);
		if (!is_any_digit(cp))
			break;
		int d = cp >= 0xFF10 ? (int)(cp - 0xFF10) : (int)(cp - '0');
		value += d * scale;
		scale *= 10;
		digits++;
		digits_at = i;
	}
	if (digits > 3)
		digits = 0;
	size_t stop = digits ? digits_at : end;
	/* The leader before it (or the gap a tab or spaces left). */
	size_t lead_at = stop;
	int leaders = 0, blanks = 0, ellipses = 0;
	while (lead_at) {
		i = cp_back(s, lead_at);
		utf8_decode(s + i, lead_at - i, &cp);
		if (is_leader(cp)) {
			leaders++;
			ellipses += cp == 0x2026 || cp == 0x22EF;
		}
		else if (is_blank_cp(cp))
			blanks++;
		else
			break;
		lead_at = i;
	}
	bool leader = leaders >= 2 || ellipses;
	if (!lead_at || (!digits && !leader) || (digits && !leader && !blanks)) {
		*title_len = end;
		return false;
	}
	*title_len = lead_at;
	*page = digits ? value : 0;
	return true;
}

bool norm_is_whole_line(const char *label, bool income)
{
	static const char *const expenditure[] = { "支出" }, *const incomes[] = { "拨款", "收入", "资金" };
	const char *const *ends = income ? incomes : expenditure;
	size_t n = strlen(label), nends = income ? 3 : 1, chars = norm_char_count(label);
	for (size_t i = 0; i < nends; i++)
		if (n > 6 && strcmp(label + n - 6, ends[i]) == 0 && chars >= 4)
			return true;
	return false;
}

size_t norm_char_count(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}
