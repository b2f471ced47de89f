/*
 * objects/class_ic.c — inline caches for o.name and o.name = v.
 *
 * Each attribute site in compiled code owns AI_ATTR_IC_WAYS zero words
 * (ai_getattr_ic / ai_setattr_ic). A word holds a record "instances of
 * class C keep `name` at entry number ix of their instance dict", valid
 * while C's version stamp equals the record's. A hit reads (or replaces)
 * the entry's value at that position — no hashing, no class lookup; a
 * miss takes the generic path (ai_getattr / ai_setattr) and then records
 * where the value was found, so a site seeing a few classes (or a few
 * insertion orders) keeps one record per class and order.
 *
 * The instance dict stays the only storage, so every semantic of
 * attributes is the generic path's: a record is made only when the value
 * came from the instance dict and nothing on the class can take priority
 * over it: no __getattribute__ (reads) or __setattr__ (writes), no data
 * descriptor, property, __slots__ member or builtin field of that name,
 * no dunder name. Anything that could change that (a store into a class
 * dict of the MRO: a property added later, a method, __setattr__) gives
 * the class a new version stamp (class.c, mro_changed), which makes the
 * records stale. The entry is matched by the key's identity, so a deleted
 * attribute (its entry emptied), a reordered or replaced __dict__, or an
 * attribute stored with another str object simply misses. A store site
 * that adds attributes (an __init__) keeps an IC_ADD record instead:
 * the class was checked, so the store goes straight to dict_set.
 *
 * Invariants: records are malloc'd, immutable except `version` (set only
 * to a stamp at which the record was re-validated), pushed on the class's
 * list and never freed; `name` is a compile-time constant (immortal).
 * Only classes whose instance dict sits at a fixed offset
 * (CLS_LAYOUT_FIXED) get records; metaclasses (whose instances are
 * classes) do not.
 */
#include "objects/class.h"
#include "objects/dict_impl.h"
#include "gc/gc.h"

#include <stdlib.h>

/* IC_GET / IC_SET: the value sits at entry ix of the instance dict.
 * IC_ADD: a store of the name goes to the instance dict, wherever it is
 * (or is not yet: the first stores of __init__); ix is -1. */
enum { IC_GET, IC_SET, IC_ADD };

typedef struct attr_rec {
    const ai_type *cls;
    _Atomic uint64_t version;
    ai_value name;
    int64_t ix;
    uint32_t dictoffset;
    uint32_t kind;
    struct attr_rec *next;
} attr_rec;

/* The slot of the value of o's attribute `name` when record r applies to
 * o now, else NULL (and *keys the dict's keys block, for the barrier). */
static inline ai_value *probe(const attr_rec *r, ai_value o, const ai_type *t, ai_value name,
                              ai_object **keys) {
    if (r->cls != t || r->name != name) return NULL;
    if (atomic_load_explicit(&r->version, memory_order_relaxed) !=
        atomic_load_explicit(&((cls_type *)t)->version, memory_order_acquire))
        return NULL;
    ai_value d = *(ai_value *)((char *)ai_obj(o) + r->dictoffset);
    if (!d) return NULL;
    ai_value *slot = dict_value_slot_at(d, r->ix, name);
    if (!slot || !*slot) return NULL;
    if (keys) *keys = ai_obj(dict_obj(d)->keys);
    return slot;
}

/* The entry number of `name` in dict d, matched by identity (no Python
 * code runs), or -1. */
static int64_t index_by_identity(ai_value d, ai_value name) {
    ai_value kv = dict_obj(d)->keys;
    if (!kv) return -1;
    dict_keys *k = keys_of(kv);
    dict_entry *e = entries_of(k);
    for (int64_t i = 0; i < k->nentries; i++)
        if (e[i].key == name && e[i].value) return i;
    return -1;
}

static attr_rec *find_rec(cls_type *ct, ai_value name, int64_t ix, uint32_t kind) {
    /* acquire: pairs with the release push in get_rec. */
    for (attr_rec *r = atomic_load_explicit(&ct->attr_recs, memory_order_acquire); r; r = r->next)
        if (r->name == name && r->ix == ix && r->kind == kind) return r;
    return NULL;
}

/* The record (ct, name, ix, kind), validated at version ver. */
static attr_rec *get_rec(cls_type *ct, ai_value name, int64_t ix, uint32_t kind, uint64_t ver) {
    attr_rec *r = find_rec(ct, name, ix, kind);
    if (!r) {
        pthread_mutex_lock(&cls_lock);
        r = find_rec(ct, name, ix, kind);
        if (!r) {
            r = malloc(sizeof *r);
            if (r) {
                r->cls = &ct->t;
                atomic_init(&r->version, ver);
                r->name = name;
                r->ix = ix;
                r->dictoffset = ct->dictoffset;
                r->kind = kind;
                r->next = atomic_load_explicit(&ct->attr_recs, memory_order_relaxed);
                /* release: the fields before the address (find_rec). */
                atomic_store_explicit(&ct->attr_recs, r, memory_order_release);
            }
        }
        pthread_mutex_unlock(&cls_lock);
        if (!r) return NULL;
    }
    /* relaxed: readers compare it with the class's stamp, which they load
     * with acquire; ver was valid when it was read. */
    atomic_store_explicit(&r->version, ver, memory_order_relaxed);
    return r;
}

static void install(_Atomic(uintptr_t) *ways, attr_rec *r) {
    int way = AI_ATTR_IC_WAYS - 1;
    for (int i = 0; i < AI_ATTR_IC_WAYS; i++) {
        uintptr_t w = atomic_load_explicit(&ways[i], memory_order_relaxed);
        if (!w || w == (uintptr_t)r) {
            way = i;
            break;
        }
    }
    /* release: the record's fields before its address (the acquire loads
     * of the fast paths). */
    atomic_store_explicit(&ways[way], (uintptr_t)r, memory_order_release);
}

/* Can the value of `name` on an instance of ct come from its dict (and
 * for a store: go to its dict) with nothing on the class in the way? */
static bool cacheable(cls_type *ct, ai_value name, uint32_t kind) {
    /* a metaclass's instances are classes: no instance dict (class_meta.c) */
    if (ct->layout != CLS_LAYOUT_FIXED || !ct->dictoffset || (ct->t.flags & AI_TF_METACLASS) ||
        cls_is_dunder_name(name))
        return false;
    uint32_t fl = atomic_load_explicit(&ct->cflags, memory_order_relaxed);
    if (fl & (CLS_NO_CALL_CACHE | CLS_NO_DICT)) return false;
    if (kind == IC_GET && ct->dunder[D_GETATTRIBUTE]) return false;
    if (kind == IC_SET && ct->dunder[D_SETATTR]) return false;
    cls_found f;
    if (cls_lookup(&ct->t, 0, name, &f) < 0) {
        exc_clear();
        return false;
    }
    if (f.kind == CF_NONE) return true;
    if (f.kind != CF_VALUE) return false;
    /* A plain class attribute (a default value) is shadowed by the
     * instance's; anything that is or may become a descriptor is not
     * cached, nor (for stores) a method the store would shadow. */
    ai_value v = f.value;
    if (ai_is_smallint(v)) return true;
    ai_type *vt = ai_type_of_obj(ai_obj(v));
    if (cls_check_type(vt) || vt == &cls_property_type || vt == &cls_member_type) return false;
    if (kind == IC_SET && (vt == &ai_function_type || vt == &cls_staticmethod_type ||
                           vt == &cls_classmethod_type || vt == &cls_wrapper_type))
        return false;
    return true;
}

/* After the generic path: record where o's `name` lives, if it may
 * (added: the store made a new entry, so the site adds attributes). */
static void learn(ai_value o, ai_value name, _Atomic(uintptr_t) *ways, uint32_t kind, bool added) {
    if (ai_is_smallint(o)) return;
    ai_type *t = ai_type_of_obj(ai_obj(o));
    if (!cls_check_type(t)) return;
    cls_type *ct = (cls_type *)t;
    uint64_t ver = atomic_load_explicit(&ct->version, memory_order_acquire);
    if (!cacheable(ct, name, kind)) return;
    int64_t ix = -1;
    if (added) {
        kind = IC_ADD;
    } else {
        ai_value d = *cls_dict_slot(o, ct);
        if (!d) return;
        ix = index_by_identity(d, name);
        if (ix < 0) return;
    }
    attr_rec *r = get_rec(ct, name, ix, kind, ver);
    if (r) install(ways, r);
}

static int64_t dict_entries(ai_value o) {
    if (ai_is_smallint(o)) return -1;
    ai_type *t = ai_type_of_obj(ai_obj(o));
    if (!cls_check_type(t) || ((cls_type *)t)->layout != CLS_LAYOUT_FIXED || !((cls_type *)t)->dictoffset ||
        (t->flags & AI_TF_METACLASS))
        return -1;
    ai_value d = *cls_dict_slot(o, (cls_type *)t);
    return d ? dict_obj(d)->used : 0;
}

ai_value ai_getattr_ic(ai_value o, ai_value name, void *cache) {
    _Atomic(uintptr_t) *ways = cache;
    if (!ai_is_smallint(o)) {
        const ai_type *t = ai_type_of_obj(ai_obj(o));
        for (int i = 0; i < AI_ATTR_IC_WAYS; i++) {
            /* acquire: pairs with install's release store. */
            const attr_rec *r = (const attr_rec *)atomic_load_explicit(&ways[i], memory_order_acquire);
            if (!r) break;
            ai_value *slot = probe(r, o, t, name, NULL);
            if (slot) return *slot;
        }
    }
    ai_value v = ai_getattr(o, name);
    if (v) learn(o, name, ways, IC_GET, false);
    return v;
}

int32_t ai_setattr_ic(ai_value o, ai_value name, ai_value v, void *cache) {
    _Atomic(uintptr_t) *ways = cache;
    if (!ai_is_smallint(o)) {
        const ai_type *t = ai_type_of_obj(ai_obj(o));
        for (int i = 0; i < AI_ATTR_IC_WAYS; i++) {
            const attr_rec *r = (const attr_rec *)atomic_load_explicit(&ways[i], memory_order_acquire);
            if (!r) break;
            if (r->kind == IC_ADD) {
                if (r->cls != t || r->name != name ||
                    atomic_load_explicit(&r->version, memory_order_relaxed) !=
                        atomic_load_explicit(&((cls_type *)t)->version, memory_order_acquire))
                    continue;
                ai_value *dslot = (ai_value *)((char *)ai_obj(o) + r->dictoffset);
                if (!*dslot) {
                    ai_value d = dict_new();
                    if (!d) return -1;
                    *dslot = d;
                    gc_barrier(ai_obj(o), d);
                }
                return dict_set(*dslot, name, v);
            }
            ai_object *keys;
            ai_value *slot = probe(r, o, t, name, &keys);
            if (slot) {
                *slot = v;
                gc_barrier(keys, v);
                return 0;
            }
        }
    }
    int64_t before = dict_entries(o);
    int32_t rc = ai_setattr(o, name, v);
    if (rc == 0) learn(o, name, ways, IC_SET, before >= 0 && dict_entries(o) > before);
    return rc;
}

ai_value ai_getattr_peek(ai_value o, ai_value name, void *cache) {
    _Atomic(uintptr_t) *ways = cache;
    if (!o || ai_is_smallint(o)) return 0;
    const ai_type *t = ai_type_of_obj(ai_obj(o));
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < AI_ATTR_IC_WAYS; i++) {
            const attr_rec *r = (const attr_rec *)atomic_load_explicit(&ways[i], memory_order_acquire);
            if (!r) break;
            if (r->kind != IC_GET) continue;
            ai_value *slot = probe(r, o, t, name, NULL);
            if (slot) return *slot;
        }
        /* A miss: learn where the value lives (if it may be cached), which
         * runs no Python code either, and look once more. */
        if (pass == 0) learn(o, name, ways, IC_GET, false);
    }
    return 0;
}
