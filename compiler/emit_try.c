/*
 * emit_try.c — try/except/else/finally, raise, assert, with.
 *
 * Exceptions are error returns (aithon_rt.h): a failing call branches to
 * the innermost Handler's unwind block, which records this frame in the
 * traceback and goes on to the handler's dispatch block. A try statement
 * pushes a Handler whose dispatch is its except clauses; the clauses
 * fetch the pending exception, test it against each type in order, run
 * the first match with the exception marked as "being handled" (for
 * implicit chaining and bare `raise`), and re-raise it unchanged to the
 * outer handler — without a second traceback entry — when none matches.
 *
 * finally bodies are emitted once per way out, as CPython does: on the
 * normal path, on the exception path (the exception is set aside, the
 * body runs, the exception is raised again) and before each return,
 * break or continue that leaves the block (emit_exit_blocks walks the
 * TryCtx stack). An except body and a with block are TryCtx entries too:
 * leaving them early restores the handled exception or calls __exit__.
 */
#include <string.h>

#include "emit_internal.h"

static LLVMValueRef none_value(Emitter *e) { return emit_constant(e, &(Constant){.kind = CONST_NONE}); }

static void push_handler(Emitter *e, Handler *h, LLVMBasicBlockRef dispatch) {
    memset(h, 0, sizeof *h);
    h->dispatch = dispatch;
    h->outer = e->fn->handler;
    /* Inside a class body (or a comprehension) the frame recorded is
     * still that block's. */
    h->code_info = h->outer ? h->outer->code_info : NULL;
    e->fn->handler = h;
}

static void pop_handler(Emitter *e, Handler *h) { e->fn->handler = h->outer; }

static void push_ctx(Emitter *e, TryCtx *c, ExitKind kind) {
    c->kind = kind;
    c->handler_outside = e->fn->handler;
    c->loop = e->fn->loop;
    c->outer = e->fn->tries;
    e->fn->tries = c;
}

/* The call __exit__(None, None, None) of a with block left normally. */
static void call_exit_none(Emitter *e, LLVMValueRef exitf, int line, bool is_async) {
    if (is_async) {
        /* await __aexit__(None, None, None) */
        LLVMValueRef r = emit_rt(e, RT_ai_async_with_exit, (LLVMValueRef[]){exitf, emit_i64(e, 0)}, 2);
        emit_check_i32(e, r, line);
        return;
    }
    LLVMValueRef none = none_value(e);
    LLVMValueRef args = emit_value_array(e, (LLVMValueRef[]){none, none, none}, 3);
    LLVMValueRef r = emit_rt(e, RT_ai_call, (LLVMValueRef[]){exitf, args, emit_i64(e, 3), emit_i64(e, 0)}, 4);
    emit_check(e, r, line);
}

/* Run one block's exit action with the state outside it in effect (an
 * exception in a finally body propagates outward, not into itself). */
static void run_exit(Emitter *e, TryCtx *c, int line) {
    TryCtx *saved_tries = e->fn->tries;
    Handler *saved_handler = e->fn->handler;
    e->fn->tries = c->outer;
    e->fn->handler = c->handler_outside;
    switch (c->kind) {
    case EXIT_FINALLY: emit_stmts(e, c->finalbody); break;
    case EXIT_RESTORE_HANDLED:
        emit_rt(e, RT_ai_exc_swap_handled, (LLVMValueRef[]){LLVMBuildLoad2(e->b, e->i64, c->slot, "")}, 1);
        break;
    case EXIT_WITH: call_exit_none(e, LLVMBuildLoad2(e->b, e->i64, c->slot, "exit"), line, c->is_async); break;
    }
    e->fn->tries = saved_tries;
    e->fn->handler = saved_handler;
}

void emit_exit_blocks(Emitter *e, Loop *loop) {
    for (TryCtx *c = e->fn->tries; c; c = c->outer) {
        if (loop && c->loop != loop) break;
        if (!emit_block_open(e)) return;   /* a finally body that itself returned */
        run_exit(e, c, e->fn->cur_line);
    }
}

/* ---- try ------------------------------------------------------------------------------ */

static void emit_handlers(Emitter *e, const Stmt *s, LLVMBasicBlockRef normal_exit) {
    const HandlerList *hs = &s->u.try_.handlers;
    LLVMValueRef exc = emit_rt(e, RT_ai_exc_fetch, NULL, 0);
    for (int i = 0; i < hs->n; i++) {
        const ExceptHandler *h = hs->v[i];
        emit_debug_loc(e, h->pos);
        e->fn->cur_line = h->pos.line;
        LLVMBasicBlockRef body = emit_block(e, "except.body"), next = NULL;
        if (h->type) {
            LLVMValueRef t = emit_expr(e, h->type);
            LLVMValueRef m = emit_rt(e, RT_ai_exc_matches, (LLVMValueRef[]){exc, t}, 2);
            emit_check_i32(e, m, h->pos.line);
            next = emit_block(e, "except.next");
            LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntNE, m, emit_i32(e, 0), ""), body, next);
        } else {
            LLVMBuildBr(e->b, body);
        }
        LLVMPositionBuilderAtEnd(e->b, body);
        TryCtx ctx = {.slot = emit_alloca(e, e->i64, "handled")};
        LLVMBuildStore(e->b, emit_rt(e, RT_ai_exc_swap_handled, &exc, 1), ctx.slot);
        /* Leaving the body by an exception: restore, unbind, re-raise. */
        Handler cleanup;
        LLVMBasicBlockRef cleanup_bb = emit_block(e, "except.cleanup");
        push_ctx(e, &ctx, EXIT_RESTORE_HANDLED);
        push_handler(e, &cleanup, cleanup_bb);
        if (h->name) emit_store_name(e, h->name, exc, h->pos);
        emit_stmts(e, &h->body);
        pop_handler(e, &cleanup);
        e->fn->tries = ctx.outer;
        if (emit_block_open(e)) {
            emit_rt(e, RT_ai_exc_swap_handled, (LLVMValueRef[]){LLVMBuildLoad2(e->b, e->i64, ctx.slot, "")}, 1);
            if (h->name) emit_delete_name(e, h->name, h->pos, false);   /* `del name` */
            LLVMBuildBr(e->b, normal_exit);
        }
        LLVMPositionBuilderAtEnd(e->b, cleanup_bb);
        emit_rt(e, RT_ai_exc_swap_handled, (LLVMValueRef[]){LLVMBuildLoad2(e->b, e->i64, ctx.slot, "")}, 1);
        if (h->name) emit_delete_name(e, h->name, h->pos, false);
        LLVMBuildBr(e->b, emit_dispatch_block(e));
        if (!next) {
            LLVMPositionBuilderAtEnd(e->b, emit_block(e, "dead"));
            return;         /* a bare except catches everything after it */
        }
        LLVMPositionBuilderAtEnd(e->b, next);
    }
    /* No clause matched: raise it again, unchanged. */
    emit_rt(e, RT_ai_exc_restore, &exc, 1);
    LLVMBuildBr(e->b, emit_dispatch_block(e));
    LLVMPositionBuilderAtEnd(e->b, emit_block(e, "dead"));
}

/* except* clauses (PEP 654): every clause in turn takes the part of what
 * is still unhandled that matches its type (core/excgroup.c splits it
 * off), and its body runs with that part; what a body raises is recorded
 * and the next clause runs. At the end the runtime puts together what is
 * left to raise: nothing (the try statement completes normally), or one
 * exception that goes to the outer handler without a second traceback
 * entry, as a re-raise does. */
static void emit_star_handlers(Emitter *e, const Stmt *s, LLVMBasicBlockRef normal_exit) {
    const HandlerList *hs = &s->u.try_.handlers;
    LLVMValueRef exc = emit_rt(e, RT_ai_exc_fetch, NULL, 0);
    LLVMValueRef st = emit_rt(e, RT_ai_excstar_begin, &exc, 1);
    LLVMValueRef st_slot = emit_alloca(e, e->i64, "star.state");
    LLVMBuildStore(e->b, st, st_slot);
    emit_check(e, st, s->pos.line);
    for (int i = 0; i < hs->n; i++) {
        const ExceptHandler *h = hs->v[i];
        emit_debug_loc(e, h->pos);
        e->fn->cur_line = h->pos.line;
        LLVMValueRef t = emit_expr(e, h->type);
        LLVMValueRef m = emit_rt(e, RT_ai_excstar_match,
                                 (LLVMValueRef[]){LLVMBuildLoad2(e->b, e->i64, st_slot, ""), t}, 2);
        emit_check(e, m, h->pos.line);
        LLVMBasicBlockRef body = emit_block(e, "except.star.body"), next = emit_block(e, "except.star.next");
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, m, none_value(e), ""), next, body);
        LLVMPositionBuilderAtEnd(e->b, body);
        TryCtx ctx = {.slot = emit_alloca(e, e->i64, "handled")};
        LLVMBuildStore(e->b, emit_rt(e, RT_ai_exc_swap_handled, &m, 1), ctx.slot);
        /* Leaving the body by an exception: restore, unbind, record it. */
        Handler cleanup;
        LLVMBasicBlockRef cleanup_bb = emit_block(e, "except.star.cleanup");
        push_ctx(e, &ctx, EXIT_RESTORE_HANDLED);
        push_handler(e, &cleanup, cleanup_bb);
        if (h->name) emit_store_name(e, h->name, m, h->pos);
        emit_stmts(e, &h->body);
        pop_handler(e, &cleanup);
        e->fn->tries = ctx.outer;
        if (emit_block_open(e)) {
            emit_rt(e, RT_ai_exc_swap_handled, (LLVMValueRef[]){LLVMBuildLoad2(e->b, e->i64, ctx.slot, "")}, 1);
            if (h->name) emit_delete_name(e, h->name, h->pos, false);
            LLVMBuildBr(e->b, next);
        }
        LLVMPositionBuilderAtEnd(e->b, cleanup_bb);
        LLVMValueRef raised = emit_rt(e, RT_ai_exc_fetch, NULL, 0);
        emit_rt(e, RT_ai_exc_swap_handled, (LLVMValueRef[]){LLVMBuildLoad2(e->b, e->i64, ctx.slot, "")}, 1);
        if (h->name) emit_delete_name(e, h->name, h->pos, false);
        emit_rt(e, RT_ai_excstar_raised, (LLVMValueRef[]){LLVMBuildLoad2(e->b, e->i64, st_slot, ""), raised}, 2);
        LLVMBuildBr(e->b, next);
        LLVMPositionBuilderAtEnd(e->b, next);
    }
    LLVMValueRef r = emit_rt(e, RT_ai_excstar_end, (LLVMValueRef[]){LLVMBuildLoad2(e->b, e->i64, st_slot, "")}, 1);
    LLVMBasicBlockRef reraise = emit_block(e, "except.star.reraise");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, r, emit_i64(e, 0), ""), reraise, normal_exit);
    LLVMPositionBuilderAtEnd(e->b, reraise);
    LLVMBuildBr(e->b, emit_dispatch_block(e));
    LLVMPositionBuilderAtEnd(e->b, emit_block(e, "dead"));
}

void emit_try(Emitter *e, const Stmt *s) {
    bool has_finally = s->u.try_.finalbody.n > 0, has_except = s->u.try_.handlers.n > 0;
    LLVMBasicBlockRef normal_exit = emit_block(e, "try.done");
    TryCtx fin_ctx = {.finalbody = &s->u.try_.finalbody};
    Handler fin_handler, exc_handler;
    LLVMBasicBlockRef fin_exc = NULL, except_bb = NULL;
    if (has_finally) {
        push_ctx(e, &fin_ctx, EXIT_FINALLY);
        fin_exc = emit_block(e, "finally.exc");
        push_handler(e, &fin_handler, fin_exc);
    }
    if (has_except) {
        except_bb = emit_block(e, "except");
        push_handler(e, &exc_handler, except_bb);
    }
    emit_stmts(e, &s->u.try_.body);
    if (has_except) pop_handler(e, &exc_handler);
    if (emit_block_open(e)) {
        emit_stmts(e, &s->u.try_.orelse);
        if (emit_block_open(e)) LLVMBuildBr(e->b, normal_exit);
    }
    if (has_except) {
        LLVMPositionBuilderAtEnd(e->b, except_bb);
        if (s->kind == S_TRYSTAR) emit_star_handlers(e, s, normal_exit);
        else emit_handlers(e, s, normal_exit);
    }
    LLVMPositionBuilderAtEnd(e->b, normal_exit);
    if (!has_finally) return;
    pop_handler(e, &fin_handler);
    e->fn->tries = fin_ctx.outer;
    emit_stmts(e, &s->u.try_.finalbody);
    LLVMBasicBlockRef after = emit_block(e, "try.end");
    if (emit_block_open(e)) LLVMBuildBr(e->b, after);
    /* The exception path: set the exception aside, run the body, raise
     * it again (a new exception from the body replaces it). */
    LLVMPositionBuilderAtEnd(e->b, fin_exc);
    LLVMValueRef exc = emit_rt(e, RT_ai_exc_fetch, NULL, 0);
    emit_stmts(e, &s->u.try_.finalbody);
    if (emit_block_open(e)) {
        emit_rt(e, RT_ai_exc_restore, &exc, 1);
        LLVMBuildBr(e->b, emit_dispatch_block(e));
    }
    LLVMPositionBuilderAtEnd(e->b, after);
}

/* ---- with ------------------------------------------------------------------------------- */

/* `with` and `async with` share everything but these three calls: the
 * exit method's lookup, entering, and calling the exit method. */
static void emit_with_items(Emitter *e, const Stmt *s, int i) {
    const WithItem *it = s->u.with.items.v[i];
    int line = s->pos.line;
    bool is_async = s->kind == S_ASYNCWITH;
    LLVMValueRef mgr = emit_expr(e, it->context_expr);
    LLVMValueRef exitf = emit_rt(e, is_async ? RT_ai_async_with_exit_method : RT_ai_with_exit_method, &mgr, 1);
    emit_check(e, exitf, line);
    LLVMValueRef enter = is_async
        ? emit_rt(e, RT_ai_async_with_enter, &mgr, 1)
        : emit_rt(e, RT_ai_call_method,
                  (LLVMValueRef[]){mgr, emit_const_str(e, "__enter__", 9), LLVMConstNull(e->ptr),
                                   emit_i64(e, 0), emit_i64(e, 0), LLVMConstNull(e->ptr)}, 6);
    emit_check(e, enter, line);
    TryCtx ctx = {.slot = emit_alloca(e, e->i64, "exit"), .is_async = is_async};
    LLVMBuildStore(e->b, exitf, ctx.slot);
    Handler h;
    LLVMBasicBlockRef exc_bb = emit_block(e, "with.exc"), after = emit_block(e, "with.end");
    push_ctx(e, &ctx, EXIT_WITH);
    push_handler(e, &h, exc_bb);
    if (it->optional_vars) emit_store_target(e, it->optional_vars, enter);
    if (i + 1 < s->u.with.items.n) emit_with_items(e, s, i + 1);
    else emit_stmts(e, &s->u.with.body);
    pop_handler(e, &h);
    e->fn->tries = ctx.outer;
    if (emit_block_open(e)) {
        call_exit_none(e, exitf, line, is_async);
        LLVMBuildBr(e->b, after);
    }
    /* An exception: __exit__(type, value, tb) decides whether it is
     * suppressed (a true result) or raised again. */
    LLVMPositionBuilderAtEnd(e->b, exc_bb);
    LLVMValueRef exc = emit_rt(e, RT_ai_exc_fetch, NULL, 0);
    LLVMValueRef prev = emit_rt(e, RT_ai_exc_swap_handled, &exc, 1);
    LLVMValueRef r = emit_rt(e, is_async ? RT_ai_async_with_exit : RT_ai_with_exit, (LLVMValueRef[]){exitf, exc}, 2);
    emit_rt(e, RT_ai_exc_swap_handled, &prev, 1);
    emit_check_i32(e, r, line);
    LLVMBasicBlockRef reraise = emit_block(e, "with.reraise");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntNE, r, emit_i32(e, 0), ""), after, reraise);
    LLVMPositionBuilderAtEnd(e->b, reraise);
    emit_rt(e, RT_ai_exc_restore, &exc, 1);
    LLVMBuildBr(e->b, emit_dispatch_block(e));
    LLVMPositionBuilderAtEnd(e->b, after);
}

void emit_with(Emitter *e, const Stmt *s) { emit_with_items(e, s, 0); }

/* ---- raise, assert ------------------------------------------------------------------------ */

void emit_raise(Emitter *e, const Stmt *s) {
    if (!s->u.raise.exc) {
        emit_rt(e, RT_ai_reraise, NULL, 0);
        LLVMBuildBr(e->b, emit_dispatch_block(e));
        LLVMPositionBuilderAtEnd(e->b, emit_block(e, "dead"));
        return;
    }
    LLVMValueRef x = emit_expr(e, s->u.raise.exc);
    LLVMValueRef cause = s->u.raise.cause ? emit_expr(e, s->u.raise.cause) : emit_i64(e, 0);
    emit_rt(e, RT_ai_raise, (LLVMValueRef[]){x, cause}, 2);
    /* the raise statement's span (markers when it shares its line) */
    const SrcSpan *outer = e->fn->cur_span;
    e->fn->cur_span = &s->pos;
    emit_goto_unwind(e, s->pos.line);
    e->fn->cur_span = outer;
}

void emit_assert(Emitter *e, const Stmt *s) {
    LLVMValueRef ok = emit_cond(e, s->u.assert_.test);
    LLVMBasicBlockRef fail = emit_block(e, "assert.fail"), go = emit_block(e, "assert.ok");
    emit_br_unlikely(e, LLVMBuildNot(e->b, ok, ""), fail, go);
    LLVMPositionBuilderAtEnd(e->b, fail);
    LLVMValueRef msg = s->u.assert_.msg ? emit_expr(e, s->u.assert_.msg) : emit_i64(e, 0);
    emit_rt(e, RT_ai_raise_assertion, &msg, 1);
    /* CPython reports the asserted expression's span */
    const Expr *outer = e->fn->cur_expr;
    e->fn->cur_expr = s->u.assert_.test;
    emit_goto_unwind(e, s->pos.line);
    e->fn->cur_expr = outer;
    LLVMBuildUnreachable(e->b);
    LLVMPositionBuilderAtEnd(e->b, go);
}
