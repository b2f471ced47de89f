/*
 * tests/runtime/test_modrandom.c — the random module against CPython 3.11:
 * after each of several seeds (ints small and big, negative, floats, str,
 * bytes, and the key of MT19937's reference run) a fixed sequence of calls
 * — getrandbits, random, randrange small and big, shuffle, sample (pool
 * and set strategies), choices, gauss, uniform — must return exactly what
 * CPython returned (gen_mod_cases.py → test_modrandom_cases.inc). Also:
 * SHA-512 digests, getstate/setstate replay, Random instances independent
 * of the module's generator, and argument errors worded as CPython's.
 */
#include "check.h"

#include "modules/sha512.h"
#include "objects/text.h"

#include "test_modrandom_cases.inc"

static ai_value mod;

static ai_value call(const char *name, int n, ...) {
    ai_value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) args[i] = va_arg(ap, ai_value);
    va_end(ap);
    ai_value f = ai_getattr(mod, STR(name));
    return f ? ai_call(f, args, n, 0) : AI_ERR;
}

static int hexval(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

static size_t unhex(const char *h, unsigned char *out) {
    size_t n = strlen(h) / 2;
    for (size_t i = 0; i < n; i++) out[i] = (unsigned char)(hexval(h[2 * i]) << 4 | hexval(h[2 * i + 1]));
    return n;
}

static ai_value decode(const char *enc) {
    switch (enc[0]) {
    case 'i': return BIG(enc + 2);
    case 's': return STR(enc + 2);
    case 'f': {
        uint64_t bits = strtoull(enc + 2, NULL, 16);
        double d;
        memcpy(&d, &bits, sizeof d);
        return F(d);
    }
    case 'y': {
        unsigned char buf[256];
        size_t n = unhex(enc + 2, buf);
        return bytes_from((const char *)buf, (int64_t)n, false);
    }
    }
    abort();
}

/* Append repr(v) (or the error text) and a space. */
static void add(strbuf *b, ai_value v) {
    sb_adds(b, R(v));
    sb_addc(b, ' ');
}

/* The call sequence of gen_mod_cases.py's draws(). */
static const char *draws(void) {
    static char out[4096];
    strbuf b;
    sb_init(&b);
    for (int i = 0; i < 6; i++) add(&b, call("getrandbits", 1, I(32)));
    for (int i = 0; i < 3; i++) add(&b, call("random", 0));
    for (int i = 0; i < 3; i++) add(&b, call("randrange", 1, I(1000000)));
    add(&b, call("randrange", 1, BIG("10000000000000000000000000")));
    add(&b, call("getrandbits", 1, I(100)));
    ai_value deck = list_new(10);
    for (int i = 0; i < 10; i++) ai_list_append(deck, I(i));
    ai_value r = call("shuffle", 1, deck);
    add(&b, r ? deck : r);
    ai_value range = ai_call(ai_val(&ai_range_type), (ai_value[]){I(100)}, 1, 0);
    add(&b, call("sample", 2, range, I(5)));
    range = ai_call(ai_val(&ai_range_type), (ai_value[]){I(1000000)}, 1, 0);
    add(&b, call("sample", 2, range, I(4)));
    range = ai_call(ai_val(&ai_range_type), (ai_value[]){I(10)}, 1, 0);
    ai_value f = ai_getattr(mod, STR("choices"));
    ai_value kw = ai_tuple_pack((ai_value[]){STR("k")}, 1);
    add(&b, ai_call(f, (ai_value[]){range, I(5)}, 1, kw));
    add(&b, call("gauss", 2, F(0.0), F(1.0)));
    add(&b, call("gauss", 2, F(0.0), F(1.0)));
    add(&b, call("uniform", 2, F(-1.0), F(1.0)));
    if (b.len) b.len--; /* the last space */
    snprintf(out, sizeof out, "%.*s", (int)b.len, b.p);
    sb_free(&b);
    return out;
}

static void test_seeds(void) {
    for (size_t i = 0; i < sizeof seed_cases / sizeof seed_cases[0]; i++) {
        ai_value r = call("seed", 1, decode(seed_cases[i].seed));
        CHECK_STREQ(R(r), "None");
        const char *got = draws();
        if (strcmp(got, seed_cases[i].want) != 0)
            fprintf(stderr, "seed %s:\n  got  %s\n  want %s\n", seed_cases[i].seed, got,
                    seed_cases[i].want);
        CHECK(strcmp(got, seed_cases[i].want) == 0);
    }
}

static void test_sha512(void) {
    for (size_t i = 0; i < sizeof sha_cases / sizeof sha_cases[0]; i++) {
        unsigned char msg[1024], dig[64];
        size_t n = unhex(sha_cases[i].hexmsg, msg);
        CHECK(n == (size_t)sha_cases[i].len);
        sha512_digest(msg, n, dig);
        char hex[129];
        for (int j = 0; j < 64; j++) snprintf(hex + 2 * j, 3, "%02x", dig[j]);
        CHECK_STREQ(hex, sha_cases[i].hex);
    }
}

static void test_state(void) {
    call("seed", 1, I(2024));
    ai_value st = call("getstate", 0);
    CHECK_STREQ(R(ai_getitem(st, I(0))), "3");
    CHECK(tuple_obj(st)->len == 3);
    ai_value a = call("random", 0), b = call("gauss", 0);
    ai_value st2 = call("getstate", 0); /* with a cached gauss value */
    CHECK_STREQ(R(call("setstate", 1, st)), "None");
    CHECK_STREQ(R(call("random", 0)), R(a));
    CHECK_STREQ(R(call("gauss", 0)), R(b));
    ai_value c = call("gauss", 0);
    CHECK_STREQ(R(call("setstate", 1, st2)), "None");
    CHECK_STREQ(R(call("gauss", 0)), R(c));
    CHECK_STREQ(R(call("setstate", 1, I(5))), "!TypeError: 'int' object is not subscriptable");
    CHECK_STREQ(R(call("setstate", 1, ai_tuple_pack((ai_value[]){I(4)}, 1))),
                "!ValueError: state with version 4 passed to Random.setstate() of version 3");
}

static void test_instances(void) {
    ai_value cls = ai_getattr(mod, STR("Random"));
    ai_value r1 = ai_call(cls, (ai_value[]){I(5)}, 1, 0);
    call("seed", 1, I(5));
    ai_value f = ai_getattr(r1, STR("random"));
    /* the instance and the module's generator run the same stream */
    CHECK_STREQ(R(ai_call(f, NULL, 0, 0)), R(call("random", 0)));
    CHECK_STREQ(R(ai_call(f, NULL, 0, 0)), "0.7417869892607294");
    CHECK_STREQ(R(ai_call(cls, (ai_value[]){I(1), I(2)}, 2, 0)),
                "!TypeError: Random.__init__() takes from 1 to 2 positional arguments but 3 were given");
}

static void test_errors(void) {
    CHECK_STREQ(R(call("randrange", 1, I(0))), "!ValueError: empty range for randrange()");
    CHECK_STREQ(R(call("randrange", 2, I(5), I(1))),
                "!ValueError: empty range for randrange() (5, 1, -4)");
    CHECK_STREQ(R(call("randrange", 3, I(1), I(10), I(0))), "!ValueError: zero step for randrange()");
    CHECK_STREQ(R(call("randint", 1, I(1))),
                "!TypeError: Random.randint() missing 1 required positional argument: 'b'");
    CHECK_STREQ(R(call("choice", 1, list_new(0))), "!IndexError: Cannot choose from an empty sequence");
    CHECK_STREQ(R(call("getrandbits", 1, I(-1))), "!ValueError: number of bits must be non-negative");
    CHECK_STREQ(R(call("getrandbits", 0)),
                "!TypeError: Random.getrandbits() takes exactly one argument (0 given)");
    CHECK_STREQ(R(call("random", 1, I(1))), "!TypeError: Random.random() takes no arguments (1 given)");
    CHECK_STREQ(R(call("sample", 2, set_new(&ai_set_type, 0), I(1))),
                "!TypeError: Population must be a sequence.  For dicts or sets, use sorted(d).");
    CHECK_STREQ(R(call("seed", 1, list_new(0))),
                "!TypeError: The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    CHECK_STREQ(R(call("shuffle", 1, I(5))), "!TypeError: object of type 'int' has no len()");
}

int main(void) {
    mod = ai_import("_random");
    CHECK(mod != AI_ERR);
    if (!mod) CHECK_DONE();
    test_seeds();
    test_sha512();
    test_state();
    test_instances();
    test_errors();
    CHECK_DONE();
}
