/*
 * objects/sort.c — list.sort() and sorted(): a stable Timsort with
 * galloping, written from the published description of the algorithm
 * (natural runs, binary insertion up to minrun, powersort merge policy,
 * galloping merges with an adaptive min_gallop).
 *
 * Keys: with key=, every item's key is computed once, in order, before
 * any comparison; the keys are sorted and the items carried along. Only
 * `<` is ever used, through ai_compare_bool, except that when every key
 * is a small int, an exact float or an exact str the keys are compared
 * directly (the same answers, no dispatch), and when every key is an
 * exact tuple, tuple_lt compares them without the operator dispatch
 * (items that are small ints, exact floats or strs inline). reverse=True reverses before
 * and after sorting, so equal items keep their order (as CPython does).
 *
 * Invariants:
 *   - While sorting, the list is detached: empty, cap == -1. Anything
 *     that mutates it (a key function, __lt__) changes cap, which is
 *     reported as "list modified during sort"; the sorted items are put
 *     back either way, the mutation is dropped.
 *   - When a comparison raises, every merge step copies its temporary
 *     items back, so the list stays a permutation of its items.
 *   - The temporary arrays (keys, merge buffer) come from gc_vals_alloc
 *     and the detached items are a gc_roots_push frame, so the collector
 *     sees every item and key while the list looks empty.
 */
#include "core/object.h"
#include "gc/gc.h"

#include <stdlib.h>

#define MIN_GALLOP 7
#define MAX_RUNS   88 /* powersort keeps the stack logarithmic: 2^64 items fit */

typedef int (*lt_fn)(ai_value a, ai_value b);

typedef struct run {
    int64_t start, len;
    int power; /* powersort node power of the boundary after this run */
} run;

typedef struct sortstate {
    ai_value *keys;   /* the array being sorted */
    ai_value *values; /* carried along with keys, or NULL */
    int64_t n;
    lt_fn lt;
    int64_t min_gallop;
    ai_value *tk, *tv; /* merge scratch (keys, values) */
    int64_t tcap;
    run runs[MAX_RUNS];
    int nruns;
} sortstate;

/* ---- comparisons ---------------------------------------------------------- */

static int lt_generic(ai_value a, ai_value b) { return ai_compare_bool(a, b, AI_CMP_LT); }
static int lt_smallint(ai_value a, ai_value b) { return (int64_t)a < (int64_t)b; }
static int lt_float(ai_value a, ai_value b) { return float_get(a) < float_get(b); }
static int lt_str(ai_value a, ai_value b) { return str_cmp(str_obj(a), str_obj(b)) < 0; }

static int lt_tuple(ai_value a, ai_value b) { return tuple_lt(a, b); }

static lt_fn choose_lt(const ai_value *keys, int64_t n) {
    bool ints = true, floats = true, strs = true, tuples = true;
    for (int64_t i = 0; i < n && (ints || floats || strs || tuples); i++) {
        ai_value k = keys[i];
        if (ai_is_smallint(k)) {
            floats = strs = tuples = false;
            continue;
        }
        ints = false;
        const ai_type *t = ai_type_of_obj(ai_obj(k));
        if (t != &ai_float_type) floats = false;
        if (t != &ai_str_type) strs = false;
        if (t != &ai_tuple_type) tuples = false;
    }
    return ints ? lt_smallint : floats ? lt_float : strs ? lt_str : tuples ? lt_tuple : lt_generic;
}

/* ---- moving keys with their values ---------------------------------------- */

static void move_items(ai_value *dk, ai_value *dv, const ai_value *sk, const ai_value *sv,
                       int64_t n) {
    if (n <= 0) return;
    memmove(dk, sk, (size_t)n * sizeof(ai_value));
    if (dv) memmove(dv, sv, (size_t)n * sizeof(ai_value));
}

static void reverse_range(ai_value *p, int64_t n) {
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
        ai_value t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
}

/* ---- runs and insertion ---------------------------------------------------- */

/* Length of the run starting at lo (hi: end of the array); *desc is set
 * when it is strictly descending (so reversing it keeps stability). */
static int64_t count_run(sortstate *s, int64_t lo, int64_t hi, bool *desc) {
    *desc = false;
    if (lo + 1 == hi) return 1;
    ai_value *k = s->keys;
    int64_t n = 2;
    int c = s->lt(k[lo + 1], k[lo]);
    if (c < 0) return -1;
    if (c) {
        *desc = true;
        for (int64_t i = lo + 2; i < hi; i++, n++) {
            c = s->lt(k[i], k[i - 1]);
            if (c < 0) return -1;
            if (!c) break;
        }
    } else {
        for (int64_t i = lo + 2; i < hi; i++, n++) {
            c = s->lt(k[i], k[i - 1]);
            if (c < 0) return -1;
            if (c) break;
        }
    }
    return n;
}

/* Sort [lo, hi) by binary insertion; [lo, start) is already sorted. */
static int binary_insertion(sortstate *s, int64_t lo, int64_t hi, int64_t start) {
    ai_value *k = s->keys, *v = s->values;
    for (; start < hi; start++) {
        ai_value pk = k[start], pv = v ? v[start] : 0;
        int64_t l = lo, r = start;
        while (l < r) {
            int64_t m = l + ((r - l) >> 1);
            int c = s->lt(pk, k[m]);
            if (c < 0) return -1;
            if (c)
                r = m;
            else
                l = m + 1;
        }
        /* After the last equal item: stability. */
        move_items(k + l + 1, v ? v + l + 1 : NULL, k + l, v ? v + l : NULL, start - l);
        k[l] = pk;
        if (v) v[l] = pv;
    }
    return 0;
}

/* Runs shorter than this are extended by insertion: n / minrun is close
 * to, and not above, a power of two, so the final merges are balanced. */
static int64_t min_run(int64_t n) {
    int64_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* ---- galloping --------------------------------------------------------------- */

/* Where key goes in sorted a[0..n) to the LEFT of equal items: the k
 * with a[k-1] < key <= a[k]. Starts probing at `hint`. -1 on error. */
static int64_t gallop_left(sortstate *s, ai_value key, const ai_value *a, int64_t n, int64_t hint) {
    int64_t last = 0, ofs = 1;
    int c = s->lt(a[hint], key);
    if (c < 0) return -1;
    if (c) {
        /* a[hint] < key: probe right, a[hint+last] < key <= a[hint+ofs] */
        int64_t maxofs = n - hint;
        while (ofs < maxofs) {
            c = s->lt(a[hint + ofs], key);
            if (c < 0) return -1;
            if (!c) break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        last += hint;
        ofs += hint;
    } else {
        /* key <= a[hint]: probe left, a[hint-ofs] < key <= a[hint-last] */
        int64_t maxofs = hint + 1;
        while (ofs < maxofs) {
            c = s->lt(a[hint - ofs], key);
            if (c < 0) return -1;
            if (c) break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        int64_t t = last;
        last = hint - ofs;
        ofs = hint - t;
    }
    /* a[last] < key <= a[ofs] (a[-1] = -inf, a[n] = +inf): bisect. */
    last++;
    while (last < ofs) {
        int64_t m = last + ((ofs - last) >> 1);
        c = s->lt(a[m], key);
        if (c < 0) return -1;
        if (c)
            last = m + 1;
        else
            ofs = m;
    }
    return ofs;
}

/* The same to the RIGHT of equal items: a[k-1] <= key < a[k]. */
static int64_t gallop_right(sortstate *s, ai_value key, const ai_value *a, int64_t n,
                            int64_t hint) {
    int64_t last = 0, ofs = 1;
    int c = s->lt(key, a[hint]);
    if (c < 0) return -1;
    if (c) {
        /* key < a[hint]: probe left, a[hint-ofs] <= key < a[hint-last] */
        int64_t maxofs = hint + 1;
        while (ofs < maxofs) {
            c = s->lt(key, a[hint - ofs]);
            if (c < 0) return -1;
            if (!c) break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        int64_t t = last;
        last = hint - ofs;
        ofs = hint - t;
    } else {
        /* a[hint] <= key: probe right, a[hint+last] <= key < a[hint+ofs] */
        int64_t maxofs = n - hint;
        while (ofs < maxofs) {
            c = s->lt(key, a[hint + ofs]);
            if (c < 0) return -1;
            if (c) break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs) ofs = maxofs;
        last += hint;
        ofs += hint;
    }
    last++;
    while (last < ofs) {
        int64_t m = last + ((ofs - last) >> 1);
        c = s->lt(key, a[m]);
        if (c < 0) return -1;
        if (c)
            ofs = m;
        else
            last = m + 1;
    }
    return ofs;
}

/* ---- merging ------------------------------------------------------------------- */

static int ensure_tmp(sortstate *s, int64_t need) {
    if (need <= s->tcap) return 0;
    gc_vals_free(s->tk);
    gc_vals_free(s->tv);
    s->tk = s->tv = NULL;
    s->tk = gc_vals_alloc(need);
    s->tv = s->values ? gc_vals_alloc(need) : NULL;
    if (!s->tk || (s->values && !s->tv)) {
        s->tcap = 0;
        exc_nomem();
        return -1;
    }
    s->tcap = need;
    return 0;
}

/* Merge A = [pa, pa+na) and B = [pa+na, pa+na+nb), na <= nb, copying A
 * out. Preconditions (from merge_at): B[0] < A[0] and A[na-1] > B[nb-1].
 * Invariant: dest + na == b, so on failure the rest of A fills the gap. */
static int merge_low(sortstate *s, int64_t pa, int64_t na, int64_t nb) {
    if (ensure_tmp(s, na) < 0) return -1;
    ai_value *k = s->keys, *v = s->values, *tk = s->tk, *tv = s->tv;
    move_items(tk, tv, k + pa, v ? v + pa : NULL, na);
    int64_t dest = pa, a = 0, b = pa + na, mg = s->min_gallop;
    int result = -1;
#define MOVE_B()               \
    do {                       \
        k[dest] = k[b];        \
        if (v) v[dest] = v[b]; \
        dest++, b++;           \
    } while (0)
#define MOVE_A()                \
    do {                        \
        k[dest] = tk[a];        \
        if (v) v[dest] = tv[a]; \
        dest++, a++;            \
    } while (0)
    MOVE_B();
    if (--nb == 0) goto done;
    if (na == 1) goto copy_b;
    for (;;) {
        int64_t acount = 0, bcount = 0;
        /* One item at a time until one run wins MIN_GALLOP times in a row. */
        for (;;) {
            int c = s->lt(k[b], tk[a]);
            if (c < 0) goto fail;
            if (c) {
                MOVE_B();
                bcount++, acount = 0;
                if (--nb == 0) goto done;
                if (bcount >= mg) break;
            } else {
                MOVE_A();
                acount++, bcount = 0;
                if (--na == 1) goto copy_b;
                if (acount >= mg) break;
            }
        }
        /* Galloping: find whole stretches of each run at once. */
        mg++;
        do {
            mg -= mg > 1;
            s->min_gallop = mg;
            int64_t n = gallop_right(s, k[b], tk + a, na, 0);
            if (n < 0) goto fail;
            acount = n;
            if (n) {
                move_items(k + dest, v ? v + dest : NULL, tk + a, tv ? tv + a : NULL, n);
                dest += n, a += n, na -= n;
                if (na == 1) goto copy_b;
                /* na == 0 only with an inconsistent <; nothing left of A. */
                if (na == 0) goto done;
            }
            MOVE_B();
            if (--nb == 0) goto done;
            n = gallop_left(s, tk[a], k + b, nb, 0);
            if (n < 0) goto fail;
            bcount = n;
            if (n) {
                move_items(k + dest, v ? v + dest : NULL, k + b, v ? v + b : NULL, n);
                dest += n, b += n, nb -= n;
                if (nb == 0) goto done;
            }
            MOVE_A();
            if (--na == 1) goto copy_b;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        mg++; /* penalise leaving gallop mode */
        s->min_gallop = mg;
    }
done:
    result = 0;
fail:
    move_items(k + dest, v ? v + dest : NULL, tk + a, tv ? tv + a : NULL, na);
    return result;
copy_b:
    /* The last item of A belongs after all of B's rest. */
    move_items(k + dest, v ? v + dest : NULL, k + b, v ? v + b : NULL, nb);
    k[dest + nb] = tk[a];
    if (v) v[dest + nb] = tv[a];
    return 0;
#undef MOVE_A
#undef MOVE_B
}

/* The mirror image for na > nb: B is copied out and the merge runs from
 * the right end. Invariant: dest == a + nb, B's rest is tmp[0..nb). */
static int merge_high(sortstate *s, int64_t pa, int64_t na, int64_t nb) {
    if (ensure_tmp(s, nb) < 0) return -1;
    ai_value *k = s->keys, *v = s->values, *tk = s->tk, *tv = s->tv;
    int64_t pb = pa + na;
    move_items(tk, tv, k + pb, v ? v + pb : NULL, nb);
    int64_t dest = pb + nb - 1, a = pa + na - 1, b = nb - 1, mg = s->min_gallop;
    int result = -1;
#define MOVE_A()               \
    do {                       \
        k[dest] = k[a];        \
        if (v) v[dest] = v[a]; \
        dest--, a--;           \
    } while (0)
#define MOVE_B()                \
    do {                        \
        k[dest] = tk[b];        \
        if (v) v[dest] = tv[b]; \
        dest--, b--;            \
    } while (0)
    MOVE_A();
    if (--na == 0) goto done;
    if (nb == 1) goto copy_a;
    for (;;) {
        int64_t acount = 0, bcount = 0;
        for (;;) {
            int c = s->lt(tk[b], k[a]);
            if (c < 0) goto fail;
            if (c) {
                MOVE_A();
                acount++, bcount = 0;
                if (--na == 0) goto done;
                if (acount >= mg) break;
            } else {
                MOVE_B();
                bcount++, acount = 0;
                if (--nb == 1) goto copy_a;
                if (bcount >= mg) break;
            }
        }
        mg++;
        do {
            mg -= mg > 1;
            s->min_gallop = mg;
            int64_t n = gallop_right(s, tk[b], k + pa, na, na - 1);
            if (n < 0) goto fail;
            n = na - n;
            acount = n;
            if (n) {
                dest -= n, a -= n;
                move_items(k + dest + 1, v ? v + dest + 1 : NULL, k + a + 1, v ? v + a + 1 : NULL,
                           n);
                na -= n;
                if (na == 0) goto done;
            }
            MOVE_B();
            if (--nb == 1) goto copy_a;
            n = gallop_left(s, k[a], tk, nb, nb - 1);
            if (n < 0) goto fail;
            n = nb - n;
            bcount = n;
            if (n) {
                dest -= n, b -= n;
                move_items(k + dest + 1, v ? v + dest + 1 : NULL, tk + b + 1,
                           tv ? tv + b + 1 : NULL, n);
                nb -= n;
                if (nb == 1) goto copy_a;
                /* nb == 0 only with an inconsistent <. */
                if (nb == 0) goto done;
            }
            MOVE_A();
            if (--na == 0) goto done;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        mg++;
        s->min_gallop = mg;
    }
done:
    result = 0;
fail:
    move_items(k + dest - nb + 1, v ? v + dest - nb + 1 : NULL, tk, tv, nb);
    return result;
copy_a:
    /* B's one remaining item (its first) goes before all of A's rest. */
    dest -= na, a -= na;
    move_items(k + dest + 1, v ? v + dest + 1 : NULL, k + a + 1, v ? v + a + 1 : NULL, na);
    k[dest] = tk[0];
    if (v) v[dest] = tv[0];
    return 0;
#undef MOVE_A
#undef MOVE_B
}

/* Merge runs i and i+1 of the stack. */
static int merge_at(sortstate *s, int i) {
    int64_t pa = s->runs[i].start, na = s->runs[i].len;
    int64_t pb = s->runs[i + 1].start, nb = s->runs[i + 1].len;
    s->runs[i].len = na + nb;
    if (i == s->nruns - 3) s->runs[i + 1] = s->runs[i + 2];
    s->nruns--;
    /* Items of A already in place (<= B[0]) and of B (>= A's last). */
    int64_t n = gallop_right(s, s->keys[pb], s->keys + pa, na, 0);
    if (n < 0) return -1;
    pa += n;
    na -= n;
    if (na == 0) return 0;
    nb = gallop_left(s, s->keys[pa + na - 1], s->keys + pb, nb, nb - 1);
    if (nb <= 0) return (int)nb;
    return na <= nb ? merge_low(s, pa, na, nb) : merge_high(s, pa, na, nb);
}

/* Powersort: the depth of the boundary between two adjacent runs in the
 * ideal merge tree, from the binary expansions of their midpoints. */
static int node_power(int64_t s1, int64_t n1, int64_t n2, int64_t n) {
    uint64_t a = 2 * (uint64_t)s1 + (uint64_t)n1; /* 2 * midpoint of run 1 */
    uint64_t b = a + (uint64_t)n1 + (uint64_t)n2; /* 2 * midpoint of run 2 */
    int power = 0;
    for (;;) {
        power++;
        if (a >= (uint64_t)n) { /* both midpoints in the upper half */
            a -= (uint64_t)n;
            b -= (uint64_t)n;
        } else if (b >= (uint64_t)n) { /* they straddle: the node is here */
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return power;
}

/* A new run [start, start+len) follows the stack's top: merge what the
 * powersort tree says must be merged first, then push it. */
static int push_run(sortstate *s, int64_t start, int64_t len) {
    if (s->nruns > 0) {
        run *top = &s->runs[s->nruns - 1];
        int power = node_power(top->start, top->len, len, s->n);
        /* runs[i].power belongs to the boundary between runs i and i+1. */
        while (s->nruns > 1 && s->runs[s->nruns - 2].power > power)
            if (merge_at(s, s->nruns - 2) < 0) return -1;
        s->runs[s->nruns - 1].power = power;
    }
    s->runs[s->nruns].start = start;
    s->runs[s->nruns].len = len;
    s->runs[s->nruns].power = 0;
    s->nruns++;
    return 0;
}

static int timsort(sortstate *s) {
    int64_t n = s->n;
    if (n < 2) return 0;
    s->lt = choose_lt(s->keys, n);
    s->min_gallop = MIN_GALLOP;
    int64_t minrun = min_run(n), lo = 0;
    while (lo < n) {
        bool desc;
        int64_t len = count_run(s, lo, n, &desc);
        if (len < 0) return -1;
        if (desc) {
            reverse_range(s->keys + lo, len);
            if (s->values) reverse_range(s->values + lo, len);
        }
        if (len < minrun) {
            int64_t force = n - lo < minrun ? n - lo : minrun;
            if (binary_insertion(s, lo, lo + force, lo + len) < 0) return -1;
            len = force;
        }
        if (push_run(s, lo, len) < 0) return -1;
        lo += len;
    }
    /* Collapse what is left, the smaller neighbour of the top run first. */
    while (s->nruns > 1) {
        int i = s->nruns - 2;
        if (i > 0 && s->runs[i - 1].len < s->runs[i + 1].len) i--;
        if (merge_at(s, i) < 0) return -1;
    }
    return 0;
}

/* ---- list.sort ---------------------------------------------------------------------- */

int32_t list_sort(ai_value list, ai_value key, bool reverse) {
    ai_list *l = list_obj(list);
    if (key == AI_NONE) key = 0;
    /* Detach the items: the list looks empty to code run by key or <. */
    int64_t n = l->len, saved_cap = l->cap;
    ai_value *items = l->items;
    l->len = 0;
    l->items = NULL;
    l->cap = -1;
    /* The detached items are roots until they are put back (gc/gc.h, G4). */
    gc_rootframe detached;
    gc_roots_push(&detached, items, n);
    int32_t result = -1;
    sortstate s = {.keys = items, .n = n};
    ai_value *keys = NULL;
    if (key && n > 0) {
        keys = gc_vals_alloc(n);
        if (!keys) {
            exc_nomem();
            goto restore;
        }
        for (int64_t i = 0; i < n; i++) {
            keys[i] = ai_call(key, &items[i], 1, 0);
            if (!keys[i]) goto restore;
        }
        s.keys = keys;
        s.values = items;
    }
    if (reverse) {
        reverse_range(items, n);
        if (keys) reverse_range(keys, n);
    }
    result = timsort(&s) < 0 ? -1 : 0;
    if (reverse) reverse_range(items, n);
restore:
    gc_vals_free(keys);
    gc_vals_free(s.tk);
    gc_vals_free(s.tv);
    gc_roots_pop(&detached);
    bool modified = l->cap != -1;
    l->items = items;
    gc_barrier_all(l);
    l->len = n;
    l->cap = saved_cap;
    if (modified && result == 0) {
        ai_raise_msg(&ai_exc_ValueError, "list modified during sort");
        result = -1;
    }
    return result;
}

int32_t list_sort_kw(ai_value list, const ai_value *kwargs, ai_value kwnames) {
    ai_value key = 0, rev = 0;
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    for (int64_t k = 0; k < nkw; k++) {
        ai_value name = tuple_obj(kwnames)->items[k];
        if (attr_name_is(name, "key")) {
            key = kwargs[k];
        } else if (attr_name_is(name, "reverse")) {
            rev = kwargs[k];
        } else {
            const char *p = str_utf8(name, NULL);
            ai_raise_fmt(&ai_exc_TypeError, "'%s' is an invalid keyword argument for sort()",
                         p ? p : "?");
            return -1;
        }
    }
    bool reverse = false;
    if (rev) {
        /* reverse= is a C int in CPython: 1.5 and None are refused. */
        bool fits, err;
        int64_t n = obj_index_i64(rev, &fits, &err);
        if (err) return -1;
        if (!fits || n < INT32_MIN || n > INT32_MAX) {
            ai_raise_msg(&ai_exc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        reverse = n != 0;
    }
    return list_sort(list, key, reverse);
}
