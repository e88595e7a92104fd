#!/usr/bin/env bash
# make bench: disclex beside pdftotext -layout on the same PDFs in one run.
#   1. wall time over every PDF in $CORPUS (the machine's load average printed
#      before and after, since other work slows both tools), default the shared corpus/real of
#      $DISCLEX_SHARED (../shared beside the repository) (each tool run once per
#      file, three rounds each running both tools, the best round of each kept),
#      and the ratio disclex / pdftotext; the CPU time (user + system) of the
#      best rounds too, steadier than wall time on a machine shared with others;
#      disclex runs with --no-ocr, as pdftotext reads no scan: the time OCR of
#      the scanned pages takes is printed apart;
#   2. peak memory (max RSS) of disclex: on the largest file, the most over
#      every file, and over all the files read in one process, once and
#      twice over (flat when poppler and cairo caches do not grow), with OCR
#      of the scanned pages and with --no-ocr;
#   3. the normalizer micro-benchmark (cells per second).
set -euo pipefail
bin=${1:-./disclex}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${DISCLEX_SHARED:-$root/../shared}
corpus=${CORPUS:-$shared/corpus/real}
[ -d "$corpus" ] || { echo "bench: skipped, no corpus at $corpus (\$CORPUS, \$DISCLEX_SHARED)"; exit 0; }
build=${BUILD:-$root/build/default}
mapfile -t files < <(ls "$corpus"/*.pdf)
[ ${#files[@]} -gt 0 ] || { echo "bench: no PDFs in $corpus" >&2; exit 2; }
pages=0
for f in "${files[@]}"; do
	n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
	pages=$((pages + ${n:-0}))
done
now() { date +%s.%N; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
child_cpu() { # user + system seconds of the finished children of the shell that ran `times >"$tmp"`
	tail -1 "$tmp" | awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); s += p[1] * 60 + p[2] } print s }'
}
one_round() { # command...: "wall cpu" seconds of one pass over every file
	local t0 c0
	t0=$(now)
	times >"$tmp"
	c0=$(child_cpu)
	for f in "${files[@]}"; do "$@" "$f" >/dev/null 2>&1 || true; done
	times >"$tmp"
	echo "$(echo "$(now) - $t0" | bc -l) $(echo "$(child_cpu) - $c0" | bc -l)"
}
pdftotext_layout() { pdftotext -layout "$1" -; }
min() { if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc -l)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
max() { if [ -z "$1" ] || [ "$(echo "$2 > $1" | bc -l)" = 1 ]; then echo "$2"; else echo "$1"; fi; }
# Three rounds, each running both tools over every file, one after the other (a change
# of load on the shared machine falls on both); the best round of each is kept.
t_ref= w_ref= c_ref= t_dx= w_dx= c_dx=
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) # others' work on a shared machine slows both tools
for round in 1 2 3; do
	read -r t c < <(one_round pdftotext_layout)
	t_ref=$(min "$t_ref" "$t"); w_ref=$(max "$w_ref" "$t"); c_ref=$(min "$c_ref" "$c")
	read -r t c < <(one_round "$bin" -q --no-ocr)
	t_dx=$(min "$t_dx" "$t"); w_dx=$(max "$w_dx" "$t"); c_dx=$(min "$c_dx" "$c")
done
ratio=$(echo "$t_dx / $t_ref" | bc -l)
printf 'files: %d PDFs, %d pages; load average before: %s, after: %s (%d cores)\n' "${#files[@]}" "$pages" \
	"$load_before" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" "$(nproc 2>/dev/null || echo 0)"
printf 'pdftotext -layout: %.3f s (%.2f ms/page; slowest round %.3f s; CPU %.3f s)\n' "$t_ref" "$(echo "$t_ref * 1000 / $pages" | bc -l)" "$w_ref" "$c_ref"
printf 'disclex:           %.3f s (%.2f ms/page; slowest round %.3f s; CPU %.3f s)\n' "$t_dx" "$(echo "$t_dx * 1000 / $pages" | bc -l)" "$w_dx" "$c_dx"
printf 'time ratio disclex/pdftotext: %.2f (bar: at most 4; goal: 1.5); CPU time ratio: %.2f\n' "$ratio" "$(echo "$c_dx / $c_ref" | bc -l)"
t_ocr0=$(date +%s.%N)
for f in "${files[@]}"; do "$bin" -q "$f" >/dev/null 2>&1 || true; done
t_ocr=$(echo "$(date +%s.%N) - $t_ocr0 - $t_dx" | bc -l)
printf 'with OCR of scanned pages: %.3f s more\n' "$t_ocr"
largest=$(ls -S "${files[@]}" | head -1)
/usr/bin/time -f "%M" -o "$tmp" "$bin" -q "$largest" >/dev/null 2>&1 || true
rss=$(tail -1 "$tmp")
/usr/bin/time -f "%M" -o "$tmp" pdftotext -layout "$largest" - >/dev/null 2>&1 || true
rss_ref=$(tail -1 "$tmp")
printf 'peak memory on the largest file (%s): disclex %.1f MB, pdftotext %.1f MB (bar: under 300 MB; goal: 100 MB)\n' \
	"$(basename "$largest")" "$(echo "$rss / 1024" | bc -l)" "$(echo "$rss_ref / 1024" | bc -l)"
most=0 most_file=
for f in "${files[@]}"; do
	/usr/bin/time -f "%M" -o "$tmp" "$bin" -q "$f" >/dev/null 2>&1 || true
	m=$(tail -1 "$tmp")
	if [ "$m" -gt "$most" ]; then most=$m most_file=$f; fi
done
printf 'peak memory, the most of any one file: %.1f MB (%s)\n' "$(echo "$most / 1024" | bc -l)" "$(basename "$most_file")"
one_process() { # label, options...: max RSS reading every file in one process, once and twice over
	local label=$1 once twice
	shift
	/usr/bin/time -f "%M" -o "$tmp" "$bin" -q -f ndjson "$@" "${files[@]}" >/dev/null 2>&1 || true
	once=$(tail -1 "$tmp")
	/usr/bin/time -f "%M" -o "$tmp" "$bin" -q -f ndjson "$@" "${files[@]}" "${files[@]}" >/dev/null 2>&1 || true
	twice=$(tail -1 "$tmp")
	printf 'peak memory, every file in one process%s: %.1f MB; twice over: %.1f MB\n' \
		"$label" "$(echo "$once / 1024" | bc -l)" "$(echo "$twice / 1024" | bc -l)"
}
one_process " (with OCR)"
one_process " (--no-ocr)" --no-ocr
# Normalizer micro-benchmark.
cc -O2 -std=c11 -D_GNU_SOURCE -I"$root" -o "$build/bench_normalize" "$root/scripts/bench_normalize.c" \
	"$build/libdisclex.a" $(pkg-config --libs poppler-glib cairo icu-uc icu-i18n libxml-2.0 libcrypto) -lm
"$build/bench_normalize"
awk -v r="$ratio" -v m="$rss" 'BEGIN { exit !(r <= 4 && m < 300 * 1024) }' || { echo "bench: a bar is not met" >&2; exit 1; }
