/*
 * arena: one memory pool per document.
 *
 * Everything a document owns (pages, glyphs, blocks, tables, strings) is
 * carved out of its arena and dies with it in arena_free(); no object in the
 * model is freed on its own.  Allocation bumps a pointer inside the current
 * chunk; a request that does not fit opens a new chunk (large requests get a
 * chunk of their own).  Memory is zeroed.  Out of memory aborts: the library
 * has no sensible way to go on without the model it is building.
 */
#ifndef DX_ARENA_H
#define DX_ARENA_H

#include <stddef.h>

typedef struct arena arena;

arena *arena_new(void);
void arena_free(arena *a);
void *arena_alloc(arena *a, size_t size);
void *arena_calloc(arena *a, size_t count, size_t size);
/* Grows an array living in the arena: returns a copy with room for new_count. */
void *arena_grow(arena *a, void *old, size_t old_count, size_t new_count, size_t size);
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t arena_bytes(const arena *a);

#endif
