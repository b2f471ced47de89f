/*
 * actor.c — spawning, ending, watching and waiting for actors.
 *
 * An actor is one malloc'd block: its mailbox, its main task (whose stack
 * comes from the stack caches) and bookkeeping. See actor.h for the order
 * of events at an actor's end and for the handle rules.
 *
 * Reference counting. refs starts at 2: the spawner's handle and the
 * running task's. The task's reference is dropped by the task's reap
 * hook, which the scheduler calls once the task is off its stack and the
 * stack is recycled; so the block (and the task embedded in it) outlives
 * every use the scheduler makes of it. A sender holds a reference for the
 * duration of mbox_send, which is why a send to an ended actor is safe.
 *
 * The lock. A byte-sized spin lock, held for a few instructions at a time
 * (watcher and join lists). It is taken on worker threads outside any
 * task's time slice logic, so a holder is never preempted by us; the OS
 * may still deschedule it, hence the fall back to sched_yield() (POSIX).
 */
#define _GNU_SOURCE
#include "sched/actor.h"

#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sched/sched.h"

static void (*_Atomic exit_hook)(actor_t *a);

static void lock(actor_t *a)
{
    for (int spins = 0;;) {
        /* acquire: the critical section sees the previous holder's writes */
        if (!atomic_exchange_explicit(&a->lock, 1, memory_order_acquire))
            return;
        /* relaxed: just waiting for a change */
        while (atomic_load_explicit(&a->lock, memory_order_relaxed)) {
            if (++spins < 100)
                sched_cpu_relax();
            else
                sched_yield();
        }
    }
}

static void unlock(actor_t *a)
{
    /* release: publishes the critical section */
    atomic_store_explicit(&a->lock, 0, memory_order_release);
}

void actor_set_exit_hook(void (*hook)(actor_t *a))
{
    /* release: the hook's own initialisation happens before its first call */
    atomic_store_explicit(&exit_hook, hook, memory_order_release);
}

uint64_t actor_live_count(void)
{
    int64_t n = sched_actor_live();
    return n > 0 ? (uint64_t)n : 0;
}

void actor_retain(actor_t *a)
{
    /* relaxed: the caller already holds a reference, so the count cannot
     * reach zero concurrently; nothing to order */
    atomic_fetch_add_explicit(&a->refs, 1, memory_order_relaxed);
}

void actor_release(actor_t *a)
{
    /* acq_rel: release so that our uses of the actor happen before its
     * destruction by whoever drops the count to zero; acquire so that, if
     * that is us, we see every other holder's uses before freeing. (One
     * RMW instead of release + acquire fence: TSan understands it.) */
    if (atomic_fetch_sub_explicit(&a->refs, 1, memory_order_acq_rel) != 1)
        return;
    free(a);
    sched_actor_delta(-1);
}

actor_t *actor_self(void)
{
    task_t *t = sched_current();
    return t ? t->actor : NULL;
}

bool actor_is_alive(const actor_t *a)
{
    /* acquire: if it says "ended", exit_code/reason are readable */
    return atomic_load_explicit(&a->alive, memory_order_acquire) != 0;
}

int32_t actor_exit_code(const actor_t *a) { return a->exit_code; }
void *actor_exit_reason(const actor_t *a) { return a->exit_reason; }
uint64_t actor_id(const actor_t *a) { return a->id; }

/* The actor's end, on its own task. */
static void finish(actor_t *a, int32_t code, void *reason)
{
    a->exit_code = code;
    a->exit_reason = reason;
    lock(a);
    /* release: exit_code/reason above are visible to whoever sees 0 */
    atomic_store_explicit(&a->alive, 0, memory_order_release);
    actor_watcher_t *watchers = a->watchers;
    task_t *joiners = a->joiners;
    a->watchers = NULL;
    a->joiners = NULL;
    unlock(a);

    for (actor_watcher_t *w = watchers, *n; w; w = n) {
        n = w->next;            /* fn may free w */
        w->fn(a, w);
    }
    /* acquire: pairs with actor_set_exit_hook */
    void (*hook)(actor_t *) = atomic_load_explicit(&exit_hook, memory_order_acquire);
    if (hook)
        hook(a);
    mbox_close(&a->mbox);
    for (task_t *t = joiners, *n; t; t = n) {
        n = t->next;            /* t may run (and reuse next) once woken */
        sched_wake(t, TASK_WAIT_JOIN);
    }
}

static void actor_entry(void *p)
{
    actor_t *a = p;
    a->fn(a->arg);
    finish(a, ACTOR_EXIT_NORMAL, NULL);
    /* task_start calls sched_task_exit() when we return */
}

_Noreturn void actor_exit(int32_t code, void *reason)
{
    actor_t *a = actor_self();
    finish(a, code, reason);
    sched_task_exit();
}

/* Reap hook: the task is off its stack for good. Drop the running
 * reference and recycle the stack; if that was the last reference (the
 * spawner let go of its handle long ago: the common case), the actor's
 * block goes along with the stack as its spare (stack.h) for the next
 * spawn to reuse. */
static void reap_task(task_t *t)
{
    actor_t *a = t->actor;
    stack_mem_t st = t->stack;
    st.spare = NULL;
    /* acq_rel: as in actor_release */
    if (atomic_fetch_sub_explicit(&a->refs, 1, memory_order_acq_rel) == 1) {
        sched_actor_delta(-1);
        if (st.slab)
            st.spare = a;
        else
            free(a);            /* the root's block: its stack is unmapped */
    }
    sched_stack_free(&st);
}

static actor_t *make(void (*fn)(void *), void *arg, stack_mem_t *st, uint32_t flags)
{
    actor_t *a = st->spare ? st->spare : malloc(sizeof *a);
    st->spare = NULL;
    if (!a)
        return NULL;
    sched_count_spawn();
    mbox_init(&a->mbox);
    a->heap = NULL;
    a->aio = NULL;
    a->ext = NULL;
    a->fn = fn;
    a->arg = arg;
    a->id = sched_next_id();
    /* relaxed (these three): not yet published; sched_spawn's queue push
     * is the release that publishes the whole block */
    atomic_store_explicit(&a->refs, 2, memory_order_relaxed);
    atomic_store_explicit(&a->alive, 1, memory_order_relaxed);
    atomic_store_explicit(&a->lock, 0, memory_order_relaxed);
    a->exit_code = 0;
    a->exit_reason = NULL;
    a->watchers = NULL;
    a->joiners = NULL;
    task_init(&a->task, st, actor_entry, a);
    a->task.actor = a;
    a->task.reap = reap_task;
    a->task.flags = flags;
    sched_actor_delta(+1);
    return a;
}

actor_t *actor_new(void (*fn)(void *arg), void *arg)
{
    stack_mem_t st;
    if (!sched_stack_alloc(&st))
        return NULL;
    actor_t *a = make(fn, arg, &st, 0);
    if (!a)
        sched_stack_free(&st);
    return a;
}

void actor_set_fifo(actor_t *a)
{
    a->task.flags |= TASK_F_FIFO;   /* not yet published: actor_start is */
}

void actor_start(actor_t *a)
{
    sched_spawn(&a->task);
}

actor_t *actor_spawn(void (*fn)(void *arg), void *arg)
{
    actor_t *a = actor_new(fn, arg);
    if (a)
        actor_start(a);
    return a;
}

actor_t *actor_spawn_main(void (*fn)(void *arg), void *arg)
{
    stack_mem_t st;
    if (!stack_alloc_main(&st, STACK_MAIN_SIZE))
        return NULL;
    actor_t *a = make(fn, arg, &st, TASK_F_MAIN);
    if (!a) {
        stack_free_main(&st);
        return NULL;
    }
    sched_spawn(&a->task);
    return a;
}

/* ---- watching and waiting ------------------------------------------------ */

bool actor_watch(actor_t *a, actor_watcher_t *w)
{
    lock(a);
    /* relaxed: under the lock, which finish() also holds when clearing it */
    bool alive = atomic_load_explicit(&a->alive, memory_order_relaxed);
    if (alive) {
        w->next = a->watchers;
        a->watchers = w;
    }
    unlock(a);
    return alive;
}

bool actor_unwatch(actor_t *a, actor_watcher_t *w)
{
    bool found = false;
    lock(a);
    for (actor_watcher_t **pp = &a->watchers; *pp; pp = &(*pp)->next)
        if (*pp == w) {
            *pp = w->next;
            found = true;
            break;
        }
    unlock(a);
    return found;
}

/* Park commit for actor_wait: join the list, or refuse if it has ended. */
static bool join_commit(task_t *t, void *arg)
{
    actor_t *a = arg;
    uint32_t seq = task_begin_wait(t, TASK_WAIT_JOIN);
    lock(a);
    /* relaxed: under the lock */
    if (!atomic_load_explicit(&a->alive, memory_order_relaxed)) {
        unlock(a);
        return !task_unwait(t, seq);
    }
    t->next = a->joiners;
    a->joiners = t;
    unlock(a);
    return true;
}

int32_t actor_wait(actor_t *a)
{
    if (a == actor_self())
        return -1;              /* would wait forever */
    if (sched_current()) {
        while (actor_is_alive(a))
            sched_park(join_commit, a);
    } else {
        /* A foreign thread: no task to park; poll gently. */
        while (actor_is_alive(a)) {
            struct timespec ts = { 0, 1000000 };
            nanosleep(&ts, NULL);
        }
    }
    return a->exit_code;
}
