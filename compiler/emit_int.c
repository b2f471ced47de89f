/*
 * emit_int.c — loops with an int fast copy.
 *
 * Job: a loop body (with a while loop's test) that reads int locals
 * (intinfer.c) is emitted twice:
 *
 *   int.check    top of every iteration: the candidates — the int locals
 *                the body reads at its own level before assigning them —
 *                are loaded and their tag bits and-ed: one test.
 *   int.fast     all candidates hold small ints: statements `x = E`,
 *                `x op= E` and comparisons whose operands are pure int
 *                expressions (small int constants, locals known to hold
 *                small ints, + - * // % & | ^ << >>, unary - + ~) are
 *                computed on the tagged words with no type checks, only
 *                overflow checks (llvm.s*.with.overflow), compared with
 *                icmp; anything else is emitted the ordinary way.
 *   int.generic  the ordinary code; every statement of it at this loop's
 *                level starts a block (`int.resume`).
 *   int.deopt    an overflow, a zero divisor, a negative or large shift
 *                count in the fast copy: nothing was stored or called yet
 *                in that statement (a pure expression), so control goes
 *                to the generic copy's block for the same statement,
 *                which evaluates it again the ordinary way — big ints,
 *                ZeroDivisionError, ValueError exactly as CPython — and
 *                finishes the iteration there.
 *   int.again    a while loop's fast copy that ends with every candidate
 *                known goes back to its own start (after the safepoint
 *                poll), skipping the check.
 *
 * Invariant (what makes the fast copy right whatever intinfer.c said):
 * a local is in FnState.iv->k ("holds a small int here") only after the
 * check at the top of the iteration saw it, or after a fast store of a
 * value computed inline; any other statement that may store it (any
 * target, a nested loop, either branch of an if) takes it out. Both
 * copies share the loop's own state (counter, iterator, break and
 * continue targets), and control only moves between them at the top of
 * a statement of this loop's level. Only innermost loops get copies
 * (intinfer.c), so nothing is emitted more than twice; emit_int_plain()
 * keeps a loop emitted once inside a copy from making copies of its own.
 *
 * Why the copy rather than checks at each use: after a slow path merges
 * back, LLVM can no longer tell that a value is a small int, so every
 * later use would be checked again; with the copy, a slow path never
 * merges back into the fast one within the iteration.
 * Why tagged words rather than raw i64: the generic copy and every other
 * reader share the one slot (mem2reg keeps it in a register), and a tagged
 * add costs one `lea` more than a raw one.
 */
#include <string.h>

#include "emit_internal.h"
#include "intinfer.h"

/* Blocks nested loops see: emit them once, the ordinary way. */
static IntVer plain_iv;

/* ---- which names ------------------------------------------------------------ */

static int int_index(Emitter *e, const char *name) {
    Symbol *sym;
    Frame *f;
    if (emit_name_home(e, name, &sym, &f) != NAME_LOCAL || f != &e->fn->base) return -1;
    if (f->dflag && f->dflag[sym->index]) return -1;
    return sym->index;
}

static bool known(Emitter *e, const char *name) {
    int i = int_index(e, name);
    return i >= 0 && e->fn->iv->k[i];
}

static bool small_const(const Expr *x) {
    return x->kind == E_CONSTANT && x->u.constant.kind == CONST_INT && !x->u.constant.big &&
           x->u.constant.ival >= -((int64_t)1 << 62) && x->u.constant.ival < ((int64_t)1 << 62);
}

static bool is_atom(Emitter *e, const Expr *x) {
    return small_const(x) || (x->kind == E_NAME && known(e, x->u.name.id));
}

/* A pure int expression over known locals: evaluating it twice cannot be
 * observed. */
static bool pure(Emitter *e, const Expr *x) {
    switch (x->kind) {
    case E_CONSTANT: case E_NAME: return is_atom(e, x);
    case E_BINOP: return infer_int_op(x->u.binop.op) && pure(e, x->u.binop.left) && pure(e, x->u.binop.right);
    case E_UNARYOP: return x->u.unaryop.op != UOP_NOT && pure(e, x->u.unaryop.operand);
    default: return false;
    }
}

/* ---- the fast way --------------------------------------------------------------- */

static void deopt_if(Emitter *e, LLVMValueRef bad, LLVMBasicBlockRef deopt) {
    LLVMBasicBlockRef ok = emit_block(e, "int.ok");
    emit_br_unlikely(e, bad, deopt, ok);
    LLVMPositionBuilderAtEnd(e->b, ok);
}

static LLVMValueRef fast_val(Emitter *e, const Expr *x, LLVMBasicBlockRef deopt);

static LLVMValueRef fast_shift(Emitter *e, BinOp op, LLVMValueRef l, LLVMValueRef r, LLVMBasicBlockRef deopt) {
    LLVMValueRef one = emit_i64(e, 1);
    LLVMValueRef x = LLVMBuildAShr(e->b, l, one, "x"), n = LLVMBuildAShr(e->b, r, one, "n");
    if (op == OP_RSHIFT) {
        /* a negative count raises: the generic way says so */
        deopt_if(e, LLVMBuildICmp(e->b, LLVMIntSLT, n, emit_i64(e, 0), ""), deopt);
        LLVMValueRef big = LLVMBuildICmp(e->b, LLVMIntSGT, n, emit_i64(e, 63), "");
        LLVMValueRef c = LLVMBuildSelect(e->b, big, emit_i64(e, 63), n, "");
        return emit_box_i64(e, LLVMBuildAShr(e->b, x, c, "shr"));
    }
    deopt_if(e, LLVMBuildICmp(e->b, LLVMIntUGT, n, emit_i64(e, 62), ""), deopt);
    LLVMValueRef res = LLVMBuildShl(e->b, x, n, "shl");
    deopt_if(e, LLVMBuildICmp(e->b, LLVMIntNE, LLVMBuildAShr(e->b, res, n, ""), x, ""), deopt);
    LLVMValueRef ovf, twice = emit_overflow_op(e, "llvm.sadd.with.overflow.i64", res, res, &ovf);
    deopt_if(e, ovf, deopt);
    return LLVMBuildOr(e->b, twice, one, "");
}

/* x's value as a tagged small int; anything that does not fit branches to
 * deopt. Operands are evaluated left to right, as CPython does. */
static LLVMValueRef fast_val(Emitter *e, const Expr *x, LLVMBasicBlockRef deopt) {
    switch (x->kind) {
    case E_CONSTANT: return emit_i64(e, x->u.constant.ival * 2 + 1);
    case E_NAME: return LLVMBuildLoad2(e->b, e->i64, e->fn->base.slots[int_index(e, x->u.name.id)],
                                       x->u.name.id);
    case E_UNARYOP: {
        LLVMValueRef v = fast_val(e, x->u.unaryop.operand, deopt);
        if (x->u.unaryop.op == UOP_UADD) return v;
        if (x->u.unaryop.op == UOP_INVERT) return LLVMBuildSub(e->b, emit_i64(e, 0), v, "inv");  /* ~n: -(2n+1) */
        LLVMValueRef ovf, r = emit_overflow_op(e, "llvm.ssub.with.overflow.i64", emit_i64(e, 2), v, &ovf);
        deopt_if(e, ovf, deopt);
        return r;
    }
    case E_BINOP: {
        LLVMValueRef l = fast_val(e, x->u.binop.left, deopt), r = fast_val(e, x->u.binop.right, deopt);
        BinOp op = x->u.binop.op;
        if (op == OP_LSHIFT || op == OP_RSHIFT) return fast_shift(e, op, l, r, deopt);
        LLVMValueRef ovf, v = emit_small_binop(e, op, l, r, &ovf);
        deopt_if(e, ovf, deopt);
        return v;
    }
    default: return NULL;
    }
}

static LLVMIntPredicate pred(CmpOp op) {
    switch (op) {
    case CMP_EQ: return LLVMIntEQ;
    case CMP_NOTEQ: return LLVMIntNE;
    case CMP_LT: return LLVMIntSLT;
    case CMP_LTE: return LLVMIntSLE;
    case CMP_GT: return LLVMIntSGT;
    default: return LLVMIntSGE;
    }
}

/* `a % b == 0` with a variable b: floor or truncated remainder are zero
 * together, so the truncated one (srem) is tested and Python's sign
 * correction is skipped. A zero b deopts (ZeroDivisionError); min % -1
 * cannot trap since small ints have 62 bits. NULL: not that shape (a
 * constant b is already cheap: emit_intdiv.c). */
static LLVMValueRef mod_is_zero(Emitter *e, const Expr *l, const Expr *r, LLVMBasicBlockRef deopt) {
    if (!(small_const(r) && r->u.constant.ival == 0)) {
        const Expr *t = l;
        l = r;
        r = t;
        if (!(small_const(r) && r->u.constant.ival == 0)) return NULL;
    }
    if (l->kind != E_BINOP || l->u.binop.op != OP_MOD || small_const(l->u.binop.right) || !pure(e, l)) return NULL;
    LLVMValueRef a = fast_val(e, l->u.binop.left, deopt), b = fast_val(e, l->u.binop.right, deopt);
    LLVMValueRef one = emit_i64(e, 1), zero = emit_i64(e, 0);
    LLVMValueRef y = LLVMBuildAShr(e->b, b, one, "y");
    deopt_if(e, LLVMBuildICmp(e->b, LLVMIntEQ, y, zero, ""), deopt);
    LLVMValueRef m = LLVMBuildSRem(e->b, LLVMBuildAShr(e->b, a, one, "x"), y, "m");
    return LLVMBuildICmp(e->b, LLVMIntEQ, m, zero, "int.modz");
}

/* A condition on the fast way, or NULL (then emit_cond). *clean: nothing
 * was evaluated the ordinary way yet, so a deopt may still go back to
 * the start of the statement. */
static LLVMValueRef fast_cond(Emitter *e, const Expr *x, LLVMBasicBlockRef deopt, bool *clean) {
    if (x->kind == E_UNARYOP && x->u.unaryop.op == UOP_NOT) {
        LLVMValueRef c = fast_cond(e, x->u.unaryop.operand, deopt, clean);
        return c ? LLVMBuildNot(e->b, c, "not") : NULL;
    }
    if (x->kind == E_BOOLOP) {
        bool is_and = x->u.boolop.op == BOOL_AND;
        LLVMBasicBlockRef done = emit_block(e, is_and ? "int.and" : "int.or");
        LLVMValueRef phi_vals[64];
        LLVMBasicBlockRef phi_bbs[64];
        int n = x->u.boolop.values.n;
        if (n > 64) return NULL;
        for (int i = 0; i < n; i++) {
            const Expr *v = x->u.boolop.values.v[i];
            LLVMValueRef c = *clean ? fast_cond(e, v, deopt, clean) : NULL;
            if (!c) {
                c = emit_cond(e, v);
                *clean = false;
            }
            phi_vals[i] = c;
            phi_bbs[i] = LLVMGetInsertBlock(e->b);
            if (i == n - 1) {
                LLVMBuildBr(e->b, done);
            } else {
                LLVMBasicBlockRef next = emit_block(e, "int.next");
                if (is_and) LLVMBuildCondBr(e->b, c, next, done);
                else LLVMBuildCondBr(e->b, c, done, next);
                LLVMPositionBuilderAtEnd(e->b, next);
            }
        }
        LLVMPositionBuilderAtEnd(e->b, done);
        LLVMValueRef phi = LLVMBuildPhi(e->b, e->i1, "");
        LLVMAddIncoming(phi, phi_vals, phi_bbs, (unsigned)n);
        return phi;
    }
    if (x->kind != E_COMPARE || x->u.compare.n != 1 || x->u.compare.ops[0] > CMP_GTE) return NULL;
    const Expr *l = x->u.compare.left, *r = x->u.compare.comparators.v[0];
    CmpOp op = x->u.compare.ops[0];
    if (*clean && (op == CMP_EQ || op == CMP_NOTEQ)) {
        LLVMValueRef z = mod_is_zero(e, l, r, deopt);
        if (z) return op == CMP_EQ ? z : LLVMBuildNot(e->b, z, "");
    }
    bool lp = pure(e, l), rp = pure(e, r);
    /* a side that may deopt must be evaluated while nothing else ran */
    bool lfast = lp && (*clean || is_atom(e, l));
    bool rfast = rp && ((lfast && *clean) || is_atom(e, r));
    if (!lfast && !rfast) return NULL;
    if (!lfast && !is_atom(e, r)) return NULL;
    LLVMValueRef lv, rv;
    if (lfast) lv = fast_val(e, l, deopt);
    else {
        lv = emit_expr(e, l);
        *clean = false;
    }
    if (rfast) rv = fast_val(e, r, deopt);
    else {
        rv = emit_expr(e, r);
        *clean = false;
    }
    lp = lfast;
    rp = rfast;
    if (lp && rp) return LLVMBuildICmp(e->b, pred(op), lv, rv, "int.cmp");
    /* one side is known: check the other's tag only */
    LLVMValueRef other = lp ? rv : lv;
    LLVMBasicBlockRef fast = emit_block(e, "int.cmp1"), slow = emit_block(e, "int.cmpslow"),
                      join = emit_block(e, "int.cmpd");
    LLVMValueRef small = LLVMBuildICmp(e->b, LLVMIntNE, LLVMBuildAnd(e->b, other, emit_i64(e, 1), ""),
                                       emit_i64(e, 0), "");
    emit_br_likely(e, small, fast, slow);
    LLVMPositionBuilderAtEnd(e->b, fast);
    LLVMValueRef fres = LLVMBuildICmp(e->b, pred(op), lv, rv, "int.cmp");
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef sres = emit_compare_cond(e, op, lv, rv, x->pos.line);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, join);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i1, "");
    LLVMAddIncoming(phi, (LLVMValueRef[]){fres, sres}, (LLVMBasicBlockRef[]){fast, slow_end}, 2);
    return phi;
}

/* ---- resume points and forgetting ---------------------------------------------- */

static LLVMBasicBlockRef resume_of(IntVer *iv, const Stmt *s) {
    for (int i = iv->nr - 1; i >= 0; i--)
        if (iv->rs[i] == s) return iv->rb[i];
    return NULL;
}

void emit_int_resume_point(Emitter *e, const Stmt *s) {
    IntVer *iv = e->fn->iv;
    LLVMBasicBlockRef bb = emit_block(e, "int.resume");
    if (emit_block_open(e)) LLVMBuildBr(e->b, bb);
    LLVMPositionBuilderAtEnd(e->b, bb);
    if (iv->nr == iv->capr) {
        int c = iv->capr ? iv->capr * 2 : 16;
        const Stmt **rs = arena_alloc(e->arena, sizeof *rs * (size_t)c);
        LLVMBasicBlockRef *rb = arena_alloc(e->arena, sizeof *rb * (size_t)c);
        if (iv->nr) {
            memcpy(rs, iv->rs, sizeof *rs * (size_t)iv->nr);
            memcpy(rb, iv->rb, sizeof *rb * (size_t)iv->nr);
        }
        iv->rs = rs;
        iv->rb = rb;
        iv->capr = c;
    }
    iv->rs[iv->nr] = s;
    iv->rb[iv->nr++] = bb;
}

static void forget_target(Emitter *e, const Expr *t) {
    switch (t->kind) {
    case E_NAME: {
        int i = int_index(e, t->u.name.id);
        if (i >= 0) e->fn->iv->k[i] = 0;
        return;
    }
    case E_TUPLE: case E_LIST:
        for (int i = 0; i < t->u.list.elts.n; i++) forget_target(e, t->u.list.elts.v[i]);
        return;
    case E_STARRED: forget_target(e, t->u.starred.value); return;
    default: return;
    }
}

static void forget_stmts(Emitter *e, const StmtList *l);

/* s was emitted the ordinary way in the fast copy: whatever it may store
 * is no longer known. (Versionable bodies bind names only through these
 * targets: intinfer.c turns away walrus, del, with, try, imports.) */
void emit_int_forget(Emitter *e, const Stmt *s) {
    switch (s->kind) {
    case S_ASSIGN:
        for (int i = 0; i < s->u.assign.targets.n; i++) forget_target(e, s->u.assign.targets.v[i]);
        return;
    case S_AUGASSIGN: forget_target(e, s->u.augassign.target); return;
    case S_ANNASSIGN: forget_target(e, s->u.annassign.target); return;
    case S_FOR: case S_ASYNCFOR:
        forget_target(e, s->u.for_.target);
        forget_stmts(e, &s->u.for_.body);
        forget_stmts(e, &s->u.for_.orelse);
        return;
    case S_WHILE:
        forget_stmts(e, &s->u.while_.body);
        forget_stmts(e, &s->u.while_.orelse);
        return;
    case S_IF:
        forget_stmts(e, &s->u.if_.body);
        forget_stmts(e, &s->u.if_.orelse);
        return;
    default: return;
    }
}

static void forget_stmts(Emitter *e, const StmtList *l) {
    for (int i = 0; i < l->n; i++) emit_int_forget(e, l->v[i]);
}

/* ---- statements of the fast copy --------------------------------------------- */

static void fast_stmts(Emitter *e, const StmtList *l) {
    emit_stmts(e, l);
}

bool emit_int_stmt(Emitter *e, const Stmt *s) {
    IntVer *iv = e->fn->iv;
    LLVMBasicBlockRef resume = resume_of(iv, s);
    if (!resume) return false;
    const Expr *t = NULL, *v = NULL;
    BinOp op = OP_ADD;
    bool aug = false;
    switch (s->kind) {
    case S_ASSIGN:
        if (s->u.assign.targets.n != 1) return false;
        t = s->u.assign.targets.v[0];
        v = s->u.assign.value;
        break;
    case S_AUGASSIGN:
        t = s->u.augassign.target;
        v = s->u.augassign.value;
        op = s->u.augassign.op;
        aug = true;
        if (t->kind != E_NAME || !infer_int_op(op) || !known(e, t->u.name.id)) return false;
        break;
    case S_IF: {
        e->fn->cur_line = s->pos.line;
        emit_debug_loc(e, s->pos);
        bool clean = true;
        LLVMValueRef c = fast_cond(e, s->u.if_.test, resume, &clean);
        if (!c) c = emit_cond(e, s->u.if_.test);
        LLVMBasicBlockRef then_bb = emit_block(e, "then"), after = emit_block(e, "endif");
        LLVMBasicBlockRef else_bb = s->u.if_.orelse.n ? emit_block(e, "else") : after;
        LLVMBuildCondBr(e->b, c, then_bb, else_bb);
        int n = e->fn->base.scope->nsyms;
        unsigned char *k0 = arena_alloc(e->arena, (size_t)n + 1), *k1 = arena_alloc(e->arena, (size_t)n + 1);
        memcpy(k0, iv->k, (size_t)n);
        LLVMPositionBuilderAtEnd(e->b, then_bb);
        fast_stmts(e, &s->u.if_.body);
        bool then_open = emit_block_open(e);
        if (then_open) LLVMBuildBr(e->b, after);
        memcpy(k1, iv->k, (size_t)n);
        memcpy(iv->k, k0, (size_t)n);
        bool else_open = true;
        if (s->u.if_.orelse.n) {
            LLVMPositionBuilderAtEnd(e->b, else_bb);
            fast_stmts(e, &s->u.if_.orelse);
            else_open = emit_block_open(e);
            if (else_open) LLVMBuildBr(e->b, after);
        }
        /* known after the if: known at the end of every way that reaches it */
        for (int i = 0; i < n; i++) {
            if (!then_open) continue;
            iv->k[i] = else_open ? (unsigned char)(iv->k[i] && k1[i]) : k1[i];
        }
        LLVMPositionBuilderAtEnd(e->b, after);
        return true;
    }
    default: return false;
    }
    if (t->kind != E_NAME) return false;
    int ti = int_index(e, t->u.name.id);
    if (ti < 0 || !pure(e, v)) return false;
    e->fn->cur_line = s->pos.line;
    emit_debug_loc(e, s->pos);
    LLVMValueRef val;
    if (aug) {
        Expr *x = arena_alloc(e->arena, sizeof *x);
        x->kind = E_BINOP;
        x->pos = s->pos;
        x->u.binop.left = (Expr *)t;
        x->u.binop.op = op;
        x->u.binop.right = (Expr *)v;
        val = fast_val(e, x, resume);
    } else {
        val = fast_val(e, v, resume);
    }
    emit_store_name(e, t->u.name.id, val, t->pos);
    iv->k[ti] = 1;
    return true;
}

/* ---- the loop ------------------------------------------------------------------- */

typedef struct Reads {
    Emitter *e;
    int *cand;      /* symbol indexes */
    int n;
    unsigned char *seen, *assigned;
} Reads;

static void reads_expr(Reads *r, const Expr *x);

static void reads_list(Reads *r, const ExprList *l) {
    for (int i = 0; i < l->n; i++) reads_expr(r, l->v[i]);
}

static void reads_expr(Reads *r, const Expr *x) {
    if (!x) return;
    switch (x->kind) {
    case E_NAME: {
        if (x->u.name.ctx != CTX_LOAD) return;
        int i = int_index(r->e, x->u.name.id);
        if (i < 0 || r->seen[i]) return;
        r->seen[i] = 1;
        if (!r->assigned[i] && r->e->fn->base.intloc && r->e->fn->base.intloc[i]) r->cand[r->n++] = i;
        return;
    }
    case E_BOOLOP: reads_list(r, &x->u.boolop.values); return;
    case E_BINOP: reads_expr(r, x->u.binop.left); reads_expr(r, x->u.binop.right); return;
    case E_UNARYOP: reads_expr(r, x->u.unaryop.operand); return;
    case E_IFEXP: reads_expr(r, x->u.ifexp.test); reads_expr(r, x->u.ifexp.body); reads_expr(r, x->u.ifexp.orelse); return;
    case E_DICT: reads_list(r, &x->u.dict.keys); reads_list(r, &x->u.dict.values); return;
    case E_SET: reads_list(r, &x->u.set.elts); return;
    case E_COMPARE: reads_expr(r, x->u.compare.left); reads_list(r, &x->u.compare.comparators); return;
    case E_CALL:
        reads_expr(r, x->u.call.func);
        reads_list(r, &x->u.call.args);
        for (int i = 0; i < x->u.call.keywords.n; i++) reads_expr(r, x->u.call.keywords.v[i]->value);
        return;
    case E_FORMATTEDVALUE: reads_expr(r, x->u.formatted.value); reads_expr(r, x->u.formatted.format_spec); return;
    case E_JOINEDSTR: reads_list(r, &x->u.joinedstr.values); return;
    case E_ATTRIBUTE: reads_expr(r, x->u.attribute.value); return;
    case E_SUBSCRIPT: reads_expr(r, x->u.subscript.value); reads_expr(r, x->u.subscript.slice); return;
    case E_STARRED: reads_expr(r, x->u.starred.value); return;
    case E_LIST: case E_TUPLE: reads_list(r, &x->u.list.elts); return;
    case E_SLICE: reads_expr(r, x->u.slice.lower); reads_expr(r, x->u.slice.upper); reads_expr(r, x->u.slice.step); return;
    default: return;
    }
}

static void reads_stmts(Reads *r, const StmtList *l, bool top);

/* The int locals read at this loop's level (nested loops check their
 * own); a top-level `x = E` before any read of x assigns x first, so x
 * is not checked (it is unbound on the first iteration). */
static void reads_stmt(Reads *r, const Stmt *s, bool top) {
    switch (s->kind) {
    case S_EXPR: reads_expr(r, s->u.expr.value); return;
    case S_ASSIGN:
        reads_expr(r, s->u.assign.value);
        for (int i = 0; i < s->u.assign.targets.n; i++) {
            const Expr *t = s->u.assign.targets.v[i];
            if (t->kind == E_NAME) {
                int k = int_index(r->e, t->u.name.id);
                if (top && k >= 0 && !r->seen[k]) r->assigned[k] = 1;
            } else {
                reads_expr(r, t);
            }
        }
        return;
    case S_AUGASSIGN: {
        const Expr *t = s->u.augassign.target;
        if (t->kind == E_NAME) {
            Expr load = *t;
            load.u.name.ctx = CTX_LOAD;
            reads_expr(r, &load);
        } else {
            reads_expr(r, t);
        }
        reads_expr(r, s->u.augassign.value);
        return;
    }
    case S_IF:
        reads_expr(r, s->u.if_.test);
        reads_stmts(r, &s->u.if_.body, false);
        reads_stmts(r, &s->u.if_.orelse, false);
        return;
    case S_FOR: reads_expr(r, s->u.for_.iter); return;
    case S_RETURN: reads_expr(r, s->u.ret.value); return;
    default: return;
    }
}

static void reads_stmts(Reads *r, const StmtList *l, bool top) {
    for (int i = 0; i < l->n; i++) reads_stmt(r, l->v[i], top);
}

/* Would the fast copy compute something inline: x is a pure int
 * expression once the int locals it reads are known? */
static bool shaped(Emitter *e, const Expr *x) {
    switch (x->kind) {
    case E_CONSTANT: return small_const(x);
    case E_NAME: {
        int i = int_index(e, x->u.name.id);
        return i >= 0 && e->fn->base.intloc && e->fn->base.intloc[i];
    }
    case E_BINOP: return infer_int_op(x->u.binop.op) && shaped(e, x->u.binop.left) && shaped(e, x->u.binop.right);
    case E_UNARYOP: return x->u.unaryop.op != UOP_NOT && shaped(e, x->u.unaryop.operand);
    default: return false;
    }
}

static bool worth_cond(Emitter *e, const Expr *x) {
    if (!x) return false;
    if (x->kind == E_UNARYOP && x->u.unaryop.op == UOP_NOT) return worth_cond(e, x->u.unaryop.operand);
    if (x->kind == E_BOOLOP) {
        for (int i = 0; i < x->u.boolop.values.n; i++)
            if (worth_cond(e, x->u.boolop.values.v[i])) return true;
        return false;
    }
    return x->kind == E_COMPARE && x->u.compare.n == 1 && x->u.compare.ops[0] <= CMP_GTE &&
           (shaped(e, x->u.compare.left) || shaped(e, x->u.compare.comparators.v[0]));
}

/* Does the body (at this loop's level) hold an int statement or an int
 * comparison? A loop that only reads int locals (`s += f(i) * u[j]`)
 * would pay the check and the second copy for nothing. */
static bool worth(Emitter *e, const StmtList *l) {
    for (int i = 0; i < l->n; i++) {
        const Stmt *s = l->v[i];
        switch (s->kind) {
        case S_ASSIGN:
            if (s->u.assign.targets.n == 1 && s->u.assign.targets.v[0]->kind == E_NAME &&
                s->u.assign.value->kind != E_CONSTANT && shaped(e, s->u.assign.value))
                return true;
            break;
        case S_AUGASSIGN:
            if (s->u.augassign.target->kind == E_NAME && infer_int_op(s->u.augassign.op) &&
                shaped(e, s->u.augassign.target) && shaped(e, s->u.augassign.value))
                return true;
            break;
        case S_IF:
            if (worth_cond(e, s->u.if_.test) || worth(e, &s->u.if_.body) || worth(e, &s->u.if_.orelse)) return true;
            break;
        default: break;
        }
    }
    return false;
}

bool emit_int_body(Emitter *e, const Expr *test, const StmtList *body, LLVMBasicBlockRef test_false, int line) {
    FnState *fn = e->fn;
    if (fn->cold || !fn->def || fn->frame != &fn->base || !fn->base.intloc || (fn->iv && !fn->iv->fast) ||
        fn->fret_out || !infer_int_versionable(test, body))
        return false;
    int nsyms = fn->base.scope->nsyms;
    Reads r = {e, arena_alloc(e->arena, sizeof(int) * (size_t)(nsyms + 1)), 0,
               arena_alloc(e->arena, (size_t)nsyms + 1), arena_alloc(e->arena, (size_t)nsyms + 1)};
    memset(r.seen, 0, (size_t)nsyms + 1);
    memset(r.assigned, 0, (size_t)nsyms + 1);
    reads_expr(&r, test);
    reads_stmts(&r, body, true);
    if (r.n == 0 || !(worth_cond(e, test) || worth(e, body))) return false;

    IntVer *outer = fn->iv;
    IntVer iv = {.fast = false, .recording = true, .outer = outer};
    iv.k = arena_alloc(e->arena, (size_t)nsyms + 1);
    memset(iv.k, 0, (size_t)nsyms + 1);

    /* int.check: one test of the candidates' tag bits */
    LLVMValueRef acc = NULL;
    for (int i = 0; i < r.n; i++) {
        LLVMValueRef v = LLVMBuildLoad2(e->b, e->i64, fn->base.slots[r.cand[i]], "");
        acc = acc ? LLVMBuildAnd(e->b, acc, v, "") : v;
    }
    LLVMValueRef small = LLVMBuildICmp(e->b, LLVMIntNE, LLVMBuildAnd(e->b, acc, emit_i64(e, 1), ""),
                                       emit_i64(e, 0), "int.check");
    LLVMBasicBlockRef fast_bb = emit_block(e, "int.fast"), gen_bb = emit_block(e, "int.generic"),
                      join = emit_block(e, "int.join");
    emit_br_likely(e, small, fast_bb, gen_bb);

    /* the generic copy first: the fast copy's deopts go to its blocks */
    fn->iv = &iv;
    LLVMPositionBuilderAtEnd(e->b, gen_bb);
    if (test) {
        LLVMBasicBlockRef gbody = emit_block(e, "int.gbody");
        LLVMBuildCondBr(e->b, emit_cond(e, test), gbody, test_false);
        LLVMPositionBuilderAtEnd(e->b, gbody);
    }
    emit_stmts(e, body);
    if (emit_block_open(e)) LLVMBuildBr(e->b, join);

    iv.fast = true;
    iv.recording = false;
    for (int i = 0; i < r.n; i++) iv.k[r.cand[i]] = 1;
    LLVMPositionBuilderAtEnd(e->b, fast_bb);
    if (test) {
        bool clean = true;
        LLVMValueRef c = fast_cond(e, test, gen_bb, &clean);
        if (!c) c = emit_cond(e, test);
        LLVMBasicBlockRef fbody = emit_block(e, "int.fbody");
        LLVMBuildCondBr(e->b, c, fbody, test_false);
        LLVMPositionBuilderAtEnd(e->b, fbody);
    }
    emit_stmts(e, body);
    if (emit_block_open(e)) {
        /* a while loop whose fast copy ends with every candidate known
         * (no overflow left it): the next iteration needs no check */
        bool all = test != NULL;
        for (int i = 0; i < r.n && all; i++) all = iv.k[r.cand[i]];
        if (all) {
            LLVMBasicBlockRef again = emit_block(e, "int.again");
            LLVMBuildBr(e->b, again);
            LLVMPositionBuilderAtEnd(e->b, again);
            emit_safepoint(e, line);
            LLVMBuildBr(e->b, fast_bb);
        } else {
            LLVMBuildBr(e->b, join);
        }
    }
    fn->iv = outer;
    LLVMPositionBuilderAtEnd(e->b, join);
    return true;
}

IntVer *emit_int_plain(void) { return &plain_iv; }

void emit_frame_ints(Emitter *e, Frame *f, const FuncDef *fd) {
    const char **names;
    InferEnv env = {emit_is_plain_local, emit_is_float_call, e};
    const char **params = arena_alloc(e->arena, sizeof(char *) * (size_t)(fd->nslots + 1));
    for (int i = 0; i < fd->nslots; i++) params[i] = fd->params[i]->name;
    int n = infer_int_locals(e->arena, fd->body, &env, params, fd->nslots, &names);
    for (int i = 0; i < n; i++) {
        Symbol *sym = scope_lookup(f->scope, names[i]);
        if (!sym || sym->kind != SYM_LOCAL) continue;
        if (!f->intloc) {
            f->intloc = arena_alloc(e->arena, (size_t)f->scope->nsyms + 1);
            memset(f->intloc, 0, (size_t)f->scope->nsyms + 1);
        }
        f->intloc[sym->index] = 1;
    }
}
