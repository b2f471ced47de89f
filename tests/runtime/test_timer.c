/*
 * test_timer.c — timers (runtime/sched/timer.c) and sleeping:
 *   - the heap: random arms and cancels; expired nodes come out in
 *     deadline order; `next` tracks the minimum;
 *   - sched_sleep from many actors: nobody wakes early, everybody wakes;
 *   - an idle program costs ~no CPU: a 200 ms sleep, and a 200 ms wait for
 *     a message from a foreign thread, each burn < 10 ms of CPU time.
 */
// tsan
#include "sched_stub.c"

#include <pthread.h>
#include <stdatomic.h>
#include <sys/resource.h>

#include "sched/actor.h"
#include "sched/sched.h"
#include "sched/timer.h"

static int64_t cpu_ns(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ((int64_t)ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000 +
           ((int64_t)ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000;
}

/* ---- 1. the heap ---------------------------------------------------------- */

static void heap_test(void)
{
    enum { N = 5000 };
    timer_heap_t h;
    timer_heap_init(&h);
    timer_node_t *nodes = calloc(N, sizeof *nodes);
    bool *cancelled = calloc(N, sizeof *cancelled);
    uint64_t rng = 12345;
    for (int i = 0; i < N; i++) {
        rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
        int64_t d = (int64_t)(rng >> 40) % 100000;
        CHECK(timer_arm(&h, &nodes[i], NULL, (uint32_t)i, d), "arm");
    }
    int64_t min = INT64_MAX;
    for (int i = 0; i < N; i++)
        if (nodes[i].deadline < min)
            min = nodes[i].deadline;
    CHECK(timer_next(&h) == min, "next %lld != min %lld", (long long)timer_next(&h), (long long)min);
    for (int i = 0; i < N; i += 3) {
        timer_cancel(&nodes[i]);
        cancelled[i] = true;
        CHECK(nodes[i].idx == TIMER_NONE && nodes[i].heap == NULL, "cancel %d", i);
    }
    timer_cancel(&nodes[0]);    /* twice is fine */
    int64_t last = -1;
    int popped = 0;
    for (int64_t now = 0; now < 100000 + 997; now += 997) {
        pthread_mutex_lock(&h.lock);
        timer_node_t *x;
        while ((x = timer_pop_expired_locked(&h, now))) {
            CHECK(x->deadline <= now, "popped early");
            CHECK(x->deadline >= last, "out of order");
            CHECK(!cancelled[x->seq], "a cancelled node fired");
            CHECK(x->idx == TIMER_NONE, "idx of popped");
            last = x->deadline;
            popped++;
        }
        pthread_mutex_unlock(&h.lock);
    }
    CHECK(popped == N - (N + 2) / 3, "popped %d", popped);
    CHECK(timer_next(&h) == TIMER_NEVER, "not empty");
    timer_heap_destroy(&h);
    free(nodes);
    free(cancelled);
}

/* ---- 2. many sleepers ----------------------------------------------------- */

static _Atomic int early, woke;

static void sleeper(void *arg)
{
    int64_t ns = (int64_t)(intptr_t)arg;
    int64_t t0 = timer_now();
    sched_sleep(ns);
    if (timer_now() - t0 < ns)
        atomic_fetch_add(&early, 1);
    atomic_fetch_add(&woke, 1);
}

/* ---- 3. idle CPU ------------------------------------------------------- */

static actor_t *waiter;

static void *late_sender(void *arg)
{
    (void)arg;
    struct timespec ts = { 0, 200000000 };
    nanosleep(&ts, NULL);
    static mbox_msg_t m = { NULL, NULL };
    mbox_send(waiter, &m);
    return NULL;
}

static void root(void *arg)
{
    (void)arg;
    enum { K = 1000 };
    actor_t *a[K];
    uint64_t rng = 99;
    for (int i = 0; i < K; i++) {
        rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
        a[i] = actor_spawn(sleeper, (void *)(intptr_t)(int64_t)((rng >> 33) % 20000000));
    }
    for (int i = 0; i < K; i++) {
        actor_wait(a[i]);
        actor_release(a[i]);
    }
    CHECK(atomic_load(&woke) == K, "%d of %d woke", atomic_load(&woke), K);
    CHECK(atomic_load(&early) == 0, "%d woke early", atomic_load(&early));

    /* idle: every worker asleep, one timer pending */
    int64_t c0 = cpu_ns(), t0 = timer_now();
    sched_sleep(200000000);
    int64_t cpu = cpu_ns() - c0, wall = timer_now() - t0;
    fprintf(stderr, "timer: idle 200 ms sleep: %.2f ms CPU over %.1f ms\n", cpu / 1e6, wall / 1e6);
    CHECK(TEST_SANITIZED || cpu < 10000000, "idle sleep burnt %lld ns of CPU", (long long)cpu);

    /* idle: every worker asleep, no timer at all */
    waiter = actor_self();
    pthread_t th;
    c0 = cpu_ns();
    pthread_create(&th, NULL, late_sender, NULL);
    mbox_msg_t *m = mbox_receive(-1, NULL, NULL);
    cpu = cpu_ns() - c0;
    pthread_join(th, NULL);
    CHECK(m != NULL, "no message");
    fprintf(stderr, "timer: idle 200 ms receive: %.2f ms CPU\n", cpu / 1e6);
    CHECK(TEST_SANITIZED || cpu < 10000000, "idle receive burnt %lld ns of CPU", (long long)cpu);
}

int main(void)
{
    heap_test();
    CHECK(sched_run_main(root, NULL) == 0, "exit code");
    return test_result("test_timer");
}
