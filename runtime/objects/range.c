/*
 * objects/range.c — the `range` type and its iterator.
 *
 * A counted `for i in range(...)` with small-int bounds never builds one
 * (the emitter loops on an i64, with ai_range_i64 in core/builtins.c);
 * this type serves everything else: range values, big-int bounds, `in`,
 * len(), ==, repr. Bounds are ints of any size; the length is computed
 * once at construction. The iterator runs on int64 counters when start,
 * step and the last value fit, and on int objects otherwise.
 *
 * Indexing takes ints of any size (range(10**20)[-1] works); slicing
 * gives a new range (slice_indices_big resolves the slice exactly);
 * reversed() is a range iterator running backwards; index()/count() are
 * arithmetic for ints and a scan for other values; start/stop/step are
 * attributes.
 *
 * Invariants: step != 0; len >= 0 and equals the number of values.
 * Not handled: nothing known.
 */
#include "core/object.h"
#include "gc/gc.h"

typedef struct ai_range {
    ai_object ob;
    ai_value start, stop, step, len;
} ai_range;

static inline ai_range *range_obj(ai_value v) { return (ai_range *)ai_obj(v); }

static void range_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_range *r = (ai_range *)o;
    visit(&r->start, ctx);
    visit(&r->stop, ctx);
    visit(&r->step, ctx);
    visit(&r->len, ctx);
}

/* Number of values: ceil((stop - start) / step) when positive, else 0. */
static ai_value range_length(ai_value start, ai_value stop, ai_value step) {
    bool up = int_sign(step) > 0;
    ai_value lo = up ? start : stop, hi = up ? stop : start;
    if (int_cmp(lo, hi) >= 0) return ai_smallint(0);
    ai_value diff = ai_sub(hi, lo);          /* > 0 */
    ai_value mag = up ? step : ai_neg(step); /* > 0 */
    ai_value n = diff && mag ? ai_sub(diff, ai_smallint(1)) : 0;
    n = n ? ai_floordiv(n, mag) : 0;
    return n ? ai_add(n, ai_smallint(1)) : AI_ERR;
}

/* A range of ints (start, stop, step != 0). */
static ai_value range_new(ai_value start, ai_value stop, ai_value step) {
    ai_value len = range_length(start, stop, step);
    if (!len) return AI_ERR;
    ai_range *r = ai_alloc(&ai_range_type, sizeof(ai_range));
    if (!r) return AI_ERR;
    r->start = start, r->stop = stop, r->step = step, r->len = len;
    return ai_val(r);
}

static ai_value to_index(ai_value v) {
    if (ai_is_smallint(v)) return v;
    ai_unaryfunc ix = obj_slots(v)->index;
    if (!ix)
        return ai_raise_fmt(&ai_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                            obj_type_name(v));
    return int_unbool(ix(v));
}

static ai_value range_construct(ai_value cls, const ai_value *args, int64_t nargs,
                                ai_value kwnames) {
    (void)cls;
    if (call_no_kwargs("range", kwnames) < 0) return AI_ERR;
    if (nargs < 1)
        return ai_raise_fmt(&ai_exc_TypeError, "range expected at least 1 argument, got %lld",
                            (long long)nargs);
    if (nargs > 3)
        return ai_raise_fmt(&ai_exc_TypeError, "range expected at most 3 arguments, got %lld",
                            (long long)nargs);
    ai_value v[3] = {ai_smallint(0), 0, ai_smallint(1)};
    if (nargs == 1) {
        v[1] = to_index(args[0]);
        if (!v[1]) return AI_ERR;
    } else {
        for (int64_t i = 0; i < nargs; i++)
            if (!(v[i] = to_index(args[i]))) return AI_ERR;
    }
    if (int_sign(v[2]) == 0)
        return ai_raise_msg(&ai_exc_ValueError, "range() arg 3 must not be zero");
    return range_new(v[0], v[1], v[2]);
}

static ai_value range_repr(ai_value v) {
    ai_range *r = range_obj(v);
    ai_value a = int_to_str(r->start), b = a ? int_to_str(r->stop) : 0;
    if (!b) return AI_ERR;
    strbuf sb;
    sb_init(&sb);
    sb_adds(&sb, "range(");
    sb_add_str(&sb, a);
    sb_adds(&sb, ", ");
    sb_add_str(&sb, b);
    if (r->step != ai_smallint(1)) {
        ai_value c = int_to_str(r->step);
        if (!c) {
            sb_free(&sb);
            return AI_ERR;
        }
        sb_adds(&sb, ", ");
        sb_add_str(&sb, c);
    }
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

static int64_t range_len(ai_value v) {
    int64_t n;
    if (int_to_i64(range_obj(v)->len, &n)) return n;
    ai_raise_msg(&ai_exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

static int32_t range_truthy(ai_value v) { return range_obj(v)->len != ai_smallint(0); }

/* Is the int x one of r's values? Arithmetic, no iteration. */
static int32_t range_has_int(ai_range *r, ai_value x) {
    bool up = int_sign(r->step) > 0;
    if (up ? (int_cmp(x, r->start) < 0 || int_cmp(x, r->stop) >= 0)
           : (int_cmp(x, r->start) > 0 || int_cmp(x, r->stop) <= 0))
        return 0;
    ai_value d = ai_sub(x, r->start), m = d ? ai_mod(d, r->step) : 0;
    if (!m) return -1;
    return m == ai_smallint(0);
}

static int32_t range_contains(ai_value c, ai_value item) {
    ai_range *r = range_obj(c);
    if (int_check(item)) return range_has_int(r, int_unbool(item));
    /* Other values (3.0, objects with __eq__) compare against each value. */
    ai_value it = ai_iter(c), x;
    if (!it) return -1;
    int32_t rc;
    while ((rc = ai_for_next(it, &x)) == 1) {
        int32_t eq = obj_eq(x, item);
        if (eq != 0) return eq;
    }
    return rc;
}

static ai_value range_richcompare(ai_value a, ai_value b, int32_t op) {
    if (!obj_is_type(a, &ai_range_type) || !obj_is_type(b, &ai_range_type) ||
        (op != AI_CMP_EQ && op != AI_CMP_NE))
        return AI_NOTIMPL;
    /* Equal as sequences: same length, and (if non-empty) same first
     * value, and (if longer than one) same step. */
    ai_range *x = range_obj(a), *y = range_obj(b);
    bool eq = int_cmp(x->len, y->len) == 0;
    if (eq && x->len != ai_smallint(0)) {
        eq = int_cmp(x->start, y->start) == 0;
        if (eq && x->len != ai_smallint(1)) eq = int_cmp(x->step, y->step) == 0;
    }
    return ai_bool(op == AI_CMP_EQ ? eq : !eq);
}

static int64_t range_hash(ai_value v) {
    /* Hash like the tuple that determines equality, as CPython does. */
    ai_range *r = range_obj(v);
    ai_value t[3] = {r->len, AI_NONE, AI_NONE};
    if (r->len != ai_smallint(0)) {
        t[1] = r->start;
        if (r->len != ai_smallint(1)) t[2] = r->step;
    }
    ai_value tup = ai_tuple_pack(t, 3);
    return tup ? obj_hash(tup) : -1;
}

/* ---- the iterator -------------------------------------------------------------- */

typedef struct range_iter_obj {
    ai_object ob;
    int64_t cur, step, left;     /* the int64 mode */
    ai_value bcur, bstep, bleft; /* the int-object mode, when bleft != 0 */
} range_iter_obj;

static void range_iter_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    range_iter_obj *it = (range_iter_obj *)o;
    visit(&it->bcur, ctx);
    visit(&it->bstep, ctx);
    visit(&it->bleft, ctx);
}

static int32_t range_iter_next(ai_value v, ai_value *out) {
    range_iter_obj *it = (range_iter_obj *)ai_obj(v);
    if (!it->bleft) {
        if (it->left <= 0) return 0;
        ai_value x = ai_int_from_i64(it->cur);
        if (!x) return -1;
        it->left--;
        it->cur += it->left ? it->step : 0; /* never steps past the last value */
        *out = x;
        return 1;
    }
    if (it->bleft == ai_smallint(0)) return 0;
    ai_value x = it->bcur;
    ai_value left = ai_sub(it->bleft, ai_smallint(1));
    ai_value next = left ? ai_add(it->bcur, it->bstep) : 0;
    if (!next) return -1;
    it->bleft = left;
    gc_barrier(it, left);
    it->bcur = next;
    gc_barrier(it, next);
    *out = x;
    return 1;
}

static const ai_slots range_iter_slots = {.iter = obj_iter_self, .next = range_iter_next};

static ai_type range_iter_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "range_iterator",
    .base = &ai_object_type,
    .basicsize = sizeof(range_iter_obj),
    .gc_visit = range_iter_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&range_iter_slots,
};

static ai_type longrange_iter_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "longrange_iterator",
    .base = &ai_object_type,
    .basicsize = sizeof(range_iter_obj),
    .gc_visit = range_iter_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&range_iter_slots,
};

/* An iterator over len values from bstart by bstep: on int64 counters
 * when every value fits, else on int objects. */
static ai_value make_iter(ai_value bstart, ai_value bstep, ai_value blen) {
    int64_t start, step, len, last;
    bool small = int_to_i64(bstart, &start) && int_to_i64(bstep, &step) && int_to_i64(blen, &len) &&
                 (len == 0 || (!__builtin_mul_overflow(len - 1, step, &last) &&
                               !__builtin_add_overflow(start, last, &last)));
    range_iter_obj *it =
        ai_alloc(small ? &range_iter_type : &longrange_iter_type, sizeof(range_iter_obj));
    if (!it) return AI_ERR;
    if (small) {
        it->cur = start, it->step = step, it->left = len;
    } else {
        it->bcur = bstart, it->bstep = bstep, it->bleft = blen;
    }
    return ai_val(it);
}

static ai_value range_iter(ai_value v) {
    ai_range *r = range_obj(v);
    return make_iter(r->start, r->step, r->len);
}

/* ---- subscripts, methods, attributes ------------------------------------------ */

/* start + i * step for an int i already within [0, len). */
static ai_value range_item(ai_range *r, ai_value i) {
    ai_value off = ai_mul(i, r->step);
    return off ? ai_add(r->start, off) : AI_ERR;
}

static ai_value range_getitem(ai_value o, ai_value key) {
    ai_range *r = range_obj(o);
    if (slice_check(key)) {
        ai_value ix[3];
        if (slice_indices_big(key, r->len, ix) < 0) return AI_ERR;
        ai_value start = range_item(r, ix[0]), stop = start ? range_item(r, ix[1]) : 0;
        ai_value step = stop ? ai_mul(ix[2], r->step) : 0;
        return step ? range_new(start, stop, step) : AI_ERR;
    }
    if (!ai_is_smallint(key) && !obj_slots(key)->index)
        return ai_raise_fmt(&ai_exc_TypeError, "range indices must be integers or slices, not %s",
                            obj_type_name(key));
    ai_value i = to_index(key);
    if (!i) return AI_ERR;
    if (int_sign(i) < 0 && !(i = ai_add(i, r->len))) return AI_ERR;
    if (int_sign(i) < 0 || int_cmp(i, r->len) >= 0)
        return ai_raise_msg(&ai_exc_IndexError, "range object index out of range");
    return range_item(r, i);
}

static int meth_one_arg(const char *name, int64_t nargs, ai_value kw) {
    if (call_no_kwargs(name, kw) < 0) return -1;
    if (nargs == 1) return 0;
    ai_raise_fmt(&ai_exc_TypeError, "%s() takes exactly one argument (%lld given)", name,
                 (long long)nargs);
    return -1;
}

/* Non-int values: compare against each value in turn. Returns the count
 * of equal values (stopping at the first when `first`), its index in
 * *where, or -1 on error. */
static int64_t range_scan(ai_value o, ai_value x, bool first, int64_t *where) {
    ai_value it = ai_iter(o), v;
    if (!it) return -1;
    int64_t n = 0, i = 0;
    int32_t rc;
    for (; (rc = ai_for_next(it, &v)) == 1; i++) {
        int32_t eq = obj_eq(v, x);
        if (eq < 0) return -1;
        if (eq) {
            if (first) {
                *where = i;
                return 1;
            }
            n++;
        }
    }
    return rc < 0 ? -1 : n;
}

static ai_value m_count(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (meth_one_arg("range.count", nargs, kw) < 0) return AI_ERR;
    ai_value x = args[0];
    if (int_check(x)) {
        int32_t has = range_has_int(range_obj(self), int_unbool(x));
        return has < 0 ? AI_ERR : ai_smallint(has);
    }
    int64_t where, n = range_scan(self, x, false, &where);
    return n < 0 ? AI_ERR : ai_int_from_i64(n);
}

static ai_value m_index(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (meth_one_arg("range.index", nargs, kw) < 0) return AI_ERR;
    ai_range *r = range_obj(self);
    ai_value x = args[0];
    if (int_check(x)) {
        ai_value xi = int_unbool(x);
        int32_t has = range_has_int(r, xi);
        if (has < 0) return AI_ERR;
        if (has) {
            ai_value d = ai_sub(xi, r->start);
            return d ? ai_floordiv(d, r->step) : AI_ERR;
        }
        ai_value rep = ai_repr(x);
        const char *p = rep ? str_utf8(rep, NULL) : NULL;
        if (!p) return AI_ERR;
        return ai_raise_fmt(&ai_exc_ValueError, "%s is not in range", p);
    }
    int64_t where, n = range_scan(self, x, true, &where);
    if (n < 0) return AI_ERR;
    if (n) return ai_int_from_i64(where);
    return ai_raise_msg(&ai_exc_ValueError, "sequence.index(x): x not in sequence");
}

static ai_value m_reversed(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (call_no_kwargs("range.__reversed__", kw) < 0) return AI_ERR;
    if (nargs != 0)
        return ai_raise_fmt(&ai_exc_TypeError,
                            "range.__reversed__() takes no arguments (%lld given)",
                            (long long)nargs);
    ai_range *r = range_obj(self);
    if (r->len == ai_smallint(0)) return make_iter(r->start, ai_neg(r->step), r->len);
    ai_value last_i = ai_sub(r->len, ai_smallint(1));
    ai_value last = last_i ? range_item(r, last_i) : 0;
    ai_value step = last ? ai_neg(r->step) : 0;
    return step ? make_iter(last, step, r->len) : AI_ERR;
}

static ai_value get_start(ai_value v) { return range_obj(v)->start; }
static ai_value get_stop(ai_value v) { return range_obj(v)->stop; }
static ai_value get_step(ai_value v) { return range_obj(v)->step; }

static const ai_method_def range_methods[] = {
    {"count", m_count, &ai_range_type, 0},
    {"index", m_index, &ai_range_type, 0},
    {"__reversed__", m_reversed, &ai_range_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_getset_def range_getset[] = {
    {"start", get_start},
    {"stop", get_stop},
    {"step", get_step},
    {NULL, NULL},
};

static const ai_slots range_slots = {
    .richcompare = range_richcompare,
    .hash = range_hash,
    .truthy = range_truthy,
    .len = range_len,
    .contains = range_contains,
    .construct = range_construct,
    .iter = range_iter,
    .getitem = range_getitem,
    .methods = range_methods,
    .getset = range_getset,
};

ai_type ai_range_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "range",
    .base = &ai_object_type,
    .flags = AI_TF_SEQUENCE,
    .basicsize = sizeof(ai_range),
    .repr = range_repr,
    .gc_visit = range_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&range_slots,
};
