/*
 * defassign.h — definite assignment: which reads of a local need no
 * unbound check.
 *
 * Input: a module's AST and its scopes (scope.c). Output: the set of Name
 * expressions (reads, and the targets of `x op= v`) of function locals
 * that every path from the function's entry reaches with the variable
 * assigned, stored on the module's Scope (Scope.defassign). The emitter
 * (emit_names.c) skips the UnboundLocalError check for those; every
 * other read keeps it, with CPython's wording.
 *
 * Invariant: the set only ever errs towards keeping a check — a read in
 * it is assigned on every path (parameters, assignments, for targets in
 * their body, `with … as`, imports, defs), whatever exception, break,
 * continue, return or `del` happens on the way. Cells, free variables,
 * globals and class namespaces are never in it.
 */
#ifndef AITHON_DEFASSIGN_H
#define AITHON_DEFASSIGN_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "scope.h"

typedef struct DefAssign DefAssign;

/* Analyse every function, lambda, generator expression, class body and
 * the top level of `m`; the result goes to scope_module(t)->defassign. */
void defassign_analyze(Arena *a, const Module *m, ScopeTable *t);

/* Is the read `x` (an E_NAME) of a local known to find it assigned?
 * False when `d` is NULL (no analysis ran). */
bool defassign_bound(const DefAssign *d, const Expr *x);

#endif
