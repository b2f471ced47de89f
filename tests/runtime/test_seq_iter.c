/*
 * tests/runtime/test_seq_iter.c — the iteration builtins: enumerate, zip
 * (strict=), map (several iterables), filter (None, bool, a function),
 * reversed, iter (incl. iter(callable, sentinel)), next (default,
 * StopIteration), sorted, min/max (key=, default=, several arguments),
 * sum (ints, floats in CPython 3.11's addition order, lists, the
 * refusals of str/bytes), any/all; their reprs and argument errors.
 * Expected text from CPython 3.11.
 */
#include "check.h"

#include <stdarg.h>

static ai_value L(int n, ...) {
    ai_value items[64];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) items[i] = va_arg(ap, ai_value);
    va_end(ap);
    return ai_list_new(items, n);
}

static ai_value T(int n, ...) {
    ai_value items[64];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) items[i] = va_arg(ap, ai_value);
    va_end(ap);
    return ai_tuple_pack(items, n);
}

/* builtin(args...) */
static ai_value B(const char *name, int n, ...) {
    ai_value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) args[i] = va_arg(ap, ai_value);
    va_end(ap);
    return ai_call(ai_builtin(name), args, n, 0);
}

/* builtin(positional..., k=v) with one keyword after npos positionals */
static ai_value BK(const char *name, int npos, ai_value *args, const char *k) {
    return ai_call(ai_builtin(name), args, npos, T(1, STR(k)));
}

/* list(builtin(args...)) */
static const char *LB(const char *name, int n, ...) {
    ai_value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) args[i] = va_arg(ap, ai_value);
    va_end(ap);
    ai_value it = ai_call(ai_builtin(name), args, n, 0);
    if (!it) return check_err_text();
    return R(B("list", 1, it));
}

static bool starts(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int counter;
static ai_value count_up(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return I(++counter);
}
static ai_value stop_at_3(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    if (++counter > 3) return ai_raise(ai_val(&ai_exc_StopIteration), 0);
    return I(counter);
}

#define N AI_NONE

static void test_lazy_types(void) {
    CHECK_STREQ(LB("enumerate", 1, STR("ab")), "[(0, 'a'), (1, 'b')]");
    CHECK_STREQ(LB("enumerate", 2, STR("ab"), I(-5)), "[(-5, 'a'), (-4, 'b')]");
    CHECK_STREQ(LB("enumerate", 2, STR("ab"), AI_TRUE), "[(1, 'a'), (2, 'b')]");
    CHECK_STREQ(LB("enumerate", 2, L(2, I(1), I(2)), I(AI_SMALLINT_MAX)),
                "[(4611686018427387903, 1), (4611686018427387904, 2)]");
    CHECK_STREQ(LB("enumerate", 1, I(5)), "!TypeError: 'int' object is not iterable");
    CHECK_STREQ(R(B("enumerate", 0)),
                "!TypeError: enumerate() missing required argument 'iterable'");
    CHECK_STREQ(R(B("enumerate", 3, L(0), I(1), I(2))),
                "!TypeError: enumerate() takes at most 2 arguments (3 given)");
    CHECK_STREQ(R(B("enumerate", 2, L(0), F(1.5))),
                "!TypeError: 'float' object cannot be interpreted as an integer");
    CHECK_STREQ(R(BK("enumerate", 0, (ai_value[]){I(1)}, "foo")),
                "!TypeError: 'foo' is an invalid keyword argument for enumerate()");
    CHECK_STREQ(R(B("list", 1, BK("enumerate", 1, (ai_value[]){STR("xy"), I(3)}, "start"))),
                "[(3, 'x'), (4, 'y')]");
    CHECK_STREQ(R(B("list", 1, BK("enumerate", 0, (ai_value[]){STR("x")}, "iterable"))),
                "[(0, 'x')]");
    CHECK(starts(R(B("enumerate", 1, L(0))), "<enumerate object at 0x"));
    CHECK_STREQ(R(ai_getattr(B("enumerate", 1, L(0)), STR("__class__"))), "<class 'enumerate'>");

    CHECK_STREQ(LB("zip", 2, STR("ab"), L(3, I(1), I(2), I(3))), "[('a', 1), ('b', 2)]");
    CHECK_STREQ(LB("zip", 0), "[]");
    CHECK_STREQ(LB("zip", 1, L(2, I(1), I(2))), "[(1,), (2,)]");
    CHECK_STREQ(LB("zip", 1, I(1)), "!TypeError: 'int' object is not iterable");
    CHECK(starts(R(B("zip", 0)), "<zip object at 0x"));
    ai_value z;
    z = BK("zip", 2, (ai_value[]){L(1, I(1)), L(2, I(2), I(3)), AI_TRUE}, "strict");
    CHECK_STREQ(R(B("list", 1, z)), "!ValueError: zip() argument 2 is longer than argument 1");
    z = BK("zip", 2, (ai_value[]){L(2, I(1), I(2)), L(1, I(3)), AI_TRUE}, "strict");
    CHECK_STREQ(R(B("list", 1, z)), "!ValueError: zip() argument 2 is shorter than argument 1");
    z = BK("zip", 3, (ai_value[]){L(2, I(1), I(2)), L(2, I(3), I(4)), L(1, I(5)), AI_TRUE},
           "strict");
    CHECK_STREQ(R(B("list", 1, z)), "!ValueError: zip() argument 3 is shorter than arguments 1-2");
    z = BK("zip", 3, (ai_value[]){L(1, I(1)), L(2, I(3), I(4)), L(2, I(5), I(6)), AI_TRUE},
           "strict");
    CHECK_STREQ(R(B("list", 1, z)), "!ValueError: zip() argument 2 is longer than argument 1");
    z = BK("zip", 2, (ai_value[]){L(1, I(1)), L(1, I(3)), I(1)}, "strict");
    CHECK_STREQ(R(B("list", 1, z)), "[(1, 3)]");
    z = BK("zip", 2, (ai_value[]){STR("ab"), L(3, I(1), I(2), I(3)), AI_FALSE}, "strict");
    CHECK_STREQ(R(B("list", 1, z)), "[('a', 1), ('b', 2)]");
    CHECK_STREQ(R(BK("zip", 1, (ai_value[]){L(0), I(1)}, "foo")),
                "!TypeError: 'foo' is an invalid keyword argument for zip()");
    CHECK_STREQ(
        R(ai_call(ai_builtin("zip"), (ai_value[]){I(1), I(2)}, 0, T(2, STR("strict"), STR("foo")))),
        "!TypeError: zip() takes at most 1 keyword argument (2 given)");

    CHECK_STREQ(LB("map", 2, ai_builtin("abs"), L(3, I(-1), I(2), I(-3))), "[1, 2, 3]");
    CHECK_STREQ(LB("map", 3, ai_builtin("divmod"), L(2, I(7), I(8)), L(3, I(2), I(3), I(4))),
                "[(3, 1), (2, 2)]");
    CHECK_STREQ(LB("map", 2, ai_builtin("abs"), I(1)), "!TypeError: 'int' object is not iterable");
    CHECK_STREQ(LB("map", 2, ai_builtin("abs"), L(1, STR("a"))),
                "!TypeError: bad operand type for abs(): 'str'");
    CHECK_STREQ(LB("map", 1, ai_builtin("abs")),
                "!TypeError: map() must have at least two arguments.");
    CHECK_STREQ(R(BK("map", 2, (ai_value[]){ai_builtin("abs"), L(0), I(1)}, "key")),
                "!TypeError: map() takes no keyword arguments");
    CHECK(starts(R(B("map", 2, ai_builtin("abs"), L(0))), "<map object at 0x"));

    ai_value mixed = L(7, I(0), I(1), STR(""), STR("x"), N, L(0), L(1, I(0)));
    CHECK_STREQ(LB("filter", 2, N, mixed), "[1, 'x', [0]]");
    CHECK_STREQ(LB("filter", 2, ai_builtin("bool"), L(2, I(0), I(1))), "[1]");
    CHECK_STREQ(LB("filter", 2, ai_builtin("abs"), L(3, I(0), I(1), I(-2))), "[1, -2]");
    CHECK_STREQ(LB("filter", 2, ai_builtin("len"), L(1, I(1))),
                "!TypeError: object of type 'int' has no len()");
    CHECK_STREQ(R(B("filter", 1, N)), "!TypeError: filter expected 2 arguments, got 1");
    CHECK_STREQ(R(B("filter", 3, N, L(0), I(1))), "!TypeError: filter expected 2 arguments, got 3");
    CHECK(starts(R(B("filter", 2, N, L(0))), "<filter object at 0x"));

    CHECK_STREQ(LB("reversed", 1, T(3, I(1), I(2), I(3))), "[3, 2, 1]");
    CHECK(starts(R(B("reversed", 1, T(0))), "<reversed object at 0x"));
    CHECK_STREQ(LB("reversed", 1, L(0)), "[]");
    CHECK_STREQ(R(B("reversed", 1, I(5))), "!TypeError: 'int' object is not reversible");
    CHECK_STREQ(R(B("reversed", 1, N)), "!TypeError: 'NoneType' object is not reversible");
    CHECK_STREQ(R(B("reversed", 0)), "!TypeError: reversed expected 1 argument, got 0");
    CHECK_STREQ(R(B("reversed", 2, L(0), L(0))), "!TypeError: reversed expected 1 argument, got 2");
    CHECK_STREQ(R(BK("reversed", 1, (ai_value[]){L(0), I(1)}, "foo")),
                "!TypeError: reversed() takes no keyword arguments");
}

static void test_iter_next(void) {
    CHECK_STREQ(R(B("next", 1, B("iter", 1, STR("ab")))), "'a'");
    CHECK_STREQ(R(B("next", 2, B("iter", 1, STR("")), STR("d"))), "'d'");
    CHECK_STREQ(R(B("next", 1, B("iter", 1, STR("")))), "!StopIteration");
    CHECK_STREQ(R(B("next", 1, I(5))), "!TypeError: 'int' object is not an iterator");
    CHECK_STREQ(R(B("next", 2, I(5), I(6))), "!TypeError: 'int' object is not an iterator");
    CHECK_STREQ(R(B("next", 0)), "!TypeError: next expected at least 1 argument, got 0");
    CHECK_STREQ(R(B("next", 3, I(1), I(2), I(3))),
                "!TypeError: next expected at most 2 arguments, got 3");
    CHECK_STREQ(R(B("iter", 1, I(5))), "!TypeError: 'int' object is not iterable");
    CHECK_STREQ(R(B("iter", 0)), "!TypeError: iter expected at least 1 argument, got 0");
    CHECK_STREQ(R(B("iter", 3, I(1), I(2), I(3))),
                "!TypeError: iter expected at most 2 arguments, got 3");
    CHECK_STREQ(R(B("iter", 2, I(5), I(6))), "!TypeError: iter(v, w): v must be callable");
    ai_value l = L(1, I(1));
    ai_value it = B("iter", 1, l);
    CHECK(B("iter", 1, it) == it);
    counter = 0;
    ai_value ci = B("iter", 2, call_builtin_new("count_up", count_up, 0), I(4));
    CHECK(starts(R(ci), "<callable_iterator object at 0x"));
    CHECK_STREQ(R(B("list", 1, ci)), "[1, 2, 3]");
    CHECK_STREQ(R(B("list", 1, ci)), "[]");
    counter = 0;
    ci = B("iter", 2, call_builtin_new("stop_at_3", stop_at_3, 0), I(10));
    CHECK_STREQ(R(B("list", 1, ci)), "[1, 2, 3]");
}

static void test_consumers(void) {
    CHECK_STREQ(R(B("sorted", 1, STR("bca"))), "['a', 'b', 'c']");
    ai_value a[2] = {L(3, I(3), I(1), I(2)), AI_TRUE};
    CHECK_STREQ(R(BK("sorted", 1, a, "reverse")), "[3, 2, 1]");
    ai_value a2[3] = {L(3, I(-3), I(1), I(2)), ai_builtin("abs"), I(1)};
    CHECK_STREQ(R(ai_call(ai_builtin("sorted"), a2, 1, T(2, STR("key"), STR("reverse")))),
                "[-3, 2, 1]");
    ai_value a3[2] = {L(2, I(2), I(1)), N};
    CHECK_STREQ(R(BK("sorted", 1, a3, "key")), "[1, 2]");
    CHECK_STREQ(R(B("sorted", 1, I(5))), "!TypeError: 'int' object is not iterable");
    CHECK_STREQ(R(B("sorted", 2, L(0), I(2))), "!TypeError: sorted expected 1 argument, got 2");
    CHECK_STREQ(R(B("sorted", 0)), "!TypeError: sorted expected 1 argument, got 0");
    ai_value a4[2] = {L(1, I(1)), I(1)};
    CHECK_STREQ(R(BK("sorted", 1, a4, "foo")),
                "!TypeError: 'foo' is an invalid keyword argument for sort()");
    CHECK_STREQ(R(B("sorted", 1, L(2, I(3), STR("a")))),
                "!TypeError: '<' not supported between instances of 'str' and 'int'");
    ai_value src = L(2, I(2), I(1));
    ai_value out = B("sorted", 1, src);
    CHECK(out != src);
    CHECK_STREQ(R(src), "[2, 1]");

    CHECK_STREQ(R(B("min", 1, L(3, I(3), I(1), I(2)))), "1");
    CHECK_STREQ(R(B("max", 1, STR("abc"))), "'c'");
    CHECK_STREQ(R(B("min", 3, I(3), I(1), I(2))), "1");
    CHECK_STREQ(R(B("max", 2, L(2, I(1), I(2)), L(2, I(1), I(3)))), "[1, 3]");
    CHECK_STREQ(R(B("max", 1, L(2, I(2), F(2.0)))), "2");
    CHECK_STREQ(R(B("min", 1, L(2, F(2.0), I(2)))), "2.0");
    ai_value d[2] = {L(0), I(7)};
    CHECK_STREQ(R(BK("min", 1, d, "default")), "7");
    ai_value k[2] = {L(2, I(-5), I(3)), ai_builtin("abs")};
    CHECK_STREQ(R(BK("max", 1, k, "key")), "-5");
    CHECK_STREQ(R(BK("min", 1, k, "key")), "3");
    ai_value kn[2] = {L(2, I(-5), I(3)), N};
    CHECK_STREQ(R(BK("max", 1, kn, "key")), "3");
    CHECK_STREQ(R(B("max", 1, L(0))), "!ValueError: max() arg is an empty sequence");
    CHECK_STREQ(R(B("min", 1, T(0))), "!ValueError: min() arg is an empty sequence");
    CHECK_STREQ(R(B("max", 1, I(1))), "!TypeError: 'int' object is not iterable");
    CHECK_STREQ(R(B("max", 0)), "!TypeError: max expected at least 1 argument, got 0");
    ai_value dd[3] = {I(1), I(2), I(3)};
    CHECK_STREQ(
        R(BK("max", 2, dd, "default")),
        "!TypeError: Cannot specify a default for max() with multiple positional arguments");
    CHECK_STREQ(R(BK("min", 1, d, "foo")),
                "!TypeError: 'foo' is an invalid keyword argument for min()");
    CHECK_STREQ(R(ai_call(ai_builtin("max"), (ai_value[]){I(1), I(2), N, I(1)}, 1,
                          T(3, STR("default"), STR("key"), STR("foo")))),
                "!TypeError: max() takes at most 2 keyword arguments (3 given)");
    CHECK_STREQ(R(B("max", 2, I(1), STR("a"))),
                "!TypeError: '>' not supported between instances of 'str' and 'int'");
    CHECK_STREQ(R(B("min", 2, I(1), STR("a"))),
                "!TypeError: '<' not supported between instances of 'str' and 'int'");

    CHECK_STREQ(R(B("sum", 1, L(3, I(1), I(2), I(3)))), "6");
    CHECK_STREQ(R(B("sum", 2, L(3, I(1), I(2), I(3)), I(10))), "16");
    ai_value tenth =
        L(10, F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1), F(0.1));
    CHECK_STREQ(R(B("sum", 1, tenth)), "0.9999999999999999");
    CHECK_STREQ(R(B("sum", 1, L(3, F(1e100), F(1.0), F(-1e100)))), "0.0");
    CHECK_STREQ(R(B("sum", 1, L(4, I(1), F(0.5), I(2), ai_pow(I(10), I(20))))), "1e+20");
    CHECK_STREQ(R(B("sum", 1, L(2, I(AI_SMALLINT_MAX), I(AI_SMALLINT_MAX)))),
                "9223372036854775806");
    CHECK_STREQ(R(B("sum", 2, L(2, L(1, I(1)), L(2, I(2), I(3))), L(0))), "[1, 2, 3]");
    CHECK_STREQ(R(B("sum", 2, L(2, T(1, I(1)), T(1, I(2))), T(0))), "(1, 2)");
    CHECK_STREQ(R(B("sum", 2, L(2, F(1.5), F(2.5)), I(1))), "5.0");
    CHECK_STREQ(R(B("sum", 1, L(3, AI_TRUE, I(2), F(0.5)))), "3.5");
    CHECK_STREQ(R(B("sum", 2, L(0), F(0.0))), "0.0");
    CHECK_STREQ(R(B("sum", 1, B("range", 1, I(101)))), "5050");
    CHECK_STREQ(R(B("sum", 1, L(1, STR("a")))),
                "!TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    CHECK_STREQ(R(B("sum", 2, L(0), STR("a"))),
                "!TypeError: sum() can't sum strings [use ''.join(seq) instead]");
    CHECK_STREQ(R(B("sum", 2, L(1, I(1)), bytes_from("", 0, false))),
                "!TypeError: sum() can't sum bytes [use b''.join(seq) instead]");
    ai_value s1[2] = {L(1, I(1)), STR("a")};
    CHECK_STREQ(R(BK("sum", 1, s1, "start")),
                "!TypeError: sum() can't sum strings [use ''.join(seq) instead]");
    ai_value s2[2] = {L(1, I(1)), I(5)};
    CHECK_STREQ(R(BK("sum", 1, s2, "start")), "6");
    CHECK_STREQ(R(BK("sum", 1, s2, "foo")),
                "!TypeError: 'foo' is an invalid keyword argument for sum()");
    CHECK_STREQ(R(B("sum", 0)), "!TypeError: sum() takes at least 1 positional argument (0 given)");
    CHECK_STREQ(R(B("sum", 3, L(0), I(1), I(2))),
                "!TypeError: sum() takes at most 2 arguments (3 given)");
    CHECK_STREQ(R(B("sum", 1, I(1))), "!TypeError: 'int' object is not iterable");

    CHECK_STREQ(R(B("any", 1, L(3, I(0), STR(""), N))), "False");
    CHECK_STREQ(R(B("any", 1, L(2, I(0), STR("x")))), "True");
    CHECK_STREQ(R(B("all", 1, L(2, I(1), STR("x")))), "True");
    CHECK_STREQ(R(B("all", 1, L(2, I(1), I(0)))), "False");
    CHECK_STREQ(R(B("all", 1, L(0))), "True");
    CHECK_STREQ(R(B("any", 1, L(0))), "False");
    CHECK_STREQ(R(B("any", 1, I(5))), "!TypeError: 'int' object is not iterable");
    CHECK_STREQ(R(B("any", 0)), "!TypeError: any() takes exactly one argument (0 given)");
    CHECK_STREQ(R(BK("all", 1, (ai_value[]){L(0), I(1)}, "x")),
                "!TypeError: all() takes no keyword arguments");
    /* any() stops at the first true item */
    ai_value it = B("iter", 1, L(3, I(0), I(1), I(2)));
    CHECK_STREQ(R(B("any", 1, it)), "True");
    CHECK_STREQ(R(B("list", 1, it)), "[2]");
}

int main(void) {
    test_lazy_types();
    test_iter_next();
    test_consumers();
    CHECK(exc_pending() == 0);
    CHECK_DONE();
}
