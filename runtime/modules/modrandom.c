/*
 * modules/modrandom.c — the random module: a Mersenne Twister (MT19937)
 * seeded exactly as CPython 3.11 seeds it, and CPython's algorithms on
 * top of it, so that a program calling random.seed(42) draws the very
 * numbers CPython draws.
 *
 * Layout: Random is a builtin type whose instance holds the generator
 * state inline (no ai_values, so nothing for the collector to trace). The
 * module-level functions are the bound methods of one hidden immortal
 * instance, as in CPython; random.Random(x) makes more instances.
 *
 * Exactness: seeding (init_by_array over the 32-bit words of |n|, str and
 * bytes through SHA-512, floats through their hash), random() (53 bits
 * from two 32-bit outputs), getrandbits (words least significant first),
 * _randbelow (getrandbits(k) with rejection), randrange, choice, shuffle,
 * sample (including its set/pool switch-over), choices, gauss (with its
 * cached second value) and the other variates follow CPython 3.11's
 * random.py step by step; arithmetic on user-supplied bounds goes through
 * the generic number protocol so int/float results and errors match.
 *
 * Concurrency: each generator carries a spin lock held only while words
 * are drawn (never across calls into Python code), so actors on several
 * workers may share the module's instance safely. That instance lives in
 * the immortal static heap although it changes: it holds no ai_values
 * (nothing for a collector to see) and every change is made under its
 * lock, which is what alloc.h's rule A5 protects.
 *
 * Not handled: DeprecationWarnings (randrange(5.0) is accepted silently),
 * SystemRandom, subclassing Random.
 */
#include "gc/gc.h"
#include "modules/modutil.h"
#include "modules/sha512.h"
#include "objects/text.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

/* ---- the generator ------------------------------------------------------------------- */

#define MT_N 624
#define MT_M 397

typedef struct rnd_obj {
    ai_object ob;
    atomic_int lock;  /* 0 free, 1 held (see rnd_lock) */
    int32_t index;    /* next state word to temper; MT_N: regenerate first */
    int32_t has_gauss; /* gauss() cached its second value in gauss_next */
    int32_t _pad;
    double gauss_next;
    uint32_t mt[MT_N];
} rnd_obj;

extern ai_type rnd_type;

static rnd_obj *rnd(ai_value v) { return (rnd_obj *)ai_obj(v); }

/* The lock guards mt/index/gauss. It is held for a bounded, call-free
 * stretch of C code, so spinning (yielding the CPU) is enough. */
static void rnd_lock(rnd_obj *r) {
    /* acquire: the holder's writes to the state happen-before our reads */
    while (atomic_exchange_explicit(&r->lock, 1, memory_order_acquire)) sched_yield();
}
static void rnd_unlock(rnd_obj *r) {
    /* release: publish our state writes to the next holder */
    atomic_store_explicit(&r->lock, 0, memory_order_release);
}

static void mt_init(rnd_obj *r, uint32_t s) {
    r->mt[0] = s;
    for (uint32_t i = 1; i < MT_N; i++)
        r->mt[i] = 1812433253u * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + i;
    r->index = MT_N;
}

/* Matsumoto and Nishimura's init_by_array (the 2002 reference seeding). */
static void mt_init_by_array(rnd_obj *r, const uint32_t *key, size_t len) {
    uint32_t *mt = r->mt;
    mt_init(r, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= len) j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u; /* the top bit set: the state is never all zero */
}

static uint32_t mt_next(rnd_obj *r) {
    uint32_t *mt = r->mt;
    if (r->index >= MT_N) {
        /* regenerate the whole state: twist pairs of adjacent words */
        int k;
        uint32_t y;
#define TWIST(a, b, c) \
    (y = ((a) & 0x80000000u) | ((b) & 0x7fffffffu), (c) ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u))
        for (k = 0; k < MT_N - MT_M; k++) mt[k] = TWIST(mt[k], mt[k + 1], mt[k + MT_M]);
        for (; k < MT_N - 1; k++) mt[k] = TWIST(mt[k], mt[k + 1], mt[k + MT_M - MT_N]);
        mt[MT_N - 1] = TWIST(mt[MT_N - 1], mt[0], mt[MT_M - 1]);
#undef TWIST
        r->index = 0;
    }
    uint32_t y = mt[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

/* random(): 27 + 26 bits from two outputs, as a double in [0, 1). */
static double mt_double_locked(rnd_obj *r) {
    uint32_t a = mt_next(r) >> 5, b = mt_next(r) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

static double rnd_double(rnd_obj *r) {
    rnd_lock(r);
    double d = mt_double_locked(r);
    rnd_unlock(r);
    return d;
}

/* getrandbits(k) for 0 < k <= 64: words least significant first, the
 * last one keeping its top bits. */
static uint64_t bits_u64_locked(rnd_obj *r, int k) {
    if (k <= 32) return mt_next(r) >> (32 - k);
    uint64_t lo = mt_next(r);
    uint64_t hi = mt_next(r) >> (64 - k);
    return lo | hi << 32;
}

/* getrandbits(k) for any k >= 0, as an int. */
static ai_value rnd_bits(rnd_obj *r, int64_t k) {
    if (k == 0) return ai_smallint(0);
    if (k <= 64) {
        rnd_lock(r);
        uint64_t v = bits_u64_locked(r, (int)k);
        rnd_unlock(r);
        return int_from_u64(v, false);
    }
    int64_t nw = (k - 1) / 32 + 1;
    if (nw > ((int64_t)1 << 40)) return exc_nomem();
    uint32_t *w = malloc((size_t)nw * sizeof(uint32_t));
    if (!w) return exc_nomem();
    rnd_lock(r);
    for (int64_t i = 0; i < nw; i++, k -= 32) {
        uint32_t x = mt_next(r);
        if (k < 32) x >>= 32 - k;
        w[i] = x;
    }
    rnd_unlock(r);
    ai_value v = mu_int_from_u32_words(w, nw);
    free(w);
    return v;
}

/* _randbelow(n) for an int n > 0: getrandbits(n.bit_length()) until the
 * draw is below n (CPython 3.11's _randbelow_with_getrandbits). */
static ai_value rnd_below(rnd_obj *r, ai_value n) {
    int64_t k = mu_int_bitlen(n);
    if (k <= 64) {
        uint64_t buf, lim;
        int64_t nl;
        lim = *mu_int_limbs(n, &nl, &buf);
        rnd_lock(r);
        uint64_t v;
        do v = bits_u64_locked(r, (int)k);
        while (v >= lim);
        rnd_unlock(r);
        return int_from_u64(v, false);
    }
    for (;;) {
        ai_value v = rnd_bits(r, k);
        if (!v) return AI_ERR;
        if (int_cmp(v, n) < 0) return v;
    }
}

/* _randbelow for a count known to fit int64 (sequence lengths). */
static int64_t rnd_below_i64(rnd_obj *r, int64_t n) {
    if (n <= 0) return 0; /* callers never pass it: clz(0) is undefined */
    int k = 64 - __builtin_clzll((uint64_t)n);
    rnd_lock(r);
    uint64_t v;
    do v = bits_u64_locked(r, k);
    while (v >= (uint64_t)n);
    rnd_unlock(r);
    return (int64_t)v;
}

/* ---- seeding ----------------------------------------------------------------------------- */

/* init_by_array over the 32-bit words of |n| (n an int value); zero is
 * one zero word. */
static void seed_int(rnd_obj *r, ai_value n) {
    uint64_t buf;
    int64_t nl;
    const uint64_t *d = mu_int_limbs(n, &nl, &buf);
    size_t nw = (size_t)nl * 2;
    uint32_t small[16];
    uint32_t *key = nw <= 16 ? small : malloc(nw * sizeof(uint32_t));
    if (!key) {
        /* out of memory for a huge seed: fall back to its low words */
        key = small;
        nw = 16;
        nl = 8;
    }
    for (int64_t i = 0; i < nl; i++) {
        key[2 * i] = (uint32_t)d[i];
        key[2 * i + 1] = (uint32_t)(d[i] >> 32);
    }
    while (nw > 1 && key[nw - 1] == 0) nw--;
    if (nw == 0) {
        key[0] = 0;
        nw = 1;
    }
    rnd_lock(r);
    mt_init_by_array(r, key, nw);
    r->has_gauss = 0;
    rnd_unlock(r);
    if (key != small) free(key);
}

/* Seed from the OS (getrandom, falling back to the clock and pid). */
static void seed_os(rnd_obj *r) {
    uint32_t key[MT_N];
    size_t got = 0;
    while (got < sizeof key) {
        ssize_t n = getrandom((char *)key + got, sizeof key - got, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        got += (size_t)n;
    }
    size_t len = MT_N;
    if (got < sizeof key) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        key[0] = (uint32_t)ts.tv_sec;
        key[1] = (uint32_t)ts.tv_nsec;
        key[2] = (uint32_t)getpid();
        clock_gettime(CLOCK_MONOTONIC, &ts);
        key[3] = (uint32_t)ts.tv_nsec;
        len = 4;
    }
    rnd_lock(r);
    mt_init_by_array(r, key, len);
    r->has_gauss = 0;
    rnd_unlock(r);
}

/* version 2 seeding of str/bytes: int.from_bytes(b + sha512(b).digest())
 * (big-endian), whose words are read from the end of the buffer. */
static int seed_bytes(rnd_obj *r, const uint8_t *p, size_t len) {
    size_t total = len + 64;
    uint8_t *b = malloc(total);
    if (!b) {
        exc_nomem();
        return -1;
    }
    if (len) memcpy(b, p, len);
    sha512_digest(p, len, b + len);
    size_t nw = (total + 3) / 4;
    uint32_t *key = malloc(nw * sizeof(uint32_t));
    if (!key) {
        free(b);
        exc_nomem();
        return -1;
    }
    for (size_t i = 0; i < nw; i++) {
        uint32_t w = 0;
        for (size_t j = 0; j < 4; j++) {
            size_t bi = i * 4 + j; /* byte index from the least significant end */
            if (bi < total) w |= (uint32_t)b[total - 1 - bi] << (8 * j);
        }
        key[i] = w;
    }
    while (nw > 1 && key[nw - 1] == 0) nw--;
    rnd_lock(r);
    mt_init_by_array(r, key, nw);
    r->has_gauss = 0;
    rnd_unlock(r);
    free(key);
    free(b);
    return 0;
}

/* version 1 seeding of str/bytes: the old string hash of Python 2. */
static ai_value seed_v1_value(ai_value a) {
    uint64_t x = 0;
    int64_t n;
    if (str_check(a)) {
        ai_strobj *s = str_obj(a);
        n = s->len;
        if (n) x = (uint64_t)str_char(s, 0) << 7;
        for (int64_t i = 0; i < n; i++) x = (1000003u * x) ^ str_char(s, i);
    } else {
        const unsigned char *p = bytes_buffer(a, &n);
        if (n) x = (uint64_t)p[0] << 7;
        for (int64_t i = 0; i < n; i++) x = (1000003u * x) ^ p[i];
    }
    x ^= (uint64_t)n;
    return int_from_u64(x, false);
}

static int do_seed(rnd_obj *r, ai_value a, ai_value version) {
    int32_t v1 = ai_compare_bool(version, ai_smallint(1), AI_CMP_EQ), v2 = 0;
    if (v1 < 0 || (!v1 && (v2 = ai_compare_bool(version, ai_smallint(2), AI_CMP_EQ)) < 0))
        return -1;
    bool is_str = str_check(a), is_bytes = bytes_check(a), is_ba = bytearray_check(a);
    if (v1 && (is_str || is_bytes)) {
        ai_value n = seed_v1_value(a);
        if (!n) return -1;
        seed_int(r, n);
        return 0;
    }
    if (v2 && (is_str || is_bytes || is_ba)) {
        int64_t len;
        const uint8_t *p = is_str ? (const uint8_t *)str_utf8_strict(a, &len) : bytes_buffer(a, &len);
        return p ? seed_bytes(r, p, (size_t)len) : -1;
    }
    if (a != AI_NONE && !int_check(a) && !float_check(a) && !is_str && !is_bytes && !is_ba) {
        ai_raise_msg(&ai_exc_TypeError, "The only supported seed types are: None,\n"
                                        "int, float, str, bytes, and bytearray.");
        return -1;
    }
    if (a == AI_NONE) {
        seed_os(r);
        return 0;
    }
    if (int_check(a)) {
        seed_int(r, a);
        return 0;
    }
    /* other hashable seeds go by their hash, taken as an unsigned word */
    int64_t h = obj_hash(a);
    if (h == -1) return -1;
    ai_value n = int_from_u64((uint64_t)h, false);
    if (!n) return -1;
    seed_int(r, n);
    return 0;
}

/* ---- signatures ------------------------------------------------------------------------ */

/* CPython writes these methods in Python: their argument errors are
 * those of def statements (qualname Random.xxx, self counted). */
enum {
    SIG_INIT, SIG_SEED, SIG_SETSTATE, SIG_RANDRANGE, SIG_RANDINT, SIG_CHOICE, SIG_SHUFFLE,
    SIG_SAMPLE, SIG_CHOICES, SIG_UNIFORM, SIG_TRIANGULAR, SIG_NORMAL, SIG_GAUSS, SIG_LOGNORM,
    SIG_EXPO, SIG_VONMISES, SIG_GAMMA, SIG_BETA, SIG_PARETO, SIG_WEIBULL, SIG_RANDBYTES,
    SIG_GETSTATE, NSIGS
};
static mu_pysig sigs[NSIGS];
static ai_value c_zero, c_one; /* immortal 0.0 and 1.0 */

static const char *const n_init[] = {"self", "x"};
static const char *const n_seed[] = {"self", "a", "version"};
static const char *const n_setstate[] = {"self", "state"};
static const char *const n_randrange[] = {"self", "start", "stop", "step"};
static const char *const n_ab[] = {"self", "a", "b"};
static const char *const n_seq[] = {"self", "seq"};
static const char *const n_x[] = {"self", "x"};
static const char *const n_sample[] = {"self", "population", "k", "counts"};
static const char *const n_choices[] = {"self", "population", "weights", "cum_weights", "k"};
static const char *const n_tri[] = {"self", "low", "high", "mode"};
static const char *const n_musigma[] = {"self", "mu", "sigma"};
static const char *const n_lambd[] = {"self", "lambd"};
static const char *const n_mukappa[] = {"self", "mu", "kappa"};
static const char *const n_alphabeta[] = {"self", "alpha", "beta"};
static const char *const n_alpha[] = {"self", "alpha"};
static const char *const n_n[] = {"self", "n"};
static const char *const n_self[] = {"self"};

static int sigs_init(void) {
    ai_value none = AI_NONE, one = ai_smallint(1), kw1[1] = {AI_NONE}, kw2[2] = {AI_NONE, one};
    ai_value d_seed[2] = {AI_NONE, ai_smallint(2)}, d_range[2] = {none, one};
    ai_value d_tri[3] = {c_zero, c_one, none}, d_ms[2] = {c_zero, c_one};
#define SIG(i, qn, np, names, nd, defs, nkw, kwd) \
    if (mu_pysig_init(&sigs[i], &(qn)[7], qn, np, names, nd, defs, nkw, kwd) < 0) return -1
    SIG(SIG_INIT, "Random.__init__", 2, n_init, 1, &none, 0, NULL);
    SIG(SIG_SEED, "Random.seed", 3, n_seed, 2, d_seed, 0, NULL);
    SIG(SIG_SETSTATE, "Random.setstate", 2, n_setstate, 0, NULL, 0, NULL);
    SIG(SIG_GETSTATE, "Random.getstate", 1, n_self, 0, NULL, 0, NULL);
    SIG(SIG_RANDRANGE, "Random.randrange", 4, n_randrange, 2, d_range, 0, NULL);
    SIG(SIG_RANDINT, "Random.randint", 3, n_ab, 0, NULL, 0, NULL);
    SIG(SIG_CHOICE, "Random.choice", 2, n_seq, 0, NULL, 0, NULL);
    SIG(SIG_SHUFFLE, "Random.shuffle", 2, n_x, 0, NULL, 0, NULL);
    SIG(SIG_SAMPLE, "Random.sample", 3, n_sample, 0, NULL, 1, kw1);
    SIG(SIG_CHOICES, "Random.choices", 3, n_choices, 1, &none, 2, kw2);
    SIG(SIG_UNIFORM, "Random.uniform", 3, n_ab, 0, NULL, 0, NULL);
    SIG(SIG_TRIANGULAR, "Random.triangular", 4, n_tri, 3, d_tri, 0, NULL);
    SIG(SIG_NORMAL, "Random.normalvariate", 3, n_musigma, 2, d_ms, 0, NULL);
    SIG(SIG_GAUSS, "Random.gauss", 3, n_musigma, 2, d_ms, 0, NULL);
    SIG(SIG_LOGNORM, "Random.lognormvariate", 3, n_musigma, 0, NULL, 0, NULL);
    SIG(SIG_EXPO, "Random.expovariate", 2, n_lambd, 0, NULL, 0, NULL);
    SIG(SIG_VONMISES, "Random.vonmisesvariate", 3, n_mukappa, 0, NULL, 0, NULL);
    SIG(SIG_GAMMA, "Random.gammavariate", 3, n_alphabeta, 0, NULL, 0, NULL);
    SIG(SIG_BETA, "Random.betavariate", 3, n_alphabeta, 0, NULL, 0, NULL);
    SIG(SIG_PARETO, "Random.paretovariate", 2, n_alpha, 0, NULL, 0, NULL);
    SIG(SIG_WEIBULL, "Random.weibullvariate", 3, n_alphabeta, 0, NULL, 0, NULL);
    SIG(SIG_RANDBYTES, "Random.randbytes", 2, n_n, 0, NULL, 0, NULL);
#undef SIG
    return 0;
}

#define METHOD(fn) \
    static ai_value fn(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames)
#define BIND(sig, n) \
    ai_value a[n];   \
    if (mu_bind(&sigs[sig], self, args, nargs, kwnames, a) < 0) return AI_ERR

/* ---- small generic helpers --------------------------------------------------------------- */

static int64_t obj_len(ai_value v) {
    const ai_slots *s = obj_slots(v);
    if (!s->len) {
        ai_raise_fmt(&ai_exc_TypeError, "object of type '%s' has no len()", obj_type_name(v));
        return -1;
    }
    return s->len(v);
}

static ai_value box(double d) { return ai_float_box(d); }

/* math.sqrt of a number value, with its domain error. */
static bool sqrt_of(ai_value v, double *out) {
    double x;
    if (!mu_real(v, &x)) return false;
    if (x < 0) {
        ai_raise_msg(&ai_exc_ValueError, "math domain error");
        return false;
    }
    *out = sqrt(x);
    return true;
}

/* ---- core methods ------------------------------------------------------------------------ */

METHOD(r_random) {
    (void)args;
    if (mu_no_args("Random.random", nargs, kwnames) < 0) return AI_ERR;
    return box(rnd_double(rnd(self)));
}

METHOD(r_getrandbits) {
    if (mu_one_arg("Random.getrandbits", nargs, kwnames) < 0) return AI_ERR;
    bool fits, err;
    int64_t k = obj_index_i64(args[0], &fits, &err);
    if (err) return AI_ERR;
    if (k < 0) return ai_raise_msg(&ai_exc_ValueError, "number of bits must be non-negative");
    if (!fits || k > INT32_MAX)
        return ai_raise_msg(&ai_exc_OverflowError, "Python int too large to convert to C int");
    return rnd_bits(rnd(self), k);
}

METHOD(r_seed) {
    BIND(SIG_SEED, 3);
    if (do_seed(rnd(self), a[1], a[2]) < 0) return AI_ERR;
    return AI_NONE;
}

METHOD(r_getstate) {
    BIND(SIG_GETSTATE, 1);
    ai_value t = tuple_new(MT_N + 1);
    if (!t) return AI_ERR;
    rnd_obj *r = rnd(self);
    uint32_t words[MT_N];
    rnd_lock(r);
    memcpy(words, r->mt, sizeof words);
    int32_t index = r->index, has = r->has_gauss;
    double g = r->gauss_next;
    rnd_unlock(r);
    for (int i = 0; i < MT_N; i++) {
        tuple_obj(t)->items[i] = int_from_u64(words[i], false);
        gc_barrier(ai_obj(t), tuple_obj(t)->items[i]);
    }
    tuple_obj(t)->items[MT_N] = ai_smallint(index);
    ai_value items[3] = {ai_smallint(3), t, has ? box(g) : AI_NONE};
    if (!items[2]) return AI_ERR;
    return ai_tuple_pack(items, 3);
}

METHOD(r_setstate) {
    BIND(SIG_SETSTATE, 2);
    ai_value state = a[1];
    ai_value version = ai_getitem(state, ai_smallint(0));
    if (!version) return AI_ERR;
    int32_t is3 = ai_compare_bool(version, ai_smallint(3), AI_CMP_EQ), is2 = 0;
    if (is3 < 0) return AI_ERR;
    if (!is3 && (is2 = ai_compare_bool(version, ai_smallint(2), AI_CMP_EQ)) < 0) return AI_ERR;
    if (!is3 && !is2) {
        ai_value vr = ai_str(version);
        if (!vr) return AI_ERR;
        return ai_raise_fmt(&ai_exc_ValueError,
                            "state with version %s passed to Random.setstate() of version 3",
                            str_utf8(vr, NULL));
    }
    ai_value parts[3];
    if (ai_unpack(state, 3, parts) < 0) return AI_ERR;
    ai_value vec = parts[1], gauss = parts[2];
    if (!tuple_check(vec)) return ai_raise_msg(&ai_exc_TypeError, "state vector must be a tuple");
    if (tuple_obj(vec)->len != MT_N + 1)
        return ai_raise_msg(&ai_exc_ValueError, "state vector is the wrong size");
    uint32_t words[MT_N];
    for (int i = 0; i < MT_N; i++) {
        ai_value w = tuple_obj(vec)->items[i];
        if (is2 && !(w = ai_mod(w, int_from_u64((uint64_t)1 << 32, false)))) return AI_ERR;
        if (!int_check(w)) return ai_raise_msg(&ai_exc_TypeError, "an integer is required");
        if (int_sign(w) < 0)
            return ai_raise_msg(&ai_exc_OverflowError, "can't convert negative value to unsigned int");
        if (mu_int_bitlen(w) > 64)
            return ai_raise_msg(&ai_exc_OverflowError,
                                "Python int too large to convert to C unsigned long");
        uint64_t buf;
        int64_t nl;
        const uint64_t *d = mu_int_limbs(w, &nl, &buf);
        words[i] = nl ? (uint32_t)d[0] : 0;
    }
    ai_value iv = tuple_obj(vec)->items[MT_N];
    if (!int_check(iv)) return ai_raise_msg(&ai_exc_TypeError, "an integer is required");
    int64_t index;
    if (!int_to_i64(iv, &index))
        return ai_raise_msg(&ai_exc_OverflowError, "Python int too large to convert to C long");
    if (index < 0 || index > MT_N) return ai_raise_msg(&ai_exc_ValueError, "invalid state");
    double g = 0.0;
    bool has = gauss != AI_NONE;
    if (has && !mu_real(gauss, &g)) return AI_ERR;
    rnd_obj *r = rnd(self);
    rnd_lock(r);
    memcpy(r->mt, words, sizeof words);
    r->index = (int32_t)index;
    r->has_gauss = has;
    r->gauss_next = g;
    rnd_unlock(r);
    return AI_NONE;
}

/* ---- integers ----------------------------------------------------------------------------- */

/* randrange's argument conversion: an int (or __index__), else an
 * integral float/number accepted through int(); `what` names the
 * argument in the ValueError. */
static ai_value range_arg(ai_value v, const char *what) {
    if (int_check(v)) return int_unbool(v);
    if (obj_slots(v)->index) return mu_index(v);
    ai_value i = ai_call(ai_val(&ai_int_type), &v, 1, 0);
    if (!i) return AI_ERR;
    int32_t eq = ai_compare_bool(i, v, AI_CMP_EQ);
    if (eq < 0) return AI_ERR;
    if (!eq) return ai_raise_fmt(&ai_exc_ValueError, "non-integer %s for randrange()", what);
    return i;
}

static ai_value randrange(rnd_obj *r, ai_value start, ai_value stop, ai_value step) {
    ai_value istart = range_arg(start, "arg 1");
    if (!istart) return AI_ERR;
    if (stop == AI_NONE) {
        if (step != ai_smallint(1))
            return ai_raise_msg(&ai_exc_TypeError, "Missing a non-None stop argument");
        if (int_sign(istart) > 0) return rnd_below(r, istart);
        return ai_raise_msg(&ai_exc_ValueError, "empty range for randrange()");
    }
    ai_value istop = range_arg(stop, "stop");
    if (!istop) return AI_ERR;
    ai_value width = ai_sub(istop, istart);
    if (!width) return AI_ERR;
    ai_value istep = range_arg(step, "step");
    if (!istep) return AI_ERR;
    if (istep == ai_smallint(1)) {
        if (int_sign(width) > 0) {
            ai_value k = rnd_below(r, width);
            return k ? ai_add(istart, k) : AI_ERR;
        }
        ai_value s1 = int_to_str(istart), s2 = s1 ? int_to_str(istop) : 0,
                 s3 = s2 ? int_to_str(width) : 0;
        if (!s3) return AI_ERR;
        return ai_raise_fmt(&ai_exc_ValueError, "empty range for randrange() (%s, %s, %s)",
                            str_utf8(s1, NULL), str_utf8(s2, NULL), str_utf8(s3, NULL));
    }
    int sg = int_sign(istep);
    if (sg == 0) return ai_raise_msg(&ai_exc_ValueError, "zero step for randrange()");
    /* n = ceil(width / step) for the step's direction */
    ai_value t = ai_add(width, istep);
    t = t ? ai_add(t, ai_smallint(sg > 0 ? -1 : 1)) : 0;
    ai_value n = t ? ai_floordiv(t, istep) : 0;
    if (!n) return AI_ERR;
    if (int_sign(n) <= 0) return ai_raise_msg(&ai_exc_ValueError, "empty range for randrange()");
    ai_value k = rnd_below(r, n);
    ai_value off = k ? ai_mul(istep, k) : 0;
    return off ? ai_add(istart, off) : AI_ERR;
}

METHOD(r_randrange) {
    BIND(SIG_RANDRANGE, 4);
    return randrange(rnd(self), a[1], a[2], a[3]);
}

METHOD(r_randint) {
    BIND(SIG_RANDINT, 3);
    ai_value stop = ai_add(a[2], ai_smallint(1));
    return stop ? randrange(rnd(self), a[1], stop, ai_smallint(1)) : AI_ERR;
}

METHOD(r_randbytes) {
    BIND(SIG_RANDBYTES, 2);
    ai_value nbits = ai_mul(a[1], ai_smallint(8));
    if (!nbits) return AI_ERR;
    ai_value bits = r_getrandbits(self, &nbits, 1, 0);
    if (!bits) return AI_ERR;
    int64_t n = 0;
    int_to_i64(a[1], &n);
    ai_value b = bytes_new_raw(n);
    if (!b) return AI_ERR;
    uint64_t buf;
    int64_t nl;
    const uint64_t *d = mu_int_limbs(bits, &nl, &buf);
    unsigned char *out = bytes_data_of(b);
    for (int64_t i = 0; i < n; i++) {
        int64_t li = i / 8;
        out[i] = li < nl ? (unsigned char)(d[li] >> (8 * (i % 8))) : 0;
    }
    return b;
}

/* ---- sequences ----------------------------------------------------------------------------- */

METHOD(r_choice) {
    BIND(SIG_CHOICE, 2);
    int64_t n = obj_len(a[1]);
    if (n < 0) return AI_ERR;
    if (n == 0) return ai_raise_msg(&ai_exc_IndexError, "Cannot choose from an empty sequence");
    return ai_getitem(a[1], ai_int_from_i64(rnd_below_i64(rnd(self), n)));
}

METHOD(r_shuffle) {
    BIND(SIG_SHUFFLE, 2);
    ai_value x = a[1];
    int64_t n = obj_len(x);
    if (n < 0) return AI_ERR;
    rnd_obj *r = rnd(self);
    for (int64_t i = n - 1; i >= 1; i--) {
        int64_t j = rnd_below_i64(r, i + 1);
        if (list_check(x) && list_obj(x)->len == n) {
            ai_value *it = list_obj(x)->items, t = it[i];
            it[i] = it[j];
            it[j] = t;
            continue;
        }
        ai_value vi = ai_int_from_i64(i), vj = ai_int_from_i64(j);
        ai_value xj = ai_getitem(x, vj), xi = xj ? ai_getitem(x, vi) : 0;
        if (!xi || ai_setitem(x, vi, xj) < 0 || ai_setitem(x, vj, xi) < 0) return AI_ERR;
    }
    return AI_NONE;
}

/* bisect.bisect_right(a, x, lo, hi) with the generic `<`. */
static int64_t bisect_right(ai_value seq, ai_value x, int64_t lo, int64_t hi) {
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        ai_value m = ai_getitem(seq, ai_int_from_i64(mid));
        if (!m) return -1;
        int32_t lt = ai_compare_bool(x, m, AI_CMP_LT);
        if (lt < 0) return -1;
        if (lt)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* list(itertools.accumulate(iterable)) */
static ai_value accumulate(ai_value iterable) {
    ai_value it = ai_iter(iterable);
    if (!it) return AI_ERR;
    ai_value out = list_new(0), acc = 0, item;
    if (!out) return AI_ERR;
    int32_t got;
    while ((got = ai_for_next(it, &item)) == 1) {
        acc = acc ? ai_add(acc, item) : item;
        if (!acc || ai_list_append(out, acc) < 0) return AI_ERR;
    }
    return got < 0 ? AI_ERR : out;
}

static bool is_sequence(ai_value v) {
    return list_check(v) || tuple_check(v) || str_check(v) || obj_isinstance(v, &ai_range_type) ||
           bytes_check(v) || bytearray_check(v);
}

/* A small open-addressing set of int64 (sample's `selected`). */
typedef struct i64set {
    int64_t *slots; /* -1: empty */
    size_t mask;
} i64set;

static bool i64set_add(i64set *s, int64_t v) {
    size_t h = (size_t)((uint64_t)v * 0x9E3779B97F4A7C15ull) & s->mask;
    while (s->slots[h] != -1) {
        if (s->slots[h] == v) return false;
        h = (h + 1) & s->mask;
    }
    s->slots[h] = v;
    return true;
}

static ai_value sample(rnd_obj *r, ai_value population, ai_value kv, ai_value counts);

static ai_value sample_counts(rnd_obj *r, ai_value population, int64_t n, ai_value kv,
                              ai_value counts) {
    ai_value cum = accumulate(counts);
    if (!cum) return AI_ERR;
    if (list_obj(cum)->len != n)
        return ai_raise_msg(&ai_exc_ValueError, "The number of counts does not match the population");
    ai_value total = list_obj(cum)->items[--list_obj(cum)->len];
    if (!int_check(total)) return ai_raise_msg(&ai_exc_TypeError, "Counts must be integers");
    if (int_sign(total) <= 0)
        return ai_raise_msg(&ai_exc_ValueError, "Total of counts must be greater than zero");
    ai_value rargs[1] = {total};
    ai_value rng = ai_call(ai_val(&ai_range_type), rargs, 1, 0);
    ai_value sel = rng ? sample(r, rng, kv, AI_NONE) : 0;
    if (!sel) return AI_ERR;
    int64_t k = list_obj(sel)->len, ncum = list_obj(cum)->len;
    ai_value out = list_new(k);
    if (!out) return AI_ERR;
    for (int64_t i = 0; i < k; i++) {
        int64_t j = bisect_right(cum, list_obj(sel)->items[i], 0, ncum);
        ai_value v = j < 0 ? 0 : ai_getitem(population, ai_int_from_i64(j));
        if (!v || ai_list_append(out, v) < 0) return AI_ERR;
    }
    return out;
}

static ai_value sample(rnd_obj *r, ai_value population, ai_value kv, ai_value counts) {
    if (!is_sequence(population))
        return ai_raise_msg(&ai_exc_TypeError,
                            "Population must be a sequence.  For dicts or sets, use sorted(d).");
    int64_t n = obj_len(population);
    if (n < 0) return AI_ERR;
    if (counts != AI_NONE) return sample_counts(r, population, n, kv, counts);
    ai_value nv = ai_int_from_i64(n);
    int32_t ok = ai_compare_bool(ai_smallint(0), kv, AI_CMP_LE);
    if (ok > 0) ok = ai_compare_bool(kv, nv, AI_CMP_LE);
    if (ok < 0) return AI_ERR;
    if (!ok) return ai_raise_msg(&ai_exc_ValueError, "Sample larger than population or is negative");
    if (!int_check(kv) && !obj_slots(kv)->index)
        return ai_raise_fmt(&ai_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                            obj_type_name(kv));
    bool fits, err;
    int64_t k = obj_index_i64(kv, &fits, &err);
    if (err) return AI_ERR;
    ai_value result = list_new(k);
    if (!result) return AI_ERR;
    /* CPython picks the cheaper of a pool copy and a set of chosen indices
     * by comparing n with the size of such a set. */
    double setsize = 21.0;
    if (k > 5) setsize += pow(4.0, ceil(log((double)k * 3.0) / log(4.0)));
    if ((double)n <= setsize) {
        ai_value pool = list_from_iter(population);
        if (!pool) return AI_ERR;
        for (int64_t i = 0; i < k; i++) {
            int64_t j = rnd_below_i64(r, n - i);
            ai_value *p = list_obj(pool)->items;
            if (ai_list_append(result, p[j]) < 0) return AI_ERR;
            p[j] = p[n - i - 1];
        }
        return result;
    }
    size_t cap = 16;
    while (cap < (size_t)k * 2) cap *= 2;
    i64set sel = {malloc(cap * sizeof(int64_t)), cap - 1};
    if (!sel.slots) return exc_nomem();
    memset(sel.slots, 0xff, cap * sizeof(int64_t));
    for (int64_t i = 0; i < k; i++) {
        int64_t j = rnd_below_i64(r, n);
        while (!i64set_add(&sel, j)) j = rnd_below_i64(r, n);
        ai_value v = ai_getitem(population, ai_int_from_i64(j));
        if (!v || ai_list_append(result, v) < 0) {
            free(sel.slots);
            return AI_ERR;
        }
    }
    free(sel.slots);
    return result;
}

METHOD(r_sample) {
    BIND(SIG_SAMPLE, 4);
    return sample(rnd(self), a[1], a[2], a[3]);
}

METHOD(r_choices) {
    BIND(SIG_CHOICES, 5);
    rnd_obj *r = rnd(self);
    ai_value population = a[1], weights = a[2], cum = a[3];
    int64_t n = obj_len(population);
    if (n < 0) return AI_ERR;
    bool fits, err;
    int64_t k;
    if (cum == AI_NONE) {
        if (weights == AI_NONE) {
            k = obj_index_i64(a[4], &fits, &err);
            if (err) return AI_ERR;
            ai_value out = list_new(k > 0 ? k : 0);
            if (!out) return AI_ERR;
            double dn = (double)n;
            for (int64_t i = 0; i < k; i++) {
                ai_value v = ai_getitem(population, int_from_double(floor(rnd_double(r) * dn)));
                if (!v || ai_list_append(out, v) < 0) return AI_ERR;
            }
            return out;
        }
        if (!(cum = accumulate(weights))) {
            if (!exc_pending_is(&ai_exc_TypeError) || !int_check(weights)) return AI_ERR;
            exc_clear();
            ai_value ks = ai_repr(weights);
            if (!ks) return AI_ERR;
            return ai_raise_fmt(&ai_exc_TypeError,
                                "The number of choices must be a keyword argument: k=%s",
                                str_utf8(ks, NULL));
        }
    } else if (weights != AI_NONE) {
        return ai_raise_msg(&ai_exc_TypeError, "Cannot specify both weights and cumulative weights");
    }
    int64_t ncum = obj_len(cum);
    if (ncum < 0) return AI_ERR;
    if (ncum != n)
        return ai_raise_msg(&ai_exc_ValueError, "The number of weights does not match the population");
    ai_value last = ai_getitem(cum, ai_smallint(-1));
    ai_value totalv = last ? ai_add(last, c_zero) : 0;
    if (!totalv) return AI_ERR;
    int32_t pos = ai_compare_bool(totalv, c_zero, AI_CMP_LE);
    if (pos < 0) return AI_ERR;
    if (pos) return ai_raise_msg(&ai_exc_ValueError, "Total of weights must be greater than zero");
    double total;
    if (!mu_real(totalv, &total)) return AI_ERR;
    if (!isfinite(total)) return ai_raise_msg(&ai_exc_ValueError, "Total of weights must be finite");
    k = obj_index_i64(a[4], &fits, &err);
    if (err) return AI_ERR;
    ai_value out = list_new(k > 0 ? k : 0);
    if (!out) return AI_ERR;
    for (int64_t i = 0; i < k; i++) {
        ai_value x = box(rnd_double(r) * total);
        int64_t j = x ? bisect_right(cum, x, 0, n - 1) : -1;
        ai_value v = j < 0 ? 0 : ai_getitem(population, ai_int_from_i64(j));
        if (!v || ai_list_append(out, v) < 0) return AI_ERR;
    }
    return out;
}

/* ---- real distributions ------------------------------------------------------------------ */

#define TWOPI (2.0 * 3.141592653589793)

METHOD(r_uniform) {
    BIND(SIG_UNIFORM, 3);
    ai_value d = ai_sub(a[2], a[1]);
    ai_value m = d ? ai_mul(d, box(rnd_double(rnd(self)))) : 0;
    return m ? ai_add(a[1], m) : AI_ERR;
}

METHOD(r_triangular) {
    BIND(SIG_TRIANGULAR, 4);
    ai_value low = a[1], high = a[2], mode = a[3];
    double u = rnd_double(rnd(self));
    ai_value c;
    if (mode == AI_NONE) {
        c = box(0.5);
    } else {
        ai_value num = ai_sub(mode, low), den = num ? ai_sub(high, low) : 0;
        c = den ? ai_truediv(num, den) : 0;
        if (!c) {
            if (!exc_pending_is(&ai_exc_ZeroDivisionError)) return AI_ERR;
            exc_clear();
            return low;
        }
    }
    ai_value uv = box(u);
    if (!c || !uv) return AI_ERR;
    int32_t gt = ai_compare_bool(uv, c, AI_CMP_GT);
    if (gt < 0) return AI_ERR;
    if (gt) {
        uv = box(1.0 - u);
        c = ai_sub(c_one, c);
        ai_value t = low;
        low = high;
        high = t;
    }
    ai_value prod = uv && c ? ai_mul(uv, c) : 0;
    double s;
    if (!prod || !sqrt_of(prod, &s)) return AI_ERR;
    ai_value span = ai_sub(high, low), m = span ? ai_mul(span, box(s)) : 0;
    return m ? ai_add(low, m) : AI_ERR;
}

static double nv_magic; /* 4 * exp(-0.5) / sqrt(2.0) */

static double normal_z(rnd_obj *r) {
    for (;;) {
        double u1 = rnd_double(r);
        double u2 = 1.0 - rnd_double(r);
        double z = nv_magic * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -log(u2)) return z;
    }
}

/* mu + z * sigma with Python's arithmetic */
static ai_value affine(ai_value mu, double z, ai_value sigma) {
    ai_value zs = ai_mul(box(z), sigma);
    return zs ? ai_add(mu, zs) : AI_ERR;
}

METHOD(r_normalvariate) {
    BIND(SIG_NORMAL, 3);
    return affine(a[1], normal_z(rnd(self)), a[2]);
}

METHOD(r_gauss) {
    BIND(SIG_GAUSS, 3);
    rnd_obj *r = rnd(self);
    double z;
    rnd_lock(r);
    bool cached = r->has_gauss;
    z = r->gauss_next;
    r->has_gauss = 0;
    rnd_unlock(r);
    if (!cached) {
        double x2pi = rnd_double(r) * TWOPI;
        double g2rad = sqrt(-2.0 * log(1.0 - rnd_double(r)));
        z = cos(x2pi) * g2rad;
        rnd_lock(r);
        r->gauss_next = sin(x2pi) * g2rad;
        r->has_gauss = 1;
        rnd_unlock(r);
    }
    return affine(a[1], z, a[2]);
}

METHOD(r_lognormvariate) {
    BIND(SIG_LOGNORM, 3);
    ai_value v = affine(a[1], normal_z(rnd(self)), a[2]);
    double x;
    if (!v || !mu_real(v, &x)) return AI_ERR;
    double e = exp(x);
    if (isinf(e) && isfinite(x)) return ai_raise_msg(&ai_exc_OverflowError, "math range error");
    return box(e);
}

METHOD(r_expovariate) {
    BIND(SIG_EXPO, 2);
    return ai_truediv(box(-log(1.0 - rnd_double(rnd(self)))), a[1]);
}

METHOD(r_vonmisesvariate) {
    BIND(SIG_VONMISES, 3);
    rnd_obj *r = rnd(self);
    double kappa;
    if (!mu_real(a[2], &kappa)) return AI_ERR;
    if (kappa <= 1e-6) return box(TWOPI * rnd_double(r));
    double s = 0.5 / kappa;
    double rr = s + sqrt(1.0 + s * s);
    double z;
    for (;;) {
        double u1 = rnd_double(r);
        z = cos(3.141592653589793 * u1);
        double d = z / (rr + z);
        double u2 = rnd_double(r);
        if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d)) break;
    }
    double q = 1.0 / rr;
    double f = (q + z) / (1.0 + q * z);
    double u3 = rnd_double(r);
    ai_value ac = box(acos(f));
    ai_value t = u3 > 0.5 ? ai_add(a[1], ac) : ai_sub(a[1], ac);
    return t ? ai_mod(t, box(TWOPI)) : AI_ERR;
}

/* gammavariate on doubles (alpha, beta already checked > 0). */
static double gamma_draw(rnd_obj *r, double alpha, double beta) {
    if (alpha > 1.0) {
        /* R.C.H. Cheng, "The generation of Gamma variables with
         * non-integral shape parameters", Applied Statistics 26 (1977) */
        double ainv = sqrt(2.0 * alpha - 1.0);
        double bbb = alpha - log(4.0);
        double ccc = alpha + ainv;
        for (;;) {
            double u1 = rnd_double(r);
            if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
            double u2 = 1.0 - rnd_double(r);
            double v = log(u1 / (1.0 - u1)) / ainv;
            double x = alpha * exp(v);
            double z = u1 * u1 * u2;
            double rr = bbb + ccc * v - x;
            if (rr + (1.0 + log(4.5)) - 4.5 * z >= 0.0 || rr >= log(z)) return x * beta;
        }
    }
    if (alpha == 1.0) return -log(1.0 - rnd_double(r)) * beta;
    /* 0 < alpha < 1: algorithm GS (Kennedy & Gentle, Statistical Computing) */
    double x;
    for (;;) {
        double u = rnd_double(r);
        double b = (M_E + alpha) / M_E;
        double p = b * u;
        x = p <= 1.0 ? pow(p, 1.0 / alpha) : -log((b - p) / alpha);
        double u1 = rnd_double(r);
        if (p > 1.0) {
            if (u1 <= pow(x, alpha - 1.0)) break;
        } else if (u1 <= exp(-x)) {
            break;
        }
    }
    return x * beta;
}

static bool gamma_args(ai_value av, ai_value bv, double *alpha, double *beta) {
    int32_t bad = ai_compare_bool(av, c_zero, AI_CMP_LE);
    if (bad == 0) bad = ai_compare_bool(bv, c_zero, AI_CMP_LE);
    if (bad < 0) return false;
    if (bad) {
        ai_raise_msg(&ai_exc_ValueError, "gammavariate: alpha and beta must be > 0.0");
        return false;
    }
    return mu_real(av, alpha) && mu_real(bv, beta);
}

METHOD(r_gammavariate) {
    BIND(SIG_GAMMA, 3);
    double alpha, beta;
    if (!gamma_args(a[1], a[2], &alpha, &beta)) return AI_ERR;
    return box(gamma_draw(rnd(self), alpha, beta));
}

METHOD(r_betavariate) {
    BIND(SIG_BETA, 3);
    rnd_obj *r = rnd(self);
    double alpha, beta, unused;
    if (!gamma_args(a[1], c_one, &alpha, &unused)) return AI_ERR;
    double y = gamma_draw(r, alpha, 1.0);
    if (y == 0.0) return box(0.0);
    if (!gamma_args(a[2], c_one, &beta, &unused)) return AI_ERR;
    return box(y / (y + gamma_draw(r, beta, 1.0)));
}

METHOD(r_paretovariate) {
    BIND(SIG_PARETO, 2);
    double u = 1.0 - rnd_double(rnd(self));
    ai_value e = ai_truediv(box(-1.0), a[1]);
    return e ? ai_pow(box(u), e) : AI_ERR;
}

METHOD(r_weibullvariate) {
    BIND(SIG_WEIBULL, 3);
    double u = 1.0 - rnd_double(rnd(self));
    ai_value e = ai_truediv(c_one, a[2]);
    ai_value p = e ? ai_pow(box(-log(u)), e) : 0;
    return p ? ai_mul(a[1], p) : AI_ERR;
}

/* ---- the type ------------------------------------------------------------------------------ */

static const ai_method_def rnd_methods[] = {
    {"random", r_random, &rnd_type, 0},
    {"getrandbits", r_getrandbits, &rnd_type, 0},
    {"seed", r_seed, &rnd_type, 0},
    {"getstate", r_getstate, &rnd_type, 0},
    {"setstate", r_setstate, &rnd_type, 0},
    {"randrange", r_randrange, &rnd_type, 0},
    {"randint", r_randint, &rnd_type, 0},
    {"randbytes", r_randbytes, &rnd_type, 0},
    {"choice", r_choice, &rnd_type, 0},
    {"shuffle", r_shuffle, &rnd_type, 0},
    {"sample", r_sample, &rnd_type, 0},
    {"choices", r_choices, &rnd_type, 0},
    {"uniform", r_uniform, &rnd_type, 0},
    {"triangular", r_triangular, &rnd_type, 0},
    {"normalvariate", r_normalvariate, &rnd_type, 0},
    {"gauss", r_gauss, &rnd_type, 0},
    {"lognormvariate", r_lognormvariate, &rnd_type, 0},
    {"expovariate", r_expovariate, &rnd_type, 0},
    {"vonmisesvariate", r_vonmisesvariate, &rnd_type, 0},
    {"gammavariate", r_gammavariate, &rnd_type, 0},
    {"betavariate", r_betavariate, &rnd_type, 0},
    {"paretovariate", r_paretovariate, &rnd_type, 0},
    {"weibullvariate", r_weibullvariate, &rnd_type, 0},
    {NULL, NULL, NULL, 0},
};

/* Random(x=None) */
static ai_value rnd_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    rnd_obj *r = ai_alloc(&rnd_type, sizeof(rnd_obj));
    if (!r) return AI_ERR;
    ai_value self = ai_val(r);
    ai_value a[2];
    if (mu_bind(&sigs[SIG_INIT], self, args, nargs, kwnames, a) < 0) return AI_ERR;
    if (do_seed(r, a[1], ai_smallint(2)) < 0) return AI_ERR;
    return self;
}

static ai_value rnd_repr(ai_value v) {
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "<random.Random object at %p>", (void *)ai_obj(v));
    return sb_finish(&b);
}

static const ai_slots rnd_slots = {.construct = rnd_construct, .methods = rnd_methods};

ai_type rnd_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "Random",
    .base = &ai_object_type,
    .basicsize = sizeof(rnd_obj),
    .repr = rnd_repr,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&rnd_slots,
};

/* ---- the module ------------------------------------------------------------------------------ */

static int init(ai_value m) {
    if (!(c_zero = ai_const_float(0.0)) || !(c_one = ai_const_float(1.0))) return -1;
    nv_magic = 4 * exp(-0.5) / sqrt(2.0);
    if (sigs_init() < 0) return -1;
    /* The module's own generator, seeded from the OS as CPython's is. */
    rnd_obj *inst = alloc_static(&rnd_type, sizeof(rnd_obj));
    if (!inst) return -1;
    seed_os(inst);
    ai_value self = ai_val(inst);
    for (const ai_method_def *d = rnd_methods; d->name; d++) {
        ai_value name = str_from_cstr(d->name);
        ai_value bound = name ? ai_getattr(self, name) : 0;
        if (!bound || mod_add(m, d->name, bound) < 0) return -1;
    }
    return mod_add(m, "Random", ai_val(&rnd_type));
}

const mod_def mod_random = {"_random", init};
