/*
 * parse.c — parser core: source preparation, tokens, errors, targets,
 * and parse_module(), the entry point (see parse.h, parse_impl.h).
 *
 * Input: the raw bytes of a .py file. prepare_source() honours a PEP 263
 * encoding declaration (UTF-8, Latin-1, ISO-8859-5, ISO-8859-15, CP1252,
 * KOI8-R), drops a BOM, turns "\r\n" and "\r" into "\n" and checks that
 * the text is valid UTF-8 without NUL bytes. The whole file is then tokenized into
 * one array, and parse_stmt.c parses it into a Module.
 *
 * Errors (see parse_impl.h for the longjmp scheme) follow CPython 3.11:
 * the same messages where we have them, on the line CPython reports.
 * Like CPython, a syntax error that lies after a bracket that is never
 * closed is replaced by "'(' was never closed", since the bracket
 * swallowed the rest of the file. Lexical, indentation and "never
 * closed" errors end the parse; ordinary syntax errors let the
 * statement loop skip to the next statement and go on.
 *
 * Also here: checking assignment/deletion targets and setting their
 * Store/Del context, the starred-target checks CPython's compiler makes,
 * and the placement and names of `from __future__` imports.
 */
#include "parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse_impl.h"

/* ---- source preparation ------------------------------------------------------ */

/* KOI8-R bytes 0x80..0xFF as code points. */
static const unsigned short koi8r[128] = {
    0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524,
    0x252C, 0x2534, 0x253C, 0x2580, 0x2584, 0x2588, 0x258C, 0x2590,
    0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248,
    0x2264, 0x2265, 0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7,
    0x2550, 0x2551, 0x2552, 0x0451, 0x2553, 0x2554, 0x2555, 0x2556,
    0x2557, 0x2558, 0x2559, 0x255A, 0x255B, 0x255C, 0x255D, 0x255E,
    0x255F, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564, 0x2565,
    0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x256B, 0x256C, 0x00A9,
    0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433,
    0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E,
    0x043F, 0x044F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432,
    0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A,
    0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413,
    0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E,
    0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412,
    0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A,
};

/* CP1252 bytes 0x80..0x9F (0 = undefined); 0xA0..0xFF are Latin-1. */
static const unsigned short cp1252[32] = {
    0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000,
    0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178,
};

typedef enum {
    ENC_UTF8, ENC_LATIN1, ENC_LATIN9, ENC_CP1252, ENC_KOI8R, ENC_CYRILLIC, ENC_UNKNOWN
} Encoding;

/* Code point of byte b (>= 0x80) in a single-byte encoding; 0 if undefined. */
static unsigned sb_decode(Encoding e, unsigned char b) {
    switch (e) {
    case ENC_KOI8R: return koi8r[b - 0x80];
    case ENC_CP1252: return b < 0xA0 ? cp1252[b - 0x80] : b;
    case ENC_CYRILLIC:  /* ISO-8859-5: Cyrillic is U+0400 + (b - 0xA0), but for three signs */
        if (b <= 0xA0 || b == 0xAD) return b;
        if (b == 0xF0) return 0x2116;
        if (b == 0xFD) return 0xA7;
        return b + 0x360u;
    case ENC_LATIN9:
        switch (b) {
        case 0xA4: return 0x20AC;
        case 0xA6: return 0x0160;
        case 0xA8: return 0x0161;
        case 0xB4: return 0x017D;
        case 0xB8: return 0x017E;
        case 0xBC: return 0x0152;
        case 0xBD: return 0x0153;
        case 0xBE: return 0x0178;
        default: return b;
        }
    default: return b;
    }
}

/* PEP 263: a comment on line 1 or 2 (line 2 only when line 1 is blank or
 * a comment) containing "coding[:=]" and a name. Copies the name as
 * CPython normalises it (lowercase, '_' -> '-'). */
static bool find_coding(const char *s, size_t len, char *name, size_t cap, int *line) {
    const char *p = s, *end = s + len;
    for (int ln = 1; ln <= 2 && p < end; ln++) {
        const char *eol = p;
        while (eol < end && *eol != '\n' && *eol != '\r') eol++;
        const char *q = p;
        while (q < eol && (*q == ' ' || *q == '\t' || *q == '\f')) q++;
        if (q < eol && *q == '#') {
            for (const char *t = q; t + 6 < eol; t++) {
                if (memcmp(t, "coding", 6) != 0 || (t[6] != ':' && t[6] != '=')) continue;
                const char *b = t + 7;
                while (b < eol && (*b == ' ' || *b == '\t')) b++;
                size_t n = 0;
                while (b < eol && n + 1 < cap &&
                       ((*b >= 'a' && *b <= 'z') || (*b >= 'A' && *b <= 'Z') ||
                        (*b >= '0' && *b <= '9') || *b == '-' || *b == '_' || *b == '.')) {
                    char c = *b++;
                    name[n++] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
                }
                if (n == 0) continue;
                name[n] = '\0';
                *line = ln;
                return true;
            }
        } else if (q < eol) {
            return false;   /* line 1 is code: line 2 is not looked at */
        }
        p = eol;
        if (p < end && *p == '\r') p++;
        if (p < end && *p == '\n') p++;
    }
    return false;
}

static bool name_is(const char *name, const char *const *list) {
    for (; *list; list++) {
        size_t n = strlen(*list);
        /* CPython also accepts "utf-8-xxx", "latin-1-xxx"… */
        if (strcmp(name, *list) == 0 || (strncmp(name, *list, n) == 0 && name[n] == '-'))
            return true;
    }
    return false;
}

static Encoding classify_encoding(const char *name) {
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "ascii", "us-ascii", NULL};
    static const char *const latin1[] = {"latin-1", "iso-8859-1", "iso-latin-1", "latin1",
                                         "iso8859-1", "l1", "latin", "cp819", "8859", NULL};
    static const char *const latin9[] = {"iso-8859-15", "iso8859-15", "latin-9", "latin9", "l9",
                                         NULL};
    static const char *const win[] = {"cp1252", "windows-1252", NULL};
    static const char *const koi[] = {"koi8-r", "koi8r", NULL};
    static const char *const cyr[] = {"iso-8859-5", "iso8859-5", "cyrillic", NULL};
    if (name_is(name, utf8)) return ENC_UTF8;
    if (name_is(name, latin1)) return ENC_LATIN1;
    if (name_is(name, latin9)) return ENC_LATIN9;
    if (name_is(name, win)) return ENC_CP1252;
    if (name_is(name, koi)) return ENC_KOI8R;
    if (name_is(name, cyr)) return ENC_CYRILLIC;
    return ENC_UNKNOWN;
}

/* Offset of the first byte that is not part of valid UTF-8 (no overlong
 * forms, no surrogates, nothing above U+10FFFF), or len. */
static size_t utf8_invalid_at(const unsigned char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) { i++; continue; }
        size_t n;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else return i;
        if (i + n >= len) return i;
        if (s[i + 1] < lo || s[i + 1] > hi) return i;
        for (size_t k = 2; k <= n; k++)
            if ((s[i + k] & 0xC0) != 0x80) return i;
        i += n + 1;
    }
    return len;
}

static int line_of(const char *s, size_t off) {
    int line = 1;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n'))) line++;
    return line;
}

static char *put_utf8(char *o, unsigned cp) {
    if (cp < 0x80) *o++ = (char)cp;
    else if (cp < 0x800) {
        *o++ = (char)(0xC0 | (cp >> 6));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xE0 | (cp >> 12));
        *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

/* The text all later phases see: UTF-8, '\n' newlines, no BOM. NULL
 * after reporting an error. */
static char *prepare_source(Arena *a, const char *filename, const char *src, size_t len,
                            size_t *out_len) {
    diag_set_source(filename, src, len);
    bool bom = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0;
    if (bom) { src += 3; len -= 3; }
    Encoding enc = ENC_UTF8;
    char name[64];
    int cline;
    bool declared = find_coding(src, len, name, sizeof name, &cline);
    if (declared) {
        enc = classify_encoding(name);
        if (bom && !(strcmp(name, "utf-8") == 0 || strncmp(name, "utf-8-", 6) == 0)) {
            diag_error(E_ENCODING, cline, -1, "encoding problem: %s with BOM", name);
            return NULL;
        }
        if (enc == ENC_UNKNOWN) {
            diag_error(E_ENCODING, cline, -1,
                       "unknown encoding: %s (Aithon reads UTF-8, Latin-1, ISO-8859-5, "
                       "ISO-8859-15, CP1252 and KOI8-R sources)", name);
            return NULL;
        }
    }
    const char *nul = memchr(src, '\0', len);
    if (nul) {
        diag_error(E_CHAR, line_of(src, (size_t)(nul - src)), -1,
                   "source code cannot contain null bytes");
        return NULL;
    }
    if (enc == ENC_UTF8) {
        size_t bad = utf8_invalid_at((const unsigned char *)src, len);
        if (bad < len) {
            if (declared)
                diag_error(E_ENCODING, line_of(src, bad), -1,
                           "'%s' codec can't decode byte 0x%02x", name, (unsigned char)src[bad]);
            else
                diag_error(E_ENCODING, line_of(src, bad), -1,
                           "Non-UTF-8 code starting with '\\x%02x', but no encoding declared; "
                           "see PEP 263", (unsigned char)src[bad]);
            return NULL;
        }
    }
    char *out = arena_alloc(a, enc == ENC_UTF8 ? len + 1 : 3 * len + 1);
    char *o = out;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c == '\r') {
            *o++ = '\n';
            if (i + 1 < len && src[i + 1] == '\n') i++;
        } else if (c < 0x80 || enc == ENC_UTF8) {
            *o++ = (char)c;
        } else {
            unsigned cp = sb_decode(enc, c);
            if (!cp) {
                diag_error(E_ENCODING, line_of(src, i), -1,
                           "'%s' codec can't decode byte 0x%02x", name, c);
                return NULL;
            }
            o = put_utf8(o, cp);
        }
    }
    *o = '\0';
    *out_len = (size_t)(o - out);
    return out;
}

/* ---- tokens ------------------------------------------------------------------ */

/* Lex everything the lexer gives up to T_EOF or T_ERROR. The module's
 * array is malloc'ed (it can be large and is freed after parsing);
 * f-string spans use the arena (they are small, and an error may unwind
 * past their parser). */
static Token *lex_all(Lexer *lx, int *n, Arena *arena) {
    int cap = 0, cnt = 0;
    Token *v = NULL;
    for (;;) {
        if (cnt == cap) {
            int ncap = cap ? cap * 2 : 256;
            if (arena) {
                Token *nv = arena_alloc(arena, (size_t)ncap * sizeof *nv);
                if (cnt) memcpy(nv, v, (size_t)cnt * sizeof *nv);
                v = nv;
            } else {
                v = realloc(v, (size_t)ncap * sizeof *v);
                if (!v) {
                    fputs("aithonc: out of memory\n", stderr);
                    exit(3);
                }
            }
            cap = ncap;
        }
        Token t = lex_next(lx);
        v[cnt++] = t;
        if (t.kind == T_EOF || t.kind == T_ERROR) break;
    }
    *n = cnt;
    return v;
}

Token *parse_lex_span(Parser *p, Lexer *lx, int *ntoks) { return lex_all(lx, ntoks, p->arena); }

bool parse_is_name(const Token *t, const char *s) {
    size_t n = strlen(s);
    return t->kind == T_NAME && (size_t)t->len == n && memcmp(t->start, s, n) == 0;
}

Token *parse_expect(Parser *p, TokKind k) {
    if (kind(p) != k) parse_fail(p);
    Token *t = cur(p);
    advance(p);
    return t;
}

void parse_expect_colon(Parser *p) {
    if (accept(p, T_COLON)) return;
    if (kind(p) == T_NEWLINE) parse_error_tok(p, cur(p), "expected ':'");
    parse_fail(p);
}

/* NFKC for the compatibility characters people do put in identifiers:
 * fullwidth ASCII, mathematical alphanumerics, the micro sign, Latin
 * ligatures, superscript i/n. Returns the replacement (ASCII or one code
 * point) or 0 when cp folds to itself. CPython applies full NFKC; other
 * compatibility characters are left alone here (a known gap). */
static unsigned nfkc_fold(unsigned cp, const char **multi) {
    *multi = NULL;
    if (cp >= 0xFF10 && cp <= 0xFF19) return '0' + (cp - 0xFF10);
    if (cp >= 0xFF21 && cp <= 0xFF3A) return 'A' + (cp - 0xFF21);
    if (cp >= 0xFF41 && cp <= 0xFF5A) return 'a' + (cp - 0xFF41);
    if (cp == 0xFF3F) return '_';
    if (cp == 0xB5) return 0x3BC;               /* MICRO SIGN -> GREEK SMALL LETTER MU */
    if (cp == 0x2071) return 'i';
    if (cp == 0x207F) return 'n';
    if (cp >= 0x1D400 && cp <= 0x1D6A3) {
        unsigned i = (cp - 0x1D400) % 52;
        return i < 26 ? 'A' + i : 'a' + (i - 26);
    }
    if (cp >= 0x1D7CE && cp <= 0x1D7FF) return '0' + (cp - 0x1D7CE) % 10;
    static const char *const lig[] = {"ff", "fi", "fl", "ffi", "ffl"};
    if (cp >= 0xFB00 && cp <= 0xFB04) {
        *multi = lig[cp - 0xFB00];
        return 1;
    }
    return 0;
}

const char *parse_ident(Parser *p, const Token *t) {
    bool ascii = true;
    for (int i = 0; i < t->len; i++)
        if ((unsigned char)t->start[i] >= 0x80) ascii = false;
    if (ascii) return arena_strndup(p->arena, t->start, (size_t)t->len);
    /* folding never lengthens the UTF-8 text except for ligatures (3 -> at most 3) */
    char *out = arena_alloc(p->arena, (size_t)t->len + 1);
    size_t o = 0;
    for (int i = 0; i < t->len;) {
        int n;
        unsigned cp = lex_utf8_decode(t->start + i, &n);
        const char *multi;
        unsigned f = cp >= 0x80 ? nfkc_fold(cp, &multi) : 0;
        if (f && multi) {
            for (const char *m = multi; *m; m++) out[o++] = *m;
        } else if (f) {
            char *e = put_utf8(out + o, f);
            o = (size_t)(e - out);
        } else {
            memcpy(out + o, t->start + i, (size_t)n);
            o += (size_t)n;
        }
        i += n;
    }
    out[o] = '\0';
    return out;
}

bool parse_starts_expr(TokKind k) {
    switch (k) {
    case T_NAME: case T_NUMBER: case T_STRING: case T_LPAR: case T_LSQB: case T_LBRACE:
    case T_MINUS: case T_PLUS: case T_TILDE: case T_ELLIPSIS: case T_NONE: case T_TRUE:
    case T_FALSE: case T_NOT: case T_LAMBDA: case T_AWAIT:
        return true;
    default:
        return false;
    }
}

/* ---- positions and nodes --------------------------------------------------------- */

SrcSpan parse_span_tok(const Token *t) {
    SrcSpan s = {t->line, t->col, t->end_line, t->end_col};
    return s;
}

SrcSpan parse_span_from(Parser *p, int start_tok) {
    const Token *a = &p->toks[start_tok];
    const Token *b = p->pos - 1 >= start_tok ? &p->toks[p->pos - 1] : a;
    SrcSpan s = {a->line, a->col, b->end_line, b->end_col};
    return s;
}

Expr *parse_new_expr(Parser *p, ExprKind k, SrcSpan pos) {
    Expr *e = arena_alloc(p->arena, sizeof *e);
    e->kind = k;
    e->pos = pos;
    return e;
}

Stmt *parse_new_stmt(Parser *p, StmtKind k, SrcSpan pos) {
    Stmt *s = arena_alloc(p->arena, sizeof *s);
    s->kind = k;
    s->pos = pos;
    return s;
}

Expr *parse_name_expr(Parser *p, const Token *t, ExprCtx ctx) {
    Expr *e = parse_new_expr(p, E_NAME, parse_span_tok(t));
    e->u.name.id = parse_ident(p, t);
    e->u.name.ctx = ctx;
    return e;
}

/* ---- errors ---------------------------------------------------------------------- */

_Noreturn static void report(Parser *p, DiagCode code, int line, int col, bool fatal,
                             bool prefix, const char *msg) {
    if (p->speculating) longjmp(*p->jmp, 1);
    Parser *r = p->root;
    /* A bracket opened before this line and never closed ate the rest of
     * the file: that is the real error (CPython does the same). */
    const Token *last = &r->toks[r->ntoks - 1];
    int seen = cur(p)->line > line ? cur(p)->line : line;   /* CPython: the last token read */
    if (last->kind == T_ERROR && r->lexerr.code == E_EOF && strstr(r->lexerr.msg, "never closed") &&
        seen > r->lexerr.line) {
        diag_error(r->lexerr.code, r->lexerr.line, r->lexerr.col, "%s", r->lexerr.msg);
        r->fatal = p->fatal = true;
        longjmp(*p->jmp, 1);
    }
    diag_error(code, line, col, "%s%s", prefix && p->msg_prefix ? p->msg_prefix : "", msg);
    /* Past the cap diag prints nothing more: no use going on. */
    if (fatal || ++r->nerrors >= DIAG_MAX_ERRORS) r->fatal = p->fatal = true;
    longjmp(*p->jmp, 1);
}

/* The variadic entry points format their message, end their va_list and
 * only then unwind (a va_list must not be abandoned by longjmp). */
#define FORMAT(msg, fmt)                             \
    va_list ap;                                      \
    va_start(ap, fmt);                               \
    vsnprintf(msg, sizeof msg, fmt, ap);             \
    va_end(ap)

void parse_error_at(Parser *p, DiagCode code, int line, int col, const char *fmt, ...) {
    char msg[512];
    FORMAT(msg, fmt);
    report(p, code, line, col, code == E_INDENT || code == E_TAB || code == E_DEDENT, true, msg);
}

void parse_error_tok(Parser *p, const Token *t, const char *fmt, ...) {
    char msg[512];
    FORMAT(msg, fmt);
    report(p, E_SYNTAX, t->line, t->col, false, true, msg);
}

void parse_error_expr(Parser *p, const Expr *e, const char *fmt, ...) {
    char msg[512];
    FORMAT(msg, fmt);
    report(p, E_SYNTAX, e->pos.line, e->pos.col, false, true, msg);
}

void parse_fail(Parser *p) {
    Token *t = cur(p);
    switch (t->kind) {
    case T_ERROR:
        /* Lexical errors are worded by the lexer, without "f-string: ".
         * One inside an f-string leaves the rest of the file readable;
         * one in the module's token stream ends the parse. */
        report(p, p->lexerr.code, p->lexerr.line, p->lexerr.col, p == p->root, false,
               p->lexerr.msg);
    case T_INDENT:
        parse_error_at(p, E_INDENT, t->line, t->end_col, "unexpected indent");
    case T_DEDENT:
        parse_error_at(p, E_INDENT, t->line, t->col, "unexpected unindent");
    default:
        parse_error_tok(p, t, "invalid syntax");
    }
}

bool parse_try(Parser *p, bool (*fn)(Parser *p, void *arg), void *arg) {
    jmp_buf jb;
    jmp_buf *outer = p->jmp;
    int pos = p->pos, depth = p->depth, block_depth = p->block_depth;
    bool ok;
    p->jmp = &jb;
    p->speculating++;
    if (setjmp(jb) == 0) {
        ok = fn(p, arg);
    } else {
        ok = false;
    }
    p->speculating--;
    p->jmp = outer;
    if (!ok) {
        p->pos = pos;
        p->depth = depth;
        p->block_depth = block_depth;
    }
    return ok;
}

void parse_enter(Parser *p) {
    if (++p->depth > PARSE_MAX_DEPTH) {
        p->depth = 0;   /* let the error path itself parse if it needs to */
        Token *t = cur(p);
        parse_error_at(p, E_TOO_COMPLEX, t->line, t->col,
                       "Parser stack overflowed - Python source too complex to parse");
    }
}

/* ---- targets ------------------------------------------------------------------- */

const char *parse_expr_name(const Expr *e) {
    switch (e->kind) {
    case E_ATTRIBUTE: return "attribute";
    case E_SUBSCRIPT: return "subscript";
    case E_STARRED: return "starred";
    case E_NAME: return "name";
    case E_LIST: return "list";
    case E_TUPLE: return "tuple";
    case E_LAMBDA: return "lambda";
    case E_CALL: return "function call";
    case E_BOOLOP: case E_BINOP: case E_UNARYOP: return "expression";
    case E_GENERATOREXP: return "generator expression";
    case E_YIELD: case E_YIELDFROM: return "yield expression";
    case E_AWAIT: return "await expression";
    case E_LISTCOMP: return "list comprehension";
    case E_SETCOMP: return "set comprehension";
    case E_DICTCOMP: return "dict comprehension";
    case E_DICT: return "dict literal";
    case E_SET: return "set display";
    case E_JOINEDSTR: case E_FORMATTEDVALUE: return "f-string expression";
    case E_CONSTANT:
        switch (e->u.constant.kind) {
        case CONST_NONE: return "None";
        case CONST_TRUE: return "True";
        case CONST_FALSE: return "False";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case E_COMPARE: return "comparison";
    case E_IFEXP: return "conditional expression";
    case E_NAMEDEXPR: return "named expression";
    default: return "expression";
    }
}

/* The part of e that cannot be a target, as CPython's
 * _PyPegen_get_invalid_target finds it; NULL when e is a valid target. */
Expr *parse_invalid_target(Expr *e, TargetKind tk) {
    switch (e->kind) {
    case E_LIST:
    case E_TUPLE:
        for (int i = 0; i < e->u.list.elts.n; i++) {
            Expr *bad = parse_invalid_target(e->u.list.elts.v[i], tk);
            if (bad) return bad;
        }
        return NULL;
    case E_STARRED:
        if (tk == TARGET_DEL) return e;
        return parse_invalid_target(e->u.starred.value, tk);
    case E_COMPARE:
        if (tk == TARGET_FOR && e->u.compare.ops[0] == CMP_IN)
            return parse_invalid_target(e->u.compare.left, tk);
        return e;
    case E_NAME:
    case E_SUBSCRIPT:
    case E_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

static void set_ctx(Parser *p, Expr *e, ExprCtx ctx) {
    switch (e->kind) {
    case E_NAME: e->u.name.ctx = ctx; break;
    case E_ATTRIBUTE: e->u.attribute.ctx = ctx; break;
    case E_SUBSCRIPT: e->u.subscript.ctx = ctx; break;
    case E_STARRED:
        e->u.starred.ctx = ctx;
        set_ctx(p, e->u.starred.value, ctx);
        break;
    case E_LIST:
    case E_TUPLE:
        e->u.list.ctx = ctx;
        for (int i = 0; i < e->u.list.elts.n; i++) set_ctx(p, e->u.list.elts.v[i], ctx);
        break;
    default:
        /* Only reachable through CPython's `for (a in b) in c` quirk,
         * which it reports as plain invalid syntax too. */
        parse_error_expr(p, e, "invalid syntax");
    }
}

void parse_set_target(Parser *p, Expr *e, TargetKind tk) {
    Expr *bad = parse_invalid_target(e, tk);
    if (bad)
        parse_error_expr(p, bad, tk == TARGET_DEL ? "cannot delete %s" : "cannot assign to %s",
                         parse_expr_name(bad));
    set_ctx(p, e, tk == TARGET_DEL ? CTX_DEL : CTX_STORE);
}

static void check_star_list(Parser *p, Expr *e) {
    bool seen = false;
    for (int i = 0; i < e->u.list.elts.n; i++) {
        Expr *x = e->u.list.elts.v[i];
        if (x->kind == E_STARRED) {
            if (seen) parse_error_expr(p, e, "multiple starred expressions in assignment");
            seen = true;
            x = x->u.starred.value;
        }
        if (x->kind == E_LIST || x->kind == E_TUPLE) check_star_list(p, x);
        else if (x->kind == E_STARRED)
            parse_error_expr(p, x, "starred assignment target must be in a list or tuple");
    }
}

void parse_check_star_targets(Parser *p, Expr *e) {
    if (e->kind == E_STARRED)
        parse_error_expr(p, e, "starred assignment target must be in a list or tuple");
    if (e->kind == E_LIST || e->kind == E_TUPLE) check_star_list(p, e);
}

void parse_no_bare_star(Parser *p, Expr *e) {
    if (e && e->kind == E_STARRED) parse_error_expr(p, e, "can't use starred expression here");
}

/* ---- entry point ------------------------------------------------------------------- */

Module *parse_module(Arena *a, const char *filename, const char *src, size_t len) {
    Module *m = arena_alloc(a, sizeof *m);
    m->filename = filename;
    size_t nlen = 0;
    char *text = prepare_source(a, filename, src, len, &nlen);
    if (!text) {
        m->source = arena_strndup(a, src, len);
        m->source_len = len;
        return m;
    }
    m->source = text;
    m->source_len = nlen;
    diag_set_source(filename, text, nlen);

    Parser p;
    memset(&p, 0, sizeof p);
    p.arena = a;
    p.root = &p;
    p.future_ok = true;
    Lexer *lx = malloc(sizeof *lx);
    if (!lx) {
        fputs("aithonc: out of memory\n", stderr);
        exit(3);
    }
    lex_init(lx, text, nlen);
    p.toks = lex_all(lx, &p.ntoks, NULL);
    p.lexerr = lx->err;
    free(lx);

    parse_file_statements(&p, &m->body);
    free(p.toks);
    return m;
}
