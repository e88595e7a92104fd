/*
 * fuzz_schema: libFuzzer harness for the schema loader.  Each input is
 * written as the one schema file of a private directory beside the
 * repository's grammar (schemas/schema.rng, linked in once), then loaded with
 * schema_set_load: parsed by libxml2, validated by RELAX NG and turned into
 * the in-memory set, or refused with an error.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "map/schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[PATH_MAX];
static char file[PATH_MAX + 16];

static void setup(void)
{
	char rng[PATH_MAX], link_path[PATH_MAX + 16];
	const char *src = getenv("DISCLEX_SCHEMAS");
	if (!realpath(src && *src ? src : "schemas", rng)) {
		fprintf(stderr, "fuzz_schema: run from the repository (schemas/ not found)\n");
		abort();
	}
	strncat(rng, "/schema.rng", sizeof rng - strlen(rng) - 1);
	snprintf(dir, sizeof dir, "%s/disclex-fuzz-schema-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(dir))
		abort();
	snprintf(link_path, sizeof link_path, "%s/schema.rng", dir);
	if (symlink(rng, link_path) != 0)
		abort();
	snprintf(file, sizeof file, "%s/fuzz.xml", dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir[0])
		setup();
	FILE *f = fopen(file, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	error err = { 0 };
	schema_set *set = schema_set_load(dir, &err);
	if (set)
		schema_set_free(set);
	else if (!err.message[0])
		abort(); /* a refusal must say why */
	return 0;
}
