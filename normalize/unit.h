/*
 * unit: the money unit a table, header or line is printed in, and exact
 * conversion between units.
 *
 * A unit is found after 单位 (单位：万元, 金额单位：元, 单位:万元, 单位：人民币万元) or alone in
 * brackets ((万元), （万元）, (单位：亿元)); spaces between the characters are allowed.
 */
#ifndef DX_NORMALIZE_UNIT_H
#define DX_NORMALIZE_UNIT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/decimal.h"

/* Finds a money unit in a title/header/line: `单位：万元`, `金额单位：元`, `单位:万元`, `（万元）`,
   `(单位：亿元)`, `单位：千元` -> returns a static string "元", "千元", "万元", "亿元"; NULL if none. */
const char *norm_unit(const char *s);
/* As norm_unit, and [*start, *end) are the bytes of s the unit takes: 单位：万元 with a 金额 before
   and brackets around it (（单位：万元）, 金额单位：元), or (万元).  start/end may be NULL. */
const char *norm_unit_span(const char *s, size_t *start, size_t *end);
/* s is a unit line and nothing else, blanks aside (单位：万元, 金额单位:元, （单位：万元）, (万元),
   单位：人民币元) -> the unit as norm_unit gives it; NULL otherwise (部门：X 单位：万元). */
const char *norm_unit_line(const char *s);
/* The unit name s starts with, right at s (no blanks skipped; 亿元, 万元, 千元, 元, longest
   first) -> the static name, its byte length in *len; NULL if none. */
const char *norm_unit_name(const char *s, size_t *len);
/* s is a unit name and nothing else (万元) -> the static name; NULL otherwise. */
const char *norm_unit_word(const char *s);
/* Exact conversion between those units (万元 -> 元 multiplies by 10000). false if unknown unit
   or overflow (or, towards a larger unit, more than DECIMAL_MAX_SCALE fraction digits). */
bool norm_convert_unit(decimal in, const char *from, const char *to, decimal *out);
/* The power of ten a unit stands for (元 0, 千元 3, 万元 4, 亿元 8), or -1 if unknown. */
int norm_unit_exponent(const char *unit);

#endif
