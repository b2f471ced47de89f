/*
 * emit.h — LLVM IR generation for one compiled program.
 *
 * Input: parsed and scope-resolved modules. Output: an LLVM module whose
 * `aithon_program_main` the runtime's main() calls. The emitter is split
 * by construct, around one context struct (emit_internal.h):
 *
 *   emit_module.c   module set-up, constants, globals, functions, entry
 *   emit_stmt.c     statements (control flow, assignment, def …)
 *   emit_expr.c     expressions (operators with inline fast paths, calls)
 *
 * Every construct the emitter does not compile yet is reported as
 * error[E0301] "<construct> is not supported yet" at its location; the
 * emitter keeps going to report more and the driver writes no output.
 */
#ifndef AITHON_EMIT_H
#define AITHON_EMIT_H

#include <llvm-c/Core.h>
#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "effects.h"
#include "scope.h"

typedef struct {
    int opt_level;          /* 0..3: fast paths are emitted at every level */
    bool debug_info;        /* -g */
    Effects *effects;       /* which async defs may run as actors (NULL: none) */
} EmitOptions;

/* Emit `m` (the program's main module) into a new LLVM module in `ctx`.
 * Returns NULL when errors were reported. */
LLVMModuleRef emit_program(Arena *a, LLVMContextRef ctx, const Module *m, ScopeTable *scopes,
                           const EmitOptions *opt);

#endif
