/*
 * tests/runtime/test_int.c — arbitrary-precision ints: the tagged/big
 * boundary, exact decimal output (2**1000, 100!), correctly rounded int /
 * int (random pairs up to 1200 bits, subnormal and overflow edges), floor
 * division and modulo, hashes, int() parsing and its errors, the 4300
 * digit limit, pow with a modulus, round(), conversions to and from float.
 * Expected values come from CPython 3.11 (gen_cases.py → test_int_cases.inc).
 */
#include "check.h"

#include <math.h>
#include <stdint.h>

#include "test_int_cases.inc"

static ai_value call(const char *builtin, int n, ai_value a, ai_value b, ai_value c) {
    ai_value args[3] = {a, b, c};
    ai_value f = ai_builtin(builtin);
    if (!f) return AI_ERR;
    return ai_call(f, args, n, 0);
}

static ai_value enc_value(const char *e) {
    switch (e[0]) {
    case 'i': return BIG(e + 2);
    case 'b': return ai_bool(e[2] == '1');
    case 'n': return AI_NONE;
    case 's': return STR(e + 2);
    case 'f': {
        uint64_t bits = strtoull(e + 2, NULL, 16);
        double d;
        memcpy(&d, &bits, sizeof d);
        return F(d);
    }
    case 't': {
        ai_value items[8];
        int n = 0;
        char buf[256];
        snprintf(buf, sizeof buf, "%s", e + 2);
        for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ","))
            items[n++] = enc_value(tok);
        return ai_tuple_pack(items, n);
    }
    }
    abort();
}

static void test_boundary(void) {
    ai_value max = I(AI_SMALLINT_MAX), min = I(AI_SMALLINT_MIN);
    CHECK(ai_is_smallint(max) && ai_is_smallint(min));
    ai_value over = ai_add(max, I(1));
    CHECK(over && !ai_is_smallint(over));
    CHECK_STREQ(R(over), "4611686018427387904");
    ai_value back = ai_sub(over, I(1));
    CHECK(back == max); /* demoted to the tagged form */
    ai_value under = ai_sub(min, I(1));
    CHECK_STREQ(R(under), "-4611686018427387905");
    CHECK(ai_add(under, I(1)) == min);
    CHECK_STREQ(R(ai_neg(min)), "4611686018427387904");
    CHECK(ai_neg(ai_neg(min)) == min);
    CHECK_STREQ(R(ai_mul(min, I(-1))), "4611686018427387904");
    CHECK_STREQ(R(ai_floordiv(min, I(-1))), "4611686018427387904");
    CHECK_STREQ(R(ai_int_from_i64(INT64_MIN)), "-9223372036854775808");
    CHECK_STREQ(R(ai_int_from_i64(INT64_MAX)), "9223372036854775807");
    CHECK_STREQ(R(ai_mul(I(3037000500), I(3037000500))), "9223372037000250000");
    CHECK(ai_mul(I(1), I(5)) == I(5));
    int64_t out;
    CHECK(int_to_i64(BIG("-9223372036854775808"), &out) && out == INT64_MIN);
    CHECK(!int_to_i64(BIG("9223372036854775808"), &out));
    CHECK(ai_const_int("42") == I(42));
    CHECK_STREQ(R(ai_const_int("-123456789012345678901234567890")),
                "-123456789012345678901234567890");
    CHECK(ai_is_smallint(ai_const_int("-4611686018427387904")));
}

static void test_decimal(void) {
    ai_value p = ai_pow(I(2), I(1000));
    CHECK_STREQ(S(p),
                "10715086071862673209484250490600018105614048117055336074437503883703510511249361"
                "22493198378815695858127594672917553146825187145285692314043598457757469857480393"
                "45677748242309854210746050623711418779541821530464749835819412673987675591655439"
                "46077062914571196477686542167660429831652624386837205668069376");
    ai_value f = I(1);
    for (int i = 2; i <= 100; i++) f = ai_mul(f, I(i));
    CHECK_STREQ(S(f),
                "93326215443944152681699238856266700490715968264381621468592963895217599993229915"
                "60894146397615651828625369792082722375825118521091686400000000000000000000000"
                "0");
    /* print goes through the same conversion */
    CHECK_STREQ(S(ai_neg(ai_pow(I(2), I(64)))), "-18446744073709551616");
    /* the 4300-digit limit, both directions */
    ai_value big = ai_pow(I(10), I(4299));
    CHECK(str_obj(ai_str(big))->len == 4300);
    CHECK_STREQ(S(ai_pow(I(10), I(4300))),
                "!ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
                "sys.set_int_max_str_digits() to increase the limit");
    char *ones = malloc(4302);
    memset(ones, '1', 4301);
    ones[4301] = 0;
    CHECK_STREQ(R(call("int", 1, STR(ones), 0, 0)),
                "!ValueError: Exceeds the limit (4300 digits) for integer string conversion: value "
                "has 4301 digits; use sys.set_int_max_str_digits() to increase the limit");
    ones[4300] = 0;
    ai_value v = call("int", 1, STR(ones), 0, 0);
    CHECK_STREQ(R(ai_mod(v, I(97))), "65");
    free(ones);
    CHECK(str_obj(ai_str(ai_pow(I(3), I(5000))))->len == 2386);
}

static void test_tables(void) {
    for (size_t i = 0; i < sizeof truediv_cases / sizeof truediv_cases[0]; i++) {
        const char *got = R(ai_truediv(BIG(truediv_cases[i].a), BIG(truediv_cases[i].b)));
        if (strcmp(got, truediv_cases[i].want) != 0) {
            fprintf(stderr, "truediv %s / %s: got %s want %s\n", truediv_cases[i].a,
                    truediv_cases[i].b, got, truediv_cases[i].want);
            check_failures++;
        }
        check_count++;
    }
    for (size_t i = 0; i < sizeof divmod_cases / sizeof divmod_cases[0]; i++) {
        ai_value a = BIG(divmod_cases[i].a), b = BIG(divmod_cases[i].b);
        CHECK_STREQ(R(ai_floordiv(a, b)), divmod_cases[i].floordiv);
        CHECK_STREQ(R(ai_mod(a, b)), divmod_cases[i].mod);
        /* a == q*b + r */
        ai_value q = ai_floordiv(a, b), r = ai_mod(a, b);
        CHECK(ai_compare_bool(ai_add(ai_mul(q, b), r), a, AI_CMP_EQ) == 1);
    }
    for (size_t i = 0; i < sizeof hash_cases / sizeof hash_cases[0]; i++) {
        ai_value v = enc_value(hash_cases[i].enc);
        char buf[32];
        snprintf(buf, sizeof buf, "%lld", (long long)obj_hash(v));
        CHECK_STREQ(buf, hash_cases[i].hash);
    }
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++)
        CHECK_STREQ(R(call("int", 2, STR(parse_cases[i].text), I(parse_cases[i].base), 0)),
                    parse_cases[i].want);
}

static void test_conversions(void) {
    double d;
    CHECK(int_to_double(BIG("9007199254740993"), &d) && d == 9007199254740992.0);
    CHECK(int_to_double(BIG("9007199254740995"), &d) && d == 9007199254740996.0);
    CHECK_STREQ(R(call("float", 1, ai_sub(ai_pow(I(2), I(1024)), ai_pow(I(2), I(971))), 0, 0)),
                "1.7976931348623157e+308");
    CHECK_STREQ(R(call("float", 1, ai_sub(ai_pow(I(2), I(1024)), ai_pow(I(2), I(970))), 0, 0)),
                "!OverflowError: int too large to convert to float");
    CHECK_STREQ(R(ai_mul(ai_pow(I(10), I(400)), F(1.0))),
                "!OverflowError: int too large to convert to float");
    CHECK_STREQ(R(call("int", 1, F(1e300), 0, 0)),
                "1000000000000000052504760255204420248704468581108159154915854115511802457988908195"
                "786371375080447864043704443832883878176942523235360430575644792184786706982848387"
                "200926575803737830233794788090059368953234970799945081119038967640880074652742780"
                "142494579258788820056842838115669472196386865459400540160");
    CHECK_STREQ(R(call("int", 1, F(-3.99), 0, 0)), "-3");
    CHECK_STREQ(R(call("int", 1, F(INFINITY), 0, 0)),
                "!OverflowError: cannot convert float infinity to integer");
    CHECK_STREQ(R(call("int", 1, F(NAN), 0, 0)),
                "!ValueError: cannot convert float NaN to integer");
    CHECK_STREQ(R(call("int", 2, I(5), I(10), 0)),
                "!TypeError: int() can't convert non-string with explicit base");
    CHECK_STREQ(R(call("int", 2, STR("5"), I(1), 0)),
                "!ValueError: int() base must be >= 2 and <= 36, or 0");
    CHECK_STREQ(R(call("int", 3, STR("5"), I(1), I(1))),
                "!TypeError: int() takes at most 2 arguments (3 given)");
    CHECK_STREQ(R(call("int", 1, AI_NONE, 0, 0)),
                "!TypeError: int() argument must be a string, a bytes-like object or a real "
                "number, not 'NoneType'");
    CHECK_STREQ(R(call("int", 0, 0, 0, 0)), "0");
    CHECK_STREQ(R(call("int", 1, AI_TRUE, 0, 0)), "1");
    /* exact comparisons across int and float */
    ai_value p53 = ai_add(ai_pow(I(2), I(53)), I(1));
    CHECK(ai_compare_bool(p53, F(9007199254740992.0), AI_CMP_EQ) == 0);
    CHECK(ai_compare_bool(p53, F(9007199254740992.0), AI_CMP_GT) == 1);
    CHECK(ai_compare_bool(F(0.5), I(0), AI_CMP_GT) == 1);
    CHECK(ai_compare_bool(BIG("-100000000000000000000000"), F(-1e23), AI_CMP_GT) == 0);
}

static void test_misc(void) {
    CHECK_STREQ(R(call("pow", 3, I(2), I(3), I(5))), "3");
    CHECK_STREQ(R(call("pow", 3, I(2), I(-1), I(5))), "3");
    CHECK_STREQ(R(call("pow", 3, I(2), I(3), I(-5))), "-2");
    CHECK_STREQ(R(call("pow", 3, I(2), BIG("100000000000000000000"), I(1000000007))), "855473248");
    CHECK_STREQ(R(call("pow", 3, I(7), I(-3), I(1000003))), "259476");
    CHECK_STREQ(R(call("pow", 3, I(3), I(-1), I(6))),
                "!ValueError: base is not invertible for the given modulus");
    CHECK_STREQ(R(call("pow", 3, I(3), I(1), I(0))), "!ValueError: pow() 3rd argument cannot be 0");
    CHECK_STREQ(R(call("pow", 3, F(2.0), I(1), I(3))),
                "!TypeError: pow() 3rd argument not allowed unless all arguments are integers");
    CHECK_STREQ(R(call("pow", 1, I(2), 0, 0)),
                "!TypeError: pow() missing required argument 'exp' (pos 2)");
    CHECK_STREQ(R(call("round", 2, I(15), I(-1), 0)), "20");
    CHECK_STREQ(R(call("round", 2, I(25), I(-1), 0)), "20");
    CHECK_STREQ(R(call("round", 2, I(123), I(2), 0)), "123");
    CHECK_STREQ(R(call("round", 1, F(2.5), 0, 0)), "2");
    CHECK_STREQ(R(call("round", 1, F(-2.5), 0, 0)), "-2");
    CHECK_STREQ(R(call("round", 1, F(0.5), 0, 0)), "0");
    CHECK_STREQ(R(call("round", 2, F(2.675), I(2), 0)), "2.67");
    CHECK_STREQ(R(call("round", 2, F(-0.4), I(0), 0)), "-0.0");
    CHECK_STREQ(R(call("round", 2, F(123.456), I(-2), 0)), "100.0");
    CHECK_STREQ(R(call("round", 2, F(1.5e20), I(-20), 0)), "2e+20");
    CHECK_STREQ(R(call("round", 2, F(1e300), I(-299), 0)), "1e+300");
    CHECK_STREQ(R(call("round", 1, F(1e300), 0, 0)),
                "1000000000000000052504760255204420248704468581108159154915854115511802457988908195"
                "786371375080447864043704443832883878176942523235360430575644792184786706982848387"
                "200926575803737830233794788090059368953234970799945081119038967640880074652742780"
                "142494579258788820056842838115669472196386865459400540160");
    CHECK_STREQ(R(call("round", 1, F(NAN), 0, 0)),
                "!ValueError: cannot convert float NaN to integer");
    CHECK_STREQ(R(call("round", 1, STR("a"), 0, 0)),
                "!TypeError: type str doesn't define __round__ method");
    CHECK_STREQ(R(call("divmod", 2, I(-7), I(2), 0)), "(-4, 1)");
    CHECK_STREQ(R(call("divmod", 2, F(7.5), I(2), 0)), "(3.0, 1.5)");
    CHECK_STREQ(R(call("divmod", 2, I(1), I(0), 0)),
                "!ZeroDivisionError: integer division or modulo by zero");
    CHECK_STREQ(R(call("divmod", 2, STR("a"), I(1), 0)),
                "!TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'");
    CHECK_STREQ(R(call("abs", 1, AI_TRUE, 0, 0)), "1");
    CHECK_STREQ(R(call("abs", 1, BIG("-100000000000000000000"), 0, 0)), "100000000000000000000");
    CHECK_STREQ(R(ai_lshift(I(1), BIG("1180591620717411303424"))),
                "!OverflowError: too many digits in integer");
    CHECK_STREQ(R(ai_lshift(I(1), BIG("9223372036854775808"))), "!MemoryError");
    CHECK_STREQ(R(ai_lshift(I(0), BIG("1180591620717411303424"))), "0");
    CHECK_STREQ(R(ai_rshift(I(-5), BIG("1180591620717411303424"))), "-1");
    CHECK_STREQ(R(ai_pow(I(-1), BIG("1180591620717411303425"))), "-1");
    CHECK_STREQ(R(ai_pow(BIG("-100000000000000000000"), I(3))),
                "-1000000000000000000000000000000000000000000000000000000000000");
    CHECK_STREQ(R(ai_pow(BIG("100000000000000000000"), I(0))), "1");
    CHECK_STREQ(R(ai_pow(I(0), I(-1))),
                "!ZeroDivisionError: 0.0 cannot be raised to a negative power");
    CHECK_STREQ(R(ai_pow(I(-8), ai_truediv(I(1), I(3)))),
                "(1.0000000000000002+1.7320508075688772j)");
    CHECK(exc_pending() == 0);
}

int main(void) {
    test_boundary();
    test_decimal();
    test_tables();
    test_conversions();
    test_misc();
    CHECK_DONE();
}
