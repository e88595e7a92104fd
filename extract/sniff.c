/*
 * sniff: input format by content; see sniff.h.
 *
 *   1. `%PDF-` in the first 1024 bytes                 -> PDF
 *   2. skip a UTF-8 BOM, ASCII blank space and <!-- comments -->; an opening
 *      `<!doctype html`, `<html`, `<head`, `<body`, `<table` or `<meta`, or a
 *      document that opens with `<` and holds `<html`/`<table` in its first
 *      4 KiB                                           -> HTML
 *   3. no NUL and few control bytes in the first 64 KiB, and the bytes decode
 *      as UTF-8, or pair up as GB18030 lead/trail bytes, or are UTF-8 but for
 *      a few stray bytes (at most 8 and 1% of the sample, and no more than
 *      16 over the characters that do decode; the reader replaces them,
 *      with a warning)                                 -> text
 *   4. anything else (including empty input)           -> unknown
 * Only ASCII bytes are compared case-insensitively, by hand (no <ctype.h>).
 */
#include "extract/sniff.h"

#include <stdbool.h>
#include <string.h>

#include "core/sbuf.h"

static unsigned char lower_ascii(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Does data[0..len) start with the lowercase ASCII word w, ignoring case? */
static bool starts_with_ci(const char *data, size_t len, const char *w)
{
	size_t n = strlen(w);
	if (len < n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower_ascii((unsigned char)data[i]) != (unsigned char)w[i])
			return false;
	return true;
}

static bool contains_ci(const char *data, size_t len, const char *w)
{
	size_t n = strlen(w);
	for (size_t i = 0; i + n <= len; i++)
		if (data[i] == '<' && starts_with_ci(data + i, len - i, w))
			return true;
	return false;
}

static bool contains(const char *data, size_t len, const char *w)
{
	size_t n = strlen(w);
	if (n > len)
		return false;
	for (size_t i = 0; i + n <= len; i++)
		if (data[i] == w[0] && memcmp(data + i, w, n) == 0)
			return true;
	return false;
}

static size_t skip_space_and_comments(const char *d, size_t len, size_t i)
{
	for (;;) {
		while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n' || d[i] == '\f'))
			i++;
		if (i + 4 <= len && memcmp(d + i, "<!--", 4) == 0) {
			size_t j = i + 4;
			while (j + 3 <= len && memcmp(d + j, "-->", 3) != 0)
				j++;
			if (j + 3 > len)
				return len;
			i = j + 3;
			continue;
		}
		return i;
	}
}

/* Plausible GB18030: every non-ASCII byte is a lead byte with a valid trail. */
static bool looks_gb18030(const unsigned char *u, size_t len)
{
	size_t i = 0, pairs = 0;
	while (i < len) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		if (u[i] < 0x81 || u[i] == 0xFF)
			return false;
		if (i + 1 >= len)
			break; /* cut at the sample's end */
		unsigned char t = u[i + 1];
		if (t >= 0x30 && t <= 0x39) { /* four-byte form */
			if (i + 3 >= len)
				break;
			if (u[i + 2] < 0x81 || u[i + 2] == 0xFF || u[i + 3] < 0x30 || u[i + 3] > 0x39)
				return false;
			i += 4;
		} else if (t >= 0x40 && t <= 0xFE && t != 0x7F) {
			i += 2;
		} else {
			return false;
		}
		pairs++;
	}
	return pairs > 0;
}

/* UTF-8 validity of a sample that may end inside a character. */
static bool sample_utf8(const char *d, size_t len)
{
	size_t cut = len;
	/* back off a possibly truncated last character (at most 3 bytes) */
	for (size_t k = 0; k < 3 && cut > 0; k++) {
		unsigned char c = (unsigned char)d[cut - 1];
		if (c < 0x80)
			break;
		if (c >= 0xC0) {
			cut--;
			break;
		}
		cut--;
	}
	if (len - cut > 3)
		cut = len;
	return utf8_valid(d, cut);
}

/* UTF-8 with a few stray bytes: counts sequences that decode and bytes that do not. */
static bool mostly_utf8(const unsigned char *u, size_t len)
{
	size_t good = 0, bad = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = u[i];
		size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		bool ok = n > 0 && i + n <= len;
		for (size_t k = 1; ok && k < n; k++)
			ok = (u[i + k] & 0xC0) == 0x80;
		if (!ok) {
			if (n > 0 && i + n > len)
				break; /* cut at the sample's end */
			bad++;
			i++;
			continue;
		}
		good += n > 1;
		i += n;
	}
	return bad <= 8 + len / 100 && bad <= good + 16;
}

enum input_format sniff_format(const char *data, size_t len)
{
	if (!data || len == 0)
		return INPUT_UNKNOWN;
	size_t head = len < 1024 ? len : 1024;
	if (len >= 5 && contains(data, head, "%PDF-"))
		return INPUT_PDF;

	size_t i = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	i = skip_space_and_comments(data, len, i);
	const char *p = data + i;
	size_t rest = len - i;
	static const char *const opens[] = { "<!doctype html", "<html", "<head", "<body", "<table", "<meta", "<?xml" };
	for (size_t k = 0; k < sizeof opens / sizeof opens[0]; k++)
		if (starts_with_ci(p, rest, opens[k])) {
			if (k + 1 < sizeof opens / sizeof opens[0] || contains_ci(p, rest < 4096 ? rest : 4096, "<html"))
				return INPUT_HTML;
		}
	if (rest > 0 && p[0] == '<') {
		size_t probe = rest < 4096 ? rest : 4096;
		if (contains_ci(p, probe, "<html") || contains_ci(p, probe, "<table"))
			return INPUT_HTML;
	}

	size_t sample = len < 65536 ? len : 65536;
	size_t ctrl = 0;
	for (size_t k = 0; k < sample; k++) {
		unsigned char c = (unsigned char)data[k];
		if (c == 0)
			return INPUT_UNKNOWN;
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B)
			ctrl++;
	}
	if (ctrl * 100 > sample)
		return INPUT_UNKNOWN;
	if (sample_utf8(data, sample))
		return INPUT_TEXT;
	if (looks_gb18030((const unsigned char *)data, sample))
		return INPUT_TEXT;
	if (mostly_utf8((const unsigned char *)data, sample))
		return INPUT_TEXT;
	return INPUT_UNKNOWN;
}

bool sniff_gb18030(const char *data, size_t len)
{
	return data && looks_gb18030((const unsigned char *)data, len);
}

enum input_format sniff_format_name(const char *name)
{
	static const struct {
		const char *name;
		enum input_format format;
	} names[] = {
		{ "pdf", INPUT_PDF },   { "html", INPUT_HTML }, { "htm", INPUT_HTML },
		{ "text", INPUT_TEXT }, { "txt", INPUT_TEXT },  { "md", INPUT_TEXT },
		{ "markdown", INPUT_TEXT },
	};
	if (!name)
		return INPUT_UNKNOWN;
	size_t n = strlen(name);
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
		if (strlen(names[k].name) == n && starts_with_ci(name, n, names[k].name))
			return names[k].format;
	return INPUT_UNKNOWN;
}

const char *sniff_format_label(enum input_format format)
{
	switch (format) {
	case INPUT_PDF: return "pdf";
	case INPUT_HTML: return "html";
	case INPUT_TEXT: return "text";
	default: return "unknown";
	}
}
