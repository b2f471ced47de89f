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
 */
#include "modules/modutil.h"

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

static int init(ai_value m) {
    return mod_add_fn(m, &bf_caller_module) < 0 || mod_add_fn(m, &bf_abc_init) < 0 ||
                   mod_add_fn(m, &bf_abc_register) < 0
               ? -1
               : 0;
}

const mod_def mod_aithonint = {"_aithon", init};
