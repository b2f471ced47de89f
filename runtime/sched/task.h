/*
 * task.h — a green thread: a stack, a saved context and a state word.
 *
 * A task is the unit the scheduler runs. An actor (actor.h) owns its main
 * task (embedded in the actor, so the task lives exactly as long as the
 * actor's last reference); the scheduler never allocates tasks itself.
 *
 * The state word
 *   bits 0–1   status: RUNNING, RUNNABLE, WAITING, DEAD
 *   bits 2–7   while WAITING: which wakers may end the wait (TASK_WAIT_*)
 *   bits 8–15  after a wake: who woke it (TASK_WOKE_*)
 *   bits 32–63 seq: incremented by every wait (task_begin_wait)
 *
 *   A wait is the transition RUNNING → WAITING, made by the park commit
 *   (sched.h) after the task is off its stack. A wake is a CAS WAITING →
 *   RUNNABLE; exactly one waker wins it and then owns the duty of putting
 *   the task on a run queue. A waker names the kinds of wait it may end
 *   and, when it knows it (a timer does), the exact seq, so a late timer
 *   from an earlier wait cannot end a later one. Waits tolerate spurious
 *   wakes anyway (every wait loop re-checks its condition), which keeps
 *   the wakers that do not know the seq (a mailbox sender) simple.
 *
 * Ownership of the other fields: while a task runs, its worker owns it.
 * While it waits, the park protocol owns it (nobody touches `sp`). While it
 * is RUNNABLE, whoever holds it in a queue owns it. The hand-offs are
 * release/acquire pairs (state CAS, run-queue push/pop), so plain fields
 * need no further protection; each says below when it is different.
 */
#ifndef AITHON_SCHED_TASK_H
#define AITHON_SCHED_TASK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "sched/context.h"
#include "sched/stack.h"
#include "sched/timer.h"

#if defined(__SANITIZE_ADDRESS__)
#define SCHED_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SCHED_ASAN 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define SCHED_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SCHED_TSAN 1
#endif
#endif

enum {
    TASK_RUNNING = 0,
    TASK_RUNNABLE = 1,
    TASK_WAITING = 2,
    TASK_DEAD = 3,
    TASK_STATUS_MASK = 3,

    /* kinds of waiter a wake may end (bits 2–7) */
    TASK_WAIT_MBOX = 1 << 2,    /* a message arrived */
    TASK_WAIT_TIMER = 1 << 3,   /* its deadline passed (seq-exact) */
    TASK_WAIT_JOIN = 1 << 4,    /* an actor it waits for ended */
    TASK_WAIT_OTHER = 1 << 5,   /* anything else (tests, future uses) */
    TASK_WAIT_MASK = 0xfc,

    /* who woke it (bits 8–15) */
    TASK_WOKE_SHIFT = 8,
    TASK_WOKE_MASK = 0xff00,
};

#define TASK_SEQ_ANY UINT32_MAX

/* Task flags (set at creation, read-only after). */
enum {
    TASK_F_SCHED = 1,           /* a worker's scheduler context, not a task */
    TASK_F_MAIN = 2,            /* the root task on the big main stack */
    TASK_F_FIFO = 4,            /* whenever it becomes runnable (spawned
                                   or woken): into the run-next slot only
                                   when it is free, else at the tail of
                                   the run queue, never displacing the
                                   occupant: aithon processes, which run
                                   in the order they were spawned or
                                   woken, as BEAM queues them */
};

struct actor;
typedef struct task task_t;

struct task {
    void *sp;                   /* saved stack pointer while off-CPU */
    _Atomic uint64_t state;     /* see above */
    task_t *next;               /* link in the global run queue or an
                                   actor's join list: protected by that
                                   list's lock */
    char *stack_limit;          /* value for ai_tls.stack_limit */
    stack_mem_t stack;          /* [lo, hi); low_water updated by the
                                   worker running the task */
    sched_ctx_entry_fn fn;      /* entry and argument, for the first run */
    void *arg;
    struct actor *actor;        /* owner, NULL for bare tasks */
    /* Called by the next context once the finished task is off its stack
     * and the stack has been recycled: drops the owner's reference. */
    void (*reap)(task_t *t);
    timer_node_t timer;         /* its deadline while waiting with one */
    uint32_t flags;             /* TASK_F_*, immutable */
    uint32_t seq;               /* seq of the current/last wait; the task's
                                   own (written in its commit, read by it) */
    void *gen_current;          /* the generator whose body this task is
                                   running (objects/gen.c); the task's own */
    uint64_t exc_state[5];      /* the compiled code's pending and handled
                                   exception, its contextvars context and
                                   the call site of a warn() in progress
                                   (core/exc.c's ai_task_core,
                                   reached through exc_task_core_offset); the task's
                                   own */
#if SCHED_TSAN
    void *tsan_fiber;           /* TSan's notion of this stack of execution */
#endif
#if SCHED_ASAN
    void *asan_fake_stack;      /* ASan's fake-stack handle across switches */
#endif
};

/* Prepare `t` to start at fn(arg) on `stack` (already allocated). */
void task_init(task_t *t, const stack_mem_t *stack, sched_ctx_entry_fn fn, void *arg);
/* Release sanitizer state (not the stack). */
void task_fini(task_t *t);

static inline uint32_t task_status(uint64_t s) { return (uint32_t)(s & TASK_STATUS_MASK); }
static inline uint32_t task_seq_of(uint64_t s) { return (uint32_t)(s >> 32); }

/* Called by the park commit, on behalf of the parked task: enter a new
 * wait that `kinds` may end. Returns its seq. The store is a release:
 * whoever later observes the wait through a published flag (the mailbox
 * tag, a join list, a timer) sees this state first. */
static inline uint32_t task_begin_wait(task_t *t, uint32_t kinds)
{
    uint32_t seq = ++t->seq;
    /* release: see above */
    atomic_store_explicit(&t->state,
                          ((uint64_t)seq << 32) | kinds | TASK_WAITING,
                          memory_order_release);
    return seq;
}

/* Try to end t's wait. Succeeds (and the caller must then make t run)
 * only if t is WAITING for one of `kinds` and, unless seq is
 * TASK_SEQ_ANY, for exactly that wait. `why` is recorded (TASK_WOKE_*
 * is the waker's kind bit). */
static inline bool task_try_wake(task_t *t, uint32_t kinds, uint32_t seq, uint32_t why)
{
    /* acquire: we may go on to read fields the parker wrote before its
     * release store of WAITING (e.g. the timer node) */
    uint64_t s = atomic_load_explicit(&t->state, memory_order_acquire);
    for (;;) {
        if (task_status(s) != TASK_WAITING || !(s & kinds))
            return false;
        if (seq != TASK_SEQ_ANY && task_seq_of(s) != seq)
            return false;
        uint64_t n = (s & ~(uint64_t)0xffff) | ((uint64_t)why << TASK_WOKE_SHIFT) | TASK_RUNNABLE;
        /* acq_rel: acquire as above; release so the task, once it runs
         * and reads its state, sees what the waker did before waking it */
        if (atomic_compare_exchange_weak_explicit(&t->state, &s, n,
                                                  memory_order_acq_rel,
                                                  memory_order_acquire))
            return true;
    }
}

/* Called by a park commit that failed to publish its wait: take it back.
 * True if we did (the task is ours again and must be requeued); false if
 * a waker got there first (it will requeue the task). */
static inline bool task_unwait(task_t *t, uint32_t seq)
{
    return task_try_wake(t, TASK_WAIT_MASK, seq, 0);
}

/* Who ended the task's last wait (a TASK_WAIT_* bit, 0 if nobody: the
 * park was abandoned). Read by the task itself after it resumes. */
static inline uint32_t task_woken_by(task_t *t)
{
    /* acquire: pairs with the waker's CAS-release */
    uint64_t s = atomic_load_explicit(&t->state, memory_order_acquire);
    return (uint32_t)((s & TASK_WOKE_MASK) >> TASK_WOKE_SHIFT);
}

#endif
