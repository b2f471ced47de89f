/*
 * progen.c — a generator of valid Python programs driven by fuzz bytes
 * (see progen.h for why and what it promises).
 *
 * The generator keeps, per scope being written (module, def, async def,
 * class), what the validity rules need: the parameters, the names the
 * function binds first thing (the candidates for a child's `nonlocal`),
 * the names it declared global/nonlocal (never annotated, never
 * parameters), whether a loop encloses the current statement (`break`),
 * and, per expression, flags for the places where `yield`, `await` or
 * `:=` are not allowed. Compound expressions are always parenthesised,
 * so precedence never makes a program mean something unintended or
 * become invalid.
 *
 * Limits (so every program is small and the generator ends): at most
 * MAX_STMTS statements, blocks nested MAX_DEPTH deep, expressions
 * MAX_EDEPTH deep. Choice 0 is always the simplest alternative, which
 * is all an exhausted input yields.
 *
 * Built standalone with -DPROGEN_MAIN it prints the program made from
 * each file named on the command line, or, given `-seed N COUNT`, from
 * COUNT pseudo-random byte strings (tests/fuzz/progen_check.py).
 */
#include "progen.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_STMTS = 80, MAX_DEPTH = 5, MAX_EDEPTH = 4, MAX_NAMES = 12 };

/* The shared pool: variables, functions, classes, methods, attributes. */
static const char *const pool[] = {
    "a", "b", "c", "x", "y", "n", "f", "g", "run", "C", "D", "Node", "K", "tags", "value",
    "item", "self", "cls", "__init__", "__str__", "__repr__", "__eq__", "__len__", "__iter__",
    "__call__", "__getitem__", "len", "print", "range", "super", "type", "object", "str", "int",
    "list", "__name__", "__doc__", "__x", "data", "total", "helper", "main",
};
enum { NPOOL = sizeof pool / sizeof *pool };

typedef enum { K_MODULE, K_FUNC, K_ASYNC, K_CLASS } Kind;

typedef struct Ctx Ctx;
struct Ctx {
    Kind kind;
    Ctx *parent;
    const char *params[MAX_NAMES];
    int nparams;
    const char *locals[MAX_NAMES];      /* bound first thing: nonlocal candidates */
    int nlocals;
    const char *declared[MAX_NAMES];    /* global / nonlocal here */
    int ndeclared;
    bool in_loop;                       /* break/continue allowed */
    bool is_method;
};

/* Expression flags: where the expression sits. */
enum {
    EF_COMP = 1,        /* in a comprehension: no yield/await */
    EF_COMPCLASS = 2,   /* in a comprehension directly in a class body: no := */
    EF_LAMBDA = 4,      /* in a lambda body: no yield/await */
    EF_FSTR = 8,        /* in an f-string replacement field: no nested f-string */
    EF_ITER = 16,       /* in a comprehension's iterable: no := */
};

typedef struct {
    const uint8_t *data;
    size_t size, pos;
    char *buf;
    size_t len, cap;
    int indent;
    int stmts, depth;
    Ctx *ctx;
    const char *compvars[8];            /* comprehension variables in reach */
    int ncompvars, compnext;
} Gen;

static unsigned pick(Gen *g, unsigned n) {
    if (n <= 1 || g->pos >= g->size) return 0;
    return g->data[g->pos++] % n;
}

static bool chance(Gen *g, unsigned one_in) { return pick(g, one_in) == 1; }

static void put(Gen *g, const char *s) {
    size_t n = strlen(s);
    if (g->len + n + 1 > g->cap) {
        g->cap = (g->len + n + 1) * 2;
        g->buf = realloc(g->buf, g->cap);
        if (!g->buf) abort();
    }
    memcpy(g->buf + g->len, s, n + 1);
    g->len += n;
}

static void putf(Gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(Gen *g, const char *fmt, ...) {
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put(g, tmp);
}

static void line_start(Gen *g) {
    for (int i = 0; i < g->indent; i++) put(g, "    ");
}

static bool has(const char *const *v, int n, const char *s) {
    for (int i = 0; i < n; i++)
        if (strcmp(v[i], s) == 0) return true;
    return false;
}

static const char *name(Gen *g) { return pool[pick(g, NPOOL)]; }

/* ---- expressions ------------------------------------------------------- */

static void expr(Gen *g, int d, int fl);

static bool yield_ok(Gen *g, int fl) { return g->ctx->kind == K_FUNC && !(fl & (EF_COMP | EF_LAMBDA)); }
static bool await_ok(Gen *g, int fl) { return g->ctx->kind == K_ASYNC && !(fl & (EF_COMP | EF_LAMBDA)); }

static void constant(Gen *g, int fl) {
    static const char *const k[] = {
        "1", "0", "None", "True", "False", "'abc'", "2.5", "-3", "123456789012345678901234567890",
        "''", "b'xy'", "1e300", "...", "'%d-%s'", "7", "' '",
    };
    const char *c = k[pick(g, sizeof k / sizeof *k)];
    if ((fl & EF_FSTR) && c[0] == '\'') c = "7";   /* keep replacement fields simple */
    put(g, c);
}

static void atom(Gen *g, int fl) {
    switch (pick(g, 6)) {
    case 0: put(g, name(g)); return;
    case 1: constant(g, fl); return;
    case 2:
        if (g->ncompvars) {
            put(g, g->compvars[pick(g, (unsigned)g->ncompvars)]);
            return;
        }
        put(g, name(g));
        return;
    case 3:
        if (g->ctx->is_method) {
            putf(g, "self.%s", name(g));
            return;
        }
        constant(g, fl);
        return;
    case 4: put(g, g->ctx->is_method && chance(g, 3) ? "__class__" : name(g)); return;
    default: constant(g, fl); return;
    }
}

/* Arguments of a call: positionals, *star, distinct keywords, **dstar. */
static void call_args(Gen *g, int d, int fl) {
    put(g, "(");
    int n = (int)pick(g, 4);
    bool first = true;
    for (int i = 0; i < n; i++) {
        if (!first) put(g, ", ");
        first = false;
        expr(g, d + 1, fl);
    }
    if (chance(g, 6)) {
        put(g, first ? "*" : ", *");
        first = false;
        expr(g, d + 1, fl);
    }
    const char *kws[4];
    int nk = (int)pick(g, 3);
    for (int i = 0; i < nk; i++) {
        const char *k = name(g);
        if (has(kws, i, k)) break;
        kws[i] = k;
        putf(g, "%s%s=", first ? "" : ", ", k);
        first = false;
        expr(g, d + 1, fl);
    }
    if (chance(g, 8)) {
        put(g, first ? "**" : ", **");
        expr(g, d + 1, fl);
    }
    put(g, ")");
}

static void comprehension(Gen *g, int d, int fl) {
    static const char *const vars[] = {"i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7"};
    int kind = (int)pick(g, 4);
    int cfl = fl | EF_COMP;
    if (g->ctx->kind == K_CLASS && !(fl & EF_COMP)) cfl |= EF_COMPCLASS;
    /* The clauses first (into a side buffer would be cleaner; instead the
     * element is written after choosing the variables, which the element
     * may use). */
    int saved = g->ncompvars;
    int ngen = 1 + (int)pick(g, 2);
    const char *v[2];
    for (int i = 0; i < ngen; i++) v[i] = vars[g->compnext++ % 8];
    for (int i = 0; i < ngen && g->ncompvars < 8; i++) g->compvars[g->ncompvars++] = v[i];
    put(g, kind == 0 ? "[" : kind == 1 ? "{" : kind == 2 ? "{" : "(");
    if (kind == 2) {
        expr(g, d + 1, cfl);
        put(g, ": ");
    }
    expr(g, d + 1, cfl);
    /* Iterables are evaluated with the variables of earlier clauses only;
     * using a later one is still valid Python (a NameError at run time). */
    for (int i = 0; i < ngen; i++) {
        putf(g, " for %s in ", v[i]);
        expr(g, d + 1, cfl | EF_ITER);
        if (chance(g, 3)) {
            put(g, " if ");
            expr(g, d + 1, cfl);
        }
    }
    put(g, kind == 0 ? "]" : kind == 3 ? ")" : "}");
    g->ncompvars = saved;
}

/* Parameters of a def or lambda: distinct names; defaults trail. */
static int params(Gen *g, const char **out, int max, bool lambda, bool method, int d, int fl) {
    int n = 0;
    bool first = true;
    if (method) {
        out[n++] = "self";
        put(g, "self");
        first = false;
    }
    int npos = (int)pick(g, 4), ndef = (int)pick(g, 3);
    bool posonly = !lambda && chance(g, 5);
    for (int i = 0; i < npos && n < max - 4; i++) {
        const char *p = name(g);
        if (has(out, n, p)) continue;
        out[n++] = p;
        putf(g, "%s%s", first ? "" : ", ", p);
        first = false;
        if (i >= npos - ndef) {
            put(g, "=");
            expr(g, d + 1, fl);
        }
    }
    if (posonly && !first) put(g, ", /");
    int star = (int)pick(g, 4);    /* 1: *args, 2: bare * with keyword-only */
    if (star == 1 || star == 2) {
        const char *a = star == 1 ? "args" : NULL;
        if (a && !has(out, n, a)) {
            out[n++] = a;
            putf(g, "%s*%s", first ? "" : ", ", a);
            first = false;
        } else {
            putf(g, "%s*", first ? "" : ", ");
            first = false;
            a = NULL;
        }
        int nk = 1 + (int)pick(g, 2), added = 0;
        for (int i = 0; i < nk && n < max - 2; i++) {
            const char *k = i == 0 ? "k0" : name(g);
            if (has(out, n, k)) continue;
            out[n++] = k;
            putf(g, ", %s", k);
            added++;
            if (chance(g, 2)) {
                put(g, "=");
                expr(g, d + 1, fl);
            }
        }
        (void)added;   /* k0 is always added: a bare * never stays alone */
    }
    if (chance(g, 5) && !has(out, n, "kw")) {
        out[n++] = "kw";
        putf(g, "%s**kw", first ? "" : ", ");
    }
    return n;
}

static void lambda(Gen *g, int d, int fl) {
    put(g, "(lambda");
    const char *ps[MAX_NAMES];
    /* Defaults are evaluated where the lambda is written: outer flags. */
    size_t mark = g->len;
    put(g, " ");
    int n = params(g, ps, MAX_NAMES, true, false, d, fl);
    if (n == 0) {
        g->len = mark;
        g->buf[g->len] = '\0';
    }
    put(g, ": ");
    Ctx *saved = g->ctx;
    int savedc = g->ncompvars;
    expr(g, d + 1, (fl & (EF_FSTR | EF_ITER)) | EF_LAMBDA);
    g->ctx = saved;
    g->ncompvars = savedc;
    put(g, ")");
}

static void fstring(Gen *g, int d, int fl) {
    put(g, "f\"v");
    int n = 1 + (int)pick(g, 2);
    for (int i = 0; i < n; i++) {
        put(g, "{(");
        expr(g, d + 1, fl | EF_FSTR);
        put(g, ")");
        switch (pick(g, 4)) {
        case 1: put(g, "!r"); break;
        case 2: put(g, ":>8"); break;
        case 3:
            put(g, ":{(");
            expr(g, d + 1, fl | EF_FSTR);
            put(g, ")}");
            break;
        default: break;
        }
        put(g, "}-");
    }
    put(g, "\"");
}

static void expr(Gen *g, int d, int fl) {
    if (d >= MAX_EDEPTH || g->pos >= g->size) {
        atom(g, fl);
        return;
    }
    static const char *const binops[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"};
    static const char *const cmps[] = {"<", "<=", "==", "!=", ">", ">=", "is", "is not", "in", "not in"};
    switch (pick(g, 24)) {
    case 0: atom(g, fl); return;
    case 1: case 2:
        put(g, "(");
        expr(g, d + 1, fl);
        putf(g, " %s ", binops[pick(g, sizeof binops / sizeof *binops)]);
        expr(g, d + 1, fl);
        put(g, ")");
        return;
    case 3:
        put(g, pick(g, 2) ? "(not " : "(-");
        expr(g, d + 1, fl);
        put(g, ")");
        return;
    case 4:
        put(g, "(");
        expr(g, d + 1, fl);
        put(g, pick(g, 2) ? " and " : " or ");
        expr(g, d + 1, fl);
        put(g, ")");
        return;
    case 5: {
        put(g, "(");
        expr(g, d + 1, fl);
        int n = 1 + (int)pick(g, 2);
        for (int i = 0; i < n; i++) {
            putf(g, " %s ", cmps[pick(g, sizeof cmps / sizeof *cmps)]);
            expr(g, d + 1, fl);
        }
        put(g, ")");
        return;
    }
    case 6: case 7:     /* call */
        if (pick(g, 2)) put(g, name(g));
        else {
            put(g, "(");
            expr(g, d + 1, fl);
            put(g, ")");
        }
        call_args(g, d, fl);
        return;
    case 8:             /* attribute */
        put(g, "(");
        expr(g, d + 1, fl);
        putf(g, ").%s", name(g));
        return;
    case 9:             /* method call */
        put(g, name(g));
        putf(g, ".%s", name(g));
        call_args(g, d, fl);
        return;
    case 10:            /* subscript, slice */
        put(g, "(");
        expr(g, d + 1, fl);
        put(g, ")[");
        switch (pick(g, 3)) {
        case 0: expr(g, d + 1, fl); break;
        case 1:
            expr(g, d + 1, fl);
            put(g, ":");
            if (pick(g, 2)) expr(g, d + 1, fl);
            if (pick(g, 2)) {
                put(g, ":");
                expr(g, d + 1, fl);
            }
            break;
        default:
            expr(g, d + 1, fl);
            put(g, ", ");
            expr(g, d + 1, fl);
        }
        put(g, "]");
        return;
    case 11: {          /* displays */
        int k = (int)pick(g, 4), n = (int)pick(g, 4);
        put(g, k == 0 ? "[" : k == 1 ? "(" : "{");
        for (int i = 0; i < n; i++) {
            if (i) put(g, ", ");
            if (k == 3) {
                if (chance(g, 5)) {
                    put(g, "**");
                    expr(g, d + 1, fl);
                    continue;
                }
                expr(g, d + 1, fl);
                put(g, ": ");
                expr(g, d + 1, fl);
            } else {
                if (chance(g, 6)) put(g, "*");
                expr(g, d + 1, fl);
            }
        }
        if (k == 1 && n == 1) put(g, ",");
        if (k == 2 && n == 0) {         /* {} would be a dict */
            put(g, "1");
        }
        put(g, k == 0 ? "]" : k == 1 ? ")" : "}");
        return;
    }
    case 12: comprehension(g, d, fl); return;
    case 13: lambda(g, d, fl); return;
    case 14:
        put(g, "(");
        expr(g, d + 1, fl);
        put(g, " if ");
        expr(g, d + 1, fl);
        put(g, " else ");
        expr(g, d + 1, fl);
        put(g, ")");
        return;
    case 15:
        if (fl & EF_FSTR) break;
        fstring(g, d, fl);
        return;
    case 16:            /* := */
        if (fl & (EF_ITER | EF_COMPCLASS)) break;
        {
            const char *t = name(g);
            if (has(g->ctx->params, g->ctx->nparams, t) && (fl & EF_COMP)) break;
            putf(g, "(%s := ", t);
            expr(g, d + 1, fl);
            put(g, ")");
        }
        return;
    case 17:
        if (!yield_ok(g, fl)) break;
        switch (pick(g, 3)) {
        case 0: put(g, "(yield)"); return;
        case 1: put(g, "(yield "); break;
        default: put(g, "(yield from "); break;
        }
        expr(g, d + 1, fl);
        put(g, ")");
        return;
    case 18:
        if (!await_ok(g, fl)) break;
        put(g, "(await (");
        expr(g, d + 1, fl);
        put(g, "))");
        return;
    case 19:            /* super: in methods, and anywhere else (nested defs, lambdas,
                           comprehensions, module level: a run-time error or a value) */
        if (!g->ctx->is_method && !chance(g, 4)) break;
        putf(g, "super().%s", name(g));
        call_args(g, d, fl);
        return;
    case 21:            /* the namespaces as values: live globals(), frame locals() */
        switch (pick(g, 4)) {
        case 0: put(g, "globals()"); return;
        case 1: put(g, "locals()"); return;
        case 2: putf(g, "globals().setdefault('%s', ", name(g)); break;
        default: putf(g, "vars().get('%s', ", name(g)); break;
        }
        expr(g, d + 1, fl);
        put(g, ")");
        return;
    case 20:
        if (g->ctx->is_method) {
            putf(g, "self.%s", name(g));
            return;
        }
        break;
    default: break;
    }
    atom(g, fl);
}

/* ---- statements -------------------------------------------------------- */

static void block(Gen *g);
static void stmt(Gen *g);
static void funcdef(Gen *g, bool method);
static void classdef(Gen *g);

static bool budget(Gen *g) { return g->stmts < MAX_STMTS && g->depth < MAX_DEPTH; }

/* An assignment target: a name (not one declared in an enclosing-only
 * way), a tuple with at most one star, an attribute or a subscript. */
static void target(Gen *g, bool allow_tuple) {
    switch (allow_tuple ? pick(g, 5) : pick(g, 3)) {
    case 1:
        put(g, "(");
        expr(g, 2, 0);
        putf(g, ").%s", name(g));
        return;
    case 2:
        put(g, name(g));
        put(g, "[");
        expr(g, 2, 0);
        put(g, "]");
        return;
    case 3: case 4: {
        int n = 2 + (int)pick(g, 2);
        bool star = false;
        for (int i = 0; i < n; i++) {
            if (i) put(g, ", ");
            if (!star && chance(g, 4)) {
                star = true;
                put(g, "*");
            }
            put(g, name(g));
        }
        return;
    }
    default: put(g, name(g)); return;
    }
}

static void body_of(Gen *g) {
    put(g, ":\n");
    g->indent++;
    g->depth++;
    block(g);
    g->depth--;
    g->indent--;
}

/* A match pattern. `caps` collects the names it captures so that none
 * repeats; a capture or `_` standing alone only where an irrefutable
 * pattern is allowed; OR alternatives are literals (they bind nothing). */
static void pattern(Gen *g, int d, const char **caps, int *ncaps, bool irrefutable_ok) {
    static const char *const lits[] = {"1", "-2", "'s'", "None", "True", "1.5", "b'x'", "0", "-0.5", "2j"};
    unsigned nlits = sizeof lits / sizeof *lits;
    unsigned k = pick(g, d >= 2 ? 4 : 9);
    switch (k) {
    case 1: case 2: {
        const char *n = name(g);
        bool dup = false;
        for (int i = 0; i < *ncaps; i++) dup |= strcmp(caps[i], n) == 0;
        if (!irrefutable_ok || dup || *ncaps >= MAX_NAMES) break;
        if (k == 2) {
            put(g, "_");
            return;
        }
        caps[(*ncaps)++] = n;
        put(g, n);
        return;
    }
    case 3: putf(g, "%s.%s", name(g), name(g)); return;
    case 4: case 5: {
        put(g, k == 4 ? "[" : "(");
        int n = (int)pick(g, 4);
        bool star = false;
        for (int i = 0; i < n; i++) {
            if (i) put(g, ", ");
            if (!star && chance(g, 4)) {
                star = true;
                const char *nm = name(g);
                bool dup = false;
                for (int j = 0; j < *ncaps; j++) dup |= strcmp(caps[j], nm) == 0;
                if (dup || *ncaps >= MAX_NAMES) {
                    put(g, "*_");
                } else {
                    caps[(*ncaps)++] = nm;
                    putf(g, "*%s", nm);
                }
                continue;
            }
            pattern(g, d + 1, caps, ncaps, true);
        }
        put(g, k == 4 ? "]" : n == 1 ? ",)" : ")");
        return;
    }
    case 6: {
        put(g, "{");
        int n = (int)pick(g, 3);
        for (int i = 0; i < n; i++) {
            putf(g, "%s'k%d': ", i ? ", " : "", i);
            pattern(g, d + 1, caps, ncaps, true);
        }
        if (chance(g, 3)) {
            const char *nm = name(g);
            bool dup = false;
            for (int j = 0; j < *ncaps; j++) dup |= strcmp(caps[j], nm) == 0;
            if (!dup && *ncaps < MAX_NAMES) {
                caps[(*ncaps)++] = nm;
                putf(g, "%s**%s", n ? ", " : "", nm);
            }
        }
        put(g, "}");
        return;
    }
    case 7: {
        putf(g, "%s(", name(g));
        int n = (int)pick(g, 3);
        for (int i = 0; i < n; i++) {
            if (i) put(g, ", ");
            pattern(g, d + 1, caps, ncaps, true);
        }
        if (chance(g, 2)) {
            putf(g, "%sattr_%u=", n ? ", " : "", pick(g, 100));
            pattern(g, d + 1, caps, ncaps, true);
        }
        put(g, ")");
        return;
    }
    case 8: {
        int n = 2 + (int)pick(g, 2);
        for (int i = 0; i < n; i++) putf(g, "%s%s", i ? " | " : "", lits[pick(g, nlits)]);
        return;
    }
    default: break;
    }
    put(g, lits[pick(g, nlits)]);
}

static void match_stmt(Gen *g) {
    line_start(g);
    put(g, "match ");
    expr(g, 0, 0);
    put(g, ":\n");
    g->indent++;
    int n = 1 + (int)pick(g, 3);
    for (int i = 0; i < n; i++) {
        const char *caps[MAX_NAMES];
        int ncaps = 0;
        bool guard = chance(g, 3);
        line_start(g);
        put(g, "case ");
        pattern(g, 0, caps, &ncaps, guard || i == n - 1);
        if (chance(g, 4) && ncaps < MAX_NAMES) {
            const char *nm = name(g);
            bool dup = false;
            for (int j = 0; j < ncaps; j++) dup |= strcmp(caps[j], nm) == 0;
            if (!dup) putf(g, " as %s", nm);
        }
        if (guard) {
            put(g, " if ");
            expr(g, 1, 0);
        }
        body_of(g);
    }
    g->indent--;
}

static void simple_line(Gen *g, const char *s) {
    line_start(g);
    put(g, s);
    put(g, "\n");
}

static void import_stmt(Gen *g) {
    static const char *const k[] = {
        "import sys", "import math", "import math as m", "from random import random, seed",
        "import time, random", "from math import sqrt as root, pi", "import helper",
        "from sys import argv", "from math import *", "from . import sibling",
    };
    unsigned n = sizeof k / sizeof *k;
    const char *s = k[pick(g, n)];
    if (g->ctx->kind != K_MODULE && strchr(s, '*')) s = "import sys";
    line_start(g);
    put(g, s);
    put(g, "\n");
}

static void stmt(Gen *g) {
    g->stmts++;
    Ctx *c = g->ctx;
    bool in_func = c->kind == K_FUNC || c->kind == K_ASYNC;
    unsigned k = pick(g, 24);
    if (!budget(g) && k >= 3 && k <= 9) k = 0;   /* no new blocks */
    switch (k) {
    case 0:
        line_start(g);
        expr(g, 0, 0);
        put(g, "\n");
        return;
    case 1: case 2:
        line_start(g);
        target(g, true);
        put(g, " = ");
        expr(g, 0, 0);
        put(g, "\n");
        return;
    case 3:
        line_start(g);
        put(g, "if ");
        expr(g, 0, 0);
        body_of(g);
        while (chance(g, 3)) {
            line_start(g);
            put(g, "elif ");
            expr(g, 0, 0);
            body_of(g);
        }
        if (chance(g, 2)) {
            line_start(g);
            put(g, "else");
            body_of(g);
        }
        return;
    case 4: case 5: {
        bool saved = c->in_loop;
        line_start(g);
        if (k == 4) {
            put(g, c->kind == K_ASYNC && chance(g, 4) ? "async for " : "for ");
            target(g, true);
            put(g, " in ");
        } else {
            put(g, "while ");
        }
        expr(g, 0, 0);
        c->in_loop = true;
        body_of(g);
        c->in_loop = saved;
        if (chance(g, 4)) {
            line_start(g);
            put(g, "else");
            body_of(g);
        }
        return;
    }
    case 6: {
        line_start(g);
        put(g, "try");
        body_of(g);
        int nh = (int)pick(g, 3);
        static const char *const types[] = {"", " Exception", " (ValueError, TypeError)", " KeyError as x",
                                            " Exception as item"};
        for (int i = 0; i < nh; i++) {
            line_start(g);
            /* A bare except must be last. */
            const char *t = types[i == nh - 1 ? pick(g, 5) : 1 + pick(g, 4)];
            putf(g, "except%s", t);
            body_of(g);
        }
        if (nh && chance(g, 3)) {
            line_start(g);
            put(g, "else");
            body_of(g);
        }
        if (!nh || chance(g, 2)) {
            line_start(g);
            put(g, "finally");
            body_of(g);
        }
        return;
    }
    case 7:
        line_start(g);
        put(g, c->kind == K_ASYNC && chance(g, 4) ? "async with " : "with ");
        expr(g, 0, 0);
        if (pick(g, 2)) putf(g, " as %s", name(g));
        if (chance(g, 3)) {
            put(g, ", ");
            expr(g, 0, 0);
            put(g, " as (a, b)");
        }
        body_of(g);
        return;
    case 8: funcdef(g, false); return;
    case 9: classdef(g); return;
    case 10:
        if (!in_func) break;
        line_start(g);
        put(g, "return");
        if (pick(g, 3)) {
            put(g, " ");
            expr(g, 0, 0);
        }
        put(g, "\n");
        return;
    case 11:
        line_start(g);
        put(g, "del ");
        target(g, false);
        put(g, "\n");
        return;
    case 12:
        line_start(g);
        switch (pick(g, 4)) {
        case 0: put(g, "raise"); break;
        case 1: put(g, "raise ValueError("); expr(g, 1, 0); put(g, ")"); break;
        case 2: put(g, "raise KeyError from None"); break;
        default: put(g, "raise "); expr(g, 1, 0); put(g, " from "); expr(g, 1, 0); break;
        }
        put(g, "\n");
        return;
    case 13:
        line_start(g);
        put(g, "assert ");
        expr(g, 0, 0);
        if (pick(g, 2)) {
            put(g, ", ");
            expr(g, 1, 0);
        }
        put(g, "\n");
        return;
    case 14: import_stmt(g); return;
    case 15:
        if (!c->in_loop) break;
        simple_line(g, pick(g, 2) ? "break" : "continue");
        return;
    case 16: {
        static const char *const ops[] = {"+=", "-=", "*=", "//=", "|=", "**=", "@="};
        line_start(g);
        target(g, false);
        putf(g, " %s ", ops[pick(g, sizeof ops / sizeof *ops)]);
        expr(g, 0, 0);
        put(g, "\n");
        return;
    }
    case 17:
        line_start(g);
        put(g, "print(");
        expr(g, 0, 0);
        if (chance(g, 3)) {
            put(g, ", sep=");
            expr(g, 1, 0);
        }
        put(g, ")\n");
        return;
    case 18:
        if (c->kind != K_FUNC) break;
        line_start(g);
        put(g, pick(g, 2) ? "yield " : "yield from ");
        expr(g, 0, 0);
        put(g, "\n");
        return;
    case 19:            /* annotated assignment: module and class bodies only */
        if (in_func) break;
        line_start(g);
        putf(g, "%s: ", name(g));
        expr(g, 1, 0);
        if (pick(g, 3)) {
            put(g, " = ");
            expr(g, 0, 0);
        }
        put(g, "\n");
        return;
    case 21:
        if (!budget(g)) break;
        match_stmt(g);
        return;
    case 20:
        if (c->kind != K_ASYNC) break;
        line_start(g);
        put(g, "await (");
        expr(g, 1, 0);
        put(g, ")\n");
        return;
    default: break;
    }
    simple_line(g, pick(g, 2) ? "pass" : name(g));
}

static void block(Gen *g) {
    int n = 1 + (int)pick(g, 4);
    for (int i = 0; i < n; i++) stmt(g);
}

static void decorators(Gen *g, bool method) {
    int n = (int)pick(g, 5) == 1 ? 1 + (int)pick(g, 2) : 0;
    for (int i = 0; i < n; i++) {
        line_start(g);
        switch (pick(g, 4)) {
        case 0: putf(g, "@%s\n", name(g)); break;
        case 1:
            put(g, "@");
            put(g, name(g));
            call_args(g, 2, 0);
            put(g, "\n");
            break;
        case 2: put(g, method ? "@property\n" : "@staticmethod\n"); break;
        default: putf(g, "@%s.%s\n", name(g), name(g)); break;
        }
    }
}

static void funcdef(Gen *g, bool method) {
    Ctx *parent = g->ctx;
    decorators(g, method);
    bool async = chance(g, 8);
    line_start(g);
    putf(g, "%sdef %s(", async ? "async " : "", name(g));
    Ctx c = {.kind = async ? K_ASYNC : K_FUNC, .parent = parent, .is_method = method};
    c.nparams = params(g, c.params, MAX_NAMES, false, method, 0, 0);
    put(g, ")");
    if (chance(g, 4)) {
        put(g, " -> ");
        expr(g, 2, 0);
    }
    put(g, ":\n");
    g->indent++;
    g->depth++;
    g->ctx = &c;
    /* Declarations first, then the first bindings. */
    if (chance(g, 3)) {
        const char *n = name(g);
        if (!has(c.params, c.nparams, n)) {
            c.declared[c.ndeclared++] = n;
            line_start(g);
            putf(g, "global %s\n", n);
        }
    }
    if ((parent->kind == K_FUNC || parent->kind == K_ASYNC) && parent->nlocals && chance(g, 2)) {
        const char *n = parent->locals[pick(g, (unsigned)parent->nlocals)];
        if (!has(c.params, c.nparams, n) && !has(c.declared, c.ndeclared, n)) {
            c.declared[c.ndeclared++] = n;
            line_start(g);
            putf(g, "nonlocal %s\n", n);
        }
    }
    int nl = (int)pick(g, 4);
    for (int i = 0; i < nl && c.nlocals < MAX_NAMES; i++) {
        const char *n = name(g);
        line_start(g);
        putf(g, "%s = ", n);
        expr(g, 1, 0);
        put(g, "\n");
        if (!has(c.declared, c.ndeclared, n) && !has(c.locals, c.nlocals, n)) c.locals[c.nlocals++] = n;
    }
    block(g);
    g->ctx = parent;
    g->depth--;
    g->indent--;
}

static void classdef(Gen *g) {
    Ctx *parent = g->ctx;
    decorators(g, false);
    line_start(g);
    putf(g, "class %s", name(g));
    if (pick(g, 2)) {
        put(g, "(");
        int n = 1 + (int)pick(g, 2);
        for (int i = 0; i < n; i++) {
            if (i) put(g, ", ");
            expr(g, 2, 0);
        }
        put(g, ")");
    }
    put(g, ":\n");
    Ctx c = {.kind = K_CLASS, .parent = parent};
    g->ctx = &c;
    g->indent++;
    g->depth++;
    if (chance(g, 4)) simple_line(g, "'A class.'");
    int n = 1 + (int)pick(g, 4);
    for (int i = 0; i < n; i++) {
        g->stmts++;
        switch (budget(g) ? pick(g, 6) : 5) {
        case 0: case 1: funcdef(g, true); break;
        case 2: classdef(g); break;
        case 3:
            line_start(g);
            putf(g, "%s = ", name(g));
            expr(g, 0, 0);
            put(g, "\n");
            break;
        case 4: stmt(g); break;
        default: simple_line(g, "pass"); break;
        }
    }
    g->depth--;
    g->indent--;
    g->ctx = parent;
}

char *progen_program(const uint8_t *data, size_t size, size_t *len) {
    Gen g = {.data = data, .size = size};
    Ctx module = {.kind = K_MODULE};
    g.ctx = &module;
    g.buf = malloc(256);
    if (!g.buf) abort();
    g.cap = 256;
    g.buf[0] = '\0';
    while (g.stmts < MAX_STMTS && g.pos < g.size) stmt(&g);
    if (!g.len) put(&g, "pass\n");
    *len = g.len;
    return g.buf;
}

#ifdef PROGEN_MAIN
/* progen FILE…          the program made from each file's bytes
 * progen -seed N COUNT  COUNT programs from pseudo-random bytes, each
 *                       preceded by a line "#### program K" */
int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "-seed") == 0) {
        unsigned long long s = strtoull(argv[2], NULL, 10) * 2654435761u + 1;
        int count = atoi(argv[3]);
        for (int k = 0; k < count; k++) {
            uint8_t bytes[1024];
            size_t n = 64 + (size_t)(s >> 33) % 900;
            for (size_t i = 0; i < n; i++) {
                s = s * 6364136223846793005ull + 1442695040888963407ull;
                bytes[i] = (uint8_t)(s >> 56);
            }
            size_t len;
            char *p = progen_program(bytes, n, &len);
            printf("#### program %d\n%s", k, p);
            free(p);
        }
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 2;
        }
        static uint8_t bytes[1 << 20];
        size_t n = fread(bytes, 1, sizeof bytes, f);
        fclose(f);
        size_t len;
        char *p = progen_program(bytes, n, &len);
        fputs(p, stdout);
        free(p);
    }
    return 0;
}
#endif
