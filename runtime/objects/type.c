/*
 * objects/type.c — the types `type` and `object`.
 *
 * Every ai_type is an object whose header points at ai_type_type, so a
 * type is a value: `int`, `ValueError` and user classes can be passed,
 * compared by identity, printed ("<class 'int'>") and called. Calling a
 * type goes through ai_type_type's call slot, which runs the target
 * type's `construct` slot (core/object.h); `type(x)` with one argument
 * returns x's type.
 *
 * Invariants: types made by the runtime are static and immortal; their
 * `slots` pointer may be NULL (no protocol support beyond identity).
 * Classes (AI_TF_HEAPTYPE, objects/class.c) are objects of type `type`
 * too, made at run time in the static heap: their repr is module-
 * qualified and the collector reaches their namespace through this
 * type's gc_visit. type(name, bases, dict) makes a class; int(x) and
 * float(x) of an instance go through its __int__/__float__/__index__.
 * Metaclasses: objects/class_meta.c (type.__new__ is this type's construct
 * slot; `|` between classes makes a union, objects/genericalias.c).
 */
#include "core/object.h"

static ai_value type_call(ai_value callable, const ai_value *args, int64_t nargs,
                          ai_value kwnames) {
    ai_type *t = (ai_type *)ai_obj(callable);
    if (t == &ai_type_type) {
        int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
        if (nargs == 1 && nkw == 0) return ai_val(ai_type_of(args[0]));
        if (nargs != 3) return ai_raise_msg(&ai_exc_TypeError, "type() takes 1 or 3 arguments");
        ai_value c = cls_meta_new(&ai_type_type, args, nargs, kwnames);
        if (!c) return AI_ERR;
        /* The class's own metaclass may define __init__ (a base's metaclass
         * made it): called as type.__call__ does. */
        ai_type *mt = ai_type_of(c);
        if ((mt->flags & AI_TF_METACLASS) && cls_special_method(c, "__init__")) {
            ai_value init = cls_special_method(c, "__init__");
            if (!init || !ai_call(init, args, nargs, kwnames)) return AI_ERR;
        }
        return c;
    }
    if ((t == &ai_int_type || t == &ai_float_type) && nargs == 1 && !kwnames) {
        /* int(x) / float(x) of an instance: its __int__/__float__/__index__. */
        ai_value r = cls_convert(t, args[0]);
        if (r || exc_pending()) return r;
    }
    const ai_slots *s = obj_slots_of_type(t);
    if (!s->construct)
        return ai_raise_fmt(&ai_exc_TypeError, "cannot create '%s' instances", t->name);
    return s->construct(callable, args, nargs, kwnames);
}

ai_value type_repr(ai_value v) {
    ai_type *t = (ai_type *)ai_obj(v);
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "<class '");
    cls_add_fullname(&b, t);
    sb_adds(&b, "'>");
    return sb_finish(&b);
}

/* type.__new__ as a slot (reached through super().__new__ in a
 * metaclass, or type.__new__(M, …)); `|` between classes makes a union. */
static ai_value type_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    ai_type *meta = (ai_type *)ai_obj(cls);
    if (meta == &ai_type_type && nargs == 1 && !(kwnames && tuple_obj(kwnames)->len))
        return ai_val(ai_type_of(args[0]));
    return cls_meta_new(meta, args, nargs, kwnames);
}

static const ai_slots type_slots = {.construct = type_construct, .or_ = ga_union_or};

ai_type ai_type_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "type",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_type),
    .repr = type_repr,
    .call = type_call,
    .slots = (void *)&type_slots,
    /* Static types hold no heap values; classes do (cls_type_visit
     * tells them apart by AI_TF_HEAPTYPE). */
    .gc_visit = cls_type_visit,
    .gc_size = cls_type_size,
};

static ai_value object_construct(ai_value cls, const ai_value *args, int64_t nargs,
                                 ai_value kwnames) {
    (void)args;
    if (nargs > 0 || (kwnames && tuple_obj(kwnames)->len > 0))
        return ai_raise_msg(&ai_exc_TypeError, "object() takes no arguments");
    ai_type *t = (ai_type *)ai_obj(cls);
    ai_object *o = ai_alloc(t, t->basicsize);
    return o ? ai_val(o) : AI_ERR;
}

static const ai_slots object_slots = {.construct = object_construct};

ai_type ai_object_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "object",
    .base = NULL,
    .basicsize = sizeof(ai_object),
    .gc_size = alloc_fixed_size,
    .slots = (void *)&object_slots,
};
