/*
 * tests/runtime/test_str.c — str: canonical width (1/2/4 bytes), UTF-8 in
 * and out (including lone surrogates), O(1) indexing, concatenation and
 * repetition across widths, comparison by code point, `in`, hashing, and
 * repr's quoting and escaping rules checked against CPython 3.11's output.
 */
#include "check.h"

static void test_widths(void) {
    ai_value a = STR("abc"), l1 = STR("caf\xc3\xa9"), bmp = STR("\xe4\xb8\xad"),
             astral = STR("\xf0\x9f\x98\x80");
    CHECK(str_obj(a)->kind == 1 && str_obj(a)->ascii);
    CHECK(str_obj(l1)->kind == 1 && !str_obj(l1)->ascii && str_obj(l1)->len == 4);
    CHECK(str_obj(bmp)->kind == 2 && str_obj(bmp)->len == 1);
    CHECK(str_obj(astral)->kind == 4 && str_obj(astral)->len == 1);
    CHECK(str_char(str_obj(astral), 0) == 0x1F600);
    /* concatenation widens, and results stay canonical */
    ai_value mix = ai_add(ai_add(a, bmp), astral);
    CHECK(str_obj(mix)->kind == 4 && str_obj(mix)->len == 5);
    CHECK(str_char(str_obj(mix), 3) == 0x4E2D);
    CHECK_STREQ(S(mix), "abc\xe4\xb8\xad\xf0\x9f\x98\x80");
    CHECK(ai_compare_bool(ai_add(STR("ab"), STR("c")), a, AI_CMP_EQ) == 1);
    CHECK(obj_hash(ai_add(STR("ab"), STR("c"))) == obj_hash(a));
    CHECK(obj_hash(STR("")) == 0);
    /* repetition */
    CHECK_STREQ(R(ai_mul(STR("ab"), I(3))), "'ababab'");
    CHECK_STREQ(R(ai_mul(I(2), bmp)), "'\xe4\xb8\xad\xe4\xb8\xad'");
    CHECK_STREQ(R(ai_mul(STR("ab"), I(-1))), "''");
    CHECK_STREQ(R(ai_mul(STR("x"), AI_TRUE)), "'x'");
    CHECK_STREQ(R(ai_mul(STR("ab"), ai_pow(I(2), I(62)))),
                "!OverflowError: repeated string is too long");
    CHECK_STREQ(R(ai_mul(STR("ab"), ai_pow(I(2), I(100)))),
                "!OverflowError: cannot fit 'int' into an index-sized integer");
    CHECK_STREQ(R(ai_add(STR("a"), I(1))),
                "!TypeError: can only concatenate str (not \"int\") to str");
    CHECK_STREQ(R(ai_add(I(1), STR("a"))),
                "!TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    /* a const string is immortal and pre-hashed */
    ai_value k = ai_const_str("hello", 5);
    CHECK(str_obj(k)->hash != -1);
    CHECK(str_obj(k)->hash == str_hash(STR("hello")));
}

static void test_compare_contains(void) {
    CHECK(ai_compare_bool(STR("b"), STR("ab"), AI_CMP_LT) == 0);
    CHECK(ai_compare_bool(STR("\xc3\xa9"), STR("z"), AI_CMP_GT) == 1);
    CHECK(ai_compare_bool(STR("\xf0\x9f\x98\x80"), STR("\xef\xbf\xbf"), AI_CMP_GT) == 1);
    CHECK(ai_compare_bool(STR("abc"), STR("abd"), AI_CMP_LT) == 1);
    CHECK(ai_compare_bool(STR("ab"), STR("abc"), AI_CMP_LT) == 1);
    CHECK(ai_compare_bool(STR("a"), I(1), AI_CMP_EQ) == 0);
    CHECK(ai_compare_bool(STR("a"), I(1), AI_CMP_NE) == 1);
    CHECK_STREQ(R(ai_compare(STR("a"), I(1), AI_CMP_LT)),
                "!TypeError: '<' not supported between instances of 'str' and 'int'");
    CHECK(ai_contains(STR("hello"), STR("ell")) == 1);
    CHECK(ai_contains(STR("hello"), STR("")) == 1);
    CHECK(ai_contains(STR("hello"), STR("xyz")) == 0);
    CHECK(ai_contains(STR("h\xe4\xb8\xadllo"), STR("\xe4\xb8\xadl")) == 1);
    CHECK(ai_contains(STR("hello"), STR("\xe4\xb8\xad")) == 0);
    CHECK(ai_contains(STR("hello"), I(1)) == -1);
    CHECK_STREQ(check_err_text(),
                "!TypeError: 'in <string>' requires string as left operand, not int");
    CHECK(ai_truthy(STR("")) == 0 && ai_truthy(STR("0")) == 1);
}

static void test_repr(void) {
    CHECK_STREQ(R(STR("a\x01\t\n\r\\")), "'a\\x01\\t\\n\\r\\\\'");
    CHECK_STREQ(R(STR("it's")), "\"it's\"");
    CHECK_STREQ(R(STR("\"")), "'\"'");
    CHECK_STREQ(R(STR("'\"")), "'\\'\"'");
    /* U+0378 unassigned, U+2028, U+00A0, U+00AD, U+007F, U+0080, U+FFFF,
     * U+1F600 printable, U+E0000 unassigned, lone surrogate U+D800 */
    CHECK_STREQ(
        R(STR("\xcd\xb8\xc3\xa9\xe2\x80\xa8 \xc2\xa0\xc2\xad\x7f\xc2\x80\xef\xbf\xbf"
              "\xf0\x9f\x98\x80\xf3\xa0\x80\x80\xed\xa0\x80")),
        "'\\u0378\xc3\xa9\\u2028 \\xa0\\xad\\x7f\\x80\\uffff\xf0\x9f\x98\x80\\U000e0000\\ud800'");
    CHECK_STREQ(S(STR("plain")), "plain");
    CHECK(str_obj(STR("\xc0\xaf"))->len == 2); /* malformed input decodes as U+FFFD */
}

static void test_output(void) {
    int64_t n;
    CHECK(str_utf8_strict(STR("\xed\xa0\x80"), &n) == NULL);
    CHECK_STREQ(
        check_err_text(),
        "!UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 0: "
        "surrogates not allowed");
    CHECK(str_utf8_strict(STR("ab\xed\xa0\x80\xed\xb0\x80"), &n) == NULL);
    CHECK_STREQ(check_err_text(),
                "!UnicodeEncodeError: 'utf-8' codec can't encode characters in position 2-3: "
                "surrogates not allowed");
    const char *p = str_utf8(STR("\xe4\xb8\xad!"), &n);
    CHECK(n == 4 && memcmp(p, "\xe4\xb8\xad!", 4) == 0);
    ai_value ch = ai_builtin("chr"), ord = ai_builtin("ord");
    ai_value a = I(0x4E2D);
    CHECK_STREQ(R(ai_call(ch, &a, 1, 0)), "'\xe4\xb8\xad'");
    a = STR("\xf0\x9f\x98\x80");
    CHECK_STREQ(R(ai_call(ord, &a, 1, 0)), "128512");
    a = STR("ab");
    CHECK_STREQ(R(ai_call(ord, &a, 1, 0)),
                "!TypeError: ord() expected a character, but string of length 2 found");
    a = I(0x110000);
    CHECK_STREQ(R(ai_call(ch, &a, 1, 0)), "!ValueError: chr() arg not in range(0x110000)");
    a = STR("abc");
    CHECK_STREQ(R(ai_call(ai_builtin("len"), &a, 1, 0)), "3");
    a = I(5);
    CHECK_STREQ(R(ai_call(ai_builtin("len"), &a, 1, 0)),
                "!TypeError: object of type 'int' has no len()");
    ai_value strt = ai_builtin("str");
    a = ai_pow(I(2), I(100));
    CHECK_STREQ(R(ai_call(strt, &a, 1, 0)), "'1267650600228229401496703205376'");
    CHECK_STREQ(R(ai_call(strt, NULL, 0, 0)), "''");
    a = ai_tuple_pack((ai_value[]){F(1.5), STR("x"), AI_NONE}, 3);
    CHECK_STREQ(R(ai_call(strt, &a, 1, 0)), "\"(1.5, 'x', None)\"");
}

int main(void) {
    test_widths();
    test_compare_contains();
    test_repr();
    test_output();
    CHECK(exc_pending() == 0);
    CHECK_DONE();
}
