/*
 * objects/coro.c — coroutines, asynchronous generators, and the await
 * protocol (ai_await, async for, async with).
 *
 * A coroutine object is what calling an `async def` returns: the
 * function, its bound arguments, and a body not yet run (objects/gen.h).
 * It runs in one of two ways:
 *   - INLINE: `await coro` of a coroutine that has not started calls the
 *     body directly on the awaiting stack, as a plain call (CPython runs
 *     it in the awaiting task too; only the stack is shared). Its awaits
 *     suspend whatever context the awaiter runs in.
 *   - ON ITS OWN STACK, when something drives it step by step: a Task
 *     (asyncio/future.c) or the program itself (coro.send(None)).
 *
 * Suspending (coro_suspend): the innermost asynchronous context gives up
 * the CPU with the object it waits for — a task's coroutine or an async
 * generator's body switches back to its driver (gen_suspend, `awaiting`
 * set); the root task of asyncio.run, which runs inline on the loop's
 * stack, lets the loop run nested until it is woken (asyncio/loop.c).
 *
 * An async generator's body runs on its own stack. `yield v` in it
 * switches back to the consumer with `awaiting` clear (a value for
 * `async for`); an await in it switches back with `awaiting` set, and the
 * consumer passes the awaited object further up (suspending its own
 * context) and resumes the body with what comes back — CPython's
 * delegation through asend/athrow objects.
 *
 * Async generators first iterated under a running loop are registered
 * with it (asyncio/loop.c, CPython's asyncgen hooks), which closes them
 * when `async for` leaves them early or the loop shuts down. Not
 * handled: the "coroutine 'f' was never awaited" RuntimeWarning when the
 * coroutine dies elsewhere than in an expression statement (CPython
 * prints it when the object dies, a moment a tracing collector does not
 * know; ai_coroutine_dropped covers `f()` without await).
 */
#include "objects/gen.h"

#include "asyncio/aio.h"
#include "gc/gc.h"

#include <pthread.h>
#include <stdlib.h>

/* ---- coroutine objects ---------------------------------------------------------------- */

static ai_value gen_kind_repr(ai_value v, const char *what) {
    ai_gen *g = gen_obj(v);
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "<%s object %s at %p>", what, g->info->qualname, (void *)g);
    return sb_finish(&b);
}

static ai_value coro_repr(ai_value v) { return gen_kind_repr(v, "coroutine"); }
static ai_value agen_repr(ai_value v) { return gen_kind_repr(v, "async_generator"); }

ai_value ai_coro_new(const ai_func_info *info, void *thunk, const ai_value *slots, int64_t n) {
    ai_gen *g = gen_make(&ai_coro_type, GEN_CORO, info, thunk, slots, n);
    return g ? ai_val(g) : AI_ERR;
}

ai_value ai_asyncgen_new(const ai_func_info *info, void *thunk, const ai_value *slots, int64_t n) {
    ai_gen *g = gen_make(&ai_asyncgen_type, GEN_ASYNCGEN, info, thunk, slots, n);
    return g ? ai_val(g) : AI_ERR;
}

/* "f() running at file:line" / "f() done, defined at file:line", for the
 * repr of a task. */
void coro_describe(strbuf *b, ai_value coro) {
    if (!gen_check_any(coro)) {
        ai_value r = ai_repr(coro);
        if (r) sb_add_str(b, r);
        else exc_clear();
        return;
    }
    ai_gen *g = gen_obj(coro);
    const ai_code_info *code = g->info->code;
    if (!code && aio_describe_native(b, g)) return;
    sb_printf(b, "%s()", g->info->qualname);
    if (!code) {
        sb_adds(b, g->state == GEN_DONE ? " done" : " running");
        return;
    }
    if (g->state == GEN_DONE) sb_printf(b, " done, defined at %s:%d", code->filename, code->firstlineno);
    else sb_printf(b, " running at %s:%d", code->filename, g->line ? g->line : code->firstlineno);
}

/* cr_running, cr_await, __name__, __qualname__ … */
static ai_value g_name(ai_value v) { return str_from_cstr(gen_obj(v)->info->name); }
static ai_value g_qualname(ai_value v) { return str_from_cstr(gen_obj(v)->info->qualname); }
static ai_value g_running(ai_value v) {
    int32_t s = gen_obj(v)->state;
    return ai_bool(s == GEN_RUNNING || s == GEN_INLINE);
}

/* coro.__await__(): an iterator that drives the coroutine (CPython's
 * coroutine_wrapper). */
typedef struct coro_wrapper {
    ai_object ob;
    ai_value target;    /* a coroutine, or a future (Future.__await__) */
    bool yielded;       /* future: it has been yielded once */
} coro_wrapper;

static ai_type coro_wrapper_type, future_iter_type;

static void wrapper_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit(&((coro_wrapper *)o)->target, ctx);
}

static ai_value wrapper_new(ai_type *t, ai_value target) {
    coro_wrapper *w = ai_alloc(t, sizeof(coro_wrapper));
    if (!w) return AI_ERR;
    w->target = target;
    return ai_val(w);
}

ai_value coro_await_iter_new(ai_value fut) { return wrapper_new(&future_iter_type, fut); }

static ai_value m_await(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)args;
    if (call_no_kwargs("__await__", kwnames) < 0 || call_exact_args("__await__", nargs, 0) < 0) return AI_ERR;
    gen_obj(self)->started_by_await = true;
    return wrapper_new(&coro_wrapper_type, self);
}

static int32_t wrapper_next(ai_value it, ai_value *out) {
    coro_wrapper *w = (coro_wrapper *)ai_obj(it);
    ai_value v;
    int32_t rc = gen_resume(gen_obj(w->target), AI_NONE, false, &v);
    if (rc == 1) {
        *out = v;
        return 1;
    }
    /* returned: the end of the iteration (`yield from` and await read
     * the return value through coro_iter_target instead) */
    return rc < 0 ? -1 : 0;
}

static ai_value wrapper_send(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    return gen_m_send(((coro_wrapper *)ai_obj(self))->target, args, nargs, kwnames);
}
static ai_value wrapper_throw(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    return gen_m_throw(((coro_wrapper *)ai_obj(self))->target, args, nargs, kwnames);
}
static ai_value wrapper_close(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    return gen_m_close(((coro_wrapper *)ai_obj(self))->target, args, nargs, kwnames);
}

static const ai_method_def wrapper_methods[] = {
    {"send", wrapper_send, &coro_wrapper_type, 0},
    {"throw", wrapper_throw, &coro_wrapper_type, 0},
    {"close", wrapper_close, &coro_wrapper_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_slots wrapper_slots = {.iter = obj_iter_self, .next = wrapper_next, .methods = wrapper_methods};
static ai_type coro_wrapper_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "coroutine_wrapper",
    .base = &ai_object_type,
    .basicsize = sizeof(coro_wrapper),
    .repr = obj_default_repr,
    .gc_visit = wrapper_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&wrapper_slots,
};

/* Future.__await__(): yields the future once while it is pending, then
 * finishes with its result (CPython's FutureIter). */
static int32_t future_iter_next(ai_value it, ai_value *out) {
    coro_wrapper *w = (coro_wrapper *)ai_obj(it);
    aio_future *f = aio_fut(w->target);
    if (f->state == AIO_PENDING && !w->yielded) {
        w->yielded = true;
        f->blocking = true;
        *out = w->target;
        return 1;
    }
    if (f->state == AIO_PENDING) {
        ai_raise_msg(&ai_exc_RuntimeError, "await wasn't used with future");
        return -1;
    }
    return aio_future_result(w->target) ? 0 : -1;
}

static ai_value future_iter_send(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)args;
    if (call_no_kwargs("send", kwnames) < 0 || call_exact_args("send", nargs, 1) < 0) return AI_ERR;
    ai_value v;
    int32_t rc = future_iter_next(self, &v);
    if (rc != 0) return rc == 1 ? v : AI_ERR;
    ai_value r = aio_future_result(((coro_wrapper *)ai_obj(self))->target);
    if (!r) return AI_ERR;
    ai_value a = r == AI_NONE ? ai_val(&tuple_empty_obj) : ai_tuple_pack(&r, 1);
    return a ? exc_raise_args(&ai_exc_StopIteration, a) : AI_ERR;
}

static ai_value future_iter_throw(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("throw", kwnames) < 0) return AI_ERR;
    ai_value exc = gen_throw_exception("throw", args, nargs);
    if (exc) exc_set_pending(exc);
    return AI_ERR;
}

static const ai_method_def future_iter_methods[] = {
    {"send", future_iter_send, &future_iter_type, 0},
    {"throw", future_iter_throw, &future_iter_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_slots future_iter_slots = {.iter = obj_iter_self, .next = future_iter_next, .methods = future_iter_methods};
static ai_type future_iter_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "FutureIter",
    .module = "_asyncio",
    .base = &ai_object_type,
    .basicsize = sizeof(coro_wrapper),
    .repr = obj_default_repr,
    .gc_visit = wrapper_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&future_iter_slots,
};

static ai_value coro_send(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    gen_obj(self)->started_by_await = true;
    return gen_m_send(self, args, nargs, kwnames);
}

static const ai_method_def coro_methods[] = {
    {"send", coro_send, &ai_coro_type, 0},
    {"throw", gen_m_throw, &ai_coro_type, 0},
    {"close", gen_m_close, &ai_coro_type, 0},
    {"__await__", m_await, &ai_coro_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_getset_def coro_getset[] = {
    {"__name__", g_name},
    {"__qualname__", g_qualname},
    {"cr_running", g_running},
    {NULL, NULL},
};
static const ai_slots coro_slots = {.methods = coro_methods, .getset = coro_getset};

ai_type ai_coro_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "coroutine",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_gen),
    .repr = coro_repr,
    .gc_visit = gen_gc_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&coro_slots,
};

/* ---- "never awaited" ------------------------------------------------------------------------ */

/* The warnings already shown: CPython's "default" action shows a warning
 * once per (message, category, module, line) — a loop that drops a
 * coroutine at each turn warns once. Process-wide (any actor may warn). */
typedef struct shown_warning {
    const ai_code_info *code;
    const ai_func_info *info;
    int32_t line;
    struct shown_warning *next;
} shown_warning;
static shown_warning *shown;
static pthread_mutex_t shown_lock = PTHREAD_MUTEX_INITIALIZER;

static bool first_time(const ai_code_info *code, const ai_func_info *info, int32_t line) {
    bool first = true;
    pthread_mutex_lock(&shown_lock);
    for (shown_warning *w = shown; w; w = w->next)
        if (w->code == code && w->info == info && w->line == line) first = false;
    if (first) {
        shown_warning *w = malloc(sizeof *w);
        if (w) {
            *w = (shown_warning){code, info, line, shown};
            shown = w;
        }
    }
    pthread_mutex_unlock(&shown_lock);
    return first;
}

void ai_coroutine_dropped(ai_value v, const ai_code_info *code, int32_t line) {
    ai_gen *g = gen_obj(v);
    if (g->kind != GEN_CORO || g->state != GEN_CREATED || g->started_by_await) return;
    g->started_by_await = true;
    g->state = GEN_DONE;
    if (!first_time(code, g->info, line)) return;
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n", code ? code->filename : "sys",
              code ? line : 1, g->info->qualname);
    const char *p;
    size_t n;
    if (code && exc_source_line(code->source, line, &p, &n)) {
        sb_adds(&b, "  ");
        sb_add(&b, p, n);
        sb_addc(&b, '\n');
    }
    sb_adds(&b, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    bi_stderr_write(b.p, b.len);
    sb_free(&b);
}

/* ---- suspending ---------------------------------------------------------------------------- */

ai_value coro_suspend(ai_value y) {
    if (aio_ahead_suspend(y)) return AI_NONE; /* evaluated ahead: counted, not taken */
    ai_gen *g = gen_current();
    aio_state *st = aio_state_get();
    if (g && g != st->inline_base && g->kind != GEN_PLAIN) return gen_suspend(g, y, true);
    if (st->inline_task && g == st->inline_base) return aio_inline_suspend(y);
    if (aio_is_future(y) || y == AI_NONE)
        return ai_raise_msg(&ai_exc_RuntimeError, "await wasn't used with future");
    return ai_raise_msg(&ai_exc_RuntimeError, "coroutine suspended outside of an event loop");
}

/* ---- await ------------------------------------------------------------------------------------ */

ai_value coro_iter_target(ai_value it) {
    if (ai_is_smallint(it)) return 0;
    ai_type *t = ai_type_of_obj(ai_obj(it));
    if (t == &coro_wrapper_type || t == &future_iter_type) return ((coro_wrapper *)ai_obj(it))->target;
    return 0;
}

static ai_value run_asend(ai_value agen, ai_value sent, bool thrown);
extern ai_type ai_asend_type;
static ai_value await_asend(ai_value aw);

ai_gen *gen_await_enter(int32_t line) {
    ai_gen *cur = gen_current();
    if (!cur) {
        aio_root_await(line, 1); /* the inline root task's await */
        return NULL;
    }
    if (line && !cur->inline_depth) cur->line = line;
    cur->inline_depth++;
    return cur;
}

void gen_await_leave(ai_gen *cur) {
    if (!cur) aio_root_await(0, -1);
    else if (cur->inline_depth) cur->inline_depth--;
}

void ai_await_direct_enter(int32_t line) { (void)gen_await_enter(line); }

void ai_await_direct_leave(void) { gen_await_leave(gen_current()); }

ai_value ai_await(ai_value v, int32_t line) {
    if (!v) return AI_ERR;
    if (ai_is_smallint(v)) return ai_raise_fmt(&ai_exc_TypeError, "object int can't be used in 'await' expression");
    ai_type *t = ai_type_of_obj(ai_obj(v));
    /* the awaiting coroutine's line, for the repr of its task */
    ai_gen *cur = gen_current();
    if (cur && line && !cur->inline_depth) cur->line = line;
    else if (!cur && line) aio_root_await(line, 0);
    if (t == &ai_coro_type) {
        ai_gen *g = gen_obj(v);
        g->started_by_await = true;
        if (g->state == GEN_CREATED) {
            /* run the body right here */
            g->state = GEN_INLINE;
            if (cur) cur->inline_depth++;
            ai_value r = g->thunk(tuple_obj(g->args)->items);
            cur = gen_current();
            if (cur) cur->inline_depth--;
            g = gen_obj(v);
            if (!r) gen_stop_iteration_check(g);
            g->state = GEN_DONE;
            g->args = ai_val(&tuple_empty_obj);
            return r;
        }
        if (g->state == GEN_DONE) return ai_raise_msg(&ai_exc_RuntimeError, "cannot reuse already awaited coroutine");
        if (g->state != GEN_SUSPENDED) return ai_raise_msg(&ai_exc_RuntimeError, "coroutine is being awaited already");
        return gen_delegate(v, coro_suspend);
    }
    if (aio_is_future(v)) return aio_future_await(v);
    if (t == &ai_asend_type) return await_asend(v);
    ai_value m = cls_special_method(v, "__await__");
    if (!m) {
        if (exc_pending()) return AI_ERR;
        return ai_raise_fmt(&ai_exc_TypeError, "object %s can't be used in 'await' expression", t->name);
    }
    ai_value it = ai_call(m, NULL, 0, 0);
    if (!it) return AI_ERR;
    if (obj_is_type(it, &ai_coro_type))
        return ai_raise_msg(&ai_exc_TypeError, "__await__() returned a coroutine");
    if (!obj_slots(it)->next && !cls_special_method(it, "__next__")) {
        if (exc_pending()) return AI_ERR;
        return ai_raise_fmt(&ai_exc_TypeError, "__await__() returned non-iterator of type '%s'", obj_type_name(it));
    }
    return gen_delegate(it, coro_suspend);
}

/* ---- asynchronous generators ------------------------------------------------------------------- */

/* The awaitable that __anext__/asend/athrow/aclose return. */
enum { ASEND_SEND, ASEND_THROW, ASEND_CLOSE };

typedef struct ai_asend {
    ai_object ob;
    ai_value agen;
    ai_value value;     /* the value to send, or the exception to throw */
    int32_t op;         /* ASEND_* */
    bool used;
    bool has_default;   /* anext(g, default) */
    ai_value dflt;
} ai_asend;

static void asend_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_asend *a = (ai_asend *)o;
    visit(&a->agen, ctx);
    visit(&a->value, ctx);
    if (a->dflt) visit(&a->dflt, ctx);
}

static ai_value asend_await_m(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return self;
}

static const ai_method_def asend_methods[] = {
    {"__await__", asend_await_m, &ai_asend_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_slots asend_slots = {.methods = asend_methods};

ai_type ai_asend_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "async_generator_asend",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_asend),
    .repr = obj_default_repr,
    .gc_visit = asend_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&asend_slots,
};

static ai_value asend_new(ai_value agen, int op, ai_value value) {
    ai_asend *a = ai_alloc(&ai_asend_type, sizeof(ai_asend));
    if (!a) return AI_ERR;
    a->agen = agen;
    a->value = value;
    a->op = op;
    return ai_val(a);
}

/* Resume the body until it yields a value (returned), returns (raises
 * StopAsyncIteration) or raises; awaits inside it are passed up. */
static ai_value run_asend(ai_value agen, ai_value sent, bool thrown) {
    ai_gen *g = gen_obj(agen);
    if (g->state == GEN_RUNNING) {
        if (thrown) exc_clear();
        return ai_raise_msg(&ai_exc_RuntimeError, "anext(): asynchronous generator is already running");
    }
    if (g->state == GEN_DONE) {
        if (thrown) return AI_ERR;
        return ai_raise_msg(&ai_exc_StopAsyncIteration, NULL);
    }
    if (g->state == GEN_CREATED) aio_agen_first_iter(agen);
    for (;;) {
        ai_value out;
        int32_t rc = gen_resume(gen_obj(agen), sent, thrown, &out);
        if (rc <= 0) aio_agen_done(agen);
        if (rc == 0) return ai_raise_msg(&ai_exc_StopAsyncIteration, NULL);
        if (rc < 0) {
            if (exc_pending_is(&ai_exc_StopAsyncIteration) && !thrown)
                return ai_raise_msg(&ai_exc_RuntimeError, "async generator raised StopAsyncIteration");
            if (exc_pending_is(&ai_exc_StopIteration))
                return ai_raise_msg(&ai_exc_RuntimeError, "async generator raised StopIteration");
            return AI_ERR;
        }
        if (!gen_obj(agen)->awaiting) return out;
        ai_value r = coro_suspend(out);
        thrown = r == AI_ERR;
        sent = thrown ? AI_NONE : r;
    }
}

static ai_value await_asend(ai_value aw) {
    ai_asend *a = (ai_asend *)ai_obj(aw);
    if (a->used) return ai_raise_msg(&ai_exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    a->used = true;
    ai_value agen = a->agen;
    ai_gen *g = gen_obj(agen);
    if (a->op == ASEND_SEND) {
        ai_value r = run_asend(agen, g->state == GEN_CREATED ? AI_NONE : a->value, false);
        if (!r && a->has_default && exc_pending_is(&ai_exc_StopAsyncIteration)) {
            exc_clear();
            return ((ai_asend *)ai_obj(aw))->dflt;
        }
        return r;
    }
    if (a->op == ASEND_CLOSE) {
        if (g->state == GEN_CREATED || g->state == GEN_DONE) {
            g->state = GEN_DONE;
            return AI_NONE;
        }
        exc_raise_args(&ai_exc_GeneratorExit, ai_val(&tuple_empty_obj));
        ai_value r = run_asend(agen, AI_NONE, true);
        if (r) return ai_raise_msg(&ai_exc_RuntimeError, "async generator ignored GeneratorExit");
        if (exc_pending_is(&ai_exc_StopAsyncIteration) || exc_pending_is(&ai_exc_GeneratorExit)) {
            exc_clear();
            return AI_NONE;
        }
        return AI_ERR;
    }
    /* athrow */
    if (g->state == GEN_CREATED) {
        g->state = GEN_DONE;
        ai_raise(a->value, 0);
        return AI_ERR;
    }
    ai_raise(a->value, 0);
    return run_asend(agen, AI_NONE, true);
}

static ai_value ag_aiter(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)args;
    if (call_no_kwargs("__aiter__", kwnames) < 0 || call_exact_args("__aiter__", nargs, 0) < 0) return AI_ERR;
    return self;
}

static ai_value ag_anext(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)args;
    if (call_no_kwargs("__anext__", kwnames) < 0 || call_exact_args("__anext__", nargs, 0) < 0) return AI_ERR;
    return asend_new(self, ASEND_SEND, AI_NONE);
}

static ai_value ag_asend(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs("asend", kwnames) < 0 || call_exact_args("asend", nargs, 1) < 0) return AI_ERR;
    return asend_new(self, ASEND_SEND, args[0]);
}

static ai_value ag_athrow(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs("athrow", kwnames) < 0) return AI_ERR;
    ai_value exc = gen_throw_exception("athrow", args, nargs);
    return exc ? asend_new(self, ASEND_THROW, exc) : AI_ERR;
}

ai_value coro_agen_aclose(ai_value agen) { return asend_new(agen, ASEND_CLOSE, AI_NONE); }

static ai_value ag_aclose(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)args;
    if (call_no_kwargs("aclose", kwnames) < 0 || call_exact_args("aclose", nargs, 0) < 0) return AI_ERR;
    return coro_agen_aclose(self);
}

static ai_value g_ag_running(ai_value v) { return ai_bool(gen_obj(v)->state == GEN_RUNNING); }

static const ai_method_def agen_methods[] = {
    {"__aiter__", ag_aiter, &ai_asyncgen_type, 0},
    {"__anext__", ag_anext, &ai_asyncgen_type, 0},
    {"asend", ag_asend, &ai_asyncgen_type, 0},
    {"athrow", ag_athrow, &ai_asyncgen_type, 0},
    {"aclose", ag_aclose, &ai_asyncgen_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_getset_def agen_getset[] = {
    {"__name__", g_name},
    {"__qualname__", g_qualname},
    {"ag_running", g_ag_running},
    {NULL, NULL},
};
static const ai_slots agen_slots = {.methods = agen_methods, .getset = agen_getset};

ai_type ai_asyncgen_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "async_generator",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_gen),
    .repr = agen_repr,
    .gc_visit = gen_gc_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&agen_slots,
};

/* ---- async for ------------------------------------------------------------------------------- */

ai_value ai_aiter(ai_value v) {
    if (obj_is_type(v, &ai_asyncgen_type)) return v;
    ai_value m = ai_is_smallint(v) ? 0 : cls_special_method(v, "__aiter__");
    if (!m) {
        if (exc_pending()) return AI_ERR;
        return ai_raise_fmt(&ai_exc_TypeError, "'async for' requires an object with __aiter__ method, got %s",
                            obj_type_name(v));
    }
    ai_value it = ai_call(m, NULL, 0, 0);
    if (!it) return AI_ERR;
    if (!obj_is_type(it, &ai_asyncgen_type) && (ai_is_smallint(it) || !cls_special_method(it, "__anext__"))) {
        if (exc_pending()) return AI_ERR;
        return ai_raise_fmt(&ai_exc_TypeError,
                            "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                            obj_type_name(it));
    }
    return it;
}

static bool is_awaitable(ai_value v) {
    if (ai_is_smallint(v)) return false;
    ai_type *t = ai_type_of_obj(ai_obj(v));
    if (t == &ai_coro_type || t == &ai_asend_type || aio_is_future(v)) return true;
    if (cls_special_method(v, "__await__")) return true;
    exc_clear();
    return false;
}

int32_t ai_anext(ai_value it, ai_value *out) {
    ai_value r;
    if (obj_is_type(it, &ai_asyncgen_type)) {
        r = run_asend(it, AI_NONE, false);
    } else {
        ai_value m = cls_special_method(it, "__anext__");
        if (!m) {
            if (!exc_pending())
                ai_raise_fmt(&ai_exc_TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                             obj_type_name(it));
            return -1;
        }
        ai_value aw = ai_call(m, NULL, 0, 0);
        if (!aw) return -1;
        if (!is_awaitable(aw)) {
            ai_raise_fmt(&ai_exc_TypeError, "'async for' received an invalid object from __anext__: %s",
                         obj_type_name(aw));
            return -1;
        }
        r = ai_await(aw, 0);
    }
    if (r) {
        *out = r;
        return 1;
    }
    if (exc_pending_is(&ai_exc_StopAsyncIteration)) {
        exc_clear();
        return 0;
    }
    return -1;
}

/* anext(it[, default]) and aiter(it): the builtins. */
static ai_value bi_anext(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("anext", kwnames) < 0) return AI_ERR;
    if (nargs < 1 || nargs > 2)
        return ai_raise_fmt(&ai_exc_TypeError, nargs < 1 ? "anext expected at least 1 argument, got %lld"
                                                         : "anext expected at most 2 arguments, got %lld",
                            (long long)nargs);
    ai_value it = args[0];
    if (obj_is_type(it, &ai_asyncgen_type)) {
        ai_value a = asend_new(it, ASEND_SEND, AI_NONE);
        if (a && nargs == 2) {
            ((ai_asend *)ai_obj(a))->has_default = true;
            ((ai_asend *)ai_obj(a))->dflt = args[1];
        }
        return a;
    }
    ai_value m = ai_is_smallint(it) ? 0 : cls_special_method(it, "__anext__");
    if (!m) {
        if (exc_pending()) return AI_ERR;
        return ai_raise_fmt(&ai_exc_TypeError, "'%s' object is not an async iterator", obj_type_name(it));
    }
    return ai_call(m, NULL, 0, 0);
}

static ai_value bi_aiter(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("aiter", kwnames) < 0 || call_exact_args("aiter", nargs, 1) < 0) return AI_ERR;
    ai_value m = ai_is_smallint(args[0]) ? 0 : cls_special_method(args[0], "__aiter__");
    if (!m && obj_is_type(args[0], &ai_asyncgen_type)) return args[0];
    if (!m) {
        if (exc_pending()) return AI_ERR;
        return ai_raise_fmt(&ai_exc_TypeError, "'%s' object is not an async iterable", obj_type_name(args[0]));
    }
    return ai_call(m, NULL, 0, 0);
}

static AI_BUILTIN_FN(bf_anext, "anext", bi_anext);
static AI_BUILTIN_FN(bf_aiter, "aiter", bi_aiter);

#define V(x) ((ai_value)(uintptr_t) & (x))
const bi_entry bi_table_async[] = {
    {"anext", V(bf_anext)},
    {"aiter", V(bf_aiter)},
    {NULL, 0},
};

/* ---- async with ------------------------------------------------------------------------------- */

ai_value ai_async_with_exit_method(ai_value mgr) {
    ai_value enter = ai_is_smallint(mgr) ? 0 : cls_special_method(mgr, "__aenter__");
    if (!enter) {
        if (exc_pending()) return AI_ERR;
        return ai_raise_fmt(&ai_exc_TypeError, "'%s' object does not support the asynchronous context manager protocol",
                            obj_type_name(mgr));
    }
    ai_value exit = cls_special_method(mgr, "__aexit__");
    if (!exit) {
        if (exc_pending()) return AI_ERR;
        return ai_raise_fmt(&ai_exc_TypeError,
                            "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                            obj_type_name(mgr));
    }
    return exit;
}

ai_value ai_async_with_enter(ai_value mgr) {
    ai_value enter = cls_special_method(mgr, "__aenter__");
    if (!enter) return exc_pending() ? AI_ERR : ai_raise_msg(&ai_exc_TypeError, "__aenter__ vanished");
    ai_value aw = ai_call(enter, NULL, 0, 0);
    if (!aw) return AI_ERR;
    return ai_await(aw, 0);
}

int32_t ai_async_with_exit(ai_value exitf, ai_value exc) {
    ai_value args[3];
    if (exc) {
        args[0] = ai_val(ai_type_of(exc));
        args[1] = exc;
        args[2] = ((ai_exc *)ai_obj(exc))->tb ? ((ai_exc *)ai_obj(exc))->tb : AI_NONE;
    } else {
        args[0] = args[1] = args[2] = AI_NONE;
    }
    ai_value aw = ai_call(exitf, args, 3, 0);
    if (!aw) return -1;
    ai_value r = ai_await(aw, 0);
    if (!r) return -1;
    if (!exc) return 0;
    return ai_truthy(r);
}
