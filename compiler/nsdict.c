/*
 * nsdict.c — modules whose namespace dict is taken by code: their
 * namespace must be live (see nsdict.h).
 *
 * A module's globals live in compiled slots, and `m.__dict__`/`vars(m)`
 * of such a module is a snapshot: a write into it would be lost. So a
 * module whose dict any module of the program takes — `m.__dict__`,
 * `vars(m)`, `getattr(m, '__dict__')` with m a name bound by an import
 * (`import m`, `import a.b as m`, `from p import m` of a submodule, and
 * dotted chains `a.b.__dict__`), or `sys.modules['m']`/
 * `sys.modules[__name__]` — gets Scope.ns_live, as if its own code kept
 * globals(): its namespace is then its dict, and every write is seen.
 *
 * Input: the program's units with scopes built (scope_ns_refs lists the
 * expressions per unit). Output: ns_live set on the module scopes named.
 * Invariant: marking is always safe (a live namespace is only slower),
 * so a name bound both to a module and to something else is marked.
 * Not found here: a module reached through a value (a parameter,
 * `sys.modules[name]` with a computed name); a write written directly
 * into its dict is refused at run time instead (emit_write_container,
 * ai_ns_dict_for_write).
 */
#include "nsdict.h"

#include <string.h>

#include "scope.h"

typedef struct {
    const char *name, *module;
} Binding;

typedef struct {
    Arena *a;
    const Unit *u;
    Binding *v;
    int n, cap;
} Bindings;

static void bind(Bindings *b, const char *name, const char *module) {
    b->v = arena_grow(b->a, b->v, &b->cap, b->n + 1, sizeof *b->v);
    b->v[b->n++] = (Binding){name, module};
}

static void collect(Bindings *b, const StmtList *body);

static void collect_stmt(Bindings *b, const Stmt *s) {
    switch (s->kind) {
    case S_IMPORT:
        for (int i = 0; i < s->u.import.names.n; i++) {
            const Alias *al = s->u.import.names.v[i];
            if (al->asname) {
                bind(b, al->asname, al->name);
            } else {
                const char *dot = strchr(al->name, '.');
                const char *top = dot ? arena_strndup(b->a, al->name, (size_t)(dot - al->name)) : al->name;
                bind(b, top, top);
            }
        }
        return;
    case S_IMPORTFROM: {
        const char *why = NULL;
        const char *abs =
            modules_absolute(b->a, b->u, s->u.importfrom.module, s->u.importfrom.level, &why);
        if (!abs) return;
        for (int i = 0; i < s->u.importfrom.names.n; i++) {
            const Alias *al = s->u.importfrom.names.v[i];
            if (strcmp(al->name, "*") == 0) continue;
            bind(b, al->asname ? al->asname : al->name, arena_printf(b->a, "%s.%s", abs, al->name));
        }
        return;
    }
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF: collect(b, &s->u.funcdef.body); return;
    case S_CLASSDEF: collect(b, &s->u.classdef.body); return;
    case S_FOR: case S_ASYNCFOR: collect(b, &s->u.for_.body); collect(b, &s->u.for_.orelse); return;
    case S_WHILE: collect(b, &s->u.while_.body); collect(b, &s->u.while_.orelse); return;
    case S_IF: collect(b, &s->u.if_.body); collect(b, &s->u.if_.orelse); return;
    case S_WITH: case S_ASYNCWITH: collect(b, &s->u.with.body); return;
    case S_MATCH:
        for (int i = 0; i < s->u.match.cases.n; i++) collect(b, &s->u.match.cases.v[i]->body);
        return;
    case S_TRY: case S_TRYSTAR:
        collect(b, &s->u.try_.body);
        for (int i = 0; i < s->u.try_.handlers.n; i++) collect(b, &s->u.try_.handlers.v[i]->body);
        collect(b, &s->u.try_.orelse);
        collect(b, &s->u.try_.finalbody);
        return;
    default: return;
    }
}

static void collect(Bindings *b, const StmtList *body) {
    for (int i = 0; i < body->n; i++) collect_stmt(b, body->v[i]);
}

static void mark(Unit *t) {
    if (t && t->kind == UNIT_SOURCE && t->scopes) scope_module(t->scopes)->ns_live = true;
}

/* `base.rest` where base is bound to module M: the longest M.rest… that
 * is a unit of the program. */
static void mark_chain(Arena *a, const Program *p, const Bindings *b, const char *chain) {
    const char *dot = strchr(chain, '.');
    size_t blen = dot ? (size_t)(dot - chain) : strlen(chain);
    for (int i = 0; i < b->n; i++) {
        if (strlen(b->v[i].name) != blen || strncmp(b->v[i].name, chain, blen) != 0) continue;
        char *full = arena_printf(a, "%s%s", b->v[i].module, dot ? dot : "");
        for (;;) {
            Unit *t = modules_find(p, full);
            if (t) {
                mark(t);
                break;
            }
            char *last = strrchr(full, '.');
            if (!last) break;
            *last = '\0';
        }
    }
}

void nsdict_mark(Arena *a, Program *p) {
    for (int i = 0; i < p->nunits; i++) {
        Unit *u = p->units[i];
        if (u->kind != UNIT_SOURCE || !u->scopes || !u->ast) continue;
        const char *const *refs;
        int n = scope_ns_refs(u->scopes, &refs);
        if (!n) continue;
        Bindings b = {a, u, NULL, 0, 0};
        collect(&b, &u->ast->body);
        for (int k = 0; k < n; k++) {
            if (strcmp(refs[k], "=.") == 0) mark(u);
            else if (refs[k][0] == '=') mark(modules_find(p, refs[k] + 1));
            else mark_chain(a, p, &b, refs[k]);
        }
    }
}
