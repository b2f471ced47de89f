/*
 * mailbox.c — Vyukov's intrusive MPSC queue with Pony-style tags, and
 * selective receive over it (see mailbox.h for the protocol and its
 * invariants).
 *
 * The queue, in one picture:
 *
 *     tail (consumer) → stub → m1 → m2 → m3 ← head (producers' exchange)
 *
 * A producer makes m the new head with one exchange and then links the old
 * head to it (prev->next = m). Between those two steps the chain is broken
 * for a moment: the consumer sees head != tail but no next link. q_pop
 * reports that as "nothing yet"; receive spins briefly, and the park
 * commit refuses to park (its CAS expects head == stub), so the message is
 * never lost.
 *
 * The stub is re-pushed by the consumer when it takes the last message,
 * so an empty queue is always head == tail == &stub: that is the state a
 * receiver tags (PARKED) before sleeping and a dying actor tags (DEAD).
 */
#define _GNU_SOURCE
#include "sched/mailbox.h"

#include <sched.h>
#include <stddef.h>

#include "sched/actor.h"
#include "sched/sched.h"

static inline mbox_msg_t *tagged(mbox_msg_t *p, uintptr_t tag)
{
    return (mbox_msg_t *)((uintptr_t)p | tag);
}

static inline mbox_msg_t *untag(mbox_msg_t *p)
{
    return (mbox_msg_t *)((uintptr_t)p & ~(uintptr_t)MBOX_TAG_MASK);
}

void mbox_init(mbox_t *mb)
{
    atomic_init(&mb->stub.next, NULL);
    mb->stub.drop = NULL;
    atomic_init(&mb->head, &mb->stub);
    mb->tail = &mb->stub;
    mb->save_head = mb->save_tail = NULL;
}

/* Append m; returns the tag the exchange removed from head. */
static inline uintptr_t q_push(mbox_t *mb, mbox_msg_t *m)
{
    /* relaxed: published by the release store of prev->next below */
    atomic_store_explicit(&m->next, NULL, memory_order_relaxed);
    /* acq_rel: release publishes m's contents to the consumer (through the
     * chain of exchanges); acquire makes the consumer's tag CAS (release)
     * visible with what preceded it — the parked task's WAITING state —
     * and orders our write to prev->next after prev's initialisation */
    mbox_msg_t *prev = atomic_exchange_explicit(&mb->head, m, memory_order_acq_rel);
    /* release: the consumer's acquire load of next sees m complete */
    atomic_store_explicit(&untag(prev)->next, m, memory_order_release);
    return (uintptr_t)prev & MBOX_TAG_MASK;
}

/* Consumer only. The oldest message, or NULL if the queue is empty or a
 * producer is between its exchange and its link. */
static mbox_msg_t *q_pop(mbox_t *mb)
{
    mbox_msg_t *tail = mb->tail;
    /* acquire: pairs with the producer's release store of next */
    mbox_msg_t *next = atomic_load_explicit(&tail->next, memory_order_acquire);
    if (tail == &mb->stub) {
        if (!next)
            return NULL;
        mb->tail = next;
        tail = next;
        /* acquire: as above */
        next = atomic_load_explicit(&next->next, memory_order_acquire);
    }
    if (next) {
        mb->tail = next;
        return tail;
    }
    /* tail is the last linked message. Is it the head too? */
    /* acquire: if a producer has exchanged, see its message (after its link) */
    mbox_msg_t *head = atomic_load_explicit(&mb->head, memory_order_acquire);
    if (tail != head)
        return NULL;            /* a producer is mid-push: not linked yet */
    /* Re-push the stub behind tail so tail can be handed out. */
    q_push(mb, &mb->stub);
    /* acquire: as above */
    next = atomic_load_explicit(&tail->next, memory_order_acquire);
    if (next) {
        mb->tail = next;
        return tail;
    }
    return NULL;
}

/* Is a push in flight (head moved but not linked yet)? Consumer only. */
static inline bool q_in_flight(mbox_t *mb)
{
    /* relaxed: a hint for spinning; q_pop revalidates */
    mbox_msg_t *head = atomic_load_explicit(&mb->head, memory_order_relaxed);
    return untag(head) != mb->tail;
}

/* q_pop, waiting out a push in flight (a producer between its two
 * instructions; bounded unless the OS preempted it). */
static mbox_msg_t *q_pop_settled(mbox_t *mb)
{
    for (int i = 0;; i++) {
        mbox_msg_t *m = q_pop(mb);
        if (m || !q_in_flight(mb))
            return m;
        if (i < 64)
            sched_cpu_relax();
        else
            sched_yield();      /* POSIX: let the preempted producer run */
    }
}

static inline void drop(mbox_msg_t *m)
{
    if (m->drop)
        m->drop(m);
}

/* We are the consumer of a mailbox whose actor has ended: drop everything
 * and leave the DEAD tag for the next sender. */
static void drain_dead(mbox_t *mb)
{
    for (;;) {
        mbox_msg_t *m;
        while ((m = q_pop_settled(mb)))
            drop(m);
        mbox_msg_t *expect = &mb->stub;
        /* release: hands the consumer role (mb->tail) to the sender that
         * takes the tag with its acquire exchange; relaxed on failure: a
         * message arrived, drain again */
        if (atomic_compare_exchange_strong_explicit(&mb->head, &expect,
                                                    tagged(&mb->stub, MBOX_TAG_DEAD),
                                                    memory_order_release,
                                                    memory_order_relaxed))
            return;
    }
}

void mbox_send(actor_t *to, mbox_msg_t *m)
{
    mbox_t *mb = &to->mbox;
    sched_count_send();
    uintptr_t tag = q_push(mb, m);
    if (tag == MBOX_TAG_PARKED)
        sched_wake(&to->task, TASK_WAIT_MBOX);
    else if (tag == MBOX_TAG_DEAD)
        drain_dead(mb);
}

void mbox_close(mbox_t *mb)
{
    for (mbox_msg_t *m = mb->save_head, *n; m; m = n) {
        /* relaxed: the save queue is ours alone */
        n = atomic_load_explicit(&m->next, memory_order_relaxed);
        drop(m);
    }
    mb->save_head = mb->save_tail = NULL;
    drain_dead(mb);
}

size_t mbox_count(mbox_t *mb)
{
    size_t n = 0;
    /* relaxed: consumer-private list */
    for (mbox_msg_t *m = mb->save_head; m; m = atomic_load_explicit(&m->next, memory_order_relaxed))
        n++;
    /* acquire: producers' links */
    for (mbox_msg_t *m = mb->tail; m; m = atomic_load_explicit(&m->next, memory_order_acquire))
        if (m != &mb->stub)
            n++;
    return n;
}

/* ---- receive ------------------------------------------------------------ */

typedef struct recv_wait {
    mbox_t *mb;
    int64_t deadline;           /* TIMER_NEVER: none */
} recv_wait_t;

/* Park commit (sched.h): tag the empty queue PARKED, or refuse. */
static bool recv_commit(task_t *t, void *arg)
{
    recv_wait_t *rw = arg;
    mbox_t *mb = rw->mb;
    int64_t deadline = rw->deadline;
    uint32_t seq = task_begin_wait(t, TASK_WAIT_MBOX | (deadline != TIMER_NEVER ? TASK_WAIT_TIMER : 0));
    if (deadline != TIMER_NEVER)
        sched_arm_timer(t, seq, deadline);
    /* From the CAS on, a sender may wake t and t may run on another worker
     * and return from its receive: rw (on t's stack) is not touched again. */
    mbox_msg_t *expect = &mb->stub;
    /* release: publishes WAITING (task_begin_wait) before the tag; the
     * sender that removes the tag acquires it. relaxed on failure: we just
     * give up the park */
    if (atomic_compare_exchange_strong_explicit(&mb->head, &expect,
                                                tagged(&mb->stub, MBOX_TAG_PARKED),
                                                memory_order_release,
                                                memory_order_relaxed))
        return true;
    /* A message came in (or is in flight): do not sleep. */
    return !task_unwait(t, seq);
}

/* After a receive park ends, for whatever reason: take the PARKED tag back
 * if no sender took it. If one did, it owes us a wake that may arrive
 * later and be spurious: every wait loop tolerates that. */
static void reclaim(mbox_t *mb)
{
    mbox_msg_t *expect = tagged(&mb->stub, MBOX_TAG_PARKED);
    /* relaxed: no data moves with the tag; the queue's links are read with
     * acquire loads afterwards */
    atomic_compare_exchange_strong_explicit(&mb->head, &expect, &mb->stub,
                                            memory_order_relaxed,
                                            memory_order_relaxed);
}

static void save_append(mbox_t *mb, mbox_msg_t *m)
{
    /* relaxed: the save queue is consumer-private */
    atomic_store_explicit(&m->next, NULL, memory_order_relaxed);
    if (mb->save_tail)
        atomic_store_explicit(&mb->save_tail->next, m, memory_order_relaxed);
    else
        mb->save_head = m;
    mb->save_tail = m;
}

/* Take the first saved message that matches, keeping the others in order. */
static mbox_msg_t *save_take(mbox_t *mb, mbox_match_fn match, void *ctx)
{
    mbox_msg_t *prev = NULL;
    /* relaxed (all next accesses here): consumer-private list */
    for (mbox_msg_t *m = mb->save_head; m;
         prev = m, m = atomic_load_explicit(&m->next, memory_order_relaxed)) {
        if (match && !match(m, ctx))
            continue;
        mbox_msg_t *n = atomic_load_explicit(&m->next, memory_order_relaxed);
        if (prev)
            atomic_store_explicit(&prev->next, n, memory_order_relaxed);
        else
            mb->save_head = n;
        if (mb->save_tail == m)
            mb->save_tail = prev;
        return m;
    }
    return NULL;
}

mbox_msg_t *mbox_receive(int64_t timeout_ns, mbox_match_fn match, void *ctx)
{
    task_t *self = sched_current();
    mbox_t *mb = &self->actor->mbox;

    /* 1. Messages a previous selective receive passed over come first. */
    mbox_msg_t *m = save_take(mb, match, ctx);
    if (m)
        return m;

    int64_t deadline = TIMER_NEVER;
    if (timeout_ns > 0)
        deadline = timer_now() + timeout_ns;

    /* 2. New arrivals, in order; non-matching ones go to the save queue
     * (each is tested once per receive). */
    for (;;) {
        while ((m = q_pop_settled(mb))) {
            if (!match || match(m, ctx))
                return m;
            save_append(mb, m);
        }
        if (timeout_ns == 0)
            return NULL;
        if (deadline != TIMER_NEVER && timer_now() >= deadline)
            return NULL;
        recv_wait_t rw = { mb, deadline };
        sched_park(recv_commit, &rw);
        /* Resumed (maybe on another worker). */
        reclaim(mb);
        if (deadline != TIMER_NEVER)
            timer_cancel(&self->timer);
    }
}
