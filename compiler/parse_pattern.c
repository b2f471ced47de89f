/*
 * parse_pattern.c — the SyntaxErrors CPython's compiler (not its parser)
 * raises for match statements, checked as soon as a match statement has
 * been parsed, so that `aithonc --parse-only` reports them as CPython's
 * compile() does:
 *
 *   name capture 'x' makes remaining patterns unreachable
 *   wildcard makes remaining patterns unreachable
 *   multiple assignments to name 'x' in pattern
 *   alternative patterns bind different names
 *   multiple starred names in sequence pattern
 *   attribute name repeated in class pattern: x
 *   mapping pattern checks duplicate key (…)
 *
 * Input: one S_MATCH statement. Output: at most one diagnostic per match
 * statement (CPython stops at the first), nothing else; the AST is not
 * changed.
 *
 * The walk follows CPython 3.11's compile order (compiler_pattern_*):
 * patterns in source order, except that the wildcard sub-patterns of a
 * class pattern, and every sub-pattern of a sequence made only of
 * wildcards, are not visited. CPython reports an error at "the current
 * location", the last pattern node it visited, so `loc` tracks that.
 * Irrefutable patterns (a capture or `_` without a sub-pattern) are
 * allowed only as the last alternative of the last unguarded case, of a
 * guarded case, or inside a sequence, mapping or class pattern.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse_impl.h"

typedef struct {
    Arena *arena;
    SrcSpan loc;           /* the last pattern visited */
    const char **stores;   /* names bound so far, in order */
    int nstores, cap;
    bool failed;
} Check;

__attribute__((format(printf, 2, 3))) static void fail(Check *c, const char *fmt, ...) {
    if (c->failed) return;
    c->failed = true;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_error(E_SYNTAX, c->loc.line, c->loc.col, "%s", msg);
}

static bool is_wildcard(const Pattern *p) {
    return p->kind == P_AS && !p->u.as.pattern && !p->u.as.name;
}

static void store(Check *c, const char *name) {
    if (!name || c->failed) return;
    for (int i = 0; i < c->nstores; i++)
        if (strcmp(c->stores[i], name) == 0) {
            fail(c, "multiple assignments to name '%s' in pattern", name);
            return;
        }
    c->stores = arena_grow(c->arena, c->stores, &c->cap, c->nstores + 1, sizeof *c->stores);
    c->stores[c->nstores++] = name;
}

/* ---- literal keys of mapping patterns ------------------------------------------ */

/* A literal key folded as CPython's AST optimizer does (-1, 1+2j). */
typedef struct {
    enum { K_NUM, K_BIGINT, K_STR, K_BYTES, K_NONE, K_OTHER } kind;
    double re, im;         /* K_NUM */
    bool is_int, is_bool, is_complex;
    int64_t ival;          /* K_NUM with is_int */
    bool neg;              /* K_BIGINT */
    const char *s;         /* K_BIGINT digits, K_STR/K_BYTES data */
    size_t len;
} Key;

static bool const_key(const Expr *x, Key *k, bool neg) {
    memset(k, 0, sizeof *k);
    if (x->kind == E_UNARYOP && x->u.unaryop.op == UOP_USUB) {
        if (neg) return false;
        return const_key(x->u.unaryop.operand, k, true);
    }
    if (x->kind == E_BINOP && (x->u.binop.op == OP_ADD || x->u.binop.op == OP_SUB)) {
        Key l, r;
        if (!const_key(x->u.binop.left, &l, false) || !const_key(x->u.binop.right, &r, false)) return false;
        if (l.kind != K_NUM || r.kind != K_NUM) return false;
        *k = l;
        k->is_int = k->is_bool = false;
        k->is_complex = true;
        k->im = x->u.binop.op == OP_ADD ? r.im : -r.im;
        return true;
    }
    if (x->kind != E_CONSTANT) return false;
    const Constant *c = &x->u.constant;
    switch (c->kind) {
    case CONST_NONE: k->kind = K_NONE; return true;
    case CONST_TRUE: case CONST_FALSE:
        k->kind = K_NUM;
        k->is_int = k->is_bool = true;
        k->ival = c->kind == CONST_TRUE;
        k->re = (double)k->ival;
        return true;
    case CONST_INT:
        if (c->big) {
            k->kind = K_BIGINT;
            k->s = c->big;
            k->neg = neg;
            return true;
        }
        k->kind = K_NUM;
        k->is_int = true;
        k->ival = neg ? -c->ival : c->ival;
        k->re = (double)k->ival;
        return true;
    case CONST_FLOAT:
        k->kind = K_NUM;
        k->re = neg ? -c->fval : c->fval;
        return true;
    case CONST_IMAG:
        k->kind = K_NUM;
        k->is_complex = true;
        k->im = neg ? -c->fval : c->fval;
        k->re = neg ? -0.0 : 0.0;
        return true;
    case CONST_STR: k->kind = K_STR; k->s = c->str; k->len = c->len; return true;
    case CONST_BYTES: k->kind = K_BYTES; k->s = c->str; k->len = c->len; return true;
    default: k->kind = K_OTHER; return true;
    }
}

static bool key_eq(const Key *a, const Key *b) {
    if (a->kind != b->kind) return false;
    switch (a->kind) {
    case K_NUM:
        if (a->is_int && b->is_int) return a->ival == b->ival;
        return a->re == b->re && a->im == b->im;
    case K_BIGINT: return a->neg == b->neg && strcmp(a->s, b->s) == 0;
    case K_STR: case K_BYTES: return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
    case K_NONE: return true;
    default: return false;
    }
}

/* Python's repr of a float: the shortest digits that read back, in
 * fixed notation for exponents -4 … 15, else scientific. */
static void float_repr(double d, char *out, size_t n, bool force_point) {
    if (isnan(d)) { snprintf(out, n, "nan"); return; }
    if (isinf(d)) { snprintf(out, n, d < 0 ? "-inf" : "inf"); return; }
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (strtod(buf, NULL) == d) break;
    }
    /* buf: [-]D[.DDD]e[+-]XX */
    char digits[24];
    int nd = 0;
    const char *q = buf;
    bool negative = *q == '-';
    if (negative) q++;
    for (; *q && *q != 'e'; q++)
        if (*q != '.') digits[nd++] = *q;
    int exp = atoi(q + 1);
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = 0;
    char *o = out;
    size_t left = n;
#define PUT(...) do { int w = snprintf(o, left, __VA_ARGS__); if (w > 0 && (size_t)w < left) { o += w; left -= (size_t)w; } } while (0)
    if (negative) PUT("-");
    if (exp >= -4 && exp < 16) {
        if (exp < 0) {
            PUT("0.");
            for (int i = 0; i < -exp - 1; i++) PUT("0");
            PUT("%s", digits);
        } else if (nd <= exp + 1) {
            PUT("%s", digits);
            for (int i = nd; i < exp + 1; i++) PUT("0");
            if (force_point) PUT(".0");
        } else {
            PUT("%.*s.%s", exp + 1, digits, digits + exp + 1);
        }
    } else {
        PUT("%c", digits[0]);
        if (nd > 1) PUT(".%s", digits + 1);
        PUT("e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
#undef PUT
}

static void quote_bytes(char *out, size_t n, const char *s, size_t len, bool is_bytes) {
    bool has_sq = memchr(s, '\'', len) != NULL, has_dq = memchr(s, '"', len) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    size_t o = 0;
    if (is_bytes && o + 1 < n) out[o++] = 'b';
    if (o + 1 < n) out[o++] = q;
    for (size_t i = 0; i < len && o + 8 < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == (unsigned char)q || ch == '\\') { out[o++] = '\\'; out[o++] = (char)ch; }
        else if (ch == '\n') { out[o++] = '\\'; out[o++] = 'n'; }
        else if (ch == '\r') { out[o++] = '\\'; out[o++] = 'r'; }
        else if (ch == '\t') { out[o++] = '\\'; out[o++] = 't'; }
        else if (ch < 0x20 || ch == 0x7f || (is_bytes && ch >= 0x80))
            o += (size_t)snprintf(out + o, n - o, "\\x%02x", ch);
        else out[o++] = (char)ch;
    }
    if (o + 1 < n) out[o++] = q;
    out[o] = 0;
}

static void key_repr(const Key *k, char *out, size_t n) {
    switch (k->kind) {
    case K_NONE: snprintf(out, n, "None"); return;
    case K_BIGINT: snprintf(out, n, "%s%s", k->neg ? "-" : "", k->s); return;
    case K_STR: quote_bytes(out, n, k->s, k->len, false); return;
    case K_BYTES: quote_bytes(out, n, k->s, k->len, true); return;
    case K_NUM:
        if (k->is_bool) { snprintf(out, n, k->ival ? "True" : "False"); return; }
        if (k->is_int) { snprintf(out, n, "%lld", (long long)k->ival); return; }
        if (!k->is_complex) { float_repr(k->re, out, n, true); return; }
        {
            char re[40], im[40];
            float_repr(k->im, im, sizeof im, false);
            if (k->re == 0 && !signbit(k->re)) { snprintf(out, n, "%sj", im); return; }
            float_repr(k->re, re, sizeof re, false);
            snprintf(out, n, "(%s%s%sj)", re, im[0] == '-' ? "" : "+", im);
        }
        return;
    default: snprintf(out, n, "?"); return;
    }
}

/* ---- the walk ------------------------------------------------------------------- */

static void pattern(Check *c, const Pattern *p, bool allow_irrefutable);

static void subpattern(Check *c, const Pattern *p) { pattern(c, p, true); }

static void sequence(Check *c, const Pattern *p) {
    const PatternList *l = &p->u.sequence.patterns;
    int star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < l->n; i++) {
        const Pattern *q = l->v[i];
        if (q->kind == P_STAR) {
            if (star >= 0) {
                fail(c, "multiple starred names in sequence pattern");
                return;
            }
            star_wildcard = !q->u.star.name;
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= is_wildcard(q);
    }
    if (only_wildcard) return;
    for (int i = 0; i < l->n && !c->failed; i++) {
        const Pattern *q = l->v[i];
        if (star_wildcard && (i == star || is_wildcard(q))) continue;
        subpattern(c, q);
    }
}

static void mapping(Check *c, const Pattern *p) {
    const ExprList *keys = &p->u.mapping.keys;
    Key *seen = arena_alloc(c->arena, sizeof(Key) * (size_t)(keys->n + 1));
    int nseen = 0;
    for (int i = 0; i < keys->n; i++) {
        Key k;
        if (!const_key(keys->v[i], &k, false)) continue;   /* a value pattern */
        for (int j = 0; j < nseen; j++)
            if (key_eq(&seen[j], &k)) {
                char r[256];
                key_repr(&k, r, sizeof r);
                fail(c, "mapping pattern checks duplicate key (%s)", r);
                return;
            }
        seen[nseen++] = k;
    }
    for (int i = 0; i < p->u.mapping.patterns.n && !c->failed; i++) subpattern(c, p->u.mapping.patterns.v[i]);
    store(c, p->u.mapping.rest);
}

static void class_(Check *c, const Pattern *p) {
    const NameList *attrs = &p->u.cls.kwd_attrs;
    for (int i = 0; i < attrs->n; i++) {
        c->loc = p->u.cls.kwd_patterns.v[i]->pos;
        for (int j = i + 1; j < attrs->n; j++)
            if (strcmp(attrs->v[i], attrs->v[j]) == 0) {
                c->loc = p->u.cls.kwd_patterns.v[j]->pos;
                fail(c, "attribute name repeated in class pattern: %s", attrs->v[i]);
                return;
            }
    }
    int n = p->u.cls.patterns.n;
    for (int i = 0; i < n + attrs->n && !c->failed; i++) {
        const Pattern *q = i < n ? p->u.cls.patterns.v[i] : p->u.cls.kwd_patterns.v[i - n];
        if (!is_wildcard(q)) subpattern(c, q);
    }
}

static void or_(Check *c, const Pattern *p, bool allow_irrefutable) {
    const PatternList *alts = &p->u.or_.patterns;
    const char **outer = c->stores;
    int nouter = c->nstores, capouter = c->cap;
    const char **control = NULL;
    int ncontrol = 0;
    for (int i = 0; i < alts->n && !c->failed; i++) {
        c->stores = NULL;
        c->nstores = c->cap = 0;
        c->loc = alts->v[i]->pos;
        pattern(c, alts->v[i], i == alts->n - 1 && allow_irrefutable);
        if (c->failed) break;
        if (i == 0) {
            control = c->stores;
            ncontrol = c->nstores;
            continue;
        }
        bool same = c->nstores == ncontrol;
        for (int j = 0; j < c->nstores && same; j++) {
            bool found = false;
            for (int k = 0; k < ncontrol && !found; k++) found = strcmp(c->stores[j], control[k]) == 0;
            same = found;
        }
        if (!same) fail(c, "alternative patterns bind different names");
    }
    c->stores = outer;
    c->nstores = nouter;
    c->cap = capouter;
    for (int i = 0; i < ncontrol && !c->failed; i++) store(c, control[i]);
}

static void pattern(Check *c, const Pattern *p, bool allow_irrefutable) {
    if (c->failed) return;
    c->loc = p->pos;
    switch (p->kind) {
    case P_VALUE: case P_SINGLETON: return;
    case P_SEQUENCE: sequence(c, p); return;
    case P_MAPPING: mapping(c, p); return;
    case P_CLASS: class_(c, p); return;
    case P_STAR: store(c, p->u.star.name); return;
    case P_AS:
        if (!p->u.as.pattern) {
            if (!allow_irrefutable) {
                if (p->u.as.name) fail(c, "name capture '%s' makes remaining patterns unreachable", p->u.as.name);
                else fail(c, "wildcard makes remaining patterns unreachable");
                return;
            }
        } else {
            pattern(c, p->u.as.pattern, allow_irrefutable);
        }
        store(c, p->u.as.name);
        return;
    case P_OR: or_(c, p, allow_irrefutable); return;
    }
}

void parse_check_match(Parser *p, const Stmt *s) {
    if (p->speculating) return;
    const MatchCaseList *cases = &s->u.match.cases;
    /* A last `case _:` after other cases is CPython's default: not compiled
     * as a pattern at all. */
    int n = cases->n;
    if (n > 1 && is_wildcard(cases->v[n - 1]->pattern) && !cases->v[n - 1]->guard) n--;
    Check c = {.arena = p->arena};
    for (int i = 0; i < n && !c.failed; i++) {
        const MatchCase *mc = cases->v[i];
        c.stores = NULL;
        c.nstores = c.cap = 0;
        pattern(&c, mc->pattern, mc->guard != NULL || i == cases->n - 1);
    }
}
