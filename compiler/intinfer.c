/*
 * intinfer.c — int locals, and loops worth an int fast copy.
 *
 * Job: two questions the emitter asks before it emits a function's loops
 * (emit_int.c does the emitting):
 *
 *  1. infer_int_locals: which plain locals look like ints? A local
 *     qualifies when every assignment of it in the function is an int
 *     expression — int constants, other such locals, `len(...)`, and
 *     + - * // % & | ^ << >> and unary - + ~ over those — or the target
 *     of `for x in range(...)`. This is a greatest fixpoint: start from
 *     every local whose assignments all have that shape, drop those whose
 *     expressions read a dropped name, repeat. `x = 0; x = x + 1` is an
 *     int local; `x = 0; x = "a"` or `a, b = pair` are not.
 *  2. infer_int_versionable: may a loop's body be emitted twice? Only
 *     innermost loops are: a body with a loop inside would be emitted
 *     twice with that loop, which is where the time goes anyway, and
 *     nested copies multiply the IR (fannkuch's: twice the instructions
 *     and compile time for no measurable gain).
 *
 * Invariant: the answers are heuristics, never trusted for semantics.
 * The emitter checks at run time that every int local a fast copy relies
 * on holds a small int (one test of the tag bits at the top of each
 * iteration) and keeps that knowledge only through stores whose value it
 * computed inline; a wrong answer here costs speed, never correctness.
 * Nested defs and classes are frames of their own and are not looked at.
 */
#include <string.h>

#include "intinfer.h"

bool infer_int_op(BinOp op) {
    switch (op) {
    case OP_ADD: case OP_SUB: case OP_MULT: case OP_FLOORDIV: case OP_MOD:
    case OP_BITAND: case OP_BITOR: case OP_BITXOR: case OP_LSHIFT: case OP_RSHIFT:
        return true;
    default: return false;
    }
}

/* ---- int locals ----------------------------------------------------------- */

typedef struct IntAssign {
    const char *name;
    const Expr *value;      /* NULL: a `for … in range(…)` target */
} IntAssign;

typedef struct Scan {
    Arena *a;
    const InferEnv *env;
    IntAssign *v;
    int n, cap;
    const char **bad;       /* bound some other way */
    int nbad, capbad;
} Scan;

static void push_name(Arena *a, const char ***v, int *n, int *cap, const char *name) {
    if (*n == *cap) {
        int c = *cap ? *cap * 2 : 16;
        const char **nv = arena_alloc(a, sizeof(char *) * (size_t)c);
        if (*n) memcpy(nv, *v, sizeof(char *) * (size_t)*n);
        *v = nv;
        *cap = c;
    }
    (*v)[(*n)++] = name;
}

static void add(Scan *s, const char *name, const Expr *value) {
    if (s->n == s->cap) {
        int c = s->cap ? s->cap * 2 : 16;
        IntAssign *nv = arena_alloc(s->a, sizeof *nv * (size_t)c);
        if (s->n) memcpy(nv, s->v, sizeof *nv * (size_t)s->n);
        s->v = nv;
        s->cap = c;
    }
    s->v[s->n++] = (IntAssign){name, value};
}

static void bad_target(Scan *s, const Expr *t) {
    switch (t->kind) {
    case E_NAME: push_name(s->a, &s->bad, &s->nbad, &s->capbad, t->u.name.id); return;
    case E_TUPLE: case E_LIST:
        for (int i = 0; i < t->u.list.elts.n; i++) bad_target(s, t->u.list.elts.v[i]);
        return;
    case E_STARRED: bad_target(s, t->u.starred.value); return;
    default: return;
    }
}

static bool is_range(const Scan *s, const Expr *x) {
    return x->kind == E_CALL && x->u.call.func->kind == E_NAME && strcmp(x->u.call.func->u.name.id, "range") == 0 &&
           !s->env->is_local(s->env->ctx, "range") && x->u.call.keywords.n == 0 && x->u.call.args.n >= 1 &&
           x->u.call.args.n <= 3;
}

static void scan_stmts(Scan *s, const StmtList *body);

static void scan_stmt(Scan *s, const Stmt *st) {
    switch (st->kind) {
    case S_ASSIGN:
        for (int i = 0; i < st->u.assign.targets.n; i++) {
            const Expr *t = st->u.assign.targets.v[i];
            if (t->kind == E_NAME) add(s, t->u.name.id, st->u.assign.value);
            else bad_target(s, t);
        }
        return;
    case S_AUGASSIGN: {
        const Expr *t = st->u.augassign.target;
        if (t->kind != E_NAME) return;
        if (!infer_int_op(st->u.augassign.op)) {
            bad_target(s, t);
            return;
        }
        Expr *x = arena_alloc(s->a, sizeof *x);
        x->kind = E_BINOP;
        x->pos = st->pos;
        x->u.binop.left = (Expr *)t;
        x->u.binop.op = st->u.augassign.op;
        x->u.binop.right = st->u.augassign.value;
        add(s, t->u.name.id, x);
        return;
    }
    case S_ANNASSIGN:
        if (st->u.annassign.target->kind == E_NAME) {
            if (st->u.annassign.value) add(s, st->u.annassign.target->u.name.id, st->u.annassign.value);
        }
        return;
    case S_FOR: case S_ASYNCFOR:
        if (st->kind == S_FOR && st->u.for_.target->kind == E_NAME && is_range(s, st->u.for_.iter))
            add(s, st->u.for_.target->u.name.id, NULL);
        else bad_target(s, st->u.for_.target);
        scan_stmts(s, &st->u.for_.body);
        scan_stmts(s, &st->u.for_.orelse);
        return;
    case S_WHILE:
        scan_stmts(s, &st->u.while_.body);
        scan_stmts(s, &st->u.while_.orelse);
        return;
    case S_IF:
        scan_stmts(s, &st->u.if_.body);
        scan_stmts(s, &st->u.if_.orelse);
        return;
    case S_WITH: case S_ASYNCWITH:
        for (int i = 0; i < st->u.with.items.n; i++)
            if (st->u.with.items.v[i]->optional_vars) bad_target(s, st->u.with.items.v[i]->optional_vars);
        scan_stmts(s, &st->u.with.body);
        return;
    case S_TRY: case S_TRYSTAR:
        scan_stmts(s, &st->u.try_.body);
        for (int i = 0; i < st->u.try_.handlers.n; i++) {
            if (st->u.try_.handlers.v[i]->name)
                push_name(s->a, &s->bad, &s->nbad, &s->capbad, st->u.try_.handlers.v[i]->name);
            scan_stmts(s, &st->u.try_.handlers.v[i]->body);
        }
        scan_stmts(s, &st->u.try_.orelse);
        scan_stmts(s, &st->u.try_.finalbody);
        return;
    case S_DELETE:
        for (int i = 0; i < st->u.del.targets.n; i++) bad_target(s, st->u.del.targets.v[i]);
        return;
    default: return; /* defs, classes, imports bind names no int expression makes */
    }
}

static void scan_stmts(Scan *s, const StmtList *body) {
    for (int i = 0; i < body->n; i++) scan_stmt(s, body->v[i]);
}

static bool in_names(const char **v, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (strcmp(v[i], name) == 0) return true;
    return false;
}

/* Is x an int expression when the names in v[0..n) are ints? */
static bool int_expr(const Scan *s, const Expr *x, const char **v, int n) {
    switch (x->kind) {
    case E_CONSTANT: return x->u.constant.kind == CONST_INT;
    case E_NAME: return in_names(v, n, x->u.name.id);
    case E_BINOP:
        return infer_int_op(x->u.binop.op) && int_expr(s, x->u.binop.left, v, n) && int_expr(s, x->u.binop.right, v, n);
    case E_UNARYOP: return x->u.unaryop.op != UOP_NOT && int_expr(s, x->u.unaryop.operand, v, n);
    case E_CALL:
        return x->u.call.func->kind == E_NAME && strcmp(x->u.call.func->u.name.id, "len") == 0 &&
               !s->env->is_local(s->env->ctx, "len") && x->u.call.args.n == 1 && x->u.call.keywords.n == 0 &&
               x->u.call.args.v[0]->kind != E_STARRED;
    default: return false;
    }
}

/* ---- parameters used as ints ------------------------------------------------ */

typedef struct Uses {
    const char **params;
    int nparams;
    bool *used;                 /* by parameter: an operand of an int operator or
                                   comparison whose other side is an int */
    const char **ints;          /* the int locals' candidates */
    int nints;
} Uses;

static bool int_side(const Uses *u, const Expr *x) {
    return (x->kind == E_CONSTANT && x->u.constant.kind == CONST_INT) ||
           (x->kind == E_NAME && in_names(u->ints, u->nints, x->u.name.id));
}

static void note_pair(Uses *u, const Expr *p, const Expr *other) {
    if (p->kind != E_NAME || !int_side(u, other)) return;
    for (int i = 0; i < u->nparams; i++)
        if (strcmp(u->params[i], p->u.name.id) == 0) u->used[i] = true;
}

static void uses_expr(Uses *u, const Expr *x);

static void uses_list(Uses *u, const ExprList *l) {
    for (int i = 0; i < l->n; i++) uses_expr(u, l->v[i]);
}

static void uses_expr(Uses *u, const Expr *x) {
    if (!x) return;
    switch (x->kind) {
    case E_BINOP:
        if (infer_int_op(x->u.binop.op)) {
            note_pair(u, x->u.binop.left, x->u.binop.right);
            note_pair(u, x->u.binop.right, x->u.binop.left);
        }
        uses_expr(u, x->u.binop.left);
        uses_expr(u, x->u.binop.right);
        return;
    case E_COMPARE:
        if (x->u.compare.n == 1 && x->u.compare.ops[0] <= CMP_GTE) {
            note_pair(u, x->u.compare.left, x->u.compare.comparators.v[0]);
            note_pair(u, x->u.compare.comparators.v[0], x->u.compare.left);
        }
        uses_expr(u, x->u.compare.left);
        uses_list(u, &x->u.compare.comparators);
        return;
    case E_BOOLOP: uses_list(u, &x->u.boolop.values); return;
    case E_UNARYOP: uses_expr(u, x->u.unaryop.operand); return;
    case E_IFEXP: uses_expr(u, x->u.ifexp.test); uses_expr(u, x->u.ifexp.body); uses_expr(u, x->u.ifexp.orelse); return;
    case E_CALL: uses_list(u, &x->u.call.args); return;
    case E_SUBSCRIPT: uses_expr(u, x->u.subscript.value); uses_expr(u, x->u.subscript.slice); return;
    case E_TUPLE: case E_LIST: uses_list(u, &x->u.list.elts); return;
    default: return;
    }
}

static void uses_stmts(Uses *u, const StmtList *l);

static void uses_stmt(Uses *u, const Stmt *s) {
    switch (s->kind) {
    case S_EXPR: uses_expr(u, s->u.expr.value); return;
    case S_ASSIGN: uses_expr(u, s->u.assign.value); return;
    case S_AUGASSIGN:
        if (infer_int_op(s->u.augassign.op)) note_pair(u, s->u.augassign.target, s->u.augassign.value);
        uses_expr(u, s->u.augassign.value);
        return;
    case S_RETURN: uses_expr(u, s->u.ret.value); return;
    case S_IF: uses_expr(u, s->u.if_.test); uses_stmts(u, &s->u.if_.body); uses_stmts(u, &s->u.if_.orelse); return;
    case S_WHILE:
        uses_expr(u, s->u.while_.test);
        uses_stmts(u, &s->u.while_.body);
        uses_stmts(u, &s->u.while_.orelse);
        return;
    case S_FOR:
        uses_expr(u, s->u.for_.iter);
        uses_stmts(u, &s->u.for_.body);
        uses_stmts(u, &s->u.for_.orelse);
        return;
    default: return;
    }
}

static void uses_stmts(Uses *u, const StmtList *l) {
    for (int i = 0; i < l->n; i++) uses_stmt(u, l->v[i]);
}

int infer_int_locals(Arena *a, const StmtList *body, const InferEnv *env, const char *const *params, int nparams,
                     const char ***names) {
    Scan s = {.a = a, .env = env};
    scan_stmts(&s, body);
    const char **v = arena_alloc(a, sizeof(char *) * (size_t)(s.n + nparams + 1));
    int n = 0;
    for (int i = 0; i < s.n; i++) {
        const char *name = s.v[i].name;
        if (in_names(v, n, name) || in_names(s.bad, s.nbad, name) || !env->is_local(env->ctx, name)) continue;
        v[n++] = name;
    }
    /* A parameter is bound by the call, so its type is anyone's guess;
     * it is a candidate when the body uses it as an int (`n % d`,
     * `i < limit`, `n - 1`) and assigns it nothing but ints. */
    if (nparams) {
        Uses u = {(const char **)params, nparams, arena_alloc(a, sizeof(bool) * (size_t)nparams), v, n};
        memset(u.used, 0, sizeof(bool) * (size_t)nparams);
        uses_stmts(&u, body);
        for (int i = 0; i < nparams; i++)
            if (u.used[i] && !in_names(v, n, params[i]) && !in_names(s.bad, s.nbad, params[i]) &&
                env->is_local(env->ctx, params[i]))
                v[n++] = params[i];
    }
    /* Greatest fixpoint: drop a name while one of its assignments is not
     * an int expression over the names still in. */
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 0; i < s.n; i++) {
            const IntAssign *x = &s.v[i];
            if (!in_names(v, n, x->name) || !x->value || int_expr(&s, x->value, v, n)) continue;
            for (int k = 0; k < n; k++)
                if (strcmp(v[k], x->name) == 0) {
                    v[k] = v[--n];
                    break;
                }
            changed = true;
        }
    }
    *names = v;
    return n;
}

/* ---- loops worth two copies ----------------------------------------------- */

enum { MAX_STMTS = 60, MAX_NODES = 600 };

typedef struct Budget {
    int stmts, nodes;
} Budget;

static bool ok_exprs(const ExprList *l, Budget *b);

static bool ok_expr(const Expr *x, Budget *b) {
    if (!x) return true;
    if (++b->nodes > MAX_NODES) return false;
    switch (x->kind) {
    case E_LAMBDA: case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: case E_GENERATOREXP:
    case E_AWAIT: case E_YIELD: case E_YIELDFROM: case E_NAMEDEXPR:
        return false;
    case E_BOOLOP: return ok_exprs(&x->u.boolop.values, b);
    case E_BINOP: return ok_expr(x->u.binop.left, b) && ok_expr(x->u.binop.right, b);
    case E_UNARYOP: return ok_expr(x->u.unaryop.operand, b);
    case E_IFEXP: return ok_expr(x->u.ifexp.test, b) && ok_expr(x->u.ifexp.body, b) && ok_expr(x->u.ifexp.orelse, b);
    case E_DICT: return ok_exprs(&x->u.dict.values, b) && ok_exprs(&x->u.dict.keys, b);
    case E_SET: return ok_exprs(&x->u.set.elts, b);
    case E_COMPARE: return ok_expr(x->u.compare.left, b) && ok_exprs(&x->u.compare.comparators, b);
    case E_CALL:
        if (!ok_expr(x->u.call.func, b) || !ok_exprs(&x->u.call.args, b)) return false;
        for (int i = 0; i < x->u.call.keywords.n; i++)
            if (!ok_expr(x->u.call.keywords.v[i]->value, b)) return false;
        return true;
    case E_FORMATTEDVALUE: return ok_expr(x->u.formatted.value, b) && ok_expr(x->u.formatted.format_spec, b);
    case E_JOINEDSTR: return ok_exprs(&x->u.joinedstr.values, b);
    case E_CONSTANT: case E_NAME: return true;
    case E_ATTRIBUTE: return ok_expr(x->u.attribute.value, b);
    case E_SUBSCRIPT: return ok_expr(x->u.subscript.value, b) && ok_expr(x->u.subscript.slice, b);
    case E_STARRED: return ok_expr(x->u.starred.value, b);
    case E_LIST: case E_TUPLE: return ok_exprs(&x->u.list.elts, b);
    case E_SLICE: return ok_expr(x->u.slice.lower, b) && ok_expr(x->u.slice.upper, b) && ok_expr(x->u.slice.step, b);
    default: return false;
    }
}

static bool ok_exprs(const ExprList *l, Budget *b) {
    for (int i = 0; i < l->n; i++)
        if (!ok_expr(l->v[i], b)) return false;
    return true;
}

static bool ok_stmts(const StmtList *body, Budget *b);

static bool ok_stmt(const Stmt *s, Budget *b) {
    if (++b->stmts > MAX_STMTS) return false;
    switch (s->kind) {
    case S_EXPR: return ok_expr(s->u.expr.value, b);
    case S_ASSIGN: return ok_exprs(&s->u.assign.targets, b) && ok_expr(s->u.assign.value, b);
    case S_AUGASSIGN: return ok_expr(s->u.augassign.target, b) && ok_expr(s->u.augassign.value, b);
    case S_IF:
        return ok_expr(s->u.if_.test, b) && ok_stmts(&s->u.if_.body, b) && ok_stmts(&s->u.if_.orelse, b);
    case S_RETURN: return ok_expr(s->u.ret.value, b);
    case S_BREAK: case S_CONTINUE: case S_PASS: return true;
    default: return false;
    }
}

static bool ok_stmts(const StmtList *body, Budget *b) {
    for (int i = 0; i < body->n; i++)
        if (!ok_stmt(body->v[i], b)) return false;
    return true;
}

bool infer_int_versionable(const Expr *test, const StmtList *body) {
    Budget b = {0, 0};
    return ok_expr(test, &b) && ok_stmts(body, &b);
}
