#!/usr/bin/env bash
# The installed program on its own.  `make install` into a staging directory
# (DESTDIR, PREFIX); the installed tree moved elsewhere; the moved program,
# run from a directory with no schemas in it and without $DISCLEX_SCHEMAS,
# must map the sample's tables (schema ids in its output, as read off the
# sample's pages: its nine standard budget tables) and name its version in
# source.generator; so must a symbolic link to it from another directory.
# The manual page and the bash completion are installed.  With its schemas
# taken away the program must say so and exit 2, writing nothing on stdout.
# The library: header, libdisclex.so (soname, only dx_ symbols exported),
# libdisclex.a (only dx_ symbols global) and disclex.pc; the example
# (examples/tables.c) built against the moved tree with `pkg-config --cflags
# --libs disclex`, and once more statically, lists the sample's tables with
# the totals printed on its pages, finding the schemas beside the library.
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

# The library, found through its pkg-config file in the moved tree.
lib=$tmp/moved/lib
version=$("$bin" --version | sed 's/^disclex //')
check "installed library files" test -f "$tmp/moved/include/disclex.h" -a -f "$lib/libdisclex.so.$version" \
	-a -L "$lib/libdisclex.so" -a -f "$lib/libdisclex.a" -a -f "$lib/pkgconfig/disclex.pc"
soname() { readelf -d "$lib/libdisclex.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p'; }
check "soname libdisclex.so.${version%%.*} (got $(soname))" test "$(soname)" = "libdisclex.so.${version%%.*}" \
	-a -e "$lib/$(soname)"
only_dx() { # nm output of defined global symbols: each begins with dx_ (DISCLEX_0: the version node)
	local others
	others=$(awk 'NF == 3 && $3 !~ /^dx_/ && $3 != "DISCLEX_0" { print $3 }')
	[ -z "$others" ] || { echo "exported beside dx_: $(echo $others | head -c 300)"; return 1; }
}
check "libdisclex.so exports only dx_ names" only_dx < <(nm -D --defined-only "$lib/libdisclex.so")
check "libdisclex.so exports dx_run" grep -q ' dx_run@@DISCLEX_0$' < <(nm -D --defined-only "$lib/libdisclex.so")
check "libdisclex.a defines only dx_ names globally" only_dx < <(nm -g --defined-only "$lib/libdisclex.a")
export PKG_CONFIG_PATH=$lib/pkgconfig
check "pkg-config --modversion disclex is $version" test "$(pkg-config --modversion disclex)" = "$version"
cp -r "$root/examples" "$tmp/examples"
# totals read off the sample's pages (pdftotext -layout, pages 10, 11, 13 and 20)
totals_of_sample() { # program: its listing of the sample
	"$1" "$sample" >"$tmp/tables.out" 2>"$tmp/tables.err" || { cat "$tmp/tables.err"; return 1; }
	local want
	for want in \
		"t01 p.10-10 budget.summary [元] 2026年部门财务收支预算总表" \
		"  收入总计 (p.10): amount=96282213.44" \
		"t02 p.11-11 budget.income [元] 2026年部门收入预算总表" \
		"  合计 (p.11): total=96282213.44 fiscal=96282213.44 business=0 operating=0 other=0" \
		"t03 p.12-13 budget.expenditure [元] 2026年部门支出预算总表" \
		"  合计 (p.13): total=96282213.44 basic=25741666.44 project=70540547" \
		"t08 p.19-20 budget.basic_detail [元] 2026年部门一般公共预算基本支出部门预算经济分类预算表" \
		"  合计 (p.20): total=25741666.44 personnel=23563342 public=2178324.44" \
		"$sample: disclex $version, 23 pages"; do
		grep -qxF -- "$want" "$tmp/tables.out" || { echo "missing: $want"; cat "$tmp/tables.out"; return 1; }
	done
	[ "$(grep -c '^t[0-9]' "$tmp/tables.out")" = 9 ] || { echo "not nine tables"; return 1; }
}
check "the example builds with pkg-config --cflags --libs disclex" \
	make -s -B -C "$tmp/examples" CFLAGS="-std=c99 -pedantic -Wall -Wextra -Werror -Wl,-rpath,$lib" tables
check "the example lists the sample's tables and totals" totals_of_sample "$tmp/examples/tables"
links_shared() { # program: it loads libdisclex.so from the moved tree
	ldd "$1" >"$tmp/ldd" 2>&1
	grep -qF "libdisclex.so.${version%%.*} => $lib/" "$tmp/ldd" || { cat "$tmp/ldd"; return 1; }
}
check "the example links the shared library" links_shared "$tmp/examples/tables"
cxx_links() { # a C++ program includes the header and calls the library (extern "C")
	printf '#include <disclex.h>\n#include <cstring>\nint main() { return std::strcmp(dx_version(), DX_VERSION) != 0; }\n' \
		>"$tmp/examples/version.cc"
	# shellcheck disable=SC2046
	"${CXX:-c++}" -Wall -Werror -o "$tmp/examples/version" "$tmp/examples/version.cc" \
		-Wl,-rpath,"$lib" $(pkg-config --cflags --libs disclex) && "$tmp/examples/version"
}
if command -v "${CXX:-c++}" >/dev/null; then
	check "a C++ program links the library" cxx_links
else
	echo "install: no C++ compiler; the C++ check is skipped"
fi
static_libs=$(pkg-config --static --libs disclex | sed 's/-ldisclex//')
# shellcheck disable=SC2086
check "the example links the static library" \
	cc -std=c99 -Wall -Werror -o "$tmp/examples/tables-static" "$tmp/examples/tables.c" \
	$(pkg-config --cflags disclex) "$lib/libdisclex.a" $static_libs
# a program linked statically has no library file to find the schemas beside: $DISCLEX_SCHEMAS says
DISCLEX_SCHEMAS=$tmp/moved/share/disclex/schemas check "the static example lists the sample's tables and totals" \
	totals_of_sample "$tmp/examples/tables-static"
unset PKG_CONFIG_PATH

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
	check "a second install puts the library in place" test -f "$tmp/again/usr/local/lib/pkgconfig/disclex.pc" &&
	$make -s -C "$root" uninstall DESTDIR="$tmp/again" PREFIX=/usr/local >/dev/null 2>&1
check "make uninstall leaves no file" test -d "$tmp/again" -a -z "$(find "$tmp/again" -type f -o -type l)"

echo "install: $pass passed, $fail failed"
[ "$fail" = 0 ]
