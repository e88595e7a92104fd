/*
 * text: Unicode normalization of cell text, labels and titles.
 *
 * NFKC through ICU, then the few things NFKC leaves (U+2212 minus, CJK
 * radicals), then whitespace: removed next to CJK characters, collapsed to
 * one space elsewhere, trimmed.  Labels additionally lose their printed list
 * ordinal (一、 （一） 1. (1) ①) and a leading 其中：.  Besides: the words of
 * the disclosure vocabulary read from text (form numbers, table titles, codes,
 * heading levels, column numbering) and a printed cell as a mapped value.
 */
#ifndef DX_NORMALIZE_TEXT_H
#define DX_NORMALIZE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/model.h"

/* NFKC (ICU unorm2) + what NFKC leaves: U+2212 minus -> '-', 〇 kept as a CJK digit in numerals
   but left as is in text, CJK radicals / compatibility ideographs (⻔ -> 门, etc: a small table,
   the Kangxi radicals U+2F00.. are handled by NFKC, the CJK Radicals Supplement U+2E80.. are
   not), U+3000 -> space; spaced-out CJK collapsed (`项    目` -> `项目`,
   `本 年 收 入 合 计` -> `本年收入合计`: whitespace next to a CJK character or CJK punctuation
   is removed (so `公开 02 表` -> `公开02表`); a single space is kept between Latin/digit
   tokens); trims; runs of whitespace -> one space; control and format characters (zero-width
   space, BOM, soft hyphen) are dropped.  Returns a string allocated in arena `a` (s NULL is
   taken as "").  Invalid UTF-8 bytes become U+FFFD.  NFKC turns full-width punctuation into
   ASCII: `（一）` -> `(一)`, `其中：` -> `其中:`, `，` -> `,`. */
char *norm_text(arena *a, const char *s);
/* The same for the n bytes at s (need not be NUL-terminated). */
char *norm_text_n(arena *a, const char *s, size_t n);
/* norm_text + strips an ordinal prefix (一、 … 二十六、, （一）, (一), 1. 1、 (1) （1） ①..⑳;
   only list ordinals, not 第一部分) and returns its number in *ordinal (0 if none); strips a
   leading `其中：`/`其中:` and sets *subrow.  Either out pointer may be NULL. */
char *norm_label(arena *a, const char *s, int *ordinal, bool *subrow);
/* norm_text, then removes all whitespace (for comparing titles/headers). */
char *norm_squeeze(arena *a, const char *s);
/* True when a title part names a table: it ends with 表, or with 表 and one bracketed note
   (…表（续）, …表（含转移支付项目）, …表(续)), or with （续表）/(续表)/续表.  s as printed. */
bool norm_names_table(const char *s);
/* A printed cell as a mapped value (from unset): in an amount column a number or a percentage
   (norm_amount) is its exact number; a blank or a mark standing for one (-, —, /, 无) is null,
   in a text column too; anything else is its text (norm_text), null when that is empty. */
value norm_cell_value(arena *a, const char *text, bool text_column);
/* The form number a disclosure prints over a table, starting right at s; blanks (space, tab,
   U+3000) may stand between its parts:
     公开02表, 预算 01 表, 决算05表, 部门预算公开06表   up to three words of the series (部门 预算
                                                   决算 公开) before the number
     05表, 02-1表                                  the number alone, a part after a dash
     公开表1, 部门公开表1                           表 before the number
     附表3, 附表 3-1, 附表3表                       附表 and the number (表 after it optional;
                                                   附表22023年… is 附表2 before a year, the
                                                   space between them lost)
     表1, 表 2, 表二, 表十一, 附件3, 表3.1           a label: only when `label` is true (callers
                                                   allow it where the label stands alone or first)
   A number is one to three digits (full-width too) a part; a label's may be a 小写 numeral.
   Returns the bytes the form number takes (no blank after it), 0 when none starts at s. */
size_t norm_form_number(const char *s, bool label);
/* The first form number in s that is no label (norm_form_number with label false, not starting
   right after a digit): true and its bytes [*start, *end), or false. */
bool norm_find_form_number(const char *s, size_t *start, size_t *end);
/* True for a character that takes no spaces around it: Han ideographs (〇 and the radicals
   included), kana, bopomofo, CJK punctuation and full-width forms. */
bool norm_is_cjk(uint32_t cp);
/* A 小写 numeral character as list ordinals and headings print it: 〇零一二三四五六七八九十百两. */
bool norm_is_ordinal_numeral(uint32_t cp);
/* The outline level a heading's opening gives, numbered as official documents number them:
   第一部分 (第 1 部分) 1, 一、/ 一． 2, （一）/ (一) 3, 1. / 1、/ 12． 4, (1) / （1）/ 1) 5,
   ① … ⑳ 6; 0 for anything else
   (1.00, 2024年, 第一条, 一百二十三、).  At most three numerals (一 … 九十九), two digits.
   Leading spaces are skipped. */
int norm_heading_level(const char *s);
/* A line of a contents page: a title, then leader dots (……, ·····, ----) or a gap, then a page
   number (1 to 3 digits); or a title and leader dots alone.  True when s reads so: *title_len
   is the length of the title part (trailing leaders and spaces off), *page the page number
   (0 when none is printed).  False for a line without leader or page number (*title_len: the
   line without trailing spaces, *page 0). */
bool norm_toc_entry(const char *s, size_t *title_len, int *page);

/* Which classification a row belongs to, by its code or its label: the
   function classification (2xx codes: 201 一般公共服务支出 … 229 其他支出), the
   economic one (3xx department and 5xx government codes: 301 工资福利支出,
   302 商品和服务支出, 303 对个人和家庭的补助 …), or neither.  A code is 3, 5, 7
   or 9 digits (or a department code joined to a government one, 30101501);
   a label is compared after norm_label (no ordinal, no spaces). */
enum norm_class { NORM_CLASS_NONE, NORM_CLASS_FUNCTION, NORM_CLASS_ECONOMIC };
enum norm_class norm_class_of_code(const char *digits);
enum norm_class norm_class_of_label(arena *a, const char *label);
/* A code as a key column or a code-and-name cell prints it: 3 to 9 digits (类 201, 款
   20101, 项 2010101, economic 30101, a unit 113 / 113001) and nothing else. */
bool norm_is_code(const char *s, size_t n);
/* Splits a code printed before its name in one cell: "2010301 行政运行" (any space:
   ASCII, U+3000, U+00A0, or the line break of a cell wrapped after its code, joined
   as a space) with a code of norm_is_code, or "2010301行政运行" glued, when the digits
   are a function or economic code (norm_class_of_code, odd length: 类/款/项).  The name
   must start with a Han character that is no measure or date word (2024 年, 500万元
   are no code and name).  s is the text as read: norm_text drops a space beside a CJK
   character, and with it the sign of a unit code.  Returns the code and sets *name to
   the normalized name (both in a), or returns NULL with *name NULL. */
const char *norm_split_code(arena *a, const char *s, const char **name);
/* A note saying a table is printed empty: 本表无数据, 此表为空, 无此项支出,
   本部门无相关收支项目, 本单位没有…, 未安排…, 不涉及…, or a bare 无 (（无）). */
bool norm_is_empty_note(const char *s);
/* An entity label opening s, as printed near a table or on a cover: 部门：, 单位名称：,
   部门（单位）：, 编制单位（盖章）： … (labels tried longest first; spaces and a （盖章）
   may stand before the colon, spaces after it).  Returns the length of the label with its
   colon, where the entity's name starts, or 0.  The only list of these labels. */
size_t norm_entity_label(const char *s);
/* Whether a squeezed table cell is only a label naming the entity, the cell after it
   holding the name: 部门名称, 部门（单位）名称, 单位名称. */
bool norm_is_entity_cell(const char *s);
/* A header cell that numbers the columns instead of naming one: 栏次, a whole number (1, 12)
   or stars (**); s squeezed (norm_squeeze).  Blank is not. */
bool norm_is_column_number(const char *s);
/* A row that numbers the columns, its cells squeezed (NULL or "" for blank): one cell is 栏次,
   or every other cell is stars or a whole number of at most three digits, the numbers
   counting up by one (1 2 3, 5 6 7).  A row of blanks counts. */
bool norm_numbers_columns(const char *const *cells, size_t n);
/* A whole line of a table's labels, never the tail of one wrapped over two lines: a name of four
   characters or more ending in 支出 (住房保障支出, 其他支出), or, with `income`, in 拨款, 收入 or
   资金 (政府性基金预算拨款, 事业收入, 财政专户管理资金); 支出 alone or 收入 under 一般公共预算拨款
   is a tail. */
bool norm_is_whole_line(const char *label, bool income);
/* How many characters (code points) the UTF-8 string s holds. */
size_t norm_char_count(const char *s);

#endif
