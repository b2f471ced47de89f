/*
 * gcpause.c — minor-collection pauses of one heap under a steady churn.
 *
 * The workload (the Go and Erlang programs do the same): an old
 * generation of 200,000 records [i, str(i)] made first; then N rounds
 * that each make a short-lived 2-item list [i, float(i)], one in 64 of
 * which is stored into a 1,000-slot ring that lives in the old
 * generation (so survivors and old-to-young stores happen all along).
 * Reports the p99 and the max of the minor pauses, and the time per
 * round. Linked with the whole runtime (libaithonrt.a), unlike the
 * scheduler drivers.
 *
 *     gcpause [N]      (default 5,000,000)
 */
#include "core/object.h"
#include "gc/gc.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

#define OLD_RECORDS 200000
#define RING 1000

int main(int argc, char **argv) {
    setenv("AITHON_STATS", "1", 1); /* pause statistics are recorded only then */
    long n = argc > 1 ? atol(argv[1]) : 5000000;
    ai_value old = list_new(0);
    for (int64_t i = 0; i < OLD_RECORDS; i++) {
        ai_value rec = list_new(2);
        ai_list_append(rec, ai_smallint(i));
        ai_list_append(rec, ai_str(ai_smallint(i)));
        ai_list_append(old, rec);
    }
    ai_value ring = list_new(RING);
    for (int64_t i = 0; i < RING; i++) ai_list_append(ring, ai_smallint(0));
    gc_collect(); /* both are old now */
    gc_stats_reset_pauses(); /* the steady state only */

    int64_t t0 = now_ns();
    for (long i = 0; i < n; i++) {
        ai_value tmp = list_new(2);
        ai_list_append(tmp, ai_smallint(i));
        ai_list_append(tmp, ai_float_box((double)i));
        if (i % 64 == 0) ai_setitem(ring, ai_smallint((i / 64) % RING), tmp);
    }
    int64_t t1 = now_ns();

    uint64_t minors, p99, max, majors, mp99, mmax;
    gc_stats_pauses(false, &minors, &p99, &max);
    gc_stats_pauses(true, &majors, &mp99, &mmax);
    if (list_obj(old)->len != OLD_RECORDS || minors == 0) {
        fprintf(stderr, "gcpause: no minor collections ran\n");
        return 1;
    }
    printf("gcpause: %llu minor collections (%llu major) in %ld rounds\n",
           (unsigned long long)minors, (unsigned long long)majors, n);
    printf("RESULT gc_minor_p99 %.1f us\n", (double)p99 / 1000.0);
    printf("RESULT gc_minor_max %.1f us\n", (double)max / 1000.0);
    printf("RESULT gc_churn %.1f ns\n", (double)(t1 - t0) / (double)n);
    return 0;
}
