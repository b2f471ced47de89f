/*
 * parse_expr.c — expressions, by recursive descent over CPython 3.11's
 * grammar (Grammar/python.gram), one function per rule, the rule above it.
 *
 * Input: the parser's token array at p->pos. Output: Expr trees in the
 * arena with Load context; statement code turns targets into Store/Del
 * through parse_set_target(). Each function returns a complete node or
 * does not return (errors longjmp, see parse_impl.h).
 *
 * CPython's PEG parser reaches its better messages ("Perhaps you forgot
 * a comma?", "Maybe you meant '==' …", "Missing parentheses in call to
 * 'print'") in a second pass with extra "invalid_" rules. Here the same
 * checks run at the point where the valid parse would fail anyway, with a
 * trial parse (parse_try) where CPython's rule needs to look further; the
 * checks never fire on valid code, because they all start at a token
 * that cannot follow the expression just parsed.
 *
 * Not handled: type comments (ignored by the lexer, as ast.parse does by
 * default).
 */
#include <string.h>

#include "parse_impl.h"

static Expr *lambdef(Parser *p);
static Expr *atom(Parser *p);
static Expr *primary(Parser *p);
static ComprehensionList for_if_clauses(Parser *p);
static void no_star_in_comp(Parser *p, Expr *elt);

/* Spans run from the first token of the left operand (its parentheses
 * included, as in CPython) to the last token read. */
static Expr *new_binop(Parser *p, int start, Expr *l, BinOp op, Expr *r) {
    Expr *e = parse_new_expr(p, E_BINOP, parse_span_from(p, start));
    e->u.binop.left = l;
    e->u.binop.op = op;
    e->u.binop.right = r;
    return e;
}

static Expr *new_tuple(Parser *p, ExprList elts, SrcSpan pos) {
    Expr *t = parse_new_expr(p, E_TUPLE, pos);
    t->u.list.elts = elts;
    t->u.list.ctx = CTX_LOAD;
    return t;
}

static bool at_comprehension(Parser *p) {
    return kind(p) == T_FOR || (kind(p) == T_ASYNC && peek(p, 1)->kind == T_FOR);
}

/* ---- helpful errors (CPython's invalid_ rules) ------------------------------------ */

static bool try_expression(Parser *p, void *arg) {
    (void)arg;
    parse_expression(p);
    return true;
}

static bool try_star_expressions(Parser *p, void *arg) {
    (void)arg;
    parse_star_expressions(p);
    return true;
}

/* Parse speculatively without the invalid_ checks; pos is left where it was. */
static bool parses_as(Parser *p, bool (*fn)(Parser *, void *), void *arg) {
    int pos = p->pos;
    p->no_invalid++;
    bool ok = parse_try(p, fn, arg);
    p->no_invalid--;
    p->pos = pos;
    return ok;
}

static bool is_soft_keyword(const Token *t) {
    return parse_is_name(t, "match") || parse_is_name(t, "case") || parse_is_name(t, "_");
}

/* invalid_expression: !(NAME STRING | SOFT_KEYWORD) a=disjunction
 *     b=expression_without_invalid  -> "Perhaps you forgot a comma?"
 * (inside brackets only), and invalid_legacy_expression: a=NAME !'('
 * b=star_expressions -> "Missing parentheses in call to 'print'". */
static void check_juxtaposed(Parser *p, Expr *a, int start) {
    if (p->no_invalid || !parse_starts_expr(kind(p))) return;
    const Token *first = &p->toks[start];
    bool just_name = a->kind == E_NAME && p->pos == start + 1;
    if (just_name && (parse_is_name(first, "print") || parse_is_name(first, "exec"))) {
        if (parses_as(p, try_star_expressions, NULL))
            parse_error_expr(p, a, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                             a->u.name.id, a->u.name.id);
        return;
    }
    if (prev(p)->level == 0) return;
    if (first->kind == T_NAME && p->toks[start + 1].kind == T_STRING) return;
    if (is_soft_keyword(first)) return;
    if (parses_as(p, try_expression, NULL))
        parse_error_expr(p, a, "invalid syntax. Perhaps you forgot a comma?");
}

typedef struct { int end; } BitorArg;

static bool try_bitor_to(Parser *p, void *arg) {
    BitorArg *b = arg;
    parse_bitwise_or(p);
    return p->pos == b->end;
}

static bool try_rhs(Parser *p, void *arg) {
    (void)arg;
    advance(p);     /* '=' */
    parse_bitwise_or(p);
    return kind(p) != T_EQUAL && kind(p) != T_COLONEQUAL;
}

/* Does the token at `start` open a tuple, list or generator expression
 * (CPython's lookahead !(list|tuple|genexp) before a bitwise_or)? */
static bool opens_display(Parser *p, int start) {
    TokKind k = p->toks[start].kind;
    if (k == T_LSQB) return true;
    if (k != T_LPAR) return false;
    int base = p->toks[start].level;
    for (int i = start + 1; i < p->ntoks; i++) {
        const Token *t = &p->toks[i];
        if (t->kind == T_RPAR && t->level == base - 1) return i == start + 1;
        if (t->level == base && (t->kind == T_COMMA || t->kind == T_FOR)) return true;
        if (t->kind == T_EOF || t->kind == T_ERROR) return false;
    }
    return false;
}

/* invalid_named_expression, alternatives 2 and 3: the expression that
 * spans toks[start, pos) is followed by '=' where an assignment is not
 * possible. Reports CPython's message, or returns when it does not apply. */
void parse_check_meant_equals(Parser *p, Expr *e, int start) {
    if (p->no_invalid || kind(p) != T_EQUAL) return;
    int eq = p->pos;
    if (!parses_as(p, try_rhs, NULL)) return;
    if (e->kind == E_NAME && eq == start + 1)
        parse_error_expr(p, e, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    TokKind k0 = p->toks[start].kind;
    if (k0 == T_TRUE || k0 == T_FALSE || k0 == T_NONE || opens_display(p, start)) return;
    BitorArg b = {eq};
    p->pos = start;
    bool ok = parses_as(p, try_bitor_to, &b);
    p->pos = eq;
    if (ok)
        parse_error_expr(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                         parse_expr_name(e));
}

/* ---- star_expressions and friends -------------------------------------------------- */

/* star_expression: '*' bitwise_or | expression */
static Expr *star_expression(Parser *p) {
    if (kind(p) == T_STAR) {
        int start = p->pos;
        advance(p);
        Expr *v = parse_bitwise_or(p);
        Expr *e = parse_new_expr(p, E_STARRED, parse_span_from(p, start));
        e->u.starred.value = v;
        return e;
    }
    return parse_expression(p);
}

/* star_expressions: star_expression (',' star_expression)* [','] */
Expr *parse_star_expressions(Parser *p) {
    int start = p->pos;
    Expr *e = star_expression(p);
    if (kind(p) != T_COMMA) return e;
    ExprList elts = {0, NULL};
    int cap = 0;
    LIST_PUSH(p, elts, cap, e);
    while (accept(p, T_COMMA)) {
        if (!parse_starts_expr(kind(p)) && kind(p) != T_STAR) break;
        LIST_PUSH(p, elts, cap, star_expression(p));
    }
    return new_tuple(p, elts, parse_span_from(p, start));
}

/* star_named_expression: '*' bitwise_or | named_expression */
Expr *parse_star_named_expression(Parser *p) {
    if (kind(p) == T_STAR) return star_expression(p);
    return parse_named_expression(p);
}

/* named_expression: NAME ':=' expression | expression !':=' */
Expr *parse_named_expression(Parser *p) {
    int start = p->pos;
    if (kind(p) == T_NAME && peek(p, 1)->kind == T_COLONEQUAL) {
        Expr *target = parse_name_expr(p, cur(p), CTX_STORE);
        advance(p);
        advance(p);
        Expr *value = parse_expression(p);
        Expr *e = parse_new_expr(p, E_NAMEDEXPR, parse_span_from(p, start));
        e->u.namedexpr.target = target;
        e->u.namedexpr.value = value;
        return e;
    }
    Expr *e = parse_expression(p);
    if (kind(p) == T_COLONEQUAL)
        parse_error_expr(p, e, "cannot use assignment expressions with %s", parse_expr_name(e));
    parse_check_meant_equals(p, e, start);
    return e;
}

/* expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
Expr *parse_expression(Parser *p) {
    if (kind(p) == T_LAMBDA) return lambdef(p);
    parse_enter(p);
    int start = p->pos;
    Expr *a = parse_disjunction(p);
    if (kind(p) == T_IF) {
        advance(p);
        Expr *test = parse_disjunction(p);
        if (kind(p) != T_ELSE) {
            if (kind(p) == T_COLON || p->no_invalid) parse_fail(p);
            parse_error_expr(p, a, "expected 'else' after 'if' expression");
        }
        advance(p);
        Expr *orelse = parse_expression(p);
        Expr *e = parse_new_expr(p, E_IFEXP, parse_span_from(p, start));
        e->u.ifexp.test = test;
        e->u.ifexp.body = a;
        e->u.ifexp.orelse = orelse;
        a = e;
    } else {
        check_juxtaposed(p, a, start);
    }
    parse_leave(p);
    return a;
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
Expr *parse_yield_expr(Parser *p) {
    int start = p->pos;
    parse_expect(p, T_YIELD);
    if (accept(p, T_FROM)) {
        Expr *v = parse_expression(p);
        Expr *e = parse_new_expr(p, E_YIELDFROM, parse_span_from(p, start));
        e->u.yieldfrom.value = v;
        return e;
    }
    Expr *v = NULL;
    if (parse_starts_expr(kind(p)) || kind(p) == T_STAR) {
        v = parse_star_expressions(p);
        parse_no_bare_star(p, v);
    }
    Expr *e = parse_new_expr(p, E_YIELD, parse_span_from(p, start));
    e->u.yield.value = v;
    return e;
}

/* ---- boolean and comparison levels ---------------------------------------------- */

/* conjunction: inversion ('and' inversion)+ | inversion
 * disjunction: conjunction ('or' conjunction)+ | conjunction */
static Expr *inversion(Parser *p);

static Expr *boolop(Parser *p, bool is_or) {
    int start = p->pos;
    Expr *a = is_or ? boolop(p, false) : inversion(p);
    TokKind k = is_or ? T_OR : T_AND;
    if (kind(p) != k) return a;
    ExprList vals = {0, NULL};
    int cap = 0;
    LIST_PUSH(p, vals, cap, a);
    while (accept(p, k)) LIST_PUSH(p, vals, cap, is_or ? boolop(p, false) : inversion(p));
    Expr *e = parse_new_expr(p, E_BOOLOP, parse_span_from(p, start));
    e->u.boolop.op = is_or ? BOOL_OR : BOOL_AND;
    e->u.boolop.values = vals;
    return e;
}

Expr *parse_disjunction(Parser *p) { return boolop(p, true); }

static Expr *comparison(Parser *p);

/* inversion: 'not' inversion | comparison */
static Expr *inversion(Parser *p) {
    if (kind(p) != T_NOT) return comparison(p);
    int start = p->pos;
    advance(p);
    parse_enter(p);
    Expr *operand = inversion(p);
    parse_leave(p);
    Expr *e = parse_new_expr(p, E_UNARYOP, parse_span_from(p, start));
    e->u.unaryop.op = UOP_NOT;
    e->u.unaryop.operand = operand;
    return e;
}

/* compare_op: '==' | '!=' | '<=' | '<' | '>=' | '>' | 'not' 'in' | 'in' | 'is' 'not' | 'is' */
static bool comp_op(Parser *p, CmpOp *op) {
    switch (kind(p)) {
    case T_EQEQUAL: *op = CMP_EQ; break;
    case T_NOTEQUAL: *op = CMP_NOTEQ; break;
    case T_LESS: *op = CMP_LT; break;
    case T_LESSEQUAL: *op = CMP_LTE; break;
    case T_GREATER: *op = CMP_GT; break;
    case T_GREATEREQUAL: *op = CMP_GTE; break;
    case T_IN: *op = CMP_IN; break;
    case T_NOT:
        if (peek(p, 1)->kind != T_IN) return false;
        advance(p);
        *op = CMP_NOTIN;
        break;
    case T_IS:
        if (peek(p, 1)->kind == T_NOT) {
            advance(p);
            *op = CMP_ISNOT;
        } else {
            *op = CMP_IS;
        }
        break;
    default:
        return false;
    }
    advance(p);
    return true;
}

/* comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
static Expr *comparison(Parser *p) {
    int start = p->pos;
    Expr *a = parse_bitwise_or(p);
    CmpOp op;
    if (!comp_op(p, &op)) return a;
    int n = 0, cap = 0;
    CmpOp *ops = NULL;
    ExprList comps = {0, NULL};
    int ccap = 0;
    do {
        ops = arena_grow(p->arena, ops, &cap, n + 1, sizeof *ops);
        ops[n++] = op;
        LIST_PUSH(p, comps, ccap, parse_bitwise_or(p));
    } while (comp_op(p, &op));
    Expr *e = parse_new_expr(p, E_COMPARE, parse_span_from(p, start));
    e->u.compare.left = a;
    e->u.compare.n = n;
    e->u.compare.ops = ops;
    e->u.compare.comparators = comps;
    return e;
}

/* ---- binary operators ---------------------------------------------------------------- */

/* bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
 * bitwise_xor: … '^' …   bitwise_and: … '&' …   shift_expr: … ('<<'|'>>') …
 * sum: … ('+'|'-') …     term: … ('*'|'/'|'//'|'%'|'@') factor
 * All left-associative; level 0 is '|', level 6 is factor. */
static int binop_level(TokKind k, BinOp *op) {
    switch (k) {
    case T_VBAR: *op = OP_BITOR; return 0;
    case T_CIRCUMFLEX: *op = OP_BITXOR; return 1;
    case T_AMPER: *op = OP_BITAND; return 2;
    case T_LSHIFT: *op = OP_LSHIFT; return 3;
    case T_RSHIFT: *op = OP_RSHIFT; return 3;
    case T_PLUS: *op = OP_ADD; return 4;
    case T_MINUS: *op = OP_SUB; return 4;
    case T_STAR: *op = OP_MULT; return 5;
    case T_SLASH: *op = OP_DIV; return 5;
    case T_DSLASH: *op = OP_FLOORDIV; return 5;
    case T_PERCENT: *op = OP_MOD; return 5;
    case T_AT: *op = OP_MATMULT; return 5;
    default: return -1;
    }
}

static Expr *factor(Parser *p);

static Expr *binary(Parser *p, int level) {
    if (level == 6) return factor(p);
    int start = p->pos;
    Expr *left = binary(p, level + 1);
    for (;;) {
        BinOp op = OP_ADD;
        if (binop_level(kind(p), &op) != level) return left;
        advance(p);
        Expr *right = binary(p, level + 1);
        left = new_binop(p, start, left, op, right);
    }
}

Expr *parse_bitwise_or(Parser *p) { return binary(p, 0); }

/* factor: '+' factor | '-' factor | '~' factor | power */
static Expr *power(Parser *p);
static Expr *factor(Parser *p) {
    UnaryOp op;
    switch (kind(p)) {
    case T_PLUS: op = UOP_UADD; break;
    case T_MINUS: op = UOP_USUB; break;
    case T_TILDE: op = UOP_INVERT; break;
    default: return power(p);
    }
    int start = p->pos;
    advance(p);
    parse_enter(p);
    Expr *operand = factor(p);
    parse_leave(p);
    Expr *e = parse_new_expr(p, E_UNARYOP, parse_span_from(p, start));
    e->u.unaryop.op = op;
    e->u.unaryop.operand = operand;
    return e;
}

/* power: await_primary '**' factor | await_primary
 * await_primary: AWAIT primary | primary */
static Expr *power(Parser *p) {
    int start = p->pos;
    Expr *a;
    if (kind(p) == T_AWAIT) {
        advance(p);
        parse_enter(p);
        Expr *v = primary(p);
        parse_leave(p);
        a = parse_new_expr(p, E_AWAIT, parse_span_from(p, start));
        a->u.await_.value = v;
    } else {
        a = primary(p);
    }
    if (!accept(p, T_DSTAR)) return a;
    p->depth++;         /* two levels, as CPython's power → factor */
    parse_enter(p);
    Expr *b = factor(p);
    parse_leave(p);
    p->depth--;
    return new_binop(p, start, a, OP_POW, b);
}

/* ---- primary: atom with trailers ---------------------------------------------------- */

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static Expr *slice(Parser *p) {
    int start = p->pos;
    Expr *lower = NULL;
    if (kind(p) == T_STAR) {
        /* starred_expression: '*' expression (PEP 646, a[*b]) */
        advance(p);
        Expr *v = parse_expression(p);
        Expr *e = parse_new_expr(p, E_STARRED, parse_span_from(p, start));
        e->u.starred.value = v;
        return e;
    }
    if (kind(p) != T_COLON) {
        lower = parse_named_expression(p);
        if (kind(p) != T_COLON) return lower;
        /* `a[x := 1:2]` is invalid; `a[(x := 1):2]` is not (a named
         * expression starting with '(' can only be parenthesised). */
        if (lower->kind == E_NAMEDEXPR && p->toks[start].kind != T_LPAR) parse_fail(p);
    }
    advance(p);
    Expr *upper = NULL, *step = NULL;
    if (parse_starts_expr(kind(p))) upper = parse_expression(p);
    if (accept(p, T_COLON) && parse_starts_expr(kind(p))) step = parse_expression(p);
    Expr *e = parse_new_expr(p, E_SLICE, parse_span_from(p, start));
    e->u.slice.lower = lower;
    e->u.slice.upper = upper;
    e->u.slice.step = step;
    return e;
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static Expr *slices(Parser *p) {
    int start = p->pos;
    Expr *s = slice(p);
    if (kind(p) != T_COMMA && s->kind != E_STARRED) return s;
    ExprList elts = {0, NULL};
    int cap = 0;
    LIST_PUSH(p, elts, cap, s);
    while (accept(p, T_COMMA)) {
        if (kind(p) == T_RSQB) break;
        LIST_PUSH(p, elts, cap, slice(p));
    }
    return new_tuple(p, elts, parse_span_from(p, start));
}

/* A keyword argument value `f(a=1)`, or `**mapping` when arg is NULL. */
static Keyword *new_keyword(Parser *p, int start, const char *arg, Expr *value) {
    Keyword *k = arena_alloc(p->arena, sizeof *k);
    k->pos = parse_span_from(p, start);
    k->arg = arg;
    k->value = value;
    return k;
}

/* arguments: args [','] &')'
 * args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
 *       [',' kwargs] | kwargs
 * kwargs: ','.kwarg_or_starred+ [',' ','.kwarg_or_double_starred+]
 *       | ','.kwarg_or_double_starred+
 * The current token follows '(' (at index open_tok); consumes the ')'. */
void parse_call_args(Parser *p, ExprList *args, KeywordList *kws, int open_tok, bool genexp) {
    int acap = 0, kcap = 0;
    bool seen_kw = false, seen_dstar = false;
    while (kind(p) != T_RPAR) {
        int start = p->pos;
        if (kind(p) == T_STAR) {
            if (seen_dstar)
                parse_error_tok(p, cur(p),
                                "iterable argument unpacking follows keyword argument unpacking");
            advance(p);
            Expr *v = parse_expression(p);
            Expr *e = parse_new_expr(p, E_STARRED, parse_span_from(p, start));
            e->u.starred.value = v;
            if (at_comprehension(p)) no_star_in_comp(p, e);
            LIST_PUSH(p, *args, acap, e);
        } else if (kind(p) == T_DSTAR) {
            advance(p);
            Expr *v = parse_expression(p);
            LIST_PUSH(p, *kws, kcap, new_keyword(p, start, NULL, v));
            seen_dstar = true;
        } else if (kind(p) == T_NAME && peek(p, 1)->kind == T_EQUAL) {
            const char *name = parse_ident(p, cur(p));
            advance(p);
            advance(p);
            Expr *v = parse_expression(p);
            if (at_comprehension(p))
                parse_error_tok(p, &p->toks[start],
                                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            LIST_PUSH(p, *kws, kcap, new_keyword(p, start, name, v));
            seen_kw = true;
        } else {
            TokKind k0 = kind(p);
            Expr *e;
            if (kind(p) == T_NAME && peek(p, 1)->kind == T_COLONEQUAL) {
                e = parse_named_expression(p);
            } else {
                e = parse_expression(p);
                if (kind(p) == T_COLONEQUAL) parse_fail(p);
            }
            if (kind(p) == T_EQUAL) {
                if ((k0 == T_TRUE || k0 == T_FALSE || k0 == T_NONE) && p->pos == start + 1)
                    parse_error_expr(p, e, "cannot assign to %s", parse_expr_name(e));
                parse_error_expr(p, e, "expression cannot contain assignment, "
                                       "perhaps you meant \"==\"?");
            }
            if (at_comprehension(p)) {
                if (!genexp) parse_fail(p);
                ComprehensionList gens = for_if_clauses(p);
                if (args->n + kws->n > 0 || kind(p) != T_RPAR)
                    parse_error_expr(p, e, "Generator expression must be parenthesized");
                Expr *g = parse_new_expr(p, E_GENERATOREXP, parse_span_from(p, open_tok));
                /* the genexp's span includes the call's parentheses */
                g->pos.end_line = cur(p)->end_line;
                g->pos.end_col = cur(p)->end_col;
                g->u.comp.elt = e;
                g->u.comp.generators = gens;
                LIST_PUSH(p, *args, acap, g);
                break;
            }
            if (seen_dstar)
                parse_error_expr(p, e, "positional argument follows keyword argument unpacking");
            if (seen_kw) parse_error_expr(p, e, "positional argument follows keyword argument");
            LIST_PUSH(p, *args, acap, e);
        }
        if (!accept(p, T_COMMA)) break;
    }
    parse_expect(p, T_RPAR);
}

/* primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
 *        | primary '[' slices ']' | atom */
static Expr *primary(Parser *p) {
    int start = p->pos;
    Expr *e = atom(p);
    for (;;) {
        switch (kind(p)) {
        case T_DOT: {
            advance(p);
            if (kind(p) != T_NAME) parse_fail(p);
            const char *attr = parse_ident(p, cur(p));
            advance(p);
            Expr *a = parse_new_expr(p, E_ATTRIBUTE, parse_span_from(p, start));
            a->u.attribute.value = e;
            a->u.attribute.attr = attr;
            e = a;
            break;
        }
        case T_LPAR: {
            int open = p->pos;
            advance(p);
            Expr *c = parse_new_expr(p, E_CALL, e->pos);
            c->u.call.func = e;
            parse_call_args(p, &c->u.call.args, &c->u.call.keywords, open, true);
            c->pos = parse_span_from(p, start);
            e = c;
            break;
        }
        case T_LSQB: {
            advance(p);
            Expr *s = slices(p);
            parse_expect(p, T_RSQB);
            Expr *sub = parse_new_expr(p, E_SUBSCRIPT, parse_span_from(p, start));
            sub->u.subscript.value = e;
            sub->u.subscript.slice = s;
            e = sub;
            break;
        }
        default:
            return e;
        }
    }
}

/* ---- atoms --------------------------------------------------------------------------- */

static Expr *new_comp(Parser *p, ExprKind k, int start, Expr *elt, Expr *key, Expr *value) {
    ComprehensionList gens = for_if_clauses(p);
    Expr *e = parse_new_expr(p, k, parse_span_from(p, start));
    e->u.comp.elt = elt;
    e->u.comp.key = key;
    e->u.comp.value = value;
    e->u.comp.generators = gens;
    return e;
}

static void no_star_in_comp(Parser *p, Expr *elt) {
    if (elt->kind == E_STARRED)
        parse_error_expr(p, elt, "iterable unpacking cannot be used in comprehension");
}

/* From toks[start] through the current token (a closing bracket). */
static SrcSpan span_through_cur(Parser *p, int start) {
    SrcSpan s = parse_span_tok(&p->toks[start]);
    s.end_line = cur(p)->end_line;
    s.end_col = cur(p)->end_col;
    return s;
}

/* The inside of '(' … ')' or of an f-string replacement field:
 *   tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
 *   group: '(' (yield_expr | named_expression) ')'
 *   genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
 * Stops before `closer`. A tuple or generator expression made here spans
 * from toks[span_start] (the '(') to the closer; *made tells the caller. */
static Expr *paren_contents(Parser *p, int span_start, TokKind closer, bool *made) {
    *made = false;
    if (kind(p) == T_YIELD) return parse_yield_expr(p);
    if (kind(p) == T_DSTAR) parse_error_tok(p, cur(p), "cannot use double starred expression here");
    Expr *first = parse_star_named_expression(p);
    if (at_comprehension(p)) {
        no_star_in_comp(p, first);
        ComprehensionList gens = for_if_clauses(p);
        if (kind(p) != closer) parse_fail(p);
        Expr *e = parse_new_expr(p, E_GENERATOREXP, span_through_cur(p, span_start));
        e->u.comp.elt = first;
        e->u.comp.generators = gens;
        *made = true;
        return e;
    }
    if (kind(p) == T_COMMA) {
        ExprList elts = {0, NULL};
        int cap = 0;
        LIST_PUSH(p, elts, cap, first);
        while (accept(p, T_COMMA)) {
            if (kind(p) == closer) break;
            LIST_PUSH(p, elts, cap, parse_star_named_expression(p));
        }
        if (kind(p) != closer) parse_fail(p);
        Expr *t = new_tuple(p, elts, span_through_cur(p, span_start));
        *made = true;
        return t;
    }
    if (first->kind == E_STARRED) parse_error_expr(p, first, "cannot use starred expression here");
    if (kind(p) != closer) parse_fail(p);
    return first;
}

static Expr *paren_atom(Parser *p) {
    int start = p->pos;
    advance(p);
    if (kind(p) == T_RPAR) {
        advance(p);
        return new_tuple(p, (ExprList){0, NULL}, parse_span_from(p, start));
    }
    parse_enter(p);
    bool made;
    Expr *e = paren_contents(p, start, T_RPAR, &made);
    parse_leave(p);
    parse_expect(p, T_RPAR);
    return e;
}

/* The expression of an f-string replacement field. CPython 3.11 parses
 * "(" text ")", so a tuple or generator expression made at the top gets
 * the span of the field's braces, `outer`. */
Expr *parse_fstring_expr(Parser *p, SrcSpan outer) {
    bool made;
    Expr *e = paren_contents(p, p->pos, T_EOF, &made);
    if (kind(p) != T_EOF) parse_fail(p);
    if (made) e->pos = outer;
    return e;
}

/* list: '[' [star_named_expressions] ']'
 * listcomp: '[' named_expression for_if_clauses ']' */
static Expr *list_atom(Parser *p) {
    int start = p->pos;
    advance(p);
    ExprList elts = {0, NULL};
    int cap = 0;
    parse_enter(p);
    if (kind(p) != T_RSQB) {
        Expr *first = parse_star_named_expression(p);
        if (at_comprehension(p)) {
            no_star_in_comp(p, first);
            ComprehensionList gens = for_if_clauses(p);
            parse_expect(p, T_RSQB);
            parse_leave(p);
            Expr *e = parse_new_expr(p, E_LISTCOMP, parse_span_from(p, start));
            e->u.comp.elt = first;
            e->u.comp.generators = gens;
            return e;
        }
        LIST_PUSH(p, elts, cap, first);
        while (accept(p, T_COMMA)) {
            if (kind(p) == T_RSQB) break;
            LIST_PUSH(p, elts, cap, parse_star_named_expression(p));
        }
    }
    parse_expect(p, T_RSQB);
    parse_leave(p);
    Expr *e = parse_new_expr(p, E_LIST, parse_span_from(p, start));
    e->u.list.elts = elts;
    e->u.list.ctx = CTX_LOAD;
    return e;
}

/* A dict key has been read: ':' expression, with CPython's messages. */
static Expr *dict_value(Parser *p, Expr *key) {
    if (kind(p) != T_COLON) {
        if (kind(p) == T_COMMA || kind(p) == T_RBRACE)
            parse_error_expr(p, key, "':' expected after dictionary key");
        parse_fail(p);
    }
    Token *colon = cur(p);
    advance(p);
    if (kind(p) == T_COMMA || kind(p) == T_RBRACE)
        parse_error_tok(p, colon, "expression expected after dictionary key and ':'");
    return parse_expression(p);
}

/* dict: '{' [double_starred_kvpairs] '}'    set: '{' star_named_expressions '}'
 * dictcomp: '{' kvpair for_if_clauses '}'   setcomp: '{' named_expression for_if_clauses '}'
 * double_starred_kvpair: '**' bitwise_or | expression ':' expression */
static Expr *brace_atom(Parser *p) {
    int start = p->pos;
    advance(p);
    parse_enter(p);
    ExprList keys = {0, NULL}, vals = {0, NULL};
    int kcap = 0, vcap = 0;
    Expr *e;
    if (kind(p) == T_RBRACE) {
        advance(p);
        e = parse_new_expr(p, E_DICT, parse_span_from(p, start));
        parse_leave(p);
        return e;
    }
    Expr *key = NULL, *first;
    if (kind(p) == T_DSTAR) {
        advance(p);
        first = parse_bitwise_or(p);
        if (at_comprehension(p))
            parse_error_tok(p, &p->toks[start + 1],
                            "dict unpacking cannot be used in dict comprehension");
    } else {
        bool walrus = kind(p) == T_NAME && peek(p, 1)->kind == T_COLONEQUAL;
        first = parse_star_named_expression(p);
        if (kind(p) == T_COLON && first->kind != E_STARRED && !walrus) {
            key = first;
            first = dict_value(p, key);
            if (at_comprehension(p)) {
                e = new_comp(p, E_DICTCOMP, start, NULL, key, first);
                parse_expect(p, T_RBRACE);
                e->pos = parse_span_from(p, start);
                parse_leave(p);
                return e;
            }
        } else {
            /* a set */
            if (at_comprehension(p)) {
                no_star_in_comp(p, first);
                e = new_comp(p, E_SETCOMP, start, first, NULL, NULL);
                parse_expect(p, T_RBRACE);
                e->pos = parse_span_from(p, start);
                parse_leave(p);
                return e;
            }
            LIST_PUSH(p, vals, vcap, first);
            while (accept(p, T_COMMA)) {
                if (kind(p) == T_RBRACE) break;
                LIST_PUSH(p, vals, vcap, parse_star_named_expression(p));
            }
            parse_expect(p, T_RBRACE);
            e = parse_new_expr(p, E_SET, parse_span_from(p, start));
            e->u.set.elts = vals;
            parse_leave(p);
            return e;
        }
    }
    LIST_PUSH(p, keys, kcap, key);
    LIST_PUSH(p, vals, vcap, first);
    while (accept(p, T_COMMA)) {
        if (kind(p) == T_RBRACE) break;
        if (accept(p, T_DSTAR)) {
            LIST_PUSH(p, keys, kcap, NULL);
            LIST_PUSH(p, vals, vcap, parse_bitwise_or(p));
        } else {
            Expr *k = parse_expression(p);
            LIST_PUSH(p, keys, kcap, k);
            LIST_PUSH(p, vals, vcap, dict_value(p, k));
        }
    }
    parse_expect(p, T_RBRACE);
    e = parse_new_expr(p, E_DICT, parse_span_from(p, start));
    e->u.dict.keys = keys;
    e->u.dict.values = vals;
    parse_leave(p);
    return e;
}

static Expr *constant(Parser *p, ConstKind k) {
    Expr *e = parse_new_expr(p, E_CONSTANT, parse_span_tok(cur(p)));
    e->u.constant.kind = k;
    advance(p);
    return e;
}

/* atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER
 *     | (tuple | group | genexp) | (list | listcomp) | (dict | set | dictcomp | setcomp) | '...' */
static Expr *atom(Parser *p) {
    switch (kind(p)) {
    case T_NAME: {
        Expr *e = parse_name_expr(p, cur(p), CTX_LOAD);
        advance(p);
        return e;
    }
    case T_TRUE: return constant(p, CONST_TRUE);
    case T_FALSE: return constant(p, CONST_FALSE);
    case T_NONE: return constant(p, CONST_NONE);
    case T_ELLIPSIS: return constant(p, CONST_ELLIPSIS);
    case T_STRING: return parse_strings(p);
    case T_NUMBER: {
        Expr *e = parse_number(p, cur(p));
        advance(p);
        return e;
    }
    case T_LPAR: return paren_atom(p);
    case T_LSQB: return list_atom(p);
    case T_LBRACE: return brace_atom(p);
    default: parse_fail(p);
    }
}

/* ---- comprehensions and targets ---------------------------------------------------- */

/* star_target for `for` loops and comprehensions: '*'? bitwise_or (the
 * bitwise_or level stops before 'in'); validity is checked by
 * parse_set_target. */
static Expr *star_target(Parser *p) {
    if (kind(p) != T_STAR) return parse_bitwise_or(p);
    int start = p->pos;
    advance(p);
    parse_enter(p);
    Expr *v = star_target(p);
    parse_leave(p);
    Expr *e = parse_new_expr(p, E_STARRED, parse_span_from(p, start));
    e->u.starred.value = v;
    return e;
}

/* star_targets: star_target !',' | star_target (',' star_target)* [','] */
Expr *parse_star_targets(Parser *p) {
    int start = p->pos;
    Expr *e = star_target(p);
    if (kind(p) != T_COMMA) return e;
    ExprList elts = {0, NULL};
    int cap = 0;
    LIST_PUSH(p, elts, cap, e);
    while (accept(p, T_COMMA)) {
        if (!parse_starts_expr(kind(p)) && kind(p) != T_STAR) break;
        LIST_PUSH(p, elts, cap, star_target(p));
    }
    return new_tuple(p, elts, parse_span_from(p, start));
}

/* for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)* */
static ComprehensionList for_if_clauses(Parser *p) {
    ComprehensionList gens = {0, NULL};
    int cap = 0;
    while (at_comprehension(p)) {
        Comprehension *c = arena_alloc(p->arena, sizeof *c);
        c->is_async = accept(p, T_ASYNC);
        parse_expect(p, T_FOR);
        c->target = parse_star_targets(p);
        if (kind(p) != T_IN) {
            /* CPython's invalid_for_target reads the target as star_expressions */
            if (parse_starts_expr(kind(p)) || kind(p) == T_STAR) parse_fail(p);
            parse_set_target(p, c->target, TARGET_FOR);
            parse_fail(p);
        }
        parse_set_target(p, c->target, TARGET_FOR);
        parse_check_star_targets(p, c->target);
        advance(p);
        c->iter = parse_disjunction(p);
        int icap = 0;
        while (accept(p, T_IF)) LIST_PUSH(p, c->ifs, icap, parse_disjunction(p));
        LIST_PUSH(p, gens, cap, c);
    }
    return gens;
}

/* ---- lambda and parameters ----------------------------------------------------------- */

/* lambdef: 'lambda' [lambda_params] ':' expression */
static Expr *lambdef(Parser *p) {
    int start = p->pos;
    advance(p);
    Arguments *args = parse_parameters(p, true, T_COLON);
    parse_expect(p, T_COLON);
    p->depth++;         /* two levels, as CPython's lambdef → expression */
    parse_enter(p);
    Expr *body = parse_expression(p);
    parse_leave(p);
    p->depth--;
    Expr *e = parse_new_expr(p, E_LAMBDA, parse_span_from(p, start));
    e->u.lambda.args = args;
    e->u.lambda.body = body;
    return e;
}

/* param: NAME annotation?   (annotation: ':' expression; none in lambdas)
 * `star` allows CPython 3.11's star_annotation (`*args: *Ts`). */
static Arg *param(Parser *p, bool lambda, bool star) {
    int start = p->pos;
    if (kind(p) != T_NAME) parse_fail(p);
    Arg *a = arena_alloc(p->arena, sizeof *a);
    a->name = parse_ident(p, cur(p));
    advance(p);
    if (!lambda && accept(p, T_COLON))
        a->annotation = star ? star_expression(p) : parse_expression(p);
    a->pos = parse_span_from(p, start);
    return a;
}

/* parameters / lambda_parameters, flattened into one loop over
 *   [posonly '/' ','] [args with defaults] ['*' [vararg] kwonly…] ['**' kwarg] [',']
 * with CPython 3.11's messages for the misplaced pieces. Stops before `closer`. */
Arguments *parse_parameters(Parser *p, bool lambda, TokKind closer) {
    Arguments *a = arena_alloc(p->arena, sizeof *a);
    int acap = 0, dcap = 0, kcap = 0, kdcap = 0;
    bool seen_slash = false, seen_star = false, seen_default = false;
    Token *bare_star = NULL;
    while (kind(p) != closer) {
        Token *t = cur(p);
        if (a->kwarg) parse_error_tok(p, t, "arguments cannot follow var-keyword argument");
        if (kind(p) == T_SLASH) {
            if (seen_slash) parse_error_tok(p, t, "/ may appear only once");
            if (seen_star) parse_error_tok(p, t, "/ must be ahead of *");
            if (a->args.n == 0) parse_error_tok(p, t, "at least one argument must precede /");
            advance(p);
            a->posonlyargs = a->args;
            a->args = (ArgList){0, NULL};
            acap = 0;
            seen_slash = true;
        } else if (kind(p) == T_STAR) {
            if (seen_star) parse_error_tok(p, t, "* argument may appear only once");
            advance(p);
            seen_star = true;
            if (kind(p) == T_NAME) {
                a->vararg = param(p, lambda, true);
                if (kind(p) == T_EQUAL)
                    parse_error_tok(p, cur(p), "var-positional argument cannot have default value");
            } else {
                bare_star = t;
                if (kind(p) == closer || (kind(p) == T_COMMA && peek(p, 1)->kind == T_DSTAR))
                    parse_error_tok(p, t, "named arguments must follow bare *");
            }
        } else if (kind(p) == T_DSTAR) {
            advance(p);
            a->kwarg = param(p, lambda, false);
            if (kind(p) == T_EQUAL)
                parse_error_tok(p, cur(p), "var-keyword argument cannot have default value");
        } else {
            Arg *arg = param(p, lambda, false);
            Expr *def = NULL;
            if (accept(p, T_EQUAL)) def = parse_expression(p);
            if (seen_star) {
                LIST_PUSH(p, a->kwonlyargs, kcap, arg);
                LIST_PUSH(p, a->kw_defaults, kdcap, def);
            } else {
                LIST_PUSH(p, a->args, acap, arg);
                if (def) {
                    LIST_PUSH(p, a->defaults, dcap, def);
                    seen_default = true;
                } else if (seen_default) {
                    parse_error_tok(p, t, "non-default argument follows default argument");
                }
            }
        }
        if (!accept(p, T_COMMA)) break;
    }
    if (kind(p) != closer) parse_fail(p);
    if (bare_star && a->kwonlyargs.n == 0)
        parse_error_tok(p, bare_star, "named arguments must follow bare *");
    return a;
}
