/*
 * emit_construct.c — C(a1, …, an) of a class by a constructor cache.
 *
 * A call whose callee is a module global that names a class (bound by a
 * class statement of the module, or any global whose name starts with a
 * capital letter: `from shapes import Vector`) gets a one-way site cache:
 * a word holding an ai_crec * (aithon_rt.h), 0 until the runtime's
 * ai_call_construct publishes one for a plain class (objects/class.c:
 * object.__new__, a plain __init__ taking exactly these arguments). The
 * fast way, `ctor.hit` in --emit-llvm:
 *
 *   callee == rec->cls   (cls is cleared when the class changes)
 *     → bump the nursery for rec->size bytes (ai_alloc when it is full),
 *       header = the class, the rest zero already (alloc.h A2);
 *       r = rec->body(obj, a1, …, an)  (the __init__ body, direct);
 *       r must be None (else CPython's TypeError); the value is obj.
 *
 * Anything else (another callee, a stale version, no record yet) is
 * `ctor.miss`: ai_call_construct, which makes the call as ai_call does.
 * A class gets a new version whenever its __init__, __new__ (its own or
 * a base's) or abstractness can have changed, so a record never outlives
 * what it was made from.
 *
 * Invariants: the arguments are evaluated once, before the check, in
 * source order; the instance is complete (header, zero fields) before
 * the body runs (gc.h G5); nothing here runs in cold (run-once) code.
 */
#include <ctype.h>
#include <string.h>

#include "aithon_rt.h"
#include "emit_internal.h"

/* Most arguments the direct way passes (objects/class.c DIRECT_MAX_ARGS). */
#define CTOR_MAX_ARGS 5

static LLVMValueRef global_word(Emitter *e, const char *sym) {
    LLVMValueRef g = LLVMGetNamedGlobal(e->m, sym);
    if (!g) g = LLVMAddGlobal(e->m, e->i64, sym);
    return emit_ptr_value(e, g);
}

/* Does the module bind `name` with a class statement at its top level? */
static bool module_class(Emitter *e, const char *name) {
    for (int i = 0; i < e->mod->body.n; i++) {
        const Stmt *s = e->mod->body.v[i];
        if (s->kind == S_CLASSDEF && strcmp(s->u.classdef.name, name) == 0) return true;
    }
    return false;
}

static LLVMValueRef load_field(Emitter *e, LLVMValueRef rec, int word, LLVMTypeRef t, const char *name) {
    LLVMValueRef p = LLVMBuildGEP2(e->b, e->i64, rec, (LLVMValueRef[]){emit_i64(e, word)}, 1, "");
    return LLVMBuildLoad2(e->b, t, p, name);
}

LLVMValueRef emit_construct_call(Emitter *e, const Expr *x) {
    const Expr *f = x->u.call.func;
    int np = x->u.call.args.n;
    if (f->kind != E_NAME || x->u.call.keywords.n || np > CTOR_MAX_ARGS || e->fn->cold) return NULL;
    for (int i = 0; i < np; i++)
        if (x->u.call.args.v[i]->kind == E_STARRED) return NULL;
    const char *name = f->u.name.id;
    if (emit_never_bound_global(e, name)) return NULL;   /* a builtin */
    if (!isupper((unsigned char)name[0]) && !module_class(e, name)) return NULL;

    LLVMValueRef callee = emit_load_name(e, name, f->pos);
    LLVMValueRef *vals = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(np + 1));
    for (int i = 0; i < np; i++) vals[i] = emit_call_arg(e, x->u.call.args.v[i]);
    int line = x->pos.line;

    LLVMValueRef site = LLVMAddGlobal(e->m, e->i64, "ctor");
    LLVMSetInitializer(site, emit_i64(e, 0));
    LLVMSetLinkage(site, LLVMPrivateLinkage);
    LLVMSetAlignment(site, 8);

    LLVMBasicBlockRef chk = emit_block(e, "ctor.rec"), hit = emit_block(e, "ctor.hit"), miss = emit_block(e, "ctor.miss");
    LLVMBasicBlockRef bump = emit_block(e, "ctor.bump"), full = emit_block(e, "ctor.full"), init = emit_block(e, "ctor.init");
    LLVMBasicBlockRef notnone = emit_block(e, "ctor.notnone"), done = emit_block(e, "ctor.done");
    LLVMValueRef rec = LLVMBuildLoad2(e->b, e->ptr, site, "crec");
    LLVMSetOrdering(rec, LLVMAtomicOrderingAcquire);
    LLVMSetAlignment(rec, 8);
    emit_br_likely(e, LLVMBuildIsNotNull(e->b, rec, ""), chk, miss);

    /* ai_crec { cls, version, verp, body, size } */
    LLVMPositionBuilderAtEnd(e->b, chk);
    LLVMValueRef rcls = emit_rec_cls(e, rec);
    emit_br_likely(e, LLVMBuildICmp(e->b, LLVMIntEQ, rcls, callee, ""), hit, miss);

    /* the instance: bumped off the nursery inline */
    LLVMPositionBuilderAtEnd(e->b, hit);
    LLVMValueRef body = load_field(e, rec, 3, e->ptr, "rbody");
    LLVMValueRef size = load_field(e, rec, 4, e->i64, "rsize");
    LLVMValueRef top = emit_nursery_bump(e, size, bump, full);
    LLVMBuildStore(e->b, callee, LLVMBuildIntToPtr(e->b, top, e->ptr, ""));
    LLVMBuildBr(e->b, init);
    LLVMPositionBuilderAtEnd(e->b, full);
    LLVMValueRef big = emit_rt(e, RT_ai_alloc, (LLVMValueRef[]){LLVMBuildIntToPtr(e->b, callee, e->ptr, ""), size}, 2);
    LLVMValueRef bigv = LLVMBuildPtrToInt(e->b, big, e->i64, "");
    emit_check(e, bigv, line);
    LLVMBasicBlockRef full_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, init);

    LLVMPositionBuilderAtEnd(e->b, init);
    LLVMValueRef obj = LLVMBuildPhi(e->b, e->i64, "inst");
    LLVMAddIncoming(obj, (LLVMValueRef[]){top, bigv}, (LLVMBasicBlockRef[]){bump, full_end}, 2);
    LLVMTypeRef *ptys = arena_alloc(e->arena, sizeof(LLVMTypeRef) * (size_t)(np + 1));
    LLVMValueRef *args = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(np + 1));
    for (int i = 0; i <= np; i++) ptys[i] = e->i64;
    args[0] = obj;
    for (int i = 0; i < np; i++) args[i + 1] = vals[i];
    LLVMTypeRef fty = LLVMFunctionType(e->i64, ptys, (unsigned)(np + 1), 0);
    LLVMValueRef r = LLVMBuildCall2(e->b, fty, body, args, (unsigned)(np + 1), "");
    emit_check(e, r, line);
    LLVMValueRef none = global_word(e, "ai_none_object");
    LLVMBasicBlockRef init_end = LLVMGetInsertBlock(e->b);
    emit_br_likely(e, LLVMBuildICmp(e->b, LLVMIntEQ, r, none, ""), done, notnone);
    LLVMPositionBuilderAtEnd(e->b, notnone);
    emit_rt(e, RT_ai_init_returned, &r, 1);
    emit_goto_unwind(e, line);

    LLVMPositionBuilderAtEnd(e->b, miss);
    LLVMValueRef arr = emit_value_array(e, vals, np);
    LLVMValueRef slow = emit_rt(e, RT_ai_call_construct, (LLVMValueRef[]){callee, arr, emit_i64(e, np), site}, 4);
    emit_check(e, slow, line);
    LLVMBasicBlockRef miss_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);

    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "ctor");
    LLVMAddIncoming(phi, (LLVMValueRef[]){obj, slow}, (LLVMBasicBlockRef[]){init_end, miss_end}, 2);
    return phi;
}
