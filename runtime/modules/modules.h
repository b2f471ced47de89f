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
 * import the runtime cannot satisfy (mod_names() lists them for tests).
 * Modules written in Python (stdlib/NAME.py) are compiled with the program
 * and do not go through this table.
 *
 * A module object and what its init makes are immortal (allocated in the
 * static heap, whichever actor imports first), so every actor may read
 * them. Not handled yet: per-actor module state (a module object is
 * process-wide and must only be mutated by the main actor).
 */
#ifndef AITHON_MODULES_H
#define AITHON_MODULES_H

#include "core/object.h"

typedef struct ai_module_obj {
    ai_object ob;
    const char *name;
    ai_value dict;          /* attribute name → value */
} ai_module_obj;

extern ai_type ai_module_type;

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
extern const mod_def mod_sys, mod_math, mod_time, mod_random;
/* runtime/actors/modaithon.c: the explicit actor API */
extern const mod_def mod_aithon;

#endif
