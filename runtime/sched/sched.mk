# runtime/sched/sched.mk — the scheduler subsystem's sources, and a
# standalone build of its unit tests that needs nothing else of the
# runtime (the object model is written in parallel and may not build at
# every moment).
#
# For the top-level Makefile:
#     include runtime/sched/sched.mk        (defines SCHED_SRCS, SCHED_ASM)
#
# Standalone, from the repository root:
#     make -f runtime/sched/sched.mk sched-check         gcc -O2, all tests
#     make -f runtime/sched/sched.mk sched-check-clang   clang-19 -O2
#     make -f runtime/sched/sched.mk sched-check-asan    ASan + UBSan
#     make -f runtime/sched/sched.mk sched-check-tsan    TSan (tests marked "// tsan")
#     make -f runtime/sched/sched.mk sched-check-all     all four
# (Target names carry the sched- prefix so that including this file never
# collides with the top-level Makefile's own check targets.)
#     SCHED_BUILD=/tmp/sched (default) holds the objects and test binaries.

SCHED_SRCS := runtime/sched/stack.c runtime/sched/task.c runtime/sched/timer.c \
              runtime/sched/sched.c runtime/sched/mailbox.c runtime/sched/actor.c
SCHED_ASM  := runtime/arch/switch_x86_64.S runtime/arch/switch_aarch64.S
SCHED_TESTS := $(sort $(wildcard tests/runtime/test_ctx*.c tests/runtime/test_stack*.c \
               tests/runtime/test_sched_*.c tests/runtime/test_mbox_*.c \
               tests/runtime/test_timer*.c))

SCHED_BUILD ?= /tmp/sched

# Standalone use: the first rule is the default goal.
ifeq ($(firstword $(MAKEFILE_LIST)),runtime/sched/sched.mk)
.DEFAULT_GOAL := sched-check
endif
SCHED_WARN  := -std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
SCHED_INC   := -Iruntime/include -Iruntime
CLANG ?= /usr/lib/llvm-19/bin/clang

# variant name, compiler, flags
sched_cc_gcc   := gcc
sched_fl_gcc   := -O2 -g
sched_cc_clang := $(CLANG)
sched_fl_clang := -O2 -g
sched_cc_asan  := gcc
sched_fl_asan  := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
                  -fno-sanitize-recover=undefined
sched_cc_tsan  := gcc
sched_fl_tsan  := -O1 -g -fsanitize=thread

define sched_variant
$(SCHED_BUILD)/$(1)/libsched.a: $(SCHED_SRCS) $(SCHED_ASM) $(wildcard runtime/sched/*.h) runtime/include/aithon_rt.h
	@mkdir -p $(SCHED_BUILD)/$(1)
	cd $(SCHED_BUILD)/$(1) && rm -f *.o && \
	  $(sched_cc_$(1)) $(SCHED_WARN) $(sched_fl_$(1)) $(addprefix -I$(CURDIR)/,runtime/include runtime) \
	    -c $(addprefix $(CURDIR)/,$(SCHED_SRCS) $(SCHED_ASM)) && \
	  ar rcs libsched.a *.o

sched-tests-$(1): $(SCHED_BUILD)/$(1)/libsched.a
	@mkdir -p $(SCHED_BUILD)/$(1)/bin
	@set -e; for t in $(SCHED_TESTS); do \
	  if [ "$(1)" = tsan ] && ! head -20 $$$$t | grep -q '// tsan'; then continue; fi; \
	  $(sched_cc_$(1)) $(SCHED_WARN) $(sched_fl_$(1)) $(SCHED_INC) $$$$t \
	    $(SCHED_BUILD)/$(1)/libsched.a -lpthread -lm -o $(SCHED_BUILD)/$(1)/bin/$$$$(basename $$$$t .c); \
	done

sched-check-$(1): sched-tests-$(1)
	@set -e; fail=0; for t in $(SCHED_TESTS); do \
	  b=$(SCHED_BUILD)/$(1)/bin/$$$$(basename $$$$t .c); [ -x $$$$b ] || continue; \
	  if [ "$(1)" = tsan ] && ! head -20 $$$$t | grep -q '// tsan'; then continue; fi; \
	  start=$$$$(date +%s.%N); \
	  if $$$$b > $$$$b.log 2>&1; then r=PASS; else r=FAIL; fail=1; fi; \
	  printf '%-4s %-6s %-28s %6.2fs\n' $$$$r $(1) $$$$(basename $$$$t .c) \
	    $$$$(echo "$$$$(date +%s.%N) - $$$$start" | bc); \
	  [ $$$$r = PASS ] || tail -20 $$$$b.log; \
	done; exit $$$$fail
endef

$(foreach v,gcc clang asan tsan,$(eval $(call sched_variant,$(v))))

sched-check: sched-check-gcc
sched-check-all: sched-check-gcc sched-check-clang sched-check-asan sched-check-tsan

.PHONY: sched-check sched-check-all $(foreach v,gcc clang asan tsan,sched-check-$(v) sched-tests-$(v))
