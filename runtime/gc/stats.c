/*
 * gc/stats.c — what AITHON_STATS=1 prints to stderr at exit: the number of
 * collections, their pause times (max, p99, mean), the bytes allocated,
 * the peak heap size and the peak RSS.
 *
 * Pauses go into a log-linear histogram (8 sub-buckets per power of two,
 * so a percentile is exact to within 12.5%) instead of a list: a stress
 * run makes millions of collections. All heaps of the process share the
 * counters under one mutex, taken once per collection.
 *
 * Not handled: per-actor breakdowns.
 */
#include "gc/gcint.h"

#include <pthread.h>
#include <stdio.h>
#include <sys/resource.h>

#define SUB 8
#define NBUCKETS (64 * SUB)

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t ncollections, total_ns, max_ns;
static uint64_t hist[NBUCKETS];
static uint64_t allocated_released; /* by heaps already released */
static size_t peak_reserved, last_live, max_live;

static unsigned bucket_of(uint64_t ns) {
    if (ns < SUB) return (unsigned)ns;
    unsigned msb = 63u - (unsigned)__builtin_clzll(ns);
    unsigned sub = (unsigned)(ns >> (msb - 3)) & (SUB - 1);
    return (msb - 2) * SUB + sub;
}

/* The largest value that falls in bucket b. */
static uint64_t bucket_hi(unsigned b) {
    if (b < SUB) return b;
    unsigned msb = b / SUB + 2, sub = b % SUB;
    return (((uint64_t)(SUB + sub + 1)) << (msb - 3)) - 1;
}

void gc_stats_collection(uint64_t pause_ns, size_t live, size_t reserved) {
    pthread_mutex_lock(&stats_lock);
    ncollections++;
    total_ns += pause_ns;
    if (pause_ns > max_ns) max_ns = pause_ns;
    hist[bucket_of(pause_ns)]++;
    last_live = live;
    if (live > max_live) max_live = live;
    if (reserved > peak_reserved) peak_reserved = reserved;
    pthread_mutex_unlock(&stats_lock);
}

void gc_stats_heap(size_t reserved) {
    if (!gc_cfg.stats) return;
    pthread_mutex_lock(&stats_lock);
    if (reserved > peak_reserved) peak_reserved = reserved;
    pthread_mutex_unlock(&stats_lock);
}

void gc_stats_allocated(uint64_t bytes) {
    pthread_mutex_lock(&stats_lock);
    allocated_released += bytes;
    pthread_mutex_unlock(&stats_lock);
}

static double ms(uint64_t ns) { return (double)ns / 1e6; }
static double mib(uint64_t b) { return (double)b / (1024.0 * 1024.0); }

void gc_stats_print(uint64_t running_allocated);
void gc_stats_print(uint64_t running_allocated) {
    pthread_mutex_lock(&stats_lock);
    uint64_t p99 = 0;
    if (ncollections) {
        uint64_t want = ncollections - ncollections / 100, seen = 0;
        for (unsigned b = 0; b < NBUCKETS; b++) {
            seen += hist[b];
            if (seen >= want) {
                p99 = bucket_hi(b);
                break;
            }
        }
        if (p99 > max_ns) p99 = max_ns;
    }
    struct rusage ru;
    long rss_kib = getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
    fprintf(stderr,
            "aithon stats: gc %s; collections %llu (full, non-moving; no minor collections), "
            "pause max %.3f ms, p99 %.3f ms, mean %.3f ms, total %.1f ms\n"
            "aithon stats: allocated %.1f MiB; peak heap %.1f MiB; live after last gc %.2f MiB "
            "(max %.2f MiB); peak RSS %.1f MiB\n",
            gc_cfg.enabled ? (gc_cfg.stress ? "stress" : "on") : "off",
            (unsigned long long)ncollections, ms(max_ns), ms(p99),
            ncollections ? ms(total_ns / ncollections) : 0.0, ms(total_ns),
            mib(allocated_released + running_allocated), mib(peak_reserved), mib(last_live),
            mib(max_live), (double)rss_kib / 1024.0);
    pthread_mutex_unlock(&stats_lock);
}
