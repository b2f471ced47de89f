/*
 * asyncio/remote.c — isolated coroutines run as actors, in parallel,
 * while the program observes exactly CPython's single-threaded schedule.
 *
 * Which coroutines: those the compiler's effect analysis proved isolated
 * (AI_FUNC_ISOLATED: compiler/effects.c), given to create_task (or
 * gather, TaskGroup.create_task, ensure_future …). `await f(x)` itself
 * never spawns: the awaiting task would only wait, so the body runs
 * inline (docs/concurrency.md).
 *
 * The idea: under CPython such a task's steps run at fixed points of the
 * loop's schedule — its slots — and, being isolated, nothing it does is
 * visible in between except through what the steps produce: what they
 * print, when the task finishes and with what, and when its next step is
 * due. So the child runs in an actor of its own (its own heap, its own
 * loop, on any core), and the parent REPLAYS each of its loop iterations
 * at the slot where CPython would have run it: the child's output is
 * written there, its result set there, its next slot scheduled from
 * there (at once, or at its next timer's deadline).
 *
 * Protocol (per remote task T; messages through the actors' mailboxes):
 *   1. T's first step is due in the parent (the TASK_STEP that create_task
 *      scheduled). The parent copies T's arguments (gc_msg_pack) and
 *      spawns the child, which runs its first loop iteration at once.
 *      Spawning is batched: every remote task whose step is next in the
 *      parent's ready queue, back to back, is started together — nothing
 *      of the parent can run between those slots, so this is exact, and
 *      it is where the parallelism comes from.
 *   2. At the end of each iteration the child sends an EVENT: its
 *      buffered stdout/stderr, how many tasks it created, T's outcome if
 *      T finished in it (result, exception or cancellation, copied), and
 *      its state: READY (callbacks are due: next slot now), TIMER(when),
 *      IDLE (nothing will happen unless cancelled) or FINISHED.
 *   3. The parent replays the event at T's slot (blocking until it has
 *      arrived) and schedules T's next slot: call_soon, or call_at(when).
 *   4. At that slot the parent sends GO (again batched with the remote
 *      slots that follow back to back) and replays the next event. The
 *      child never runs an iteration before its GO, so a cancellation the
 *      parent makes before T's slot reaches T before T's next step: the
 *      CancelledError appears exactly where CPython raises it.
 *   5. T.cancel() sends CANCEL (the child cancels its root task) and
 *      moves T's next slot to now. At the end of asyncio.run, children
 *      still running get CANCEL_ALL and are replayed to their end.
 *
 * A task whose arguments cannot be copied (a function, a generator, a
 * lock…) simply runs locally: being isolated, it behaves the same.
 *
 * Timers: a child's step that ends with a timer reports the deadline and
 * its place on CPython's timeline relative to the step's start; the
 * parent orders the timer as if the step had run at its slot, after the
 * steps replayed before it (loop.c, "Timers"), so equal sleeps started
 * in parallel still wake in CPython's order.
 *
 * Big batches: a batch of fresh isolated tasks that keeps this actor
 * evaluating ahead for a millisecond while a core is idle is shared with
 * helper actors (spread.c); their results come back as R_SHIPPED tasks'
 * events.
 *
 * Program output from a child goes to its actor's buffers (aio_capture_
 * write, called by the runtime's stdout/stderr writers), never to the
 * process's stdout directly.
 */
#include "asyncio/aio.h"

#include "core/alloc.h"
#include "gc/gcint.h"
#include "gc/message.h"
#include "sched/actor.h"
#include "sched/sched.h"

#include <math.h>
#include <time.h>
#include <stdlib.h>

/* ---- output capture ------------------------------------------------------------------------- */

void aio_outbuf_add(aio_outbuf *b, const char *p, size_t n) {
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n) cap *= 2;
        char *q = realloc(b->p, cap);
        if (!q) return; /* output lost rather than a crash */
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->len, p, n);
    b->len += n;
}

bool aio_capture_write(int fd, const char *p, size_t n) {
    actor_t *a = actor_self();
    if (!a || !a->aio) return false;
    aio_state *st = a->aio;
    if (st->ahead) return aio_ahead_capture(fd, p, n);
    if (st->discard) return true;
    if (!st->capture) return false;
    aio_outbuf **b = fd == 2 ? &st->err : &st->out;
    if (!*b) *b = calloc(1, sizeof(aio_outbuf));
    if (*b) aio_outbuf_add(*b, p, n);
    return true;
}

/* ---- messages --------------------------------------------------------------------------------- */

enum { ST_READY, ST_TIMER, ST_IDLE, ST_FINISHED };
enum { DONE_NONE, DONE_RESULT, DONE_EXCEPTION, DONE_CANCELLED };

/* child → parent, at the end of each iteration */
typedef struct remote_event {
    mbox_msg_t hdr;             /* first: the mailbox link */
    uint64_t id;                /* the remote task, in the parent's table */
    int32_t done;               /* DONE_* */
    int32_t state;              /* ST_* */
    double when;                /* ST_TIMER: the deadline */
    double rel;                 /* ST_TIMER: its place among the timers
                                   (loop.c), from the iteration's start */
    double dur;                 /* how long the iteration ran */
    double waited;              /* how long the parent waited for it */
    int64_t ntasks;             /* tasks the child created meanwhile */
    gc_msg *payload;            /* the result / exception (or NULL) */
    int32_t line;               /* pending: the line its coroutine waits at */
    const char *waiter;         /* … and the class of the future it waits
                                   for, when a plain one (a static name),
                                   or NULL: for the parent's repr */
    bool local;                 /* the outcome is the task's own (ahead) */
    bool on_stack;              /* made up by next_event for a quiet
                                   iteration: nothing to free */
    aio_outbuf out, err;
    struct remote_event *next;  /* the parent's per-task queue */
} remote_event;

enum { CTL_GO, CTL_CANCEL, CTL_CANCEL_ALL };

/* parent → child */
typedef struct remote_ctl {
    mbox_msg_t hdr;
    int32_t kind;               /* CTL_* */
    gc_msg *msg;                /* CTL_CANCEL: the message (or NULL) */
} remote_ctl;

static void event_free(remote_event *e) {
    if (!e || e->on_stack) return;
    gc_msg_free(e->payload);
    free(e->out.p);
    free(e->err.p);
    free(e);
}

static void event_drop(mbox_msg_t *m) { event_free((remote_event *)(void *)m); }

static void ctl_drop(mbox_msg_t *m) {
    remote_ctl *c = (remote_ctl *)(void *)m;
    gc_msg_free(c->msg);
    free(c);
}

/* What the parent receives: a child's event or a helper's result. */
static bool match_event(mbox_msg_t *m, void *ctx) {
    (void)ctx;
    return m->drop == event_drop || aio_spread_is_done(m);
}

static bool match_ctl(mbox_msg_t *m, void *ctx) {
    (void)ctx;
    return m->drop == ctl_drop;
}

static void send_ctl(actor_t *to, int kind, gc_msg *msg) {
    remote_ctl *c = calloc(1, sizeof *c);
    if (!c) {
        gc_msg_free(msg);
        return;
    }
    c->hdr.drop = ctl_drop;
    c->kind = kind;
    c->msg = msg;
    mbox_send(to, &c->hdr);
}

/* ---- the parent's side ------------------------------------------------------------------------- */

/* R_AHEAD: evaluated ahead (ahead.c), its events are all queued.
 * R_SHIPPED: being evaluated ahead by a helper (spread.c); becomes
 * R_AHEAD when its result arrives, or R_UNSPAWNED when the helper gave
 * up. */
enum { R_UNSPAWNED, R_RUNNING, R_AHEAD, R_FINISHED, R_SHIPPED };

/* Per remote task: a heap object (t->remote) holding the link to the
 * child and the events received and not yet replayed — or, for a task
 * not started or evaluated ahead quietly, a small int instead (see
 * "Compact states" below). */
typedef struct aio_remote {
    ai_object ob;
    ai_value timer;             /* its next slot when it is a timer, or 0 */
    actor_t *child;             /* counted handle while running */
    uint64_t id;
    remote_event *head, *tail;  /* received, not yet replayed */
    int32_t status;             /* R_* */
    bool needs_go;              /* the child waits for GO at its next slot */
    bool go_sent;               /* … and has been sent it */
    bool idle;                  /* nothing scheduled: waits for a cancel */
    int64_t replayed;           /* R_AHEAD: slots replayed so far */
    ai_value outcome;           /* R_AHEAD: the result or exception */
    int32_t line;               /* R_RUNNING: where the child's coroutine */
    const char *waiter;         /* waits, as of the last replayed event */
    /* R_AHEAD whose iterations all were quiet (no output, no tasks
     * made): how many are left to replay, instead of one malloc'd event
     * each (200,000 tiny tasks evaluated in one batch held 30 MiB of
     * them); the last one carries the outcome (quiet_raised: raised). */
    int32_t quiet;
    bool quiet_raised;
    bool finalized;             /* remote_finalize is registered: only
                                   once it holds a child or events (a
                                   finalizer per task made every
                                   collection walk 200,000 of them) */
} aio_remote;

static void remote_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    aio_remote *r = (aio_remote *)o;
    if (r->timer) visit(&r->timer, ctx);
    if (r->outcome) visit(&r->outcome, ctx);
}

/* Free the events received or queued and not replayed. */
static void drop_events(aio_remote *r) {
    for (remote_event *e = r->head, *n; e; e = n) {
        n = e->next;
        event_free(e);
    }
    r->head = r->tail = NULL;
    r->quiet = 0;
}

static void remote_finalize(ai_object *o) {
    aio_remote *r = (aio_remote *)o;
    drop_events(r);
    if (r->child) actor_release(r->child);
    r->child = NULL;
}

static ai_type aio_remote_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "remote_task_state",
    .module = "_asyncio",
    .base = &ai_object_type,
    .basicsize = sizeof(aio_remote),
    .repr = obj_default_repr,
    .gc_visit = remote_visit,
    .gc_size = alloc_fixed_size,
};

/* Compact states. A task that has not started (R_UNSPAWNED) or whose
 * whole life was evaluated ahead quietly (R_AHEAD with only quiet
 * iterations: no output, no tasks made) needs none of the record above
 * but its status and two counts: its `remote` slot then holds them in a
 * small int, and the outcome waits in the task's own result slot (read
 * only once the task is FINISHED, which the last replay makes it). So
 * spawn_many's 200,000 pending tasks carry no 104-byte record each for
 * every collection to trace. The record is made (remote_full) when a
 * task is spawned, shipped, or evaluated with events; it never becomes
 * compact again. Fields: status (3 bits), raised, quiet and replayed
 * (C_FIELD bits each: an evaluation ahead gives up past 10,000
 * iterations, far below). */
enum { C_STATUS = 7, C_RAISED = 8, C_QUIET_SHIFT = 4, C_REPLAYED_SHIFT = 24, C_FIELD = (1 << 20) - 1 };

static inline bool remote_compact(ai_value task) { return ai_is_smallint(aio_tsk(task)->remote); }
static inline int64_t compact_get(ai_value task) { return ai_smallint_get(aio_tsk(task)->remote); }
static inline void compact_set(ai_value task, int64_t c) { aio_tsk(task)->remote = ai_smallint(c); }
static inline int64_t compact_field(int64_t c, int shift) { return (c >> shift) & C_FIELD; }
static inline int64_t compact_make(int status, bool raised, int64_t quiet, int64_t replayed) {
    return status | (raised ? C_RAISED : 0) | quiet << C_QUIET_SHIFT | replayed << C_REPLAYED_SHIFT;
}

/* The full record of a task that has one. */
static aio_remote *remote_of(ai_value task) { return (aio_remote *)ai_obj(aio_tsk(task)->remote); }

static int remote_status(ai_value task) {
    ai_value v = aio_tsk(task)->remote;
    return ai_is_smallint(v) ? (int)(ai_smallint_get(v) & C_STATUS) : ((aio_remote *)ai_obj(v))->status;
}

/* The full record, made from an R_UNSPAWNED compact state if need be.
 * NULL when out of memory (exception cleared). */
static aio_remote *remote_full(ai_value task) {
    if (!remote_compact(task)) return remote_of(task);
    aio_remote *r = ai_alloc(&aio_remote_type, sizeof(aio_remote));
    if (!r) {
        exc_clear();
        return NULL;
    }
    r->status = (int32_t)(compact_get(task) & C_STATUS);
    aio_tsk(task)->remote = ai_val(r);
    gc_barrier(ai_obj(task), ai_val(r));
    return r;
}

/* r is about to hold a child or malloc'd events: its death must free
 * them. False when out of memory (exception cleared). */
static bool remote_needs_finalizer(aio_remote *r) {
    if (r->finalized) return true;
    if (gc_finalizer_add(&r->ob, remote_finalize) < 0) {
        exc_clear();
        return false;
    }
    r->finalized = true;
    return true;
}

/* The actor's remote bookkeeping: its tasks by id (a parent), its link to
 * its own parent (a child). */
typedef struct remote_actor {
    ai_value *tasks;            /* gc_vals: task by id (0 once finished) */
    int64_t ntasks, captasks;
    int64_t live;               /* children not finished */
    /* as a child */
    bool is_child;
    actor_t *parent;
    uint64_t id;                /* our id in the parent's table */
    ai_value root;              /* our root task (for CANCEL) */
    bool reported_done;         /* the root's outcome went out */
    bool first_done;            /* the first iteration has run */
    bool finished;
    int64_t counter_at_report;  /* task_counter at the last event */
    double iter_start;          /* when the running iteration began */
    gc_rootframe frame;         /* keeps `root` alive */
} remote_actor;

static remote_actor *remote_actor_get(aio_state *st) {
    if (!st->remote) {
        st->remote = calloc(1, sizeof(remote_actor));
        if (!st->remote) {
            fputs("aithon: out of memory for remote tasks\n", stderr);
            abort();
        }
    }
    return st->remote;
}

bool aio_remote_is_child(aio_state *st) { return st->remote && ((remote_actor *)st->remote)->is_child; }

static int table_add(remote_actor *ra, ai_value task, uint64_t *id) {
    if (ra->ntasks == ra->captasks) {
        int64_t cap = ra->captasks ? ra->captasks * 2 : 64;
        ai_value *n = gc_vals_realloc(ra->tasks, cap);
        if (!n) return -1;
        ra->tasks = n;
        ra->captasks = cap;
    }
    *id = (uint64_t)ra->ntasks;
    ra->tasks[ra->ntasks++] = task;
    return 0;
}

/* Is this environment one where tasks may become actors? */
static bool actors_enabled(void) {
    static int enabled = -1;
    if (enabled < 0) {
        const char *e = getenv("AITHON_ACTORS");
        enabled = !(e && e[0] == '0');
    }
    return enabled && actor_self() != NULL;
}

ai_value aio_remote_try_spawn(ai_value loop, ai_value coro, ai_value name) {
    ai_gen *g = gen_obj(coro);
    if (g->kind != GEN_CORO || g->state != GEN_CREATED || !g->info || !(g->info->flags & AI_FUNC_ISOLATED) ||
        !(actors_enabled() || aio_ahead_candidate(coro)))
        return 0;
    ai_value task = aio_task_new(loop, coro, name);
    if (!task) return AI_ERR;
    compact_set(task, compact_make(R_UNSPAWNED, false, 0, 0));
    return task;
}

/* Spawning ------------------------------------------------------------------------------------------ */

typedef struct spawn_args {
    gc_msg *args;               /* the coroutine's argument tuple */
    const ai_func_info *info;
    gen_thunk thunk;
    actor_t *parent;            /* counted */
    uint64_t id;
    char *name;                 /* the task's name */
    int64_t counter;            /* the parent's task counter */
} spawn_args;

static void child_main(void *arg);

/* Start T's child. False when T's arguments cannot be copied: T then runs
 * locally (its remote state is dropped). */
static bool spawn_one(ai_value task) {
    aio_task *t = aio_tsk(task);
    ai_gen *g = gen_obj(t->coro);
    if (!actors_enabled()) {
        t->remote = 0;
        return false;
    }
    aio_remote *full = remote_full(task);
    if (!full || !remote_needs_finalizer(full)) {
        t->remote = 0;
        return false;
    }
    gc_msg *args = gc_msg_pack(g->args);
    if (!args) {
        exc_clear();
        aio_tsk(task)->remote = 0;
        return false;
    }
    aio_state *st = aio_state_get();
    remote_actor *ra = remote_actor_get(st);
    spawn_args *sa = calloc(1, sizeof *sa);
    int64_t n;
    ai_value tname = aio_task_name(aio_tsk(task));
    const char *nm = tname ? str_utf8(tname, &n) : NULL;
    if (!sa || !nm || !(sa->name = strdup(nm))) {
        free(sa);
        gc_msg_free(args);
        exc_clear();
        aio_tsk(task)->remote = 0;
        return false;
    }
    uint64_t id;
    if (table_add(ra, task, &id) < 0) {
        free(sa->name);
        free(sa);
        gc_msg_free(args);
        exc_clear();
        aio_tsk(task)->remote = 0;
        return false;
    }
    sa->args = args;
    sa->info = gen_obj(aio_tsk(task)->coro)->info;
    sa->thunk = gen_obj(aio_tsk(task)->coro)->thunk;
    sa->parent = actor_self();
    actor_retain(sa->parent);
    sa->id = id;
    sa->counter = st->task_counter;
    actor_t *child = actor_spawn(child_main, sa);
    if (!child) {
        actor_release(sa->parent);
        free(sa->name);
        free(sa);
        gc_msg_free(args);
        ra->tasks[id] = 0;
        aio_tsk(task)->remote = 0;
        return false;
    }
    aio_remote *r = remote_of(task);
    r->child = child;
    r->id = id;
    r->status = R_RUNNING;
    ra->live++;
    /* the coroutine now lives in the child: this copy never runs */
    gen_obj(aio_tsk(task)->coro)->state = GEN_DONE;
    gen_obj(aio_tsk(task)->coro)->args = ai_val(&tuple_empty_obj);
    return true;
}

/* Is ready entry e a remote slot that can go now (spawn or GO)? */
static bool batchable(const ai_value e[4]) {
    if (e[3]) return false; /* a public handle: user code */
    if (!ai_is_smallint(e[0])) return false;
    int64_t cb = ai_smallint_get(e[0]);
    if (cb == AIO_CB_TASK_STEP) {
        ai_value t = e[1];
        return aio_tsk(t)->remote && remote_status(t) == R_UNSPAWNED && !aio_tsk(t)->must_cancel && !e[2];
    }
    if (cb == AIO_CB_REMOTE_STEP) {
        ai_value t = e[1];
        return aio_tsk(t)->remote && remote_status(t) == R_RUNNING && remote_of(t)->needs_go &&
               !remote_of(t)->go_sent;
    }
    return false;
}

/* Queue event k of n for an evaluation ahead (`local`: the last one
 * carries the outcome, kept in the task's remote state). False when out
 * of memory. */
static bool queue_ahead_event(aio_remote *r, aio_ahead_iter *it, bool last, bool raised, gc_msg *payload) {
    if (!remote_needs_finalizer(r)) return false;
    remote_event *ev = calloc(1, sizeof *ev);
    if (!ev) return false;
    ev->payload = payload;
    ev->out = it->out;
    ev->err = it->err;
    memset(&it->out, 0, sizeof it->out);
    memset(&it->err, 0, sizeof it->err);
    ev->ntasks = it->ntasks;
    ev->state = last ? ST_FINISHED : ST_READY;
    ev->done = !last ? DONE_NONE : raised ? DONE_EXCEPTION : DONE_RESULT;
    ev->local = last && !payload;
    if (r->tail) r->tail->next = ev;
    else r->head = ev;
    r->tail = ev;
    return true;
}

/* Try to evaluate T ahead (ahead.c): true when its events are queued.
 * *outgrew is set when the evaluation gave up for running past a slice. */
static bool try_ahead(ai_value task, bool *outgrew) {
    ai_value coro = aio_tsk(task)->coro;
    if (!aio_ahead_candidate(coro)) return false;
    ai_gen *g = gen_obj(coro);
    aio_ahead_result res;
    int rc = aio_ahead_eval(g->info, g->thunk, g->args, actors_enabled(), &res);
    if (rc == AHEAD_OUTGREW) *outgrew = true;
    if (rc != 1) return false;
    bool quiet = res.niters <= C_FIELD;
    for (int64_t k = 0; k < res.niters && quiet; k++)
        quiet = !res.iters[k].out.len && !res.iters[k].err.len && !res.iters[k].ntasks;
    if (quiet && remote_compact(task)) {
        /* the usual small task: no record (see "Compact states") */
        aio_ahead_iters_free(res.iters, res.niters);
        aio_tsk(task)->fut.result = res.value;
        gc_barrier(ai_obj(task), res.value);
        compact_set(task, compact_make(R_AHEAD, res.raised, res.niters, 0));
        return true;
    }
    aio_remote *r = remote_full(task);
    if (!r) {
        aio_ahead_iters_free(res.iters, res.niters);
        return false;
    }
    bool ok = true;
    if (quiet) {
        r->quiet = (int32_t)res.niters;
        r->quiet_raised = res.raised;
    }
    for (int64_t k = 0; k < res.niters && ok && !quiet; k++)
        ok = queue_ahead_event(r, &res.iters[k], k == res.niters - 1, res.raised, NULL);
    aio_ahead_iters_free(res.iters, res.niters);
    if (!ok) {
        drop_events(r);
        return false;
    }
    r->outcome = res.value;
    gc_barrier(r, res.value);
    r->status = R_AHEAD;
    return true;
}

/* Start T: evaluated ahead, else spawned. *outgrown names the function
 * of a sibling started before in the same batch whose evaluation outgrew
 * its slice: T's is taken to be as big, and T is spawned at once. */
static void start_one(ai_value task, const ai_func_info **outgrown) {
    if (remote_status(task) == R_UNSPAWNED) {
        const ai_func_info *info = gen_obj(aio_tsk(task)->coro)->info;
        bool outgrew = false;
        if (info != *outgrown && try_ahead(task, &outgrew)) return;
        if (outgrew) {
            *outgrown = info;
            aio_func_mark_heavy(info);
        }
        if (info == *outgrown || aio_func_heavy(info) || !aio_ahead_enabled()) {
            /* (AITHON_AHEAD=0: every isolated task is an actor) */
            spawn_one(task);
        } else {
            /* Not evaluated ahead (it waits for something real) and not
             * known to compute for long: an actor would only wait too,
             * at the price of a heap, a stack and a message per step.
             * It runs here; its steps are timed (future.c). */
            aio_tsk(task)->remote = 0;
            aio_tsk(task)->localized = true;
        }
    } else if (!remote_compact(task) && remote_of(task)->needs_go && !remote_of(task)->go_sent) {
        aio_remote *r = remote_of(task);
        send_ctl(r->child, CTL_GO, NULL);
        r->go_sent = true;
    }
}

/* Spreading a batch over idle cores (spread.c). A batch that has kept
 * this actor evaluating ahead for SPREAD_AFTER_NS while a core is idle
 * is big enough: the rest of its fresh tasks are shared between this
 * actor (the front) and up to SPREAD_MAX_HELPERS helpers (contiguous
 * runs behind it), one share each. Smaller batches never pay for it. */
enum { SPREAD_AFTER_NS = 2000000, SPREAD_MAX_HELPERS = 16 };
/* ... and only when its tasks took SPREAD_MIN_TASK_NS each on average
 * here, over a window of SPREAD_WINDOW tasks at least: shipping one
 * (copying its arguments there and its outcome back, a message) costs
 * about a microsecond of this actor's time, and a helper's heap and
 * messages cost memory (spawn_many's 200,000 tasks of ~4 µs with their
 * collections ran 1.6x slower in 1.4x the memory when shared). */
enum { SPREAD_MIN_TASK_NS = 6000, SPREAD_WINDOW = 512 };
/* (The tasks' own time, collections left out: window_ns below.) */

static bool spread_possible(void) {
    return actors_enabled() && aio_ahead_enabled() && sched_nworkers() > 1 && !sched_is_seeded() && !gc_cfg.stress;
}


/* A task start_one would evaluate ahead (not spawn, not send GO). */
static bool fresh_candidate(ai_value task, const ai_func_info *outgrown) {
    ai_value coro = aio_tsk(task)->coro;
    return remote_status(task) == R_UNSPAWNED && gen_obj(coro)->info != outgrown && aio_ahead_candidate(coro);
}

/* Ship `t` to be evaluated by a helper: its job, or false when its
 * arguments cannot be copied (or no memory): it is then started here. */
static bool ship(ai_value t, aio_spread_job *job) {
    ai_gen *g = gen_obj(aio_tsk(t)->coro);
    gc_msg *args = gc_msg_pack(g->args);
    if (!args) {
        exc_clear();
        return false;
    }
    uint64_t id;
    aio_remote *r = remote_full(t);
    if (!r || table_add(remote_actor_get(aio_state_get()), t, &id) < 0) {
        exc_clear();
        gc_msg_free(args);
        return false;
    }
    *job = (aio_spread_job){id, g->info, g->thunk, args};
    r->status = R_SHIPPED;
    r->id = id;
    return true;
}

/* A job whose helper could not be spawned: its task is started here. */
static void unship(const aio_spread_job *job) {
    remote_actor *ra = aio_state_get()->remote;
    remote_of(ra->tasks[job->id])->status = R_UNSPAWNED;
    ra->tasks[job->id] = 0;
    gc_msg_free(job->args);
}

/* The rest of a batch from ready entry e on: shared with helpers. */
static void spread_rest(aio_ready_cursor *c, ai_value e[4], const ai_func_info **outgrown) {
    int64_t n = 0, cap = 256;
    ai_value *fresh = malloc((size_t)cap * sizeof *fresh);
    do {
        ai_value t = e[1];
        if (fresh && fresh_candidate(t, *outgrown)) {
            if (n == cap) {
                ai_value *f = realloc(fresh, (size_t)(cap *= 2) * sizeof *fresh);
                if (!f) {
                    start_one(t, outgrown);
                    continue;
                }
                fresh = f;
            }
            fresh[n++] = t; /* alive: its slot holds it */
        } else {
            start_one(t, outgrown);
        }
    } while (aio_loop_next(c, e) && batchable(e));
    int64_t helpers = sched_idle_workers();
    if (helpers > SPREAD_MAX_HELPERS) helpers = SPREAD_MAX_HELPERS;
    if (helpers > n - 1) helpers = n - 1;
    int64_t keep = helpers > 0 ? n / (helpers + 1) : n;
    aio_spread_job *jobs = helpers > 0 ? malloc((size_t)(n - keep) * sizeof *jobs) : NULL;
    ai_value *later = jobs ? malloc((size_t)(n - keep) * sizeof *later) : NULL;
    if (!later) {
        free(jobs);
        jobs = NULL;
        keep = n;
    }
    int64_t njobs = 0, nlater = 0;
    for (int64_t i = keep; i < n; i++)
        if (!ship(fresh[i], &jobs[njobs])) later[nlater++] = fresh[i];
        else njobs++;
    for (int64_t h = 0; h < helpers && njobs; h++) {
        int64_t lo = njobs * h / helpers, hi = njobs * (h + 1) / helpers;
        if (hi > lo && !aio_spread_start(jobs + lo, hi - lo))
            for (int64_t j = lo; j < hi; j++) {
                later[nlater++] = remote_actor_get(aio_state_get())->tasks[jobs[j].id];
                unship(&jobs[j]);
            }
    }
    free(jobs);
    for (int64_t i = 0; i < keep; i++) start_one(fresh[i], outgrown);
    for (int64_t i = 0; i < nlater; i++) start_one(later[i], outgrown);
    free(later);
    free(fresh);
}

/* This thread's CPU time less the time this actor's heap spent
 * collecting: what a window of tasks cost by themselves. Collections
 * are left out because shipping tasks does not make them cheaper: they
 * trace what the parent keeps (the tasks, their coroutines), which stays
 * here either way. Counted in, they made spawn_many's 200,000 tasks of
 * 2 µs look like 6 µs ones as their survivors grew, and shared them out,
 * slower. */
static int64_t window_ns(void) {
    alloc_heap *h = alloc_running_heap();
    return aio_thread_cpu_ns() - (h ? (int64_t)h->gc_ns : 0);
}

/* Start `task` and every remote slot right behind it in the ready queue. */
static void start_batch(ai_value loop, ai_value task) {
    const ai_func_info *outgrown = NULL;
    bool spread = spread_possible();
    int64_t since = spread ? window_ns() : 0, started = 1;
    start_one(task, &outgrown);
    ai_value e[4];
    aio_ready_cursor c;
    aio_loop_cursor(loop, &c);
    while (aio_loop_next(&c, e) && batchable(e)) {
        /* CPU time, not wall time (a loaded machine's wall clock counts
         * other programs' time as the tasks'); the clock is a system
         * call: read it every 16 tasks; judge a
         * window of SPREAD_WINDOW tasks at least (the first tasks of a
         * program are slower: cold caches, fresh memory) */
        int64_t spent = spread && (started & 15) == 0 && started >= SPREAD_WINDOW ? window_ns() - since : 0;
        if (spent >= SPREAD_AFTER_NS) {
            if (spent >= started * SPREAD_MIN_TASK_NS && fresh_candidate(e[1], outgrown) &&
                sched_idle_workers() > 0) {
                spread_rest(&c, e, &outgrown);
                return;
            }
            since = window_ns(); /* too small, or every core busy: a new window */
            started = 0;
        }
        start_one(e[1], &outgrown);
        started++;
    }
}

/* A helper's result: its task's events, queued as if evaluated here. */
static void route_spread(aio_spread_done *d) {
    remote_actor *ra = aio_state_get()->remote;
    ai_value task = ra && d->id < (uint64_t)ra->ntasks ? ra->tasks[d->id] : 0;
    if (task) ra->tasks[d->id] = 0;
    if (!task || !aio_tsk(task)->remote || remote_status(task) != R_SHIPPED) {
        aio_spread_done_free(d); /* cancelled meanwhile: it ran here */
        return;
    }
    aio_remote *r = remote_of(task);
    bool ok = !d->gave_up;
    for (int64_t k = 0; k < d->niters && ok; k++) {
        bool last = k == d->niters - 1;
        ok = queue_ahead_event(r, &d->iters[k], last, d->raised, last ? d->payload : NULL);
        if (ok && last) d->payload = NULL; /* the event has it */
    }
    if (ok) {
        r->status = R_AHEAD;
    } else {
        drop_events(r);
        r->status = R_UNSPAWNED;
    }
    aio_spread_done_free(d);
}

/* Receiving and replaying -------------------------------------------------------------------------- */

static void route_spread(aio_spread_done *d);

/* Put a received event on its task's queue (a helper's result: see
 * route_spread). */
static void route(remote_event *ev) {
    if (aio_spread_is_done(&ev->hdr)) {
        route_spread((aio_spread_done *)(void *)ev);
        return;
    }
    aio_state *st = aio_state_get();
    remote_actor *ra = st->remote;
    ai_value task = ra && ev->id < (uint64_t)ra->ntasks ? ra->tasks[ev->id] : 0;
    if (!task || !aio_tsk(task)->remote || remote_compact(task)) {
        event_free(ev);
        return;
    }
    aio_remote *r = remote_of(task);
    ev->next = NULL;
    if (r->tail) r->tail->next = ev;
    else r->head = ev;
    r->tail = ev;
}

/* The next event of `task`, waiting (parked) until it is here; a quiet
 * one (aio_remote.quiet) is made up in *scratch. */
static remote_event *next_event(ai_value task, remote_event *scratch) {
    double since = 0;
    if (remote_compact(task)) {
        /* R_AHEAD, quiet (start_one made no other compact state due) */
        int64_t c = compact_get(task), q = compact_field(c, C_QUIET_SHIFT) - 1;
        bool last = q == 0;
        compact_set(task, (c & ~((int64_t)C_FIELD << C_QUIET_SHIFT)) | q << C_QUIET_SHIFT);
        *scratch = (remote_event){.on_stack = true,
                                  .state = last ? ST_FINISHED : ST_READY,
                                  .done = !last ? DONE_NONE : (c & C_RAISED) ? DONE_EXCEPTION : DONE_RESULT,
                                  .local = last};
        return scratch;
    }
    for (;;) {
        aio_remote *r = remote_of(task);
        if (r->quiet) {
            /* a quiet iteration evaluated ahead: the event is made up */
            bool last = --r->quiet == 0;
            *scratch = (remote_event){.on_stack = true,
                                      .state = last ? ST_FINISHED : ST_READY,
                                      .done = !last ? DONE_NONE : r->quiet_raised ? DONE_EXCEPTION : DONE_RESULT,
                                      .local = last};
            return scratch;
        }
        if (r->head) {
            remote_event *ev = r->head;
            r->head = ev->next;
            if (!r->head) r->tail = NULL;
            ev->waited = since ? aio_loop_time(AI_NONE) - since : 0;
            return ev;
        }
        if (!since) since = aio_loop_time(AI_NONE);
        mbox_msg_t *m = mbox_receive(-1, match_event, NULL);
        if (m) route((remote_event *)(void *)m);
    }
}

/* Replay `ev` at task's slot. 0, or -1 with an exception to propagate
 * (SystemExit/KeyboardInterrupt from the child). */
static int replay(ai_value task, remote_event *ev) {
    aio_state *st = aio_state_get();
    if (ev->out.len) bi_stdout_write(ev->out.p, ev->out.len);
    if (ev->err.len) {
        bi_stdout_flush();
        bi_stderr_write(ev->err.p, ev->err.len);
    }
    st->task_counter += ev->ntasks;
    int rc = 0;
    if (ev->done != DONE_NONE && aio_fut(task)->state == AIO_PENDING) {
        gc_msg *p = ev->payload;
        ev->payload = NULL;
        ai_value v;
        if (ev->local && remote_compact(task)) {
            /* kept in the result slot (see "Compact states") */
            v = aio_fut(task)->result;
            aio_fut(task)->result = 0;
        } else {
            v = ev->local ? remote_of(task)->outcome : p ? gc_msg_unpack(p) : AI_NONE;
        }
        if (!v) {
            ai_value e = ai_exc_fetch();
            rc = aio_future_set_exception(task, e);
        } else if (ev->done == DONE_RESULT) {
            rc = aio_future_set_result(task, v);
        } else if (ev->done == DONE_CANCELLED) {
            if (AIO_RARE_SET(aio_fut(task), cancelled_exc, v) < 0) return -1;
            ai_tuple *a = tuple_obj(((ai_exc *)ai_obj(v))->args);
            rc = aio_future_cancel(task, a->len ? a->items[0] : AI_NONE) < 0 ? -1 : 0;
        } else {
            rc = aio_future_set_exception(task, v);
            if (rc == 0 && (cls_isinstance(v, &ai_exc_SystemExit) || cls_isinstance(v, &ai_exc_KeyboardInterrupt))) {
                aio_fut(task)->log_tb = false;
                exc_set_pending(v);
                rc = -1;
            }
        }
        aio_loop_remove_task(aio_fut(task)->loop, task);
    }
    ai_value loop = aio_fut(task)->loop;
    if (remote_compact(task)) {
        /* a quiet iteration evaluated ahead: it took no time of its own
         * on CPython's timeline as replayed here (dur and waited are 0) */
        int64_t c = compact_get(task) + ((int64_t)1 << C_REPLAYED_SHIFT);
        if (ev->state == ST_READY) {
            compact_set(task, c);
            if (aio_call_soon(loop, AIO_CB(AIO_CB_REMOTE_STEP), task, 0, 0) < 0 && rc == 0) rc = -1;
        } else {
            /* the coroutine's life was the evaluation's */
            ai_gen *g = gen_obj(aio_tsk(task)->coro);
            g->state = GEN_DONE;
            g->args = ai_val(&tuple_empty_obj);
            compact_set(task, compact_make(R_FINISHED, false, 0, 0));
        }
        return rc;
    }
    aio_remote *r = remote_of(task);
    r->go_sent = false;
    r->idle = false;
    r->timer = 0;
    r->replayed++;
    r->line = ev->line;
    r->waiter = ev->waiter;
    /* The step ran in parallel; on CPython's timeline it ran here, from
     * when this loop reached its slot (before waiting for it), for as
     * long as it took there; the waiting is on the real clock already
     * (loop.c, "Timers"). The clock is read only for a timer. */
    double vstart = ev->state == ST_TIMER ? aio_loop_virtual_now(loop) - ev->waited : 0;
    aio_loop_advance_virtual(loop, ev->dur - ev->waited);
    int sched = 0;
    switch (ev->state) {
    case ST_READY:
        r->needs_go = r->status != R_AHEAD;
        sched = aio_call_soon(loop, AIO_CB(AIO_CB_REMOTE_STEP), task, 0, 0);
        break;
    case ST_TIMER: {
        r->needs_go = true;
        ai_value h = aio_call_at_ordered(loop, ev->when, vstart + ev->rel, AIO_CB(AIO_CB_REMOTE_STEP), task, 0);
        if (!h) {
            sched = -1;
        } else {
            remote_of(task)->timer = h;
            gc_barrier(remote_of(task), h);
        }
        break;
    }
    case ST_IDLE:
        r->needs_go = true;
        r->idle = true;
        break;
    default: {
        if (r->status == R_AHEAD) {
            /* the coroutine's life was the evaluation's */
            ai_gen *g = gen_obj(aio_tsk(task)->coro);
            g->state = GEN_DONE;
            g->args = ai_val(&tuple_empty_obj);
            r->outcome = 0;
        } else {
            remote_actor *ra = st->remote;
            if (ra && r->id < (uint64_t)ra->ntasks) ra->tasks[r->id] = 0;
            if (ra) ra->live--;
        }
        r->status = R_FINISHED;
        r->needs_go = false;
        if (r->child) actor_release(r->child);
        r->child = NULL;
        break;
    }
    }
    event_free(ev);
    if (sched < 0 && rc == 0) rc = -1;
    return rc;
}

/* T's slot: start it (and the slots behind it), then replay its next
 * event. `exc`: a cancellation due before T ever ran. */
int aio_remote_step_cb(ai_value task, ai_value exc) {
    int status = remote_status(task);
    if (status == R_AHEAD) {
        /* its next slot: replay the next iteration evaluated ahead */
        remote_event scratch;
        return replay(task, next_event(task, &scratch));
    }
    if (status == R_FINISHED) return 0;
    if (status == R_UNSPAWNED) {
        if (exc) {
            /* cancelled before it started (or cannot start): run it here */
            aio_tsk(task)->remote = 0;
            return aio_task_step_cb(task, exc);
        }
        start_batch(aio_fut(task)->loop, task);
        if (!aio_tsk(task)->remote) return aio_task_step_cb(task, 0); /* its arguments stayed here */
    } else if (status == R_SHIPPED) {
        /* a helper evaluates it: wait for the result */
        while (remote_of(task)->status == R_SHIPPED) {
            mbox_msg_t *m = mbox_receive(-1, match_event, NULL);
            if (m) route((remote_event *)(void *)m);
        }
        if (remote_status(task) == R_UNSPAWNED) {
            /* the helper gave up: start it here, the ordinary way */
            const ai_func_info *outgrown = NULL;
            start_one(task, &outgrown);
            if (!aio_tsk(task)->remote) return aio_task_step_cb(task, 0);
        }
    } else if (remote_of(task)->needs_go && !remote_of(task)->go_sent) {
        start_batch(aio_fut(task)->loop, task);
    }
    remote_event scratch;
    return replay(task, next_event(task, &scratch));
}

int aio_remote_materialize(ai_value task) {
    aio_task *t = aio_tsk(task);
    if (!t->remote) return 0;
    if (remote_compact(task)) {
        if (remote_status(task) != R_AHEAD) return 0;
        int64_t k = compact_field(compact_get(task), C_REPLAYED_SHIFT);
        t->fut.result = 0; /* the outcome kept there */
        t->remote = 0;     /* an ordinary local task from here on */
        return aio_loop_rerun(t->fut.loop, task, k);
    }
    aio_remote *r = remote_of(task);
    if (r->status == R_SHIPPED) {
        /* a helper's result will be dropped when it arrives */
        remote_actor *ra = aio_state_get()->remote;
        if (ra && r->id < (uint64_t)ra->ntasks && ra->tasks[r->id] == task) ra->tasks[r->id] = 0;
    } else if (r->status != R_AHEAD) {
        return 0;
    }
    int64_t k = r->replayed;
    drop_events(r);
    r->outcome = 0;
    r->status = R_FINISHED;
    t->remote = 0; /* an ordinary local task from here on */
    return aio_loop_rerun(t->fut.loop, task, k);
}

bool aio_remote_running_at(ai_value task, int32_t *line, const char **waiter) {
    if (remote_status(task) != R_RUNNING) return false;
    aio_remote *r = remote_of(task);
    *line = r->line;
    *waiter = r->waiter;
    return true;
}

int aio_remote_cancel(ai_value task, ai_value msg) {
    int status = remote_status(task);
    if (status == R_AHEAD || status == R_SHIPPED) return aio_remote_materialize(task) < 0 ? -1 : 0;
    if (status != R_RUNNING) return 0;
    aio_remote *r = remote_of(task);
    gc_msg *m = msg && msg != AI_NONE ? gc_msg_pack(msg) : NULL;
    if (msg && msg != AI_NONE && !m) exc_clear();
    send_ctl(r->child, CTL_CANCEL, m);
    r = remote_of(task);
    /* its next slot is now (a pending cancellation wakes a task at once) */
    if (r->timer) {
        aio_handle_cancel(r->timer);
        r->timer = 0;
        if (aio_call_soon(aio_fut(task)->loop, AIO_CB(AIO_CB_REMOTE_STEP), task, 0, 0) < 0) return -1;
    } else if (r->idle) {
        r->idle = false;
        if (aio_call_soon(aio_fut(task)->loop, AIO_CB(AIO_CB_REMOTE_STEP), task, 0, 0) < 0) return -1;
    }
    return 1;
}

/* The end of asyncio.run: children still running (tasks they left behind,
 * or stuck) are cancelled and replayed to their end. */
void aio_remote_shutdown(ai_value loop) {
    (void)loop;
    aio_state *st = aio_state_get();
    remote_actor *ra = st->remote;
    if (!ra || !ra->live) return;
    for (int64_t i = 0; i < ra->ntasks; i++) {
        ai_value task = ra->tasks[i];
        if (!task || !aio_tsk(task)->remote || remote_status(task) != R_RUNNING) continue;
        aio_remote *r = remote_of(task);
        send_ctl(r->child, CTL_CANCEL_ALL, NULL);
        while (remote_of(task)->status == R_RUNNING) {
            r = remote_of(task);
            if (r->timer) {
                aio_handle_cancel(r->timer);
                r->timer = 0;
            }
            if (r->needs_go && !r->go_sent) {
                send_ctl(r->child, CTL_GO, NULL);
                r->go_sent = true;
            }
            remote_event scratch;
            if (replay(task, next_event(task, &scratch)) < 0) exc_clear();
        }
    }
}

int aio_remote_wait(ai_value loop, double timeout) {
    (void)loop;
    if (timeout < 0) {
        /* nothing can ever happen: CPython would block in select() for
         * ever; so do we, parked */
        for (;;) sched_sleep(INT64_C(3600) * 1000000000);
    }
    /* CPython's selector rounds a timeout up to whole milliseconds
     * (selectors.EpollSelector.select: math.ceil(timeout * 1e3) * 1e-3),
     * so every timer due within that millisecond fires in the same
     * iteration: two tasks that sleep the same delay, set a few
     * microseconds apart, wake together. Sleeping exactly to the first
     * deadline would wake them one iteration apart. */
    if (timeout > 0) sched_sleep((int64_t)(ceil(timeout * 1e3) * 1e6));
    return 0;
}

/* ---- the child's side ------------------------------------------------------------------------------- */

static void apply_ctl(remote_actor *ra, remote_ctl *c, ai_value loop, bool *go) {
    if (c->kind == CTL_GO) {
        *go = true;
    } else if (c->kind == CTL_CANCEL) {
        ai_value msg = AI_NONE;
        if (c->msg) {
            gc_msg *m = c->msg;
            c->msg = NULL;
            msg = gc_msg_unpack(m);
            if (!msg) {
                exc_clear();
                msg = AI_NONE;
            }
        }
        if (ra->root && aio_cancel_any(ra->root, msg) < 0) exc_clear();
    } else if (c->kind == CTL_CANCEL_ALL) {
        ai_value ts = aio_loop_tasks(loop);
        ai_value l = ts ? list_from_iter(ts) : 0;
        if (!l) {
            exc_clear();
        } else {
            for (int64_t i = 0; i < list_obj(l)->len; i++)
                if (aio_cancel_any(list_obj(l)->items[i], AI_NONE) < 0) exc_clear();
        }
    }
    ctl_drop(&c->hdr);
}

/* The state of the child's loop after an iteration. */
static int child_state(ai_value loop, double *when, double *order) {
    if (aio_loop_ready_count(loop)) return ST_READY;
    if (aio_loop_first_timer(loop, when, order)) return ST_TIMER;
    return ST_IDLE;
}

/* Send the event of the iteration that just ended (finished: the last). */
static void report(remote_actor *ra, ai_value loop, bool finished) {
    aio_state *st = aio_state_get();
    remote_event *ev = calloc(1, sizeof *ev);
    if (!ev) return;
    ev->hdr.drop = event_drop;
    ev->id = ra->id;
    ev->ntasks = st->task_counter - ra->counter_at_report;
    ra->counter_at_report = st->task_counter;
    if (st->out) {
        ev->out = *st->out;
        memset(st->out, 0, sizeof *st->out);
    }
    if (st->err) {
        ev->err = *st->err;
        memset(st->err, 0, sizeof *st->err);
    }
    ai_value root = ra->root;
    if (root && !ra->reported_done && aio_fut(root)->state != AIO_PENDING) {
        ra->reported_done = true;
        aio_future *f = aio_fut(root);
        ai_value v;
        if (f->state == AIO_CANCELLED) {
            ev->done = DONE_CANCELLED;
            v = aio_make_cancelled_error(root);
        } else if (f->exception) {
            ev->done = DONE_EXCEPTION;
            f->log_tb = false;
            v = f->exception;
        } else {
            ev->done = DONE_RESULT;
            v = f->result;
        }
        ev->payload = v ? gc_msg_pack(v) : NULL;
        if (!ev->payload) {
            /* the result cannot be sent: the parent gets the TypeError */
            ev->done = DONE_EXCEPTION;
            ai_value e = exc_pending() ? ai_exc_fetch() : 0;
            ev->payload = e ? gc_msg_pack(e) : NULL;
            exc_clear();
        }
    }
    if (root && aio_fut(root)->state == AIO_PENDING) {
        /* where it waits, for a repr in the parent (CPython's shows the
         * coroutine's line and the future it waits for) */
        aio_task *t = aio_tsk(root);
        if (t->coro && gen_check_any(t->coro) && gen_obj(t->coro)->state != GEN_DONE) ev->line = gen_obj(t->coro)->line;
        if (t->fut_waiter && t->park) ev->waiter = "Future";
        else if (t->fut_waiter && ai_type_of(t->fut_waiter) == &aio_future_type)
            ev->waiter = aio_fut(t->fut_waiter)->kind == AIO_FUT_GATHER ? "_GatheringFuture" : "Future";
    }
    double order = 0;
    ev->state = finished ? ST_FINISHED : child_state(loop, &ev->when, &order);
    double now = aio_loop_time(loop);
    ev->dur = now - ra->iter_start;
    if (ev->state == ST_TIMER) ev->rel = order - ra->iter_start;
    mbox_send(ra->parent, &ev->hdr);
}

/* Is there nothing left that anyone could see: the root is done, no task
 * is pending, no timer is set, and no Python callback is due? Then the
 * child ends now rather than at its next slot (a leaf of a tree of tasks
 * ends with its first iteration). */
static bool nothing_left(remote_actor *ra, ai_value loop) {
    if (!ra->root || aio_fut(ra->root)->state == AIO_PENDING || aio_loop_pending_tasks(loop)) return false;
    double when;
    if (aio_loop_first_timer(loop, &when, NULL)) return false;
    ai_value e[4];
    aio_ready_cursor c;
    aio_loop_cursor(loop, &c);
    while (aio_loop_next(&c, e))
        if (e[0] == AIO_CB(AIO_CB_PYCALL) || e[0] == AIO_CB(AIO_CB_PYCALL1)) return false;
    return true;
}

/* The child loop's iteration boundary (loop.c calls it where a loop
 * would wait): report the iteration that ended, then wait for GO,
 * applying cancellations that arrive meanwhile. 1: nothing is left, the
 * child has sent its last event and its loop must stop. */
int aio_remote_child_boundary(ai_value loop) {
    aio_state *st = aio_state_get();
    remote_actor *ra = st->remote;
    if (!ra->first_done) {
        ra->first_done = true; /* the spawn was the first GO */
        ra->iter_start = aio_loop_time(loop);
        return 0;
    }
    if (ra->finished) return 1;
    if (nothing_left(ra, loop)) {
        report(ra, loop, true);
        ra->finished = true;
        return 1;
    }
    report(ra, loop, false);
    bool go = false;
    while (!go) {
        mbox_msg_t *m = mbox_receive(-1, match_ctl, NULL);
        if (m) apply_ctl(ra, (remote_ctl *)(void *)m, loop, &go);
    }
    ra->iter_start = aio_loop_time(loop);
    return 0;
}

aio_state *aio_actor_begin(void) {
    alloc_heap *h = alloc_heap_new();
    if (!h) {
        fputs("aithon: out of memory for an actor's heap\n", stderr);
        abort();
    }
    actor_self()->heap = h;
    alloc_heap_enter(h);
    return aio_state_get();
}

static void child_main(void *arg) {
    spawn_args *sa = arg;
    aio_state *st = aio_actor_begin();
    remote_actor *ra = remote_actor_get(st);
    ra->is_child = true;
    ra->parent = sa->parent;
    ra->id = sa->id;
    st->capture = true;
    st->task_counter = sa->counter;
    ra->counter_at_report = sa->counter;
    ai_value roots[3] = {0, 0, 0};
    gc_roots_push(&ra->frame, roots, 3);
    ai_value args = gc_msg_unpack(sa->args);
    ai_value name = str_from_cstr(sa->name);
    ai_value loop = aio_loop_new();
    roots[0] = args;
    roots[1] = loop;
    ai_gen *g = args && name && loop
                    ? gen_make(&ai_coro_type, GEN_CORO, sa->info, (void *)sa->thunk, tuple_obj(args)->items,
                               tuple_obj(args)->len)
                    : NULL;
    ai_value task = 0;
    if (g) {
        st->loop = loop;
        /* the root keeps the parent's name and number (it is not a new
         * task: it must not advance the counter its children count on) */
        task = aio_task_new(loop, ai_val(g), name);
        st = aio_state_get();
        st->task_counter = sa->counter;
    }
    if (task) {
        roots[2] = task;
        ra->root = task;
        aio_tsk(task)->inline_root = true;
        aio_unretrieved_begin(st);
        if (aio_loop_run_until(loop, task) < 0) exc_clear();
        /* The tasks it left behind go on until they are done; each
         * iteration still begins with a report and waits for GO (when
         * nothing is scheduled, the report says IDLE and only a
         * cancellation from the parent brings a GO). */
        for (;;) {
            double when;
            if (ra->finished) break;
            if (!aio_loop_ready_count(loop) && !aio_loop_first_timer(loop, &when, NULL) && !aio_loop_pending_tasks(loop))
                break;
            if (aio_loop_run_iteration(loop) < 0) exc_clear();
        }
        aio_remote_shutdown(loop);
        st = aio_state_get();
        aio_report_unretrieved(st);
    } else {
        /* could not even start: the parent gets the exception */
        ai_value e = exc_pending() ? ai_exc_fetch() : 0;
        if (e) {
            ai_value t = aio_future_new(loop ? loop : AI_NONE);
            if (t) {
                aio_future_set_exception(t, e);
                ra->root = t;
            }
        }
        exc_clear();
    }
    if (!ra->finished) report(ra, loop, true);
    ra->finished = true;
    gc_roots_pop(&ra->frame);
    st->loop = 0;
    actor_release(sa->parent);
    free(sa->name);
    free(sa);
}

/* ---- the end of an actor ------------------------------------------------------------------------ */

void aio_state_free(aio_state *st) {
    remote_actor *ra = st->remote;
    if (ra) {
        gc_vals_free(ra->tasks);
        free(ra);
    }
    if (st->out) free(st->out->p);
    if (st->err) free(st->err->p);
    free(st->out);
    free(st->err);
    free(st);
}
