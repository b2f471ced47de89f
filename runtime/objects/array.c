/*
 * objects/array.c — `array.array`: a sequence of C numbers of one
 * typecode (b B u h H i I l L q Q f d, CPython's sizes on x86-64 Linux),
 * with CPython's constructor, item conversions, error messages, slicing,
 * operators and methods. stdlib/array.py re-exports the type
 * (`_aithon.array`).
 *
 * Layout (ai_array, core/object.h): len items in use out of cap, stored
 * raw (itemsize bytes each) in the data of an ai_rawbuf (alloc_raw),
 * replaced when it grows, like a bytearray's bytes. The buffer holds no
 * values: the collector keeps it alive through gc_visit and never looks
 * inside, so storing an item needs no write barrier (only installing a
 * new buffer does). Items are made on the way out: an int, a float (a
 * 'f' item widened from single precision) or a one-character str.
 *
 * Why C: numeric code indexes arrays item by item; a[i] and a[i] = x go
 * through the getitem/setitem slots without a Python call, and compiled
 * float trees read a 'd' item's double in place (compiler/emit_float.c,
 * which knows the offsets below as ARRAY_*).
 *
 * Invariants: data is NULL exactly when cap == 0; code that may run
 * Python (conversions through __index__/__float__, comparisons, file
 * methods) re-reads len and data afterwards.
 */
#include "objects/text.h"
#include "modules/modutil.h"
#include "gc/gc.h"

#include <limits.h>
#include <stddef.h>

_Static_assert(offsetof(ai_array, len) == 8 && offsetof(ai_array, data) == 24 && offsetof(ai_array, code) == 32,
               "compiler/emit_float.c reads these offsets");

static const char TYPECODES[] = "bBuhHiIlLqQfd";

static int code_size(char c) {
    switch (c) {
    case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'u': case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
    default: return 0;
    }
}

static inline ai_array *arr(ai_value v) { return (ai_array *)ai_obj(v); }
bool array_check(ai_value v) { return !ai_is_smallint(v) && obj_isinstance(v, &ai_array_type); }

const unsigned char *array_buffer(ai_value v, int64_t *len) {
    ai_array *a = arr(v);
    *len = a->len * a->itemsize;
    return a->data ? a->data : (const unsigned char *)"";
}

static void array_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_array *a = (ai_array *)o;
    if (!a->data) return;
    ai_value buf = ai_val((ai_rawbuf *)a->data - 1);
    visit(&buf, ctx);
    a->data = (unsigned char *)((ai_rawbuf *)ai_obj(buf) + 1);
}

/* Room for `need` items: 0, or -1 with MemoryError pending. */
static int reserve(ai_array *a, int64_t need) {
    if (need <= a->cap) return 0;
    if (need > ((int64_t)1 << 44) / a->itemsize) {
        exc_nomem();
        return -1;
    }
    int64_t cap = need + (need >> 3) + 4;
    unsigned char *d = alloc_raw((size_t)(cap * a->itemsize));
    if (!d) return -1;
    if (a->len) memcpy(d, a->data, (size_t)(a->len * a->itemsize));
    a->data = d;
    gc_barrier_all(a);
    a->cap = cap;
    return 0;
}

static ai_value array_make(char code, int64_t n) {
    ai_array *a = ai_alloc(&ai_array_type, sizeof(ai_array));
    if (!a) return AI_ERR;
    a->code = code;
    a->itemsize = (uint8_t)code_size(code);
    if (n > 0) {
        if (reserve(a, n) < 0) return AI_ERR;
        a->len = n;
    }
    return ai_val(a);
}

/* ---- items ---------------------------------------------------------------------------- */

static ai_value get_at(const ai_array *a, int64_t i) {
    const unsigned char *p = a->data + i * a->itemsize;
    switch (a->code) {
    case 'b': return ai_smallint(*(const int8_t *)p);
    case 'B': return ai_smallint(*(const uint8_t *)p);
    case 'h': return ai_smallint(*(const int16_t *)p);
    case 'H': return ai_smallint(*(const uint16_t *)p);
    case 'i': return ai_smallint(*(const int32_t *)p);
    case 'I': return ai_smallint(*(const uint32_t *)p);
    case 'u': return str_from_codepoint(*(const uint32_t *)p);
    case 'f': return ai_float_box((double)*(const float *)p);
    case 'd': return ai_float_box(*(const double *)p);
    case 'Q':
    case 'L': {
        uint64_t u = *(const uint64_t *)p;
        return u < ((uint64_t)1 << 62) ? ai_smallint((int64_t)u) : int_from_u64(u, false);
    }
    default: {
        int64_t n = *(const int64_t *)p;
        if (n >= -((int64_t)1 << 62) && n < ((int64_t)1 << 62)) return ai_smallint(n);
        return int_from_u64(n < 0 ? 0 - (uint64_t)n : (uint64_t)n, n < 0);
    }
    }
}

static int overflow(const char *msg) {
    ai_raise_msg(&ai_exc_OverflowError, msg);
    return -1;
}

/* A signed C long from v (CPython's PyLong_AsLong through __index__). */
static int as_long(ai_value v, int64_t *out) {
    bool fits, err;
    *out = obj_index_i64(v, &fits, &err);
    if (err) return -1;
    if (!fits) return overflow("Python int too large to convert to C long");
    return 0;
}

/* An unsigned 64-bit value from v: *neg when v < 0 (no error raised),
 * *big when v >= 2**64. */
static int as_u64(ai_value v, uint64_t *out, bool *neg, bool *big) {
    ai_value i = mu_index(v);
    if (!i) return -1;
    *neg = *big = false;
    int64_t n;
    if (int_to_i64(i, &n)) {
        *neg = n < 0;
        *out = (uint64_t)n;
        return 0;
    }
    const ai_bigint *b = (const ai_bigint *)ai_obj(i);
    if (b->size < 0) *neg = true;
    else if (b->size > 1) *big = true;
    else *out = b->limbs[0];
    return 0;
}

/* v converted for typecode c into the raw item at p (nothing written on
 * error), with CPython's checks and messages per typecode. */
static int convert(char c, ai_value v, unsigned char *p) {
    if (c == 'f' || c == 'd') {
        double d;
        if (!ai_is_smallint(v) && ai_type_of_obj(ai_obj(v)) == &ai_float_type) d = float_get(v);
        else if (!mu_real(v, &d)) return -1;
        if (c == 'f') *(float *)p = (float)d;
        else *(double *)p = d;
        return 0;
    }
    if (c == 'u') {
        if (ai_is_smallint(v) || !str_check(v) || str_obj(v)->len != 1) {
            ai_raise_msg(&ai_exc_TypeError, "array item must be unicode character");
            return -1;
        }
        *(uint32_t *)p = str_char(str_obj(v), 0);
        return 0;
    }
    if (c == 'I' || c == 'L' || c == 'Q') {
        uint64_t u = 0;
        bool neg = false, big = false;
        if (as_u64(v, &u, &neg, &big) < 0) return -1;
        if (c == 'Q') {
            if (neg) return overflow("can't convert negative int to unsigned");
            if (big) return overflow("int too big to convert");
            *(uint64_t *)p = u;
            return 0;
        }
        if (neg) return overflow("can't convert negative value to unsigned int");
        if (big) return overflow("Python int too large to convert to C unsigned long");
        if (c == 'I') {
            if (u > UINT32_MAX) return overflow("unsigned int is greater than maximum");
            *(uint32_t *)p = (uint32_t)u;
        } else {
            *(uint64_t *)p = u;
        }
        return 0;
    }
    int64_t n;
    if (c == 'q') {
        bool fits, err;
        n = obj_index_i64(v, &fits, &err);
        if (err) return -1;
        if (!fits) return overflow("int too big to convert");
        *(int64_t *)p = n;
        return 0;
    }
    if (as_long(v, &n) < 0) return -1;
    switch (c) {
    case 'b':
    case 'h':
        /* 'b' items are parsed as a C short first, as CPython does */
        if (n < SHRT_MIN) return overflow("signed short integer is less than minimum");
        if (n > SHRT_MAX) return overflow("signed short integer is greater than maximum");
        if (c == 'h') {
            *(int16_t *)p = (int16_t)n;
            return 0;
        }
        if (n < SCHAR_MIN) return overflow("signed char is less than minimum");
        if (n > SCHAR_MAX) return overflow("signed char is greater than maximum");
        *(int8_t *)p = (int8_t)n;
        return 0;
    case 'B':
        if (n < 0) return overflow("unsigned byte integer is less than minimum");
        if (n > UCHAR_MAX) return overflow("unsigned byte integer is greater than maximum");
        *(uint8_t *)p = (uint8_t)n;
        return 0;
    case 'H':
    case 'i':
        if (n < INT_MIN) return overflow("signed integer is less than minimum");
        if (n > INT_MAX) return overflow("signed integer is greater than maximum");
        if (c == 'i') {
            *(int32_t *)p = (int32_t)n;
            return 0;
        }
        if (n < 0) return overflow("unsigned short is less than minimum");
        if (n > USHRT_MAX) return overflow("unsigned short is greater than maximum");
        *(uint16_t *)p = (uint16_t)n;
        return 0;
    default: /* 'l' */
        *(int64_t *)p = n;
        return 0;
    }
}

/* Append v converted (the conversion first: it may run Python code). */
static int append1(ai_value self, ai_value v) {
    unsigned char tmp[8];
    if (convert(arr(self)->code, v, tmp) < 0) return -1;
    ai_array *a = arr(self);
    if (reserve(a, a->len + 1) < 0) return -1;
    memcpy(a->data + a->len * a->itemsize, tmp, a->itemsize);
    a->len++;
    return 0;
}

/* Append n raw items. */
static int append_raw(ai_value self, const unsigned char *p, int64_t n) {
    ai_array *a = arr(self);
    if (n <= 0) return 0;
    if (reserve(a, a->len + n) < 0) return -1;
    memmove(a->data + a->len * a->itemsize, p, (size_t)(n * a->itemsize));
    a->len += n;
    return 0;
}

/* ---- slots ------------------------------------------------------------------------------ */

static int64_t array_len(ai_value v) { return arr(v)->len; }

static ai_value slice_of(ai_value v, int64_t start, int64_t step, int64_t n) {
    ai_value r = array_make(arr(v)->code, n);
    if (!r) return AI_ERR;
    ai_array *a = arr(v), *b = arr(r);
    int sz = a->itemsize;
    if (step == 1) {
        if (n) memcpy(b->data, a->data + start * sz, (size_t)(n * sz));
    } else {
        for (int64_t k = 0, i = start; k < n; k++, i += step) memcpy(b->data + k * sz, a->data + i * sz, sz);
    }
    return r;
}

static ai_value array_getitem(ai_value v, ai_value key) {
    ai_array *a = arr(v);
    if (ai_is_smallint(key)) {
        int64_t i = ai_smallint_get(key);
        if (i < 0) i += a->len;
        if ((uint64_t)i >= (uint64_t)a->len) return ai_raise_msg(&ai_exc_IndexError, "array index out of range");
        return get_at(a, i);
    }
    if (obj_slots(key)->index) {
        int64_t i;
        if (seq_index_of(key, &i) < 0) return AI_ERR;
        return array_getitem(v, ai_smallint(i < -((int64_t)1 << 61) ? -((int64_t)1 << 61)
                                            : i > ((int64_t)1 << 61) ? ((int64_t)1 << 61) : i));
    }
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, a->len, &start, &stop, &step, &n) < 0) return AI_ERR;
        return slice_of(v, start, step, n);
    }
    return ai_raise_msg(&ai_exc_TypeError, "array indices must be integers");
}

/* Remove n items from lo on. */
static void cut(ai_array *a, int64_t lo, int64_t n) {
    if (n <= 0) return;
    int sz = a->itemsize;
    memmove(a->data + lo * sz, a->data + (lo + n) * sz, (size_t)((a->len - lo - n) * sz));
    a->len -= n;
}

static int32_t set_slice(ai_value v, ai_value key, ai_value val) {
    ai_array *a = arr(v);
    int64_t start, stop, step, n;
    if (slice_indices(key, a->len, &start, &stop, &step, &n) < 0) return -1;
    int sz = a->itemsize;
    if (!val) { /* del a[slice] */
        if (step < 0) {
            start += step * (n - 1);
            step = -step;
        }
        if (step == 1) {
            cut(a, start, n);
            return 0;
        }
        int64_t w = start;
        for (int64_t r = start, k = 0; r < a->len; r++) {
            if (k < n && r == start + k * step) {
                k++;
                continue;
            }
            memmove(a->data + w * sz, a->data + r * sz, sz);
            w++;
        }
        a->len = w;
        return 0;
    }
    if (!array_check(val)) {
        ai_raise_fmt(&ai_exc_TypeError, "can only assign array (not \"%s\") to array slice", obj_type_name(val));
        return -1;
    }
    ai_array *b = arr(val);
    if (b->code != a->code) {
        ai_raise_msg(&ai_exc_TypeError, "bad argument type for built-in operation");
        return -1;
    }
    int64_t m = b->len;
    /* a copy of the source first: it may be this very array */
    unsigned char *src = m ? alloc_raw((size_t)(m * sz)) : NULL;
    if (m && !src) return -1;
    if (m) memcpy(src, b->data, (size_t)(m * sz));
    if (step == 1) {
        if (stop < start) stop = start;
        int64_t old = stop - start;
        if (m > old) {
            if (reserve(a, a->len + m - old) < 0) return -1;
            memmove(a->data + (start + m) * sz, a->data + stop * sz, (size_t)((a->len - stop) * sz));
            a->len += m - old;
        } else if (m < old) {
            cut(a, start + m, old - m);
        }
        if (m) memcpy(a->data + start * sz, src, (size_t)(m * sz));
        return 0;
    }
    if (m != n) {
        ai_raise_fmt(&ai_exc_ValueError, "attempt to assign array of size %lld to extended slice of size %lld",
                     (long long)m, (long long)n);
        return -1;
    }
    for (int64_t k = 0, i = start; k < n; k++, i += step) memcpy(a->data + i * sz, src + k * sz, sz);
    return 0;
}

static int32_t array_setitem(ai_value v, ai_value key, ai_value val) {
    ai_array *a = arr(v);
    if (ai_is_smallint(key) || obj_slots(key)->index) {
        int64_t i;
        if (ai_is_smallint(key)) i = ai_smallint_get(key);
        else if (seq_index_of(key, &i) < 0) return -1;
        if (i < 0) i += a->len;
        if (i < 0 || i >= a->len) {
            ai_raise_msg(&ai_exc_IndexError, "array assignment index out of range");
            return -1;
        }
        if (!val) {
            cut(a, i, 1);
            return 0;
        }
        if (a->code == 'd' && !ai_is_smallint(val) && ai_type_of_obj(ai_obj(val)) == &ai_float_type) {
            ((double *)a->data)[i] = float_get(val);
            return 0;
        }
        unsigned char tmp[8];
        if (convert(a->code, val, tmp) < 0) return -1;
        a = arr(v);
        if (i >= a->len) { /* a conversion shrank it */
            ai_raise_msg(&ai_exc_IndexError, "array assignment index out of range");
            return -1;
        }
        memcpy(a->data + i * a->itemsize, tmp, a->itemsize);
        return 0;
    }
    if (slice_check(key)) return set_slice(v, key, val);
    ai_raise_msg(&ai_exc_TypeError, "array indices must be integers");
    return -1;
}

/* The index of the first item equal to x in [lo, hi), -1 when none, -2 on error. */
static int64_t find(ai_value v, ai_value x, int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi && i < arr(v)->len; i++) {
        ai_value it = get_at(arr(v), i);
        if (!it) return -2;
        int32_t eq = obj_eq(it, x);
        if (eq < 0) return -2;
        if (eq) return i;
    }
    return -1;
}

static int32_t array_contains(ai_value v, ai_value x) {
    int64_t i = find(v, x, 0, INT64_MAX);
    return i == -2 ? -1 : i >= 0;
}

static ai_value array_richcompare(ai_value x, ai_value y, int32_t op) {
    if (!array_check(x) || !array_check(y)) return AI_NOTIMPL;
    if ((op == AI_CMP_EQ || op == AI_CMP_NE) && arr(x)->len != arr(y)->len) return ai_bool(op == AI_CMP_NE);
    int64_t i = 0;
    ai_value a = 0, b = 0;
    for (; i < arr(x)->len && i < arr(y)->len; i++) {
        if (!(a = get_at(arr(x), i)) || !(b = get_at(arr(y), i))) return AI_ERR;
        int32_t eq = obj_eq(a, b);
        if (eq < 0) return AI_ERR;
        if (!eq) break;
    }
    if (i >= arr(x)->len || i >= arr(y)->len) {
        int64_t lx = arr(x)->len, ly = arr(y)->len;
        int c = (lx > ly) - (lx < ly);
        return ai_bool(OBJ_CMP_RESULT(op, c));
    }
    if (op == AI_CMP_EQ) return AI_FALSE;
    if (op == AI_CMP_NE) return AI_TRUE;
    return ai_compare(a, b, op);
}

static int64_t array_hash(ai_value v) {
    ai_raise_fmt(&ai_exc_TypeError, "unhashable type: '%s'", obj_type_name(v));
    return -1;
}

static ai_value array_concat(ai_value x, ai_value y) {
    if (!array_check(x)) return AI_NOTIMPL;
    if (!array_check(y))
        return ai_raise_fmt(&ai_exc_TypeError, "can only append array (not \"%s\") to array", obj_type_name(y));
    if (arr(x)->code != arr(y)->code) return ai_raise_msg(&ai_exc_TypeError, "bad argument type for built-in operation");
    ai_value r = array_make(arr(x)->code, 0);
    if (!r || append_raw(r, arr(x)->data, arr(x)->len) < 0 || append_raw(r, arr(y)->data, arr(y)->len) < 0)
        return AI_ERR;
    return r;
}

/* self's items n times over into dst (which may be self). */
static int repeat_into(ai_value dst, ai_value self, int64_t n) {
    int64_t len = arr(self)->len;
    int sz = arr(self)->itemsize;
    if (n <= 0 || len == 0) {
        arr(dst)->len = 0;
        return 0;
    }
    if (len > (((int64_t)1 << 44) / sz) / n) {
        exc_nomem();
        return -1;
    }
    if (reserve(arr(dst), len * n) < 0) return -1;
    ai_array *d = arr(dst);
    if (dst != self) memcpy(d->data, arr(self)->data, (size_t)(len * sz));
    for (int64_t k = 1; k < n; k++) memcpy(d->data + k * len * sz, d->data, (size_t)(len * sz));
    d->len = len * n;
    return 0;
}

static ai_value array_repeat(ai_value v, int64_t n) {
    ai_value r = array_make(arr(v)->code, 0);
    if (!r || repeat_into(r, v, n) < 0) return AI_ERR;
    return r;
}

static int extend(ai_value self, ai_value it);

static ai_value array_inplace(ai_value v, ai_value other, int32_t op) {
    if (op == AI_OP_ADD) {
        if (!array_check(other))
            return ai_raise_fmt(&ai_exc_TypeError, "can only extend array with array (not \"%s\")",
                                obj_type_name(other));
        return extend(v, other) < 0 ? AI_ERR : v;
    }
    if (op == AI_OP_MUL) {
        if (ai_is_smallint(other) || obj_slots(other)->index) {
            bool fits, err;
            int64_t n = obj_index_i64(other, &fits, &err);
            if (err) return AI_ERR;
            if (!fits && n > 0 && arr(v)->len) return exc_nomem();
            return repeat_into(v, v, n) < 0 ? AI_ERR : v;
        }
    }
    return AI_NOTIMPL;
}

static ai_value array_tolist(ai_value v) {
    ai_value l = list_new(arr(v)->len);
    if (!l) return AI_ERR;
    for (int64_t i = 0; i < arr(v)->len; i++) {
        ai_value x = get_at(arr(v), i);
        if (!x || ai_list_append(l, x) < 0) return AI_ERR;
    }
    return l;
}

static ai_value array_tounicode_raw(ai_value v) {
    strbuf b;
    sb_init(&b);
    for (int64_t i = 0; i < arr(v)->len; i++) sb_addc(&b, ((const uint32_t *)arr(v)->data)[i]);
    return sb_finish(&b);
}

/* "array", or a subclass's name (as CPython's repr) */
static const char *repr_name(ai_value v) {
    const ai_type *t = ai_type_of(v);
    return t == &ai_array_type ? "array" : t->name;
}

static ai_value array_repr(ai_value v) {
    ai_array *a = arr(v);
    if (!a->len) {
        strbuf e;
        sb_init(&e);
        sb_printf(&e, "%s('%c')", repr_name(v), a->code);
        return sb_finish(&e);
    }
    ai_value inner = a->code == 'u' ? array_tounicode_raw(v) : array_tolist(v);
    if (!inner) return AI_ERR;
    ai_value r = ai_repr(inner);
    if (!r) return AI_ERR;
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s('%c', ", repr_name(v), arr(v)->code);
    sb_add_str(&b, r);
    sb_addc(&b, ')');
    return sb_finish(&b);
}

/* ---- iteration -------------------------------------------------------------------------- */

static int32_t array_iter_next(ai_value it, ai_value *out) {
    seq_iter *si = (seq_iter *)ai_obj(it);
    if (!si->seq) return 0;
    if (si->index >= arr(si->seq)->len) {
        si->seq = 0; /* exhausted for good, as CPython's arrayiterator */
        return 0;
    }
    ai_value x = get_at(arr(si->seq), si->index);
    if (!x) return -1;
    si->index++;
    *out = x;
    return 1;
}

static const ai_slots array_iter_slots = {.iter = obj_iter_self, .next = array_iter_next};

static ai_type array_iter_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "arrayiterator",
    .base = &ai_object_type,
    .basicsize = sizeof(seq_iter),
    .gc_visit = seq_iter_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&array_iter_slots,
};

static ai_value array_iter(ai_value v) {
    seq_iter *it = ai_alloc(&array_iter_type, sizeof(seq_iter));
    if (!it) return AI_ERR;
    it->seq = v;
    return ai_val(it);
}

/* ---- construction ------------------------------------------------------------------------ */

static int frombytes(ai_value self, ai_value buf) {
    int64_t n;
    const unsigned char *p = bytes_buffer(buf, &n);
    if (!p) {
        if (!ai_is_smallint(buf) && array_check(buf)) p = array_buffer(buf, &n);
        else {
            ai_raise_fmt(&ai_exc_TypeError, "a bytes-like object is required, not '%s'", obj_type_name(buf));
            return -1;
        }
    }
    int sz = arr(self)->itemsize;
    if (n % sz) {
        ai_raise_msg(&ai_exc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    if (buf == self) { /* a.frombytes(a): copy first */
        unsigned char *c = alloc_raw((size_t)n + 1);
        if (!c) return -1;
        memcpy(c, p, (size_t)n);
        p = c;
    }
    return append_raw(self, p, n / sz);
}

static int fromunicode(ai_value self, ai_value s) {
    ai_strobj *so = str_obj(s);
    if (reserve(arr(self), arr(self)->len + so->len) < 0) return -1;
    ai_array *a = arr(self);
    for (int64_t i = 0; i < so->len; i++) ((uint32_t *)a->data)[a->len + i] = str_char(so, i);
    a->len += so->len;
    return 0;
}

/* Append the items of any iterable (an array of the same typecode: its
 * raw items; another typecode: "can only extend with array of same kind"). */
static int extend(ai_value self, ai_value it) {
    if (array_check(it)) {
        if (arr(it)->code != arr(self)->code) {
            ai_raise_msg(&ai_exc_TypeError, "can only extend with array of same kind");
            return -1;
        }
        return append_raw(self, arr(it)->data, arr(it)->len);
    }
    const ai_value *items;
    int64_t n;
    if (seq_fast_items(it, &items, &n)) {
        for (int64_t i = 0; i < n; i++) {
            if (!seq_fast_items(it, &items, &n) || i >= n) break; /* a conversion may change it */
            if (append1(self, items[i]) < 0) return -1;
        }
        return 0;
    }
    ai_value iter = ai_iter(it);
    if (!iter) return -1;
    ai_value x;
    int32_t rc;
    while ((rc = ai_for_next(iter, &x)) == 1)
        if (append1(self, x) < 0) return -1;
    return rc;
}

static ai_value array_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    /* (a subclass's keywords are its __init__'s: class.c passes none) */
    if (kwnames && tuple_obj(kwnames)->len)
        return ai_raise_msg(&ai_exc_TypeError, "array.array() takes no keyword arguments");
    if (nargs < 1 || nargs > 2)
        return ai_raise_fmt(&ai_exc_TypeError, "array() takes %s %d argument%s (%lld given)",
                            nargs < 1 ? "at least" : "at most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s",
                            (long long)nargs);
    ai_value tc = args[0];
    if (ai_is_smallint(tc) || !str_check(tc))
        return ai_raise_fmt(&ai_exc_TypeError, "array() argument 1 must be a unicode character, not %s",
                            obj_type_name(tc));
    if (str_obj(tc)->len != 1)
        return ai_raise_msg(&ai_exc_TypeError, "array() argument 1 must be a unicode character, not str");
    uint32_t c = str_char(str_obj(tc), 0);
    if (c == 0 || c > 127 || !strchr(TYPECODES, (int)c))
        return ai_raise_msg(&ai_exc_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    ai_value init = nargs > 1 ? args[1] : 0;
    if (init && !ai_is_smallint(init)) {
        if (str_check(init) && c != 'u')
            return ai_raise_fmt(&ai_exc_TypeError,
                                "cannot use a str to initialize an array with typecode '%c'", (char)c);
        if (array_check(init) && arr(init)->code == 'u' && c != 'u')
            return ai_raise_fmt(&ai_exc_TypeError,
                                "cannot use a unicode array to initialize an array with typecode '%c'", (char)c);
    }
    ai_value r = array_make((char)c, 0);
    if (!r || !init) return r;
    if (!ai_is_smallint(init) && str_check(init)) return fromunicode(r, init) < 0 ? AI_ERR : r;
    if (!ai_is_smallint(init) && (bytes_check(init) || bytearray_check(init)))
        return frombytes(r, init) < 0 ? AI_ERR : r;
    if (!ai_is_smallint(init) && array_check(init) && arr(init)->code != (char)c) {
        /* another typecode: item by item, as from any iterable */
        for (int64_t i = 0; i < arr(init)->len; i++) {
            ai_value x = get_at(arr(init), i);
            if (!x || append1(r, x) < 0) return AI_ERR;
        }
        return r;
    }
    return extend(r, init) < 0 ? AI_ERR : r;
}

/* ---- methods ------------------------------------------------------------------------------- */

static int args_n(const char *name, int64_t nargs, ai_value kw, int64_t lo, int64_t hi) {
    if (call_no_kwargs(name, kw) < 0) return -1;
    if (nargs >= lo && nargs <= hi) return 0;
    if (lo == hi && lo == 0)
        ai_raise_fmt(&ai_exc_TypeError, "%s() takes no arguments (%lld given)", name, (long long)nargs);
    else if (lo == hi && lo == 1)
        ai_raise_fmt(&ai_exc_TypeError, "%s() takes exactly one argument (%lld given)", name, (long long)nargs);
    else if (nargs < lo)
        ai_raise_fmt(&ai_exc_TypeError, "%s expected at least %lld argument%s, got %lld", name, (long long)lo,
                     lo == 1 ? "" : "s", (long long)nargs);
    else
        ai_raise_fmt(&ai_exc_TypeError, "%s expected at most %lld argument%s, got %lld", name, (long long)hi,
                     hi == 1 ? "" : "s", (long long)nargs);
    return -1;
}

static ai_value m_append(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (args_n("append", nargs, kw, 1, 1) < 0 || append1(self, args[0]) < 0) return AI_ERR;
    return AI_NONE;
}

static ai_value m_extend(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (args_n("extend", nargs, kw, 1, 1) < 0 || extend(self, args[0]) < 0) return AI_ERR;
    return AI_NONE;
}

static ai_value m_insert(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (args_n("insert", nargs, kw, 2, 2) < 0) return AI_ERR;
    bool fits, err;
    int64_t i = obj_index_i64(args[0], &fits, &err);
    if (err) return AI_ERR;
    unsigned char tmp[8];
    if (convert(arr(self)->code, args[1], tmp) < 0) return AI_ERR;
    ai_array *a = arr(self);
    if (i < 0) i = i + a->len < 0 ? 0 : i + a->len;
    if (i > a->len) i = a->len;
    if (reserve(a, a->len + 1) < 0) return AI_ERR;
    int sz = a->itemsize;
    memmove(a->data + (i + 1) * sz, a->data + i * sz, (size_t)((a->len - i) * sz));
    memcpy(a->data + i * sz, tmp, sz);
    a->len++;
    return AI_NONE;
}

static ai_value m_pop(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (args_n("pop", nargs, kw, 0, 1) < 0) return AI_ERR;
    int64_t i = -1;
    if (nargs) {
        bool fits, err;
        i = obj_index_i64(args[0], &fits, &err);
        if (err) return AI_ERR;
    }
    ai_array *a = arr(self);
    if (!a->len) return ai_raise_msg(&ai_exc_IndexError, "pop from empty array");
    if (i < 0) i += a->len;
    if (i < 0 || i >= a->len) return ai_raise_msg(&ai_exc_IndexError, "pop index out of range");
    ai_value x = get_at(a, i);
    if (!x) return AI_ERR;
    cut(arr(self), i, 1);
    return x;
}

static ai_value m_remove(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (args_n("remove", nargs, kw, 1, 1) < 0) return AI_ERR;
    int64_t i = find(self, args[0], 0, INT64_MAX);
    if (i == -2) return AI_ERR;
    if (i < 0) return ai_raise_msg(&ai_exc_ValueError, "array.remove(x): x not in array");
    cut(arr(self), i, 1);
    return AI_NONE;
}

static ai_value m_index(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    int64_t lo, hi;
    if (seq_index_args("index", args, nargs, kw, arr(self)->len, &lo, &hi) < 0) return AI_ERR;
    int64_t i = find(self, args[0], lo, hi);
    if (i == -2) return AI_ERR;
    if (i < 0) return ai_raise_msg(&ai_exc_ValueError, "array.index(x): x not in array");
    return ai_smallint(i);
}

static ai_value m_count(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (args_n("count", nargs, kw, 1, 1) < 0) return AI_ERR;
    int64_t n = 0;
    for (int64_t i = 0; i < arr(self)->len; i++) {
        ai_value x = get_at(arr(self), i);
        if (!x) return AI_ERR;
        int32_t eq = obj_eq(x, args[0]);
        if (eq < 0) return AI_ERR;
        n += eq;
    }
    return ai_smallint(n);
}

static ai_value m_reverse(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (args_n("reverse", nargs, kw, 0, 0) < 0) return AI_ERR;
    ai_array *a = arr(self);
    int sz = a->itemsize;
    unsigned char t[8];
    for (int64_t i = 0, j = a->len - 1; i < j; i++, j--) {
        memcpy(t, a->data + i * sz, sz);
        memcpy(a->data + i * sz, a->data + j * sz, sz);
        memcpy(a->data + j * sz, t, sz);
    }
    return AI_NONE;
}

static ai_value m_tolist(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (args_n("tolist", nargs, kw, 0, 0) < 0) return AI_ERR;
    return array_tolist(self);
}

static ai_value m_fromlist(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (args_n("fromlist", nargs, kw, 1, 1) < 0) return AI_ERR;
    if (!list_check(args[0])) return ai_raise_msg(&ai_exc_TypeError, "arg must be list");
    int64_t old = arr(self)->len;
    for (int64_t i = 0; i < list_obj(args[0])->len; i++)
        if (append1(self, list_obj(args[0])->items[i]) < 0) {
            arr(self)->len = old; /* all or nothing, as CPython */
            return AI_ERR;
        }
    return AI_NONE;
}

static ai_value m_tobytes(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (args_n("tobytes", nargs, kw, 0, 0) < 0) return AI_ERR;
    int64_t n;
    const unsigned char *p = array_buffer(self, &n);
    return bytes_from((const char *)p, n, false);
}

static ai_value m_frombytes(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (args_n("frombytes", nargs, kw, 1, 1) < 0 || frombytes(self, args[0]) < 0) return AI_ERR;
    return AI_NONE;
}

static ai_value m_tounicode(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (args_n("tounicode", nargs, kw, 0, 0) < 0) return AI_ERR;
    if (arr(self)->code != 'u')
        return ai_raise_msg(&ai_exc_ValueError, "tounicode() may only be called on unicode type arrays");
    return array_tounicode_raw(self);
}

static ai_value m_fromunicode(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (args_n("fromunicode", nargs, kw, 1, 1) < 0) return AI_ERR;
    if (ai_is_smallint(args[0]) || !str_check(args[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "fromunicode() argument must be str, not %s", obj_type_name(args[0]));
    if (arr(self)->code != 'u')
        return ai_raise_msg(&ai_exc_ValueError, "fromunicode() may only be called on unicode type arrays");
    return fromunicode(self, args[0]) < 0 ? AI_ERR : AI_NONE;
}

static ai_value m_byteswap(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (args_n("byteswap", nargs, kw, 0, 0) < 0) return AI_ERR;
    ai_array *a = arr(self);
    int sz = a->itemsize;
    for (int64_t i = 0; i < a->len; i++) {
        unsigned char *p = a->data + i * sz;
        for (int k = 0; k < sz / 2; k++) {
            unsigned char t = p[k];
            p[k] = p[sz - 1 - k];
            p[sz - 1 - k] = t;
        }
    }
    return AI_NONE;
}

static ai_value m_buffer_info(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (args_n("buffer_info", nargs, kw, 0, 0) < 0) return AI_ERR;
    ai_value addr = int_from_u64((uint64_t)(uintptr_t)arr(self)->data, false);
    return addr ? tuple_pack2(addr, ai_smallint(arr(self)->len)) : AI_ERR;
}

static ai_value m_copy(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (args_n("__copy__", nargs, kw, 0, 0) < 0) return AI_ERR;
    return slice_of(self, 0, 1, arr(self)->len);
}

static ai_value m_deepcopy(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (args_n("__deepcopy__", nargs, kw, 1, 1) < 0) return AI_ERR;
    return slice_of(self, 0, 1, arr(self)->len);
}

static ai_value m_sizeof(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)args;
    if (args_n("__sizeof__", nargs, kw, 0, 0) < 0) return AI_ERR;
    return ai_smallint(64 + arr(self)->cap * arr(self)->itemsize);
}

/* f.write(a.tobytes()) */
static ai_value m_tofile(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (args_n("tofile", nargs, kw, 1, 1) < 0) return AI_ERR;
    ai_value b = m_tobytes(self, NULL, 0, 0);
    ai_value w = b ? ai_getattr(args[0], str_from_cstr("write")) : AI_ERR;
    if (!w || !ai_call(w, &b, 1, 0)) return AI_ERR;
    return AI_NONE;
}

static ai_value m_fromfile(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (args_n("fromfile", nargs, kw, 2, 2) < 0) return AI_ERR;
    bool fits, err;
    int64_t n = obj_index_i64(args[1], &fits, &err);
    if (err) return AI_ERR;
    if (n < 0) return ai_raise_msg(&ai_exc_ValueError, "negative count");
    int sz = arr(self)->itemsize;
    if (!fits || n > INT64_MAX / sz) return exc_nomem();
    ai_value rd = ai_getattr(args[0], str_from_cstr("read"));
    if (!rd) return AI_ERR;
    ai_value want = ai_smallint(n * sz);
    ai_value data = ai_call(rd, &want, 1, 0);
    if (!data) return AI_ERR;
    if (ai_is_smallint(data) || !bytes_check(data))
        return ai_raise_msg(&ai_exc_TypeError, "read() didn't return bytes");
    int64_t got;
    const unsigned char *p = bytes_buffer(data, &got);
    if (append_raw(self, p, got / sz) < 0) return AI_ERR;
    if (got != n * sz) return ai_raise_msg(&ai_exc_EOFError, "read() didn't return enough bytes");
    return AI_NONE;
}

static const ai_method_def array_methods[] = {
    {"append", m_append, &ai_array_type, 0},
    {"extend", m_extend, &ai_array_type, 0},
    {"insert", m_insert, &ai_array_type, 0},
    {"pop", m_pop, &ai_array_type, 0},
    {"remove", m_remove, &ai_array_type, 0},
    {"index", m_index, &ai_array_type, 0},
    {"count", m_count, &ai_array_type, 0},
    {"reverse", m_reverse, &ai_array_type, 0},
    {"tolist", m_tolist, &ai_array_type, 0},
    {"fromlist", m_fromlist, &ai_array_type, 0},
    {"tobytes", m_tobytes, &ai_array_type, 0},
    {"frombytes", m_frombytes, &ai_array_type, 0},
    {"tounicode", m_tounicode, &ai_array_type, 0},
    {"fromunicode", m_fromunicode, &ai_array_type, 0},
    {"byteswap", m_byteswap, &ai_array_type, 0},
    {"buffer_info", m_buffer_info, &ai_array_type, 0},
    {"tofile", m_tofile, &ai_array_type, 0},
    {"fromfile", m_fromfile, &ai_array_type, 0},
    {"__copy__", m_copy, &ai_array_type, 0},
    {"__deepcopy__", m_deepcopy, &ai_array_type, 0},
    {"__sizeof__", m_sizeof, &ai_array_type, 0},
    {NULL, NULL, NULL, 0},
};

static ai_value g_typecode(ai_value self) {
    char c = arr(self)->code;
    return str_from_utf8(&c, 1);
}
static ai_value g_itemsize(ai_value self) { return ai_smallint(arr(self)->itemsize); }

static const ai_getset_def array_getset[] = {
    {"typecode", g_typecode},
    {"itemsize", g_itemsize},
    {NULL, NULL},
};

static const ai_slots array_slots = {
    .concat = array_concat,
    .repeat = array_repeat,
    .richcompare = array_richcompare,
    .hash = array_hash,
    .len = array_len,
    .contains = array_contains,
    .construct = array_construct,
    .iter = array_iter,
    .getitem = array_getitem,
    .setitem = array_setitem,
    .methods = array_methods,
    .getset = array_getset,
    .inplace = array_inplace,
};

/* CPython's tp_name is "array.array": messages say 'array.array',
 * __name__ says 'array' and __module__ 'array' (core/attr.c). */
ai_type ai_array_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "array.array",
    .base = &ai_object_type,
    .flags = AI_TF_SEQUENCE,
    .basicsize = sizeof(ai_array),
    .repr = array_repr,
    .gc_visit = array_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&array_slots,
};
