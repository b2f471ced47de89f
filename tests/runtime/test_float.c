/*
 * tests/runtime/test_float.c — float repr/str (shortest round-trip, exactly
 * CPython's text for 3000 special and random doubles from gen_cases.py),
 * float() parsing and its errors, hashing consistent with int, boxing.
 */
#include "check.h"

#include <math.h>
#include <stdint.h>

#include "test_float_cases.inc"

static ai_value call1(const char *builtin, ai_value a) {
    ai_value f = ai_builtin(builtin);
    return f ? ai_call(f, &a, 1, 0) : AI_ERR;
}

static void test_repr_table(void) {
    for (size_t i = 0; i < sizeof float_cases / sizeof float_cases[0]; i++) {
        double d;
        memcpy(&d, &float_cases[i].bits, sizeof d);
        char buf[32];
        float_repr_buf(d, buf);
        check_count++;
        if (strcmp(buf, float_cases[i].repr) != 0) {
            check_failures++;
            fprintf(stderr, "float repr of 0x%016llx: got %s want %s\n",
                    (unsigned long long)float_cases[i].bits, buf, float_cases[i].repr);
        }
    }
    /* str() and repr() objects agree with the buffer version */
    CHECK_STREQ(S(F(0.1)), "0.1");
    CHECK_STREQ(R(F(-0.0)), "-0.0");
    CHECK_STREQ(S(F(1e16)), "1e+16");
    CHECK_STREQ(S(F(NAN)), "nan");
    CHECK_STREQ(S(F(-INFINITY)), "-inf");
    CHECK_STREQ(S(ai_const_float(123456789012345.0)), "123456789012345.0");
}

static void test_parse(void) {
    static const struct {
        const char *in, *want;
    } cases[] = {
        {" 1e5 ", "100000.0"},
        {"1e", "!ValueError: could not convert string to float: '1e'"},
        {"infinit", "!ValueError: could not convert string to float: 'infinit'"},
        {".5", "0.5"},
        {"5.", "5.0"},
        {"1_000.000_1", "1000.0001"},
        {"1__0", "!ValueError: could not convert string to float: '1__0'"},
        {"+nan", "nan"},
        {"-nan", "nan"},
        {"  -Infinity ", "-inf"},
        {"iNF", "inf"},
        {"0x10", "!ValueError: could not convert string to float: '0x10'"},
        {"", "!ValueError: could not convert string to float: ''"},
        {"1e500", "inf"},
        {"-1e-500", "-0.0"},
        {"1.5e-3", "0.0015"},
        {"1e1_0", "10000000000.0"},
        {"1_e5", "!ValueError: could not convert string to float: '1_e5'"},
        {"e5", "!ValueError: could not convert string to float: 'e5'"},
        {".", "!ValueError: could not convert string to float: '.'"},
        {"+-1", "!ValueError: could not convert string to float: '+-1'"},
        {"1 2", "!ValueError: could not convert string to float: '1 2'"},
        {"٣.٥", "3.5"},
        {"nan(1)", "!ValueError: could not convert string to float: 'nan(1)'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_STREQ(R(call1("float", STR(cases[i].in))), cases[i].want);
    CHECK_STREQ(R(call1("float", I(3))), "3.0");
    CHECK_STREQ(R(call1("float", AI_TRUE)), "1.0");
    CHECK_STREQ(R(call1("float", AI_NONE)),
                "!TypeError: float() argument must be a string or a real number, not 'NoneType'");
    ai_value f = ai_builtin("float");
    ai_value two[2] = {I(1), I(2)};
    CHECK_STREQ(R(ai_call(f, two, 2, 0)), "!TypeError: float expected at most 1 argument, got 2");
    CHECK_STREQ(R(ai_call(f, NULL, 0, 0)), "0.0");
}

static void test_hash_and_misc(void) {
    CHECK(obj_hash(F(3.0)) == obj_hash(I(3)));
    CHECK(obj_hash(F(-1.0)) == -2);
    CHECK(obj_hash(F(1e300)) == obj_hash(call1("int", F(1e300))));
    CHECK(obj_hash(F(0.5)) == 1152921504606846976LL);
    ai_value n1 = F(NAN), n2 = F(NAN);
    CHECK(ai_compare_bool(n1, n2, AI_CMP_NE) == 1);
    CHECK(obj_hash(n1) == obj_hash(n1));
    CHECK(ai_compare_bool(n1, n1, AI_CMP_EQ) == 0); /* nan != nan, even itself */
    CHECK(ai_truthy(F(0.0)) == 0 && ai_truthy(F(-0.0)) == 0 && ai_truthy(F(NAN)) == 1);
    CHECK(float_get(ai_float_box(2.5)) == 2.5);
    CHECK_STREQ(R(ai_pow(F(2.0), I(10000))),
                "!OverflowError: (34, 'Numerical result out of range')");
    CHECK_STREQ(R(ai_pow(F(-8.0), F(1.0 / 3))),
                "(1.0000000000000002+1.7320508075688772j)");
    CHECK_STREQ(R(ai_pow(F(-2.0), F(3.0))), "-8.0");
    CHECK_STREQ(R(ai_mod(F(-0.0), I(5))), "0.0");
    CHECK_STREQ(R(ai_mod(F(0.0), I(-5))), "-0.0");
    CHECK_STREQ(R(ai_floordiv(F(-7.5), I(2))), "-4.0");
    CHECK_STREQ(R(ai_mul(F(1.5), STR("a"))),
                "!TypeError: can't multiply sequence by non-int of type 'float'");
}

int main(void) {
    test_repr_table();
    test_parse();
    test_hash_and_misc();
    CHECK_DONE();
}
