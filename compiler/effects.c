/*
 * effects.c — the effect analysis (placeholder: every async def is
 * shared until the analysis lands).
 */
#include "effects.h"

struct Effects {
    int unused;
};

Effects *effects_analyze(Arena *a, const Module *m, ScopeTable *scopes) {
    (void)m, (void)scopes;
    return arena_alloc(a, sizeof(Effects));
}

bool effects_isolated(Effects *fx, Scope *fn, EffectReason *why) {
    (void)fx, (void)fn;
    if (why) *why = (EffectReason){{0, 0, 0, 0}, "not analysed"};
    return false;
}

void effects_explain(Effects *fx, FILE *out, const char *filename) { (void)fx, (void)out, (void)filename; }
