/*
 * objects/dict_impl.h — the layout of dict objects, shared by dict.c and
 * the attribute inline caches (class_ic.c), which read an instance dict's
 * entry by its position instead of hashing (see dict.c for the layout and
 * its invariants).
 */
#ifndef AITHON_OBJECTS_DICT_IMPL_H
#define AITHON_OBJECTS_DICT_IMPL_H

#include "core/object.h"

typedef struct dict_entry {
    int64_t hash;
    ai_value key;   /* 0: deleted */
    ai_value value; /* 0: deleted */
} dict_entry;

typedef struct dict_keys {
    ai_object ob;
    int64_t log2size; /* the index has 1 << log2size slots */
    int64_t width;    /* bytes per index slot: 1, 2, 4 or 8 */
    int64_t capacity; /* entries allocated */
    int64_t usable;   /* entries that may still be appended */
    int64_t nentries; /* entries appended, live or deleted */
    /* the index, then the entries (8-byte aligned) */
} dict_keys;

typedef struct ai_dict {
    ai_object ob;
    int64_t used;  /* live entries */
    ai_value keys; /* a dict_keys block, or 0 (empty, never sized) */
} ai_dict;

static inline ai_dict *dict_obj(ai_value v) { return (ai_dict *)ai_obj(v); }
static inline dict_keys *keys_of(ai_value k) { return (dict_keys *)ai_obj(k); }
static inline size_t index_bytes(const dict_keys *k) {
    return (((size_t)k->width << k->log2size) + 7) & ~(size_t)7;
}
static inline dict_entry *entries_of(const dict_keys *k) {
    return (dict_entry *)((char *)(k + 1) + index_bytes(k));
}

static inline int64_t ix_get(const dict_keys *k, size_t i) {
    const void *p = k + 1;
    switch (k->width) {
    case 1: return ((const int8_t *)p)[i];
    case 2: return ((const int16_t *)p)[i];
    case 4: return ((const int32_t *)p)[i];
    default: return ((const int64_t *)p)[i];
    }
}

static inline void ix_set(dict_keys *k, size_t i, int64_t ix) {
    void *p = k + 1;
    switch (k->width) {
    case 1: ((int8_t *)p)[i] = (int8_t)ix; break;
    case 2: ((int16_t *)p)[i] = (int16_t)ix; break;
    case 4: ((int32_t *)p)[i] = (int32_t)ix; break;
    default: ((int64_t *)p)[i] = ix; break;
    }
}


/* The live value of entry `ix` of dict d when that entry's key is `key`
 * (compared by identity), else 0: an attribute cache's probe. */
static inline ai_value *dict_value_slot_at(ai_value d, int64_t ix, ai_value key) {
    ai_value kv = dict_obj(d)->keys;
    if (!kv) return NULL;
    dict_keys *k = keys_of(kv);
    if (ix < 0 || ix >= k->nentries) return NULL;
    dict_entry *e = entries_of(k) + ix;
    return e->key == key ? &e->value : NULL;
}

#endif
