/*
 * runonce.h — which module-level functions run only a bounded number of
 * times (run-once functions), for the emitter to spend less code on them.
 *
 * Input: the main module and its scopes (scope.c; the driver asks for
 * no other module: their functions may be called from any module that
 * imports them). Output: Scope.run_once set on
 * the scope of each module-level `def f` (plain: not async, no generator,
 * no decorator, bound by that one top-level def only) whose every mention
 * in the module is a direct call `f(...)` made by run-once code: the
 * module's own statements outside loops, comprehensions, lambdas, class
 * bodies and other functions, or the body of another run-once function
 * outside those. `def main(): …` then `main()` is the usual case. A
 * function that calls itself, directly or through others, never is one
 * (the calls are found from the module's code inward, a least fixed
 * point).
 *
 * The emitter (emit_module.c) emits a run-once function as it emits the
 * module's code: operators and attribute sites outside loops call the
 * runtime (FnState.cold; loops and comprehensions get their fast paths
 * back), and one without any loop is left unoptimised (`optnone`: the
 * back end's fast instruction selector). The result is a hint for code
 * size only: a wrong answer (a call through globals(), eval, another
 * module) costs speed, never behaviour, since the cold code is the same
 * Python.
 */
#ifndef AITHON_RUNONCE_H
#define AITHON_RUNONCE_H

#include "arena.h"
#include "ast.h"
#include "modules.h"
#include "scope.h"

void runonce_analyze(Arena *a, const Program *prog);

#endif
