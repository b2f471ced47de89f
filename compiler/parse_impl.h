/*
 * parse_impl.h — internals shared by the parser's files, not for others.
 *
 *   parse.c       source preparation, token access, errors and recovery,
 *                 target checking, the module entry point
 *   parse_expr.c  expressions (precedence levels, atoms, calls,
 *                 comprehensions, lambdas, slices)
 *   parse_stmt.c  statements, blocks, function and class definitions,
 *                 match statements and their patterns
 *   parse_str.c   string literals (escapes, concatenation, f-strings)
 *                 and number literals
 *   parse_pattern.c  the SyntaxErrors CPython's compiler raises for
 *                 match patterns (unreachable cases, bindings, keys)
 *
 * The parser is recursive descent over an array of all the file's tokens
 * (lexed up front, so backtracking is just resetting `pos`). Errors do
 * not return: parse_error*() prints the diagnostic and longjmp()s to
 * the innermost recovery point — the statement loop, which skips to the
 * next statement, or a trial parse (parse_try), which rewinds silently.
 * So grammar functions never check for failure; everything they return
 * is a complete node.
 */
#ifndef AITHON_PARSE_IMPL_H
#define AITHON_PARSE_IMPL_H

#include <setjmp.h>
#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "lex.h"

/* Nesting guard, so that hostile input cannot overflow the C stack: the
 * recursive rules that can nest without brackets (unary operators, not,
 * await, **, lambda, conditional expressions) count levels as CPython's
 * PEG parser does (its MAXSTACK is 6000 rule calls: a '**' or a lambda
 * costs two, so CPython 3.11 parses 2983 nested lambdas and 2984-term
 * powers and no more; we count from 1 where it starts at about 32).
 * Past it: "Parser stack overflowed - Python source too complex to parse"
 * (E0111; CPython 3.11 raises a bare MemoryError). Brackets are limited
 * separately by LEX_MAXLEVEL; depth that the parser builds by iteration
 * (`1+1+…`, `x.a.a…`) is limited by the scope pass (SCOPE_MAX_DEPTH). */
enum { PARSE_MAX_DEPTH = 5968 };

/* The longest decimal int literal: CPython's default int_max_str_digits. */
enum { PARSE_MAX_INT_DIGITS = 4300 };

typedef struct Parser Parser;
struct Parser {
    Arena *arena;
    Token *toks;            /* all tokens; the last is T_EOF or T_ERROR */
    int ntoks;
    int pos;                /* index of the current token */
    jmp_buf *jmp;           /* where an error unwinds to */
    int speculating;        /* > 0 inside parse_try: errors unwind unreported */
    int depth;              /* nesting guard, see PARSE_MAX_DEPTH */
    int no_invalid;         /* > 0: skip the helpful-error checks (CPython's
                               expression_without_invalid) */
    int nerrors;            /* errors reported (root parser) */
    bool fatal;             /* the reported error ends the parse */
    Parser *root;           /* the module's parser (itself for the module) */
    const char *msg_prefix; /* "f-string: " inside f-string replacement fields */
    int fstring_level;      /* 0 in code; 1 in a field, 2 in a field of a format spec */
    int block_depth;        /* 0 for module-level statements */
    bool future_ok;         /* `from __future__ import` still allowed here */
    int future_line;        /* line of the last valid __future__ import */
    LexError lexerr;        /* the lexer's error when the last token is T_ERROR */
};

/* ---- lists ---------------------------------------------------------------- */

/* Append to any of ast.h's {n, v} lists; `cap` is a local int that starts
 * at 0 alongside the empty list. */
#define LIST_PUSH(p, list, cap, item)                                                \
    do {                                                                             \
        (list).v = arena_grow((p)->arena, (list).v, &(cap), (list).n + 1,            \
                              sizeof *(list).v);                                     \
        (list).v[(list).n++] = (item);                                               \
    } while (0)

/* ---- tokens (parse.c) ----------------------------------------------------- */

static inline Token *cur(Parser *p) { return &p->toks[p->pos]; }
static inline TokKind kind(Parser *p) { return p->toks[p->pos].kind; }
static inline Token *peek(Parser *p, int k) {
    int i = p->pos + k;
    return &p->toks[i < p->ntoks ? i : p->ntoks - 1];
}
static inline Token *prev(Parser *p) { return &p->toks[p->pos > 0 ? p->pos - 1 : 0]; }
static inline void advance(Parser *p) {
    if (p->pos < p->ntoks - 1) p->pos++;
}
static inline bool accept(Parser *p, TokKind k) {
    if (p->toks[p->pos].kind != k) return false;
    advance(p);
    return true;
}

bool parse_is_name(const Token *t, const char *s);   /* NAME token spelling s */
Token *parse_expect(Parser *p, TokKind k);           /* else "invalid syntax" */
void parse_expect_colon(Parser *p);                  /* else "expected ':'" */
const char *parse_ident(Parser *p, const Token *t);  /* arena copy of a NAME */
bool parse_starts_expr(TokKind k);                   /* can begin an expression */

/* ---- positions and nodes (parse.c) ------------------------------------------ */

SrcSpan parse_span_tok(const Token *t);
SrcSpan parse_span_from(Parser *p, int start_tok);   /* toks[start] .. previous token */
Expr *parse_new_expr(Parser *p, ExprKind k, SrcSpan pos);
Stmt *parse_new_stmt(Parser *p, StmtKind k, SrcSpan pos);
Expr *parse_name_expr(Parser *p, const Token *t, ExprCtx ctx);

/* ---- errors (parse.c) ------------------------------------------------------- */

_Noreturn void parse_error_at(Parser *p, DiagCode code, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
_Noreturn void parse_error_tok(Parser *p, const Token *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
_Noreturn void parse_error_expr(Parser *p, const Expr *e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Fail at the current token: the lexer's error for T_ERROR, "unexpected
 * indent" for INDENT, else "invalid syntax". */
_Noreturn void parse_fail(Parser *p);

/* Run fn speculatively: errors are not reported; on failure pos is
 * rewound and false returned. */
bool parse_try(Parser *p, bool (*fn)(Parser *p, void *arg), void *arg);

/* The compile-time SyntaxErrors of a parsed match statement (parse_pattern.c). */
void parse_check_match(Parser *p, const Stmt *s);

void parse_enter(Parser *p);    /* depth guard around recursive rules */
static inline void parse_leave(Parser *p) { p->depth--; }

/* ---- targets (parse.c) ------------------------------------------------------- */

typedef enum { TARGET_STAR, TARGET_FOR, TARGET_DEL } TargetKind;

const char *parse_expr_name(const Expr *e);          /* "function call", "literal"… */
/* The part of e that cannot be a target (CPython's _PyPegen_get_invalid_target), or NULL. */
Expr *parse_invalid_target(Expr *e, TargetKind tk);
/* Check that e can be assigned to (or deleted), report CPython's error
 * otherwise, and set the context of e and its parts to Store/Del. */
void parse_set_target(Parser *p, Expr *e, TargetKind tk);
/* Starred checks CPython's compiler makes on assignment targets. */
void parse_check_star_targets(Parser *p, Expr *e);
/* A bare `*x` where only a value may stand: "can't use starred expression here". */
void parse_no_bare_star(Parser *p, Expr *e);

/* ---- expressions (parse_expr.c) ------------------------------------------------ */

Expr *parse_expression(Parser *p);          /* expression (ifexp, lambda, disjunction) */
Expr *parse_named_expression(Parser *p);    /* walrus allowed */
Expr *parse_star_expressions(Parser *p);    /* a, *b, c → Tuple */
Expr *parse_star_named_expression(Parser *p);
Expr *parse_disjunction(Parser *p);
Expr *parse_bitwise_or(Parser *p);
Expr *parse_yield_expr(Parser *p);
Expr *parse_star_targets(Parser *p);        /* for/comprehension targets, Load ctx */
Expr *parse_fstring_expr(Parser *p, SrcSpan outer);   /* a replacement field's expression */
Arguments *parse_parameters(Parser *p, bool lambda, TokKind closer);
/* Call arguments after '(' up to and including ')'; a lone generator
 * expression argument is allowed only for calls (not class bases). */
void parse_call_args(Parser *p, ExprList *args, KeywordList *kws, int open_tok, bool genexp);
/* CPython's "Maybe you meant '==' …" checks for the expression e, which
 * spans toks[start, pos) and is followed by '='. Returns if they do not apply. */
void parse_check_meant_equals(Parser *p, Expr *e, int start);

/* ---- statements (parse_stmt.c) ------------------------------------------------- */

void parse_file_statements(Parser *p, StmtList *body);

/* ---- literals (parse_str.c) ------------------------------------------------------ */

Expr *parse_strings(Parser *p);             /* one or more adjacent STRING tokens */
Expr *parse_number(Parser *p, const Token *t);
/* Tokenize [start, end) of the module text into the arena (f-strings). */
Token *parse_lex_span(Parser *p, Lexer *lx, int *ntoks);

#endif
