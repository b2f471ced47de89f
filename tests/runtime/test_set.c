/*
 * tests/runtime/test_set.c — set and frozenset (objects/set.c) against
 * CPython 3.11: reprs and iteration order of int sets (which depend on
 * the exact table layout: probing, dummy reuse, growth, bulk resizes),
 * the algebra (methods, operators, in-place operators, comparisons),
 * frozenset hash values, errors word for word, 100k-element tables.
 * Every expected string was printed by python3 (3.11.7).
 */
#include "check.h"

#include <stdarg.h>

#define NARGS(...) (int64_t)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t))

static ai_value mk(ai_type *t, const int64_t *v, int64_t n) {
    ai_value s = set_new(t, 0);
    for (int64_t i = 0; i < n; i++) CHECK(ai_set_add(s, I(v[i])) == 0);
    return s;
}
#define SETI(...)  mk(&ai_set_type, (int64_t[]){__VA_ARGS__}, NARGS(__VA_ARGS__))
#define FSETI(...) mk(&ai_frozenset_type, (int64_t[]){__VA_ARGS__}, NARGS(__VA_ARGS__))
static ai_value LIST(const int64_t *v, int64_t n) {
    ai_value l = ai_list_new(NULL, 0);
    for (int64_t i = 0; i < n; i++) ai_list_append(l, I(v[i]));
    return l;
}
#define LISTI(...) LIST((int64_t[]){__VA_ARGS__}, NARGS(__VA_ARGS__))

/* o.name(args...) */
static ai_value M(ai_value o, const char *name, int n, ...) {
    ai_value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) args[i] = va_arg(ap, ai_value);
    va_end(ap);
    return ai_call_method(o, STR(name), args, n, 0, NULL);
}

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

static void test_repr_and_order(void) {
    CHECK_STREQ(R(set_new(&ai_set_type, 0)), "set()");
    CHECK_STREQ(R(set_new(&ai_frozenset_type, 0)), "frozenset()");
    CHECK_STREQ(R(SETI(1, 2, 3)), "{1, 2, 3}");
    CHECK_STREQ(R(FSETI(1, 2)), "frozenset({1, 2})");
    CHECK_STREQ(R(SETI(-1, -2, -3)), "{-3, -1, -2}");
    /* the comprehension {i * 8 for i in range(6)}: one add at a time */
    CHECK_STREQ(R(SETI(0, 8, 16, 24, 32, 40)), "{0, 32, 8, 40, 16, 24}");
    /* a display of constants goes through a frozenset and a merge */
    ai_value c[6] = {I(100), I(8), I(16), I(3), I(24), I(32)};
    CHECK_STREQ(R(set_from_const_display(c, 6)), "{32, 16, 3, 100, 8, 24}");
    ai_value c2[5] = {I(15), I(31), I(0), I(1), I(2)};
    CHECK_STREQ(R(set_from_const_display(c2, 5)), "{0, 1, 2, 31, 15}");
    CHECK_STREQ(R(ai_set_new(c2, 5)), "{0, 1, 2, 15, 31}");
    /* a new key takes the last dummy on its probe path */
    ai_value s = SETI(10, 9, 11, 8);
    M(s, "discard", 1, I(11));
    M(s, "discard", 1, I(8));
    M(s, "add", 1, I(2));
    CHECK_STREQ(R(s), "{2, 9, 10}");
    s = SETI(1, 2);
    M(s, "discard", 1, I(1));
    M(s, "add", 1, I(9));
    CHECK_STREQ(R(s), "{9, 2}");
    /* set(range(20, 0, -3)), frozenset(range(10, -10, -1)) */
    ai_value r = ai_call(ai_val(&ai_range_type), (ai_value[]){I(20), I(0), I(-3)}, 3, 0);
    CHECK_STREQ(R(set_new(&ai_set_type, r)), "{2, 5, 8, 11, 14, 17, 20}");
    r = ai_call(ai_val(&ai_range_type), (ai_value[]){I(10), I(-10), I(-1)}, 3, 0);
    CHECK_STREQ(
        R(ai_call(ai_val(&ai_frozenset_type), &r, 1, 0)),
        "frozenset({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -1, -9, -8, -7, -6, -5, -4, -3, -2})");
    /* equal keys of different types: the first one stays */
    ai_value mixed[3] = {I(1), F(1.0), AI_TRUE};
    CHECK_STREQ(R(ai_set_new(mixed, 3)), "{1}");
    ai_value mixed2[3] = {AI_TRUE, I(1), F(1.0)};
    CHECK_STREQ(R(ai_set_new(mixed2, 3)), "{True}");
    ai_value fl[4] = {F(0.5), F(1.5), F(2.5), F(-0.5)};
    CHECK_STREQ(R(ai_set_new(fl, 4)), "{0.5, 1.5, 2.5, -0.5}");
    ai_value big[3] = {BIG("18446744073709551616"), BIG("36893488147419103232"), I(1)};
    CHECK_STREQ(R(ai_set_new(big, 3)), "{18446744073709551616, 36893488147419103232, 1}");
    ai_value tup[2] = {tuple_pack2(I(1), I(2)), tuple_pack2(I(3), I(4))};
    CHECK_STREQ(R(ai_set_new(tup, 2)), "{(1, 2), (3, 4)}");
    ai_value nested[2] = {FSETI(1), I(2)};
    CHECK_STREQ(R(set_new(&ai_frozenset_type, ai_set_new(nested, 2))),
                "frozenset({frozenset({1}), 2})");
}

static void test_algebra(void) {
    ai_value a = SETI(1, 2, 3), b = SETI(2, 3, 4, 5), fa = set_new(&ai_frozenset_type, a);
    CHECK_STREQ(R(ai_or(a, b)), "{1, 2, 3, 4, 5}");
    CHECK_STREQ(R(ai_and(a, b)), "{2, 3}");
    CHECK_STREQ(R(ai_sub(a, b)), "{1}");
    CHECK_STREQ(R(ai_sub(b, a)), "{4, 5}");
    CHECK_STREQ(R(ai_xor(a, b)), "{1, 4, 5}");
    CHECK_STREQ(R(ai_or(fa, b)), "frozenset({1, 2, 3, 4, 5})");
    CHECK_STREQ(R(ai_or(b, fa)), "{1, 2, 3, 4, 5}");
    CHECK_STREQ(R(ai_and(fa, b)), "frozenset({2, 3})");
    CHECK_STREQ(R(ai_xor(fa, b)), "frozenset({1, 4, 5})");
    CHECK_STREQ(R(ai_sub(a, fa)), "set()");
    CHECK_STREQ(R(ai_sub(fa, a)), "frozenset()");
    CHECK_STREQ(R(ai_xor(a, a)), "set()");
    CHECK_STREQ(R(M(a, "union", 2, LISTI(7, 8), ai_tuple_pack((ai_value[]){I(9)}, 1))),
                "{1, 2, 3, 7, 8, 9}");
    CHECK_STREQ(R(M(a, "intersection", 2, b, LISTI(3))), "{3}");
    CHECK_STREQ(R(M(a, "difference", 2, LISTI(1), LISTI(2))), "{3}");
    CHECK_STREQ(R(M(a, "symmetric_difference", 1, LISTI(3, 10))), "{2, 1, 10}");
    CHECK(M(a, "union", 0) != a && M(a, "intersection", 0) != a && M(a, "difference", 0) != a);
    CHECK(M(fa, "copy", 0) == fa);
    CHECK_STREQ(R(M(a, "copy", 0)), "{1, 2, 3}");
    /* mixed types: which key survives */
    ai_value one = ai_set_new((ai_value[]){I(1)}, 1), onef = ai_set_new((ai_value[]){F(1.0)}, 1);
    CHECK_STREQ(R(ai_or(onef, one)), "{1.0}");
    CHECK_STREQ(R(ai_and(one, onef)), "{1.0}");
    CHECK_STREQ(R(ai_and(onef, one)), "{1}");
    /* comparisons are subset tests */
    CHECK_STREQ(R(ai_compare(a, b, AI_CMP_LT)), "False");
    CHECK_STREQ(R(ai_compare(a, a, AI_CMP_LE)), "True");
    CHECK_STREQ(R(ai_compare(a, a, AI_CMP_LT)), "False");
    CHECK_STREQ(R(ai_compare(a, SETI(1), AI_CMP_GE)), "True");
    CHECK_STREQ(R(ai_compare(a, SETI(1), AI_CMP_GT)), "True");
    CHECK_STREQ(R(ai_compare(a, fa, AI_CMP_EQ)), "True");
    CHECK_STREQ(R(ai_compare(a, b, AI_CMP_NE)), "True");
    CHECK_STREQ(R(ai_compare(set_new(&ai_set_type, 0), LISTI(1), AI_CMP_EQ)), "False");
    CHECK_STREQ(R(ai_compare(a, LISTI(1), AI_CMP_LT)),
                "!TypeError: '<' not supported between instances of 'set' and 'list'");
    CHECK_STREQ(R(M(a, "issubset", 1, LISTI(1, 2, 3, 4))), "True");
    CHECK_STREQ(R(M(a, "issuperset", 1, LISTI(1))), "True");
    CHECK_STREQ(R(M(a, "isdisjoint", 1, LISTI(7))), "True");
    CHECK_STREQ(R(M(a, "isdisjoint", 1, b)), "False");
    CHECK(ai_contains(a, I(3)) == 1 && ai_contains(fa, I(7)) == 0);
    CHECK(ai_contains(ai_set_new((ai_value[]){FSETI(1, 2)}, 1), SETI(2, 1)) == 1);
    /* in-place operators mutate and return the same set */
    ai_value s = SETI(1, 2, 3);
    CHECK(ai_inplace(s, SETI(4), AI_OP_OR) == s);
    CHECK(ai_inplace(s, SETI(1, 2, 4), AI_OP_AND) == s);
    CHECK_STREQ(R(s), "{1, 2, 4}");
    CHECK(ai_inplace(s, SETI(2), AI_OP_SUB) == s);
    CHECK(ai_inplace(s, SETI(4, 5), AI_OP_XOR) == s);
    CHECK_STREQ(R(s), "{1, 5}");
    /* frozenset |= makes a new frozenset */
    ai_value f2 = ai_inplace(fa, SETI(9), AI_OP_OR);
    CHECK(f2 != fa);
    CHECK_STREQ(R(f2), "frozenset({1, 2, 3, 9})");
    /* update and friends take any iterables */
    s = SETI(1);
    CHECK(M(s, "update", 2, LISTI(2, 3), STR("")) == AI_NONE);
    M(s, "intersection_update", 1, LISTI(3, 2, 9));
    CHECK_STREQ(R(s), "{2, 3}");
    M(s, "difference_update", 2, LISTI(2), LISTI(7));
    M(s, "symmetric_difference_update", 1, LISTI(3, 4));
    CHECK_STREQ(R(s), "{4}");
}

static void test_errors(void) {
    ai_value s = SETI(1, 2);
    ai_value empty = set_new(&ai_set_type, 0);
    /* check.h shows str(args[0]); CPython's traceback line is
     * "KeyError: 'pop from an empty set'" */
    CHECK_STREQ(R(M(empty, "pop", 0)), "!KeyError: 'pop from an empty set'");
    CHECK_STREQ(R(M(s, "remove", 1, I(5))), "!KeyError: 5");
    CHECK_STREQ(R(M(s, "remove", 1, LISTI(1))), "!TypeError: unhashable type: 'list'");
    CHECK_STREQ(R(M(s, "discard", 1, LISTI(1))), "!TypeError: unhashable type: 'list'");
    CHECK_STREQ(R(M(s, "add", 1, LISTI(1))), "!TypeError: unhashable type: 'list'");
    CHECK_STREQ(R(M(s, "add", 0)), "!TypeError: set.add() takes exactly one argument (0 given)");
    CHECK_STREQ(R(M(s, "pop", 1, I(1))), "!TypeError: set.pop() takes no arguments (1 given)");
    CHECK_STREQ(R(M(FSETI(1), "copy", 1, I(1))),
                "!TypeError: frozenset.copy() takes no arguments (1 given)");
    CHECK_STREQ(R(M(FSETI(1), "add", 1, I(1))),
                "!AttributeError: 'frozenset' object has no attribute 'add'");
    CHECK(ai_contains(s, LISTI(1)) == -1);
    CHECK_STREQ(check_err_text(), "!TypeError: unhashable type: 'list'");
    CHECK(ai_contains(s, SETI(1)) == 0); /* retried as a frozenset */
    CHECK(obj_hash(s) == -1);
    CHECK_STREQ(check_err_text(), "!TypeError: unhashable type: 'set'");
    ai_value set_t = ai_val(&ai_set_type), fs_t = ai_val(&ai_frozenset_type);
    CHECK_STREQ(R(ai_call(set_t, (ai_value[]){I(1)}, 1, 0)),
                "!TypeError: 'int' object is not iterable");
    CHECK_STREQ(R(ai_call(set_t, (ai_value[]){I(1), I(2)}, 2, 0)),
                "!TypeError: set expected at most 1 argument, got 2");
    ai_value kw = ai_tuple_pack((ai_value[]){STR("a")}, 1);
    CHECK_STREQ(R(ai_call(set_t, (ai_value[]){I(1)}, 0, kw)),
                "!TypeError: set() takes no keyword arguments");
    CHECK_STREQ(R(ai_call(fs_t, (ai_value[]){I(1)}, 0, kw)),
                "!TypeError: frozenset() takes no keyword arguments");
    CHECK_STREQ(R(ai_call(fs_t, (ai_value[]){I(1), I(2)}, 2, 0)),
                "!TypeError: frozenset expected at most 1 argument, got 2");
    ai_value fs = FSETI(3);
    CHECK(ai_call(fs_t, &fs, 1, 0) == fs);
    CHECK_STREQ(R(ai_or(s, LISTI(1))),
                "!TypeError: unsupported operand type(s) for |: 'set' and 'list'");
    CHECK_STREQ(R(ai_sub(s, I(1))),
                "!TypeError: unsupported operand type(s) for -: 'set' and 'int'");
    CHECK_STREQ(R(M(s, "union", 1, I(1))), "!TypeError: 'int' object is not iterable");
    CHECK_STREQ(R(M(s, "issubset", 1, I(1))), "!TypeError: 'int' object is not iterable");
    /* mutation during iteration */
    ai_value it = ai_iter(s), x;
    CHECK(ai_for_next(it, &x) == 1);
    ai_set_add(s, I(99));
    CHECK(ai_for_next(it, &x) == -1);
    CHECK_STREQ(check_err_text(), "!RuntimeError: Set changed size during iteration");
    CHECK(ai_for_next(it, &x) == -1); /* sticky, as CPython */
    check_err_text();
    /* unbound methods check the receiver's type */
    ai_value u = ai_getattr(set_t, STR("union"));
    CHECK_STREQ(
        R(ai_call(u, (ai_value[]){FSETI(1)}, 1, 0)),
        "!TypeError: descriptor 'union' for 'set' objects doesn't apply to a 'frozenset' object");
}

static void test_hash(void) {
    /* hash(frozenset(...)) as CPython prints it */
    CHECK(obj_hash(set_new(&ai_frozenset_type, 0)) == 133146708735736LL);
    CHECK(obj_hash(FSETI(1)) == -558064481276695278LL);
    CHECK(obj_hash(FSETI(1, 2)) == -1826646154956904602LL);
    CHECK(obj_hash(FSETI(3, 2, 1)) == -272375401224217160LL);
    CHECK(obj_hash(FSETI(-1, -2)) == 399283329322573LL);
    ai_value inner = ai_set_new((ai_value[]){FSETI(1), I(2)}, 2);
    CHECK(obj_hash(set_new(&ai_frozenset_type, inner)) == -1248503628839622056LL);
    ai_value r = ai_call(ai_val(&ai_range_type), (ai_value[]){I(100)}, 1, 0);
    CHECK(obj_hash(set_new(&ai_frozenset_type, r)) == 4411996150312757951LL);
    ai_value m = ai_set_new((ai_value[]){tuple_pack2(I(1), I(2)), F(3.5)}, 2);
    CHECK(obj_hash(set_new(&ai_frozenset_type, m)) == -5268987115888289412LL);
    ai_value bg =
        ai_set_new((ai_value[]){BIG("1180591620717411303424"), BIG("-36893488147419103232")}, 2);
    CHECK(obj_hash(set_new(&ai_frozenset_type, bg)) == 618027732761432957LL);
    /* equal frozensets hash alike whatever their history */
    ai_value f1 = FSETI(1, 2, 3, 4, 5, 6, 7, 8, 9), s = SETI(9, 8, 7, 6, 5, 4, 3, 2, 1, 100);
    M(s, "discard", 1, I(100));
    CHECK(obj_hash(f1) == obj_hash(set_new(&ai_frozenset_type, s)));
    CHECK(ai_compare_bool(f1, s, AI_CMP_EQ) == 1);
}

static void test_big(void) {
    ai_value s = set_new(&ai_set_type, 0);
    for (int64_t i = 0; i < 100000; i++) ai_set_add(s, I(i));
    CHECK(set_len(s) == 100000);
    CHECK(order_hash(s) == 489305351265080898LL);
    s = set_new(&ai_set_type, 0);
    for (int64_t i = 0; i < 100000; i++) ai_set_add(s, I((i * 7919) % 100003 - 50000));
    CHECK(set_len(s) == 100000);
    CHECK(order_hash(s) == 1356617921021371176LL);
    for (int64_t i = 0; i < 100000; i += 3) M(s, "discard", 1, I((i * 7919) % 100003 - 50000));
    CHECK(set_len(s) == 66666);
    CHECK(order_hash(s) == 2270582733489355818LL);
    for (int64_t i = 0; i < 100000; i++)
        CHECK(ai_contains(s, I((i * 7919) % 100003 - 50000)) == (i % 3 != 0));
    /* pop empties it, each key once */
    int64_t n = 0;
    while (set_len(s) > 0) {
        ai_value k = M(s, "pop", 0);
        CHECK(k && ai_contains(s, k) == 0);
        n++;
    }
    CHECK(n == 66666);
}

int main(void) {
    test_repr_and_order();
    test_algebra();
    test_errors();
    test_hash();
    test_big();
    CHECK_DONE();
}
