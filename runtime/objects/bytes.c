/*
 * objects/bytes.c — the byte sequences: immutable `bytes` and mutable
 * `bytearray`, with their shared methods.
 *
 * Layouts: bytes (core/object.h, ai_bytes): length, cached hash, the data
 * inline and NUL-terminated. bytearray (below): len bytes in use out of
 * cap in the data of an ai_rawbuf (alloc_raw), replaced when it grows.
 * The methods are written once over (pointer, length): on a bytearray
 * they return bytearrays, on bytes bytes; arguments take any bytes-like
 * object. Character classes and case mappings are ASCII-only, as in
 * CPython. repr is CPython's, quirks included (bytearray(b"\'")).
 *
 * Invariants: bytes are immutable once returned (constants are hashed
 * before they are published); a bytearray's data is NULL exactly when
 * cap == 0; code that calls back into Python re-reads len and data.
 * bytes % args is format.c's (fmt_bytes_mod).
 * bytes(x) calls a user class's __bytes__. Not handled: memoryview, `+=` / `*=` that
 * keep a bytearray's identity (they build a new one).
 */
#include "objects/text.h"
#include "gc/gc.h"

#include <stdlib.h>

/* ---- layouts --------------------------------------------------------------- */

typedef struct ai_bytearray {
    ai_object ob;
    int64_t len, cap;
    unsigned char *data; /* rawbuf data, or NULL when cap == 0 */
} ai_bytearray;

static inline ai_bytes *bytes_obj(ai_value v) { return (ai_bytes *)ai_obj(v); }
static inline unsigned char *bytes_data(ai_bytes *b) { return (unsigned char *)(b + 1); }
static inline ai_bytearray *ba_obj(ai_value v) { return (ai_bytearray *)ai_obj(v); }

unsigned char *bytes_data_of(ai_value v) { return bytes_data(bytes_obj(v)); }

const unsigned char *bytes_buffer(ai_value v, int64_t *len) {
    if (ai_is_smallint(v)) return NULL;
    if (bytes_check(v)) {
        *len = bytes_obj(v)->len;
        return bytes_data(bytes_obj(v));
    }
    if (bytearray_check(v)) {
        *len = ba_obj(v)->len;
        return ba_obj(v)->data ? ba_obj(v)->data : (const unsigned char *)"";
    }
    if (memview_check(v)) return memview_buffer(v, len);
    if (array_check(v)) return array_buffer(v, len); /* bytes-like, as in CPython */
    return NULL;
}

static size_t bytes_size(const ai_object *o) {
    const ai_bytes *b = (const ai_bytes *)o;
    return sizeof(ai_bytes) + (size_t)b->len + 1 + (size_t)b->spare;
}

static int64_t hash_bytes(const unsigned char *p, int64_t n) {
    /* FNV-1a with a final avalanche; not randomised (see str.c). */
    uint64_t h = 14695981039346656037ULL;
    for (int64_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ULL;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 32;
    if ((int64_t)h == -1) h = (uint64_t)-2;
    return (int64_t)h;
}

ai_value bytes_from(const char *data, int64_t len, bool immortal) {
    if (len < 0 || (uint64_t)len > ((uint64_t)1 << 44)) return exc_nomem();
    size_t size = sizeof(ai_bytes) + (size_t)len + 1;
    ai_bytes *b = immortal ? alloc_static(&ai_bytes_type, size) : ai_alloc(&ai_bytes_type, size);
    if (!b) return AI_ERR;
    b->len = len;
    if (len && data) memcpy(bytes_data(b), data, (size_t)len);
    /* Constants are shared by all workers: hash them before publishing. */
    b->hash = immortal ? hash_bytes(bytes_data(b), len) : -1;
    return ai_val(b);
}

ai_value bytes_new_raw(int64_t n) { return bytes_from(NULL, n, false); }

ai_value ai_const_bytes(const char *data, int64_t len) { return bytes_from(data, len, true); }

static void ba_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_bytearray *b = (ai_bytearray *)o;
    if (!b->data) return;
    ai_value buf = ai_val((ai_rawbuf *)b->data - 1);
    visit(&buf, ctx);
    b->data = (unsigned char *)((ai_rawbuf *)ai_obj(buf) + 1);
}

/* Room for `need` bytes: 0, or -1 with MemoryError pending. */
static int ba_reserve(ai_bytearray *b, int64_t need) {
    if (need <= b->cap) return 0;
    if (need > ((int64_t)1 << 44)) {
        exc_nomem();
        return -1;
    }
    int64_t cap = need + (need >> 3) + 8;
    unsigned char *d = alloc_raw((size_t)cap);
    if (!d) return -1;
    if (b->len) memcpy(d, b->data, (size_t)b->len);
    b->data = d;
    gc_barrier_all(b);
    b->cap = cap;
    return 0;
}

static ai_value bytearray_from(const unsigned char *p, int64_t n) {
    ai_bytearray *b = ai_alloc(&ai_bytearray_type, sizeof(ai_bytearray));
    if (!b) return AI_ERR;
    if (n > 0) {
        if (ba_reserve(b, n) < 0) return AI_ERR;
        if (p) memcpy(b->data, p, (size_t)n);
        b->len = n;
    }
    return ai_val(b);
}

/* A result of the receiver's type: bytes for bytes, bytearray for
 * bytearray (the methods share this). */
static ai_value make_like(ai_value self, const unsigned char *p, int64_t n) {
    if (bytearray_check(self)) return bytearray_from(p, n);
    return bytes_from((const char *)p, n, false);
}

/* ---- repr, comparison, hashing ------------------------------------------------ */

/* bytearray's repr escapes a single quote even inside double quotes
 * (bytearray(b"\'")), a CPython quirk kept for identical output. */
static void repr_into(strbuf *s, const unsigned char *p, int64_t n, bool always_esc_sq) {
    bool sq = memchr(p, '\'', (size_t)n) != NULL;
    bool dq = memchr(p, '"', (size_t)n) != NULL;
    char quote = (sq && !dq) ? '"' : '\'';
    sb_addc(s, 'b');
    sb_addc(s, (uint32_t)quote);
    for (int64_t i = 0; i < n; i++) {
        unsigned c = p[i];
        if (c == (unsigned)quote || c == '\\' || (always_esc_sq && c == '\'')) {
            sb_addc(s, '\\');
            sb_addc(s, c);
        } else if (c == '\t')
            sb_adds(s, "\\t");
        else if (c == '\n')
            sb_adds(s, "\\n");
        else if (c == '\r')
            sb_adds(s, "\\r");
        else if (c < 32 || c >= 127)
            sb_printf(s, "\\x%02x", c);
        else
            sb_addc(s, c);
    }
    sb_addc(s, (uint32_t)quote);
}

static ai_value bytes_repr(ai_value v) {
    strbuf s;
    sb_init(&s);
    repr_into(&s, bytes_data(bytes_obj(v)), bytes_obj(v)->len, false);
    return sb_finish(&s);
}

static ai_value bytearray_repr(ai_value v) {
    int64_t n;
    const unsigned char *p = bytes_buffer(v, &n);
    strbuf s;
    sb_init(&s);
    sb_adds(&s, obj_type_name(v)); /* a subclass's name, as CPython */
    sb_addc(&s, '(');
    repr_into(&s, p, n, true);
    sb_addc(&s, ')');
    return sb_finish(&s);
}

static ai_value bytes_richcompare(ai_value a, ai_value b, int32_t op) {
    int64_t na, nb;
    const unsigned char *x = bytes_buffer(a, &na), *y = bytes_buffer(b, &nb);
    if (!x || !y) return AI_NOTIMPL;
    if ((op == AI_CMP_EQ || op == AI_CMP_NE) && na != nb) return ai_bool(op == AI_CMP_NE);
    int64_t n = na < nb ? na : nb;
    int c = memcmp(x, y, (size_t)n);
    if (c == 0)
        c = (na > nb) - (na < nb);
    else
        c = c < 0 ? -1 : 1;
    return ai_bool(OBJ_CMP_RESULT(op, c));
}

static int64_t bytes_hash(ai_value v) {
    ai_bytes *b = bytes_obj(v);
    int64_t h = __atomic_load_n(&b->hash, __ATOMIC_RELAXED);
    if (h == -1) {
        h = hash_bytes(bytes_data(b), b->len);
        __atomic_store_n(&b->hash, h, __ATOMIC_RELAXED); /* idempotent cache */
    }
    return h;
}

static int64_t bytearray_hash(ai_value v) {
    ai_raise_fmt(&ai_exc_TypeError, "unhashable type: '%s'", obj_type_name(v));
    return -1;
}

static int64_t bytes_len(ai_value v) {
    int64_t n;
    bytes_buffer(v, &n);
    return n;
}

/* ---- sequence operators --------------------------------------------------------- */

static ai_value bytes_concat(ai_value a, ai_value b) {
    int64_t na, nb;
    const unsigned char *x = bytes_buffer(a, &na), *y = bytes_buffer(b, &nb);
    if (!y)
        return ai_raise_fmt(&ai_exc_TypeError, "can't concat %s to %s", obj_type_name(b),
                            obj_type_name(a));
    if (na > INT64_MAX / 2 - nb) return exc_nomem();
    ai_value r = make_like(a, NULL, na + nb);
    if (!r) return AI_ERR;
    unsigned char *d = bytearray_check(r) ? ba_obj(r)->data : bytes_data_of(r);
    if (na) memcpy(d, x, (size_t)na);
    if (nb) memcpy(d + na, y, (size_t)nb);
    return r;
}

ai_value bytes_iadd_owned(ai_value cur, ai_value v, ai_value *owned) {
    ai_bytes *x = (ai_bytes *)ai_obj(cur), *y = (ai_bytes *)ai_obj(v);
    if (y->len == 0) return cur;
    if (*owned == cur && y->len <= x->spare) {
        /* Only the variable sees cur (ai_str_iadd): grow it in place. */
        memcpy(bytes_data(x) + x->len, bytes_data(y), (size_t)y->len);
        x->len += y->len;
        x->spare -= y->len;
        bytes_data(x)[x->len] = 0;
        x->hash = -1;
        return cur;
    }
    if (x->len > INT64_MAX / 4 - y->len) return exc_nomem();
    int64_t len = x->len + y->len, spare = len < 16 ? 16 : len;
    ai_bytes *r = ai_alloc(&ai_bytes_type, sizeof(ai_bytes) + (size_t)(len + 1 + spare));
    if (!r) return AI_ERR;
    x = (ai_bytes *)ai_obj(cur);
    y = (ai_bytes *)ai_obj(v);
    r->len = len;
    r->hash = -1;
    r->spare = spare;
    memcpy(bytes_data(r), bytes_data(x), (size_t)x->len);
    memcpy(bytes_data(r) + x->len, bytes_data(y), (size_t)y->len);
    *owned = ai_val(r);
    return ai_val(r);
}

static ai_value bytes_repeat(ai_value a, int64_t n) {
    int64_t len;
    const unsigned char *x = bytes_buffer(a, &len);
    if (n <= 0 || len == 0) return make_like(a, NULL, 0);
    if (len > INT64_MAX / n) return exc_nomem();
    ai_value r = make_like(a, NULL, len * n);
    if (!r) return AI_ERR;
    unsigned char *d = bytearray_check(r) ? ba_obj(r)->data : bytes_data_of(r);
    x = bytes_buffer(a, &len);
    for (int64_t i = 0; i < n; i++) memcpy(d + i * len, x, (size_t)len);
    return r;
}

/* A byte value 0..255 from an int-like; -1 with the error raised. */
static int byte_value(ai_value v, const char *range_msg) {
    bool fits, err;
    int64_t n = obj_index_i64(v, &fits, &err);
    if (err) return -1;
    if (!fits || n < 0 || n > 255) {
        ai_raise_msg(&ai_exc_ValueError, range_msg);
        return -1;
    }
    return (int)n;
}

static int32_t bytes_contains(ai_value c, ai_value item) {
    int64_t n, m;
    const unsigned char *h = bytes_buffer(c, &n);
    if (ai_is_smallint(item) || obj_slots(item)->index) {
        int b = byte_value(item, "byte must be in range(0, 256)");
        if (b < 0) return -1;
        return memchr(h, b, (size_t)n) != NULL;
    }
    const unsigned char *x = bytes_buffer(item, &m);
    if (!x) {
        ai_raise_fmt(&ai_exc_TypeError, "a bytes-like object is required, not '%s'",
                     obj_type_name(item));
        return -1;
    }
    if (m == 0) return 1;
    return memmem(h, (size_t)n, x, (size_t)m) != NULL;
}

static ai_value bytes_getitem(ai_value v, ai_value key) {
    int64_t n;
    const unsigned char *p = bytes_buffer(v, &n);
    bool ba = bytearray_check(v);
    if (ai_is_smallint(key) || obj_slots(key)->index) {
        int64_t i;
        if (seq_index_of(key, &i) < 0) return AI_ERR;
        if (i < 0) i += n;
        if (i < 0 || i >= n)
            return ai_raise_msg(&ai_exc_IndexError,
                                ba ? "bytearray index out of range" : "index out of range");
        return ai_smallint(p[i]);
    }
    if (slice_check(key)) {
        int64_t start, stop, step, len;
        if (slice_indices(key, n, &start, &stop, &step, &len) < 0) return AI_ERR;
        p = bytes_buffer(v, &n);
        if (step == 1) {
            if (!ba && len == n) return v;
            return make_like(v, p + start, len);
        }
        ai_value r = make_like(v, NULL, len);
        if (!r) return AI_ERR;
        unsigned char *d = ba ? ba_obj(r)->data : bytes_data_of(r);
        p = bytes_buffer(v, &n);
        for (int64_t k = 0, i = start; k < len; k++, i += step) d[k] = p[i];
        return r;
    }
    return ai_raise_fmt(&ai_exc_TypeError, "%s indices must be integers or slices, not %s",
                        ba ? "bytearray" : "byte", obj_type_name(key));
}

/* ---- iteration -------------------------------------------------------------------- */

static int32_t bytes_iter_next(ai_value it, ai_value *out) {
    seq_iter *si = (seq_iter *)ai_obj(it);
    int64_t n;
    const unsigned char *p = bytes_buffer(si->seq, &n);
    if (si->index >= n) return 0;
    *out = ai_smallint(p[si->index++]);
    return 1;
}

static const ai_slots bytes_iter_slots = {.iter = obj_iter_self, .next = bytes_iter_next};

static ai_type bytes_iter_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "bytes_iterator",
    .base = &ai_object_type,
    .basicsize = sizeof(seq_iter),
    .gc_visit = seq_iter_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&bytes_iter_slots,
};
static ai_type bytearray_iter_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "bytearray_iterator",
    .base = &ai_object_type,
    .basicsize = sizeof(seq_iter),
    .gc_visit = seq_iter_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&bytes_iter_slots,
};

static ai_value bytes_iter(ai_value v) {
    seq_iter *it = ai_alloc(bytearray_check(v) ? &bytearray_iter_type : &bytes_iter_type,
                            sizeof(seq_iter));
    if (!it) return AI_ERR;
    it->seq = v;
    return ai_val(it);
}

/* ---- construction ------------------------------------------------------------------- */

/* The bytes of `src` for bytes(src) / bytearray(src): into a fresh
 * bytearray (a growable buffer in the heap, safe across calls into
 * Python while iterating). */
static ai_value bytes_of_source(ai_value src, ai_value enc, ai_value errs, const char *tname) {
    if (str_check(src)) {
        if (!enc)
            return ai_raise_msg(&ai_exc_TypeError, "string argument without an encoding");
        const char *e, *r;
        if (text_codec_args(tname, enc, errs, &e, &r) < 0) return AI_ERR;
        ai_value b = text_encode(src, e, r);
        if (!b) return AI_ERR;
        return bytearray_from(bytes_data_of(b), bytes_obj(b)->len);
    }
    if (enc) return ai_raise_msg(&ai_exc_TypeError, "encoding without a string argument");
    if (errs) return ai_raise_msg(&ai_exc_TypeError, "errors without a string argument");
    int64_t n;
    const unsigned char *p = bytes_buffer(src, &n);
    if (p) return bytearray_from(p, n);
    if (ai_is_smallint(src) || obj_slots(src)->index) {
        bool fits, err;
        int64_t count = obj_index_i64(src, &fits, &err);
        if (err) return AI_ERR;
        if (!fits)
            return ai_raise_msg(&ai_exc_OverflowError,
                                "cannot fit 'int' into an index-sized integer");
        if (count < 0) return ai_raise_msg(&ai_exc_ValueError, "negative count");
        return bytearray_from(NULL, count);
    }
    if (!obj_slots(src)->iter)
        return ai_raise_fmt(&ai_exc_TypeError, "cannot convert '%s' object to %s",
                            obj_type_name(src), tname);
    ai_value out = bytearray_from(NULL, 0);
    ai_value it = out ? ai_iter(src) : 0, x;
    if (!it) return AI_ERR;
    int32_t st;
    while ((st = ai_for_next(it, &x)) == 1) {
        int b = byte_value(x, strcmp(tname, "bytes") == 0 ? "bytes must be in range(0, 256)"
                                                          : "byte must be in range(0, 256)");
        if (b < 0) return AI_ERR;
        ai_bytearray *o = ba_obj(out);
        if (ba_reserve(o, o->len + 1) < 0) return AI_ERR;
        o->data[o->len++] = (unsigned char)b;
    }
    return st < 0 ? AI_ERR : out;
}

static int ctor_args(const char *tname, const ai_value *args, int64_t nargs, ai_value kwnames,
                     ai_value a[3]) {
    static const char *const kws[] = {"source", "encoding", "errors"};
    argspec spec = {tname, tname, ARGS_KW, 0, 3, kws};
    return text_args(&spec, args, nargs, kwnames, a);
}

static ai_value bytes_construct(ai_value cls, const ai_value *args, int64_t nargs,
                                ai_value kwnames) {
    (void)cls;
    ai_value a[3];
    if (ctor_args("bytes", args, nargs, kwnames, a) < 0) return AI_ERR;
    if (!a[0]) {
        if (a[1] || a[2])
            return ai_raise_msg(&ai_exc_TypeError, a[1] ? "encoding without a string argument"
                                                         : "errors without a string argument");
        return bytes_from(NULL, 0, false);
    }
    if (obj_is_type(a[0], &ai_bytes_type) && !a[1] && !a[2]) return a[0];
    if (!a[1] && !a[2] && !str_check(a[0]) && !bytes_check(a[0])) {
        /* __bytes__ of a user class (ctypes instances have one) */
        ai_value m = cls_special_method(a[0], "__bytes__");
        if (m) {
            ai_value r = ai_call(m, NULL, 0, 0);
            if (!r) return AI_ERR;
            if (!bytes_check(r))
                return ai_raise_fmt(&ai_exc_TypeError, "__bytes__ returned non-bytes (type %s)", obj_type_name(r));
            return r;
        }
        if (exc_pending()) return AI_ERR;
    }
    ai_value b = bytes_of_source(a[0], a[1], a[2], "bytes");
    if (!b) return AI_ERR;
    return bytes_from((const char *)ba_obj(b)->data, ba_obj(b)->len, false);
}

static ai_value bytearray_construct(ai_value cls, const ai_value *args, int64_t nargs,
                                    ai_value kwnames) {
    (void)cls;
    ai_value a[3];
    if (ctor_args("bytearray", args, nargs, kwnames, a) < 0) return AI_ERR;
    if (!a[0]) {
        if (a[1] || a[2])
            return ai_raise_msg(&ai_exc_TypeError, a[1] ? "encoding without a string argument"
                                                         : "errors without a string argument");
        return bytearray_from(NULL, 0);
    }
    return bytes_of_source(a[0], a[1], a[2], "bytearray");
}

/* bytearray.__init__ of an instance of a subclass: the bytes a new
 * bytearray(*args) would hold, moved into self. */
ai_value bytearray_reinit(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    ai_value tmp = bytearray_construct(ai_val(&ai_bytearray_type), args, nargs, kwnames);
    if (!tmp) return AI_ERR;
    ai_bytearray *s = (ai_bytearray *)ai_obj(self), *t = (ai_bytearray *)ai_obj(tmp);
    s->len = t->len;
    s->cap = t->cap;
    s->data = t->data;
    t->len = t->cap = 0;
    t->data = NULL;
    gc_barrier_all(s);
    return AI_NONE;
}

/* ---- bytearray mutation -------------------------------------------------------------- */

/* Replace b[lo:hi] by n bytes from p (p may alias b's own data). */
static int ba_splice(ai_bytearray *b, int64_t lo, int64_t hi, const unsigned char *p, int64_t n) {
    unsigned char *tmp = NULL;
    if (n && b->data && p >= b->data && p < b->data + b->cap) {
        tmp = malloc((size_t)n);
        if (!tmp) {
            exc_nomem();
            return -1;
        }
        memcpy(tmp, p, (size_t)n);
        p = tmp;
    }
    int64_t newlen = b->len - (hi - lo) + n;
    if (ba_reserve(b, newlen) < 0) {
        free(tmp);
        return -1;
    }
    if (b->len > hi) memmove(b->data + lo + n, b->data + hi, (size_t)(b->len - hi));
    if (n) memcpy(b->data + lo, p, (size_t)n);
    b->len = newlen;
    free(tmp);
    return 0;
}

static int32_t bytearray_setitem(ai_value v, ai_value key, ai_value val) {
    ai_bytearray *b = ba_obj(v);
    if (ai_is_smallint(key) || obj_slots(key)->index) {
        int64_t i;
        if (seq_index_of(key, &i) < 0) return -1;
        int bv = 0;
        if (val && (bv = byte_value(val, "byte must be in range(0, 256)")) < 0) return -1;
        if (i < 0) i += b->len;
        if (i < 0 || i >= b->len) {
            ai_raise_msg(&ai_exc_IndexError, "bytearray index out of range");
            return -1;
        }
        if (val)
            b->data[i] = (unsigned char)bv;
        else
            ba_splice(b, i, i + 1, NULL, 0);
        return 0;
    }
    if (!slice_check(key)) {
        ai_raise_fmt(&ai_exc_TypeError, "bytearray indices must be integers or slices, not %s",
                     obj_type_name(key));
        return -1;
    }
    /* The new bytes, as a bytes-like value of their own. */
    ai_value src = 0;
    if (val) {
        if (bytes_buffer(val, &(int64_t){0})) {
            src = val;
        } else if (str_check(val) || ai_is_smallint(val) || obj_slots(val)->index ||
                   !obj_slots(val)->iter) {
            ai_raise_msg(&ai_exc_TypeError,
                         "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        } else {
            src = bytes_of_source(val, 0, 0, "bytearray");
            if (!src) return -1;
        }
    }
    int64_t start, stop, step, len;
    if (slice_indices(key, b->len, &start, &stop, &step, &len) < 0) return -1;
    int64_t n = 0;
    const unsigned char *p = src ? bytes_buffer(src, &n) : NULL;
    if (step == 1) {
        if (stop < start) stop = start;
        return ba_splice(b, start, stop, p, n);
    }
    if (!val) {
        /* Delete every step-th byte: compact in one pass. */
        if (len <= 0) return 0;
        if (step < 0) {
            start += step * (len - 1);
            step = -step;
        }
        int64_t w = start, next = start;
        for (int64_t r = start; r < b->len; r++) {
            if (r == next && (r - start) / step < len) {
                next += step;
                continue;
            }
            b->data[w++] = b->data[r];
        }
        b->len = w;
        return 0;
    }
    if (n != len) {
        ai_raise_fmt(&ai_exc_ValueError,
                     "attempt to assign bytes of size %lld to extended slice of size %lld",
                     (long long)n, (long long)len);
        return -1;
    }
    for (int64_t k = 0, i = start; k < len; k++, i += step) b->data[i] = p[k];
    return 0;
}

/* ---- shared method helpers ------------------------------------------------------------- */

static argspec spec_for(ai_value self, const char *name, int style, int mn, int mx,
                        const char *const *kw) {
    argspec a = {name, obj_type_name(self), style, mn, mx, kw};
    return a;
}

#define PARSE(self, name, style, mn, mx, kw, out)                                     \
    do {                                                                              \
        argspec sp_ = spec_for(self, name, style, mn, mx, kw);                        \
        if (text_args(&sp_, args, nargs, kwnames, out) < 0) return AI_ERR;           \
    } while (0)

#define METHOD(fn) \
    static ai_value fn(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames)

static const unsigned char *need_buffer(ai_value v, int64_t *n) {
    const unsigned char *p = bytes_buffer(v, n);
    if (!p)
        ai_raise_fmt(&ai_exc_TypeError, "a bytes-like object is required, not '%s'",
                     obj_type_name(v));
    return p;
}

static bool b_space(unsigned c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static bool b_lower(unsigned c) { return c >= 'a' && c <= 'z'; }
static bool b_upper(unsigned c) { return c >= 'A' && c <= 'Z'; }
static bool b_alpha(unsigned c) { return b_lower(c) || b_upper(c); }
static bool b_digit(unsigned c) { return c >= '0' && c <= '9'; }

static int64_t mem_find(const unsigned char *h, int64_t start, int64_t end,
                        const unsigned char *n, int64_t m) {
    if (start < 0) start = 0;
    if (end - start < m) return -1;
    if (m == 0) return start;
    const unsigned char *q = m == 1 ? memchr(h + start, n[0], (size_t)(end - start))
                                    : memmem(h + start, (size_t)(end - start), n, (size_t)m);
    return q ? q - h : -1;
}

static int64_t mem_rfind(const unsigned char *h, int64_t start, int64_t end,
                         const unsigned char *n, int64_t m) {
    if (start < 0) start = 0;
    if (end - start < m) return -1;
    if (m == 0) return end;
    for (int64_t i = end - m; i >= start; i--)
        if (h[i] == n[0] && memcmp(h + i, n, (size_t)m) == 0) return i;
    return -1;
}

/* ---- case and predicates ------------------------------------------------------------- */

static ai_value case_map(ai_value self, int mode) {
    int64_t n;
    const unsigned char *p = bytes_buffer(self, &n);
    ai_value r = make_like(self, p, n);
    if (!r) return AI_ERR;
    unsigned char *d = bytearray_check(r) ? ba_obj(r)->data : bytes_data_of(r);
    bool prev = false;
    for (int64_t i = 0; i < n; i++) {
        unsigned c = d[i];
        bool up = b_upper(c), low = b_lower(c), to_up, to_low;
        switch (mode) {
        case 'u': to_up = true, to_low = false; break;
        case 'l': to_up = false, to_low = true; break;
        case 's': to_up = low, to_low = up; break;
        case 't': to_up = !prev, to_low = prev; break;
        default: to_up = i == 0, to_low = i != 0; break;
        }
        if (to_up && low) d[i] = (unsigned char)(c - 32);
        if (to_low && up) d[i] = (unsigned char)(c + 32);
        prev = up || low;
    }
    return r;
}

#define CASE(fn, nm, mode)                                  \
    METHOD(fn) {                                            \
        PARSE(self, nm, ARGS_NONE, 0, 0, NULL, NULL);       \
        return case_map(self, mode);                        \
    }
CASE(m_upper, "upper", 'u')
CASE(m_lower, "lower", 'l')
CASE(m_swapcase, "swapcase", 's')
CASE(m_title, "title", 't')
CASE(m_capitalize, "capitalize", 'c')

enum { P_ALPHA, P_ALNUM, P_DIGIT, P_SPACE, P_LOWER, P_UPPER, P_TITLE, P_ASCII };

static bool predicate(const unsigned char *p, int64_t n, int which) {
    switch (which) {
    case P_ASCII:
        for (int64_t i = 0; i < n; i++)
            if (p[i] >= 128) return false;
        return true;
    case P_LOWER:
    case P_UPPER: {
        bool cased = false;
        for (int64_t i = 0; i < n; i++) {
            if (which == P_LOWER ? b_upper(p[i]) : b_lower(p[i])) return false;
            if (which == P_LOWER ? b_lower(p[i]) : b_upper(p[i])) cased = true;
        }
        return cased;
    }
    case P_TITLE: {
        bool cased = false, prev = false;
        for (int64_t i = 0; i < n; i++) {
            if (b_upper(p[i])) {
                if (prev) return false;
                prev = cased = true;
            } else if (b_lower(p[i])) {
                if (!prev) return false;
                prev = cased = true;
            } else {
                prev = false;
            }
        }
        return cased;
    }
    default:
        if (n == 0) return false;
        for (int64_t i = 0; i < n; i++) {
            unsigned c = p[i];
            bool ok = which == P_ALPHA   ? b_alpha(c)
                      : which == P_ALNUM ? b_alpha(c) || b_digit(c)
                      : which == P_DIGIT ? b_digit(c)
                                         : b_space(c);
            if (!ok) return false;
        }
        return true;
    }
}

#define PRED(fn, nm, which)                                 \
    METHOD(fn) {                                            \
        PARSE(self, nm, ARGS_NONE, 0, 0, NULL, NULL);       \
        int64_t n;                                          \
        const unsigned char *p = bytes_buffer(self, &n);    \
        return ai_bool(predicate(p, n, which));             \
    }
PRED(m_isalpha, "isalpha", P_ALPHA)
PRED(m_isalnum, "isalnum", P_ALNUM)
PRED(m_isdigit, "isdigit", P_DIGIT)
PRED(m_isspace, "isspace", P_SPACE)
PRED(m_islower, "islower", P_LOWER)
PRED(m_isupper, "isupper", P_UPPER)
PRED(m_istitle, "istitle", P_TITLE)
PRED(m_isascii, "isascii", P_ASCII)

/* ---- searching ------------------------------------------------------------------------ */

/* The `sub` of find/count/index: bytes-like, or an int naming one byte. */
static const unsigned char *sub_arg(ai_value v, unsigned char *one, int64_t *m) {
    if (ai_is_smallint(v) || obj_slots(v)->index) {
        int b = byte_value(v, "byte must be in range(0, 256)");
        if (b < 0) return NULL;
        *one = (unsigned char)b;
        *m = 1;
        return one;
    }
    const unsigned char *p = bytes_buffer(v, m);
    if (!p)
        ai_raise_fmt(&ai_exc_TypeError, "argument should be integer or bytes-like object, not '%s'",
                     obj_type_name(v));
    return p;
}

static ai_value find_common(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames,
                            const char *name, int what) {
    ai_value a[3];
    PARSE(self, name, ARGS_TUPLE, 1, 3, NULL, a);
    unsigned char one;
    int64_t m, start, end, n;
    const unsigned char *sub = sub_arg(a[0], &one, &m);
    if (!sub || text_slice_arg(a[1], 0, &start) < 0 || text_slice_arg(a[2], INT64_MAX, &end) < 0)
        return AI_ERR;
    const unsigned char *p = bytes_buffer(self, &n);
    text_adjust(&start, &end, n);
    if (what == 'c') {
        if (start > n || end - start < m) return ai_smallint(0);
        if (m == 0) return ai_int_from_i64(end - start + 1);
        int64_t c = 0;
        for (int64_t i; (i = mem_find(p, start, end, sub, m)) >= 0; start = i + m) c++;
        return ai_int_from_i64(c);
    }
    bool rev = what == 'r' || what == 'R';
    int64_t i = rev ? mem_rfind(p, start, end, sub, m) : mem_find(p, start, end, sub, m);
    if (i < 0 && (what == 'I' || what == 'R'))
        return ai_raise_msg(&ai_exc_ValueError, "subsection not found");
    return ai_int_from_i64(i);
}

METHOD(m_find) { return find_common(self, args, nargs, kwnames, "find", 'f'); }
METHOD(m_rfind) { return find_common(self, args, nargs, kwnames, "rfind", 'r'); }
METHOD(m_index) { return find_common(self, args, nargs, kwnames, "index", 'I'); }
METHOD(m_rindex) { return find_common(self, args, nargs, kwnames, "rindex", 'R'); }
METHOD(m_count) { return find_common(self, args, nargs, kwnames, "count", 'c'); }

static ai_value starts_ends(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames,
                            const char *name, bool at_end) {
    ai_value a[3];
    PARSE(self, name, ARGS_TUPLE, 1, 3, NULL, a);
    int64_t start, end, n;
    if (text_slice_arg(a[1], 0, &start) < 0 || text_slice_arg(a[2], INT64_MAX, &end) < 0)
        return AI_ERR;
    const unsigned char *p = bytes_buffer(self, &n);
    text_adjust(&start, &end, n);
    bool is_tuple = tuple_check(a[0]);
    int64_t count = is_tuple ? tuple_obj(a[0])->len : 1;
    if (!is_tuple && !bytes_buffer(a[0], &(int64_t){0}))
        return ai_raise_fmt(&ai_exc_TypeError,
                            "%s first arg must be bytes or a tuple of bytes, not %s", name,
                            obj_type_name(a[0]));
    for (int64_t k = 0; k < count; k++) {
        ai_value x = is_tuple ? tuple_obj(a[0])->items[k] : a[0];
        int64_t m;
        const unsigned char *q = need_buffer(x, &m);
        if (!q) return AI_ERR;
        int64_t e = end - m;
        if (e < start) continue;
        if (memcmp(p + (at_end ? e : start), q, (size_t)m) == 0) return AI_TRUE;
    }
    return AI_FALSE;
}

METHOD(m_startswith) { return starts_ends(self, args, nargs, kwnames, "startswith", false); }
METHOD(m_endswith) { return starts_ends(self, args, nargs, kwnames, "endswith", true); }

/* ---- split, join, partition ------------------------------------------------------------ */

static int append_part(ai_value list, ai_value self, const unsigned char *p, int64_t a,
                       int64_t b) {
    ai_value part = make_like(self, p + a, b - a);
    return part ? ai_list_append(list, part) : -1;
}

static void list_reverse(ai_value l) {
    ai_list *o = list_obj(l);
    for (int64_t i = 0, j = o->len - 1; i < j; i++, j--) {
        ai_value t = o->items[i];
        o->items[i] = o->items[j];
        o->items[j] = t;
    }
}

static ai_value split_common(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames,
                             const char *name, bool rev) {
    static const char *const kws[] = {"sep", "maxsplit"};
    ai_value a[2];
    PARSE(self, name, ARGS_KW, 0, 2, kws, a);
    int64_t maxsplit = -1, m = 0, n;
    if (a[1] && text_ssize_arg(a[1], &maxsplit) < 0) return AI_ERR;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    const unsigned char *sep = NULL;
    ai_value sepv = a[0] == AI_NONE ? 0 : a[0];
    if (sepv) {
        if (!(sep = need_buffer(sepv, &m))) return AI_ERR;
        if (m == 0) return ai_raise_msg(&ai_exc_ValueError, "empty separator");
        /* The separator may be this very bytearray: split on a copy. */
        ai_value copy = bytes_from((const char *)sep, m, false);
        if (!copy) return AI_ERR;
        sep = bytes_data_of(copy);
    }
    const unsigned char *p = bytes_buffer(self, &n);
    ai_value out = ai_list_new(NULL, 0);
    if (!out) return AI_ERR;
    if (!sep) {
        if (!rev) {
            for (int64_t i = 0;;) {
                while (i < n && b_space(p[i])) i++;
                if (i == n) break;
                int64_t j = i;
                if (maxsplit-- <= 0)
                    j = n;
                else
                    while (j < n && !b_space(p[j])) j++;
                if (append_part(out, self, p, i, j) < 0) return AI_ERR;
                i = j;
            }
        } else {
            for (int64_t i = n;;) {
                while (i > 0 && b_space(p[i - 1])) i--;
                if (i == 0) break;
                int64_t j = i;
                if (maxsplit-- <= 0)
                    j = 0;
                else
                    while (j > 0 && !b_space(p[j - 1])) j--;
                if (append_part(out, self, p, j, i) < 0) return AI_ERR;
                i = j;
            }
            list_reverse(out);
        }
        return out;
    }
    if (!rev) {
        int64_t i = 0;
        while (maxsplit-- > 0) {
            int64_t k = mem_find(p, i, n, sep, m);
            if (k < 0) break;
            if (append_part(out, self, p, i, k) < 0) return AI_ERR;
            i = k + m;
        }
        if (append_part(out, self, p, i, n) < 0) return AI_ERR;
    } else {
        int64_t j = n;
        while (maxsplit-- > 0) {
            int64_t k = mem_rfind(p, 0, j, sep, m);
            if (k < 0) break;
            if (append_part(out, self, p, k + m, j) < 0) return AI_ERR;
            j = k;
        }
        if (append_part(out, self, p, 0, j) < 0) return AI_ERR;
        list_reverse(out);
    }
    return out;
}

METHOD(m_split) { return split_common(self, args, nargs, kwnames, "split", false); }
METHOD(m_rsplit) { return split_common(self, args, nargs, kwnames, "rsplit", true); }

METHOD(m_splitlines) {
    static const char *const kws[] = {"keepends"};
    ai_value a[1];
    PARSE(self, "splitlines", ARGS_KW, 0, 1, kws, a);
    int64_t keep = 0, n;
    if (a[0] && text_ssize_arg(a[0], &keep) < 0) return AI_ERR;
    const unsigned char *p = bytes_buffer(self, &n);
    ai_value out = ai_list_new(NULL, 0);
    if (!out) return AI_ERR;
    for (int64_t i = 0; i < n;) {
        int64_t j = i;
        while (j < n && p[j] != '\n' && p[j] != '\r') j++;
        int64_t eol = j;
        if (j < n) {
            j += (p[j] == '\r' && j + 1 < n && p[j + 1] == '\n') ? 2 : 1;
            if (keep) eol = j;
        }
        if (append_part(out, self, p, i, eol) < 0) return AI_ERR;
        i = j;
    }
    return out;
}

METHOD(m_join) {
    ai_value a[1];
    PARSE(self, "join", ARGS_ONE, 1, 1, NULL, a);
    const ai_value *items;
    int64_t count, total = 0, sn;
    ai_value l = a[0]; /* its items are read below (G3 keeps them) */
    if (!seq_fast_items(a[0], &items, &count)) {
        if (!obj_slots(a[0])->iter)
            return ai_raise_msg(&ai_exc_TypeError, "can only join an iterable");
        if (!(l = list_from_iter(a[0]))) return AI_ERR;
        items = list_obj(l)->items;
        count = list_obj(l)->len;
    }
    bytes_buffer(self, &sn);
    for (int64_t i = 0; i < count; i++) {
        int64_t m;
        if (!bytes_buffer(items[i], &m))
            return ai_raise_fmt(&ai_exc_TypeError,
                                "sequence item %lld: expected a bytes-like object, %s found",
                                (long long)i, obj_type_name(items[i]));
        total += m + (i ? sn : 0);
    }
    ai_value r = make_like(self, NULL, total);
    if (!r) return AI_ERR;
    unsigned char *d = bytearray_check(r) ? ba_obj(r)->data : bytes_data_of(r);
    const unsigned char *sp = bytes_buffer(self, &sn);
    for (int64_t i = 0, at = 0; i < count; i++) {
        if (i && sn) memcpy(d + at, sp, (size_t)sn), at += sn;
        int64_t m;
        const unsigned char *q = bytes_buffer(items[i], &m);
        if (m) memcpy(d + at, q, (size_t)m), at += m;
    }
    return r;
}

static ai_value partition(ai_value self, ai_value sepv, bool rev) {
    int64_t m, n;
    const unsigned char *sep = need_buffer(sepv, &m);
    if (!sep) return AI_ERR;
    if (m == 0) return ai_raise_msg(&ai_exc_ValueError, "empty separator");
    const unsigned char *p = bytes_buffer(self, &n);
    int64_t i = rev ? mem_rfind(p, 0, n, sep, m) : mem_find(p, 0, n, sep, m);
    ai_value parts[3];
    if (i < 0) {
        parts[rev ? 2 : 0] = make_like(self, p, n);
        parts[1] = make_like(self, NULL, 0);
        parts[rev ? 0 : 2] = parts[1] ? make_like(self, NULL, 0) : 0;
    } else {
        parts[0] = make_like(self, p, i);
        parts[1] = parts[0] ? make_like(self, sep, m) : 0;
        p = bytes_buffer(self, &n);
        parts[2] = parts[1] ? make_like(self, p + i + m, n - i - m) : 0;
    }
    if (!parts[0] || !parts[1] || !parts[2]) return AI_ERR;
    return ai_tuple_pack(parts, 3);
}

METHOD(m_partition) {
    ai_value a[1];
    PARSE(self, "partition", ARGS_ONE, 1, 1, NULL, a);
    return partition(self, a[0], false);
}
METHOD(m_rpartition) {
    ai_value a[1];
    PARSE(self, "rpartition", ARGS_ONE, 1, 1, NULL, a);
    return partition(self, a[0], true);
}

/* ---- strip, affixes, padding ---------------------------------------------------------- */

static ai_value strip_common(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames,
                             const char *name, bool left, bool right) {
    ai_value a[1];
    PARSE(self, name, ARGS_POS, 0, 1, NULL, a);
    bool set[256] = {false};
    if (a[0] && a[0] != AI_NONE) {
        int64_t m;
        const unsigned char *c = need_buffer(a[0], &m);
        if (!c) return AI_ERR;
        for (int64_t k = 0; k < m; k++) set[c[k]] = true;
    } else {
        for (unsigned c = 0; c < 256; c++) set[c] = b_space(c);
    }
    int64_t n;
    const unsigned char *p = bytes_buffer(self, &n);
    int64_t i = 0, j = n;
    if (left)
        while (i < j && set[p[i]]) i++;
    if (right)
        while (j > i && set[p[j - 1]]) j--;
    if (i == 0 && j == n && bytes_check(self)) return self;
    return make_like(self, p + i, j - i);
}

METHOD(m_strip) { return strip_common(self, args, nargs, kwnames, "strip", true, true); }
METHOD(m_lstrip) { return strip_common(self, args, nargs, kwnames, "lstrip", true, false); }
METHOD(m_rstrip) { return strip_common(self, args, nargs, kwnames, "rstrip", false, true); }

static ai_value affix(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames,
                      const char *name, bool suffix) {
    ai_value a[1];
    PARSE(self, name, ARGS_ONE, 1, 1, NULL, a);
    int64_t m, n;
    const unsigned char *x = need_buffer(a[0], &m);
    if (!x) return AI_ERR;
    const unsigned char *p = bytes_buffer(self, &n);
    if (m && m <= n && memcmp(suffix ? p + n - m : p, x, (size_t)m) == 0)
        return make_like(self, suffix ? p : p + m, n - m);
    return bytes_check(self) ? self : make_like(self, p, n);
}

METHOD(m_removeprefix) { return affix(self, args, nargs, kwnames, "removeprefix", false); }
METHOD(m_removesuffix) { return affix(self, args, nargs, kwnames, "removesuffix", true); }

static ai_value pad(ai_value self, int64_t left, int64_t right, unsigned char fill) {
    int64_t n;
    bytes_buffer(self, &n);
    if (left <= 0 && right <= 0 && bytes_check(self)) return self;
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    ai_value r = make_like(self, NULL, n + left + right);
    if (!r) return AI_ERR;
    unsigned char *d = bytearray_check(r) ? ba_obj(r)->data : bytes_data_of(r);
    const unsigned char *p = bytes_buffer(self, &n);
    memset(d, fill, (size_t)left);
    if (n) memcpy(d + left, p, (size_t)n);
    memset(d + left + n, fill, (size_t)right);
    return r;
}

static ai_value justify(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames,
                        const char *name, int how) {
    ai_value a[2];
    PARSE(self, name, ARGS_POS, 1, 2, NULL, a);
    int64_t width, n;
    if (text_ssize_arg(a[0], &width) < 0) return AI_ERR;
    unsigned char fill = ' ';
    if (a[1]) {
        int64_t m;
        const unsigned char *f = bytes_buffer(a[1], &m);
        if (!f || m != 1)
            return ai_raise_fmt(&ai_exc_TypeError,
                                "%s() argument 2 must be a byte string of length 1, not %s", name,
                                obj_type_name(a[1]));
        fill = f[0];
    }
    bytes_buffer(self, &n);
    int64_t marg = width - n;
    if (marg <= 0) return pad(self, 0, 0, fill);
    if (how == '<') return pad(self, 0, marg, fill);
    if (how == '>') return pad(self, marg, 0, fill);
    int64_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

METHOD(m_center) { return justify(self, args, nargs, kwnames, "center", '^'); }
METHOD(m_ljust) { return justify(self, args, nargs, kwnames, "ljust", '<'); }
METHOD(m_rjust) { return justify(self, args, nargs, kwnames, "rjust", '>'); }

METHOD(m_zfill) {
    ai_value a[1];
    PARSE(self, "zfill", ARGS_ONE, 1, 1, NULL, a);
    int64_t width, n;
    if (text_ssize_arg(a[0], &width) < 0) return AI_ERR;
    bytes_buffer(self, &n);
    if (width <= n) return pad(self, 0, 0, '0');
    ai_value r = pad(self, width - n, 0, '0');
    if (!r) return AI_ERR;
    unsigned char *d = bytearray_check(r) ? ba_obj(r)->data : bytes_data_of(r);
    if (n && (d[width - n] == '+' || d[width - n] == '-')) {
        d[0] = d[width - n];
        d[width - n] = '0';
    }
    return r;
}

METHOD(m_expandtabs) {
    static const char *const kws[] = {"tabsize"};
    ai_value a[1];
    PARSE(self, "expandtabs", ARGS_KW, 0, 1, kws, a);
    int64_t tab = 8, n;
    if (a[0] && text_int_arg(a[0], &tab) < 0) return AI_ERR;
    const unsigned char *p = bytes_buffer(self, &n);
    int64_t total = 0, col = 0;
    for (int64_t i = 0; i < n; i++) {
        if (p[i] == '\t') {
            if (tab > 0) total += tab - col % tab, col += tab - col % tab;
        } else {
            total++;
            col = (p[i] == '\n' || p[i] == '\r') ? 0 : col + 1;
        }
    }
    ai_value r = make_like(self, NULL, total);
    if (!r) return AI_ERR;
    unsigned char *d = bytearray_check(r) ? ba_obj(r)->data : bytes_data_of(r);
    p = bytes_buffer(self, &n);
    col = 0;
    for (int64_t i = 0, k = 0; i < n; i++) {
        if (p[i] == '\t') {
            if (tab > 0) {
                int64_t s = tab - col % tab;
                memset(d + k, ' ', (size_t)s);
                k += s, col += s;
            }
        } else {
            d[k++] = p[i];
            col = (p[i] == '\n' || p[i] == '\r') ? 0 : col + 1;
        }
    }
    return r;
}

/* ---- replace, translate, maketrans ------------------------------------------------------ */

METHOD(m_replace) {
    ai_value a[3];
    PARSE(self, "replace", ARGS_POS, 2, 3, NULL, a);
    int64_t mo, mn, n, count = -1;
    const unsigned char *old = need_buffer(a[0], &mo), *new_ = old ? need_buffer(a[1], &mn) : 0;
    if (!new_) return AI_ERR;
    if (a[2] && text_ssize_arg(a[2], &count) < 0) return AI_ERR;
    if (count < 0) count = INT64_MAX;
    const unsigned char *p = bytes_buffer(self, &n);
    /* Plan the result in a bytearray of our own (old/new may alias self). */
    ai_value out = bytearray_from(NULL, 0);
    if (!out) return AI_ERR;
    ai_bytearray *o = ba_obj(out);
    int64_t i = 0;
    if (mo == 0) {
        for (; i <= n && count > 0; i++, count--) {
            if (ba_splice(o, o->len, o->len, new_, mn) < 0) return AI_ERR;
            if (i < n && ba_splice(o, o->len, o->len, p + i, 1) < 0) return AI_ERR;
        }
    } else {
        for (; count > 0; count--) {
            int64_t k = mem_find(p, i, n, old, mo);
            if (k < 0) break;
            if (ba_splice(o, o->len, o->len, p + i, k - i) < 0 ||
                ba_splice(o, o->len, o->len, new_, mn) < 0)
                return AI_ERR;
            i = k + mo;
        }
    }
    if (i < n && ba_splice(o, o->len, o->len, p + i, n - i) < 0) return AI_ERR;
    return make_like(self, o->data, o->len);
}

METHOD(m_translate) {
    static const char *const kws[] = {"table", "delete"};
    ai_value a[2] = {0, 0};
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    /* table is positional-only, delete may be a keyword. */
    if (nargs < 1)
        return ai_raise_msg(&ai_exc_TypeError, "translate() takes at least 1 positional argument (0 given)");
    if (nargs + nkw > 2)
        return ai_raise_fmt(&ai_exc_TypeError, "translate() takes at most 2 arguments (%lld given)",
                            (long long)(nargs + nkw));
    argspec sp = spec_for(self, "translate", ARGS_KW, 0, 2, kws);
    if (text_args(&sp, args, nargs, kwnames, a) < 0) return AI_ERR;
    const unsigned char *table = NULL, *del = NULL;
    int64_t tn = 0, dn = 0, n;
    if (a[0] != AI_NONE) {
        if (!(table = need_buffer(a[0], &tn))) return AI_ERR;
        if (tn != 256)
            return ai_raise_msg(&ai_exc_ValueError,
                                "translation table must be 256 characters long");
    }
    if (a[1] && !(del = need_buffer(a[1], &dn))) return AI_ERR;
    bool gone[256] = {false};
    for (int64_t k = 0; k < dn; k++) gone[del[k]] = true;
    const unsigned char *p = bytes_buffer(self, &n);
    int64_t keep = 0;
    for (int64_t i = 0; i < n; i++) keep += !gone[p[i]];
    ai_value r = make_like(self, NULL, keep);
    if (!r) return AI_ERR;
    unsigned char *d = bytearray_check(r) ? ba_obj(r)->data : bytes_data_of(r);
    p = bytes_buffer(self, &n);
    for (int64_t i = 0, k = 0; i < n; i++)
        if (!gone[p[i]]) d[k++] = table ? table[p[i]] : p[i];
    return r;
}

METHOD(m_maketrans) {
    (void)self; /* a static method: no receiver */
    ai_value a[2];
    static const argspec sp = {"maketrans", "bytes", ARGS_POS, 2, 2, NULL};
    if (text_args(&sp, args, nargs, kwnames, a) < 0) return AI_ERR;
    int64_t m1, m2;
    const unsigned char *x = need_buffer(a[0], &m1), *y = x ? need_buffer(a[1], &m2) : 0;
    if (!y) return AI_ERR;
    if (m1 != m2) return ai_raise_msg(&ai_exc_ValueError, "maketrans arguments must have same length");
    ai_value r = bytes_new_raw(256);
    if (!r) return AI_ERR;
    unsigned char *d = bytes_data_of(r);
    for (int i = 0; i < 256; i++) d[i] = (unsigned char)i;
    for (int64_t k = 0; k < m1; k++) d[x[k]] = y[k];
    return r;
}

/* ---- hex, fromhex, decode ------------------------------------------------------------- */

METHOD(m_hex) {
    static const char *const kws[] = {"sep", "bytes_per_sep"};
    ai_value a[2];
    PARSE(self, "hex", ARGS_KW, 0, 2, kws, a);
    char sep = 0;
    int64_t per = 1, n;
    if (a[0]) {
        uint32_t c = 0;
        int64_t m;
        const unsigned char *q;
        if (str_check(a[0])) {
            if (str_obj(a[0])->len != 1)
                return ai_raise_msg(&ai_exc_ValueError, "sep must be length 1.");
            c = str_char(str_obj(a[0]), 0);
        } else if ((q = bytes_buffer(a[0], &m))) {
            if (m != 1) return ai_raise_msg(&ai_exc_ValueError, "sep must be length 1.");
            c = q[0];
        } else {
            const ai_slots *sl = obj_slots(a[0]);
            if (!sl->len)
                return ai_raise_fmt(&ai_exc_TypeError, "object of type '%s' has no len()",
                                    obj_type_name(a[0]));
            return ai_raise_msg(&ai_exc_TypeError, "sep must be str or bytes.");
        }
        if (c >= 128) return ai_raise_msg(&ai_exc_ValueError, "sep must be ASCII.");
        sep = (char)c;
    }
    if (a[1] && text_ssize_arg(a[1], &per) < 0) return AI_ERR;
    const unsigned char *p = bytes_buffer(self, &n);
    strbuf b;
    sb_init(&b);
    int64_t g = per < 0 ? -per : per;
    for (int64_t i = 0; i < n; i++) {
        if (sep && g && i > 0) {
            /* Groups count from the right for a positive bytes_per_sep. */
            bool cut = per > 0 ? (n - i) % g == 0 : i % g == 0;
            if (cut) sb_addc(&b, (uint32_t)sep);
        }
        sb_printf(&b, "%02x", p[i]);
    }
    return sb_finish(&b);
}

static int hexval(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

/* bytes.fromhex / bytearray.fromhex: a class method, self is the type. */
METHOD(m_fromhex) {
    ai_type *t = (ai_type *)ai_obj(self);
    argspec sp = {"fromhex", t->name, ARGS_ONE, 1, 1, NULL};
    ai_value a[1];
    if (text_args(&sp, args, nargs, kwnames, a) < 0) return AI_ERR;
    if (!str_check(a[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "fromhex() argument must be str, not %s",
                            obj_type_name(a[0]));
    ai_strobj *s = str_obj(a[0]);
    ai_value out = bytearray_from(NULL, 0);
    if (!out) return AI_ERR;
    ai_bytearray *o = ba_obj(out);
    for (int64_t i = 0; i < s->len;) {
        uint32_t c = str_char(s, i);
        if (c < 128 && b_space(c)) {
            i++;
            continue;
        }
        int hi = hexval(c), lo = i + 1 < s->len ? hexval(str_char(s, i + 1)) : -1;
        if (hi < 0 || lo < 0)
            return ai_raise_fmt(&ai_exc_ValueError,
                                "non-hexadecimal number found in fromhex() arg at position %lld",
                                (long long)(hi < 0 ? i : i + 1));
        if (ba_reserve(o, o->len + 1) < 0) return AI_ERR;
        o->data[o->len++] = (unsigned char)(hi * 16 + lo);
        i += 2;
    }
    if (t == &ai_bytearray_type) return out;
    ai_value r = bytes_from((const char *)o->data, o->len, false);
    /* A subclass: cls(the bytes), as CPython's classmethod does. */
    if (r && t != &ai_bytes_type) return ai_call(self, &r, 1, 0);
    return r;
}

METHOD(m_decode) {
    static const char *const kws[] = {"encoding", "errors"};
    ai_value a[2];
    PARSE(self, "decode", ARGS_KW, 0, 2, kws, a);
    const char *enc, *err;
    if (text_codec_args("decode", a[0], a[1], &enc, &err) < 0) return AI_ERR;
    int64_t n;
    const unsigned char *p = bytes_buffer(self, &n);
    return text_decode(p, n, enc, err);
}

METHOD(m_getnewargs) {
    PARSE(self, "__getnewargs__", ARGS_NONE, 0, 0, NULL, NULL);
    int64_t n;
    const unsigned char *p = bytes_buffer(self, &n);
    ai_value b = bytes_from((const char *)p, n, false);
    return b ? ai_tuple_pack(&b, 1) : AI_ERR;
}

/* ---- bytearray's own methods ------------------------------------------------------------ */

METHOD(m_append) {
    ai_value a[1];
    PARSE(self, "append", ARGS_ONE, 1, 1, NULL, a);
    int b = byte_value(a[0], "byte must be in range(0, 256)");
    if (b < 0) return AI_ERR;
    ai_bytearray *o = ba_obj(self);
    if (ba_reserve(o, o->len + 1) < 0) return AI_ERR;
    o->data[o->len++] = (unsigned char)b;
    return AI_NONE;
}

METHOD(m_extend) {
    ai_value a[1];
    PARSE(self, "extend", ARGS_ONE, 1, 1, NULL, a);
    ai_value src = a[0];
    int64_t m;
    if (!bytes_buffer(src, &m)) {
        if (!obj_slots(src)->iter || ai_is_smallint(src))
            return ai_raise_fmt(&ai_exc_TypeError, "can't extend bytearray with %s",
                                obj_type_name(src));
        if (!(src = bytes_of_source(src, 0, 0, "bytearray"))) return AI_ERR;
    }
    const unsigned char *p = bytes_buffer(src, &m);
    ai_bytearray *o = ba_obj(self);
    return ba_splice(o, o->len, o->len, p, m) < 0 ? AI_ERR : AI_NONE;
}

METHOD(m_insert) {
    ai_value a[2];
    PARSE(self, "insert", ARGS_POS, 2, 2, NULL, a);
    int64_t i;
    if (text_ssize_arg(a[0], &i) < 0) return AI_ERR;
    int b = byte_value(a[1], "byte must be in range(0, 256)");
    if (b < 0) return AI_ERR;
    ai_bytearray *o = ba_obj(self);
    if (i < 0) {
        i += o->len;
        if (i < 0) i = 0;
    }
    if (i > o->len) i = o->len;
    unsigned char c = (unsigned char)b;
    return ba_splice(o, i, i, &c, 1) < 0 ? AI_ERR : AI_NONE;
}

METHOD(m_pop) {
    ai_value a[1];
    PARSE(self, "pop", ARGS_POS, 0, 1, NULL, a);
    int64_t i = -1;
    if (a[0] && text_ssize_arg(a[0], &i) < 0) return AI_ERR;
    ai_bytearray *o = ba_obj(self);
    if (o->len == 0) return ai_raise_msg(&ai_exc_IndexError, "pop from empty bytearray");
    if (i < 0) i += o->len;
    if (i < 0 || i >= o->len) return ai_raise_msg(&ai_exc_IndexError, "pop index out of range");
    unsigned char c = o->data[i];
    ba_splice(o, i, i + 1, NULL, 0);
    return ai_smallint(c);
}

METHOD(m_remove) {
    ai_value a[1];
    PARSE(self, "remove", ARGS_ONE, 1, 1, NULL, a);
    int b = byte_value(a[0], "byte must be in range(0, 256)");
    if (b < 0) return AI_ERR;
    ai_bytearray *o = ba_obj(self);
    const unsigned char *q = o->len ? memchr(o->data, b, (size_t)o->len) : NULL;
    if (!q) return ai_raise_msg(&ai_exc_ValueError, "value not found in bytearray");
    int64_t i = q - o->data;
    ba_splice(o, i, i + 1, NULL, 0);
    return AI_NONE;
}

METHOD(m_reverse) {
    PARSE(self, "reverse", ARGS_NONE, 0, 0, NULL, NULL);
    ai_bytearray *o = ba_obj(self);
    for (int64_t i = 0, j = o->len - 1; i < j; i++, j--) {
        unsigned char t = o->data[i];
        o->data[i] = o->data[j];
        o->data[j] = t;
    }
    return AI_NONE;
}

METHOD(m_clear) {
    PARSE(self, "clear", ARGS_NONE, 0, 0, NULL, NULL);
    ba_obj(self)->len = 0;
    return AI_NONE;
}

METHOD(m_copy) {
    PARSE(self, "copy", ARGS_NONE, 0, 0, NULL, NULL);
    return bytearray_from(ba_obj(self)->data, ba_obj(self)->len);
}

/* ---- the types ---------------------------------------------------------------------------- */

#define SHARED_METHODS(T)                                                                         \
    {"capitalize", m_capitalize, T, 0}, {"center", m_center, T, 0}, {"count", m_count, T, 0},     \
    {"decode", m_decode, T, 0}, {"endswith", m_endswith, T, 0},                                  \
    {"expandtabs", m_expandtabs, T, 0}, {"find", m_find, T, 0},                                  \
    {"fromhex", m_fromhex, T, AI_METH_CLASS}, {"hex", m_hex, T, 0}, {"index", m_index, T, 0},    \
    {"isalnum", m_isalnum, T, 0}, {"isalpha", m_isalpha, T, 0}, {"isascii", m_isascii, T, 0},    \
    {"isdigit", m_isdigit, T, 0}, {"islower", m_islower, T, 0}, {"isspace", m_isspace, T, 0},    \
    {"istitle", m_istitle, T, 0}, {"isupper", m_isupper, T, 0}, {"join", m_join, T, 0},          \
    {"ljust", m_ljust, T, 0}, {"lower", m_lower, T, 0}, {"lstrip", m_lstrip, T, 0},              \
    {"maketrans", m_maketrans, T, AI_METH_STATIC}, {"partition", m_partition, T, 0},             \
    {"removeprefix", m_removeprefix, T, 0}, {"removesuffix", m_removesuffix, T, 0},              \
    {"replace", m_replace, T, 0}, {"rfind", m_rfind, T, 0}, {"rindex", m_rindex, T, 0},          \
    {"rjust", m_rjust, T, 0}, {"rpartition", m_rpartition, T, 0}, {"rsplit", m_rsplit, T, 0},    \
    {"rstrip", m_rstrip, T, 0}, {"split", m_split, T, 0}, {"splitlines", m_splitlines, T, 0},    \
    {"startswith", m_startswith, T, 0}, {"strip", m_strip, T, 0},                                \
    {"swapcase", m_swapcase, T, 0}, {"title", m_title, T, 0}, {"translate", m_translate, T, 0},  \
    {"upper", m_upper, T, 0}, {"zfill", m_zfill, T, 0}

static const ai_method_def bytes_methods[] = {
    SHARED_METHODS(&ai_bytes_type),
    {"__getnewargs__", m_getnewargs, &ai_bytes_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_method_def bytearray_methods[] = {
    SHARED_METHODS(&ai_bytearray_type),
    {"append", m_append, &ai_bytearray_type, 0},
    {"clear", m_clear, &ai_bytearray_type, 0},
    {"copy", m_copy, &ai_bytearray_type, 0},
    {"extend", m_extend, &ai_bytearray_type, 0},
    {"insert", m_insert, &ai_bytearray_type, 0},
    {"pop", m_pop, &ai_bytearray_type, 0},
    {"remove", m_remove, &ai_bytearray_type, 0},
    {"reverse", m_reverse, &ai_bytearray_type, 0},
    {NULL, NULL, NULL, 0},
};

static ai_value bytes_str(ai_value v) { return bytes_repr(v); }

static const ai_slots bytes_slots = {
    .concat = bytes_concat,
    .repeat = bytes_repeat,
    .richcompare = bytes_richcompare,
    .hash = bytes_hash,
    .len = bytes_len,
    .contains = bytes_contains,
    .construct = bytes_construct,
    .iter = bytes_iter,
    .getitem = bytes_getitem,
    .methods = bytes_methods,
    .mod = fmt_bytes_mod,
};

ai_type ai_bytes_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "bytes",
    .base = &ai_object_type,
    .flags = AI_TF_MATCH_SELF,
    .basicsize = sizeof(ai_bytes),
    .repr = bytes_repr,
    .str = bytes_str,
    .gc_size = bytes_size,
    .slots = (void *)&bytes_slots,
};

/* b += x and b *= n change b itself (the same object afterwards). */
static ai_value bytearray_inplace(ai_value a, ai_value b, int32_t op) {
    ai_bytearray *s = ba_obj(a);
    if (op == AI_OP_ADD) {
        int64_t nb;
        const unsigned char *y = bytes_buffer(b, &nb);
        if (!y)
            return ai_raise_fmt(&ai_exc_TypeError, "can't concat %s to %s", obj_type_name(b), obj_type_name(a));
        return ba_splice(s, s->len, s->len, y, nb) < 0 ? AI_ERR : a;
    }
    if (op != AI_OP_MUL) return AI_NOTIMPL;
    if (!ai_is_smallint(b) && !obj_slots(b)->index) return AI_NOTIMPL; /* "can't multiply …" */
    bool fits, err;
    int64_t n = obj_index_i64(b, &fits, &err);
    if (err) return AI_ERR;
    if (!fits)
        return ai_raise_fmt(&ai_exc_OverflowError, "cannot fit '%s' into an index-sized integer", obj_type_name(b));
    int64_t m = s->len;
    if (n <= 0 || m == 0) {
        s->len = 0;
        return a;
    }
    if (m > INT64_MAX / n) return exc_nomem();
    if (ba_reserve(s, m * n) < 0) return AI_ERR;
    for (int64_t i = 1; i < n; i++) memcpy(s->data + i * m, s->data, (size_t)m);
    s->len = m * n;
    return a;
}

static const ai_slots bytearray_slots = {
    .inplace = bytearray_inplace,
    .concat = bytes_concat,
    .repeat = bytes_repeat,
    .richcompare = bytes_richcompare,
    .hash = bytearray_hash,
    .len = bytes_len,
    .contains = bytes_contains,
    .construct = bytearray_construct,
    .iter = bytes_iter,
    .getitem = bytes_getitem,
    .setitem = bytearray_setitem,
    .methods = bytearray_methods,
    .mod = fmt_bytes_mod,
};

ai_type ai_bytearray_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "bytearray",
    .base = &ai_object_type,
    .flags = AI_TF_MATCH_SELF,
    .basicsize = sizeof(ai_bytearray),
    .repr = bytearray_repr,
    .str = bytearray_repr,
    .gc_visit = ba_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&bytearray_slots,
};
