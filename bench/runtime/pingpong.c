/*
 * pingpong.c — request/reply latency between two actors: one message
 * bounced N times (send, receive, send back, receive).
 *   pingpong_rt_ns  wall time per round trip.
 * Go: two goroutines and two unbuffered channels. Erlang: two processes.
 */
#include "common.h"

static actor_t *ponger;
static actor_t *pinger;
static mbox_msg_t ball;
static long N;

static void pong(void *arg)
{
    (void)arg;
    for (;;) {
        mbox_msg_t *m = mbox_receive(-1, NULL, NULL);
        if (m != &ball)
            return;             /* the stop message */
        mbox_send(pinger, m);
    }
}

static double rally(long n)
{
    int64_t t0 = bench_now();
    for (long i = 0; i < n; i++) {
        mbox_send(ponger, &ball);
        mbox_receive(-1, NULL, NULL);
    }
    return (double)(bench_now() - t0) / (double)n;
}

static void root(void *arg)
{
    (void)arg;
    static mbox_msg_t stop;
    pinger = actor_self();
    ponger = actor_spawn(pong, NULL);
    rally(N / 10);
    double best = 1e18;
    for (int r = 0; r < 3; r++) {
        double v = rally(N);
        if (v < best)
            best = v;
    }
    bench_result("pingpong_rt", best, "ns");
    mbox_send(ponger, &stop);
    actor_wait(ponger);
    actor_release(ponger);
}

int main(int argc, char **argv)
{
    N = bench_arg(argc, argv, 2000000);
    return sched_run_main(root, NULL);
}
