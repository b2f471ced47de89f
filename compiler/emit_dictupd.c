/*
 * emit_dictupd.c — counting updates of a dict in one probe:
 *
 *   d[k] += n                 d[k] = d.get(k, c) + n
 *
 * with d a plain local, k a plain local or a str/int constant, c an int
 * constant and n an int constant or a local every path has assigned.
 * The generic way hashes k and probes d twice (the read, then the
 * store) and calls dict.get through the method machinery; the counting
 * loops of text programs (word frequencies, histograms) do little else.
 *
 * What is emitted: d and k read as the generic way reads them first (the
 * same UnboundLocalError, at the same place), then one call of
 * ai_dict_add_small (objects/dict.c), which updates the entry in place
 * only when d is an exact dict, k an exact str or small int and every
 * operand and the sum small ints — then nothing the generic way would
 * run can be observed (no Python code, no error). Otherwise it returns
 * 0 having done nothing, and the statement's ordinary code runs in full
 * (`dupd.generic`): subclasses, __missing__, user __eq__/__hash__ keys,
 * big ints, floats, KeyError and its traceback are all CPython's.
 *
 * Invariants: every expression the fast way evaluates before the call is
 * a read of a local or a constant, so evaluating it again in the generic
 * way is unobservable; n is read before the probe, which the generic way
 * reads after it, so n must be a constant or a local that cannot be
 * unbound (defassign.c).
 */
#include "emit_internal.h"

#include "defassign.h"

#include <string.h>

/* A read of a function local: no side effect, an UnboundLocalError at most. */
static bool local_name(Emitter *e, const Expr *x) {
    if (x->kind != E_NAME || !e->fn || !e->fn->scope || e->fn->scope->kind != SCOPE_FUNCTION) return false;
    const Symbol *s = scope_lookup(e->fn->scope, x->u.name.id);
    return s && s->kind == SYM_LOCAL;
}

static bool small_int_const(const Expr *x) {
    return x->kind == E_CONSTANT && x->u.constant.kind == CONST_INT && !x->u.constant.big &&
           x->u.constant.ival > -((int64_t)1 << 60) && x->u.constant.ival < ((int64_t)1 << 60);
}

static bool key_ok(Emitter *e, const Expr *x) {
    if (local_name(e, x) || small_int_const(x)) return true;
    return x->kind == E_CONSTANT && x->u.constant.kind == CONST_STR;
}

static bool same_expr(const Expr *a, const Expr *b) {
    if (a->kind != b->kind) return false;
    if (a->kind == E_NAME) return strcmp(a->u.name.id, b->u.name.id) == 0;
    const Constant *p = &a->u.constant, *q = &b->u.constant;
    if (p->kind != q->kind) return false;
    if (p->kind == CONST_INT) return p->ival == q->ival;
    return p->len == q->len && memcmp(p->str, q->str, p->len) == 0;
}

/* n: read early, so it must be unable to fail or to see the update. */
static bool addend_ok(Emitter *e, const Expr *x) {
    if (small_int_const(x)) return true;
    return local_name(e, x) && defassign_bound(e->modscope->defassign, x);
}

/* The parts of a matching statement: container, key, default (NULL for
 * `+=`), addend, and the expressions the generic way reads first. */
typedef struct {
    const Expr *d, *k, *dflt, *n;
} Update;

static bool match(Emitter *e, const Stmt *s, Update *u) {
    if (s->kind == S_AUGASSIGN) {
        const Expr *t = s->u.augassign.target;
        if (s->u.augassign.op != OP_ADD || t->kind != E_SUBSCRIPT) return false;
        *u = (Update){t->u.subscript.value, t->u.subscript.slice, NULL, s->u.augassign.value};
    } else if (s->kind == S_ASSIGN && s->u.assign.targets.n == 1) {
        const Expr *t = s->u.assign.targets.v[0], *v = s->u.assign.value;
        if (t->kind != E_SUBSCRIPT || v->kind != E_BINOP || v->u.binop.op != OP_ADD) return false;
        const Expr *c = v->u.binop.left;
        if (c->kind != E_CALL || c->u.call.args.n != 2 || c->u.call.keywords.n != 0) return false;
        const Expr *f = c->u.call.func;
        if (f->kind != E_ATTRIBUTE || strcmp(f->u.attribute.attr, "get") != 0) return false;
        if (!same_expr(f->u.attribute.value, t->u.subscript.value) ||
            !same_expr(c->u.call.args.v[0], t->u.subscript.slice) || !small_int_const(c->u.call.args.v[1]))
            return false;
        /* the generic way reads the right side's d and k first */
        *u = (Update){f->u.attribute.value, c->u.call.args.v[0], c->u.call.args.v[1], v->u.binop.right};
    } else {
        return false;
    }
    return local_name(e, u->d) && key_ok(e, u->k) && addend_ok(e, u->n);
}

bool emit_dict_update(Emitter *e, const Stmt *s, void (*generic)(Emitter *, const Stmt *)) {
    Update u;
    if (!emit_block_open(e) || !match(e, s, &u)) return false;
    int line = s->pos.line;
    LLVMValueRef d = emit_expr(e, u.d);
    LLVMValueRef k = emit_expr(e, u.k);
    LLVMValueRef c = u.dflt ? emit_expr(e, u.dflt) : emit_i64(e, 0);
    LLVMValueRef n = emit_expr(e, u.n);
    LLVMValueRef r = emit_rt(e, RT_ai_dict_add_small, (LLVMValueRef[]){d, k, c, n}, 4);
    emit_check_i32(e, r, line);
    LLVMBasicBlockRef slow = emit_block(e, "dupd.generic"), done = emit_block(e, "dupd.done");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, r, LLVMConstInt(e->i32, 0, 0), ""), slow, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    generic(e, s);
    if (emit_block_open(e)) LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    return true;
}
