/*
 * emit_float.c — float trees on unboxed doubles.
 *
 * infer.c decides which arithmetic expressions are float trees and which
 * of their leaves must be floats at run time. For such a tree this file
 * emits two ways:
 *
 *   ftree.fast  load each leaf (a local's slot, unchecked), check it (a
 *               float object; or, where allowed, a small int within
 *               2**53), compute every operator on doubles, box only the
 *               result (emit_float_tree) or compare the two sides'
 *               doubles (emit_float_compare: no box at all);
 *   ftree.slow  any failed check (an unbound local, another type, a zero
 *               divisor) branches here: the expression is emitted again
 *               the generic way (tagged ints, big ints, user operators,
 *               CPython's exceptions), with float trees switched off.
 *
 * The block names show in --emit-llvm; a tree of n operators costs one
 * allocation on the fast way instead of n.
 */
#include <string.h>

#include "aithon_rt.h"
#include "emit_internal.h"
#include "infer.h"

static LLVMValueRef type_word(Emitter *e, const char *sym) {
    LLVMValueRef g = LLVMGetNamedGlobal(e->m, sym);
    if (!g) g = LLVMAddGlobal(e->m, e->i64, sym);
    return emit_ptr_value(e, g);
}

static bool is_plain_local(void *ctx, const char *name) {
    Emitter *e = ctx;
    Symbol *sym;
    Frame *f;
    return emit_name_home(e, name, &sym, &f) == NAME_LOCAL;
}

static LLVMValueRef local_slot(Emitter *e, const char *name) {
    Symbol *sym;
    Frame *f;
    emit_name_home(e, name, &sym, &f);
    return f->slots[sym->index];
}

/* The double of leaf v (an ai_value), or a branch to slow: a float, or
 * when !need_float a small int n with |n| < 2**53. */
static LLVMValueRef leaf_double(Emitter *e, LLVMValueRef v, bool need_float, LLVMBasicBlockRef slow) {
    LLVMBasicBlockRef obj = emit_block(e, "ftree.obj"), flt = emit_block(e, "ftree.flt"),
                      join = emit_block(e, "ftree.leaf");
    LLVMValueRef is_int = LLVMBuildTrunc(e->b, v, e->i1, "");
    LLVMBasicBlockRef from_int = NULL;
    LLVMValueRef di = NULL;
    if (need_float) {
        LLVMBasicBlockRef nz = emit_block(e, "ftree.nz");
        LLVMBuildCondBr(e->b, is_int, slow, nz);
        LLVMPositionBuilderAtEnd(e->b, nz);
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, v, emit_i64(e, 0), ""), slow, obj);
    } else {
        LLVMBasicBlockRef as_int = emit_block(e, "ftree.int"), nz = emit_block(e, "ftree.nz");
        LLVMBuildCondBr(e->b, is_int, as_int, nz);
        LLVMPositionBuilderAtEnd(e->b, nz);
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, v, emit_i64(e, 0), ""), slow, obj);
        LLVMPositionBuilderAtEnd(e->b, as_int);
        LLVMValueRef n = LLVMBuildAShr(e->b, v, emit_i64(e, 1), "");
        LLVMValueRef exact = LLVMBuildICmp(e->b, LLVMIntULT, LLVMBuildAdd(e->b, n, emit_i64(e, INT64_C(1) << 53), ""),
                                           emit_i64(e, INT64_C(1) << 54), "");
        LLVMBasicBlockRef ok = emit_block(e, "ftree.intok");
        LLVMBuildCondBr(e->b, exact, ok, slow);
        LLVMPositionBuilderAtEnd(e->b, ok);
        di = LLVMBuildSIToFP(e->b, n, e->f64, "");
        from_int = ok;
        LLVMBuildBr(e->b, join);
    }
    LLVMPositionBuilderAtEnd(e->b, obj);
    LLVMValueRef p = LLVMBuildIntToPtr(e->b, v, e->ptr, "");
    LLVMValueRef hdr = LLVMBuildAnd(e->b, LLVMBuildLoad2(e->b, e->i64, p, "hdr"), emit_i64(e, ~INT64_C(7)), "");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, hdr, emit_float_type_word(e), ""), flt, slow);
    LLVMPositionBuilderAtEnd(e->b, flt);
    LLVMValueRef df = LLVMBuildLoad2(e->b, e->f64, LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, 8)}, 1, ""), "");
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, join);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->f64, "fleaf");
    if (from_int) LLVMAddIncoming(phi, (LLVMValueRef[]){di, df}, (LLVMBasicBlockRef[]){from_int, flt}, 2);
    else LLVMAddIncoming(phi, &df, &flt, 1);
    return phi;
}

/* item k of the exact list or tuple in local `c` (k a local or an int
 * constant), or a branch to slow: no code with an effect runs. */
static LLVMValueRef subscript_leaf(Emitter *e, const Expr *x, LLVMBasicBlockRef slow) {
    const Expr *c = x->u.subscript.value, *k = x->u.subscript.slice;
    LLVMValueRef cv = LLVMBuildLoad2(e->b, e->i64, local_slot(e, c->u.name.id), c->u.name.id);
    LLVMValueRef kv = k->kind == E_NAME ? LLVMBuildLoad2(e->b, e->i64, local_slot(e, k->u.name.id), k->u.name.id)
                                        : emit_i64(e, (int64_t)((uint64_t)k->u.constant.ival << 1) | 1);
    if (k->kind == E_CONSTANT && (k->u.constant.ival > (INT64_C(1) << 61) || k->u.constant.ival < -(INT64_C(1) << 61)))
        kv = emit_i64(e, 0); /* not a small int: the generic way */
    LLVMBasicBlockRef obj = emit_block(e, "ftree.sobj"), nl = emit_block(e, "ftree.snl"), lst = emit_block(e, "ftree.slist"),
                      tup = emit_block(e, "ftree.stuple"), idx = emit_block(e, "ftree.sidx"), ok = emit_block(e, "ftree.sok");
    /* a heap object (not 0, not a small int) and a small-int index */
    LLVMValueRef good = LLVMBuildAnd(e->b, LLVMBuildICmp(e->b, LLVMIntNE, cv, emit_i64(e, 0), ""),
                                     LLVMBuildAnd(e->b, LLVMBuildNot(e->b, LLVMBuildTrunc(e->b, cv, e->i1, ""), ""),
                                                  LLVMBuildTrunc(e->b, kv, e->i1, ""), ""), "");
    LLVMBuildCondBr(e->b, good, obj, slow);
    LLVMPositionBuilderAtEnd(e->b, obj);
    LLVMValueRef p = LLVMBuildIntToPtr(e->b, cv, e->ptr, "");
    LLVMValueRef t = LLVMBuildAnd(e->b, LLVMBuildLoad2(e->b, e->i64, p, "hdr"), emit_i64(e, ~INT64_C(7)), "");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, t, type_word(e, "ai_list_type"), ""), lst, nl);
    LLVMPositionBuilderAtEnd(e->b, nl);
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, t, type_word(e, "ai_tuple_type"), ""), tup, slow);
    /* ai_list { hdr, len, cap, items* }; ai_tuple { hdr, len, items[] } */
    LLVMPositionBuilderAtEnd(e->b, lst);
    LLVMValueRef litems = LLVMBuildLoad2(e->b, e->ptr, LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, 24)}, 1, ""), "");
    LLVMBuildBr(e->b, idx);
    LLVMPositionBuilderAtEnd(e->b, tup);
    LLVMValueRef titems = LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, 16)}, 1, "");
    LLVMBuildBr(e->b, idx);
    LLVMPositionBuilderAtEnd(e->b, idx);
    LLVMValueRef items = LLVMBuildPhi(e->b, e->ptr, "");
    LLVMAddIncoming(items, (LLVMValueRef[]){litems, titems}, (LLVMBasicBlockRef[]){lst, tup}, 2);
    LLVMValueRef len = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, 8)}, 1, ""), "len");
    LLVMValueRef i = LLVMBuildAShr(e->b, kv, emit_i64(e, 1), "");
    i = LLVMBuildSelect(e->b, LLVMBuildICmp(e->b, LLVMIntSLT, i, emit_i64(e, 0), ""), LLVMBuildAdd(e->b, i, len, ""), i, "");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntULT, i, len, ""), ok, slow);
    LLVMPositionBuilderAtEnd(e->b, ok);
    return LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, items, &i, 1, ""), "item");
}

/* local.name through a hit of an attribute cache (ai_getattr_peek runs
 * no getter), or a branch to slow. */
static LLVMValueRef attribute_leaf(Emitter *e, const Expr *x, LLVMBasicBlockRef slow) {
    const Expr *o = x->u.attribute.value;
    LLVMValueRef ov = LLVMBuildLoad2(e->b, e->i64, local_slot(e, o->u.name.id), o->u.name.id);
    LLVMTypeRef t = LLVMArrayType2(e->i64, AI_ATTR_IC_WAYS);
    LLVMValueRef cache = LLVMAddGlobal(e->m, t, "pcache");
    LLVMSetInitializer(cache, LLVMConstNull(t));
    LLVMSetLinkage(cache, LLVMPrivateLinkage);
    LLVMSetAlignment(cache, 8);
    const char *name = x->u.attribute.attr;
    LLVMValueRef v = emit_rt(e, RT_ai_getattr_peek, (LLVMValueRef[]){ov, emit_const_str(e, name, strlen(name)), cache}, 3);
    LLVMBasicBlockRef ok = emit_block(e, "ftree.aok");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, v, emit_i64(e, 0), ""), slow, ok);
    LLVMPositionBuilderAtEnd(e->b, ok);
    return v;
}

/* The tree's value as a double (fast way); failed checks go to slow. */
static LLVMValueRef tree_double(Emitter *e, const FloatTree *t, const Expr *x, LLVMBasicBlockRef slow) {
    switch (x->kind) {
    case E_CONSTANT:
        return LLVMConstReal(e->f64, x->u.constant.kind == CONST_FLOAT ? x->u.constant.fval : (double)x->u.constant.ival);
    case E_NAME: {
        LLVMValueRef v = LLVMBuildLoad2(e->b, e->i64, local_slot(e, x->u.name.id), x->u.name.id);
        return leaf_double(e, v, infer_leaf_needs_float(t, x), slow);
    }
    case E_SUBSCRIPT: return leaf_double(e, subscript_leaf(e, x, slow), infer_leaf_needs_float(t, x), slow);
    case E_ATTRIBUTE: return leaf_double(e, attribute_leaf(e, x, slow), infer_leaf_needs_float(t, x), slow);
    case E_UNARYOP: {
        const Expr *o = x->u.unaryop.operand;
        if (x->u.unaryop.op == UOP_UADD) return tree_double(e, t, o, slow);
        if (o->kind == E_CONSTANT && o->u.constant.kind == CONST_INT)
            return LLVMConstReal(e->f64, (double)-o->u.constant.ival);  /* -0 is the int 0 */
        return LLVMBuildFNeg(e->b, tree_double(e, t, o, slow), "");
    }
    default: {
        LLVMValueRef l = tree_double(e, t, x->u.binop.left, slow);
        LLVMValueRef r = tree_double(e, t, x->u.binop.right, slow);
        switch (x->u.binop.op) {
        case OP_ADD: return LLVMBuildFAdd(e->b, l, r, "");
        case OP_SUB: return LLVMBuildFSub(e->b, l, r, "");
        case OP_MULT: return LLVMBuildFMul(e->b, l, r, "");
        default: {
            LLVMBasicBlockRef div = emit_block(e, "ftree.div");
            LLVMBuildCondBr(e->b, LLVMBuildFCmp(e->b, LLVMRealOEQ, r, LLVMConstReal(e->f64, 0.0), ""), slow, div);
            LLVMPositionBuilderAtEnd(e->b, div);
            return LLVMBuildFDiv(e->b, l, r, "");
        }
        }
    }
    }
}

LLVMValueRef emit_float_tree(Emitter *e, const Expr *x) {
    FloatTree t;
    if (e->float_tree_off || !e->fn || !infer_float_tree(e->arena, x, is_plain_local, e, false, &t) || t.nops < 2)
        return NULL;
    LLVMBasicBlockRef slow = emit_block(e, "ftree.slow"), done = emit_block(e, "ftree.done");
    LLVMBasicBlockRef fast = emit_block(e, "ftree.fast");
    LLVMBuildBr(e->b, fast);
    LLVMPositionBuilderAtEnd(e->b, fast);
    LLVMValueRef d = tree_double(e, &t, x, slow);
    LLVMValueRef boxed = emit_box_float(e, d, x->pos.line);
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    e->float_tree_off++;
    LLVMValueRef generic = emit_expr(e, x);
    e->float_tree_off--;
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "ftree");
    LLVMAddIncoming(phi, (LLVMValueRef[]){boxed, generic}, (LLVMBasicBlockRef[]){fast_end, slow_end}, 2);
    return phi;
}

LLVMValueRef emit_float_compare(Emitter *e, const Expr *x) {
    if (e->float_tree_off || !e->fn || x->u.compare.n != 1) return NULL;
    CmpOp op = x->u.compare.ops[0];
    if (op != CMP_LT && op != CMP_LTE && op != CMP_GT && op != CMP_GTE && op != CMP_EQ && op != CMP_NOTEQ)
        return NULL;
    const Expr *lx = x->u.compare.left, *rx = x->u.compare.comparators.v[0];
    FloatTree lt, rt;
    if (!infer_float_tree(e->arena, lx, is_plain_local, e, true, &lt) ||
        !infer_float_tree(e->arena, rx, is_plain_local, e, true, &rt) || lt.nops + rt.nops == 0)
        return NULL;
    LLVMBasicBlockRef slow = emit_block(e, "ftree.slow"), done = emit_block(e, "ftree.done");
    LLVMBasicBlockRef fast = emit_block(e, "ftree.fast");
    LLVMBuildBr(e->b, fast);
    LLVMPositionBuilderAtEnd(e->b, fast);
    LLVMValueRef dl = tree_double(e, &lt, lx, slow);
    LLVMValueRef dr = tree_double(e, &rt, rx, slow);
    /* Python's NaN rules: ordered comparisons with a NaN are false, != true. */
    LLVMRealPredicate p = op == CMP_LT ? LLVMRealOLT : op == CMP_LTE ? LLVMRealOLE : op == CMP_EQ ? LLVMRealOEQ
                        : op == CMP_NOTEQ ? LLVMRealUNE : op == CMP_GT ? LLVMRealOGT : LLVMRealOGE;
    LLVMValueRef fres = LLVMBuildFCmp(e->b, p, dl, dr, "");
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    e->float_tree_off++;
    LLVMValueRef generic = emit_cond(e, x);
    e->float_tree_off--;
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i1, "fcmp");
    LLVMAddIncoming(phi, (LLVMValueRef[]){fres, generic}, (LLVMBasicBlockRef[]){fast_end, slow_end}, 2);
    return phi;
}

bool emit_float_augassign(Emitter *e, const Stmt *st) {
    const Expr *target = st->u.augassign.target;
    if (e->float_tree_off || !e->fn) return false;
    BinOp op = st->u.augassign.op;
    if (op != OP_ADD && op != OP_SUB && op != OP_MULT && op != OP_DIV) return false;
    /* target op= value is the tree `target op value`, whose result is
     * stored back into the target (its container and key are locals or
     * constants: evaluating them again is invisible). */
    Expr *x = arena_alloc(e->arena, sizeof *x);
    x->kind = E_BINOP;
    x->pos = st->pos;
    x->u.binop.left = (Expr *)target;
    x->u.binop.op = op;
    x->u.binop.right = st->u.augassign.value;
    FloatTree t;
    if (!infer_float_tree(e->arena, x, is_plain_local, e, false, &t) || t.nops < 2) return false;
    LLVMBasicBlockRef slow = emit_block(e, "ftree.slow"), done = emit_block(e, "ftree.done");
    LLVMBasicBlockRef fast = emit_block(e, "ftree.fast");
    LLVMBuildBr(e->b, fast);
    LLVMPositionBuilderAtEnd(e->b, fast);
    LLVMValueRef d = tree_double(e, &t, x, slow);
    LLVMValueRef boxed = emit_box_float(e, d, st->pos.line);
    emit_store_target(e, target, boxed);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    e->float_tree_off++;
    emit_augassign(e, st);
    e->float_tree_off--;
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    return true;
}
