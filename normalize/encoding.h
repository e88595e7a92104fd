/*
 * encoding: bytes in a declared legacy encoding into UTF-8 (ICU converters).
 */
#ifndef DX_NORMALIZE_ENCODING_H
#define DX_NORMALIZE_ENCODING_H

#include <stddef.h>

/*
 * Converts len bytes of data from `encoding` (an ICU converter name or alias:
 * GB18030, GBK, GB2312, Big5, Shift_JIS, windows-1252, …) to UTF-8 in *out
 * (malloc'd, NUL-terminated; caller frees).  Malformed sequences become
 * U+FFFD.  Returns 0, or -1 when the encoding is unknown to ICU.
 */
int norm_transcode(const char *encoding, const char *data, size_t len, char **out, size_t *outlen);
/*
 * The charset ICU's detector (ucsdet, markup filtered out) reads data as:
 * its name (GB2312/GBK/GB18030 as GB18030) copied into buf, and its
 * confidence (0..100) in *confidence.  Returns buf, or NULL when nothing
 * was detected.
 */
const char *norm_detect_charset(const char *data, size_t len, char *buf, size_t cap, int *confidence);

#endif
