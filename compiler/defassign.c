/*
 * defassign.c — definite assignment of locals (see defassign.h).
 *
 * Each block of code (the top level, a class body, a def, a lambda, a
 * generator expression) is a root, analysed on its own with a state: the
 * bit set of its tracked variables that are certainly assigned at the
 * current point. Tracked: the SYM_LOCALs of the root (when it is a
 * function, lambda or generator expression) and of the comprehensions
 * emitted inline in it. The walk follows the statements in order:
 *
 *  - parameters are assigned at entry; assignments, for/with targets,
 *    imports, def and class statements, walruses assign;
 *  - `del x` and the end of `except … as x` unassign;
 *  - if/else and conditional expressions meet (intersection); a branch
 *    that cannot fall through (return, raise, break, continue) is "dead"
 *    and drops out of the meeting;
 *  - loops: the body starts from the entry state minus every name the
 *    loop unassigns anywhere (a back edge can only lose those), plus the
 *    for target; what follows a loop meets the no-iteration way (or the
 *    `else`) with every `break`;
 *  - try: a handler may start anywhere in the body, so it starts from the
 *    state before the try minus what the body unassigns; a finally body
 *    is emitted once per way out (emit_try.c), so its reads are judged
 *    against the meeting of all of them (the state before the try minus
 *    everything the try unassigns); what follows gets the normal way's
 *    state plus what the finally body assigns;
 *  - with: __exit__ may swallow an exception from anywhere in the body;
 *  - match: capture patterns are not trusted (a failed case may bind
 *    some names): the cases start from the state after the subject;
 *  - operands evaluated only sometimes (`and`/`or`, chained compares,
 *    assert messages, comprehension bodies) may read what their own walrus
 *    assigned, but what follows does not count on it.
 *
 * Reads under a dead state are in unreachable code; they count as bound.
 * The result is a set of Expr pointers (the Name nodes), an open
 * addressing table on the module's Scope: linear in the program.
 */
#include <stdint.h>
#include <string.h>

#include "defassign.h"

struct DefAssign {
    const Expr **keys;          /* NULL = empty */
    size_t cap, count;          /* cap a power of two */
};

/* A root waiting to be analysed. */
typedef enum { ROOT_BODY, ROOT_FUNC, ROOT_LAMBDA, ROOT_GENEXP } RootKind;
typedef struct Root Root;
struct Root {
    RootKind kind;
    Scope *scope;
    const StmtList *body;       /* ROOT_BODY, ROOT_FUNC */
    const Arguments *args;      /* ROOT_FUNC, ROOT_LAMBDA */
    const Expr *x;              /* ROOT_LAMBDA, ROOT_GENEXP */
    Root *next;
};

typedef struct {
    uint64_t *w;
    bool dead;                  /* no path reaches here */
} State;

typedef struct Loop Loop;
struct Loop {
    State brk;                  /* the meeting of the breaks (dead: none yet) */
    Loop *outer;
};

typedef struct {
    Arena *a;
    ScopeTable *t;
    DefAssign *out;
    Root *todo;
    /* the current root */
    Scope *root, *cur;          /* cur: the root or an inline comprehension in it */
    const Symbol **syms;        /* tracked symbol → bit: open addressing */
    int *bits;
    int mapcap, nbits, nwords;
    State st;
    Loop *loop;
    uint64_t *fin;              /* unassigned by the finally bodies around */
} DA;

/* ---- the result set ---------------------------------------------------- */

static size_t hash_ptr(const void *p, size_t cap) {
    uintptr_t h = (uintptr_t)p;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 20) & (cap - 1);
}

static void set_add(DA *d, const Expr *x) {
    DefAssign *s = d->out;
    if ((s->count + 1) * 2 > s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 256;
        const Expr **nk = arena_alloc(d->a, sizeof(Expr *) * ncap);
        memset(nk, 0, sizeof(Expr *) * ncap);
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->keys[i]) continue;
            size_t h = hash_ptr(s->keys[i], ncap);
            while (nk[h]) h = (h + 1) & (ncap - 1);
            nk[h] = s->keys[i];
        }
        s->keys = nk;
        s->cap = ncap;
    }
    size_t h = hash_ptr(x, s->cap);
    while (s->keys[h]) {
        if (s->keys[h] == x) return;
        h = (h + 1) & (s->cap - 1);
    }
    s->keys[h] = x;
    s->count++;
}

bool defassign_bound(const DefAssign *s, const Expr *x) {
    if (!s || !s->cap) return false;
    size_t h = hash_ptr(x, s->cap);
    while (s->keys[h]) {
        if (s->keys[h] == x) return true;
        h = (h + 1) & (s->cap - 1);
    }
    return false;
}

/* ---- tracked variables ---------------------------------------------------- */

static bool is_function_like(const Scope *s) {
    return s->kind == SCOPE_FUNCTION || s->kind == SCOPE_LAMBDA || s->kind == SCOPE_COMPREHENSION;
}

static int map_get(const DA *d, const Symbol *sym) {
    size_t h = hash_ptr(sym, (size_t)d->mapcap);
    while (d->syms[h]) {
        if (d->syms[h] == sym) return d->bits[h];
        h = (h + 1) & (size_t)(d->mapcap - 1);
    }
    return -1;
}

static int count_syms(const Scope *s) {
    int n = s->nsyms;
    for (int i = 0; i < s->nchildren; i++)
        if (s->children[i]->kind == SCOPE_COMPREHENSION) n += count_syms(s->children[i]);
    return n;
}

static void map_scope(DA *d, const Scope *s) {
    if (is_function_like(s)) {
        for (int i = 0; i < s->nsyms; i++) {
            if (s->syms[i]->kind != SYM_LOCAL) continue;
            size_t h = hash_ptr(s->syms[i], (size_t)d->mapcap);
            while (d->syms[h]) h = (h + 1) & (size_t)(d->mapcap - 1);
            d->syms[h] = s->syms[i];
            d->bits[h] = d->nbits++;
        }
    }
    for (int i = 0; i < s->nchildren; i++)
        if (s->children[i]->kind == SCOPE_COMPREHENSION) map_scope(d, s->children[i]);
}

/* The bit of `name` as read or written in d->cur, -1 when untracked: the
 * emitter's resolution (emit_names.c, name_home) for locals, a
 * comprehension's free names going to the scope around it. */
static int bit_of(const DA *d, const char *name) {
    const Scope *s = d->cur;
    for (;;) {
        Symbol *sym = scope_lookup(s, name);
        if (!sym || !is_function_like(s)) return -1;
        if (sym->kind == SYM_LOCAL) return map_get(d, sym);
        if (sym->kind == SYM_FREE && s->kind == SCOPE_COMPREHENSION && s != d->root && s->parent &&
            is_function_like(s->parent)) {
            s = s->parent;
            continue;
        }
        return -1;
    }
}

/* ---- states ---------------------------------------------------------------- */

static State st_new(DA *d) {
    State s = {arena_alloc(d->a, sizeof(uint64_t) * (size_t)(d->nwords + 1)), false};
    memset(s.w, 0, sizeof(uint64_t) * (size_t)(d->nwords + 1));
    return s;
}

static State st_copy(DA *d, State from) {
    State s = st_new(d);
    memcpy(s.w, from.w, sizeof(uint64_t) * (size_t)d->nwords);
    s.dead = from.dead;
    return s;
}

static void st_assign(DA *d, State *to, State from) {
    memcpy(to->w, from.w, sizeof(uint64_t) * (size_t)d->nwords);
    to->dead = from.dead;
}

/* to = to ∩ from, where a dead state is the identity. */
static void st_meet(DA *d, State *to, State from) {
    if (from.dead) return;
    if (to->dead) {
        st_assign(d, to, from);
        return;
    }
    for (int i = 0; i < d->nwords; i++) to->w[i] &= from.w[i];
}

static void st_minus(DA *d, State *s, const uint64_t *bits) {
    for (int i = 0; i < d->nwords; i++) s->w[i] &= ~bits[i];
}

static void set_bit(uint64_t *w, int b) {
    if (b >= 0) w[b >> 6] |= 1ull << (b & 63);
}

static void clear_bit(uint64_t *w, int b) {
    if (b >= 0) w[b >> 6] &= ~(1ull << (b & 63));
}

static bool has_bit(const State *s, int b) {
    return b >= 0 && (s->dead || (s->w[b >> 6] >> (b & 63) & 1));
}

static uint64_t *bits_new(DA *d) {
    uint64_t *w = arena_alloc(d->a, sizeof(uint64_t) * (size_t)(d->nwords + 1));
    memset(w, 0, sizeof(uint64_t) * (size_t)(d->nwords + 1));
    return w;
}

/* ---- what a block unassigns ------------------------------------------------ */

static void dels_stmts(DA *d, const StmtList *l, uint64_t *out);

static void dels_target(DA *d, const Expr *x, uint64_t *out) {
    if (x->kind == E_NAME) set_bit(out, bit_of(d, x->u.name.id));
    else if (x->kind == E_TUPLE || x->kind == E_LIST)
        for (int i = 0; i < x->u.list.elts.n; i++) dels_target(d, x->u.list.elts.v[i], out);
}

static void dels_stmt(DA *d, const Stmt *s, uint64_t *out) {
    switch (s->kind) {
    case S_DELETE:
        for (int i = 0; i < s->u.del.targets.n; i++) dels_target(d, s->u.del.targets.v[i], out);
        break;
    case S_FOR: case S_ASYNCFOR:
        dels_stmts(d, &s->u.for_.body, out);
        dels_stmts(d, &s->u.for_.orelse, out);
        break;
    case S_WHILE:
        dels_stmts(d, &s->u.while_.body, out);
        dels_stmts(d, &s->u.while_.orelse, out);
        break;
    case S_IF:
        dels_stmts(d, &s->u.if_.body, out);
        dels_stmts(d, &s->u.if_.orelse, out);
        break;
    case S_WITH: case S_ASYNCWITH: dels_stmts(d, &s->u.with.body, out); break;
    case S_MATCH:
        for (int i = 0; i < s->u.match.cases.n; i++) dels_stmts(d, &s->u.match.cases.v[i]->body, out);
        break;
    case S_TRY: case S_TRYSTAR:
        dels_stmts(d, &s->u.try_.body, out);
        for (int i = 0; i < s->u.try_.handlers.n; i++) {
            const ExceptHandler *h = s->u.try_.handlers.v[i];
            if (h->name) set_bit(out, bit_of(d, h->name));
            dels_stmts(d, &h->body, out);
        }
        dels_stmts(d, &s->u.try_.orelse, out);
        dels_stmts(d, &s->u.try_.finalbody, out);
        break;
    default: break;
    }
}

static void dels_stmts(DA *d, const StmtList *l, uint64_t *out) {
    for (int i = 0; i < l->n; i++) dels_stmt(d, l->v[i], out);
}

/* ---- expressions ------------------------------------------------------------ */

static void visit_expr(DA *d, const Expr *x);

static void visit_exprs(DA *d, const ExprList *l) {
    for (int i = 0; i < l->n; i++) visit_expr(d, l->v[i]);
}

/* An expression evaluated only sometimes: its walruses do not count after it. */
static void visit_maybe(DA *d, const Expr *x) {
    if (!x) return;
    State saved = st_copy(d, d->st);
    visit_expr(d, x);
    st_assign(d, &d->st, saved);
}

static void push_root(DA *d, RootKind kind, const void *node, const StmtList *body, const Arguments *args) {
    Root *r = arena_alloc(d->a, sizeof(Root));
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->scope = scope_of(d->t, node);
    r->body = body;
    r->args = args;
    r->x = kind == ROOT_LAMBDA || kind == ROOT_GENEXP ? node : NULL;
    r->next = d->todo;
    if (r->scope) d->todo = r;
}

static void visit_defaults(DA *d, const Arguments *a) {
    visit_exprs(d, &a->defaults);
    for (int i = 0; i < a->kw_defaults.n; i++)
        if (a->kw_defaults.v[i]) visit_expr(d, a->kw_defaults.v[i]);
}

/* The target of an assignment, for, with or comprehension. */
static void assign_target(DA *d, const Expr *x) {
    switch (x->kind) {
    case E_NAME: set_bit(d->st.w, bit_of(d, x->u.name.id)); break;
    case E_TUPLE: case E_LIST:
        for (int i = 0; i < x->u.list.elts.n; i++) assign_target(d, x->u.list.elts.v[i]);
        break;
    case E_STARRED: assign_target(d, x->u.starred.value); break;
    case E_ATTRIBUTE: visit_expr(d, x->u.attribute.value); break;
    case E_SUBSCRIPT:
        visit_expr(d, x->u.subscript.value);
        visit_expr(d, x->u.subscript.slice);
        break;
    default: visit_expr(d, x); break;
    }
}

/* The generators and element of a comprehension after its first iterable,
 * in scope `cs`. */
static void visit_comp_body(DA *d, const Expr *x, Scope *cs, bool first_iter_done) {
    Scope *outer = d->cur;
    d->cur = cs;
    const ComprehensionList *g = &x->u.comp.generators;
    for (int k = 0; k < g->n; k++) {
        if (k > 0 || !first_iter_done) visit_expr(d, g->v[k]->iter);
        assign_target(d, g->v[k]->target);
        visit_exprs(d, &g->v[k]->ifs);
    }
    if (x->kind == E_DICTCOMP) {
        visit_expr(d, x->u.comp.key);
        visit_expr(d, x->u.comp.value);
    } else {
        visit_expr(d, x->u.comp.elt);
    }
    d->cur = outer;
}

static void visit_expr(DA *d, const Expr *x) {
    if (!x) return;
    switch (x->kind) {
    case E_NAME:
        if (x->u.name.ctx == CTX_LOAD && has_bit(&d->st, bit_of(d, x->u.name.id))) set_add(d, x);
        break;
    case E_BOOLOP:
    {
        /* later operands run only sometimes, but see the walruses of
         * earlier ones */
        visit_expr(d, x->u.boolop.values.v[0]);
        State saved = st_copy(d, d->st);
        for (int i = 1; i < x->u.boolop.values.n; i++) visit_expr(d, x->u.boolop.values.v[i]);
        st_assign(d, &d->st, saved);
        break;
    }
    case E_NAMEDEXPR:
        visit_expr(d, x->u.namedexpr.value);
        assign_target(d, x->u.namedexpr.target);
        break;
    case E_BINOP:
        visit_expr(d, x->u.binop.left);
        visit_expr(d, x->u.binop.right);
        break;
    case E_UNARYOP: visit_expr(d, x->u.unaryop.operand); break;
    case E_LAMBDA:
        visit_defaults(d, x->u.lambda.args);
        push_root(d, ROOT_LAMBDA, x, NULL, x->u.lambda.args);
        break;
    case E_IFEXP: {
        visit_expr(d, x->u.ifexp.test);
        State then = st_copy(d, d->st);
        State before = st_copy(d, d->st);
        visit_expr(d, x->u.ifexp.body);
        st_assign(d, &then, d->st);
        st_assign(d, &d->st, before);
        visit_expr(d, x->u.ifexp.orelse);
        st_meet(d, &d->st, then);
        break;
    }
    case E_DICT:
        for (int i = 0; i < x->u.dict.values.n; i++) {
            if (x->u.dict.keys.v[i]) visit_expr(d, x->u.dict.keys.v[i]);
            visit_expr(d, x->u.dict.values.v[i]);
        }
        break;
    case E_SET: visit_exprs(d, &x->u.set.elts); break;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: {
        visit_expr(d, x->u.comp.generators.v[0]->iter);
        Scope *cs = scope_of(d->t, x);
        if (!cs) break;
        State saved = st_copy(d, d->st);
        visit_comp_body(d, x, cs, true);
        st_assign(d, &d->st, saved);
        break;
    }
    case E_GENERATOREXP:
        visit_expr(d, x->u.comp.generators.v[0]->iter);
        push_root(d, ROOT_GENEXP, x, NULL, NULL);
        break;
    case E_AWAIT: visit_expr(d, x->u.await_.value); break;
    case E_YIELD: visit_expr(d, x->u.yield.value); break;
    case E_YIELDFROM: visit_expr(d, x->u.yieldfrom.value); break;
    case E_COMPARE:
        visit_expr(d, x->u.compare.left);
        if (x->u.compare.comparators.n) visit_expr(d, x->u.compare.comparators.v[0]);
        if (x->u.compare.comparators.n > 1) {
            State saved = st_copy(d, d->st);
            for (int i = 1; i < x->u.compare.comparators.n; i++) visit_expr(d, x->u.compare.comparators.v[i]);
            st_assign(d, &d->st, saved);
        }
        break;
    case E_CALL:
        visit_expr(d, x->u.call.func);
        visit_exprs(d, &x->u.call.args);
        for (int i = 0; i < x->u.call.keywords.n; i++) visit_expr(d, x->u.call.keywords.v[i]->value);
        break;
    case E_FORMATTEDVALUE:
        visit_expr(d, x->u.formatted.value);
        visit_expr(d, x->u.formatted.format_spec);
        break;
    case E_JOINEDSTR: visit_exprs(d, &x->u.joinedstr.values); break;
    case E_CONSTANT: break;
    case E_ATTRIBUTE: visit_expr(d, x->u.attribute.value); break;
    case E_SUBSCRIPT:
        visit_expr(d, x->u.subscript.value);
        visit_expr(d, x->u.subscript.slice);
        break;
    case E_STARRED: visit_expr(d, x->u.starred.value); break;
    case E_LIST: case E_TUPLE: visit_exprs(d, &x->u.list.elts); break;
    case E_SLICE:
        visit_expr(d, x->u.slice.lower);
        visit_expr(d, x->u.slice.upper);
        visit_expr(d, x->u.slice.step);
        break;
    case E__COUNT: break;
    }
}

static void visit_pattern(DA *d, const Pattern *p) {
    if (!p) return;
    switch (p->kind) {
    case P_VALUE: visit_expr(d, p->u.value.value); break;
    case P_SINGLETON: case P_STAR: break;
    case P_SEQUENCE:
        for (int i = 0; i < p->u.sequence.patterns.n; i++) visit_pattern(d, p->u.sequence.patterns.v[i]);
        break;
    case P_MAPPING:
        visit_exprs(d, &p->u.mapping.keys);
        for (int i = 0; i < p->u.mapping.patterns.n; i++) visit_pattern(d, p->u.mapping.patterns.v[i]);
        break;
    case P_CLASS:
        visit_expr(d, p->u.cls.cls);
        for (int i = 0; i < p->u.cls.patterns.n; i++) visit_pattern(d, p->u.cls.patterns.v[i]);
        for (int i = 0; i < p->u.cls.kwd_patterns.n; i++) visit_pattern(d, p->u.cls.kwd_patterns.v[i]);
        break;
    case P_AS: visit_pattern(d, p->u.as.pattern); break;
    case P_OR:
        for (int i = 0; i < p->u.or_.patterns.n; i++) visit_pattern(d, p->u.or_.patterns.v[i]);
        break;
    }
}

/* ---- statements ------------------------------------------------------------- */

static void visit_stmts(DA *d, const StmtList *l);

static bool always_true(const Expr *x) {
    if (x->kind != E_CONSTANT) return false;
    const Constant *c = &x->u.constant;
    return c->kind == CONST_TRUE || (c->kind == CONST_INT && !c->big && c->ival != 0);
}

/* A loop body from `entry` (the state before the loop minus what the
 * loop unassigns); the state after the body is discarded (back edges are
 * covered by `entry`). Returns the meeting of its breaks. */
static State loop_body(DA *d, const StmtList *body) {
    Loop lp = {st_new(d), d->loop};
    lp.brk.dead = true;
    d->loop = &lp;
    visit_stmts(d, body);
    d->loop = lp.outer;
    return lp.brk;
}

static void visit_loop(DA *d, const Stmt *s) {
    bool is_for = s->kind == S_FOR || s->kind == S_ASYNCFOR;
    const StmtList *body = is_for ? &s->u.for_.body : &s->u.while_.body;
    const StmtList *orelse = is_for ? &s->u.for_.orelse : &s->u.while_.orelse;
    if (is_for) visit_expr(d, s->u.for_.iter);
    uint64_t *dels = bits_new(d);
    dels_stmts(d, body, dels);
    st_minus(d, &d->st, dels);
    State entry = st_copy(d, d->st);    /* the top of each iteration */
    State after_test;
    State brk;
    if (is_for) {
        after_test = st_copy(d, entry);     /* the iterator ran out */
        assign_target(d, s->u.for_.target);
        brk = loop_body(d, body);
    } else {
        visit_expr(d, s->u.while_.test);
        after_test = st_copy(d, d->st);
        if (always_true(s->u.while_.test)) after_test.dead = true;
        brk = loop_body(d, body);
    }
    st_assign(d, &d->st, after_test);
    visit_stmts(d, orelse);
    st_meet(d, &d->st, brk);
}

static void visit_try(DA *d, const Stmt *s) {
    State before = st_copy(d, d->st);
    /* what the statement but its finally body unassigns: a handler (of
     * except* several in turn) or the finally body may start after any
     * of it */
    uint64_t *all = bits_new(d);
    dels_stmts(d, &s->u.try_.body, all);
    for (int i = 0; i < s->u.try_.handlers.n; i++) {
        const ExceptHandler *h = s->u.try_.handlers.v[i];
        if (h->name) set_bit(all, bit_of(d, h->name));
        dels_stmts(d, &h->body, all);
    }
    dels_stmts(d, &s->u.try_.orelse, all);
    uint64_t *fin = NULL, *fin_outer = d->fin;
    if (s->u.try_.finalbody.n) {
        /* breaks inside lose what the finally body unassigns on the way */
        fin = bits_new(d);
        dels_stmts(d, &s->u.try_.finalbody, fin);
        uint64_t *u = bits_new(d);
        for (int i = 0; i < d->nwords; i++) u[i] = fin[i] | (fin_outer ? fin_outer[i] : 0);
        d->fin = u;
    }
    visit_stmts(d, &s->u.try_.body);
    State normal = st_copy(d, d->st);   /* the body fell through */
    State exc = st_copy(d, before);
    st_minus(d, &exc, all);
    State out = st_copy(d, d->st);
    out.dead = true;
    for (int i = 0; i < s->u.try_.handlers.n; i++) {
        const ExceptHandler *h = s->u.try_.handlers.v[i];
        st_assign(d, &d->st, exc);
        visit_expr(d, h->type);
        int b = h->name ? bit_of(d, h->name) : -1;
        set_bit(d->st.w, b);
        visit_stmts(d, &h->body);
        clear_bit(d->st.w, b);          /* `as x` is unbound at the end */
        st_meet(d, &out, d->st);
    }
    st_assign(d, &d->st, normal);
    visit_stmts(d, &s->u.try_.orelse);
    st_meet(d, &out, d->st);
    d->fin = fin_outer;
    if (!fin) {
        st_assign(d, &d->st, out);
        return;
    }
    /* the finally body: its reads against every way in */
    st_assign(d, &d->st, exc);
    visit_stmts(d, &s->u.try_.finalbody);
    if (d->st.dead || out.dead) {
        d->st.dead = true;
        return;
    }
    /* after it: the normal way's state less what the finally body
     * unassigns, plus what it assigned */
    st_minus(d, &out, fin);
    for (int i = 0; i < d->nwords; i++) d->st.w[i] |= out.w[i];
}

static void visit_with(DA *d, const Stmt *s) {
    for (int i = 0; i < s->u.with.items.n; i++) {
        const WithItem *it = s->u.with.items.v[i];
        visit_expr(d, it->context_expr);
        if (it->optional_vars) assign_target(d, it->optional_vars);
    }
    /* __exit__ may swallow an exception raised anywhere in the body */
    State swallowed = st_copy(d, d->st);
    uint64_t *dels = bits_new(d);
    dels_stmts(d, &s->u.with.body, dels);
    st_minus(d, &swallowed, dels);
    visit_stmts(d, &s->u.with.body);
    st_meet(d, &d->st, swallowed);
}

static void visit_match(DA *d, const Stmt *s) {
    visit_expr(d, s->u.match.subject);
    State start = st_copy(d, d->st);
    uint64_t *dels = bits_new(d);
    for (int i = 0; i < s->u.match.cases.n; i++) {
        const MatchCase *mc = s->u.match.cases.v[i];
        st_assign(d, &d->st, start);
        visit_pattern(d, mc->pattern);
        visit_maybe(d, mc->guard);
        visit_stmts(d, &mc->body);
        dels_stmts(d, &mc->body, dels);
    }
    st_assign(d, &d->st, start);
    st_minus(d, &d->st, dels);
}

/* `del x` reads x (NameError/UnboundLocalError when unassigned), then
 * unassigns it. */
static void del_target(DA *d, const Expr *t) {
    if (t->kind == E_NAME) {
        int b = bit_of(d, t->u.name.id);
        if (has_bit(&d->st, b)) set_add(d, t);
        clear_bit(d->st.w, b);
    } else if (t->kind == E_TUPLE || t->kind == E_LIST) {
        for (int i = 0; i < t->u.list.elts.n; i++) del_target(d, t->u.list.elts.v[i]);
    } else {
        assign_target(d, t);    /* the object and key of `del o.a`, `del o[k]` */
    }
}

static void visit_stmt(DA *d, const Stmt *s) {
    switch (s->kind) {
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF: {
        const Arguments *a = s->u.funcdef.args;
        visit_exprs(d, &s->u.funcdef.decorators);
        visit_defaults(d, a);
        /* annotations are evaluated when the def runs */
        const ArgList *lists[] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < lists[k]->n; i++) visit_expr(d, lists[k]->v[i]->annotation);
        if (a->vararg) visit_expr(d, a->vararg->annotation);
        if (a->kwarg) visit_expr(d, a->kwarg->annotation);
        visit_expr(d, s->u.funcdef.returns);
        set_bit(d->st.w, bit_of(d, s->u.funcdef.name));
        push_root(d, ROOT_FUNC, s, &s->u.funcdef.body, a);
        break;
    }
    case S_CLASSDEF:
        visit_exprs(d, &s->u.classdef.decorators);
        visit_exprs(d, &s->u.classdef.bases);
        for (int i = 0; i < s->u.classdef.keywords.n; i++) visit_expr(d, s->u.classdef.keywords.v[i]->value);
        push_root(d, ROOT_BODY, s, &s->u.classdef.body, NULL);
        set_bit(d->st.w, bit_of(d, s->u.classdef.name));
        break;
    case S_RETURN:
        visit_expr(d, s->u.ret.value);
        d->st.dead = true;
        break;
    case S_DELETE:
        for (int i = 0; i < s->u.del.targets.n; i++) del_target(d, s->u.del.targets.v[i]);
        break;
    case S_ASSIGN:
        visit_expr(d, s->u.assign.value);
        for (int i = 0; i < s->u.assign.targets.n; i++) assign_target(d, s->u.assign.targets.v[i]);
        break;
    case S_AUGASSIGN: {
        const Expr *t = s->u.augassign.target;
        if (t->kind == E_NAME) {
            int b = bit_of(d, t->u.name.id);
            if (has_bit(&d->st, b)) set_add(d, t);
            visit_expr(d, s->u.augassign.value);
            set_bit(d->st.w, b);        /* read it, or raised */
        } else {
            assign_target(d, t);
            visit_expr(d, s->u.augassign.value);
        }
        break;
    }
    case S_ANNASSIGN:
        if (s->u.annassign.value) {
            visit_expr(d, s->u.annassign.value);
            assign_target(d, s->u.annassign.target);
        } else if (s->u.annassign.target->kind != E_NAME) {
            assign_target(d, s->u.annassign.target);
        }
        break;
    case S_FOR: case S_ASYNCFOR: case S_WHILE: visit_loop(d, s); break;
    case S_IF: {
        visit_expr(d, s->u.if_.test);
        State before = st_copy(d, d->st);
        visit_stmts(d, &s->u.if_.body);
        State then = st_copy(d, d->st);
        st_assign(d, &d->st, before);
        visit_stmts(d, &s->u.if_.orelse);
        st_meet(d, &d->st, then);
        break;
    }
    case S_WITH: case S_ASYNCWITH: visit_with(d, s); break;
    case S_MATCH: visit_match(d, s); break;
    case S_RAISE:
        visit_expr(d, s->u.raise.exc);
        visit_expr(d, s->u.raise.cause);
        d->st.dead = true;
        break;
    case S_TRY: case S_TRYSTAR: visit_try(d, s); break;
    case S_ASSERT:
        visit_expr(d, s->u.assert_.test);
        visit_maybe(d, s->u.assert_.msg);
        break;
    case S_IMPORT:
        for (int i = 0; i < s->u.import.names.n; i++) {
            const Alias *al = s->u.import.names.v[i];
            if (al->asname) {
                set_bit(d->st.w, bit_of(d, al->asname));
            } else {
                /* `import a.b` binds a */
                const char *dot = strchr(al->name, '.');
                const char *first = dot ? arena_strndup(d->a, al->name, (size_t)(dot - al->name)) : al->name;
                set_bit(d->st.w, bit_of(d, first));
            }
        }
        break;
    case S_IMPORTFROM:
        for (int i = 0; i < s->u.importfrom.names.n; i++) {
            const Alias *al = s->u.importfrom.names.v[i];
            set_bit(d->st.w, bit_of(d, al->asname ? al->asname : al->name));
        }
        break;
    case S_EXPR: visit_expr(d, s->u.expr.value); break;
    case S_BREAK:
        if (d->loop && !d->st.dead) {
            State b = st_copy(d, d->st);
            if (d->fin) st_minus(d, &b, d->fin);
            st_meet(d, &d->loop->brk, b);
        }
        d->st.dead = true;
        break;
    case S_CONTINUE: d->st.dead = true; break;
    case S_GLOBAL: case S_NONLOCAL: case S_PASS: case S__COUNT: break;
    }
}

static void visit_stmts(DA *d, const StmtList *l) {
    for (int i = 0; i < l->n; i++) visit_stmt(d, l->v[i]);
}

/* ---- roots ---------------------------------------------------------------------- */

static void set_params(DA *d, const Arguments *a) {
    const ArgList *lists[] = {&a->posonlyargs, &a->args, &a->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < lists[k]->n; i++) set_bit(d->st.w, bit_of(d, lists[k]->v[i]->name));
    if (a->vararg) set_bit(d->st.w, bit_of(d, a->vararg->name));
    if (a->kwarg) set_bit(d->st.w, bit_of(d, a->kwarg->name));
}

static void analyze_root(DA *d, const Root *r) {
    d->root = d->cur = r->scope;
    int n = count_syms(r->scope);
    d->mapcap = 16;
    while (d->mapcap < 2 * n + 2) d->mapcap *= 2;
    d->syms = arena_alloc(d->a, sizeof(Symbol *) * (size_t)d->mapcap);
    memset(d->syms, 0, sizeof(Symbol *) * (size_t)d->mapcap);
    d->bits = arena_alloc(d->a, sizeof(int) * (size_t)d->mapcap);
    d->nbits = 0;
    map_scope(d, r->scope);
    d->nwords = (d->nbits + 63) / 64;
    d->st = st_new(d);
    d->loop = NULL;
    d->fin = NULL;
    if (r->args) set_params(d, r->args);
    switch (r->kind) {
    case ROOT_BODY: case ROOT_FUNC: visit_stmts(d, r->body); break;
    case ROOT_LAMBDA: visit_expr(d, r->x->u.lambda.body); break;
    case ROOT_GENEXP: visit_comp_body(d, r->x, r->scope, true); break;
    }
}

void defassign_analyze(Arena *a, const Module *m, ScopeTable *t) {
    Scope *ms = scope_module(t);
    if (!ms) return;
    DA d = {.a = a, .t = t};
    d.out = arena_alloc(a, sizeof(DefAssign));
    memset(d.out, 0, sizeof(DefAssign));
    Root top = {.kind = ROOT_BODY, .scope = ms, .body = &m->body};
    analyze_root(&d, &top);
    while (d.todo) {
        Root *r = d.todo;
        d.todo = r->next;
        analyze_root(&d, r);
    }
    ms->defassign = d.out;
}
