/*
 * scope.h — symbol tables: which scope every name belongs to.
 *
 * Input: a parsed Module. Output: a tree of Scopes (module, function,
 * lambda, class, comprehension), one per block, each with its Symbols
 * resolved the way CPython's symtable.c resolves them:
 *
 *   SYM_LOCAL            bound in this function, lives in a local slot
 *   SYM_CELL             bound here and captured by an inner function
 *   SYM_FREE             bound in an enclosing function (closure)
 *   SYM_GLOBAL_EXPLICIT  declared `global` here
 *   SYM_GLOBAL_IMPLICIT  not bound in any enclosing function: module
 *                        global, else builtin (decided at run time)
 *
 * At module level every name is global. Class bodies do not enclose the
 * functions inside them (names there skip the class, as in Python).
 * Comprehensions are scopes of their own whose first iterable is
 * evaluated in the enclosing scope; a walrus inside one binds in the
 * nearest enclosing function or module.
 *
 * Errors are CPython's SyntaxErrors about names and blocks ('return'
 * outside function, 'break' outside loop, nonlocal without binding, name
 * used prior to global declaration …), reported through diag.
 */
#ifndef AITHON_SCOPE_H
#define AITHON_SCOPE_H

#include "arena.h"
#include "ast.h"

typedef enum {
    SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_LAMBDA, SCOPE_CLASS, SCOPE_COMPREHENSION
} ScopeKind;

typedef enum {
    SYM_LOCAL, SYM_CELL, SYM_FREE, SYM_GLOBAL_EXPLICIT, SYM_GLOBAL_IMPLICIT
} SymbolKind;

/* What the block does with the name (bit set). */
enum {
    SYMF_ASSIGNED = 1 << 0,     /* target of =, for, with-as, del, import, def, class */
    SYMF_PARAM    = 1 << 1,
    SYMF_USED     = 1 << 2,     /* read */
    SYMF_GLOBAL   = 1 << 3,     /* `global` statement */
    SYMF_NONLOCAL = 1 << 4,     /* `nonlocal` statement */
    SYMF_DEF      = 1 << 5,     /* bound by def/class statement */
    SYMF_OTHER    = 1 << 6,     /* bound by something other than one def: assignment, import, for… */
    SYMF_DELETED  = 1 << 7,     /* target of del */
    SYMF_COMP_ITER = 1 << 8,    /* an iteration variable of this comprehension */
    SYMF_WALRUS   = 1 << 9,     /* a := target in this comprehension (bound outside it) */
    SYMF_DEFAULTS_SET = 1 << 10, /* module function whose __defaults__/__kwdefaults__
                                    some code assigns (`f.__defaults__ = …`): no
                                    direct calls, which bind defaults at compile time */
};

typedef struct Symbol {
    const char *name;
    int flags;                  /* SYMF_* */
    SymbolKind kind;
    int def_count;              /* number of def/class statements binding it */
    const Stmt *def_stmt;       /* the def when def_count == 1 */
    bool def_at_top;            /* that def is a top-level statement of the block */
    int index;                  /* slot number, assigned by the emitter */
    int decl_line, decl_col;    /* the global/nonlocal statement, for errors */
} Symbol;

typedef struct Scope Scope;
struct Scope {
    ScopeKind kind;
    const char *name;           /* function/class name; "<module>", "<lambda>", "<listcomp>" … */
    const char *qualname;       /* CPython's __qualname__ */
    Scope *parent;
    const void *node;           /* the Stmt (def/class), Expr (lambda/comp) or Module */
    Symbol **syms;
    int nsyms, capsyms;
    int *htab;                  /* name hash → index into syms, -1 empty (big blocks only) */
    int hcap;                   /* size of htab, a power of two; 0: search syms */
    Scope **children;
    int nchildren, capchildren;
    bool is_generator, is_coroutine, has_free, has_cells;
    bool uses_star_import;
    bool ns_live;               /* a module whose code keeps or writes globals()
                                   (or module-level locals()/vars()): its
                                   namespace is a dict (AI_MODINFO_LIVE_NS) */
    struct DefAssign *defassign; /* the module's: the reads of locals that need
                                   no unbound check (defassign.c) */
    struct MethNames *methnames; /* the module's: the names its class bodies
                                   bind (methnames.c) */
    bool interactive;           /* a doctest example (Stmt funcdef.example):
                                   every name is global, as at module level */
    bool run_once;              /* a module-level def only run-once code calls
                                   (runonce.c): emitted as run-once code */
    bool uses_class_cell;       /* a class whose functions use super() (or
                                   __class__): its namespace gets a
                                   __classcell__, as in CPython */
};

/* Nesting limits, as CPython's compiler (both independent of the C stack,
 * which the driver makes big enough for them):
 *  - SCOPE_MAX_DEPTH statements and expressions nested in each other
 *    (CPython: the recursion limit 1000 times COMPILER_STACK_FRAME_SCALE
 *    3), else "maximum recursion depth exceeded during compilation"
 *    (E0111; a RecursionError in CPython);
 *  - SCOPE_MAX_BLOCKS frame blocks (loops, with, try, except) open in one
 *    function (CPython's CO_MAXBLOCKS), else "too many statically nested
 *    blocks" (E0101). */
enum { SCOPE_MAX_DEPTH = 3000, SCOPE_MAX_BLOCKS = 20 };

typedef struct ScopeTable ScopeTable;

/* Build and resolve all scopes of `m`. Reports errors through diag;
 * returns the table even when errors were found. */
ScopeTable *scope_build(Arena *a, const Module *m);
Scope *scope_module(ScopeTable *t);
/* The scope made for a def/class Stmt, a lambda/comprehension Expr. */
Scope *scope_of(ScopeTable *t, const void *node);
/* Add a parameter the source does not name (a generator expression's
 * iterator, ".0"), bound as a local of `s`. */
Symbol *scope_add_param(Arena *a, Scope *s, const char *name);
/* Bind `name` in the module scope after resolution (the names a
 * `from m import *` binds, known once m is analysed: modules.c). */
Symbol *scope_add_global(Arena *a, Scope *module, const char *name);
/* Is this call of globals()/locals()/vars() read at once, so that a
 * snapshot of the module namespace equals the live dict (scope.c)? */
bool scope_ns_read_only(ScopeTable *t, const void *call);
/* The expressions whose namespace dict the module's code takes
 * (`x.__dict__`, `vars(x)`, `getattr(x, '__dict__')`) when x is a chain
 * of names ("a.b"), `sys.modules['m']` ("=m") or `sys.modules[__name__]`
 * ("=."): nsdict.c makes such a module's namespace live. */
int scope_ns_refs(ScopeTable *t, const char *const **out);
/* The symbol `name` in scope `s`, or NULL. */
Symbol *scope_lookup(const Scope *s, const char *name);

#endif
