/*
 * objects/class_descr.c — the objects that make classes work: bound
 * methods ("method"), staticmethod, classmethod, property, super, the
 * slot wrappers through which builtin types' dunders are reached from
 * Python (object.__init__, super().__repr__(), BaseException.__init__ …),
 * the index-based iterator of classes with only __getitem__, and the
 * builtins staticmethod / classmethod / property / super / vars.
 *
 * Binding rules (class.c's cls_bind applies them): a function read
 * through an instance becomes a bound method, through its class stays a
 * function; staticmethod gives its function either way; classmethod binds
 * to the class; property calls its getter on instances and is itself on
 * the class; slot wrappers bind to instances like functions.
 *
 * super(C, obj) searches the MRO of type(obj) (or obj itself when obj is
 * a class) after C, binding what it finds to obj as above.
 *
 * Not handled: super() with one argument (an unbound super),
 * classmethod wrapping another descriptor (deprecated in 3.11).
 */
#include "modules/modules.h"
#include "objects/class.h"
#include "objects/text.h"

#include "gc/gc.h"
#include <pthread.h>

/* ---- shared helpers --------------------------------------------------------- */

static int64_t nkw_of(ai_value kwnames) { return kwnames ? tuple_obj(kwnames)->len : 0; }

static int want_args(int64_t nargs, int64_t n) {
    if (nargs == n) return 0;
    ai_raise_fmt(&ai_exc_TypeError, "expected %lld argument%s, got %lld", (long long)n,
                 n == 1 ? "" : "s", (long long)nargs);
    return -1;
}

static void visit_if(ai_value *slot, void (*visit)(ai_value *, void *), void *ctx) {
    if (*slot) visit(slot, ctx);
}

static int64_t identity_hash(ai_value v) {
    /* The same mixing as obj_hash's identity case (core/ops.c). */
    uint64_t p = (uint64_t)v;
    uint64_t h = (p >> 4) | (p << 60);
    if ((int64_t)h == -1) h = (uint64_t)-2;
    return (int64_t)h;
}

static ai_value default_repr(ai_value v) {
    strbuf b;
    sb_init(&b);
    sb_addc(&b, '<');
    cls_add_fullname(&b, ai_type_of(v));
    sb_printf(&b, " object at %p>", (void *)ai_obj(v));
    return sb_finish(&b);
}

/* ---- bound methods ------------------------------------------------------------ */

static void bm_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit_if(&((cls_boundmethod *)o)->func, visit, ctx);
    visit_if(&((cls_boundmethod *)o)->self, visit, ctx);
}

ai_value cls_method_new(ai_value func, ai_value self) {
    cls_boundmethod *m = ai_alloc(&cls_method_type, sizeof(cls_boundmethod));
    if (!m) return AI_ERR;
    m->func = func;
    m->self = self;
    return ai_val(m);
}

static ai_value bm_call(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames) {
    cls_boundmethod *m = (cls_boundmethod *)ai_obj(callable);
    return cls_call_self(m->func, m->self, args, nargs, kwnames);
}

/* A function's __name__ / __qualname__ (as Python code may have set them:
 * objects/funcattrs.c). */
static ai_value func_name(ai_value f, bool qual) {
    if (obj_is_type(f, &ai_builtin_function_type))
        return str_from_cstr(((ai_builtin_fn *)ai_obj(f))->name);
    ai_value n = str_from_cstr(qual ? "__qualname__" : "__name__");
    return n ? ai_getattr(f, n) : AI_ERR;
}

static ai_value bm_repr(ai_value v) {
    cls_boundmethod *m = (cls_boundmethod *)ai_obj(v);
    ai_value name = func_name(m->func, true);
    if (!name) {
        if (!exc_pending_is(&ai_exc_AttributeError)) return AI_ERR;
        exc_clear();
        name = str_from_cstr("?");
        if (!name) return AI_ERR;
    }
    ai_value r = ai_repr(m->self);
    if (!r) return AI_ERR;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "<bound method ");
    sb_add_str(&b, name);
    sb_adds(&b, " of ");
    sb_add_str(&b, r);
    sb_addc(&b, '>');
    return sb_finish(&b);
}

static ai_value bm_richcompare(ai_value a, ai_value b, int32_t op) {
    if ((op != AI_CMP_EQ && op != AI_CMP_NE) || !obj_is_type(b, &cls_method_type)) return AI_NOTIMPL;
    cls_boundmethod *x = (cls_boundmethod *)ai_obj(a), *y = (cls_boundmethod *)ai_obj(b);
    bool eq = x->self == y->self;
    if (eq) {
        int32_t r = obj_eq(x->func, y->func);
        if (r < 0) return AI_ERR;
        eq = r;
    }
    return ai_bool(op == AI_CMP_EQ ? eq : !eq);
}

static int64_t bm_hash(ai_value v) {
    cls_boundmethod *m = (cls_boundmethod *)ai_obj(v);
    int64_t h = obj_hash(m->func);
    if (h == -1) return -1;
    h ^= identity_hash(m->self);
    return h == -1 ? -2 : h;
}

static ai_value bm_self(ai_value v) { return ((cls_boundmethod *)ai_obj(v))->self; }
static ai_value bm_func(ai_value v) { return ((cls_boundmethod *)ai_obj(v))->func; }
static ai_value bm_name(ai_value v) { return func_name(bm_func(v), false); }
static ai_value bm_qualname(ai_value v) { return func_name(bm_func(v), true); }

static const ai_getset_def bm_getset[] = {
    {"__self__", bm_self},
    {"__func__", bm_func},
    {"__name__", bm_name},
    {"__qualname__", bm_qualname},
    {NULL, NULL},
};

/* Any other attribute is the function's (CPython's method_getattro):
 * obj.method.calls, obj.method.__doc__, __wrapped__. */
static ai_value bm_getattr(ai_value o, ai_value name) {
    for (const ai_getset_def *g = bm_getset; g->name; g++)
        if (attr_name_is(name, g->name)) return 0;
    if (attr_name_is(name, "__class__")) return 0;
    ai_value v = ai_getattr(bm_func(o), name);
    if (v || !exc_pending_is(&ai_exc_AttributeError)) return v;
    exc_clear();
    return 0;
}

/* types.MethodType(function, instance) */
static ai_value bm_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    if (call_no_kwargs("method", kwnames) < 0) return AI_ERR;
    if (nargs != 2) return ai_raise_fmt(&ai_exc_TypeError, "method expected 2 arguments, got %lld", (long long)nargs);
    if (!ai_type_of(args[0])->call) return ai_raise_msg(&ai_exc_TypeError, "first argument must be callable");
    if (args[1] == AI_NONE) return ai_raise_msg(&ai_exc_TypeError, "instance must not be None");
    return cls_method_new(args[0], args[1]);
}

static const ai_slots bm_slots = {
    .richcompare = bm_richcompare,
    .hash = bm_hash,
    .construct = bm_construct,
    .getset = bm_getset,
    .getattr = bm_getattr,
};

ai_type cls_method_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "method",
    .base = &ai_object_type,
    .basicsize = sizeof(cls_boundmethod),
    .repr = bm_repr,
    .call = bm_call,
    .gc_visit = bm_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&bm_slots,
};

/* ---- staticmethod and classmethod ------------------------------------------------ */

static void fw_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit_if(&((cls_funcwrap *)o)->func, visit, ctx);
}

static ai_value fw_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    ai_type *t = (ai_type *)ai_obj(cls);
    if (nkw_of(kwnames) > 0)
        return ai_raise_fmt(&ai_exc_TypeError, "%s() takes no keyword arguments", t->name);
    if (nargs != 1)
        return ai_raise_fmt(&ai_exc_TypeError, "%s expected 1 argument, got %lld", t->name,
                            (long long)nargs);
    cls_funcwrap *w = ai_alloc(t, sizeof(cls_funcwrap));
    if (!w) return AI_ERR;
    w->func = args[0];
    return ai_val(w);
}

static ai_value fw_repr(ai_value v) {
    ai_value r = ai_repr(((cls_funcwrap *)ai_obj(v))->func);
    if (!r) return AI_ERR;
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "<%s(", obj_type_name(v));
    sb_add_str(&b, r);
    sb_adds(&b, ")>");
    return sb_finish(&b);
}

/* staticmethod objects are callable since 3.10. */
static ai_value sm_call(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames) {
    return ai_call(((cls_funcwrap *)ai_obj(callable))->func, args, nargs, kwnames);
}

static ai_value fw_func(ai_value v) { return ((cls_funcwrap *)ai_obj(v))->func; }

static const ai_getset_def fw_getset[] = {
    {"__func__", fw_func},
    {"__wrapped__", fw_func},
    {NULL, NULL},
};

/* Since 3.10 they carry the wrapped function's __name__, __qualname__,
 * __doc__ and __module__. */
static ai_value fw_getattr(ai_value o, ai_value name) {
    static const char *const copied[] = {"__name__", "__qualname__", "__doc__", "__module__"};
    for (size_t i = 0; i < sizeof copied / sizeof *copied; i++)
        if (attr_name_is(name, copied[i])) return ai_getattr(fw_func(o), name);
    return 0;
}

/* The descriptor protocol as methods: staticmethod.__get__ returns the
 * function, classmethod.__get__ binds it to the class. */
static int get_args(const char *name, int64_t nargs, ai_value kw) {
    if (call_no_kwargs(name, kw) < 0) return -1;
    if (nargs < 1 || nargs > 2) {
        ai_raise_fmt(&ai_exc_TypeError, "expected 1 or 2 arguments, got %lld", (long long)nargs);
        return -1;
    }
    return 0;
}

static ai_value sm_get(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (get_args("__get__", nargs, kw) < 0) return AI_ERR;
    return fw_func(self);
}

static ai_value cm_get(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (get_args("__get__", nargs, kw) < 0) return AI_ERR;
    ai_value cls = nargs == 2 && args[1] != AI_NONE ? args[1] : ai_val(ai_type_of(args[0]));
    return cls_method_new(fw_func(self), cls);
}

static const ai_method_def sm_methods[] = {
    {"__get__", sm_get, &cls_staticmethod_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_method_def cm_methods[] = {
    {"__get__", cm_get, &cls_classmethod_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_slots fw_slots = {.construct = fw_construct, .getset = fw_getset, .getattr = fw_getattr,
                                  .methods = sm_methods};
static const ai_slots cm_slots = {.construct = fw_construct, .getset = fw_getset, .getattr = fw_getattr,
                                  .methods = cm_methods};

ai_type cls_staticmethod_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "staticmethod",
    .base = &ai_object_type,
    .basicsize = sizeof(cls_funcwrap),
    .repr = fw_repr,
    .call = sm_call,
    .gc_visit = fw_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&fw_slots,
};

ai_type cls_classmethod_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "classmethod",
    .base = &ai_object_type,
    .basicsize = sizeof(cls_funcwrap),
    .repr = fw_repr,
    .gc_visit = fw_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&cm_slots,
};

/* ---- property ------------------------------------------------------------------- */

static void prop_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    cls_property *p = (cls_property *)o;
    visit_if(&p->fget, visit, ctx);
    visit_if(&p->fset, visit, ctx);
    visit_if(&p->fdel, visit, ctx);
    visit_if(&p->doc, visit, ctx);
    visit_if(&p->name, visit, ctx);
}

/* Fill property p (new, or an instance of a subclass being initialised). */
static ai_value prop_fill(cls_property *p, ai_value fget, ai_value fset, ai_value fdel, ai_value doc, ai_value name) {
    p->fget = fget == AI_NONE ? 0 : fget;
    p->fset = fset == AI_NONE ? 0 : fset;
    p->fdel = fdel == AI_NONE ? 0 : fdel;
    p->doc = doc == AI_NONE ? 0 : doc;
    p->name = name;
    p->getter_doc = 0;
    if (!p->doc && p->fget) {
        /* No doc given: the getter's docstring, as CPython's property. */
        ai_value name_doc = str_from_ascii("__doc__", 7);
        ai_value d = name_doc ? ai_getattr(p->fget, name_doc) : 0;
        if (!d) {
            if (!exc_pending_is(&ai_exc_AttributeError)) return AI_ERR;
            exc_clear();
        } else if (d != AI_NONE) {
            p->doc = d;
            p->getter_doc = 1;
        }
    }
    gc_barrier_all(p);
    return ai_val(p);
}

static ai_value prop_make(ai_value fget, ai_value fset, ai_value fdel, ai_value doc, ai_value name) {
    cls_property *p = ai_alloc(&cls_property_type, sizeof(cls_property));
    if (!p) return AI_ERR;
    return prop_fill(p, fget, fset, fdel, doc, name);
}

/* property(fget, fset, fdel, doc) into a[4] (0: not given); 0 / -1. */
static int prop_args(const ai_value *args, int64_t nargs, ai_value kwnames, ai_value a[4]) {
    static const char *const names[4] = {"fget", "fset", "fdel", "doc"};
    a[0] = a[1] = a[2] = a[3] = 0;
    if (nargs > 4) {
        ai_raise_fmt(&ai_exc_TypeError, "property() takes at most 4 arguments (%lld given)",
                     (long long)(nargs + nkw_of(kwnames)));
        return -1;
    }
    for (int64_t i = 0; i < nargs; i++) a[i] = args[i];
    for (int64_t k = 0; k < nkw_of(kwnames); k++) {
        ai_value kn = tuple_obj(kwnames)->items[k];
        int j = 0;
        while (j < 4 && !attr_name_is(kn, names[j])) j++;
        if (j == 4) {
            const char *s = str_utf8(kn, NULL);
            ai_raise_fmt(&ai_exc_TypeError, "'%s' is an invalid keyword argument for property()", s ? s : "?");
            return -1;
        }
        if (a[j]) {
            ai_raise_fmt(&ai_exc_TypeError, "argument for property() given by name ('%s') and position (%d)",
                         names[j], j + 1);
            return -1;
        }
        a[j] = args[nargs + k];
    }
    return 0;
}

static ai_value prop_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    ai_value a[4];
    if (prop_args(args, nargs, kwnames, a) < 0) return AI_ERR;
    return prop_make(a[0] ? a[0] : AI_NONE, a[1] ? a[1] : AI_NONE, a[2] ? a[2] : AI_NONE,
                     a[3] ? a[3] : AI_NONE, 0);
}

/* property.__init__ of an instance of a subclass of property. */
static ai_value prop_init(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    ai_value a[4];
    if (prop_args(args, nargs, kwnames, a) < 0) return AI_ERR;
    cls_property *p = (cls_property *)ai_obj(self);
    if (!prop_fill(p, a[0] ? a[0] : AI_NONE, a[1] ? a[1] : AI_NONE, a[2] ? a[2] : AI_NONE,
                   a[3] ? a[3] : AI_NONE, p->name))
        return AI_ERR;
    /* As CPython 3.11: a doc taken from the getter goes to the instance's
     * __dict__ too, where the subclass's own __doc__ (None) does not
     * shadow it (an explicit doc= stays shadowed). */
    if (p->getter_doc) {
        ai_value name = str_from_ascii("__doc__", 7);
        if (!name || ai_setattr(self, name, p->doc) < 0) return AI_ERR;
    }
    return AI_NONE;
}

ai_value cls_prop_get(ai_value prop, ai_value obj, const ai_type *tp) {
    const ai_type *t = ai_type_of(prop);
    if (t != &cls_property_type && ((const cls_type *)t)->dunder[D_GET]) {
        ai_value a[2] = {obj ? obj : AI_NONE, ai_val(tp)};
        return cls_call_dunder(((const cls_type *)t)->dunder[D_GET], prop, a, 2);
    }
    return obj ? cls_property_get(prop, obj) : prop;
}

int32_t cls_prop_set(ai_value prop, ai_value obj, ai_value v) {
    const ai_type *t = ai_type_of(prop);
    if (t != &cls_property_type) {
        ai_value m = v ? ((const cls_type *)t)->dunder[D_SET] : ((const cls_type *)t)->dunder[D_DELETE];
        if (m) {
            ai_value a[2] = {obj, v};
            return cls_call_dunder(m, prop, a, v ? 2 : 1) ? 0 : -1;
        }
    }
    return cls_property_set(prop, obj, v);
}

static ai_value prop_missing(ai_value prop, ai_value obj, const char *what) {
    cls_property *p = (cls_property *)ai_obj(prop);
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "property ");
    if (p->name) {
        ai_value r = ai_repr(p->name);
        if (!r) {
            sb_free(&b);
            return AI_ERR;
        }
        sb_add_str(&b, r);
        sb_addc(&b, ' ');
    }
    const ai_type *t = ai_type_of(obj);
    sb_adds(&b, "of '");
    if (cls_check_type(t)) sb_add_str(&b, ((const cls_type *)t)->qualname);
    else sb_adds(&b, t->name);
    sb_printf(&b, "' object has no %s", what);
    ai_value msg = sb_finish(&b);
    if (!msg) return AI_ERR;
    ai_value a = ai_tuple_pack(&msg, 1);
    return a ? exc_raise_args(&ai_exc_AttributeError, a) : AI_ERR;
}

ai_value cls_property_get(ai_value prop, ai_value obj) {
    cls_property *p = (cls_property *)ai_obj(prop);
    if (!p->fget) return prop_missing(prop, obj, "getter");
    return ai_call(p->fget, &obj, 1, 0);
}

int32_t cls_property_set(ai_value prop, ai_value obj, ai_value v) {
    cls_property *p = (cls_property *)ai_obj(prop);
    ai_value f = v ? p->fset : p->fdel;
    if (!f) {
        prop_missing(prop, obj, v ? "setter" : "deleter");
        return -1;
    }
    ai_value a[2] = {obj, v};
    return ai_call(f, a, v ? 2 : 1, 0) ? 0 : -1;
}

static ai_value prop_copy_with(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames,
                               int which) {
    if (call_no_kwargs(which == 0 ? "getter" : which == 1 ? "setter" : "deleter", kwnames) < 0 ||
        want_args(nargs, 1) < 0)
        return AI_ERR;
    cls_property *p = (cls_property *)ai_obj(self);
    ai_value f[3] = {p->fget, p->fset, p->fdel};
    f[which] = args[0];
    /* A doc taken from the old getter is the new getter's to give. */
    ai_value doc = p->getter_doc && f[0] ? 0 : p->doc;
    const ai_type *t = ai_type_of(self);
    if (t != &cls_property_type) {
        /* A subclass copies itself through its constructor, as CPython's. */
        ai_value a[4] = {f[0] ? f[0] : AI_NONE, f[1] ? f[1] : AI_NONE, f[2] ? f[2] : AI_NONE, doc ? doc : AI_NONE};
        ai_value r = ai_call(ai_val(t), a, 4, 0);
        if (r && cls_is_property(r) && !((cls_property *)ai_obj(r))->name && p->name) {
            ((cls_property *)ai_obj(r))->name = p->name;
            gc_barrier(ai_obj(r), p->name);
        }
        return r;
    }
    return prop_make(f[0], f[1], f[2], doc ? doc : AI_NONE, p->name);
}

static ai_value prop_getter(ai_value self, const ai_value *a, int64_t n, ai_value kw) {
    return prop_copy_with(self, a, n, kw, 0);
}
static ai_value prop_setter(ai_value self, const ai_value *a, int64_t n, ai_value kw) {
    return prop_copy_with(self, a, n, kw, 1);
}
static ai_value prop_deleter(ai_value self, const ai_value *a, int64_t n, ai_value kw) {
    return prop_copy_with(self, a, n, kw, 2);
}

static ai_value or_none(ai_value v) { return v ? v : AI_NONE; }
static ai_value prop_fget(ai_value v) { return or_none(((cls_property *)ai_obj(v))->fget); }
static ai_value prop_fset(ai_value v) { return or_none(((cls_property *)ai_obj(v))->fset); }
static ai_value prop_fdel(ai_value v) { return or_none(((cls_property *)ai_obj(v))->fdel); }
static ai_value prop_doc(ai_value v) { return or_none(((cls_property *)ai_obj(v))->doc); }

static ai_value prop_get_m(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (get_args("__get__", nargs, kw) < 0) return AI_ERR;
    if (args[0] == AI_NONE) return self;
    return cls_property_get(self, args[0]);
}

static ai_value prop_set_m(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (call_no_kwargs("__set__", kw) < 0 || call_exact_args("__set__", nargs, 2) < 0) return AI_ERR;
    return cls_property_set(self, args[0], args[1]) < 0 ? AI_ERR : AI_NONE;
}

static ai_value prop_delete_m(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (call_no_kwargs("__delete__", kw) < 0 || call_exact_args("__delete__", nargs, 1) < 0) return AI_ERR;
    return cls_property_set(self, args[0], 0) < 0 ? AI_ERR : AI_NONE;
}

static const ai_method_def prop_methods[] = {
    {"__get__", prop_get_m, &cls_property_type, 0},
    {"__set__", prop_set_m, &cls_property_type, 0},
    {"__delete__", prop_delete_m, &cls_property_type, 0},
    {"getter", prop_getter, &cls_property_type, 0},
    {"setter", prop_setter, &cls_property_type, 0},
    {"deleter", prop_deleter, &cls_property_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_getset_def prop_getset[] = {
    {"fget", prop_fget},
    {"fset", prop_fset},
    {"fdel", prop_fdel},
    {"__doc__", prop_doc},
    {NULL, NULL},
};

static const ai_slots prop_slots = {
    .construct = prop_construct,
    .methods = prop_methods,
    .getset = prop_getset,
};

ai_type cls_property_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "property",
    .base = &ai_object_type,
    .basicsize = sizeof(cls_property),
    .repr = default_repr,
    .gc_visit = prop_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&prop_slots,
};

/* ---- slot wrappers ------------------------------------------------------------------ */

static void wr_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit_if(&((cls_wrapper *)o)->self, visit, ctx);
}

/* Unbound slot wrappers are made once per (type, dunder) and kept, as
 * CPython keeps them in the type's dict: `C.__lt__ is object.__lt__`
 * holds when C does not override it (functools.total_ordering and
 * dataclasses compare them so). Immortal; the table is append-only
 * under wrapper_lock. */
enum { WRAPPER_CACHE = 1024 };
static struct {
    const ai_type *owner;
    int idx;
    ai_value w;
} wrapper_cache[WRAPPER_CACHE];
static pthread_mutex_t wrapper_lock = PTHREAD_MUTEX_INITIALIZER;

static ai_value unbound_wrapper(const ai_type *owner, int idx) {
    size_t h = (((uintptr_t)owner >> 4) * 31 + (size_t)idx) % WRAPPER_CACHE;
    ai_value found = 0;
    pthread_mutex_lock(&wrapper_lock);
    for (size_t n = 0; n < WRAPPER_CACHE; n++, h = (h + 1) % WRAPPER_CACHE) {
        if (!wrapper_cache[h].owner) {
            cls_wrapper *w = alloc_static(&cls_wrapper_type, sizeof(cls_wrapper));
            if (w) {
                w->owner = owner;
                w->idx = idx;
                w->self = 0;
                wrapper_cache[h].owner = owner;
                wrapper_cache[h].idx = idx;
                wrapper_cache[h].w = found = ai_val(w);
            }
            break;
        }
        if (wrapper_cache[h].owner == owner && wrapper_cache[h].idx == idx) {
            found = wrapper_cache[h].w;
            break;
        }
    }
    pthread_mutex_unlock(&wrapper_lock);
    return found;
}

ai_value cls_wrapper_new(const ai_type *owner, int idx, ai_value self) {
    if (!self && !cls_check_type(owner)) {
        ai_value c = unbound_wrapper(owner, idx);
        if (c) return c;
        if (exc_pending()) return AI_ERR;
    }
    cls_wrapper *w = ai_alloc(self ? &cls_method_wrapper_type : &cls_wrapper_type, sizeof(cls_wrapper));
    if (!w) return AI_ERR;
    w->owner = owner;
    w->idx = idx;
    w->self = self;
    return ai_val(w);
}

static ai_value wr_call(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames) {
    cls_wrapper *w = (cls_wrapper *)ai_obj(callable);
    return cls_wrapper_invoke(w->owner, w->idx, w->self, args, nargs, kwnames);
}

static ai_value wr_repr(ai_value v) {
    cls_wrapper *w = (cls_wrapper *)ai_obj(v);
    strbuf b;
    sb_init(&b);
    const char *name = cls_dunder_name[w->idx];
    if (w->idx == D_NEW)
        sb_printf(&b, "<built-in method %s of type object at %p>", name, (void *)w->owner);
    else if (!w->self)
        sb_printf(&b, "<slot wrapper '%s' of '%s' objects>", name, w->owner->name);
    else
        sb_printf(&b, "<method-wrapper '%s' of %s object at %p>", name, obj_type_name(w->self),
                  (void *)ai_obj(w->self));
    return sb_finish(&b);
}

ai_type cls_wrapper_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "wrapper_descriptor",
    .base = &ai_object_type,
    .basicsize = sizeof(cls_wrapper),
    .repr = wr_repr,
    .call = wr_call,
    .gc_visit = wr_visit,
    .gc_size = alloc_fixed_size,
};

ai_type cls_method_wrapper_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "method-wrapper",
    .base = &ai_object_type,
    .basicsize = sizeof(cls_wrapper),
    .repr = wr_repr,
    .call = wr_call,
    .gc_visit = wr_visit,
    .gc_size = alloc_fixed_size,
};

static bool overrides(const ai_type *t, int idx) {
    return cls_check_type(t) && ((const cls_type *)t)->dunder[idx];
}

/* object.__new__(cls, *args) and BaseException.__new__(cls, *args). */
static ai_value wrapper_new_call(const ai_type *owner, const ai_value *args, int64_t nargs,
                                 ai_value kwnames) {
    const char *on = owner->name;
    if (nargs < 1) return ai_raise_fmt(&ai_exc_TypeError, "%s.__new__(): not enough arguments", on);
    if (!obj_is_class(args[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "%s.__new__(X): X is not a type object (%s)", on,
                            obj_type_name(args[0]));
    ai_type *cls = (ai_type *)ai_obj(args[0]);
    if (!cls_is_subtype(cls, owner))
        return ai_raise_fmt(&ai_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", on,
                            cls->name, cls->name, on);
    if (!cls_check_type(cls)) {
        /* A builtin type: its constructor (int.__new__(int, "5")). */
        const ai_slots *s = obj_slots_of_type(cls);
        if (!s->construct) return ai_raise_fmt(&ai_exc_TypeError, "cannot create '%s' instances", cls->name);
        return s->construct(args[0], args + 1, nargs - 1, kwnames);
    }
    const ai_type *solid = ((cls_type *)cls)->solid;
    if (solid == &ai_type_type) return cls_meta_new(cls, args + 1, nargs - 1, kwnames);
    if (cls_value_from_new(solid)) {
        /* int.__new__(cls, x), str.__new__(cls, …): the builtin's value, in
         * an instance of cls. object.__new__ cannot make one (CPython's
         * "is not safe" error). */
        if (!cls_is_subtype(owner, solid))
            return ai_raise_fmt(&ai_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", on,
                                cls->name, solid->name);
        ai_value base = obj_slots_of_type(solid)->construct(ai_val(solid), args + 1, nargs - 1, kwnames);
        return base ? cls_instance_from(cls, base) : AI_ERR;
    }
    if (owner == &ai_object_type && (nargs > 1 || nkw_of(kwnames) > 0)) {
        if (overrides(cls, D_NEW))
            return ai_raise_msg(&ai_exc_TypeError,
                                "object.__new__() takes exactly one argument (the type to instantiate)");
        if (!overrides(cls, D_INIT))
            return ai_raise_fmt(&ai_exc_TypeError, "%s() takes no arguments", cls->name);
    }
    return cls_alloc_instance(cls, args + 1, nargs - 1);
}

static ai_value wrapper_init(const ai_type *owner, ai_value self, const ai_value *args,
                             int64_t nargs, ai_value kwnames) {
    const ai_type *t = ai_type_of(self);
    if (owner == &ai_object_type || owner == &ai_array_type) {
        /* (array has object's __init__: its value came from __new__) */
        if (nargs > 0 || nkw_of(kwnames) > 0) {
            if (overrides(t, D_INIT))
                return ai_raise_msg(&ai_exc_TypeError,
                                    "object.__init__() takes exactly one argument (the instance to "
                                    "initialize)");
            if (owner == &ai_object_type && !overrides(t, D_NEW))
                return ai_raise_fmt(&ai_exc_TypeError,
                                    "%s.__init__() takes exactly one argument (the instance to "
                                    "initialize)",
                                    t->name);
        }
        return AI_NONE;
    }
    if (owner->flags & AI_TF_EXCEPTION) {
        if (nkw_of(kwnames) > 0)
            return ai_raise_fmt(&ai_exc_TypeError, "%s() takes no keyword arguments", t->name);
        if (cls_isinstance(self, &ai_exc_OSError)) return exc_oserror_init(self, args, nargs) < 0 ? AI_ERR : AI_NONE;
        ai_value tup = ai_tuple_pack(args, nargs);
        if (!tup) return AI_ERR;
        ((ai_exc *)ai_obj(self))->args = tup;
        gc_barrier(ai_obj(self), tup);
        return AI_NONE;
    }
    if (owner == &cls_property_type) return prop_init(self, args, nargs, kwnames);
    if (owner == &ai_bytearray_type) return bytearray_reinit(self, args, nargs, kwnames);
    if (owner == &cls_staticmethod_type || owner == &cls_classmethod_type) {
        /* staticmethod/classmethod.__init__(f) of a subclass instance. */
        if (nkw_of(kwnames) > 0)
            return ai_raise_fmt(&ai_exc_TypeError, "%s() takes no keyword arguments", owner->name);
        if (nargs != 1)
            return ai_raise_fmt(&ai_exc_TypeError, "%s expected 1 argument, got %lld", owner->name,
                                (long long)nargs);
        ((cls_funcwrap *)ai_obj(self))->func = args[0];
        gc_barrier(ai_obj(self), args[0]);
        return AI_NONE;
    }
    if (owner == &ai_list_type) {
        /* list.__init__(iterable=()): clear, then extend. */
        if (call_no_kwargs("list", kwnames) < 0) return AI_ERR;
        if (nargs > 1)
            return ai_raise_fmt(&ai_exc_TypeError, "list expected at most 1 argument, got %lld",
                                (long long)nargs);
        list_obj(self)->len = 0;
        if (nargs == 1 && ai_list_extend(self, args[0]) < 0) return AI_ERR;
        return AI_NONE;
    }
    if (owner == &ai_set_type) {
        /* set.__init__(iterable=()): clear, then update. */
        if (call_no_kwargs("set", kwnames) < 0 || map_arg_range("set", nargs, 0, 1) < 0) return AI_ERR;
        return set_reinit(self, nargs == 1 ? args[0] : 0) < 0 ? AI_ERR : AI_NONE;
    }
    if (owner == &ai_dict_type) {
        /* dict.__init__(mapping_or_pairs=(), **kwargs): an update. */
        if (map_arg_range("dict", nargs, 0, 1) < 0) return AI_ERR;
        if (nargs == 1 && dict_update_arg(self, args[0]) < 0) return AI_ERR;
        for (int64_t i = 0; i < nkw_of(kwnames); i++)
            if (dict_set(self, tuple_obj(kwnames)->items[i], args[nargs + i]) < 0) return AI_ERR;
        return AI_NONE;
    }
    /* asyncio's Queue, Future … (core/object.h, subinit) */
    ai_vectorcall si = cls_subinit_of(owner);
    if (si) return si(self, args, nargs, kwnames);
    return AI_NONE;
}

static ai_value wrapper_binop(const ai_type *owner, int op, ai_value a, ai_value b, bool reflected) {
    const ai_slots *s = obj_slots_of_type(owner);
    ai_binaryfunc f = NULL;
    switch (op) {
    case AI_OP_ADD: f = s->add; break;
    case AI_OP_SUB: f = s->sub; break;
    case AI_OP_MUL: f = s->mul; break;
    case AI_OP_MATMUL: f = s->matmul; break;
    case AI_OP_TRUEDIV: f = s->truediv; break;
    case AI_OP_MOD: f = s->mod; break;
    case AI_OP_POW: f = s->pow; break;
    case AI_OP_LSHIFT: f = s->lshift; break;
    case AI_OP_RSHIFT: f = s->rshift; break;
    case AI_OP_OR: f = s->or_; break;
    case AI_OP_XOR: f = s->xor_; break;
    case AI_OP_AND: f = s->and_; break;
    case AI_OP_FLOORDIV: f = s->floordiv; break;
    default: f = s->divmod; break;
    }
    if (f) return reflected ? f(b, a) : f(a, b);
    if (!reflected && op == AI_OP_ADD && s->concat) return s->concat(a, b);
    if (!reflected && op == AI_OP_MUL && s->repeat) {
        const ai_slots *bs = obj_slots(b);
        if (!ai_is_smallint(b) && !bs->index) return AI_NOTIMPL;
        bool fits, err;
        int64_t n = obj_index_i64(b, &fits, &err);
        if (err) return AI_ERR;
        if (!fits)
            return ai_raise_fmt(&ai_exc_OverflowError, "cannot fit '%s' into an index-sized integer",
                                obj_type_name(b));
        return s->repeat(a, n);
    }
    return AI_NOTIMPL;
}

ai_value cls_wrapper_invoke(const ai_type *owner, int idx, ai_value self, const ai_value *args,
                            int64_t nargs, ai_value kwnames) {
    const char *name = cls_dunder_name[idx];
    if (idx == D_NEW) return wrapper_new_call(owner, args, nargs, kwnames);
    if (!self) {
        if (nargs < 1)
            return ai_raise_fmt(&ai_exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                                name, owner->name);
        self = args[0];
        args++;
        nargs--;
        if (!cls_is_subtype(ai_type_of(self), owner))
            return ai_raise_fmt(&ai_exc_TypeError,
                                "descriptor '%s' requires a '%s' object but received a '%s'", name,
                                owner->name, obj_type_name(self));
    }
    if (idx == D_INIT) return wrapper_init(owner, self, args, nargs, kwnames);
    if (idx == D_INIT_SUBCLASS) {
        /* object.__init_subclass__, a class method: named after its class. */
        const char *cn = obj_is_class(self) ? ((const ai_type *)ai_obj(self))->name : owner->name;
        if (nkw_of(kwnames) > 0)
            return ai_raise_fmt(&ai_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments", cn);
        if (nargs > 0)
            return ai_raise_fmt(&ai_exc_TypeError, "%s.__init_subclass__() takes no arguments (%lld given)", cn,
                                (long long)nargs);
        return AI_NONE;
    }
    const ai_slots *s = obj_slots_of_type(owner);
    if (idx == D_CALL) return owner->call(self, args, nargs, kwnames);
    if (nkw_of(kwnames) > 0)
        return ai_raise_fmt(&ai_exc_TypeError, "wrapper %s() takes no keyword arguments", name);
    if (idx >= D_BINOP && idx < D_IBINOP) {
        if (want_args(nargs, 1) < 0) return AI_ERR;
        bool refl = idx >= D_RBINOP;
        return wrapper_binop(owner, idx - (refl ? D_RBINOP : D_BINOP), self, args[0], refl);
    }
    if (idx >= D_LT && idx <= D_GE) {
        if (want_args(nargs, 1) < 0) return AI_ERR;
        int32_t op = idx - D_LT;
        if (owner != &ai_object_type) return s->richcompare(self, args[0], op);
        if (op == AI_CMP_EQ) return self == args[0] ? AI_TRUE : AI_NOTIMPL;
        if (op != AI_CMP_NE) return AI_NOTIMPL;
        ai_richcmpfunc f = obj_slots(self)->richcompare;
        if (!f) return AI_NOTIMPL;
        ai_value r = f(self, args[0], AI_CMP_EQ);
        if (!r || r == AI_NOTIMPL) return r;
        int32_t t = ai_truthy(r);
        return t < 0 ? AI_ERR : ai_bool(!t);
    }
    int64_t want = 0;
    switch (idx) {
    case D_GETITEM: case D_DELITEM: case D_CONTAINS: case D_FORMAT: case D_GETATTRIBUTE:
    case D_DELATTR:
        want = 1;
        break;
    case D_SETITEM: case D_SETATTR: want = 2; break;
    default: break;
    }
    if (want_args(nargs, want) < 0) return AI_ERR;
    switch (idx) {
    case D_REPR: return owner->repr ? owner->repr(self) : default_repr(self);
    case D_STR: return owner->str ? cls_exact_result(owner->str(self), self, 0) : ai_repr(self);
    case D_HASH: {
        int64_t h = s->hash ? s->hash(self) : identity_hash(self);
        return h == -1 ? AI_ERR : ai_int_from_i64(h);
    }
    case D_FORMAT: {
        ai_value spec = args[0];
        if (!str_check(spec))
            return ai_raise_fmt(&ai_exc_TypeError, "__format__() argument must be str, not %s",
                                obj_type_name(spec));
        if (owner != &ai_object_type) return ai_format(self, spec);
        if (str_obj(spec)->len > 0)
            return ai_raise_fmt(&ai_exc_TypeError, "unsupported format string passed to %s.__format__",
                                obj_type_name(self));
        return ai_str(self);
    }
    case D_GETATTRIBUTE:
    case D_SETATTR:
    case D_DELATTR:
        if (!str_check(args[0]))
            return ai_raise_fmt(&ai_exc_TypeError, "attribute name must be string, not '%s'",
                                obj_type_name(args[0]));
        if (idx == D_GETATTRIBUTE) return cls_generic_getattr(self, args[0]);
        return cls_generic_setattr(self, args[0], idx == D_SETATTR ? args[1] : 0) < 0 ? AI_ERR : AI_NONE;
    case D_NEG: return s->neg(self);
    case D_POS: return s->pos(self);
    case D_INVERT: return s->invert(self);
    case D_ABS: return s->abs(self);
    case D_INDEX: return s->index(self);
    case D_ITER: return s->iter(self);
    case D_GETITEM: return s->getitem(self, args[0]);
    case D_SETITEM: return s->setitem(self, args[0], args[1]) < 0 ? AI_ERR : AI_NONE;
    case D_DELITEM: return s->setitem(self, args[0], 0) < 0 ? AI_ERR : AI_NONE;
    case D_LEN: {
        int64_t n = s->len(self);
        return n < 0 ? AI_ERR : ai_int_from_i64(n);
    }
    case D_CONTAINS: {
        int32_t r = s->contains(self, args[0]);
        return r < 0 ? AI_ERR : ai_bool(r);
    }
    case D_BOOL: {
        int32_t r = s->truthy(self);
        return r < 0 ? AI_ERR : ai_bool(r);
    }
    case D_NEXT: {
        ai_value out;
        int32_t r = s->next(self, &out);
        if (r > 0) return out;
        if (r == 0) return ai_raise_msg(&ai_exc_StopIteration, NULL);
        return AI_ERR;
    }
    default:
        return ai_raise_fmt(&ai_exc_SystemError, "slot wrapper %s not callable", name);
    }
}

/* ---- __slots__ members ------------------------------------------------------------------ */

/* A slot's value is a word of the instance at `offset` (class.h); a
 * str subclass's members (offset 0) live in a per-instance dict of their
 * own, the word after the instance dict, so that __dict__ shows only the
 * other attributes. The member gives CPython's errors for unset slots. */
typedef struct cls_member {
    ai_object ob;
    ai_value name;
    const ai_type *owner;
    uint32_t offset;
} cls_member;

static void member_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit_if(&((cls_member *)o)->name, visit, ctx);
}

ai_value cls_member_new(ai_value name, const ai_type *owner, uint32_t offset) {
    cls_member *m = ai_alloc(&cls_member_type, sizeof(cls_member));
    if (!m) return AI_ERR;
    m->name = name;
    m->owner = owner;
    m->offset = offset;
    return ai_val(m);
}

uint32_t cls_member_offset(ai_value member) { return ((const cls_member *)ai_obj(member))->offset; }

static ai_value member_wrong_type(const cls_member *m, ai_value obj) {
    const char *u = str_utf8(m->name, NULL);
    return ai_raise_fmt(&ai_exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        u ? u : "?", m->owner->name, obj_type_name(obj));
}

static ai_value member_error(ai_value obj, ai_value name) {
    attr_error(obj, name);
    return AI_ERR;
}

ai_value cls_member_get(ai_value member, ai_value obj) {
    cls_member *m = (cls_member *)ai_obj(member);
    const ai_type *t = ai_type_of(obj);
    if (!cls_is_subtype(t, m->owner) || !cls_check_type(t)) return member_wrong_type(m, obj);
    if (m->offset) {
        ai_value v = *(ai_value *)((char *)ai_obj(obj) + m->offset);
        return v ? v : member_error(obj, m->name);
    }
    ai_value d = *cls_slotvals_slot(obj, (const cls_type *)t), v;
    int32_t rc = d ? dict_get(d, m->name, &v) : 0;
    if (rc < 0) return AI_ERR;
    return rc ? v : member_error(obj, m->name);
}

int32_t cls_member_set(ai_value member, ai_value obj, ai_value v) {
    cls_member *m = (cls_member *)ai_obj(member);
    const cls_type *ct = (const cls_type *)ai_type_of(obj);
    if (m->offset) {
        if (!cls_is_subtype(&ct->t, m->owner) || !cls_check_type(&ct->t)) {
            member_wrong_type(m, obj);
            return -1;
        }
        ai_value *w = (ai_value *)((char *)ai_obj(obj) + m->offset);
        if (!v && !*w) goto missing;
        *w = v;
        if (v) gc_barrier(ai_obj(obj), v);
        return 0;
    }
    ai_value *slot = cls_slotvals_slot(obj, ct);
    if (!*slot) {
        if (!v) goto missing;
        ai_value d = dict_new();
        if (!d) return -1;
        *slot = d;
        gc_barrier(ai_obj(obj), d);
    }
    if (v) return dict_set(*slot, m->name, v);
    int32_t rc = dict_del(*slot, m->name);
    if (rc) return rc < 0 ? -1 : 0;
missing:;
    /* CPython names only the slot here: "AttributeError: x". */
    ai_value a = ai_tuple_pack(&m->name, 1);
    if (a) exc_raise_args(&ai_exc_AttributeError, a);
    return -1;
}

static ai_value member_repr(ai_value v) {
    cls_member *m = (cls_member *)ai_obj(v);
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "<member '");
    sb_add_str(&b, m->name);
    sb_printf(&b, "' of '%s' objects>", m->owner->name);
    return sb_finish(&b);
}

static ai_value member_get_m(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (get_args("__get__", nargs, kw) < 0) return AI_ERR;
    if (args[0] == AI_NONE) return self;
    return cls_member_get(self, args[0]);
}

static ai_value member_set_m(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (call_no_kwargs("__set__", kw) < 0 || call_exact_args("__set__", nargs, 2) < 0) return AI_ERR;
    return cls_member_set(self, args[0], args[1]) < 0 ? AI_ERR : AI_NONE;
}

static ai_value member_delete_m(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (call_no_kwargs("__delete__", kw) < 0 || call_exact_args("__delete__", nargs, 1) < 0) return AI_ERR;
    return cls_member_set(self, args[0], 0) < 0 ? AI_ERR : AI_NONE;
}

static ai_value member_name(ai_value v) { return ((cls_member *)ai_obj(v))->name; }
static ai_value member_objclass(ai_value v) { return ai_val(((cls_member *)ai_obj(v))->owner); }

static const ai_method_def member_methods[] = {
    {"__get__", member_get_m, &cls_member_type, 0},
    {"__set__", member_set_m, &cls_member_type, 0},
    {"__delete__", member_delete_m, &cls_member_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_getset_def member_getset[] = {
    {"__name__", member_name},
    {"__objclass__", member_objclass},
    {NULL, NULL},
};

static const ai_slots member_slots = {.methods = member_methods, .getset = member_getset};

ai_type cls_member_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "member_descriptor",
    .base = &ai_object_type,
    .basicsize = sizeof(cls_member),
    .repr = member_repr,
    .gc_visit = member_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&member_slots,
};

/* ---- the index-based iterator ------------------------------------------------------- */

static int32_t seqiter_next(ai_value it, ai_value *out) {
    seq_iter *s = (seq_iter *)ai_obj(it);
    if (!s->seq) return 0;
    ai_value r = ai_getitem(s->seq, ai_int_from_i64(s->index));
    if (!r) {
        if (exc_pending_is(&ai_exc_IndexError) || exc_pending_is(&ai_exc_StopIteration)) {
            exc_clear();
            s->seq = 0;
            return 0;
        }
        return -1;
    }
    s->index++;
    *out = r;
    return 1;
}

static void seqiter_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit_if(&((seq_iter *)o)->seq, visit, ctx);
}

static const ai_slots seqiter_slots = {.iter = obj_iter_self, .next = seqiter_next};

ai_type cls_seqiter_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "iterator",
    .base = &ai_object_type,
    .basicsize = sizeof(seq_iter),
    .gc_visit = seqiter_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&seqiter_slots,
};

ai_value cls_seqiter_new(ai_value seq) {
    seq_iter *s = ai_alloc(&cls_seqiter_type, sizeof(seq_iter));
    if (!s) return AI_ERR;
    s->seq = seq;
    return ai_val(s);
}

/* ---- super --------------------------------------------------------------------------- */

static void super_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    cls_super *s = (cls_super *)o;
    visit_if(&s->type, visit, ctx);
    visit_if(&s->obj, visit, ctx);
    visit_if(&s->obj_type, visit, ctx);
}

ai_value ai_super(ai_value cls, ai_value self) {
    cls_init();
    if (!obj_is_class(cls))
        return ai_raise_fmt(&ai_exc_TypeError, "super() argument 1 must be a type, not %s",
                            obj_type_name(cls));
    const ai_type *c = (const ai_type *)ai_obj(cls);
    ai_value ot;
    if (obj_is_class(self) && cls_is_subtype((const ai_type *)ai_obj(self), c))
        ot = self;
    else if (cls_is_subtype(ai_type_of(self), c))
        ot = ai_val(ai_type_of(self));
    else
        return ai_raise_msg(&ai_exc_TypeError,
                            "super(type, obj): obj must be an instance or subtype of type");
    cls_super *s = ai_alloc(&cls_super_type, sizeof(cls_super));
    if (!s) return AI_ERR;
    s->type = cls;
    s->obj = self;
    s->obj_type = ot;
    return ai_val(s);
}

/* Where the search starts: just after s->type in the MRO of s->obj_type. */
static int64_t super_start(const cls_super *s) {
    const ai_type *ot = (const ai_type *)ai_obj(s->obj_type);
    const ai_type *t = (const ai_type *)ai_obj(s->type);
    if (cls_check_type(ot)) {
        ai_tuple *m = tuple_obj(((const cls_type *)ot)->mro);
        for (int64_t i = 0; i < m->len; i++)
            if ((const ai_type *)ai_obj(m->items[i]) == t) return i + 1;
        return m->len;
    }
    int64_t i = 0;
    for (const ai_type *k = ot; k; k = k->base, i++)
        if (k == t) return i + 1;
    return i + 1;
}

static int super_find(ai_value sup, ai_value name, cls_found *f) {
    cls_super *s = (cls_super *)ai_obj(sup);
    if (cls_lookup((const ai_type *)ai_obj(s->obj_type), super_start(s), name, f) < 0) return -1;
    if (f->kind == CF_NONE) {
        if (attr_name_is(name, "__class__")) return 0;
        int64_t n;
        const char *nm = str_utf8(name, &n);
        ai_raise_fmt(&ai_exc_AttributeError, "'super' object has no attribute '%s'", nm ? nm : "?");
        return -1;
    }
    return 0;
}

ai_value cls_super_getattr(ai_value sup, ai_value name) {
    cls_super *s = (cls_super *)ai_obj(sup);
    cls_found f;
    if (super_find(sup, name, &f) < 0) return AI_ERR;
    if (f.kind == CF_NONE) return ai_val(&cls_super_type); /* __class__ */
    const ai_type *ot = (const ai_type *)ai_obj(s->obj_type);
    return cls_bind(&f, s->obj == s->obj_type ? 0 : s->obj, ot);
}

ai_value cls_super_call_method(ai_value sup, ai_value name, const ai_value *args, int64_t nargs,
                               ai_value kwnames) {
    cls_super *s = (cls_super *)ai_obj(sup);
    if (s->obj == s->obj_type) {
        ai_value f = cls_super_getattr(sup, name);
        return f ? ai_call(f, args, nargs, kwnames) : AI_ERR;
    }
    cls_found f;
    if (super_find(sup, name, &f) < 0) return AI_ERR;
    if (f.kind == CF_NONE) return ai_call(ai_val(&cls_super_type), args, nargs, kwnames);
    return cls_call_found(&f, s->obj, (const ai_type *)ai_obj(s->obj_type), args, nargs, kwnames);
}

static ai_value super_getattr_slot(ai_value sup, ai_value name) { return cls_super_getattr(sup, name); }

static ai_value super_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    if (call_no_kwargs("super", kwnames) < 0) return AI_ERR;
    if (nargs == 0) return ai_raise_msg(&ai_exc_RuntimeError, "super(): no arguments");
    if (nargs == 1)
        return ai_raise_msg(&ai_exc_NotImplementedError,
                            "super() with one argument (an unbound super) is not supported");
    if (nargs > 2)
        return ai_raise_fmt(&ai_exc_TypeError, "super() expected at most 2 arguments, got %lld",
                            (long long)nargs);
    return ai_super(args[0], args[1]);
}

static ai_value super_repr(ai_value v) {
    cls_super *s = (cls_super *)ai_obj(v);
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "<super: <class '%s'>, <%s object>>", ((ai_type *)ai_obj(s->type))->name,
              ((ai_type *)ai_obj(s->obj_type))->name);
    return sb_finish(&b);
}

static const ai_slots super_slots = {.construct = super_construct, .getattr = super_getattr_slot};

ai_type cls_super_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "super",
    .base = &ai_object_type,
    .basicsize = sizeof(cls_super),
    .repr = super_repr,
    .gc_visit = super_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&super_slots,
};

/* ---- builtins ------------------------------------------------------------------------- */

static ai_value bi_vars(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("vars", kwnames) < 0) return AI_ERR;
    if (nargs == 0)
        return ai_raise_msg(&ai_exc_NotImplementedError, "vars() without an argument is not supported");
    if (nargs > 1)
        return ai_raise_fmt(&ai_exc_TypeError, "vars expected at most 1 argument, got %lld",
                            (long long)nargs);
    ai_value name = str_from_cstr("__dict__");
    if (!name) return AI_ERR;
    ai_value d = ai_getattr(args[0], name);
    if (d || !exc_pending_is(&ai_exc_AttributeError)) return d;
    exc_clear();
    return ai_raise_msg(&ai_exc_TypeError, "vars() argument must have __dict__ attribute");
}

/* dir(x): the names an attribute lookup on x could find — the instance
 * dict, every class dict of the MRO, and for builtin types their method
 * and getset tables and the dunders their slots implement (object's set
 * as CPython 3.11 lists it). Sorted. */
static const char *const object_dir[] = {
    "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
    "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
    "__le__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__",
    "__setattr__", "__sizeof__", "__str__", "__subclasshook__", NULL};

static int dir_add(ai_value set, const char *name) {
    ai_value s = str_from_cstr(name);
    return s ? dict_set(set, s, AI_NONE) : -1;
}

static int dir_add_dict(ai_value set, ai_value d) {
    int64_t pos = 0;
    ai_value k;
    while (dict_next(d, &pos, &k, NULL, NULL))
        if (str_check(k) && dict_set(set, k, AI_NONE) < 0) return -1;
    return 0;
}

static int dir_add_type(ai_value set, const ai_type *t) {
    if (cls_check_type(t)) {
        const cls_type *ct = (const cls_type *)t;
        ai_tuple *m = tuple_obj(ct->mro);
        for (int64_t i = 0; i < m->len; i++) {
            const ai_type *k = (const ai_type *)ai_obj(m->items[i]);
            if (cls_check_type(k)) {
                if (dir_add_dict(set, ((const cls_type *)k)->dict) < 0 || dir_add(set, "__dict__") < 0 ||
                    dir_add(set, "__weakref__") < 0)
                    return -1;
            } else if (dir_add_type(set, k) < 0) {
                return -1;
            }
        }
        return 0;
    }
    for (const ai_type *k = t; k; k = k->base) {
        const ai_slots *s = obj_slots_of_type(k);
        if (s->methods)
            for (const ai_method_def *d = s->methods; d->name; d++)
                if (dir_add(set, d->name) < 0) return -1;
        if (s->getset)
            for (const ai_getset_def *g = s->getset; g->name; g++)
                if (dir_add(set, g->name) < 0) return -1;
        for (int i = 0; i < D_COUNT; i++)
            if (k != &ai_object_type && cls_static_defines(k, i) && dir_add(set, cls_dunder_name[i]) < 0)
                return -1;
    }
    for (int i = 0; object_dir[i]; i++)
        if (dir_add(set, object_dir[i]) < 0) return -1;
    return 0;
}

static ai_value bi_dir(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    cls_init();
    if (call_no_kwargs("dir", kwnames) < 0) return AI_ERR;
    if (nargs == 0)
        return ai_raise_msg(&ai_exc_NotImplementedError, "dir() without an argument is not supported");
    if (nargs > 1)
        return ai_raise_fmt(&ai_exc_TypeError, "dir expected at most 1 argument, got %lld",
                            (long long)nargs);
    ai_value x = args[0], set = dict_new();
    if (!set) return AI_ERR;
    const ai_type *t = ai_type_of(x);
    if (t == &ai_module_type) {
        /* A module: the names in its namespace, as CPython's module.__dir__. */
        ai_value d = mod_dict(x);
        if (!d || dir_add_dict(set, d) < 0) return AI_ERR;
    } else if (t == &ai_type_type || (t->flags & AI_TF_METACLASS)) {
        if (dir_add_type(set, (const ai_type *)ai_obj(x)) < 0) return AI_ERR;
    } else {
        if (cls_check_type(t)) {
            ai_value d = cls_inst_dict_if_any(x, (cls_type *)t);
            if (!d && exc_pending()) return AI_ERR;
            if (d && dir_add_dict(set, d) < 0) return AI_ERR;
        }
        if (dir_add_type(set, t) < 0) return AI_ERR;
    }
    ai_value list = list_from_iter(set);
    if (!list || list_sort(list, 0, false) < 0) return AI_ERR;
    return list;
}

static AI_BUILTIN_FN(bf_vars, "vars", bi_vars);
static AI_BUILTIN_FN(bf_dir, "dir", bi_dir);

#define V(x) ((ai_value)(uintptr_t) & (x))
const bi_entry bi_table_class[] = {
    {"staticmethod", V(cls_staticmethod_type)},
    {"classmethod", V(cls_classmethod_type)},
    {"property", V(cls_property_type)},
    {"super", V(cls_super_type)},
    {"vars", V(bf_vars)},
    {"dir", V(bf_dir)},
    {NULL, 0},
};
#undef V
