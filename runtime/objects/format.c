/*
 * objects/format.c — the format-spec mini-language (format(), f-strings,
 * str.format) for int, bool, float and str; str.format / format_map;
 * printf-style str % args and bytes % args; the builtins format, ascii,
 * bin, oct, hex, getattr, setattr, hasattr, delattr, and bi_table_text
 * (which also lists textio.c's input and open, and bytearray).
 *
 * A number is laid out as parts — sign, prefix (0x), integer digits, the
 * rest (".25e+03", "%", or all of "inf") — whose digits are grouped (','
 * or '_', every 3, every 4 for b/o/x/X) and padded by the alignment; zero
 * padding with '=' groups the padding zeros too ('00,001,234'). Float
 * digits come from glibc's printf, correctly rounded like CPython's dtoa;
 * 'g' and the no-type form are laid out here from the %e exponent with
 * CPython's rules; the no-type form without precision is repr.
 *
 * Invariant: every message is CPython 3.11's word for word; results are
 * built in a ubuf, so widths count code points.
 * complex: each part laid out as a float (fmt_complex).
 * Not handled: locales ('n' is the C locale's: no grouping),
 * __bytes__ in bytes % args, __format__ of user classes beyond calling it.
 */
#include "objects/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the spec ---------------------------------------------------------- */

typedef struct fspec {
    uint32_t fill, align, sign, group, type; /* 0: absent */
    bool z, alt;
    int64_t width, prec; /* -1: absent */
} fspec;

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

/* Digits at *i into *out; the count read, or -1 on overflow (raised). */
static int read_num(const ai_strobj *s, int64_t *i, int64_t *out) {
    int n = 0;
    int64_t v = 0;
    while (*i < s->len) {
        uint32_t c = str_char(s, *i);
        if (c < '0' || c > '9') break;
        if (v > (INT64_MAX - (int64_t)(c - '0')) / 10) {
            ai_raise_msg(&ai_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (c - '0');
        (*i)++;
        n++;
    }
    *out = v;
    return n;
}

/* "'x'" or "'\x1'" as CPython prints a code point in these messages. */
static void code_text(char *buf, size_t n, uint32_t c) {
    if (c > 32 && c < 127)
        snprintf(buf, n, "%c", (char)c);
    else
        snprintf(buf, n, "\\x%x", c);
}

static ai_value unknown_code(uint32_t type, const char *tname) {
    char t[16];
    code_text(t, sizeof t, type);
    return ai_raise_fmt(&ai_exc_ValueError, "Unknown format code '%s' for object of type '%s'", t,
                        tname);
}

static int parse_spec(ai_value spec, uint32_t default_type, uint32_t default_align,
                      const char *tname, fspec *f) {
    const ai_strobj *s = str_obj(spec);
    int64_t n = s->len, i = 0;
    *f = (fspec){.fill = ' ', .width = -1, .prec = -1};
    bool fill_given = false;
    if (n >= 2 && is_align(str_char(s, 1))) {
        f->fill = str_char(s, 0);
        f->align = str_char(s, 1);
        fill_given = true;
        i = 2;
    } else if (n >= 1 && is_align(str_char(s, 0))) {
        f->align = str_char(s, 0);
        i = 1;
    }
    if (i < n && (str_char(s, i) == '+' || str_char(s, i) == '-' || str_char(s, i) == ' '))
        f->sign = str_char(s, i++);
    if (i < n && str_char(s, i) == 'z') f->z = true, i++;
    if (i < n && str_char(s, i) == '#') f->alt = true, i++;
    if (!fill_given && i < n && str_char(s, i) == '0') {
        f->fill = '0';
        if (!f->align && default_align == '>') f->align = '=';
        i++;
    }
    int64_t v;
    int got = read_num(s, &i, &v);
    if (got < 0) return -1;
    if (got) f->width = v;
    if (i < n && str_char(s, i) == ',') f->group = ',', i++;
    if (i < n && str_char(s, i) == '_') {
        if (f->group) goto both;
        f->group = '_', i++;
    }
    if (i < n && str_char(s, i) == ',') goto both;
    if (i < n && str_char(s, i) == '.') {
        i++;
        got = read_num(s, &i, &v);
        if (got < 0) return -1;
        if (!got) {
            ai_raise_msg(&ai_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
        f->prec = v;
    }
    if (n - i > 1) {
        const char *p = str_utf8(spec, NULL);
        ai_raise_fmt(&ai_exc_ValueError, "Invalid format specifier '%s' for object of type '%s'",
                     p ? p : "?", tname);
        return -1;
    }
    f->type = n - i == 1 ? str_char(s, i) : default_type;
    if (f->group) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->group == '_') break;
            /* fall through */
        default: {
            char t[16];
            code_text(t, sizeof t, f->type);
            ai_raise_fmt(&ai_exc_ValueError, "Cannot specify '%c' with '%s'.", (char)f->group, t);
            return -1;
        }
        }
    }
    return 0;
both:
    ai_raise_msg(&ai_exc_ValueError, "Cannot specify both ',' and '_'.");
    return -1;
}

/* ---- layout -------------------------------------------------------------- */

/* Pad `content` (already in b from index `from`) out to the width. */
static void align_pad(ubuf *b, int64_t from, const fspec *f, uint32_t dflt_align) {
    int64_t len = b->len - from;
    if (f->width <= len) return;
    int64_t pad = f->width - len;
    uint32_t a = f->align ? f->align : dflt_align;
    int64_t left = a == '>' ? pad : a == '^' ? pad / 2 : 0;
    int64_t right = pad - left;
    if (!ub_reserve(b, pad)) return;
    if (left) {
        memmove(b->p + from + left, b->p + from, (size_t)len * 4);
        for (int64_t k = 0; k < left; k++) b->p[from + k] = f->fill;
        b->len += left;
    }
    ub_fill(b, f->fill, right);
    if (f->fill > b->maxc) b->maxc = f->fill;
}

typedef struct numparts {
    bool neg;
    const char *prefix;  /* "0x" or "" */
    const char *digits;  /* integer digits (ASCII), may be empty */
    size_t ndigits;
    const char *rest;    /* the fraction, exponent, '%' or "inf" */
    size_t nrest;
    int group_every;     /* 3, or 4 for b/o/x/X */
} numparts;

static void render_number(ubuf *b, const fspec *f, const numparts *p) {
    int64_t from = b->len;
    uint32_t sign = p->neg ? '-' : (f->sign == '+' || f->sign == ' ') ? f->sign : 0;
    size_t npre = strlen(p->prefix);
    uint32_t align = f->align ? f->align : '>';
    int64_t fixed = (sign ? 1 : 0) + (int64_t)npre + (int64_t)p->nrest;
    /* Zero padding with '=' pads the digits themselves, so grouping
     * separates the padding zeros too. */
    int64_t minw = (f->fill == '0' && align == '=' && f->width > fixed) ? f->width - fixed : 0;
    if (sign) ub_addc(b, sign);
    ub_adds(b, p->prefix);
    int64_t body_at = b->len;
    int64_t nd = (int64_t)p->ndigits;
    if (f->group && nd > 0) {
        int g = p->group_every;
        int64_t d = nd;
        while (d + (d - 1) / g < minw) d++;
        for (int64_t k = d; k > 0; k--) {
            int64_t idx = nd - k; /* index into digits, negative = padding zero */
            ub_addc(b, idx >= 0 ? (unsigned char)p->digits[idx] : '0');
            if (k > 1 && (k - 1) % g == 0) ub_addc(b, f->group);
        }
    } else {
        if (minw > nd) ub_fill(b, '0', minw - nd);
        ub_add_ascii(b, p->digits, p->ndigits);
    }
    ub_add_ascii(b, p->rest, p->nrest);
    if (align == '=') {
        int64_t len = b->len - from;
        if (f->width > len) {
            int64_t pad = f->width - len, tail = b->len - body_at;
            if (!ub_reserve(b, pad)) return;
            memmove(b->p + body_at + pad, b->p + body_at, (size_t)tail * 4);
            for (int64_t k = 0; k < pad; k++) b->p[body_at + k] = f->fill;
            b->len += pad;
            if (f->fill > b->maxc) b->maxc = f->fill;
        }
        return;
    }
    align_pad(b, from, f, '>');
}

/* ---- int ----------------------------------------------------------------- */

/* |v| in base 2, 8 or 16: malloc'd ASCII digits. */
static char *digits_pow2(ai_value v, int shift, bool upper, size_t *np) {
    uint64_t one;
    const uint64_t *limbs;
    int64_t nl;
    if (ai_is_smallint(v)) {
        int64_t x = ai_smallint_get(v);
        one = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        limbs = &one;
        nl = 1;
    } else {
        ai_bigint *g = (ai_bigint *)ai_obj(v);
        limbs = g->limbs;
        nl = g->size < 0 ? -g->size : g->size;
    }
    int top = 64;
    while (top > 0 && !((limbs[nl - 1] >> (top - 1)) & 1)) top--;
    int64_t bits = (nl - 1) * 64 + top;
    int64_t nd = bits ? (bits + shift - 1) / shift : 1;
    char *out = malloc((size_t)nd + 1);
    if (!out) return NULL;
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    for (int64_t d = 0; d < nd; d++) {
        int64_t bit = d * shift;
        unsigned val = 0;
        for (int k = 0; k < shift; k++, bit++) {
            if (bit / 64 < nl) val |= (unsigned)((limbs[bit / 64] >> (bit % 64)) & 1) << k;
        }
        out[nd - 1 - d] = dig[val];
    }
    out[nd] = 0;
    *np = (size_t)nd;
    return out;
}

/* |v| in base 10 (with the 4300-digit limit): malloc'd ASCII digits. */
static char *digits_dec(ai_value v, size_t *np) {
    if (ai_is_smallint(v)) {
        int64_t x = ai_smallint_get(v);
        char tmp[24];
        int n = int_small_to_decimal(x, tmp);
        const char *digits = tmp + (x < 0); /* |x|: without the '-' */
        n -= x < 0;
        char *out = malloc((size_t)n + 1);
        if (!out) {
            exc_nomem();
            return NULL;
        }
        memcpy(out, digits, (size_t)n);
        out[n] = 0;
        *np = (size_t)n;
        return out;
    }
    ai_value s = int_to_str(v);
    if (!s) return NULL;
    const char *p = str_data(str_obj(s));
    size_t n = (size_t)str_obj(s)->len;
    if (*p == '-') p++, n--;
    char *out = malloc(n + 1);
    if (!out) {
        exc_nomem();
        return NULL;
    }
    memcpy(out, p, n + 1);
    *np = n;
    return out;
}

static char *int_digits(ai_value v, uint32_t type, size_t *n) {
    switch (type) {
    case 'b': return digits_pow2(v, 1, false, n);
    case 'o': return digits_pow2(v, 3, false, n);
    case 'x': return digits_pow2(v, 4, false, n);
    case 'X': return digits_pow2(v, 4, true, n);
    default: return digits_dec(v, n);
    }
}

static ai_value float_with_spec(double x, const fspec *f, const char *tname);

/* int (or bool) with a parsed spec. */
static ai_value int_with_spec(ai_value v, const fspec *f) {
    const char *tname = obj_type_name(v);
    v = int_unbool(v);
    switch (f->type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d;
        if (!int_to_double(v, &d)) return AI_ERR;
        return float_with_spec(d, f, tname);
    }
    default: return unknown_code(f->type, tname);
    }
    if (f->prec >= 0)
        return ai_raise_msg(&ai_exc_ValueError, "Precision not allowed in integer format specifier");
    if (f->z)
        return ai_raise_msg(&ai_exc_ValueError,
                            "Negative zero coercion (z) not allowed in integer format specifier");
    ubuf b;
    ub_init(&b);
    if (f->type == 'c') {
        if (f->sign)
            return ai_raise_msg(&ai_exc_ValueError,
                                "Sign not allowed with integer format specifier 'c'");
        if (f->alt)
            return ai_raise_msg(&ai_exc_ValueError,
                                "Alternate form (#) not allowed with integer format specifier 'c'");
        int64_t c;
        if (!int_to_i64(v, &c))
            return ai_raise_msg(&ai_exc_OverflowError, "Python int too large to convert to C long");
        if (c < 0 || c > 0x10FFFF)
            return ai_raise_msg(&ai_exc_OverflowError, "%c arg not in range(0x110000)");
        int64_t from = b.len;
        ub_addc(&b, (uint32_t)c);
        /* A character is laid out as a number: right-aligned by default,
         * and '=' behaves like '>' (no sign). */
        fspec g = *f;
        if (g.align == '=') g.align = '>';
        align_pad(&b, from, &g, '>');
        return ub_finish(&b);
    }
    size_t nd;
    char *dig = int_digits(v, f->type, &nd);
    if (!dig) return AI_ERR;
    numparts p = {.neg = int_sign(v) < 0, .prefix = "", .digits = dig, .ndigits = nd, .rest = "",
                  .group_every = (f->type == 'd' || f->type == 'n') ? 3 : 4};
    if (f->alt) {
        p.prefix = f->type == 'b'   ? "0b"
                   : f->type == 'o' ? "0o"
                   : f->type == 'x' ? "0x"
                   : f->type == 'X' ? "0X"
                                    : "";
    }
    render_number(&b, f, &p);
    free(dig);
    return ub_finish(&b);
}

ai_value fmt_int(ai_value v, ai_value spec) {
    if (str_obj(spec)->len == 0) return ai_str(v);
    fspec f;
    if (parse_spec(spec, 'd', '>', obj_type_name(v), &f) < 0) return AI_ERR;
    return int_with_spec(v, &f);
}

ai_value fmt_int_base(ai_value v, int base) {
    v = int_unbool(v);
    size_t nd;
    char *dig = int_digits(v, base == 2 ? 'b' : base == 8 ? 'o' : 'x', &nd);
    if (!dig) return exc_pending() ? AI_ERR : exc_nomem();
    strbuf b;
    sb_init(&b);
    if (int_sign(v) < 0) sb_addc(&b, '-');
    sb_adds(&b, base == 2 ? "0b" : base == 8 ? "0o" : "0x");
    sb_add(&b, dig, nd);
    free(dig);
    return sb_finish(&b);
}

/* ---- float ---------------------------------------------------------------- */

/* printf of a finite non-negative double: malloc'd. The formats are
 * spelled out so the compiler can check them. */
static int cprint(char *buf, size_t n, double x, char conv, int prec, bool alt) {
    if (conv == 'e') return alt ? snprintf(buf, n, "%#.*e", prec, x) : snprintf(buf, n, "%.*e", prec, x);
    return alt ? snprintf(buf, n, "%#.*f", prec, x) : snprintf(buf, n, "%.*f", prec, x);
}

/* "%.*f" of a finite non-negative double, exactly as printf rounds it
 * (the binary value, ties to even), without printf: x = m·2^e, so
 * x·10^prec = m·10^prec·2^e, an integer shifted by e whose dropped bits
 * decide the rounding. Needs m·10^prec in 128 bits (prec ≤ 17) and, for
 * e > 0, the shifted value too; 0 when it cannot (printf does it then).
 * Writes the text to buf (≥ 64 bytes) and returns its length. */
static int fixed_fast(char *buf, double x, int prec, bool alt) {
    static const uint64_t pow10[18] = {1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
                                       10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
                                       100000000000ull, 1000000000000ull, 10000000000000ull,
                                       100000000000000ull, 1000000000000000ull, 10000000000000000ull,
                                       100000000000000000ull};
    if (prec < 0 || prec > 17) return 0;
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int bexp = (int)((bits >> 52) & 0x7ff);
    uint64_t m = bits & ((1ull << 52) - 1);
    int e;
    if (bexp) {
        m |= 1ull << 52;
        e = bexp - 1075;
    } else {
        e = -1074;
    }
    unsigned __int128 q = (unsigned __int128)m * pow10[prec]; /* < 2^110 */
    if (e >= 0) {
        if (e > 17) return 0; /* q << e might not fit */
        q <<= e;
    } else if (-e >= 120) {
        q = 0; /* below half a unit of the last digit: rounds to 0 */
    } else {
        int s = -e;
        unsigned __int128 rest = q & (((unsigned __int128)1 << s) - 1), half = (unsigned __int128)1 << (s - 1);
        q >>= s;
        if (rest > half || (rest == half && (q & 1))) q++;
    }
    /* the digits of q, at least prec + 1 of them */
    char d[48];
    int nd = 0;
    while (q >> 64) { /* 128-bit division only while it must */
        d[nd++] = (char)('0' + (int)(q % 10));
        q /= 10;
    }
    for (uint64_t u = (uint64_t)q; u || nd <= prec; u /= 10) d[nd++] = (char)('0' + (int)(u % 10));
    int k = 0;
    for (int i = nd - 1; i >= prec; i--) buf[k++] = d[i];
    if (prec || alt) buf[k++] = '.';
    for (int i = prec - 1; i >= 0; i--) buf[k++] = d[i];
    buf[k] = 0;
    return k;
}

static char *cfmt(double x, char conv, int64_t prec, bool alt) {
    if (conv == 'f') {
        char fast[64];
        int k = fixed_fast(fast, x, (int)prec, alt);
        if (k) {
            char *out = malloc((size_t)k + 3);
            if (!out) {
                exc_nomem();
                return NULL;
            }
            memcpy(out, fast, (size_t)k + 1);
            return out;
        }
    }
    int n = cprint(NULL, 0, x, conv, (int)prec, alt);
    char *out = n >= 0 ? malloc((size_t)n + 3) : NULL;
    if (!out) {
        exc_nomem();
        return NULL;
    }
    cprint(out, (size_t)n + 1, x, conv, (int)prec, alt);
    return out;
}

/* Drop trailing zeros of the mantissa (and a bare '.'): "1.500e+03" →
 * "1.5e+03", "2.000" → "2". */
static void strip_zeros(char *s) {
    char *dot = strchr(s, '.');
    if (!dot) return;
    char *e = strchr(s, 'e');
    char *end = e ? e : s + strlen(s);
    char *q = end;
    while (q > dot + 1 && q[-1] == '0') q--;
    if (q == dot + 1) q = dot;
    memmove(q, end, strlen(end) + 1);
}

/* The body of a float (no sign) for a type; *neg set. malloc'd. */
static char *float_body(double x, uint32_t type, int64_t prec, bool alt, bool *neg) {
    bool add_dot_0 = false, repr = false;
    if (type == 0) {
        add_dot_0 = true;
        if (prec < 0) repr = true;
        type = 'g';
    } else if (type == 'n') {
        type = 'g';
    }
    if (prec < 0) prec = 6;
    *neg = signbit(x) && !isnan(x);
    double ax = fabs(x);
    char *body;
    if (isnan(x) || isinf(x)) {
        body = malloc(4);
        if (!body) {
            exc_nomem();
            return NULL;
        }
        memcpy(body, isnan(x) ? "nan" : "inf", 4);
    } else if (repr) {
        body = malloc(40);
        if (!body) {
            exc_nomem();
            return NULL;
        }
        int n = float_repr_buf(ax, body);
        if (alt && !strchr(body, '.')) {
            /* '#' with the repr form: always a decimal point ("1.e+16"). */
            char *e = strchr(body, 'e');
            size_t at = e ? (size_t)(e - body) : (size_t)n;
            memmove(body + at + 1, body + at, (size_t)n - at + 1);
            body[at] = '.';
        }
    } else if (type == 'e' || type == 'E') {
        body = cfmt(ax, 'e', prec, alt);
    } else if (type == 'f' || type == 'F' || type == '%') {
        body = cfmt(ax, 'f', prec, alt);
    } else {
        int64_t p = prec == 0 ? 1 : prec;
        char *e = cfmt(ax, 'e', p - 1, false);
        if (!e) return NULL;
        long X = strtol(strchr(e, 'e') + 1, NULL, 10);
        free(e);
        bool use_exp = X < -4 || X >= (add_dot_0 ? p - 1 : p);
        body = use_exp ? cfmt(ax, 'e', p - 1, alt) : cfmt(ax, 'f', p - 1 - X, alt);
        if (!body) return NULL;
        if (!alt) strip_zeros(body);
        if (add_dot_0 && !use_exp && !strchr(body, '.')) {
            size_t n = strlen(body);
            char *nb = realloc(body, n + 3);
            if (!nb) {
                free(body);
                exc_nomem();
                return NULL;
            }
            body = nb;
            memcpy(body + n, ".0", 3);
        }
    }
    if (body && (type == 'E' || type == 'F' || type == 'G'))
        for (char *q = body; *q; q++)
            if (*q >= 'a' && *q <= 'z') *q = (char)(*q - 32);
    return body;
}

/* Are all the digits of a formatted body zeros (a -0 after rounding)? */
static bool body_is_zero(const char *s) {
    if (*s < '0' || *s > '9') return false; /* inf, nan */
    for (; *s && *s != 'e' && *s != 'E'; s++)
        if (*s >= '1' && *s <= '9') return false;
    return true;
}

static ai_value float_with_spec(double x, const fspec *f, const char *tname) {
    switch (f->type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': break;
    default: return unknown_code(f->type, tname);
    }
    if (f->prec > INT32_MAX) return ai_raise_msg(&ai_exc_ValueError, "precision too big");
    bool pct = f->type == '%';
    bool neg;
    char *body = float_body(pct ? x * 100 : x, f->type, f->prec, f->alt, &neg);
    if (!body) return AI_ERR;
    if (f->z && neg && body_is_zero(body)) neg = false;
    size_t nd = 0;
    while (body[nd] >= '0' && body[nd] <= '9') nd++;
    size_t total = strlen(body);
    char *rest = body + nd;
    if (pct) {
        char *nb = realloc(body, total + 2);
        if (!nb) {
            free(body);
            return exc_nomem();
        }
        body = nb;
        body[total] = '%';
        body[total + 1] = 0;
        rest = body + nd;
        total++;
    }
    numparts p = {.neg = neg, .prefix = "", .digits = body, .ndigits = nd, .rest = rest,
                  .nrest = total - nd, .group_every = 3};
    ubuf b;
    ub_init(&b);
    render_number(&b, f, &p);
    free(body);
    return ub_finish(&b);
}

ai_value fmt_float(ai_value v, ai_value spec) {
    if (str_obj(spec)->len == 0) return ai_str(v);
    fspec f;
    if (parse_spec(spec, 0, '>', obj_type_name(v), &f) < 0) return AI_ERR;
    return float_with_spec(float_get(v), &f, obj_type_name(v));
}

/* ---- complex --------------------------------------------------------------- */

/* One part of a complex number, rendered without padding. */
static int complex_part(ubuf *b, double x, uint32_t type, int64_t prec, const fspec *f, uint32_t sign) {
    bool neg = signbit(x) && !isnan(x);
    char *body;
    if (type == 'r') {
        body = malloc(40);
        if (!body) {
            exc_nomem();
            return -1;
        }
        int n = float_repr_buf(fabs(x), body);
        if (n >= 2 && body[n - 2] == '.' && body[n - 1] == '0') body[n - 2] = 0;
    } else {
        body = float_body(x, type == 'n' ? 'g' : type, prec < 0 ? 6 : prec, f->alt, &neg);
        if (!body) return -1;
    }
    if (f->z && neg && body_is_zero(body)) neg = false;
    size_t nd = 0;
    while (body[nd] >= '0' && body[nd] <= '9') nd++;
    fspec t = {.fill = ' ', .align = '<', .sign = sign, .group = f->group, .width = -1, .prec = -1};
    numparts p = {.neg = neg, .prefix = "", .digits = body, .ndigits = nd, .rest = body + nd,
                  .nrest = strlen(body) - nd, .group_every = 3};
    render_number(b, &t, &p);
    free(body);
    return 0;
}

/* CPython's format_complex_internal: no type is like str() (repr parts,
 * parentheses unless the real part is +0.0), else each part formatted as
 * a float, the imaginary one always signed; then padded as a whole. */
ai_value fmt_complex(ai_value v, ai_value spec) {
    if (str_obj(spec)->len == 0) return ai_str(v);
    const char *tname = obj_type_name(v);
    fspec f;
    if (parse_spec(spec, 0, '>', tname, &f) < 0) return AI_ERR;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
    default: return unknown_code(f.type, tname);
    }
    if (f.fill == '0')
        return ai_raise_msg(&ai_exc_ValueError, "Zero padding is not allowed in complex format specifier");
    if (f.align == '=')
        return ai_raise_msg(&ai_exc_ValueError, "'=' alignment flag is not allowed in complex format specifier");
    double re, im;
    complex_parts(v, &re, &im);
    uint32_t type = f.type;
    bool skip_re = false, parens = false;
    if (type == 0) {
        type = f.prec < 0 ? 'r' : 'g';
        if (re == 0.0 && !signbit(re)) skip_re = true;
        else parens = true;
    }
    ubuf b;
    ub_init(&b);
    if (parens) ub_addc(&b, '(');
    if (!skip_re && complex_part(&b, re, type, f.prec, &f, f.sign) < 0) return AI_ERR;
    if (complex_part(&b, im, type, f.prec, &f, skip_re ? f.sign : '+') < 0) return AI_ERR;
    ub_addc(&b, 'j');
    if (parens) ub_addc(&b, ')');
    align_pad(&b, 0, &f, '>');
    return ub_finish(&b);
}

/* ---- str ------------------------------------------------------------------ */

static ai_value str_with_spec(ai_value v, const fspec *f) {
    if (f->type != 's') return unknown_code(f->type, "str");
    if (f->sign)
        return ai_raise_msg(&ai_exc_ValueError, f->sign == ' '
                                                    ? "Space not allowed in string format specifier"
                                                    : "Sign not allowed in string format specifier");
    if (f->z)
        return ai_raise_msg(&ai_exc_ValueError,
                            "Negative zero coercion (z) not allowed in string format specifier");
    if (f->alt)
        return ai_raise_msg(&ai_exc_ValueError,
                            "Alternate form (#) not allowed in string format specifier");
    if (f->align == '=')
        return ai_raise_msg(&ai_exc_ValueError,
                            "'=' alignment not allowed in string format specifier");
    int64_t len = str_obj(v)->len;
    if (f->prec >= 0 && f->prec < len) len = f->prec;
    if (f->width <= len) return str_substr(v, 0, len);
    ubuf b;
    ub_init(&b);
    ub_add_sub(&b, str_obj(v), 0, len);
    align_pad(&b, 0, f, '<');
    return ub_finish(&b);
}

ai_value fmt_str(ai_value v, ai_value spec) {
    if (str_obj(spec)->len == 0) return ai_str(v);
    fspec f;
    if (parse_spec(spec, 's', '<', obj_type_name(v), &f) < 0) return AI_ERR;
    return str_with_spec(v, &f);
}

/* ---- format() ------------------------------------------------------------- */

static ai_value empty_spec(void) { return str_empty(); }

ai_value ai_format(ai_value v, ai_value spec) {
    /* f"{x}": the common case is str() of a builtin value. */
    if ((!spec || (str_check(spec) && str_obj(spec)->len == 0)) &&
        (ai_is_smallint(v) || !(ai_type_of_obj(ai_obj(v))->flags & AI_TF_HEAPTYPE)))
        return ai_str(v);
    if (!spec) spec = empty_spec();
    if (!str_check(spec))
        return ai_raise_fmt(&ai_exc_TypeError, "format() argument 2 must be str, not %s",
                            obj_type_name(spec));
    if (ai_is_smallint(v)) return fmt_int(v, spec);
    ai_type *t = ai_type_of_obj(ai_obj(v));
    if (t == &ai_str_type) return fmt_str(v, spec);
    if (t == &ai_float_type) return fmt_float(v, spec);
    if (t == &ai_complex_type) return fmt_complex(v, spec);
    if (t->flags & AI_TF_HEAPTYPE) {
        /* A class may define __format__; without one, object's applies. */
        ai_value name = str_from_ascii("__format__", 10);
        if (!name) return AI_ERR;
        ai_value m = ai_getattr(v, name);
        if (m) {
            ai_value r = ai_call(m, &spec, 1, 0);
            if (r && !str_check(r))
                return ai_raise_fmt(&ai_exc_TypeError, "__format__ must return a str, not %s",
                                    obj_type_name(r));
            return r;
        }
        if (!exc_pending_is(&ai_exc_AttributeError)) return AI_ERR;
        exc_clear();
    }
    if (int_check(v)) return fmt_int(v, spec);
    if (str_check(v)) return fmt_str(v, spec);
    if (float_check(v)) return fmt_float(v, spec);
    if (complex_check(v)) return fmt_complex(v, spec);
    if (str_obj(spec)->len == 0) return ai_str(v);
    return ai_raise_fmt(&ai_exc_TypeError, "unsupported format string passed to %s.__format__",
                        obj_type_name(v));
}

ai_value ai_ascii(ai_value v) {
    ai_value r = ai_repr(v);
    if (!r || str_obj(r)->ascii) return r;
    ai_strobj *s = str_obj(r);
    strbuf b;
    sb_init(&b);
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = str_char(s, i);
        if (c < 128)
            sb_addc(&b, c);
        else if (c < 0x100)
            sb_printf(&b, "\\x%02x", c);
        else if (c < 0x10000)
            sb_printf(&b, "\\u%04x", c);
        else
            sb_printf(&b, "\\U%08x", c);
    }
    return sb_finish(&b);
}

/* ---- str.format ------------------------------------------------------------ */

typedef struct fmtctx {
    const ai_value *args;
    int64_t nargs;
    ai_value kwnames; /* tuple or 0; values follow args */
    ai_value mapping; /* format_map's mapping, or 0 */
    int auto_state;   /* 0 unknown, 1 automatic, 2 manual */
    int64_t next_auto;
} fmtctx;

static ai_value vformat(fmtctx *c, ai_value fmt, int64_t start, int64_t end, int depth);

static bool all_digits(const ai_strobj *s, int64_t a, int64_t b) {
    if (a >= b) return false;
    for (int64_t i = a; i < b; i++)
        if (str_char(s, i) < '0' || str_char(s, i) > '9') return false;
    return true;
}

/* The decimal number s[a:b] (all digits). -1 with ValueError on overflow. */
static int64_t digits_value(const ai_strobj *s, int64_t a, int64_t b) {
    int64_t v = 0;
    for (int64_t i = a; i < b; i++) {
        int d = (int)(str_char(s, i) - '0');
        if (v > (INT64_MAX - d) / 10) {
            ai_raise_msg(&ai_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + d;
    }
    return v;
}

/* The object a field name's first part names. */
static ai_value field_first(fmtctx *c, ai_value fmt, int64_t a, int64_t b) {
    const ai_strobj *s = str_obj(fmt);
    if (a == b || all_digits(s, a, b)) {
        int64_t idx;
        if (a == b) {
            if (c->auto_state == 2)
                return ai_raise_msg(&ai_exc_ValueError,
                                    "cannot switch from manual field specification to automatic "
                                    "field numbering");
            c->auto_state = 1;
            idx = c->next_auto++;
        } else {
            idx = digits_value(s, a, b);
            if (idx < 0) return AI_ERR;
            if (c->auto_state == 1)
                return ai_raise_msg(&ai_exc_ValueError,
                                    "cannot switch from automatic field numbering to manual field "
                                    "specification");
            c->auto_state = 2;
        }
        if (c->mapping)
            return ai_raise_msg(&ai_exc_ValueError, "Format string contains positional fields");
        if (idx >= c->nargs)
            return ai_raise_fmt(&ai_exc_IndexError,
                                "Replacement index %lld out of range for positional args tuple",
                                (long long)idx);
        return c->args[idx];
    }
    ai_value key = str_substr(fmt, a, b);
    if (!key) return AI_ERR;
    if (c->mapping) return ai_getitem(c->mapping, key);
    if (c->kwnames) {
        ai_tuple *kw = tuple_obj(c->kwnames);
        for (int64_t k = 0; k < kw->len; k++)
            if (str_eq(str_obj(kw->items[k]), str_obj(key))) return c->args[c->nargs + k];
    }
    ai_value args = ai_tuple_pack(&key, 1);
    return args ? exc_raise_args(&ai_exc_KeyError, args) : AI_ERR;
}

/* Resolve a whole field name: first part, then .attr and [key] parts. */
static ai_value field_value(fmtctx *c, ai_value fmt, int64_t a, int64_t b) {
    const ai_strobj *s = str_obj(fmt);
    int64_t i = a;
    while (i < b && str_char(s, i) != '.' && str_char(s, i) != '[') i++;
    ai_value obj = field_first(c, fmt, a, i);
    while (obj && i < b) {
        uint32_t ch = str_char(s, i++);
        int64_t k = i;
        if (ch == '.') {
            while (i < b && str_char(s, i) != '.' && str_char(s, i) != '[') i++;
            if (k == i) return ai_raise_msg(&ai_exc_ValueError, "Empty attribute in format string");
            ai_value name = str_substr(fmt, k, i);
            obj = name ? ai_getattr(obj, name) : AI_ERR;
        } else if (ch == '[') {
            while (i < b && str_char(s, i) != ']') i++;
            if (i == b) return ai_raise_msg(&ai_exc_ValueError, "Missing ']' in format string");
            if (k == i) return ai_raise_msg(&ai_exc_ValueError, "Empty attribute in format string");
            ai_value key;
            if (all_digits(s, k, i)) {
                int64_t n = digits_value(s, k, i);
                if (n < 0) return AI_ERR;
                key = ai_int_from_i64(n);
            } else {
                key = str_substr(fmt, k, i);
            }
            i++; /* the ']' */
            if (i < b && str_char(s, i) != '.' && str_char(s, i) != '[')
                return ai_raise_msg(&ai_exc_ValueError,
                                    "Only '.' or '[' may follow ']' in format field specifier");
            obj = key ? ai_getitem(obj, key) : AI_ERR;
        } else {
            return ai_raise_msg(&ai_exc_ValueError,
                                "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return obj;
}

static ai_value convert(ai_value v, uint32_t conv) {
    switch (conv) {
    case 0: return v;
    case 'r': return ai_repr(v);
    case 's': return ai_str(v);
    case 'a': return ai_ascii(v);
    default: {
        char t[16];
        code_text(t, sizeof t, conv);
        return ai_raise_fmt(&ai_exc_ValueError, "Unknown conversion specifier %s", t);
    }
    }
}

/* Format fmt[start:end] into a new str. */
static ai_value vformat(fmtctx *c, ai_value fmt, int64_t start, int64_t end, int depth) {
    if (depth <= 0) return ai_raise_msg(&ai_exc_ValueError, "Max string recursion exceeded");
    const ai_strobj *s = str_obj(fmt);
    ubuf b;
    ub_init(&b);
    int64_t i = start;
    while (i < end) {
        uint32_t ch = str_char(s, i);
        if (ch != '{' && ch != '}') {
            int64_t k = i;
            while (k < end && str_char(s, k) != '{' && str_char(s, k) != '}') k++;
            ub_add_sub(&b, s, i, k);
            i = k;
            continue;
        }
        if (ch == '}') {
            if (i + 1 < end && str_char(s, i + 1) == '}') {
                ub_addc(&b, '}');
                i += 2;
                continue;
            }
            ai_raise_msg(&ai_exc_ValueError, "Single '}' encountered in format string");
            goto fail;
        }
        if (i + 1 >= end) {
            ai_raise_msg(&ai_exc_ValueError, "Single '{' encountered in format string");
            goto fail;
        }
        if (str_char(s, i + 1) == '{') {
            ub_addc(&b, '{');
            i += 2;
            continue;
        }
        /* A field: name up to '}', ':' or '!' ('[' skips to its ']'). */
        int64_t name_a = ++i;
        uint32_t term = 0;
        while (i < end) {
            uint32_t d = str_char(s, i++);
            if (d == '{') {
                ai_raise_msg(&ai_exc_ValueError, "unexpected '{' in field name");
                goto fail;
            }
            if (d == '[') {
                while (i < end && str_char(s, i) != ']') i++;
                continue;
            }
            if (d == '}' || d == ':' || d == '!') {
                term = d;
                break;
            }
        }
        int64_t name_b = term ? i - 1 : i;
        uint32_t conv = 0;
        int64_t spec_a = i, spec_b = i;
        bool nested = false;
        if (term == '!' || term == ':') {
            bool done = false;
            if (term == '!') {
                if (i >= end) {
                    ai_raise_msg(&ai_exc_ValueError,
                                       "end of string while looking for conversion specifier");
                    goto fail;
                }
                conv = str_char(s, i++);
                if (i < end) {
                    uint32_t d = str_char(s, i++);
                    if (d == '}')
                        done = true;
                    else if (d != ':') {
                        ai_raise_msg(&ai_exc_ValueError,
                                           "expected ':' after conversion specifier");
                        goto fail;
                    }
                }
                spec_a = spec_b = i;
            }
            if (!done) {
                int count = 1;
                spec_a = i;
                while (i < end) {
                    uint32_t d = str_char(s, i++);
                    if (d == '{') {
                        nested = true;
                        count++;
                    } else if (d == '}' && --count == 0) {
                        break;
                    }
                }
                if (count > 0) {
                    ai_raise_msg(&ai_exc_ValueError, "unmatched '{' in format spec");
                    goto fail;
                }
                spec_b = i - 1;
            }
        } else if (term != '}') {
            ai_raise_msg(&ai_exc_ValueError, "expected '}' before end of string");
            goto fail;
        }
        ai_value v = field_value(c, fmt, name_a, name_b);
        if (!v || !(v = convert(v, conv))) goto fail;
        ai_value spec;
        if (nested)
            spec = vformat(c, fmt, spec_a, spec_b, depth - 1);
        else
            spec = str_substr(fmt, spec_a, spec_b);
        if (!spec) goto fail;
        ai_value r = ai_format(v, spec);
        if (!r) goto fail;
        ub_add_str(&b, r);
    }
    return ub_finish(&b);
fail:
    ub_free(&b);
    return AI_ERR;
}

/* Text without '{' and '}' formats to itself, and CPython returns the
 * receiver then — a str subclass instance included. */
static bool no_fields(ai_value s) {
    const ai_strobj *o = str_obj(s);
    for (int64_t i = 0; i < o->len; i++) {
        uint32_t c = str_char(o, i);
        if (c == '{' || c == '}') return false;
    }
    return true;
}

ai_value fmt_str_format(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (no_fields(self)) return self;
    fmtctx c = {args, nargs, kwnames && tuple_obj(kwnames)->len ? kwnames : 0, 0, 0, 0};
    return vformat(&c, self, 0, str_obj(self)->len, 2);
}

ai_value fmt_str_format_map(ai_value self, const ai_value *args, int64_t nargs,
                            ai_value kwnames) {
    static const argspec spec = {"format_map", "str", ARGS_ONE, 1, 1, NULL};
    ai_value a[1];
    if (text_args(&spec, args, nargs, kwnames, a) < 0) return AI_ERR;
    if (no_fields(self)) return self;
    fmtctx c = {NULL, 0, 0, a[0], 0, 0};
    return vformat(&c, self, 0, str_obj(self)->len, 2);
}

/* ---- str % args ------------------------------------------------------------- */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

/* The next argument for a conversion; AI_ERR when there is none left. */
static ai_value next_arg(ai_value args, int64_t *idx, int64_t len) {
    /* A single non-tuple argument is len -1 with idx -2 until taken. */
    if (*idx < len) {
        int64_t i = (*idx)++;
        return len < 0 ? args : tuple_obj(args)->items[i];
    }
    return ai_raise_msg(&ai_exc_TypeError, "not enough arguments for format string");
}

/* One numeric %-conversion (d i u x X o e E f F g G) of v into b. */
static int pct_number(ubuf *b, ai_value v, uint32_t conv, int flags, int64_t width, int64_t prec) {
    fspec f = {.fill = ' ', .width = width, .prec = -1, .alt = (flags & F_ALT) != 0};
    f.sign = (flags & F_SIGN) ? '+' : (flags & F_BLANK) ? ' ' : 0;
    if (flags & F_LJUST)
        f.align = '<';
    else if (flags & F_ZERO)
        f.align = '=', f.fill = '0';
    else
        f.align = '>';
    if (conv == 'e' || conv == 'E' || conv == 'f' || conv == 'F' || conv == 'g' || conv == 'G') {
        double d;
        bool isnum;
        if (!float_coerce(v, &d, &isnum)) {
            if (!isnum)
                ai_raise_fmt(&ai_exc_TypeError, "must be real number, not %s", obj_type_name(v));
            return -1;
        }
        f.type = conv;
        f.prec = prec < 0 ? 6 : prec;
        ai_value r = float_with_spec(d, &f, "float");
        if (!r) return -1;
        ub_add_str(b, r);
        return 0;
    }
    ai_value iv;
    if (int_check(v)) {
        iv = int_unbool(v);
    } else if (float_check(v) && (conv == 'd' || conv == 'i' || conv == 'u')) {
        double d = float_get(v);
        if (isnan(d)) {
            ai_raise_msg(&ai_exc_ValueError, "cannot convert float NaN to integer");
            return -1;
        }
        if (isinf(d)) {
            ai_raise_msg(&ai_exc_OverflowError, "cannot convert float infinity to integer");
            return -1;
        }
        iv = int_from_double(d);
        if (!iv) return -1;
    } else if (!ai_is_smallint(v) && obj_slots(v)->index && conv != 'd' && conv != 'i' &&
               conv != 'u') {
        iv = obj_slots(v)->index(v);
        if (!iv) return -1;
    } else if ((conv == 'd' || conv == 'i' || conv == 'u') && (iv = cls_convert(&ai_int_type, v)) != 0) {
        /* an instance with __int__ or __index__ (Decimal, Fraction):
         * CPython formats int(v) */
    } else {
        if (exc_pending()) return -1; /* cls_convert failed (0 is also AI_ERR) */
        if (conv == 'd' || conv == 'i' || conv == 'u')
            ai_raise_fmt(&ai_exc_TypeError, "%%%c format: a real number is required, not %s",
                         (char)conv, obj_type_name(v));
        else
            ai_raise_fmt(&ai_exc_TypeError, "%%%c format: an integer is required, not %s",
                         (char)conv, obj_type_name(v));
        return -1;
    }
    uint32_t t = (conv == 'x' || conv == 'X' || conv == 'o') ? conv : 'd';
    size_t nd;
    char *dig = int_digits(iv, t, &nd);
    if (!dig) return -1;
    /* A precision is a minimum number of digits. */
    char *padded = dig;
    if (prec > (int64_t)nd) {
        padded = malloc((size_t)prec + 1);
        if (!padded) {
            free(dig);
            exc_nomem();
            return -1;
        }
        memset(padded, '0', (size_t)prec - nd);
        memcpy(padded + prec - nd, dig, nd + 1);
        free(dig);
        nd = (size_t)prec;
    }
    numparts p = {.neg = int_sign(iv) < 0, .prefix = "", .digits = padded, .ndigits = nd,
                  .rest = "", .group_every = 3};
    if (f.alt) p.prefix = t == 'x' ? "0x" : t == 'X' ? "0X" : t == 'o' ? "0o" : "";
    render_number(b, &f, &p);
    free(padded);
    return 0;
}

/* A '*' width or precision argument. */
static int star_arg(ai_value args, int64_t *idx, int64_t len, int64_t *out) {
    ai_value v = next_arg(args, idx, len);
    if (!v) return -1;
    if (!int_check(v)) {
        ai_raise_msg(&ai_exc_TypeError, "* wants int");
        return -1;
    }
    int64_t n;
    if (!int_to_i64(int_unbool(v), &n) || n > INT32_MAX || n < -INT32_MAX) {
        ai_raise_msg(&ai_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = n;
    return 0;
}

/* str % args, or (bytes_mode) bytes % args run over the bytes as a
 * latin-1 str: the result is then a str of code points < 256. */
static ai_value percent_format(ai_value fmt, ai_value args, bool bytes_mode) {
    const ai_strobj *s = str_obj(fmt);
    int64_t arglen = -1, argidx = -2;
    if (tuple_check(args)) arglen = tuple_obj(args)->len, argidx = 0;
    /* Anything subscriptable but a tuple or str may serve %(key)s. */
    ai_value dict = (!tuple_check(args) && !str_check(args) && obj_slots(args)->getitem) ? args : 0;
    ai_value cur = args; /* where the next argument comes from */
    ubuf b;
    ub_init(&b);
    int64_t i = 0, n = s->len;
    while (i < n) {
        uint32_t ch = str_char(s, i);
        if (ch != '%') {
            int64_t k = i;
            while (k < n && str_char(s, k) != '%') k++;
            ub_add_sub(&b, s, i, k);
            i = k;
            continue;
        }
        i++;
        if (i < n && str_char(s, i) == '%') {
            ub_addc(&b, '%');
            i++;
            continue;
        }
        if (i < n && str_char(s, i) == '(') {
            if (!dict) {
                ai_raise_msg(&ai_exc_TypeError, "format requires a mapping");
                goto fail;
            }
            int depth = 1;
            int64_t k = ++i;
            while (i < n && depth) {
                uint32_t d = str_char(s, i);
                if (d == '(')
                    depth++;
                else if (d == ')')
                    depth--;
                i++;
            }
            if (depth) {
                ai_raise_msg(&ai_exc_ValueError, "incomplete format key");
                goto fail;
            }
            ai_value key = str_substr(fmt, k, i - 1);
            if (key && bytes_mode) key = text_encode(key, "latin-1", NULL);
            if (!key || !(cur = ai_getitem(dict, key))) goto fail;
            /* From here on (as in CPython) the mapping's item is the one
             * argument: '*' and the value are taken from it. */
            arglen = -1;
            argidx = -2;
        }
        int flags = 0;
        for (; i < n; i++) {
            uint32_t d = str_char(s, i);
            if (d == '-')
                flags |= F_LJUST;
            else if (d == '+')
                flags |= F_SIGN;
            else if (d == ' ')
                flags |= F_BLANK;
            else if (d == '#')
                flags |= F_ALT;
            else if (d == '0')
                flags |= F_ZERO;
            else
                break;
        }
        int64_t width = -1, prec = -1;
        if (i < n && str_char(s, i) == '*') {
            i++;
            if (star_arg(cur, &argidx, arglen, &width) < 0) goto fail;
            if (width < 0) flags |= F_LJUST, width = -width;
        } else {
            int64_t w;
            int got = read_num(s, &i, &w);
            if (got < 0) goto fail;
            if (got) width = w;
        }
        if (i < n && str_char(s, i) == '.') {
            i++;
            if (i < n && str_char(s, i) == '*') {
                i++;
                if (star_arg(cur, &argidx, arglen, &prec) < 0) goto fail;
                if (prec < 0) prec = 0;
            } else {
                int got = read_num(s, &i, &prec);
                if (got < 0) goto fail;
                if (!got) prec = 0;
            }
        }
        while (i < n && (str_char(s, i) == 'h' || str_char(s, i) == 'l' || str_char(s, i) == 'L'))
            i++;
        if (i >= n) {
            ai_raise_msg(&ai_exc_ValueError, "incomplete format");
            goto fail;
        }
        uint32_t conv = str_char(s, i++);
        ai_value v = next_arg(cur, &argidx, arglen);
        if (!v) goto fail;
        switch (conv) {
        case 's':
        case 'r':
        case 'a':
        case 'b': {
            ai_value t;
            if (bytes_mode && (conv == 's' || conv == 'b')) {
                int64_t bn;
                const unsigned char *bp = bytes_buffer(v, &bn);
                if (!bp) {
                    ai_raise_fmt(&ai_exc_TypeError,
                                 "%%b requires a bytes-like object, or an object that implements "
                                 "__bytes__, not '%s'",
                                 obj_type_name(v));
                    goto fail;
                }
                t = str_from_latin1(bp, bn);
            } else if (conv == 'b') {
                goto unsupported;
            } else if (bytes_mode) {
                t = ai_ascii(v);
            } else {
                t = conv == 's' ? ai_str(v) : conv == 'r' ? ai_repr(v) : ai_ascii(v);
            }
            if (!t) goto fail;
            int64_t len = str_obj(t)->len;
            if (prec >= 0 && prec < len) len = prec;
            int64_t from = b.len;
            ub_add_sub(&b, str_obj(t), 0, len);
            fspec f = {.fill = ' ', .align = (flags & F_LJUST) ? '<' : '>', .width = width};
            align_pad(&b, from, &f, '>');
            break;
        }
        case 'c': {
            uint32_t cp;
            int64_t bn;
            const unsigned char *bp;
            const char *what = bytes_mode ? "%c requires an integer in range(256) or a single byte"
                                          : "%c requires int or char";
            if (!bytes_mode && str_check(v)) {
                if (str_obj(v)->len != 1) {
                    ai_raise_msg(&ai_exc_TypeError, what);
                    goto fail;
                }
                cp = str_char(str_obj(v), 0);
            } else if (bytes_mode && (bp = bytes_buffer(v, &bn))) {
                if (bn != 1) {
                    ai_raise_msg(&ai_exc_TypeError, what);
                    goto fail;
                }
                cp = bp[0];
            } else if (int_check(v)) {
                int64_t x;
                uint32_t limit = bytes_mode ? 256 : 0x110000;
                if (!int_to_i64(int_unbool(v), &x) || x < 0 || x >= limit) {
                    ai_raise_msg(&ai_exc_OverflowError, bytes_mode ? "%c arg not in range(256)"
                                                                   : "%c arg not in range(0x110000)");
                    goto fail;
                }
                cp = (uint32_t)x;
            } else {
                ai_raise_msg(&ai_exc_TypeError, what);
                goto fail;
            }
            int64_t from = b.len;
            ub_addc(&b, cp);
            fspec f = {.fill = ' ', .align = (flags & F_LJUST) ? '<' : '>', .width = width};
            align_pad(&b, from, &f, '>');
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            if (pct_number(&b, v, conv, flags, width, prec) < 0) goto fail;
            break;
        default:
        unsupported: {
            char t[16];
            if (conv > 32 && conv < 127)
                snprintf(t, sizeof t, "%c", (char)conv);
            else
                snprintf(t, sizeof t, "\\x%x", conv);
            ai_raise_fmt(&ai_exc_ValueError, "unsupported format character '%s' (0x%x) at index %lld",
                         t, conv, (long long)(i - 1));
            goto fail;
        }
        }
    }
    if (argidx < arglen && !dict) {
        ub_free(&b);
        return ai_raise_fmt(&ai_exc_TypeError,
                            "not all arguments converted during %s formatting",
                            bytes_mode ? "bytes" : "string");
    }
    return ub_finish(&b);
fail:
    ub_free(&b);
    return AI_ERR;
}

ai_value fmt_str_mod(ai_value fmt, ai_value args) {
    if (!str_check(fmt)) return AI_NOTIMPL;
    return percent_format(fmt, args, false);
}

ai_value fmt_bytes_mod(ai_value fmt, ai_value args) {
    int64_t n;
    const unsigned char *p = bytes_buffer(fmt, &n);
    if (!p) return AI_NOTIMPL;
    ai_value f = str_from_latin1(p, n);
    ai_value r = f ? percent_format(f, args, true) : AI_ERR;
    if (!r) return AI_ERR;
    ai_value out = text_encode(r, "latin-1", NULL);
    if (!out || !bytearray_check(fmt)) return out;
    ai_value ba = ai_val(&ai_bytearray_type);
    return ai_call(ba, &out, 1, 0);
}

/* ---- builtins ---------------------------------------------------------------- */

static ai_value bi_format(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    static const argspec spec = {"format", "", ARGS_POS, 1, 2, NULL};
    ai_value a[2];
    if (call_no_kwargs("format", kw) < 0 || text_args(&spec, args, nargs, 0, a) < 0) return AI_ERR;
    return ai_format(a[0], a[1]);
}

static ai_value bi_ascii(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    if (call_no_kwargs("ascii", kw) || call_exact_args("ascii", nargs, 1)) return AI_ERR;
    return ai_ascii(args[0]);
}

static ai_value int_base(const char *name, const ai_value *args, int64_t nargs, ai_value kw,
                         int base) {
    if (call_no_kwargs(name, kw) || call_exact_args(name, nargs, 1)) return AI_ERR;
    ai_value v = args[0];
    if (!int_check(v)) {
        ai_unaryfunc ix = obj_slots(v)->index;
        if (!ix)
            return ai_raise_fmt(&ai_exc_TypeError,
                                "'%s' object cannot be interpreted as an integer",
                                obj_type_name(v));
        if (!(v = ix(v))) return AI_ERR;
    }
    return fmt_int_base(v, base);
}

static ai_value bi_bin(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    return int_base("bin", args, nargs, kw, 2);
}
static ai_value bi_oct(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    return int_base("oct", args, nargs, kw, 8);
}
static ai_value bi_hex(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    return int_base("hex", args, nargs, kw, 16);
}

static bool attr_name_ok(ai_value name) {
    if (str_check(name)) return true;
    ai_raise_fmt(&ai_exc_TypeError, "attribute name must be string, not '%s'",
                 obj_type_name(name));
    return false;
}

static ai_value bi_getattr(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    static const argspec spec = {"getattr", "", ARGS_POS, 2, 3, NULL};
    ai_value a[3];
    if (call_no_kwargs("getattr", kw) < 0 || text_args(&spec, args, nargs, 0, a) < 0 ||
        !attr_name_ok(a[1]))
        return AI_ERR;
    ai_value r = ai_getattr(a[0], a[1]);
    if (!r && a[2] && exc_pending_is(&ai_exc_AttributeError)) {
        exc_clear();
        return a[2];
    }
    return r;
}

static ai_value bi_hasattr(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    static const argspec spec = {"hasattr", "", ARGS_POS, 2, 2, NULL};
    ai_value a[2];
    if (call_no_kwargs("hasattr", kw) < 0 || text_args(&spec, args, nargs, 0, a) < 0 ||
        !attr_name_ok(a[1]))
        return AI_ERR;
    ai_value r = ai_getattr(a[0], a[1]);
    if (r) return AI_TRUE;
    if (!exc_pending_is(&ai_exc_AttributeError)) return AI_ERR;
    exc_clear();
    return AI_FALSE;
}

static ai_value bi_setattr(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    static const argspec spec = {"setattr", "", ARGS_POS, 3, 3, NULL};
    ai_value a[3];
    if (call_no_kwargs("setattr", kw) < 0 || text_args(&spec, args, nargs, 0, a) < 0 ||
        !attr_name_ok(a[1]))
        return AI_ERR;
    return ai_setattr(a[0], a[1], a[2]) < 0 ? AI_ERR : AI_NONE;
}

static ai_value bi_delattr(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    static const argspec spec = {"delattr", "", ARGS_POS, 2, 2, NULL};
    ai_value a[2];
    if (call_no_kwargs("delattr", kw) < 0 || text_args(&spec, args, nargs, 0, a) < 0 ||
        !attr_name_ok(a[1]))
        return AI_ERR;
    return ai_delattr(a[0], a[1]) < 0 ? AI_ERR : AI_NONE;
}

static AI_BUILTIN_FN(bf_format, "format", bi_format);
static AI_BUILTIN_FN(bf_ascii, "ascii", bi_ascii);
static AI_BUILTIN_FN(bf_bin, "bin", bi_bin);
static AI_BUILTIN_FN(bf_oct, "oct", bi_oct);
static AI_BUILTIN_FN(bf_hex, "hex", bi_hex);
static AI_BUILTIN_FN(bf_getattr, "getattr", bi_getattr);
static AI_BUILTIN_FN(bf_hasattr, "hasattr", bi_hasattr);
static AI_BUILTIN_FN(bf_setattr, "setattr", bi_setattr);
static AI_BUILTIN_FN(bf_delattr, "delattr", bi_delattr);

#define V(x) ((ai_value)(uintptr_t) & (x))
const bi_entry bi_table_text[] = {
    {"format", V(bf_format)},
    {"ascii", V(bf_ascii)},
    {"bin", V(bf_bin)},
    {"oct", V(bf_oct)},
    {"hex", V(bf_hex)},
    {"getattr", V(bf_getattr)},
    {"hasattr", V(bf_hasattr)},
    {"setattr", V(bf_setattr)},
    {"delattr", V(bf_delattr)},
    {"input", V(textio_input_fn)},
    {"open", V(textio_open_fn)},
    {"bytearray", V(ai_bytearray_type)},
    {NULL, 0},
};
#undef V
