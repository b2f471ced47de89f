/*
 * modules/modules.h — builtin modules written in C (sys, math, …).
 *
 * A module is an object whose attributes live in a dict. A builtin module
 * is described by a mod_def: its name and an init function that fills the
 * fresh module's attributes (mod_add / mod_add_fn). `import x` in compiled
 * code calls ai_import("x"), which makes each module once, on first import,
 * and returns the same object afterwards.
 *
 * Which modules exist is known at compile time: the compiler refuses an
 * import the runtime cannot satisfy (compiler/modules.c lists these).
 * Modules written in Python (the program's own, stdlib/NAME.py) are
 * compiled with the program and imported by ai_module_import.
 *
 * A module object and what its init makes are immortal (allocated in the
 * static heap, whichever actor imports first), so every actor may read
 * them. Not handled yet: per-actor module state (a module object is
 * process-wide and must only be mutated by the main actor).
 */
#ifndef AITHON_MODULES_H
#define AITHON_MODULES_H

#include "core/object.h"

/* A module object. A C module keeps its attributes in `dict`. A compiled
 * module (info != NULL) keeps its globals where its code reads them, in
 * info->globals: `index` maps each global's name to its slot (a small
 * int), and `dict` holds only attributes set from outside on names the
 * module never binds. Module objects are static (immortal). */
typedef struct ai_module_obj {
    ai_object ob;
    const char *name;
    ai_value dict;          /* attribute name → value */
    ai_module_info *info;   /* compiled modules; NULL for C modules */
    ai_value index;         /* compiled: dict name → slot number */
} ai_module_obj;

extern ai_type ai_module_type;

/* sys.modules: every module imported so far, by name (a dict). */
ai_value mod_sys_modules(void);
/* module.__dict__: the dict itself for a C module, a fresh snapshot of
 * the bound globals (and outside attributes) for a compiled one. */
ai_value mod_dict(ai_value module);

typedef struct mod_def {
    const char *name;
    /* Fill the module's attributes; 0 ok, -1 with an exception pending. */
    int (*init)(ai_value module);
} mod_def;

/* Set attribute `name` of `module`; 0 ok, -1 error. */
int mod_add(ai_value module, const char *name, ai_value value);
/* Add a builtin function (a static ai_builtin_fn made with AI_BUILTIN_FN). */
int mod_add_fn(ai_value module, ai_builtin_fn *fn);

/* The module definitions, each in its own file (modules/mod<name>.c). */
extern const mod_def mod_sys, mod_math, mod_time, mod_random, mod_builtins, mod_asyncio;
/* runtime/actors/modaithon.c: the explicit actor API */
extern const mod_def mod_aithon;
/* modaithonint.c: `_aithon`, services for the stdlib's Python modules */
extern const mod_def mod_aithonint;
/* modposix.c: the operating system calls under stdlib/os */
extern const mod_def mod_posix;
/* modre.c: the regular expression engine under stdlib/re */
extern const mod_def mod_re;
/* modhashlib.c: _hashlib, the digests under the stdlib's hashlib. */
extern const mod_def mod_hashlib;
extern const mod_def mod_json;
/* modctypes.c: _ctypes, dlopen and libffi under the stdlib's ctypes. */
extern const mod_def mod_ctypes;

/* modtime.c: time.sleep(s) calls it with s in nanoseconds when set (by
 * _aithon.set_sleep_hook, for threading) in the main process; its result
 * NotImplemented means "sleep for real". Held by threading's globals. */
extern ai_value mod_time_sleep_hook;

/* The name of the compiled module whose body is running (the innermost
 * import in progress), or NULL when none is. */
const char *mod_importing_name(void);

#endif
