/*
 * tests/runtime/demo_app.c — hand-written stand-in for what the emitter
 * will produce for demo_app.py, used before the compiler exists: it
 * registers the module, builds constants at start-up, defines two
 * functions with generic entries (ai_bind_args) and calls them through
 * ai_call, prints, and lets a ZeroDivisionError escape through two frames.
 * Its stdout, stderr and exit status must equal `python3 demo_app.py`'s
 * (run_demo.sh checks), except for CPython's ~~^~~ caret lines.
 */
#include "aithon_rt.h"

#include <string.h>

static const char SRC[] =
    "def div(a, b):\n"
    "    return a / b\n"
    "\n"
    "def main(n, scale=3):\n"
    "    print(\"hello\", 42, 2**100, 0.1, -0.0, 1e16, True, None, sep=\", \")\n"
    "    print(div(7, 2), div(n, scale), repr(\"it's\"), (1, 'a', 2.5), end=\"!\\n\")\n"
    "    return div(n, 0)\n"
    "\n"
    "main(10)\n";

static const ai_code_info code_mod = {"demo_app.py", "<module>", SRC, NULL, 1, NULL};
static const ai_code_info code_div = {"demo_app.py", "div", SRC, NULL, 1, NULL};
static const ai_code_info code_main = {"demo_app.py", "main", SRC, NULL, 1, NULL};

enum { G_DIV, G_MAIN, NGLOBALS };
static ai_value globals[NGLOBALS];
static const char *const global_names[NGLOBALS] = {"div", "main"};
static const ai_module_info module = {.name = "__main__", .globals = globals, .nglobals = NGLOBALS, .global_names = global_names};

/* constants */
static ai_value k_hello, k_sep, k_big, k_tenth, k_negzero, k_1e16, k_end, k_its, k_a, k_2_5,
    k_kw_sep, k_kw_end, k_print, k_repr;

#define PROPAGATE(v, code, line)              \
    do {                                      \
        if (!(v)) {                           \
            ai_traceback_add((code), (line)); \
            return AI_ERR;                    \
        }                                     \
    } while (0)

static ai_value div_body(ai_value a, ai_value b) {
    ai_value r = ai_truediv(a, b);
    PROPAGATE(r, &code_div, 2);
    return r;
}

static const char *const div_params[] = {"a", "b"};
static ai_value div_entry(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value p[2];
    if (ai_bind_args(self, args, nargs, kw, p) < 0) return AI_ERR;
    return div_body(p[0], p[1]);
}
static const ai_func_info div_info = {"div", "div", 2, 0, div_params, div_entry, &code_div, 0, 0};

static ai_value main_body(ai_value n, ai_value scale) {
    (void)scale;
    /* print("hello", 42, 2**100, 0.1, -0.0, 1e16, True, None, sep=", ") via the builtin */
    ai_value args1[9] = {
        k_hello, ai_int_from_i64(42), k_big, k_tenth, k_negzero, k_1e16, AI_TRUE, AI_NONE, k_sep};
    ai_value kwn = ai_tuple_pack(&k_kw_sep, 1);
    PROPAGATE(kwn, &code_main, 5);
    PROPAGATE(ai_call(k_print, args1, 8, kwn), &code_main, 5);
    /* print(div(7, 2), div(n, scale), repr("it's"), (1, 'a', 2.5), end="!\n") directly */
    ai_value a2[2] = {ai_int_from_i64(7), ai_int_from_i64(2)};
    ai_value d1 = ai_call(globals[G_DIV], a2, 2, 0);
    PROPAGATE(d1, &code_main, 6);
    ai_value a3[2] = {n, scale};
    ai_value d2 = ai_call(globals[G_DIV], a3, 2, 0);
    PROPAGATE(d2, &code_main, 6);
    ai_value r = ai_call(k_repr, &k_its, 1, 0);
    PROPAGATE(r, &code_main, 6);
    ai_value items[3] = {ai_int_from_i64(1), k_a, k_2_5};
    ai_value t = ai_tuple_pack(items, 3);
    ai_value pa[4] = {d1, d2, r, t};
    PROPAGATE(ai_print(pa, 4, 0, k_end, 0, 0), &code_main, 6);
    ai_value a4[2] = {n, ai_int_from_i64(0)};
    ai_value d3 = ai_call(globals[G_DIV], a4, 2, 0);
    PROPAGATE(d3, &code_main, 7);
    return d3;
}

static const char *const main_params[] = {"n", "scale"};
static ai_value main_entry(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value p[2];
    if (ai_bind_args(self, args, nargs, kw, p) < 0) return AI_ERR;
    return main_body(p[0], p[1]);
}
static const ai_func_info main_info = {"main", "main", 2, 0, main_params, main_entry, &code_main, 0, 0};

ai_value aithon_program_main(void) {
    ai_module_register(&module);
    k_hello = ai_const_str("hello", 5);
    k_sep = ai_const_str(", ", 2);
    k_big = ai_const_int("1267650600228229401496703205376");
    k_tenth = ai_const_float(0.1);
    k_negzero = ai_const_float(-0.0);
    k_1e16 = ai_const_float(1e16);
    k_end = ai_const_str("!\n", 2);
    k_its = ai_const_str("it's", 4);
    k_a = ai_const_str("a", 1);
    k_2_5 = ai_const_float(2.5);
    k_kw_sep = ai_const_str("sep", 3);
    k_kw_end = ai_const_str("end", 3);
    PROPAGATE(k_print = ai_builtin("print"), &code_mod, 1);
    PROPAGATE(k_repr = ai_builtin("repr"), &code_mod, 1);
    ai_value defaults = ai_tuple_pack((ai_value[]){ai_int_from_i64(3)}, 1);
    globals[G_DIV] = ai_function_new(&div_info, 0, 0);
    globals[G_MAIN] = ai_function_new(&main_info, defaults, 0);
    ai_value arg = ai_int_from_i64(10);
    PROPAGATE(ai_call(globals[G_MAIN], &arg, 1, 0), &code_mod, 9);
    return AI_NONE;
}
