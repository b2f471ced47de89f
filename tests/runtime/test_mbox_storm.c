/*
 * test_mbox_storm.c — a message storm: every actor of a group sends
 * thousands of messages to random members (itself included) while
 * receiving its own share, with plain and selective receives mixed.
 * Checks: every message arrives exactly once, messages from one sender to
 * one receiver arrive in the order sent (also through the save queue of
 * selective receive), nothing leaks. Run twice: all workers, and the
 * seeded deterministic mode.
 */
// tsan
#include "sched_stub.c"

#include <stdatomic.h>

#include "sched/actor.h"
#include "sched/sched.h"

enum { MAXA = 256 };

typedef struct msg {
    mbox_msg_t hdr;
    int from;
    long seq;                   /* per (sender, receiver) */
} msg_t;

static int na;
static long per_actor;
static actor_t *group[MAXA];
static long expected[MAXA];     /* computed before the storm */
static _Atomic long errors, received_total, allocated, freed;

static uint64_t prng(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void drop_msg(mbox_msg_t *m)
{
    atomic_fetch_add(&freed, 1);
    free(m);
}

typedef struct want {
    int from;
} want_t;

static bool from_is(mbox_msg_t *m, void *ctx)
{
    return ((msg_t *)m)->from == ((want_t *)ctx)->from;
}

static void check(msg_t *m, long *next)
{
    if (m->seq != next[m->from]) {
        if (atomic_fetch_add(&errors, 1) < 5)
            fprintf(stderr, "storm: from %d got seq %ld, expected %ld\n", m->from, m->seq,
                    next[m->from]);
    }
    next[m->from] = m->seq + 1;
    atomic_fetch_add(&freed, 1);
    free(m);
}

static void member(void *arg)
{
    int me = (int)(intptr_t)arg;
    long sent_to[MAXA] = { 0 }, next[MAXA] = { 0 };
    uint64_t s = 0x9E3779B97F4A7C15ULL * (uint64_t)(me + 1);
    long got = 0;
    /* wait for the start signal (group[] is complete then); storm
     * messages that beat it wait in the save queue, in order */
    want_t go = { -1 };
    free(mbox_receive(-1, from_is, &go));
    for (long i = 0; i < per_actor; i++) {
        int to = (int)(prng(&s) % (uint64_t)na);
        msg_t *m = malloc(sizeof *m);
        m->hdr.drop = drop_msg;
        m->from = me;
        m->seq = sent_to[to]++;
        atomic_fetch_add(&allocated, 1);
        mbox_send(group[to], &m->hdr);
        /* interleave: take what has arrived so far */
        if (i % 16 == 15) {
            msg_t *r;
            while (got < expected[me] && (r = (msg_t *)mbox_receive(0, NULL, NULL))) {
                check(r, next);
                got++;
            }
        }
        sched_poll();
    }
    uint64_t pick = (uint64_t)me;
    while (got < expected[me]) {
        msg_t *r;
        if (got % 7 == 3) {
            /* selective: the oldest message from some sender that still
             * owes us messages; wait for one if needed */
            want_t w = { (int)(prng(&pick) % (uint64_t)na) };
            r = (msg_t *)mbox_receive(0, from_is, &w);
            if (!r)
                r = (msg_t *)mbox_receive(-1, NULL, NULL);
        } else {
            r = (msg_t *)mbox_receive(-1, NULL, NULL);
        }
        check(r, next);
        got++;
    }
    atomic_fetch_add(&received_total, got);
    /* nobody sends to us any more: we have had all our messages */
}

static void root(void *arg)
{
    (void)arg;
    memset(expected, 0, sizeof expected);
    for (int a = 0; a < na; a++) {
        uint64_t s = 0x9E3779B97F4A7C15ULL * (uint64_t)(a + 1);
        for (long i = 0; i < per_actor; i++)
            expected[prng(&s) % (uint64_t)na]++;
    }
    for (int a = 0; a < na; a++)
        group[a] = actor_spawn(member, (void *)(intptr_t)a);
    /* start: nobody sends before group[] is complete */
    for (int a = 0; a < na; a++) {
        msg_t *go = malloc(sizeof *go);
        go->hdr.drop = NULL;
        go->from = -1;
        go->seq = 0;
        mbox_send(group[a], &go->hdr);
    }
    for (int a = 0; a < na; a++)
        actor_wait(group[a]);
    for (int a = 0; a < na; a++)
        actor_release(group[a]);
}

int main(void)
{
    na = 200;
    per_actor = test_scaled(5000);
    if (TEST_TSAN)
        na = 40;
    int64_t t0 = test_now_ns();
    CHECK(sched_run_main(root, NULL) == 0, "exit code");
    int64_t t1 = test_now_ns();
    long total = (long)na * per_actor;
    CHECK(atomic_load(&errors) == 0, "%ld ordering errors", atomic_load(&errors));
    CHECK(atomic_load(&received_total) == total, "received %ld of %ld",
          atomic_load(&received_total), total);
    fprintf(stderr, "storm: %d actors, %ld messages in %.0f ms (%.0f ns per message)\n", na, total,
            (t1 - t0) / 1e6, (double)(t1 - t0) / (double)total);

    atomic_store(&received_total, 0);
    setenv("AITHON_SCHED_SEED", "1234", 1);
    CHECK(sched_run_main(root, NULL) == 0, "exit code (seeded)");
    unsetenv("AITHON_SCHED_SEED");
    CHECK(atomic_load(&errors) == 0, "%ld ordering errors (seeded)", atomic_load(&errors));
    CHECK(atomic_load(&received_total) == total, "received %ld of %ld (seeded)",
          atomic_load(&received_total), total);

    CHECK(atomic_load(&allocated) == atomic_load(&freed), "%ld allocated, %ld freed",
          atomic_load(&allocated), atomic_load(&freed));
    CHECK(actor_live_count() == 0, "%llu actors leaked", (unsigned long long)actor_live_count());
    return test_result("test_mbox_storm");
}
