/*
 * spawn.c — cost of an actor's whole life: spawn, run, exit, reclaim.
 *   spawn_exit_ns  the root spawns N actors that end at once (their
 *                  handles dropped right away), then waits for the last
 *                  one: wall time / N (throughput, all workers).
 *   spawn_wait_ns  spawn one, wait for its end, repeat: the latency of a
 *                  single spawn-to-exit round trip.
 * Go: `go f()` + sync.WaitGroup. Erlang: spawn/1 + atomics.
 */
#include "common.h"

#include <stdatomic.h>

static _Atomic long remaining;
static actor_t *root_actor;
static mbox_msg_t done_msg;

static void child(void *arg)
{
    (void)arg;
    /* acq_rel: the last one out tells the root */
    if (atomic_fetch_sub_explicit(&remaining, 1, memory_order_acq_rel) == 1)
        mbox_send(root_actor, &done_msg);
}

static void noop(void *arg) { (void)arg; }

static double spawn_all(long n)
{
    atomic_store(&remaining, n);
    int64_t t0 = bench_now();
    for (long i = 0; i < n; i++) {
        actor_t *a = actor_spawn(child, NULL);
        actor_release(a);
        sched_poll();
    }
    mbox_receive(-1, NULL, NULL);
    return (double)(bench_now() - t0) / (double)n;
}

static double spawn_wait(long n)
{
    int64_t t0 = bench_now();
    for (long i = 0; i < n; i++) {
        actor_t *a = actor_spawn(noop, NULL);
        actor_wait(a);
        actor_release(a);
    }
    return (double)(bench_now() - t0) / (double)n;
}

static long N;

static void root(void *arg)
{
    (void)arg;
    root_actor = actor_self();
    spawn_all(N);               /* warm-up: stacks, malloc arenas */
    double best = 1e18;
    for (int r = 0; r < 3; r++) {
        double v = spawn_all(N);
        if (v < best)
            best = v;
    }
    bench_result("spawn_exit", best, "ns");
    spawn_wait(N / 10);
    best = 1e18;
    for (int r = 0; r < 3; r++) {
        double v = spawn_wait(N / 4);
        if (v < best)
            best = v;
    }
    bench_result("spawn_wait", best, "ns");
}

int main(int argc, char **argv)
{
    N = bench_arg(argc, argv, 1000000);
    return sched_run_main(root, NULL);
}
