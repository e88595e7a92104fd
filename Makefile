# disclex build.  `make` builds ./disclex, `make check` runs every test,
# `make install` / `make uninstall` (PREFIX, DESTDIR) put it in place or take it away,
# `make SANITIZE=1 check` (or SANITIZE=address,undefined) under ASan+UBSan,
# `make valgrind` the unit and golden tests under valgrind, `make bench` the
# benchmarks beside pdftotext.

PREFIX ?= /usr/local
# The larger corpus shared beside the repository (real PDFs, ICDAR); the tests
# that read it skip, and say so, when it is absent.
DISCLEX_SHARED ?= ../shared
export DISCLEX_SHARED
PKGS := poppler-glib cairo glib-2.0 icu-uc icu-i18n libxml-2.0 libcrypto
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

CC ?= cc
OPT ?= -O2
CFLAGS ?= $(OPT) -g
WARN := -Wall -Wextra -Wno-unused-parameter -Wstrict-prototypes -Wvla
ifneq ($(CI),)
WARN += -Werror
endif
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE -I. $(WARN) $(CFLAGS) $(PKG_CFLAGS)
LDLIBS := $(PKG_LIBS) -lm

ifeq ($(SANITIZE),1)
override SANITIZE := address,undefined
endif
ifneq ($(SANITIZE),)
export LSAN_OPTIONS := suppressions=$(CURDIR)/tests/lsan.supp
export UBSAN_OPTIONS := print_stacktrace=1:halt_on_error=1
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
BUILD ?= build/sanitize
else
BUILD ?= build/default
endif

LIB_SRC := $(wildcard core/*.c extract/*.c normalize/*.c map/*.c emit/*.c pipeline/*.c)
CLI_SRC := $(wildcard cli/*.c)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
LIB := $(BUILD)/libdisclex.a

.PHONY: all check unit golden score score-map real-checks valgrind bench clean setup regen install \
	uninstall install-check docs-check
.DELETE_ON_ERROR:

all: disclex

disclex: $(BUILD)/disclex
	cp $< $@

$(BUILD)/disclex: $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(LIB): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

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

# Identity checks and schema claims on $(DISCLEX_SHARED)/corpus/real (a report; it does not fail).
real-checks: disclex
	python3 scripts/real_checks.py ./disclex

# The installed tree on its own (tests/install.sh) and the user's documents in step with the
# program (tests/docs_agree.py).
install-check: disclex
	MAKE="$(MAKE)" tests/install.sh

docs-check: disclex
	python3 tests/docs_agree.py ./disclex

check: unit golden score score-map install-check docs-check

# Re-record the golden expectations after a reviewed change (then read the diff).
regen: disclex
	tests/golden/run.sh ./disclex --regen

valgrind: disclex $(TEST_BIN)
	@fail=0; for t in $(TEST_BIN); do \
	  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	    --suppressions=tests/valgrind.supp $$t || fail=1; done; \
	VALGRIND=1 tests/golden/run.sh ./disclex || fail=1; exit $$fail

bench: disclex
	BUILD=$(BUILD) scripts/bench.sh ./disclex

# The program finds its schemas from its own place (bin/../share/disclex/schemas), so the
# installed tree works wherever it is moved.
install: disclex
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/disclex/schemas \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 755 disclex $(DESTDIR)$(PREFIX)/bin/disclex
	install -m 644 schemas/*.xml schemas/*.rng $(DESTDIR)$(PREFIX)/share/disclex/schemas/
	install -m 644 docs/disclex.1 $(DESTDIR)$(PREFIX)/share/man/man1/disclex.1
	install -m 644 cli/disclex.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/disclex

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/disclex $(DESTDIR)$(PREFIX)/share/man/man1/disclex.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/disclex
	rm -rf $(DESTDIR)$(PREFIX)/share/disclex

clean:
	rm -rf build disclex

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
