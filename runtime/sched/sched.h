/*
 * sched.h — the M:N scheduler: worker OS threads running green threads.
 *
 * The design, the protocols and the rejected alternatives are at the top
 * of sched.c; docs/runtime-scheduler.md is the user-level page.
 *
 * Entry point
 *   sched_run_main(fn, arg) starts the workers, runs fn(arg) as the root
 *   actor on a 256 MiB stack, and returns when fn returns. Actors still
 *   alive then are abandoned, as daemon threads are at exit: the workers
 *   stop at their next scheduling point and the process is expected to
 *   exit soon (the root's return is the program's end). A worker outside
 *   any task is waited for (it only needs CPU time); a worker still inside
 *   a task gets 500 ms to reach a scheduling point, then is left running
 *   (at most 5 s in all). If every worker stopped, the scheduler frees its
 *   memory and sched_run_main may be called again (the tests do).
 *
 * Environment
 *   AITHON_THREADS=N      number of workers (default: CPUs available)
 *   AITHON_SCHED_SEED=S   deterministic mode: one worker, a seeded PRNG
 *                         picks the next task among the runnable ones and
 *                         the preemption points, and timers run on a
 *                         virtual clock. Same seed, same program, same
 *                         interleaving. (AITHON_THREADS is forced to 1.)
 *   AITHON_STACK_SIZE=B   task stack size in bytes; suffix k or m allowed
 *                         (default 256k)
 *
 * Calling convention for C code that runs on a task stack
 *   Any call below that may park or yield may resume on another OS
 *   thread. C compilers assume the thread never changes inside a function
 *   and may keep the address of a __thread variable (or errno's) in a
 *   register across such a call. Do not read a thread-local before such a
 *   call and reuse its address after; go through a non-inlined accessor
 *   (sched_tls(), sched_current()) after every call that may switch.
 */
#ifndef AITHON_SCHED_SCHED_H
#define AITHON_SCHED_SCHED_H

#include <stdbool.h>
#include <stdint.h>

#include "aithon_rt.h"
#include "sched/task.h"

/* ---- the program ------------------------------------------------------ */

/* Run fn(arg) as the root actor on the worker threads; return when fn
 * returns with the root actor's exit code (0: returned normally), or -1
 * if the scheduler could not start. */
int sched_run_main(void (*fn)(void *), void *arg);

/* Number of workers of the running scheduler (0 when not running). */
int sched_nworkers(void);

/* Workers looking for work (idle or spinning) now: a hint, stale at once. */
int sched_idle_workers(void);

/* True in the seeded deterministic mode. */
bool sched_is_seeded(void);

/* Raise every worker's poll flag (and preemption request): each running
 * task stops at its next safepoint. Async-signal-safe. */
void sched_poke_all(void);

/* ---- the running task -------------------------------------------------- */

/* The running task, or NULL outside tasks (a foreign thread, a worker's
 * scheduler loop). Never inlined: see the calling convention above. */
task_t *sched_current(void);

/* This OS thread's ai_tls block (not inlined, for the same reason). */
ai_worker_tls *sched_tls(void);

/* Let other runnable tasks run; the caller goes to the back of its
 * worker's queue. (Not `sched_yield`: that is POSIX's, in <sched.h>.) */
void sched_yield_task(void);

/* Park the calling task for at least `ns` nanoseconds (<= 0: yield). */
void sched_sleep(int64_t ns);

/* The scheduler's half of ai_safepoint_slow(): called by a task whose
 * ai_tls.poll was raised. Clears the flag and, if the task's time slice
 * is over, yields. Returns 0. */
int32_t sched_safepoint(void);

/* sched_safepoint without the yield: true when the task's slice is over
 * and it should yield now (sched_yield_task), for a caller with something
 * to do first. */
bool sched_slice_over(void);

/* C code's cheap poll: call in long loops of runtime C code that must be
 * preemptible, as compiled code polls at back-edges. */
static inline void sched_poll(void)
{
    /* relaxed: a hint, see sched_safepoint */
    if (__atomic_load_n(&sched_tls()->poll, __ATOMIC_RELAXED))
        sched_safepoint();
}

/* ---- parking and waking (for mailbox.c, actor.c and runtime code) ----- */

/* A park commit runs after the parking task `t` has been switched out,
 * on the worker that parked it (still before anything else can run t). It
 * must call task_begin_wait(t, kinds) and then publish the wait where a
 * waker will find it (set a mailbox tag, join a list, arm a timer with
 * sched_arm_timer). Return true if t is now parked. Return false to
 * cancel the park — after task_unwait() succeeded; if task_unwait failed,
 * a waker already owns t: return true. */
typedef bool (*sched_commit_fn)(task_t *t, void *arg);

/* Park the running task until someone wakes it (task_try_wake +
 * sched_ready). Returns on resumption, possibly on another worker. */
void sched_park(sched_commit_fn commit, void *arg);

/* For park commits: arm t's timer on the current worker for the wait
 * `seq` (as returned by task_begin_wait). */
void sched_arm_timer(task_t *t, uint32_t seq, int64_t deadline);

/* Make a task that a successful task_try_wake handed us runnable: into
 * the current worker's "run next" slot (it runs as soon as the caller
 * parks, inheriting the time slice) — for a TASK_F_FIFO task only when it
 * is free, else at the tail of the run queue — or the global queue from outside the workers. */
void sched_ready(task_t *t);

/* Wake `t` if it waits for one of `kinds` (any seq) and schedule it.
 * True if this call woke it. */
bool sched_wake(task_t *t, uint32_t kinds);

/* Start a new task (task_init'ed, RUNNABLE). It goes into the current
 * worker's run-next slot (so a freshly spawned child runs soon, depth
 * first, as in Go; a TASK_F_FIFO task as sched_ready says), or the
 * global queue from outside the workers. Every
 * 128th spawn in one time slice ends the slice: the spawner yields at its
 * next poll or park (spawn backpressure, see sched_spawn in sched.c). */
void sched_spawn(task_t *t);

/* End the running task: never returns. Whoever runs next calls
 * t->reap(t), which must recycle the stack (sched_stack_free); without a
 * reap hook the scheduler recycles it itself. */
_Noreturn void sched_task_exit(void);

/* Give a stack back to the current worker's cache (main stack: unmapped). */
void sched_stack_free(stack_mem_t *s);

/* A task stack: from the current worker's cache, or (outside workers)
 * from a shared locked cache. False when address space ran out. */
bool sched_stack_alloc(stack_mem_t *out);

/* Per-worker block of actor ids (for actor.c). */
uint64_t sched_next_id(void);

/* Count actors born (+1) and freed (-1) without a shared cache line:
 * per-worker counters, summed by sched_actor_live(). */
void sched_actor_delta(int d);
int64_t sched_actor_live(void);

/* Spin-wait hint (x86 PAUSE, AArch64 YIELD). */
static inline void sched_cpu_relax(void)
{
#if defined(__x86_64__)
    __asm__ volatile("pause");
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

/* ---- statistics -------------------------------------------------------- */

typedef struct sched_stats {
    uint64_t switches;          /* context switches */
    uint64_t steals;            /* successful steal operations */
    uint64_t stolen;            /* tasks moved by them */
    uint64_t parks;             /* worker sleeps on the futex */
    uint64_t wakeups;           /* futex wakes of idle workers */
    uint64_t preemptions;       /* yields at a safepoint for an ended slice */
    uint64_t global_pushes;     /* tasks through the global queue */
    uint64_t spawned;           /* actors spawned */
    uint64_t sent;              /* messages sent */
} sched_stats_t;

/* Totals of the last (or current) run; approximate while running. */
void sched_get_stats(sched_stats_t *out);
/* Count an actor spawn / a message send (actor.c, mailbox.c), and read
 * both counts (AITHON_STATS). */
void sched_count_spawn(void);
void sched_count_send(void);
void sched_counters(uint64_t *spawned, uint64_t *sent);

/* The allocator's hooks: called on the worker's thread when a task of an
 * actor with a heap starts or stops running there, so the actor's nursery
 * bounds move into and out of that worker's ai_tls (core/alloc.h A3).
 * Set once, before sched_run_main. */
void sched_set_heap_hooks(void (*enter)(void *heap), void (*leave)(void *heap));

#endif
