/*
 * objects/memview.c — memoryview: a window on the bytes of a bytes,
 * bytearray or another memoryview, read (and for a bytearray written)
 * in place, as items of a struct format ('B' by default).
 *
 * A view is one-dimensional: `obj` (the exporter), `start` (byte
 * offset of item 0), `len` items of `itemsize` bytes every `step` bytes
 * (step is negative for a reversed slice), and the format letter.
 * Every access re-reads the exporter's data pointer and checks the view
 * still lies inside it: a bytearray may move or shrink meanwhile.
 * bytes_buffer() (objects/bytes.c) sees a contiguous view as the bytes
 * it covers, so everything that takes a bytes-like object takes one.
 *
 * Formats: the native single-letter ones of the struct module, with an
 * optional '@': c b B ? h H i I l L q Q n N f d P. cast() goes from a byte
 * format to any of them and back, as CPython's does; shapes (cast with
 * more than one dimension) are refused with NotImplementedError.
 *
 * Not handled: a bytearray is not locked while views of it exist
 * (CPython raises BufferError on resizing it); a view of an exporter that
 * shrank raises IndexError instead of reading freed memory; array.array
 * and other exporters (ctypes buffers) are not bytes-like here.
 */
#include "core/object.h"
#include "gc/gc.h"
#include "objects/text.h"

#include <stdlib.h>
#include <string.h>

typedef struct ai_memview {
    ai_object ob;
    ai_value obj;        /* bytes or bytearray */
    int64_t start;       /* byte offset of item 0 in obj */
    int64_t len;         /* items */
    int64_t step;        /* bytes from one item to the next */
    int32_t itemsize;
    char format;         /* struct letter */
    bool readonly;
    bool released;
} ai_memview;

extern ai_type ai_memview_type;

static ai_memview *mv_obj(ai_value v) { return (ai_memview *)ai_obj(v); }
bool memview_check(ai_value v) { return !ai_is_smallint(v) && obj_is_type(v, &ai_memview_type); }

static void mv_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit(&((ai_memview *)o)->obj, ctx);
}

static int32_t format_size(char f) {
    switch (f) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return 0;
    }
}

static bool byte_format(char f) { return f == 'B' || f == 'b' || f == 'c'; }

static ai_value released_error(void) {
    return ai_raise_msg(&ai_exc_ValueError, "operation forbidden on released memoryview object");
}

/* The exporter's bytes, with the view checked to lie inside them. */
static unsigned char *mv_base(ai_memview *m) {
    if (m->released) {
        released_error();
        return NULL;
    }
    int64_t n;
    unsigned char *p = (unsigned char *)bytes_buffer(m->obj, &n);
    if (!p) {
        ai_raise_msg(&ai_exc_ValueError, "memoryview: underlying buffer is not available");
        return NULL;
    }
    int64_t lo = m->start, hi = m->start;
    if (m->len > 0) {
        int64_t last = m->start + (m->len - 1) * m->step;
        if (last < lo) lo = last;
        if (last > hi) hi = last;
        hi += m->itemsize;
    }
    if (lo < 0 || hi > n) {
        ai_raise_msg(&ai_exc_IndexError, "memoryview: underlying buffer has shrunk");
        return NULL;
    }
    return p;
}

static bool contiguous(const ai_memview *m) { return m->step == m->itemsize || m->len <= 1; }

const unsigned char *memview_buffer(ai_value v, int64_t *len) {
    ai_memview *m = mv_obj(v);
    if (m->released || !contiguous(m)) return NULL;
    unsigned char *p = mv_base(m);
    if (!p) {
        exc_clear();
        return NULL;
    }
    *len = m->len * m->itemsize;
    return p + m->start;
}

static ai_value make_view(ai_value obj, int64_t start, int64_t len, int64_t step, int32_t itemsize, char format,
                          bool readonly) {
    ai_memview *m = ai_alloc(&ai_memview_type, sizeof(ai_memview));
    if (!m) return AI_ERR;
    m->obj = obj;
    gc_barrier(&m->ob, obj);
    m->start = start;
    m->len = len;
    m->step = step;
    m->itemsize = itemsize;
    m->format = format;
    m->readonly = readonly;
    return ai_val(m);
}

static ai_value mv_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    ai_value o = 0;
    if (nargs == 1 && nkw == 0) {
        o = args[0];
    } else if (nargs == 0 && nkw == 1 && !strcmp(str_utf8(tuple_obj(kwnames)->items[0], NULL), "object")) {
        o = args[0];
    } else if (nargs + nkw > 1) {
        /* CPython's argument clinic: "keyword" when none was positional */
        return ai_raise_fmt(&ai_exc_TypeError, "memoryview() takes at most 1 %sargument (%lld given)",
                            nargs ? "" : "keyword ", (long long)(nargs + nkw));
    } else {
        return ai_raise_msg(&ai_exc_TypeError, "memoryview() missing required argument 'object' (pos 1)");
    }
    if (memview_check(o)) {
        ai_memview *m = mv_obj(o);
        if (m->released) return released_error();
        return make_view(m->obj, m->start, m->len, m->step, m->itemsize, m->format, m->readonly);
    }
    int64_t n;
    if (ai_is_smallint(o) || !bytes_buffer(o, &n))
        return ai_raise_fmt(&ai_exc_TypeError, "memoryview: a bytes-like object is required, not '%s'",
                            obj_type_name(o));
    return make_view(o, 0, n, 1, 1, 'B', !bytearray_check(o));
}

/* ---- items ---------------------------------------------------------------------------------------- */

static ai_value unpack(char f, const unsigned char *p) {
    union {
        int8_t b; uint8_t B; int16_t h; uint16_t H; int32_t i; uint32_t I; int64_t q; uint64_t Q;
        float f; double d; unsigned char raw[8];
    } u;
    memcpy(u.raw, p, (size_t)format_size(f));
    switch (f) {
    case 'c': return bytes_from((const char *)p, 1, false);
    case 'b': return ai_smallint(u.b);
    case 'B': return ai_smallint(u.B);
    case '?': return u.B ? AI_TRUE : AI_FALSE;
    case 'h': return ai_smallint(u.h);
    case 'H': return ai_smallint(u.H);
    case 'i': return ai_smallint(u.i);
    case 'I': return ai_smallint(u.I);
    case 'l': case 'q': case 'n': return ai_int_from_i64(u.q);
    case 'L': case 'Q': case 'N': case 'P': return int_from_u64(u.Q, false);
    case 'f': return ai_float_box(u.f);
    case 'd': return ai_float_box(u.d);
    default: return ai_raise_msg(&ai_exc_NotImplementedError, "memoryview: unsupported format");
    }
}

static int pack(char f, unsigned char *p, ai_value v) {
    char letter[2] = {f, 0};
    if (f == 'c') {
        int64_t n;
        const unsigned char *b = ai_is_smallint(v) || memview_check(v) ? NULL : bytes_buffer(v, &n);
        if (!b || n != 1) goto invalid;
        *p = b[0];
        return 0;
    }
    if (f == 'f' || f == 'd') {
        double d;
        if (!ai_is_smallint(v) && obj_is_type(v, &ai_float_type)) d = float_get(v);
        else if (ai_is_smallint(v)) d = (double)ai_smallint_get(v);
        else {
            ai_raise_fmt(&ai_exc_TypeError, "memoryview: invalid type for format '%s'", letter);
            return -1;
        }
        if (f == 'f') {
            float x = (float)d;
            memcpy(p, &x, 4);
        } else {
            memcpy(p, &d, 8);
        }
        return 0;
    }
    if (f == '?') {
        int32_t t = ai_truthy(v);
        if (t < 0) return -1;
        *p = (unsigned char)t;
        return 0;
    }
    if (!ai_is_smallint(v) && !obj_slots(v)->index) {
        ai_raise_fmt(&ai_exc_TypeError, "memoryview: invalid type for format '%s'", letter);
        return -1;
    }
    bool fits, err;
    int64_t x = ai_is_smallint(v) ? ai_smallint_get(v) : obj_index_i64(v, &fits, &err);
    if (!ai_is_smallint(v)) {
        if (err) return -1;
        if (!fits) goto invalid;
    }
    int64_t lo, hi;
    switch (f) {
    case 'b': lo = INT8_MIN; hi = INT8_MAX; break;
    case 'B': lo = 0; hi = UINT8_MAX; break;
    case 'h': lo = INT16_MIN; hi = INT16_MAX; break;
    case 'H': lo = 0; hi = UINT16_MAX; break;
    case 'i': lo = INT32_MIN; hi = INT32_MAX; break;
    case 'I': lo = 0; hi = UINT32_MAX; break;
    case 'L': case 'Q': case 'N': case 'P': lo = 0; hi = INT64_MAX; break;
    default: lo = INT64_MIN; hi = INT64_MAX; break;
    }
    if (x < lo || x > hi) goto invalid;
    memcpy(p, &x, (size_t)format_size(f)); /* little-endian: the low bytes */
    return 0;
invalid:
    ai_raise_fmt(&ai_exc_ValueError, "memoryview: invalid value for format '%s'", letter);
    return -1;
}

static int64_t mv_len(ai_value v) {
    ai_memview *m = mv_obj(v);
    if (m->released) {
        released_error();
        return -1;
    }
    return m->len;
}

/* Item i (negative counts from the end) as a byte offset into obj. */
static int item_offset(ai_memview *m, ai_value key, int64_t *off) {
    bool fits = true, err = false;
    int64_t i = ai_is_smallint(key) ? ai_smallint_get(key) : obj_index_i64(key, &fits, &err);
    if (err) return -1;
    if (i < 0) i += m->len;
    if (!fits || i < 0 || i >= m->len) {
        ai_raise_msg(&ai_exc_IndexError, "index out of bounds on dimension 1");
        return -1;
    }
    *off = m->start + i * m->step;
    return 0;
}

static bool int_key(ai_value k) { return ai_is_smallint(k) || obj_slots(k)->index; }

static ai_value mv_getitem(ai_value v, ai_value key) {
    ai_memview *m = mv_obj(v);
    unsigned char *p = mv_base(m);
    if (!p) return AI_ERR;
    if (int_key(key)) {
        int64_t off;
        if (item_offset(m, key, &off) < 0) return AI_ERR;
        return unpack(m->format, p + off);
    }
    if (slice_check(key)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, m->len, &start, &stop, &step, &n) < 0) return AI_ERR;
        return make_view(m->obj, m->start + start * m->step, n, m->step * step, m->itemsize, m->format, m->readonly);
    }
    return ai_raise_msg(&ai_exc_TypeError, "memoryview: invalid slice key");
}

static int32_t mv_setitem(ai_value v, ai_value key, ai_value val) {
    ai_memview *m = mv_obj(v);
    if (m->released) {
        released_error();
        return -1;
    }
    if (!val) {
        ai_raise_msg(&ai_exc_TypeError, "cannot delete memory");
        return -1;
    }
    if (m->readonly) {
        ai_raise_msg(&ai_exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    unsigned char *p = mv_base(m);
    if (!p) return -1;
    if (int_key(key)) {
        int64_t off;
        if (item_offset(m, key, &off) < 0) return -1;
        return pack(m->format, p + off, val);
    }
    if (!slice_check(key)) {
        ai_raise_msg(&ai_exc_TypeError, "memoryview: invalid slice key");
        return -1;
    }
    int64_t start, stop, step, n;
    if (slice_indices(key, m->len, &start, &stop, &step, &n) < 0) return -1;
    /* the source: any bytes-like object of the same format and length */
    int64_t srclen;
    const unsigned char *src;
    char sfmt = 'B';
    ai_value keep = 0;
    if (memview_check(val)) {
        ai_memview *s = mv_obj(val);
        sfmt = s->format;
        keep = ai_call_method(val, str_from_cstr("tobytes"), NULL, 0, 0, NULL);
        if (!keep) return -1;
        src = bytes_buffer(keep, &srclen);
    } else {
        src = ai_is_smallint(val) ? NULL : bytes_buffer(val, &srclen);
        if (!src) {
            ai_raise_fmt(&ai_exc_TypeError, "a bytes-like object is required, not '%s'", obj_type_name(val));
            return -1;
        }
    }
    if (sfmt != m->format && !(byte_format(sfmt) && byte_format(m->format))) {
        ai_raise_msg(&ai_exc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        return -1;
    }
    if (srclen != n * m->itemsize) {
        ai_raise_msg(&ai_exc_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        return -1;
    }
    /* copy first: the source may overlap the target */
    unsigned char *tmp = malloc((size_t)srclen + 1);
    if (!tmp) {
        exc_nomem();
        return -1;
    }
    memcpy(tmp, src, (size_t)srclen);
    p = mv_base(m);
    if (!p) {
        free(tmp);
        return -1;
    }
    for (int64_t k = 0; k < n; k++)
        memcpy(p + m->start + (start + k * step) * m->step, tmp + k * m->itemsize, (size_t)m->itemsize);
    free(tmp);
    return 0;
}

/* ---- conversions ------------------------------------------------------------------------------------ */

static ai_value to_bytes(ai_memview *m) {
    unsigned char *p = mv_base(m);
    if (!p) return AI_ERR;
    ai_value b = bytes_new_raw(m->len * m->itemsize);
    if (!b) return AI_ERR;
    p = mv_base(m);
    int64_t n;
    unsigned char *q = (unsigned char *)bytes_buffer(b, &n);
    for (int64_t k = 0; k < m->len; k++)
        memcpy(q + k * m->itemsize, p + m->start + k * m->step, (size_t)m->itemsize);
    return b;
}

static ai_value to_list(ai_memview *m) {
    if (!mv_base(m)) return AI_ERR;
    ai_value l = list_new(m->len);
    if (!l) return AI_ERR;
    for (int64_t k = 0; k < m->len; k++) {
        unsigned char *p = mv_base(m);
        if (!p) return AI_ERR;
        ai_value x = unpack(m->format, p + m->start + k * m->step);
        if (!x || ai_list_append(l, x) < 0) return AI_ERR;
    }
    return l;
}

#define METHOD(fn) static ai_value fn(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames)

static int no_args(const char *name, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs(name, kwnames) < 0) return -1;
    if (nargs) {
        ai_raise_fmt(&ai_exc_TypeError, "%s() takes no arguments (%lld given)", name, (long long)nargs);
        return -1;
    }
    return 0;
}

METHOD(m_tobytes) {
    (void)args;
    /* order= is accepted: a one-dimensional view is C and Fortran order */
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nargs + nkw > 1)
        return ai_raise_fmt(&ai_exc_TypeError, "tobytes() takes at most 1 argument (%lld given)",
                            (long long)(nargs + nkw));
    return to_bytes(mv_obj(self));
}

METHOD(m_tolist) {
    (void)args;
    if (no_args("tolist", nargs, kwnames) < 0) return AI_ERR;
    return to_list(mv_obj(self));
}

METHOD(m_hex) {
    ai_value b = to_bytes(mv_obj(self));
    if (!b) return AI_ERR;
    return ai_call_method(b, str_from_cstr("hex"), args, nargs, kwnames, NULL);
}

METHOD(m_release) {
    (void)args;
    if (no_args("release", nargs, kwnames) < 0) return AI_ERR;
    mv_obj(self)->released = true;
    return AI_NONE;
}

METHOD(m_enter) {
    (void)args;
    if (no_args("__enter__", nargs, kwnames) < 0) return AI_ERR;
    if (mv_obj(self)->released) return released_error();
    return self;
}

METHOD(m_exit) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    mv_obj(self)->released = true;
    return AI_NONE;
}

METHOD(m_toreadonly) {
    (void)args;
    if (no_args("toreadonly", nargs, kwnames) < 0) return AI_ERR;
    ai_memview *m = mv_obj(self);
    if (m->released) return released_error();
    return make_view(m->obj, m->start, m->len, m->step, m->itemsize, m->format, true);
}

METHOD(m_cast) {
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nargs + nkw < 1 || nargs + nkw > 2)
        return ai_raise_fmt(&ai_exc_TypeError, "cast() takes at most 2 arguments (%lld given)",
                            (long long)(nargs + nkw));
    if (nargs + nkw == 2)
        return ai_raise_msg(&ai_exc_NotImplementedError, "memoryview: cast() with a shape is not supported by Aithon");
    ai_value fv = args[0];
    if (!str_check(fv)) return ai_raise_msg(&ai_exc_TypeError, "memoryview: format argument must be a string");
    ai_memview *m = mv_obj(self);
    if (m->released) return released_error();
    int64_t n;
    const char *f = str_utf8(fv, &n);
    if (n == 2 && f[0] == '@') {
        f++;
        n--;
    }
    int32_t size = n == 1 ? format_size(f[0]) : 0;
    if (!size)
        return ai_raise_msg(&ai_exc_ValueError,
                            "memoryview: destination format must be a native single character format prefixed "
                            "with an optional '@'");
    if (!contiguous(m)) return ai_raise_msg(&ai_exc_TypeError, "memoryview: casts are restricted to C-contiguous views");
    if (!byte_format(m->format) && !byte_format(f[0]))
        return ai_raise_msg(&ai_exc_TypeError, "memoryview: cannot cast between two non-byte formats");
    int64_t nbytes = m->len * m->itemsize;
    if (nbytes % size)
        return ai_raise_msg(&ai_exc_TypeError, "memoryview: length is not a multiple of itemsize");
    return make_view(m->obj, m->start, nbytes / size, size, size, f[0], m->readonly);
}

static ai_value g_obj(ai_value v) { return mv_obj(v)->released ? released_error() : mv_obj(v)->obj; }
static ai_value g_nbytes(ai_value v) {
    ai_memview *m = mv_obj(v);
    return m->released ? released_error() : ai_smallint(m->len * m->itemsize);
}
static ai_value g_readonly(ai_value v) {
    return mv_obj(v)->released ? released_error() : mv_obj(v)->readonly ? AI_TRUE : AI_FALSE;
}
static ai_value g_itemsize(ai_value v) {
    return mv_obj(v)->released ? released_error() : ai_smallint(mv_obj(v)->itemsize);
}
static ai_value g_format(ai_value v) {
    char f[2] = {mv_obj(v)->format, 0};
    return mv_obj(v)->released ? released_error() : str_from_cstr(f);
}
static ai_value g_ndim(ai_value v) { return mv_obj(v)->released ? released_error() : ai_smallint(1); }
static ai_value one_tuple(int64_t x) {
    ai_value t = tuple_new(1);
    if (t) tuple_obj(t)->items[0] = ai_smallint(x);
    return t;
}
static ai_value g_shape(ai_value v) { return mv_obj(v)->released ? released_error() : one_tuple(mv_obj(v)->len); }
static ai_value g_strides(ai_value v) { return mv_obj(v)->released ? released_error() : one_tuple(mv_obj(v)->step); }
static ai_value g_suboffsets(ai_value v) { return mv_obj(v)->released ? released_error() : tuple_new(0); }
static ai_value g_contiguous(ai_value v) {
    return mv_obj(v)->released ? released_error() : contiguous(mv_obj(v)) ? AI_TRUE : AI_FALSE;
}
static ai_value g_released(ai_value v) { return mv_obj(v)->released ? AI_TRUE : AI_FALSE; }

static const ai_method_def mv_methods[] = {
    {"tobytes", m_tobytes, &ai_memview_type, 0},
    {"tolist", m_tolist, &ai_memview_type, 0},
    {"hex", m_hex, &ai_memview_type, 0},
    {"release", m_release, &ai_memview_type, 0},
    {"cast", m_cast, &ai_memview_type, 0},
    {"toreadonly", m_toreadonly, &ai_memview_type, 0},
    {"__enter__", m_enter, &ai_memview_type, 0},
    {"__exit__", m_exit, &ai_memview_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_getset_def mv_getset[] = {
    {"obj", g_obj},
    {"nbytes", g_nbytes},
    {"readonly", g_readonly},
    {"itemsize", g_itemsize},
    {"format", g_format},
    {"ndim", g_ndim},
    {"shape", g_shape},
    {"strides", g_strides},
    {"suboffsets", g_suboffsets},
    {"c_contiguous", g_contiguous},
    {"f_contiguous", g_contiguous},
    {"contiguous", g_contiguous},
    {"released", g_released},
    {NULL, NULL},
};

/* ---- protocols -------------------------------------------------------------------------------------- */

static ai_value mv_repr(ai_value v) {
    char buf[64];
    snprintf(buf, sizeof buf, "<%smemory at %p>", mv_obj(v)->released ? "released " : "", (void *)ai_obj(v));
    return str_from_cstr(buf);
}

static ai_value mv_iter(ai_value v) {
    ai_memview *m = mv_obj(v);
    if (m->released) return released_error();
    ai_value l = to_list(m);
    return l ? ai_iter(l) : AI_ERR;
}

static int64_t mv_hash(ai_value v) {
    ai_memview *m = mv_obj(v);
    if (m->released) {
        released_error();
        return -1;
    }
    if (!m->readonly) {
        ai_raise_msg(&ai_exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    if (!byte_format(m->format)) {
        ai_raise_msg(&ai_exc_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    ai_value b = to_bytes(m);
    return b ? obj_hash(b) : -1;
}

/* == and != only, item by item as values (a view of 'B' equals bytes
 * with the same bytes; a released view equals only itself). */
static ai_value mv_richcompare(ai_value a, ai_value b, int32_t op) {
    if (op != AI_CMP_EQ && op != AI_CMP_NE) return AI_NOTIMPL;
    if (!memview_check(a)) {
        ai_value t = a;
        a = b;
        b = t;
    }
    ai_memview *m = mv_obj(a);
    bool eq;
    if (a == b) {
        eq = true;
    } else if (m->released || (memview_check(b) && mv_obj(b)->released)) {
        eq = false;
    } else {
        ai_value la = to_list(m), lb;
        if (!la) return AI_ERR;
        if (memview_check(b)) {
            lb = to_list(mv_obj(b));
        } else {
            int64_t n;
            if (ai_is_smallint(b) || !bytes_buffer(b, &n)) return AI_NOTIMPL;
            ai_value vb = make_view(b, 0, n, 1, 1, 'B', true);
            lb = vb ? to_list(mv_obj(vb)) : 0;
        }
        if (!lb) return AI_ERR;
        int32_t r = ai_compare_bool(la, lb, AI_CMP_EQ);
        if (r < 0) return AI_ERR;
        eq = r;
    }
    return (op == AI_CMP_EQ) == eq ? AI_TRUE : AI_FALSE;
}

static const ai_slots mv_slots = {
    .richcompare = mv_richcompare,
    .hash = mv_hash,
    .len = mv_len,
    .construct = mv_construct,
    .iter = mv_iter,
    .getitem = mv_getitem,
    .setitem = mv_setitem,
    .methods = mv_methods,
    .getset = mv_getset,
};

ai_type ai_memview_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "memoryview",
    .base = &ai_object_type,
    .flags = AI_TF_SEQUENCE,
    .basicsize = sizeof(ai_memview),
    .repr = mv_repr,
    .gc_visit = mv_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&mv_slots,
};
