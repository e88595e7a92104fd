/*
 * sbuf: growable, capped, NUL-terminated strings; UTF-8 helpers.  See sbuf.h.
 */
#include "core/sbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char sbuf_empty[1] = "";

void sbuf_init(sbuf *sb, size_t cap)
{
	sb->buf = (char *)sbuf_empty;
	sb->len = 0;
	sb->alloc = 0;
	sb->cap = cap ? cap : SBUF_DEFAULT_CAP;
	sb->truncated = false;
}

void sbuf_release(sbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	sbuf_init(sb, sb->cap);
}

char *sbuf_detach(sbuf *sb, size_t *len)
{
	char *out;
	if (sb->alloc) {
		out = sb->buf;
	} else {
		out = malloc(1);
		if (!out)
			abort();
		out[0] = '\0';
	}
	if (len)
		*len = sb->len;
	size_t cap = sb->cap;
	sbuf_init(sb, cap);
	return out;
}

void sbuf_attach(sbuf *sb, char *s, size_t len)
{
	if (sb->len == 0 && len <= sb->cap) {
		if (sb->alloc)
			free(sb->buf);
		sb->buf = s;
		sb->len = len;
		sb->alloc = len + 1;
		return;
	}
	sbuf_add(sb, s, len);
	free(s);
}

void sbuf_reset(sbuf *sb)
{
	sbuf_setlen(sb, 0);
	sb->truncated = false;
}

static bool sbuf_reserve(sbuf *sb, size_t extra)
{
	if (extra > sb->cap || sb->len > sb->cap - extra) {
		sb->truncated = true;
		return false;
	}
	size_t need = sb->len + extra + 1;
	if (need <= sb->alloc)
		return true;
	size_t alloc = sb->alloc ? sb->alloc : 64;
	while (alloc < need)
		alloc *= 2;
	char *p = sb->alloc ? realloc(sb->buf, alloc) : malloc(alloc);
	if (!p) {
		fputs("disclex: out of memory\n", stderr);
		abort();
	}
	if (!sb->alloc)
		p[0] = '\0';
	sb->buf = p;
	sb->alloc = alloc;
	return true;
}

void sbuf_add(sbuf *sb, const void *data, size_t len)
{
	if (!len || !sbuf_reserve(sb, len))
		return;
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void sbuf_addstr(sbuf *sb, const char *s)
{
	sbuf_add(sb, s, strlen(s));
}

void sbuf_addch(sbuf *sb, char c)
{
	sbuf_add(sb, &c, 1);
}

void sbuf_add_utf8(sbuf *sb, uint32_t cp)
{
	char tmp[4];
	sbuf_add(sb, tmp, utf8_encode(cp, tmp));
}

void sbuf_addf(sbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0 || !sbuf_reserve(sb, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

void sbuf_setlen(sbuf *sb, size_t len)
{
	if (!sb->alloc || len > sb->len)
		return;
	sb->len = len;
	sb->buf[len] = '\0';
}

void sbuf_trim(sbuf *sb)
{
	size_t start = 0, end = sb->len;
	while (start < end && strchr(" \t\r\n", sb->buf[start]))
		start++;
	while (end > start && strchr(" \t\r\n", sb->buf[end - 1]))
		end--;
	if (!sb->alloc)
		return;
	memmove(sb->buf, sb->buf + start, end - start);
	sb->len = end - start;
	sb->buf[sb->len] = '\0';
}

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0) {
		*cp = 0xFFFD;
		return 0;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	size_t len;
	uint32_t c, min;
	if ((u[0] & 0xE0) == 0xC0) {
		len = 2; c = u[0] & 0x1F; min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		len = 3; c = u[0] & 0x0F; min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		len = 4; c = u[0] & 0x07; min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (n < len) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return len;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && !(k == 3 && (unsigned char)s[i] == 0xEF))
			return false;
		i += k;
	}
	return true;
}
