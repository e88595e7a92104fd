/*
 * encoding: legacy encodings to UTF-8 with ICU's converters.
 *
 * GB2312 and GBK pages are read as GB18030 (a superset that decodes both);
 * ICU's default callback turns every malformed byte sequence into U+FFFD, so
 * hostile input converts without error.  The conversion runs in chunks
 * through ucnv_convertEx, so memory stays proportional to the input.
 */
#include "normalize/encoding.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>

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
