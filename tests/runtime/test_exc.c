/*
 * tests/runtime/test_exc.c — exceptions: the builtin hierarchy, instances
 * (args, str, repr, KeyError's str), raising (ai_raise_msg/fmt, name
 * errors, RecursionError, `raise X from Y`, re-raise, matching), and the
 * traceback printer against CPython 3.11's layout: source lines, the
 * "[Previous line repeated N more times]" collapsing, the 1000-entry
 * limit, chained exceptions, empty messages.
 */
#include "check.h"

static void test_hierarchy(void) {
    CHECK(obj_type_is_sub(&ai_exc_ZeroDivisionError, &ai_exc_ArithmeticError));
    CHECK(obj_type_is_sub(&ai_exc_ZeroDivisionError, &ai_exc_Exception));
    CHECK(obj_type_is_sub(&ai_exc_RecursionError, &ai_exc_RuntimeError));
    CHECK(obj_type_is_sub(&ai_exc_UnboundLocalError, &ai_exc_NameError));
    CHECK(obj_type_is_sub(&ai_exc_KeyError, &ai_exc_LookupError));
    CHECK(obj_type_is_sub(&ai_exc_TabError, &ai_exc_SyntaxError));
    CHECK(obj_type_is_sub(&ai_exc_BrokenPipeError, &ai_exc_OSError));
    CHECK(obj_type_is_sub(&ai_exc_SystemExit, &ai_exc_BaseException));
    CHECK(!obj_type_is_sub(&ai_exc_SystemExit, &ai_exc_Exception));
    CHECK(!obj_type_is_sub(&ai_exc_TypeError, &ai_exc_ValueError));
    CHECK(ai_builtin("IOError") == ai_val(&ai_exc_OSError));
    CHECK(exc_ntypes == 67);
    for (int i = 0; i < exc_ntypes; i++) {
        CHECK(exc_all_types[i]->flags & AI_TF_EXCEPTION);
        CHECK(exc_all_types[i]->gc_visit && exc_all_types[i]->gc_size);
    }
}

static void test_instances(void) {
    ai_value ve = ai_builtin("ValueError"), ke = ai_builtin("KeyError");
    ai_value args[2] = {I(1), I(2)};
    CHECK_STREQ(R(ai_call(ve, args, 2, 0)), "ValueError(1, 2)");
    CHECK_STREQ(S(ai_call(ve, args, 2, 0)), "(1, 2)");
    CHECK_STREQ(R(ai_call(ve, NULL, 0, 0)), "ValueError()");
    CHECK_STREQ(S(ai_call(ve, NULL, 0, 0)), "");
    args[0] = STR("x");
    CHECK_STREQ(R(ai_call(ve, args, 1, 0)), "ValueError('x')");
    CHECK_STREQ(S(ai_call(ve, args, 1, 0)), "x");
    CHECK_STREQ(S(ai_call(ke, args, 1, 0)), "'x'");
    CHECK_STREQ(R(ai_call(ke, args, 1, 0)), "KeyError('x')");
    ai_value kw = ai_tuple_pack((ai_value[]){STR("x")}, 1);
    CHECK_STREQ(R(ai_call(ve, args, 0, kw)), "!TypeError: ValueError() takes no keyword arguments");
}

static void test_raise(void) {
    CHECK(ai_raise_msg(&ai_exc_ValueError, "bad") == AI_ERR);
    CHECK(exc_pending_is(&ai_exc_ValueError) && exc_pending_is(&ai_exc_Exception));
    CHECK_STREQ(check_err_text(), "!ValueError: bad");
    CHECK(ai_raise_fmt(&ai_exc_TypeError, "%s() takes %d", "f", 3) == AI_ERR);
    CHECK_STREQ(check_err_text(), "!TypeError: f() takes 3");
    char big[1000];
    memset(big, 'y', sizeof big - 1);
    big[sizeof big - 1] = 0;
    ai_raise_fmt(&ai_exc_ValueError, "<%s>", big);
    CHECK(strlen(check_err_text()) ==
          511); /* the test buffer truncates; the message did not fail */
    ai_raise_name_error("x");
    CHECK_STREQ(check_err_text(), "!NameError: name 'x' is not defined");
    ai_raise_unbound_local("x");
    CHECK_STREQ(check_err_text(), "!UnboundLocalError: cannot access local variable 'x' where it "
                                  "is not associated with a value");
    ai_raise_recursion();
    CHECK_STREQ(check_err_text(), "!RecursionError: maximum recursion depth exceeded");
    /* raise with a class, an instance, a cause, a non-exception */
    CHECK(ai_raise(ai_builtin("KeyError"), 0) == AI_ERR);
    CHECK_STREQ(check_err_text(), "!KeyError");
    CHECK(ai_raise(I(5), 0) == AI_ERR);
    CHECK_STREQ(check_err_text(), "!TypeError: exceptions must derive from BaseException");
    CHECK(ai_raise(ai_builtin("ValueError"), I(5)) == AI_ERR);
    CHECK_STREQ(check_err_text(), "!TypeError: exception causes must derive from BaseException");
    CHECK(ai_reraise() == AI_ERR);
    CHECK_STREQ(check_err_text(), "!RuntimeError: No active exception to reraise");
    /* catch / match / handled-exception context */
    ai_raise_msg(&ai_exc_ZeroDivisionError, "division by zero");
    ai_value e = ai_exc_fetch();
    CHECK(e && exc_pending() == 0);
    CHECK(ai_exc_matches(e, ai_builtin("ArithmeticError")) == 1);
    CHECK(ai_exc_matches(e, ai_builtin("KeyError")) == 0);
    CHECK(ai_exc_matches(
              e, ai_tuple_pack((ai_value[]){ai_builtin("KeyError"), ai_builtin("Exception")}, 2)) ==
          1);
    CHECK(ai_exc_matches(e, I(5)) == -1);
    CHECK_STREQ(
        check_err_text(),
        "!TypeError: catching classes that do not inherit from BaseException is not allowed");
    ai_value prev = ai_exc_swap_handled(e);
    ai_raise_msg(&ai_exc_ValueError, "while handling");
    ai_value e2 = ai_exc_fetch();
    CHECK(((ai_exc *)ai_obj(e2))->context == e);
    CHECK(ai_reraise() == AI_ERR && exc_pending() == e);
    exc_clear();
    ai_exc_swap_handled(prev);
    ai_exc_restore(e2);
    CHECK(exc_pending() == e2);
    exc_clear();
}

/* A module of 7 lines, like CPython's rec3.py case. */
static const char SRC[] = "def g(n):\n"
                          "    if n == 0: raise ValueError()\n"
                          "    g(n-1)\n"
                          "def f(n):\n"
                          "    if n == 0: return g(4)\n"
                          "\tf(n-1)   \n"
                          "f(3)\n";
static const ai_code_info c_mod = {"rec3.py", "<module>", SRC, NULL, 1, NULL};
static const ai_code_info c_f = {"rec3.py", "f", SRC, NULL, 1, NULL};
static const ai_code_info c_g = {"rec3.py", "g", SRC, NULL, 1, NULL};
static const ai_code_info c_nosrc = {"lib.py", "h", NULL, NULL, 1, NULL};

static char *print_pending(void) {
    ai_value e = ai_exc_fetch();
    capture_begin(2);
    exc_print(e);
    return capture_end(2);
}

static void test_traceback(void) {
    ai_raise_msg(&ai_exc_ValueError, NULL);
    for (int i = 0; i < 5; i++) ai_traceback_add(&c_g, i < 1 ? 2 : 3);
    ai_traceback_add(&c_f, 5);
    for (int i = 0; i < 3; i++) ai_traceback_add(&c_f, 6);
    ai_traceback_add(&c_mod, 7);
    char *out = print_pending();
    CHECK_STREQ(out, "Traceback (most recent call last):\n"
                     "  File \"rec3.py\", line 7, in <module>\n"
                     "    f(3)\n"
                     "  File \"rec3.py\", line 6, in f\n"
                     "    f(n-1)   \n"
                     "  File \"rec3.py\", line 6, in f\n"
                     "    f(n-1)   \n"
                     "  File \"rec3.py\", line 6, in f\n"
                     "    f(n-1)   \n"
                     "  File \"rec3.py\", line 5, in f\n"
                     "    if n == 0: return g(4)\n"
                     "  File \"rec3.py\", line 3, in g\n"
                     "    g(n-1)\n"
                     "  File \"rec3.py\", line 3, in g\n"
                     "    g(n-1)\n"
                     "  File \"rec3.py\", line 3, in g\n"
                     "    g(n-1)\n"
                     "  [Previous line repeated 1 more time]\n"
                     "  File \"rec3.py\", line 2, in g\n"
                     "    if n == 0: raise ValueError()\n"
                     "ValueError\n");
    free(out);

    /* 1503 frames: the innermost 999 and the outermost are kept (as
     * CPython's traceback looks at its recursion limit of 1000 frames) */
    ai_raise_msg(&ai_exc_ZeroDivisionError, "division by zero");
    ai_traceback_add(&c_g, 2);
    for (int i = 0; i < 1500; i++) ai_traceback_add(&c_g, 3);
    ai_traceback_add(&c_f, 6);
    ai_traceback_add(&c_mod, 7);
    out = print_pending();
    CHECK_STREQ(out, "Traceback (most recent call last):\n"
                     "  File \"rec3.py\", line 7, in <module>\n    f(3)\n"
                     "  File \"rec3.py\", line 3, in g\n    g(n-1)\n"
                     "  File \"rec3.py\", line 3, in g\n    g(n-1)\n"
                     "  File \"rec3.py\", line 3, in g\n    g(n-1)\n"
                     "  [Previous line repeated 995 more times]\n"
                     "  File \"rec3.py\", line 2, in g\n"
                     "    if n == 0: raise ValueError()\n"
                     "ZeroDivisionError: division by zero\n");
    free(out);

    /* no source; a line past the end; chained exceptions */
    ai_raise_msg(&ai_exc_KeyError, "k");
    ai_traceback_add(&c_nosrc, 3);
    ai_traceback_add(&c_mod, 99);
    ai_value first = ai_exc_fetch();
    ai_value prev = ai_exc_swap_handled(first);
    ai_raise_msg(&ai_exc_TypeError, "second");
    ai_traceback_add(&c_mod, 1);
    ai_value second = ai_exc_fetch();
    ai_raise(ai_builtin("RuntimeError"), second);
    ai_traceback_add(&c_f, 4);
    ai_exc_swap_handled(prev);
    out = print_pending();
    CHECK_STREQ(out, "Traceback (most recent call last):\n"
                     "  File \"rec3.py\", line 99, in <module>\n"
                     "  File \"lib.py\", line 3, in h\n"
                     "KeyError: 'k'\n"
                     "\nDuring handling of the above exception, another exception occurred:\n\n"
                     "Traceback (most recent call last):\n"
                     "  File \"rec3.py\", line 1, in <module>\n"
                     "    def g(n):\n"
                     "TypeError: second\n"
                     "\nThe above exception was the direct cause of the following exception:\n\n"
                     "Traceback (most recent call last):\n"
                     "  File \"rec3.py\", line 4, in f\n"
                     "    def f(n):\n"
                     "RuntimeError\n");
    free(out);

    /* `raise X from None` hides the context; no frames → no header */
    ai_exc_swap_handled(first);
    ai_raise(ai_builtin("ValueError"), AI_NONE);
    ai_exc_swap_handled(prev);
    out = print_pending();
    CHECK_STREQ(out, "ValueError\n");
    free(out);
}

int main(void) {
    test_hierarchy();
    test_instances();
    test_raise();
    test_traceback();
    CHECK(exc_pending() == 0);
    CHECK_DONE();
}
