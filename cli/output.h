/*
 * output: the -o file, replaced atomically.  See output.c.
 */
#ifndef DX_CLI_OUTPUT_H
#define DX_CLI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef struct output_file output_file;
struct output_file {
	char *path; /* the file written or replaced (a symbolic link followed) */
	char *tmp;  /* the temporary file beside it; NULL when written in place */
	FILE *fp;
	bool reserved; /* output_reserve: written by name, not through fp */
	output_file *outer; /* the file open before this one (nested opens), or NULL */
};

/* The first of inputs[0..n) that is the file target names (same device and
 * inode, whatever the spelling), or -1.  "-" is never a file. */
int output_find_input(const char *target, char *const *inputs, int n);
/* Opens target for writing: a temporary file in its directory when target is
 * (or will be) a regular file, else target itself (a device, a pipe).
 * Returns the stream, or NULL with errno set. */
FILE *output_open(output_file *o, const char *target);
/* Like output_open, for a library that writes a file by its name: returns the
 * name to write (the temporary file, or target itself when written in place),
 * or NULL with errno set.  output_close then moves it over the target. */
const char *output_reserve(output_file *o, const char *target);
/* Closes the stream; when keep, moves the temporary file over the target
 * (after fsync), else removes it and leaves the target as it was.
 * Returns 0, or -1 with errno set (the target is then left as it was). */
int output_close(output_file *o, bool keep);

#endif
