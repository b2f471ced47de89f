/*
 * methnames.h — the names a class of the module binds (its methods and
 * class attributes), for method call sites.
 *
 * Input: a module's scopes (scope.c). Output: the set of names bound in
 * any class body of the module, stored on its module Scope
 * (Scope.methnames). A method call site o.m(…) whose m no class of the
 * program binds can never find a compiled method body in its cache (the
 * runtime only records compiled functions found in a class), so the
 * emitter (emit_data.c) leaves out the inline ways and calls the runtime
 * at once. The set is a hint for code size only: a method added later
 * (`C.m = f`, setattr, type(…)) is still found and called directly by
 * the runtime, which checks every way of the cache itself.
 */
#ifndef AITHON_METHNAMES_H
#define AITHON_METHNAMES_H

#include <stdbool.h>

#include "arena.h"
#include "scope.h"

typedef struct MethNames MethNames;

/* Collect the names bound in the class bodies of the module of `t`. */
void methnames_collect(Arena *a, ScopeTable *t);

/* Does some class body of the module bind `name`? (`m` may be NULL: no.) */
bool methnames_has(const MethNames *m, const char *name);

#endif
