/*
 * objects/class.c — user-defined classes: `class C(B): body` at run time.
 *
 * ai_class_new (called after the emitter ran the body into a dict)
 * computes the C3 MRO, checks that the bases' layouts fit, resolves the
 * dunders along the MRO and installs the trampolines of class_slots.c, so
 * every generic path (ops, hashing, iteration, repr …) works unchanged.
 * Also here: instance attribute lookup and stores (data descriptors,
 * instance dict, class, __getattr__), calling a class (__new__, __init__),
 * C.x / C.x = v, __slots__, the per-class attribute cache, and the
 * method-call fast path of ai_call_method (no bound method; a call-site
 * record of (class, version) → function).
 *
 * Classes are shared by the workers that run the actors: lookup caches
 * are written with atomics (seqlock entries, immutable records published
 * by a release store); a class is expected to be changed after creation
 * (C.x = v) by one actor at a time.
 * Builtin bases: object, the exceptions, int, float, complex, str,
 * bytes, bytearray, tuple, list, dict, set, frozenset, property,
 * staticmethod, classmethod, array.array, and the types with a subinit
 * slot (asyncio's Queue, Future, Lock …: core/object.h) (instance
 * layouts: class.h).
 * CPython's final types (bool, range, slice, memoryview …) are refused
 * as it refuses them; other builtin bases (asyncio.Task, the dict views
 * …) raise NotImplementedError. Metaclasses, class
 * keywords and __prepare__: class_meta.c.
 */
#include "objects/class.h"

#include "gc/gc.h"
#include "objects/text.h"

#include <pthread.h>
#include <stdlib.h>

/* ---- dunder names --------------------------------------------------------- */

const char *const cls_dunder_name[D_COUNT] = {
    [D_INIT] = "__init__", [D_NEW] = "__new__", [D_CALL] = "__call__", [D_REPR] = "__repr__",
    [D_STR] = "__str__", [D_HASH] = "__hash__", [D_BOOL] = "__bool__", [D_LEN] = "__len__",
    [D_ITER] = "__iter__", [D_NEXT] = "__next__", [D_GETITEM] = "__getitem__",
    [D_SETITEM] = "__setitem__", [D_DELITEM] = "__delitem__", [D_CONTAINS] = "__contains__",
    [D_INDEX] = "__index__", [D_GETATTR] = "__getattr__", [D_GETATTRIBUTE] = "__getattribute__",
    [D_SETATTR] = "__setattr__", [D_DELATTR] = "__delattr__", [D_GET] = "__get__",
    [D_SET] = "__set__", [D_DELETE] = "__delete__", [D_FORMAT] = "__format__",
    [D_INIT_SUBCLASS] = "__init_subclass__", [D_SET_NAME] = "__set_name__",
    [D_LT] = "__lt__", [D_LE] = "__le__", [D_EQ] = "__eq__", [D_NE] = "__ne__", [D_GT] = "__gt__",
    [D_GE] = "__ge__", [D_NEG] = "__neg__", [D_POS] = "__pos__", [D_INVERT] = "__invert__",
    [D_ABS] = "__abs__",
#define BIN(OP, NAME) [D_BINOP + OP] = "__" NAME "__", [D_RBINOP + OP] = "__r" NAME "__"
#define IBIN(OP, NAME) [D_IBINOP + OP] = "__i" NAME "__"
    BIN(AI_OP_ADD, "add"), BIN(AI_OP_SUB, "sub"), BIN(AI_OP_MUL, "mul"),
    BIN(AI_OP_MATMUL, "matmul"), BIN(AI_OP_TRUEDIV, "truediv"), BIN(AI_OP_MOD, "mod"),
    BIN(AI_OP_POW, "pow"), BIN(AI_OP_LSHIFT, "lshift"), BIN(AI_OP_RSHIFT, "rshift"),
    BIN(AI_OP_OR, "or"), BIN(AI_OP_XOR, "xor"), BIN(AI_OP_AND, "and"),
    BIN(AI_OP_FLOORDIV, "floordiv"), BIN(13, "divmod"),
    IBIN(AI_OP_ADD, "add"), IBIN(AI_OP_SUB, "sub"), IBIN(AI_OP_MUL, "mul"),
    IBIN(AI_OP_MATMUL, "matmul"), IBIN(AI_OP_TRUEDIV, "truediv"), IBIN(AI_OP_MOD, "mod"),
    IBIN(AI_OP_POW, "pow"), IBIN(AI_OP_LSHIFT, "lshift"), IBIN(AI_OP_RSHIFT, "rshift"),
    IBIN(AI_OP_OR, "or"), IBIN(AI_OP_XOR, "xor"), IBIN(AI_OP_AND, "and"),
    IBIN(AI_OP_FLOORDIV, "floordiv"),
#undef BIN
#undef IBIN
};

ai_value cls_dunder_str[D_COUNT];
static ai_value str_module, str_qualname, str_doc, str_main;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static ai_value const_str(const char *s) { return ai_const_str(s, (int64_t)strlen(s)); }

static void init_names(void) {
    for (int i = 0; i < D_COUNT; i++) cls_dunder_str[i] = const_str(cls_dunder_name[i]);
    str_module = const_str("__module__");
    str_qualname = const_str("__qualname__");
    str_doc = const_str("__doc__");
    str_main = const_str("__main__");
}

void cls_init(void) { pthread_once(&init_once, init_names); }

bool cls_is_dunder_name(ai_value name) {
    const ai_strobj *s = str_obj(name);
    if (s->kind != 1 || s->len < 5) return false;
    const char *p = str_data(s);
    return p[0] == '_' && p[1] == '_' && p[s->len - 1] == '_' && p[s->len - 2] == '_';
}

int cls_dunder_index(ai_value name) {
    if (!cls_is_dunder_name(name)) return -1;
    for (int i = 0; i < D_COUNT; i++)
        if (attr_name_is(name, cls_dunder_name[i])) return i;
    return -1;
}

/* ---- subtypes and names -------------------------------------------------- */

bool cls_is_subtype(const ai_type *t, const ai_type *base) {
    if (t == base) return true;
    if (cls_check_type(t)) {
        ai_tuple *m = tuple_obj(((const cls_type *)t)->mro);
        for (int64_t i = 1; i < m->len; i++)
            if ((const ai_type *)ai_obj(m->items[i]) == base) return true;
        return false;
    }
    /* ExceptionGroup's second base (Exception) is not in the chain. */
    if (base == &ai_exc_Exception && obj_type_is_sub(t, &ai_exc_ExceptionGroup)) return true;
    return obj_type_is_sub(t, base);
}

void cls_add_fullname(strbuf *b, const ai_type *t) {
    if (!cls_check_type(t)) {
        if (t->module) {
            sb_adds(b, t->module);
            sb_addc(b, '.');
        }
        sb_adds(b, t->name);
        return;
    }
    const cls_type *ct = (const cls_type *)t;
    ai_value mod;
    if (dict_get(ct->dict, str_module, &mod) == 1 && str_check(mod) &&
        !attr_name_is(mod, "builtins")) {
        sb_add_str(b, mod);
        sb_addc(b, '.');
    }
    sb_add_str(b, ct->qualname);
}

void cls_add_exc_name(strbuf *b, const ai_type *t) {
    if (!cls_check_type(t)) {
        if (t->module) {
            sb_adds(b, t->module);
            sb_addc(b, '.');
        }
        sb_adds(b, t->name);
        return;
    }
    const cls_type *ct = (const cls_type *)t;
    ai_value mod;
    if (dict_get(ct->dict, str_module, &mod) == 1 && str_check(mod) &&
        !attr_name_is(mod, "builtins") && !attr_name_is(mod, "__main__")) {
        sb_add_str(b, mod);
        sb_addc(b, '.');
    }
    sb_add_str(b, ct->qualname);
}

/* ---- what builtin types define ----------------------------------------- */

typedef void (*anyfn)(void);

static ai_binaryfunc binop_slot(const ai_slots *s, int op) {
    switch (op) {
    case AI_OP_ADD: return s->add;
    case AI_OP_SUB: return s->sub;
    case AI_OP_MUL: return s->mul;
    case AI_OP_MATMUL: return s->matmul;
    case AI_OP_TRUEDIV: return s->truediv;
    case AI_OP_MOD: return s->mod;
    case AI_OP_POW: return s->pow;
    case AI_OP_LSHIFT: return s->lshift;
    case AI_OP_RSHIFT: return s->rshift;
    case AI_OP_OR: return s->or_;
    case AI_OP_XOR: return s->xor_;
    case AI_OP_AND: return s->and_;
    case AI_OP_FLOORDIV: return s->floordiv;
    default: return s->divmod;
    }
}

/* The slot of builtin type t that implements dunder idx (as a generic
 * function pointer, only compared), or NULL. */
static anyfn static_slot(const ai_type *t, int idx) {
    const ai_slots *s = obj_slots_of_type(t);
    if (idx >= D_BINOP && idx < D_RBINOP) {
        int op = idx - D_BINOP;
        if (op == AI_OP_ADD && !s->add) return (anyfn)s->concat;
        if (op == AI_OP_MUL && !s->mul) return (anyfn)s->repeat;
        return (anyfn)binop_slot(s, op);
    }
    if (idx >= D_RBINOP && idx < D_IBINOP) return (anyfn)binop_slot(s, idx - D_RBINOP);
    switch (idx) {
    case D_INIT:
    case D_NEW: return (anyfn)s->construct;
    case D_CALL: return (anyfn)t->call;
    case D_REPR: return (anyfn)t->repr;
    case D_STR: return (anyfn)t->str;
    case D_HASH: return (anyfn)s->hash;
    case D_BOOL: return (anyfn)s->truthy;
    case D_LEN: return (anyfn)s->len;
    case D_ITER: return (anyfn)s->iter;
    case D_NEXT: return (anyfn)s->next;
    case D_GETITEM: return (anyfn)s->getitem;
    case D_SETITEM:
    case D_DELITEM: return (anyfn)s->setitem;
    case D_CONTAINS: return (anyfn)s->contains;
    case D_INDEX: return (anyfn)s->index;
    case D_LT: case D_LE: case D_EQ: case D_NE: case D_GT: case D_GE:
        return (anyfn)s->richcompare;
    case D_NEG: return (anyfn)s->neg;
    case D_POS: return (anyfn)s->pos;
    case D_INVERT: return (anyfn)s->invert;
    case D_ABS: return (anyfn)s->abs;
    default: return NULL; /* attribute hooks, descriptors, in-place ops */
    }
}

bool cls_static_defines(const ai_type *t, int idx) {
    if (t == &ai_object_type) {
        switch (idx) {
        case D_INIT: case D_NEW: case D_REPR: case D_STR: case D_HASH: case D_FORMAT:
        case D_GETATTRIBUTE: case D_SETATTR: case D_DELATTR: case D_INIT_SUBCLASS:
        case D_LT: case D_LE: case D_EQ: case D_NE: case D_GT: case D_GE:
            return true;
        default: return false;
        }
    }
    anyfn f = static_slot(t, idx);
    if (!f) return false;
    return !t->base || static_slot(t->base, idx) != f;
}

/* ---- lookup ------------------------------------------------------------------ */

/* list, dict, set, bytearray and the set-like dict views: __hash__ is
 * None on them, as in CPython. */
static bool static_unhashable(const ai_type *t) {
    return t == &ai_list_type || t == &ai_dict_type || t == &ai_set_type || t == &ai_bytearray_type ||
           t == &ai_dict_keys_type || t == &ai_dict_items_type;
}

/* A name on builtin type t itself: its method table, its getsets, or one
 * of the dunders it implements through a slot. */
static bool static_probe(const ai_type *t, ai_value name, cls_found *out) {
    const ai_slots *s = obj_slots_of_type(t);
    if (s->methods)
        for (const ai_method_def *d = s->methods; d->name; d++)
            if (attr_name_is(name, d->name)) {
                out->kind = CF_METHOD;
                out->def = d;
                out->owner = t;
                return true;
            }
    if (s->getset)
        for (const ai_getset_def *g = s->getset; g->name; g++)
            if (attr_name_is(name, g->name)) {
                out->kind = CF_GETSET;
                out->gs = g;
                out->owner = t;
                return true;
            }
    int idx = cls_dunder_index(name);
    if (idx == D_HASH && static_unhashable(t)) {
        out->kind = CF_VALUE;
        out->value = AI_NONE;
        out->owner = t;
        return true;
    }
    if (idx >= 0 && cls_static_defines(t, idx)) {
        out->kind = CF_WRAPPER;
        out->idx = idx;
        out->owner = t;
        return true;
    }
    return false;
}

/* The per-class attribute cache. A class dict value that is not
 * "methodish" (a plain data value) can be replaced without a new version
 * stamp (class counters: C.count += 1), so for those the entry keeps the
 * owner class and the value is re-read from its dict. */
enum { CACHE_RELOAD = 0x100 };

static bool is_methodish(ai_value v);

static int64_t name_hash(ai_value name) {
    int64_t h = atomic_load_explicit((_Atomic int64_t *)&str_obj(name)->hash, memory_order_relaxed);
    return h != -1 ? h : str_hash(name);
}

static bool cache_get(cls_type *ct, ai_value name, uint64_t ver, cls_found *out) {
    cls_cache_entry *tab = atomic_load_explicit(&ct->cache, memory_order_acquire);
    if (!tab) return false;
    cls_cache_entry *e = &tab[(uint64_t)name_hash(name) & (CLS_CACHE_SIZE - 1)];
    uint64_t s1 = atomic_load_explicit(&e->seq, memory_order_acquire);
    if (s1 & 1) return false;
    /* acquire (each): the field loads happen before the re-check of seq
     * below (an acquire fence would do the same, but TSan cannot model
     * fences; on x86 acquire loads are plain loads). */
    uintptr_t n = atomic_load_explicit(&e->name, memory_order_acquire);
    uint64_t v = atomic_load_explicit(&e->version, memory_order_acquire);
    uintptr_t a = atomic_load_explicit(&e->a, memory_order_acquire);
    uintptr_t b = atomic_load_explicit(&e->b, memory_order_acquire);
    uint32_t kind = atomic_load_explicit(&e->kind, memory_order_acquire);
    uint64_t hs = atomic_load_explicit(&e->hash, memory_order_acquire);
    if (atomic_load_explicit(&e->seq, memory_order_relaxed) != s1) return false;
    /* The name is compared by identity and hash: the entry does not keep
     * its str alive, so a dead name's address may be reused by another. */
    if (n != (uintptr_t)name || v != ver || !n || hs != (uint64_t)name_hash(name)) return false;
    out->kind = (int)(kind & 0xff);
    switch (out->kind) {
    case CF_VALUE:
        if (kind & CACHE_RELOAD) {
            out->owner = (const ai_type *)a;
            return dict_get(((const cls_type *)a)->dict, name, &out->value) == 1;
        }
        out->value = (ai_value)a;
        out->owner = NULL;
        return true;
    case CF_WRAPPER: out->idx = (int)b; break;
    case CF_METHOD: out->def = (const ai_method_def *)b; break;
    case CF_GETSET: out->gs = (const ai_getset_def *)b; break;
    default: return true;
    }
    out->owner = (const ai_type *)a;
    return true;
}

static void cache_put(cls_type *ct, ai_value name, uint64_t ver, const cls_found *f) {
    cls_cache_entry *tab = atomic_load_explicit(&ct->cache, memory_order_acquire);
    if (!tab) {
        cls_cache_entry *n = calloc(CLS_CACHE_SIZE, sizeof *n);
        if (!n) return;
        cls_cache_entry *expect = NULL;
        if (atomic_compare_exchange_strong_explicit(&ct->cache, &expect, n, memory_order_acq_rel,
                                                    memory_order_acquire)) {
            tab = n;
        } else {
            free(n);
            tab = expect;
        }
    }
    cls_cache_entry *e = &tab[(uint64_t)name_hash(name) & (CLS_CACHE_SIZE - 1)];
    uint64_t s = atomic_load_explicit(&e->seq, memory_order_relaxed);
    /* Taking the entry (even → odd) is the writers' lock; a busy entry is
     * simply not filled this time. */
    if ((s & 1) || !atomic_compare_exchange_strong_explicit(&e->seq, &s, s + 1, memory_order_acquire,
                                                            memory_order_relaxed))
        return;
    uintptr_t a = (uintptr_t)f->owner, b = 0;
    uint32_t kind = (uint32_t)f->kind;
    switch (f->kind) {
    case CF_VALUE:
        if (is_methodish(f->value)) a = (uintptr_t)f->value;
        else kind |= CACHE_RELOAD;
        break;
    case CF_WRAPPER: b = (uintptr_t)f->idx; break;
    case CF_METHOD: b = (uintptr_t)f->def; break;
    case CF_GETSET: b = (uintptr_t)f->gs; break;
    default: break;
    }
    /* release (each): the odd seq taken above is visible before any field
     * changes (a release fence would do; TSan cannot model fences, and on
     * x86 release stores are plain stores). */
    atomic_store_explicit(&e->name, (uintptr_t)name, memory_order_release);
    atomic_store_explicit(&e->hash, (uint64_t)name_hash(name), memory_order_release);
    atomic_store_explicit(&e->version, ver, memory_order_release);
    atomic_store_explicit(&e->a, a, memory_order_release);
    atomic_store_explicit(&e->b, b, memory_order_release);
    atomic_store_explicit(&e->kind, kind, memory_order_release);
    atomic_store_explicit(&e->seq, s + 2, memory_order_release);
}

static int mro_walk(const ai_type *t, int64_t start, ai_value name, cls_found *out);

int cls_lookup(const ai_type *t, int64_t start, ai_value name, cls_found *out) {
    if (start == 0 && cls_check_type(t)) {
        cls_type *ct = (cls_type *)t;
        /* The version is read before the walk: a change that races with
         * it leaves an entry stamped with the old version (never used). */
        uint64_t ver = atomic_load_explicit(&ct->version, memory_order_acquire);
        if (cache_get(ct, name, ver, out)) return 0;
        if (mro_walk(t, 0, name, out) < 0) return -1;
        cache_put(ct, name, ver, out);
        return 0;
    }
    return mro_walk(t, start, name, out);
}

static int mro_walk(const ai_type *t, int64_t start, ai_value name, cls_found *out) {
    out->kind = CF_NONE;
    if (cls_check_type(t)) {
        ai_tuple *m = tuple_obj(((const cls_type *)t)->mro);
        for (int64_t i = start; i < m->len; i++) {
            const ai_type *k = (const ai_type *)ai_obj(m->items[i]);
            if (cls_check_type(k)) {
                int32_t rc = dict_get(((const cls_type *)k)->dict, name, &out->value);
                if (rc < 0) return -1;
                if (rc) {
                    out->kind = CF_VALUE;
                    out->owner = k;
                    return 0;
                }
            } else if (static_probe(k, name, out)) {
                return 0;
            }
        }
        return 0;
    }
    /* A builtin type: its base chain, ending at object. */
    int64_t i = 0;
    const ai_type *k = t, *last = NULL;
    for (; k; last = k, k = k->base, i++)
        if (i >= start && static_probe(k, name, out)) return 0;
    if (last != &ai_object_type && i >= start) static_probe(&ai_object_type, name, out);
    return 0;
}

static bool is_function(ai_value v) { return obj_is_type(v, &ai_function_type); }

/* What a slot wrapper binds to: __new__ is a static method, and
 * __init_subclass__ a class method; the others bind to instances. */
static ai_value wrapper_self(int idx, ai_value obj, const ai_type *tp) {
    if (idx == D_NEW) return 0;
    if (idx == D_INIT_SUBCLASS) return ai_val(obj && !obj_is_class(obj) ? ai_type_of(obj) : tp);
    return obj;
}

ai_value cls_bind(const cls_found *f, ai_value obj, const ai_type *tp) {
    switch (f->kind) {
    case CF_VALUE: {
        ai_value v = f->value;
        if (ai_is_smallint(v)) return v;
        ai_type *vt = ai_type_of_obj(ai_obj(v));
        if (vt == &ai_function_type) return obj ? cls_method_new(v, obj) : v;
        if (vt == &cls_staticmethod_type) return ((cls_funcwrap *)ai_obj(v))->func;
        if (vt == &cls_classmethod_type)
            return cls_method_new(((cls_funcwrap *)ai_obj(v))->func, ai_val(tp));
        if (cls_is_prop_type(vt)) return cls_prop_get(v, obj, tp);
        if (vt == &cls_member_type) return obj ? cls_member_get(v, obj) : v;
        if (vt == &cls_wrapper_type) {
            cls_wrapper *w = (cls_wrapper *)ai_obj(v);
            return obj && w->idx != D_NEW ? cls_wrapper_new(w->owner, w->idx, obj) : v;
        }
        if (cls_check_type(vt) && ((cls_type *)vt)->dunder[D_GET]) {
            ai_value a[2] = {obj ? obj : AI_NONE, ai_val(tp)};
            return cls_call_dunder(((cls_type *)vt)->dunder[D_GET], v, a, 2);
        }
        if (cls_check_type(vt)) {
            /* A subclass of staticmethod/classmethod keeping its __get__. */
            const ai_type *sol = ((cls_type *)vt)->solid;
            if (sol == &cls_staticmethod_type) return ((cls_funcwrap *)ai_obj(v))->func;
            if (sol == &cls_classmethod_type) return cls_method_new(((cls_funcwrap *)ai_obj(v))->func, ai_val(tp));
        }
        return v;
    }
    case CF_WRAPPER:
        return cls_wrapper_new(f->owner, f->idx, wrapper_self(f->idx, obj, tp));
    case CF_METHOD: {
        ai_value self = obj;
        if (f->def->flags & AI_METH_CLASS) self = ai_val(obj ? ai_type_of(obj) : tp);
        if (f->def->flags & AI_METH_STATIC) self = 0;
        return attr_method_new(f->def, self);
    }
    case CF_GETSET:
        if (obj) return f->gs->get(obj);
        /* A builtin getset read from a class: not modelled. */
        return ai_raise_fmt(&ai_exc_AttributeError, "type object '%s' has no attribute '%s'",
                            tp->name, f->gs->name);
    default: return ai_raise_msg(&ai_exc_SystemError, "cls_bind: nothing found");
    }
}

ai_value cls_call_self(ai_value f, ai_value self, const ai_value *args, int64_t nargs,
                       ai_value kwnames) {
    int64_t total = nargs + (kwnames ? tuple_obj(kwnames)->len : 0);
    ai_value small[16];
    ai_value *buf = small;
    if (total + 1 > (int64_t)(sizeof small / sizeof small[0])) {
        buf = gc_vals_alloc(total + 1); /* seen by the collector */
        if (!buf) return AI_ERR;
    }
    buf[0] = self;
    if (total) memcpy(buf + 1, args, sizeof(ai_value) * (size_t)total);
    ai_value r = ai_call(f, buf, nargs + 1, kwnames);
    if (buf != small) gc_vals_free(buf);
    return r;
}

ai_value cls_call_found(const cls_found *f, ai_value obj, const ai_type *tp, const ai_value *args,
                        int64_t nargs, ai_value kwnames) {
    switch (f->kind) {
    case CF_VALUE: {
        ai_value v = f->value;
        if (!ai_is_smallint(v)) {
            ai_type *vt = ai_type_of_obj(ai_obj(v));
            if (vt == &ai_function_type) return cls_call_self(v, obj, args, nargs, kwnames);
            if (vt == &cls_staticmethod_type)
                return ai_call(((cls_funcwrap *)ai_obj(v))->func, args, nargs, kwnames);
            if (vt == &cls_classmethod_type)
                return cls_call_self(((cls_funcwrap *)ai_obj(v))->func, ai_val(tp), args, nargs,
                                     kwnames);
        }
        break;
    }
    case CF_WRAPPER:
        return cls_wrapper_invoke(f->owner, f->idx, wrapper_self(f->idx, obj, tp), args, nargs,
                                  kwnames);
    case CF_METHOD: {
        const ai_method_def *d = f->def;
        ai_value self = obj;
        if (d->flags & AI_METH_CLASS) self = ai_val(tp);
        if (d->flags & AI_METH_STATIC) self = 0;
        /* A method of an immutable base never returns its receiver: str
         * methods of a str subclass return str (cls_exact_result). */
        ai_value r = d->fn(self, args, nargs, kwnames);
        return d->flags & AI_METH_KEEPS_SELF ? r : cls_exact_result(r, obj, 0);
    }
    default: break;
    }
    ai_value b = cls_bind(f, obj, tp);
    if (!b) return AI_ERR;
    return ai_call(b, args, nargs, kwnames);
}

/* A plain def's body called directly with self and up to this many
 * arguments (ai_func_info_direct), in dunders, __init__ and cached calls. */
#define DIRECT_MAX_ARGS 5
static ai_value call_body(void *body, ai_value o, const ai_value *a, int64_t nargs);

ai_value cls_call_dunder(ai_value f, ai_value self, const ai_value *args, int64_t nargs) {
    if (is_function(f)) {
        /* The hot case (every operator on an instance): no binding; a plain
         * def taking exactly self and these arguments has its body called
         * directly, as a cached method call does. */
        const ai_function *fn = (const ai_function *)ai_obj(f);
        if ((fn->info->flags & AI_FUNC_DIRECT) && !fn->closure && nargs <= DIRECT_MAX_ARGS &&
            ((const ai_func_info_direct *)fn->info)->direct == nargs + 2)
            return call_body(((const ai_func_info_direct *)fn->info)->body, self, args, nargs);
        ai_value buf[4];
        if (nargs <= 3) {
            buf[0] = self;
            for (int64_t i = 0; i < nargs; i++) buf[i + 1] = args[i];
            return ai_call(f, buf, nargs + 1, 0);
        }
    }
    cls_found fd = {.kind = CF_VALUE, .value = f};
    return cls_call_found(&fd, self, ai_type_of(self), args, nargs, 0);
}

/* ---- instances: attribute access ---------------------------------------------- */

static bool is_methodish(ai_value v) {
    if (ai_is_smallint(v)) return false;
    ai_type *t = ai_type_of_obj(ai_obj(v));
    return t == &ai_function_type || t == &cls_staticmethod_type || t == &cls_classmethod_type ||
           (cls_check_type(t) && (((cls_type *)t)->solid == &cls_staticmethod_type ||
                                  ((cls_type *)t)->solid == &cls_classmethod_type)) ||
           cls_is_prop_type(t) || t == &cls_wrapper_type || t == &cls_member_type ||
           (cls_check_type(t) && (((cls_type *)t)->dunder[D_GET] || ((cls_type *)t)->dunder[D_SET]));
}

static void set_flag(cls_type *ct, uint32_t flag) {
    atomic_fetch_or_explicit(&ct->cflags, flag, memory_order_relaxed);
}

void cls_set_shadowed(cls_type *ct) {
    /* relaxed: the flag is only a hint read with the version stamp, whose
     * release store below orders it for readers that see the new stamp. */
    uint32_t old = atomic_fetch_or_explicit(&ct->cflags, CLS_SHADOWED, memory_order_relaxed);
    if (!(old & CLS_SHADOWED)) cls_new_version(ct);
}

/* object.__getattribute__ without the final AttributeError: 1 found, 0
 * missing (no exception), -1 error. */
static int generic_getattr(ai_value o, ai_value name, ai_value *out) {
    cls_type *ct = cls_of(o);
    cls_found f;
    if (cls_lookup(&ct->t, 0, name, &f) < 0) return -1;
    if (f.kind == CF_VALUE && !ai_is_smallint(f.value)) {
        ai_value v = f.value;
        ai_type *vt = ai_type_of_obj(ai_obj(v));
        if (cls_is_prop_type(vt)) return (*out = cls_prop_get(v, o, &ct->t)) ? 1 : -1;
        if (vt == &cls_member_type) return (*out = cls_member_get(v, o)) ? 1 : -1;
        if (cls_check_type(vt)) {
            cls_type *dt = (cls_type *)vt;
            if (dt->dunder[D_GET] && (dt->dunder[D_SET] || dt->dunder[D_DELETE])) {
                ai_value a[2] = {o, ai_val(ct)};
                return (*out = cls_call_dunder(dt->dunder[D_GET], v, a, 2)) ? 1 : -1;
            }
        }
    } else if (f.kind == CF_GETSET) {
        return (*out = f.gs->get(o)) ? 1 : -1;
    }
    if (cls_is_dunder_name(name)) {
        if (attr_name_is(name, "__class__")) {
            *out = ai_val(ct);
            return 1;
        }
        if (attr_name_is(name, "__dict__") &&
            !(atomic_load_explicit(&ct->cflags, memory_order_relaxed) & CLS_NO_DICT)) {
            /* The dict escapes: method calls can no longer assume that it
             * holds no method names. */
            cls_set_shadowed(ct);
            return (*out = cls_inst_dict(o, ct)) ? 1 : -1;
        }
    }
    int32_t rc = cls_inst_lookup(o, ct, name, out);
    if (rc) return rc;
    if (f.kind == CF_NONE) return 0;
    return (*out = cls_bind(&f, o, &ct->t)) ? 1 : -1;
}

ai_value cls_generic_getattr(ai_value o, ai_value name) {
    if (!cls_check_type(ai_type_of(o))) return ai_getattr(o, name);
    if (ai_type_of(o)->flags & AI_TF_METACLASS) return cls_meta_generic_getattr(o, name);
    ai_value v;
    int rc = generic_getattr(o, name, &v);
    if (rc > 0) return v;
    if (rc < 0) return AI_ERR;
    return attr_error(o, name);
}

/* The getattr slot of every class. */
static ai_value inst_getattr(ai_value o, ai_value name) {
    cls_type *ct = cls_of(o);
    ai_value v;
    if (ct->dunder[D_GETATTRIBUTE]) {
        v = cls_call_dunder(ct->dunder[D_GETATTRIBUTE], o, &name, 1);
        if (v || !ct->dunder[D_GETATTR] || !exc_pending_is(&ai_exc_AttributeError)) return v;
        exc_clear();
        return cls_call_dunder(ct->dunder[D_GETATTR], o, &name, 1);
    }
    int rc = generic_getattr(o, name, &v);
    if (rc > 0) return v;
    if (rc < 0) return AI_ERR;
    if (ct->dunder[D_GETATTR]) return cls_call_dunder(ct->dunder[D_GETATTR], o, &name, 1);
    return attr_error(o, name);
}

static int32_t no_attr(ai_value o, ai_value name) {
    attr_error(o, name);
    return -1;
}

static int32_t set_class(ai_value o, cls_type *ct, ai_value v);

int32_t cls_generic_setattr(ai_value o, ai_value name, ai_value v) {
    cls_type *ct = cls_of(o);
    if (!cls_check_type(&ct->t)) return v ? ai_setattr(o, name, v) : ai_delattr(o, name);
    if (ct->t.flags & AI_TF_METACLASS) return cls_meta_generic_setattr(o, name, v);
    cls_found f;
    if (cls_lookup(&ct->t, 0, name, &f) < 0) return -1;
    if (f.kind == CF_VALUE && !ai_is_smallint(f.value)) {
        ai_value d = f.value;
        ai_type *dt = ai_type_of_obj(ai_obj(d));
        if (cls_is_prop_type(dt)) return cls_prop_set(d, o, v);
        if (dt == &cls_member_type) return cls_member_set(d, o, v);
        if (cls_check_type(dt)) {
            cls_type *dct = (cls_type *)dt;
            ai_value m = v ? dct->dunder[D_SET] : dct->dunder[D_DELETE];
            if (m) {
                ai_value a[2] = {o, v};
                ai_value r = cls_call_dunder(m, d, a, v ? 2 : 1);
                return r ? 0 : -1;
            }
            if (dct->dunder[D_SET] || dct->dunder[D_DELETE]) {
                ai_raise_msg(&ai_exc_AttributeError, v ? "__set__" : "__delete__");
                return -1;
            }
        }
        if (v && is_methodish(d)) cls_set_shadowed(ct);
    } else if (f.kind == CF_GETSET) {
        /* Fields of a builtin base (an exception's args, __cause__ …). */
        const ai_slots *bs = obj_slots_of_type(ct->solid);
        if (bs->setattr) return bs->setattr(o, name, v);
    }
    if (cls_is_dunder_name(name) && attr_name_is(name, "__class__")) return set_class(o, ct, v);
    if (atomic_load_explicit(&ct->cflags, memory_order_relaxed) & CLS_NO_DICT) return no_attr(o, name);
    if (cls_is_dunder_name(name)) {
        if (attr_name_is(name, "__dict__")) {
            if (!v || !dict_check(v)) {
                ai_raise_fmt(&ai_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                             v ? obj_type_name(v) : "NoneType");
                return -1;
            }
            cls_set_shadowed(ct);
            cls_inst_set_dict(o, ct, v);
            return 0;
        }
    }
    if (v) return cls_inst_store(o, ct, name, v);
    int32_t rc = cls_inst_delete(o, ct, name);
    if (rc < 0) return -1;
    return rc ? 0 : no_attr(o, name);
}

/* The __slots__ names along t's MRO, as a list (for __class__ assignment). */
static ai_value slot_names_of(const cls_type *t) {
    ai_value l = list_new(0);
    if (!l) return AI_ERR;
    ai_tuple *m = tuple_obj(t->mro);
    for (int64_t i = 0; i < m->len; i++) {
        const ai_type *k = (const ai_type *)ai_obj(m->items[i]);
        if (!cls_check_type(k)) continue;
        int64_t pos = 0;
        ai_value name, v;
        while (dict_next(((const cls_type *)k)->dict, &pos, &name, &v, NULL))
            if (obj_is_type(v, &cls_member_type) && ai_list_append(l, name) < 0) return AI_ERR;
    }
    return l;
}

/* o.__class__ = v: another class whose instances have o's layout (the same
 * builtin base, dict and __slots__), as CPython allows; the header's type
 * word changes, the collector bits stay. */
static int32_t set_class(ai_value o, cls_type *ct, ai_value v) {
    if (!v) {
        ai_raise_msg(&ai_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!obj_is_class(v)) {
        ai_raise_fmt(&ai_exc_TypeError, "__class__ must be set to a class, not '%s' object", obj_type_name(v));
        return -1;
    }
    ai_type *nt = (ai_type *)ai_obj(v);
    if (!cls_check_type(nt)) {
        ai_raise_msg(&ai_exc_TypeError,
                     "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    cls_type *nct = (cls_type *)nt;
    bool same = nct->solid == ct->solid && nct->layout == ct->layout && nct->dictoffset == ct->dictoffset &&
                nct->t.basicsize == ct->t.basicsize && nct->t.gc_size == ct->t.gc_size &&
                ((atomic_load_explicit(&nct->cflags, memory_order_relaxed) ^
                  atomic_load_explicit(&ct->cflags, memory_order_relaxed)) & CLS_NO_DICT) == 0;
    if (same && nct != ct) {
        ai_value a = slot_names_of(ct), b = a ? slot_names_of(nct) : 0;
        if (!b) return -1;
        int32_t eq = ai_compare_bool(a, b, AI_CMP_EQ);
        if (eq < 0) return -1;
        same = eq == 1;
    }
    if (!same) {
        ai_raise_fmt(&ai_exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'", nt->name,
                     ct->t.name);
        return -1;
    }
    if (cls_inst_count(o, ct) > 0) cls_set_shadowed(nct);
    ai_object *ob = ai_obj(o);
    ob->hdr = (ob->hdr & AI_HDR_GC_MASK) | (uintptr_t)nt;
    return 0;
}

/* The setattr slot of every class (v == 0: del o.name). */
static int32_t inst_setattr(ai_value o, ai_value name, ai_value v) {
    cls_type *ct = cls_of(o);
    ai_value m = v ? ct->dunder[D_SETATTR] : ct->dunder[D_DELATTR];
    if (m) {
        ai_value a[2] = {name, v};
        ai_value r = cls_call_dunder(m, o, a, v ? 2 : 1);
        return r ? 0 : -1;
    }
    return cls_generic_setattr(o, name, v);
}

/* ---- instances: creation ---------------------------------------------------------- */

/* "Can't instantiate abstract class C with abstract methods a, b" */
static ai_value abstract_error(cls_type *ct) {
    ai_value am = 0;
    if (dict_get(ct->dict, const_str("__abstractmethods__"), &am) <= 0) am = ai_tuple_pack(NULL, 0);
    ai_value names = am ? list_from_iter(am) : 0;
    if (!names || list_sort(names, 0, false) < 0) return AI_ERR;
    ai_list *l = list_obj(names);
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "Can't instantiate abstract class %s with abstract method%s ", ct->t.name, l->len == 1 ? "" : "s");
    for (int64_t i = 0; i < l->len; i++) {
        if (i) sb_adds(&b, ", ");
        ai_value s = ai_str(l->items[i]);
        if (!s) {
            sb_free(&b);
            return AI_ERR;
        }
        sb_add_str(&b, s);
    }
    ai_value msg = sb_finish(&b);
    if (!msg) return AI_ERR;
    ai_value a = ai_tuple_pack(&msg, 1);
    return a ? exc_raise_args(&ai_exc_TypeError, a) : AI_ERR;
}

ai_value cls_alloc_instance(ai_type *cls, const ai_value *args, int64_t nargs) {
    if (cls_check_type(cls) && (atomic_load_explicit(&((cls_type *)cls)->cflags, memory_order_relaxed) & CLS_ABSTRACT))
        return abstract_error((cls_type *)cls);
    if (cls->flags & AI_TF_EXCEPTION) {
        ai_value tup = ai_tuple_pack(args, nargs);
        if (!tup) return AI_ERR;
        return exc_new(cls, tup);
    }
    if (cls_check_type(cls) && ((cls_type *)cls)->solid == &ai_set_type) return set_new(cls, 0);
    ai_object *o = ai_alloc(cls, cls->basicsize);
    if (!o) return AI_ERR;
    /* A base whose zeroed layout is not a valid instance (asyncio's
     * Queue, Future …) fills in its defaults now: the class's own
     * __init__ may never call the base's. */
    ai_vectorcall si = cls_check_type(cls) ? cls_subinit_of(cls) : NULL;
    if (si && !si(ai_val(o), NULL, -1, 0)) return AI_ERR;
    return ai_val(o);
}

ai_vectorcall cls_subinit_of(const ai_type *t) {
    while (t && cls_check_type(t)) t = t->base; /* (base: the base whose layout a class extends) */
    /* only a base of the same layout (PriorityQueue's is Queue's; Task's
     * is not Future's: Task has none) */
    for (const ai_type *b = t; b && b->basicsize == t->basicsize; b = b->base)
        if (obj_slots_of_type(b)->subinit) return obj_slots_of_type(b)->subinit;
    return NULL;
}

bool cls_value_from_new(const ai_type *solid) { return cls_immutable_base(solid) || solid == &ai_array_type; }

/* ---- subclasses of immutable builtin types ------------------------------------------ */

bool cls_immutable_base(const ai_type *t) {
    return t == &ai_int_type || t == &ai_float_type || t == &ai_complex_type || t == &ai_str_type ||
           t == &ai_bytes_type || t == &ai_tuple_type || t == &ai_frozenset_type;
}

ai_value cls_instance_from(ai_type *cls, ai_value base) {
    cls_type *ct = (cls_type *)cls;
    const ai_type *solid = ct->solid;
    if (solid == &ai_frozenset_type) return set_new(cls, base);
    if (ct->layout == CLS_LAYOUT_INTBOX) {
        ai_value v = int_unbool(base);
        ai_value *o = ai_alloc(cls, cls->basicsize);
        if (!o) return AI_ERR;
        o[1] = v;       /* fresh object: no barrier (gc.h, G7) */
        return ai_val(o);
    }
    /* float, str, bytes, tuple, array: the base's layout copied after the
     * header; for str/bytes/tuple the dict words follow the copy. */
    size_t size = solid->gc_size(ai_obj(base));
    size_t total = ct->layout == CLS_LAYOUT_VAR ? ((size + 7) & ~(size_t)7) + 2 * sizeof(ai_value) : cls->basicsize;
    char *o = ai_alloc(cls, total);
    if (!o) return AI_ERR;
    memcpy(o + sizeof(ai_object), (const char *)ai_obj(base) + sizeof(ai_object), size - sizeof(ai_object));
    if (solid == &ai_array_type) {
        /* the items buffer moves: the new array owns it alone (it is
         * mutable), and installing it is a store of a reference */
        ai_array *a = (ai_array *)ai_obj(base);
        a->len = a->cap = 0;
        a->data = NULL;
        gc_barrier_all((ai_object *)o);
    }
    return ai_val(o);
}

ai_value cls_exact_result_slow(ai_value r) {
    const ai_type *t = ai_type_of_obj(ai_obj(r));
    if (!cls_check_type(t)) return r;
    const cls_type *ct = (const cls_type *)t;
    const ai_type *solid = ct->solid;
    if (!cls_immutable_base(solid)) return r;
    if (ct->layout == CLS_LAYOUT_INTBOX) return int_unbool(r);
    if (solid == &ai_float_type) return ai_float_box(float_get(r));
    if (solid == &ai_complex_type) {
        double re, im;
        complex_parts(r, &re, &im);
        return complex_new(re, im);
    }
    if (solid == &ai_frozenset_type) return set_new(&ai_frozenset_type, r);
    size_t size = solid->gc_size(ai_obj(r));
    char *o = ai_alloc((ai_type *)solid, size);
    if (!o) return AI_ERR;
    memcpy(o + sizeof(ai_object), (const char *)ai_obj(r) + sizeof(ai_object), size - sizeof(ai_object));
    return ai_val(o);
}

/* The size of an instance of a class with a variable-sized base. */
static size_t inst_var_size(const ai_object *o) {
    const cls_type *ct = (const cls_type *)ai_type_of_obj(o);
    return ((ct->solid->gc_size(o) + 7) & ~(size_t)7) + 2 * sizeof(ai_value);
}

static int64_t nkw_of(ai_value kwnames) { return kwnames ? tuple_obj(kwnames)->len : 0; }

/* The construct slot: C(*args, **kwargs). */

/* The body of a plain __init__ that takes exactly nargs arguments after
 * self, or NULL: such an __init__ is called without binding. */
static void *direct_init_body(ai_value init, int64_t nargs, ai_value kwnames) {
    const ai_function *fn = obj_is_type(init, &ai_function_type) ? (const ai_function *)ai_obj(init) : NULL;
    if (fn && (fn->info->flags & AI_FUNC_DIRECT) && !fn->closure && !kwnames && nargs <= DIRECT_MAX_ARGS &&
        ((const ai_func_info_direct *)fn->info)->direct == nargs + 2)
        return ((const ai_func_info_direct *)fn->info)->body;
    return NULL;
}

ai_value cls_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    cls_type *ct = (cls_type *)ai_obj(cls);
    ai_value obj;
    /* The common case first: object.__new__ and a plain __init__ (or none
     * and no arguments) — an allocation and a direct call of the body. */
    if ((atomic_load_explicit(&ct->cflags, memory_order_relaxed) & (CLS_PLAIN_NEW | CLS_ABSTRACT)) == CLS_PLAIN_NEW) {
        ai_value init = ct->dunder[D_INIT];
        void *body = init ? direct_init_body(init, nargs, kwnames) : NULL;
        if (body || (!init && !nargs && !kwnames)) {
            ai_object *o = ai_alloc(&ct->t, ct->t.basicsize);
            if (!o) return AI_ERR;
            if (!body) return ai_val(o);
            ai_value r = call_body(body, ai_val(o), args, nargs);
            if (!r) return AI_ERR;
            if (r != AI_NONE)
                return ai_raise_fmt(&ai_exc_TypeError, "__init__() should return None, not '%s'",
                                    obj_type_name(r));
            return ai_val(o);
        }
    }
    bool has_new = ct->dunder[D_NEW] != 0;
    if (has_new) {
        obj = cls_call_self(ct->dunder[D_NEW], cls, args, nargs, kwnames);
        if (!obj) return AI_ERR;
        if (!cls_is_subtype(ai_type_of(obj), &ct->t)) return obj;
    } else if (ct->solid == &ai_type_type) {
        /* A metaclass without __new__: type.__new__(cls, name, bases, ns, **kw). */
        obj = cls_meta_new(&ct->t, args, nargs, kwnames);
        if (!obj) return AI_ERR;
        if (!cls_is_subtype(ai_type_of(obj), &ct->t)) return obj;
    } else if (cls_value_from_new(ct->solid)) {
        /* The builtin __new__: str(*args) etc., as an instance of cls
         * (array.__new__ leaves the keywords to a subclass's own
         * __init__, as CPython's does). */
        const ai_slots *bs = obj_slots_of_type(ct->solid);
        bool own_kw = ct->solid == &ai_array_type && ct->dunder[D_INIT];
        ai_value base = bs->construct(ai_val(ct->solid), args, nargs, own_kw ? 0 : kwnames);
        if (!base || !(obj = cls_instance_from(&ct->t, base))) return AI_ERR;
    } else {
        bool excess = nargs > 0 || nkw_of(kwnames) > 0;
        if (ct->solid == &ai_object_type && excess && !ct->dunder[D_INIT])
            return ai_raise_fmt(&ai_exc_TypeError, "%s() takes no arguments", ct->t.name);
        obj = cls_alloc_instance(&ct->t, args, nargs);
        if (!obj) return AI_ERR;
    }
    cls_type *ot = (cls_type *)ai_type_of(obj);
    ai_value init = ot->dunder[D_INIT];
    if (init) {
        ai_value r;
        void *body = direct_init_body(init, nargs, kwnames);
        if (body) {
            r = call_body(body, obj, args, nargs);
        } else {
            cls_found fi = {.kind = CF_VALUE, .value = init};
            r = cls_call_found(&fi, obj, &ot->t, args, nargs, kwnames);
        }
        if (!r) return AI_ERR;
        if (r != AI_NONE)
            return ai_raise_fmt(&ai_exc_TypeError, "__init__() should return None, not '%s'",
                                obj_type_name(r));
    } else if (ot->solid != &ai_object_type) {
        /* The builtin base's __init__: list(iterable), dict(mapping, **kw),
         * an exception's args (already set, but keywords are refused). */
        if (!cls_wrapper_invoke(ot->solid, D_INIT, obj, args, nargs, kwnames)) return AI_ERR;
    }
    return obj;
}

/* A constructor record and the class's list of them (never freed: a
 * site may hold one while another thread reads it). */
struct crec_node {
    ai_crec r;
    int64_t nargs;
    struct crec_node *next;
};
typedef struct crec_node crec_node;

ai_value ai_init_returned(ai_value r) {
    return ai_raise_fmt(&ai_exc_TypeError, "__init__() should return None, not '%s'", obj_type_name(r));
}

ai_value ai_call_construct(ai_value callee, const ai_value *args, int64_t nargs, void *site) {
    if (!ai_is_smallint(callee) && ai_type_of_obj(ai_obj(callee)) == &ai_type_type &&
        cls_check_type((const ai_type *)ai_obj(callee))) {
        cls_type *ct = (cls_type *)ai_obj(callee);
        /* The version first: a record made from a state that changed
         * meanwhile carries the old version and never matches. */
        uint64_t ver = atomic_load_explicit(&ct->version, memory_order_acquire);
        ai_value init = ct->dunder[D_INIT];
        void *body = init ? direct_init_body(init, nargs, 0) : NULL;
        if (body && (atomic_load_explicit(&ct->cflags, memory_order_acquire) & (CLS_PLAIN_NEW | CLS_ABSTRACT)) ==
                        CLS_PLAIN_NEW) {
            pthread_mutex_lock(&cls_lock);
            crec_node *n = atomic_load_explicit(&ct->crecs, memory_order_relaxed);
            while (n && !(n->r.version == ver && n->nargs == nargs && n->r.body == body)) n = n->next;
            if (!n && (n = malloc(sizeof *n))) {
                n->r = (ai_crec){(const void *)AI_REC_STALE, ver, (const uint64_t *)&ct->version, body, ct->t.basicsize};
                n->nargs = nargs;
                n->next = atomic_load_explicit(&ct->crecs, memory_order_relaxed);
                atomic_store_explicit(&ct->crecs, n, memory_order_release);
                cls_rec_publish(ct, &n->r.cls, ver);
            }
            pthread_mutex_unlock(&cls_lock);
            if (n) atomic_store_explicit((_Atomic(ai_crec *) *)site, &n->r, memory_order_release);
        }
    }
    return ai_call(callee, args, nargs, 0);
}

/* ---- the collector's view ------------------------------------------------------- */

static void visit_if(ai_value *slot, void (*visit)(ai_value *, void *), void *ctx) {
    if (*slot) visit(slot, ctx);
}

static void inst_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    cls_type *ct = (cls_type *)ai_type_of_obj(o);
    if (ct->layout == CLS_LAYOUT_INTBOX) visit_if(&((ai_value *)o)[1], visit, ctx);
    else if (ct->solid->gc_visit) ct->solid->gc_visit(o, visit, ctx);
    ai_value *w = cls_dict_slot(ai_val(o), ct);
    if (cls_word_is_shape(*w)) {
        /* the shape is not a heap object (shape.c): its slots are, but
         * for the float slots (raw doubles) */
        ai_value *slots = cls_inline_slots(ai_val(o), ct);
        const cls_shape *s = cls_word_shape(*w);
        for (int32_t i = 0, n = s->count; i < n; i++)
            if (!cls_shape_fslot(s, i)) visit_if(&slots[i], visit, ctx);
    } else {
        visit_if(w, visit, ctx);
    }
    visit_if(cls_slotvals_slot(ai_val(o), ct), visit, ctx);
    if (ct->slot_lo) {
        ai_value *sw = (ai_value *)((char *)o + ct->slot_lo), *end = (ai_value *)((char *)o + ct->t.basicsize);
        for (; sw < end; sw++) visit_if(sw, visit, ctx);
    }
}

void cls_type_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    if (!cls_check_type((const ai_type *)o)) return; /* static types hold no heap values */
    cls_type *ct = (cls_type *)o;
    visit_if(&ct->name, visit, ctx);
    visit_if(&ct->qualname, visit, ctx);
    visit_if(&ct->dict, visit, ctx);
    visit_if(&ct->bases, visit, ctx);
    visit_if(&ct->mro, visit, ctx);
    for (int i = 0; i < D_COUNT; i++) visit_if(&ct->dunder[i], visit, ctx);
}

size_t cls_type_size(const ai_object *o) {
    return cls_check_type((const ai_type *)o) ? sizeof(cls_type) : sizeof(ai_type);
}

/* ---- versions and re-resolution ------------------------------------------------- */

/* One global stamp source: a class's version is never reused, so a record
 * made for one class can never match another class (or a later state). */
static _Atomic uint64_t stamp_counter = 1;
pthread_mutex_t cls_lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t new_stamp(void) {
    return atomic_fetch_add_explicit(&stamp_counter, 1, memory_order_relaxed) + 1;
}

/* Records that compiled code reads (attribute, method-call and
 * constructor records: ai_arec, ai_mrec, ai_crec) are trusted by their
 * first word alone: compiled code compares the object's class (or the
 * callee) with `cls` and never loads the class's version, which saved a
 * chain of two dependent loads and a compare per access. The price is
 * paid here: a new version clears `cls` in every record of the class, and
 * a record gets it back (cls_rec_publish) only while the version is still
 * the one at which the record was made or re-validated. rec_lock makes
 * the two exclusive, so a record validated at a version that a change
 * has already left is never published. The runtime's own probes keep
 * comparing versions (their records also serve sites in dict mode).
 * Method and constructor records are made per version and never
 * re-validated: a bump clears only those pushed since the last one. */
static pthread_mutex_t rec_lock = PTHREAD_MUTEX_INITIALIZER;

static void clear_word(const void **w) { __atomic_store_n(w, (const void *)AI_REC_STALE, __ATOMIC_RELAXED); }

/* Can a class attribute v never hide an instance attribute of the same
 * name, now or later? Values of builtin types that are no data
 * descriptors; instances of classes are not (their class may gain
 * __set__ without this class changing). */
static bool never_hides(ai_value v) {
    if (ai_is_smallint(v)) return true;
    const ai_type *t = ai_type_of_obj(ai_obj(v));
    return t == &ai_function_type || t == &cls_staticmethod_type || t == &cls_classmethod_type ||
           t == &ai_builtin_function_type || t == &ai_int_type || t == &ai_float_type || t == &ai_str_type ||
           t == &ai_bool_type || t == &ai_none_type || t == &ai_tuple_type || t == &ai_bytes_type ||
           t == &ai_list_type || t == &ai_dict_type || t == &ai_set_type || t == &ai_frozenset_type ||
           t == &ai_type_type || t == &cls_wrapper_type;
}

/* ct's ic_key (ai_type.ic_key): AI_REC_PLAIN when reading an attribute
 * that an instance's shape holds can only give that slot's value: the
 * instances keep inline slots at AI_SHAPE_DICT_OFFSET, no
 * __getattribute__ of a class, and no value in a class dict of the MRO
 * that could be a data descriptor (dunder names aside: no read record is
 * made for them). Such classes share read records, so a site that meets
 * several of them (a base class's method on each subclass's instances)
 * needs one way, not one per class. Else the class itself. */
static void refresh_ic_key(cls_type *ct) {
    bool plain = ct->layout == CLS_LAYOUT_FIXED && ct->dictoffset == AI_SHAPE_DICT_OFFSET && ct->ninline &&
                 !(ct->t.flags & AI_TF_METACLASS) && !ct->dunder[D_GETATTRIBUTE] &&
                 !(atomic_load_explicit(&ct->cflags, memory_order_relaxed) & (CLS_NO_CALL_CACHE | CLS_NO_DICT)) &&
                 ct->mro;
    if (plain) {
        ai_tuple *m = tuple_obj(ct->mro);
        for (int64_t i = 0; i < m->len && plain; i++) {
            const ai_type *k = (const ai_type *)ai_obj(m->items[i]);
            if (k == &ai_object_type) continue;
            if (!cls_check_type(k)) {
                plain = false;
                break;
            }
            ai_value d = ((const cls_type *)k)->dict;
            ai_value key, val;
            for (int64_t pos = 0; plain && dict_next(d, &pos, &key, &val, NULL);)
                if (!obj_is_type(key, &ai_str_type) || (!cls_is_dunder_name(key) && !never_hides(val))) plain = false;
        }
    }
    __atomic_store_n(&ct->t.ic_key, plain ? (uintptr_t)AI_REC_PLAIN : (uintptr_t)&ct->t, __ATOMIC_RELAXED);
}

void cls_new_version(cls_type *ct) {
    pthread_mutex_lock(&rec_lock);
    atomic_store_explicit(&ct->version, new_stamp(), memory_order_release);
    refresh_ic_key(ct);
    cls_rec *mark = ct->recs_cleared;
    for (cls_rec *r = atomic_load_explicit(&ct->recs, memory_order_acquire); r && r != mark; r = r->next)
        clear_word(&r->m.cls);
    ct->recs_cleared = atomic_load_explicit(&ct->recs, memory_order_acquire);
    struct crec_node *cmark = ct->crecs_cleared;
    for (struct crec_node *n = atomic_load_explicit(&ct->crecs, memory_order_acquire); n && n != cmark; n = n->next)
        clear_word(&n->r.cls);
    ct->crecs_cleared = atomic_load_explicit(&ct->crecs, memory_order_acquire);
    cls_ic_unpublish(ct);
    pthread_mutex_unlock(&rec_lock);
}

void cls_rec_publish(cls_type *ct, const void **word, uint64_t ver) {
    pthread_mutex_lock(&rec_lock);
    if (atomic_load_explicit(&ct->version, memory_order_relaxed) == ver)
        __atomic_store_n(word, (const void *)&ct->t, __ATOMIC_RELAXED);
    pthread_mutex_unlock(&rec_lock);
}

/* Every class ever made (malloc'd, under cls_lock): for cls_flush_caches. */
static cls_type **all_classes;
static int64_t nall, capall;

static int register_class(cls_type *ct) {
    pthread_mutex_lock(&cls_lock);
    if (nall == capall) {
        int64_t cap = capall ? capall * 2 : 64;
        cls_type **n = realloc(all_classes, sizeof *n * (size_t)cap);
        if (!n) {
            pthread_mutex_unlock(&cls_lock);
            exc_nomem();
            return -1;
        }
        all_classes = n;
        capall = cap;
    }
    all_classes[nall++] = ct;
    pthread_mutex_unlock(&cls_lock);
    return 0;
}

void cls_flush_caches(void) {
    pthread_mutex_lock(&cls_lock);
    for (int64_t i = 0; i < nall; i++) cls_new_version(all_classes[i]);
    pthread_mutex_unlock(&cls_lock);
}

static void resolve_dunders(cls_type *ct) {
    ai_tuple *m = tuple_obj(ct->mro);
    for (int i = 0; i < D_COUNT; i++) {
        ai_value found = 0;
        for (int64_t j = 0; j < m->len; j++) {
            const ai_type *k = (const ai_type *)ai_obj(m->items[j]);
            if (cls_check_type(k)) {
                if (dict_get(((const cls_type *)k)->dict, cls_dunder_str[i], &found) == 1) break;
                found = 0;
            } else if (cls_static_defines(k, i)) {
                break;
            }
        }
        ct->dunder[i] = found;
        gc_barrier(ct, found);
    }
    if (ct->dunder[D_GETATTRIBUTE]) set_flag(ct, CLS_NO_CALL_CACHE);
    if (!ct->dunder[D_NEW] && ct->solid == &ai_object_type && ct->layout == CLS_LAYOUT_FIXED &&
        !(ct->t.flags & AI_TF_EXCEPTION))
        set_flag(ct, CLS_PLAIN_NEW);
    else
        atomic_fetch_and_explicit(&ct->cflags, ~(uint32_t)CLS_PLAIN_NEW, memory_order_relaxed);
    cls_install_slots(ct);
}

/* A class dict changed `name`: new stamps for ct and every subclass,
 * re-resolved dunders when name is one, and SHADOWED when a method name
 * appeared that instance dicts may already hold. */
static void mro_changed(cls_type *ct, bool dunder, bool shadow) {
    /* the dunders first: the new version's ic_key reads them */
    if (dunder) resolve_dunders(ct);
    cls_new_version(ct);
    if (shadow) cls_set_shadowed(ct);
    for (int32_t i = 0; i < ct->nsubs; i++) mro_changed(ct->subs[i], dunder, shadow);
}

/* ---- classes: attributes ----------------------------------------------------------- */

static ai_value str_or_none_tuple(ai_value v) { return v ? v : AI_NONE; }

/* vars(int), int.__dict__: a snapshot of what builtin type t itself
 * defines (its methods, computed attributes and the dunders of its
 * slots); __hash__ is None for the unhashable containers, as in CPython. */
static ai_value static_type_dict(ai_type *t) {
    ai_value d = dict_new();
    if (!d) return AI_ERR;
    const ai_slots *s = obj_slots_of_type(t);
    if (s->methods)
        for (const ai_method_def *m = s->methods; m->name; m++) {
            if (m->owner && m->owner != t) continue;
            ai_value k = str_from_cstr(m->name), v = k ? attr_method_new(m, 0) : 0;
            if (!v || dict_set(d, k, v) < 0) return AI_ERR;
        }
    for (int i = 0; i < D_COUNT; i++) {
        if (!cls_static_defines(t, i)) continue;
        ai_value v = cls_wrapper_new(t, i, 0);
        if (!v || dict_set(d, cls_dunder_str[i], v) < 0) return AI_ERR;
    }
    if (static_unhashable(t) && dict_set(d, cls_dunder_str[D_HASH], AI_NONE) < 0) return AI_ERR;
    if (dict_set(d, str_doc, AI_NONE) < 0) return AI_ERR;
    return d;
}

/* Builtin types have no dict; a few of their attributes are computed. */
static ai_value static_type_attr(ai_type *t, ai_value name) {
    if (attr_name_is(name, "__dict__")) return static_type_dict(t);
    if (attr_name_is(name, "__module__")) {
        if (t->module) return str_from_cstr(t->module);
        const char *dot = strrchr(t->name, '.'); /* tp_name "array.array" */
        return dot ? str_from_utf8(t->name, (int64_t)(dot - t->name)) : const_str("builtins");
    }
    if (attr_name_is(name, "__doc__")) return AI_NONE;
    if (attr_name_is(name, "__base__")) return t->base ? ai_val(t->base) : AI_NONE;
    if (attr_name_is(name, "__bases__")) {
        ai_value b = t->base ? ai_val(t->base) : 0;
        return ai_tuple_pack(&b, b ? 1 : 0);
    }
    if (attr_name_is(name, "__mro__")) {
        ai_value items[64];
        int n = 0;
        for (const ai_type *k = t; k && n < 63; k = k->base) items[n++] = ai_val(k);
        if (ai_obj(items[n - 1]) != (ai_object *)&ai_object_type) items[n++] = ai_val(&ai_object_type);
        return ai_tuple_pack(items, n);
    }
    return 0;
}

/* C.mro() and C.__subclasses__() (builtin methods of `type`). */
static ai_value type_mro_method(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (call_no_kwargs("mro", kw) < 0 || call_exact_args("mro", nargs, 0) < 0) return AI_ERR;
    ai_builtin_fn *f = (ai_builtin_fn *)ai_obj(self);
    ai_value m = ai_getattr(f->self, const_str("__mro__"));
    return m ? list_from_iter(m) : AI_ERR;
}

static ai_value type_subclasses_method(ai_value self, const ai_value *args, int64_t nargs,
                                       ai_value kw) {
    (void)args;
    if (call_no_kwargs("__subclasses__", kw) < 0 || call_exact_args("__subclasses__", nargs, 0) < 0)
        return AI_ERR;
    ai_type *t = (ai_type *)ai_obj(((ai_builtin_fn *)ai_obj(self))->self);
    ai_value list = ai_list_new(NULL, 0);
    if (!list || !cls_check_type(t)) return list;
    cls_type *ct = (cls_type *)t;
    /* Copied under the lock (another worker may grow the array), appended
     * after it (appending allocates). Classes are immortal. */
    pthread_mutex_lock(&cls_lock);
    int32_t n = ct->nsubs;
    cls_type **copy = n ? malloc(sizeof *copy * (size_t)n) : NULL;
    if (copy) memcpy(copy, ct->subs, sizeof *copy * (size_t)n);
    pthread_mutex_unlock(&cls_lock);
    if (n && !copy) return exc_nomem();
    for (int32_t i = 0; i < n; i++)
        if (ai_list_append(list, ai_val(copy[i])) < 0) {
            free(copy);
            return AI_ERR;
        }
    free(copy);
    return list;
}

ai_value cls_type_getattr(ai_value o, ai_value name) {
    cls_init();
    ai_type *t = (ai_type *)ai_obj(o);
    if (cls_is_dunder_name(name)) {
        if (!cls_check_type(t)) {
            ai_value v = static_type_attr(t, name);
            if (v) return v;
        } else {
            cls_type *ct = (cls_type *)t;
            if (attr_name_is(name, "__name__")) return ct->name;
            if (attr_name_is(name, "__qualname__")) return ct->qualname;
            /* A copy stands for CPython's read-only mappingproxy: stores
             * must go through C.x = v, which keeps the caches right. */
            if (attr_name_is(name, "__dict__")) return dict_copy(ct->dict);
            if (attr_name_is(name, "__bases__")) return ct->bases;
            if (attr_name_is(name, "__mro__")) return ct->mro;
            if (attr_name_is(name, "__base__")) return str_or_none_tuple(ai_val(t->base));
            if (attr_name_is(name, "__class__")) return ai_val(ai_type_of(o));
        }
    }
    cls_found f;
    if (cls_lookup(t, 0, name, &f) < 0) return AI_ERR;
    if (f.kind == CF_NONE) {
        if (attr_name_is(name, "mro")) return call_builtin_new("mro", type_mro_method, o);
        if (attr_name_is(name, "__subclasses__"))
            return call_builtin_new("__subclasses__", type_subclasses_method, o);
        return 0;
    }
    if (f.kind == CF_METHOD && !cls_check_type(t)) return 0; /* attr.c: unbound builtin method */
    return cls_bind(&f, 0, t);
}

int32_t cls_type_setattr(ai_value o, ai_value name, ai_value v) {
    cls_init();
    cls_type *ct = (cls_type *)ai_obj(o);
    if (cls_is_dunder_name(name)) {
        bool is_name = attr_name_is(name, "__name__"), is_qual = attr_name_is(name, "__qualname__");
        if (is_name || is_qual) {
            if (!v || !str_check(v)) {
                ai_raise_fmt(&ai_exc_TypeError, "can only assign string to %s.%s, not '%s'",
                             ct->t.name, is_name ? "__name__" : "__qualname__",
                             v ? obj_type_name(v) : "NoneType");
                return -1;
            }
            if (is_qual) {
                ct->qualname = v;
                gc_barrier(ct, v);
                return 0;
            }
            const char *u = str_utf8(v, NULL);
            char *c = u ? strdup(u) : NULL;
            if (!c) return exc_nomem(), -1;
            ct->name = v;
            gc_barrier(ct, v);
            ct->cname = c; /* the old name may still be printed by another worker: leaked */
            ct->t.name = c;
            return 0;
        }
        if (attr_name_is(name, "__dict__") || attr_name_is(name, "__mro__") ||
            attr_name_is(name, "__bases__") || attr_name_is(name, "__class__")) {
            ai_raise_fmt(&ai_exc_AttributeError, "cannot set this attribute of class '%s'",
                         ct->t.name);
            return -1;
        }
    }
    /* A property or descriptor stored on the class is replaced, as in
     * CPython (type.__setattr__ only honours the metaclass's descriptors). */
    ai_value old = 0;
    int32_t had = dict_get(ct->dict, name, &old);
    if (had < 0) return -1;
    if (v) {
        if (dict_set(ct->dict, name, v) < 0) return -1;
    } else {
        if (!had) {
            attr_error(o, name);
            return -1;
        }
        if (dict_del(ct->dict, name) < 0) return -1;
    }
    if (attr_name_is(name, "__abstractmethods__")) {
        int32_t t = v ? ai_truthy(v) : 0;
        if (t < 0) return -1;
        if (t) set_flag(ct, CLS_ABSTRACT);
        else atomic_fetch_and_explicit(&ct->cflags, ~(uint32_t)CLS_ABSTRACT, memory_order_relaxed);
        /* constructor records (ai_call_construct) hold for one version */
        pthread_mutex_lock(&cls_lock);
        mro_changed(ct, false, false);
        pthread_mutex_unlock(&cls_lock);
    }
    bool dunder = cls_dunder_index(name) >= 0;
    /* a value that may hide instance attributes (never_hides) changes
     * what a plain class is (refresh_ic_key) and what records may hold */
    bool structural = !had || !v || is_methodish(old) || is_methodish(v) || !never_hides(v);
    if (structural || dunder) {
        pthread_mutex_lock(&cls_lock);
        mro_changed(ct, dunder, !had && v && is_methodish(v));
        pthread_mutex_unlock(&cls_lock);
    }
    return 0;
}

/* ---- creating a class -------------------------------------------------------------- */

/* The builtin type whose instance layout t's instances have. */
static const ai_type *solid_of(const ai_type *t) {
    if (cls_check_type(t)) return ((const cls_type *)t)->solid;
    while (t->base && t->base->basicsize == t->basicsize) t = t->base;
    return t;
}

/* The MRO of any type as a C array (malloc'd), for the C3 merge. */
static ai_type **mro_array(const ai_type *t, int64_t *n) {
    if (cls_check_type(t)) {
        ai_tuple *m = tuple_obj(((const cls_type *)t)->mro);
        ai_type **a = malloc(sizeof(ai_type *) * (size_t)m->len);
        if (!a) return NULL;
        for (int64_t i = 0; i < m->len; i++) a[i] = (ai_type *)ai_obj(m->items[i]);
        *n = m->len;
        return a;
    }
    int64_t len = 1;
    for (const ai_type *k = t; k->base; k = k->base) len++;
    const ai_type *last = t;
    while (last->base) last = last->base;
    bool add_object = last != &ai_object_type;
    ai_type **a = malloc(sizeof(ai_type *) * (size_t)(len + 1));
    if (!a) return NULL;
    int64_t i = 0;
    for (const ai_type *k = t; k; k = k->base) a[i++] = (ai_type *)k;
    if (add_object) a[i++] = &ai_object_type;
    *n = i;
    return a;
}

/* C3 linearisation of self + bases: a tuple, or AI_ERR (TypeError when
 * no consistent order exists). */
static ai_value compute_mro(ai_type *self, ai_tuple *bases) {
    int64_t nseq = bases->len + 1;
    ai_type ***seq = calloc((size_t)nseq, sizeof *seq);
    int64_t *len = calloc((size_t)nseq, sizeof *len), *pos = calloc((size_t)nseq, sizeof *pos);
    int64_t total = 1;
    ai_value result = AI_ERR;
    ai_value *out = NULL;
    if (!seq || !len || !pos) goto nomem;
    for (int64_t i = 0; i < bases->len; i++) {
        seq[i] = mro_array((ai_type *)ai_obj(bases->items[i]), &len[i]);
        if (!seq[i]) goto nomem;
        total += len[i];
    }
    seq[bases->len] = malloc(sizeof(ai_type *) * (size_t)bases->len);
    if (!seq[bases->len] && bases->len) goto nomem;
    for (int64_t i = 0; i < bases->len; i++) seq[bases->len][i] = (ai_type *)ai_obj(bases->items[i]);
    len[bases->len] = bases->len;
    out = malloc(sizeof(ai_value) * (size_t)total);
    if (!out) goto nomem;
    int64_t n = 0;
    out[n++] = ai_val(self);
    for (;;) {
        bool left = false;
        ai_type *cand = NULL;
        for (int64_t i = 0; i < nseq && !cand; i++) {
            if (pos[i] >= len[i]) continue;
            left = true;
            ai_type *h = seq[i][pos[i]];
            bool in_tail = false;
            for (int64_t j = 0; j < nseq && !in_tail; j++)
                for (int64_t k = pos[j] + 1; k < len[j]; k++)
                    if (seq[j][k] == h) {
                        in_tail = true;
                        break;
                    }
            if (!in_tail) cand = h;
        }
        if (!left) break;
        if (!cand) {
            strbuf b;
            sb_init(&b);
            sb_adds(&b, "Cannot create a consistent method resolution\norder (MRO) for bases ");
            int shown = 0;
            for (int64_t i = 0; i < nseq; i++) {
                if (pos[i] >= len[i]) continue;
                ai_type *h = seq[i][pos[i]];
                bool dup = false;
                for (int64_t j = 0; j < i; j++)
                    if (pos[j] < len[j] && seq[j][pos[j]] == h) dup = true;
                if (dup) continue;
                if (shown++) sb_adds(&b, ", ");
                sb_adds(&b, h->name);
            }
            ai_value msg = sb_finish(&b);
            if (msg) {
                ai_value a = ai_tuple_pack(&msg, 1);
                if (a) exc_raise_args(&ai_exc_TypeError, a);
            }
            goto done;
        }
        out[n++] = ai_val(cand);
        for (int64_t i = 0; i < nseq; i++)
            if (pos[i] < len[i] && seq[i][pos[i]] == cand) pos[i]++;
    }
    result = ai_tuple_pack(out, n);
    goto done;
nomem:
    exc_nomem();
done:
    if (seq)
        for (int64_t i = 0; i < nseq; i++) free(seq[i]);
    free(seq);
    free(len);
    free(pos);
    free(out);
    return result;
}

/* Builtin types that CPython refuses as bases. */
static bool is_final_type(const ai_type *t) {
    return t == &ai_bool_type || t == &ai_none_type || t == &ai_function_type ||
           t == &ai_builtin_function_type || t == &ai_range_type || t == &ai_slice_type ||
           t == &ai_ellipsis_type || t == &ai_notimplemented_type || t == &ai_cell_type ||
           t == &cls_method_type || t == &cls_wrapper_type || t == &cls_method_wrapper_type ||
           t == &ai_method_type || t == &ai_memview_type;
}

/* Wrap a plain function stored under __new__ (a static method) or
 * __init_subclass__ / __class_getitem__ (class methods), as type() does. */
static int implicit_wrap(ai_value ns, const char *name, ai_type *wrapper) {
    ai_value key = const_str(name), v;
    int32_t rc = dict_get(ns, key, &v);
    if (rc <= 0 || !is_function(v)) return rc;
    cls_funcwrap *w = ai_alloc(wrapper, sizeof(cls_funcwrap));
    if (!w) return -1;
    w->func = v;
    return dict_set(ns, key, ai_val(w));
}

/* __slots__ of a namespace: a tuple of the slot names (without __dict__
 * and __weakref__, noted in *has_dict), with CPython's checks. */
static int parse_slots(ai_value ns, ai_value *names, bool *has_dict) {
    ai_value v;
    int32_t rc = dict_get(ns, const_str("__slots__"), &v);
    if (rc <= 0) return rc;
    ai_value list = str_check(v) ? ai_list_new(&v, 1) : list_from_iter(v);
    if (!list) return -1;
    ai_value out = ai_list_new(NULL, 0);
    if (!out) return -1;
    ai_list *l = list_obj(list);
    for (int64_t i = 0; i < l->len; i++) {
        ai_value s = l->items[i];
        if (!str_check(s)) {
            ai_raise_fmt(&ai_exc_TypeError, "__slots__ items must be strings, not '%s'", obj_type_name(s));
            return -1;
        }
        if (attr_name_is(s, "__dict__")) {
            *has_dict = true;
            continue;
        }
        if (attr_name_is(s, "__weakref__")) continue;
        ai_value old;
        if ((rc = dict_get(ns, s, &old)) < 0) return -1;
        if (rc) {
            const char *u = str_utf8(s, NULL);
            ai_raise_fmt(&ai_exc_ValueError, "'%s' in __slots__ conflicts with class variable", u ? u : "?");
            return -1;
        }
        if (ai_list_append(out, s) < 0) return -1;
    }
    *names = ai_list_to_tuple(out);
    return *names ? 0 : -1;
}

static int add_subclass(cls_type *base, cls_type *sub) {
    pthread_mutex_lock(&cls_lock);
    if (base->nsubs == base->capsubs) {
        int32_t cap = base->capsubs ? base->capsubs * 2 : 4;
        cls_type **n = realloc(base->subs, sizeof *n * (size_t)cap);
        if (!n) {
            pthread_mutex_unlock(&cls_lock);
            exc_nomem();
            return -1;
        }
        base->subs = n;
        base->capsubs = cap;
    }
    base->subs[base->nsubs++] = sub;
    pthread_mutex_unlock(&cls_lock);
    return 0;
}

/* __set_name__ on the namespace's descriptors, then the parent's
 * __init_subclass__ with the class keywords (kw: a dict, or 0). */
static int finish_class(cls_type *ct, ai_value kw) {
    int64_t pos = 0;
    ai_value k, v;
    while (dict_next(ct->dict, &pos, &k, &v, NULL)) {
        if (ai_is_smallint(v)) continue;
        ai_type *vt = ai_type_of_obj(ai_obj(v));
        if (cls_is_prop_type(vt) && !(cls_check_type(vt) && ((cls_type *)vt)->dunder[D_SET_NAME])) {
            ((cls_property *)ai_obj(v))->name = k;
            gc_barrier(ai_obj(v), k);
        } else if (cls_check_type(vt) && ((cls_type *)vt)->dunder[D_SET_NAME]) {
            ai_value a[2] = {ai_val(ct), k};
            if (!cls_call_dunder(((cls_type *)vt)->dunder[D_SET_NAME], v, a, 2)) {
                /* 3.11 wraps the error (3.12 no longer does). */
                ai_value cause = ai_exc_fetch();
                ai_value kr = ai_repr(k);
                if (!kr) return -1;
                const char *ks = str_utf8(kr, NULL);
                ai_raise_fmt(&ai_exc_RuntimeError, "Error calling __set_name__ on '%s' instance %s in '%s'",
                             vt->name, ks ? ks : "?", ct->t.name);
                ai_value e = exc_pending();
                if (e) {
                    ((ai_exc *)ai_obj(e))->cause = cause;
                    ((ai_exc *)ai_obj(e))->suppress_context = 1;
                    ((ai_exc *)ai_obj(e))->context = cause;
                    gc_barrier(ai_obj(e), cause);
                }
                return -1;
            }
        }
    }
    cls_found f;
    if (cls_lookup(&ct->t, 1, cls_dunder_str[D_INIT_SUBCLASS], &f) < 0) return -1;
    bool has_kw = kw && dict_check(kw) && dict_len(kw) > 0;
    if (f.kind == CF_VALUE) {
        if (!has_kw) return cls_call_found(&f, ai_val(ct), &ct->t, NULL, 0, 0) ? 0 : -1;
        ai_value b = cls_bind(&f, ai_val(ct), &ct->t), empty = b ? ai_tuple_pack(NULL, 0) : 0;
        return empty && ai_call_ex(b, empty, kw) ? 0 : -1;
    }
    if (has_kw) {
        ai_raise_fmt(&ai_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments", ct->t.name);
        return -1;
    }
    return 0;
}

ai_value ai_class_new(ai_value name, ai_value qualname, ai_value bases, ai_value ns) {
    return cls_make(&ai_type_type, name, qualname, bases, ns, 0);
}

ai_value cls_make(ai_type *meta, ai_value name, ai_value qualname, ai_value bases, ai_value ns, ai_value kw) {
    cls_init();
    if (!str_check(name)) return ai_raise_msg(&ai_exc_TypeError, "class name must be a str");
    if (!qualname || !str_check(qualname)) qualname = name;
    if (!ns || !dict_check(ns)) return ai_raise_msg(&ai_exc_TypeError, "class namespace must be a dict");
    ai_value objv = ai_val(&ai_object_type);
    if (!bases || tuple_obj(bases)->len == 0) bases = ai_tuple_pack(&objv, 1);
    if (!bases) return AI_ERR;
    ai_tuple *bt = tuple_obj(bases);

    /* Bases: types, no duplicates, compatible layouts. */
    const ai_type *winner = NULL;
    ai_type *primary = NULL;
    for (int64_t i = 0; i < bt->len; i++) {
        ai_value b = bt->items[i];
        if (!obj_is_class(b)) return ai_raise_msg(&ai_exc_TypeError, "bases must be types");
        ai_type *bty = (ai_type *)ai_obj(b);
        for (int64_t j = 0; j < i; j++)
            if (bt->items[j] == b)
                return ai_raise_fmt(&ai_exc_TypeError, "duplicate base class %s", bty->name);
        if (is_final_type(bty))
            return ai_raise_fmt(&ai_exc_TypeError, "type '%s' is not an acceptable base type",
                                bty->name);
        const ai_type *s = solid_of(bty);
        if (!winner || (s != winner && obj_type_is_sub(s, winner))) {
            winner = s;
            primary = bty;
        } else if (!obj_type_is_sub(winner, s)) {
            return ai_raise_msg(&ai_exc_TypeError, "multiple bases have instance lay-out conflict");
        }
    }
    /* The base whose __slots__ words instances extend: the bases that
     * have such words must all extend one of them (class.h). */
    const cls_type *slot_base = NULL;
    for (int64_t i = 0; i < bt->len; i++) {
        const ai_type *bty = (const ai_type *)ai_obj(bt->items[i]);
        if (!cls_check_type(bty) || !((const cls_type *)bty)->slot_owner) continue;
        const cls_type *o = ((const cls_type *)bty)->slot_owner;
        if (!slot_base || cls_is_subtype(&o->t, &slot_base->t)) slot_base = o;
        else if (!cls_is_subtype(&slot_base->t, &o->t))
            return ai_raise_msg(&ai_exc_TypeError, "multiple bases have instance lay-out conflict");
    }
    /* The bases whose instance layouts a class can extend (class.h). */
    if (winner != &ai_object_type && !(winner->flags & AI_TF_EXCEPTION) && winner != &ai_list_type &&
        winner != &ai_dict_type && winner != &ai_set_type && winner != &ai_type_type &&
        winner != &cls_property_type && winner != &cls_staticmethod_type && winner != &cls_classmethod_type &&
        winner != &ai_bytearray_type && !cls_value_from_new(winner) && !cls_subinit_of(winner))
        return ai_raise_fmt(&ai_exc_NotImplementedError,
                            "subclassing the builtin type '%s' is not supported yet", winner->name);

    /* The namespace: __module__, __doc__, __qualname__, __hash__. */
    ai_value v;
    int32_t rc = dict_get(ns, str_qualname, &v);
    if (rc < 0) return AI_ERR;
    if (rc) {
        if (!str_check(v))
            return ai_raise_fmt(&ai_exc_TypeError, "type __qualname__ must be a str, not %s",
                                obj_type_name(v));
        qualname = v;
        if (dict_del(ns, str_qualname) < 0) return AI_ERR;
    }
    if ((rc = dict_get(ns, str_module, &v)) < 0) return AI_ERR;
    if (!rc && dict_set(ns, str_module, str_main) < 0) return AI_ERR;
    if ((rc = dict_get(ns, str_doc, &v)) < 0) return AI_ERR;
    if (!rc && dict_set(ns, str_doc, AI_NONE) < 0) return AI_ERR;
    if ((rc = dict_get(ns, cls_dunder_str[D_EQ], &v)) < 0) return AI_ERR;
    if (rc) {
        if ((rc = dict_get(ns, cls_dunder_str[D_HASH], &v)) < 0) return AI_ERR;
        if (!rc && dict_set(ns, cls_dunder_str[D_HASH], AI_NONE) < 0) return AI_ERR;
    }
    ai_value slot_names = 0;
    bool slot_dict = false;
    if (parse_slots(ns, &slot_names, &slot_dict) < 0) return AI_ERR;
    if (implicit_wrap(ns, "__new__", &cls_staticmethod_type) < 0 ||
        implicit_wrap(ns, "__init_subclass__", &cls_classmethod_type) < 0 ||
        implicit_wrap(ns, "__class_getitem__", &cls_classmethod_type) < 0)
        return AI_ERR;

    const char *u = str_utf8(name, NULL);
    char *cname = u ? strdup(u) : NULL;
    if (!cname) return exc_nomem();
    /* Classes live in the static heap: never freed (instances reach their
     * class through the header word, which no gc_visit reports, and the
     * subclass lists and call records hold plain pointers), and visited as
     * roots by every collection (core/alloc.c), which keeps the namespace,
     * bases and MRO alive. A class made in a loop is therefore leaked. */
    ai_value classcell = 0;
    if ((rc = dict_get(ns, const_str("__classcell__"), &classcell)) < 0) return AI_ERR;
    if (rc && dict_del(ns, const_str("__classcell__")) < 0) return AI_ERR;
    cls_type *ct = alloc_static(meta, sizeof(cls_type));
    if (!ct) {
        free(cname);
        return AI_ERR;
    }
    ct->cname = cname;
    ct->t.name = cname;
    ct->t.base = primary;
    ct->t.flags = AI_TF_HEAPTYPE | (winner->flags & AI_TF_EXCEPTION);
    ct->solid = winner;
    ct->t.gc_visit = inst_visit;
    ct->t.gc_size = alloc_fixed_size;
    if (winner == &ai_int_type) {
        ct->layout = CLS_LAYOUT_INTBOX;
        ct->t.flags |= AI_TF_INTBOX;
        ct->dictoffset = 2 * (uint32_t)sizeof(ai_value);
    } else if (winner == &ai_str_type || winner == &ai_bytes_type || winner == &ai_tuple_type) {
        ct->layout = CLS_LAYOUT_VAR;
        ct->dictoffset = 0;
        ct->t.gc_size = inst_var_size;
    } else {
        ct->dictoffset = (uint32_t)((winner->basicsize + 7) & ~(size_t)7);
    }
    ct->t.basicsize = (ct->dictoffset ? ct->dictoffset : (uint32_t)((winner->basicsize + 7) & ~(size_t)7)) +
                      2 * (uint32_t)sizeof(ai_value);
    ct->t.slots = &ct->slots;
    ct->name = name;
    ct->qualname = qualname;
    ct->dict = ns;
    ct->bases = bases;
    ct->version = new_stamp();
    ct->mro = compute_mro(&ct->t, bt);
    if (!ct->mro) return AI_ERR;
    /* Match statements (core/match.c): self-matching from the layout's
     * builtin, the collection flag from the first class of the MRO that
     * has one (CPython's inherit_patma_flags). */
    ct->t.flags |= winner->flags & AI_TF_MATCH_SELF;
    for (int64_t i = 1; i < tuple_obj(ct->mro)->len; i++) {
        uint32_t f = ((const ai_type *)ai_obj(tuple_obj(ct->mro)->items[i]))->flags & (AI_TF_SEQUENCE | AI_TF_MAPPING);
        if (f) {
            ct->t.flags |= f;
            break;
        }
    }
    if (register_class(ct) < 0) return AI_ERR;
    for (int64_t i = 0; i < bt->len; i++) {
        ai_type *b = (ai_type *)ai_obj(bt->items[i]);
        if (cls_check_type(b) && add_subclass((cls_type *)b, ct) < 0) return AI_ERR;
    }
    if (slot_names && tuple_obj(slot_names)->len &&
        (winner == &ai_int_type || winner == &ai_bytes_type || winner == &ai_tuple_type))
        return ai_raise_fmt(&ai_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", winner->name);
    if (slot_names) {
        /* No instance dict when every class of the MRO has __slots__ (and
         * none lists __dict__). */
        bool nodict = !slot_dict && winner == &ai_object_type;
        ai_tuple *m = tuple_obj(ct->mro);
        for (int64_t i = 1; i < m->len && nodict; i++) {
            const ai_type *k = (const ai_type *)ai_obj(m->items[i]);
            if (cls_check_type(k) && !(((const cls_type *)k)->cflags & CLS_NO_DICT)) nodict = false;
        }
        if (nodict) set_flag(ct, CLS_NO_DICT);
    }
    if (winner == &ai_object_type && !(ct->cflags & CLS_NO_DICT) && ct->dictoffset == AI_SHAPE_DICT_OFFSET &&
        (!slot_base || slot_base->ninline)) {
        /* Plain instances: shapes and inline slots (shape.c). Every such
         * class has the same number, so __class__ assignment between them
         * keeps working (set_class compares sizes). Not when a base's
         * __slots__ words sit where the inline slots would. */
        ct->ninline = CLS_INLINE_SLOTS;
        ct->t.basicsize += CLS_INLINE_SLOTS * (uint32_t)sizeof(ai_value);
    }
    if (ct->layout == CLS_LAYOUT_FIXED) {
        /* __slots__ words: the slot base's, then this class's own. */
        if (slot_base && slot_base->t.basicsize > ct->t.basicsize) ct->t.basicsize = slot_base->t.basicsize;
        ct->slot_lo = slot_base ? slot_base->slot_lo : 0;
        ct->slot_owner = slot_base;
        if (slot_names && tuple_obj(slot_names)->len) {
            if (!ct->slot_lo) ct->slot_lo = ct->t.basicsize;
            ct->slot_owner = ct;
        }
    }
    if (slot_names) {
        /* A member descriptor per slot. */
        ai_tuple *sn = tuple_obj(slot_names);
        for (int64_t i = 0; i < sn->len; i++) {
            uint32_t off = 0;
            if (ct->layout == CLS_LAYOUT_FIXED) {
                off = ct->t.basicsize;
                ct->t.basicsize += (uint32_t)sizeof(ai_value);
            }
            ai_value mem = cls_member_new(sn->items[i], &ct->t, off);
            if (!mem || dict_set(ns, sn->items[i], mem) < 0) return AI_ERR;
        }
    }
    resolve_dunders(ct);
    pthread_mutex_lock(&rec_lock);
    refresh_ic_key(ct);
    pthread_mutex_unlock(&rec_lock);
    ct->slots.construct = cls_construct;
    ct->slots.getattr = inst_getattr;
    ct->slots.setattr = inst_setattr;
    if (winner == &ai_type_type) cls_meta_setup(ct);
    /* The class exists from here on: zero-argument super() in methods
     * that run while it is being made (__init_subclass__, a metaclass's
     * __init__) finds it in the cell. */
    if (classcell && obj_is_type(classcell, &ai_cell_type)) ((ai_cell *)ai_obj(classcell))->value = ai_val(ct);
    if (finish_class(ct, kw) < 0) return AI_ERR;
    return ai_val(ct);
}

ai_value cls_static_dunder(ai_value o, ai_value name) {
    cls_init();
    if (!cls_is_dunder_name(name)) return 0;
    const ai_type *t = ai_type_of(o);
    cls_found f;
    if (cls_lookup(t, 0, name, &f) < 0) return AI_ERR;
    if (f.kind != CF_WRAPPER) return 0;
    return cls_bind(&f, o, t);
}

ai_value cls_call_named(ai_value o, const char *name, const ai_value *args, int64_t nargs) {
    const ai_type *t = ai_type_of(o);
    if (!cls_check_type(t)) return 0;
    ai_value n = str_of_literal(name);
    if (!n) return AI_ERR;
    cls_found f;
    if (cls_lookup(t, 0, n, &f) < 0) return AI_ERR;
    if (f.kind != CF_VALUE) return 0;
    return cls_call_found(&f, o, t, args, nargs, 0);
}

ai_value cls_special_method(ai_value o, const char *name) {
    const ai_type *t = ai_type_of(o);
    ai_value n = str_of_literal(name);
    if (!n) return AI_ERR;
    cls_found f;
    if (cls_lookup(t, 0, n, &f) < 0) return AI_ERR;
    if (f.kind == CF_NONE) return 0;
    return cls_bind(&f, o, t);
}

/* int(x) / float(x) for an instance: __int__ then __index__, __float__
 * then __index__, with CPython's result checks. 0: not applicable. */
ai_value cls_convert(const ai_type *target, ai_value x) {
    if (ai_is_smallint(x) || !cls_check_type(ai_type_of(x))) return 0;
    bool to_int = target == &ai_int_type;
    ai_value r = cls_call_named(x, to_int ? "__int__" : "__float__", NULL, 0);
    if (r) {
        if (to_int && !int_check(r))
            return ai_raise_fmt(&ai_exc_TypeError, "__int__ returned non-int (type %s)", obj_type_name(r));
        if (!to_int && !float_check(r))
            return ai_raise_fmt(&ai_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                                obj_type_name(x), obj_type_name(r));
        return to_int ? int_unbool(r) : r;
    }
    if (exc_pending()) return AI_ERR;
    if (!obj_slots(x)->index) return 0;
    r = obj_slots(x)->index(x);
    if (!r || to_int) return r;
    double d;
    if (!int_to_double(r, &d)) return AI_ERR;
    return ai_float_box(d);
}

/* type(name, bases, dict) */
ai_value cls_type_new3(ai_value name, ai_value bases, ai_value dict) {
    if (!str_check(name))
        return ai_raise_fmt(&ai_exc_TypeError, "type.__new__() argument 1 must be str, not %s",
                            obj_type_name(name));
    if (!tuple_check(bases))
        return ai_raise_fmt(&ai_exc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                            obj_type_name(bases));
    if (!dict_check(dict))
        return ai_raise_fmt(&ai_exc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                            obj_type_name(dict));
    ai_value ns = dict_copy(dict);
    if (!ns) return AI_ERR;
    return ai_class_new(name, name, bases, ns);
}

ai_value ai_ns_lookup(ai_value ns, ai_value name) {
    ai_value v;
    if (obj_is_type(ns, &ai_dict_type)) {
        int32_t rc = dict_get(ns, name, &v);
        return rc > 0 ? v : 0;
    }
    /* A namespace made by __prepare__: its own __getitem__ (a KeyError,
     * or any other error, means "not bound here"). */
    v = ai_getitem(ns, name);
    if (!v) exc_clear();
    return v;
}

/* ---- method calls --------------------------------------------------------------------- */

/* The record for (ct, name) at ct's current version, made once and then
 * shared by every call site (so a site that keeps missing does not leak).
 * Found without a lock: records are pushed on ct->recs and never removed
 * (one stays behind per version change and name). */
static cls_rec *find_record(cls_type *ct, const ai_strobj *ns, uint64_t ver, ai_value fn, int kind) {
    size_t nbytes = (size_t)ns->len * ns->kind;
    /* acquire: pairs with the release push below (the fields before the address). */
    for (cls_rec *q = atomic_load_explicit(&ct->recs, memory_order_acquire); q; q = q->next)
        if (q->m.version == ver && q->fn == fn && q->kind == kind && q->nkind == ns->kind &&
            q->nlen == ns->len && memcmp(q->ndata, str_data(ns), nbytes) == 0)
            return q;
    return NULL;
}

static cls_rec *get_record(cls_type *ct, ai_value name, ai_value fn, int kind) {
    uint64_t ver = atomic_load_explicit(&ct->version, memory_order_acquire);
    const ai_strobj *ns = str_obj(name);
    cls_rec *r = find_record(ct, ns, ver, fn, kind);
    if (r) return r;
    size_t nbytes = (size_t)ns->len * ns->kind;
    pthread_mutex_lock(&cls_lock);
    r = find_record(ct, ns, ver, fn, kind);
    if (!r) {
        /* The record keeps its own copy of the name: the str may die. */
        r = malloc(sizeof *r + nbytes + 1);
        if (r) {
            *r = (cls_rec){{(const void *)AI_REC_STALE, ver, (const uint64_t *)&ct->version, NULL, 0}, &ct->t, fn, kind, NULL,
                           ns->kind, ns->len};
            if (kind == REC_FUNC && obj_is_type(fn, &ai_function_type) &&
                !(atomic_load_explicit(&ct->cflags, memory_order_relaxed) & CLS_SHADOWED)) {
                const ai_function *f = (const ai_function *)ai_obj(fn);
                if ((f->info->flags & AI_FUNC_DIRECT) && !f->closure) {
                    const ai_func_info_direct *di = (const ai_func_info_direct *)f->info;
                    r->m.body = di->body;
                    r->m.direct = di->direct;
                }
            }
            memcpy(r->ndata, str_data(ns), nbytes);
            r->next = atomic_load_explicit(&ct->recs, memory_order_relaxed);
            /* release: the record's fields before its address (find_record). */
            atomic_store_explicit(&ct->recs, r, memory_order_release);
            cls_rec_publish(ct, &r->m.cls, ver);
        }
    }
    pthread_mutex_unlock(&cls_lock);
    return r;
}

/* Put r in one of a call site's direct ways (words 1… of its cache):
 * the way that holds a record of the same class, else an empty one, else
 * the last (a site with more classes than ways keeps the first three). */
static void install_direct(_Atomic(uintptr_t) *slot, cls_rec *r) {
    int way = AI_MCACHE_WAYS;
    for (int i = 1; i <= AI_MCACHE_WAYS; i++) {
        uintptr_t w = atomic_load_explicit(&slot[i], memory_order_relaxed);
        if (!w || ((const cls_rec *)w)->owner == r->owner) {
            way = i;
            break;
        }
    }
    /* release: compiled code reads the record's fields after its address
     * (an acquire load there). */
    atomic_store_explicit(&slot[way], (uintptr_t)r, memory_order_release);
}

static ai_value rec_call(const cls_rec *r, ai_value o, const ai_value *args, int64_t nargs,
                         ai_value kwnames) {
    switch (r->kind) {
    case REC_FUNC: return cls_call_self(r->fn, o, args, nargs, kwnames);
    case REC_STATIC: return ai_call(r->fn, args, nargs, kwnames);
    default: return cls_call_self(r->fn, ai_val(ai_type_of(o)), args, nargs, kwnames);
    }
}

/* Is `name` in o's instance dict? (1 with *out, 0, -1 error) */
static int32_t in_inst_dict(ai_value o, cls_type *ct, ai_value name, ai_value *out) {
    return cls_inst_lookup(o, ct, name, out);
}

static ai_value getattr_call(ai_value o, ai_value name, const ai_value *args, int64_t nargs,
                             ai_value kwnames) {
    ai_value f = ai_getattr(o, name);
    if (!f) {
        exc_mark_lookup_failed();
        return AI_ERR;
    }
    return ai_call(f, args, nargs, kwnames);
}

/* C.name(...) on a class object: functions are called as they are,
 * static and class methods without making a bound method. */
static ai_value class_call_method(ai_value o, ai_value name, const ai_value *args, int64_t nargs,
                                  ai_value kwnames) {
    ai_type *t = (ai_type *)ai_obj(o);
    cls_found f;
    if (cls_lookup(t, 0, name, &f) < 0) return AI_ERR;
    if (f.kind == CF_VALUE && !ai_is_smallint(f.value)) {
        ai_type *vt = ai_type_of_obj(ai_obj(f.value));
        if (vt == &ai_function_type) return ai_call(f.value, args, nargs, kwnames);
        if (vt == &cls_staticmethod_type || vt == &cls_classmethod_type)
            return cls_call_found(&f, 0, t, args, nargs, kwnames);
    }
    return getattr_call(o, name, args, nargs, kwnames);
}

/* Call a compiled body with (self, args…) as compiled code does. */
typedef ai_value (*body0)(ai_value);
typedef ai_value (*body1)(ai_value, ai_value);
typedef ai_value (*body2)(ai_value, ai_value, ai_value);
typedef ai_value (*body3)(ai_value, ai_value, ai_value, ai_value);
typedef ai_value (*body4)(ai_value, ai_value, ai_value, ai_value, ai_value);
typedef ai_value (*body5)(ai_value, ai_value, ai_value, ai_value, ai_value, ai_value);

static ai_value call_body(void *body, ai_value o, const ai_value *a, int64_t nargs) {
    switch (nargs) {
    case 0: return ((body0)body)(o);
    case 1: return ((body1)body)(o, a[0]);
    case 2: return ((body2)body)(o, a[0], a[1]);
    case 3: return ((body3)body)(o, a[0], a[1], a[2]);
    case 4: return ((body4)body)(o, a[0], a[1], a[2], a[3]);
    default: return ((body5)body)(o, a[0], a[1], a[2], a[3], a[4]);
    }
}

ai_value cls_call_method(ai_value o, ai_value name, const ai_value *args, int64_t nargs,
                         ai_value kwnames, void *cache) {
    ai_type *t = ai_type_of(o);
    if (t == &cls_super_type) return cls_super_call_method(o, name, args, nargs, kwnames);
    if (t == &ai_type_type || (t->flags & AI_TF_METACLASS)) return class_call_method(o, name, args, nargs, kwnames);
    cls_type *ct = (cls_type *)t;
    _Atomic(uintptr_t) *slot = cache;
    ai_value v;
    if (slot && !kwnames && nargs <= DIRECT_MAX_ARGS) {
        /* The ways compiled code did not check (or a site of C code). */
        for (int i = 1; i <= AI_MCACHE_WAYS; i++) {
            /* acquire: pairs with install_direct's release store. */
            const cls_rec *r = (const cls_rec *)atomic_load_explicit(&slot[i], memory_order_acquire);
            if (!r) break;
            if (r->owner == t && r->m.direct == nargs + 2 &&
                r->m.version == atomic_load_explicit(&ct->version, memory_order_acquire))
                return call_body(r->m.body, o, args, nargs);
        }
    }
    if (slot) {
        /* acquire: pairs with the release store below, so the record's
         * fields are visible before its address. */
        uintptr_t w = atomic_load_explicit(slot, memory_order_acquire);
        if (w & 1) {
            const cls_rec *r = (const cls_rec *)(w & ~(uintptr_t)1);
            if (r->owner == t && r->m.version == atomic_load_explicit(&ct->version, memory_order_acquire)) {
                if (!(atomic_load_explicit(&ct->cflags, memory_order_relaxed) & CLS_SHADOWED))
                    return rec_call(r, o, args, nargs, kwnames);
                int32_t rc = in_inst_dict(o, ct, name, &v);
                if (rc < 0) return AI_ERR;
                if (!rc) return rec_call(r, o, args, nargs, kwnames);
                return ai_call(v, args, nargs, kwnames);
            }
        }
    }
    if (atomic_load_explicit(&ct->cflags, memory_order_relaxed) & CLS_NO_CALL_CACHE)
        return getattr_call(o, name, args, nargs, kwnames);
    cls_found f;
    if (cls_lookup(t, 0, name, &f) < 0) return AI_ERR;
    int kind = -1;
    ai_value fn = 0;
    if (f.kind == CF_VALUE && !ai_is_smallint(f.value)) {
        ai_type *vt = ai_type_of_obj(ai_obj(f.value));
        if (vt == &ai_function_type) kind = REC_FUNC, fn = f.value;
        else if (vt == &cls_staticmethod_type) kind = REC_STATIC, fn = ((cls_funcwrap *)ai_obj(f.value))->func;
        else if (vt == &cls_classmethod_type) kind = REC_CLASS, fn = ((cls_funcwrap *)ai_obj(f.value))->func;
        else return getattr_call(o, name, args, nargs, kwnames); /* property, descriptor, data */
    } else if (f.kind == CF_NONE || f.kind == CF_GETSET) {
        return getattr_call(o, name, args, nargs, kwnames);
    }
    int32_t rc = in_inst_dict(o, ct, name, &v);
    if (rc < 0) return AI_ERR;
    if (rc) return ai_call(v, args, nargs, kwnames);
    if (kind < 0) return cls_call_found(&f, o, t, args, nargs, kwnames); /* a builtin base's */
    cls_rec r0 = {{t, 0, NULL, NULL, 0}, t, fn, kind, NULL, 0, 0};
    if (slot) {
        cls_rec *r = get_record(ct, name, fn, kind);
        if (r) {
            atomic_store_explicit(slot, (uintptr_t)r | 1, memory_order_release);
            if (r->m.direct == nargs + 2 && !kwnames && nargs <= DIRECT_MAX_ARGS) install_direct(slot, r);
        }
    }
    return rec_call(&r0, o, args, nargs, kwnames);
}
