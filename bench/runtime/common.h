/*
 * common.h — shared by the runtime benchmark drivers in bench/runtime.
 *
 * Each driver is a standalone program built by run.py from the scheduler's
 * sources alone (runtime/sched, runtime/arch), so it measures the runtime
 * subsystem without compiled Python on top. It prints one line per result:
 *     RESULT <name> <value> <unit>
 * which run.py collects and compares with the Go and Erlang programs.
 */
#ifndef BENCH_RUNTIME_COMMON_H
#define BENCH_RUNTIME_COMMON_H

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "aithon_rt.h"
#include "sched/actor.h"
#include "sched/sched.h"

/* The real ai_tls lives in runtime/core; a weak one lets the drivers link
 * against the scheduler alone (the strong one wins when present). */
__attribute__((weak)) __thread ai_worker_tls ai_tls __attribute__((tls_model("initial-exec")));

static inline int64_t bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static inline long bench_rss_kib(void)
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

static inline long bench_arg(int argc, char **argv, long dflt)
{
    return argc > 1 ? atol(argv[1]) : dflt;
}

static inline void bench_result(const char *name, double value, const char *unit)
{
    printf("RESULT %s %.3f %s\n", name, value, unit);
    fflush(stdout);
}

#endif
