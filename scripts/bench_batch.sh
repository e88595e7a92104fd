#!/usr/bin/env bash
# make bench-batch: `disclex batch` over the shared corpus (the PDF and HTML
# files of corpus/real in $DISCLEX_SHARED) copied COPIES times (default 10)
# into build/bench-batch: pages/s with --jobs 1, then with --jobs 2, and
# their ratio; then the --jobs 2 run again over the same tree and database
# (incremental: every file skipped) and the time it takes.
# Usage: scripts/bench_batch.sh ./disclex
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
copies=${COPIES:-10}
shared=${DISCLEX_SHARED:-../shared}
if [ ! -d "$shared/corpus/real" ]; then
	echo "skip bench-batch: needs the shared corpus, not found at $shared (\$DISCLEX_SHARED)"
	exit 0
fi
dir=build/bench-batch
rm -rf "$dir"
mkdir -p "$dir/tree"
for i in $(seq "$copies"); do
	mkdir "$dir/tree/$i"
	cp "$shared"/corpus/real/*.pdf "$shared"/corpus/real/*.html "$dir/tree/$i/"
done
rate() { # the pages/s of a summary line
	sed -n 's/.* pages in \([0-9.]*\) s (\([0-9.]*\) pages\/s).*/\2/p' | tail -1
}
echo "bench-batch: $(find "$dir/tree" -type f | wc -l) files ($copies copies of $shared/corpus/real)"
one=$("$bin" batch -q --jobs 1 --timeout 600 --db "$dir/one.db" "$dir/tree" 2>&1 >/dev/null | tee "$dir/one.log" | rate)
echo "bench-batch: --jobs 1: $one pages/s"
two=$("$bin" batch -q --jobs 2 --timeout 600 --db "$dir/two.db" "$dir/tree" 2>&1 >/dev/null | tee "$dir/two.log" | rate)
echo "bench-batch: --jobs 2: $two pages/s ($(echo "scale=2; $two / $one" | bc)x --jobs 1; the bar: 1.7x)"
start=$(date +%s.%N)
"$bin" batch -q --jobs 2 --db "$dir/two.db" "$dir/tree" 2>"$dir/again.log" >/dev/null || true
end=$(date +%s.%N)
echo "bench-batch: the same tree again: $(echo "$end - $start" | bc | sed 's/^\./0./') s ($(grep -o '[0-9]* skipped' "$dir/again.log") ; the bar: under 2 s)"
