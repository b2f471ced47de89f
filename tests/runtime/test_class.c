/*
 * tests/runtime/test_class.c — classes built by hand with ai_class_new
 * (methods are function objects whose entries are C functions): MRO and
 * layout errors, attribute lookup and stores, the method-call records of
 * ai_call_method and their invalidation when a class or an instance
 * changes, the attribute cache against class-level counters, super(),
 * dunder slots re-resolved after an assignment, exception classes, the
 * collector's view (gc_size, gc_visit) of classes and instances, and a
 * builtin base class defined in C outside builtins (its module, its
 * methods and class methods reached from a Python subclass).
 * The language tests (tests/lang/cls_*.py) cover the rest end to end.
 */
#include "check.h"

/* A call site's cache: the record word and the direct-call ways. */
#define SITE_WORDS (1 + AI_MCACHE_WAYS)
#include "objects/text.h"
#include "objects/class.h"

extern ai_type ai_enumerate_type; /* objects/iterobjects.c */

static ai_value N(const char *s) { return ai_const_str(s, (int64_t)strlen(s)); }

/* Method bodies: each returns a constant-ish value that tells which ran. */
static ai_value ret_a(ai_value fn, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value out[1];
    if (ai_bind_args(fn, args, nargs, kw, out) < 0) return AI_ERR;
    return N("A.m");
}
static ai_value ret_b(ai_value fn, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value out[1];
    if (ai_bind_args(fn, args, nargs, kw, out) < 0) return AI_ERR;
    return N("B.m");
}
/* def get(self): return self.x */
static ai_value get_x(ai_value fn, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value out[1];
    if (ai_bind_args(fn, args, nargs, kw, out) < 0) return AI_ERR;
    return ai_getattr(out[0], N("x"));
}
/* def __init__(self, x): self.x = x */
static ai_value init_x(ai_value fn, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value out[2];
    if (ai_bind_args(fn, args, nargs, kw, out) < 0) return AI_ERR;
    return ai_setattr(out[0], N("x"), out[1]) < 0 ? AI_ERR : AI_NONE;
}
/* def __eq__(self, other): return True */
static ai_value eq_true(ai_value fn, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value out[2];
    if (ai_bind_args(fn, args, nargs, kw, out) < 0) return AI_ERR;
    return AI_TRUE;
}
/* def m(self): return super().m() + "+" (in class B, via ai_super) */
static ai_value cls_b;
static ai_value super_m(ai_value fn, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value out[1];
    if (ai_bind_args(fn, args, nargs, kw, out) < 0) return AI_ERR;
    ai_value s = ai_super(cls_b, out[0]);
    if (!s) return AI_ERR;
    static void *cache[SITE_WORDS];
    ai_value r = ai_call_method(s, N("m"), NULL, 0, 0, cache);
    return r ? str_concat(r, N("+")) : AI_ERR;
}

static const char *const self_names[] = {"self", "other"};
static const char *const init_names[] = {"self", "x"};
static const ai_code_info code = {"t.py", "m", NULL, NULL, 1, NULL};
static const ai_func_info a_info = {"m", "A.m", 1, 0, self_names, ret_a, &code, 0, 0};
static const ai_func_info b_info = {"m", "B.m", 1, 0, self_names, ret_b, &code, 0, 0};
static const ai_func_info get_info = {"get", "P.get", 1, 0, self_names, get_x, &code, 0, 0};
static const ai_func_info init_info = {"__init__", "P.__init__", 2, 0, init_names, init_x, &code, 0, 0};
static const ai_func_info eq_info = {"__eq__", "E.__eq__", 2, 0, self_names, eq_true, &code, 0, 0};
static const ai_func_info sup_info = {"m", "B.m", 1, 0, self_names, super_m, &code, 0, 0};

static ai_value fn(const ai_func_info *info) { return ai_function_new(info, 0, 0); }

static ai_value make_class(const char *name, ai_value bases, const char *k1, ai_value v1,
                           const char *k2, ai_value v2) {
    ai_value ns = ai_dict_new(NULL, 0);
    if (k1) dict_set(ns, N(k1), v1);
    if (k2) dict_set(ns, N(k2), v2);
    return ai_class_new(N(name), N(name), bases ? bases : tuple_new(0), ns);
}

static ai_value tup1(ai_value a) { return ai_tuple_pack(&a, 1); }
static ai_value tup2(ai_value a, ai_value b) { return tuple_pack2(a, b); }

static const char *callm(ai_value o, void **cache) {
    return S(ai_call_method(o, N("m"), NULL, 0, 0, cache));
}

static void test_mro_and_layout(void) {
    ai_value a = make_class("A", 0, NULL, 0, NULL, 0);
    ai_value b = make_class("B", tup1(a), NULL, 0, NULL, 0);
    ai_value c = make_class("C", tup1(a), NULL, 0, NULL, 0);
    ai_value d = make_class("D", tup2(b, c), NULL, 0, NULL, 0);
    CHECK_STREQ(R(ai_getattr(d, N("__mro__"))),
                "(<class '__main__.D'>, <class '__main__.B'>, <class '__main__.C'>, "
                "<class '__main__.A'>, <class 'object'>)");
    CHECK(cls_is_subtype((ai_type *)ai_obj(d), (ai_type *)ai_obj(c)));
    CHECK(!obj_type_is_sub((ai_type *)ai_obj(d), (ai_type *)ai_obj(c))); /* primary chain only */
    CHECK_STREQ(R(make_class("X", tup2(a, b), NULL, 0, NULL, 0)),
                "!TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B");
    CHECK_STREQ(R(make_class("X", tup2(a, a), NULL, 0, NULL, 0)), "!TypeError: duplicate base class A");
    CHECK_STREQ(R(make_class("X", tup1(ai_val(&ai_bool_type)), NULL, 0, NULL, 0)),
                "!TypeError: type 'bool' is not an acceptable base type");
    CHECK_STREQ(R(make_class("X", tup2(ai_val(&ai_exc_ValueError), ai_val(&ai_list_type)), NULL, 0,
                             NULL, 0)),
                "!TypeError: multiple bases have instance lay-out conflict");
    CHECK_STREQ(R(make_class("X", tup1(ai_val(&ai_str_type)), NULL, 0, NULL, 0)), "<class '__main__.X'>");
    CHECK_STREQ(R(make_class("X", tup1(ai_val(&ai_bytearray_type)), NULL, 0, NULL, 0)), "<class '__main__.X'>");
    CHECK_STREQ(R(make_class("X", tup1(ai_val(&ai_enumerate_type)), NULL, 0, NULL, 0)),
                "!NotImplementedError: subclassing the builtin type 'enumerate' is not supported yet");
    /* The collector's view: a class is a cls_type-sized object of type
     * `type`; an instance of a class over object is a header, the dict
     * word, the __slots__ word and the inline attribute slots. */
    CHECK(ai_type_type.gc_size(ai_obj(d)) > sizeof(ai_type));
    ai_value inst = ai_call(d, NULL, 0, 0);
    /* header, dict, slot values, the inline attribute slots (shape.c) */
    CHECK(ai_type_of(inst)->gc_size(ai_obj(inst)) == 24 + CLS_INLINE_SLOTS * sizeof(ai_value));
    CHECK_STREQ(R(ai_call(d, (ai_value[]){I(1)}, 1, 0)), "!TypeError: D() takes no arguments");
}

static int visited;
static void count_visit(ai_value *slot, void *ctx) {
    (void)ctx;
    if (*slot) visited++;
}

static void test_attributes(void) {
    ai_value p = make_class("P", 0, "__init__", fn(&init_info), "get", fn(&get_info));
    ai_value o = ai_call(p, (ai_value[]){I(7)}, 1, 0);
    CHECK_STREQ(R(ai_getattr(o, N("x"))), "7");
    CHECK_STREQ(R(ai_getattr(o, N("__dict__"))), "{'x': 7}");
    CHECK_STREQ(R(ai_getattr(o, N("y"))), "!AttributeError: 'P' object has no attribute 'y'");
    CHECK_STREQ(R(ai_getattr(p, N("y"))), "!AttributeError: type object 'P' has no attribute 'y'");
    visited = 0;
    ai_type_of(o)->gc_visit(ai_obj(o), count_visit, NULL);
    CHECK(visited == 1); /* the instance dict */
    visited = 0;
    ai_type_type.gc_visit(ai_obj(p), count_visit, NULL);
    CHECK(visited >= 6); /* name, qualname, dict, bases, mro, __init__ */

    /* Class-level counter: the attribute cache re-reads plain values. */
    CHECK(ai_setattr(p, N("count"), I(1)) == 0);
    CHECK_STREQ(R(ai_getattr(o, N("count"))), "1");
    for (int i = 2; i <= 5; i++) CHECK(ai_setattr(p, N("count"), I(i)) == 0);
    CHECK_STREQ(R(ai_getattr(o, N("count"))), "5");
    CHECK(ai_delattr(p, N("count")) == 0);
    CHECK_STREQ(R(ai_getattr(o, N("count"))), "!AttributeError: 'P' object has no attribute 'count'");
    CHECK(ai_delattr(p, N("count")) == -1);
    CHECK_STREQ(check_err_text(), "!AttributeError: type object 'P' has no attribute 'count'");

    /* A method call through the cache, then the method replaced. */
    void *cache[SITE_WORDS] = {0};
    CHECK_STREQ(S(ai_call_method(o, N("get"), NULL, 0, 0, cache)), "7");
    CHECK(cache[0] && ((uintptr_t)cache[0] & 1));
    CHECK_STREQ(S(ai_call_method(o, N("get"), NULL, 0, 0, cache)), "7");
    CHECK(ai_setattr(p, N("get"), fn(&a_info)) == 0);
    CHECK_STREQ(S(ai_call_method(o, N("get"), NULL, 0, 0, cache)), "A.m");
}

static void test_method_records(void) {
    ai_value a = make_class("A", 0, "m", fn(&a_info), NULL, 0);
    ai_value b = make_class("B", tup1(a), NULL, 0, NULL, 0);
    ai_value ia = ai_call(a, NULL, 0, 0), ib = ai_call(b, NULL, 0, 0);
    void *cache[SITE_WORDS] = {0};
    CHECK_STREQ(callm(ib, cache), "A.m");
    CHECK_STREQ(callm(ia, cache), "A.m"); /* polymorphic site */
    CHECK_STREQ(callm(ib, cache), "A.m");
    /* A method added to the subclass: its version changes. */
    CHECK(ai_setattr(b, N("m"), fn(&b_info)) == 0);
    CHECK_STREQ(callm(ib, cache), "B.m");
    CHECK_STREQ(callm(ia, cache), "A.m");
    /* Deleted again; then the base's method replaced. */
    CHECK(ai_delattr(b, N("m")) == 0);
    CHECK_STREQ(callm(ib, cache), "A.m");
    CHECK(ai_setattr(a, N("m"), fn(&b_info)) == 0);
    CHECK_STREQ(callm(ib, cache), "B.m");
    /* An instance attribute shadows the method (after the record exists). */
    CHECK(ai_setattr(ib, N("m"), ai_builtin("len")) == 0);
    CHECK_STREQ(callm(ib, cache), "!TypeError: len() takes exactly one argument (0 given)");
    CHECK(ai_delattr(ib, N("m")) == 0);
    CHECK_STREQ(callm(ib, cache), "B.m");
    /* Records are shared per (class, name): another site gets the same. */
    void *cache2[SITE_WORDS] = {0};
    CHECK_STREQ(callm(ib, cache2), "B.m");
    CHECK(cache2[0] == cache[0]);
    /* Flushing every class's version turns records into misses. */
    cls_flush_caches();
    CHECK_STREQ(callm(ib, cache), "B.m");
    CHECK(cache2[0] != cache[0]);
}

static void test_super_and_slots(void) {
    ai_value a = make_class("A", 0, "m", fn(&a_info), NULL, 0);
    cls_b = make_class("B", tup1(a), "m", fn(&sup_info), NULL, 0);
    ai_value ib = ai_call(cls_b, NULL, 0, 0);
    void *cache[SITE_WORDS] = {0};
    CHECK_STREQ(callm(ib, cache), "A.m+");
    CHECK_STREQ(R(ai_super(cls_b, I(1))),
                "!TypeError: super(type, obj): obj must be an instance or subtype of type");
    /* __eq__ without __hash__: unhashable; == goes through the slot. */
    ai_value e = make_class("E", 0, "__eq__", fn(&eq_info), NULL, 0);
    ai_value ie = ai_call(e, NULL, 0, 0);
    CHECK(obj_hash(ie) == -1);
    CHECK_STREQ(check_err_text(), "!TypeError: unhashable type: 'E'");
    CHECK(ai_compare_bool(ie, I(3), AI_CMP_EQ) == 1);
    CHECK(ai_compare_bool(ie, I(3), AI_CMP_NE) == 0);
    /* Deleting __eq__ (and __hash__) re-resolves the slots: identity again. */
    CHECK(ai_delattr(e, N("__eq__")) == 0 && ai_delattr(e, N("__hash__")) == 0);
    CHECK(ai_compare_bool(ie, I(3), AI_CMP_EQ) == 0);
    CHECK(obj_hash(ie) != -1);
    /* Exceptions: args from the call, str, the traceback's name. */
    ai_value err = make_class("AppError", tup1(ai_val(&ai_exc_ValueError)), NULL, 0, NULL, 0);
    ai_value ex = ai_call(err, (ai_value[]){N("bad"), I(2)}, 2, 0);
    CHECK_STREQ(R(ex), "AppError('bad', 2)");
    CHECK_STREQ(S(ex), "('bad', 2)");
    CHECK(obj_isinstance(ex, &ai_exc_Exception));
    CHECK(ai_exc_matches(ex, ai_val(&ai_exc_ValueError)) == 1);
    CHECK(ai_exc_matches(ex, err) == 1);
    CHECK_STREQ(R(ai_call(err, (ai_value[]){I(1)}, 0, tup1(N("x")))),
                "!TypeError: AppError() takes no keyword arguments");
}

/* A builtin type of another module with object's layout (as the aithon
 * module's GenServer): a class method and an instance method. */
static ai_type base_type;
static ai_value base_make(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args, (void)kw;
    return tuple_pack2(self, I(nargs));
}
static ai_value base_hello(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args, (void)nargs, (void)kw;
    return str_concat(N("hello from "), N(obj_type_name(self)));
}
static const ai_method_def base_methods[] = {
    {"make", base_make, &base_type, AI_METH_CLASS},
    {"hello", base_hello, &base_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_slots base_slots = {.methods = base_methods};
static ai_type base_type = {.ob = {(uintptr_t)&ai_type_type},
                            .name = "Base",
                            .module = "mod",
                            .base = &ai_object_type,
                            .basicsize = sizeof(ai_object),
                            .gc_size = alloc_fixed_size,
                            .slots = (void *)&base_slots};
static ai_slots err_slots;
static ai_type err_type = {.ob = {(uintptr_t)&ai_type_type}, .name = "Oops", .base = &ai_exc_ValueError};

static void test_builtin_base(void) {
    ai_value base = ai_val(&base_type);
    CHECK_STREQ(R(base), "<class 'mod.Base'>");
    CHECK_STREQ(R(ai_getattr(base, N("__module__"))), "'mod'");
    CHECK_STREQ(R(ai_getattr(base, N("__name__"))), "'Base'");
    ai_value sub = make_class("Sub", tup1(base), NULL, 0, NULL, 0);
    CHECK_STREQ(R(ai_getattr(sub, N("__mro__"))),
                "(<class '__main__.Sub'>, <class 'mod.Base'>, <class 'object'>)");
    static void *c1[SITE_WORDS], *c2[SITE_WORDS];
    CHECK_STREQ(R(ai_call_method(sub, N("make"), (ai_value[]){I(1), I(2)}, 2, 0, c1)),
                "(<class '__main__.Sub'>, 2)");
    ai_value o = ai_call(sub, NULL, 0, 0);
    CHECK(cls_isinstance(o, &base_type));
    CHECK_STREQ(R(ai_call_method(o, N("hello"), NULL, 0, 0, c2)), "'hello from Sub'");
    /* an exception type of that module: repr by name, traceback name with the module */
    err_slots = exc_slots;
    err_type.module = "mod";
    err_type.flags = AI_TF_EXCEPTION;
    err_type.basicsize = sizeof(ai_exc);
    err_type.repr = ai_exc_ValueError.repr;
    err_type.str = ai_exc_ValueError.str;
    err_type.gc_visit = ai_exc_ValueError.gc_visit;
    err_type.gc_size = ai_exc_ValueError.gc_size;
    err_type.slots = &err_slots;
    ai_value e = ai_call(ai_val(&err_type), (ai_value[]){N("bad")}, 1, 0);
    CHECK_STREQ(R(e), "Oops('bad')");
    strbuf b;
    sb_init(&b);
    cls_add_exc_name(&b, &err_type);
    CHECK_STREQ(S(sb_finish(&b)), "mod.Oops");
}

int main(void) {
    test_builtin_base();
    test_mro_and_layout();
    test_attributes();
    test_method_records();
    test_super_and_slots();
    CHECK_DONE();
}
