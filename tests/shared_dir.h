/*
 * shared_dir: the larger corpus shared beside the repository (real PDFs, the
 * ICDAR set), for the tests that read it.  Its place is $DISCLEX_SHARED, else
 * ../shared (tests run from the repository root, and `make` exports the
 * same default).  Without that directory a test that needs it says on
 * standard output that it is skipped and skips; with it, a missing file
 * fails the test that reads it.
 */
#ifndef DX_TESTS_SHARED_DIR_H
#define DX_TESTS_SHARED_DIR_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* SHARED/rel in buf; skips the running test when SHARED is absent.  Include after cmocka.h. */
static const char *shared_file(char *buf, size_t size, const char *rel)
{
	const char *dir = getenv("DISCLEX_SHARED");
	if (!dir || !*dir)
		dir = "../shared";
	if (access(dir, X_OK) != 0) {
		printf("skipped: %s needs the shared corpus, not found at %s ($DISCLEX_SHARED)\n", rel, dir);
		skip();
	}
	snprintf(buf, size, "%s/%s", dir, rel);
	return buf;
}

#endif
