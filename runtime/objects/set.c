/*
 * objects/set.c — `set` and `frozenset`: an open-addressing table of keys
 * laid out exactly as CPython 3.11 lays out its sets, so that a set of
 * ints iterates (and prints) in CPython's order.
 *
 * Layout: mask + 1 slots (a power of two, >= 8) of (key, hash): unused
 * (key 0), dummy (SET_DUMMY, hash -1, left by a removal) or active. Eight
 * slots live inline; bigger tables in a set_table block (its own type, so
 * the collector scans it). Probing: up to 10 adjacent slots, then the
 * perturbed step i = 5i + 1 + (perturb >>= 5). Growth, dummy reuse, the
 * one-shot resizes of bulk updates and which operand each operation
 * iterates all follow CPython, because each shows in the iteration order.
 *
 * Invariants: fill = active + dummy, used = active; fill*5 < mask*3 after
 * each insertion (a probe always ends); hashes are never -1, so a dummy
 * never matches. A frozenset caches its hash (-1 until computed).
 * Not handled: subclasses, __reduce__/__sizeof__, weak references.
 */
#include "core/object.h"
#include "gc/gc.h"

#include <stdlib.h>

#define SET_MINSIZE   8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
/* Far beyond any real set; keeps size arithmetic from overflowing. */
#define SET_MAX_SLOTS ((int64_t)1 << 40)

typedef struct set_slot {
    ai_value key; /* 0: unused; SET_DUMMY: removed */
    int64_t hash; /* 0 when unused, -1 for a dummy */
} set_slot;

/* The slots of a set bigger than SET_MINSIZE. */
typedef struct set_table {
    ai_object ob;
    int64_t nslots;
    set_slot slots[];
} set_table;

typedef struct ai_setobj {
    ai_object ob;
    int64_t fill, used, mask;
    int64_t hash;   /* frozenset's cached hash, -1 until computed */
    int64_t finger; /* where pop() resumes its search */
    ai_value table; /* a set_table, or 0: the inline `small` slots */
    set_slot small[SET_MINSIZE];
} ai_setobj;

/* The marker of removed slots: never visible to Python code. */
static ai_object set_dummy_obj = {(uintptr_t)&ai_object_type};
#define SET_DUMMY ai_val(&set_dummy_obj)

static inline ai_setobj *set_obj(ai_value v) { return (ai_setobj *)ai_obj(v); }
static inline set_slot *slots_of(ai_setobj *so) {
    return so->table ? ((set_table *)ai_obj(so->table))->slots : so->small;
}
/* The object whose gc_visit reports the slots: the table, or the set. */
static inline void *slots_holder(ai_setobj *so) {
    return so->table ? (void *)ai_obj(so->table) : (void *)so;
}
static inline bool is_live(const set_slot *e) { return e->key != 0 && e->key != SET_DUMMY; }
static inline bool set_exact(ai_value v) { return obj_is_type(v, &ai_set_type); }
static inline bool frozenset_exact(ai_value v) { return obj_is_type(v, &ai_frozenset_type); }
/* The type of results built from `so` (s | t is a set, fs | t a frozenset). */
static inline ai_type *result_type(ai_value so) {
    return obj_isinstance(so, &ai_set_type) ? &ai_set_type : &ai_frozenset_type;
}

/* ---- memory ------------------------------------------------------------------ */

static void visit_slots(set_slot *t, int64_t n, void (*visit)(ai_value *, void *), void *ctx) {
    for (int64_t i = 0; i < n; i++)
        if (is_live(&t[i])) visit(&t[i].key, ctx);
}

static void table_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    set_table *t = (set_table *)o;
    visit_slots(t->slots, t->nslots, visit, ctx);
}

static size_t table_size(const ai_object *o) {
    return sizeof(set_table) + (size_t)((const set_table *)o)->nslots * sizeof(set_slot);
}

ai_type ai_set_table_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "set_table",
    .base = &ai_object_type,
    .basicsize = sizeof(set_table),
    .gc_visit = table_visit,
    .gc_size = table_size,
};

static void set_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_setobj *so = (ai_setobj *)o;
    if (so->table)
        visit(&so->table, ctx);
    else
        visit_slots(so->small, SET_MINSIZE, visit, ctx);
}

static ai_value set_alloc(ai_type *t) {
    /* t may be a subclass: its instances are longer (objects/class.h). */
    ai_setobj *so = ai_alloc(t, t->basicsize);
    if (!so) return AI_ERR;
    so->mask = SET_MINSIZE - 1;
    so->hash = -1;
    return ai_val(so);
}

/* ---- the table ---------------------------------------------------------------- */

/* Find `key`: its active slot, or the unused slot that ends its probe
 * sequence; NULL when a comparison raised. */
static set_slot *lookkey(ai_setobj *so, ai_value key, int64_t hash) {
restart:;
    set_slot *table = slots_of(so);
    size_t mask = (size_t)so->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        set_slot *e = &table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (e->key == 0) return e;
            if (e->hash == hash) {
                ai_value start = e->key;
                int eq = map_key_eq_fast(start, key);
                if (eq == -2) {
                    eq = obj_eq(start, key);
                    if (eq < 0) return NULL;
                    /* == ran Python code: start over if it changed the table */
                    if (table != slots_of(so) || e->key != start || mask != (size_t)so->mask)
                        goto restart;
                }
                if (eq) return e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Add to a table known to hold neither `key` nor dummies (resizes). */
static void insert_clean(set_slot *table, size_t mask, ai_value key, int64_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    set_slot *e;
    for (;;) {
        e = &table[i];
        if (e->key == 0) break;
        if (i + LINEAR_PROBES <= mask) {
            int j = 0;
            for (; j < LINEAR_PROBES; j++)
                if ((++e)->key == 0) break;
            if (j < LINEAR_PROBES) break;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
    e->key = key;
    e->hash = hash;
}

/* Rebuild the table with the smallest power-of-two size > minused,
 * dropping dummies; active slots are reinserted in table order. */
static int table_resize(ai_setobj *so, int64_t minused) {
    if (minused >= SET_MAX_SLOTS) {
        exc_nomem();
        return -1;
    }
    int64_t newsize = SET_MINSIZE;
    while (newsize <= minused) newsize <<= 1;
    set_slot *old = slots_of(so);
    int64_t oldn = so->mask + 1;
    set_slot small_copy[SET_MINSIZE];
    ai_value newtab = 0;
    set_slot *fresh;
    if (newsize == SET_MINSIZE) {
        fresh = so->small;
        if (old == so->small) {
            if (so->fill == so->used) return 0; /* no dummies to drop */
            memcpy(small_copy, old, sizeof small_copy);
            old = small_copy;
        }
        memset(so->small, 0, sizeof so->small);
    } else {
        set_table *t =
            ai_alloc(&ai_set_table_type, sizeof(set_table) + (size_t)newsize * sizeof(set_slot));
        if (!t) return -1;
        t->nslots = newsize;
        newtab = ai_val(t);
        fresh = t->slots;
    }
    so->table = newtab;
    so->mask = newsize - 1;
    so->fill = so->used;
    for (int64_t i = 0; i < oldn; i++)
        if (is_live(&old[i])) insert_clean(fresh, (size_t)so->mask, old[i].key, old[i].hash);
    gc_barrier_all(so); /* the new table, or keys moved into the inline slots */
    return 0;
}

/* Add key (hash known): 0, or -1 on error. An equal key already present
 * stays (set.add(1.0) keeps 1). A new key takes the last dummy seen on
 * its probe path, if any (observed CPython 3.11 behaviour: it decides
 * where keys land, hence the iteration order). */
static int add_entry(ai_setobj *so, ai_value key, int64_t hash) {
restart:;
    set_slot *table = slots_of(so), *freeslot = NULL, *e;
    size_t mask = (size_t)so->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        e = &table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (e->key == 0) goto found_unused;
            if (e->hash == hash) {
                ai_value start = e->key;
                int eq = map_key_eq_fast(start, key);
                if (eq == -2) {
                    eq = obj_eq(start, key);
                    if (eq < 0) return -1;
                    if (eq > 0) return 0;
                    if (table != slots_of(so) || e->key != start || mask != (size_t)so->mask)
                        goto restart;
                }
                if (eq) return 0;
            } else if (e->hash == -1) {
                freeslot = e; /* the LAST dummy on the path, as CPython 3.11 */
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused:
    if (freeslot) {
        freeslot->key = key;
        gc_barrier(slots_holder(so), key);
        freeslot->hash = hash;
        so->used++;
        return 0;
    }
    e->key = key;
    gc_barrier(slots_holder(so), key);
    e->hash = hash;
    so->fill++;
    so->used++;
    if ((size_t)so->fill * 5 < mask * 3) return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static int add_key(ai_setobj *so, ai_value key) {
    int64_t h = map_hash(key);
    return h == -1 ? -1 : add_entry(so, key, h);
}

/* 1 if present, 0 if not, -1 on error. */
static int contains_entry(ai_setobj *so, ai_value key, int64_t hash) {
    set_slot *e = lookkey(so, key, hash);
    return e ? e->key != 0 : -1;
}

/* Remove key if present: 1 removed, 0 absent, -1 error. */
static int discard_entry(ai_setobj *so, ai_value key, int64_t hash) {
    set_slot *e = lookkey(so, key, hash);
    if (!e) return -1;
    if (e->key == 0) return 0;
    e->key = SET_DUMMY;
    e->hash = -1;
    so->used--;
    return 1;
}

/* The next active slot at or after *pos (table order). */
static bool set_next(ai_setobj *so, int64_t *pos, set_slot **out) {
    set_slot *t = slots_of(so);
    int64_t i = *pos;
    while (i <= so->mask && !is_live(&t[i])) i++;
    *pos = i + 1;
    if (i > so->mask) return false;
    *out = &t[i];
    return true;
}

static void clear_internal(ai_setobj *so) {
    memset(so->small, 0, sizeof so->small);
    so->table = 0;
    so->mask = SET_MINSIZE - 1;
    so->fill = so->used = 0;
    so->hash = -1;
}

/* Exchange the contents of two sets (intersection_update builds the
 * result aside, then takes its table). */
static void swap_bodies(ai_setobj *a, ai_setobj *b) {
    int64_t t;
    t = a->fill, a->fill = b->fill, b->fill = t;
    t = a->used, a->used = b->used, b->used = t;
    t = a->mask, a->mask = b->mask, b->mask = t;
    ai_value tab = a->table;
    a->table = b->table;
    b->table = tab;
    set_slot tmp[SET_MINSIZE];
    memcpy(tmp, a->small, sizeof tmp);
    memcpy(a->small, b->small, sizeof tmp);
    memcpy(b->small, tmp, sizeof tmp);
    gc_barrier_all(a);
    gc_barrier_all(b);
    a->hash = b->hash = -1;
}

/* ---- bulk operations (each mirrors the CPython routine of the same job) --- */

/* so |= other, for another set: one resize up front, then the cheapest
 * copy the two tables allow. */
static int merge(ai_setobj *so, ai_setobj *other) {
    if (other == so || other->used == 0) return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3)
        if (table_resize(so, (so->used + other->used) * 2) < 0) return -1;
    set_slot *src = slots_of(other), *dst = slots_of(so);
    int64_t n = other->mask + 1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        /* same size, no dummies: the layout carries over slot for slot */
        memcpy(dst, src, (size_t)n * sizeof(set_slot));
        gc_barrier_all(slots_holder(so));
        so->fill = so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (int64_t i = 0; i < n; i++)
            if (is_live(&src[i])) insert_clean(dst, (size_t)so->mask, src[i].key, src[i].hash);
        gc_barrier_all(slots_holder(so));
        return 0;
    }
    for (int64_t i = 0; i < other->mask + 1; i++) {
        set_slot *e = &slots_of(other)[i];
        if (is_live(e) && add_entry(so, e->key, e->hash) < 0) return -1;
    }
    return 0;
}

/* so.update(other) for one iterable. */
static int update_internal(ai_setobj *so, ai_value other) {
    if (anyset_check(other)) return merge(so, set_obj(other));
    if (obj_is_type(other, &ai_dict_type)) {
        int64_t n = dict_len(other);
        if ((so->fill + n) * 5 >= so->mask * 3)
            if (table_resize(so, (so->used + n) * 2) < 0) return -1;
        int64_t pos = 0, h;
        ai_value k;
        while (dict_next(other, &pos, &k, NULL, &h))
            if (add_entry(so, k, h) < 0) return -1;
        return 0;
    }
    ai_value it = ai_iter(other), key;
    if (!it) return -1;
    int32_t rc;
    while ((rc = ai_for_next(it, &key)) == 1)
        if (add_key(so, key) < 0) return -1;
    return rc;
}

int32_t set_reinit(ai_value s, ai_value iterable) {
    clear_internal(set_obj(s));
    return iterable ? update_internal(set_obj(s), iterable) : 0;
}

ai_value set_new(ai_type *t, ai_value iterable) {
    ai_value s = set_alloc(t);
    if (!s || !iterable) return s;
    return update_internal(set_obj(s), iterable) < 0 ? AI_ERR : s;
}

static ai_value set_copy(ai_value so) { return set_new(result_type(so), so); }

ai_value set_intersection(ai_value sv, ai_value other) {
    if (sv == other) return set_copy(sv);
    ai_value rv = set_alloc(result_type(sv));
    if (!rv) return AI_ERR;
    ai_setobj *so = set_obj(sv), *result = set_obj(rv);
    if (anyset_check(other)) {
        ai_setobj *small = set_obj(other);
        /* iterate the smaller, look up in the larger */
        if (small->used > so->used) {
            ai_setobj *t = so;
            so = small;
            small = t;
        }
        int64_t pos = 0;
        set_slot *e;
        while (set_next(small, &pos, &e)) {
            ai_value key = e->key;
            int64_t hash = e->hash;
            int rc = contains_entry(so, key, hash);
            if (rc < 0) return AI_ERR;
            if (rc && add_entry(result, key, hash) < 0) return AI_ERR;
        }
        return rv;
    }
    ai_value it = ai_iter(other), key;
    if (!it) return AI_ERR;
    int32_t rc;
    while ((rc = ai_for_next(it, &key)) == 1) {
        int64_t hash = map_hash(key);
        if (hash == -1) return AI_ERR;
        int c = contains_entry(so, key, hash);
        if (c < 0) return AI_ERR;
        if (c && add_entry(result, key, hash) < 0) return AI_ERR;
    }
    return rc < 0 ? AI_ERR : rv;
}

static ai_value intersection_multi(ai_value so, const ai_value *args, int64_t n) {
    if (n == 0) return set_copy(so);
    ai_value result = so;
    for (int64_t i = 0; i < n; i++)
        if (!(result = set_intersection(result, args[i]))) return AI_ERR;
    return result;
}

static int difference_update_internal(ai_setobj *so, ai_value other) {
    if (ai_val(so) == other) {
        clear_internal(so);
        return 0;
    }
    if (anyset_check(other)) {
        /* A much larger other: discard only what the two share. */
        if ((set_len(other) >> 3) > so->used)
            if (!(other = set_intersection(ai_val(so), other))) return -1;
        int64_t pos = 0;
        set_slot *e;
        while (set_next(set_obj(other), &pos, &e))
            if (discard_entry(so, e->key, e->hash) < 0) return -1;
    } else {
        ai_value it = ai_iter(other), key;
        if (!it) return -1;
        int32_t rc;
        while ((rc = ai_for_next(it, &key)) == 1) {
            int64_t h = map_hash(key);
            if (h == -1 || discard_entry(so, key, h) < 0) return -1;
        }
        if (rc < 0) return -1;
    }
    /* More than a quarter dummies: rebuild without them. */
    if (so->fill - so->used <= so->mask / 4) return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

int32_t set_difference_update(ai_value s, ai_value other) {
    return difference_update_internal(set_obj(s), other);
}

static ai_value copy_and_difference(ai_value so, ai_value other) {
    ai_value r = set_copy(so);
    if (!r) return AI_ERR;
    return difference_update_internal(set_obj(r), other) < 0 ? AI_ERR : r;
}

static ai_value set_difference(ai_value sv, ai_value other) {
    int64_t other_size;
    bool is_dict = obj_is_type(other, &ai_dict_type);
    if (anyset_check(other))
        other_size = set_len(other);
    else if (is_dict)
        other_size = dict_len(other);
    else
        return copy_and_difference(sv, other);
    ai_setobj *so = set_obj(sv);
    if ((so->used >> 2) > other_size) return copy_and_difference(sv, other);
    ai_value rv = set_alloc(result_type(sv));
    if (!rv) return AI_ERR;
    int64_t pos = 0;
    set_slot *e;
    while (set_next(so, &pos, &e)) {
        ai_value key = e->key, dummy;
        int64_t hash = e->hash;
        int rc = is_dict ? dict_get_hash(other, key, hash, &dummy)
                         : contains_entry(set_obj(other), key, hash);
        if (rc < 0) return AI_ERR;
        if (!rc && add_entry(set_obj(rv), key, hash) < 0) return AI_ERR;
    }
    return rv;
}

static ai_value difference_multi(ai_value so, const ai_value *args, int64_t n) {
    if (n == 0) return set_copy(so);
    ai_value r = set_difference(so, args[0]);
    if (!r) return AI_ERR;
    for (int64_t i = 1; i < n; i++)
        if (difference_update_internal(set_obj(r), args[i]) < 0) return AI_ERR;
    return r;
}

/* Toggle each key: present → removed, absent → added. */
static int toggle(ai_setobj *so, ai_value key, int64_t hash) {
    int rc = discard_entry(so, key, hash);
    if (rc < 0) return -1;
    return rc == 0 ? add_entry(so, key, hash) : 0;
}

int32_t set_symmetric_difference_update(ai_value sv, ai_value other) {
    ai_setobj *so = set_obj(sv);
    if (sv == other) {
        clear_internal(so);
        return 0;
    }
    if (obj_is_type(other, &ai_dict_type)) {
        int64_t pos = 0, h;
        ai_value k;
        while (dict_next(other, &pos, &k, NULL, &h))
            if (toggle(so, k, h) < 0) return -1;
        return 0;
    }
    ai_value ov = anyset_check(other) ? other : set_new(result_type(sv), other);
    if (!ov) return -1;
    int64_t pos = 0;
    set_slot *e;
    while (set_next(set_obj(ov), &pos, &e))
        if (toggle(so, e->key, e->hash) < 0) return -1;
    return 0;
}

static ai_value symmetric_difference(ai_value so, ai_value other) {
    /* Built from other, then toggled by so (CPython's order). */
    ai_value r = set_new(result_type(so), other);
    if (!r) return AI_ERR;
    return set_symmetric_difference_update(r, so) < 0 ? AI_ERR : r;
}

static ai_value union_multi(ai_value so, const ai_value *args, int64_t n) {
    ai_value r = set_copy(so);
    if (!r) return AI_ERR;
    for (int64_t i = 0; i < n; i++) {
        if (args[i] == so) continue;
        if (update_internal(set_obj(r), args[i]) < 0) return AI_ERR;
    }
    return r;
}

/* so <= other (other any set). */
static int subset_of(ai_setobj *so, ai_setobj *other) {
    if (so->used > other->used) return 0;
    int64_t pos = 0;
    set_slot *e;
    while (set_next(so, &pos, &e)) {
        int rc = contains_entry(other, e->key, e->hash);
        if (rc <= 0) return rc;
    }
    return 1;
}

static ai_value issubset(ai_value so, ai_value other) {
    if (!anyset_check(other)) {
        ai_value t = set_intersection(so, other);
        if (!t) return AI_ERR;
        return ai_bool(set_obj(t)->used == set_obj(so)->used);
    }
    int rc = subset_of(set_obj(so), set_obj(other));
    return rc < 0 ? AI_ERR : ai_bool(rc);
}

static ai_value issuperset(ai_value so, ai_value other) {
    if (anyset_check(other)) {
        int rc = subset_of(set_obj(other), set_obj(so));
        return rc < 0 ? AI_ERR : ai_bool(rc);
    }
    ai_value it = ai_iter(other), key;
    if (!it) return AI_ERR;
    int32_t rc;
    while ((rc = ai_for_next(it, &key)) == 1) {
        int c = set_contains_key(so, key);
        if (c < 0) return AI_ERR;
        if (!c) return AI_FALSE;
    }
    return rc < 0 ? AI_ERR : AI_TRUE;
}

static ai_value isdisjoint(ai_value sv, ai_value other) {
    ai_setobj *so = set_obj(sv);
    if (sv == other) return ai_bool(so->used == 0);
    if (set_exact(other) || frozenset_exact(other)) {
        ai_setobj *small = set_obj(other);
        if (small->used > so->used) {
            ai_setobj *t = so;
            so = small;
            small = t;
        }
        int64_t pos = 0;
        set_slot *e;
        while (set_next(small, &pos, &e)) {
            int rc = contains_entry(so, e->key, e->hash);
            if (rc < 0) return AI_ERR;
            if (rc) return AI_FALSE;
        }
        return AI_TRUE;
    }
    ai_value it = ai_iter(other), key;
    if (!it) return AI_ERR;
    int32_t rc;
    while ((rc = ai_for_next(it, &key)) == 1) {
        int c = set_contains_key(sv, key);
        if (c < 0) return AI_ERR;
        if (c) return AI_FALSE;
    }
    return rc < 0 ? AI_ERR : AI_TRUE;
}

/* ---- the shared internal API (object.h) ------------------------------------ */

int64_t set_len(ai_value s) { return set_obj(s)->used; }

int32_t set_contains_key(ai_value s, ai_value key) {
    int64_t h = map_hash(key);
    return h == -1 ? -1 : contains_entry(set_obj(s), key, h);
}

ai_value ai_set_new(const ai_value *items, int64_t n) {
    ai_value s = set_alloc(&ai_set_type);
    if (!s) return AI_ERR;
    for (int64_t i = 0; i < n; i++)
        if (add_key(set_obj(s), items[i]) < 0) return AI_ERR;
    return s;
}

int32_t ai_set_add(ai_value s, ai_value item) { return add_key(set_obj(s), item); }

int32_t ai_set_update(ai_value s, ai_value iterable) {
    return update_internal(set_obj(s), iterable);
}

ai_value set_from_const_display(const ai_value *items, int64_t n) {
    /* CPython's compiler makes frozenset(items), then its constant merging
     * rebuilds that frozenset from its own iteration order; the display
     * then fills a new set from the second one. Each rebuild can reorder
     * colliding keys, so do both. */
    ai_value fs = set_alloc(&ai_frozenset_type);
    if (!fs) return AI_ERR;
    for (int64_t i = 0; i < n; i++)
        if (add_key(set_obj(fs), items[i]) < 0) return AI_ERR;
    ai_value order = list_from_iter(fs);      /* adds one by one, as from a tuple */
    if (!order) return AI_ERR;
    ai_value merged = set_new(&ai_frozenset_type, order);
    if (!merged) return AI_ERR;
    return set_new(&ai_set_type, merged);
}

/* ---- protocol ------------------------------------------------------------------- */

/* A set used as a key of `in`, remove() or discard() is looked up as the
 * equal frozenset (so {frozenset()} contains set()). Returns the key to
 * use and its hash, or AI_ERR. */
static ai_value key_or_frozen(ai_value key, int64_t *hash) {
    int64_t h = map_hash(key);
    if (h != -1) {
        *hash = h;
        return key;
    }
    if (!obj_isinstance(key, &ai_set_type) || !exc_pending_is(&ai_exc_TypeError)) return AI_ERR;
    exc_clear();
    ai_value fk = set_new(&ai_frozenset_type, key);
    if (!fk) return AI_ERR;
    *hash = obj_hash(fk);
    return *hash == -1 ? AI_ERR : fk;
}

static int32_t set_contains_slot(ai_value s, ai_value key) {
    int64_t h;
    ai_value k = key_or_frozen(key, &h);
    return k ? contains_entry(set_obj(s), k, h) : -1;
}

static int64_t set_len_slot(ai_value s) { return set_obj(s)->used; }

static int64_t set_unhashable(ai_value v) {
    ai_raise_fmt(&ai_exc_TypeError, "unhashable type: '%s'", obj_type_name(v));
    return -1;
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; }

/* CPython's frozenset hash: order-independent (an xor of each key's
 * hash, bit-shuffled), mixed with the size, then dispersed, so that
 * hash(frozenset({1, 2})) is the same number in both. */
static int64_t frozenset_hash(ai_value v) {
    ai_setobj *so = set_obj(v);
    int64_t cached = __atomic_load_n(&so->hash, __ATOMIC_RELAXED);
    if (cached != -1) return cached;
    uint64_t h = 0;
    set_slot *t = slots_of(so);
    for (int64_t i = 0; i <= so->mask; i++)
        if (is_live(&t[i])) h ^= shuffle_bits((uint64_t)t[i].hash);
    h ^= ((uint64_t)so->used + 1) * 1927868237ULL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923ULL;
    if (h == (uint64_t)-1) h = 590923713ULL;
    /* relaxed: the value is idempotent; frozensets may be shared */
    __atomic_store_n(&so->hash, (int64_t)h, __ATOMIC_RELAXED);
    return (int64_t)h;
}

static ai_value set_repr(ai_value v) {
    ai_setobj *so = set_obj(v);
    bool exact = set_exact(v);
    const char *name = obj_type_name(v);
    int in = repr_enter(v);
    if (in < 0) return AI_ERR;
    strbuf b;
    sb_init(&b);
    if (in > 0) {
        sb_printf(&b, "%s(...)", name);
        return sb_finish(&b);
    }
    if (so->used == 0) {
        repr_leave(v);
        sb_printf(&b, "%s()", name);
        return sb_finish(&b);
    }
    /* Snapshot the keys first: a key's repr may mutate the set. */
    int64_t n = so->used, k = 0, pos = 0;
    ai_value *keys = gc_vals_alloc(n); /* roots while they are repr'd */
    if (!keys) {
        repr_leave(v);
        sb_free(&b);
        return AI_ERR;
    }
    set_slot *e;
    while (k < n && set_next(so, &pos, &e)) keys[k++] = e->key;
    if (!exact) sb_printf(&b, "%s(", name);
    sb_addc(&b, '{');
    for (int64_t i = 0; i < k; i++) {
        if (i > 0) sb_adds(&b, ", ");
        ai_value r = ai_repr(keys[i]);
        if (!r) {
            gc_vals_free(keys);
            sb_free(&b);
            repr_leave(v);
            return AI_ERR;
        }
        sb_add_str(&b, r);
    }
    gc_vals_free(keys);
    sb_addc(&b, '}');
    if (!exact) sb_addc(&b, ')');
    repr_leave(v);
    return sb_finish(&b);
}

static ai_value set_richcompare(ai_value a, ai_value b, int32_t op) {
    if (!anyset_check(a) || !anyset_check(b)) return AI_NOTIMPL;
    ai_setobj *x = set_obj(a), *y = set_obj(b);
    int rc;
    switch (op) {
    case AI_CMP_EQ:
    case AI_CMP_NE:
        if (x->used != y->used) return ai_bool(op == AI_CMP_NE);
        if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return ai_bool(op == AI_CMP_NE);
        rc = subset_of(x, y);
        if (rc < 0) return AI_ERR;
        return ai_bool(op == AI_CMP_EQ ? rc : !rc);
    case AI_CMP_LE: rc = subset_of(x, y); break;
    case AI_CMP_GE: rc = subset_of(y, x); break;
    case AI_CMP_LT: rc = x->used < y->used ? subset_of(x, y) : 0; break;
    default: rc = x->used > y->used ? subset_of(y, x) : 0; break;
    }
    return rc < 0 ? AI_ERR : ai_bool(rc);
}

/* The binary operators take any two sets (else NotImplemented, so that
 * {1} | [2] is a TypeError and {1} | d.keys() reaches the view). */
static ai_value set_or(ai_value a, ai_value b) {
    if (!anyset_check(a) || !anyset_check(b)) return AI_NOTIMPL;
    ai_value r = set_copy(a);
    if (!r || a == b) return r;
    return update_internal(set_obj(r), b) < 0 ? AI_ERR : r;
}
static ai_value set_and(ai_value a, ai_value b) {
    if (!anyset_check(a) || !anyset_check(b)) return AI_NOTIMPL;
    return set_intersection(a, b);
}
static ai_value set_sub(ai_value a, ai_value b) {
    if (!anyset_check(a) || !anyset_check(b)) return AI_NOTIMPL;
    return set_difference(a, b);
}
static ai_value set_xor(ai_value a, ai_value b) {
    if (!anyset_check(a) || !anyset_check(b)) return AI_NOTIMPL;
    return symmetric_difference(a, b);
}

/* s |= t, s &= t, s -= t, s ^= t mutate s (a set) and return it. */
static ai_value set_inplace(ai_value s, ai_value other, int32_t op) {
    if (!obj_isinstance(s, &ai_set_type) || !anyset_check(other)) return AI_NOTIMPL;
    ai_setobj *so = set_obj(s);
    int rc;
    switch (op) {
    case AI_OP_OR: rc = update_internal(so, other); break;
    case AI_OP_SUB: rc = difference_update_internal(so, other); break;
    case AI_OP_XOR: rc = set_symmetric_difference_update(s, other); break;
    case AI_OP_AND: {
        ai_value t = set_intersection(s, other);
        if (!t) return AI_ERR;
        swap_bodies(so, set_obj(t));
        rc = 0;
        break;
    }
    default: return AI_NOTIMPL;
    }
    return rc < 0 ? AI_ERR : s;
}

/* ---- iteration ------------------------------------------------------------------- */

typedef struct set_iter {
    ai_object ob;
    ai_value set;      /* 0 once exhausted */
    int64_t pos;       /* next slot to look at */
    int64_t used;      /* the set's size when iteration began; -1: sticky error */
    int64_t remaining; /* items still expected */
} set_iter;

static void set_iter_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    set_iter *it = (set_iter *)o;
    if (it->set) visit(&it->set, ctx);
}

static int32_t set_iter_next(ai_value v, ai_value *out) {
    set_iter *it = (set_iter *)ai_obj(v);
    if (!it->set) return 0;
    ai_setobj *so = set_obj(it->set);
    if (it->used != so->used) {
        it->used = -1; /* stays an error, as in CPython */
        ai_raise_msg(&ai_exc_RuntimeError, "Set changed size during iteration");
        return -1;
    }
    set_slot *e;
    if (!set_next(so, &it->pos, &e)) {
        it->set = 0;
        return 0;
    }
    it->remaining--;
    *out = e->key;
    return 1;
}

static ai_value set_iter_length_hint(ai_value self, const ai_value *args, int64_t nargs,
                                     ai_value kw) {
    (void)args;
    if (call_no_kwargs("set_iterator.__length_hint__", kw) < 0 ||
        call_exact_args("set_iterator.__length_hint__", nargs, 0) < 0)
        return AI_ERR;
    set_iter *it = (set_iter *)ai_obj(self);
    return ai_smallint(it->set && it->used == set_obj(it->set)->used ? it->remaining : 0);
}

static ai_type set_iter_type;
static const ai_method_def set_iter_methods[] = {
    {"__length_hint__", set_iter_length_hint, &set_iter_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_slots set_iter_slots = {
    .iter = obj_iter_self,
    .next = set_iter_next,
    .methods = set_iter_methods,
};

static ai_type set_iter_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "set_iterator",
    .base = &ai_object_type,
    .basicsize = sizeof(set_iter),
    .gc_visit = set_iter_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&set_iter_slots,
};

static ai_value set_iter_new(ai_value s) {
    set_iter *it = ai_alloc(&set_iter_type, sizeof(set_iter));
    if (!it) return AI_ERR;
    it->set = s;
    it->used = it->remaining = set_obj(s)->used;
    return ai_val(it);
}

/* ---- constructors --------------------------------------------------------------- */

static ai_value set_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)cls;
    if (call_no_kwargs("set", kw) < 0 || map_arg_range("set", nargs, 0, 1) < 0) return AI_ERR;
    return set_new(&ai_set_type, nargs ? args[0] : 0);
}

static ai_value frozenset_construct(ai_value cls, const ai_value *args, int64_t nargs,
                                    ai_value kw) {
    (void)cls;
    if (call_no_kwargs("frozenset", kw) < 0 || map_arg_range("frozenset", nargs, 0, 1) < 0)
        return AI_ERR;
    if (nargs && frozenset_exact(args[0])) return args[0]; /* immutable: share it */
    return set_new(&ai_frozenset_type, nargs ? args[0] : 0);
}

/* ---- methods ---------------------------------------------------------------------- */

/* "set.add() takes exactly one argument (0 given)" with the receiver's
 * type name (set or frozenset); want is 0 or 1, or -1 for *args. */
static int meth_check(ai_value self, const char *meth, int64_t nargs, ai_value kw, int want) {
    /* the qualified name only for an error message (not per call) */
    if ((!kw || tuple_obj(kw)->len == 0) && (want < 0 || nargs == want)) return 0;
    char name[64];
    snprintf(name, sizeof name, "%s.%s", obj_type_name(self), meth);
    if (call_no_kwargs(name, kw) < 0) return -1;
    return want < 0 ? 0 : call_exact_args(name, nargs, want);
}

#define METHOD(cname) \
    static ai_value cname(ai_value self, const ai_value *args, int64_t nargs, ai_value kw)

METHOD(m_add) {
    if (meth_check(self, "add", nargs, kw, 1) < 0) return AI_ERR;
    return add_key(set_obj(self), args[0]) < 0 ? AI_ERR : AI_NONE;
}

METHOD(m_clear) {
    (void)args;
    if (meth_check(self, "clear", nargs, kw, 0) < 0) return AI_ERR;
    clear_internal(set_obj(self));
    return AI_NONE;
}

METHOD(m_copy) {
    (void)args;
    if (meth_check(self, "copy", nargs, kw, 0) < 0) return AI_ERR;
    if (frozenset_exact(self)) return self;
    return set_copy(self);
}

/* remove (raise = true) and discard. */
static ai_value remove_common(ai_value self, ai_value key, bool raise) {
    int64_t h;
    ai_value k = key_or_frozen(key, &h);
    if (!k) return AI_ERR;
    int rc = discard_entry(set_obj(self), k, h);
    if (rc < 0) return AI_ERR;
    if (rc == 0 && raise) return exc_raise_args(&ai_exc_KeyError, ai_tuple_pack(&key, 1));
    return AI_NONE;
}

METHOD(m_discard) {
    if (meth_check(self, "discard", nargs, kw, 1) < 0) return AI_ERR;
    return remove_common(self, args[0], false);
}

METHOD(m_remove) {
    if (meth_check(self, "remove", nargs, kw, 1) < 0) return AI_ERR;
    return remove_common(self, args[0], true);
}

METHOD(m_pop) {
    (void)args;
    if (meth_check(self, "pop", nargs, kw, 0) < 0) return AI_ERR;
    ai_setobj *so = set_obj(self);
    if (so->used == 0) return ai_raise_msg(&ai_exc_KeyError, "pop from an empty set");
    /* Resume where the last pop stopped, so repeated pops stay O(1). */
    set_slot *t = slots_of(so);
    int64_t i = so->finger & so->mask;
    while (!is_live(&t[i])) i = i == so->mask ? 0 : i + 1;
    ai_value key = t[i].key;
    t[i].key = SET_DUMMY;
    t[i].hash = -1;
    so->used--;
    so->finger = i + 1;
    return key;
}

METHOD(m_union) {
    if (meth_check(self, "union", nargs, kw, -1) < 0) return AI_ERR;
    return union_multi(self, args, nargs);
}

METHOD(m_update) {
    if (meth_check(self, "update", nargs, kw, -1) < 0) return AI_ERR;
    for (int64_t i = 0; i < nargs; i++)
        if (update_internal(set_obj(self), args[i]) < 0) return AI_ERR;
    return AI_NONE;
}

METHOD(m_intersection) {
    if (meth_check(self, "intersection", nargs, kw, -1) < 0) return AI_ERR;
    return intersection_multi(self, args, nargs);
}

METHOD(m_intersection_update) {
    if (meth_check(self, "intersection_update", nargs, kw, -1) < 0) return AI_ERR;
    ai_value t = intersection_multi(self, args, nargs);
    if (!t) return AI_ERR;
    swap_bodies(set_obj(self), set_obj(t));
    return AI_NONE;
}

METHOD(m_difference) {
    if (meth_check(self, "difference", nargs, kw, -1) < 0) return AI_ERR;
    return difference_multi(self, args, nargs);
}

METHOD(m_difference_update) {
    if (meth_check(self, "difference_update", nargs, kw, -1) < 0) return AI_ERR;
    for (int64_t i = 0; i < nargs; i++)
        if (difference_update_internal(set_obj(self), args[i]) < 0) return AI_ERR;
    return AI_NONE;
}

METHOD(m_symmetric_difference) {
    if (meth_check(self, "symmetric_difference", nargs, kw, 1) < 0) return AI_ERR;
    return symmetric_difference(self, args[0]);
}

METHOD(m_symmetric_difference_update) {
    if (meth_check(self, "symmetric_difference_update", nargs, kw, 1) < 0) return AI_ERR;
    return set_symmetric_difference_update(self, args[0]) < 0 ? AI_ERR : AI_NONE;
}

METHOD(m_issubset) {
    if (meth_check(self, "issubset", nargs, kw, 1) < 0) return AI_ERR;
    return issubset(self, args[0]);
}

METHOD(m_issuperset) {
    if (meth_check(self, "issuperset", nargs, kw, 1) < 0) return AI_ERR;
    return issuperset(self, args[0]);
}

METHOD(m_isdisjoint) {
    if (meth_check(self, "isdisjoint", nargs, kw, 1) < 0) return AI_ERR;
    return isdisjoint(self, args[0]);
}

METHOD(m_contains) {
    if (meth_check(self, "__contains__", nargs, kw, 1) < 0) return AI_ERR;
    int32_t rc = set_contains_slot(self, args[0]);
    return rc < 0 ? AI_ERR : ai_bool(rc);
}

METHOD(m_len) {
    (void)args;
    if (meth_check(self, "__len__", nargs, kw, 0) < 0) return AI_ERR;
    return ai_smallint(set_obj(self)->used);
}

/* The methods set and frozenset share (each table needs its own owner). */
/* clang-format off */
#define COMMON_METHODS(T)                                         \
    {"copy", m_copy, &T, 0},                                      \
    {"difference", m_difference, &T, 0},                          \
    {"intersection", m_intersection, &T, 0},                      \
    {"isdisjoint", m_isdisjoint, &T, 0},                          \
    {"issubset", m_issubset, &T, 0},                              \
    {"issuperset", m_issuperset, &T, 0},                          \
    {"symmetric_difference", m_symmetric_difference, &T, 0},      \
    {"union", m_union, &T, 0},                                    \
    {"__contains__", m_contains, &T, 0},                          \
    {"__len__", m_len, &T, 0}
/* clang-format on */

static const ai_method_def set_methods[] = {
    COMMON_METHODS(ai_set_type),
    {"add", m_add, &ai_set_type, 0},
    {"clear", m_clear, &ai_set_type, 0},
    {"discard", m_discard, &ai_set_type, 0},
    {"difference_update", m_difference_update, &ai_set_type, 0},
    {"intersection_update", m_intersection_update, &ai_set_type, 0},
    {"pop", m_pop, &ai_set_type, 0},
    {"remove", m_remove, &ai_set_type, 0},
    {"symmetric_difference_update", m_symmetric_difference_update, &ai_set_type, 0},
    {"update", m_update, &ai_set_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_method_def frozenset_methods[] = {
    COMMON_METHODS(ai_frozenset_type),
    {NULL, NULL, NULL, 0},
};

static const ai_slots set_slots = {
    .sub = set_sub,
    .and_ = set_and,
    .or_ = set_or,
    .xor_ = set_xor,
    .richcompare = set_richcompare,
    .hash = set_unhashable,
    .len = set_len_slot,
    .contains = set_contains_slot,
    .construct = set_construct,
    .iter = set_iter_new,
    .methods = set_methods,
    .inplace = set_inplace,
};

static const ai_slots frozenset_slots = {
    .sub = set_sub,
    .and_ = set_and,
    .or_ = set_or,
    .xor_ = set_xor,
    .richcompare = set_richcompare,
    .hash = frozenset_hash,
    .len = set_len_slot,
    .contains = set_contains_slot,
    .construct = frozenset_construct,
    .iter = set_iter_new,
    .methods = frozenset_methods,
};

ai_type ai_set_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "set",
    .base = &ai_object_type,
    .flags = AI_TF_MATCH_SELF,
    .basicsize = sizeof(ai_setobj),
    .repr = set_repr,
    .gc_visit = set_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&set_slots,
};

ai_type ai_frozenset_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "frozenset",
    .base = &ai_object_type,
    .flags = AI_TF_MATCH_SELF,
    .basicsize = sizeof(ai_setobj),
    .repr = set_repr,
    .gc_visit = set_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&frozenset_slots,
};

ai_value ai_set_new_const(const ai_value *items, int64_t n) { return set_from_const_display(items, n); }
