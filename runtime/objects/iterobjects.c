/*
 * objects/iterobjects.c — the iterator types made by builtins (enumerate,
 * zip, map, filter, reversed, callable_iterator) and the builtins that
 * consume iterables (iter, next, sorted, min, max, sum, any, all).
 * objects/list.c lists them all in bi_table_seq.
 *
 * Every iterator here is lazy and works through the generic protocol
 * (ai_iter / ai_for_next): its next slot pulls from the underlying
 * iterators only when asked, returns 0 when exhausted without leaving
 * StopIteration pending, and -1 with the exception of whatever failed.
 * Argument checking follows CPython 3.11's order and wording.
 *
 * sum() adds left to right exactly as repeated `+` would; like 3.11 (not
 * 3.12's compensated sum) floats are added plainly, with a double
 * accumulator while the running total is a float, which gives the same
 * bits as boxing every step.
 *
 * Not handled: __length_hint__.
 */
#include "core/object.h"
#include "objects/gen.h"
#include "gc/gc.h"

#include <stdlib.h>

extern ai_type ai_enumerate_type, ai_zip_type, ai_map_type, ai_filter_type, ai_reversed_type;

/* Declarations for the builtin objects list.c puts in bi_table_seq. */
extern ai_builtin_fn iterobj_bf_iter, iterobj_bf_next, iterobj_bf_sorted, iterobj_bf_min,
    iterobj_bf_max, iterobj_bf_sum, iterobj_bf_any, iterobj_bf_all;

static int64_t nkwargs(ai_value kwnames) { return kwnames ? tuple_obj(kwnames)->len : 0; }

static const char *kwname(ai_value kwnames, int64_t k) {
    const char *p = str_utf8(tuple_obj(kwnames)->items[k], NULL);
    return p ? p : "?";
}

/* "f expected at least 1 argument, got 0" and its siblings. */
static int nargs_range(const char *fname, int64_t nargs, int64_t lo, int64_t hi) {
    if (nargs < lo) {
        if (lo == hi)
            ai_raise_fmt(&ai_exc_TypeError, "%s expected %lld argument%s, got %lld", fname,
                         (long long)lo, lo == 1 ? "" : "s", (long long)nargs);
        else
            ai_raise_fmt(&ai_exc_TypeError, "%s expected at least %lld argument%s, got %lld", fname,
                         (long long)lo, lo == 1 ? "" : "s", (long long)nargs);
        return -1;
    }
    if (nargs > hi) {
        if (lo == hi)
            ai_raise_fmt(&ai_exc_TypeError, "%s expected %lld argument%s, got %lld", fname,
                         (long long)hi, hi == 1 ? "" : "s", (long long)nargs);
        else
            ai_raise_fmt(&ai_exc_TypeError, "%s expected at most %lld argument%s, got %lld", fname,
                         (long long)hi, hi == 1 ? "" : "s", (long long)nargs);
        return -1;
    }
    return 0;
}

#define ITER_TYPE(cvar, pyname, ctype, visitfn, slotsvar) \
    ai_type cvar = {                                      \
        .ob = {(uintptr_t)&ai_type_type},                 \
        .name = pyname,                                   \
        .base = &ai_object_type,                          \
        .basicsize = sizeof(ctype),                       \
        .gc_visit = visitfn,                              \
        .gc_size = alloc_fixed_size,                      \
        .slots = (void *)&slotsvar,                       \
    }

/* ---- enumerate ---------------------------------------------------------- */

typedef struct enum_obj {
    ai_object ob;
    ai_value it;
    ai_value count; /* the next index: an int of any size */
} enum_obj;

static void enum_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit(&((enum_obj *)o)->it, ctx);
    visit(&((enum_obj *)o)->count, ctx);
}

static int32_t enum_next(ai_value self, ai_value *out) {
    enum_obj *e = (enum_obj *)ai_obj(self);
    ai_value item;
    int32_t rc = ai_for_next(e->it, &item);
    if (rc <= 0) return rc;
    ai_value idx = e->count;
    ai_value next = ai_add(idx, ai_smallint(1));
    if (!next) return -1;
    ai_value t = tuple_pack2(idx, item);
    if (!t) return -1;
    e->count = next;
    gc_barrier(e, next);
    *out = t;
    return 1;
}

static ai_value enum_construct(ai_value cls, const ai_value *args, int64_t nargs,
                               ai_value kwnames) {
    (void)cls;
    ai_value a[2] = {nargs > 0 ? args[0] : 0, nargs > 1 ? args[1] : 0};
    int64_t nkw = nkwargs(kwnames);
    if (nargs + nkw > 2)
        return ai_raise_fmt(&ai_exc_TypeError, "enumerate() takes at most 2 arguments (%lld given)",
                            (long long)(nargs + nkw));
    for (int64_t k = 0; k < nkw; k++) {
        ai_value name = tuple_obj(kwnames)->items[k];
        int j = attr_name_is(name, "iterable") ? 0 : attr_name_is(name, "start") ? 1 : -1;
        if (j < 0)
            return ai_raise_fmt(&ai_exc_TypeError,
                                "'%s' is an invalid keyword argument for enumerate()",
                                kwname(kwnames, k));
        if (a[j])
            return ai_raise_fmt(&ai_exc_TypeError,
                                "argument for enumerate() given by name ('%s') and position (%d)",
                                j == 0 ? "iterable" : "start", j + 1);
        a[j] = args[nargs + k];
    }
    if (!a[0])
        return ai_raise_msg(&ai_exc_TypeError, "enumerate() missing required argument 'iterable'");
    ai_value start = ai_smallint(0);
    if (a[1]) {
        ai_unaryfunc ix = ai_is_smallint(a[1]) ? NULL : obj_slots(a[1])->index;
        if (!ai_is_smallint(a[1]) && !ix)
            return ai_raise_fmt(&ai_exc_TypeError,
                                "'%s' object cannot be interpreted as an integer",
                                obj_type_name(a[1]));
        start = ix ? int_unbool(ix(a[1])) : a[1];
        if (!start) return AI_ERR;
    }
    ai_value it = ai_iter(a[0]);
    if (!it) return AI_ERR;
    enum_obj *e = ai_alloc(&ai_enumerate_type, sizeof(enum_obj));
    if (!e) return AI_ERR;
    e->it = it;
    e->count = start;
    return ai_val(e);
}

static const ai_slots enum_slots = {
    .construct = enum_construct, .iter = obj_iter_self, .next = enum_next};
ITER_TYPE(ai_enumerate_type, "enumerate", enum_obj, enum_visit, enum_slots);

/* ---- zip ------------------------------------------------------------------ */

typedef struct zip_obj {
    ai_object ob;
    ai_value iters; /* a tuple of iterators */
    int64_t strict;
} zip_obj;

static void zip_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit(&((zip_obj *)o)->iters, ctx);
}

/* "argument 1", "arguments 1-2" */
static void zip_strict_error(int64_t i, const char *what) {
    if (i == 1)
        ai_raise_fmt(&ai_exc_ValueError, "zip() argument 2 is %s than argument 1", what);
    else
        ai_raise_fmt(&ai_exc_ValueError, "zip() argument %lld is %s than arguments 1-%lld",
                     (long long)(i + 1), what, (long long)i);
}

/* The strict-mode check once iterator i ran out: 0 if every iterator
 * ended together, -1 with the ValueError otherwise. */
static int32_t zip_check_strict(ai_tuple *its, int64_t i) {
    if (i > 0) {
        zip_strict_error(i, "shorter");
        return -1;
    }
    /* The first ran out: every other one must be exhausted too. */
    for (int64_t j = 1; j < its->len; j++) {
        ai_value item;
        int32_t rc = ai_for_next(its->items[j], &item);
        if (rc < 0) return -1;
        if (rc == 1) {
            zip_strict_error(j, "longer");
            return -1;
        }
    }
    return 0;
}

static int32_t zip_next(ai_value self, ai_value *out) {
    zip_obj *z = (zip_obj *)ai_obj(self);
    ai_tuple *its = tuple_obj(z->iters);
    int64_t n = its->len;
    if (n == 0) return 0;
    /* Items are gathered in C first: a tuple is never seen with holes. */
    ai_value small[8] = {0};
    ai_value *items = n <= 8 ? small : gc_vals_alloc(n);
    if (!items) {
        exc_nomem();
        return -1;
    }
    int32_t rc = 1;
    for (int64_t i = 0; i < n && rc == 1; i++) {
        rc = ai_for_next(its->items[i], &items[i]);
        if (rc == 0 && z->strict) rc = zip_check_strict(its, i);
    }
    if (rc == 1 && !(*out = ai_tuple_pack(items, n))) rc = -1;
    if (items != small) gc_vals_free(items);
    return rc;
}

static ai_value zip_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    int64_t nkw = nkwargs(kwnames);
    int64_t strict = 0;
    if (nkw > 1)
        return ai_raise_fmt(&ai_exc_TypeError,
                            "zip() takes at most 1 keyword argument (%lld given)", (long long)nkw);
    if (nkw == 1) {
        if (!attr_name_is(tuple_obj(kwnames)->items[0], "strict"))
            return ai_raise_fmt(&ai_exc_TypeError, "'%s' is an invalid keyword argument for zip()",
                                kwname(kwnames, 0));
        int32_t t = ai_truthy(args[nargs]);
        if (t < 0) return AI_ERR;
        strict = t;
    }
    ai_value iters = tuple_new(nargs);
    if (!iters) return AI_ERR;
    for (int64_t i = 0; i < nargs; i++) {
        ai_value it = ai_iter(args[i]);
        if (!it) return AI_ERR;
        tuple_obj(iters)->items[i] = it;
        gc_barrier(ai_obj(iters), it);
    }
    zip_obj *z = ai_alloc(&ai_zip_type, sizeof(zip_obj));
    if (!z) return AI_ERR;
    z->iters = iters;
    z->strict = strict;
    return ai_val(z);
}

static const ai_slots zip_slots = {
    .construct = zip_construct, .iter = obj_iter_self, .next = zip_next};
ITER_TYPE(ai_zip_type, "zip", zip_obj, zip_visit, zip_slots);

/* ---- map ------------------------------------------------------------------- */

typedef struct map_obj {
    ai_object ob;
    ai_value func;
    ai_value iters; /* a tuple of iterators */
} map_obj;

static void map_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit(&((map_obj *)o)->func, ctx);
    visit(&((map_obj *)o)->iters, ctx);
}

static int32_t map_next(ai_value self, ai_value *out) {
    map_obj *m = (map_obj *)ai_obj(self);
    ai_tuple *its = tuple_obj(m->iters);
    int64_t n = its->len;
    ai_value small[8] = {0};
    ai_value *argv = n <= 8 ? small : gc_vals_alloc(n);
    if (!argv) {
        exc_nomem();
        return -1;
    }
    int32_t rc = 1;
    for (int64_t i = 0; i < n && rc == 1; i++) rc = ai_for_next(its->items[i], &argv[i]);
    if (rc == 1) {
        ai_value r = ai_call(m->func, argv, n, 0);
        if (r)
            *out = r;
        else
            rc = -1;
    }
    if (argv != small) gc_vals_free(argv);
    return rc;
}

static ai_value map_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    if (call_no_kwargs("map", kwnames) < 0) return AI_ERR;
    if (nargs < 2)
        return ai_raise_msg(&ai_exc_TypeError, "map() must have at least two arguments.");
    ai_value iters = tuple_new(nargs - 1);
    if (!iters) return AI_ERR;
    for (int64_t i = 1; i < nargs; i++) {
        ai_value it = ai_iter(args[i]);
        if (!it) return AI_ERR;
        tuple_obj(iters)->items[i - 1] = it;
        gc_barrier(ai_obj(iters), it);
    }
    map_obj *m = ai_alloc(&ai_map_type, sizeof(map_obj));
    if (!m) return AI_ERR;
    m->func = args[0];
    m->iters = iters;
    return ai_val(m);
}

static const ai_slots map_slots = {
    .construct = map_construct, .iter = obj_iter_self, .next = map_next};
ITER_TYPE(ai_map_type, "map", map_obj, map_visit, map_slots);

/* ---- filter ------------------------------------------------------------------ */

typedef struct filter_obj {
    ai_object ob;
    ai_value func; /* None: keep the true items */
    ai_value it;
} filter_obj;

static void filter_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit(&((filter_obj *)o)->func, ctx);
    visit(&((filter_obj *)o)->it, ctx);
}

static int32_t filter_next(ai_value self, ai_value *out) {
    filter_obj *f = (filter_obj *)ai_obj(self);
    for (;;) {
        ai_value item;
        int32_t rc = ai_for_next(f->it, &item);
        if (rc <= 0) return rc;
        int32_t keep;
        if (f->func == AI_NONE || f->func == ai_val(&ai_bool_type)) {
            keep = ai_truthy(item);
        } else {
            ai_value r = ai_call(f->func, &item, 1, 0);
            keep = r ? ai_truthy(r) : -1;
        }
        if (keep < 0) return -1;
        if (keep) {
            *out = item;
            return 1;
        }
    }
}

static ai_value filter_construct(ai_value cls, const ai_value *args, int64_t nargs,
                                 ai_value kwnames) {
    (void)cls;
    if (call_no_kwargs("filter", kwnames) < 0 || nargs_range("filter", nargs, 2, 2) < 0)
        return AI_ERR;
    ai_value it = ai_iter(args[1]);
    if (!it) return AI_ERR;
    filter_obj *f = ai_alloc(&ai_filter_type, sizeof(filter_obj));
    if (!f) return AI_ERR;
    f->func = args[0];
    f->it = it;
    return ai_val(f);
}

static const ai_slots filter_slots = {
    .construct = filter_construct, .iter = obj_iter_self, .next = filter_next};
ITER_TYPE(ai_filter_type, "filter", filter_obj, filter_visit, filter_slots);

/* ---- reversed ------------------------------------------------------------------- */

/* The generic reverse iterator over a sequence with len() and integer
 * subscripts; seq becomes 0 once exhausted. */
typedef struct reversed_obj {
    ai_object ob;
    ai_value seq;
    int64_t index;
} reversed_obj;

static void reversed_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    reversed_obj *r = (reversed_obj *)o;
    if (r->seq) visit(&r->seq, ctx);
}

static int32_t reversed_next(ai_value self, ai_value *out) {
    reversed_obj *r = (reversed_obj *)ai_obj(self);
    if (r->seq && r->index >= 0) {
        ai_value item = ai_getitem(r->seq, ai_smallint(r->index));
        r->index--;
        if (item) {
            *out = item;
            return 1;
        }
        /* A sequence that shrank ends the iteration quietly. */
        if (!exc_pending_is(&ai_exc_IndexError) && !exc_pending_is(&ai_exc_StopIteration))
            return -1;
        exc_clear();
    }
    r->index = -1;
    r->seq = 0;
    return 0;
}

/* A builtin method `name` of v's type (searched along the base chain). */
static const ai_method_def *find_method(const ai_type *t, const char *name) {
    for (; t; t = t->base) {
        const ai_method_def *d = obj_slots_of_type(t)->methods;
        for (; d && d->name; d++)
            if (strcmp(d->name, name) == 0) return d;
    }
    return NULL;
}

static ai_value reversed_construct(ai_value cls, const ai_value *args, int64_t nargs,
                                   ai_value kwnames) {
    (void)cls;
    if (call_no_kwargs("reversed", kwnames) < 0 || nargs_range("reversed", nargs, 1, 1) < 0)
        return AI_ERR;
    ai_value seq = args[0];
    const ai_type *t = ai_type_of(seq);
    if (t->flags & AI_TF_HEAPTYPE) {
        /* A class's own first (it overrides its builtin base's). */
        ai_value ur = cls_call_named(seq, "__reversed__", NULL, 0);
        if (ur || exc_pending()) return ur;
    }
    const ai_method_def *d = find_method(t, "__reversed__");
    if (d) return d->fn(seq, NULL, 0, 0);
    const ai_slots *s = obj_slots(seq);
    if (!s->getitem || !s->len)
        return ai_raise_fmt(&ai_exc_TypeError, "'%s' object is not reversible", obj_type_name(seq));
    int64_t n = s->len(seq);
    if (n < 0) return AI_ERR;
    reversed_obj *r = ai_alloc(&ai_reversed_type, sizeof(reversed_obj));
    if (!r) return AI_ERR;
    r->seq = seq;
    r->index = n - 1;
    return ai_val(r);
}

static const ai_slots reversed_slots = {
    .construct = reversed_construct, .iter = obj_iter_self, .next = reversed_next};
ITER_TYPE(ai_reversed_type, "reversed", reversed_obj, reversed_visit, reversed_slots);

/* ---- iter(callable, sentinel) --------------------------------------------------- */

typedef struct calliter_obj {
    ai_object ob;
    ai_value func; /* 0 once exhausted */
    ai_value sentinel;
} calliter_obj;

static void calliter_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    calliter_obj *c = (calliter_obj *)o;
    if (c->func) visit(&c->func, ctx);
    visit(&c->sentinel, ctx);
}

static int32_t calliter_next(ai_value self, ai_value *out) {
    calliter_obj *c = (calliter_obj *)ai_obj(self);
    if (!c->func) return 0;
    ai_value r = ai_call(c->func, NULL, 0, 0);
    if (!r) {
        /* A StopIteration from the callable ends the iteration too. */
        if (!exc_pending_is(&ai_exc_StopIteration)) return -1;
        exc_clear();
        c->func = 0;
        return 0;
    }
    int32_t eq = obj_eq(r, c->sentinel);
    if (eq < 0) return -1;
    if (eq) {
        c->func = 0;
        return 0;
    }
    *out = r;
    return 1;
}

static const ai_slots calliter_slots = {.iter = obj_iter_self, .next = calliter_next};
static ITER_TYPE(calliter_type, "callable_iterator", calliter_obj, calliter_visit, calliter_slots);

/* ---- iter, next ------------------------------------------------------------------ */

static ai_value bi_iter(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("iter", kwnames) < 0 || nargs_range("iter", nargs, 1, 2) < 0) return AI_ERR;
    if (nargs == 1) return ai_iter(args[0]);
    if (!ai_type_of(args[0])->call)
        return ai_raise_msg(&ai_exc_TypeError, "iter(v, w): v must be callable");
    calliter_obj *c = ai_alloc(&calliter_type, sizeof(calliter_obj));
    if (!c) return AI_ERR;
    c->func = args[0];
    c->sentinel = args[1];
    return ai_val(c);
}

static ai_value bi_next(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("next", kwnames) < 0 || nargs_range("next", nargs, 1, 2) < 0) return AI_ERR;
    ai_value item;
    if (obj_is_type(args[0], &ai_gen_type)) {
        /* A generator's return value travels in the StopIteration. */
        int32_t rc = gen_resume((ai_gen *)ai_obj(args[0]), AI_NONE, false, &item);
        if (rc < 0) return AI_ERR;
        if (rc == 1) return item;
        if (nargs == 2) return args[1];
        ai_value a = item == AI_NONE ? ai_val(&tuple_empty_obj) : ai_tuple_pack(&item, 1);
        return a ? exc_raise_args(&ai_exc_StopIteration, a) : AI_ERR;
    }
    int32_t rc = ai_for_next(args[0], &item);
    if (rc < 0) return AI_ERR;
    if (rc == 1) return item;
    if (nargs == 2) return args[1];
    ai_value e = exc_new(&ai_exc_StopIteration, 0);
    return e ? exc_set_pending(e) : AI_ERR;
}

/* ---- sorted ------------------------------------------------------------------------ */

static ai_value bi_sorted(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (nargs_range("sorted", nargs, 1, 1) < 0) return AI_ERR;
    ai_value l = list_from_iter(args[0]);
    if (!l) return AI_ERR;
    return list_sort_kw(l, args + 1, kwnames) < 0 ? AI_ERR : l;
}

/* ---- min, max ------------------------------------------------------------------------ */

static ai_value min_max(const char *name, int32_t op, const ai_value *args, int64_t nargs,
                        ai_value kwnames) {
    int64_t nkw = nkwargs(kwnames);
    if (nargs == 0)
        return ai_raise_fmt(&ai_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nkw > 2)
        return ai_raise_fmt(&ai_exc_TypeError,
                            "%s() takes at most 2 keyword arguments (%lld given)", name,
                            (long long)nkw);
    ai_value key = 0, dflt = 0;
    for (int64_t k = 0; k < nkw; k++) {
        ai_value kn = tuple_obj(kwnames)->items[k];
        if (attr_name_is(kn, "key"))
            key = args[nargs + k];
        else if (attr_name_is(kn, "default"))
            dflt = args[nargs + k];
        else
            return ai_raise_fmt(&ai_exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                                kwname(kwnames, k), name);
    }
    if (key == AI_NONE) key = 0;
    if (dflt && nargs > 1)
        return ai_raise_fmt(&ai_exc_TypeError,
                            "Cannot specify a default for %s() with multiple positional arguments",
                            name);
    /* One iterable, or the positional arguments themselves. */
    ai_value src = nargs == 1 ? args[0] : ai_tuple_pack(args, nargs);
    ai_value it = src ? ai_iter(src) : AI_ERR;
    if (!it) return AI_ERR;
    ai_value best = 0, best_key = 0, item;
    int32_t rc;
    while ((rc = ai_for_next(it, &item)) == 1) {
        ai_value k = item;
        if (key && !(k = ai_call(key, &item, 1, 0))) return AI_ERR;
        if (!best) {
            best = item, best_key = k;
            continue;
        }
        /* The new item on the left, as CPython: a tie keeps the first. */
        int32_t better = ai_compare_bool(k, best_key, op);
        if (better < 0) return AI_ERR;
        if (better) best = item, best_key = k;
    }
    if (rc < 0) return AI_ERR;
    if (best) return best;
    if (dflt) return dflt;
    return ai_raise_fmt(&ai_exc_ValueError, "%s() arg is an empty sequence", name);
}

static ai_value bi_min(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    return min_max("min", AI_CMP_LT, args, nargs, kwnames);
}

static ai_value bi_max(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    return min_max("max", AI_CMP_GT, args, nargs, kwnames);
}

/* ---- sum ----------------------------------------------------------------------------- */

static ai_value bi_sum(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    int64_t nkw = nkwargs(kwnames);
    if (nargs + nkw > 2)
        return ai_raise_fmt(&ai_exc_TypeError, "sum() takes at most 2 arguments (%lld given)",
                            (long long)(nargs + nkw));
    ai_value start = nargs > 1 ? args[1] : 0;
    for (int64_t k = 0; k < nkw; k++) {
        if (!attr_name_is(tuple_obj(kwnames)->items[k], "start"))
            return ai_raise_fmt(&ai_exc_TypeError, "'%s' is an invalid keyword argument for sum()",
                                kwname(kwnames, k));
        if (start)
            return ai_raise_msg(&ai_exc_TypeError,
                                "argument for sum() given by name ('start') and position (2)");
        start = args[nargs + k];
    }
    if (nargs < 1)
        return ai_raise_fmt(&ai_exc_TypeError,
                            "sum() takes at least 1 positional argument (%lld given)",
                            (long long)nargs);
    if (!start) start = ai_smallint(0);
    if (str_check(start))
        return ai_raise_msg(&ai_exc_TypeError,
                            "sum() can't sum strings [use ''.join(seq) instead]");
    if (obj_isinstance(start, &ai_bytes_type))
        return ai_raise_msg(&ai_exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (strcmp(obj_type_name(start), "bytearray") == 0)
        return ai_raise_msg(&ai_exc_TypeError,
                            "sum() can't sum bytearray [use b''.join(seq) instead]");
    ai_value it = ai_iter(args[0]);
    if (!it) return AI_ERR;
    ai_value total = start, item;
    int32_t rc;
    while ((rc = ai_for_next(it, &item)) == 1) {
        if (obj_is_type(total, &ai_float_type) &&
            (ai_is_smallint(item) || obj_is_type(item, &ai_float_type))) {
            /* A run of floats (and small ints) on a double: the same bits
             * as float + float / float + int one step at a time. */
            double acc = float_get(total);
            do {
                acc += ai_is_smallint(item) ? (double)ai_smallint_get(item) : float_get(item);
            } while ((rc = ai_for_next(it, &item)) == 1 &&
                     (ai_is_smallint(item) || obj_is_type(item, &ai_float_type)));
            total = ai_float_box(acc);
            if (!total || rc < 0) return AI_ERR;
            if (rc == 0) break;
        }
        total = ai_add(total, item);
        if (!total) return AI_ERR;
    }
    return rc < 0 ? AI_ERR : total;
}

/* ---- any, all -------------------------------------------------------------------------- */

/* The first item whose truth is `want`: returns want, or !want when
 * there is none; -1 on error. */
static int32_t first_with_truth(const char *name, const ai_value *args, int64_t nargs,
                                ai_value kwnames, int32_t want) {
    if (call_no_kwargs(name, kwnames) < 0 || call_exact_args(name, nargs, 1) < 0) return -1;
    ai_value it = ai_iter(args[0]), item;
    if (!it) return -1;
    int32_t rc;
    while ((rc = ai_for_next(it, &item)) == 1) {
        int32_t t = ai_truthy(item);
        if (t < 0) return -1;
        if (t == want) return want;
    }
    return rc < 0 ? -1 : !want;
}

static ai_value bi_any(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    int32_t r = first_with_truth("any", args, nargs, kwnames, 1);
    return r < 0 ? AI_ERR : ai_bool(r);
}

static ai_value bi_all(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    int32_t r = first_with_truth("all", args, nargs, kwnames, 0);
    return r < 0 ? AI_ERR : ai_bool(r);
}

AI_BUILTIN_FN(iterobj_bf_iter, "iter", bi_iter);
AI_BUILTIN_FN(iterobj_bf_next, "next", bi_next);
AI_BUILTIN_FN(iterobj_bf_sorted, "sorted", bi_sorted);
AI_BUILTIN_FN(iterobj_bf_min, "min", bi_min);
AI_BUILTIN_FN(iterobj_bf_max, "max", bi_max);
AI_BUILTIN_FN(iterobj_bf_sum, "sum", bi_sum);
AI_BUILTIN_FN(iterobj_bf_any, "any", bi_any);
AI_BUILTIN_FN(iterobj_bf_all, "all", bi_all);
