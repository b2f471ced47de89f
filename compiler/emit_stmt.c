/*
 * emit_stmt.c — statements: assignment, control flow, loops, def.
 *
 * Loops
 *   while:  header (test) → body → back-edge poll → header; else-block runs
 *           when the test fails, `break` jumps past it.
 *   for:    `for x in range(…)` over the builtin range with small-int bounds
 *           is a counted loop on an i64 counter (no range object, no
 *           iterator); any other iterable — or a range with a big-int
 *           bound — goes through ai_iter/ai_for_next. Both share one body:
 *           the header branches on the mode, which LLVM unswitches.
 *   Every back-edge has a safepoint poll so a spinning loop can be
 *   preempted and its actor's GC can run.
 */
#include <string.h>

#include "emit_internal.h"

static void emit_if(Emitter *e, const Stmt *s) {
    LLVMValueRef c = emit_cond(e, s->u.if_.test);
    LLVMBasicBlockRef then_bb = emit_block(e, "then"), after = emit_block(e, "endif");
    LLVMBasicBlockRef else_bb = s->u.if_.orelse.n ? emit_block(e, "else") : after;
    LLVMBuildCondBr(e->b, c, then_bb, else_bb);
    LLVMPositionBuilderAtEnd(e->b, then_bb);
    emit_stmts(e, &s->u.if_.body);
    if (emit_block_open(e)) LLVMBuildBr(e->b, after);
    if (s->u.if_.orelse.n) {
        LLVMPositionBuilderAtEnd(e->b, else_bb);
        emit_stmts(e, &s->u.if_.orelse);
        if (emit_block_open(e)) LLVMBuildBr(e->b, after);
    }
    LLVMPositionBuilderAtEnd(e->b, after);
}

/* Run `body` inside a loop whose continue target is `cont` and break
 * target `brk`. */
static void loop_body(Emitter *e, const StmtList *body, LLVMBasicBlockRef cont, LLVMBasicBlockRef brk) {
    Loop loop = {brk, cont, e->fn->loop, NULL};
    e->fn->loop = &loop;
    emit_stmts(e, body);
    e->fn->loop = loop.outer;
    if (emit_block_open(e)) LLVMBuildBr(e->b, cont);
}

static void emit_while_loop(Emitter *e, const Stmt *s);
static void emit_for_loop(Emitter *e, const Stmt *s);

/* A loop is hot: its operators get their inline fast paths again. */
static void emit_while(Emitter *e, const Stmt *s) {
    bool cold = e->fn->cold;
    e->fn->cold = false;
    e->fn->had_loop = true;
    emit_while_loop(e, s);
    e->fn->cold = cold;
}

static void emit_for(Emitter *e, const Stmt *s) {
    bool cold = e->fn->cold;
    e->fn->cold = false;
    e->fn->had_loop = true;
    emit_for_loop(e, s);
    e->fn->cold = cold;
}

static void emit_while_loop(Emitter *e, const Stmt *s) {
    LLVMBasicBlockRef header = emit_block(e, "while"), body = emit_block(e, "while.body"),
                      latch = emit_block(e, "while.latch"), after = emit_block(e, "while.end");
    LLVMBasicBlockRef else_bb = s->u.while_.orelse.n ? emit_block(e, "while.else") : after;
    LLVMBuildBr(e->b, header);
    LLVMPositionBuilderAtEnd(e->b, header);
    Loop loop = {after, latch, e->fn->loop, NULL};
    e->fn->loop = &loop;
    bool versioned = emit_int_body(e, s->u.while_.test, &s->u.while_.body, else_bb, s->pos.line);
    e->fn->loop = loop.outer;
    if (versioned) {
        LLVMBuildBr(e->b, latch);
    } else {
        IntVer *iv = e->fn->iv;
        if (iv) e->fn->iv = iv->fast ? NULL : emit_int_plain();
        LLVMBuildCondBr(e->b, emit_cond(e, s->u.while_.test), body, else_bb);
        LLVMPositionBuilderAtEnd(e->b, body);
        loop_body(e, &s->u.while_.body, latch, after);
        e->fn->iv = iv;
    }
    LLVMPositionBuilderAtEnd(e->b, latch);
    emit_safepoint(e, s->pos.line);
    LLVMBuildBr(e->b, header);
    if (s->u.while_.orelse.n) {
        LLVMPositionBuilderAtEnd(e->b, else_bb);
        emit_stmts(e, &s->u.while_.orelse);
        if (emit_block_open(e)) LLVMBuildBr(e->b, after);
    }
    LLVMPositionBuilderAtEnd(e->b, after);
}

/* Is `x` a call of the builtin range with 1–3 plain positional args? */
static bool is_range_call(Emitter *e, const Expr *x) {
    if (x->kind != E_CALL || x->u.call.func->kind != E_NAME) return false;
    if (strcmp(x->u.call.func->u.name.id, "range") != 0) return false;
    if (x->u.call.keywords.n || x->u.call.args.n < 1 || x->u.call.args.n > 3) return false;
    for (int i = 0; i < x->u.call.args.n; i++)
        if (x->u.call.args.v[i]->kind == E_STARRED) return false;
    Symbol *sym;
    Frame *f;
    if (emit_name_home(e, "range", &sym, &f) != NAME_GLOBAL) return false;
    return emit_never_bound_global(e, "range");
}

/* Start a loop over `iter` (evaluated now, in the current frame). On
 * return the builder is in the loop body with the next item in
 * fl->item_slot; when the iterable is exhausted control goes to
 * `exhausted`. End the body with emit_for_end (or branch to fl->latch to
 * `continue`). */
static LLVMValueRef type_word(Emitter *e, const char *sym) {
    LLVMValueRef g = LLVMGetNamedGlobal(e->m, sym);
    if (!g) g = LLVMAddGlobal(e->m, e->i64, sym);
    return emit_ptr_value(e, g);
}

void emit_for_begin(Emitter *e, const Expr *iter, ForLoop *fl, LLVMBasicBlockRef exhausted) {
    int line = iter->pos.line;
    fl->line = line;
    LLVMValueRef counter = emit_alloca(e, e->i64, "i");
    LLVMValueRef bounds = emit_alloca(e, LLVMArrayType2(e->i64, 3), "range");
    fl->item_slot = emit_alloca(e, e->i64, "item");
    LLVMValueRef it = emit_i64(e, 0), counted = LLVMConstInt(e->i1, 0, 0);
    LLVMValueRef seq = NULL, seq_list = NULL, seqmode = NULL;

    bool generic = e->for_generic;
    e->for_generic = false;
    if (!generic && is_range_call(e, iter)) {
        LLVMValueRef a[3] = {0};
        int n = iter->u.call.args.n;
        for (int i = 0; i < n; i++) a[i] = emit_expr(e, iter->u.call.args.v[i]);
        LLVMValueRef start = n == 1 ? emit_i64(e, 1) : a[0];       /* tagged 0 */
        LLVMValueRef stop = n == 1 ? a[0] : a[1];
        LLVMValueRef step = n == 3 ? a[2] : emit_i64(e, 3);        /* tagged 1 */
        /* Three small ints and a non-zero step (tagged 0 is the word 1):
         * the bounds inline; anything else asks ai_range_i64. */
        LLVMValueRef all = LLVMBuildAnd(e->b, LLVMBuildAnd(e->b, start, stop, ""), step, "");
        LLVMValueRef small = LLVMBuildAnd(e->b, LLVMBuildTrunc(e->b, all, e->i1, ""),
                                          LLVMBuildICmp(e->b, LLVMIntNE, step, emit_i64(e, 1), ""), "small");
        LLVMBasicBlockRef inl = emit_block(e, "range.small"), call = emit_block(e, "range.call"),
                          have = emit_block(e, "range.bounds");
        LLVMBuildCondBr(e->b, small, inl, call);
        LLVMPositionBuilderAtEnd(e->b, inl);
        LLVMValueRef words[3] = {start, stop, step};
        for (int i = 0; i < 3; i++)
            LLVMBuildStore(e->b, LLVMBuildAShr(e->b, words[i], emit_i64(e, 1), ""),
                           LLVMBuildGEP2(e->b, e->i64, bounds, (LLVMValueRef[]){emit_i64(e, i)}, 1, ""));
        LLVMBuildBr(e->b, have);
        LLVMPositionBuilderAtEnd(e->b, call);
        LLVMValueRef crc = emit_rt(e, RT_ai_range_i64, (LLVMValueRef[]){start, stop, step, bounds}, 4);
        emit_check_i32(e, crc, line);
        LLVMBasicBlockRef call_end = LLVMGetInsertBlock(e->b);
        LLVMBuildBr(e->b, have);
        LLVMPositionBuilderAtEnd(e->b, have);
        LLVMValueRef rc = LLVMBuildPhi(e->b, e->i32, "rc");
        LLVMAddIncoming(rc, (LLVMValueRef[]){emit_i32(e, 1), crc}, (LLVMBasicBlockRef[]){inl, call_end}, 2);
        counted = LLVMBuildICmp(e->b, LLVMIntEQ, rc, emit_i32(e, 1), "counted");
        LLVMBuildStore(e->b, LLVMBuildLoad2(e->b, e->i64, bounds, "start"), counter);
        /* Big-int bounds: build the real range object and iterate it. */
        LLVMBasicBlockRef gen = emit_block(e, "range.generic"), go = emit_block(e, "for.init");
        LLVMBasicBlockRef here = LLVMGetInsertBlock(e->b);
        emit_br_unlikely(e, LLVMBuildNot(e->b, counted, ""), gen, go);
        LLVMPositionBuilderAtEnd(e->b, gen);
        LLVMValueRef rng = emit_load_name(e, "range", iter->pos);
        LLVMValueRef robj = emit_rt(e, RT_ai_call, (LLVMValueRef[]){rng, emit_value_array(e, a, n), emit_i64(e, n), emit_i64(e, 0)}, 4);
        emit_check(e, robj, line);
        LLVMValueRef git = emit_rt(e, RT_ai_iter, &robj, 1);
        emit_check(e, git, line);
        LLVMBasicBlockRef gen_end = LLVMGetInsertBlock(e->b);
        LLVMBuildBr(e->b, go);
        LLVMPositionBuilderAtEnd(e->b, go);
        LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, "it");
        LLVMAddIncoming(phi, (LLVMValueRef[]){emit_i64(e, 0), git}, (LLVMBasicBlockRef[]){here, gen_end}, 2);
        it = phi;
    } else {
        /* An exact list or tuple is walked by index, as its iterator
         * would (the length re-read at every step); else ai_iter. */
        LLVMValueRef v = emit_iterable(e, iter);
        seq = emit_alloca(e, e->i64, "seq");
        LLVMBuildStore(e->b, v, seq);
        LLVMBuildStore(e->b, emit_i64(e, 0), counter);
        LLVMBasicBlockRef obj = emit_block(e, "for.obj"), chk = emit_block(e, "for.chk"), gen = emit_block(e, "for.iter"),
                          go = emit_block(e, "for.init"), here;
        if (generic) LLVMBuildBr(e->b, gen);
        else LLVMBuildCondBr(e->b, LLVMBuildTrunc(e->b, v, e->i1, ""), gen, obj);
        LLVMPositionBuilderAtEnd(e->b, obj);
        LLVMValueRef t = LLVMBuildAnd(e->b, LLVMBuildLoad2(e->b, e->i64, LLVMBuildIntToPtr(e->b, v, e->ptr, ""), "hdr"),
                                      emit_i64(e, ~(int64_t)7), "");
        LLVMValueRef is_list = LLVMBuildICmp(e->b, LLVMIntEQ, t, type_word(e, "ai_list_type"), "");
        LLVMBuildCondBr(e->b, is_list, go, chk);
        LLVMPositionBuilderAtEnd(e->b, chk);
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, t, type_word(e, "ai_tuple_type"), ""), go, gen);
        LLVMPositionBuilderAtEnd(e->b, gen);
        LLVMValueRef git = emit_rt(e, RT_ai_iter, &v, 1);
        emit_check(e, git, line);
        here = LLVMGetInsertBlock(e->b);
        LLVMBuildBr(e->b, go);
        LLVMPositionBuilderAtEnd(e->b, go);
        it = LLVMBuildPhi(e->b, e->i64, "it");
        LLVMAddIncoming(it, (LLVMValueRef[]){emit_i64(e, 0), emit_i64(e, 0), git}, (LLVMBasicBlockRef[]){obj, chk, here}, 3);
        seq_list = LLVMBuildPhi(e->b, e->i1, "islist");
        LLVMAddIncoming(seq_list, (LLVMValueRef[]){LLVMConstInt(e->i1, 1, 0), LLVMConstInt(e->i1, 0, 0), LLVMConstInt(e->i1, 0, 0)},
                        (LLVMBasicBlockRef[]){obj, chk, here}, 3);
        seqmode = LLVMBuildICmp(e->b, LLVMIntEQ, it, emit_i64(e, 0), "byindex");
    }

    if (e->for_handler) {
        /* A comprehension's frame begins here (emit_comp.c). */
        e->for_handler->outer = e->fn->handler;
        e->fn->handler = e->for_handler;
        e->for_handler = NULL;
    }
    fl->header = emit_block(e, "for");
    LLVMBasicBlockRef next_counted = emit_block(e, "for.count"), next_generic = emit_block(e, "for.next");
    fl->body = emit_block(e, "for.body");
    fl->latch = emit_block(e, "for.latch");
    LLVMBuildBr(e->b, fl->header);
    LLVMPositionBuilderAtEnd(e->b, fl->header);
    if (seq) {
        LLVMBasicBlockRef by_index = emit_block(e, "for.index"), ilist = emit_block(e, "for.ilist"),
                          ituple = emit_block(e, "for.ituple"), take = emit_block(e, "for.itake");
        LLVMBuildCondBr(e->b, seqmode, by_index, next_generic);
        LLVMPositionBuilderAtEnd(e->b, by_index);
        LLVMValueRef i = LLVMBuildLoad2(e->b, e->i64, counter, "i");
        LLVMValueRef p = LLVMBuildIntToPtr(e->b, LLVMBuildLoad2(e->b, e->i64, seq, ""), e->ptr, "");
        LLVMValueRef len = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, 8)}, 1, ""), "len");
        LLVMBasicBlockRef more = emit_block(e, "for.imore");
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntSLT, i, len, ""), more, exhausted);
        LLVMPositionBuilderAtEnd(e->b, more);
        LLVMBuildCondBr(e->b, seq_list, ilist, ituple);
        /* ai_list { hdr, len, cap, items* }; ai_tuple { hdr, len, items[] } */
        LLVMPositionBuilderAtEnd(e->b, ilist);
        LLVMValueRef litems = LLVMBuildLoad2(e->b, e->ptr, LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, 24)}, 1, ""), "items");
        LLVMBuildBr(e->b, take);
        LLVMPositionBuilderAtEnd(e->b, ituple);
        LLVMValueRef titems = LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, 16)}, 1, "items");
        LLVMBuildBr(e->b, take);
        LLVMPositionBuilderAtEnd(e->b, take);
        LLVMValueRef items = LLVMBuildPhi(e->b, e->ptr, "items");
        LLVMAddIncoming(items, (LLVMValueRef[]){litems, titems}, (LLVMBasicBlockRef[]){ilist, ituple}, 2);
        LLVMBuildStore(e->b, LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, items, &i, 1, ""), "item"), fl->item_slot);
        LLVMBuildStore(e->b, LLVMBuildAdd(e->b, i, emit_i64(e, 1), ""), counter);
        LLVMBuildBr(e->b, fl->body);
    } else {
        LLVMBuildCondBr(e->b, counted, next_counted, next_generic);
    }

    /* counted: i < stop (step > 0) or i > stop (step < 0) */
    LLVMPositionBuilderAtEnd(e->b, next_counted);
    LLVMValueRef i = LLVMBuildLoad2(e->b, e->i64, counter, "i");
    LLVMValueRef stop = LLVMBuildLoad2(e->b, e->i64,
                                       LLVMBuildGEP2(e->b, e->i64, bounds, (LLVMValueRef[]){emit_i64(e, 1)}, 1, ""), "stop");
    LLVMValueRef step = LLVMBuildLoad2(e->b, e->i64,
                                       LLVMBuildGEP2(e->b, e->i64, bounds, (LLVMValueRef[]){emit_i64(e, 2)}, 1, ""), "step");
    LLVMValueRef up = LLVMBuildICmp(e->b, LLVMIntSGT, step, emit_i64(e, 0), "");
    LLVMValueRef more = LLVMBuildSelect(e->b, up, LLVMBuildICmp(e->b, LLVMIntSLT, i, stop, ""),
                                        LLVMBuildICmp(e->b, LLVMIntSGT, i, stop, ""), "more");
    LLVMBasicBlockRef take = emit_block(e, "for.take");
    LLVMBuildCondBr(e->b, more, take, exhausted);
    LLVMPositionBuilderAtEnd(e->b, take);
    LLVMBuildStore(e->b, emit_box_i64(e, i), fl->item_slot);
    /* i + step cannot overflow: |i|, |step| < 2**62 */
    LLVMBuildStore(e->b, LLVMBuildAdd(e->b, i, step, ""), counter);
    LLVMBuildBr(e->b, fl->body);

    /* generic: ai_for_next(it, &item) */
    LLVMPositionBuilderAtEnd(e->b, next_generic);
    LLVMValueRef rc = emit_rt(e, RT_ai_for_next, (LLVMValueRef[]){it, fl->item_slot}, 2);
    emit_check_i32(e, rc, line);
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntNE, rc, emit_i32(e, 0), ""), fl->body, exhausted);
    LLVMPositionBuilderAtEnd(e->b, fl->body);
    fl->iter = it;
}

void emit_release_loops(Emitter *e, Loop *upto) {
    for (Loop *l = e->fn->loop; l; l = l->outer) {
        if (l->temp_iter)
            emit_check_i32(e, emit_rt(e, RT_ai_iter_release, &l->temp_iter, 1), e->fn->cur_line);
        if (l == upto) break;
    }
}

/* Close a loop body: fall through to the latch (safepoint, next item). */
void emit_for_end(Emitter *e, ForLoop *fl) {
    if (emit_block_open(e)) LLVMBuildBr(e->b, fl->latch);
    LLVMPositionBuilderAtEnd(e->b, fl->latch);
    emit_safepoint(e, fl->line);
    LLVMBuildBr(e->b, fl->header);
}

/* async for: aiter() the iterable, then await __anext__() for each item
 * (ai_anext does both and turns StopAsyncIteration into the end). */
void emit_async_for_begin(Emitter *e, const Expr *iter, ForLoop *fl, LLVMBasicBlockRef exhausted) {
    LLVMValueRef v = emit_expr(e, iter);
    LLVMValueRef it = emit_rt(e, RT_ai_aiter, &v, 1);
    emit_check(e, it, iter->pos.line);
    emit_async_for_over(e, it, iter->pos.line, fl, exhausted);
}

void emit_async_for_over(Emitter *e, LLVMValueRef it, int line, ForLoop *fl, LLVMBasicBlockRef exhausted) {
    fl->line = line;
    fl->item_slot = emit_alloca(e, e->i64, "item");
    fl->header = emit_block(e, "afor");
    fl->body = emit_block(e, "afor.body");
    fl->latch = emit_block(e, "afor.latch");
    LLVMBuildBr(e->b, fl->header);
    LLVMPositionBuilderAtEnd(e->b, fl->header);
    LLVMValueRef rc = emit_rt(e, RT_ai_anext, (LLVMValueRef[]){it, fl->item_slot}, 2);
    emit_check_i32(e, rc, line);
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntNE, rc, emit_i32(e, 0), ""), fl->body, exhausted);
    LLVMPositionBuilderAtEnd(e->b, fl->body);
    fl->iter = it;
}

/* An expression statement. The value of a call is checked for a
 * coroutine (`f()` where `await f()` was meant): CPython warns when it
 * dies, which is here (ai_coroutine_dropped). */
static bool calls_builtin(Emitter *e, const Expr *call) {
    const Expr *f = call->u.call.func;
    if (f->kind != E_NAME || !emit_is_builtin_name(f->u.name.id)) return false;
    Symbol *sym;
    Frame *fr;
    return emit_name_home(e, f->u.name.id, &sym, &fr) == NAME_GLOBAL && emit_never_bound_global(e, f->u.name.id);
}

static void emit_expr_stmt(Emitter *e, const Expr *x) {
    LLVMValueRef v = emit_expr(e, x);
    if (e->fn->scope && e->fn->scope->interactive && emit_block_open(e)) {
        /* a doctest example: the value goes to sys.displayhook, as typed
         * at CPython's prompt */
        emit_check(e, emit_rt(e, RT_ai_display, &v, 1), x->pos.line);
        return;
    }
    /* (no builtin returns a coroutine: print() needs no check) */
    if (x->kind != E_CALL || !emit_block_open(e) || calls_builtin(e, x)) return;
    LLVMBasicBlockRef obj = emit_block(e, "drop.obj"), coro = emit_block(e, "drop.coro"), done = emit_block(e, "drop.done");
    LLVMBuildCondBr(e->b, LLVMBuildTrunc(e->b, v, e->i1, ""), done, obj);
    LLVMPositionBuilderAtEnd(e->b, obj);
    LLVMValueRef hdr = LLVMBuildLoad2(e->b, e->i64, LLVMBuildIntToPtr(e->b, v, e->ptr, ""), "hdr");
    LLVMValueRef t = LLVMBuildAnd(e->b, hdr, emit_i64(e, ~(int64_t)7), "type");
    emit_br_unlikely(e, LLVMBuildICmp(e->b, LLVMIntEQ, t, type_word(e, "ai_coro_type"), ""), coro, done);
    LLVMPositionBuilderAtEnd(e->b, coro);
    emit_rt(e, RT_ai_coroutine_dropped, (LLVMValueRef[]){v, e->fn->code_info, emit_i32(e, x->pos.line)}, 3);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
}

static void emit_for_loop(Emitter *e, const Stmt *s) {
    LLVMBasicBlockRef after = emit_block(e, "for.end");
    LLVMBasicBlockRef else_bb = s->u.for_.orelse.n ? emit_block(e, "for.else") : after;
    ForLoop fl;
    bool is_async = s->kind == S_ASYNCFOR;
    if (is_async) emit_async_for_begin(e, s->u.for_.iter, &fl, else_bb);
    else emit_for_begin(e, s->u.for_.iter, &fl, else_bb);
    emit_store_target(e, s->u.for_.target, LLVMBuildLoad2(e->b, e->i64, fl.item_slot, "item"));
    Loop loop = {after, fl.latch, e->fn->loop, NULL};
    /* a loop over a call's result closes it when left early (a generator);
     * range()'s iterator needs no closing */
    if (s->u.for_.iter->kind == E_CALL && !is_range_call(e, s->u.for_.iter)) loop.temp_iter = fl.iter;
    e->fn->loop = &loop;
    if (is_async || !emit_int_body(e, NULL, &s->u.for_.body, NULL, s->pos.line)) {
        IntVer *iv = e->fn->iv;
        if (iv) e->fn->iv = iv->fast ? NULL : emit_int_plain();
        emit_stmts(e, &s->u.for_.body);
        e->fn->iv = iv;
    }
    e->fn->loop = loop.outer;
    emit_for_end(e, &fl);
    if (s->u.for_.orelse.n) {
        LLVMPositionBuilderAtEnd(e->b, else_bb);
        emit_stmts(e, &s->u.for_.orelse);
        if (emit_block_open(e)) LLVMBuildBr(e->b, after);
    }
    LLVMPositionBuilderAtEnd(e->b, after);
}

static void emit_def(Emitter *e, const Stmt *s) {
    FuncDef *fd = NULL;
    /* A top-level def may have been declared ahead (predeclare_functions).
     * Only the module's own frame can hold one: a def in a class body is
     * emitted inline in the module function too, but binds in the class.
     * The index is computed before global_func is read: emit_global_index
     * may grow (move) that array. */
    if (e->fn->frame->scope->kind == SCOPE_MODULE) {
        int g = emit_global_index(e, s->u.funcdef.name);
        FuncDef *pre = e->global_func[g];
        if (pre && pre->def == s) fd = pre;
    }
    LLVMValueRef *decos = emit_decorators(e, &s->u.funcdef.decorators);
    if (!fd) fd = emit_declare_function(e, s, FUNC_DEF);
    if (!fd) return;
    LLVMValueRef f = emit_make_function(e, fd, &s->u.funcdef.args->defaults, s->pos);
    f = emit_decorate(e, decos, &s->u.funcdef.decorators, f);
    emit_store_name(e, s->u.funcdef.name, f, s->pos);
}

/* ---- imports ---------------------------------------------------------------------
 * Every import was resolved at compile time (modules.c). `import m` of a
 * compiled module calls ai_module_import with m's ai_module_info, which
 * runs m's body the first time; a C module comes from ai_import. A
 * module the compiler could not find inside try/except ImportError (the
 * loader reported every other) raises ModuleNotFoundError here. */

static LLVMValueRef import_unit(Emitter *e, const Unit *t, int line) {
    LLVMValueRef m;
    if (t->kind == UNIT_BUILTIN)
        m = emit_rt(e, RT_ai_import, (LLVMValueRef[]){emit_cstring(e, t->name, strlen(t->name) + 1)}, 1);
    else
        m = emit_rt(e, RT_ai_module_import, (LLVMValueRef[]){e->unit_infos[t->index]}, 1);
    emit_check(e, m, line);
    return m;
}

/* Raise what CPython raises for an import of `name` that does not exist:
 * ModuleNotFoundError for its first missing component. */
static void import_missing(Emitter *e, const char *name, int line) {
    const char *missing = name;
    for (const char *dot = strchr(name, '.'); dot; dot = strchr(dot + 1, '.')) {
        const char *prefix = arena_strndup(e->arena, name, (size_t)(dot - name));
        if (!modules_find(e->prog, prefix)) {
            missing = prefix;
            break;
        }
    }
    /* ai_import raises ModuleNotFoundError for a name it does not know. */
    emit_check(e, emit_rt(e, RT_ai_import, (LLVMValueRef[]){emit_cstring(e, missing, strlen(missing) + 1)}, 1),
               line);
}

static void emit_import(Emitter *e, const Stmt *s) {
    for (int i = 0; i < s->u.import.names.n; i++) {
        const Alias *al = s->u.import.names.v[i];
        const Unit *t = modules_find(e->prog, al->name);
        if (!t) {
            import_missing(e, al->name, al->pos.line);
            continue;
        }
        LLVMValueRef m = import_unit(e, t, al->pos.line);
        if (al->asname) {
            emit_store_name(e, al->asname, m, al->pos);
            continue;
        }
        /* import a.b.c binds a (imported first, by the chain). */
        const char *dot = strchr(al->name, '.');
        if (dot) {
            const Unit *top = modules_find(e->prog, arena_strndup(e->arena, al->name, (size_t)(dot - al->name)));
            m = import_unit(e, top, al->pos.line);
            emit_store_name(e, top->name, m, al->pos);
        } else {
            emit_store_name(e, al->name, m, al->pos);
        }
    }
}

/* from m import *: the names the compiler knows m may export, bound
 * where m's __all__ (or their being public) says so. */
static void import_star(Emitter *e, const Unit *t, LLVMValueRef m, const Alias *al) {
    if (e->fn->frame->scope->kind != SCOPE_MODULE) {
        unsupported(e, al->pos, "'from … import *' in a class body");
        return;
    }
    const char **names;
    int n;
    modules_exports(e->arena, (Unit *)t, &names, &n);
    if (!n) return;
    LLVMValueRef *cs = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)n);
    for (int i = 0; i < n; i++) cs[i] = emit_cstring(e, names[i], strlen(names[i]) + 1);
    LLVMValueRef arr = LLVMConstArray2(e->ptr, cs, (uint64_t)n);
    LLVMValueRef g = LLVMAddGlobal(e->m, LLVMTypeOf(arr), "star.names");
    LLVMSetInitializer(g, arr);
    LLVMSetGlobalConstant(g, 1);
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    LLVMValueRef out = emit_alloca(e, LLVMArrayType2(e->i64, (uint64_t)n), "star");
    LLVMValueRef rc = emit_rt(e, RT_ai_import_star, (LLVMValueRef[]){m, g, emit_i64(e, n), out}, 4);
    emit_check_i32(e, rc, al->pos.line);
    for (int i = 0; i < n; i++) {
        LLVMValueRef v = LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, out, (LLVMValueRef[]){emit_i64(e, i)}, 1, ""), names[i]);
        LLVMBasicBlockRef bind = emit_block(e, "star.bind"), next = emit_block(e, "star.next");
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntNE, v, emit_i64(e, 0), ""), bind, next);
        LLVMPositionBuilderAtEnd(e->b, bind);
        emit_store_name(e, names[i], v, al->pos);
        LLVMBuildBr(e->b, next);
        LLVMPositionBuilderAtEnd(e->b, next);
    }
}

static void emit_import_from(Emitter *e, const Stmt *s) {
    const char *mod = s->u.importfrom.module;
    int level = s->u.importfrom.level;
    if (level == 0 && strcmp(mod, "__future__") == 0) return;     /* features Aithon always has */
    const char *why = NULL;
    const char *abs = modules_absolute(e->arena, e->unit, mod, level, &why);
    if (!abs) {
        emit_rt(e, RT_ai_raise_import_error, (LLVMValueRef[]){emit_cstring(e, why, strlen(why) + 1)}, 1);
        emit_goto_unwind(e, s->pos.line);
        return;
    }
    const Unit *t = modules_find(e->prog, abs);
    if (!t) {
        import_missing(e, abs, s->pos.line);
        return;
    }
    LLVMValueRef m = import_unit(e, t, s->pos.line);
    const AliasList *names = &s->u.importfrom.names;
    /* Submodules named in the list (or, for *, in the package's literal
     * __all__) are imported first, unless the package has the attribute. */
    if (t->is_package) {
        for (int i = 0; i < names->n; i++) {
            const char **subs = &names->v[i]->name;
            int nsubs = 1;
            if (strcmp(names->v[i]->name, "*") == 0) modules_exports(e->arena, (Unit *)t, &subs, &nsubs);
            for (int k = 0; k < nsubs; k++) {
                const Unit *sub = modules_find(e->prog, arena_printf(e->arena, "%s.%s", abs, subs[k]));
                if (!sub || sub->kind != UNIT_SOURCE) continue;
                LLVMValueRef r = emit_rt(e, RT_ai_import_submodule,
                                         (LLVMValueRef[]){m, emit_const_str(e, subs[k], strlen(subs[k])),
                                                          e->unit_infos[sub->index]}, 3);
                emit_check(e, r, s->pos.line);
            }
        }
    }
    for (int i = 0; i < names->n; i++) {
        const Alias *al = names->v[i];
        if (strcmp(al->name, "*") == 0) {
            import_star(e, t, m, al);
            continue;
        }
        LLVMValueRef v = emit_rt(e, RT_ai_import_from, (LLVMValueRef[]){m, emit_const_str(e, al->name, strlen(al->name))}, 2);
        emit_check(e, v, s->pos.line);
        emit_store_name(e, al->asname ? al->asname : al->name, v, al->pos);
    }
}

/* After return/break/continue: later statements go to an unreachable block. */
static void dead_block(Emitter *e) { LLVMPositionBuilderAtEnd(e->b, emit_block(e, "dead")); }

/* ---- annotations ------------------------------------------------------------- */

/* The byte offset of (line, col) in the module's source; col counts
 * characters (UTF-8 sequences). */
static size_t source_offset(const Module *m, int line, int col) {
    size_t i = 0;
    for (int l = 1; l < line && i < m->source_len; i++)
        if (m->source[i] == '\n') l++;
    for (int c = 0; c < col && i < m->source_len; c++) {
        i++;
        while (i < m->source_len && ((unsigned char)m->source[i] & 0xC0) == 0x80) i++;
    }
    return i;
}

/* A growable text buffer for unparse (arena-backed). */
typedef struct {
    Arena *a;
    char *p;
    size_t len, cap;
} Text;

static void text_add(Text *t, const char *s, size_t n) {
    if (t->len + n + 1 > t->cap) {
        size_t cap = (t->len + n + 1) * 2;
        char *q = arena_alloc(t->a, cap);
        if (t->len) memcpy(q, t->p, t->len);
        t->p = q;
        t->cap = cap;
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = '\0';
}
static void text_adds(Text *t, const char *s) { text_add(t, s, strlen(s)); }

/* repr() of a str constant, as CPython writes it. */
static void text_str_repr(Text *t, const char *s, size_t n) {
    bool sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
    char q = sq && !dq ? '"' : '\'';
    text_add(t, &q, 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char buf[8];
        if (c == '\\' || c == (unsigned char)q) {
            buf[0] = '\\';
            buf[1] = (char)c;
            text_add(t, buf, 2);
        } else if (c == '\n') text_adds(t, "\\n");
        else if (c == '\r') text_adds(t, "\\r");
        else if (c == '\t') text_adds(t, "\\t");
        else if (c < 0x20 || c == 0x7f) {
            snprintf(buf, sizeof buf, "\\x%02x", c);
            text_adds(t, buf);
        } else text_add(t, (const char *)&c, 1);
    }
    text_add(t, &q, 1);
}

static const char *const binop_text[OP__COUNT] = {" + ", " - ", " * ", " @ ", " / ", " % ", " ** ",
                                                  " << ", " >> ", " | ", " ^ ", " & ", " // "};

/* ast.unparse of the expressions annotations are made of; false for any
 * other kind (the caller then uses the source text). */
static bool unparse(Text *t, const Expr *x, bool in_subscript) {
    switch (x->kind) {
    case E_NAME: text_adds(t, x->u.name.id); return true;
    case E_ATTRIBUTE:
        if (!unparse(t, x->u.attribute.value, false)) return false;
        text_adds(t, ".");
        text_adds(t, x->u.attribute.attr);
        return true;
    case E_SUBSCRIPT:
        if (!unparse(t, x->u.subscript.value, false)) return false;
        text_adds(t, "[");
        if (!unparse(t, x->u.subscript.slice, true)) return false;
        text_adds(t, "]");
        return true;
    case E_TUPLE: case E_LIST: {
        const ExprList *l = &x->u.list.elts;
        bool parens = x->kind == E_LIST || !in_subscript || l->n == 0;
        if (parens) text_adds(t, x->kind == E_LIST ? "[" : "(");
        for (int i = 0; i < l->n; i++) {
            if (i) text_adds(t, ", ");
            if (!unparse(t, l->v[i], false)) return false;
        }
        if (x->kind == E_TUPLE && l->n == 1) text_adds(t, ",");
        if (parens) text_adds(t, x->kind == E_LIST ? "]" : ")");
        return true;
    }
    case E_CONSTANT: {
        const Constant *c = &x->u.constant;
        char buf[32];
        switch (c->kind) {
        case CONST_NONE: text_adds(t, "None"); return true;
        case CONST_TRUE: text_adds(t, "True"); return true;
        case CONST_FALSE: text_adds(t, "False"); return true;
        case CONST_ELLIPSIS: text_adds(t, "..."); return true;
        case CONST_STR: text_str_repr(t, c->str, c->len); return true;
        case CONST_INT:
            if (c->big) text_adds(t, c->big);
            else {
                snprintf(buf, sizeof buf, "%lld", (long long)c->ival);
                text_adds(t, buf);
            }
            return true;
        default: return false;
        }
    }
    case E_BINOP:
        if (!unparse(t, x->u.binop.left, false)) return false;
        text_adds(t, binop_text[x->u.binop.op]);
        if (x->u.binop.right->kind == E_BINOP) return false;
        return unparse(t, x->u.binop.right, false);
    case E_STARRED:
        text_adds(t, "*");
        return unparse(t, x->u.starred.value, false);
    case E_CALL:
        if (!unparse(t, x->u.call.func, false) || x->u.call.keywords.n) return false;
        text_adds(t, "(");
        for (int i = 0; i < x->u.call.args.n; i++) {
            if (i) text_adds(t, ", ");
            if (!unparse(t, x->u.call.args.v[i], false)) return false;
        }
        text_adds(t, ")");
        return true;
    default: return false;
    }
}

LLVMValueRef emit_annotation(Emitter *e, const Expr *ann) {
    if (!e->future_annotations) return emit_expr(e, ann);
    /* CPython stores ast.unparse of the expression; the source text stands
     * in for the kinds unparse() above does not know. */
    Text t = {e->arena, NULL, 0, 0};
    if (unparse(&t, ann, false)) return emit_const_str(e, t.p, t.len);
    size_t a = source_offset(e->mod, ann->pos.line, ann->pos.col);
    size_t b = source_offset(e->mod, ann->pos.end_line, ann->pos.end_col);
    if (b < a) b = a;
    return emit_const_str(e, e->mod->source + a, b - a);
}

static bool stmt_annotates(const Stmt *s) {
    switch (s->kind) {
    case S_ANNASSIGN: return s->u.annassign.simple && s->u.annassign.target->kind == E_NAME;
    case S_IF: return emit_block_annotates(&s->u.if_.body) || emit_block_annotates(&s->u.if_.orelse);
    case S_FOR: case S_ASYNCFOR: return emit_block_annotates(&s->u.for_.body) || emit_block_annotates(&s->u.for_.orelse);
    case S_WHILE: return emit_block_annotates(&s->u.while_.body) || emit_block_annotates(&s->u.while_.orelse);
    case S_WITH: case S_ASYNCWITH: return emit_block_annotates(&s->u.with.body);
    case S_TRY: case S_TRYSTAR:
        if (emit_block_annotates(&s->u.try_.body) || emit_block_annotates(&s->u.try_.orelse) ||
            emit_block_annotates(&s->u.try_.finalbody))
            return true;
        for (int i = 0; i < s->u.try_.handlers.n; i++)
            if (emit_block_annotates(&s->u.try_.handlers.v[i]->body)) return true;
        return false;
    case S_MATCH:
        for (int i = 0; i < s->u.match.cases.n; i++)
            if (emit_block_annotates(&s->u.match.cases.v[i]->body)) return true;
        return false;
    default: return false;
    }
}

bool emit_block_annotates(const StmtList *body) {
    for (int i = 0; i < body->n; i++)
        if (stmt_annotates(body->v[i])) return true;
    return false;
}

void emit_setup_annotations(Emitter *e, const StmtList *body, int line) {
    if (!emit_block_annotates(body)) return;
    LLVMValueRef d = emit_rt(e, RT_ai_dict_new, (LLVMValueRef[]){LLVMConstNull(e->ptr), emit_i64(e, 0)}, 2);
    emit_check(e, d, line);
    emit_store_name(e, "__annotations__", d, (SrcSpan){line, 0, line, 0});
}

/* x: T [= v] — the value is stored first; at module and class level the
 * annotation then goes into __annotations__ (a name target) or is only
 * evaluated (other targets), as in CPython. Function bodies ignore it. */
static void emit_annassign(Emitter *e, const Stmt *s) {
    const Expr *target = s->u.annassign.target;
    if (s->u.annassign.value) emit_store_target(e, target, emit_expr(e, s->u.annassign.value));
    ScopeKind k = e->fn->frame->scope->kind;
    if (k != SCOPE_MODULE && k != SCOPE_CLASS) return;
    if (target->kind == E_NAME && s->u.annassign.simple) {
        LLVMValueRef ann = emit_annotation(e, s->u.annassign.annotation);
        LLVMValueRef d = emit_load_name(e, "__annotations__", s->pos);
        const char *n = target->u.name.id;
        emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){d, emit_const_str(e, n, strlen(n)), ann}, 3),
                       s->pos.line);
    } else if (!e->future_annotations) {
        emit_expr(e, s->u.annassign.annotation);
    }
}

static void add_annotation(Emitter *e, LLVMValueRef *d, const char *name, const Expr *ann, int line) {
    if (!ann) return;
    if (!*d) {
        *d = emit_rt(e, RT_ai_dict_new, (LLVMValueRef[]){LLVMConstNull(e->ptr), emit_i64(e, 0)}, 2);
        emit_check(e, *d, line);
    }
    LLVMValueRef v = emit_annotation(e, ann);
    emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){*d, emit_const_str(e, name, strlen(name)), v}, 3), line);
}

LLVMValueRef emit_function_annotations(Emitter *e, const FuncDef *fd) {
    if (!fd->def || !fd->args) return NULL;
    const Arguments *a = fd->args;
    int line = fd->pos.line;
    LLVMValueRef d = NULL;
    /* CPython's order: parameters, positional-only ones, *args, keyword-only,
     * **kwargs, return. */
    for (int i = 0; i < a->args.n; i++) add_annotation(e, &d, a->args.v[i]->name, a->args.v[i]->annotation, line);
    for (int i = 0; i < a->posonlyargs.n; i++)
        add_annotation(e, &d, a->posonlyargs.v[i]->name, a->posonlyargs.v[i]->annotation, line);
    if (a->vararg) add_annotation(e, &d, a->vararg->name, a->vararg->annotation, line);
    for (int i = 0; i < a->kwonlyargs.n; i++)
        add_annotation(e, &d, a->kwonlyargs.v[i]->name, a->kwonlyargs.v[i]->annotation, line);
    if (a->kwarg) add_annotation(e, &d, a->kwarg->name, a->kwarg->annotation, line);
    add_annotation(e, &d, "return", fd->def->u.funcdef.returns, line);
    return d;
}

/* `a, b = x, y`: a tuple or list display assigned to a target list of
 * the same length, neither starred, assigns each value directly — the
 * values are all evaluated first, then stored left to right, as the
 * unpacking of the display would (no sequence is made, and no unpacking
 * code: about 60 instructions less per swap). */
static bool emit_parallel_assign(Emitter *e, const Stmt *s) {
    enum { MAX = 16 };
    const Expr *t = s->u.assign.targets.v[0], *v = s->u.assign.value;
    if (s->u.assign.targets.n != 1 || (t->kind != E_TUPLE && t->kind != E_LIST) ||
        (v->kind != E_TUPLE && v->kind != E_LIST))
        return false;
    int n = t->u.list.elts.n;
    if (n == 0 || n > MAX || v->u.list.elts.n != n) return false;
    for (int i = 0; i < n; i++)
        if (t->u.list.elts.v[i]->kind == E_STARRED || v->u.list.elts.v[i]->kind == E_STARRED) return false;
    LLVMValueRef vals[MAX];
    for (int i = 0; i < n; i++) vals[i] = emit_expr(e, v->u.list.elts.v[i]);
    for (int i = 0; i < n; i++) emit_store_target(e, t->u.list.elts.v[i], vals[i]);
    return true;
}

static void emit_stmt_plain(Emitter *e, const Stmt *s);

/* Inside a loop with an int fast copy (emit_int.c): the generic copy
 * marks where each statement starts, the fast copy takes its int
 * statements inline and forgets what the others may store. */
static void emit_stmt(Emitter *e, const Stmt *s) {
    IntVer *iv = e->fn->iv;
    if (iv && iv->recording) emit_int_resume_point(e, s);
    if (iv && iv->fast && emit_int_stmt(e, s)) return;
    emit_stmt_plain(e, s);
    if (iv && iv->fast) emit_int_forget(e, s);
}

/* An assignment the ordinary way (also the generic way of emit_dict_update). */
static void emit_assign_plain(Emitter *e, const Stmt *s) {
    LLVMValueRef v = emit_expr(e, s->u.assign.value);
    for (int i = 0; i < s->u.assign.targets.n; i++) emit_store_target(e, s->u.assign.targets.v[i], v);
}

static void emit_stmt_plain(Emitter *e, const Stmt *s) {
    e->fn->cur_line = s->pos.line;
    emit_debug_loc(e, s->pos);
    switch (s->kind) {
    case S_EXPR: emit_expr_stmt(e, s->u.expr.value); return;
    case S_ASSIGN: {
        if (emit_float_assign(e, s) || emit_slice_copy_assign(e, s) || emit_parallel_assign(e, s) ||
            emit_dict_update(e, s, emit_assign_plain))
            return;
        emit_assign_plain(e, s);
        return;
    }
    case S_AUGASSIGN: emit_augassign(e, s); return;
    case S_ANNASSIGN: emit_annassign(e, s); return;
    case S_IF: emit_if(e, s); return;
    case S_WHILE: emit_while(e, s); return;
    case S_FOR: case S_ASYNCFOR: emit_for(e, s); return;
    case S_BREAK: case S_CONTINUE:
        if (e->fn->loop) {
            emit_exit_blocks(e, e->fn->loop);
            if (s->kind == S_BREAK && emit_block_open(e)) emit_release_loops(e, e->fn->loop);
            if (emit_block_open(e))
                LLVMBuildBr(e->b, s->kind == S_BREAK ? e->fn->loop->break_bb : e->fn->loop->continue_bb);
        }
        dead_block(e);
        return;
    case S_RETURN: {
        if (e->fn->fret_out && emit_float_return(e, s)) {
            dead_block(e);
            return;
        }
        LLVMValueRef v = s->u.ret.value ? emit_expr(e, s->u.ret.value)
                                        : emit_constant(e, &(Constant){.kind = CONST_NONE});
        if (e->fn->tries) {
            /* finally bodies run after the value is computed */
            LLVMValueRef slot = emit_alloca(e, e->i64, "retval");
            LLVMBuildStore(e->b, v, slot);
            emit_exit_blocks(e, NULL);
            if (emit_block_open(e)) emit_release_loops(e, NULL);
            if (emit_block_open(e)) LLVMBuildRet(e->b, LLVMBuildLoad2(e->b, e->i64, slot, ""));
        } else {
            emit_release_loops(e, NULL);
            LLVMBuildRet(e->b, v);
        }
        dead_block(e);
        return;
    }
    case S_TRY: case S_TRYSTAR: emit_try(e, s); return;
    case S_WITH: case S_ASYNCWITH: emit_with(e, s); return;
    case S_MATCH: emit_match(e, s); return;
    case S_RAISE: emit_raise(e, s); return;
    case S_ASSERT: emit_assert(e, s); return;
    case S_IMPORT: emit_import(e, s); return;
    case S_IMPORTFROM: emit_import_from(e, s); return;
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF: emit_def(e, s); return;
    case S_CLASSDEF: emit_class(e, s); return;
    case S_GLOBAL: case S_NONLOCAL: case S_PASS: return;
    case S_DELETE:
        for (int i = 0; i < s->u.del.targets.n; i++) emit_delete_target(e, s->u.del.targets.v[i]);
        return;
    default: break;
    }
    static const char *const what[S__COUNT] = {
        [S_ASYNCFUNCTIONDEF] = "'async def'", [S_CLASSDEF] = "'class'", [S_WITH] = "'with'",
        [S_ASYNCWITH] = "'async with'", [S_RAISE] = "'raise'",
        [S_TRY] = "'try'", [S_TRYSTAR] = "'try' with 'except*'", [S_ASSERT] = "'assert'",
        [S_IMPORT] = "'import'", [S_IMPORTFROM] = "'from … import'",
    };
    unsupported(e, s->pos, s->kind < S__COUNT && what[s->kind] ? what[s->kind] : ast_stmt_kind_name(s->kind));
}

void emit_stmts(Emitter *e, const StmtList *body) {
    for (int i = 0; i < body->n; i++) emit_stmt(e, body->v[i]);
}
