/*
 * prose: lines into headings, numbered items, paragraphs and contents pages.
 */
#ifndef DX_PROSE_H
#define DX_PROSE_H

#include "core/model.h"
#include "core/sbuf.h"

/* Builds doc->blocks (headings, items, paragraphs, contents) from a PDF's lines that no
 * table claimed and that are not furniture. */
void prose_blocks(document *doc);
/* What a unit of text (its lines joined) is: a heading, an item or a paragraph; *level is
 * its numbering's level (norm_heading_level), 0 when unnumbered.  set_apart: its font sets
 * it apart from body text (larger, or bold over plain). */
enum block_type prose_kind(const char *text, bool set_apart, int *level);
/* From block `first` on: a numbered heading that heads nothing and follows an item of its
 * level (its sibling in the same list) becomes an item. */
void prose_siblings(document *doc, size_t first);
/* Does the line read 目录 (目 录)? */
bool prose_is_toc_title(arena *a, const char *text);
/* Does the line end in leader dots or a gap and a page number (一、部门职责……3)? */
bool prose_is_toc_line(const char *text);
/* Adds a line to the contents block toc as one entry (or the end of a wrapped one); false,
 * adding nothing, when the line is no entry: a sentence, a long line, a line without page
 * number where the entries have them, or a line repeating an entry (the body begins). */
bool prose_toc_add(arena *a, block *toc, const char *line);
/* Appends a line to a paragraph's text: CJK joins directly, Latin words keep a space. */
void prose_append_line(sbuf *sb, const char *text);
/* Drops spaces between two CJK characters (本 年 收 入 → 本年收入). */
void prose_collapse_cjk_spaces(sbuf *text);

#endif
