/*
 * objects/list.c — the mutable sequence `list`, its iterators, the
 * unpacking ABI (a, b = v; a, *b, c = v), the repr recursion guard shared
 * by the container reprs, and bi_table_seq (the sequence builtins).
 *
 * Layout (core/object.h, ai_list): len items in use out of cap slots held
 * in a separate buffer, the data of an ai_rawbuf from alloc_raw (so every
 * byte still comes from ai_alloc). The buffer grows by about 1/8 plus a
 * little, like CPython's, and is replaced rather than resized (there is no
 * free until the collector exists). gc_visit reports the buffer object
 * and then each item in use, in that order, so a moving collector can
 * update `items` before the items are scanned.
 *
 * Invariants:
 *   - items[0..len) are valid values; slots past len are never read.
 *   - Any code that calls back into Python (==, <, repr, key functions,
 *     iteration of another object) re-reads len/items afterwards: the
 *     callee may have mutated the list. Loops test `i < l->len` each
 *     round, as CPython does, so the visible behaviour matches.
 *   - cap == -1 while the list is being sorted (sort.c): mutation during
 *     a sort is detected by cap changing.
 *
 * Not handled: list subclasses, shrinking the buffer when items are
 * removed, __reversed__ of user classes (iterobjects.c looks it up in
 * method tables only).
 */
#include "core/object.h"
#include "gc/gc.h"

#include <stdlib.h>

/* Iteration builtins defined in iterobjects.c, gathered into bi_table_seq
 * below (the one table core/builtins.c searches for this area). */
extern ai_type ai_enumerate_type, ai_zip_type, ai_map_type, ai_filter_type, ai_reversed_type;
extern ai_builtin_fn iterobj_bf_iter, iterobj_bf_next, iterobj_bf_sorted, iterobj_bf_min,
    iterobj_bf_max, iterobj_bf_sum, iterobj_bf_any, iterobj_bf_all;

/* Far beyond any real list; keeps size arithmetic from overflowing. */
#define LIST_MAX_LEN ((int64_t)1 << 40)

/* ---- the item buffer ------------------------------------------------------ */

static size_t list_size(const ai_object *o) {
    (void)o;
    return sizeof(ai_list);
}

static void list_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_list *l = (ai_list *)o;
    if (!l->items) return;
    ai_value buf = ai_val((ai_rawbuf *)l->items - 1);
    visit(&buf, ctx);
    l->items = (ai_value *)((ai_rawbuf *)ai_obj(buf) + 1);
    for (int64_t i = 0; i < l->len; i++) visit(&l->items[i], ctx);
}

/* The items whose slots lie in [lo, hi): the collector's card scan of a
 * big item buffer (gc/gcint.h C7). */
static void list_visit_range(ai_object *o, const void *lo, const void *hi, void (*visit)(ai_value *, void *),
                             void *ctx) {
    ai_list *l = (ai_list *)o;
    if (!l->items || (const char *)hi <= (const char *)l->items) return;
    ai_value *a = (const char *)lo > (const char *)l->items ? (ai_value *)((uintptr_t)lo & ~(uintptr_t)7) : l->items;
    ai_value *b = (ai_value *)hi, *end = l->items + l->len;
    if (b > end) b = end;
    for (; a < b; a++) visit(a, ctx);
}

/* Make room for `need` items: 0, or -1 with MemoryError pending. */
static int list_reserve(ai_list *l, int64_t need) {
    if (need <= l->cap) return 0;
    if (need > LIST_MAX_LEN) {
        exc_nomem();
        return -1;
    }
    /* Over-allocate so a run of appends is amortised O(1): by an eighth
     * as CPython does while the list is small, by a half once it is large
     * (each growth here copies into a new buffer — there is no realloc in
     * place — so fewer, larger steps copy and fault in far less memory). */
    int64_t ncap = need < 4096 ? (need + (need >> 3) + 6) & ~(int64_t)3 : need + (need >> 1);
    if (ncap > LIST_MAX_LEN) ncap = LIST_MAX_LEN;
    ai_value *nb = alloc_raw((size_t)ncap * sizeof(ai_value));
    if (!nb) return -1;
    if (l->len > 0) memcpy(nb, l->items, (size_t)l->len * sizeof(ai_value));
    l->items = nb;
    gc_barrier_all(l);
    l->cap = ncap;
    return 0;
}

ai_value list_new(int64_t cap) {
    if (cap <= 0) {
        ai_list *l = ai_alloc(&ai_list_type, sizeof(ai_list));
        return l ? ai_val(l) : AI_ERR;
    }
    if (cap > LIST_MAX_LEN) return exc_nomem();
    void *items;
    ai_list *l = alloc_with_raw(&ai_list_type, sizeof(ai_list), (size_t)cap * sizeof(ai_value), &items);
    if (!l || !items) return AI_ERR;
    l->items = items;
    gc_barrier_all(l); /* allocating the buffer may have made l old */
    l->cap = cap;
    return ai_val(l);
}

/* A new list holding a copy of items[0..n). */
static ai_value list_from_array(const ai_value *items, int64_t n) {
    ai_value r = list_new(n);
    if (!r) return AI_ERR;
    if (n > 0) memcpy(list_obj(r)->items, items, (size_t)n * sizeof(ai_value));
    list_obj(r)->len = n;
    return r;
}

ai_value ai_list_new(const ai_value *items, int64_t n) { return list_from_array(items, n); }

int32_t ai_list_append(ai_value list, ai_value item) {
    ai_list *l = list_obj(list);
    if (l->len >= l->cap && list_reserve(l, l->len + 1) < 0) return -1;
    ai_value *slot = &l->items[l->len++];
    *slot = item;
    gc_barrier_at(l, slot, item);
    return 0;
}

/* Append items[0..n) (which may alias l's own buffer). */
static int list_append_array(ai_list *l, const ai_value *items, int64_t n) {
    if (n == 0) return 0;
    if (l->len + n > l->cap) {
        /* items may point into the old buffer: it stays valid (nothing is
         * freed), so copying from it after the move is fine. */
        if (list_reserve(l, l->len + n) < 0) return -1;
    }
    memmove(l->items + l->len, items, (size_t)n * sizeof(ai_value));
    gc_barrier_all(l);
    l->len += n;
    return 0;
}

bool seq_fast_items(ai_value v, const ai_value **items, int64_t *n) {
    if (ai_is_smallint(v)) return false;
    const ai_type *t = ai_type_of_obj(ai_obj(v));
    bool is_list = t == &ai_list_type, is_tuple = t == &ai_tuple_type;
    if (!is_list && !is_tuple && (t->flags & AI_TF_HEAPTYPE)) {
        const ai_slots *s = obj_slots_of_type(t);
        if (list_check(v)) is_list = s->iter == obj_slots_of_type(&ai_list_type)->iter;
        else if (tuple_check(v)) is_tuple = s->iter == obj_slots_of_type(&ai_tuple_type)->iter;
    }
    if (is_list) {
        *items = list_obj(v)->items;
        *n = list_obj(v)->len;
        return true;
    }
    if (is_tuple) {
        *items = tuple_obj(v)->items;
        *n = tuple_obj(v)->len;
        return true;
    }
    return false;
}

int32_t ai_list_extend(ai_value list, ai_value iterable) {
    ai_list *l = list_obj(list);
    const ai_value *src;
    int64_t n;
    /* l.extend(l) doubles: the count is read before appending. */
    if (seq_fast_items(iterable, &src, &n)) return list_append_array(l, src, n);
    ai_value it = ai_iter(iterable);
    if (!it) return -1;
    /* Reserve by len() when the type has one (range, str, dict), as
     * CPython's length hint does; its errors propagate (list(range(10**20))
     * is an OverflowError, not an endless loop). */
    const ai_slots *s = obj_slots(iterable);
    if (s->len) {
        int64_t hint = s->len(iterable);
        if (hint < 0) return -1;
        if (hint > LIST_MAX_LEN) {
            exc_nomem();
            return -1;
        }
        if (list_reserve(l, l->len + hint) < 0) return -1;
    }
    ai_value x;
    int32_t rc;
    while ((rc = ai_for_next(it, &x)) == 1)
        if (ai_list_append(list, x) < 0) return -1;
    return rc;
}

ai_value list_from_iter(ai_value iterable) {
    const ai_value *src;
    int64_t n;
    if (seq_fast_items(iterable, &src, &n)) return list_from_array(src, n);
    ai_value r = list_new(0);
    if (!r) return AI_ERR;
    return ai_list_extend(r, iterable) < 0 ? AI_ERR : r;
}

ai_value ai_list_to_tuple(ai_value list) {
    return ai_tuple_pack(list_obj(list)->items, list_obj(list)->len);
}

/* ---- the repr recursion guard ------------------------------------------------- */

/* The containers whose repr is in progress on this thread, innermost last.
 * Short (the nesting depth of the repr, bounded by the recursion limit),
 * so a linear search is fine. */
static __thread ai_value *repr_stack;
static __thread int64_t repr_n, repr_cap;

int repr_enter(ai_value v) {
    for (int64_t i = 0; i < repr_n; i++)
        if (repr_stack[i] == v) return 1;
    /* CPython counts each nested repr against the recursion limit (with
     * the module's frame and the repr() call: a list nested 998 deep is
     * the deepest it prints with the default limit of 1000). Without the
     * check a repr 100,000 deep ran for seconds (this search is linear in
     * the depth) and printed what CPython refuses. */
    if (repr_n >= sys_recursion_limit() - 3) {
        exc_recursion(" while getting the repr of an object");
        return -1;
    }
    if (repr_n == repr_cap) {
        int64_t ncap = repr_cap ? repr_cap * 2 : 16;
        ai_value *ns = realloc(repr_stack, (size_t)ncap * sizeof *ns);
        if (!ns) {
            exc_nomem();
            return -1;
        }
        repr_stack = ns;
        repr_cap = ncap;
    }
    repr_stack[repr_n++] = v;
    return 0;
}

void repr_leave(ai_value v) {
    for (int64_t i = repr_n - 1; i >= 0; i--)
        if (repr_stack[i] == v) {
            memmove(repr_stack + i, repr_stack + i + 1,
                    (size_t)(repr_n - i - 1) * sizeof *repr_stack);
            repr_n--;
            return;
        }
}

int64_t repr_depth(void) { return repr_n; }

void repr_unwind(int64_t n) {
    if (repr_n > n) repr_n = n;
}

/* ---- protocol ------------------------------------------------------------------- */

static ai_value list_repr(ai_value v) {
    ai_list *l = list_obj(v);
    if (l->len == 0) return str_from_ascii("[]", 2);
    int in = repr_enter(v);
    if (in < 0) return AI_ERR;
    if (in > 0) return str_from_ascii("[...]", 5);
    strbuf b;
    sb_init(&b);
    sb_addc(&b, '[');
    for (int64_t i = 0; i < l->len; i++) {
        if (i > 0) sb_adds(&b, ", ");
        ai_value r = ai_repr(l->items[i]);
        if (!r) {
            sb_free(&b);
            repr_leave(v);
            return AI_ERR;
        }
        sb_add_str(&b, r);
    }
    sb_addc(&b, ']');
    repr_leave(v);
    return sb_finish(&b);
}

static ai_value list_richcompare(ai_value a, ai_value b, int32_t op) {
    if (!list_check(a) || !list_check(b)) return AI_NOTIMPL;
    ai_list *x = list_obj(a), *y = list_obj(b);
    if ((op == AI_CMP_EQ || op == AI_CMP_NE) && x->len != y->len) return ai_bool(op == AI_CMP_NE);
    /* The first index where the items differ; lengths re-read each round
     * since == may run code that shrinks either list. */
    int64_t i = 0;
    for (; i < x->len && i < y->len; i++) {
        int32_t eq = obj_eq(x->items[i], y->items[i]);
        if (eq < 0) return AI_ERR;
        if (!eq) break;
    }
    if (i >= x->len || i >= y->len) {
        int c = (x->len > y->len) - (x->len < y->len);
        return ai_bool(OBJ_CMP_RESULT(op, c));
    }
    if (op == AI_CMP_EQ) return AI_FALSE;
    if (op == AI_CMP_NE) return AI_TRUE;
    return ai_compare(x->items[i], y->items[i], op);
}

static int64_t list_hash(ai_value v) {
    ai_raise_fmt(&ai_exc_TypeError, "unhashable type: '%s'", obj_type_name(v));
    return -1;
}

static int64_t list_len(ai_value v) { return list_obj(v)->len; }

static int32_t list_contains(ai_value c, ai_value item) {
    ai_list *l = list_obj(c);
    for (int64_t i = 0; i < l->len; i++) {
        int32_t eq = obj_eq(l->items[i], item);
        if (eq != 0) return eq;
    }
    return 0;
}

static ai_value list_concat(ai_value a, ai_value b) {
    if (!list_check(b))
        return ai_raise_fmt(&ai_exc_TypeError, "can only concatenate list (not \"%s\") to list",
                            obj_type_name(b));
    ai_list *x = list_obj(a), *y = list_obj(b);
    ai_value r = list_new(x->len + y->len);
    if (!r) return AI_ERR;
    ai_list *z = list_obj(r);
    if (x->len) memcpy(z->items, x->items, (size_t)x->len * sizeof(ai_value));
    if (y->len) memcpy(z->items + x->len, y->items, (size_t)y->len * sizeof(ai_value));
    z->len = x->len + y->len;
    return r;
}

/* dst gets n copies of src[0..m) (dst has room for n*m). */
static void fill_repeat(ai_value *dst, const ai_value *src, int64_t m, int64_t n) {
    if (m == 1) {
        for (int64_t i = 0; i < n; i++) dst[i] = src[0];
        return;
    }
    for (int64_t i = 0; i < n; i++) memcpy(dst + i * m, src, (size_t)m * sizeof(ai_value));
}

static ai_value list_repeat(ai_value a, int64_t n) {
    ai_list *x = list_obj(a);
    if (n <= 0 || x->len == 0) return list_new(0);
    if (x->len > LIST_MAX_LEN / n) return exc_nomem();
    ai_value r = list_new(x->len * n);
    if (!r) return AI_ERR;
    fill_repeat(list_obj(r)->items, x->items, x->len, n);
    list_obj(r)->len = x->len * n;
    return r;
}

/* list += iterable extends in place; list *= n repeats in place. Other
 * operators fall back to the binary ones (NotImplemented). */
static ai_value list_inplace(ai_value a, ai_value b, int32_t op) {
    ai_list *l = list_obj(a);
    if (op == AI_OP_ADD) return ai_list_extend(a, b) < 0 ? AI_ERR : a;
    if (op != AI_OP_MUL) return AI_NOTIMPL;
    if (!ai_is_smallint(b) && !obj_slots(b)->index) return AI_NOTIMPL; /* "can't multiply …" */
    bool fits, err;
    int64_t n = obj_index_i64(b, &fits, &err);
    if (err) return AI_ERR;
    if (!fits)
        return ai_raise_fmt(&ai_exc_OverflowError, "cannot fit '%s' into an index-sized integer",
                            obj_type_name(b));
    if (n <= 0 || l->len == 0) {
        if (l->items) l->len = 0, l->items = NULL, l->cap = 0;
        return a;
    }
    if (n == 1) return a;
    int64_t m = l->len;
    if (m > LIST_MAX_LEN / n) return exc_nomem();
    if (list_reserve(l, m * n) < 0) return AI_ERR;
    fill_repeat(l->items + m, l->items, m, n - 1);
    l->len = m * n;
    return a;
}

static ai_value list_construct(ai_value cls, const ai_value *args, int64_t nargs,
                               ai_value kwnames) {
    (void)cls;
    if (call_no_kwargs("list", kwnames) < 0) return AI_ERR;
    if (nargs > 1)
        return ai_raise_fmt(&ai_exc_TypeError, "list expected at most 1 argument, got %lld",
                            (long long)nargs);
    if (nargs == 0) return list_new(0);
    return list_from_iter(args[0]);
}

/* ---- subscripts ------------------------------------------------------------------- */

static bool is_int_key(ai_value key) { return ai_is_smallint(key) || obj_slots(key)->index; }

/* A new list of the n items l[start], l[start + step], …: a loop, not
 * memcpy (most slices are short, and the call costs more than them). */
static ai_value list_copy_range(ai_list *l, int64_t start, int64_t step, int64_t n) {
    ai_value r = list_new(n);
    if (!r) return AI_ERR;
    ai_value *dst = list_obj(r)->items;
    const ai_value *src = l->items + start; /* read after list_new: it may have collected */
    if (step == 1) {
        if (n > 16) memcpy(dst, src, (size_t)n * sizeof(ai_value));
        else
            for (int64_t k = 0; k < n; k++) dst[k] = src[k];
    } else {
        for (int64_t k = 0; k < n; k++) dst[k] = src[k * step];
    }
    list_obj(r)->len = n;
    return r;
}

ai_value list_getslice(ai_value o, ai_value lo, ai_value hi, ai_value st) {
    int64_t start, stop, step;
    if (slice_bounds3(lo, hi, st, &start, &stop, &step) < 0) return AI_ERR;
    ai_list *l = list_obj(o);
    int64_t n = slice_clamp(l->len, &start, &stop, step); /* the length after any __index__ */
    return list_copy_range(l, start, step, n);
}

static ai_value list_getitem(ai_value o, ai_value key) {
    ai_list *l = list_obj(o);
    if (ai_is_smallint(key)) {
        int64_t i = ai_smallint_get(key);
        if (i < 0) i += l->len;
        if ((uint64_t)i >= (uint64_t)l->len)
            return ai_raise_msg(&ai_exc_IndexError, "list index out of range");
        return l->items[i];
    }
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, l->len, &start, &stop, &step, &n) < 0) return AI_ERR;
        return list_copy_range(l, start, step, n);
    }
    if (!is_int_key(key))
        return ai_raise_fmt(&ai_exc_TypeError, "list indices must be integers or slices, not %s",
                            obj_type_name(key));
    int64_t i;
    if (seq_index_of(key, &i) < 0) return AI_ERR;
    if (i < 0) i += l->len;
    if (i < 0 || i >= l->len) return ai_raise_msg(&ai_exc_IndexError, "list index out of range");
    return l->items[i];
}

/* The items of v as an array for slice assignment: a list or tuple is
 * used in place (a copy when it is `self`, which the assignment moves);
 * anything else is collected into a new list. *keep holds the object
 * owning the array. 0, or -1 with the exception set. */
static int assign_source(ai_value self, ai_value v, const char *not_iterable, const ai_value **src,
                         int64_t *n, ai_value *keep) {
    if (v == self || !seq_fast_items(v, src, n)) {
        if (!obj_slots(v)->iter) {
            ai_raise_msg(&ai_exc_TypeError, not_iterable);
            return -1;
        }
        v = list_from_iter(v);
        if (!v) return -1;
        *n = list_obj(v)->len;
        *src = list_obj(v)->items;
    }
    *keep = v;
    return 0;
}

/* l[lo:hi] = src[0..n) (n == 0 and src NULL: deletion); lo <= hi. */
static int list_replace(ai_list *l, int64_t lo, int64_t hi, const ai_value *src, int64_t n) {
    int64_t d = n - (hi - lo);
    if (d > 0 && list_reserve(l, l->len + d) < 0) return -1;
    if (d != 0) memmove(l->items + hi + d, l->items + hi, (size_t)(l->len - hi) * sizeof(ai_value));
    if (n > 0) {
        if (n > 16) memcpy(l->items + lo, src, (size_t)n * sizeof(ai_value));
        else /* most slices are short: the call would cost more */
            for (int64_t k = 0; k < n; k++) l->items[lo + k] = src[k];
        gc_barrier_all(l);
    }
    l->len += d;
    return 0;
}

static int32_t list_set_slice(ai_value o, ai_value key, ai_value v) {
    ai_list *l = list_obj(o);
    int64_t start, stop, step, n;
    if (slice_indices(key, l->len, &start, &stop, &step, &n) < 0) return -1;
    if (step == 1) {
        if (stop < start) stop = start;
        if (!v) return list_replace(l, start, stop, NULL, 0);
        ai_value keep;
        int64_t m;
        const ai_value *src;
        if (assign_source(o, v, "can only assign an iterable", &src, &m, &keep) < 0) return -1;
        /* The source's iteration may have run code that changed l. */
        if (start > l->len) start = l->len;
        if (stop > l->len) stop = l->len;
        return list_replace(l, start, stop, src, m);
    }
    if (!v) {
        if (n == 0) return 0;
        if (step < 0) { /* walk the same items upwards */
            start += step * (n - 1);
            step = -step;
        }
        /* Slide the kept items down over the deleted ones. */
        int64_t w = start;
        for (int64_t r = start; r < l->len; r++) {
            if (r < start + step * n && (r - start) % step == 0) continue;
            l->items[w++] = l->items[r];
        }
        l->len = w;
        return 0;
    }
    ai_value keep;
    int64_t m;
    const ai_value *src;
    if (assign_source(o, v, "must assign iterable to extended slice", &src, &m, &keep) < 0)
        return -1;
    if (m != n) {
        ai_raise_fmt(&ai_exc_ValueError,
                     "attempt to assign sequence of size %lld to extended slice of size %lld",
                     (long long)m, (long long)n);
        return -1;
    }
    /* Re-resolve in case collecting the source changed l's length. */
    if (slice_indices(key, l->len, &start, &stop, &step, &n) < 0) return -1;
    if (n != m) {
        ai_raise_fmt(&ai_exc_ValueError,
                     "attempt to assign sequence of size %lld to extended slice of size %lld",
                     (long long)m, (long long)n);
        return -1;
    }
    for (int64_t k = 0; k < n; k++) l->items[start + k * step] = src[k];
    gc_barrier_all(l);
    return 0;
}

int32_t list_setslice_items(ai_value o, ai_value lo, ai_value hi, const ai_value *src, int64_t m) {
    if ((ai_is_smallint(lo) || lo == AI_NONE) && (ai_is_smallint(hi) || hi == AI_NONE)) {
        ai_list *l = list_obj(o);
        int64_t start = lo == AI_NONE ? 0 : ai_smallint_get(lo), stop = hi == AI_NONE ? INT64_MAX : ai_smallint_get(hi);
        slice_clamp(l->len, &start, &stop, 1);
        if (stop < start) stop = start;
        return list_replace(l, start, stop, src, m);
    }
    /* bounds with __index__ (which may change o): as from a list */
    ai_value tmp = list_from_array(src, m);
    return tmp ? list_setslice(o, lo, hi, AI_NONE, tmp) : -1;
}

int32_t list_setslice(ai_value o, ai_value lo, ai_value hi, ai_value st, ai_value v) {
    const ai_value *src;
    int64_t m;
    /* The common l[i:j] = list or tuple, with small-int bounds: nothing
     * can run Python code, so resolve and copy at once. */
    if ((ai_is_smallint(lo) || lo == AI_NONE) && (ai_is_smallint(hi) || hi == AI_NONE) &&
        (st == AI_NONE || st == ai_smallint(1)) && v && v != o && seq_fast_items(v, &src, &m)) {
        ai_list *l = list_obj(o);
        int64_t start = lo == AI_NONE ? 0 : ai_smallint_get(lo), stop = hi == AI_NONE ? INT64_MAX : ai_smallint_get(hi);
        slice_clamp(l->len, &start, &stop, 1);
        if (stop < start) stop = start;
        return list_replace(l, start, stop, src, m);
    }
    ai_slice s = {{(uintptr_t)&ai_slice_type}, lo, hi, st};
    return list_set_slice(o, ai_val(&s), v);
}

static int32_t list_setitem(ai_value o, ai_value key, ai_value v) {
    ai_list *l = list_obj(o);
    if (slice_check(key)) return list_set_slice(o, key, v);
    if (!is_int_key(key)) {
        ai_raise_fmt(&ai_exc_TypeError, "list indices must be integers or slices, not %s",
                     obj_type_name(key));
        return -1;
    }
    int64_t i;
    if (seq_index_of(key, &i) < 0) return -1;
    if (i < 0) i += l->len;
    if (i < 0 || i >= l->len) {
        ai_raise_msg(&ai_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (v) {
        l->items[i] = v;
        gc_barrier_at(l, &l->items[i], v);
        return 0;
    }
    return list_replace(l, i, i + 1, NULL, 0);
}

/* ---- iterators -------------------------------------------------------------------- */

/* A forward or reverse iterator over a list: seq becomes 0 once
 * exhausted, so items appended later are not seen (as in CPython). */
static int32_t list_iter_next(ai_value it, ai_value *out) {
    seq_iter *si = (seq_iter *)ai_obj(it);
    if (!si->seq) return 0;
    ai_list *l = list_obj(si->seq);
    if (si->index < l->len) {
        *out = l->items[si->index++];
        return 1;
    }
    si->seq = 0;
    return 0;
}

static int32_t list_reviter_next(ai_value it, ai_value *out) {
    seq_iter *si = (seq_iter *)ai_obj(it);
    if (!si->seq) return 0;
    ai_list *l = list_obj(si->seq);
    if (si->index >= 0 && si->index < l->len) {
        *out = l->items[si->index--];
        return 1;
    }
    si->seq = 0;
    return 0;
}

static void list_iter_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    if (((seq_iter *)o)->seq) seq_iter_visit(o, visit, ctx);
}

static const ai_slots list_iter_slots = {.iter = obj_iter_self, .next = list_iter_next};
static const ai_slots list_reviter_slots = {.iter = obj_iter_self, .next = list_reviter_next};

static ai_type list_iter_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "list_iterator",
    .base = &ai_object_type,
    .basicsize = sizeof(seq_iter),
    .gc_visit = list_iter_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&list_iter_slots,
};

static ai_type list_reviter_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "list_reverseiterator",
    .base = &ai_object_type,
    .basicsize = sizeof(seq_iter),
    .gc_visit = list_iter_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&list_reviter_slots,
};

static ai_value list_iter(ai_value v) {
    seq_iter *it = ai_alloc(&list_iter_type, sizeof(seq_iter));
    if (!it) return AI_ERR;
    it->seq = v;
    return ai_val(it);
}

/* ---- methods ----------------------------------------------------------------------- */

/* CPython's messages for METH_O / METH_NOARGS methods. */
static int meth_args(const char *name, int64_t nargs, ai_value kwnames, int64_t want) {
    if (kwnames && tuple_obj(kwnames)->len > 0) {
        ai_raise_fmt(&ai_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs == want) return 0;
    if (want == 0)
        ai_raise_fmt(&ai_exc_TypeError, "%s() takes no arguments (%lld given)", name,
                     (long long)nargs);
    else
        ai_raise_fmt(&ai_exc_TypeError, "%s() takes exactly one argument (%lld given)", name,
                     (long long)nargs);
    return -1;
}

static ai_value m_append(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (meth_args("list.append", nargs, kw, 1) < 0) return AI_ERR;
    return ai_list_append(self, args[0]) < 0 ? AI_ERR : AI_NONE;
}

static ai_value m_extend(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (meth_args("list.extend", nargs, kw, 1) < 0) return AI_ERR;
    return ai_list_extend(self, args[0]) < 0 ? AI_ERR : AI_NONE;
}

/* An index argument (insert, pop): int-like or "'X' object cannot be
 * interpreted as an integer"; huge values clamp (OverflowError for
 * CPython's ssize_t conversion). */
static int index_arg(ai_value v, int64_t *out) {
    bool fits, err;
    int64_t n = obj_index_i64(v, &fits, &err);
    if (err) return -1;
    if (!fits) {
        ai_raise_msg(&ai_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = n;
    return 0;
}

static ai_value m_insert(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (call_no_kwargs("list.insert", kw) < 0) return AI_ERR;
    if (nargs != 2)
        return ai_raise_fmt(&ai_exc_TypeError, "insert expected 2 arguments, got %lld",
                            (long long)nargs);
    int64_t i;
    if (index_arg(args[0], &i) < 0) return AI_ERR;
    ai_list *l = list_obj(self);
    if (i < 0) {
        i += l->len;
        if (i < 0) i = 0;
    } else if (i > l->len) {
        i = l->len;
    }
    return list_replace(l, i, i, &args[1], 1) < 0 ? AI_ERR : AI_NONE;
}

static ai_value m_pop(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (call_no_kwargs("list.pop", kw) < 0) return AI_ERR;
    if (nargs > 1)
        return ai_raise_fmt(&ai_exc_TypeError, "pop expected at most 1 argument, got %lld",
                            (long long)nargs);
    int64_t i = -1;
    if (nargs == 1 && index_arg(args[0], &i) < 0) return AI_ERR;
    ai_list *l = list_obj(self);
    if (l->len == 0) return ai_raise_msg(&ai_exc_IndexError, "pop from empty list");
    if (i < 0) i += l->len;
    if (i < 0 || i >= l->len) return ai_raise_msg(&ai_exc_IndexError, "pop index out of range");
    ai_value v = l->items[i];
    if (i == l->len - 1) {
        l->len--;
        return v;
    }
    return list_replace(l, i, i + 1, NULL, 0) < 0 ? AI_ERR : v;
}

/* The first index in [start, stop) whose item == v, -1 if none, -2 on
 * error. The bounds are re-checked each round (== may shrink the list). */
static int64_t find_item(ai_list *l, ai_value v, int64_t start, int64_t stop) {
    for (int64_t i = start; i < stop && i < l->len; i++) {
        int32_t eq = obj_eq(l->items[i], v);
        if (eq < 0) return -2;
        if (eq) return i;
    }
    return -1;
}

static ai_value m_remove(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (meth_args("list.remove", nargs, kw, 1) < 0) return AI_ERR;
    ai_list *l = list_obj(self);
    int64_t i = find_item(l, args[0], 0, INT64_MAX);
    if (i == -2) return AI_ERR;
    if (i < 0) return ai_raise_msg(&ai_exc_ValueError, "list.remove(x): x not in list");
    return list_replace(l, i, i + 1, NULL, 0) < 0 ? AI_ERR : AI_NONE;
}

static ai_value m_clear(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (meth_args("list.clear", nargs, kw, 0) < 0) return AI_ERR;
    ai_list *l = list_obj(self);
    /* An unallocated list stays untouched: sort.c's modification check
     * then agrees with CPython's (clear() of the emptied list during a
     * sort goes unnoticed there too). */
    if (l->items) l->items = NULL, l->len = 0, l->cap = 0;
    return AI_NONE;
}

static ai_value m_index(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_list *l = list_obj(self);
    int64_t start, stop;
    if (seq_index_args("list.index", args, nargs, kw, l->len, &start, &stop) < 0) return AI_ERR;
    int64_t i = find_item(l, args[0], start, stop);
    if (i == -2) return AI_ERR;
    if (i >= 0) return ai_smallint(i);
    ai_value r = ai_repr(args[0]);
    if (!r) return AI_ERR;
    int64_t n;
    const char *p = str_utf8(r, &n);
    if (!p) return AI_ERR;
    return ai_raise_fmt(&ai_exc_ValueError, "%s is not in list", p);
}

static ai_value m_count(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (meth_args("list.count", nargs, kw, 1) < 0) return AI_ERR;
    ai_list *l = list_obj(self);
    int64_t c = 0;
    for (int64_t i = 0; i < l->len; i++) {
        int32_t eq = obj_eq(l->items[i], args[0]);
        if (eq < 0) return AI_ERR;
        c += eq;
    }
    return ai_smallint(c);
}

static void reverse_items(ai_value *p, int64_t n) {
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
        ai_value t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
}

static ai_value m_reverse(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (meth_args("list.reverse", nargs, kw, 0) < 0) return AI_ERR;
    reverse_items(list_obj(self)->items, list_obj(self)->len);
    return AI_NONE;
}

static ai_value m_copy(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (meth_args("list.copy", nargs, kw, 0) < 0) return AI_ERR;
    return list_from_array(list_obj(self)->items, list_obj(self)->len);
}

static ai_value m_sort(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (nargs > 0) return ai_raise_msg(&ai_exc_TypeError, "sort() takes no positional arguments");
    return list_sort_kw(self, args, kw) < 0 ? AI_ERR : AI_NONE;
}

static ai_value m_reversed(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (meth_args("list.__reversed__", nargs, kw, 0) < 0) return AI_ERR;
    seq_iter *it = ai_alloc(&list_reviter_type, sizeof(seq_iter));
    if (!it) return AI_ERR;
    it->seq = self;
    it->index = list_obj(self)->len - 1;
    return ai_val(it);
}

static const ai_method_def list_methods[] = {
    {"append", m_append, &ai_list_type, 0},
    {"extend", m_extend, &ai_list_type, 0},
    {"insert", m_insert, &ai_list_type, 0},
    {"remove", m_remove, &ai_list_type, 0},
    {"pop", m_pop, &ai_list_type, 0},
    {"clear", m_clear, &ai_list_type, 0},
    {"index", m_index, &ai_list_type, 0},
    {"count", m_count, &ai_list_type, 0},
    {"sort", m_sort, &ai_list_type, 0},
    {"reverse", m_reverse, &ai_list_type, 0},
    {"copy", m_copy, &ai_list_type, 0},
    {"__reversed__", m_reversed, &ai_list_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_slots list_slots = {
    .gc_visit_range = list_visit_range,
    .concat = list_concat,
    .repeat = list_repeat,
    .richcompare = list_richcompare,
    .hash = list_hash,
    .len = list_len,
    .contains = list_contains,
    .construct = list_construct,
    .iter = list_iter,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .methods = list_methods,
    .inplace = list_inplace,
};

ai_type ai_list_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "list",
    .base = &ai_object_type,
    .flags = AI_TF_SEQUENCE | AI_TF_MATCH_SELF,
    .basicsize = sizeof(ai_list),
    .repr = list_repr,
    .gc_visit = list_visit,
    .gc_size = list_size,
    .slots = (void *)&list_slots,
};

/* ---- unpacking ------------------------------------------------------------------------ */

static int32_t unpack_not_iterable(ai_value v) {
    ai_raise_fmt(&ai_exc_TypeError, "cannot unpack non-iterable %s object", obj_type_name(v));
    return -1;
}

int32_t ai_unpack(ai_value v, int64_t n, ai_value *out) {
    /* Exact types only: a subclass may define __iter__. */
    bool is_list = obj_is_type(v, &ai_list_type);
    if (is_list || obj_is_type(v, &ai_tuple_type)) {
        int64_t len = is_list ? list_obj(v)->len : tuple_obj(v)->len;
        const ai_value *src = is_list ? list_obj(v)->items : tuple_obj(v)->items;
        if (len == n) {
            if (n) memcpy(out, src, (size_t)n * sizeof(ai_value));
            return 0;
        }
        if (len > n)
            ai_raise_fmt(&ai_exc_ValueError, "too many values to unpack (expected %lld)",
                         (long long)n);
        else
            ai_raise_fmt(&ai_exc_ValueError,
                         "not enough values to unpack (expected %lld, got %lld)", (long long)n,
                         (long long)len);
        return -1;
    }
    if (!obj_slots(v)->iter) return unpack_not_iterable(v);
    ai_value it = ai_iter(v);
    if (!it) return -1;
    for (int64_t i = 0; i < n; i++) {
        int32_t rc = ai_for_next(it, &out[i]);
        if (rc < 0) return -1;
        if (rc == 0) {
            ai_raise_fmt(&ai_exc_ValueError,
                         "not enough values to unpack (expected %lld, got %lld)", (long long)n,
                         (long long)i);
            return -1;
        }
    }
    ai_value extra;
    int32_t rc = ai_for_next(it, &extra);
    if (rc < 0) return -1;
    if (rc == 1) {
        ai_raise_fmt(&ai_exc_ValueError, "too many values to unpack (expected %lld)", (long long)n);
        return -1;
    }
    return 0;
}

int32_t ai_unpack_ex(ai_value v, int64_t before, int64_t after, ai_value *out) {
    if (!obj_slots(v)->iter) return unpack_not_iterable(v);
    ai_value it = ai_iter(v);
    if (!it) return -1;
    for (int64_t i = 0; i < before; i++) {
        int32_t rc = ai_for_next(it, &out[i]);
        if (rc < 0) return -1;
        if (rc == 0) {
            ai_raise_fmt(&ai_exc_ValueError,
                         "not enough values to unpack (expected at least %lld, got %lld)",
                         (long long)(before + after), (long long)i);
            return -1;
        }
    }
    ai_value rest = list_new(0);
    if (!rest || ai_list_extend(rest, it) < 0) return -1;
    ai_list *l = list_obj(rest);
    if (l->len < after) {
        ai_raise_fmt(&ai_exc_ValueError,
                     "not enough values to unpack (expected at least %lld, got %lld)",
                     (long long)(before + after), (long long)(before + l->len));
        return -1;
    }
    l->len -= after;
    if (after) memcpy(out + before + 1, l->items + l->len, (size_t)after * sizeof(ai_value));
    out[before] = rest;
    return 0;
}

/* ---- the sequence builtins ------------------------------------------------------------- */

#define V(x) ((ai_value)(uintptr_t) & (x))
const bi_entry bi_table_seq[] = {
    {"list", V(ai_list_type)},
    {"slice", V(ai_slice_type)},
    {"enumerate", V(ai_enumerate_type)},
    {"zip", V(ai_zip_type)},
    {"map", V(ai_map_type)},
    {"filter", V(ai_filter_type)},
    {"reversed", V(ai_reversed_type)},
    {"iter", V(iterobj_bf_iter)},
    {"next", V(iterobj_bf_next)},
    {"sorted", V(iterobj_bf_sorted)},
    {"min", V(iterobj_bf_min)},
    {"max", V(iterobj_bf_max)},
    {"sum", V(iterobj_bf_sum)},
    {"any", V(iterobj_bf_any)},
    {"all", V(iterobj_bf_all)},
    {NULL, 0},
};
#undef V
