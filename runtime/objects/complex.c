/*
 * objects/complex.c — `complex`: a pair of doubles, with CPython 3.11's
 * arithmetic, repr, hash, parsing and error messages.
 *
 * Operands mix with int, bool and float, which become complex(x, 0.0)
 * first (so signed zeros come out as CPython's). Division is Smith's
 * method (CPython's _Py_c_quot); `**` by a small integral exponent is
 * repeated squaring (c_powi), otherwise polar form (_Py_c_pow); an
 * infinite result is OverflowError "complex exponentiation", 0 to a
 * negative or complex power ZeroDivisionError. Ordering comparisons,
 * //, % and divmod are not defined (NULL slots: the generic TypeErrors).
 *
 * repr: "<imag>j" when the real part is +0.0, else "(<real><±imag>j)",
 * each part the shortest float repr without a forced ".0" ('(1+2j)',
 * '(-0-1j)', '1e+20j', '(nan+infj)'). hash: hash(real) + 1000003 *
 * hash(imag), so hash(1+0j) == hash(1).
 *
 * complex(x) takes a str ("1+2j", "(j)", " -1.5e3J ", underscores
 * between digits), a number, or (real, imag) numbers, complex ones
 * included: complex(a, b) == a + b*1j. A subclass of complex is a
 * fixed layout after the pair (objects/class.c); the base's operations
 * return plain complex numbers.
 */
#include "core/alloc.h"
#include "objects/class.h"
#include "objects/text.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <strings.h>

typedef struct ai_complex {
    ai_object ob;
    double re, im;
} ai_complex;

static inline ai_complex *cx(ai_value v) { return (ai_complex *)ai_obj(v); }

ai_value complex_new(double re, double im) {
    ai_complex *c = alloc_nursery(&ai_complex_type, sizeof(ai_complex));
    if (!c) return AI_ERR;
    c->re = re;
    c->im = im;
    return ai_val(c);
}

ai_value ai_const_complex(double re, double im) {
    ai_complex *c = alloc_static(&ai_complex_type, sizeof(ai_complex));
    if (!c) return AI_ERR;
    c->re = re;
    c->im = im;
    return ai_val(c);
}

void complex_parts(ai_value v, double *re, double *im) {
    *re = cx(v)->re;
    *im = cx(v)->im;
}

bool complex_check(ai_value v) { return !ai_is_smallint(v) && obj_isinstance(v, &ai_complex_type); }

/* v as a complex number: 1 done, 0 not a number (NotImplemented), -1
 * error (an int too large for a float). */
static int to_complex(ai_value v, double *re, double *im) {
    if (complex_check(v)) {
        *re = cx(v)->re;
        *im = cx(v)->im;
        return 1;
    }
    bool num;
    if (float_coerce(v, re, &num)) {
        *im = 0.0;
        return 1;
    }
    return num ? -1 : 0;
}

#define OPERANDS(a, b)                                        \
    double ar, ai, br, bi;                                    \
    {                                                         \
        int ra = to_complex(a, &ar, &ai);                     \
        if (ra <= 0) return ra < 0 ? AI_ERR : AI_NOTIMPL;     \
        int rb = to_complex(b, &br, &bi);                     \
        if (rb <= 0) return rb < 0 ? AI_ERR : AI_NOTIMPL;     \
    }

static ai_value complex_add(ai_value a, ai_value b) {
    OPERANDS(a, b);
    return complex_new(ar + br, ai + bi);
}
static ai_value complex_sub(ai_value a, ai_value b) {
    OPERANDS(a, b);
    return complex_new(ar - br, ai - bi);
}

static void c_prod(double ar, double ai, double br, double bi, double *rr, double *ri) {
    *rr = ar * br - ai * bi;
    *ri = ar * bi + ai * br;
}

static ai_value complex_mul(ai_value a, ai_value b) {
    OPERANDS(a, b);
    double rr, ri;
    c_prod(ar, ai, br, bi, &rr, &ri);
    return complex_new(rr, ri);
}

/* CPython's _Py_c_quot; false on division by zero. */
static bool c_quot(double ar, double ai, double br, double bi, double *rr, double *ri) {
    double abs_br = fabs(br), abs_bi = fabs(bi);
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            *rr = *ri = 0.0;
            return false;
        }
        double ratio = bi / br, denom = br + bi * ratio;
        *rr = (ar + ai * ratio) / denom;
        *ri = (ai - ar * ratio) / denom;
    } else if (abs_bi >= abs_br) {
        double ratio = br / bi, denom = br * ratio + bi;
        *rr = (ar * ratio + ai) / denom;
        *ri = (ai * ratio - ar) / denom;
    } else {
        *rr = *ri = NAN;
    }
    return true;
}

static ai_value complex_truediv(ai_value a, ai_value b) {
    OPERANDS(a, b);
    double rr, ri;
    if (!c_quot(ar, ai, br, bi, &rr, &ri)) return ai_raise_msg(&ai_exc_ZeroDivisionError, "complex division by zero");
    return complex_new(rr, ri);
}

/* a ** b on doubles, CPython's algorithm and errors. */
ai_value complex_pow_raw(double ar, double ai, double br, double bi) {
    double rr, ri;
    bool edom = false;
    errno = 0;
    if (bi == 0.0 && br == floor(br) && fabs(br) <= 100.0) {
        long n = (long)br;
        unsigned long u = n < 0 ? (unsigned long)(-n) : (unsigned long)n;
        double xr = 1.0, xi = 0.0, pr = ar, pi = ai;
        for (unsigned long mask = 1; mask > 0 && u >= mask; mask <<= 1) {
            if (u & mask) c_prod(xr, xi, pr, pi, &xr, &xi);
            c_prod(pr, pi, pr, pi, &pr, &pi);
        }
        if (n > 0) {
            rr = xr;
            ri = xi;
        } else if (!c_quot(1.0, 0.0, xr, xi, &rr, &ri)) {
            edom = true;
        }
    } else if (br == 0.0 && bi == 0.0) {
        rr = 1.0;
        ri = 0.0;
    } else if (ar == 0.0 && ai == 0.0) {
        if (bi != 0.0 || br < 0.0) edom = true;
        rr = ri = 0.0;
    } else {
        double vabs = hypot(ar, ai);
        double len = pow(vabs, br);
        double at = atan2(ai, ar);
        double phase = at * br;
        if (bi != 0.0) {
            len /= exp(at * bi);
            phase += bi * log(vabs);
        }
        rr = len * cos(phase);
        ri = len * sin(phase);
    }
    if (edom) return ai_raise_msg(&ai_exc_ZeroDivisionError, "0.0 to a negative or complex power");
    if (isinf(rr) || isinf(ri)) return ai_raise_msg(&ai_exc_OverflowError, "complex exponentiation");
    return complex_new(rr, ri);
}

static ai_value complex_pow(ai_value a, ai_value b) {
    OPERANDS(a, b);
    return complex_pow_raw(ar, ai, br, bi);
}

static ai_value complex_neg(ai_value a) { return complex_new(-cx(a)->re, -cx(a)->im); }
static ai_value complex_pos(ai_value a) {
    return obj_is_type(a, &ai_complex_type) ? a : complex_new(cx(a)->re, cx(a)->im);
}

static ai_value complex_abs(ai_value a) {
    double re = cx(a)->re, im = cx(a)->im;
    if (isinf(re) || isinf(im)) return ai_float_box(INFINITY);
    if (isnan(re) || isnan(im)) return ai_float_box(NAN);
    double r = hypot(re, im);
    if (isinf(r)) return ai_raise_msg(&ai_exc_OverflowError, "absolute value too large");
    return ai_float_box(r);
}

static ai_value complex_richcompare(ai_value a, ai_value b, int32_t op) {
    if (op != AI_CMP_EQ && op != AI_CMP_NE) return AI_NOTIMPL;
    double re = cx(a)->re, im = cx(a)->im;
    bool eq;
    if (int_check(b)) {
        /* Exact: an int equals re only when im is 0 (float's comparison). */
        eq = im == 0.0 && int_cmp_double(b, re, AI_CMP_EQ);
    } else if (!ai_is_smallint(b) && float_check(b)) {
        eq = im == 0.0 && re == float_get(b);
    } else if (complex_check(b)) {
        eq = re == cx(b)->re && im == cx(b)->im;
    } else {
        return AI_NOTIMPL;
    }
    return ai_bool(op == AI_CMP_EQ ? eq : !eq);
}

static int64_t complex_hash(ai_value v) {
    uint64_t hr = (uint64_t)float_hash_double(cx(v)->re, v);
    uint64_t hi = (uint64_t)float_hash_double(cx(v)->im, v);
    int64_t h = (int64_t)(hr + 1000003u * hi);
    return h == -1 ? -2 : h;
}

static int32_t complex_truthy(ai_value v) { return cx(v)->re != 0.0 || cx(v)->im != 0.0; }

/* A part of the repr: the float repr without a trailing ".0". */
static int part_repr(double d, char out[32]) {
    int n = float_repr_buf(d, out);
    if (n >= 2 && out[n - 2] == '.' && out[n - 1] == '0') {
        n -= 2;
        out[n] = 0;
    }
    return n;
}

static ai_value complex_repr(ai_value v) {
    double re = cx(v)->re, im = cx(v)->im;
    char r[32], i[32], buf[80];
    part_repr(im, i);
    int n;
    if (re == 0.0 && !signbit(re)) {
        n = snprintf(buf, sizeof buf, "%sj", i);
    } else {
        part_repr(re, r);
        n = snprintf(buf, sizeof buf, "(%s%s%sj)", r, i[0] == '-' ? "" : "+", i);
    }
    return str_from_ascii(buf, n);
}

/* ---- complex(…) ------------------------------------------------------------------ */

/* A float at s (CPython's: digits with '_' between them, '.', exponent,
 * inf, infinity, nan, an optional sign): its length, 0 if none. */
static size_t float_prefix(const char *s, double *out) {
    const char *p = s;
    bool neg = false;
    if (*p == '+' || *p == '-') neg = *p++ == '-';
    if (strncasecmp(p, "infinity", 8) == 0 || strncasecmp(p, "inf", 3) == 0) {
        *out = neg ? -INFINITY : INFINITY;
        return (size_t)(p - s) + (strncasecmp(p, "infinity", 8) == 0 ? 8 : 3);
    }
    if (strncasecmp(p, "nan", 3) == 0) {
        *out = NAN;
        return (size_t)(p - s) + 3;
    }
    char clean[400];
    size_t c = 0;
    if (neg) clean[c++] = '-';
    int digits = 0;
#define DIGITS()                                                                   \
    while (isdigit((unsigned char)*p) || (*p == '_' && digits && isdigit((unsigned char)p[1]))) { \
        if (*p != '_' && c < sizeof clean - 8) clean[c++] = *p;                    \
        if (*p != '_') digits++;                                                   \
        p++;                                                                       \
    }
    DIGITS();
    int intdigits = digits;
    if (*p == '.') {
        clean[c++] = *p++;
        digits = 0;
        DIGITS();
        digits += intdigits;
    }
    if (!digits) return 0;
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        if (*q == '+' || *q == '-') q++;
        if (isdigit((unsigned char)*q)) {
            clean[c++] = 'e';
            p++;
            if (*p == '+' || *p == '-') clean[c++] = *p++;
            digits = 0;
            DIGITS();
        }
    }
#undef DIGITS
    clean[c] = 0;
    *out = strtod(clean, NULL);
    return (size_t)(p - s);
}

static ai_value malformed(void) {
    return ai_raise_msg(&ai_exc_ValueError, "complex() arg is a malformed string");
}

static ai_value complex_parse(ai_value sv) {
    int64_t len;
    const char *u = str_utf8(sv, &len);
    if (!u) return AI_ERR;
    char *s = malloc((size_t)len + 1);
    if (!s) return exc_nomem();
    memcpy(s, u, (size_t)len);
    s[len] = 0;
    if (strlen(s) != (size_t)len) {
        free(s);
        return malformed();
    }
    for (int64_t k = 0; k < len; k++)
        if (s[k] == '_' && !(k > 0 && isdigit((unsigned char)s[k - 1]) && k + 1 < len && isdigit((unsigned char)s[k + 1]))) {
            free(s);
            ai_value r = ai_repr(sv);
            return r ? ai_raise_fmt(&ai_exc_ValueError, "could not convert string to complex: %s", str_utf8(r, NULL))
                     : AI_ERR;
        }
    char *p = s, *end = s + len;
    while (p < end && isspace((unsigned char)*p)) p++;
    while (end > p && isspace((unsigned char)end[-1])) end--;
    if (p < end && *p == '(') {
        if (end[-1] != ')') goto bad;
        p++;
        end--;
        while (p < end && isspace((unsigned char)*p)) p++;
        while (end > p && isspace((unsigned char)end[-1])) end--;
    }
    *end = 0;
    double re = 0.0, im = 0.0, x;
    size_t n = float_prefix(p, &x);
    if (n) {
        p += n;
        if (*p == '+' || *p == '-') {
            /* <float><signed-float>j or <float><sign>j */
            re = x;
            size_t m = float_prefix(p, &x);
            if (m) {
                im = x;
                p += m;
            } else {
                im = *p == '-' ? -1.0 : 1.0;
                p++;
            }
            if (*p != 'j' && *p != 'J') goto bad;
            p++;
        } else if (*p == 'j' || *p == 'J') {
            im = x;
            p++;
        } else {
            re = x;
        }
    } else {
        /* <sign>j or j */
        if (*p == '+' || *p == '-') im = *p++ == '-' ? -1.0 : 1.0;
        else im = 1.0;
        if (*p != 'j' && *p != 'J') goto bad;
        p++;
    }
    if (*p) goto bad;
    free(s);
    return complex_new(re, im);
bad:
    free(s);
    return malformed();
}

/* An argument of complex(): a number, or an instance with __complex__
 * (the first argument only), __float__ or __index__. 1 done (*is_complex
 * when it gave a complex), 0 not a number, -1 error. */
static int ctor_arg(ai_value v, bool first, double *re, double *im, bool *is_complex) {
    *is_complex = complex_check(v);
    int rc = to_complex(v, re, im);
    if (rc || ai_is_smallint(v) || !cls_check_type(ai_type_of(v))) return rc;
    if (first) {
        ai_value c = cls_call_named(v, "__complex__", NULL, 0);
        if (c) {
            if (!complex_check(c)) {
                ai_raise_fmt(&ai_exc_TypeError, "__complex__ returned non-complex (type %s)", obj_type_name(c));
                return -1;
            }
            *is_complex = true;
            *re = cx(c)->re;
            *im = cx(c)->im;
            return 1;
        }
        if (exc_pending()) return -1;
    }
    ai_value f = cls_convert(&ai_float_type, v);
    if (!f) return exc_pending() ? -1 : 0;
    *re = float_get(f);
    *im = 0.0;
    return 1;
}

static ai_value complex_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nargs + nkw > 2)
        return ai_raise_fmt(&ai_exc_TypeError, "complex() takes at most 2 arguments (%lld given)",
                            (long long)(nargs + nkw));
    ai_value r = 0, i = 0;
    if (nargs > 0) r = args[0];
    if (nargs > 1) i = args[1];
    for (int64_t k = 0; k < nkw; k++) {
        ai_value name = tuple_obj(kwnames)->items[k];
        ai_value *slot = attr_name_is(name, "real") ? &r : attr_name_is(name, "imag") ? &i : NULL;
        if (!slot) {
            const char *nm = str_utf8(name, NULL);
            return ai_raise_fmt(&ai_exc_TypeError, "'%s' is an invalid keyword argument for complex()", nm ? nm : "?");
        }
        if (*slot)
            return ai_raise_fmt(&ai_exc_TypeError, "argument for complex() given by name ('%s') and position (%d)",
                                slot == &r ? "real" : "imag", slot == &r ? 1 : 2);
        *slot = args[nargs + k];
    }
    if (!r) r = ai_smallint(0);
    if (str_check(r)) {
        if (i) return ai_raise_msg(&ai_exc_TypeError, "complex() can't take second arg if first is a string");
        return complex_parse(r);
    }
    if (i && str_check(i)) return ai_raise_msg(&ai_exc_TypeError, "complex() second arg can't be a string");
    if (!i && obj_is_type(r, &ai_complex_type)) return r;
    double rr, ri, ir = 0.0, ii = 0.0;
    bool r_complex, i_complex = false;
    int rc = ctor_arg(r, true, &rr, &ri, &r_complex);
    if (rc < 0) return AI_ERR;
    if (rc == 0)
        return ai_raise_fmt(&ai_exc_TypeError, "complex() first argument must be a string or a number, not '%s'",
                            obj_type_name(r));
    if (i) {
        rc = ctor_arg(i, false, &ir, &ii, &i_complex);
        if (rc < 0) return AI_ERR;
        if (rc == 0)
            return ai_raise_fmt(&ai_exc_TypeError, "complex() second argument must be a number, not '%s'",
                                obj_type_name(i));
    }
    /* complex(a, b) = a + b*1j, parts combined as CPython does. */
    if (i_complex) rr -= ii;
    if (r_complex && i) ir += ri;
    return complex_new(rr, i ? ir : ri);
}

/* ---- methods and attributes ------------------------------------------------------- */

static ai_value complex_m_conjugate(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)args;
    if (call_no_kwargs("conjugate", kwnames) || call_exact_args("conjugate", nargs, 0)) return AI_ERR;
    return complex_new(cx(self)->re, -cx(self)->im);
}

static ai_value complex_m_getnewargs(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)args;
    if (call_no_kwargs("__getnewargs__", kwnames) || call_exact_args("__getnewargs__", nargs, 0)) return AI_ERR;
    ai_value a = ai_float_box(cx(self)->re);
    ai_value b = a ? ai_float_box(cx(self)->im) : 0;
    return b ? tuple_pack2(a, b) : AI_ERR;
}

static ai_value complex_m_format(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs("__format__", kwnames) || call_exact_args("__format__", nargs, 1)) return AI_ERR;
    if (!str_check(args[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "__format__() argument must be str, not %s", obj_type_name(args[0]));
    return fmt_complex(self, args[0]);
}

static const ai_method_def complex_methods[] = {
    {"conjugate", complex_m_conjugate, &ai_complex_type, 0},
    {"__format__", complex_m_format, &ai_complex_type, 0},
    {"__getnewargs__", complex_m_getnewargs, &ai_complex_type, 0},
    {NULL, NULL, NULL, 0},
};

static ai_value complex_real(ai_value self) { return ai_float_box(cx(self)->re); }
static ai_value complex_imag(ai_value self) { return ai_float_box(cx(self)->im); }

static const ai_getset_def complex_getset[] = {
    {"real", complex_real},
    {"imag", complex_imag},
    {NULL, NULL},
};

static const ai_slots complex_slots = {
    .add = complex_add,
    .sub = complex_sub,
    .mul = complex_mul,
    .truediv = complex_truediv,
    .pow = complex_pow,
    .neg = complex_neg,
    .pos = complex_pos,
    .abs = complex_abs,
    .richcompare = complex_richcompare,
    .hash = complex_hash,
    .truthy = complex_truthy,
    .construct = complex_construct,
    .methods = complex_methods,
    .getset = complex_getset,
};

ai_type ai_complex_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "complex",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_complex),
    .repr = complex_repr,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&complex_slots,
};
