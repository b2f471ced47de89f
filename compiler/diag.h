/*
 * diag.h — compiler diagnostics.
 *
 * Every error the compiler reports goes through diag_error(), which prints
 *
 *     app.py:3:7: error[E0101]: invalid syntax
 *         x = = 1
 *             ^
 *
 * to stderr: `file:line:col` (col is 1-based, counted in characters of
 * the line), the stable code, the message, the source line and a caret.
 * Codes are listed, and never renumbered, in docs/diagnostics.md; the
 * enum below is their single source in the code.
 *
 * Phases keep going after an error where they can (the parser
 * resynchronises at the next statement) so that one run reports several;
 * diag_error_count() tells the driver whether to stop before the next
 * phase. After DIAG_MAX_ERRORS errors, further ones are dropped and one
 * line says so.
 */
#ifndef AITHON_DIAG_H
#define AITHON_DIAG_H

#include <stdbool.h>
#include <stddef.h>

enum { DIAG_MAX_ERRORS = 20 };

typedef enum {
    /* E01xx: lexical and syntax errors (lex.c, parse.c) */
    E_SYNTAX            = 101,  /* invalid syntax (and CPython's specific wordings) */
    E_INDENT            = 102,  /* IndentationError: unexpected indent / expected an indented block */
    E_TAB               = 103,  /* TabError: inconsistent use of tabs and spaces */
    E_DEDENT            = 104,  /* unindent does not match any outer indentation level */
    E_STRING            = 105,  /* unterminated string literal, bad escape */
    E_NUMBER            = 106,  /* invalid decimal/hex/... literal */
    E_CHAR              = 107,  /* invalid character / non-printable character */
    E_EOF               = 108,  /* unexpected EOF, unclosed bracket */
    E_FSTRING           = 109,  /* f-string: ... */
    E_ENCODING          = 110,  /* source is not valid UTF-8 */
    E_TOO_COMPLEX       = 111,  /* nesting past the compiler's limits (CPython: RecursionError, MemoryError) */
    /* E02xx: scope errors (scope.c) — CPython's SyntaxErrors about names */
    E_SCOPE             = 201,  /* name 'x' is used prior to global declaration, … */
    E_NONLOCAL          = 202,  /* no binding for nonlocal 'x' found */
    E_RETURN_OUTSIDE    = 203,  /* 'return' outside function, 'yield' outside function, … */
    E_LOOP_CONTROL      = 204,  /* 'break' outside loop, 'continue' not properly in loop */
    /* E03xx: unsupported Python (sema, emitter) */
    E_UNSUPPORTED       = 301,  /* <construct> is not supported yet */
    E_OUT_OF_SCOPE      = 302,  /* <feature> is not supported by Aithon (by design) */
    E_IMPORT            = 303,  /* cannot resolve import at compile time */
    /* E09xx: driver and I/O */
    E_IO                = 901,  /* cannot read/write a file */
    E_INTERNAL          = 999,  /* internal compiler error (a bug) */
} DiagCode;

/* Register a source file so errors in it can show the line. `name` is as
 * the user gave it; `text` must stay alive until the end of compilation. */
void diag_set_source(const char *name, const char *text, size_t len);

/* Report an error at 1-based `line`, 0-based byte `col` of the current
 * source file (col < 0: no caret). printf-style message. */
void diag_error(DiagCode code, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Same, for a file other than the current source (e.g. unreadable input). */
void diag_error_file(DiagCode code, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

int diag_error_count(void);
/* Errors reported with `code` since the last diag_reset (the emit fuzz
 * target's "internal error" check). */
int diag_code_count(DiagCode code);
void diag_reset(void);

/* Count errors but print nothing (the parser's fuzz target). */
void diag_set_quiet(bool quiet);

/* A trial: until diag_trial_end, errors are neither printed nor counted
 * (a doctest example that does not parse is a SyntaxError at run time,
 * not a compile error: doctests.c). diag_trial_end returns the errors
 * the trial saw and copies the first one's message into msg. */
void diag_trial_begin(void);
int diag_trial_end(char *msg, size_t cap);

#endif
