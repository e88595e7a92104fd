/*
 * icu_spellout_check: how ICU's rule-based spellout parser reads Chinese numerals.
 *
 * Opens unum_open(UNUM_SPELLOUT, "zh") once and runs unum_parseDecimal() over
 * the numeral forms normalize/number.c must read, printing the value ICU gives
 * and how many UTF-16 units it consumed (a parse that stops early is a
 * half-parse).  The findings are summarized in the comment at the top of
 * normalize/number.c; this program is kept so they can be checked again on a
 * newer ICU.
 *
 *   cc -O2 scripts/icu_spellout_check.c $(pkg-config --cflags --libs icu-uc icu-i18n) \
 *      -o build/icu_spellout_check && build/icu_spellout_check
 */
#include <stdio.h>

#include <unicode/unum.h>
#include <unicode/ustring.h>

int main(void)
{
	static const char *const forms[] = {
		"二十六", "一百零五", "两千", "三千零五十", "一万五", "十", "〇", "零", "一点二三",
		"负一百", "三亿五千万", "贰拾叁万肆仟伍佰陆拾柒", "壹佰万元整",
		"玖仟陆佰陆拾伍圆壹角捌分", "3.5万", "1.2亿", "两千三", "一亿五", "十百", "一一",
		"一千零五百", "零零", "万万", "二十六项",
	};
	UErrorCode err = U_ZERO_ERROR;
	UNumberFormat *fmt = unum_open(UNUM_SPELLOUT, NULL, 0, "zh", NULL, &err);
	if (U_FAILURE(err)) {
		fprintf(stderr, "icu_spellout_check: cannot open the zh spellout rules: %s\n",
		        u_errorName(err));
		return 1;
	}
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		UChar text[64];
		int32_t len = 0, pos = 0;
		char value[64];
		err = U_ZERO_ERROR;
		u_strFromUTF8(text, 64, &len, forms[i], -1, &err);
		err = U_ZERO_ERROR;
		unum_parseDecimal(fmt, text, len, &pos, value, sizeof value, &err);
		printf("%s\t%s\t%d/%d\n", forms[i], U_FAILURE(err) ? "refused" : value, pos, len);
	}
	unum_close(fmt);
	return 0;
}
