/*
 * infer.h — local type inference for the emitter (see infer.c).
 */
#ifndef AITHON_INFER_H
#define AITHON_INFER_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"

/* What the emitter asks about one name: is it a plain local variable of
 * the frame being emitted (not a cell, global or class-body name)? */
typedef bool (*InferIsLocal)(void *ctx, const char *name);

/* A float tree: an arithmetic expression whose value the emitter may
 * compute on unboxed doubles (infer.c states when). */
typedef struct FloatTree {
    int nops;                   /* binary operators in the tree */
    int nleaves;                /* variable leaves, in evaluation order */
    const Expr **leaves;
    bool *need_float;           /* by leaf: must be a float at run time
                                   (else a float or an exactly convertible
                                   small int is enough) */
} FloatTree;

/* Is x a float tree (or, with allow_leaf, a lone leaf of one: a local or
 * a numeric constant)? Fills *out on success. */
bool infer_float_tree(Arena *a, const Expr *x, InferIsLocal is_local, void *ctx, bool allow_leaf, FloatTree *out);
/* The flag of one leaf of t (false for a leaf that is not in t). */
bool infer_leaf_needs_float(const FloatTree *t, const Expr *leaf);

/* The names that are targets of `name += …` in body (not in nested defs
 * or classes): candidates for in-place string appends. Returns how many
 * and sets *names (arena). */
int infer_append_targets(Arena *a, const StmtList *body, const char ***names);

#endif
