/*
 * emit_module.c — module-level emission: set-up, constants, globals,
 * function definitions, prologues, safepoints and the program entry.
 *
 * What one compiled Python module M looks like in IR (every module of the
 * program goes into the same LLVM module, one Emitter each, emit_unit):
 *
 *   @M.globals         [N x i64]  module globals (GC roots), 0 = unbound
 *   @k.N               i64        constants, filled by M$consts
 *   M$consts()                    creates every constant (ai_const_*)
 *   M.<qualname>(i64 …)           one body function per `def`, called
 *                                 directly when the callee is known
 *                                 (__main__'s keep the bare qualname)
 *   M.<qualname>$entry(…)         its generic vectorcall entry
 *   M$body()                      the module's top-level code
 *   @M.module          ai_module_info: what ai_module_import runs on the
 *                                 module's first import
 *   aithon_program_main()         imports __main__
 *
 * Prologue of every function (and the poll at every loop back-edge):
 * the address of the worker's ai_tls block comes from a side-effecting
 * inline asm read of the thread pointer (never a cached thread_local
 * address: a green thread may resume on another worker after any call);
 * one compare of the frame address with ai_tls.stack_limit and one load
 * of ai_tls.poll, a single well-predicted branch to the slow path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>

#include "aithon_rt.h"  /* the constant-table encoding, ai_module_info */
#include "emit_internal.h"
#include "infer.h"

/* ---- debug info (-g) ------------------------------------------------------ */

void emit_debug_loc(Emitter *e, SrcSpan pos) {
    if (!e->dib || !e->fn || !e->fn->di_sp) return;
    LLVMMetadataRef loc = LLVMDIBuilderCreateDebugLocation(e->ctx, (unsigned)pos.line, (unsigned)pos.col + 1,
                                                           e->fn->di_sp, NULL);
    LLVMSetCurrentDebugLocation2(e->b, loc);
}

static void debug_init(Emitter *e, const Module *m) {
    e->dib = LLVMCreateDIBuilder(e->m);
    const char *path = m->filename, *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dir = slash ? arena_strndup(e->arena, path, (size_t)(slash - path)) : ".";
    e->di_file = LLVMDIBuilderCreateFile(e->dib, base, strlen(base), dir, strlen(dir));
    e->di_cu = LLVMDIBuilderCreateCompileUnit(e->dib, LLVMDWARFSourceLanguagePython, e->di_file, "aithonc", 7,
                                              e->opt->opt_level > 0, "", 0, 0, "", 0, LLVMDWARFEmissionFull,
                                              0, 0, 0, "", 0, "", 0);
    e->di_fnty = LLVMDIBuilderCreateSubroutineType(e->dib, e->di_file, NULL, 0, LLVMDIFlagZero);
    LLVMAddModuleFlag(e->m, LLVMModuleFlagBehaviorWarning, "Debug Info Version", 18,
                      LLVMValueAsMetadata(emit_i32(e, (int32_t)LLVMDebugMetadataVersion())));
    LLVMAddModuleFlag(e->m, LLVMModuleFlagBehaviorWarning, "Dwarf Version", 13,
                      LLVMValueAsMetadata(emit_i32(e, 5)));
}

/* Give the function being begun a DISubprogram named as Python names it. */
static void debug_function(Emitter *e, const char *name, int line) {
    if (!e->dib) return;
    const char *link = LLVMGetValueName(e->fn->fn);
    e->fn->di_sp = LLVMDIBuilderCreateFunction(e->dib, e->di_file, name, strlen(name), link, strlen(link),
                                               e->di_file, (unsigned)line, e->di_fnty, 1, 1, (unsigned)line,
                                               LLVMDIFlagZero, e->opt->opt_level > 0);
    LLVMSetSubprogram(e->fn->fn, e->fn->di_sp);
    emit_debug_loc(e, (SrcSpan){line, 0, line, 0});
}

/* Code emitted outside any Python function (entries, start-up) has no
 * source position. */
static void debug_none(Emitter *e) {
    if (e->dib) LLVMSetCurrentDebugLocation2(e->b, NULL);
}

/* ---- small helpers -------------------------------------------------------- */

void unsupported(Emitter *e, SrcSpan pos, const char *what) {
    diag_error(E_UNSUPPORTED, pos.line, pos.col, "%s is not supported yet", what);
    (void)e;
}

LLVMValueRef emit_i64(Emitter *e, int64_t v) { return LLVMConstInt(e->i64, (unsigned long long)v, 1); }
LLVMValueRef emit_i32(Emitter *e, int32_t v) { return LLVMConstInt(e->i32, (unsigned long long)v, 1); }

LLVMValueRef emit_ptr_value(Emitter *e, LLVMValueRef global) {
    return LLVMConstPtrToInt(global, e->i64);
}

LLVMBasicBlockRef emit_block(Emitter *e, const char *name) {
    e->nblocks++;
    return LLVMAppendBasicBlockInContext(e->ctx, e->fn->fn, name);
}

bool emit_block_open(Emitter *e) {
    return LLVMGetBasicBlockTerminator(LLVMGetInsertBlock(e->b)) == NULL;
}

LLVMValueRef emit_alloca(Emitter *e, LLVMTypeRef t, const char *name) {
    LLVMBuilderRef tmp = LLVMCreateBuilderInContext(e->ctx);
    LLVMValueRef first = LLVMGetFirstInstruction(e->fn->entry);
    if (first) LLVMPositionBuilderBefore(tmp, first);
    else LLVMPositionBuilderAtEnd(tmp, e->fn->entry);
    LLVMValueRef a = LLVMBuildAlloca(tmp, t, name);
    LLVMDisposeBuilder(tmp);
    return a;
}

LLVMValueRef emit_rt(Emitter *e, RtFn id, LLVMValueRef *args, unsigned n) {
    LLVMTypeRef ty;
    LLVMValueRef fn = rtabi_get(&e->abi, e->m, id, &ty);
    return LLVMBuildCall2(e->b, ty, fn, args, n, "");
}

void emit_br_unlikely(Emitter *e, LLVMValueRef cond, LLVMBasicBlockRef then_bb,
                      LLVMBasicBlockRef else_bb) {
    LLVMValueRef br = LLVMBuildCondBr(e->b, cond, then_bb, else_bb);
    LLVMSetMetadata(br, e->prof_kind, e->unlikely_md);
}

/* Where an exception goes from here without adding a traceback entry
 * (re-raise, no except clause matched): the innermost handler's dispatch
 * block, or the function's exit that returns 0. */
LLVMBasicBlockRef emit_dispatch_block(Emitter *e) {
    Handler *h = e->fn->handler;
    if (!h->dispatch) {
        LLVMBasicBlockRef here = LLVMGetInsertBlock(e->b);
        h->dispatch = emit_block(e, "raise");
        LLVMPositionBuilderAtEnd(e->b, h->dispatch);
        LLVMBuildRet(e->b, emit_i64(e, 0));
        LLVMPositionBuilderAtEnd(e->b, here);
    }
    return h->dispatch;
}

/* Where an exception raised here goes: a block that adds this frame's
 * traceback entry (the phi carries the line) and then dispatches. */
/* Small ints are the common case: lay their path out as the fall-through. */
void emit_br_likely(Emitter *e, LLVMValueRef cond, LLVMBasicBlockRef then_bb, LLVMBasicBlockRef else_bb) {
    LLVMValueRef br = LLVMBuildCondBr(e->b, cond, then_bb, else_bb);
    LLVMSetMetadata(br, e->prof_kind, e->likely_md);
}

static LLVMBasicBlockRef unwind_block(Emitter *e) {
    Handler *h = e->fn->handler;
    if (!h->unwind) {
        LLVMBasicBlockRef here = LLVMGetInsertBlock(e->b);
        LLVMBasicBlockRef dispatch = emit_dispatch_block(e);
        LLVMMetadataRef loc = e->dib ? LLVMGetCurrentDebugLocation2(e->b) : NULL;
        h->unwind = emit_block(e, "unwind");
        LLVMPositionBuilderAtEnd(e->b, h->unwind);
        h->unwind_line = LLVMBuildPhi(e->b, e->i32, "line");
        LLVMValueRef args[] = {h->code_info ? h->code_info : e->fn->code_info, h->unwind_line};
        if (!e->hide_frames) emit_rt(e, RT_ai_traceback_add, args, 2);
        LLVMBuildBr(e->b, dispatch);
        LLVMPositionBuilderAtEnd(e->b, here);
        if (e->dib) LLVMSetCurrentDebugLocation2(e->b, loc);
    }
    return h->unwind;
}

/* ---- source positions (CPython's ^~~ markers in tracebacks) ---------------- */

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

/* The byte offset of line `line`'s start in the module's text, or -1. */
static long line_start(Emitter *e, int line) {
    static const char *c_src;
    static int c_line;
    static long c_off;
    if (!e->src || line < 1) return -1;
    long off = 0;
    int cur = 1;
    if (c_src == e->src && c_line <= line) off = c_off, cur = c_line;
    while (cur < line) {
        const char *nl = memchr(e->src + off, '\n', e->src_len - (size_t)off);
        if (!nl) return -1;
        off = nl - e->src + 1;
        cur++;
    }
    c_src = e->src, c_line = line, c_off = off;
    return off;
}

/* CPython's anchors for the failing expression x on one line (byte
 * offsets in the line): a binary operation's operator, a subscript's
 * brackets (Python/traceback.c, extract_anchors_from_line). */
static void anchors(Emitter *e, const Expr *x, int32_t *w) {
    w[4] = w[5] = w[7] = w[8] = -1;
    w[6] = 0;
    if (x->pos.line != x->pos.end_line) return;
    long base = line_start(e, x->pos.line);
    if (base < 0) return;
    const char *s = e->src + base;
    if (x->kind == E_SUBSCRIPT) {
        /* from the '[' after the value to the ']' after the index */
        int l = x->u.subscript.value->pos.end_col, r = x->u.subscript.slice->pos.end_col;
        if (x->u.subscript.value->pos.end_line != x->pos.line || x->u.subscript.slice->pos.end_line != x->pos.line)
            return;
        while (l < x->pos.end_col && s[l] != '[') l++;
        while (r < x->pos.end_col && s[r] != ']') r++;
        if (r < x->pos.end_col) r++;
        w[4] = w[7] = l;
        w[5] = w[8] = r;
        w[6] = 1;
        return;
    }
    if (x->kind != E_BINOP) return;
    const Expr *l = x->u.binop.left, *r = x->u.binop.right;
    if (l->pos.end_line != x->pos.line || r->pos.line != x->pos.line) return;
    /* Python/traceback.c (an uncaught exception's traceback) */
    for (int i = l->pos.end_col; i < r->pos.col; i++) {
        if (is_blank(s[i])) continue;
        w[4] = i;
        w[5] = i + 1;
        if (i + 1 < r->pos.col && !is_blank(s[i + 1])) w[5]++;
        if (i + 1 < r->pos.col && s[i] == ')') continue;
        w[6] = 1;
        break;
    }
    /* Lib/traceback.py (traceback.print_exc …): the two-character check
     * is made before skipping the left operand's closing parentheses */
    int off = l->pos.end_col;
    while (off < r->pos.col && is_blank(s[off])) off++;
    int left = off, right = off + 1;
    if (off + 1 < r->pos.col && !is_blank(s[off + 1])) right++;
    while (left < x->pos.end_col && (is_blank(s[left]) || s[left] == ')' || s[left] == '#')) left++, right++;
    w[7] = left;
    w[8] = right;
    w[6] = 1;
}

static int add_pos(Emitter *e, const int32_t *w) {
    if (e->npos == e->cappos) {
        int cap = e->cappos ? e->cappos * 2 : 256;
        int32_t *nv = arena_alloc(e->arena, sizeof(int32_t) * AI_POS_WORDS * (size_t)cap);
        if (e->npos) memcpy(nv, e->pos_v, sizeof(int32_t) * AI_POS_WORDS * (size_t)e->npos);
        e->pos_v = nv;
        e->cappos = cap;
    }
    memcpy(e->pos_v + (size_t)e->npos * AI_POS_WORDS, w, sizeof(int32_t) * AI_POS_WORDS);
    return -(++e->npos);
}

/* The location a failure at `line` reports: the span of the expression
 * being emitted when it is on that line (-(index + 1) into the module's
 * positions table), else the line alone. */
static int emit_loc(Emitter *e, int line) {
    const Expr *x = e->fn ? e->fn->cur_expr : NULL;
    const SrcSpan *sp = x ? &x->pos : e->fn ? e->fn->cur_span : NULL;
    if (!sp || sp->line != line || sp->col < 0 || sp->end_col < 0 || sp->end_line < line ||
        (sp->end_line == line && sp->end_col < sp->col))
        return line;
    if (x && x == e->last_pos_expr && e->last_pos_loc) return e->last_pos_loc;
    int32_t w[AI_POS_WORDS] = {sp->line, sp->end_line, sp->col, sp->end_col, -1, -1, 0, -1, -1};
    if (x) anchors(e, x, w);
    /* o.m(args): if the look-up of m fails, the attribute's span
     * (ai_traceback_add takes the entry after this one) */
    const Expr *attr = x && x->kind == E_CALL && x->u.call.func->kind == E_ATTRIBUTE ? x->u.call.func : NULL;
    if (attr) w[6] = 2;
    if (!attr && e->npos && memcmp(e->pos_v + (size_t)(e->npos - 1) * AI_POS_WORDS, w, sizeof w) == 0)
        return -e->npos;
    int loc = add_pos(e, w);
    if (attr) {
        int32_t a[AI_POS_WORDS] = {attr->pos.line, attr->pos.end_line, attr->pos.col, attr->pos.end_col,
                                   -1, -1, 0, -1, -1};
        add_pos(e, a);
    }
    e->last_pos_expr = x;
    e->last_pos_loc = loc;
    return loc;
}

/* Cold (run-once) code reaches a handler through its unwind_cold block,
 * which reads the line from a stack slot each failing site stores before
 * its branch: a phi with one input per call of a long straight-line chunk
 * (tens of thousands for a display of names) made LLVM's register
 * coalescer quadratic. Returns the block, the line stored. */
static LLVMBasicBlockRef cold_unwind_block(Emitter *e, int line) {
    FnState *f = e->fn;
    Handler *h = f->handler;
    if (!f->line_slot) f->line_slot = emit_alloca(e, e->i32, "line.slot");
    LLVMBuildStore(e->b, emit_i32(e, emit_loc(e, line)), f->line_slot);
    if (!h->unwind_cold) {
        LLVMBasicBlockRef here = LLVMGetInsertBlock(e->b);
        LLVMBasicBlockRef dispatch = emit_dispatch_block(e);
        LLVMMetadataRef loc = e->dib ? LLVMGetCurrentDebugLocation2(e->b) : NULL;
        h->unwind_cold = emit_block(e, "unwind.cold");
        LLVMPositionBuilderAtEnd(e->b, h->unwind_cold);
        LLVMValueRef args[] = {h->code_info ? h->code_info : f->code_info,
                               LLVMBuildLoad2(e->b, e->i32, f->line_slot, "line")};
        emit_rt(e, RT_ai_traceback_add, args, 2);
        LLVMBuildBr(e->b, dispatch);
        LLVMPositionBuilderAtEnd(e->b, here);
        if (e->dib) LLVMSetCurrentDebugLocation2(e->b, loc);
    }
    return h->unwind_cold;
}

/* Branch to the unwind block from the current block when `failed`. */
static void branch_unwind_if(Emitter *e, LLVMValueRef failed, int line) {
    if (e->fn->cold) {
        LLVMBasicBlockRef uw = cold_unwind_block(e, line);
        LLVMBasicBlockRef cont = emit_block(e, "ok");
        emit_br_unlikely(e, failed, uw, cont);
        LLVMPositionBuilderAtEnd(e->b, cont);
        return;
    }
    LLVMBasicBlockRef uw = unwind_block(e);
    LLVMBasicBlockRef cont = emit_block(e, "ok");
    LLVMBasicBlockRef here = LLVMGetInsertBlock(e->b);
    emit_br_unlikely(e, failed, uw, cont);
    LLVMValueRef l = emit_i32(e, emit_loc(e, line));
    LLVMAddIncoming(e->fn->handler->unwind_line, &l, &here, 1);
    LLVMPositionBuilderAtEnd(e->b, cont);
}

void emit_check(Emitter *e, LLVMValueRef v, int line) {
    branch_unwind_if(e, LLVMBuildICmp(e->b, LLVMIntEQ, v, emit_i64(e, 0), "err"), line);
}

void emit_check_i32(Emitter *e, LLVMValueRef v, int line) {
    branch_unwind_if(e, LLVMBuildICmp(e->b, LLVMIntSLT, v, emit_i32(e, 0), "err"), line);
}

void emit_goto_unwind(Emitter *e, int line) {
    if (e->fn->cold) {
        LLVMBuildBr(e->b, cold_unwind_block(e, line));
        LLVMPositionBuilderAtEnd(e->b, emit_block(e, "dead"));
        return;
    }
    LLVMBasicBlockRef uw = unwind_block(e);
    LLVMBasicBlockRef here = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, uw);
    LLVMValueRef l = emit_i32(e, emit_loc(e, line));
    LLVMAddIncoming(e->fn->handler->unwind_line, &l, &here, 1);
    LLVMPositionBuilderAtEnd(e->b, emit_block(e, "dead"));
}

/* &ai_tls of the running worker, read afresh (see the file comment). */
LLVMValueRef emit_tls_block(Emitter *e) {
    if (!e->tls_asm) {
        char *triple = LLVMGetDefaultTargetTriple();
        const char *code;
        if (strncmp(triple, "x86_64", 6) == 0)
            code = "movq %fs:0, $0\n\tleaq ai_tls@tpoff($0), $0";
        else if (strncmp(triple, "aarch64", 7) == 0)
            code = "mrs $0, tpidr_el0\n\tadd $0, $0, #:tprel_hi12:ai_tls, lsl #12\n\t"
                   "add $0, $0, #:tprel_lo12_nc:ai_tls";
        else {
            fprintf(stderr, "aithonc: unsupported target %s\n", triple);
            exit(2);
        }
        LLVMDisposeMessage(triple);
        e->tls_asm_type = LLVMFunctionType(e->ptr, NULL, 0, 0);
        e->tls_asm = LLVMGetInlineAsm(e->tls_asm_type, (char *)code, strlen(code), "=r", 2,
                                      /*sideeffect*/ 1, /*alignstack*/ 0, LLVMInlineAsmDialectATT,
                                      /*canThrow*/ 0);
    }
    return LLVMBuildCall2(e->b, e->tls_asm_type, e->tls_asm, NULL, 0, "tls");
}

static LLVMValueRef load_poll(Emitter *e, LLVMValueRef tls) {
    LLVMValueRef p = LLVMBuildGEP2(e->b, e->i8, tls, (LLVMValueRef[]){emit_i64(e, 8)}, 1, "");
    LLVMValueRef v = LLVMBuildLoad2(e->b, e->i32, p, "poll");
    LLVMSetVolatile(v, 1);
    return v;
}

/* ai_tls.poll (offset 8), read afresh: on x86-64 one `movl` from
 * %fs (a loop's back edge pays one load, not the block's address and
 * then a load); elsewhere through the block's address. */
static LLVMValueRef load_poll_now(Emitter *e) {
    if (!e->poll_asm) {
        char *triple = LLVMGetDefaultTargetTriple();
        bool x86 = strncmp(triple, "x86_64", 6) == 0;
        LLVMDisposeMessage(triple);
        if (!x86) return load_poll(e, emit_tls_block(e));
        static const char code[] = "movl %fs:ai_tls@tpoff+8, $0";
        e->poll_asm_type = LLVMFunctionType(e->i32, NULL, 0, 0);
        e->poll_asm = LLVMGetInlineAsm(e->poll_asm_type, (char *)code, sizeof code - 1, "=r", 2,
                                       /*sideeffect*/ 1, /*alignstack*/ 0, LLVMInlineAsmDialectATT,
                                       /*canThrow*/ 0);
    }
    return LLVMBuildCall2(e->b, e->poll_asm_type, e->poll_asm, NULL, 0, "poll");
}

void emit_safepoint(Emitter *e, int line) {
    LLVMValueRef poll = load_poll_now(e);
    LLVMBasicBlockRef slow = emit_block(e, "safepoint"), cont = emit_block(e, "go");
    emit_br_unlikely(e, LLVMBuildICmp(e->b, LLVMIntNE, poll, emit_i32(e, 0), ""), slow, cont);
    LLVMPositionBuilderAtEnd(e->b, slow);
    emit_check_i32(e, emit_rt(e, RT_ai_safepoint_slow, NULL, 0), line);
    LLVMBuildBr(e->b, cont);
    LLVMPositionBuilderAtEnd(e->b, cont);
}

/* Function entry: one compare of the frame address with
 * ai_tls.stack_limit. The scheduler asks for a safepoint by raising that
 * limit (AI_STACK_LIMIT_PREEMPT), so the same compare serves both; the
 * slow path tells them apart. A real overflow returns 0 without adding a
 * frame: as in CPython, the frame was never entered. */
/* ai_tls.stack_limit (offset 0 of the block), read afresh: on x86-64 one
 * `movq %fs:ai_tls@tpoff`; elsewhere through the block's address. The
 * ticker writes it with relaxed atomics; an aligned 8-byte load is atomic. */
static LLVMValueRef load_stack_limit(Emitter *e) {
    char *triple = LLVMGetDefaultTargetTriple();
    bool x86 = strncmp(triple, "x86_64", 6) == 0;
    LLVMDisposeMessage(triple);
    if (x86) {
        static const char code[] = "movq %fs:ai_tls@tpoff, $0";
        LLVMTypeRef ty = LLVMFunctionType(e->ptr, NULL, 0, 0);
        LLVMValueRef asm_ = LLVMGetInlineAsm(ty, (char *)code, sizeof code - 1, "=r", 2, 1, 0,
                                             LLVMInlineAsmDialectATT, 0);
        return LLVMBuildCall2(e->b, ty, asm_, NULL, 0, "stack_limit");
    }
    LLVMValueRef limit = LLVMBuildLoad2(e->b, e->ptr, emit_tls_block(e), "stack_limit");
    LLVMSetOrdering(limit, LLVMAtomicOrderingMonotonic);
    LLVMSetAlignment(limit, 8);
    return limit;
}

static void emit_prologue(Emitter *e) {
    LLVMValueRef limit = load_stack_limit(e);
    LLVMValueRef spv = LLVMBuildCall2(e->b, LLVMGlobalGetValueType(e->frameaddr_fn), e->frameaddr_fn,
                                      &e->sp_reg_md, 1, "sp");
    LLVMValueRef fa = LLVMBuildIntToPtr(e->b, spv, e->ptr, "fp");
    LLVMValueRef deep = LLVMBuildICmp(e->b, LLVMIntULT, fa, limit, "deep");
    LLVMBasicBlockRef slow = emit_block(e, "prologue.slow"), body = emit_block(e, "body");
    emit_br_unlikely(e, deep, slow, body);
    LLVMPositionBuilderAtEnd(e->b, slow);
    LLVMValueRef r = emit_rt(e, RT_ai_stack_slow, &fa, 1);
    LLVMBasicBlockRef fail = emit_block(e, "prologue.fail");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntSLT, r, emit_i32(e, 0), ""), fail, body);
    LLVMPositionBuilderAtEnd(e->b, fail);
    LLVMBuildRet(e->b, emit_i64(e, 0));
    LLVMPositionBuilderAtEnd(e->b, body);
}

/* ---- strings and constants --------------------------------------------------- */

static bool cstr_key_eq(Emitter *e, int i, const char *key, size_t keylen);
static size_t table_slot(Emitter *e, const int *tab, int cap, const char *key, size_t keylen,
                         bool (*eq)(Emitter *e, int index, const char *key, size_t keylen));
static int *table_new(Emitter *e, int cap);

/* A private constant C string; one global per distinct text (names are
 * used over and over: one global per use made every line of a long
 * module cost several). */
LLVMValueRef emit_cstring(Emitter *e, const char *s, size_t len) {
    if (e->cstr_hcap) {
        size_t slot = table_slot(e, e->cstr_hash, e->cstr_hcap, s, len, cstr_key_eq);
        if (e->cstr_hash[slot] >= 0) return e->cstr_vals[e->cstr_hash[slot]];
    }
    LLVMValueRef init = LLVMConstStringInContext(e->ctx, s, (unsigned)len, 0);
    LLVMValueRef g = LLVMAddGlobal(e->m, LLVMTypeOf(init), ".str");
    LLVMSetInitializer(g, init);
    LLVMSetGlobalConstant(g, 1);
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    LLVMSetUnnamedAddress(g, LLVMGlobalUnnamedAddr);
    LLVMSetAlignment(g, 1);
    int cap = e->capcstrs;
    e->cstr_keys = arena_grow(e->arena, e->cstr_keys, &cap, e->ncstrs + 1, sizeof(char *));
    cap = e->capcstrs;
    e->cstr_lens = arena_grow(e->arena, e->cstr_lens, &cap, e->ncstrs + 1, sizeof(size_t));
    e->cstr_vals = arena_grow(e->arena, e->cstr_vals, &e->capcstrs, e->ncstrs + 1, sizeof(LLVMValueRef));
    int idx = e->ncstrs++;
    e->cstr_keys[idx] = s;      /* the callers' texts live as long as the arena */
    e->cstr_lens[idx] = len;
    e->cstr_vals[idx] = g;
    if (2 * e->ncstrs > e->cstr_hcap) {
        e->cstr_hcap = e->cstr_hcap ? 2 * e->cstr_hcap : 256;
        e->cstr_hash = table_new(e, e->cstr_hcap);
        for (int i = 0; i < e->ncstrs; i++)
            e->cstr_hash[table_slot(e, e->cstr_hash, e->cstr_hcap, e->cstr_keys[i], e->cstr_lens[i],
                                    cstr_key_eq)] = i;
    } else {
        e->cstr_hash[table_slot(e, e->cstr_hash, e->cstr_hcap, s, len, cstr_key_eq)] = idx;
    }
    return g;
}

/* FNV-1a over a key's bytes. */
static size_t hash_bytes(const char *p, size_t n) {
    size_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211u;
    return h;
}

/* Open-addressing tables of indexes (-1 empty) at a load of at most 1/2:
 * table_slot returns the slot of `key`, or the empty slot where it goes. */
typedef bool (*KeyEq)(Emitter *e, int index, const char *key, size_t keylen);

static size_t table_slot(Emitter *e, const int *tab, int cap, const char *key, size_t keylen, KeyEq eq) {
    size_t mask = (size_t)cap - 1, i = hash_bytes(key, keylen) & mask;
    while (tab[i] >= 0 && !eq(e, tab[i], key, keylen)) i = (i + 1) & mask;
    return i;
}

static int *table_new(Emitter *e, int cap) {
    int *tab = arena_alloc(e->arena, sizeof(int) * (size_t)cap);
    memset(tab, 0xff, sizeof(int) * (size_t)cap);
    return tab;
}

static bool cstr_key_eq(Emitter *e, int i, const char *key, size_t keylen) {
    return e->cstr_lens[i] == keylen && memcmp(e->cstr_keys[i], key, keylen) == 0;
}

static bool const_key_eq(Emitter *e, int i, const char *key, size_t keylen) {
    return e->const_keylens[i] == keylen && memcmp(e->const_keys[i], key, keylen) == 0;
}

/* A pool constant: `key` identifies it (dedup); on first use a record
 * {kind, data, n} of the start-up table is added that creates it into a
 * new private global. Returns that global. */
static LLVMValueRef pool_global(Emitter *e, const char *key, size_t keylen, int64_t kind, LLVMValueRef data,
                                LLVMValueRef n) {
    if (e->const_hcap) {
        size_t slot = table_slot(e, e->const_hash, e->const_hcap, key, keylen, const_key_eq);
        if (e->const_hash[slot] >= 0) return e->const_vals[e->const_hash[slot]];
    }
    int cap = e->capconsts;
    e->const_keys = arena_grow(e->arena, e->const_keys, &cap, e->nconsts + 1, sizeof(char *));
    cap = e->capconsts;
    e->const_keylens = arena_grow(e->arena, e->const_keylens, &cap, e->nconsts + 1, sizeof(size_t));
    cap = e->capconsts;
    e->const_recs = arena_grow(e->arena, e->const_recs, &cap, e->nconsts + 1, sizeof(LLVMValueRef));
    e->const_vals = arena_grow(e->arena, e->const_vals, &e->capconsts, e->nconsts + 1, sizeof(LLVMValueRef));
    int idx = e->nconsts++;
    e->const_keys[idx] = arena_strndup(e->arena, key, keylen);
    e->const_keylens[idx] = keylen;
    LLVMValueRef g = LLVMAddGlobal(e->m, e->i64, "k");
    LLVMSetInitializer(g, emit_i64(e, 0));
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    e->const_vals[idx] = g;
    LLVMValueRef fields[] = {emit_i64(e, kind), data, n, g};
    e->const_recs[idx] = LLVMConstNamedStruct(e->const_rec_type, fields, 4);
    if (2 * e->nconsts > e->const_hcap) {
        e->const_hcap = e->const_hcap ? 2 * e->const_hcap : 256;
        e->const_hash = table_new(e, e->const_hcap);
        for (int i = 0; i < e->nconsts; i++)
            e->const_hash[table_slot(e, e->const_hash, e->const_hcap, e->const_keys[i], e->const_keylens[i],
                                     const_key_eq)] = i;
    } else {
        e->const_hash[table_slot(e, e->const_hash, e->const_hcap, key, keylen, const_key_eq)] = idx;
    }
    return g;
}

static LLVMValueRef pool_load(Emitter *e, LLVMValueRef g) {
    LLVMValueRef v = LLVMBuildLoad2(e->b, e->i64, g, "k");
    LLVMSetMetadata(v, LLVMGetMDKindIDInContext(e->ctx, "invariant.load", 14),
                    LLVMMetadataAsValue(e->ctx, LLVMMDNodeInContext2(e->ctx, NULL, 0)));
    return v;
}

static LLVMValueRef str_global(Emitter *e, const char *s, size_t len) {
    char *key = arena_alloc(e->arena, len + 1);
    key[0] = 's';
    memcpy(key + 1, s, len);
    return pool_global(e, key, len + 1, AI_CONST_STR, emit_cstring(e, s, len), emit_i64(e, (int64_t)len));
}

LLVMValueRef emit_const_str(Emitter *e, const char *s, size_t len) { return pool_load(e, str_global(e, s, len)); }

/* The tuple of keyword names of a call, a constant; 0 when there are none. */
LLVMValueRef emit_kwnames(Emitter *e, const KeywordList *kws, int line) {
    (void)line;
    if (kws->n == 0) return emit_i64(e, 0);
    size_t keylen = 1;
    for (int i = 0; i < kws->n; i++) keylen += strlen(kws->v[i]->arg) + 1;
    char *key = arena_alloc(e->arena, keylen);
    char *p = key;
    *p++ = 't';
    LLVMValueRef *gs = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)kws->n);
    for (int i = 0; i < kws->n; i++) {
        size_t n = strlen(kws->v[i]->arg);
        memcpy(p, kws->v[i]->arg, n + 1);
        p += n + 1;
        gs[i] = str_global(e, kws->v[i]->arg, n);
    }
    /* The strs come earlier in the table, so they exist when the tuple is made. */
    LLVMValueRef arr = LLVMConstArray2(e->ptr, gs, (uint64_t)kws->n);
    LLVMValueRef items = LLVMAddGlobal(e->m, LLVMTypeOf(arr), "kwnames");
    LLVMSetInitializer(items, arr);
    LLVMSetGlobalConstant(items, 1);
    LLVMSetLinkage(items, LLVMPrivateLinkage);
    return pool_load(e, pool_global(e, key, keylen, AI_CONST_TUPLE, items, emit_i64(e, kws->n)));
}

static LLVMValueRef singleton(Emitter *e, const char *name) {
    LLVMValueRef g = LLVMGetNamedGlobal(e->m, name);
    if (!g) g = LLVMAddGlobal(e->m, e->i64, name);   /* layout is the runtime's business */
    return emit_ptr_value(e, g);
}

LLVMValueRef emit_constant_word(Emitter *e, const Constant *c, bool *indirect) {
    *indirect = false;
    switch (c->kind) {
    case CONST_NONE: return singleton(e, "ai_none_object");
    case CONST_TRUE: return singleton(e, "ai_true_object");
    case CONST_FALSE: return singleton(e, "ai_false_object");
    case CONST_ELLIPSIS: return singleton(e, "ai_ellipsis_object");
    case CONST_INT: {
        if (!c->big && c->ival >= -(INT64_C(1) << 62) && c->ival < (INT64_C(1) << 62))
            return emit_i64(e, (int64_t)(((uint64_t)c->ival << 1) | 1));
        const char *digits = c->big ? c->big : arena_printf(e->arena, "%lld", (long long)c->ival);
        char *key = arena_printf(e->arena, "i%s", digits);
        *indirect = true;
        return pool_global(e, key, strlen(key), AI_CONST_INT, emit_cstring(e, digits, strlen(digits) + 1),
                           emit_i64(e, 0));
    }
    case CONST_FLOAT: {
        char key[1 + sizeof(double)];
        key[0] = 'f';
        memcpy(key + 1, &c->fval, sizeof(double));
        int64_t bits;
        memcpy(&bits, &c->fval, sizeof bits);
        *indirect = true;
        return pool_global(e, key, sizeof key, AI_CONST_FLOAT, LLVMConstNull(e->ptr), emit_i64(e, bits));
    }
    case CONST_STR: *indirect = true; return str_global(e, c->str, c->len);
    case CONST_BYTES: {
        char *key = arena_alloc(e->arena, c->len + 1);
        key[0] = 'b';
        memcpy(key + 1, c->str, c->len);
        *indirect = true;
        return pool_global(e, key, c->len + 1, AI_CONST_BYTES, emit_cstring(e, c->str, c->len),
                           emit_i64(e, (int64_t)c->len));
    }
    case CONST_IMAG: {
        char key[1 + sizeof(double)];
        key[0] = 'j';
        memcpy(key + 1, &c->fval, sizeof(double));
        int64_t bits;
        memcpy(&bits, &c->fval, sizeof bits);
        *indirect = true;
        return pool_global(e, key, sizeof key, AI_CONST_IMAG, LLVMConstNull(e->ptr), emit_i64(e, bits));
    }
    }
    return emit_i64(e, 1);
}

LLVMValueRef emit_constant(Emitter *e, const Constant *c) {
    bool indirect;
    LLVMValueRef w = emit_constant_word(e, c, &indirect);
    return indirect ? pool_load(e, w) : w;
}

/* ---- globals ------------------------------------------------------------------- */

static bool global_name_eq(Emitter *e, int i, const char *key, size_t keylen) {
    return strncmp(e->global_names[i], key, keylen) == 0 && e->global_names[i][keylen] == '\0';
}

int emit_global_index(Emitter *e, const char *name) {
    size_t len = strlen(name);
    if (e->global_hcap) {
        size_t slot = table_slot(e, e->global_hash, e->global_hcap, name, len, global_name_eq);
        if (e->global_hash[slot] >= 0) return e->global_hash[slot];
    }
    int cap = e->capglobals;
    e->global_names = arena_grow(e->arena, e->global_names, &cap, e->nglobals + 1, sizeof(char *));
    cap = e->capglobals;
    e->global_rebound = arena_grow(e->arena, e->global_rebound, &cap, e->nglobals + 1, sizeof(bool));
    cap = e->capglobals;
    e->global_assigned = arena_grow(e->arena, e->global_assigned, &cap, e->nglobals + 1, sizeof(bool));
    e->global_func = arena_grow(e->arena, e->global_func, &e->capglobals, e->nglobals + 1,
                                sizeof(FuncDef *));
    e->global_names[e->nglobals] = name;
    e->global_rebound[e->nglobals] = false;
    e->global_assigned[e->nglobals] = false;
    e->global_func[e->nglobals] = NULL;
    int idx = e->nglobals++;
    if (2 * e->nglobals > e->global_hcap) {
        e->global_hcap = e->global_hcap ? 2 * e->global_hcap : 256;
        e->global_hash = table_new(e, e->global_hcap);
        for (int i = 0; i < e->nglobals; i++)
            e->global_hash[table_slot(e, e->global_hash, e->global_hcap, e->global_names[i],
                                      strlen(e->global_names[i]), global_name_eq)] = i;
    } else {
        e->global_hash[table_slot(e, e->global_hash, e->global_hcap, name, len, global_name_eq)] = idx;
    }
    return idx;
}

LLVMValueRef emit_global_slot(Emitter *e, int index) {
    return LLVMBuildGEP2(e->b, e->i64, e->globals, (LLVMValueRef[]){emit_i64(e, index)}, 1, "");
}

/* For each module global: is it bound anywhere (`global_assigned`), and
 * is it bound other than by exactly one top-level def, or are its
 * defaults assigned (`global_rebound`: then it cannot be called
 * directly)? */
static void find_rebound(Emitter *e, Scope *s) {
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = s->syms[i];
        if (s->kind == SCOPE_MODULE) {
            int g = emit_global_index(e, sym->name);
            if (sym->flags & SYMF_ASSIGNED) e->global_assigned[g] = true;
            if ((sym->flags & (SYMF_OTHER | SYMF_DELETED | SYMF_DEFAULTS_SET)) || sym->def_count != 1 || !sym->def_at_top ||
                !sym->def_stmt || (sym->def_stmt->kind != S_FUNCTIONDEF && sym->def_stmt->kind != S_ASYNCFUNCTIONDEF))
                e->global_rebound[g] = true;
        } else if (sym->kind == SYM_GLOBAL_EXPLICIT && (sym->flags & SYMF_ASSIGNED)) {
            int g = emit_global_index(e, sym->name);
            e->global_rebound[g] = true;
            e->global_assigned[g] = true;
        }
    }
    for (int i = 0; i < s->nchildren; i++) find_rebound(e, s->children[i]);
}

/* ---- functions ------------------------------------------------------------------ */

static LLVMValueRef code_info(Emitter *e, const char *funcname, int firstlineno) {
    /* ai_code_info { filename, funcname, source, module, firstlineno, positions } */
    LLVMValueRef fields[] = {e->filename_str, emit_cstring(e, funcname, strlen(funcname) + 1),
                             e->source_str, e->modname_str, emit_i32(e, firstlineno), e->positions};
    LLVMValueRef init = LLVMConstStructInContext(e->ctx, fields, 6, 0);
    LLVMValueRef g = LLVMAddGlobal(e->m, LLVMTypeOf(init), "code");
    LLVMSetInitializer(g, init);
    LLVMSetGlobalConstant(g, 1);
    LLVMSetLinkage(g, LLVMPrivateLinkage);
    return g;
}

LLVMValueRef emit_code_info(Emitter *e, const char *funcname, int firstlineno) {
    return code_info(e, funcname, firstlineno);
}

/* Begin emitting a function body: new FnState, entry block, allocas for
 * every local. Returns the caller's state for end_function. */
typedef struct { FnState *fn; LLVMBasicBlockRef block; LLVMMetadataRef loc; } Resume;

static Resume begin_function(Emitter *e, FnState *f, Scope *scope, LLVMValueRef fn,
                             const char *funcname) {
    Resume r = {e->fn, e->fn ? LLVMGetInsertBlock(e->b) : NULL,
                e->dib ? LLVMGetCurrentDebugLocation2(e->b) : NULL};
    memset(f, 0, sizeof *f);
    f->scope = scope;
    f->fn = fn;
    e->fn = f;
    if (funcname) f->code_info = code_info(e, funcname, 1);
    f->handler = &f->base_handler;
    f->entry = emit_block(e, "entry");
    LLVMPositionBuilderAtEnd(e->b, f->entry);
    const void *node = scope->node;
    int line = scope->kind == SCOPE_MODULE ? 1
             : scope->kind == SCOPE_LAMBDA ? ((const Expr *)node)->pos.line : ((const Stmt *)node)->pos.line;
    debug_function(e, scope->kind == SCOPE_MODULE ? "<module>" : scope->qualname, line);
    if (scope->kind == SCOPE_MODULE) f->base.scope = scope;
    else emit_frame_init(e, &f->base, scope, NULL);
    f->frame = &f->base;
    return r;
}

static void end_function(Emitter *e, Resume r) {
    if (emit_block_open(e)) LLVMBuildRet(e->b, singleton(e, "ai_none_object"));
    /* Blocks opened after a jump (code after return/raise/break) that
     * nothing reaches: close them. */
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(e->fn->fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
        if (LLVMGetBasicBlockTerminator(bb)) continue;
        LLVMPositionBuilderAtEnd(e->b, bb);
        LLVMBuildUnreachable(e->b);
    }
    e->fn = r.fn;
    if (r.block) LLVMPositionBuilderAtEnd(e->b, r.block);
    if (e->dib) LLVMSetCurrentDebugLocation2(e->b, r.loc);
}

/* What a def statement or a lambda expression defines. */
static FuncDef *funcdef_of(Emitter *e, const void *node, FuncKind kind) {
    FuncDef *fd = arena_alloc(e->arena, sizeof(FuncDef));
    fd->scope = scope_of(e->scopes, node);
    if (kind == FUNC_GENEXP) {
        /* def <genexpr>(.0): for … in .0: yield elt */
        const Expr *x = node;
        Arguments *args = arena_alloc(e->arena, sizeof(Arguments));
        Arg *it = arena_alloc(e->arena, sizeof(Arg));
        it->name = ".0";
        it->pos = x->pos;
        args->args.n = 1;
        args->args.v = arena_alloc(e->arena, sizeof(Arg *));
        args->args.v[0] = it;
        if (!scope_lookup(fd->scope, ".0")) scope_add_param(e->arena, fd->scope, ".0");
        fd->name = "<genexpr>";
        fd->args = args;
        fd->genexp = x;
        fd->is_async = fd->scope->is_coroutine;   /* async for or await inside: an async generator */
        fd->pos = x->pos;
    } else if (kind == FUNC_LAMBDA) {
        const Expr *x = node;
        fd->name = "<lambda>";
        fd->args = x->u.lambda.args;
        fd->lambda_body = x->u.lambda.body;
        fd->pos = x->pos;
    } else {
        const Stmt *st = node;
        fd->def = st;
        fd->name = st->u.funcdef.name;
        fd->args = st->u.funcdef.args;
        fd->body = &st->u.funcdef.body;
        fd->decorators = &st->u.funcdef.decorators;
        fd->is_async = st->kind == S_ASYNCFUNCTIONDEF;
        fd->pos = st->pos;
    }
    return fd;
}

/* ai_func_info.flags (aithon_rt.h) of a def. */
static int32_t func_flags(Emitter *e, const FuncDef *fd) {
    const Arguments *a = fd->args;
    int32_t f = (a->vararg ? AI_FUNC_VARARGS : 0) | (a->kwarg ? AI_FUNC_VARKW : 0);
    if (fd->is_async) f |= fd->scope->is_generator ? AI_FUNC_ASYNCGEN : AI_FUNC_COROUTINE;
    else if (fd->scope->is_generator) f |= AI_FUNC_GENERATOR;
    if (fd->is_async && !fd->scope->is_generator && e->unit && e->unit->effects &&
        effects_isolated(e->unit->effects, fd->scope, NULL))
        f |= AI_FUNC_ISOLATED;
    return f;
}

/* Create the LLVM functions and the ai_func_info of a def, without its
 * body (so calls emitted before the body is can already be direct). */
/* The names class statements of body (at any depth of blocks and class
 * bodies, not inside defs) list among their bases. */
static void collect_base_names(Emitter *e, const StmtList *body) {
    for (int i = 0; i < body->n; i++) {
        const Stmt *s = body->v[i];
        switch (s->kind) {
        case S_CLASSDEF:
            for (int j = 0; j < s->u.classdef.bases.n; j++) {
                const Expr *b = s->u.classdef.bases.v[j];
                if (b->kind != E_NAME) continue;
                e->base_names = arena_grow(e->arena, e->base_names, &e->capbase_names, e->nbase_names + 1,
                                           sizeof(char *));
                e->base_names[e->nbase_names++] = b->u.name.id;
            }
            collect_base_names(e, &s->u.classdef.body);
            break;
        case S_IF:
            collect_base_names(e, &s->u.if_.body);
            collect_base_names(e, &s->u.if_.orelse);
            break;
        default: break;
        }
    }
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* Is `name` a base of a class of the module being emitted? The names are
 * collected and sorted once per module (a search per method would make
 * a module of many classes quadratic). */
static bool is_base_class(Emitter *e, const char *name) {
    if (e->base_names_mod != e->mod) {
        e->base_names_mod = e->mod;
        e->nbase_names = 0;
        collect_base_names(e, &e->mod->body);
        if (e->nbase_names) qsort(e->base_names, (size_t)e->nbase_names, sizeof(char *), cmp_names);
    }
    return e->nbase_names && bsearch(&name, e->base_names, (size_t)e->nbase_names, sizeof(char *), cmp_names);
}

FuncDef *emit_declare_function(Emitter *e, const void *node, FuncKind kind) {
    FuncDef *fd = funcdef_of(e, node, kind);
    Scope *scope = fd->scope;
    const Arguments *a = fd->args;
    fd->has_closure = scope->has_free;
    if (scope->parent && scope->parent->kind == SCOPE_CLASS) {
        fd->class_global = e->class_global;
        fd->poly_self = is_base_class(e, scope->parent->name);
    } else if (e->fn && e->fn->class_global) {
        fd->class_global = e->fn->class_global; /* nested in a method */
    }
    fd->nparams = a->posonlyargs.n + a->args.n;
    fd->nkwonly = a->kwonlyargs.n;
    fd->ndefaults = a->defaults.n;
    /* Parameter slots: positionals, keyword-only, *args, **kwargs. */
    fd->nslots = fd->nparams + fd->nkwonly + (a->vararg ? 1 : 0) + (a->kwarg ? 1 : 0);
    fd->params = arena_alloc(e->arena, sizeof(Arg *) * (size_t)(fd->nslots + 1));
    int np = 0;
    for (int i = 0; i < a->posonlyargs.n; i++) fd->params[np++] = a->posonlyargs.v[i];
    for (int i = 0; i < a->args.n; i++) fd->params[np++] = a->args.v[i];
    for (int i = 0; i < a->kwonlyargs.n; i++) fd->params[np++] = a->kwonlyargs.v[i];
    if (a->vararg) fd->params[np++] = a->vararg;
    if (a->kwarg) fd->params[np++] = a->kwarg;
    fd->simple = fd->nslots == fd->nparams;

    /* body(closure?, params…): the closure tuple comes first when the
     * function has free variables. */
    int first = fd->has_closure ? 1 : 0;
    LLVMTypeRef *ptys = arena_alloc(e->arena, sizeof(LLVMTypeRef) * (size_t)(fd->nslots + 2));
    for (int i = 0; i < fd->nslots + first; i++) ptys[i] = e->i64;
    fd->body_type = LLVMFunctionType(e->i64, ptys, (unsigned)(fd->nslots + first), 0);
    fd->fn = LLVMAddFunction(e->m, emit_symbol(e, scope->qualname), fd->body_type);
    LLVMSetLinkage(fd->fn, LLVMInternalLinkage);
    if (scope->is_generator || fd->is_async) {
        /* fn only makes the generator (or the coroutine); the body runs
         * later — on a stack of its own, or for a coroutine inline in
         * whoever awaits it — entered through the thunk with the
         * arguments saved. An async def's body is its actor behaviour. */
        const char *suffix = fd->is_async && !scope->is_generator ? "$behavior" : "$gen";
        fd->genbody = LLVMAddFunction(e->m, arena_printf(e->arena, "%s%s", emit_symbol(e, scope->qualname), suffix),
                                      fd->body_type);
        LLVMSetLinkage(fd->genbody, LLVMInternalLinkage);
        fd->thunk = LLVMAddFunction(e->m, arena_printf(e->arena, "%s$thunk", emit_symbol(e, scope->qualname)),
                                    LLVMFunctionType(e->i64, (LLVMTypeRef[]){e->ptr}, 1, 0));
        LLVMSetLinkage(fd->thunk, LLVMInternalLinkage);
    }

    /* The generic entry: bind (callable, args, nargs, kwnames), call the body. */
    LLVMTypeRef ety = LLVMFunctionType(e->i64, (LLVMTypeRef[]){e->i64, e->ptr, e->i64, e->i64}, 4, 0);
    fd->entry = LLVMAddFunction(e->m, arena_printf(e->arena, "%s$entry", emit_symbol(e, scope->qualname)), ety);
    LLVMSetLinkage(fd->entry, LLVMInternalLinkage);

    /* ai_func_info { name, qualname, nparams, nposonly, param_names, entry,
     * code, nkwonly, flags } */
    LLVMValueRef *names = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(fd->nslots + 1));
    for (int i = 0; i < fd->nslots; i++)
        names[i] = emit_cstring(e, fd->params[i]->name, strlen(fd->params[i]->name) + 1);
    LLVMValueRef names_arr = LLVMConstArray2(e->ptr, names, (uint64_t)fd->nslots);
    LLVMValueRef names_g = LLVMAddGlobal(e->m, LLVMTypeOf(names_arr), "params");
    LLVMSetInitializer(names_g, names_arr);
    LLVMSetGlobalConstant(names_g, 1);
    LLVMSetLinkage(names_g, LLVMPrivateLinkage);
    /* Tracebacks name the function as CPython's co_name; co_firstlineno is
     * the first decorator's line when there is one. */
    int firstline = fd->decorators && fd->decorators->n ? fd->decorators->v[0]->pos.line : fd->pos.line;
    fd->code_info = code_info(e, fd->name, firstline);
    bool direct = fd->simple && !fd->has_closure;
    LLVMValueRef info_fields[] = {
        emit_cstring(e, fd->name, strlen(fd->name) + 1),
        emit_cstring(e, scope->qualname, strlen(scope->qualname) + 1),
        emit_i32(e, fd->nparams), emit_i32(e, a->posonlyargs.n), names_g, fd->entry, fd->code_info,
        emit_i32(e, fd->nkwonly), emit_i32(e, func_flags(e, fd) | (direct ? AI_FUNC_DIRECT : 0))};
    LLVMValueRef info = LLVMConstStructInContext(e->ctx, info_fields, 9, 0);
    if (direct) {
        /* ai_func_info_direct: the info, then the body and its arity + 1. */
        LLVMValueRef ext[] = {info, fd->fn, emit_i64(e, fd->nparams + 1)};
        info = LLVMConstStructInContext(e->ctx, ext, 3, 0);
    }
    fd->info = LLVMAddGlobal(e->m, LLVMTypeOf(info), "funcinfo");
    LLVMSetInitializer(fd->info, info);
    LLVMSetGlobalConstant(fd->info, 1);
    LLVMSetLinkage(fd->info, LLVMPrivateLinkage);
    return fd;
}

/* Give a declared def hidden globals holding its default values, so direct
 * calls can fill omitted arguments (the def statement stores them). */
void emit_default_globals(Emitter *e, FuncDef *fd) {
    fd->default_globals = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(fd->ndefaults + 1));
    for (int i = 0; i < fd->ndefaults; i++) {
        fd->default_globals[i] = LLVMAddGlobal(e->m, e->i64, "default");
        LLVMSetInitializer(fd->default_globals[i], emit_i64(e, 0));
        LLVMSetLinkage(fd->default_globals[i], LLVMInternalLinkage);
    }
}

/* A generator function's callable part: save the arguments (and the
 * closure) in a new generator; and the thunk that later unpacks them and
 * runs the body. */
static void emit_generator_starter(Emitter *e, FuncDef *fd) {
    LLVMBasicBlockRef saved = e->fn ? LLVMGetInsertBlock(e->b) : NULL;
    LLVMMetadataRef saved_loc = e->dib ? LLVMGetCurrentDebugLocation2(e->b) : NULL;
    debug_none(e);
    unsigned n = (unsigned)(fd->nslots + (fd->has_closure ? 1 : 0));
    LLVMPositionBuilderAtEnd(e->b, LLVMAppendBasicBlockInContext(e->ctx, fd->fn, "entry"));
    LLVMValueRef arr = LLVMBuildAlloca(e->b, LLVMArrayType2(e->i64, n ? n : 1), "slots");
    for (unsigned i = 0; i < n; i++)
        LLVMBuildStore(e->b, LLVMGetParam(fd->fn, i),
                       LLVMBuildGEP2(e->b, e->i64, arr, (LLVMValueRef[]){emit_i64(e, i)}, 1, ""));
    LLVMTypeRef ty;
    RtFn maker = !fd->is_async ? RT_ai_gen_new : fd->scope->is_generator ? RT_ai_asyncgen_new : RT_ai_coro_new;
    LLVMValueRef mk = rtabi_get(&e->abi, e->m, maker, &ty);
    LLVMBuildRet(e->b, LLVMBuildCall2(e->b, ty, mk, (LLVMValueRef[]){fd->info, fd->thunk, arr, emit_i64(e, n)}, 4, ""));

    LLVMPositionBuilderAtEnd(e->b, LLVMAppendBasicBlockInContext(e->ctx, fd->thunk, "entry"));
    LLVMValueRef *args = arena_alloc(e->arena, sizeof(LLVMValueRef) * (n + 1));
    for (unsigned i = 0; i < n; i++)
        args[i] = LLVMBuildLoad2(e->b, e->i64,
                                 LLVMBuildGEP2(e->b, e->i64, LLVMGetParam(fd->thunk, 0), (LLVMValueRef[]){emit_i64(e, i)}, 1, ""), "");
    LLVMBuildRet(e->b, LLVMBuildCall2(e->b, fd->body_type, fd->genbody, args, n, ""));
    if (saved) LLVMPositionBuilderAtEnd(e->b, saved);
    if (e->dib) LLVMSetCurrentDebugLocation2(e->b, saved_loc);
}

/* The body of fd into body_fn: its own, or (fret_out not NULL) its
 * float-return variant, whose `return` of a float tree returns AI_FRET
 * with the double stored through fret_out. */
static void emit_body_into(Emitter *e, FuncDef *fd, LLVMValueRef body_fn, LLVMValueRef fret_out) {
    Scope *scope = fd->scope;
    int first = fd->has_closure ? 1 : 0;
    FnState f;
    Resume r = begin_function(e, &f, scope, body_fn, NULL);
    f.def = fd;
    f.code_info = fd->code_info;
    f.class_global = fd->class_global;
    f.poly_self = fd->poly_self;
    f.fret_out = fret_out;
    f.cold = scope->run_once;       /* runonce.c: straight-line code runs once per call */
    if (first) f.closure = LLVMGetParam(body_fn, 0);
    for (int i = 0; i < fd->nslots; i++) {
        Symbol *sym = scope_lookup(scope, fd->params[i]->name);
        LLVMBuildStore(e->b, LLVMGetParam(body_fn, (unsigned)(i + first)), f.base.slots[sym->index]);
    }
    if (fd->body) emit_frame_owned(e, &f.base, fd->body);
    if (fd->body) emit_frame_floats(e, &f.base, fd->body);
    if (fd->body) emit_frame_ints(e, &f.base, fd);
    emit_prologue(e);
    e->fn->cur_line = fd->pos.line;
    emit_frame_cells(e, &f.base);
    if (fd->lambda_body) {
        LLVMBuildRet(e->b, emit_expr(e, fd->lambda_body));
        LLVMPositionBuilderAtEnd(e->b, emit_block(e, "dead"));
    } else if (fd->genexp) {
        emit_genexp_body(e, fd->genexp);
    } else {
        emit_stmts(e, fd->body);
    }
    if (scope->run_once && !f.had_loop) {
        /* nothing in it runs twice: no optimisation, the back end's fast
         * instruction selector (optnone needs noinline) */
        const char *attrs[] = {"noinline", "optnone"};
        for (int i = 0; i < 2; i++)
            LLVMAddAttributeAtIndex(body_fn, LLVMAttributeFunctionIndex,
                                    LLVMCreateEnumAttribute(e->ctx, LLVMGetEnumAttributeKindForName(attrs[i], strlen(attrs[i])), 0));
    }
    end_function(e, r);
}

void emit_define_function(Emitter *e, FuncDef *fd) {
    if (fd->defined) return;
    fd->defined = true;
    int first = fd->has_closure ? 1 : 0;
    if (fd->genbody) emit_generator_starter(e, fd);
    emit_body_into(e, fd, fd->genbody ? fd->genbody : fd->fn, NULL);
    if (fd->fret) emit_body_into(e, fd, fd->fret, LLVMGetParam(fd->fret, (unsigned)fd->nslots));

    /* Body of the generic entry (no frame of its own: binding errors are
     * reported at the caller's line, as CPython does). Fast path: exactly
     * nparams positional arguments and no keywords. */
    LLVMBasicBlockRef saved = e->fn ? LLVMGetInsertBlock(e->b) : NULL;
    LLVMMetadataRef saved_loc = e->dib ? LLVMGetCurrentDebugLocation2(e->b) : NULL;
    debug_none(e);
    LLVMValueRef entry = fd->entry;
    int n = fd->nslots;
    LLVMPositionBuilderAtEnd(e->b, LLVMAppendBasicBlockInContext(e->ctx, entry, "entry"));
    LLVMValueRef out = LLVMBuildAlloca(e->b, LLVMArrayType2(e->i64, (uint64_t)(n > 0 ? n : 1)), "bound");
    LLVMBasicBlockRef exact = LLVMAppendBasicBlockInContext(e->ctx, entry, "exact");
    LLVMBasicBlockRef bind = LLVMAppendBasicBlockInContext(e->ctx, entry, "bind");
    LLVMBasicBlockRef fail = LLVMAppendBasicBlockInContext(e->ctx, entry, "fail");
    LLVMBasicBlockRef call = LLVMAppendBasicBlockInContext(e->ctx, entry, "call");
    LLVMValueRef simple = LLVMBuildAnd(e->b,
        LLVMBuildICmp(e->b, LLVMIntEQ, LLVMGetParam(entry, 2), emit_i64(e, fd->simple ? n : -1), ""),
        LLVMBuildICmp(e->b, LLVMIntEQ, LLVMGetParam(entry, 3), emit_i64(e, 0), ""), "");
    LLVMBuildCondBr(e->b, simple, exact, bind);
    LLVMPositionBuilderAtEnd(e->b, exact);
    for (int i = 0; i < n; i++) {
        LLVMValueRef src = LLVMBuildGEP2(e->b, e->i64, LLVMGetParam(entry, 1), (LLVMValueRef[]){emit_i64(e, i)}, 1, "");
        LLVMValueRef dst = LLVMBuildGEP2(e->b, e->i64, out, (LLVMValueRef[]){emit_i64(e, i)}, 1, "");
        LLVMBuildStore(e->b, LLVMBuildLoad2(e->b, e->i64, src, ""), dst);
    }
    LLVMBuildBr(e->b, call);
    LLVMPositionBuilderAtEnd(e->b, bind);
    LLVMValueRef bargs[] = {LLVMGetParam(entry, 0), LLVMGetParam(entry, 1), LLVMGetParam(entry, 2),
                            LLVMGetParam(entry, 3), out};
    LLVMTypeRef bty;
    LLVMValueRef bindfn = rtabi_get(&e->abi, e->m, RT_ai_bind_args, &bty);
    LLVMValueRef rc = LLVMBuildCall2(e->b, bty, bindfn, bargs, 5, "rc");
    LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntSLT, rc, emit_i32(e, 0), ""), fail, call);
    LLVMPositionBuilderAtEnd(e->b, fail);
    LLVMBuildRet(e->b, emit_i64(e, 0));
    LLVMPositionBuilderAtEnd(e->b, call);
    LLVMValueRef *cargs = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(n + 2));
    if (first) {
        cargs[0] = emit_rt(e, RT_ai_function_closure, (LLVMValueRef[]){LLVMGetParam(entry, 0)}, 1);
    }
    for (int i = 0; i < n; i++) {
        LLVMValueRef p = LLVMBuildGEP2(e->b, e->i64, out, (LLVMValueRef[]){emit_i64(e, i)}, 1, "");
        cargs[i + first] = LLVMBuildLoad2(e->b, e->i64, p, "");
    }
    LLVMBuildRet(e->b, LLVMBuildCall2(e->b, fd->body_type, fd->fn, cargs, (unsigned)(n + first), ""));
    if (saved) LLVMPositionBuilderAtEnd(e->b, saved);
    if (e->dib) LLVMSetCurrentDebugLocation2(e->b, saved_loc);
}

/* The statement part of a def (or a lambda's value): emit the body if not
 * yet done, evaluate the defaults, build the closure and the function
 * object. */
LLVMValueRef emit_make_function(Emitter *e, FuncDef *fd, const ExprList *defs, SrcSpan pos) {
    emit_define_function(e, fd);
    LLVMValueRef tuple = emit_i64(e, 0);
    if (defs->n) {
        LLVMValueRef *vals = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)defs->n);
        for (int i = 0; i < defs->n; i++) {
            vals[i] = emit_expr(e, defs->v[i]);
            if (fd->default_globals) LLVMBuildStore(e->b, vals[i], fd->default_globals[i]);
        }
        tuple = emit_rt(e, RT_ai_tuple_pack, (LLVMValueRef[]){emit_value_array(e, vals, defs->n), emit_i64(e, defs->n)}, 2);
        emit_check(e, tuple, pos.line);
    }
    const ExprList *kwd = &fd->args->kw_defaults;
    LLVMValueRef kwtuple = NULL;
    for (int i = 0; i < kwd->n; i++) {
        if (!kwd->v[i]) continue;
        LLVMValueRef *vals = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)kwd->n);
        for (int j = 0; j < kwd->n; j++) vals[j] = kwd->v[j] ? emit_expr(e, kwd->v[j]) : emit_i64(e, 0);
        kwtuple = emit_rt(e, RT_ai_tuple_pack, (LLVMValueRef[]){emit_value_array(e, vals, kwd->n), emit_i64(e, kwd->n)}, 2);
        emit_check(e, kwtuple, pos.line);
        break;
    }
    LLVMValueRef ann = emit_function_annotations(e, fd);
    LLVMValueRef closure = emit_closure_for(e, fd->scope, pos);
    LLVMValueRef f = emit_rt(e, RT_ai_function_new, (LLVMValueRef[]){fd->info, tuple, closure}, 3);
    emit_check(e, f, pos.line);
    if (kwtuple) emit_rt(e, RT_ai_function_set_kwdefaults, (LLVMValueRef[]){f, kwtuple}, 2);
    if (ann)
        emit_check_i32(e, emit_rt(e, RT_ai_setattr, (LLVMValueRef[]){f, emit_const_str(e, "__annotations__", 15), ann}, 3),
                       pos.line);
    /* A docstring becomes __doc__. */
    const StmtList *body = fd->body;
    if (body && body->n && body->v[0]->kind == S_EXPR && body->v[0]->u.expr.value->kind == E_CONSTANT &&
        body->v[0]->u.expr.value->u.constant.kind == CONST_STR) {
        const Constant *c = &body->v[0]->u.expr.value->u.constant;
        emit_rt(e, RT_ai_function_set_doc, (LLVMValueRef[]){f, emit_const_str(e, c->str, c->len)}, 2);
    }
    return f;
}

/* Top-level defs that are never rebound are called directly: declare them
 * all before any code is emitted, so call order does not matter. */
static void predeclare_functions(Emitter *e) {
    for (int i = 0; i < e->mod->body.n; i++) {
        const Stmt *s = e->mod->body.v[i];
        if (s->kind != S_FUNCTIONDEF && s->kind != S_ASYNCFUNCTIONDEF) continue;
        int g = emit_global_index(e, s->u.funcdef.name);
        if (e->global_rebound[g]) continue;
        const Arguments *a = s->u.funcdef.args;
        if (a->kwonlyargs.n || a->vararg || a->kwarg) continue;   /* called through ai_call */
        if (s->u.funcdef.decorators.n) continue;                  /* the name holds the decorator's result */
        FuncDef *fd = emit_declare_function(e, s, FUNC_DEF);
        emit_default_globals(e, fd);
        e->global_func[g] = fd;
    }
}

/* ---- float-return variants ------------------------------------------------------ */

/* Before any body is emitted, names are resolved in the def's own scope
 * (the emitter's frames do not exist yet). */
typedef struct FloatScan {
    Emitter *e;
    Scope *scope;
} FloatScan;

static bool scan_is_local(void *ctx, const char *name) {
    const FloatScan *fs = ctx;
    Symbol *sym = scope_lookup(fs->scope, name);
    return sym && sym->kind == SYM_LOCAL;
}

static FuncDef *scan_called_def(const FloatScan *fs, const Expr *call) {
    const Expr *f = call->u.call.func;
    if (f->kind != E_NAME) return NULL;
    for (int i = 0; i < call->u.call.args.n; i++)
        if (call->u.call.args.v[i]->kind == E_STARRED) return NULL;
    for (int i = 0; i < call->u.call.keywords.n; i++)
        if (!call->u.call.keywords.v[i]->arg) return NULL;
    Symbol *sym = scope_lookup(fs->scope, f->u.name.id);
    if (sym && sym->kind != SYM_GLOBAL_IMPLICIT && sym->kind != SYM_GLOBAL_EXPLICIT) return NULL;
    int g = emit_global_index(fs->e, f->u.name.id);   /* may grow global_func */
    return fs->e->global_func[g];
}

static bool scan_is_float_call(void *ctx, const Expr *call) {
    FuncDef *fd = scan_called_def(ctx, call);
    return fd && fd->returns_float;
}

/* Can fd's body be emitted a second time as a variant? Plain defs only:
 * no generator, coroutine, closure, nested scope (a def, lambda, class or
 * comprehension inside would be made twice). */
static bool fret_candidate(const FuncDef *fd) {
    return fd->def && fd->def->kind == S_FUNCTIONDEF && fd->simple && !fd->has_closure && !fd->scope->is_generator &&
           !fd->scope->has_cells && fd->scope->nchildren == 0;
}

void emit_float_functions(Emitter *e) {
    /* Fixpoint: a def returning a call of another float def is one too. */
    for (bool changed = true; changed;) {
        changed = false;
        for (int g = 0; g < e->nglobals; g++) {
            FuncDef *fd = e->global_func[g];
            if (!fd || fd->returns_float || !fret_candidate(fd)) continue;
            FloatScan fs = {e, fd->scope};
            InferEnv env = {scan_is_local, scan_is_float_call, &fs};
            if (infer_returns_float(e->arena, fd->body, &env)) fd->returns_float = changed = true;
        }
    }
    for (int g = 0; g < e->nglobals; g++) {
        FuncDef *fd = e->global_func[g];
        if (!fd || !fd->returns_float) continue;
        LLVMTypeRef *ptys = arena_alloc(e->arena, sizeof(LLVMTypeRef) * (size_t)(fd->nslots + 2));
        for (int i = 0; i < fd->nslots; i++) ptys[i] = e->i64;
        ptys[fd->nslots] = e->ptr;
        fd->fret_type = LLVMFunctionType(e->i64, ptys, (unsigned)(fd->nslots + 1), 0);
        fd->fret = LLVMAddFunction(e->m, arena_printf(e->arena, "%s$f", emit_symbol(e, fd->scope->qualname)),
                                   fd->fret_type);
        LLVMSetLinkage(fd->fret, LLVMInternalLinkage);
    }
}

/* ---- one module ------------------------------------------------------------------ */

/* The special globals CPython gives every module, set at the start of
 * its body: __name__, __doc__, __file__, __package__, __builtins__, and
 * __path__ for a package. Marked bound before any code is emitted, so
 * reads of them are plain global loads. */
static const char *const module_dunders[] = {"__name__", "__doc__", "__file__", "__package__", "__builtins__",
                                             "__path__"};

static void mark_module_dunders(Emitter *e) {
    int n = e->unit->is_package ? 6 : 5;
    for (int i = 0; i < n; i++) {
        int g = emit_global_index(e, module_dunders[i]);
        e->global_assigned[g] = true;
        e->global_rebound[g] = true;
    }
}

static LLVMValueRef str_or_none(Emitter *e, const char *s) {
    return s ? emit_const_str(e, s, strlen(s)) : singleton(e, "ai_none_object");
}

static void store_module_dunders(Emitter *e) {
    const Unit *u = e->unit;
    const StmtList *body = &u->ast->body;
    const char *doc = NULL;
    size_t doclen = 0;
    if (body->n && body->v[0]->kind == S_EXPR && body->v[0]->u.expr.value->kind == E_CONSTANT &&
        body->v[0]->u.expr.value->u.constant.kind == CONST_STR) {
        doc = body->v[0]->u.expr.value->u.constant.str;
        doclen = body->v[0]->u.expr.value->u.constant.len;
    }
    LLVMValueRef vals[6];
    vals[0] = str_or_none(e, u->name);
    vals[1] = doc ? emit_const_str(e, doc, doclen) : singleton(e, "ai_none_object");
    vals[2] = str_or_none(e, u->file);
    vals[3] = str_or_none(e, u->package);
    vals[4] = emit_rt(e, RT_ai_import, (LLVMValueRef[]){emit_cstring(e, "builtins", 9)}, 1);
    emit_check(e, vals[4], 1);
    if (strcmp(u->name, "__main__") != 0) {
        /* CPython gives imported modules the builtins module's dict. */
        vals[4] = emit_rt(e, RT_ai_getattr, (LLVMValueRef[]){vals[4], emit_const_str(e, "__dict__", 8)}, 2);
        emit_check(e, vals[4], 1);
    }
    int n = 5;
    if (u->is_package) {
        LLVMValueRef dir = str_or_none(e, u->pkgdir);
        vals[n] = emit_rt(e, RT_ai_list_new, (LLVMValueRef[]){emit_value_array(e, &dir, 1), emit_i64(e, 1)}, 2);
        emit_check(e, vals[n], 1);
        n++;
    }
    for (int i = 0; i < n; i++) {
        if (e->live_ns)
            emit_check_i32(e, emit_rt(e, RT_ai_ns_store, (LLVMValueRef[]){e->unit_infos[u->index],
                               emit_const_str(e, module_dunders[i], strlen(module_dunders[i])), vals[i]}, 3), 1);
        else
            LLVMBuildStore(e->b, vals[i], emit_global_slot(e, emit_global_index(e, module_dunders[i])));
    }
}

/* The LLVM name of a symbol of this module: the module's name first
 * ("helper.f", "pkg.sub.C.m"), except in __main__, whose symbols keep
 * their Python names. */
/* The prefix of a module's symbols: its name, except that LLVM reserves
 * names starting with "llvm." (a module named llvm gets "_llvm"). */
static const char *symbol_base(Arena *a, const char *modname) {
    if (strncmp(modname, "llvm", 4) == 0 && (modname[4] == '.' || modname[4] == '\0'))
        return arena_printf(a, "_%s", modname);
    return modname;
}

const char *emit_symbol(Emitter *e, const char *name) {
    if (!e->unit || strcmp(e->unit->name, "__main__") == 0) return name;
    return arena_printf(e->arena, "%s.%s", symbol_base(e->arena, e->unit->name), name);
}

/* <name>$consts() { return ai_consts_init(@<name>.consts.table, N); }:
 * each module has its own table (its constants are made when it is
 * first imported). */
static void emit_consts_fn(Emitter *e, const char *name) {
    LLVMValueRef table = LLVMConstNull(e->ptr);
    if (e->nconsts) {
        LLVMValueRef init = LLVMConstArray2(e->const_rec_type, e->const_recs, (uint64_t)e->nconsts);
        table = LLVMAddGlobal(e->m, LLVMTypeOf(init), arena_printf(e->arena, "%s.consts.table", name));
        LLVMSetInitializer(table, init);
        LLVMSetGlobalConstant(table, 1);
        LLVMSetLinkage(table, LLVMPrivateLinkage);
    }
    LLVMPositionBuilderAtEnd(e->b, LLVMAppendBasicBlockInContext(e->ctx, e->consts_fn, "entry"));
    LLVMBuildRet(e->b, emit_rt(e, RT_ai_consts_init, (LLVMValueRef[]){table, emit_i64(e, e->nconsts)}, 2));
}

/* A module's top-level code, in chunks: a new function `<name>$body.chunk`
 * begins at the first top-level statement after the current one has made
 * MODULE_CHUNK_BLOCKS basic blocks, and `<name>$body` calls them in
 * turn (each module of the program is chunked so). A long module (generated tables, 100,000 assignments) then makes
 * many functions of bounded size instead of one huge one, on which LLVM's
 * per-function passes are super-linear (register allocation and
 * coalescing, the constant-pool search of instruction selection, the phi
 * of the unwind block). Splitting between top-level statements is
 * invisible: module names are globals, not locals; each chunk adds the
 * `<module>` traceback entry itself, and the caller only passes a
 * failure on. Chunks are `noinline` (the inliner would merge them back:
 * each has one call site), and a chunk without loops is also `optnone`:
 * straight-line code that runs once is not worth optimising, and LLVM
 * compiles such a function as at -O0. The first chunk begins with the
 * module's dunders and its __annotations__. */
enum { MODULE_CHUNK_BLOCKS = 400 };

static LLVMValueRef emit_module_body(Emitter *e, const char *name, const StmtList *stmts) {
    LLVMTypeRef fty = LLVMFunctionType(e->i64, NULL, 0, 0);
    LLVMValueRef body = LLVMAddFunction(e->m, arena_printf(e->arena, "%s$body", name), fty);
    const char *chunk_name = arena_printf(e->arena, "%s$body.chunk", name);
    LLVMSetLinkage(body, LLVMInternalLinkage);
    int chunk_limit = MODULE_CHUNK_BLOCKS;
    const char *env = getenv("AITHON_CHUNK_BLOCKS");   /* tests: tiny chunks */
    if (env && atoi(env) > 0) chunk_limit = atoi(env);
    LLVMValueRef *chunks = NULL;
    int nchunks = 0, cap = 0;
    LLVMAttributeRef noinline =
        LLVMCreateEnumAttribute(e->ctx, LLVMGetEnumAttributeKindForName("noinline", 8), 0);
    LLVMAttributeRef optnone =
        LLVMCreateEnumAttribute(e->ctx, LLVMGetEnumAttributeKindForName("optnone", 7), 0);
    int i = 0;
    do {
        LLVMValueRef fn = LLVMAddFunction(e->m, chunk_name, fty);
        LLVMSetLinkage(fn, LLVMInternalLinkage);
        LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, noinline);
        chunks = arena_grow(e->arena, chunks, &cap, nchunks + 1, sizeof(LLVMValueRef));
        chunks[nchunks++] = fn;
        FnState f;
        Resume r = begin_function(e, &f, e->modscope, fn, "<module>");
        f.cold = true;
        int start = e->nblocks;
        if (nchunks == 1) {
            store_module_dunders(e);
            emit_setup_annotations(e, stmts, 1);
        }
        while (i < stmts->n) {
            emit_stmts(e, &(StmtList){1, &stmts->v[i++]});
            if (e->nblocks - start >= chunk_limit) break;
        }
        if (!f.had_loop) LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, optnone);
        end_function(e, r);
    } while (i < stmts->n);
    /* <name>$body: call the chunks; a failure has its traceback entry. */
    LLVMPositionBuilderAtEnd(e->b, LLVMAppendBasicBlockInContext(e->ctx, body, "entry"));
    LLVMValueRef v = NULL;
    for (int k = 0; k < nchunks; k++) {
        v = LLVMBuildCall2(e->b, fty, chunks[k], NULL, 0, "");
        if (k == nchunks - 1) break;
        LLVMBasicBlockRef fail = LLVMAppendBasicBlockInContext(e->ctx, body, "fail");
        LLVMBasicBlockRef next = LLVMAppendBasicBlockInContext(e->ctx, body, "next");
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, v, emit_i64(e, 0), ""), fail, next);
        LLVMPositionBuilderAtEnd(e->b, fail);
        LLVMBuildRet(e->b, emit_i64(e, 0));
        LLVMPositionBuilderAtEnd(e->b, next);
    }
    LLVMBuildRet(e->b, v);
    return body;
}

/* Emit one module: its constants, globals, functions, body and its
 * ai_module_info (e->unit_infos[index], made by emit_program). */
static void emit_unit(Emitter *e) {
    const Unit *u = e->unit;
    const Module *m = u->ast;
    const char *name = symbol_base(e->arena, u->name);   /* of symbols; u->name is the module's */
    e->mod = m;
    e->scopes = u->scopes;
    /* A stdlib module whose first lines say `# aithon: native` stands for
     * a module CPython writes in C: like CPython's, its functions add no
     * frames to tracebacks (the caller's line is where the error shows). */
    if (u->from_stdlib && m->source) {
        size_t n = m->source_len < 2048 ? m->source_len : 2048;
        const char *tag = "# aithon: native";
        for (size_t i = 0; i + strlen(tag) <= n; i++)
            if (memcmp(m->source + i, tag, strlen(tag)) == 0) {
                e->hide_frames = true;
                break;
            }
    }
    e->modscope = scope_module(u->scopes);
    diag_set_source(m->filename, m->source, m->source_len);
    if (e->dib) {
        const char *path = u->tb_name ? u->tb_name : m->filename, *slash = strrchr(path, '/');
        const char *base = slash ? slash + 1 : path;
        const char *dir = slash ? arena_strndup(e->arena, path, (size_t)(slash - path)) : ".";
        e->di_file = LLVMDIBuilderCreateFile(e->dib, base, strlen(base), dir, strlen(dir));
    }
    const char *tb = u->tb_name ? u->tb_name : m->filename;
    e->filename_str = emit_cstring(e, tb, strlen(tb) + 1);
    e->modname_str = emit_cstring(e, u->name, strlen(u->name) + 1);
    e->source_str = emit_cstring(e, m->source, m->source_len + 1);
    e->src = m->source;
    e->src_len = m->source_len;
    /* Placeholder for the positions table; its size is known at the end. */
    e->positions = LLVMAddGlobal(e->m, e->i32, arena_printf(e->arena, "%s.positions.tmp", name));
    /* Placeholder for the globals array; its size is known at the end. */
    e->globals = LLVMAddGlobal(e->m, e->i64, arena_printf(e->arena, "%s.globals.tmp", name));
    find_rebound(e, e->modscope);
    mark_module_dunders(e);
    e->live_ns = e->modscope->ns_live;
    /* A live namespace can rebind any def through globals(): no direct calls. */
    for (int i = 0; e->live_ns && i < e->nglobals; i++) e->global_rebound[i] = true;

    /* $consts: one call that makes the constants from the table of
     * records collected while emitting (core/consts.c). */
    e->consts_fn = LLVMAddFunction(e->m, arena_printf(e->arena, "%s$consts", name), LLVMFunctionType(e->i64, NULL, 0, 0));
    LLVMSetLinkage(e->consts_fn, LLVMInternalLinkage);

    /* The module body. */
    predeclare_functions(e);
    emit_float_functions(e);
    for (int i = 0; i < m->body.n; i++) {
        const Stmt *s = m->body.v[i];
        if (s->kind != S_IMPORTFROM || s->u.importfrom.level != 0 || !s->u.importfrom.module ||
            strcmp(s->u.importfrom.module, "__future__") != 0)
            continue;
        for (int j = 0; j < s->u.importfrom.names.n; j++)
            if (strcmp(s->u.importfrom.names.v[j]->name, "annotations") == 0) e->future_annotations = true;
    }
    LLVMValueRef body = emit_module_body(e, name, &m->body);
    emit_consts_fn(e, name);

    /* The real globals array and the module's record. */
    LLVMTypeRef arr_t = LLVMArrayType2(e->i64, (uint64_t)(e->nglobals ? e->nglobals : 1));
    LLVMValueRef globals = LLVMAddGlobal(e->m, arr_t, arena_printf(e->arena, "%s.globals", name));
    LLVMSetInitializer(globals, LLVMConstNull(arr_t));
    LLVMSetLinkage(globals, LLVMInternalLinkage);
    LLVMReplaceAllUsesWith(e->globals, globals);
    LLVMDeleteGlobal(e->globals);
    e->globals = globals;
    /* The positions table (the spans reported by failures). */
    {
        /* raw int32 words as one data blob (the compiler's byte order is
         * the target's): no LLVM value per word, for big modules */
        size_t nw = (size_t)(e->npos ? e->npos : 1) * AI_POS_WORDS;
        int32_t *words = e->npos ? e->pos_v : arena_alloc(e->arena, sizeof(int32_t) * nw);
        if (!e->npos) memset(words, 0, sizeof(int32_t) * nw);
        LLVMValueRef arr = LLVMConstStringInContext2(e->ctx, (const char *)words, nw * sizeof(int32_t), 1);
        LLVMValueRef pg = LLVMAddGlobal(e->m, LLVMTypeOf(arr), arena_printf(e->arena, "%s.positions", name));
        LLVMSetInitializer(pg, arr);
        LLVMSetAlignment(pg, 4);
        LLVMSetGlobalConstant(pg, 1);
        LLVMSetLinkage(pg, LLVMPrivateLinkage);
        LLVMReplaceAllUsesWith(e->positions, pg);
        LLVMDeleteGlobal(e->positions);
        e->positions = pg;
    }
    LLVMValueRef *gnames = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(e->nglobals + 1));
    for (int i = 0; i < e->nglobals; i++)
        gnames[i] = emit_cstring(e, e->global_names[i], strlen(e->global_names[i]) + 1);
    LLVMValueRef gn_arr = LLVMConstArray2(e->ptr, gnames, (uint64_t)e->nglobals);
    LLVMValueRef gn = LLVMAddGlobal(e->m, LLVMTypeOf(gn_arr), arena_printf(e->arena, "%s.global_names", name));
    LLVMSetInitializer(gn, gn_arr);
    LLVMSetGlobalConstant(gn, 1);
    LLVMSetLinkage(gn, LLVMPrivateLinkage);
    /* ai_module_info { name, globals, nglobals, global_names, file, consts,
     * body, parent, flags, module, state } */
    LLVMValueRef nul = LLVMConstNull(e->ptr);
    LLVMValueRef mi_fields[] = {
        emit_cstring(e, u->name, strlen(u->name) + 1), globals, emit_i64(e, e->nglobals), gn,
        u->file ? emit_cstring(e, u->file, strlen(u->file) + 1) : nul, e->consts_fn, body,
        u->parent ? e->unit_infos[u->parent->index] : nul, emit_i64(e, (u->is_package ? AI_MODINFO_PACKAGE : 0) | (e->live_ns ? AI_MODINFO_LIVE_NS : 0)),
        emit_i64(e, 0), emit_i64(e, 0)};
    LLVMValueRef info = e->unit_infos[u->index];
    LLVMSetInitializer(info, LLVMConstNamedStruct(e->modinfo_t, mi_fields, 11));
}

/* ---- the program ---------------------------------------------------------------- */

LLVMModuleRef emit_program(Arena *a, LLVMContextRef ctx, const Program *prog, const EmitOptions *opt) {
    return emit_units(a, ctx, prog, opt, NULL, true);
}

LLVMModuleRef emit_units(Arena *a, LLVMContextRef ctx, const Program *prog, const EmitOptions *opt,
                         const bool *which, bool with_main) {
    Emitter em = {0}, *e = &em;
    e->arena = a;
    e->prog = prog;
    e->opt = opt;
    e->ctx = ctx;
    const Module *mainm = prog->main->ast;
    if (!with_main)
        for (int i = 0; i < prog->nunits; i++)
            if (which && which[i] && prog->units[i]->ast) {
                mainm = prog->units[i]->ast;
                break;
            }
    e->m = LLVMModuleCreateWithNameInContext(mainm->filename, ctx);
    e->b = LLVMCreateBuilderInContext(ctx);
    e->i1 = LLVMInt1TypeInContext(ctx);
    e->i8 = LLVMInt8TypeInContext(ctx);
    e->i32 = LLVMInt32TypeInContext(ctx);
    e->i64 = LLVMInt64TypeInContext(ctx);
    e->f64 = LLVMDoubleTypeInContext(ctx);
    e->ptr = LLVMPointerTypeInContext(ctx, 0);
    e->voidt = LLVMVoidTypeInContext(ctx);
    e->prof_kind = LLVMGetMDKindIDInContext(ctx, "prof", 4);
    LLVMMetadataRef w[] = {
        LLVMMDStringInContext2(ctx, "branch_weights", 14),
        LLVMValueAsMetadata(emit_i32(e, 1)),
        LLVMValueAsMetadata(emit_i32(e, 2000)),
    };
    e->unlikely_md = LLVMMetadataAsValue(ctx, LLVMMDNodeInContext2(ctx, w, 3));
    LLVMMetadataRef wl[] = {w[0], w[2], w[1]};
    e->likely_md = LLVMMetadataAsValue(ctx, LLVMMDNodeInContext2(ctx, wl, 3));
    /* The stack pointer, read without forcing a frame pointer (which
     * llvm.frameaddress would): llvm.read_register of "rsp"/"sp". */
    e->frameaddr_fn = LLVMAddFunction(e->m, "llvm.read_register.i64",
                                      LLVMFunctionType(e->i64, (LLVMTypeRef[]){LLVMMetadataTypeInContext(ctx)}, 1, 0));
    {
        char *triple = LLVMGetDefaultTargetTriple();
        const char *sp = strncmp(triple, "aarch64", 7) == 0 ? "sp" : "rsp";
        LLVMDisposeMessage(triple);
        LLVMMetadataRef name = LLVMMDStringInContext2(ctx, sp, strlen(sp));
        e->sp_reg_md = LLVMMetadataAsValue(ctx, LLVMMDNodeInContext2(ctx, &name, 1));
    }
    if (opt->debug_info) debug_init(e, mainm);

    /* Every module's ai_module_info first: modules refer to each other's
     * (imports, a submodule's parent) in any order. When only some units
     * are emitted here (which != NULL), the others' are declarations,
     * defined in another object file, and these ones are exported. */
    LLVMTypeRef mt = LLVMGetTypeByName2(ctx, "ai_module_info");
    if (!mt) {
        mt = LLVMStructCreateNamed(ctx, "ai_module_info");
        LLVMTypeRef fields[] = {e->ptr, e->ptr, e->i64, e->ptr, e->ptr, e->ptr, e->ptr, e->ptr, e->i64, e->i64, e->i64};
        LLVMStructSetBody(mt, fields, 11, 0);
    }
    e->modinfo_t = mt;
    LLVMTypeRef rt = LLVMGetTypeByName2(ctx, "ai_const_rec");
    if (!rt) {
        rt = LLVMStructCreateNamed(ctx, "ai_const_rec");
        LLVMStructSetBody(rt, (LLVMTypeRef[]){e->i64, e->ptr, e->i64, e->ptr}, 4, 0);
    }
    e->const_rec_type = rt;
    e->unit_infos = arena_alloc(a, sizeof(LLVMValueRef) * (size_t)(prog->nunits + 1));
    for (int i = 0; i < prog->nunits; i++) {
        const Unit *u = prog->units[i];
        if (u->kind != UNIT_SOURCE) continue;
        e->unit_infos[i] = LLVMAddGlobal(e->m, mt, arena_printf(a, "%s.module", symbol_base(a, u->name)));
        LLVMSetLinkage(e->unit_infos[i], which ? LLVMExternalLinkage : LLVMInternalLinkage);
    }
    for (int i = 0; i < prog->nunits; i++) {
        const Unit *u = prog->units[i];
        if (u->kind != UNIT_SOURCE || (which && !which[i])) continue;
        Emitter ue = *e;        /* the program's settings; the module's own state starts empty */
        ue.unit = u;
        emit_unit(&ue);
        e->abi = ue.abi;
    }

    /* aithon_program_main: import __main__. */
    if (with_main) {
        debug_none(e);
        LLVMValueRef pm = LLVMAddFunction(e->m, "aithon_program_main", LLVMFunctionType(e->i64, NULL, 0, 0));
        LLVMPositionBuilderAtEnd(e->b, LLVMAppendBasicBlockInContext(ctx, pm, "entry"));
        LLVMTypeRef imty;
        LLVMValueRef im = rtabi_get(&e->abi, e->m, RT_ai_module_import, &imty);
        LLVMBuildRet(e->b, LLVMBuildCall2(e->b, imty, im, (LLVMValueRef[]){e->unit_infos[prog->main->index]}, 1, ""));
    }
    LLVMDisposeBuilder(e->b);
    if (e->dib) {
        LLVMDIBuilderFinalize(e->dib);
        LLVMDisposeDIBuilder(e->dib);
    }

    if (diag_error_count()) {
        LLVMDisposeModule(e->m);
        return NULL;
    }
    return e->m;
}
