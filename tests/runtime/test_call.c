/*
 * tests/runtime/test_call.c — function objects and calls: ai_bind_args
 * with CPython 3.11's exact TypeErrors (too many / missing / unexpected /
 * multiple values / positional-only by keyword, defaults), ai_call on
 * functions, builtins, types and non-callables, reprs, and print()
 * (sep/end/flush/file handling, output captured from fd 1).
 */
#include "check.h"

/* A generic entry like the emitter's: bind, then return the bound
 * arguments as a tuple so the test can look at them. */
static ai_value entry(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value out[8];
    if (ai_bind_args(self, args, nargs, kw, out) < 0) return AI_ERR;
    const ai_func_info *info = ((ai_function *)ai_obj(self))->info;
    return ai_tuple_pack(out, info->nparams);
}

static const char *const ab[] = {"a", "b"};
static const char *const abcd[] = {"a", "b", "c", "d"};
static const ai_code_info code = {"t.py", "f", NULL, NULL, 1, NULL};
static const ai_func_info f_info = {"f", "f", 2, 0, ab, entry, &code, 0, 0};
static const ai_func_info g_info = {"g", "g", 2, 0, ab, entry, &code, 0, 0};
static const ai_func_info h_info = {"h", "h", 0, 0, NULL, entry, &code, 0, 0};
static const ai_func_info k_info = {"k", "k", 1, 0, ab, entry, &code, 0, 0};
static const ai_func_info m_info = {"m", "m", 4, 0, abcd, entry, &code, 0, 0};
static const ai_func_info p_info = {"p", "p", 3, 2, abcd, entry, &code, 0, 0};
static const ai_func_info meth_info = {"meth", "C.meth", 2, 0, ab, entry, &code, 0, 0};

static ai_value kwtuple(const char *names) {
    /* "a,b" → ('a', 'b') */
    ai_value items[8];
    int n = 0;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", names);
    for (char *t = strtok(buf, ","); t; t = strtok(NULL, ","))
        items[n++] = ai_const_str(t, (int64_t)strlen(t));
    return ai_tuple_pack(items, n);
}

/* call fn with npos positional ints 1..npos, then keywords (values 10, 11…) */
static const char *callf(ai_value fn, int npos, const char *kw) {
    ai_value args[8];
    int nk = 0;
    ai_value kwn = 0;
    for (int i = 0; i < npos; i++) args[i] = I(i + 1);
    if (kw) {
        kwn = kwtuple(kw);
        nk = (int)tuple_obj(kwn)->len;
        for (int i = 0; i < nk; i++) args[npos + i] = I(10 + i);
    }
    return R(ai_call(fn, args, npos, kwn));
}

static void test_bind(void) {
    ai_value f = ai_function_new(&f_info, 0, 0);
    ai_value g = ai_function_new(&g_info, ai_tuple_pack((ai_value[]){I(99)}, 1), 0);
    ai_value h = ai_function_new(&h_info, 0, 0);
    ai_value k = ai_function_new(&k_info, 0, 0);
    ai_value m = ai_function_new(&m_info, ai_tuple_pack((ai_value[]){I(77)}, 1), 0);
    ai_value p = ai_function_new(&p_info, 0, 0);
    ai_value meth = ai_function_new(&meth_info, 0, 0);
    CHECK_STREQ(callf(f, 2, NULL), "(1, 2)");
    CHECK_STREQ(callf(f, 1, "b"), "(1, 10)");
    CHECK_STREQ(callf(f, 0, "b,a"), "(11, 10)");
    CHECK_STREQ(callf(g, 1, NULL), "(1, 99)");
    CHECK_STREQ(callf(m, 3, NULL), "(1, 2, 3, 77)");
    CHECK_STREQ(callf(p, 2, "c"), "(1, 2, 10)");
    CHECK_STREQ(callf(f, 3, NULL), "!TypeError: f() takes 2 positional arguments but 3 were given");
    CHECK_STREQ(callf(g, 3, NULL),
                "!TypeError: g() takes from 1 to 2 positional arguments but 3 were given");
    CHECK_STREQ(callf(g, 4, NULL),
                "!TypeError: g() takes from 1 to 2 positional arguments but 4 were given");
    CHECK_STREQ(callf(h, 1, NULL), "!TypeError: h() takes 0 positional arguments but 1 was given");
    CHECK_STREQ(callf(h, 2, NULL), "!TypeError: h() takes 0 positional arguments but 2 were given");
    CHECK_STREQ(callf(k, 2, NULL), "!TypeError: k() takes 1 positional argument but 2 were given");
    CHECK_STREQ(callf(k, 0, NULL), "!TypeError: k() missing 1 required positional argument: 'a'");
    CHECK_STREQ(callf(f, 0, NULL),
                "!TypeError: f() missing 2 required positional arguments: 'a' and 'b'");
    CHECK_STREQ(callf(m, 0, NULL),
                "!TypeError: m() missing 3 required positional arguments: 'a', 'b', and 'c'");
    CHECK_STREQ(callf(f, 1, NULL), "!TypeError: f() missing 1 required positional argument: 'b'");
    CHECK_STREQ(callf(f, 2, "z"), "!TypeError: f() got an unexpected keyword argument 'z'");
    CHECK_STREQ(callf(f, 1, "a"), "!TypeError: f() got multiple values for argument 'a'");
    CHECK_STREQ(callf(f, 3, "z"), "!TypeError: f() got an unexpected keyword argument 'z'");
    CHECK_STREQ(callf(f, 3, "a"), "!TypeError: f() got multiple values for argument 'a'");
    CHECK_STREQ(callf(g, 0, "b"), "!TypeError: g() missing 1 required positional argument: 'a'");
    CHECK_STREQ(callf(m, 1, "d"),
                "!TypeError: m() missing 2 required positional arguments: 'b' and 'c'");
    CHECK_STREQ(
        callf(p, 0, "a,b,c"),
        "!TypeError: p() got some positional-only arguments passed as keyword arguments: 'a, b'");
    CHECK_STREQ(
        callf(p, 1, "b,c"),
        "!TypeError: p() got some positional-only arguments passed as keyword arguments: 'b'");
    CHECK_STREQ(callf(meth, 1, NULL),
                "!TypeError: C.meth() missing 1 required positional argument: 'b'");
    CHECK_STREQ(callf(meth, 3, NULL),
                "!TypeError: C.meth() takes 2 positional arguments but 3 were given");
    /* reprs */
    char want[64];
    snprintf(want, sizeof want, "<function C.meth at %p>", (void *)ai_obj(meth));
    CHECK_STREQ(R(meth), want);
    CHECK_STREQ(R(ai_builtin("print")), "<built-in function print>");
    CHECK_STREQ(R(ai_builtin("int")), "<class 'int'>");
    CHECK_STREQ(R(ai_builtin("ZeroDivisionError")), "<class 'ZeroDivisionError'>");
    CHECK_STREQ(R(ai_builtin("nosuchname")), "!NameError: name 'nosuchname' is not defined");
}

static void test_call_misc(void) {
    CHECK_STREQ(R(ai_call(I(5), NULL, 0, 0)), "!TypeError: 'int' object is not callable");
    CHECK_STREQ(R(ai_call(STR("x"), NULL, 0, 0)), "!TypeError: 'str' object is not callable");
    CHECK_STREQ(R(ai_call(AI_NONE, NULL, 0, 0)), "!TypeError: 'NoneType' object is not callable");
    ai_value t = ai_builtin("type"), one = F(1.0);
    CHECK_STREQ(R(ai_call(t, &one, 1, 0)), "<class 'float'>");
    one = AI_TRUE;
    CHECK_STREQ(R(ai_call(t, &one, 1, 0)), "<class 'bool'>");
    CHECK_STREQ(R(ai_call(t, NULL, 0, 0)), "!TypeError: type() takes 1 or 3 arguments");
    ai_value args[2] = {AI_TRUE, ai_builtin("int")};
    CHECK_STREQ(R(ai_call(ai_builtin("isinstance"), args, 2, 0)), "True");
    args[1] = I(2);
    CHECK_STREQ(R(ai_call(ai_builtin("isinstance"), args, 2, 0)),
                "!TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    args[0] = ai_builtin("ZeroDivisionError");
    args[1] = ai_builtin("ArithmeticError");
    CHECK_STREQ(R(ai_call(ai_builtin("issubclass"), args, 2, 0)), "True");
    args[0] = ai_builtin("print");
    CHECK_STREQ(R(ai_call(ai_builtin("callable"), args, 1, 0)), "True");
    CHECK_STREQ(R(ai_call(ai_builtin("abs"), args, 2, 0)),
                "!TypeError: abs() takes exactly one argument (2 given)");
    CHECK_STREQ(R(ai_call(ai_builtin("abs"), args, 0, 0)),
                "!TypeError: abs() takes exactly one argument (0 given)");
    args[0] = I(1);
    CHECK_STREQ(R(ai_call(ai_builtin("abs"), args, 0, kwtuple("x"))),
                "!TypeError: abs() takes no keyword arguments");
    CHECK_STREQ(R(ai_call(ai_builtin("range"), args, 1, 0)), "range(0, 1)");
    ai_value bt = ai_builtin("bool");
    args[0] = STR("");
    CHECK_STREQ(R(ai_call(bt, args, 1, 0)), "False");
    CHECK_STREQ(R(ai_call(bt, NULL, 0, 0)), "False");
    args[0] = I(3);
    CHECK_STREQ(R(ai_call(ai_builtin("repr"), args, 1, 0)), "'3'");
    CHECK_STREQ(R(ai_call(ai_builtin("hash"), args, 1, 0)), "3");
    CHECK_STREQ(R(ai_call(ai_builtin("tuple"), NULL, 0, 0)), "()");
    args[0] = STR("ab");
    CHECK_STREQ(R(ai_call(ai_builtin("tuple"), args, 1, 0)), "('a', 'b')");
    CHECK_STREQ(R(ai_call(ai_builtin("object"), args, 1, 0)),
                "!TypeError: object() takes no arguments");
    CHECK_STREQ(R(ai_builtin("Ellipsis")), "Ellipsis");
    CHECK_STREQ(R(ai_builtin("NotImplemented")), "NotImplemented");
    /* range bounds */
    int64_t b[3];
    CHECK(ai_range_i64(I(0), I(10), I(2), b) == 1 && b[0] == 0 && b[1] == 10 && b[2] == 2);
    CHECK(ai_range_i64(AI_TRUE, I(10), I(1), b) == 1 && b[0] == 1);
    CHECK(ai_range_i64(I(0), ai_pow(I(2), I(70)), I(1), b) == 0);
    CHECK(ai_range_i64(I(0), ai_pow(I(2), I(62)), I(1), b) == 0); /* not a small int */
    CHECK(ai_range_i64(I(0), ai_pow(I(2), I(70)), I(0), b) == -1);
    CHECK_STREQ(check_err_text(), "!ValueError: range() arg 3 must not be zero");
    CHECK(ai_range_i64(F(1.0), I(2), I(0), b) == -1);
    CHECK_STREQ(check_err_text(), "!TypeError: 'float' object cannot be interpreted as an integer");
    CHECK(ai_range_i64(I(1), I(2), I(0), b) == -1);
    CHECK_STREQ(check_err_text(), "!ValueError: range() arg 3 must not be zero");
}

static void test_print(void) {
    ai_value pr = ai_builtin("print");
    capture_begin(1);
    ai_value args[8] = {STR("hello"),
                        I(42),
                        ai_pow(I(2), I(100)),
                        F(0.1),
                        F(-0.0),
                        AI_TRUE,
                        AI_NONE,
                        ai_tuple_pack((ai_value[]){I(1), STR("a")}, 2)};
    CHECK(ai_print(args, 8, 0, 0, 0, 0) == AI_NONE);
    CHECK(ai_print(args, 2, STR(", "), STR("!\n"), 0, 0) == AI_NONE);
    CHECK(ai_print(args, 2, AI_NONE, AI_NONE, AI_NONE, AI_FALSE) == AI_NONE);
    CHECK(ai_print(NULL, 0, 0, 0, 0, 0) == AI_NONE);
    CHECK(ai_print(args, 1, 0, STR(""), 0, AI_TRUE) == AI_NONE);
    ai_value kwargs[4] = {STR("x"), STR("y"), STR("-"), STR("|\n")};
    CHECK(ai_call(pr, kwargs, 2, kwtuple("sep,end")) == AI_NONE);
    ai_value wide = STR("\xe4\xb8\xad\xf0\x9f\x98\x80 caf\xc3\xa9");
    CHECK(ai_print(&wide, 1, 0, 0, 0, 0) == AI_NONE);
    char *out = capture_end(1);
    CHECK_STREQ(out, "hello 42 1267650600228229401496703205376 0.1 -0.0 True None (1, 'a')\n"
                     "hello, 42!\n"
                     "hello 42\n"
                     "\n"
                     "hello"
                     "x-y|\n"
                     "\xe4\xb8\xad\xf0\x9f\x98\x80 caf\xc3\xa9\n");
    free(out);
    CHECK_STREQ(R(ai_print(args, 1, I(1), 0, 0, 0)),
                "!TypeError: sep must be None or a string, not int");
    CHECK_STREQ(R(ai_print(args, 1, 0, F(1.0), 0, 0)),
                "!TypeError: end must be None or a string, not float");
    /* print(..., file=3): CPython's error (file= works for any object with write). */
    CHECK_STREQ(R(ai_print(args, 1, 0, 0, I(3), 0)), "!AttributeError: 'int' object has no attribute 'write'");
    CHECK_STREQ(R(ai_call(pr, kwargs, 1, kwtuple("foo"))),
                "!TypeError: 'foo' is an invalid keyword argument for print()");
    ai_value sur = STR("\xed\xa0\x80");
    capture_begin(1);
    CHECK_STREQ(
        R(ai_print(&sur, 1, 0, 0, 0, 0)),
        "!UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 0: "
        "surrogates not allowed");
    out = capture_end(1);
    CHECK_STREQ(out, "");
    free(out);
}

int main(void) {
    test_bind();
    test_call_misc();
    test_print();
    CHECK(exc_pending() == 0);
    CHECK_DONE();
}
