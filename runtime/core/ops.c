/*
 * core/ops.c — the generic protocol: the slow paths of the operators the
 * emitter inlines (ai_add … ai_invert, ai_compare), truth, `in`, hashing.
 *
 * Dispatch follows CPython's rules, over the ai_slots table of each type
 * (core/object.h):
 *   - binary: try the left operand's slot, then the right's (the right's
 *     first when its type is a proper subtype of the left's with its own
 *     slot); NotImplemented from both gives "unsupported operand type(s)".
 *     `+` and `*` then fall back to the sequence slots (concat/repeat), so
 *     'a' + 1 and 'a' * 2.0 get CPython's own messages.
 *   - comparison: reflected slot first for a proper subtype on the right;
 *     when nobody implements == / != the answer is identity; ordering
 *     raises "'<' not supported between instances of 'A' and 'B'".
 * Each entry point starts with the tagged-int case, which must stay in
 * step with the emitter's inline fast path.
 *
 * Iteration (ai_iter / ai_for_next) goes through the iter and next
 * slots; an exhausted iterator returns 0 without leaving StopIteration.
 *
 * User classes take part through the slots too: objects/class_slots.c
 * installs trampolines that call their dunder methods. Subtype tests here
 * follow the MRO (cls_is_subtype), for classes with several bases.
 */
#include "core/object.h"

const ai_slots obj_empty_slots;

const char *const obj_cmp_opname[6] = {"<", "<=", "==", "!=", ">", ">="};

/* Slot offsets let one dispatcher serve every binary operator. */
typedef enum {
    OP_ADD,
    OP_SUB,
    OP_MUL,
    OP_TRUEDIV,
    OP_FLOORDIV,
    OP_MOD,
    OP_POW,
    OP_LSHIFT,
    OP_RSHIFT,
    OP_AND,
    OP_OR,
    OP_XOR,
    OP_MATMUL,
    OP_DIVMOD
} binop;

static const char *const binop_name[] = {"+",  "-",  "*", "/", "//", "%", "** or pow()",
                                         "<<", ">>", "&", "|", "^",  "@", "divmod()"};

static ai_binaryfunc slot_of(const ai_slots *s, binop op) {
    switch (op) {
    case OP_ADD: return s->add;
    case OP_SUB: return s->sub;
    case OP_MUL: return s->mul;
    case OP_TRUEDIV: return s->truediv;
    case OP_FLOORDIV: return s->floordiv;
    case OP_MOD: return s->mod;
    case OP_POW: return s->pow;
    case OP_LSHIFT: return s->lshift;
    case OP_RSHIFT: return s->rshift;
    case OP_AND: return s->and_;
    case OP_OR: return s->or_;
    case OP_XOR: return s->xor_;
    case OP_MATMUL: return s->matmul;
    case OP_DIVMOD: return s->divmod;
    }
    return NULL;
}

/* CPython's binary_op1: returns NotImplemented when neither side can. */
static ai_value binary_op1(ai_value a, ai_value b, binop op) {
    ai_type *ta = ai_type_of(a), *tb = ai_type_of(b);
    ai_binaryfunc fa = slot_of(obj_slots_of_type(ta), op);
    ai_binaryfunc fb = NULL;
    if (tb != ta) {
        fb = slot_of(obj_slots_of_type(tb), op);
        if (fb == fa) fb = NULL;
    }
    if (fa) {
        if (fb && cls_is_subtype(tb, ta)) {
            ai_value r = fb(a, b);
            if (r != AI_NOTIMPL) return r;
            fb = NULL;
        }
        ai_value r = fa(a, b);
        if (r != AI_NOTIMPL) return r;
    }
    if (fb) return fb(a, b);
    return AI_NOTIMPL;
}

static ai_value binop_unsupported(ai_value a, ai_value b, binop op) {
    return ai_raise_fmt(&ai_exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                        binop_name[op], obj_type_name(a), obj_type_name(b));
}

static ai_value binary_op(ai_value a, ai_value b, binop op) {
    ai_value r = binary_op1(a, b, op);
    if (r != AI_NOTIMPL) return r;
    return binop_unsupported(a, b, op);
}

ai_value ai_add(ai_value a, ai_value b) {
    if (ai_is_smallint(a) && ai_is_smallint(b)) {
        int64_t r = ai_smallint_get(a) + ai_smallint_get(b); /* cannot overflow int64 */
        return ai_int_from_i64(r);
    }
    ai_value r = binary_op1(a, b, OP_ADD);
    if (r != AI_NOTIMPL) return r;
    const ai_slots *sa = obj_slots(a);
    if (sa->concat) return sa->concat(a, b);
    /* Not binary_op: the slots ran already (a class's __add__ must not
     * be called twice). */
    return binop_unsupported(a, b, OP_ADD);
}

ai_value ai_sub(ai_value a, ai_value b) {
    if (ai_is_smallint(a) && ai_is_smallint(b))
        return ai_int_from_i64(ai_smallint_get(a) - ai_smallint_get(b));
    return binary_op(a, b, OP_SUB);
}

/* seq * n, after the number slots declined (CPython's sequence_repeat). */
static ai_value seq_repeat(ai_value seq, ai_value n, const ai_slots *s) {
    const ai_slots *ns = obj_slots(n);
    if (!ns->index)
        return ai_raise_fmt(&ai_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                            obj_type_name(n));
    ai_value i = ns->index(n);
    if (!i) return AI_ERR;
    int64_t count;
    if (!int_to_i64(i, &count))   /* either sign, as CPython */
        return ai_raise_fmt(&ai_exc_OverflowError, "cannot fit '%s' into an index-sized integer",
                            obj_type_name(n));
    return s->repeat(seq, count);
}

ai_value ai_mul(ai_value a, ai_value b) {
    if (ai_is_smallint(a) && ai_is_smallint(b)) {
        int64_t r;
        if (!__builtin_mul_overflow(ai_smallint_get(a), ai_smallint_get(b), &r))
            return ai_int_from_i64(r);
    }
    ai_value r = binary_op1(a, b, OP_MUL);
    if (r != AI_NOTIMPL) return r;
    const ai_slots *sa = obj_slots(a), *sb = obj_slots(b);
    if (sa->repeat) return seq_repeat(a, b, sa);
    if (sb->repeat) return seq_repeat(b, a, sb);
    return binop_unsupported(a, b, OP_MUL);
}

ai_value ai_truediv(ai_value a, ai_value b) { return binary_op(a, b, OP_TRUEDIV); }
ai_value ai_floordiv(ai_value a, ai_value b) { return binary_op(a, b, OP_FLOORDIV); }
ai_value ai_mod(ai_value a, ai_value b) { return binary_op(a, b, OP_MOD); }
ai_value ai_pow(ai_value a, ai_value b) { return binary_op(a, b, OP_POW); }
ai_value ai_lshift(ai_value a, ai_value b) { return binary_op(a, b, OP_LSHIFT); }
ai_value ai_rshift(ai_value a, ai_value b) { return binary_op(a, b, OP_RSHIFT); }
ai_value ai_matmul(ai_value a, ai_value b) { return binary_op(a, b, OP_MATMUL); }
ai_value obj_divmod(ai_value a, ai_value b) { return binary_op(a, b, OP_DIVMOD); }

ai_value ai_and(ai_value a, ai_value b) {
    if (ai_is_smallint(a) && ai_is_smallint(b)) return a & b;
    return binary_op(a, b, OP_AND);
}
ai_value ai_or(ai_value a, ai_value b) {
    if (ai_is_smallint(a) && ai_is_smallint(b)) return a | b;
    return binary_op(a, b, OP_OR);
}
ai_value ai_xor(ai_value a, ai_value b) {
    if (ai_is_smallint(a) && ai_is_smallint(b)) return (a ^ b) | 1;
    return binary_op(a, b, OP_XOR);
}

/* ---- unary ---------------------------------------------------------------- */

static ai_value unary(ai_value a, ai_unaryfunc f, const char *what) {
    if (f) return f(a);
    return ai_raise_fmt(&ai_exc_TypeError, "bad operand type for %s: '%s'", what, obj_type_name(a));
}

ai_value ai_neg(ai_value a) {
    if (ai_is_smallint(a)) return ai_int_from_i64(-ai_smallint_get(a));
    return unary(a, obj_slots(a)->neg, "unary -");
}
ai_value ai_pos(ai_value a) {
    if (ai_is_smallint(a)) return a;
    return unary(a, obj_slots(a)->pos, "unary +");
}
ai_value ai_invert(ai_value a) {
    if (ai_is_smallint(a)) return ai_smallint(~ai_smallint_get(a));
    return unary(a, obj_slots(a)->invert, "unary ~");
}
ai_value obj_abs(ai_value a) { return unary(a, obj_slots(a)->abs, "abs()"); }

/* ---- comparison ------------------------------------------------------------ */

ai_value obj_cmp_unsupported(ai_value a, ai_value b, int32_t op) {
    return ai_raise_fmt(&ai_exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                        obj_cmp_opname[op], obj_type_name(a), obj_type_name(b));
}

ai_value ai_compare(ai_value a, ai_value b, int32_t op) {
    if (ai_is_smallint(a) && ai_is_smallint(b)) {
        /* Tagging preserves order: compare the raw words. */
        int64_t x = (int64_t)a, y = (int64_t)b;
        return ai_bool(OBJ_CMP_RESULT(op, (x > y) - (x < y)));
    }
    if ((uint32_t)op > AI_CMP_GE)
        return ai_raise_msg(&ai_exc_SystemError, "bad comparison operator");
    if (!obj_stack_ok()) return exc_recursion(" in comparison");
    ai_type *ta = ai_type_of(a), *tb = ai_type_of(b);
    ai_richcmpfunc fa = obj_slots_of_type(ta)->richcompare;
    /* The reflected slot is tried even for two operands of one type (a
     * class with only __lt__ answers a > b through b < a), as CPython. */
    ai_richcmpfunc fb = obj_slots_of_type(tb)->richcompare;
    bool reflected_done = false;
    if (fb && ta != tb && cls_is_subtype(tb, ta)) {
        reflected_done = true;
        ai_value r = fb(b, a, obj_cmp_swap(op));
        if (r != AI_NOTIMPL) return r;
    }
    if (fa) {
        ai_value r = fa(a, b, op);
        if (r != AI_NOTIMPL) return r;
    }
    if (fb && !reflected_done) {
        ai_value r = fb(b, a, obj_cmp_swap(op));
        if (r != AI_NOTIMPL) return r;
    }
    if (op == AI_CMP_EQ) return ai_bool(a == b);
    if (op == AI_CMP_NE) return ai_bool(a != b);
    return obj_cmp_unsupported(a, b, op);
}

int32_t ai_compare_bool(ai_value a, ai_value b, int32_t op) {
    if (ai_is_smallint(a) && ai_is_smallint(b)) {
        int64_t x = (int64_t)a, y = (int64_t)b;
        return OBJ_CMP_RESULT(op, (x > y) - (x < y));
    }
    if (!ai_is_smallint(a) && !ai_is_smallint(b) && ai_type_of_obj(ai_obj(a)) == &ai_str_type &&
        ai_type_of_obj(ai_obj(b)) == &ai_str_type && (uint32_t)op <= AI_CMP_GE) {
        /* Two exact strs (a tokenizer's `c == " "`): str's own comparison,
         * without the rich-comparison dispatch. */
        return str_compare_op(str_obj(a), str_obj(b), op);
    }
    ai_value r = ai_compare(a, b, op);
    if (!r) return -1;
    if (r == AI_TRUE) return 1;
    if (r == AI_FALSE) return 0;
    return ai_truthy(r);
}

int32_t obj_eq(ai_value a, ai_value b) {
    if (a == b) return 1; /* identity implies equality (as CPython's containers assume) */
    return ai_compare_bool(a, b, AI_CMP_EQ);
}

/* ---- truth, containment, hashing ------------------------------------------- */

int32_t ai_truthy(ai_value v) {
    if (ai_is_smallint(v)) return v != ai_smallint(0);
    if (v == AI_TRUE) return 1;
    if (v == AI_FALSE || v == AI_NONE) return 0;
    const ai_slots *s = obj_slots(v);
    if (s->truthy) return s->truthy(v);
    if (s->len) {
        int64_t n = s->len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

int32_t ai_contains(ai_value container, ai_value item) {
    const ai_slots *s = obj_slots(container);
    if (s->contains) return s->contains(container, item);
    if (!s->iter) {
        ai_raise_fmt(&ai_exc_TypeError, "argument of type '%s' is not iterable",
                     obj_type_name(container));
        return -1;
    }
    /* No contains slot: compare with each item, as CPython's fallback. */
    ai_value it = ai_iter(container), v;
    if (!it) return -1;
    int32_t rc;
    while ((rc = ai_for_next(it, &v)) > 0) {
        int32_t eq = obj_eq(v, item);
        if (eq != 0) return eq;
    }
    return rc;
}

int64_t obj_hash(ai_value v) {
    if (ai_is_smallint(v)) return int_hash(v);
    const ai_slots *s = obj_slots(v);
    if (s->hash) return s->hash(v);
    /* Identity hash: the address rotated so the alignment zeros do not
     * all land in the low bits a hash table indexes by. */
    uint64_t p = (uint64_t)v;
    uint64_t h = (p >> 4) | (p << 60);
    if ((int64_t)h == -1) h = (uint64_t)-2;
    return (int64_t)h;
}

int64_t obj_index_i64(ai_value v, bool *fits, bool *err) {
    *fits = true;
    *err = false;
    ai_value i = v;
    if (!ai_is_smallint(v)) {
        ai_unaryfunc ix = obj_slots(v)->index;
        if (!ix) {
            ai_raise_fmt(&ai_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                         obj_type_name(v));
            *err = true;
            return -1;
        }
        i = ix(v);
        if (!i) {
            *err = true;
            return -1;
        }
    }
    int64_t n;
    if (!int_to_i64(i, &n)) {
        *fits = false;
        return int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    }
    return n;
}

ai_value obj_default_repr(ai_value v) {
    strbuf b;
    sb_init(&b);
    sb_addc(&b, '<');
    cls_add_fullname(&b, ai_type_of(v)); /* "__main__.C" for classes */
    sb_printf(&b, " object at %p>", (void *)ai_obj(v));
    return sb_finish(&b);
}

/* ---- iteration ------------------------------------------------------------------ */

ai_value ai_iter(ai_value v) {
    const ai_slots *s = obj_slots(v);
    if (s->iter) return s->iter(v);
    return ai_raise_fmt(&ai_exc_TypeError, "'%s' object is not iterable", obj_type_name(v));
}

int32_t ai_for_next(ai_value it, ai_value *out) {
    const ai_slots *s = obj_slots(it);
    if (s->next) return s->next(it, out);
    ai_raise_fmt(&ai_exc_TypeError, "'%s' object is not an iterator", obj_type_name(it));
    return -1;
}

ai_value obj_iter_self(ai_value it) { return it; }

void seq_iter_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit(&((seq_iter *)o)->seq, ctx);
}
