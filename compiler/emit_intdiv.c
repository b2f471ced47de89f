/*
 * emit_intdiv.c — `x // c` and `x % c` for a constant divisor c on a
 * tagged small int x.
 *
 * Job: the general small-int division (emit_expr.c small_binop) untags
 * both sides, tests the divisor for zero, divides with idiv and tests the
 * result for overflow. When the divisor is an LLVM constant (a literal in
 * the source, or a constant LLVM folded in) none of that is needed:
 *
 *   c = 2**k   x % c  = (t & (2c - 2)) | 1     t = 2x + 1, the tagged word:
 *              x // c = (t >> k) | 1           bits 1..k of t are bits
 *                                              0..k-1 of x; >> floors
 *   other c    q, m = sdiv, srem by the constant (LLVM turns them into a
 *              multiply), then Python's floor correction: when m != 0
 *              and m's sign differs from c's, q -= 1 and m += c.
 *
 * Invariant: the results always fit a small int (|x // c| <= |x| / 2 for
 * |c| >= 2, |x % c| < |c|), so no overflow test. c == 0 (ZeroDivisionError)
 * and c == -1 (-min does not fit) return NULL: the caller's general way
 * handles them. A divisor that is not an odd constant (not a small int's
 * tagged word) also returns NULL.
 */
#include "emit_internal.h"

LLVMValueRef emit_int_divmod_const(Emitter *e, BinOp op, LLVMValueRef l, LLVMValueRef r) {
    if ((op != OP_FLOORDIV && op != OP_MOD) || !LLVMIsAConstantInt(r)) return NULL;
    int64_t t = LLVMConstIntGetSExtValue(r);
    if (!(t & 1)) return NULL;
    int64_t c = t >> 1;
    if (c == 0 || c == -1) return NULL;
    LLVMValueRef one = emit_i64(e, 1);
    if (c == 1) return op == OP_FLOORDIV ? l : one;
    if (c > 0 && (c & (c - 1)) == 0) {
        int k = __builtin_ctzll((unsigned long long)c);
        if (op == OP_MOD) return LLVMBuildOr(e->b, LLVMBuildAnd(e->b, l, emit_i64(e, 2 * c - 2), ""), one, "mod");
        return LLVMBuildOr(e->b, LLVMBuildAShr(e->b, l, emit_i64(e, k), ""), one, "fdiv");
    }
    LLVMValueRef x = LLVMBuildAShr(e->b, l, one, "x"), cv = emit_i64(e, c), zero = emit_i64(e, 0);
    LLVMValueRef q = LLVMBuildSDiv(e->b, x, cv, "q"), m = LLVMBuildSRem(e->b, x, cv, "m");
    /* m != 0 with the other sign from c: for c > 0 that is m < 0 */
    LLVMValueRef adjust = c > 0 ? LLVMBuildICmp(e->b, LLVMIntSLT, m, zero, "adj")
                                : LLVMBuildICmp(e->b, LLVMIntSGT, m, zero, "adj");
    LLVMValueRef res = op == OP_FLOORDIV
                           ? LLVMBuildSub(e->b, q, LLVMBuildZExt(e->b, adjust, e->i64, ""), "")
                           : LLVMBuildAdd(e->b, m, LLVMBuildSelect(e->b, adjust, cv, zero, ""), "");
    return LLVMBuildOr(e->b, LLVMBuildShl(e->b, res, one, ""), one, op == OP_FLOORDIV ? "fdiv" : "mod");
}
