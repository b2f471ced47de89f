/*
 * core/item.c — the subscript protocol (o[k], o[k] = v, del o[k]), calls
 * with unpacked arguments, and in-place operators.
 *
 * Each dispatches through the receiver type's slots (core/object.h) and
 * raises CPython's TypeError when the slot is missing.
 */
#include "core/object.h"
#include "gc/gc.h"

#include <stddef.h>
#include <stdlib.h>

ai_value ai_getitem(ai_value o, ai_value key) {
    const ai_slots *s = obj_slots(o);
    if (s->getitem) return s->getitem(o, key);
    if (obj_isinstance(o, &ai_type_type)) {
        ai_value r = cls_class_getitem(o, key);
        if (r || exc_pending()) return r;
        return ai_raise_fmt(&ai_exc_TypeError, "type '%s' is not subscriptable", ((ai_type *)ai_obj(o))->name);
    }
    return ai_raise_fmt(&ai_exc_TypeError, "'%s' object is not subscriptable", obj_type_name(o));
}

int32_t ai_setitem(ai_value o, ai_value key, ai_value v) {
    const ai_slots *s = obj_slots(o);
    if (s->setitem) return s->setitem(o, key, v);
    ai_raise_fmt(&ai_exc_TypeError, "'%s' object does not support item assignment", obj_type_name(o));
    return -1;
}

void ai_write_barrier(void *holder, void *slot) { gc_remember_at((ai_object *)holder, slot); }

int32_t ai_delitem(ai_value o, ai_value key) {
    const ai_slots *s = obj_slots(o);
    if (s->setitem) return s->setitem(o, key, 0);
    ai_raise_fmt(&ai_exc_TypeError, "'%s' object doesn't support item deletion", obj_type_name(o));
    return -1;
}

/* f(*args, **kwargs): the dict's items become trailing values named by a
 * kwnames tuple, as in a vectorcall. */
ai_value ai_call_ex(ai_value callable, ai_value args, ai_value kwargs) {
    ai_tuple *t = tuple_obj(args);
    if (!kwargs) return ai_call(callable, t->items, t->len, 0);
    ai_value keys = list_from_iter(kwargs);
    if (!keys) return AI_ERR;
    int64_t nk = list_obj(keys)->len, n = t->len;
    ai_value *vec = gc_vals_alloc(n + nk + 1); /* a __getitem__ may return new values */
    if (!vec) return AI_ERR;
    ai_value names = tuple_new(nk), r = AI_ERR;
    if (!names) goto out;
    memcpy(vec, t->items, sizeof(ai_value) * (size_t)n);
    for (int64_t i = 0; i < nk; i++) {
        ai_value k = list_obj(keys)->items[i];
        if (!str_check(k)) {
            ai_raise_msg(&ai_exc_TypeError, "keywords must be strings");
            goto out;
        }
        ai_value v = ai_getitem(kwargs, k);
        if (!v) goto out;
        tuple_obj(names)->items[i] = k;
        gc_barrier(ai_obj(names), k);
        vec[n + i] = v;
    }
    r = ai_call(callable, vec, n, nk ? names : 0);
out:
    gc_vals_free(vec);
    return r;
}

/* In-place operators: a type with an in-place method (list +=, set |=)
 * gets it through its `inplace` slot, which may decline with
 * NotImplemented; numbers and str fall back to the binary operator, as
 * CPython does. */
static ai_value binary_fallback(ai_value a, ai_value b, int32_t op) {
    switch (op) {
    case AI_OP_ADD: return ai_add(a, b);
    case AI_OP_SUB: return ai_sub(a, b);
    case AI_OP_MUL: return ai_mul(a, b);
    case AI_OP_MATMUL: return ai_matmul(a, b);
    case AI_OP_TRUEDIV: return ai_truediv(a, b);
    case AI_OP_MOD: return ai_mod(a, b);
    case AI_OP_POW: return ai_pow(a, b);
    case AI_OP_LSHIFT: return ai_lshift(a, b);
    case AI_OP_RSHIFT: return ai_rshift(a, b);
    case AI_OP_OR: return ai_or(a, b);
    case AI_OP_XOR: return ai_xor(a, b);
    case AI_OP_AND: return ai_and(a, b);
    default: return ai_floordiv(a, b);
    }
}

ai_value ai_inplace(ai_value a, ai_value b, int32_t op) {
    if (!ai_is_smallint(a)) {
        const ai_slots *s = obj_slots(a);
        if (s->inplace) {
            ai_value r = s->inplace(a, b, op);
            if (r != AI_NOTIMPL) return r;
        }
    }
    ai_value r = binary_fallback(a, b, op);
    if (r || !exc_pending_is(&ai_exc_TypeError)) return r;
    /* CPython names the augmented operator: "for +=: 'list' and 'int'". */
    static const char *const sym[] = {"+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"};
    char plain[256];
    snprintf(plain, sizeof plain, "unsupported operand type(s) for %s: '%s' and '%s'", sym[op], obj_type_name(a),
             obj_type_name(b));
    int64_t n;
    ai_value msg = exc_str(exc_pending());
    const char *text = msg ? str_utf8(msg, &n) : NULL;
    if (!text || strcmp(text, plain) != 0) return AI_ERR;
    exc_clear();
    return ai_raise_fmt(&ai_exc_TypeError, "unsupported operand type(s) for %s=: '%s' and '%s'", sym[op],
                        obj_type_name(a), obj_type_name(b));
}

/* The emitter reads tuple items and cell values at fixed offsets. */
_Static_assert(offsetof(ai_tuple, items) == AI_TUPLE_ITEMS_OFFSET, "tuple layout is ABI");
_Static_assert(offsetof(ai_cell, value) == 8, "cell layout is ABI");
