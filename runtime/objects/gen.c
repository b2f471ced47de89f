/*
 * objects/gen.c — generators, each on a small stack of its own.
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
 * Not handled yet: a generator abandoned while suspended keeps its stack
 * until the program ends (there is no collector to finalise it yet); a
 * task that parks in the scheduler while inside a generator body must have
 * the generator's stack limit saved with it (sched integration).
 */
#include "core/object.h"
#include "gc/gc.h"
#include "sched/context.h"
#include "sched/sched.h"
#include "sched/stack.h"
#include "sched/task.h"

#if SCHED_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

typedef ai_value (*gen_thunk)(const ai_value *slots);

enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_DONE };

typedef struct ai_gen {
    ai_object ob;
    const ai_func_info *info;
    gen_thunk thunk;            /* runs the body with the bound arguments */
    ai_value args;              /* tuple: closure (if any) and parameters */
    ai_value transfer;          /* value passed across the switch */
    int32_t state;
    bool thrown;                /* resumed to raise the pending exception */
    void *sp, *caller_sp;       /* saved contexts */
    char *caller_limit;         /* ai_tls.stack_limit of the consumer */
    struct ai_gen *prev;        /* the generator running when this one was resumed */
    int32_t depth;              /* generators running, this one included (GEN_DEPTH) */
    stack_mem_t stack;
#if SCHED_ASAN
    void *fake_stack, *caller_fake_stack;
    const void *caller_bottom;
    size_t caller_size;
#endif
} ai_gen;

/* The generator whose body is running: per task (a task may move to
 * another OS thread while parked inside a generator body); per thread
 * only outside any task. */
static __thread ai_gen *current_gen_no_task;
static __thread stack_cache_t gen_stacks;

static ai_gen **current_gen_slot(void) {
    task_t *t = sched_current();
    return t ? (ai_gen **)&t->gen_current : &current_gen_no_task;
}

static void gen_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_gen *g = (ai_gen *)o;
    visit(&g->args, ctx);
    if (g->transfer) visit(&g->transfer, ctx);
    /* A suspended body's frames hold values: its stack is scanned like a
     * task's (gc/gc.h, G3). A running body's stack is a root instead
     * (gen_gc_running). */
    if (g->state == GEN_SUSPENDED && g->sp) gc_visit_conservative(g->sp, g->stack.hi, visit, ctx);
}

/* The collector found g unreachable: give back the stack of a body that
 * will never be resumed (its finally blocks do not run). */
static void gen_finalize(ai_object *o) {
    ai_gen *g = (ai_gen *)o;
    if (g->sp && g->state != GEN_RUNNING) {
        stack_free(&gen_stacks, &g->stack);
        g->sp = NULL;
        g->state = GEN_DONE;
    }
}

void *gen_gc_running(void *sp, void (*range)(const void *lo, const void *hi, void *ctx), void *ctx) {
    for (ai_gen *g = *current_gen_slot(); g; g = g->prev) {
        if ((char *)sp >= g->stack.lo && (char *)sp < g->stack.hi) range(sp, g->stack.hi, ctx);
        sp = g->caller_sp;
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
#if SCHED_ASAN
#define GEN_MARGIN ((size_t)64 << 10)
#else
#define GEN_MARGIN ((size_t)32 << 10)
#endif

/* The stack limit in force: ai_tls's, and the running task's copy that
 * the scheduler reloads when the task resumes after a park. */
static void set_stack_limit(char *limit) {
    /* relaxed: the ticker may raise the limit concurrently (aithon_rt.h) */
    __atomic_store_n(&ai_tls.stack_limit, limit, __ATOMIC_RELAXED);
    task_t *t = sched_current();
    if (t) t->stack_limit = limit;
}

static void switch_to_body(ai_gen *g) {
    g->caller_limit = sched_current() ? sched_current()->stack_limit : ai_tls.stack_limit;
    set_stack_limit(g->stack.lo + GEN_MARGIN);
    ai_gen **cur = current_gen_slot();
    g->prev = *cur;
    *cur = g;
#if SCHED_ASAN
    __sanitizer_start_switch_fiber(&g->caller_fake_stack, g->stack.lo, (size_t)(g->stack.hi - g->stack.lo));
#endif
    sched_ctx_switch(&g->caller_sp, g->sp);
#if SCHED_ASAN
    __sanitizer_finish_switch_fiber(g->caller_fake_stack, NULL, NULL);
#endif
}

/* From the body back to the consumer (the body's stack stays as it is). */
static void switch_to_caller(ai_gen *g, bool dying) {
    *current_gen_slot() = g->prev;
    set_stack_limit(g->caller_limit);
#if SCHED_ASAN
    __sanitizer_start_switch_fiber(dying ? NULL : &g->fake_stack, g->caller_bottom, g->caller_size);
#else
    (void)dying;
#endif
    sched_ctx_switch(&g->sp, g->caller_sp);
#if SCHED_ASAN
    __sanitizer_finish_switch_fiber(g->fake_stack, &g->caller_bottom, &g->caller_size);
#endif
}

/* First code on a generator's stack. */
static void gen_start(void *arg) {
    ai_gen *g = arg;
#if SCHED_ASAN
    __sanitizer_finish_switch_fiber(NULL, &g->caller_bottom, &g->caller_size);
#endif
    ai_value r = g->thrown ? AI_ERR : g->thunk(tuple_obj(g->args)->items);
    g->transfer = r;
    gc_barrier(g, r);
    g->state = GEN_DONE;
    switch_to_caller(g, true);
    __builtin_unreachable();
}

ai_value ai_gen_new(const ai_func_info *info, void *thunk, const ai_value *slots, int64_t n) {
    ai_value args = ai_tuple_pack(slots, n);
    if (!args) return AI_ERR;
    ai_gen *g = ai_alloc(&ai_gen_type, sizeof(ai_gen));
    if (!g) return AI_ERR;
    g->info = info;
    g->thunk = (gen_thunk)thunk;
    g->args = args;
    g->state = GEN_CREATED;
    return ai_val(g);
}

/* Generators count toward the recursion limit as frames do in CPython:
 * each body runs on a stack of its own, so a generator that resumes
 * another forever (`yield from g(n + 1)`) would never run out of stack,
 * only of memory. A resume that would make more than the recursion limit
 * minus 2 (the module's frame and the consumer's call, as CPython counts
 * them: 998 nested generators with the default limit) run at once raises
 * RecursionError in the resuming body instead. */
static bool gen_depth_ok(ai_gen *g) {
    ai_gen *cur = *current_gen_slot();
    int32_t depth = (cur ? cur->depth : 0) + 1;
    if (depth > sys_recursion_limit() - 2) {
        ai_raise_recursion();
        return false;
    }
    g->depth = depth;
    return true;
}

/* Resume g with `sent` (or with the pending exception when thrown).
 * Returns 1 with the yielded item in *out, 0 when the body returned (its
 * value in *out), -1 when it raised. */
static int32_t gen_resume(ai_gen *g, ai_value sent, bool thrown, ai_value *out) {
    if (g->state == GEN_RUNNING) {
        ai_raise_msg(&ai_exc_ValueError, "generator already executing");
        return -1;
    }
    if (g->state == GEN_DONE) {
        *out = AI_NONE;
        return thrown ? -1 : 0;
    }
    if (!gen_depth_ok(g)) return -1;
    if (g->state == GEN_CREATED) {
        if (!thrown && sent != AI_NONE) {
            ai_raise_msg(&ai_exc_TypeError, "can't send non-None value to a just-started generator");
            return -1;
        }
        if (gc_finalizer_add(&g->ob, gen_finalize) < 0) return -1;
        if (!stack_alloc(&gen_stacks, &g->stack)) {
            exc_nomem();
            return -1;
        }
        g->sp = sched_ctx_init(g->stack.hi, gen_start, g);
    }
    g->transfer = sent;
    gc_barrier_all(g); /* the body's stack counts as g's slots */
    g->thrown = thrown;
    g->state = GEN_RUNNING;
    switch_to_body(g);
    if (g->state == GEN_DONE) {
        stack_free(&gen_stacks, &g->stack);
        g->sp = NULL;
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

ai_value ai_yield(ai_value v) {
    ai_gen *g = *current_gen_slot();
    if (!g) return ai_raise_msg(&ai_exc_RuntimeError, "yield outside a running generator");
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

static ai_value m_send(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs("send", kwnames) < 0 || call_exact_args("send", nargs, 1) < 0) return AI_ERR;
    ai_value v;
    int32_t rc = gen_resume((ai_gen *)ai_obj(self), args[0], false, &v);
    if (rc == 1) return v;
    return rc == 0 ? stop_iteration(v) : AI_ERR;
}

static ai_value m_throw(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs("throw", kwnames) < 0) return AI_ERR;
    if (nargs < 1) return ai_raise_msg(&ai_exc_TypeError, "throw expected at least 1 argument, got 0");
    ai_raise(args[0], 0);   /* now pending: it is delivered into the body */
    ai_gen *g = (ai_gen *)ai_obj(self);
    if (g->state == GEN_CREATED) {
        g->state = GEN_DONE;
        return AI_ERR;
    }
    ai_value v;
    int32_t rc = gen_resume(g, AI_NONE, true, &v);
    if (rc == 1) return v;
    return rc == 0 ? stop_iteration(v) : AI_ERR;
}

static ai_value m_close(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)args;
    if (call_no_kwargs("close", kwnames) < 0 || call_exact_args("close", nargs, 0) < 0) return AI_ERR;
    ai_gen *g = (ai_gen *)ai_obj(self);
    if (g->state == GEN_CREATED || g->state == GEN_DONE) {
        g->state = GEN_DONE;
        return AI_NONE;
    }
    exc_raise_args(&ai_exc_GeneratorExit, ai_val(&tuple_empty_obj));
    ai_value v;
    int32_t rc = gen_resume(g, AI_NONE, true, &v);
    if (rc == 1) return ai_raise_msg(&ai_exc_RuntimeError, "generator ignored GeneratorExit");
    if (rc == 0) return AI_NONE;
    if (exc_pending_is(&ai_exc_GeneratorExit) || exc_pending_is(&ai_exc_StopIteration)) {
        exc_clear();
        return AI_NONE;
    }
    return AI_ERR;
}

static const ai_method_def gen_methods[] = {
    {"send", m_send, &ai_gen_type, 0},
    {"throw", m_throw, &ai_gen_type, 0},
    {"close", m_close, &ai_gen_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_slots gen_slots = {.iter = obj_iter_self, .next = gen_next, .methods = gen_methods};

ai_type ai_gen_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "generator",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_gen),
    .repr = gen_repr,
    .gc_visit = gen_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&gen_slots,
};

ai_value ai_yield_from(ai_value iterable) {
    ai_value it = ai_iter(iterable);
    if (!it) return AI_ERR;
    bool is_gen = obj_is_type(it, &ai_gen_type);
    for (;;) {
        ai_value item;
        int32_t rc;
        if (is_gen) {
            rc = gen_resume((ai_gen *)ai_obj(it), AI_NONE, false, &item);
            if (rc == 0) return item;       /* the sub-generator's return value */
        } else {
            rc = ai_for_next(it, &item);
            if (rc == 0) return AI_NONE;
        }
        if (rc < 0) return AI_ERR;
        if (!ai_yield(item)) return AI_ERR;
    }
}

/* A for loop left early (break, return) over an iterator it created
 * itself (`for x in gen():`): CPython's reference count drops to zero
 * there and a suspended generator is closed at once, running its finally
 * blocks; do the same. Other iterators need nothing. */
int32_t ai_iter_release(ai_value it) {
    if (!it || !obj_is_type(it, &ai_gen_type)) return 0;
    ai_gen *g = (ai_gen *)ai_obj(it);
    if (g->state != GEN_SUSPENDED) return 0;
    return m_close(it, NULL, 0, 0) ? 0 : -1;
}
