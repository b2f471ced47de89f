/*
 * objects/int.c — arbitrary-precision `int` (and the `bool` type, its
 * subtype).
 *
 * Representation: a tagged small int ((n << 1) | 1, 63 bits) or a big-int
 * object (core/object.h: sign-magnitude, 64-bit limbs). Invariant: a
 * value that fits the tagged range is ALWAYS tagged, so every operation
 * ends in big_finish(), which trims and demotes. bool values (the static
 * True/False objects) are ints: every entry point maps them to 0/1 first.
 *
 * Big arithmetic uses GMP's mpn_* layer only: limbs live in our own
 * objects (results are computed straight into a freshly allocated big int)
 * or in short-lived malloc'd scratch; GMP never allocates. Semantics are
 * Python's: floor division and modulo round toward -inf, shifts and
 * bitwise operators act on infinite two's complement, int ** negative
 * gives a float, int / int is correctly rounded (even for huge operands).
 * Decimal conversion both ways honours CPython 3.11's 4300-digit limit
 * (int_max_str_digits, settable later through sys).
 *
 * Methods and attributes (bit_length, to_bytes, from_bytes, real …) are
 * at the end of the file; formatting lives in format.c.
 * Not handled yet: __index__ of user classes.
 */
#include "objects/text.h"

#include <gmp.h>
#include <math.h>
#include <stdlib.h>

_Static_assert(sizeof(mp_limb_t) == sizeof(uint64_t) && GMP_NUMB_BITS == 64,
               "big ints assume 64-bit GMP limbs without nails");

int64_t int_max_str_digits = 4300;

static inline ai_bigint *big_of(ai_value v) { return (ai_bigint *)ai_obj(v); }

/* ---- views and results -------------------------------------------------- */

/* A read-only view of any int as sign + magnitude. Holds a one-limb buffer
 * for tagged values, so it must not be copied by value. */
typedef struct ival {
    int sign;  /* -1, 0, 1 */
    int64_t n; /* limbs in use; 0 for zero */
    const mp_limb_t *d;
    mp_limb_t buf;
} ival;

static void ival_of(ai_value v, ival *x) {
    v = int_unbool(v);
    if (ai_is_smallint(v)) {
        int64_t s = ai_smallint_get(v);
        x->sign = (s > 0) - (s < 0);
        x->buf = s < 0 ? (uint64_t)0 - (uint64_t)s : (uint64_t)s;
        x->n = s != 0;
        x->d = &x->buf;
    } else {
        ai_bigint *b = big_of(v);
        x->sign = b->size < 0 ? -1 : 1;
        x->n = b->size < 0 ? -b->size : b->size;
        x->d = b->limbs;
    }
}

static size_t bigint_size(const ai_object *o) {
    return sizeof(ai_bigint) + (size_t)((const ai_bigint *)o)->alloc * sizeof(mp_limb_t);
}

/* A zeroed big int with room for n limbs (not yet a valid value). */
static ai_bigint *big_alloc(int64_t n) {
    if (n < 1) n = 1;
    if ((uint64_t)n > ((uint64_t)1 << 40)) {
        exc_nomem();
        return NULL;
    }
    ai_bigint *b = ai_alloc(&ai_int_type, sizeof(ai_bigint) + (size_t)n * sizeof(mp_limb_t));
    if (!b) return NULL;
    b->alloc = n;
    return b;
}

/* Trim r's n limbs, give it `sign`, and demote to a tagged int if it fits. */
static ai_value big_finish(ai_bigint *r, int64_t n, int sign) {
    while (n > 0 && r->limbs[n - 1] == 0) n--;
    if (n == 0 || sign == 0) return ai_smallint(0);
    if (n == 1) {
        uint64_t m = r->limbs[0];
        if (sign > 0 && m <= (uint64_t)AI_SMALLINT_MAX) return ai_smallint((int64_t)m);
        if (sign < 0 && m <= (uint64_t)AI_SMALLINT_MAX + 1)
            return ai_smallint(-(int64_t)(m - 1) - 1);
    }
    r->size = sign < 0 ? -n : n;
    return ai_val(r);
}

static ai_value int_from_mag(int sign, const mp_limb_t *d, int64_t n) {
    ai_bigint *r = big_alloc(n);
    if (!r) return AI_ERR;
    if (n) memcpy(r->limbs, d, (size_t)n * sizeof(mp_limb_t));
    return big_finish(r, n, sign);
}

ai_value int_from_u64(uint64_t u, bool negative) {
    if (!negative && u <= (uint64_t)AI_SMALLINT_MAX) return ai_smallint((int64_t)u);
    mp_limb_t l = u;
    return int_from_mag(negative ? -1 : 1, &l, 1);
}

ai_value ai_int_from_i64(int64_t n) {
    if (ai_smallint_fits(n)) return ai_smallint(n);
    return int_from_u64(n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n, n < 0);
}

static int mag_cmp(const ival *x, const ival *y) {
    if (x->n != y->n) return x->n < y->n ? -1 : 1;
    if (x->n == 0) return 0;
    int c = mpn_cmp(x->d, y->d, x->n);
    return (c > 0) - (c < 0);
}

static int64_t bitlen(const ival *x) {
    if (x->n == 0) return 0;
    return x->n * 64 - __builtin_clzll(x->d[x->n - 1]);
}

/* Scratch limbs: on the stack when small, malloc'd otherwise. */
typedef struct scratch {
    mp_limb_t *p;
    mp_limb_t small[16];
} scratch;

static mp_limb_t *scratch_get(scratch *s, int64_t n) {
    if (n <= 16) {
        s->p = s->small;
        memset(s->small, 0, sizeof s->small);
    } else {
        s->p = calloc((size_t)n, sizeof(mp_limb_t));
        if (!s->p) exc_nomem();
    }
    return s->p;
}

static void scratch_free(scratch *s) {
    if (s->p && s->p != s->small) free(s->p);
    s->p = NULL;
}

/* ---- queries used across the runtime ------------------------------------- */

int int_sign(ai_value v) {
    v = int_unbool(v);
    if (ai_is_smallint(v)) {
        int64_t n = ai_smallint_get(v);
        return (n > 0) - (n < 0);
    }
    return big_of(v)->size < 0 ? -1 : 1;
}

int int_cmp(ai_value a, ai_value b) {
    a = int_unbool(a);
    b = int_unbool(b);
    if (ai_is_smallint(a) && ai_is_smallint(b)) {
        int64_t x = ai_smallint_get(a), y = ai_smallint_get(b);
        return (x > y) - (x < y);
    }
    ival x, y;
    ival_of(a, &x);
    ival_of(b, &y);
    if (x.sign != y.sign) return x.sign < y.sign ? -1 : 1;
    int c = mag_cmp(&x, &y);
    return x.sign < 0 ? -c : c;
}

bool int_to_i64(ai_value v, int64_t *out) {
    v = int_unbool(v);
    if (ai_is_smallint(v)) {
        *out = ai_smallint_get(v);
        return true;
    }
    ai_bigint *b = big_of(v);
    if (b->size == 1 && b->limbs[0] <= (uint64_t)INT64_MAX) {
        *out = (int64_t)b->limbs[0];
        return true;
    }
    if (b->size == -1 && b->limbs[0] <= (uint64_t)INT64_MAX + 1) {
        *out = (int64_t)(0 - b->limbs[0]);
        return true;
    }
    return false;
}

bool int_to_double(ai_value v, double *out) {
    v = int_unbool(v);
    if (ai_is_smallint(v)) {
        *out = (double)ai_smallint_get(v); /* the FPU rounds to nearest-even */
        return true;
    }
    ival x;
    ival_of(v, &x);
    int64_t nbits = bitlen(&x);
    double d;
    if (nbits <= 64) {
        d = (double)x.d[0];
    } else if (nbits > 1024) {
        goto overflow;
    } else {
        /* The top 64 bits, with every lower bit folded into bit 0 (a
         * "sticky" bit): converting that word rounds exactly as the whole
         * number would, since 11 bits are dropped anyway. */
        int64_t n = x.n;
        int lz = __builtin_clzll(x.d[n - 1]);
        uint64_t top = x.d[n - 1] << lz;
        uint64_t rest;
        if (lz) {
            top |= x.d[n - 2] >> (64 - lz);
            rest = x.d[n - 2] << lz;
        } else {
            rest = x.d[n - 2];
        }
        for (int64_t i = n - 3; i >= 0 && !rest; i--) rest = x.d[i];
        top |= rest != 0;
        d = ldexp((double)top, (int)(nbits - 64));
        if (isinf(d)) goto overflow;
    }
    *out = x.sign < 0 ? -d : d;
    return true;
overflow:
    ai_raise_msg(&ai_exc_OverflowError, "int too large to convert to float");
    return false;
}

/* ---- conversions with double ---------------------------------------------------- */

/* |v| << s for a magnitude view (s >= 0). */
static ai_value mag_lshift(const ival *x, int sign, int64_t s) {
    int64_t ls = s / 64;
    int bit = (int)(s % 64);
    ai_bigint *r = big_alloc(x->n + ls + 1);
    if (!r) return AI_ERR;
    if (bit)
        r->limbs[ls + x->n] = mpn_lshift(r->limbs + ls, x->d, x->n, (unsigned)bit);
    else
        memcpy(r->limbs + ls, x->d, (size_t)x->n * sizeof(mp_limb_t));
    return big_finish(r, x->n + ls + 1, sign);
}

ai_value int_from_double(double d) {
    double t = trunc(d);
    if (fabs(t) < 4611686018427387904.0) return ai_smallint((int64_t)t); /* 2**62 */
    int e;
    double m = frexp(fabs(t), &e); /* t = m * 2**e, 0.5 <= m < 1 */
    ival x;
    x.buf = (uint64_t)ldexp(m, 53); /* exact: 53 significant bits */
    x.d = &x.buf;
    x.n = 1;
    x.sign = 1;
    return mag_lshift(&x, t < 0 ? -1 : 1, e - 53);
}

bool int_cmp_double(ai_value i, double d, int32_t op) {
    int c;
    if (isnan(d)) return op == AI_CMP_NE;
    if (isinf(d)) {
        c = d > 0 ? -1 : 1;
    } else {
        i = int_unbool(i);
        int64_t n;
        if (ai_is_smallint(i) && (n = ai_smallint_get(i)) > -(1LL << 53) && n < (1LL << 53)) {
            double x = (double)n; /* exact */
            c = (x > d) - (x < d);
        } else {
            /* Exact: compare with the integer part, then the fraction. */
            double t = trunc(d);
            ai_value ti = int_from_double(t);
            if (!ti) {
                /* Allocation failed: fall back to an approximate answer
                 * and drop the MemoryError (comparison cannot fail). */
                exc_clear();
                double x;
                if (!int_to_double(i, &x)) {
                    exc_clear();
                    x = int_sign(i) * INFINITY;
                }
                c = (x > d) - (x < d);
            } else {
                c = int_cmp(i, ti);
                if (c == 0) {
                    double frac = d - t;
                    c = frac > 0 ? -1 : frac < 0 ? 1 : 0;
                }
            }
        }
    }
    return OBJ_CMP_RESULT(op, c);
}

/* ---- decimal text ------------------------------------------------------------------ */

/* The decimal digits of a small int into buf (at least 24 bytes): its
 * length. Two digits per step from a table, no printf. */
int int_small_to_decimal(int64_t n, char *buf) {
    static const char pairs[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                   "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                   "8081828384858687888990919293949596979899";
    char tmp[24];
    int k = 24;
    uint64_t u = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
    while (u >= 100) {
        unsigned r = (unsigned)(u % 100);
        u /= 100;
        tmp[--k] = pairs[2 * r + 1];
        tmp[--k] = pairs[2 * r];
    }
    if (u >= 10) {
        tmp[--k] = pairs[2 * u + 1];
        tmp[--k] = pairs[2 * u];
    } else {
        tmp[--k] = (char)('0' + u);
    }
    int len = 0;
    if (n < 0) buf[len++] = '-';
    memcpy(buf + len, tmp + k, (size_t)(24 - k));
    len += 24 - k;
    buf[len] = 0;
    return len;
}

char *int_to_decimal_malloc(ai_value v, size_t *lenp) {
    v = int_unbool(v);
    if (ai_is_smallint(v)) {
        char *s = malloc(24);
        if (!s) return NULL;
        *lenp = (size_t)int_small_to_decimal(ai_smallint_get(v), s);
        return s;
    }
    ival x;
    ival_of(v, &x);
    /* mpn_get_str clobbers its input: convert a copy. Each limb gives at
     * most 19.27 decimal digits. */
    mp_limb_t *tmp = malloc((size_t)(x.n + 1) * sizeof(mp_limb_t));
    size_t cap = (size_t)x.n * 20 + 3;
    unsigned char *raw = malloc(cap);
    char *out = malloc(cap);
    if (!tmp || !raw || !out) {
        free(tmp), free(raw), free(out);
        return NULL;
    }
    memcpy(tmp, x.d, (size_t)x.n * sizeof(mp_limb_t));
    size_t nd = mpn_get_str(raw, 10, tmp, x.n);
    size_t i = 0;
    while (i + 1 < nd && raw[i] == 0) i++; /* mpn_get_str may emit leading zeros */
    size_t k = 0;
    if (x.sign < 0) out[k++] = '-';
    for (; i < nd; i++) out[k++] = (char)('0' + raw[i]);
    out[k] = 0;
    free(tmp);
    free(raw);
    *lenp = k;
    return out;
}

static ai_value digits_limit_error(void) {
    return ai_raise_fmt(&ai_exc_ValueError,
                        "Exceeds the limit (%lld digits) for integer string conversion; use "
                        "sys.set_int_max_str_digits() to increase the limit",
                        (long long)int_max_str_digits);
}

/* limit: honour int_max_str_digits (str(), repr(), format()); the
 * stdlib's own conversions (decimal's coefficients) pass false, as
 * CPython's C code does not go through the checked path either. */
static ai_value int_to_str_lim(ai_value v, bool limit) {
    v = int_unbool(v);
    if (ai_is_smallint(v)) {
        char buf[24];
        int n = int_small_to_decimal(ai_smallint_get(v), buf);
        return str_from_ascii(buf, n);
    }
    if (limit && int_max_str_digits > 0) {
        /* Cheap reject before converting: bits * log10(2) digits at least. */
        ival x;
        ival_of(v, &x);
        if ((double)(bitlen(&x) - 1) * 0.30102999566398120 > (double)int_max_str_digits + 1)
            return digits_limit_error();
    }
    size_t len;
    char *s = int_to_decimal_malloc(v, &len);
    if (!s) return exc_nomem();
    size_t ndig = len - (s[0] == '-');
    if (limit && int_max_str_digits > 0 && ndig > (size_t)int_max_str_digits) {
        free(s);
        return digits_limit_error();
    }
    ai_value r = str_from_ascii(s, (int64_t)len);
    free(s);
    return r;
}

ai_value int_to_str(ai_value v) { return int_to_str_lim(v, true); }
ai_value int_to_str_unlimited(ai_value v) { return int_to_str_lim(v, false); }

ai_value int_repr(ai_value v) { return int_to_str(v); }

/* repr(s) cut to 200 code points, as CPython's "%.200R". */
static ai_value repr200(ai_value s) {
    ai_value r = str_repr(s);
    if (!r || str_obj(r)->len <= 200) return r;
    strbuf b;
    sb_init(&b);
    for (int64_t i = 0; i < 200; i++) sb_addc(&b, str_char(str_obj(r), i));
    return sb_finish(&b);
}

static ai_value invalid_literal(ai_value s, int base) {
    ai_value r = repr200(s);
    if (!r) return AI_ERR;
    const char *u = str_utf8(r, NULL);
    if (!u) return AI_ERR;
    return ai_raise_fmt(&ai_exc_ValueError, "invalid literal for int() with base %d: %s", base, u);
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Digits (values, not characters) to an int. */
static ai_value int_from_digits(const unsigned char *dig, int64_t n, int base, int sign) {
    while (n > 0 && dig[0] == 0) dig++, n--;
    if (n == 0) return ai_smallint(0);
    uint64_t acc = 0;
    bool small = true;
    for (int64_t i = 0; i < n && small; i++)
        if (__builtin_mul_overflow(acc, (uint64_t)base, &acc) ||
            __builtin_add_overflow(acc, (uint64_t)dig[i], &acc))
            small = false;
    if (small) return int_from_u64(acc, sign < 0);
    /* At most 6 bits per digit (base 36), plus the extra limb
     * mpn_set_str wants. */
    ai_bigint *r = big_alloc(n * 6 / 64 + 2);
    if (!r) return AI_ERR;
    mp_size_t rn = mpn_set_str(r->limbs, dig, (size_t)n, base);
    return big_finish(r, rn, sign);
}

static ai_value int_parse_lim(ai_value sv, int base, bool limit) {
    int64_t len;
    char *s = str_ascii_strip_malloc(sv, &len);
    if (!s) return len == -1 ? invalid_literal(sv, base) : exc_nomem();
    const char *p = s, *end = s + len;
    int sign = 1, b = base;
    if (p < end && (*p == '+' || *p == '-')) {
        if (*p == '-') sign = -1;
        p++;
    }
    bool prefixed = false, base0_decimal = false;
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (b == 0 || b == pb)) {
            b = pb;
            p += 2;
            prefixed = true;
        }
    }
    if (b == 0) {
        b = 10;
        base0_decimal = true;
    }
    if (prefixed && p < end && *p == '_') p++; /* "0x_1f" is allowed */
    unsigned char *dig = malloc((size_t)(end - p) + 1);
    if (!dig) {
        free(s);
        return exc_nomem();
    }
    int64_t n = 0;
    bool ok = p < end;
    for (; p < end && ok; p++) {
        if (*p == '_') {
            /* single underscores between digits only */
            ok = n > 0 && p + 1 < end && p[1] != '_';
            continue;
        }
        int d = digit_value(*p);
        if (d >= b)
            ok = false;
        else
            dig[n++] = (unsigned char)d;
    }
    if (ok && n == 0) ok = false;
    if (ok && base0_decimal && dig[0] == 0) {
        /* Base 0 forbids leading zeros in a nonzero decimal ("010"). */
        for (int64_t i = 0; i < n; i++)
            if (dig[i]) ok = false;
    }
    free(s);
    if (!ok) {
        free(dig);
        return invalid_literal(sv, base);
    }
    if (limit && (b & (b - 1)) != 0 && int_max_str_digits > 0 && n > int_max_str_digits) {
        free(dig);
        return ai_raise_fmt(&ai_exc_ValueError,
                            "Exceeds the limit (%lld digits) for integer string conversion: "
                            "value has %lld digits; use sys.set_int_max_str_digits() to "
                            "increase the limit",
                            (long long)int_max_str_digits, (long long)n);
    }
    ai_value r = int_from_digits(dig, n, b, sign);
    free(dig);
    return r;
}

ai_value int_parse(ai_value sv, int base) { return int_parse_lim(sv, base, true); }
ai_value int_parse_unlimited(ai_value sv) { return int_parse_lim(sv, 10, false); }

ai_value ai_const_int(const char *decimal) {
    /* Literals are text from the compiler (no limit applies): decimal
     * digits, or 0x/0o/0b and the digits of that base, maybe signed. */
    const char *p = decimal;
    int sign = 1, base = 10;
    if (*p == '-')
        sign = -1, p++;
    else if (*p == '+')
        p++;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'o' || p[1] == 'b')) {
        base = p[1] == 'x' ? 16 : p[1] == 'o' ? 8 : 2;
        p += 2;
    }
    size_t n = strlen(p);
    unsigned char *dig = malloc(n + 1);
    if (!dig) return exc_nomem();
    int64_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d >= 0 && d < base) dig[k++] = (unsigned char)d;
    }
    ai_value v = int_from_digits(dig, k, base, sign);
    free(dig);
    if (!v || ai_is_smallint(v)) return v;
    /* Big constants move to the immortal static heap. */
    ai_bigint *b = big_of(v);
    int64_t nl = b->size < 0 ? -b->size : b->size;
    ai_bigint *c = alloc_static(&ai_int_type, sizeof(ai_bigint) + (size_t)nl * sizeof(mp_limb_t));
    if (!c) return AI_ERR;
    c->size = b->size;
    c->alloc = nl;
    memcpy(c->limbs, b->limbs, (size_t)nl * sizeof(mp_limb_t));
    return ai_val(c);
}

/* ---- hashing ------------------------------------------------------------------------ */

#define HASH_MOD (((uint64_t)1 << 61) - 1)

static inline uint64_t mod61(uint64_t x) {
    uint64_t r = (x & HASH_MOD) + (x >> 61);
    return r >= HASH_MOD ? r - HASH_MOD : r;
}

int64_t int_hash(ai_value v) {
    /* Python's numeric hash: the value modulo 2**61 - 1, with its sign,
     * so that equal ints and floats hash alike; -1 becomes -2. */
    ival x;
    ival_of(v, &x);
    uint64_t h = 0;
    for (int64_t i = x.n - 1; i >= 0; i--)
        h = mod61(mod61(h << 3) + mod61(x.d[i])); /* 2**64 ≡ 8 (mod 2**61 - 1) */
    int64_t r = x.sign < 0 ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

/* ---- arithmetic ------------------------------------------------------------------------ */

#define INT_BINOP_PROLOGUE(a, b)                           \
    if (!int_check(a) || !int_check(b)) return AI_NOTIMPL; \
    a = int_unbool(a);                                     \
    b = int_unbool(b)

static ai_value int_negate(ai_value a) {
    a = int_unbool(a);
    if (ai_is_smallint(a)) return ai_int_from_i64(-ai_smallint_get(a));
    ival x;
    ival_of(a, &x);
    return int_from_mag(-x.sign, x.d, x.n);
}

static ai_value big_addsub(ai_value a, ai_value b, bool sub) {
    ival x, y;
    ival_of(a, &x);
    ival_of(b, &y);
    int ys = sub ? -y.sign : y.sign;
    if (y.n == 0) return a;
    if (x.n == 0) return sub ? int_negate(b) : b;
    if (x.sign == ys) {
        const ival *p = &x, *q = &y;
        if (p->n < q->n) p = &y, q = &x;
        ai_bigint *r = big_alloc(p->n + 1);
        if (!r) return AI_ERR;
        r->limbs[p->n] = mpn_add(r->limbs, p->d, p->n, q->d, q->n);
        return big_finish(r, p->n + 1, x.sign);
    }
    int c = mag_cmp(&x, &y);
    if (c == 0) return ai_smallint(0);
    const ival *p = c > 0 ? &x : &y, *q = c > 0 ? &y : &x;
    ai_bigint *r = big_alloc(p->n);
    if (!r) return AI_ERR;
    mpn_sub(r->limbs, p->d, p->n, q->d, q->n);
    return big_finish(r, p->n, c > 0 ? x.sign : ys);
}

ai_value int_add(ai_value a, ai_value b) {
    INT_BINOP_PROLOGUE(a, b);
    if (ai_is_smallint(a) && ai_is_smallint(b))
        return ai_int_from_i64(ai_smallint_get(a) + ai_smallint_get(b));
    return big_addsub(a, b, false);
}

static ai_value int_sub(ai_value a, ai_value b) {
    INT_BINOP_PROLOGUE(a, b);
    if (ai_is_smallint(a) && ai_is_smallint(b))
        return ai_int_from_i64(ai_smallint_get(a) - ai_smallint_get(b));
    return big_addsub(a, b, true);
}

static ai_value big_mul(const ival *x, const ival *y) {
    if (x->n == 0 || y->n == 0) return ai_smallint(0);
    const ival *p = x, *q = y;
    if (p->n < q->n) p = y, q = x;
    ai_bigint *r = big_alloc(p->n + q->n);
    if (!r) return AI_ERR;
    if (p->d == q->d && p->n == q->n)
        mpn_sqr(r->limbs, p->d, p->n);
    else
        mpn_mul(r->limbs, p->d, p->n, q->d, q->n);
    return big_finish(r, p->n + q->n, x->sign * y->sign);
}

static ai_value int_mul(ai_value a, ai_value b) {
    INT_BINOP_PROLOGUE(a, b);
    if (ai_is_smallint(a) && ai_is_smallint(b)) {
        int64_t r;
        if (!__builtin_mul_overflow(ai_smallint_get(a), ai_smallint_get(b), &r))
            return ai_int_from_i64(r);
    }
    ival x, y;
    ival_of(a, &x);
    ival_of(b, &y);
    return big_mul(&x, &y);
}

/* Floor division and modulo of big ints; either output may be NULL. */
static bool big_divmod(ai_value a, ai_value b, ai_value *qo, ai_value *ro) {
    ival x, y;
    ival_of(a, &x);
    ival_of(b, &y);
    int64_t qn = x.n >= y.n ? x.n - y.n + 1 : 0;
    ai_bigint *q = big_alloc(qn + 1), *r = big_alloc(y.n);
    if (!q || !r) return false;
    if (qn)
        mpn_tdiv_qr(q->limbs, r->limbs, 0, x.d, x.n, y.d, y.n);
    else if (x.n)
        memcpy(r->limbs, x.d, (size_t)x.n * sizeof(mp_limb_t));
    int rsign = x.sign;
    if (x.sign != y.sign && !mpn_zero_p(r->limbs, y.n)) {
        /* Truncation rounded toward zero; floor wants one more, and the
         * remainder then takes the divisor's sign: |y| - |r|. */
        mpn_add_1(q->limbs, q->limbs, qn + 1, 1);
        mpn_sub_n(r->limbs, y.d, r->limbs, y.n);
        rsign = y.sign;
    }
    if (qo) *qo = big_finish(q, qn + 1, x.sign * y.sign);
    if (ro) *ro = big_finish(r, y.n, rsign);
    return true;
}

static inline void small_divmod(int64_t x, int64_t y, int64_t *q, int64_t *r) {
    int64_t qq = x / y, rr = x % y;
    if (rr != 0 && ((rr < 0) != (y < 0))) {
        qq -= 1;
        rr += y;
    }
    *q = qq;
    *r = rr;
}

static ai_value int_floordiv(ai_value a, ai_value b) {
    INT_BINOP_PROLOGUE(a, b);
    if (b == ai_smallint(0))
        return ai_raise_msg(&ai_exc_ZeroDivisionError, "integer division or modulo by zero");
    if (ai_is_smallint(a) && ai_is_smallint(b)) {
        int64_t q, r;
        small_divmod(ai_smallint_get(a), ai_smallint_get(b), &q, &r);
        return ai_int_from_i64(q); /* MIN // -1 promotes */
    }
    ai_value q;
    return big_divmod(a, b, &q, NULL) ? q : AI_ERR;
}

static ai_value int_mod(ai_value a, ai_value b) {
    INT_BINOP_PROLOGUE(a, b);
    if (b == ai_smallint(0))
        return ai_raise_msg(&ai_exc_ZeroDivisionError, "integer modulo by zero");
    if (ai_is_smallint(a) && ai_is_smallint(b)) {
        int64_t q, r;
        small_divmod(ai_smallint_get(a), ai_smallint_get(b), &q, &r);
        return ai_smallint(r);
    }
    ai_value r;
    return big_divmod(a, b, NULL, &r) ? r : AI_ERR;
}

static ai_value int_divmod(ai_value a, ai_value b) {
    INT_BINOP_PROLOGUE(a, b);
    if (b == ai_smallint(0))
        return ai_raise_msg(&ai_exc_ZeroDivisionError, "integer division or modulo by zero");
    ai_value q, r;
    if (ai_is_smallint(a) && ai_is_smallint(b)) {
        int64_t qq, rr;
        small_divmod(ai_smallint_get(a), ai_smallint_get(b), &qq, &rr);
        q = ai_int_from_i64(qq);
        r = ai_smallint(rr);
        if (!q) return AI_ERR;
    } else if (!big_divmod(a, b, &q, &r) || !q || !r) {
        return AI_ERR;
    }
    return tuple_pack2(q, r);
}

/* Correctly rounded |x| / |y| for y != 0, as a positive double (or an
 * OverflowError). See the comment in the body for the method. */
static bool big_truediv(const ival *x, const ival *y, double *out) {
    /* Q = X/Y lies in [2**(e-1), 2**(e+1)) where e = bitlen(X) - bitlen(Y).
     * q = floor(X * 2**s / Y) for s = 55 - e has 55 or 56 bits; for tiny
     * results s is capped at 1076, two bits below the smallest subnormal.
     * The dropped low bits of q plus a sticky bit (nonzero remainder) give
     * round-half-even in integers; the final scaling is then exact. */
    int64_t e = bitlen(x) - bitlen(y);
    if (e > 1025) goto overflow;
    if (e < -1077) {
        *out = 0.0;
        return true;
    }
    int64_t s = 55 - e;
    if (s > 1076) s = 1076;
    /* numerator N = X << max(s,0), divisor D = Y << max(-s,0) */
    int64_t ns = s > 0 ? s : 0, ds = s < 0 ? -s : 0;
    int64_t nn = x->n + ns / 64 + 1, dn = y->n + ds / 64 + 1;
    scratch sn, sd, sq, sr;
    sn.p = sd.p = sq.p = sr.p = NULL;
    mp_limb_t *N = scratch_get(&sn, nn), *D = N ? scratch_get(&sd, dn) : NULL;
    bool ok = false;
    if (!D) goto done;
    if (ns % 64)
        N[x->n + ns / 64] = mpn_lshift(N + ns / 64, x->d, x->n, (unsigned)(ns % 64));
    else
        memcpy(N + ns / 64, x->d, (size_t)x->n * sizeof(mp_limb_t));
    if (ds % 64)
        D[y->n + ds / 64] = mpn_lshift(D + ds / 64, y->d, y->n, (unsigned)(ds % 64));
    else
        memcpy(D + ds / 64, y->d, (size_t)y->n * sizeof(mp_limb_t));
    while (nn > 0 && N[nn - 1] == 0) nn--;
    while (dn > 0 && D[dn - 1] == 0) dn--;
    uint64_t q = 0;
    bool sticky;
    if (nn < dn) {
        sticky = nn > 0;
    } else {
        mp_limb_t *Q = scratch_get(&sq, nn - dn + 1), *R = Q ? scratch_get(&sr, dn) : NULL;
        if (!R) goto done;
        mpn_tdiv_qr(Q, R, 0, N, nn, D, dn);
        q = Q[0]; /* q < 2**56: one limb */
        sticky = !mpn_zero_p(R, dn);
    }
    if (q == 0) {
        *out = 0.0;
        ok = true;
        goto done;
    }
    int L = 64 - __builtin_clzll(q);
    int64_t u = L - 1 - s - 52; /* exponent of the result's ulp */
    if (u < -1074) u = -1074;
    int k = (int)(u + s); /* low bits of q to drop, >= 1 */
    uint64_t low = q & ((1ULL << k) - 1), half = 1ULL << (k - 1);
    q >>= k;
    if (low > half || (low == half && (sticky || (q & 1)))) q++;
    double d = ldexp((double)q, (int)u);
    if (isinf(d)) {
        scratch_free(&sn), scratch_free(&sd), scratch_free(&sq), scratch_free(&sr);
        goto overflow;
    }
    *out = d;
    ok = true;
done:
    scratch_free(&sn), scratch_free(&sd), scratch_free(&sq), scratch_free(&sr);
    return ok;
overflow:
    ai_raise_msg(&ai_exc_OverflowError, "integer division result too large for a float");
    return false;
}

static ai_value int_truediv(ai_value a, ai_value b) {
    INT_BINOP_PROLOGUE(a, b);
    if (b == ai_smallint(0)) return ai_raise_msg(&ai_exc_ZeroDivisionError, "division by zero");
    if (ai_is_smallint(a) && ai_is_smallint(b)) {
        int64_t x = ai_smallint_get(a), y = ai_smallint_get(b);
        const int64_t lim = (int64_t)1 << 53;
        if (x >= -lim && x <= lim && y >= -lim && y <= lim)
            return ai_float_box((double)x / (double)y); /* both exact: one rounding */
    }
    ival x, y;
    ival_of(a, &x);
    ival_of(b, &y);
    bool neg = x.sign * y.sign < 0 || (x.sign == 0 && y.sign < 0);
    double d = 0.0;
    if (x.n && !big_truediv(&x, &y, &d)) return AI_ERR;
    return ai_float_box(neg ? -d : d);
}

static ai_value int_pow(ai_value a, ai_value b) {
    INT_BINOP_PROLOGUE(a, b);
    if (int_sign(b) < 0) {
        /* int ** negative int is a float, computed as floats (CPython). */
        double x, y;
        if (!int_to_double(a, &x) || !int_to_double(b, &y)) return AI_ERR;
        return float_pow_raw(x, y);
    }
    if (ai_is_smallint(a) && ai_is_smallint(b)) {
        int64_t base = ai_smallint_get(a), e = ai_smallint_get(b), r = 1;
        for (;;) {
            if ((e & 1) && __builtin_mul_overflow(r, base, &r)) goto big;
            e >>= 1;
            if (!e) return ai_int_from_i64(r);
            if (__builtin_mul_overflow(base, base, &base)) goto big;
        }
    }
big:;
    ival x;
    ival_of(a, &x);
    if (x.n == 0) return ai_smallint(b == ai_smallint(0) ? 1 : 0);
    ival ev;
    ival_of(b, &ev);
    bool odd = ev.n && (ev.d[0] & 1);
    if (x.n == 1 && x.d[0] == 1) return ai_smallint(x.sign < 0 && odd ? -1 : 1);
    int64_t e;
    if (!int_to_i64(b, &e)) return exc_nomem();
    if (e == 0) return ai_smallint(1);
    if (e == 1) return a;
    int64_t xb = bitlen(&x);
    if (e > ((int64_t)1 << 40) / xb) return exc_nomem(); /* > 2**40 bits */
    int64_t bound = xb * e / 64 + 2;
    scratch sa, sb;
    sa.p = sb.p = NULL;
    mp_limb_t *A = scratch_get(&sa, bound), *B = A ? scratch_get(&sb, bound) : NULL;
    if (!B) {
        scratch_free(&sa);
        return AI_ERR;
    }
    /* Left-to-right binary powering in two ping-pong buffers. */
    memcpy(A, x.d, (size_t)x.n * sizeof(mp_limb_t));
    int64_t an = x.n;
    for (int bit = 62 - __builtin_clzll((uint64_t)e); bit >= 0; bit--) {
        mpn_sqr(B, A, an);
        int64_t bn = 2 * an;
        while (B[bn - 1] == 0) bn--;
        mp_limb_t *t = A;
        A = B, B = t, an = bn;
        if ((e >> bit) & 1) {
            mpn_mul(B, A, an, x.d, x.n);
            bn = an + x.n;
            while (B[bn - 1] == 0) bn--;
            t = A;
            A = B, B = t, an = bn;
        }
    }
    ai_value r = int_from_mag(x.sign < 0 && (e & 1) ? -1 : 1, A, an);
    scratch_free(&sa);
    scratch_free(&sb);
    return r;
}

/* pow(base, exp, mod) with ints; a negative exponent uses the modular
 * inverse (Python 3.8+). */
static ai_value mod_inverse(ai_value a, ai_value m) {
    /* Extended Euclid on (a mod m, m), m > 0. */
    ai_value r0 = m, r1 = ai_mod(a, m), s0 = ai_smallint(0), s1 = ai_smallint(1);
    if (!r1) return AI_ERR;
    while (r1 != ai_smallint(0)) {
        ai_value q = ai_floordiv(r0, r1);
        if (!q) return AI_ERR;
        ai_value qr = ai_mul(q, r1), qs = qr ? ai_mul(q, s1) : 0;
        if (!qs) return AI_ERR;
        ai_value r2 = ai_sub(r0, qr), s2 = r2 ? ai_sub(s0, qs) : 0;
        if (!s2) return AI_ERR;
        r0 = r1, r1 = r2, s0 = s1, s1 = s2;
    }
    if (r0 != ai_smallint(1))
        return ai_raise_msg(&ai_exc_ValueError, "base is not invertible for the given modulus");
    return ai_mod(s0, m);
}

ai_value int_pow_mod(ai_value base, ai_value exp, ai_value mod) {
    base = int_unbool(base), exp = int_unbool(exp), mod = int_unbool(mod);
    if (mod == ai_smallint(0))
        return ai_raise_msg(&ai_exc_ValueError, "pow() 3rd argument cannot be 0");
    ai_value m = int_sign(mod) < 0 ? int_negate(mod) : mod;
    if (!m) return AI_ERR;
    if (int_sign(exp) < 0) {
        base = mod_inverse(base, m);
        exp = base ? int_negate(exp) : 0;
        if (!exp) return AI_ERR;
    }
    ai_value r = ai_smallint(1), b = ai_mod(base, m);
    if (!b) return AI_ERR;
    ival e;
    ival_of(exp, &e);
    for (int64_t i = 0; i < e.n; i++) {
        uint64_t limb = e.d[i];
        for (int bit = 0; bit < 64; bit++) {
            if (i == e.n - 1 && (limb >> bit) == 0) break;
            if ((limb >> bit) & 1) {
                r = ai_mul(r, b);
                r = r ? ai_mod(r, m) : 0;
                if (!r) return AI_ERR;
            }
            b = ai_mul(b, b);
            b = b ? ai_mod(b, m) : 0;
            if (!b) return AI_ERR;
        }
    }
    /* The result takes the modulus's sign, as Python's % does. */
    return ai_mod(r, mod);
}

/* ---- shifts and bitwise operators --------------------------------------------------------- */

static ai_value int_lshift(ai_value a, ai_value b) {
    INT_BINOP_PROLOGUE(a, b);
    if (int_sign(b) < 0) return ai_raise_msg(&ai_exc_ValueError, "negative shift count");
    if (a == ai_smallint(0)) return a;
    int64_t s;
    if (!int_to_i64(b, &s)) {
        /* CPython counts the shift in 30-bit digits: beyond about 2**67
         * bits the digit count itself overflows; below that, the result
         * simply cannot be allocated. */
        ival y;
        ival_of(b, &y);
        if (bitlen(&y) > 67)
            return ai_raise_msg(&ai_exc_OverflowError, "too many digits in integer");
        return exc_nomem();
    }
    if (ai_is_smallint(a) && s <= 62) {
        int64_t r;
        if (!__builtin_mul_overflow(ai_smallint_get(a), (int64_t)1 << s, &r))
            return ai_int_from_i64(r);
    }
    if (s > ((int64_t)1 << 43)) return exc_nomem();
    ival x;
    ival_of(a, &x);
    return mag_lshift(&x, x.sign, s);
}

static ai_value int_rshift(ai_value a, ai_value b) {
    INT_BINOP_PROLOGUE(a, b);
    if (int_sign(b) < 0) return ai_raise_msg(&ai_exc_ValueError, "negative shift count");
    int64_t s;
    bool fits = int_to_i64(b, &s);
    if (ai_is_smallint(a)) {
        int64_t x = ai_smallint_get(a);
        if (!fits || s >= 63) return ai_smallint(x < 0 ? -1 : 0);
        return ai_smallint(x >> s); /* arithmetic shift = floor */
    }
    ival x;
    ival_of(a, &x);
    int64_t ls = fits ? s / 64 : INT64_MAX;
    if (ls >= x.n) return ai_smallint(x.sign < 0 ? -1 : 0);
    int bit = (int)(s % 64);
    int64_t rn = x.n - ls;
    ai_bigint *r = big_alloc(rn + 1);
    if (!r) return AI_ERR;
    bool inexact;
    if (bit)
        inexact = mpn_rshift(r->limbs, x.d + ls, rn, (unsigned)bit) != 0;
    else {
        memcpy(r->limbs, x.d + ls, (size_t)rn * sizeof(mp_limb_t));
        inexact = false;
    }
    if (x.sign < 0) {
        /* Floor for negatives: -ceil(|a| / 2**s). */
        for (int64_t i = 0; i < ls && !inexact; i++) inexact = x.d[i] != 0;
        if (inexact) mpn_add_1(r->limbs, r->limbs, rn + 1, 1);
    }
    return big_finish(r, rn + 1, x.sign);
}

enum { BIT_AND, BIT_OR, BIT_XOR };

/* Infinite two's complement: each operand as n limbs (one more than the
 * longer magnitude, so the sign bit is room enough), operate, convert back. */
static ai_value big_bitop(ai_value a, ai_value b, int op) {
    ival x, y;
    ival_of(a, &x);
    ival_of(b, &y);
    int64_t n = (x.n > y.n ? x.n : y.n) + 1;
    scratch sx, sy;
    sx.p = sy.p = NULL;
    mp_limb_t *tx = scratch_get(&sx, n), *ty = tx ? scratch_get(&sy, n) : NULL;
    ai_bigint *r = ty ? big_alloc(n) : NULL;
    if (!r) {
        scratch_free(&sx), scratch_free(&sy);
        return AI_ERR;
    }
    if (x.n) memcpy(tx, x.d, (size_t)x.n * sizeof(mp_limb_t));
    if (y.n) memcpy(ty, y.d, (size_t)y.n * sizeof(mp_limb_t));
    if (x.sign < 0) mpn_neg(tx, tx, n);
    if (y.sign < 0) mpn_neg(ty, ty, n);
    switch (op) {
    case BIT_AND: mpn_and_n(r->limbs, tx, ty, n); break;
    case BIT_OR: mpn_ior_n(r->limbs, tx, ty, n); break;
    default: mpn_xor_n(r->limbs, tx, ty, n); break;
    }
    scratch_free(&sx), scratch_free(&sy);
    bool neg = r->limbs[n - 1] >> 63;
    if (neg) mpn_neg(r->limbs, r->limbs, n);
    return big_finish(r, n, neg ? -1 : 1);
}

ai_value int_and(ai_value a, ai_value b) {
    INT_BINOP_PROLOGUE(a, b);
    if (ai_is_smallint(a) && ai_is_smallint(b)) return a & b;
    return big_bitop(a, b, BIT_AND);
}
ai_value int_or(ai_value a, ai_value b) {
    INT_BINOP_PROLOGUE(a, b);
    if (ai_is_smallint(a) && ai_is_smallint(b)) return a | b;
    return big_bitop(a, b, BIT_OR);
}
ai_value int_xor(ai_value a, ai_value b) {
    INT_BINOP_PROLOGUE(a, b);
    if (ai_is_smallint(a) && ai_is_smallint(b)) return (a ^ b) | 1;
    return big_bitop(a, b, BIT_XOR);
}

/* ---- unary, comparison, misc slots ----------------------------------------------------------- */

static ai_value int_neg(ai_value a) { return int_negate(a); }
static ai_value int_pos(ai_value a) { return int_unbool(a); }
static ai_value int_abs(ai_value a) { return int_sign(a) < 0 ? int_negate(a) : int_unbool(a); }

static ai_value int_invert(ai_value a) {
    a = int_unbool(a);
    if (ai_is_smallint(a)) return ai_smallint(~ai_smallint_get(a));
    ai_value t = big_addsub(a, ai_smallint(1), false); /* ~x == -(x + 1) */
    return t ? int_negate(t) : AI_ERR;
}

static ai_value int_richcompare(ai_value a, ai_value b, int32_t op) {
    if (!int_check(a) || !int_check(b)) return AI_NOTIMPL;
    return ai_bool(OBJ_CMP_RESULT(op, int_cmp(a, b)));
}

static int32_t int_truthy(ai_value v) { return int_sign(v) != 0; }
static ai_value int_index(ai_value v) { return int_unbool(v); }

/* int(b"42"): bytes parse as ASCII text; errors show the bytes' repr. */
static ai_value int_parse_bytes(ai_value x, int base) {
    int64_t n;
    const unsigned char *p = bytes_buffer(x, &n);
    bool ascii = true;
    for (int64_t i = 0; i < n && ascii; i++) ascii = p[i] < 128;
    if (ascii) {
        ai_value s = str_from_latin1(p, n);
        if (!s) return AI_ERR;
        ai_value r = int_parse(s, base);
        if (r || !exc_pending_is(&ai_exc_ValueError)) return r;
        exc_clear();
    }
    ai_value r = ai_repr(x);
    const char *u = r ? str_utf8(r, NULL) : NULL;
    if (!u) return AI_ERR;
    return ai_raise_fmt(&ai_exc_ValueError, "invalid literal for int() with base %d: %.200s",
                        base, u);
}

ai_value int_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nargs + nkw > 2)
        return ai_raise_fmt(&ai_exc_TypeError, "int() takes at most 2 arguments (%lld given)",
                            (long long)(nargs + nkw));
    ai_value x = nargs > 0 ? args[0] : 0, base = nargs > 1 ? args[1] : 0;
    for (int64_t k = 0; k < nkw; k++) {
        const char *p = str_utf8(tuple_obj(kwnames)->items[k], NULL);
        if (!p) return AI_ERR;
        if (strcmp(p, "base") != 0 || base)
            return ai_raise_fmt(&ai_exc_TypeError, "'%s' is an invalid keyword argument for int()",
                                p);
        base = args[nargs + k];
    }
    if (!x) {
        if (base) return ai_raise_msg(&ai_exc_TypeError, "int() missing string argument");
        return ai_smallint(0);
    }
    if (base) {
        bool fits, err;
        int64_t b = obj_index_i64(base, &fits, &err);
        if (err) return AI_ERR;
        bool is_bytes = bytes_buffer(x, &(int64_t){0}) != NULL;
        if (!str_check(x) && !is_bytes)
            return ai_raise_msg(&ai_exc_TypeError,
                                "int() can't convert non-string with explicit base");
        if (!fits || b == 1 || b < 0 || b > 36)
            return ai_raise_msg(&ai_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return is_bytes ? int_parse_bytes(x, (int)b) : int_parse(x, (int)b);
    }
    if (int_check(x)) return int_unbool(x);
    if (float_check(x)) {
        double d = float_get(x);
        if (isnan(d))
            return ai_raise_msg(&ai_exc_ValueError, "cannot convert float NaN to integer");
        if (isinf(d))
            return ai_raise_msg(&ai_exc_OverflowError, "cannot convert float infinity to integer");
        return int_from_double(d);
    }
    if (str_check(x)) return int_parse(x, 10);
    if (bytes_buffer(x, &(int64_t){0})) return int_parse_bytes(x, 10);
    return ai_raise_fmt(&ai_exc_TypeError,
                        "int() argument must be a string, a bytes-like object or a real number, "
                        "not '%s'",
                        obj_type_name(x));
}

/* The number slots int and bool share. */
#define INT_COMMON_SLOTS                                                                    \
    .add = int_add, .sub = int_sub, .mul = int_mul, .truediv = int_truediv,                 \
    .floordiv = int_floordiv, .mod = int_mod, .pow = int_pow, .lshift = int_lshift,         \
    .rshift = int_rshift, .divmod = int_divmod, .neg = int_neg, .pos = int_pos,             \
    .invert = int_invert, .abs = int_abs, .richcompare = int_richcompare, .hash = int_hash, \
    .truthy = int_truthy, .index = int_index

extern const ai_method_def int_methods[]; /* at the end of this file */
extern const ai_getset_def int_getset[];

const ai_slots int_slots = {
    INT_COMMON_SLOTS, .and_ = int_and, .or_ = int_or, .xor_ = int_xor, .construct = int_construct,
    .methods = int_methods, .getset = int_getset,
};

ai_type ai_int_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "int",
    .base = &ai_object_type,
    .flags = AI_TF_MATCH_SELF,
    .basicsize = sizeof(ai_bigint),
    .repr = int_repr,
    .gc_size = bigint_size, /* only big ints are objects */
    .slots = (void *)&int_slots,
};

/* ---- bool ------------------------------------------------------------------------------------ */

static ai_value bool_repr(ai_value v) {
    return v == AI_TRUE ? str_from_ascii("True", 4) : str_from_ascii("False", 5);
}

/* & | ^ of two bools stay bool; anything else is int arithmetic. */
static bool both_bool(ai_value a, ai_value b) {
    return (a == AI_TRUE || a == AI_FALSE) && (b == AI_TRUE || b == AI_FALSE);
}
static ai_value bool_and(ai_value a, ai_value b) {
    return both_bool(a, b) ? ai_bool(a == AI_TRUE && b == AI_TRUE) : int_and(a, b);
}
static ai_value bool_or(ai_value a, ai_value b) {
    return both_bool(a, b) ? ai_bool(a == AI_TRUE || b == AI_TRUE) : int_or(a, b);
}
static ai_value bool_xor(ai_value a, ai_value b) {
    return both_bool(a, b) ? ai_bool(a != b) : int_xor(a, b);
}

static ai_value bool_construct(ai_value cls, const ai_value *args, int64_t nargs,
                               ai_value kwnames) {
    (void)cls;
    if (call_no_kwargs("bool", kwnames) < 0) return AI_ERR;
    if (nargs > 1)
        return ai_raise_fmt(&ai_exc_TypeError, "bool expected at most 1 argument, got %lld",
                            (long long)nargs);
    if (nargs == 0) return AI_FALSE;
    int32_t t = ai_truthy(args[0]);
    return t < 0 ? AI_ERR : ai_bool(t);
}

static const ai_slots bool_slots = {
    INT_COMMON_SLOTS,
    .and_ = bool_and,
    .or_ = bool_or,
    .xor_ = bool_xor,
    .construct = bool_construct,
};

ai_type ai_bool_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "bool",
    .base = &ai_int_type,
    .flags = AI_TF_IMMORTAL_INSTANCES | AI_TF_MATCH_SELF,
    .basicsize = sizeof(ai_object),
    .repr = bool_repr,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&bool_slots,
};

/* ---- methods and attributes (the text area's additions) ------------------------------ */

/* bit_length, bit_count, to_bytes, from_bytes, conjugate, as_integer_ratio,
 * __format__, and the real/imag/numerator/denominator attributes. bool
 * finds them through its base. Arity errors use text.h's wordings. */

#define INT_METHOD(fn) \
    static ai_value fn(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames)

static int no_args(ai_value self, const char *name, const ai_value *args, int64_t nargs,
                   ai_value kwnames) {
    (void)args;
    (void)self;
    argspec a = {name, "int", ARGS_NONE, 0, 0, NULL};
    return text_args(&a, args, nargs, kwnames, NULL);
}

INT_METHOD(int_m_bit_length) {
    if (no_args(self, "bit_length", args, nargs, kwnames) < 0) return AI_ERR;
    ival x;
    ival_of(self, &x);
    return ai_int_from_i64(bitlen(&x));
}

INT_METHOD(int_m_bit_count) {
    if (no_args(self, "bit_count", args, nargs, kwnames) < 0) return AI_ERR;
    ival x;
    ival_of(self, &x);
    int64_t c = 0;
    for (int64_t i = 0; i < x.n; i++) c += __builtin_popcountll(x.d[i]);
    return ai_int_from_i64(c);
}

INT_METHOD(int_m_conjugate) {
    if (no_args(self, "conjugate", args, nargs, kwnames) < 0) return AI_ERR;
    return int_unbool(self);
}

INT_METHOD(int_m_as_integer_ratio) {
    if (no_args(self, "as_integer_ratio", args, nargs, kwnames) < 0) return AI_ERR;
    return tuple_pack2(int_unbool(self), ai_smallint(1));
}

INT_METHOD(int_m_format) {
    argspec a = {"__format__", "int", ARGS_ONE, 1, 1, NULL};
    ai_value spec[1];
    if (text_args(&a, args, nargs, kwnames, spec) < 0) return AI_ERR;
    if (!str_check(spec[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "__format__() argument must be str, not %s",
                            obj_type_name(spec[0]));
    return fmt_int(self, spec[0]);
}

/* byteorder / signed of to_bytes and from_bytes: 1 little, 0 big. */
static int byteorder_arg(const char *fname, ai_value v, bool *little) {
    *little = false;
    if (!v) return 0;
    if (!str_check(v)) {
        ai_raise_fmt(&ai_exc_TypeError, "%s() argument 'byteorder' must be str, not %s", fname,
                     obj_type_name(v));
        return -1;
    }
    if (attr_name_is(v, "little"))
        *little = true;
    else if (!attr_name_is(v, "big")) {
        ai_raise_msg(&ai_exc_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

static int bytes_kw_args(const char *fname, const char *first, const ai_value *args,
                         int64_t nargs, ai_value kwnames, ai_value out[3]) {
    if (nargs > 2) {
        ai_raise_fmt(&ai_exc_TypeError, "%s() takes at most 2 positional arguments (%lld given)",
                     fname, (long long)nargs);
        return -1;
    }
    const char *const kws[] = {first, "byteorder", "signed"};
    argspec a = {fname, "int", ARGS_KW, 0, 3, kws};
    if (text_args(&a, args, nargs, kwnames, out) < 0) return -1;
    return 0;
}

INT_METHOD(int_m_to_bytes) {
    ai_value a[3];
    if (bytes_kw_args("to_bytes", "length", args, nargs, kwnames, a) < 0) return AI_ERR;
    int64_t len = 1;
    bool little, sgn = false;
    if (a[0]) {
        bool fits, err;
        len = obj_index_i64(a[0], &fits, &err);
        if (err) return AI_ERR;
        if (!fits && len > 0) return exc_nomem();
    }
    if (byteorder_arg("to_bytes", a[1], &little) < 0) return AI_ERR;
    if (a[2]) {
        int32_t t = ai_truthy(a[2]);
        if (t < 0) return AI_ERR;
        sgn = t;
    }
    if (len < 0) return ai_raise_msg(&ai_exc_ValueError, "length argument must be non-negative");
    ival x;
    ival_of(self, &x);
    if (x.sign < 0 && !sgn)
        return ai_raise_msg(&ai_exc_OverflowError, "can't convert negative int to unsigned");
    /* Bits the value needs: the magnitude's, plus a sign bit when signed
     * (a negative power of two needs none extra: -128 fits one byte). */
    int64_t need = bitlen(&x);
    if (sgn && x.sign != 0) {
        bool pow2 = false;
        if (x.sign < 0) {
            pow2 = true;
            for (int64_t i = 0; i < x.n && pow2; i++) {
                mp_limb_t l = x.d[i];
                pow2 = i == x.n - 1 ? (l & (l - 1)) == 0 : l == 0;
            }
        }
        if (!pow2) need++;
    }
    if (need > len * 8) return ai_raise_msg(&ai_exc_OverflowError, "int too big to convert");
    ai_value r = bytes_new_raw(len);
    if (!r) return AI_ERR;
    ival_of(self, &x);
    unsigned char *d = bytes_data_of(r);
    /* Little-endian magnitude, then two's complement for a negative. */
    for (int64_t i = 0; i < len; i++) {
        int64_t limb = i / 8;
        d[i] = limb < x.n ? (unsigned char)(x.d[limb] >> ((i % 8) * 8)) : 0;
    }
    if (x.sign < 0) {
        unsigned carry = 1;
        for (int64_t i = 0; i < len; i++) {
            unsigned v = (unsigned char)~d[i] + carry;
            d[i] = (unsigned char)v;
            carry = v >> 8;
        }
    }
    if (!little)
        for (int64_t i = 0, j = len - 1; i < j; i++, j--) {
            unsigned char t = d[i];
            d[i] = d[j];
            d[j] = t;
        }
    return r;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False): a class
 * method; self is the class (int or bool). */
INT_METHOD(int_m_from_bytes) {
    ai_value a[3];
    if (bytes_kw_args("from_bytes", "bytes", args, nargs, kwnames, a) < 0) return AI_ERR;
    if (!a[0])
        return ai_raise_msg(&ai_exc_TypeError, "from_bytes() missing required argument 'bytes' (pos 1)");
    bool little, sgn = false;
    if (byteorder_arg("from_bytes", a[1], &little) < 0) return AI_ERR;
    if (a[2]) {
        int32_t t = ai_truthy(a[2]);
        if (t < 0) return AI_ERR;
        sgn = t;
    }
    ai_value src = a[0];
    int64_t n;
    const unsigned char *p = bytes_buffer(src, &n);
    if (!p) {
        if (str_check(src) || !obj_slots(src)->iter)
            return ai_raise_fmt(&ai_exc_TypeError, "cannot convert '%s' object to bytes",
                                obj_type_name(src));
        src = ai_call(ai_val(&ai_bytes_type), &src, 1, 0);
        if (!src || !(p = bytes_buffer(src, &n))) return AI_ERR;
    }
    int64_t nl = n / 8 + 1;
    ai_bigint *r = big_alloc(nl);
    if (!r) return AI_ERR;
    p = bytes_buffer(src, &n);
    for (int64_t i = 0; i < n; i++) {
        unsigned char byte = little ? p[i] : p[n - 1 - i];
        r->limbs[i / 8] |= (mp_limb_t)byte << ((i % 8) * 8);
    }
    bool neg = sgn && n > 0 && ((little ? p[n - 1] : p[0]) & 0x80);
    ai_value v = big_finish(r, nl, 1);
    if (neg) {
        ai_value m = ai_lshift(ai_smallint(1), ai_int_from_i64(n * 8));
        v = m ? ai_sub(v, m) : AI_ERR;
    }
    if (!v) return AI_ERR;
    if (ai_obj(self) != (ai_object *)&ai_int_type) return ai_call(self, &v, 1, 0);
    return v;
}

static ai_value int_g_self(ai_value v) { return int_unbool(v); }
static ai_value int_g_zero(ai_value v) {
    (void)v;
    return ai_smallint(0);
}
static ai_value int_g_one(ai_value v) {
    (void)v;
    return ai_smallint(1);
}

const ai_method_def int_methods[] = {
    {"bit_length", int_m_bit_length, &ai_int_type, 0},
    {"bit_count", int_m_bit_count, &ai_int_type, 0},
    {"to_bytes", int_m_to_bytes, &ai_int_type, 0},
    {"from_bytes", int_m_from_bytes, &ai_int_type, AI_METH_CLASS},
    {"conjugate", int_m_conjugate, &ai_int_type, 0},
    {"as_integer_ratio", int_m_as_integer_ratio, &ai_int_type, 0},
    {"__format__", int_m_format, &ai_int_type, 0},
    {NULL, NULL, NULL, 0},
};

const ai_getset_def int_getset[] = {
    {"real", int_g_self},
    {"imag", int_g_zero},
    {"numerator", int_g_self},
    {"denominator", int_g_one},
    {NULL, NULL},
};
