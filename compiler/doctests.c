/*
 * doctests.c — the hidden module of a program's doctest examples (see
 * doctests.h).
 *
 * Input: the program's source units. Output: the AST of DOCTESTS_MODULE.
 *
 * Which docstrings: CPython's DocTestFinder walks the module's objects at
 * run time; here the walk is over the AST: the module docstring, each
 * def and class bound at module level (also inside if/try/for/while/with
 * blocks, never inside a def), and recursively each def and class in a
 * class body. doctest.py repeats CPython's walk at run time and picks
 * the entry whose qualname (then whose example sources) match, so a
 * docstring this walk reaches but the run-time walk does not is simply
 * not run.
 *
 * Examples are split as CPython's DocTestParser splits them (its
 * _EXAMPLE_RE, after expandtabs): a `>>>` line and the `...` lines after
 * it are the source, each cut after the prompt's indentation and four
 * characters; examples whose source is blank or one comment are skipped.
 * The sources are stored in the table so doctest.py can check that it
 * split the same text the same way (an example it cannot match is a
 * clear error there, never a silent pass).
 *
 * Each example becomes `def __aithon_dt_N(): <example>` with
 * funcdef.example set: scope.c makes its names global and the emitter
 * sends its expression statements to sys.displayhook. The module keeps
 * globals() (so its namespace is a live dict: scope.c), which doctest.py
 * fills with a copy of the tested module's globals before each docstring:
 * the examples of one docstring share that namespace, as in CPython. An
 * example that does not parse becomes `raise SyntaxError(msg)` (CPython
 * reports it when the example runs, not when the program is compiled).
 */
#include "doctests.h"

#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "modules.h"
#include "parse.h"

/* ---- text buffer ------------------------------------------------------------ */

typedef struct {
    Arena *a;
    char *s;
    int len, cap;
} Buf;

static void put(Buf *b, const char *s, size_t n) {
    b->s = arena_grow(b->a, b->s, &b->cap, b->len + (int)n + 1, 1);
    memcpy(b->s + b->len, s, n);
    b->len += (int)n;
    b->s[b->len] = '\0';
}

static void puts_(Buf *b, const char *s) { put(b, s, strlen(s)); }

/* A Python string literal for the n bytes of UTF-8 at s. */
static void put_literal(Buf *b, const char *s, size_t n) {
    puts_(b, "'");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        if (c == '\\' || c == '\'') {
            esc[0] = '\\';
            esc[1] = (char)c;
            put(b, esc, 2);
        } else if (c == '\n') {
            puts_(b, "\\n");
        } else if (c < 0x20 || c == 0x7f) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            puts_(b, esc);
        } else {
            put(b, (const char *)&c, 1);
        }
    }
    puts_(b, "'");
}

/* ---- splitting a docstring ------------------------------------------------- */

/* str.expandtabs(8): columns count code points, restart after \n and \r. */
static char *expandtabs(Arena *a, const char *s, size_t n, size_t *out_len) {
    Buf b = {a, NULL, 0, 0};
    int col = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t') {
            int k = 8 - col % 8;
            for (int j = 0; j < k; j++) put(&b, " ", 1);
            col += k;
            continue;
        }
        put(&b, (const char *)&c, 1);
        if (c == '\n' || c == '\r') col = 0;
        else if ((c & 0xC0) != 0x80) col++;
    }
    if (!b.s) put(&b, "", 0);
    *out_len = (size_t)b.len;
    return b.s;
}

typedef struct {
    const char *p;
    int n;
} Line;

static int split_lines(Arena *a, const char *s, size_t n, Line **out) {
    int count = 1;
    for (size_t i = 0; i < n; i++) count += s[i] == '\n';
    Line *v = arena_alloc(a, sizeof(Line) * (size_t)count);
    int k = 0;
    const char *start = s;
    for (size_t i = 0; i <= n; i++)
        if (i == n || s[i] == '\n') {
            v[k++] = (Line){start, (int)(s + i - start)};
            start = s + i + 1;
        }
    *out = v;
    return k;
}

static int indent_of(Line l) {
    int i = 0;
    while (i < l.n && l.p[i] == ' ') i++;
    return i;
}

static bool is_ps1(Line l) {
    int i = indent_of(l);
    return l.n - i >= 3 && memcmp(l.p + i, ">>>", 3) == 0;
}

static bool is_ps2(Line l) {
    int i = indent_of(l);
    return l.n - i >= 3 && memcmp(l.p + i, "...", 3) == 0;
}

static bool is_blank(Line l) { return indent_of(l) == l.n; }

/* CPython's _IS_BLANK_OR_COMMENT: `^[ ]*(#.*)?$` on the joined source. */
static bool blank_or_comment(const char *s, int n) {
    if (n > 0 && s[n - 1] == '\n') n--;
    for (int j = 0; j < n; j++)
        if (s[j] == '\n') return false;
    int i = 0;
    while (i < n && s[i] == ' ') i++;
    return i == n || s[i] == '#';
}

/* The sources of the examples of `doc`, each ending with a newline. */
static int example_sources(Arena *a, const char *doc, size_t doclen, const char ***out) {
    size_t n;
    char *text = expandtabs(a, doc, doclen, &n);
    Line *lines;
    int nl = split_lines(a, text, n, &lines);
    const char **v = NULL;
    int nv = 0, cap = 0;
    for (int i = 0; i < nl;) {
        if (!is_ps1(lines[i])) {
            i++;
            continue;
        }
        int indent = indent_of(lines[i]);
        Buf b = {a, NULL, 0, 0};
        int j = i;
        do {
            Line l = lines[j];
            if (j > i) put(&b, "\n", 1);
            if (l.n > indent + 4) put(&b, l.p + indent + 4, (size_t)(l.n - indent - 4));
            j++;
        } while (j < nl && is_ps2(lines[j]));
        /* the want: non-blank lines up to a blank line or a prompt */
        while (j < nl && !is_blank(lines[j]) && !is_ps1(lines[j])) j++;
        i = j;
        if (!b.s) put(&b, "", 0);
        if (blank_or_comment(b.s, b.len)) continue;
        if (b.len == 0 || b.s[b.len - 1] != '\n') put(&b, "\n", 1);
        v = arena_grow(a, v, &cap, nv + 1, sizeof *v);
        v[nv++] = b.s;
    }
    *out = v;
    return nv;
}

/* ---- CPython's line of a docstring (DocTestFinder._find_lineno) ------------ */

static bool word_byte(unsigned char c) { return c == '_' || c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'); }
static bool space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }

/* `\s*\w*("|')` at p */
static bool quote_at(const char *p, const char *end) {
    while (p < end && space_byte((unsigned char)*p)) p++;
    while (p < end && word_byte((unsigned char)*p)) p++;
    return p < end && (*p == '"' || *p == '\'');
}

/* `(^|.*:)\s*\w*("|')`: a line that begins a docstring, roughly. */
static bool opens_string(Line l) {
    const char *end = l.p + l.n;
    if (quote_at(l.p, end)) return true;
    for (const char *c = l.p; c < end; c++)
        if (*c == ':' && quote_at(c + 1, end)) return true;
    return false;
}

/* `^\s*class\s*NAME\b` */
static bool class_line(Line l, const char *name) {
    const char *p = l.p, *end = l.p + l.n;
    while (p < end && space_byte((unsigned char)*p)) p++;
    if (end - p < 5 || memcmp(p, "class", 5) != 0) return false;
    p += 5;
    while (p < end && space_byte((unsigned char)*p)) p++;
    size_t k = strlen(name);
    if ((size_t)(end - p) < k || memcmp(p, name, k) != 0) return false;
    p += k;
    return p == end || !word_byte((unsigned char)*p);
}

/* From 0-based line `from`, the first line that opens a string; -1 none. */
static int scan_doc_line(const Line *lines, int nl, int from) {
    for (int i = from; i >= 0 && i < nl; i++)
        if (opens_string(lines[i])) return i;
    return -1;
}

/* ---- the walk --------------------------------------------------------------- */

typedef struct {
    Arena *a;
    const Unit *u;
    Line *lines;
    int nlines;
    Buf texts;                  /* every example's source, in order: the first
                                   lines of the hidden module's text */
    int text_lines;             /* lines in texts */
    Buf defs, table;            /* the example functions; the table's entries */
    const char **srcs;          /* per example: its source, and its first line */
    int *first;
    bool *bad;                  /* its source does not parse */
    int nex, capex, capfirst, capbad;
} Walk;

static int count_lines(const char *s) {
    int n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

/* Parse text as if it began at line `line` of the hidden module's text
 * (so positions, tracebacks and ^~~ markers name the right line). */
static Module *parse_at(Arena *a, const char *text, int line) {
    size_t n = strlen(text);
    char *t = arena_alloc(a, (size_t)(line - 1) + n + 1);
    memset(t, '\n', (size_t)(line - 1));
    memcpy(t + line - 1, text, n + 1);
    return parse_module(a, "<doctest>", t, (size_t)(line - 1) + n);
}

static const Constant *docstring_of(const StmtList *body) {
    if (!body->n || body->v[0]->kind != S_EXPR) return NULL;
    const Expr *x = body->v[0]->u.expr.value;
    if (x->kind != E_CONSTANT || x->u.constant.kind != CONST_STR) return NULL;
    return &x->u.constant;
}

/* One docstring: its examples as functions and its entry in the table. */
static void add_docstring(Walk *w, const char *qualname, int lineno, const Constant *doc) {
    const char **srcs;
    int n = example_sources(w->a, doc->str, doc->len, &srcs);
    if (n == 0) return;
    puts_(&w->table, "    (");
    put_literal(&w->table, qualname, strlen(qualname));
    char num[32];
    if (lineno >= 0) snprintf(num, sizeof num, ", %d, (", lineno);
    else snprintf(num, sizeof num, ", None, (");
    puts_(&w->table, num);
    for (int i = 0; i < n; i++) {
        put_literal(&w->table, srcs[i], strlen(srcs[i]));
        puts_(&w->table, ", ");
    }
    puts_(&w->table, "), (");
    for (int i = 0; i < n; i++) {
        int id = w->nex;
        char name[64];
        snprintf(name, sizeof name, "__aithon_dt_%d, ", id);
        puts_(&w->table, name);
        /* does it parse? (its errors are its SyntaxError, at run time) */
        diag_trial_begin();
        parse_module(w->a, "<doctest>", srcs[i], strlen(srcs[i]));
        char msg[512];
        int errors = diag_trial_end(msg, sizeof msg);
        w->srcs = arena_grow(w->a, w->srcs, &w->capex, id + 1, sizeof *w->srcs);
        w->first = arena_grow(w->a, w->first, &w->capfirst, id + 1, sizeof *w->first);
        w->bad = arena_grow(w->a, w->bad, &w->capbad, id + 1, sizeof *w->bad);
        w->srcs[id] = srcs[i];
        w->first[id] = w->text_lines + 1;
        w->bad[id] = errors > 0;
        w->nex++;
        puts_(&w->texts, srcs[i]);
        w->text_lines += count_lines(srcs[i]);
        snprintf(name, sizeof name, "def __aithon_dt_%d():\n    ", id);
        puts_(&w->defs, name);
        if (errors) {
            puts_(&w->defs, "raise SyntaxError(");
            put_literal(&w->defs, msg, strlen(msg));
            puts_(&w->defs, ")\n");
        } else {
            puts_(&w->defs, "pass\n");
        }
    }
    puts_(&w->table, "), (");
    for (int i = 0; i < n; i++) {
        snprintf(num, sizeof num, "%d, ", w->first[w->nex - n + i]);
        puts_(&w->table, num);
    }
    puts_(&w->table, ")),\n");
}

static void walk_body(Walk *w, const StmtList *body, const char *prefix);

static void walk_stmt(Walk *w, const Stmt *s, const char *prefix) {
    switch (s->kind) {
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF: {
        const Constant *doc = docstring_of(&s->u.funcdef.body);
        if (!doc) return;
        int first = s->pos.line;   /* co_firstlineno: the first decorator's line */
        for (int i = 0; i < s->u.funcdef.decorators.n; i++)
            if (s->u.funcdef.decorators.v[i]->pos.line < first) first = s->u.funcdef.decorators.v[i]->pos.line;
        int line = scan_doc_line(w->lines, w->nlines, first - 1);
        add_docstring(w, arena_printf(w->a, "%s%s", prefix, s->u.funcdef.name), line, doc);
        return;
    }
    case S_CLASSDEF: {
        const char *qual = arena_printf(w->a, "%s%s", prefix, s->u.classdef.name);
        const Constant *doc = docstring_of(&s->u.classdef.body);
        if (doc) {
            int line = -1;
            for (int i = 0; i < w->nlines && line < 0; i++)
                if (class_line(w->lines[i], s->u.classdef.name)) line = scan_doc_line(w->lines, w->nlines, i);
            add_docstring(w, qual, line, doc);
        }
        walk_body(w, &s->u.classdef.body, arena_printf(w->a, "%s.", qual));
        return;
    }
    case S_IF: walk_body(w, &s->u.if_.body, prefix); walk_body(w, &s->u.if_.orelse, prefix); return;
    case S_FOR: case S_ASYNCFOR:
        walk_body(w, &s->u.for_.body, prefix);
        walk_body(w, &s->u.for_.orelse, prefix);
        return;
    case S_WHILE: walk_body(w, &s->u.while_.body, prefix); walk_body(w, &s->u.while_.orelse, prefix); return;
    case S_WITH: case S_ASYNCWITH: walk_body(w, &s->u.with.body, prefix); return;
    case S_TRY: case S_TRYSTAR:
        walk_body(w, &s->u.try_.body, prefix);
        for (int i = 0; i < s->u.try_.handlers.n; i++) walk_body(w, &s->u.try_.handlers.v[i]->body, prefix);
        walk_body(w, &s->u.try_.orelse, prefix);
        walk_body(w, &s->u.try_.finalbody, prefix);
        return;
    default: return;
    }
}

static void walk_body(Walk *w, const StmtList *body, const char *prefix) {
    for (int i = 0; i < body->n; i++) walk_stmt(w, body->v[i], prefix);
}

Module *doctests_module(Arena *a, const Program *p) {
    Walk w = {.a = a};
    w.defs = (Buf){a, NULL, 0, 0};
    w.texts = (Buf){a, NULL, 0, 0};
    Buf all = {a, NULL, 0, 0};
    puts_(&w.defs, "__aithon_ns__ = globals()\n");
    Buf table = {a, NULL, 0, 0};
    puts_(&table, "TESTS = {\n");
    for (int i = 0; i < p->nunits; i++) {
        const Unit *u = p->units[i];
        if (u->kind != UNIT_SOURCE || !u->ast || u->from_stdlib || !u->file || strcmp(u->name, DOCTESTS_MODULE) == 0)
            continue;
        w.u = u;
        w.nlines = split_lines(a, u->ast->source, u->ast->source_len, &w.lines);
        w.table = (Buf){a, NULL, 0, 0};
        const Constant *doc = docstring_of(&u->ast->body);
        if (doc) add_docstring(&w, "", scan_doc_line(w.lines, w.nlines, 0), doc);
        walk_body(&w, &u->ast->body, "");
        if (!w.table.s) continue;
        puts_(&table, " ");
        put_literal(&table, u->name, strlen(u->name));
        puts_(&table, ": [\n");
        put(&table, w.table.s, (size_t)w.table.len);
        puts_(&table, " ],\n");
    }
    puts_(&table, "}\n");
    char num[64];
    snprintf(num, sizeof num, "EXAMPLE_LINES = %d\n", w.text_lines);
    puts_(&table, num);
    put(&all, w.defs.s, (size_t)w.defs.len);
    put(&all, table.s, (size_t)table.len);
    /* the text: the examples' sources, then the functions and the table */
    Module *m = parse_at(a, all.s, w.text_lines + 1);
    if (w.texts.s) put(&w.texts, all.s, (size_t)all.len);
    else w.texts = all;
    m->source = w.texts.s;
    m->source_len = (size_t)w.texts.len;
    /* graft each example's body, parsed at its own lines, into its function */
    int k = 0;
    for (int i = 0; i < m->body.n; i++) {
        Stmt *s = m->body.v[i];
        if (s->kind != S_FUNCTIONDEF || strncmp(s->u.funcdef.name, "__aithon_dt_", 12) != 0) continue;
        if (k < w.nex && !w.bad[k]) {
            Module *ex = parse_at(a, w.srcs[k], w.first[k]);
            if (ex->body.n) s->u.funcdef.body = ex->body;
        }
        s->u.funcdef.example = true;
        k++;
    }
    return m;
}
