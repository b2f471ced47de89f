/*
 * timer.c — clock and binary min-heaps of timer nodes (see timer.h).
 *
 * A heap rather than a hashed wheel: timer counts per worker are modest
 * (one per task that waits with a deadline), O(log n) insert and cancel
 * under an uncontended lock cost tens of nanoseconds, and a heap gives the
 * exact next deadline the idle worker needs for its futex timeout — a
 * wheel would need a second structure for that. Revisit if profiles show
 * a worker with 10^5+ live timers.
 */
#define _GNU_SOURCE
#include "sched/timer.h"

#include <stdlib.h>
#include <time.h>

/* Virtual clock of the seeded mode. Only one worker runs then, but a
 * foreign thread may read the clock, so these are atomics (relaxed: a
 * clock value carries no other data). */
static _Atomic bool vclock_on;
static _Atomic int64_t vclock;

int64_t timer_now(void)
{
    /* relaxed: set before the workers start, read-only while they run */
    if (atomic_load_explicit(&vclock_on, memory_order_relaxed))
        /* relaxed: see above */
        return atomic_load_explicit(&vclock, memory_order_relaxed);
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void timer_set_virtual(bool on)
{
    /* relaxed: called before workers start (thread creation orders it) */
    atomic_store_explicit(&vclock, 0, memory_order_relaxed);
    atomic_store_explicit(&vclock_on, on, memory_order_relaxed);
}

bool timer_is_virtual(void)
{
    /* relaxed: see timer_now */
    return atomic_load_explicit(&vclock_on, memory_order_relaxed);
}

void timer_advance_to(int64_t t)
{
    /* relaxed: only the single seeded worker writes the clock */
    if (t > atomic_load_explicit(&vclock, memory_order_relaxed))
        atomic_store_explicit(&vclock, t, memory_order_relaxed);
}

void timer_heap_init(timer_heap_t *h)
{
    pthread_mutex_init(&h->lock, NULL);
    h->v = NULL;
    h->n = h->cap = 0;
    atomic_init(&h->next, TIMER_NEVER);
}

void timer_heap_destroy(timer_heap_t *h)
{
    free(h->v);
    h->v = NULL;
    h->n = h->cap = 0;
    pthread_mutex_destroy(&h->lock);
}

/* ---- heap primitives (lock held) ----------------------------------------- */

static void place(timer_heap_t *h, uint32_t i, timer_node_t *x)
{
    h->v[i] = x;
    x->idx = i;
}

static void sift_up(timer_heap_t *h, uint32_t i)
{
    timer_node_t *x = h->v[i];
    while (i > 0) {
        uint32_t p = (i - 1) / 2;
        if (h->v[p]->deadline <= x->deadline)
            break;
        place(h, i, h->v[p]);
        i = p;
    }
    place(h, i, x);
}

static void sift_down(timer_heap_t *h, uint32_t i)
{
    timer_node_t *x = h->v[i];
    for (;;) {
        uint32_t c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && h->v[c + 1]->deadline < h->v[c]->deadline)
            c++;
        if (x->deadline <= h->v[c]->deadline)
            break;
        place(h, i, h->v[c]);
        i = c;
    }
    place(h, i, x);
}

static void update_next(timer_heap_t *h)
{
    /* relaxed: a hint (timer.h) */
    atomic_store_explicit(&h->next, h->n ? h->v[0]->deadline : TIMER_NEVER,
                          memory_order_relaxed);
}

static void remove_at(timer_heap_t *h, uint32_t i)
{
    timer_node_t *gone = h->v[i];
    gone->idx = TIMER_NONE;
    h->n--;
    if (i != h->n) {
        /* the last node fills the hole; it may belong below or above i */
        timer_node_t *moved = h->v[h->n];
        place(h, i, moved);
        sift_down(h, i);
        sift_up(h, moved->idx);
    }
    update_next(h);
}

/* ---- API -------------------------------------------------------------- */

bool timer_arm(timer_heap_t *h, timer_node_t *node, struct task *t,
               uint32_t seq, int64_t deadline)
{
    node->deadline = deadline;
    node->seq = seq;
    node->task = t;
    node->heap = h;
    pthread_mutex_lock(&h->lock);
    if (h->n == h->cap) {
        uint32_t cap = h->cap ? h->cap * 2 : 64;
        timer_node_t **v = realloc(h->v, cap * sizeof *v);
        if (!v) {
            pthread_mutex_unlock(&h->lock);
            node->idx = TIMER_NONE;
            return false;
        }
        h->v = v;
        h->cap = cap;
    }
    h->v[h->n] = node;
    node->idx = h->n;
    h->n++;
    sift_up(h, node->idx);
    update_next(h);
    pthread_mutex_unlock(&h->lock);
    return true;
}

void timer_cancel(timer_node_t *node)
{
    timer_heap_t *h = node->heap;
    if (!h)
        return;
    pthread_mutex_lock(&h->lock);
    if (node->idx != TIMER_NONE)
        remove_at(h, node->idx);
    pthread_mutex_unlock(&h->lock);
    node->heap = NULL;
}

timer_node_t *timer_pop_expired_locked(timer_heap_t *h, int64_t now)
{
    if (h->n == 0 || h->v[0]->deadline > now)
        return NULL;
    timer_node_t *x = h->v[0];
    remove_at(h, 0);
    return x;
}
