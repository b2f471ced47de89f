/*
 * modules.h — the program's modules: import resolution at compile time.
 *
 * Input: the main file and a search path. Output: a Program, the set of
 * modules (Units) the main file can import, transitively, each parsed
 * and scope-resolved, found the way CPython's path search finds them
 * for `python3 main.py`:
 *
 *   1. the runtime's modules that CPython builds in (sys, time,
 *      builtins): nothing can shadow them;
 *   2. the directory of the main file, then each `-I DIR`, then each
 *      PYTHONPATH entry: in every directory a package (`NAME/__init__.py`)
 *      before a module (`NAME.py`); a directory without `__init__.py`
 *      is a namespace package when nothing else is found;
 *   3. the runtime's other C modules (math, random);
 *   4. the installed stdlib directory (`stdlib/NAME.py`), last.
 * A submodule `a.b` is searched only in its package's directory.
 *
 * Every import statement of every loaded module is resolved (including
 * those inside functions, which CPython runs only when called): a
 * module that cannot be found is error E0303 at the import, except in
 * the body of a `try` whose handlers catch ImportError (`try: import
 * fast except ImportError: fast = None`), where the import raises
 * ModuleNotFoundError at run time instead, as in CPython.
 *
 * Names: the main file is `__main__`; others have their dotted name.
 * Each Unit is compiled once (emit.h) into the program's one LLVM
 * module, with symbols prefixed by its name.
 */
#ifndef AITHON_MODULES_H
#define AITHON_MODULES_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "scope.h"

typedef enum {
    UNIT_SOURCE,        /* a .py file (or a namespace package: no file) */
    UNIT_BUILTIN,       /* a module of the runtime, written in C */
} UnitKind;

typedef struct Unit {
    const char *name;           /* "__main__", "helper", "pkg.sub" */
    UnitKind kind;
    const char *path;           /* the file as found, for diagnostics; NULL for builtins */
    const char *file;           /* absolute path: __file__; NULL for builtins, namespace packages */
    const char *tb_name;        /* traceback file name: main as given, others absolute */
    bool is_package;            /* __init__.py, or a namespace package */
    bool from_stdlib;           /* found in the installed stdlib (compiled to a cached object file) */
    const char *pkgdir;         /* packages: their directory (absolute), __path__[0] */
    const char *package;        /* __package__: "" top-level, "pkg" in pkg/; NULL for __main__ */
    struct Unit *parent;        /* pkg for pkg.sub; NULL for a top-level module */
    const struct Program *program;
    Module *ast;                /* source units */
    ScopeTable *scopes;
    int index;                  /* in Program.units */
    const char **exports;       /* names `from NAME import *` may bind (see modules_exports) */
    int nexports;
    int exports_state;          /* 0 not computed, 1 computing (import cycle), 2 done */
    bool stars_done;            /* its own `from m import *` names added to its scope */
    struct Effects *effects;    /* its async defs, isolated or shared (effects.h) */
} Unit;

typedef struct Program {
    Unit **units;               /* units[0] is __main__ */
    int nunits, capunits;
    Unit *main;
} Program;

typedef struct LoadOptions {
    const char *main_path;      /* the main file as given on the command line */
    const char *const *dirs;    /* -I directories, then PYTHONPATH entries, in order */
    int ndirs;
    const char *stdlib_dir;     /* the installed stdlib, searched last; may be NULL */
    bool isolated;              /* search no directory at all (the fuzz target) */
    /* Read and parse one file into `a`; NULL after reporting the error
     * (unreadable file, syntax error). */
    Module *(*load)(Arena *a, const char *path, void *ctx);
    void *ctx;
} LoadOptions;

/* Load the main file and every module it imports, transitively, and
 * build their scopes. Errors (syntax, scope, E0303) are reported through
 * diag; the caller checks diag_error_count(). NULL when the main file
 * itself could not be loaded. */
Program *modules_load(Arena *a, const LoadOptions *o);

/* The same for a main module given as text (no file is read for it). */
Program *modules_load_text(Arena *a, const char *name, const char *text, size_t len,
                           const char *const *dirs, int ndirs);

/* The unit named `name` (absolute, dotted), or NULL. */
Unit *modules_find(const Program *p, const char *name);

/* The absolute name that `from <level dots><name> import …` (name may be
 * NULL) means in unit `u`, or NULL when the dots go above the top-level
 * package (*why then says CPython's message). */
const char *modules_absolute(Arena *a, const Unit *u, const char *name, int level, const char **why);

/* The names `from u import *` can bind, as far as the compiler can know:
 * a literal `__all__`, else every name u binds at module level that does
 * not start with '_' (every name, when `__all__` is computed). The
 * runtime decides which of them the import really binds. */
void modules_exports(Arena *a, Unit *u, const char ***names, int *n);

#endif
