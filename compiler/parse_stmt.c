/*
 * parse_stmt.c — statements, blocks and match patterns (CPython 3.11's
 * grammar, one function per rule, the rule in the comment above it).
 *
 * Input: the token array from the first token of a statement. Output:
 * Stmt nodes appended to a StmtList. Each statement of a block is parsed
 * under its own recovery point (guarded_statement): after an ordinary
 * syntax error, resync() skips to the start of the next statement at the
 * same indentation — past the rest of the logical line, the indented
 * block of a failed header, and dangling elif/else/except/finally
 * clauses — so the next error reported is a real one, not a cascade.
 * Lexical and indentation errors end the whole parse instead.
 *
 * Assignments are parsed as expressions first and then checked as
 * targets (as CPython's old parser did); the messages for bad targets
 * follow CPython's invalid_assignment rules.
 *
 * The soft keywords: `match` starts a match statement only when
 * "match subject:" parses (a trial parse); otherwise it is a name, so
 * `match = 1` and `match(x)` stay ordinary statements. `case` and `_`
 * are keywords only inside match blocks and patterns.
 */
#include <string.h>

#include "parse_impl.h"

static void statement(Parser *p, StmtList *list, int *cap);
static void simple_stmts(Parser *p, StmtList *list, int *cap);

/* ---- statement lists and error recovery ------------------------------------------- */

static bool is_future_import(const Stmt *s) {
    return s->kind == S_IMPORTFROM && s->u.importfrom.level == 0 && s->u.importfrom.module &&
           strcmp(s->u.importfrom.module, "__future__") == 0;
}

/* Append s; at module level also track whether `from __future__` imports
 * are still allowed (only a docstring and other future imports may
 * precede them). */
static void push_stmt(Parser *p, StmtList *list, int *cap, Stmt *s) {
    LIST_PUSH(p, *list, *cap, s);
    if (p->block_depth == 0 && p->future_ok) {
        bool doc = list->n == 1 && s->kind == S_EXPR && s->u.expr.value->kind == E_CONSTANT &&
                   s->u.expr.value->u.constant.kind == CONST_STR;
        if (!doc && !is_future_import(s)) p->future_ok = false;
    }
}

static bool is_clause_keyword(TokKind k) {
    return k == T_ELIF || k == T_ELSE || k == T_EXCEPT || k == T_FINALLY;
}

static bool is_compound_keyword(TokKind k) {
    return k == T_IF || k == T_WHILE || k == T_FOR || k == T_TRY || k == T_WITH ||
           k == T_ASYNC || k == T_DEF || k == T_CLASS || k == T_AT || is_clause_keyword(k);
}

/* Skip from the error to the start of the next statement at the level of
 * the statement that began at toks[start]. */
static void resync(Parser *p, int start) {
    int d = 0;
    for (int i = start; i < p->pos; i++) {
        if (p->toks[i].kind == T_INDENT) d++;
        else if (p->toks[i].kind == T_DEDENT) d--;
    }
    if (d < 0) d = 0;
    bool compound = is_compound_keyword(p->toks[start].kind);
    for (;;) {
        TokKind k = kind(p);
        if (k == T_EOF || k == T_ERROR) return;
        if (k == T_DEDENT && d == 0) return;    /* end of the enclosing block */
        if (k == T_INDENT) d++;
        else if (k == T_DEDENT) d--;
        advance(p);
        if ((k == T_NEWLINE || k == T_DEDENT) && d == 0) {
            TokKind n = kind(p);
            if (n == T_INDENT) continue;            /* the block of a failed header */
            if (compound && is_clause_keyword(n)) continue;
            return;
        }
    }
}

/* Parse one statement under its own recovery point. */
static void guarded_statement(Parser *p, StmtList *list, int *cap) {
    jmp_buf jb;
    jmp_buf *outer = p->jmp;
    int start = p->pos, depth = p->depth, block_depth = p->block_depth;
    p->jmp = &jb;
    if (setjmp(jb)) {
        p->jmp = outer;
        p->depth = depth;
        p->block_depth = block_depth;
        if (!p->fatal) {
            int before = p->pos;
            resync(p, start);
            /* Never loop without progress. */
            if (p->pos == before && p->pos == start) p->fatal = true;
        }
        if (p->fatal) longjmp(*outer, 1);
        return;
    }
    statement(p, list, cap);
    p->jmp = outer;
}

/* statements: statement+  (until `stop`) */
static void statements(Parser *p, StmtList *list, int *cap, TokKind stop) {
    while (kind(p) != stop && kind(p) != T_EOF) guarded_statement(p, list, cap);
}

void parse_file_statements(Parser *p, StmtList *body) {
    jmp_buf jb;
    int cap = 0;
    p->jmp = &jb;
    if (setjmp(jb)) return;     /* a fatal error: keep what was parsed */
    statements(p, body, &cap, T_EOF);
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts
 * `what` names the owner for "expected an indented block after …". */
static StmtList block(Parser *p, const char *what, int line) {
    StmtList body = {0, NULL};
    int cap = 0;
    p->block_depth++;
    if (kind(p) == T_NEWLINE) {
        advance(p);
        if (kind(p) != T_INDENT) {
            if (kind(p) == T_ERROR) parse_fail(p);
            parse_error_at(p, E_INDENT, cur(p)->line, cur(p)->col,
                           "expected an indented block after %s on line %d", what, line);
        }
        advance(p);
        statements(p, &body, &cap, T_DEDENT);
        parse_expect(p, T_DEDENT);
    } else {
        simple_stmts(p, &body, &cap);
    }
    p->block_depth--;
    return body;
}

/* A compound statement ends where its last statement ends, not at the
 * NEWLINE or DEDENT tokens that close its block. */
static SrcSpan span_to_body(Parser *p, int start) {
    SrcSpan s = parse_span_from(p, start);
    for (int i = p->pos - 1; i > start; i--) {
        TokKind k = p->toks[i].kind;
        if (k == T_NEWLINE || k == T_DEDENT || k == T_INDENT) continue;
        s.end_line = p->toks[i].end_line;
        s.end_col = p->toks[i].end_col;
        break;
    }
    return s;
}

/* ---- simple statements ------------------------------------------------------------ */

static bool has_top_comma(Parser *p, int from, int to) {
    for (int i = from; i < to; i++)
        if (p->toks[i].kind == T_COMMA && p->toks[i].level == 0) return true;
    return false;
}

static bool is_single_target(const Expr *e) {
    return e->kind == E_NAME || e->kind == E_ATTRIBUTE || e->kind == E_SUBSCRIPT;
}

static Expr *rhs(Parser *p) {
    if (kind(p) == T_YIELD) return parse_yield_expr(p);
    Expr *e = parse_star_expressions(p);
    parse_no_bare_star(p, e);
    return e;
}

static bool augassign_op(TokKind k, BinOp *op) {
    static const BinOp ops[] = {OP_ADD, OP_SUB, OP_MULT, OP_MATMULT, OP_DIV, OP_MOD, OP_POW,
                                OP_LSHIFT, OP_RSHIFT, OP_BITOR, OP_BITXOR, OP_BITAND,
                                OP_FLOORDIV};
    if (k < T_PLUSEQ || k > T_DSLASHEQ) return false;
    *op = ops[k - T_PLUSEQ];
    return true;
}

/* Some target of `t1 = t2 = … = value` is bad. Before the target error
 * itself, CPython tries its "Maybe you meant '=='" rules on the last
 * element of the first target (the one right before the first '='). */
static void check_meant_equals_first(Parser *p, Expr *first, int start, int first_eq) {
    int elem_start = start;
    Expr *elem = first;
    if (first->kind == E_TUPLE && first->u.list.elts.n > 0 && has_top_comma(p, start, first_eq)) {
        for (int i = first_eq - 1; i > start; i--)
            if (p->toks[i].kind == T_COMMA && p->toks[i].level == 0) {
                elem_start = i + 1;
                break;
            }
        elem = first->u.list.elts.v[first->u.list.elts.n - 1];
    }
    if (elem_start >= first_eq) return;
    int save = p->pos;
    p->pos = first_eq;
    parse_check_meant_equals(p, elem, elem_start);
    p->pos = save;
}

/* assignment | star_expressions, told apart after the first expression:
 *   assignment: NAME ':' expression ['=' annotated_rhs]
 *     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression
 *       ['=' annotated_rhs]
 *     | (star_targets '=')+ (yield_expr | star_expressions) !'='
 *     | single_target augassign ~ (yield_expr | star_expressions) */
static Stmt *expr_or_assign(Parser *p) {
    int start = p->pos;
    Expr *first = kind(p) == T_YIELD ? parse_yield_expr(p) : parse_star_expressions(p);
    BinOp op;
    if (kind(p) == T_COLON) {
        if (first->kind == E_TUPLE || first->kind == E_LIST)
            parse_error_expr(p, first, "only single target (not %s) can be annotated",
                             first->kind == E_TUPLE ? "tuple" : "list");
        if (!is_single_target(first)) parse_error_expr(p, first, "illegal target for annotation");
        advance(p);
        Expr *ann = parse_expression(p);
        Expr *value = NULL;
        if (accept(p, T_EQUAL)) value = rhs(p);
        parse_set_target(p, first, TARGET_STAR);
        Stmt *s = parse_new_stmt(p, S_ANNASSIGN, parse_span_from(p, start));
        s->u.annassign.target = first;
        s->u.annassign.annotation = ann;
        s->u.annassign.value = value;
        s->u.annassign.simple = first->kind == E_NAME && p->toks[start].kind == T_NAME;
        return s;
    }
    if (augassign_op(kind(p), &op)) {
        if (!is_single_target(first))
            parse_error_expr(p, first, "'%s' is an illegal expression for augmented assignment",
                             parse_expr_name(first));
        advance(p);
        Expr *value = rhs(p);
        parse_set_target(p, first, TARGET_STAR);
        Stmt *s = parse_new_stmt(p, S_AUGASSIGN, parse_span_from(p, start));
        s->u.augassign.target = first;
        s->u.augassign.op = op;
        s->u.augassign.value = value;
        return s;
    }
    if (kind(p) == T_EQUAL) {
        ExprList targets = {0, NULL};
        int cap = 0, first_eq = p->pos;
        Expr *value = first;
        while (accept(p, T_EQUAL)) {
            LIST_PUSH(p, targets, cap, value);
            value = kind(p) == T_YIELD ? parse_yield_expr(p) : parse_star_expressions(p);
        }
        for (int i = 0; i < targets.n; i++) {
            Expr *t = targets.v[i];
            if (t->kind == E_YIELD || t->kind == E_YIELDFROM ||
                parse_invalid_target(t, TARGET_STAR)) {
                check_meant_equals_first(p, targets.v[0], start, first_eq);
                break;
            }
        }
        for (int i = 0; i < targets.n; i++) {
            Expr *t = targets.v[i];
            if (t->kind == E_YIELD || t->kind == E_YIELDFROM)
                parse_error_expr(p, t, "assignment to yield expression not possible");
            parse_set_target(p, t, TARGET_STAR);
        }
        for (int i = 0; i < targets.n; i++) parse_check_star_targets(p, targets.v[i]);
        parse_no_bare_star(p, value);
        Stmt *s = parse_new_stmt(p, S_ASSIGN, parse_span_from(p, start));
        s->u.assign.targets = targets;
        s->u.assign.value = value;
        return s;
    }
    parse_no_bare_star(p, first);
    Stmt *s = parse_new_stmt(p, S_EXPR, parse_span_from(p, start));
    s->u.expr.value = first;
    return s;
}

/* dotted_name: dotted_name '.' NAME | NAME */
static const char *dotted_name(Parser *p) {
    const Token *t = parse_expect(p, T_NAME);
    const char *s = t->start, *e = t->start + t->len;
    bool contiguous = true;
    while (kind(p) == T_DOT && peek(p, 1)->kind == T_NAME) {
        const Token *dot = cur(p), *n = peek(p, 1);
        if (dot->start != e || n->start != dot->start + 1) contiguous = false;
        advance(p);
        advance(p);
        e = n->start + n->len;
    }
    if (contiguous) return arena_strndup(p->arena, s, (size_t)(e - s));
    /* "a . b": rebuild without the blanks */
    char *buf = arena_alloc(p->arena, (size_t)(e - s) + 1);
    size_t n = 0;
    for (const char *c = s; c < e; c++)
        if (*c != ' ' && *c != '\t' && *c != '\f' && *c != '\n' && *c != '\\') buf[n++] = *c;
    buf[n] = '\0';
    return buf;
}

static Alias *new_alias(Parser *p, int start, const char *name) {
    Alias *a = arena_alloc(p->arena, sizeof *a);
    a->name = name;
    if (accept(p, T_AS)) a->asname = parse_ident(p, parse_expect(p, T_NAME));
    a->pos = parse_span_from(p, start);
    return a;
}

/* import_name: 'import' dotted_as_names
 * dotted_as_name: dotted_name ['as' NAME] */
static Stmt *import_name(Parser *p) {
    int start = p->pos;
    advance(p);
    Stmt *s = parse_new_stmt(p, S_IMPORT, parse_span_tok(cur(p)));
    int cap = 0;
    do {
        int astart = p->pos;
        const char *name = dotted_name(p);
        LIST_PUSH(p, s->u.import.names, cap, new_alias(p, astart, name));
    } while (accept(p, T_COMMA));
    s->pos = parse_span_from(p, start);
    return s;
}

static void check_future(Parser *p, Stmt *s) {
    static const char *const features[] = {
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
    };
    if (p->block_depth != 0 || !p->future_ok)
        parse_error_at(p, E_SYNTAX, s->pos.line, s->pos.col,
                       "from __future__ imports must occur at the beginning of the file");
    for (int i = 0; i < s->u.importfrom.names.n; i++) {
        const Alias *a = s->u.importfrom.names.v[i];
        bool known = false;
        for (size_t k = 0; k < sizeof features / sizeof features[0]; k++)
            if (strcmp(a->name, features[k]) == 0) known = true;
        if (known) continue;
        if (strcmp(a->name, "braces") == 0)
            parse_error_at(p, E_SYNTAX, a->pos.line, a->pos.col, "not a chance");
        parse_error_at(p, E_SYNTAX, a->pos.line, a->pos.col, "future feature %s is not defined",
                       a->name);
    }
    p->future_line = s->pos.line;
}

/* import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
 *            | 'from' ('.' | '...')+ 'import' import_from_targets
 * import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !',' | '*' */
static Stmt *import_from(Parser *p) {
    int start = p->pos;
    advance(p);
    Stmt *s = parse_new_stmt(p, S_IMPORTFROM, parse_span_tok(cur(p)));
    int level = 0;
    for (;;) {
        if (accept(p, T_DOT)) level++;
        else if (accept(p, T_ELLIPSIS)) level += 3;
        else break;
    }
    if (kind(p) == T_NAME || level == 0) s->u.importfrom.module = dotted_name(p);
    s->u.importfrom.level = level;
    parse_expect(p, T_IMPORT);
    int cap = 0;
    if (kind(p) == T_STAR) {
        Alias *a = arena_alloc(p->arena, sizeof *a);
        a->name = "*";
        a->pos = parse_span_tok(cur(p));
        advance(p);
        LIST_PUSH(p, s->u.importfrom.names, cap, a);
    } else {
        bool paren = accept(p, T_LPAR);
        do {
            if (paren && kind(p) == T_RPAR && s->u.importfrom.names.n > 0) break;
            if (!paren && s->u.importfrom.names.n > 0 && kind(p) != T_NAME &&
                (kind(p) == T_NEWLINE || kind(p) == T_SEMI))
                parse_error_tok(p, cur(p),
                                "trailing comma not allowed without surrounding parentheses");
            int astart = p->pos;
            const char *name = parse_ident(p, parse_expect(p, T_NAME));
            LIST_PUSH(p, s->u.importfrom.names, cap, new_alias(p, astart, name));
        } while (accept(p, T_COMMA));
        if (paren) parse_expect(p, T_RPAR);
    }
    s->pos = parse_span_from(p, start);
    if (is_future_import(s)) check_future(p, s);
    return s;
}

/* global_stmt: 'global' ','.NAME+    nonlocal_stmt: 'nonlocal' ','.NAME+ */
static Stmt *global_stmt(Parser *p, StmtKind k) {
    int start = p->pos;
    advance(p);
    Stmt *s = parse_new_stmt(p, k, parse_span_tok(cur(p)));
    int cap = 0;
    do {
        LIST_PUSH(p, s->u.global.names, cap, parse_ident(p, parse_expect(p, T_NAME)));
    } while (accept(p, T_COMMA));
    s->pos = parse_span_from(p, start);
    return s;
}

/* del_stmt: 'del' del_targets &(';' | NEWLINE) */
static Stmt *del_stmt(Parser *p) {
    int start = p->pos;
    advance(p);
    Stmt *s = parse_new_stmt(p, S_DELETE, parse_span_tok(cur(p)));
    int cap = 0;
    do {
        /* `*x` is read only to be refused: "cannot delete starred" */
        Expr *t = kind(p) == T_STAR ? parse_star_named_expression(p) : parse_expression(p);
        LIST_PUSH(p, s->u.del.targets, cap, t);
    } while (accept(p, T_COMMA) && (parse_starts_expr(kind(p)) || kind(p) == T_STAR));
    for (int i = 0; i < s->u.del.targets.n; i++)
        parse_set_target(p, s->u.del.targets.v[i], TARGET_DEL);
    s->pos = parse_span_from(p, start);
    return s;
}

/* simple_stmt: assignment | star_expressions | return_stmt | import_stmt | raise_stmt
 *   | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue'
 *   | global_stmt | nonlocal_stmt */
static Stmt *simple_stmt(Parser *p) {
    int start = p->pos;
    Stmt *s;
    switch (kind(p)) {
    case T_RETURN: {
        advance(p);
        Expr *v = NULL;
        if (parse_starts_expr(kind(p)) || kind(p) == T_STAR) {
            v = parse_star_expressions(p);
            parse_no_bare_star(p, v);
        }
        s = parse_new_stmt(p, S_RETURN, parse_span_from(p, start));
        s->u.ret.value = v;
        return s;
    }
    case T_IMPORT: return import_name(p);
    case T_FROM: return import_from(p);
    case T_RAISE: {
        advance(p);
        Expr *exc = NULL, *cause = NULL;
        if (parse_starts_expr(kind(p))) {
            exc = parse_expression(p);
            if (accept(p, T_FROM)) cause = parse_expression(p);
        }
        s = parse_new_stmt(p, S_RAISE, parse_span_from(p, start));
        s->u.raise.exc = exc;
        s->u.raise.cause = cause;
        return s;
    }
    case T_PASS:
    case T_BREAK:
    case T_CONTINUE: {
        StmtKind k = kind(p) == T_PASS ? S_PASS : kind(p) == T_BREAK ? S_BREAK : S_CONTINUE;
        advance(p);
        return parse_new_stmt(p, k, parse_span_from(p, start));
    }
    case T_DEL: return del_stmt(p);
    case T_ASSERT: {
        advance(p);
        Expr *test = parse_expression(p), *msg = NULL;
        if (accept(p, T_COMMA)) msg = parse_expression(p);
        s = parse_new_stmt(p, S_ASSERT, parse_span_from(p, start));
        s->u.assert_.test = test;
        s->u.assert_.msg = msg;
        return s;
    }
    case T_GLOBAL: return global_stmt(p, S_GLOBAL);
    case T_NONLOCAL: return global_stmt(p, S_NONLOCAL);
    default: return expr_or_assign(p);
    }
}

/* simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
static void simple_stmts(Parser *p, StmtList *list, int *cap) {
    for (;;) {
        push_stmt(p, list, cap, simple_stmt(p));
        if (!accept(p, T_SEMI) || kind(p) == T_NEWLINE) break;
    }
    parse_expect(p, T_NEWLINE);
}

/* ---- compound statements ----------------------------------------------------------- */

/* if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
 * elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block])
 * else_block: 'else' ':' block
 * Built iteratively: long elif chains must not recurse. */
static Stmt *if_stmt(Parser *p) {
    Stmt *top = NULL, *last = NULL;
    int top_start = p->pos;
    Stmt *chain[64];
    int nchain = 0;
    Stmt **all = chain;
    int cap = 64;
    for (;;) {
        int start = p->pos;
        Token *kw = cur(p);
        advance(p);
        Stmt *s = parse_new_stmt(p, S_IF, parse_span_tok(kw));
        s->u.if_.test = parse_named_expression(p);
        parse_expect_colon(p);
        const char *what = kw->kind == T_IF ? "'if' statement" : "'elif' statement";
        s->u.if_.body = block(p, what, kw->line);
        s->pos = span_to_body(p, start);
        if (!top) top = s;
        else {
            int one = 0;
            LIST_PUSH(p, last->u.if_.orelse, one, s);
        }
        last = s;
        if (nchain == cap) {
            Stmt **n = arena_alloc(p->arena, (size_t)cap * 2 * sizeof *n);
            memcpy(n, all, (size_t)nchain * sizeof *n);
            all = n;
            cap *= 2;
        }
        all[nchain++] = s;
        if (kind(p) != T_ELIF) break;
    }
    if (kind(p) == T_ELSE) {
        Token *kw = cur(p);
        advance(p);
        parse_expect_colon(p);
        last->u.if_.orelse = block(p, "'else' statement", kw->line);
    }
    /* Each If of an elif chain ends where the whole chain ends. */
    SrcSpan end = span_to_body(p, top_start);
    for (int i = 0; i < nchain; i++) {
        all[i]->pos.end_line = end.end_line;
        all[i]->pos.end_col = end.end_col;
    }
    return top;
}

static StmtList else_block(Parser *p) {
    if (kind(p) != T_ELSE) return (StmtList){0, NULL};
    Token *kw = cur(p);
    advance(p);
    parse_expect_colon(p);
    return block(p, "'else' statement", kw->line);
}

/* while_stmt: 'while' named_expression ':' block [else_block] */
static Stmt *while_stmt(Parser *p) {
    int start = p->pos;
    Token *kw = cur(p);
    advance(p);
    Stmt *s = parse_new_stmt(p, S_WHILE, parse_span_tok(kw));
    s->u.while_.test = parse_named_expression(p);
    parse_expect_colon(p);
    s->u.while_.body = block(p, "'while' statement", kw->line);
    s->u.while_.orelse = else_block(p);
    s->pos = span_to_body(p, start);
    return s;
}

/* for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' block [else_block] */
static Stmt *for_stmt(Parser *p, int start, bool is_async) {
    Token *kw = cur(p);
    advance(p);
    Stmt *s = parse_new_stmt(p, is_async ? S_ASYNCFOR : S_FOR, parse_span_tok(kw));
    Expr *target = parse_star_targets(p);
    if (kind(p) != T_IN) {
        parse_set_target(p, target, TARGET_FOR);
        parse_fail(p);
    }
    parse_set_target(p, target, TARGET_FOR);
    parse_check_star_targets(p, target);
    advance(p);
    Expr *iter = parse_star_expressions(p);
    parse_no_bare_star(p, iter);
    parse_expect_colon(p);
    s->u.for_.target = target;
    s->u.for_.iter = iter;
    s->u.for_.body = block(p, "'for' statement", kw->line);
    s->u.for_.orelse = else_block(p);
    s->pos = span_to_body(p, start);
    return s;
}

/* with_item: expression 'as' star_target &(',' | ')' | ':') | expression */
static WithItem *with_item(Parser *p) {
    WithItem *w = arena_alloc(p->arena, sizeof *w);
    w->context_expr = parse_expression(p);
    if (accept(p, T_AS)) {
        /* CPython's invalid_with_item reads the target as an expression */
        Expr *t;
        if (kind(p) == T_STAR) {
            int start = p->pos;
            advance(p);
            Expr *v = parse_expression(p);
            t = parse_new_expr(p, E_STARRED, parse_span_from(p, start));
            t->u.starred.value = v;
        } else {
            t = parse_expression(p);
        }
        if (kind(p) != T_COMMA && kind(p) != T_RPAR && kind(p) != T_COLON) parse_fail(p);
        parse_set_target(p, t, TARGET_STAR);
        parse_check_star_targets(p, t);
        w->optional_vars = t;
    }
    return w;
}

typedef struct { WithItemList items; } WithArg;

/* '(' ','.with_item+ ','? ')' ':' — tried first, as CPython does. */
static bool try_paren_with(Parser *p, void *arg) {
    WithArg *wa = arg;
    int cap = 0;
    advance(p);
    do {
        if (kind(p) == T_RPAR && wa->items.n > 0) break;
        LIST_PUSH(p, wa->items, cap, with_item(p));
    } while (accept(p, T_COMMA));
    if (!accept(p, T_RPAR)) return false;
    return kind(p) == T_COLON;
}

/* with_stmt: 'with' '(' ','.with_item+ ','? ')' ':' block
 *          | 'with' ','.with_item+ ':' block   (and the ASYNC forms) */
static Stmt *with_stmt(Parser *p, int start, bool is_async) {
    Token *kw = cur(p);
    advance(p);
    Stmt *s = parse_new_stmt(p, is_async ? S_ASYNCWITH : S_WITH, parse_span_tok(kw));
    WithArg wa = {{0, NULL}};
    if (!(kind(p) == T_LPAR && parse_try(p, try_paren_with, &wa))) {
        wa.items = (WithItemList){0, NULL};
        int cap = 0;
        do {
            LIST_PUSH(p, wa.items, cap, with_item(p));
        } while (accept(p, T_COMMA));
    }
    s->u.with.items = wa.items;
    parse_expect_colon(p);
    s->u.with.body = block(p, "'with' statement", kw->line);
    s->pos = span_to_body(p, start);
    return s;
}

/* try_stmt: 'try' ':' block finally_block
 *   | 'try' ':' block except_block+ [else_block] [finally_block]
 *   | 'try' ':' block except_star_block+ [else_block] [finally_block]
 * except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
 * except_star_block: 'except' '*' expression ['as' NAME] ':' block */
static Stmt *try_stmt(Parser *p) {
    int start = p->pos;
    Token *kw = cur(p);
    advance(p);
    Stmt *s = parse_new_stmt(p, S_TRY, parse_span_tok(kw));
    parse_expect_colon(p);
    s->u.try_.body = block(p, "'try' statement", kw->line);
    int cap = 0;
    bool star = false;
    while (kind(p) == T_EXCEPT) {
        int hstart = p->pos;
        Token *ekw = cur(p);
        advance(p);
        bool this_star = accept(p, T_STAR);
        if (s->u.try_.handlers.n == 0) star = this_star;
        else if (this_star != star)
            parse_error_tok(p, ekw, "cannot have both 'except' and 'except*' on the same 'try'");
        ExceptHandler *h = arena_alloc(p->arena, sizeof *h);
        if (kind(p) != T_COLON) {
            h->type = parse_expression(p);
            if (kind(p) == T_COMMA)
                parse_error_expr(p, h->type, "multiple exception types must be parenthesized");
            if (accept(p, T_AS)) h->name = parse_ident(p, parse_expect(p, T_NAME));
        } else if (this_star) {
            parse_error_tok(p, cur(p), "expected one or more exception types");
        }
        parse_expect_colon(p);
        h->body = block(p, this_star ? "'except*' statement" : "'except' statement", ekw->line);
        h->pos = span_to_body(p, hstart);
        LIST_PUSH(p, s->u.try_.handlers, cap, h);
    }
    if (s->u.try_.handlers.n > 0) s->u.try_.orelse = else_block(p);
    if (kind(p) == T_FINALLY) {
        Token *fkw = cur(p);
        advance(p);
        parse_expect_colon(p);
        s->u.try_.finalbody = block(p, "'finally' statement", fkw->line);
    } else if (s->u.try_.handlers.n == 0) {
        if (kind(p) == T_ERROR) parse_fail(p);
        parse_error_tok(p, cur(p), "expected 'except' or 'finally' block");
    }
    if (star) s->kind = S_TRYSTAR;
    s->pos = span_to_body(p, start);
    return s;
}

/* function_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' block */
static Stmt *funcdef(Parser *p, int start, bool is_async, ExprList decorators) {
    Token *kw = cur(p);
    parse_expect(p, T_DEF);
    Stmt *s = parse_new_stmt(p, is_async ? S_ASYNCFUNCTIONDEF : S_FUNCTIONDEF, parse_span_tok(kw));
    s->u.funcdef.name = parse_ident(p, parse_expect(p, T_NAME));
    if (kind(p) != T_LPAR) {
        if (kind(p) == T_ERROR) parse_fail(p);
        parse_error_tok(p, cur(p), "expected '('");
    }
    advance(p);
    s->u.funcdef.args = parse_parameters(p, false, T_RPAR);
    parse_expect(p, T_RPAR);
    if (accept(p, T_ARROW)) s->u.funcdef.returns = parse_expression(p);
    parse_expect_colon(p);
    s->u.funcdef.decorators = decorators;
    s->u.funcdef.body = block(p, "function definition", kw->line);
    s->pos = span_to_body(p, start);
    return s;
}

/* class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block */
static Stmt *classdef(Parser *p, ExprList decorators) {
    int start = p->pos;
    Token *kw = cur(p);
    advance(p);
    Stmt *s = parse_new_stmt(p, S_CLASSDEF, parse_span_tok(kw));
    s->u.classdef.name = parse_ident(p, parse_expect(p, T_NAME));
    if (kind(p) == T_LPAR) {
        int open = p->pos;
        advance(p);
        parse_call_args(p, &s->u.classdef.bases, &s->u.classdef.keywords, open, false);
    }
    parse_expect_colon(p);
    s->u.classdef.decorators = decorators;
    s->u.classdef.body = block(p, "class definition", kw->line);
    s->pos = span_to_body(p, start);
    return s;
}

/* decorators: ('@' f=named_expression NEWLINE)+, then a def or class */
static Stmt *decorated(Parser *p) {
    ExprList decos = {0, NULL};
    int cap = 0;
    while (accept(p, T_AT)) {
        LIST_PUSH(p, decos, cap, parse_named_expression(p));
        parse_expect(p, T_NEWLINE);
    }
    int start = p->pos;
    if (kind(p) == T_CLASS) return classdef(p, decos);
    if (kind(p) == T_ASYNC && peek(p, 1)->kind == T_DEF) {
        advance(p);
        return funcdef(p, start, true, decos);
    }
    if (kind(p) != T_DEF) parse_fail(p);
    return funcdef(p, start, false, decos);
}

/* ---- match statement ------------------------------------------------------------------ */

static Pattern *pattern(Parser *p);
static Pattern *maybe_star_pattern(Parser *p);

static Pattern *new_pattern(Parser *p, PatternKind k, SrcSpan pos) {
    Pattern *pt = arena_alloc(p->arena, sizeof *pt);
    pt->kind = k;
    pt->pos = pos;
    return pt;
}

static ConstKind singleton_kind(TokKind k) {
    return k == T_NONE ? CONST_NONE : k == T_TRUE ? CONST_TRUE : CONST_FALSE;
}

/* signed_number: NUMBER | '-' NUMBER
 * complex_number: signed_real_number ('+' | '-') imaginary_number */
static Expr *number_literal(Parser *p) {
    int start = p->pos;
    bool neg = accept(p, T_MINUS);
    if (kind(p) != T_NUMBER) parse_fail(p);
    Expr *num = parse_number(p, cur(p));
    advance(p);
    Expr *e = num;
    if (neg) {
        e = parse_new_expr(p, E_UNARYOP, parse_span_from(p, start));
        e->u.unaryop.op = UOP_USUB;
        e->u.unaryop.operand = num;
    }
    if (kind(p) != T_PLUS && kind(p) != T_MINUS) return e;
    BinOp op = kind(p) == T_PLUS ? OP_ADD : OP_SUB;
    advance(p);
    if (num->u.constant.kind == CONST_IMAG)
        parse_error_expr(p, num, "real number required in complex literal");
    if (kind(p) != T_NUMBER) parse_fail(p);
    Expr *im = parse_number(p, cur(p));
    if (im->u.constant.kind != CONST_IMAG)
        parse_error_expr(p, im, "imaginary number required in complex literal");
    advance(p);
    Expr *b = parse_new_expr(p, E_BINOP, parse_span_from(p, start));
    b->u.binop.left = e;
    b->u.binop.op = op;
    b->u.binop.right = im;
    return b;
}

/* literal_expr: signed_number | complex_number | strings | 'None' | 'True' | 'False'
 * Returns NULL when the current token starts none of these. */
static Expr *literal_expr(Parser *p) {
    switch (kind(p)) {
    case T_NUMBER:
    case T_MINUS: return number_literal(p);
    case T_STRING: {
        Expr *e = parse_strings(p);
        if (e->kind == E_JOINEDSTR)
            parse_error_expr(p, e, "patterns may only match literals and attribute lookups");
        return e;
    }
    case T_NONE:
    case T_TRUE:
    case T_FALSE: {
        Expr *e = parse_new_expr(p, E_CONSTANT, parse_span_tok(cur(p)));
        e->u.constant.kind = singleton_kind(kind(p));
        advance(p);
        return e;
    }
    default: return NULL;
    }
}

/* name_or_attr: attr | NAME      attr: name_or_attr '.' NAME */
static Expr *name_or_attr(Parser *p) {
    int start = p->pos;
    Expr *e = parse_name_expr(p, parse_expect(p, T_NAME), CTX_LOAD);
    while (accept(p, T_DOT)) {
        const char *attr = parse_ident(p, parse_expect(p, T_NAME));
        Expr *a = parse_new_expr(p, E_ATTRIBUTE, parse_span_from(p, start));
        a->u.attribute.value = e;
        a->u.attribute.attr = attr;
        e = a;
    }
    return e;
}

/* pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
static const char *capture_target(Parser *p) {
    if (kind(p) != T_NAME || parse_is_name(cur(p), "_")) parse_fail(p);
    const char *name = parse_ident(p, cur(p));
    advance(p);
    if (kind(p) == T_DOT || kind(p) == T_LPAR || kind(p) == T_EQUAL) parse_fail(p);
    return name;
}

/* class_pattern: name_or_attr '(' [positional_patterns ','] [keyword_patterns ','] ')'
 * keyword_pattern: NAME '=' pattern */
static Pattern *class_pattern(Parser *p, int start, Expr *cls) {
    Pattern *pt = new_pattern(p, P_CLASS, parse_span_tok(cur(p)));
    pt->u.cls.cls = cls;
    int pcap = 0, ncap = 0, kcap = 0;
    advance(p);
    while (kind(p) != T_RPAR) {
        if (kind(p) == T_NAME && peek(p, 1)->kind == T_EQUAL) {
            LIST_PUSH(p, pt->u.cls.kwd_attrs, ncap, parse_ident(p, cur(p)));
            advance(p);
            advance(p);
            LIST_PUSH(p, pt->u.cls.kwd_patterns, kcap, pattern(p));
        } else {
            Pattern *pos = pattern(p);
            if (pt->u.cls.kwd_attrs.n > 0) {
                SrcSpan s = pos->pos;
                parse_error_at(p, E_SYNTAX, s.line, s.col,
                               "positional patterns follow keyword patterns");
            }
            LIST_PUSH(p, pt->u.cls.patterns, pcap, pos);
        }
        if (!accept(p, T_COMMA)) break;
    }
    parse_expect(p, T_RPAR);
    pt->pos = parse_span_from(p, start);
    return pt;
}

/* mapping_pattern: '{' [items_pattern ','] ['**' pattern_capture_target [',']] '}'
 * key_value_pattern: (literal_expr | attr) ':' pattern */
static Pattern *mapping_pattern(Parser *p) {
    int start = p->pos;
    advance(p);
    Pattern *pt = new_pattern(p, P_MAPPING, parse_span_tok(cur(p)));
    int kcap = 0, pcap = 0;
    while (kind(p) != T_RBRACE) {
        if (accept(p, T_DSTAR)) {
            pt->u.mapping.rest = capture_target(p);
            accept(p, T_COMMA);
            break;
        }
        Expr *key = literal_expr(p);
        if (!key) {
            if (kind(p) != T_NAME || peek(p, 1)->kind != T_DOT) parse_fail(p);
            key = name_or_attr(p);
        }
        parse_expect(p, T_COLON);
        LIST_PUSH(p, pt->u.mapping.keys, kcap, key);
        LIST_PUSH(p, pt->u.mapping.patterns, pcap, pattern(p));
        if (!accept(p, T_COMMA)) break;
    }
    parse_expect(p, T_RBRACE);
    pt->pos = parse_span_from(p, start);
    return pt;
}

/* Patterns up to `closer` after '(' or '[': maybe_sequence_pattern. */
static PatternList pattern_items(Parser *p, TokKind closer) {
    PatternList l = {0, NULL};
    int cap = 0;
    while (kind(p) != closer) {
        LIST_PUSH(p, l, cap, maybe_star_pattern(p));
        if (!accept(p, T_COMMA)) break;
    }
    return l;
}

/* closed_pattern: literal_pattern | capture_pattern | wildcard_pattern | value_pattern
 *   | group_pattern | sequence_pattern | mapping_pattern | class_pattern */
static Pattern *closed_pattern(Parser *p) {
    int start = p->pos;
    switch (kind(p)) {
    case T_NAME: {
        Expr *e = name_or_attr(p);
        if (kind(p) == T_LPAR) return class_pattern(p, start, e);
        if (e->kind == E_NAME) {
            Pattern *pt = new_pattern(p, P_AS, e->pos);
            if (strcmp(e->u.name.id, "_") != 0) pt->u.as.name = e->u.name.id;
            if (kind(p) == T_DOT || kind(p) == T_EQUAL) parse_fail(p);
            return pt;
        }
        Pattern *pt = new_pattern(p, P_VALUE, e->pos);
        pt->u.value.value = e;
        return pt;
    }
    case T_LPAR: {
        advance(p);
        parse_enter(p);
        Pattern *pt;
        if (kind(p) == T_RPAR) {
            pt = new_pattern(p, P_SEQUENCE, parse_span_tok(cur(p)));
        } else {
            Pattern *first = maybe_star_pattern(p);
            if (kind(p) == T_COMMA) {
                advance(p);
                pt = new_pattern(p, P_SEQUENCE, first->pos);
                int cap = 0;
                LIST_PUSH(p, pt->u.sequence.patterns, cap, first);
                PatternList rest = pattern_items(p, T_RPAR);
                for (int i = 0; i < rest.n; i++)
                    LIST_PUSH(p, pt->u.sequence.patterns, cap, rest.v[i]);
            } else {
                if (first->kind == P_STAR) parse_fail(p);
                parse_expect(p, T_RPAR);
                parse_leave(p);
                return first;   /* group_pattern */
            }
        }
        parse_expect(p, T_RPAR);
        parse_leave(p);
        pt->pos = parse_span_from(p, start);
        return pt;
    }
    case T_LSQB: {
        advance(p);
        parse_enter(p);
        Pattern *pt = new_pattern(p, P_SEQUENCE, parse_span_tok(cur(p)));
        pt->u.sequence.patterns = pattern_items(p, T_RSQB);
        parse_expect(p, T_RSQB);
        parse_leave(p);
        pt->pos = parse_span_from(p, start);
        return pt;
    }
    case T_LBRACE: {
        parse_enter(p);
        Pattern *pt = mapping_pattern(p);
        parse_leave(p);
        return pt;
    }
    case T_NONE:
    case T_TRUE:
    case T_FALSE: {
        Pattern *pt = new_pattern(p, P_SINGLETON, parse_span_tok(cur(p)));
        pt->u.singleton.value.kind = singleton_kind(kind(p));
        advance(p);
        return pt;
    }
    default: {
        Expr *e = literal_expr(p);
        if (!e) parse_fail(p);
        if (kind(p) == T_PLUS || kind(p) == T_MINUS) parse_fail(p);
        Pattern *pt = new_pattern(p, P_VALUE, e->pos);
        pt->u.value.value = e;
        return pt;
    }
    }
}

/* or_pattern: '|'.closed_pattern+ */
static Pattern *or_pattern(Parser *p) {
    int start = p->pos;
    Pattern *first = closed_pattern(p);
    if (kind(p) != T_VBAR) return first;
    Pattern *pt = new_pattern(p, P_OR, first->pos);
    int cap = 0;
    LIST_PUSH(p, pt->u.or_.patterns, cap, first);
    while (accept(p, T_VBAR)) LIST_PUSH(p, pt->u.or_.patterns, cap, closed_pattern(p));
    pt->pos = parse_span_from(p, start);
    return pt;
}

/* pattern: as_pattern | or_pattern
 * as_pattern: or_pattern 'as' pattern_capture_target */
static Pattern *pattern(Parser *p) {
    int start = p->pos;
    parse_enter(p);
    Pattern *pt = or_pattern(p);
    if (accept(p, T_AS)) {
        if (parse_is_name(cur(p), "_")) parse_error_tok(p, cur(p), "cannot use '_' as a target");
        if (kind(p) != T_NAME) {
            if (parse_starts_expr(kind(p))) {
                Expr *e = parse_expression(p);
                parse_error_expr(p, e, "invalid pattern target");
            }
            parse_fail(p);
        }
        Pattern *as = new_pattern(p, P_AS, pt->pos);
        as->u.as.pattern = pt;
        as->u.as.name = capture_target(p);
        as->pos = parse_span_from(p, start);
        pt = as;
    }
    parse_leave(p);
    return pt;
}

/* maybe_star_pattern: star_pattern | pattern
 * star_pattern: '*' (pattern_capture_target | wildcard_pattern) */
static Pattern *maybe_star_pattern(Parser *p) {
    if (kind(p) != T_STAR) return pattern(p);
    int start = p->pos;
    advance(p);
    Pattern *pt = new_pattern(p, P_STAR, parse_span_tok(cur(p)));
    if (parse_is_name(cur(p), "_")) advance(p);
    else pt->u.star.name = capture_target(p);
    pt->pos = parse_span_from(p, start);
    return pt;
}

/* patterns: open_sequence_pattern | pattern
 * open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern? */
static Pattern *patterns(Parser *p) {
    int start = p->pos;
    Pattern *first = maybe_star_pattern(p);
    if (kind(p) != T_COMMA) {
        if (first->kind == P_STAR) parse_fail(p);
        return first;
    }
    Pattern *pt = new_pattern(p, P_SEQUENCE, first->pos);
    int cap = 0;
    LIST_PUSH(p, pt->u.sequence.patterns, cap, first);
    while (accept(p, T_COMMA)) {
        if (kind(p) == T_COLON || kind(p) == T_IF) break;
        LIST_PUSH(p, pt->u.sequence.patterns, cap, maybe_star_pattern(p));
    }
    pt->pos = parse_span_from(p, start);
    return pt;
}

/* case_block: "case" patterns guard? ':' block
 * guard: 'if' named_expression */
static MatchCase *case_block(Parser *p) {
    Token *kw = cur(p);
    if (!parse_is_name(kw, "case")) parse_fail(p);
    advance(p);
    MatchCase *c = arena_alloc(p->arena, sizeof *c);
    c->pattern = patterns(p);
    if (accept(p, T_IF)) c->guard = parse_named_expression(p);
    parse_expect_colon(p);
    c->body = block(p, "'case' statement", kw->line);
    return c;
}

/* subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
static Expr *subject_expr(Parser *p) {
    int start = p->pos;
    Expr *first = parse_star_named_expression(p);
    if (kind(p) != T_COMMA) {
        if (first->kind == E_STARRED) parse_fail(p);
        return first;
    }
    ExprList elts = {0, NULL};
    int cap = 0;
    LIST_PUSH(p, elts, cap, first);
    while (accept(p, T_COMMA)) {
        if (kind(p) == T_COLON) break;
        LIST_PUSH(p, elts, cap, parse_star_named_expression(p));
    }
    Expr *t = parse_new_expr(p, E_TUPLE, parse_span_from(p, start));
    t->u.list.elts = elts;
    return t;
}

static bool try_match_header(Parser *p, void *arg) {
    (void)arg;
    advance(p);
    subject_expr(p);
    return kind(p) == T_COLON;
}

static bool try_match_header_nl(Parser *p, void *arg) {
    (void)arg;
    advance(p);
    subject_expr(p);
    return kind(p) == T_NEWLINE;
}

static bool try_simple_stmts(Parser *p, void *arg) {
    StmtList l = {0, NULL};
    int cap = 0;
    (void)arg;
    int fd = p->block_depth;
    p->block_depth = 1;     /* no __future__ bookkeeping in a trial */
    simple_stmts(p, &l, &cap);
    p->block_depth = fd;
    return true;
}

/* match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT */
static Stmt *match_stmt(Parser *p) {
    int start = p->pos;
    Token *kw = cur(p);
    advance(p);
    Stmt *s = parse_new_stmt(p, S_MATCH, parse_span_tok(kw));
    s->u.match.subject = subject_expr(p);
    parse_expect_colon(p);
    parse_expect(p, T_NEWLINE);
    if (kind(p) != T_INDENT) {
        if (kind(p) == T_ERROR) parse_fail(p);
        parse_error_at(p, E_INDENT, cur(p)->line, cur(p)->col,
                       "expected an indented block after 'match' statement on line %d", kw->line);
    }
    advance(p);
    p->block_depth++;
    int cap = 0;
    do {
        LIST_PUSH(p, s->u.match.cases, cap, case_block(p));
    } while (kind(p) != T_DEDENT && kind(p) != T_EOF);
    parse_expect(p, T_DEDENT);
    p->block_depth--;
    s->pos = span_to_body(p, start);
    parse_check_match(p, s);
    return s;
}

/* Is this `match` the soft keyword? Only if "match subject:" parses. */
static bool at_match_stmt(Parser *p) {
    TokKind n = peek(p, 1)->kind;
    if (!(parse_starts_expr(n) || n == T_STAR)) return false;
    int save = p->pos;
    bool ok = parse_try(p, try_match_header, NULL);
    p->pos = save;
    if (ok) return true;
    /* "match x" + newline that is not an ordinary statement: CPython's
     * invalid_match_stmt says "expected ':'". */
    if (parse_try(p, try_match_header_nl, NULL)) {
        Token *nl = cur(p);
        p->pos = save;
        bool simple = parse_try(p, try_simple_stmts, NULL);
        p->pos = save;
        if (!simple) parse_error_tok(p, nl, "expected ':'");
    }
    p->pos = save;
    return false;
}

/* ---- statement ---------------------------------------------------------------------- */

/* statement: compound_stmt | simple_stmts
 * compound_stmt: function_def | if_stmt | class_def | with_stmt | for_stmt
 *              | try_stmt | while_stmt | match_stmt */
static void statement(Parser *p, StmtList *list, int *cap) {
    int start = p->pos;
    Stmt *s = NULL;
    switch (kind(p)) {
    case T_IF: s = if_stmt(p); break;
    case T_WHILE: s = while_stmt(p); break;
    case T_FOR: s = for_stmt(p, start, false); break;
    case T_TRY: s = try_stmt(p); break;
    case T_WITH: s = with_stmt(p, start, false); break;
    case T_DEF: s = funcdef(p, start, false, (ExprList){0, NULL}); break;
    case T_CLASS: s = classdef(p, (ExprList){0, NULL}); break;
    case T_AT: s = decorated(p); break;
    case T_ASYNC:
        advance(p);
        switch (kind(p)) {
        case T_DEF: s = funcdef(p, start, true, (ExprList){0, NULL}); break;
        case T_FOR: s = for_stmt(p, start, true); break;
        case T_WITH: s = with_stmt(p, start, true); break;
        default: parse_fail(p);
        }
        break;
    case T_NAME:
        if (parse_is_name(cur(p), "match") && at_match_stmt(p)) s = match_stmt(p);
        break;
    case T_INDENT:
    case T_ERROR:
        parse_fail(p);
    default:
        break;
    }
    if (s) push_stmt(p, list, cap, s);
    else simple_stmts(p, list, cap);
}
