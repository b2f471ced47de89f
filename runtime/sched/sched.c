/*
 * sched.c — the M:N scheduler: workers, run queues, parking, stealing,
 * idle sleep, preemption, the program's start and end.
 *
 * Concepts
 *   worker        An OS thread (one per CPU, or AITHON_THREADS) that runs
 *                 tasks. It owns a 256-slot lock-free ring of runnable
 *                 tasks (runq.h), a one-task "run next" slot, a timer heap
 *                 (timer.h), a stack cache (stack.h) and a scheduler
 *                 context: the thread's own stack, where its loop looks for
 *                 work and sleeps.
 *   task          A green thread (task.h). Only a worker runs it; it can
 *                 run on different workers over its life.
 *   global queue  A mutex-protected FIFO for tasks made runnable outside the
 *                 workers and for the overflow of full rings.
 *   spinning      A worker with nothing to do first "spins": looks for work
 *                 to steal. At most half of the busy workers spin at once.
 *   idle          A worker that found nothing sleeps on a futex, on the idle
 *                 list, until a submitter wakes it or its next timer is due.
 *   ticker        A thread that ends time slices: every millisecond it
 *                 raises the poll flag of a worker still running the slice
 *                 it saw at the previous tick (so a slice is 1–2 ms).
 *
 * Switching
 *   A task that stops running (park, yield, exit) switches *directly* to
 *   the next task when its own worker has one, and to the scheduler
 *   context otherwise. What must happen once it is off its stack — publish
 *   the park, requeue the yielder, recycle the finished task's stack — is
 *   recorded in worker->after and done first thing by whichever context
 *   runs next (run_after). Doing it before the switch would let another
 *   worker resume the task while its registers are still being saved.
 *
 * Protocols
 *   1. Spawn. The new task goes into the spawner's run-next slot; the
 *      slot's previous occupant moves to the ring tail, where thieves can
 *      take it (so a parent that spawns ten children and waits runs the
 *      last child at once, depth first, and the other nine can be stolen).
 *      From outside the workers: the global queue, then step 6f.
 *   2. Park. The task stores {PARK, commit} in worker->after and switches
 *      away; the next context calls commit(t), which
 *        a. stores t->state = WAITING|kinds|seq (release),
 *        b. publishes the wait (mailbox tag, join list, timer);
 *        c. if the awaited event has already happened (publishing failed),
 *           takes the wait back with a CAS; if that CAS wins, t is put
 *           back in run-next; if it loses, a waker owns t (step 3).
 *   3. Wake. A waker CASes t->state WAITING → RUNNABLE (acq_rel). One
 *      waker wins and then puts t in its own worker's run-next slot (a
 *      reply runs as soon as the sender parks: one switch per hop) or,
 *      outside the workers, on the global queue. A push to run-next wakes
 *      no idle worker: run-next cannot be stolen, its task runs when the
 *      current one parks, or at the latest when the slice ends (step 7).
 *   4. Pick. Run-next first — the picked task inherits the current time
 *      slice, so two tasks bouncing through run-next cannot keep the ring
 *      from running for more than a slice — then the ring, then the global
 *      queue. Every 61st pick looks at the global queue first, so that it
 *      cannot starve. Expired timers move their tasks to the ring.
 *   5. Steal. A worker with no local work becomes a spinner (if fewer than
 *      half of the busy workers spin) and takes half of a victim's ring,
 *      victims in random order, a few rounds.
 *   6. Sleep and wake-up of workers.
 *        Idler:     a. push itself on the idle list, nidle++;
 *                   b. if it was spinning, nspinning--;
 *                   c. fence(seq_cst); look at every ring, the global
 *                      queue and shutdown again;
 *                   d. work found: leave the idle list, spin again;
 *                      else futex-wait on its wake word, with a timeout at
 *                      its next timer's deadline.
 *        Submitter, after pushing to a ring or the global queue:
 *                   e. fence(seq_cst);
 *                   f. if nspinning == 0 and nidle > 0: CAS nspinning 0→1,
 *                      pop an idle worker, set its wake word, futex-wake
 *                      it; it starts as a spinner (counted by us).
 *        A spinner that finds work stops spinning; if it was the last
 *        spinner it does e–f, since there may be more work than it took.
 *      No lost wake-up: the fences c and e are seq_cst, so either the
 *      idler's re-check sees the submitter's push, or the submitter sees
 *      the idler's nidle++ (Dekker). If the submitter saw nspinning > 0,
 *      that spinner will either take work or go through b–c itself, after
 *      un-counting itself, and so see the push. The futex compares the
 *      wake word, so a wake between c and the wait is not lost either.
 *   7. Preemption. The ticker raises worker->preempt and ai_tls.poll of a
 *      worker whose slice counter did not move for a tick; the task's next
 *      safepoint calls sched_safepoint(), which yields it to the ring
 *      tail. When every worker is idle the ticker sleeps on its own futex
 *      (same Dekker pairing against nidle) and the first worker to wake
 *      wakes it: an idle program makes no system calls.
 *   8. Program end. When the root task has ended and is off its stack,
 *      sched_run_main sets shutdown, wakes every worker and raises every
 *      poll flag; each worker leaves its loop at its next scheduling point.
 *      Tasks still alive are abandoned (daemon semantics).
 *
 * Deterministic mode (AITHON_SCHED_SEED): one worker; the next task is
 *   drawn at random (seeded xorshift) among run-next and the ring; the
 *   poll flag stays raised and each safepoint spends a random budget
 *   before yielding; timers run on a virtual clock (timer.h). No ticker,
 *   no stealing: the interleaving is a function of the seed and the
 *   program. Spawns from foreign threads are the one source of
 *   non-determinism left.
 *
 * Rejected
 *   - swapcontext/ucontext: a sigprocmask system call per switch.
 *   - A locked run queue per worker: contention on every push and steal;
 *     the ring costs one CAS per pop and is never locked.
 *   - A Chase–Lev deque with LIFO owner pops: ideal for fork-join, unfair
 *     for actors (a requeued task can starve older ones). The run-next
 *     slot gives the LIFO locality where it matters: the task just woken
 *     or spawned.
 *   - Waking an idle worker on each push to run-next: a futex wake per
 *     message in request/reply, for a thief that finds nothing to steal.
 *   - Switching to the scheduler context on every park (Go's mcall to
 *     g0): a second switch on the hottest path.
 *   - Signal-based preemption: compiled code polls anyway, and a
 *     cooperative poll keeps the GC's view of stacks and registers exact.
 *   - A spinning idle loop or a periodic ticker that never sleeps: an idle
 *     program must cost no CPU.
 */
#define _GNU_SOURCE
#include "sched/sched.h"

#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "sched/actor.h"
#include "sched/runq.h"

#if SCHED_TSAN
#include <sanitizer/tsan_interface.h>
#endif
#if SCHED_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

#define TICK_NS 1000000             /* ticker period: slices are 1–2 ms */
#define GLOBAL_FAIRNESS 61          /* look at the global queue every Nth pick */
#define STEAL_ROUNDS 4
#define SHUTDOWN_GRACE_NS 500000000 /* for a worker stuck in a task to stop */
#define SHUTDOWN_MAX_NS 5000000000LL /* for any worker to stop */
#define ID_BLOCK 1024
#define SPAWN_SLICE 128             /* spawns that use up a time slice */
#define SCAVENGE_TICKS 256          /* ticker: look at the warm stacks… */
#define STACK_MAX_IDLE_NS 1000000000 /* …and release those idle for 1 s */

/* A seq_cst fence (the Dekker pairs of protocol steps 6 and 7). GCC's
 * ThreadSanitizer does not model fences and rejects them; under TSan it is
 * a seq_cst read-modify-write of one shared word instead, which gives the
 * same guarantee: of two such RMWs the later one reads from the earlier,
 * so each pair of fenced code paths is ordered one way or the other. */
#if SCHED_TSAN
static _Atomic uint32_t fence_word;
#define FENCE_SEQ_CST() atomic_fetch_add_explicit(&fence_word, 0, memory_order_seq_cst)
#else
#define FENCE_SEQ_CST() atomic_thread_fence(memory_order_seq_cst)
#endif

/* ---- workers ----------------------------------------------------------- */

enum { AFTER_NONE, AFTER_PARK, AFTER_YIELD, AFTER_EXIT };

/* What the next context must do for the one that just switched out. */
typedef struct after {
    int op;
    task_t *t;
    sched_commit_fn commit;
    void *arg;
} after_t;

/* A relaxed counter that only its owner increments: a plain load and
 * store (no locked instruction), atomic only so that a reader on another
 * thread is not a data race. */
typedef _Atomic uint64_t stat_t;
static inline void stat_inc(stat_t *c)
{
    /* relaxed: statistics, single writer */
    atomic_store_explicit(c, atomic_load_explicit(c, memory_order_relaxed) + 1,
                          memory_order_relaxed);
}

typedef struct worker {
    sched_runq_t q;                 /* owner pushes/pops, thieves grab */
    int id;
    task_t *runnext;                /* owner only (never stolen) */
    task_t *current;                /* owner only: the running context */
    after_t after;                  /* owner only */
    task_t sched_task;              /* the scheduler context (thread stack) */
    _Atomic(ai_worker_tls *) tls;   /* this thread's ai_tls, so that the
                                       ticker can raise its poll flag;
                                       NULL until the thread has started */
    _Atomic uint32_t tick;          /* slice counter: owner stores, ticker
                                       loads (relaxed: a hint) */
    _Atomic uint32_t in_task;       /* 1 while running a task (relaxed) */
    _Atomic uint32_t exited;        /* 1 once the thread left its loop */
    _Atomic uint32_t preempt;       /* ticker sets, owner clears (relaxed) */
    uint32_t ticker_seen;           /* ticker only */
    _Atomic uint32_t wake_word;     /* futex word: 1 = woken by a submitter;
                                       set under S.idle_lock */
    bool spinning;                  /* owner only (counted in S.nspinning) */
    bool on_idle;                   /* protected by S.idle_lock */
    struct worker *idle_next;       /* protected by S.idle_lock */
    uint32_t schedtick;             /* owner only */
    uint32_t spawns;                /* owner only: spawns in this slice */
    int32_t budget;                 /* seeded mode: polls left in the slice */
    uint64_t rng;                   /* owner only */
    uint64_t id_next, id_end;       /* owner only: block of actor ids */
    stack_cache_t stacks;           /* owner only */
    timer_heap_t timers;            /* its own lock */
    stat_t switches, steals, stolen, parks, wakeups, preemptions;
    stat_t spawned, sent;           /* actors spawned, messages sent here */
    _Atomic int64_t actor_delta;    /* owner writes (plain add), others read */
    pthread_t thread;
} worker_t;

/* Scheduler-wide state. Fields written only while no worker runs (in
 * sched_run_main before the threads start or after they stop) need no
 * protection; the others say what protects them. */
static struct {
    int nworkers;
    worker_t **w;
    bool seeded;
    uint64_t seed;
    bool running;                   /* main thread only */
    bool dirty;                     /* a previous run left workers behind */

    pthread_mutex_t gq_lock;        /* protects gq_head, gq_tail */
    task_t *gq_head, *gq_tail;
    _Atomic uint32_t gq_len;        /* written under gq_lock; read without it
                                       as a hint (relaxed) or in the idle
                                       re-check (after a seq_cst fence) */

    pthread_mutex_t idle_lock;      /* protects idle, workers' on_idle */
    worker_t *idle;
    _Atomic int32_t nidle;          /* seq_cst: the Dekker pairs of step 6 */
    _Atomic int32_t nspinning;      /* seq_cst: idem */

    _Atomic uint32_t shutdown;
    _Atomic uint32_t main_done;     /* futex word of the main thread */
    _Atomic uint32_t live;          /* workers still looping (futex word) */

    pthread_t ticker;
    bool ticker_started;
    _Atomic uint32_t ticker_parked; /* futex word: 1 while it sleeps long */
    _Atomic uint32_t ticker_word;   /* futex word for its 1 ms nap */

    _Atomic uint64_t id_block;      /* next block of actor ids */
    _Atomic int64_t actor_delta;    /* actors born minus freed, outside the
                                       workers and of finished runs */
    pthread_mutex_t outside_lock;   /* protects outside_stacks */
    stack_cache_t outside_stacks;   /* stacks for spawns from foreign threads */
    stat_t global_pushes;           /* under gq_lock */
    sched_stats_t last;             /* totals of the last finished run */
} S = {
    .gq_lock = PTHREAD_MUTEX_INITIALIZER,
    .idle_lock = PTHREAD_MUTEX_INITIALIZER,
    .outside_lock = PTHREAD_MUTEX_INITIALIZER,
};

/* The current OS thread's worker. Reached only through cur_worker(),
 * never directly: see below. */
static __thread worker_t *tls_worker;

/* Why this is a non-inlined function with an empty asm "memory" clobber:
 * a task may park on one OS thread and resume on another. Inside one C
 * function the compiler assumes the thread is fixed, so it may compute the
 * address of a __thread variable once (on x86-64 from %fs:0, on AArch64
 * from tpidr_el0) and reuse it after a call — which, after a switch, would
 * be the *old* thread's variable. A call to an opaque function with a
 * side effect cannot be merged or hoisted, so every use re-reads the
 * thread pointer. Callers must call it again after anything that may
 * switch. */
__attribute__((noinline)) static worker_t *cur_worker(void)
{
    __asm__ volatile("" ::: "memory");
    return tls_worker;
}

__attribute__((noinline)) ai_worker_tls *sched_tls(void)
{
    __asm__ volatile("" ::: "memory");
    return &ai_tls;
}

/* ai_tls.task is the running task, NULL in the scheduler context
 * (switch_to keeps it so); on a thread that is not a worker it may be
 * something else (core/module.c's main core), hence the worker check.
 * One call and two thread-local loads: the asyncio runtime asks this a
 * dozen times per task switch. */
__attribute__((noinline)) task_t *sched_current(void)
{
    __asm__ volatile("" ::: "memory");
    return tls_worker ? (task_t *)ai_tls.task : NULL;
}

int sched_nworkers(void) { return S.running ? S.nworkers : 0; }

/* Ask every worker's running task to stop at its next safepoint, as the
 * ticker does for one worker. Only atomic loads and stores: callable from
 * a signal handler (core/module.c's SIGINT). The worker array exists from
 * before the threads start until the process ends (compiled programs exit
 * from their root task), and `running` is read only as a hint. */
void sched_poke_all(void)
{
    if (!S.running || !S.w)
        return;
    for (int i = 0; i < S.nworkers; i++) {
        worker_t *w = S.w[i];
        if (!w)
            continue;
        /* relaxed: the same hint the ticker gives (see ticker_main) */
        atomic_store_explicit(&w->preempt, 1, memory_order_relaxed);
        /* acquire: pairs with the worker's release store of its tls */
        ai_worker_tls *tls = atomic_load_explicit(&w->tls, memory_order_acquire);
        if (tls) {
            /* relaxed: hints, as the ticker's */
            __atomic_store_n(&tls->poll, 1, __ATOMIC_RELAXED);
            __atomic_store_n(&tls->stack_limit, AI_STACK_LIMIT_PREEMPT, __ATOMIC_RELAXED);
        }
    }
}
bool sched_is_seeded(void) { return S.seeded; }

int sched_idle_workers(void)
{
    /* relaxed: a hint for a heuristic (asyncio/ahead.c) */
    return atomic_load_explicit(&S.nidle, memory_order_relaxed) +
           atomic_load_explicit(&S.nspinning, memory_order_relaxed);
}

static uint64_t rng_next(uint64_t *s)
{
    /* xorshift64* */
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1DULL;
}

/* ---- futex ------------------------------------------------------------- */

static void futex_wait(_Atomic uint32_t *addr, uint32_t val, int64_t timeout_ns)
{
    struct timespec ts, *tp = NULL;
    if (timeout_ns >= 0) {
        ts.tv_sec = (time_t)(timeout_ns / 1000000000);
        ts.tv_nsec = (long)(timeout_ns % 1000000000);
        tp = &ts;
    }
    syscall(SYS_futex, (uint32_t *)addr, FUTEX_WAIT_PRIVATE, val, tp, NULL, 0);
}

static void futex_wake(_Atomic uint32_t *addr, int n)
{
    syscall(SYS_futex, (uint32_t *)addr, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
}

/* ---- the global queue --------------------------------------------------- */

static void wake_idle_if_needed(void);

static void global_push_list(task_t *first, task_t *last, uint32_t n)
{
    pthread_mutex_lock(&S.gq_lock);
    last->next = NULL;
    if (S.gq_tail)
        S.gq_tail->next = first;
    else
        S.gq_head = first;
    S.gq_tail = last;
    /* relaxed: the lock orders it for lock holders; lock-free readers use
     * it as a hint or after a seq_cst fence (step 6) */
    atomic_store_explicit(&S.gq_len, atomic_load_explicit(&S.gq_len, memory_order_relaxed) + n,
                          memory_order_relaxed);
    for (uint32_t i = 0; i < n; i++)
        stat_inc(&S.global_pushes);
    pthread_mutex_unlock(&S.gq_lock);
}

/* Take up to `max` tasks: return the first, put the others on w's ring. */
static task_t *global_get(worker_t *w, uint32_t max)
{
    /* relaxed: a hint; the lock below gives the real answer */
    if (atomic_load_explicit(&S.gq_len, memory_order_relaxed) == 0)
        return NULL;
    pthread_mutex_lock(&S.gq_lock);
    /* relaxed: under the lock */
    uint32_t len = atomic_load_explicit(&S.gq_len, memory_order_relaxed);
    uint32_t n = len / (uint32_t)S.nworkers + 1;
    if (n > len)
        n = len;
    if (n > max)
        n = max;
    if (n > SCHED_RUNQ_SIZE / 2)
        n = SCHED_RUNQ_SIZE / 2;
    task_t *first = NULL;
    uint32_t taken = 0;
    while (taken < n) {
        task_t *t = S.gq_head;
        if (first && !sched_runq_push(&w->q, t))
            break;
        S.gq_head = t->next;
        if (!S.gq_head)
            S.gq_tail = NULL;
        t->next = NULL;
        if (!first)
            first = t;
        taken++;
    }
    /* relaxed: under the lock */
    atomic_store_explicit(&S.gq_len, len - taken, memory_order_relaxed);
    pthread_mutex_unlock(&S.gq_lock);
    return first;
}

/* ---- making tasks runnable ---------------------------------------------- */

/* The ring is full: move half of it, plus t, to the global queue. */
static void spill(worker_t *w, task_t *t)
{
    void *batch[SCHED_RUNQ_SIZE / 2];
    uint32_t n = sched_runq_grab(&w->q, batch, SCHED_RUNQ_SIZE / 2);
    task_t *first = t, *last = t;
    for (uint32_t i = n; i-- > 0;) {
        task_t *x = batch[i];
        x->next = first;
        first = x;
    }
    global_push_list(first, last, n + 1);
}

/* Put t on w's queues. next: into run-next (the old occupant moves to the
 * ring). Anything that reaches the ring may be stolen, so the idle
 * workers are told (step 6e–f). */
static void ready_local(worker_t *w, task_t *t, bool next)
{
    if (next) {
        task_t *old = w->runnext;
        w->runnext = t;
        if (!old)
            return;
        t = old;
    }
    if (!sched_runq_push(&w->q, t))
        spill(w, t);
    if (!S.seeded)
        wake_idle_if_needed();
}

void sched_ready(task_t *t)
{
    worker_t *w = cur_worker();
    if (w) {
        /* A FIFO task takes run-next only when it is free: several
         * readied in a row run in that order, and a single one still
         * runs right after its waker parks, out of other workers' reach
         * (so a send followed by more of the sender's work stays causal
         * on one worker). */
        ready_local(w, t, !(t->flags & TASK_F_FIFO) || !w->runnext);
    } else {
        global_push_list(t, t, 1);
        wake_idle_if_needed();
    }
}

bool sched_wake(task_t *t, uint32_t kinds)
{
    if (!task_try_wake(t, kinds, TASK_SEQ_ANY, kinds))
        return false;
    sched_ready(t);
    return true;
}

static void task_start(void *p);

void sched_spawn(task_t *t)
{
    /* Spawning charges the spawner's time slice (BEAM charges reductions
     * for the same reason): a task that spawns SPAWN_SLICE actors in one
     * slice has its slice ended, so it yields at its next poll or park and
     * the children it queued run. Without this, a spawner outruns the
     * workers running its children and the backlog — each child holding a
     * stack and a block, cold in cache — grows without bound. */
    worker_t *w = cur_worker();
    if (w && !(w->current->flags & TASK_F_SCHED) && ++w->spawns >= SPAWN_SLICE) {
        /* relaxed: the same hint the ticker gives (see ticker_main) */
        atomic_store_explicit(&w->preempt, 1, memory_order_relaxed);
        __atomic_store_n(&sched_tls()->poll, 1, __ATOMIC_RELAXED);
        /* relaxed: as poll; prologues see it as a failed stack check */
        __atomic_store_n(&sched_tls()->stack_limit, AI_STACK_LIMIT_PREEMPT, __ATOMIC_RELAXED);
    }
    /* The initial frame is built by the worker that first runs the task
     * (switch_to): writing it touches the stack's first page, and a fresh
     * page costs a kernel page fault — better paid in parallel by the
     * workers that run the tasks than serially by the one spawning them. */
    t->sp = NULL;
    sched_ready(t);
}

/* ---- waking idle workers (protocol step 6) ------------------------------ */

static void wake_idle_if_needed(void)
{
    /* seq_cst fence: step 6e, pairs with the idler's fence (6c): our push
     * (before) and our loads of nspinning/nidle (after) against its
     * nidle++ and its re-check of the queues */
    FENCE_SEQ_CST();
    /* relaxed: ordered by the fence above */
    if (atomic_load_explicit(&S.nspinning, memory_order_relaxed) != 0 ||
        atomic_load_explicit(&S.nidle, memory_order_relaxed) == 0)
        return;
    int32_t zero = 0;
    /* seq_cst: we become the one responsible for waking a spinner; another
     * submitter that sees nspinning == 1 from now on relies on it */
    if (!atomic_compare_exchange_strong_explicit(&S.nspinning, &zero, 1,
                                                 memory_order_seq_cst,
                                                 memory_order_relaxed))
        return;
    pthread_mutex_lock(&S.idle_lock);
    worker_t *v = S.idle;
    if (v) {
        S.idle = v->idle_next;
        v->on_idle = false;
        /* seq_cst: nidle is one side of the Dekker pairs */
        atomic_fetch_sub_explicit(&S.nidle, 1, memory_order_seq_cst);
        /* release: the wakee reads it (acquire) after the futex returns */
        atomic_store_explicit(&v->wake_word, 1, memory_order_release);
    }
    pthread_mutex_unlock(&S.idle_lock);
    if (!v) {
        /* seq_cst: give back the spinner slot we claimed */
        atomic_fetch_sub_explicit(&S.nspinning, 1, memory_order_seq_cst);
        return;
    }
    stat_inc(&v->wakeups);
    futex_wake(&v->wake_word, 1);
}

static void stop_spinning(worker_t *w)
{
    w->spinning = false;
    /* seq_cst: part of step 6 — if we were the last spinner, a submitter
     * may have skipped waking anyone because of us */
    if (atomic_fetch_sub_explicit(&S.nspinning, 1, memory_order_seq_cst) == 1)
        wake_idle_if_needed();
}

/* ---- timers ------------------------------------------------------------ */

void sched_arm_timer(task_t *t, uint32_t seq, int64_t deadline)
{
    worker_t *w = cur_worker();
    if (!timer_arm(&w->timers, &t->timer, t, seq, deadline)) {
        /* No memory for the heap: wake it now rather than never. */
        if (task_try_wake(t, TASK_WAIT_TIMER, seq, TASK_WAIT_TIMER))
            ready_local(w, t, false);
    }
}

/* Move the tasks of expired timers to the ring. The wake CAS happens
 * under the heap lock (see timer.h on why). */
static void fire_timers(worker_t *w, int64_t now)
{
    for (;;) {
        task_t *woken[32];
        int n = 0;
        bool more = false;
        pthread_mutex_lock(&w->timers.lock);
        timer_node_t *node;
        while ((node = timer_pop_expired_locked(&w->timers, now))) {
            if (task_try_wake(node->task, TASK_WAIT_TIMER, node->seq, TASK_WAIT_TIMER))
                woken[n++] = node->task;
            if (n == 32) {
                more = true;
                break;
            }
        }
        pthread_mutex_unlock(&w->timers.lock);
        for (int i = 0; i < n; i++)
            ready_local(w, woken[i], false);
        if (!more)
            return;
    }
}

static void check_timers(worker_t *w)
{
    int64_t next = timer_next(&w->timers);
    if (next == TIMER_NEVER)
        return;
    int64_t now = timer_now();
    if (now >= next)
        fire_timers(w, now);
}

/* ---- picking the next task (protocol step 4) ---------------------------- */

static task_t *new_slice(worker_t *w, task_t *t)
{
    /* relaxed: the ticker only compares successive values */
    atomic_store_explicit(&w->tick, atomic_load_explicit(&w->tick, memory_order_relaxed) + 1,
                          memory_order_relaxed);
    atomic_store_explicit(&w->preempt, 0, memory_order_relaxed);
    w->spawns = 0;
    return t;
}

static task_t *pick_seeded(worker_t *w)
{
    /* pull everything from the global queue so that it takes part in
     * the draw */
    task_t *g;
    while (sched_runq_len(&w->q) < SCHED_RUNQ_SIZE && (g = global_get(w, 1)))
        if (!sched_runq_push(&w->q, g)) {
            global_push_list(g, g, 1);
            break;
        }
    uint32_t n = sched_runq_len(&w->q) + (w->runnext ? 1 : 0);
    if (n == 0)
        return NULL;
    uint32_t r = (uint32_t)(rng_next(&w->rng) % n);
    if (w->runnext && r == n - 1) {
        task_t *t = w->runnext;
        w->runnext = NULL;
        return t;
    }
    sched_runq_swap_to_head(&w->q, r);
    return sched_runq_pop(&w->q);
}

static task_t *pick_local(worker_t *w)
{
    check_timers(w);
    if (S.seeded)
        return pick_seeded(w);
    task_t *t;
    if (++w->schedtick % GLOBAL_FAIRNESS == 0 && (t = global_get(w, 1)))
        return new_slice(w, t);
    if ((t = w->runnext)) {
        w->runnext = NULL;
        /* relaxed: the ticker's hint (see ticker_main) */
        if (!atomic_load_explicit(&w->preempt, memory_order_relaxed))
            return t;           /* inherits the slice */
        /* The slice is over: tasks handing each other the run-next slot
         * (request/reply in C code that never polls) would otherwise keep
         * the ring waiting forever. The run-next task queues up instead. */
        if (!sched_runq_push(&w->q, t))
            spill(w, t);
        else if (!S.seeded)
            wake_idle_if_needed();
    }
    if ((t = sched_runq_pop(&w->q)))
        return new_slice(w, t);
    if ((t = global_get(w, SCHED_RUNQ_SIZE / 2)))
        return new_slice(w, t);
    return NULL;
}

/* ---- switching ----------------------------------------------------------- */

static void run_after(worker_t *w);

/* Set before the workers start (sched_set_heap_hooks), read-only after. */
static void (*heap_enter)(void *heap), (*heap_leave)(void *heap);

void sched_set_heap_hooks(void (*enter)(void *heap), void (*leave)(void *heap))
{
    heap_enter = enter;
    heap_leave = leave;
}

static void *task_heap(const task_t *t)
{
    return (t->flags & TASK_F_SCHED) || !t->actor ? NULL : t->actor->heap;
}

/* Switch from `from` (running on w) to `to`. Returns when someone switches
 * back to `from` — possibly on another worker. */
static void switch_to(worker_t *w, task_t *from, task_t *to, bool from_dies)
{
    w->current = to;
    /* relaxed: our own write, made before we ever ran a task */
    ai_worker_tls *tls = atomic_load_explicit(&w->tls, memory_order_relaxed);
    bool to_task = !(to->flags & TASK_F_SCHED);
    tls->task = to_task ? to : NULL;
    /* relaxed: the ticker may raise it concurrently (aithon_rt.h) */
    __atomic_store_n(&tls->stack_limit, to->stack_limit, __ATOMIC_RELAXED);
    /* The nursery follows its actor (alloc.h A3): save the leaving actor's
     * bounds, load the arriving one's. */
    void *from_heap = task_heap(from), *to_heap = task_heap(to);
    if (from_heap != to_heap) {
        if (from_heap && heap_leave)
            heap_leave(from_heap);
        if (to_heap && heap_enter)
            heap_enter(to_heap);
    }
    /* relaxed: read by the ticker as a hint */
    atomic_store_explicit(&w->in_task, to_task, memory_order_relaxed);
    /* the low-water mark of the stack we leave (stack.h) */
    char *sp = (char *)__builtin_frame_address(0);
    if (sp < from->stack.low_water && sp >= from->stack.lo)
        from->stack.low_water = sp;
    stat_inc(&w->switches);
    if (!to->sp)
        to->sp = sched_ctx_init(to->stack.hi, task_start, to);
#if SCHED_TSAN
    __tsan_switch_to_fiber(to->tsan_fiber, 0);
#endif
#if SCHED_ASAN
    __sanitizer_start_switch_fiber(from_dies ? NULL : &from->asan_fake_stack,
                                   to->stack.lo, (size_t)(to->stack.hi - to->stack.lo));
#else
    (void)from_dies;
#endif
    sched_ctx_switch(&from->sp, to->sp);
    /* Resumed, perhaps on another OS thread: everything thread-local must
     * be re-read from here on (cur_worker()). */
#if SCHED_ASAN
    __sanitizer_finish_switch_fiber(from->asan_fake_stack, NULL, NULL);
#endif
    run_after(cur_worker());
}

/* First code of every task (entered from sched_ctx_trampoline). */
static void task_start(void *p)
{
    task_t *t = p;
#if SCHED_ASAN
    __sanitizer_finish_switch_fiber(NULL, NULL, NULL);
#endif
    run_after(cur_worker());
    t->fn(t->arg);
    sched_task_exit();
}

static void reap(worker_t *w, task_t *t)
{
#if SCHED_ASAN
    /* Frames abandoned on the dead stack keep their redzones poisoned;
     * the next task on this stack must not trip on them. Everything from
     * a little below its final stack pointer up to the top. */
    char *lo = (char *)t->sp - 1024;
    if (lo < t->stack.lo)
        lo = t->stack.lo;
    ASAN_UNPOISON_MEMORY_REGION(lo, (size_t)(t->stack.hi - lo));
#endif
    task_fini(t);
    bool is_main = t->flags & TASK_F_MAIN;
    /* DEAD: stale wakers' CASes fail from now on. relaxed: nobody waits
     * for this store; the task memory stays valid while referenced */
    atomic_store_explicit(&t->state, TASK_DEAD, memory_order_relaxed);
    if (t->reap) {
        t->reap(t);             /* recycles the stack; may free t */
    } else if (t->stack.slab) {
        stack_free(&w->stacks, &t->stack);
    } else {
        stack_free_main(&t->stack);
    }
    if (is_main) {
        /* release: the main thread reads the root's exit code after it */
        atomic_store_explicit(&S.main_done, 1, memory_order_release);
        futex_wake(&S.main_done, 1);
    }
}

static void run_after(worker_t *w)
{
    after_t a = w->after;
    w->after.op = AFTER_NONE;
    switch (a.op) {
    case AFTER_PARK:
        if (!a.commit(a.t, a.arg))
            ready_local(w, a.t, true);
        break;
    case AFTER_YIELD:
        ready_local(w, a.t, false);
        break;
    case AFTER_EXIT:
        reap(w, a.t);
        break;
    default:
        break;
    }
}

void sched_park(sched_commit_fn commit, void *arg)
{
    worker_t *w = cur_worker();
    task_t *self = w->current;
    w->after = (after_t){ AFTER_PARK, self, commit, arg };
    task_t *next = pick_local(w);
    switch_to(w, self, next ? next : &w->sched_task, false);
}

void sched_yield_task(void)
{
    worker_t *w = cur_worker();
    if (!w || (w->current->flags & TASK_F_SCHED))
        return;
    task_t *self = w->current;
    task_t *next = pick_local(w);
    if (!next)
        return;                 /* nothing else to run here */
    w->after = (after_t){ AFTER_YIELD, self, NULL, NULL };
    switch_to(w, self, next, false);
}

_Noreturn void sched_task_exit(void)
{
    worker_t *w = cur_worker();
    task_t *self = w->current;
    w->after = (after_t){ AFTER_EXIT, self, NULL, NULL };
    task_t *next = pick_local(w);
    switch_to(w, self, next ? next : &w->sched_task, true);
    __builtin_unreachable();
}

static bool sleep_commit(task_t *t, void *arg)
{
    int64_t deadline = *(int64_t *)arg;
    uint32_t seq = task_begin_wait(t, TASK_WAIT_TIMER);
    sched_arm_timer(t, seq, deadline);
    return true;
}

void sched_sleep(int64_t ns)
{
    if (!sched_current()) {
        /* a foreign thread (or a worker's own loop): no task to park */
        if (ns > 0) {
            struct timespec ts = { (time_t)(ns / 1000000000), (long)(ns % 1000000000) };
            nanosleep(&ts, NULL);
        }
        return;
    }
    if (ns <= 0) {
        sched_yield_task();
        return;
    }
    int64_t deadline = timer_now() + ns;
    while (timer_now() < deadline) {
        sched_park(sleep_commit, &deadline);
        timer_cancel(&sched_current()->timer);
    }
}

bool sched_slice_over(void)
{
    worker_t *w = cur_worker();
    if (!w || (w->current->flags & TASK_F_SCHED))
        return false;
    char *sp = (char *)__builtin_frame_address(0);
    task_t *t = w->current;
    if (sp < t->stack.low_water && sp >= t->stack.lo)
        t->stack.low_water = sp;
    if (S.seeded) {
        /* the flag stays raised: every poll counts down the budget */
        if (--w->budget <= 0) {
            w->budget = 1 + (int32_t)(rng_next(&w->rng) % 64);
            return true;
        }
        return false;
    }
    /* relaxed: the poll flag carries no data, only "look at me" (see the
     * ticker); a raise that races with this clear is either seen via
     * `preempt` below or repeated at the next tick */
    __atomic_store_n(&sched_tls()->poll, 0, __ATOMIC_RELAXED);
    /* relaxed: same reasoning; exchange so that one raise yields once */
    if (atomic_exchange_explicit(&w->preempt, 0, memory_order_relaxed)) {
        stat_inc(&w->preemptions);
        return true;
    }
    return false;
}

int32_t sched_safepoint(void)
{
    if (sched_slice_over())
        sched_yield_task();
    return 0;
}

/* ---- stacks and ids for actor.c ---------------------------------------- */

bool sched_stack_alloc(stack_mem_t *out)
{
    worker_t *w = cur_worker();
    if (w)
        return stack_alloc(&w->stacks, out);
    pthread_mutex_lock(&S.outside_lock);
    bool ok = stack_alloc(&S.outside_stacks, out);
    pthread_mutex_unlock(&S.outside_lock);
    return ok;
}

void sched_stack_free(stack_mem_t *s)
{
    if (!s->slab) {
        stack_free_main(s);
        return;
    }
    worker_t *w = cur_worker();
    if (w) {
        stack_free(&w->stacks, s);
        return;
    }
    pthread_mutex_lock(&S.outside_lock);
    stack_free(&S.outside_stacks, s);
    pthread_mutex_unlock(&S.outside_lock);
}

uint64_t sched_next_id(void)
{
    worker_t *w = cur_worker();
    if (!w)
        /* relaxed: uniqueness needs atomicity, not ordering */
        return atomic_fetch_add_explicit(&S.id_block, 1, memory_order_relaxed);
    if (w->id_next == w->id_end) {
        /* relaxed: as above */
        w->id_next = atomic_fetch_add_explicit(&S.id_block, ID_BLOCK, memory_order_relaxed);
        w->id_end = w->id_next + ID_BLOCK;
    }
    return w->id_next++;
}

void sched_actor_delta(int d)
{
    worker_t *w = cur_worker();
    if (w)
        /* relaxed, plain load+store: single writer, readers only sum */
        atomic_store_explicit(&w->actor_delta,
                              atomic_load_explicit(&w->actor_delta, memory_order_relaxed) + d,
                              memory_order_relaxed);
    else
        /* relaxed: a counter */
        atomic_fetch_add_explicit(&S.actor_delta, d, memory_order_relaxed);
}

int64_t sched_actor_live(void)
{
    /* relaxed: counters; exact once the workers are quiet */
    int64_t n = atomic_load_explicit(&S.actor_delta, memory_order_relaxed);
    if (S.w)
        for (int i = 0; i < S.nworkers; i++)
            n += atomic_load_explicit(&S.w[i]->actor_delta, memory_order_relaxed);
    return n;
}

/* ---- finding work and sleeping (protocol steps 5 and 6) ----------------- */

static task_t *steal_work(worker_t *w)
{
    void *batch[SCHED_RUNQ_SIZE / 2];
    int n = S.nworkers;
    for (int round = 0; round < STEAL_ROUNDS; round++) {
        int start = (int)(rng_next(&w->rng) % (uint64_t)n);
        for (int i = 0; i < n; i++) {
            worker_t *v = S.w[(start + i) % n];
            if (v == w)
                continue;
            uint32_t k = sched_runq_grab(&v->q, batch, SCHED_RUNQ_SIZE / 2);
            if (!k)
                continue;
            stat_inc(&w->steals);
            for (uint32_t j = 0; j < k; j++)
                stat_inc(&w->stolen);
            /* run the newest, queue the rest (our ring is empty: they fit) */
            for (uint32_t j = 0; j + 1 < k; j++)
                if (!sched_runq_push(&w->q, batch[j]))
                    global_push_list(batch[j], batch[j], 1);
            return batch[k - 1];
        }
        /* relaxed: a hint to stop early */
        if (atomic_load_explicit(&S.shutdown, memory_order_relaxed))
            break;
    }
    return NULL;
}

/* Step 6c: is there anything a worker could run? */
static bool work_visible(void)
{
    /* relaxed loads: ordered by the caller's seq_cst fence */
    if (atomic_load_explicit(&S.gq_len, memory_order_relaxed))
        return true;
    if (atomic_load_explicit(&S.shutdown, memory_order_relaxed))
        return true;
    for (int i = 0; i < S.nworkers; i++)
        if (sched_runq_len(&S.w[i]->q))
            return true;
    return false;
}

/* Remove w from the idle list if it is still there. False if a submitter
 * popped it first (its wake word is then already 1). */
static bool unidle(worker_t *w)
{
    pthread_mutex_lock(&S.idle_lock);
    bool was = w->on_idle;
    if (was) {
        worker_t **pp = &S.idle;
        while (*pp != w)
            pp = &(*pp)->idle_next;
        *pp = w->idle_next;
        w->on_idle = false;
        /* seq_cst: Dekker pairs of step 6 */
        atomic_fetch_sub_explicit(&S.nidle, 1, memory_order_seq_cst);
    }
    pthread_mutex_unlock(&S.idle_lock);
    return was;
}

static void poke_ticker(void)
{
    /* seq_cst: pairs with the ticker's store of ticker_parked and load of
     * nidle (Dekker): either it sees our nidle-- or we see it parked */
    uint32_t one = 1;
    if (atomic_load_explicit(&S.ticker_parked, memory_order_seq_cst) == 1 &&
        atomic_compare_exchange_strong_explicit(&S.ticker_parked, &one, 0,
                                                memory_order_seq_cst,
                                                memory_order_relaxed))
        futex_wake(&S.ticker_parked, 1);
}

static void idle_sleep(worker_t *w)
{
    pthread_mutex_lock(&S.idle_lock);
    w->idle_next = S.idle;
    S.idle = w;
    w->on_idle = true;
    /* seq_cst: 6a */
    atomic_fetch_add_explicit(&S.nidle, 1, memory_order_seq_cst);
    pthread_mutex_unlock(&S.idle_lock);
    if (w->spinning) {
        w->spinning = false;
        /* seq_cst: 6b */
        atomic_fetch_sub_explicit(&S.nspinning, 1, memory_order_seq_cst);
    }
    /* seq_cst fence: 6c, pairs with wake_idle_if_needed's fence (6e) */
    FENCE_SEQ_CST();
    bool popped = false;
    if (work_visible()) {
        if (unidle(w)) {
            w->spinning = true;
            /* seq_cst: we spin again (step 5) */
            atomic_fetch_add_explicit(&S.nspinning, 1, memory_order_seq_cst);
            return;
        }
        popped = true;          /* a submitter is waking us: wait for it */
    }
    int64_t next = timer_next(&w->timers);
    for (;;) {
        /* acquire: pairs with the submitter's release store */
        if (atomic_load_explicit(&w->wake_word, memory_order_acquire))
            break;
        int64_t timeout = -1;
        if (!popped && next != TIMER_NEVER) {
            timeout = next - timer_now();
            if (timeout <= 0)
                break;
        }
        stat_inc(&w->parks);
        futex_wait(&w->wake_word, 0, timeout);
        if (timeout >= 0 && timer_now() >= next)
            break;
    }
    /* acquire: as above */
    if (atomic_exchange_explicit(&w->wake_word, 0, memory_order_acquire)) {
        w->spinning = true;     /* counted for us by the submitter */
    } else if (!unidle(w)) {
        /* popped while we timed out: the wake word is on its way.
         * acquire: as above */
        while (!atomic_exchange_explicit(&w->wake_word, 0, memory_order_acquire))
            sched_yield();      /* POSIX: the submitter holds idle_lock */
        w->spinning = true;
    }
    poke_ticker();
}

/* On the scheduler context: a task to run, or NULL at shutdown. */
static task_t *find_work(worker_t *w)
{
    for (;;) {
        /* relaxed: checked again at every round */
        if (atomic_load_explicit(&S.shutdown, memory_order_relaxed))
            return NULL;
        task_t *t = pick_local(w);
        if (t) {
            if (w->spinning)
                stop_spinning(w);
            return t;
        }
        if (S.seeded) {
            int64_t next = timer_next(&w->timers);
            if (next != TIMER_NEVER) {
                timer_advance_to(next); /* virtual time jumps */
                continue;
            }
        }
        if (!w->spinning && S.nworkers > 1) {
            /* relaxed: a heuristic bound on spinners (step 5) */
            int32_t busy = S.nworkers - atomic_load_explicit(&S.nidle, memory_order_relaxed);
            if (2 * atomic_load_explicit(&S.nspinning, memory_order_relaxed) < busy) {
                w->spinning = true;
                /* seq_cst: counted in step 6's accounting */
                atomic_fetch_add_explicit(&S.nspinning, 1, memory_order_seq_cst);
            }
        }
        if (w->spinning && (t = steal_work(w))) {
            stop_spinning(w);
            return new_slice(w, t);
        }
        idle_sleep(w);
    }
}

static void worker_loop(worker_t *w)
{
    for (;;) {
        task_t *t = find_work(w);
        if (!t)
            break;
        switch_to(w, &w->sched_task, t, false);
        /* relaxed: checked again in find_work */
        if (atomic_load_explicit(&S.shutdown, memory_order_relaxed))
            break;
    }
    if (w->spinning) {
        w->spinning = false;
        /* seq_cst: keep the count exact for a later run */
        atomic_fetch_sub_explicit(&S.nspinning, 1, memory_order_seq_cst);
    }
}

static void *worker_main(void *arg)
{
    worker_t *w = arg;
    tls_worker = w;
    w->current = &w->sched_task;
    /* The scheduler context lives on this thread's own stack. */
    task_t *st = &w->sched_task;
    st->flags = TASK_F_SCHED;
    pthread_attr_t attr;
    void *lo = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getstack(&attr, &lo, &size);
        pthread_attr_destroy(&attr);
    }
    st->stack.lo = lo;
    st->stack.hi = (char *)lo + size;
    st->stack.low_water = st->stack.hi;
    st->stack_limit = (char *)lo + (size > (64u << 10) ? (64u << 10) : size / 2);
#if SCHED_TSAN
    st->tsan_fiber = __tsan_get_current_fiber();
#endif
    ai_tls.stack_limit = st->stack_limit;
    ai_tls.task = NULL;
    /* relaxed: our own flag */
    __atomic_store_n(&ai_tls.poll, S.seeded ? 1 : 0, __ATOMIC_RELAXED);
    /* release: the ticker and the shutdown path dereference it after an
     * acquire load */
    atomic_store_explicit(&w->tls, &ai_tls, memory_order_release);

    worker_loop(w);

    stack_cache_flush(&w->stacks);
    tls_worker = NULL;
    /* release: our last writes (statistics) before the main thread frees
     * this worker */
    atomic_store_explicit(&w->exited, 1, memory_order_release);
    /* release: the main thread reads our statistics after seeing live
     * drop (acquire) */
    atomic_fetch_sub_explicit(&S.live, 1, memory_order_release);
    futex_wake(&S.live, 1);
    return NULL;
}

/* ---- the ticker (protocol step 7) --------------------------------------- */

static void *ticker_main(void *arg)
{
    (void)arg;
    for (uint32_t ticks = 1;; ticks++) {
        /* relaxed: rechecked every millisecond */
        if (atomic_load_explicit(&S.shutdown, memory_order_relaxed))
            break;
        futex_wait(&S.ticker_word, 0, TICK_NS);
        /* Second duty: give back the memory of stacks unused for a second
         * (stack.c's warm pool), looking every quarter of a second. */
        if (ticks % SCAVENGE_TICKS == 0)
            stack_pool_scavenge(STACK_MAX_IDLE_NS);
        for (int i = 0; i < S.nworkers; i++) {
            worker_t *w = S.w[i];
            /* relaxed: a hint; a missed or extra preemption is harmless */
            uint32_t tick = atomic_load_explicit(&w->tick, memory_order_relaxed);
            if (!atomic_load_explicit(&w->in_task, memory_order_relaxed)) {
                w->ticker_seen = tick - 1;
                continue;
            }
            if (tick != w->ticker_seen) {
                w->ticker_seen = tick;
                continue;
            }
            /* Same slice as a tick ago: it is over. Relaxed stores: the
             * flags publish no other data, the worker only needs to see
             * them eventually (coherence guarantees it will, within the
             * next few polls) and a late view costs at most one more tick.
             * preempt is stored first so that a worker that sees poll
             * usually sees preempt too; if not, the next tick repeats. */
            atomic_store_explicit(&w->preempt, 1, memory_order_relaxed);
            /* acquire: pairs with worker_main's release (a started thread) */
            ai_worker_tls *tls = atomic_load_explicit(&w->tls, memory_order_acquire);
            if (tls) {
                __atomic_store_n(&tls->poll, 1, __ATOMIC_RELAXED);
                /* relaxed: as poll; prologues see it as a failed stack check */
                __atomic_store_n(&tls->stack_limit, AI_STACK_LIMIT_PREEMPT, __ATOMIC_RELAXED);
            }
        }
        /* seq_cst: pairs with poke_ticker (Dekker on nidle/ticker_parked) */
        if (atomic_load_explicit(&S.nidle, memory_order_seq_cst) == S.nworkers) {
            atomic_store_explicit(&S.ticker_parked, 1, memory_order_seq_cst);
            /* Everybody sleeps. So do we — for good, unless warm stacks
             * remain to be given back: then until the oldest of them has
             * been idle for STACK_MAX_IDLE_NS (at least 50 ms apart).
             * seq_cst loads: the same Dekker pairing; ticker_parked is
             * cleared by a worker's poke (or shutdown) to wake us */
            while (atomic_load_explicit(&S.nidle, memory_order_seq_cst) == S.nworkers &&
                   !atomic_load_explicit(&S.shutdown, memory_order_seq_cst) &&
                   atomic_load_explicit(&S.ticker_parked, memory_order_seq_cst)) {
                int64_t oldest = stack_pool_oldest(), timeout = -1;
                if (oldest >= 0) {
                    timeout = oldest + STACK_MAX_IDLE_NS - stack_clock();
                    if (timeout < 50000000)
                        timeout = 50000000;
                }
                futex_wait(&S.ticker_parked, 1, timeout);
                if (oldest >= 0)
                    stack_pool_scavenge(STACK_MAX_IDLE_NS);
            }
            /* seq_cst: as above; we are ticking again */
            atomic_store_explicit(&S.ticker_parked, 0, memory_order_seq_cst);
        }
    }
    return NULL;
}

/* ---- start and end ------------------------------------------------------ */

static int64_t env_int(const char *name, int64_t dflt)
{
    const char *s = getenv(name);
    if (!s || !*s)
        return dflt;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (*end == 'k' || *end == 'K')
        v <<= 10;
    else if (*end == 'm' || *end == 'M')
        v <<= 20;
    return v;
}

static int cpu_count(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        int n = CPU_COUNT(&set);
        if (n > 0)
            return n;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* Counts made on threads that are not workers (a test's main thread):
 * shared, so a locked add. */
static _Atomic uint64_t offworker_spawned, offworker_sent;

void sched_count_spawn(void)
{
    worker_t *w = tls_worker;
    if (w)
        stat_inc(&w->spawned);
    else /* relaxed: statistics */
        atomic_fetch_add_explicit(&offworker_spawned, 1, memory_order_relaxed);
}

void sched_count_send(void)
{
    worker_t *w = tls_worker;
    if (w)
        stat_inc(&w->sent);
    else /* relaxed: statistics */
        atomic_fetch_add_explicit(&offworker_sent, 1, memory_order_relaxed);
}

void sched_counters(uint64_t *spawned, uint64_t *sent)
{
    sched_stats_t st;
    sched_get_stats(&st);
    *spawned = st.spawned;
    *sent = st.sent;
}

static void collect_stats(sched_stats_t *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 0; i < S.nworkers; i++) {
        worker_t *w = S.w[i];
        /* relaxed: statistics */
        o->switches += atomic_load_explicit(&w->switches, memory_order_relaxed);
        o->steals += atomic_load_explicit(&w->steals, memory_order_relaxed);
        o->stolen += atomic_load_explicit(&w->stolen, memory_order_relaxed);
        o->parks += atomic_load_explicit(&w->parks, memory_order_relaxed);
        o->wakeups += atomic_load_explicit(&w->wakeups, memory_order_relaxed);
        o->preemptions += atomic_load_explicit(&w->preemptions, memory_order_relaxed);
        o->spawned += atomic_load_explicit(&w->spawned, memory_order_relaxed);
        o->sent += atomic_load_explicit(&w->sent, memory_order_relaxed);
    }
    /* relaxed: statistics */
    o->spawned += atomic_load_explicit(&offworker_spawned, memory_order_relaxed);
    o->sent += atomic_load_explicit(&offworker_sent, memory_order_relaxed);
    /* relaxed: statistics */
    o->global_pushes = atomic_load_explicit(&S.global_pushes, memory_order_relaxed);
}

void sched_get_stats(sched_stats_t *out)
{
    if (S.running)
        collect_stats(out);
    else
        *out = S.last;
}

static void free_workers(void)
{
    for (int i = 0; i < S.nworkers; i++) {
        /* relaxed: the workers have stopped */
        atomic_fetch_add_explicit(&S.actor_delta,
                                  atomic_load_explicit(&S.w[i]->actor_delta, memory_order_relaxed),
                                  memory_order_relaxed);
        timer_heap_destroy(&S.w[i]->timers);
        free(S.w[i]);
    }
    free(S.w);
    S.w = NULL;
}

int sched_run_main(void (*fn)(void *), void *arg)
{
    if (S.running || S.dirty)
        return -1;

    int64_t seed = env_int("AITHON_SCHED_SEED", -1);
    S.seeded = seed >= 0;
    S.seed = (uint64_t)seed;
    int n = (int)env_int("AITHON_THREADS", 0);
    if (n <= 0)
        n = cpu_count();
    if (n > 1024)
        n = 1024;
    if (S.seeded)
        n = 1;
    int64_t ss = env_int("AITHON_STACK_SIZE", 0);
    if (ss > 0)
        stack_set_size((size_t)ss);
    timer_set_virtual(S.seeded);

    S.nworkers = n;
    S.w = calloc((size_t)n, sizeof *S.w);
    if (!S.w)
        return -1;
    for (int i = 0; i < n; i++) {
        worker_t *w = aligned_alloc(64, (sizeof(worker_t) + 63) & ~(size_t)63);
        if (!w) {
            S.nworkers = i;
            free_workers();
            return -1;
        }
        memset(w, 0, sizeof *w);
        sched_runq_init(&w->q);
        timer_heap_init(&w->timers);
        w->id = i;
        w->rng = S.seeded ? (S.seed * 0x9E3779B97F4A7C15ULL) | 1
                          : ((uint64_t)(uintptr_t)w ^ (uint64_t)timer_now()) | 1;
        w->budget = 1;
        S.w[i] = w;
    }
    S.idle = NULL;
    S.gq_head = S.gq_tail = NULL;
    /* relaxed (all of these): no other thread exists yet; thread creation
     * publishes them */
    atomic_store_explicit(&S.gq_len, 0, memory_order_relaxed);
    atomic_store_explicit(&S.nidle, 0, memory_order_relaxed);
    atomic_store_explicit(&S.nspinning, 0, memory_order_relaxed);
    atomic_store_explicit(&S.shutdown, 0, memory_order_relaxed);
    atomic_store_explicit(&S.main_done, 0, memory_order_relaxed);
    atomic_store_explicit(&S.live, (uint32_t)n, memory_order_relaxed);
    atomic_store_explicit(&S.ticker_parked, 0, memory_order_relaxed);
    atomic_store_explicit(&S.global_pushes, 0, memory_order_relaxed);
    S.running = true;

    actor_t *root = actor_spawn_main(fn, arg);
    if (!root) {
        S.running = false;
        free_workers();
        return -1;
    }

    /* The ticker first, so that the first slices are already timed. */
    S.ticker_started = !S.seeded && pthread_create(&S.ticker, NULL, ticker_main, NULL) == 0;
    for (int i = 0; i < n; i++)
        if (pthread_create(&S.w[i]->thread, NULL, worker_main, S.w[i]) != 0) {
            /* Half a scheduler is worse than none: the program cannot
             * run as configured. (AITHON_THREADS lowers the count.) */
            fprintf(stderr, "aithon: cannot start worker thread %d of %d\n", i + 1, n);
            abort();
        }

    /* acquire: pairs with reap()'s release of main_done */
    while (!atomic_load_explicit(&S.main_done, memory_order_acquire))
        futex_wait(&S.main_done, 0, -1);
    int code = actor_exit_code(root);

    /* Step 8: stop everything. */
    /* seq_cst: seen by idlers' re-check (after their fence) */
    atomic_store_explicit(&S.shutdown, 1, memory_order_seq_cst);
    pthread_mutex_lock(&S.idle_lock);
    for (worker_t *w = S.idle; w; w = w->idle_next) {
        w->on_idle = false;
        /* release: as in wake_idle_if_needed */
        atomic_store_explicit(&w->wake_word, 1, memory_order_release);
        futex_wake(&w->wake_word, 1);
    }
    S.idle = NULL;
    pthread_mutex_unlock(&S.idle_lock);
    for (int i = 0; i < S.nworkers; i++) {
        /* relaxed: see the ticker */
        atomic_store_explicit(&S.w[i]->preempt, 1, memory_order_relaxed);
        /* acquire: pairs with worker_main's release */
        ai_worker_tls *tls = atomic_load_explicit(&S.w[i]->tls, memory_order_acquire);
        if (tls) {
            __atomic_store_n(&tls->poll, 1, __ATOMIC_RELAXED);
            /* relaxed: as poll; prologues see it as a failed stack check */
            __atomic_store_n(&tls->stack_limit, AI_STACK_LIMIT_PREEMPT, __ATOMIC_RELAXED);
        }
    }
    if (S.ticker_started) {
        /* seq_cst: with shutdown above */
        atomic_store_explicit(&S.ticker_parked, 0, memory_order_seq_cst);
        futex_wake(&S.ticker_parked, 1);
        futex_wake(&S.ticker_word, 1);
    }
    /* Wait for the workers to leave their loops. One that is not running
     * a task only needs the CPU (on a loaded machine that can take a
     * while): wait for it however long. One inside a task leaves at the
     * task's next scheduling point; if that does not come within the
     * grace period (a task in a long C call), leave it running. Never
     * wait more than SHUTDOWN_MAX_NS in all: exit must not hang. */
    int64_t start = stack_clock();                          /* real time */
    int64_t give_up = start + SHUTDOWN_GRACE_NS;
    uint32_t live;
    /* acquire: pairs with the workers' release decrement */
    while ((live = atomic_load_explicit(&S.live, memory_order_acquire)) != 0) {
        bool stuck = false;
        for (int i = 0; i < S.nworkers; i++)
            /* acquire: pairs with worker_main's release of `exited`;
             * relaxed for in_task: a hint */
            if (!atomic_load_explicit(&S.w[i]->exited, memory_order_acquire) &&
                atomic_load_explicit(&S.w[i]->in_task, memory_order_relaxed))
                stuck = true;
        int64_t now = stack_clock();
        if ((stuck && now >= give_up) || now - start >= SHUTDOWN_MAX_NS)
            break;
        futex_wait(&S.live, live, 1000000);
    }
    collect_stats(&S.last);
    if (live != 0) {
        /* Some worker is stuck in a task that never reaches a scheduling
         * point. Leave it running as a daemon; memory stays allocated. */
        for (int i = 0; i < S.nworkers; i++)
            pthread_detach(S.w[i]->thread);
        if (S.ticker_started)
            pthread_detach(S.ticker);
        S.dirty = true;
        S.running = false;
        return code;
    }
    for (int i = 0; i < S.nworkers; i++)
        pthread_join(S.w[i]->thread, NULL);
    if (S.ticker_started)
        pthread_join(S.ticker, NULL);
    actor_release(root);
    free_workers();
    pthread_mutex_lock(&S.outside_lock);
    stack_cache_flush(&S.outside_stacks);
    pthread_mutex_unlock(&S.outside_lock);
    S.running = false;
    timer_set_virtual(false);
    return code;
}
