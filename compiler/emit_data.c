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

#include "aithon_rt.h"  /* the display-template encoding */
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

/* ---- displays --------------------------------------------------------------- */

static bool any_starred(const ExprList *l) {
    for (int i = 0; i < l->n; i++)
        if (l->v[i]->kind == E_STARRED) return true;
    return false;
}

/* A list holding the elements of `elts` (starred ones spliced in). */
static LLVMValueRef build_list(Emitter *e, const ExprList *elts, int line) {
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
        LLVMValueRef rc = emit_rt(e, star ? RT_ai_list_extend : RT_ai_list_append, (LLVMValueRef[]){list, v}, 2);
        emit_check_i32(e, rc, x->pos.line);
    }
    return list;
}

static LLVMValueRef build_tuple(Emitter *e, const ExprList *elts, int line) {
    if (any_starred(elts)) {
        LLVMValueRef t = emit_rt(e, RT_ai_list_to_tuple, (LLVMValueRef[]){build_list(e, elts, line)}, 1);
        emit_check(e, t, line);
        return t;
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
    LLVMValueRef lo = opt_expr(e, slice->u.slice.lower);
    LLVMValueRef hi = opt_expr(e, slice->u.slice.upper);
    LLVMValueRef st = opt_expr(e, slice->u.slice.step);
    LLVMValueRef s = emit_rt(e, RT_ai_slice_new, (LLVMValueRef[]){lo, hi, st}, 3);
    emit_check(e, s, slice->pos.line);
    return s;
}

LLVMValueRef emit_attribute_load(Emitter *e, const Expr *x) {
    LLVMValueRef o = emit_expr(e, x->u.attribute.value);
    LLVMValueRef v = emit_rt(e, RT_ai_getattr, (LLVMValueRef[]){o, name_const(e, x->u.attribute.attr)}, 2);
    emit_check(e, v, x->pos.line);
    return v;
}

LLVMValueRef emit_subscript_load(Emitter *e, const Expr *x) {
    LLVMValueRef o = emit_expr(e, x->u.subscript.value);
    LLVMValueRef k = subscript_key(e, x->u.subscript.slice);
    LLVMValueRef v = emit_rt(e, RT_ai_getitem, (LLVMValueRef[]){o, k}, 2);
    emit_check(e, v, x->pos.line);
    return v;
}

/* ---- method calls --------------------------------------------------------------------- */

LLVMValueRef emit_method_call(Emitter *e, const Expr *call) {
    const Expr *f = call->u.call.func;
    LLVMValueRef o = emit_expr(e, f->u.attribute.value);
    int np = call->u.call.args.n, nk = call->u.call.keywords.n;
    LLVMValueRef arr = emit_array_new(e, np + nk);
    for (int i = 0; i < np; i++) emit_array_store(e, arr, i, emit_call_arg(e, call->u.call.args.v[i]));
    for (int i = 0; i < nk; i++) emit_array_store(e, arr, np + i, emit_expr(e, call->u.call.keywords.v[i]->value));
    LLVMValueRef kwn = emit_kwnames(e, &call->u.call.keywords, call->pos.line);
    LLVMValueRef cache = LLVMAddGlobal(e->m, e->i64, "mcache");
    LLVMSetInitializer(cache, emit_i64(e, 0));
    LLVMSetLinkage(cache, LLVMPrivateLinkage);
    LLVMValueRef args[] = {o, name_const(e, f->u.attribute.attr), arr,
                           emit_i64(e, np), kwn, cache};
    LLVMValueRef r = emit_rt(e, RT_ai_call_method, args, 6);
    emit_check(e, r, call->pos.line);
    return r;
}

/* ---- assignment targets ----------------------------------------------------------------- */

static void unpack_into(Emitter *e, const ExprList *elts, LLVMValueRef v, int line) {
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
    LLVMValueRef rc = star < 0
        ? emit_rt(e, RT_ai_unpack, (LLVMValueRef[]){v, emit_i64(e, n), out}, 3)
        : emit_rt(e, RT_ai_unpack_ex, (LLVMValueRef[]){v, emit_i64(e, star), emit_i64(e, n - star - 1), out}, 4);
    emit_check_i32(e, rc, line);
    for (int i = 0; i < n; i++) {
        const Expr *t = elts->v[i];
        emit_store_target(e, t->kind == E_STARRED ? t->u.starred.value : t, load_elem(e, out, i));
    }
}

void emit_store_target(Emitter *e, const Expr *t, LLVMValueRef v) {
    switch (t->kind) {
    case E_NAME: emit_store_name(e, t->u.name.id, v, t->pos); return;
    case E_TUPLE: case E_LIST: unpack_into(e, &t->u.list.elts, v, t->pos.line); return;
    case E_ATTRIBUTE: {
        LLVMValueRef o = emit_expr(e, t->u.attribute.value);
        LLVMValueRef rc = emit_rt(e, RT_ai_setattr, (LLVMValueRef[]){o, name_const(e, t->u.attribute.attr), v}, 3);
        emit_check_i32(e, rc, t->pos.line);
        return;
    }
    case E_SUBSCRIPT: {
        LLVMValueRef o = emit_expr(e, t->u.subscript.value);
        LLVMValueRef k = subscript_key(e, t->u.subscript.slice);
        emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){o, k, v}, 3), t->pos.line);
        return;
    }
    case E_STARRED:
        diag_error(E_SYNTAX, t->pos.line, t->pos.col, "starred assignment target must be in a list or tuple");
        return;
    default: unsupported(e, t->pos, "this assignment target"); return;
    }
}

void emit_delete_target(Emitter *e, const Expr *t) {
    switch (t->kind) {
    case E_NAME: emit_delete_name(e, t->u.name.id, t->pos, true); return;
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
        LLVMValueRef o = emit_expr(e, t->u.subscript.value);
        LLVMValueRef k = subscript_key(e, t->u.subscript.slice);
        emit_check_i32(e, emit_rt(e, RT_ai_delitem, (LLVMValueRef[]){o, k}, 2), t->pos.line);
        return;
    }
    default: unsupported(e, t->pos, "'del' of this target"); return;
    }
}

/* x op= v for attribute and subscript targets: the container and key are
 * evaluated once. */
void emit_augassign(Emitter *e, const Stmt *s) {
    const Expr *t = s->u.augassign.target;
    int line = s->pos.line;
    int op = (int)s->u.augassign.op;
    switch (t->kind) {
    case E_NAME: {
        LLVMValueRef cur = emit_load_name(e, t->u.name.id, t->pos);
        LLVMValueRef v = emit_expr(e, s->u.augassign.value);
        emit_store_name(e, t->u.name.id, emit_inplace(e, op, cur, v, line), t->pos);
        return;
    }
    case E_ATTRIBUTE: {
        LLVMValueRef o = emit_expr(e, t->u.attribute.value);
        LLVMValueRef name = name_const(e, t->u.attribute.attr);
        LLVMValueRef cur = emit_rt(e, RT_ai_getattr, (LLVMValueRef[]){o, name}, 2);
        emit_check(e, cur, line);
        LLVMValueRef v = emit_expr(e, s->u.augassign.value);
        LLVMValueRef r = emit_inplace(e, op, cur, v, line);
        emit_check_i32(e, emit_rt(e, RT_ai_setattr, (LLVMValueRef[]){o, name, r}, 3), line);
        return;
    }
    case E_SUBSCRIPT: {
        LLVMValueRef o = emit_expr(e, t->u.subscript.value);
        LLVMValueRef k = subscript_key(e, t->u.subscript.slice);
        LLVMValueRef cur = emit_rt(e, RT_ai_getitem, (LLVMValueRef[]){o, k}, 2);
        emit_check(e, cur, line);
        LLVMValueRef v = emit_expr(e, s->u.augassign.value);
        LLVMValueRef r = emit_inplace(e, op, cur, v, line);
        emit_check_i32(e, emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){o, k, r}, 3), line);
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
