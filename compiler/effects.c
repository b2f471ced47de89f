/*
 * effects.c — the effect analysis: which `async def`s may run as
 * isolated actors (DESIGN.md §5, docs/concurrency.md).
 *
 * Input: the parsed module and its scopes. Output: for every function a
 * summary of its effects, and for every async def a decision — ISOLATED
 * (it may run as a parallel actor on copies of its arguments) or SHARED
 * (it runs as a cooperative task in the actor that awaits it), with the
 * first effect that made it shared.
 *
 * An async def is isolated when it, and everything it calls transitively:
 *   - assigns no module global and no variable of a function around it,
 *     and reads none of those that something else assigns or mutates;
 *   - mutates no object it did not create during the call: not its
 *     arguments, not what is reachable from them, not a module global;
 *   - reads no module global whose object something mutates;
 *   - calls nothing it cannot see (a parameter, an attribute holding a
 *     function, an unknown module's function), and nothing whose effect is
 *     on the process rather than on values: input(), open(), id(), the
 *     random module's shared generator, all_tasks(), the aithon API;
 *   - is not an async generator and has no closure;
 *   - makes no asyncio tasks, when the program reads task names (see
 *     asyncio_makes_tasks).
 * print() is allowed: an isolated actor's output is buffered per step and
 * written by the parent at the point where CPython would have printed it
 * (runtime/asyncio/remote.c).
 *
 * How. Every expression gets an ORIGIN: which objects its value may be
 * (`self`) and which objects may be reachable from it (`reach`), as sets
 * of sources — FRESH (created during this call), each parameter, each
 * module global (the first 62 get a bit of their own, the rest share
 * OUTSIDE with everything unknown). A mutation (item or attribute store,
 * a mutating method such as append, an in-place operator, a callee that
 * mutates its parameter) affects the `self` of its target: FRESH is
 * harmless, a parameter bit becomes "mutates parameter i" in the
 * summary, a global bit "mutates global g", OUTSIDE makes the function
 * impure. Locals take the union of everything assigned to them, computed
 * to a fixpoint per function; summaries are computed to a fixpoint over
 * the call graph (recursion included). The analysis is conservative:
 * what it cannot see makes a coroutine shared, never wrongly isolated —
 * and the runtime still runs an isolated coroutine locally when one of
 * its arguments cannot be copied to another actor.
 *
 * Not handled (conservatively shared): calls through values it cannot
 * resolve; code in other modules.
 */
#include "effects.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

typedef uint64_t Mask;

/* Bits of a Mask: FRESH, parameters 0..NPARAMBITS-1, OUTSIDE. Globals
 * use a Mask of their own (GMask): global g (g < 64) is bit g. */
enum { NPARAMBITS = 62 };
#define M_FRESH ((Mask)1)
#define M_OUT ((Mask)1 << 63)
#define M_PARAMS (~(M_FRESH | M_OUT))
static Mask m_param(int i) { return i < NPARAMBITS ? (Mask)1 << (1 + i) : M_OUT; }

typedef struct {
    Mask self, reach;           /* sources: FRESH / params / OUTSIDE */
    Mask gself, greach;         /* sources among the tracked globals */
} Origin;

static const Origin O_NONE = {0, 0, 0, 0};
static const Origin O_FRESH = {M_FRESH, M_FRESH, 0, 0};
static const Origin O_OUT = {M_OUT, M_OUT, 0, 0};

static Origin o_union(Origin a, Origin b) {
    return (Origin){a.self | b.self, a.reach | b.reach, a.gself | b.gself, a.greach | b.greach};
}
/* What is reachable from a value with origin o, as a value's origin. */
static Origin o_inner(Origin o) { return (Origin){o.reach, o.reach, o.greach, o.greach}; }
/* A new object holding values of origin o. */
static Origin o_fresh_holding(Origin o) {
    return (Origin){M_FRESH, M_FRESH | o.self | o.reach, 0, o.gself | o.greach};
}

/* ---- functions and their summaries ------------------------------------------------------- */

typedef struct Fn Fn;
struct Fn {
    const void *node;           /* the def Stmt or the lambda Expr */
    Scope *scope;
    const char *name;
    const Arguments *args;
    const StmtList *body;       /* def */
    const Expr *lambda_body;    /* lambda */
    int nparams;                /* every parameter slot */
    const char **params;
    bool is_async, is_asyncgen;
    const char *class_name;     /* a method: its class, else NULL */
    /* the summary (only grows) */
    bool impure;
    EffectReason why;           /* the first impure effect found */
    Mask mutates;               /* parameters it may mutate (param bits) */
    Mask gmutates;              /* tracked globals it may mutate */
    Mask greads;                /* tracked globals it reads */
    Origin returns;             /* in terms of its own parameters */
    Scope *free_outer;          /* outermost scope whose variables it uses
                                   through a closure (NULL: none) */
    bool makes_tasks;           /* creates asyncio tasks (itself or a callee) */
    SrcSpan tasks_pos;          /* … the first place */
};

typedef struct Global {
    const char *name;
    int bit;                    /* 0..63, or -1 (untracked: OUTSIDE) */
    bool immutable;             /* never changes (constant, def, class, import) */
    bool rebound;               /* assigned more than once or in a function */
    const char *module;         /* bound by `import m`: the module's name */
    const char *from_module;    /* bound by `from m import x`: m and x */
    const char *from_name;
} Global;

/* A hash index from a key (a name, or a node pointer) to a chain of
 * element numbers: the first and the last, the others linked through an
 * array of the caller's (next[i]: the element after i, -1 at the end). */
typedef struct {
    const void **keys;          /* NULL = empty */
    int *first, *last;
    int cap, count;
    bool by_name;               /* keys are strings */
} Index;

static size_t ix_hash(const Index *ix, const void *k) {
    size_t h;
    if (ix->by_name) {
        h = 1469598103934665603u;           /* FNV-1a */
        for (const char *s = k; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    } else {
        h = (size_t)(uintptr_t)k * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    return h & (size_t)(ix->cap - 1);
}

static bool ix_same(const Index *ix, const void *a, const void *b) {
    return ix->by_name ? strcmp(a, b) == 0 : a == b;
}

/* The first element of key k, -1 when none. */
static int ix_get(const Index *ix, const void *k) {
    if (!ix->cap) return -1;
    for (size_t h = ix_hash(ix, k); ix->keys[h]; h = (h + 1) & (size_t)(ix->cap - 1))
        if (ix_same(ix, ix->keys[h], k)) return ix->first[h];
    return -1;
}

/* Append element v to key k's chain (next may be NULL: keep the first only). */
static void ix_add(Arena *a, Index *ix, const void *k, int v, int *next) {
    if ((ix->count + 1) * 2 > ix->cap) {
        Index old = *ix;
        ix->cap = old.cap ? old.cap * 2 : 64;
        ix->keys = arena_alloc(a, sizeof(void *) * (size_t)ix->cap);
        ix->first = arena_alloc(a, sizeof(int) * (size_t)ix->cap);
        ix->last = arena_alloc(a, sizeof(int) * (size_t)ix->cap);
        ix->count = 0;
        for (int i = 0; i < old.cap; i++) {
            if (!old.keys[i]) continue;
            size_t h = ix_hash(ix, old.keys[i]);
            while (ix->keys[h]) h = (h + 1) & (size_t)(ix->cap - 1);
            ix->keys[h] = old.keys[i];
            ix->first[h] = old.first[i];
            ix->last[h] = old.last[i];
            ix->count++;
        }
    }
    if (next) next[v] = -1;
    size_t h = ix_hash(ix, k);
    for (; ix->keys[h]; h = (h + 1) & (size_t)(ix->cap - 1)) {
        if (!ix_same(ix, ix->keys[h], k)) continue;
        if (next) {
            next[ix->last[h]] = v;
            ix->last[h] = v;
        }
        return;
    }
    ix->keys[h] = k;
    ix->first[h] = ix->last[h] = v;
    ix->count++;
}

struct Effects {
    Arena *arena;
    const Module *mod;
    ScopeTable *scopes;
    Scope *modscope;
    const char *filename;
    Fn **fns;
    int nfns, capfns;
    Global *globals;
    int nglobals;
    int ntracked;
    bool changed;               /* a summary grew in this round */
    const char **attr_names;    /* attributes assigned anywhere (x.name = …) */
    int nattr, capattr;
    bool names_read;            /* the program reads task names (get_name) */
    /* Indexes, kept as the arrays grow, so that every lookup by name or
     * node is O(1) and the pass stays linear in the program. */
    Index fn_by_node;           /* node → its Fn */
    Index fn_by_name;           /* name → the Fns of that name, in order (fn_next) */
    Index init_by_class;        /* class name → its __init__ Fns, in order (init_next) */
    Index global_by_name;       /* name → its Global */
    Index attr_set;             /* the attr_names */
    Index class_by_name;        /* module-level class statements (cls_next: index in mod->body) */
    int *fn_next, *init_next, *cls_next;
    int capnext;
};

static Fn *fn_of(Effects *fx, const void *node) {
    int i = ix_get(&fx->fn_by_node, node);
    return i < 0 ? NULL : fx->fns[i];
}

/* ---- collecting functions, classes, globals ------------------------------------------------ */

static void add_fn(Effects *fx, const void *node, Scope *scope, const char *name, const Arguments *args,
                   const StmtList *body, const Expr *lambda_body, bool is_async, const char *cls) {
    Fn *f = arena_alloc(fx->arena, sizeof(Fn));
    memset(f, 0, sizeof *f);
    f->node = node;
    f->scope = scope;
    f->name = name;
    f->args = args;
    f->body = body;
    f->lambda_body = lambda_body;
    f->is_async = is_async;
    f->is_asyncgen = is_async && scope && scope->is_generator;
    f->class_name = cls;
    int n = args->posonlyargs.n + args->args.n + args->kwonlyargs.n + (args->vararg ? 1 : 0) + (args->kwarg ? 1 : 0);
    f->params = arena_alloc(fx->arena, sizeof(char *) * (size_t)(n + 1));
    int k = 0;
    for (int i = 0; i < args->posonlyargs.n; i++) f->params[k++] = args->posonlyargs.v[i]->name;
    for (int i = 0; i < args->args.n; i++) f->params[k++] = args->args.v[i]->name;
    for (int i = 0; i < args->kwonlyargs.n; i++) f->params[k++] = args->kwonlyargs.v[i]->name;
    if (args->vararg) f->params[k++] = args->vararg->name;
    if (args->kwarg) f->params[k++] = args->kwarg->name;
    f->nparams = n;
    f->returns = O_FRESH;
    fx->fns = arena_grow(fx->arena, fx->fns, &fx->capfns, fx->nfns + 1, sizeof(Fn *));
    int cap = fx->capnext;
    fx->fn_next = arena_grow(fx->arena, fx->fn_next, &cap, fx->nfns + 1, sizeof(int));
    cap = fx->capnext;
    fx->init_next = arena_grow(fx->arena, fx->init_next, &cap, fx->nfns + 1, sizeof(int));
    fx->capnext = cap;
    int i = fx->nfns++;
    fx->fns[i] = f;
    ix_add(fx->arena, &fx->fn_by_node, node, i, NULL);
    ix_add(fx->arena, &fx->fn_by_name, name, i, fx->fn_next);
    if (cls && strcmp(name, "__init__") == 0) ix_add(fx->arena, &fx->init_by_class, cls, i, fx->init_next);
}

static void collect_expr(Effects *fx, const Expr *x);
static void collect_stmts(Effects *fx, const StmtList *l, const char *cls);

static void collect_exprs(Effects *fx, const ExprList *l) {
    for (int i = 0; i < l->n; i++) collect_expr(fx, l->v[i]);
}

static void note_attr(Effects *fx, const char *name) {
    if (ix_get(&fx->attr_set, name) >= 0) return;
    fx->attr_names = arena_grow(fx->arena, fx->attr_names, &fx->capattr, fx->nattr + 1, sizeof(char *));
    ix_add(fx->arena, &fx->attr_set, name, fx->nattr, NULL);
    fx->attr_names[fx->nattr++] = name;
}

static void collect_expr(Effects *fx, const Expr *x) {
    if (!x) return;
    switch (x->kind) {
    case E_LAMBDA:
        add_fn(fx, x, scope_of(fx->scopes, x), "<lambda>", x->u.lambda.args, NULL, x->u.lambda.body, false, NULL);
        collect_exprs(fx, &x->u.lambda.args->defaults);
        collect_expr(fx, x->u.lambda.body);
        return;
    case E_BOOLOP: collect_exprs(fx, &x->u.boolop.values); return;
    case E_NAMEDEXPR: collect_expr(fx, x->u.namedexpr.value); return;
    case E_BINOP: collect_expr(fx, x->u.binop.left); collect_expr(fx, x->u.binop.right); return;
    case E_UNARYOP: collect_expr(fx, x->u.unaryop.operand); return;
    case E_IFEXP:
        collect_expr(fx, x->u.ifexp.test);
        collect_expr(fx, x->u.ifexp.body);
        collect_expr(fx, x->u.ifexp.orelse);
        return;
    case E_DICT:
        for (int i = 0; i < x->u.dict.keys.n; i++) collect_expr(fx, x->u.dict.keys.v[i]);
        collect_exprs(fx, &x->u.dict.values);
        return;
    case E_SET: collect_exprs(fx, &x->u.set.elts); return;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: case E_GENERATOREXP:
        collect_expr(fx, x->u.comp.elt);
        collect_expr(fx, x->u.comp.key);
        collect_expr(fx, x->u.comp.value);
        for (int i = 0; i < x->u.comp.generators.n; i++) {
            collect_expr(fx, x->u.comp.generators.v[i]->iter);
            collect_exprs(fx, &x->u.comp.generators.v[i]->ifs);
        }
        return;
    case E_AWAIT: collect_expr(fx, x->u.await_.value); return;
    case E_YIELD: collect_expr(fx, x->u.yield.value); return;
    case E_YIELDFROM: collect_expr(fx, x->u.yieldfrom.value); return;
    case E_COMPARE: collect_expr(fx, x->u.compare.left); collect_exprs(fx, &x->u.compare.comparators); return;
    case E_CALL:
        collect_expr(fx, x->u.call.func);
        collect_exprs(fx, &x->u.call.args);
        for (int i = 0; i < x->u.call.keywords.n; i++) collect_expr(fx, x->u.call.keywords.v[i]->value);
        return;
    case E_FORMATTEDVALUE: collect_expr(fx, x->u.formatted.value); collect_expr(fx, x->u.formatted.format_spec); return;
    case E_JOINEDSTR: collect_exprs(fx, &x->u.joinedstr.values); return;
    case E_ATTRIBUTE:
        if (x->u.attribute.ctx != CTX_LOAD) note_attr(fx, x->u.attribute.attr);
        collect_expr(fx, x->u.attribute.value);
        return;
    case E_SUBSCRIPT: collect_expr(fx, x->u.subscript.value); collect_expr(fx, x->u.subscript.slice); return;
    case E_STARRED: collect_expr(fx, x->u.starred.value); return;
    case E_LIST: case E_TUPLE: collect_exprs(fx, &x->u.list.elts); return;
    case E_SLICE:
        collect_expr(fx, x->u.slice.lower);
        collect_expr(fx, x->u.slice.upper);
        collect_expr(fx, x->u.slice.step);
        return;
    default: return;
    }
}

static void collect_stmt(Effects *fx, const Stmt *s, const char *cls) {
    switch (s->kind) {
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF: {
        const Arguments *a = s->u.funcdef.args;
        add_fn(fx, s, scope_of(fx->scopes, s), s->u.funcdef.name, a, &s->u.funcdef.body, NULL,
               s->kind == S_ASYNCFUNCTIONDEF, cls);
        collect_exprs(fx, &a->defaults);
        collect_exprs(fx, &s->u.funcdef.decorators);
        collect_stmts(fx, &s->u.funcdef.body, NULL);
        return;
    }
    case S_CLASSDEF:
        collect_exprs(fx, &s->u.classdef.bases);
        collect_stmts(fx, &s->u.classdef.body, s->u.classdef.name);
        return;
    case S_RETURN: collect_expr(fx, s->u.ret.value); return;
    case S_DELETE: collect_exprs(fx, &s->u.del.targets); return;
    case S_ASSIGN: collect_exprs(fx, &s->u.assign.targets); collect_expr(fx, s->u.assign.value); return;
    case S_AUGASSIGN: collect_expr(fx, s->u.augassign.target); collect_expr(fx, s->u.augassign.value); return;
    case S_ANNASSIGN: collect_expr(fx, s->u.annassign.target); collect_expr(fx, s->u.annassign.value); return;
    case S_FOR: case S_ASYNCFOR:
        collect_expr(fx, s->u.for_.target);
        collect_expr(fx, s->u.for_.iter);
        collect_stmts(fx, &s->u.for_.body, cls);
        collect_stmts(fx, &s->u.for_.orelse, cls);
        return;
    case S_WHILE: case S_IF:
        collect_expr(fx, s->u.while_.test);
        collect_stmts(fx, &s->u.while_.body, cls);
        collect_stmts(fx, &s->u.while_.orelse, cls);
        return;
    case S_WITH: case S_ASYNCWITH:
        for (int i = 0; i < s->u.with.items.n; i++) {
            collect_expr(fx, s->u.with.items.v[i]->context_expr);
            collect_expr(fx, s->u.with.items.v[i]->optional_vars);
        }
        collect_stmts(fx, &s->u.with.body, cls);
        return;
    case S_RAISE: collect_expr(fx, s->u.raise.exc); collect_expr(fx, s->u.raise.cause); return;
    case S_TRY: case S_TRYSTAR:
        collect_stmts(fx, &s->u.try_.body, cls);
        for (int i = 0; i < s->u.try_.handlers.n; i++) collect_stmts(fx, &s->u.try_.handlers.v[i]->body, cls);
        collect_stmts(fx, &s->u.try_.orelse, cls);
        collect_stmts(fx, &s->u.try_.finalbody, cls);
        return;
    case S_ASSERT: collect_expr(fx, s->u.assert_.test); collect_expr(fx, s->u.assert_.msg); return;
    case S_EXPR: collect_expr(fx, s->u.expr.value); return;
    case S_MATCH:
        collect_expr(fx, s->u.match.subject);
        for (int i = 0; i < s->u.match.cases.n; i++) collect_stmts(fx, &s->u.match.cases.v[i]->body, cls);
        return;
    default: return;
    }
}

static void collect_stmts(Effects *fx, const StmtList *l, const char *cls) {
    for (int i = 0; i < l->n; i++) collect_stmt(fx, l->v[i], cls);
}

/* ---- module globals --------------------------------------------------------------------------- */

static Global *global_of(Effects *fx, const char *name) {
    int i = ix_get(&fx->global_by_name, name);
    return i < 0 ? NULL : &fx->globals[i];
}

/* Is x an expression whose value can never change: constants, and
 * tuples and arithmetic of them? */
static bool immutable_expr(Effects *fx, const Expr *x) {
    switch (x->kind) {
    case E_CONSTANT: return true;
    case E_TUPLE:
        for (int i = 0; i < x->u.list.elts.n; i++)
            if (!immutable_expr(fx, x->u.list.elts.v[i])) return false;
        return true;
    case E_BINOP: return immutable_expr(fx, x->u.binop.left) && immutable_expr(fx, x->u.binop.right);
    case E_UNARYOP: return immutable_expr(fx, x->u.unaryop.operand);
    case E_NAME: {
        Global *g = global_of(fx, x->u.name.id);
        return g && g->immutable && !g->rebound;
    }
    case E_JOINEDSTR: return x->u.joinedstr.values.n == 0;
    default: return false;
    }
}

static void collect_globals(Effects *fx) {
    Scope *ms = fx->modscope;
    int extra = 0;
    for (int i = 0; i < fx->nfns; i++)
        if (fx->fns[i]->scope) extra += fx->fns[i]->scope->nsyms;
    fx->globals = arena_alloc(fx->arena, sizeof(Global) * (size_t)(ms->nsyms + extra + 1));
    for (int i = 0; i < ms->nsyms; i++) {
        Symbol *sym = ms->syms[i];
        if (!(sym->flags & (SYMF_ASSIGNED | SYMF_DEF))) continue; /* only read there: a builtin */
        ix_add(fx->arena, &fx->global_by_name, sym->name, fx->nglobals, NULL);
        Global *g = &fx->globals[fx->nglobals++];
        memset(g, 0, sizeof *g);
        g->name = sym->name;
        g->bit = -1;
        /* Bound once, at the top level of the module, never deleted. */
        g->rebound = (sym->flags & SYMF_DELETED) != 0;
    }
    /* How each is bound at the top level: count the bindings. */
    int *count = arena_alloc(fx->arena, sizeof(int) * (size_t)(fx->nglobals + extra + 1));
    memset(count, 0, sizeof(int) * (size_t)(fx->nglobals + extra + 1));
    for (int i = 0; i < fx->mod->body.n; i++) {
        const Stmt *s = fx->mod->body.v[i];
        Global *g = NULL;
        bool imm = false;
        switch (s->kind) {
        case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF:
            g = global_of(fx, s->u.funcdef.name);
            imm = s->u.funcdef.decorators.n == 0;
            break;
        case S_CLASSDEF:
            g = global_of(fx, s->u.classdef.name);
            imm = true;
            break;
        case S_IMPORT:
            for (int k = 0; k < s->u.import.names.n; k++) {
                const Alias *al = s->u.import.names.v[k];
                const char *nm = al->asname ? al->asname : al->name;
                Global *gi = global_of(fx, nm);
                if (gi) {
                    gi->immutable = !strchr(al->name, '.');
                    gi->module = al->name;
                    count[gi - fx->globals]++;
                }
            }
            continue;
        case S_IMPORTFROM:
            for (int k = 0; k < s->u.importfrom.names.n; k++) {
                const Alias *al = s->u.importfrom.names.v[k];
                Global *gi = global_of(fx, al->asname ? al->asname : al->name);
                if (!gi) continue;
                count[gi - fx->globals]++;
                if (s->u.importfrom.level == 0 && s->u.importfrom.module) {
                    gi->from_module = s->u.importfrom.module;
                    gi->from_name = al->name;
                    gi->immutable = true;
                }
            }
            continue;
        case S_ASSIGN:
            if (s->u.assign.targets.n == 1 && s->u.assign.targets.v[0]->kind == E_NAME) {
                g = global_of(fx, s->u.assign.targets.v[0]->u.name.id);
                imm = immutable_expr(fx, s->u.assign.value);
            }
            break;
        case S_ANNASSIGN:
            if (s->u.annassign.target->kind == E_NAME && s->u.annassign.value) {
                g = global_of(fx, s->u.annassign.target->u.name.id);
                imm = immutable_expr(fx, s->u.annassign.value);
            }
            break;
        default: break;
        }
        if (g) {
            count[g - fx->globals]++;
            g->immutable = imm;
        }
    }
    /* Bound anywhere else (loops, ifs, functions declaring it global, a
     * second time at the top): rebound. */
    for (int i = 0; i < fx->nglobals; i++) {
        if (count[i] != 1) fx->globals[i].rebound = true;
    }
    /* names only functions bind (`global x; x = …`) are globals too */
    for (int i = 0; i < fx->nfns; i++) {
        Scope *s = fx->fns[i]->scope;
        if (!s) continue;
        for (int k = 0; k < s->nsyms; k++) {
            Symbol *sym = s->syms[k];
            if (sym->kind != SYM_GLOBAL_EXPLICIT || global_of(fx, sym->name)) continue;
            ix_add(fx->arena, &fx->global_by_name, sym->name, fx->nglobals, NULL);
            Global *g = &fx->globals[fx->nglobals++];
            memset(g, 0, sizeof *g);
            g->name = sym->name;
            g->rebound = true;
        }
    }
    for (int i = 0; i < fx->nfns; i++) {
        Scope *s = fx->fns[i]->scope;
        if (!s) continue;
        for (int k = 0; k < s->nsyms; k++) {
            Symbol *sym = s->syms[k];
            if (sym->kind == SYM_GLOBAL_EXPLICIT && (sym->flags & SYMF_ASSIGNED)) {
                Global *g = global_of(fx, sym->name);
                if (g) g->rebound = true;
            }
        }
    }
    /* The module-level statements that are not a single top-level
     * binding (loops, ifs …) may bind names too: the scope counted
     * them; anything bound in nested blocks at module level is rebound. */
    for (int i = 0; i < fx->nglobals; i++) {
        Global *g = &fx->globals[i];
        if (g->rebound) g->immutable = false;
        if (!g->immutable && fx->ntracked < 64) g->bit = fx->ntracked++;
    }
}

/* ---- per-function analysis ----------------------------------------------------------------------- */

typedef struct Var {
    const char *name;
    Origin o;
    Fn *fn_value;               /* bound only to this def/lambda */
    bool fn_many;               /* bound to something else too */
    const char *module;         /* bound by `import m` (inside the function) */
} Var;

typedef struct Ctx {
    Effects *fx;
    Fn *fn;
    Scope *scope;               /* innermost scope being walked */
    Var *vars;
    int nvars, capvars;
    bool vars_changed;
    bool record;                /* second pass: record effects */
} Ctx;

static void impure_at(Ctx *c, SrcSpan pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void impure_at(Ctx *c, SrcSpan pos, const char *fmt, ...) {
    if (!c->record || c->fn->impure) return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    c->fn->impure = true;
    c->fn->why.pos = pos;
    c->fn->why.what = arena_strndup(c->fx->arena, buf, strlen(buf));
    c->fx->changed = true;
}

static Var *var(Ctx *c, const char *name) {
    for (int i = 0; i < c->nvars; i++)
        if (strcmp(c->vars[i].name, name) == 0) return &c->vars[i];
    c->vars = arena_grow(c->fx->arena, c->vars, &c->capvars, c->nvars + 1, sizeof(Var));
    Var *v = &c->vars[c->nvars++];
    memset(v, 0, sizeof *v);
    v->name = name;
    return v;
}

static void var_add(Ctx *c, const char *name, Origin o, Fn *fnv) {
    Var *v = var(c, name);
    Origin n = o_union(v->o, o);
    if (memcmp(&n, &v->o, sizeof n) != 0) {
        v->o = n;
        c->vars_changed = true;
    }
    if (fnv && !v->fn_value && !v->fn_many) {
        v->fn_value = fnv;
        c->vars_changed = true;
    } else if (fnv != v->fn_value && !v->fn_many) {
        v->fn_many = true;
        c->vars_changed = true;
    }
}

/* The function a name of scope `def` is bound to, when it is bound only
 * by one def statement there (a nested helper): else NULL. */
static Fn *def_bound(Effects *fx, Scope *def, const char *name) {
    Symbol *sym = def ? scope_lookup(def, name) : NULL;
    if (!sym || sym->def_count != 1 || !sym->def_stmt || (sym->flags & (SYMF_OTHER | SYMF_DELETED))) return NULL;
    if (sym->def_stmt->kind != S_FUNCTIONDEF && sym->def_stmt->kind != S_ASYNCFUNCTIONDEF) return NULL;
    if (sym->def_stmt->u.funcdef.decorators.n) return NULL;
    return fn_of(fx, sym->def_stmt);
}

/* Which scope binds `name` for code in scope s (for free variables). */
static Scope *defining_scope(Scope *s, const char *name) {
    for (Scope *p = s->parent; p; p = p->parent) {
        if (p->kind == SCOPE_CLASS) continue;
        Symbol *sym = scope_lookup(p, name);
        if (sym && (sym->kind == SYM_LOCAL || sym->kind == SYM_CELL)) return p;
    }
    return NULL;
}

static bool scope_within(const Scope *inner, const Scope *outer) {
    for (const Scope *s = inner; s; s = s->parent)
        if (s == outer) return true;
    return false;
}

static void note_free(Ctx *c, Scope *def) {
    if (!def || scope_within(def, c->fn->scope)) return;
    if (!c->fn->free_outer || scope_within(c->fn->free_outer, def)) {
        if (c->fn->free_outer != def) {
            c->fn->free_outer = def;
            if (c->record) c->fx->changed = true;
        }
    }
}

/* A mutable global read or written: the tracked bit, or OUTSIDE. */
static void note_global_read(Ctx *c, Global *g, SrcSpan pos) {
    if (g->immutable) return;
    if (g->bit >= 0) {
        if (c->record && !(c->fn->greads & ((Mask)1 << g->bit))) {
            c->fn->greads |= (Mask)1 << g->bit;
            c->fx->changed = true;
        }
    } else {
        impure_at(c, pos, "reads the module global '%s'", g->name);
    }
}

static Origin global_origin(Global *g) {
    if (g->immutable) return O_NONE;
    if (g->bit < 0) return O_OUT;
    Mask b = (Mask)1 << g->bit;
    return (Origin){0, 0, b, b};
}

static Origin expr(Ctx *c, const Expr *x);

static Origin name_load(Ctx *c, const Expr *x) {
    const char *name = x->u.name.id;
    Symbol *sym = scope_lookup(c->scope, name);
    if (sym && (sym->kind == SYM_LOCAL || sym->kind == SYM_CELL)) {
        if (c->scope->kind == SCOPE_MODULE) goto global;
        return var(c, name)->o;
    }
    if (sym && sym->kind == SYM_FREE) {
        Scope *def = defining_scope(c->scope, name);
        if (def && scope_within(def, c->fn->scope)) return var(c, name)->o;
        if (def_bound(c->fx, def, name)) return O_NONE;
        note_free(c, def);
        return O_OUT;
    }
global:;
    Global *g = global_of(c->fx, name);
    if (!g) return O_NONE; /* a builtin */
    note_global_read(c, g, x->pos);
    if (g->rebound) impure_at(c, x->pos, "reads the module global '%s', which is reassigned", name);
    return global_origin(g);
}

/* The effect of mutating a value of origin o (at pos; `what` words it). */
static void mutate(Ctx *c, Origin o, SrcSpan pos, const char *what) {
    if (!c->record) return;
    if (o.self & M_OUT) {
        impure_at(c, pos, "%s an object it did not create", what);
        return;
    }
    Mask p = o.self & M_PARAMS;
    if (p & ~c->fn->mutates) {
        c->fn->mutates |= p;
        c->fx->changed = true;
    }
    if (o.gself & ~c->fn->gmutates) {
        c->fn->gmutates |= o.gself;
        c->fx->changed = true;
    }
}

/* ---- calls ---------------------------------------------------------------------------------------- */

/* Builtins that neither mutate their arguments nor touch the process. */
static const char *const pure_builtins[] = {
    "abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable", "chr", "complex",
    "dict", "divmod", "enumerate", "filter", "float", "format", "frozenset", "getattr", "hasattr",
    "hash", "hex", "int", "isinstance", "issubclass", "iter", "len", "list", "map", "max", "min",
    "object", "oct", "ord", "pow", "print", "range", "repr", "reversed", "round", "set", "slice",
    "sorted", "str", "sum", "tuple", "type", "zip", "super", "property", "staticmethod",
    "classmethod", "BaseException", "Exception", "ValueError", "TypeError", "KeyError",
    "IndexError", "RuntimeError", "ArithmeticError", "ZeroDivisionError", "AssertionError",
    "StopIteration", "StopAsyncIteration", "LookupError", "NotImplementedError", "AttributeError",
    "OverflowError", "TimeoutError", "OSError", "NameError", "ExceptionGroup", "BaseExceptionGroup",
    "aiter", "anext", "memoryview",
};

/* Builtins whose result is one of their arguments (or reachable from). */
static bool returns_argument(const char *name) {
    static const char *const r[] = {"min", "max", "next", "getattr", "iter", "reversed", "anext", "aiter", "super"};
    for (size_t i = 0; i < sizeof r / sizeof *r; i++)
        if (strcmp(r[i], name) == 0) return true;
    return false;
}

/* Methods of the builtin types (and asyncio's) that change their
 * receiver. */
static const char *const mutating_methods[] = {
    "append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse", "update",
    "setdefault", "popitem", "add", "discard", "difference_update", "intersection_update",
    "symmetric_difference_update", "appendleft", "extendleft", "popleft", "rotate", "write",
    "writelines", "put", "put_nowait", "get_nowait", "task_done", "set", "release", "acquire",
    "notify", "notify_all", "cancel", "set_result", "set_exception", "send", "throw", "close",
    "__setitem__", "__delitem__", "__iadd__", "join", "wait", "create_task", "flush", "seek",
    "truncate", "read", "readline", "readlines", "uncancel", "set_name", "add_done_callback",
    "remove_done_callback", "reschedule", "__next__", "asend", "athrow", "aclose",
};

static bool in_list(const char *const *l, size_t n, const char *s) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(l[i], s) == 0) return true;
    return false;
}

/* Task numbers. CPython numbers every task the loop makes (Task-N) in
 * the order the steps that make them run; a task made inside an
 * isolated actor is numbered from the counter that actor started with,
 * which the steps of its siblings running in parallel have not advanced.
 * So when the program reads task names, a coroutine that makes tasks
 * (create_task, gather, TaskGroup.create_task …, directly or through
 * what it calls) is shared. */
static bool asyncio_makes_tasks(const char *fn) {
    static const char *const makers[] = {"create_task", "ensure_future", "gather", "wait", "as_completed",
                                         "wait_for", "shield"};
    return in_list(makers, sizeof makers / sizeof *makers, fn);
}

static void makes_tasks_at(Ctx *c, SrcSpan pos) {
    if (!c->record || c->fn->makes_tasks) return;
    c->fn->makes_tasks = true;
    c->fn->tasks_pos = pos;
    c->fx->changed = true;
}

/* Module functions that are pure, by module: everything in math, cmath,
 * time and asyncio but the few that observe other tasks. */
static bool module_call_ok(const char *module, const char *fn, const char **why) {
    if (!strcmp(module, "math") || !strcmp(module, "cmath") || !strcmp(module, "time") ||
        !strcmp(module, "string") || !strcmp(module, "operator") || !strcmp(module, "itertools") ||
        !strcmp(module, "functools") || !strcmp(module, "heapq") || !strcmp(module, "bisect"))
        return true;
    if (!strcmp(module, "asyncio")) {
        if (!strcmp(fn, "all_tasks") || !strcmp(fn, "run") || !strcmp(fn, "get_event_loop") ||
            !strcmp(fn, "set_event_loop") || !strcmp(fn, "new_event_loop")) {
            *why = "observes the tasks of other actors";
            return false;
        }
        return true;
    }
    if (!strcmp(module, "sys")) {
        if (!strcmp(fn, "exit") || !strcmp(fn, "getrecursionlimit") || !strcmp(fn, "intern")) return true;
        *why = "changes or reads the interpreter's shared state";
        return false;
    }
    if (!strcmp(module, "random")) {
        *why = "uses the random module's shared generator";
        return false;
    }
    *why = "calls a function of a module it cannot see into";
    return false;
}

/* The user functions a method call `x.name(...)` may run: every method
 * of that name in the program's classes. */
static int methods_named(Effects *fx, const char *name, Fn **out, int max) {
    int n = 0;
    for (int i = ix_get(&fx->fn_by_name, name); i >= 0 && n < max; i = fx->fn_next[i]) {
        Fn *f = fx->fns[i];
        if (f->class_name && strcmp(f->name, name) == 0) out[n++] = f;
    }
    return n;
}

static bool attr_assigned(Effects *fx, const char *name) { return ix_get(&fx->attr_set, name) >= 0; }

/* Apply callee f's summary to a call with these argument origins
 * (args[i] for parameter i; self_o for a method's receiver when
 * `has_self`). Returns the call's result origin. */
static Origin apply_summary(Ctx *c, Fn *f, const Origin *args, int nargs, SrcSpan pos, const char *shown) {
    if (f == c->fn && !c->record) {
        /* recursion in the first pass: nothing known yet */
    }
    if (f->impure) impure_at(c, pos, "calls %s, which %s (line %d)", shown, f->why.what, f->why.pos.line);
    if (f->makes_tasks) makes_tasks_at(c, pos);
    if (f->free_outer) note_free(c, f->free_outer);
    if (c->record && (f->greads & ~c->fn->greads)) {
        c->fn->greads |= f->greads;
        c->fx->changed = true;
    }
    if (c->record && (f->gmutates & ~c->fn->gmutates)) {
        c->fn->gmutates |= f->gmutates;
        c->fx->changed = true;
    }
    Origin all = O_NONE;
    for (int i = 0; i < nargs; i++) all = o_union(all, args[i]);
    for (int i = 0; i < f->nparams; i++) {
        if (!(f->mutates & m_param(i))) continue;
        if (i < nargs) mutate(c, args[i], pos, "changes (through a call)");
        else mutate(c, all, pos, "changes (through a call)"); /* a star parameter */
    }
    /* result: fresh, or whatever its parameters may be */
    Origin r = {0, 0, 0, 0};
    if (f->returns.self & M_FRESH) r = O_FRESH;
    if (f->returns.self & M_OUT) r = o_union(r, O_OUT);
    r.gself |= f->returns.gself;
    r.greach |= f->returns.greach | f->returns.gself;
    for (int i = 0; i < f->nparams && i < nargs; i++)
        if ((f->returns.self | f->returns.reach) & m_param(i)) r = o_union(r, o_union(args[i], o_inner(args[i])));
    if ((f->returns.self | f->returns.reach) & M_PARAMS && nargs < f->nparams) r = o_union(r, o_union(all, o_inner(all)));
    return r;
}

/* A callable value passed to map, sorted(key=…) … and so called. */
static void called_value(Ctx *c, const Expr *v, Origin arg) {
    Fn *f = NULL;
    if (v->kind == E_LAMBDA) f = fn_of(c->fx, v);
    else if (v->kind == E_NAME) {
        Symbol *sym = scope_lookup(c->scope, v->u.name.id);
        if (sym && (sym->kind == SYM_LOCAL || sym->kind == SYM_CELL) && c->scope->kind != SCOPE_MODULE) {
            Var *vv = var(c, v->u.name.id);
            if (vv->fn_value && !vv->fn_many) f = vv->fn_value;
            else if (!(vv->o.self & (M_PARAMS | M_OUT)) && !vv->o.gself) return; /* holds no function */
        } else if (!sym || sym->kind != SYM_FREE) {
            Global *g = global_of(c->fx, v->u.name.id);
            if (!g) return; /* a builtin: len, str … */
            if (g->immutable) {
                for (int i = ix_get(&c->fx->fn_by_name, v->u.name.id); i >= 0; i = c->fx->fn_next[i]) {
                    Fn *cand = c->fx->fns[i];
                    if (!cand->class_name && cand->scope && cand->scope->parent == c->fx->modscope &&
                        strcmp(cand->name, v->u.name.id) == 0)
                        f = cand;
                }
                if (!f) return; /* a class or module: constructing is checked elsewhere */
            }
        }
    } else if (v->kind == E_ATTRIBUTE && v->u.attribute.value->kind == E_NAME) {
        Global *g = global_of(c->fx, v->u.attribute.value->u.name.id);
        const char *why;
        if (g && g->module && module_call_ok(g->module, v->u.attribute.attr, &why)) return;
    } else if (v->kind == E_CONSTANT) {
        return;
    }
    if (!f) {
        impure_at(c, v->pos, "passes a function it cannot see into to be called");
        return;
    }
    apply_summary(c, f, &arg, 1, v->pos, "a function it passes on");
}

static Origin call(Ctx *c, const Expr *x);

static Origin call_args(Ctx *c, const Expr *x, Origin *args, int max, int *nargs, Origin *all) {
    *nargs = 0;
    *all = O_NONE;
    for (int i = 0; i < x->u.call.args.n; i++) {
        const Expr *a = x->u.call.args.v[i];
        Origin o = expr(c, a->kind == E_STARRED ? a->u.starred.value : a);
        if (a->kind == E_STARRED) o = o_inner(o);
        if (*nargs < max) args[(*nargs)++] = o;
        *all = o_union(*all, o);
    }
    for (int i = 0; i < x->u.call.keywords.n; i++) {
        Origin o = expr(c, x->u.call.keywords.v[i]->value);
        if (!x->u.call.keywords.v[i]->arg) o = o_inner(o);
        *all = o_union(*all, o);
    }
    return *all;
}

/* Map keyword arguments onto f's parameters (positional ones already in
 * args[0..n)): missing ones stay as they are. */
static int bind_keywords(Ctx *c, Fn *f, const Expr *x, Origin *args, int nargs, int max, int offset) {
    int n = nargs;
    for (int i = 0; i < x->u.call.keywords.n; i++) {
        const Keyword *k = x->u.call.keywords.v[i];
        Origin o = expr(c, k->value);
        if (!k->arg) {
            for (int p = 0; p < f->nparams && p < max; p++) args[p] = o_union(args[p], o_inner(o));
            if (f->nparams > n) n = f->nparams < max ? f->nparams : max;
            continue;
        }
        for (int p = offset; p < f->nparams && p < max; p++)
            if (strcmp(f->params[p], k->arg) == 0) {
                while (n <= p) args[n++] = O_NONE;
                args[p] = o_union(args[p], o);
            }
    }
    return n;
}

static Fn *module_function(Effects *fx, const char *name) {
    for (int i = ix_get(&fx->fn_by_name, name); i >= 0; i = fx->fn_next[i]) {
        Fn *f = fx->fns[i];
        if (!f->class_name && !f->lambda_body && f->scope && f->scope->parent == fx->modscope &&
            strcmp(f->name, name) == 0)
            return f;
    }
    return NULL;
}

static bool is_module_class(Effects *fx, const char *name) { return ix_get(&fx->class_by_name, name) >= 0; }

/* The __init__ of a module-level class (searching its bases by name). */
static Fn *class_init(Effects *fx, const char *cls, int depth) {
    if (depth > 16) return NULL;
    int first = ix_get(&fx->init_by_class, cls);
    if (first >= 0) return fx->fns[first];
    for (int i = ix_get(&fx->class_by_name, cls); i >= 0; i = fx->cls_next[i]) {
        const Stmt *s = fx->mod->body.v[i];
        for (int b = 0; b < s->u.classdef.bases.n; b++) {
            const Expr *base = s->u.classdef.bases.v[b];
            if (base->kind != E_NAME) continue;
            Fn *f = class_init(fx, base->u.name.id, depth + 1);
            if (f) return f;
        }
    }
    return NULL;
}

enum { MAXARGS = 64 };

static Origin call(Ctx *c, const Expr *x) {
    const Expr *f = x->u.call.func;
    Origin args[MAXARGS], all;
    int nargs;
    /* method call: x.m(...) */
    if (f->kind == E_ATTRIBUTE) {
        const Expr *recv = f->u.attribute.value;
        const char *m = f->u.attribute.attr;
        /* module function: math.sqrt(...) */
        if (recv->kind == E_NAME) {
            Symbol *sym = scope_lookup(c->scope, recv->u.name.id);
            bool is_global = !sym || sym->kind == SYM_GLOBAL_IMPLICIT || sym->kind == SYM_GLOBAL_EXPLICIT ||
                             c->scope->kind == SCOPE_MODULE;
            Global *g = is_global ? global_of(c->fx, recv->u.name.id) : NULL;
            const char *module = g ? g->module : NULL;
            if (!is_global && sym && (sym->kind == SYM_LOCAL || sym->kind == SYM_CELL)) module = var(c, recv->u.name.id)->module;
            if (module) {
                call_args(c, x, args, MAXARGS, &nargs, &all);
                const char *why = NULL;
                if (!module_call_ok(module, m, &why))
                    impure_at(c, x->pos, "calls %s.%s, which %s", recv->u.name.id, m, why);
                if (!strcmp(module, "asyncio") && asyncio_makes_tasks(m)) makes_tasks_at(c, x->pos);
                /* functions handed to functools/itertools … are called */
                for (int i = 0; i < x->u.call.args.n; i++) {
                    const Expr *a = x->u.call.args.v[i];
                    if (a->kind == E_LAMBDA || (a->kind == E_NAME && module_function(c->fx, a->u.name.id)))
                        called_value(c, a, all);
                }
                return o_union(O_FRESH, o_fresh_holding(all));
            }
        }
        Origin r = expr(c, recv);
        call_args(c, x, args + 1, MAXARGS - 1, &nargs, &all);
        args[0] = r;
        Fn *cands[32];
        int nc = methods_named(c->fx, m, cands, 32);
        Origin result = o_union(O_FRESH, o_union(o_inner(r), o_fresh_holding(all)));
        if (in_list(mutating_methods, sizeof mutating_methods / sizeof *mutating_methods, m))
            mutate(c, r, x->pos, arena_printf(c->fx->arena, "calls .%s() on", m));
        if (!strcmp(m, "create_task")) makes_tasks_at(c, x->pos);
        if (!strcmp(m, "get_name")) c->fx->names_read = true;
        if (nc == 0 && attr_assigned(c->fx, m) &&
            !in_list(mutating_methods, sizeof mutating_methods / sizeof *mutating_methods, m))
            impure_at(c, x->pos, "calls .%s(), an attribute that may hold any function", m);
        for (int i = 0; i < nc; i++) {
            int n = bind_keywords(c, cands[i], x, args, nargs + 1, MAXARGS, 1);
            result = o_union(result, apply_summary(c, cands[i], args, n, x->pos,
                                                   arena_printf(c->fx->arena, "%s.%s", cands[i]->class_name, m)));
        }
        /* the key= function of sort() */
        for (int i = 0; i < x->u.call.keywords.n; i++)
            if (x->u.call.keywords.v[i]->arg && strcmp(x->u.call.keywords.v[i]->arg, "key") == 0)
                called_value(c, x->u.call.keywords.v[i]->value, o_inner(r));
        return result;
    }
    if (f->kind == E_NAME) {
        const char *name = f->u.name.id;
        Symbol *sym = scope_lookup(c->scope, name);
        bool local = sym && (sym->kind == SYM_LOCAL || sym->kind == SYM_CELL) && c->scope->kind != SCOPE_MODULE;
        bool freev = sym && sym->kind == SYM_FREE;
        if (local || freev) {
            Var *v = NULL;
            Scope *def = freev ? defining_scope(c->scope, name) : NULL;
            Fn *nested = freev && !scope_within(def, c->fn->scope) ? def_bound(c->fx, def, name) : NULL;
            if (nested) {
                call_args(c, x, args, MAXARGS, &nargs, &all);
                int n = bind_keywords(c, nested, x, args, nargs, MAXARGS, 0);
                return apply_summary(c, nested, args, n, x->pos, name);
            }
            if (local || (freev && scope_within(def, c->fn->scope))) v = var(c, name);
            else note_free(c, def);
            call_args(c, x, args, MAXARGS, &nargs, &all);
            if (v && v->fn_value && !v->fn_many) {
                int n = bind_keywords(c, v->fn_value, x, args, nargs, MAXARGS, 0);
                return apply_summary(c, v->fn_value, args, n, x->pos, name);
            }
            impure_at(c, x->pos, "calls '%s', which may hold any function", name);
            return O_OUT;
        }
        Global *g = global_of(c->fx, name);
        call_args(c, x, args, MAXARGS, &nargs, &all);
        if (!g) {
            /* a builtin */
            if (!strcmp(name, "id")) impure_at(c, x->pos, "uses id(), which differs between copies");
            else if (!strcmp(name, "input") || !strcmp(name, "open"))
                impure_at(c, x->pos, "calls %s(), which uses the process's files", name);
            else if (!strcmp(name, "setattr") || !strcmp(name, "delattr")) {
                if (nargs) mutate(c, args[0], x->pos, arena_printf(c->fx->arena, "calls %s() on", name));
            } else if (!strcmp(name, "next") || !strcmp(name, "anext")) {
                if (nargs) mutate(c, args[0], x->pos, arena_printf(c->fx->arena, "advances with %s()", name));
            } else if (!in_list(pure_builtins, sizeof pure_builtins / sizeof *pure_builtins, name)) {
                impure_at(c, x->pos, "calls %s()", name);
            }
            if (!strcmp(name, "map") || !strcmp(name, "filter")) {
                if (x->u.call.args.n) called_value(c, x->u.call.args.v[0], nargs > 1 ? o_inner(args[1]) : O_NONE);
            }
            for (int i = 0; i < x->u.call.keywords.n; i++)
                if (x->u.call.keywords.v[i]->arg && strcmp(x->u.call.keywords.v[i]->arg, "key") == 0)
                    called_value(c, x->u.call.keywords.v[i]->value, nargs ? o_inner(args[0]) : O_NONE);
            if (returns_argument(name)) return o_union(o_inner(all), all);
            return o_fresh_holding(all);
        }
        note_global_read(c, g, f->pos);
        if (g->rebound) {
            impure_at(c, x->pos, "calls the module global '%s', which is reassigned", name);
            return O_OUT;
        }
        Fn *callee = module_function(c->fx, name);
        if (callee && g->immutable) {
            int n = bind_keywords(c, callee, x, args, nargs, MAXARGS, 0);
            return apply_summary(c, callee, args, n, x->pos, name);
        }
        if (is_module_class(c->fx, name)) {
            Fn *init = class_init(c->fx, name, 0);
            if (init) {
                Origin a2[MAXARGS];
                a2[0] = O_FRESH; /* self: the new instance */
                for (int i = 0; i < nargs && i + 1 < MAXARGS; i++) a2[i + 1] = args[i];
                int n = bind_keywords(c, init, x, a2, nargs + 1 < MAXARGS ? nargs + 1 : MAXARGS, MAXARGS, 1);
                apply_summary(c, init, a2, n, x->pos, arena_printf(c->fx->arena, "%s.__init__", name));
            }
            return o_fresh_holding(all);
        }
        if (g->module) return o_fresh_holding(all); /* calling a module: TypeError */
        if (g->from_module) {
            /* from math import sqrt: as math.sqrt(...) */
            const char *why = NULL;
            if (!module_call_ok(g->from_module, g->from_name, &why))
                impure_at(c, x->pos, "calls %s (%s.%s), which %s", name, g->from_module, g->from_name, why);
            if (!strcmp(g->from_module, "asyncio") && asyncio_makes_tasks(g->from_name)) makes_tasks_at(c, x->pos);
            return o_fresh_holding(all);
        }
        impure_at(c, x->pos, "calls '%s', which may hold any function", name);
        return O_OUT;
    }
    /* anything else: a call of a value computed on the spot */
    expr(c, f);
    call_args(c, x, args, MAXARGS, &nargs, &all);
    if (f->kind == E_LAMBDA) {
        Fn *l = fn_of(c->fx, f);
        if (l) return apply_summary(c, l, args, nargs, x->pos, "a lambda");
    }
    impure_at(c, x->pos, "calls a function it cannot see into");
    return O_OUT;
}

/* ---- expressions ------------------------------------------------------------------------------------ */

static void store(Ctx *c, const Expr *t, Origin o, Fn *fnv);

static Origin exprs_union(Ctx *c, const ExprList *l) {
    Origin r = O_NONE;
    for (int i = 0; i < l->n; i++) {
        const Expr *e = l->v[i];
        if (e->kind == E_STARRED) r = o_union(r, o_inner(expr(c, e->u.starred.value)));
        else r = o_union(r, expr(c, e));
    }
    return r;
}

static Origin comprehension(Ctx *c, const Expr *x) {
    Scope *saved = c->scope;
    const ComprehensionList *gens = &x->u.comp.generators;
    Origin it0 = expr(c, gens->v[0]->iter);
    Scope *cs = scope_of(c->fx->scopes, x);
    if (cs) c->scope = cs;
    for (int i = 0; i < gens->n; i++) {
        Origin it = i == 0 ? it0 : expr(c, gens->v[i]->iter);
        if (gens->v[i]->is_async) mutate(c, it, gens->v[i]->iter->pos, "iterates with async for over");
        store(c, gens->v[i]->target, o_inner(it), NULL);
        exprs_union(c, &gens->v[i]->ifs);
    }
    Origin elt = O_NONE;
    if (x->kind == E_DICTCOMP) elt = o_union(expr(c, x->u.comp.key), expr(c, x->u.comp.value));
    else elt = expr(c, x->u.comp.elt);
    c->scope = saved;
    return o_fresh_holding(elt);
}

static Origin expr(Ctx *c, const Expr *x) {
    if (!x) return O_NONE;
    switch (x->kind) {
    case E_CONSTANT: return O_NONE;
    case E_NAME: return name_load(c, x);
    case E_BOOLOP: return exprs_union(c, &x->u.boolop.values);
    case E_NAMEDEXPR: {
        Origin o = expr(c, x->u.namedexpr.value);
        store(c, x->u.namedexpr.target, o, NULL);
        return o;
    }
    case E_BINOP: {
        Origin l = expr(c, x->u.binop.left), r = expr(c, x->u.binop.right);
        /* a + b of sequences: a new object holding both sides' items */
        return o_fresh_holding(o_inner(o_union(l, r)));
    }
    case E_UNARYOP: expr(c, x->u.unaryop.operand); return O_NONE;
    case E_LAMBDA: exprs_union(c, &x->u.lambda.args->defaults); return O_FRESH;
    case E_IFEXP:
        expr(c, x->u.ifexp.test);
        return o_union(expr(c, x->u.ifexp.body), expr(c, x->u.ifexp.orelse));
    case E_DICT: {
        Origin r = O_NONE;
        for (int i = 0; i < x->u.dict.keys.n; i++) {
            if (x->u.dict.keys.v[i]) r = o_union(r, expr(c, x->u.dict.keys.v[i]));
            Origin v = expr(c, x->u.dict.values.v[i]);
            r = o_union(r, x->u.dict.keys.v[i] ? v : o_inner(v));
        }
        return o_fresh_holding(r);
    }
    case E_SET: return o_fresh_holding(exprs_union(c, &x->u.set.elts));
    case E_LIST: case E_TUPLE: return o_fresh_holding(exprs_union(c, &x->u.list.elts));
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: case E_GENERATOREXP: return comprehension(c, x);
    case E_AWAIT: {
        const Expr *v = x->u.await_.value;
        /* awaiting a method of an object it did not create (a queue's
         * get, an event's wait, a lock's acquire) changes that object */
        if (v->kind == E_CALL && v->u.call.func->kind == E_ATTRIBUTE) {
            Origin r = call(c, v);
            Origin recv = expr(c, v->u.call.func->u.attribute.value);
            mutate(c, recv, x->pos, arena_printf(c->fx->arena, "awaits .%s() of", v->u.call.func->u.attribute.attr));
            return r;
        }
        Origin o = expr(c, v);
        return o_union(O_FRESH, o_inner(o));
    }
    case E_YIELD: return o_union(expr(c, x->u.yield.value), O_OUT);
    case E_YIELDFROM: return o_union(expr(c, x->u.yieldfrom.value), O_OUT);
    case E_COMPARE:
        expr(c, x->u.compare.left);
        exprs_union(c, &x->u.compare.comparators);
        return O_NONE;
    case E_CALL: return call(c, x);
    case E_FORMATTEDVALUE:
        expr(c, x->u.formatted.value);
        expr(c, x->u.formatted.format_spec);
        return O_NONE;
    case E_JOINEDSTR: exprs_union(c, &x->u.joinedstr.values); return O_NONE;
    case E_ATTRIBUTE: {
        const Expr *v = x->u.attribute.value;
        /* module attributes (math.pi, sys.argv) */
        if (v->kind == E_NAME) {
            Global *g = global_of(c->fx, v->u.name.id);
            Symbol *sym = scope_lookup(c->scope, v->u.name.id);
            if (g && g->module && (!sym || sym->kind == SYM_GLOBAL_IMPLICIT || sym->kind == SYM_GLOBAL_EXPLICIT))
                return strcmp(g->module, "sys") == 0 && strcmp(x->u.attribute.attr, "stdout") && strcmp(x->u.attribute.attr, "stderr") &&
                               strcmp(x->u.attribute.attr, "maxsize")
                           ? O_OUT
                           : O_NONE;
        }
        return o_inner(expr(c, v));
    }
    case E_SUBSCRIPT: {
        Origin b = expr(c, x->u.subscript.value);
        expr(c, x->u.subscript.slice);
        if (x->u.subscript.slice->kind == E_SLICE) return o_fresh_holding(o_inner(b));
        return o_inner(b);
    }
    case E_STARRED: return expr(c, x->u.starred.value);
    case E_SLICE:
        expr(c, x->u.slice.lower);
        expr(c, x->u.slice.upper);
        expr(c, x->u.slice.step);
        return O_FRESH;
    default: return O_OUT;
    }
}

/* ---- stores and statements ------------------------------------------------------------------------ */

static void store_name(Ctx *c, const char *name, SrcSpan pos, Origin o, Fn *fnv) {
    Symbol *sym = scope_lookup(c->scope, name);
    if (sym && (sym->kind == SYM_LOCAL || sym->kind == SYM_CELL) && c->scope->kind != SCOPE_MODULE) {
        var_add(c, name, o, fnv);
        return;
    }
    if (sym && sym->kind == SYM_FREE) {
        Scope *def = defining_scope(c->scope, name);
        if (def && scope_within(def, c->fn->scope)) {
            var_add(c, name, o, fnv);
            return;
        }
        note_free(c, def);
        impure_at(c, pos, "assigns the variable '%s' of an enclosing function", name);
        return;
    }
    impure_at(c, pos, "assigns the module global '%s'", name);
}

static void store(Ctx *c, const Expr *t, Origin o, Fn *fnv) {
    switch (t->kind) {
    case E_NAME: store_name(c, t->u.name.id, t->pos, o, fnv); return;
    case E_TUPLE: case E_LIST:
        for (int i = 0; i < t->u.list.elts.n; i++) {
            const Expr *e = t->u.list.elts.v[i];
            if (e->kind == E_STARRED) store(c, e->u.starred.value, o_fresh_holding(o_inner(o)), NULL);
            else store(c, e, o_inner(o), NULL);
        }
        return;
    case E_STARRED: store(c, t->u.starred.value, o_fresh_holding(o_inner(o)), NULL); return;
    case E_ATTRIBUTE: {
        Origin base = expr(c, t->u.attribute.value);
        mutate(c, base, t->pos, arena_printf(c->fx->arena, "assigns the attribute '%s' of", t->u.attribute.attr));
        return;
    }
    case E_SUBSCRIPT: {
        Origin base = expr(c, t->u.subscript.value);
        expr(c, t->u.subscript.slice);
        mutate(c, base, t->pos, "assigns an item of");
        return;
    }
    default: return;
    }
}

static void stmts(Ctx *c, const StmtList *l);

/* A match pattern against a subject of origin o: value patterns and
 * classes are read, captures bind the subject or what it holds (a star
 * capture and **rest are fresh containers of its items). */
static void pattern(Ctx *c, const Pattern *p, Origin o) {
    if (!p) return;
    Origin any = o_union(o, o_inner(o));
    switch (p->kind) {
    case P_VALUE: expr(c, p->u.value.value); return;
    case P_SINGLETON: return;
    case P_SEQUENCE:
        for (int i = 0; i < p->u.sequence.patterns.n; i++) pattern(c, p->u.sequence.patterns.v[i], any);
        return;
    case P_MAPPING:
        for (int i = 0; i < p->u.mapping.keys.n; i++) expr(c, p->u.mapping.keys.v[i]);
        for (int i = 0; i < p->u.mapping.patterns.n; i++) pattern(c, p->u.mapping.patterns.v[i], any);
        if (p->u.mapping.rest) store_name(c, p->u.mapping.rest, p->pos, o_fresh_holding(any), NULL);
        return;
    case P_CLASS:
        expr(c, p->u.cls.cls);
        for (int i = 0; i < p->u.cls.patterns.n; i++) pattern(c, p->u.cls.patterns.v[i], any);
        for (int i = 0; i < p->u.cls.kwd_patterns.n; i++) pattern(c, p->u.cls.kwd_patterns.v[i], any);
        return;
    case P_STAR:
        if (p->u.star.name) store_name(c, p->u.star.name, p->pos, o_fresh_holding(o), NULL);
        return;
    case P_AS:
        pattern(c, p->u.as.pattern, o);
        if (p->u.as.name) store_name(c, p->u.as.name, p->pos, o, NULL);
        return;
    case P_OR:
        for (int i = 0; i < p->u.or_.patterns.n; i++) pattern(c, p->u.or_.patterns.v[i], o);
        return;
    }
}

/* Is the right side of `x op= rhs` a number-like value (so that the
 * operator cannot change x's object in place)? */
static bool scalar_rhs(const Expr *x) {
    switch (x->kind) {
    case E_CONSTANT: return x->u.constant.kind != CONST_STR && x->u.constant.kind != CONST_BYTES;
    case E_BINOP: return scalar_rhs(x->u.binop.left) || scalar_rhs(x->u.binop.right);
    case E_UNARYOP: return true;
    case E_CALL:
        return x->u.call.func->kind == E_NAME &&
               (!strcmp(x->u.call.func->u.name.id, "len") || !strcmp(x->u.call.func->u.name.id, "int") ||
                !strcmp(x->u.call.func->u.name.id, "float") || !strcmp(x->u.call.func->u.name.id, "abs") ||
                !strcmp(x->u.call.func->u.name.id, "sum") || !strcmp(x->u.call.func->u.name.id, "ord"));
    default: return false;
    }
}

static void stmt(Ctx *c, const Stmt *s) {
    switch (s->kind) {
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF: {
        exprs_union(c, &s->u.funcdef.args->defaults);
        exprs_union(c, &s->u.funcdef.decorators);
        Fn *f = fn_of(c->fx, s);
        store_name(c, s->u.funcdef.name, s->pos, O_FRESH, s->u.funcdef.decorators.n ? NULL : f);
        return;
    }
    case S_CLASSDEF:
        exprs_union(c, &s->u.classdef.bases);
        store_name(c, s->u.classdef.name, s->pos, O_FRESH, NULL);
        return;
    case S_RETURN: {
        Origin o = expr(c, s->u.ret.value);
        if (c->record) {
            Origin n = o_union(c->fn->returns, o);
            if (memcmp(&n, &c->fn->returns, sizeof n) != 0) {
                c->fn->returns = n;
                c->fx->changed = true;
            }
        }
        return;
    }
    case S_DELETE:
        for (int i = 0; i < s->u.del.targets.n; i++) {
            const Expr *t = s->u.del.targets.v[i];
            if (t->kind == E_NAME) store_name(c, t->u.name.id, t->pos, O_NONE, NULL);
            else if (t->kind == E_ATTRIBUTE) mutate(c, expr(c, t->u.attribute.value), t->pos, "deletes an attribute of");
            else if (t->kind == E_SUBSCRIPT) {
                Origin b = expr(c, t->u.subscript.value);
                expr(c, t->u.subscript.slice);
                mutate(c, b, t->pos, "deletes an item of");
            }
        }
        return;
    case S_ASSIGN: {
        const Expr *v = s->u.assign.value;
        const Expr *t0 = s->u.assign.targets.v[0];
        /* a, b = x, y: element by element */
        if (s->u.assign.targets.n == 1 && (t0->kind == E_TUPLE || t0->kind == E_LIST) &&
            (v->kind == E_TUPLE || v->kind == E_LIST) && t0->u.list.elts.n == v->u.list.elts.n) {
            bool starred = false;
            for (int i = 0; i < v->u.list.elts.n; i++)
                if (v->u.list.elts.v[i]->kind == E_STARRED || t0->u.list.elts.v[i]->kind == E_STARRED) starred = true;
            if (!starred) {
                Origin *os = arena_alloc(c->fx->arena, sizeof(Origin) * (size_t)v->u.list.elts.n);
                for (int i = 0; i < v->u.list.elts.n; i++) os[i] = expr(c, v->u.list.elts.v[i]);
                for (int i = 0; i < v->u.list.elts.n; i++) store(c, t0->u.list.elts.v[i], os[i], NULL);
                return;
            }
        }
        Origin o = expr(c, v);
        Fn *fnv = v->kind == E_LAMBDA ? fn_of(c->fx, v) : NULL;
        for (int i = 0; i < s->u.assign.targets.n; i++) store(c, s->u.assign.targets.v[i], o, fnv);
        return;
    }
    case S_ANNASSIGN:
        if (s->u.annassign.value) store(c, s->u.annassign.target, expr(c, s->u.annassign.value), NULL);
        return;
    case S_AUGASSIGN: {
        const Expr *t = s->u.augassign.target;
        Origin v = expr(c, s->u.augassign.value);
        if (t->kind == E_NAME) {
            Origin cur = name_load(c, t);
            /* list += …, set |= …: the object itself changes */
            if (!scalar_rhs(s->u.augassign.value)) mutate(c, cur, t->pos, "changes in place");
            store_name(c, t->u.name.id, t->pos, o_union(cur, o_fresh_holding(o_union(v, o_inner(cur)))), NULL);
        } else {
            store(c, t, v, NULL);
        }
        return;
    }
    case S_FOR: case S_ASYNCFOR: {
        Origin it = expr(c, s->u.for_.iter);
        if (s->kind == S_ASYNCFOR) mutate(c, it, s->u.for_.iter->pos, "iterates with async for over");
        store(c, s->u.for_.target, o_inner(it), NULL);
        stmts(c, &s->u.for_.body);
        stmts(c, &s->u.for_.orelse);
        return;
    }
    case S_WHILE: case S_IF:
        expr(c, s->u.while_.test);
        stmts(c, &s->u.while_.body);
        stmts(c, &s->u.while_.orelse);
        return;
    case S_WITH: case S_ASYNCWITH:
        for (int i = 0; i < s->u.with.items.n; i++) {
            Origin m = expr(c, s->u.with.items.v[i]->context_expr);
            /* a context manager it did not create (a lock, a file) */
            if (s->kind == S_ASYNCWITH || !(m.self == M_FRESH && !m.gself))
                mutate(c, m, s->u.with.items.v[i]->context_expr->pos, "enters the context manager");
            if (s->u.with.items.v[i]->optional_vars) store(c, s->u.with.items.v[i]->optional_vars, m, NULL);
        }
        stmts(c, &s->u.with.body);
        return;
    case S_RAISE: expr(c, s->u.raise.exc); expr(c, s->u.raise.cause); return;
    case S_TRY: case S_TRYSTAR:
        stmts(c, &s->u.try_.body);
        for (int i = 0; i < s->u.try_.handlers.n; i++) {
            const ExceptHandler *h = s->u.try_.handlers.v[i];
            expr(c, h->type);
            if (h->name) store_name(c, h->name, h->pos, O_FRESH, NULL);
            stmts(c, &h->body);
        }
        stmts(c, &s->u.try_.orelse);
        stmts(c, &s->u.try_.finalbody);
        return;
    case S_ASSERT: expr(c, s->u.assert_.test); expr(c, s->u.assert_.msg); return;
    case S_EXPR: expr(c, s->u.expr.value); return;
    case S_GLOBAL: return;
    case S_NONLOCAL: return;
    case S_IMPORT: case S_IMPORTFROM: {
        const AliasList *names = s->kind == S_IMPORT ? &s->u.import.names : &s->u.importfrom.names;
        for (int i = 0; i < names->n; i++) {
            const Alias *al = names->v[i];
            const char *nm = al->asname ? al->asname : al->name;
            if (!strcmp(nm, "*") || strchr(nm, '.')) continue;
            store_name(c, nm, al->pos, O_NONE, NULL);
            Symbol *sym = scope_lookup(c->scope, nm);
            if (s->kind == S_IMPORT && sym && (sym->kind == SYM_LOCAL || sym->kind == SYM_CELL) &&
                c->scope->kind != SCOPE_MODULE)
                var(c, nm)->module = al->name;
        }
        return;
    }
    case S_MATCH: {
        Origin subj = expr(c, s->u.match.subject);
        for (int i = 0; i < s->u.match.cases.n; i++) {
            pattern(c, s->u.match.cases.v[i]->pattern, subj);
            expr(c, s->u.match.cases.v[i]->guard);
            stmts(c, &s->u.match.cases.v[i]->body);
        }
        return;
    }
    default: return;
    }
}

static void stmts(Ctx *c, const StmtList *l) {
    for (int i = 0; i < l->n; i++) stmt(c, l->v[i]);
}

/* Analyse one function: first its locals to a fixpoint (no effects
 * recorded), then one pass recording the effects. */
static void analyse(Effects *fx, Fn *f) {
    Ctx c = {.fx = fx, .fn = f, .scope = f->scope};
    for (int i = 0; i < f->nparams; i++) var_add(&c, f->params[i], (Origin){m_param(i), m_param(i), 0, 0}, NULL);
    for (int round = 0; round < 50; round++) {
        c.vars_changed = false;
        if (f->body) stmts(&c, f->body);
        else expr(&c, f->lambda_body);
        if (!c.vars_changed) break;
    }
    c.record = true;
    if (f->body) stmts(&c, f->body);
    else {
        Origin o = expr(&c, f->lambda_body);
        Origin n = o_union(f->returns, o);
        if (memcmp(&n, &f->returns, sizeof n) != 0) {
            f->returns = n;
            fx->changed = true;
        }
    }
}

/* ---- the program ------------------------------------------------------------------------------- */

Effects *effects_analyze(Arena *a, const Module *m, ScopeTable *scopes) {
    Effects *fx = arena_alloc(a, sizeof(Effects));
    memset(fx, 0, sizeof *fx);
    fx->arena = a;
    fx->mod = m;
    fx->scopes = scopes;
    fx->modscope = scope_module(scopes);
    fx->filename = m->filename;
    fx->fn_by_name.by_name = fx->init_by_class.by_name = fx->global_by_name.by_name = true;
    fx->attr_set.by_name = fx->class_by_name.by_name = true;
    fx->cls_next = arena_alloc(a, sizeof(int) * (size_t)(m->body.n + 1));
    for (int i = 0; i < m->body.n; i++)
        if (m->body.v[i]->kind == S_CLASSDEF)
            ix_add(a, &fx->class_by_name, m->body.v[i]->u.classdef.name, i, fx->cls_next);
    collect_stmts(fx, &m->body, NULL);
    collect_globals(fx);
    for (int i = 0; i < fx->nfns; i++)
        if (!fx->fns[i]->scope) fx->fns[i]->impure = true;
    for (int round = 0; round < 100; round++) {
        fx->changed = false;
        for (int i = 0; i < fx->nfns; i++) analyse(fx, fx->fns[i]);
        if (!fx->changed) break;
    }
    return fx;
}

static const char *param_name(Fn *f, Mask bits) {
    for (int i = 0; i < f->nparams; i++)
        if (bits & m_param(i)) return f->params[i];
    return "?";
}

/* Which tracked globals are changed anywhere (by any function). */
static Mask mutated_globals(Effects *fx) {
    Mask m = 0;
    for (int i = 0; i < fx->nfns; i++) m |= fx->fns[i]->gmutates;
    return m;
}

static const char *global_name(Effects *fx, Mask bits) {
    for (int i = 0; i < fx->nglobals; i++)
        if (fx->globals[i].bit >= 0 && (bits & ((Mask)1 << fx->globals[i].bit))) return fx->globals[i].name;
    return "?";
}

bool effects_isolated(Effects *fx, Scope *fn, EffectReason *why) {
    Fn *f = NULL;
    for (int i = 0; i < fx->nfns; i++)
        if (fx->fns[i]->scope == fn) f = fx->fns[i];
    EffectReason dummy;
    if (!why) why = &dummy;
    if (!f || !f->is_async) {
        *why = (EffectReason){{0, 0, 0, 0}, "is not an async def"};
        return false;
    }
    SrcSpan at = ((const Stmt *)f->node)->pos;
    if (f->is_asyncgen) {
        *why = (EffectReason){at, "is an asynchronous generator (it runs where it is iterated)"};
        return false;
    }
    if (f->impure) {
        *why = f->why;
        return false;
    }
    const Scope *mod = fn;
    while (mod->parent) mod = mod->parent;
    if (mod->ns_live) {
        /* Its globals live in one dict of the main actor's heap. */
        *why = (EffectReason){at, "is in a module whose globals() is kept or written (one shared namespace)"};
        return false;
    }
    if (f->free_outer || fn->has_free) {
        *why = (EffectReason){at, "uses variables of the function around it (a closure)"};
        return false;
    }
    if (f->makes_tasks && fx->names_read) {
        *why = (EffectReason){f->tasks_pos, "makes tasks, and the program reads task names (an actor would "
                                            "number its tasks apart from the others)"};
        return false;
    }
    if (f->mutates) {
        *why = (EffectReason){at, arena_printf(fx->arena, "changes its argument '%s'", param_name(f, f->mutates))};
        return false;
    }
    if (f->gmutates) {
        *why = (EffectReason){at, arena_printf(fx->arena, "changes the object of the module global '%s'",
                                               global_name(fx, f->gmutates))};
        return false;
    }
    Mask shared_reads = f->greads & mutated_globals(fx);
    if (shared_reads) {
        *why = (EffectReason){at, arena_printf(fx->arena, "reads the module global '%s', whose object is changed elsewhere",
                                               global_name(fx, shared_reads))};
        return false;
    }
    return true;
}

void effects_explain(Effects *fx, FILE *out, const char *filename) {
    for (int i = 0; i < fx->nfns; i++) {
        Fn *f = fx->fns[i];
        if (!f->is_async) continue;
        const Stmt *s = f->node;
        EffectReason why;
        bool iso = effects_isolated(fx, f->scope, &why);
        fprintf(out, "%s:%d: async def %s: ", filename, s->pos.line, f->scope ? f->scope->qualname : f->name);
        if (iso) fprintf(out, "isolated (runs as a parallel actor on copies of its arguments)\n");
        else if (why.pos.line) fprintf(out, "shared (line %d: %s)\n", why.pos.line, why.what);
        else fprintf(out, "shared (%s)\n", why.what);
    }
}
