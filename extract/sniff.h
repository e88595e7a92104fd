/*
 * sniff: tell a PDF, an HTML page and a text rendering apart by content.
 *
 * The first bytes decide: `%PDF-` (within the first KiB, as readers allow)
 * is a PDF; markup that opens an HTML document or a table (`<!DOCTYPE html`,
 * `<html`, `<head`, `<body`, `<table`, `<meta`, after any BOM, blank space and
 * comments) is HTML; anything else that decodes as UTF-8, or looks like
 * GB18030 (text_load then warns), is text.  Binary data is INPUT_UNKNOWN.
 */
#ifndef DX_SNIFF_H
#define DX_SNIFF_H

#include <stddef.h>

enum input_format { INPUT_UNKNOWN, INPUT_PDF, INPUT_HTML, INPUT_TEXT };

enum input_format sniff_format(const char *data, size_t len);
/* "pdf", "html"/"htm", "text"/"txt"/"md"/"markdown" (any case); INPUT_UNKNOWN otherwise. */
enum input_format sniff_format_name(const char *name);
const char *sniff_format_label(enum input_format format);

#endif
