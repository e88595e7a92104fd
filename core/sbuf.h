/*
 * sbuf: the one growable string type.
 *
 * Never NULL, always NUL-terminated (an empty sbuf points at a static ""),
 * with a size cap: input is hostile, so appends past `cap` bytes are dropped
 * and `truncated` is set instead of growing without bound.  The caller owns
 * the heap memory and releases it with sbuf_release(), or takes it with
 * sbuf_detach(); sbuf_attach() hands a malloc'd string to an sbuf.
 */
#ifndef DX_SBUF_H
#define DX_SBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sbuf {
	char *buf;
	size_t len;
	size_t alloc;
	size_t cap;
	bool truncated;
} sbuf;

#define SBUF_DEFAULT_CAP ((size_t)1 << 30)
#define SBUF_INIT { (char *)sbuf_empty, 0, 0, SBUF_DEFAULT_CAP, false }

extern const char sbuf_empty[1];

void sbuf_init(sbuf *sb, size_t cap);
void sbuf_release(sbuf *sb);
char *sbuf_detach(sbuf *sb, size_t *len);
/* sb takes s (malloc'd, len bytes and a NUL) and appends it: an empty sb keeps s
   itself, without a copy; s is freed either way. */
void sbuf_attach(sbuf *sb, char *s, size_t len);
void sbuf_reset(sbuf *sb);
void sbuf_add(sbuf *sb, const void *data, size_t len);
void sbuf_addstr(sbuf *sb, const char *s);
void sbuf_addch(sbuf *sb, char c);
void sbuf_add_utf8(sbuf *sb, uint32_t cp);
void sbuf_addf(sbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_setlen(sbuf *sb, size_t len);
/* Removes ASCII spaces, tabs and newlines from both ends. */
void sbuf_trim(sbuf *sb);

/* UTF-8 helpers shared by every stage. */
/* Decodes one code point at s (at most n bytes); returns bytes used (>=1), *cp = U+FFFD when invalid. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encodes cp into out (4 bytes room); returns bytes written. */
size_t utf8_encode(uint32_t cp, char *out);
bool utf8_valid(const char *s, size_t n);

#endif
