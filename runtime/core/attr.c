/*
 * core/attr.c — attribute access and method calls on builtin types.
 *
 * A builtin type lists its methods (ai_method_def) and computed attributes
 * (ai_getset_def) in its slot table; lookups walk the type's base chain
 * (bool finds int's methods). A type may also install a custom getattr
 * (instances of user classes, modules) that is tried first.
 *
 *   ai_getattr(o, "append")        → a bound method object (ai_method_type)
 *   ai_call_method(o, "append", …) → calls the method directly, no bound
 *                                    method allocated; the call site's
 *                                    one-word cache remembers the entry
 *                                    found, valid while the receiver's
 *                                    type is the entry's owner
 *   ai_getattr(int, "from_bytes")  → class methods bind to the type;
 *                                    plain methods read from the type are
 *                                    unbound (str.upper("x") works)
 *
 * Invariants: method tables are static and immutable, so a cache word may
 * be read and written by several workers with relaxed atomics (a stale
 * entry is only a missed cache, never a wrong call: the owner is checked).
 */
#include "core/object.h"
#include "objects/gen.h"

#include <stdatomic.h>

/* A bound (self != 0) or unbound (self == 0) builtin method. */
typedef struct ai_method_obj {
    ai_object ob;
    const ai_method_def *def;
    ai_value self;
} ai_method_obj;

static void method_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_method_obj *m = (ai_method_obj *)o;
    if (m->self) visit(&m->self, ctx);
}

static ai_value method_call(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames) {
    ai_method_obj *m = (ai_method_obj *)ai_obj(callable);
    bool keep = (m->def->flags & AI_METH_KEEPS_SELF) != 0;
    if (m->self || (m->def->flags & AI_METH_STATIC)) {
        ai_value r = m->def->fn(m->self, args, nargs, kwnames);
        return keep ? r : cls_exact_result(r, m->self, 0);
    }
    /* Unbound: the first argument is the receiver and must be an instance. */
    if (nargs < 1) {
        return ai_raise_fmt(&ai_exc_TypeError, "unbound method %s.%s() needs an argument",
                            m->def->owner->name, m->def->name);
    }
    if (!obj_isinstance(args[0], m->def->owner)) {
        return ai_raise_fmt(&ai_exc_TypeError,
                            "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                            m->def->name, m->def->owner->name, obj_type_name(args[0]));
    }
    ai_value r = m->def->fn(args[0], args + 1, nargs - 1, kwnames);
    return keep ? r : cls_exact_result(r, args[0], 0);
}

static ai_value method_repr(ai_value v) {
    ai_method_obj *m = (ai_method_obj *)ai_obj(v);
    strbuf b;
    sb_init(&b);
    if (!m->self)
        sb_printf(&b, "<method '%s' of '%s' objects>", m->def->name, m->def->owner->name);
    else if (m->def->flags & AI_METH_CLASS)
        sb_printf(&b, "<built-in method %s of type object at %p>", m->def->name, (void *)ai_obj(m->self));
    else
        sb_printf(&b, "<built-in method %s of %s object at %p>", m->def->name, obj_type_name(m->self),
                  (void *)ai_obj(m->self));
    return sb_finish(&b);
}

static ai_value method_getattr(ai_value o, ai_value name) {
    ai_method_obj *m = (ai_method_obj *)ai_obj(o);
    return func_method_getattr(m->def->name, m->def->owner, m->self, name);
}

/* Equal when they are the same method of the same (identical) self, as
 * CPython's builtin methods and method descriptors compare: each lookup
 * of str.upper or x.append makes a new object here, and code compares
 * them (enum's "is this the data type's __format__" test). */
static ai_value method_richcompare(ai_value a, ai_value b, int32_t op) {
    if ((op != AI_CMP_EQ && op != AI_CMP_NE) || ai_is_smallint(b) || ai_type_of(b) != &ai_method_type)
        return AI_NOTIMPL;
    ai_method_obj *x = (ai_method_obj *)ai_obj(a), *y = (ai_method_obj *)ai_obj(b);
    bool eq = x->def == y->def && x->self == y->self;
    return ai_bool(op == AI_CMP_EQ ? eq : !eq);
}

static int64_t method_hash(ai_value v) {
    ai_method_obj *m = (ai_method_obj *)ai_obj(v);
    int64_t h = (int64_t)(((uintptr_t)m->def >> 4) ^ ((uintptr_t)m->self * 31));
    return h == -1 ? -2 : h;
}

static const ai_slots method_slots = {.getattr = method_getattr, .richcompare = method_richcompare,
                                      .hash = method_hash};

ai_type ai_method_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "builtin_function_or_method",
    .basicsize = sizeof(ai_method_obj),
    .repr = method_repr,
    .call = method_call,
    .gc_visit = method_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&method_slots,
};

ai_value attr_method_new(const ai_method_def *def, ai_value self) {
    ai_method_obj *m = (ai_method_obj *)ai_alloc(&ai_method_type, sizeof(ai_method_obj));
    if (!m) return AI_ERR;
    m->def = def;
    m->self = self;
    return ai_val(m);
}

/* ---- lookup ------------------------------------------------------------------ */

bool attr_name_is(ai_value name, const char *s) {
    const ai_strobj *n = str_obj(name);
    size_t len = strlen(s);
    if (n->kind != 1 || (size_t)n->len != len) return false;
    return memcmp(str_data(n), s, len) == 0;
}

const ai_method_def *attr_find_method(const ai_type *t, ai_value name) {
    for (; t; t = t->base) {
        const ai_slots *s = obj_slots_of_type(t);
        if (!s->methods) continue;
        for (const ai_method_def *d = s->methods; d->name; d++)
            if (attr_name_is(name, d->name)) return d;
    }
    return NULL;
}

static const ai_getset_def *find_getset(const ai_type *t, ai_value name) {
    for (; t; t = t->base) {
        const ai_slots *s = obj_slots_of_type(t);
        if (!s->getset) continue;
        for (const ai_getset_def *g = s->getset; g->name; g++)
            if (attr_name_is(name, g->name)) return g;
    }
    return NULL;
}

ai_value attr_error(ai_value o, ai_value name) {
    int64_t n;
    const char *nm = str_utf8(name, &n);
    if (obj_is_class(o))
        return ai_raise_fmt(&ai_exc_AttributeError, "type object '%s' has no attribute '%s'",
                            ((ai_type *)ai_obj(o))->name, nm ? nm : "?");
    return ai_raise_fmt(&ai_exc_AttributeError, "'%s' object has no attribute '%s'", obj_type_name(o),
                        nm ? nm : "?");
}

static bool is_type_object(ai_value o) {
    return !ai_is_smallint(o) && obj_type_is_sub(ai_type_of_obj(ai_obj(o)), &ai_type_type);
}

/* Attributes read from a type object: int.from_bytes, str.upper, __name__;
 * classes (objects/class.c) first look in their MRO's dicts. */
static ai_value type_getattr(ai_value o, ai_value name) {
    ai_type *t = (ai_type *)ai_obj(o);
    bool heap = (t->flags & AI_TF_HEAPTYPE) != 0;
    if (heap) {
        ai_value v = cls_type_getattr(o, name);
        if (v || exc_pending()) return v;
    } else if (attr_name_is(name, "__name__") || attr_name_is(name, "__qualname__")) {
        /* a C type named "module.name" (array.array), as CPython's tp_name */
        const char *dot = strrchr(t->name, '.');
        return str_from_cstr(dot ? dot + 1 : t->name);
    }
    const ai_method_def *d = attr_find_method(t, name);
    if (d) return attr_method_new(d, (d->flags & AI_METH_CLASS) ? o : 0);
    if (!heap) {
        ai_value v = cls_type_getattr(o, name);
        if (v || exc_pending()) return v;
    }
    return attr_error(o, name);
}

ai_value ai_getattr(ai_value o, ai_value name) {
    const ai_slots *s = obj_slots(o);
    if (s->getattr) {
        ai_value v = s->getattr(o, name);
        if (v || exc_pending()) return v;
    }
    if (is_type_object(o)) return type_getattr(o, name);
    const ai_method_def *d = attr_find_method(ai_type_of(o), name);
    if (d) return attr_method_new(d, (d->flags & AI_METH_CLASS) ? ai_val(ai_type_of(o)) : o);
    const ai_getset_def *g = find_getset(ai_type_of(o), name);
    if (g) return g->get(o);
    if (attr_name_is(name, "__class__")) return ai_val(ai_type_of(o));
    /* Dunders a builtin type implements through its slots: (5).__add__. */
    ai_value w = cls_static_dunder(o, name);
    if (w || exc_pending()) return w;
    return attr_error(o, name);
}

static int32_t set_or_del(ai_value o, ai_value name, ai_value v) {
    const ai_slots *s = obj_slots(o);
    if (s->setattr) return s->setattr(o, name, v);
    int64_t n;
    const char *nm = str_utf8(name, &n);
    if (is_type_object(o)) {
        if (((ai_type *)ai_obj(o))->flags & AI_TF_HEAPTYPE) return cls_type_setattr(o, name, v);
        ai_raise_fmt(&ai_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", nm ? nm : "?",
                     ((ai_type *)ai_obj(o))->name);
        return -1;
    }
    if (attr_find_method(ai_type_of(o), name) || find_getset(ai_type_of(o), name)) {
        ai_raise_fmt(&ai_exc_AttributeError, "'%s' object attribute '%s' is read-only", obj_type_name(o),
                     nm ? nm : "?");
        return -1;
    }
    ai_raise_fmt(&ai_exc_AttributeError, "'%s' object has no attribute '%s'", obj_type_name(o), nm ? nm : "?");
    return -1;
}

int32_t ai_setattr(ai_value o, ai_value name, ai_value v) { return set_or_del(o, name, v); }
int32_t ai_delattr(ai_value o, ai_value name) { return set_or_del(o, name, 0); }

/* Receivers whose method calls objects/class.c handles: instances of
 * classes, classes and super objects. It keeps its own records in the
 * same cache word (tagged with bit 0, which an ai_method_def pointer
 * never has; site_method tags with bit 1). */
static bool class_call_site(ai_value o, const ai_type *t) {
    return (t->flags & AI_TF_HEAPTYPE) || t == &cls_super_type ||
           ((t == &ai_type_type || (t->flags & AI_TF_METACLASS)) &&
            (((const ai_type *)ai_obj(o))->flags & AI_TF_HEAPTYPE));
}

/* The builtin method o.name that a call site on a builtin receiver
 * calls with o first, through the site's cache; NULL when the call goes
 * through the attribute (a getattr slot, a class or static method, a
 * type object, no such method). */
/* Does builtin type t itself (not a base) define a method named name? A
 * scan of its own table by pointer and first letter: cheaper than the
 * lookup it saves. */
static bool defines_own(const ai_type *t, const char *name) {
    const ai_method_def *m = obj_slots_of_type(t)->methods;
    if (m)
        for (; m->name; m++)
            if (m->name == name || (m->name[0] == name[0] && !strcmp(m->name, name))) return true;
    return false;
}

/* An entry tagged with bit 1 is a method t's direct base defines (Task's
 * result() is Future's): valid for a receiver type whose base owns it and
 * that neither overrides it nor has a getattr slot. */
static bool inherited_ok(const ai_type *t, const ai_method_def *d) {
    /* A builtin type's methods never change: the last pair found valid
     * is remembered (per thread), sparing the scan of t's method table
     * at every call (spawn_many's 200,000 `t.result()`: 2% of its run). */
    static __thread const ai_type *ok_t;
    static __thread const ai_method_def *ok_d;
    if (t == ok_t && d == ok_d) return true;
    bool ok = t->base == d->owner && !obj_slots_of_type(t)->getattr && !defines_own(t, d->name);
    if (ok && !(t->flags & AI_TF_HEAPTYPE)) {
        ok_t = t;
        ok_d = d;
    }
    return ok;
}

static const ai_method_def *site_method_slow(ai_value o, const ai_type *t, ai_value name,
                                             _Atomic(uintptr_t) *slot, uintptr_t w);

/* (the hit of an untagged entry inline; all else out of line, so that the
 * hit saves and restores no registers) */
static inline const ai_method_def *site_method(ai_value o, const ai_type *t, ai_value name, void *cache) {
    _Atomic(uintptr_t) *slot = cache;
    /* relaxed: the entry is immutable static data; the owner check below
     * makes a stale or foreign entry harmless. */
    uintptr_t w = slot ? atomic_load_explicit(slot, memory_order_relaxed) : 0;
    const ai_method_def *d = (const ai_method_def *)w;
    if (w && !(w & 3) && d->owner == t) return d->flags & (AI_METH_CLASS | AI_METH_STATIC) ? NULL : d;
    return site_method_slow(o, t, name, slot, w);
}

__attribute__((noinline)) static const ai_method_def *site_method_slow(ai_value o, const ai_type *t, ai_value name,
                                                                       _Atomic(uintptr_t) *slot, uintptr_t w) {
    const ai_method_def *d = (w & 1) ? NULL : (const ai_method_def *)(w & ~(uintptr_t)2);
    if (!d || (d->owner != t && !((w & 2) && inherited_ok(t, d)))) {
        d = NULL;
        if (!obj_slots_of_type(t)->getattr && !is_type_object(o)) {
            d = attr_find_method(t, name);
            if (d && slot && d->owner == t) atomic_store_explicit(slot, (uintptr_t)d, memory_order_relaxed);
            else if (d && slot && inherited_ok(t, d))
                atomic_store_explicit(slot, (uintptr_t)d | 2, memory_order_relaxed);
        }
    }
    return d && !(d->flags & (AI_METH_CLASS | AI_METH_STATIC)) ? d : NULL;
}

static ai_value call_method_general(ai_value o, ai_value name, const ai_value *args, int64_t nargs,
                                    ai_value kwnames, void *cache);

/* A hit of the site's untagged entry is a builtin method of o's own type
 * (site_method_slow stores one only for a receiver that is not a class
 * call site: a builtin type owns it, never a heap type, and a type object
 * never caches one), so it is called at once as a tail call: `w.lower()`,
 * `d.get(k)` in a text loop pay no class test and save no registers. */
ai_value ai_call_method(ai_value o, ai_value name, const ai_value *args, int64_t nargs, ai_value kwnames,
                        void *cache) {
    uintptr_t w = cache ? atomic_load_explicit((_Atomic(uintptr_t) *)cache, memory_order_relaxed) : 0;
    const ai_method_def *d = (const ai_method_def *)w;
    if (w && !(w & 3) && d->owner == ai_type_of(o) && !(d->flags & (AI_METH_CLASS | AI_METH_STATIC)))
        return d->fn(o, args, nargs, kwnames);
    return call_method_general(o, name, args, nargs, kwnames, cache);
}

__attribute__((noinline)) static ai_value call_method_general(ai_value o, ai_value name, const ai_value *args,
                                                              int64_t nargs, ai_value kwnames, void *cache) {
    const ai_type *t = ai_type_of(o);
    if (class_call_site(o, t)) return cls_call_method(o, name, args, nargs, kwnames, cache);
    const ai_method_def *d = site_method(o, t, name, cache);
    if (d) return d->fn(o, args, nargs, kwnames);
    ai_value f = ai_getattr(o, name);
    if (!f) {
        exc_mark_lookup_failed();
        return AI_ERR;
    }
    return ai_call(f, args, nargs, kwnames);
}

static ai_value await_method_general(ai_value o, ai_value name, const ai_value *args, int64_t nargs,
                                     ai_value kwnames, void *cache, int32_t line);

/* `await q.get()`: a builtin coroutine method run now is the common case
 * (every Queue hop takes two), kept apart from the general path's
 * register saves. */
ai_value ai_await_method(ai_value o, ai_value name, const ai_value *args, int64_t nargs, ai_value kwnames,
                         void *cache, int32_t line) {
    const ai_type *t = ai_type_of(o);
    if (!class_call_site(o, t)) {
        const ai_method_def *d = site_method(o, t, name, cache);
        if (d && (d->flags & AI_METH_AWAITS_NOW)) {
            ai_gen *cur = gen_await_enter(line);
            ai_value r = d->fn(o, args, nargs | AI_NARGS_AWAIT_NOW, kwnames);
            gen_await_leave(cur);
            return r;
        }
    }
    return await_method_general(o, name, args, nargs, kwnames, cache, line);
}

__attribute__((noinline)) static ai_value await_method_general(ai_value o, ai_value name, const ai_value *args,
                                                               int64_t nargs, ai_value kwnames, void *cache,
                                                               int32_t line) {
    const ai_type *t = ai_type_of(o);
    ai_value r;
    if (class_call_site(o, t)) {
        r = cls_call_method(o, name, args, nargs, kwnames, cache);
    } else {
        const ai_method_def *d = site_method(o, t, name, cache);
        if (d) {
            r = d->fn(o, args, nargs, kwnames);
        } else {
            ai_value f = ai_getattr(o, name);
            if (!f) {
                exc_mark_lookup_failed();
                return AI_ERR;
            }
            if (obj_is_type(f, &ai_builtin_function_type) && ((ai_builtin_fn *)ai_obj(f))->awaits_now) {
                ai_await_direct_enter(line);
                r = ((ai_builtin_fn *)ai_obj(f))->fn(f, args, nargs | AI_NARGS_AWAIT_NOW, kwnames);
                ai_await_direct_leave();
                return r;
            }
            r = ai_call(f, args, nargs, kwnames);
        }
    }
    return ai_await(r, line);
}
