/*
 * emit_comp.c — comprehensions and generator expressions, inline.
 *
 * [elt for x in it if c for y in it2] becomes nested loops in the
 * enclosing function, with no function object and no call: the result
 * container is created first, the first iterable is evaluated in the
 * enclosing scope (as Python specifies), and the comprehension's own
 * variables live in a Frame of their own (emit_names.c), so they do not
 * leak and names free in the comprehension read the enclosing function's
 * variables directly.
 *
 * A generator expression that is the only argument of sum(), any() or all()
 * (the builtins, not shadowed) is folded into the loop: no generator, no
 * list, and any()/all() stop at the first decisive item as the real
 * generator would. As the argument of a consumer that reads it to the end
 * (list, tuple, sorted, min, max, str.join, dict …) it becomes a list built
 * inline. Anywhere else it is a real generator: a small generator function
 * (parameter ".0", the first iterable's iterator) run on its own stack
 * (objects/gen.c).
 */
#include <string.h>

#include "emit_internal.h"

typedef enum { SINK_LIST, SINK_SET, SINK_DICT, SINK_SUM, SINK_ANY, SINK_ALL, SINK_YIELD } SinkKind;

typedef struct {
    SinkKind kind;
    LLVMValueRef acc;           /* alloca: the container or the running result */
    LLVMBasicBlockRef done;     /* after the whole comprehension */
} Sink;

static void sink_item(Emitter *e, const Expr *x, Sink *sk) {
    int line = x->pos.line;
    if (sk->kind == SINK_YIELD) {
        LLVMValueRef v = emit_expr(e, x->u.comp.elt);
        emit_check(e, emit_rt(e, RT_ai_yield, &v, 1), line);
        return;
    }
    LLVMValueRef acc = LLVMBuildLoad2(e->b, e->i64, sk->acc, "acc");
    switch (sk->kind) {
    case SINK_LIST: {
        LLVMValueRef v = emit_expr(e, x->u.comp.elt);
        emit_check_i32(e, emit_rt(e, RT_ai_list_append, (LLVMValueRef[]){acc, v}, 2), line);
        return;
    }
    case SINK_SET: {
        LLVMValueRef v = emit_expr(e, x->u.comp.elt);
        emit_check_i32(e, emit_rt(e, RT_ai_set_add, (LLVMValueRef[]){acc, v}, 2), line);
        return;
    }
    case SINK_DICT: {
        LLVMValueRef k = emit_expr(e, x->u.comp.key);
        LLVMValueRef v = emit_expr(e, x->u.comp.value);
        emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){acc, k, v}, 3), line);
        return;
    }
    case SINK_SUM: {
        LLVMValueRef v = emit_expr(e, x->u.comp.elt);
        LLVMBuildStore(e->b, emit_binop(e, OP_ADD, acc, v, line), sk->acc);
        return;
    }
    case SINK_YIELD: return;
    case SINK_ANY: case SINK_ALL: {
        LLVMValueRef c = emit_cond(e, x->u.comp.elt);
        LLVMBasicBlockRef decided = emit_block(e, "decided"), go = emit_block(e, "go");
        bool any = sk->kind == SINK_ANY;
        LLVMBuildCondBr(e->b, c, any ? decided : go, any ? go : decided);
        LLVMPositionBuilderAtEnd(e->b, decided);
        LLVMBuildStore(e->b, emit_constant(e, &(Constant){.kind = any ? CONST_TRUE : CONST_FALSE}), sk->acc);
        LLVMBuildBr(e->b, sk->done);
        LLVMPositionBuilderAtEnd(e->b, go);
        return;
    }
    }
}

/* The body of generator `gi`: bind its target, test its conditions, then
 * either nest the next generator or deliver the element. */
static void comp_body(Emitter *e, const Expr *x, int gi, ForLoop *fl, Sink *sk) {
    const ComprehensionList *gens = &x->u.comp.generators;
    const Comprehension *g = gens->v[gi];
    emit_store_target(e, g->target, LLVMBuildLoad2(e->b, e->i64, fl->item_slot, "item"));
    for (int i = 0; i < g->ifs.n; i++) {
        LLVMValueRef c = emit_cond(e, g->ifs.v[i]);
        LLVMBasicBlockRef pass = emit_block(e, "comp.if");
        LLVMBuildCondBr(e->b, c, pass, fl->latch);
        LLVMPositionBuilderAtEnd(e->b, pass);
    }
    if (gi + 1 < gens->n) {
        ForLoop inner;
        if (gens->v[gi + 1]->is_async) emit_async_for_begin(e, gens->v[gi + 1]->iter, &inner, fl->latch);
        else emit_for_begin(e, gens->v[gi + 1]->iter, &inner, fl->latch);
        comp_body(e, x, gi + 1, &inner, sk);
    } else {
        sink_item(e, x, sk);
    }
    emit_for_end(e, fl);
}

static LLVMValueRef run_comprehension(Emitter *e, const Expr *x, Sink *sk) {
    const ComprehensionList *gens = &x->u.comp.generators;
    Scope *cs = scope_of(e->scopes, x);
    sk->done = emit_block(e, "comp.done");
    Frame fr = {0};
    emit_frame_init(e, &fr, cs, e->fn->frame);
    emit_frame_cells(e, &fr);
    ForLoop fl;
    /* CPython runs a comprehension as a function of its own: a traceback
     * through it shows a <listcomp> (…) frame at the failing line, then
     * the enclosing frame at the comprehension's line. Its handler records
     * that frame, then unwinds as the comprehension's expression. */
    Handler comp_handler = {0};
    bool own_frame = !gens->v[0]->is_async && !e->hide_frames;
    Handler *outer_handler = e->fn->handler;
    if (own_frame) {
        static const char *const names[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
        int k = x->kind == E_LISTCOMP ? 0 : x->kind == E_SETCOMP ? 1 : x->kind == E_DICTCOMP ? 2 : 3;
        comp_handler.code_info = emit_code_info(e, names[k], x->pos.line);
        comp_handler.dispatch = emit_block(e, "comp.raise");
        e->for_handler = &comp_handler;
    }
    /* locals() inside shows the first iterator as ".0": make a real one. */
    Symbol *loc = scope_lookup(cs, "locals"), *vrs = scope_lookup(cs, "vars");
    bool wants_iter = (loc && (loc->flags & SYMF_USED)) || (vrs && (vrs->flags & SYMF_USED));
    if (wants_iter) {
        fr.locals_slot = emit_alloca(e, e->i64, "locals");
        LLVMBuildStore(e->b, emit_i64(e, 0), fr.locals_slot);
    }
    e->for_generic = wants_iter;
    if (gens->v[0]->is_async) emit_async_for_begin(e, gens->v[0]->iter, &fl, sk->done);
    else emit_for_begin(e, gens->v[0]->iter, &fl, sk->done);     /* outer scope */
    e->for_generic = false;
    if (wants_iter) fr.comp_iter = fl.iter;
    e->for_handler = NULL;
    Frame *saved = e->fn->frame;
    bool cold = e->fn->cold;
    e->fn->frame = &fr;
    e->fn->cold = false;            /* a loop: fast paths again */
    e->fn->had_loop = true;
    comp_body(e, x, 0, &fl, sk);
    e->fn->frame = saved;
    e->fn->cold = cold;
    if (own_frame) {
        e->fn->handler = outer_handler;
        LLVMPositionBuilderAtEnd(e->b, comp_handler.dispatch);
        if (comp_handler.unwind || comp_handler.unwind_cold) emit_goto_unwind(e, x->pos.line);
        else LLVMBuildUnreachable(e->b);
        if (emit_block_open(e)) LLVMBuildUnreachable(e->b);
    }
    LLVMPositionBuilderAtEnd(e->b, sk->done);
    return LLVMBuildLoad2(e->b, e->i64, sk->acc, "comp");
}

static LLVMValueRef new_container(Emitter *e, SinkKind k, int line) {
    RtFn f = k == SINK_LIST ? RT_ai_list_new : k == SINK_SET ? RT_ai_set_new : RT_ai_dict_new;
    LLVMValueRef c = emit_rt(e, f, (LLVMValueRef[]){LLVMConstNull(e->ptr), emit_i64(e, 0)}, 2);
    emit_check(e, c, line);
    return c;
}

static LLVMValueRef comprehension_into(Emitter *e, const Expr *x, SinkKind kind) {
    Sink sk = {.kind = kind, .acc = emit_alloca(e, e->i64, "acc")};
    LLVMBuildStore(e->b, new_container(e, kind, x->pos.line), sk.acc);
    return run_comprehension(e, x, &sk);
}

/* (elt for x in it …) as a value: a generator whose function gets
 * iter(it) — evaluated now, in this scope — as its parameter ".0". */
static LLVMValueRef genexp_value(Emitter *e, const Expr *x) {
    const Comprehension *g0 = x->u.comp.generators.v[0];
    FuncDef *fd = emit_declare_function(e, x, FUNC_GENEXP);
    if (!fd) return emit_i64(e, 1);
    emit_define_function(e, fd);
    LLVMValueRef v = g0->is_async ? emit_expr(e, g0->iter) : emit_iterable(e, g0->iter);
    LLVMValueRef it = emit_rt(e, g0->is_async ? RT_ai_aiter : RT_ai_iter, &v, 1);
    emit_check(e, it, x->pos.line);
    LLVMValueRef args[2];
    unsigned n = 0;
    if (fd->has_closure) args[n++] = emit_closure_for(e, fd->scope, x->pos);
    args[n++] = it;
    LLVMValueRef gen = LLVMBuildCall2(e->b, fd->body_type, fd->fn, args, n, "gen");
    emit_check(e, gen, x->pos.line);
    return gen;
}

void emit_genexp_body(Emitter *e, const Expr *x) {
    Sink sk = {.kind = SINK_YIELD, .done = emit_block(e, "gen.done")};
    Expr it = {.kind = E_NAME, .pos = x->pos};
    it.u.name.id = ".0";
    it.u.name.ctx = CTX_LOAD;
    ForLoop fl;
    if (x->u.comp.generators.v[0]->is_async)
        emit_async_for_over(e, emit_load_name(e, ".0", x->pos), x->pos.line, &fl, sk.done);
    else
        emit_for_begin(e, &it, &fl, sk.done);
    comp_body(e, x, 0, &fl, &sk);
    LLVMPositionBuilderAtEnd(e->b, sk.done);
}

LLVMValueRef emit_comprehension(Emitter *e, const Expr *x) {
    switch (x->kind) {
    case E_LISTCOMP: return comprehension_into(e, x, SINK_LIST);
    case E_SETCOMP: return comprehension_into(e, x, SINK_SET);
    case E_DICTCOMP: return comprehension_into(e, x, SINK_DICT);
    default: return genexp_value(e, x);
    }
}

/* Consumers that read a generator expression to its end anyway: giving
 * them a list built inline is equivalent, and faster than a generator. */
static const char *const full_consumers[] = {"list", "tuple", "set", "frozenset", "sorted", "min", "max", "dict"};

bool emit_consumes_fully(Emitter *e, const Expr *call) {
    const Expr *f = call->u.call.func;
    if (f->kind == E_ATTRIBUTE) return strcmp(f->u.attribute.attr, "join") == 0 && call->u.call.args.n == 1;
    if (f->kind != E_NAME) return false;
    for (size_t i = 0; i < sizeof full_consumers / sizeof *full_consumers; i++) {
        if (strcmp(f->u.name.id, full_consumers[i]) != 0) continue;
        Symbol *sym;
        Frame *fr;
        return emit_name_home(e, f->u.name.id, &sym, &fr) == NAME_GLOBAL && emit_never_bound_global(e, f->u.name.id);
    }
    return false;
}

LLVMValueRef emit_call_arg(Emitter *e, const Expr *arg) {
    if (arg->kind == E_GENERATOREXP && e->genexp_as_list) return comprehension_into(e, arg, SINK_LIST);
    return emit_expr(e, arg);
}

LLVMValueRef emit_genexp_call(Emitter *e, const Expr *call) {
    const Expr *f = call->u.call.func;
    if (f->kind != E_NAME || call->u.call.args.n < 1 || call->u.call.args.v[0]->kind != E_GENERATOREXP)
        return NULL;
    const char *name = f->u.name.id;
    SinkKind kind;
    if (strcmp(name, "sum") == 0) kind = SINK_SUM;
    else if (strcmp(name, "any") == 0) kind = SINK_ANY;
    else if (strcmp(name, "all") == 0) kind = SINK_ALL;
    else return NULL;
    Symbol *sym;
    Frame *fr;
    if (emit_name_home(e, name, &sym, &fr) != NAME_GLOBAL || !emit_never_bound_global(e, name)) return NULL;
    int np = call->u.call.args.n, nk = call->u.call.keywords.n;
    /* sum() with a start value goes to the real builtin (it refuses str
     * starts before iterating, among other checks). */
    if (np != 1 || nk != 0) return NULL;
    Sink sk = {.kind = kind, .acc = emit_alloca(e, e->i64, "acc")};
    LLVMValueRef init = kind == SINK_SUM ? emit_i64(e, 1)   /* tagged 0 */
                      : emit_constant(e, &(Constant){.kind = kind == SINK_ANY ? CONST_FALSE : CONST_TRUE});
    LLVMBuildStore(e->b, init, sk.acc);
    return run_comprehension(e, call->u.call.args.v[0], &sk);
}
