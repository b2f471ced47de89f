/*
 * asyncio/tasks.c — the module-level functions of CPython 3.11's
 * asyncio.tasks and asyncio.runners: run, sleep, create_task,
 * ensure_future, gather, shield, wait_for, wait, as_completed,
 * current_task, all_tasks, get_running_loop, get_event_loop.
 *
 * Functions that CPython writes as `async def` (sleep, wait_for, wait)
 * return NATIVE coroutines here: coroutine objects whose body is a C
 * function. The body runs on whatever stack awaits it and suspends
 * through the same await path as compiled code (aio_future_await), so
 * it needs no state machine either. Each follows its CPython original
 * step for step (the same futures, callbacks and call_soon hops), which
 * is what keeps the interleaving of tasks identical.
 *
 * Closures of the originals (gather's _done_callback, wait's
 * _on_completion, shield's two callbacks) become C callbacks (aio.h)
 * whose state is a heap object: the gathering future itself, or a
 * small tuple.
 */
#include "asyncio/aio.h"

#include "core/alloc.h"
#include "gc/gcint.h"

#include "modules/modutil.h"
#include "sched/actor.h"

#include <math.h>
#include <stdlib.h>

#define FUNC(fn) AIO_FUNC(fn)

static ai_value cstr(const char *s) { return str_from_cstr(s); }

/* ---- native coroutines ------------------------------------------------------------ */

ai_value aio_native_coro(const ai_func_info *info, gen_thunk fn, const ai_value *args, int64_t n) {
    ai_gen *g = gen_make(&ai_coro_type, GEN_CORO, info, (void *)fn, args, n);
    return g ? ai_val(g) : AI_ERR;
}


#define NATIVE_INFO(var, name, qualname) \
    static const ai_func_info var = {name, qualname, 0, 0, NULL, NULL, NULL, 0, 0}

/* ---- helpers -------------------------------------------------------------------------- */

static bool is_coroutine(ai_value v) { return obj_is_type(v, &ai_coro_type); }

/* A number of seconds (int or float): false with TypeError otherwise. */
static bool seconds(ai_value v, double *out) {
    bool is_number;
    if (float_coerce(v, out, &is_number)) return true;
    if (!is_number && !exc_pending())
        ai_raise_fmt(&ai_exc_TypeError, "'<=' not supported between instances of '%s' and 'int'", obj_type_name(v));
    return false;
}


/* create_task on loop: a remote task for an isolated coroutine (remote.c
 * decides), else a local one. */
ai_value aio_spawn_task(ai_value loop, ai_value coro, ai_value name) {
    if (!is_coroutine(coro)) {
        ai_value r = ai_repr(coro);
        if (!r) return AI_ERR;
        int64_t n;
        const char *s = str_utf8(r, &n);
        return ai_raise_fmt(&ai_exc_TypeError, "a coroutine was expected, got %s", s ? s : "?");
    }
    ai_value t = aio_remote_try_spawn(loop, coro, name);
    if (t || exc_pending()) return t;
    return aio_task_new(loop, coro, name);
}

static const char *const create_task_kw[] = {"coro", "name", "context"};

ai_value aio_create_task_in(ai_value loop, const ai_value *args, int64_t nargs, ai_value kwnames,
                            const char *fname) {
    mu_clinic c = {fname, create_task_kw, 0, 1, 2, 1, 0};
    ai_value a[3] = {0, 0, 0};
    /* create_task(coro), the usual call, needs no parsing */
    if (nargs == 1 && !kwnames) a[0] = args[0];
    else if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    ai_value task = aio_spawn_task(loop, a[0], a[1] && a[1] != AI_NONE ? a[1] : 0);
    if (task && a[2] && a[2] != AI_NONE) {
        /* context=: a contextvars.Context, which the task runs in */
        if (AIO_RARE_SET(&aio_tsk(task)->fut, context, a[2]) < 0) return AI_ERR;
    }
    return task;
}

FUNC(f_create_task) {
    (void)callable;
    ai_value loop = aio_running_loop();
    if (!loop) return AI_ERR;
    return aio_create_task_in(loop, args, nargs, kwnames, "create_task");
}

/* A coroutine that awaits an arbitrary awaitable (ensure_future's
 * _wrap_awaitable). */
static ai_value wrap_awaitable_body(const ai_value *a) { return ai_await(a[0], 0); }
NATIVE_INFO(wrap_info, "_wrap_awaitable", "_wrap_awaitable");

ai_value aio_ensure_future(ai_value v, ai_value loop) {
    if (aio_is_future(v)) return v;
    if (!loop) {
        loop = aio_running_loop();
        if (!loop) return AI_ERR;
    }
    if (is_coroutine(v)) return aio_spawn_task(loop, v, 0);
    if (!ai_is_smallint(v) && cls_special_method(v, "__await__")) {
        ai_value c = aio_native_coro(&wrap_info, wrap_awaitable_body, &v, 1);
        if (!c) return AI_ERR;
        return aio_task_new(loop, c, 0);
    }
    if (exc_pending()) return AI_ERR;
    return ai_raise_msg(&ai_exc_TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
}

FUNC(f_ensure_future) {
    (void)callable;
    static const char *const kw[] = {"coro_or_future", "loop"};
    mu_clinic c = {"ensure_future", kw, 0, 1, 1, 1, 0};
    ai_value a[2];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    return aio_ensure_future(a[0], a[1] && a[1] != AI_NONE ? a[1] : 0);
}

/* wrap_future(future, *, loop=None): an asyncio future is returned as it
 * is; concurrent.futures does not exist here, so anything else is the
 * AssertionError CPython raises for a non-future. */
FUNC(f_wrap_future) {
    (void)callable;
    static const char *const kw[] = {"future", "loop"};
    mu_clinic c = {"wrap_future", kw, 0, 1, 1, 1, 0};
    ai_value a[2];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    if (aio_is_future(a[0])) return a[0];
    ai_value r = ai_repr(a[0]);
    if (!r) return AI_ERR;
    return ai_raise_fmt(&ai_exc_AssertionError, "concurrent.futures.Future is expected, got %s", str_utf8(r, NULL));
}

/* ---- sleep ------------------------------------------------------------------------------- */

static const ai_func_info sleep_info;

static ai_value sleep_body(const ai_value *a) {
    double d;
    if (!seconds(a[0], &d)) return AI_ERR;
    if (d <= 0) {
        /* __sleep0(): a bare yield, one trip through the loop */
        aio_native_waits_at(&sleep_info, AIO_FR_SLEEP0);
        if (!coro_suspend(AI_NONE)) {
            aio_add_frame(AIO_FR_SLEEP0_YIELD);
            aio_add_frame(AIO_FR_SLEEP0);
            return AI_ERR;
        }
        return a[1];
    }
    ai_value loop = aio_running_loop();
    if (!loop) return AI_ERR;
    ai_value fut = aio_future_new(loop);
    if (!fut) return AI_ERR;
    ai_value h = aio_call_at(loop, aio_loop_time(loop) + d, AIO_CB(AIO_CB_SET_RESULT_UNLESS_CANCELLED), fut, a[1]);
    if (!h) return AI_ERR;
    ai_value r = aio_future_await(fut);
    aio_handle_cancel(h);
    if (!r) aio_add_frame(AIO_FR_SLEEP);
    return r;
}
NATIVE_INFO(sleep_info, "sleep", "sleep");

static ai_value sleep_start(const ai_value *args, int64_t nargs, ai_value kwnames, bool now) {
    static const char *const kw[] = {"delay", "result"};
    mu_clinic c = {"sleep", kw, 0, 2, 0, 1, 0};
    ai_value a[2];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    if (!a[1]) a[1] = AI_NONE;
    return aio_native_start(now, &sleep_info, sleep_body, a, 2);
}

AIO_FUNC_UNGUARDED(f_sleep) {
    (void)callable;
    return sleep_start(args, nargs & ~AI_NARGS_AWAIT_NOW, kwnames, (nargs & AI_NARGS_AWAIT_NOW) != 0);
}

/* ---- to_thread ---------------------------------------------------------------------------- */

/* a: func, args tuple, kwargs dict (or None) */
static ai_value to_thread_body(const ai_value *a) {
    ai_value loop = aio_running_loop();
    if (!loop) return AI_ERR;
    ai_value fut = aio_run_in_executor(loop, a[0], a[1], a[2] == AI_NONE ? 0 : a[2]);
    return fut ? aio_future_await(fut) : AI_ERR;
}
NATIVE_INFO(to_thread_info, "to_thread", "to_thread");

/* asyncio.to_thread(func, /, *args, **kwargs): a coroutine that runs
 * func through the loop's executor (loop.c: on this thread). */
AIO_FUNC_UNGUARDED(f_to_thread) {
    (void)callable;
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nargs < 1) return ai_raise_msg(&ai_exc_TypeError, "to_thread() missing 1 required positional argument: 'func'");
    ai_value a[3];
    a[0] = args[0];
    a[1] = ai_tuple_pack(args + 1, nargs - 1);
    if (!a[1]) return AI_ERR;
    a[2] = AI_NONE;
    if (nkw) {
        a[2] = dict_new();
        if (!a[2]) return AI_ERR;
        for (int64_t i = 0; i < nkw; i++)
            if (dict_set(a[2], tuple_obj(kwnames)->items[i], args[nargs + i]) < 0) return AI_ERR;
    }
    return aio_native_coro(&to_thread_info, to_thread_body, a, 3);
}

/* ---- gather ------------------------------------------------------------------------------- */

/* The gathering future: kind AIO_FUT_GATHER; `children` the list of
 * child futures (in argument order, duplicates repeated); the counters
 * live in a tuple (nfinished, nfuts, return_exceptions) in `result`
 * until the outer future finishes. */
static void gather_counts(ai_value outer, int64_t *nfinished, int64_t *nfuts, bool *retexc) {
    ai_tuple *t = tuple_obj(AIO_RARE(aio_fut(outer), cancelled_exc));
    *nfinished = ai_smallint_get(t->items[0]);
    *nfuts = ai_smallint_get(t->items[1]);
    *retexc = t->items[2] == AI_TRUE;
}

int aio_gather_cb(ai_value outer, ai_value fut) {
    aio_future *o = aio_fut(outer);
    int64_t nfinished, nfuts;
    bool retexc;
    if (o->state != AIO_PENDING) {
        /* Mark the exception retrieved. */
        if (aio_fut(fut)->state != AIO_CANCELLED) aio_fut(fut)->log_tb = false;
        return 0;
    }
    gather_counts(outer, &nfinished, &nfuts, &retexc);
    nfinished++;
    ai_value counts[3] = {ai_smallint(nfinished), ai_smallint(nfuts), ai_bool(retexc)};
    ai_value ct = ai_tuple_pack(counts, 3);
    if (!ct) return -1;
    o = aio_fut(outer);
    /* the counters ride in cancelled_exc until done (never a real one here;
     * a gathering future has its side object from the start) */
    aio_rare_of(o)->cancelled_exc = ct;
    gc_barrier(aio_rare_of(o), ct);
    if (!retexc) {
        aio_future *f = aio_fut(fut);
        if (f->state == AIO_CANCELLED) {
            ai_value exc = aio_make_cancelled_error(fut);
            if (!exc) return -1;
            aio_rare_of(aio_fut(outer))->cancelled_exc = 0;
            return aio_future_set_exception(outer, exc);
        }
        if (f->exception) {
            f->log_tb = false;
            aio_rare_of(aio_fut(outer))->cancelled_exc = 0;
            return aio_future_set_exception(outer, f->exception);
        }
    }
    if (nfinished < nfuts) return 0;
    ai_value children = AIO_RARE(aio_fut(outer), children);
    int64_t n = list_obj(children)->len;
    ai_value results = list_new(n);
    if (!results) return -1;
    ai_value last = 0;
    for (int64_t i = 0; i < n; i++) {
        ai_value c = list_obj(children)->items[i];
        aio_future *cf = aio_fut(c);
        ai_value res;
        last = c;
        if (cf->state == AIO_CANCELLED) {
            ai_value msg = AIO_RARE(cf, cancel_msg) ? AIO_RARE(cf, cancel_msg) : cstr("");
            if (!msg) return -1;
            ai_value a = ai_tuple_pack(&msg, 1);
            if (!a) return -1;
            res = exc_new(&aio_CancelledError, a);
            if (!res) return -1;
        } else if (cf->exception) {
            cf->log_tb = false;
            res = cf->exception;
        } else {
            res = cf->result;
        }
        if (ai_list_append(results, res) < 0) return -1;
    }
    o = aio_fut(outer);
    aio_rare_of(o)->cancelled_exc = 0;
    if (o->cancel_requested) {
        ai_value exc = aio_make_cancelled_error(last);
        if (!exc) return -1;
        return aio_future_set_exception(outer, exc);
    }
    return aio_future_set_result(outer, results);
}

int aio_gather_cancel(ai_value outer, ai_value msg) {
    aio_future *o = aio_fut(outer);
    if (o->state != AIO_PENDING) return 0;
    bool ret = false;
    ai_value children = AIO_RARE(o, children);
    for (int64_t i = 0; i < list_obj(children)->len; i++) {
        int c = aio_cancel_any(list_obj(children)->items[i], msg);
        if (c < 0) return -1;
        if (c) ret = true;
    }
    if (ret) aio_fut(outer)->cancel_requested = true;
    return ret;
}

ai_value aio_gather(const ai_value *aws, int64_t n, bool return_exceptions) {
    if (n == 0) {
        ai_value loop = aio_running_loop();
        if (!loop) {
            /* events._get_event_loop(): outside a loop, gather() of nothing
             * still needs one; it is the running loop in practice. */
            return AI_ERR;
        }
        ai_value outer = aio_future_new(loop);
        if (!outer) return AI_ERR;
        ai_value l = list_new(0);
        if (!l || aio_future_set_result(outer, l) < 0) return AI_ERR;
        return outer;
    }
    ai_value children = list_new(n);
    ai_value seen = dict_new(); /* arg → its future (duplicates share one) */
    if (!children || !seen) return AI_ERR;
    ai_value loop = 0;
    int64_t nfuts = 0;
    ai_value pending_cbs = list_new(n);
    if (!pending_cbs) return AI_ERR;
    for (int64_t i = 0; i < n; i++) {
        ai_value arg = aws[i], fut;
        int32_t got = dict_get(seen, arg, &fut);
        if (got < 0) return AI_ERR;
        if (!got) {
            fut = aio_ensure_future(arg, loop);
            if (!fut) return AI_ERR;
            if (!loop) loop = aio_fut(fut)->loop;
            nfuts++;
            if (dict_set(seen, arg, fut) < 0) return AI_ERR;
            if (ai_list_append(pending_cbs, fut) < 0) return AI_ERR;
        }
        if (ai_list_append(children, fut) < 0) return AI_ERR;
    }
    aio_future *o = (aio_future *)ai_obj(aio_future_new(loop));
    if (!o) return AI_ERR;
    ai_value outer = ai_val(o);
    o->kind = AIO_FUT_GATHER;
    if (AIO_RARE_SET(o, children, children) < 0) return AI_ERR;
    ai_value counts[3] = {ai_smallint(0), ai_smallint(nfuts), ai_bool(return_exceptions)};
    ai_value ct = ai_tuple_pack(counts, 3);
    if (!ct) return AI_ERR;
    aio_rare_of(aio_fut(outer))->cancelled_exc = ct;
    gc_barrier(aio_rare_of(aio_fut(outer)), ct);
    /* CPython registers each child's callback as it goes; registering
     * them afterwards is the same, since no callback can run before
     * gather() returns. */
    for (int64_t i = 0; i < list_obj(pending_cbs)->len; i++)
        if (aio_future_add_cb(list_obj(pending_cbs)->items[i], AIO_CB(AIO_CB_GATHER), outer) < 0) return AI_ERR;
    return outer;
}

AIO_FUNC_UNGUARDED(f_gather) {
    (void)callable;
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    bool retexc = false;
    for (int64_t i = 0; i < nkw; i++) {
        ai_value k = tuple_obj(kwnames)->items[i];
        if (!attr_name_is(k, "return_exceptions")) {
            int64_t n;
            const char *s = str_utf8(k, &n);
            return ai_raise_fmt(&ai_exc_TypeError, "gather() got an unexpected keyword argument '%s'", s ? s : "?");
        }
        int32_t t = ai_truthy(args[nargs + i]);
        if (t < 0) return AI_ERR;
        retexc = t;
    }
    if (aio_ahead_active()) return aio_ahead_gather(args, nargs, retexc);
    return aio_gather(args, nargs, retexc);
}

/* ---- shield --------------------------------------------------------------------------------- */

int aio_shield_inner_cb(ai_value outer, ai_value inner) {
    aio_future *o = aio_fut(outer), *in = aio_fut(inner);
    if (o->state == AIO_CANCELLED) {
        if (in->state != AIO_CANCELLED) in->log_tb = false;
        return 0;
    }
    if (in->state == AIO_CANCELLED) return aio_future_cancel(outer, AI_NONE) < 0 ? -1 : 0;
    if (in->exception) {
        in->log_tb = false;
        return aio_future_set_exception(outer, in->exception);
    }
    return aio_future_set_result(outer, in->result);
}

int aio_shield_outer_cb(ai_value inner, ai_value outer) {
    if (aio_fut(inner)->state == AIO_PENDING) return aio_future_remove_cb(inner, AIO_CB(AIO_CB_SHIELD_INNER), outer);
    return 0;
}

FUNC(f_shield) {
    (void)callable;
    if (call_no_kwargs("shield", kwnames) < 0 || call_exact_args("shield", nargs, 1) < 0) return AI_ERR;
    ai_value inner = aio_ensure_future(args[0], 0);
    if (!inner) return AI_ERR;
    if (aio_fut(inner)->state != AIO_PENDING) return inner;
    ai_value outer = aio_future_new(aio_fut(inner)->loop);
    if (!outer) return AI_ERR;
    if (aio_future_add_cb(inner, AIO_CB(AIO_CB_SHIELD_INNER), outer) < 0) return AI_ERR;
    if (aio_future_add_cb(outer, AIO_CB(AIO_CB_SHIELD_OUTER), inner) < 0) return AI_ERR;
    return outer;
}

/* ---- wait_for -------------------------------------------------------------------------------- */

/* _release_waiter(waiter, *args) */
int aio_release_waiter_cb(ai_value waiter, ai_value unused) {
    (void)unused;
    if (aio_fut(waiter)->state != AIO_PENDING) return 0;
    return aio_future_set_result(waiter, AI_NONE);
}

/* The timer flavour (no future argument). */
int aio_wait_for_cb(ai_value waiter, ai_value unused) { return aio_release_waiter_cb(waiter, unused); }

/* _cancel_and_wait(fut) */
static int cancel_and_wait(ai_value fut, ai_value loop) {
    ai_value waiter = aio_future_new(loop);
    if (!waiter) return -1;
    if (aio_future_add_cb(fut, AIO_CB(AIO_CB_RELEASE_WAITER), waiter) < 0) return -1;
    int rc = 0;
    if (aio_cancel_any(fut, AI_NONE) < 0 || !aio_future_await(waiter)) rc = -1;
    ai_value saved = rc < 0 ? ai_exc_fetch() : 0;
    if (aio_future_remove_cb(fut, AIO_CB(AIO_CB_RELEASE_WAITER), waiter) < 0) return -1;
    if (saved) exc_set_pending(saved);
    return rc;
}

/* An exception leaving wait_for passes through the line of tasks.py
 * named by `fr` (aio.h's AIO_FR_WAITFOR_*), as CPython's traceback shows. */
static ai_value through(ai_value r, int fr) {
    if (!r) aio_add_frame(fr);
    return r;
}

/* fut.result(), turning a CancelledError into TimeoutError() from it
 * (res_fr, to_fr: the lines of `return fut.result()` and of the raise). */
static ai_value result_or_timeout(ai_value fut, int res_fr, int to_fr) {
    ai_value r = aio_future_result(fut);
    if (r) return r;
    aio_add_frame(res_fr);
    if (!exc_pending_is(&aio_CancelledError)) return r;
    ai_value cause = ai_exc_fetch();
    ai_value te = exc_new(&ai_exc_TimeoutError, 0);
    if (!te) return AI_ERR;
    ai_raise(te, cause);
    aio_add_frame(to_fr);
    return AI_ERR;
}

static const ai_func_info wait_for_info;

static ai_value wait_for_body(const ai_value *a) {
    ai_value fut = a[0], timeout = a[1];
    ai_value loop = aio_running_loop();
    if (!loop) return AI_ERR;
    if (timeout == AI_NONE) {
        aio_native_waits_at(&wait_for_info, AIO_FR_WAITFOR_AWAIT);
        return through(ai_await(fut, 0), AIO_FR_WAITFOR_AWAIT);
    }
    double t;
    if (!seconds(timeout, &t)) return AI_ERR;
    if (t <= 0) {
        fut = aio_ensure_future(fut, loop);
        if (!fut) return AI_ERR;
        if (aio_fut(fut)->state != AIO_PENDING) return through(aio_future_result(fut), AIO_FR_WAITFOR_DONE0);
        if (cancel_and_wait(fut, loop) < 0) return AI_ERR;
        return result_or_timeout(fut, AIO_FR_WAITFOR_RESULT0, AIO_FR_WAITFOR_TIMEOUT0);
    }
    ai_value waiter = aio_future_new(loop);
    if (!waiter) return AI_ERR;
    ai_value th = aio_call_at(loop, aio_loop_time(loop) + t, AIO_CB(AIO_CB_WAIT_FOR), waiter, AI_NONE);
    if (!th) return AI_ERR;
    fut = aio_ensure_future(fut, loop);
    if (!fut) return AI_ERR;
    ai_value r;
    if (aio_future_add_cb(fut, AIO_CB(AIO_CB_RELEASE_WAITER), waiter) < 0) {
        r = AI_ERR;
    } else if (!aio_future_await(waiter)) {
        if (!exc_pending_is(&aio_CancelledError)) {
            r = through(AI_ERR, AIO_FR_WAITFOR_WAITER);
        } else if (aio_fut(fut)->state != AIO_PENDING) {
            exc_clear();
            r = through(aio_future_result(fut), AIO_FR_WAITFOR_CANCELLED_DONE);
        } else {
            ai_value saved = ai_exc_fetch();
            if (aio_future_remove_cb(fut, AIO_CB(AIO_CB_RELEASE_WAITER), waiter) < 0 ||
                cancel_and_wait(fut, loop) < 0) {
                r = AI_ERR;
            } else {
                exc_set_pending(saved); /* the bare `raise` after `await waiter` */
                r = through(AI_ERR, AIO_FR_WAITFOR_WAITER);
            }
        }
    } else if (aio_fut(fut)->state != AIO_PENDING) {
        r = through(aio_future_result(fut), AIO_FR_WAITFOR_DONE);
    } else if (aio_future_remove_cb(fut, AIO_CB(AIO_CB_RELEASE_WAITER), waiter) < 0 ||
               cancel_and_wait(fut, loop) < 0) {
        r = AI_ERR;
    } else {
        r = result_or_timeout(fut, AIO_FR_WAITFOR_RESULT, AIO_FR_WAITFOR_TIMEOUT);
    }
    aio_handle_cancel(th);
    return r;
}
NATIVE_INFO(wait_for_info, "wait_for", "wait_for");

FUNC(f_wait_for) {
    (void)callable;
    static const char *const kw[] = {"fut", "timeout"};
    mu_clinic c = {"wait_for", kw, 0, 2, 0, 2, 0};
    ai_value a[2];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    return aio_native_coro(&wait_for_info, wait_for_body, a, 2);
}

/* ---- wait ------------------------------------------------------------------------------------ */

enum { RW_FIRST_COMPLETED, RW_FIRST_EXCEPTION, RW_ALL_COMPLETED };

/* _on_completion's state: (waiter, counter, return_when, timeout handle or None) */
int aio_wait_cb(ai_value state, ai_value f) {
    ai_tuple *s = tuple_obj(state);
    int64_t counter = ai_smallint_get(s->items[1]) - 1;
    s->items[1] = ai_smallint(counter);
    int64_t rw = ai_smallint_get(s->items[2]);
    aio_future *ff = aio_fut(f);
    bool exc = ff->state == AIO_FINISHED && ff->exception;
    if (exc) ff->log_tb = false;
    if (counter <= 0 || rw == RW_FIRST_COMPLETED || (rw == RW_FIRST_EXCEPTION && exc)) {
        if (s->items[3] != AI_NONE) aio_handle_cancel(s->items[3]);
        if (aio_fut(s->items[0])->state == AIO_PENDING) return aio_future_set_result(s->items[0], AI_NONE);
    }
    return 0;
}

/* Unique futures of an iterable, in order. */
static ai_value unique_list(ai_value fs) {
    ai_value it = ai_iter(fs);
    if (!it) return AI_ERR;
    ai_value l = list_new(4), seen = set_new(&ai_set_type, 0);
    if (!l || !seen) return AI_ERR;
    for (;;) {
        ai_value x;
        int32_t rc = ai_for_next(it, &x);
        if (rc < 0) return AI_ERR;
        if (rc == 0) break;
        int32_t has = set_contains_key(seen, x);
        if (has < 0) return AI_ERR;
        if (has) continue;
        if (ai_set_add(seen, x) < 0 || ai_list_append(l, x) < 0) return AI_ERR;
    }
    return l;
}

static ai_value wait_body(const ai_value *a) {
    ai_value fs = a[0], timeout = a[1];
    int64_t rw = ai_smallint_get(a[2]);
    ai_value loop = aio_running_loop();
    if (!loop) return AI_ERR;
    ai_value waiter = aio_future_new(loop);
    if (!waiter) return AI_ERR;
    ai_value th = AI_NONE;
    if (timeout != AI_NONE) {
        double t;
        if (!seconds(timeout, &t)) return AI_ERR;
        th = aio_call_at(loop, aio_loop_time(loop) + t, AIO_CB(AIO_CB_WAIT_FOR), waiter, AI_NONE);
        if (!th) return AI_ERR;
    }
    int64_t n = list_obj(fs)->len;
    ai_value st[4] = {waiter, ai_smallint(n), ai_smallint(rw), th};
    ai_value state = ai_tuple_pack(st, 4);
    if (!state) return AI_ERR;
    for (int64_t i = 0; i < n; i++)
        if (aio_future_add_cb(list_obj(fs)->items[i], AIO_CB(AIO_CB_WAIT), state) < 0) return AI_ERR;
    ai_value r = aio_future_await(waiter);
    ai_value saved = r ? 0 : ai_exc_fetch();
    if (th != AI_NONE) aio_handle_cancel(th);
    for (int64_t i = 0; i < n; i++)
        if (aio_future_remove_cb(list_obj(fs)->items[i], AIO_CB(AIO_CB_WAIT), state) < 0) return AI_ERR;
    if (saved) {
        exc_set_pending(saved);
        return AI_ERR;
    }
    ai_value done = set_new(&ai_set_type, 0), pending = set_new(&ai_set_type, 0);
    if (!done || !pending) return AI_ERR;
    for (int64_t i = 0; i < n; i++) {
        ai_value f = list_obj(fs)->items[i];
        if (ai_set_add(aio_fut(f)->state != AIO_PENDING ? done : pending, f) < 0) return AI_ERR;
    }
    return tuple_pack2(done, pending);
}
NATIVE_INFO(wait_info, "wait", "wait");

static ai_value wait_consts[3]; /* FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED strs */

FUNC(f_wait) {
    (void)callable;
    static const char *const kw[] = {"fs", "timeout", "return_when"};
    mu_clinic c = {"wait", kw, 0, 1, 2, 1, 0};
    ai_value a[3];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    ai_value fs = a[0];
    if (aio_is_future(fs) || is_coroutine(fs))
        return ai_raise_fmt(&ai_exc_TypeError, "expect a list of futures, not %s", obj_type_name(fs));
    int32_t t = ai_truthy(fs);
    if (t < 0) return AI_ERR;
    if (!t) return ai_raise_msg(&ai_exc_ValueError, "Set of Tasks/Futures is empty.");
    ai_value rw = a[2] ? a[2] : wait_consts[RW_ALL_COMPLETED];
    int64_t which = -1;
    for (int i = 0; i < 3; i++) {
        int eq = obj_eq(rw, wait_consts[i]);
        if (eq < 0) return AI_ERR;
        if (eq) which = i;
    }
    if (which < 0) {
        ai_value r = ai_str(rw);
        int64_t n;
        const char *s = r ? str_utf8(r, &n) : "?";
        return ai_raise_fmt(&ai_exc_ValueError, "Invalid return_when value: %s", s);
    }
    ai_value l = unique_list(fs);
    if (!l) return AI_ERR;
    for (int64_t i = 0; i < list_obj(l)->len; i++) {
        if (is_coroutine(list_obj(l)->items[i]))
            return ai_raise_msg(&ai_exc_TypeError, "Passing coroutines is forbidden, use tasks explicitly.");
        if (!aio_is_future(list_obj(l)->items[i])) {
            ai_value f = aio_ensure_future(list_obj(l)->items[i], 0);
            if (!f) return AI_ERR;
            list_obj(l)->items[i] = f;
            gc_barrier(ai_obj(l), f);
        }
    }
    ai_value wa[3] = {l, a[1] ? a[1] : AI_NONE, ai_smallint(which)};
    return aio_native_coro(&wait_info, wait_body, wa, 3);
}

/* ---- as_completed ------------------------------------------------------------------------------- */

/* The state of one as_completed() call: a tuple (done queue as a list of
 * finished futures not yet handed out, todo list, timeout handle). The
 * iterator yields _wait_for_one() coroutines; each waits until `done`
 * has an entry (a future, or None for a timeout). */
typedef struct aio_ascompleted {
    ai_object ob;
    ai_value done;      /* aio Queue of finished futures (None: timeout) */
    ai_value todo;      /* list of futures not finished yet */
    ai_value th;        /* timeout handle or None */
    int64_t remaining;  /* coroutines still to hand out */
} aio_ascompleted;

extern ai_type aio_ascompleted_type;

static void ascompleted_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    aio_ascompleted *s = (aio_ascompleted *)o;
    visit(&s->done, ctx);
    visit(&s->todo, ctx);
    visit(&s->th, ctx);
}


static int list_remove_identity(ai_value list, ai_value v) {
    ai_list *l = list_obj(list);
    for (int64_t i = 0; i < l->len; i++)
        if (l->items[i] == v) {
            memmove(&l->items[i], &l->items[i + 1], (size_t)(l->len - i - 1) * sizeof(ai_value));
            l->len--;
            return 1;
        }
    return 0;
}


int aio_ascompleted_cb(ai_value state, ai_value f) {
    aio_ascompleted *s = (aio_ascompleted *)ai_obj(state);
    if (list_obj(s->todo)->len == 0) return 0;
    list_remove_identity(s->todo, f);
    if (aio_queue_put_nowait(s->done, f) < 0) return -1;
    s = (aio_ascompleted *)ai_obj(state);
    if (list_obj(s->todo)->len == 0 && s->th != AI_NONE) aio_handle_cancel(s->th);
    return 0;
}

int aio_ascompleted_timeout_cb(ai_value state, ai_value unused) {
    (void)unused;
    aio_ascompleted *s = (aio_ascompleted *)ai_obj(state);
    ai_value todo = s->todo;
    for (int64_t i = 0; i < list_obj(todo)->len; i++) {
        if (aio_future_remove_cb(list_obj(todo)->items[i], AIO_CB(AIO_CB_ASCOMPLETED), state) < 0) return -1;
        if (aio_queue_put_nowait(((aio_ascompleted *)ai_obj(state))->done, AI_NONE) < 0) return -1;
    }
    list_obj(todo)->len = 0;
    return 0;
}

static ai_value wait_for_one_body(const ai_value *a) {
    ai_value f = aio_queue_get(((aio_ascompleted *)ai_obj(a[0]))->done);
    if (!f) return through(AI_ERR, AIO_FR_WAIT_FOR_ONE_GET);
    if (f == AI_NONE) return through(ai_raise_msg(&ai_exc_TimeoutError, NULL), AIO_FR_WAIT_FOR_ONE_TIMEOUT);
    return through(aio_future_result(f), AIO_FR_WAIT_FOR_ONE_RESULT);
}
NATIVE_INFO(wait_for_one_info, "_wait_for_one", "as_completed.<locals>._wait_for_one");

static int32_t ascompleted_next(ai_value it, ai_value *out) {
    aio_ascompleted *s = (aio_ascompleted *)ai_obj(it);
    if (s->remaining <= 0) return 0;
    s->remaining--;
    ai_value c = aio_native_coro(&wait_for_one_info, wait_for_one_body, &it, 1);
    if (!c) return -1;
    *out = c;
    return 1;
}

static const ai_slots ascompleted_slots = {.iter = obj_iter_self, .next = ascompleted_next};

ai_type aio_ascompleted_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "generator",
    .base = &ai_object_type,
    .basicsize = sizeof(aio_ascompleted),
    .repr = obj_default_repr,
    .gc_visit = ascompleted_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&ascompleted_slots,
};

FUNC(f_as_completed) {
    (void)callable;
    static const char *const kw[] = {"fs", "timeout"};
    mu_clinic c = {"as_completed", kw, 0, 1, 1, 1, 0};
    ai_value a[2];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    if (aio_is_future(a[0]) || is_coroutine(a[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "expect an iterable of futures, not %s", obj_type_name(a[0]));
    ai_value done = aio_queue_new_unbounded();
    if (!done) return AI_ERR;
    ai_value todo = unique_list(a[0]);
    if (!todo) return AI_ERR;
    for (int64_t i = 0; i < list_obj(todo)->len; i++) {
        ai_value f = aio_ensure_future(list_obj(todo)->items[i], 0);
        if (!f) return AI_ERR;
        list_obj(todo)->items[i] = f;
        gc_barrier(ai_obj(todo), f);
    }
    aio_ascompleted *s = ai_alloc(&aio_ascompleted_type, sizeof(aio_ascompleted));
    if (!s) return AI_ERR;
    s->done = done;
    s->todo = todo;
    s->th = AI_NONE;
    s->remaining = list_obj(todo)->len;
    ai_value state = ai_val(s);
    for (int64_t i = 0; i < list_obj(todo)->len; i++)
        if (aio_future_add_cb(list_obj(todo)->items[i], AIO_CB(AIO_CB_ASCOMPLETED), state) < 0) return AI_ERR;
    if (list_obj(todo)->len && a[1] && a[1] != AI_NONE) {
        double t;
        if (!seconds(a[1], &t)) return AI_ERR;
        ai_value loop = aio_fut(list_obj(todo)->items[0])->loop;
        ai_value th = aio_call_at(loop, aio_loop_time(loop) + t, AIO_CB(AIO_CB_ASCOMPLETED_TIMEOUT), state, AI_NONE);
        if (!th) return AI_ERR;
        s = (aio_ascompleted *)ai_obj(state);
        s->th = th;
        gc_barrier(s, th);
    }
    return state;
}

/* ---- current_task, all_tasks, loops ------------------------------------------------------------- */

FUNC(f_current_task) {
    (void)callable, (void)args;
    static const char *const kw[] = {"loop"};
    mu_clinic c = {"current_task", kw, 0, 1, 0, 0, 0};
    ai_value a[1];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    aio_state *st = aio_state_get();
    if (!st->loop && (!a[0] || a[0] == AI_NONE)) return ai_raise_msg(&ai_exc_RuntimeError, "no running event loop");
    return st->current ? st->current : AI_NONE;
}

FUNC(f_all_tasks) {
    (void)callable;
    static const char *const kw[] = {"loop"};
    mu_clinic c = {"all_tasks", kw, 0, 1, 0, 0, 0};
    ai_value a[1];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    ai_value loop = a[0] && a[0] != AI_NONE ? a[0] : aio_running_loop();
    if (!loop) return AI_ERR;
    return aio_loop_tasks(loop);
}

FUNC(f_get_running_loop) {
    (void)callable, (void)args;
    if (mu_no_args("get_running_loop", nargs, kwnames) < 0) return AI_ERR;
    return aio_running_loop();
}

/* The loop set with set_event_loop / made by get_event_loop outside a
 * running loop: per actor, in a root. */
static ai_value *current_loop_slot(void) {
    static ai_value slot;
    static bool registered;
    if (!registered) {
        static const char *const names[] = {"asyncio.current_loop"};
        mu_register_roots("asyncio", &slot, names, 1);
        registered = true;
    }
    return &slot;
}

FUNC(f_get_event_loop) {
    (void)callable, (void)args;
    if (mu_no_args("get_event_loop", nargs, kwnames) < 0) return AI_ERR;
    aio_state *st = aio_state_get();
    if (st->loop) return st->loop;
    ai_value *slot = current_loop_slot();
    if (!*slot) {
        ai_value l = aio_loop_new();
        if (!l) return AI_ERR;
        *slot = l;
    }
    return *slot;
}

FUNC(f_new_event_loop) {
    (void)callable, (void)args;
    if (mu_no_args("new_event_loop", nargs, kwnames) < 0) return AI_ERR;
    return aio_loop_new();
}

FUNC(f_set_event_loop) {
    (void)callable;
    if (call_no_kwargs("set_event_loop", kwnames) < 0 || call_exact_args("set_event_loop", nargs, 1) < 0)
        return AI_ERR;
    *current_loop_slot() = args[0] == AI_NONE ? 0 : args[0];
    return AI_NONE;
}

AIO_FUNC_UNGUARDED(f_iscoroutine) {
    (void)callable;
    if (call_no_kwargs("iscoroutine", kwnames) < 0 || call_exact_args("iscoroutine", nargs, 1) < 0) return AI_ERR;
    return ai_bool(is_coroutine(args[0]));
}

AIO_FUNC_UNGUARDED(f_iscoroutinefunction) {
    (void)callable;
    if (call_no_kwargs("iscoroutinefunction", kwnames) < 0 || call_exact_args("iscoroutinefunction", nargs, 1) < 0)
        return AI_ERR;
    ai_value f = args[0];
    if (obj_is_type(f, &ai_function_type))
        return ai_bool(((ai_function *)ai_obj(f))->info->flags & AI_FUNC_COROUTINE);
    return AI_FALSE;
}

AIO_FUNC_UNGUARDED(f_isfuture) {
    (void)callable;
    if (call_no_kwargs("isfuture", kwnames) < 0 || call_exact_args("isfuture", nargs, 1) < 0) return AI_ERR;
    return ai_bool(aio_is_future(args[0]));
}

/* ---- run --------------------------------------------------------------------------------------- */


/* _cancel_all_tasks(loop) */
static int cancel_all_tasks(ai_value loop) {
    ai_value to_cancel = aio_loop_tasks(loop);
    if (!to_cancel) return -1;
    ai_value l = list_from_iter(to_cancel);
    if (!l) return -1;
    int64_t n = list_obj(l)->len;
    if (!n) return 0;
    for (int64_t i = 0; i < n; i++)
        if (aio_cancel_any(list_obj(l)->items[i], AI_NONE) < 0) return -1;
    ai_value g = aio_gather(list_obj(l)->items, n, true);
    if (!g) return -1;
    if (aio_loop_run_until(loop, g) < 0) return -1;
    for (int64_t i = 0; i < n; i++) {
        ai_value t = list_obj(l)->items[i];
        aio_future *f = aio_fut(t);
        if (f->state == AIO_CANCELLED || !f->exception) continue;
        f->log_tb = false;
        aio_report_task_exception("unhandled exception during asyncio.run() shutdown", f->exception, t);
    }
    return 0;
}

/* Runner.close(): cancel what is left on `loop` (running it meanwhile),
 * end the remote children, leave the loop (the current task becomes
 * `current`) and report the exceptions never retrieved — or, when
 * `escaping` (an exception leaves asyncio.run in the main program),
 * keep them for the end of the program: under CPython the escaping
 * traceback holds the tasks alive until then. -1, with the exception
 * pending, when cancelling failed. */
static int close_loop(ai_value loop, ai_value current, bool escaping) {
    aio_state *st = aio_state_get();
    st->loop = loop;
    int rc = cancel_all_tasks(loop);
    if (rc == 0) rc = aio_loop_shutdown_asyncgens(loop);
    ai_value err = rc < 0 ? ai_exc_fetch() : 0;
    gc_rootframe frame;
    gc_roots_push(&frame, &err, 1);
    aio_remote_shutdown(loop);
    st = aio_state_get();
    st->loop = 0;
    st->current = current;
    /* (only in the main program: another actor's heap ends with it) */
    if (escaping && alloc_running_heap() == &alloc_main_heap) aio_defer_unretrieved(st);
    else aio_report_unretrieved(st);
    gc_roots_pop(&frame);
    if (err) exc_set_pending(err);
    return rc;
}

/* Run `coro` as the root task of a fresh loop in this actor: asyncio.run
 * without the argument checks. The result, or AI_ERR. */
ai_value aio_run_root(ai_value coro) {
    aio_state *st = aio_state_get();
    ai_value loop = aio_loop_new();
    if (!loop) return AI_ERR;
    ai_value saved_current = st->current;
    st->loop = loop;
    st->current = 0;
    aio_unretrieved_begin(st);
    gc_rootframe frame;
    ai_value roots[2] = {loop, coro};
    gc_roots_push(&frame, roots, 2);
    ai_value task = aio_task_new(loop, coro, 0);
    int rc = task ? 0 : -1;
    if (task) {
        roots[1] = task;
        aio_task *t = aio_tsk(task);
        t->inline_root = gen_obj(coro)->state == GEN_CREATED;
        rc = aio_loop_run_until(loop, task);
    }
    ai_value escaped = rc < 0 ? ai_exc_fetch() : 0;
    /* the root's outcome is read below: it is not "never retrieved" */
    if (task) aio_fut(task)->log_tb = false;
    bool failing = escaped || (task && aio_fut(task)->state != AIO_PENDING &&
                               (aio_fut(task)->exception || aio_fut(task)->state == AIO_CANCELLED));
    if (close_loop(loop, saved_current, failing) < 0) {
        ai_value e = ai_exc_fetch();
        if (!escaped) escaped = e;
    }
    gc_roots_pop(&frame);
    if (escaped) {
        exc_set_pending(escaped);
        return AI_ERR;
    }
    if (!task) return AI_ERR;
    aio_tsk(task)->fut.log_tb = false;
    return aio_future_result(task);
}


FUNC(f_run) {
    (void)callable;
    static const char *const kw[] = {"main", "debug"};
    mu_clinic c = {"run", kw, 0, 1, 1, 1, 0};
    ai_value a[2];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    aio_state *st = aio_state_get();
    if (st->loop) return ai_raise_msg(&ai_exc_RuntimeError, "asyncio.run() cannot be called from a running event loop");
    if (!is_coroutine(a[0])) {
        ai_value r = ai_repr(a[0]);
        int64_t n;
        const char *s = r ? str_utf8(r, &n) : "?";
        return ai_raise_fmt(&ai_exc_ValueError, "a coroutine was expected, got %s", s);
    }
    ai_value r = aio_run_root(a[0]);
    if (!r) aio_add_runner_frames();
    return r;
}

/* ---- asyncio.Runner (3.11) ---------------------------------------------------------------- */

/* What asyncio.run does, split in three: the loop is made at the first
 * run() (or get_loop()), each run() runs one coroutine on it as a task,
 * close() cancels what is left and reports what was never retrieved. */
typedef struct aio_runner {
    ai_object ob;
    ai_value loop;          /* 0 until initialised */
    ai_value factory;       /* loop_factory, or None */
    int32_t state;          /* RUNNER_* */
} aio_runner;

enum { RUNNER_NEW, RUNNER_READY, RUNNER_CLOSED };

extern ai_type aio_runner_type;

static aio_runner *runner(ai_value v) { return (aio_runner *)ai_obj(v); }

static void runner_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    aio_runner *r = (aio_runner *)o;
    if (r->loop) visit(&r->loop, ctx);
    if (r->factory) visit(&r->factory, ctx);
}

static int runner_init_loop(ai_value self) {
    aio_runner *r = runner(self);
    if (r->state == RUNNER_CLOSED) {
        ai_raise_msg(&ai_exc_RuntimeError, "Runner is closed");
        return -1;
    }
    if (r->state == RUNNER_READY) return 0;
    ai_value loop = r->factory && r->factory != AI_NONE ? ai_call(r->factory, NULL, 0, 0) : aio_loop_new();
    if (!loop) return -1;
    r = runner(self);
    r->loop = loop;
    gc_barrier(r, loop);
    r->state = RUNNER_READY;
    aio_unretrieved_begin(aio_state_get());
    return 0;
}

static ai_value runner_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    static const char *const kw[] = {"debug", "loop_factory"};
    mu_clinic c = {"Runner", kw, 0, 0, 2, 0, 0};
    ai_value a[2] = {0, 0};
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    aio_runner *r = ai_alloc(&aio_runner_type, sizeof(aio_runner));
    if (!r) return AI_ERR;
    r->factory = a[1] ? a[1] : AI_NONE;
    gc_barrier(r, r->factory);
    return ai_val(r);
}

AIO_METHOD(runner_run) {
    static const char *const kw[] = {"coro", "context"};
    mu_clinic c = {"run", kw, 0, 1, 1, 1, 0};
    ai_value a[2];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    if (!is_coroutine(a[0])) {
        ai_value rep = ai_repr(a[0]);
        int64_t n;
        return ai_raise_fmt(&ai_exc_ValueError, "a coroutine was expected, got %s", rep ? str_utf8(rep, &n) : "?");
    }
    aio_state *st = aio_state_get();
    if (st->loop)
        return ai_raise_msg(&ai_exc_RuntimeError, "Runner.run() cannot be called from a running event loop");
    if (runner_init_loop(self) < 0) return AI_ERR;
    return aio_run_until_complete(runner(self)->loop, a[0]);
}

AIO_METHOD(runner_get_loop) {
    (void)args;
    if (call_no_kwargs("get_loop", kwnames) < 0 || call_exact_args("get_loop", nargs, 0) < 0) return AI_ERR;
    if (runner_init_loop(self) < 0) return AI_ERR;
    return runner(self)->loop;
}

static int runner_close(ai_value self) {
    aio_runner *r = runner(self);
    if (r->state != RUNNER_READY) {
        r->state = RUNNER_CLOSED;
        return 0;
    }
    ai_value loop = r->loop;
    int rc = close_loop(loop, aio_state_get()->current, false);
    r = runner(self);
    r->state = RUNNER_CLOSED;
    ai_value closed = rc < 0 ? 0 : ai_call_method(loop, str_from_cstr("close"), NULL, 0, 0, NULL);
    return closed ? 0 : -1;
}

AIO_METHOD(runner_close_m) {
    (void)args;
    if (call_no_kwargs("close", kwnames) < 0 || call_exact_args("close", nargs, 0) < 0) return AI_ERR;
    return runner_close(self) < 0 ? AI_ERR : AI_NONE;
}

AIO_METHOD(runner_enter) {
    (void)args;
    if (call_no_kwargs("__enter__", kwnames) < 0 || call_exact_args("__enter__", nargs, 0) < 0) return AI_ERR;
    if (runner_init_loop(self) < 0) return AI_ERR;
    return self;
}

AIO_METHOD(runner_exit) {
    (void)args, (void)nargs, (void)kwnames;
    return runner_close(self) < 0 ? AI_ERR : AI_NONE;
}

static const ai_method_def runner_methods[] = {
    {"run", runner_run, &aio_runner_type, 0},
    {"get_loop", runner_get_loop, &aio_runner_type, 0},
    {"close", runner_close_m, &aio_runner_type, 0},
    {"__enter__", runner_enter, &aio_runner_type, 0},
    {"__exit__", runner_exit, &aio_runner_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_slots runner_slots = {.methods = runner_methods, .construct = runner_construct};

ai_type aio_runner_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "Runner",
    .module = "asyncio.runners",
    .base = &ai_object_type,
    .basicsize = sizeof(aio_runner),
    .gc_visit = runner_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&runner_slots,
};

/* loop.run_until_complete(future) */
ai_value aio_run_until_complete(ai_value loop, ai_value awaitable) {
    aio_state *st = aio_state_get();
    if (st->loop == loop) return ai_raise_msg(&ai_exc_RuntimeError, "This event loop is already running");
    if (st->loop) return ai_raise_msg(&ai_exc_RuntimeError, "Cannot run the event loop while another loop is running");
    st->loop = loop;
    ai_value fut = aio_ensure_future(awaitable, loop);
    int rc = fut ? 0 : -1;
    if (fut) {
        if (aio_is_task(fut) && fut != awaitable && gen_obj(aio_tsk(fut)->coro)->state == GEN_CREATED &&
            gen_obj(aio_tsk(fut)->coro)->kind == GEN_CORO && gen_obj(aio_tsk(fut)->coro)->thunk)
            aio_tsk(fut)->inline_root = true;
        rc = aio_loop_run_until(loop, fut);
    }
    aio_state_get()->loop = 0;
    if (rc < 0) return AI_ERR;
    if (aio_fut(fut)->state == AIO_PENDING)
        return ai_raise_msg(&ai_exc_RuntimeError, "Event loop stopped before Future completed.");
    return aio_future_result(fut);
}

/* ---- the table ---------------------------------------------------------------------------------- */

static AI_BUILTIN_FN(bf_run, "run", f_run);
static AI_BUILTIN_AWAIT_FN(bf_sleep, "sleep", f_sleep);
static AI_BUILTIN_FN(bf_create_task, "create_task", f_create_task);
static AI_BUILTIN_FN(bf_ensure_future, "ensure_future", f_ensure_future);
static AI_BUILTIN_FN(bf_wrap_future, "wrap_future", f_wrap_future);
static AI_BUILTIN_FN(bf_gather, "gather", f_gather);
static AI_BUILTIN_FN(bf_shield, "shield", f_shield);
static AI_BUILTIN_FN(bf_wait_for, "wait_for", f_wait_for);
static AI_BUILTIN_FN(bf_wait, "wait", f_wait);
static AI_BUILTIN_FN(bf_as_completed, "as_completed", f_as_completed);
static AI_BUILTIN_FN(bf_current_task, "current_task", f_current_task);
static AI_BUILTIN_FN(bf_all_tasks, "all_tasks", f_all_tasks);
static AI_BUILTIN_FN(bf_get_running_loop, "get_running_loop", f_get_running_loop);
static AI_BUILTIN_FN(bf_get_event_loop, "get_event_loop", f_get_event_loop);
static AI_BUILTIN_FN(bf_new_event_loop, "new_event_loop", f_new_event_loop);
static AI_BUILTIN_FN(bf_set_event_loop, "set_event_loop", f_set_event_loop);
static AI_BUILTIN_FN(bf_iscoroutine, "iscoroutine", f_iscoroutine);
static AI_BUILTIN_FN(bf_iscoroutinefunction, "iscoroutinefunction", f_iscoroutinefunction);
static AI_BUILTIN_FN(bf_isfuture, "isfuture", f_isfuture);
static AI_BUILTIN_FN(bf_to_thread, "to_thread", f_to_thread);

int aio_tasks_init(ai_value m) {
    static ai_builtin_fn *const fns[] = {
        &bf_run, &bf_sleep, &bf_create_task, &bf_ensure_future, &bf_gather, &bf_shield, &bf_wait_for,
        &bf_wait, &bf_as_completed, &bf_current_task, &bf_all_tasks, &bf_get_running_loop,
        &bf_get_event_loop, &bf_new_event_loop, &bf_set_event_loop, &bf_iscoroutine,
        &bf_iscoroutinefunction, &bf_isfuture, &bf_to_thread, &bf_wrap_future,
    };
    for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
        if (mod_add_fn(m, fns[i]) < 0) return -1;
    if (mod_add(m, "Runner", ai_val(&aio_runner_type)) < 0) return -1;
    static const char *const names[] = {"FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"};
    for (int i = 0; i < 3; i++) {
        if (!wait_consts[i]) {
            wait_consts[i] = ai_const_str(names[i], (int64_t)strlen(names[i]));
            if (!wait_consts[i]) return -1;
        }
        if (mod_add(m, names[i], wait_consts[i]) < 0) return -1;
    }
    return 0;
}
