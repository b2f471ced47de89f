/*
 * objects/gen.c — generators, each on a small stack of its own (and the
 * stackful body machinery that coroutines and async generators share:
 * objects/gen.h, objects/coro.c).
 *
 * A generator function compiles to ordinary code (no state machine): its
 * body runs on a stack taken from the scheduler's stack pool, and
 * `yield v` (ai_yield) saves the body's registers and switches back to
 * whoever called next()/send(); the next resume switches to the body's
 * stack again. The switch is the green threads' own (sched_ctx_switch:
 * callee-saved registers only), so a resume costs a few nanoseconds and
 * try/finally, loops and nested calls inside the body need nothing
 * special from the compiler.
 *
 * Protocol (one generator, owned by one task):
 *   next/send: gen->transfer = value sent; switch caller → body;
 *              on return: YIELDED (transfer = item), or DONE (transfer =
 *              return value, or 0 when the body raised).
 *   throw/close: like send, with `thrown` set: ai_yield returns 0 in the
 *              body with the exception pending, so it unwinds normally.
 * ai_tls.stack_limit is switched with the stack, so the compiled
 * prologues' recursion check measures the stack actually in use.
 *
 * A generator abandoned while suspended gives its stack back when the
 * collector finds it unreachable (its finally blocks do not run). The
 * stack limit in force is also the running task's copy
 * (task_t.stack_limit), so a task that parks inside a body resumes with
 * the body's limit.
 */
#include "objects/gen.h"

#include "asyncio/aio.h"

#include "gc/gc.h"
#include "sched/context.h"
#include "sched/sched.h"
#include "sched/task.h"

#if GEN_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

/* The generator whose body is running: per task (a task may move to
 * another OS thread while parked inside a generator body); per thread
 * only outside any task. */
static __thread ai_gen *current_gen_no_task;
static __thread stack_cache_t gen_stacks;

static ai_gen **current_gen_slot(void) {
    task_t *t = sched_current();
    return t ? (ai_gen **)&t->gen_current : &current_gen_no_task;
}

ai_gen *gen_current(void) { return *current_gen_slot(); }

/* A body's stack carries its gen_run record at its top (gen.h): the
 * record's address is where the body's own stack begins. */
#define GEN_RUN_SIZE ((sizeof(gen_run) + 63) & ~(size_t)63)

static bool stack_take(ai_gen *g) {
    stack_mem_t m;
    if (!stack_alloc(&gen_stacks, &m)) return false;
#if GEN_ASAN
    /* a recycled stack may still carry the shadow of frames that a
     * body abandoned (gen_abandon) never left the ASan way */
    ASAN_UNPOISON_MEMORY_REGION(m.lo, (size_t)(m.hi - m.lo));
#endif
    gen_run *r = (gen_run *)(void *)(m.hi - GEN_RUN_SIZE);
    memset(r, 0, sizeof *r);
    r->mem = m;
    g->run = r;
    return true;
}

static void stack_give(ai_gen *g) {
    stack_mem_t m = g->run->mem; /* (the record is in the memory freed) */
    g->run = NULL;
    g->sp = NULL;
    stack_free(&gen_stacks, &m);
}

void gen_gc_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_gen *g = (ai_gen *)o;
    visit(&g->args, ctx);
    if (g->transfer) visit(&g->transfer, ctx);
    if (g->handled) visit(&g->handled, ctx);
    if (g->outer_handled) visit(&g->outer_handled, ctx);
    if (g->extra) visit(&g->extra, ctx);
    /* A suspended body's frames hold values: its stack is scanned like a
     * task's (gc/gc.h, G3). A running body's stack is a root instead
     * (gen_gc_running). */
    if (g->state == GEN_SUSPENDED && g->run) gc_visit_conservative(g->sp, g->run, visit, ctx);
}

/* The collector found g unreachable: give back the stack of a body that
 * will never be resumed (its finally blocks do not run). */
static void gen_finalize(ai_object *o) {
    ai_gen *g = (ai_gen *)o;
    if (g->run && g->state != GEN_RUNNING) {
        stack_give(g);
        g->state = GEN_DONE;
    }
}

void *gen_gc_running(void *sp, void (*range)(const void *lo, const void *hi, void *ctx), void *ctx) {
    for (ai_gen *g = *current_gen_slot(); g; g = g->run->prev) {
        char *top = (char *)g->run;
        if ((char *)sp >= g->run->mem.lo && (char *)sp < top) range(sp, top, ctx);
        sp = g->run->caller_sp;
    }
    return sp;
}

static ai_value gen_repr(ai_value v) {
    ai_gen *g = (ai_gen *)ai_obj(v);
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "<generator object %s at %p>", g->info->qualname, (void *)g);
    return sb_finish(&b);
}

/* Margin below the limit for runtime C code (see sched/task.c). */
#if GEN_ASAN
#define GEN_MARGIN ((size_t)64 << 10)
#else
#define GEN_MARGIN ((size_t)32 << 10)
#endif

/* The stack limit in force: ai_tls's, and the running task's copy that
 * the scheduler reloads when the task resumes after a park. */
static void set_stack_limit(task_t *t, char *limit) {
    /* relaxed: the ticker may raise the limit concurrently (aithon_rt.h) */
    __atomic_store_n(&ai_tls.stack_limit, limit, __ATOMIC_RELAXED);
    if (t) t->stack_limit = limit;
}

static void switch_to_body(ai_gen *g) {
    /* The body's exception being handled replaces the consumer's (or
     * inherits it when the body has none). */
    ai_task_core *tc = exc_task();
    g->outer_handled = tc->handled;
    if (g->handled) tc->handled = g->handled;
    /* One out-of-line look-up of the running task per switch (it cannot
     * change before the switch below). */
    task_t *t = sched_current();
    gen_run *r = g->run;
    r->caller_limit = t ? t->stack_limit : ai_tls.stack_limit;
    set_stack_limit(t, r->mem.lo + GEN_MARGIN);
    ai_gen **cur = current_gen_slot();
    r->prev = *cur;
    *cur = g;
#if GEN_ASAN
    __sanitizer_start_switch_fiber(&r->caller_fake_stack, r->mem.lo, (size_t)((char *)r - r->mem.lo));
#endif
    sched_ctx_switch(&r->caller_sp, g->sp);
#if GEN_ASAN
    __sanitizer_finish_switch_fiber(r->caller_fake_stack, NULL, NULL);
#endif
}

/* From the body back to the consumer (the body's stack stays as it is). */
static void switch_to_caller(ai_gen *g, bool dying) {
    ai_task_core *tc = exc_task();
    g->handled = tc->handled == g->outer_handled ? 0 : tc->handled;
    tc->handled = g->outer_handled;
    g->outer_handled = 0;
    gen_run *r = g->run; /* (the same when it is resumed: a stack stays) */
    *current_gen_slot() = r->prev;
    set_stack_limit(sched_current(), r->caller_limit);
#if GEN_ASAN
    __sanitizer_start_switch_fiber(dying ? NULL : &r->fake_stack, r->caller_bottom, r->caller_size);
#else
    (void)dying;
#endif
    sched_ctx_switch(&g->sp, r->caller_sp);
#if GEN_ASAN
    __sanitizer_finish_switch_fiber(r->fake_stack, &r->caller_bottom, &r->caller_size);
#endif
}

/* PEP 479: a StopIteration (or an async generator's StopAsyncIteration)
 * leaving a body becomes RuntimeError("generator raised StopIteration"),
 * caused by it, as in CPython. */
void gen_stop_iteration_check(ai_gen *g) {
    const char *msg = NULL;
    if (exc_pending_is(&ai_exc_StopIteration))
        msg = g->kind == GEN_CORO       ? "coroutine raised StopIteration"
              : g->kind == GEN_ASYNCGEN ? "async generator raised StopIteration"
                                        : "generator raised StopIteration";
    else if (g->kind == GEN_ASYNCGEN && exc_pending_is(&ai_exc_StopAsyncIteration))
        msg = "async generator raised StopAsyncIteration";
    if (!msg) return;
    ai_value cause = ai_exc_fetch();
    ai_value m = str_from_cstr(msg);
    ai_value args = m ? ai_tuple_pack(&m, 1) : 0;
    ai_value e = args ? exc_new(&ai_exc_RuntimeError, args) : 0;
    if (!e) return;
    ai_exc *x = (ai_exc *)ai_obj(e);
    x->cause = cause;
    x->context = cause;
    x->suppress_context = 1;
    gc_barrier_all(x);
    exc_set_pending(e);
}

/* First code on a generator's stack. */
static void gen_start(void *arg) {
    ai_gen *g = arg;
#if GEN_ASAN
    __sanitizer_finish_switch_fiber(NULL, &g->run->caller_bottom, &g->run->caller_size);
#endif
    ai_value r = g->thrown ? AI_ERR : g->thunk(tuple_obj(g->args)->items);
    if (!r) gen_stop_iteration_check(g);
    g->transfer = r;
    gc_barrier(g, r);
    g->state = GEN_DONE;
    switch_to_caller(g, true);
    __builtin_unreachable();
}

ai_gen *gen_make(ai_type *t, int kind, const ai_func_info *info, void *thunk, const ai_value *slots,
                 int64_t n) {
    ai_value args = n ? ai_tuple_pack(slots, n) : ai_val(&tuple_empty_obj);
    if (!args) return NULL;
    return gen_make_args(t, kind, info, thunk, args);
}

/* The thunk only reads its argument array (it passes the values on to the
 * body as parameters), so generators may share one tuple. */
ai_gen *gen_make_args(ai_type *t, int kind, const ai_func_info *info, void *thunk, ai_value args) {
    ai_gen *g = ai_alloc(t, sizeof(ai_gen));
    if (!g) return NULL;
    g->info = info;
    g->thunk = (gen_thunk)thunk;
    g->args = args;
    g->state = GEN_CREATED;
    g->kind = (uint8_t)kind;
    return g;
}

ai_value ai_gen_new(const ai_func_info *info, void *thunk, const ai_value *slots, int64_t n) {
    ai_gen *g = gen_make(&ai_gen_type, GEN_PLAIN, info, thunk, slots, n);
    return g ? ai_val(g) : AI_ERR;
}

/* Generators count toward the recursion limit as frames do in CPython:
 * each body runs on a stack of its own, so a generator that resumes
 * another forever (`yield from g(n + 1)`) would never run out of stack,
 * only of memory. A resume that would make more than the recursion limit
 * minus 2 (the module's frame and the consumer's call, as CPython counts
 * them: 998 nested generators with the default limit) run at once raises
 * RecursionError in the resuming body instead. */
static bool gen_depth_ok(int32_t *depth) {
    ai_gen *cur = *current_gen_slot();
    *depth = (cur ? cur->run->depth : 0) + 1;
    if (*depth > sys_recursion_limit() - 2) {
        ai_raise_recursion();
        return false;
    }
    return true;
}

int32_t gen_resume(ai_gen *g, ai_value sent, bool thrown, ai_value *out) {
    if (g->state == GEN_RUNNING || g->state == GEN_INLINE) {
        ai_raise_msg(&ai_exc_ValueError, g->kind == GEN_CORO ? "coroutine already executing"
                                         : g->kind == GEN_ASYNCGEN ? "async generator already executing"
                                                                   : "generator already executing");
        return -1;
    }
    if (g->state == GEN_DONE) {
        *out = AI_NONE;
        if (g->kind == GEN_CORO && !thrown) {
            ai_raise_msg(&ai_exc_RuntimeError, "cannot reuse already awaited coroutine");
            return -1;
        }
        return thrown ? -1 : 0;
    }
    int32_t depth;
    if (!gen_depth_ok(&depth)) return -1;
    if (g->state == GEN_CREATED && thrown) {
        /* Thrown into before its first step: the body never runs, but
         * the exception passes through its frame at the def line, as
         * CPython's traceback shows (a task cancelled before it ran). */
        g->state = GEN_DONE;
        g->args = ai_val(&tuple_empty_obj);
        *out = AI_NONE;
        if (g->info && g->info->code) ai_traceback_add(g->info->code, g->info->code->firstlineno);
        return -1;
    }
    if (g->state == GEN_CREATED) {
        if (!thrown && sent != AI_NONE) {
            ai_raise_msg(&ai_exc_TypeError, "can't send non-None value to a just-started generator");
            return -1;
        }
        if (!stack_take(g)) {
            exc_nomem();
            return -1;
        }
        g->sp = sched_ctx_init((char *)g->run, gen_start, g);
    }
    g->run->depth = depth;
    g->transfer = sent;
    gc_barrier_all(g); /* the body's stack counts as g's slots */
    g->thrown = thrown;
    g->state = GEN_RUNNING;
    switch_to_body(g);
    if (g->state == GEN_DONE) {
        stack_give(g);
        ai_value r = g->transfer;
        g->transfer = 0;
        if (!r) return -1;
        *out = r;
        return 0;
    }
    *out = g->transfer;
    g->transfer = 0;
    return 1;
}

_Noreturn void gen_abandon(ai_gen *base) {
    ai_gen **cur = current_gen_slot();
    /* bodies running above base (a generator it iterates, an async
     * generator it awaits) are dropped with it: their stacks go back when
     * they are collected (gen_finalize) */
    for (ai_gen *g = *cur; g; g = g->run->prev) {
        /* a body that never suspended has no finaliser yet */
        if (!g->has_finalizer && gc_finalizer_add(&g->ob, gen_finalize) == 0) g->has_finalizer = true;
        if (g == base) break;
        g->state = GEN_DONE;
    }
    ai_task_core *tc = exc_task();
    tc->exc = 0;
    tc->handled = base->outer_handled;
    base->outer_handled = 0;
    base->handled = 0;
    base->transfer = 0;
    base->state = GEN_DONE;
    gen_run *r = base->run; /* (its stack goes back when base is collected) */
    *cur = r->prev;
    set_stack_limit(sched_current(), r->caller_limit);
#if GEN_ASAN
    __sanitizer_start_switch_fiber(NULL, r->caller_bottom, r->caller_size);
#endif
    void *dropped;
    sched_ctx_switch(&dropped, r->caller_sp);
    __builtin_unreachable();
}

ai_value ai_yield(ai_value v) {
    ai_gen *g = *current_gen_slot();
    if (!g) return ai_raise_msg(&ai_exc_RuntimeError, "yield outside a running generator");
    return gen_suspend(g, v, false);
}

ai_value gen_suspend(ai_gen *g, ai_value v, bool awaiting) {
    if (!g->has_finalizer) {
        /* from now on its death must give its stack back; a body that
         * runs to its end in one go (most tasks) never needs this */
        if (gc_finalizer_add(&g->ob, gen_finalize) < 0) return AI_ERR;
        g->has_finalizer = true;
    }
    g->awaiting = awaiting;
    g->transfer = v;
    /* Suspending turns the body's stack (a root while it runs) into g's
     * slots, and it may hold values allocated since the last collection,
     * which may have run (and made g old) during this run of the body. */
    gc_barrier_all(g);
    g->state = GEN_SUSPENDED;
    switch_to_caller(g, false);
    /* Resumed (perhaps on another OS thread later: re-read nothing cached). */
    g->state = GEN_RUNNING;
    if (g->thrown) return AI_ERR;
    ai_value sent = g->transfer;
    g->transfer = 0;
    return sent;
}

static int32_t gen_next(ai_value it, ai_value *out) {
    ai_gen *g = (ai_gen *)ai_obj(it);
    ai_value v;
    int32_t rc = gen_resume(g, AI_NONE, false, &v);
    if (rc == 1) *out = v;
    return rc;
}

/* StopIteration(value) for a generator that returned value via send(). */
static ai_value stop_iteration(ai_value value) {
    ai_value args = value == AI_NONE ? ai_val(&tuple_empty_obj) : ai_tuple_pack(&value, 1);
    if (!args) return AI_ERR;
    return exc_raise_args(&ai_exc_StopIteration, args);
}

ai_value gen_m_send(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs("send", kwnames) < 0 || call_exact_args("send", nargs, 1) < 0) return AI_ERR;
    ai_value v;
    int32_t rc = gen_resume((ai_gen *)ai_obj(self), args[0], false, &v);
    if (rc == 1) return v;
    return rc == 0 ? stop_iteration(v) : AI_ERR;
}

ai_value gen_throw_exception(const char *fname, const ai_value *args, int64_t nargs) {
    if (nargs < 1 || nargs > 3)
        return ai_raise_fmt(&ai_exc_TypeError, nargs < 1 ? "%s expected at least 1 argument, got %lld"
                                                         : "%s expected at most 3 arguments, got %lld",
                            fname, (long long)nargs);
    ai_value typ = args[0], val = nargs > 1 ? args[1] : AI_NONE;
    if (nargs > 2 && args[2] != AI_NONE && !obj_is_type(args[2], &ai_traceback_type))
        return ai_raise_msg(&ai_exc_TypeError, "throw() third argument must be a traceback object");
    if (obj_is_type(typ, &ai_type_type) || (!ai_is_smallint(typ) && (ai_type_of(typ)->flags & AI_TF_METACLASS))) {
        if (!cls_is_subtype((const ai_type *)ai_obj(typ), &ai_exc_BaseException))
            goto bad;
        if (val != AI_NONE && obj_isinstance(val, (ai_type *)ai_obj(typ))) return val;
        if (val == AI_NONE) return ai_call(typ, NULL, 0, 0);
        if (obj_is_type(val, &ai_tuple_type)) return ai_call(typ, tuple_obj(val)->items, tuple_obj(val)->len, 0);
        return ai_call(typ, &val, 1, 0);
    }
    if (obj_isinstance(typ, &ai_exc_BaseException)) {
        if (val != AI_NONE) return ai_raise_msg(&ai_exc_TypeError, "instance exception may not have a separate value");
        return typ;
    }
bad:
    return ai_raise_fmt(&ai_exc_TypeError,
                        "exceptions must be classes or instances deriving from BaseException, not %s",
                        obj_is_type(typ, &ai_type_type) ? "type" : obj_type_name(typ));
}

ai_value gen_m_throw(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs("throw", kwnames) < 0) return AI_ERR;
    ai_value exc = gen_throw_exception("throw", args, nargs);
    if (!exc) return AI_ERR;
    exc_set_pending(exc);   /* now pending: it is delivered into the body */
    ai_gen *g = (ai_gen *)ai_obj(self);
    ai_value v;
    int32_t rc = gen_resume(g, AI_NONE, true, &v); /* (not started: its def line, done) */
    if (rc == 1) return v;
    return rc == 0 ? stop_iteration(v) : AI_ERR;
}

int32_t gen_close(ai_gen *g) {
    if (g->state == GEN_CREATED || g->state == GEN_DONE) {
        g->state = GEN_DONE;
        return 0;
    }
    if (g->state == GEN_RUNNING || g->state == GEN_INLINE) {
        ai_raise_msg(&ai_exc_ValueError, g->kind == GEN_CORO ? "coroutine already executing"
                                                            : "generator already executing");
        return -1;
    }
    exc_raise_args(&ai_exc_GeneratorExit, ai_val(&tuple_empty_obj));
    ai_value v;
    int32_t rc = gen_resume(g, AI_NONE, true, &v);
    if (rc == 1) {
        ai_raise_msg(&ai_exc_RuntimeError, g->kind == GEN_CORO ? "coroutine ignored GeneratorExit"
                                                              : "generator ignored GeneratorExit");
        return -1;
    }
    if (rc == 0) return 0;
    if (exc_pending_is(&ai_exc_GeneratorExit) || exc_pending_is(&ai_exc_StopIteration)) {
        exc_clear();
        return 0;
    }
    return -1;
}

ai_value gen_m_close(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)args;
    if (call_no_kwargs("close", kwnames) < 0 || call_exact_args("close", nargs, 0) < 0) return AI_ERR;
    return gen_close((ai_gen *)ai_obj(self)) < 0 ? AI_ERR : AI_NONE;
}

static const ai_method_def gen_methods[] = {
    {"send", gen_m_send, &ai_gen_type, 0},
    {"throw", gen_m_throw, &ai_gen_type, 0},
    {"close", gen_m_close, &ai_gen_type, 0},
    {NULL, NULL, NULL, 0},
};

static ai_value gen_g_name(ai_value v) { return str_from_cstr(((ai_gen *)ai_obj(v))->info->name); }
static ai_value gen_g_qualname(ai_value v) { return str_from_cstr(((ai_gen *)ai_obj(v))->info->qualname); }
static ai_value gen_g_running(ai_value v) { return ai_bool(((ai_gen *)ai_obj(v))->state == GEN_RUNNING); }

static const ai_getset_def gen_getset[] = {
    {"__name__", gen_g_name},
    {"__qualname__", gen_g_qualname},
    {"gi_running", gen_g_running},
    {NULL, NULL},
};

static const ai_slots gen_slots = {
    .iter = obj_iter_self, .next = gen_next, .methods = gen_methods, .getset = gen_getset};

ai_type ai_gen_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "generator",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_gen),
    .repr = gen_repr,
    .gc_visit = gen_gc_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&gen_slots,
};

/* `yield from it` / the iteration behind `await`: resume the
 * sub-iterator, hand what it yields to `suspend`, and send back what comes
 * back (a value, or the exception thrown in). Returns the sub-iterator's
 * return value (StopIteration.value), or AI_ERR. */
ai_value gen_delegate(ai_value it, ai_value (*suspend)(ai_value y)) {
    ai_value target = coro_iter_target(it);
    if (target) {
        if (aio_is_future(target)) {
            /* Future.__await__: yield the future while it is pending */
            while (aio_fut(target)->state == AIO_PENDING) {
                aio_fut(target)->blocking = true;
                if (!suspend(target)) return AI_ERR;
            }
            return aio_future_result(target);
        }
        it = target;
    }
    bool is_gen = gen_check_any(it);
    ai_value sent = AI_NONE;
    bool thrown = false;
    for (;;) {
        ai_value y;
        if (is_gen) {
            int32_t rc = gen_resume(gen_obj(it), sent, thrown, &y);
            if (rc == 0) return y; /* the sub-generator's return value */
            if (rc < 0) return AI_ERR;
        } else {
            if (thrown) {
                ai_value exc = ai_exc_fetch();
                ai_value m = cls_special_method(it, "throw");
                if (!m) {
                    if (!exc_pending()) exc_set_pending(exc);
                    return AI_ERR;
                }
                y = ai_call(m, &exc, 1, 0);
            } else if (sent == AI_NONE) {
                int32_t rc = ai_for_next(it, &y);
                if (rc == 0) return AI_NONE;
                if (rc < 0) y = AI_ERR;
            } else {
                ai_value m = ai_getattr(it, str_from_cstr("send"));
                y = m ? ai_call(m, &sent, 1, 0) : AI_ERR;
            }
            if (!y) {
                if (!exc_pending_is(&ai_exc_StopIteration)) return AI_ERR;
                ai_value e = ai_exc_fetch();
                ai_tuple *a = tuple_obj(((ai_exc *)ai_obj(e))->args);
                return a->len ? a->items[0] : AI_NONE;
            }
        }
        ai_value r = suspend(y);
        thrown = r == AI_ERR;
        sent = thrown ? AI_NONE : r;
    }
}

ai_value ai_yield_from(ai_value iterable) {
    ai_value it = obj_is_type(iterable, &ai_coro_type) ? iterable : ai_iter(iterable);
    if (!it) return AI_ERR;
    return gen_delegate(it, ai_yield);
}

/* A for loop left early (break, return) over an iterator it created
 * itself (`for x in gen():`): CPython's reference count drops to zero
 * there and a suspended generator is closed at once, running its finally
 * blocks; do the same. Other iterators need nothing. */
int32_t ai_iter_release(ai_value it) {
    /* `async for x in agen():` left early: CPython's finaliser hook hands
     * the generator's aclose() to the loop (asyncio/loop.c) */
    if (it && obj_is_type(it, &ai_asyncgen_type))
        return gen_obj(it)->state == GEN_SUSPENDED ? aio_agen_release(it) : 0;
    if (!it || !obj_is_type(it, &ai_gen_type)) return 0;
    ai_gen *g = (ai_gen *)ai_obj(it);
    if (g->state != GEN_SUSPENDED) return 0;
    return gen_close(g);
}
