/*
 * emit_expr.c — expressions.
 *
 * emit_expr() yields an i64 ai_value; emit_cond() yields an i1 for the
 * places that only need a truth value (if, while, and/or/not chains), so a
 * comparison in a condition never materialises a bool object.
 *
 * Arithmetic and comparisons get an inline fast path when both operands
 * are tagged small ints (bit 0 set in both): tagging preserves order, and
 * a + b is raw(a) + raw(b) - 1, checked with llvm.sadd.with.overflow; on
 * overflow or any other operand type the runtime's ai_add & co. take over
 * (big ints, floats, str, TypeErrors). True division, power and shifts
 * always go to the runtime.
 *
 * Names: locals are allocas (0 = unbound → UnboundLocalError); globals are
 * slots of the module array (0 = unbound → builtin of that name, else
 * NameError). A global name bound by exactly one top-level def and never
 * rebound is called directly, arguments bound at compile time.
 */
#include <stdio.h>
#include <string.h>

#include "aithon_rt.h"
#include "emit_internal.h"

/* ---- small-int helpers ---------------------------------------------------------- */

static LLVMValueRef both_small(Emitter *e, LLVMValueRef l, LLVMValueRef r) {
    LLVMValueRef t = LLVMBuildAnd(e->b, LLVMBuildAnd(e->b, l, r, ""), emit_i64(e, 1), "");
    return LLVMBuildICmp(e->b, LLVMIntNE, t, emit_i64(e, 0), "small");
}

static LLVMValueRef is_small(Emitter *e, LLVMValueRef v) {
    return LLVMBuildICmp(e->b, LLVMIntNE, LLVMBuildAnd(e->b, v, emit_i64(e, 1), ""), emit_i64(e, 0), "");
}

LLVMValueRef emit_box_i64(Emitter *e, LLVMValueRef raw) {
    return LLVMBuildOr(e->b, LLVMBuildShl(e->b, raw, emit_i64(e, 1), ""), emit_i64(e, 1), "");
}

static LLVMValueRef overflow_op(Emitter *e, const char *intrinsic, LLVMValueRef a, LLVMValueRef b,
                                LLVMValueRef *ovf) {
    LLVMTypeRef st = LLVMStructTypeInContext(e->ctx, (LLVMTypeRef[]){e->i64, e->i1}, 2, 0);
    LLVMTypeRef ft = LLVMFunctionType(st, (LLVMTypeRef[]){e->i64, e->i64}, 2, 0);
    LLVMValueRef fn = LLVMGetNamedFunction(e->m, intrinsic);
    if (!fn) fn = LLVMAddFunction(e->m, intrinsic, ft);
    LLVMValueRef res = LLVMBuildCall2(e->b, ft, fn, (LLVMValueRef[]){a, b}, 2, "");
    *ovf = LLVMBuildExtractValue(e->b, res, 1, "ovf");
    return LLVMBuildExtractValue(e->b, res, 0, "");
}

/* ---- float fast paths ---------------------------------------------------------- */

LLVMValueRef emit_float_type_word(Emitter *e) {
    LLVMValueRef g = LLVMGetNamedGlobal(e->m, "ai_float_type");
    if (!g) g = LLVMAddGlobal(e->m, e->i64, "ai_float_type");
    return emit_ptr_value(e, g);
}

LLVMValueRef emit_nursery_bump(Emitter *e, LLVMValueRef size, LLVMBasicBlockRef here, LLVMBasicBlockRef full) {
    LLVMValueRef tls = emit_tls_block(e);
    LLVMValueRef topp = LLVMBuildGEP2(e->b, e->i8, tls, (LLVMValueRef[]){emit_i64(e, 16)}, 1, "");
    LLVMValueRef endp = LLVMBuildGEP2(e->b, e->i8, tls, (LLVMValueRef[]){emit_i64(e, 24)}, 1, "");
    LLVMValueRef top = LLVMBuildLoad2(e->b, e->i64, topp, "top");
    LLVMValueRef end = LLVMBuildLoad2(e->b, e->i64, endp, "end");
    LLVMValueRef next = LLVMBuildAdd(e->b, top, size, "");
    LLVMValueRef fits = LLVMBuildAnd(e->b, LLVMBuildICmp(e->b, LLVMIntULE, next, end, ""),
                                     LLVMBuildICmp(e->b, LLVMIntNE, top, emit_i64(e, 0), ""), "");
    LLVMBuildCondBr(e->b, fits, here, full);
    LLVMPositionBuilderAtEnd(e->b, here);
    LLVMBuildStore(e->b, next, topp);
    return top;
}

/* A float object holding d, allocated inline by bumping the running
 * actor's nursery (emit_nursery_bump); the runtime's ai_float_box when
 * the nursery is full. */
LLVMValueRef emit_box_float(Emitter *e, LLVMValueRef d, int line) {
    LLVMBasicBlockRef here_ok = emit_block(e, "box"), slow = emit_block(e, "box.slow"), done = emit_block(e, "boxed");
    LLVMValueRef top = emit_nursery_bump(e, emit_i64(e, 16), here_ok, slow);
    LLVMValueRef obj = LLVMBuildIntToPtr(e->b, top, e->ptr, "");
    LLVMBuildStore(e->b, emit_float_type_word(e), obj);
    LLVMBuildStore(e->b, d, LLVMBuildGEP2(e->b, e->i8, obj, (LLVMValueRef[]){emit_i64(e, 8)}, 1, ""));
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef boxed = emit_rt(e, RT_ai_float_box, &d, 1);
    emit_check(e, boxed, line);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "f");
    LLVMAddIncoming(phi, (LLVMValueRef[]){top, boxed}, (LLVMBasicBlockRef[]){here_ok, slow_end}, 2);
    return phi;
}

/* v as a double when it is a float, or a small int that converts exactly
 * (|n| < 2**53: then comparisons and int/int division agree with
 * CPython's exact rules); otherwise branch to `slow`. */
static LLVMValueRef float_operand(Emitter *e, LLVMValueRef v, LLVMBasicBlockRef slow) {
    LLVMBasicBlockRef as_int = emit_block(e, "f.int"), as_obj = emit_block(e, "f.obj"),
                      int_ok = emit_block(e, "f.intok"), flt = emit_block(e, "f.flt"), join = emit_block(e, "f.val");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntNE, LLVMBuildAnd(e->b, v, emit_i64(e, 1), ""), emit_i64(e, 0), ""),
                    as_int, as_obj);
    LLVMPositionBuilderAtEnd(e->b, as_int);
    LLVMValueRef n = LLVMBuildAShr(e->b, v, emit_i64(e, 1), "");
    LLVMValueRef exact = LLVMBuildICmp(e->b, LLVMIntULT, LLVMBuildAdd(e->b, n, emit_i64(e, INT64_C(1) << 53), ""),
                                       emit_i64(e, INT64_C(1) << 54), "");
    LLVMBuildCondBr(e->b, exact, int_ok, slow);
    LLVMPositionBuilderAtEnd(e->b, int_ok);
    LLVMValueRef di = LLVMBuildSIToFP(e->b, n, e->f64, "");
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, as_obj);
    LLVMValueRef p = LLVMBuildIntToPtr(e->b, v, e->ptr, "");
    LLVMValueRef hdr = LLVMBuildAnd(e->b, LLVMBuildLoad2(e->b, e->i64, p, "hdr"), emit_i64(e, ~INT64_C(7)), "");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, hdr, emit_float_type_word(e), ""), flt, slow);
    LLVMPositionBuilderAtEnd(e->b, flt);
    LLVMValueRef df = LLVMBuildLoad2(e->b, e->f64, LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, 8)}, 1, ""), "");
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, join);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->f64, "d");
    LLVMAddIncoming(phi, (LLVMValueRef[]){di, df}, (LLVMBasicBlockRef[]){int_ok, flt}, 2);
    return phi;
}

static bool has_float_path(BinOp op) { return op == OP_ADD || op == OP_SUB || op == OP_MULT || op == OP_DIV; }

/* The float way of `l op r` as a function of its own, emitted once per
 * module and never inlined ($float.add …): its code inline at every
 * operator would make large programs slow to compile. Returns the boxed
 * result, or 0 when it does not apply (the caller then takes the generic
 * way, which also reports a failed allocation). */
static LLVMValueRef float_op_fn(Emitter *e, BinOp op, LLVMTypeRef *ty) {
    static const char *const names[] = {[OP_ADD] = "$float.add", [OP_SUB] = "$float.sub",
                                        [OP_MULT] = "$float.mul", [OP_DIV] = "$float.div"};
    *ty = LLVMFunctionType(e->i64, (LLVMTypeRef[]){e->i64, e->i64}, 2, 0);
    LLVMValueRef fn = LLVMGetNamedFunction(e->m, names[op]);
    if (fn) return fn;
    fn = LLVMAddFunction(e->m, names[op], *ty);
    LLVMSetLinkage(fn, LLVMInternalLinkage);
    unsigned noinline = LLVMGetEnumAttributeKindForName("noinline", 8);
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(e->ctx, noinline, 0));
    FnState *saved_fn = e->fn;
    LLVMBasicBlockRef saved_bb = LLVMGetInsertBlock(e->b);
    LLVMMetadataRef saved_loc = e->dib ? LLVMGetCurrentDebugLocation2(e->b) : NULL;
    if (e->dib) LLVMSetCurrentDebugLocation2(e->b, NULL);
    FnState tmp = {.fn = fn};
    e->fn = &tmp;
    LLVMPositionBuilderAtEnd(e->b, LLVMAppendBasicBlockInContext(e->ctx, fn, "entry"));
    LLVMBasicBlockRef slow = emit_block(e, "nofloat");
    LLVMValueRef dl = float_operand(e, LLVMGetParam(fn, 0), slow);
    LLVMValueRef dr = float_operand(e, LLVMGetParam(fn, 1), slow);
    LLVMValueRef res;
    switch (op) {
    case OP_ADD: res = LLVMBuildFAdd(e->b, dl, dr, ""); break;
    case OP_SUB: res = LLVMBuildFSub(e->b, dl, dr, ""); break;
    case OP_MULT: res = LLVMBuildFMul(e->b, dl, dr, ""); break;
    default: {
        LLVMBasicBlockRef div = emit_block(e, "div");
        LLVMBuildCondBr(e->b, LLVMBuildFCmp(e->b, LLVMRealOEQ, dr, LLVMConstReal(e->f64, 0.0), ""), slow, div);
        LLVMPositionBuilderAtEnd(e->b, div);
        res = LLVMBuildFDiv(e->b, dl, dr, "");
    }
    }
    /* The inline bump of emit_box_float, with the runtime's box (0 on
     * failure) as the fallback. */
    LLVMValueRef tls = emit_tls_block(e);
    LLVMValueRef topp = LLVMBuildGEP2(e->b, e->i8, tls, (LLVMValueRef[]){emit_i64(e, 16)}, 1, "");
    LLVMValueRef endp = LLVMBuildGEP2(e->b, e->i8, tls, (LLVMValueRef[]){emit_i64(e, 24)}, 1, "");
    LLVMValueRef top = LLVMBuildLoad2(e->b, e->i64, topp, "top");
    LLVMValueRef end = LLVMBuildLoad2(e->b, e->i64, endp, "end");
    LLVMValueRef next = LLVMBuildAdd(e->b, top, emit_i64(e, 16), "");
    LLVMValueRef fits = LLVMBuildAnd(e->b, LLVMBuildICmp(e->b, LLVMIntULE, next, end, ""),
                                     LLVMBuildICmp(e->b, LLVMIntNE, top, emit_i64(e, 0), ""), "");
    LLVMBasicBlockRef here = emit_block(e, "box"), rt = emit_block(e, "box.slow");
    LLVMBuildCondBr(e->b, fits, here, rt);
    LLVMPositionBuilderAtEnd(e->b, here);
    LLVMBuildStore(e->b, next, topp);
    LLVMValueRef obj = LLVMBuildIntToPtr(e->b, top, e->ptr, "");
    LLVMBuildStore(e->b, emit_float_type_word(e), obj);
    LLVMBuildStore(e->b, res, LLVMBuildGEP2(e->b, e->i8, obj, (LLVMValueRef[]){emit_i64(e, 8)}, 1, ""));
    LLVMBuildRet(e->b, top);
    LLVMPositionBuilderAtEnd(e->b, rt);
    LLVMBuildRet(e->b, emit_rt(e, RT_ai_float_box, &res, 1));
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMBuildRet(e->b, emit_i64(e, 0));
    e->fn = saved_fn;
    LLVMPositionBuilderAtEnd(e->b, saved_bb);
    if (e->dib) LLVMSetCurrentDebugLocation2(e->b, saved_loc);
    return fn;
}

static const RtFn binop_rt[OP__COUNT] = {
    [OP_ADD] = RT_ai_add, [OP_SUB] = RT_ai_sub, [OP_MULT] = RT_ai_mul, [OP_MATMULT] = RT_ai_matmul,
    [OP_DIV] = RT_ai_truediv, [OP_MOD] = RT_ai_mod, [OP_POW] = RT_ai_pow, [OP_LSHIFT] = RT_ai_lshift,
    [OP_RSHIFT] = RT_ai_rshift, [OP_BITOR] = RT_ai_or, [OP_BITXOR] = RT_ai_xor,
    [OP_BITAND] = RT_ai_and, [OP_FLOORDIV] = RT_ai_floordiv,
};

/* Fast path of `op` on two tagged small ints; sets *ovf (i1) when the
 * result does not fit (the slow path then recomputes it). NULL when the
 * operator has no fast path. */
static LLVMValueRef small_binop(Emitter *e, BinOp op, LLVMValueRef l, LLVMValueRef r, LLVMValueRef *ovf) {
    LLVMValueRef one = emit_i64(e, 1);
    switch (op) {
    case OP_ADD: return overflow_op(e, "llvm.sadd.with.overflow.i64", l, LLVMBuildSub(e->b, r, one, ""), ovf);
    case OP_SUB: return overflow_op(e, "llvm.ssub.with.overflow.i64", l, LLVMBuildSub(e->b, r, one, ""), ovf);
    case OP_MULT: {
        LLVMValueRef p = overflow_op(e, "llvm.smul.with.overflow.i64", LLVMBuildSub(e->b, l, one, ""),
                                     LLVMBuildAShr(e->b, r, one, ""), ovf);
        return LLVMBuildOr(e->b, p, one, "");
    }
    case OP_BITAND: *ovf = LLVMConstInt(e->i1, 0, 0); return LLVMBuildAnd(e->b, l, r, "");
    case OP_BITOR: *ovf = LLVMConstInt(e->i1, 0, 0); return LLVMBuildOr(e->b, l, r, "");
    case OP_BITXOR:
        *ovf = LLVMConstInt(e->i1, 0, 0);
        return LLVMBuildOr(e->b, LLVMBuildXor(e->b, l, r, ""), one, "");
    case OP_FLOORDIV: case OP_MOD: {
        LLVMValueRef cres = emit_int_divmod_const(e, op, l, r);
        if (cres) {
            *ovf = LLVMConstInt(e->i1, 0, 0);
            return cres;
        }
        /* Python floors: adjust C's truncating division when the
         * remainder is nonzero and has the other sign from the divisor.
         * y == 0 goes to the slow path (ZeroDivisionError); x = min, y = -1
         * overflows the small-int range and is caught when retagging. */
        LLVMValueRef x = LLVMBuildAShr(e->b, l, one, "x"), y = LLVMBuildAShr(e->b, r, one, "y");
        LLVMValueRef yzero = LLVMBuildICmp(e->b, LLVMIntEQ, y, emit_i64(e, 0), "");
        LLVMValueRef ysafe = LLVMBuildSelect(e->b, yzero, one, y, "");
        LLVMValueRef q = LLVMBuildSDiv(e->b, x, ysafe, "q"), m = LLVMBuildSRem(e->b, x, ysafe, "m");
        LLVMValueRef adjust = LLVMBuildAnd(e->b, LLVMBuildICmp(e->b, LLVMIntNE, m, emit_i64(e, 0), ""),
                                           LLVMBuildICmp(e->b, LLVMIntSLT, LLVMBuildXor(e->b, m, ysafe, ""),
                                                         emit_i64(e, 0), ""), "adj");
        LLVMValueRef res;
        if (op == OP_FLOORDIV) res = LLVMBuildSub(e->b, q, LLVMBuildZExt(e->b, adjust, e->i64, ""), "");
        else res = LLVMBuildAdd(e->b, m, LLVMBuildSelect(e->b, adjust, ysafe, emit_i64(e, 0), ""), "");
        if (op == OP_MOD) {
            /* |m| < |y|: fits whenever y does */
            *ovf = yzero;
            return LLVMBuildOr(e->b, LLVMBuildShl(e->b, res, one, ""), one, "");
        }
        LLVMValueRef o1;
        LLVMValueRef twice = overflow_op(e, "llvm.sadd.with.overflow.i64", res, res, &o1);
        *ovf = LLVMBuildOr(e->b, o1, yzero, "");
        return LLVMBuildOr(e->b, twice, one, "");
    }
    default: return NULL;
    }
}

/* `inplace`: the slow path is ai_inplace (list += extends in place).
 * Paths: two small ints (inline, overflow → slow), then doubles (a float
 * involved, or true division), then the runtime. */
static LLVMValueRef binop(Emitter *e, BinOp op, LLVMValueRef l, LLVMValueRef r, int line, bool inplace) {
    if (e->fn->cold) {
        LLVMValueRef v = inplace ? emit_rt(e, RT_ai_inplace, (LLVMValueRef[]){l, r, emit_i32(e, (int32_t)op)}, 3)
                                 : emit_rt(e, binop_rt[op], (LLVMValueRef[]){l, r}, 2);
        emit_check(e, v, line);
        return v;
    }
    LLVMBasicBlockRef slow = emit_block(e, "slow"), done = emit_block(e, "done");
    bool has_fast = op == OP_ADD || op == OP_SUB || op == OP_MULT || op == OP_BITAND ||
                    op == OP_BITOR || op == OP_BITXOR || op == OP_FLOORDIV || op == OP_MOD;
    LLVMValueRef vals[3];
    LLVMBasicBlockRef bbs[3];
    int n = 0;
    LLVMBasicBlockRef other = has_float_path(op) ? emit_block(e, "float") : slow;
    if (has_fast) {
        LLVMBasicBlockRef fast = emit_block(e, "fast");
        emit_br_likely(e, both_small(e, l, r), fast, other);
        LLVMPositionBuilderAtEnd(e->b, fast);
        LLVMValueRef ovf;
        vals[n] = small_binop(e, op, l, r, &ovf);
        bbs[n++] = LLVMGetInsertBlock(e->b);
        emit_br_unlikely(e, ovf, slow, done);
    } else {
        LLVMBuildBr(e->b, other);
    }
    if (has_float_path(op)) {
        LLVMPositionBuilderAtEnd(e->b, other);
        LLVMTypeRef fty;
        LLVMValueRef ffn = float_op_fn(e, op, &fty);
        vals[n] = LLVMBuildCall2(e->b, fty, ffn, (LLVMValueRef[]){l, r}, 2, "");
        bbs[n++] = LLVMGetInsertBlock(e->b);
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, vals[n - 1], emit_i64(e, 0), ""), slow, done);
    }
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef sres = inplace ? emit_rt(e, RT_ai_inplace, (LLVMValueRef[]){l, r, emit_i32(e, (int32_t)op)}, 3)
                                : emit_rt(e, binop_rt[op], (LLVMValueRef[]){l, r}, 2);
    emit_check(e, sres, line);
    vals[n] = sres;
    bbs[n++] = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "");
    LLVMAddIncoming(phi, vals, bbs, (unsigned)n);
    return phi;
}

LLVMValueRef emit_small_binop(Emitter *e, BinOp op, LLVMValueRef l, LLVMValueRef r, LLVMValueRef *ovf) {
    return small_binop(e, op, l, r, ovf);
}

LLVMValueRef emit_overflow_op(Emitter *e, const char *intrinsic, LLVMValueRef a, LLVMValueRef b, LLVMValueRef *ovf) {
    return overflow_op(e, intrinsic, a, b, ovf);
}

LLVMValueRef emit_binop(Emitter *e, BinOp op, LLVMValueRef l, LLVMValueRef r, int line) {
    return binop(e, op, l, r, line, false);
}

/* BinOp and AI_OP_* list Python's operators in the same order. */
_Static_assert((int)OP_ADD == (int)AI_OP_ADD && (int)OP_DIV == (int)AI_OP_TRUEDIV &&
                   (int)OP_BITOR == (int)AI_OP_OR && (int)OP_BITAND == (int)AI_OP_AND &&
                   (int)OP_FLOORDIV == (int)AI_OP_FLOORDIV,
               "BinOp must match AI_OP_*");

LLVMValueRef emit_inplace(Emitter *e, int op, LLVMValueRef l, LLVMValueRef r, int line) {
    return binop(e, (BinOp)op, l, r, line, true);
}

/* ---- comparisons and truth ------------------------------------------------------- */

static int cmp_code(CmpOp op) {
    switch (op) {
    case CMP_LT: return 0;
    case CMP_LTE: return 1;
    case CMP_EQ: return 2;
    case CMP_NOTEQ: return 3;
    case CMP_GT: return 4;
    default: return 5;
    }
}

static LLVMIntPredicate cmp_pred(CmpOp op) {
    switch (op) {
    case CMP_LT: return LLVMIntSLT;
    case CMP_LTE: return LLVMIntSLE;
    case CMP_EQ: return LLVMIntEQ;
    case CMP_NOTEQ: return LLVMIntNE;
    case CMP_GT: return LLVMIntSGT;
    default: return LLVMIntSGE;
    }
}

/* Comparison of two doubles with Python's NaN rules: every ordered
 * comparison with a NaN is false, != is true. */
/* As a function of its own per module and operator, never inlined
 * ($float.lt …): i32 1 true, 0 false, -1 when it does not apply. */
static LLVMValueRef float_compare(Emitter *e, CmpOp op, LLVMValueRef l, LLVMValueRef r, LLVMBasicBlockRef slow) {
    static const char *const names[] = {"$float.lt", "$float.le", "$float.eq", "$float.ne", "$float.gt", "$float.ge"};
    const char *name = names[cmp_code(op)];
    LLVMTypeRef ty = LLVMFunctionType(e->i32, (LLVMTypeRef[]){e->i64, e->i64}, 2, 0);
    LLVMValueRef fn = LLVMGetNamedFunction(e->m, name);
    if (!fn) {
        fn = LLVMAddFunction(e->m, name, ty);
        LLVMSetLinkage(fn, LLVMInternalLinkage);
        unsigned noinline = LLVMGetEnumAttributeKindForName("noinline", 8);
        LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(e->ctx, noinline, 0));
        FnState *saved_fn = e->fn;
        LLVMBasicBlockRef saved_bb = LLVMGetInsertBlock(e->b);
        LLVMMetadataRef saved_loc = e->dib ? LLVMGetCurrentDebugLocation2(e->b) : NULL;
        if (e->dib) LLVMSetCurrentDebugLocation2(e->b, NULL);
        FnState tmp = {.fn = fn};
        e->fn = &tmp;
        LLVMPositionBuilderAtEnd(e->b, LLVMAppendBasicBlockInContext(e->ctx, fn, "entry"));
        LLVMBasicBlockRef no = emit_block(e, "nofloat");
        LLVMValueRef dl = float_operand(e, LLVMGetParam(fn, 0), no);
        LLVMValueRef dr = float_operand(e, LLVMGetParam(fn, 1), no);
        LLVMRealPredicate p = op == CMP_LT ? LLVMRealOLT : op == CMP_LTE ? LLVMRealOLE : op == CMP_EQ ? LLVMRealOEQ
                            : op == CMP_NOTEQ ? LLVMRealUNE : op == CMP_GT ? LLVMRealOGT : LLVMRealOGE;
        LLVMBuildRet(e->b, LLVMBuildZExt(e->b, LLVMBuildFCmp(e->b, p, dl, dr, ""), e->i32, ""));
        LLVMPositionBuilderAtEnd(e->b, no);
        LLVMBuildRet(e->b, emit_i32(e, -1));
        e->fn = saved_fn;
        LLVMPositionBuilderAtEnd(e->b, saved_bb);
        if (e->dib) LLVMSetCurrentDebugLocation2(e->b, saved_loc);
    }
    LLVMValueRef c = LLVMBuildCall2(e->b, ty, fn, (LLVMValueRef[]){l, r}, 2, "");
    LLVMBasicBlockRef ok = emit_block(e, "cmp.fok");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntSLT, c, emit_i32(e, 0), ""), slow, ok);
    LLVMPositionBuilderAtEnd(e->b, ok);
    return LLVMBuildICmp(e->b, LLVMIntNE, c, emit_i32(e, 0), "");
}

static LLVMValueRef bool_value(Emitter *e, LLVMValueRef cond) {
    return LLVMBuildSelect(e->b, cond, emit_constant(e, &(Constant){.kind = CONST_TRUE}),
                           emit_constant(e, &(Constant){.kind = CONST_FALSE}), "");
}

/* One comparison `l op r` as an i1 (truth of the result). */
/* l op r by the runtime's generic comparison, as an i1. */
static LLVMValueRef generic_compare_cond(Emitter *e, CmpOp op, LLVMValueRef l, LLVMValueRef r, int line) {
    LLVMValueRef c = emit_rt(e, RT_ai_compare_bool, (LLVMValueRef[]){l, r, emit_i32(e, cmp_code(op))}, 3);
    emit_check_i32(e, c, line);
    return LLVMBuildICmp(e->b, LLVMIntNE, c, emit_i32(e, 0), "");
}

static LLVMValueRef compare_cond(Emitter *e, CmpOp op, LLVMValueRef l, LLVMValueRef r, int line) {
    switch (op) {
    case CMP_IS: return LLVMBuildICmp(e->b, LLVMIntEQ, l, r, "is");
    case CMP_ISNOT: return LLVMBuildICmp(e->b, LLVMIntNE, l, r, "isnot");
    case CMP_IN: case CMP_NOTIN: {
        LLVMValueRef c = emit_rt(e, RT_ai_contains, (LLVMValueRef[]){r, l}, 2);
        emit_check_i32(e, c, line);
        return LLVMBuildICmp(e->b, op == CMP_IN ? LLVMIntNE : LLVMIntEQ, c, emit_i32(e, 0), "");
    }
    default: break;
    }
    if (e->fn->cold) return generic_compare_cond(e, op, l, r, line);
    LLVMBasicBlockRef fast = emit_block(e, "cmp.fast"), flt = emit_block(e, "cmp.float"),
                      slow = emit_block(e, "cmp.slow"), done = emit_block(e, "cmp");
    emit_br_likely(e, both_small(e, l, r), fast, flt);
    LLVMPositionBuilderAtEnd(e->b, fast);
    LLVMValueRef fres = LLVMBuildICmp(e->b, cmp_pred(op), l, r, "");
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, flt);
    LLVMValueRef dres = float_compare(e, op, l, r, slow);
    LLVMBasicBlockRef flt_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef sres = generic_compare_cond(e, op, l, r, line);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i1, "");
    LLVMAddIncoming(phi, (LLVMValueRef[]){fres, dres, sres}, (LLVMBasicBlockRef[]){fast, flt_end, slow_end}, 3);
    return phi;
}

LLVMValueRef emit_compare_cond(Emitter *e, CmpOp op, LLVMValueRef l, LLVMValueRef r, int line) {
    return compare_cond(e, op, l, r, line);
}

/* One comparison as a value (the rich-comparison result object). */
static LLVMValueRef compare_value(Emitter *e, CmpOp op, LLVMValueRef l, LLVMValueRef r, int line) {
    if (op == CMP_IS || op == CMP_ISNOT || op == CMP_IN || op == CMP_NOTIN)
        return bool_value(e, compare_cond(e, op, l, r, line));
    if (e->fn->cold) {
        LLVMValueRef v = emit_rt(e, RT_ai_compare, (LLVMValueRef[]){l, r, emit_i32(e, cmp_code(op))}, 3);
        emit_check(e, v, line);
        return v;
    }
    LLVMBasicBlockRef fast = emit_block(e, "cmp.fast"), slow = emit_block(e, "cmp.slow"),
                      done = emit_block(e, "cmp");
    emit_br_likely(e, both_small(e, l, r), fast, slow);
    LLVMPositionBuilderAtEnd(e->b, fast);
    LLVMValueRef fres = bool_value(e, LLVMBuildICmp(e->b, cmp_pred(op), l, r, ""));
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef sres = emit_rt(e, RT_ai_compare, (LLVMValueRef[]){l, r, emit_i32(e, cmp_code(op))}, 3);
    emit_check(e, sres, line);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "");
    LLVMAddIncoming(phi, (LLVMValueRef[]){fres, sres}, (LLVMBasicBlockRef[]){fast, slow_end}, 2);
    return phi;
}

LLVMValueRef emit_truthy(Emitter *e, LLVMValueRef v, int line) {
    LLVMBasicBlockRef here = LLVMGetInsertBlock(e->b);
    LLVMBasicBlockRef slow = emit_block(e, "truth.slow"), done = emit_block(e, "truth");
    LLVMValueRef fast = LLVMBuildICmp(e->b, LLVMIntNE, v, emit_i64(e, 1), "");  /* small: != 0 */
    LLVMBuildCondBr(e->b, is_small(e, v), done, slow);
    LLVMPositionBuilderAtEnd(e->b, slow);
    /* True, False and None (a predicate method's result, a flag
     * attribute) without a call */
    LLVMValueRef is_true = LLVMBuildICmp(e->b, LLVMIntEQ, v, emit_constant(e, &(Constant){.kind = CONST_TRUE}), "");
    LLVMValueRef known = LLVMBuildOr(e->b, is_true,
                                     LLVMBuildOr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, v, emit_constant(e, &(Constant){.kind = CONST_FALSE}), ""),
                                                 LLVMBuildICmp(e->b, LLVMIntEQ, v, emit_constant(e, &(Constant){.kind = CONST_NONE}), ""), ""), "");
    LLVMBasicBlockRef call = emit_block(e, "truth.call");
    LLVMBuildCondBr(e->b, known, done, call);
    LLVMPositionBuilderAtEnd(e->b, call);
    LLVMValueRef t = emit_rt(e, RT_ai_truthy, &v, 1);
    emit_check_i32(e, t, line);
    LLVMValueRef st = LLVMBuildICmp(e->b, LLVMIntNE, t, emit_i32(e, 0), "");
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i1, "");
    LLVMAddIncoming(phi, (LLVMValueRef[]){fast, is_true, st}, (LLVMBasicBlockRef[]){here, slow, slow_end}, 3);
    return phi;
}

/* Where the branches of a short-circuit expression meet with their value:
 * a phi while they are few, a stack slot when they are many (a chain of
 * thousands of `and`s or comparisons: a phi with that many inputs makes
 * LLVM's register coalescing quadratic; in optimised code mem2reg turns
 * the slot back into a phi). */
enum { JOIN_PHI_MAX = 64 };

typedef struct {
    LLVMBasicBlockRef done;
    LLVMTypeRef ty;
    LLVMValueRef slot;          /* NULL: a phi of vals/bbs */
    LLVMValueRef *vals;
    LLVMBasicBlockRef *bbs;
    int n;
} Join;

static void join_init(Emitter *e, Join *j, LLVMTypeRef ty, int count, const char *name) {
    j->done = emit_block(e, name);
    j->ty = ty;
    j->n = 0;
    j->slot = count > JOIN_PHI_MAX ? emit_alloca(e, ty, "join") : NULL;
    j->vals = j->slot ? NULL : arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(count + 1));
    j->bbs = j->slot ? NULL : arena_alloc(e->arena, sizeof(LLVMBasicBlockRef) * (size_t)(count + 1));
}

/* `v` reaches the join from the current block (the caller then branches
 * to j->done). */
static void join_add(Emitter *e, Join *j, LLVMValueRef v) {
    if (j->slot) {
        LLVMBuildStore(e->b, v, j->slot);
        return;
    }
    j->vals[j->n] = v;
    j->bbs[j->n++] = LLVMGetInsertBlock(e->b);
}

static LLVMValueRef join_finish(Emitter *e, Join *j) {
    LLVMPositionBuilderAtEnd(e->b, j->done);
    if (j->slot) return LLVMBuildLoad2(e->b, j->ty, j->slot, "");
    LLVMValueRef phi = LLVMBuildPhi(e->b, j->ty, "");
    LLVMAddIncoming(phi, j->vals, j->bbs, (unsigned)j->n);
    return phi;
}

/* a < b < c: each operand evaluated once, short-circuit on the first false. */
static bool is_str_constant(const Expr *x) { return x->kind == E_CONSTANT && x->u.constant.kind == CONST_STR; }

/* l == r / l != r where one side is a str literal (`ch == " "`, the
 * loops of tokenizers and parsers): both exact str are compared by one
 * runtime call (identity, length, bytes) — no int or float path that
 * cannot pass, no generic dispatch; anything else (a str subclass, whose
 * __eq__ may be its own; an int) takes the generic compare. */
static LLVMValueRef compare_cond_x(Emitter *e, CmpOp op, LLVMValueRef l, LLVMValueRef r, const Expr *lx,
                                   const Expr *rx, int line) {
    if ((op != CMP_EQ && op != CMP_NOTEQ) || e->fn->cold || !(is_str_constant(lx) || is_str_constant(rx)))
        return compare_cond(e, op, l, r, line);
    LLVMValueRef k = emit_rt(e, RT_ai_str_eq_known, (LLVMValueRef[]){l, r}, 2);
    LLVMBasicBlockRef known = emit_block(e, "streq.known"), slow = emit_block(e, "streq.slow"),
                      done = emit_block(e, "streq");
    emit_br_likely(e, LLVMBuildICmp(e->b, LLVMIntSGE, k, emit_i32(e, 0), ""), known, slow);
    LLVMPositionBuilderAtEnd(e->b, known);
    LLVMValueRef kres = LLVMBuildICmp(e->b, op == CMP_EQ ? LLVMIntNE : LLVMIntEQ, k, emit_i32(e, 0), "");
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef sres = generic_compare_cond(e, op, l, r, line);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i1, "");
    LLVMAddIncoming(phi, (LLVMValueRef[]){kres, sres}, (LLVMBasicBlockRef[]){known, slow_end}, 2);
    return phi;
}

static LLVMValueRef compare_chain_cond(Emitter *e, const Expr *x) {
    LLVMValueRef l = emit_expr(e, x->u.compare.left);
    int n = x->u.compare.n;
    if (n == 1)
        return compare_cond_x(e, x->u.compare.ops[0], l, emit_expr(e, x->u.compare.comparators.v[0]),
                              x->u.compare.left, x->u.compare.comparators.v[0], x->pos.line);
    Join j;
    join_init(e, &j, e->i1, n, "chain");
    for (int i = 0; i < n; i++) {
        LLVMValueRef r = emit_expr(e, x->u.compare.comparators.v[i]);
        LLVMValueRef c = compare_cond_x(e, x->u.compare.ops[i], l, r, i ? x->u.compare.comparators.v[i - 1] : x->u.compare.left,
                                        x->u.compare.comparators.v[i], x->pos.line);
        if (i == n - 1) {
            join_add(e, &j, c);
            LLVMBuildBr(e->b, j.done);
            break;
        }
        LLVMBasicBlockRef next = emit_block(e, "chain.next");
        join_add(e, &j, LLVMConstInt(e->i1, 0, 0));
        LLVMBuildCondBr(e->b, c, next, j.done);
        LLVMPositionBuilderAtEnd(e->b, next);
        l = r;
    }
    return join_finish(e, &j);
}

static LLVMValueRef compare_chain_value(Emitter *e, const Expr *x) {
    LLVMValueRef l = emit_expr(e, x->u.compare.left);
    int n = x->u.compare.n;
    Join j;
    join_init(e, &j, e->i64, n, "chain");
    for (int i = 0; i < n; i++) {
        LLVMValueRef r = emit_expr(e, x->u.compare.comparators.v[i]);
        LLVMValueRef v = compare_value(e, x->u.compare.ops[i], l, r, x->pos.line);
        if (i == n - 1) {
            join_add(e, &j, v);
            LLVMBuildBr(e->b, j.done);
            break;
        }
        LLVMValueRef t = emit_truthy(e, v, x->pos.line);
        LLVMBasicBlockRef next = emit_block(e, "chain.next");
        join_add(e, &j, v);
        LLVMBuildCondBr(e->b, t, next, j.done);
        LLVMPositionBuilderAtEnd(e->b, next);
        l = r;
    }
    return join_finish(e, &j);
}

/* and/or as an i1. */
static LLVMValueRef boolop_cond(Emitter *e, const Expr *x) {
    bool is_and = x->u.boolop.op == BOOL_AND;
    int n = x->u.boolop.values.n;
    Join j;
    join_init(e, &j, e->i1, n, is_and ? "and" : "or");
    for (int i = 0; i < n; i++) {
        LLVMValueRef c = emit_cond(e, x->u.boolop.values.v[i]);
        join_add(e, &j, c);
        if (i == n - 1) {
            LLVMBuildBr(e->b, j.done);
        } else {
            LLVMBasicBlockRef next = emit_block(e, "next");
            if (is_and) LLVMBuildCondBr(e->b, c, next, j.done);
            else LLVMBuildCondBr(e->b, c, j.done, next);
            LLVMPositionBuilderAtEnd(e->b, next);
        }
    }
    return join_finish(e, &j);
}

/* and/or as a value: the first operand that decides, as Python does. */
static LLVMValueRef boolop_value(Emitter *e, const Expr *x) {
    bool is_and = x->u.boolop.op == BOOL_AND;
    int n = x->u.boolop.values.n;
    Join j;
    join_init(e, &j, e->i64, n, is_and ? "and" : "or");
    for (int i = 0; i < n; i++) {
        LLVMValueRef v = emit_expr(e, x->u.boolop.values.v[i]);
        if (i == n - 1) {
            join_add(e, &j, v);
            LLVMBuildBr(e->b, j.done);
            break;
        }
        LLVMValueRef t = emit_truthy(e, v, x->pos.line);
        join_add(e, &j, v);
        LLVMBasicBlockRef next = emit_block(e, "next");
        if (is_and) LLVMBuildCondBr(e->b, t, next, j.done);
        else LLVMBuildCondBr(e->b, t, j.done, next);
        LLVMPositionBuilderAtEnd(e->b, next);
    }
    return join_finish(e, &j);
}

LLVMValueRef emit_cond(Emitter *e, const Expr *x) {
    switch (x->kind) {
    case E_COMPARE: {
        LLVMValueRef c = emit_float_compare(e, x);
        return c ? c : compare_chain_cond(e, x);
    }
    case E_BOOLOP: return boolop_cond(e, x);
    case E_UNARYOP:
        if (x->u.unaryop.op == UOP_NOT) return LLVMBuildNot(e->b, emit_cond(e, x->u.unaryop.operand), "not");
        break;
    case E_CONSTANT:
        if (x->u.constant.kind == CONST_TRUE) return LLVMConstInt(e->i1, 1, 0);
        if (x->u.constant.kind == CONST_FALSE || x->u.constant.kind == CONST_NONE)
            return LLVMConstInt(e->i1, 0, 0);
        break;
    default: break;
    }
    return emit_truthy(e, emit_expr(e, x), x->pos.line);
}

/* ---- unary operators ------------------------------------------------------------- */

static LLVMValueRef emit_unary(Emitter *e, const Expr *x) {
    if (x->u.unaryop.op == UOP_NOT) return bool_value(e, LLVMBuildNot(e->b, emit_cond(e, x->u.unaryop.operand), ""));
    LLVMValueRef v = emit_expr(e, x->u.unaryop.operand);
    RtFn slow_fn = x->u.unaryop.op == UOP_USUB ? RT_ai_neg : x->u.unaryop.op == UOP_UADD ? RT_ai_pos : RT_ai_invert;
    LLVMBasicBlockRef fast = emit_block(e, "fast"), slow = emit_block(e, "slow"), done = emit_block(e, "done");
    LLVMBuildCondBr(e->b, is_small(e, v), fast, slow);
    LLVMPositionBuilderAtEnd(e->b, fast);
    LLVMValueRef fres, ovf = LLVMConstInt(e->i1, 0, 0);
    if (x->u.unaryop.op == UOP_USUB) fres = overflow_op(e, "llvm.ssub.with.overflow.i64", emit_i64(e, 2), v, &ovf);
    else if (x->u.unaryop.op == UOP_UADD) fres = v;
    else fres = LLVMBuildXor(e->b, v, emit_i64(e, -2), "");
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(e->b);
    emit_br_unlikely(e, ovf, slow, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef sres = emit_rt(e, slow_fn, &v, 1);
    emit_check(e, sres, x->pos.line);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "");
    LLVMAddIncoming(phi, (LLVMValueRef[]){fres, sres}, (LLVMBasicBlockRef[]){fast_end, slow_end}, 2);
    return phi;
}

/* ---- calls ------------------------------------------------------------------------ */

static bool has_star_args(const Expr *call) {
    for (int i = 0; i < call->u.call.args.n; i++)
        if (call->u.call.args.v[i]->kind == E_STARRED) return true;
    for (int i = 0; i < call->u.call.keywords.n; i++)
        if (!call->u.call.keywords.v[i]->arg) return true;
    return false;
}

static LLVMValueRef generic_call(Emitter *e, LLVMValueRef callee, const Expr *x) {
    int np = x->u.call.args.n, nk = x->u.call.keywords.n;
    LLVMValueRef arr = emit_array_new(e, np + nk);
    for (int i = 0; i < np; i++) emit_array_store(e, arr, i, emit_call_arg(e, x->u.call.args.v[i]));
    for (int i = 0; i < nk; i++) emit_array_store(e, arr, np + i, emit_expr(e, x->u.call.keywords.v[i]->value));
    LLVMValueRef kwn = emit_kwnames(e, &x->u.call.keywords, x->pos.line);
    LLVMValueRef args[] = {callee, arr, emit_i64(e, np), kwn};
    LLVMValueRef r = emit_rt(e, RT_ai_call, args, 4);
    emit_check(e, r, x->pos.line);
    return r;
}

static LLVMValueRef emit_print(Emitter *e, const Expr *x) {
    int np = x->u.call.args.n;
    LLVMValueRef arr = emit_array_new(e, np);
    for (int i = 0; i < np; i++) emit_array_store(e, arr, i, emit_call_arg(e, x->u.call.args.v[i]));
    LLVMValueRef kw[4] = {emit_i64(e, 0), emit_i64(e, 0), emit_i64(e, 0), emit_i64(e, 0)};
    static const char *const kwn[4] = {"sep", "end", "file", "flush"};
    for (int i = 0; i < x->u.call.keywords.n; i++)
        for (int k = 0; k < 4; k++)
            if (strcmp(x->u.call.keywords.v[i]->arg, kwn[k]) == 0)
                kw[k] = emit_expr(e, x->u.call.keywords.v[i]->value);
    LLVMValueRef args[] = {arr, emit_i64(e, np), kw[0], kw[1], kw[2], kw[3]};
    LLVMValueRef r = emit_rt(e, RT_ai_print, args, 6);
    emit_check(e, r, x->pos.line);
    return r;
}

static bool print_keywords_ok(const Expr *x) {
    for (int i = 0; i < x->u.call.keywords.n; i++) {
        const char *k = x->u.call.keywords.v[i]->arg;
        if (strcmp(k, "sep") && strcmp(k, "end") && strcmp(k, "file") && strcmp(k, "flush")) return false;
        for (int j = 0; j < i; j++)
            if (strcmp(k, x->u.call.keywords.v[j]->arg) == 0) return false;
    }
    return true;
}

/* abs(x), len(x) and type(x) of the builtins (the global never bound, so
 * the name is the builtin; the runtime's builtins cannot be replaced): a
 * small int's absolute value, an exact list's, tuple's or str's length, any
 * value's class inline; any other argument to abs or len goes to the
 * builtin itself. NULL when x is no such call. */
static LLVMValueRef emit_inline_builtin(Emitter *e, const Expr *x) {
    const Expr *f = x->u.call.func;
    if (f->kind != E_NAME || x->u.call.args.n != 1 || x->u.call.keywords.n ||
        x->u.call.args.v[0]->kind == E_STARRED || e->fn->cold)
        return NULL;
    const char *name = f->u.name.id;
    bool is_abs = strcmp(name, "abs") == 0, is_len = strcmp(name, "len") == 0;
    bool is_type = strcmp(name, "type") == 0, is_int = strcmp(name, "int") == 0;
    if (!is_abs && !is_len && !is_type && !is_int) return NULL;
    Symbol *sym;
    Frame *fr;
    if (emit_name_home(e, name, &sym, &fr) != NAME_GLOBAL || !emit_never_bound_global(e, name)) return NULL;
    if (is_type) {
        /* type(x): the class in x's header (int for a small int), which is
         * all the builtin does with one argument. */
        LLVMValueRef v = emit_call_arg(e, x->u.call.args.v[0]);
        LLVMValueRef it = LLVMGetNamedGlobal(e->m, "ai_int_type");
        if (!it) it = LLVMAddGlobal(e->m, e->i64, "ai_int_type");
        LLVMBasicBlockRef obj = emit_block(e, "type.obj"), done = emit_block(e, "type.done");
        LLVMBasicBlockRef from = LLVMGetInsertBlock(e->b);
        LLVMBuildCondBr(e->b, is_small(e, v), done, obj);
        LLVMPositionBuilderAtEnd(e->b, obj);
        LLVMValueRef hdr = LLVMBuildLoad2(e->b, e->i64, LLVMBuildIntToPtr(e->b, v, e->ptr, ""), "hdr");
        LLVMValueRef t = LLVMBuildAnd(e->b, hdr, emit_i64(e, ~INT64_C(7)), "");
        LLVMBuildBr(e->b, done);
        LLVMPositionBuilderAtEnd(e->b, done);
        LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "type");
        LLVMAddIncoming(phi, (LLVMValueRef[]){emit_ptr_value(e, it), t}, (LLVMBasicBlockRef[]){from, obj}, 2);
        return phi;
    }
    if (is_int) return emit_float_int_call(e, x); /* int(float tree); else the call */
    LLVMValueRef callee = emit_load_name(e, name, f->pos);
    LLVMValueRef v = emit_call_arg(e, x->u.call.args.v[0]);
    LLVMBasicBlockRef slow = emit_block(e, is_abs ? "abs.call" : "len.call"), done = emit_block(e, "builtin.done");
    LLVMValueRef fres;
    LLVMBasicBlockRef fast_end;
    if (is_abs) {
        LLVMBasicBlockRef fast = emit_block(e, "abs.int");
        LLVMBuildCondBr(e->b, is_small(e, v), fast, slow);
        LLVMPositionBuilderAtEnd(e->b, fast);
        /* tagged: -n is 2 - v; the smallest small int overflows to a big int */
        LLVMValueRef ovf;
        LLVMValueRef neg = overflow_op(e, "llvm.ssub.with.overflow.i64", emit_i64(e, 2), v, &ovf);
        LLVMValueRef is_neg = LLVMBuildICmp(e->b, LLVMIntSLT, v, emit_i64(e, 0), "");
        fres = LLVMBuildSelect(e->b, is_neg, neg, v, "abs");
        fast_end = LLVMGetInsertBlock(e->b);
        emit_br_unlikely(e, LLVMBuildAnd(e->b, is_neg, ovf, ""), slow, done);
    } else {
        LLVMBasicBlockRef obj = emit_block(e, "len.obj"), seq = emit_block(e, "len.seq"), nl = emit_block(e, "len.nl");
        LLVMBuildCondBr(e->b, LLVMBuildOr(e->b, is_small(e, v), LLVMBuildICmp(e->b, LLVMIntEQ, v, emit_i64(e, 0), ""), ""),
                        slow, obj);
        LLVMPositionBuilderAtEnd(e->b, obj);
        LLVMValueRef p = LLVMBuildIntToPtr(e->b, v, e->ptr, "");
        LLVMValueRef t = LLVMBuildAnd(e->b, LLVMBuildLoad2(e->b, e->i64, p, "hdr"), emit_i64(e, ~INT64_C(7)), "");
        LLVMValueRef lt = LLVMGetNamedGlobal(e->m, "ai_list_type"), tt = LLVMGetNamedGlobal(e->m, "ai_tuple_type");
        LLVMValueRef st = LLVMGetNamedGlobal(e->m, "ai_str_type");
        if (!lt) lt = LLVMAddGlobal(e->m, e->i64, "ai_list_type");
        if (!tt) tt = LLVMAddGlobal(e->m, e->i64, "ai_tuple_type");
        if (!st) st = LLVMAddGlobal(e->m, e->i64, "ai_str_type");
        LLVMBasicBlockRef nt = emit_block(e, "len.nt");
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, t, emit_ptr_value(e, lt), ""), seq, nl);
        LLVMPositionBuilderAtEnd(e->b, nl);
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, t, emit_ptr_value(e, tt), ""), seq, nt);
        LLVMPositionBuilderAtEnd(e->b, nt);
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, t, emit_ptr_value(e, st), ""), seq, slow);
        LLVMPositionBuilderAtEnd(e->b, seq);
        /* ai_list { hdr, len, … }, ai_tuple { hdr, len, … }, ai_strobj { hdr, len (code points), … } */
        LLVMValueRef len = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, 8)}, 1, ""), "len");
        fres = emit_box_i64(e, len);
        fast_end = seq;
        LLVMBuildBr(e->b, done);
    }
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef arr = emit_value_array(e, &v, 1);
    LLVMValueRef sres = emit_rt(e, RT_ai_call, (LLVMValueRef[]){callee, arr, emit_i64(e, 1), emit_i64(e, 0)}, 4);
    emit_check(e, sres, x->pos.line);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, name);
    LLVMAddIncoming(phi, (LLVMValueRef[]){fres, sres}, (LLVMBasicBlockRef[]){fast_end, slow_end}, 2);
    return phi;
}

/* Direct call of a known top-level def; NULL when the arguments cannot be
 * bound at compile time (the generic path then raises CPython's error). */
/* A call of a known module-level def, bound at compile time: `target` is
 * the function called (fd->fn, or for `await f(…)` of an async def its
 * behaviour, fd->genbody). NULL when the arguments do not fit. */
static LLVMValueRef direct_call(Emitter *e, FuncDef *fd, int gidx, const Expr *x, LLVMValueRef target,
                                LLVMTypeRef target_type, LLVMValueRef extra, int await_line) {
    if (!fd->simple) return NULL;
    const Arguments *a = fd->def->u.funcdef.args;
    int n = fd->nparams, np = x->u.call.args.n, nposonly = a->posonlyargs.n;
    if (np > n) return NULL;
    int *src = arena_alloc(e->arena, sizeof(int) * (size_t)(n + 1));   /* param → arg index, -1 none */
    for (int i = 0; i < n; i++) src[i] = i < np ? i : -1;
    for (int k = 0; k < x->u.call.keywords.n; k++) {
        const char *name = x->u.call.keywords.v[k]->arg;
        int found = -1;
        for (int i = nposonly; i < n; i++)
            if (strcmp(a->args.v[i - nposonly]->name, name) == 0) found = i;
        if (found < 0 || src[found] >= 0) return NULL;
        src[found] = np + k;
    }
    for (int i = 0; i < n; i++)
        if (src[i] < 0 && i < n - fd->ndefaults) return NULL;
    /* Evaluate in source order, then place. */
    int nargs = np + x->u.call.keywords.n;
    LLVMValueRef *vals = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(nargs + 1));
    for (int i = 0; i < np; i++) vals[i] = emit_call_arg(e, x->u.call.args.v[i]);
    for (int k = 0; k < x->u.call.keywords.n; k++) vals[np + k] = emit_expr(e, x->u.call.keywords.v[k]->value);
    /* The def must have run (calling before it is a NameError) — known
     * when the call is inside the function itself. */
    if (fd != e->fn->def) {
        LLVMValueRef fobj = LLVMBuildLoad2(e->b, e->i64, emit_global_slot(e, gidx), "");
        LLVMBasicBlockRef miss = emit_block(e, "undefined"), go = emit_block(e, "call");
        emit_br_unlikely(e, LLVMBuildICmp(e->b, LLVMIntEQ, fobj, emit_i64(e, 0), ""), miss, go);
        LLVMPositionBuilderAtEnd(e->b, miss);
        const char *name = fd->def->u.funcdef.name;
        emit_rt(e, RT_ai_raise_name_error, (LLVMValueRef[]){emit_cstring(e, name, strlen(name) + 1)}, 1);
        emit_goto_unwind(e, x->pos.line);
        LLVMBuildUnreachable(e->b);
        LLVMPositionBuilderAtEnd(e->b, go);
    }
    LLVMValueRef *cargs = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(n + 2));
    for (int i = 0; i < n; i++) {
        if (src[i] >= 0) cargs[i] = vals[src[i]];
        else cargs[i] = LLVMBuildLoad2(e->b, e->i64, fd->default_globals[i - (n - fd->ndefaults)], "dflt");
    }
    if (extra) cargs[n] = extra;
    if (await_line) emit_rt(e, RT_ai_await_direct_enter, (LLVMValueRef[]){emit_i32(e, await_line)}, 1);
    LLVMValueRef r = LLVMBuildCall2(e->b, target_type, target, cargs, (unsigned)(n + (extra ? 1 : 0)), "");
    if (await_line) emit_rt(e, RT_ai_await_direct_leave, NULL, 0);
    emit_check(e, r, x->pos.line);
    return r;
}

/* await x. `await f(args)` of a module-level async def that is never
 * rebound runs f's behaviour directly: the same frames, the same result,
 * no coroutine object (docs/concurrency.md, "Awaiting a call"). */
static LLVMValueRef emit_await(Emitter *e, const Expr *x) {
    const Expr *v = x->u.await_.value;
    if (v->kind == E_CALL && v->u.call.func->kind == E_NAME) {
        const char *name = v->u.call.func->u.name.id;
        Symbol *sym;
        Frame *fr;
        if (emit_name_home(e, name, &sym, &fr) == NAME_GLOBAL) {
            int g = emit_global_index(e, name);
            FuncDef *fd = e->global_func[g];
            if (fd && fd->is_async && !fd->scope->is_generator && fd->genbody) {
                LLVMValueRef r = direct_call(e, fd, g, v, fd->genbody, fd->body_type, NULL, x->pos.line);
                if (r) return r;
            }
        }
    }
    /* `await o.m(args)`: see emit_method_call */
    if (v->kind == E_CALL && v->u.call.func->kind == E_ATTRIBUTE && !has_star_args(v))
        return emit_method_call(e, v, x->pos.line);
    LLVMValueRef aw = emit_expr(e, v);
    LLVMValueRef r = emit_rt(e, RT_ai_await, (LLVMValueRef[]){aw, emit_i32(e, x->pos.line)}, 2);
    emit_check(e, r, x->pos.line);
    return r;
}

/* f(*a, k=v, **kw): the positional arguments as a tuple, the keywords as
 * a dict (0 when there are none), then ai_call_ex. */
static LLVMValueRef star_call(Emitter *e, const Expr *x) {
    const Expr *f = x->u.call.func;
    LLVMValueRef callee;
    if (f->kind == E_ATTRIBUTE) callee = emit_attribute_load(e, f);
    else callee = emit_expr(e, f);
    e->star_callee = callee;
    LLVMValueRef list = emit_list_of(e, &x->u.call.args, x->pos.line);
    LLVMValueRef args = emit_rt(e, RT_ai_list_to_tuple, &list, 1);
    emit_check(e, args, x->pos.line);
    LLVMValueRef kwargs = emit_i64(e, 0);
    if (x->u.call.keywords.n) {
        kwargs = emit_rt(e, RT_ai_dict_new, (LLVMValueRef[]){LLVMConstNull(e->ptr), emit_i64(e, 0)}, 2);
        emit_check(e, kwargs, x->pos.line);
        bool merged = false;    /* a ** came before: a name may repeat */
        for (int i = 0; i < x->u.call.keywords.n; i++) {
            const Keyword *k = x->u.call.keywords.v[i];
            LLVMValueRef v = emit_expr(e, k->value);
            LLVMValueRef key = k->arg ? emit_const_str(e, k->arg, strlen(k->arg)) : emit_i64(e, 0);
            LLVMValueRef rc = k->arg && !merged
                ? emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){kwargs, key, v}, 3)
                : emit_rt(e, RT_ai_call_kwmerge, (LLVMValueRef[]){kwargs, key, v, callee}, 4);
            merged |= !k->arg;
            emit_check_i32(e, rc, k->value->pos.line);
        }
    }
    LLVMValueRef r = emit_rt(e, RT_ai_call_ex, (LLVMValueRef[]){callee, args, kwargs}, 3);
    emit_check(e, r, x->pos.line);
    return r;
}

static LLVMValueRef emit_call_inner(Emitter *e, const Expr *x);

/* A call written `warn(…)` or `x.warn(…)`: warnings.warn, most likely,
 * which needs its caller's line (compiled code keeps no frames: see
 * docs/stdlib.md, "The current stack"). */
static bool is_warn_call(const Expr *x) {
    const Expr *f = x->u.call.func;
    return (f->kind == E_NAME && strcmp(f->u.name.id, "warn") == 0) ||
           (f->kind == E_ATTRIBUTE && strcmp(f->u.attribute.attr, "warn") == 0);
}

static LLVMValueRef emit_call(Emitter *e, const Expr *x) {
    bool saved = e->genexp_as_list;
    e->genexp_as_list = emit_consumes_fully(e, x);
    bool site = is_warn_call(x) && e->fn->code_info;
    if (site) emit_rt(e, RT_ai_call_site, (LLVMValueRef[]){e->fn->code_info, emit_i32(e, x->pos.line)}, 2);
    LLVMValueRef r = emit_call_inner(e, x);
    if (site && emit_block_open(e))
        emit_rt(e, RT_ai_call_site, (LLVMValueRef[]){LLVMConstNull(e->ptr), emit_i32(e, 0)}, 2);
    e->genexp_as_list = saved;
    return r;
}

/* Builtins Aithon refuses at compile time, by design (dynamic code). */
static bool refused_builtin(Emitter *e, const Expr *x) {
    static const char *const by_design[] = {"eval", "exec", "compile", "__import__", "breakpoint"};
    const Expr *f = x->u.call.func;
    if (f->kind != E_NAME) return false;
    const char *name = f->u.name.id;
    Symbol *sym;
    Frame *fr;
    if (emit_name_home(e, name, &sym, &fr) != NAME_GLOBAL || !emit_never_bound_global(e, name)) return false;
    for (size_t i = 0; i < sizeof by_design / sizeof *by_design; i++)
        if (strcmp(name, by_design[i]) == 0) {
            diag_error(E_OUT_OF_SCOPE, x->pos.line, x->pos.col,
                       "%s() is not supported by Aithon: programs are compiled ahead of time", name);
            return true;
        }
    return false;
}

/* globals(), locals() and vars() without arguments: the module's
 * namespace — its live dict when the module keeps or writes it
 * (Scope.ns_live), else a snapshot, equal to it where it is read at once
 * (scope_ns_read_only) —; a function's or comprehension's variables as
 * its frame's dict (emit_locals_snapshot); a class body's namespace
 * itself. NULL: not one. */
static LLVMValueRef emit_ns_builtin(Emitter *e, const Expr *x) {
    const Expr *f = x->u.call.func;
    if (f->kind != E_NAME || x->u.call.args.n || x->u.call.keywords.n) return NULL;
    const char *name = f->u.name.id;
    bool is_globals = strcmp(name, "globals") == 0;
    if (!is_globals && strcmp(name, "locals") != 0 && strcmp(name, "vars") != 0) return NULL;
    Symbol *sym;
    Frame *fr;
    if (emit_name_home(e, name, &sym, &fr) != NAME_GLOBAL || !emit_never_bound_global(e, name)) return NULL;
    Frame *cur = e->fn->frame;
    if (!is_globals && cur->ns) return cur->ns;   /* a class body */
    if (is_globals || cur->scope->kind == SCOPE_MODULE) {
        LLVMValueRef r = emit_rt(e, RT_ai_globals, (LLVMValueRef[]){e->unit_infos[e->unit->index]}, 1);
        emit_check(e, r, x->pos.line);
        return r;
    }
    return emit_locals_snapshot(e, x->pos.line);
}

/* sys.settrace(f), sys.setprofile(f) and sys._getframe(): compiled code
 * has no trace hooks and no frame objects. settrace(None) and
 * setprofile(None) stay accepted (they change nothing). */
static bool refused_sys_call(Emitter *e, const Expr *x) {
    const Expr *f = x->u.call.func;
    if (f->kind != E_ATTRIBUTE || f->u.attribute.value->kind != E_NAME ||
        strcmp(f->u.attribute.value->u.name.id, "sys") != 0)
        return false;
    const char *attr = f->u.attribute.attr;
    bool hook = strcmp(attr, "settrace") == 0 || strcmp(attr, "setprofile") == 0;
    if (!hook && strcmp(attr, "_getframe") != 0) return false;
    if (hook && x->u.call.args.n == 1 && x->u.call.args.v[0]->kind == E_CONSTANT &&
        x->u.call.args.v[0]->u.constant.kind == CONST_NONE)
        return false;
    Symbol *sym;
    Frame *fr;
    if (emit_name_home(e, "sys", &sym, &fr) != NAME_GLOBAL) return false;
    diag_error(E_OUT_OF_SCOPE, x->pos.line, x->pos.col, "sys.%s() is not supported by Aithon: compiled code has no %s",
               attr, hook ? "trace hooks" : "frame objects");
    return true;
}

static LLVMValueRef emit_call_inner(Emitter *e, const Expr *x) {
    LLVMValueRef ns = emit_ns_builtin(e, x);
    if (ns) return ns;
    if (refused_builtin(e, x) || refused_sys_call(e, x)) return emit_i64(e, 1);
    if (has_star_args(x)) return star_call(e, x);
    const Expr *f = x->u.call.func;
    LLVMValueRef folded = emit_genexp_call(e, x);
    if (folded) return folded;
    LLVMValueRef sup = emit_super_call(e, x);
    if (sup) return sup;
    if (f->kind == E_ATTRIBUTE) return emit_method_call(e, x, 0);
    if (f->kind == E_NAME) {
        Symbol *sym;
        Frame *fr;
        const char *name = f->u.name.id;
        if (emit_name_home(e, name, &sym, &fr) == NAME_GLOBAL) {
            if (strcmp(name, "print") == 0 && emit_never_bound_global(e, name) && print_keywords_ok(x))
                return emit_print(e, x);
            LLVMValueRef inl = emit_inline_builtin(e, x);
            if (inl) return inl;
            int g = emit_global_index(e, name);
            if (e->global_func[g]) {
                FuncDef *fd = e->global_func[g];
                LLVMValueRef r = direct_call(e, fd, g, x, fd->fn, fd->body_type, NULL, 0);
                if (r) return r;
            } else {
                LLVMValueRef r = emit_construct_call(e, x);
                if (r) return r;
            }
        }
    }
    return generic_call(e, emit_expr(e, f), x);
}

/* The def a call `f(…)` names when f is a module-level def called
 * directly, or NULL. */
static FuncDef *called_def(Emitter *e, const Expr *x, int *gidx) {
    const Expr *f = x->u.call.func;
    if (f->kind != E_NAME || has_star_args(x)) return NULL;
    Symbol *sym;
    Frame *fr;
    if (emit_name_home(e, f->u.name.id, &sym, &fr) != NAME_GLOBAL) return NULL;
    int g = emit_global_index(e, f->u.name.id);
    *gidx = g;
    return e->global_func[g];
}

bool emit_is_float_call(void *ctx, const Expr *call) {
    Emitter *e = ctx;
    int g;
    FuncDef *fd = e->fn ? called_def(e, call, &g) : NULL;
    return fd && fd->fret;
}

LLVMValueRef emit_float_direct_call(Emitter *e, const Expr *call, LLVMValueRef dout) {
    int g;
    FuncDef *fd = called_def(e, call, &g);
    if (!fd || !fd->fret) return NULL;
    e->fn->cur_line = call->pos.line;
    /* its failures report the call's span, as emit_expr's would */
    const Expr *outer = e->fn->cur_expr;
    e->fn->cur_expr = call;
    LLVMValueRef r = direct_call(e, fd, g, call, fd->fret, fd->fret_type, dout, 0);
    e->fn->cur_expr = outer;
    return r;
}

/* ---- dispatch ---------------------------------------------------------------------- */

static LLVMValueRef emit_expr_node(Emitter *e, const Expr *x);

/* Every expression: its failures report its span (FnState.cur_expr). */
LLVMValueRef emit_expr(Emitter *e, const Expr *x) {
    FnState *f = e->fn;
    const Expr *outer = f->cur_expr;
    f->cur_expr = x;
    LLVMValueRef v = emit_expr_node(e, x);
    f->cur_expr = outer;
    return v;
}

static LLVMValueRef emit_expr_node(Emitter *e, const Expr *x) {
    e->fn->cur_line = x->pos.line;
    if (e->nsubst) {
        LLVMValueRef kept = emit_float_subst(e, x);
        if (kept) return kept;
    }
    switch (x->kind) {
    case E_CONSTANT: return emit_constant(e, &x->u.constant);
    case E_NAME: return emit_load_name_expr(e, x);
    case E_BINOP: {
        LLVMValueRef t = emit_float_tree(e, x);
        if (t) return t;
        LLVMValueRef l = emit_expr(e, x->u.binop.left);
        LLVMValueRef r = emit_expr(e, x->u.binop.right);
        return emit_binop(e, x->u.binop.op, l, r, x->pos.line);
    }
    case E_UNARYOP: return emit_unary(e, x);
    case E_NAMEDEXPR: {
        /* x := v binds where scope.c put it: in a comprehension, the
         * enclosing function's (or module's) variable. */
        LLVMValueRef v = emit_expr(e, x->u.namedexpr.value);
        const Expr *t = x->u.namedexpr.target;
        emit_store_name(e, t->u.name.id, v, t->pos);
        return v;
    }
    case E_BOOLOP: return boolop_value(e, x);
    case E_COMPARE: {
        LLVMValueRef c = emit_float_compare_value(e, x);
        return c ? c : compare_chain_value(e, x);
    }
    case E_CALL: return emit_call(e, x);
    case E_LAMBDA: {
        FuncDef *fd = emit_declare_function(e, x, FUNC_LAMBDA);
        if (!fd) return emit_i64(e, 1);
        return emit_make_function(e, fd, &x->u.lambda.args->defaults, x->pos);
    }
    case E_ATTRIBUTE: return emit_attribute_load(e, x);
    case E_SUBSCRIPT: return emit_subscript_load(e, x);
    case E_SLICE: return emit_slice(e, x);
    case E_LIST: case E_TUPLE: case E_SET: case E_DICT: return emit_display(e, x);
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: case E_GENERATOREXP: return emit_comprehension(e, x);
    case E_JOINEDSTR: return emit_fstring(e, x);
    case E_AWAIT: return emit_await(e, x);
    case E_YIELD: case E_YIELDFROM: {
        const Expr *v = x->kind == E_YIELD ? x->u.yield.value : x->u.yieldfrom.value;
        LLVMValueRef val = v ? emit_expr(e, v) : emit_constant(e, &(Constant){.kind = CONST_NONE});
        LLVMValueRef r = emit_rt(e, x->kind == E_YIELD ? RT_ai_yield : RT_ai_yield_from, &val, 1);
        emit_check(e, r, x->pos.line);
        return r;
    }
    case E_FORMATTEDVALUE: {
        ExprList one = {1, (Expr **)&x};
        Expr js = {.kind = E_JOINEDSTR, .pos = x->pos, .u.joinedstr.values = one};
        return emit_fstring(e, &js);
    }
    case E_IFEXP: {
        LLVMValueRef c = emit_cond(e, x->u.ifexp.test);
        LLVMBasicBlockRef tb = emit_block(e, "then"), fb = emit_block(e, "else"), done = emit_block(e, "ifexp");
        LLVMBuildCondBr(e->b, c, tb, fb);
        LLVMPositionBuilderAtEnd(e->b, tb);
        LLVMValueRef tv = emit_expr(e, x->u.ifexp.body);
        LLVMBasicBlockRef tend = LLVMGetInsertBlock(e->b);
        LLVMBuildBr(e->b, done);
        LLVMPositionBuilderAtEnd(e->b, fb);
        LLVMValueRef fv = emit_expr(e, x->u.ifexp.orelse);
        LLVMBasicBlockRef fend = LLVMGetInsertBlock(e->b);
        LLVMBuildBr(e->b, done);
        LLVMPositionBuilderAtEnd(e->b, done);
        LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "");
        LLVMAddIncoming(phi, (LLVMValueRef[]){tv, fv}, (LLVMBasicBlockRef[]){tend, fend}, 2);
        return phi;
    }
    default: break;
    }
    static const char *const what[E__COUNT] = {
        [E_NAMEDEXPR] = "an assignment expression (':=')", [E_LAMBDA] = "'lambda'",
        [E_DICT] = "a dict display", [E_SET] = "a set display", [E_LISTCOMP] = "a list comprehension",
        [E_SETCOMP] = "a set comprehension", [E_DICTCOMP] = "a dict comprehension",
        [E_GENERATOREXP] = "a generator expression", [E_AWAIT] = "'await'", [E_YIELD] = "'yield'",
        [E_YIELDFROM] = "'yield from'", [E_FORMATTEDVALUE] = "an f-string", [E_JOINEDSTR] = "an f-string",
        [E_ATTRIBUTE] = "attribute access", [E_SUBSCRIPT] = "subscripting", [E_STARRED] = "a starred expression",
        [E_LIST] = "a list display", [E_TUPLE] = "a tuple", [E_SLICE] = "a slice",
    };
    unsupported(e, x->pos, what[x->kind] ? what[x->kind] : ast_expr_kind_name(x->kind));
    return emit_i64(e, 1);
}
