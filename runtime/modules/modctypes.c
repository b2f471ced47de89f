/*
 * modules/modctypes.c — `_ctypes`, the C core under the stdlib's ctypes
 * (stdlib/ctypes/__init__.py): dynamic loading, raw memory by type code,
 * foreign calls through libffi (ffi_prep_cif / ffi_call) and callbacks
 * through libffi closures.
 *
 * Everything here works on addresses (Python ints) and type descriptors;
 * the ctypes classes, their conversions and their error messages are
 * Python's job. A type descriptor is
 *   - a one-character str, a scalar C type:
 *       b B  signed/unsigned char      h H  short     i I  int
 *       l L  long                       q Q  long long
 *       ?    _Bool                      c    char (a bytes of length 1)
 *       u    wchar_t (a str of length 1)
 *       f d  float, double              g    long double (as a float)
 *       P    void *  (an int)
 *       z    char * (reads give bytes or None; writes take an address)
 *       Z    wchar_t * (reads give str or None; writes take an address)
 *       v    void (results only)
 *   - a tuple of descriptors: a struct passed or returned by value, its
 *     members in order (an array member repeated, as CPython tells libffi).
 *
 *   dlopen(name or None, mode)      a handle (int); OSError(dlerror())
 *   dlsym(handle, name)             an address; AttributeError(dlerror())
 *   dlclose(handle)
 *   addr(b)                         the address of a bytes' or bytearray's
 *                                   data (see docs/stdlib.md: such memory
 *                                   never moves)
 *   type_info(code)                 (size, alignment) of a scalar code
 *   read(addr, code)                the value of that C type at addr
 *   write(addr, code, value)        store it (ints are truncated to the
 *                                   type's width, as C casts do)
 *   string_at(addr, size)           bytes at addr (size < 0: up to NUL)
 *   wstring_at(addr, size)          str of wchar_t at addr (size < 0: to NUL)
 *   memmove(dst, src, n), memset(dst, c, n)
 *   main_heap()                     True in the program's main process
 *                                   (ctypes writes its module-level caches
 *                                   only there: docs/concurrency.md)
 *   call(fn, rdesc, raddr, adescs, avalues, errbox)
 *                                   call the function at fn: arguments by
 *                                   their descriptors (scalars as Python
 *                                   values, structs as the address of
 *                                   their bytes); a struct result is
 *                                   written to raddr and None returned,
 *                                   a scalar result returned as read()
 *                                   would give it ('v': None); errbox,
 *                                   when not None, is a bytearray of an
 *                                   int that is swapped with C's errno
 *                                   around the call (use_errno)
 *   closure(wrapper, rdesc, adescs, func)
 *                                   (code address, closure object): a C function
 *                                   that calls wrapper(*args) (args as
 *                                   read() gives them, struct arguments
 *                                   as addresses) and returns its result
 *                                   converted as write() converts; func
 *                                   (the user's function) names it when
 *                                   an exception escapes. The closure
 *                                   object keeps wrapper and func alive
 *                                   and frees the libffi closure when the
 *                                   collector finds it dead (its
 *                                   finaliser): C must not call the code
 *                                   address after that
 *
 * The foreign call runs on the calling task's stack and blocks its worker
 * thread while it runs (the scheduler has no way yet to hand a worker's
 * queue to another thread: docs/runtime-scheduler.md). A callback runs
 * the wrapper on the same task; the Python object that owns the closure
 * object must outlive C's use of the code (CPython's rule too: C must not
 * call a callback whose CFUNCTYPE object is gone). An exception escaping
 * the wrapper is printed and the callback returns 0.
 */
#include "modules/modutil.h"
#include "objects/text.h"
#include "gc/gc.h"
#include "core/alloc.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <ffi.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* ---- arguments ----------------------------------------------------------------- */

/* The low 64 bits of an int (two's complement), as a C cast takes them. */
static bool low_bits(ai_value v, uint64_t *out) {
    if (v == AI_TRUE || v == AI_FALSE) {
        *out = v == AI_TRUE;
        return true;
    }
    if (!int_check(v)) {
        ai_raise_fmt(&ai_exc_TypeError, "an integer is required (got type %s)", obj_type_name(v));
        return false;
    }
    v = int_unbool(v);
    int64_t i;
    if (int_to_i64(v, &i)) {
        *out = (uint64_t)i;
        return true;
    }
    uint64_t buf;
    int64_t n;
    const uint64_t *limbs = mu_int_limbs(v, &n, &buf);
    uint64_t u = n > 0 ? limbs[0] : 0;
    *out = int_sign(v) < 0 ? (uint64_t)0 - u : u;
    return true;
}

static bool addr_arg(ai_value v, void **out) {
    if (v == AI_NONE) {
        *out = NULL;
        return true;
    }
    uint64_t u;
    if (!low_bits(v, &u)) return false;
    *out = (void *)(uintptr_t)u;
    return true;
}

static ai_value addr_value(const void *p) { return int_from_u64((uint64_t)(uintptr_t)p, false); }

static int code_of(ai_value d) {
    if (!str_check(d) || str_obj(d)->len != 1) return -1;
    return (int)str_char(str_obj(d), 0);
}

/* ---- scalar codes ----------------------------------------------------------------- */

static ffi_type *scalar_ffi(int code) {
    switch (code) {
    case 'b': return &ffi_type_schar;
    case 'B': return &ffi_type_uchar;
    case 'c': return &ffi_type_schar;
    case '?': return &ffi_type_uint8;
    case 'h': return &ffi_type_sshort;
    case 'H': return &ffi_type_ushort;
    case 'i': return &ffi_type_sint;
    case 'I': return &ffi_type_uint;
    case 'l': return &ffi_type_slong;
    case 'L': return &ffi_type_ulong;
    case 'q': return &ffi_type_sint64;
    case 'Q': return &ffi_type_uint64;
    case 'u': return sizeof(wchar_t) == 4 ? &ffi_type_sint32 : &ffi_type_uint16;
    case 'f': return &ffi_type_float;
    case 'd': return &ffi_type_double;
    case 'g': return &ffi_type_longdouble;
    case 'P': case 'z': case 'Z': return &ffi_type_pointer;
    case 'v': return &ffi_type_void;
    default: return NULL;
    }
}

static ai_value bad_code(void) { return ai_raise_msg(&ai_exc_ValueError, "_ctypes: unknown type code"); }

static ai_value wstr_value(const wchar_t *w, int64_t n) {
    if (n < 0) n = (int64_t)wcslen(w);
    uint32_t *cps = malloc(((size_t)n + 1) * sizeof *cps);
    if (!cps) return exc_nomem();
    for (int64_t i = 0; i < n; i++) cps[i] = (uint32_t)w[i];
    ai_value s = str_from_ucs4(cps, n);
    free(cps);
    return s;
}

/* The value of C type `code` at p. */
static ai_value read_code(const void *p, int code) {
    switch (code) {
    case 'b': return ai_smallint(*(const signed char *)p);
    case 'B': return ai_smallint(*(const unsigned char *)p);
    case 'h': { short x; memcpy(&x, p, sizeof x); return ai_smallint(x); }
    case 'H': { unsigned short x; memcpy(&x, p, sizeof x); return ai_smallint(x); }
    case 'i': { int x; memcpy(&x, p, sizeof x); return ai_smallint(x); }
    case 'I': { unsigned x; memcpy(&x, p, sizeof x); return ai_smallint(x); }
    case 'l': case 'q': {
        int64_t x;
        memcpy(&x, p, sizeof x);
        return ai_int_from_i64(x);
    }
    case 'L': case 'Q': {
        uint64_t x;
        memcpy(&x, p, sizeof x);
        return int_from_u64(x, false);
    }
    case '?': return ai_bool(*(const unsigned char *)p != 0);
    case 'c': return bytes_from((const char *)p, 1, false);
    case 'u': {
        wchar_t w;
        memcpy(&w, p, sizeof w);
        return wstr_value(&w, 1);
    }
    case 'f': { float x; memcpy(&x, p, sizeof x); return ai_float_box((double)x); }
    case 'd': { double x; memcpy(&x, p, sizeof x); return ai_float_box(x); }
    case 'g': { long double x; memcpy(&x, p, sizeof x); return ai_float_box((double)x); }
    case 'P': {
        void *x;
        memcpy(&x, p, sizeof x);
        return addr_value(x);
    }
    case 'z': {
        const char *s;
        memcpy(&s, p, sizeof s);
        return s ? bytes_from(s, (int64_t)strlen(s), false) : AI_NONE;
    }
    case 'Z': {
        const wchar_t *s;
        memcpy(&s, p, sizeof s);
        return s ? wstr_value(s, -1) : AI_NONE;
    }
    default: return bad_code();
    }
}

/* Store value as C type `code` at p; `wide` widens integers to ffi_arg
 * (libffi's convention for integer results). 0 / -1. */
static int write_code(void *p, int code, ai_value v, bool wide) {
    switch (code) {
    case 'f': case 'd': case 'g': {
        double d;
        if (!mu_real(v, &d)) return -1;
        if (code == 'f') {
            float f = (float)d;
            memcpy(p, &f, sizeof f);
        } else if (code == 'g') {
            long double x = d;
            memcpy(p, &x, sizeof x);
        } else {
            memcpy(p, &d, sizeof d);
        }
        return 0;
    }
    case 'c': {
        int64_t n;
        const unsigned char *b = bytes_check(v) ? bytes_buffer(v, &n) : NULL;
        uint64_t u;
        if (b && n == 1) u = b[0];
        else if (!low_bits(v, &u)) return -1;
        if (wide) {
            ffi_sarg a = (signed char)u;
            memcpy(p, &a, sizeof a);
        } else {
            *(unsigned char *)p = (unsigned char)u;
        }
        return 0;
    }
    case 'u': {
        uint64_t u;
        if (str_check(v) && str_obj(v)->len == 1) u = str_char(str_obj(v), 0);
        else if (!low_bits(v, &u)) return -1;
        wchar_t w = (wchar_t)u;
        if (wide) {
            ffi_sarg a = w;
            memcpy(p, &a, sizeof a);
        } else {
            memcpy(p, &w, sizeof w);
        }
        return 0;
    }
    case '?': {
        int t = ai_truthy(v);
        if (t < 0) return -1;
        if (wide) {
            ffi_arg a = (ffi_arg)t;
            memcpy(p, &a, sizeof a);
        } else {
            *(unsigned char *)p = (unsigned char)t;
        }
        return 0;
    }
    case 'v': return 0;
    default: break;
    }
    uint64_t u;
    if (!low_bits(v, &u)) return -1;
    if (wide) {
        /* Sign- or zero-extend to a full register. */
        ffi_arg a;
        switch (code) {
        case 'b': a = (ffi_arg)(ffi_sarg)(signed char)u; break;
        case 'B': a = (unsigned char)u; break;
        case 'h': a = (ffi_arg)(ffi_sarg)(short)u; break;
        case 'H': a = (unsigned short)u; break;
        case 'i': a = (ffi_arg)(ffi_sarg)(int)u; break;
        case 'I': a = (unsigned)u; break;
        default: a = (ffi_arg)u; break;
        }
        memcpy(p, &a, sizeof a);
        return 0;
    }
    switch (code) {
    case 'b': case 'B': *(unsigned char *)p = (unsigned char)u; return 0;
    case 'h': case 'H': { unsigned short x = (unsigned short)u; memcpy(p, &x, sizeof x); return 0; }
    case 'i': case 'I': { unsigned x = (unsigned)u; memcpy(p, &x, sizeof x); return 0; }
    case 'l': case 'L': case 'q': case 'Q': case 'P': case 'z': case 'Z': memcpy(p, &u, sizeof u); return 0;
    default: bad_code(); return -1;
    }
}

/* ---- type descriptors as libffi types ------------------------------------------------ */

/* ffi_types made for struct descriptors, freed together after a call (or
 * kept with a closure). */
typedef struct typepool {
    ffi_type **made;
    int n, cap;
} typepool;

static void pool_free(typepool *tp) {
    for (int i = 0; i < tp->n; i++) {
        free(tp->made[i]->elements);
        free(tp->made[i]);
    }
    free(tp->made);
    tp->made = NULL;
    tp->n = tp->cap = 0;
}

static ffi_type *desc_ffi(ai_value d, typepool *tp, int depth) {
    if (str_check(d)) {
        ffi_type *t = scalar_ffi(code_of(d));
        if (!t) bad_code();
        return t;
    }
    if (!tuple_check(d) || depth > 64) {
        ai_raise_msg(&ai_exc_TypeError, "_ctypes: bad type descriptor");
        return NULL;
    }
    int64_t n = ((ai_tuple *)ai_obj(d))->len;
    ffi_type *t = calloc(1, sizeof *t);
    ffi_type **el = calloc((size_t)n + 1, sizeof *el);
    if (tp->n == tp->cap) {
        int cap = tp->cap ? 2 * tp->cap : 8;
        ffi_type **m = realloc(tp->made, (size_t)cap * sizeof *m);
        if (m) {
            tp->made = m;
            tp->cap = cap;
        }
    }
    if (!t || !el || tp->n == tp->cap) {
        free(t);
        free(el);
        exc_nomem();
        return NULL;
    }
    t->type = FFI_TYPE_STRUCT;
    t->elements = el;
    tp->made[tp->n++] = t;
    for (int64_t i = 0; i < n; i++) {
        el[i] = desc_ffi(((ai_tuple *)ai_obj(d))->items[i], tp, depth + 1);
        if (!el[i]) return NULL;
    }
    return t;
}

/* ---- the module's functions ------------------------------------------------------- */

#define FN(name) static ai_value name(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames)
#define ARGS(fname, n)                                                          \
    do {                                                                        \
        (void)self;                                                             \
        if (mu_pos_range(fname, fname, nargs, kwnames, n, n) < 0) return AI_ERR; \
    } while (0)

FN(c_dlopen) {
    ARGS("dlopen", 2);
    const char *name = NULL;
    if (args[0] != AI_NONE) {
        if (!str_check(args[0])) return ai_raise_msg(&ai_exc_TypeError, "dlopen() name must be str or None");
        name = str_utf8(args[0], NULL);
        if (!name) return AI_ERR;
    }
    int64_t mode;
    if (!int_check(args[1]) || !int_to_i64(int_unbool(args[1]), &mode))
        return ai_raise_msg(&ai_exc_TypeError, "dlopen() mode must be an int");
    void *h = dlopen(name, (int)mode);
    if (!h) {
        const char *e = dlerror();
        return ai_raise_msg(&ai_exc_OSError, e ? e : "dlopen() failed");
    }
    return addr_value(h);
}
static AI_BUILTIN_FN(bf_dlopen, "dlopen", c_dlopen);

FN(c_dlsym) {
    ARGS("dlsym", 2);
    void *h;
    if (!addr_arg(args[0], &h)) return AI_ERR;
    if (!str_check(args[1])) return ai_raise_msg(&ai_exc_TypeError, "dlsym() name must be str");
    const char *name = str_utf8(args[1], NULL);
    if (!name) return AI_ERR;
    dlerror();
    void *p = dlsym(h, name);
    if (!p) {
        const char *e = dlerror();
        if (e) return ai_raise_msg(&ai_exc_AttributeError, e);
        return ai_raise_fmt(&ai_exc_AttributeError, "undefined symbol: %s", name);
    }
    return addr_value(p);
}
static AI_BUILTIN_FN(bf_dlsym, "dlsym", c_dlsym);

FN(c_dlclose) {
    ARGS("dlclose", 1);
    void *h;
    if (!addr_arg(args[0], &h)) return AI_ERR;
    if (h && dlclose(h) != 0) {
        const char *e = dlerror();
        return ai_raise_msg(&ai_exc_OSError, e ? e : "dlclose() failed");
    }
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_dlclose, "dlclose", c_dlclose);

FN(c_addr) {
    ARGS("addr", 1);
    int64_t n;
    const unsigned char *p = bytes_buffer(args[0], &n);
    if (!p) return ai_raise_fmt(&ai_exc_TypeError, "addr() needs bytes or bytearray, not %s", obj_type_name(args[0]));
    return addr_value(p);
}
static AI_BUILTIN_FN(bf_addr, "addr", c_addr);

FN(c_type_info) {
    ARGS("type_info", 1);
    ffi_type *t = scalar_ffi(code_of(args[0]));
    if (!t || t == &ffi_type_void) return bad_code();
    ai_value tup = tuple_new(2);
    if (!tup) return AI_ERR;
    ((ai_tuple *)ai_obj(tup))->items[0] = ai_smallint((int64_t)t->size);
    ((ai_tuple *)ai_obj(tup))->items[1] = ai_smallint((int64_t)t->alignment);
    return tup;
}
static AI_BUILTIN_FN(bf_type_info, "type_info", c_type_info);

FN(c_read) {
    ARGS("read", 2);
    void *p;
    if (!addr_arg(args[0], &p)) return AI_ERR;
    if (!p) return ai_raise_msg(&ai_exc_ValueError, "NULL pointer access");
    return read_code(p, code_of(args[1]));
}
static AI_BUILTIN_FN(bf_read, "read", c_read);

FN(c_write) {
    ARGS("write", 3);
    void *p;
    if (!addr_arg(args[0], &p)) return AI_ERR;
    if (!p) return ai_raise_msg(&ai_exc_ValueError, "NULL pointer access");
    return write_code(p, code_of(args[1]), args[2], false) < 0 ? AI_ERR : AI_NONE;
}
static AI_BUILTIN_FN(bf_write, "write", c_write);

static bool size_arg(ai_value v, int64_t *out) {
    if (!int_check(v) || !int_to_i64(int_unbool(v), out)) {
        ai_raise_msg(&ai_exc_TypeError, "size must be an int");
        return false;
    }
    return true;
}

FN(c_string_at) {
    ARGS("string_at", 2);
    void *p;
    int64_t n;
    if (!addr_arg(args[0], &p) || !size_arg(args[1], &n)) return AI_ERR;
    if (!p) return ai_raise_msg(&ai_exc_ValueError, "NULL pointer access");
    if (n < 0) n = (int64_t)strlen(p);
    return bytes_from(p, n, false);
}
static AI_BUILTIN_FN(bf_string_at, "string_at", c_string_at);

FN(c_wstring_at) {
    ARGS("wstring_at", 2);
    void *p;
    int64_t n;
    if (!addr_arg(args[0], &p) || !size_arg(args[1], &n)) return AI_ERR;
    if (!p) return ai_raise_msg(&ai_exc_ValueError, "NULL pointer access");
    return wstr_value(p, n);
}
static AI_BUILTIN_FN(bf_wstring_at, "wstring_at", c_wstring_at);

FN(c_memmove) {
    ARGS("memmove", 3);
    void *d, *s;
    int64_t n;
    if (!addr_arg(args[0], &d) || !addr_arg(args[1], &s) || !size_arg(args[2], &n)) return AI_ERR;
    if (n > 0) memmove(d, s, (size_t)n);
    return addr_value(d);
}
static AI_BUILTIN_FN(bf_memmove, "memmove", c_memmove);

FN(c_memset) {
    ARGS("memset", 3);
    void *d;
    int64_t c, n;
    if (!addr_arg(args[0], &d) || !size_arg(args[1], &c) || !size_arg(args[2], &n)) return AI_ERR;
    if (n > 0) memset(d, (int)c, (size_t)n);
    return addr_value(d);
}
static AI_BUILTIN_FN(bf_memset, "memset", c_memset);

FN(c_main_heap) {
    (void)args;
    (void)self;
    if (mu_no_args("main_heap", nargs, kwnames) < 0) return AI_ERR;
    return ai_bool(alloc_current_heap() == &alloc_main_heap);
}
static AI_BUILTIN_FN(bf_main_heap, "main_heap", c_main_heap);

/* Room for one scalar argument or result (libffi widens small integer
 * results to ffi_arg). */
typedef union slot {
    ffi_arg a;
    int64_t q;
    double d;
    float f;
    long double g;
    void *p;
    char bytes[16];
} slot;

FN(c_call) {
    ARGS("call", 6);
    int *errbox = NULL;
    if (args[5] != AI_NONE) {
        int64_t blen;
        errbox = bytearray_check(args[5]) ? (int *)bytes_buffer(args[5], &blen) : NULL;
        if (!errbox || blen < (int64_t)sizeof(int))
            return ai_raise_msg(&ai_exc_TypeError, "call(): errbox must be a bytearray of an int");
    }
    void *fn, *raddr;
    if (!addr_arg(args[0], &fn) || !addr_arg(args[2], &raddr)) return AI_ERR;
    if (!fn) return ai_raise_msg(&ai_exc_ValueError, "NULL function pointer");
    if (!tuple_check(args[3]) || !tuple_check(args[4]))
        return ai_raise_msg(&ai_exc_TypeError, "call() needs tuples of descriptors and values");
    ai_tuple *ad = (ai_tuple *)ai_obj(args[3]), *av = (ai_tuple *)ai_obj(args[4]);
    int64_t n = ad->len;
    if (av->len != n) return ai_raise_msg(&ai_exc_TypeError, "call(): descriptors and values differ in number");
    typepool tp = {0};
    ffi_type **atypes = calloc((size_t)n + 1, sizeof *atypes);
    slot *slots = calloc((size_t)n + 1, sizeof *slots);
    void **avalues = calloc((size_t)n + 1, sizeof *avalues);
    ai_value result = AI_ERR;
    if (!atypes || !slots || !avalues) {
        exc_nomem();
        goto out;
    }
    ffi_type *rtype = desc_ffi(args[1], &tp, 0);
    if (!rtype) goto out;
    for (int64_t i = 0; i < n; i++) {
        atypes[i] = desc_ffi(ad->items[i], &tp, 0);
        if (!atypes[i]) goto out;
        if (atypes[i]->type == FFI_TYPE_STRUCT) {
            if (!addr_arg(av->items[i], &avalues[i])) goto out; /* the struct's own bytes */
        } else {
            avalues[i] = &slots[i];
            if (write_code(&slots[i], code_of(ad->items[i]), av->items[i], false) < 0) goto out;
        }
    }
    ffi_cif cif;
    if (ffi_prep_cif(&cif, FFI_DEFAULT_ABI, (unsigned)n, rtype, atypes) != FFI_OK) {
        ai_raise_msg(&ai_exc_RuntimeError, "ffi_prep_cif failed");
        goto out;
    }
    slot rs;
    memset(&rs, 0, sizeof rs);
    bool by_value = rtype->type == FFI_TYPE_STRUCT;
    if (by_value && !raddr) {
        ai_raise_msg(&ai_exc_ValueError, "call(): no room for the struct result");
        goto out;
    }
    /* Blocks this worker while the foreign function runs (see the top). */
    if (errbox) {
        int e;
        memcpy(&e, errbox, sizeof e);
        errno = e;
    }
    ffi_call(&cif, FFI_FN(fn), by_value ? raddr : (void *)&rs, avalues);
    if (errbox) {
        int e = errno;
        memcpy(errbox, &e, sizeof e);
    }
    if (by_value) {
        result = AI_NONE;
    } else {
        int rc = code_of(args[1]);
        if (rc == 'v') {
            result = AI_NONE;
        } else if (rtype->size < sizeof(ffi_arg) && rc != 'f' && rc != 'g') {
            /* A small integer result sits in the low bytes of an ffi_arg. */
            ffi_arg a = rs.a;
            switch (rc) {
            case 'b': case 'c': result = rc == 'c' ? read_code(&(char){(char)a}, 'c') : ai_smallint((signed char)a); break;
            case 'B': result = ai_smallint((unsigned char)a); break;
            case '?': result = ai_bool((unsigned char)a != 0); break;
            case 'h': result = ai_smallint((short)a); break;
            case 'H': result = ai_smallint((unsigned short)a); break;
            case 'i': result = ai_smallint((int)a); break;
            case 'I': result = ai_smallint((unsigned)a); break;
            case 'u': result = wstr_value(&(wchar_t){(wchar_t)a}, 1); break;
            default: result = read_code(&rs, rc); break;
            }
        } else {
            result = read_code(&rs, rc);
        }
    }
out:
    pool_free(&tp);
    free(atypes);
    free(slots);
    free(avalues);
    return result;
}
static AI_BUILTIN_FN(bf_call, "call", c_call);

/* ---- callbacks ---------------------------------------------------------------------- */

/* The libffi side of a callback: malloc'd, freed by the finaliser of the
 * closure object that owns it. */
typedef struct cb {
    ffi_closure *closure;
    void *code;
    ffi_cif cif;
    ffi_type **atypes;
    ffi_type *rtype;
    typepool tp;
    ai_object *owner; /* the closure object (objects do not move) */
    int rcode;        /* scalar result code, 0 for a struct */
    int nargs;
    char *acodes;     /* per argument: its scalar code, 0 for a struct */
} cb;

/* The closure object Python holds (CFuncPtr._closure): it keeps the
 * wrapper and the user's function alive for the collector, and frees the
 * libffi closure when it dies. */
typedef struct ct_closure {
    ai_object ob;
    ai_value wrapper;
    ai_value func;
    cb *c;
} ct_closure;

static void cb_free(cb *c) {
    if (c->closure) ffi_closure_free(c->closure);
    pool_free(&c->tp);
    free(c->atypes);
    free(c->acodes);
    free(c);
}

static void closure_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ct_closure *k = (ct_closure *)o;
    if (k->wrapper) visit(&k->wrapper, ctx);
    if (k->func) visit(&k->func, ctx);
}

static void closure_finalize(ai_object *o) {
    ct_closure *k = (ct_closure *)o;
    if (k->c) cb_free(k->c);
    k->c = NULL;
}

static const ai_slots closure_slots = {0};
static ai_type closure_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "CThunkObject",
    .base = &ai_object_type,
    .basicsize = sizeof(ct_closure),
    .gc_visit = closure_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&closure_slots,
    .module = "_ctypes",
};

static void cb_handler(ffi_cif *cif, void *ret, void **argv, void *user) {
    (void)cif;
    cb *c = user;
    ct_closure *k = (ct_closure *)c->owner;
    ai_value vals[32];
    ai_value *a = c->nargs <= 32 ? vals : calloc((size_t)c->nargs, sizeof *a);
    ai_value r = AI_ERR;
    if (!a) {
        exc_nomem();
        goto fail;
    }
    for (int i = 0; i < c->nargs; i++) {
        a[i] = c->acodes[i] ? read_code(argv[i], c->acodes[i]) : addr_value(argv[i]);
        if (!a[i]) goto fail;
    }
    r = ai_call(k->wrapper, a, c->nargs, 0);
    if (!r) goto fail;
    if (c->rcode) {
        if (write_code(ret, c->rcode, r, true) < 0) goto fail;
    } else if (r != AI_NONE) {
        void *src;
        if (!addr_arg(r, &src)) goto fail;
        memcpy(ret, src, c->rtype->size);
    }
    if (a != vals) free(a);
    return;
fail:
    if (a && a != vals) free(a);
    {
        ai_value exc = exc_pending();
        exc_clear();
        ai_value fr = ai_repr(k->func);
        const char *fs = fr ? str_utf8(fr, NULL) : NULL;
        if (!fr) exc_clear();
        char *header = NULL;
        if (asprintf(&header, "Exception ignored on calling ctypes callback function: %s\n", fs ? fs : "?") < 0)
            header = NULL;
        exc_print_with(header ? header : "Exception ignored on calling ctypes callback function\n", exc);
        free(header);
    }
    memset(ret, 0, c->rtype->size < sizeof(ffi_arg) ? sizeof(ffi_arg) : c->rtype->size);
}

FN(c_closure) {
    ARGS("closure", 4);
    if (!tuple_check(args[2])) return ai_raise_msg(&ai_exc_TypeError, "closure() needs a tuple of descriptors");
    ai_tuple *ad = (ai_tuple *)ai_obj(args[2]);
    ct_closure *k = ai_alloc(&closure_type, sizeof *k);
    if (!k) return AI_ERR;
    k->wrapper = args[0];
    gc_barrier(k, args[0]);
    k->func = args[3];
    gc_barrier(k, args[3]);
    if (gc_finalizer_add(&k->ob, closure_finalize) < 0) return AI_ERR;
    cb *c = calloc(1, sizeof *c);
    if (!c) return exc_nomem();
    k->c = c; /* freed with k from here on */
    c->owner = &k->ob;
    c->nargs = (int)ad->len;
    c->atypes = calloc((size_t)c->nargs + 1, sizeof *c->atypes);
    c->acodes = calloc((size_t)c->nargs + 1, 1);
    if (!c->atypes || !c->acodes) return exc_nomem();
    c->rtype = desc_ffi(args[1], &c->tp, 0);
    if (!c->rtype) return AI_ERR;
    c->rcode = str_check(args[1]) ? code_of(args[1]) : 0;
    for (int i = 0; i < c->nargs; i++) {
        c->atypes[i] = desc_ffi(ad->items[i], &c->tp, 0);
        if (!c->atypes[i]) return AI_ERR;
        c->acodes[i] = str_check(ad->items[i]) ? (char)code_of(ad->items[i]) : 0;
    }
    c->closure = ffi_closure_alloc(sizeof(ffi_closure), &c->code);
    if (!c->closure) return exc_nomem();
    if (ffi_prep_cif(&c->cif, FFI_DEFAULT_ABI, (unsigned)c->nargs, c->rtype, c->atypes) != FFI_OK ||
        ffi_prep_closure_loc(c->closure, &c->cif, cb_handler, c, c->code) != FFI_OK)
        return ai_raise_msg(&ai_exc_RuntimeError, "ffi_prep_closure_loc failed");
    ai_value code = addr_value(c->code);
    if (!code) return AI_ERR;
    ai_value tup = tuple_new(2);
    if (!tup) return AI_ERR;
    ((ai_tuple *)ai_obj(tup))->items[0] = code;
    ((ai_tuple *)ai_obj(tup))->items[1] = ai_val(k);
    return tup;
}
static AI_BUILTIN_FN(bf_closure, "closure", c_closure);

static int init(ai_value m) {
    ai_builtin_fn *fns[] = {&bf_dlopen,  &bf_dlsym,     &bf_dlclose,    &bf_addr,    &bf_type_info,
                            &bf_read,    &bf_write,     &bf_string_at,  &bf_wstring_at, &bf_memmove,
                            &bf_memset,  &bf_call,      &bf_closure, &bf_main_heap};
    for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
        if (mod_add_fn(m, fns[i]) < 0) return -1;
    if (mod_add(m, "RTLD_LOCAL", ai_smallint(RTLD_LOCAL)) < 0 || mod_add(m, "RTLD_GLOBAL", ai_smallint(RTLD_GLOBAL)) < 0 ||
        mod_add(m, "RTLD_NOW", ai_smallint(RTLD_NOW)) < 0 || mod_add(m, "RTLD_LAZY", ai_smallint(RTLD_LAZY)) < 0)
        return -1;
    return 0;
}

const mod_def mod_ctypes = {"_ctypes", init};
