#!/usr/bin/env bash
# File names holding control bytes (an escape sequence, a newline) or bytes
# that are not UTF-8: escaped as \xHH in every message, so a message stays one
# line and cannot drive the terminal; in JSON the source path is a string with
# \u escapes (no raw control byte), and NDJSON stays one line per document.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fail=0
no() { echo "FAIL names: $*"; fail=1; }
raw_ctrl() { LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$1"; }

empty=$(printf 'e\033[2Jx\n.pdf')
: >"$empty"
"$bin" "$empty" 2>err; got=$?
[ $got = 3 ] || no "empty file: exit $got"
[ "$(wc -l <err)" = 1 ] || no "the message is not one line: $(cat -A err)"
raw_ctrl err && no "a raw control byte in the message: $(cat -A err)"
grep -qF "cannot read 'e\\x1B[2Jx\\x0A.pdf': empty file" err || no "message: $(cat -A err)"

text=$(printf 'n\033]0;title\007\377.txt')
cp "$root/tests/data/inputs/stray-byte.txt" "$text"
"$bin" --ndjson "$text" >out 2>err; got=$?
[ $got = 0 ] || no "text input: exit $got"
raw_ctrl err && no "a raw control byte in the warning: $(cat -A err)"
grep -qF "warning: encoding_invalid: 'n\\x1B]0;title\\x07\\xFF.txt': input is not valid UTF-8" err || no "warning: $(cat -A err)"
[ "$(wc -l <out)" = 1 ] || no "NDJSON is not one line"
raw_ctrl out && no "a raw control byte in the JSON"
python3 -c '
import json, sys
d = json.loads(open("out", encoding="utf-8").read())
p = d["source"]["path"]
sys.exit(0 if p.startswith("n\x1b]0;title\x07") else 1)' || no "JSON source path: $(head -c 120 out)"

"$bin" -o "$(printf '/nonexistent-dir/o\033x')" "$root/tests/data/golden/mini.txt" 2>err; got=$?
[ $got = 4 ] || no "-o into a missing directory: exit $got"
grep -qF "cannot write '/nonexistent-dir/o\\x1Bx'" err || no "-o message: $(cat -A err)"
[ $fail = 0 ] && echo "names: passed"
exit $fail
