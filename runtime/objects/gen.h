/*
 * objects/gen.h — the stackful body machinery shared by generators,
 * coroutines and asynchronous generators (objects/gen.c), for the files
 * that build on it (objects/coro.c, asyncio/).
 *
 * An ai_gen runs the compiled body of a generator function, an `async
 * def` or an async generator on a stack of its own (taken from the
 * scheduler's stack pool at the first resume, returned when the body
 * ends or the object is collected). gen_resume() switches from the
 * consumer to the body; gen_suspend() switches from the body back to
 * the consumer. Both are the green threads' own context switch, so a
 * resume costs a few nanoseconds and the compiler needs no state machine.
 *
 * Invariants:
 *   - The bodies running on a task form a chain (innermost first) through
 *     `prev`, rooted in the task (task_t.gen_current); gen_current()
 *     returns its head. The collector scans each running body's stack as
 *     a root (gen_gc_running), a suspended body's stack through its
 *     object (gc_visit scans it conservatively).
 *   - A body's stack limit is installed in ai_tls while it runs, so the
 *     compiled prologues check the stack actually in use.
 *   - The exception being handled (sys.exc_info) is the body's own while
 *     it runs: it is swapped in at every resume and out at every suspend
 *     (a body with none inherits its consumer's, as in CPython).
 *   - A coroutine may also run INLINE, without a stack of its own: `await
 *     coro` of a coroutine that has not started calls its thunk directly
 *     on the awaiting stack (state GEN_INLINE until it returns). Its
 *     awaits then suspend whatever context the awaiter runs in.
 */
#ifndef AITHON_OBJECTS_GEN_H
#define AITHON_OBJECTS_GEN_H

#include "core/object.h"
#include "sched/stack.h"

#if defined(__SANITIZE_ADDRESS__)
#define GEN_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GEN_ASAN 1
#endif
#endif

typedef ai_value (*gen_thunk)(const ai_value *slots);

enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_DONE, GEN_INLINE };

/* What kind of body: decides the type, the repr and what await may do. */
enum { GEN_PLAIN, GEN_CORO, GEN_ASYNCGEN };

struct ai_gen;

/* What a body needs only while it has a stack: kept at the top of that
 * stack's own memory (gen.c), so a body that has not started yet — a
 * pending task's coroutine, a generator not iterated — or that has
 * ended carries none of it. */
typedef struct gen_run {
    stack_mem_t mem;            /* the stack itself (this record is in it) */
    void *caller_sp;            /* the consumer's saved context */
    char *caller_limit;         /* ai_tls.stack_limit of the consumer */
    struct ai_gen *prev;        /* the body running when this one was resumed */
    int32_t depth;              /* bodies running on gen stacks, this one
                                   included (gen.c, gen_depth_ok) */
#if GEN_ASAN
    void *fake_stack, *caller_fake_stack;
    const void *caller_bottom;
    size_t caller_size;
#endif
} gen_run;

typedef struct ai_gen {
    ai_object ob;
    const ai_func_info *info;
    gen_thunk thunk;            /* runs the body with the bound arguments */
    ai_value args;              /* tuple: closure (if any) and parameters */
    ai_value transfer;          /* value passed across the switch */
    ai_value handled;           /* the body's exception being handled while
                                   it is suspended (0: none, inherit) */
    ai_value outer_handled;     /* the consumer's, while the body runs */
    ai_value extra;             /* owner-defined (coro.c: an async
                                   generator's pending asend state) */
    uint8_t state;              /* GEN_* */
    uint8_t kind;               /* GEN_PLAIN, GEN_CORO, GEN_ASYNCGEN */
    bool thrown;                /* resumed to raise the pending exception */
    bool awaiting;              /* the last suspension was an await (the
                                   transfer is the awaited object), not a
                                   yield of a value (async generators) */
    bool started_by_await;      /* a coroutine awaited or given to a task
                                   (no "never awaited" warning) */
    bool has_finalizer;         /* gen_finalize is registered (at its first
                                   suspension: only a suspended body holds
                                   a stack that its death must give back) */
    int32_t line;               /* the await (or yield) it is suspended at;
                                   0 before it starts */
    int32_t inline_depth;       /* coroutines running inline in its body
                                   (their awaits leave `line` alone: its
                                   own frame is at the outer await) */
    void *sp;                   /* the body's saved context (NULL: no stack) */
    gen_run *run;               /* its stack's record, or NULL (no stack) */
} ai_gen;

static inline ai_gen *gen_obj(ai_value v) { return (ai_gen *)ai_obj(v); }

/* A new body object of type t (kind given) for thunk(slots copy). */
ai_gen *gen_make(ai_type *t, int kind, const ai_func_info *info, void *thunk, const ai_value *slots,
                 int64_t n);
/* The same for thunk(args): the tuple itself, shared (thunks never write
 * their argument array). */
ai_gen *gen_make_args(ai_type *t, int kind, const ai_func_info *info, void *thunk, ai_value args);

/* Resume g with `sent` (or with the pending exception when thrown).
 * Returns 1 when the body suspended (the yielded or awaited object in
 * *out, g->awaiting tells which), 0 when it returned (its value in
 * *out), -1 when it raised (pending). */
int32_t gen_resume(ai_gen *g, ai_value sent, bool thrown, ai_value *out);
/* After a body returned AI_ERR: a pending StopIteration (an async
 * generator's StopAsyncIteration) becomes CPython's RuntimeError
 * ("generator raised StopIteration", PEP 479), caused by it. Every place
 * that runs a body's thunk calls it. */
void gen_stop_iteration_check(ai_gen *g);

/* From inside g's body: switch back to its consumer handing over v.
 * Returns the value sent in, or AI_ERR with the exception pending when
 * one was thrown in. `awaiting` marks an await (see ai_gen.awaiting). */
ai_value gen_suspend(ai_gen *g, ai_value v, bool awaiting);

/* From anywhere inside base's body (bodies it runs included): leave it
 * for good, back to base's consumer, without unwinding. gen_resume(base)
 * returns -1 there with no exception pending; base and the bodies above
 * it are done, their finally blocks never run. For an evaluation that is
 * thrown away (asyncio/ahead.c). */
_Noreturn void gen_abandon(ai_gen *base);

/* The innermost body running on this task (NULL: none). */
ai_gen *gen_current(void);
/* ai_await_direct_enter/leave for C callers, the running body looked up
 * once: leave gets what enter returned (the same body runs both, even if
 * it suspended in between; NULL: the inline root's await). */
ai_gen *gen_await_enter(int32_t line);
void gen_await_leave(ai_gen *cur);

/* close() of a suspended body (GeneratorExit thrown in): 0 / -1. */
int32_t gen_close(ai_gen *g);

/* `yield from it` with `suspend` handing each yielded object up (ai_yield
 * for a generator body, coro_suspend for an await): the sub-iterator's
 * return value or AI_ERR. */
ai_value gen_delegate(ai_value it, ai_value (*suspend)(ai_value y));
/* objects/coro.c: the coroutine behind coro.__await__() or the future
 * behind Future.__await__(), else 0. */
ai_value coro_iter_target(ai_value it);

/* Shared by the generator-ish types: gc_visit, and send/throw/close. */
void gen_gc_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx);
ai_value gen_m_send(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames);
/* The exception that throw(typ[, val[, tb]]) (gen.throw, coro.throw,
 * agen.athrow: fname) delivers, as CPython makes it; AI_ERR with
 * CPython's TypeError for bad arguments. */
ai_value gen_throw_exception(const char *fname, const ai_value *args, int64_t nargs);
ai_value gen_m_throw(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames);
ai_value gen_m_close(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames);

/* The generator-ish types (objects/gen.c, objects/coro.c). */
extern ai_type ai_coro_type, ai_asyncgen_type;

static inline bool gen_check_any(ai_value v) {
    if (ai_is_smallint(v)) return false;
    const ai_type *t = ai_type_of_obj(ai_obj(v));
    return t == &ai_gen_type || t == &ai_coro_type || t == &ai_asyncgen_type;
}

#endif
