/*
 * effects.h — the effect analysis: which `async def`s may run as
 * isolated actors (compiler/effects.c has the rules).
 */
#ifndef AITHON_EFFECTS_H
#define AITHON_EFFECTS_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "ast.h"
#include "scope.h"

typedef struct Effects Effects;

/* Why an async def is shared: the first effect found, at its position. */
typedef struct EffectReason {
    SrcSpan pos;
    const char *what;       /* "assigns the module global 'count'" … */
} EffectReason;

/* Analyse a whole program (after scope resolution). */
Effects *effects_analyze(Arena *a, const Module *m, ScopeTable *scopes);

/* Is the async def whose scope is `fn` isolated? When it is not and
 * `why` is given, *why says why. */
bool effects_isolated(Effects *fx, Scope *fn, EffectReason *why);

/* --explain-actors: one line per async def, in source order. */
void effects_explain(Effects *fx, FILE *out, const char *filename);

#endif
