/*
 * objects/shape.c — instance shapes (hidden classes) and the one place
 * that reads and writes an instance's attribute storage (class.h, "instance
 * shapes", has the representation).
 *
 * Why: an instance of a plain class keeps its first CLS_INLINE_SLOTS
 * attributes in words of its own, at offsets that depend only on the
 * order in which they were added. That order is the shape, shared by all
 * instances built alike, so an attribute cache can say "instances of C
 * whose shape is S keep x at offset k" and compiled code reads or writes
 * x with one load or store after a compare of the shape word (class_ic.c,
 * compiler/emit_data.c). A dict is made only when something needs one,
 * and then it holds the attributes in the same (insertion) order, so
 * everything CPython lets a program observe stays the same.
 *
 * Invariants:
 *   - a shape is never freed or changed after it is published (its
 *     transitions list only grows); shapes are made under shape_lock and
 *     published with a release store, read with acquire loads;
 *   - a shape holds only immortal exact strs (not in any actor's heap),
 *     so shapes may be shared by all actors and the collector never sees
 *     them; at most SHAPE_MAX shapes are ever made (then dicts are used);
 *   - in shape mode the slots past the shape's count are 0; in dict mode
 *     every slot is 0 (the dict is the only storage);
 *   - a float slot (bit i of the shape's fslots) holds a double's bits,
 *     never an ai_value: only this file and the attribute caches (which
 *     box on reading) interpret it, and inst_visit (class.c) skips it.
 *     Why: an object with float attributes is one allocation that the
 *     collector scans without following anything, and `o.x = o.x / n`
 *     rewrites eight bytes instead of allocating a box and remembering
 *     an old object (bench/float.py spent ~45% in the collector).
 */
#include "objects/class.h"
#include "gc/gc.h"
#include "gc/gcint.h"

#include <stdlib.h>
#include <string.h>

#define SHAPE_MAX 65536

cls_shape cls_shape_root; /* written: its transitions */
static pthread_mutex_t shape_lock = PTHREAD_MUTEX_INITIALIZER;
static int64_t nshapes;

static inline bool same_name(ai_value a, ai_value b) {
    return a == b || str_eq((const ai_strobj *)ai_obj(a), (const ai_strobj *)ai_obj(b));
}

int cls_shape_find(const cls_shape *s, ai_value name) {
    for (int i = 0; i < s->count; i++)
        if (s->names[i] == name) return i;
    if (ai_is_smallint(name) || !str_check(name)) return -1;
    for (int i = 0; i < s->count; i++)
        if (same_name(s->names[i], name)) return i;
    return -1;
}

bool cls_is_exact_float(ai_value v) {
    return !ai_is_smallint(v) && v && ai_type_of_obj(ai_obj(v)) == &ai_float_type;
}

/* The transition of s to (count names, fslots): an appended name when
 * count is s->count + 1, the same names otherwise. */
static const cls_shape *find_kid(const cls_shape *s, int32_t count, ai_value name, uint32_t fslots) {
    /* acquire: pairs with the release push in make_kid. */
    for (const cls_shape *k = atomic_load_explicit(&((cls_shape *)s)->kids, memory_order_acquire); k;
         k = k->sibling)
        if (k->count == count && k->fslots == fslots && (count == s->count || same_name(k->names[count - 1], name)))
            return k;
    return NULL;
}

static const cls_shape *make_kid(const cls_shape *s, int32_t count, ai_value name, uint32_t fslots) {
    const cls_shape *k = find_kid(s, count, name, fslots);
    if (k) return k;
    pthread_mutex_lock(&shape_lock);
    k = find_kid(s, count, name, fslots);
    if (!k && nshapes < SHAPE_MAX) {
        cls_shape *n = malloc(sizeof *n + (size_t)count * sizeof(ai_value));
        if (n) {
            n->parent = s;
            atomic_init(&n->kids, NULL);
            n->count = count;
            n->fslots = fslots;
            for (int i = 0; i < s->count; i++) n->names[i] = s->names[i];
            if (count > s->count) n->names[s->count] = name;
            n->sibling = atomic_load_explicit(&((cls_shape *)s)->kids, memory_order_relaxed);
            /* release: the new shape's fields before its address. */
            atomic_store_explicit(&((cls_shape *)s)->kids, n, memory_order_release);
            nshapes++;
            k = n;
        }
    }
    pthread_mutex_unlock(&shape_lock);
    return k;
}

/* An immortal exact str: not in the running actor's heap (an actor's
 * values are in its own heap or immortal). */
static bool immortal_str(ai_value name) {
    if (ai_is_smallint(name) || ai_type_of_obj(ai_obj(name)) != &ai_str_type) return false;
    return !gc_map_find(alloc_running_heap(), (uintptr_t)name);
}

/* The kind of a new slot: a float slot for a float, unless instances
 * built the same way already needed that slot generic (a generic kid of
 * s for the name exists): then generic for every value, so that a class
 * whose values are sometimes ints, sometimes floats (`Vector(0, 0, 0)`,
 * `Vector(0.5, …)`) settles on one shape per site instead of one per
 * combination of kinds (megamorphic caches). *made says whether a shape
 * was made. */
static const cls_shape *add_kind(const cls_shape *s, ai_value name, bool fslot, bool *made) {
    *made = false;
    if (s->count >= CLS_INLINE_SLOTS || ai_is_smallint(name) || ai_type_of_obj(ai_obj(name)) != &ai_str_type)
        return NULL;
    const cls_shape *g = find_kid(s, s->count + 1, name, s->fslots);
    if (g) return g;
    uint32_t fs = s->fslots | (fslot ? 1u << s->count : 0);
    const cls_shape *k = find_kid(s, s->count + 1, name, fs);
    if (k) return k;
    if (!immortal_str(name)) return NULL;
    k = make_kid(s, s->count + 1, name, fs);
    *made = k != NULL;
    return k;
}

const cls_shape *cls_shape_add_kind(const cls_shape *s, ai_value name, bool fslot) {
    bool made;
    return add_kind(s, name, fslot, &made);
}

const cls_shape *cls_shape_add(const cls_shape *s, ai_value name) { return cls_shape_add_kind(s, name, false); }

/* s's names with fslots `fs`, reached from the root by appending them in
 * order: one shape per (names, kinds) whatever path an instance took. */
static const cls_shape *canonical(const cls_shape *s, uint32_t fs, bool *made) {
    const cls_shape *t = &cls_shape_root;
    *made = false;
    for (int j = 0; j < s->count && t; j++) {
        uint32_t want = t->fslots | (fs & (1u << j));
        const cls_shape *k = find_kid(t, j + 1, s->names[j], want);
        if (!k) {
            k = make_kid(t, j + 1, s->names[j], want);
            *made |= k != NULL;
        }
        t = k;
    }
    return t;
}

const cls_shape *cls_shape_generic(const cls_shape *s, int i) {
    bool made;
    return canonical(s, s->fslots & ~(1u << i), &made);
}

/* A shape was made that new instances will prefer over a float slot's
 * (add_kind): the class's records (SADD into a float slot) go stale, so
 * its sites learn the generic way. Once per shape made. */
static void prefer_generic(cls_type *ct, bool made) {
    if (made) cls_new_version(ct);
}

/* ---- an instance's storage -------------------------------------------------- */

static inline ai_value *word_of(ai_value o, const cls_type *ct) { return cls_dict_slot(o, ct); }

/* The value of slot i of an instance of shape s: a float slot's double
 * boxed (0 when out of memory, with MemoryError pending). */
static inline ai_value slot_value(const cls_shape *s, const ai_value *slots, int i) {
    if (!cls_shape_fslot(s, i)) return slots[i];
    double d;
    memcpy(&d, &slots[i], sizeof d);
    return ai_float_box(d);
}

static inline void put_double(ai_value *slot, ai_value f) {
    double d = float_get(f);
    memcpy(slot, &d, sizeof d);
}

/* Shape mode → dict mode: a dict of the attributes in slot order, then the
 * dict is the storage. On failure (out of memory) nothing changed. */
static ai_value materialise(ai_value o, cls_type *ct) {
    ai_value *w = word_of(o, ct);
    const cls_shape *s = cls_word_shape(*w);
    ai_value d = dict_new();
    if (!d) return AI_ERR;
    ai_value *slots = cls_inline_slots(o, ct);
    for (int i = 0; i < s->count; i++) {
        ai_value v = slot_value(s, slots, i);
        if (!v || dict_set(d, s->names[i], v) < 0) return AI_ERR;
    }
    *w = d;
    gc_barrier(ai_obj(o), d);
    for (uint32_t i = 0; i < ct->ninline; i++) slots[i] = 0;
    return d;
}

ai_value cls_inst_dict(ai_value o, cls_type *ct) {
    ai_value *w = word_of(o, ct);
    if (*w && !cls_word_is_shape(*w)) return *w;
    if (ct->ninline) return materialise(o, ct);
    ai_value d = dict_new();
    if (!d) return AI_ERR;
    *word_of(o, ct) = d;
    gc_barrier(ai_obj(o), d);
    return d;
}

ai_value cls_inst_dict_if_any(ai_value o, cls_type *ct) {
    ai_value w = *word_of(o, ct);
    if (!w) return 0;
    if (!cls_word_is_shape(w)) return w;
    return materialise(o, ct);
}

void cls_inst_set_dict(ai_value o, cls_type *ct, ai_value d) {
    *word_of(o, ct) = d;
    gc_barrier(ai_obj(o), d);
    if (ct->ninline) {
        ai_value *slots = cls_inline_slots(o, ct);
        for (uint32_t i = 0; i < ct->ninline; i++) slots[i] = 0;
    }
}

int32_t cls_inst_lookup(ai_value o, const cls_type *ct, ai_value name, ai_value *out) {
    ai_value w = *word_of(o, ct);
    if (!w) return 0;
    if (cls_word_is_shape(w)) {
        int i = cls_shape_find(cls_word_shape(w), name);
        if (i < 0) {
            /* A str subclass with __eq__/__hash__ of its own could match a
             * name by its rules: the dict decides. */
            if (!ai_is_smallint(name) && ai_type_of_obj(ai_obj(name)) == &ai_str_type) return 0;
            ai_value d = materialise(o, (cls_type *)ct);
            if (!d) return -1;
            return dict_get(d, name, out);
        }
        *out = slot_value(cls_word_shape(w), cls_inline_slots(o, ct), i);
        return *out ? 1 : -1;
    }
    return dict_get(w, name, out);
}

int32_t cls_inst_store(ai_value o, cls_type *ct, ai_value name, ai_value v) {
    ai_value *w = word_of(o, ct);
    if (ct->ninline && (!*w || cls_word_is_shape(*w))) {
        const cls_shape *s = cls_word_shape(*w);
        int i = cls_shape_find(s, name);
        bool flt = cls_is_exact_float(v);
        if (i >= 0) {
            ai_value *slot = &cls_inline_slots(o, ct)[i];
            if (cls_shape_fslot(s, i)) {
                if (flt) {
                    put_double(slot, v);
                    return 0;
                }
                bool made;
                const cls_shape *g = canonical(s, s->fslots & ~(1u << i), &made);
                if (!g) goto to_dict;
                prefer_generic(ct, made);
                *w = cls_shape_word(g);
            }
            *slot = v;
            gc_barrier(ai_obj(o), v);
            return 0;
        }
        bool made;
        const cls_shape *n = add_kind(s, name, flt, &made);
        if (n) {
            prefer_generic(ct, made && !flt);
            ai_value *slot = &cls_inline_slots(o, ct)[s->count];
            if (cls_shape_fslot(n, s->count)) { /* a float may get a generic slot */
                put_double(slot, v);
            } else {
                *slot = v;
                gc_barrier(ai_obj(o), v);
            }
            *w = cls_shape_word(n);
            return 0;
        }
    }
to_dict:;
    ai_value d = cls_inst_dict(o, ct);
    if (!d) return -1;
    return dict_set(d, name, v);
}

int32_t cls_inst_delete(ai_value o, cls_type *ct, ai_value name) {
    ai_value w = *word_of(o, ct);
    if (!w) return 0;
    if (cls_word_is_shape(w)) {
        if (cls_shape_find(cls_word_shape(w), name) < 0 &&
            !ai_is_smallint(name) && ai_type_of_obj(ai_obj(name)) == &ai_str_type)
            return 0;
        /* Deleting leaves a hole in the order: the dict keeps it. */
        if (!(w = materialise(o, ct))) return -1;
    }
    return dict_del(w, name);
}

int64_t cls_inst_count(ai_value o, const cls_type *ct) {
    ai_value w = *word_of(o, ct);
    if (!w) return 0;
    if (cls_word_is_shape(w)) return cls_word_shape(w)->count;
    return dict_len(w);
}
