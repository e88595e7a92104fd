#!/usr/bin/env bash
# The output formats end to end (tests/formats/formats.py): the format taken
# from the -o extension, several inputs as one JSON array, and each emitter
# read back and checked against figures read off the source pages.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
exec python3 "$(dirname "$0")/formats.py" "$bin"
