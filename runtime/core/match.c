/*
 * core/match.c — the run-time steps of the match statement
 * (compiler/emit_match.c), CPython 3.11's MATCH_SEQUENCE, MATCH_MAPPING,
 * GET_LEN, MATCH_KEYS and MATCH_CLASS:
 *
 *   ai_match_kind    is the subject a sequence (1) or a mapping (2) for
 *                    patterns: its type carries AI_TF_SEQUENCE (list,
 *                    tuple, range and classes whose MRO has one of them
 *                    or a class registered with collections.abc.Sequence)
 *                    or AI_TF_MAPPING (dict, …Mapping). str, bytes and
 *                    bytearray are not sequences here.
 *   ai_match_len     len(subject)
 *   ai_match_keys    the values of a mapping pattern's keys, looked up
 *                    with the subject's `get` (an exact dict: directly)
 *   ai_match_rest    dict(subject) without those keys (`**rest`)
 *   ai_match_class   isinstance (with __instancecheck__), then the
 *                    attributes named by __match_args__ and the keyword
 *                    sub-patterns, all fetched before any sub-pattern is
 *                    tried; the self-matching builtin types (bool,
 *                    bytearray, bytes, dict, float, frozenset, int, list,
 *                    set, str, tuple and their subclasses without
 *                    __match_args__) give the subject itself
 *
 * The collection flags of classes are kept as CPython keeps its
 * Py_TPFLAGS_SEQUENCE/MAPPING: inherited along the MRO when a class is
 * made (objects/class.c), set from an ABC's `__abc_tpflags__` and by
 * `register()` (stdlib abc.py, through `_aithon`: match_abc_init,
 * match_abc_register), never on builtin types.
 *
 * Conventions: I32 results are 1 match, 0 no match, -1 error (exception
 * pending); values 0 on error. Error messages are CPython's.
 */
#include "core/object.h"
#include "objects/class.h"

static ai_value name_str(_Atomic ai_value *cache, const char *s) {
    ai_value v = atomic_load_explicit(cache, memory_order_acquire);
    if (v) return v;
    v = ai_const_str(s, (int64_t)strlen(s));
    if (!v) return 0;
    ai_value expected = 0;
    if (!atomic_compare_exchange_strong(cache, &expected, v)) v = expected;
    return v;
}
static _Atomic ai_value s_get, s_match_args, s_abc_tpflags;

int32_t ai_match_kind(ai_value subject) {
    uint32_t f = ai_type_of(subject)->flags;
    return (f & AI_TF_SEQUENCE) ? 1 : (f & AI_TF_MAPPING) ? 2 : 0;
}

int64_t ai_match_len(ai_value subject) {
    const ai_slots *s = obj_slots(subject);
    if (!s->len) {
        ai_raise_fmt(&ai_exc_TypeError, "object of type '%s' has no len()", obj_type_name(subject));
        return -1;
    }
    return s->len(subject);
}

/* Keys that compare by value without running Python code (exact str,
 * small ints): duplicates are found pairwise; others go through a set. */
static bool plain_key(ai_value k) { return ai_is_smallint(k) || obj_is_type(k, &ai_str_type); }

static int duplicate(ai_value key) {
    ai_value r = ai_repr(key);
    if (!r) return -1;
    ai_raise_fmt(&ai_exc_ValueError, "mapping pattern checks duplicate key (%s)", str_utf8(r, NULL));
    return -1;
}

static int check_duplicates(const ai_value *keys, int64_t n) {
    bool plain = n <= 16;
    for (int64_t i = 0; i < n && plain; i++) plain = plain_key(keys[i]);
    if (plain) {
        for (int64_t i = 1; i < n; i++)
            for (int64_t j = 0; j < i; j++)
                if (map_key_eq_fast(keys[j], keys[i]) == 1) return duplicate(keys[i]);
        return 0;
    }
    ai_value seen = set_new(&ai_set_type, 0);
    if (!seen) return -1;
    for (int64_t i = 0; i < n; i++) {
        int32_t in = set_contains_key(seen, keys[i]);
        if (in < 0) return -1;
        if (in) return duplicate(keys[i]);
        if (ai_set_add(seen, keys[i]) < 0) return -1;
    }
    return 0;
}

int32_t ai_match_keys(ai_value subject, const ai_value *keys, int64_t n, ai_value *out) {
    if (n == 0) return 1;
    if (n > 1 && check_duplicates(keys, n) < 0) return -1;
    if (obj_is_type(subject, &ai_dict_type)) {
        /* dict.get itself: no Python code can run but the keys' __eq__. */
        for (int64_t i = 0; i < n; i++) {
            int32_t rc = dict_get(subject, keys[i], &out[i]);
            if (rc <= 0) return rc;
        }
        return 1;
    }
    ai_value gs = name_str(&s_get, "get");
    if (!gs) return -1;
    ai_value get = ai_getattr(subject, gs);
    if (!get) return -1;
    ai_object *dummy = ai_alloc(&ai_object_type, sizeof(ai_object));
    if (!dummy) return -1;
    ai_value missing = ai_val(dummy);
    for (int64_t i = 0; i < n; i++) {
        ai_value v = ai_call(get, (ai_value[]){keys[i], missing}, 2, 0);
        if (!v) return -1;
        if (v == missing) return 0;
        out[i] = v;
    }
    return 1;
}

ai_value ai_match_rest(ai_value subject, const ai_value *keys, int64_t n) {
    ai_value d = dict_new();
    if (!d || dict_update_arg(d, subject) < 0) return AI_ERR;
    for (int64_t i = 0; i < n; i++)
        if (ai_delitem(d, keys[i]) < 0) return AI_ERR;
    return d;
}

/* subject.name for a class pattern; 0 with no exception: no such
 * attribute (no match). `seen` holds the names fetched so far. */
static ai_value class_attr(ai_value subject, const ai_type *type, ai_value name, ai_value *seen, int64_t *nseen) {
    for (int64_t i = 0; i < *nseen; i++)
        if (str_eq(str_obj(seen[i]), str_obj(name))) {
            ai_value r = ai_repr(name);
            if (!r) return AI_ERR;
            return ai_raise_fmt(&ai_exc_TypeError, "%s() got multiple sub-patterns for attribute %s", type->name,
                                str_utf8(r, NULL));
        }
    seen[(*nseen)++] = name;
    ai_value v = ai_getattr(subject, name);
    if (!v && exc_pending_is(&ai_exc_AttributeError)) exc_clear();
    return v;
}

int32_t ai_match_class(ai_value subject, ai_value cls, int64_t nargs, const ai_value *kwnames, int64_t nkw,
                       ai_value *out) {
    if (!obj_is_class(cls)) {
        ai_raise_msg(&ai_exc_TypeError, "called match pattern must be a type");
        return -1;
    }
    const ai_type *type = (const ai_type *)ai_obj(cls);
    int r = cls_meta_instancecheck(cls, subject);
    if (r < 0) return -1;
    if (r == 2) r = cls_isinstance(subject, type);
    if (!r) return 0;
    ai_value seen_small[16];
    ai_value *seen = seen_small;
    if (nargs + nkw > 16) {
        ai_value t = tuple_new(nargs + nkw);
        if (!t) return -1;
        seen = tuple_obj(t)->items;
    }
    int64_t nseen = 0;
    if (nargs) {
        ai_value ms = name_str(&s_match_args, "__match_args__");
        if (!ms) return -1;
        ai_value match_args = ai_getattr(cls, ms);
        bool match_self = false;
        int64_t allowed;
        if (match_args) {
            if (!obj_is_type(match_args, &ai_tuple_type)) {
                ai_raise_fmt(&ai_exc_TypeError, "%s.__match_args__ must be a tuple (got %s)", type->name,
                             obj_type_name(match_args));
                return -1;
            }
            allowed = tuple_obj(match_args)->len;
        } else if (exc_pending_is(&ai_exc_AttributeError)) {
            exc_clear();
            match_self = (type->flags & AI_TF_MATCH_SELF) != 0;
            allowed = match_self ? 1 : 0;
        } else {
            return -1;
        }
        if (allowed < nargs) {
            ai_raise_fmt(&ai_exc_TypeError, "%s() accepts %lld positional sub-pattern%s (%lld given)", type->name,
                         (long long)allowed, allowed == 1 ? "" : "s", (long long)nargs);
            return -1;
        }
        if (match_self) {
            out[0] = subject;
        } else {
            for (int64_t i = 0; i < nargs; i++) {
                ai_value name = tuple_obj(match_args)->items[i];
                if (!obj_is_type(name, &ai_str_type)) {
                    ai_raise_fmt(&ai_exc_TypeError, "__match_args__ elements must be strings (got %s)",
                                 obj_type_name(name));
                    return -1;
                }
                ai_value v = class_attr(subject, type, name, seen, &nseen);
                if (!v) return exc_pending() ? -1 : 0;
                out[i] = v;
            }
        }
    }
    for (int64_t i = 0; i < nkw; i++) {
        ai_value v = class_attr(subject, type, kwnames[i], seen, &nseen);
        if (!v) return exc_pending() ? -1 : 0;
        out[nargs + i] = v;
    }
    return 1;
}

/* ---- collection flags of classes (for the stdlib's abc.py) ---------------------------- */

#define COLLECTION_FLAGS (AI_TF_SEQUENCE | AI_TF_MAPPING)

static void set_flag_recursive(ai_type *t, uint32_t flag) {
    if (!cls_check_type(t) || (t->flags & COLLECTION_FLAGS) == flag) return;
    t->flags = (t->flags & ~(uint32_t)COLLECTION_FLAGS) | flag;
    cls_type *ct = (cls_type *)t;
    for (int32_t i = 0; i < ct->nsubs; i++) set_flag_recursive(&ct->subs[i]->t, flag);
}

/* An ABC was made: its `__abc_tpflags__` (1 << 5 sequence, 1 << 6
 * mapping, as CPython's) become its flags, and the name leaves its dict. */
int match_abc_init(ai_value cls) {
    if (!obj_is_class(cls)) return 0;
    ai_type *t = (ai_type *)ai_obj(cls);
    if (!cls_check_type(t)) return 0;
    cls_type *ct = (cls_type *)t;
    ai_value key = name_str(&s_abc_tpflags, "__abc_tpflags__");
    if (!key) return -1;
    ai_value v;
    int32_t rc = dict_get(ct->dict, key, &v);
    if (rc <= 0) return rc;
    int64_t bits = ai_is_smallint(v) ? ai_smallint_get(v) : 0;
    uint32_t flag = (bits & (1 << 5)) ? AI_TF_SEQUENCE : (bits & (1 << 6)) ? AI_TF_MAPPING : 0;
    if (flag) t->flags = (t->flags & ~(uint32_t)COLLECTION_FLAGS) | flag;
    return ai_delattr(cls, key) < 0 ? -1 : 0;
}

/* `abc.register(subclass)`: the ABC's collection flag goes to the
 * subclass and its subclasses (not to builtin types). */
void match_abc_register(ai_value abc, ai_value subclass) {
    if (!obj_is_class(abc) || !obj_is_class(subclass)) return;
    uint32_t flag = ((ai_type *)ai_obj(abc))->flags & COLLECTION_FLAGS;
    if (flag) set_flag_recursive((ai_type *)ai_obj(subclass), flag);
}
