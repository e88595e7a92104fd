#!/usr/bin/env bash
# Golden end-to-end cases: each line of cases.tsv is
#   name <TAB> expected exit code <TAB> arguments (split on spaces)
# and expected/NAME.stdout and expected/NAME.stderr, when present, must match
# byte for byte.  `run.sh BINARY --regen` rewrites the expected files from the
# program (read the diff before committing it).  VALGRIND=1 runs every case
# under valgrind and fails on any memory error.
#
# `$SHARED` in the arguments stands for the shared corpus ($DISCLEX_SHARED,
# default ../shared beside the repository); such a case is skipped, and says
# so, when that directory is absent.  In the program's output the corpus's
# place is written back as `$SHARED`, so expectations hold wherever it is.
set -u
bin=${1:?usage: run.sh BINARY [--regen]}
regen=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
shared=${DISCLEX_SHARED:-../shared}
shared_re=$(printf '%s' "$shared" | sed 's/[][\\.*^$/]/\\&/g')
pass=0 fail=0 skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
while IFS=$'\t' read -r name code args; do
	case "$name" in ''|'#'*) continue ;; esac
	uses_shared=
	case "$args" in
	*'$SHARED'*)
		if [ ! -d "$shared" ]; then
			echo "skip $name: needs the shared corpus, not found at $shared (\$DISCLEX_SHARED)"
			skipped=$((skipped + 1))
			continue
		fi
		args=${args//'$SHARED'/$shared} uses_shared=1 ;;
	esac
	wrap=()
	if [ -n "${VALGRIND:-}" ]; then
		wrap=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
		      --suppressions="$root/tests/valgrind.supp")
	fi
	# shellcheck disable=SC2086
	"${wrap[@]}" "$bin" $args >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ -z "$uses_shared" ] || sed -i "s/$shared_re/\$SHARED/g" "$tmp/out" "$tmp/err"
	if [ -n "$regen" ]; then
		cp "$tmp/out" "$here/expected/$name.stdout"
		cp "$tmp/err" "$here/expected/$name.stderr"
		[ -s "$here/expected/$name.stdout" ] || rm -f "$here/expected/$name.stdout"
		[ -s "$here/expected/$name.stderr" ] || rm -f "$here/expected/$name.stderr"
		continue
	fi
	ok=1
	if [ "$got" != "$code" ]; then
		echo "FAIL $name: exit $got, expected $code"; ok=0
	fi
	for stream in stdout stderr; do
		short=${stream#std}
		want="$here/expected/$name.$stream"
		if [ -f "$want" ]; then
			if ! cmp -s "$want" "$tmp/$short"; then
				echo "FAIL $name: $stream differs"; diff "$want" "$tmp/$short" | head -20; ok=0
			fi
		elif [ "$stream" = stderr ] && [ -s "$tmp/err" ] && [ -z "${VALGRIND:-}" ]; then
			echo "FAIL $name: unexpected stderr:"; head -5 "$tmp/err"; ok=0
		fi
	done
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done < "$here/cases.tsv"
[ -n "$regen" ] && { echo "expectations rewritten: review with git diff"; exit 0; }
echo "golden: $pass passed, $fail failed, $skipped skipped"
[ "$fail" = 0 ]
