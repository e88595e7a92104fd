#!/usr/bin/env bash
# The output formats end to end (tests/formats/formats.py): the format taken
# from the -o extension, several inputs as one JSON array, and each emitter
# read back and checked against figures read off the source pages; then
# `disclex batch` over a tree with failing inputs (tests/formats/batch.py);
# the database copied into a PostgreSQL server (tests/formats/postgres.py).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(dirname "$0")
fail=0
python3 "$here/formats.py" "$bin" || fail=1
python3 "$here/batch.py" "$bin" || fail=1
python3 "$here/postgres.py" "$bin" || fail=1
exit $fail
