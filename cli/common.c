/*
 * common: what the disclex command and `disclex batch` share.  See common.h.
 */
#include "cli/common.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "core/error.h"
#include "core/model.h"
#include "core/sbuf.h"
#include "include/disclex.h"

/*
 * Prints one diagnostic on stderr.  File names and document text may hold
 * control bytes (an escape sequence, a newline) or bytes that are not UTF-8:
 * those are written as \xHH, so a message is one line and cannot drive the
 * terminal.  The closing newline of the format is kept.
 */
void cli_say(const char *fmt, ...)
{
	char buf[8192];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	size_t len = (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1;
	bool newline = len && buf[len - 1] == '\n';
	if (newline)
		len--;
	sbuf out = SBUF_INIT;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)buf[i];
		uint32_t cp;
		size_t k = c < 0x80 ? 1 : utf8_decode(buf + i, len - i, &cp);
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && cp == 0xFFFD && !(k == 3 && memcmp(buf + i, "\xEF\xBF\xBD", 3) == 0))) {
			sbuf_addf(&out, "\\x%02X", c);
			i++;
			continue;
		}
		sbuf_add(&out, buf + i, k);
		i += k;
	}
	if (newline)
		sbuf_addch(&out, '\n');
	fwrite(out.buf, 1, out.len, stderr);
	sbuf_release(&out);
}

void cli_option_error(const char *sub, int c, char *const argv[], int optind)
{
	const char *sep = sub ? ": " : "", *name = sub ? sub : "", *space = sub ? " " : "";
	if (c == ':')
		cli_say("disclex: %s%soption '%s' needs a value\n", name, sep, argv[optind - 1]);
	else
		cli_say("disclex: %s%sunknown option '%s'\n", name, sep, argv[optind - 1]);
	fprintf(stderr, "Try 'disclex%s%s --help' for more information.\n", space, name);
}

/* Says that target cannot be written, with strerror(code) lowercased as every message here is. */
void cli_report_write_error(const char *target, int code)
{
	char reason[256];
	snprintf(reason, sizeof reason, "%s", strerror(code));
	if (reason[0] >= 'A' && reason[0] <= 'Z')
		reason[0] = (char)(reason[0] - 'A' + 'a');
	cli_say("disclex: cannot write '%s': %s\n", target, reason);
}

bool cli_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

struct dx_schemas *cli_load_schemas(const char *given)
{
	dx_error err;
	dx_schemas *schemas = dx_schemas_load(given, &err);
	if (!schemas && err.code == DX_ENOSCHEMAS)
		cli_say("disclex: %s; give --schemas DIR\n", err.message);
	else if (!schemas)
		cli_say("disclex: %s\n", err.message);
	return schemas;
}

/* A positive count ("1000000") into *out; false when malformed or 0. */
bool cli_parse_count(const char *s, size_t *out)
{
	size_t v = 0;
	const char *p = s;
	while (*p >= '0' && *p <= '9') {
		if (v > (SIZE_MAX - 9) / 10)
			return false;
		v = v * 10 + (size_t)(*p++ - '0');
	}
	if (p == s || *p != '\0' || v == 0)
		return false;
	*out = v;
	return true;
}

/* Seconds with up to three decimals ("30", "0.5") into milliseconds; false when malformed. */
static bool parse_seconds(const char *s, long *ms)
{
	long whole = 0, frac = 0;
	int digits = 0, frac_digits = 0;
	const char *p = s;
	while (*p >= '0' && *p <= '9' && whole < 1000000) {
		whole = whole * 10 + (*p++ - '0');
		digits++;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9' && frac_digits < 3) {
			frac = frac * 10 + (*p++ - '0');
			frac_digits++;
		}
	}
	if (*p != '\0' || (digits == 0 && frac_digits == 0))
		return false;
	while (frac_digits++ < 3)
		frac *= 10;
	*ms = whole * 1000 + frac;
	return *ms > 0;
}

bool cli_parse_timeout(const char *sub, const char *s, long *ms)
{
	if (parse_seconds(s, ms))
		return true;
	cli_say("disclex: %s%sbad timeout '%s' (seconds, e.g. 30 or 0.5)\n", sub ? sub : "", sub ? ": " : "", s);
	return false;
}

int cli_fork_piped(int *fd)
{
	int fds[2];
	if (pipe(fds) < 0)
		return -1;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	close(fds[pid == 0 ? 0 : 1]);
	*fd = fds[pid == 0 ? 1 : 0];
	return (int)pid;
}
