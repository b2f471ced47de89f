/*
 * objects/tuple.c — the immutable sequence `tuple`.
 *
 * Layout (core/object.h): a length and the items inline. Tuples carry
 * defaults and keyword-name lists for calls, exception args, divmod
 * results. The empty tuple is one static immortal object.
 *
 * Protocol: repr ("(1,)", "(1, 2)", "(...)" for a tuple reached again
 * through a list inside it), == and ordering (lexicographic, items
 * compared with == first as CPython does), hash (CPython's xxHash-based
 * tuple hash, so hash((1, 2)) matches CPython), len, `in`, `+` and `*`,
 * indexing and slicing with any step (t[:] is t itself), count() and
 * index(), tuple(iterable).
 * Invariant: items are never 0 once the tuple is visible to Python code
 * (tuple_new's zeroed items must all be filled by the creator).
 * Not handled: tuple subclasses (namedtuple-style types).
 */
#include "core/object.h"
#include "core/alloc.h"

ai_tuple tuple_empty_obj = {{(uintptr_t)&ai_tuple_type}, 0};

static size_t tuple_size(const ai_object *o) {
    return sizeof(ai_tuple) + (size_t)((const ai_tuple *)o)->len * sizeof(ai_value);
}

static void tuple_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_tuple *t = (ai_tuple *)o;
    for (int64_t i = 0; i < t->len; i++) visit(&t->items[i], ctx);
}

ai_value tuple_new(int64_t n) {
    if (n == 0) return ai_val(&tuple_empty_obj);
    if (n < 0 || (uint64_t)n > ((uint64_t)1 << 40)) return exc_nomem();
    ai_tuple *t = ai_alloc(&ai_tuple_type, sizeof(ai_tuple) + (size_t)n * sizeof(ai_value));
    if (!t) return AI_ERR;
    t->len = n;
    return ai_val(t);
}

ai_value ai_tuple_pack(const ai_value *items, int64_t n) {
    if (n > 0 && n <= 8) {
        /* compiled code's small tuples: from the nursery, as its inline
         * bump (which calls this when the nursery is spent) */
        ai_tuple *t = alloc_nursery(&ai_tuple_type, sizeof(ai_tuple) + (size_t)n * sizeof(ai_value));
        if (!t) return AI_ERR;
        t->len = n;
        memcpy(t->items, items, (size_t)n * sizeof(ai_value));
        return ai_val(t);
    }
    ai_value v = tuple_new(n);
    if (!v || n == 0) return v;
    memcpy(tuple_obj(v)->items, items, (size_t)n * sizeof(ai_value));
    return v;
}

ai_value tuple_pack2(ai_value a, ai_value b) {
    ai_value v = tuple_new(2);
    if (!v) return AI_ERR;
    tuple_obj(v)->items[0] = a;
    tuple_obj(v)->items[1] = b;
    return v;
}

static ai_value tuple_repr(ai_value v) {
    ai_tuple *t = tuple_obj(v);
    if (t->len == 0) return str_from_ascii("()", 2);
    /* A tuple cannot hold itself directly, but can through a list. */
    int in = repr_enter(v);
    if (in < 0) return AI_ERR;
    if (in > 0) return str_from_ascii("(...)", 5);
    strbuf b;
    sb_init(&b);
    sb_addc(&b, '(');
    for (int64_t i = 0; i < t->len; i++) {
        if (i > 0) sb_adds(&b, ", ");
        ai_value r = ai_repr(t->items[i]);
        if (!r) {
            sb_free(&b);
            repr_leave(v);
            return AI_ERR;
        }
        sb_add_str(&b, r);
    }
    if (t->len == 1) sb_addc(&b, ',');
    sb_addc(&b, ')');
    repr_leave(v);
    return sb_finish(&b);
}

static int64_t tuple_hash(ai_value v) {
    /* xxHash's round applied to each item's hash, as CPython 3.8+. */
    const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL,
                   P5 = 2870177450012600261ULL;
    ai_tuple *t = tuple_obj(v);
    uint64_t acc = P5;
    for (int64_t i = 0; i < t->len; i++) {
        int64_t h = obj_hash(t->items[i]);
        if (h == -1) return -1;
        acc += (uint64_t)h * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += (uint64_t)t->len ^ (P5 ^ 3527539ULL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (int64_t)acc;
}

/* Is item p equal to item q, as a tuple comparison asks (identity first,
 * then ==)? Small ints, exact floats and exact strs are compared here:
 * their == runs no code and gives the same answer. 1, 0, -1. */
static inline int32_t item_eq(ai_value p, ai_value q) {
    if (p == q) return 1;
    if (ai_is_smallint(p) && ai_is_smallint(q)) return 0; /* one word per small int */
    if (!ai_is_smallint(p) && !ai_is_smallint(q)) {
        const ai_type *t = ai_type_of_obj(ai_obj(p));
        if (t == ai_type_of_obj(ai_obj(q))) {
            if (t == &ai_float_type) return float_get(p) == float_get(q);
            if (t == &ai_str_type) return str_eq(str_obj(p), str_obj(q));
        }
    }
    return obj_eq(p, q);
}

/* The first index where x and y differ (items compared with item_eq),
 * n (the shorter length) when none does, -1 on error. */
static inline int64_t first_difference(const ai_tuple *x, const ai_tuple *y, int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        int32_t eq = item_eq(x->items[i], y->items[i]);
        if (eq < 0) return -1;
        if (!eq) return i;
    }
    return n;
}

static ai_value tuple_richcompare(ai_value a, ai_value b, int32_t op) {
    if (!tuple_check(a) || !tuple_check(b)) return AI_NOTIMPL;
    ai_tuple *x = tuple_obj(a), *y = tuple_obj(b);
    if ((op == AI_CMP_EQ || op == AI_CMP_NE) && x->len != y->len) return ai_bool(op == AI_CMP_NE);
    int64_t n = x->len < y->len ? x->len : y->len, i = first_difference(x, y, n);
    if (i < 0) return AI_ERR;
    if (i == n) {
        int c = (x->len > y->len) - (x->len < y->len);
        return ai_bool(OBJ_CMP_RESULT(op, c));
    }
    if (op == AI_CMP_EQ) return AI_FALSE;
    if (op == AI_CMP_NE) return AI_TRUE;
    ai_value p = x->items[i], q = y->items[i];
    if (ai_is_smallint(p) && ai_is_smallint(q)) /* tagging keeps the order */
        return ai_bool(OBJ_CMP_RESULT(op, ((int64_t)p > (int64_t)q) - ((int64_t)p < (int64_t)q)));
    return ai_compare(p, q, op);
}

int tuple_lt(ai_value a, ai_value b) {
    ai_tuple *x = tuple_obj(a), *y = tuple_obj(b);
    int64_t n = x->len < y->len ? x->len : y->len, i = first_difference(x, y, n);
    if (i < 0) return -1;
    if (i == n) return x->len < y->len;
    ai_value p = x->items[i], q = y->items[i];
    if (ai_is_smallint(p) && ai_is_smallint(q)) return (int64_t)p < (int64_t)q;
    return ai_compare_bool(p, q, AI_CMP_LT);
}

static int64_t tuple_len(ai_value v) { return tuple_obj(v)->len; }

static int32_t tuple_contains(ai_value c, ai_value item) {
    ai_tuple *t = tuple_obj(c);
    for (int64_t i = 0; i < t->len; i++) {
        int32_t eq = obj_eq(t->items[i], item);
        if (eq != 0) return eq;
    }
    return 0;
}

static ai_value tuple_concat(ai_value a, ai_value b) {
    if (!tuple_check(b))
        return ai_raise_fmt(&ai_exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                            obj_type_name(b));
    ai_tuple *x = tuple_obj(a), *y = tuple_obj(b);
    if (y->len == 0) return a;
    if (x->len == 0) return b;
    ai_value r = tuple_new(x->len + y->len);
    if (!r) return AI_ERR;
    memcpy(tuple_obj(r)->items, x->items, (size_t)x->len * sizeof(ai_value));
    memcpy(tuple_obj(r)->items + x->len, y->items, (size_t)y->len * sizeof(ai_value));
    return r;
}

static ai_value tuple_repeat(ai_value a, int64_t n) {
    ai_tuple *x = tuple_obj(a);
    if (n <= 0 || x->len == 0) return tuple_new(0);
    if (n == 1) return a;
    if (x->len > INT64_MAX / n) return exc_nomem();
    ai_value r = tuple_new(x->len * n);
    if (!r) return AI_ERR;
    for (int64_t i = 0; i < n; i++)
        memcpy(tuple_obj(r)->items + i * x->len, x->items, (size_t)x->len * sizeof(ai_value));
    return r;
}

static ai_value tuple_construct(ai_value cls, const ai_value *args, int64_t nargs,
                                ai_value kwnames) {
    (void)cls;
    if (call_no_kwargs("tuple", kwnames) < 0) return AI_ERR;
    if (nargs > 1)
        return ai_raise_fmt(&ai_exc_TypeError, "tuple expected at most 1 argument, got %lld",
                            (long long)nargs);
    if (nargs == 0) return tuple_new(0);
    if (obj_is_type(args[0], &ai_tuple_type)) return args[0];   /* a subclass's: copied */
    ai_value l = list_from_iter(args[0]);
    return l ? ai_list_to_tuple(l) : AI_ERR;
}

/* ---- subscripts and methods ------------------------------------------------ */

static ai_value tuple_getitem(ai_value o, ai_value key) {
    ai_tuple *t = tuple_obj(o);
    int64_t i;
    if (ai_is_smallint(key)) {
        i = ai_smallint_get(key);
    } else if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, t->len, &start, &stop, &step, &n) < 0) return AI_ERR;
        if (n == t->len && step == 1) return o; /* immutable: share it */
        ai_value r = tuple_new(n);
        if (!r) return AI_ERR;
        for (int64_t k = 0; k < n; k++) tuple_obj(r)->items[k] = t->items[start + k * step];
        return r;
    } else if (obj_slots(key)->index) {
        if (seq_index_of(key, &i) < 0) return AI_ERR;
    } else {
        return ai_raise_fmt(&ai_exc_TypeError, "tuple indices must be integers or slices, not %s",
                            obj_type_name(key));
    }
    if (i < 0) i += t->len;
    if (i < 0 || i >= t->len) return ai_raise_msg(&ai_exc_IndexError, "tuple index out of range");
    return t->items[i];
}

static ai_value m_count(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (call_no_kwargs("tuple.count", kw) < 0) return AI_ERR;
    if (nargs != 1)
        return ai_raise_fmt(&ai_exc_TypeError,
                            "tuple.count() takes exactly one argument (%lld given)",
                            (long long)nargs);
    ai_tuple *t = tuple_obj(self);
    int64_t c = 0;
    for (int64_t i = 0; i < t->len; i++) {
        int32_t eq = obj_eq(t->items[i], args[0]);
        if (eq < 0) return AI_ERR;
        c += eq;
    }
    return ai_smallint(c);
}

static ai_value m_index(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_tuple *t = tuple_obj(self);
    int64_t start, stop;
    if (seq_index_args("tuple.index", args, nargs, kw, t->len, &start, &stop) < 0) return AI_ERR;
    for (int64_t i = start; i < stop && i < t->len; i++) {
        int32_t eq = obj_eq(t->items[i], args[0]);
        if (eq < 0) return AI_ERR;
        if (eq) return ai_smallint(i);
    }
    return ai_raise_msg(&ai_exc_ValueError, "tuple.index(x): x not in tuple");
}

static const ai_method_def tuple_methods[] = {
    {"count", m_count, &ai_tuple_type, 0},
    {"index", m_index, &ai_tuple_type, 0},
    {NULL, NULL, NULL, 0},
};

/* ---- iteration ---------------------------------------------------------- */

static int32_t tuple_iter_next(ai_value it, ai_value *out) {
    seq_iter *si = (seq_iter *)ai_obj(it);
    ai_tuple *t = tuple_obj(si->seq);
    if (si->index >= t->len) return 0;
    *out = t->items[si->index++];
    return 1;
}

static const ai_slots tuple_iter_slots = {.iter = obj_iter_self, .next = tuple_iter_next};

static ai_type tuple_iter_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "tuple_iterator",
    .base = &ai_object_type,
    .basicsize = sizeof(seq_iter),
    .gc_visit = seq_iter_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&tuple_iter_slots,
};

static ai_value tuple_iter(ai_value v) {
    seq_iter *it = ai_alloc(&tuple_iter_type, sizeof(seq_iter));
    if (!it) return AI_ERR;
    it->seq = v;
    return ai_val(it);
}

static const ai_slots tuple_slots = {
    .concat = tuple_concat,
    .repeat = tuple_repeat,
    .richcompare = tuple_richcompare,
    .hash = tuple_hash,
    .len = tuple_len,
    .contains = tuple_contains,
    .construct = tuple_construct,
    .iter = tuple_iter,
    .getitem = tuple_getitem,
    .methods = tuple_methods,
};

ai_type ai_tuple_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "tuple",
    .base = &ai_object_type,
    .flags = AI_TF_SEQUENCE | AI_TF_MATCH_SELF,
    .basicsize = sizeof(ai_tuple),
    .repr = tuple_repr,
    .gc_visit = tuple_visit,
    .gc_size = tuple_size,
    .slots = (void *)&tuple_slots,
};
