/*
 * emit_match.c — the match statement (PEP 634), as CPython 3.11 compiles
 * it.
 *
 * Input: an S_MATCH statement whose patterns parse_pattern.c has checked
 * (no unreachable case, alternatives bind the same names, no name bound
 * twice). Output: IR that evaluates the subject once, then tries each
 * case in order: the pattern's tests, on success the captured names
 * stored, then the guard, then the body; a failed test, or a false
 * guard, goes on to the next case.
 *
 * A pattern is emitted by pattern(): code that falls through when the
 * value matches and branches to `fail` when it does not; exceptions go
 * to the unwind block as everywhere (traceback line: the pattern's).
 * The tests are CPython's instructions, in CPython's order, so the same
 * user code runs (__eq__, __len__, __iter__, __getitem__, `get`,
 * __instancecheck__, attribute getters):
 *   value       subject == value (ai_compare_bool; small ints inline)
 *   singleton   subject is None/True/False
 *   sequence    ai_match_kind; len(subject) == n (>= n-1 with a star);
 *               then the items: by iteration (ai_unpack / ai_unpack_ex),
 *               or, when the star is `*_`, by index (subject[i],
 *               subject[len - k]) for the non-wildcard items only
 *   mapping     ai_match_kind; len >= number of keys; the keys evaluated,
 *               their values looked up (ai_match_keys); `**rest` last
 *   class       ai_match_class fetches every attribute first, then the
 *               sub-patterns run (wildcards skipped)
 *   or          each alternative in turn
 *
 * Invariants
 *  - Captured values go to per-case temporaries and are stored in the
 *    real variables only when the whole pattern matched (CPython 3.11
 *    keeps them on its stack): a failed pattern binds nothing, a failed
 *    guard leaves its pattern's names bound. Stores happen in the order
 *    CPython's are made (the first alternative's order for an OR).
 *  - The subject, and every intermediate value, stays in SSA values and
 *    allocas: the collector scans the stack conservatively.
 */
#include <string.h>

#include "aithon_rt.h"
#include "emit_internal.h"

/* The names a case captures and the temporaries holding their values. */
typedef struct {
    const char **names;
    LLVMValueRef *slots;
    int n, cap;
} Caps;

static void capture(Emitter *e, Caps *c, const char *name, LLVMValueRef v) {
    if (!name) return;
    for (int i = 0; i < c->n; i++)
        if (strcmp(c->names[i], name) == 0) {
            LLVMBuildStore(e->b, v, c->slots[i]);
            return;
        }
    int cap = c->cap;
    c->names = arena_grow(e->arena, c->names, &cap, c->n + 1, sizeof *c->names);
    c->slots = arena_grow(e->arena, c->slots, &c->cap, c->n + 1, sizeof *c->slots);
    c->names[c->n] = name;
    c->slots[c->n] = emit_alloca(e, e->i64, "cap");
    LLVMBuildStore(e->b, v, c->slots[c->n++]);
}

static bool is_wildcard(const Pattern *p) { return p->kind == P_AS && !p->u.as.pattern && !p->u.as.name; }

/* Go on when `ok` (i1) holds, else to fail. */
static void require(Emitter *e, LLVMValueRef ok, LLVMBasicBlockRef fail) {
    LLVMBasicBlockRef next = emit_block(e, "pat.ok");
    LLVMBuildCondBr(e->b, ok, next, fail);
    LLVMPositionBuilderAtEnd(e->b, next);
}

/* An i32 result: < 0 raises; 0 fails; > 0 goes on. */
static void require_i32(Emitter *e, LLVMValueRef rc, int line, LLVMBasicBlockRef fail) {
    emit_check_i32(e, rc, line);
    require(e, LLVMBuildICmp(e->b, LLVMIntNE, rc, emit_i32(e, 0), ""), fail);
}

/* len(subject) as an i64 (raises through the unwind block). */
static LLVMValueRef subject_len(Emitter *e, LLVMValueRef subj, int line) {
    LLVMValueRef n = emit_rt(e, RT_ai_match_len, &subj, 1);
    LLVMBasicBlockRef err = emit_block(e, "len.err"), ok = emit_block(e, "len.ok");
    emit_br_unlikely(e, LLVMBuildICmp(e->b, LLVMIntSLT, n, emit_i64(e, 0), ""), err, ok);
    LLVMPositionBuilderAtEnd(e->b, err);
    emit_goto_unwind(e, line);
    if (emit_block_open(e)) LLVMBuildUnreachable(e->b);
    LLVMPositionBuilderAtEnd(e->b, ok);
    return n;
}

static LLVMValueRef elem(Emitter *e, LLVMValueRef arr, int i) {
    return LLVMBuildLoad2(e->b, e->i64, LLVMBuildGEP2(e->b, e->i64, arr, (LLVMValueRef[]){emit_i64(e, i)}, 1, ""), "");
}

static void pattern(Emitter *e, Caps *c, const Pattern *p, LLVMValueRef subj, LLVMBasicBlockRef fail);

static bool small_int_const(const Expr *x, int64_t *out) {
    bool neg = false;
    if (x->kind == E_UNARYOP && x->u.unaryop.op == UOP_USUB) {
        neg = true;
        x = x->u.unaryop.operand;
    }
    if (x->kind != E_CONSTANT || x->u.constant.kind != CONST_INT || x->u.constant.big) return false;
    int64_t v = neg ? -x->u.constant.ival : x->u.constant.ival;
    if (v < -((int64_t)1 << 61) || v > ((int64_t)1 << 61)) return false;
    *out = v;
    return true;
}

static void value_pattern(Emitter *e, const Pattern *p, LLVMValueRef subj, LLVMBasicBlockRef fail) {
    int line = p->pos.line;
    int64_t k;
    LLVMBasicBlockRef slow = NULL, done = NULL;
    if (small_int_const(p->u.value.value, &k)) {
        /* A small int literal: a tagged subject equals it exactly when the
         * words are equal; anything else asks the runtime. */
        LLVMValueRef tagged = emit_i64(e, (int64_t)(((uint64_t)k << 1) | 1));
        slow = emit_block(e, "val.slow");
        done = emit_block(e, "val.done");
        LLVMBasicBlockRef fast = emit_block(e, "val.fast");
        LLVMValueRef is_small = LLVMBuildICmp(e->b, LLVMIntNE, LLVMBuildAnd(e->b, subj, emit_i64(e, 1), ""),
                                              emit_i64(e, 0), "");
        LLVMBuildCondBr(e->b, is_small, fast, slow);
        LLVMPositionBuilderAtEnd(e->b, fast);
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, subj, tagged, ""), done, fail);
        LLVMPositionBuilderAtEnd(e->b, slow);
    }
    LLVMValueRef v = emit_expr(e, p->u.value.value);
    LLVMValueRef rc = emit_rt(e, RT_ai_compare_bool, (LLVMValueRef[]){subj, v, emit_i32(e, AI_CMP_EQ)}, 3);
    require_i32(e, rc, line, fail);
    if (done) {
        LLVMBuildBr(e->b, done);
        LLVMPositionBuilderAtEnd(e->b, done);
    }
}

static void sequence_pattern(Emitter *e, Caps *c, const Pattern *p, LLVMValueRef subj, LLVMBasicBlockRef fail) {
    int line = p->pos.line;
    const PatternList *l = &p->u.sequence.patterns;
    int n = l->n, star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < n; i++) {
        if (l->v[i]->kind == P_STAR) {
            star = i;
            star_wildcard = !l->v[i]->u.star.name;
            only_wildcard &= star_wildcard;
        } else {
            only_wildcard &= is_wildcard(l->v[i]);
        }
    }
    LLVMValueRef kind = emit_rt(e, RT_ai_match_kind, &subj, 1);
    require(e, LLVMBuildICmp(e->b, LLVMIntEQ, kind, emit_i32(e, 1), ""), fail);
    LLVMValueRef len = NULL;
    if (star < 0) {
        len = subject_len(e, subj, line);
        require(e, LLVMBuildICmp(e->b, LLVMIntEQ, len, emit_i64(e, n), ""), fail);
    } else if (n - 1 > 0) {
        len = subject_len(e, subj, line);
        require(e, LLVMBuildICmp(e->b, LLVMIntSGE, len, emit_i64(e, n - 1), ""), fail);
    }
    if (only_wildcard) return;
    if (star_wildcard) {
        /* [a, *_, b]: subject[0], subject[len - 1]; wildcards not read. */
        for (int i = 0; i < n; i++) {
            if (i == star || is_wildcard(l->v[i])) continue;
            LLVMValueRef idx = i < star ? emit_i64(e, i) : LLVMBuildSub(e->b, len, emit_i64(e, n - i), "");
            LLVMValueRef item = emit_rt(e, RT_ai_getitem, (LLVMValueRef[]){subj, emit_box_i64(e, idx)}, 2);
            emit_check(e, item, line);
            pattern(e, c, l->v[i], item, fail);
        }
        return;
    }
    LLVMValueRef out = emit_alloca(e, LLVMArrayType2(e->i64, (uint64_t)(n ? n : 1)), "seq");
    LLVMValueRef rc = star < 0
        ? emit_rt(e, RT_ai_unpack, (LLVMValueRef[]){subj, emit_i64(e, n), out}, 3)
        : emit_rt(e, RT_ai_unpack_ex, (LLVMValueRef[]){subj, emit_i64(e, star), emit_i64(e, n - star - 1), out}, 4);
    emit_check_i32(e, rc, line);
    LLVMValueRef *items = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) items[i] = elem(e, out, i);
    for (int i = 0; i < n; i++) {
        if (i == star) capture(e, c, l->v[i]->u.star.name, items[i]);
        else pattern(e, c, l->v[i], items[i], fail);
    }
}

static void mapping_pattern(Emitter *e, Caps *c, const Pattern *p, LLVMValueRef subj, LLVMBasicBlockRef fail) {
    int line = p->pos.line;
    const ExprList *keys = &p->u.mapping.keys;
    int n = keys->n;
    LLVMValueRef kind = emit_rt(e, RT_ai_match_kind, &subj, 1);
    require(e, LLVMBuildICmp(e->b, LLVMIntEQ, kind, emit_i32(e, 2), ""), fail);
    if (!n && !p->u.mapping.rest) return;
    if (n) {
        LLVMValueRef len = subject_len(e, subj, line);
        require(e, LLVMBuildICmp(e->b, LLVMIntSGE, len, emit_i64(e, n), ""), fail);
    }
    LLVMValueRef *kv = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) kv[i] = emit_expr(e, keys->v[i]);
    LLVMValueRef karr = emit_value_array(e, kv, n);
    if (n) {
        LLVMValueRef out = emit_alloca(e, LLVMArrayType2(e->i64, (uint64_t)n), "vals");
        LLVMValueRef rc = emit_rt(e, RT_ai_match_keys, (LLVMValueRef[]){subj, karr, emit_i64(e, n), out}, 4);
        require_i32(e, rc, line, fail);
        LLVMValueRef *vals = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)n);
        for (int i = 0; i < n; i++) vals[i] = elem(e, out, i);
        for (int i = 0; i < n; i++) pattern(e, c, p->u.mapping.patterns.v[i], vals[i], fail);
    }
    if (p->u.mapping.rest) {
        LLVMValueRef rest = emit_rt(e, RT_ai_match_rest, (LLVMValueRef[]){subj, karr, emit_i64(e, n)}, 3);
        emit_check(e, rest, line);
        capture(e, c, p->u.mapping.rest, rest);
    }
}

static void class_pattern(Emitter *e, Caps *c, const Pattern *p, LLVMValueRef subj, LLVMBasicBlockRef fail) {
    int line = p->pos.line;
    int nargs = p->u.cls.patterns.n, nkw = p->u.cls.kwd_attrs.n, n = nargs + nkw;
    LLVMValueRef cls = emit_expr(e, p->u.cls.cls);
    LLVMValueRef *names = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(nkw ? nkw : 1));
    for (int i = 0; i < nkw; i++)
        names[i] = emit_const_str(e, p->u.cls.kwd_attrs.v[i], strlen(p->u.cls.kwd_attrs.v[i]));
    LLVMValueRef karr = emit_value_array(e, names, nkw);
    LLVMValueRef out = emit_alloca(e, LLVMArrayType2(e->i64, (uint64_t)(n ? n : 1)), "attrs");
    LLVMValueRef rc = emit_rt(e, RT_ai_match_class,
                              (LLVMValueRef[]){subj, cls, emit_i64(e, nargs), karr, emit_i64(e, nkw), out}, 6);
    require_i32(e, rc, line, fail);
    LLVMValueRef *attrs = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) attrs[i] = elem(e, out, i);
    for (int i = 0; i < n; i++) {
        const Pattern *q = i < nargs ? p->u.cls.patterns.v[i] : p->u.cls.kwd_patterns.v[i - nargs];
        if (!is_wildcard(q)) pattern(e, c, q, attrs[i], fail);
    }
}

static void pattern_node(Emitter *e, Caps *c, const Pattern *p, LLVMValueRef subj, LLVMBasicBlockRef fail);

/* A failure while matching p reports p's span (CPython's positions). */
static void pattern(Emitter *e, Caps *c, const Pattern *p, LLVMValueRef subj, LLVMBasicBlockRef fail) {
    const SrcSpan *outer = e->fn->cur_span;
    e->fn->cur_span = &p->pos;
    pattern_node(e, c, p, subj, fail);
    e->fn->cur_span = outer;
}

static void pattern_node(Emitter *e, Caps *c, const Pattern *p, LLVMValueRef subj, LLVMBasicBlockRef fail) {
    emit_debug_loc(e, p->pos);
    switch (p->kind) {
    case P_VALUE: value_pattern(e, p, subj, fail); return;
    case P_SINGLETON: {
        LLVMValueRef k = emit_constant(e, &p->u.singleton.value);
        require(e, LLVMBuildICmp(e->b, LLVMIntEQ, subj, k, ""), fail);
        return;
    }
    case P_SEQUENCE: sequence_pattern(e, c, p, subj, fail); return;
    case P_MAPPING: mapping_pattern(e, c, p, subj, fail); return;
    case P_CLASS: class_pattern(e, c, p, subj, fail); return;
    case P_STAR: capture(e, c, p->u.star.name, subj); return;   /* only inside sequences */
    case P_AS:
        if (p->u.as.pattern) pattern(e, c, p->u.as.pattern, subj, fail);
        capture(e, c, p->u.as.name, subj);
        return;
    case P_OR: {
        const PatternList *alts = &p->u.or_.patterns;
        LLVMBasicBlockRef done = emit_block(e, "or.ok");
        for (int i = 0; i < alts->n; i++) {
            LLVMBasicBlockRef next = i < alts->n - 1 ? emit_block(e, "or.next") : fail;
            pattern(e, c, alts->v[i], subj, next);
            LLVMBuildBr(e->b, done);
            if (i < alts->n - 1) LLVMPositionBuilderAtEnd(e->b, next);
        }
        LLVMPositionBuilderAtEnd(e->b, done);
        return;
    }
    }
}

void emit_match(Emitter *e, const Stmt *s) {
    LLVMValueRef subj = emit_expr(e, s->u.match.subject);
    LLVMBasicBlockRef end = emit_block(e, "match.end");
    for (int i = 0; i < s->u.match.cases.n; i++) {
        const MatchCase *mc = s->u.match.cases.v[i];
        LLVMBasicBlockRef next = emit_block(e, "case.next");
        Caps caps = {0};
        pattern(e, &caps, mc->pattern, subj, next);
        for (int k = 0; k < caps.n; k++)
            emit_store_name(e, caps.names[k], LLVMBuildLoad2(e->b, e->i64, caps.slots[k], caps.names[k]),
                            mc->pattern->pos);
        if (mc->guard) {
            LLVMBasicBlockRef body = emit_block(e, "case.body");
            LLVMBuildCondBr(e->b, emit_cond(e, mc->guard), body, next);
            LLVMPositionBuilderAtEnd(e->b, body);
        }
        emit_stmts(e, &mc->body);
        if (emit_block_open(e)) LLVMBuildBr(e->b, end);
        LLVMPositionBuilderAtEnd(e->b, next);
    }
    LLVMBuildBr(e->b, end);
    LLVMPositionBuilderAtEnd(e->b, end);
}
