/*
 * encoding: legacy encodings to UTF-8 with ICU's converters.
 *
 * GB2312 and GBK pages are read as GB18030 (a superset that decodes both);
 * ICU's default callback turns every malformed byte sequence into U+FFFD, so
 * hostile input converts without error.  The conversion runs in chunks
 * through ucnv_convertEx, so memory stays proportional to the input.
 *
 * Detection (a page whose declared charset does not match its bytes) is
 * ICU's ucsdet over the first 64 KiB with markup filtered out; its best
 * match is the answer, with its confidence for the caller to weigh.
 */
#include "normalize/encoding.h"

#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <stdio.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "core/sbuf.h"

static const char *canonical(const char *encoding)
{
	static const char *const gb[] = { "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "gb_2312-80", "euc-cn" };
	for (size_t i = 0; i < sizeof gb / sizeof *gb; i++)
		if (strcasecmp(encoding, gb[i]) == 0)
			return "GB18030";
	return encoding;
}

int norm_transcode(const char *encoding, const char *data, size_t len, char **out, size_t *outlen)
{
	UErrorCode status = U_ZERO_ERROR;
	UConverter *from = ucnv_open(canonical(encoding), &status);
	if (U_FAILURE(status))
		return -1;
	status = U_ZERO_ERROR;
	UConverter *to = ucnv_open("UTF-8", &status);
	if (U_FAILURE(status)) {
		ucnv_close(from);
		return -1;
	}
	sbuf sb;
	sbuf_init(&sb, len * 4 + 16);
	UChar pivot[1024];
	UChar *pivot_source = pivot, *pivot_target = pivot;
	char chunk[8192];
	const char *source = data, *limit = data + len;
	for (;;) {
		char *target = chunk;
		status = U_ZERO_ERROR;
		ucnv_convertEx(to, from, &target, chunk + sizeof chunk, &source, limit, pivot, &pivot_source,
		               &pivot_target, pivot + sizeof pivot / sizeof *pivot, false, true, &status);
		sbuf_add(&sb, chunk, (size_t)(target - chunk));
		if (status == U_BUFFER_OVERFLOW_ERROR)
			continue;
		break;
	}
	ucnv_close(from);
	ucnv_close(to);
	*out = sbuf_detach(&sb, outlen);
	return U_FAILURE(status) ? -1 : 0;
}

const char *norm_detect_charset(const char *data, size_t len, char *buf, size_t cap, int *confidence)
{
	*confidence = 0;
	if (!data || !len || !cap)
		return NULL;
	UErrorCode status = U_ZERO_ERROR;
	UCharsetDetector *det = ucsdet_open(&status);
	if (U_FAILURE(status))
		return NULL;
	ucsdet_enableInputFilter(det, true);
	ucsdet_setText(det, data, (int32_t)(len < 65536 ? len : 65536), &status);
	const UCharsetMatch *m = U_SUCCESS(status) ? ucsdet_detect(det, &status) : NULL;
	const char *name = m && U_SUCCESS(status) ? ucsdet_getName(m, &status) : NULL;
	const char *r = NULL;
	if (name && U_SUCCESS(status)) {
		*confidence = ucsdet_getConfidence(m, &status);
		snprintf(buf, cap, "%s", canonical(name));
		r = buf;
	}
	ucsdet_close(det);
	return r;
}
