/*
 * pipeline: reading an input and handing one document model from stage to
 * stage:
 *
 *   read file ─▶ sha256 ─▶ sniff ─┬─ PDF: pdf_load ─▶ layout_lines
 *                                 │       ─▶ tables_recover ─▶ prose_blocks
 *                                 ├─ HTML: html_load ─▶ table_set_header
 *                                 └─ text: text_load ─▶ table_set_header
 *                              ─▶ identity_detect                  (pipeline_extract)
 *                              ─▶ map_document ─▶ ocr_check_tables (values read by OCR)
 *                              ─▶ facts_collect
 *                              ─▶ map_convert_unit (--unit)         (pipeline_map)
 *
 * A reader asks before it builds a table grid whether the document's tables
 * stay within opt->max_cells slots; a document that would not is refused
 * whole (no table is cut), which bounds every later stage, each linear in
 * the slots.
 * Each stage adds its layer to the model and none reaches back into an
 * earlier one's library.
 */
#include "pipeline/pipeline.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract/header.h"
#include "extract/html.h"
#include "extract/identity.h"
#include "extract/layout.h"
#include "extract/prose.h"
#include "extract/ocr.h"
#include "extract/tables.h"
#include "extract/text.h"
#include "map/facts.h"
#include "map/map.h"

static bool has_pdf_suffix(const char *path)
{
	size_t n = path ? strlen(path) : 0;
	return n > 4 && path[n - 4] == '.' && (path[n - 3] | 0x20) == 'p' && (path[n - 2] | 0x20) == 'd' &&
	       (path[n - 1] | 0x20) == 'f';
}

/* strerror() with a lowercase first letter, as every message here is. */
static void set_errno_error(error *err, int code)
{
	error_set(err, ERROR_INPUT, 0, "%s", strerror(code));
	if (err && err->message[0] >= 'A' && err->message[0] <= 'Z')
		err->message[0] = (char)(err->message[0] - 'A' + 'a');
}

int pipeline_read(const char *path, char **data, size_t *len, error *err)
{
	int fd = 0;
	bool is_stdin = strcmp(path, "-") == 0;
	if (!is_stdin) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			set_errno_error(err, errno);
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
			set_errno_error(err, errno);
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

/* The input's SHA-256, with OpenSSL's digest (hardware SHA where the CPU has it). */
void pipeline_sha256(const char *data, size_t len, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	out[0] = '\0';
	if (!EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) || n != 32)
		return;
	for (unsigned int i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

document *pipeline_extract(const char *path, const char *data, size_t len, const pipeline_options *opt, error *err)
{
	document *doc = doc_new(path);
	doc->max_cells = opt ? opt->max_cells : 0;
	pipeline_sha256(data, len, doc->sha256);
	if (len == 0) {
		error_set(err, ERROR_INPUT, 0, "empty file");
		doc_free(doc);
		return NULL;
	}
	enum input_format format = opt && opt->input_format != INPUT_UNKNOWN ? opt->input_format
	                                                                     : sniff_format(data, len);
	if (format != INPUT_PDF && (!opt || opt->input_format == INPUT_UNKNOWN) && has_pdf_suffix(path)) {
		error_set(err, ERROR_INPUT, 0, "not a PDF file (no %%PDF- header)");
		doc_free(doc);
		return NULL;
	}
	int rc;
	switch (format) {
	case INPUT_PDF:
		doc->media = "pdf";
		rc = pdf_load(doc, data, len, opt ? &opt->pdf : NULL, err);
		if (rc == 0) {
			layout_lines(doc);
			tables_recover(doc);
			prose_blocks(doc);
		}
		break;
	case INPUT_HTML:
		rc = html_load(doc, data, len, err);
		break;
	case INPUT_TEXT:
		rc = text_load(doc, data, len, err);
		break;
	default:
		error_set(err, ERROR_INPUT, 0, "not a PDF, HTML or text file");
		rc = -1;
	}
	if (rc == 0 && doc->over_limit) {
		error_set(err, ERROR_INPUT, 0, "its tables hold more than %zu cells (the --max-cells limit)",
		          doc->max_cells);
		rc = -1;
	}
	if (rc < 0) {
		doc_free(doc);
		return NULL;
	}
	if (format != INPUT_PDF)
		for (size_t i = 0; i < doc->tables.len; i++)
			table_set_header(doc, doc->tables.items[i]);
	identity_detect(doc);
	return doc;
}

int pipeline_map(document *doc, const pipeline_options *opt, error *err)
{
	if (opt && opt->schemas && map_document(doc, opt->schemas, err) < 0)
		return -1;
	ocr_check_tables(doc);
	if (opt && opt->facts)
		facts_collect(doc, opt->schemas);
	if (opt && opt->unit && map_convert_unit(doc, opt->unit, err) < 0)
		return -1;
	return 0;
}

document *pipeline_run(const char *path, const char *data, size_t len, const pipeline_options *opt, error *err)
{
	document *doc = pipeline_extract(path, data, len, opt, err);
	if (doc && pipeline_map(doc, opt, err) < 0) {
		doc_free(doc);
		return NULL;
	}
	return doc;
}
