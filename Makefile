# disclex build.  `make` builds ./disclex, `make check` runs every test,
# `make install` / `make uninstall` (PREFIX, DESTDIR) put it in place or take it away,
# `make SANITIZE=1 check` (or SANITIZE=address,undefined) under ASan+UBSan,
# `make valgrind` the unit and golden tests under valgrind, `make bench` the
# benchmarks beside pdftotext.

PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
# The library's version, from the public header (include/disclex.h); the soname
# carries its major number: libdisclex.so.MAJOR.
VERSION := $(shell sed -n 's/^\#define DX_VERSION "\(.*\)"/\1/p' include/disclex.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))
SONAME := libdisclex.so.$(SOMAJOR)
# The larger corpus shared beside the repository (real PDFs, ICDAR); the tests
# that read it skip, and say so, when it is absent.
DISCLEX_SHARED ?= ../shared
export DISCLEX_SHARED
# poppler (the core API, libpoppler-private-dev) for the vector paths of a page (extract/pdfpaths.cc)
PKGS := poppler-glib poppler cairo glib-2.0 icu-uc icu-i18n libxml-2.0 libcrypto xlsxwriter sqlite3
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# OCR of scanned pages (extract/ocr.c) when pkg-config finds Tesseract and Leptonica;
# without them the program is built all the same and says so on a scanned page.
# OCR=no builds without it even when they are there.
OCR ?= $(shell pkg-config --exists tesseract lept 2>/dev/null && echo yes || echo no)
ifeq ($(OCR),yes)
# Tesseract is loaded (dlopen) by its soname when a scanned page needs it, not linked:
# it brings some forty libraries, whose loading costs more than a short document's reading.
TESSERACT_SONAME := $(shell objdump -p $$(pkg-config --variable=libdir tesseract)/libtesseract.so 2>/dev/null | \
	awk '/SONAME/ {print $$2}')
PKG_CFLAGS += -DDX_HAVE_TESSERACT -DDX_TESSERACT_LIB='"$(or $(TESSERACT_SONAME),libtesseract.so)"' \
	$(shell pkg-config --cflags tesseract lept)
PKG_LIBS += -ldl
PC_LIBS_PRIVATE := -ldl
endif
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

CC ?= cc
CXX ?= c++
OPT ?= -O2
CFLAGS ?= $(OPT) -g
WARN := -Wall -Wextra -Wno-unused-parameter -Wstrict-prototypes -Wvla
ifneq ($(CI),)
WARN += -Werror
endif
# Every object is position independent (it goes into libdisclex.so too) and
# hides its symbols: only the dx_ functions of include/disclex.h, marked
# DX_API, are exported from the shared library.
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE -I. $(WARN) -fPIC -fvisibility=hidden $(CFLAGS) $(PKG_CFLAGS)
# The one C++ translation unit (extract/pdfpaths.cc, poppler's core API) behind a C interface.
# (Inline members of poppler's classes hidden like the rest, so that the static library
# shows only dx_ names; no vptr check under UBSan: its C++ runtime is not linked by the
# C compiler driver.)
ALL_CXXFLAGS := -std=c++17 -I. -Wall -Wextra -Wno-unused-parameter -fPIC -fvisibility=hidden $(CFLAGS) $(PKG_CFLAGS) \
	-fvisibility-inlines-hidden -fno-sanitize=vptr
LDLIBS := $(PKG_LIBS) -lstdc++ -lm

ifeq ($(SANITIZE),1)
override SANITIZE := address,undefined
endif
ifneq ($(SANITIZE),)
export LSAN_OPTIONS := suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
BUILD ?= build/sanitize
else
BUILD ?= build/default
endif

LIB_SRC := $(wildcard core/*.c extract/*.c normalize/*.c map/*.c emit/*.c pipeline/*.c)
LIB_CXX_SRC := $(wildcard extract/*.cc)
CLI_SRC := $(wildcard cli/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(LIB_CXX_SRC:%.cc=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
LIB := $(BUILD)/libdisclex.a
# The libraries others link: the shared one (only dx_ symbols exported, by
# visibility and the version script pipeline/disclex.map) and a static one
# made of one relocatable object whose symbols other than dx_ ones are made local
# (the hidden ones, and the inline members of poppler's classes extract/pdfpaths.cc
# instantiates), so that it too shows only dx_ names to the program linking it.  $(LIB) above is the
# internal archive the CLI, the tests and the fuzzers link, every symbol visible.
SHLIB := $(BUILD)/lib/libdisclex.so.$(VERSION)
PUBLIB := $(BUILD)/lib/libdisclex.a
PCFILE := $(BUILD)/lib/disclex.pc

.PHONY: lib inspect-check all check circles unit golden robust formats bench-batch score score-map real-checks valgrind bench clean setup regen install \
	uninstall install-check docs-check score-independent score-independent-dev independent-quick \
	score-browser score-browser-dev score-icdar icdar-selftest \
	fuzz fuzz-short fuzz-build fuzz-lib
.DELETE_ON_ERROR:

all: disclex lib

lib: $(SHLIB) $(PUBLIB) $(PCFILE)

$(SHLIB): $(LIB_OBJ) pipeline/disclex.map
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=pipeline/disclex.map -Wl,-z,defs \
	  -o $@ $(LIB_OBJ) $(LDLIBS)
	ln -sf $(notdir $@) $(BUILD)/lib/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/lib/libdisclex.so

$(PUBLIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ $(BUILD)/lib/disclex.o
	$(CC) -r -nostdlib -o $(BUILD)/lib/disclex.o $(LIB_OBJ)
	objcopy --localize-hidden --wildcard --keep-global-symbol='dx_*' $(BUILD)/lib/disclex.o
	ar rcs $@ $(BUILD)/lib/disclex.o

# disclex.pc finds the tree from its own place when the library goes in
# PREFIX/lib, so an installed tree can be moved whole; else it names LIBDIR.
ifeq ($(LIBDIR),$(PREFIX)/lib)
PC_PREFIX := $${pcfiledir}/../..
PC_LIBDIR := $${prefix}/lib
else
PC_PREFIX := $(PREFIX)
PC_LIBDIR := $(LIBDIR)
endif
ifeq ($(INCLUDEDIR),$(PREFIX)/include)
PC_INCLUDEDIR := $${prefix}/include
else
PC_INCLUDEDIR := $(INCLUDEDIR)
endif
$(PCFILE): pipeline/disclex.pc.in include/disclex.h Makefile
	@mkdir -p $(dir $@)
	sed -e 's|@PREFIX@|$(PC_PREFIX)|' -e 's|@LIBDIR@|$(PC_LIBDIR)|' -e 's|@INCLUDEDIR@|$(PC_INCLUDEDIR)|' \
	  -e 's|@VERSION@|$(VERSION)|' -e 's|@REQUIRES@|$(PKGS)|' -e 's|@LIBS_PRIVATE@|$(PC_LIBS_PRIVATE)|' $< >$@

disclex: $(BUILD)/disclex
	cp $< $@

$(BUILD)/disclex: $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(LIB): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

# Objects are rebuilt when the compiler flags change (a stamp holding them).
FLAGS_STAMP := $(BUILD)/.cflags
$(shell mkdir -p $(BUILD) && echo '$(CC) $(ALL_CFLAGS) $(CXX) $(ALL_CXXFLAGS)' | cmp -s - $(FLAGS_STAMP) || \
	echo '$(CC) $(ALL_CFLAGS) $(CXX) $(ALL_CXXFLAGS)' >$(FLAGS_STAMP))

$(BUILD)/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.cc $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CXX) $(ALL_CXXFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS) $(CMOCKA_LIBS)

setup:
	scripts/setup.sh

unit: $(TEST_BIN)
	@fail=0; for t in $(TEST_BIN); do $$t || fail=1; done; exit $$fail

golden: disclex
	tests/golden/run.sh ./disclex
	python3 tests/golden/real_figures.py ./disclex
	python3 tests/golden/independent_cases.py ./disclex
	python3 tests/golden/ocr_cases.py ./disclex
	python3 tests/golden/blocks_cases.py ./disclex
	python3 tests/golden/facts_cases.py ./disclex

# Table recovery on the generated corpus; fails below SCORE_MIN (the bar: 99%) of the
# expected cells read exactly.
SCORE_MIN ?= 0.99
score: disclex
	python3 scripts/score_tables.py --disclex ./disclex --min $(SCORE_MIN) corpus/generated

# Schema mapping on the generated corpus: every expected value on the right schema, row key
# and column key (scripts/score_map.py against NAME.expected-map.json); fails below MAP_MIN
# of cell F1 (the bar: 0.99).
MAP_MIN ?= 0.99
score-map: disclex
	python3 scripts/score_map.py --disclex ./disclex --min $(MAP_MIN) corpus/generated

# Independent documents (scripts/gen_independent.py: drawn with reportlab, not through the
# generated corpus's templates), made from seeds into build/.  Development seeds 1-40 may be
# read and debugged on; held-out seeds 1001-1040 are only ever scored here, in aggregate.
# `make check` scores a few development seeds against a floor (INDEPENDENT_MIN, below what
# is measured: it guards against a collapse, it is not the bar).
INDEPENDENT_MIN ?= 0.85
INDEPENDENT_HELD_MIN ?= 0.82
IND := build/independent
$(IND)/held/.made: scripts/gen_independent.py
	rm -rf $(IND)/held && python3 scripts/gen_independent.py $(IND)/held 1001-1040 && touch $@
$(IND)/dev/.made: scripts/gen_independent.py
	rm -rf $(IND)/dev && python3 scripts/gen_independent.py $(IND)/dev 1-40 && touch $@
$(IND)/quick/.made: scripts/gen_independent.py
	rm -rf $(IND)/quick && python3 scripts/gen_independent.py $(IND)/quick 1-8 && touch $@
score-independent: disclex $(IND)/held/.made
	python3 scripts/score_independent.py --disclex ./disclex --min $(INDEPENDENT_HELD_MIN) $(IND)/held
independent-quick: disclex $(IND)/quick/.made
	python3 scripts/score_independent.py --disclex ./disclex --axes draw,title,repeat --min $(INDEPENDENT_MIN) $(IND)/quick
# The development sweep with every axis and each table's losses: `make score-independent-dev`.
score-independent-dev: disclex $(IND)/dev/.made
	python3 scripts/score_independent.py --disclex ./disclex -v $(IND)/dev

# Documents printed by a browser (scripts/gen_browser.py: HTML with CSS tables printed to PDF
# by headless Chromium, a third renderer beside the generated corpus and reportlab).  Needs
# chromium (`scripts/setup.sh --browser`), so it is not part of `make check`.  Development
# seeds 1-40 may be read and debugged on; held-out seeds 1001-1040 are scored in aggregate.
WEB := build/browser
$(WEB)/held/.made: scripts/gen_browser.py
	rm -rf $(WEB)/held && python3 scripts/gen_browser.py $(WEB)/held 1001-1040 && touch $@
$(WEB)/dev/.made: scripts/gen_browser.py
	rm -rf $(WEB)/dev && python3 scripts/gen_browser.py --keep-html $(WEB)/dev 1-40 && touch $@
score-browser: disclex $(WEB)/held/.made
	python3 scripts/score_independent.py --disclex ./disclex $(WEB)/held
score-browser-dev: disclex $(WEB)/dev/.made
	python3 scripts/score_independent.py --disclex ./disclex -v $(WEB)/dev

# Tables that are not disclosures: the ICDAR 2013 table competition, EU half
# ($(DISCLEX_SHARED)/corpus/icdar2013-eu), scored by scripts/score_icdar.py (adjacency
# relations between non-empty cells, structure F1 per document; development = the 1st, 3rd,
# ... PDF by name, held-out = the others, reported in aggregate).  A report, not part of
# `make check`; skipped, said so, when the shared directory is absent.  `make check` runs
# the scorer's own test on a hand-made pair (icdar-selftest).
ICDAR := $(DISCLEX_SHARED)/corpus/icdar2013-eu
score-icdar: disclex
	@if [ -d "$(ICDAR)" ]; then python3 scripts/score_icdar.py --disclex ./disclex $(ICDAR); \
	else echo "score-icdar: skipped, $(ICDAR) is absent"; fi
icdar-selftest:
	python3 scripts/score_icdar.py --self-test

# Identity checks and schema claims on $(DISCLEX_SHARED)/corpus/real (a report; it does not fail).
real-checks: disclex
	python3 scripts/real_checks.py ./disclex

# Hostile inputs and outputs (tests/robust/*.sh): peak memory and time on 10 MB
# inputs, --max-cells, atomic -o, CSV safety, odd names and encodings.  Under a
# sanitizer (shadow memory, quarantine, several times slower) the bounds are the
# sanitizer's: four times the memory and time.
ifneq ($(SANITIZE),)
ROBUST_LIMITS := LIMIT_KB=2000000 LIMIT_SECONDS=240
endif
robust: disclex
	$(ROBUST_LIMITS) tests/robust/run.sh ./disclex

# The installed tree on its own (tests/install.sh) and the user's documents in step with the
# program (tests/docs_agree.py).
install-check: disclex lib
	MAKE="$(MAKE)" tests/install.sh

docs-check: disclex
	python3 tests/docs_agree.py ./disclex

# The output formats (tests/formats/): -o extensions, JSON arrays, each emitter read back.
formats: disclex
	tests/formats/run.sh ./disclex

# disclex inspect (tests/inspect/): the HTML page checked against the PDF; then in headless
# Chromium when installed (skipped, said so, when not).
inspect-check: disclex
	python3 tests/inspect/check_html.py ./disclex
	tests/inspect/check_browser.sh ./disclex

check: circles unit golden robust formats score score-map icdar-selftest independent-quick install-check docs-check inspect-check fuzz-short

# No module imports another that imports it back (#include lines, see the script).
circles:
	python3 scripts/import_circles.py

# Re-record the golden expectations after a reviewed change (then read the diff).
regen: disclex
	tests/golden/run.sh ./disclex --regen

valgrind: disclex $(TEST_BIN)
	@fail=0; for t in $(TEST_BIN); do \
	  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	    --suppressions=tests/valgrind.supp $$t || fail=1; done; \
	VALGRIND=1 tests/golden/run.sh ./disclex || fail=1; exit $$fail

# libFuzzer harnesses (fuzz/fuzz_*.c), built with clang under ASan and UBSan
# into build/fuzz.  `make fuzz` runs each for FUZZ_SECONDS (default 60) from
# its seed corpus fuzz/corpus/NAME and the test inputs named by FUZZ_SEEDS_NAME
# (read in place, not copied; new inputs go to build/fuzz/corpus/NAME,
# a crash to build/fuzz/crash-NAME-*); `make fuzz-short` is a 10 s round.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := pdf text html number schema
FUZZ_BUILD := build/fuzz
FUZZ_CC ?= clang
FUZZ_CXX ?= clang++
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_BIN := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
FUZZ_SEEDS_pdf := tests/data/scanned
FUZZ_SEEDS_text := tests/data/inputs tests/data/golden
FUZZ_SEEDS_html := tests/data/inputs

fuzz-build: $(FUZZ_BIN)

fuzz-lib:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) CXX=$(FUZZ_CXX) CI= \
	  CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" $(FUZZ_BUILD)/libdisclex.a

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_input.h fuzz-lib
	$(FUZZ_CC) $(ALL_CFLAGS) -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $< $(FUZZ_BUILD)/libdisclex.a $(LDLIBS)

fuzz: fuzz-build
	@fail=0; for t in $(FUZZ_TARGETS); do \
	  case $$t in pdf) seeds="$(FUZZ_SEEDS_pdf)";; text) seeds="$(FUZZ_SEEDS_text)";; \
	    html) seeds="$(FUZZ_SEEDS_html)";; *) seeds=;; esac; \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	  echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/crash-$$t- \
	    $(FUZZ_BUILD)/corpus/$$t fuzz/corpus/$$t $$seeds >$(FUZZ_BUILD)/fuzz_$$t.log 2>&1 \
	    || { fail=1; echo "FAIL fuzz_$$t (see $(FUZZ_BUILD)/fuzz_$$t.log)"; tail -40 $(FUZZ_BUILD)/fuzz_$$t.log; }; \
	  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' $(FUZZ_BUILD)/fuzz_$$t.log | tr '\n' ' '; echo; \
	done; exit $$fail

fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=10

bench: disclex
	BUILD=$(BUILD) scripts/bench.sh ./disclex

# disclex batch over the shared corpus copied COPIES (10) times: pages/s at --jobs 1 and 2,
# and a second run over the same tree (scripts/bench_batch.sh).
bench-batch: disclex
	scripts/bench_batch.sh ./disclex

# The program finds its schemas from its own place (bin/../share/disclex/schemas), so the
# installed tree works wherever it is moved.
install: disclex lib
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/disclex/schemas \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR)/pkgconfig
	install -m 644 include/disclex.h $(DESTDIR)$(INCLUDEDIR)/disclex.h
	install -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/
	ln -sf $(notdir $(SHLIB)) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libdisclex.so
	install -m 644 $(PUBLIB) $(DESTDIR)$(LIBDIR)/libdisclex.a
	install -m 644 $(PCFILE) $(DESTDIR)$(LIBDIR)/pkgconfig/disclex.pc
	install -m 755 disclex $(DESTDIR)$(PREFIX)/bin/disclex
	install -m 644 schemas/*.xml schemas/*.rng $(DESTDIR)$(PREFIX)/share/disclex/schemas/
	install -m 644 docs/disclex.1 $(DESTDIR)$(PREFIX)/share/man/man1/disclex.1
	install -m 644 cli/disclex.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/disclex

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/disclex $(DESTDIR)$(PREFIX)/share/man/man1/disclex.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/disclex
	rm -rf $(DESTDIR)$(PREFIX)/share/disclex
	rm -f $(DESTDIR)$(INCLUDEDIR)/disclex.h $(DESTDIR)$(LIBDIR)/libdisclex.so.$(VERSION) \
	  $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libdisclex.so $(DESTDIR)$(LIBDIR)/libdisclex.a \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/disclex.pc

clean:
	rm -rf build disclex

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
