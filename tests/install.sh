#!/usr/bin/env bash
# The installed program on its own.  `make install` into a staging directory
# (DESTDIR, PREFIX); the installed tree moved elsewhere; the moved program,
# run from a directory with no schemas in it and without $DISCLEX_SCHEMAS,
# must map the sample's tables (schema ids in its output, as read off the
# sample's pages: its nine standard budget tables) and name its version in
# source.generator; so must a symbolic link to it from another directory.
# The manual page and the bash completion are installed.  With its schemas
# taken away the program must say so and exit 2, writing nothing on stdout.
# `make uninstall` must leave no installed file behind.
#
# Usage: tests/install.sh   (from make install-check; prints 'N passed, N failed')
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
make=${MAKE:-make}
sample=$root/corpus/sample/putuo-justice-2026-budget.pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISCLEX_SCHEMAS
pass=0 fail=0
check() { # description, then a command that must succeed
	local what=$1
	shift
	if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL install: $what"; fi
}

# The sample's nine standard tables, each claimed by its budget schema (titles read on its pages).
nine="budget.summary budget.income budget.expenditure budget.fiscal_summary budget.general_expenditure
budget.fund budget.capital budget.basic_detail budget.three_public"
maps_sample() { # program: its JSON for the sample claims each of the nine exactly once
	"$1" -q "$sample" >"$tmp/out.json" 2>"$tmp/err" || { cat "$tmp/err"; return 1; }
	local got
	got=$(python3 -c 'import json,sys; print(" ".join(sorted(t["schema"] for t in json.load(sys.stdin)["tables"] if t["schema"])))' \
		<"$tmp/out.json") || return 1
	[ "$got" = "$(echo $nine | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//')" ] ||
		{ echo "schemas claimed: $got"; return 1; }
}
names_version() { # program
	local version
	version=$("$1" --version) || return 1
	grep -qF "\"generator\": \"$version\"" "$tmp/out.json"
}

if ! $make -s -C "$root" install DESTDIR="$tmp/stage" PREFIX=/opt/disclex >"$tmp/log" 2>&1; then
	cat "$tmp/log"
	echo "FAIL install: make install"
	echo "install: 0 passed, 1 failed"
	exit 1
fi
mv "$tmp/stage/opt/disclex" "$tmp/moved"
mkdir "$tmp/elsewhere" "$tmp/links"
cd "$tmp/elsewhere" || exit 1
bin=$tmp/moved/bin/disclex

check "installed files" test -x "$bin" -a -f "$tmp/moved/share/disclex/schemas/schema.rng" \
	-a -f "$tmp/moved/share/man/man1/disclex.1" -a -f "$tmp/moved/share/bash-completion/completions/disclex"
check "the moved program maps the sample's nine tables" maps_sample "$bin"
check "the moved program names its version in source.generator" names_version "$bin"
ln -s "$bin" "$tmp/links/disclex"
check "a symbolic link to the moved program maps the sample" maps_sample "$tmp/links/disclex"

rm -r "$tmp/moved/share/disclex/schemas"
"$bin" "$sample" >"$tmp/out" 2>"$tmp/err"
code=$?
check "without schemas: exit 2 (got $code)" test "$code" = 2
check "without schemas: nothing on stdout" test ! -s "$tmp/out"
check "without schemas: a message says so" grep -q "^disclex: no table schemas found" "$tmp/err"
mkdir "$tmp/moved/share/disclex/schemas"
"$bin" "$sample" >"$tmp/out" 2>"$tmp/err"
code=$?
check "empty schema directory: exit 2 (got $code)" test "$code" = 2
check "empty schema directory: a message says so" grep -q "^disclex: cannot load schemas: " "$tmp/err"

$make -s -C "$root" install DESTDIR="$tmp/again" PREFIX=/usr/local >/dev/null 2>&1 &&
	$make -s -C "$root" uninstall DESTDIR="$tmp/again" PREFIX=/usr/local >/dev/null 2>&1
check "make uninstall leaves no file" test -d "$tmp/again" -a -z "$(find "$tmp/again" -type f -o -type l)"

echo "install: $pass passed, $fail failed"
[ "$fail" = 0 ]
