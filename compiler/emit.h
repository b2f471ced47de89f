/*
 * emit.h — LLVM IR generation for one compiled program.
 *
 * Input: the program's parsed and scope-resolved modules (modules.h).
 * Output: one LLVM module whose `aithon_program_main` the runtime's
 * main() calls. One LLVM module for the whole program (not an object
 * file per Python module): one optimisation run sees every module, so
 * calls across modules can later be direct and inlined, and -c, -S and
 * --emit-llvm still write one file. The emitter is split
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
#include "modules.h"
#include "scope.h"

typedef struct {
    int opt_level;          /* 0..3: fast paths are emitted at every level */
    bool debug_info;        /* -g */
} EmitOptions;

/* Emit every module of `prog` into one new LLVM module in `ctx`, each
 * once, with its own globals, constants and body (symbols prefixed by the
 * module's name), and `aithon_program_main`, which imports __main__.
 * Returns NULL when errors were reported. */
LLVMModuleRef emit_program(Arena *a, LLVMContextRef ctx, const Program *prog, const EmitOptions *opt);

/* The same for the units whose which[index] is true only (each other
 * source unit's ai_module_info is an external declaration, and these
 * units' ones are exported), with `aithon_program_main` when with_main:
 * the pieces of a program whose stdlib modules are separate, cached
 * object files (main.c). */
LLVMModuleRef emit_units(Arena *a, LLVMContextRef ctx, const Program *prog, const EmitOptions *opt,
                         const bool *which, bool with_main);

#endif
