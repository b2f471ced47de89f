/*
 * objects/class_slots.c — the protocol trampolines of user classes: the
 * ai_slots entries (and repr/str/call) that call an instance's dunder
 * methods, so core/ops.c, hashing, iteration, len(), `in` … need no
 * knowledge of classes.
 *
 * cls_install_slots fills a class's table from its resolved dunders: a
 * trampoline where a class dict of the MRO provides the dunder first, the
 * builtin base's own slot where a builtin type does (an exception's repr
 * and str), NULL otherwise — so the defaults stay: == is identity without
 * __eq__, truth uses __len__ without __bool__, a class with __eq__ and no
 * __hash__ is unhashable (ai_class_new stored __hash__ = None).
 * Binary operators follow CPython's rules for heap types: one trampoline
 * serves both operands (core/ops.c calls it once when both types share
 * it), tries the reflected method of a right operand whose type is a
 * subclass overriding it first, and returns NotImplemented so ops.c can
 * raise its TypeError. Results are checked as CPython checks them
 * (__len__ ≥ 0, __bool__ returns bool, __hash__ an int, __iter__ an
 * iterator, __index__ an int).
 *
 * Not handled here: three-argument pow() on instances; __round__,
 * __int__, __float__ are reached by name (class.c, cls_call_named).
 */
#include "objects/class.h"

static inline ai_value dunder_of(ai_value v, int idx) {
    const ai_type *t = ai_type_of(v);
    return cls_check_type(t) ? ((const cls_type *)t)->dunder[idx] : 0;
}

/* ---- binary operators ------------------------------------------------------ */

static ai_binaryfunc *binop_field(ai_slots *s, int op) {
    switch (op) {
    case AI_OP_ADD: return &s->add;
    case AI_OP_SUB: return &s->sub;
    case AI_OP_MUL: return &s->mul;
    case AI_OP_MATMUL: return &s->matmul;
    case AI_OP_TRUEDIV: return &s->truediv;
    case AI_OP_MOD: return &s->mod;
    case AI_OP_POW: return &s->pow;
    case AI_OP_LSHIFT: return &s->lshift;
    case AI_OP_RSHIFT: return &s->rshift;
    case AI_OP_OR: return &s->or_;
    case AI_OP_XOR: return &s->xor_;
    case AI_OP_AND: return &s->and_;
    case AI_OP_FLOORDIV: return &s->floordiv;
    default: return &s->divmod;
    }
}

static ai_binaryfunc binop_get(const ai_slots *s, int op) {
    return *binop_field((ai_slots *)s, op);
}

static ai_value binop_tramp(ai_value a, ai_value b, int op);

#define TRAMP(OP, NAME) \
    static ai_value tr_##NAME(ai_value a, ai_value b) { return binop_tramp(a, b, OP); }
TRAMP(AI_OP_ADD, add)
TRAMP(AI_OP_SUB, sub)
TRAMP(AI_OP_MUL, mul)
TRAMP(AI_OP_MATMUL, matmul)
TRAMP(AI_OP_TRUEDIV, truediv)
TRAMP(AI_OP_MOD, mod)
TRAMP(AI_OP_POW, pow)
TRAMP(AI_OP_LSHIFT, lshift)
TRAMP(AI_OP_RSHIFT, rshift)
TRAMP(AI_OP_OR, or)
TRAMP(AI_OP_XOR, xor)
TRAMP(AI_OP_AND, and)
TRAMP(AI_OP_FLOORDIV, floordiv)
TRAMP(13, divmod)
#undef TRAMP

static const ai_binaryfunc binop_tramps[CLS_NBINOP] = {
    tr_add, tr_sub, tr_mul, tr_matmul, tr_truediv, tr_mod, tr_pow,
    tr_lshift, tr_rshift, tr_or, tr_xor, tr_and, tr_floordiv, tr_divmod,
};

/* CPython's method_is_overloaded: does the right operand's class give the
 * reflected method a different value than the left operand's class? */
static bool overrides_reflected(ai_value left, ai_value right, int op) {
    ai_value r = dunder_of(right, D_RBINOP + op);
    if (!r) return false;
    ai_value l = dunder_of(left, D_RBINOP + op);
    return l != r;
}

static ai_value call_op(ai_value self, ai_value other, int idx) {
    ai_value f = dunder_of(self, idx);
    if (!f) return AI_NOTIMPL;
    return cls_call_dunder(f, self, &other, 1);
}

static ai_value binop_tramp(ai_value a, ai_value b, int op) {
    ai_type *ta = ai_type_of(a), *tb = ai_type_of(b);
    ai_binaryfunc me = binop_tramps[op];
    bool do_other = ta != tb && binop_get(obj_slots_of_type(tb), op) == me;
    if (binop_get(obj_slots_of_type(ta), op) == me) {
        if (do_other && cls_is_subtype(tb, ta) && overrides_reflected(a, b, op)) {
            ai_value r = call_op(b, a, D_RBINOP + op);
            if (r != AI_NOTIMPL) return r;
            do_other = false;
        }
        ai_value r = call_op(a, b, D_BINOP + op);
        if (r != AI_NOTIMPL || ta == tb) return r;
    }
    if (do_other) return call_op(b, a, D_RBINOP + op);
    return AI_NOTIMPL;
}

/* ---- unary operators ----------------------------------------------------------- */

#define UNARY(NAME, IDX) \
    static ai_value tr_##NAME(ai_value a) { return cls_call_dunder(dunder_of(a, IDX), a, NULL, 0); }
UNARY(neg, D_NEG)
UNARY(pos, D_POS)
UNARY(invert, D_INVERT)
UNARY(abs, D_ABS)
#undef UNARY

static ai_value tr_index(ai_value a) {
    /* An int subclass is its own index: CPython's PyNumber_Index does not
     * call an overridden __index__ on one (n.__index__() does). */
    if (int_check(a)) return int_unbool(a);
    ai_value r = cls_call_dunder(dunder_of(a, D_INDEX), a, NULL, 0);
    if (r && !int_check(r))
        return ai_raise_fmt(&ai_exc_TypeError, "__index__ returned non-int (type %s)",
                            obj_type_name(r));
    return r ? int_unbool(r) : r;
}

/* ---- comparison ---------------------------------------------------------------- */

static ai_value tr_richcompare(ai_value a, ai_value b, int32_t op) {
    cls_type *ct = cls_of(a);
    ai_value f = ct->dunder[D_LT + op];
    if (f) return cls_call_dunder(f, a, &b, 1);
    ai_richcmpfunc base = obj_slots_of_type(ct->solid)->richcompare;
    if (op == AI_CMP_NE && ct->dunder[D_EQ] && !base) {
        /* object.__ne__: the inverse of __eq__ unless NotImplemented. */
        ai_value r = cls_call_dunder(ct->dunder[D_EQ], a, &b, 1);
        if (!r || r == AI_NOTIMPL) return r;
        int32_t t = ai_truthy(r);
        return t < 0 ? AI_ERR : ai_bool(!t);
    }
    return base ? base(a, b, op) : AI_NOTIMPL;
}

/* ---- hashing, truth, length ------------------------------------------------------ */

int64_t cls_hash_unhashable(ai_value v) {
    ai_raise_fmt(&ai_exc_TypeError, "unhashable type: '%s'", obj_type_name(v));
    return -1;
}

static int64_t tr_hash(ai_value v) {
    ai_value r = cls_call_dunder(dunder_of(v, D_HASH), v, NULL, 0);
    if (!r) return -1;
    if (!int_check(r)) {
        ai_raise_msg(&ai_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* An int that fits a machine word is the hash itself (not reduced),
     * as in CPython; a bigger one hashes as that int does. */
    int64_t h;
    r = int_unbool(r);
    if (!int_to_i64(r, &h)) return int_hash(r);
    return h == -1 ? -2 : h;
}

static int32_t tr_truthy(ai_value v) {
    ai_value r = cls_call_dunder(dunder_of(v, D_BOOL), v, NULL, 0);
    if (!r) return -1;
    if (r == AI_TRUE) return 1;
    if (r == AI_FALSE) return 0;
    ai_raise_fmt(&ai_exc_TypeError, "__bool__ should return bool, returned %s", obj_type_name(r));
    return -1;
}

static int64_t tr_len(ai_value v) {
    ai_value r = cls_call_dunder(dunder_of(v, D_LEN), v, NULL, 0);
    if (!r) return -1;
    bool fits, err;
    int64_t n = obj_index_i64(r, &fits, &err);
    if (err) return -1;
    if (!fits) {
        if (n < 0) {
            ai_raise_msg(&ai_exc_ValueError, "__len__() should return >= 0");
            return -1;
        }
        ai_raise_fmt(&ai_exc_OverflowError, "cannot fit '%s' into an index-sized integer",
                     obj_type_name(r));
        return -1;
    }
    if (n < 0) {
        ai_raise_msg(&ai_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

/* ---- containers and iteration ------------------------------------------------------- */

static int32_t tr_contains(ai_value c, ai_value item) {
    ai_value r = cls_call_dunder(dunder_of(c, D_CONTAINS), c, &item, 1);
    if (!r) return -1;
    return ai_truthy(r);
}

static ai_value tr_getitem(ai_value o, ai_value key) {
    return cls_call_dunder(dunder_of(o, D_GETITEM), o, &key, 1);
}

static int32_t tr_setitem(ai_value o, ai_value key, ai_value v) {
    ai_value f = dunder_of(o, v ? D_SETITEM : D_DELITEM);
    if (!f) {
        /* The other half overridden only: a builtin base (dict, list)
         * still provides this one. */
        const ai_slots *bs = obj_slots_of_type(((cls_type *)ai_type_of(o))->solid);
        if (bs->setitem) return bs->setitem(o, key, v);
        /* CPython looks the method up by name and reports it missing. */
        ai_raise_msg(&ai_exc_AttributeError, v ? "__setitem__" : "__delitem__");
        return -1;
    }
    ai_value a[2] = {key, v};
    return cls_call_dunder(f, o, a, v ? 2 : 1) ? 0 : -1;
}

static ai_value tr_iter(ai_value o) {
    ai_value f = dunder_of(o, D_ITER);
    if (f == AI_NONE)
        return ai_raise_fmt(&ai_exc_TypeError, "'%s' object is not iterable", obj_type_name(o));
    ai_value r = cls_call_dunder(f, o, NULL, 0);
    if (r && !obj_slots(r)->next)
        return ai_raise_fmt(&ai_exc_TypeError, "iter() returned non-iterator of type '%s'",
                            obj_type_name(r));
    return r;
}

/* A class with __getitem__ and no __iter__ iterates by index. */
static ai_value tr_iter_seq(ai_value o) { return cls_seqiter_new(o); }

static int32_t tr_next(ai_value it, ai_value *out) {
    ai_value r = cls_call_dunder(dunder_of(it, D_NEXT), it, NULL, 0);
    if (r) {
        *out = r;
        return 1;
    }
    if (exc_pending_is(&ai_exc_StopIteration)) {
        exc_clear();
        return 0;
    }
    return -1;
}

/* ---- in-place operators -------------------------------------------------------------- */

static ai_value tr_inplace(ai_value o, ai_value other, int32_t op) {
    if (op < 0 || op >= CLS_NBINOP - 1) return AI_NOTIMPL;
    ai_value f = dunder_of(o, D_IBINOP + op);
    if (!f) return AI_NOTIMPL;
    return cls_call_dunder(f, o, &other, 1);
}

/* ---- repr, str, call ------------------------------------------------------------------- */

static ai_value tr_repr(ai_value v) { return cls_call_dunder(dunder_of(v, D_REPR), v, NULL, 0); }
static ai_value tr_str(ai_value v) { return cls_call_dunder(dunder_of(v, D_STR), v, NULL, 0); }

static ai_value tr_call(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames) {
    ai_value f = dunder_of(callable, D_CALL);
    if (ai_is_smallint(f) || ai_type_of(f) != &ai_function_type) {
        cls_found fd = {.kind = CF_VALUE, .value = f};
        return cls_call_found(&fd, callable, ai_type_of(callable), args, nargs, kwnames);
    }
    return cls_call_self(f, callable, args, nargs, kwnames);
}

/* ---- installing ------------------------------------------------------------------------ */

/* Default repr of instances: "<__main__.C object at 0x…>". */
static ai_value inst_default_repr(ai_value v) {
    strbuf b;
    sb_init(&b);
    sb_addc(&b, '<');
    cls_add_fullname(&b, ai_type_of(v));
    sb_printf(&b, " object at %p>", (void *)ai_obj(v));
    return sb_finish(&b);
}

/* ---- immutable builtin bases ----------------------------------------------------
 * A class derived from str, bytes, tuple, float or frozenset inherits the
 * builtin's slots; those that may hand back an operand unchanged (s * 1,
 * t[:], +x, str(s), '' + s …) go through these, so the result is of the
 * builtin type, as CPython's are (cls_exact_result). int subclasses need
 * none: int's slots read through the box and return plain ints. */

static const ai_slots *imm_slots(ai_value a, ai_value b) {
    const ai_type *t = ai_type_of(a);
    if (!cls_check_type(t) || !cls_immutable_base(((const cls_type *)t)->solid)) t = ai_type_of(b);
    return obj_slots_of_type(((const cls_type *)t)->solid);
}

static ai_value ex_concat(ai_value a, ai_value b) {
    return cls_exact_result(imm_slots(a, b)->concat(a, b), a, b);
}
static ai_value ex_repeat(ai_value a, int64_t n) { return cls_exact_result(imm_slots(a, a)->repeat(a, n), a, 0); }
static ai_value ex_getitem(ai_value a, ai_value k) {
    return cls_exact_result(imm_slots(a, a)->getitem(a, k), a, 0);
}
static ai_value ex_pos(ai_value a) { return cls_exact_result(imm_slots(a, a)->pos(a), a, 0); }
static ai_value ex_neg(ai_value a) { return cls_exact_result(imm_slots(a, a)->neg(a), a, 0); }
static ai_value ex_abs(ai_value a) { return cls_exact_result(imm_slots(a, a)->abs(a), a, 0); }
static ai_value ex_add(ai_value a, ai_value b) { return cls_exact_result(imm_slots(a, b)->add(a, b), a, b); }
static ai_value ex_mul(ai_value a, ai_value b) { return cls_exact_result(imm_slots(a, b)->mul(a, b), a, b); }
/* str % args with nothing to format is the receiver itself in CPython,
 * a str subclass instance included (its writer's read-only shortcut). */
static ai_value ex_mod(ai_value a, ai_value b) {
    const ai_slots *s = imm_slots(a, b);
    ai_value r = s->mod(a, b);
    if (r && r != AI_NOTIMPL && s == obj_slots_of_type(&ai_str_type) && str_check(a)) {
        const ai_strobj *o = str_obj(a);
        bool pct = false;
        for (int64_t i = 0; i < o->len && !pct; i++) pct = str_char(o, i) == '%';
        if (!pct) return a;
    }
    return cls_exact_result(r, a, b);
}
static ai_value ex_str(ai_value a) {
    const ai_type *t = ai_type_of(a);
    return cls_exact_result(((const cls_type *)t)->solid->str(a), a, 0);
}

static void install_exact(cls_type *ct, const ai_slots *bs) {
    ai_slots *s = &ct->slots;
    const ai_value *d = ct->dunder;
    if (!cls_immutable_base(ct->solid) || ct->layout == CLS_LAYOUT_INTBOX) return;
    if (s->concat == bs->concat && bs->concat) s->concat = ex_concat;
    if (s->repeat == bs->repeat && bs->repeat) s->repeat = ex_repeat;
    if (s->getitem == bs->getitem && bs->getitem) s->getitem = ex_getitem;
    if (s->pos == bs->pos && bs->pos) s->pos = ex_pos;
    if (s->neg == bs->neg && bs->neg) s->neg = ex_neg;
    if (s->abs == bs->abs && bs->abs) s->abs = ex_abs;
    if (s->add == bs->add && bs->add) s->add = ex_add;
    if (s->mul == bs->mul && bs->mul) s->mul = ex_mul;
    if (s->mod == bs->mod && bs->mod) s->mod = ex_mod;
    if (!d[D_STR] && ct->solid->str) ct->t.str = ex_str;
}

/* The builtin type of ct's MRO that provides dunder idx itself (OSError's
 * str for a class derived from FileNotFoundError), or ct->solid. */
static const ai_type *builtin_provider(const cls_type *ct, int idx) {
    ai_tuple *m = tuple_obj(ct->mro);
    for (int64_t i = 1; i < m->len; i++) {
        const ai_type *k = (const ai_type *)ai_obj(m->items[i]);
        if (!cls_check_type(k) && cls_static_defines(k, idx)) return k;
    }
    return ct->solid;
}

void cls_install_slots(cls_type *ct) {
    const ai_type *solid = ct->solid;
    const ai_slots *bs = obj_slots_of_type(solid);
    ai_slots *s = &ct->slots;
    const ai_value *d = ct->dunder;
    /* Keep the per-class entries that are not dunder-driven. */
    ai_vectorcall construct = s->construct;
    ai_binaryfunc getattr = s->getattr;
    int32_t (*setattr)(ai_value, ai_value, ai_value) = s->setattr;
    *s = *bs;
    s->construct = construct;
    s->getattr = getattr;
    s->setattr = setattr;
    s->methods = NULL; /* found along the MRO by cls_lookup instead */
    s->getset = NULL;

    for (int op = 0; op < CLS_NBINOP; op++)
        if (d[D_BINOP + op] || d[D_RBINOP + op]) *binop_field(s, op) = binop_tramps[op];
    if (d[D_NEG]) s->neg = tr_neg;
    if (d[D_POS]) s->pos = tr_pos;
    if (d[D_INVERT]) s->invert = tr_invert;
    if (d[D_ABS]) s->abs = tr_abs;
    if (d[D_INDEX]) s->index = tr_index;
    for (int i = D_LT; i <= D_GE; i++)
        if (d[i]) s->richcompare = tr_richcompare;
    if (d[D_HASH] == AI_NONE) s->hash = cls_hash_unhashable;
    else if (d[D_HASH]) s->hash = tr_hash;
    if (d[D_BOOL]) s->truthy = tr_truthy;
    if (d[D_LEN]) s->len = tr_len;
    if (d[D_CONTAINS]) s->contains = tr_contains;
    if (d[D_GETITEM]) s->getitem = tr_getitem;
    if (d[D_SETITEM] || d[D_DELITEM]) s->setitem = tr_setitem;
    if (d[D_ITER]) s->iter = tr_iter;
    else if (d[D_GETITEM] && !bs->iter) s->iter = tr_iter_seq;
    if (d[D_NEXT]) s->next = tr_next;
    s->inplace = NULL;
    for (int op = 0; op < CLS_NBINOP - 1; op++)
        if (d[D_IBINOP + op]) s->inplace = tr_inplace;
    if (!s->inplace) s->inplace = bs->inplace;

    const ai_type *rp = builtin_provider(ct, D_REPR), *sp = builtin_provider(ct, D_STR);
    ct->t.repr = d[D_REPR] ? tr_repr : rp->repr ? rp->repr : solid->repr ? solid->repr : inst_default_repr;
    ct->t.str = d[D_STR] ? tr_str : sp->str ? sp->str : solid->str;
    ct->t.call = d[D_CALL] ? tr_call : solid->call;
    install_exact(ct, bs);
}
