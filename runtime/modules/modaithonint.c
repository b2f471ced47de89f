/*
 * modules/modaithonint.c — `_aithon`, the runtime's services to the
 * stdlib modules written in Python (not for programs: its names may
 * change with the stdlib).
 *
 *   caller_module()  the name of the module whose top-level code is
 *                    running (the innermost import in progress), else
 *                    "__main__": what CPython's stdlib reads from
 *                    sys._getframe(1).f_globals['__name__'] to give the
 *                    classes that namedtuple(), Enum('…') and TypedDict
 *                    make the right __module__. Such calls are made at
 *                    a module's top level in practice; a call made later
 *                    from a function of module m gets "__main__".
 *   abc_init(cls)    an ABC was made: its `__abc_tpflags__` become its
 *                    sequence/mapping flag for match statements
 *   abc_register(abc, subclass)  abc.register(subclass): the subclass
 *                    (and its subclasses) take the ABC's flag
 *   float_pack(x, size, little)   x as IEEE 754 binary64 (size 8) or
 *                    binary32 (size 4) bytes, for struct: OverflowError
 *                    "float too large to pack with f format" when a
 *                    finite x does not fit binary32.
 *   float_unpack(b, little)       the float that 4 or 8 bytes hold.
 *   gc_collect()     a major collection of the running actor's heap now
 *                    (gc.collect()); returns the bytes live after it.
 *   context_get()    the current contextvars context's dict, or None
 *   context_set(d)   make d (a dict never changed afterwards, or None)
 *                    the current context: per green thread, and swapped
 *                    by each asyncio task step (asyncio/future.c)
 *   tb_entries(exc)  exc's traceback (or a traceback object's) as [(filename, lineno, name, line,
 *                    markers)], outermost first, for the traceback module;
 *                    markers is the ^~~ line CPython prints under line, or None.
 *   call_site()      the call `warn(…)`/`x.warn(…)` in progress in this task
 *                    as (filename, lineno, module, source line or None), or
 *                    None; forgets it (warnings.warn's caller: the compiler
 *                    records such calls, core/exc.c's ai_call_site).
 *   set_exit_hook(f) f() runs when the main program ends (atexit's
 *                    runner; core/module.c, mod_exit_hook).
 *   set_sleep_hook(f) time.sleep(s) calls f(ns) first (threading's green
 *                    threads; f returns NotImplemented to really sleep).
 *   gen_yield(g, v)  from code running in generator g's body, at any call
 *                    depth (g must be the innermost body running): suspend
 *                    g as if its body had yielded v; returns what g is
 *                    resumed with. threading runs a Thread's target in a
 *                    generator body and switches threads with it.
 *   c_type_name(cls, name)  the name a class's instances go by in the
 *                    runtime's messages ("unsupported operand type(s)",
 *                    "'<' not supported", "… object has no attribute")
 *                    becomes `name`: a class standing for one CPython
 *                    writes in C is named by its tp_name there
 *                    ("datetime.date"), and its __module__ what
 *                    comes before the last dot; __name__ stays.
 *   int_str(n), int_parse(s)  str(n) and int(s) (base 10) without the
 *                    int_max_str_digits limit: decimal's coefficients.
 */
#include "modules/modutil.h"
#include "objects/text.h"
#include "gc/gc.h"
#include "objects/gen.h"
#include "objects/class.h"

#include <math.h>
#include <string.h>

static ai_value a_context_get(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self, (void)args;
    if (mu_no_args("context_get", nargs, kwnames) < 0) return AI_ERR;
    ai_value c = exc_task()->context;
    return c ? c : AI_NONE;
}
static AI_BUILTIN_FN(bf_context_get, "context_get", a_context_get);

static ai_value a_context_set(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("context_set", nargs, kwnames) < 0) return AI_ERR;
    exc_task()->context = args[0] == AI_NONE ? 0 : args[0];
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_context_set, "context_set", a_context_set);

static ai_value a_caller_module(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    (void)args;
    if (mu_no_args("caller_module", nargs, kwnames) < 0) return AI_ERR;
    const char *name = mod_importing_name();
    return str_from_cstr(name ? name : "__main__");
}
static AI_BUILTIN_FN(bf_caller_module, "caller_module", a_caller_module);

static ai_value a_abc_init(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("abc_init", kwnames) || call_exact_args("abc_init", nargs, 1)) return AI_ERR;
    return match_abc_init(args[0]) < 0 ? AI_ERR : AI_NONE;
}
static AI_BUILTIN_FN(bf_abc_init, "abc_init", a_abc_init);

static ai_value a_abc_register(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("abc_register", kwnames) || call_exact_args("abc_register", nargs, 2)) return AI_ERR;
    match_abc_register(args[0], args[1]);
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_abc_register, "abc_register", a_abc_register);

static ai_value a_float_pack(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_pos_range("float_pack", "float_pack", nargs, kwnames, 3, 3) < 0) return AI_ERR;
    double x;
    if (!mu_real(args[0], &x)) return AI_ERR;
    int size = args[1] == ai_smallint(4) ? 4 : 8;
    bool little = ai_truthy(args[2]) > 0;
    unsigned char b[8];
    uint64_t bits;
    if (size == 8) {
        memcpy(&bits, &x, 8);
    } else {
        float f = (float)x;
        if (isinf(f) && !isinf(x))
            return ai_raise_msg(&ai_exc_OverflowError, "float too large to pack with f format");
        uint32_t u;
        memcpy(&u, &f, 4);
        bits = u;
    }
    for (int i = 0; i < size; i++) b[little ? i : size - 1 - i] = (unsigned char)(bits >> (8 * i));
    return bytes_from((const char *)b, size, false);
}
static AI_BUILTIN_FN(bf_float_pack, "float_pack", a_float_pack);

static ai_value a_float_unpack(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_pos_range("float_unpack", "float_unpack", nargs, kwnames, 2, 2) < 0) return AI_ERR;
    int64_t n;
    const unsigned char *p = bytes_buffer(args[0], &n);
    if (!p || (n != 4 && n != 8)) return ai_raise_msg(&ai_exc_TypeError, "float_unpack() needs 4 or 8 bytes");
    bool little = ai_truthy(args[1]) > 0;
    uint64_t bits = 0;
    for (int i = 0; i < n; i++) bits |= (uint64_t)p[little ? i : n - 1 - i] << (8 * i);
    if (n == 8) {
        double d;
        memcpy(&d, &bits, 8);
        return ai_float_box(d);
    }
    uint32_t u = (uint32_t)bits;
    float f;
    memcpy(&f, &u, 4);
    return ai_float_box((double)f);
}
static AI_BUILTIN_FN(bf_float_unpack, "float_unpack", a_float_unpack);

static ai_value a_tb_entries(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("tb_entries", nargs, kwnames) < 0) return AI_ERR;
    if (args[0] == AI_NONE) return ai_list_new(NULL, 0);
    if (!obj_isinstance(args[0], &ai_exc_BaseException) && ai_type_of(args[0]) != &ai_traceback_type)
        return ai_raise_msg(&ai_exc_TypeError, "tb_entries() needs an exception or a traceback");
    return exc_tb_entries(args[0]);
}
static AI_BUILTIN_FN(bf_tb_entries, "tb_entries", a_tb_entries);

static ai_value a_call_site(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    (void)args;
    if (mu_no_args("call_site", nargs, kwnames) < 0) return AI_ERR;
    ai_task_core *t = exc_task();
    const ai_code_info *code = t->site_code;
    int32_t line = (int32_t)t->site_line;
    t->site_code = NULL;
    t->site_line = 0;
    if (!code || !code->filename) return AI_NONE;
    const char *p;
    size_t n;
    ai_value text = AI_NONE;
    if (code->source && exc_source_line(code->source, line, &p, &n)) text = str_from_utf8(p, (int64_t)n);
    ai_value items[4] = {str_from_cstr(code->filename), ai_smallint(line),
                         code->module ? str_from_cstr(code->module) : AI_NONE, text};
    for (int i = 0; i < 4; i++)
        if (!items[i]) return AI_ERR;
    return ai_tuple_pack(items, 4);
}
static AI_BUILTIN_FN(bf_call_site, "call_site", a_call_site);

static ai_value a_gc_collect(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    (void)args;
    if (mu_no_args("gc_collect", nargs, kwnames) < 0) return AI_ERR;
    return ai_int_from_i64((int64_t)gc_collect());
}
static AI_BUILTIN_FN(bf_gc_collect, "gc_collect", a_gc_collect);

static ai_value a_set_exit_hook(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("set_exit_hook", nargs, kwnames) < 0) return AI_ERR;
    mod_exit_hook = args[0] == AI_NONE ? 0 : args[0];
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_set_exit_hook, "set_exit_hook", a_set_exit_hook);

static ai_value a_set_sleep_hook(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("set_sleep_hook", nargs, kwnames) < 0) return AI_ERR;
    mod_time_sleep_hook = args[0] == AI_NONE ? 0 : args[0];
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_set_sleep_hook, "set_sleep_hook", a_set_sleep_hook);

static ai_value a_gen_yield(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("gen_yield", kwnames) || call_exact_args("gen_yield", nargs, 2)) return AI_ERR;
    if (ai_is_smallint(args[0]) || ai_type_of(args[0]) != &ai_gen_type)
        return ai_raise_msg(&ai_exc_TypeError, "gen_yield() needs a generator");
    ai_gen *g = gen_obj(args[0]);
    if (gen_current() != g)
        return ai_raise_msg(&ai_exc_RuntimeError,
                            "a thread cannot block inside a generator it is running (not supported)");
    return gen_suspend(g, args[1], false);
}
static AI_BUILTIN_FN(bf_gen_yield, "gen_yield", a_gen_yield);

static ai_value a_c_type_name(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("c_type_name", kwnames) || call_exact_args("c_type_name", nargs, 2)) return AI_ERR;
    if (ai_is_smallint(args[0]) || !obj_isinstance(args[0], &ai_type_type) ||
        !cls_check_type((const ai_type *)ai_obj(args[0])) || !str_check(args[1]))
        return ai_raise_msg(&ai_exc_TypeError, "c_type_name() needs a class and a str");
    const char *u = str_utf8(args[1], NULL);
    char *c = u ? strdup(u) : NULL;
    if (!c) return exc_nomem();
    cls_type *ct = (cls_type *)ai_obj(args[0]);
    ct->cname = c; /* the old name is leaked, as __name__ assignment leaks it */
    ct->t.name = c;
    /* As for a C type, __module__ is what comes before the last dot. */
    const char *dot = strrchr(c, '.');
    if (dot) {
        ai_value mod = str_from_utf8(c, (int64_t)(dot - c));
        if (!mod || ai_setattr(args[0], str_from_cstr("__module__"), mod) < 0) return AI_ERR;
    }
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_c_type_name, "c_type_name", a_c_type_name);

/* decimal keeps coefficients of any length: its conversions must not
 * stop at the 4300-digit limit that guards str()/int() of user data. */
static ai_value a_int_str(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("int_str", nargs, kwnames) < 0) return AI_ERR;
    if (!int_check(args[0])) return ai_raise_msg(&ai_exc_TypeError, "int_str() needs an int");
    return int_to_str_unlimited(args[0]);
}
static AI_BUILTIN_FN(bf_int_str, "int_str", a_int_str);

static ai_value a_int_parse(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("int_parse", nargs, kwnames) < 0) return AI_ERR;
    if (!str_check(args[0])) return ai_raise_msg(&ai_exc_TypeError, "int_parse() needs a str");
    return int_parse_unlimited(args[0]);
}
static AI_BUILTIN_FN(bf_int_parse, "int_parse", a_int_parse);

static int init(ai_value m) {
    return mod_add_fn(m, &bf_caller_module) < 0 || mod_add_fn(m, &bf_abc_init) < 0 ||
                   mod_add_fn(m, &bf_abc_register) < 0 || mod_add_fn(m, &bf_float_pack) < 0 ||
                   mod_add_fn(m, &bf_float_unpack) < 0 || mod_add_fn(m, &bf_tb_entries) < 0 || mod_add_fn(m, &bf_call_site) < 0 ||
                   mod_add_fn(m, &bf_gc_collect) < 0 || mod_add_fn(m, &bf_context_get) < 0 ||
                   mod_add_fn(m, &bf_context_set) < 0 || mod_add_fn(m, &bf_set_exit_hook) < 0 ||
                   mod_add_fn(m, &bf_set_sleep_hook) < 0 || mod_add_fn(m, &bf_gen_yield) < 0 ||
                   mod_add_fn(m, &bf_c_type_name) < 0 || mod_add_fn(m, &bf_int_str) < 0 ||
                   mod_add_fn(m, &bf_int_parse) < 0 || mod_add(m, "array", ai_val(&ai_array_type)) < 0
               ? -1
               : 0;
}

const mod_def mod_aithonint = {"_aithon", init};
