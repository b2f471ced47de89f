/*
 * test_ctx_switch.c — the bare context switch (runtime/arch/switch_*.S,
 * sched/context.h), without the scheduler:
 *   - a new context starts in its entry with the argument and a correctly
 *     aligned stack;
 *   - values live across a switch survive (callee-saved registers);
 *   - the FP control state (rounding mode) belongs to each context;
 *   - a million round trips, timed (reported, not asserted).
 */
// tsan
#include "sched_stub.c"

#include <fenv.h>
#include <stdalign.h>

#include "sched/context.h"
#include "sched/stack.h"

#if defined(__SANITIZE_ADDRESS__)
#define T_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define T_ASAN 1
#endif
#endif
#if T_ASAN
#include <sanitizer/common_interface_defs.h>
#endif
#if TEST_TSAN
#include <sanitizer/tsan_interface.h>
#endif

/* Two contexts: main (the thread's stack) and co (a slab stack). */
static void *main_sp, *co_sp;
static stack_mem_t co_stack;
#if T_ASAN
static void *main_fake, *co_fake;
static const void *main_lo;
static size_t main_size;
#endif
#if TEST_TSAN
static void *main_fiber, *co_fiber;
#endif

/* Switch main → co. */
static void to_co(void)
{
#if TEST_TSAN
    __tsan_switch_to_fiber(co_fiber, 0);
#endif
#if T_ASAN
    __sanitizer_start_switch_fiber(&main_fake, co_stack.lo, (size_t)(co_stack.hi - co_stack.lo));
#endif
    sched_ctx_switch(&main_sp, co_sp);
#if T_ASAN
    __sanitizer_finish_switch_fiber(main_fake, NULL, NULL);
#endif
}

/* Switch co → main. */
static void to_main(void)
{
#if TEST_TSAN
    __tsan_switch_to_fiber(main_fiber, 0);
#endif
#if T_ASAN
    __sanitizer_start_switch_fiber(&co_fake, main_lo, main_size);
#endif
    sched_ctx_switch(&co_sp, main_sp);
#if T_ASAN
    __sanitizer_finish_switch_fiber(co_fake, &main_lo, &main_size);
#endif
}

static volatile long sink;
static long entry_arg_seen;
static int aligned_ok;
static int co_round_ok;
static long co_counter;
static int mode;                /* what the coroutine does */

/* Values that the compiler keeps in callee-saved registers across calls. */
__attribute__((noinline)) static long mix(long a, long b) { return (long)((unsigned long)a * 31u + (unsigned long)b); }

static void co_entry(void *arg)
{
#if T_ASAN
    __sanitizer_finish_switch_fiber(NULL, &main_lo, &main_size);
#endif
    entry_arg_seen = (long)(intptr_t)arg;
    alignas(16) char buf[16];
    /* At a function's first instruction rsp+8 is 16-aligned, so its
     * 16-aligned locals really are; misalignment would make this fail
     * (and SSE spills fault). Check via the frame address as well. */
    aligned_ok = ((uintptr_t)buf % 16 == 0) && ((uintptr_t)__builtin_frame_address(0) % 16 == 0);
    sink = buf[0] = 1;

    if (mode == 0) {
        /* Many live values across switches. */
        long a = sink + 1, b = sink + 2, c = sink + 3, d = sink + 4, e = sink + 5, f = sink + 6;
        double x = (double)sink + 0.5, y = (double)sink + 1.5;
        for (int i = 0; i < 1000; i++) {
            to_main();
            co_counter++;
            a = mix(a, 1); b = mix(b, 2); c = mix(c, 3);
            d = mix(d, 4); e = mix(e, 5); f = mix(f, 6);
            x = x * 1.0000001 + 1.0; y = y * 0.9999999 + 2.0;
        }
        /* Recompute the expected values without switching. */
        long ea = 2, eb = 3, ec = 4, ed = 5, ee = 6, ef = 7;
        double ex = 1.5, ey = 2.5;
        for (int i = 0; i < 1000; i++) {
            ea = mix(ea, 1); eb = mix(eb, 2); ec = mix(ec, 3);
            ed = mix(ed, 4); ee = mix(ee, 5); ef = mix(ef, 6);
            ex = ex * 1.0000001 + 1.0; ey = ey * 0.9999999 + 2.0;
        }
        co_round_ok = a == ea && b == eb && c == ec && d == ed && e == ee && f == ef &&
                      x == ex && y == ey;
    } else if (mode == 1) {
        /* Rounding mode is per context. Created while main was in
         * round-to-nearest, so that is what we inherit. */
        co_round_ok = fegetround() == FE_TONEAREST;
        fesetround(FE_DOWNWARD);
        to_main();
        co_round_ok = co_round_ok && fegetround() == FE_DOWNWARD;
    } else {
        for (;;) {
            co_counter++;
            to_main();
        }
    }
    to_main();
    abort();                    /* never resumed after the final switch */
}

static void start_co(long arg)
{
    co_sp = sched_ctx_init(co_stack.hi, co_entry, (void *)(intptr_t)arg);
#if TEST_TSAN
    co_fiber = __tsan_create_fiber(0);
#endif
}

static void stop_co(void)
{
#if TEST_TSAN
    __tsan_destroy_fiber(co_fiber);
#endif
}

int main(void)
{
    stack_cache_t *cache = calloc(1, sizeof *cache);
#if TEST_TSAN
    main_fiber = __tsan_get_current_fiber();
#endif
    REQUIRE(stack_alloc(cache, &co_stack), "no stack");

    /* 1. entry, argument, alignment, callee-saved values */
    mode = 0;
    start_co(0x5eed);
    long a = sink + 11, b = sink + 12, c = sink + 13, d = sink + 14, e = sink + 15;
    for (int i = 0; i < 1001; i++) {
        to_co();
        a = mix(a, 7); b = mix(b, 8); c = mix(c, 9); d = mix(d, 10); e = mix(e, 11);
    }
    long ea = 11, eb = 12, ec = 13, ed = 14, ee = 15;
    for (int i = 0; i < 1001; i++) {
        ea = mix(ea, 7); eb = mix(eb, 8); ec = mix(ec, 9); ed = mix(ed, 10); ee = mix(ee, 11);
    }
    CHECK(entry_arg_seen == 0x5eed, "entry got %#lx", entry_arg_seen);
    CHECK(aligned_ok, "new context's stack misaligned");
    CHECK(co_counter == 1000, "co ran %ld rounds", co_counter);
    CHECK(co_round_ok, "coroutine's live values corrupted across switches");
    CHECK(a == ea && b == eb && c == ec && d == ed && e == ee,
          "main's live values corrupted across switches");
    stop_co();

    /* 2. floating-point control is per context */
    mode = 1;
    fesetround(FE_TONEAREST);
    start_co(1);
    fesetround(FE_UPWARD);
    to_co();                    /* co: checks nearest, sets downward */
    CHECK(fegetround() == FE_UPWARD, "main's rounding mode leaked (%d)", fegetround());
    to_co();                    /* co: checks downward survived */
    CHECK(fegetround() == FE_UPWARD, "main's rounding mode lost (%d)", fegetround());
    CHECK(co_round_ok, "coroutine's rounding mode not its own");
    fesetround(FE_TONEAREST);
    stop_co();

    /* 3. timing */
    mode = 2;
    co_counter = 0;
    start_co(2);
    long n = test_scaled(2000000);
    int64_t t0 = test_now_ns();
    for (long i = 0; i < n; i++)
        to_co();
    int64_t t1 = test_now_ns();
    CHECK(co_counter == n, "%ld != %ld", co_counter, n);
    fprintf(stderr, "context switch: %.1f ns per switch (%ld round trips)\n",
            (double)(t1 - t0) / (2.0 * (double)n), n);
    stop_co();

    stack_free(cache, &co_stack);
    stack_cache_flush(cache);
    free(cache);
    return test_result("test_ctx_switch");
}
