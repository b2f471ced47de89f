/*
 * emit_data.c — containers and the places values are stored in:
 * list/tuple/set/dict displays (with * and ** unpacking), attribute and
 * subscript access, slices, method calls, assignment targets (names,
 * attributes, items, nested unpacking with one starred target) and `del`.
 *
 * Evaluation order follows CPython: in `a[i] = v` the value first, then
 * the container, then the index; targets of `x, y = …` are assigned left
 * to right. A display without * is built in one runtime call from a stack
 * array; with * it is built incrementally (append/extend) so that elements
 * are still evaluated strictly left to right.
 *
 * Known difference: `o.m(args)` looks the method up after the arguments
 * are evaluated (one runtime call, no bound-method object); CPython looks
 * it up first. Only a failing lookup with side-effecting arguments can
 * tell the two apart.
 */
#include <string.h>

#include "aithon_rt.h"  /* the display-template encoding, the cache layouts */
#include "defassign.h"
#include "methnames.h"
#include "modules.h"
#include "emit_internal.h"

LLVMValueRef emit_value_array(Emitter *e, LLVMValueRef *vals, int n) {
    if (n == 0) return LLVMConstNull(e->ptr);
    LLVMValueRef arr = emit_alloca(e, LLVMArrayType2(e->i64, (uint64_t)n), "vals");
    for (int i = 0; i < n; i++)
        LLVMBuildStore(e->b, vals[i], LLVMBuildGEP2(e->b, e->i64, arr, (LLVMValueRef[]){emit_i64(e, i)}, 1, ""));
    return arr;
}

/* A stack array for n values that are stored as soon as each is
 * evaluated (emit_array_store), so that no value stays live — in a
 * register or a spill slot — across the evaluation of the others: with
 * thousands of elements (a display of names, a call with thousands of
 * arguments) those live ranges made register allocation quadratic. */
LLVMValueRef emit_array_new(Emitter *e, int n) {
    if (n == 0) return LLVMConstNull(e->ptr);
    return emit_alloca(e, LLVMArrayType2(e->i64, (uint64_t)n), "vals");
}

void emit_array_store(Emitter *e, LLVMValueRef arr, int i, LLVMValueRef v) {
    LLVMBuildStore(e->b, v, LLVMBuildGEP2(e->b, e->i64, arr, (LLVMValueRef[]){emit_i64(e, i)}, 1, ""));
}

static LLVMValueRef load_elem(Emitter *e, LLVMValueRef arr, int i) {
    return LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, arr, (LLVMValueRef[]){emit_i64(e, i)}, 1, ""), "");
}

static LLVMValueRef none_value(Emitter *e) { return emit_constant(e, &(Constant){.kind = CONST_NONE}); }

static LLVMValueRef name_const(Emitter *e, const char *name) { return emit_const_str(e, name, strlen(name)); }

/* ---- inline paths for exact lists and tuples ---------------------------------------- */

/* The address of a runtime type object (ai_list_type …) as an i64. */
static LLVMValueRef type_word(Emitter *e, const char *sym) {
    LLVMValueRef g = LLVMGetNamedGlobal(e->m, sym);
    if (!g) g = LLVMAddGlobal(e->m, e->i64, sym);
    return emit_ptr_value(e, g);
}

static LLVMValueRef field_ptr(Emitter *e, LLVMValueRef obj_ptr, int64_t off) {
    return LLVMBuildGEP2(e->b, e->i8, obj_ptr, (LLVMValueRef[]){emit_i64(e, off)}, 1, "");
}

/* Branch to `list_bb` when v is an exact list, `tuple_bb` (when not NULL)
 * an exact tuple, else `other`. Returns v as a pointer. */
static LLVMValueRef seq_dispatch(Emitter *e, LLVMValueRef v, LLVMBasicBlockRef list_bb, LLVMBasicBlockRef tuple_bb,
                                 LLVMBasicBlockRef other) {
    LLVMBasicBlockRef obj = emit_block(e, "seq.obj");
    LLVMBuildCondBr(e->b, LLVMBuildTrunc(e->b, v, e->i1, ""), other, obj);
    LLVMPositionBuilderAtEnd(e->b, obj);
    LLVMValueRef p = LLVMBuildIntToPtr(e->b, v, e->ptr, "");
    LLVMValueRef t = LLVMBuildAnd(e->b, LLVMBuildLoad2(e->b, e->i64, p, "hdr"), emit_i64(e, ~(int64_t)AI_HDR_GC_MASK), "");
    if (tuple_bb) {
        LLVMBasicBlockRef not_list = emit_block(e, "seq.nl");
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, t, type_word(e, "ai_list_type"), ""), list_bb, not_list);
        LLVMPositionBuilderAtEnd(e->b, not_list);
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, t, type_word(e, "ai_tuple_type"), ""), tuple_bb, other);
    } else {
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, t, type_word(e, "ai_list_type"), ""), list_bb, other);
    }
    return p;
}

/* ai_list { hdr, len, cap, items* }; ai_tuple { hdr, len, items[] } */
enum { SEQ_LEN = 8, LIST_ITEMS = 24, TUPLE_ITEMS = 16 };

/* The index of tagged small int k in a sequence of length len, or a
 * branch to `other` (not a small int, out of range: the runtime raises). */
static LLVMValueRef seq_index(Emitter *e, LLVMValueRef k, LLVMValueRef len, LLVMBasicBlockRef other) {
    LLVMBasicBlockRef isint = emit_block(e, "idx.int"), inr = emit_block(e, "idx.ok");
    LLVMBuildCondBr(e->b, LLVMBuildTrunc(e->b, k, e->i1, ""), isint, other);
    LLVMPositionBuilderAtEnd(e->b, isint);
    LLVMValueRef i = LLVMBuildAShr(e->b, k, emit_i64(e, 1), "");
    LLVMValueRef neg = LLVMBuildICmp(e->b, LLVMIntSLT, i, emit_i64(e, 0), "");
    i = LLVMBuildSelect(e->b, neg, LLVMBuildAdd(e->b, i, len, ""), i, "idx");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntULT, i, len, ""), inr, other);
    LLVMPositionBuilderAtEnd(e->b, inr);
    return i;
}

/* ai_strobj { hdr, len, hash, kind (u8), ascii, pad, spare (u32), data } */
enum { STR_KIND = 24, STR_DATA = 32 };

/* o[k] with inline paths for an exact list or tuple and a small-int k,
 * and for an exact one-byte str (a scanner's `src[i]`): the runtime's
 * cached one-character string of that byte (ai_str_char_cache, filled
 * on first use; an empty entry takes the runtime's way, which fills it). */
static LLVMValueRef getitem(Emitter *e, LLVMValueRef o, LLVMValueRef k, int line) {
    if (e->fn->cold) {          /* run-once code: the runtime's call */
        LLVMValueRef v = emit_rt(e, RT_ai_getitem, (LLVMValueRef[]){o, k}, 2);
        emit_check(e, v, line);
        return v;
    }
    LLVMBasicBlockRef lbb = emit_block(e, "gi.list"), tbb = emit_block(e, "gi.tuple"), nseq = emit_block(e, "gi.nseq"),
                      sbb = emit_block(e, "gi.str"), slow = emit_block(e, "gi.slow"), done = emit_block(e, "gi.done");
    LLVMValueRef p = seq_dispatch(e, o, lbb, tbb, nseq);
    LLVMValueRef vals[4];
    LLVMBasicBlockRef from[4];
    LLVMPositionBuilderAtEnd(e->b, nseq);
    {
        /* (o is an object here: seq_dispatch sent small ints to nseq
         * only through its first test, so test the tag again) */
        LLVMBasicBlockRef obj = emit_block(e, "gi.sobj");
        LLVMBuildCondBr(e->b, LLVMBuildTrunc(e->b, o, e->i1, ""), slow, obj);
        LLVMPositionBuilderAtEnd(e->b, obj);
        LLVMValueRef sp = LLVMBuildIntToPtr(e->b, o, e->ptr, "");
        LLVMValueRef t = LLVMBuildAnd(e->b, LLVMBuildLoad2(e->b, e->i64, sp, "hdr"),
                                      emit_i64(e, ~(int64_t)AI_HDR_GC_MASK), "");
        LLVMValueRef kind = LLVMBuildLoad2(e->b, e->i8, field_ptr(e, sp, STR_KIND), "kind");
        LLVMValueRef ok = LLVMBuildAnd(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, t, type_word(e, "ai_str_type"), ""),
                                       LLVMBuildICmp(e->b, LLVMIntEQ, kind, LLVMConstInt(e->i8, 1, 0), ""), "");
        LLVMBuildCondBr(e->b, ok, sbb, slow);
        LLVMPositionBuilderAtEnd(e->b, sbb);
        LLVMValueRef i = seq_index(e, k, LLVMBuildLoad2(e->b, e->i64, field_ptr(e, sp, SEQ_LEN), "len"), slow);
        LLVMValueRef byte = LLVMBuildLoad2(e->b, e->i8, LLVMBuildGEP2(e->b, e->i8, field_ptr(e, sp, STR_DATA), &i, 1, ""),
                                           "ch");
        LLVMValueRef cache = LLVMGetNamedGlobal(e->m, "ai_str_char_cache");
        if (!cache) cache = LLVMAddGlobal(e->m, e->i64, "ai_str_char_cache");
        LLVMValueRef ix = LLVMBuildZExt(e->b, byte, e->i64, "");
        vals[3] = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, cache, &ix, 1, ""), "char");
        from[3] = LLVMGetInsertBlock(e->b);
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, vals[3], emit_i64(e, 0), ""), slow, done);
    }
    LLVMPositionBuilderAtEnd(e->b, lbb);
    LLVMValueRef i = seq_index(e, k, LLVMBuildLoad2(e->b, e->i64, field_ptr(e, p, SEQ_LEN), "len"), slow);
    LLVMValueRef items = LLVMBuildLoad2(e->b, e->ptr, field_ptr(e, p, LIST_ITEMS), "items");
    vals[0] = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, items, &i, 1, ""), "item");
    from[0] = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, tbb);
    i = seq_index(e, k, LLVMBuildLoad2(e->b, e->i64, field_ptr(e, p, SEQ_LEN), "len"), slow);
    vals[1] = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, field_ptr(e, p, TUPLE_ITEMS), &i, 1, ""), "item");
    from[1] = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    vals[2] = emit_rt(e, RT_ai_getitem, (LLVMValueRef[]){o, k}, 2);
    emit_check(e, vals[2], line);
    from[2] = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "");
    LLVMAddIncoming(phi, vals, from, 4);
    return phi;
}

/* The write barrier after storing v into `slot` of object p, inline
 * (gc.h's gc_barrier_at test: holder old and not remembered, v a young
 * object), its rare slow part — remembering the slot's card or the
 * holder — in the runtime; ends with a branch to `done`. */
static void emit_store_barrier(Emitter *e, LLVMValueRef p, LLVMValueRef slot, LLVMValueRef v, LLVMBasicBlockRef done) {
    LLVMValueRef hh = LLVMBuildAnd(e->b, LLVMBuildLoad2(e->b, e->i64, p, "hdr"), emit_i64(e, (int64_t)AI_HDR_GC_BITS), "");
    LLVMBasicBlockRef chk = emit_block(e, "wb.chk"), chk2 = emit_block(e, "wb.chk2"), rem = emit_block(e, "wb.rem");
    emit_br_unlikely(e, LLVMBuildICmp(e->b, LLVMIntEQ, hh, emit_i64(e, (int64_t)AI_HDR_OLD), ""), chk, done);
    LLVMPositionBuilderAtEnd(e->b, chk);
    LLVMBuildCondBr(e->b, LLVMBuildTrunc(e->b, v, e->i1, ""), done, chk2);
    LLVMPositionBuilderAtEnd(e->b, chk2);
    LLVMValueRef vh = LLVMBuildLoad2(e->b, e->i64, LLVMBuildIntToPtr(e->b, v, e->ptr, ""), "vhdr");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, LLVMBuildAnd(e->b, vh, emit_i64(e, (int64_t)AI_HDR_OLD), ""),
                                        emit_i64(e, 0), ""), rem, done);
    LLVMPositionBuilderAtEnd(e->b, rem);
    emit_rt(e, RT_ai_write_barrier, (LLVMValueRef[]){p, slot}, 2);
    LLVMBuildBr(e->b, done);
}

/* o[k] = v with an inline path for an exact list and a small-int k (the
 * test of gc.h's gc_barrier_at inline, its rare slow part — remembering
 * the slot's card or the list — in the runtime). */
static void setitem(Emitter *e, LLVMValueRef o, LLVMValueRef k, LLVMValueRef v, int line) {
    if (e->fn->cold) {          /* run-once code: the runtime's call */
        emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){o, k, v}, 3), line);
        return;
    }
    LLVMBasicBlockRef lbb = emit_block(e, "si.list"), slow = emit_block(e, "si.slow"), done = emit_block(e, "si.done");
    LLVMValueRef p = seq_dispatch(e, o, lbb, NULL, slow);
    LLVMPositionBuilderAtEnd(e->b, lbb);
    LLVMValueRef i = seq_index(e, k, LLVMBuildLoad2(e->b, e->i64, field_ptr(e, p, SEQ_LEN), "len"), slow);
    LLVMValueRef items = LLVMBuildLoad2(e->b, e->ptr, field_ptr(e, p, LIST_ITEMS), "items");
    LLVMValueRef slot = LLVMBuildGEP2(e->b, e->i64, items, &i, 1, "");
    LLVMBuildStore(e->b, v, slot);
    emit_store_barrier(e, p, slot, v, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){o, k, v}, 3), line);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
}

/* ---- displays --------------------------------------------------------------- */

static bool any_starred(const ExprList *l) {
    for (int i = 0; i < l->n; i++)
        if (l->v[i]->kind == E_STARRED) return true;
    return false;
}

/* A list holding the elements of `elts` (starred ones spliced in). */
static LLVMValueRef build_list(Emitter *e, const ExprList *elts, int line) {
    LLVMValueRef callee = e->star_callee;   /* only for this call's own arguments */
    e->star_callee = NULL;
    int n = elts->n, prefix = 0;
    while (prefix < n && elts->v[prefix]->kind != E_STARRED) prefix++;
    LLVMValueRef arr = emit_array_new(e, prefix);
    for (int i = 0; i < prefix; i++) emit_array_store(e, arr, i, emit_expr(e, elts->v[i]));
    LLVMValueRef list = emit_rt(e, RT_ai_list_new, (LLVMValueRef[]){arr, emit_i64(e, prefix)}, 2);
    emit_check(e, list, line);
    for (int i = prefix; i < n; i++) {
        const Expr *x = elts->v[i];
        bool star = x->kind == E_STARRED;
        LLVMValueRef v = emit_expr(e, star ? x->u.starred.value : x);
        /* *v in a call naming its callee when it is the only argument,
         * else CPython's "Value after * …" */
        LLVMValueRef who = callee && n == 1 ? callee : emit_i64(e, 0);
        LLVMValueRef rc = star ? emit_rt(e, RT_ai_call_star_extend, (LLVMValueRef[]){list, v, who}, 3)
                               : emit_rt(e, RT_ai_list_append, (LLVMValueRef[]){list, v}, 2);
        emit_check_i32(e, rc, x->pos.line);
    }
    return list;
}

/* Tuples of up to this many items are allocated inline. */
#define SMALL_TUPLE_MAX 8

/* A tuple of n values bump-allocated in the running actor's nursery, as
 * emit_box_float does for floats (alloc.h A1-A3: the memory is zero, only
 * the header, the length and the items are written; a new object needs no
 * barrier); ai_tuple_pack when the nursery is full. */
static LLVMValueRef small_tuple(Emitter *e, LLVMValueRef *vals, int n, int line) {
    LLVMBasicBlockRef here = emit_block(e, "tuple.bump"), slow = emit_block(e, "tuple.slow"),
                      done = emit_block(e, "tuple");
    LLVMValueRef top = emit_nursery_bump(e, emit_i64(e, TUPLE_ITEMS + 8 * n), here, slow);
    LLVMValueRef p = LLVMBuildIntToPtr(e->b, top, e->ptr, "");
    /* ai_tuple { hdr, len, items[] } */
    LLVMBuildStore(e->b, type_word(e, "ai_tuple_type"), p);
    LLVMBuildStore(e->b, emit_i64(e, n), field_ptr(e, p, SEQ_LEN));
    for (int i = 0; i < n; i++) LLVMBuildStore(e->b, vals[i], field_ptr(e, p, TUPLE_ITEMS + 8 * i));
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef t = emit_rt(e, RT_ai_tuple_pack, (LLVMValueRef[]){emit_value_array(e, vals, n), emit_i64(e, n)}, 2);
    emit_check(e, t, line);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "tuple");
    LLVMAddIncoming(phi, (LLVMValueRef[]){top, t}, (LLVMBasicBlockRef[]){here, slow_end}, 2);
    return phi;
}

static LLVMValueRef build_tuple(Emitter *e, const ExprList *elts, int line) {
    if (any_starred(elts)) {
        LLVMValueRef t = emit_rt(e, RT_ai_list_to_tuple, (LLVMValueRef[]){build_list(e, elts, line)}, 1);
        emit_check(e, t, line);
        return t;
    }
    if (elts->n >= 1 && elts->n <= SMALL_TUPLE_MAX && !e->fn->cold) {
        LLVMValueRef vals[SMALL_TUPLE_MAX];
        for (int i = 0; i < elts->n; i++) vals[i] = emit_expr(e, elts->v[i]);
        return small_tuple(e, vals, elts->n, line);
    }
    LLVMValueRef arr = emit_array_new(e, elts->n);
    for (int i = 0; i < elts->n; i++) emit_array_store(e, arr, i, emit_expr(e, elts->v[i]));
    LLVMValueRef t = emit_rt(e, RT_ai_tuple_pack, (LLVMValueRef[]){arr, emit_i64(e, elts->n)}, 2);
    emit_check(e, t, line);
    return t;
}

/* Does CPython's AST optimiser turn x into a constant? (A literal, a
 * signed literal like -1, a tuple of those.) */
static bool folds_to_constant(const Expr *x) {
    switch (x->kind) {
    case E_CONSTANT: return x->u.constant.kind != CONST_IMAG;
    case E_UNARYOP:
        return x->u.unaryop.op != UOP_NOT && x->u.unaryop.operand->kind == E_CONSTANT &&
               (x->u.unaryop.operand->u.constant.kind == CONST_INT ||
                x->u.unaryop.operand->u.constant.kind == CONST_FLOAT);
    case E_TUPLE:
        for (int i = 0; i < x->u.list.elts.n; i++)
            if (!folds_to_constant(x->u.list.elts.v[i])) return false;
        return true;
    default: return false;
    }
}

/* CPython folds a display of 3+ constants into a frozenset. */
static bool constant_set(const ExprList *elts) {
    if (elts->n < 3) return false;
    for (int i = 0; i < elts->n; i++)
        if (!folds_to_constant(elts->v[i])) return false;
    return true;
}

static LLVMValueRef build_set(Emitter *e, const ExprList *elts, int line, bool fold) {
    int n = elts->n, prefix = 0;
    if (fold && constant_set(elts)) {
        LLVMValueRef arr = emit_array_new(e, n);
        for (int i = 0; i < n; i++) emit_array_store(e, arr, i, emit_expr(e, elts->v[i]));
        LLVMValueRef set = emit_rt(e, RT_ai_set_new_const, (LLVMValueRef[]){arr, emit_i64(e, n)}, 2);
        emit_check(e, set, line);
        return set;
    }
    while (prefix < n && elts->v[prefix]->kind != E_STARRED) prefix++;
    LLVMValueRef arr = emit_array_new(e, prefix);
    for (int i = 0; i < prefix; i++) emit_array_store(e, arr, i, emit_expr(e, elts->v[i]));
    LLVMValueRef set = emit_rt(e, RT_ai_set_new, (LLVMValueRef[]){arr, emit_i64(e, prefix)}, 2);
    emit_check(e, set, line);
    for (int i = prefix; i < n; i++) {
        const Expr *x = elts->v[i];
        bool star = x->kind == E_STARRED;
        LLVMValueRef v = emit_expr(e, star ? x->u.starred.value : x);
        emit_check_i32(e, emit_rt(e, star ? RT_ai_set_update : RT_ai_set_add, (LLVMValueRef[]){set, v}, 2), x->pos.line);
    }
    return set;
}

static LLVMValueRef build_dict(Emitter *e, const Expr *x) {
    const ExprList *keys = &x->u.dict.keys, *values = &x->u.dict.values;
    int n = keys->n, prefix = 0;
    while (prefix < n && keys->v[prefix]) prefix++;
    LLVMValueRef kv = emit_array_new(e, 2 * prefix);
    for (int i = 0; i < prefix; i++) {
        emit_array_store(e, kv, 2 * i, emit_expr(e, keys->v[i]));
        emit_array_store(e, kv, 2 * i + 1, emit_expr(e, values->v[i]));
    }
    LLVMValueRef d = emit_rt(e, RT_ai_dict_new, (LLVMValueRef[]){kv, emit_i64(e, prefix)}, 2);
    emit_check(e, d, x->pos.line);
    for (int i = prefix; i < n; i++) {
        if (keys->v[i]) {
            LLVMValueRef k = emit_expr(e, keys->v[i]);
            LLVMValueRef v = emit_expr(e, values->v[i]);
            emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){d, k, v}, 3), keys->v[i]->pos.line);
        } else {
            LLVMValueRef m = emit_expr(e, values->v[i]);
            emit_check_i32(e, emit_rt(e, RT_ai_dict_merge, (LLVMValueRef[]){d, m}, 2), values->v[i]->pos.line);
        }
    }
    return d;
}

/* ---- big displays of constants: data, not code ------------------------------------ */

/* A display with at least TEMPLATE_MIN_LEAVES constants in it, nested
 * displays included, and nothing else (`[0, 1, 2, …]`, a table of rows of
 * numbers and strings), is emitted as a template that the runtime
 * interprets (ai_build_display, core/consts.c): a constant array of words
 * instead of one store per element — a 100,000-element literal is 1.6 MB
 * of data, not a 100,000-instruction block that LLVM takes minutes over.
 * Smaller displays stay inline code. */
enum { TEMPLATE_MIN_LEAVES = 16 };

/* A literal, or a signed number literal (-1, +2.5). */
static bool template_leaf(const Expr *x) {
    if (x->kind == E_CONSTANT) return x->u.constant.kind != CONST_IMAG;
    if (x->kind != E_UNARYOP || (x->u.unaryop.op != UOP_USUB && x->u.unaryop.op != UOP_UADD)) return false;
    const Expr *o = x->u.unaryop.operand;
    return o->kind == E_CONSTANT && (o->u.constant.kind == CONST_INT || o->u.constant.kind == CONST_FLOAT);
}

/* Can x be part of a template? Counts its leaves. */
static bool template_ok(const Expr *x, int64_t *leaves) {
    if (template_leaf(x)) {
        ++*leaves;
        return true;
    }
    const ExprList *l;
    switch (x->kind) {
    case E_LIST: case E_TUPLE: l = &x->u.list.elts; break;
    case E_SET: l = &x->u.set.elts; break;
    case E_DICT:
        for (int i = 0; i < x->u.dict.keys.n; i++)
            if (!x->u.dict.keys.v[i] || !template_ok(x->u.dict.keys.v[i], leaves) ||
                !template_ok(x->u.dict.values.v[i], leaves))
                return false;
        return true;
    default: return false;
    }
    for (int i = 0; i < l->n; i++)
        if (l->v[i]->kind == E_STARRED || !template_ok(l->v[i], leaves)) return false;
    return true;
}

typedef struct {
    LLVMValueRef *words;
    int n, cap;
    int64_t sp, maxsp;      /* the builder's value stack */
} Template;

static void tpl_word(Emitter *e, Template *t, LLVMValueRef w) {
    t->words = arena_grow(e->arena, t->words, &t->cap, t->n + 1, sizeof(LLVMValueRef));
    t->words[t->n++] = w;
}

static void tpl_push(Template *t, int64_t k) {
    t->sp += k;
    if (t->sp > t->maxsp) t->maxsp = t->sp;
}

/* Postfix: the items, then the operation that makes their container. */
static void tpl_emit(Emitter *e, Template *t, const Expr *x) {
    if (template_leaf(x)) {
        Constant c = x->kind == E_CONSTANT ? x->u.constant : x->u.unaryop.operand->u.constant;
        if (x->kind == E_UNARYOP && x->u.unaryop.op == UOP_USUB) {
            if (c.kind == CONST_FLOAT) c.fval = -c.fval;
            else if (c.big) c.big = arena_printf(e->arena, "-%s", c.big);
            else c.ival = -c.ival;
        }
        bool indirect;
        LLVMValueRef w = emit_constant_word(e, &c, &indirect);
        tpl_word(e, t, emit_i64(e, indirect ? AI_TPL_REF : AI_TPL_VAL));
        tpl_word(e, t, indirect ? LLVMConstPtrToInt(w, e->i64) : w);
        tpl_push(t, 1);
        return;
    }
    int64_t n, kind;
    if (x->kind == E_DICT) {
        n = x->u.dict.keys.n;
        for (int i = 0; i < n; i++) {
            tpl_emit(e, t, x->u.dict.keys.v[i]);
            tpl_emit(e, t, x->u.dict.values.v[i]);
        }
        kind = AI_TPL_DICT;
        t->sp -= 2 * n;
    } else {
        const ExprList *l = x->kind == E_SET ? &x->u.set.elts : &x->u.list.elts;
        n = l->n;
        for (int i = 0; i < n; i++) tpl_emit(e, t, l->v[i]);
        kind = x->kind == E_LIST ? AI_TPL_LIST : x->kind == E_TUPLE ? AI_TPL_TUPLE
             : constant_set(l) ? AI_TPL_SETC : AI_TPL_SET;
        t->sp -= n;
    }
    tpl_word(e, t, emit_i64(e, n << 8 | kind));
    tpl_push(t, 1);
}

/* The display built from a template, or NULL when x is not one. */
static LLVMValueRef build_from_template(Emitter *e, const Expr *x) {
    int64_t leaves = 0;
    if (!template_ok(x, &leaves) || leaves < TEMPLATE_MIN_LEAVES) return NULL;
    Template t = {0};
    tpl_word(e, &t, NULL);      /* header: filled below */
    tpl_word(e, &t, NULL);
    tpl_emit(e, &t, x);
    t.words[0] = emit_i64(e, t.n - 2);
    t.words[1] = emit_i64(e, t.maxsp);
    LLVMValueRef init = LLVMConstArray2(e->i64, t.words, (uint64_t)t.n);
    LLVMValueRef g = LLVMAddGlobal(e->m, LLVMTypeOf(init), "display");
    LLVMSetInitializer(g, init);
    LLVMSetGlobalConstant(g, 1);
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    LLVMValueRef v = emit_rt(e, RT_ai_build_display, &g, 1);
    emit_check(e, v, x->pos.line);
    return v;
}

LLVMValueRef emit_display(Emitter *e, const Expr *x) {
    LLVMValueRef v = build_from_template(e, x);
    if (v) return v;
    switch (x->kind) {
    case E_LIST: return build_list(e, &x->u.list.elts, x->pos.line);
    case E_TUPLE: return build_tuple(e, &x->u.list.elts, x->pos.line);
    case E_SET: return build_set(e, &x->u.set.elts, x->pos.line, true);
    default: return build_dict(e, x);
    }
}

/* A list from `elts` — also the args tuple of f(*a, b) via ai_list_to_tuple. */
LLVMValueRef emit_list_of(Emitter *e, const ExprList *elts, int line) { return build_list(e, elts, line); }

/* A set display iterated by a for loop or a comprehension: CPython then
 * iterates the folded frozenset itself, whose order is the plain one. */
LLVMValueRef emit_iterable(Emitter *e, const Expr *x) {
    if (x->kind == E_SET) return build_set(e, &x->u.set.elts, x->pos.line, false);
    return emit_expr(e, x);
}

/* ---- attributes, subscripts, slices ------------------------------------------------ */

static LLVMValueRef opt_expr(Emitter *e, const Expr *x) { return x ? emit_expr(e, x) : none_value(e); }

/* The key of a subscript: a slice object for a[i:j:k], else the value. */
static LLVMValueRef subscript_key(Emitter *e, const Expr *slice) {
    if (slice->kind != E_SLICE) return emit_expr(e, slice);
    return emit_slice(e, slice);
}

/* a:b:c as a slice object (also inside a tuple key: g[1:2, ::3]). */
LLVMValueRef emit_slice(Emitter *e, const Expr *slice) {
    LLVMValueRef lo = opt_expr(e, slice->u.slice.lower);
    LLVMValueRef hi = opt_expr(e, slice->u.slice.upper);
    LLVMValueRef st = opt_expr(e, slice->u.slice.step);
    LLVMValueRef s = emit_rt(e, RT_ai_slice_new, (LLVMValueRef[]){lo, hi, st}, 3);
    emit_check(e, s, slice->pos.line);
    return s;
}

/* ---- a[i:j] = b[k:l:m] ------------------------------------------------------------- */

/* Can x (a bound of the target's slice, or its object) be evaluated with
 * no Python code run and no exception, given that the plain locals it
 * names are bound and, under + or -, small ints? Those locals go to
 * names[]/arith[] (at most 6). */
static bool slice_pure(Emitter *e, const Expr *x, bool in_arith, const char **names, bool *arith, int *n) {
    if (!x) return true;
    switch (x->kind) {
    case E_CONSTANT:
        return (x->u.constant.kind == CONST_INT && !x->u.constant.big) || (!in_arith && x->u.constant.kind == CONST_NONE);
    case E_NAME: {
        Symbol *sym;
        Frame *f;
        LLVMValueRef d, fl;
        if (*n == 6 || emit_name_home(e, x->u.name.id, &sym, &f) != NAME_LOCAL || emit_float_local(e, x->u.name.id, &d, &fl))
            return false;
        names[*n] = x->u.name.id;
        arith[(*n)++] = in_arith;
        return true;
    }
    case E_BINOP:
        return (x->u.binop.op == OP_ADD || x->u.binop.op == OP_SUB) &&
               slice_pure(e, x->u.binop.left, true, names, arith, n) && slice_pure(e, x->u.binop.right, true, names, arith, n);
    default: return false;
    }
}

/* `a[i:j] = b[k:l:m]` (a a local, i and j constants, locals or sums of
 * them): CPython takes the slice of b first, then evaluates a, i and j.
 * When those locals are bound (and small ints where they are added),
 * evaluating a, i and j can neither run code nor raise, so the order is
 * unobservable and the runtime may copy from b into a directly
 * (ai_setslice_slice: no intermediate list for two exact lists).
 * Otherwise the statement is emitted in CPython's order. */
bool emit_slice_copy_assign(Emitter *e, const Stmt *s) {
    if (e->fn->cold || s->u.assign.targets.n != 1) return false;
    const Expr *t = s->u.assign.targets.v[0], *v = s->u.assign.value;
    if (t->kind != E_SUBSCRIPT || v->kind != E_SUBSCRIPT || t->u.subscript.slice->kind != E_SLICE ||
        v->u.subscript.slice->kind != E_SLICE || t->u.subscript.slice->u.slice.step)
        return false;
    const Expr *tsl = t->u.subscript.slice;
    const char *names[6];
    bool arith[6];
    int n = 0;
    if (t->u.subscript.value->kind != E_NAME || !slice_pure(e, t->u.subscript.value, false, names, arith, &n) ||
        !slice_pure(e, tsl->u.slice.lower, false, names, arith, &n) || !slice_pure(e, tsl->u.slice.upper, false, names, arith, &n))
        return false;
    const Expr *vsl = v->u.subscript.slice;
    LLVMValueRef b = emit_expr(e, v->u.subscript.value);
    LLVMValueRef p = opt_expr(e, vsl->u.slice.lower);
    LLVMValueRef q = opt_expr(e, vsl->u.slice.upper);
    LLVMValueRef r = opt_expr(e, vsl->u.slice.step);
    LLVMValueRef ok = LLVMConstInt(e->i1, 1, 0);
    for (int i = 0; i < n; i++) {
        LLVMValueRef x = emit_peek_local(e, names[i]);
        LLVMValueRef good = arith[i] ? LLVMBuildTrunc(e->b, x, e->i1, "") /* a small int */
                                     : LLVMBuildICmp(e->b, LLVMIntNE, x, emit_i64(e, 0), "");
        ok = LLVMBuildAnd(e->b, ok, good, "");
    }
    LLVMBasicBlockRef fused = emit_block(e, "sliceset.fused"), order = emit_block(e, "sliceset.order"),
                      done = emit_block(e, "sliceset");
    LLVMBuildCondBr(e->b, ok, fused, order);
    int line = s->pos.line;
    LLVMPositionBuilderAtEnd(e->b, fused);
    LLVMValueRef a = emit_expr(e, t->u.subscript.value);
    LLVMValueRef lo = opt_expr(e, tsl->u.slice.lower), hi = opt_expr(e, tsl->u.slice.upper);
    emit_check_i32(e, emit_rt(e, RT_ai_setslice_slice, (LLVMValueRef[]){a, lo, hi, b, p, q, r}, 7), line);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, order);
    LLVMValueRef tmp = emit_rt(e, RT_ai_getslice, (LLVMValueRef[]){b, p, q, r}, 4);
    emit_check(e, tmp, v->pos.line);
    emit_store_target(e, t, tmp);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    return true;
}

/* A call site's cache: n zero words, private to the site, owned by the
 * runtime (attribute caches, method-call records). */
static LLVMValueRef site_cache(Emitter *e, unsigned n, const char *name) {
    LLVMTypeRef t = LLVMArrayType2(e->i64, n);
    LLVMValueRef g = LLVMAddGlobal(e->m, t, name);
    LLVMSetInitializer(g, LLVMConstNull(t));
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    LLVMSetAlignment(g, 8);
    return g;
}

/* The class word of a record compiled code reads (ai_arec, ai_mrec,
 * ai_crec: aithon_rt.h): the record's class while it is valid, NULL once
 * the class changed (runtime/objects/class.c, cls_new_version); so one
 * compare with the object's class checks both. */
LLVMValueRef emit_rec_cls(Emitter *e, LLVMValueRef rec) {
    LLVMValueRef c = LLVMBuildLoad2(e->b, e->i64, rec, "rcls");
    LLVMSetOrdering(c, LLVMAtomicOrderingMonotonic);
    LLVMSetAlignment(c, 8);
    return c;
}

/* The ways of an attribute site that compiled code checks; the runtime
 * call on a miss checks all AI_ATTR_IC_WAYS. Two: most sites see one or
 * two shapes, and each inline way costs compile time (mod_dataclasses
 * with an empty cache: 16 s with one way, 18 s with two, 22 s with four;
 * richards ran 0.18 / 0.16 / 0.16-0.29 s). All of them in the methods
 * of a class that another class derives from (FnState.poly_self): there
 * `self.x` sees each subclass, and a miss costs a runtime call. */
#define IC_INLINE_WAYS 2

static int ic_inline_ways(Emitter *e) { return e->fn->poly_self ? AI_ATTR_IC_WAYS : IC_INLINE_WAYS; }

/* What the inline check of a site's ways found: o as a pointer; the
 * record that passed in the builder's block (a plain slot's), and in
 * block `fhit` (which the caller fills) `frec`, a float slot's. */
typedef struct {
    LLVMValueRef p, rec, frec;
    LLVMBasicBlockRef fhit;
} ArecHit;

/* The inline check of an attribute site's ways (ai_arec records,
 * aithon_rt.h; runtime/objects/class_ic.c makes them): o an object whose
 * type is the record's cls (or, at a read, whose type's ic_key is the
 * record's key: plain classes share read records), and whose dict word
 * is the record's shape. A record's cls is stale from the moment its
 * class changes.
 * Leaves the builder in the hit block of a plain slot's record; an empty
 * way or no passing record branches to slow. The dict word is read only
 * once a class matched (the object then has one).
 *
 * A float slot's record has its shape tagged (AI_AREC_FSLOT), and the
 * site's kind chooses how it is found, so that each record costs the
 * sites that meet it only:
 *   - generic sites (floats == false): the plain compare, and only when
 *     it failed the dict word against the tagged shape (to h->fhit). A
 *     site whose records are all plain slots' runs exactly the plain path
 *     (the float path costs it code, no instruction); one that met a
 *     float slot pays a compare more than a plain hit;
 *   - float trees' sites (floats == true), which expect float slots: one
 *     compare takes both (dict word ^ shape is 0 or the tag), the tag
 *     then choosing fhit or the plain hit. */
static void arec_check(Emitter *e, LLVMValueRef o, LLVMValueRef cache, LLVMBasicBlockRef slow, bool floats,
                       bool read, ArecHit *h) {
    LLVMBasicBlockRef obj = emit_block(e, "ic.obj"), hit = emit_block(e, "ic.hit");
    LLVMValueRef tags[AI_ATTR_IC_WAYS];
    h->fhit = emit_block(e, "ic.fhit");
    emit_br_unlikely(e, LLVMBuildTrunc(e->b, o, e->i1, ""), slow, obj);
    LLVMPositionBuilderAtEnd(e->b, obj);
    LLVMValueRef p = LLVMBuildIntToPtr(e->b, o, e->ptr, "");
    LLVMValueRef t = LLVMBuildAnd(e->b, LLVMBuildLoad2(e->b, e->i64, p, "hdr"), emit_i64(e, ~(int64_t)AI_HDR_GC_MASK), "type");
    int nways = ic_inline_ways(e);
    LLVMValueRef recs[AI_ATTR_IC_WAYS];
    LLVMBasicBlockRef from[AI_ATTR_IC_WAYS], ffrom[AI_ATTR_IC_WAYS];
    for (int w = 0; w < nways; w++) {
        LLVMBasicBlockRef chk = emit_block(e, "ic.way"), shp = emit_block(e, "ic.shape"),
                          fchk = emit_block(e, "ic.fshape"), next = w + 1 < nways ? emit_block(e, "ic.next") : slow;
        LLVMValueRef rec = LLVMBuildLoad2(e->b, e->ptr, LLVMBuildGEP2(e->b, e->i64, cache, (LLVMValueRef[]){emit_i64(e, w)}, 1, ""), "arec");
        LLVMSetOrdering(rec, LLVMAtomicOrderingAcquire);
        LLVMSetAlignment(rec, 8);
        emit_br_unlikely(e, LLVMBuildIsNull(e->b, rec, ""), slow, chk);
        LLVMPositionBuilderAtEnd(e->b, chk);
        /* ai_arec { cls, version, verp, shape, offset, next_shape }: a
         * published record's cls is its class (none while stale) */
        LLVMValueRef f_cls = emit_rec_cls(e, rec);
        LLVMValueRef f_shape = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, rec, (LLVMValueRef[]){emit_i64(e, 3)}, 1, ""), "rshape");
        if (read) {
            /* not its class: a plain class's read record serves every
             * plain class (key == the type's ic_key, AI_REC_PLAIN) */
            LLVMBasicBlockRef key = emit_block(e, "ic.key");
            emit_br_likely(e, LLVMBuildICmp(e->b, LLVMIntEQ, t, f_cls, ""), shp, key);
            LLVMPositionBuilderAtEnd(e->b, key);
            LLVMValueRef kp = LLVMBuildGEP2(e->b, e->i8, LLVMBuildIntToPtr(e->b, t, e->ptr, ""),
                                            (LLVMValueRef[]){emit_i64(e, (int64_t)offsetof(ai_type, ic_key))}, 1, "");
            LLVMValueRef ickey = LLVMBuildLoad2(e->b, e->i64, kp, "ickey");
            LLVMSetOrdering(ickey, LLVMAtomicOrderingMonotonic);
            LLVMSetAlignment(ickey, 8);
            LLVMValueRef rkey = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, rec, (LLVMValueRef[]){emit_i64(e, 6)}, 1, ""), "rkey");
            LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, ickey, rkey, ""), shp, next);
        } else {
            emit_br_likely(e, LLVMBuildICmp(e->b, LLVMIntEQ, t, f_cls, ""), shp, next);
        }
        LLVMPositionBuilderAtEnd(e->b, shp);
        LLVMValueRef dw = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, AI_SHAPE_DICT_OFFSET)}, 1, ""), "dword");
        recs[w] = rec;
        from[w] = shp;
        ffrom[w] = fchk;
        if (floats) {
            tags[w] = LLVMBuildXor(e->b, dw, f_shape, "rtag");
            LLVMValueRef rest = LLVMBuildAnd(e->b, tags[w], emit_i64(e, ~(int64_t)AI_AREC_FSLOT), "");
            emit_br_likely(e, LLVMBuildIsNull(e->b, rest, ""), hit, next);
            LLVMDeleteBasicBlock(fchk);
        } else if (w > 0 && !e->fn->poly_self) {
            emit_br_likely(e, LLVMBuildICmp(e->b, LLVMIntEQ, dw, f_shape, ""), hit, next);
            LLVMDeleteBasicBlock(fchk);
            ffrom[w] = NULL;
        } else {
            emit_br_likely(e, LLVMBuildICmp(e->b, LLVMIntEQ, dw, f_shape, ""), hit, fchk);
            LLVMPositionBuilderAtEnd(e->b, fchk);
            /* the shape again, loaded anew: one use only lets the plain
             * compare above read it from memory (no register for it) */
            LLVMValueRef f_shape2 = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, rec, (LLVMValueRef[]){emit_i64(e, 3)}, 1, ""), "rshape");
            LLVMSetOrdering(f_shape2, LLVMAtomicOrderingMonotonic);
            LLVMSetAlignment(f_shape2, 8);
            LLVMValueRef tagged = LLVMBuildXor(e->b, dw, emit_i64(e, AI_AREC_FSLOT), "");
            LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, tagged, f_shape2, ""), h->fhit, next);
        }
        if (w + 1 < nways) LLVMPositionBuilderAtEnd(e->b, next);
    }
    LLVMPositionBuilderAtEnd(e->b, hit);
    h->rec = LLVMBuildPhi(e->b, e->ptr, "arec");
    LLVMAddIncoming(h->rec, recs, from, (unsigned)nways);
    if (floats) {
        LLVMValueRef tag = LLVMBuildPhi(e->b, e->i64, "rtag");
        LLVMAddIncoming(tag, tags, from, (unsigned)nways);
        LLVMBasicBlockRef plain = emit_block(e, "ic.plain");
        LLVMBuildCondBr(e->b, LLVMBuildIsNotNull(e->b, tag, "rfslot"), h->fhit, plain);
        h->frec = h->rec;
        LLVMPositionBuilderAtEnd(e->b, plain);
    } else {
        LLVMPositionBuilderAtEnd(e->b, h->fhit);
        h->frec = LLVMBuildPhi(e->b, e->ptr, "frec");
        for (int w = 0; w < nways; w++)
            if (ffrom[w]) LLVMAddIncoming(h->frec, &recs[w], &ffrom[w], 1);
        LLVMPositionBuilderAtEnd(e->b, hit);
    }
    h->p = p;
}

/* The record's next shape (a store writes it into the dict word). */
static LLVMValueRef arec_next(Emitter *e, LLVMValueRef rec) {
    return LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, rec, (LLVMValueRef[]){emit_i64(e, 5)}, 1, ""), "rnext");
}

static LLVMValueRef dict_word_ptr(Emitter *e, LLVMValueRef p) {
    return LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, AI_SHAPE_DICT_OFFSET)}, 1, "");
}

/* The address of the attribute's slot in o, from a record that passed. */
static LLVMValueRef arec_slot(Emitter *e, LLVMValueRef rec, LLVMValueRef p) {
    LLVMValueRef off = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, rec, (LLVMValueRef[]){emit_i64(e, 4)}, 1, ""), "roff");
    return LLVMBuildGEP2(e->b, e->i8, p, &off, 1, "");
}

/* `$attr.fset(o, name, v, cache, rec)`: o.name = v at a generic site
 * whose way `rec` (a float slot's record) passed: an exact float's
 * double into the slot and the record's next shape into the dict word,
 * else the runtime's store (which makes the slot generic); its status.
 * One out-of-line call, so that a site keeps nothing live across it: the
 * float path of every store site inline made functions that never meet
 * a float slot save more registers. */
static LLVMValueRef fset_call(Emitter *e, LLVMValueRef o, LLVMValueRef name, LLVMValueRef v, LLVMValueRef cache,
                              LLVMValueRef rec) {
    LLVMTypeRef ty = LLVMFunctionType(e->i32, (LLVMTypeRef[]){e->i64, e->i64, e->i64, e->ptr, e->ptr}, 5, 0);
    LLVMValueRef fn = LLVMGetNamedFunction(e->m, "$attr.fset");
    if (!fn) {
        fn = LLVMAddFunction(e->m, "$attr.fset", ty);
        LLVMSetLinkage(fn, LLVMInternalLinkage);
        unsigned noinline = LLVMGetEnumAttributeKindForName("noinline", 8);
        LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(e->ctx, noinline, 0));
        LLVMBasicBlockRef saved_bb = LLVMGetInsertBlock(e->b);
        LLVMMetadataRef saved_loc = e->dib ? LLVMGetCurrentDebugLocation2(e->b) : NULL;
        if (e->dib) LLVMSetCurrentDebugLocation2(e->b, NULL);
        LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(e->ctx, fn, "entry"),
                          obj = LLVMAppendBasicBlockInContext(e->ctx, fn, "obj"),
                          yes = LLVMAppendBasicBlockInContext(e->ctx, fn, "float"),
                          no = LLVMAppendBasicBlockInContext(e->ctx, fn, "other");
        LLVMValueRef po = LLVMGetParam(fn, 0), pn = LLVMGetParam(fn, 1), pv = LLVMGetParam(fn, 2),
                     pc = LLVMGetParam(fn, 3), pr = LLVMGetParam(fn, 4);
        LLVMPositionBuilderAtEnd(e->b, entry);
        LLVMBuildCondBr(e->b, LLVMBuildTrunc(e->b, pv, e->i1, ""), no, obj);
        LLVMPositionBuilderAtEnd(e->b, obj);
        LLVMValueRef vp = LLVMBuildIntToPtr(e->b, pv, e->ptr, "");
        LLVMValueRef t = LLVMBuildAnd(e->b, LLVMBuildLoad2(e->b, e->i64, vp, "hdr"), LLVMConstInt(e->i64, ~(uint64_t)AI_HDR_GC_MASK, 0), "");
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, t, emit_float_type_word(e), ""), yes, no);
        LLVMPositionBuilderAtEnd(e->b, yes);
        LLVMValueRef d = LLVMBuildLoad2(e->b, e->f64, LLVMBuildGEP2(e->b, e->i8, vp, (LLVMValueRef[]){LLVMConstInt(e->i64, 8, 0)}, 1, ""), "");
        LLVMValueRef op = LLVMBuildIntToPtr(e->b, po, e->ptr, "");
        LLVMBuildStore(e->b, d, arec_slot(e, pr, op));
        LLVMBuildStore(e->b, arec_next(e, pr), dict_word_ptr(e, op));
        LLVMBuildRet(e->b, LLVMConstInt(e->i32, 0, 0));
        LLVMPositionBuilderAtEnd(e->b, no);
        LLVMValueRef rc = emit_rt(e, RT_ai_setattr_ic, (LLVMValueRef[]){po, pn, pv, pc}, 4);
        LLVMSetTailCall(rc, 1);
        LLVMBuildRet(e->b, rc);
        LLVMPositionBuilderAtEnd(e->b, saved_bb);
        if (e->dib) LLVMSetCurrentDebugLocation2(e->b, saved_loc);
    }
    return LLVMBuildCall2(e->b, ty, fn, (LLVMValueRef[]){o, name, v, cache, rec}, 5, "");
}

/* A float slot's double boxed by the runtime: a call, not emit_box_float's
 * inline bump (each attribute site would grow by it: mod_dataclasses'
 * IR by a tenth). */
static LLVMValueRef box_call(Emitter *e, LLVMValueRef d, int line) {
    LLVMValueRef v = emit_rt(e, RT_ai_float_box, &d, 1);
    emit_check(e, v, line);
    return v;
}

/* The hits of a read site's ways (arec_check): a plain slot's word
 * (0, an unset __slots__ member, goes to miss: the runtime raises) or a
 * float slot's double boxed, each branching to join; their values and
 * blocks in vals[0..1], from[0..1] for join's phi. */
static void read_hits(Emitter *e, LLVMValueRef o, LLVMValueRef cache, LLVMBasicBlockRef miss, LLVMBasicBlockRef join,
                      int line, LLVMValueRef *vals, LLVMBasicBlockRef *from) {
    ArecHit h;
    arec_check(e, o, cache, miss, false, true, &h);
    vals[0] = LLVMBuildLoad2(e->b, e->i64, arec_slot(e, h.rec, h.p), "attr");
    from[0] = LLVMGetInsertBlock(e->b);
    emit_br_likely(e, LLVMBuildIsNotNull(e->b, vals[0], ""), join, miss);
    LLVMPositionBuilderAtEnd(e->b, h.fhit);
    vals[1] = box_call(e, LLVMBuildLoad2(e->b, e->f64, arec_slot(e, h.frec, h.p), "fattr"), line);
    from[1] = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, join);
}

/* o.name through the site's inline cache (runtime/objects/class_ic.c):
 * its ways checked inline (outside run-once code), the runtime on a miss.
 * A float slot's double is boxed here (objects/class.h, float slots). */
static LLVMValueRef getattr_ic(Emitter *e, LLVMValueRef o, LLVMValueRef name, int line) {
    LLVMValueRef cache = site_cache(e, AI_ATTR_IC_WAYS, "acache");
    if (e->fn->cold) {
        LLVMValueRef v = emit_rt(e, RT_ai_getattr_ic, (LLVMValueRef[]){o, name, cache}, 3);
        emit_check(e, v, line);
        return v;
    }
    LLVMBasicBlockRef slow = emit_block(e, "ic.slow"), done = emit_block(e, "ic.done");
    LLVMValueRef vals[3];
    LLVMBasicBlockRef from[3];
    read_hits(e, o, cache, slow, done, line, vals, from);
    LLVMPositionBuilderAtEnd(e->b, slow);
    vals[2] = emit_rt(e, RT_ai_getattr_ic, (LLVMValueRef[]){o, name, cache}, 3);
    emit_check(e, vals[2], line);
    from[2] = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "attr");
    LLVMAddIncoming(phi, vals, from, 3);
    return phi;
}

/* o.name = v: on a hit the value goes to the slot and the
 * record's next shape to the dict word (the same shape, or the one with
 * the attribute added: __init__'s stores), with the write barrier of gc.h
 * G7 inline (the shape word is no heap pointer: no barrier). A float
 * slot takes an exact float's double (no barrier: no pointer); any other
 * value for it goes to the runtime, which makes the slot generic. */
static void setattr_ic(Emitter *e, LLVMValueRef o, LLVMValueRef name, LLVMValueRef v, int line) {
    LLVMValueRef cache = site_cache(e, AI_ATTR_IC_WAYS, "scache");
    if (e->fn->cold) {
        LLVMValueRef rc = emit_rt(e, RT_ai_setattr_ic, (LLVMValueRef[]){o, name, v, cache}, 4);
        emit_check_i32(e, rc, line);
        return;
    }
    LLVMBasicBlockRef slow = emit_block(e, "ic.slow"), done = emit_block(e, "ic.done");
    ArecHit h;
    arec_check(e, o, cache, slow, false, false, &h);
    LLVMValueRef slot = arec_slot(e, h.rec, h.p);
    LLVMBuildStore(e->b, v, slot);
    LLVMBuildStore(e->b, arec_next(e, h.rec), dict_word_ptr(e, h.p));
    emit_store_barrier(e, h.p, slot, v, done);
    LLVMPositionBuilderAtEnd(e->b, h.fhit);
    emit_check_i32(e, fset_call(e, o, name, v, cache, h.frec), line);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    emit_check_i32(e, emit_rt(e, RT_ai_setattr_ic, (LLVMValueRef[]){o, name, v, cache}, 4), line);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
}

/* local.name = d (a double, a float tree's result): a float slot takes
 * the double itself; a plain slot or a miss gets a box. */
void emit_setattr_double(Emitter *e, LLVMValueRef o, const char *attr, LLVMValueRef d, int line) {
    LLVMValueRef name = name_const(e, attr);
    if (e->fn->cold) {
        setattr_ic(e, o, name, box_call(e, d, line), line);
        return;
    }
    LLVMValueRef cache = site_cache(e, AI_ATTR_IC_WAYS, "scache");
    LLVMBasicBlockRef slow = emit_block(e, "ic.slow"), done = emit_block(e, "ic.done");
    ArecHit h;
    arec_check(e, o, cache, slow, true, false, &h);
    LLVMValueRef v = box_call(e, d, line);
    LLVMValueRef slot = arec_slot(e, h.rec, h.p);
    LLVMBuildStore(e->b, v, slot);
    LLVMBuildStore(e->b, arec_next(e, h.rec), dict_word_ptr(e, h.p));
    emit_store_barrier(e, h.p, slot, v, done);
    LLVMPositionBuilderAtEnd(e->b, h.fhit);
    LLVMBuildStore(e->b, d, arec_slot(e, h.frec, h.p));
    LLVMBuildStore(e->b, arec_next(e, h.frec), dict_word_ptr(e, h.p));
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef sv = box_call(e, d, line);
    emit_check_i32(e, emit_rt(e, RT_ai_setattr_ic, (LLVMValueRef[]){o, name, sv, cache}, 4), line);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
}

/* The double of local.name for a float tree's leaf, read through the
 * site's cache without boxing: a float slot's double, or a generic slot's
 * float (or exact small int unless need_float); a miss asks
 * ai_getattr_peek (no getter runs); anything else branches to slow. */
LLVMValueRef emit_attr_double(Emitter *e, LLVMValueRef o, const char *attr, bool need_float, LLVMBasicBlockRef slow,
                              LLVMValueRef (*leaf_double)(Emitter *, LLVMValueRef, bool, LLVMBasicBlockRef)) {
    LLVMValueRef cache = site_cache(e, AI_ATTR_IC_WAYS, "pcache");
    LLVMBasicBlockRef miss = emit_block(e, "fattr.miss"), join = emit_block(e, "fattr.d");
    ArecHit h;
    arec_check(e, o, cache, miss, true, true, &h);
    LLVMValueRef w = LLVMBuildLoad2(e->b, e->i64, arec_slot(e, h.rec, h.p), "attr");
    LLVMBasicBlockRef wok = emit_block(e, "fattr.wok");
    emit_br_likely(e, LLVMBuildIsNotNull(e->b, w, ""), wok, miss);
    LLVMPositionBuilderAtEnd(e->b, wok);
    LLVMValueRef d2 = leaf_double(e, w, need_float, slow);
    LLVMBasicBlockRef word_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, h.fhit);
    LLVMValueRef d1 = LLVMBuildLoad2(e->b, e->f64, arec_slot(e, h.frec, h.p), "fattr");
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, miss);
    LLVMValueRef v = emit_rt(e, RT_ai_getattr_peek, (LLVMValueRef[]){o, name_const(e, attr), cache}, 3);
    LLVMBasicBlockRef vok = emit_block(e, "fattr.vok");
    LLVMBuildCondBr(e->b, LLVMBuildIsNull(e->b, v, ""), slow, vok);
    LLVMPositionBuilderAtEnd(e->b, vok);
    LLVMValueRef d3 = leaf_double(e, v, need_float, slow);
    LLVMBasicBlockRef miss_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, join);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->f64, "fattr");
    LLVMAddIncoming(phi, (LLVMValueRef[]){d1, d2, d3}, (LLVMBasicBlockRef[]){h.fhit, word_end, miss_end}, 3);
    return phi;
}

/* local.name as a value for a float tree's kept leaf (it must not be read
 * twice): a plain slot's word or a float slot's double boxed, through the
 * site's ways inline; a miss asks ai_getattr_peek (no getter runs), and
 * a value it cannot give branches to slow. */
LLVMValueRef emit_attr_peek(Emitter *e, LLVMValueRef o, const char *attr, LLVMBasicBlockRef slow, int line) {
    LLVMValueRef cache = site_cache(e, AI_ATTR_IC_WAYS, "pcache");
    LLVMBasicBlockRef miss = emit_block(e, "pattr.miss"), join = emit_block(e, "pattr");
    LLVMValueRef vals[3];
    LLVMBasicBlockRef from[3];
    read_hits(e, o, cache, miss, join, line, vals, from);
    LLVMPositionBuilderAtEnd(e->b, miss);
    vals[2] = emit_rt(e, RT_ai_getattr_peek, (LLVMValueRef[]){o, name_const(e, attr), cache}, 3);
    from[2] = LLVMGetInsertBlock(e->b);
    LLVMBuildCondBr(e->b, LLVMBuildIsNull(e->b, vals[2], ""), slow, join);
    LLVMPositionBuilderAtEnd(e->b, join);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "pattr");
    LLVMAddIncoming(phi, vals, from, 3);
    return phi;
}

/* `o.x = p.x` of plain locals o and p: p.x read through the site's cache
 * as a generic site does (its plain slots first); a float slot's double
 * goes to o.x by a float store (no box between), any other value by a
 * generic store, as it is. Two store sites, so that neither tests what
 * the read found: a copy of plain slots runs the code of `v = p.x; o.x =
 * v`. A value not in p's own storage (a miss ai_getattr_peek cannot
 * serve) branches to slow. */
void emit_attr_copy(Emitter *e, LLVMValueRef po, const char *pattr, LLVMValueRef (*target_obj)(Emitter *, const void *),
                    const void *target, const char *attr, LLVMBasicBlockRef slow, int line) {
    LLVMValueRef cache = site_cache(e, AI_ATTR_IC_WAYS, "pcache");
    LLVMBasicBlockRef miss = emit_block(e, "fcopy.miss"), word = emit_block(e, "fcopy.word"),
                      done = emit_block(e, "fcopy.done");
    ArecHit h;
    arec_check(e, po, cache, miss, false, true, &h);
    LLVMValueRef w = LLVMBuildLoad2(e->b, e->i64, arec_slot(e, h.rec, h.p), "attr");
    LLVMBasicBlockRef hit_end = LLVMGetInsertBlock(e->b);
    emit_br_likely(e, LLVMBuildIsNotNull(e->b, w, ""), word, miss);
    LLVMPositionBuilderAtEnd(e->b, miss);
    LLVMValueRef v = emit_rt(e, RT_ai_getattr_peek, (LLVMValueRef[]){po, name_const(e, pattr), cache}, 3);
    LLVMBasicBlockRef miss_end = LLVMGetInsertBlock(e->b);
    LLVMBuildCondBr(e->b, LLVMBuildIsNull(e->b, v, ""), slow, word);
    LLVMPositionBuilderAtEnd(e->b, word);
    LLVMValueRef val = LLVMBuildPhi(e->b, e->i64, "fcopy");
    LLVMAddIncoming(val, (LLVMValueRef[]){w, v}, (LLVMBasicBlockRef[]){hit_end, miss_end}, 2);
    setattr_ic(e, target_obj(e, target), name_const(e, attr), val, line);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, h.fhit);
    LLVMValueRef d = LLVMBuildLoad2(e->b, e->f64, arec_slot(e, h.frec, h.p), "fattr");
    emit_setattr_double(e, target_obj(e, target), attr, d, line);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
}

LLVMValueRef emit_attribute_load(Emitter *e, const Expr *x) {
    LLVMValueRef o = emit_expr(e, x->u.attribute.value);
    return getattr_ic(e, o, name_const(e, x->u.attribute.attr), x->pos.line);
}

LLVMValueRef emit_subscript_load(Emitter *e, const Expr *x) {
    LLVMValueRef o = emit_expr(e, x->u.subscript.value);
    const Expr *sl = x->u.subscript.slice;
    if (sl->kind != E_SLICE) return getitem(e, o, subscript_key(e, sl), x->pos.line);
    /* o[i:j:k]: the bounds as values; the runtime builds no slice object
     * for an exact list, tuple or str (objects/slice.c) */
    LLVMValueRef lo = opt_expr(e, sl->u.slice.lower);
    LLVMValueRef hi = opt_expr(e, sl->u.slice.upper);
    LLVMValueRef st = opt_expr(e, sl->u.slice.step);
    LLVMValueRef v = emit_rt(e, RT_ai_getslice, (LLVMValueRef[]){o, lo, hi, st}, 4);
    emit_check(e, v, x->pos.line);
    return v;
}

/* ---- method calls --------------------------------------------------------------------- */

/* Compiled code checks every way of a method call site's cache: a call
 * of an inherited method sees each subclass (richards' `t.run_task()` in
 * a module function, not a method: two inline ways made it a quarter
 * slower). The runtime checks them again on a miss and calls a direct
 * body itself (objects/class.c). Sites whose name no class binds have
 * none (methnames.h). */
static int mc_inline_ways(Emitter *e) {
    (void)e;
    return AI_MCACHE_WAYS;
}

/* A call with more positional arguments than this always goes through
 * ai_call_method (its arguments stay in memory, see emit_array_new). */
#define MC_DIRECT_MAX_ARGS 16

/* The direct-call ways of a method call site o.m(a1, …, an): a record
 * in words 1… of the site's cache applies when o is an instance of the
 * record's class at its version and the method's body takes exactly
 * (self, a1, …, an); the first that applies gives the body, called once
 * after the ways. No way applies (a miss): slow_bb, where ai_call_method
 * fills the ways (objects/class.c). The call's result and block go to
 * *result_out / *from_out, for the phi in done_bb. */
static void direct_method_call(Emitter *e, LLVMValueRef o, LLVMValueRef *vals, int np,
                               LLVMValueRef cache, LLVMBasicBlockRef slow_bb, LLVMBasicBlockRef done_bb,
                               int await_line, LLVMValueRef *result_out, LLVMBasicBlockRef *from_out) {
    LLVMValueRef is_int = LLVMBuildTrunc(e->b, o, e->i1, "");
    LLVMBasicBlockRef obj_bb = emit_block(e, "mc.obj"), hit = emit_block(e, "mc.hit");
    LLVMBuildCondBr(e->b, is_int, slow_bb, obj_bb);
    LLVMPositionBuilderAtEnd(e->b, obj_bb);
    LLVMValueRef hdr = LLVMBuildLoad2(e->b, e->i64, LLVMBuildIntToPtr(e->b, o, e->ptr, ""), "hdr");
    LLVMValueRef t = LLVMBuildAnd(e->b, hdr, emit_i64(e, ~(int64_t)7), "type");
    int nways = mc_inline_ways(e);
    LLVMValueRef bodies[AI_MCACHE_WAYS];
    LLVMBasicBlockRef from[AI_MCACHE_WAYS];
    for (int w = 1; w <= nways; w++) {
        LLVMValueRef wp = LLVMBuildGEP2(e->b, e->i64, cache, (LLVMValueRef[]){emit_i64(e, w)}, 1, "");
        LLVMValueRef rec = LLVMBuildLoad2(e->b, e->ptr, wp, "rec");
        LLVMSetOrdering(rec, LLVMAtomicOrderingAcquire);
        LLVMSetAlignment(rec, 8);
        LLVMBasicBlockRef chk = emit_block(e, "mc.way"), next = w < nways ? emit_block(e, "mc.next") : slow_bb;
        LLVMBuildCondBr(e->b, LLVMBuildIsNull(e->b, rec, ""), slow_bb, chk);
        LLVMPositionBuilderAtEnd(e->b, chk);
        /* ai_mrec { cls, version, verp, body, direct }: cls as in arec_check */
        LLVMValueRef f_cls = emit_rec_cls(e, rec);
        LLVMValueRef f_body = LLVMBuildLoad2(e->b, e->ptr, LLVMBuildGEP2(e->b, e->i64, rec, (LLVMValueRef[]){emit_i64(e, 3)}, 1, ""), "rbody");
        LLVMValueRef f_dir = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, rec, (LLVMValueRef[]){emit_i64(e, 4)}, 1, ""), "rdirect");
        LLVMValueRef ok = LLVMBuildAnd(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, f_cls, t, ""),
                                       LLVMBuildICmp(e->b, LLVMIntEQ, f_dir, emit_i64(e, np + 2), ""), "");
        bodies[w - 1] = f_body;
        from[w - 1] = chk;
        emit_br_likely(e, ok, hit, next);
        if (w < nways) LLVMPositionBuilderAtEnd(e->b, next);
    }
    LLVMPositionBuilderAtEnd(e->b, hit);
    LLVMValueRef body = LLVMBuildPhi(e->b, e->ptr, "body");
    LLVMAddIncoming(body, bodies, from, (unsigned)nways);
    LLVMTypeRef *ptys = arena_alloc(e->arena, sizeof(LLVMTypeRef) * (size_t)(np + 1));
    LLVMValueRef *args = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(np + 1));
    for (int i = 0; i <= np; i++) ptys[i] = e->i64;
    args[0] = o;
    for (int i = 0; i < np; i++) args[i + 1] = vals[i];
    LLVMTypeRef fty = LLVMFunctionType(e->i64, ptys, (unsigned)(np + 1), 0);
    *result_out = LLVMBuildCall2(e->b, fty, body, args, (unsigned)(np + 1), "");
    if (await_line)
        *result_out = emit_rt(e, RT_ai_await, (LLVMValueRef[]){*result_out, emit_i32(e, await_line)}, 2);
    *from_out = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done_bb);
}

/* Can o.m find a compiled method body in its cache: does a class body
 * bind m (methnames.h)? In the program's classes; a stdlib module (an
 * object file cached for every program, main.c) asks its own, so that
 * its code does not depend on the program. */
static bool may_be_method(Emitter *e, const char *m) {
    if (e->unit->from_stdlib) return methnames_has(e->modscope->methnames, m);
    for (int i = 0; i < e->prog->nunits; i++) {
        const Unit *u = e->prog->units[i];
        if (u->scopes && methnames_has(scope_module(u->scopes)->methnames, m)) return true;
    }
    return false;
}

/* The container of a store, a del or a mutating method call. Written
 * `X.__dict__` or `vars(X)`, it comes from ai_ns_dict_for_write, which
 * refuses (TypeError) a module whose namespace is a snapshot: the write
 * would be lost (nsdict.c makes live every module it can name). */
LLVMValueRef emit_write_container(Emitter *e, const Expr *x) {
    const Expr *obj = NULL;
    int how = 0;
    Symbol *sym;
    Frame *fr;
    if (x->kind == E_ATTRIBUTE && strcmp(x->u.attribute.attr, "__dict__") == 0) {
        obj = x->u.attribute.value;
    } else if (x->kind == E_CALL && x->u.call.func->kind == E_NAME && strcmp(x->u.call.func->u.name.id, "vars") == 0 &&
               x->u.call.args.n == 1 && x->u.call.args.v[0]->kind != E_STARRED && !x->u.call.keywords.n &&
               emit_name_home(e, "vars", &sym, &fr) == NAME_GLOBAL && emit_never_bound_global(e, "vars")) {
        obj = x->u.call.args.v[0];
        how = 1;
    }
    if (!obj) return emit_expr(e, x);
    LLVMValueRef o = emit_expr(e, obj);
    LLVMValueRef r = emit_rt(e, RT_ai_ns_dict_for_write, (LLVMValueRef[]){o, emit_i64(e, how)}, 2);
    emit_check(e, r, x->pos.line);
    return r;
}

static bool mutating_method(const char *m) {
    static const char *const names[] = {"update", "setdefault", "pop", "popitem", "clear",
                                        "__setitem__", "__delitem__", "__ior__"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(m, names[i]) == 0) return true;
    return false;
}

/* o.m(args); with await_line, `await o.m(args)` at that line: the
 * runtime's slow path is ai_await_method (a native coroutine method runs
 * at once, no coroutine object), a cached body's result is awaited. */
LLVMValueRef emit_method_call(Emitter *e, const Expr *call, int await_line) {
    const Expr *f = call->u.call.func;
    LLVMValueRef o = mutating_method(f->u.attribute.attr) ? emit_write_container(e, f->u.attribute.value)
                                                          : emit_expr(e, f->u.attribute.value);
    int np = call->u.call.args.n, nk = call->u.call.keywords.n;
    LLVMValueRef arr = emit_array_new(e, np + nk);
    for (int i = 0; i < np; i++) emit_array_store(e, arr, i, emit_call_arg(e, call->u.call.args.v[i]));
    for (int i = 0; i < nk; i++) emit_array_store(e, arr, np + i, emit_expr(e, call->u.call.keywords.v[i]->value));
    LLVMValueRef kwn = emit_kwnames(e, &call->u.call.keywords, call->pos.line);
    LLVMValueRef cache = site_cache(e, 1 + AI_MCACHE_WAYS, "mcache");
    /* run-once code (FnState.cold) calls the runtime at once: no inline ways */
    bool direct = nk == 0 && np <= MC_DIRECT_MAX_ARGS && !e->fn->cold && may_be_method(e, f->u.attribute.attr);
    for (int i = 0; i < np; i++)
        if (call->u.call.args.v[i]->kind == E_STARRED) direct = false;
    LLVMBasicBlockRef slow_bb = NULL, done_bb = NULL;
    LLVMValueRef results[2];
    LLVMBasicBlockRef froms[2];
    if (direct) {
        /* the arguments were stored as evaluated: read back for the call */
        LLVMValueRef vals[MC_DIRECT_MAX_ARGS + 1];
        for (int i = 0; i < np; i++) vals[i] = load_elem(e, arr, i);
        slow_bb = emit_block(e, "mc.slow");
        done_bb = emit_block(e, "mc.done");
        direct_method_call(e, o, vals, np, cache, slow_bb, done_bb, await_line, results, froms);
        LLVMPositionBuilderAtEnd(e->b, slow_bb);
    }
    LLVMValueRef args[] = {o, name_const(e, f->u.attribute.attr), arr,
                           emit_i64(e, np), kwn, cache, emit_i32(e, await_line)};
    LLVMValueRef r = await_line ? emit_rt(e, RT_ai_await_method, args, 7) : emit_rt(e, RT_ai_call_method, args, 6);
    if (direct) {
        results[1] = r;
        froms[1] = LLVMGetInsertBlock(e->b);
        LLVMBuildBr(e->b, done_bb);
        LLVMPositionBuilderAtEnd(e->b, done_bb);
        r = LLVMBuildPhi(e->b, e->i64, "mc.r");
        LLVMAddIncoming(r, results, froms, 2);
    }
    emit_check(e, r, call->pos.line);
    return r;
}

/* ---- assignment targets ----------------------------------------------------------------- */

/* A failure to unpack reports the target's span (CPython's position of
 * UNPACK_SEQUENCE), the stores into its items their own. */
static void unpack_check(Emitter *e, const Expr *target, LLVMValueRef rc) {
    const Expr *outer = e->fn->cur_expr;
    e->fn->cur_expr = target;
    emit_check_i32(e, rc, target->pos.line);
    e->fn->cur_expr = outer;
}

static void unpack_into(Emitter *e, const Expr *target, LLVMValueRef v) {
    const ExprList *elts = &target->u.list.elts;
    int n = elts->n, star = -1;
    for (int i = 0; i < n; i++) {
        if (elts->v[i]->kind != E_STARRED) continue;
        if (star >= 0) {
            diag_error(E_SYNTAX, elts->v[i]->pos.line, elts->v[i]->pos.col,
                       "multiple starred expressions in assignment");
            return;
        }
        star = i;
    }
    LLVMValueRef out = emit_alloca(e, LLVMArrayType2(e->i64, (uint64_t)(n ? n : 1)), "unpacked");
    if (star < 0 && n > 0 && n <= 8) {
        /* An exact list or tuple of n items: read them in place. */
        LLVMBasicBlockRef lbb = emit_block(e, "up.list"), tbb = emit_block(e, "up.tuple"),
                          slow = emit_block(e, "up.slow"), done = emit_block(e, "up.done");
        LLVMValueRef p = seq_dispatch(e, v, lbb, tbb, slow);
        LLVMValueRef got[3][8];
        LLVMBasicBlockRef from[3];
        for (int w = 0; w < 2; w++) {
            LLVMPositionBuilderAtEnd(e->b, w == 0 ? lbb : tbb);
            LLVMValueRef len = LLVMBuildLoad2(e->b, e->i64, field_ptr(e, p, SEQ_LEN), "len");
            LLVMBasicBlockRef ok = emit_block(e, "up.ok");
            LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, len, emit_i64(e, n), ""), ok, slow);
            LLVMPositionBuilderAtEnd(e->b, ok);
            LLVMValueRef items = w == 0 ? LLVMBuildLoad2(e->b, e->ptr, field_ptr(e, p, LIST_ITEMS), "items")
                                        : field_ptr(e, p, TUPLE_ITEMS);
            for (int i = 0; i < n; i++) got[w][i] = load_elem(e, items, i);
            from[w] = ok;
            LLVMBuildBr(e->b, done);
        }
        LLVMPositionBuilderAtEnd(e->b, slow);
        unpack_check(e, target, emit_rt(e, RT_ai_unpack, (LLVMValueRef[]){v, emit_i64(e, n), out}, 3));
        for (int i = 0; i < n; i++) got[2][i] = load_elem(e, out, i);
        from[2] = LLVMGetInsertBlock(e->b);
        LLVMBuildBr(e->b, done);
        LLVMPositionBuilderAtEnd(e->b, done);
        LLVMValueRef items[8];
        for (int i = 0; i < n; i++) {
            items[i] = LLVMBuildPhi(e->b, e->i64, "");
            LLVMAddIncoming(items[i], (LLVMValueRef[]){got[0][i], got[1][i], got[2][i]}, from, 3);
        }
        for (int i = 0; i < n; i++) emit_store_target(e, elts->v[i], items[i]);
        return;
    }
    LLVMValueRef rc = star < 0
        ? emit_rt(e, RT_ai_unpack, (LLVMValueRef[]){v, emit_i64(e, n), out}, 3)
        : emit_rt(e, RT_ai_unpack_ex, (LLVMValueRef[]){v, emit_i64(e, star), emit_i64(e, n - star - 1), out}, 4);
    unpack_check(e, target, rc);
    for (int i = 0; i < n; i++) {
        const Expr *t = elts->v[i];
        emit_store_target(e, t->kind == E_STARRED ? t->u.starred.value : t, load_elem(e, out, i));
    }
}

static void store_target(Emitter *e, const Expr *t, LLVMValueRef v);

/* A failing store or delete reports the target's span. */
void emit_store_target(Emitter *e, const Expr *t, LLVMValueRef v) {
    const Expr *outer = e->fn->cur_expr;
    e->fn->cur_expr = t;
    store_target(e, t, v);
    e->fn->cur_expr = outer;
}

static void store_target(Emitter *e, const Expr *t, LLVMValueRef v) {
    switch (t->kind) {
    case E_NAME: emit_store_name(e, t->u.name.id, v, t->pos); return;
    case E_TUPLE: case E_LIST: unpack_into(e, t, v); return;
    case E_ATTRIBUTE: {
        LLVMValueRef o = emit_expr(e, t->u.attribute.value);
        setattr_ic(e, o, name_const(e, t->u.attribute.attr), v, t->pos.line);
        return;
    }
    case E_SUBSCRIPT: {
        LLVMValueRef o = emit_write_container(e, t->u.subscript.value);
        if (t->u.subscript.slice->kind != E_SLICE) {
            setitem(e, o, subscript_key(e, t->u.subscript.slice), v, t->pos.line);
            return;
        }
        const Expr *sl = t->u.subscript.slice;
        LLVMValueRef lo = opt_expr(e, sl->u.slice.lower);
        LLVMValueRef hi = opt_expr(e, sl->u.slice.upper);
        LLVMValueRef st = opt_expr(e, sl->u.slice.step);
        emit_check_i32(e, emit_rt(e, RT_ai_setslice, (LLVMValueRef[]){o, lo, hi, st, v}, 5), t->pos.line);
        return;
    }
    case E_STARRED:
        diag_error(E_SYNTAX, t->pos.line, t->pos.col, "starred assignment target must be in a list or tuple");
        return;
    default: unsupported(e, t->pos, "this assignment target"); return;
    }
}

static void delete_target(Emitter *e, const Expr *t);

void emit_delete_target(Emitter *e, const Expr *t) {
    const Expr *outer = e->fn->cur_expr;
    e->fn->cur_expr = t;
    delete_target(e, t);
    e->fn->cur_expr = outer;
}

static void delete_target(Emitter *e, const Expr *t) {
    switch (t->kind) {
    case E_NAME:
        /* a local definite assignment proved bound: no check (only
         * plain locals are ever proved so, defassign.h) */
        if (defassign_bound(e->modscope->defassign, t)) emit_store_name(e, t->u.name.id, emit_i64(e, 0), t->pos);
        else emit_delete_name(e, t->u.name.id, t->pos, true);
        return;
    case E_TUPLE: case E_LIST:
        for (int i = 0; i < t->u.list.elts.n; i++) emit_delete_target(e, t->u.list.elts.v[i]);
        return;
    case E_ATTRIBUTE: {
        LLVMValueRef o = emit_expr(e, t->u.attribute.value);
        LLVMValueRef rc = emit_rt(e, RT_ai_delattr, (LLVMValueRef[]){o, name_const(e, t->u.attribute.attr)}, 2);
        emit_check_i32(e, rc, t->pos.line);
        return;
    }
    case E_SUBSCRIPT: {
        LLVMValueRef o = emit_write_container(e, t->u.subscript.value);
        LLVMValueRef k = subscript_key(e, t->u.subscript.slice);
        emit_check_i32(e, emit_rt(e, RT_ai_delitem, (LLVMValueRef[]){o, k}, 2), t->pos.line);
        return;
    }
    default: unsupported(e, t->pos, "'del' of this target"); return;
    }
}

/* x op= v for attribute and subscript targets: the container and key are
 * evaluated once. */
static void augassign(Emitter *e, const Stmt *s);

void emit_augassign(Emitter *e, const Stmt *s) {
    const SrcSpan *outer = e->fn->cur_span;
    e->fn->cur_span = &s->pos;
    /* a float tree's store first (`re[a] += tr` into an array('d'): no
     * box), as for plain assignments; then the one-probe dict update */
    if (!emit_float_augassign(e, s) && !emit_dict_update(e, s, augassign)) augassign(e, s);
    e->fn->cur_span = outer;
}

static void augassign(Emitter *e, const Stmt *s) {
    if (emit_float_augassign(e, s)) return;
    const Expr *t = s->u.augassign.target;
    int line = s->pos.line;
    int op = (int)s->u.augassign.op;
    switch (t->kind) {
    case E_NAME: {
        LLVMValueRef owned = op == OP_ADD ? emit_owned_slot(e, t->u.name.id) : NULL;
        if (owned) {
            /* s += v: the variable's companion lets a str grow in place
             * (the load below must not clear it; emit_names.c). */
            LLVMValueRef keep = LLVMBuildLoad2(e->b, e->i64, owned, "");
            LLVMValueRef cur = emit_load_name_expr(e, t);
            LLVMBuildStore(e->b, keep, owned);
            LLVMValueRef v = emit_expr(e, s->u.augassign.value);
            /* a small int (a counter, `n += 1`) keeps the inline int
             * way of `+`; only other values go to ai_str_iadd */
            LLVMBasicBlockRef int_bb = emit_block(e, "iadd.int"), str_bb = emit_block(e, "iadd.other"),
                              join = emit_block(e, "iadd.done");
            LLVMValueRef small = LLVMBuildICmp(e->b, LLVMIntNE, LLVMBuildAnd(e->b, cur, emit_i64(e, 1), ""),
                                               emit_i64(e, 0), "");
            LLVMBuildCondBr(e->b, small, int_bb, str_bb);
            LLVMPositionBuilderAtEnd(e->b, int_bb);
            LLVMValueRef ri = emit_inplace(e, op, cur, v, line);
            LLVMBasicBlockRef int_end = LLVMGetInsertBlock(e->b);
            LLVMBuildBr(e->b, join);
            LLVMPositionBuilderAtEnd(e->b, str_bb);
            LLVMValueRef rs = emit_rt(e, RT_ai_str_iadd, (LLVMValueRef[]){cur, v, owned}, 3);
            emit_check(e, rs, line);
            LLVMBasicBlockRef str_end = LLVMGetInsertBlock(e->b);
            LLVMBuildBr(e->b, join);
            LLVMPositionBuilderAtEnd(e->b, join);
            LLVMValueRef r = LLVMBuildPhi(e->b, e->i64, "iadd");
            LLVMAddIncoming(r, (LLVMValueRef[]){ri, rs}, (LLVMBasicBlockRef[]){int_end, str_end}, 2);
            keep = LLVMBuildLoad2(e->b, e->i64, owned, "");
            emit_store_name(e, t->u.name.id, r, t->pos);
            LLVMBuildStore(e->b, keep, owned);
            return;
        }
        LLVMValueRef cur = emit_load_name_expr(e, t);
        LLVMValueRef v = emit_expr(e, s->u.augassign.value);
        emit_store_name(e, t->u.name.id, emit_inplace(e, op, cur, v, line), t->pos);
        return;
    }
    case E_ATTRIBUTE: {
        LLVMValueRef o = emit_expr(e, t->u.attribute.value);
        LLVMValueRef name = name_const(e, t->u.attribute.attr);
        /* reading the target reports its span, the operation and the
         * store the statement's (CPython's positions) */
        const Expr *outer = e->fn->cur_expr;
        e->fn->cur_expr = t;
        LLVMValueRef cur = getattr_ic(e, o, name, line);
        e->fn->cur_expr = outer;
        LLVMValueRef v = emit_expr(e, s->u.augassign.value);
        LLVMValueRef r = emit_inplace(e, op, cur, v, line);
        e->fn->cur_expr = t;
        setattr_ic(e, o, name, r, line);
        e->fn->cur_expr = outer;
        return;
    }
    case E_SUBSCRIPT: {
        LLVMValueRef o = emit_write_container(e, t->u.subscript.value);
        LLVMValueRef k = subscript_key(e, t->u.subscript.slice);
        bool simple = t->u.subscript.slice->kind != E_SLICE;
        const Expr *outer = e->fn->cur_expr;
        e->fn->cur_expr = t;
        LLVMValueRef cur = simple ? getitem(e, o, k, line) : emit_rt(e, RT_ai_getitem, (LLVMValueRef[]){o, k}, 2);
        if (!simple) emit_check(e, cur, line);
        e->fn->cur_expr = outer;
        LLVMValueRef v = emit_expr(e, s->u.augassign.value);
        LLVMValueRef r = emit_inplace(e, op, cur, v, line);
        e->fn->cur_expr = t;
        if (simple) setitem(e, o, k, r, line);
        else emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){o, k, r}, 3), line);
        e->fn->cur_expr = outer;
        return;
    }
    default: unsupported(e, t->pos, "this augmented assignment target"); return;
    }
}

/* ---- f-strings ------------------------------------------------------------------ */

/* f"a{x!r:>{w}}b": each replacement field is converted (!s/!r/!a), then
 * formatted with its spec (itself an f-string), and the parts joined. */
LLVMValueRef emit_fstring(Emitter *e, const Expr *x) {
    const ExprList *vals = &x->u.joinedstr.values;
    if (vals->n == 0) return emit_const_str(e, "", 0);
    LLVMValueRef *parts = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)vals->n);
    for (int i = 0; i < vals->n; i++) {
        const Expr *p = vals->v[i];
        if (p->kind != E_FORMATTEDVALUE) {
            parts[i] = emit_expr(e, p);
            continue;
        }
        LLVMValueRef v = emit_expr(e, p->u.formatted.value);
        int conv = p->u.formatted.conversion;
        if (conv == 's' || conv == 'r' || conv == 'a') {
            v = emit_rt(e, conv == 's' ? RT_ai_str : conv == 'r' ? RT_ai_repr : RT_ai_ascii, &v, 1);
            emit_check(e, v, p->pos.line);
        }
        LLVMValueRef spec = p->u.formatted.format_spec ? emit_fstring(e, p->u.formatted.format_spec) : emit_i64(e, 0);
        parts[i] = emit_rt(e, RT_ai_format, (LLVMValueRef[]){v, spec}, 2);
        emit_check(e, parts[i], p->pos.line);
    }
    if (vals->n == 1) return parts[0];
    LLVMValueRef r = emit_rt(e, RT_ai_str_join_n, (LLVMValueRef[]){emit_value_array(e, parts, vals->n), emit_i64(e, vals->n)}, 2);
    emit_check(e, r, x->pos.line);
    return r;
}
