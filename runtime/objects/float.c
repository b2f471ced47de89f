/*
 * objects/float.c — the boxed double `float` (layout ai_float in
 * aithon_rt.h; the emitter keeps doubles unboxed where it can and boxes
 * with ai_float_box).
 *
 * repr/str: the shortest decimal string that reads back as the same
 * double, formatted exactly as CPython's repr ('0.1', '1e+16', '1e-05',
 * '123456789012345.0', 'inf', 'nan', '-0.0'). The digits come from the C
 * library's correctly rounded printf/strtod: one 17-digit conversion, from
 * which the nearest p-digit decimal is derived for each precision p and
 * checked with strtod (plus the next one up at a power of two, where the
 * rounding interval is lopsided); "some p-digit string round-trips" is
 * monotonic in p, so p is found by bisection. This selects the same digits
 * as David Gay's shortest mode that CPython uses (under 1 µs a value;
 * Ryu or Schubfach would be faster).
 *
 * Arithmetic mixes with int/bool (ints convert with OverflowError "int too
 * large to convert to float"); comparisons with ints are exact. Error
 * wording follows CPython 3.11 ("float division by zero", "float modulo",
 * "float floor division by zero", "float divmod()", pow's "0.0 cannot be
 * raised to a negative power" and OverflowError (34, 'Numerical result out
 * of range')). A negative base to a fractional power gives a complex, as
 * in CPython (objects/complex.c). The hash equals int's for integral
 * values (Python's modular numeric hash).
 *
 * Methods and attributes (is_integer, hex, fromhex …) are at the end of
 * the file; format specs live in format.c.
 */
#include "core/alloc.h"
#include "objects/text.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <strings.h>

/* ---- boxing ------------------------------------------------------------- */

ai_value ai_float_box(double d) {
    /* From the nursery region that compiled code bumps inline, so that
     * code's next boxes stay on its fast path (core/alloc.h). */
    ai_float *f = alloc_nursery(&ai_float_type, sizeof(ai_float));
    if (!f) return AI_ERR;
    f->value = d;
    return ai_val(f);
}

ai_value ai_const_float(double d) {
    ai_float *f = alloc_static(&ai_float_type, sizeof(ai_float));
    if (!f) return AI_ERR;
    f->value = d;
    return ai_val(f);
}

/* ---- repr ------------------------------------------------------------------ */

/* Correctly rounded 17-digit decimal of d (positive, finite): the base
 * from which shorter candidates are derived without calling printf again. */
typedef struct dec17 {
    double d;
    char digits[18]; /* 17 significant digits, NUL-terminated */
    int exp10;       /* d ≈ D.DDDD… × 10**exp10 */
} dec17;

static void dec17_init(dec17 *x, double d) {
    char buf[40];
    snprintf(buf, sizeof buf, "%.16e", d);
    int k = 0;
    const char *s = buf;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9') x->digits[k++] = *s;
    x->digits[k] = 0;
    x->exp10 = atoi(s + 1);
    x->d = d;
}

/* Add one unit in the last of the n digits; returns the exponent carry. */
static int digits_increment(char *dig, int n) {
    int i = n - 1;
    while (i >= 0 && dig[i] == '9') dig[i--] = '0';
    if (i >= 0) {
        dig[i]++;
        return 0;
    }
    dig[0] = '1'; /* 99…9 + 1 = 100…0: one more power of ten */
    return 1;
}

/* Exact powers of ten as doubles (10**22 is the last one). */
static const double pow10_exact[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* "D.DDDe±X" for strtod, built by hand (snprintf costs more than strtod).
 * At most 15 digits and a power of ten within 10**±22: the integer of
 * the digits and the power are exact doubles, so one IEEE multiply or
 * divide is correctly rounded — the value strtod would return (Clinger's
 * fast path), for a fraction of its cost. */
static double parse_digits(const char *dig, int n, int exp10) {
    if (n <= 15) {
        int64_t m = 0;
        for (int i = 0; i < n; i++) m = m * 10 + (dig[i] - '0');
        int scale = exp10 - (n - 1); /* value = m * 10**scale */
        if (scale >= 0 && scale <= 22) return (double)m * pow10_exact[scale];
        if (scale < 0 && scale >= -22) return (double)m / pow10_exact[-scale];
    }
    char buf[40];
    int k = 0;
    buf[k++] = dig[0];
    buf[k++] = '.';
    for (int i = 1; i < n; i++) buf[k++] = dig[i];
    buf[k++] = 'e';
    if (exp10 < 0) {
        buf[k++] = '-';
        exp10 = -exp10;
    }
    char tmp[8];
    int t = 0;
    do tmp[t++] = (char)('0' + exp10 % 10);
    while ((exp10 /= 10) > 0);
    while (t > 0) buf[k++] = tmp[--t];
    buf[k] = 0;
    return strtod(buf, NULL);
}

static bool reads_back(const char *dig, int n, int exp10, double d) {
    return parse_digits(dig, n, exp10) == d;
}

/* Does some p-digit decimal read back as d? If so, put the one CPython's
 * repr picks (the nearest) in dig/exp10. The nearest p-digit decimal is
 * the 17-digit one rounded to p digits, except when the dropped digits are
 * exactly 5000…: then the true value's side of the midpoint is unknown and
 * printf is asked directly. At a power of two the rounding interval is
 * lopsided (the gap below d is half the gap above), so when the nearest
 * candidate lies below d and fails, the next one up is tried too. */
static bool try_precision(const dec17 *x, int p, char dig[18], int *exp10) {
    memcpy(dig, x->digits, 18);
    *exp10 = x->exp10;
    if (p < 17) {
        bool tie = x->digits[p] == '5';
        for (int i = p + 1; i < 17 && tie; i++) tie = x->digits[i] == '0';
        if (tie) {
            dec17 y;
            char buf[40];
            snprintf(buf, sizeof buf, "%.*e", p - 1, x->d);
            int k = 0;
            const char *s = buf;
            for (; *s && *s != 'e'; s++)
                if (*s >= '0' && *s <= '9') y.digits[k++] = *s;
            memcpy(dig, y.digits, (size_t)p);
            *exp10 = atoi(s + 1);
        } else if (x->digits[p] >= '5') {
            *exp10 += digits_increment(dig, p);
        }
        dig[p] = 0;
    }
    if (reads_back(dig, p, *exp10, x->d)) return true;
    int e;
    if (frexp(x->d, &e) != 0.5 || p == 17) return false;
    if (parse_digits(dig, p, *exp10) > x->d) return false; /* nearest above: nothing better */
    char up[18];
    memcpy(up, dig, 18);
    int ex = *exp10 + digits_increment(up, p);
    if (!reads_back(up, p, ex, x->d)) return false;
    memcpy(dig, up, 18);
    *exp10 = ex;
    return true;
}

/* The shortest digits of d > 0 when some m * 10**-k with an integer
 * m < 10**15 reads back as d (0.5, 1234.25, 1e-7): then those digits are
 * repr's. A decimal with fewer digits differs from m * 10**-k by at least
 * a unit of m's last digit, more than 10**-15 of d, while a double's
 * half-ulp is under 1.2e-16 of it: no shorter string reads back, and no
 * other one of as many digits lies as near. No snprintf, no bisection. */
static bool short_digits(double d, char dig[18], int *exp10) {
    if (!(d < 1e15)) return false;
    for (int k = 0; k <= 22; k++) {
        double m = d * pow10_exact[k];
        if (m >= 1e15) return false;
        if (m < 1 || m != floor(m) || m / pow10_exact[k] != d) continue;
        int64_t im = (int64_t)m;
        char tmp[20];
        int nd = 0;
        while (im) {
            tmp[nd++] = (char)('0' + im % 10);
            im /= 10;
        }
        for (int i = 0; i < nd; i++) dig[i] = tmp[nd - 1 - i];
        dig[nd] = 0;
        *exp10 = nd - k - 1; /* d = D.DDD… × 10**exp10 */
        return true;
    }
    return false;
}

int float_repr_buf(double d, char out[32]) {
    if (isnan(d)) return snprintf(out, 32, "nan");
    if (isinf(d)) return snprintf(out, 32, d > 0 ? "inf" : "-inf");
    if (d == 0) return snprintf(out, 32, signbit(d) ? "-0.0" : "0.0");
    bool neg = d < 0;
    if (neg) d = -d;
    char best[18];
    int best_exp = 0;
    if (!short_digits(d, best, &best_exp)) {
        dec17 x;
        dec17_init(&x, d);
        char digits[18];
        int exp10 = 0;
        /* 17 significant digits always read back; "some p-digit string
         * reads back" is monotonic in p, so bisect for the least p. */
        memcpy(best, x.digits, sizeof best);
        best_exp = x.exp10;
        int lo = 1, hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (try_precision(&x, mid, digits, &exp10)) {
                hi = mid;
                memcpy(best, digits, sizeof digits);
                best_exp = exp10;
            } else {
                lo = mid + 1;
            }
        }
    }
    int n = (int)strlen(best);
    while (n > 1 && best[n - 1] == '0') best[--n] = 0;
    int decpt = best_exp + 1; /* value = 0.DIGITS * 10**decpt */
    int k = 0;
    if (neg) out[k++] = '-';
    if (decpt > -4 && decpt <= 16) {
        /* Positional, as repr uses for 1e-4 <= |d| < 1e16. */
        if (decpt <= 0) {
            out[k++] = '0';
            out[k++] = '.';
            for (int i = 0; i < -decpt; i++) out[k++] = '0';
            for (int i = 0; i < n; i++) out[k++] = best[i];
        } else if (decpt < n) {
            for (int i = 0; i < decpt; i++) out[k++] = best[i];
            out[k++] = '.';
            for (int i = decpt; i < n; i++) out[k++] = best[i];
        } else {
            for (int i = 0; i < n; i++) out[k++] = best[i];
            for (int i = n; i < decpt; i++) out[k++] = '0';
            out[k++] = '.';
            out[k++] = '0';
        }
        out[k] = 0;
        return k;
    }
    out[k++] = best[0];
    if (n > 1) {
        out[k++] = '.';
        for (int i = 1; i < n; i++) out[k++] = best[i];
    }
    int e = decpt - 1;
    k += snprintf(out + k, (size_t)(32 - k), "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    return k;
}

static ai_value float_repr(ai_value v) {
    char buf[32];
    int n = float_repr_buf(float_get(v), buf);
    return str_from_ascii(buf, n);
}

/* ---- coercion ------------------------------------------------------------------ */

bool float_coerce(ai_value v, double *out, bool *is_number) {
    if (!ai_is_smallint(v) && float_check(v)) {
        *is_number = true;
        *out = float_get(v);
        return true;
    }
    if (int_check(v)) {
        *is_number = true;
        return int_to_double(v, out);
    }
    *is_number = false;
    return false;
}

/* Both operands as doubles, or return NotImplemented / the error. */
#define FLOAT_OPERANDS(a, b, x, y)                                            \
    double x, y;                                                              \
    bool x##_num, y##_num;                                                    \
    if (!float_coerce(a, &x, &x##_num)) return x##_num ? AI_ERR : AI_NOTIMPL; \
    if (!float_coerce(b, &y, &y##_num)) return y##_num ? AI_ERR : AI_NOTIMPL

static ai_value float_add(ai_value a, ai_value b) {
    FLOAT_OPERANDS(a, b, x, y);
    return ai_float_box(x + y);
}
static ai_value float_sub(ai_value a, ai_value b) {
    FLOAT_OPERANDS(a, b, x, y);
    return ai_float_box(x - y);
}
static ai_value float_mul(ai_value a, ai_value b) {
    FLOAT_OPERANDS(a, b, x, y);
    return ai_float_box(x * y);
}
static ai_value float_truediv(ai_value a, ai_value b) {
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0) return ai_raise_msg(&ai_exc_ZeroDivisionError, "float division by zero");
    return ai_float_box(x / y);
}

void float_divmod_raw(double x, double y, double *divp, double *modp) {
    /* Python's floor semantics: the remainder takes y's sign; the quotient
     * is rounded to the nearest integer to undo fmod's inexactness. */
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, y);
    }
    double fl;
    if (div) {
        fl = floor(div);
        if (div - fl > 0.5) fl += 1.0;
    } else {
        fl = copysign(0.0, x / y);
    }
    *divp = fl;
    *modp = mod;
}

static ai_value float_floordiv(ai_value a, ai_value b) {
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0) return ai_raise_msg(&ai_exc_ZeroDivisionError, "float floor division by zero");
    double d, m;
    float_divmod_raw(x, y, &d, &m);
    return ai_float_box(d);
}

static ai_value float_mod(ai_value a, ai_value b) {
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0) return ai_raise_msg(&ai_exc_ZeroDivisionError, "float modulo");
    double d, m;
    float_divmod_raw(x, y, &d, &m);
    return ai_float_box(m);
}

static ai_value float_divmod(ai_value a, ai_value b) {
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0) return ai_raise_msg(&ai_exc_ZeroDivisionError, "float divmod()");
    double d, m;
    float_divmod_raw(x, y, &d, &m);
    ai_value dv = ai_float_box(d), mv = dv ? ai_float_box(m) : 0;
    return mv ? tuple_pack2(dv, mv) : AI_ERR;
}

static bool is_odd_integer(double y) { return fmod(fabs(y), 2.0) == 1.0; }

ai_value float_pow_raw(double x, double y) {
    /* C99 pow's special cases agree with Python's except where Python
     * raises; handle those (and the ones CPython spells out) first. */
    if (y == 0) return ai_float_box(1.0);
    if (isnan(x)) return ai_float_box(x);
    if (isnan(y)) return ai_float_box(x == 1.0 ? 1.0 : y);
    if (isinf(y)) {
        double ax = fabs(x);
        if (ax == 1.0) return ai_float_box(1.0);
        return ai_float_box((y > 0) == (ax > 1.0) ? INFINITY : 0.0);
    }
    if (isinf(x)) {
        bool odd = is_odd_integer(y);
        if (y > 0) return ai_float_box(odd ? x : fabs(x));
        return ai_float_box(odd ? copysign(0.0, x) : 0.0);
    }
    if (x == 0) {
        if (y < 0)
            return ai_raise_msg(&ai_exc_ZeroDivisionError,
                                "0.0 cannot be raised to a negative power");
        return ai_float_box(is_odd_integer(y) ? x : 0.0);
    }
    bool negate = false;
    if (x < 0) {
        if (y != floor(y)) return complex_pow_raw(x, 0.0, y, 0.0);   /* CPython: a complex result */
        negate = is_odd_integer(y);
        x = -x;
    }
    if (x == 1.0) return ai_float_box(negate ? -1.0 : 1.0);
    double r = pow(x, y);
    if (isinf(r)) {
        /* CPython reports libm's ERANGE as OSError-style args. */
        ai_value msg = str_from_cstr("Numerical result out of range");
        ai_value args = msg ? tuple_pack2(ai_smallint(34), msg) : 0;
        return args ? exc_raise_args(&ai_exc_OverflowError, args) : AI_ERR;
    }
    return ai_float_box(negate ? -r : r);
}

static ai_value float_pow(ai_value a, ai_value b) {
    FLOAT_OPERANDS(a, b, x, y);
    return float_pow_raw(x, y);
}

static ai_value float_neg(ai_value a) { return ai_float_box(-float_get(a)); }
static ai_value float_pos(ai_value a) { return a; }
static ai_value float_abs(ai_value a) { return ai_float_box(fabs(float_get(a))); }

static ai_value float_richcompare(ai_value a, ai_value b, int32_t op) {
    /* a is a float (the dispatcher calls a type's slot with its own
     * instance first). */
    double x = float_get(a);
    if (!ai_is_smallint(b) && float_check(b)) {
        double y = float_get(b);
        bool r;
        switch (op) {
        case AI_CMP_LT: r = x < y; break;
        case AI_CMP_LE: r = x <= y; break;
        case AI_CMP_EQ: r = x == y; break;
        case AI_CMP_NE: r = x != y; break;
        case AI_CMP_GT: r = x > y; break;
        default: r = x >= y; break;
        }
        return ai_bool(r);
    }
    if (int_check(b)) return ai_bool(int_cmp_double(b, x, obj_cmp_swap(op)));
    return AI_NOTIMPL;
}

int64_t float_hash_double(double d, ai_value self) {
    if (isinf(d)) return d > 0 ? 314159 : -314159;
    if (isnan(d)) {
        /* CPython 3.10+: NaNs hash by identity. */
        uint64_t p = (uint64_t)self;
        int64_t h = (int64_t)((p >> 4) | (p << 60));
        return h == -1 ? -2 : h;
    }
    /* d = M * 2**E with M a 53-bit integer; 2**61 ≡ 1 (mod 2**61 - 1),
     * so multiplying by 2**E is a rotation of the 61-bit residue. */
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    int e;
    double m = frexp(fabs(d), &e);
    uint64_t h = (uint64_t)ldexp(m, 53);
    int r = ((e - 53) % 61 + 61) % 61;
    if (r) h = ((h << r) & P) | (h >> (61 - r));
    if (h >= P) h -= P;
    int64_t s = d < 0 ? -(int64_t)h : (int64_t)h;
    return s == -1 ? -2 : s;
}

static int64_t float_hash(ai_value v) { return float_hash_double(float_get(v), v); }
static int32_t float_truthy(ai_value v) { return float_get(v) != 0.0; }

/* ---- parsing and construction ---------------------------------------------------- */

static bool ieq(const char *a, const char *b) {
    for (; *a && *b; a++, b++)
        if ((*a | 0x20) != *b) return false;
    return *a == *b;
}

ai_value float_parse(ai_value sv) {
    int64_t len;
    char *s = str_ascii_strip_malloc(sv, &len);
    if (!s && len != -1) return exc_nomem();
    if (s) {
        const char *p = s;
        double sign = 1.0;
        if (*p == '+' || *p == '-') sign = *p++ == '-' ? -1.0 : 1.0;
        if (ieq(p, "inf") || ieq(p, "infinity")) {
            free(s);
            return ai_float_box(sign * INFINITY);
        }
        if (ieq(p, "nan")) {
            free(s);
            return ai_float_box(NAN); /* CPython drops the sign of a NaN */
        }
        /* digits ['.' digits] [e [sign] digits], underscores only between
         * digits; copy without them for strtod. */
        char *clean = malloc((size_t)len + 1);
        if (!clean) {
            free(s);
            return exc_nomem();
        }
        int k = 0, ndig = 0;
        bool ok = true, prev_digit = false;
        const char *q = s;
        for (; *q && ok; q++) {
            char c = *q;
            if (c >= '0' && c <= '9') {
                prev_digit = true;
                ndig++;
                clean[k++] = c;
            } else if (c == '_') {
                ok = prev_digit && q[1] >= '0' && q[1] <= '9';
            } else {
                if (c == 'e' || c == 'E') {
                    if (ndig == 0) ok = false;
                } else if (c != '.' && c != '+' && c != '-') {
                    ok = false;
                }
                prev_digit = false;
                clean[k++] = c;
            }
        }
        clean[k] = 0;
        if (ok && ndig > 0) {
            char *end;
            double d = strtod(clean, &end);
            /* strtod also takes hex floats and "infinity": require that
             * only decimal syntax was consumed (no 'x', checked above). */
            if (*end == 0 && end != clean) {
                free(clean);
                free(s);
                return ai_float_box(d);
            }
        }
        free(clean);
        free(s);
    }
    ai_value r = str_repr(sv);
    const char *u = r ? str_utf8(r, NULL) : NULL;
    if (!u) return AI_ERR;
    return ai_raise_fmt(&ai_exc_ValueError, "could not convert string to float: %s", u);
}

ai_value float_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    if (call_no_kwargs("float", kwnames) < 0) return AI_ERR;
    if (nargs > 1)
        return ai_raise_fmt(&ai_exc_TypeError, "float expected at most 1 argument, got %lld",
                            (long long)nargs);
    if (nargs == 0) return ai_float_box(0.0);
    ai_value x = args[0];
    if (obj_is_type(x, &ai_float_type)) return x;
    double d;
    bool num;
    if (float_coerce(x, &d, &num)) return ai_float_box(d);
    if (num) return AI_ERR;
    if (str_check(x)) return float_parse(x);
    int64_t n;
    const unsigned char *p = bytes_buffer(x, &n);
    if (p) {
        /* float(b"1.5"): bytes parse as ASCII; errors show their repr. */
        bool ascii = true;
        for (int64_t i = 0; i < n && ascii; i++) ascii = p[i] < 128;
        if (ascii) {
            ai_value s = str_from_latin1(p, n);
            ai_value r = s ? float_parse(s) : AI_ERR;
            if (r || !exc_pending_is(&ai_exc_ValueError)) return r;
            exc_clear();
        }
        ai_value r = ai_repr(x);
        const char *u = r ? str_utf8(r, NULL) : NULL;
        if (!u) return AI_ERR;
        return ai_raise_fmt(&ai_exc_ValueError, "could not convert string to float: %s", u);
    }
    return ai_raise_fmt(&ai_exc_TypeError,
                        "float() argument must be a string or a real number, not '%s'",
                        obj_type_name(x));
}

/* round(x) → int (halves to even); round(x, n) → float, correctly rounded
 * from the exact binary value, as CPython's dtoa-based rounding. */
ai_value float_round(double x, ai_value ndigits) {
    if (!ndigits) {
        if (isnan(x))
            return ai_raise_msg(&ai_exc_ValueError, "cannot convert float NaN to integer");
        if (isinf(x))
            return ai_raise_msg(&ai_exc_OverflowError, "cannot convert float infinity to integer");
        return int_from_double(nearbyint(x)); /* default mode: nearest, ties to even */
    }
    bool fits, err;
    int64_t n = obj_index_i64(ndigits, &fits, &err);
    if (err) return AI_ERR;
    if (!isfinite(x) || x == 0.0) return ai_float_box(x);
    if (n > 323) return ai_float_box(x);
    if (n < -308) return ai_float_box(0.0 * x);
    if (n >= 0) {
        int len = snprintf(NULL, 0, "%.*f", (int)n, x);
        char *buf = malloc((size_t)len + 1);
        if (!buf) return exc_nomem();
        snprintf(buf, (size_t)len + 1, "%.*f", (int)n, x);
        double r = strtod(buf, NULL);
        free(buf);
        return ai_float_box(r);
    }
    /* n < 0: round x / 10**-n to an integer exactly, in ints. x = M * 2**E. */
    int e;
    double m = frexp(x, &e);
    ai_value M = int_from_double(ldexp(m, 53)), num = M, den = 0;
    if (!M) return AI_ERR;
    int E = e - 53;
    ai_value p10 = ai_pow(ai_smallint(10), ai_smallint(-n));
    if (!p10) return AI_ERR;
    if (E >= 0) {
        num = ai_lshift(M, ai_smallint(E));
        den = p10;
    } else {
        den = ai_lshift(p10, ai_smallint(-E));
    }
    if (!num || !den) return AI_ERR;
    ai_value q = ai_floordiv(num, den), r = q ? ai_mod(num, den) : 0;
    ai_value twice = r ? ai_mul(r, ai_smallint(2)) : 0;
    if (!twice) return AI_ERR;
    int c = int_cmp(twice, den);
    if (c > 0 || (c == 0 && ai_truthy(ai_and(q, ai_smallint(1))) == 1))
        q = ai_add(q, ai_smallint(1));
    ai_value res = q ? ai_mul(q, p10) : 0;
    if (!res) return AI_ERR;
    double d;
    if (!int_to_double(res, &d)) {
        exc_clear();
        return ai_raise_msg(&ai_exc_OverflowError, "rounded value too large to represent");
    }
    /* A result of zero keeps x's sign, as CPython's: round(-0.5, -1) is -0.0. */
    return ai_float_box(d == 0.0 ? copysign(0.0, x) : d);
}

/* ---- the type ----------------------------------------------------------------------- */

extern const ai_method_def float_methods[]; /* at the end of this file */
extern const ai_getset_def float_getset[];

static const ai_slots float_slots = {
    .add = float_add,
    .sub = float_sub,
    .mul = float_mul,
    .truediv = float_truediv,
    .floordiv = float_floordiv,
    .mod = float_mod,
    .pow = float_pow,
    .divmod = float_divmod,
    .neg = float_neg,
    .pos = float_pos,
    .abs = float_abs,
    .richcompare = float_richcompare,
    .hash = float_hash,
    .truthy = float_truthy,
    .construct = float_construct,
    .methods = float_methods,
    .getset = float_getset,
};

ai_type ai_float_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "float",
    .base = &ai_object_type,
    .flags = AI_TF_MATCH_SELF,
    .basicsize = sizeof(ai_float),
    .repr = float_repr,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&float_slots,
};

/* ---- methods and attributes (the text area's additions) ------------------------------ */

/* is_integer, as_integer_ratio, hex, fromhex (a class method), conjugate,
 * __format__, and the real/imag attributes. hex() and fromhex() use the
 * exact binary value; glibc's strtod rounds hexadecimal input correctly
 * (ties to even), which is what fromhex promises. */

#define FLOAT_METHOD(fn) \
    static ai_value fn(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames)

static int float_no_args(const char *name, const ai_value *args, int64_t nargs,
                         ai_value kwnames) {
    argspec a = {name, "float", ARGS_NONE, 0, 0, NULL};
    return text_args(&a, args, nargs, kwnames, NULL);
}

FLOAT_METHOD(float_m_is_integer) {
    (void)self;
    if (float_no_args("is_integer", args, nargs, kwnames) < 0) return AI_ERR;
    double d = float_get(self);
    return ai_bool(isfinite(d) && floor(d) == d);
}

FLOAT_METHOD(float_m_conjugate) {
    if (float_no_args("conjugate", args, nargs, kwnames) < 0) return AI_ERR;
    return obj_is_type(self, &ai_float_type) ? self : ai_float_box(float_get(self));
}

FLOAT_METHOD(float_m_as_integer_ratio) {
    if (float_no_args("as_integer_ratio", args, nargs, kwnames) < 0) return AI_ERR;
    double d = float_get(self);
    if (isinf(d))
        return ai_raise_msg(&ai_exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(d)) return ai_raise_msg(&ai_exc_ValueError, "cannot convert NaN to integer ratio");
    /* d = m * 2**e with m an integer of at most 53 bits, then reduced. */
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    ai_value num = int_from_double(m), den = ai_smallint(1);
    if (!num) return AI_ERR;
    if (e > 0)
        num = ai_lshift(num, ai_smallint(e));
    else
        den = ai_lshift(den, ai_smallint(-e));
    if (!num || !den) return AI_ERR;
    return tuple_pack2(num, den);
}

FLOAT_METHOD(float_m_hex) {
    if (float_no_args("hex", args, nargs, kwnames) < 0) return AI_ERR;
    double d = float_get(self);
    if (isnan(d)) return str_from_ascii("nan", 3);
    if (isinf(d)) return d < 0 ? str_from_ascii("-inf", 4) : str_from_ascii("inf", 3);
    char buf[40];
    const char *sign = signbit(d) ? "-" : "";
    if (d == 0.0) {
        int n = snprintf(buf, sizeof buf, "%s0x0.0p+0", sign);
        return str_from_ascii(buf, n);
    }
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    uint64_t frac = bits & (((uint64_t)1 << 52) - 1);
    int bexp = (int)((bits >> 52) & 0x7FF);
    /* Normal: 0x1.<13 hex digits>p<exp>; subnormal: 0x0.<…>p-1022. */
    int n = snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", sign, bexp ? 1 : 0,
                     (unsigned long long)frac, bexp ? bexp - 1023 : -1022);
    return str_from_ascii(buf, n);
}

/* float.fromhex(s): a class method (self is the class). */
FLOAT_METHOD(float_m_fromhex) {
    argspec a = {"fromhex", "float", ARGS_ONE, 1, 1, NULL};
    ai_value s[1];
    if (text_args(&a, args, nargs, kwnames, s) < 0) return AI_ERR;
    if (!str_check(s[0]))
        return ai_raise_msg(&ai_exc_TypeError, "bad argument type for built-in operation");
    int64_t len;
    char *t = str_ascii_strip_malloc(s[0], &len);
    if (!t && len == 0) return exc_nomem();
    double d = 0;
    bool ok = false;
    if (t) {
        /* Python accepts the digits without "0x"; strtod needs it. */
        const char *p = t;
        char sign = 0;
        if (*p == '+' || *p == '-') sign = *p++;
        char *buf = malloc(strlen(p) + 4);
        if (!buf) {
            free(t);
            return exc_nomem();
        }
        bool word = strncasecmp(p, "inf", 3) == 0 || strncasecmp(p, "nan", 3) == 0;
        bool has0x = p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
        snprintf(buf, strlen(p) + 4, "%s%s", word || has0x ? "" : "0x", p);
        const char *digits = buf + ((word || has0x) ? 0 : 2) + (has0x ? 2 : 0);
        bool valid = word ? (!strcasecmp(p, "inf") || !strcasecmp(p, "infinity") ||
                             !strcasecmp(p, "nan"))
                          : (isxdigit((unsigned char)digits[0]) ||
                             (digits[0] == '.' && isxdigit((unsigned char)digits[1])));
        if (valid) {
            char *end;
            errno = 0;
            d = strtod(buf, &end);
            ok = *end == 0;
            if (ok && errno == ERANGE && isinf(d)) {
                free(buf);
                free(t);
                return ai_raise_msg(&ai_exc_OverflowError,
                                    "hexadecimal value too large to represent as a float");
            }
            if (sign == '-') d = -d;
        }
        free(buf);
        free(t);
    }
    if (!ok) return ai_raise_msg(&ai_exc_ValueError, "invalid hexadecimal floating-point string");
    ai_value r = ai_float_box(d);
    if (r && ai_obj(self) != (ai_object *)&ai_float_type) return ai_call(self, &r, 1, 0);
    return r;
}

FLOAT_METHOD(float_m_format) {
    argspec a = {"__format__", "float", ARGS_ONE, 1, 1, NULL};
    ai_value spec[1];
    if (text_args(&a, args, nargs, kwnames, spec) < 0) return AI_ERR;
    if (!str_check(spec[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "__format__() argument must be str, not %s",
                            obj_type_name(spec[0]));
    return fmt_float(self, spec[0]);
}

static ai_value float_g_real(ai_value v) {
    return obj_is_type(v, &ai_float_type) ? v : ai_float_box(float_get(v));
}
static ai_value float_g_imag(ai_value v) {
    (void)v;
    return ai_float_box(0.0);
}

const ai_method_def float_methods[] = {
    {"is_integer", float_m_is_integer, &ai_float_type, 0},
    {"as_integer_ratio", float_m_as_integer_ratio, &ai_float_type, 0},
    {"hex", float_m_hex, &ai_float_type, 0},
    {"fromhex", float_m_fromhex, &ai_float_type, AI_METH_CLASS},
    {"conjugate", float_m_conjugate, &ai_float_type, 0},
    {"__format__", float_m_format, &ai_float_type, 0},
    {NULL, NULL, NULL, 0},
};

const ai_getset_def float_getset[] = {
    {"real", float_g_real},
    {"imag", float_g_imag},
    {NULL, NULL},
};
