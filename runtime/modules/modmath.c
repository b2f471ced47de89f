/*
 * modules/modmath.c — the math module: constants, the libm functions with
 * CPython's error rules, and the integer functions on big ints.
 *
 * Error rules (CPython's, "the spirit of IEEE 754"): a NaN result from
 * non-NaN input is ValueError("math domain error"); an infinite result
 * from finite input is OverflowError("math range error") for functions
 * that can overflow (exp, cosh …) and a domain error for the others
 * (log(0)); errno from libm is consulted last, an ERANGE underflow (result
 * below 1.5 in magnitude) being ignored. Results must be bit-identical to
 * CPython's, so each function uses what CPython uses: glibc's libm where
 * CPython calls libm, and our own code following the same arithmetic where
 * CPython has its own algorithm: gamma/lgamma (Lanczos, N=13), hypot and
 * dist (scaled sum of squares with a differential correction), fsum
 * (Shewchuk's exact partials, correctly rounded), and log of huge ints
 * (frexp of the int, then log(m) + log(2)*e).
 *
 * Integer functions (gcd, lcm, factorial, isqrt, comb, perm) go through
 * GMP's mpz layer on temporary copies (modutil.c bridges), so they work on
 * ints of any size; results are copied into heap ints.
 *
 * Not handled: __ceil__/__floor__/__trunc__/__float__ of user classes only
 * through mu_dunder (builtin subclasses are treated as their base).
 */
#include "modules/modutil.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>

static const double PI = 3.141592653589793238462643383279502884197;
static const double LOGPI = 1.144729885849400174143427351353058711647;

static ai_value domain_error(void) { return ai_raise_msg(&ai_exc_ValueError, "math domain error"); }
static ai_value range_error(void) { return ai_raise_msg(&ai_exc_OverflowError, "math range error"); }

/* errno is set after a libm call: raise unless it is an underflow. True
 * when an exception was raised. */
static bool errno_raises(double r) {
    if (errno == EDOM) {
        domain_error();
        return true;
    }
    if (errno == ERANGE) {
        /* Underflow to (about) zero is not an error; expm1 underflows to
         * -1, hence the 1.5. */
        if (fabs(r) < 1.5) return false;
        range_error();
        return true;
    }
    ai_raise_fmt(&ai_exc_ValueError, "%s", strerror(errno));
    return true;
}

/* One-argument libm function with the rules above. */
static ai_value math_1(ai_value arg, double (*f)(double), bool can_overflow) {
    double x;
    if (!mu_real(arg, &x)) return AI_ERR;
    errno = 0;
    double r = f(x);
    if (isnan(r) && !isnan(x)) return domain_error();
    if (isinf(r) && isfinite(x)) return can_overflow ? range_error() : domain_error();
    if (isfinite(r) && errno && errno_raises(r)) return AI_ERR;
    return ai_float_box(r);
}

/* One-argument function whose errors come only from errno (gamma, erf). */
static ai_value math_1a(ai_value arg, double (*f)(double)) {
    double x;
    if (!mu_real(arg, &x)) return AI_ERR;
    errno = 0;
    double r = f(x);
    if (errno && errno_raises(r)) return AI_ERR;
    return ai_float_box(r);
}

/* Two-argument function (atan2, copysign, remainder). */
static ai_value math_2(ai_value a, ai_value b, double (*f)(double, double)) {
    double x, y;
    if (!mu_real(a, &x) || !mu_real(b, &y)) return AI_ERR;
    errno = 0;
    double r = f(x, y);
    if (isnan(r))
        errno = !isnan(x) && !isnan(y) ? EDOM : 0;
    else if (isinf(r))
        errno = isfinite(x) && isfinite(y) ? ERANGE : 0;
    if (errno && errno_raises(r)) return AI_ERR;
    return ai_float_box(r);
}

/* ---- CPython's own special functions ------------------------------------------------ */

/* sin(pi*x) for finite x, exact at integers (used by the reflection
 * formula of gamma). */
static double sinpi(double x) {
    double y = fmod(fabs(x), 2.0);
    int n = (int)round(2.0 * y);
    double r;
    switch (n) {
    case 0: r = sin(PI * y); break;
    case 1: r = cos(PI * (y - 0.5)); break;
    case 2: r = sin(PI * (1.0 - y)); break; /* not -sin(pi*(y-1)): keeps +0.0 */
    case 3: r = -cos(PI * (y - 1.5)); break;
    default: r = sin(PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

/* Lanczos approximation, N = 13, g = 6.024680040776729583740234375 (one
 * of Boost's parameter sets), written as a rational function whose
 * denominator is x(x+1)...(x+11). These are the coefficients CPython uses,
 * so the results agree to the bit. */
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
static const double lanczos_den[LANCZOS_N] = {
    0.0,        39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0,  357423.0,   32670.0,     1925.0,      66.0,        1.0,
};

/* gamma(1) .. gamma(23): exact as doubles. */
static const double gamma_int[23] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0,
    39916800.0, 479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0,
    20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0,
    2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
};

static double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        /* Horner in x */
        for (int i = LANCZOS_N - 1; i >= 0; i--) {
            num = num * x + lanczos_num[i];
            den = den * x + lanczos_den[i];
        }
    } else {
        /* Horner in 1/x: the same function scaled by x**(1-N), which
         * cannot overflow for large x */
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num[i];
            den = den / x + lanczos_den[i];
        }
    }
    return num / den;
}

static double c_gamma(double x) {
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0) return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= 23.0) return gamma_int[(int)x - 1];
    }
    double ax = fabs(x);
    if (ax < 1e-20) {
        double r = 1.0 / x;
        if (isinf(r)) errno = ERANGE;
        return r;
    }
    if (ax > 200.0) {
        if (x < 0.0) return 0.0 / sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    /* y = ax + g - 1/2 is rounded; z is its rounding error times g/y,
     * the first-order correction of pow(y, ax-1/2)/exp(y). */
    double y = ax + lanczos_g_minus_half, z;
    if (ax > lanczos_g_minus_half) {
        double q = y - ax;
        z = q - lanczos_g_minus_half;
    } else {
        double q = y - lanczos_g_minus_half;
        z = q - ax;
    }
    z = z * lanczos_g / y;
    double r;
    if (x < 0.0) {
        r = -PI / sinpi(ax) / ax * exp(y) / lanczos_sum(ax);
        r -= z * r;
        if (ax < 140.0) {
            r /= pow(y, ax - 0.5);
        } else {
            double half = pow(y, ax / 2.0 - 0.25);
            r /= half;
            r /= half;
        }
    } else {
        r = lanczos_sum(ax) / exp(y);
        r += z * r;
        if (ax < 140.0) {
            r *= pow(y, ax - 0.5);
        } else {
            double half = pow(y, ax / 2.0 - 0.25);
            r *= half;
            r *= half;
        }
    }
    if (isinf(r)) errno = ERANGE;
    return r;
}

static double c_lgamma(double x) {
    if (!isfinite(x)) return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double ax = fabs(x);
    if (ax < 1e-20) return -log(ax);
    double r = log(lanczos_sum(ax)) - lanczos_g;
    r += (ax - 0.5) * (log(ax + lanczos_g - 0.5) - 1);
    if (x < 0.0) r = LOGPI - log(fabs(sinpi(ax))) - log(ax) - r;
    if (isinf(r)) errno = ERANGE;
    return r;
}

/* log1p keeping the sign of a zero argument. */
static double c_log1p(double x) { return x == 0.0 ? x : log1p(x); }

/* atan2 with C99 Annex F's special values spelled out. */
static double c_atan2(double y, double x) {
    if (isnan(x) || isnan(y)) return NAN;
    if (isinf(y)) {
        if (isinf(x)) return copysign(copysign(1., x) == 1. ? 0.25 * PI : 0.75 * PI, y);
        return copysign(0.5 * PI, y);
    }
    if (isinf(x) || y == 0.) return copysign(copysign(1., x) == 1. ? 0. : PI, y);
    return atan2(y, x);
}

/* IEEE remainder; exact, so libm's agrees with any correct one. */
static double c_remainder(double x, double y) {
    if (isfinite(x) && isfinite(y)) {
        if (y == 0.0) return NAN;
        return remainder(x, y);
    }
    if (isnan(x)) return x;
    if (isnan(y)) return y;
    if (isinf(x)) return NAN;
    return x;
}

/* ---- argument helpers ------------------------------------------------------------------ */

#define FUNC(fn) \
    static ai_value fn(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames)

/* Unary libm wrappers: math.NAME(x). */
#define UNARY(pyname, body)                                                  \
    FUNC(m_##pyname) {                                                       \
        (void)callable;                                                      \
        if (mu_one_arg("math." #pyname, nargs, kwnames) < 0) return AI_ERR; \
        return body;                                                         \
    }                                                                        \
    static AI_BUILTIN_FN(bf_##pyname, #pyname, m_##pyname);

UNARY(acos, math_1(args[0], acos, false))
UNARY(acosh, math_1(args[0], acosh, false))
UNARY(asin, math_1(args[0], asin, false))
UNARY(asinh, math_1(args[0], asinh, false))
UNARY(atan, math_1(args[0], atan, false))
UNARY(atanh, math_1(args[0], atanh, false))
UNARY(cbrt, math_1(args[0], cbrt, false))
UNARY(cos, math_1(args[0], cos, false))
UNARY(cosh, math_1(args[0], cosh, true))
UNARY(erf, math_1a(args[0], erf))
UNARY(erfc, math_1a(args[0], erfc))
UNARY(exp, math_1(args[0], exp, true))
UNARY(exp2, math_1(args[0], exp2, true))
UNARY(expm1, math_1(args[0], expm1, true))
UNARY(fabs, math_1(args[0], fabs, false))
UNARY(gamma, math_1a(args[0], c_gamma))
UNARY(lgamma, math_1a(args[0], c_lgamma))
UNARY(log1p, math_1(args[0], c_log1p, false))
UNARY(sin, math_1(args[0], sin, false))
UNARY(sinh, math_1(args[0], sinh, true))
UNARY(sqrt, math_1(args[0], sqrt, false))
UNARY(tan, math_1(args[0], tan, false))
UNARY(tanh, math_1(args[0], tanh, false))

/* Two positional-only arguments: "atan2 expected 2 arguments, got 1". */
static int two_args(const char *name, const char *qname, int64_t nargs, ai_value kwnames) {
    return mu_pos_range(qname, name, nargs, kwnames, 2, 2);
}

#define BINARY(pyname, body)                                                   \
    FUNC(m_##pyname) {                                                         \
        (void)callable;                                                        \
        if (two_args(#pyname, "math." #pyname, nargs, kwnames) < 0) return AI_ERR; \
        return body;                                                           \
    }                                                                          \
    static AI_BUILTIN_FN(bf_##pyname, #pyname, m_##pyname);

BINARY(atan2, math_2(args[0], args[1], c_atan2))
BINARY(copysign, math_2(args[0], args[1], copysign))
BINARY(remainder, math_2(args[0], args[1], c_remainder))

/* ---- logarithms ------------------------------------------------------------------------- */

/* log of an int of any size: exact conversion when it fits a double,
 * else m * 2**e with m in [0.5, 1) correctly rounded. */
static ai_value log_helper(ai_value arg, double (*f)(double)) {
    if (!int_check(arg)) return math_1(arg, f, false);
    if (int_sign(arg) <= 0) return domain_error();
    double x;
    if (int_to_double(arg, &x)) return ai_float_box(f(x));
    if (!exc_pending_is(&ai_exc_OverflowError)) return AI_ERR;
    exc_clear();
    /* The top 64 bits with a sticky bit for the rest convert to a double
     * rounded exactly as the whole number would be. */
    uint64_t buf;
    int64_t n;
    const uint64_t *d = mu_int_limbs(arg, &n, &buf);
    int lz = __builtin_clzll(d[n - 1]);
    uint64_t top = d[n - 1] << lz, rest;
    if (lz) {
        top |= d[n - 2] >> (64 - lz);
        rest = d[n - 2] << lz;
    } else {
        rest = d[n - 2];
    }
    for (int64_t i = n - 3; i >= 0 && !rest; i--) rest = d[i];
    top |= rest != 0;
    int e;
    double m = frexp((double)top, &e);
    double ebits = (double)(n * 64 - lz - 64 + e);
    return ai_float_box(f(m) + f(2.0) * ebits);
}

FUNC(m_log) {
    (void)callable;
    if (call_no_kwargs("log", kwnames) < 0) return AI_ERR;
    if (nargs < 1 || nargs > 2)
        return ai_raise_msg(&ai_exc_TypeError, "math.log requires 1 to 2 arguments");
    ai_value num = log_helper(args[0], log);
    if (!num || nargs == 1) return num;
    ai_value den = log_helper(args[1], log);
    if (!den) return AI_ERR;
    return ai_truediv(num, den);
}
static AI_BUILTIN_FN(bf_log, "log", m_log);

UNARY(log2, log_helper(args[0], log2))
UNARY(log10, log_helper(args[0], log10))

/* ---- pow, fmod, ldexp, frexp, modf ------------------------------------------------------ */

FUNC(m_pow) {
    (void)callable;
    if (two_args("pow", "math.pow", nargs, kwnames) < 0) return AI_ERR;
    double x, y, r;
    if (!mu_real(args[0], &x) || !mu_real(args[1], &y)) return AI_ERR;
    errno = 0;
    if (!isfinite(x) || !isfinite(y)) {
        /* C99's special cases, spelled out for every libm */
        if (isnan(x)) {
            r = y == 0.0 ? 1.0 : x; /* nan**0 = 1 */
        } else if (isnan(y)) {
            r = x == 1.0 ? 1.0 : y; /* 1**nan = 1 */
        } else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.)
                r = odd_y ? x : fabs(x);
            else if (y == 0.)
                r = 1.;
            else
                r = odd_y ? copysign(0., x) : 0.;
        } else { /* y is infinite */
            if (fabs(x) == 1.0)
                r = 1.;
            else if (y > 0. && fabs(x) > 1.0)
                r = y;
            else if (y < 0. && fabs(x) < 1.0)
                r = -y;
            else
                r = 0.;
        }
    } else {
        r = pow(x, y);
        /* NaN: negative base, non-integral exponent; inf: 0**negative
         * (a domain error) or an overflow. */
        if (!isfinite(r)) {
            if (isnan(r))
                errno = EDOM;
            else
                errno = x == 0. ? EDOM : ERANGE;
        }
    }
    if (errno && errno_raises(r)) return AI_ERR;
    return ai_float_box(r);
}
static AI_BUILTIN_FN(bf_pow, "pow", m_pow);

FUNC(m_fmod) {
    (void)callable;
    if (two_args("fmod", "math.fmod", nargs, kwnames) < 0) return AI_ERR;
    double x, y;
    if (!mu_real(args[0], &x) || !mu_real(args[1], &y)) return AI_ERR;
    if (isinf(y) && isfinite(x)) return ai_float_box(x);
    errno = 0;
    double r = fmod(x, y);
    if (isnan(r)) errno = !isnan(x) && !isnan(y) ? EDOM : 0;
    if (errno && errno_raises(r)) return AI_ERR;
    return ai_float_box(r);
}
static AI_BUILTIN_FN(bf_fmod, "fmod", m_fmod);

FUNC(m_ldexp) {
    (void)callable;
    if (two_args("ldexp", "math.ldexp", nargs, kwnames) < 0) return AI_ERR;
    double x, r;
    if (!mu_real(args[0], &x)) return AI_ERR;
    if (!int_check(args[1]))
        return ai_raise_msg(&ai_exc_TypeError, "Expected an int as second argument to ldexp.");
    int64_t e;
    if (!int_to_i64(args[1], &e)) e = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
    if (x == 0. || !isfinite(x)) {
        r = x;
    } else if (e > INT32_MAX) {
        return range_error();
    } else if (e < INT32_MIN) {
        r = copysign(0., x);
    } else {
        errno = 0;
        r = ldexp(x, (int)e);
        if (isinf(r)) return range_error();
    }
    return ai_float_box(r);
}
static AI_BUILTIN_FN(bf_ldexp, "ldexp", m_ldexp);

FUNC(m_frexp) {
    (void)callable;
    if (mu_one_arg("math.frexp", nargs, kwnames) < 0) return AI_ERR;
    double x;
    if (!mu_real(args[0], &x)) return AI_ERR;
    int e = 0;
    /* frexp leaves the exponent unspecified for nan and inf */
    double m = isnan(x) || isinf(x) || x == 0. ? x : frexp(x, &e);
    ai_value items[2] = {ai_float_box(m), ai_smallint(e)};
    return items[0] ? ai_tuple_pack(items, 2) : AI_ERR;
}
static AI_BUILTIN_FN(bf_frexp, "frexp", m_frexp);

FUNC(m_modf) {
    (void)callable;
    if (mu_one_arg("math.modf", nargs, kwnames) < 0) return AI_ERR;
    double x, ip, fp;
    if (!mu_real(args[0], &x)) return AI_ERR;
    if (isinf(x)) {
        fp = copysign(0., x);
        ip = x;
    } else {
        fp = modf(x, &ip);
    }
    ai_value items[2] = {ai_float_box(fp), ai_float_box(ip)};
    return items[0] && items[1] ? ai_tuple_pack(items, 2) : AI_ERR;
}
static AI_BUILTIN_FN(bf_modf, "modf", m_modf);

/* ---- rounding to ints ------------------------------------------------------------------- */

/* A double's integral value as an int, with CPython's errors for inf/nan. */
static ai_value int_of_double(double d) {
    if (isinf(d)) return ai_raise_msg(&ai_exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d)) return ai_raise_msg(&ai_exc_ValueError, "cannot convert float NaN to integer");
    return int_from_double(d);
}

static ai_value round_with(ai_value v, double (*f)(double), const char *dunder) {
    if (int_check(v)) return int_unbool(v);
    if (!float_check(v)) {
        bool found;
        ai_value r = mu_dunder(v, dunder, &found);
        if (!r || found) return r;
    }
    double x;
    if (!mu_real(v, &x)) return AI_ERR;
    return int_of_double(f(x));
}

UNARY(floor, round_with(args[0], floor, "__floor__"))
UNARY(ceil, round_with(args[0], ceil, "__ceil__"))

FUNC(m_trunc) {
    (void)callable;
    if (mu_one_arg("math.trunc", nargs, kwnames) < 0) return AI_ERR;
    ai_value v = args[0];
    if (float_check(v)) return int_of_double(trunc(float_get(v)));
    if (int_check(v)) return int_unbool(v);
    bool found;
    ai_value r = mu_dunder(v, "__trunc__", &found);
    if (!r || found) return r;
    return ai_raise_fmt(&ai_exc_TypeError, "type %s doesn't define __trunc__ method",
                        obj_type_name(v));
}
static AI_BUILTIN_FN(bf_trunc, "trunc", m_trunc);

/* ---- predicates and small conversions ------------------------------------------------- */

static ai_value float_pred(ai_value arg, int which) {
    double x;
    if (!mu_real(arg, &x)) return AI_ERR;
    return ai_bool(which == 0 ? isfinite(x) : which == 1 ? isinf(x) : isnan(x));
}

UNARY(isfinite, float_pred(args[0], 0))
UNARY(isinf, float_pred(args[0], 1))
UNARY(isnan, float_pred(args[0], 2))

static ai_value scale(ai_value arg, double k) {
    double x;
    if (!mu_real(arg, &x)) return AI_ERR;
    return ai_float_box(x * k);
}

UNARY(degrees, scale(args[0], 180.0 / PI))
UNARY(radians, scale(args[0], PI / 180.0))

static ai_value ulp_of(ai_value arg) {
    double x;
    if (!mu_real(arg, &x)) return AI_ERR;
    if (isnan(x)) return ai_float_box(x);
    x = fabs(x);
    if (isinf(x)) return ai_float_box(x);
    double up = nextafter(x, INFINITY);
    if (isinf(up)) return ai_float_box(x - nextafter(x, -INFINITY)); /* x is DBL_MAX */
    return ai_float_box(up - x);
}
UNARY(ulp, ulp_of(args[0]))

FUNC(m_nextafter) {
    (void)callable;
    if (two_args("nextafter", "math.nextafter", nargs, kwnames) < 0) return AI_ERR;
    double x, y;
    if (!mu_real(args[0], &x) || !mu_real(args[1], &y)) return AI_ERR;
    return ai_float_box(nextafter(x, y));
}
static AI_BUILTIN_FN(bf_nextafter, "nextafter", m_nextafter);

FUNC(m_isclose) {
    (void)callable;
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    static const mu_clinic spec = {"isclose", names, 0, 2, 2, 2, 0};
    ai_value v[4];
    if (mu_parse(&spec, args, nargs, kwnames, v) < 0) return AI_ERR;
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (!mu_real(v[0], &a) || !mu_real(v[1], &b)) return AI_ERR;
    if (v[2] && !mu_real(v[2], &rel_tol)) return AI_ERR;
    if (v[3] && !mu_real(v[3], &abs_tol)) return AI_ERR;
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return ai_raise_msg(&ai_exc_ValueError, "tolerances must be non-negative");
    if (a == b) return AI_TRUE; /* also equal infinities */
    if (isinf(a) || isinf(b)) return AI_FALSE;
    double diff = fabs(b - a);
    return ai_bool(diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) || diff <= abs_tol);
}
static AI_BUILTIN_FN(bf_isclose, "isclose", m_isclose);

/* ---- hypot and dist -------------------------------------------------------------------- */

/* x*y as hi + lo exactly (fma gives the rounding error of the product). */
typedef struct dbl2 {
    double hi, lo;
} dbl2;
static dbl2 exact_mul(double x, double y) {
    double p = x * y;
    return (dbl2){p, fma(x, y, -p)};
}
/* a+b as hi + lo exactly, for |a| >= |b|. */
static dbl2 exact_add(double a, double b) {
    double s = a + b;
    return (dbl2){s, (a - s) + b};
}

/* The Euclidean norm of vec[0..n) (absolute values, none nan unless
 * found_nan; max the largest). The inputs are scaled by a power of two so
 * the largest is in [0.5, 1); the squares are summed exactly into a
 * running value near 1.0 plus two small error terms; the square root
 * gets one Newton correction. This is the arithmetic CPython 3.11 uses,
 * which rounds correctly in nearly all cases. */
static double vector_norm(int64_t n, double *vec, double max, bool found_nan) {
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        /* all subnormal-ish: scaling by 2**-max_e would overflow */
        for (int64_t i = 0; i < n; i++) vec[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double sc = ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (int64_t i = 0; i < n; i++) {
        double x = vec[i] * sc;
        dbl2 sq = exact_mul(x, x);
        dbl2 sm = exact_add(csum, sq.hi);
        csum = sm.hi;
        frac1 += sq.lo;
        frac2 += sm.lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    dbl2 sq = exact_mul(-h, h);
    dbl2 sm = exact_add(csum, sq.hi);
    csum = sm.hi;
    frac1 += sq.lo;
    frac2 += sm.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / sc;
}

FUNC(m_hypot) {
    (void)callable;
    if (call_no_kwargs("math.hypot", kwnames) < 0) return AI_ERR;
    double small[16];
    double *v = nargs <= 16 ? small : malloc((size_t)nargs * sizeof(double));
    if (!v) return exc_nomem();
    double max = 0.0;
    bool found_nan = false;
    ai_value r = AI_ERR;
    for (int64_t i = 0; i < nargs; i++) {
        double x;
        if (!mu_real(args[i], &x)) goto done;
        x = fabs(x);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    r = ai_float_box(vector_norm(nargs, v, max, found_nan));
done:
    if (v != small) free(v);
    return r;
}
static AI_BUILTIN_FN(bf_hypot, "hypot", m_hypot);

static ai_value as_tuple(ai_value v) {
    if (tuple_check(v)) return v;
    ai_value l = list_from_iter(v);
    return l ? ai_list_to_tuple(l) : AI_ERR;
}

FUNC(m_dist) {
    (void)callable;
    if (two_args("dist", "math.dist", nargs, kwnames) < 0) return AI_ERR;
    ai_value p = as_tuple(args[0]), q = p ? as_tuple(args[1]) : 0;
    if (!q) return AI_ERR;
    int64_t n = tuple_obj(p)->len;
    if (n != tuple_obj(q)->len)
        return ai_raise_msg(&ai_exc_ValueError, "both points must have the same number of dimensions");
    double small[16];
    double *v = n <= 16 ? small : malloc((size_t)n * sizeof(double));
    if (!v) return exc_nomem();
    double max = 0.0;
    bool found_nan = false;
    ai_value r = AI_ERR;
    for (int64_t i = 0; i < n; i++) {
        double a, b;
        if (!mu_real(tuple_obj(p)->items[i], &a) || !mu_real(tuple_obj(q)->items[i], &b)) goto done;
        double x = fabs(a - b);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    r = ai_float_box(vector_norm(n, v, max, found_nan));
done:
    if (v != small) free(v);
    return r;
}
static AI_BUILTIN_FN(bf_dist, "dist", m_dist);

/* ---- fsum --------------------------------------------------------------------------------- */

/* Shewchuk's algorithm: the running sum is kept exactly as a list of
 * non-overlapping partials (increasing magnitude); at the end they are
 * added from the top with a half-even fix-up across partials, giving the
 * correctly rounded sum. inf/nan summands are tracked apart. */
FUNC(m_fsum) {
    (void)callable;
    if (mu_one_arg("math.fsum", nargs, kwnames) < 0) return AI_ERR;
    ai_value it = ai_iter(args[0]);
    if (!it) return AI_ERR;
    double small[32];
    double *p = small;
    int64_t n = 0, cap = 32;
    double special = 0.0, infs = 0.0;
    ai_value r = AI_ERR, item;
    int32_t got;
    while ((got = ai_for_next(it, &item)) == 1) {
        double x;
        if (!mu_real(item, &x)) goto done;
        double orig = x;
        int64_t i = 0;
        for (int64_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x == 0.0) continue;
        if (!isfinite(x)) {
            /* either an inf/nan summand, or the partials overflowed */
            if (isfinite(orig)) {
                ai_raise_msg(&ai_exc_OverflowError, "intermediate overflow in fsum");
                goto done;
            }
            if (isinf(orig)) infs += orig;
            special += orig;
            n = 0;
            continue;
        }
        if (n == cap) {
            double *np = malloc((size_t)cap * 2 * sizeof(double));
            if (!np) {
                exc_nomem();
                goto done;
            }
            memcpy(np, p, (size_t)n * sizeof(double));
            if (p != small) free(p);
            p = np;
            cap *= 2;
        }
        p[n++] = x;
    }
    if (got < 0) goto done;
    if (special != 0.0) {
        if (isnan(infs))
            ai_raise_msg(&ai_exc_ValueError, "-inf + inf in fsum");
        else
            r = ai_float_box(special);
        goto done;
    }
    double hi = 0.0;
    if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) break;
        }
        /* hi + lo is exact; the partials below lo decide a tie */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y;
            if (y == x - hi) hi = x;
        }
    }
    r = ai_float_box(hi);
done:
    if (p != small) free(p);
    return r;
}
static AI_BUILTIN_FN(bf_fsum, "fsum", m_fsum);

/* ---- prod ----------------------------------------------------------------------------------- */

FUNC(m_prod) {
    (void)callable;
    static const char *const names[] = {"iterable", "start"};
    static const mu_clinic spec = {"prod", names, 1, 1, 1, 1, 0};
    ai_value a[2];
    if (mu_parse(&spec, args, nargs, kwnames, a) < 0) return AI_ERR;
    ai_value acc = a[1] ? a[1] : ai_smallint(1);
    ai_value it = ai_iter(a[0]);
    if (!it) return AI_ERR;
    ai_value item;
    int32_t got;
    while ((got = ai_for_next(it, &item)) == 1)
        if (!(acc = ai_mul(acc, item))) return AI_ERR;
    return got < 0 ? AI_ERR : acc;
}
static AI_BUILTIN_FN(bf_prod, "prod", m_prod);

/* ---- integer functions --------------------------------------------------------------------- */

static ai_value gcd2(ai_value a, ai_value b) {
    int64_t x, y;
    if (ai_is_smallint(a) && ai_is_smallint(b) && int_to_i64(a, &x) && int_to_i64(b, &y)) {
        uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        uint64_t v = y < 0 ? (uint64_t)0 - (uint64_t)y : (uint64_t)y;
        while (v) {
            uint64_t t = u % v;
            u = v;
            v = t;
        }
        return int_from_u64(u, false);
    }
    mpz_t p, q;
    mpz_init(p);
    mpz_init(q);
    mu_int_to_mpz(a, p);
    mu_int_to_mpz(b, q);
    mpz_gcd(p, p, q);
    ai_value r = mu_int_from_mpz(p);
    mpz_clear(p);
    mpz_clear(q);
    return r;
}

FUNC(m_gcd) {
    (void)callable;
    if (call_no_kwargs("math.gcd", kwnames) < 0) return AI_ERR;
    if (nargs == 0) return ai_smallint(0);
    ai_value r = mu_index(args[0]);
    if (!r) return AI_ERR;
    if (nargs == 1) return obj_abs(r);
    for (int64_t i = 1; i < nargs; i++) {
        ai_value x = mu_index(args[i]);
        if (!x) return AI_ERR;
        if (r == ai_smallint(1)) continue; /* only check the remaining types */
        if (!(r = gcd2(r, x))) return AI_ERR;
    }
    return r;
}
static AI_BUILTIN_FN(bf_gcd, "gcd", m_gcd);

FUNC(m_lcm) {
    (void)callable;
    if (call_no_kwargs("math.lcm", kwnames) < 0) return AI_ERR;
    if (nargs == 0) return ai_smallint(1);
    ai_value r = mu_index(args[0]);
    if (!r) return AI_ERR;
    if (nargs == 1) return obj_abs(r);
    for (int64_t i = 1; i < nargs; i++) {
        ai_value x = mu_index(args[i]);
        if (!x) return AI_ERR;
        if (r == ai_smallint(0)) continue;
        if (x == ai_smallint(0)) {
            r = ai_smallint(0);
            continue;
        }
        ai_value g = gcd2(r, x), f = g ? ai_floordiv(r, g) : 0, m = f ? ai_mul(f, x) : 0;
        if (!m || !(r = obj_abs(m))) return AI_ERR;
    }
    return r;
}
static AI_BUILTIN_FN(bf_lcm, "lcm", m_lcm);

static ai_value factorial_of(ai_value arg) {
    ai_value n = mu_index(arg);
    if (!n) return AI_ERR;
    int64_t k;
    if (!int_to_i64(n, &k)) {
        if (int_sign(n) < 0) goto negative;
        return ai_raise_fmt(&ai_exc_OverflowError, "factorial() argument should not exceed %lld",
                            (long long)INT64_MAX);
    }
    if (k < 0) goto negative;
    if (k <= 20) {
        uint64_t f = 1;
        for (int64_t i = 2; i <= k; i++) f *= (uint64_t)i;
        return int_from_u64(f, false);
    }
    mpz_t z;
    mpz_init(z);
    mpz_fac_ui(z, (unsigned long)k);
    ai_value r = mu_int_from_mpz(z);
    mpz_clear(z);
    return r;
negative:
    return ai_raise_msg(&ai_exc_ValueError, "factorial() not defined for negative values");
}

UNARY(factorial, factorial_of(args[0]))

static ai_value isqrt_of(ai_value arg) {
    ai_value n = mu_index(arg);
    if (!n) return AI_ERR;
    if (int_sign(n) < 0) return ai_raise_msg(&ai_exc_ValueError, "isqrt() argument must be nonnegative");
    mpz_t z;
    mpz_init(z);
    mu_int_to_mpz(n, z);
    mpz_sqrt(z, z);
    ai_value r = mu_int_from_mpz(z);
    mpz_clear(z);
    return r;
}

UNARY(isqrt, isqrt_of(args[0]))

/* comb(n, k) or (with_fact) perm(n, k) = comb(n, k) * k!. */
static ai_value comb_perm(ai_value nv, ai_value kv, bool perm) {
    ai_value n = mu_index(nv);
    if (!n) return AI_ERR;
    ai_value k = mu_index(kv);
    if (!k) return AI_ERR;
    if (int_sign(n) < 0) return ai_raise_msg(&ai_exc_ValueError, "n must be a non-negative integer");
    if (int_sign(k) < 0) return ai_raise_msg(&ai_exc_ValueError, "k must be a non-negative integer");
    if (int_cmp(k, n) > 0) return ai_smallint(0);
    int64_t kk;
    if (perm && !int_to_i64(k, &kk))
        return ai_raise_fmt(&ai_exc_OverflowError, "k must not exceed %lld", (long long)INT64_MAX);
    if (!perm) {
        /* comb(n, k) == comb(n, n - k): use the smaller */
        ai_value d = ai_sub(n, k);
        if (!d) return AI_ERR;
        if (int_cmp(d, k) < 0) k = d;
        if (!int_to_i64(k, &kk))
            return ai_raise_fmt(&ai_exc_OverflowError, "min(n - k, k) must not exceed %lld",
                                (long long)INT64_MAX);
    }
    mpz_t z, f;
    mpz_init(z);
    mu_int_to_mpz(n, z);
    mpz_bin_ui(z, z, (unsigned long)kk);
    if (perm) {
        mpz_init(f);
        mpz_fac_ui(f, (unsigned long)kk);
        mpz_mul(z, z, f);
        mpz_clear(f);
    }
    ai_value r = mu_int_from_mpz(z);
    mpz_clear(z);
    return r;
}

FUNC(m_comb) {
    (void)callable;
    if (two_args("comb", "math.comb", nargs, kwnames) < 0) return AI_ERR;
    return comb_perm(args[0], args[1], false);
}
static AI_BUILTIN_FN(bf_comb, "comb", m_comb);

FUNC(m_perm) {
    (void)callable;
    if (mu_pos_range("math.perm", "perm", nargs, kwnames, 1, 2) < 0) return AI_ERR;
    if (nargs == 1 || args[1] == AI_NONE) return factorial_of(args[0]);
    return comb_perm(args[0], args[1], true);
}
static AI_BUILTIN_FN(bf_perm, "perm", m_perm);

/* For compiled float trees (compiler/emit_float.c): a call whose callee is
 * one of these objects, with a float (or an exactly convertible small
 * int) argument and a finite libm result, is that libm function inline;
 * anything else calls the object. The order is the compiler's
 * (infer.c, math_names). */
AI_API const ai_builtin_fn *const ai_math_leaf_fns[7];
const ai_builtin_fn *const ai_math_leaf_fns[7] = {&bf_sqrt, &bf_sin, &bf_cos, &bf_exp, &bf_fabs, &bf_tan, &bf_atan};

/* ---- the module ------------------------------------------------------------------------------ */

static ai_builtin_fn *const functions[] = {
    &bf_acos,  &bf_acosh,    &bf_asin,      &bf_asinh,     &bf_atan,     &bf_atan2,
    &bf_atanh, &bf_cbrt,     &bf_ceil,      &bf_comb,      &bf_copysign, &bf_cos,
    &bf_cosh,  &bf_degrees,  &bf_dist,      &bf_erf,       &bf_erfc,     &bf_exp,
    &bf_exp2,  &bf_expm1,    &bf_fabs,      &bf_factorial, &bf_floor,    &bf_fmod,
    &bf_frexp, &bf_fsum,     &bf_gamma,     &bf_gcd,       &bf_hypot,    &bf_isclose,
    &bf_isfinite, &bf_isinf, &bf_isnan,     &bf_isqrt,     &bf_lcm,      &bf_ldexp,
    &bf_lgamma, &bf_log,     &bf_log10,     &bf_log1p,     &bf_log2,     &bf_modf,
    &bf_nextafter, &bf_perm, &bf_pow,       &bf_prod,      &bf_radians,  &bf_remainder,
    &bf_sin,   &bf_sinh,     &bf_sqrt,      &bf_tan,       &bf_tanh,     &bf_trunc,
    &bf_ulp,
};

static int init(ai_value m) {
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        if (mod_add_fn(m, functions[i]) < 0) return -1;
    if (mod_add(m, "pi", ai_const_float(PI)) < 0 || mod_add(m, "e", ai_const_float(M_E)) < 0 ||
        mod_add(m, "tau", ai_const_float(2.0 * PI)) < 0 ||
        mod_add(m, "inf", ai_const_float(INFINITY)) < 0 || mod_add(m, "nan", ai_const_float(NAN)) < 0)
        return -1;
    return 0;
}

const mod_def mod_math = {"math", init};
