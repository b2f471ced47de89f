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

static int init(ai_value m) { return mod_add_fn(m, &bf_caller_module); }

const mod_def mod_aithonint = {"_aithon", init};
