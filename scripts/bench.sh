#!/usr/bin/env bash
# make bench: disclex beside pdftotext -layout on the same PDFs in one run.
#   1. wall time over every PDF in $CORPUS, default the shared corpus/real of
#      $DISCLEX_SHARED (../shared beside the repository) (each tool run once per
#      file, three rounds, the best round kept), and the ratio disclex / pdftotext;
#   2. peak memory (max RSS) of disclex on the largest file;
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
best_of() { # command... : best wall time of three rounds over all files
	local best=
	for round in 1 2 3; do
		local t0 t1
		t0=$(now)
		for f in "${files[@]}"; do "$@" "$f" >/dev/null 2>&1 || true; done
		t1=$(now)
		local t
		t=$(echo "$t1 - $t0" | bc -l)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
	done
	echo "$best"
}
pdftotext_layout() { pdftotext -layout "$1" -; }
t_ref=$(best_of pdftotext_layout)
t_dx=$(best_of "$bin" -q)
ratio=$(echo "$t_dx / $t_ref" | bc -l)
printf 'files: %d PDFs, %d pages\n' "${#files[@]}" "$pages"
printf 'pdftotext -layout: %.3f s (%.2f ms/page)\n' "$t_ref" "$(echo "$t_ref * 1000 / $pages" | bc -l)"
printf 'disclex:           %.3f s (%.2f ms/page)\n' "$t_dx" "$(echo "$t_dx * 1000 / $pages" | bc -l)"
printf 'time ratio disclex/pdftotext: %.2f (bar: at most 4)\n' "$ratio"
largest=$(ls -S "${files[@]}" | head -1)
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
/usr/bin/time -f "%M" -o "$tmp" "$bin" -q "$largest" >/dev/null 2>&1 || true
rss=$(tail -1 "$tmp")
/usr/bin/time -f "%M" -o "$tmp" pdftotext -layout "$largest" - >/dev/null 2>&1 || true
rss_ref=$(tail -1 "$tmp")
printf 'peak memory on the largest file (%s): disclex %.1f MB, pdftotext %.1f MB (bar: under 300 MB)\n' \
	"$(basename "$largest")" "$(echo "$rss / 1024" | bc -l)" "$(echo "$rss_ref / 1024" | bc -l)"
# Normalizer micro-benchmark.
cc -O2 -std=c11 -D_GNU_SOURCE -I"$root" -o "$build/bench_normalize" "$root/scripts/bench_normalize.c" \
	"$build/libdisclex.a" $(pkg-config --libs poppler-glib cairo icu-uc icu-i18n libxml-2.0 libcrypto) -lm
"$build/bench_normalize"
awk -v r="$ratio" -v m="$rss" 'BEGIN { exit !(r <= 4 && m < 300 * 1024) }' || { echo "bench: a bar is not met" >&2; exit 1; }
