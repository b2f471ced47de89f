/*
 * objects/slice.c — slice objects (a[i:j:k] builds one with ai_slice_new)
 * and the index helpers every sequence shares.
 *
 * A slice only stores its three bounds, any values at all (None when
 * absent); they are interpreted when a sequence resolves the slice
 * against its length with slice_indices(), which follows CPython's two
 * steps exactly: read the bounds (step None → 1, a zero step refused,
 * huge bounds clamped to the int64 range) and then clamp them to
 * [0, len] (or [-1, len-1] for negative steps) and count the items.
 * slice.indices(len) does the same and returns the triple.
 *
 * Protocol: repr "slice(1, None, None)", ==/< as the tuple (start, stop,
 * step), unhashable (as in 3.11), start/stop/step attributes, indices().
 * slice_indices_big() does the same with ints of any size, for
 * slice.indices() and range slicing, whose answers are exact.
 * Not handled: slice subclasses.
 */
#include "core/object.h"

static void slice_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_slice *s = (ai_slice *)o;
    visit(&s->start, ctx);
    visit(&s->stop, ctx);
    visit(&s->step, ctx);
}

ai_value ai_slice_new(ai_value start, ai_value stop, ai_value step) {
    ai_slice *s = ai_alloc(&ai_slice_type, sizeof(ai_slice));
    if (!s) return AI_ERR;
    s->start = start ? start : AI_NONE;
    s->stop = stop ? stop : AI_NONE;
    s->step = step ? step : AI_NONE;
    return ai_val(s);
}

/* ---- resolving against a length -------------------------------------------- */

static bool int_like(ai_value v) { return ai_is_smallint(v) || obj_slots(v)->index; }

/* A bound as int64, clamped (CPython's _PyEval_SliceIndex). */
static int bound(ai_value v, int64_t *out) {
    if (ai_is_smallint(v)) {
        *out = ai_smallint_get(v);
        return 0;
    }
    if (!int_like(v)) {
        ai_raise_msg(&ai_exc_TypeError,
                     "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    bool fits, err;
    int64_t n = obj_index_i64(v, &fits, &err);
    if (err) return -1;
    *out = n; /* already clamped to INT64_MIN/MAX when it does not fit */
    return 0;
}

/* Read the bounds (PySlice_Unpack): 0 / -1. */
static int slice_unpack(const ai_slice *s, int64_t *start, int64_t *stop, int64_t *step) {
    if (s->step == AI_NONE) {
        *step = 1;
    } else {
        if (bound(s->step, step) < 0) return -1;
        if (*step == 0) {
            ai_raise_msg(&ai_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* So that -step never overflows. */
        if (*step < -INT64_MAX) *step = -INT64_MAX;
    }
    if (s->start == AI_NONE)
        *start = *step < 0 ? INT64_MAX : 0;
    else if (bound(s->start, start) < 0)
        return -1;
    if (s->stop == AI_NONE)
        *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    else if (bound(s->stop, stop) < 0)
        return -1;
    return 0;
}

/* Clamp to the sequence and count (PySlice_AdjustIndices). */
static int64_t slice_adjust(int64_t len, int64_t *start, int64_t *stop, int64_t step) {
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = step < 0 ? -1 : 0;
    } else if (*start >= len) {
        *start = step < 0 ? len - 1 : len;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0) *stop = step < 0 ? -1 : 0;
    } else if (*stop >= len) {
        *stop = step < 0 ? len - 1 : len;
    }
    /* (no division for the common steps: it costs more than the rest) */
    if (step < 0) {
        if (*stop < *start) return step == -1 ? *start - *stop : (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return step == 1 ? *stop - *start : (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int slice_indices(ai_value slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step,
                  int64_t *slicelen) {
    if (slice_unpack((const ai_slice *)ai_obj(slice), start, stop, step) < 0) return -1;
    *slicelen = slice_adjust(len, start, stop, *step);
    return 0;
}

int slice_bounds3(ai_value lo, ai_value hi, ai_value st, int64_t *start, int64_t *stop, int64_t *step) {
    bool lo_ok = ai_is_smallint(lo) || lo == AI_NONE, hi_ok = ai_is_smallint(hi) || hi == AI_NONE;
    if (lo_ok && hi_ok && (st == AI_NONE || (ai_is_smallint(st) && st != ai_smallint(0)))) {
        /* Small ints: no __index__ to call, no clamping to int64 needed
         * (and -step cannot overflow). */
        int64_t k = st == AI_NONE ? 1 : ai_smallint_get(st);
        *step = k;
        *start = lo == AI_NONE ? (k < 0 ? INT64_MAX : 0) : ai_smallint_get(lo);
        *stop = hi == AI_NONE ? (k < 0 ? INT64_MIN : INT64_MAX) : ai_smallint_get(hi);
        return 0;
    }
    ai_slice s = {{(uintptr_t)&ai_slice_type}, lo, hi, st};
    return slice_unpack(&s, start, stop, step);
}

int64_t slice_clamp(int64_t len, int64_t *start, int64_t *stop, int64_t step) {
    return slice_adjust(len, start, stop, step);
}

/* ---- o[lo:hi:st] and o[lo:hi:st] = v of compiled code ---------------------- */

/* An exact list, tuple or str reads a slice only while resolving it
 * (keeps no reference, runs no code that could see it): theirs lives on
 * this frame; anything else gets a slice object (a __getitem__ may keep
 * it). An exact list takes its own way, with no slice at all. */
ai_value ai_getslice(ai_value o, ai_value lo, ai_value hi, ai_value st) {
    if (!ai_is_smallint(o)) {
        const ai_type *t = ai_type_of_obj(ai_obj(o));
        if (t == &ai_list_type) return list_getslice(o, lo, hi, st);
        if (t == &ai_tuple_type || t == &ai_str_type) {
            ai_slice s = {{(uintptr_t)&ai_slice_type}, lo, hi, st};
            return ai_getitem(o, ai_val(&s));
        }
    }
    ai_value k = ai_slice_new(lo, hi, st);
    return k ? ai_getitem(o, k) : AI_ERR;
}

int32_t ai_setslice(ai_value o, ai_value lo, ai_value hi, ai_value st, ai_value v) {
    if (obj_is_type(o, &ai_list_type)) return list_setslice(o, lo, hi, st, v);
    ai_value k = ai_slice_new(lo, hi, st);
    return k ? ai_setitem(o, k, v) : -1;
}

static inline bool small_or_none(ai_value v) { return ai_is_smallint(v) || v == AI_NONE; }

int32_t ai_setslice_slice(ai_value o, ai_value lo, ai_value hi, ai_value src, ai_value p, ai_value q, ai_value r) {
    if (obj_is_type(src, &ai_list_type) && obj_is_type(o, &ai_list_type) && small_or_none(p) && small_or_none(q) &&
        (r == AI_NONE || (ai_is_smallint(r) && r != ai_smallint(0)))) {
        /* src's items gathered on this stack first: o may be src */
        ai_value buf[64];
        int64_t start, stop, step;
        slice_bounds3(p, q, r, &start, &stop, &step); /* small ints: cannot fail */
        int64_t n = slice_clamp(list_obj(src)->len, &start, &stop, step);
        if (n <= 64) {
            const ai_value *items = list_obj(src)->items + start;
            for (int64_t k = 0; k < n; k++) buf[k] = items[k * step];
            return list_setslice_items(o, lo, hi, buf, n);
        }
    }
    ai_value tmp = ai_getslice(src, p, q, r);
    return tmp ? ai_setslice(o, lo, hi, AI_NONE, tmp) : -1;
}

/* A bound clamped into [lo, hi] after counting negatives from the end. */
static ai_value big_bound(ai_value v, ai_value len, ai_value lo, ai_value hi) {
    if (!int_like(v))
        return ai_raise_msg(&ai_exc_TypeError,
                            "slice indices must be integers or None or have an __index__ method");
    ai_value i = ai_is_smallint(v) ? v : int_unbool(obj_slots(v)->index(v));
    if (!i) return AI_ERR;
    if (int_sign(i) < 0 && !(i = ai_add(i, len))) return AI_ERR;
    if (int_cmp(i, lo) < 0) return lo;
    if (int_cmp(i, hi) > 0) return hi;
    return i;
}

int slice_indices_big(ai_value slice, ai_value len, ai_value out[3]) {
    const ai_slice *s = (const ai_slice *)ai_obj(slice);
    ai_value step = ai_smallint(1);
    if (s->step != AI_NONE) {
        if (!int_like(s->step)) {
            ai_raise_msg(&ai_exc_TypeError,
                         "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        step = ai_is_smallint(s->step) ? s->step : int_unbool(obj_slots(s->step)->index(s->step));
        if (!step) return -1;
        if (int_sign(step) == 0) {
            ai_raise_msg(&ai_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
    }
    bool neg = int_sign(step) < 0;
    /* Valid positions: [0, len] going up, [-1, len-1] going down. */
    ai_value lo = neg ? ai_smallint(-1) : ai_smallint(0);
    ai_value hi = neg ? ai_sub(len, ai_smallint(1)) : len;
    if (!hi) return -1;
    ai_value start = s->start == AI_NONE ? (neg ? hi : lo) : big_bound(s->start, len, lo, hi);
    if (!start) return -1;
    ai_value stop = s->stop == AI_NONE ? (neg ? lo : hi) : big_bound(s->stop, len, lo, hi);
    if (!stop) return -1;
    out[0] = start, out[1] = stop, out[2] = step;
    return 0;
}

int seq_index_of(ai_value key, int64_t *out) {
    if (ai_is_smallint(key)) {
        *out = ai_smallint_get(key);
        return 0;
    }
    bool fits, err;
    int64_t n = obj_index_i64(key, &fits, &err);
    if (err) return -1;
    if (!fits) {
        ai_raise_fmt(&ai_exc_IndexError, "cannot fit '%s' into an index-sized integer",
                     obj_type_name(key));
        return -1;
    }
    *out = n;
    return 0;
}

/* ---- the type ------------------------------------------------------------------ */

static ai_slice *slice_obj(ai_value v) { return (ai_slice *)ai_obj(v); }

static ai_value slice_repr(ai_value v) {
    ai_slice *s = slice_obj(v);
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "slice(");
    ai_value parts[3] = {s->start, s->stop, s->step};
    for (int i = 0; i < 3; i++) {
        ai_value r = ai_repr(parts[i]);
        if (!r) {
            sb_free(&b);
            return AI_ERR;
        }
        if (i > 0) sb_adds(&b, ", ");
        sb_add_str(&b, r);
    }
    sb_addc(&b, ')');
    return sb_finish(&b);
}

static ai_value slice_richcompare(ai_value a, ai_value b, int32_t op) {
    if (!slice_check(a) || !slice_check(b)) return AI_NOTIMPL;
    if (a == b && (op == AI_CMP_EQ || op == AI_CMP_NE)) return ai_bool(op == AI_CMP_EQ);
    /* Ordered as the tuples (start, stop, step). */
    ai_slice *x = slice_obj(a), *y = slice_obj(b);
    ai_value tx = ai_tuple_pack((ai_value[]){x->start, x->stop, x->step}, 3);
    ai_value ty = tx ? ai_tuple_pack((ai_value[]){y->start, y->stop, y->step}, 3) : 0;
    if (!ty) return AI_ERR;
    return ai_compare(tx, ty, op);
}

static int64_t slice_hash(ai_value v) {
    (void)v;
    ai_raise_msg(&ai_exc_TypeError, "unhashable type: 'slice'");
    return -1;
}

static ai_value slice_construct(ai_value cls, const ai_value *args, int64_t nargs,
                                ai_value kwnames) {
    (void)cls;
    if (call_no_kwargs("slice", kwnames) < 0) return AI_ERR;
    if (nargs < 1)
        return ai_raise_fmt(&ai_exc_TypeError, "slice expected at least 1 argument, got %lld",
                            (long long)nargs);
    if (nargs > 3)
        return ai_raise_fmt(&ai_exc_TypeError, "slice expected at most 3 arguments, got %lld",
                            (long long)nargs);
    if (nargs == 1) return ai_slice_new(AI_NONE, args[0], AI_NONE);
    return ai_slice_new(args[0], args[1], nargs == 3 ? args[2] : AI_NONE);
}

static ai_value get_start(ai_value v) { return slice_obj(v)->start; }
static ai_value get_stop(ai_value v) { return slice_obj(v)->stop; }
static ai_value get_step(ai_value v) { return slice_obj(v)->step; }

static ai_value m_indices(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (call_no_kwargs("slice.indices", kw) < 0) return AI_ERR;
    if (nargs != 1)
        return ai_raise_fmt(&ai_exc_TypeError,
                            "slice.indices() takes exactly one argument (%lld given)",
                            (long long)nargs);
    ai_value len = args[0];
    if (!ai_is_smallint(len)) {
        ai_unaryfunc ix = obj_slots(len)->index;
        if (!ix)
            return ai_raise_fmt(&ai_exc_TypeError,
                                "'%s' object cannot be interpreted as an integer",
                                obj_type_name(len));
        if (!(len = int_unbool(ix(len)))) return AI_ERR;
    }
    if (int_sign(len) < 0) return ai_raise_msg(&ai_exc_ValueError, "length should not be negative");
    ai_value out[3];
    if (slice_indices_big(self, len, out) < 0) return AI_ERR;
    return ai_tuple_pack(out, 3);
}

static const ai_method_def slice_methods[] = {
    {"indices", m_indices, &ai_slice_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_getset_def slice_getset[] = {
    {"start", get_start},
    {"stop", get_stop},
    {"step", get_step},
    {NULL, NULL},
};

static const ai_slots slice_slots = {
    .richcompare = slice_richcompare,
    .hash = slice_hash,
    .construct = slice_construct,
    .methods = slice_methods,
    .getset = slice_getset,
};

ai_type ai_slice_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "slice",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_slice),
    .repr = slice_repr,
    .gc_visit = slice_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&slice_slots,
};

/* The arguments of seq.index(value[, start[, stop]]) for a sequence of
 * `len` items: start/stop are int-like, negative from the end, clamped at
 * 0; CPython's TypeErrors. `fname` is "list.index" / "tuple.index". */
static int index_bound_arg(ai_value v, int64_t len, int64_t *out) {
    if (!ai_is_smallint(v) && !obj_slots(v)->index) {
        ai_raise_msg(&ai_exc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    bool fits, err;
    int64_t n = obj_index_i64(v, &fits, &err);
    if (err) return -1;
    if (n < 0) {
        n += len;
        if (n < 0) n = 0;
    }
    *out = n;
    return 0;
}

int seq_index_args(const char *fname, const ai_value *args, int64_t nargs, ai_value kwnames, int64_t len,
                   int64_t *start, int64_t *stop) {
    if (call_no_kwargs(fname, kwnames) < 0) return -1;
    if (nargs < 1) {
        ai_raise_fmt(&ai_exc_TypeError, "index expected at least 1 argument, got %lld", (long long)nargs);
        return -1;
    }
    if (nargs > 3) {
        ai_raise_fmt(&ai_exc_TypeError, "index expected at most 3 arguments, got %lld", (long long)nargs);
        return -1;
    }
    *start = 0;
    *stop = INT64_MAX;
    if (nargs > 1 && index_bound_arg(args[1], len, start) < 0) return -1;
    if (nargs > 2 && index_bound_arg(args[2], len, stop) < 0) return -1;
    return 0;
}
