/*
 * lex.h — the tokenizer of Python 3.11 source.
 *
 * Input: a UTF-8 buffer whose newlines are already '\n' (parse.c
 * normalises "\r\n" and "\r", drops a BOM and transcodes declared
 * encodings before lexing). Output: one Token per lex_next() call, in
 * CPython's token model — NAME, NUMBER, STRING, operators, keywords,
 * NEWLINE at the end of each logical line, INDENT/DEDENT from the
 * indentation stack, then ENDMARKER (T_EOF).
 *
 * The lexer only finds token boundaries and checks lexical rules (number
 * forms, string termination, indentation, brackets, characters). It does
 * not decode string or number values: parse_str.c does that from the
 * token text, so a token is just a span of the source plus positions.
 *
 * Errors: the first lexical error turns the lexer "sticky" — lex_next()
 * returns T_ERROR from then on, and lx->err holds the message, code and
 * position. The parser reports it when it reaches that token, as CPython
 * reports tokenizer errors only when the parser asks for the token.
 *
 * A lexer can also run over the expression part of an f-string (see
 * lex_init_fstring): positions stay those of the real file, newlines are
 * ignored as inside brackets, and the end of the span is T_EOF.
 */
#ifndef AITHON_LEX_H
#define AITHON_LEX_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* CPython's limits, kept so the same programs are rejected and so the
 * parser's recursion depth stays bounded. */
enum {
    LEX_MAXINDENT = 100,    /* "too many levels of indentation" */
    LEX_MAXLEVEL = 200,     /* "too many nested parentheses" */
};

typedef enum {
    T_EOF, T_ERROR, T_NAME, T_NUMBER, T_STRING, T_NEWLINE, T_INDENT,
    T_DEDENT,
    /* A character that starts no token (`$`, `?`, `!`, a backtick): not a
     * lexical error in CPython, the parser reports "invalid syntax". */
    T_BADCHAR,
    /* delimiters */
    T_LPAR, T_RPAR, T_LSQB, T_RSQB, T_LBRACE, T_RBRACE, T_COLON, T_COMMA,
    T_SEMI, T_DOT, T_ELLIPSIS, T_ARROW, T_AT, T_EQUAL, T_COLONEQUAL,
    /* operators */
    T_PLUS, T_MINUS, T_STAR, T_SLASH, T_DSLASH, T_PERCENT, T_DSTAR, T_VBAR,
    T_AMPER, T_CIRCUMFLEX, T_TILDE, T_LSHIFT, T_RSHIFT, T_LESS, T_GREATER,
    T_EQEQUAL, T_NOTEQUAL, T_LESSEQUAL, T_GREATEREQUAL,
    /* augmented assignment, in BinOp order (see lex_augassign_op) */
    T_PLUSEQ, T_MINUSEQ, T_STAREQ, T_ATEQ, T_SLASHEQ, T_PERCENTEQ,
    T_DSTAREQ, T_LSHIFTEQ, T_RSHIFTEQ, T_VBAREQ, T_CIRCUMFLEXEQ, T_AMPEREQ,
    T_DSLASHEQ,
    /* hard keywords (soft keywords match/case/_ stay T_NAME) */
    T_FALSE, T_NONE, T_TRUE, T_AND, T_AS, T_ASSERT, T_ASYNC, T_AWAIT,
    T_BREAK, T_CLASS, T_CONTINUE, T_DEF, T_DEL, T_ELIF, T_ELSE, T_EXCEPT,
    T_FINALLY, T_FOR, T_FROM, T_GLOBAL, T_IF, T_IMPORT, T_IN, T_IS,
    T_LAMBDA, T_NONLOCAL, T_NOT, T_OR, T_PASS, T_RAISE, T_RETURN, T_TRY,
    T_WHILE, T_WITH, T_YIELD,
    T__COUNT
} TokKind;

/* STRING token flags (from the prefix and the quotes). */
enum {
    STR_RAW = 1, STR_BYTES = 2, STR_FSTRING = 4, STR_TRIPLE = 8,
    STR_UNICODE = 16,
};

typedef struct {
    TokKind kind;
    const char *start;      /* token text in the source buffer */
    int len;                /* bytes; 0 for NEWLINE at EOF, INDENT, DEDENT, EOF */
    int line, col;          /* 1-based line, 0-based byte column of the start */
    int end_line, end_col;  /* position just past the token */
    int level;              /* bracket depth after this token (CPython's tok->level) */
    unsigned char str_flags;/* STR_* for T_STRING */
    unsigned char prefix_len;/* T_STRING: bytes of prefix before the quote */
} Token;

typedef struct {
    DiagCode code;
    int line, col;
    char msg[200];
} LexError;

typedef struct {
    const char *src, *end;      /* the text being lexed, [src, end) */
    const char *cur;            /* next unread byte */
    const char *line_start;     /* first byte of the current physical line */
    int line;                   /* 1-based number of the current line */

    bool at_bol;                /* next token starts a logical line: measure indentation */
    bool line_has_tokens;       /* a token was produced since the last NEWLINE */
    bool fstring;               /* lexing an f-string expression (see lex_init_fstring) */
    bool done;                  /* T_EOF produced */
    int pending_dedents;        /* DEDENTs still to emit before the next token */
    bool pending_indent;        /* an INDENT to emit before the next token */

    /* Indentation stack as CPython keeps it: columns with tabs to the next
     * multiple of 8 and, in parallel, with tabs counting 1. A line must
     * compare the same way under both measures, or it is a TabError. */
    int nindent;
    int indent[LEX_MAXINDENT + 1];
    int altindent[LEX_MAXINDENT + 1];

    /* Open brackets, for matching and for "'(' was never closed". */
    int level;
    char paren[LEX_MAXLEVEL];
    int paren_line[LEX_MAXLEVEL];
    int paren_col[LEX_MAXLEVEL];

    bool failed;                /* sticky: err is set, every token is T_ERROR */
    LexError err;
} Lexer;

/* Lex a whole module: `text` is [text, text+len), NUL-terminated. */
void lex_init(Lexer *lx, const char *text, size_t len);

/* Lex the expression part of an f-string: [start, end) lies inside the
 * module buffer, `line`/`line_start` locate `start`. Bracket level starts
 * at 1 (CPython parses the part as if it were parenthesised), so
 * newlines are ignored and no NEWLINE/INDENT/DEDENT is produced. */
void lex_init_fstring(Lexer *lx, const char *start, const char *end,
                      int line, const char *line_start);

Token lex_next(Lexer *lx);

/* "'('", "NEWLINE", "'if'"… for messages and debugging. */
const char *lex_token_name(TokKind k);

/* Decode one UTF-8 sequence at s (which must be valid UTF-8, as checked
 * by the caller); stores the byte length in *n. */
unsigned lex_utf8_decode(const char *s, int *n);

#endif
