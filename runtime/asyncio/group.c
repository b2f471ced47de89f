/*
 * asyncio/group.c — structured concurrency of CPython 3.11:
 * asyncio.TaskGroup (asyncio.taskgroups) and asyncio.timeout /
 * timeout_at / Timeout (asyncio.timeouts).
 *
 * TaskGroup follows taskgroups.py step for step: a child's failure
 * aborts the group (cancels the other children) and cancels the parent
 * task once; __aexit__ waits for every child through a future that the
 * last child's done-callback completes, uncancels the parent, and raises
 * the children's errors as an ExceptionGroup ("unhandled errors in a
 * TaskGroup"). Its children are kept in creation order, so aborting
 * cancels them in that order.
 *
 * CPython keeps the children in a set and discards each when its
 * done-callback runs; what it reads of the set is its size (repr,
 * __aexit__'s wait) and, to abort, the children still pending. So the
 * group keeps a list in creation order and a count of children whose
 * callback has not run (`live`): a child leaves the count at its
 * callback, and the list when it is compacted (dropping the children no
 * longer pending, once they are more than half of it). A hash set of
 * 200,000 tasks made each create_task and each callback a cache miss
 * or two (spawn_many).
 *
 * Timeout cancels the task that entered it when its deadline passes and
 * turns that task's CancelledError into TimeoutError on the way out,
 * using the task's cancel count (cancelling/uncancel) so that an outer
 * cancellation still propagates.
 */
#include "asyncio/aio.h"

#include "modules/modutil.h"

#define METHOD(fn) AIO_METHOD(fn)
#define NOARGS(name)                                                                       \
    do {                                                                                   \
        (void)args;                                                                        \
        if (call_no_kwargs(name, kwnames) < 0 || call_exact_args(name, nargs, 0) < 0) \
            return AI_ERR;                                                                 \
    } while (0)
#define NATIVE_INFO(var, name, qualname) \
    static const ai_func_info var = {name, qualname, 0, 0, NULL, NULL, NULL, 0, 0}

extern ai_type aio_taskgroup_type, aio_timeout_type;

/* ---- TaskGroup ------------------------------------------------------------------------------ */

typedef struct aio_taskgroup {
    ai_object ob;
    ai_value loop;
    ai_value parent;            /* the task that entered it */
    ai_value tasks;             /* list: the children in creation order,
                                   with some that are done */
    int64_t live;               /* children whose callback has not run */
    int64_t done;               /* … and those that ran, still listed */
    ai_value errors;            /* list */
    ai_value base_error;        /* SystemExit / KeyboardInterrupt, or 0 */
    ai_value on_completed;      /* future, or 0 */
    bool entered, exiting, aborting, parent_cancel_requested;
} aio_taskgroup;

static aio_taskgroup *tg(ai_value v) { return (aio_taskgroup *)ai_obj(v); }

static void tg_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    aio_taskgroup *g = (aio_taskgroup *)o;
    ai_value *s[] = {&g->loop, &g->parent, &g->tasks, &g->errors, &g->base_error, &g->on_completed};
    for (size_t i = 0; i < sizeof s / sizeof *s; i++)
        if (*s[i]) visit(s[i], ctx);
}

static void tg_set(ai_value g, ai_value *slot, ai_value v) {
    *slot = v;
    gc_barrier(ai_obj(g), v);
}

static bool is_base_error(ai_value exc) {
    return cls_isinstance(exc, &ai_exc_SystemExit) || cls_isinstance(exc, &ai_exc_KeyboardInterrupt);
}

static ai_value tg_repr(ai_value self) {
    aio_ahead_guard(); /* shows state other tasks change */
    aio_taskgroup *g = tg(self);
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "<TaskGroup");
    if (g->live) sb_printf(&b, " tasks=%lld", (long long)g->live);
    if (g->errors && list_obj(g->errors)->len) sb_printf(&b, " errors=%lld", (long long)list_obj(g->errors)->len);
    if (g->aborting) sb_adds(&b, " cancelling");
    else if (g->entered) sb_adds(&b, " entered");
    sb_addc(&b, '>');
    return sb_finish(&b);
}

static int tg_abort(ai_value self) {
    tg(self)->aborting = true;
    /* a copy: cancelling runs code that may add children */
    ai_value l = ai_list_new(list_obj(tg(self)->tasks)->items, list_obj(tg(self)->tasks)->len);
    if (!l) return -1;
    for (int64_t i = 0; i < list_obj(l)->len; i++) {
        ai_value t = list_obj(l)->items[i];
        if (aio_fut(t)->state == AIO_PENDING && aio_cancel_any(t, AI_NONE) < 0) return -1;
    }
    return 0;
}

static ai_value tg_error_msg(ai_value self, const char *what) {
    ai_value r = tg_repr(self);
    int64_t n;
    const char *s = r ? str_utf8(r, &n) : "?";
    return ai_raise_fmt(&ai_exc_RuntimeError, "TaskGroup %s %s", s, what);
}

int aio_taskgroup_cb(ai_value self, ai_value task) {
    aio_taskgroup *g = tg(self);
    g->live--;
    if (++g->done > 64 && g->done * 2 > list_obj(g->tasks)->len) {
        /* compact: keep the children still pending, in order */
        ai_list *l = list_obj(g->tasks);
        int64_t k = 0;
        for (int64_t i = 0; i < l->len; i++)
            if (aio_fut(l->items[i])->state == AIO_PENDING) l->items[k++] = l->items[i];
        for (int64_t i = k; i < l->len; i++) l->items[i] = 0;
        l->len = k;
        gc_barrier_all(l); /* items moved to other cards */
        g->done = 0;
    }
    if (g->on_completed && g->live == 0 && aio_fut(g->on_completed)->state == AIO_PENDING)
        if (aio_future_set_result(g->on_completed, AI_TRUE) < 0) return -1;
    aio_future *t = aio_fut(task);
    if (t->state == AIO_CANCELLED || !t->exception) return 0;
    t->log_tb = false;
    ai_value exc = t->exception;
    if (ai_list_append(tg(self)->errors, exc) < 0) return -1;
    g = tg(self);
    if (is_base_error(exc) && !g->base_error) tg_set(self, &g->base_error, exc);
    if (aio_fut(g->parent)->state != AIO_PENDING) {
        ai_value r = ai_repr(task), pr = r ? ai_repr(g->parent) : 0;
        int64_t n;
        strbuf b;
        sb_init(&b);
        sb_adds(&b, "Task ");
        sb_adds(&b, r ? str_utf8(r, &n) : "?");
        sb_adds(&b, " has errored out but its parent task ");
        sb_adds(&b, pr ? str_utf8(pr, &n) : "?");
        sb_adds(&b, " is already completed");
        sb_addc(&b, 0);
        aio_report_task_exception(b.p, exc, task);
        sb_free(&b);
        return 0;
    }
    if (!g->aborting && !g->parent_cancel_requested) {
        if (tg_abort(self) < 0) return -1;
        tg(self)->parent_cancel_requested = true;
        if (aio_cancel_any(tg(self)->parent, AI_NONE) < 0) return -1;
    }
    return 0;
}

static ai_value tg_aenter_body(const ai_value *a) {
    ai_value self = a[0];
    aio_taskgroup *g = tg(self);
    if (g->entered) return tg_error_msg(self, "has been already entered");
    g->entered = true;
    if (!g->loop) {
        ai_value loop = aio_running_loop();
        if (!loop) return AI_ERR;
        tg_set(self, &tg(self)->loop, loop);
    }
    ai_value cur = aio_state_get()->current;
    if (!cur) return tg_error_msg(self, "cannot determine the parent task");
    tg_set(self, &tg(self)->parent, cur);
    return self;
}
NATIVE_INFO(tg_aenter_info, "__aenter__", "TaskGroup.__aenter__");

static ai_value tg_aexit_body(const ai_value *a) {
    ai_value self = a[0], et = a[1], exc = a[2];
    tg(self)->exiting = true;
    if (exc != AI_NONE && is_base_error(exc) && !tg(self)->base_error) tg_set(self, &tg(self)->base_error, exc);
    ai_value propagate = et == ai_val(&aio_CancelledError) ? exc : 0;
    if (tg(self)->parent_cancel_requested) {
        aio_task *p = aio_tsk(tg(self)->parent);
        if (p->num_cancels > 0) p->num_cancels--;
        if (p->num_cancels == 0) propagate = 0;
    }
    if (et != AI_NONE && !tg(self)->aborting && tg_abort(self) < 0) return AI_ERR;
    while (tg(self)->live) {
        if (!tg(self)->on_completed) {
            ai_value f = aio_future_new(tg(self)->loop);
            if (!f) return AI_ERR;
            tg_set(self, &tg(self)->on_completed, f);
        }
        if (!aio_future_await(tg(self)->on_completed)) {
            if (!exc_pending_is(&aio_CancelledError)) return AI_ERR;
            ai_value ex = ai_exc_fetch();
            if (!tg(self)->aborting) {
                propagate = ex;
                if (tg_abort(self) < 0) return AI_ERR;
            }
        }
        tg(self)->on_completed = 0;
    }
    aio_taskgroup *g = tg(self);
    if (g->base_error) return ai_raise(g->base_error, 0);
    if (propagate && list_obj(g->errors)->len == 0) return ai_raise(propagate, 0);
    if (et != AI_NONE && et != ai_val(&aio_CancelledError) && ai_list_append(tg(self)->errors, exc) < 0)
        return AI_ERR;
    g = tg(self);
    if (list_obj(g->errors)->len) {
        ai_value errors = g->errors;
        g->errors = 0;
        bool all_exc = true;
        for (int64_t i = 0; i < list_obj(errors)->len; i++)
            if (!cls_isinstance(list_obj(errors)->items[i], &ai_exc_Exception)) all_exc = false;
        ai_value msg = str_from_cstr("unhandled errors in a TaskGroup");
        if (!msg) return AI_ERR;
        ai_value args = tuple_pack2(msg, errors);
        if (!args) return AI_ERR;
        ai_value eg = exc_new(all_exc ? &ai_exc_ExceptionGroup : &ai_exc_BaseExceptionGroup, args);
        if (!eg) return AI_ERR;
        ai_raise(eg, AI_NONE);
        aio_add_frame(AIO_FR_TASKGROUP_RAISE); /* CPython's `raise me from None` */
        return AI_ERR;
    }
    return AI_NONE;
}
NATIVE_INFO(tg_aexit_info, "__aexit__", "TaskGroup.__aexit__");

METHOD(tg_aenter) {
    NOARGS("__aenter__");
    return aio_native_coro(&tg_aenter_info, tg_aenter_body, &self, 1);
}

METHOD(tg_aexit) {
    if (call_no_kwargs("__aexit__", kwnames) < 0 || call_exact_args("__aexit__", nargs, 3) < 0) return AI_ERR;
    ai_value a[4] = {self, args[0], args[1], args[2]};
    return aio_native_coro(&tg_aexit_info, tg_aexit_body, a, 4);
}

METHOD(tg_create_task) {
    static const char *const kw[] = {"coro", "name", "context"};
    mu_clinic c = {"create_task", kw, 0, 1, 2, 1, 0};
    ai_value a[3] = {0, 0, 0};
    /* create_task(coro), the usual call, needs no parsing */
    if (nargs == 1 && !kwnames) a[0] = args[0];
    else if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    aio_taskgroup *g = tg(self);
    if (!g->entered) return tg_error_msg(self, "has not been entered");
    if (g->exiting && g->live == 0) return tg_error_msg(self, "is finished");
    if (g->aborting) return tg_error_msg(self, "is shutting down");
    ai_value task = aio_spawn_task(g->loop, a[0], a[1] && a[1] != AI_NONE ? a[1] : 0);
    if (!task) return AI_ERR;
    if (aio_future_add_cb(task, AIO_CB(AIO_CB_TASKGROUP), self) < 0) return AI_ERR;
    if (ai_list_append(tg(self)->tasks, task) < 0) return AI_ERR;
    tg(self)->live++;
    return task;
}

static ai_value tg_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls, (void)args;
    if (mu_no_args("TaskGroup", nargs, kwnames) < 0) return AI_ERR;
    ai_value tasks = list_new(0), errors = tasks ? list_new(0) : 0;
    if (!errors) return AI_ERR;
    aio_taskgroup *g = ai_alloc(&aio_taskgroup_type, sizeof(aio_taskgroup));
    if (!g) return AI_ERR;
    g->tasks = tasks;
    g->errors = errors;
    return ai_val(g);
}

static const ai_method_def tg_methods[] = {
    {"__aenter__", tg_aenter, &aio_taskgroup_type, 0},
    {"__aexit__", tg_aexit, &aio_taskgroup_type, 0},
    {"create_task", tg_create_task, &aio_taskgroup_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_slots tg_slots = {.methods = tg_methods, .construct = tg_construct};

ai_type aio_taskgroup_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "TaskGroup",
    .module = "asyncio.taskgroups",
    .base = &ai_object_type,
    .basicsize = sizeof(aio_taskgroup),
    .repr = tg_repr,
    .gc_visit = tg_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&tg_slots,
};

/* ---- Timeout ---------------------------------------------------------------------------------- */

enum { TM_CREATED, TM_ENTERED, TM_EXPIRING, TM_EXPIRED, TM_EXITED };
static const char *const tm_state_names[] = {"created", "active", "expiring", "expired", "finished"};

typedef struct aio_timeout {
    ai_object ob;
    ai_value when;              /* float or None */
    ai_value handler;           /* Handle / TimerHandle, or 0 */
    ai_value task;              /* the task that entered it, or 0 */
    int32_t state;
    int64_t cancelling;         /* the task's cancel count on entry: an
                                   expiry is ours to turn into TimeoutError
                                   only if uncancelling it brings the count
                                   back to this (timeouts.py's rule; a
                                   TaskGroup of 3.11 may leave it above 0) */
} aio_timeout;

static aio_timeout *tm(ai_value v) { return (aio_timeout *)ai_obj(v); }

static void tm_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    aio_timeout *t = (aio_timeout *)o;
    visit(&t->when, ctx);
    if (t->handler) visit(&t->handler, ctx);
    if (t->task) visit(&t->task, ctx);
}

static void tm_set(ai_value t, ai_value *slot, ai_value v) {
    *slot = v;
    gc_barrier(ai_obj(t), v);
}

int aio_timeout_cb(ai_value self, ai_value unused) {
    (void)unused;
    if (aio_cancel_any(tm(self)->task, AI_NONE) < 0) return -1;
    tm(self)->state = TM_EXPIRING;
    tm(self)->handler = 0;
    return 0;
}

static int tm_reschedule(ai_value self, ai_value when) {
    aio_timeout *t = tm(self);
    if (t->state != TM_ENTERED) {
        ai_raise_fmt(&ai_exc_RuntimeError, "Cannot change state of %s Timeout", tm_state_names[t->state]);
        return -1;
    }
    tm_set(self, &tm(self)->when, when);
    if (tm(self)->handler) aio_handle_cancel(tm(self)->handler);
    if (when == AI_NONE) {
        tm(self)->handler = 0;
        return 0;
    }
    ai_value loop = aio_running_loop();
    if (!loop) return -1;
    double w;
    bool is_number;
    if (!float_coerce(when, &w, &is_number)) {
        if (!exc_pending())
            ai_raise_fmt(&ai_exc_TypeError, "'<=' not supported between instances of '%s' and 'float'",
                         obj_type_name(when));
        return -1;
    }
    ai_value h = w <= aio_loop_time(loop) ? aio_call_soon_handle(loop, AIO_CB(AIO_CB_TIMEOUT), self, AI_NONE)
                                          : aio_call_at(loop, w, AIO_CB(AIO_CB_TIMEOUT), self, AI_NONE);
    if (!h) return -1;
    tm_set(self, &tm(self)->handler, h);
    return 0;
}

static ai_value tm_aenter_body(const ai_value *a) {
    ai_value self = a[0];
    tm(self)->state = TM_ENTERED;
    ai_value cur = aio_state_get()->current;
    if (!cur) return ai_raise_msg(&ai_exc_RuntimeError, "Timeout should be used inside a task");
    tm_set(self, &tm(self)->task, cur);
    tm(self)->cancelling = aio_tsk(cur)->num_cancels;
    if (tm_reschedule(self, tm(self)->when) < 0) return AI_ERR;
    return self;
}
NATIVE_INFO(tm_aenter_info, "__aenter__", "Timeout.__aenter__");

static ai_value tm_aexit_body(const ai_value *a) {
    ai_value self = a[0], et = a[1];
    aio_timeout *t = tm(self);
    if (t->handler) {
        aio_handle_cancel(t->handler);
        t->handler = 0;
    }
    if (t->state == TM_EXPIRING) {
        t->state = TM_EXPIRED;
        aio_task *task = aio_tsk(t->task);
        if (task->num_cancels > 0) task->num_cancels--;
        if (task->num_cancels <= t->cancelling && et == ai_val(&aio_CancelledError)) {
            /* `raise TimeoutError from exc_val` while the CancelledError
             * is being handled: it is the new exception's cause and its
             * context */
            ai_value te = exc_new(&ai_exc_TimeoutError, 0);
            if (!te) return AI_ERR;
            ai_exc *x = (ai_exc *)ai_obj(te);
            x->context = a[2];
            x->cause = a[2];
            x->suppress_context = 1;
            gc_barrier(ai_obj(te), a[2]);
            exc_set_pending(te);
            aio_add_frame(AIO_FR_TIMEOUT_RAISE); /* CPython's `raise TimeoutError from exc_val` */
            return AI_ERR;
            return exc_set_pending(te);
        }
    } else if (t->state == TM_ENTERED) {
        t->state = TM_EXITED;
    }
    return AI_NONE;
}
NATIVE_INFO(tm_aexit_info, "__aexit__", "Timeout.__aexit__");

METHOD(tm_aenter) {
    NOARGS("__aenter__");
    return aio_native_coro(&tm_aenter_info, tm_aenter_body, &self, 1);
}

METHOD(tm_aexit) {
    if (call_no_kwargs("__aexit__", kwnames) < 0 || call_exact_args("__aexit__", nargs, 3) < 0) return AI_ERR;
    ai_value a[4] = {self, args[0], args[1], args[2]};
    return aio_native_coro(&tm_aexit_info, tm_aexit_body, a, 4);
}

METHOD(tm_when) {
    NOARGS("when");
    return tm(self)->when;
}

METHOD(tm_reschedule_m) {
    if (call_no_kwargs("reschedule", kwnames) < 0 || call_exact_args("reschedule", nargs, 1) < 0) return AI_ERR;
    return tm_reschedule(self, args[0]) < 0 ? AI_ERR : AI_NONE;
}

METHOD(tm_expired) {
    NOARGS("expired");
    return ai_bool(tm(self)->state == TM_EXPIRING || tm(self)->state == TM_EXPIRED);
}

static ai_value tm_repr(ai_value self) {
    aio_ahead_guard(); /* shows state other tasks change */
    aio_timeout *t = tm(self);
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "<Timeout [%s]", tm_state_names[t->state]);
    if (t->state == TM_ENTERED) {
        sb_adds(&b, " when=");
        if (t->when == AI_NONE) {
            sb_adds(&b, "None");
        } else {
            ai_value r = ai_call(ai_builtin("round"), (ai_value[]){t->when, ai_smallint(3)}, 2, 0);
            ai_value rr = r ? ai_repr(r) : 0;
            if (!rr) {
                sb_free(&b);
                return AI_ERR;
            }
            sb_add_str(&b, rr);
        }
    }
    sb_addc(&b, '>');
    return sb_finish(&b);
}

static ai_value tm_new(ai_value when) {
    aio_timeout *t = ai_alloc(&aio_timeout_type, sizeof(aio_timeout));
    if (!t) return AI_ERR;
    t->when = when;
    return ai_val(t);
}

static ai_value tm_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    static const char *const kw[] = {"when"};
    mu_clinic c = {"Timeout", kw, 0, 1, 0, 1, 0};
    ai_value a[1];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    return tm_new(a[0]);
}

static const ai_method_def tm_methods[] = {
    {"__aenter__", tm_aenter, &aio_timeout_type, 0},
    {"__aexit__", tm_aexit, &aio_timeout_type, 0},
    {"when", tm_when, &aio_timeout_type, 0},
    {"reschedule", tm_reschedule_m, &aio_timeout_type, 0},
    {"expired", tm_expired, &aio_timeout_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_slots tm_slots = {.methods = tm_methods, .construct = tm_construct};

ai_type aio_timeout_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "Timeout",
    .module = "asyncio.timeouts",
    .base = &ai_object_type,
    .basicsize = sizeof(aio_timeout),
    .repr = tm_repr,
    .gc_visit = tm_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&tm_slots,
};

static ai_value f_timeout(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames) {
    aio_ahead_guard(); /* shows state other tasks change */
    (void)callable;
    static const char *const kw[] = {"delay"};
    mu_clinic c = {"timeout", kw, 0, 1, 0, 1, 0};
    ai_value a[1];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    ai_value loop = aio_running_loop();
    if (!loop) return AI_ERR;
    if (a[0] == AI_NONE) return tm_new(AI_NONE);
    double d;
    bool is_number;
    if (!float_coerce(a[0], &d, &is_number)) {
        if (!exc_pending())
            ai_raise_fmt(&ai_exc_TypeError, "unsupported operand type(s) for +: 'float' and '%s'", obj_type_name(a[0]));
        return AI_ERR;
    }
    ai_value w = ai_float_box(aio_loop_time(loop) + d);
    return w ? tm_new(w) : AI_ERR;
}

static ai_value f_timeout_at(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames) {
    aio_ahead_guard(); /* shows state other tasks change */
    (void)callable;
    static const char *const kw[] = {"when"};
    mu_clinic c = {"timeout_at", kw, 0, 1, 0, 1, 0};
    ai_value a[1];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    return tm_new(a[0]);
}

static AI_BUILTIN_FN(bf_timeout, "timeout", f_timeout);
static AI_BUILTIN_FN(bf_timeout_at, "timeout_at", f_timeout_at);

int aio_group_init(ai_value m) {
    if (mod_add(m, "TaskGroup", ai_val(&aio_taskgroup_type)) < 0 ||
        mod_add(m, "Timeout", ai_val(&aio_timeout_type)) < 0 || mod_add_fn(m, &bf_timeout) < 0 ||
        mod_add_fn(m, &bf_timeout_at) < 0)
        return -1;
    return 0;
}
