/*
 * tests/runtime/test_modmath.c — the math module against CPython 3.11,
 * bit for bit: every unary function over special and random doubles (the
 * libm wrappers, CPython's own gamma/lgamma, rounding to ints, frexp,
 * modf, ulp) and the binary ones (hypot, atan2, pow, fmod, remainder,
 * copysign, dist, log with a base) from gen_mod_cases.py's table; then the
 * integer functions on big ints, fsum's exact rounding, and the argument
 * errors worded as CPython's.
 */
#include "check.h"

#include <math.h>

#include "test_modmath_cases.inc"

static ai_value mod;

static ai_value fn(const char *name) { return ai_getattr(mod, STR(name)); }

static ai_value call(const char *name, int n, ...) {
    ai_value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) args[i] = va_arg(ap, ai_value);
    va_end(ap);
    ai_value f = fn(name);
    return f ? ai_call(f, args, n, 0) : AI_ERR;
}

static ai_value value(int i) {
    uint64_t bits = strtoull(math_values[i] + 2, NULL, 16);
    double d;
    memcpy(&d, &bits, sizeof d);
    return F(d);
}

static void test_table(void) {
    for (size_t i = 0; i < sizeof math_cases / sizeof math_cases[0]; i++) {
        const struct math_case *c = &math_cases[i];
        const char *got = R(call(c->fn, 1, value(c->arg)));
        if (strcmp(got, c->want) != 0)
            fprintf(stderr, "math.%s(%s): got %s, want %s\n", c->fn, math_values[c->arg], got, c->want);
        CHECK(strcmp(got, c->want) == 0);
    }
    for (size_t i = 0; i < sizeof math2_cases / sizeof math2_cases[0]; i++) {
        const struct math2_case *c = &math2_cases[i];
        ai_value a = value(c->a), b = value(c->b), r;
        if (strcmp(c->fn, "dist2") == 0) {
            ai_value p = ai_tuple_pack((ai_value[]){a, b}, 2);
            ai_value q = ai_tuple_pack((ai_value[]){b, ai_neg(a)}, 2);
            r = call("dist", 2, p, q);
        } else {
            r = call(c->fn, 2, a, b);
        }
        const char *got = R(r);
        if (strcmp(got, c->want) != 0)
            fprintf(stderr, "math.%s(%s, %s): got %s, want %s\n", c->fn, math_values[c->a],
                    math_values[c->b], got, c->want);
        CHECK(strcmp(got, c->want) == 0);
    }
}

static ai_value list_of(int n, const double *v) {
    ai_value l = list_new(n);
    for (int i = 0; i < n; i++) ai_list_append(l, F(v[i]));
    return l;
}

static void test_integers(void) {
    CHECK_STREQ(R(call("factorial", 1, I(25))), "15511210043330985984000000");
    CHECK_STREQ(R(call("factorial", 1, I(20))), "2432902008176640000");
    CHECK_STREQ(R(call("factorial", 1, I(-1))), "!ValueError: factorial() not defined for negative values");
    CHECK_STREQ(R(call("factorial", 1, F(5.0))), "!TypeError: 'float' object cannot be interpreted as an integer");
    CHECK_STREQ(R(call("factorial", 1, BIG("100000000000000000000"))),
                "!OverflowError: factorial() argument should not exceed 9223372036854775807");
    CHECK_STREQ(R(call("isqrt", 1, BIG("100000000000000000000000000000000000000001"))),
                "316227766016837933199");
    CHECK_STREQ(R(call("isqrt", 1, I(-1))), "!ValueError: isqrt() argument must be nonnegative");
    CHECK_STREQ(R(call("gcd", 3, BIG("1267650600228229401496703205376"), I(-48), I(180))), "4");
    CHECK_STREQ(R(call("gcd", 0)), "0");
    CHECK_STREQ(R(call("lcm", 3, I(4), I(6), BIG("36893488147419103232"))), "110680464442257309696");
    CHECK_STREQ(R(call("lcm", 2, I(4), I(0))), "0");
    CHECK_STREQ(R(call("comb", 2, I(100), I(50))), "100891344545564193334812497256");
    CHECK_STREQ(R(call("comb", 2, BIG("1180591620717411303424"), I(3))),
                "274250759553534340358464632138771002190616713273449955064807424");
    CHECK_STREQ(R(call("comb", 2, I(5), I(-1))), "!ValueError: k must be a non-negative integer");
    CHECK_STREQ(R(call("perm", 2, I(10), I(4))), "5040");
    CHECK_STREQ(R(call("perm", 1, I(6))), "720");
    CHECK_STREQ(R(call("perm", 2, I(3), I(5))), "0");
    CHECK_STREQ(R(call("floor", 1, F(1e300))),
                "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160");
    CHECK_STREQ(R(call("log", 1, ai_pow(I(10), I(400)))), "921.0340371976182");
    CHECK_STREQ(R(call("log", 2, ai_pow(I(10), I(400)), I(10))), "399.99999999999994");
    CHECK_STREQ(R(call("log2", 1, ai_pow(I(2), I(2000)))), "2000.0");
    CHECK_STREQ(R(call("log10", 1, ai_pow(I(10), I(400)))), "400.0");
}

static void test_fsum_prod(void) {
    double tenth[10] = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
    CHECK_STREQ(R(call("fsum", 1, list_of(10, tenth))), "1.0");
    double cancel[7] = {1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50};
    CHECK_STREQ(R(call("fsum", 1, list_of(7, cancel))), "1e-100");
    /* a tie decided by a partial below the last two */
    double tie[3] = {1.0, 1.1102230246251565e-16, 1e-40};
    CHECK_STREQ(R(call("fsum", 1, list_of(3, tie))), "1.0000000000000002");
    double over[2] = {1e308, 1e308};
    CHECK_STREQ(R(call("fsum", 1, list_of(2, over))), "!OverflowError: intermediate overflow in fsum");
    double infs[2] = {INFINITY, -INFINITY};
    CHECK_STREQ(R(call("fsum", 1, list_of(2, infs))), "!ValueError: -inf + inf in fsum");
    CHECK_STREQ(R(call("fsum", 1, I(1))), "!TypeError: 'int' object is not iterable");
    ai_value words = list_new(2);
    ai_list_append(words, STR("a"));
    CHECK_STREQ(R(call("fsum", 1, words)), "!TypeError: must be real number, not str");
    double three[3] = {1.5, 2.0, 4.0};
    CHECK_STREQ(R(call("prod", 1, list_of(3, three))), "12.0");
    ai_value kw = ai_tuple_pack((ai_value[]){STR("start")}, 1);
    CHECK_STREQ(R(ai_call(fn("prod"), (ai_value[]){list_new(0), I(7)}, 1, kw)), "7");
}

static void test_errors(void) {
    CHECK_STREQ(R(call("sqrt", 0)), "!TypeError: math.sqrt() takes exactly one argument (0 given)");
    CHECK_STREQ(R(call("sqrt", 1, STR("x"))), "!TypeError: must be real number, not str");
    CHECK_STREQ(R(call("sqrt", 1, I(-1))), "!ValueError: math domain error");
    CHECK_STREQ(R(call("exp", 1, I(1000))), "!OverflowError: math range error");
    CHECK_STREQ(R(call("log", 0)), "!TypeError: math.log requires 1 to 2 arguments");
    CHECK_STREQ(R(call("log", 2, I(1), I(1))), "!ZeroDivisionError: float division by zero");
    CHECK_STREQ(R(call("atan2", 1, I(1))), "!TypeError: atan2 expected 2 arguments, got 1");
    CHECK_STREQ(R(call("perm", 0)), "!TypeError: perm expected at least 1 argument, got 0");
    CHECK_STREQ(R(call("isclose", 1, I(1))), "!TypeError: isclose() missing required argument 'b' (pos 2)");
    CHECK_STREQ(R(call("trunc", 1, STR("x"))), "!TypeError: type str doesn't define __trunc__ method");
    CHECK_STREQ(R(call("floor", 1, F(NAN))), "!ValueError: cannot convert float NaN to integer");
    CHECK_STREQ(R(call("ceil", 1, F(-INFINITY))), "!OverflowError: cannot convert float infinity to integer");
    CHECK_STREQ(R(call("ldexp", 2, F(1.0), F(2.0))),
                "!TypeError: Expected an int as second argument to ldexp.");
    ai_value p = ai_tuple_pack((ai_value[]){I(1), I(2)}, 2), q = ai_tuple_pack((ai_value[]){I(1)}, 1);
    CHECK_STREQ(R(call("dist", 2, p, q)), "!ValueError: both points must have the same number of dimensions");
    ai_value kw = ai_tuple_pack((ai_value[]){STR("rel_tol")}, 1);
    CHECK_STREQ(R(ai_call(fn("isclose"), (ai_value[]){I(1), I(2), I(-1)}, 2, kw)),
                "!ValueError: tolerances must be non-negative");
    CHECK_STREQ(R(ai_call(fn("isclose"), (ai_value[]){F(1.0), F(1.0000000001)}, 2, 0)), "True");
}

static void test_constants(void) {
    CHECK_STREQ(R(ai_getattr(mod, STR("pi"))), "3.141592653589793");
    CHECK_STREQ(R(ai_getattr(mod, STR("e"))), "2.718281828459045");
    CHECK_STREQ(R(ai_getattr(mod, STR("tau"))), "6.283185307179586");
    CHECK_STREQ(R(ai_getattr(mod, STR("inf"))), "inf");
    CHECK_STREQ(R(ai_getattr(mod, STR("nan"))), "nan");
    CHECK_STREQ(R(ai_getattr(mod, STR("sqrt"))), "<built-in function sqrt>");
    CHECK_STREQ(R(ai_getattr(mod, STR("nope"))), "!AttributeError: module 'math' has no attribute 'nope'");
}

int main(void) {
    mod = ai_import("math");
    CHECK(mod != AI_ERR);
    if (!mod) CHECK_DONE();
    test_table();
    test_integers();
    test_fsum_prod();
    test_errors();
    test_constants();
    CHECK_DONE();
}
