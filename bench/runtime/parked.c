/*
 * parked.c — memory of an idle actor: N actors spawned and parked in
 * receive; resident memory growth / N. (Page-table memory, which the
 * kernel does not count in RSS, is reported separately: VmPTE.)
 *   parked_bytes     RSS bytes per parked actor;
 *   parked_pte_bytes page-table bytes per parked actor.
 * Go: goroutines blocked on a channel. Erlang: processes in receive.
 */
#include "common.h"

#include <stdatomic.h>
#include <string.h>

static long N;
static _Atomic long parked;

static void idle(void *arg)
{
    (void)arg;
    atomic_fetch_add_explicit(&parked, 1, memory_order_relaxed);
    mbox_receive(-1, NULL, NULL);
}

static long status_kib(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    size_t n = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, field, n) && line[n] == ':')
            v = strtol(line + n + 1, NULL, 10);
    if (f)
        fclose(f);
    return v;
}

static void root(void *arg)
{
    (void)arg;
    actor_t **a = malloc((size_t)N * sizeof *a);
    mbox_msg_t *msgs = malloc((size_t)N * sizeof *msgs);
    for (long i = 0; i < N; i++) {      /* in the baseline */
        ((volatile char *)a)[i * sizeof *a] = 0;
        ((volatile char *)msgs)[i * sizeof *msgs] = 0;
    }
    long rss0 = bench_rss_kib(), pte0 = status_kib("VmPTE");
    for (long i = 0; i < N; i++) {
        a[i] = actor_spawn(idle, NULL);
        sched_poll();
    }
    while (atomic_load(&parked) < N)
        sched_sleep(1000000);
    sched_sleep(10000000);
    long rss1 = bench_rss_kib(), pte1 = status_kib("VmPTE");
    bench_result("parked", (double)(rss1 - rss0) * 1024.0 / (double)N, "B");
    bench_result("parked_pte", (double)(pte1 - pte0) * 1024.0 / (double)N, "B");
    for (long i = 0; i < N; i++) {
        msgs[i].drop = NULL;
        mbox_send(a[i], &msgs[i]);
    }
    for (long i = 0; i < N; i++) {
        actor_wait(a[i]);
        actor_release(a[i]);
    }
    free(a);
    free(msgs);
}

int main(int argc, char **argv)
{
    N = bench_arg(argc, argv, 200000);
    return sched_run_main(root, NULL);
}
