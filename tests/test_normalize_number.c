/*
 * test_normalize_number: Chinese numerals and printed amounts (normalize/number.h).
 *
 * Table-driven: each row is an input and the value it must give, written out
 * from the reading rules (十五 = 15, 一万五 = 15000, (7.00) = -7, …), compared
 * through decimal_format so the exact digits are checked.  The numeral tables
 * follow the categories of the cn2an test suite: 小写 integers, 大写 integers,
 * decimals, negatives, money in 大写 with 元角分, digits mixed with 万/亿, and
 * invalid inputs that must be refused whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/decimal.h"
#include "core/sbuf.h"
#include "normalize/number.h"

/* want == NULL: the input must be refused. */
struct numeral_case {
	const char *in;
	const char *want;
};

static void format_into(decimal d, char *buf, size_t size)
{
	sbuf sb = SBUF_INIT;
	decimal_format(d, &sb);
	strncpy(buf, sb.buf, size - 1);
	buf[size - 1] = '\0';
	sbuf_release(&sb);
}

static int run_numerals(const struct numeral_case *cases, size_t count,
                        bool (*parse)(const char *, size_t, decimal *))
{
	int failed = 0;
	for (size_t i = 0; i < count; i++) {
		decimal d = { 12345, 0, false };
		bool ok = parse(cases[i].in, strlen(cases[i].in), &d);
		char got[64];
		format_into(d, got, sizeof got);
		if (cases[i].want == NULL && ok) {
			print_error("'%s': accepted as %s, want refused\n", cases[i].in, got);
			failed++;
		} else if (cases[i].want && !ok) {
			print_error("'%s': refused, want %s\n", cases[i].in, cases[i].want);
			failed++;
		} else if (cases[i].want && strcmp(got, cases[i].want) != 0) {
			print_error("'%s': got %s, want %s\n", cases[i].in, got, cases[i].want);
			failed++;
		}
	}
	return failed;
}

#define RUN(cases, fn) assert_int_equal(run_numerals(cases, sizeof cases / sizeof cases[0], fn), 0)

static const struct numeral_case lower_integers[] = {
	{ "一", "1" },
	{ "二", "2" },
	{ "两", "2" },
	{ "十", "10" },
	{ "十一", "11" },
	{ "十五", "15" },
	{ "二十", "20" },
	{ "二十六", "26" },
	{ "九十九", "99" },
	{ "一百", "100" },
	{ "一百零五", "105" },
	{ "一百一十", "110" },
	{ "一百一十五", "115" },
	{ "两百", "200" },
	{ "二百五十", "250" },
	{ "三百五", "350" },
	{ "一千", "1000" },
	{ "两千", "2000" },
	{ "一千零五", "1005" },
	{ "一千零五十", "1050" },
	{ "三千零五十", "3050" },
	{ "一千二百三十四", "1234" },
	{ "两千三", "2300" },
	{ "九千九百九十九", "9999" },
	{ "一万", "10000" },
	{ "一万五", "15000" },
	{ "一万零五", "10005" },
	{ "一万零五百", "10500" },
	{ "两万", "20000" },
	{ "十万", "100000" },
	{ "十万零一", "100001" },
	{ "二十万零三百", "200300" },
	{ "一百万", "1000000" },
	{ "一千万", "10000000" },
	{ "一千零五万", "10050000" },
	{ "三万五千", "35000" },
	{ "十二万三千四百五十六", "123456" },
	{ "一亿", "100000000" },
	{ "十亿", "1000000000" },
	{ "三亿五千万", "350000000" },
	{ "一亿五", "150000000" },
	{ "一亿零五百万", "105000000" },
	{ "一亿零一", "100000001" },
	{ "一万亿", "1000000000000" },
	{ "〇", "0" },
	{ "零", "0" },
};

static const struct numeral_case upper_integers[] = {
	{ "壹", "1" },
	{ "拾", "10" },
	{ "壹拾", "10" },
	{ "壹拾伍", "15" },
	{ "壹佰", "100" },
	{ "壹仟零伍", "1005" },
	{ "玖仟玖佰玖拾玖", "9999" },
	{ "壹万", "10000" },
	{ "伍万零贰拾", "50020" },
	{ "贰拾叁万肆仟伍佰陆拾柒", "234567" },
	{ "陆拾萬", "600000" },
	{ "叁亿", "300000000" },
	{ "壹億", "100000000" },
	{ "貳拾參", "23" },
};

static const struct numeral_case decimals[] = {
	{ "一点二三", "1.23" },
	{ "零点五", "0.5" },
	{ "三点一四一五", "3.1415" },
	{ "十点零一", "10.01" },
	{ "一百点五", "100.5" },
	{ "〇点〇八", "0.08" },
	{ "一万五千点二五", "15000.25" },
	{ "一点五万", "15000" },
	{ "二点五亿", "250000000" },
	{ "九点九九九九九九九九九", "9.999999999" },
};

static const struct numeral_case negatives[] = {
	{ "负一百", "-100" },
	{ "负零点五", "-0.5" },
	{ "负二十六", "-26" },
	{ "负壹万", "-10000" },
	{ "負一", "-1" },
	{ "-3.5万", "-35000" },
};

static const struct numeral_case money[] = {
	{ "壹佰万元整", "1000000" },
	{ "玖仟陆佰陆拾伍圆壹角捌分", "9665.18" },
	{ "贰拾叁万肆仟伍佰陆拾柒元捌角玖分", "234567.89" },
	{ "壹元整", "1" },
	{ "壹佰元正", "100" },
	{ "壹元零伍分", "1.05" },
	{ "伍角", "0.5" },
	{ "捌分", "0.08" },
	{ "伍角捌分", "0.58" },
	{ "壹拾元伍角", "10.5" },
	{ "叁仟元伍角整", "3000.5" },
	{ "零元整", "0" },
	{ "十二元", "12" },
	{ "一百元三角", "100.3" },
	{ "壹佰零伍元", "105" },
	{ "壹万元零叁角", "10000.3" },
	{ "一点五元", "1.5" },
};

static const struct numeral_case mixed[] = {
	{ "3.5万", "35000" },
	{ "1.2亿", "120000000" },
	{ "2千万", "20000000" },
	{ "3.5百万", "3500000" },
	{ "5万亿", "5000000000000" },
	{ "12元", "12" },
	{ "1,234万", "12340000" },
	{ "0.5万元", "5000" },
	{ "3260.55万", "32605500" },
};

static const struct numeral_case invalid[] = {
	{ "", NULL },
	{ "十百", NULL },
	{ "一一", NULL },
	{ "万万", NULL },
	{ "万", NULL },
	{ "百", NULL },
	{ "亿", NULL },
	{ "一百x", NULL },
	{ "二十六项", NULL },
	{ "一点", NULL },
	{ "点五", NULL },
	{ "零零", NULL },
	{ "零五", NULL },
	{ "一零", NULL },
	{ "一千零五百", NULL },
	{ "一万零五千", NULL },
	{ "一百零", NULL },
	{ "一千零万", NULL },
	{ "二十十", NULL },
	{ "一百十", NULL },
	{ "三百二百", NULL },
	{ "一千五万", NULL },
	{ "一亿亿", NULL },
	{ "一万二万", NULL },
	{ "元", NULL },
	{ "一元元", NULL },
	{ "伍角伍角", NULL },
	{ "一点五元三角", NULL },
	{ "负", NULL },
	{ "12", NULL },
	{ "3.5", NULL },
	{ "abc", NULL },
	{ "一 百", NULL },
	{ " 一百", NULL },
	{ "一点十", NULL },
	{ "两点五", "2.5" }, /* 两 is a digit before 点 … */
	{ "一点两", NULL },   /* … but not a fraction digit */
	{ "壹元整伍角", NULL },
	{ "一百万元整整", NULL },
	{ "1.2.3万", NULL },
	{ "九百二十二京", NULL },
	{ "九百亿亿", NULL },
};

static void test_lower_integers(void **state)
{
	RUN(lower_integers, norm_chinese_number);
}

static void test_upper_integers(void **state)
{
	RUN(upper_integers, norm_chinese_number);
}

static void test_decimals(void **state)
{
	RUN(decimals, norm_chinese_number);
}

static void test_negatives(void **state)
{
	RUN(negatives, norm_chinese_number);
}

static void test_money(void **state)
{
	RUN(money, norm_chinese_number);
}

static void test_mixed(void **state)
{
	RUN(mixed, norm_chinese_number);
}

static void test_invalid(void **state)
{
	RUN(invalid, norm_chinese_number);
}

static void test_overflow(void **state)
{
	decimal d;
	/* 九百万亿 = 9e14 fits; 一千万亿亿 cannot be written (亿 twice) and 九千万亿 × 一万 overflows. */
	assert_true(norm_chinese_number("九百万亿", strlen("九百万亿"), &d));
	assert_true(d.units == 900000000000000LL);
	assert_false(norm_chinese_number("99999999999999999999万", strlen("99999999999999999999万"), &d));
	assert_false(norm_chinese_number(NULL, 0, &d));
	/* Only n bytes are read. */
	assert_true(norm_chinese_number("二十六项", strlen("二十六"), &d));
	assert_true(d.units == 26 && d.scale == 0);
}

static const struct numeral_case digit_runs[] = {
	{ "二〇二四", "2024" },
	{ "二零二五", "2025" },
	{ "一一", "11" },
	{ "壹玖", "19" },
	{ "2〇24", "2024" },
	{ "两", NULL },
	{ "", NULL },
	{ "二十", NULL },
};

static void test_digit_runs(void **state)
{
	RUN(digit_runs, norm_chinese_digits);
}

/* ---- amounts ---- */

struct amount_case {
	const char *in;
	enum amount_kind kind;
	const char *want; /* for NUMBER and PERCENT */
};

static const char *kind_name(enum amount_kind k)
{
	switch (k) {
	case AMOUNT_NUMBER: return "NUMBER";
	case AMOUNT_PERCENT: return "PERCENT";
	case AMOUNT_NULL: return "NULL";
	default: return "NOT";
	}
}

static const struct amount_case amounts[] = {
	/* printed forms */
	{ "1,234.56", AMOUNT_NUMBER, "1234.56" },
	{ "1234.56", AMOUNT_NUMBER, "1234.56" },
	{ "1,234,567.89", AMOUNT_NUMBER, "1234567.89" },
	{ "１，２３４．５６", AMOUNT_NUMBER, "1234.56" },
	{ "１２３", AMOUNT_NUMBER, "123" },
	{ "-7.00", AMOUNT_NUMBER, "-7" },
	{ "－7.00", AMOUNT_NUMBER, "-7" },
	{ "\xE2\x88\x92" "7.00", AMOUNT_NUMBER, "-7" },     /* U+2212 */
	{ "(7.00)", AMOUNT_NUMBER, "-7" },
	{ "（7.00）", AMOUNT_NUMBER, "-7" },
	{ "7.00-", AMOUNT_NUMBER, "-7" },
	{ "- 7.00", AMOUNT_NUMBER, "-7" },
	{ "+5", AMOUNT_NUMBER, "5" },
	{ " 3,260.55 ", AMOUNT_NUMBER, "3260.55" },
	{ "\t3,260.55\n", AMOUNT_NUMBER, "3260.55" },
	{ "\xE3\x80\x80" "3260.55" "\xE3\x80\x80", AMOUNT_NUMBER, "3260.55" }, /* U+3000 */
	{ "\xC2\xA0" "12.5", AMOUNT_NUMBER, "12.5" },                       /* NBSP */
	{ "0.00", AMOUNT_NUMBER, "0" },
	{ "0", AMOUNT_NUMBER, "0" },
	{ "-0.00", AMOUNT_NUMBER, "0" },
	{ "0.001", AMOUNT_NUMBER, "0.001" },
	{ "¥1,234.00", AMOUNT_NUMBER, "1234" },
	{ "￥5", AMOUNT_NUMBER, "5" },
	{ "3,260.55万元", AMOUNT_NUMBER, "32605500" },
	{ "3.5万", AMOUNT_NUMBER, "35000" },
	{ "壹佰万元整", AMOUNT_NUMBER, "1000000" },
	{ "二十六", AMOUNT_NUMBER, "26" },
	{ "（壹佰元）", AMOUNT_NOT, NULL },
	{ "（一）", AMOUNT_NOT, NULL },
	{ "(二)", AMOUNT_NOT, NULL },
	{ "一-", AMOUNT_NOT, NULL },
	/* percentages */
	{ "94.18%", AMOUNT_PERCENT, "94.18" },
	{ "94.18％", AMOUNT_PERCENT, "94.18" },
	{ "９４．１８％", AMOUNT_PERCENT, "94.18" },
	{ "0%", AMOUNT_PERCENT, "0" },
	{ "100.00%", AMOUNT_PERCENT, "100" },
	{ "-3.5%", AMOUNT_PERCENT, "-3.5" },
	{ "7.00 %", AMOUNT_PERCENT, "7" },
	{ "(5.2%)", AMOUNT_PERCENT, "-5.2" },
	{ "(5.2)%", AMOUNT_PERCENT, "-5.2" },
	{ "百分之十二点五", AMOUNT_PERCENT, "12.5" },
	/* null markers */
	{ "-", AMOUNT_NULL, NULL },
	{ "—", AMOUNT_NULL, NULL },
	{ "——", AMOUNT_NULL, NULL },
	{ "–", AMOUNT_NULL, NULL },
	{ "－", AMOUNT_NULL, NULL },
	{ "\xE2\x88\x92", AMOUNT_NULL, NULL },
	{ "--", AMOUNT_NULL, NULL },
	{ "  -  ", AMOUNT_NULL, NULL },
	{ "— —", AMOUNT_NULL, NULL },
	{ "/", AMOUNT_NULL, NULL },
	{ "／", AMOUNT_NULL, NULL },
	{ "无", AMOUNT_NULL, NULL },
	{ "", AMOUNT_NULL, NULL },
	{ "   ", AMOUNT_NULL, NULL },
	{ "\xE3\x80\x80", AMOUNT_NULL, NULL },
	{ "\t\n", AMOUNT_NULL, NULL },
	/* not amounts */
	{ "12 34", AMOUNT_NOT, NULL },
	{ "abc", AMOUNT_NOT, NULL },
	{ "1.2.3", AMOUNT_NOT, NULL },
	{ "12,34", AMOUNT_NOT, NULL },
	{ "7,00", AMOUNT_NOT, NULL },
	{ "(-7.00)", AMOUNT_NOT, NULL },
	{ "-7.00-", AMOUNT_NOT, NULL },
	{ "(7.00)-", AMOUNT_NOT, NULL },
	{ "12.5%%", AMOUNT_NOT, NULL },
	{ "%", AMOUNT_NOT, NULL },
	{ "()", AMOUNT_NOT, NULL },
	{ "—7", AMOUNT_NOT, NULL },
	{ "\xFF", AMOUNT_NOT, NULL },
	{ "12\xFF", AMOUNT_NOT, NULL },
	{ "1234567890123456789012", AMOUNT_NOT, NULL },
	{ "一般公共服务支出", AMOUNT_NOT, NULL },
	{ "2010301", AMOUNT_NUMBER, "2010301" },
	{ "合计", AMOUNT_NOT, NULL },
	{ "十百", AMOUNT_NOT, NULL },
};

/* A figure is a number or a percentage; a dash for blank, blank and text are not. */
static void test_is_figure(void **state)
{
	(void)state;
	assert_true(norm_is_figure("1,234.56"));
	assert_true(norm_is_figure("(7.00)"));
	assert_true(norm_is_figure("94.18%"));
	assert_true(norm_is_figure("0.00"));
	assert_false(norm_is_figure("-"));
	assert_false(norm_is_figure("—"));
	assert_false(norm_is_figure(""));
	assert_false(norm_is_figure(NULL));
	assert_false(norm_is_figure("合计"));
	assert_false(norm_is_figure("1,234.56万元以上"));
}

static void test_amounts(void **state)
{
	int failed = 0;
	for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
		const struct amount_case *c = &amounts[i];
		decimal d = { 999, 0, false };
		enum amount_kind k = norm_amount(c->in, &d);
		char got[64];
		format_into(d, got, sizeof got);
		if (k != c->kind) {
			print_error("'%s': kind %s, want %s\n", c->in, kind_name(k), kind_name(c->kind));
			failed++;
		} else if (c->want && strcmp(got, c->want) != 0) {
			print_error("'%s': got %s, want %s\n", c->in, got, c->want);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

static void test_amount_exactness(void **state)
{
	decimal d;
	/* 0.00 keeps its printed scale; the value is zero. */
	assert_int_equal(norm_amount("0.00", &d), AMOUNT_NUMBER);
	assert_true(d.units == 0 && d.scale == 2 && !d.overflow);
	/* No rounding anywhere: 0.1 + 0.2 is exactly 0.3. */
	decimal a, b;
	assert_int_equal(norm_amount("0.1", &a), AMOUNT_NUMBER);
	assert_int_equal(norm_amount("0.2", &b), AMOUNT_NUMBER);
	decimal three;
	assert_int_equal(norm_amount("0.30", &three), AMOUNT_NUMBER);
	assert_int_equal(decimal_cmp(decimal_add(a, b), three), 0);
	/* A long but exact amount. */
	assert_int_equal(norm_amount("92,233,720,368,547.75807", &d), AMOUNT_NUMBER);
	assert_true(d.units == 9223372036854775807LL && d.scale == 5);
	/* NULL is a blank cell. */
	assert_int_equal(norm_amount(NULL, &d), AMOUNT_NULL);
	/* A very long cell is not an amount, and does not overrun anything. */
	char big[600];
	memset(big, '1', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(norm_amount(big, &d), AMOUNT_NOT);
	/* Long blank padding is trimmed, not counted. */
	char padded[700];
	memset(padded, ' ', sizeof padded - 1);
	memcpy(padded + 300, "12.5", 4);
	padded[sizeof padded - 1] = '\0';
	assert_int_equal(norm_amount(padded, &d), AMOUNT_NUMBER);
	assert_true(d.units == 125 && d.scale == 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lower_integers),
		cmocka_unit_test(test_upper_integers),
		cmocka_unit_test(test_decimals),
		cmocka_unit_test(test_negatives),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_mixed),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_digit_runs),
		cmocka_unit_test(test_is_figure),
		cmocka_unit_test(test_amounts),
		cmocka_unit_test(test_amount_exactness),
	};
	return cmocka_run_group_tests_name("normalize_number", tests, NULL, NULL);
}
