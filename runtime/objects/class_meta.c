/*
 * objects/class_meta.c — metaclasses and the class statement's protocol.
 *
 * A metaclass is a class whose solid base is `type` (class M(type)). Its
 * instances are classes: cls_type objects (class.h) allocated exactly as
 * ai_class_new allocates any class, in the static heap, but whose header
 * word points at M instead of at `type`. So:
 *   - the collector visits them as classes (M's gc_visit/gc_size are
 *     type's: cls_type_visit, cls_type_size);
 *   - every protocol applied to such a class goes through M's slots, the
 *     trampolines class_slots.c installs for the dunders M defines:
 *     len(C), iter(C), C[k], k in C, repr(C), C(...) (M.__call__, else
 *     type's call, which constructs an instance of C);
 *   - attribute lookup on C (meta_getattr) follows type.__getattribute__:
 *     a data descriptor of M first, then C's own MRO (binding as for a
 *     class), then M's other attributes bound to C, then M.__getattr__;
 *     stores (meta_setattr) go through M's data descriptors or
 *     M.__setattr__, else into C's namespace (cls_type_setattr).
 * Such a class has no instance dict: cls_dict_slot must never be used on
 * it, which is why every generic instance path checks AI_TF_METACLASS.
 *
 * The class statement `class C(B, metaclass=M, **kw): body` is two calls
 * around the body (CPython's __build_class__): ai_class_prepare resolves
 * the bases (__mro_entries__), the metaclass (the explicit one, else the
 * most derived type of the bases, with CPython's conflict error) and the
 * namespace (M.__prepare__, else a dict); ai_class_build calls
 * M(name, bases, ns, **kw) — or, for a plain class, ai_class_new
 * directly. type.__new__ (cls_meta_new) copies the namespace, fills
 * __classcell__ (zero-argument super()) and passes the keywords to
 * __init_subclass__.
 *
 * Also here: isinstance/issubclass through __instancecheck__ and
 * __subclasscheck__, and C[item] through __class_getitem__ (the generic
 * aliases of the builtin containers are in objects/genericalias.c).
 *
 * Not handled: a metaclass of a metaclass (M's own header is `type`),
 * __slots__ on a metaclass, __init_subclass__ of a metaclass.
 */
#include "objects/class.h"

#include "gc/gc.h"

static ai_value const_str(const char *s) { return ai_const_str(s, (int64_t)strlen(s)); }

static int64_t nkw_of(ai_value kwnames) { return kwnames ? tuple_obj(kwnames)->len : 0; }

/* ---- attribute access on classes whose type is a metaclass ---------------- */

static bool is_data_descr(ai_value v) {
    if (ai_is_smallint(v)) return false;
    ai_type *t = ai_type_of_obj(ai_obj(v));
    return cls_is_prop_type(t) || cls_is_user_data_descr(v);
}

static ai_value data_descr_get(ai_value d, ai_value obj, const ai_type *tp) {
    if (cls_is_property(d)) return cls_prop_get(d, obj, tp);
    cls_type *dt = (cls_type *)ai_type_of_obj(ai_obj(d));
    ai_value a[2] = {obj, ai_val(tp)};
    return cls_call_dunder(dt->dunder[D_GET], d, a, 2);
}

/* type.__getattribute__ for class o whose type is the metaclass mt:
 * the value, AI_ERR, or 0 with no exception when nothing has the name. */
static ai_value meta_find(ai_value o, ai_value name) {
    cls_type *mt = cls_of(o);
    cls_found mf;
    if (cls_lookup(&mt->t, 0, name, &mf) < 0) return AI_ERR;
    if (mf.kind == CF_VALUE && is_data_descr(mf.value)) return data_descr_get(mf.value, o, &mt->t);
    ai_value v = cls_type_getattr(o, name);
    if (v || exc_pending()) return v;
    if (mf.kind == CF_NONE) return 0;
    if (mf.kind == CF_WRAPPER && mf.idx == D_NEW) return cls_bind(&mf, 0, &mt->t);
    return cls_bind(&mf, o, &mt->t);
}

static ai_value meta_getattr(ai_value o, ai_value name) {
    cls_type *mt = cls_of(o);
    ai_value v;
    if (mt->dunder[D_GETATTRIBUTE]) {
        v = cls_call_dunder(mt->dunder[D_GETATTRIBUTE], o, &name, 1);
    } else {
        v = meta_find(o, name);
        if (v || exc_pending()) return v;
        if (!mt->dunder[D_GETATTR]) return 0; /* core/attr.c: type's methods, then the error */
        return cls_call_dunder(mt->dunder[D_GETATTR], o, &name, 1);
    }
    if (v || !mt->dunder[D_GETATTR] || !exc_pending_is(&ai_exc_AttributeError)) return v;
    exc_clear();
    return cls_call_dunder(mt->dunder[D_GETATTR], o, &name, 1);
}

ai_value cls_meta_generic_getattr(ai_value o, ai_value name) {
    ai_value v = meta_find(o, name);
    if (v || exc_pending()) return v;
    return attr_error(o, name);
}

int32_t cls_meta_generic_setattr(ai_value o, ai_value name, ai_value v) {
    cls_type *mt = cls_of(o);
    cls_found mf;
    if (cls_lookup(&mt->t, 0, name, &mf) < 0) return -1;
    if (mf.kind == CF_VALUE && is_data_descr(mf.value)) {
        ai_value d = mf.value;
        if (cls_is_property(d)) return cls_prop_set(d, o, v);
        cls_type *dt = (cls_type *)ai_type_of_obj(ai_obj(d));
        ai_value m = v ? dt->dunder[D_SET] : dt->dunder[D_DELETE];
        if (!m) {
            ai_raise_msg(&ai_exc_AttributeError, v ? "__set__" : "__delete__");
            return -1;
        }
        ai_value a[2] = {o, v};
        return cls_call_dunder(m, d, a, v ? 2 : 1) ? 0 : -1;
    }
    return cls_type_setattr(o, name, v);
}

static int32_t meta_setattr(ai_value o, ai_value name, ai_value v) {
    cls_type *mt = cls_of(o);
    ai_value m = v ? mt->dunder[D_SETATTR] : mt->dunder[D_DELATTR];
    if (m) {
        ai_value a[2] = {name, v};
        return cls_call_dunder(m, o, a, v ? 2 : 1) ? 0 : -1;
    }
    return cls_meta_generic_setattr(o, name, v);
}

void cls_meta_setup(cls_type *ct) {
    ct->t.flags |= AI_TF_METACLASS;
    ct->t.gc_visit = cls_type_visit;
    ct->t.gc_size = cls_type_size;
    ct->t.basicsize = sizeof(cls_type);
    ct->slots.getattr = meta_getattr;
    ct->slots.setattr = meta_setattr;
}

/* ---- type.__new__ ------------------------------------------------------------ */

/* The most derived of meta and the types of the bases (CPython's
 * _PyType_CalculateMetaclass), or NULL with the conflict TypeError. */
static ai_type *calculate_meta(ai_type *meta, ai_tuple *bases) {
    ai_type *winner = meta;
    for (int64_t i = 0; i < bases->len; i++) {
        ai_type *bt = ai_type_of(bases->items[i]);
        if (cls_is_subtype(winner, bt)) continue;
        if (cls_is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        ai_raise_msg(&ai_exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                         "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* The keywords of a vectorcall as a dict (0 when there are none). */
static ai_value kw_dict(const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (!nkw_of(kwnames)) return 0;
    ai_value d = dict_new();
    if (!d) return AI_ERR;
    for (int64_t i = 0; i < nkw_of(kwnames); i++)
        if (dict_set(d, tuple_obj(kwnames)->items[i], args[nargs + i]) < 0) return AI_ERR;
    return d;
}

ai_value cls_meta_new(ai_type *meta, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (nargs != 3)
        return ai_raise_fmt(&ai_exc_TypeError, "type.__new__() takes exactly 3 arguments (%lld given)",
                            (long long)nargs);
    ai_value name = args[0], bases = args[1], ns = args[2];
    if (!str_check(name))
        return ai_raise_fmt(&ai_exc_TypeError, "type.__new__() argument 1 must be str, not %s",
                            obj_type_name(name));
    if (!tuple_check(bases))
        return ai_raise_fmt(&ai_exc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                            obj_type_name(bases));
    if (!dict_check(ns))
        return ai_raise_fmt(&ai_exc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                            obj_type_name(ns));
    /* The metaclass first (a base that is not a class is usually a
     * conflict), as CPython's type_new does. */
    ai_type *winner = calculate_meta(meta, tuple_obj(bases));
    if (!winner) return AI_ERR;
    for (int64_t i = 0; i < tuple_obj(bases)->len; i++)
        if (!obj_is_class(tuple_obj(bases)->items[i]))
            return ai_raise_msg(&ai_exc_TypeError, "bases must be types");
    if (winner != meta && cls_check_type(winner) && ((cls_type *)winner)->dunder[D_NEW]) {
        /* A more derived metaclass with its own __new__ makes the class. */
        ai_value buf[3] = {name, bases, ns};
        ai_value t = ai_tuple_pack(buf, 3), kw = kw_dict(args, nargs, kwnames);
        if (!t || (kwnames && !kw)) return AI_ERR;
        ai_value f = ai_getattr(ai_val(winner), cls_dunder_str[D_NEW]);
        if (!f) return AI_ERR;
        ai_value a4[4] = {ai_val(winner), name, bases, ns};
        ai_value t4 = ai_tuple_pack(a4, 4);
        return t4 ? ai_call_ex(f, t4, kw) : AI_ERR;
    }
    ai_value copy = dict_new();
    if (!copy || dict_update_arg(copy, ns) < 0) return AI_ERR;
    ai_value kw = kw_dict(args, nargs, kwnames);
    if (kwnames && !kw) return AI_ERR;
    return cls_make(winner, name, name, bases, copy, kw);
}

/* ---- the class statement ------------------------------------------------------ */

ai_value ai_class_cell(void) {
    ai_cell *c = alloc_static(&ai_cell_type, sizeof(ai_cell));
    return c ? ai_val(c) : AI_ERR;
}

/* The bases after __mro_entries__ (PEP 560): the same tuple when every
 * base is a class. */
static ai_value resolve_bases(ai_value bases) {
    ai_tuple *bt = tuple_obj(bases);
    bool plain = true;
    for (int64_t i = 0; i < bt->len; i++)
        if (!obj_is_class(bt->items[i])) plain = false;
    if (plain) return bases;
    ai_value out = ai_list_new(NULL, 0);
    if (!out) return AI_ERR;
    ai_value me = const_str("__mro_entries__");
    for (int64_t i = 0; i < bt->len; i++) {
        ai_value b = bt->items[i];
        if (!obj_is_class(b)) {
            ai_value f = ai_getattr(b, me);
            if (f) {
                ai_value r = ai_call(f, &bases, 1, 0);
                if (!r) return AI_ERR;
                if (!tuple_check(r)) return ai_raise_msg(&ai_exc_TypeError, "__mro_entries__ must return a tuple");
                if (ai_list_extend(out, r) < 0) return AI_ERR;
                continue;
            }
            if (!exc_pending_is(&ai_exc_AttributeError)) return AI_ERR;
            exc_clear();
        }
        if (ai_list_append(out, b) < 0) return AI_ERR;
    }
    return ai_list_to_tuple(out);
}

ai_value ai_class_prepare(ai_value name, ai_value bases, ai_value kw) {
    cls_init();
    ai_value rb = resolve_bases(bases);
    if (!rb) return AI_ERR;
    ai_value kw2 = AI_NONE, meta = 0;
    if (kw && dict_check(kw) && dict_len(kw) > 0) {
        if (!(kw2 = dict_copy(kw))) return AI_ERR;
        ai_value key = const_str("metaclass");
        int32_t rc = dict_get(kw2, key, &meta);
        if (rc < 0) return AI_ERR;
        if (rc && dict_del(kw2, key) < 0) return AI_ERR;
        if (!rc) meta = 0;
        if (dict_len(kw2) == 0) kw2 = AI_NONE;
    }
    bool isclass = true;
    if (!meta) meta = tuple_obj(rb)->len ? ai_val(ai_type_of(tuple_obj(rb)->items[0])) : ai_val(&ai_type_type);
    else isclass = obj_is_class(meta);
    if (isclass) {
        ai_type *w = calculate_meta((ai_type *)ai_obj(meta), tuple_obj(rb));
        if (!w) return AI_ERR;
        meta = ai_val(w);
    }
    ai_value ns;
    if (meta == ai_val(&ai_type_type)) {
        ns = dict_new();
    } else {
        ai_value pr = ai_getattr(meta, const_str("__prepare__"));
        if (pr) {
            ai_value a[2] = {name, rb};
            ai_value t = ai_tuple_pack(a, 2);
            ns = t ? ai_call_ex(pr, t, kw2 == AI_NONE ? 0 : kw2) : AI_ERR;
            if (ns && !dict_check(ns) && !obj_slots(ns)->getitem) {
                const char *mn = isclass ? ((ai_type *)ai_obj(meta))->name : "<metaclass>";
                return ai_raise_fmt(&ai_exc_TypeError, "%s.__prepare__() must return a mapping, not %s", mn,
                                    obj_type_name(ns));
            }
        } else if (exc_pending_is(&ai_exc_AttributeError)) {
            exc_clear();
            ns = dict_new();
        } else {
            return AI_ERR;
        }
    }
    if (!ns) return AI_ERR;
    ai_value items[5] = {meta, rb, ns, kw2, rb == bases ? AI_NONE : bases};
    return ai_tuple_pack(items, 5);
}

ai_value ai_class_build(ai_value prep, ai_value name, ai_value qualname) {
    ai_tuple *p = tuple_obj(prep);
    ai_value meta = p->items[0], bases = p->items[1], ns = p->items[2], kw = p->items[3], orig = p->items[4];
    if (orig != AI_NONE && ai_setitem(ns, const_str("__orig_bases__"), orig) < 0) return AI_ERR;
    if (meta == ai_val(&ai_type_type) && kw == AI_NONE && obj_is_type(ns, &ai_dict_type))
        return ai_class_new(name, qualname, bases, ns);
    ai_value a[3] = {name, bases, ns};
    ai_value t = ai_tuple_pack(a, 3);
    if (!t) return AI_ERR;
    return ai_call_ex(meta, t, kw == AI_NONE ? 0 : kw);
}

/* ---- isinstance, issubclass, C[item] --------------------------------------------- */

/* The metaclass method `name` of class cls, or 0 (no exception) when its
 * metaclass does not define it in Python. */
static int meta_method(ai_value cls, const char *name, cls_found *f) {
    const ai_type *mt = ai_type_of(cls);
    f->kind = CF_NONE;
    if (!(mt->flags & AI_TF_METACLASS)) return 0;
    return cls_lookup(mt, 0, const_str(name), f);
}

static int meta_check(ai_value cls, const char *name, ai_value arg) {
    cls_found f;
    if (meta_method(cls, name, &f) < 0) return -1;
    if (f.kind != CF_VALUE) return 2;
    ai_value r = cls_call_found(&f, cls, ai_type_of(cls), &arg, 1, 0);
    if (!r) return -1;
    return ai_truthy(r);
}

int cls_meta_instancecheck(ai_value cls, ai_value v) {
    if (ai_val(ai_type_of(v)) == cls) return 1;
    return meta_check(cls, "__instancecheck__", v);
}

int cls_meta_subclasscheck(ai_value cls, ai_value sub) { return meta_check(cls, "__subclasscheck__", sub); }

ai_value cls_class_getitem(ai_value cls, ai_value item) {
    cls_init();
    const ai_type *t = (const ai_type *)ai_obj(cls);
    if (cls_check_type(t)) {
        cls_found f;
        if (cls_lookup(t, 0, const_str("__class_getitem__"), &f) < 0) return AI_ERR;
        if (f.kind == CF_VALUE) {
            ai_value b = cls_bind(&f, 0, t);
            return b ? ai_call(b, &item, 1, 0) : AI_ERR;
        }
    }
    if (ga_builtin_generic(t)) return ga_new(cls, item);
    return 0;
}
