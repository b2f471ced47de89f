/*
 * methnames.c — the names the class bodies of a module bind (see
 * methnames.h): a walk over the scope tree, every symbol a class scope
 * binds goes into an open-addressing set of strings. Linear in the
 * number of symbols.
 */
#include <stdint.h>
#include <string.h>

#include "methnames.h"

struct MethNames {
    const char **keys;          /* NULL = empty */
    size_t cap, count;          /* cap a power of two */
};

static size_t hash_str(const char *s) {
    size_t h = 1469598103934665603u;        /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static void add(Arena *a, MethNames *m, const char *name) {
    if ((m->count + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 64;
        const char **nk = arena_alloc(a, sizeof(char *) * ncap);
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->keys[i]) continue;
            size_t h = hash_str(m->keys[i]) & (ncap - 1);
            while (nk[h]) h = (h + 1) & (ncap - 1);
            nk[h] = m->keys[i];
        }
        m->keys = nk;
        m->cap = ncap;
    }
    size_t h = hash_str(name) & (m->cap - 1);
    while (m->keys[h]) {
        if (strcmp(m->keys[h], name) == 0) return;
        h = (h + 1) & (m->cap - 1);
    }
    m->keys[h] = name;
    m->count++;
}

bool methnames_has(const MethNames *m, const char *name) {
    if (!m || !m->cap) return false;
    size_t h = hash_str(name) & (m->cap - 1);
    while (m->keys[h]) {
        if (strcmp(m->keys[h], name) == 0) return true;
        h = (h + 1) & (m->cap - 1);
    }
    return false;
}

static void walk(Arena *a, MethNames *m, const Scope *s) {
    if (s->kind == SCOPE_CLASS)
        for (int i = 0; i < s->nsyms; i++)
            if (s->syms[i]->flags & SYMF_ASSIGNED) add(a, m, s->syms[i]->name);
    for (int i = 0; i < s->nchildren; i++) walk(a, m, s->children[i]);
}

void methnames_collect(Arena *a, ScopeTable *t) {
    Scope *ms = scope_module(t);
    if (!ms) return;
    MethNames *m = arena_alloc(a, sizeof(MethNames));
    memset(m, 0, sizeof *m);
    walk(a, m, ms);
    ms->methnames = m;
}
