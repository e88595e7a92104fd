#!/usr/bin/env bash
# Memory and time bounds on large and hostile inputs (make robust).
#
# Generates, in a temporary directory: a text and an HTML table of about
# 10 MB with thousands of columns, and two of about 10 MB with a hundred
# thousand rows, which must be read within LIMIT_SECONDS and
# LIMIT_KB of peak memory (measured with /usr/bin/time -v); jagged tables (one
# row thousands of cells wide over thousands of narrow rows: a grid quadratic
# in the input) and an HTML page of 2.1 million cells, which must be refused by
# the --max-cells limit, exit 3, with a
# message naming the file and the limit, within two fifths of LIMIT_KB; and a batch in which the
# refused input does not stop the next one.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
limit_kb=${LIMIT_KB:-500000}
limit_s=${LIMIT_SECONDS:-60}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
python3 - "$tmp" <<'PY'
import sys, random
d = sys.argv[1]
random.seed(7)
def amount():
    return "%d.%02d" % (random.randint(0, 9999), random.randint(0, 99))
def big_amount():
    return "%d.%02d" % (random.randint(1000000, 9999999), random.randint(0, 99))
cols, rows = 3000, 300
with open(d + "/wide.txt", "w") as f:
    f.write("收入决算表\n单位：万元\n")
    f.write("\t".join(["科目编码", "科目名称"] + ["收入%d" % i for i in range(cols)]) + "\n")
    for r in range(rows):
        f.write("\t".join(["201%02d" % (r % 100), "一般公共服务支出"] + [big_amount() for _ in range(cols)]) + "\n")
cols, rows = 4000, 220
with open(d + "/wide.html", "w") as f:
    f.write("<html><head><meta charset=utf-8></head><body><h1>收入决算表</h1><p>单位：万元</p><table>")
    f.write("<tr><td>科目编码<td>科目名称" + "".join("<td>收入%d" % i for i in range(cols)))
    for r in range(rows):
        f.write("<tr><td>201%02d<td>一般公共服务支出" % (r % 100) + "".join("<td>" + amount() for _ in range(cols)))
    f.write("</table></body></html>")
# tall: about 10 MB each, coded rows (the identity checks walk them all)
with open(d + "/tall.txt", "w") as f:
    f.write("收入决算表\n单位：万元\n科目编码\t科目名称\t本年收入合计\t财政拨款收入\t其他收入\t列6\t列7\t列8\t列9\t列10\n")
    for r in range(95000):
        f.write("\t".join(["201%04d" % (r % 10000), "一般公共服务支出%d" % r] + [big_amount() for _ in range(8)]) + "\n")
with open(d + "/tall.html", "w") as f:
    f.write("<html><meta charset=utf-8><h1>收入决算表</h1><p>单位：万元</p><table><tr><td>科目编码<td>科目名称<td>本年收入合计<td>财政拨款收入<td>其他收入")
    for r in range(130000):
        f.write("<tr><td>201%04d<td>一般公共服务支出%d" % (r % 10000, r) + "".join("<td>" + amount() for _ in range(3)))
# one row 4000 cells wide over 4000 two-cell rows: 16 million slots from 64 KB
with open(d + "/jagged.txt", "w") as f:
    f.write("收入决算表\n单位：万元\n科目编码\t科目名称" + "\t合计" * 4000 + "\n" + "201\t1.00\n" * 4000)
with open(d + "/jagged.html", "w") as f:
    f.write("<table><tr>" + "<td>a</td>" * 10000 + "</tr>" + "<tr><td>1</td><td>2</td></tr>" * 5000 + "</table>")
# 2 million short cells in 10 MB of text
with open(d + "/cells.txt", "w") as f:
    f.write("收入决算表\n单位：万元\n科目编码\t科目名称\t本年收入合计\t财政拨款收入\t其他收入\t列6\t列7\t列8\t列9\t列10\n")
    for r in range(199000):
        f.write("201%04d\t支出%d\t" % (r % 10000, r) + "\t".join(["1.5"] * 8) + "\n")
# 2.1 million <td> in 10.5 MB: refused before libxml2 builds a tree of them
with open(d + "/cells.html", "w") as f:
    f.write("<table>" + ("<tr>" + "<td>1" * 1000) * 2100 + "</table>")
with open(d + "/spans.html", "w") as f:
    f.write("<table>" + "<tr><td colspan=1000 rowspan=1000>a</td><td>1</td></tr>" * 5000 + "</table>")
PY

# measure NAME EXPECTED_EXIT [ARGS...]: runs the program, checks exit, time and peak memory
measure() {
	local name=$1 want=$2
	shift 2
	/usr/bin/time -v "$bin" -q "$@" >"$tmp/out" 2>"$tmp/err"
	local got=$?
	local kb s
	kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/err")
	s=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/err" | awk -F: '{ t = 0; for (i = 1; i <= NF; i++) t = t * 60 + $i; print t }')
	local input=${*: -1}
	echo "limits: $name ($(($(stat -c %s "$input") / 1000)) KB): exit $got, ${kb} KB, ${s} s"
	if [ "$got" != "$want" ]; then
		echo "FAIL $name: exit $got, expected $want"; head -3 "$tmp/err"; fail=1
	fi
	if [ -z "$kb" ] || [ "$kb" -gt "$limit_kb" ]; then
		echo "FAIL $name: peak memory ${kb} KB over ${limit_kb} KB"; fail=1
	fi
	if awk -v s="$s" -v l="$limit_s" 'BEGIN { exit !(s > l) }'; then
		echo "FAIL $name: ${s} s over ${limit_s} s"; fail=1
	fi
}

measure wide-text 0 "$tmp/wide.txt"
grep -q '收入2999' "$tmp/out" || { echo "FAIL wide-text: the last column is missing"; fail=1; }
measure wide-html 0 "$tmp/wide.html"
grep -q '收入3999' "$tmp/out" || { echo "FAIL wide-html: the last column is missing"; fail=1; }
measure tall-text 0 "$tmp/tall.txt"
measure tall-html 0 "$tmp/tall.html"
for f in jagged.txt jagged.html spans.html cells.txt cells.html; do
	limit_kb=$((limit_kb * 2 / 5)) measure "$f" 3 "$tmp/$f"
	grep -q "cannot read '$tmp/$f': .*more than 1000000 cells (the --max-cells limit)" "$tmp/err" ||
		{ echo "FAIL $f: no message naming the file and the limit"; head -3 "$tmp/err"; fail=1; }
done

# --max-cells: the input over it is refused, named, and the batch goes on
printf '收入决算表\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t1.00\n' >"$tmp/small.txt"
"$bin" -q --ndjson --max-cells 100 "$tmp/wide.txt" "$tmp/small.txt" >"$tmp/out" 2>"$tmp/err"
got=$?
[ "$got" = 3 ] || { echo "FAIL max-cells batch: exit $got, expected 3"; fail=1; }
grep -q "cannot read '$tmp/wide.txt': its tables hold more than 100 cells (the --max-cells limit)" "$tmp/err" ||
	{ echo "FAIL max-cells batch: message"; cat "$tmp/err"; fail=1; }
[ "$(grep -c '"format"' "$tmp/out")" = 1 ] && grep -q small.txt "$tmp/out" ||
	{ echo "FAIL max-cells batch: the next input was not converted"; fail=1; }
"$bin" -q --max-cells 0 "$tmp/small.txt" >/dev/null 2>&1
[ $? = 2 ] || { echo "FAIL max-cells 0: not a usage error"; fail=1; }

[ $fail = 0 ] && echo "limits: passed"
exit $fail
