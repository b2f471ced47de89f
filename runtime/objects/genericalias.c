/*
 * objects/genericalias.c — types.GenericAlias (list[int]) and
 * types.UnionType (int | None), what annotations evaluate to.
 *
 * A generic alias records an origin class and a tuple of arguments. Its
 * repr is CPython's (`dict[str, list[int]]`, `collections.deque[int]`,
 * `tuple[()]`); calling it calls the origin; `class C(list[int])` gets
 * list through __mro_entries__; other attributes are the origin's.
 * isinstance() refuses it, as CPython does.
 *
 * A union is made by `|` between classes, None, aliases and unions; its
 * arguments are flattened and deduplicated in order, None shown as None;
 * isinstance(x, int | str) tests each member. Both compare equal by
 * content (a union regardless of order) and hash accordingly.
 *
 * Not handled: substitution of type variables (list[T][int]), *args
 * unpacking (tuple[*Ts]).
 */
#include "core/object.h"

#include "gc/gc.h"

typedef struct ga_obj {
    ai_object ob;
    ai_value origin; /* a class, or 0 for a union */
    ai_value args;   /* tuple */
} ga_obj;

extern ai_type ga_type, ga_union_type;

static ga_obj *ga(ai_value v) { return (ga_obj *)ai_obj(v); }

static void ga_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ga_obj *g = (ga_obj *)o;
    if (g->origin) visit(&g->origin, ctx);
    if (g->args) visit(&g->args, ctx);
}

bool ga_builtin_generic(const ai_type *t) {
    return t == &ai_list_type || t == &ai_dict_type || t == &ai_tuple_type || t == &ai_set_type ||
           t == &ai_frozenset_type || t == &ai_type_type;
}

ai_value ga_new(ai_value origin, ai_value item) {
    ai_value args = tuple_check(item) ? item : ai_tuple_pack(&item, 1);
    if (!args) return AI_ERR;
    ga_obj *g = ai_alloc(&ga_type, sizeof(ga_obj));
    if (!g) return AI_ERR;
    g->origin = origin;
    g->args = args;
    return ai_val(g);
}

/* One argument as CPython's ga_repr_item shows it. */
static int repr_item(strbuf *b, ai_value p) {
    if (p == AI_ELLIPSIS) {
        sb_adds(b, "...");
        return 0;
    }
    if (obj_is_class(p) && !obj_is_type(p, &ga_type)) {
        cls_add_fullname(b, (const ai_type *)ai_obj(p));
        return 0;
    }
    ai_value r = ai_repr(p);
    if (!r) return -1;
    sb_add_str(b, r);
    return 0;
}

static ai_value ga_repr(ai_value v) {
    ga_obj *g = ga(v);
    strbuf b;
    sb_init(&b);
    if (repr_item(&b, g->origin) < 0) goto fail;
    sb_addc(&b, '[');
    ai_tuple *a = tuple_obj(g->args);
    if (a->len == 0) sb_adds(&b, "()");
    for (int64_t i = 0; i < a->len; i++) {
        if (i) sb_adds(&b, ", ");
        if (list_check(a->items[i])) {
            /* Callable[[int], str]: a list of types. */
            ai_list *l = list_obj(a->items[i]);
            sb_addc(&b, '[');
            for (int64_t j = 0; j < l->len; j++) {
                if (j) sb_adds(&b, ", ");
                if (repr_item(&b, l->items[j]) < 0) goto fail;
            }
            sb_addc(&b, ']');
        } else if (repr_item(&b, a->items[i]) < 0) {
            goto fail;
        }
    }
    sb_addc(&b, ']');
    return sb_finish(&b);
fail:
    sb_free(&b);
    return AI_ERR;
}

static ai_value ga_call(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames) {
    return ai_call(ga(callable)->origin, args, nargs, kwnames);
}

static ai_value ga_mro_entries(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (call_no_kwargs("__mro_entries__", kw) < 0 || call_exact_args("__mro_entries__", nargs, 1) < 0)
        return AI_ERR;
    return ai_tuple_pack(&ga(self)->origin, 1);
}

static const ai_method_def ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, &ga_type, 0},
    {NULL, NULL, NULL, 0},
};

static ai_value ga_getattr(ai_value o, ai_value name) {
    ga_obj *g = ga(o);
    if (attr_name_is(name, "__origin__")) return g->origin;
    if (attr_name_is(name, "__args__")) return g->args;
    if (attr_name_is(name, "__parameters__")) return ai_tuple_pack(NULL, 0);
    if (attr_name_is(name, "__unpacked__")) return AI_FALSE;
    if (attr_name_is(name, "__class__")) return ai_val(&ga_type);
    if (attr_name_is(name, "__mro_entries__")) return 0;
    return ai_getattr(g->origin, name);
}

/* Equality of two aliases (same origin and args), or of two unions (the
 * same members in any order). */
static ai_value ga_richcompare(ai_value a, ai_value b, int32_t op) {
    if ((op != AI_CMP_EQ && op != AI_CMP_NE) || ai_type_of(a) != ai_type_of(b)) return AI_NOTIMPL;
    ga_obj *x = ga(a), *y = ga(b);
    int32_t eq;
    if (x->origin) {
        if ((eq = ai_compare_bool(x->origin, y->origin, AI_CMP_EQ)) < 0) return AI_ERR;
        if (eq && (eq = ai_compare_bool(x->args, y->args, AI_CMP_EQ)) < 0) return AI_ERR;
    } else {
        ai_value s1 = set_new(&ai_frozenset_type, x->args), s2 = s1 ? set_new(&ai_frozenset_type, y->args) : 0;
        if (!s2 || (eq = ai_compare_bool(s1, s2, AI_CMP_EQ)) < 0) return AI_ERR;
    }
    return ai_bool(op == AI_CMP_EQ ? eq : !eq);
}

static int64_t ga_hash(ai_value v) {
    ga_obj *g = ga(v);
    if (!g->origin) {
        ai_value s = set_new(&ai_frozenset_type, g->args);
        return s ? obj_hash(s) : -1;
    }
    int64_t h1 = obj_hash(g->origin), h2 = h1 == -1 ? -1 : obj_hash(g->args);
    if (h2 == -1) return -1;
    int64_t h = h1 ^ h2;
    return h == -1 ? -2 : h;
}

/* ---- unions ------------------------------------------------------------------ */

static bool union_member_ok(ai_value v) {
    return v == AI_NONE || obj_is_class(v) || obj_is_type(v, &ga_type) || obj_is_type(v, &ga_union_type);
}

/* Append v's members (a union's, else v itself; None as NoneType) to list
 * `out` unless already there. */
static int union_add(ai_value out, ai_value v) {
    if (obj_is_type(v, &ga_union_type)) {
        ai_tuple *a = tuple_obj(ga(v)->args);
        for (int64_t i = 0; i < a->len; i++)
            if (union_add(out, a->items[i]) < 0) return -1;
        return 0;
    }
    if (v == AI_NONE) v = ai_val(&ai_none_type);
    ai_list *l = list_obj(out);
    for (int64_t i = 0; i < l->len; i++) {
        int32_t eq = ai_compare_bool(l->items[i], v, AI_CMP_EQ);
        if (eq < 0) return -1;
        if (eq) return 0;
    }
    return ai_list_append(out, v);
}

ai_value ga_union_or(ai_value a, ai_value b) {
    if (!union_member_ok(a) || !union_member_ok(b)) return AI_NOTIMPL;
    ai_value l = ai_list_new(NULL, 0);
    if (!l || union_add(l, a) < 0 || union_add(l, b) < 0) return AI_ERR;
    if (list_obj(l)->len == 1) return list_obj(l)->items[0];
    ai_value args = ai_list_to_tuple(l);
    if (!args) return AI_ERR;
    ga_obj *g = ai_alloc(&ga_union_type, sizeof(ga_obj));
    if (!g) return AI_ERR;
    g->origin = 0;
    g->args = args;
    return ai_val(g);
}

static ai_value union_repr(ai_value v) {
    ai_tuple *a = tuple_obj(ga(v)->args);
    strbuf b;
    sb_init(&b);
    for (int64_t i = 0; i < a->len; i++) {
        if (i) sb_adds(&b, " | ");
        if (a->items[i] == ai_val(&ai_none_type)) sb_adds(&b, "None");
        else if (repr_item(&b, a->items[i]) < 0) {
            sb_free(&b);
            return AI_ERR;
        }
    }
    return sb_finish(&b);
}

static ai_value union_getattr(ai_value o, ai_value name) {
    if (attr_name_is(name, "__args__")) return ga(o)->args;
    if (attr_name_is(name, "__parameters__")) return ai_tuple_pack(NULL, 0);
    return 0;
}

bool ga_is_union(ai_value v) { return obj_is_type(v, &ga_union_type); }
bool ga_is_alias(ai_value v) { return obj_is_type(v, &ga_type); }
ai_value ga_union_args(ai_value v) { return ga(v)->args; }

/* types.GenericAlias(origin, args) */
static ai_value ga_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    if (call_no_kwargs("GenericAlias", kwnames) < 0) return AI_ERR;
    if (nargs != 2) return ai_raise_fmt(&ai_exc_TypeError, "GenericAlias expected 2 arguments, got %lld", (long long)nargs);
    return ga_new(args[0], args[1]);
}

static const ai_slots ga_slots = {
    .construct = ga_construct,
    .or_ = ga_union_or,
    .richcompare = ga_richcompare,
    .hash = ga_hash,
    .getattr = ga_getattr,
    .methods = ga_methods,
};

static const ai_slots union_slots = {
    .or_ = ga_union_or,
    .richcompare = ga_richcompare,
    .hash = ga_hash,
    .getattr = union_getattr,
};

ai_type ga_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "GenericAlias",
    .base = &ai_object_type,
    .basicsize = sizeof(ga_obj),
    .repr = ga_repr,
    .call = ga_call,
    .gc_visit = ga_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&ga_slots,
    .module = "types",
};

ai_type ga_union_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "UnionType",
    .base = &ai_object_type,
    .basicsize = sizeof(ga_obj),
    .repr = union_repr,
    .gc_visit = ga_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&union_slots,
    .module = "types",
};
