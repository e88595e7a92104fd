/*
 * figures: money amounts and percentages inside sentences.
 *
 * For narrative text (年初预算3284.93万元, 执行率90.81%): every figure that is
 * followed by a money unit or a percent sign is reported with its exact value.
 */
#ifndef DX_NORMALIZE_FIGURES_H
#define DX_NORMALIZE_FIGURES_H

#include <stddef.h>

#include "core/decimal.h"

/* Scans UTF-8 text for amounts, percentages and scores (`3260.55万元`, `3,260.55 万元`,
   `90.81%`, `增长12.5%`, `1.22万元`, `4.83 个百分点`, `88.92 分`; only money, percent and score, not
   `二十六项`, `5分钟`); calls cb for each with the byte span [start, end) of the figure
   (sign and unit included), its value as printed (10.00 keeps its scale 2) and its unit
   ("亿元", "万元", "千元", "元", "%", "百分点", "分"; the unit strings are static). */
typedef void (*norm_figure_cb)(void *ctx, size_t start, size_t end, decimal value, const char *unit);
void norm_find_figures(const char *text, norm_figure_cb cb, void *ctx);

/* The grade a 绩效 evaluation is given, printed at s (优秀, 良好, 优, 良, 合格, 不合格, …):
   the word (static) and its length in *len, or NULL. */
const char *norm_grade_word(const char *s, size_t *len);

#endif
