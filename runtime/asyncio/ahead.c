/*
 * asyncio/ahead.c — an isolated task evaluated AHEAD, all at once, then
 * replayed at CPython's slots: a tree of a million gathered coroutines
 * becomes a depth-first recursion of calls.
 *
 * Why it is exact. An isolated task (compiler/effects.c: it writes
 * nothing shared and reads nothing that anything else writes) does
 * nothing anyone can see between its steps except through what the
 * steps produce: the output it writes, the number of tasks it creates
 * (which names later tasks), and when and how it finishes. remote.c
 * replays those, iteration by iteration, at the slots where CPython runs
 * the task's steps. Here the whole life of the task is computed at its
 * first slot, counting loop iterations instead of taking them:
 *   - `await asyncio.sleep(0)` (any bare yield) costs one iteration: the
 *     task's next step is one trip through the ready queue away;
 *   - `asyncio.gather(c1, …, cn)` of fresh coroutines of isolated
 *     functions, called at iteration t, runs c1 … cn in turn right there,
 *     each as if stepped first at t + 1 (when CPython steps the tasks it
 *     would have made). A child that finishes at iteration u has its
 *     done-callback run at u + 1, so the gathering future finishes one
 *     iteration after its last child — or after the first child that
 *     failed (return_exceptions=False): the earliest, ties going to the
 *     earlier argument, because siblings started together keep their
 *     order within every later iteration (each child's events are
 *     scheduled by its own earlier events);
 *   - awaiting that future resumes the body one iteration after it
 *     finished, or at once when it had finished already;
 *   - output is kept per iteration.
 * The result is a list of iterations (bytes written, tasks created) and
 * the outcome at the last one. remote.c turns them into the events an
 * actor would have sent and replays them: the task finishes at the same
 * slot as under CPython, with the same result or exception, printing the
 * same bytes at the same places.
 *
 * A gathered child never gets a Task, a future of its own, or a stack:
 * its body is called directly (as `await coro` runs an unstarted
 * coroutine), so memory follows the depth of the tree, not its size.
 *
 * Giving up (ABORT). Anything whose outcome depends on other tasks or on
 * time: a real suspension (a future that is not done, a timer), any
 * other asyncio call (create_task, queues, locks, current_task, …; they
 * call aio_ahead_guard), a gathered child that ends cancelled or with
 * KeyboardInterrupt, SystemExit or GeneratorExit, or with RecursionError
 * or MemoryError (which the deeper recursion may have caused), output
 * from inside a gathered child (its place within an iteration is not
 * tracked), a gathering future used other than awaited, or one never
 * awaited, or a task still going after AHEAD_MAX_ITERATIONS. Giving up
 * switches straight back to the driver and drops the
 * evaluation's stack without unwinding it: being isolated, nothing it
 * did is visible. The task then runs the ordinary way from its own
 * coroutine, which the evaluation never touched (it ran a copy). A
 * function that gave up once is not evaluated ahead again.
 *
 * Invariants:
 *   - aio_state.ahead is set exactly while an evaluation runs, in the
 *     actor that runs it; everything here reads the running actor's.
 *   - Abort points hold no lock: the output path checks before taking
 *     the stdout lock (aio_ahead_output_guard).
 *   - An evaluation leaves no trace when it gives up: the heap's root
 *     frames and value buffers made meanwhile are dropped, the handled
 *     exception and current task restored.
 *   - Gathering futures made during an evaluation are marked `ahead`
 *     with the iteration they finish at; the mark is cleared when the
 *     evaluation ends.
 */
#include "asyncio/aio.h"

#include "gc/gcint.h"
#include "sched/sched.h"
#include "sched/task.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

/* Per evaluation (on the driver's C stack). */
struct aio_ahead {
    int64_t clock;              /* the running body's iteration (0: the
                                   task's first step) */
    int32_t depth;              /* 0: the task's own body; n: inside n
                                   gathered children */
    bool aborted;
    bool may_outgrow;           /* give up when it outgrows a slice */
    bool outgrew;               /* … and it did */
    bool marked;                /* cpu_mark is set */
    int64_t cpu_mark;           /* thread CPU ns at its first slice end */
    pthread_t mark_thread;      /* … on this thread */
    ai_gen *body;               /* the copy of the task's coroutine */
    aio_ahead_iter *iters;      /* per iteration (malloc'd) */
    int64_t niters, capiters;
    ai_value *vfuts;            /* list: the gathering futures made, in
                                   a root slot of aio_ahead_eval (a
                                   collection may move it); made by the
                                   first gather (most evaluations make
                                   none) */
};

/* ---- which functions to try ---------------------------------------------------------- */

/* Sets of functions (ai_func_info pointers), shared by all actors: a
 * small open-addressed table under a lock. `any` says whether it was
 * ever added to: the sets are usually empty, and are asked twice per
 * task (a lock and an unlock per question were 1% of spawn_many). */
typedef struct info_set {
    pthread_mutex_t lock;
    const ai_func_info **slots;
    size_t cap, n;
    atomic_bool any;
} info_set;

static size_t info_hash(const ai_func_info *info, size_t cap) {
    return ((uintptr_t)info >> 4) * 0x9E3779B97F4A7C15u >> 7 & (cap - 1);
}

static bool info_set_has(info_set *set, const ai_func_info *info) {
    /* acquire: pairs with the release store below; a function added by
     * another thread just now may be missed, as it may be under the
     * lock a moment earlier (both are hints) */
    if (!atomic_load_explicit(&set->any, memory_order_acquire)) return false;
    pthread_mutex_lock(&set->lock);
    bool found = false;
    if (set->cap)
        for (size_t i = info_hash(info, set->cap); set->slots[i]; i = (i + 1) & (set->cap - 1))
            if (set->slots[i] == info) {
                found = true;
                break;
            }
    pthread_mutex_unlock(&set->lock);
    return found;
}

static void info_set_add(info_set *set, const ai_func_info *info) {
    pthread_mutex_lock(&set->lock);
    if ((set->n + 1) * 2 > set->cap) {
        size_t ncap = set->cap ? set->cap * 2 : 64;
        const ai_func_info **n = calloc(ncap, sizeof *n);
        if (!n) {
            pthread_mutex_unlock(&set->lock);
            return;
        }
        for (size_t i = 0; i < set->cap; i++) {
            if (!set->slots[i]) continue;
            size_t j = info_hash(set->slots[i], ncap);
            while (n[j]) j = (j + 1) & (ncap - 1);
            n[j] = set->slots[i];
        }
        free(set->slots);
        set->slots = n;
        set->cap = ncap;
    }
    size_t i = info_hash(info, set->cap);
    while (set->slots[i] && set->slots[i] != info) i = (i + 1) & (set->cap - 1);
    if (!set->slots[i]) {
        set->slots[i] = info;
        set->n++;
    }
    atomic_store_explicit(&set->any, true, memory_order_release);
    pthread_mutex_unlock(&set->lock);
}

/* Functions whose evaluation gave up (not by outgrowing), and functions
 * whose tasks were seen to run a long step (worth an actor). */
static info_set gaveup = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0, false};
static info_set heavy = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0, false};

static bool gave_up_before(const ai_func_info *info) { return info_set_has(&gaveup, info); }
static void remember_gave_up(const ai_func_info *info) { info_set_add(&gaveup, info); }
bool aio_func_heavy(const ai_func_info *info) { return info_set_has(&heavy, info); }
void aio_func_mark_heavy(const ai_func_info *info) {
    if (!aio_func_heavy(info)) info_set_add(&heavy, info);
}

bool aio_ahead_enabled(void) {
    static int enabled = -1;
    if (enabled < 0) {
        const char *e = getenv("AITHON_AHEAD");
        enabled = !(e && e[0] == '0');
    }
    return enabled;
}

/* A coroutine this file may evaluate: a fresh one of an isolated
 * function. */
static bool candidate(ai_value coro) {
    if (!obj_is_type(coro, &ai_coro_type)) return false;
    ai_gen *g = gen_obj(coro);
    return g->kind == GEN_CORO && g->state == GEN_CREATED && g->info && (g->info->flags & AI_FUNC_ISOLATED);
}

bool aio_ahead_candidate(ai_value coro) {
    return aio_ahead_enabled() && candidate(coro) && !gave_up_before(gen_obj(coro)->info);
}

/* ---- giving up ------------------------------------------------------------------------------ */

static aio_ahead *running(void) { return aio_state_get()->ahead; }

/* Evaluations running now in the whole process. The guard and the
 * suspension hook run several times per Queue hand-off; while this is 0
 * (every program that is not evaluating) they need not look up the
 * actor's state. An evaluation's own increment precedes, in its task's
 * program order, every check made inside it (a task that moves to
 * another worker does so through the scheduler's release/acquire), so
 * relaxed loads see it; another actor's only sends a check the slow way. */
static _Atomic int64_t evaluations;

static inline bool maybe_evaluating(void) {
    return atomic_load_explicit(&evaluations, memory_order_relaxed) != 0;
}

bool aio_ahead_active(void) { return maybe_evaluating() && aio_state_get()->ahead != NULL; }

_Noreturn void aio_ahead_abort(void) {
    aio_ahead *ax = running();
    ax->aborted = true;
    gen_abandon(ax->body);
}

void aio_ahead_guard(void) {
    if (maybe_evaluating() && aio_state_get()->ahead) aio_ahead_abort();
}

/* ---- outgrowing a slice ------------------------------------------------------------------------- */

/* An evaluation runs on one core. One that has used AHEAD_SPLIT_NS of
 * CPU time (measured from the first time slice that ends during it, on
 * the thread's CPU clock: wall time would count the time a loaded
 * machine gave to other programs) is worth more as an actor when another
 * core has nothing to do: it gives up (AHEAD_OUTGREW) and remote.c
 * spawns it and the siblings started with it, whose own gathers are then
 * evaluated ahead in their actors — so work is split where its pieces
 * take a few milliseconds. The work lost is that much. Smaller pieces
 * would cost more than they gain: an actor's loop runs in step with its
 * parent's, a message each way per iteration. */
enum { AHEAD_SPLIT_NS = 3000000 };

int64_t aio_thread_cpu_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void slice_ended(void) {
    aio_state *st = aio_state_peek();
    aio_ahead *ax = st ? st->ahead : NULL;
    if (!ax || !ax->may_outgrow) return;
    pthread_t self = pthread_self();
    if (!ax->marked || !pthread_equal(self, ax->mark_thread)) {
        /* the first slice end, or the task moved to another worker */
        ax->marked = true;
        ax->mark_thread = self;
        ax->cpu_mark = aio_thread_cpu_ns();
        return;
    }
    if (aio_thread_cpu_ns() - ax->cpu_mark < AHEAD_SPLIT_NS) return;
    if (sched_idle_workers() == 0) return; /* every core has work already */
    ax->outgrew = true;
    aio_ahead_abort();
}

/* ---- iterations ------------------------------------------------------------------------------ */

/* A task still going after this many iterations is given up: it may be
 * one that loops until something else cancels it (`while True: await
 * asyncio.sleep(0)`), which only the ordinary way can show. */
enum { AHEAD_MAX_ITERATIONS = 10000 };

/* The iteration arrays. Most evaluations take one or two iterations, so
 * the first array has room for two (AHEAD_FIRST_ITERS); the one this
 * thread handed out last with that room (small_out), once given back
 * (aio_ahead_iters_free), is kept zeroed for the next evaluation here
 * (spare): a realloc, a free and a memset per task were 4% of
 * spawn_many's instructions. An array freed on another thread (a
 * helper's, spread.c) is simply freed. */
enum { AHEAD_FIRST_ITERS = 2 };
static __thread aio_ahead_iter *spare_iters, *small_out;

static aio_ahead_iter *iter_at(aio_ahead *ax, int64_t k) {
    if (k > AHEAD_MAX_ITERATIONS) aio_ahead_abort();
    if (k >= ax->capiters) {
        /* most evaluations take one or two iterations: a first array
         * of 16 (900 bytes, zeroed, and freed slot by slot) was most
         * of a small task's malloc traffic */
        int64_t ncap = ax->capiters ? ax->capiters : AHEAD_FIRST_ITERS;
        while (ncap <= k) ncap *= 2;
        aio_ahead_iter *n = realloc(ax->iters, (size_t)ncap * sizeof *n);
        if (!n) aio_ahead_abort();
        memset(n + ax->capiters, 0, (size_t)(ncap - ax->capiters) * sizeof *n);
        ax->iters = n;
        ax->capiters = ncap;
    }
    if (k >= ax->niters) ax->niters = k + 1;
    return &ax->iters[k];
}

void aio_ahead_iters_free(aio_ahead_iter *it, int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        free(it[i].out.p);
        free(it[i].err.p);
    }
    if (it && it == small_out && !spare_iters) {
        memset(it, 0, AHEAD_FIRST_ITERS * sizeof *it);
        spare_iters = it;
        small_out = NULL;
        return;
    }
    if (it == small_out) small_out = NULL;
    free(it);
}

void aio_ahead_output_guard(void) {
    aio_ahead *ax = aio_state_get()->ahead;
    if (ax && ax->depth > 0) aio_ahead_abort();
}

bool aio_ahead_capture(int fd, const char *p, size_t n) {
    aio_ahead *ax = aio_state_get()->ahead;
    if (!ax) return false;
    if (ax->depth > 0) aio_ahead_abort();
    aio_ahead_iter *it = iter_at(ax, ax->clock);
    aio_outbuf_add(fd == 2 ? &it->err : &it->out, p, n);
    return true;
}

/* ---- the body's suspensions -------------------------------------------------------------------- */

bool aio_ahead_suspend(ai_value y) {
    if (!maybe_evaluating()) return false;
    aio_ahead *ax = aio_state_get()->ahead;
    if (!ax) return false;
    if (y != AI_NONE) aio_ahead_abort(); /* a future that is not done */
    ax->clock++; /* a bare yield: the next step is the next iteration */
    iter_at(ax, ax->clock);
    return true;
}

/* ---- gather ---------------------------------------------------------------------------------- */

static bool gives_up_outcome(ai_value exc) {
    return aio_is_cancelled_error(exc) || obj_isinstance(exc, &ai_exc_KeyboardInterrupt) ||
           obj_isinstance(exc, &ai_exc_SystemExit) || obj_isinstance(exc, &ai_exc_GeneratorExit) ||
           obj_isinstance(exc, &ai_exc_RecursionError) || obj_isinstance(exc, &ai_exc_MemoryError);
}

/* Run the fresh coroutine `coro` as a task first stepped at iteration
 * `start`: its result (or 0 with *exc its exception), *end the iteration
 * it finished at. */
static ai_value run_child(aio_ahead *ax, ai_value coro, int64_t start, ai_value *exc, int64_t *end) {
    ai_gen *g = gen_obj(coro);
    g->started_by_await = true;
    g->state = GEN_INLINE;
    int64_t saved_clock = ax->clock;
    ai_task_core *tc = exc_task();
    ai_value saved_handled = tc->handled;
    tc->handled = 0; /* a task's step begins handling nothing */
    ax->clock = start;
    iter_at(ax, start);
    ax->depth++;
    ai_value r = g->thunk(tuple_obj(g->args)->items);
    if (!r) gen_stop_iteration_check(g);
    ax->depth--;
    tc = exc_task();
    tc->handled = saved_handled;
    *end = ax->clock;
    ax->clock = saved_clock;
    g = gen_obj(coro);
    g->state = GEN_DONE;
    g->args = ai_val(&tuple_empty_obj);
    *exc = 0;
    if (!r) {
        *exc = ai_exc_fetch();
        if (gives_up_outcome(*exc)) aio_ahead_abort();
    }
    return r;
}

ai_value aio_ahead_gather(const ai_value *aws, int64_t n, bool return_exceptions) {
    aio_ahead *ax = running();
    for (int64_t i = 0; i < n; i++) {
        if (!candidate(aws[i])) aio_ahead_abort();
        for (int64_t j = 0; j < i; j++)
            if (aws[j] == aws[i]) aio_ahead_abort(); /* CPython shares one task */
    }
    int64_t call = ax->clock;
    iter_at(ax, call)->ntasks += n;
    ai_value results = list_new(n);
    if (!results) return AI_ERR;
    ai_value roots[2] = {results, 0};
    gc_rootframe fr;
    gc_roots_push(&fr, roots, 2);
    int64_t last = call, failed_at = INT64_MAX;
    ai_value failure = 0;
    for (int64_t i = 0; i < n; i++) {
        ai_value exc;
        int64_t end;
        ai_value r = run_child(ax, aws[i], call + 1, &exc, &end);
        if (end > last) last = end;
        if (!r) {
            if (!return_exceptions && end < failed_at) {
                failed_at = end;
                failure = exc;
                roots[1] = exc;
            }
            r = exc;
        }
        if (ai_list_append(results, r) < 0) {
            gc_roots_pop(&fr);
            return AI_ERR;
        }
    }
    gc_roots_pop(&fr);
    /* The gathering future, finished already, marked with the iteration
     * CPython finishes it at: one after its deciding child. */
    if (!*ax->vfuts && !(*ax->vfuts = list_new(0))) return AI_ERR;
    aio_future *f = aio_fut(aio_future_new(AI_NONE));
    if (!f) return AI_ERR;
    ai_value fv = ai_val(f);
    f->kind = AIO_FUT_GATHER;
    f->state = AIO_FINISHED;
    f->ahead = true;
    aio_rare *x = aio_rare_get(f);
    if (!x) return AI_ERR;
    f = aio_fut(fv);
    if (n == 0) {
        x->ahead_done = call; /* gather() of nothing is done when made */
    } else if (failure) {
        f->exception = failure;
        x->ahead_done = failed_at + 1;
    } else {
        f->result = results;
        x->ahead_done = last + 1;
    }
    gc_barrier_all(f);
    if (ai_list_append(*ax->vfuts, fv) < 0) return AI_ERR;
    return fv;
}

ai_value aio_ahead_await(ai_value fut) {
    aio_ahead *ax = running();
    aio_future *f = aio_fut(fut);
    if (!ax) return 0;
    f->ahead_awaited = true;
    int64_t done_at = f->rare ? aio_rare_of(f)->ahead_done : 0;
    if (done_at > ax->clock) {
        /* suspended until it finishes; woken one iteration later */
        ax->clock = done_at + 1;
        iter_at(ax, ax->clock);
    }
    if (f->exception) {
        exc_set_pending(f->exception);
        return AI_ERR;
    }
    return f->result;
}

/* ---- the driver ------------------------------------------------------------------------------- */

/* Drop what the abandoned stack had registered with the heap: root
 * frames and value buffers made since (each list only grows at its
 * head while the evaluation runs). */
static void drop_registrations(gc_rootframe *roots, struct gc_valbuf *vals) {
    alloc_heap *h = alloc_running_heap();
    h->roots = roots;
    if (roots) roots->prevp = &h->roots;
    while (h->vals && h->vals != vals) {
        gc_valbuf *b = h->vals;
        h->vals = b->next;
        free(b);
    }
    if (h->vals) h->vals->prevp = &h->vals;
}

/* The coroutine object an evaluation runs its body in: the loop's spare
 * one (keep_body) when there is one, else a new one. Reusing it spares
 * a 160-byte object per task evaluated (spawn_many made 200,000, and
 * the collections that they brought on). */
static ai_gen *eval_body(aio_state *st, const ai_func_info *info, gen_thunk thunk, ai_value args) {
    ai_value spare = st->loop ? aio_loop_spare_body(st->loop, 0) : 0;
    if (!spare) return gen_make_args(&ai_coro_type, GEN_CORO, info, (void *)thunk, args);
    ai_gen *g = gen_obj(spare);
    g->info = info;
    g->thunk = thunk;
    g->args = args;
    gc_barrier(g, args);
    g->state = GEN_CREATED;
    g->line = 0;
    g->inline_depth = 0;
    g->thrown = g->awaiting = false;
    return g;
}

/* After an evaluation: g may serve the next one when its body returned
 * or raised in one go — its stack went back, it never suspended (no
 * finaliser) and nothing can refer to it (the body itself is not a
 * value its code can reach). An abandoned body (gen_abandon) keeps its
 * stack until it is collected, so it is not reused. */
static void keep_body(ai_gen *g) {
    aio_state *st = aio_state_get();
    if (!st->loop || g->state != GEN_DONE || g->run || g->has_finalizer) return;
    g->args = ai_val(&tuple_empty_obj);
    g->transfer = g->handled = g->outer_handled = g->extra = 0;
    aio_loop_spare_body(st->loop, ai_val(g));
}

int aio_ahead_eval(const ai_func_info *info, gen_thunk thunk, ai_value args, bool may_outgrow,
                   aio_ahead_result *out) {
    memset(out, 0, sizeof *out);
    aio_state *st = aio_state_get();
    if (st->ahead) return 0; /* not nested */
    aio_ahead ax = {0};
    /* Not under GC stress: a collection at every allocation makes every
     * evaluation "outgrow", and the stress runs would not be the
     * ordinary runs' (which tasks are actors shows in all_tasks()). */
    ax.may_outgrow = may_outgrow && sched_nworkers() > 1 && !sched_is_seeded() && !gc_cfg.stress;
    if (ax.may_outgrow) {
        if (!atomic_load_explicit(&ai_slice_end_hook, memory_order_relaxed))
            atomic_store_explicit(&ai_slice_end_hook, slice_ended, memory_order_release);
    }
    ai_value roots[3] = {0, 0, 0};
    gc_rootframe fr;
    gc_roots_push(&fr, roots, 3);
    ax.vfuts = &roots[0];
    /* (the coroutine's own argument tuple, not a copy per evaluation) */
    ai_gen *g = eval_body(st, info, thunk, args);
    if (!g) {
        gc_roots_pop(&fr);
        exc_clear();
        return 0;
    }
    roots[1] = ai_val(g);
    g->started_by_await = true;
    ax.body = g;
    if (spare_iters) {
        ax.iters = spare_iters;
        ax.capiters = AHEAD_FIRST_ITERS;
        spare_iters = NULL;
    }
    iter_at(&ax, 0);
    alloc_heap *h = alloc_running_heap();
    gc_rootframe *saved_roots = h->roots;
    struct gc_valbuf *saved_vals = h->vals;
    ai_task_core *tc = exc_task();
    ai_value saved_handled = tc->handled, saved_current = st->current;
    tc->handled = 0;
    /* (relaxed: see `evaluations`) */
    atomic_fetch_add_explicit(&evaluations, 1, memory_order_relaxed);
    st->ahead = &ax;
    int64_t saved_repr = repr_depth();  /* per thread: kept with the thread */
    pthread_t thread = pthread_self();
    ai_value r;
    int32_t rc = gen_resume(g, AI_NONE, false, &r);
    st = aio_state_get();
    st->ahead = NULL;
    atomic_fetch_sub_explicit(&evaluations, 1, memory_order_relaxed);
    tc = exc_task();
    tc->handled = saved_handled;
    st->current = saved_current;
    if (ax.aborted) {
        /* gen_abandon dropped the bodies it ran without unwinding them:
         * what they had entered stays entered unless undone here. (The
         * generator nesting needs nothing: each body's depth is counted
         * from the running chain, which gen_abandon resets.) */
        exc_clear();
        drop_registrations(saved_roots, saved_vals);
        if (pthread_equal(thread, pthread_self())) repr_unwind(saved_repr);
    }
    ai_value exc = 0;
    if (!ax.aborted && rc < 0) {
        exc = ai_exc_fetch();
        roots[2] = exc;
        if (gives_up_outcome(exc)) ax.aborted = true;
    }
    if (!ax.aborted && rc == 1) ax.aborted = true; /* cannot happen: suspensions give up */
    /* Every gathering future must have been awaited; none stays marked. */
    ai_value vf = roots[0];
    for (int64_t i = 0; vf && i < list_obj(vf)->len; i++) {
        aio_future *f = aio_fut(list_obj(vf)->items[i]);
        if (!f->ahead_awaited) ax.aborted = true;
        f->ahead = false;
        f->log_tb = false;
    }
    keep_body(g);
    gc_roots_pop(&fr);
    if (ax.aborted) {
        /* outgrowing says nothing of the function: a smaller call of it
         * may fit */
        if (!ax.outgrew) remember_gave_up(info);
        if (ax.capiters == AHEAD_FIRST_ITERS) small_out = ax.iters;
        aio_ahead_iters_free(ax.iters, ax.capiters);
        return ax.outgrew ? AHEAD_OUTGREW : 0;
    }
    out->iters = ax.iters;
    out->niters = ax.clock + 1;
    if (ax.capiters == AHEAD_FIRST_ITERS) small_out = ax.iters;
    /* iterations past the end (a gather's bookkeeping) hold nothing */
    for (int64_t k = out->niters; k < ax.capiters; k++) {
        free(ax.iters[k].out.p);
        free(ax.iters[k].err.p);
    }
    out->value = exc ? exc : r;
    out->raised = exc != 0;
    return 1;
}
