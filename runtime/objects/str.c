/*
 * objects/str.c — the immutable Unicode string `str`, PEP 393-style.
 *
 * Layout (core/object.h): length in code points, cached hash, width
 * `kind` (1, 2 or 4 bytes per code point) and an `ascii` flag, then the
 * code units and a 0 terminator. Indexing is O(1).
 *
 * Invariants:
 *   - canonical width: kind is the smallest that holds the largest code
 *     point, so equal strings have equal kind, length and bytes;
 *   - ascii == 1 exactly when every code point is < 128; the data is then
 *     also its own UTF-8 (no conversion at output);
 *   - lone surrogates are allowed in a str (as in Python); runtime C text
 *     carries them as 3-byte sequences, and output raises
 *     UnicodeEncodeError for them as CPython's strict UTF-8 stdout does.
 * Hashes are deterministic (not randomised per run as CPython's are):
 * programs cannot observe the difference except through hash() values.
 *
 * Also here: strbuf, the UTF-8 builder runtime C code uses to make text,
 * and ubuf, the UCS-4 builder str methods make results with; canonical
 * substrings and searching (shared with strmethods.c through
 * objects/text.h); indexing and slicing; str(bytes, encoding).
 * Iteration yields one-character strings (Latin-1 ones are cached).
 * The methods live in strmethods.c, `%` and format() in format.c.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem, MAP_NORESERVE, recursive mutexes */
#endif
#include "objects/text.h"

#include <stdatomic.h>
#include <stdlib.h>

#include "objects/str_unicode.inc"

static size_t str_size(const ai_object *o) {
    const ai_strobj *s = (const ai_strobj *)o;
    return sizeof(ai_strobj) + (size_t)(s->len + 1) * s->kind + s->spare;
}

static void *str_alloc(size_t size, bool immortal) {
    return immortal ? alloc_static(&ai_str_type, size) : ai_alloc(&ai_str_type, size);
}

static ai_value str_new_impl(int kind, int64_t len, bool immortal) {
    if (len < 0 || (uint64_t)len > ((uint64_t)1 << 44)) return exc_nomem();
    ai_strobj *s = str_alloc(sizeof(ai_strobj) + (size_t)(len + 1) * (size_t)kind, immortal);
    if (!s) return AI_ERR;
    s->len = len;
    s->hash = -1;
    s->kind = (uint8_t)kind;
    return ai_val(s);
}

ai_value str_new_kind(int kind, int64_t len) { return str_new_impl(kind, len, false); }

/* ---- UTF-8 ---------------------------------------------------------------- */

/* Decode one code point at p (< end). Accepts encoded surrogates (the
 * compiler passes lone surrogates from literals that way); a malformed
 * sequence decodes as U+FFFD and consumes one byte. */
static uint32_t utf8_next(const unsigned char **pp, const unsigned char *end) {
    const unsigned char *p = *pp;
    unsigned c = p[0];
    if (c < 0x80) {
        *pp = p + 1;
        return c;
    }
#define CONT(i) (p + (i) < end && (p[i] & 0xC0) == 0x80)
    if (c >= 0xC2 && c <= 0xDF && CONT(1)) {
        *pp = p + 2;
        return ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    }
    if (c >= 0xE0 && c <= 0xEF && CONT(1) && CONT(2) && (c != 0xE0 || p[1] >= 0xA0)) {
        *pp = p + 3;
        return ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    }
    if (c >= 0xF0 && c <= 0xF4 && CONT(1) && CONT(2) && CONT(3) && (c != 0xF0 || p[1] >= 0x90) &&
        (c != 0xF4 || p[1] < 0x90)) {
        *pp = p + 4;
        return ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
               (p[3] & 0x3Fu);
    }
#undef CONT
    *pp = p + 1;
    return 0xFFFD;
}

static int utf8_encode(uint32_t c, char *out) {
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

static int64_t str_hash_compute(const ai_strobj *s);

static ai_value str_from_utf8_impl(const char *src, int64_t n, bool immortal) {
    const unsigned char *p = (const unsigned char *)src, *end = p + n;
    int64_t i = 0;
    while (i < n && p[i] < 0x80) i++;
    ai_value v;
    if (i == n) {
        v = str_new_impl(1, n, immortal);
        if (!v) return AI_ERR;
        memcpy(str_data(str_obj(v)), src, (size_t)n);
        str_obj(v)->ascii = 1;
    } else {
        int64_t len = 0;
        uint32_t maxc = 0;
        for (const unsigned char *q = p; q < end; len++) {
            uint32_t c = utf8_next(&q, end);
            if (c > maxc) maxc = c;
        }
        v = str_new_impl(str_kind_for(maxc), len, immortal);
        if (!v) return AI_ERR;
        ai_strobj *s = str_obj(v);
        int64_t k = 0;
        for (const unsigned char *q = p; q < end;) str_put(s, k++, utf8_next(&q, end));
        s->ascii = maxc < 128;
    }
    if (immortal) str_obj(v)->hash = str_hash_compute(str_obj(v));
    return v;
}

ai_value str_from_utf8(const char *s, int64_t len) { return str_from_utf8_impl(s, len, false); }
ai_value str_from_cstr(const char *s) { return str_from_utf8(s, (int64_t)strlen(s)); }

/* str_of_literal's table: open addressing on the literal's address, a
 * slot claimed once (CAS on the key) and never changed; a second thread
 * racing for the same literal may make a second immortal copy, which is
 * harmless (equal contents) and bounded by the number of threads. */
enum { LITERAL_SLOTS = 512 };
static struct {
    _Atomic(const char *) key;
    _Atomic ai_value value;
} literal_strs[LITERAL_SLOTS];

ai_value str_of_literal(const char *lit) {
    size_t h = ((uintptr_t)lit >> 3) * 0x9E3779B97F4A7C15ull >> 55; /* 9 bits */
    for (size_t i = 0; i < LITERAL_SLOTS; i++) {
        size_t j = (h + i) & (LITERAL_SLOTS - 1);
        const char *k = atomic_load_explicit(&literal_strs[j].key, memory_order_acquire);
        if (k == lit) {
            ai_value v = atomic_load_explicit(&literal_strs[j].value, memory_order_acquire);
            if (v) return v;
            break; /* being filled by another thread: make our own */
        }
        if (!k) {
            const char *expect = NULL;
            ai_value v = ai_const_str(lit, (int64_t)strlen(lit));
            if (!v) return AI_ERR;
            if (atomic_compare_exchange_strong(&literal_strs[j].key, &expect, lit)) {
                atomic_store_explicit(&literal_strs[j].value, v, memory_order_release);
                return v;
            }
            if (expect == lit) return v;
            /* another literal took the slot: keep probing */
        }
    }
    return ai_const_str(lit, (int64_t)strlen(lit));
}

ai_value str_from_ascii(const char *s, int64_t len) {
    ai_value v = str_new_impl(1, len, false);
    if (!v) return AI_ERR;
    memcpy(str_data(str_obj(v)), s, (size_t)len);
    str_obj(v)->ascii = 1;
    return v;
}

/* A one-character ASCII constant is the character's cached string, so the
 * same literal in two modules is one object and `code == 'd'` is decided
 * by identity (CPython's latin-1 singletons do the same). */
ai_value ai_const_str(const char *utf8, int64_t len) {
    if (len == 1 && (unsigned char)utf8[0] < 128) return str_from_codepoint((unsigned char)utf8[0]);
    return str_from_utf8_impl(utf8, len, true);
}

/* Lone surrogates U+DC80..U+DCFF stand for the undecodable bytes 0x80..0xFF
 * (the surrogateescape error handler). */
static bool escaped_byte(uint32_t c) { return c >= 0xDC80 && c <= 0xDCFF; }

enum { ENC_LAX, ENC_STRICT, ENC_SURROGATEESCAPE };

static const char *encode(ai_value v, int64_t *lenp, int mode) {
    ai_strobj *s = str_obj(v);
    if (s->ascii) {
        if (lenp) *lenp = s->len;
        return str_data(s);
    }
    bool strict = mode != ENC_LAX, escape = mode == ENC_SURROGATEESCAPE;
    size_t n = 0;
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = str_char(s, i);
        if (escape && escaped_byte(c)) {
            n++;
            continue;
        }
        if (strict && c >= 0xD800 && c <= 0xDFFF) {
            int64_t j = i + 1;
            while (j < s->len && str_char(s, j) >= 0xD800 && str_char(s, j) <= 0xDFFF &&
                   !(escape && escaped_byte(str_char(s, j))))
                j++;
            /* UnicodeEncodeError's message, as CPython words it. */
            if (j - i == 1)
                ai_raise_fmt(&ai_exc_UnicodeEncodeError,
                             "'utf-8' codec can't encode character '\\u%04x' in position %lld: "
                             "surrogates not allowed",
                             (unsigned)c, (long long)i);
            else
                ai_raise_fmt(&ai_exc_UnicodeEncodeError,
                             "'utf-8' codec can't encode characters in position %lld-%lld: "
                             "surrogates not allowed",
                             (long long)i, (long long)(j - 1));
            return NULL;
        }
        n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    char *out = alloc_raw(n + 1);
    if (!out) return NULL;
    size_t k = 0;
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = str_char(s, i);
        if (escape && escaped_byte(c)) out[k++] = (char)(c - 0xDC00);
        else k += (size_t)utf8_encode(c, out + k);
    }
    out[k] = 0;
    if (lenp) *lenp = (int64_t)k;
    return out;
}

const char *str_utf8(ai_value s, int64_t *len) { return encode(s, len, ENC_LAX); }
const char *str_utf8_strict(ai_value s, int64_t *len) { return encode(s, len, ENC_STRICT); }
const char *str_utf8_stdio(ai_value s, int64_t *len) { return encode(s, len, ENC_SURROGATEESCAPE); }

/* ---- strbuf ------------------------------------------------------------------- */

void sb_init(strbuf *b) {
    b->p = b->small;
    b->len = 0;
    b->cap = sizeof b->small;
    b->oom = false;
}

void sb_free(strbuf *b) {
    if (b->p != b->small) free(b->p);
    sb_init(b);
}

static bool sb_reserve(strbuf *b, size_t extra) {
    if (b->oom) return false;
    if (b->len + extra <= b->cap) return true;
    size_t cap = b->cap * 2;
    while (cap < b->len + extra) cap *= 2;
    char *n = b->p == b->small ? malloc(cap) : realloc(b->p, cap);
    if (!n) {
        b->oom = true;
        return false;
    }
    if (b->p == b->small) memcpy(n, b->small, b->len);
    b->p = n;
    b->cap = cap;
    return true;
}

void sb_add(strbuf *b, const char *s, size_t n) {
    if (!sb_reserve(b, n)) return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

void sb_addc(strbuf *b, uint32_t cp) {
    char tmp[4];
    sb_add(b, tmp, (size_t)utf8_encode(cp, tmp));
}

void sb_printf(strbuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) {
        sb_add(b, tmp, (size_t)n);
        return;
    }
    if (!sb_reserve(b, (size_t)n + 1)) return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sb_add_str(strbuf *b, ai_value s) {
    int64_t n;
    const char *p = str_utf8(s, &n);
    if (!p) {
        b->oom = true;
        return;
    }
    sb_add(b, p, (size_t)n);
}

ai_value sb_finish(strbuf *b) {
    ai_value r = b->oom ? exc_nomem() : str_from_utf8(b->p, (int64_t)b->len);
    sb_free(b);
    return r;
}

/* ---- canonical construction ------------------------------------------------------- */

/* The empty string: one static immortal object (its terminator included). */
static struct {
    ai_strobj s;
    uint32_t zero;
} empty_str = {{{(uintptr_t)&ai_str_type}, 0, 0, 1, 1, {0}, 0}, 0};

ai_value str_empty(void) { return ai_val(&empty_str.s); }

uint32_t str_maxchar(const ai_strobj *s, int64_t start, int64_t end) {
    uint32_t m = 0;
    switch (s->kind) {
    case 1: {
        const uint8_t *d = str_data(s);
        if (s->ascii) return start < end ? 127 : 0; /* an upper bound is enough */
        for (int64_t i = start; i < end; i++)
            if (d[i] > m) m = d[i];
        return m;
    }
    case 2: {
        const uint16_t *d = str_data(s);
        for (int64_t i = start; i < end; i++)
            if (d[i] > m) m = d[i];
        return m;
    }
    default: {
        const uint32_t *d = str_data(s);
        for (int64_t i = start; i < end; i++)
            if (d[i] > m) m = d[i];
        return m;
    }
    }
}

ai_value str_substr(ai_value v, int64_t start, int64_t end) {
    ai_strobj *s = str_obj(v);
    int64_t n = end - start;
    if (n <= 0) return str_empty();
    if (n == s->len) return v;
    if (n == 1) return str_from_codepoint(str_char(s, start));
    if (s->kind == 1) {
        ai_value r = str_new_kind(1, n);
        if (!r) return AI_ERR;
        memcpy(str_data(str_obj(r)), (const uint8_t *)str_data(s) + start, (size_t)n);
        str_obj(r)->ascii = s->ascii || str_maxchar(s, start, end) < 128;
        return r;
    }
    /* A wide string's slice may be narrower: measure to stay canonical. */
    uint32_t m = str_maxchar(s, start, end);
    int kind = str_kind_for(m);
    ai_value r = str_new_kind(kind, n);
    if (!r) return AI_ERR;
    ai_strobj *o = str_obj(r);
    if (kind == s->kind)
        memcpy(str_data(o), (const char *)str_data(s) + start * s->kind, (size_t)n * (size_t)kind);
    else
        for (int64_t i = 0; i < n; i++) str_put(o, i, str_char(s, start + i));
    o->ascii = m < 128;
    return r;
}

ai_value str_from_ucs4(const uint32_t *cps, int64_t n) {
    if (n == 0) return str_empty();
    uint32_t m = 0;
    for (int64_t i = 0; i < n; i++)
        if (cps[i] > m) m = cps[i];
    if (n == 1) return str_from_codepoint(m);
    ai_value r = str_new_kind(str_kind_for(m), n);
    if (!r) return AI_ERR;
    ai_strobj *o = str_obj(r);
    for (int64_t i = 0; i < n; i++) str_put(o, i, cps[i]);
    o->ascii = m < 128;
    return r;
}

ai_value str_from_latin1(const uint8_t *p, int64_t n) {
    if (n == 0) return str_empty();
    if (n == 1) return str_from_codepoint(p[0]);
    ai_value r = str_new_kind(1, n);
    if (!r) return AI_ERR;
    memcpy(str_data(str_obj(r)), p, (size_t)n);
    bool ascii = true;
    for (int64_t i = 0; i < n && ascii; i++) ascii = p[i] < 128;
    str_obj(r)->ascii = ascii;
    return r;
}

/* ---- ubuf: the UCS-4 builder ------------------------------------------------------- */

void ub_init(ubuf *b) {
    b->p = b->small;
    b->len = 0;
    b->cap = (int64_t)(sizeof b->small / sizeof b->small[0]);
    b->maxc = 0;
    b->oom = false;
}

void ub_free(ubuf *b) {
    if (b->p != b->small) free(b->p);
    ub_init(b);
}

bool ub_reserve(ubuf *b, int64_t extra) {
    if (b->oom) return false;
    if (extra <= b->cap - b->len) return true;
    if (extra > ((int64_t)1 << 40) - b->len) {
        b->oom = true;
        return false;
    }
    int64_t cap = b->cap * 2;
    while (cap - b->len < extra) cap *= 2;
    uint32_t *n = b->p == b->small ? malloc((size_t)cap * 4) : realloc(b->p, (size_t)cap * 4);
    if (!n) {
        b->oom = true;
        return false;
    }
    if (b->p == b->small) memcpy(n, b->small, (size_t)b->len * 4);
    b->p = n;
    b->cap = cap;
    return true;
}

void ub_fill(ubuf *b, uint32_t c, int64_t n) {
    if (n <= 0 || !ub_reserve(b, n)) return;
    for (int64_t i = 0; i < n; i++) b->p[b->len + i] = c;
    b->len += n;
    if (c > b->maxc) b->maxc = c;
}

void ub_add_sub(ubuf *b, const ai_strobj *s, int64_t start, int64_t end) {
    if (end <= start || !ub_reserve(b, end - start)) return;
    uint32_t *d = b->p + b->len;
    switch (s->kind) {
    case 1: {
        const uint8_t *p = str_data(s);
        for (int64_t i = start; i < end; i++) *d++ = p[i];
        break;
    }
    case 2: {
        const uint16_t *p = str_data(s);
        for (int64_t i = start; i < end; i++) *d++ = p[i];
        break;
    }
    default: memcpy(d, (const uint32_t *)str_data(s) + start, (size_t)(end - start) * 4); break;
    }
    b->len += end - start;
    uint32_t m = s->ascii ? 127 : str_maxchar(s, start, end);
    if (m > b->maxc) b->maxc = m;
}

void ub_add_ascii(ubuf *b, const char *p, size_t n) {
    if (!ub_reserve(b, (int64_t)n)) return;
    for (size_t i = 0; i < n; i++) b->p[b->len + (int64_t)i] = (unsigned char)p[i];
    b->len += (int64_t)n;
    if (n && b->maxc < 127) b->maxc = 127;
}

ai_value ub_finish(ubuf *b) {
    if (b->oom) {
        ub_free(b);
        return exc_nomem();
    }
    ai_value r;
    if (b->len == 0)
        r = str_empty();
    else if (b->len == 1)
        r = str_from_codepoint(b->p[0]);
    else {
        /* maxc may be an upper bound (ASCII appends): compute exactly. */
        uint32_t m = 0;
        for (int64_t i = 0; i < b->len; i++)
            if (b->p[i] > m) m = b->p[i];
        r = str_new_kind(str_kind_for(m), b->len);
        if (r) {
            ai_strobj *o = str_obj(r);
            if (o->kind == 4)
                memcpy(str_data(o), b->p, (size_t)b->len * 4);
            else
                for (int64_t i = 0; i < b->len; i++) str_put(o, i, b->p[i]);
            o->ascii = m < 128;
        }
    }
    ub_free(b);
    return r;
}

/* ---- searching --------------------------------------------------------------------- */

bool str_match_at(const ai_strobj *h, int64_t i, const ai_strobj *n) {
    if (h->kind == n->kind)
        return memcmp((const char *)str_data(h) + i * h->kind, str_data(n),
                      (size_t)n->len * n->kind) == 0;
    for (int64_t j = 0; j < n->len; j++)
        if (str_char(h, i + j) != str_char(n, j)) return false;
    return true;
}

int64_t str_find_in(const ai_strobj *h, const ai_strobj *n, int64_t start, int64_t end) {
    if (start < 0) start = 0;
    if (end > h->len) end = h->len;
    if (end - start < n->len) return -1;
    if (n->len == 0) return start;
    /* A needle wider than the haystack cannot occur in it. */
    if (n->kind > h->kind) return -1;
    if (h->kind == 1) {
        const uint8_t *base = str_data(h);
        const uint8_t *p;
        if (n->len == 1)
            p = memchr(base + start, ((const uint8_t *)str_data(n))[0], (size_t)(end - start));
        else
            p = memmem(base + start, (size_t)(end - start), str_data(n), (size_t)n->len);
        return p ? p - base : -1;
    }
    uint32_t first = str_char(n, 0);
    for (int64_t i = start; i + n->len <= end; i++)
        if (str_char(h, i) == first && str_match_at(h, i, n)) return i;
    return -1;
}

int64_t str_rfind_in(const ai_strobj *h, const ai_strobj *n, int64_t start, int64_t end) {
    if (start < 0) start = 0;
    if (end > h->len) end = h->len;
    if (end - start < n->len) return -1;
    if (n->len == 0) return end;
    if (n->kind > h->kind) return -1;
    if (h->kind == 1 && n->len == 1) {
        const uint8_t *base = str_data(h);
        const uint8_t *p = memrchr(base + start, ((const uint8_t *)str_data(n))[0],
                                   (size_t)(end - start));
        return p ? p - base : -1;
    }
    uint32_t first = str_char(n, 0);
    for (int64_t i = end - n->len; i >= start; i--)
        if (str_char(h, i) == first && str_match_at(h, i, n)) return i;
    return -1;
}

int64_t str_count_in(const ai_strobj *h, const ai_strobj *n, int64_t start, int64_t end,
                     int64_t max) {
    if (start < 0) start = 0;
    if (end > h->len) end = h->len;
    if (end - start < n->len) return 0;
    if (n->len == 0) {
        int64_t c = end - start + 1;
        return max >= 0 && c > max ? max : c;
    }
    int64_t c = 0;
    while (max < 0 || c < max) {
        int64_t i = str_find_in(h, n, start, end);
        if (i < 0) break;
        c++;
        start = i + n->len;
    }
    return c;
}

/* ---- comparison and hashing ------------------------------------------------------ */

int32_t ai_str_eq_known(ai_value a, ai_value b) {
    if (a == b) return 1; /* the constant itself: an exact str */
    if (ai_is_smallint(a) || ai_is_smallint(b) || ai_type_of_obj(ai_obj(a)) != &ai_str_type ||
        ai_type_of_obj(ai_obj(b)) != &ai_str_type)
        return -1;
    return str_eq(str_obj(a), str_obj(b));
}

bool str_eq(const ai_strobj *a, const ai_strobj *b) {
    if (a == b) return true;
    if (a->len != b->len || a->kind != b->kind) return false;
    int64_t ha = __atomic_load_n(&a->hash, __ATOMIC_RELAXED);
    int64_t hb = __atomic_load_n(&b->hash, __ATOMIC_RELAXED);
    if (ha != -1 && hb != -1 && ha != hb) return false;
    size_t n = (size_t)a->len * a->kind;
    if (n <= 24) {
        /* Short strings (words, keys): no call to memcmp, 8 bytes a step.
         * The data starts 8-aligned after the 32-byte header and every
         * allocation is rounded up to 8 bytes past the terminator, so the
         * last partial word is readable; its bytes past n are masked. */
        const unsigned char *p = str_data(a), *q = str_data(b);
        uint64_t x, y, diff = 0;
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            memcpy(&x, p + i, 8);
            memcpy(&y, q + i, 8);
            diff |= x ^ y;
        }
        if (i < n) {
            memcpy(&x, p + i, 8);
            memcpy(&y, q + i, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            diff |= (x ^ y) & (~(uint64_t)0 << (8 * (8 - (n - i))));
#else
            diff |= (x ^ y) & (~(uint64_t)0 >> (8 * (8 - (n - i))));
#endif
        }
        return diff == 0;
    }
    return memcmp(str_data(a), str_data(b), n) == 0;
}

int str_cmp(const ai_strobj *a, const ai_strobj *b) {
    int64_t n = a->len < b->len ? a->len : b->len;
    if (a->kind == 1 && b->kind == 1) {
        int c = memcmp(str_data(a), str_data(b), (size_t)n);
        if (c) return c < 0 ? -1 : 1;
    } else {
        for (int64_t i = 0; i < n; i++) {
            uint32_t x = str_char(a, i), y = str_char(b, i);
            if (x != y) return x < y ? -1 : 1;
        }
    }
    return (a->len > b->len) - (a->len < b->len);
}

static int64_t str_hash_compute(const ai_strobj *s) {
    if (s->len == 0) return 0; /* as CPython, whose other str hashes are random */
    /* FNV-1a over the code points, then a 64-bit finaliser so that short
     * keys spread over the low bits a table indexes by. */
    uint64_t h = 14695981039346656037ULL;
    for (int64_t i = 0; i < s->len; i++) h = (h ^ str_char(s, i)) * 1099511628211ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    if ((int64_t)h == -1) h = (uint64_t)-2;
    return (int64_t)h;
}

int64_t str_hash(ai_value v) {
    ai_strobj *s = str_obj(v);
    /* Relaxed atomics: the cache is idempotent, and immortal strings are
     * hashed before they are published anyway. */
    int64_t h = __atomic_load_n(&s->hash, __ATOMIC_RELAXED);
    if (h == -1) {
        h = str_hash_compute(s);
        __atomic_store_n(&s->hash, h, __ATOMIC_RELAXED);
    }
    return h;
}

bool str_compare_op(const ai_strobj *x, const ai_strobj *y, int32_t op) {
    if (op == AI_CMP_EQ) return str_eq(x, y);
    if (op == AI_CMP_NE) return !str_eq(x, y);
    return OBJ_CMP_RESULT(op, str_cmp(x, y));
}

static ai_value str_richcompare(ai_value a, ai_value b, int32_t op) {
    if (!str_check(a) || !str_check(b)) return AI_NOTIMPL;
    return ai_bool(str_compare_op(str_obj(a), str_obj(b), op));
}

/* ---- operators --------------------------------------------------------------------- */

ai_value str_concat(ai_value a, ai_value b) {
    if (!str_check(b))
        return ai_raise_fmt(&ai_exc_TypeError, "can only concatenate str (not \"%s\") to str",
                            obj_type_name(b));
    ai_strobj *x = str_obj(a), *y = str_obj(b);
    /* An operand is the result only when it is an exact str ('' + s of a
     * str subclass is a str, as in CPython). */
    if (y->len == 0 && obj_is_type(a, &ai_str_type)) return a;
    if (x->len == 0 && obj_is_type(b, &ai_str_type)) return b;
    int kind = x->kind > y->kind ? x->kind : y->kind;
    if (x->len > INT64_MAX / 2 - y->len) return exc_nomem();
    ai_value v = str_new_kind(kind, x->len + y->len);
    if (!v) return AI_ERR;
    ai_strobj *r = str_obj(v);
    if (x->kind == kind) {
        memcpy(str_data(r), str_data(x), (size_t)x->len * (size_t)kind);
    } else {
        for (int64_t i = 0; i < x->len; i++) str_put(r, i, str_char(x, i));
    }
    if (y->kind == kind) {
        memcpy((char *)str_data(r) + x->len * kind, str_data(y), (size_t)y->len * (size_t)kind);
    } else {
        for (int64_t i = 0; i < y->len; i++) str_put(r, x->len + i, str_char(y, i));
    }
    r->ascii = x->ascii && y->ascii;
    return v;
}

/* ---- s += x on a local (amortised O(1)) ------------------------------------ */

/* a + b (exact strs) in a new string with room after it to append as
 * much again. */
static ai_value concat_spare(ai_strobj *x, ai_strobj *y) {
    int kind = x->kind > y->kind ? x->kind : y->kind;
    if (x->len > INT64_MAX / 4 - y->len) return exc_nomem();
    int64_t len = x->len + y->len;
    int64_t room = len < 16 ? 16 : len;
    if ((uint64_t)room * (uint64_t)kind > UINT32_MAX / 2) room = (int64_t)(UINT32_MAX / 2) / kind;
    size_t spare = (size_t)room * (size_t)kind;
    ai_strobj *r = str_alloc(sizeof(ai_strobj) + (size_t)(len + 1) * (size_t)kind + spare, false);
    if (!r) return AI_ERR;
    r->len = len;
    r->hash = -1;
    r->kind = (uint8_t)kind;
    r->spare = (uint32_t)spare;
    if (x->kind == kind) memcpy(str_data(r), str_data(x), (size_t)x->len * (size_t)kind);
    else for (int64_t i = 0; i < x->len; i++) str_put(r, i, str_char(x, i));
    if (y->kind == kind) memcpy((char *)str_data(r) + x->len * kind, str_data(y), (size_t)y->len * (size_t)kind);
    else for (int64_t i = 0; i < y->len; i++) str_put(r, x->len + i, str_char(y, i));
    r->ascii = x->ascii && y->ascii;
    return ai_val(r);
}

ai_value ai_str_iadd(ai_value cur, ai_value v, ai_value *owned) {
    if (obj_is_type(cur, &ai_bytes_type) && obj_is_type(v, &ai_bytes_type))
        return bytes_iadd_owned(cur, v, owned);
    if (!obj_is_type(cur, &ai_str_type) || !obj_is_type(v, &ai_str_type)) {
        *owned = 0;
        return ai_inplace(cur, v, AI_OP_ADD);
    }
    ai_strobj *x = str_obj(cur), *y = str_obj(v);
    if (y->len == 0) return cur;
    if (*owned == cur && y->kind <= x->kind &&
        (uint64_t)y->len * x->kind <= (uint64_t)x->spare) {
        /* Nobody but the variable sees cur (the compiler clears *owned
         * whenever the variable is read or rebound): grow it in place. */
        size_t add = (size_t)y->len * x->kind;
        if (y->kind == x->kind) memcpy((char *)str_data(x) + x->len * x->kind, str_data(y), add);
        else for (int64_t i = 0; i < y->len; i++) str_put(x, x->len + i, str_char(y, i));
        x->len += y->len;
        x->spare -= (uint32_t)add;
        str_put(x, x->len, 0);
        x->hash = -1;
        x->ascii = x->ascii && y->ascii;
        return cur;
    }
    ai_value r = concat_spare(x, y);
    *owned = r;
    return r;
}

static ai_value str_repeat(ai_value a, int64_t n) {
    ai_strobj *x = str_obj(a);
    if (n <= 0 || x->len == 0) return str_from_ascii("", 0);
    if (n == 1) return a;
    if (x->len > INT64_MAX / n)
        return ai_raise_msg(&ai_exc_OverflowError, "repeated string is too long");
    int64_t len = x->len * n;
    ai_value v = str_new_kind(x->kind, len);
    if (!v) return AI_ERR;
    ai_strobj *r = str_obj(v);
    size_t unit = (size_t)x->len * x->kind;
    char *d = str_data(r);
    if (x->len == 1 && x->kind == 1) {
        memset(d, ((uint8_t *)str_data(x))[0], (size_t)n);
    } else {
        /* Doubling copies: log(n) memcpy calls. */
        memcpy(d, str_data(x), unit);
        size_t done = unit, total = unit * (size_t)n;
        while (done < total) {
            size_t c = done < total - done ? done : total - done;
            memcpy(d + done, d, c);
            done += c;
        }
    }
    r->ascii = x->ascii;
    return v;
}

static int64_t str_len(ai_value v) { return str_obj(v)->len; }

static int32_t str_contains(ai_value c, ai_value item) {
    if (!str_check(item)) {
        ai_raise_fmt(&ai_exc_TypeError, "'in <string>' requires string as left operand, not %s",
                     obj_type_name(item));
        return -1;
    }
    const ai_strobj *h = str_obj(c), *n = str_obj(item);
    if (n->len == 1 && n->kind == 1 && h->kind == 1 && h->len <= 32) {
        /* One character in a short string (`ch in " \t\n"`): a scan. */
        const uint8_t *p = str_data(h), x = *(const uint8_t *)str_data(n);
        for (int64_t i = 0; i < h->len; i++)
            if (p[i] == x) return 1;
        return 0;
    }
    return str_find_in(h, n, 0, h->len) >= 0;
}

/* ---- repr ---------------------------------------------------------------------------- */

bool str_isprintable(uint32_t c) {
    if (c >= 0x20 && c < 0x7F) return true;
    size_t lo = 0, hi = sizeof str_nonprintable / sizeof str_nonprintable[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < str_nonprintable[mid][0])
            hi = mid;
        else if (c > str_nonprintable[mid][1])
            lo = mid + 1;
        else
            return false;
    }
    return true;
}

ai_value str_repr(ai_value v) {
    ai_strobj *s = str_obj(v);
    bool sq = false, dq = false;
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = str_char(s, i);
        if (c == '\'')
            sq = true;
        else if (c == '"')
            dq = true;
    }
    uint32_t quote = (sq && !dq) ? '"' : '\'';
    strbuf b;
    sb_init(&b);
    sb_addc(&b, quote);
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = str_char(s, i);
        if (c == quote || c == '\\') {
            sb_addc(&b, '\\');
            sb_addc(&b, c);
        } else if (c == '\t')
            sb_adds(&b, "\\t");
        else if (c == '\n')
            sb_adds(&b, "\\n");
        else if (c == '\r')
            sb_adds(&b, "\\r");
        else if (c < 0x20 || c == 0x7F)
            sb_printf(&b, "\\x%02x", (unsigned)c);
        else if (c < 0x7F || str_isprintable(c))
            sb_addc(&b, c);
        else if (c <= 0xFF)
            sb_printf(&b, "\\x%02x", (unsigned)c);
        else if (c <= 0xFFFF)
            sb_printf(&b, "\\u%04x", (unsigned)c);
        else
            sb_printf(&b, "\\U%08x", (unsigned)c);
    }
    sb_addc(&b, quote);
    return sb_finish(&b);
}

static ai_value str_repr_slot(ai_value v) { return str_repr(v); }
static ai_value str_str_slot(ai_value v) { return v; }

/* ---- single characters and number parsing support ---------------------------------- */

/* Read by compiled code too (emit_data.c's inline `s[i]`): an entry is
 * 0 until made, then the same immortal string for good. */
ai_value ai_str_char_cache[256];

ai_value str_from_codepoint(uint32_t cp) {
    if (cp < 256) {
        /* One immortal string per Latin-1 character, made on first use;
         * a race makes two, which is harmless (both immortal). */
        ai_value v = __atomic_load_n(&ai_str_char_cache[cp], __ATOMIC_ACQUIRE);
        if (v) return v;
        v = str_new_impl(1, 1, true);
        if (!v) return AI_ERR;
        ((uint8_t *)str_data(str_obj(v)))[0] = (uint8_t)cp;
        str_obj(v)->ascii = cp < 128;
        str_obj(v)->hash = str_hash_compute(str_obj(v));
        __atomic_store_n(&ai_str_char_cache[cp], v, __ATOMIC_RELEASE);
        return v;
    }
    ai_value v = str_new_kind(str_kind_for(cp), 1);
    if (!v) return AI_ERR;
    str_put(str_obj(v), 0, cp);
    return v;
}

bool str_is_space(uint32_t c) {
    /* Python's str.isspace() set (bidirectional class WS/B/S or Zs). */
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

/* The ASCII digit a Unicode decimal digit stands for, or -1. */
int uni_decimal(uint32_t c) {
    size_t lo = 0, hi = sizeof str_digit_zeros / sizeof str_digit_zeros[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < str_digit_zeros[mid])
            hi = mid;
        else if (c >= str_digit_zeros[mid] + 10)
            lo = mid + 1;
        else
            return (int)(c - str_digit_zeros[mid]);
    }
    return -1;
}

char *str_ascii_strip_malloc(ai_value v, int64_t *lenp) {
    ai_strobj *s = str_obj(v);
    int64_t a = 0, b = s->len;
    while (a < b && str_is_space(str_char(s, a))) a++;
    while (b > a && str_is_space(str_char(s, b - 1))) b--;
    *lenp = 0;
    char *out = malloc((size_t)(b - a) + 1);
    if (!out) return NULL;
    int64_t k = 0;
    for (int64_t i = a; i < b; i++) {
        uint32_t c = str_char(s, i);
        if (c >= 128) {
            int d = uni_decimal(c);
            if (d < 0) {
                free(out);
                *lenp = -1;
                return NULL;
            }
            c = (uint32_t)('0' + d);
        }
        out[k++] = (char)c;
    }
    out[k] = 0;
    *lenp = k;
    return out;
}

/* ---- iteration ---------------------------------------------------------------------- */

static int32_t str_iter_next(ai_value it, ai_value *out) {
    seq_iter *si = (seq_iter *)ai_obj(it);
    ai_strobj *s = str_obj(si->seq);
    if (si->index >= s->len) return 0;
    ai_value c = str_from_codepoint(str_char(s, si->index));
    if (!c) return -1;
    si->index++;
    *out = c;
    return 1;
}

static const ai_slots str_iter_slots = {.iter = obj_iter_self, .next = str_iter_next};

/* CPython names the iterator of an ASCII string differently; keep both
 * names so type() of an iterator prints the same. */
static ai_type str_iter_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "str_iterator",
    .base = &ai_object_type,
    .basicsize = sizeof(seq_iter),
    .gc_visit = seq_iter_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&str_iter_slots,
};
static ai_type str_ascii_iter_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "str_ascii_iterator",
    .base = &ai_object_type,
    .basicsize = sizeof(seq_iter),
    .gc_visit = seq_iter_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&str_iter_slots,
};

static ai_value str_iter(ai_value v) {
    seq_iter *it =
        ai_alloc(str_obj(v)->ascii ? &str_ascii_iter_type : &str_iter_type, sizeof(seq_iter));
    if (!it) return AI_ERR;
    it->seq = v;
    return ai_val(it);
}

/* ---- subscripts ---------------------------------------------------------------------- */

static ai_value str_getitem(ai_value v, ai_value key) {
    ai_strobj *s = str_obj(v);
    if (ai_is_smallint(key) && s->kind == 1) {
        /* s[i] of a Latin-1 string (a scanner's loop): the cached character. */
        int64_t i = ai_smallint_get(key);
        if (i < 0) i += s->len;
        if (i >= 0 && i < s->len) return str_from_codepoint(((const uint8_t *)str_data(s))[i]);
    }
    if (ai_is_smallint(key) || obj_slots(key)->index) {
        int64_t i;
        if (seq_index_of(key, &i) < 0) return AI_ERR;
        if (i < 0) i += s->len;
        if (i < 0 || i >= s->len)
            return ai_raise_msg(&ai_exc_IndexError, "string index out of range");
        return str_from_codepoint(str_char(s, i));
    }
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, s->len, &start, &stop, &step, &n) < 0) return AI_ERR;
        if (step == 1) return str_substr(v, start, start + n);
        if (n <= 0) return str_empty();
        ubuf b;
        ub_init(&b);
        if (!ub_reserve(&b, n)) return ub_finish(&b);
        for (int64_t k = 0, i = start; k < n; k++, i += step) b.p[b.len++] = str_char(s, i);
        return ub_finish(&b);
    }
    return ai_raise_fmt(&ai_exc_TypeError, "string indices must be integers, not '%s'",
                        obj_type_name(key));
}

/* ---- the type ---------------------------------------------------------------------- */

/* str(object='') / str(object=b'', encoding='utf-8', errors='strict'). */
static ai_value str_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    static const char *const names[] = {"object", "encoding", "errors"};
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nargs + nkw > 3)
        return ai_raise_fmt(&ai_exc_TypeError, "str() takes at most 3 arguments (%lld given)",
                            (long long)(nargs + nkw));
    ai_value a[3] = {0, 0, 0};
    for (int64_t i = 0; i < nargs; i++) a[i] = args[i];
    for (int64_t k = 0; k < nkw; k++) {
        ai_value kn = tuple_obj(kwnames)->items[k];
        int j = 0;
        while (j < 3 && !attr_name_is(kn, names[j])) j++;
        if (j == 3) {
            const char *p = str_utf8(kn, NULL);
            return ai_raise_fmt(&ai_exc_TypeError, "'%s' is an invalid keyword argument for str()",
                                p ? p : "?");
        }
        if (a[j])
            return ai_raise_fmt(&ai_exc_TypeError,
                                "argument for str() given by name ('%s') and position (%d)",
                                names[j], j + 1);
        a[j] = args[nargs + k];
    }
    if (!a[1] && !a[2]) return a[0] ? ai_str(a[0]) : str_empty();
    const char *enc = NULL, *err = NULL;
    for (int j = 1; j < 3; j++) {
        if (!a[j]) continue;
        if (!str_check(a[j]))
            return ai_raise_fmt(&ai_exc_TypeError, "str() argument '%s' must be str, not %s",
                                names[j], obj_type_name(a[j]));
        const char *p = str_utf8(a[j], NULL);
        if (!p) return AI_ERR;
        if (j == 1)
            enc = p;
        else
            err = p;
    }
    if (!a[0]) return str_empty();
    if (str_check(a[0])) return ai_raise_msg(&ai_exc_TypeError, "decoding str is not supported");
    int64_t n;
    const unsigned char *p = bytes_buffer(a[0], &n);
    if (!p)
        return ai_raise_fmt(&ai_exc_TypeError,
                            "decoding to str: need a bytes-like object, %s found",
                            obj_type_name(a[0]));
    return text_decode(p, n, enc, err);
}

static const ai_slots str_slots = {
    .concat = str_concat,
    .repeat = str_repeat,
    .richcompare = str_richcompare,
    .hash = str_hash,
    .len = str_len,
    .contains = str_contains,
    .construct = str_construct,
    .iter = str_iter,
    .mod = fmt_str_mod,
    .getitem = str_getitem,
    .methods = str_methods,
};

ai_type ai_str_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "str",
    .base = &ai_object_type,
    .flags = AI_TF_MATCH_SELF,
    .basicsize = sizeof(ai_strobj),
    .repr = str_repr_slot,
    .str = str_str_slot,
    .gc_size = str_size,
    .slots = (void *)&str_slots,
};
