/*
 * number: exact values from Chinese numerals and printed table amounts.
 *
 * norm_chinese_number() reads 小写 and 大写 numerals (二十六, 一百零五, 一万五,
 * 壹佰万元整, 玖仟陆佰陆拾伍圆壹角捌分), decimals (一点二三), negatives (负一百)
 * and digits with a Chinese multiplier (3.5万, 1.2亿) with one left-to-right
 * pass that checks every unit against the one before it, so a malformed
 * numeral is rejected whole instead of half-read.  norm_amount() classifies a
 * table cell as a number, a percentage, a null marker or not an amount.
 * Nothing here uses binary floating point.
 */
#ifndef DX_NORMALIZE_NUMBER_H
#define DX_NORMALIZE_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/decimal.h"

/* Chinese numerals to an exact value: 小写 (二十六, 一百零五, 两千, 三千零五十, 一万五 = 15000,
   十 = 10, 〇/零) and 大写 (壹佰万元整, 玖仟陆佰陆拾伍圆壹角捌分 = 9665.18, 贰拾叁万肆仟伍佰陆拾柒元捌角玖分),
   with 万/亿 sections, currency units 元/圆/角/分/整; mixed digits like 3.5万 = 35000 and 1.2亿.
   Invalid forms (十百, 一一 as an amount, 万万, empty, trailing garbage) return false — never a
   half-parse.  s is UTF-8, n bytes (no NUL needed); no surrounding whitespace is skipped. */
bool norm_chinese_number(const char *s, size_t n, decimal *out);

/* Positional Chinese digits, as in years and codes: 二〇二四 = 2024, 一一 = 11.
   Every character must be a digit (〇零一…九, 大写 too); false otherwise. */
bool norm_chinese_digits(const char *s, size_t n, decimal *out);

enum amount_kind { AMOUNT_NOT = 0, AMOUNT_NUMBER, AMOUNT_PERCENT, AMOUNT_NULL };

/* Parses a table cell or figure: `1,234.56`, `１，２３４．５６` (full width), `-7.00`, `－7.00`,
   `−7.00`, `(7.00)` / `（7.00）` -> -7, `7.00-` -> -7, ` 3,260.55 ` (spaces), `94.18%` / `94.18％`
   -> AMOUNT_PERCENT with 94.18; `-`, `—`, `——`, `–`, `/`, `无`, `""`, whitespace -> AMOUNT_NULL;
   `0.00` -> NUMBER 0; Chinese numerals as above -> NUMBER (百分之… -> PERCENT; never in
   brackets or with a trailing minus: （一） is NOT); a leading ¥/￥ is allowed; anything else
   -> AMOUNT_NOT.  *out is set only for NUMBER and PERCENT.
   s may be NULL (treated as blank).  Never uses double. */
enum amount_kind norm_amount(const char *s, decimal *out);
/* s prints a figure: norm_amount reads it as a number or a percentage (not blank, not a
   dash standing for blank, not text).  s may be NULL. */
bool norm_is_figure(const char *s);
/* Does tail, printed on the line under head (n bytes) in one cell, carry on one figure wrapped
   in a narrow cell ("2268.8" over "2", "109086" over "9.73", "474," over "605.93")?  Both are
   numerals and together they read as a figure; but two short whole numbers ("110" over "20")
   are two figures: a wrap leaves a separator or a long run of digits on the first line. */
bool norm_wrapped_figure(const char *head, size_t n, const char *tail);

#endif
