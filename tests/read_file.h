/*
 * read_file: a whole file into memory for the input tests (NUL-terminated,
 * its length in *len); a file that cannot be read fails the test.
 */
#ifndef DX_TESTS_READ_FILE_H
#define DX_TESTS_READ_FILE_H

#include <stdio.h>
#include <stdlib.h>

static char *read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		fail_msg("cannot open %s", path);
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *d = malloc((size_t)n + 1);
	assert_non_null(d);
	assert_int_equal(fread(d, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	d[n] = '\0';
	*len = (size_t)n;
	return d;
}

#endif
