/*
 * objects/class_ic.c — inline caches for o.name and o.name = v.
 *
 * Each attribute site in compiled code owns AI_ATTR_IC_WAYS zero words
 * (ai_getattr_ic / ai_setattr_ic). A word holds a record valid while the
 * class's version stamp equals the record's, of one of two families:
 *   - shape records (instances with inline slots, shape.c): "instances of
 *     class C whose dict word is S keep `name` at byte offset k" (IC_SGET,
 *     IC_SSET), or for a store that adds the attribute, "… store at k and
 *     the dict word becomes S'" (IC_SADD). The record starts with the
 *     ai_arec that compiled code checks inline in each way (aithon_rt.h,
 *     compiler/emit_data.c), so a hit costs a type, version and shape
 *     compare and one load or store. A float slot's record has its
 *     a.shape tagged (AI_AREC_FSLOT; `shape` keeps the real one): a
 *     site's plain compare fails on it, so sites that never meet a float
 *     slot carry no test for one;
 *   - member records (__slots__ members at a fixed offset, class.h):
 *     "instances of C keep `name` at byte offset k" (IC_MGET, IC_MSET);
 *     a read hits only when the word is set (0: the slot is unset, the
 *     generic path raises). Compiled code may take them only for classes
 *     without an instance dict whose dict word (always 0) is at
 *     AI_SHAPE_DICT_OFFSET: the record's shape and next shape are 0;
 *   - dict records (instances in dict mode, classes without inline
 *     slots): "instances of C keep `name` at entry number ix of their
 *     instance dict" (IC_GET, IC_SET): the entry's value is read or
 *     replaced at that position, no hashing; IC_ADD: a store of the name
 *     goes straight to the dict.
 * Read records of plain classes (class.c, refresh_ic_key: no class
 * attribute can hide an instance's) serve every plain class: their a.key
 * is AI_REC_PLAIN, which a read compares with the object's type's ic_key
 * when a.cls is not its type, so one record serves a site whose objects
 * are of many such classes with one shape (a base class's method on its
 * subclasses' instances).
 * Compiled code trusts any other record whose a.cls is the object's class: a new
 * version of the class clears a.cls in all its records (class.c,
 * cls_new_version), and a record re-validated at the current version gets
 * it back (cls_rec_publish). The runtime's own probe compares versions.
 * A miss takes the generic path (ai_getattr / ai_setattr) and then records
 * where the value was found, so a site seeing a few classes (or shapes,
 * or insertion orders) keeps one record per case.
 *
 * Every semantic of attributes stays the generic path's: a record is made
 * only when the value came from the instance's own storage and nothing on
 * the class can take priority over it: no __getattribute__ (reads) or
 * __setattr__ (writes), no data descriptor, property, __slots__ member or
 * builtin field of that name (a member record: the name is the member's),
 * no dunder name. Anything that could change
 * that (a store into a class dict of the MRO: a property added later, a
 * method, __setattr__) gives the class a new version stamp (class.c,
 * mro_changed), which makes the records stale. A dict entry is matched by
 * the key's identity, so a deleted attribute (its entry emptied), a
 * reordered or replaced __dict__, or an attribute stored with another str
 * object simply misses; a shape is immutable, so an instance whose shape
 * is the record's has the attribute at the record's slot.
 *
 * Invariants: records are malloc'd, immutable except `version` (set only
 * to a stamp at which the record was re-validated), pushed on the class's
 * list and never freed; `name` is a compile-time constant (immortal).
 * Only classes whose instance dict sits at a fixed offset
 * (CLS_LAYOUT_FIXED) get records; metaclasses (whose instances are
 * classes) do not. Shape records only for classes with inline slots,
 * whose dict word is at AI_SHAPE_DICT_OFFSET.
 */
#include "objects/class.h"
#include "objects/dict_impl.h"
#include "gc/gc.h"

#include <stdlib.h>
#include <string.h>

enum { IC_GET, IC_SET, IC_ADD, IC_SGET, IC_SSET, IC_SADD, IC_MGET, IC_MSET };

typedef struct attr_rec {
    ai_arec a;      /* cls, version, verp, shape, offset, next_shape; a.cls
                       is the class while the record is published
                       (class.c, cls_rec_publish), else AI_REC_STALE; never
                       published: dict records, which compiled code must
                       never take (their class may have another layout) */
    const ai_type *cls;
    uint64_t shape; /* a.shape without the float slot's tag */
    ai_value name;
    int64_t ix;     /* dict records: the entry number (-1: IC_ADD) */
    uint32_t dictoffset;
    uint16_t kind;
    bool compiled;  /* compiled code may take it (when published) */
    bool plain;     /* an IC_SGET record of plain classes (a.key is
                       AI_REC_PLAIN: it serves every class whose ic_key
                       is, at each read) */
    struct attr_rec *next;
} attr_rec;

static inline bool rec_current(const attr_rec *r, const ai_type *t) {
    return r->cls == t &&
           __atomic_load_n(&r->a.version, __ATOMIC_RELAXED) ==
               atomic_load_explicit(&((cls_type *)t)->version, memory_order_acquire);
}

static inline ai_value *dict_word(ai_value o, const attr_rec *r) {
    return (ai_value *)((char *)ai_obj(o) + r->dictoffset);
}

/* The slot of the value of o's attribute `name` when record r applies to
 * o now, else NULL (and *holder the object whose gc_visit reports the
 * slot, for the barrier). */
static inline ai_value *probe(const attr_rec *r, ai_value o, const ai_type *t, ai_value name,
                              ai_object **holder) {
    if (r->name != name) return NULL;
    if (!(r->plain && __atomic_load_n(&t->ic_key, __ATOMIC_RELAXED) == AI_REC_PLAIN) && !rec_current(r, t))
        return NULL;
    if (r->kind >= IC_MGET) {
        ai_value *w = (ai_value *)((char *)ai_obj(o) + r->a.offset);
        if (r->kind == IC_MGET && !*w) return NULL;
        if (holder) *holder = ai_obj(o);
        return w;
    }
    ai_value d = *dict_word(o, r);
    if (r->kind == IC_SGET || r->kind == IC_SSET) {
        if (d != r->shape) return NULL;
        if (holder) *holder = ai_obj(o);
        return (ai_value *)((char *)ai_obj(o) + r->a.offset);
    }
    if (!d || cls_word_is_shape(d)) return NULL;
    ai_value *slot = dict_value_slot_at(d, r->ix, name);
    if (!slot || !*slot) return NULL;
    if (holder) *holder = ai_obj(dict_obj(d)->keys);
    return slot;
}

/* Is r a float slot's record (its shape word tagged, aithon_rt.h)? */
static inline bool rec_fslot(const attr_rec *r) { return r->a.shape != r->shape; }

/* The value in a slot that probe found: a float slot's double boxed. */
static inline ai_value slot_read(const attr_rec *r, const ai_value *slot) {
    if (!rec_fslot(r)) return *slot;
    double d;
    memcpy(&d, slot, sizeof d);
    return ai_float_box(d);
}

/* Store v through record r into slot (of holder): false when r cannot
 * take v (a float slot and v no exact float). */
static inline bool slot_write(const attr_rec *r, ai_value *slot, ai_object *holder, ai_value v) {
    if (rec_fslot(r)) {
        if (!cls_is_exact_float(v)) return false;
        double d = float_get(v);
        memcpy(slot, &d, sizeof d);
        return true;
    }
    *slot = v;
    gc_barrier(holder, v);
    return true;
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

static attr_rec *find_rec(cls_type *ct, ai_value name, int64_t ix, uint32_t kind, uint64_t shape,
                          uint64_t next_shape, bool plain) {
    /* acquire: pairs with the release push in get_rec. */
    for (attr_rec *r = atomic_load_explicit(&ct->attr_recs, memory_order_acquire); r; r = r->next)
        if (r->name == name && r->ix == ix && r->kind == kind && r->shape == shape &&
            r->a.next_shape == next_shape && r->plain == plain)
            return r;
    return NULL;
}

/* The record (ct, name, ix, kind, shapes), validated at version ver. For
 * shape records ix is the slot number, for member records the offset. */
static attr_rec *get_rec(cls_type *ct, ai_value name, int64_t ix, uint32_t kind, uint64_t shape,
                         uint64_t next_shape, uint64_t ver, bool plain) {
    attr_rec *r = find_rec(ct, name, ix, kind, shape, next_shape, plain);
    if (!r) {
        pthread_mutex_lock(&cls_lock);
        r = find_rec(ct, name, ix, kind, shape, next_shape, plain);
        if (!r) {
            r = malloc(sizeof *r);
            if (r) {
                r->cls = &ct->t;
                /* a.cls stays stale until published (below) */
                r->a.cls = (const void *)AI_REC_STALE;
                r->a.key = plain ? AI_REC_PLAIN : AI_REC_STALE;
                r->plain = plain;
                r->compiled = kind >= IC_SGET;
                if (kind >= IC_MGET && !(ct->dictoffset == AI_SHAPE_DICT_OFFSET &&
                                         (atomic_load_explicit(&ct->cflags, memory_order_relaxed) & CLS_NO_DICT)))
                    r->compiled = false;
                r->a.version = ver;
                r->a.verp = (const uint64_t *)&ct->version;
                r->a.shape = r->shape = shape;
                r->a.next_shape = next_shape;
                bool fslot = false;
                if (kind == IC_SGET || kind == IC_SSET)
                    fslot = cls_shape_fslot(cls_word_shape(shape), (int)ix);
                else if (kind == IC_SADD)
                    fslot = cls_shape_fslot(cls_word_shape(next_shape), (int)ix);
                /* a float slot's record: the tag keeps compiled code's
                 * plain check from passing it (aithon_rt.h) */
                if (fslot) r->a.shape |= AI_AREC_FSLOT;
                r->a.offset = kind >= IC_MGET   ? (uint64_t)ix
                              : kind >= IC_SGET ? ct->dictoffset + (uint64_t)(2 + ix) * sizeof(ai_value)
                                                : 0;
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
    __atomic_store_n(&r->a.version, ver, __ATOMIC_RELAXED);
    if (r->compiled && __atomic_load_n(&r->a.cls, __ATOMIC_RELAXED) == (const void *)AI_REC_STALE)
        cls_rec_publish(ct, &r->a.cls, ver);
    return r;
}

void cls_ic_unpublish(cls_type *ct) {
    for (attr_rec *r = atomic_load_explicit(&ct->attr_recs, memory_order_acquire); r; r = r->next)
        __atomic_store_n(&r->a.cls, (const void *)AI_REC_STALE, __ATOMIC_RELAXED);
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
     * of the fast paths, compiled code's included). */
    atomic_store_explicit(&ways[way], (uintptr_t)r, memory_order_release);
}

/* Can the value of `name` on an instance of ct come from its own storage
 * (and for a store: go to it) with nothing on the class in the way? */
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

/* The offset of the __slots__ member word that o.name reads (kind
 * IC_GET) or writes (IC_SET) on instances of ct with nothing in the way,
 * else 0. */
static uint32_t member_offset(cls_type *ct, ai_value name, uint32_t kind) {
    if (!ct->slot_lo || cls_is_dunder_name(name)) return 0;
    uint32_t fl = atomic_load_explicit(&ct->cflags, memory_order_relaxed);
    if (fl & CLS_NO_CALL_CACHE) return 0;
    if (kind == IC_GET && ct->dunder[D_GETATTRIBUTE]) return 0;
    if (kind == IC_SET && ct->dunder[D_SETATTR]) return 0;
    cls_found f;
    if (cls_lookup(&ct->t, 0, name, &f) < 0) {
        exc_clear();
        return 0;
    }
    if (f.kind != CF_VALUE || !obj_is_type(f.value, &cls_member_type)) return 0;
    return cls_member_offset(f.value);
}

/* o's class when records may be made for its instances at all, else NULL. */
static cls_type *ic_class(ai_value o) {
    if (ai_is_smallint(o)) return NULL;
    ai_type *t = ai_type_of_obj(ai_obj(o));
    if (!cls_check_type(t)) return NULL;
    cls_type *ct = (cls_type *)t;
    if (ct->layout != CLS_LAYOUT_FIXED || !ct->dictoffset || (t->flags & AI_TF_METACLASS)) return NULL;
    return ct;
}

/* After the generic path: record where o's `name` lives, if it may.
 * `before` is o's dict word before a store (stores only). */
static void learn(ai_value o, ai_value name, _Atomic(uintptr_t) *ways, uint32_t kind, ai_value before) {
    cls_type *ct = ic_class(o);
    if (!ct) return;
    uint64_t ver = atomic_load_explicit(&ct->version, memory_order_acquire);
    uint32_t moff = member_offset(ct, name, kind);
    if (moff) {
        attr_rec *m = get_rec(ct, name, moff, kind == IC_GET ? IC_MGET : IC_MSET, 0, 0, ver, false);
        if (m) install(ways, m);
        return;
    }
    if (!cacheable(ct, name, kind)) return;
    ai_value w = *cls_dict_slot(o, ct);
    attr_rec *r;
    if (ct->ninline && (!w || cls_word_is_shape(w))) {
        const cls_shape *s = cls_word_shape(w);
        int i = cls_shape_find(s, name);
        if (i < 0) return;
        if (kind == IC_SET && before != w) {
            /* the store added the attribute: before → w */
            if (!(before == 0 || cls_word_is_shape(before)) || cls_word_shape(before) != s->parent ||
                i != s->count - 1 || s->count != s->parent->count + 1)
                return; /* not an append (a float slot turned generic) */
            r = get_rec(ct, name, i, IC_SADD, before, w, ver, false);
        } else {
            /* a read of a plain class's instance: a plain record (refresh_ic_key) */
            bool plain = kind == IC_GET && __atomic_load_n(&ct->t.ic_key, __ATOMIC_RELAXED) == AI_REC_PLAIN;
            r = get_rec(ct, name, i, kind == IC_GET ? IC_SGET : IC_SSET, w, w, ver, plain);
        }
    } else {
        if (!w || cls_word_is_shape(w)) return;
        int64_t ix = index_by_identity(w, name);
        if (ix < 0) return;
        r = get_rec(ct, name, ix, kind, AI_AREC_NO_SHAPE, AI_AREC_NO_SHAPE, ver, false);
    }
    if (r) install(ways, r);
}

/* A dict-mode store that adds an entry: the site adds attributes. */
static void learn_add(ai_value o, ai_value name, _Atomic(uintptr_t) *ways) {
    cls_type *ct = ic_class(o);
    if (!ct) return;
    uint64_t ver = atomic_load_explicit(&ct->version, memory_order_acquire);
    if (!cacheable(ct, name, IC_SET)) return;
    attr_rec *r = get_rec(ct, name, -1, IC_ADD, AI_AREC_NO_SHAPE, AI_AREC_NO_SHAPE, ver, false);
    if (r) install(ways, r);
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
            if (slot) return slot_read(r, slot);
        }
    }
    ai_value v = ai_getattr(o, name);
    if (v) learn(o, name, ways, IC_GET, 0);
    return v;
}

int32_t ai_setattr_ic(ai_value o, ai_value name, ai_value v, void *cache) {
    _Atomic(uintptr_t) *ways = cache;
    if (!ai_is_smallint(o)) {
        const ai_type *t = ai_type_of_obj(ai_obj(o));
        for (int i = 0; i < AI_ATTR_IC_WAYS; i++) {
            const attr_rec *r = (const attr_rec *)atomic_load_explicit(&ways[i], memory_order_acquire);
            if (!r) break;
            if (r->kind == IC_SADD) {
                if (r->name != name || !rec_current(r, t)) continue;
                ai_value *w = dict_word(o, r);
                if (*w != r->shape) continue;
                if (!slot_write(r, (ai_value *)((char *)ai_obj(o) + r->a.offset), ai_obj(o), v)) continue;
                *w = r->a.next_shape;
                return 0;
            }
            if (r->kind == IC_ADD) {
                if (r->name != name || !rec_current(r, t)) continue;
                ai_value *dslot = dict_word(o, r);
                if (!*dslot) {
                    if (((const cls_type *)t)->ninline) continue; /* shape mode */
                    ai_value d = dict_new();
                    if (!d) return -1;
                    *dslot = d;
                    gc_barrier(ai_obj(o), d);
                } else if (cls_word_is_shape(*dslot)) {
                    continue;
                }
                return dict_set(*dslot, name, v);
            }
            ai_object *holder;
            ai_value *slot = probe(r, o, t, name, &holder);
            if (slot && slot_write(r, slot, holder, v)) return 0;
        }
    }
    cls_type *ct = ic_class(o);
    ai_value before = ct ? *cls_dict_slot(o, ct) : 0;
    int64_t nbefore = ct ? cls_inst_count(o, ct) : -1;
    int32_t rc = ai_setattr(o, name, v);
    if (rc != 0 || !ct) return rc;
    ai_value after = *cls_dict_slot(o, ct);
    bool after_shape = ct->ninline && (!after || cls_word_is_shape(after));
    bool before_shape = ct->ninline && (!before || cls_word_is_shape(before));
    if (after_shape) learn(o, name, ways, IC_SET, before);
    else if (before_shape) return rc; /* moved to dict mode: the next store learns */
    else if (cls_inst_count(o, ct) > nbefore) learn_add(o, name, ways);
    else learn(o, name, ways, IC_SET, before);
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
            if (r->kind != IC_GET && r->kind != IC_SGET && r->kind != IC_MGET) continue;
            ai_value *slot = probe(r, o, t, name, NULL);
            if (slot) return slot_read(r, slot);
        }
        /* A miss: learn where the value lives (if it may be cached), which
         * runs no Python code either, and look once more. */
        if (pass == 0) learn(o, name, ways, IC_GET, 0);
    }
    return 0;
}
