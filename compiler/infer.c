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
 * Leaves evaluated the generic way (LEAF_EVAL, LEAF_FCALL): a call, any
 * other subscript or attribute, `n // 2`, or an arithmetic part with no
 * float in sight around such a value (`(i + j) * (i + j + 1) // 2 + 1`,
 * most likely an int) is one leaf, evaluated once, where CPython
 * evaluates it: the fast way reads the leaves left to right with each
 * operator after its operands, so a failed check (a zero divisor, a
 * non-float) happens before the leaves to its right are evaluated, and
 * the generic way then reuses every leaf already read (emit_float.c keeps
 * them) instead of evaluating or reading it again. A tree with such
 * leaves needs float evidence (a float constant, a `/`, or a float call):
 * `s + str(n)` is not a float tree.
 *
 * Third question (infer_returns_float): does a def return a float tree?
 * Then emit_module.c gives it a float-return variant whose fast returns
 * are unboxed doubles, called from the float trees of other functions
 * (LEAF_FCALL): `s += eval_A(i, j) * u[j]` boxes nothing but `s`.
 *
 * `x ** c` with a numeric constant c is a tree operator (libm's pow on
 * the fast way); sqrt(x), math.sin(x) … are leaves (LEAF_MATH) whose
 * callee is checked at run time to be math's own function.
 *
 * Fourth question (infer_float_locals): which locals hold floats more
 * likely than not, so that the emitter keeps a double beside their slot.
 *
 * Invariants: infer.c never emits code and never changes the AST. Not
 * handled (left to the generic operators): // % and ** with a variable
 * exponent as tree operators, cells and globals as leaves.
 */
#include "infer.h"

#include <string.h>

#define MAX_LEAVES 32

typedef struct Walk {
    const InferEnv *env;
    const Expr *leaves[MAX_LEAVES];
    bool need[MAX_LEAVES];
    LeafKind kind[MAX_LEAVES];
    int nleaves, nops;
    bool evidence;              /* a float constant, a `/` or a float call */
    bool ok;
} Walk;

static bool is_arith(BinOp op) { return op == OP_ADD || op == OP_SUB || op == OP_MULT || op == OP_DIV; }

static bool exact_int_const(const Expr *x) {
    return x->kind == E_CONSTANT && x->u.constant.kind == CONST_INT && !x->u.constant.big &&
           x->u.constant.ival > -(INT64_C(1) << 53) && x->u.constant.ival < (INT64_C(1) << 53);
}

/* A numeric constant, maybe signed: the exponent of a tree's `**`. */
static bool num_const(const Expr *x) {
    if (x->kind == E_UNARYOP && (x->u.unaryop.op == UOP_USUB || x->u.unaryop.op == UOP_UADD))
        x = x->u.unaryop.operand;
    return x->kind == E_CONSTANT && (x->u.constant.kind == CONST_FLOAT || exact_int_const(x));
}

static bool float_const(const Expr *x) {
    if (x->kind == E_UNARYOP && (x->u.unaryop.op == UOP_USUB || x->u.unaryop.op == UOP_UADD))
        x = x->u.unaryop.operand;
    return x->kind == E_CONSTANT && x->u.constant.kind == CONST_FLOAT;
}

/* An operator of a tree: + - * /, and ** with a constant exponent. */
static bool tree_op(const Expr *x) {
    if (x->kind != E_BINOP) return false;
    return is_arith(x->u.binop.op) || (x->u.binop.op == OP_POW && num_const(x->u.binop.right));
}

static bool is_local(const Walk *w, const Expr *x) {
    return x->kind == E_NAME && w->env->is_local(w->env->ctx, x->u.name.id);
}

static bool is_float_call(const Walk *w, const Expr *x) {
    return x->kind == E_CALL && w->env->is_float_call && w->env->is_float_call(w->env->ctx, x);
}

static const char *const math_names[] = {"sqrt", "sin", "cos", "exp", "fabs", "tan", "atan"};

int infer_math_index(const char *name) {
    for (int i = 0; i < (int)(sizeof math_names / sizeof *math_names); i++)
        if (strcmp(name, math_names[i]) == 0) return i;
    return -1;
}

/* sqrt(x) of a global sqrt, or m.sqrt(x) of a global m: maybe math's. */
static bool is_math_call(const Walk *w, const Expr *x) {
    if (x->kind != E_CALL || x->u.call.args.n != 1 || x->u.call.keywords.n ||
        x->u.call.args.v[0]->kind == E_STARRED)
        return false;
    const Expr *f = x->u.call.func;
    if (f->kind == E_NAME) return infer_math_index(f->u.name.id) >= 0 && !is_local(w, f);
    return f->kind == E_ATTRIBUTE && f->u.attribute.value->kind == E_NAME && !is_local(w, f->u.attribute.value) &&
           infer_math_index(f->u.attribute.attr) >= 0;
}

/* local[local], local[int constant], local.name */
static bool pure_leaf(const Walk *w, const Expr *x) {
    if (x->kind == E_SUBSCRIPT) {
        const Expr *k = x->u.subscript.slice;
        return is_local(w, x->u.subscript.value) &&
               (is_local(w, k) || (k->kind == E_CONSTANT && k->u.constant.kind == CONST_INT && !k->u.constant.big));
    }
    return x->kind == E_ATTRIBUTE && is_local(w, x->u.attribute.value);
}

/* An expression that is no part of the tree's structure but may stand in
 * it as a value evaluated once (LEAF_EVAL). */
static bool evaluable(const Expr *x) {
    switch (x->kind) {
    case E_CALL: case E_SUBSCRIPT: case E_ATTRIBUTE: case E_NAME: return true;
    case E_BINOP: return !tree_op(x);
    case E_UNARYOP: return x->u.unaryop.op == UOP_INVERT;
    default: return false;
    }
}

/* Inside an arithmetic subtree: float evidence, an evaluable part. */
static void scan_sub(const Walk *w, const Expr *x, bool *evidence, bool *eval) {
    switch (x->kind) {
    case E_CONSTANT: if (x->u.constant.kind == CONST_FLOAT) *evidence = true; return;
    case E_NAME: return;
    case E_UNARYOP:
        if (x->u.unaryop.op == UOP_USUB || x->u.unaryop.op == UOP_UADD) {
            scan_sub(w, x->u.unaryop.operand, evidence, eval);
            return;
        }
        break;
    case E_BINOP:
        if (tree_op(x)) {
            if (x->u.binop.op == OP_DIV) *evidence = true;
            scan_sub(w, x->u.binop.left, evidence, eval);
            scan_sub(w, x->u.binop.right, evidence, eval);
            return;
        }
        break;
    default: break;
    }
    if (is_float_call(w, x) || is_math_call(w, x)) *evidence = true;
    else if (!pure_leaf(w, x) && evaluable(x)) *eval = true;
}

static bool add_leaf(Walk *w, const Expr *x, LeafKind k) {
    if (w->nleaves == MAX_LEAVES) return false;
    w->leaves[w->nleaves] = x;
    w->kind[w->nleaves] = k;
    w->need[w->nleaves++] = true;
    if (k == LEAF_FCALL || k == LEAF_MATH) w->evidence = true;
    return true;
}

/* Collect the leaves; false when x is not part of a float tree. */
static bool collect(Walk *w, const Expr *x, bool root) {
    switch (x->kind) {
    case E_CONSTANT:
        if (x->u.constant.kind == CONST_FLOAT) {
            w->evidence = true;
            return true;
        }
        return exact_int_const(x);
    case E_NAME:
        if (is_local(w, x)) return add_leaf(w, x, LEAF_LOCAL);
        break;  /* a global, cell or free variable: evaluated once */
    case E_UNARYOP: case E_BINOP: {
        bool arith = x->kind == E_UNARYOP ? x->u.unaryop.op == UOP_USUB || x->u.unaryop.op == UOP_UADD
                                          : tree_op(x);
        if (!arith) break;
        if (!root) {
            /* An arithmetic part with no float in sight around something
             * evaluated the generic way (`(i + j) * (i + j + 1) // 2 + 1`)
             * is an int more likely than not: one value, computed the
             * generic way (small ints inline). */
            bool ev = false, eval = false;
            scan_sub(w, x, &ev, &eval);
            if (eval && !ev) return add_leaf(w, x, LEAF_EVAL);
        }
        if (x->kind == E_UNARYOP) return collect(w, x->u.unaryop.operand, false);
        w->nops++;
        if (x->u.binop.op == OP_DIV) w->evidence = true;
        return collect(w, x->u.binop.left, false) && collect(w, x->u.binop.right, false);
    }
    default: break;
    }
    if (pure_leaf(w, x)) return add_leaf(w, x, LEAF_PURE);
    if (is_float_call(w, x)) return add_leaf(w, x, LEAF_FCALL);
    if (is_math_call(w, x)) return add_leaf(w, x, LEAF_MATH);
    if (evaluable(x)) return add_leaf(w, x, LEAF_EVAL);
    return false;
}

static int leaf_index(const Walk *w, const Expr *x) {
    for (int i = 0; i < w->nleaves; i++)
        if (w->leaves[i] == x) return i;
    return -1;
}

/* Is x guaranteed to be a float on the fast way (G)? Clears w->ok when a
 * node breaks the rules above. */
static bool guaranteed(Walk *w, const Expr *x) {
    int li = leaf_index(w, x);
    if (li >= 0) return w->need[li];
    switch (x->kind) {
    case E_CONSTANT: return x->u.constant.kind == CONST_FLOAT;
    case E_UNARYOP: {
        bool g = guaranteed(w, x->u.unaryop.operand);
        if (x->u.unaryop.op == UOP_USUB && !g && !exact_int_const(x->u.unaryop.operand)) w->ok = false;
        return g;
    }
    default: {
        bool gl = guaranteed(w, x->u.binop.left), gr = guaranteed(w, x->u.binop.right);
        if (x->u.binop.op == OP_DIV) return true;
        /* float ** c, or exact int ** float constant (float.__rpow__):
         * a float; int ** int constant would be an int */
        if (x->u.binop.op == OP_POW) {
            if (!gl && !float_const(x->u.binop.right)) w->ok = false;
            return true;
        }
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

bool infer_float_tree(Arena *a, const Expr *x, const InferEnv *env, bool allow_leaf, FloatTree *out) {
    Walk w = {.env = env};
    if (!collect(&w, x, true)) return false;
    if (w.nops == 0 && !allow_leaf) return false;
    bool has_eval = false, has_fcall = false;
    for (int i = 0; i < w.nleaves; i++) {
        if (w.kind[i] == LEAF_EVAL || w.kind[i] == LEAF_FCALL || w.kind[i] == LEAF_MATH) has_eval = true;
        if (w.kind[i] == LEAF_FCALL || w.kind[i] == LEAF_MATH) has_fcall = true;
    }
    /* Values evaluated the generic way join a tree only where a float is
     * in sight: `s + str(n)` stays the generic operators'. */
    if (has_eval && !w.evidence) return false;
    if (w.nops == 0 && w.nleaves == 1 && w.kind[0] == LEAF_EVAL) return false;
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
    out->kinds = arena_alloc(a, sizeof(LeafKind) * (size_t)(w.nleaves + 1));
    memcpy(out->leaves, w.leaves, sizeof(Expr *) * (size_t)w.nleaves);
    memcpy(out->need_float, w.need, sizeof(bool) * (size_t)w.nleaves);
    memcpy(out->kinds, w.kind, sizeof(LeafKind) * (size_t)w.nleaves);
    out->has_eval = has_eval;
    out->has_fcall = has_fcall;
    out->evidence = w.evidence;
    return true;
}

int infer_leaf_index(const FloatTree *t, const Expr *leaf) {
    for (int i = 0; i < t->nleaves; i++)
        if (t->leaves[i] == leaf) return i;
    return -1;
}

bool infer_leaf_needs_float(const FloatTree *t, const Expr *leaf) {
    int i = infer_leaf_index(t, leaf);
    return i >= 0 && t->need_float[i];
}

/* ---- float returns ------------------------------------------------------ */

static bool returns_float(Arena *a, const StmtList *body, const InferEnv *env);

static bool stmt_returns_float(Arena *a, const Stmt *s, const InferEnv *env) {
    switch (s->kind) {
    case S_RETURN: {
        const Expr *v = s->u.ret.value;
        FloatTree t;
        if (!v || !infer_float_tree(a, v, env, true, &t)) return false;
        if (t.nops == 0) return t.has_fcall;
        return t.evidence;
    }
    case S_FOR: return returns_float(a, &s->u.for_.body, env) || returns_float(a, &s->u.for_.orelse, env);
    case S_WHILE: return returns_float(a, &s->u.while_.body, env) || returns_float(a, &s->u.while_.orelse, env);
    case S_IF: return returns_float(a, &s->u.if_.body, env) || returns_float(a, &s->u.if_.orelse, env);
    default: return false;   /* try/with: returns there keep the boxed way */
    }
}

static bool returns_float(Arena *a, const StmtList *body, const InferEnv *env) {
    for (int i = 0; i < body->n; i++)
        if (stmt_returns_float(a, body->v[i], env)) return true;
    return false;
}

bool infer_returns_float(Arena *a, const StmtList *body, const InferEnv *env) {
    return returns_float(a, body, env);
}

/* ---- float locals -------------------------------------------------------- */

typedef struct Assign {
    const char *name;
    const Expr *value;          /* the value, or the tree `name op value` */
} Assign;

typedef struct Assigns {
    Arena *a;
    const InferEnv *env;
    Assign *v;
    int n, cap;
} Assigns;

static void add_assign(Assigns *as, const char *name, const Expr *value) {
    as->v = arena_grow(as->a, as->v, &as->cap, as->n + 1, sizeof(Assign));
    as->v[as->n++] = (Assign){name, value};
}

static void scan_assigns(Assigns *as, const StmtList *body);

static void scan_assign(Assigns *as, const Stmt *s) {
    switch (s->kind) {
    case S_ASSIGN:
        for (int i = 0; i < s->u.assign.targets.n; i++) {
            const Expr *t = s->u.assign.targets.v[i];
            if (t->kind == E_NAME) add_assign(as, t->u.name.id, s->u.assign.value);
            /* `o.y = y * 0.5 + a` reads a as a float too: an entry with
             * no local name, which only the trees' reads look at */
            else if (t->kind == E_ATTRIBUTE) add_assign(as, "", s->u.assign.value);
        }
        return;
    case S_AUGASSIGN: {
        const Expr *t = s->u.augassign.target;
        if (t->kind == E_ATTRIBUTE && is_arith(s->u.augassign.op)) {
            add_assign(as, "", s->u.augassign.value);
            return;
        }
        if (t->kind != E_NAME || !is_arith(s->u.augassign.op)) return;
        Expr *x = arena_alloc(as->a, sizeof *x);
        x->kind = E_BINOP;
        x->pos = s->pos;
        x->u.binop.left = (Expr *)t;
        x->u.binop.op = s->u.augassign.op;
        x->u.binop.right = s->u.augassign.value;
        add_assign(as, t->u.name.id, x);
        return;
    }
    case S_ANNASSIGN:
        if (s->u.annassign.value && s->u.annassign.target->kind == E_NAME)
            add_assign(as, s->u.annassign.target->u.name.id, s->u.annassign.value);
        return;
    case S_FOR: case S_ASYNCFOR:
        scan_assigns(as, &s->u.for_.body);
        scan_assigns(as, &s->u.for_.orelse);
        return;
    case S_WHILE:
        scan_assigns(as, &s->u.while_.body);
        scan_assigns(as, &s->u.while_.orelse);
        return;
    case S_IF:
        scan_assigns(as, &s->u.if_.body);
        scan_assigns(as, &s->u.if_.orelse);
        return;
    case S_WITH: case S_ASYNCWITH: scan_assigns(as, &s->u.with.body); return;
    case S_TRY: case S_TRYSTAR:
        scan_assigns(as, &s->u.try_.body);
        for (int i = 0; i < s->u.try_.handlers.n; i++) scan_assigns(as, &s->u.try_.handlers.v[i]->body);
        scan_assigns(as, &s->u.try_.orelse);
        scan_assigns(as, &s->u.try_.finalbody);
        return;
    case S_MATCH:
        for (int i = 0; i < s->u.match.cases.n; i++) scan_assigns(as, &s->u.match.cases.v[i]->body);
        return;
    default: return;
    }
}

static void scan_assigns(Assigns *as, const StmtList *body) {
    for (int i = 0; i < body->n; i++) scan_assign(as, body->v[i]);
}

static bool in_names(const char **v, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (strcmp(v[i], name) == 0) return true;
    return false;
}

int infer_float_locals(Arena *a, const StmtList *body, const InferEnv *env, const char ***names) {
    Assigns as = {.a = a, .env = env};
    scan_assigns(&as, body);
    const char **v = arena_alloc(a, sizeof(char *) * (size_t)(as.n + 1));
    int n = 0;
    /* Locals a tree with float evidence needs as floats (`dx` in
     * `(dx * dx + dy * dy) ** -1.5`; not `i` in `i * 0.5`, relaxed to
     * an int there): then `dx = x1 - x2` is worth keeping unboxed. */
    const char **used = arena_alloc(a, sizeof(char *) * (size_t)(as.n * MAX_LEAVES + 1));
    int nused = 0;
    /* Locals such a tree reads at all (`a` in `y * 0.5 + a`): `a = o.x`
     * is then worth reading as a double when o.x is a float slot. */
    const char **read = arena_alloc(a, sizeof(char *) * (size_t)(as.n * MAX_LEAVES + 1));
    int nread = 0;
    /* The argument of a math leaf (`sqrt(x * x + y * y)`) is a tree of
     * its own, read as a float whatever it holds. */
    const Expr **todo = arena_alloc(a, sizeof(Expr *) * (size_t)(as.n * MAX_LEAVES + as.n + 1));
    bool *forced = arena_alloc(a, sizeof(bool) * (size_t)(as.n * MAX_LEAVES + as.n + 1));
    int ntodo = 0;
    for (int i = 0; i < as.n; i++) {
        todo[ntodo] = as.v[i].value;
        forced[ntodo++] = false;
    }
    for (int i = 0; i < ntodo; i++) {
        FloatTree t;
        if (!infer_float_tree(a, todo[i], env, true, &t)) continue;
        for (int k = 0; k < t.nleaves; k++)
            if (t.kinds[k] == LEAF_MATH && ntodo < as.n * MAX_LEAVES + as.n) {
                todo[ntodo] = t.leaves[k]->u.call.args.v[0];
                forced[ntodo++] = true;
            }
        if (!t.evidence && !forced[i]) continue;
        for (int k = 0; k < t.nleaves; k++) {
            if (t.kinds[k] != LEAF_LOCAL) continue;
            const char *id = t.leaves[k]->u.name.id;
            if ((t.need_float[k] || forced[i]) && !in_names(used, nused, id) && nused < as.n * MAX_LEAVES)
                used[nused++] = id;
            if (!in_names(read, nread, id) && nread < as.n * MAX_LEAVES) read[nread++] = id;
        }
    }
    /* Fixpoint: `b1m = m1 * mag` is a float once `mag` is one. */
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 0; i < as.n; i++) {
            const Assign *x = &as.v[i];
            if (!*x->name || in_names(v, n, x->name) || !env->is_local(env->ctx, x->name)) continue;
            bool yes = float_const(x->value);
            FloatTree t;
            if (!yes && infer_float_tree(a, x->value, env, true, &t) && t.nops == 0 && !t.has_fcall &&
                t.nleaves == 1 && t.kinds[0] == LEAF_PURE && t.leaves[0]->kind == E_ATTRIBUTE) {
                /* `x = self.x` before `x * x + …`: a float slot's double,
                 * read without a box (emit_float.c) */
                yes = in_names(read, nread, x->name);
            } else if (!yes && infer_float_tree(a, x->value, env, true, &t) && (t.nops > 0 || t.has_fcall)) {
                yes = t.evidence || in_names(used, nused, x->name);
                for (int k = 0; k < t.nleaves && !yes; k++)
                    yes = t.kinds[k] == LEAF_LOCAL && in_names(v, n, t.leaves[k]->u.name.id);
            }
            if (yes) {
                v[n++] = x->name;
                changed = true;
            }
        }
    }
    *names = v;
    return n;
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
