/*
 * modules/modhashlib.c — the message digests under the stdlib's hashlib
 * (module _hashlib): MD5 (RFC 1321), SHA-1, SHA-224/256 and SHA-384/512
 * (FIPS 180-4), streaming.
 *
 * The interface is three functions over a state kept in a bytearray that
 * the Python hash object owns (so copy() is a bytearray copy and the GC
 * needs to know nothing new):
 *   new(name)                  a fresh state (bytearray), ValueError
 *                              "unsupported hash type NAME" otherwise
 *   update(state, data)        feed bytes-like data (bytes, bytearray)
 *   digest(state)              the digest of what was fed so far (bytes);
 *                              the state is left as it was
 * The state bytes are an hstate (below) copied in and out with memcpy, so
 * the bytearray's alignment does not matter.
 */
#include "modules/modutil.h"
#include "objects/text.h"
#include "modules/sha512.h"

#include <string.h>

enum { H_MD5, H_SHA1, H_SHA224, H_SHA256, H_SHA384, H_SHA512 };

typedef struct hstate {
    uint32_t alg;
    uint32_t buflen;      /* bytes waiting in buf */
    uint64_t total;       /* bytes fed, all told */
    uint32_t h32[8];      /* MD5, SHA-1, SHA-224/256 */
    uint64_t h64[8];      /* SHA-384/512 */
    uint8_t buf[128];
} hstate;

static const struct {
    const char *name;
    int alg, block, digest;
} algs[] = {
    {"md5", H_MD5, 64, 16},        {"sha1", H_SHA1, 64, 20},
    {"sha224", H_SHA224, 64, 28},  {"sha256", H_SHA256, 64, 32},
    {"sha384", H_SHA384, 128, 48}, {"sha512", H_SHA512, 128, 64},
};

static uint32_t rol32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static uint32_t ror32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static uint32_t be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static uint32_t le32(const uint8_t *p) {
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* ---- MD5 ------------------------------------------------------------------ */

static const uint32_t md5_k[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
static const int md5_r[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                              5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                              4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                              6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};

static void md5_block(uint32_t h[4], const uint8_t *p) {
    uint32_t m[16];
    for (int i = 0; i < 16; i++) m[i] = le32(p + 4 * i);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        if (i < 16) {
            f = (b & c) | (~b & d);
            g = i;
        } else if (i < 32) {
            f = (d & b) | (~d & c);
            g = (5 * i + 1) & 15;
        } else if (i < 48) {
            f = b ^ c ^ d;
            g = (3 * i + 5) & 15;
        } else {
            f = c ^ (b | ~d);
            g = (7 * i) & 15;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rol32(a + f + md5_k[i] + m[g], md5_r[i]);
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
}

/* ---- SHA-1 ---------------------------------------------------------------- */

static void sha1_block(uint32_t h[5], const uint8_t *p) {
    uint32_t w[80];
    for (int i = 0; i < 16; i++) w[i] = be32(p + 4 * i);
    for (int i = 16; i < 80; i++) w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t t = rol32(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rol32(b, 30);
        b = a;
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

/* ---- SHA-256 -------------------------------------------------------------- */

static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static void sha256_block(uint32_t h[8], const uint8_t *p) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++) w[i] = be32(p + 4 * i);
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t S1 = ror32(e, 6) ^ ror32(e, 11) ^ ror32(e, 25);
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t t1 = hh + S1 + ch + sha256_k[i] + w[i];
        uint32_t S0 = ror32(a, 2) ^ ror32(a, 13) ^ ror32(a, 22);
        uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t2 = S0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

/* SHA-384 and SHA-512 share the block function of modules/sha512.c. */

/* ---- streaming ------------------------------------------------------------ */

static int block_size(const hstate *s) { return s->alg >= H_SHA384 ? 128 : 64; }

static void run_block(hstate *s, const uint8_t *p) {
    switch (s->alg) {
    case H_MD5: md5_block(s->h32, p); break;
    case H_SHA1: sha1_block(s->h32, p); break;
    case H_SHA224:
    case H_SHA256: sha256_block(s->h32, p); break;
    default: sha512_compress(s->h64, p); break;
    }
}

static void h_init(hstate *s, int alg) {
    memset(s, 0, sizeof *s);
    s->alg = (uint32_t)alg;
    static const uint32_t md5_iv[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    static const uint32_t sha1_iv[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
    static const uint32_t sha224_iv[8] = {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                                          0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4};
    static const uint32_t sha256_iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    static const uint64_t sha384_iv[8] = {0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL,
                                          0x9159015a3070dd17ULL, 0x152fecd8f70e5939ULL,
                                          0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
                                          0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL};
    static const uint64_t sha512_iv[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL,
                                          0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
                                          0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                                          0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    switch (alg) {
    case H_MD5: memcpy(s->h32, md5_iv, sizeof md5_iv); break;
    case H_SHA1: memcpy(s->h32, sha1_iv, sizeof sha1_iv); break;
    case H_SHA224: memcpy(s->h32, sha224_iv, sizeof sha224_iv); break;
    case H_SHA256: memcpy(s->h32, sha256_iv, sizeof sha256_iv); break;
    case H_SHA384: memcpy(s->h64, sha384_iv, sizeof sha384_iv); break;
    default: memcpy(s->h64, sha512_iv, sizeof sha512_iv); break;
    }
}

static void h_update(hstate *s, const uint8_t *p, int64_t n) {
    int bs = block_size(s);
    s->total += (uint64_t)n;
    if (s->buflen) {
        int64_t take = bs - (int64_t)s->buflen;
        if (take > n) take = n;
        memcpy(s->buf + s->buflen, p, (size_t)take);
        s->buflen += (uint32_t)take;
        p += take;
        n -= take;
        if ((int)s->buflen < bs) return;
        run_block(s, s->buf);
        s->buflen = 0;
    }
    while (n >= bs) {
        run_block(s, p);
        p += bs;
        n -= bs;
    }
    memcpy(s->buf, p, (size_t)n);
    s->buflen = (uint32_t)n;
}

/* Pad and finish a copy; out gets the digest, its length returned. */
static int h_final(hstate s, uint8_t out[64]) {
    int bs = block_size(&s), lenbytes = bs == 128 ? 16 : 8;
    uint64_t bits = s.total * 8;
    uint8_t pad[256] = {0x80};
    int64_t padlen = bs - (int64_t)((s.total + (uint64_t)lenbytes) % (uint64_t)bs);
    if (padlen <= 0) padlen += bs;
    uint8_t len[16] = {0};
    for (int i = 0; i < 8; i++) {
        if (s.alg == H_MD5)
            len[i] = (uint8_t)(bits >> (8 * i));
        else
            len[lenbytes - 1 - i] = (uint8_t)(bits >> (8 * i));
    }
    uint64_t total = s.total;
    h_update(&s, pad, padlen);
    h_update(&s, len, lenbytes);
    (void)total;
    int dlen = 0;
    for (size_t i = 0; i < sizeof algs / sizeof *algs; i++)
        if (algs[i].alg == (int)s.alg) dlen = algs[i].digest;
    if (s.alg == H_MD5) {
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) out[4 * i + j] = (uint8_t)(s.h32[i] >> (8 * j));
    } else if (s.alg <= H_SHA256) {
        for (int i = 0; i < dlen / 4; i++)
            for (int j = 0; j < 4; j++) out[4 * i + j] = (uint8_t)(s.h32[i] >> (24 - 8 * j));
    } else {
        for (int i = 0; i < dlen / 8; i++)
            for (int j = 0; j < 8; j++) out[8 * i + j] = (uint8_t)(s.h64[i] >> (56 - 8 * j));
    }
    return dlen;
}

/* ---- the module's functions ------------------------------------------------ */

static ai_value h_new(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("new", nargs, kwnames) < 0) return AI_ERR;
    if (!str_check(args[0])) return ai_raise_msg(&ai_exc_TypeError, "new() argument must be str");
    const char *name = str_utf8(args[0], NULL);
    if (!name) return AI_ERR;
    for (size_t i = 0; i < sizeof algs / sizeof *algs; i++)
        if (strcmp(algs[i].name, name) == 0) {
            hstate s;
            h_init(&s, algs[i].alg);
            ai_value ba = ai_call(ai_val(&ai_bytearray_type), (ai_value[]){ai_smallint((int64_t)sizeof s)}, 1, 0);
            if (!ba) return AI_ERR;
            int64_t n;
            unsigned char *p = (unsigned char *)bytes_buffer(ba, &n);
            memcpy(p, &s, sizeof s);
            return ba;
        }
    return ai_raise_fmt(&ai_exc_ValueError, "unsupported hash type %s", name);
}
static AI_BUILTIN_FN(bf_new, "new", h_new);

static bool get_state(ai_value v, hstate *s, unsigned char **where) {
    int64_t n;
    const unsigned char *p = bytearray_check(v) ? bytes_buffer(v, &n) : NULL;
    if (!p || n != (int64_t)sizeof *s) {
        ai_raise_msg(&ai_exc_TypeError, "not a hash state");
        return false;
    }
    memcpy(s, p, sizeof *s);
    if (where) *where = (unsigned char *)p;
    return true;
}

static ai_value h_update_fn(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_pos_range("update", "update", nargs, kwnames, 2, 2) < 0) return AI_ERR;
    hstate s;
    unsigned char *where;
    if (!get_state(args[0], &s, &where)) return AI_ERR;
    if (str_check(args[1]))
        return ai_raise_msg(&ai_exc_TypeError, "Strings must be encoded before hashing");
    int64_t n;
    const unsigned char *data = bytes_buffer(args[1], &n);
    if (!data)
        return ai_raise_fmt(&ai_exc_TypeError, "object supporting the buffer API required");
    h_update(&s, data, n);
    memcpy(where, &s, sizeof s);
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_update, "update", h_update_fn);

static ai_value h_digest(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("digest", nargs, kwnames) < 0) return AI_ERR;
    hstate s;
    if (!get_state(args[0], &s, NULL)) return AI_ERR;
    uint8_t out[64];
    int n = h_final(s, out);
    ai_value b = bytes_new_raw(n);
    if (!b) return AI_ERR;
    memcpy(bytes_data_of(b), out, (size_t)n);
    return b;
}
static AI_BUILTIN_FN(bf_digest, "digest", h_digest);

static int init(ai_value m) {
    return mod_add_fn(m, &bf_new) < 0 || mod_add_fn(m, &bf_update) < 0 || mod_add_fn(m, &bf_digest) < 0
               ? -1
               : 0;
}

const mod_def mod_hashlib = {"_hashlib", init};
