/*
 * runonce.c — the run-once functions of a module (see runonce.h).
 *
 * One walk over the module: every mention of a candidate's name is
 * either a direct call from a known place (the module's run-once code,
 * or a candidate's body outside loops and nested scopes) — an edge
 * caller → callee — or anything else, which rules the candidate out.
 * Then candidates whose callers are all the module or run-once functions
 * become run-once, repeatedly until nothing changes: a cycle of calls is
 * never entered, so recursion stays hot. Linear in the module's size
 * times the depth of the call chains.
 *
 * Invariants: the AST and the symbols are only read; the only output is
 * Scope.run_once.
 */
#include <string.h>

#include "runonce.h"

enum { CTX_MODULE = -1, CTX_HOT = -2 };

/* A module-level def, or a method name: every def of that name directly
 * in a class body of the module (calls `o.m(…)` cannot tell them apart). */
typedef struct Cand {
    const char *name;
    const Stmt *def;            /* a function's def; NULL for a method name */
    Scope **scopes;
    int nscopes, capscopes;
    bool bad, done;
} Cand;

/* Names by which the runtime or the stdlib calls methods of any object
 * (besides dunders): never run-once. */
static const char *const protocol_names[] = {
    "keys", "items", "values", "get", "write", "writelines", "flush", "read", "readline", "readlines",
    "close", "send", "throw", "fileno", "isatty", "seek", "tell", "copy", "update", "append",
    "extend", "pop", "add", "discard", "remove", "clear", "index", "count", "format", "join",
    "split", "encode", "decode", "match", "search", "run", "start", "handle", "result",
    "cancel", "done", "set_result", "set_exception", "exception", "default", "emit",
};

typedef struct {
    int caller, callee;         /* caller: a candidate, or CTX_MODULE */
} Edge;

typedef struct {
    int *slots;                 /* open addressing: name hash → candidate + 1, 0 empty */
    size_t cap;                 /* a power of two */
} Table;

typedef struct {
    Arena *a;
    ScopeTable *t;
    Cand *cands;
    int ncands, capcands;
    Table funcs, methods;
    Edge *edges;
    int nedges, capedges;
    bool foreign;               /* walking another module: every place is hot */
    bool off;                   /* eval/exec: calls the walk cannot see */
} Walk;

static size_t hash_str(const char *s) {
    size_t h = 1469598103934665603u;        /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static int lookup(const Walk *w, const Table *t, const char *name) {
    if (!t->cap) return -1;
    for (size_t h = hash_str(name) & (t->cap - 1); t->slots[h]; h = (h + 1) & (t->cap - 1))
        if (strcmp(w->cands[t->slots[h] - 1].name, name) == 0) return t->slots[h] - 1;
    return -1;
}

static int cand_of(const Walk *w, const char *name) { return w->foreign ? -1 : lookup(w, &w->funcs, name); }

static void table_add(Walk *w, Table *t, int c) {
    size_t h = hash_str(w->cands[c].name) & (t->cap - 1);
    while (t->slots[h]) h = (h + 1) & (t->cap - 1);
    t->slots[h] = c + 1;
}

static int new_cand(Walk *w, const char *name, const Stmt *def) {
    if (w->ncands == w->capcands) {
        int ncap = w->capcands ? w->capcands * 2 : 64;
        Cand *nc = arena_alloc(w->a, sizeof(Cand) * (size_t)ncap);
        if (w->ncands) memcpy(nc, w->cands, sizeof(Cand) * (size_t)w->ncands);
        w->cands = nc;
        w->capcands = ncap;
    }
    w->cands[w->ncands] = (Cand){.name = name, .def = def};
    return w->ncands++;
}

static void cand_scope(Walk *w, int c, Scope *s) {
    Cand *cd = &w->cands[c];
    if (cd->nscopes == cd->capscopes) {
        int ncap = cd->capscopes ? cd->capscopes * 2 : 2;
        Scope **ns = arena_alloc(w->a, sizeof(Scope *) * (size_t)ncap);
        if (cd->nscopes) memcpy(ns, cd->scopes, sizeof(Scope *) * (size_t)cd->nscopes);
        cd->scopes = ns;
        cd->capscopes = ncap;
    }
    cd->scopes[cd->nscopes++] = s;
}

/* A mention other than a direct call from a known place. */
static void mention(Walk *w, const char *name) {
    if (strcmp(name, "eval") == 0 || strcmp(name, "exec") == 0) w->off = true;
    int c = cand_of(w, name);
    if (c >= 0) w->cands[c].bad = true;
}

/* `o.name` other than called from a known place; a str equal to a method
 * name (getattr(o, "m"), hasattr) counts too. */
static void mention_attr(Walk *w, const char *name) {
    int c = lookup(w, &w->methods, name);
    if (c >= 0) w->cands[c].bad = true;
}

static void add_edge(Walk *w, int caller, int callee) {
    if (w->nedges == w->capedges) {
        int ncap = w->capedges ? w->capedges * 2 : 64;
        Edge *ne = arena_alloc(w->a, sizeof(Edge) * (size_t)ncap);
        if (w->nedges) memcpy(ne, w->edges, sizeof(Edge) * (size_t)w->nedges);
        w->edges = ne;
        w->capedges = ncap;
    }
    w->edges[w->nedges++] = (Edge){caller, callee};
}

static void walk_expr(Walk *w, const Expr *x, int ctx);
static void walk_stmts(Walk *w, const StmtList *l, int ctx);

static void walk_exprs(Walk *w, const ExprList *l, int ctx) {
    for (int i = 0; i < l->n; i++)
        if (l->v[i]) walk_expr(w, l->v[i], ctx);
}

static void walk_opt(Walk *w, const Expr *x, int ctx) {
    if (x) walk_expr(w, x, ctx);
}

/* Defaults and annotations run where the def or lambda is. */
static void walk_args(Walk *w, const Arguments *a, int ctx) {
    walk_exprs(w, &a->defaults, ctx);
    walk_exprs(w, &a->kw_defaults, ctx);
    const ArgList *lists[] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < lists[k]->n; i++) walk_opt(w, lists[k]->v[i]->annotation, ctx);
    if (a->vararg) walk_opt(w, a->vararg->annotation, ctx);
    if (a->kwarg) walk_opt(w, a->kwarg->annotation, ctx);
}

static void walk_expr(Walk *w, const Expr *x, int ctx) {
    switch (x->kind) {
    case E_NAME: mention(w, x->u.name.id); break;
    case E_CALL: {
        const Expr *f = x->u.call.func;
        int c = f->kind == E_NAME ? cand_of(w, f->u.name.id) : -1;
        int m = f->kind == E_ATTRIBUTE ? lookup(w, &w->methods, f->u.attribute.attr) : -1;
        if (c >= 0 && ctx != CTX_HOT) {
            add_edge(w, ctx, c);
        } else if (m >= 0 && ctx != CTX_HOT) {
            add_edge(w, ctx, m);
            walk_expr(w, f->u.attribute.value, ctx);
        } else {
            walk_expr(w, f, ctx);
        }
        walk_exprs(w, &x->u.call.args, ctx);
        for (int i = 0; i < x->u.call.keywords.n; i++) walk_expr(w, x->u.call.keywords.v[i]->value, ctx);
        break;
    }
    case E_BOOLOP: walk_exprs(w, &x->u.boolop.values, ctx); break;
    case E_NAMEDEXPR:
        walk_expr(w, x->u.namedexpr.target, ctx);
        walk_expr(w, x->u.namedexpr.value, ctx);
        break;
    case E_BINOP:
        walk_expr(w, x->u.binop.left, ctx);
        walk_expr(w, x->u.binop.right, ctx);
        break;
    case E_UNARYOP: walk_expr(w, x->u.unaryop.operand, ctx); break;
    case E_LAMBDA:
        walk_args(w, x->u.lambda.args, ctx);
        walk_expr(w, x->u.lambda.body, CTX_HOT);
        break;
    case E_IFEXP:
        walk_expr(w, x->u.ifexp.test, ctx);
        walk_expr(w, x->u.ifexp.body, ctx);
        walk_expr(w, x->u.ifexp.orelse, ctx);
        break;
    case E_DICT:
        walk_exprs(w, &x->u.dict.keys, ctx);
        walk_exprs(w, &x->u.dict.values, ctx);
        break;
    case E_SET: walk_exprs(w, &x->u.set.elts, ctx); break;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: case E_GENERATOREXP: {
        /* the first iterable where the comprehension is; the rest loops */
        const ComprehensionList *g = &x->u.comp.generators;
        for (int i = 0; i < g->n; i++) {
            walk_expr(w, g->v[i]->iter, i == 0 ? ctx : CTX_HOT);
            walk_expr(w, g->v[i]->target, CTX_HOT);
            walk_exprs(w, &g->v[i]->ifs, CTX_HOT);
        }
        walk_opt(w, x->u.comp.elt, CTX_HOT);
        walk_opt(w, x->u.comp.key, CTX_HOT);
        walk_opt(w, x->u.comp.value, CTX_HOT);
        break;
    }
    case E_AWAIT: walk_expr(w, x->u.await_.value, ctx); break;
    case E_YIELD: walk_opt(w, x->u.yield.value, ctx); break;
    case E_YIELDFROM: walk_expr(w, x->u.yieldfrom.value, ctx); break;
    case E_COMPARE:
        walk_expr(w, x->u.compare.left, ctx);
        walk_exprs(w, &x->u.compare.comparators, ctx);
        break;
    case E_FORMATTEDVALUE:
        walk_expr(w, x->u.formatted.value, ctx);
        walk_opt(w, x->u.formatted.format_spec, ctx);
        break;
    case E_JOINEDSTR: walk_exprs(w, &x->u.joinedstr.values, ctx); break;
    case E_CONSTANT:
        if (x->u.constant.kind == CONST_STR && x->u.constant.str && x->u.constant.len < 64 &&
            strlen(x->u.constant.str) == x->u.constant.len)
            mention_attr(w, x->u.constant.str);
        break;
    case E_ATTRIBUTE:
        mention_attr(w, x->u.attribute.attr);
        walk_expr(w, x->u.attribute.value, ctx);
        break;
    case E_SUBSCRIPT:
        walk_expr(w, x->u.subscript.value, ctx);
        walk_expr(w, x->u.subscript.slice, ctx);
        break;
    case E_STARRED: walk_expr(w, x->u.starred.value, ctx); break;
    case E_LIST: case E_TUPLE: walk_exprs(w, &x->u.list.elts, ctx); break;
    case E_SLICE:
        walk_opt(w, x->u.slice.lower, ctx);
        walk_opt(w, x->u.slice.upper, ctx);
        walk_opt(w, x->u.slice.step, ctx);
        break;
    case E__COUNT: break;
    }
}

static void walk_pattern(Walk *w, const Pattern *p, int ctx) {
    if (!p) return;
    switch (p->kind) {
    case P_VALUE: walk_expr(w, p->u.value.value, ctx); break;
    case P_SINGLETON: break;
    case P_SEQUENCE:
        for (int i = 0; i < p->u.sequence.patterns.n; i++) walk_pattern(w, p->u.sequence.patterns.v[i], ctx);
        break;
    case P_MAPPING:
        walk_exprs(w, &p->u.mapping.keys, ctx);
        for (int i = 0; i < p->u.mapping.patterns.n; i++) walk_pattern(w, p->u.mapping.patterns.v[i], ctx);
        if (p->u.mapping.rest) mention(w, p->u.mapping.rest);
        break;
    case P_CLASS:
        walk_expr(w, p->u.cls.cls, ctx);
        for (int i = 0; i < p->u.cls.patterns.n; i++) walk_pattern(w, p->u.cls.patterns.v[i], ctx);
        for (int i = 0; i < p->u.cls.kwd_patterns.n; i++) walk_pattern(w, p->u.cls.kwd_patterns.v[i], ctx);
        break;
    case P_STAR:
        if (p->u.star.name) mention(w, p->u.star.name);
        break;
    case P_AS:
        walk_pattern(w, p->u.as.pattern, ctx);
        if (p->u.as.name) mention(w, p->u.as.name);
        break;
    case P_OR:
        for (int i = 0; i < p->u.or_.patterns.n; i++) walk_pattern(w, p->u.or_.patterns.v[i], ctx);
        break;
    }
}

static void walk_stmt(Walk *w, const Stmt *s, int ctx) {
    switch (s->kind) {
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF: {
        walk_exprs(w, &s->u.funcdef.decorators, ctx);
        walk_args(w, s->u.funcdef.args, ctx);
        walk_opt(w, s->u.funcdef.returns, ctx);
        int c = ctx == CTX_MODULE ? cand_of(w, s->u.funcdef.name) : -1;
        if (c >= 0 && w->cands[c].def != s) c = -1;
        if (c < 0) mention(w, s->u.funcdef.name);   /* another binding of the name */
        walk_stmts(w, &s->u.funcdef.body, c >= 0 ? c : CTX_HOT);
        break;
    }
    case S_CLASSDEF: {
        mention(w, s->u.classdef.name);
        walk_exprs(w, &s->u.classdef.decorators, ctx);
        walk_exprs(w, &s->u.classdef.bases, ctx);
        for (int i = 0; i < s->u.classdef.keywords.n; i++) walk_expr(w, s->u.classdef.keywords.v[i]->value, ctx);
        /* a class of the module's own code: its plain methods run as the
         * calls of their name say (collect_methods made them candidates) */
        const StmtList *b = &s->u.classdef.body;
        for (int i = 0; i < b->n; i++) {
            const Stmt *d = b->v[i];
            int m = ctx == CTX_MODULE && !w->foreign && d->kind == S_FUNCTIONDEF
                        ? lookup(w, &w->methods, d->u.funcdef.name) : -1;
            bool mine = false;
            for (int k = 0; m >= 0 && k < w->cands[m].nscopes; k++) mine |= w->cands[m].scopes[k]->node == d;
            if (!mine) {
                walk_stmt(w, d, CTX_HOT);
                continue;
            }
            walk_args(w, d->u.funcdef.args, CTX_HOT);
            walk_opt(w, d->u.funcdef.returns, CTX_HOT);
            walk_stmts(w, &d->u.funcdef.body, m);
        }
        break;
    }
    case S_RETURN: walk_opt(w, s->u.ret.value, ctx); break;
    case S_DELETE: walk_exprs(w, &s->u.del.targets, ctx); break;
    case S_ASSIGN:
        walk_exprs(w, &s->u.assign.targets, ctx);
        walk_expr(w, s->u.assign.value, ctx);
        break;
    case S_AUGASSIGN:
        walk_expr(w, s->u.augassign.target, ctx);
        walk_expr(w, s->u.augassign.value, ctx);
        break;
    case S_ANNASSIGN:
        walk_expr(w, s->u.annassign.target, ctx);
        walk_opt(w, s->u.annassign.annotation, ctx);
        walk_opt(w, s->u.annassign.value, ctx);
        break;
    case S_FOR: case S_ASYNCFOR:
        walk_expr(w, s->u.for_.iter, ctx);
        walk_expr(w, s->u.for_.target, CTX_HOT);
        walk_stmts(w, &s->u.for_.body, CTX_HOT);
        walk_stmts(w, &s->u.for_.orelse, CTX_HOT);
        break;
    case S_WHILE:
        walk_expr(w, s->u.while_.test, CTX_HOT);
        walk_stmts(w, &s->u.while_.body, CTX_HOT);
        walk_stmts(w, &s->u.while_.orelse, CTX_HOT);
        break;
    case S_IF:
        walk_expr(w, s->u.if_.test, ctx);
        walk_stmts(w, &s->u.if_.body, ctx);
        walk_stmts(w, &s->u.if_.orelse, ctx);
        break;
    case S_WITH: case S_ASYNCWITH:
        for (int i = 0; i < s->u.with.items.n; i++) {
            walk_expr(w, s->u.with.items.v[i]->context_expr, ctx);
            walk_opt(w, s->u.with.items.v[i]->optional_vars, ctx);
        }
        walk_stmts(w, &s->u.with.body, ctx);
        break;
    case S_MATCH:
        walk_expr(w, s->u.match.subject, ctx);
        for (int i = 0; i < s->u.match.cases.n; i++) {
            const MatchCase *mc = s->u.match.cases.v[i];
            walk_pattern(w, mc->pattern, ctx);
            walk_opt(w, mc->guard, ctx);
            walk_stmts(w, &mc->body, ctx);
        }
        break;
    case S_RAISE:
        walk_opt(w, s->u.raise.exc, ctx);
        walk_opt(w, s->u.raise.cause, ctx);
        break;
    case S_TRY: case S_TRYSTAR:
        walk_stmts(w, &s->u.try_.body, ctx);
        for (int i = 0; i < s->u.try_.handlers.n; i++) {
            const ExceptHandler *h = s->u.try_.handlers.v[i];
            walk_opt(w, h->type, ctx);
            if (h->name) mention(w, h->name);
            walk_stmts(w, &h->body, ctx);
        }
        walk_stmts(w, &s->u.try_.orelse, ctx);
        walk_stmts(w, &s->u.try_.finalbody, ctx);
        break;
    case S_ASSERT:
        walk_expr(w, s->u.assert_.test, ctx);
        walk_opt(w, s->u.assert_.msg, ctx);
        break;
    case S_IMPORT: case S_IMPORTFROM: {
        const AliasList *l = s->kind == S_IMPORT ? &s->u.import.names : &s->u.importfrom.names;
        for (int i = 0; i < l->n; i++) {
            const char *n = l->v[i]->asname ? l->v[i]->asname : l->v[i]->name;
            const char *dot = strchr(n, '.');
            if (!dot) mention(w, n);
            else {
                /* `import a.b` binds a */
                char *head = arena_alloc(w->a, (size_t)(dot - n) + 1);
                memcpy(head, n, (size_t)(dot - n));
                head[dot - n] = '\0';
                mention(w, head);
            }
        }
        break;
    }
    case S_GLOBAL: case S_NONLOCAL:
        for (int i = 0; i < s->u.global.names.n; i++) mention(w, s->u.global.names.v[i]);
        break;
    case S_EXPR: walk_expr(w, s->u.expr.value, ctx); break;
    case S_PASS: case S_BREAK: case S_CONTINUE: case S__COUNT: break;
    }
}

static void walk_stmts(Walk *w, const StmtList *l, int ctx) {
    for (int i = 0; i < l->n; i++) walk_stmt(w, l->v[i], ctx);
}

/* A module-level def the emitter calls directly and whose body runs as
 * its calls say: bound once by a top-level plain def, no decorator, no
 * generator, not a doctest example. */
static bool candidate(const Symbol *sym, Scope *fs) {
    const Stmt *d = sym->def_stmt;
    return sym->def_count == 1 && sym->def_at_top && d && d->kind == S_FUNCTIONDEF && !d->u.funcdef.example &&
           d->u.funcdef.decorators.n == 0 && !(sym->flags & (SYMF_OTHER | SYMF_DELETED | SYMF_DEFAULTS_SET)) && fs &&
           !fs->is_generator && !fs->is_coroutine;
}

/* A plain method of a top-level class: not a dunder (the runtime calls
 * those), not a protocol name, no decorator, no generator. */
static bool method_candidate(const Stmt *d, const Scope *fs) {
    const char *n = d->u.funcdef.name;
    size_t len = strlen(n);
    if (d->kind != S_FUNCTIONDEF || d->u.funcdef.decorators.n || !fs || fs->is_generator || fs->is_coroutine ||
        (len > 4 && n[0] == '_' && n[1] == '_' && n[len - 1] == '_' && n[len - 2] == '_'))
        return false;
    for (size_t i = 0; i < sizeof protocol_names / sizeof *protocol_names; i++)
        if (strcmp(n, protocol_names[i]) == 0) return false;
    return true;
}

static void table_init(Walk *w, Table *t, int n) {
    t->cap = 16;
    while (t->cap < (size_t)n * 2 + 2) t->cap *= 2;
    t->slots = arena_alloc(w->a, sizeof(int) * t->cap);
    memset(t->slots, 0, sizeof(int) * t->cap);
}

void runonce_analyze(Arena *a, const Program *prog) {
    const Unit *mu = prog->main;
    if (!mu || mu->kind != UNIT_SOURCE || !mu->ast || !mu->scopes) return;
    const Module *m = mu->ast;
    ScopeTable *t = mu->scopes;
    Scope *ms = scope_module(t);
    if (!ms || ms->ns_live || ms->uses_star_import) return;
    Walk w = {.a = a, .t = t};
    for (int i = 0; i < ms->nsyms; i++) {
        Symbol *sym = ms->syms[i];
        if (!sym->def_stmt) continue;
        Scope *fs = scope_of(t, sym->def_stmt);
        if (candidate(sym, fs)) cand_scope(&w, new_cand(&w, sym->name, sym->def_stmt), fs);
    }
    int nfuncs = w.ncands;
    table_init(&w, &w.funcs, nfuncs);
    for (int c = 0; c < nfuncs; c++) table_add(&w, &w.funcs, c);
    /* methods of the top-level classes, by name */
    int nmeth = 0;
    for (int i = 0; i < m->body.n; i++)
        if (m->body.v[i]->kind == S_CLASSDEF) nmeth += m->body.v[i]->u.classdef.body.n;
    table_init(&w, &w.methods, nmeth);
    for (int i = 0; i < m->body.n; i++) {
        const Stmt *cs = m->body.v[i];
        if (cs->kind != S_CLASSDEF) continue;
        for (int k = 0; k < cs->u.classdef.body.n; k++) {
            const Stmt *d = cs->u.classdef.body.v[k];
            if (d->kind != S_FUNCTIONDEF) continue;
            Scope *fs = scope_of(t, d);
            int c = lookup(&w, &w.methods, d->u.funcdef.name);
            if (!method_candidate(d, fs)) {
                if (c >= 0) w.cands[c].bad = true;
                continue;
            }
            if (c < 0) {
                c = new_cand(&w, d->u.funcdef.name, NULL);
                table_add(&w, &w.methods, c);
            }
            cand_scope(&w, c, fs);
        }
    }
    if (!w.ncands) return;
    walk_stmts(&w, &m->body, CTX_MODULE);
    /* the other modules' uses of the method names: all hot */
    w.foreign = true;
    for (int i = 0; i < prog->nunits; i++) {
        const Unit *u = prog->units[i];
        if (u != mu && u->kind == UNIT_SOURCE && u->ast) walk_stmts(&w, &u->ast->body, CTX_HOT);
    }
    if (w.off) return;
    /* Least fixed point: a callee is run-once when every caller is. */
    int *waiting = arena_alloc(a, sizeof(int) * (size_t)w.ncands);
    for (bool changed = true; changed;) {
        changed = false;
        memset(waiting, 0, sizeof(int) * (size_t)w.ncands);
        for (int i = 0; i < w.nedges; i++) {
            const Edge *ed = &w.edges[i];
            if (ed->caller != CTX_MODULE && !w.cands[ed->caller].done) waiting[ed->callee]++;
        }
        for (int c = 0; c < w.ncands; c++) {
            if (w.cands[c].done || w.cands[c].bad || waiting[c]) continue;
            w.cands[c].done = true;
            changed = true;
        }
    }
    for (int c = 0; c < w.ncands; c++)
        for (int k = 0; w.cands[c].done && k < w.cands[c].nscopes; k++) w.cands[c].scopes[k]->run_once = true;
}
