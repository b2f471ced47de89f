/*
 * asyncio/future.c — Future and Task, as CPython 3.11's futures.py and
 * tasks.py define them (their C accelerator behaves the same).
 *
 * A Future holds a result or an exception, or is cancelled, and runs its
 * done-callbacks through the loop's call_soon when it leaves PENDING.
 * The first callback is stored inline (most futures have exactly one:
 * the task waiting for it); further ones in a list of (fn, arg) pairs.
 *
 * A Task drives a coroutine (objects/gen.h). Its step is CPython's
 * Task.__step: apply a pending cancellation, resume the coroutine (send
 * None, or throw the exception), then react to what happened: the
 * coroutine returned (set_result), raised (set_exception; CancelledError
 * cancels the task), or suspended on a future (register the wake-up;
 * cancel that future too when a cancellation is pending), or yielded None
 * (run again in the next iteration). __wakeup turns the awaited future's
 * outcome into the next step.
 *
 * The root task of a run executes inline on the loop's stack (aio.h): its
 * first step calls the coroutine's body directly; its later steps only
 * mark it woken, and the nested loop that waits for that returns into it.
 *
 * "Task exception was never retrieved": a future whose exception nobody
 * read (result(), exception(), or a task awaiting it) is reported when
 * its run ends (aio_report_unretrieved), since without reference
 * counting the moment CPython reports it — the object's death — is not
 * known.
 */
#include "asyncio/aio.h"

#include "sched/actor.h"
#include "sched/sched.h"
#include "sched/task.h"

#include <stdlib.h>
#include <time.h>

/* ---- the exceptions ---------------------------------------------------------------- */

#define AIO_EXC(NAME, BASE, MOD)                                                           \
    ai_type aio_##NAME = {.ob = {(uintptr_t)&ai_type_type},                                \
                          .name = #NAME,                                                    \
                          .module = MOD,                                                    \
                          .base = BASE,                                                     \
                          .flags = AI_TF_EXCEPTION,                                         \
                          .basicsize = sizeof(ai_exc),                                      \
                          .repr = NULL,                                                     \
                          .gc_visit = NULL,                                                 \
                          .gc_size = alloc_fixed_size,                                      \
                          .slots = NULL};

/* These copy repr/str/visit/slots from BaseException at module init
 * (aio_exc_types_init), since exc.c keeps its slot functions static. */
AIO_EXC(CancelledError, &ai_exc_BaseException, "asyncio.exceptions")
AIO_EXC(InvalidStateError, &ai_exc_Exception, "asyncio.exceptions")
AIO_EXC(QueueEmpty, &ai_exc_Exception, "asyncio.queues")
AIO_EXC(QueueFull, &ai_exc_Exception, "asyncio.queues")
AIO_EXC(BrokenBarrierError, &ai_exc_RuntimeError, "asyncio.exceptions")

void aio_exc_types_init(void) {
    ai_type *ts[] = {&aio_CancelledError, &aio_InvalidStateError, &aio_QueueEmpty, &aio_QueueFull,
                     &aio_BrokenBarrierError};
    for (size_t i = 0; i < sizeof ts / sizeof *ts; i++) {
        if (ts[i]->gc_visit) continue;
        ts[i]->repr = ai_exc_Exception.repr;
        ts[i]->str = ai_exc_Exception.str;
        ts[i]->gc_visit = ai_exc_Exception.gc_visit;
        ts[i]->slots = ai_exc_Exception.slots;
    }
}

/* ---- futures -------------------------------------------------------------------------- */

/* (slot by slot, not through an array of their addresses: every
 * collection visits every pending task, 200,000 of them in spawn_many) */
#define VISIT(slot)                         \
    do {                                    \
        if (slot) visit(&(slot), ctx);      \
    } while (0)
static void future_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    aio_future *f = (aio_future *)o;
    VISIT(f->loop);
    VISIT(f->result);
    VISIT(f->exception);
    VISIT(f->cb0_fn);
    VISIT(f->cb0_arg);
    VISIT(f->rare);
    if (ai_type_of_obj(o) == &aio_task_type) {
        aio_task *t = (aio_task *)o;
        VISIT(t->coro);
        VISIT(t->name);
        VISIT(t->fut_waiter);
        VISIT(t->remote);
        VISIT(t->tprev);
        VISIT(t->tnext);
    }
}

static void rare_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    aio_rare *x = (aio_rare *)o;
    VISIT(x->cancel_msg);
    VISIT(x->cancelled_exc);
    VISIT(x->cbs);
    VISIT(x->children);
    VISIT(x->inline_exc);
    VISIT(x->context);
}
#undef VISIT

static ai_type aio_rare_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "future_rare_fields",
    .module = "_asyncio",
    .base = &ai_object_type,
    .basicsize = sizeof(aio_rare),
    .repr = obj_default_repr,
    .gc_visit = rare_visit,
    .gc_size = alloc_fixed_size,
};

aio_rare *aio_rare_get(aio_future *f) {
    if (f->rare) return (aio_rare *)ai_obj(f->rare);
    ai_value fv = ai_val(f);
    aio_rare *x = ai_alloc(&aio_rare_type, sizeof(aio_rare));
    if (!x) return NULL;
    f = aio_fut(fv);
    f->rare = ai_val(x);
    gc_barrier(f, f->rare);
    return x;
}

int aio_rare_store(aio_future *f, size_t off, ai_value v) {
    aio_rare *x = aio_rare_get(f);
    if (!x) return -1;
    *(ai_value *)(void *)((char *)x + off) = v;
    gc_barrier(x, v);
    return 0;
}

static aio_future *future_alloc(ai_type *t, size_t size, ai_value loop) {
    aio_future *f = ai_alloc(t, size);
    if (!f) return NULL;
    f->loop = loop;
    return f;
}

ai_value aio_future_new(ai_value loop) {
    aio_future *f = future_alloc(&aio_future_type, sizeof(aio_future), loop);
    return f ? ai_val(f) : AI_ERR;
}

/* A plain future that finished with None and that nothing refers to
 * any more, made pending again for its owner's next wait (queues.c's
 * getters: a hand-off allocated one per get() on an empty queue, which
 * was all that ring allocated). Only the object's sole owner may call
 * this, after the wait it was made for has returned: the task that
 * awaited it cleared its fut_waiter at its step, the callbacks were
 * scheduled and dropped, and a plain future's identity is never shown
 * (its repr has no address). False (and nothing changed) when it is not
 * in that state. */
bool aio_future_recycle(ai_value fut, ai_value loop) {
    aio_future *f = aio_fut(fut);
    if (ai_type_of_obj(&f->ob) != &aio_future_type || f->kind != AIO_FUT_PLAIN || f->loop != loop ||
        f->state != AIO_FINISHED || f->result != AI_NONE || f->exception || f->cb0_fn || AIO_RARE(f, cbs) || f->ahead ||
        f->log_tb)
        return false;
    f->state = AIO_PENDING;
    f->result = 0;
    f->rare = 0; /* (its fields are all 0 but the two below) */
    f->blocking = false;
    f->cancel_requested = false;
    return true;
}

/* Store v into a slot of f (the write barrier's rule, gc.h G7). */
static void fset(aio_future *f, ai_value *slot, ai_value v) {
    *slot = v;
    gc_barrier(f, v);
}

static int schedule_callbacks(aio_future *f) {
    ai_value fut = ai_val(f);
    ai_value fn = f->cb0_fn, arg = f->cb0_arg, more = AIO_RARE(f, cbs);
    f->cb0_fn = f->cb0_arg = 0;
    if (more) aio_rare_of(f)->cbs = 0;
    if (!fn) return 0;
    /* a C callback gets (its arg, the future); a Python one (fn, the future) */
    int rc = ai_is_smallint(fn) ? aio_call_soon(f->loop, fn, arg, fut, 0)
                                : aio_call_soon(f->loop, AIO_CB(AIO_CB_PYCALL1), fn, fut, 0);
    if (rc < 0) return -1;
    if (!more) return 0;
    ai_list *l = list_obj(more);
    for (int64_t i = 0; i + 1 < l->len; i += 2) {
        fn = l->items[i];
        arg = l->items[i + 1];
        rc = ai_is_smallint(fn) ? aio_call_soon(f->loop, fn, arg, fut, 0)
                                : aio_call_soon(f->loop, AIO_CB(AIO_CB_PYCALL1), fn, fut, 0);
        if (rc < 0) return -1;
    }
    return 0;
}

int aio_future_add_cb(ai_value fut, ai_value fn, ai_value arg) {
    aio_future *f = aio_fut(fut);
    if (f->state != AIO_PENDING) {
        return ai_is_smallint(fn) ? aio_call_soon(f->loop, fn, arg, fut, 0)
                                  : aio_call_soon(f->loop, AIO_CB(AIO_CB_PYCALL1), fn, fut, 0);
    }
    if (!f->cb0_fn) {
        fset(f, &f->cb0_fn, fn);
        fset(f, &f->cb0_arg, arg);
        return 0;
    }
    if (!AIO_RARE(f, cbs)) {
        ai_value l = list_new(2);
        if (!l) return -1;
        if (AIO_RARE_SET(aio_fut(fut), cbs, l) < 0) return -1;
        f = aio_fut(fut);
    }
    ai_value cbs = AIO_RARE(f, cbs);
    if (ai_list_append(cbs, fn) < 0 || ai_list_append(cbs, arg ? arg : AI_NONE) < 0) return -1;
    return 0;
}

/* CPython's C futures word it so (the pure-Python ones add the state). */
static int invalid_state(aio_future *f) {
    (void)f;
    ai_raise_msg(&aio_InvalidStateError, "invalid state");
    return -1;
}

int aio_future_set_result(ai_value fut, ai_value v) {
    aio_future *f = aio_fut(fut);
    if (f->state != AIO_PENDING) return invalid_state(f);
    fset(f, &f->result, v);
    f->state = AIO_FINISHED;
    return schedule_callbacks(f);
}

/* Futures whose exception may never be retrieved, for the report at the
 * end of the run: a list in the actor's asyncio state. */
static void note_unretrieved(aio_future *f);

int aio_future_set_exception(ai_value fut, ai_value exc) {
    aio_future *f = aio_fut(fut);
    if (f->state != AIO_PENDING) return invalid_state(f);
    if (!ai_is_smallint(exc) && ai_type_of(exc) == &ai_type_type) exc = ai_call(exc, NULL, 0, 0);
    else if (!ai_is_smallint(exc) && ai_type_of(exc)->ob.hdr && cls_isinstance(exc, &ai_type_type)) exc = ai_call(exc, NULL, 0, 0);
    if (!exc) return -1;
    if (!obj_isinstance(exc, &ai_exc_BaseException) && !cls_isinstance(exc, &ai_exc_BaseException)) {
        ai_raise_msg(&ai_exc_TypeError, "invalid exception object");
        return -1;
    }
    if (ai_type_of(exc) == &ai_exc_StopIteration) {
        ai_raise_msg(&ai_exc_TypeError,
                     "StopIteration interacts badly with generators and cannot be raised into a Future");
        return -1;
    }
    fset(f, &f->exception, exc);
    f->state = AIO_FINISHED;
    if (schedule_callbacks(f) < 0) return -1;
    f->log_tb = true;
    note_unretrieved(f);
    return 0;
}

int aio_future_cancel(ai_value fut, ai_value msg) {
    aio_future *f = aio_fut(fut);
    f->log_tb = false;
    if (f->state != AIO_PENDING) return 0;
    if (AIO_RARE_SET(f, cancel_msg, msg == AI_NONE ? 0 : msg) < 0) return -1;
    f = aio_fut(fut);
    f->state = AIO_CANCELLED;
    return schedule_callbacks(f) < 0 ? -1 : 1;
}

ai_value aio_make_cancelled_error(ai_value fut) {
    aio_future *f = aio_fut(fut);
    if (AIO_RARE(f, cancelled_exc)) {
        ai_value e = AIO_RARE(f, cancelled_exc);
        aio_rare_of(f)->cancelled_exc = 0;
        return e;
    }
    ai_value msg = AIO_RARE(f, cancel_msg);
    ai_value args = msg ? ai_tuple_pack(&msg, 1) : ai_val(&tuple_empty_obj);
    if (!args) return AI_ERR;
    return exc_new(&aio_CancelledError, args);
}

ai_value aio_future_result(ai_value fut) {
    aio_future *f = aio_fut(fut);
    if (f->state == AIO_CANCELLED) {
        ai_value e = aio_make_cancelled_error(fut);
        if (!e) return AI_ERR;
        return ai_raise(e, 0);
    }
    if (f->state != AIO_FINISHED) return ai_raise_msg(&aio_InvalidStateError, "Result is not set.");
    f->log_tb = false;
    if (f->exception) {
        /* raise with the stored traceback: re-raising keeps its frames */
        exc_set_pending(f->exception);
        return AI_ERR;
    }
    return f->result;
}

ai_value aio_future_exception(ai_value fut, bool *err) {
    aio_future *f = aio_fut(fut);
    *err = false;
    if (f->state == AIO_CANCELLED) {
        ai_value e = aio_make_cancelled_error(fut);
        *err = true;
        if (e) ai_raise(e, 0);
        return AI_ERR;
    }
    if (f->state != AIO_FINISHED) {
        *err = true;
        return ai_raise_msg(&aio_InvalidStateError, "Exception is not set.");
    }
    f->log_tb = false;
    return f->exception;
}

ai_value aio_future_await(ai_value fut) {
    aio_future *f = aio_fut(fut);
    if (f->ahead) return aio_ahead_await(fut);
    if (f->state == AIO_PENDING) {
        f->blocking = true;
        if (!coro_suspend(fut)) return AI_ERR;
        f = aio_fut(fut);
        if (f->state == AIO_PENDING) return ai_raise_msg(&ai_exc_RuntimeError, "await wasn't used with future");
    }
    return aio_future_result(fut);
}

/* ---- tasks ---------------------------------------------------------------------------------- */

ai_value aio_task_new(ai_value loop, ai_value coro, ai_value name) {
    aio_task *t = (aio_task *)future_alloc(&aio_task_type, sizeof(aio_task), loop);
    if (!t) return AI_ERR;
    t->fut.kind = AIO_FUT_TASK;
    aio_state *st = aio_state_get();
    /* CPython 3.11 counts every task, named or not */
    int64_t number = ++st->task_counter;
    if (!name) {
        /* "Task-N", spelled out only when asked for (task_name) */
        name = ai_smallint(number);
    } else if (!str_check(name)) {
        name = ai_str(name);
        if (!name) return AI_ERR;
    }
    t = (aio_task *)ai_obj(ai_val(t));
    fset(&t->fut, &t->name, name);
    fset(&t->fut, &t->coro, coro);
    /* contextvars: the task runs in (a copy of) its creator's context */
    ai_value ctx = exc_task()->context;
    if (ctx && AIO_RARE_SET(&t->fut, context, ctx) < 0) return AI_ERR;
    t = (aio_task *)ai_obj(ai_val(t));
    if (gen_check_any(coro)) gen_obj(coro)->started_by_await = true;
    ai_value tv = ai_val(t);
    if (aio_call_soon(loop, AIO_CB(AIO_CB_TASK_STEP), tv, 0, 0) < 0) return AI_ERR;
    aio_loop_add_task(loop, tv);
    return tv;
}

/* A task's name: the str it was given, or "Task-N" made from the number
 * it holds until then (most names are never read). NULL on error. */
ai_value aio_task_name(aio_task *t) {
    if (!ai_is_smallint(t->name)) return t->name;
    char buf[40];
    snprintf(buf, sizeof buf, "Task-%lld", (long long)ai_smallint_get(t->name));
    ai_value n = str_from_cstr(buf);
    if (n) fset(&t->fut, &t->name, n);
    return n;
}


/* The task is done: it leaves the registry of pending tasks. */
static void task_done(aio_task *t) { aio_loop_remove_task(t->fut.loop, ai_val(t)); }

/* The coroutine ended: returned r (rc 0) or raised (rc -1, pending). */
static int task_finish(ai_value task, int32_t rc, ai_value r) {
    aio_task *t = aio_tsk(task);
    int res;
    if (rc == 0) {
        if (t->must_cancel) {
            t->must_cancel = false;
            res = aio_future_cancel(task, AIO_RARE(&t->fut, cancel_msg) ? AIO_RARE(&t->fut, cancel_msg) : AI_NONE) < 0 ? -1 : 0;
        } else {
            res = aio_future_set_result(task, r);
        }
        task_done(t);
        return res;
    }
    ai_value exc = ai_exc_fetch();
    if (aio_is_cancelled_error(exc)) {
        res = AIO_RARE_SET(&t->fut, cancelled_exc, exc) < 0 || aio_future_cancel(task, AI_NONE) < 0 ? -1 : 0;
        task_done(t);
        return res;
    }
    bool fatal = obj_isinstance(exc, &ai_exc_KeyboardInterrupt) || obj_isinstance(exc, &ai_exc_SystemExit);
    res = aio_future_set_exception(task, exc);
    task_done(t);
    if (res < 0) return -1;
    if (fatal) {
        aio_fut(task)->log_tb = false;
        exc_set_pending(exc);
        return -1;
    }
    return 0;
}

static ai_value task_repr_str(ai_value task);

/* A RuntimeError thrown into the task at its next step: the message is
 * p1 repr(a) p2 repr(b) (b may be 0). */
static int step_again_with(ai_value task, const char *p1, ai_value a, const char *p2, ai_value b) {
    strbuf sb;
    sb_init(&sb);
    sb_adds(&sb, p1);
    ai_value ra = ai_repr(a);
    if (!ra) goto fail;
    sb_add_str(&sb, ra);
    sb_adds(&sb, p2);
    if (b) {
        ai_value rb = ai_repr(b);
        if (!rb) goto fail;
        sb_add_str(&sb, rb);
    }
    sb_addc(&sb, 0);
    ai_raise_msg(&ai_exc_RuntimeError, sb.p);
    sb_free(&sb);
    ai_value e = ai_exc_fetch();
    return aio_call_soon(aio_tsk(task)->fut.loop, AIO_CB(AIO_CB_TASK_STEP), task, e, 0);
fail:
    sb_free(&sb);
    return -1;
}

/* ---- direct waits (aio.h): a task parked without a future ---------------------------------- */

ai_value aio_park_task(void) {
    /* (the green thread looked up once for both the actor's state and
     * the running body: what aio_state_peek and gen_current read) */
    task_t *ct = sched_current();
    if (!ct || !ct->actor || !ct->actor->aio) return 0;
    aio_state *st = ct->actor->aio;
    ai_value task = st->current;
    if (!task || !aio_is_task(task)) return 0;
    aio_task *t = aio_tsk(task);
    if (t->remote || !gen_check_any(t->coro)) return 0;
    /* inside an async generator or a plain generator's body the
     * suspension would go to it, not to the task's step (coro_suspend's
     * cases: the inline root waits at its base level) */
    ai_gen *g = (ai_gen *)ct->gen_current;
    if (t->inline_root) return st->inline_task == task && g == st->inline_base ? task : 0;
    return g == gen_obj(t->coro) && g != st->inline_base ? task : 0;
}

ai_value aio_task_park(ai_value task, ai_value on, int *how) {
    aio_task *t = aio_tsk(task);
    t->park = AIO_PARK_WAITING;
    /* aio_task_handle_yield sees `park` and makes `on` the waiter */
    ai_value r = t->inline_root ? aio_inline_suspend(on) : gen_suspend(gen_obj(t->coro), on, true);
    t = aio_tsk(task);
    *how = t->park;
    t->park = AIO_PARK_NONE;
    return r;
}

int aio_task_unpark(ai_value task) { return aio_task_unpark_as(task, AI_NONE); }

int aio_task_unpark_as(ai_value task, ai_value result) {
    aio_task *t = aio_tsk(task);
    t->park = AIO_PARK_WOKEN;
    t->park_result = result == AI_TRUE ? 1 : result == AI_FALSE ? 2 : 0;
    /* where the future's set_result would have put Task.__wakeup */
    return aio_call_soon(t->fut.loop, AIO_CB(AIO_CB_TASK_STEP), task, 0, 0);
}

/* The parked future's cancel(msg): the task's step throws CancelledError
 * (msg) in, as Task.__wakeup does with the cancelled future's result(). */
static int park_cancel(ai_value task, ai_value msg) {
    aio_tsk(task)->park = AIO_PARK_CANCELLED;
    ai_value args = msg != AI_NONE ? ai_tuple_pack(&msg, 1) : ai_val(&tuple_empty_obj);
    ai_value e = args ? exc_new(&aio_CancelledError, args) : AI_ERR;
    if (!e) return -1;
    return aio_call_soon(aio_tsk(task)->fut.loop, AIO_CB(AIO_CB_TASK_STEP), task, e, 0);
}

int aio_task_handle_yield(ai_value task, ai_value y) {
    aio_task *t = aio_tsk(task);
    if (t->park == AIO_PARK_WAITING) {
        /* parked (aio_task_park): no callback, its waker steps it */
        fset(&t->fut, &t->fut_waiter, y);
        if (t->must_cancel) {
            if (park_cancel(task, AIO_RARE(&t->fut, cancel_msg) ? AIO_RARE(&t->fut, cancel_msg) : AI_NONE) < 0) return -1;
            aio_tsk(task)->must_cancel = false;
        }
        return 0;
    }
    if (aio_is_future(y)) {
        aio_future *f = aio_fut(y);
        if (f->loop != t->fut.loop)
            return step_again_with(task, "Task ", task, " got Future attached to a different loop", 0);
        if (!f->blocking) return step_again_with(task, "yield was used instead of yield from in task ", task, " with ", y);
        if (y == task) return step_again_with(task, "Task cannot await on itself: ", task, "", 0);
        f->blocking = false;
        if (aio_future_add_cb(y, AIO_CB(AIO_CB_TASK_WAKEUP), task) < 0) return -1;
        t = aio_tsk(task);
        fset(&t->fut, &t->fut_waiter, y);
        if (t->must_cancel) {
            int c = aio_future_cancel(y, AIO_RARE(&t->fut, cancel_msg) ? AIO_RARE(&t->fut, cancel_msg) : AI_NONE);
            if (c < 0) return -1;
            if (c) aio_tsk(task)->must_cancel = false;
        }
        return 0;
    }
    if (y == AI_NONE) return aio_call_soon(t->fut.loop, AIO_CB(AIO_CB_TASK_STEP), task, 0, 0);
    if (obj_is_type(y, &ai_gen_type))
        return step_again_with(task, "yield was used instead of yield from for generator in task ", task, " with ", y);
    return step_again_with(task, "Task got bad yield: ", y, "", 0);
}

/* contextvars (stdlib/contextvars.py): a task's context is the dict it
 * runs in, or the contextvars.Context it was given (create_task's
 * context=), whose `_data` it reads at each step and writes back after,
 * as CPython's task mutates the Context it runs in. */
static int task_context_enter(aio_task *t, ai_task_core *tc) {
    ai_value c = AIO_RARE(&t->fut, context);
    if (c && !dict_check(c)) {
        c = ai_getattr(c, str_from_cstr("_data"));
        if (!c) return -1;
        if (c == AI_NONE) c = 0;
    }
    tc->context = c;
    return 0;
}

static int task_context_leave(aio_task *t, ai_value data) {
    ai_value c = AIO_RARE(&t->fut, context);
    if (c && !dict_check(c)) return ai_setattr(c, str_from_cstr("_data"), data ? data : AI_NONE) < 0 ? -1 : 0;
    return AIO_RARE_SET(&t->fut, context, data);
}

int aio_task_step_cb(ai_value task, ai_value exc) {
    aio_task *t = aio_tsk(task);
    if (t->fut.state != AIO_PENDING) {
        ai_value r = ai_repr(task);
        int64_t n;
        const char *s = r ? str_utf8(r, &n) : "?";
        ai_raise_fmt(&aio_InvalidStateError, "_step(): already done: %s, %s", s, exc ? "exception" : "None");
        return -1;
    }
    if (t->must_cancel) {
        if (!exc || !aio_is_cancelled_error(exc)) {
            exc = aio_make_cancelled_error(task);
            if (!exc) return -1;
        }
        t = aio_tsk(task);
        t->must_cancel = false;
    }
    t->fut_waiter = 0;
    if (t->remote) return aio_remote_step_cb(task, exc);
    if (t->inline_root && gen_obj(t->coro)->state != GEN_CREATED) {
        /* The inline root is suspended in its nested run: let it go on. */
        if (AIO_RARE_SET(&t->fut, inline_exc, exc) < 0) return -1;
        aio_tsk(task)->inline_woken = true;
        return 0;
    }
    /* (the actor's state and its green thread's core, not an OS
     * thread's: both valid across the step, which runs in this actor) */
    aio_state *ast = aio_state_get();
    ast->current = task; /* _enter_task */
    ai_task_core *tc = exc_task();
    ai_value outer_context = tc->context;
    if (task_context_enter(t, tc) < 0) {
        ast->current = 0;
        return -1;
    }
    t = aio_tsk(task);
    ai_gen *g = gen_obj(t->coro);
    ai_value out = 0;
    int32_t rc;
    struct timespec t0;
    if (t->localized) clock_gettime(CLOCK_MONOTONIC, &t0);
    if (t->inline_root) {
        /* First step of the root: its body runs right here, on the loop's
         * stack; it comes back only when the coroutine is finished. */
        if (exc) {
            g->state = GEN_DONE;
            exc_set_pending(exc);
            rc = -1;
        } else {
            aio_state *st = aio_state_get();
            ai_value saved = st->inline_task;
            ai_gen *saved_base = st->inline_base;
            st->inline_task = task;
            st->inline_base = gen_current();
            g->state = GEN_INLINE;
            out = g->thunk(tuple_obj(g->args)->items);
            g = gen_obj(aio_tsk(task)->coro);
            if (!out) gen_stop_iteration_check(g);
            g->state = GEN_DONE;
            g->args = ai_val(&tuple_empty_obj);
            st = aio_state_get();
            st->inline_task = saved;
            st->inline_base = saved_base;
            rc = out ? 0 : -1;
        }
    } else {
        if (exc) exc_set_pending(exc);
        rc = gen_resume(g, AI_NONE, exc != 0, &out);
    }
    t = aio_tsk(task);
    if (t->localized) {
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        int64_t ns = (int64_t)(t1.tv_sec - t0.tv_sec) * 1000000000 + (t1.tv_nsec - t0.tv_nsec);
        if (ns >= AIO_HEAVY_STEP_NS) aio_func_mark_heavy(gen_obj(t->coro)->info);
    }
    ai_value left_in = tc->context;
    tc->context = outer_context;
    if (task_context_leave(t, left_in) < 0) rc = -1;
    int res;
    if (rc == 1) res = aio_task_handle_yield(task, out);
    else res = task_finish(task, rc, out);
    ast->current = 0; /* _leave_task */
    return res;
}

int aio_task_wakeup_cb(ai_value task, ai_value fut) {
    aio_future *f = aio_fut(fut);
    if (f->state == AIO_CANCELLED || (f->state == AIO_FINISHED && f->exception)) {
        ai_value e;
        if (f->state == AIO_CANCELLED) {
            e = aio_make_cancelled_error(fut);
            if (!e) return -1;
        } else {
            f->log_tb = false;
            e = f->exception;
        }
        return aio_task_step_cb(task, e);
    }
    return aio_task_step_cb(task, 0);
}

int aio_task_cancel(ai_value task, ai_value msg) {
    aio_task *t = aio_tsk(task);
    t->fut.log_tb = false;
    if (t->fut.state != AIO_PENDING) return 0;
    t->num_cancels++;
    if (t->remote) {
        /* running as an actor: the cancellation travels to it (0: it has
         * not started, cancel it here as any task) */
        int r = aio_remote_cancel(task, msg);
        if (r) return r;
        t = aio_tsk(task);
    }
    if (t->park) {
        /* parked: only a pending wait cancels (a done future's cancel()
         * is False and the task's next step throws instead) */
        if (t->park == AIO_PARK_WAITING) return park_cancel(task, msg) < 0 ? -1 : 1;
    } else if (t->fut_waiter) {
        int c = aio_cancel_any(t->fut_waiter, msg);
        if (c < 0) return -1;
        if (c) return 1;
    }
    if (AIO_RARE_SET(&aio_tsk(task)->fut, cancel_msg, msg == AI_NONE ? 0 : msg) < 0) return -1;
    aio_tsk(task)->must_cancel = true;
    return 1;
}

/* fut.cancel(msg) for any future kind (tasks and gathering futures
 * cancel their own way). */
int aio_cancel_any(ai_value fut, ai_value msg) {
    aio_future *f = aio_fut(fut);
    if (f->kind == AIO_FUT_TASK) return aio_task_cancel(fut, msg);
    if (f->kind == AIO_FUT_GATHER) return aio_gather_cancel(fut, msg);
    return aio_future_cancel(fut, msg);
}

/* ---- unretrieved exceptions ------------------------------------------------------------------- */

typedef struct unretrieved {
    gc_rootframe frame;
    ai_value *vals;
    int64_t n, cap;
} unretrieved;


static unretrieved *unretrieved_list(void);

static void note_unretrieved(aio_future *f) {
    unretrieved *u = unretrieved_list();
    if (!u) return;
    if (u->n == u->cap) {
        int64_t ncap = u->cap ? 2 * u->cap : 16;
        ai_value *n = gc_vals_realloc(u->vals, ncap);
        if (!n) {
            exc_clear();
            return;
        }
        u->vals = n;
        u->cap = ncap;
    }
    u->vals[u->n++] = ai_val(f);
}

/* The list lives in the actor's asyncio state while a run is active. */
static unretrieved *unretrieved_list(void) {

    aio_state *st = aio_state_get();
    return (unretrieved *)st->unretrieved;
}

void aio_unretrieved_begin(aio_state *st) {
    if (st->unretrieved) return;
    st->unretrieved = calloc(1, sizeof(unretrieved));
}

/* Kept for the end of the program (aio_defer_unretrieved): the lists of
 * runs an exception escaped, reported by ai_finish_hook. */
static unretrieved *deferred;

static void report_list(unretrieved *u);

/* Tasks still pending in a loop that was closed: CPython says "Task was
 * destroyed but it is pending!" when they die, which for a loop closed
 * with tasks left in it is at the end of the program. */
static ai_value *abandoned;
static int64_t nabandoned;

static void report_abandoned(void) {
    for (int64_t i = 0; i < nabandoned; i++) {
        ai_value task = abandoned[i];
        aio_task *t = aio_tsk(task);
        if (t->fut.state != AIO_PENDING) continue;
        /* finalisation closed its coroutine first: "done, defined at" */
        if (t->coro && gen_check_any(t->coro) && !t->remote) gen_obj(t->coro)->state = GEN_DONE;
        aio_report_task_exception("Task was destroyed but it is pending!", 0, task);
    }
    gc_vals_free(abandoned);
    abandoned = NULL;
    nabandoned = 0;
}

static void report_deferred(void) {
    unretrieved *u = deferred;
    deferred = NULL;
    if (u) report_list(u);
    report_abandoned();
}

void aio_loop_closed_with(const ai_value *tasks, int64_t n) {
    if (!n) return;
    ai_value *v = abandoned ? gc_vals_realloc(abandoned, nabandoned + n) : gc_vals_alloc(n);
    if (!v) {
        exc_clear();
        return;
    }
    memcpy(v + nabandoned, tasks, (size_t)n * sizeof *v);
    abandoned = v;
    nabandoned += n;
    ai_finish_hook = report_deferred;
}

void aio_defer_unretrieved(aio_state *st) {
    unretrieved *u = st->unretrieved;
    if (!u) return;
    st->unretrieved = NULL;
    if (deferred) {
        /* an earlier run's list is waiting already: report it now */
        report_list(deferred);
    }
    deferred = u;
    ai_finish_hook = report_deferred;
}

void aio_report_unretrieved(aio_state *st) {
    unretrieved *u = st->unretrieved;
    if (!u) return;
    st->unretrieved = NULL;
    report_list(u);
}

static void report_list(unretrieved *u) {
    for (int64_t i = 0; i < u->n; i++) {
        aio_future *f = aio_fut(u->vals[i]);
        if (!f->log_tb) continue;
        f->log_tb = false;
        bool task = f->kind == AIO_FUT_TASK;
        aio_report_future_exception(task ? "Task exception was never retrieved"
                                         : "Future exception was never retrieved",
                                    u->vals[i], f->exception);
    }
    gc_vals_free(u->vals);
    free(u);
}

/* ---- repr ----------------------------------------------------------------------------------------- */

static bool add_repr(strbuf *b, ai_value v) {
    ai_value r = ai_repr(v);
    if (!r) return false;
    sb_add_str(b, r);
    return true;
}

/* One done-callback as _format_callbacks shows it: a Python callable
 * with no arguments, or one of ours by the name of CPython's. */
static bool add_callback(strbuf *b, ai_value fn, ai_value arg) {
    if (ai_is_smallint(fn)) return aio_format_cfn(b, (int)ai_smallint_get(fn), arg);
    return aio_format_callback(b, fn, NULL, 0);
}

/* " cb=[...]" for pending futures with callbacks: one, two, or the
 * first, "<N more>" and the last (futures._format_callbacks). */
static bool add_callbacks(strbuf *b, aio_future *f) {
    if (!f->cb0_fn) return true;
    sb_adds(b, " cb=[");
    ai_value fn0 = f->cb0_fn, arg0 = f->cb0_arg, cbs = AIO_RARE(f, cbs);
    int64_t n = 1 + (cbs ? list_obj(cbs)->len / 2 : 0);
    if (!add_callback(b, fn0, arg0)) return false;
    if (n > 2) sb_printf(b, ", <%lld more>", (long long)(n - 2));
    if (n >= 2) {
        sb_adds(b, ", ");
        int64_t last = list_obj(cbs)->len - 2;
        if (!add_callback(b, list_obj(cbs)->items[last], list_obj(cbs)->items[last + 1])) return false;
    }
    sb_addc(b, ']');
    return true;
}

/* "result=…" / "exception=…" / nothing, after the state word. */
static bool add_state(strbuf *b, aio_future *f) {
    static const char *const names[] = {"pending", "cancelled", "finished"};
    sb_adds(b, names[f->state]);
    if (f->state == AIO_FINISHED) {
        if (f->exception) {
            sb_adds(b, " exception=");
            if (!add_repr(b, f->exception)) return false;
        } else if (f->kind != AIO_FUT_TASK) {
            sb_adds(b, " result=");
            ai_value r = ai_repr(f->result);
            if (!r) return false;
            /* reprlib limits it to 80 characters */
            int64_t n;
            const char *s = str_utf8(r, &n);
            if (str_obj(r)->len > 80 && s && str_obj(r)->ascii) {
                sb_add(b, s, 37);
                sb_adds(b, "...");
                sb_add(b, s + n - 40, 40);
            } else {
                sb_add_str(b, r);
            }
        }
    }
    return true;
}

static ai_value future_repr(ai_value v) {
    aio_ahead_guard(); /* shows state other tasks change */
    aio_future *f = aio_fut(v);
    strbuf b;
    sb_init(&b);
    /* the class's name, as CPython's repr (gather's is _GatheringFuture) */
    sb_printf(&b, "<%s ", f->kind == AIO_FUT_GATHER ? "_GatheringFuture" : ai_type_of(v)->name);
    if (!add_state(&b, f) || (f->state == AIO_PENDING && !add_callbacks(&b, f))) {
        sb_free(&b);
        return AI_ERR;
    }
    sb_addc(&b, '>');
    return sb_finish(&b);
}

/* <coroutine-name() running at file:line> / done, defined at … */

static ai_value task_repr_str(ai_value v) {
    aio_ahead_guard(); /* shows state other tasks change */
    if (aio_tsk(v)->remote && aio_remote_materialize(v) < 0) return AI_ERR; /* its coroutine's line */
    aio_task *t = aio_tsk(v);
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "<Task ");
    static const char *const names[] = {"pending", "cancelled", "finished"};
    if (t->fut.state == AIO_PENDING && t->must_cancel) sb_adds(&b, "cancelling");
    else sb_adds(&b, names[t->fut.state]);
    sb_adds(&b, " name=");
    ai_value name = aio_task_name(t);
    if (!name || !add_repr(&b, name)) goto fail;
    sb_adds(&b, " coro=<");
    int32_t rline = 0;
    const char *rwaiter = NULL;
    bool remote_running = t->remote && t->fut.state == AIO_PENDING && aio_remote_running_at(v, &rline, &rwaiter);
    if (remote_running && t->coro && gen_check_any(t->coro) && gen_obj(t->coro)->info->code) {
        /* the coroutine runs in the child: its line as the child last
         * reported it */
        const ai_func_info *info = gen_obj(t->coro)->info;
        sb_printf(&b, "%s() running at %s:%d", info->qualname, info->code->filename,
                  rline ? rline : info->code->firstlineno);
    } else if (t->coro) {
        aio_state *st = aio_state_get();
        if (t->inline_root && st->current == v && st->root_line && gen_check_any(t->coro))
            gen_obj(t->coro)->line = st->root_line; /* the running root: its last await */
        coro_describe(&b, t->coro);
    }
    sb_addc(&b, '>');
    if (t->fut.state == AIO_FINISHED) {
        if (t->fut.exception) {
            sb_adds(&b, " exception=");
            if (!add_repr(&b, t->fut.exception)) goto fail;
        } else {
            sb_adds(&b, " result=");
            if (!add_repr(&b, t->fut.result)) goto fail;
        }
    }
    if (t->fut.state == AIO_PENDING) {
        if (t->fut_waiter && t->park) {
            /* the future CPython's primitive would have made */
            static const char *const results[] = {"None", "True", "False"};
            if (t->park == AIO_PARK_WOKEN)
                sb_printf(&b, " wait_for=<Future finished result=%s>", results[t->park_result % 3]);
            else
                sb_adds(&b, t->park == AIO_PARK_WAITING ? " wait_for=<Future pending cb=[Task.task_wakeup()]>"
                                                        : " wait_for=<Future cancelled>");
        } else if (t->fut_waiter) {
            sb_adds(&b, " wait_for=");
            if (!add_repr(&b, t->fut_waiter)) goto fail;
        } else if (remote_running && rwaiter) {
            sb_printf(&b, " wait_for=<%s pending cb=[Task.task_wakeup()]>", rwaiter);
        }
        if (!add_callbacks(&b, &t->fut)) goto fail;
    }
    sb_addc(&b, '>');
    return sb_finish(&b);
fail:
    sb_free(&b);
    return AI_ERR;
}

/* ---- the Python face --------------------------------------------------------------------------- */

#define METHOD(fn) AIO_METHOD(fn)
#define NOARGS(name)                                                                       \
    do {                                                                                   \
        (void)args;                                                                        \
        if (call_no_kwargs(name, kwnames) < 0 || call_exact_args(name, nargs, 0) < 0) \
            return AI_ERR;                                                                 \
    } while (0)

/* The optional `msg` argument of cancel(msg=None). */
static int msg_arg(const char *fname, const ai_value *args, int64_t nargs, ai_value kwnames, ai_value *msg) {
    *msg = AI_NONE;
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nargs + nkw > 1) {
        ai_raise_fmt(&ai_exc_TypeError, "%s() takes at most 1 argument (%lld given)", fname,
                     (long long)(nargs + nkw));
        return -1;
    }
    if (nargs == 1) *msg = args[0];
    if (nkw == 1) {
        if (!attr_name_is(tuple_obj(kwnames)->items[0], "msg")) {
            int64_t n;
            const char *s = str_utf8(tuple_obj(kwnames)->items[0], &n);
            ai_raise_fmt(&ai_exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, s ? s : "?");
            return -1;
        }
        *msg = args[0];
    }
    return 0;
}

METHOD(f_result) {
    NOARGS("result");
    return aio_future_result(self);
}

METHOD(f_exception) {
    NOARGS("exception");
    bool err;
    ai_value e = aio_future_exception(self, &err);
    if (err) return AI_ERR;
    return e ? e : AI_NONE;
}

METHOD(f_done) {
    NOARGS("done");
    return ai_bool(aio_fut(self)->state != AIO_PENDING);
}

METHOD(f_cancelled) {
    NOARGS("cancelled");
    return ai_bool(aio_fut(self)->state == AIO_CANCELLED);
}

METHOD(f_cancel) {
    ai_value msg;
    if (msg_arg("cancel", args, nargs, kwnames, &msg) < 0) return AI_ERR;
    int c = aio_cancel_any(self, msg);
    return c < 0 ? AI_ERR : ai_bool(c);
}

METHOD(f_set_result) {
    if (call_no_kwargs("set_result", kwnames) < 0 || call_exact_args("set_result", nargs, 1) < 0) return AI_ERR;
    if (aio_fut(self)->kind == AIO_FUT_TASK) return ai_raise_msg(&ai_exc_RuntimeError, "Task does not support set_result operation");
    return aio_future_set_result(self, args[0]) < 0 ? AI_ERR : AI_NONE;
}

METHOD(f_set_exception) {
    if (call_no_kwargs("set_exception", kwnames) < 0 || call_exact_args("set_exception", nargs, 1) < 0)
        return AI_ERR;
    if (aio_fut(self)->kind == AIO_FUT_TASK) return ai_raise_msg(&ai_exc_RuntimeError, "Task does not support set_exception operation");
    return aio_future_set_exception(self, args[0]) < 0 ? AI_ERR : AI_NONE;
}

METHOD(f_add_done_callback) {
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    for (int64_t i = 0; i < nkw; i++)
        if (!attr_name_is(tuple_obj(kwnames)->items[i], "context"))
            return ai_raise_msg(&ai_exc_TypeError, "add_done_callback() got an unexpected keyword argument");
    if (nargs != 1) return ai_raise_fmt(&ai_exc_TypeError, "add_done_callback() takes exactly one argument (%lld given)", (long long)nargs);
    return aio_future_add_cb(self, args[0], AI_NONE) < 0 ? AI_ERR : AI_NONE;
}

/* Remove the callbacks that match: a Python callable equal to `fn` (arg
 * 0), or exactly the C callback (fn, arg). The number removed, or -1. */
static int64_t remove_callbacks(ai_value self, ai_value fn, ai_value arg) {
    aio_future *f = aio_fut(self);
    int64_t n = f->cb0_fn ? 1 + (AIO_RARE(f, cbs) ? list_obj(AIO_RARE(f, cbs))->len / 2 : 0) : 0;
    if (n == 0) return 0;
    ai_value keep = list_new(4);
    if (!keep) return -1;
    int64_t removed = 0;
    for (int64_t i = 0; i < n; i++) {
        f = aio_fut(self);
        ai_value cfn = i == 0 ? f->cb0_fn : list_obj(AIO_RARE(f, cbs))->items[2 * (i - 1)];
        ai_value carg = i == 0 ? f->cb0_arg : list_obj(AIO_RARE(f, cbs))->items[2 * (i - 1) + 1];
        int eq;
        if (arg) eq = cfn == fn && carg == arg;
        else eq = ai_is_smallint(cfn) ? 0 : obj_eq(cfn, fn);
        if (eq < 0) return -1;
        if (eq) {
            removed++;
            continue;
        }
        if (ai_list_append(keep, cfn) < 0 || ai_list_append(keep, carg ? carg : AI_NONE) < 0) return -1;
    }
    if (!removed) return 0;
    f = aio_fut(self);
    f->cb0_fn = f->cb0_arg = 0;
    if (f->rare) aio_rare_of(f)->cbs = 0;
    ai_list *k = list_obj(keep);
    for (int64_t i = 0; i + 1 < k->len; i += 2)
        if (aio_future_add_cb(self, k->items[i], k->items[i + 1]) < 0) return -1;
    return removed;
}

int aio_future_remove_cb(ai_value fut, ai_value fn, ai_value arg) {
    return remove_callbacks(fut, fn, arg) < 0 ? -1 : 0;
}

METHOD(f_remove_done_callback) {
    if (call_no_kwargs("remove_done_callback", kwnames) < 0 || call_exact_args("remove_done_callback", nargs, 1) < 0)
        return AI_ERR;
    int64_t removed = remove_callbacks(self, args[0], 0);
    return removed < 0 ? AI_ERR : ai_int_from_i64(removed);
}

METHOD(f_get_loop) {
    NOARGS("get_loop");
    return aio_fut(self)->loop;
}


METHOD(f_await) {
    NOARGS("__await__");
    return coro_await_iter_new(self);
}

static ai_value g_blocking(ai_value self) {
    aio_ahead_guard(); /* shows state other tasks change */ return ai_bool(aio_fut(self)->blocking); }

METHOD(t_get_name) {
    NOARGS("get_name");
    return aio_task_name(aio_tsk(self));
}

METHOD(t_set_name) {
    if (call_no_kwargs("set_name", kwnames) < 0 || call_exact_args("set_name", nargs, 1) < 0) return AI_ERR;
    ai_value n = ai_str(args[0]);
    if (!n) return AI_ERR;
    fset(aio_fut(self), &aio_tsk(self)->name, n);
    return AI_NONE;
}

METHOD(t_get_coro) {
    NOARGS("get_coro");
    if (aio_tsk(self)->remote && aio_remote_materialize(self) < 0) return AI_ERR;
    return aio_tsk(self)->coro ? aio_tsk(self)->coro : AI_NONE;
}

METHOD(t_cancelling) {
    NOARGS("cancelling");
    return ai_int_from_i64(aio_tsk(self)->num_cancels);
}

METHOD(t_uncancel) {
    NOARGS("uncancel");
    aio_task *t = aio_tsk(self);
    if (t->num_cancels > 0) t->num_cancels--;
    return ai_int_from_i64(t->num_cancels);
}

METHOD(t_get_stack) {
    (void)args, (void)nargs, (void)kwnames, (void)self;
    return list_new(0);
}

/* Future(*, loop=None): the loop (0: error raised). */
static ai_value future_loop_arg(const ai_value *args, int64_t nargs, ai_value kwnames) {
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nargs > 0) return ai_raise_fmt(&ai_exc_TypeError, "Future() takes no positional arguments");
    ai_value loop = 0;
    for (int64_t i = 0; i < nkw; i++) {
        if (!attr_name_is(tuple_obj(kwnames)->items[i], "loop"))
            return ai_raise_msg(&ai_exc_TypeError, "Future() got an unexpected keyword argument");
        loop = args[i];
    }
    if (!loop || loop == AI_NONE) {
        loop = aio_state_get()->loop;
        if (!loop) return ai_raise_msg(&ai_exc_RuntimeError, "no running event loop");
    }
    return loop;
}

static ai_value future_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    ai_value loop = future_loop_arg(args, nargs, kwnames);
    return loop ? aio_future_new(loop) : AI_ERR;
}

/* Future.__init__(*, loop=None) on an instance of a subclass (objects/
 * class.c; nargs -1: at allocation, the running loop): pending, on the
 * loop. Such a future is never recycled (aio_future_recycle: exact type). */
static ai_value future_subinit(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    ai_value loop = future_loop_arg(args, nargs < 0 ? 0 : nargs, nargs < 0 ? 0 : kwnames);
    if (!loop) return AI_ERR;
    aio_future *f = aio_fut(self);
    f->loop = loop;
    gc_barrier(f, loop);
    return AI_NONE;
}


static ai_value task_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    ai_value loop = aio_state_get()->loop;
    if (!loop) return ai_raise_msg(&ai_exc_RuntimeError, "no running event loop");
    return aio_create_task_in(loop, args, nargs, kwnames, "Task");
}

static const ai_method_def future_methods[] = {
    {"result", f_result, &aio_future_type, 0},
    {"exception", f_exception, &aio_future_type, 0},
    {"done", f_done, &aio_future_type, 0},
    {"cancelled", f_cancelled, &aio_future_type, 0},
    {"cancel", f_cancel, &aio_future_type, 0},
    {"set_result", f_set_result, &aio_future_type, 0},
    {"set_exception", f_set_exception, &aio_future_type, 0},
    {"add_done_callback", f_add_done_callback, &aio_future_type, 0},
    {"remove_done_callback", f_remove_done_callback, &aio_future_type, 0},
    {"get_loop", f_get_loop, &aio_future_type, 0},
    {"__await__", f_await, &aio_future_type, 0},
    {"__iter__", f_await, &aio_future_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_getset_def future_getset[] = {
    {"_asyncio_future_blocking", g_blocking},
    {NULL, NULL},
};
static const ai_method_def task_methods[] = {
    {"get_name", t_get_name, &aio_task_type, 0},
    {"set_name", t_set_name, &aio_task_type, 0},
    {"get_coro", t_get_coro, &aio_task_type, 0},
    {"cancelling", t_cancelling, &aio_task_type, 0},
    {"uncancel", t_uncancel, &aio_task_type, 0},
    {"get_stack", t_get_stack, &aio_task_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_slots future_slots = {
    .methods = future_methods, .getset = future_getset, .construct = future_construct, .subinit = future_subinit};
static const ai_slots task_slots = {.methods = task_methods, .construct = task_construct};

ai_type aio_future_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "Future",
    .module = "_asyncio",
    .base = &ai_object_type,
    .basicsize = sizeof(aio_future),
    .repr = future_repr,
    .gc_visit = future_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&future_slots,
};

ai_type aio_task_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "Task",
    .module = "_asyncio",
    .base = &aio_future_type,
    .basicsize = sizeof(aio_task),
    .repr = task_repr_str,
    .gc_visit = future_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&task_slots,
};
