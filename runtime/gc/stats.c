/*
 * gc/stats.c — what AITHON_STATS=1 prints to stderr at exit: actors
 * spawned and messages sent (from the scheduler), the number of minor and
 * major collections and their pause times (max, p99, mean), the bytes
 * allocated, the peak heap size and the peak RSS.
 *
 * Pauses go into a log-linear histogram (8 sub-buckets per power of two,
 * so a percentile is exact to within 12.5%) instead of a list: a stress
 * run makes millions of collections. All heaps of the process share the
 * counters under one mutex, taken once per collection.
 *
 * Not handled: per-actor breakdowns.
 */
#include "gc/gcint.h"
#include "sched/sched.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#define SUB 8
#define NBUCKETS (64 * SUB)

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
/* Pauses, per kind of collection: [0] minor, [1] major. */
typedef struct pauses {
    uint64_t n, total_ns, max_ns;
    uint64_t hist[NBUCKETS];
} pauses;
static pauses kinds[2];
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

void gc_stats_collection(bool major, uint64_t pause_ns, size_t live, size_t reserved) {
    pthread_mutex_lock(&stats_lock);
    pauses *k = &kinds[major];
    k->n++;
    k->total_ns += pause_ns;
    if (pause_ns > k->max_ns) k->max_ns = pause_ns;
    k->hist[bucket_of(pause_ns)]++;
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

/* The 99th percentile of one kind's pauses (to within a bucket). */
static uint64_t p99_of(const pauses *k) {
    if (!k->n) return 0;
    uint64_t want = k->n - k->n / 100, seen = 0;
    for (unsigned b = 0; b < NBUCKETS; b++) {
        seen += k->hist[b];
        if (seen >= want) return bucket_hi(b) < k->max_ns ? bucket_hi(b) : k->max_ns;
    }
    return k->max_ns;
}

static void print_kind(const char *name, const pauses *k) {
    fprintf(stderr, "aithon stats: %s collections %llu, pause max %.3f ms, p99 %.3f ms, mean %.3f ms, total %.1f ms\n",
            name, (unsigned long long)k->n, ms(k->max_ns), ms(p99_of(k)), k->n ? ms(k->total_ns / k->n) : 0.0,
            ms(k->total_ns));
}

void gc_stats_pauses(bool major, uint64_t *count, uint64_t *p99_ns, uint64_t *max_ns) {
    pthread_mutex_lock(&stats_lock);
    const pauses *k = &kinds[major];
    *count = k->n;
    *p99_ns = p99_of(k);
    *max_ns = k->max_ns;
    pthread_mutex_unlock(&stats_lock);
}

void gc_stats_reset_pauses(void) {
    pthread_mutex_lock(&stats_lock);
    memset(kinds, 0, sizeof kinds);
    pthread_mutex_unlock(&stats_lock);
}

void gc_stats_print(uint64_t running_allocated);
void gc_stats_print(uint64_t running_allocated) {
    pthread_mutex_lock(&stats_lock);
    struct rusage ru;
    long rss_kib = getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
    uint64_t spawned = 0, messages = 0;
    sched_counters(&spawned, &messages);
    fprintf(stderr, "aithon stats: actors spawned %llu, messages sent %llu; gc %s\n", (unsigned long long)spawned,
            (unsigned long long)messages, gc_cfg.enabled ? (gc_cfg.stress ? "stress" : "on") : "off");
    print_kind("minor", &kinds[0]);
    print_kind("major", &kinds[1]);
    fprintf(stderr,
            "aithon stats: allocated %.1f MiB; peak heap %.1f MiB; old generation after last gc %.2f MiB "
            "(max %.2f MiB); peak RSS %.1f MiB\n",
            mib(allocated_released + running_allocated), mib(peak_reserved), mib(last_live),
            mib(max_live), (double)rss_kib / 1024.0);
    pthread_mutex_unlock(&stats_lock);
}
