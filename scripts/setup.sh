#!/usr/bin/env bash
# Installs what disclex needs to build and test on Debian 12, when absent.
#   scripts/setup.sh [--browser]
# --browser adds what `make score-browser` needs beside: chromium to print the browser-made
# test documents (scripts/gen_browser.py) and two more CJK fonts for them.
set -euo pipefail
browser=no
for a in "$@"; do
	case $a in
	--browser) browser=yes ;;
	*) echo "usage: scripts/setup.sh [--browser]" >&2; exit 2 ;;
	esac
done
need=()
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v cc >/dev/null || need+=(gcc)
command -v make >/dev/null || need+=(make)
have_pc poppler-glib || need+=(libpoppler-glib-dev)
# poppler's core API (Gfx, OutputDev) for the vector paths of a page (extract/pdfpaths.cc)
[ -e /usr/include/poppler/Gfx.h ] || need+=(libpoppler-private-dev)
command -v c++ >/dev/null || need+=(g++)
have_pc cairo || need+=(libcairo2-dev)
have_pc icu-uc || need+=(libicu-dev)
have_pc libxml-2.0 || need+=(libxml2-dev)
have_pc cmocka || need+=(libcmocka-dev)
have_pc sqlite3 || need+=(libsqlite3-dev)
have_pc xlsxwriter || need+=(libxlsxwriter-dev)
have_pc libcrypto || need+=(libssl-dev)
# OCR of scanned pages (extract/ocr.c): Tesseract and its Chinese and English models
have_pc tesseract && have_pc lept || need+=(libtesseract-dev)
ls /usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-chi-sim)
ls /usr/share/tesseract-ocr/*/tessdata/eng.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-eng)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v python3 >/dev/null || need+=(python3)
# the independent test documents (scripts/gen_independent.py): reportlab, a CJK font, and
# poppler-data for the non-embedded STSong-Light font
python3 -c 'import reportlab' 2>/dev/null || [ -d /usr/lib/python3/dist-packages/reportlab ] ||
	need+=(python3-reportlab)
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need+=(fonts-wqy-zenhei)
[ -d /usr/share/poppler/cMap ] || need+=(poppler-data)
command -v valgrind >/dev/null || need+=(valgrind)
command -v bc >/dev/null || need+=(bc)
command -v unzip >/dev/null || need+=(unzip)
# the PostgreSQL round trip (tests/formats/postgres.py starts its own server on loopback)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v psql >/dev/null && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/time ] || need+=(time)
command -v groff >/dev/null || need+=(groff-base)
# make fuzz / fuzz-short: clang with libFuzzer and the sanitizer runtimes
command -v clang >/dev/null || need+=(clang)
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || need+=(libclang-rt-14-dev)
if [ $browser = yes ]; then
	command -v chromium >/dev/null || need+=(chromium)
	[ -d /usr/share/fonts/truetype/arphic ] || need+=(fonts-arphic-uming)
	[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
fi
if [ ${#need[@]} -gt 0 ]; then
	echo "setup: installing ${need[*]}" >&2
	SUDO=
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
