/*
 * asyncio/loop.c — the event loop: ready queue, timers, handles,
 * CPython's _run_once, run-until-complete, and the per-actor state.
 *
 * One iteration (CPython 3.11 base_events._run_once):
 *   1. drop cancelled timers from the head of the heap;
 *   2. wait: not at all when callbacks are ready, else until the first
 *      timer is due (or, with remote tasks in flight, until one of their
 *      events arrives, remote.c) — the actor parks, never its OS thread;
 *   3. move every timer due before now + 1 ns to the ready queue, in
 *      deadline order (ties: the order they were scheduled);
 *   4. run exactly the callbacks that are ready now; those they schedule
 *      run in the next iteration.
 * The iteration is split into single steps (loop_step) so that a nested
 * run (the inline root task waiting, aio.h) can stop after any callback
 * and the next run resumes the same iteration: `left` counts the
 * callbacks of the current iteration still to run.
 *
 * Ready queue: a FIFO of 4-value entries (fn, a, b, handle) kept in a
 * chain of SEGMENTS, small heap objects of SEG_ENTRIES entries each. A
 * push writes into the last segment only (and barriers it alone), so a
 * minor collection rescans the segment being filled, not a queue of
 * 100,000 tasks made a moment ago: the loop itself holds four words.
 * Timers: a binary heap of TimerHandle objects ordered by (order, seq),
 * in malloc'd memory that the loop's gc_visit reports. A timer fires
 * when the clock reaches its deadline (`when`) and every timer ordered
 * before it has fired. `order` is the deadline on CPython's timeline,
 * where the steps run one after another. The steps of isolated tasks
 * run in parallel in actors (remote.c), so the loop keeps a VIRTUAL
 * clock, the real one plus `skew`: each remote step replayed here
 * advances it by the time the step ran there, less the time this loop
 * waited for it (which the real clock counted already). A timer is
 * ordered at its deadline on the virtual clock (a remote step's own
 * timer: its step's virtual start plus its offset into the step). So
 * timers set by tasks running in parallel fire in the order CPython's
 * sequential steps would have set them, while the real waits stay the
 * real deadlines. Pending tasks are
 * an intrusive doubly-linked list through the tasks themselves (all_tasks
 * needs them; a dict would be rescanned whole at every collection).
 *
 * Errors: a callback that fails with KeyboardInterrupt or SystemExit
 * stops the run with that exception pending (as CPython re-raises them);
 * any other exception is reported CPython's way ("Exception in callback
 * …" on stderr) and the loop goes on.
 */
#include "asyncio/aio.h"

#include "modules/modules.h"
#include "sched/actor.h"
#include "sched/sched.h"

#include <math.h>
#include <stdlib.h>
#include <time.h>

/* ---- handles ------------------------------------------------------------------ */

typedef struct aio_handle {
    ai_object ob;
    ai_value fn, a, b;          /* the callback (see aio.h) */
    ai_value loop;
    double when;                /* TimerHandle: its deadline */
    double order;               /* … and its place among the timers: the
                                   deadline CPython's timeline gives it
                                   (see "Timers" above) */
    uint64_t seq;               /* tie-break: scheduling order */
    bool cancelled;
    bool scheduled;             /* in the timer heap */
} aio_handle;

static aio_handle *handle_obj(ai_value v) { return (aio_handle *)ai_obj(v); }

static void handle_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    aio_handle *h = (aio_handle *)o;
    visit(&h->fn, ctx);
    visit(&h->a, ctx);
    visit(&h->b, ctx);
    visit(&h->loop, ctx);
}

static ai_value handle_new(ai_type *t, ai_value loop, ai_value fn, ai_value a, ai_value b) {
    aio_handle *h = ai_alloc(t, sizeof(aio_handle));
    if (!h) return AI_ERR;
    h->fn = fn;
    h->a = a;
    h->b = b;
    h->loop = loop;
    return ai_val(h);
}

/* ---- the loop object ------------------------------------------------------------- */

enum { SEG_ENTRIES = 64 };

typedef struct ready_seg {
    ai_object ob;
    ai_value next;              /* the next segment, or 0 */
    int64_t pad;
    ai_value e[SEG_ENTRIES * 4];
} ready_seg;

static void seg_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ready_seg *g = (ready_seg *)o;
    if (g->next) visit(&g->next, ctx);
    for (int i = 0; i < SEG_ENTRIES * 4; i++)
        if (g->e[i]) visit(&g->e[i], ctx);
}

static ai_type ready_seg_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "ready_segment",
    .module = "_asyncio",
    .base = &ai_object_type,
    .basicsize = sizeof(ready_seg),
    .repr = obj_default_repr,
    .gc_visit = seg_visit,
    .gc_size = alloc_fixed_size,
};

typedef struct aio_loop {
    ai_object ob;
    ai_value head_seg, tail_seg; /* the ready FIFO's segments */
    int64_t head_i, tail_i;     /* next entry to pop / to push in them */
    int64_t count;              /* entries in the FIFO */
    int64_t left;               /* callbacks left in the current iteration */
    ai_value *timers;           /* heap of TimerHandles (malloc'd) */
    int64_t ntimers, captimers;
    uint64_t seq;
    int64_t timer_cancelled;    /* cancelled handles still in the heap */
    double skew;                /* the virtual clock's lead on the real one */
    ai_value task_head;         /* pending tasks: a list through them */
    int64_t npending;
    bool running, stopping, closed, debug;
    int32_t depth;              /* nested runs in progress */
    ai_value asyncgens;         /* dict: async generators first iterated
                                   while it ran, not finished (or 0) */
    ai_value spare_body;        /* ahead.c's coroutine object for its next
                                   evaluation, or 0 (aio_loop_spare_body) */
} aio_loop;

static aio_loop *loop_obj(ai_value v) { return (aio_loop *)ai_obj(v); }

static void loop_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    aio_loop *L = (aio_loop *)o;
    if (L->head_seg) visit(&L->head_seg, ctx);
    if (L->tail_seg) visit(&L->tail_seg, ctx);
    for (int64_t i = 0; i < L->ntimers; i++) visit(&L->timers[i], ctx);
    if (L->task_head) visit(&L->task_head, ctx);
    if (L->asyncgens) visit(&L->asyncgens, ctx);
    if (L->spare_body) visit(&L->spare_body, ctx);
}

static void loop_finalize(ai_object *o) {
    aio_loop *L = (aio_loop *)o;
    free(L->timers);
    L->timers = NULL;
    L->ntimers = L->captimers = 0;
}

static void lset(aio_loop *L, ai_value *slot, ai_value v) {
    *slot = v;
    gc_barrier(L, v);
}

ai_value aio_loop_new(void) {
    aio_loop *L = ai_alloc(&aio_loop_type, sizeof(aio_loop));
    if (!L) return AI_ERR;
    if (gc_finalizer_add(&L->ob, loop_finalize) < 0) return AI_ERR;
    return ai_val(L);
}

ai_value aio_loop_spare_body(ai_value loop, ai_value give) {
    aio_loop *L = loop_obj(loop);
    ai_value had = L->spare_body;
    lset(L, &L->spare_body, give);
    return had;
}

double aio_loop_time(ai_value loop) {
    (void)loop;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- the ready queue ---------------------------------------------------------------- */

int aio_call_soon(ai_value loop, ai_value fn, ai_value a, ai_value b, ai_value handle) {
    aio_loop *L = loop_obj(loop);
    if (!L->tail_seg || L->tail_i == SEG_ENTRIES) {
        ready_seg *g = ai_alloc(&ready_seg_type, sizeof(ready_seg));
        if (!g) return -1;
        L = loop_obj(loop);
        if (L->tail_seg) {
            ready_seg *t = (ready_seg *)ai_obj(L->tail_seg);
            t->next = ai_val(g);
            gc_barrier(t, ai_val(g));
        } else {
            lset(L, &L->head_seg, ai_val(g));
            L->head_i = 0;
        }
        lset(L, &L->tail_seg, ai_val(g));
        L->tail_i = 0;
    }
    ready_seg *g = (ready_seg *)ai_obj(L->tail_seg);
    ai_value *e = &g->e[L->tail_i * 4];
    e[0] = fn;
    e[1] = a;
    e[2] = b;
    e[3] = handle;
    gc_barrier_all(g);
    L->tail_i++;
    L->count++;
    return 0;
}

ai_value aio_call_soon_handle(ai_value loop, ai_value fn, ai_value a, ai_value b) {
    ai_value h = handle_new(&aio_handle_type, loop, fn, a, b);
    if (!h || aio_call_soon(loop, fn, a, b, h) < 0) return AI_ERR;
    return h;
}

static void ring_pop(aio_loop *L, ai_value out[4]) {
    ready_seg *g = (ready_seg *)ai_obj(L->head_seg);
    ai_value *e = &g->e[L->head_i * 4];
    memcpy(out, e, 4 * sizeof(ai_value));
    memset(e, 0, 4 * sizeof(ai_value));
    L->count--;
    if (++L->head_i == SEG_ENTRIES || L->count == 0) {
        if (L->count == 0 && g->next == 0 && L->head_seg == L->tail_seg) {
            /* empty: reuse this segment from its start */
            L->head_i = L->tail_i = 0;
        } else if (L->head_i == SEG_ENTRIES) {
            L->head_seg = g->next; /* an older segment or 0: no barrier needed for 0 */
            gc_barrier(L, L->head_seg);
            L->head_i = 0;
            if (!L->head_seg) L->tail_seg = 0, L->tail_i = 0;
        }
    }
}

/* ---- timers ------------------------------------------------------------------------------ */

static bool timer_less(ai_value x, ai_value y) {
    aio_handle *a = handle_obj(x), *b = handle_obj(y);
    return a->order < b->order || (a->order == b->order && a->seq < b->seq);
}

static void heap_up(aio_loop *L, int64_t i) {
    while (i > 0) {
        int64_t p = (i - 1) / 2;
        if (!timer_less(L->timers[i], L->timers[p])) break;
        ai_value t = L->timers[i];
        L->timers[i] = L->timers[p];
        L->timers[p] = t;
        i = p;
    }
}

static void heap_down(aio_loop *L, int64_t i) {
    for (;;) {
        int64_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < L->ntimers && timer_less(L->timers[l], L->timers[m])) m = l;
        if (r < L->ntimers && timer_less(L->timers[r], L->timers[m])) m = r;
        if (m == i) return;
        ai_value t = L->timers[i];
        L->timers[i] = L->timers[m];
        L->timers[m] = t;
        i = m;
    }
}

static ai_value heap_pop(aio_loop *L) {
    ai_value top = L->timers[0];
    L->timers[0] = L->timers[--L->ntimers];
    L->timers[L->ntimers] = 0;
    if (L->ntimers) heap_down(L, 0);
    handle_obj(top)->scheduled = false;
    return top;
}

double aio_loop_virtual_now(ai_value loop) { return aio_loop_time(loop) + loop_obj(loop)->skew; }

void aio_loop_advance_virtual(ai_value loop, double by) {
    if (by > 0) loop_obj(loop)->skew += by;
}

ai_value aio_call_at(ai_value loop, double when, ai_value fn, ai_value a, ai_value b) {
    return aio_call_at_ordered(loop, when, when + loop_obj(loop)->skew, fn, a, b);
}

ai_value aio_call_at_ordered(ai_value loop, double when, double order, ai_value fn, ai_value a, ai_value b) {
    aio_loop *L = loop_obj(loop);
    ai_value h = handle_new(&aio_timerhandle_type, loop, fn, a, b);
    if (!h) return AI_ERR;
    if (L->ntimers == L->captimers) {
        int64_t ncap = L->captimers ? L->captimers * 2 : 16;
        ai_value *n = realloc(L->timers, (size_t)ncap * sizeof(ai_value));
        if (!n) return exc_nomem();
        L->timers = n;
        L->captimers = ncap;
    }
    handle_obj(h)->when = when;
    handle_obj(h)->order = order;
    handle_obj(h)->seq = L->seq++;
    handle_obj(h)->scheduled = true;
    L->timers[L->ntimers++] = h;
    heap_up(L, L->ntimers - 1);
    gc_barrier_all(L);
    return h;
}

void aio_handle_cancel(ai_value handle) {
    aio_handle *h = handle_obj(handle);
    if (h->cancelled) return;
    h->cancelled = true;
    if (h->scheduled && h->loop) loop_obj(h->loop)->timer_cancelled++;
    h->fn = h->a = h->b = AI_NONE;
}

/* ---- the per-actor state ----------------------------------------------------------------- */

static aio_state no_actor_state; /* outside the scheduler (its fallback) */

aio_state *aio_state_get(void) {
    /* (sched_current()->actor: actor_self() without a second call; the
     * runtime asks this several times per task switch) */
    task_t *t = sched_current();
    actor_t *a = t ? t->actor : NULL;
    if (!a) return &no_actor_state;
    if (!a->aio) {
        a->aio = calloc(1, sizeof(aio_state));
        if (!a->aio) {
            fputs("aithon: out of memory for asyncio state\n", stderr);
            abort();
        }
    }
    return a->aio;
}

aio_state *aio_state_peek(void) {
    task_t *t = sched_current();
    actor_t *a = t ? t->actor : NULL;
    return a ? a->aio : &no_actor_state;
}

ai_value aio_running_loop(void) {
    aio_state *st = aio_state_get();
    if (st->ahead) aio_ahead_abort();
    if (!st->loop) return ai_raise_msg(&ai_exc_RuntimeError, "no running event loop");
    return st->loop;
}

/* ---- running callbacks ---------------------------------------------------------------------- */


/* Run one ready entry. -1 when KeyboardInterrupt/SystemExit escaped. */
static int run_entry(ai_value e[4]) {
    if (e[3] && handle_obj(e[3])->cancelled) return 0;
    ai_value fn = e[0];
    int rc;
    if (ai_is_smallint(fn)) {
        rc = aio_cbtab[ai_smallint_get(fn)](e[1], e[2]);
    } else {
        rc = -1; /* unreachable: Python callables are wrapped (AIO_CB_PYCALL) */
        ai_raise_msg(&ai_exc_SystemError, "bad asyncio callback");
    }
    if (rc == 0) return 0;
    if (exc_pending_is(&ai_exc_KeyboardInterrupt) || exc_pending_is(&ai_exc_SystemExit)) return -1;
    if (e[0] == AIO_CB(AIO_CB_PYCALL) || e[0] == AIO_CB(AIO_CB_PYCALL1)) {
        /* CPython's Handle._run is the outermost frame */
        aio_add_frame(AIO_FR_HANDLE_RUN);
        ai_value exc = ai_exc_fetch();
        bool one = e[0] == AIO_CB(AIO_CB_PYCALL1);
        const ai_value *args = one ? &e[2] : tuple_obj(e[2])->items;
        aio_report_callback_exception(exc, e[1], args, one ? 1 : tuple_obj(e[2])->len, e[3]);
        return 0;
    }
    aio_report_exception("Exception in callback", ai_exc_fetch(), 0);
    return 0;
}


/* Begin an iteration: steps 1–3 of the file comment. In an isolated
 * actor's loop, the wait of step 2 is remote.c's: report the iteration
 * that ended to the parent, then wait for its go-ahead. */
static int begin_iteration(aio_loop *L) {
    while (L->ntimers && handle_obj(L->timers[0])->cancelled) {
        heap_pop(L);
        L->timer_cancelled--;
    }
    aio_state *st = aio_state_get();
    if (st->remote && aio_remote_is_child(st)) {
        int r = aio_remote_child_boundary(ai_val(L));
        if (r < 0) return -1;
        if (r > 0) {
            /* the child has ended: drop what is left, stop the run */
            ai_value e[4];
            while (L->count) ring_pop(L, e);
            L->stopping = true;
            L->left = 0;
            return 0;
        }
    } else if (!L->count && !L->stopping) {
        double timeout = -1;
        if (L->ntimers) {
            timeout = handle_obj(L->timers[0])->when - aio_loop_time(ai_val(L));
            if (timeout < 0) timeout = 0;
        }
        if (aio_remote_wait(ai_val(L), timeout) < 0) return -1;
    }
    double end = L->ntimers ? aio_loop_time(ai_val(L)) + 1e-9 : 0;
    while (L->ntimers) {
        aio_handle *h = handle_obj(L->timers[0]);
        if (h->when >= end) break;
        ai_value hv = heap_pop(L);
        if (h->cancelled) {
            L->timer_cancelled--;
            continue;
        }
        if (aio_call_soon(ai_val(L), h->fn, h->a, h->b, hv) < 0) return -1;
    }
    L->left = L->count;
    return 0;
}

/* Run the next callback of the current iteration (beginning one if
 * none is left). 0, or -1 with an exception to propagate. */
static int loop_step(aio_loop *L) {
    if (L->left == 0) {
        if (begin_iteration(L) < 0) return -1;
        if (L->left == 0) return 0;
    }
    ai_value e[4];
    ring_pop(L, e);
    L->left--;
    /* The entry's values are held by this frame while it runs (the ring
     * slot is cleared): the stack is scanned conservatively. */
    return run_entry(e);
}

static int stop_cb(ai_value loop, ai_value fut) {
    (void)fut;
    loop_obj(loop)->stopping = true;
    return 0;
}

int aio_loop_run_until(ai_value loop, ai_value fut) {
    aio_loop *L = loop_obj(loop);
    if (aio_future_add_cb(fut, AIO_CB(AIO_CB_STOP), loop) < 0) return -1;
    L->running = true;
    L->depth++;
    int rc = 0;
    for (;;) {
        if (L->stopping && L->left == 0) break;
        if ((rc = loop_step(L)) < 0) break;
    }
    L->stopping = false;
    L->depth--;
    L->running = L->depth > 0;
    return rc;
}

/* Run the loop nested until the inline root task is due (aio.h). */
static int run_until_woken(aio_loop *L, aio_task *root) {
    while (!root->inline_woken)
        if (loop_step(L) < 0) return -1;
    return 0;
}

void aio_root_await(int32_t line, int32_t delta) {
    aio_state *st = aio_state_peek();
    if (!st || !st->inline_task) return;
    if (delta < 0) {
        if (st->root_depth) st->root_depth--;
        return;
    }
    if (line && !st->root_depth) st->root_line = line;
    st->root_depth += delta;
}

ai_value aio_inline_suspend(ai_value y) {
    aio_state *st = aio_state_get();
    ai_value root = st->inline_task;
    aio_task *t = aio_tsk(root);
    if (st->root_line && t->coro) gen_obj(t->coro)->line = st->root_line; /* where it waits */
    if (aio_task_handle_yield(root, y) < 0) return AI_ERR;
    /* _leave_task: no task runs while the loop does */
    st->current = 0;
    ai_value loop = st->loop;
    t->inline_woken = false;
    int rc = run_until_woken(loop_obj(loop), t);
    st = aio_state_get();
    st->current = root;
    t->inline_woken = false;
    if (rc < 0) return AI_ERR;
    ai_value exc = AIO_RARE(&t->fut, inline_exc);
    if (exc) aio_rare_of(&t->fut)->inline_exc = 0;
    if (exc) {
        exc_set_pending(exc);
        return AI_ERR;
    }
    return AI_NONE;
}

/* ---- re-running a task evaluated ahead (ahead.c) ---------------------------------------------- */

/* Pop every ready entry into a gc_vals buffer (4 values each); NULL with
 * an exception when out of memory. */
static ai_value *take_all(aio_loop *L, int64_t *n) {
    *n = L->count;
    ai_value *v = gc_vals_alloc(*n * 4 + 4);
    if (!v) return NULL;
    for (int64_t i = 0; i < *n; i++) ring_pop(L, &v[i * 4]);
    return v;
}

static int put_all(ai_value loop, const ai_value *v, int64_t n) {
    for (int64_t i = 0; i < n; i++)
        if (aio_call_soon(loop, v[i * 4], v[i * 4 + 1], v[i * 4 + 2], v[i * 4 + 3]) < 0) return -1;
    return 0;
}

/* The ready entry of `task`'s replay (its REMOTE_STEP) in the FIFO that
 * starts at segment hs, entry hi, `count` entries long: its address, or
 * NULL. */
static ai_value *find_replay(ai_value hs, int64_t hi, int64_t count, ai_value task, ai_value *seg) {
    for (int64_t n = 0; hs && n < count; hs = ((ready_seg *)ai_obj(hs))->next, hi = 0)
        for (ready_seg *g = (ready_seg *)ai_obj(hs); hi < SEG_ENTRIES && n < count; hi++, n++)
            if (g->e[hi * 4] == AIO_CB(AIO_CB_REMOTE_STEP) && g->e[hi * 4 + 1] == task) {
                *seg = hs;
                return &g->e[hi * 4];
            }
    return NULL;
}

/* The task's first k iterations run in a ready FIFO of their own: the
 * loop's is set aside (its segments held by a root frame) and put back.
 * What the re-run left pending takes the replay entry's place: in place
 * when it is one entry (the usual: the task's next step), else by
 * taking every entry out and putting them back. (Taking them all out
 * and back for every task made a TaskGroup of 10,000 tasks evaluated
 * ahead, aborted by a failure, cost 2.7 GB of segments and quadratic
 * time.) */
int aio_loop_rerun(ai_value loop, ai_value task, int64_t k) {
    aio_loop *L = loop_obj(loop);
    ai_value roots[2] = {L->head_seg, L->tail_seg};
    gc_rootframe fr;
    gc_roots_push(&fr, roots, 2);
    int64_t head_i = L->head_i, tail_i = L->tail_i, count = L->count, left = L->left;
    L->head_seg = L->tail_seg = 0;
    L->head_i = L->tail_i = L->count = 0;
    /* Its first k iterations again, alone, output dropped: being isolated
     * it does what it did, and the counter of task names is where the
     * replay left it. */
    aio_state *st = aio_state_get();
    int64_t counter = st->task_counter;
    ai_value current = st->current;
    bool discard = st->discard;
    st->discard = true;
    int rc = aio_call_soon(loop, AIO_CB(AIO_CB_TASK_STEP), task, 0, 0);
    for (int64_t it = 0; it < k && rc == 0; it++) {
        L = loop_obj(loop);
        for (int64_t m = L->count; m > 0 && rc == 0; m--) {
            ai_value e[4];
            ring_pop(loop_obj(loop), e);
            rc = run_entry(e);
        }
    }
    st = aio_state_get();
    st->discard = discard;
    st->task_counter = counter;
    st->current = current;
    int64_t np = 0;
    ai_value *made = rc == 0 ? take_all(loop_obj(loop), &np) : NULL;
    L = loop_obj(loop);
    lset(L, &L->head_seg, roots[0]);
    lset(L, &L->tail_seg, roots[1]);
    L->head_i = head_i;
    L->tail_i = tail_i;
    L->count = count;
    L->left = left;
    gc_roots_pop(&fr);
    if (!made) return -1;
    ai_value seg;
    ai_value *at = find_replay(L->head_seg, L->head_i, L->count, task, &seg);
    if (at && np == 1) {
        memcpy(at, made, 4 * sizeof(ai_value));
        gc_barrier_all(ai_obj(seg));
        gc_vals_free(made);
        return 0;
    }
    /* the general splice */
    int64_t n;
    ai_value *saved = take_all(L, &n);
    if (!saved) {
        gc_vals_free(made);
        return -1;
    }
    int64_t pos = -1;
    for (int64_t i = 0; i < n && pos < 0; i++)
        if (saved[i * 4] == AIO_CB(AIO_CB_REMOTE_STEP) && saved[i * 4 + 1] == task) pos = i;
    int64_t cut = pos < 0 ? n : pos;
    rc = put_all(loop, saved, cut);
    if (rc == 0) rc = put_all(loop, made, np);
    if (rc == 0) rc = put_all(loop, saved + (cut + (pos >= 0)) * 4, n - cut - (pos >= 0));
    L = loop_obj(loop);
    L->left = pos >= 0 && pos < left ? left - 1 + np : left;
    gc_vals_free(made);
    gc_vals_free(saved);
    return rc;
}

/* ---- what remote.c needs to see ---------------------------------------------------------------- */

void aio_loop_cursor(ai_value loop, aio_ready_cursor *c) {
    aio_loop *L = loop_obj(loop);
    c->loop = loop;
    c->seg = L->head_seg;
    c->k = L->head_i;
    c->i = 0;
}

bool aio_loop_next(aio_ready_cursor *c, ai_value e[4]) {
    aio_loop *L = loop_obj(c->loop);
    if (c->i >= L->count) return false;
    if (c->k >= SEG_ENTRIES) {
        c->seg = ((ready_seg *)ai_obj(c->seg))->next;
        c->k = 0;
    }
    memcpy(e, &((ready_seg *)ai_obj(c->seg))->e[c->k * 4], 4 * sizeof(ai_value));
    c->k++;
    c->i++;
    return true;
}

int64_t aio_loop_ready_count(ai_value loop) { return loop_obj(loop)->count; }

bool aio_loop_first_timer(ai_value loop, double *when, double *order) {
    aio_loop *L = loop_obj(loop);
    while (L->ntimers && handle_obj(L->timers[0])->cancelled) {
        heap_pop(L);
        L->timer_cancelled--;
    }
    if (!L->ntimers) return false;
    *when = handle_obj(L->timers[0])->when;
    if (order) *order = handle_obj(L->timers[0])->order;
    return true;
}

int64_t aio_loop_pending_tasks(ai_value loop) { return loop_obj(loop)->npending; }

/* Run one whole iteration (for an actor's loop that goes on after its
 * root task is done): 0 / -1. */
int aio_loop_run_iteration(ai_value loop) {
    aio_loop *L = loop_obj(loop);
    L->running = true;
    L->depth++;
    int rc = 0;
    do {
        if ((rc = loop_step(L)) < 0) break;
    } while (L->left > 0);
    L->depth--;
    L->running = L->depth > 0;
    return rc;
}

/* ---- tasks registry ------------------------------------------------------------------------------ */

static void tset(ai_value t, ai_value *slot, ai_value v) {
    *slot = v;
    gc_barrier(ai_obj(t), v);
}

void aio_loop_add_task(ai_value loop, ai_value task) {
    aio_loop *L = loop_obj(loop);
    aio_task *t = aio_tsk(task);
    if (t->registered) return;
    t->registered = true;
    t->tprev = 0;
    tset(task, &t->tnext, L->task_head);
    if (L->task_head) tset(L->task_head, &aio_tsk(L->task_head)->tprev, task);
    lset(L, &L->task_head, task);
    L->npending++;
}

void aio_loop_remove_task(ai_value loop, ai_value task) {
    aio_task *t = aio_tsk(task);
    if (!t->registered) return;
    t->registered = false;
    aio_loop *L = loop_obj(loop);
    if (t->tprev) tset(t->tprev, &aio_tsk(t->tprev)->tnext, t->tnext);
    else lset(L, &L->task_head, t->tnext);
    if (t->tnext) tset(t->tnext, &aio_tsk(t->tnext)->tprev, t->tprev);
    t->tprev = t->tnext = 0;
    L->npending--;
}

ai_value aio_loop_tasks(ai_value loop) {
    /* Tasks replaying an evaluation ahead have, under CPython, tasks of
     * their own by now: make them ordinary first (ahead.c). */
    int64_t n = 0;
    for (ai_value t = loop_obj(loop)->task_head; t; t = aio_tsk(t)->tnext)
        if (aio_tsk(t)->remote) n++;
    if (n) {
        ai_value *ts = gc_vals_alloc(n);
        if (!ts) return AI_ERR;
        int64_t i = 0;
        for (ai_value t = loop_obj(loop)->task_head; t && i < n; t = aio_tsk(t)->tnext)
            if (aio_tsk(t)->remote) ts[i++] = t;
        for (int64_t j = 0; j < i; j++)
            if (aio_remote_materialize(ts[j]) < 0) {
                gc_vals_free(ts);
                return AI_ERR;
            }
        gc_vals_free(ts);
    }
    ai_value s = set_new(&ai_set_type, 0);
    if (!s) return AI_ERR;
    for (ai_value t = loop_obj(loop)->task_head; t; t = aio_tsk(t)->tnext)
        if (aio_fut(t)->state == AIO_PENDING && ai_set_add(s, t) < 0) return AI_ERR;
    return s;
}

/* ---- the Python face: Handle, TimerHandle, the loop's methods -------------------------------------- */

#define METHOD(fn) AIO_METHOD(fn)

METHOD(h_cancel) {
    (void)args;
    if (call_no_kwargs("cancel", kwnames) < 0 || call_exact_args("cancel", nargs, 0) < 0) return AI_ERR;
    aio_handle_cancel(self);
    return AI_NONE;
}

METHOD(h_cancelled) {
    (void)args;
    if (call_no_kwargs("cancelled", kwnames) < 0 || call_exact_args("cancelled", nargs, 0) < 0) return AI_ERR;
    return ai_bool(handle_obj(self)->cancelled);
}

METHOD(h_when) {
    (void)args;
    if (call_no_kwargs("when", kwnames) < 0 || call_exact_args("when", nargs, 0) < 0) return AI_ERR;
    return ai_float_box(handle_obj(self)->when);
}

static ai_value handle_repr(ai_value v) {
    aio_ahead_guard(); /* shows state other tasks change */
    aio_handle *h = handle_obj(v);
    strbuf b;
    sb_init(&b);
    bool timer = ai_type_of(v) == &aio_timerhandle_type;
    sb_adds(&b, timer ? "<TimerHandle" : "<Handle");
    if (h->cancelled) sb_adds(&b, " cancelled");
    if (timer) {
        ai_value w = ai_float_box(h->when);
        ai_value r = w ? ai_repr(w) : 0;
        if (!r) {
            sb_free(&b);
            return AI_ERR;
        }
        sb_adds(&b, " when=");
        sb_add_str(&b, r);
    }
    if (!h->cancelled && h->fn == AIO_CB(AIO_CB_PYCALL)) {
        sb_addc(&b, ' ');
        if (!aio_format_callback(&b, h->a, tuple_obj(h->b)->items, tuple_obj(h->b)->len)) {
            sb_free(&b);
            return AI_ERR;
        }
    }
    sb_addc(&b, '>');
    return sb_finish(&b);
}

static const ai_method_def handle_methods[] = {
    {"cancel", h_cancel, &aio_handle_type, 0},
    {"cancelled", h_cancelled, &aio_handle_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_method_def timerhandle_methods[] = {
    {"when", h_when, &aio_timerhandle_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_slots handle_slots = {.methods = handle_methods};
static const ai_slots timerhandle_slots = {.methods = timerhandle_methods};

ai_type aio_handle_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "Handle",
    .module = "asyncio.events",
    .base = &ai_object_type,
    .basicsize = sizeof(aio_handle),
    .repr = handle_repr,
    .gc_visit = handle_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&handle_slots,
};

ai_type aio_timerhandle_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "TimerHandle",
    .module = "asyncio.events",
    .base = &aio_handle_type,
    .basicsize = sizeof(aio_handle),
    .repr = handle_repr,
    .gc_visit = handle_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&timerhandle_slots,
};

/* call_soon(callback, *args) / call_later(delay, callback, *args) /
 * call_at(when, callback, *args): the keyword `context` is accepted and
 * ignored (there are no context variables). */
static int callback_args(const char *name, int64_t skip, const ai_value *args, int64_t nargs,
                         ai_value kwnames, ai_value *cargs) {
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    for (int64_t i = 0; i < nkw; i++)
        if (!attr_name_is(tuple_obj(kwnames)->items[i], "context")) {
            int64_t n;
            const char *s = str_utf8(tuple_obj(kwnames)->items[i], &n);
            ai_raise_fmt(&ai_exc_TypeError, "%s() got an unexpected keyword argument '%s'", name, s ? s : "?");
            return -1;
        }
    if (nargs < skip + 1) {
        ai_raise_fmt(&ai_exc_TypeError, "%s() missing 1 required positional argument: 'callback'", name);
        return -1;
    }
    *cargs = ai_tuple_pack(args + skip + 1, nargs - skip - 1);
    return *cargs ? 0 : -1;
}

static ai_value loop_call_soon_py(ai_value self, ai_value callback, ai_value cargs) {
    if (!ai_type_of(callback)->call && !obj_slots(callback)->construct && !cls_special_method(callback, "__call__"))
        return ai_raise_msg(&ai_exc_TypeError, "a callable object was expected by call_soon()");
    ai_value h = handle_new(&aio_handle_type, self, AIO_CB(AIO_CB_PYCALL), callback, cargs);
    if (!h) return AI_ERR;
    if (aio_call_soon(self, AIO_CB(AIO_CB_PYCALL), callback, cargs, h) < 0) return AI_ERR;
    return h;
}

/* BaseEventLoop._check_closed, first thing in the methods that would
 * schedule something. */
static bool check_closed(ai_value self) {
    if (!loop_obj(self)->closed) return true;
    ai_raise_msg(&ai_exc_RuntimeError, "Event loop is closed");
    return false;
}

METHOD(l_call_soon) {
    ai_value cargs;
    if (callback_args("call_soon", 0, args, nargs, kwnames, &cargs) < 0) return AI_ERR;
    if (!check_closed(self)) return AI_ERR;
    return loop_call_soon_py(self, args[0], cargs);
}

static ai_value call_later_at(ai_value self, double when, ai_value callback, ai_value cargs) {
    if (!check_closed(self)) return AI_ERR;
    return aio_call_at(self, when, AIO_CB(AIO_CB_PYCALL), callback, cargs);
}

static bool seconds_arg(ai_value v, const char *what, double *out) {
    bool is_number;
    if (!float_coerce(v, out, &is_number)) {
        if (!is_number && !exc_pending())
            ai_raise_fmt(&ai_exc_TypeError, "'%s' not supported between instances of '%s' and 'int'", "<",
                         obj_type_name(v));
        (void)what;
        return false;
    }
    return true;
}

METHOD(l_call_later) {
    ai_value cargs;
    if (nargs < 1) return ai_raise_msg(&ai_exc_TypeError, "call_later() missing 2 required positional arguments: 'delay' and 'callback'");
    if (callback_args("call_later", 1, args, nargs, kwnames, &cargs) < 0) return AI_ERR;
    double d;
    if (!seconds_arg(args[0], "delay", &d)) return AI_ERR;
    return call_later_at(self, aio_loop_time(self) + d, args[1], cargs);
}

METHOD(l_call_at) {
    ai_value cargs;
    if (nargs < 1) return ai_raise_msg(&ai_exc_TypeError, "call_at() missing 2 required positional arguments: 'when' and 'callback'");
    if (callback_args("call_at", 1, args, nargs, kwnames, &cargs) < 0) return AI_ERR;
    double w;
    if (!seconds_arg(args[0], "when", &w)) return AI_ERR;
    return call_later_at(self, w, args[1], cargs);
}

METHOD(l_time) {
    (void)args;
    if (call_no_kwargs("time", kwnames) < 0 || call_exact_args("time", nargs, 0) < 0) return AI_ERR;
    return ai_float_box(aio_loop_time(self));
}

METHOD(l_create_future) {
    (void)args;
    if (call_no_kwargs("create_future", kwnames) < 0 || call_exact_args("create_future", nargs, 0) < 0)
        return AI_ERR;
    return aio_future_new(self);
}


METHOD(l_create_task) {
    if (!check_closed(self)) return AI_ERR;
    return aio_create_task_in(self, args, nargs, kwnames, "create_task");
}

METHOD(l_is_running) {
    (void)args;
    if (call_no_kwargs("is_running", kwnames) < 0 || call_exact_args("is_running", nargs, 0) < 0) return AI_ERR;
    return ai_bool(loop_obj(self)->running);
}

METHOD(l_is_closed) {
    (void)args;
    if (call_no_kwargs("is_closed", kwnames) < 0 || call_exact_args("is_closed", nargs, 0) < 0) return AI_ERR;
    return ai_bool(loop_obj(self)->closed);
}

METHOD(l_get_debug) {
    (void)args;
    if (call_no_kwargs("get_debug", kwnames) < 0 || call_exact_args("get_debug", nargs, 0) < 0) return AI_ERR;
    return ai_bool(loop_obj(self)->debug);
}

METHOD(l_set_debug) {
    if (call_no_kwargs("set_debug", kwnames) < 0 || call_exact_args("set_debug", nargs, 1) < 0) return AI_ERR;
    int32_t t = ai_truthy(args[0]);
    if (t < 0) return AI_ERR;
    loop_obj(self)->debug = t;
    return AI_NONE;
}

METHOD(l_stop) {
    (void)args;
    if (call_no_kwargs("stop", kwnames) < 0 || call_exact_args("stop", nargs, 0) < 0) return AI_ERR;
    loop_obj(self)->stopping = true;
    return AI_NONE;
}

METHOD(l_close) {
    (void)args;
    if (call_no_kwargs("close", kwnames) < 0 || call_exact_args("close", nargs, 0) < 0) return AI_ERR;
    if (loop_obj(self)->running) return ai_raise_msg(&ai_exc_RuntimeError, "Cannot close a running event loop");
    if (loop_obj(self)->closed) return AI_NONE;
    loop_obj(self)->closed = true;
    int64_t n = 0;
    for (ai_value t = loop_obj(self)->task_head; t; t = aio_tsk(t)->tnext)
        if (aio_fut(t)->state == AIO_PENDING) n++;
    if (n) {
        ai_value *ts = gc_vals_alloc(n);
        if (!ts) return AI_ERR;
        int64_t i = 0;
        for (ai_value t = loop_obj(self)->task_head; t && i < n; t = aio_tsk(t)->tnext)
            if (aio_fut(t)->state == AIO_PENDING) ts[i++] = t;
        aio_loop_closed_with(ts, i);
        gc_vals_free(ts);
    }
    return AI_NONE;
}


METHOD(l_run_until_complete) {
    if (call_no_kwargs("run_until_complete", kwnames) < 0 ||
        call_exact_args("run_until_complete", nargs, 1) < 0)
        return AI_ERR;
    if (!check_closed(self)) return AI_ERR;
    return aio_run_until_complete(self, args[0]);
}

METHOD(l_run_forever) {
    (void)args;
    if (call_no_kwargs("run_forever", kwnames) < 0 || call_exact_args("run_forever", nargs, 0) < 0)
        return AI_ERR;
    if (!check_closed(self)) return AI_ERR;
    aio_loop *L = loop_obj(self);
    if (L->running) return ai_raise_msg(&ai_exc_RuntimeError, "This event loop is already running");
    aio_state *st = aio_state_get();
    if (st->loop && st->loop != self)
        return ai_raise_msg(&ai_exc_RuntimeError, "Cannot run the event loop while another loop is running");
    ai_value saved = st->loop;
    st->loop = self;
    L->running = true;
    L->depth++;
    int rc = 0;
    for (;;) {
        if (L->stopping && L->left == 0) break;
        if ((rc = loop_step(L)) < 0) break;
    }
    L->stopping = false;
    L->depth--;
    L->running = L->depth > 0;
    aio_state_get()->loop = saved;
    return rc < 0 ? AI_ERR : AI_NONE;
}

METHOD(l_call_exception_handler) {
    if (call_no_kwargs("call_exception_handler", kwnames) < 0 ||
        call_exact_args("call_exception_handler", nargs, 1) < 0)
        return AI_ERR;
    (void)self;
    ai_value msg = 0, exc = 0;
    if (dict_check(args[0])) {
        ai_value k = str_from_cstr("message");
        if (!k || dict_get(args[0], k, &msg) < 0) return AI_ERR;
        k = str_from_cstr("exception");
        if (!k || dict_get(args[0], k, &exc) < 0) return AI_ERR;
    }
    int64_t n = 0;
    const char *m = msg && str_check(msg) ? str_utf8(msg, &n) : "Unhandled exception in event loop";
    aio_report_exception(m, exc, 0);
    return AI_NONE;
}

static ai_value loop_repr(ai_value v) {
    aio_ahead_guard(); /* shows state other tasks change */
    aio_loop *L = loop_obj(v);
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "<_UnixSelectorEventLoop running=%s closed=%s debug=%s>", L->running ? "True" : "False",
              L->closed ? "True" : "False", L->debug ? "True" : "False");
    return sb_finish(&b);
}

/* ---- async generators ------------------------------------------------------------------------ */

static aio_loop *running_loop_or_null(void) {
    aio_state *st = aio_state_peek();
    if (!st || !st->loop) return NULL;
    aio_loop *L = loop_obj(st->loop);
    return L->running && !L->closed ? L : NULL;
}

void aio_agen_first_iter(ai_value agen) {
    aio_loop *L = running_loop_or_null();
    if (!L) return;
    if (!L->asyncgens) {
        ai_value d = dict_new();
        if (!d) {
            exc_clear();
            return;
        }
        lset(L, &L->asyncgens, d);
    }
    if (dict_set(L->asyncgens, agen, AI_NONE) < 0) exc_clear();
}

void aio_agen_done(ai_value agen) {
    aio_loop *L = running_loop_or_null();
    if (!L || !L->asyncgens || dict_len(L->asyncgens) == 0) return;
    if (dict_del(L->asyncgens, agen) < 0) exc_clear();
}

static ai_value agen_aclose_body(const ai_value *a) { return ai_await(coro_agen_aclose(a[0]), 0); }
static const ai_func_info agen_aclose_info = {"aclose", "async_generator.aclose", 0, 0, NULL, NULL, NULL, 0, 0};

int aio_agen_release(ai_value agen) {
    aio_loop *L = running_loop_or_null();
    if (!L) return 0;
    /* It stays registered until it is done: if the loop ends before the
     * task runs (CPython then throws the task's cancellation into the
     * generator), shutdown_asyncgens closes it. */
    ai_value coro = aio_native_coro(&agen_aclose_info, agen_aclose_body, &agen, 1);
    if (!coro) return -1;
    return aio_call_soon(ai_val(L), AIO_CB(AIO_CB_CREATE_TASK), ai_val(L), coro, 0);
}

static int create_task_cb(ai_value loop, ai_value coro) { return aio_task_new(loop, coro, 0) ? 0 : -1; }

int aio_loop_shutdown_asyncgens(ai_value loop) {
    aio_loop *L = loop_obj(loop);
    if (!L->asyncgens || dict_len(L->asyncgens) == 0) return 0;
    ai_value all = list_from_iter(L->asyncgens);
    if (!all) return -1;
    L = loop_obj(loop);
    L->asyncgens = 0;
    /* those still suspended, and an aclose() coroutine for each */
    ai_value gens = list_new(0), closers = gens ? list_new(0) : 0;
    if (!closers) return -1;
    for (int64_t i = 0; i < list_obj(all)->len; i++) {
        ai_value g = list_obj(all)->items[i];
        if (gen_obj(g)->state != GEN_SUSPENDED) continue;
        ai_value c = aio_native_coro(&agen_aclose_info, agen_aclose_body, &g, 1);
        if (!c || ai_list_append(gens, g) < 0 || ai_list_append(closers, c) < 0) return -1;
    }
    int64_t n = list_obj(closers)->len;
    if (!n) return 0;
    ai_value done = aio_gather(list_obj(closers)->items, n, true);
    if (!done || aio_loop_run_until(loop, done) < 0) return -1;
    ai_value results = aio_future_result(done);
    if (!results) return -1;
    for (int64_t i = 0; i < n; i++) {
        ai_value g = list_obj(gens)->items[i], r = list_obj(results)->items[i];
        if (ai_is_smallint(r) || !obj_isinstance(r, &ai_exc_BaseException)) continue;
        strbuf b;
        sb_init(&b);
        sb_adds(&b, "an error occurred during closing of asynchronous generator ");
        ai_value rep = ai_repr(g);
        if (rep) sb_add_str(&b, rep);
        else exc_clear();
        sb_addc(&b, 0);
        aio_report_asyncgen_exception(b.p, r, g);
        sb_free(&b);
    }
    return 0;
}

/* Executors. A compiled program has one heap per actor and no threads
 * sharing it, so the function of run_in_executor / to_thread runs here,
 * on the loop's thread, when it is submitted (CPython's pool thread
 * starts it at once too); the loop waits for it meanwhile. Its outcome
 * reaches the future through the loop, as from a thread: the awaiting
 * task resumes one iteration later at the earliest
 * (docs/concurrency.md, "Differences"). */
ai_value aio_run_in_executor(ai_value loop, ai_value func, ai_value args, ai_value kwargs) {
    ai_value fut = aio_future_new(loop);
    if (!fut) return AI_ERR;
    ai_value r = ai_call_ex(func, args, kwargs ? kwargs : 0);
    int kind = AIO_CB_SET_RESULT_UNLESS_CANCELLED;
    if (!r) {
        r = ai_exc_fetch();
        if (obj_isinstance(r, &ai_exc_KeyboardInterrupt) || obj_isinstance(r, &ai_exc_SystemExit)) {
            exc_set_pending(r);
            return AI_ERR;
        }
        kind = AIO_CB_SET_EXCEPTION_UNLESS_CANCELLED;
    }
    if (aio_call_soon(loop, AIO_CB(kind), fut, r, 0) < 0) return AI_ERR;
    return fut;
}

/* loop.run_in_executor(executor, func, *args): the executor (None, a
 * ThreadPoolExecutor …) is not used — see aio_run_in_executor. */
METHOD(l_run_in_executor) {
    if (call_no_kwargs("run_in_executor", kwnames) < 0) return AI_ERR;
    if (nargs < 2) {
        return ai_raise_fmt(&ai_exc_TypeError,
                            nargs == 0 ? "BaseEventLoop.run_in_executor() missing 2 required positional "
                                         "arguments: 'executor' and 'func'"
                                       : "BaseEventLoop.run_in_executor() missing 1 required positional "
                                         "argument: 'func'");
    }
    if (loop_obj(self)->closed) return ai_raise_msg(&ai_exc_RuntimeError, "Event loop is closed");
    ai_value rest = ai_tuple_pack(args + 2, nargs - 2);
    if (!rest) return AI_ERR;
    return aio_run_in_executor(self, args[1], rest, 0);
}

static const ai_method_def loop_methods[] = {
    {"call_soon", l_call_soon, &aio_loop_type, 0},
    {"call_soon_threadsafe", l_call_soon, &aio_loop_type, 0},
    {"call_later", l_call_later, &aio_loop_type, 0},
    {"call_at", l_call_at, &aio_loop_type, 0},
    {"time", l_time, &aio_loop_type, 0},
    {"create_future", l_create_future, &aio_loop_type, 0},
    {"create_task", l_create_task, &aio_loop_type, 0},
    {"run_in_executor", l_run_in_executor, &aio_loop_type, 0},
    {"is_running", l_is_running, &aio_loop_type, 0},
    {"is_closed", l_is_closed, &aio_loop_type, 0},
    {"get_debug", l_get_debug, &aio_loop_type, 0},
    {"set_debug", l_set_debug, &aio_loop_type, 0},
    {"stop", l_stop, &aio_loop_type, 0},
    {"close", l_close, &aio_loop_type, 0},
    {"run_until_complete", l_run_until_complete, &aio_loop_type, 0},
    {"run_forever", l_run_forever, &aio_loop_type, 0},
    {"call_exception_handler", l_call_exception_handler, &aio_loop_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_slots loop_slots = {.methods = loop_methods};

ai_type aio_loop_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "_UnixSelectorEventLoop",
    .module = "asyncio.unix_events",
    .base = &ai_object_type,
    .basicsize = sizeof(aio_loop),
    .repr = loop_repr,
    .gc_visit = loop_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&loop_slots,
};

/* ---- the C callback table -------------------------------------------------------------------------------- */

static int pycall_cb(ai_value fn, ai_value args) {
    ai_tuple *t = tuple_obj(args);
    return ai_call(fn, t->items, t->len, 0) ? 0 : -1;
}

static int pycall1_cb(ai_value fn, ai_value arg) { return ai_call(fn, &arg, 1, 0) ? 0 : -1; }

static int set_result_unless_cancelled_cb(ai_value fut, ai_value result) {
    if (aio_fut(fut)->state == AIO_CANCELLED) return 0;
    return aio_future_set_result(fut, result);
}


static int set_exception_unless_cancelled_cb(ai_value fut, ai_value exc) {
    if (aio_fut(fut)->state == AIO_CANCELLED) return 0;
    return aio_future_set_exception(fut, exc);
}

const aio_cfn aio_cbtab[AIO_CB_COUNT] = {
    [AIO_CB_PYCALL] = pycall_cb,
    [AIO_CB_PYCALL1] = pycall1_cb,
    [AIO_CB_TASK_STEP] = aio_task_step_cb,
    [AIO_CB_TASK_WAKEUP] = aio_task_wakeup_cb,
    [AIO_CB_STOP] = stop_cb,
    [AIO_CB_SET_RESULT_UNLESS_CANCELLED] = set_result_unless_cancelled_cb,
    [AIO_CB_GATHER] = aio_gather_cb,
    [AIO_CB_WAIT] = aio_wait_cb,
    [AIO_CB_SHIELD_INNER] = aio_shield_inner_cb,
    [AIO_CB_SHIELD_OUTER] = aio_shield_outer_cb,
    [AIO_CB_TASKGROUP] = aio_taskgroup_cb,
    [AIO_CB_TIMEOUT] = aio_timeout_cb,
    [AIO_CB_WAIT_FOR] = aio_wait_for_cb,
    [AIO_CB_RELEASE_WAITER] = aio_release_waiter_cb,
    [AIO_CB_REMOTE_STEP] = aio_remote_step_cb,
    [AIO_CB_ASCOMPLETED] = aio_ascompleted_cb,
    [AIO_CB_ASCOMPLETED_TIMEOUT] = aio_ascompleted_timeout_cb,
    [AIO_CB_SET_EXCEPTION_UNLESS_CANCELLED] = set_exception_unless_cancelled_cb,
    [AIO_CB_CREATE_TASK] = create_task_cb,
};
