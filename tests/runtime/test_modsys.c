/*
 * tests/runtime/test_modsys.c — the sys and time modules from C: the
 * standard streams (stdout writes interleave with print through one
 * buffer; stderr escapes lone surrogates; print(file=sys.stderr) goes
 * through the hook), sys.exit's SystemExit, version_info as a tuple,
 * recursion limit, intern; time's struct_time, strftime and argument
 * errors. Expected text from CPython 3.11.
 */
#include "check.h"

#include <math.h>

static ai_value sys_mod, time_mod;

static ai_value call(ai_value m, const char *name, int n, ...) {
    ai_value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) args[i] = va_arg(ap, ai_value);
    va_end(ap);
    ai_value f = ai_getattr(m, STR(name));
    return f ? ai_call(f, args, n, 0) : AI_ERR;
}

static ai_value attr(ai_value o, const char *name) { return ai_getattr(o, STR(name)); }

static void test_streams(void) {
    ai_value out = attr(sys_mod, "stdout"), err = attr(sys_mod, "stderr");
    capture_begin(1);
    ai_value one = STR("one");
    ai_print(&one, 1, 0, 0, 0, 0);
    CHECK_STREQ(R(call(out, "write", 1, STR("two\xc3\xa9\n"))), "5");
    ai_value three = STR("three");
    ai_print(&three, 1, 0, 0, out, 0); /* print(..., file=sys.stdout) */
    CHECK_STREQ(R(call(out, "writelines", 1, ai_list_new((ai_value[]){STR("a"), STR("b\n")}, 2))), "None");
    char *got = capture_end(1);
    CHECK_STREQ(got, "one\ntwo\xc3\xa9\nthree\nab\n");
    free(got);

    capture_begin(2);
    CHECK_STREQ(R(call(err, "write", 1, STR("e1\n"))), "3");
    ai_value parts[2] = {I(1), STR("x")};
    ai_print(parts, 2, STR("-"), STR("!\n"), err, 0);
    /* a lone surrogate is written as \udc80 (errors='backslashreplace') */
    ai_value lone = str_from_codepoint(0xDC80);
    call(err, "write", 1, lone);
    got = capture_end(2);
    CHECK_STREQ(got, "e1\n1-x!\n\\udc80");
    free(got);

    CHECK_STREQ(R(call(out, "write", 1, I(5))), "!TypeError: write() argument must be str, not int");
    CHECK_STREQ(R(call(out, "write", 0)),
                "!TypeError: TextIOWrapper.write() takes exactly one argument (0 given)");
    CHECK_STREQ(R(call(attr(sys_mod, "stdin"), "write", 1, STR("x"))),
                "!io.UnsupportedOperation: not writable");
    CHECK_STREQ(R(call(out, "read", 0)), "!io.UnsupportedOperation: not readable");
    CHECK_STREQ(R(out), "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
    CHECK_STREQ(R(attr(err, "errors")), "'backslashreplace'");
    CHECK_STREQ(R(call(err, "fileno", 0)), "2");
}

static void test_misc(void) {
    CHECK_STREQ(R(attr(sys_mod, "argv")), "[]"); /* no program arguments in a unit test */
    CHECK_STREQ(R(attr(sys_mod, "maxsize")), "9223372036854775807");
    CHECK_STREQ(R(attr(sys_mod, "version_info")),
                "sys.version_info(major=3, minor=11, micro=0, releaselevel='final', serial=0)");
    ai_value vi = attr(sys_mod, "version_info");
    CHECK_STREQ(R(ai_compare(vi, ai_tuple_pack((ai_value[]){I(3), I(8)}, 2), AI_CMP_GE)), "True");
    CHECK_STREQ(R(attr(vi, "minor")), "11");
    CHECK_STREQ(R(ai_getitem(vi, I(3))), "'final'");
    CHECK_STREQ(R(call(sys_mod, "getrecursionlimit", 0)), "1000");
    CHECK_STREQ(R(call(sys_mod, "setrecursionlimit", 1, I(0))),
                "!ValueError: recursion limit must be greater or equal than 1");
    CHECK_STREQ(R(call(sys_mod, "setrecursionlimit", 1, I(4000))), "None");
    CHECK_STREQ(R(call(sys_mod, "getrecursionlimit", 0)), "4000");
    ai_value s1 = ai_str_join_n((ai_value[]){STR("ab"), STR("cd")}, 2);
    ai_value s2 = ai_str_join_n((ai_value[]){STR("a"), STR("bcd")}, 2);
    CHECK(call(sys_mod, "intern", 1, s1) == call(sys_mod, "intern", 1, s2));
    CHECK_STREQ(R(call(sys_mod, "intern", 1, I(1))), "!TypeError: intern() argument must be str, not int");
    CHECK_STREQ(R(call(sys_mod, "exit", 1, I(3))), "!SystemExit: 3");
    CHECK_STREQ(R(call(sys_mod, "exit", 0)), "!SystemExit");
    CHECK_STREQ(R(call(sys_mod, "exit", 2, I(1), I(2))), "!TypeError: exit expected at most 1 argument, got 2");
    CHECK_STREQ(R(call(sys_mod, "exc_info", 0)), "(None, None, None)");
}

static void test_time(void) {
    ai_value t0 = call(time_mod, "gmtime", 1, I(0));
    CHECK_STREQ(R(t0), "time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, "
                       "tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0)");
    CHECK_STREQ(R(attr(t0, "tm_zone")), "'GMT'");
    CHECK_STREQ(R(call(time_mod, "strftime", 2, STR("%Y-%m-%d %H:%M:%S %a"),
                       call(time_mod, "gmtime", 1, I(1234567890)))),
                "'2009-02-13 23:31:30 Fri'");
    CHECK_STREQ(R(call(time_mod, "asctime", 1, t0)), "'Thu Jan  1 00:00:00 1970'");
    CHECK_STREQ(R(call(time_mod, "gmtime", 1, F(-1.5))),
                "time.struct_time(tm_year=1969, tm_mon=12, tm_mday=31, tm_hour=23, tm_min=59, "
                "tm_sec=58, tm_wday=2, tm_yday=365, tm_isdst=0)");
    CHECK_STREQ(R(call(time_mod, "sleep", 1, I(-1))), "!ValueError: sleep length must be non-negative");
    CHECK_STREQ(R(call(time_mod, "sleep", 1, F(NAN))), "!ValueError: Invalid value NaN (not a number)");
    CHECK_STREQ(R(call(time_mod, "sleep", 1, F(0.001))), "None");
    CHECK_STREQ(R(call(time_mod, "strftime", 2, STR("%Y"), ai_tuple_pack((ai_value[]){I(1)}, 1))),
                "!TypeError: strftime(): illegal time tuple argument");
    ai_value st = attr(time_mod, "struct_time");
    CHECK_STREQ(R(ai_call(st, (ai_value[]){ai_tuple_pack((ai_value[]){I(1), I(2)}, 2)}, 1, 0)),
                "!TypeError: time.struct_time() takes an at least 9-sequence (2-sequence given)");
    ai_value a = call(time_mod, "time", 0), b = call(time_mod, "time_ns", 0);
    CHECK(float_check(a) && int_check(b));
    ai_value m1 = call(time_mod, "monotonic_ns", 0), m2 = call(time_mod, "monotonic_ns", 0);
    CHECK(int_cmp(m1, m2) <= 0);
}

int main(void) {
    sys_mod = ai_import("sys");
    time_mod = ai_import("time");
    CHECK(sys_mod != AI_ERR && time_mod != AI_ERR);
    if (!sys_mod || !time_mod) CHECK_DONE();
    test_streams();
    test_misc();
    test_time();
    CHECK_DONE();
}
