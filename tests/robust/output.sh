#!/usr/bin/env bash
# -o: never over an input, and replaced atomically (cli/output.c).
#   - `-o x x`, `-o ./y x` with y a hard link of x: exit 2, a message, x unchanged;
#   - a run killed (SIGKILL, SIGTERM) while it writes leaves the old file intact
#     (and SIGTERM leaves no temporary file behind);
#   - a run that cannot write (file size limit: exit 4) leaves the old file intact;
#   - a run that succeeds replaces the file and keeps its mode.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
mini=$root/tests/data/golden/mini.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fail=0
no() { echo "FAIL output: $*"; fail=1; }

printf 'old\n' >x
ln x y
"$bin" -o x x 2>err; got=$?
[ $got = 2 ] || no "-o x x: exit $got, expected 2"
grep -q "output 'x' is the input 'x'; not writing over it" err || no "-o x x: message: $(cat err)"
"$bin" -o ./y "$mini" x 2>err; got=$?
[ $got = 2 ] || no "-o ./y (a hard link of x) x: exit $got, expected 2"
grep -q "output './y' is the input 'x'" err || no "-o ./y x: message: $(cat err)"
[ "$(cat x)" = old ] || no "-o x x: x changed"

# A long batch: small inputs written first, then a large one still being read.
python3 - <<'PY'
cols, rows = 3000, 300
with open("large.txt", "w") as f:
    f.write("收入决算表\n单位：万元\n")
    f.write("\t".join(["科目编码", "科目名称"] + ["收入%d" % i for i in range(cols)]) + "\n")
    for r in range(rows):
        f.write("\t".join(["201%02d" % (r % 100), "一般公共服务支出"] + ["%d.25" % (r * 7 + i) for i in range(cols)]) + "\n")
PY
for sig in KILL TERM; do
	printf 'old\n' >out.json
	"$bin" -q -o out.json "$mini" "$mini" "$mini" large.txt large.txt large.txt 2>/dev/null &
	pid=$!
	sleep 1
	kill -$sig $pid 2>/dev/null || no "SIG$sig: the run ended before it was killed (make large.txt larger)"
	wait $pid 2>/dev/null
	[ "$(cat out.json)" = old ] || no "SIG$sig during the write: out.json changed"
	if [ $sig = TERM ] && ls -A | grep -q '^\.out\.json\.'; then
		no "SIGTERM left a temporary file"
	fi
	rm -f .out.json.*
done

# Cannot write (exit 4): the old file stays.
printf 'old\n' >out.json
(ulimit -f 1; trap '' XFSZ; exec "$bin" -q -o out.json large.txt) 2>err; got=$?
[ $got = 4 ] || no "over the file size limit: exit $got, expected 4 ($(cat err))"
[ "$(cat out.json)" = old ] || no "exit 4: out.json changed"
ls -A | grep -q '^\.out\.json\.' && no "exit 4 left a temporary file"

# Success: replaced, mode kept.
chmod 640 out.json
"$bin" -q -o out.json "$mini"; got=$?
[ $got = 0 ] || no "-o out.json mini.txt: exit $got"
cmp -s out.json <("$bin" -q "$mini") || no "out.json is not the output"
[ "$(stat -c %a out.json)" = 640 ] || no "mode not kept: $(stat -c %a out.json)"
[ $fail = 0 ] && echo "output: passed"
exit $fail
