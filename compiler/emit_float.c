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
#include <math.h>
#include <string.h>

#include "aithon_rt.h"
#include "emit_internal.h"
#include "infer.h"

static LLVMValueRef type_word(Emitter *e, const char *sym) {
    LLVMValueRef g = LLVMGetNamedGlobal(e->m, sym);
    if (!g) g = LLVMAddGlobal(e->m, e->i64, sym);
    return emit_ptr_value(e, g);
}

bool emit_is_plain_local(void *ctx, const char *name) {
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

/* A local's boxed value for a subscript or attribute leaf: a float local
 * holding an unboxed double is no container nor index, so that is the
 * generic way's (which boxes it). */
static LLVMValueRef load_local_raw(Emitter *e, const char *name, LLVMBasicBlockRef slow) {
    LLVMValueRef dval, dflag;
    if (emit_float_local(e, name, &dval, &dflag)) {
        LLVMBasicBlockRef boxed = emit_block(e, "flocal.boxed");
        LLVMBuildCondBr(e->b, LLVMBuildLoad2(e->b, e->i1, dflag, ""), slow, boxed);
        LLVMPositionBuilderAtEnd(e->b, boxed);
    }
    return LLVMBuildLoad2(e->b, e->i64, local_slot(e, name), name);
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

static LLVMValueRef fabs_fn(Emitter *e) {
    LLVMValueRef fn = LLVMGetNamedFunction(e->m, "llvm.fabs.f64");
    if (!fn) fn = LLVMAddFunction(e->m, "llvm.fabs.f64", LLVMFunctionType(e->f64, &e->f64, 1, 0));
    return fn;
}

/* x, a subscript of a local by a local or an int constant: the container
 * as a heap object (*obj, its address) and the key as a small int (*key),
 * the builder left where both hold; anything else — an unboxed float
 * local, an int constant beyond the small ints — branches to miss. No
 * code with an effect runs. Returns the container's type word. */
static LLVMValueRef local_subscript(Emitter *e, const Expr *x, LLVMBasicBlockRef miss, LLVMValueRef *obj,
                                   LLVMValueRef *key) {
    const Expr *c = x->u.subscript.value, *k = x->u.subscript.slice;
    LLVMValueRef cv = load_local_raw(e, c->u.name.id, miss);
    LLVMValueRef kv = k->kind == E_NAME ? load_local_raw(e, k->u.name.id, miss)
                                        : emit_i64(e, (int64_t)((uint64_t)k->u.constant.ival << 1) | 1);
    if (k->kind == E_CONSTANT && (k->u.constant.ival > (INT64_C(1) << 61) || k->u.constant.ival < -(INT64_C(1) << 61)))
        kv = emit_i64(e, 0); /* not a small int: the generic way */
    LLVMBasicBlockRef isobj = emit_block(e, "ftree.sobj");
    /* a heap object (not 0, not a small int) and a small-int index */
    LLVMValueRef good = LLVMBuildAnd(e->b, LLVMBuildICmp(e->b, LLVMIntNE, cv, emit_i64(e, 0), ""),
                                     LLVMBuildAnd(e->b, LLVMBuildNot(e->b, LLVMBuildTrunc(e->b, cv, e->i1, ""), ""),
                                                  LLVMBuildTrunc(e->b, kv, e->i1, ""), ""), "");
    LLVMBuildCondBr(e->b, good, isobj, miss);
    LLVMPositionBuilderAtEnd(e->b, isobj);
    *obj = LLVMBuildIntToPtr(e->b, cv, e->ptr, "");
    *key = kv;
    return LLVMBuildAnd(e->b, LLVMBuildLoad2(e->b, e->i64, *obj, "hdr"), emit_i64(e, ~INT64_C(7)), "");
}

/* The small int kv as an index of a sequence of len items (negative ones
 * count from the end): the builder is left in ok when it is in range,
 * else branches to miss. */
static LLVMValueRef seq_index(Emitter *e, LLVMValueRef kv, LLVMValueRef len, LLVMBasicBlockRef ok, LLVMBasicBlockRef miss) {
    LLVMValueRef i = LLVMBuildAShr(e->b, kv, emit_i64(e, 1), "");
    i = LLVMBuildSelect(e->b, LLVMBuildICmp(e->b, LLVMIntSLT, i, emit_i64(e, 0), ""), LLVMBuildAdd(e->b, i, len, ""), i, "");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntULT, i, len, ""), ok, miss);
    LLVMPositionBuilderAtEnd(e->b, ok);
    return i;
}

/* item k of the exact list or tuple in local `c` (k a local or an int
 * constant), or a branch to slow: no code with an effect runs. */
static LLVMValueRef subscript_leaf(Emitter *e, const Expr *x, LLVMBasicBlockRef slow) {
    LLVMValueRef p, kv;
    LLVMValueRef t = local_subscript(e, x, slow, &p, &kv);
    LLVMBasicBlockRef nl = emit_block(e, "ftree.snl"), lst = emit_block(e, "ftree.slist"),
                      tup = emit_block(e, "ftree.stuple"), idx = emit_block(e, "ftree.sidx"), ok = emit_block(e, "ftree.sok");
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
    LLVMValueRef i = seq_index(e, kv, len, ok, slow);
    return LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, items, &i, 1, ""), "item");
}

/* ai_array { hdr, len, cap, data*, code } (runtime/core/object.h; array.c
 * asserts the offsets). */
enum { ARRAY_LEN = 8, ARRAY_DATA = 24, ARRAY_CODE = 32 };

/* x, an item of an array('d') or array('f') in a local (by a local or
 * an int constant), located for an in-place read or store: type checked,
 * index in range, then a switch on the typecode to dbl or flt; *data and
 * *i (the buffer, the index) hold in both. Any failed check, and any
 * other typecode, branches to miss. */
static void array_item(Emitter *e, const Expr *x, LLVMBasicBlockRef miss, LLVMBasicBlockRef dbl, LLVMBasicBlockRef flt,
                       LLVMValueRef *data, LLVMValueRef *i) {
    LLVMValueRef p, kv;
    LLVMValueRef t = local_subscript(e, x, miss, &p, &kv);
    LLVMBasicBlockRef isarr = emit_block(e, "ftree.arr"), inr = emit_block(e, "ftree.aidx");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, t, type_word(e, "ai_array_type"), ""), isarr, miss);
    LLVMPositionBuilderAtEnd(e->b, isarr);
    LLVMValueRef len = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, ARRAY_LEN)}, 1, ""), "len");
    *i = seq_index(e, kv, len, inr, miss);
    LLVMValueRef code = LLVMBuildLoad2(e->b, e->i8, LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, ARRAY_CODE)}, 1, ""), "tc");
    *data = LLVMBuildLoad2(e->b, e->ptr, LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, ARRAY_DATA)}, 1, ""), "");
    LLVMValueRef sw = LLVMBuildSwitch(e->b, code, miss, 2);
    LLVMAddCase(sw, LLVMConstInt(e->i8, 'd', 0), dbl);
    LLVMAddCase(sw, LLVMConstInt(e->i8, 'f', 0), flt);
}

/* The double of subscript leaf x: an item of an array('d') or array('f')
 * read in place (array_item), no box made; any other container takes
 * subscript_leaf's way. Why: numeric code over arrays (bench/fft.py)
 * boxed every item read only to unbox it here. */
static LLVMValueRef subscript_double(Emitter *e, const Expr *x, bool need, LLVMBasicBlockRef slow) {
    LLVMBasicBlockRef dbl = emit_block(e, "ftree.arrd"), flt = emit_block(e, "ftree.arrf"),
                      other = emit_block(e, "ftree.anot"), join = emit_block(e, "ftree.aval");
    LLVMValueRef data, i;
    array_item(e, x, other, dbl, flt, &data, &i);
    LLVMPositionBuilderAtEnd(e->b, dbl);
    LLVMValueRef dv = LLVMBuildLoad2(e->b, e->f64, LLVMBuildGEP2(e->b, e->f64, data, &i, 1, ""), "");
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, flt);
    LLVMTypeRef f32 = LLVMFloatTypeInContext(e->ctx);
    LLVMValueRef fv = LLVMBuildFPExt(e->b, LLVMBuildLoad2(e->b, f32, LLVMBuildGEP2(e->b, f32, data, &i, 1, ""), ""), e->f64, "");
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, other);
    LLVMValueRef od = leaf_double(e, subscript_leaf(e, x, slow), need, slow);
    LLVMBasicBlockRef other_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, join);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->f64, "");
    LLVMAddIncoming(phi, (LLVMValueRef[]){dv, fv, od}, (LLVMBasicBlockRef[]){dbl, flt, other_end}, 3);
    return phi;
}

/* target = d for a subscript target of a local container and a local or
 * int constant key: the double stored in place into an array('d') or
 * array('f') item in range (array_item), else boxed and stored the
 * generic way (which raises what CPython raises). */
static void store_item_double(Emitter *e, const Expr *target, LLVMValueRef d, int line) {
    LLVMBasicBlockRef box = emit_block(e, "astore.box"), done = emit_block(e, "astore.done"),
                      dbl = emit_block(e, "astore.d"), flt = emit_block(e, "astore.f");
    LLVMValueRef data, i;
    array_item(e, target, box, dbl, flt, &data, &i);
    LLVMPositionBuilderAtEnd(e->b, dbl);
    LLVMBuildStore(e->b, d, LLVMBuildGEP2(e->b, e->f64, data, &i, 1, ""));
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, flt);
    LLVMTypeRef f32 = LLVMFloatTypeInContext(e->ctx);
    LLVMBuildStore(e->b, LLVMBuildFPTrunc(e->b, d, f32, ""), LLVMBuildGEP2(e->b, f32, data, &i, 1, ""));
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, box);
    emit_store_target(e, target, emit_box_float(e, d, line));
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
}

/* Is target a subscript of a local by a local or an int constant? */
static bool local_item(Emitter *e, const Expr *target) {
    if (target->kind != E_SUBSCRIPT) return false;
    const Expr *c = target->u.subscript.value, *k = target->u.subscript.slice;
    return c->kind == E_NAME && emit_is_plain_local(e, c->u.name.id) &&
           ((k->kind == E_NAME && emit_is_plain_local(e, k->u.name.id)) ||
            (k->kind == E_CONSTANT && k->u.constant.kind == CONST_INT && !k->u.constant.big));
}

/* local.name through a hit of an attribute cache (ai_getattr_peek runs
 * no getter), or a branch to slow. */
static LLVMValueRef attribute_leaf(Emitter *e, const Expr *x, LLVMBasicBlockRef slow) {
    const Expr *o = x->u.attribute.value;
    LLVMValueRef ov = load_local_raw(e, o->u.name.id, slow);
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

/* A tree being emitted: with leaves evaluated the generic way
 * (FloatTree.has_eval), every leaf that is not a plain local keeps its
 * value in a slot, so that the generic way, if taken after it was read,
 * neither evaluates it again nor reads it again (a call may have changed
 * what a subscript or an attribute reads). */
typedef struct TreeEmit {
    const FloatTree *t;
    LLVMValueRef *slots;        /* by leaf: i64 alloca, or NULL */
    LLVMValueRef *dslots;       /* by leaf: f64 alloca of a float call, or NULL */
} TreeEmit;

static void tree_begin(Emitter *e, TreeEmit *te, const FloatTree *t) {
    te->t = t;
    te->slots = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(t->nleaves + 1));
    te->dslots = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(t->nleaves + 1));
    for (int i = 0; i < t->nleaves; i++) {
        te->slots[i] = te->dslots[i] = NULL;
        if (!t->has_eval || t->kinds[i] == LEAF_LOCAL) continue;
        te->slots[i] = emit_alloca(e, e->i64, "leaf");
        LLVMBuildStore(e->b, emit_i64(e, 0), te->slots[i]);
        if (t->kinds[i] == LEAF_FCALL || t->kinds[i] == LEAF_MATH) te->dslots[i] = emit_alloca(e, e->f64, "dleaf");
    }
}

/* While the generic way of the tree is emitted, its kept leaves stand
 * for themselves (emit_float_subst). */
static int subst_push(Emitter *e, const TreeEmit *te) {
    int mark = e->nsubst;
    for (int i = 0; i < te->t->nleaves; i++) {
        if (!te->slots[i]) continue;
        e->subst = arena_grow(e->arena, e->subst, &e->capsubst, e->nsubst + 1, sizeof(LeafSubst));
        e->subst[e->nsubst++] = (LeafSubst){te->t->leaves[i], te->slots[i], te->dslots[i], true};
    }
    return mark;
}

LLVMValueRef emit_float_subst(Emitter *e, const Expr *x) {
    LeafSubst *ls = NULL;
    for (int i = e->nsubst - 1; i >= 0; i--)
        if (e->subst[i].x == x && e->subst[i].active) {
            ls = &e->subst[i];
            break;
        }
    if (!ls) return NULL;
    int idx = (int)(ls - e->subst);
    LLVMValueRef kept = LLVMBuildLoad2(e->b, e->i64, ls->slot, "kept");
    LLVMBasicBlockRef eval = emit_block(e, "kept.eval"), have = emit_block(e, "kept.have"),
                      done = emit_block(e, "kept.done");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, kept, emit_i64(e, 0), ""), eval, have);
    LLVMPositionBuilderAtEnd(e->b, eval);
    e->subst[idx].active = false;
    LLVMValueRef fresh = emit_expr(e, x);
    e->subst[idx].active = true;
    LLVMBasicBlockRef eval_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, have);
    LLVMValueRef val = kept;
    if (e->subst[idx].dslot) {
        /* a float call's double: boxed now */
        LLVMBasicBlockRef box = emit_block(e, "kept.box"), join = emit_block(e, "kept.val");
        LLVMBasicBlockRef from = LLVMGetInsertBlock(e->b);
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, kept, emit_i64(e, AI_FRET), ""), box, join);
        LLVMPositionBuilderAtEnd(e->b, box);
        LLVMValueRef b = emit_box_float(e, LLVMBuildLoad2(e->b, e->f64, e->subst[idx].dslot, ""), x->pos.line);
        LLVMBasicBlockRef box_end = LLVMGetInsertBlock(e->b);
        LLVMBuildBr(e->b, join);
        LLVMPositionBuilderAtEnd(e->b, join);
        val = LLVMBuildPhi(e->b, e->i64, "");
        LLVMAddIncoming(val, (LLVMValueRef[]){kept, b}, (LLVMBasicBlockRef[]){from, box_end}, 2);
    }
    LLVMBasicBlockRef have_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "");
    LLVMAddIncoming(phi, (LLVMValueRef[]){fresh, val}, (LLVMBasicBlockRef[]){eval_end, have_end}, 2);
    return phi;
}

/* A leaf read on the fast way: kept in its slot when it has one. */
static LLVMValueRef keep(Emitter *e, const TreeEmit *te, int li, LLVMValueRef v) {
    if (te->slots[li]) LLVMBuildStore(e->b, v, te->slots[li]);
    return v;
}

/* A float call: its variant returns the double unboxed (AI_FRET), or a
 * boxed value that is checked like any leaf. */
static LLVMValueRef fcall_leaf(Emitter *e, const TreeEmit *te, int li, const Expr *x, LLVMBasicBlockRef slow) {
    bool need = te->t->need_float[li];
    LLVMValueRef r = emit_float_direct_call(e, x, te->dslots[li]);
    if (!r) return leaf_double(e, keep(e, te, li, emit_expr(e, x)), need, slow);
    keep(e, te, li, r);
    LLVMBasicBlockRef unboxed = emit_block(e, "fcall.d"), boxed = emit_block(e, "fcall.boxed"),
                      join = emit_block(e, "fcall.val");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, r, emit_i64(e, AI_FRET), ""), unboxed, boxed);
    LLVMPositionBuilderAtEnd(e->b, unboxed);
    LLVMValueRef d1 = LLVMBuildLoad2(e->b, e->f64, te->dslots[li], "");
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, boxed);
    LLVMValueRef d2 = leaf_double(e, r, need, slow);
    LLVMBasicBlockRef boxed_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, join);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->f64, "fcall");
    LLVMAddIncoming(phi, (LLVMValueRef[]){d1, d2}, (LLVMBasicBlockRef[]){unboxed, boxed_end}, 2);
    return phi;
}

/* l ** c for a constant exponent c: libm's pow, as CPython's float_pow
 * calls it, where CPython does nothing else first: a finite base, not
 * zero, positive unless c is integral (then the sign is put back for an
 * odd c), and a finite result (else CPython's OverflowError). Anything
 * else goes to the generic way. */
static LLVMValueRef pow_double(Emitter *e, LLVMValueRef l, const Expr *c, LLVMBasicBlockRef slow) {
    bool neg = c->kind == E_UNARYOP && c->u.unaryop.op == UOP_USUB;
    if (c->kind == E_UNARYOP) c = c->u.unaryop.operand;
    double y = c->u.constant.kind == CONST_FLOAT ? c->u.constant.fval : (double)c->u.constant.ival;
    if (neg) y = -y;
    if (y == 0) return LLVMConstReal(e->f64, 1.0);   /* x ** 0 is 1.0 for every float x */
    if (isnan(y) || isinf(y)) {
        LLVMBuildBr(e->b, slow);
        LLVMPositionBuilderAtEnd(e->b, emit_block(e, "fpow.dead"));
        return LLVMGetUndef(e->f64);
    }
    bool integral = y == floor(y);
    bool odd = integral && fmod(fabs(y), 2.0) == 1.0;
    LLVMValueRef inf = LLVMConstReal(e->f64, INFINITY);
    LLVMValueRef ax = integral ? LLVMBuildSelect(e->b, LLVMBuildFCmp(e->b, LLVMRealOLT, l, LLVMConstReal(e->f64, 0.0), ""),
                                                 LLVMBuildFNeg(e->b, l, ""), l, "")
                               : l;
    /* 0 < ax < inf (false for a NaN) */
    LLVMValueRef ok = LLVMBuildAnd(e->b, LLVMBuildFCmp(e->b, LLVMRealOGT, ax, LLVMConstReal(e->f64, 0.0), ""),
                                   LLVMBuildFCmp(e->b, LLVMRealOLT, ax, inf, ""), "");
    LLVMBasicBlockRef go = emit_block(e, "fpow");
    LLVMBuildCondBr(e->b, ok, go, slow);
    LLVMPositionBuilderAtEnd(e->b, go);
    LLVMTypeRef fty = LLVMFunctionType(e->f64, (LLVMTypeRef[]){e->f64, e->f64}, 2, 0);
    LLVMValueRef fn = LLVMGetNamedFunction(e->m, "pow");
    if (!fn) fn = LLVMAddFunction(e->m, "pow", fty);
    LLVMValueRef r = LLVMBuildCall2(e->b, fty, fn, (LLVMValueRef[]){ax, LLVMConstReal(e->f64, y)}, 2, "pow");
    /* libm's own pow, not LLVM's idea of it (pow(x, 0.5) → sqrt …) */
    unsigned nobuiltin = LLVMGetEnumAttributeKindForName("nobuiltin", 9);
    LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(e->ctx, nobuiltin, 0));
    LLVMValueRef fin = LLVMBuildFCmp(e->b, LLVMRealOLT, LLVMBuildCall2(e->b, LLVMFunctionType(e->f64, &e->f64, 1, 0),
                                     fabs_fn(e), &r, 1, ""), inf, "");
    LLVMBasicBlockRef done = emit_block(e, "fpow.ok");
    LLVMBuildCondBr(e->b, fin, done, slow);
    LLVMPositionBuilderAtEnd(e->b, done);
    if (odd)
        r = LLVMBuildSelect(e->b, LLVMBuildFCmp(e->b, LLVMRealOLT, l, LLVMConstReal(e->f64, 0.0), ""),
                            LLVMBuildFNeg(e->b, r, ""), r, "");
    return r;
}

/* A local leaf: a float local's unboxed double, or its slot checked. */
static LLVMValueRef local_double(Emitter *e, const char *name, bool need, LLVMBasicBlockRef slow) {
    LLVMValueRef dval, dflag;
    if (!emit_float_local(e, name, &dval, &dflag))
        return leaf_double(e, LLVMBuildLoad2(e->b, e->i64, local_slot(e, name), name), need, slow);
    LLVMBasicBlockRef unboxed = emit_block(e, "flocal.d"), boxed = emit_block(e, "flocal.slot"),
                      join = emit_block(e, "flocal.val");
    LLVMBuildCondBr(e->b, LLVMBuildLoad2(e->b, e->i1, dflag, ""), unboxed, boxed);
    LLVMPositionBuilderAtEnd(e->b, unboxed);
    LLVMValueRef d1 = LLVMBuildLoad2(e->b, e->f64, dval, name);
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, boxed);
    LLVMValueRef d2 = leaf_double(e, LLVMBuildLoad2(e->b, e->i64, local_slot(e, name), name), need, slow);
    LLVMBasicBlockRef boxed_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, join);
    LLVMPositionBuilderAtEnd(e->b, join);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->f64, name);
    LLVMAddIncoming(phi, (LLVMValueRef[]){d1, d2}, (LLVMBasicBlockRef[]){unboxed, boxed_end}, 2);
    return phi;
}

/* Store d into float local `name` unboxed (its slot goes stale). */
static void store_float_local(Emitter *e, const char *name, LLVMValueRef d) {
    LLVMValueRef dval, dflag;
    emit_float_local(e, name, &dval, &dflag);
    LLVMValueRef owned = emit_owned_slot(e, name);
    if (owned) LLVMBuildStore(e->b, emit_i64(e, 0), owned);
    LLVMBuildStore(e->b, d, dval);
    LLVMBuildStore(e->b, LLVMConstInt(e->i1, 1, 0), dflag);
}

static bool is_float_local(Emitter *e, const Expr *x) {
    LLVMValueRef dval, dflag;
    return x->kind == E_NAME && emit_float_local(e, x->u.name.id, &dval, &dflag);
}

/* NAME(x) or m.NAME(x) of a math function (infer.c): the callee and the
 * argument are evaluated the generic way, once; when the callee is
 * math.NAME itself and x a float (or a small int that converts exactly),
 * libm's NAME — what math_1 calls — gives the double, kept only when it
 * is finite (NaN, infinities and errno cases are the runtime's). Anything
 * else calls the callee with the argument already evaluated, and the
 * result is checked like any leaf. */
static LLVMValueRef math_leaf(Emitter *e, const TreeEmit *te, int li, const Expr *x, LLVMBasicBlockRef slow) {
    const Expr *f = x->u.call.func;
    const char *name = f->kind == E_NAME ? f->u.name.id : f->u.attribute.attr;
    int k = infer_math_index(name);
    LLVMValueRef callee = emit_expr(e, f);
    LLVMValueRef arg = emit_call_arg(e, x->u.call.args.v[0]);
    e->fn->cur_line = x->pos.line;
    LLVMValueRef tab = LLVMGetNamedGlobal(e->m, "ai_math_leaf_fns");
    if (!tab) tab = LLVMAddGlobal(e->m, LLVMArrayType2(e->ptr, 7), "ai_math_leaf_fns");
    LLVMValueRef want = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, tab, (LLVMValueRef[]){emit_i64(e, k)}, 1, ""), "mathfn");
    LLVMBasicBlockRef call = emit_block(e, "math.call"), isfn = emit_block(e, "math.fn"), done = emit_block(e, "math.val");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, callee, want, ""), isfn, call);
    LLVMPositionBuilderAtEnd(e->b, isfn);
    LLVMValueRef d = leaf_double(e, arg, false, call);
    LLVMTypeRef fty = LLVMFunctionType(e->f64, &e->f64, 1, 0);
    LLVMValueRef fn = LLVMGetNamedFunction(e->m, name);
    if (!fn) fn = LLVMAddFunction(e->m, name, fty);
    LLVMValueRef r = LLVMBuildCall2(e->b, fty, fn, &d, 1, name);
    /* libm's own function (LLVM would fold sqrt to the instruction, which
     * is the same correctly rounded value, but not the others) */
    unsigned nobuiltin = LLVMGetEnumAttributeKindForName("nobuiltin", 9);
    LLVMAddCallSiteAttribute(r, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(e->ctx, nobuiltin, 0));
    LLVMValueRef fin = LLVMBuildFCmp(e->b, LLVMRealOLT, LLVMBuildCall2(e->b, LLVMFunctionType(e->f64, &e->f64, 1, 0),
                                     fabs_fn(e), &r, 1, ""), LLVMConstReal(e->f64, INFINITY), "");
    LLVMBasicBlockRef ok = emit_block(e, "math.ok");
    LLVMBuildCondBr(e->b, fin, ok, call);
    LLVMPositionBuilderAtEnd(e->b, ok);
    LLVMBuildStore(e->b, emit_i64(e, AI_FRET), te->slots[li]);
    LLVMBuildStore(e->b, r, te->dslots[li]);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, call);
    LLVMValueRef boxed = emit_rt(e, RT_ai_call, (LLVMValueRef[]){callee, emit_value_array(e, &arg, 1), emit_i64(e, 1),
                                                                 emit_i64(e, 0)}, 4);
    emit_check(e, boxed, x->pos.line);
    keep(e, te, li, boxed);
    LLVMValueRef d2 = leaf_double(e, boxed, te->t->need_float[li], slow);
    LLVMBasicBlockRef call_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->f64, "math");
    LLVMAddIncoming(phi, (LLVMValueRef[]){r, d2}, (LLVMBasicBlockRef[]){ok, call_end}, 2);
    return phi;
}

/* The tree's value as a double (fast way); failed checks go to slow.
 * Leaves are read where CPython evaluates them (left to right, each
 * operator after its operands), so a leaf evaluated the generic way runs
 * after exactly the checks CPython's operators would have made before. */
static LLVMValueRef tree_double(Emitter *e, const TreeEmit *te, const Expr *x, LLVMBasicBlockRef slow) {
    const FloatTree *t = te->t;
    int li = infer_leaf_index(t, x);
    if (li >= 0) {
        bool need = t->need_float[li];
        switch (t->kinds[li]) {
        case LEAF_LOCAL: return local_double(e, x->u.name.id, need, slow);
        case LEAF_PURE: {
            if (x->kind == E_ATTRIBUTE && !te->slots[li]) {
                /* not kept: a float slot's double is read without a box */
                LLVMValueRef ov = load_local_raw(e, x->u.attribute.value->u.name.id, slow);
                return emit_attr_double(e, ov, x->u.attribute.attr, need, slow, leaf_double);
            }
            /* not kept: an array's double is read without a box */
            if (x->kind == E_SUBSCRIPT && !te->slots[li]) return subscript_double(e, x, need, slow);
            LLVMValueRef v = x->kind == E_SUBSCRIPT ? subscript_leaf(e, x, slow) : attribute_leaf(e, x, slow);
            return leaf_double(e, keep(e, te, li, v), need, slow);
        }
        case LEAF_FCALL: return fcall_leaf(e, te, li, x, slow);
        case LEAF_MATH: return math_leaf(e, te, li, x, slow);
        case LEAF_EVAL: {
            /* An arithmetic part infer.c judged an int (`(i + j) * (i + j
             * + 1) // 2`): computed the generic way, small ints inline,
             * without trying trees of its own on ints first. */
            bool intish = x->kind == E_BINOP;
            e->float_tree_off += intish;
            LLVMValueRef v = emit_expr(e, x);
            e->float_tree_off -= intish;
            return leaf_double(e, keep(e, te, li, v), need, slow);
        }
        }
    }
    switch (x->kind) {
    case E_CONSTANT:
        return LLVMConstReal(e->f64, x->u.constant.kind == CONST_FLOAT ? x->u.constant.fval : (double)x->u.constant.ival);
    case E_UNARYOP: {
        const Expr *o = x->u.unaryop.operand;
        if (x->u.unaryop.op == UOP_UADD) return tree_double(e, te, o, slow);
        if (o->kind == E_CONSTANT && o->u.constant.kind == CONST_INT)
            return LLVMConstReal(e->f64, (double)-o->u.constant.ival);  /* -0 is the int 0 */
        return LLVMBuildFNeg(e->b, tree_double(e, te, o, slow), "");
    }
    default: {
        LLVMValueRef l = tree_double(e, te, x->u.binop.left, slow);
        if (x->u.binop.op == OP_POW) return pow_double(e, l, x->u.binop.right, slow);
        LLVMValueRef r = tree_double(e, te, x->u.binop.right, slow);
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

static InferEnv env_of(Emitter *e) { return (InferEnv){emit_is_plain_local, emit_is_float_call, e}; }

/* Worth a tree: two operators or more (one operator alone is the shared
 * $float helper's, with the same one allocation), or a float call whose
 * result need not be boxed. */
static bool worth(Emitter *e, const FloatTree *t) {
    if (t->nops >= 2 || (t->nops >= 1 && t->has_fcall)) return true;
    for (int i = 0; i < t->nleaves && t->nops >= 1; i++)
        if (t->kinds[i] == LEAF_LOCAL && is_float_local(e, t->leaves[i])) return true;
    /* One operator over attributes that look like floats (`a.x - b.x`,
     * `p.x * 0.5`): the helper would box each float slot it reads, the
     * tree reads their doubles and boxes the result only. Not `n.count +
     * 1` nor `self.x * k`: most likely ints, or unknown. */
    if (t->nops == 1) {
        bool attr = false, floaty = true;
        for (int i = 0; i < t->nleaves; i++) {
            const Expr *l = t->leaves[i];
            if (t->kinds[i] == LEAF_PURE && l->kind == E_ATTRIBUTE) attr = true;
            else if (!(t->kinds[i] == LEAF_LOCAL && is_float_local(e, l))) floaty = false;
        }
        /* constants are no leaves: `n.count + 1` has one, and only a
         * float constant (evidence) makes it worth a tree */
        return attr && (t->evidence || (floaty && t->nleaves == 2));
    }
    return false;
}

/* The fast way of tree t at x: its block (`ftree.fast`), its leaves'
 * slots, its double; any failed check branches to slow. */
static LLVMValueRef fast_way(Emitter *e, TreeEmit *te, const FloatTree *t, const Expr *x, LLVMBasicBlockRef slow) {
    LLVMBasicBlockRef fast = emit_block(e, "ftree.fast");
    LLVMBuildBr(e->b, fast);
    LLVMPositionBuilderAtEnd(e->b, fast);
    tree_begin(e, te, t);
    return tree_double(e, te, x, slow);
}

/* x evaluated the generic way after the fast way failed: no float trees
 * inside it, and every leaf the fast way already read standing for itself
 * (kept.* slots), so nothing is evaluated or read twice. */
static LLVMValueRef generic_way(Emitter *e, const TreeEmit *te, const Expr *x) {
    e->float_tree_off++;
    int mark = subst_push(e, te);
    LLVMValueRef generic = emit_expr(e, x);
    e->nsubst = mark;
    e->float_tree_off--;
    return generic;
}

LLVMValueRef emit_float_tree(Emitter *e, const Expr *x) {
    FloatTree t;
    InferEnv env = env_of(e);
    if (e->float_tree_off || !e->fn || !infer_float_tree(e->arena, x, &env, false, &t) || !worth(e, &t))
        return NULL;
    LLVMBasicBlockRef slow = emit_block(e, "ftree.slow"), done = emit_block(e, "ftree.done");
    TreeEmit te;
    LLVMValueRef d = fast_way(e, &te, &t, x, slow);
    LLVMValueRef boxed = emit_box_float(e, d, x->pos.line);
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef generic = generic_way(e, &te, x);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "ftree");
    LLVMAddIncoming(phi, (LLVMValueRef[]){boxed, generic}, (LLVMBasicBlockRef[]){fast_end, slow_end}, 2);
    return phi;
}

/* int(tree) of the builtin int, the argument a float tree: its double,
 * truncated toward zero, is the int when it is within the small ints
 * (NaN fails the range test); any other double goes to int itself, boxed
 * (a big int, or CPython's OverflowError/ValueError). NULL: not such a
 * call, or not worth it (no float in sight). The call's callee is the
 * never-bound global `int`. */
LLVMValueRef emit_float_int_call(Emitter *e, const Expr *call) {
    const Expr *arg = call->u.call.args.v[0];
    FloatTree t;
    InferEnv env = env_of(e);
    if (e->float_tree_off || !e->fn || !infer_float_tree(e->arena, arg, &env, false, &t) ||
        !(t.evidence || worth(e, &t)))
        return NULL;
    const Expr *f = call->u.call.func;
    LLVMValueRef callee = emit_load_name(e, f->u.name.id, f->pos);
    LLVMBasicBlockRef slow = emit_block(e, "ftree.slow"), done = emit_block(e, "ftree.done");
    TreeEmit te;
    LLVMValueRef d = fast_way(e, &te, &t, arg, slow);
    LLVMBasicBlockRef big = emit_block(e, "int.big"), small = emit_block(e, "int.small");
    /* small ints are 63-bit: |trunc(d)| < 2**62 fits */
    LLVMValueRef lim = LLVMConstReal(e->f64, 4611686018427387904.0);
    LLVMValueRef in = LLVMBuildAnd(e->b, LLVMBuildFCmp(e->b, LLVMRealOLT, d, lim, ""),
                                   LLVMBuildFCmp(e->b, LLVMRealOGT, d, LLVMConstReal(e->f64, -4611686018427387904.0), ""), "");
    LLVMBuildCondBr(e->b, in, small, big);
    LLVMPositionBuilderAtEnd(e->b, small);
    LLVMValueRef fres = emit_box_i64(e, LLVMBuildFPToSI(e->b, d, e->i64, "trunc"));
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, big);
    LLVMValueRef boxed = emit_box_float(e, d, call->pos.line);
    LLVMValueRef bres = emit_rt(e, RT_ai_call, (LLVMValueRef[]){callee, emit_value_array(e, &boxed, 1), emit_i64(e, 1), emit_i64(e, 0)}, 4);
    emit_check(e, bres, call->pos.line);
    LLVMBasicBlockRef big_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef generic = generic_way(e, &te, call);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "int");
    LLVMAddIncoming(phi, (LLVMValueRef[]){fres, bres, generic}, (LLVMBasicBlockRef[]){small, big_end, slow_end}, 3);
    return phi;
}

/* Does t read an attribute (a float slot's double, no box)? */
static bool attr_leaf(const FloatTree *t) {
    for (int i = 0; i < t->nleaves; i++)
        if (t->kinds[i] == LEAF_PURE && t->leaves[i]->kind == E_ATTRIBUTE) return true;
    return false;
}

/* One side of such a comparison that looks like a float: a constant or
 * a local known as floats, or an attribute (which may be a float slot). */
static bool floatish_side(Emitter *e, const FloatTree *t) {
    if (t->evidence) return true;
    if (t->nleaves != 1) return false;
    return (t->kinds[0] == LEAF_PURE && t->leaves[0]->kind == E_ATTRIBUTE) ||
           (t->kinds[0] == LEAF_LOCAL && is_float_local(e, t->leaves[0]));
}

/* A comparison with no operator is worth doubles when it reads a float
 * slot and both sides look like floats: `a.x < b.x`, `p.x > 0.0`, `p.x <
 * lim` of a float local lim. Not `node.count == 0`, `self.m == other`,
 * `len(s) > self.n`: most likely no floats, and each such site would
 * carry two more inline caches (stdlib modules had a hundred). */
static bool attr_compare(Emitter *e, CmpOp op, const FloatTree *l, const FloatTree *r) {
    if (!attr_leaf(l) && !attr_leaf(r)) return false;
    /* `a.origin == b.origin` compares anything: a float in sight only */
    if (op == CMP_EQ || op == CMP_NOTEQ) return l->evidence || r->evidence;
    return floatish_side(e, l) && floatish_side(e, r);
}

/* A comparison of float trees: as an i1 (value false) or as the bool
 * object CPython's float comparison returns (value true: the generic
 * way then gives whatever the operator returned, as compare_chain_value). */
static LLVMValueRef float_compare(Emitter *e, const Expr *x, bool value) {
    if (e->float_tree_off || !e->fn || x->u.compare.n != 1) return NULL;
    CmpOp op = x->u.compare.ops[0];
    if (op != CMP_LT && op != CMP_LTE && op != CMP_GT && op != CMP_GTE && op != CMP_EQ && op != CMP_NOTEQ)
        return NULL;
    const Expr *lx = x->u.compare.left, *rx = x->u.compare.comparators.v[0];
    FloatTree lt, rt;
    InferEnv env = env_of(e);
    if (!infer_float_tree(e->arena, lx, &env, true, &lt) || !infer_float_tree(e->arena, rx, &env, true, &rt) ||
        (lt.nops + rt.nops == 0 && !lt.has_fcall && !rt.has_fcall && !attr_compare(e, op, &lt, &rt)))
        return NULL;
    /* kept leaves of both sides: a side evaluated the generic way keeps
     * its leaves too when the other one has such leaves */
    if (lt.has_eval || rt.has_eval) lt.has_eval = rt.has_eval = true;
    LLVMBasicBlockRef slow = emit_block(e, "ftree.slow"), done = emit_block(e, "ftree.done");
    LLVMBasicBlockRef fast = emit_block(e, "ftree.fast");
    LLVMBuildBr(e->b, fast);
    LLVMPositionBuilderAtEnd(e->b, fast);
    TreeEmit tl, tr;
    tree_begin(e, &tl, &lt);
    tree_begin(e, &tr, &rt);
    LLVMValueRef dl = tree_double(e, &tl, lx, slow);
    LLVMValueRef dr = tree_double(e, &tr, rx, slow);
    /* Python's NaN rules: ordered comparisons with a NaN are false, != true. */
    LLVMRealPredicate p = op == CMP_LT ? LLVMRealOLT : op == CMP_LTE ? LLVMRealOLE : op == CMP_EQ ? LLVMRealOEQ
                        : op == CMP_NOTEQ ? LLVMRealUNE : op == CMP_GT ? LLVMRealOGT : LLVMRealOGE;
    LLVMValueRef fres = LLVMBuildFCmp(e->b, p, dl, dr, "");
    if (value)
        fres = LLVMBuildSelect(e->b, fres, emit_constant(e, &(Constant){.kind = CONST_TRUE}),
                               emit_constant(e, &(Constant){.kind = CONST_FALSE}), "");
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    e->float_tree_off++;
    int mark = subst_push(e, &tl);
    subst_push(e, &tr);
    LLVMValueRef generic = value ? emit_expr(e, x) : emit_cond(e, x);
    e->nsubst = mark;
    e->float_tree_off--;
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, value ? e->i64 : e->i1, "fcmp");
    LLVMAddIncoming(phi, (LLVMValueRef[]){fres, generic}, (LLVMBasicBlockRef[]){fast_end, slow_end}, 2);
    return phi;
}

LLVMValueRef emit_float_compare(Emitter *e, const Expr *x) { return float_compare(e, x, false); }

/* Only for comparisons that read attributes (their float slots' doubles:
 * `return self.x > o.x` would box both); other value comparisons keep
 * the shared helpers, which box nothing either. */
LLVMValueRef emit_float_compare_value(Emitter *e, const Expr *x) {
    if (e->float_tree_off || !e->fn || x->u.compare.n != 1) return NULL;
    FloatTree lt, rt;
    InferEnv env = env_of(e);
    if (!infer_float_tree(e->arena, x->u.compare.left, &env, true, &lt) ||
        !infer_float_tree(e->arena, x->u.compare.comparators.v[0], &env, true, &rt) ||
        lt.nops + rt.nops != 0 || lt.has_fcall || rt.has_fcall || !attr_compare(e, x->u.compare.ops[0], &lt, &rt))
        return NULL;
    return float_compare(e, x, true);
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
    InferEnv env = env_of(e);
    bool to_local = is_float_local(e, target);
    /* An attribute target with a float in sight (`self.x += 1.0`): its
     * float slot takes the double, no box at all. */
    if (!infer_float_tree(e->arena, x, &env, false, &t)) return false;
    bool attr_worth = target->kind == E_ATTRIBUTE && t.evidence;
    if (!to_local && !attr_worth && !worth(e, &t)) return false;
    /* With a value evaluated the generic way, only a local target: the
     * generic way reads the target itself (a call may change an item or
     * an attribute, not a local). */
    if (t.has_eval && target->kind != E_NAME) return false;
    LLVMBasicBlockRef slow = emit_block(e, "ftree.slow"), done = emit_block(e, "ftree.done");
    TreeEmit te;
    LLVMValueRef d = fast_way(e, &te, &t, x, slow);
    if (to_local) store_float_local(e, target->u.name.id, d);
    else if (target->kind == E_ATTRIBUTE)
        emit_setattr_double(e, emit_expr(e, target->u.attribute.value), target->u.attribute.attr, d, st->pos.line);
    else if (local_item(e, target)) store_item_double(e, target, d, st->pos.line);
    else emit_store_target(e, target, emit_box_float(e, d, st->pos.line));
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    e->float_tree_off++;
    int mark = subst_push(e, &te);
    emit_augassign(e, st);
    e->nsubst = mark;
    e->float_tree_off--;
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    return true;
}

bool emit_float_return(Emitter *e, const Stmt *st) {
    const Expr *v = st->u.ret.value;
    if (e->float_tree_off || !e->fn || !e->fn->fret_out || !v || e->fn->tries) return false;
    FloatTree t;
    InferEnv env = env_of(e);
    if (!infer_float_tree(e->arena, v, &env, true, &t)) return false;
    if (t.nops == 0 && t.nleaves == 1 && t.kinds[0] == LEAF_LOCAL && is_float_local(e, v)) {
        /* return x of a float local holding a double: no box */
        LLVMValueRef dval, dflag;
        emit_float_local(e, v->u.name.id, &dval, &dflag);
        LLVMBasicBlockRef unboxed = emit_block(e, "fret.local"), boxed = emit_block(e, "fret.boxed");
        LLVMBuildCondBr(e->b, LLVMBuildLoad2(e->b, e->i1, dflag, ""), unboxed, boxed);
        LLVMPositionBuilderAtEnd(e->b, unboxed);
        LLVMBuildStore(e->b, LLVMBuildLoad2(e->b, e->f64, dval, ""), e->fn->fret_out);
        emit_release_loops(e, NULL);
        if (emit_block_open(e)) LLVMBuildRet(e->b, emit_i64(e, AI_FRET));
        LLVMPositionBuilderAtEnd(e->b, boxed);
        LLVMValueRef r = emit_expr(e, v);
        emit_release_loops(e, NULL);
        if (emit_block_open(e)) LLVMBuildRet(e->b, r);
        return true;
    }
    if (t.nops == 0 && t.nleaves == 1 && t.kinds[0] == LEAF_FCALL) {
        /* return g(…) of another float call: its double passes through */
        LLVMValueRef r = emit_float_direct_call(e, v, e->fn->fret_out);
        if (!r) return false;
        emit_release_loops(e, NULL);
        LLVMBuildRet(e->b, r);
        return true;
    }
    LLVMBasicBlockRef slow = emit_block(e, "fret.slow"), fast = emit_block(e, "fret.fast");
    LLVMBuildBr(e->b, fast);
    LLVMPositionBuilderAtEnd(e->b, fast);
    TreeEmit te;
    tree_begin(e, &te, &t);
    LLVMValueRef d = tree_double(e, &te, v, slow);
    LLVMBuildStore(e->b, d, e->fn->fret_out);
    emit_release_loops(e, NULL);
    if (emit_block_open(e)) LLVMBuildRet(e->b, emit_i64(e, AI_FRET));
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef generic = generic_way(e, &te, v);
    emit_release_loops(e, NULL);
    if (emit_block_open(e)) LLVMBuildRet(e->b, generic);
    return true;
}

/* A tree that is one attribute read (`p.x`): copied into a float slot
 * as a double, with no box between. */
static bool lone_attr(const FloatTree *t) {
    return t->nops == 0 && t->nleaves == 1 && t->kinds[0] == LEAF_PURE && t->leaves[0]->kind == E_ATTRIBUTE;
}

/* The object of an attribute target (a plain local: evaluating it twice,
 * once per way of a copy, is invisible). */
static LLVMValueRef target_object(Emitter *e, const void *ov) { return emit_expr(e, ov); }

/* local.name = <float tree>: the double goes to the attribute (a float
 * slot takes it unboxed). The object is a plain local, read after the
 * value as CPython does. */
static bool float_assign_attr(Emitter *e, const Expr *target, const Expr *v, int line) {
    const Expr *ov = target->u.attribute.value;
    if (ov->kind != E_NAME || !emit_is_plain_local(e, ov->u.name.id)) return false;
    if (v->kind == E_IFEXP) {
        /* `o.x = a.x if c else b.x` is `if c: o.x = a.x` / `else: o.x =
         * b.x` (the same order: test, branch, object, store), each
         * branch a float store where it can be: no box for a float slot */
        const Expr *bs[2] = {v->u.ifexp.body, v->u.ifexp.orelse};
        bool any = false;
        FloatTree bt;
        InferEnv benv = env_of(e);
        for (int i = 0; i < 2; i++)
            any |= infer_float_tree(e->arena, bs[i], &benv, true, &bt) && (worth(e, &bt) || lone_attr(&bt));
        if (!any) return false;
        LLVMValueRef c = emit_cond(e, v->u.ifexp.test);
        LLVMBasicBlockRef yes = emit_block(e, "fif.then"), no = emit_block(e, "fif.else"), done = emit_block(e, "fif.done");
        LLVMBuildCondBr(e->b, c, yes, no);
        for (int i = 0; i < 2; i++) {
            LLVMPositionBuilderAtEnd(e->b, i ? no : yes);
            if (!float_assign_attr(e, target, bs[i], line)) emit_store_target(e, target, emit_expr(e, bs[i]));
            if (emit_block_open(e)) LLVMBuildBr(e->b, done);
        }
        LLVMPositionBuilderAtEnd(e->b, done);
        return true;
    }
    FloatTree t;
    InferEnv env = env_of(e);
    if (!infer_float_tree(e->arena, v, &env, true, &t) || (!worth(e, &t) && !lone_attr(&t))) return false;
    /* o.x = p.x: p.x must be a float for the double to be stored */
    if (t.nops == 0) t.need_float[0] = true;
    LLVMBasicBlockRef slow = emit_block(e, "ftree.slow"), done = emit_block(e, "ftree.done");
    LLVMBasicBlockRef fast = emit_block(e, "ftree.fast");
    LLVMBuildBr(e->b, fast);
    LLVMPositionBuilderAtEnd(e->b, fast);
    TreeEmit te;
    tree_begin(e, &te, &t);
    if (lone_attr(&t)) {
        /* a copy: a float slot's double stored as a double, anything
         * else as it is */
        const Expr *src = t.leaves[0];
        LLVMValueRef so = load_local_raw(e, src->u.attribute.value->u.name.id, slow);
        emit_attr_copy(e, so, src->u.attribute.attr, target_object, ov, target->u.attribute.attr, slow, line);
    } else {
        emit_setattr_double(e, emit_expr(e, ov), target->u.attribute.attr, tree_double(e, &te, v, slow), line);
    }
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef generic = generic_way(e, &te, v);
    emit_store_target(e, target, generic);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    return true;
}

/* a[i] = tree with a local container and key: the tree's double stored
 * into an array('d')/('f') item without a box (store_item_double). */
static bool float_assign_item(Emitter *e, const Expr *target, const Expr *v, int line) {
    FloatTree t;
    InferEnv env = env_of(e);
    if (!infer_float_tree(e->arena, v, &env, true, &t) || !worth(e, &t)) return false;
    LLVMBasicBlockRef slow = emit_block(e, "ftree.slow"), done = emit_block(e, "ftree.done");
    TreeEmit te;
    LLVMValueRef d = fast_way(e, &te, &t, v, slow);
    store_item_double(e, target, d, line);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    emit_store_target(e, target, generic_way(e, &te, v));
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    return true;
}

bool emit_float_assign(Emitter *e, const Stmt *st) {
    if (e->float_tree_off || !e->fn || st->u.assign.targets.n != 1) return false;
    const Expr *target = st->u.assign.targets.v[0], *v = st->u.assign.value;
    if (target->kind == E_ATTRIBUTE && !e->fn->cold) return float_assign_attr(e, target, v, st->pos.line);
    if (local_item(e, target) && !e->fn->cold) return float_assign_item(e, target, v, st->pos.line);
    if (!is_float_local(e, target)) return false;
    const Expr *c = v;
    if (c->kind == E_UNARYOP && (c->u.unaryop.op == UOP_USUB || c->u.unaryop.op == UOP_UADD)) c = c->u.unaryop.operand;
    if (c->kind == E_CONSTANT && c->u.constant.kind == CONST_FLOAT) {
        double d = c->u.constant.fval;
        store_float_local(e, target->u.name.id, LLVMConstReal(e->f64, c != v && v->u.unaryop.op == UOP_USUB ? -d : d));
        return true;
    }
    if (is_float_local(e, v)) {
        /* x = y of two float locals: the double is copied, not boxed */
        LLVMValueRef dval, dflag;
        emit_float_local(e, v->u.name.id, &dval, &dflag);
        LLVMBasicBlockRef copy = emit_block(e, "flocal.copy"), boxed = emit_block(e, "flocal.boxed"),
                          done = emit_block(e, "flocal.done");
        LLVMBuildCondBr(e->b, LLVMBuildLoad2(e->b, e->i1, dflag, ""), copy, boxed);
        LLVMPositionBuilderAtEnd(e->b, copy);
        store_float_local(e, target->u.name.id, LLVMBuildLoad2(e->b, e->f64, dval, ""));
        LLVMBuildBr(e->b, done);
        LLVMPositionBuilderAtEnd(e->b, boxed);
        emit_store_name(e, target->u.name.id, emit_expr(e, v), target->pos);
        LLVMBuildBr(e->b, done);
        LLVMPositionBuilderAtEnd(e->b, done);
        return true;
    }
    FloatTree t;
    InferEnv env = env_of(e);
    /* x = o.a into a float local: a float slot's double, no box */
    if (!infer_float_tree(e->arena, v, &env, true, &t) || (t.nops == 0 && !t.has_fcall && !attr_leaf(&t)))
        return false;
    /* a lone leaf is copied, not computed on: an int stays an int */
    if (t.nops == 0 && t.kinds[0] == LEAF_PURE) t.need_float[0] = true;
    LLVMBasicBlockRef slow = emit_block(e, "ftree.slow"), done = emit_block(e, "ftree.done");
    TreeEmit te;
    store_float_local(e, target->u.name.id, fast_way(e, &te, &t, v, slow));
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef generic = generic_way(e, &te, v);
    emit_store_name(e, target->u.name.id, generic, target->pos);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    return true;
}
