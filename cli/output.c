/*
 * output: the -o file, replaced atomically.
 *
 *   1. Refuse to write over an input: target and every input are compared
 *      by device and inode (stat), so ./x, x and a hard link of x are one.
 *   2. A regular (or not yet existing) target is written to a temporary file
 *      made with mkstemp in the target's own directory (a symbolic link is
 *      followed to its file first), with the target's mode, or 0666 less
 *      the umask for a new file.
 *   3. On success: fflush, fsync, rename over the target; one step, so a
 *      reader sees the old file or the new one, never a part.  On failure
 *      (the run could not write, exit 4) the temporary file is removed and
 *      the target is left untouched.  SIGINT, SIGTERM and SIGHUP remove the
 *      temporary file before the process dies of the signal; a SIGKILL
 *      leaves it (named .NAME.XXXXXX) but still leaves the target intact.
 *      Files may be open one inside another (--wide's CSVs during -o): a
 *      signal removes every temporary file open.
 *   Devices and pipes (-o /dev/stdout, a FIFO) are written in place.
 *   4. A library that writes a file by name (libxlsxwriter) is given the
 *      temporary file's name (output_reserve); output_close then syncs and
 *      renames it the same way.
 */
#include "cli/output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary files a signal must remove (the innermost open, then the
 * files open around it), and the process that made them (a --timeout child
 * inherits the handler but owns none of them). */
static output_file *volatile pending;
static volatile pid_t pending_pid;

static void remove_pending(int sig)
{
	if (getpid() == pending_pid)
		for (output_file *o = pending; o; o = o->outer)
			if (o->tmp)
				unlink(o->tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

int output_find_input(const char *target, char *const *inputs, int n)
{
	struct stat out;
	if (stat(target, &out) != 0)
		return -1;
	for (int i = 0; i < n; i++) {
		struct stat in;
		if (strcmp(inputs[i], "-") != 0 && stat(inputs[i], &in) == 0 && in.st_dev == out.st_dev &&
		    in.st_ino == out.st_ino)
			return i;
	}
	return -1;
}

FILE *output_open(output_file *o, const char *target)
{
	memset(o, 0, sizeof *o);
	struct stat st;
	bool exists = stat(target, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		o->fp = fopen(target, "wb");
		return o->fp;
	}
	char *path = realpath(target, NULL);
	if (!path && !(path = strdup(target)))
		return NULL;
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	const char *base = slash ? slash + 1 : path;
	size_t need = dirlen + strlen(base) + 16;
	char *tmp = malloc(need);
	if (!tmp) {
		free(path);
		return NULL;
	}
	snprintf(tmp, need, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		free(path);
		errno = e;
		return NULL;
	}
	mode_t mode;
	if (exists) {
		mode = st.st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	fchmod(fd, mode);
	o->fp = fdopen(fd, "wb");
	if (!o->fp) {
		int e = errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		free(path);
		errno = e;
		return NULL;
	}
	o->path = path;
	o->tmp = tmp;
	o->outer = pending_pid == getpid() ? pending : NULL;
	pending_pid = getpid();
	pending = o;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = remove_pending;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	return o->fp;
}

const char *output_reserve(output_file *o, const char *target)
{
	FILE *fp = output_open(o, target);
	if (!fp)
		return NULL;
	if (!o->tmp) {
		/* a device or a pipe: a library writing by name writes there */
		fclose(fp);
		o->fp = NULL;
		return target;
	}
	if (fclose(fp) != 0) {
		int e = errno;
		o->fp = NULL;
		output_close(o, false);
		errno = e;
		return NULL;
	}
	o->fp = NULL;
	o->reserved = true;
	return o->tmp;
}

/* fsync of a file written by name (output_reserve). */
static int sync_path(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	int e = errno;
	close(fd);
	errno = e;
	return rc;
}

int output_close(output_file *o, bool keep)
{
	int rc = 0, e = 0;
	if (!o->fp && !o->reserved)
		return 0;
	if (o->fp) {
		if (fflush(o->fp) != 0 || (o->tmp && keep && fsync(fileno(o->fp)) != 0)) {
			rc = -1;
			e = errno;
		}
		if (fclose(o->fp) != 0 && rc == 0) {
			rc = -1;
			e = errno;
		}
	} else if (o->tmp && keep && sync_path(o->tmp) != 0) {
		rc = -1;
		e = errno;
	}
	o->fp = NULL;
	o->reserved = false;
	if (o->tmp) {
		if (keep && rc == 0 && rename(o->tmp, o->path) != 0) {
			rc = -1;
			e = errno;
		}
		if (!keep || rc != 0)
			unlink(o->tmp);
		if (pending == o)
			pending = o->outer;
		free(o->tmp);
		free(o->path);
		o->tmp = o->path = NULL;
	}
	if (rc != 0)
		errno = e;
	return rc;
}
