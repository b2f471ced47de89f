/*
 * runq.h — a worker's bounded lock-free run queue (single producer,
 * multiple consumers), after the 256-slot ring of Go's and Tokio's
 * schedulers.
 *
 *   owner:   push at the tail, pop at the head;
 *   thieves: take the older half from the head (sched_runq_grab).
 *
 * Indices are free-running uint32_t (wrapping is harmless: only
 * differences are used). Only the owner writes `tail`; everybody, owner
 * included, consumes by CAS on `head`, which is what makes a pop and a
 * steal of the same slot mutually exclusive.
 *
 * A thief copies the slots it wants and only then commits with the CAS on
 * head. Between the copy and the CAS the owner may pop those slots and
 * push new tasks into them; then the thief's CAS fails and it throws its
 * copy away. The copy is a racing read, so the slots are atomics (relaxed:
 * the CAS on head, not the slot access, is what orders things).
 *
 * Header-only so that the scheduler inlines it and the unit test
 * (tests/runtime/test_sched_runq.c) can exercise it without workers.
 */
#ifndef AITHON_SCHED_RUNQ_H
#define AITHON_SCHED_RUNQ_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

enum { SCHED_RUNQ_SIZE = 256 };

typedef struct sched_runq {
    /* Consumers' end. Own cache line: thieves hammer it while the owner
     * pushes at the tail. */
    _Alignas(64) _Atomic uint32_t head;
    /* Producer's end: written by the owner only, read by thieves. */
    _Alignas(64) _Atomic uint32_t tail;
    _Atomic(void *) slot[SCHED_RUNQ_SIZE];
} sched_runq_t;

static inline void sched_runq_init(sched_runq_t *q)
{
    atomic_init(&q->head, 0);
    atomic_init(&q->tail, 0);
    for (int i = 0; i < SCHED_RUNQ_SIZE; i++)
        atomic_init(&q->slot[i], NULL);
}

/* Number of queued items; exact for the owner, a snapshot for others. */
static inline uint32_t sched_runq_len(sched_runq_t *q)
{
    /* acquire on head: pairs with consumers' CAS-release so that tail read
     * after it is not older than the head (keeps tail - head sane) */
    uint32_t h = atomic_load_explicit(&q->head, memory_order_acquire);
    /* relaxed: a snapshot; the caller revalidates by popping or stealing */
    uint32_t t = atomic_load_explicit(&q->tail, memory_order_relaxed);
    uint32_t n = t - h;
    return n > SCHED_RUNQ_SIZE ? 0 : n;
}

/* Owner only. False when the ring is full (the caller spills to the
 * global queue). */
static inline bool sched_runq_push(sched_runq_t *q, void *item)
{
    /* acquire: pairs with the CAS-release of consumers, so the slot we are
     * about to overwrite has really been consumed (its read is done) */
    uint32_t h = atomic_load_explicit(&q->head, memory_order_acquire);
    /* relaxed: only we write tail */
    uint32_t t = atomic_load_explicit(&q->tail, memory_order_relaxed);
    if (t - h >= SCHED_RUNQ_SIZE)
        return false;
    /* relaxed: published by the release store of tail below */
    atomic_store_explicit(&q->slot[t % SCHED_RUNQ_SIZE], item, memory_order_relaxed);
    /* release: a consumer that sees the new tail sees the slot (and the
     * task's saved context written before the push) */
    atomic_store_explicit(&q->tail, t + 1, memory_order_release);
    return true;
}

/* Owner only. NULL when empty. */
static inline void *sched_runq_pop(sched_runq_t *q)
{
    /* acquire: see the slot contents released by whoever advanced head
     * last (an earlier pop or steal) — and, with the tail below, a
     * consistent pair */
    uint32_t h = atomic_load_explicit(&q->head, memory_order_acquire);
    for (;;) {
        /* relaxed: we are the only writer of tail */
        uint32_t t = atomic_load_explicit(&q->tail, memory_order_relaxed);
        if (t == h)
            return NULL;
        /* relaxed: we wrote this slot ourselves */
        void *item = atomic_load_explicit(&q->slot[h % SCHED_RUNQ_SIZE], memory_order_relaxed);
        /* release on success: commits the consumption, so our later push
         * into this slot cannot be seen before this pop by a thief;
         * acquire on failure: reload a fresh head */
        if (atomic_compare_exchange_weak_explicit(&q->head, &h, h + 1,
                                                  memory_order_release,
                                                  memory_order_acquire))
            return item;
    }
}

/* Any thread (a thief, or the owner spilling). Take ceil(n/2) of the
 * oldest items, at most `max`, into out[]. Returns how many. */
static inline uint32_t sched_runq_grab(sched_runq_t *q, void **out, uint32_t max)
{
    for (;;) {
        /* acquire: pairs with consumers' CAS-release (consistent head) */
        uint32_t h = atomic_load_explicit(&q->head, memory_order_acquire);
        /* acquire: pairs with the owner's tail store-release; the slots
         * below [h, t) are then initialised */
        uint32_t t = atomic_load_explicit(&q->tail, memory_order_acquire);
        uint32_t n = t - h;
        if (n > SCHED_RUNQ_SIZE)
            continue;           /* torn snapshot (head moved under us) */
        n -= n / 2;
        if (n > max)
            n = max;
        if (n == 0)
            return 0;
        for (uint32_t i = 0; i < n; i++)
            /* relaxed: validated by the CAS below */
            out[i] = atomic_load_explicit(&q->slot[(h + i) % SCHED_RUNQ_SIZE],
                                          memory_order_relaxed);
        /* release: commits the consumption (the owner may now reuse the
         * slots); relaxed on failure: we retry from the top */
        if (atomic_compare_exchange_strong_explicit(&q->head, &h, h + n,
                                                    memory_order_release,
                                                    memory_order_relaxed))
            return n;
    }
}

/* Owner only, single-threaded use (the seeded deterministic mode runs one
 * worker, so nothing steals): move the item at position i (0 = head) to
 * the head, so that the next pop returns it. */
static inline void sched_runq_swap_to_head(sched_runq_t *q, uint32_t i)
{
    /* relaxed throughout: no other thread touches this queue */
    uint32_t h = atomic_load_explicit(&q->head, memory_order_relaxed);
    _Atomic(void *) *a = &q->slot[h % SCHED_RUNQ_SIZE];
    _Atomic(void *) *b = &q->slot[(h + i) % SCHED_RUNQ_SIZE];
    void *x = atomic_load_explicit(a, memory_order_relaxed);
    atomic_store_explicit(a, atomic_load_explicit(b, memory_order_relaxed), memory_order_relaxed);
    atomic_store_explicit(b, x, memory_order_relaxed);
}

#endif
