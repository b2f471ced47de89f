/*
 * test_sched_runq.c — the per-worker ring (runtime/sched/runq.h):
 *   - single-threaded semantics: FIFO, capacity 256, grab takes the older
 *     half (rounded up), swap_to_head;
 *   - under contention: one owner pushing and popping while several
 *     thieves grab; every item is consumed exactly once, and each thief
 *     sees the items of one grab in push order.
 */
// tsan
#include "sched_stub.c"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

#include "sched/runq.h"
#include "sched/sched.h"

#define ITEM(i) ((void *)(uintptr_t)((uintptr_t)(i) << 3 | 1))
#define INDEX(p) ((long)((uintptr_t)(p) >> 3))

static sched_runq_t q;
static long n_items, n_alloc;  /* n_alloc: fixed before the threads start */
static _Atomic unsigned char *seen;
static _Atomic int done;
static _Atomic long stolen_total;

static void consume(void *p)
{
    long i = INDEX(p);
    if (i < 0 || i >= n_alloc) {
        fprintf(stderr, "bogus item %ld\n", i);
        _exit(1);
    }
    atomic_fetch_add_explicit(&seen[i], 1, memory_order_relaxed);
}

static void *thief(void *arg)
{
    (void)arg;
    void *buf[SCHED_RUNQ_SIZE / 2];
    long mine = 0;
    while (!atomic_load_explicit(&done, memory_order_acquire) || sched_runq_len(&q)) {
        uint32_t k = sched_runq_grab(&q, buf, SCHED_RUNQ_SIZE / 2);
        for (uint32_t j = 0; j < k; j++) {
            if (j && INDEX(buf[j]) <= INDEX(buf[j - 1])) {
                fprintf(stderr, "grab out of order: %ld after %ld\n", INDEX(buf[j]), INDEX(buf[j - 1]));
                _exit(1);
            }
            consume(buf[j]);
        }
        mine += k;
        if (!k)
            sched_cpu_relax();
    }
    atomic_fetch_add(&stolen_total, mine);
    return NULL;
}

int main(void)
{
    /* 1. single-threaded semantics */
    sched_runq_init(&q);
    CHECK(sched_runq_pop(&q) == NULL, "empty pop");
    for (int i = 0; i < SCHED_RUNQ_SIZE; i++)
        CHECK(sched_runq_push(&q, ITEM(i)), "push %d", i);
    CHECK(!sched_runq_push(&q, ITEM(999)), "push beyond capacity");
    CHECK(sched_runq_len(&q) == SCHED_RUNQ_SIZE, "len %u", sched_runq_len(&q));
    for (int i = 0; i < 10; i++)
        CHECK(sched_runq_pop(&q) == ITEM(i), "FIFO at %d", i);
    void *buf[SCHED_RUNQ_SIZE];
    uint32_t k = sched_runq_grab(&q, buf, SCHED_RUNQ_SIZE);
    CHECK(k == (SCHED_RUNQ_SIZE - 10 + 1) / 2, "grab took %u", k);
    CHECK(buf[0] == ITEM(10) && buf[k - 1] == ITEM(10 + k - 1), "grab took the wrong end");
    CHECK(sched_runq_grab(&q, buf, 3) == 3, "grab max");
    sched_runq_swap_to_head(&q, 5);
    void *h = sched_runq_pop(&q);
    CHECK(h == ITEM(10 + k + 3 + 5), "swap_to_head gave %ld", INDEX(h));
    CHECK(sched_runq_pop(&q) == ITEM(10 + k + 3 + 1), "order after swap");
    while (sched_runq_pop(&q))
        ;
    CHECK(sched_runq_len(&q) == 0, "not empty");
    /* wrap-around of the free-running indices */
    for (int i = 0; i < 10 * SCHED_RUNQ_SIZE + 7; i++) {
        CHECK(sched_runq_push(&q, ITEM(i)), "push %d", i);
        CHECK(sched_runq_pop(&q) == ITEM(i), "pop %d", i);
    }

    /* 2. contention: owner vs 3 thieves */
    n_items = test_scaled(1000000);
    n_alloc = n_items + SCHED_RUNQ_SIZE;
    seen = calloc((size_t)n_alloc, 1);
    sched_runq_init(&q);
    enum { THIEVES = 3 };
    pthread_t th[THIEVES];
    for (int i = 0; i < THIEVES; i++)
        pthread_create(&th[i], NULL, thief, NULL);
    long popped = 0;
    uint64_t rng = 88172645463325252ULL;
    for (long i = 0; i < n_items;) {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        if ((i & 16383) == 0)
            sched_yield();      /* POSIX: give the thieves CPU time too */
        if (rng % 4 != 0) {
            if (sched_runq_push(&q, ITEM(i)))
                i++;
            else if ((h = sched_runq_pop(&q))) {
                consume(h);
                popped++;
            }
        } else if ((h = sched_runq_pop(&q))) {
            consume(h);
            popped++;
        }
    }
    /* a last batch that only the thieves may take (so they surely steal) */
    while (sched_runq_len(&q) && (h = sched_runq_pop(&q))) {
        consume(h);
        popped++;
    }
    n_items += SCHED_RUNQ_SIZE;
    for (long i = n_items - SCHED_RUNQ_SIZE; i < n_items; i++)
        CHECK(sched_runq_push(&q, ITEM(i)), "final push");
    while (sched_runq_len(&q))
        sched_yield();
    atomic_store_explicit(&done, 1, memory_order_release);
    for (int i = 0; i < THIEVES; i++)
        pthread_join(th[i], NULL);
    long bad = 0;
    for (long i = 0; i < n_items; i++)
        if (atomic_load_explicit(&seen[i], memory_order_relaxed) != 1)
            bad++;
    CHECK(bad == 0, "%ld items consumed other than once", bad);
    CHECK(atomic_load(&stolen_total) > 0, "the thieves never stole");
    CHECK(popped + atomic_load(&stolen_total) == n_items, "%ld + %ld != %ld", popped,
          atomic_load(&stolen_total), n_items);
    fprintf(stderr, "runq: %ld items, owner popped %ld, thieves took %ld\n", n_items, popped,
            atomic_load(&stolen_total));
    free((void *)seen);
    return test_result("test_sched_runq");
}
