/*
 * objects/dictviews.c — the dict views d.keys(), d.values(), d.items():
 * live windows on a dict (no copy), with len, iteration, reversed(),
 * `in`, and repr "dict_keys([1, 2])".
 *
 * keys and items views are set-like, as in CPython: ==/</<=… against any
 * set or set-like view (subset tests), and the operators & | - ^ plus
 * isdisjoint() against any iterable, each returning a new set. Which
 * operand is turned into a set first and which one is iterated follow
 * CPython's dictobject.c, because that decides the result's iteration
 * order (a set's order depends on its insertion history). The values
 * view is a plain iterable: `in` searches, == is identity.
 *
 * Invariants: a view holds only its dict; everything is re-read from the
 * dict on each use, so a view always reflects the dict's current state.
 * Not handled: the `mapping` attribute (needs types.MappingProxyType).
 */
#include "core/object.h"

typedef struct dictview {
    ai_object ob;
    ai_value dict;
} dictview;

static inline ai_value view_dict(ai_value v) { return ((dictview *)ai_obj(v))->dict; }
static inline bool is_keys(ai_value v) { return obj_is_type(v, &ai_dict_keys_type); }
static inline bool is_items(ai_value v) { return obj_is_type(v, &ai_dict_items_type); }
/* keys or items: the views that behave like sets */
static inline bool is_setlike_view(ai_value v) { return is_keys(v) || is_items(v); }
static inline int view_kind(ai_value v) {
    return is_keys(v) ? DICT_IT_KEYS : is_items(v) ? DICT_IT_ITEMS : DICT_IT_VALUES;
}

static void view_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit(&((dictview *)o)->dict, ctx);
}

static ai_type *const view_types[3] = {&ai_dict_keys_type, &ai_dict_values_type,
                                       &ai_dict_items_type};

ai_value dictview_new(ai_value d, int kind) {
    dictview *v = ai_alloc(view_types[kind], sizeof(dictview));
    if (!v) return AI_ERR;
    v->dict = d;
    return ai_val(v);
}

/* ---- protocol ------------------------------------------------------------------ */

static int64_t view_len(ai_value v) { return dict_len(view_dict(v)); }

static ai_value view_iter(ai_value v) { return dict_iter_new(view_dict(v), view_kind(v), false); }

static int32_t keys_contains(ai_value v, ai_value key) {
    ai_value dummy;
    return dict_get(view_dict(v), key, &dummy);
}

/* (k, v) in d.items(): k maps to a value equal to v. */
static int32_t items_contains(ai_value v, ai_value item) {
    if (!tuple_check(item) || tuple_obj(item)->len != 2) return 0;
    ai_value found;
    int32_t rc = dict_get(view_dict(v), tuple_obj(item)->items[0], &found);
    if (rc <= 0) return rc;
    return obj_eq(found, tuple_obj(item)->items[1]);
}

/* x in d.values(): a linear search (the view has no faster way). */
static int32_t values_contains(ai_value v, ai_value x) {
    ai_value it = view_iter(v), item;
    if (!it) return -1;
    int32_t rc;
    while ((rc = ai_for_next(it, &item)) == 1) {
        int32_t eq = obj_eq(item, x);
        if (eq != 0) return eq;
    }
    return rc;
}

static int64_t view_unhashable(ai_value v) {
    ai_raise_fmt(&ai_exc_TypeError, "unhashable type: '%s'", obj_type_name(v));
    return -1;
}

static ai_value view_repr(ai_value v) {
    int in = repr_enter(v);
    if (in < 0) return AI_ERR;
    if (in > 0) return str_from_ascii("...", 3);
    /* As CPython: the repr of list(view), wrapped in the type's name. */
    ai_value l = list_from_iter(v), r = l ? ai_repr(l) : AI_ERR;
    repr_leave(v);
    if (!r) return AI_ERR;
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s(", obj_type_name(v));
    sb_add_str(&b, r);
    sb_addc(&b, ')');
    return sb_finish(&b);
}

/* Is every item of a (iterated) in b (ai_contains)? 1/0/-1. */
static int all_contained_in(ai_value a, ai_value b) {
    ai_value it = ai_iter(a), x;
    if (!it) return -1;
    int32_t rc;
    while ((rc = ai_for_next(it, &x)) == 1) {
        int32_t c = ai_contains(b, x);
        if (c <= 0) return c;
    }
    return rc < 0 ? -1 : 1;
}

static int64_t size_of(ai_value v) {
    if (anyset_check(v)) return set_len(v);
    return view_len(v);
}

/* Comparisons with sets and set-like views are subset tests. */
static ai_value view_richcompare(ai_value a, ai_value b, int32_t op) {
    if (!anyset_check(b) && !is_setlike_view(b)) return AI_NOTIMPL;
    int64_t la = view_len(a), lb = size_of(b);
    int ok = 0;
    switch (op) {
    case AI_CMP_EQ:
    case AI_CMP_NE:
        if (la == lb) ok = all_contained_in(a, b);
        if (op == AI_CMP_NE && ok >= 0) ok = !ok;
        break;
    case AI_CMP_LT: ok = la < lb ? all_contained_in(a, b) : 0; break;
    case AI_CMP_LE: ok = la <= lb ? all_contained_in(a, b) : 0; break;
    case AI_CMP_GT: ok = la > lb ? all_contained_in(b, a) : 0; break;
    default: ok = la >= lb ? all_contained_in(b, a) : 0; break;
    }
    return ok < 0 ? AI_ERR : ai_bool(ok);
}

/* ---- set operations ----------------------------------------------------------- */

/* The left operand as a new set: a keys view goes through its dict
 * (set(dict) sizes the table once, which shows in the order). */
static ai_value to_set(ai_value v) {
    if (is_keys(v) && obj_is_type(view_dict(v), &ai_dict_type)) v = view_dict(v);
    return set_new(&ai_set_type, v);
}

/* Both operands: the slots are called with the view on either side. */
static ai_value view_or(ai_value a, ai_value b) {
    ai_value r = to_set(a);
    if (!r) return AI_ERR;
    return ai_set_update(r, b) < 0 ? AI_ERR : r;
}

static ai_value view_sub(ai_value a, ai_value b) {
    ai_value r = to_set(a);
    if (!r) return AI_ERR;
    return set_difference_update(r, b) < 0 ? AI_ERR : r;
}

static ai_value view_and(ai_value a, ai_value b) {
    ai_value self = a, other = b;
    if (!is_setlike_view(self)) { /* reflected: view on the right */
        self = b;
        other = a;
    }
    int64_t len_self = view_len(self);
    if (obj_is_type(other, &ai_set_type) && len_self <= set_len(other))
        return set_intersection(other, self);
    if (is_setlike_view(other) && view_len(other) > len_self) {
        ai_value t = other;
        other = self;
        self = t;
    }
    /* self is a view; iterate other (the smaller when both are views) */
    ai_value r = set_new(&ai_set_type, 0);
    if (!r) return AI_ERR;
    ai_value it = ai_iter(other), x;
    if (!it) return AI_ERR;
    int32_t rc;
    while ((rc = ai_for_next(it, &x)) == 1) {
        int32_t c = is_keys(self) ? keys_contains(self, x) : items_contains(self, x);
        if (c < 0) return AI_ERR;
        if (c && ai_set_add(r, x) < 0) return AI_ERR;
    }
    return rc < 0 ? AI_ERR : r;
}

/* d1.items() ^ d2.items(): pairs of d2 not in d1, then what is left of d1. */
static ai_value items_xor(ai_value a, ai_value b) {
    ai_value d1 = view_dict(a), d2 = view_dict(b);
    ai_value rest = dict_copy(d1), r = rest ? set_new(&ai_set_type, 0) : AI_ERR;
    if (!r) return AI_ERR;
    int64_t pos = 0, h;
    ai_value k, v2;
    while (dict_next(d2, &pos, &k, &v2, &h)) {
        ai_value v1;
        int32_t found = dict_get_hash(rest, k, h, &v1), drop = 0;
        if (found < 0) return AI_ERR;
        if (found && (drop = obj_eq(v1, v2)) < 0) return AI_ERR;
        if (drop) {
            if (dict_del(rest, k) < 0) return AI_ERR;
        } else {
            ai_value pair = tuple_pack2(k, v2);
            if (!pair || ai_set_add(r, pair) < 0) return AI_ERR;
        }
    }
    ai_value items = dictview_new(rest, DICT_IT_ITEMS);
    if (!items || ai_set_update(r, items) < 0) return AI_ERR;
    return r;
}

static ai_value view_xor(ai_value a, ai_value b) {
    if (is_items(a) && is_items(b)) return items_xor(a, b);
    ai_value r = to_set(a);
    if (!r) return AI_ERR;
    return set_symmetric_difference_update(r, b) < 0 ? AI_ERR : r;
}

/* ---- methods -------------------------------------------------------------------- */

static int meth_check(ai_value self, const char *meth, int64_t nargs, ai_value kw, int want) {
    /* the qualified name only for an error message (not per call) */
    if ((!kw || tuple_obj(kw)->len == 0) && nargs == want) return 0;
    char name[64];
    snprintf(name, sizeof name, "%s.%s", obj_type_name(self), meth);
    if (call_no_kwargs(name, kw) < 0) return -1;
    return call_exact_args(name, nargs, want);
}

static ai_value m_isdisjoint(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (meth_check(self, "isdisjoint", nargs, kw, 1) < 0) return AI_ERR;
    ai_value other = args[0];
    if (self == other) return ai_bool(view_len(self) == 0);
    /* Iterate the shorter one when both know their size cheaply. */
    if (anyset_check(other) || is_setlike_view(other)) {
        if (size_of(other) > view_len(self)) {
            ai_value t = other;
            other = self;
            self = t;
        }
    }
    ai_value it = ai_iter(other), x;
    if (!it) return AI_ERR;
    int32_t rc;
    while ((rc = ai_for_next(it, &x)) == 1) {
        int32_t c = ai_contains(self, x);
        if (c < 0) return AI_ERR;
        if (c) return AI_FALSE;
    }
    return rc < 0 ? AI_ERR : AI_TRUE;
}

static ai_value m_reversed(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (meth_check(self, "__reversed__", nargs, kw, 0) < 0) return AI_ERR;
    return dict_iter_new(view_dict(self), view_kind(self), true);
}

static const ai_method_def keys_methods[] = {
    {"isdisjoint", m_isdisjoint, &ai_dict_keys_type, 0},
    {"__reversed__", m_reversed, &ai_dict_keys_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_method_def items_methods[] = {
    {"isdisjoint", m_isdisjoint, &ai_dict_items_type, 0},
    {"__reversed__", m_reversed, &ai_dict_items_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_method_def values_methods[] = {
    {"__reversed__", m_reversed, &ai_dict_values_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_slots keys_slots = {
    .sub = view_sub,
    .and_ = view_and,
    .or_ = view_or,
    .xor_ = view_xor,
    .richcompare = view_richcompare,
    .hash = view_unhashable,
    .len = view_len,
    .contains = keys_contains,
    .iter = view_iter,
    .methods = keys_methods,
};

static const ai_slots items_slots = {
    .sub = view_sub,
    .and_ = view_and,
    .or_ = view_or,
    .xor_ = view_xor,
    .richcompare = view_richcompare,
    .hash = view_unhashable,
    .len = view_len,
    .contains = items_contains,
    .iter = view_iter,
    .methods = items_methods,
};

static const ai_slots values_slots = {
    .len = view_len,
    .contains = values_contains,
    .iter = view_iter,
    .methods = values_methods,
};

/* clang-format off */
#define VIEW_TYPE(nm, sl)                                                                        \
    {                                                                                            \
        .ob = {(uintptr_t)&ai_type_type}, .name = nm, .base = &ai_object_type,                   \
        .basicsize = sizeof(dictview), .repr = view_repr, .gc_visit = view_visit,                \
        .gc_size = alloc_fixed_size, .slots = (void *)&sl,                                       \
    }

ai_type ai_dict_keys_type = VIEW_TYPE("dict_keys", keys_slots);
ai_type ai_dict_values_type = VIEW_TYPE("dict_values", values_slots);
ai_type ai_dict_items_type = VIEW_TYPE("dict_items", items_slots);
/* clang-format on */
