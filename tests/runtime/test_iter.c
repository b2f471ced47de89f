/*
 * tests/runtime/test_iter.c — ai_iter / ai_for_next over str, tuple and
 * range (small and big-int bounds, negative steps), the range type itself
 * (repr, len, `in`, ==, hash, errors), tuple(iterable), and the errors
 * for non-iterables and non-iterators. Expected text from CPython 3.11.
 */
#include "check.h"

/* Drain an iterable into its repr as a tuple. */
static const char *drain(ai_value v) {
    ai_value it = ai_iter(v);
    if (!it) return check_err_text();
    ai_value items[64], x;
    int n = 0;
    int32_t rc;
    while ((rc = ai_for_next(it, &x)) == 1 && n < 64) items[n++] = x;
    if (rc < 0) return check_err_text();
    CHECK(ai_for_next(it, &x) == 0); /* stays exhausted */
    return R(ai_tuple_pack(items, n));
}

static ai_value range(int n, ai_value a, ai_value b, ai_value c) {
    ai_value args[3] = {a, b, c};
    return ai_call(ai_builtin("range"), args, n, 0);
}

int main(void) {
    CHECK_STREQ(drain(STR("h\xc3\xa9\xf0\x9f\x98\x80")), "('h', '\xc3\xa9', '\xf0\x9f\x98\x80')");
    CHECK_STREQ(drain(STR("")), "()");
    CHECK_STREQ(drain(ai_tuple_pack((ai_value[]){I(1), STR("a"), AI_NONE}, 3)), "(1, 'a', None)");
    CHECK_STREQ(drain(range(1, I(4), 0, 0)), "(0, 1, 2, 3)");
    CHECK_STREQ(drain(range(3, I(10), I(0), I(-3))), "(10, 7, 4, 1)");
    CHECK_STREQ(drain(range(2, I(5), I(5), 0)), "()");
    ai_value two64 = ai_pow(I(2), I(64));
    CHECK_STREQ(drain(range(3, two64, ai_add(two64, I(7)), I(3))),
                "(18446744073709551616, 18446744073709551619, 18446744073709551622)");
    ai_value p62 = ai_pow(I(2), I(62));
    CHECK_STREQ(
        drain(range(2, ai_sub(p62, I(2)), ai_add(p62, I(2)), 0)),
        "(4611686018427387902, 4611686018427387903, 4611686018427387904, 4611686018427387905)");
    CHECK_STREQ(drain(range(3, I(INT64_MAX - 2), I(INT64_MAX), I(1))),
                "(9223372036854775805, 9223372036854775806)");
    CHECK_STREQ(drain(I(5)), "!TypeError: 'int' object is not iterable");
    ai_value x;
    CHECK(ai_for_next(I(5), &x) == -1);
    CHECK_STREQ(check_err_text(), "!TypeError: 'int' object is not an iterator");
    CHECK_STREQ(R(ai_call(ai_builtin("type"), (ai_value[]){ai_iter(range(1, two64, 0, 0))}, 1, 0)),
                "<class 'longrange_iterator'>");
    CHECK_STREQ(R(ai_call(ai_builtin("type"), (ai_value[]){ai_iter(STR("a"))}, 1, 0)),
                "<class 'str_ascii_iterator'>");
    /* the range type */
    CHECK_STREQ(R(range(3, I(-5), I(5), I(2))), "range(-5, 5, 2)");
    CHECK_STREQ(R(range(0, 0, 0, 0)), "!TypeError: range expected at least 1 argument, got 0");
    CHECK_STREQ(R(ai_call(ai_builtin("range"), (ai_value[]){I(1), I(2), I(3), I(4)}, 4, 0)),
                "!TypeError: range expected at most 3 arguments, got 4");
    CHECK_STREQ(R(range(1, F(1.0), 0, 0)),
                "!TypeError: 'float' object cannot be interpreted as an integer");
    CHECK_STREQ(R(range(3, I(1), I(2), I(0))), "!ValueError: range() arg 3 must not be zero");
    ai_value lenf = ai_builtin("len");
    CHECK_STREQ(R(ai_call(lenf, (ai_value[]){range(3, I(0), I(10), I(3))}, 1, 0)), "4");
    CHECK_STREQ(R(ai_call(lenf, (ai_value[]){range(1, ai_pow(I(10), I(30)), 0, 0)}, 1, 0)),
                "!OverflowError: Python int too large to convert to C ssize_t");
    ai_value big = range(3, I(0), ai_pow(I(10), I(21)), I(10));
    CHECK(ai_contains(big, ai_pow(I(10), I(20))) == 1);
    CHECK(ai_contains(big, ai_add(ai_pow(I(10), I(20)), I(1))) == 0);
    CHECK(ai_contains(range(1, I(5), 0, 0), F(3.0)) == 1);
    CHECK(ai_contains(range(1, I(5), 0, 0), STR("a")) == 0);
    CHECK(ai_contains(range(3, I(10), I(0), I(-3)), I(4)) == 1);
    CHECK(ai_contains(range(3, I(10), I(0), I(-3)), I(0)) == 0);
    CHECK(ai_compare_bool(range(2, I(0), I(5), 0), range(3, I(0), I(5), I(1)), AI_CMP_EQ) == 1);
    CHECK(ai_compare_bool(range(1, I(0), 0, 0), range(2, I(5), I(1), 0), AI_CMP_EQ) == 1);
    CHECK(ai_compare_bool(range(3, I(0), I(10), I(3)), range(3, I(0), I(11), I(3)), AI_CMP_EQ) ==
          1);
    CHECK(ai_compare_bool(range(1, I(3), 0, 0), range(1, I(4), 0, 0), AI_CMP_NE) == 1);
    CHECK(obj_hash(range(2, I(0), I(5), 0)) == obj_hash(range(3, I(0), I(5), I(1))));
    CHECK(ai_truthy(range(1, I(0), 0, 0)) == 0 && ai_truthy(range(1, I(1), 0, 0)) == 1);
    /* tuple(iterable) */
    CHECK_STREQ(R(ai_call(ai_builtin("tuple"), (ai_value[]){range(1, I(3), 0, 0)}, 1, 0)),
                "(0, 1, 2)");
    CHECK_STREQ(R(ai_call(ai_builtin("tuple"), (ai_value[]){I(3)}, 1, 0)),
                "!TypeError: 'int' object is not iterable");
    CHECK(exc_pending() == 0);
    CHECK_DONE();
}
