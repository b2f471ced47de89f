/*
 * intinfer.h — which locals are small ints, which loops are worth two
 * copies (see intinfer.c).
 */
#ifndef AITHON_INTINFER_H
#define AITHON_INTINFER_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "infer.h"

/* The plain locals of body (not in nested defs) that hold ints only, as
 * far as the source shows: each is assigned at least once, and every
 * assignment of it is `x = E`, `x op= E` (E an int expression over int
 * locals and int constants: + - * // % & | ^ << >>, unary - + ~) or the
 * target of `for x in range(...)`; and the parameters among params that
 * the body uses as ints (an operand of an int operator or comparison
 * whose other side is an int constant or such a local) and assigns
 * nothing but ints. A heuristic for the emitter: nothing
 * relies on it for correctness (emit_int.c checks at run time). Returns
 * how many and sets *names (arena). */
int infer_int_locals(Arena *a, const StmtList *body, const InferEnv *env, const char *const *params, int nparams,
                     const char ***names);

/* May this loop body (and `test`, may be NULL) be emitted twice, once
 * on the int fast way and once generically (emit_int.c)? Only statements
 * and expressions that emitting twice cannot duplicate observable
 * definitions qualify (no def, class, lambda, comprehension, yield,
 * await, walrus, try, with, match, del, global), no nested loop (only
 * innermost loops get two copies), and only up to a size that keeps the
 * IR small. */
bool infer_int_versionable(const Expr *test, const StmtList *body);

/* Is x an int operator the fast way computes inline? */
bool infer_int_op(BinOp op);

#endif
