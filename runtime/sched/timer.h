/*
 * timer.h — the clock and the per-worker timer heaps behind sleep and
 * receive timeouts.
 *
 * Each worker owns a binary min-heap of timer nodes ordered by deadline.
 * A node is embedded in the task that waits (a task waits for at most one
 * deadline at a time), so arming a timer allocates nothing. The heap has a
 * lock because a node is armed on the worker where its task parked but
 * cancelled by that task when it wakes, possibly on another worker after
 * a steal; the lock is uncontended in the common case.
 *
 * Firing (sched.c): the owning worker pops every node whose deadline has
 * passed and, still holding the heap lock, tries to wake the node's task
 * for the exact wait it was armed for (the node's `seq`). Waking under the
 * lock is what makes cancellation safe: a task that was woken by something
 * else cancels its node under the same lock before it can go on (and
 * perhaps exit and be freed), so a firing worker never touches a dead task.
 *
 * The clock is CLOCK_MONOTONIC in nanoseconds. In the seeded
 * deterministic mode (AITHON_SCHED_SEED) it is virtual instead: it starts
 * at 0 and jumps to the next deadline when the (single) worker has
 * nothing else to run, so sleeps and timeouts fire in a reproducible
 * order, and take no wall-clock time.
 */
#ifndef AITHON_SCHED_TIMER_H
#define AITHON_SCHED_TIMER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#define TIMER_NONE UINT32_MAX   /* idx of a node that is in no heap */
#define TIMER_NEVER INT64_MAX

struct task;
struct timer_heap;

typedef struct timer_node {
    int64_t deadline;           /* absolute, timer_now() clock */
    uint32_t idx;               /* position in heap->v, or TIMER_NONE;
                                   protected by heap->lock */
    uint32_t seq;               /* the wait it belongs to (task state seq) */
    struct timer_heap *heap;    /* heap it was last armed in; written only
                                   by the task's own park commit, read by
                                   the task itself after it resumes */
    struct task *task;          /* the waiting task */
} timer_node_t;

typedef struct timer_heap {
    pthread_mutex_t lock;       /* protects v, n, cap and nodes' idx */
    timer_node_t **v;
    uint32_t n, cap;
    /* Earliest deadline, TIMER_NEVER when empty: written under the lock,
     * read without it (relaxed) by the worker's scheduling fast path and
     * its idle sleep, where a stale value only delays or advances a check
     * by one round. */
    _Atomic int64_t next;
} timer_heap_t;

/* Monotonic nanoseconds (virtual in the seeded mode). */
int64_t timer_now(void);
/* Seeded mode: switch the clock to virtual time starting at 0, or back to
 * the real clock. */
void timer_set_virtual(bool on);
bool timer_is_virtual(void);
/* Seeded mode: move virtual time forward to `t` (never backwards). */
void timer_advance_to(int64_t t);

void timer_heap_init(timer_heap_t *h);
void timer_heap_destroy(timer_heap_t *h);

/* The following three take h->lock themselves. */
/* Arm `node` for (task, seq, deadline) in `h`. False only when out of
 * memory. */
bool timer_arm(timer_heap_t *h, timer_node_t *node, struct task *t,
               uint32_t seq, int64_t deadline);
/* Disarm the node if it is still in its heap (called by the owning task). */
void timer_cancel(timer_node_t *node);

/* With h->lock held: remove and return the earliest node if its deadline
 * is <= now, else NULL. */
timer_node_t *timer_pop_expired_locked(timer_heap_t *h, int64_t now);

/* Relaxed read of the earliest deadline. */
static inline int64_t timer_next(timer_heap_t *h)
{
    /* relaxed: a hint, see the field's comment */
    return atomic_load_explicit(&h->next, memory_order_relaxed);
}

#endif
