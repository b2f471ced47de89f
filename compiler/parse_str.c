/*
 * parse_str.c — string and number literals.
 *
 * Input: STRING and NUMBER tokens (lex.c checked their form). Output:
 * Constant nodes (str decoded to UTF-8, bytes, int/float/imaginary) and,
 * for f-strings, JoinedStr nodes of Constant and FormattedValue parts —
 * the tree CPython 3.11's ast.parse() builds, including its quirks:
 * adjacent literals (also across `"a" f"b{x}"` concatenation) merge into
 * one Constant, empty ones vanish, and `{x=}` adds the text "x=" and a
 * repr conversion unless a conversion or format spec is given.
 *
 * F-strings are handled as in 3.11 (before PEP 701): the lexer ends the
 * string at its closing quote; the body is then scanned here for
 * replacement fields, and each field's expression is lexed and parsed by
 * a sub-parser over the very same bytes of the source buffer, so the
 * positions of the inner nodes are exact. Constant and FormattedValue
 * parts get the span of the whole string group, as CPython 3.11 does.
 *
 * Invariants and limits: a str Constant may hold lone surrogates from
 * "\ud800" escapes, encoded as 3-byte UTF-8-style sequences (WTF-8).
 * \N{NAME} knows the few hundred names in the table at the end of this
 * file (all that the standard library uses, ASCII, Latin-1, Greek, common
 * symbols) plus CJK UNIFIED IDEOGRAPH-XXXX; any other name is reported as
 * not supported yet. Integers beyond int64 are kept as decimal digits
 * (Constant.big): decimal digits, or a 0x/0o/0b literal's digits behind
 * its prefix.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse_impl.h"

/* ---- a growable byte buffer in the arena --------------------------------------- */

typedef struct {
    char *v;
    size_t n, cap;
} StrBuf;

static void sb_grow(Parser *p, StrBuf *b, size_t extra) {
    if (b->n + extra <= b->cap) return;
    size_t nc = b->cap ? b->cap * 2 : 64;
    while (nc < b->n + extra) nc *= 2;
    char *nv = arena_alloc(p->arena, nc);
    if (b->n) memcpy(nv, b->v, b->n);
    b->v = nv;
    b->cap = nc;
}

static void sb_put(Parser *p, StrBuf *b, const char *s, size_t n) {
    if (n == 0) return;
    sb_grow(p, b, n);
    memcpy(b->v + b->n, s, n);
    b->n += n;
}

static void sb_putc(Parser *p, StrBuf *b, char c) {
    sb_grow(p, b, 1);
    b->v[b->n++] = c;
}

/* UTF-8 for any code point up to U+10FFFF, surrogates included (WTF-8). */
static void sb_put_cp(Parser *p, StrBuf *b, unsigned cp) {
    char u[4];
    size_t n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    sb_put(p, b, u, n);
}

/* A NUL-terminated arena copy of the buffer's bytes. */
static const char *sb_finish(Parser *p, const StrBuf *b) {
    return arena_strndup(p->arena, b->n ? b->v : "", b->n);
}

/* ---- numbers ---------------------------------------------------------------------- */

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
}

/* NUMBER token -> Constant: int (int64 or big), float, or imaginary. */
Expr *parse_number(Parser *p, const Token *t) {
    Expr *e = parse_new_expr(p, E_CONSTANT, parse_span_tok(t));
    Constant *c = &e->u.constant;
    char *buf = arena_alloc(p->arena, (size_t)t->len + 1);
    size_t n = 0;
    for (int i = 0; i < t->len; i++)
        if (t->start[i] != '_') buf[n++] = t->start[i];
    buf[n] = '\0';
    if (buf[n - 1] == 'j' || buf[n - 1] == 'J') {
        buf[n - 1] = '\0';
        c->kind = CONST_IMAG;
        c->fval = strtod(buf, NULL);
        return e;
    }
    int base = 10;
    const char *digits = buf;
    if (n > 1 && buf[0] == '0') {
        char x = buf[1];
        if (x == 'x' || x == 'X') base = 16;
        else if (x == 'o' || x == 'O') base = 8;
        else if (x == 'b' || x == 'B') base = 2;
        if (base != 10) {
            digits += 2;
            n -= 2;
        }
    }
    if (base == 10 && strpbrk(buf, ".eE")) {
        c->kind = CONST_FLOAT;
        c->fval = strtod(buf, NULL);
        return e;
    }
    c->kind = CONST_INT;
    while (n > 1 && digits[0] == '0') {
        digits++;
        n--;
    }
    uint64_t v = 0;
    bool big = false;
    for (size_t i = 0; i < n && !big; i++) {
        uint64_t d = (uint64_t)digit_value(digits[i]);
        if (v > ((uint64_t)INT64_MAX - d) / (uint64_t)base) big = true;
        else v = v * (uint64_t)base + d;
    }
    if (!big) {
        c->ival = (int64_t)v;
        return e;
    }
    /* CPython converts a decimal literal with int(), whose limit (4300
     * digits, sys.int_max_str_digits) makes a longer one a SyntaxError. */
    if (base == 10 && n > PARSE_MAX_INT_DIGITS)
        parse_error_tok(p, t,
                        "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; "
                        "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for "
                        "huge integer literals to avoid decimal conversion limits.",
                        PARSE_MAX_INT_DIGITS, n);
    /* Other bases keep their digits behind their prefix ("0x1f…"): the
     * runtime converts a power-of-two base in linear time, which a
     * decimal detour would make quadratic. */
    c->big = base == 10 ? arena_strndup(p->arena, digits, n)
                        : arena_printf(p->arena, "0%c%.*s", base == 16 ? 'x' : base == 8 ? 'o' : 'b',
                                       (int)n, digits);
    return e;
}

/* ---- escapes ---------------------------------------------------------------------- */

static long table_lookup(const char *upper_name);   /* at the end of the file */

/* Code point of a \N{name}, or -1. Case-insensitive, as CPython's is. */
static long lookup_name(const char *s, size_t n) {
    char up[128];
    if (n == 0 || n >= sizeof up) return -1;
    for (size_t i = 0; i < n; i++) up[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
    up[n] = '\0';
    static const char cjk[] = "CJK UNIFIED IDEOGRAPH-";
    if (n > sizeof cjk - 1 && memcmp(up, cjk, sizeof cjk - 1) == 0) {
        char *end;
        unsigned long cp = strtoul(up + sizeof cjk - 1, &end, 16);
        size_t hex = (size_t)(end - (up + sizeof cjk - 1));
        if (*end == '\0' && (hex == 4 || hex == 5) &&
            ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
             (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2EBE0) ||
             (cp >= 0x30000 && cp <= 0x3134A)))
            return (long)cp;
        return -1;
    }
    return table_lookup(up);
}

static int hex_digits(const char *s, const char *e, int want, unsigned long *v) {
    int k = 0;
    *v = 0;
    while (k < want && s + k < e) {
        char c = s[k];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) break;
        *v = *v * 16 + (unsigned long)digit_value(c);
        k++;
    }
    return k;
}

_Noreturn static void string_error(Parser *p, const Token *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
_Noreturn static void string_error(Parser *p, const Token *t, const char *fmt, ...) {
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    parse_error_at(p, E_STRING, t->line, t->col, "%s", msg);
}

#define UERR "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s"

/* Append the value of the string-body text [s, e) to b: escape sequences
 * decoded unless raw; bytes literals keep bytes (and must be ASCII).
 * `body` is the start of the whole body, for error positions. */
static void decode(Parser *p, StrBuf *b, const char *s, const char *e, bool raw, bool bytes,
                   const Token *t, const char *body) {
    if (bytes) {
        for (const char *c = s; c < e; c++)
            if ((unsigned char)*c >= 0x80)
                string_error(p, t, "bytes can only contain ASCII literal characters");
    }
    if (raw) {
        sb_put(p, b, s, (size_t)(e - s));
        return;
    }
    while (s < e) {
        const char *bs = memchr(s, '\\', (size_t)(e - s));
        if (!bs) {
            sb_put(p, b, s, (size_t)(e - s));
            return;
        }
        sb_put(p, b, s, (size_t)(bs - s));
        s = bs + 1;
        int at = (int)(bs - body);
        if (s >= e) {   /* a lone backslash ending an f-string literal part */
            sb_putc(p, b, '\\');
            return;
        }
        char c = *s++;
        switch (c) {
        case '\n': break;
        case '\\': sb_putc(p, b, '\\'); break;
        case '\'': sb_putc(p, b, '\''); break;
        case '"': sb_putc(p, b, '"'); break;
        case 'a': sb_putc(p, b, '\a'); break;
        case 'b': sb_putc(p, b, '\b'); break;
        case 'f': sb_putc(p, b, '\f'); break;
        case 'n': sb_putc(p, b, '\n'); break;
        case 'r': sb_putc(p, b, '\r'); break;
        case 't': sb_putc(p, b, '\t'); break;
        case 'v': sb_putc(p, b, '\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = (unsigned)(c - '0');
            for (int k = 0; k < 2 && s < e && *s >= '0' && *s <= '7'; k++)
                v = v * 8 + (unsigned)(*s++ - '0');
            /* above \377 CPython 3.11 warns, and bytes keep the low 8 bits */
            if (bytes) sb_putc(p, b, (char)(v & 0xFF));
            else sb_put_cp(p, b, v);
            break;
        }
        case 'x': {
            unsigned long v;
            int k = hex_digits(s, e, 2, &v);
            if (k < 2) {
                if (bytes)
                    string_error(p, t, "(value error) invalid \\x escape at position %d", at);
                string_error(p, t, UERR, at, at + 1 + k, "truncated \\xXX escape");
            }
            s += 2;
            if (bytes) sb_putc(p, b, (char)v);
            else sb_put_cp(p, b, (unsigned)v);
            break;
        }
        case 'u':
        case 'U': {
            if (bytes) {   /* not an escape in bytes: kept as written */
                sb_putc(p, b, '\\');
                sb_putc(p, b, c);
                break;
            }
            int want = c == 'u' ? 4 : 8;
            unsigned long v;
            int k = hex_digits(s, e, want, &v);
            if (k < want)
                string_error(p, t, UERR, at, at + 1 + k,
                             c == 'u' ? "truncated \\uXXXX escape"
                                      : "truncated \\UXXXXXXXX escape");
            if (v > 0x10FFFF) string_error(p, t, UERR, at, at + 1 + k, "illegal Unicode character");
            s += want;
            sb_put_cp(p, b, (unsigned)v);
            break;
        }
        case 'N': {
            if (bytes) {
                sb_putc(p, b, '\\');
                sb_putc(p, b, c);
                break;
            }
            const char *close = s < e && *s == '{' ? memchr(s, '}', (size_t)(e - s)) : NULL;
            if (!close || close == s + 1)
                string_error(p, t, UERR, at, (int)((close ? close : e) - body) - 1,
                                "malformed \\N character escape");
            long cp = lookup_name(s + 1, (size_t)(close - s - 1));
            if (cp < 0)
                string_error(p, t,
                             "(unicode error) \\N{%.*s}: unknown Unicode character name, or "
                             "one Aithon does not support yet (it knows a small table; "
                             "write the character itself or a \\u escape)",
                             (int)(close - s - 1), s + 1);
            sb_put_cp(p, b, (unsigned)cp);
            s = close + 1;
            break;
        }
        default:
            /* An invalid escape stays as written (CPython only warns). */
            sb_putc(p, b, '\\');
            s--;
            break;
        }
    }
}

/* ---- f-strings --------------------------------------------------------------------- */

/* Parts of a JoinedStr being built, with the literal text not yet flushed. */
typedef struct {
    ExprList values;
    int cap;
    StrBuf lit;
    SrcSpan pos;    /* of this JoinedStr, and of a Constant ending it */
    SrcSpan full;   /* of the whole string group: FormattedValue parts and
                       the Constants before them */
} FBuilder;

/* CPython 3.11 gives literal parts odd spans: the whole string group's
 * when a field follows, the builder's own when they end it (a format
 * spec's own token). `pos` is the one that applies. */
static void fb_flush(Parser *p, FBuilder *fb, SrcSpan pos) {
    if (fb->lit.n == 0) return;
    Expr *c = parse_new_expr(p, E_CONSTANT, pos);
    c->u.constant.kind = CONST_STR;
    c->u.constant.str = sb_finish(p, &fb->lit);
    c->u.constant.len = fb->lit.n;
    LIST_PUSH(p, fb->values, fb->cap, c);
    fb->lit = (StrBuf){NULL, 0, 0};
}

static Expr *fb_finish(Parser *p, FBuilder *fb) {
    fb_flush(p, fb, fb->pos);
    Expr *j = parse_new_expr(p, E_JOINEDSTR, fb->pos);
    j->u.joinedstr.values = fb->values;
    return j;
}

/* Where byte `at` of the token's text lies: its line and line start. */
static void locate(const Token *t, const char *at, int *line, const char **line_start) {
    *line = t->line;
    *line_start = t->start - t->col;
    for (const char *c = t->start; c < at; c++)
        if (*c == '\n') {
            (*line)++;
            *line_start = c + 1;
        }
}

_Noreturn static void fstring_error(Parser *p, const Token *t, const char *at, const char *msg) {
    int line;
    const char *ls;
    locate(t, at, &line, &ls);
    parse_error_at(p, E_FSTRING, line, (int)(at - ls), "%s", msg);
}

/* Lex and parse the expression text [s, e) of a replacement field with a
 * sub-parser over the same source bytes (CPython parses "(" text ")"). */
static Expr *compile_field(Parser *p, const char *s, const char *e, const Token *t) {
    const char *c = s;
    while (c < e && (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\f')) c++;
    if (c == e) {
        if (*e == '!' || *e == ':' || *e == '=') {
            char msg[64];
            snprintf(msg, sizeof msg, "f-string: expression required before '%c'", *e);
            fstring_error(p, t, e, msg);
        }
        fstring_error(p, t, e, "f-string: empty expression not allowed");
    }
    int line;
    const char *ls;
    locate(t, s, &line, &ls);
    Lexer *lx = arena_alloc(p->arena, sizeof *lx);
    lex_init_fstring(lx, s, e, line, ls);
    Parser sub = *p;
    sub.toks = parse_lex_span(p, lx, &sub.ntoks);
    sub.pos = 0;
    sub.lexerr = lx->err;
    sub.msg_prefix = "f-string: ";
    sub.fstring_level = p->fstring_level + 1;
    /* from the '{' to the character after the expression */
    SrcSpan outer = {line, (int)(s - 1 - ls), 0, 0};
    locate(t, e, &outer.end_line, &ls);
    outer.end_col = (int)(e + 1 - ls);
    return parse_fstring_expr(&sub, outer);
}

static void fstring_parts(Parser *p, FBuilder *fb, const char **sp, const char *e, bool raw,
                          int lvl, const Token *t, const char *body);

/* One replacement field; *sp is at its '{'. Appends a FormattedValue
 * (and the "x=" text of a self-documenting field) to fb. */
static void fstring_field(Parser *p, FBuilder *fb, const char **sp, const char *e, bool raw,
                          int lvl, const Token *t, const char *body) {
    const char *s = *sp;
    if (lvl >= 2) fstring_error(p, t, s, "f-string: expressions nested too deeply");
    s++;
    const char *expr_start = s;
    char quote = 0;
    int string_type = 0, depth = 0;
    char stack[LEX_MAXLEVEL];
    for (; s < e; s++) {
        char ch = *s;
        if (ch == '\\')
            fstring_error(p, t, s, "f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote) {
                if (string_type == 3) {
                    if (s + 2 < e && s[1] == ch && s[2] == ch) {
                        s += 2;
                        quote = 0;
                    }
                } else {
                    quote = 0;
                }
            }
        } else if (ch == '\'' || ch == '"') {
            if (s + 2 < e && s[1] == ch && s[2] == ch) {
                string_type = 3;
                s += 2;
            } else {
                string_type = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= LEX_MAXLEVEL)
                fstring_error(p, t, s, "f-string: too many nested parenthesis");
            stack[depth++] = ch;
        } else if (ch == '#') {
            fstring_error(p, t, s, "f-string expression part cannot include '#'");
        } else if (depth == 0 && ch && strchr("!:}=<>", ch)) {
            /* '!=', '==', '<=', '>=' and lone '<', '>' do not end the expression */
            if (s + 1 < e && s[1] == '=' && ch != ':' && ch != '}') {
                s++;
                continue;
            }
            if (ch == '<' || ch == '>') continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            char msg[96];
            if (!depth) {
                snprintf(msg, sizeof msg, "f-string: unmatched '%c'", ch);
                fstring_error(p, t, s, msg);
            }
            char open = stack[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
                  (open == '{' && ch == '}'))) {
                snprintf(msg, sizeof msg,
                         "f-string: closing parenthesis '%c' does not match "
                         "opening parenthesis '%c'", ch, open);
                fstring_error(p, t, s, msg);
            }
        }
    }
    const char *expr_end = s;
    if (quote) fstring_error(p, t, s, "f-string: unterminated string");
    if (depth) {
        char msg[48];
        snprintf(msg, sizeof msg, "f-string: unmatched '%c'", stack[depth - 1]);
        fstring_error(p, t, s, msg);
    }
    if (s >= e) fstring_error(p, t, s, "f-string: expecting '}'");
    Expr *value = compile_field(p, expr_start, expr_end, t);

    const char *text_end = NULL;     /* the "x=" of f"{x=}" */
    if (*s == '=') {
        s++;
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f' || *s == '\v')) s++;
        if (s >= e) fstring_error(p, t, s, "f-string: expecting '}'");
        text_end = s;
    }
    int conversion = -1;
    if (*s == '!') {
        s++;
        if (s >= e) fstring_error(p, t, s, "f-string: expecting '}'");
        conversion = (unsigned char)*s++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a')
            fstring_error(p, t, s - 1,
                          "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    if (s >= e) fstring_error(p, t, s, "f-string: expecting '}'");
    Expr *spec = NULL;
    if (*s == ':') {
        s++;
        if (s >= e) fstring_error(p, t, s, "f-string: expecting '}'");
        /* CPython 3.11 gives a format spec the span of its own token */
        FBuilder sfb = {{0, NULL}, 0, {NULL, 0, 0}, parse_span_tok(t), fb->full};
        fstring_parts(p, &sfb, &s, e, raw, lvl + 1, t, body);
        spec = fb_finish(p, &sfb);
    }
    if (s >= e || *s != '}') fstring_error(p, t, s, "f-string: expecting '}'");
    s++;
    *sp = s;

    if (text_end) {
        sb_put(p, &fb->lit, expr_start, (size_t)(text_end - expr_start));
        if (conversion == -1 && !spec) conversion = 'r';
    }
    fb_flush(p, fb, fb->full);
    Expr *fv = parse_new_expr(p, E_FORMATTEDVALUE, fb->full);
    fv->u.formatted.value = value;
    fv->u.formatted.conversion = conversion;
    fv->u.formatted.format_spec = spec;
    LIST_PUSH(p, fb->values, fb->cap, fv);
}

/* Literal text and fields from *sp up to e (lvl 0) or up to the '}' that
 * ends a format spec (lvl 1). */
static void fstring_parts(Parser *p, FBuilder *fb, const char **sp, const char *e, bool raw,
                          int lvl, const Token *t, const char *body) {
    const char *s = *sp;
    for (;;) {
        const char *lit = s;
        while (s < e) {
            char ch = *s++;
            if (!raw && ch == '\\' && s < e) {
                ch = *s++;
                if (ch == 'N') {
                    /* skip the braces of \N{...}: they start no field */
                    if (s < e && *s++ == '{')
                        while (s < e && *s++ != '}') {}
                    continue;
                }
            }
            if (ch == '{' || ch == '}') {
                if (lvl == 0 && s < e && *s == ch) {   /* doubled: one literal brace */
                    decode(p, &fb->lit, lit, s, raw, false, t, body);
                    s++;
                    lit = s;
                    continue;
                }
                if (lvl == 0 && ch == '}')
                    fstring_error(p, t, s - 1, "f-string: single '}' is not allowed");
                s--;
                break;
            }
        }
        decode(p, &fb->lit, lit, s, raw, false, t, body);
        if (s >= e || *s == '}') break;
        fstring_field(p, fb, &s, e, raw, lvl, t, body);
    }
    if (lvl > 0 && (s >= e || *s != '}')) fstring_error(p, t, s, "f-string: expecting '}'");
    *sp = s;
}

/* ---- string groups ----------------------------------------------------------------- */

/* strings: STRING+ — adjacent literals make one Constant, or one
 * JoinedStr when any of them is an f-string. */
Expr *parse_strings(Parser *p) {
    int start = p->pos, end = p->pos;
    bool any_bytes = false, any_str = false, any_f = false;
    while (p->toks[end].kind == T_STRING) {
        unsigned char f = p->toks[end].str_flags;
        if (f & STR_BYTES) any_bytes = true;
        else any_str = true;
        if (f & STR_FSTRING) any_f = true;
        end++;
    }
    if (any_bytes && any_str)
        string_error(p, &p->toks[start], "cannot mix bytes and nonbytes literals");
    Token *last = &p->toks[end - 1];
    SrcSpan span = {p->toks[start].line, p->toks[start].col, last->end_line, last->end_col};
    FBuilder fb = {{0, NULL}, 0, {NULL, 0, 0}, span, span};
    for (int i = start; i < end; i++) {
        const Token *t = &p->toks[i];
        int q = (t->str_flags & STR_TRIPLE) ? 3 : 1;
        const char *body = t->start + t->prefix_len + q;
        const char *body_end = t->start + t->len - q;
        bool raw = (t->str_flags & STR_RAW) != 0;
        if (t->str_flags & STR_FSTRING) {
            const char *s = body;
            parse_enter(p);
            fstring_parts(p, &fb, &s, body_end, raw, 0, t, body);
            parse_leave(p);
        } else {
            decode(p, &fb.lit, body, body_end, raw, any_bytes, t, body);
        }
    }
    p->pos = end;
    if (any_f) return fb_finish(p, &fb);
    Expr *e = parse_new_expr(p, E_CONSTANT, span);
    e->u.constant.kind = any_bytes ? CONST_BYTES : CONST_STR;
    e->u.constant.str = sb_finish(p, &fb.lit);
    e->u.constant.len = fb.lit.n;
    return e;
}

/* ---- \N{...} names ----------------------------------------------------------------- */

/* Sorted by name for binary search (generated once from Unicode's data:
 * printable ASCII, Latin-1, Greek letters, common symbols and every name
 * the CPython 3.11 standard library uses). */
typedef struct { const char *name; unsigned cp; } UniName;

static const UniName uni_names[] = {
    {"ACUTE ACCENT", 0xB4}, {"ALARM CLOCK", 0x23F0}, {"ALMOST EQUAL TO", 0x2248},
    {"AMPERSAND", 0x26}, {"ANGSTROM SIGN", 0x212B}, {"APOSTROPHE", 0x27}, {"ASTERISK", 0x2A},
    {"BACKSPACE", 0x8}, {"BALLOT X", 0x2717}, {"BLACK CIRCLE", 0x25CF},
    {"BLACK HEART SUIT", 0x2665}, {"BLACK RIGHT-POINTING TRIANGLE", 0x25B6},
    {"BLACK SQUARE", 0x25A0}, {"BLACK STAR", 0x2605},
    {"BOX DRAWINGS LIGHT ARC DOWN AND LEFT", 0x256E},
    {"BOX DRAWINGS LIGHT ARC DOWN AND RIGHT", 0x256D},
    {"BOX DRAWINGS LIGHT ARC UP AND LEFT", 0x256F},
    {"BOX DRAWINGS LIGHT ARC UP AND RIGHT", 0x2570},
    {"BOX DRAWINGS LIGHT DIAGONAL UPPER LEFT TO LOWER RIGHT", 0x2572},
    {"BOX DRAWINGS LIGHT DIAGONAL UPPER RIGHT TO LOWER LEFT", 0x2571},
    {"BOX DRAWINGS LIGHT DOWN AND LEFT", 0x2510}, {"BOX DRAWINGS LIGHT DOWN AND RIGHT", 0x250C},
    {"BOX DRAWINGS LIGHT HORIZONTAL", 0x2500}, {"BOX DRAWINGS LIGHT RIGHT", 0x2576},
    {"BOX DRAWINGS LIGHT UP", 0x2575}, {"BOX DRAWINGS LIGHT VERTICAL", 0x2502},
    {"BOX DRAWINGS LIGHT VERTICAL AND RIGHT", 0x251C}, {"BROKEN BAR", 0xA6}, {"BULLET", 0x2022},
    {"BYTE ORDER MARK", 0xFEFF}, {"CARRIAGE RETURN", 0xD}, {"CEDILLA", 0xB8}, {"CENT SIGN", 0xA2},
    {"CHARACTER TABULATION", 0x9}, {"CHECK MARK", 0x2713}, {"CIRCLED PLUS", 0x2295},
    {"CIRCLED TIMES", 0x2297}, {"CIRCUMFLEX ACCENT", 0x5E}, {"COLON", 0x3A},
    {"COMBINING ACUTE ACCENT", 0x301}, {"COMBINING ASTERISK ABOVE", 0x20F0},
    {"COMBINING BREVE", 0x306}, {"COMBINING CARON", 0x30C},
    {"COMBINING CIRCUMFLEX ACCENT", 0x302}, {"COMBINING DIAERESIS", 0x308},
    {"COMBINING DOT ABOVE", 0x307}, {"COMBINING FOUR DOTS ABOVE", 0x20DC},
    {"COMBINING GRAVE ACCENT", 0x300}, {"COMBINING LATIN SMALL LETTER X", 0x36F},
    {"COMBINING LEFT HARPOON ABOVE", 0x20D0}, {"COMBINING OVERLINE", 0x305},
    {"COMBINING RIGHT ARROW ABOVE", 0x20D7}, {"COMBINING RING ABOVE", 0x30A},
    {"COMBINING THREE DOTS ABOVE", 0x20DB}, {"COMBINING TILDE", 0x303}, {"COMMA", 0x2C},
    {"COMMERCIAL AT", 0x40}, {"COPYRIGHT SIGN", 0xA9}, {"CROSS MARK", 0x274C},
    {"CURRENCY SIGN", 0xA4}, {"CYRILLIC CAPITAL LETTER A", 0x410},
    {"CYRILLIC CAPITAL LETTER SHORT I", 0x419}, {"CYRILLIC SMALL LETTER SHORT I", 0x439},
    {"CYRILLIC SMALL LETTER ZHE", 0x436}, {"DAGGER", 0x2020}, {"DARK SHADE", 0x2593},
    {"DEGREE CELSIUS", 0x2103}, {"DEGREE FAHRENHEIT", 0x2109}, {"DEGREE SIGN", 0xB0},
    {"DELETE", 0x7F}, {"DIAERESIS", 0xA8}, {"DIGIT EIGHT", 0x38}, {"DIGIT FIVE", 0x35},
    {"DIGIT FOUR", 0x34}, {"DIGIT NINE", 0x39}, {"DIGIT ONE", 0x31}, {"DIGIT SEVEN", 0x37},
    {"DIGIT SIX", 0x36}, {"DIGIT THREE", 0x33}, {"DIGIT TWO", 0x32}, {"DIGIT ZERO", 0x30},
    {"DIVISION SIGN", 0xF7}, {"DOLLAR SIGN", 0x24}, {"DOUBLE DAGGER", 0x2021},
    {"DOUBLE PRIME", 0x2033}, {"DOUBLE VERTICAL LINE", 0x2016}, {"DOWNWARDS ARROW", 0x2193},
    {"ELEMENT OF", 0x2208}, {"EM DASH", 0x2014}, {"EM SPACE", 0x2003}, {"EMPTY SET", 0x2205},
    {"EN DASH", 0x2013}, {"EN SPACE", 0x2002}, {"EQUALS SIGN", 0x3D}, {"ESCAPE", 0x1B},
    {"EURO SIGN", 0x20AC}, {"EXCLAMATION MARK", 0x21}, {"FACE WITH TEARS OF JOY", 0x1F602},
    {"FEMININE ORDINAL INDICATOR", 0xAA}, {"FIRE", 0x1F525}, {"FOR ALL", 0x2200},
    {"FORM FEED", 0xC}, {"FULL BLOCK", 0x2588}, {"FULL STOP", 0x2E}, {"GRAVE ACCENT", 0x60},
    {"GREATER-THAN OR EQUAL TO", 0x2265}, {"GREATER-THAN SIGN", 0x3E},
    {"GREEK CAPITAL LETTER ALPHA", 0x391}, {"GREEK CAPITAL LETTER BETA", 0x392},
    {"GREEK CAPITAL LETTER CHI", 0x3A7}, {"GREEK CAPITAL LETTER DELTA", 0x394},
    {"GREEK CAPITAL LETTER EPSILON", 0x395}, {"GREEK CAPITAL LETTER ETA", 0x397},
    {"GREEK CAPITAL LETTER GAMMA", 0x393}, {"GREEK CAPITAL LETTER IOTA", 0x399},
    {"GREEK CAPITAL LETTER KAPPA", 0x39A}, {"GREEK CAPITAL LETTER LAMDA", 0x39B},
    {"GREEK CAPITAL LETTER MU", 0x39C}, {"GREEK CAPITAL LETTER NU", 0x39D},
    {"GREEK CAPITAL LETTER OMEGA", 0x3A9}, {"GREEK CAPITAL LETTER OMICRON", 0x39F},
    {"GREEK CAPITAL LETTER PHI", 0x3A6}, {"GREEK CAPITAL LETTER PI", 0x3A0},
    {"GREEK CAPITAL LETTER PSI", 0x3A8}, {"GREEK CAPITAL LETTER RHO", 0x3A1},
    {"GREEK CAPITAL LETTER SIGMA", 0x3A3}, {"GREEK CAPITAL LETTER TAU", 0x3A4},
    {"GREEK CAPITAL LETTER THETA", 0x398}, {"GREEK CAPITAL LETTER UPSILON", 0x3A5},
    {"GREEK CAPITAL LETTER XI", 0x39E}, {"GREEK CAPITAL LETTER ZETA", 0x396},
    {"GREEK SMALL LETTER ALPHA", 0x3B1}, {"GREEK SMALL LETTER BETA", 0x3B2},
    {"GREEK SMALL LETTER CHI", 0x3C7}, {"GREEK SMALL LETTER DELTA", 0x3B4},
    {"GREEK SMALL LETTER EPSILON", 0x3B5}, {"GREEK SMALL LETTER ETA", 0x3B7},
    {"GREEK SMALL LETTER FINAL SIGMA", 0x3C2}, {"GREEK SMALL LETTER GAMMA", 0x3B3},
    {"GREEK SMALL LETTER IOTA", 0x3B9}, {"GREEK SMALL LETTER KAPPA", 0x3BA},
    {"GREEK SMALL LETTER LAMDA", 0x3BB}, {"GREEK SMALL LETTER MU", 0x3BC},
    {"GREEK SMALL LETTER NU", 0x3BD}, {"GREEK SMALL LETTER OMEGA", 0x3C9},
    {"GREEK SMALL LETTER OMICRON", 0x3BF}, {"GREEK SMALL LETTER PHI", 0x3C6},
    {"GREEK SMALL LETTER PI", 0x3C0}, {"GREEK SMALL LETTER PSI", 0x3C8},
    {"GREEK SMALL LETTER RHO", 0x3C1}, {"GREEK SMALL LETTER SIGMA", 0x3C3},
    {"GREEK SMALL LETTER TAU", 0x3C4}, {"GREEK SMALL LETTER THETA", 0x3B8},
    {"GREEK SMALL LETTER UPSILON", 0x3C5}, {"GREEK SMALL LETTER XI", 0x3BE},
    {"GREEK SMALL LETTER ZETA", 0x3B6}, {"GRINNING FACE", 0x1F600}, {"HAIR SPACE", 0x200A},
    {"HEAVY BLACK HEART", 0x2764}, {"HEAVY CHECK MARK", 0x2714}, {"HIRAGANA LETTER A", 0x3042},
    {"HORIZONTAL ELLIPSIS", 0x2026}, {"HOURGLASS", 0x231B}, {"HYPHEN-MINUS", 0x2D},
    {"IDENTICAL TO", 0x2261}, {"IDEOGRAPHIC SPACE", 0x3000}, {"INFINITY", 0x221E},
    {"INTEGRAL", 0x222B}, {"INTERSECTION", 0x2229}, {"INVERTED EXCLAMATION MARK", 0xA1},
    {"INVERTED QUESTION MARK", 0xBF}, {"KATAKANA LETTER A", 0x30A2}, {"KELVIN SIGN", 0x212A},
    {"LATIN CAPITAL LETTER A", 0x41}, {"LATIN CAPITAL LETTER A WITH ACUTE", 0xC1},
    {"LATIN CAPITAL LETTER A WITH CIRCUMFLEX", 0xC2},
    {"LATIN CAPITAL LETTER A WITH DIAERESIS", 0xC4}, {"LATIN CAPITAL LETTER A WITH GRAVE", 0xC0},
    {"LATIN CAPITAL LETTER A WITH RING ABOVE", 0xC5}, {"LATIN CAPITAL LETTER A WITH TILDE", 0xC3},
    {"LATIN CAPITAL LETTER AE", 0xC6}, {"LATIN CAPITAL LETTER B", 0x42},
    {"LATIN CAPITAL LETTER C", 0x43}, {"LATIN CAPITAL LETTER C WITH CEDILLA", 0xC7},
    {"LATIN CAPITAL LETTER D", 0x44}, {"LATIN CAPITAL LETTER E", 0x45},
    {"LATIN CAPITAL LETTER E WITH ACUTE", 0xC9}, {"LATIN CAPITAL LETTER E WITH CIRCUMFLEX", 0xCA},
    {"LATIN CAPITAL LETTER E WITH DIAERESIS", 0xCB}, {"LATIN CAPITAL LETTER E WITH GRAVE", 0xC8},
    {"LATIN CAPITAL LETTER ETH", 0xD0}, {"LATIN CAPITAL LETTER F", 0x46},
    {"LATIN CAPITAL LETTER G", 0x47}, {"LATIN CAPITAL LETTER H", 0x48},
    {"LATIN CAPITAL LETTER I", 0x49}, {"LATIN CAPITAL LETTER I WITH ACUTE", 0xCD},
    {"LATIN CAPITAL LETTER I WITH CIRCUMFLEX", 0xCE},
    {"LATIN CAPITAL LETTER I WITH DIAERESIS", 0xCF},
    {"LATIN CAPITAL LETTER I WITH DOT ABOVE", 0x130}, {"LATIN CAPITAL LETTER I WITH GRAVE", 0xCC},
    {"LATIN CAPITAL LETTER J", 0x4A}, {"LATIN CAPITAL LETTER K", 0x4B},
    {"LATIN CAPITAL LETTER L", 0x4C}, {"LATIN CAPITAL LETTER M", 0x4D},
    {"LATIN CAPITAL LETTER N", 0x4E}, {"LATIN CAPITAL LETTER N WITH TILDE", 0xD1},
    {"LATIN CAPITAL LETTER O", 0x4F}, {"LATIN CAPITAL LETTER O WITH ACUTE", 0xD3},
    {"LATIN CAPITAL LETTER O WITH CIRCUMFLEX", 0xD4},
    {"LATIN CAPITAL LETTER O WITH DIAERESIS", 0xD6}, {"LATIN CAPITAL LETTER O WITH GRAVE", 0xD2},
    {"LATIN CAPITAL LETTER O WITH STROKE", 0xD8}, {"LATIN CAPITAL LETTER O WITH TILDE", 0xD5},
    {"LATIN CAPITAL LETTER P", 0x50}, {"LATIN CAPITAL LETTER Q", 0x51},
    {"LATIN CAPITAL LETTER R", 0x52}, {"LATIN CAPITAL LETTER S", 0x53},
    {"LATIN CAPITAL LETTER S WITH CARON", 0x160}, {"LATIN CAPITAL LETTER T", 0x54},
    {"LATIN CAPITAL LETTER THORN", 0xDE}, {"LATIN CAPITAL LETTER U", 0x55},
    {"LATIN CAPITAL LETTER U WITH ACUTE", 0xDA}, {"LATIN CAPITAL LETTER U WITH CIRCUMFLEX", 0xDB},
    {"LATIN CAPITAL LETTER U WITH DIAERESIS", 0xDC}, {"LATIN CAPITAL LETTER U WITH GRAVE", 0xD9},
    {"LATIN CAPITAL LETTER V", 0x56}, {"LATIN CAPITAL LETTER W", 0x57},
    {"LATIN CAPITAL LETTER X", 0x58}, {"LATIN CAPITAL LETTER Y", 0x59},
    {"LATIN CAPITAL LETTER Y WITH ACUTE", 0xDD}, {"LATIN CAPITAL LETTER Z", 0x5A},
    {"LATIN CAPITAL LIGATURE OE", 0x152}, {"LATIN SMALL LETTER A", 0x61},
    {"LATIN SMALL LETTER A WITH ACUTE", 0xE1}, {"LATIN SMALL LETTER A WITH CIRCUMFLEX", 0xE2},
    {"LATIN SMALL LETTER A WITH DIAERESIS", 0xE4}, {"LATIN SMALL LETTER A WITH GRAVE", 0xE0},
    {"LATIN SMALL LETTER A WITH RING ABOVE", 0xE5}, {"LATIN SMALL LETTER A WITH TILDE", 0xE3},
    {"LATIN SMALL LETTER AE", 0xE6}, {"LATIN SMALL LETTER B", 0x62},
    {"LATIN SMALL LETTER C", 0x63}, {"LATIN SMALL LETTER C WITH CEDILLA", 0xE7},
    {"LATIN SMALL LETTER D", 0x64}, {"LATIN SMALL LETTER DOTLESS I", 0x131},
    {"LATIN SMALL LETTER E", 0x65}, {"LATIN SMALL LETTER E WITH ACUTE", 0xE9},
    {"LATIN SMALL LETTER E WITH CIRCUMFLEX", 0xEA}, {"LATIN SMALL LETTER E WITH DIAERESIS", 0xEB},
    {"LATIN SMALL LETTER E WITH GRAVE", 0xE8}, {"LATIN SMALL LETTER ETH", 0xF0},
    {"LATIN SMALL LETTER F", 0x66}, {"LATIN SMALL LETTER G", 0x67},
    {"LATIN SMALL LETTER H", 0x68}, {"LATIN SMALL LETTER I", 0x69},
    {"LATIN SMALL LETTER I WITH ACUTE", 0xED}, {"LATIN SMALL LETTER I WITH CIRCUMFLEX", 0xEE},
    {"LATIN SMALL LETTER I WITH DIAERESIS", 0xEF}, {"LATIN SMALL LETTER I WITH GRAVE", 0xEC},
    {"LATIN SMALL LETTER J", 0x6A}, {"LATIN SMALL LETTER K", 0x6B},
    {"LATIN SMALL LETTER L", 0x6C}, {"LATIN SMALL LETTER LONG S", 0x17F},
    {"LATIN SMALL LETTER M", 0x6D}, {"LATIN SMALL LETTER N", 0x6E},
    {"LATIN SMALL LETTER N WITH TILDE", 0xF1}, {"LATIN SMALL LETTER O", 0x6F},
    {"LATIN SMALL LETTER O WITH ACUTE", 0xF3}, {"LATIN SMALL LETTER O WITH CIRCUMFLEX", 0xF4},
    {"LATIN SMALL LETTER O WITH DIAERESIS", 0xF6}, {"LATIN SMALL LETTER O WITH GRAVE", 0xF2},
    {"LATIN SMALL LETTER O WITH HORN", 0x1A1}, {"LATIN SMALL LETTER O WITH STROKE", 0xF8},
    {"LATIN SMALL LETTER O WITH TILDE", 0xF5}, {"LATIN SMALL LETTER P", 0x70},
    {"LATIN SMALL LETTER Q", 0x71}, {"LATIN SMALL LETTER R", 0x72},
    {"LATIN SMALL LETTER S", 0x73}, {"LATIN SMALL LETTER S WITH CARON", 0x161},
    {"LATIN SMALL LETTER SHARP S", 0xDF}, {"LATIN SMALL LETTER T", 0x74},
    {"LATIN SMALL LETTER THORN", 0xFE}, {"LATIN SMALL LETTER U", 0x75},
    {"LATIN SMALL LETTER U WITH ACUTE", 0xFA}, {"LATIN SMALL LETTER U WITH CIRCUMFLEX", 0xFB},
    {"LATIN SMALL LETTER U WITH DIAERESIS", 0xFC}, {"LATIN SMALL LETTER U WITH GRAVE", 0xF9},
    {"LATIN SMALL LETTER V", 0x76}, {"LATIN SMALL LETTER W", 0x77},
    {"LATIN SMALL LETTER X", 0x78}, {"LATIN SMALL LETTER Y", 0x79},
    {"LATIN SMALL LETTER Y WITH ACUTE", 0xFD}, {"LATIN SMALL LETTER Y WITH CIRCUMFLEX", 0x177},
    {"LATIN SMALL LETTER Y WITH DIAERESIS", 0xFF}, {"LATIN SMALL LETTER Z", 0x7A},
    {"LATIN SMALL LIGATURE FF", 0xFB00}, {"LATIN SMALL LIGATURE FFI", 0xFB03},
    {"LATIN SMALL LIGATURE FI", 0xFB01}, {"LATIN SMALL LIGATURE LONG S T", 0xFB05},
    {"LATIN SMALL LIGATURE OE", 0x153}, {"LATIN SMALL LIGATURE ST", 0xFB06},
    {"LATIN SUBSCRIPT SMALL LETTER I", 0x1D62}, {"LEFT CURLY BRACKET", 0x7B},
    {"LEFT DOUBLE QUOTATION MARK", 0x201C}, {"LEFT PARENTHESIS", 0x28},
    {"LEFT RIGHT ARROW", 0x2194}, {"LEFT SINGLE QUOTATION MARK", 0x2018},
    {"LEFT SQUARE BRACKET", 0x5B}, {"LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xAB},
    {"LEFTWARDS ARROW", 0x2190}, {"LESS-THAN OR EQUAL TO", 0x2264}, {"LESS-THAN SIGN", 0x3C},
    {"LIGHT SHADE", 0x2591}, {"LIGHT VERTICAL BAR", 0x2758}, {"LINE FEED", 0xA},
    {"LINE SEPARATOR", 0x2028}, {"LINE TABULATION", 0xB}, {"LOGICAL AND", 0x2227},
    {"LOGICAL OR", 0x2228}, {"LONG RIGHTWARDS SQUIGGLE ARROW", 0x27FF}, {"LOW LINE", 0x5F},
    {"MACRON", 0xAF}, {"MASCULINE ORDINAL INDICATOR", 0xBA},
    {"MATHEMATICAL BOLD SMALL FINAL SIGMA", 0x1D6D3}, {"MATHEMATICAL LEFT ANGLE BRACKET", 0x27E8},
    {"MATHEMATICAL RIGHT ANGLE BRACKET", 0x27E9}, {"MEDIUM SHADE", 0x2592}, {"MICRO SIGN", 0xB5},
    {"MIDDLE DOT", 0xB7}, {"MINUS SIGN", 0x2212}, {"MULTIPLICATION SIGN", 0xD7},
    {"N-ARY CIRCLED TIMES OPERATOR", 0x2A02}, {"N-ARY PRODUCT", 0x220F},
    {"N-ARY SUMMATION", 0x2211}, {"NABLA", 0x2207}, {"NARROW NO-BREAK SPACE", 0x202F},
    {"NEXT LINE", 0x85}, {"NO-BREAK SPACE", 0xA0}, {"NOT EQUAL TO", 0x2260}, {"NOT SIGN", 0xAC},
    {"NULL", 0x0}, {"NUMBER SIGN", 0x23}, {"NUMERO SIGN", 0x2116}, {"OHM SIGN", 0x2126},
    {"PARAGRAPH SEPARATOR", 0x2029}, {"PARTIAL DIFFERENTIAL", 0x2202}, {"PARTY POPPER", 0x1F389},
    {"PER MILLE SIGN", 0x2030}, {"PERCENT SIGN", 0x25}, {"PILCROW SIGN", 0xB6},
    {"PILE OF POO", 0x1F4A9}, {"PLANCK CONSTANT OVER TWO PI", 0x210F}, {"PLUS SIGN", 0x2B},
    {"PLUS-MINUS SIGN", 0xB1}, {"POUND SIGN", 0xA3}, {"PRIME", 0x2032},
    {"PROPORTIONAL TO", 0x221D}, {"QUESTION MARK", 0x3F}, {"QUOTATION MARK", 0x22},
    {"REGISTERED SIGN", 0xAE}, {"REPLACEMENT CHARACTER", 0xFFFD}, {"REVERSE SOLIDUS", 0x5C},
    {"RIGHT CURLY BRACKET", 0x7D}, {"RIGHT DOUBLE QUOTATION MARK", 0x201D},
    {"RIGHT PARENTHESIS", 0x29}, {"RIGHT SINGLE QUOTATION MARK", 0x2019},
    {"RIGHT SQUARE BRACKET", 0x5D}, {"RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xBB},
    {"RIGHTWARDS ARROW", 0x2192}, {"RIGHTWARDS ARROW WITH HOOK", 0x21AA}, {"ROCKET", 0x1F680},
    {"ROMAN NUMERAL ONE", 0x2160}, {"SCRIPT CAPITAL R", 0x211B}, {"SECTION SIGN", 0xA7},
    {"SEMICOLON", 0x3B}, {"SINGLE LEFT-POINTING ANGLE QUOTATION MARK", 0x2039},
    {"SINGLE RIGHT-POINTING ANGLE QUOTATION MARK", 0x203A},
    {"SMILING CAT FACE WITH OPEN MOUTH", 0x1F63A}, {"SNAKE", 0x1F40D}, {"SNOWMAN", 0x2603},
    {"SOFT HYPHEN", 0xAD}, {"SOLIDUS", 0x2F}, {"SPACE", 0x20}, {"SPARKLES", 0x2728},
    {"SQUARE ROOT", 0x221A}, {"SUBSCRIPT ONE", 0x2081}, {"SUBSCRIPT TWO", 0x2082},
    {"SUBSCRIPT ZERO", 0x2080}, {"SUBSET OF", 0x2282}, {"SUPERSCRIPT ONE", 0xB9},
    {"SUPERSCRIPT THREE", 0xB3}, {"SUPERSCRIPT TWO", 0xB2}, {"SUPERSET OF", 0x2283},
    {"THERE EXISTS", 0x2203}, {"THIN SPACE", 0x2009}, {"THUMBS UP SIGN", 0x1F44D},
    {"TILDE", 0x7E}, {"TRADE MARK SIGN", 0x2122}, {"TWO DOT LEADER", 0x2025}, {"UNION", 0x222A},
    {"UPWARDS ARROW", 0x2191}, {"VERTICAL LINE", 0x7C}, {"VULGAR FRACTION ONE HALF", 0xBD},
    {"VULGAR FRACTION ONE QUARTER", 0xBC}, {"VULGAR FRACTION THREE QUARTERS", 0xBE},
    {"WARNING SIGN", 0x26A0}, {"WHITE CIRCLE", 0x25CB}, {"WHITE HEAVY CHECK MARK", 0x2705},
    {"WHITE SMILING FACE", 0x263A}, {"WHITE SQUARE", 0x25A1}, {"WHITE STAR", 0x2606},
    {"YEN SIGN", 0xA5}, {"ZERO WIDTH JOINER", 0x200D}, {"ZERO WIDTH NO-BREAK SPACE", 0xFEFF},
    {"ZERO WIDTH NON-JOINER", 0x200C}, {"ZERO WIDTH SPACE", 0x200B},
};

static long table_lookup(const char *up) {
    size_t lo = 0, hi = sizeof uni_names / sizeof uni_names[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(up, uni_names[mid].name);
        if (c == 0) return uni_names[mid].cp;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return -1;
}
