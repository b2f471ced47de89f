# Makefile — builds aithonc, the runtime archive and the stdlib; runs the tests.
#
# Layout of a build directory ($(BUILD), default build/), which is also the
# layout of an install, so aithonc finds its runtime as <bin>/../lib/aithon/:
#
#   bin/aithonc
#   lib/aithon/libaithonrt.a
#   lib/aithon/include/aithon_rt.h, aithon_abi.def
#   lib/aithon/stdlib/*.py
#   obj/...                  objects and .d dependency files (not installed)
#
# Sanitizer builds use their own build directory (build-asan/, build-tsan/)
# so they never mix objects with the normal build. `make help` lists the
# targets. Variables worth knowing: BUILD, CC, OPT, LLVM_CONFIG, PREFIX,
# DESTDIR, FUZZ_SECONDS, PYTHON.

.DEFAULT_GOAL := all
SHELL := /bin/bash

BUILD   ?= build
PREFIX  ?= /usr/local
PYTHON  ?= python3
OPT     ?= -O2
# Sanitizer flags for compile and link (set by `check` and `tsan` below).
SAN     ?=

# Memoize a lazily computed value: the first expansion runs $2 and stores
# it in variable $1. Lazy because the tools may only exist after the
# dependency check (a prerequisite of every object) has installed them.
memo = $(eval $1 := $2)$($1)

# llvm-config: $LLVM_CONFIG, else llvm-config-19 on PATH, else Debian's path.
LLVM_CONFIG ?= $(call memo,LLVM_CONFIG,$(firstword \
    $(shell command -v llvm-config-19 2>/dev/null) \
    $(wildcard /usr/lib/llvm-19/bin/llvm-config) llvm-config-19))
# LLVM's headers are included as system headers: their warnings are not ours.
LLVM_CFLAGS  = $(call memo,LLVM_CFLAGS,$(patsubst -I%,-isystem %,$(shell $(LLVM_CONFIG) --cflags)))
LLVM_LIBDIR  = $(call memo,LLVM_LIBDIR,$(shell $(LLVM_CONFIG) --libdir))
LLVM_LDLIBS  = $(call memo,LLVM_LDLIBS,$(shell $(LLVM_CONFIG) --link-shared --libs))

# Warnings, all errors: keep the tree clean under every one of them.
WARNINGS := -Wall -Wextra -Werror -Wstrict-prototypes -Wold-style-definition \
            -Wmissing-prototypes -Wvla -Wpointer-arith -Wformat=2
# Feature macros: compiler/ gets -D_GNU_SOURCE from llvm-config --cflags, so
# its files must not #define it. The runtime gets -D_GNU_SOURCE= (defined
# empty), so a runtime file may still say `#define _GNU_SOURCE` (an identical
# redefinition) but needs not.
BASE_CFLAGS := -std=c17 -g $(WARNINGS) -MMD -MP
CFLAGS_ALL   = $(BASE_CFLAGS) $(OPT) $(SAN) $(CFLAGS)

COMPILER_CPPFLAGS := -Icompiler -Iruntime/include
RUNTIME_CPPFLAGS  := -Iruntime/include -Iruntime -D_GNU_SOURCE=

# ---- sources and products ---------------------------------------------------

COMPILER_SRCS := $(sort $(wildcard compiler/*.c))
RUNTIME_SRCS  := $(sort $(shell find runtime -name '*.c' 2>/dev/null))
# Every runtime/arch/*.S is assembled; each file guards its body with
# #if defined(__x86_64__) / __aarch64__ so only the host's code remains.
RUNTIME_ASM   := $(sort $(wildcard runtime/arch/*.S))
STDLIB_SRCS   := $(sort $(shell find stdlib -name '*.py' 2>/dev/null))
ABI_HEADERS   := runtime/include/aithon_rt.h runtime/include/aithon_abi.def

OBJDIR        := $(BUILD)/obj
COMPILER_OBJS := $(COMPILER_SRCS:%.c=$(OBJDIR)/%.o)
RUNTIME_OBJS  := $(RUNTIME_SRCS:%.c=$(OBJDIR)/%.o) $(RUNTIME_ASM:%.S=$(OBJDIR)/%.o)

AITHONC    := $(BUILD)/bin/aithonc
LIBDIR     := $(BUILD)/lib/aithon
RTLIB      := $(LIBDIR)/libaithonrt.a
STDLIB_OUT := $(STDLIB_SRCS:stdlib/%=$(LIBDIR)/stdlib/%)
HEADER_OUT := $(ABI_HEADERS:runtime/include/%=$(LIBDIR)/include/%)
# Stamps, rewritten only when their content changes: the flags the objects
# were built with (changing OPT, SAN or CFLAGS rebuilds everything) and the
# object lists (a deleted source relinks aithonc and rebuilds the archive).
FLAGS_STAMP    := $(OBJDIR)/.flags
COMPILER_STAMP := $(OBJDIR)/.compiler-objs
RUNTIME_STAMP  := $(OBJDIR)/.runtime-objs
write-if-changed = @mkdir -p $(@D); echo '$1' | cmp -s - $@ || echo '$1' > $@

# ---- the build ----------------------------------------------------------------

.PHONY: all compiler runtime stdlib headers deps
all: deps compiler runtime stdlib headers
compiler: $(AITHONC)
runtime: $(RTLIB) headers
stdlib: $(STDLIB_OUT) | $(LIBDIR)/stdlib
headers: $(HEADER_OUT)

# Cheap check that the build's tools and libraries exist; when something is
# missing, tools/install-deps.sh installs it (or says how to). Every object
# waits for it (order-only), so a fresh machine's `make test` just works.
deps:
	@lc="$${LLVM_CONFIG:-$$(command -v llvm-config-19 || echo /usr/lib/llvm-19/bin/llvm-config)}"; \
	if command -v "$$lc" >/dev/null 2>&1 && command -v $(PYTHON) >/dev/null 2>&1 && \
	   printf '#include <gmp.h>\n#include <ffi.h>\n' | $(CC) -E -x c - -o /dev/null 2>/dev/null; \
	then :; else $(SHELL) tools/install-deps.sh; fi

$(FLAGS_STAMP): FORCE
	$(call write-if-changed,$(CC) $(CFLAGS_ALL))
$(COMPILER_STAMP): FORCE
	$(call write-if-changed,$(COMPILER_OBJS))
$(RUNTIME_STAMP): FORCE
	$(call write-if-changed,$(RUNTIME_OBJS))

$(AITHONC): $(COMPILER_OBJS) $(COMPILER_STAMP)
	@mkdir -p $(@D)
	$(CC) $(OPT) $(SAN) $(LDFLAGS) -o $@ $(COMPILER_OBJS) \
	    -Wl,-rpath,$(LLVM_LIBDIR) -L$(LLVM_LIBDIR) $(LLVM_LDLIBS) -lm -lpthread

$(OBJDIR)/compiler/%.o: compiler/%.c $(FLAGS_STAMP) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) $(COMPILER_CPPFLAGS) $(LLVM_CFLAGS) -c $< -o $@

$(OBJDIR)/runtime/%.o: runtime/%.c $(FLAGS_STAMP) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) $(RUNTIME_CPPFLAGS) -c $< -o $@

$(OBJDIR)/runtime/%.o: runtime/%.S $(FLAGS_STAMP) | deps
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) $(RUNTIME_CPPFLAGS) -c $< -o $@

# Rebuilt from scratch so members of deleted sources do not linger.
$(RTLIB): $(RUNTIME_OBJS) $(RUNTIME_STAMP)
	@mkdir -p $(@D)
	@rm -f $@
	$(AR) rcs $@ $(RUNTIME_OBJS)

$(LIBDIR)/stdlib:
	@mkdir -p $@

$(LIBDIR)/stdlib/%.py: stdlib/%.py
	@mkdir -p $(@D)
	cp $< $@

$(LIBDIR)/include/%: runtime/include/%
	@mkdir -p $(@D)
	cp $< $@

-include $(COMPILER_OBJS:.o=.d) $(RUNTIME_OBJS:.o=.d)

# ---- running things -------------------------------------------------------------

.PHONY: demo test check tsan fuzz bench golden
demo: all
	@mkdir -p $(BUILD)/demo
	$(AITHONC) examples/demo.py -o $(BUILD)/demo/demo
	@$(BUILD)/demo/demo

test: all
	$(PYTHON) tests/run_tests.py --build $(BUILD)

# ASan + UBSan: compiler and runtime rebuilt into build-asan/, then the whole
# suite runs with that compiler; the runner passes the sanitizer link flags
# to aithonc through AITHON_LDFLAGS so the test programs link the ASan runtime.
ASAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
check:
	$(MAKE) --no-print-directory BUILD=build-asan OPT=-O1 SAN='$(ASAN_FLAGS)' all
	$(PYTHON) tests/run_tests.py --build build-asan --sanitize address,undefined

# TSan: the runtime alone, into build-tsan/, and the runtime unit tests that
# carry a `// tsan` line in their first 20 lines.
tsan:
	$(MAKE) --no-print-directory BUILD=build-tsan OPT=-O1 SAN='-fsanitize=thread' runtime
	$(PYTHON) tests/run_tests.py --build build-tsan --sanitize thread --kind runtime --marker tsan

# libFuzzer, two targets (FUZZ_TARGETS, each for FUZZ_SECONDS):
#   parse  the lexer and parser over raw bytes (tests/fuzz/fuzz_parse.c);
#          seeded with our stdlib plus a sample of CPython's;
#   emit   scope analysis and emission over valid programs that the bytes
#          drive a generator to write (tests/fuzz/fuzz_emit.c, progen.c);
#          any bytes make a program, so it is seeded with the same files.
# libFuzzer adds what it finds to each target's corpus directory.
# -close_fd_mask=3 silences the targets' diagnostics (sanitizer reports
# still print); a crash leaves its input in $(BUILD)/fuzz/artifacts/
# (for emit, `FUZZ_EMIT_SHOW=1 $(BUILD)/fuzz/fuzz_emit FILE` prints the
# program it made).
FUZZ_SECONDS ?= 120
FUZZ_TARGETS ?= parse emit
FUZZ_CC      ?= clang-19
FUZZ_UNITS   := arena diag ast lex
FUZZ_SRCS     = tests/fuzz/fuzz_parse.c $(filter $(FUZZ_UNITS:%=compiler/%.c) compiler/parse%.c,$(COMPILER_SRCS))
FUZZ_EMIT_SRCS = tests/fuzz/fuzz_emit.c tests/fuzz/progen.c $(filter-out compiler/main.c,$(COMPILER_SRCS))
FUZZ_CFLAGS  := -std=c17 -g -O1 -Wall -Wextra -D_GNU_SOURCE $(COMPILER_CPPFLAGS) \
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_BIN     := $(BUILD)/fuzz/fuzz_parse
FUZZ_EMIT_BIN := $(BUILD)/fuzz/fuzz_emit
FUZZ_CORPUS  := $(BUILD)/fuzz-corpus

$(FUZZ_BIN): $(FUZZ_SRCS) $(wildcard compiler/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(FUZZ_SRCS)

$(FUZZ_EMIT_BIN): $(FUZZ_EMIT_SRCS) $(wildcard compiler/*.h tests/fuzz/*.h) $(ABI_HEADERS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Itests/fuzz $(LLVM_CFLAGS) -o $@ $(FUZZ_EMIT_SRCS) \
	    -Wl,-rpath,$(LLVM_LIBDIR) -L$(LLVM_LIBDIR) $(LLVM_LDLIBS) -lm

fuzz:
	@$(SHELL) tools/install-deps.sh
	@$(MAKE) --no-print-directory $(FUZZ_BIN) $(FUZZ_EMIT_BIN)
	@mkdir -p $(FUZZ_CORPUS) $(FUZZ_CORPUS)-emit $(BUILD)/fuzz/artifacts
	@if [ -z "$$(ls -A $(FUZZ_CORPUS))" ]; then \
	    pylib="$$($(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')"; \
	    i=0; for f in $(STDLIB_SRCS) $$(find "$$pylib" -maxdepth 2 -name '*.py' -size -24k \
	                                   -not -path '*/site-packages/*' | sort | awk 'NR % 10 == 0'); do \
	        cp "$$f" $(FUZZ_CORPUS)/seed-$$i.py; i=$$((i + 1)); done; \
	    echo "fuzz: seeded $(FUZZ_CORPUS) with $$i files"; fi
	@if [ -z "$$(ls -A $(FUZZ_CORPUS)-emit)" ]; then \
	    for f in $$(ls $(FUZZ_CORPUS) | head -64); do cp $(FUZZ_CORPUS)/$$f $(FUZZ_CORPUS)-emit/; done; fi
	@for t in $(FUZZ_TARGETS); do \
	    case $$t in parse) bin=$(FUZZ_BIN); corpus=$(FUZZ_CORPUS);; \
	                emit) bin=$(FUZZ_EMIT_BIN); corpus=$(FUZZ_CORPUS)-emit;; \
	                *) echo "fuzz: unknown target $$t (parse, emit)"; exit 2;; esac; \
	    echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	    ASAN_OPTIONS=$${ASAN_OPTIONS:-quarantine_size_mb=64} \
	    $$bin -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=3072 \
	        -close_fd_mask=3 -print_final_stats=1 -artifact_prefix=$(BUILD)/fuzz/artifacts/$$t- \
	        $$corpus || exit 1; done

bench: all
	@$(SHELL) tools/install-deps.sh --bench
	$(PYTHON) bench/run_bench.py --build $(BUILD)
	$(PYTHON) bench/runtime/run.py --build $(BUILD)/rtbench --lib $(BUILD)/lib/aithon/libaithonrt.a --runs 3
	$(PYTHON) bench/asyncio/run.py --build $(BUILD) --runs 3

# Regenerate expected outputs with CPython 3.11, the oracle.
golden:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || \
	    { echo "make golden: needs CPython 3.11 as $(PYTHON) (found: $$($(PYTHON) --version 2>&1))"; exit 1; }
	$(PYTHON) tests/run_tests.py --golden

# ---- install, clean, format -------------------------------------------------------

.PHONY: install clean fmt help FORCE
FORCE:

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/aithon/include \
	    $(DESTDIR)$(PREFIX)/lib/aithon/stdlib
	install -m 755 $(AITHONC) $(DESTDIR)$(PREFIX)/bin/aithonc
	install -m 644 $(RTLIB) $(DESTDIR)$(PREFIX)/lib/aithon/libaithonrt.a
	install -m 644 $(HEADER_OUT) $(DESTDIR)$(PREFIX)/lib/aithon/include/
	cp -R $(LIBDIR)/stdlib/. $(DESTDIR)$(PREFIX)/lib/aithon/stdlib/

clean:
	rm -rf build build-asan build-tsan

CLANG_FORMAT ?= $(firstword $(shell command -v clang-format-19 clang-format 2>/dev/null) clang-format)
fmt:
	@command -v $(CLANG_FORMAT) >/dev/null || \
	    { echo "fmt: clang-format not found (apt-get install clang-format-19)"; exit 1; }
	$(CLANG_FORMAT) -i $(sort $(shell find compiler runtime tests/runtime tests/fuzz \
	    -name '*.[ch]' 2>/dev/null))

help:
	@echo 'make [all]      build build/bin/aithonc, the runtime archive, the stdlib'
	@echo 'make demo       build, then compile and run examples/demo.py'
	@echo 'make test       build, then run every test (tests/run_tests.py)'
	@echo 'make check      the whole suite under ASan+UBSan (build-asan/)'
	@echo 'make tsan       runtime unit tests marked // tsan under TSan (build-tsan/)'
	@echo 'make fuzz       fuzz the parser, then scopes+emission, FUZZ_SECONDS each (default 120)'
	@echo 'make bench      benchmarks against CPython (and PyPy), Go and Erlang'
	@echo 'make golden     regenerate expected outputs with CPython 3.11'
	@echo 'make install    install into PREFIX (default /usr/local)'
	@echo 'make deps       install missing build dependencies'
	@echo 'make fmt        clang-format the C sources'
	@echo 'make clean      remove build directories'
