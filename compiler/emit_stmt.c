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
    LLVMBuildCondBr(e->b, emit_cond(e, s->u.while_.test), body, else_bb);
    LLVMPositionBuilderAtEnd(e->b, body);
    loop_body(e, &s->u.while_.body, latch, after);
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
void emit_for_begin(Emitter *e, const Expr *iter, ForLoop *fl, LLVMBasicBlockRef exhausted) {
    int line = iter->pos.line;
    fl->line = line;
    LLVMValueRef counter = emit_alloca(e, e->i64, "i");
    LLVMValueRef bounds = emit_alloca(e, LLVMArrayType2(e->i64, 3), "range");
    fl->item_slot = emit_alloca(e, e->i64, "item");
    LLVMValueRef it = emit_i64(e, 0), counted = LLVMConstInt(e->i1, 0, 0);

    if (is_range_call(e, iter)) {
        LLVMValueRef a[3] = {0};
        int n = iter->u.call.args.n;
        for (int i = 0; i < n; i++) a[i] = emit_expr(e, iter->u.call.args.v[i]);
        LLVMValueRef start = n == 1 ? emit_i64(e, 1) : a[0];       /* tagged 0 */
        LLVMValueRef stop = n == 1 ? a[0] : a[1];
        LLVMValueRef step = n == 3 ? a[2] : emit_i64(e, 3);        /* tagged 1 */
        LLVMValueRef rc = emit_rt(e, RT_ai_range_i64, (LLVMValueRef[]){start, stop, step, bounds}, 4);
        emit_check_i32(e, rc, line);
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
        LLVMValueRef v = emit_iterable(e, iter);
        it = emit_rt(e, RT_ai_iter, &v, 1);
        emit_check(e, it, line);
    }

    fl->header = emit_block(e, "for");
    LLVMBasicBlockRef next_counted = emit_block(e, "for.count"), next_generic = emit_block(e, "for.next");
    fl->body = emit_block(e, "for.body");
    fl->latch = emit_block(e, "for.latch");
    LLVMBuildBr(e->b, fl->header);
    LLVMPositionBuilderAtEnd(e->b, fl->header);
    LLVMBuildCondBr(e->b, counted, next_counted, next_generic);

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

static void emit_for_loop(Emitter *e, const Stmt *s) {
    if (s->kind == S_ASYNCFOR) {
        unsupported(e, s->pos, "'async for'");
        return;
    }
    LLVMBasicBlockRef after = emit_block(e, "for.end");
    LLVMBasicBlockRef else_bb = s->u.for_.orelse.n ? emit_block(e, "for.else") : after;
    ForLoop fl;
    emit_for_begin(e, s->u.for_.iter, &fl, else_bb);
    emit_store_target(e, s->u.for_.target, LLVMBuildLoad2(e->b, e->i64, fl.item_slot, "item"));
    Loop loop = {after, fl.latch, e->fn->loop, NULL};
    if (s->u.for_.iter->kind == E_CALL) loop.temp_iter = fl.iter;
    e->fn->loop = &loop;
    emit_stmts(e, &s->u.for_.body);
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
    if (e->fn->scope->kind == SCOPE_MODULE) {
        int g = emit_global_index(e, s->u.funcdef.name);   /* may grow global_func */
        FuncDef *pre = e->global_func[g];
        if (pre && pre->def == s) fd = pre;
    }
    LLVMValueRef *decos = emit_decorators(e, &s->u.funcdef.decorators);
    if (!fd) fd = emit_declare_function(e, s, FUNC_DEF);
    if (!fd) return;
    LLVMValueRef f = emit_make_function(e, fd, &s->u.funcdef.args->defaults, s->pos);
    f = emit_decorate(e, decos, s->u.funcdef.decorators.n, f, s->pos.line);
    emit_store_name(e, s->u.funcdef.name, f, s->pos);
}

/* The modules the runtime provides (runtime/modules/module.c's table);
 * any other import is refused at compile time. */
static const char *const runtime_modules[] = {"sys", "math", "time", "random"};

static bool known_module(const char *name) {
    for (size_t i = 0; i < sizeof runtime_modules / sizeof *runtime_modules; i++)
        if (strcmp(runtime_modules[i], name) == 0) return true;
    return false;
}

static LLVMValueRef import_module(Emitter *e, const char *name, SrcSpan pos) {
    if (!known_module(name)) {
        diag_error(E_IMPORT, pos.line, pos.col,
                   "no module named '%s' (imports are resolved at compile time; see docs/language.md)", name);
        return NULL;
    }
    LLVMValueRef m = emit_rt(e, RT_ai_import, (LLVMValueRef[]){emit_cstring(e, name, strlen(name) + 1)}, 1);
    emit_check(e, m, pos.line);
    return m;
}

static void emit_import(Emitter *e, const Stmt *s) {
    for (int i = 0; i < s->u.import.names.n; i++) {
        const Alias *al = s->u.import.names.v[i];
        if (strchr(al->name, '.')) {
            unsupported(e, al->pos, "importing a submodule");
            continue;
        }
        LLVMValueRef m = import_module(e, al->name, al->pos);
        if (m) emit_store_name(e, al->asname ? al->asname : al->name, m, al->pos);
    }
}

static void emit_import_from(Emitter *e, const Stmt *s) {
    const char *mod = s->u.importfrom.module;
    if (s->u.importfrom.level > 0) {
        unsupported(e, s->pos, "a relative import");
        return;
    }
    if (strcmp(mod, "__future__") == 0) return;     /* features Aithon always has */
    if (strchr(mod, '.')) {
        unsupported(e, s->pos, "importing from a submodule");
        return;
    }
    LLVMValueRef m = import_module(e, mod, s->pos);
    if (!m) return;
    for (int i = 0; i < s->u.importfrom.names.n; i++) {
        const Alias *al = s->u.importfrom.names.v[i];
        if (strcmp(al->name, "*") == 0) {
            unsupported(e, al->pos, "'from … import *'");
            continue;
        }
        LLVMValueRef v = emit_rt(e, RT_ai_import_from, (LLVMValueRef[]){m, emit_const_str(e, al->name, strlen(al->name))}, 2);
        emit_check(e, v, al->pos.line);
        emit_store_name(e, al->asname ? al->asname : al->name, v, al->pos);
    }
}

/* After return/break/continue: later statements go to an unreachable block. */
static void dead_block(Emitter *e) { LLVMPositionBuilderAtEnd(e->b, emit_block(e, "dead")); }

static void emit_stmt(Emitter *e, const Stmt *s) {
    e->fn->cur_line = s->pos.line;
    emit_debug_loc(e, s->pos);
    switch (s->kind) {
    case S_EXPR: emit_expr(e, s->u.expr.value); return;
    case S_ASSIGN: {
        LLVMValueRef v = emit_expr(e, s->u.assign.value);
        for (int i = 0; i < s->u.assign.targets.n; i++) emit_store_target(e, s->u.assign.targets.v[i], v);
        return;
    }
    case S_AUGASSIGN: emit_augassign(e, s); return;
    case S_ANNASSIGN:
        if (s->u.annassign.value) emit_store_target(e, s->u.annassign.target, emit_expr(e, s->u.annassign.value));
        return;
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
    case S_RAISE: emit_raise(e, s); return;
    case S_ASSERT: emit_assert(e, s); return;
    case S_IMPORT: emit_import(e, s); return;
    case S_IMPORTFROM: emit_import_from(e, s); return;
    case S_FUNCTIONDEF: emit_def(e, s); return;
    case S_CLASSDEF: emit_class(e, s); return;
    case S_GLOBAL: case S_NONLOCAL: case S_PASS: return;
    case S_DELETE:
        for (int i = 0; i < s->u.del.targets.n; i++) emit_delete_target(e, s->u.del.targets.v[i]);
        return;
    default: break;
    }
    static const char *const what[S__COUNT] = {
        [S_ASYNCFUNCTIONDEF] = "'async def'", [S_CLASSDEF] = "'class'", [S_WITH] = "'with'",
        [S_ASYNCWITH] = "'async with'", [S_MATCH] = "'match'", [S_RAISE] = "'raise'",
        [S_TRY] = "'try'", [S_TRYSTAR] = "'try' with 'except*'", [S_ASSERT] = "'assert'",
        [S_IMPORT] = "'import'", [S_IMPORTFROM] = "'from … import'",
    };
    unsupported(e, s->pos, what[s->kind] ? what[s->kind] : ast_stmt_kind_name(s->kind));
}

void emit_stmts(Emitter *e, const StmtList *body) {
    for (int i = 0; i < body->n; i++) emit_stmt(e, body->v[i]);
}
