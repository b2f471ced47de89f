/*
 * objects/bytes.c — a minimal immutable `bytes`, enough for constants
 * (ai_const_bytes) to be printed, compared, hashed, concatenated and
 * repeated.
 *
 * Layout (core/object.h): length, cached hash, then the bytes and a NUL.
 * repr follows CPython: b'...' with single quotes unless the data has a
 * single quote and no double quote; \t \n \r \\ and \xhh escapes.
 * Not handled yet: indexing, slicing, iteration, methods, bytes(x) beyond
 * bytes() and bytes(bytes), bytearray; a later issue owns the full type.
 */
#include "core/object.h"

static inline ai_bytes *bytes_obj(ai_value v) { return (ai_bytes *)ai_obj(v); }
static inline unsigned char *bytes_data(ai_bytes *b) { return (unsigned char *)(b + 1); }

static size_t bytes_size(const ai_object *o) {
    return sizeof(ai_bytes) + (size_t)((const ai_bytes *)o)->len + 1;
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
    size_t size = sizeof(ai_bytes) + (size_t)len + 1;
    ai_bytes *b = immortal ? alloc_static(&ai_bytes_type, size) : ai_alloc(&ai_bytes_type, size);
    if (!b) return AI_ERR;
    b->len = len;
    if (len) memcpy(bytes_data(b), data, (size_t)len);
    /* Constants are shared by all workers: hash them before publishing. */
    b->hash = immortal ? hash_bytes(bytes_data(b), len) : -1;
    return ai_val(b);
}

ai_value ai_const_bytes(const char *data, int64_t len) { return bytes_from(data, len, true); }

static ai_value bytes_repr(ai_value v) {
    ai_bytes *b = bytes_obj(v);
    const unsigned char *p = bytes_data(b);
    bool sq = memchr(p, '\'', (size_t)b->len) != NULL;
    bool dq = memchr(p, '"', (size_t)b->len) != NULL;
    char quote = (sq && !dq) ? '"' : '\'';
    strbuf s;
    sb_init(&s);
    sb_addc(&s, 'b');
    sb_addc(&s, (uint32_t)quote);
    for (int64_t i = 0; i < b->len; i++) {
        unsigned c = p[i];
        if (c == (unsigned)quote || c == '\\') {
            sb_addc(&s, '\\');
            sb_addc(&s, c);
        } else if (c == '\t')
            sb_adds(&s, "\\t");
        else if (c == '\n')
            sb_adds(&s, "\\n");
        else if (c == '\r')
            sb_adds(&s, "\\r");
        else if (c < 32 || c >= 127)
            sb_printf(&s, "\\x%02x", c);
        else
            sb_addc(&s, c);
    }
    sb_addc(&s, (uint32_t)quote);
    return sb_finish(&s);
}

static ai_value bytes_richcompare(ai_value a, ai_value b, int32_t op) {
    if (!obj_isinstance(a, &ai_bytes_type) || !obj_isinstance(b, &ai_bytes_type)) return AI_NOTIMPL;
    ai_bytes *x = bytes_obj(a), *y = bytes_obj(b);
    int64_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(bytes_data(x), bytes_data(y), (size_t)n);
    if (c == 0)
        c = (x->len > y->len) - (x->len < y->len);
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

static int64_t bytes_len(ai_value v) { return bytes_obj(v)->len; }

static ai_value bytes_concat(ai_value a, ai_value b) {
    if (!obj_isinstance(b, &ai_bytes_type))
        return ai_raise_fmt(&ai_exc_TypeError, "can't concat %s to bytes", obj_type_name(b));
    ai_bytes *x = bytes_obj(a), *y = bytes_obj(b);
    size_t size = sizeof(ai_bytes) + (size_t)(x->len + y->len) + 1;
    ai_bytes *z = ai_alloc(&ai_bytes_type, size);
    if (!z) return AI_ERR;
    z->len = x->len + y->len;
    z->hash = -1;
    memcpy(bytes_data(z), bytes_data(x), (size_t)x->len);
    memcpy(bytes_data(z) + x->len, bytes_data(y), (size_t)y->len);
    return ai_val(z);
}

static ai_value bytes_repeat(ai_value a, int64_t n) {
    ai_bytes *x = bytes_obj(a);
    if (n <= 0 || x->len == 0) return bytes_from(NULL, 0, false);
    if (x->len > INT64_MAX / n) return exc_nomem();
    ai_bytes *z = ai_alloc(&ai_bytes_type, sizeof(ai_bytes) + (size_t)(x->len * n) + 1);
    if (!z) return AI_ERR;
    z->len = x->len * n;
    z->hash = -1;
    for (int64_t i = 0; i < n; i++)
        memcpy(bytes_data(z) + i * x->len, bytes_data(x), (size_t)x->len);
    return ai_val(z);
}

static ai_value bytes_construct(ai_value cls, const ai_value *args, int64_t nargs,
                                ai_value kwnames) {
    (void)cls;
    if (nargs == 0 && !kwnames) return bytes_from(NULL, 0, false);
    if (nargs == 1 && !kwnames && obj_isinstance(args[0], &ai_bytes_type)) return args[0];
    return ai_raise_msg(&ai_exc_NotImplementedError, "bytes() with arguments is not supported yet");
}

static const ai_slots bytes_slots = {
    .concat = bytes_concat,
    .repeat = bytes_repeat,
    .richcompare = bytes_richcompare,
    .hash = bytes_hash,
    .len = bytes_len,
    .construct = bytes_construct,
};

ai_type ai_bytes_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "bytes",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_bytes),
    .repr = bytes_repr,
    .gc_size = bytes_size,
    .slots = (void *)&bytes_slots,
};
