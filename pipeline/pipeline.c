/*
 * pipeline: reading an input and handing one document model from stage to
 * stage:
 *
 *   read file ─▶ sha256 ─▶ PDF: pdf_load ─▶ layout_lines ─▶ tables_recover
 *                                  ─▶ layout_blocks ─▶ identity_detect
 *
 * Each stage adds its layer to the model and none reaches back into an
 * earlier one's library.
 */
#include "pipeline/pipeline.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract/identity.h"
#include "extract/layout.h"
#include "extract/tables.h"

int pipeline_read(const char *path, char **data, size_t *len, error *err)
{
	int fd = 0;
	bool is_stdin = strcmp(path, "-") == 0;
	if (!is_stdin) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			error_set(err, ERROR_INPUT, 0, "%s", strerror(errno));
			return -1;
		}
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		error_set(err, ERROR_INPUT, 0, "is a directory");
		if (!is_stdin)
			close(fd);
		return -1;
	}
	size_t cap = 1 << 16, n = 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		if ((unsigned long long)st.st_size > PIPELINE_MAX_INPUT) {
			error_set(err, ERROR_INPUT, 0, "file too large (over 1 GiB)");
			if (!is_stdin)
				close(fd);
			return -1;
		}
		cap = (size_t)st.st_size + 1;
	}
	char *buf = malloc(cap);
	if (!buf)
		abort();
	for (;;) {
		if (n == cap) {
			if (cap >= PIPELINE_MAX_INPUT) {
				free(buf);
				error_set(err, ERROR_INPUT, 0, "input too large (over 1 GiB)");
				if (!is_stdin)
					close(fd);
				return -1;
			}
			cap *= 2;
			char *p = realloc(buf, cap);
			if (!p)
				abort();
			buf = p;
		}
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			error_set(err, ERROR_INPUT, 0, "%s", strerror(errno));
			free(buf);
			if (!is_stdin)
				close(fd);
			return -1;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (!is_stdin)
		close(fd);
	*data = buf;
	*len = n;
	return 0;
}

static void set_sha256(document *doc, const char *data, size_t len)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	/* g_checksum_update takes a gssize: feed large inputs in pieces. */
	for (size_t off = 0; off < len;) {
		size_t piece = len - off > (1u << 30) ? (1u << 30) : len - off;
		g_checksum_update(sum, (const guchar *)data + off, (gssize)piece);
		off += piece;
	}
	snprintf(doc->sha256, sizeof doc->sha256, "%s", g_checksum_get_string(sum));
	g_checksum_free(sum);
}

document *pipeline_run(const char *path, const char *data, size_t len, const pipeline_options *opt, error *err)
{
	document *doc = doc_new(path);
	set_sha256(doc, data, len);
	if (len == 0) {
		error_set(err, ERROR_INPUT, 0, "empty file");
		doc_free(doc);
		return NULL;
	}
	doc->media = "pdf";
	if (pdf_load(doc, data, len, opt ? &opt->pdf : NULL, err) < 0) {
		doc_free(doc);
		return NULL;
	}
	layout_lines(doc);
	tables_recover(doc);
	layout_blocks(doc);
	identity_detect(doc);
	return doc;
}
