/*
 * emit_class.c — class statements, decorators and zero-argument super().
 *
 * class C(B, metaclass=M, **kw): body
 *   1. the decorators, then the bases, then the keywords are evaluated
 *      (CPython's order);
 *   2. ai_class_prepare resolves the bases (__mro_entries__), the
 *      metaclass and the namespace (M.__prepare__ or a dict), which gets
 *      __module__ (the module's name), __qualname__, the docstring, and,
 *      when a method uses super(), __classcell__: an immortal cell, also
 *      kept in a private global where super() reads it;
 *   3. the body runs inline in the enclosing function, in a Frame whose
 *      names live in that namespace (emit_names.c: NAME_CLASS) — methods
 *      are ordinary function objects stored there;
 *   4. ai_class_build calls M(name, bases, ns, **kw) (ai_class_new for a
 *      plain class); type.__new__ fills the cell; the decorators are
 *      applied; the name is bound.
 *
 * Known limit: the private global holds the cell of the latest execution
 * of the statement; a class statement run several times (in a function)
 * whose methods use super() sees the newest class.
 */
#include <string.h>

#include "emit_internal.h"

LLVMValueRef *emit_decorators(Emitter *e, const ExprList *decos) {
    if (!decos->n) return NULL;
    LLVMValueRef *v = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)decos->n);
    for (int i = 0; i < decos->n; i++) v[i] = emit_expr(e, decos->v[i]);
    return v;
}

LLVMValueRef emit_decorate(Emitter *e, LLVMValueRef *decos, const ExprList *dl, LLVMValueRef v) {
    for (int i = dl->n - 1; i >= 0; i--) {
        LLVMValueRef arr = emit_value_array(e, &v, 1);
        v = emit_rt(e, RT_ai_call, (LLVMValueRef[]){decos[i], arr, emit_i64(e, 1), emit_i64(e, 0)}, 4);
        emit_check(e, v, dl->v[i]->pos.line);   /* the decorator's line, as CPython's traceback */
    }
    return v;
}

void emit_class(Emitter *e, const Stmt *s) {
    int line = s->pos.line;
    Scope *cs = scope_of(e->scopes, s);
    LLVMValueRef *decos = emit_decorators(e, &s->u.classdef.decorators);
    LLVMValueRef list = emit_list_of(e, &s->u.classdef.bases, line);
    LLVMValueRef bases = emit_rt(e, RT_ai_list_to_tuple, &list, 1);
    emit_check(e, bases, line);
    LLVMValueRef kw = emit_i64(e, 0);
    const KeywordList *kws = &s->u.classdef.keywords;
    if (kws->n) {
        kw = emit_rt(e, RT_ai_dict_new, (LLVMValueRef[]){LLVMConstNull(e->ptr), emit_i64(e, 0)}, 2);
        emit_check(e, kw, line);
        for (int i = 0; i < kws->n; i++) {
            const Keyword *k = kws->v[i];
            LLVMValueRef v = emit_expr(e, k->value);
            LLVMValueRef rc = k->arg
                ? emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){kw, emit_const_str(e, k->arg, strlen(k->arg)), v}, 3)
                : emit_rt(e, RT_ai_dict_merge, (LLVMValueRef[]){kw, v}, 2);
            emit_check_i32(e, rc, k->value->pos.line);
        }
    }
    LLVMValueRef name = emit_const_str(e, s->u.classdef.name, strlen(s->u.classdef.name));
    LLVMValueRef prep = emit_rt(e, RT_ai_class_prepare, (LLVMValueRef[]){name, bases, kw}, 3);
    emit_check(e, prep, line);
    /* The namespace: item 2 of the tuple (header, length, then the items). */
    LLVMValueRef pp = LLVMBuildIntToPtr(e->b, prep, e->ptr, "");
    LLVMValueRef ns = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i8, pp, (LLVMValueRef[]){emit_i64(e, 16 + 8 * 2)}, 1, ""), "ns");
    LLVMValueRef qualname = emit_const_str(e, cs->qualname, strlen(cs->qualname));
    emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){ns, emit_const_str(e, "__module__", 10),
                                                                emit_const_str(e, e->unit->name, strlen(e->unit->name))}, 3), line);
    emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){ns, emit_const_str(e, "__qualname__", 12), qualname}, 3),
                   line);

    const StmtList *body = &s->u.classdef.body;
    /* __annotations__ = {} when the body annotates a name (before the body
     * can see the class's Frame, so the store goes to the namespace). */
    if (emit_block_annotates(body)) {
        LLVMValueRef d = emit_rt(e, RT_ai_dict_new, (LLVMValueRef[]){LLVMConstNull(e->ptr), emit_i64(e, 0)}, 2);
        emit_check(e, d, line);
        emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){ns, emit_const_str(e, "__annotations__", 15), d}, 3),
                       line);
    }
    /* A docstring becomes __doc__, as in CPython. */
    if (body->n && body->v[0]->kind == S_EXPR && body->v[0]->u.expr.value->kind == E_CONSTANT &&
        body->v[0]->u.expr.value->u.constant.kind == CONST_STR) {
        const Constant *c = &body->v[0]->u.expr.value->u.constant;
        emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){ns, emit_const_str(e, "__doc__", 7),
                                                                    emit_const_str(e, c->str, c->len)}, 3), line);
    }

    LLVMValueRef cls_global = NULL;
    if (cs->uses_class_cell) {
        cls_global = LLVMAddGlobal(e->m, e->i64, "classcell");
        LLVMSetInitializer(cls_global, emit_i64(e, 0));
        LLVMSetLinkage(cls_global, LLVMInternalLinkage);
        LLVMValueRef cell = emit_rt(e, RT_ai_class_cell, NULL, 0);
        emit_check(e, cell, line);
        LLVMBuildStore(e->b, cell, cls_global);
        emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){ns, emit_const_str(e, "__classcell__", 13), cell}, 3),
                       line);
    }

    Frame fr = {.scope = cs, .ns = ns, .outer = e->fn->frame};
    Frame *saved = e->fn->frame;
    LLVMValueRef saved_class = e->class_global;
    e->fn->frame = &fr;
    e->class_global = cls_global;
    /* CPython runs a class body as a function named after the class: a
     * traceback through it shows that frame, then the class statement's
     * line (as for comprehensions, emit_comp.c). */
    Handler body_handler = {0};
    bool own_frame = !e->hide_frames;
    if (own_frame) {
        body_handler.code_info = emit_code_info(e, s->u.classdef.name, line);
        body_handler.dispatch = emit_block(e, "class.raise");
        body_handler.outer = e->fn->handler;
        e->fn->handler = &body_handler;
    }
    emit_stmts(e, &s->u.classdef.body);
    if (own_frame) {
        e->fn->handler = body_handler.outer;
        LLVMBasicBlockRef cont = LLVMGetInsertBlock(e->b);
        LLVMPositionBuilderAtEnd(e->b, body_handler.dispatch);
        if (body_handler.unwind || body_handler.unwind_cold) emit_goto_unwind(e, line);
        if (emit_block_open(e)) LLVMBuildUnreachable(e->b);
        LLVMPositionBuilderAtEnd(e->b, cont);
    }
    e->fn->frame = saved;
    e->class_global = saved_class;
    emit_debug_loc(e, s->pos);

    LLVMValueRef cls = emit_rt(e, RT_ai_class_build, (LLVMValueRef[]){prep, name, qualname}, 3);
    emit_check(e, cls, line);
    cls = emit_decorate(e, decos, &s->u.classdef.decorators, cls);
    emit_store_name(e, s->u.classdef.name, cls, s->pos);
}

/* Zero-argument super() is super(__class__, <first argument>), as CPython
 * finds them in the running frame: the function's first positional
 * parameter and the __class__ cell of the nearest enclosing class. A def
 * or lambda nested in a method reaches that cell too (scope.c makes
 * __class__ free in it), so super() there uses the nested function's own
 * first parameter; a comprehension's first argument is its hidden
 * iterator, which is never an instance (CPython's TypeError). */
static LLVMValueRef super_error(Emitter *e, const Expr *call, const char *err) {
    LLVMValueRef r = emit_rt(e, RT_ai_raise_runtime_error, (LLVMValueRef[]){emit_cstring(e, err, strlen(err) + 1)}, 1);
    emit_check(e, r, call->pos.line);
    return r;
}

static LLVMValueRef super_of(Emitter *e, const Expr *call, LLVMValueRef self) {
    LLVMValueRef cell = LLVMBuildLoad2(e->b, e->i64, e->fn->class_global, "classcell");
    LLVMValueRef cp = LLVMBuildIntToPtr(e->b, cell, e->ptr, "");
    LLVMValueRef cls = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i8, cp, (LLVMValueRef[]){emit_i64(e, 8)}, 1, ""), "class");
    /* The class is not made yet (super() run by its own body). */
    LLVMBasicBlockRef empty = emit_block(e, "super.empty"), go = emit_block(e, "super");
    emit_br_unlikely(e, LLVMBuildICmp(e->b, LLVMIntEQ, cls, emit_i64(e, 0), ""), empty, go);
    LLVMPositionBuilderAtEnd(e->b, empty);
    super_error(e, call, "super(): empty __class__ cell");
    if (emit_block_open(e)) LLVMBuildUnreachable(e->b);
    LLVMPositionBuilderAtEnd(e->b, go);
    LLVMValueRef r = emit_rt(e, RT_ai_super, (LLVMValueRef[]){cls, self}, 2);
    emit_check(e, r, call->pos.line);
    return r;
}

LLVMValueRef emit_super_call(Emitter *e, const Expr *call) {
    const Expr *f = call->u.call.func;
    if (f->kind != E_NAME || strcmp(f->u.name.id, "super") != 0) return NULL;
    if (call->u.call.args.n || call->u.call.keywords.n) return NULL;
    Symbol *sym;
    Frame *fr;
    if (emit_name_home(e, "super", &sym, &fr) != NAME_GLOBAL || !emit_never_bound_global(e, "super")) return NULL;
    FuncDef *fd = e->fn->def;
    const Scope *inner = e->fn->frame->scope;
    if (inner->kind == SCOPE_CLASS) return super_error(e, call, "super(): no arguments");
    bool in_class = false;
    for (const Scope *s = inner->parent; s; s = s->parent) in_class |= s->kind == SCOPE_CLASS;
    if (inner->kind == SCOPE_COMPREHENSION || (fd && fd->genexp)) {
        /* The first argument is the iterator (CPython's `.0`). */
        if (!in_class) return super_error(e, call, "super(): __class__ cell not found");
        if (!e->fn->class_global && e->class_global)     /* in the class body itself */
            return super_error(e, call, "super(): empty __class__ cell");
        if (!e->fn->class_global) {
            unsupported(e, call->pos, "super() without arguments in a comprehension outside a method");
            return emit_i64(e, 1);
        }
        return super_of(e, call, emit_constant(e, &(Constant){.kind = CONST_NONE}));
    }
    if (!fd || fd->nparams == 0) return super_error(e, call, "super(): no arguments");
    if (!in_class) return super_error(e, call, "super(): __class__ cell not found");
    if (!e->fn->class_global) {
        unsupported(e, call->pos, "super() without arguments here");
        return emit_i64(e, 1);
    }
    return super_of(e, call, emit_load_name(e, fd->params[0]->name, call->pos));
}
