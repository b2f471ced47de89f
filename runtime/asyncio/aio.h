/*
 * asyncio/aio.h — the asyncio runtime's internal interface: the event
 * loop, futures, tasks, and how coroutines running on several stacks
 * hand control to each other. docs/concurrency.md has the design.
 *
 * Model. Every actor that runs asyncio code has at most one running
 * event loop (aio_state, per actor). The loop is CPython's: a FIFO of
 * ready callbacks, a heap of timers, and _run_once() — move due timers
 * to the ready queue, then run exactly the callbacks that were ready when
 * the iteration began. Futures schedule their done-callbacks through
 * call_soon in registration order; a Task steps its coroutine from a
 * callback and registers its wake-up on the future it awaits. Because
 * every one of these steps is CPython's, tasks that share an actor
 * interleave exactly as under CPython.
 *
 * Stacks. A task's coroutine is an ai_gen (objects/gen.h) on a stack of
 * its own; `await fut` on a pending future suspends that stack back to
 * the loop (gen_suspend with awaiting set), and the task's next step
 * resumes it. The ROOT task of asyncio.run (and of an actor running a
 * coroutine) runs INLINE on the loop's own stack: when it awaits, the
 * loop runs nested, on top of it, until the root's step is due, then
 * returns into it. Awaiting a coroutine that has not started calls its
 * body directly on the awaiting stack: only tasks need stacks.
 *
 * Callbacks are values, so the collector sees everything: a callback is
 * a pair (fn, arg) where fn is a Python callable or a small int naming a
 * C callback of aio_cbtab (AIO_CB_*). Ready entries are (fn, a, b,
 * handle): fn(a, b) runs unless the Handle object (0 for internal
 * entries) was cancelled.
 *
 * Invariants:
 *   - A future's state goes PENDING → FINISHED or PENDING → CANCELLED,
 *     once; its callbacks are scheduled (in order) at that moment and
 *     the list is emptied.
 *   - A task is stepped only from the ready queue (never re-entrantly):
 *     at most one step of it is pending at any time.
 *   - aio_state.current is the task whose step is running (0 between
 *     steps), as CPython's _enter_task/_leave_task keep it.
 *   - All ai_values held outside heap objects (aio_state) are also held
 *     by a root frame pushed while the loop runs.
 */
#ifndef AITHON_ASYNCIO_AIO_H
#define AITHON_ASYNCIO_AIO_H

#include <stddef.h>

#include "core/object.h"
#include "gc/gc.h"
#include "objects/gen.h"
#include "sched/mailbox.h"

/* ---- C callbacks ------------------------------------------------------------ */

typedef int (*aio_cfn)(ai_value a, ai_value b); /* 0, or -1 with an exception */

enum {
    AIO_CB_PYCALL,      /* a(*b): a Python callable and its args tuple */
    AIO_CB_PYCALL1,     /* a(b): a Python done-callback and its future */
    AIO_CB_TASK_STEP,   /* task a stepped (b: exception to throw, or 0) */
    AIO_CB_TASK_WAKEUP, /* task a woken by its future b */
    AIO_CB_STOP,        /* run_until_complete's: stop loop a */
    AIO_CB_SET_RESULT_UNLESS_CANCELLED, /* sleep's timer: future a gets b */
    AIO_CB_GATHER,      /* gather state a: child b is done */
    AIO_CB_WAIT,        /* wait()/as_completed state a: child b is done */
    AIO_CB_SHIELD_INNER, /* shield: inner b is done, outer a */
    AIO_CB_SHIELD_OUTER, /* shield: outer b is done, inner a */
    AIO_CB_TASKGROUP,   /* task group a: its task b is done */
    AIO_CB_TIMEOUT,     /* asyncio.timeout a: its deadline passed */
    AIO_CB_WAIT_FOR,    /* wait_for: timeout passed, waiter a */
    AIO_CB_RELEASE_WAITER, /* wait_for / wait: future a done, release waiter b */
    AIO_CB_REMOTE_STEP, /* remote task a: replay its next event */
    AIO_CB_ASCOMPLETED, /* as_completed state a: future b is done */
    AIO_CB_ASCOMPLETED_TIMEOUT, /* as_completed state a: its timeout */
    AIO_CB_SET_EXCEPTION_UNLESS_CANCELLED, /* run_in_executor: future a raises b */
    AIO_CB_CREATE_TASK, /* loop a: create_task(b) (an async generator's aclose) */
    AIO_CB_COUNT
};
extern const aio_cfn aio_cbtab[AIO_CB_COUNT];
#define AIO_CB(id) ai_smallint(id)

/* ---- futures and tasks ------------------------------------------------------ */

enum { AIO_PENDING, AIO_CANCELLED, AIO_FINISHED };

typedef struct aio_future {
    ai_object ob;
    ai_value loop;          /* the loop it belongs to */
    ai_value result;        /* FINISHED without exception (remote.c: a
                               task evaluated ahead keeps its outcome
                               here while PENDING) */
    ai_value exception;     /* FINISHED with an exception (an instance) */
    ai_value cb0_fn, cb0_arg; /* the first done-callback, inline */
    ai_value rare;          /* the aio_rare below, or 0 */
    uint8_t state;          /* AIO_PENDING / CANCELLED / FINISHED */
    bool blocking;          /* _asyncio_future_blocking */
    bool log_tb;            /* an exception nobody retrieved */
    bool cancel_requested;  /* a gathering future's _cancel_requested */
    uint8_t kind;           /* AIO_FUT_* */
    bool ahead;             /* made by gather in an evaluation ahead
                               (ahead.c): done, but only at ahead_done */
    bool ahead_awaited;     /* … and awaited there */
} aio_future;

/* A future's (or task's) rare fields, in a side object made when one of
 * them is first set to something: most futures and tasks never have one
 * (spawn_many's 200,000 pending tasks: 80 bytes and seven slots less
 * each, for every collection to trace). Read with AIO_RARE (0 when
 * absent), written with AIO_RARE_SET. */
typedef struct aio_rare {
    ai_object ob;
    int64_t ahead_done;     /* ahead.c: the iteration a gather made
                               ahead finishes at */
    ai_value cancel_msg;    /* cancel(msg): the message, or 0 (None) */
    ai_value cancelled_exc; /* the CancelledError that cancelled a task
                               (a gathering future: its counters) */
    ai_value cbs;           /* done-callbacks after the first: a list of
                               fn, arg pairs */
    ai_value children;      /* a gathering future's children (list) */
    ai_value inline_exc;    /* a task, the inline root: what to throw in */
    ai_value context;       /* a task's contextvars: the dict of its
                               context (0 when empty), or the Context
                               object of create_task(context=) */
} aio_rare;
static inline aio_rare *aio_rare_of(const aio_future *f) { return (aio_rare *)ai_obj(f->rare); }
#define AIO_RARE(f, field) ((f)->rare ? aio_rare_of(f)->field : 0)
/* f's side object, made if it has none: NULL with MemoryError raised. */
aio_rare *aio_rare_get(aio_future *f);
/* Store v into field `off` of f's side object (made unless v is 0): 0, or
 * -1 with MemoryError raised. */
int aio_rare_store(aio_future *f, size_t off, ai_value v);
static inline int aio_rare_set(aio_future *f, size_t off, ai_value v) {
    return !v && !f->rare ? 0 : aio_rare_store(f, off, v); /* (every task step stores its context) */
}
#define AIO_RARE_SET(f, field, v) aio_rare_set((f), offsetof(aio_rare, field), (v))

enum { AIO_FUT_PLAIN, AIO_FUT_GATHER, AIO_FUT_TASK };

typedef struct aio_task {
    aio_future fut;
    ai_value coro;          /* the coroutine (an ai_gen) */
    ai_value name;          /* str, or the int N of "Task-N" until read */
    ai_value fut_waiter;    /* the future it waits for, or 0 */
    ai_value remote;        /* remote.c's state when it runs as an actor
                               (a record, or a small int: remote.c) */
    ai_value tprev, tnext;  /* the loop's list of pending tasks */
    int32_t num_cancels;    /* cancelling() */
    bool must_cancel;
    bool inline_root;       /* runs on the loop's stack (see above) */
    bool inline_woken;      /* inline root: its step is due */
    bool registered;        /* in the loop's list of pending tasks */
    bool localized;         /* isolated, but run here (remote.c): its
                               steps are timed to tell whether its
                               function is worth an actor */
    uint8_t park;           /* AIO_PARK_*: parked in a primitive's
                               waiters, no future (aio_task_park) */
    uint8_t park_result;    /* WOKEN: the result its future got, for its
                               repr: 0 None (queues), 1 True (Lock,
                               Event, Semaphore), 2 False (Condition) */
    /* (inline_exc and context: in the side object, aio_rare) */
} aio_task;

/* Direct waits. A task waiting in a primitive's deque of waiters (Queue's
 * getters and putters; the waiters of Lock, Event, Condition and the
 * semaphores: sync.c) may park ITSELF there instead of a future whose
 * done-callback would wake it: its fut_waiter is then the primitive and
 * `park` stands for the future CPython would have made — WAITING
 * (pending), WOKEN (its result set: the task's step is scheduled, at the
 * place in the ready queue the future's callback would have taken) or
 * CANCELLED (cancelled: the step that throws CancelledError is
 * scheduled). The waiter deque holds the task itself; the parked task
 * removes itself when its wait ends with an exception, as CPython's
 * except-clause removes its future. */
enum { AIO_PARK_NONE, AIO_PARK_WAITING, AIO_PARK_WOKEN, AIO_PARK_CANCELLED };
/* The running task if it may park here and now (a task whose own
 * coroutine is the running body, or the inline root at its base level),
 * else 0 (await a future instead). */
ai_value aio_park_task(void);
/* Park task (from aio_park_task) waiting on `on` until woken: AI_NONE, or
 * AI_ERR with the exception thrown in. *how: the park state it ended in
 * (WOKEN, CANCELLED, or WAITING when something else was thrown in). */
ai_value aio_task_park(ai_value task, ai_value on, int *how);
/* Wake a WAITING parked task (its future's set_result(None)): 0 / -1. */
int aio_task_unpark(ai_value task);
/* The same as set_result(result), result None, True or False. */
int aio_task_unpark_as(ai_value task, ai_value result);

/* The task's name (a str; "Task-N" is made on first use). NULL on error. */
ai_value aio_task_name(aio_task *t);

extern ai_type aio_future_type, aio_task_type, aio_handle_type, aio_timerhandle_type,
    aio_loop_type;
/* The asyncio exceptions (module asyncio.exceptions). */
extern ai_type aio_CancelledError, aio_InvalidStateError, aio_QueueEmpty, aio_QueueFull, aio_BrokenBarrierError;

static inline bool aio_is_future(ai_value v) {
    return !ai_is_smallint(v) && obj_type_is_sub(ai_type_of_obj(ai_obj(v)), &aio_future_type);
}
static inline aio_future *aio_fut(ai_value v) { return (aio_future *)ai_obj(v); }
static inline aio_task *aio_tsk(ai_value v) { return (aio_task *)ai_obj(v); }
static inline bool aio_is_task(ai_value v) {
    return !ai_is_smallint(v) && ai_type_of_obj(ai_obj(v)) == &aio_task_type;
}

/* future.c */
ai_value aio_future_new(ai_value loop);
/* set_result / set_exception / cancel: 0 ok (or cancel: 1 done, 0 not),
 * -1 error (InvalidStateError). */
int aio_future_set_result(ai_value fut, ai_value v);
/* Make a finished, unreferenced plain future pending again (future.c
 * says when that is allowed); false when it cannot be. */
bool aio_future_recycle(ai_value fut, ai_value loop);
int aio_future_set_exception(ai_value fut, ai_value exc);
int aio_future_cancel(ai_value fut, ai_value msg);
/* fut.result(): the value, or AI_ERR with its exception raised. */
ai_value aio_future_result(ai_value fut);
/* fut.exception() (0 for None), AI_ERR when cancelled or pending. */
ai_value aio_future_exception(ai_value fut, bool *err);
/* add_done_callback with a C callback (id, arg) or a Python fn (arg 0). */
int aio_future_add_cb(ai_value fut, ai_value fn, ai_value arg);
/* The CancelledError for a cancelled future (_make_cancelled_error). */
ai_value aio_make_cancelled_error(ai_value fut);
/* await fut: the result, or AI_ERR (its exception, or one thrown in). */
ai_value aio_future_await(ai_value fut);
/* A new task for coroutine `coro` on loop; name 0 for "Task-N". */
ai_value aio_task_new(ai_value loop, ai_value coro, ai_value name);
int aio_task_cancel(ai_value task, ai_value msg);
/* cancel() of any future kind (tasks and gathering futures cancel
 * their own way): 1 cancelled, 0 not, -1 error. */
int aio_cancel_any(ai_value fut, ai_value msg);
/* remove_done_callback for a C callback (id, arg): 0 / -1. */
int aio_future_remove_cb(ai_value fut, ai_value fn, ai_value arg);
/* ensure_future(v) on loop (0: the running loop). */
ai_value aio_ensure_future(ai_value v, ai_value loop);
/* gather(*aws, return_exceptions=…) */
ai_value aio_gather(const ai_value *aws, int64_t n, bool return_exceptions);
/* create_task, choosing a remote task for an isolated coroutine. */
ai_value aio_spawn_task(ai_value loop, ai_value coro, ai_value name);
/* Reports on stderr as CPython's default exception handler words them:
 * the message, "future: <repr>" / "task: <repr>" lines, the traceback. */
void aio_report_future_exception(const char *message, ai_value fut, ai_value exc);
void aio_report_task_exception(const char *message, ai_value exc, ai_value task);
void aio_report_asyncgen_exception(const char *message, ai_value exc, ai_value agen);
void aio_report_exception(const char *message, ai_value exc, ai_value callback);

/* The CancelledError instance test. */
static inline bool aio_is_cancelled_error(ai_value e) { return obj_isinstance(e, &aio_CancelledError); }

/* ---- the loop -------------------------------------------------------------- */

typedef struct aio_state {
    ai_value loop;          /* the running loop, or 0 */
    ai_value current;       /* the task whose step runs, or 0 */
    ai_value inline_task;   /* the root task running inline, or 0 */
    ai_gen *inline_base;    /* gen_current() when the root began */
    int32_t root_line;      /* the line of the inline root's last await
                               (it has no generator to hold it; its
                               coroutine's `line` gets it when it
                               suspends), for the repr of its task */
    int32_t root_depth;     /* awaits run inline inside the root's: their
                               lines are not the root's */
    int64_t task_counter;   /* names Task-N */
    bool capture;           /* stdout/stderr go to the buffers below */
    bool discard;           /* stdout/stderr are dropped (a task re-run
                               for iterations already replayed) */
    struct aio_outbuf *out, *err;
    struct aio_ahead *ahead; /* the evaluation ahead running (ahead.c) */
    void *unretrieved;      /* futures whose exception may be unread */
    void *remote;           /* remote.c's per-actor state */
} aio_state;

/* ---- deques (collections.deque for the primitives' waiters) -------------------- */

typedef struct aio_deque {
    ai_object ob;
    ai_value items;         /* a tuple used as a ring of `cap` slots */
    int64_t head, len;
} aio_deque;
ai_value aio_deque_new(void);
int aio_deque_push(ai_value d, ai_value v);
ai_value aio_deque_popleft(ai_value d);        /* 0 when empty */
ai_value aio_deque_pop(ai_value d);            /* 0 when empty */
ai_value aio_deque_at(ai_value d, int64_t i);  /* i-th from the left */
bool aio_deque_remove(ai_value d, ai_value v); /* first identical one */
static inline int64_t aio_deque_len(ai_value d) { return ((aio_deque *)ai_obj(d))->len; }

/* This actor's state (created on first use; never NULL, aborts on OOM),
 * and its release when the actor ends. */
aio_state *aio_state_get(void);
/* The running actor's state if it has one yet (no allocation), else NULL. */
aio_state *aio_state_peek(void);
void aio_state_free(aio_state *st);
/* The running loop (0 with RuntimeError "no running event loop"). */
ai_value aio_running_loop(void);

ai_value aio_loop_new(void);
double aio_loop_time(ai_value loop);
/* call_soon(fn, a, b) with a C callback id or AIO_CB_PYCALL; handle 0. */
int aio_call_soon(ai_value loop, ai_value fn, ai_value a, ai_value b, ai_value handle);
/* call_soon that returns a cancellable Handle (AI_ERR on error). */
ai_value aio_call_soon_handle(ai_value loop, ai_value fn, ai_value a, ai_value b);
/* call_at(when, ...): returns the TimerHandle (AI_ERR on error). */
ai_value aio_call_at(ai_value loop, double when, ai_value fn, ai_value a, ai_value b);
/* The same with the timer's place among the others given (loop.c,
 * "Timers"): `order` is its deadline on CPython's sequential timeline. */
ai_value aio_call_at_ordered(ai_value loop, double when, double order, ai_value fn, ai_value a, ai_value b);
/* Swap the loop's spare coroutine object (ahead.c's evaluations run
 * their bodies in one, reused: a body that returned holds nothing) for
 * `give` (0: none); the one it held, or 0. */
ai_value aio_loop_spare_body(ai_value loop, ai_value give);
/* The loop's virtual clock (loop.c, "Timers"), and moving it on. */
double aio_loop_virtual_now(ai_value loop);
void aio_loop_advance_virtual(ai_value loop, double by);
/* TimerHandle.cancel() */
void aio_handle_cancel(ai_value handle);
/* Run the loop until future `fut` is done (run_until_complete without
 * the task creation): 0, or -1 when an exception escaped a callback
 * (KeyboardInterrupt, SystemExit) and is pending. */
int aio_loop_run_until(ai_value loop, ai_value fut);
/* Register / forget a live task (all_tasks()). */
void aio_loop_add_task(ai_value loop, ai_value task);
void aio_loop_remove_task(ai_value loop, ai_value task);
ai_value aio_loop_tasks(ai_value loop); /* a set of the pending tasks */

/* The root task runs inline: suspend it with the yielded value y until
 * its next step is due (the loop runs nested meanwhile). The sent value
 * (None) or AI_ERR with the thrown exception. */
ai_value aio_inline_suspend(ai_value y);
/* Handle a value yielded by task's coroutine (Task.__step's else branch). */
int aio_task_handle_yield(ai_value task, ai_value y);

/* Suspend the innermost async context with y (objects/coro.c): a task's
 * coroutine stack, an async generator body, or the inline root. */
ai_value coro_suspend(ai_value y);
/* agen.aclose(): the awaitable (objects/coro.c). */
ai_value coro_agen_aclose(ai_value agen);

/* asyncio.run(coro) in the calling actor: the result or AI_ERR. */
ai_value aio_run_root(ai_value coro);

/* loop.run_in_executor's work: call func(*args, **kwargs) (kwargs 0:
 * none) now, on this task, and return a future of loop that gets its
 * result or exception one loop iteration later (loop.c). */
ai_value aio_run_in_executor(ai_value loop, ai_value func, ai_value args, ai_value kwargs);

/* Async generators under a running loop (CPython's asyncgen hooks,
 * loop.c): first iterated — the loop keeps it for shutdown_asyncgens;
 * finished — it forgets it; left early by `async for` — its aclose()
 * becomes a task (call_soon(create_task, agen.aclose()), as CPython's
 * finaliser does when the generator dies). */
void aio_agen_first_iter(ai_value agen);
void aio_agen_done(ai_value agen);
int aio_agen_release(ai_value agen);
/* asyncio.run's end: aclose() every async generator still suspended,
 * reporting the errors; 0, or -1 with an exception pending. */
int aio_loop_shutdown_asyncgens(ai_value loop);

/* Native coroutines: a coroutine object whose body is C. */
ai_value aio_native_coro(const ai_func_info *info, gen_thunk fn, const ai_value *args, int64_t n);
/* Run now (`await o.m(args)`, ai_method_def.await_fn): fn(args) on this
 * stack, its result returned; else the coroutine, as aio_native_coro. */
static inline ai_value aio_native_start(bool now, const ai_func_info *info, gen_thunk fn, const ai_value *args,
                                        int64_t n) {
    return now ? fn(args) : aio_native_coro(info, fn, args, n);
}

/* Output capture of isolated actors (remote.c) and of evaluations
 * ahead (ahead.c): true when the bytes were taken. The output guard is
 * called before the stdout lock is taken. */
bool aio_capture_write(int fd, const char *p, size_t n);
void aio_ahead_output_guard(void);

/* Output buffers (remote.c). */
typedef struct aio_outbuf {
    char *p;
    size_t len, cap;
} aio_outbuf;
void aio_outbuf_add(aio_outbuf *b, const char *p, size_t n);

/* ---- evaluation ahead (ahead.c) --------------------------------------------------- */

/* The signature of asyncio's methods and functions, guarded: an
 * evaluation ahead gives up at any of them (what they do depends on
 * other tasks or on time). AIO_FUNC_UNGUARDED for the few that an
 * evaluation handles or that are pure. */
#define AIO_GUARDED(fn, first)                                                                     \
    static ai_value fn##_unguarded(ai_value first, const ai_value *args, int64_t nargs, ai_value kwnames); \
    static ai_value fn(ai_value first, const ai_value *args, int64_t nargs, ai_value kwnames) {       \
        aio_ahead_guard();                                                                         \
        return fn##_unguarded(first, args, nargs, kwnames);                                             \
    }                                                                                              \
    static ai_value fn##_unguarded(ai_value first, const ai_value *args, int64_t nargs, ai_value kwnames)
#define AIO_METHOD(fn) AIO_GUARDED(fn, self)
#define AIO_FUNC(fn) AIO_GUARDED(fn, callable)
#define AIO_FUNC_UNGUARDED(fn) \
    static ai_value fn(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames)

/* A method that returns a native coroutine (its table entry marked
 * AI_METH_AWAITS_NOW): the body written after the macro checks the
 * arguments and ends with aio_native_start(now, …); `now` is set when
 * `await o.m(args)` calls it with AI_NARGS_AWAIT_NOW. */
#define AIO_CORO_METHOD(fn)                                                                         \
    static ai_value fn##_impl(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames, bool now); \
    AIO_METHOD(fn) {                                                                                \
        return fn##_impl(self, args, nargs & ~AI_NARGS_AWAIT_NOW, kwnames, (nargs & AI_NARGS_AWAIT_NOW) != 0); \
    }                                                                                               \
    static ai_value fn##_impl(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames, bool now)

typedef struct aio_ahead aio_ahead;

/* One loop iteration of an evaluation: what it wrote, how many tasks it
 * created. */
typedef struct aio_ahead_iter {
    aio_outbuf out, err;
    int64_t ntasks;
} aio_ahead_iter;

typedef struct aio_ahead_result {
    aio_ahead_iter *iters;      /* malloc'd; the last is the finishing one */
    int64_t niters;
    ai_value value;             /* the result, or the exception */
    bool raised;
} aio_ahead_result;

/* May this coroutine be evaluated ahead (fresh, of an isolated function
 * that never gave up, and AITHON_AHEAD is not 0)? */
bool aio_ahead_candidate(ai_value coro);
/* The calling thread's CPU time in ns (a system call: read it sparingly). */
int64_t aio_thread_cpu_ns(void);
/* Functions whose tasks run steps long enough to be worth an actor of
 * their own (a step of AIO_HEAVY_STEP_NS or more, or an evaluation ahead
 * that outgrew its slice). */
enum { AIO_HEAVY_STEP_NS = 3000000 };
bool aio_func_heavy(const ai_func_info *info);
void aio_func_mark_heavy(const ai_func_info *info);
bool aio_ahead_enabled(void);
/* Evaluate a task whose coroutine is (info, thunk, args) from its first
 * step to its end: 1 with *out filled, 0 when it gave up (nothing
 * happened), AHEAD_OUTGREW when it gave up because it ran past a time
 * slice while other cores could have taken it (only if may_outgrow). */
enum { AHEAD_OUTGREW = -1 };
int aio_ahead_eval(const ai_func_info *info, gen_thunk thunk, ai_value args, bool may_outgrow,
                   aio_ahead_result *out);
void aio_ahead_iters_free(aio_ahead_iter *it, int64_t n);

/* ---- a batch evaluated ahead on other cores (spread.c) ----------------------------- */

struct gc_msg;
/* One task to evaluate: its id in the parent's remote table, its
 * function and its copied arguments (owned by the job). */
typedef struct aio_spread_job {
    uint64_t id;
    const ai_func_info *info;
    gen_thunk thunk;
    struct gc_msg *args;
} aio_spread_job;
/* helper → parent, one per job */
typedef struct aio_spread_done {
    mbox_msg_t hdr;             /* first: the mailbox link */
    uint64_t id;
    bool gave_up;               /* the parent starts it the ordinary way */
    bool raised;                /* the outcome is an exception */
    aio_ahead_iter *iters;      /* as aio_ahead_result's */
    int64_t niters;
    struct gc_msg *payload;     /* the outcome, copied */
} aio_spread_done;
/* Spawn a helper actor evaluating jobs[0..n) ahead, in order, each
 * answered by an aio_spread_done message to the calling actor. Takes the
 * jobs' arguments; false (nothing taken) when it cannot be spawned. */
bool aio_spread_start(const aio_spread_job *jobs, int64_t n);
bool aio_spread_is_done(const mbox_msg_t *m);
void aio_spread_done_free(aio_spread_done *d);
/* Is an evaluation running in this actor? */
bool aio_ahead_active(void);
/* Give the running evaluation up (never returns). The guard does when
 * one runs: every asyncio entry point that depends on other tasks or
 * on time calls it. */
_Noreturn void aio_ahead_abort(void);
void aio_ahead_guard(void);
/* The hooks: a suspension (true: handled, the body goes on); gather;
 * await of a gathering future made ahead. */
bool aio_ahead_suspend(ai_value y);
ai_value aio_ahead_gather(const ai_value *aws, int64_t n, bool return_exceptions);
ai_value aio_ahead_await(ai_value fut);
bool aio_ahead_capture(int fd, const char *p, size_t n);

/* ---- between the files of runtime/asyncio/ --------------------------------------- */

/* The C callbacks of aio_cbtab, each in the file of its feature. */
int aio_task_step_cb(ai_value task, ai_value exc);
int aio_task_wakeup_cb(ai_value task, ai_value fut);
int aio_gather_cb(ai_value state, ai_value child);
int aio_wait_cb(ai_value state, ai_value child);
int aio_shield_inner_cb(ai_value outer, ai_value inner);
int aio_shield_outer_cb(ai_value inner, ai_value outer);
int aio_taskgroup_cb(ai_value group, ai_value task);
int aio_timeout_cb(ai_value tm, ai_value unused);
int aio_wait_for_cb(ai_value waiter, ai_value unused);
int aio_release_waiter_cb(ai_value waiter, ai_value fut);
int aio_remote_step_cb(ai_value task, ai_value exc);
int aio_ascompleted_cb(ai_value state, ai_value f);
int aio_ascompleted_timeout_cb(ai_value state, ai_value unused);

/* future.c */
void aio_exc_types_init(void);
int aio_gather_cancel(ai_value outer, ai_value msg);
void aio_unretrieved_begin(aio_state *st);
void aio_report_unretrieved(aio_state *st);
/* The same at the end of the program (the main actor's asyncio.run that
 * an exception escapes). */
void aio_defer_unretrieved(aio_state *st);
/* loop.close() left these tasks pending: "Task was destroyed but it is
 * pending!" for each still pending at the end of the program. */
void aio_loop_closed_with(const ai_value *tasks, int64_t n);
ai_value coro_await_iter_new(ai_value fut);          /* objects/coro.c */
void coro_describe(strbuf *b, ai_value coro);         /* objects/coro.c */
/* loop.c */
ai_value aio_create_task_in(ai_value loop, const ai_value *args, int64_t nargs, ai_value kwnames,
                            const char *fname);
ai_value aio_run_until_complete(ai_value loop, ai_value awaitable);
/* queues.c (for as_completed) */
ai_value aio_queue_new_unbounded(void);
int aio_queue_put_nowait(ai_value q, ai_value item);
ai_value aio_queue_get(ai_value q);
/* loop.c, for remote.c: the ready entries from the head on, in turn (a
 * cursor stays valid while entries are only appended); how many are
 * ready; the first live timer's deadline; pending tasks; one iteration. */
typedef struct aio_ready_cursor {
    ai_value loop, seg;
    int64_t k, i;
} aio_ready_cursor;
void aio_loop_cursor(ai_value loop, aio_ready_cursor *c);
bool aio_loop_next(aio_ready_cursor *c, ai_value e[4]);
int64_t aio_loop_ready_count(ai_value loop);
bool aio_loop_first_timer(ai_value loop, double *when, double *order);
int64_t aio_loop_pending_tasks(ai_value loop);
int aio_loop_run_iteration(ai_value loop);
/* remote.c */
ai_value aio_remote_try_spawn(ai_value loop, ai_value coro, ai_value name);
bool aio_remote_is_child(aio_state *st);
/* The first thing an actor of remote.c or spread.c does: give it a heap
 * of its own and enter it; its asyncio state. */
aio_state *aio_actor_begin(void);
int aio_remote_child_boundary(ai_value loop);
int aio_remote_cancel(ai_value task, ai_value msg);
int aio_remote_wait(ai_value loop, double timeout);
void aio_remote_shutdown(ai_value loop);
/* A task replaying an evaluation ahead becomes an ordinary local task in
 * CPython's state (ahead.c's file comment): 0, or -1 with an exception. */
int aio_remote_materialize(ai_value task);
/* A task running as an actor: where its coroutine waits (0: not known)
 * and the class of the plain future it waits for (or NULL), as of its
 * last replayed step. False when it is not running as an actor. */
bool aio_remote_running_at(ai_value task, int32_t *line, const char **waiter);
/* objects/coro.c: an await at `line` outside any generator body (the
 * inline root's); delta +1 / -1 around an await run inline. */
void aio_root_await(int32_t line, int32_t delta);
/* loop.c: re-run `task` from its first step for k iterations alone, then
 * put what it left pending where its replay entry was. */
int aio_loop_rerun(ai_value loop, ai_value task, int64_t k);
/* report.c */
/* Frames of CPython's asyncio written in Python, which its tracebacks
 * show where an exception passes through them: add one to the pending
 * exception's traceback (the next frame outwards). Paths and lines are
 * the installed CPython 3.11's (report.c). */
enum {
    AIO_FR_TASKGROUP_RAISE,     /* TaskGroup.__aexit__: raise me from None */
    AIO_FR_TIMEOUT_RAISE,       /* Timeout.__aexit__: raise TimeoutError from exc_val */
    AIO_FR_SLEEP,               /* sleep(d > 0): return await future */
    AIO_FR_SLEEP0_YIELD,        /* sleep(0): yield in __sleep0 … */
    AIO_FR_SLEEP0,              /* … and await __sleep0() in sleep */
    AIO_FR_WAITFOR_AWAIT,       /* wait_for, timeout None: return await fut */
    AIO_FR_WAITFOR_DONE0,       /* timeout <= 0, already done: return fut.result() */
    AIO_FR_WAITFOR_RESULT0,     /* timeout <= 0, cancelled: return fut.result() */
    AIO_FR_WAITFOR_TIMEOUT0,    /* … raise exceptions.TimeoutError() from exc */
    AIO_FR_WAITFOR_WAITER,      /* wait_for itself cancelled: await waiter */
    AIO_FR_WAITFOR_CANCELLED_DONE, /* … but fut was done: return fut.result() */
    AIO_FR_WAITFOR_DONE,        /* fut done in time: return fut.result() */
    AIO_FR_WAITFOR_RESULT,      /* timed out: return fut.result() */
    AIO_FR_WAITFOR_TIMEOUT,     /* … raise exceptions.TimeoutError() from exc */
    AIO_FR_WAIT_FOR_ONE_GET,    /* as_completed's _wait_for_one: f = await done.get() */
    AIO_FR_WAIT_FOR_ONE_TIMEOUT,/* … raise exceptions.TimeoutError */
    AIO_FR_WAIT_FOR_ONE_RESULT, /* … return f.result() */
    AIO_FR_QUEUE_PUT,           /* Queue.put: await putter */
    AIO_FR_QUEUE_GET,           /* Queue.get: await getter */
    AIO_FR_QUEUE_JOIN,          /* Queue.join: await self._finished.wait() (then EVENT_WAIT) */
    AIO_FR_AENTER,              /* the primitives' __aenter__: await self.acquire() */
    AIO_FR_LOCK_ACQUIRE,        /* Lock.acquire: await fut */
    AIO_FR_EVENT_WAIT,          /* Event.wait: await fut */
    AIO_FR_COND_WAIT,           /* Condition.wait: await fut */
    AIO_FR_COND_WAIT_FOR,       /* Condition.wait_for: await self.wait() */
    AIO_FR_SEM_ACQUIRE,         /* Semaphore.acquire: await fut */
    AIO_FR_HANDLE_RUN,          /* Handle._run: self._context.run(self._callback, *self._args) */
    AIO_FR_COUNT
};
/* Where asyncio's Python functions that our C callbacks stand for are
 * defined (their file and def line in the installed CPython). */
enum {
    AIO_SRC_RUN_UNTIL_COMPLETE_CB,
    AIO_SRC_RELEASE_WAITER,
    AIO_SRC_WAIT_ON_COMPLETION,
    AIO_SRC_ASCOMPLETED_ON_COMPLETION,
    AIO_SRC_GATHER_DONE,
    AIO_SRC_SHIELD_INNER,
    AIO_SRC_SHIELD_OUTER,
    /* asyncio's coroutines that are C here (aio_describe_native) */
    AIO_SRC_SLEEP,
    AIO_SRC_WAIT_FOR,
    AIO_SRC_EVENT_WAIT,
    AIO_SRC_COND_WAIT,
    AIO_SRC_LOCK_ACQUIRE,
    AIO_SRC_SEM_ACQUIRE,
    AIO_SRC_QUEUE_GET,
    AIO_SRC_QUEUE_PUT,
    AIO_SRC_QUEUE_JOIN,
    AIO_SRC_COUNT
};
/* For a task's repr: one of asyncio's coroutines written in C, as
 * "sleep() running at …/tasks.py:649" (done: "defined at" its def line).
 * False for other native coroutines. */
bool aio_describe_native(strbuf *b, const ai_gen *g);
/* In a native coroutine's body: it is about to wait at frame (AIO_FR_*)
 * — recorded in its `line` when it runs as its own coroutine (a task's),
 * not when its body runs inline in its awaiter's. */
void aio_native_waits_at(const ai_func_info *info, int frame);
bool aio_lib_source(int which, const char **path, int *line);
/* "Exception in callback qualname(args) at file:line", the `handle:`
 * line (handle's repr, or the Handle CPython would have made for a
 * done-callback: 0), then the traceback, as CPython's default handler. */
void aio_report_callback_exception(ai_value exc, ai_value fn, const ai_value *args, int64_t nargs,
                                   ai_value handle);
/* format.c: a callback as asyncio.format_helpers shows it, into b
 * (false with an exception pending); aio_format_cfn for one of ours
 * (AIO_CB_*, with its argument). */
bool aio_format_callback(strbuf *b, ai_value fn, const ai_value *args, int64_t nargs);
bool aio_format_cfn(strbuf *b, int id, ai_value arg);
void aio_add_frame(int which);
void aio_add_runner_frames(void);
/* The module's parts (modules/modasyncio.c calls them). */
int aio_tasks_init(ai_value m);
int aio_sync_init(ai_value m);
int aio_queues_init(ai_value m);
int aio_group_init(ai_value m);

#endif
