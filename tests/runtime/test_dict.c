/*
 * tests/runtime/test_dict.c — dict and its views (objects/dict.c,
 * dictviews.c) against CPython 3.11: insertion order through deletions,
 * reinsertion and resizes, 100k keys, equal keys of different types
 * (1 == 1.0 == True), every method and its errors word for word, views
 * (repr, len, in, reversed, set operations and comparisons), recursive
 * reprs, and mutation during iteration (including the "keys changed"
 * case, which depends on CPython's exact resize policy).
 * Every expected string was printed by python3 (3.11.7).
 */
#include "check.h"

#include <stdarg.h>

static ai_value M(ai_value o, const char *name, int n, ...) {
    ai_value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) args[i] = va_arg(ap, ai_value);
    va_end(ap);
    return ai_call_method(o, STR(name), args, n, 0, NULL);
}

/* str() of the pending exception, as a traceback's last line shows it
 * (KeyError's str is the key's repr), cleared. check_err_text() would
 * show the generic str. */
static const char *exc_line(ai_value r) {
    static char buf[256];
    if (r) return "(no error)";
    ai_value e = exc_pending();
    exc_clear();
    snprintf(buf, sizeof buf, "%s: %s", obj_type_name(e), S(ai_str(e)));
    return buf;
}

static ai_value D(void) { return ai_dict_new(NULL, 0); }
static ai_value PAIR(ai_value a, ai_value b) { return tuple_pack2(a, b); }
static ai_value L(int n, ...) {
    ai_value l = ai_list_new(NULL, 0);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) ai_list_append(l, va_arg(ap, ai_value));
    va_end(ap);
    return l;
}
static ai_value SET(int n, ...) {
    ai_value s = ai_set_new(NULL, 0);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) ai_set_add(s, va_arg(ap, ai_value));
    va_end(ap);
    return s;
}
static ai_value LISTOF(ai_value it) { return list_from_iter(it); }

/* Python: h = (h * 1000003 + x) % (2**61 - 1) over the iteration. */
static int64_t order_hash(ai_value o) {
    const __int128 p = ((__int128)1 << 61) - 1;
    __int128 h = 0;
    ai_value it = ai_iter(o), x;
    while (ai_for_next(it, &x) == 1) {
        h = (h * 1000003 + ai_smallint_get(x)) % p;
        if (h < 0) h += p;
    }
    return (int64_t)h;
}

/* d = {'a': 1, 'b': 2, 3: [4]} */
static ai_value sample(void) {
    ai_value kv[6] = {STR("a"), I(1), STR("b"), I(2), I(3), L(1, I(4))};
    return ai_dict_new(kv, 3);
}

static void test_basics(void) {
    ai_value d = sample();
    CHECK_STREQ(R(d), "{'a': 1, 'b': 2, 3: [4]}");
    CHECK_STREQ(R(D()), "{}");
    CHECK(ai_truthy(D()) == 0 && ai_truthy(d) == 1);
    CHECK(dict_len(d) == 3);
    CHECK_STREQ(R(ai_getitem(d, STR("b"))), "2");
    CHECK_STREQ(exc_line(ai_getitem(d, STR("zz"))), "KeyError: 'zz'");
    CHECK_STREQ(R(ai_getitem(d, L(1, I(1)))), "!TypeError: unhashable type: 'list'");
    CHECK_STREQ(R(ai_getitem(D(), PAIR(I(1), I(2)))), "!KeyError: (1, 2)");
    CHECK_STREQ(exc_line(ai_getitem(D(), STR(""))), "KeyError: ''");
    CHECK(ai_contains(d, STR("a")) == 1 && ai_contains(d, STR("z")) == 0);
    /* insertion order survives deletion; reinsertion goes last */
    CHECK(ai_setitem(d, STR("c"), I(5)) == 0);
    CHECK(ai_delitem(d, STR("a")) == 0);
    CHECK(ai_setitem(d, STR("a"), I(6)) == 0);
    CHECK(ai_setitem(d, STR("b"), I(7)) == 0); /* update in place keeps the position */
    CHECK_STREQ(R(d), "{'b': 7, 3: [4], 'c': 5, 'a': 6}");
    CHECK(ai_delitem(d, STR("q")) == -1);
    CHECK_STREQ(exc_line(0), "KeyError: 'q'");
    /* equal keys of different types: the first key stays, the value changes */
    ai_value kv[6] = {AI_TRUE, STR("a"), I(1), STR("b"), F(1.0), STR("c")};
    CHECK_STREQ(R(ai_dict_new(kv, 3)), "{True: 'c'}");
    ai_value a = ai_dict_new((ai_value[]){I(1), I(1)}, 1),
             b = ai_dict_new((ai_value[]){F(1.0), I(1)}, 1);
    CHECK_STREQ(R(ai_compare(a, b, AI_CMP_EQ)), "True");
    CHECK_STREQ(R(ai_compare(sample(), d, AI_CMP_NE)), "True");
    ai_value d2 = ai_dict_new((ai_value[]){I(3), L(1, I(4)), STR("b"), I(2), STR("a"), I(1)}, 3);
    CHECK_STREQ(R(ai_compare(sample(), d2, AI_CMP_EQ)), "True"); /* order-insensitive */
    CHECK_STREQ(R(ai_compare(d, d, AI_CMP_LT)),
                "!TypeError: '<' not supported between instances of 'dict' and 'dict'");
    CHECK(obj_hash(d) == -1);
    CHECK_STREQ(check_err_text(), "!TypeError: unhashable type: 'dict'");
}

static void test_repr_recursion(void) {
    ai_value inner = ai_dict_new((ai_value[]){I(2), D()}, 1);
    CHECK_STREQ(R(ai_dict_new((ai_value[]){I(1), inner}, 1)), "{1: {2: {}}}");
    ai_value r = D();
    ai_setitem(r, I(1), r);
    CHECK_STREQ(R(r), "{1: {...}}");
    ai_value rv = D();
    ai_setitem(rv, STR("v"), M(rv, "values", 0));
    CHECK_STREQ(R(rv), "{'v': dict_values([...])}");
    ai_value rk = D();
    ai_setitem(rk, I(0), M(rk, "keys", 0));
    CHECK_STREQ(R(rk), "{0: dict_keys([0])}");
}

static void test_methods(void) {
    ai_value d = sample();
    CHECK_STREQ(R(M(d, "get", 1, STR("zz"))), "None");
    CHECK_STREQ(R(M(d, "get", 2, STR("a"), I(9))), "1");
    CHECK_STREQ(R(M(d, "get", 0)), "!TypeError: get expected at least 1 argument, got 0");
    CHECK_STREQ(R(M(d, "get", 3, I(1), I(2), I(3))),
                "!TypeError: get expected at most 2 arguments, got 3");
    ai_value kw = ai_tuple_pack((ai_value[]){STR("default")}, 1);
    CHECK_STREQ(R(ai_call_method(d, STR("get"), (ai_value[]){I(1), I(3)}, 1, kw, NULL)),
                "!TypeError: dict.get() takes no keyword arguments");
    ai_value one = ai_dict_new((ai_value[]){I(1), I(2)}, 1);
    CHECK_STREQ(R(M(one, "pop", 2, I(5), STR("x"))), "'x'");
    CHECK_STREQ(R(M(D(), "pop", 2, L(1, I(1)), STR("x"))), "'x'");
    CHECK_STREQ(R(M(one, "pop", 2, L(1, I(1)), STR("x"))), "!TypeError: unhashable type: 'list'");
    CHECK_STREQ(R(M(one, "pop", 1, I(5))), "!KeyError: 5");
    CHECK_STREQ(R(M(one, "pop", 0)), "!TypeError: pop expected at least 1 argument, got 0");
    CHECK_STREQ(R(M(one, "setdefault", 1, I(3))), "None");
    CHECK_STREQ(R(M(one, "setdefault", 2, I(1), I(9))), "2");
    CHECK_STREQ(R(one), "{1: 2, 3: None}");
    CHECK_STREQ(R(M(one, "pop", 1, I(1))), "2");
    CHECK_STREQ(R(M(one, "popitem", 0)), "(3, None)");
    CHECK_STREQ(exc_line(M(one, "popitem", 0)), "KeyError: 'popitem(): dictionary is empty'");
    CHECK_STREQ(R(M(one, "popitem", 1, I(1))),
                "!TypeError: dict.popitem() takes no arguments (1 given)");
    CHECK_STREQ(R(M(d, "keys", 1, I(1))), "!TypeError: dict.keys() takes no arguments (1 given)");
    CHECK_STREQ(R(M(d, "clear", 1, I(1))), "!TypeError: dict.clear() takes no arguments (1 given)");
    /* popitem takes the last; the freed slot is reused by the next insertion */
    ai_value p = ai_dict_new((ai_value[]){I(1), I(1), I(2), I(2), I(3), I(3)}, 3);
    CHECK_STREQ(R(M(p, "popitem", 0)), "(3, 3)");
    ai_setitem(p, I(4), I(4));
    CHECK_STREQ(R(p), "{1: 1, 2: 2, 4: 4}");
    /* copy, clear */
    ai_value c = M(d, "copy", 0);
    CHECK(c != d);
    CHECK_STREQ(R(c), "{'a': 1, 'b': 2, 3: [4]}");
    CHECK(M(c, "clear", 0) == AI_NONE);
    CHECK_STREQ(R(c), "{}");
    ai_setitem(c, I(1), I(1));
    CHECK_STREQ(R(c), "{1: 1}");
    CHECK(dict_len(d) == 3);
    /* update: mappings, pairs, keywords, and the errors */
    ai_value u = D();
    ai_value ukw = ai_tuple_pack((ai_value[]){STR("x")}, 1);
    CHECK(ai_call_method(u, STR("update"), (ai_value[]){L(1, PAIR(I(1), I(2))), I(1)}, 1, ukw,
                         NULL) == AI_NONE);
    CHECK(M(u, "update", 1, sample()) == AI_NONE);
    CHECK_STREQ(R(u), "{1: 2, 'x': 1, 'a': 1, 'b': 2, 3: [4]}");
    CHECK_STREQ(R(M(u, "update", 2, D(), D())),
                "!TypeError: update expected at most 1 argument, got 2");
    CHECK_STREQ(R(M(u, "update", 1, I(1))), "!TypeError: 'int' object is not iterable");
    CHECK_STREQ(R(M(u, "update", 1, L(1, I(1)))),
                "!TypeError: cannot convert dictionary update sequence element #0 to a sequence");
    CHECK_STREQ(R(M(u, "update", 1, L(1, ai_tuple_pack((ai_value[]){I(1), I(2), I(3)}, 3)))),
                "!ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    CHECK_STREQ(R(M(u, "update", 1, L(3, PAIR(I(1), I(2)), STR("ab"), STR("abc")))),
                "!ValueError: dictionary update sequence element #2 has length 3; 2 is required");
    /* fromkeys is a class method, also reachable from an instance */
    ai_value dict_t = ai_val(&ai_dict_type);
    CHECK_STREQ(R(M(dict_t, "fromkeys", 1, STR("abc"))), "{'a': None, 'b': None, 'c': None}");
    CHECK_STREQ(R(M(d, "fromkeys", 2, L(2, I(3), I(3)), I(0))), "{3: 0}");
    CHECK_STREQ(R(M(dict_t, "fromkeys", 0)),
                "!TypeError: fromkeys expected at least 1 argument, got 0");
    CHECK_STREQ(R(M(dict_t, "fromkeys", 3, D(), I(1), I(2))),
                "!TypeError: fromkeys expected at most 2 arguments, got 3");
    CHECK_STREQ(R(ai_getattr(dict_t, STR("fromkeys"))), R(ai_getattr(dict_t, STR("fromkeys"))));
    CHECK_STREQ(R(M(d, "__contains__", 1, STR("a"))), "True");
    CHECK_STREQ(R(M(d, "__getitem__", 1, I(5))), "!KeyError: 5");
}

static void test_construct_and_merge(void) {
    ai_value dict_t = ai_val(&ai_dict_type);
    ai_value pairs = L(3, PAIR(I(1), I(2)), L(2, I(3), I(4)), STR("xy"));
    CHECK_STREQ(R(ai_call(dict_t, &pairs, 1, 0)), "{1: 2, 3: 4, 'x': 'y'}");
    ai_value kw = ai_tuple_pack((ai_value[]){STR("z")}, 1);
    ai_value args[2] = {ai_dict_new((ai_value[]){I(1), I(2)}, 1), I(3)};
    CHECK_STREQ(R(ai_call(dict_t, args, 1, kw)), "{1: 2, 'z': 3}");
    ai_value kw2 = ai_tuple_pack((ai_value[]){STR("a"), STR("b")}, 2);
    CHECK_STREQ(R(ai_call(dict_t, (ai_value[]){I(1), I(2)}, 0, kw2)), "{'a': 1, 'b': 2}");
    CHECK_STREQ(R(ai_call(dict_t, (ai_value[]){I(1)}, 1, 0)),
                "!TypeError: 'int' object is not iterable");
    CHECK_STREQ(R(ai_call(dict_t, (ai_value[]){I(1), I(2)}, 2, 0)),
                "!TypeError: dict expected at most 1 argument, got 2");
    ai_value copy = ai_call(dict_t, args, 1, 0);
    CHECK(copy != args[0]);
    /* {1: 'a', **{1: 'b', 2: 'c'}} and {**1} */
    ai_value d = ai_dict_new((ai_value[]){I(1), STR("a")}, 1);
    CHECK(ai_dict_merge(d, ai_dict_new((ai_value[]){I(1), STR("b"), I(2), STR("c")}, 2)) == 0);
    CHECK_STREQ(R(d), "{1: 'b', 2: 'c'}");
    CHECK(ai_dict_merge(d, I(1)) == -1);
    CHECK_STREQ(check_err_text(), "!TypeError: 'int' object is not a mapping");
    CHECK(ai_dict_merge(d, L(0)) == -1);
    CHECK_STREQ(check_err_text(), "!TypeError: 'list' object is not a mapping");
    /* | and |= */
    ai_value a = ai_dict_new((ai_value[]){I(1), I(2)}, 1);
    ai_value b = ai_dict_new((ai_value[]){I(1), I(3), I(4), I(5)}, 2);
    CHECK_STREQ(R(ai_or(a, b)), "{1: 3, 4: 5}");
    CHECK_STREQ(R(a), "{1: 2}");
    CHECK_STREQ(R(ai_or(a, I(1))),
                "!TypeError: unsupported operand type(s) for |: 'dict' and 'int'");
    CHECK_STREQ(R(ai_or(a, L(1, PAIR(I(1), I(2))))),
                "!TypeError: unsupported operand type(s) for |: 'dict' and 'list'");
    CHECK(ai_inplace(a, L(1, PAIR(I(3), I(4))), AI_OP_OR) == a); /* |= takes pairs too */
    CHECK(ai_inplace(a, b, AI_OP_OR) == a);
    CHECK_STREQ(R(a), "{1: 3, 3: 4, 4: 5}");
}

static void test_views(void) {
    ai_value d = sample();
    ai_value k = M(d, "keys", 0), v = M(d, "values", 0), it = M(d, "items", 0);
    CHECK_STREQ(R(k), "dict_keys(['a', 'b', 3])");
    CHECK_STREQ(R(v), "dict_values([1, 2, [4]])");
    CHECK_STREQ(R(it), "dict_items([('a', 1), ('b', 2), (3, [4])])");
    CHECK_STREQ(R(M(D(), "keys", 0)), "dict_keys([])");
    CHECK_STREQ(obj_type_name(ai_iter(d)), "dict_keyiterator");
    CHECK_STREQ(obj_type_name(ai_iter(it)), "dict_itemiterator");
    CHECK_STREQ(obj_type_name(M(v, "__reversed__", 0)), "dict_reversevalueiterator");
    CHECK_STREQ(R(LISTOF(M(d, "__reversed__", 0))), "[3, 'b', 'a']");
    CHECK_STREQ(R(LISTOF(M(it, "__reversed__", 0))), "[(3, [4]), ('b', 2), ('a', 1)]");
    CHECK_STREQ(R(LISTOF(M(v, "__reversed__", 0))), "[[4], 2, 1]");
    CHECK(ai_contains(k, STR("a")) == 1 && ai_contains(k, STR("z")) == 0);
    CHECK(ai_contains(it, PAIR(STR("a"), I(1))) == 1);
    CHECK(ai_contains(it, PAIR(STR("a"), I(2))) == 0);
    CHECK(ai_contains(it, ai_tuple_pack((ai_value[]){STR("a")}, 1)) == 0);
    CHECK(ai_contains(v, L(1, I(4))) == 1);
    CHECK(obj_slots(k)->len(k) == 3);
    /* views are live */
    ai_setitem(d, STR("n"), I(0));
    CHECK_STREQ(R(k), "dict_keys(['a', 'b', 3, 'n'])");
    ai_delitem(d, STR("n"));
    /* set operations and comparisons on keys and items */
    CHECK_STREQ(R(ai_and(k, SET(2, STR("a"), I(3)))), R(SET(2, I(3), STR("a"))));
    CHECK_STREQ(R(ai_sub(k, SET(1, STR("a")))), R(SET(2, I(3), STR("b"))));
    ai_value one = ai_dict_new((ai_value[]){I(1), I(2)}, 1),
             two = ai_dict_new((ai_value[]){I(2), I(3)}, 1);
    CHECK_STREQ(R(ai_or(M(one, "items", 0), SET(1, PAIR(I(3), I(4))))), "{(1, 2), (3, 4)}");
    CHECK_STREQ(R(ai_xor(M(one, "keys", 0), M(two, "keys", 0))), "{1, 2}");
    CHECK_STREQ(R(ai_or(L(1, I(5)), M(one, "keys", 0))), "{1, 5}");
    CHECK_STREQ(R(ai_sub(L(2, I(1), I(2)), M(one, "keys", 0))), "{2}");
    CHECK_STREQ(R(ai_compare(k, SET(3, STR("a"), STR("b"), I(3)), AI_CMP_EQ)), "True");
    CHECK_STREQ(R(ai_compare(k, SET(4, STR("a"), STR("b"), I(3), I(4)), AI_CMP_LT)), "True");
    CHECK_STREQ(R(ai_compare(k, L(1, I(1)), AI_CMP_EQ)), "False");
    CHECK_STREQ(R(ai_compare(it, M(d, "items", 0), AI_CMP_EQ)), "True");
    CHECK_STREQ(R(ai_compare(v, M(d, "values", 0), AI_CMP_EQ)), "False");
    CHECK_STREQ(R(M(k, "isdisjoint", 1, L(1, STR("q")))), "True");
    CHECK(obj_hash(k) == -1);
    CHECK_STREQ(check_err_text(), "!TypeError: unhashable type: 'dict_keys'");
    CHECK(obj_hash(it) == -1);
    CHECK_STREQ(check_err_text(), "!TypeError: unhashable type: 'dict_items'");
    CHECK(obj_hash(v) != -1);
    /* orders that depend on which operand becomes the set (CPython's) */
    ai_value f = M(ai_val(&ai_dict_type), "fromkeys", 1, L(5, I(15), I(31), I(0), I(1), I(2)));
    ai_value fk = M(f, "keys", 0);
    CHECK_STREQ(R(set_new(&ai_set_type, f)), "{0, 1, 2, 31, 15}");
    CHECK_STREQ(R(ai_or(fk, L(0))), "{0, 1, 2, 31, 15}");
    CHECK_STREQ(R(ai_or(L(0), fk)), "{0, 1, 2, 15, 31}");
    CHECK_STREQ(R(ai_xor(L(0), fk)), "{0, 1, 2, 15, 31}");
    CHECK_STREQ(R(ai_and(fk, set_new(&ai_set_type, f))), "{0, 1, 2, 15, 31}");
    ai_value e0 = ai_dict_new(NULL, 0), e1 = ai_dict_new(NULL, 0);
    int64_t ks[5] = {15, 31, 0, 1, 2};
    for (int i = 0; i < 5; i++) {
        ai_setitem(e0, I(ks[i]), I(0));
        ai_setitem(e1, I(ks[i]), I(1));
    }
    CHECK_STREQ(
        R(ai_xor(M(e0, "items", 0), M(e1, "items", 0))),
        "{(0, 1), (2, 1), (0, 0), (31, 1), (15, 1), (1, 1), (2, 0), (31, 0), (15, 0), (1, 0)}");
    CHECK_STREQ(
        R(ai_or(M(e0, "items", 0), M(e1, "items", 0))),
        "{(0, 1), (2, 1), (0, 0), (31, 1), (15, 1), (2, 0), (1, 1), (31, 0), (15, 0), (1, 0)}");
}

static void test_iteration_mutation(void) {
    ai_value d = ai_dict_new((ai_value[]){I(1), I(1), I(2), I(2)}, 2), x;
    ai_value it = ai_iter(d);
    CHECK(ai_for_next(it, &x) == 1);
    ai_setitem(d, I(3), I(3));
    CHECK(ai_for_next(it, &x) == -1);
    CHECK_STREQ(check_err_text(), "!RuntimeError: dictionary changed size during iteration");
    CHECK(ai_for_next(it, &x) == -1); /* sticky */
    check_err_text();
    /* same size, different keys: for k in d: del d[k]; d[k + 10] = 0 —
     * fine for 3 keys (each new entry lands after the iterator), an
     * error for 5 (a resize compacts the table under the iterator) */
    for (int size = 3; size <= 5; size += 2) {
        d = D();
        for (int i = 1; i <= size; i++) ai_setitem(d, I(i), I(i));
        it = ai_iter(d);
        int rc, n = 0;
        while ((rc = ai_for_next(it, &x)) == 1) {
            n++;
            ai_delitem(d, x);
            ai_setitem(d, I(ai_smallint_get(x) + 10), I(0));
        }
        if (size == 3) {
            CHECK(rc == 0 && n == 3);
            CHECK_STREQ(R(d), "{11: 0, 12: 0, 13: 0}");
        } else {
            CHECK(rc == -1 && n == 5);
            CHECK_STREQ(check_err_text(),
                        "!RuntimeError: dictionary keys changed during iteration");
            CHECK_STREQ(R(d), "{2: 2, 13: 0, 14: 0, 15: 0, 21: 0}");
        }
    }
}

static void test_many_keys(void) {
    ai_value d = D();
    for (int64_t i = 0; i < 100000; i++) CHECK(ai_setitem(d, I((i * 7919) % 100003), I(i)) == 0);
    for (int64_t i = 0; i < 100000; i += 2) CHECK(ai_delitem(d, I((i * 7919) % 100003)) == 0);
    CHECK(dict_len(d) == 50000);
    CHECK(order_hash(d) == 931427603335680654LL);
    CHECK(order_hash(M(d, "values", 0)) == 1771688602809588252LL);
    CHECK(order_hash(set_new(&ai_set_type, d)) == 68775356113974981LL);
    for (int64_t i = 0; i < 100000; i++) {
        ai_value v;
        int32_t rc = dict_get(d, I((i * 7919) % 100003), &v);
        CHECK(rc == (i % 2) && (!rc || ai_smallint_get(v) == i));
    }
    /* str keys (cached hashes) */
    ai_value s = D();
    char buf[32];
    for (int i = 0; i < 20000; i++) {
        snprintf(buf, sizeof buf, "k%d", i);
        ai_setitem(s, STR(buf), I(i));
    }
    CHECK(dict_len(s) == 20000);
    CHECK_STREQ(R(ai_getitem(s, STR("k12345"))), "12345");
    CHECK_STREQ(exc_line(ai_getitem(s, STR("k20000"))), "KeyError: 'k20000'");
    ai_value c = dict_copy(s);
    CHECK(ai_compare_bool(c, s, AI_CMP_EQ) == 1);
}

int main(void) {
    test_basics();
    test_repr_recursion();
    test_methods();
    test_construct_and_merge();
    test_views();
    test_iteration_mutation();
    test_many_keys();
    CHECK_DONE();
}
