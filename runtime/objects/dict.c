/*
 * objects/dict.c — `dict`: the compact insertion-ordered hash table, its
 * iterators, the display/merge ABI (ai_dict_new, ai_dict_merge) and
 * bi_table_map (the builtins dict, set, frozenset).
 *
 * Layout, as CPython's: the dict points at a keys block (its own type, so
 * the collector scans the entries) holding a sparse index of 2**k slots
 * of 1/2/4/8 bytes (-1 empty, -2 dummy, else an entry number) and a dense
 * entry array (hash, key, value) in insertion order, 2/3 the index size.
 * Lookup probes with CPython's perturbation; keys match by identity, then
 * equal hash and ==. A deletion leaves a dummy and a hole; holes go when
 * an insertion finds no usable entry and the table is rebuilt at CPython's
 * size for 3 * used (the exact policy shows in mutation-during-iteration).
 *
 * Invariants: used = live entries; an index slot >= 0 names a live entry;
 * an empty dict may have no keys block. Code that calls back into Python
 * (==, hash, repr) re-reads d->keys afterwards. Not handled: subclasses
 * (__missing__), split-table instance dicts, "dict mutated during update".
 */
#include "core/object.h"
#include "gc/gc.h"

#include <stdlib.h>

enum { IX_EMPTY = -1, IX_DUMMY = -2, IX_ERROR = -3 };
#define PERTURB_SHIFT 5
#define LOG2_MINSIZE  3
/* Presized displays and fromkeys() stop growing the first table here. */
#define LOG2_MAX_PRESIZE 17
/* Entries that fit an index of 2**log2 slots. */
#define USABLE_FRACTION(n) (((n) << 1) / 3)

#include "objects/dict_impl.h"

/* ---- memory ------------------------------------------------------------------ */

static void keys_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    dict_keys *k = (dict_keys *)o;
    dict_entry *e = entries_of(k);
    for (int64_t i = 0; i < k->nentries; i++)
        if (e[i].key) {
            visit(&e[i].key, ctx);
            visit(&e[i].value, ctx);
        }
}

/* The entries' slots that lie in [lo, hi): the collector's card scan of
 * a big keys block (gc/gcint.h C7). */
static void keys_visit_range(ai_object *o, const void *lo, const void *hi, void (*visit)(ai_value *, void *),
                             void *ctx) {
    dict_keys *k = (dict_keys *)o;
    dict_entry *e = entries_of(k);
    const char *base = (const char *)e, *l = lo, *r = hi;
    int64_t i = l > base ? (int64_t)((size_t)(l - base) / sizeof(dict_entry)) : 0;
    int64_t n = r > base ? (int64_t)(((size_t)(r - base) + sizeof(dict_entry) - 1) / sizeof(dict_entry)) : 0;
    if (n > k->nentries) n = k->nentries;
    for (; i < n; i++) {
        if (!e[i].key) continue;
        if ((const char *)&e[i].key >= l && (const char *)&e[i].key < r) visit(&e[i].key, ctx);
        if ((const char *)&e[i].value >= l && (const char *)&e[i].value < r) visit(&e[i].value, ctx);
    }
}

static const ai_slots keys_slots = {.gc_visit_range = keys_visit_range};

static size_t keys_size(const ai_object *o) {
    const dict_keys *k = (const dict_keys *)o;
    return sizeof(dict_keys) + index_bytes(k) + (size_t)k->capacity * sizeof(dict_entry);
}

ai_type ai_dict_keysblock_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "dict_keys_block",
    .base = &ai_object_type,
    .basicsize = sizeof(dict_keys),
    .gc_visit = keys_visit,
    .gc_size = keys_size,
    .slots = (void *)&keys_slots,
};

static void dict_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_dict *d = (ai_dict *)o;
    if (d->keys) visit(&d->keys, ctx);
}

/* A keys block with an index of 2**log2 slots, all empty. */
static dict_keys *keys_new(int64_t log2) {
    if (log2 > 40) {
        exc_nomem();
        return NULL;
    }
    int64_t size = (int64_t)1 << log2;
    int64_t width = log2 < 8 ? 1 : log2 < 16 ? 2 : log2 < 32 ? 4 : 8;
    int64_t cap = USABLE_FRACTION(size);
    size_t ib = ((size_t)(width * size) + 7) & ~(size_t)7;
    dict_keys *k =
        ai_alloc(&ai_dict_keysblock_type, sizeof(dict_keys) + ib + (size_t)cap * sizeof(dict_entry));
    if (!k) return NULL;
    k->log2size = log2;
    k->width = width;
    k->capacity = k->usable = cap;
    memset(k + 1, 0xff, ib); /* every slot IX_EMPTY (-1) */
    return k;
}

/* The index size for a table meant to hold about minsize/3*2 items:
 * bit_length(((minsize | 8) - 1) | 7), CPython's formula (which is not
 * quite "the next power of two": 6 gives 16). */
static int64_t log2_for(int64_t minsize) {
    uint64_t m = (((uint64_t)minsize | 8) - 1) | 7;
    return 64 - __builtin_clzll(m);
}

/* Size for n items inserted in one go (displays, merges, fromkeys). */
static int64_t log2_estimate(int64_t n) { return log2_for((n * 3 + 1) / 2); }

/* ---- the table ---------------------------------------------------------------- */

/* The entry number of key, IX_EMPTY when absent, IX_ERROR when == or
 * hash raised. */
static int64_t lookup(ai_dict *d, ai_value key, int64_t hash) {
restart:;
    ai_value kv = d->keys;
    if (!kv) return IX_EMPTY;
    dict_keys *k = keys_of(kv);
    dict_entry *ep = entries_of(k);
    size_t mask = ((size_t)1 << k->log2size) - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        int64_t ix = ix_get(k, i);
        if (ix == IX_EMPTY) return IX_EMPTY;
        if (ix >= 0) {
            dict_entry *e = &ep[ix];
            if (e->key == key) return ix;
            if (e->hash == hash) {
                ai_value start = e->key;
                int eq = map_key_eq_fast(start, key);
                if (eq == -2) {
                    eq = obj_eq(start, key);
                    if (eq < 0) return IX_ERROR;
                    /* == ran Python code: start over if it changed the table */
                    if (d->keys != kv || e->key != start) goto restart;
                }
                if (eq) return ix;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* The first index slot on hash's probe path that holds no entry. */
static size_t find_empty_slot(const dict_keys *k, int64_t hash) {
    size_t mask = ((size_t)1 << k->log2size) - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    while (ix_get(k, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The index slot that holds entry number ix (which is live). */
static size_t slot_of_entry(const dict_keys *k, int64_t hash, int64_t ix) {
    size_t mask = ((size_t)1 << k->log2size) - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    while (ix_get(k, i) != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Rebuild the table with an index of 2**log2 slots: live entries move to
 * the front, in order; holes and dummies disappear. */
static int resize(ai_dict *d, int64_t log2) {
    if (log2 < LOG2_MINSIZE) log2 = LOG2_MINSIZE;
    dict_keys *nk = keys_new(log2);
    if (!nk) return -1;
    dict_entry *dst = entries_of(nk);
    int64_t n = 0;
    if (d->keys) {
        dict_keys *ok = keys_of(d->keys);
        dict_entry *src = entries_of(ok);
        if (ok->nentries == d->used) {
            memcpy(dst, src, (size_t)d->used * sizeof(dict_entry));
            n = d->used;
        } else {
            for (int64_t i = 0; i < ok->nentries; i++)
                if (src[i].key) dst[n++] = src[i];
        }
    }
    for (int64_t j = 0; j < n; j++) ix_set(nk, find_empty_slot(nk, dst[j].hash), j);
    nk->nentries = n;
    nk->usable = nk->capacity - n;
    d->keys = ai_val(nk);
    gc_barrier_all(d);
    return 0;
}

/* Append a key known to be absent. */
static int insert_new(ai_dict *d, ai_value key, int64_t hash, ai_value value) {
    if (!d->keys || keys_of(d->keys)->usable <= 0)
        if (resize(d, log2_for(d->used * 3)) < 0) return -1;
    dict_keys *k = keys_of(d->keys);
    int64_t ix = k->nentries;
    ix_set(k, find_empty_slot(k, hash), ix);
    dict_entry *e = &entries_of(k)[ix];
    e->hash = hash;
    e->key = key;
    e->value = value;
    gc_barrier_at(k, &e->key, key);
    gc_barrier_at(k, &e->value, value);
    k->nentries++;
    k->usable--;
    d->used++;
    return 0;
}

/* d[key] = value with the hash known. An equal key already present keeps
 * its original key object (d[1.0] = x leaves the key 1). */
static int setitem_hash(ai_dict *d, ai_value key, int64_t hash, ai_value value) {
    int64_t ix = lookup(d, key, hash);
    if (ix == IX_ERROR) return -1;
    if (ix >= 0) {
        ai_value *slot = &entries_of(keys_of(d->keys))[ix].value;
        *slot = value;
        gc_barrier_at(keys_of(d->keys), slot, value);
        return 0;
    }
    return insert_new(d, key, hash, value);
}

static void delete_entry(ai_dict *d, int64_t ix) {
    dict_keys *k = keys_of(d->keys);
    dict_entry *e = &entries_of(k)[ix];
    ix_set(k, slot_of_entry(k, e->hash, ix), IX_DUMMY);
    e->key = e->value = 0;
    d->used--;
}

static ai_value raise_key_error(ai_value key) {
    ai_value args = ai_tuple_pack(&key, 1);
    return args ? exc_raise_args(&ai_exc_KeyError, args) : AI_ERR;
}

/* A new empty dict, sized for n insertions. */
static ai_value dict_presized(int64_t n) {
    ai_dict *d = ai_alloc(&ai_dict_type, sizeof(ai_dict));
    if (!d) return AI_ERR;
    if (n > USABLE_FRACTION((int64_t)1 << LOG2_MINSIZE)) {
        int64_t log2 = log2_estimate(n);
        if (log2 > LOG2_MAX_PRESIZE) log2 = LOG2_MAX_PRESIZE;
        dict_keys *k = keys_new(log2);
        if (!k) return AI_ERR;
        d->keys = ai_val(k);
        gc_barrier_all(d);
    }
    return ai_val(d);
}

/* ---- the shared internal API (object.h) ---------------------------------------- */

ai_value dict_new(void) { return dict_presized(0); }

int64_t dict_len(ai_value d) { return dict_obj(d)->used; }

int32_t dict_get_hash(ai_value dv, ai_value key, int64_t hash, ai_value *out) {
    ai_dict *d = dict_obj(dv);
    int64_t ix = lookup(d, key, hash);
    if (ix == IX_ERROR) return -1;
    if (ix < 0) return 0;
    *out = entries_of(keys_of(d->keys))[ix].value;
    return 1;
}

int32_t dict_get(ai_value d, ai_value key, ai_value *out) {
    int64_t h = map_hash(key);
    return h == -1 ? -1 : dict_get_hash(d, key, h, out);
}

int32_t dict_set(ai_value d, ai_value key, ai_value v) {
    int64_t h = map_hash(key);
    return h == -1 ? -1 : setitem_hash(dict_obj(d), key, h, v);
}

int64_t dict_index_of(ai_value dv, ai_value key) {
    int64_t h = map_hash(key);
    if (h == -1) return -2;
    int64_t ix = lookup(dict_obj(dv), key, h);
    return ix == IX_ERROR ? -2 : ix < 0 ? -1 : ix;
}

int32_t dict_del(ai_value dv, ai_value key) {
    int64_t h = map_hash(key);
    if (h == -1) return -1;
    ai_dict *d = dict_obj(dv);
    int64_t ix = lookup(d, key, h);
    if (ix == IX_ERROR) return -1;
    if (ix < 0) return 0;
    delete_entry(d, ix);
    return 1;
}

bool dict_next(ai_value dv, int64_t *pos, ai_value *key, ai_value *value, int64_t *hash) {
    ai_dict *d = dict_obj(dv);
    if (!d->keys) return false;
    dict_keys *k = keys_of(d->keys);
    dict_entry *e = entries_of(k);
    int64_t i = *pos;
    while (i < k->nentries && !e[i].key) i++;
    if (i >= k->nentries) return false;
    *pos = i + 1;
    if (key) *key = e[i].key;
    if (value) *value = e[i].value;
    if (hash) *hash = e[i].hash;
    return true;
}

int map_arg_range(const char *name, int64_t nargs, int64_t min, int64_t max) {
    if (nargs < min) {
        ai_raise_fmt(&ai_exc_TypeError, "%s expected %s%lld argument%s, got %lld", name,
                     min == max ? "" : "at least ", (long long)min, min == 1 ? "" : "s",
                     (long long)nargs);
        return -1;
    }
    if (nargs > max) {
        ai_raise_fmt(&ai_exc_TypeError, "%s expected %s%lld argument%s, got %lld", name,
                     min == max ? "" : "at most ", (long long)max, max == 1 ? "" : "s",
                     (long long)nargs);
        return -1;
    }
    return 0;
}

/* ---- merging ---------------------------------------------------------------------- */

/* a.update(b) for a dict b: one resize up front, or a straight copy of
 * b's table when a is empty and b has no holes. */
static int merge_dict(ai_dict *a, ai_dict *b) {
    if (a == b || b->used == 0) return 0;
    dict_keys *bk = keys_of(b->keys);
    if (a->used == 0 && bk->nentries == b->used &&
        (bk->log2size == LOG2_MINSIZE ||
         USABLE_FRACTION(((int64_t)1 << bk->log2size) / 2) < b->used)) {
        size_t sz = keys_size(&bk->ob);
        dict_keys *k = ai_alloc(&ai_dict_keysblock_type, sz);
        if (!k) return -1;
        memcpy((char *)k + sizeof(ai_object), (char *)bk + sizeof(ai_object),
               sz - sizeof(ai_object));
        a->keys = ai_val(k);
        gc_barrier_all(a);
        a->used = b->used;
        return 0;
    }
    int64_t asize = a->keys ? (int64_t)1 << keys_of(a->keys)->log2size : (int64_t)1 << LOG2_MINSIZE;
    if (USABLE_FRACTION(asize) < b->used)
        if (resize(a, log2_estimate(a->used + b->used)) < 0) return -1;
    int64_t pos = 0, h;
    ai_value k, v;
    while (dict_next(ai_val(b), &pos, &k, &v, &h))
        if (setitem_hash(a, k, h, v) < 0) return -1;
    return 0;
}

static ai_value str_keys_name(void) {
    static ai_value name; /* an immortal constant, made once */
    ai_value n = __atomic_load_n(&name, __ATOMIC_ACQUIRE);
    if (!n) {
        n = ai_const_str("keys", 4);
        if (!n) return AI_ERR;
        __atomic_store_n(&name, n, __ATOMIC_RELEASE);
    }
    return n;
}

/* Does o have a `keys` attribute (is it a mapping for update())? 1/0/-1. */
static int has_keys(ai_value o) {
    const ai_type *t = ai_type_of(o);
    ai_value name = str_keys_name();
    if (!name) return -1;
    if (!obj_slots_of_type(t)->getattr) return attr_find_method(t, name) != NULL;
    ai_value f = ai_getattr(o, name);
    if (f) return 1;
    if (!exc_pending_is(&ai_exc_AttributeError)) return -1;
    exc_clear();
    return 0;
}

/* a.update(m) for a mapping m that is not a dict: m.keys(), then m[k]. */
static int merge_mapping(ai_dict *a, ai_value m) {
    ai_value name = str_keys_name();
    if (!name) return -1;
    ai_value keys = ai_call_method(m, name, NULL, 0, 0, NULL);
    if (!keys) return -1;
    ai_value it = ai_iter(keys), key;
    if (!it) return -1;
    int32_t rc;
    while ((rc = ai_for_next(it, &key)) == 1) {
        ai_value v = ai_getitem(m, key);
        if (!v || dict_set(ai_val(a), key, v) < 0) return -1;
    }
    return rc;
}

/* d.update(iterable of pairs), with CPython's messages for bad items. */
static int merge_pairs(ai_dict *d, ai_value seq) {
    ai_value it = ai_iter(seq), item;
    if (!it) return -1;
    int32_t rc;
    for (int64_t i = 0; (rc = ai_for_next(it, &item)) == 1; i++) {
        ai_value pair[2];
        int64_t n;
        if (tuple_check(item)) {
            n = tuple_obj(item)->len;
            if (n == 2) memcpy(pair, tuple_obj(item)->items, sizeof pair);
        } else {
            if (!list_check(item)) {
                ai_value l = list_from_iter(item);
                if (!l) {
                    if (exc_pending_is(&ai_exc_TypeError)) {
                        exc_clear();
                        ai_raise_fmt(
                            &ai_exc_TypeError,
                            "cannot convert dictionary update sequence element #%lld to a sequence",
                            (long long)i);
                    }
                    return -1;
                }
                item = l;
            }
            n = list_obj(item)->len;
            if (n == 2) memcpy(pair, list_obj(item)->items, sizeof pair);
        }
        if (n != 2) {
            ai_raise_fmt(&ai_exc_ValueError,
                         "dictionary update sequence element #%lld has length %lld; 2 is required",
                         (long long)i, (long long)n);
            return -1;
        }
        if (dict_set(ai_val(d), pair[0], pair[1]) < 0) return -1;
    }
    return rc;
}

/* A dict whose table a merge may read directly: CPython's test is a dict
 * whose type keeps dict's __iter__ (a subclass that overrides __iter__
 * is merged through keys() and [], one that overrides only keys() or
 * __getitem__ is not). */
static bool merge_fast(ai_value m) {
    return dict_check(m) && obj_slots(m)->iter == obj_slots_of_type(&ai_dict_type)->iter;
}

int32_t dict_update_arg(ai_value d, ai_value arg) {
    if (obj_is_type(arg, &ai_dict_type)) return merge_dict(dict_obj(d), dict_obj(arg));
    int hk = has_keys(arg);
    if (hk < 0) return -1;
    if (hk)
        return merge_fast(arg) ? merge_dict(dict_obj(d), dict_obj(arg))
                               : merge_mapping(dict_obj(d), arg);
    return merge_pairs(dict_obj(d), arg);
}

ai_value dict_copy(ai_value v) {
    ai_dict *d = dict_obj(v);
    ai_value r = dict_new();
    if (!r || d->used == 0) return r;
    dict_keys *k = keys_of(d->keys);
    if (d->used >= (k->nentries * 2) / 3) {
        /* few holes: clone the table as it is */
        size_t sz = keys_size(&k->ob);
        dict_keys *nk = ai_alloc(&ai_dict_keysblock_type, sz);
        if (!nk) return AI_ERR;
        memcpy((char *)nk + sizeof(ai_object), (char *)k + sizeof(ai_object),
               sz - sizeof(ai_object));
        dict_obj(r)->keys = ai_val(nk);
        gc_barrier_all(ai_obj(r));
        dict_obj(r)->used = d->used;
        return r;
    }
    return merge_dict(dict_obj(r), d) < 0 ? AI_ERR : r;
}

/* ---- the ABI ---------------------------------------------------------------------- */

ai_value ai_dict_new(const ai_value *kv, int64_t npairs) {
    ai_value d = dict_presized(npairs);
    if (!d) return AI_ERR;
    for (int64_t i = 0; i < npairs; i++)
        if (dict_set(d, kv[2 * i], kv[2 * i + 1]) < 0) return AI_ERR;
    return d;
}

int32_t ai_dict_merge(ai_value d, ai_value m) {
    if (merge_fast(m)) return merge_dict(dict_obj(d), dict_obj(m));
    int hk = has_keys(m);
    if (hk < 0) return -1;
    if (!hk) {
        ai_raise_fmt(&ai_exc_TypeError, "'%s' object is not a mapping", obj_type_name(m));
        return -1;
    }
    return merge_mapping(dict_obj(d), m);
}

/* ---- d[k] += n in one probe ---------------------------------------------------- */

/* lookup() for ai_dict_add_small: IX_ERROR, without calling anything,
 * when a key of the same hash could only be compared by running ==. */
static int64_t lookup_pure(ai_dict *d, ai_value key, int64_t hash) {
    ai_value kv = d->keys;
    if (!kv) return IX_EMPTY;
    dict_keys *k = keys_of(kv);
    dict_entry *ep = entries_of(k);
    size_t mask = ((size_t)1 << k->log2size) - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        int64_t ix = ix_get(k, i);
        if (ix == IX_EMPTY) return IX_EMPTY;
        if (ix >= 0) {
            dict_entry *e = &ep[ix];
            if (e->key == key) return ix;
            if (e->hash == hash) {
                int eq = map_key_eq_fast(e->key, key);
                if (eq) return eq == 1 ? ix : IX_ERROR;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Why one probe is exact: with an exact dict, an exact str or small int
 * key and small int operands, the get/getitem, the + and the store of
 * the generic way run no Python code and cannot fail (but for
 * MemoryError), so finding the entry once and updating it in place gives
 * the same dict; anything else returns 0 having changed nothing. */
int32_t ai_dict_add_small(ai_value dv, ai_value key, ai_value dflt, ai_value v) {
    if (!ai_is_smallint(v) || ai_is_smallint(dv) || ai_type_of_obj(ai_obj(dv)) != &ai_dict_type) return 0;
    int64_t h;
    if (ai_is_smallint(key))
        h = map_hash(key);
    else if (ai_type_of_obj(ai_obj(key)) == &ai_str_type)
        h = str_hash(key);
    else
        return 0;
    ai_dict *d = dict_obj(dv);
    int64_t ix = lookup_pure(d, key, h);
    if (ix == IX_ERROR) return 0;
    ai_value *slot = ix >= 0 ? &entries_of(keys_of(d->keys))[ix].value : NULL;
    ai_value cur = slot ? *slot : dflt;
    int64_t r;
    if (!cur || !ai_is_smallint(cur) || __builtin_add_overflow(ai_smallint_get(cur), ai_smallint_get(v), &r) ||
        !ai_smallint_fits(r))
        return 0;
    if (slot) {
        *slot = ai_smallint(r); /* a small int: no barrier */
        return 1;
    }
    return insert_new(d, key, h, ai_smallint(r)) < 0 ? -1 : 1;
}

/* ---- protocol ---------------------------------------------------------------------- */

static int64_t dict_len_slot(ai_value d) { return dict_obj(d)->used; }

static int32_t dict_contains(ai_value d, ai_value key) {
    ai_value v;
    return dict_get(d, key, &v);
}

static ai_value dict_getitem(ai_value d, ai_value key) {
    ai_value v;
    int32_t rc = dict_get(d, key, &v);
    if (rc < 0) return AI_ERR;
    if (rc) return v;
    if (!obj_is_type(d, &ai_dict_type)) {
        /* A subclass may define __missing__(key) (defaultdict's hook). */
        ai_value m = cls_special_method(d, "__missing__");
        if (m) return ai_call(m, &key, 1, 0);
        if (exc_pending()) return AI_ERR;
    }
    return raise_key_error(key);
}

static int32_t dict_setitem(ai_value d, ai_value key, ai_value v) {
    if (v) return dict_set(d, key, v);
    int32_t rc = dict_del(d, key);
    if (rc < 0) return -1;
    if (rc == 0) {
        raise_key_error(key);
        return -1;
    }
    return 0;
}

static int64_t dict_unhashable(ai_value v) {
    ai_raise_fmt(&ai_exc_TypeError, "unhashable type: '%s'", obj_type_name(v));
    return -1;
}

static ai_value dict_repr(ai_value v) {
    ai_dict *d = dict_obj(v);
    if (d->used == 0) return str_from_ascii("{}", 2);
    int in = repr_enter(v);
    if (in < 0) return AI_ERR;
    if (in > 0) return str_from_ascii("{...}", 5);
    strbuf b;
    sb_init(&b);
    sb_addc(&b, '{');
    int64_t pos = 0;
    ai_value k, val;
    bool first = true;
    /* dict_next re-reads the table each step: a repr may mutate d. */
    while (dict_next(v, &pos, &k, &val, NULL)) {
        if (!first) sb_adds(&b, ", ");
        first = false;
        ai_value r = ai_repr(k);
        if (r) {
            sb_add_str(&b, r);
            sb_adds(&b, ": ");
            r = ai_repr(val);
        }
        if (!r) {
            sb_free(&b);
            repr_leave(v);
            return AI_ERR;
        }
        sb_add_str(&b, r);
    }
    sb_addc(&b, '}');
    repr_leave(v);
    return sb_finish(&b);
}

/* a == b: same size, and every key of a maps to an equal value in b. */
static int dict_equal(ai_dict *a, ai_dict *b) {
    if (a->used != b->used) return 0;
    int64_t pos = 0, h;
    ai_value k, av;
    while (dict_next(ai_val(a), &pos, &k, &av, &h)) {
        ai_value bv;
        int rc = dict_get_hash(ai_val(b), k, h, &bv);
        if (rc <= 0) return rc;
        rc = obj_eq(av, bv);
        if (rc <= 0) return rc;
    }
    return 1;
}

static ai_value dict_richcompare(ai_value a, ai_value b, int32_t op) {
    if (!dict_check(a) || !dict_check(b) || (op != AI_CMP_EQ && op != AI_CMP_NE)) return AI_NOTIMPL;
    int rc = dict_equal(dict_obj(a), dict_obj(b));
    if (rc < 0) return AI_ERR;
    return ai_bool(op == AI_CMP_EQ ? rc : !rc);
}

/* d | other (both dicts): a copy of d updated with other. */
static ai_value dict_or(ai_value a, ai_value b) {
    if (!dict_check(a) || !dict_check(b)) return AI_NOTIMPL;
    ai_value r = dict_copy(a);
    if (!r) return AI_ERR;
    return dict_update_arg(r, b) < 0 ? AI_ERR : r;
}

/* d |= other: other may be any mapping or iterable of pairs. */
static ai_value dict_inplace(ai_value d, ai_value other, int32_t op) {
    if (op != AI_OP_OR) return AI_NOTIMPL;
    return dict_update_arg(d, other) < 0 ? AI_ERR : d;
}

/* ---- iterators ----------------------------------------------------------------------- */

typedef struct dict_iter {
    ai_object ob;
    ai_value dict;     /* 0 once exhausted */
    int64_t pos;       /* next entry to look at */
    int64_t used;      /* the dict's size when iteration began; -1: sticky error */
    int64_t remaining; /* items still expected */
    int32_t kind;      /* DICT_IT_* */
    int32_t reversed;
} dict_iter;

static void dict_iter_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    dict_iter *it = (dict_iter *)o;
    if (it->dict) visit(&it->dict, ctx);
}

static int32_t dict_iter_next(ai_value v, ai_value *out) {
    dict_iter *it = (dict_iter *)ai_obj(v);
    if (!it->dict) return 0;
    ai_dict *d = dict_obj(it->dict);
    if (it->used != d->used) {
        it->used = -1; /* stays an error, as in CPython */
        ai_raise_msg(&ai_exc_RuntimeError, "dictionary changed size during iteration");
        return -1;
    }
    dict_keys *k = d->keys ? keys_of(d->keys) : NULL;
    int64_t n = k ? k->nentries : 0, i = it->pos;
    dict_entry *ep = k ? entries_of(k) : NULL;
    if (!it->reversed) {
        while (i < n && !ep[i].key) i++;
        if (i >= n) goto done;
        /* Same size but more entries than expected: keys were swapped. */
        if (it->remaining == 0) {
            it->dict = 0;
            ai_raise_msg(&ai_exc_RuntimeError, "dictionary keys changed during iteration");
            return -1;
        }
        it->pos = i + 1;
    } else {
        if (i >= n) i = n - 1;
        while (i >= 0 && !ep[i].key) i--;
        if (i < 0) goto done;
        it->pos = i - 1;
    }
    it->remaining--;
    dict_entry *e = &ep[i];
    switch (it->kind) {
    case DICT_IT_KEYS: *out = e->key; break;
    case DICT_IT_VALUES: *out = e->value; break;
    default:
        if (!(*out = tuple_pack2(e->key, e->value))) return -1;
        break;
    }
    return 1;
done:
    it->dict = 0;
    return 0;
}

static ai_value dict_iter_length_hint(ai_value self, const ai_value *args, int64_t nargs,
                                      ai_value kw) {
    (void)args;
    if (call_no_kwargs("__length_hint__", kw) < 0 ||
        call_exact_args("__length_hint__", nargs, 0) < 0)
        return AI_ERR;
    dict_iter *it = (dict_iter *)ai_obj(self);
    return ai_smallint(it->dict && it->used == dict_obj(it->dict)->used ? it->remaining : 0);
}

/* Six iterator types (forward/reversed x keys/values/items) that differ
 * only in name: tables indexed [reversed][kind]. */
/* clang-format off */
static ai_type dict_iter_types[2][3];
#define ITER_METHODS(r, k)                                                     \
    {{"__length_hint__", dict_iter_length_hint, &dict_iter_types[r][k], 0},    \
     {NULL, NULL, NULL, 0}}
static const ai_method_def dict_iter_methods[2][3][2] = {
    {ITER_METHODS(0, 0), ITER_METHODS(0, 1), ITER_METHODS(0, 2)},
    {ITER_METHODS(1, 0), ITER_METHODS(1, 1), ITER_METHODS(1, 2)},
};
#define ITER_SLOTS(r, k)                                                       \
    {.iter = obj_iter_self, .next = dict_iter_next, .methods = dict_iter_methods[r][k]}
static const ai_slots dict_iter_slots[2][3] = {
    {ITER_SLOTS(0, 0), ITER_SLOTS(0, 1), ITER_SLOTS(0, 2)},
    {ITER_SLOTS(1, 0), ITER_SLOTS(1, 1), ITER_SLOTS(1, 2)},
};
#define ITER_TYPE(r, k, nm)                                                    \
    {.ob = {(uintptr_t)&ai_type_type}, .name = nm, .base = &ai_object_type,    \
     .basicsize = sizeof(dict_iter), .gc_visit = dict_iter_visit,              \
     .gc_size = alloc_fixed_size, .slots = (void *)&dict_iter_slots[r][k]}
static ai_type dict_iter_types[2][3] = {
    {ITER_TYPE(0, 0, "dict_keyiterator"), ITER_TYPE(0, 1, "dict_valueiterator"),
     ITER_TYPE(0, 2, "dict_itemiterator")},
    {ITER_TYPE(1, 0, "dict_reversekeyiterator"), ITER_TYPE(1, 1, "dict_reversevalueiterator"),
     ITER_TYPE(1, 2, "dict_reverseitemiterator")},
};
/* clang-format on */

ai_value dict_iter_new(ai_value dv, int kind, bool reversed) {
    dict_iter *it = ai_alloc(&dict_iter_types[reversed][kind], sizeof(dict_iter));
    if (!it) return AI_ERR;
    ai_dict *d = dict_obj(dv);
    it->dict = dv;
    it->kind = kind;
    it->reversed = reversed;
    it->used = it->remaining = d->used;
    it->pos = reversed ? (d->keys ? keys_of(d->keys)->nentries - 1 : -1) : 0;
    return ai_val(it);
}

static ai_value dict_iter_slot(ai_value d) { return dict_iter_new(d, DICT_IT_KEYS, false); }

/* ---- constructor and methods ------------------------------------------------------------ */

/* dict(), dict(mapping or pairs), dict(..., **kwargs). */
static ai_value dict_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)cls;
    if (map_arg_range("dict", nargs, 0, 1) < 0) return AI_ERR;
    int64_t nkw = kw ? tuple_obj(kw)->len : 0;
    ai_value d = dict_new();
    if (!d) return AI_ERR;
    if (nargs == 1 && dict_update_arg(d, args[0]) < 0) return AI_ERR;
    for (int64_t i = 0; i < nkw; i++)
        if (dict_set(d, tuple_obj(kw)->items[i], args[nargs + i]) < 0) return AI_ERR;
    return d;
}

/* "dict.keys() takes no arguments (1 given)"; want 0 or 1. */
static int meth_check(const char *name, int64_t nargs, ai_value kw, int want) {
    if (call_no_kwargs(name, kw) < 0) return -1;
    return call_exact_args(name, nargs, want);
}

#define METHOD(cname) \
    static ai_value cname(ai_value self, const ai_value *args, int64_t nargs, ai_value kw)

METHOD(m_keys) {
    (void)args;
    return meth_check("dict.keys", nargs, kw, 0) < 0 ? AI_ERR : dictview_new(self, DICT_IT_KEYS);
}
METHOD(m_values) {
    (void)args;
    return meth_check("dict.values", nargs, kw, 0) < 0 ? AI_ERR
                                                       : dictview_new(self, DICT_IT_VALUES);
}
METHOD(m_items) {
    (void)args;
    return meth_check("dict.items", nargs, kw, 0) < 0 ? AI_ERR : dictview_new(self, DICT_IT_ITEMS);
}

METHOD(m_get) {
    if (call_no_kwargs("dict.get", kw) < 0 || map_arg_range("get", nargs, 1, 2) < 0) return AI_ERR;
    ai_value v;
    int32_t rc = dict_get(self, args[0], &v);
    if (rc < 0) return AI_ERR;
    return rc ? v : nargs > 1 ? args[1] : AI_NONE;
}

METHOD(m_setdefault) {
    if (call_no_kwargs("dict.setdefault", kw) < 0 || map_arg_range("setdefault", nargs, 1, 2) < 0)
        return AI_ERR;
    ai_value key = args[0], dflt = nargs > 1 ? args[1] : AI_NONE;
    int64_t h = map_hash(key);
    if (h == -1) return AI_ERR;
    ai_dict *d = dict_obj(self);
    int64_t ix = lookup(d, key, h);
    if (ix == IX_ERROR) return AI_ERR;
    if (ix >= 0) return entries_of(keys_of(d->keys))[ix].value;
    return insert_new(d, key, h, dflt) < 0 ? AI_ERR : dflt;
}

METHOD(m_pop) {
    if (call_no_kwargs("dict.pop", kw) < 0 || map_arg_range("pop", nargs, 1, 2) < 0) return AI_ERR;
    ai_dict *d = dict_obj(self);
    ai_value key = args[0];
    if (d->used == 0) /* CPython answers before hashing the key */
        return nargs > 1 ? args[1] : raise_key_error(key);
    int64_t h = map_hash(key);
    if (h == -1) return AI_ERR;
    int64_t ix = lookup(d, key, h);
    if (ix == IX_ERROR) return AI_ERR;
    if (ix < 0) return nargs > 1 ? args[1] : raise_key_error(key);
    ai_value v = entries_of(keys_of(d->keys))[ix].value;
    delete_entry(d, ix);
    return v;
}

METHOD(m_popitem) {
    (void)args;
    if (meth_check("dict.popitem", nargs, kw, 0) < 0) return AI_ERR;
    ai_dict *d = dict_obj(self);
    if (d->used == 0) return ai_raise_msg(&ai_exc_KeyError, "popitem(): dictionary is empty");
    dict_keys *k = keys_of(d->keys);
    dict_entry *ep = entries_of(k);
    int64_t i = k->nentries - 1;
    while (i >= 0 && !ep[i].key) i--;
    ai_value r = tuple_pack2(ep[i].key, ep[i].value);
    if (!r) return AI_ERR;
    delete_entry(d, i);
    /* The last entry is free again: the next insertion reuses it. */
    k->nentries = i;
    return r;
}

/* d.update([other], **kwargs) */
METHOD(m_update) {
    int64_t nkw = kw ? tuple_obj(kw)->len : 0;
    if (map_arg_range("update", nargs, 0, 1) < 0) return AI_ERR;
    if (nargs == 1 && dict_update_arg(self, args[0]) < 0) return AI_ERR;
    for (int64_t i = 0; i < nkw; i++)
        if (dict_set(self, tuple_obj(kw)->items[i], args[nargs + i]) < 0) return AI_ERR;
    return AI_NONE;
}

METHOD(m_clear) {
    (void)args;
    if (meth_check("dict.clear", nargs, kw, 0) < 0) return AI_ERR;
    dict_obj(self)->keys = 0;
    dict_obj(self)->used = 0;
    return AI_NONE;
}

METHOD(m_copy) {
    (void)args;
    return meth_check("dict.copy", nargs, kw, 0) < 0 ? AI_ERR : dict_copy(self);
}

/* dict.fromkeys(iterable, value=None): a class method, self is the type. */
METHOD(m_fromkeys) {
    if (call_no_kwargs("dict.fromkeys", kw) < 0 || map_arg_range("fromkeys", nargs, 1, 2) < 0)
        return AI_ERR;
    ai_value src = args[0], value = nargs > 1 ? args[1] : AI_NONE;
    if (ai_obj(self) != (ai_object *)&ai_dict_type) {
        /* A subclass (or another mapping class): cls(), then d[k] = value
         * for each key, as CPython does. */
        ai_value d = ai_call(self, NULL, 0, 0);
        if (!d) return AI_ERR;
        ai_value it = ai_iter(src), key;
        if (!it) return AI_ERR;
        int32_t rc;
        while ((rc = ai_for_next(it, &key)) == 1)
            if (ai_setitem(d, key, value) < 0) return AI_ERR;
        return rc < 0 ? AI_ERR : d;
    }
    int64_t hint = obj_is_type(src, &ai_dict_type) ? dict_len(src)
                   : anyset_check(src)             ? set_len(src)
                                                   : 0;
    ai_value d = dict_presized(hint);
    if (!d) return AI_ERR;
    ai_value it = ai_iter(src), key;
    if (!it) return AI_ERR;
    int32_t rc;
    while ((rc = ai_for_next(it, &key)) == 1)
        if (dict_set(d, key, value) < 0) return AI_ERR;
    return rc < 0 ? AI_ERR : d;
}

METHOD(m_contains) {
    if (meth_check("dict.__contains__", nargs, kw, 1) < 0) return AI_ERR;
    int32_t rc = dict_contains(self, args[0]);
    return rc < 0 ? AI_ERR : ai_bool(rc);
}

METHOD(m_getitem) {
    if (meth_check("dict.__getitem__", nargs, kw, 1) < 0) return AI_ERR;
    return dict_getitem(self, args[0]);
}

METHOD(m_len) {
    (void)args;
    return meth_check("dict.__len__", nargs, kw, 0) < 0 ? AI_ERR
                                                        : ai_smallint(dict_obj(self)->used);
}

METHOD(m_iter) {
    (void)args;
    return meth_check("dict.__iter__", nargs, kw, 0) < 0 ? AI_ERR : dict_iter_slot(self);
}

METHOD(m_reversed) {
    (void)args;
    if (meth_check("dict.__reversed__", nargs, kw, 0) < 0) return AI_ERR;
    return dict_iter_new(self, DICT_IT_KEYS, true);
}

static const ai_method_def dict_methods[] = {
    {"keys", m_keys, &ai_dict_type, 0},
    {"values", m_values, &ai_dict_type, 0},
    {"items", m_items, &ai_dict_type, 0},
    {"get", m_get, &ai_dict_type, 0},
    {"setdefault", m_setdefault, &ai_dict_type, 0},
    {"pop", m_pop, &ai_dict_type, 0},
    {"popitem", m_popitem, &ai_dict_type, 0},
    {"update", m_update, &ai_dict_type, 0},
    {"clear", m_clear, &ai_dict_type, 0},
    {"copy", m_copy, &ai_dict_type, 0},
    {"fromkeys", m_fromkeys, &ai_dict_type, AI_METH_CLASS},
    {"__contains__", m_contains, &ai_dict_type, 0},
    {"__getitem__", m_getitem, &ai_dict_type, 0},
    {"__len__", m_len, &ai_dict_type, 0},
    {"__iter__", m_iter, &ai_dict_type, 0},
    {"__reversed__", m_reversed, &ai_dict_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_slots dict_slots = {
    .or_ = dict_or,
    .richcompare = dict_richcompare,
    .hash = dict_unhashable,
    .len = dict_len_slot,
    .contains = dict_contains,
    .construct = dict_construct,
    .iter = dict_iter_slot,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .methods = dict_methods,
    .inplace = dict_inplace,
};

ai_type ai_dict_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "dict",
    .base = &ai_object_type,
    .flags = AI_TF_MAPPING | AI_TF_MATCH_SELF,
    .basicsize = sizeof(ai_dict),
    .repr = dict_repr,
    .gc_visit = dict_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&dict_slots,
};

/* ---- builtins ------------------------------------------------------------------------------ */

#define V(x) ((ai_value)(uintptr_t) & (x))
const bi_entry bi_table_map[] = {
    {"dict", V(ai_dict_type)},
    {"set", V(ai_set_type)},
    {"frozenset", V(ai_frozenset_type)},
    {NULL, 0},
};
#undef V
