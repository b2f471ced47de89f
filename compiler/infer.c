/*
 * infer.c — local type inference: which arithmetic expressions can be
 * computed on unboxed doubles.
 *
 * Input: one expression and a predicate telling which names are plain
 * local variables of the frame being emitted. Output: a FloatTree when
 * the expression is a *float tree*: binary + - * / and unary - + over
 * leaves that are plain locals, numeric constants (ints within 2**53,
 * floats), `local[local]` / `local[int constant]` and `local.name`, with
 * at least one operator. A subscript leaf is read on the fast way only
 * from an exact list or tuple with a small int index in range, an
 * attribute leaf only through a hit of the attribute cache (no getter,
 * no descriptor runs): anything else leaves the fast way before any code
 * with an effect has run. The emitter (emit_float.c) then
 * loads the leaves, checks their types at run time, computes the whole
 * tree on doubles and boxes only the result (or none, in a comparison);
 * if a check fails (a leaf is not a float, an int that does not convert
 * exactly, a divisor is zero) it evaluates the expression the generic
 * way instead. Both ways give CPython's result, because:
 *
 *   - leaves are pure on the fast way (a local's load, a constant, an
 *     item of an exact list or tuple, a cached instance attribute), so
 *     loading them all first, and loading them again on the generic way,
 *     cannot be seen;
 *   - the lattice of a node's run-time type on the fast way is
 *     {float, exact-int}; every binary node except / must have an
 *     operand that is float (G, "guaranteed float"): then CPython's
 *     int-to-float conversion of the other operand is exact and the
 *     double operation is the one float's slot performs (IEEE, no
 *     fast-math). A / of two exact ints is CPython's correctly rounded
 *     int true division. Unary minus needs a G operand (an int -0 is not
 *     a float -0.0), or an int constant (folded).
 *   - a leaf starts as "must be float" (need_float); a leaf is relaxed to
 *     "float or exact int" when every node still has a G operand without
 *     it (mandelbrot's `3.0 * x / w` with int x and w).
 *
 * Second question (infer_append_targets): which locals are the target of
 * `s += …`, so that the emitter gives each a hidden companion slot that
 * lets ai_str_iadd append to a string in place (emit_names.c clears the
 * companion at every other read or store of the variable, so the string
 * grown in place is never visible to anything but the variable).
 *
 * Invariants: infer.c never emits code and never changes the AST. Not
 * handled (left to the generic operators): ** // %, cells, globals,
 * calls and other subscripts or attributes as leaves (they may have side
 * effects that must stay ordered with the operators').
 */
#include "infer.h"

#include <string.h>

#define MAX_LEAVES 32

typedef struct Walk {
    InferIsLocal is_local;
    void *ctx;
    const Expr *leaves[MAX_LEAVES];
    bool need[MAX_LEAVES];
    int nleaves, nops;
    bool ok;
} Walk;

static bool is_arith(BinOp op) { return op == OP_ADD || op == OP_SUB || op == OP_MULT || op == OP_DIV; }

static bool exact_int_const(const Expr *x) {
    return x->kind == E_CONSTANT && x->u.constant.kind == CONST_INT && !x->u.constant.big &&
           x->u.constant.ival > -(INT64_C(1) << 53) && x->u.constant.ival < (INT64_C(1) << 53);
}

/* Collect the leaves; false when x is not part of a float tree. */
static bool collect(Walk *w, const Expr *x) {
    switch (x->kind) {
    case E_CONSTANT:
        return x->u.constant.kind == CONST_FLOAT || exact_int_const(x);
    case E_NAME:
        if (!w->is_local(w->ctx, x->u.name.id) || w->nleaves == MAX_LEAVES) return false;
        w->leaves[w->nleaves] = x;
        w->need[w->nleaves++] = true;
        return true;
    case E_SUBSCRIPT: {
        const Expr *c = x->u.subscript.value, *k = x->u.subscript.slice;
        if (c->kind != E_NAME || !w->is_local(w->ctx, c->u.name.id) || w->nleaves == MAX_LEAVES) return false;
        if (!(k->kind == E_NAME && w->is_local(w->ctx, k->u.name.id)) &&
            !(k->kind == E_CONSTANT && k->u.constant.kind == CONST_INT && !k->u.constant.big))
            return false;
        w->leaves[w->nleaves] = x;
        w->need[w->nleaves++] = true;
        return true;
    }
    case E_ATTRIBUTE: {
        const Expr *o = x->u.attribute.value;
        if (o->kind != E_NAME || !w->is_local(w->ctx, o->u.name.id) || w->nleaves == MAX_LEAVES) return false;
        w->leaves[w->nleaves] = x;
        w->need[w->nleaves++] = true;
        return true;
    }
    case E_UNARYOP:
        if (x->u.unaryop.op != UOP_USUB && x->u.unaryop.op != UOP_UADD) return false;
        return collect(w, x->u.unaryop.operand);
    case E_BINOP:
        if (!is_arith(x->u.binop.op)) return false;
        w->nops++;
        return collect(w, x->u.binop.left) && collect(w, x->u.binop.right);
    default: return false;
    }
}

static int leaf_index(const Walk *w, const Expr *x) {
    for (int i = 0; i < w->nleaves; i++)
        if (w->leaves[i] == x) return i;
    return -1;
}

/* Is x guaranteed to be a float on the fast way (G)? Clears w->ok when a
 * node breaks the rules above. */
static bool guaranteed(Walk *w, const Expr *x) {
    switch (x->kind) {
    case E_CONSTANT: return x->u.constant.kind == CONST_FLOAT;
    case E_NAME: case E_SUBSCRIPT: case E_ATTRIBUTE: return w->need[leaf_index(w, x)];
    case E_UNARYOP: {
        bool g = guaranteed(w, x->u.unaryop.operand);
        if (x->u.unaryop.op == UOP_USUB && !g && !exact_int_const(x->u.unaryop.operand)) w->ok = false;
        return g;
    }
    default: {
        bool gl = guaranteed(w, x->u.binop.left), gr = guaranteed(w, x->u.binop.right);
        if (x->u.binop.op == OP_DIV) return true;
        if (!gl && !gr) w->ok = false;
        return gl || gr;
    }
    }
}

static bool valid(Walk *w, const Expr *root) {
    w->ok = true;
    guaranteed(w, root);
    return w->ok;
}

bool infer_float_tree(Arena *a, const Expr *x, InferIsLocal is_local, void *ctx, bool allow_leaf, FloatTree *out) {
    Walk w = {.is_local = is_local, .ctx = ctx};
    if (!collect(&w, x)) return false;
    if (w.nops == 0 && !allow_leaf) return false;
    if (!valid(&w, x)) return false;
    /* Relax leaves left to right while every node keeps a G operand. A
     * name read twice (x * x) is one variable: relax all its leaves or
     * none. */
    for (int i = 0; i < w.nleaves; i++) {
        if (!w.need[i]) continue;
        if (w.leaves[i]->kind != E_NAME) {
            w.need[i] = false;
            if (!valid(&w, x)) w.need[i] = true;
            continue;
        }
        const char *id = w.leaves[i]->u.name.id;
        for (int j = i; j < w.nleaves; j++)
            if (w.leaves[j]->kind == E_NAME && strcmp(w.leaves[j]->u.name.id, id) == 0) w.need[j] = false;
        if (!valid(&w, x))
            for (int j = i; j < w.nleaves; j++)
                if (w.leaves[j]->kind == E_NAME && strcmp(w.leaves[j]->u.name.id, id) == 0) w.need[j] = true;
    }
    out->nops = w.nops;
    out->nleaves = w.nleaves;
    out->leaves = arena_alloc(a, sizeof(Expr *) * (size_t)(w.nleaves + 1));
    out->need_float = arena_alloc(a, sizeof(bool) * (size_t)(w.nleaves + 1));
    memcpy(out->leaves, w.leaves, sizeof(Expr *) * (size_t)w.nleaves);
    memcpy(out->need_float, w.need, sizeof(bool) * (size_t)w.nleaves);
    return true;
}

bool infer_leaf_needs_float(const FloatTree *t, const Expr *leaf) {
    for (int i = 0; i < t->nleaves; i++)
        if (t->leaves[i] == leaf) return t->need_float[i];
    return false;
}

/* ---- append targets ----------------------------------------------------- */

typedef struct Targets {
    Arena *a;
    const char **v;
    int n, cap;
} Targets;

static void add_target(Targets *t, const char *name) {
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->v[i], name) == 0) return;
    if (t->n == t->cap) {
        int cap = t->cap ? t->cap * 2 : 8;
        const char **nv = arena_alloc(t->a, sizeof(char *) * (size_t)cap);
        if (t->n) memcpy(nv, t->v, sizeof(char *) * (size_t)t->n);
        t->v = nv;
        t->cap = cap;
    }
    t->v[t->n++] = name;
}

static void scan_stmts(Targets *t, const StmtList *body);

static void scan_stmt(Targets *t, const Stmt *s) {
    switch (s->kind) {
    case S_AUGASSIGN: {
        /* `n += 2` cannot append to a str (it would raise): no companion */
        const Expr *v = s->u.augassign.value;
        bool numeric = v->kind == E_CONSTANT && (v->u.constant.kind == CONST_INT || v->u.constant.kind == CONST_FLOAT);
        if (s->u.augassign.op == OP_ADD && s->u.augassign.target->kind == E_NAME && !numeric)
            add_target(t, s->u.augassign.target->u.name.id);
        return;
    }
    case S_FOR: case S_ASYNCFOR:
        scan_stmts(t, &s->u.for_.body);
        scan_stmts(t, &s->u.for_.orelse);
        return;
    case S_WHILE:
        scan_stmts(t, &s->u.while_.body);
        scan_stmts(t, &s->u.while_.orelse);
        return;
    case S_IF:
        scan_stmts(t, &s->u.if_.body);
        scan_stmts(t, &s->u.if_.orelse);
        return;
    case S_WITH: case S_ASYNCWITH: scan_stmts(t, &s->u.with.body); return;
    case S_TRY: case S_TRYSTAR:
        scan_stmts(t, &s->u.try_.body);
        for (int i = 0; i < s->u.try_.handlers.n; i++) scan_stmts(t, &s->u.try_.handlers.v[i]->body);
        scan_stmts(t, &s->u.try_.orelse);
        scan_stmts(t, &s->u.try_.finalbody);
        return;
    case S_MATCH:
        for (int i = 0; i < s->u.match.cases.n; i++) scan_stmts(t, &s->u.match.cases.v[i]->body);
        return;
    default: return; /* nested defs and classes have frames of their own */
    }
}

static void scan_stmts(Targets *t, const StmtList *body) {
    for (int i = 0; i < body->n; i++) scan_stmt(t, body->v[i]);
}

int infer_append_targets(Arena *a, const StmtList *body, const char ***names) {
    Targets t = {.a = a};
    scan_stmts(&t, body);
    *names = t.v;
    return t.n;
}
