/*
 * sched_stub.c — included (#include "sched_stub.c") by the scheduler's unit
 * tests (test_ctx_*, test_stack*, test_sched_*, test_mbox_*, test_timer*).
 *
 * 1. A weak definition of ai_tls. The real one lives in runtime/core/, which
 *    is written in parallel and may not build at every moment; the tests
 *    must link against the scheduler's sources alone. When the full runtime
 *    archive provides the strong definition, the linker picks it and this
 *    one disappears — no duplicate symbol either way.
 * 2. Small helpers shared by the tests: CHECK, clocks, RSS, sanitizer
 *    detection (the stress tests scale down under sanitizers).
 */
#ifndef SCHED_STUB_C
#define SCHED_STUB_C

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "aithon_rt.h"

__attribute__((weak)) __thread ai_worker_tls ai_tls
    __attribute__((tls_model("initial-exec")));

static int test_failures;

#define CHECK(cond, ...)                                                    \
    do {                                                                    \
        if (!(cond)) {                                                      \
            test_failures++;                                                \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, \
                    #cond);                                                 \
            fprintf(stderr, __VA_ARGS__);                                   \
            fputc('\n', stderr);                                            \
        }                                                                   \
    } while (0)

/* CHECK, then stop the whole test at once (for states that make going on
 * meaningless, e.g. inside tasks). */
#define REQUIRE(cond, ...)                                                  \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "%s:%d: required: %s: ", __FILE__, __LINE__,    \
                    #cond);                                                 \
            fprintf(stderr, __VA_ARGS__);                                   \
            fputc('\n', stderr);                                            \
            _exit(1);                                                       \
        }                                                                   \
    } while (0)

static inline int test_result(const char *name)
{
    if (test_failures) {
        fprintf(stderr, "%s: %d check(s) failed\n", name, test_failures);
        return 1;
    }
    return 0;
}

static inline int64_t test_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Resident set size in KiB (from /proc/self/statm). */
static inline long test_rss_kib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, rss = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &size, &rss) != 2)
            rss = 0;
        fclose(f);
    }
    return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

/* A field of /proc/self/status in KiB ("VmPTE", "VmRSS", …), or -1. */
static inline long test_status_kib(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    size_t n = strlen(field);
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, field, n) && line[n] == ':') {
            v = strtol(line + n + 1, NULL, 10);
            break;
        }
    fclose(f);
    return v;
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define TEST_SANITIZED 1
#endif
#endif
#ifndef TEST_SANITIZED
#define TEST_SANITIZED 0
#endif

#if defined(__SANITIZE_THREAD__)
#define TEST_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TEST_TSAN 1
#endif
#endif
#ifndef TEST_TSAN
#define TEST_TSAN 0
#endif

/* Scale a stress count: full size normally, smaller under sanitizers
 * (TSan keeps state per fiber), or as set by AITHON_TEST_SCALE (percent). */
static inline long test_scaled(long n)
{
    const char *s = getenv("AITHON_TEST_SCALE");
    if (s && *s)
        return n * atol(s) / 100 > 0 ? n * atol(s) / 100 : 1;
    if (TEST_TSAN)
        return n / 100 > 0 ? n / 100 : 1;
    if (TEST_SANITIZED)
        return n / 10 > 0 ? n / 10 : 1;
    return n;
}

#endif
