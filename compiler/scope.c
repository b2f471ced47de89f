/*
 * scope.c — building and resolving symbol tables (see scope.h).
 *
 * Two passes, as CPython's symtable.c:
 *  1. collect: walk the AST once; every block (module, def, lambda,
 *     class, comprehension) gets a Scope; every name occurrence sets flags
 *     on the Symbol of the block it belongs to. Block-structure errors
 *     ('return' outside function, 'break' outside loop, global after use)
 *     are found here, where the context is known.
 *  2. resolve: top-down over the scope tree with the chain of enclosing
 *     function scopes; decides LOCAL / CELL / FREE / GLOBAL for each
 *     symbol. A free use found in an enclosing function upgrades that
 *     binding to CELL and threads a FREE symbol through every function in
 *     between (so each level can pass the cell down).
 *
 * Node → Scope lookups go through a small pointer-keyed hash table.
 */
#include "scope.h"

#include <stdint.h>
#include <string.h>

#include "diag.h"

struct ScopeTable {
    Arena *arena;
    Scope *module;
    const char **ns_refs;       /* see scope_ns_refs */
    int nns_refs, capns_refs;
    const void **keys;          /* open addressing, NULL = empty */
    Scope **vals;
    int cap, count;
};

/* ---- node → scope map -------------------------------------------------- */

static size_t hash_ptr(const void *p, int cap) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B97F4A7C15ull;
    return (size_t)(x >> 20) & (size_t)(cap - 1);
}

static void map_put(ScopeTable *t, const void *key, Scope *s);

static void map_grow(ScopeTable *t) {
    const void **ok = t->keys;
    Scope **ov = t->vals;
    int ocap = t->cap;
    t->cap = ocap ? ocap * 2 : 64;
    t->keys = arena_alloc(t->arena, sizeof(*t->keys) * (size_t)t->cap);
    t->vals = arena_alloc(t->arena, sizeof(*t->vals) * (size_t)t->cap);
    t->count = 0;
    for (int i = 0; i < ocap; i++)
        if (ok[i]) map_put(t, ok[i], ov[i]);
}

static void map_put(ScopeTable *t, const void *key, Scope *s) {
    if ((t->count + 1) * 2 > t->cap) map_grow(t);
    size_t i = hash_ptr(key, t->cap);
    while (t->keys[i] && t->keys[i] != key) i = (i + 1) & (size_t)(t->cap - 1);
    if (!t->keys[i]) t->count++;
    t->keys[i] = key;
    t->vals[i] = s;
}

Scope *scope_of(ScopeTable *t, const void *node) {
    if (!t->cap) return NULL;
    size_t i = hash_ptr(node, t->cap);
    while (t->keys[i]) {
        if (t->keys[i] == node) return t->vals[i];
        i = (i + 1) & (size_t)(t->cap - 1);
    }
    return NULL;
}

Scope *scope_module(ScopeTable *t) { return t->module; }

/* The namespace calls read in place (see scope_ns_read_only) share the
 * node map, with this scope as their value. */
static Scope ns_read_mark;

bool scope_ns_read_only(ScopeTable *t, const void *call) { return scope_of(t, call) == &ns_read_mark; }

/* ---- symbols ----------------------------------------------------------- */

/* A block with more than SYM_LINEAR symbols finds them through an
 * open-addressing table of indexes into syms (so a module with 10,000
 * names is not quadratic); small blocks search the array. */
enum { SYM_LINEAR = 16 };

static size_t hash_name(const char *s) {
    size_t h = 1469598103934665603u;        /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

Symbol *scope_lookup(const Scope *s, const char *name) {
    if (!s->hcap) {
        for (int i = 0; i < s->nsyms; i++)
            if (strcmp(s->syms[i]->name, name) == 0) return s->syms[i];
        return NULL;
    }
    size_t mask = (size_t)s->hcap - 1;
    for (size_t i = hash_name(name) & mask; s->htab[i] >= 0; i = (i + 1) & mask)
        if (strcmp(s->syms[s->htab[i]]->name, name) == 0) return s->syms[s->htab[i]];
    return NULL;
}

static void hash_insert(Scope *s, int index) {
    size_t mask = (size_t)s->hcap - 1;
    size_t i = hash_name(s->syms[index]->name) & mask;
    while (s->htab[i] >= 0) i = (i + 1) & mask;
    s->htab[i] = index;
}

static Symbol *add_sym(Arena *a, Scope *s, const char *name) {
    Symbol *sym = scope_lookup(s, name);
    if (sym) return sym;
    sym = arena_alloc(a, sizeof(Symbol));
    sym->name = name;
    sym->index = -1;
    s->syms = arena_grow(a, s->syms, &s->capsyms, s->nsyms + 1, sizeof(Symbol *));
    s->syms[s->nsyms++] = sym;
    if (s->nsyms > SYM_LINEAR && 2 * s->nsyms > s->hcap) {
        /* (Re)build the table at a load of at most 1/2. */
        s->hcap = s->hcap ? 2 * s->hcap : 4 * SYM_LINEAR;
        s->htab = arena_alloc(a, sizeof(int) * (size_t)s->hcap);
        memset(s->htab, 0xff, sizeof(int) * (size_t)s->hcap);
        for (int i = 0; i < s->nsyms; i++) hash_insert(s, i);
    } else if (s->hcap) {
        hash_insert(s, s->nsyms - 1);
    }
    return sym;
}

/* ---- pass 1: collect ---------------------------------------------------- */

typedef struct {
    ScopeTable *t;
    Arena *a;
    Scope *cur;
    int loop_depth;             /* loops enclosing the current statement in this block */
    int star_loop_depth;        /* loop_depth where the innermost except*
                                   body of this block began, or -1 */
    bool in_finally_body;
    int depth;                  /* statements and expressions being visited (SCOPE_MAX_DEPTH) */
    bool too_deep;              /* the depth error was reported: visit nothing more */
    int blocks;                 /* CPython's frame blocks open in this block (SCOPE_MAX_BLOCKS) */
    int comp_iter_expr;         /* comprehension iterables being visited in this block */
    bool comp_iter_target;      /* visiting a comprehension's `for` target */
    const char **defaults_set;  /* names N stored to as N.__defaults__ / N.__kwdefaults__ */
    int ndefaults_set, capdefaults_set;
} Collector;

static void visit_stmts(Collector *c, const StmtList *l, bool top);
static void visit_stmt(Collector *c, const Stmt *s, bool top);
static void visit_expr(Collector *c, const Expr *e);
static void visit_exprs(Collector *c, const ExprList *l);

static Scope *new_scope(Collector *c, ScopeKind kind, const char *name, const void *node) {
    Scope *s = arena_alloc(c->a, sizeof(Scope));
    s->kind = kind;
    s->name = name;
    s->parent = c->cur;
    s->node = node;
    if (c->cur) {
        Scope *p = c->cur;
        p->children = arena_grow(c->a, p->children, &p->capchildren, p->nchildren + 1,
                                 sizeof(Scope *));
        p->children[p->nchildren++] = s;
        /* CPython's __qualname__: functions add ".<locals>" for their body. */
        if (p->kind == SCOPE_MODULE)
            s->qualname = name;
        else if (p->kind == SCOPE_CLASS)
            s->qualname = arena_printf(c->a, "%s.%s", p->qualname, name);
        else
            s->qualname = arena_printf(c->a, "%s.<locals>.%s", p->qualname, name);
    } else {
        s->qualname = name;
    }
    map_put(c->t, node, s);
    return s;
}

/* Record a binding of `name` in the current block. */
static void bind(Collector *c, const char *name, int flags) {
    add_sym(c->a, c->cur, name)->flags |= flags;
}

static void use(Collector *c, const char *name) {
    add_sym(c->a, c->cur, name)->flags |= SYMF_USED;
    if (c->cur->kind != SCOPE_CLASS && c->cur->kind != SCOPE_MODULE &&
        (strcmp(name, "super") == 0 || strcmp(name, "__class__") == 0)) {
        /* The implicit __class__ cell of the nearest enclosing class. */
        for (Scope *s = c->cur->parent; s; s = s->parent)
            if (s->kind == SCOPE_CLASS) {
                s->uses_class_cell = true;
                break;
            }
    }
}

/* A walrus target binds in the nearest enclosing non-comprehension block. */
static void bind_walrus(Collector *c, const char *name) {
    Scope *s = c->cur;
    while (s->kind == SCOPE_COMPREHENSION && s->parent) s = s->parent;
    add_sym(c->a, s, name)->flags |= SYMF_ASSIGNED | SYMF_OTHER;
    if (s != c->cur) {
        /* Inside the comprehension the name is then free (or global). */
        add_sym(c->a, c->cur, name)->flags |= SYMF_USED | SYMF_WALRUS;
    }
}

static void visit_target(Collector *c, const Expr *e) { visit_expr(c, e); }

static void visit_args_defaults(Collector *c, const Arguments *args) {
    visit_exprs(c, &args->defaults);
    for (int i = 0; i < args->kw_defaults.n; i++)
        if (args->kw_defaults.v[i]) visit_expr(c, args->kw_defaults.v[i]);
}

static void visit_arg_annotations(Collector *c, const Arguments *args) {
    const ArgList *lists[] = {&args->posonlyargs, &args->args, &args->kwonlyargs};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < lists[l]->n; i++)
            if (lists[l]->v[i]->annotation) visit_expr(c, lists[l]->v[i]->annotation);
    if (args->vararg && args->vararg->annotation) visit_expr(c, args->vararg->annotation);
    if (args->kwarg && args->kwarg->annotation) visit_expr(c, args->kwarg->annotation);
}

static void bind_params(Collector *c, const Arguments *args) {
    const ArgList *lists[] = {&args->posonlyargs, &args->args, &args->kwonlyargs};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < lists[l]->n; i++) {
            const Arg *a = lists[l]->v[i];
            Symbol *sym = scope_lookup(c->cur, a->name);
            if (sym && (sym->flags & SYMF_PARAM))
                diag_error(E_SCOPE, a->pos.line, a->pos.col,
                           "duplicate argument '%s' in function definition", a->name);
            add_sym(c->a, c->cur, a->name)->flags |= SYMF_PARAM | SYMF_ASSIGNED;
        }
    if (args->vararg) add_sym(c->a, c->cur, args->vararg->name)->flags |= SYMF_PARAM | SYMF_ASSIGNED;
    if (args->kwarg) add_sym(c->a, c->cur, args->kwarg->name)->flags |= SYMF_PARAM | SYMF_ASSIGNED;
}

/* Enter a nested block; returns the saved collector state. */
typedef struct { Scope *scope; int loop_depth, star_loop_depth, blocks, comp_iter_expr; } Saved;
static Saved enter(Collector *c, Scope *s) {
    Saved sv = {c->cur, c->loop_depth, c->star_loop_depth, c->blocks, c->comp_iter_expr};
    c->cur = s;
    c->loop_depth = 0;
    c->star_loop_depth = -1;
    c->blocks = 0;
    /* comp_iter_expr carries on into nested blocks: CPython refuses `:=`
     * even in a lambda inside a comprehension's iterable. */
    return sv;
}
static void leave(Collector *c, Saved sv) {
    c->cur = sv.scope;
    c->loop_depth = sv.loop_depth;
    c->blocks = sv.blocks;
    c->star_loop_depth = sv.star_loop_depth;
    c->comp_iter_expr = sv.comp_iter_expr;
}

/* The nesting guard, as CPython's symtable: every statement and
 * expression being visited counts one level; past SCOPE_MAX_DEPTH the
 * compilation fails with CPython's message, once, at the node that went
 * too deep, and nothing more is visited (later passes do not run). */
static bool depth_enter(Collector *c, SrcSpan pos) {
    if (c->too_deep) return false;
    if (++c->depth > SCOPE_MAX_DEPTH) {
        c->too_deep = true;
        c->depth--;
        diag_error(E_TOO_COMPLEX, pos.line, pos.col, "maximum recursion depth exceeded during compilation");
        return false;
    }
    return true;
}

/* CPython's compiler counts the frame blocks open in a code object (loops,
 * with items, try bodies, except handlers, the exceptional copy of a
 * finally body) and refuses the 21st: "too many statically nested
 * blocks". `n` blocks open around the statements `l`. */
static void visit_body(Collector *c, const StmtList *l);
static void visit_body_in_blocks(Collector *c, const StmtList *l, int n, SrcSpan pos) {
    if (c->blocks + n > SCOPE_MAX_BLOCKS && !c->too_deep) {
        diag_error(E_SYNTAX, pos.line, pos.col, "too many statically nested blocks");
        c->too_deep = true;
        return;
    }
    c->blocks += n;
    visit_body(c, l);
    c->blocks -= n;
}

/* break/continue leaving an except* body, or return inside one (CPython's
 * compile-time check). */
static void check_star_exit(Collector *c, const Stmt *s, bool is_return) {
    if (c->star_loop_depth < 0 || (!is_return && c->loop_depth > c->star_loop_depth)) return;
    diag_error(E_LOOP_CONTROL, s->pos.line, s->pos.col,
               "'break', 'continue' and 'return' cannot appear in an except* block");
}

static const char *comp_name(ExprKind k) {
    switch (k) {
    case E_LISTCOMP: return "<listcomp>";
    case E_SETCOMP: return "<setcomp>";
    case E_DICTCOMP: return "<dictcomp>";
    default: return "<genexpr>";
    }
}

static void visit_comprehension(Collector *c, const Expr *e) {
    const ComprehensionList *gens = &e->u.comp.generators;
    /* The first iterable is evaluated in the enclosing scope. No `:=` in
     * any iterable (CPython's symtable counts them per block). */
    c->comp_iter_expr++;
    visit_expr(c, gens->v[0]->iter);
    c->comp_iter_expr--;
    Scope *s = new_scope(c, SCOPE_COMPREHENSION, comp_name(e->kind), e);
    if (e->kind == E_GENERATOREXP) s->is_generator = true;
    Saved sv = enter(c, s);
    for (int i = 0; i < gens->n; i++) {
        const Comprehension *g = gens->v[i];
        if (i > 0) {
            c->comp_iter_expr++;
            visit_expr(c, g->iter);
            c->comp_iter_expr--;
        }
        c->comp_iter_target = true;
        visit_target(c, g->target);
        c->comp_iter_target = false;
        visit_exprs(c, &g->ifs);
        if (g->is_async) s->is_coroutine = true;
    }
    if (e->kind == E_DICTCOMP) {
        visit_expr(c, e->u.comp.key);
        visit_expr(c, e->u.comp.value);
    } else {
        visit_expr(c, e->u.comp.elt);
    }
    leave(c, sv);
}

/* "keyword argument repeated: x", at the second occurrence; a hash set
 * keeps a call with thousands of keywords linear. */
static void check_repeated_keywords(Collector *c, const KeywordList *kw) {
    if (kw->n < 2) return;
    size_t cap = 16;
    while (cap < 2 * (size_t)kw->n) cap *= 2;
    const char **set = arena_alloc(c->a, sizeof(char *) * cap);
    for (int i = 0; i < kw->n; i++) {
        const char *name = kw->v[i]->arg;
        if (!name) continue;            /* **kwargs */
        size_t j = hash_name(name) & (cap - 1);
        while (set[j] && strcmp(set[j], name) != 0) j = (j + 1) & (cap - 1);
        if (set[j]) {
            diag_error(E_SYNTAX, kw->v[i]->pos.line, kw->v[i]->pos.col, "keyword argument repeated: %s", name);
            continue;
        }
        set[j] = name;
    }
}

/* globals() (and locals()/vars() where they are globals()) read at once
 * — g()[k], k in g(), g().get(…)/keys()/values()/items()/copy(),
 * f(**g()), {**g()}, an argument of a builtin that reads its argument
 * without keeping it (len, list, sorted …; not print or repr: the
 * snapshot lacks __loader__ and __spec__) — can be a snapshot of the
 * module's slots. These calls are marked; any other makes the module's
 * namespace live (Scope.ns_live: its globals live in its dict). */
static bool is_ns_call(const Expr *x) {
    if (!x || x->kind != E_CALL || x->u.call.args.n || x->u.call.keywords.n) return false;
    const Expr *f = x->u.call.func;
    return f->kind == E_NAME && (strcmp(f->u.name.id, "globals") == 0 || strcmp(f->u.name.id, "locals") == 0 ||
                                 strcmp(f->u.name.id, "vars") == 0);
}

static void mark_ns_read(Collector *c, const Expr *x) {
    if (is_ns_call(x)) map_put(c->t, x, &ns_read_mark);
}

static void mark_ns_call_reads(Collector *c, const Expr *call) {
    static const char *const readers[] = {"len", "list", "sorted", "dict", "set", "frozenset", "tuple",
                                          "any", "all", "max", "min", "sum", "enumerate", "zip", "map",
                                          "filter", "reversed", NULL};
    static const char *const methods[] = {"get", "keys", "values", "items", "copy", "__contains__",
                                          "__getitem__", NULL};
    const Expr *f = call->u.call.func;
    if (f->kind == E_ATTRIBUTE && f->u.attribute.ctx == CTX_LOAD)
        for (int i = 0; methods[i]; i++)
            if (strcmp(f->u.attribute.attr, methods[i]) == 0) mark_ns_read(c, f->u.attribute.value);
    const KeywordList *kw = &call->u.call.keywords;
    for (int i = 0; i < kw->n; i++)
        if (!kw->v[i]->arg) mark_ns_read(c, kw->v[i]->value);     /* f(**globals()) */
    const char *fname = f->kind == E_NAME ? f->u.name.id : f->kind == E_ATTRIBUTE ? f->u.attribute.attr : NULL;
    if (!fname) return;
    for (int i = 0; readers[i]; i++)
        if (strcmp(fname, readers[i]) == 0)
            for (int j = 0; j < call->u.call.args.n; j++) mark_ns_read(c, call->u.call.args.v[j]);
}

static bool in_function(const Collector *c) {
    for (const Scope *s = c->cur; s; s = s->parent) {
        if (s->kind == SCOPE_FUNCTION || s->kind == SCOPE_LAMBDA) return true;
        if (s->kind != SCOPE_COMPREHENSION) return false;
    }
    return false;
}

static void visit_expr_body(Collector *c, const Expr *e);
static void visit_expr(Collector *c, const Expr *e) {
    if (!e || !depth_enter(c, e->pos)) return;
    visit_expr_body(c, e);
    c->depth--;
}

/* `a.b.c` as text, or NULL when x is not a chain of names; `sys.modules[
 * 'm']` is "=m", `sys.modules[__name__]` "=." (see scope_ns_refs). */
static const char *name_chain(Collector *c, const Expr *x) {
    if (x->kind == E_NAME) return x->u.name.id;
    if (x->kind == E_ATTRIBUTE) {
        const char *base = name_chain(c, x->u.attribute.value);
        return base && base[0] != '=' ? arena_printf(c->a, "%s.%s", base, x->u.attribute.attr) : NULL;
    }
    if (x->kind == E_SUBSCRIPT && x->u.subscript.value->kind == E_ATTRIBUTE &&
        strcmp(x->u.subscript.value->u.attribute.attr, "modules") == 0) {
        const Expr *k = x->u.subscript.slice;
        if (k->kind == E_CONSTANT && k->u.constant.kind == CONST_STR)
            return arena_printf(c->a, "=%s", k->u.constant.str);
        if (k->kind == E_NAME && strcmp(k->u.name.id, "__name__") == 0) return "=.";
    }
    return NULL;
}

/* x's namespace dict is taken: `x.__dict__`, `vars(x)`, getattr(x, '__dict__'). */
static void note_ns_ref(Collector *c, const Expr *x) {
    const char *chain = name_chain(c, x);
    if (!chain) return;
    ScopeTable *t = c->t;
    t->ns_refs = arena_grow(c->a, t->ns_refs, &t->capns_refs, t->nns_refs + 1, sizeof *t->ns_refs);
    t->ns_refs[t->nns_refs++] = chain;
}

static void visit_expr_body(Collector *c, const Expr *e) {
    if (e->kind == E_ATTRIBUTE && strcmp(e->u.attribute.attr, "__dict__") == 0) note_ns_ref(c, e->u.attribute.value);
    if (e->kind == E_CALL && e->u.call.func->kind == E_NAME && e->u.call.args.n >= 1) {
        const char *f = e->u.call.func->u.name.id;
        const ExprList *a = &e->u.call.args;
        if ((strcmp(f, "vars") == 0 && a->n == 1) ||
            (strcmp(f, "getattr") == 0 && a->n >= 2 && a->v[1]->kind == E_CONSTANT &&
             a->v[1]->u.constant.kind == CONST_STR && strcmp(a->v[1]->u.constant.str, "__dict__") == 0))
            note_ns_ref(c, a->v[0]);
    }
    switch (e->kind) {
    case E_BOOLOP: visit_exprs(c, &e->u.boolop.values); break;
    case E_NAMEDEXPR: {
        const Expr *t = e->u.namedexpr.target;
        if (c->comp_iter_expr > 0) {
            diag_error(E_SCOPE, e->pos.line, e->pos.col,
                       "assignment expression cannot be used in a comprehension iterable expression");
        } else if (t->kind == E_NAME && c->cur->kind == SCOPE_COMPREHENSION) {
            /* CPython's symtable_extend_namedexpr_scope: the comprehensions
             * up to the binding block must not iterate over the name, and
             * that block cannot be a class body. */
            for (Scope *s = c->cur; s; s = s->parent) {
                if (s->kind == SCOPE_COMPREHENSION) {
                    Symbol *sym = scope_lookup(s, t->u.name.id);
                    if (sym && (sym->flags & SYMF_COMP_ITER)) {
                        diag_error(E_SCOPE, t->pos.line, t->pos.col,
                                   "assignment expression cannot rebind comprehension iteration variable '%s'",
                                   t->u.name.id);
                        break;
                    }
                    continue;
                }
                if (s->kind == SCOPE_CLASS)
                    diag_error(E_SCOPE, e->pos.line, e->pos.col,
                               "assignment expression within a comprehension cannot be used in a class body");
                break;
            }
        }
        visit_expr(c, e->u.namedexpr.value);
        if (t->kind == E_NAME) bind_walrus(c, t->u.name.id);
        break;
    }
    case E_BINOP: visit_expr(c, e->u.binop.left); visit_expr(c, e->u.binop.right); break;
    case E_UNARYOP: visit_expr(c, e->u.unaryop.operand); break;
    case E_LAMBDA: {
        visit_args_defaults(c, e->u.lambda.args);
        Scope *s = new_scope(c, SCOPE_LAMBDA, "<lambda>", e);
        Saved sv = enter(c, s);
        bind_params(c, e->u.lambda.args);
        visit_expr(c, e->u.lambda.body);
        leave(c, sv);
        break;
    }
    case E_IFEXP:
        visit_expr(c, e->u.ifexp.test);
        visit_expr(c, e->u.ifexp.body);
        visit_expr(c, e->u.ifexp.orelse);
        break;
    case E_DICT:
        for (int i = 0; i < e->u.dict.keys.n && i < e->u.dict.values.n; i++)
            if (!e->u.dict.keys.v[i]) mark_ns_read(c, e->u.dict.values.v[i]);   /* {**globals()} */
        for (int i = 0; i < e->u.dict.keys.n; i++) visit_expr(c, e->u.dict.keys.v[i]);
        visit_exprs(c, &e->u.dict.values);
        break;
    case E_SET: visit_exprs(c, &e->u.set.elts); break;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: case E_GENERATOREXP:
        visit_comprehension(c, e);
        break;
    case E_AWAIT:
        if (!in_function(c) && c->cur->kind != SCOPE_COMPREHENSION)
            diag_error(E_RETURN_OUTSIDE, e->pos.line, e->pos.col, "'await' outside function");
        else if (c->cur->kind == SCOPE_FUNCTION && !c->cur->is_coroutine)
            diag_error(E_RETURN_OUTSIDE, e->pos.line, e->pos.col, "'await' outside async function");
        if (c->cur->kind == SCOPE_COMPREHENSION) c->cur->is_coroutine = true;  /* (await … for …) is async */
        visit_expr(c, e->u.await_.value);
        break;
    case E_YIELD: case E_YIELDFROM:
        if (c->cur->kind == SCOPE_COMPREHENSION) {
            static const char *const what[] = {"list comprehension", "set comprehension",
                                               "dict comprehension", "generator expression"};
            const char *n = c->cur->name;
            int k = n[1] == 'l' ? 0 : n[1] == 's' ? 1 : n[1] == 'd' ? 2 : 3;
            diag_error(E_RETURN_OUTSIDE, e->pos.line, e->pos.col, "'yield' inside %s", what[k]);
        } else if (!in_function(c)) {
            diag_error(E_RETURN_OUTSIDE, e->pos.line, e->pos.col, "'yield' outside function");
        } else {
            c->cur->is_generator = true;
            if (e->kind == E_YIELDFROM && c->cur->is_coroutine)
                diag_error(E_RETURN_OUTSIDE, e->pos.line, e->pos.col,
                           "'yield from' inside async function");
        }
        visit_expr(c, e->kind == E_YIELD ? e->u.yield.value : e->u.yieldfrom.value);
        break;
    case E_COMPARE:
        for (int i = 0; i < e->u.compare.n && i < e->u.compare.comparators.n; i++)
            if (e->u.compare.ops[i] == CMP_IN || e->u.compare.ops[i] == CMP_NOTIN)
                mark_ns_read(c, e->u.compare.comparators.v[i]);
        visit_expr(c, e->u.compare.left);
        visit_exprs(c, &e->u.compare.comparators);
        break;
    case E_CALL: {
        if (is_ns_call(e) && !scope_ns_read_only(c->t, e) &&
            (strcmp(e->u.call.func->u.name.id, "globals") == 0 || c->cur->kind == SCOPE_MODULE)) {
            /* globals() kept or written: the module's namespace must be live. */
            Scope *m = c->cur;
            while (m->parent) m = m->parent;
            m->ns_live = true;
        }
        mark_ns_call_reads(c, e);
        visit_expr(c, e->u.call.func);
        visit_exprs(c, &e->u.call.args);
        const KeywordList *kw = &e->u.call.keywords;
        for (int i = 0; i < kw->n; i++) visit_expr(c, kw->v[i]->value);
        check_repeated_keywords(c, kw);
        break;
    }
    case E_FORMATTEDVALUE:
        visit_expr(c, e->u.formatted.value);
        visit_expr(c, e->u.formatted.format_spec);
        break;
    case E_JOINEDSTR: visit_exprs(c, &e->u.joinedstr.values); break;
    case E_CONSTANT: break;
    case E_ATTRIBUTE:
        if (e->u.attribute.ctx != CTX_LOAD && e->u.attribute.value->kind == E_NAME &&
            (strcmp(e->u.attribute.attr, "__defaults__") == 0 ||
             strcmp(e->u.attribute.attr, "__kwdefaults__") == 0)) {
            if (c->ndefaults_set == c->capdefaults_set) {
                int cap = c->capdefaults_set ? 2 * c->capdefaults_set : 8;
                const char **n = arena_alloc(c->a, sizeof(char *) * (size_t)cap);
                if (c->ndefaults_set) memcpy(n, c->defaults_set, sizeof(char *) * (size_t)c->ndefaults_set);
                c->defaults_set = n;
                c->capdefaults_set = cap;
            }
            c->defaults_set[c->ndefaults_set++] = e->u.attribute.value->u.name.id;
        }
        visit_expr(c, e->u.attribute.value);
        break;
    case E_SUBSCRIPT:
        if (e->u.subscript.ctx == CTX_LOAD) mark_ns_read(c, e->u.subscript.value);
        visit_expr(c, e->u.subscript.value);
        visit_expr(c, e->u.subscript.slice);
        break;
    case E_STARRED: visit_expr(c, e->u.starred.value); break;
    case E_NAME:
        if (e->u.name.ctx == CTX_LOAD) {
            use(c, e->u.name.id);
            break;
        }
        bind(c, e->u.name.id, SYMF_ASSIGNED | SYMF_OTHER |
             (e->u.name.ctx == CTX_DEL ? SYMF_DELETED : 0));
        if (c->comp_iter_target) {
            Symbol *sym = scope_lookup(c->cur, e->u.name.id);
            if (sym->flags & SYMF_WALRUS)
                diag_error(E_SCOPE, e->pos.line, e->pos.col,
                           "comprehension inner loop cannot rebind assignment expression target '%s'",
                           e->u.name.id);
            sym->flags |= SYMF_COMP_ITER;
        }
        break;
    case E_LIST: case E_TUPLE: visit_exprs(c, &e->u.list.elts); break;
    case E_SLICE:
        visit_expr(c, e->u.slice.lower);
        visit_expr(c, e->u.slice.upper);
        visit_expr(c, e->u.slice.step);
        break;
    case E__COUNT: break;
    }
}

static void visit_exprs(Collector *c, const ExprList *l) {
    for (int i = 0; i < l->n; i++) visit_expr(c, l->v[i]);
}

static void visit_pattern(Collector *c, const Pattern *p) {
    if (!p) return;
    switch (p->kind) {
    case P_VALUE: visit_expr(c, p->u.value.value); break;
    case P_SINGLETON: break;
    case P_SEQUENCE:
        for (int i = 0; i < p->u.sequence.patterns.n; i++) visit_pattern(c, p->u.sequence.patterns.v[i]);
        break;
    case P_MAPPING:
        visit_exprs(c, &p->u.mapping.keys);
        for (int i = 0; i < p->u.mapping.patterns.n; i++) visit_pattern(c, p->u.mapping.patterns.v[i]);
        if (p->u.mapping.rest) bind(c, p->u.mapping.rest, SYMF_ASSIGNED | SYMF_OTHER);
        break;
    case P_CLASS:
        visit_expr(c, p->u.cls.cls);
        for (int i = 0; i < p->u.cls.patterns.n; i++) visit_pattern(c, p->u.cls.patterns.v[i]);
        for (int i = 0; i < p->u.cls.kwd_patterns.n; i++) visit_pattern(c, p->u.cls.kwd_patterns.v[i]);
        break;
    case P_STAR:
        if (p->u.star.name) bind(c, p->u.star.name, SYMF_ASSIGNED | SYMF_OTHER);
        break;
    case P_AS:
        visit_pattern(c, p->u.as.pattern);
        if (p->u.as.name) bind(c, p->u.as.name, SYMF_ASSIGNED | SYMF_OTHER);
        break;
    case P_OR:
        for (int i = 0; i < p->u.or_.patterns.n; i++) visit_pattern(c, p->u.or_.patterns.v[i]);
        break;
    }
}

/* global/nonlocal: CPython's checks against earlier uses in the block. */
static void declare(Collector *c, const Stmt *s, bool is_global) {
    const char *what = is_global ? "global" : "nonlocal";
    if (!is_global && c->cur->kind == SCOPE_MODULE) {
        diag_error(E_SCOPE, s->pos.line, s->pos.col, "nonlocal declaration not allowed at module level");
        return;
    }
    for (int i = 0; i < s->u.global.names.n; i++) {
        const char *name = s->u.global.names.v[i];
        Symbol *sym = scope_lookup(c->cur, name);
        if (sym) {
            if (sym->flags & SYMF_PARAM) {
                diag_error(E_SCOPE, s->pos.line, s->pos.col, "name '%s' is parameter and %s", name, what);
                continue;
            }
            if (is_global && (sym->flags & SYMF_NONLOCAL)) {
                diag_error(E_SCOPE, s->pos.line, s->pos.col, "name '%s' is nonlocal and global", name);
                continue;
            }
            if (!is_global && (sym->flags & SYMF_GLOBAL)) {
                diag_error(E_SCOPE, s->pos.line, s->pos.col, "name '%s' is nonlocal and global", name);
                continue;
            }
            if (sym->flags & SYMF_USED && !(sym->flags & (SYMF_GLOBAL | SYMF_NONLOCAL))) {
                diag_error(E_SCOPE, s->pos.line, s->pos.col, "name '%s' is used prior to %s declaration",
                           name, what);
                continue;
            }
            if (sym->flags & SYMF_ASSIGNED && !(sym->flags & (SYMF_GLOBAL | SYMF_NONLOCAL))) {
                diag_error(E_SCOPE, s->pos.line, s->pos.col,
                           "name '%s' is assigned to before %s declaration", name, what);
                continue;
            }
        }
        Symbol *d = add_sym(c->a, c->cur, name);
        d->flags |= is_global ? SYMF_GLOBAL : SYMF_NONLOCAL;
        d->decl_line = s->pos.line;
        d->decl_col = s->pos.col;
    }
}

static void bind_import(Collector *c, const Alias *al, int line, int col) {
    if (strcmp(al->name, "*") == 0) {
        if (c->cur->kind != SCOPE_MODULE)
            diag_error(E_SCOPE, line, col, "import * only allowed at module level");
        c->cur->uses_star_import = true;
        return;
    }
    const char *name = al->asname;
    if (!name) {
        const char *dot = strchr(al->name, '.');
        name = dot ? arena_strndup(c->a, al->name, (size_t)(dot - al->name)) : al->name;
    }
    bind(c, name, SYMF_ASSIGNED | SYMF_OTHER);
}

static void visit_body(Collector *c, const StmtList *l) { visit_stmts(c, l, false); }

static void visit_stmt_body(Collector *c, const Stmt *s, bool top);
static void visit_stmt(Collector *c, const Stmt *s, bool top) {
    if (!depth_enter(c, s->pos)) return;
    visit_stmt_body(c, s, top);
    c->depth--;
}

static void visit_stmt_body(Collector *c, const Stmt *s, bool top) {
    switch (s->kind) {
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF: {
        const Arguments *args = s->u.funcdef.args;
        visit_exprs(c, &s->u.funcdef.decorators);
        visit_args_defaults(c, args);
        visit_arg_annotations(c, args);
        visit_expr(c, s->u.funcdef.returns);
        Symbol *sym = add_sym(c->a, c->cur, s->u.funcdef.name);
        sym->flags |= SYMF_ASSIGNED | SYMF_DEF;
        if (s->u.funcdef.decorators.n) sym->flags |= SYMF_OTHER;
        sym->def_count++;
        sym->def_stmt = s;
        sym->def_at_top = top && c->loop_depth == 0;
        Scope *fs = new_scope(c, SCOPE_FUNCTION, s->u.funcdef.name, s);
        fs->is_coroutine = s->kind == S_ASYNCFUNCTIONDEF;
        fs->interactive = s->u.funcdef.example;
        Saved sv = enter(c, fs);
        bind_params(c, args);
        visit_body(c, &s->u.funcdef.body);
        leave(c, sv);
        break;
    }
    case S_CLASSDEF: {
        visit_exprs(c, &s->u.classdef.decorators);
        visit_exprs(c, &s->u.classdef.bases);
        for (int i = 0; i < s->u.classdef.keywords.n; i++) visit_expr(c, s->u.classdef.keywords.v[i]->value);
        Symbol *sym = add_sym(c->a, c->cur, s->u.classdef.name);
        sym->flags |= SYMF_ASSIGNED | SYMF_DEF | SYMF_OTHER;
        sym->def_count++;
        Scope *cs = new_scope(c, SCOPE_CLASS, s->u.classdef.name, s);
        Saved sv = enter(c, cs);
        visit_body(c, &s->u.classdef.body);
        leave(c, sv);
        break;
    }
    case S_RETURN:
        if (!in_function(c) || c->cur->kind == SCOPE_COMPREHENSION)
            diag_error(E_RETURN_OUTSIDE, s->pos.line, s->pos.col, "'return' outside function");
        else
            check_star_exit(c, s, true);
        visit_expr(c, s->u.ret.value);
        break;
    case S_DELETE: visit_exprs(c, &s->u.del.targets); break;
    case S_ASSIGN:
        visit_expr(c, s->u.assign.value);
        visit_exprs(c, &s->u.assign.targets);
        break;
    case S_AUGASSIGN:
        visit_expr(c, s->u.augassign.value);
        if (s->u.augassign.target->kind == E_NAME) {
            use(c, s->u.augassign.target->u.name.id);
            bind(c, s->u.augassign.target->u.name.id, SYMF_ASSIGNED | SYMF_OTHER);
        } else {
            visit_expr(c, s->u.augassign.target);
        }
        break;
    case S_ANNASSIGN:
        visit_expr(c, s->u.annassign.annotation);
        visit_expr(c, s->u.annassign.value);
        /* x: T at module or class level is recorded in __annotations__. */
        if (s->u.annassign.simple && s->u.annassign.target->kind == E_NAME &&
            (c->cur->kind == SCOPE_MODULE || c->cur->kind == SCOPE_CLASS)) {
            use(c, "__annotations__");
            bind(c, "__annotations__", SYMF_ASSIGNED | SYMF_OTHER);
        }
        if (s->u.annassign.target->kind == E_NAME) {
            if (s->u.annassign.simple || s->u.annassign.value)
                bind(c, s->u.annassign.target->u.name.id, SYMF_ASSIGNED | SYMF_OTHER);
        } else {
            visit_expr(c, s->u.annassign.target);
        }
        break;
    case S_FOR: case S_ASYNCFOR:
        visit_expr(c, s->u.for_.iter);
        visit_target(c, s->u.for_.target);
        c->loop_depth++;
        visit_body_in_blocks(c, &s->u.for_.body, 1, s->pos);
        c->loop_depth--;
        visit_body(c, &s->u.for_.orelse);
        break;
    case S_WHILE:
        visit_expr(c, s->u.while_.test);
        c->loop_depth++;
        visit_body_in_blocks(c, &s->u.while_.body, 1, s->pos);
        c->loop_depth--;
        visit_body(c, &s->u.while_.orelse);
        break;
    case S_IF:
        visit_expr(c, s->u.if_.test);
        visit_body(c, &s->u.if_.body);
        visit_body(c, &s->u.if_.orelse);
        break;
    case S_WITH: case S_ASYNCWITH:
        for (int i = 0; i < s->u.with.items.n; i++) {
            visit_expr(c, s->u.with.items.v[i]->context_expr);
            visit_expr(c, s->u.with.items.v[i]->optional_vars);
        }
        visit_body_in_blocks(c, &s->u.with.body, s->u.with.items.n, s->pos);
        break;
    case S_MATCH:
        visit_expr(c, s->u.match.subject);
        for (int i = 0; i < s->u.match.cases.n; i++) {
            const MatchCase *mc = s->u.match.cases.v[i];
            visit_pattern(c, mc->pattern);
            visit_expr(c, mc->guard);
            visit_body(c, &mc->body);
        }
        break;
    case S_RAISE: visit_expr(c, s->u.raise.exc); visit_expr(c, s->u.raise.cause); break;
    case S_TRY: case S_TRYSTAR: {
        /* CPython: the body inside FINALLY_TRY and/or TRY_EXCEPT, a
         * handler inside EXCEPTION_HANDLER and HANDLER_CLEANUP, the
         * finally body's exceptional copy inside FINALLY_END. */
        int fin = s->u.try_.finalbody.n ? 1 : 0, exc = s->u.try_.handlers.n ? 1 : 0;
        visit_body_in_blocks(c, &s->u.try_.body, fin + exc, s->pos);
        for (int i = 0; i < s->u.try_.handlers.n; i++) {
            const ExceptHandler *h = s->u.try_.handlers.v[i];
            visit_expr(c, h->type);
            if (h->name) bind(c, h->name, SYMF_ASSIGNED | SYMF_OTHER);
            int saved_star = c->star_loop_depth;
            if (s->kind == S_TRYSTAR) c->star_loop_depth = c->loop_depth;
            visit_body_in_blocks(c, &h->body, fin + 2, h->pos);
            c->star_loop_depth = saved_star;
        }
        visit_body_in_blocks(c, &s->u.try_.orelse, fin, s->pos);
        visit_body_in_blocks(c, &s->u.try_.finalbody, fin, s->pos);
        break;
    }
    case S_ASSERT: visit_expr(c, s->u.assert_.test); visit_expr(c, s->u.assert_.msg); break;
    case S_IMPORT:
        for (int i = 0; i < s->u.import.names.n; i++)
            bind_import(c, s->u.import.names.v[i], s->pos.line, s->pos.col);
        break;
    case S_IMPORTFROM:
        for (int i = 0; i < s->u.importfrom.names.n; i++)
            bind_import(c, s->u.importfrom.names.v[i], s->pos.line, s->pos.col);
        break;
    case S_GLOBAL: declare(c, s, true); break;
    case S_NONLOCAL: declare(c, s, false); break;
    case S_EXPR: visit_expr(c, s->u.expr.value); break;
    case S_PASS: break;
    case S_BREAK:
        if (c->loop_depth == 0) diag_error(E_LOOP_CONTROL, s->pos.line, s->pos.col, "'break' outside loop");
        else check_star_exit(c, s, false);
        break;
    case S_CONTINUE:
        if (c->loop_depth == 0)
            diag_error(E_LOOP_CONTROL, s->pos.line, s->pos.col, "'continue' not properly in loop");
        else check_star_exit(c, s, false);
        break;
    case S__COUNT: break;
    }
}

static void visit_stmts(Collector *c, const StmtList *l, bool top) {
    for (int i = 0; i < l->n; i++) visit_stmt(c, l->v[i], top);
}

/* ---- pass 2: resolve ------------------------------------------------------ */

static bool is_function_like(const Scope *s) {
    return s->kind == SCOPE_FUNCTION || s->kind == SCOPE_LAMBDA || s->kind == SCOPE_COMPREHENSION;
}

/* Does enclosing function scope `s` provide a binding that a nested block
 * can close over? */
static bool binds_for_closure(const Scope *s, const char *name) {
    const Symbol *sym = scope_lookup(s, name);
    if (!sym) return false;
    return sym->kind == SYM_LOCAL || sym->kind == SYM_CELL || sym->kind == SYM_FREE;
}

/* Make `name` free in `s`, closing over the nearest enclosing function
 * scope that binds it; returns false when none does. */
static bool make_free(Arena *a, Scope *s, const char *name) {
    Scope *p = s->parent;
    while (p && !(is_function_like(p) && binds_for_closure(p, name))) {
        if (p->kind == SCOPE_MODULE) return false;
        p = p->parent;
    }
    if (!p) return false;
    Symbol *owner = scope_lookup(p, name);
    if (owner->kind == SYM_LOCAL) {
        owner->kind = SYM_CELL;
        p->has_cells = true;
    }
    /* Thread the variable through every function level in between. */
    for (Scope *q = s->parent; q != p; q = q->parent) {
        if (!is_function_like(q)) continue;
        Symbol *mid = add_sym(a, q, name);
        if (mid->kind != SYM_FREE) {
            mid->kind = SYM_FREE;
            q->has_free = true;
        }
    }
    s->has_free = true;
    return true;
}

static void resolve(Arena *a, Scope *s) {
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = s->syms[i];
        if (s->kind == SCOPE_MODULE || s->interactive) {
            sym->kind = (sym->flags & SYMF_ASSIGNED) ? SYM_GLOBAL_EXPLICIT : SYM_GLOBAL_IMPLICIT;
        } else if (sym->flags & SYMF_GLOBAL) {
            sym->kind = SYM_GLOBAL_EXPLICIT;
        } else if (sym->flags & SYMF_NONLOCAL) {
            sym->kind = SYM_FREE;
            if (!make_free(a, s, sym->name))
                diag_error(E_NONLOCAL, sym->decl_line, sym->decl_col, "no binding for nonlocal '%s' found",
                           sym->name);
        } else if (sym->flags & (SYMF_ASSIGNED | SYMF_PARAM)) {
            sym->kind = SYM_LOCAL;
        } else {
            sym->kind = make_free(a, s, sym->name) ? SYM_FREE : SYM_GLOBAL_IMPLICIT;
        }
    }
    for (int i = 0; i < s->nchildren; i++) resolve(a, s->children[i]);
}

ScopeTable *scope_build(Arena *a, const Module *m) {
    ScopeTable *t = arena_alloc(a, sizeof(ScopeTable));
    t->arena = a;
    Collector c = {.t = t, .a = a, .star_loop_depth = -1};
    t->module = new_scope(&c, SCOPE_MODULE, "<module>", m);
    c.cur = t->module;
    visit_stmts(&c, &m->body, true);
    for (int i = 0; i < c.ndefaults_set; i++) {
        Symbol *sym = scope_lookup(t->module, c.defaults_set[i]);
        if (sym) sym->flags |= SYMF_DEFAULTS_SET;
    }
    resolve(a, t->module);
    return t;
}

int scope_ns_refs(ScopeTable *t, const char *const **out) {
    *out = t->ns_refs;
    return t->nns_refs;
}

Symbol *scope_add_global(Arena *a, Scope *module, const char *name) {
    Symbol *sym = add_sym(a, module, name);
    sym->flags |= SYMF_ASSIGNED | SYMF_OTHER;
    sym->kind = SYM_GLOBAL_EXPLICIT;
    return sym;
}

Symbol *scope_add_param(Arena *a, Scope *s, const char *name) {
    Symbol *sym = add_sym(a, s, name);
    sym->flags |= SYMF_PARAM | SYMF_ASSIGNED;
    sym->kind = SYM_LOCAL;
    return sym;
}
