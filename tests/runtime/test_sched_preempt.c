/*
 * test_sched_preempt.c — time slices and fairness, on ONE worker (so that
 * nothing but preemption can help):
 *   - a task spinning in a polling loop is preempted: a sleeper still wakes
 *     and a freshly spawned actor still runs, within a few milliseconds;
 *   - two actors bouncing messages through the run-next slot forever do not
 *     starve a third task sitting in the ring;
 *   - sched_safepoint with nothing to do returns at once.
 * A watchdog (alarm) turns a starvation hang into a failure.
 */
// tsan
#include "sched_stub.c"

#include <signal.h>
#include <stdatomic.h>

#include "sched/actor.h"
#include "sched/sched.h"

static _Atomic int stop, ran;
static _Atomic int64_t latency_ns;

static void spinner(void *arg)
{
    (void)arg;
    while (!atomic_load_explicit(&stop, memory_order_relaxed))
        sched_poll();           /* what compiled code does at back-edges */
}

static void waker(void *arg)
{
    (void)arg;
    int64_t t0 = timer_now();
    sched_sleep(2000000);
    atomic_store(&latency_ns, timer_now() - t0 - 2000000);
    atomic_store(&stop, 1);
}

static void marker(void *arg)
{
    (void)arg;
    atomic_store(&ran, 1);
}

typedef struct ball {
    mbox_msg_t hdr;
} ball_t;

static actor_t *players[2];
static ball_t balls[3];   /* one in play, two to stop the players */

static void player(void *arg)
{
    int me = (int)(intptr_t)arg;
    while (!atomic_load_explicit(&stop, memory_order_relaxed)) {
        mbox_msg_t *m = mbox_receive(-1, NULL, NULL);
        if (atomic_load_explicit(&stop, memory_order_relaxed))
            break;
        mbox_send(players[1 - me], m);
    }
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "test_sched_preempt: starvation (watchdog fired)\n";
    ssize_t r = write(2, msg, sizeof msg - 1);
    (void)r;
    _exit(1);
}

static void root(void *arg)
{
    (void)arg;
    /* 1. a spinner cannot starve a sleeper */
    actor_t *s = actor_spawn(spinner, NULL);
    actor_t *w = actor_spawn(waker, NULL);
    actor_wait(w);
    actor_wait(s);
    fprintf(stderr, "preempt: sleeper woke %.2f ms late next to a spinner\n",
            atomic_load(&latency_ns) / 1e6);
    /* 1–2 ms expected on a quiet machine; the bound allows for a loaded
     * one (other processes take our CPUs). Starvation would be forever:
     * the watchdog. */
    CHECK(TEST_SANITIZED || atomic_load(&latency_ns) < 200000000, "woke %lld ns late",
          (long long)atomic_load(&latency_ns));
    actor_release(s);
    actor_release(w);

    /* 2. a spinner cannot starve a new actor */
    atomic_store(&stop, 0);
    s = actor_spawn(spinner, NULL);
    sched_yield_task();         /* let the spinner start */
    actor_t *m = actor_spawn(marker, NULL);
    actor_wait(m);
    CHECK(atomic_load(&ran), "marker did not run");
    atomic_store(&stop, 1);
    actor_wait(s);
    actor_release(s);
    actor_release(m);

    /* 3. ping-pong through run-next vs a task in the ring */
    atomic_store(&stop, 0);
    atomic_store(&ran, 0);
    players[0] = actor_spawn(player, (void *)(intptr_t)0);
    players[1] = actor_spawn(player, (void *)(intptr_t)1);
    mbox_send(players[0], &balls[0].hdr);
    sched_sleep(3000000);       /* the rally is on: both players bounce
                                   through run-next, never polling */
    m = actor_spawn(marker, NULL);
    sched_yield_task();         /* the marker goes to the ring */
    actor_wait(m);
    CHECK(atomic_load(&ran), "marker starved by ping-pong");
    atomic_store(&stop, 1);
    mbox_send(players[0], &balls[1].hdr);
    mbox_send(players[1], &balls[2].hdr);
    actor_wait(players[0]);
    actor_wait(players[1]);
    actor_release(players[0]);
    actor_release(players[1]);
    actor_release(m);

    CHECK(sched_safepoint() == 0, "safepoint");
}

int main(void)
{
    signal(SIGALRM, on_alarm);
    alarm(20);
    setenv("AITHON_THREADS", "1", 1);
    CHECK(sched_run_main(root, NULL) == 0, "exit code");
    sched_stats_t st;
    sched_get_stats(&st);
    fprintf(stderr, "preempt: %llu preemptions, %llu switches\n",
            (unsigned long long)st.preemptions, (unsigned long long)st.switches);
    CHECK(st.preemptions > 0, "no preemption happened");
    return test_result("test_sched_preempt");
}
