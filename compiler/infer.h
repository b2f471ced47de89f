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

/* Is `call` a direct call of a module-level def that has a float-return
 * variant (see infer_returns_float)? */
typedef bool (*InferIsFloatCall)(void *ctx, const Expr *call);

/* What the analysis asks the emitter (or the caller before emission). */
typedef struct InferEnv {
    InferIsLocal is_local;
    InferIsFloatCall is_float_call;     /* may be NULL: no call is one */
    void *ctx;
} InferEnv;

/* The kinds of leaves of a float tree. */
typedef enum {
    LEAF_LOCAL,     /* a plain local: its load cannot be observed */
    LEAF_PURE,      /* local[local], local[const], local.name: read without effects
                       on the fast way (or not at all) */
    LEAF_FCALL,     /* a call of a def with a float-return variant: evaluated once */
    LEAF_EVAL,      /* any other expression (a call, `n // 2 + 1` …): evaluated once,
                       the generic way, where CPython evaluates it */
    LEAF_MATH,      /* NAME(x) or m.NAME(x) for NAME in infer_math_names: when the
                       callee is math.NAME at run time, libm inline */
} LeafKind;

/* The math functions LEAF_MATH knows, in the order of the runtime's
 * ai_math_leaf_fns; -1 when name is none of them. */
int infer_math_index(const char *name);

/* A float tree: an arithmetic expression whose value the emitter may
 * compute on unboxed doubles (infer.c states when). */
typedef struct FloatTree {
    int nops;                   /* binary operators in the tree */
    int nleaves;                /* variable leaves, in evaluation order */
    const Expr **leaves;
    bool *need_float;           /* by leaf: must be a float at run time
                                   (else a float or an exactly convertible
                                   small int is enough) */
    LeafKind *kinds;            /* by leaf */
    bool has_eval;              /* a LEAF_FCALL or LEAF_EVAL leaf: leaves must
                                   not be evaluated twice (emit_float.c keeps
                                   their values for the generic way) */
    bool has_fcall;             /* a LEAF_FCALL or LEAF_MATH leaf (a call whose
                                   double comes unboxed) */
    bool evidence;              /* a float constant, a `/` or a float call */
} FloatTree;

/* Is x a float tree (or, with allow_leaf, a lone leaf of one: a local, a
 * numeric constant or a float call)? Fills *out on success. */
bool infer_float_tree(Arena *a, const Expr *x, const InferEnv *env, bool allow_leaf, FloatTree *out);
/* The index of a leaf of t, or -1. */
int infer_leaf_index(const FloatTree *t, const Expr *leaf);
/* The flag of one leaf of t (false for a leaf that is not in t). */
bool infer_leaf_needs_float(const FloatTree *t, const Expr *leaf);

/* Does some `return e` of body (not in nested defs) return a float tree
 * with float evidence, or a float call? Then the def gets a float-return
 * variant (emit_module.c) whose fast returns are unboxed doubles. */
bool infer_returns_float(Arena *a, const StmtList *body, const InferEnv *env);

/* The plain locals of body (not in nested defs) that are floats more
 * likely than not: every such local is assigned somewhere a float
 * constant or a float tree (`x = …`, `x op= …`) with float evidence or a
 * leaf that is such a local. The emitter keeps each beside its slot as an
 * unboxed double while its last assignment was a float tree's fast way.
 * Returns how many and sets *names (arena). */
int infer_float_locals(Arena *a, const StmtList *body, const InferEnv *env, const char ***names);

/* The names that are targets of `name += …` in body (not in nested defs
 * or classes): candidates for in-place string appends. Returns how many
 * and sets *names (arena). */
int infer_append_targets(Arena *a, const StmtList *body, const char ***names);

#endif
