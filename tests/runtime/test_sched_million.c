/*
 * test_sched_million.c — 1,000,000 actors alive at once (100,000 under
 * ASan; set AITHON_TEST_SCALE=percent to change):
 *   1. the root spawns them all; each parks in receive;
 *   2. RSS per parked actor is measured (< 5 KiB; page tables reported);
 *   3. every one is sent a message, receives it, replies and ends;
 *   4. RSS comes back near its baseline (the stacks' memory within about a
 *      second, by the scavenger), no actor is left.
 * Prints the timings. Not for TSan (it keeps kilobytes per fiber).
 */
#include "sched_stub.c"

#include <malloc.h>
#include <stdatomic.h>

#include "sched/actor.h"
#include "sched/sched.h"

typedef struct msg {
    mbox_msg_t hdr;
    long value;
} msg_t;

static long n;
static actor_t **actors;
static msg_t *msgs, *replies;
static actor_t *root_actor;
static _Atomic long parked;

static void member(void *arg)
{
    long i = (long)(intptr_t)arg;
    atomic_fetch_add_explicit(&parked, 1, memory_order_relaxed);
    msg_t *m = (msg_t *)mbox_receive(-1, NULL, NULL);
    replies[i].value = m->value + 1;
    mbox_send(root_actor, &replies[i].hdr);
}

static void root(void *arg)
{
    (void)arg;
    root_actor = actor_self();
    long rss0 = test_rss_kib(), pte0 = test_status_kib("VmPTE");
    int64_t t0 = test_now_ns();
    for (long i = 0; i < n; i++) {
        actors[i] = actor_spawn(member, (void *)(intptr_t)i);
        REQUIRE(actors[i], "spawn %ld failed", i);
        sched_poll();
    }
    int64_t t1 = test_now_ns();
    /* wait until every one of them sits in receive */
    while (atomic_load_explicit(&parked, memory_order_relaxed) < n)
        sched_sleep(1000000);
    sched_sleep(20000000);      /* the last ones get to their park */
    int64_t t2 = test_now_ns();
    long rss1 = test_rss_kib(), pte1 = test_status_kib("VmPTE");
    double per = (double)(rss1 - rss0) * 1024.0 / (double)n;
    fprintf(stderr, "million: %ld actors spawned in %.0f ms (%.0f ns each), all parked after %.0f ms\n",
            n, (t1 - t0) / 1e6, (double)(t1 - t0) / (double)n, (t2 - t0) / 1e6);
    fprintf(stderr, "million: RSS +%ld MiB = %.0f B per parked actor; page tables +%ld MiB = %.0f B each\n",
            (rss1 - rss0) >> 10, per, (pte1 - pte0) >> 10, (double)(pte1 - pte0) * 1024.0 / (double)n);
    CHECK(TEST_SANITIZED || per < 5 * 1024, "%.0f bytes per parked actor", per);
    CHECK(actor_live_count() == (uint64_t)n + 1, "live %llu", (unsigned long long)actor_live_count());

    /* message them all; collect the replies */
    for (long i = 0; i < n; i++) {
        msgs[i].value = i;
        mbox_send(actors[i], &msgs[i].hdr);
        sched_poll();
    }
    long sum = 0;
    for (long i = 0; i < n; i++) {
        msg_t *r = (msg_t *)mbox_receive(-1, NULL, NULL);
        sum += r->value;
    }
    CHECK(sum == n * (n + 1) / 2, "replies sum %ld", sum);
    for (long i = 0; i < n; i++) {
        actor_wait(actors[i]);
        actor_release(actors[i]);
    }
    int64_t t3 = test_now_ns();
    fprintf(stderr, "million: messaged, replied and ended in %.0f ms\n", (t3 - t2) / 1e6);
    /* actor_wait returns once an actor has ended; its block is reaped by
     * the next context on its worker, a moment later: allow for that. */
    for (int i = 0; i < 500 && actor_live_count() != 1; i++) sched_sleep(1000000);
    CHECK(actor_live_count() == 1, "live %llu after the end", (unsigned long long)actor_live_count());

    /* the memory comes back: stacks through the warm pool, released by the
     * ticker's scavenger once unused for a second; actor blocks through
     * malloc (trimmed: glibc keeps freed heap pages until asked) */
    for (int i = 0; i < 100; i++) {   /* ~1 s; up to 5 on a loaded machine */
        stack_stats_t st;
        stack_get_stats(&st);
        if (st.stacks_warm == 0)
            break;
        sched_sleep(50000000);
    }
    malloc_trim(0);
    long rss2 = test_rss_kib();
    fprintf(stderr, "million: RSS after the end: +%ld MiB over the baseline (peak +%ld MiB)\n",
            (rss2 - rss0) >> 10, (rss1 - rss0) >> 10);
    CHECK(TEST_SANITIZED || rss2 - rss0 < (rss1 - rss0) / 20 + 16 * 1024,
          "RSS not back near baseline: +%ld KiB (peak +%ld KiB)", rss2 - rss0, rss1 - rss0);
}

static void touch_pages(void *p, size_t size)
{
    for (size_t i = 0; i < size; i += 4096)
        ((volatile char *)p)[i] = 0;
}

int main(void)
{
    n = test_scaled(1000000);
    actors = calloc((size_t)n, sizeof *actors);
    msgs = calloc((size_t)n, sizeof *msgs);
    replies = calloc((size_t)n, sizeof *replies);
    /* touch them now, so that they are part of the RSS baseline (a memset
     * to zero after calloc would be optimised away) */
    touch_pages(actors, (size_t)n * sizeof *actors);
    touch_pages(msgs, (size_t)n * sizeof *msgs);
    touch_pages(replies, (size_t)n * sizeof *replies);
    CHECK(sched_run_main(root, NULL) == 0, "exit code");
    CHECK(actor_live_count() == 0, "%llu actors leaked", (unsigned long long)actor_live_count());
    sched_stats_t st;
    sched_get_stats(&st);
    fprintf(stderr, "million: %llu switches, %llu steals (%llu tasks), %llu worker sleeps, "
            "%llu wake-ups, %llu via the global queue\n",
            (unsigned long long)st.switches, (unsigned long long)st.steals,
            (unsigned long long)st.stolen, (unsigned long long)st.parks,
            (unsigned long long)st.wakeups, (unsigned long long)st.global_pushes);
    free(actors);
    free(msgs);
    free(replies);
    return test_result("test_sched_million");
}
