/*
 * lex.c — Python 3.11 tokenizer (see lex.h for the token model).
 *
 * How it works: lex_next() skips blanks and comments, measures the
 * indentation at the start of each logical line (queueing INDENT or
 * DEDENT tokens), then dispatches on the first byte to scan a name or
 * keyword, a string (prefix, quotes, up to the closing quote), a number
 * or an operator. Brackets are counted: inside them newlines and
 * indentation mean nothing (implicit line joining), as in CPython.
 *
 * Invariants: the buffer is valid UTF-8 with '\n' newlines and no NUL
 * (parse.c checks and normalises it first); every read goes through
 * peekc(), which returns 0 past `end`, so a lexer may stop in the middle
 * of a buffer (f-string expression parts).
 *
 * Error messages and the cases they cover follow CPython 3.11's
 * tokenizer, so the same files fail with the same wording on the same
 * line. Not handled: NFKC normalisation of identifiers, and the exact
 * Unicode identifier tables — non-ASCII code points are identifier
 * characters unless they lie in a list of punctuation, symbol, space and
 * control ranges (id_class below); CPython's full tables reject a few
 * more (unassigned code points, some rare symbols).
 */
#include "lex.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum { TABSIZE = 8 };

static char peekc(const Lexer *lx, int k) {
    return lx->cur + k < lx->end ? lx->cur[k] : '\0';
}

static bool at_end(const Lexer *lx) { return lx->cur >= lx->end; }

static int col_of(const Lexer *lx, const char *p) { return (int)(p - lx->line_start); }

/* Step over a '\n' that is part of a token or a continuation. */
static void newline_seen(Lexer *lx) {
    lx->line++;
    lx->line_start = lx->cur;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_xdigit(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static bool is_id_start_ascii(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
/* CPython's is_potential_identifier_char: any byte >= 0x80 counts, the
 * real check of non-ASCII characters comes after the name is read. */
static bool is_potential_id_char(char c) {
    return is_id_start_ascii(c) || is_digit(c) || (unsigned char)c >= 0x80;
}

unsigned lex_utf8_decode(const char *s, int *n) {
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) { *n = 1; return u[0]; }
    if (u[0] < 0xE0) { *n = 2; return ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu); }
    if (u[0] < 0xF0) {
        *n = 3;
        return ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    }
    *n = 4;
    return ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) |
           (u[3] & 0x3Fu);
}

/* ---- errors ----------------------------------------------------------- */

static Token error_token(Lexer *lx) {
    Token t;
    memset(&t, 0, sizeof t);
    t.kind = T_ERROR;
    t.start = lx->cur;
    t.line = t.end_line = lx->err.line;
    t.col = t.end_col = lx->err.col;
    t.level = lx->level;
    return t;
}

/* Record the first lexical error; the lexer stays failed afterwards. */
static Token fail(Lexer *lx, DiagCode code, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static Token fail(Lexer *lx, DiagCode code, int line, int col, const char *fmt, ...) {
    if (!lx->failed) {
        lx->failed = true;
        lx->err.code = code;
        lx->err.line = line;
        lx->err.col = col;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(lx->err.msg, sizeof lx->err.msg, fmt, ap);
        va_end(ap);
    }
    return error_token(lx);
}

/* ---- identifier characters beyond ASCII ---------------------------------- */

enum { ID_NO, ID_CONTINUE, ID_START, ID_NONPRINTABLE };

typedef struct { unsigned lo, hi; unsigned char cls; } CpRange;

/* Sorted, non-overlapping ranges of code points >= 0x80 that are not
 * identifier-start characters. Everything else >= 0x80 is accepted as a
 * letter: far more permissive than Unicode's XID tables, but it rejects
 * what people actually mistype (curly quotes, dashes, NBSP, math
 * symbols, arrows, emoji, fullwidth punctuation). */
static const CpRange id_ranges[] = {
    {0x80, 0x9F, ID_NONPRINTABLE},   {0xA0, 0xA0, ID_NONPRINTABLE},
    {0xA1, 0xA9, ID_NO},             {0xAB, 0xAC, ID_NO},
    {0xAD, 0xAD, ID_NONPRINTABLE},   {0xAE, 0xB4, ID_NO},
    {0xB6, 0xB6, ID_NO},             {0xB7, 0xB7, ID_CONTINUE},
    {0xB8, 0xB9, ID_NO},             {0xBB, 0xBF, ID_NO},
    {0xD7, 0xD7, ID_NO},             {0xF7, 0xF7, ID_NO},
    {0x2C2, 0x2C5, ID_NO},           {0x2D2, 0x2DF, ID_NO},
    {0x300, 0x36F, ID_CONTINUE},     {0x37E, 0x37E, ID_NO},
    {0x387, 0x387, ID_CONTINUE},     {0x483, 0x489, ID_CONTINUE},
    {0x600, 0x605, ID_NONPRINTABLE}, {0x60C, 0x60D, ID_NO},
    {0x61B, 0x61B, ID_NO},           {0x61C, 0x61C, ID_NONPRINTABLE},
    {0x61F, 0x61F, ID_NO},           {0x660, 0x669, ID_CONTINUE},
    {0x66A, 0x66D, ID_NO},           {0x6D4, 0x6D4, ID_NO},
    {0x6DD, 0x6DD, ID_NONPRINTABLE}, {0x6F0, 0x6F9, ID_CONTINUE},
    {0x70F, 0x70F, ID_NONPRINTABLE}, {0x964, 0x965, ID_NO},
    {0x966, 0x96F, ID_CONTINUE},     {0x1680, 0x1680, ID_NONPRINTABLE},
    {0x180E, 0x180E, ID_NONPRINTABLE}, {0x1DC0, 0x1DFF, ID_CONTINUE},
    {0x2000, 0x200F, ID_NONPRINTABLE}, {0x2010, 0x2027, ID_NO},
    {0x2028, 0x202F, ID_NONPRINTABLE}, {0x2030, 0x203E, ID_NO},
    {0x203F, 0x2040, ID_CONTINUE},   {0x2041, 0x2053, ID_NO},
    {0x2054, 0x2054, ID_CONTINUE},   {0x2055, 0x205E, ID_NO},
    {0x205F, 0x206F, ID_NONPRINTABLE}, {0x2070, 0x2070, ID_NO},
    {0x2074, 0x207E, ID_NO},         {0x2080, 0x208E, ID_NO},
    {0x20A0, 0x20CF, ID_NO},         {0x20D0, 0x20FF, ID_CONTINUE},
    {0x2190, 0x245F, ID_NO},         {0x2460, 0x24FF, ID_NO},
    {0x2500, 0x2BFF, ID_NO},         {0x2E00, 0x2E7F, ID_NO},
    {0x3000, 0x3000, ID_NONPRINTABLE}, {0x3001, 0x3004, ID_NO},
    {0x3008, 0x3020, ID_NO},         {0x3030, 0x3030, ID_NO},
    {0xD800, 0xDFFF, ID_NONPRINTABLE}, {0xE000, 0xF8FF, ID_NONPRINTABLE},
    {0xFD3E, 0xFD3F, ID_NO},         {0xFDD0, 0xFDEF, ID_NONPRINTABLE},
    {0xFE10, 0xFE1F, ID_NO},
    {0xFE20, 0xFE2F, ID_CONTINUE},   {0xFE30, 0xFE32, ID_NO},
    {0xFE33, 0xFE34, ID_CONTINUE},   {0xFE35, 0xFE4C, ID_NO},
    {0xFE4D, 0xFE4F, ID_CONTINUE},   {0xFE50, 0xFE6F, ID_NO},
    {0xFEFF, 0xFEFF, ID_NONPRINTABLE}, {0xFF01, 0xFF0F, ID_NO},
    {0xFF10, 0xFF19, ID_CONTINUE},   {0xFF1A, 0xFF20, ID_NO},
    {0xFF3B, 0xFF3E, ID_NO},         {0xFF3F, 0xFF3F, ID_CONTINUE},
    {0xFF40, 0xFF40, ID_NO},         {0xFF5B, 0xFF65, ID_NO},
    {0xFFE0, 0xFFEE, ID_NO},         {0xFFEF, 0xFFFB, ID_NONPRINTABLE},
    {0xFFFC, 0xFFFD, ID_NO},         {0xFFFE, 0xFFFF, ID_NONPRINTABLE},
    {0x1D173, 0x1D17A, ID_NONPRINTABLE},
    {0x1F000, 0x1FAFF, ID_NO},       {0xE0000, 0xE007F, ID_NONPRINTABLE},
    {0xF0000, 0x10FFFF, ID_NONPRINTABLE},
};

static int id_class(unsigned cp) {
    int lo = 0, hi = (int)(sizeof id_ranges / sizeof id_ranges[0]) - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (cp < id_ranges[mid].lo) hi = mid - 1;
        else if (cp > id_ranges[mid].hi) lo = mid + 1;
        else return id_ranges[mid].cls;
    }
    return ID_START;
}

/* Report the first character of [s, e) that cannot be in an identifier
 * (CPython's verify_identifier). Returns false after failing. */
static bool verify_identifier(Lexer *lx, const char *s, const char *e) {
    for (const char *p = s; p < e;) {
        if ((unsigned char)*p < 0x80) { p++; continue; }
        int n;
        unsigned cp = lex_utf8_decode(p, &n);
        int cls = id_class(cp);
        if (cls == ID_START || (cls == ID_CONTINUE && p != s)) { p += n; continue; }
        if (cls == ID_NONPRINTABLE)
            fail(lx, E_CHAR, lx->line, col_of(lx, p), "invalid non-printable character U+%04X", cp);
        else
            fail(lx, E_CHAR, lx->line, col_of(lx, p), "invalid character '%.*s' (U+%04X)", n, p,
                 cp);
        return false;
    }
    return true;
}

/* ---- keywords ----------------------------------------------------------- */

static const struct { const char *text; TokKind kind; } keywords[] = {
    {"False", T_FALSE}, {"None", T_NONE}, {"True", T_TRUE}, {"and", T_AND},
    {"as", T_AS}, {"assert", T_ASSERT}, {"async", T_ASYNC}, {"await", T_AWAIT},
    {"break", T_BREAK}, {"class", T_CLASS}, {"continue", T_CONTINUE},
    {"def", T_DEF}, {"del", T_DEL}, {"elif", T_ELIF}, {"else", T_ELSE},
    {"except", T_EXCEPT}, {"finally", T_FINALLY}, {"for", T_FOR},
    {"from", T_FROM}, {"global", T_GLOBAL}, {"if", T_IF}, {"import", T_IMPORT},
    {"in", T_IN}, {"is", T_IS}, {"lambda", T_LAMBDA}, {"nonlocal", T_NONLOCAL},
    {"not", T_NOT}, {"or", T_OR}, {"pass", T_PASS}, {"raise", T_RAISE},
    {"return", T_RETURN}, {"try", T_TRY}, {"while", T_WHILE}, {"with", T_WITH},
    {"yield", T_YIELD},
};

static TokKind keyword_kind(const char *s, int len) {
    if (len < 2 || len > 8) return T_NAME;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (keywords[i].text[0] == s[0] && (int)strlen(keywords[i].text) == len &&
            memcmp(keywords[i].text, s, (size_t)len) == 0)
            return keywords[i].kind;
    return T_NAME;
}

static const char *const token_names[T__COUNT] = {
    [T_EOF] = "end of file", [T_ERROR] = "error", [T_NAME] = "name",
    [T_NUMBER] = "number", [T_STRING] = "string", [T_NEWLINE] = "newline",
    [T_INDENT] = "indent", [T_DEDENT] = "dedent", [T_BADCHAR] = "character",
    [T_LPAR] = "'('", [T_RPAR] = "')'", [T_LSQB] = "'['", [T_RSQB] = "']'",
    [T_LBRACE] = "'{'", [T_RBRACE] = "'}'", [T_COLON] = "':'", [T_COMMA] = "','",
    [T_SEMI] = "';'", [T_DOT] = "'.'", [T_ELLIPSIS] = "'...'", [T_ARROW] = "'->'",
    [T_AT] = "'@'", [T_EQUAL] = "'='", [T_COLONEQUAL] = "':='", [T_PLUS] = "'+'",
    [T_MINUS] = "'-'", [T_STAR] = "'*'", [T_SLASH] = "'/'", [T_DSLASH] = "'//'",
    [T_PERCENT] = "'%'", [T_DSTAR] = "'**'", [T_VBAR] = "'|'", [T_AMPER] = "'&'",
    [T_CIRCUMFLEX] = "'^'", [T_TILDE] = "'~'", [T_LSHIFT] = "'<<'",
    [T_RSHIFT] = "'>>'", [T_LESS] = "'<'", [T_GREATER] = "'>'",
    [T_EQEQUAL] = "'=='", [T_NOTEQUAL] = "'!='", [T_LESSEQUAL] = "'<='",
    [T_GREATEREQUAL] = "'>='", [T_PLUSEQ] = "'+='", [T_MINUSEQ] = "'-='",
    [T_STAREQ] = "'*='", [T_ATEQ] = "'@='", [T_SLASHEQ] = "'/='",
    [T_PERCENTEQ] = "'%='", [T_DSTAREQ] = "'**='", [T_LSHIFTEQ] = "'<<='",
    [T_RSHIFTEQ] = "'>>='", [T_VBAREQ] = "'|='", [T_CIRCUMFLEXEQ] = "'^='",
    [T_AMPEREQ] = "'&='", [T_DSLASHEQ] = "'//='", [T_FALSE] = "'False'",
    [T_NONE] = "'None'", [T_TRUE] = "'True'", [T_AND] = "'and'", [T_AS] = "'as'",
    [T_ASSERT] = "'assert'", [T_ASYNC] = "'async'", [T_AWAIT] = "'await'",
    [T_BREAK] = "'break'", [T_CLASS] = "'class'", [T_CONTINUE] = "'continue'",
    [T_DEF] = "'def'", [T_DEL] = "'del'", [T_ELIF] = "'elif'", [T_ELSE] = "'else'",
    [T_EXCEPT] = "'except'", [T_FINALLY] = "'finally'", [T_FOR] = "'for'",
    [T_FROM] = "'from'", [T_GLOBAL] = "'global'", [T_IF] = "'if'",
    [T_IMPORT] = "'import'", [T_IN] = "'in'", [T_IS] = "'is'",
    [T_LAMBDA] = "'lambda'", [T_NONLOCAL] = "'nonlocal'", [T_NOT] = "'not'",
    [T_OR] = "'or'", [T_PASS] = "'pass'", [T_RAISE] = "'raise'",
    [T_RETURN] = "'return'", [T_TRY] = "'try'", [T_WHILE] = "'while'",
    [T_WITH] = "'with'", [T_YIELD] = "'yield'",
};

const char *lex_token_name(TokKind k) {
    return k >= 0 && k < T__COUNT && token_names[k] ? token_names[k] : "token";
}

/* ---- init ----------------------------------------------------------------- */

void lex_init(Lexer *lx, const char *text, size_t len) {
    memset(lx, 0, sizeof *lx);
    lx->src = lx->cur = lx->line_start = text;
    lx->end = text + len;
    lx->line = 1;
    lx->at_bol = true;
}

void lex_init_fstring(Lexer *lx, const char *start, const char *end, int line,
                      const char *line_start) {
    memset(lx, 0, sizeof *lx);
    lx->src = lx->cur = start;
    lx->end = end;
    lx->line = line;
    lx->line_start = line_start;
    lx->fstring = true;
    /* The invisible opening bracket of CPython's "(expr)" wrapping. */
    lx->level = 1;
    lx->paren[0] = '(';
    lx->paren_line[0] = line;
    lx->paren_col[0] = (int)(start - line_start);
}

/* ---- numbers -------------------------------------------------------------- */

/* After a number, a letter or digit glued to it is an error ("1abc"),
 * except the keywords that may follow a number in valid code ("1if x
 * else y"), which CPython 3.11 only warns about. */
static bool end_of_number(Lexer *lx, const char *kind) {
    char c = peekc(lx, 0);
    bool kw = false;
    switch (c) {
    case 'a': kw = peekc(lx, 1) == 'n' && peekc(lx, 2) == 'd'; break;
    case 'e': kw = peekc(lx, 1) == 'l' && peekc(lx, 2) == 's' && peekc(lx, 3) == 'e'; break;
    case 'f': kw = peekc(lx, 1) == 'o' && peekc(lx, 2) == 'r'; break;
    case 'i': kw = peekc(lx, 1) == 'f' || peekc(lx, 1) == 'n' || peekc(lx, 1) == 's'; break;
    case 'o': kw = peekc(lx, 1) == 'r'; break;
    case 'n': kw = peekc(lx, 1) == 'o' && peekc(lx, 2) == 't'; break;
    default: break;
    }
    /* Only ASCII: after "1" a non-ASCII character starts a new token, as
     * in CPython 3.11 ("1é" is invalid syntax, "1€" an invalid character). */
    if (!kw && is_potential_id_char(c) && (unsigned char)c < 0x80) {
        fail(lx, E_NUMBER, lx->line, col_of(lx, lx->cur), "invalid %s literal", kind);
        return false;
    }
    return true;
}

/* digits ('_'? digits)* — a '_' must sit between two digits. */
static bool decimal_tail(Lexer *lx) {
    for (;;) {
        while (is_digit(peekc(lx, 0))) lx->cur++;
        if (peekc(lx, 0) != '_') return true;
        lx->cur++;
        if (!is_digit(peekc(lx, 0))) {
            fail(lx, E_NUMBER, lx->line, col_of(lx, lx->cur), "invalid decimal literal");
            return false;
        }
    }
}

static bool is_radix_digit(char c, int base) {
    return base == 16 ? is_xdigit(c) : base == 8 ? (c >= '0' && c <= '7') : (c == '0' || c == '1');
}

/* Digits of a 0x/0o/0b literal after its prefix; a single '_' may
 * precede each group of digits (0x_1f is valid). */
static bool radix_digits(Lexer *lx, int base, const char *kind) {
    for (;;) {
        if (peekc(lx, 0) == '_') lx->cur++;
        char c = peekc(lx, 0);
        int col = col_of(lx, lx->cur);
        if (!is_radix_digit(c, base)) {
            if (is_digit(c))
                fail(lx, E_NUMBER, lx->line, col, "invalid digit '%c' in %s literal", c, kind);
            else
                fail(lx, E_NUMBER, lx->line, col, "invalid %s literal", kind);
            return false;
        }
        while (is_radix_digit(peekc(lx, 0), base)) lx->cur++;
        c = peekc(lx, 0);
        if (c == '_') continue;
        if (is_digit(c)) {
            fail(lx, E_NUMBER, lx->line, col_of(lx, lx->cur), "invalid digit '%c' in %s literal", c,
                 kind);
            return false;
        }
        return end_of_number(lx, kind);
    }
}

/* Fraction, exponent and 'j' suffix of a decimal number whose integer
 * part (if any) has been read; lx->cur is at '.', 'e', 'j' or the end. */
static bool number_rest(Lexer *lx) {
    if (peekc(lx, 0) == '.') {
        lx->cur++;
        if (is_digit(peekc(lx, 0)) && !decimal_tail(lx)) return false;
    }
    char c = peekc(lx, 0);
    if (c == 'e' || c == 'E') {
        const char *e = lx->cur;
        lx->cur++;
        c = peekc(lx, 0);
        if (c == '+' || c == '-') {
            lx->cur++;
            if (!is_digit(peekc(lx, 0))) {
                fail(lx, E_NUMBER, lx->line, col_of(lx, lx->cur), "invalid decimal literal");
                return false;
            }
        } else if (!is_digit(c)) {
            /* "1else": the number ends before the 'e'. */
            lx->cur = e;
            return end_of_number(lx, "decimal");
        }
        if (!decimal_tail(lx)) return false;
    }
    c = peekc(lx, 0);
    if (c == 'j' || c == 'J') {
        lx->cur++;
        return end_of_number(lx, "imaginary");
    }
    return end_of_number(lx, "decimal");
}

static bool scan_number(Lexer *lx) {
    const char *start = lx->cur;
    char c = peekc(lx, 0);
    if (c == '.') return number_rest(lx);
    if (c == '0') {
        char x = peekc(lx, 1);
        if (x == 'x' || x == 'X') { lx->cur += 2; return radix_digits(lx, 16, "hexadecimal"); }
        if (x == 'o' || x == 'O') { lx->cur += 2; return radix_digits(lx, 8, "octal"); }
        if (x == 'b' || x == 'B') { lx->cur += 2; return radix_digits(lx, 2, "binary"); }
        /* Zeros, maybe an old-style octal (an error unless it turns out
         * to be a float or imaginary: 0777.5 and 09e1 are fine). */
        lx->cur++;
        for (;;) {
            if (peekc(lx, 0) == '_') {
                lx->cur++;
                if (!is_digit(peekc(lx, 0))) {
                    fail(lx, E_NUMBER, lx->line, col_of(lx, lx->cur), "invalid decimal literal");
                    return false;
                }
            }
            if (peekc(lx, 0) != '0') break;
            lx->cur++;
        }
        bool nonzero = false;
        if (is_digit(peekc(lx, 0))) {
            nonzero = true;
            if (!decimal_tail(lx)) return false;
        }
        c = peekc(lx, 0);
        if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J') return number_rest(lx);
        if (nonzero) {
            fail(lx, E_NUMBER, lx->line, col_of(lx, start),
                 "leading zeros in decimal integer literals are not permitted; "
                 "use an 0o prefix for octal integers");
            return false;
        }
        return end_of_number(lx, "decimal");
    }
    if (!decimal_tail(lx)) return false;
    return number_rest(lx);
}

/* ---- strings -------------------------------------------------------------- */

/* Is [s, s+n) a valid string prefix? Sets the STR_* flags. */
static bool string_prefix(const char *s, int n, unsigned char *flags) {
    bool r = false, b = false, u = false, f = false;
    for (int i = 0; i < n; i++) {
        switch (s[i]) {
        case 'r': case 'R': if (r) return false; r = true; break;
        case 'b': case 'B': if (b) return false; b = true; break;
        case 'u': case 'U': if (u) return false; u = true; break;
        case 'f': case 'F': if (f) return false; f = true; break;
        default: return false;
        }
    }
    if (u && n > 1) return false;   /* u only alone */
    if (b && f) return false;
    *flags = (unsigned char)((r ? STR_RAW : 0) | (b ? STR_BYTES : 0) | (f ? STR_FSTRING : 0) |
                             (u ? STR_UNICODE : 0));
    return true;
}

/* lx->cur is at the opening quote. Scan to just past the closing one. */
static bool scan_string(Lexer *lx, Token *t) {
    int start_line = t->line, start_col = t->col;
    char q = peekc(lx, 0);
    bool triple = peekc(lx, 1) == q && peekc(lx, 2) == q;
    lx->cur += triple ? 3 : 1;
    if (triple) t->str_flags |= STR_TRIPLE;
    for (;;) {
        if (at_end(lx)) {
            /* CPython counts a final newline as part of the last line */
            int at = lx->cur > lx->src && lx->cur[-1] == '\n' ? lx->line - 1 : lx->line;
            if (triple)
                fail(lx, E_STRING, start_line, start_col,
                     "unterminated triple-quoted string literal (detected at line %d)", at);
            else
                fail(lx, E_STRING, start_line, start_col,
                     "unterminated string literal (detected at line %d)", at);
            return false;
        }
        char c = *lx->cur++;
        if (c == '\\') {
            /* A backslash escapes the next byte (even in raw strings, where
             * it stays in the value): the quote cannot end the string. */
            if (at_end(lx)) continue;
            c = *lx->cur++;
            if (c == '\n') newline_seen(lx);
        } else if (c == '\n') {
            if (!triple) {
                fail(lx, E_STRING, start_line, start_col,
                     "unterminated string literal (detected at line %d)", lx->line);
                return false;
            }
            newline_seen(lx);
        } else if (c == q) {
            if (!triple) return true;
            if (peekc(lx, 0) == q && peekc(lx, 1) == q) {
                lx->cur += 2;
                return true;
            }
        }
    }
}

/* ---- operators ------------------------------------------------------------ */

/* Longest operator at cur; sets *len. T_BADCHAR when none. */
static TokKind scan_operator(const Lexer *lx, int *len) {
    char c = peekc(lx, 0), c1 = peekc(lx, 1), c2 = peekc(lx, 2);
    *len = 1;
#define TWO(ch, k) if (c1 == (ch)) { *len = 2; return (k); }
    switch (c) {
    case '(': return T_LPAR;
    case ')': return T_RPAR;
    case '[': return T_LSQB;
    case ']': return T_RSQB;
    case '{': return T_LBRACE;
    case '}': return T_RBRACE;
    case ',': return T_COMMA;
    case ';': return T_SEMI;
    case '~': return T_TILDE;
    case ':': TWO('=', T_COLONEQUAL) return T_COLON;
    case '.':
        if (c1 == '.' && c2 == '.') { *len = 3; return T_ELLIPSIS; }
        return T_DOT;
    case '+': TWO('=', T_PLUSEQ) return T_PLUS;
    case '-': TWO('=', T_MINUSEQ) TWO('>', T_ARROW) return T_MINUS;
    case '*':
        if (c1 == '*') {
            if (c2 == '=') { *len = 3; return T_DSTAREQ; }
            *len = 2;
            return T_DSTAR;
        }
        TWO('=', T_STAREQ) return T_STAR;
    case '/':
        if (c1 == '/') {
            if (c2 == '=') { *len = 3; return T_DSLASHEQ; }
            *len = 2;
            return T_DSLASH;
        }
        TWO('=', T_SLASHEQ) return T_SLASH;
    case '%': TWO('=', T_PERCENTEQ) return T_PERCENT;
    case '@': TWO('=', T_ATEQ) return T_AT;
    case '|': TWO('=', T_VBAREQ) return T_VBAR;
    case '&': TWO('=', T_AMPEREQ) return T_AMPER;
    case '^': TWO('=', T_CIRCUMFLEXEQ) return T_CIRCUMFLEX;
    case '=': TWO('=', T_EQEQUAL) return T_EQUAL;
    case '!': TWO('=', T_NOTEQUAL) return T_BADCHAR;
    case '<':
        if (c1 == '<') {
            if (c2 == '=') { *len = 3; return T_LSHIFTEQ; }
            *len = 2;
            return T_LSHIFT;
        }
        /* "<>" is NOTEQUAL only under barry_as_FLUFL; elsewhere CPython's
         * tokenizer still makes one token of it and the parser rejects
         * it, so keep it one token for the caret. */
        if (c1 == '>') { *len = 2; return T_BADCHAR; }
        TWO('=', T_LESSEQUAL) return T_LESS;
    case '>':
        if (c1 == '>') {
            if (c2 == '=') { *len = 3; return T_RSHIFTEQ; }
            *len = 2;
            return T_RSHIFT;
        }
        TWO('=', T_GREATEREQUAL) return T_GREATER;
    default: return T_BADCHAR;
    }
#undef TWO
}

/* ---- indentation ---------------------------------------------------------- */

/* At the start of a logical line outside brackets: measure the
 * indentation and queue INDENT/DEDENT. Blank and comment-only lines are
 * left alone. Returns false after an error. */
static bool measure_indent(Lexer *lx) {
    int col = 0, altcol = 0;
    for (;;) {
        char c = peekc(lx, 0);
        if (c == ' ') { col++; altcol++; }
        else if (c == '\t') { col = (col / TABSIZE + 1) * TABSIZE; altcol++; }
        else if (c == '\f') { col = altcol = 0; }
        else break;
        lx->cur++;
    }
    char c = peekc(lx, 0);
    if (c == '#' || c == '\n' || at_end(lx)) return true;   /* blank line */
    lx->at_bol = false;
    int top = lx->indent[lx->nindent], alttop = lx->altindent[lx->nindent];
    int ccol = col_of(lx, lx->cur);
    if (col == top) {
        if (altcol != alttop) goto tab_error;
    } else if (col > top) {
        if (lx->nindent + 1 >= LEX_MAXINDENT) {
            fail(lx, E_INDENT, lx->line, ccol, "too many levels of indentation");
            return false;
        }
        if (altcol <= alttop) goto tab_error;
        lx->nindent++;
        lx->indent[lx->nindent] = col;
        lx->altindent[lx->nindent] = altcol;
        lx->pending_indent = true;
    } else {
        while (lx->nindent > 0 && col < lx->indent[lx->nindent]) {
            lx->nindent--;
            lx->pending_dedents++;
        }
        if (col != lx->indent[lx->nindent]) {
            fail(lx, E_DEDENT, lx->line, ccol,
                 "unindent does not match any outer indentation level");
            return false;
        }
        if (altcol != lx->altindent[lx->nindent]) goto tab_error;
    }
    return true;
tab_error:
    fail(lx, E_TAB, lx->line, 0, "inconsistent use of tabs and spaces in indentation");
    return false;
}

/* ---- the main loop -------------------------------------------------------- */

static Token make(Lexer *lx, TokKind k, const char *start, int line, int col) {
    Token t;
    memset(&t, 0, sizeof t);
    t.kind = k;
    t.start = start;
    t.len = (int)(lx->cur - start);
    t.line = line;
    t.col = col;
    t.end_line = lx->line;
    t.end_col = col_of(lx, lx->cur);
    t.level = lx->level;
    return t;
}

static Token open_bracket(Lexer *lx, TokKind k, char c, const char *start, int col) {
    if (lx->level >= LEX_MAXLEVEL)
        return fail(lx, E_SYNTAX, lx->line, col, "too many nested parentheses");
    lx->paren[lx->level] = c;
    lx->paren_line[lx->level] = lx->line;
    lx->paren_col[lx->level] = col;
    lx->level++;
    lx->cur++;
    return make(lx, k, start, lx->line, col);
}

static Token close_bracket(Lexer *lx, TokKind k, char c, const char *start, int col) {
    int base = lx->fstring ? 1 : 0;
    if (lx->level <= base)
        return fail(lx, E_SYNTAX, lx->line, col, "unmatched '%c'", c);
    char open = lx->paren[lx->level - 1];
    if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
        int oline = lx->paren_line[lx->level - 1];
        if (oline != lx->line)
            return fail(lx, E_SYNTAX, lx->line, col,
                        "closing parenthesis '%c' does not match opening parenthesis '%c' "
                        "on line %d", c, open, oline);
        return fail(lx, E_SYNTAX, lx->line, col,
                    "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
    }
    lx->level--;
    lx->cur++;
    return make(lx, k, start, lx->line, col);
}

Token lex_next(Lexer *lx) {
    for (;;) {
        if (lx->failed) return error_token(lx);
        if (lx->at_bol && lx->level == 0 && !lx->fstring && !measure_indent(lx))
            return error_token(lx);
        if (lx->pending_indent) {
            lx->pending_indent = false;
            Token t = make(lx, T_INDENT, lx->line_start, lx->line, 0);
            return t;
        }
        if (lx->pending_dedents > 0) {
            lx->pending_dedents--;
            return make(lx, T_DEDENT, lx->cur, lx->line, col_of(lx, lx->cur));
        }

        while (peekc(lx, 0) == ' ' || peekc(lx, 0) == '\t' || peekc(lx, 0) == '\f') lx->cur++;
        const char *start = lx->cur;
        int col = col_of(lx, start);

        if (at_end(lx)) {
            if (lx->fstring) {
                lx->done = true;
                return make(lx, T_EOF, start, lx->line, col);
            }
            if (lx->level > 0) {
                int i = lx->level - 1;
                return fail(lx, E_EOF, lx->paren_line[i], lx->paren_col[i], "'%c' was never closed",
                            lx->paren[i]);
            }
            if (lx->line_has_tokens) {
                /* CPython adds the newline a file may lack at the end. */
                lx->line_has_tokens = false;
                return make(lx, T_NEWLINE, start, lx->line, col);
            }
            if (lx->nindent > 0) {
                lx->nindent--;
                return make(lx, T_DEDENT, start, lx->line, col);
            }
            lx->done = true;
            return make(lx, T_EOF, start, lx->line, col);
        }

        char c = *start;
        if (c == '#') {
            while (!at_end(lx) && *lx->cur != '\n') lx->cur++;
            continue;
        }
        if (c == '\n') {
            lx->cur++;
            if (lx->level > 0 || !lx->line_has_tokens) {
                /* Inside brackets, or a blank line: no token. */
                newline_seen(lx);
                if (lx->level == 0) lx->at_bol = true;
                continue;
            }
            Token t = make(lx, T_NEWLINE, start, lx->line, col);
            t.end_line = lx->line;
            t.end_col = col + 1;
            newline_seen(lx);
            lx->at_bol = true;
            lx->line_has_tokens = false;
            return t;
        }
        if (c == '\\') {
            char n = peekc(lx, 1);
            if (n == '\n') {
                lx->cur += 2;
                newline_seen(lx);
                if (at_end(lx))
                    return fail(lx, E_EOF, lx->line - 1, col, "unexpected EOF while parsing");
                continue;
            }
            if (lx->cur + 1 >= lx->end)
                return fail(lx, E_EOF, lx->line, col, "unexpected EOF while parsing");
            return fail(lx, E_SYNTAX, lx->line, col + 1,
                        "unexpected character after line continuation character");
        }

        lx->line_has_tokens = true;
        int line = lx->line;

        if (is_id_start_ascii(c) || (unsigned char)c >= 0x80) {
            while (is_potential_id_char(peekc(lx, 0))) lx->cur++;
            int len = (int)(lx->cur - start);
            char q = peekc(lx, 0);
            unsigned char flags;
            if ((q == '"' || q == '\'') && len <= 2 && string_prefix(start, len, &flags)) {
                Token t = make(lx, T_STRING, start, line, col);
                t.str_flags = flags;
                t.prefix_len = (unsigned char)len;
                if (!scan_string(lx, &t)) return error_token(lx);
                unsigned char f = t.str_flags;
                t = make(lx, T_STRING, start, line, col);
                t.str_flags = f;
                t.prefix_len = (unsigned char)len;
                return t;
            }
            if (!verify_identifier(lx, start, lx->cur)) return error_token(lx);
            return make(lx, keyword_kind(start, len), start, line, col);
        }
        if (is_digit(c) || (c == '.' && is_digit(peekc(lx, 1)))) {
            if (!scan_number(lx)) return error_token(lx);
            return make(lx, T_NUMBER, start, line, col);
        }
        if (c == '"' || c == '\'') {
            Token t = make(lx, T_STRING, start, line, col);
            if (!scan_string(lx, &t)) return error_token(lx);
            unsigned char f = t.str_flags;
            t = make(lx, T_STRING, start, line, col);
            t.str_flags = f;
            return t;
        }
        if ((unsigned char)c < 0x20 || c == 0x7f)
            return fail(lx, E_CHAR, line, col, "invalid non-printable character U+%04X",
                        (unsigned)(unsigned char)c);

        int len;
        TokKind k = scan_operator(lx, &len);
        switch (k) {
        case T_LPAR: return open_bracket(lx, k, '(', start, col);
        case T_LSQB: return open_bracket(lx, k, '[', start, col);
        case T_LBRACE: return open_bracket(lx, k, '{', start, col);
        case T_RPAR: return close_bracket(lx, k, ')', start, col);
        case T_RSQB: return close_bracket(lx, k, ']', start, col);
        case T_RBRACE: return close_bracket(lx, k, '}', start, col);
        default:
            lx->cur += len;
            return make(lx, k, start, line, col);
        }
    }
}
