#!/usr/bin/env bash
# Runs every tests/robust/*.sh (but this one) against BINARY: limits, output,
# CSV safety, hostile names and encodings.  Each script prints its FAIL lines
# and exits non-zero on failure.
set -u
bin=${1:?usage: run.sh BINARY}
here=$(cd "$(dirname "$0")" && pwd)
fail=0
for t in "$here"/*.sh; do
	[ "$(basename "$t")" = run.sh ] && continue
	"$t" "$bin" || { echo "FAIL $(basename "$t")"; fail=1; }
done
exit $fail
