/*
 * arena: bump allocation in chunks; see arena.h.
 */
#include "core/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CHUNK_SIZE = 64 * 1024, ALIGNMENT = 16 };

struct chunk {
	struct chunk *next;
	size_t size;
	size_t used;
	_Alignas(16) unsigned char data[];
};

struct arena {
	struct chunk *head;
	size_t total;
};

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);
	if (!p) {
		fputs("disclex: out of memory\n", stderr);
		abort();
	}
	return p;
}

arena *arena_new(void)
{
	return xcalloc(1, sizeof(arena));
}

void arena_free(arena *a)
{
	if (!a)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}

static struct chunk *chunk_new(size_t size)
{
	struct chunk *c = xcalloc(1, sizeof(struct chunk) + size);
	c->size = size;
	return c;
}

void *arena_alloc(arena *a, size_t size)
{
	if (size == 0)
		size = 1;
	if (size > SIZE_MAX / 2) {
		fputs("disclex: allocation too large\n", stderr);
		abort();
	}
	size = (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
	struct chunk *c = a->head;
	if (!c || c->size - c->used < size) {
		if (size > CHUNK_SIZE / 4) {
			/* A big block gets its own chunk, kept behind the current one. */
			struct chunk *big = chunk_new(size);
			big->used = size;
			if (c) {
				big->next = c->next;
				c->next = big;
			} else {
				a->head = big;
			}
			a->total += size;
			return big->data;
		}
		c = chunk_new(CHUNK_SIZE);
		c->next = a->head;
		a->head = c;
		a->total += CHUNK_SIZE;
	}
	void *p = c->data + c->used;
	c->used += size;
	return p;
}

void *arena_calloc(arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size) {
		fputs("disclex: allocation too large\n", stderr);
		abort();
	}
	return arena_alloc(a, count * size);
}

void *arena_grow(arena *a, void *old, size_t old_count, size_t new_count, size_t size)
{
	void *p = arena_calloc(a, new_count, size);
	if (old && old_count)
		memcpy(p, old, (old_count < new_count ? old_count : new_count) * size);
	return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return arena_strdup(a, "");
	char *p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

size_t arena_bytes(const arena *a)
{
	return a->total;
}
