/*
 * core/builtins.c — print and the standard output buffer, str()/repr()
 * dispatch, the builtin namespace (ai_builtin), the builtin functions that
 * belong to no type, and the bounds helper of counted range() loops.
 *
 * stdout: one process-wide buffer (8 KiB, as CPython's) written with write(2), flushed
 * when full, on print(flush=True), at exit, and after every print when
 * stdout is a terminal (line buffering). A recursive mutex makes one
 * print() call atomic with respect to other workers while still allowing a
 * __str__ that prints. Text is written as UTF-8 with errors=
 * 'surrogateescape' (U+DC80..U+DCFF become raw bytes, as CPython's stdout
 * in its UTF-8 mode and the C locale; other lone surrogates raise
 * UnicodeEncodeError). A failed write raises CPython's OSError.
 * stderr: unbuffered, straight write(2) (tracebacks, SystemExit messages).
 *
 * Builtins are vectorcall functions; types (int, str, ValueError …) are
 * returned as the type objects themselves, whose construct slot runs.
 *
 * Not handled yet: print(file=...) other than None (bi_print_file_hook is
 * where sys.stderr and file objects plug in), the iterable-consuming
 * builtins (min, max, sum, sorted, enumerate, zip …), input().
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem, MAP_NORESERVE, recursive mutexes */
#endif
#include "core/object.h"
#include "asyncio/aio.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

/* ---- raw output ----------------------------------------------------------- */

/* CPython's buffer size (io.DEFAULT_BUFFER_SIZE): a program whose reader
 * goes away (`| head -1`) fails at the same print as under CPython. */
#define OUTBUF_SIZE ((size_t)8 << 10)

static char outbuf[OUTBUF_SIZE];
static size_t outlen;
static int out_tty = -1; /* unknown until first use */
static pthread_mutex_t out_lock;
static pthread_once_t out_once = PTHREAD_ONCE_INIT;

ai_value (*bi_stdout_redirect_hook)(void);
ai_value (*bi_print_file_hook)(ai_value file, const ai_value *args, int64_t nargs, ai_value sep,
                               ai_value end, bool flush);

/* 0, or the errno of the failed write. */
static int write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* An explicit flush (flush(), print(flush=True), a terminal's line
 * buffering, exit): on failure the data stays buffered, as CPython's
 * BufferedWriter keeps it, and the next flush tries again. */
static int out_flush_locked(void) {
    if (!outlen) return 0;
    int err = write_all(1, outbuf, outlen);
    if (!err) outlen = 0;
    return err;
}

/* At exit another thread may still hold the lock (a worker in the middle
 * of a print when the process ends): never wait for it there. */
static void flush_at_exit(void) {
    if (pthread_mutex_trylock(&out_lock) == 0) {
        out_flush_locked();
        outlen = 0;
        pthread_mutex_unlock(&out_lock);
    }
}

static void out_init(void) {
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&out_lock, &a);
    pthread_mutexattr_destroy(&a);
    out_tty = isatty(1);
    atexit(flush_at_exit);
}

static void out_lock_acquire(void) {
    aio_ahead_output_guard(); /* may give an evaluation up: before the lock */
    pthread_once(&out_once, out_init);
    pthread_mutex_lock(&out_lock);
}

/* Buffer bytes; 0 or the errno of a failed write. When the buffer fills
 * and writing it fails, what it held is dropped with the new bytes (CPython
 * loses the chunk its TextIOWrapper was passing on), so a program that
 * catches the error and goes on is not handed the same failure again. */
static int out_write_locked(const char *p, size_t n) {
    if (aio_capture_write(1, p, n)) return 0; /* an isolated actor's output (asyncio/remote.c) */
    if (n > OUTBUF_SIZE - outlen) {
        int err = write_all(1, outbuf, outlen);
        outlen = 0;
        if (err) return err;
    }
    if (n >= OUTBUF_SIZE) return write_all(1, p, n);
    memcpy(outbuf + outlen, p, n);
    outlen += n;
    return 0;
}

/* Raise the OSError of a failed write to stdout (BrokenPipeError, …). */
static bool out_ok(int err) {
    if (!err) return true;
    exc_raise_errno(err, 0);
    return false;
}

int bi_stdout_write(const char *p, size_t n) {
    out_lock_acquire();
    int err = out_write_locked(p, n);
    if (!err && out_tty && memchr(p, '\n', n)) err = out_flush_locked();
    pthread_mutex_unlock(&out_lock);
    return err;
}

int bi_stdout_flush(void) {
    out_lock_acquire();
    int err = out_flush_locked();
    pthread_mutex_unlock(&out_lock);
    return err;
}

void bi_stdout_discard(void) {
    out_lock_acquire();
    outlen = 0;
    pthread_mutex_unlock(&out_lock);
}

void bi_stderr_write(const char *p, size_t n) {
    if (aio_capture_write(2, p, n)) return;
    (void)write_all(2, p, n);
}

/* ---- str() and repr() ------------------------------------------------------- */

static ai_value check_str_result(ai_value r, const char *what) {
    if (!r || str_check(r)) return r;
    return ai_raise_fmt(&ai_exc_TypeError, "%s returned non-string (type %s)", what,
                        obj_type_name(r));
}

ai_value ai_str(ai_value v) {
    if (ai_is_smallint(v)) return int_to_str(v);
    ai_type *t = ai_type_of_obj(ai_obj(v));
    if (t == &ai_str_type) return v;
    if (!obj_stack_ok()) return exc_recursion(" while getting the str of an object");
    if (t->str) return check_str_result(t->str(v), "__str__");
    return ai_repr(v);
}

ai_value ai_repr(ai_value v) {
    if (ai_is_smallint(v)) return int_to_str(v);
    if (!obj_stack_ok()) return exc_recursion(" while getting the repr of an object");
    ai_type *t = ai_type_of_obj(ai_obj(v));
    if (t->repr) return check_str_result(t->repr(v), "__repr__");
    return obj_default_repr(v);
}

/* ---- print ------------------------------------------------------------------ */

static bool check_sep(ai_value v, const char *what) {
    if (!v || v == AI_NONE || str_check(v)) return true;
    ai_raise_fmt(&ai_exc_TypeError, "%s must be None or a string, not %s", what, obj_type_name(v));
    return false;
}

/* Write a str value's UTF-8 to stdout (lock held). */
static bool out_str_locked(ai_value s) {
    int64_t n;
    const char *p = str_utf8_stdio(s, &n);
    if (!p) return false;
    return out_ok(out_write_locked(p, (size_t)n));
}

static bool out_value_locked(ai_value v) {
    if (ai_is_smallint(v)) {
        char buf[24];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)ai_smallint_get(v));
        return out_ok(out_write_locked(buf, (size_t)n));
    }
    if (obj_is_type(v, &ai_float_type)) {
        char buf[32];
        int n = float_repr_buf(float_get(v), buf);
        return out_ok(out_write_locked(buf, (size_t)n));
    }
    ai_value s = ai_str(v);
    return s && out_str_locked(s);
}

ai_value ai_print(const ai_value *args, int64_t nargs, ai_value sep, ai_value end, ai_value file,
                  ai_value flush) {
    if (!check_sep(sep, "sep") || !check_sep(end, "end")) return AI_ERR;
    int32_t do_flush = 0;
    if (flush) {
        do_flush = ai_truthy(flush);
        if (do_flush < 0) return AI_ERR;
    }
    if ((!file || file == AI_NONE) && bi_stdout_redirect_hook) file = bi_stdout_redirect_hook();
    if (file && file != AI_NONE) {
        if (bi_print_file_hook) return bi_print_file_hook(file, args, nargs, sep, end, do_flush);
        return ai_raise_msg(&ai_exc_NotImplementedError,
                            "print(file=...) is not supported yet (only stdout)");
    }
    if (sep == AI_NONE) sep = 0;
    if (end == AI_NONE) end = 0;
    out_lock_acquire();
    ai_value ret = AI_NONE;
    for (int64_t i = 0; i < nargs; i++) {
        if (i > 0) {
            if (sep) {
                if (!out_str_locked(sep)) goto fail;
            } else if (!out_ok(out_write_locked(" ", 1))) {
                goto fail;
            }
        }
        if (!out_value_locked(args[i])) goto fail;
    }
    if (end) {
        if (!out_str_locked(end)) goto fail;
    } else if (!out_ok(out_write_locked("\n", 1))) {
        goto fail;
    }
    if ((do_flush || out_tty) && !out_ok(out_flush_locked())) ret = AI_ERR;
    pthread_mutex_unlock(&out_lock);
    return ret;
fail:
    if (out_tty) out_flush_locked();
    pthread_mutex_unlock(&out_lock);
    return AI_ERR;
}

/* ---- argument parsing for builtins with keywords ---------------------------- */

/* Argument-clinic-style parsing: `names` lists the parameters (positional
 * or keyword), the first `nreq` are required. out[] gets 0 for absent
 * optional ones. Messages follow CPython's for such builtins. */
static int parse_args(const char *fname, const ai_value *args, int64_t nargs, ai_value kwnames,
                      const char *const *names, int nnames, int nreq, ai_value *out) {
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nargs + nkw > nnames) {
        ai_raise_fmt(&ai_exc_TypeError, "%s() takes at most %d argument%s (%lld given)", fname,
                     nnames, nnames == 1 ? "" : "s", (long long)(nargs + nkw));
        return -1;
    }
    for (int i = 0; i < nnames; i++) out[i] = i < nargs ? args[i] : 0;
    ai_value unknown = 0;
    for (int64_t k = 0; k < nkw; k++) {
        ai_value kn = tuple_obj(kwnames)->items[k];
        int64_t len;
        const char *p = str_utf8(kn, &len);
        if (!p) return -1;
        int j = 0;
        for (; j < nnames; j++)
            if (strlen(names[j]) == (size_t)len && memcmp(names[j], p, (size_t)len) == 0) break;
        if (j == nnames) {
            if (!unknown) unknown = kn;
            continue;
        }
        if (out[j]) {
            ai_raise_fmt(&ai_exc_TypeError,
                         "argument for %s() given by name ('%s') and position (%d)", fname,
                         names[j], j + 1);
            return -1;
        }
        out[j] = args[nargs + k];
    }
    for (int i = 0; i < nreq; i++)
        if (!out[i]) {
            ai_raise_fmt(&ai_exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                         names[i], i + 1);
            return -1;
        }
    if (unknown) {
        ai_raise_fmt(&ai_exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                     str_utf8(unknown, NULL), fname);
        return -1;
    }
    return 0;
}

/* ---- builtin functions ------------------------------------------------------- */

static ai_value bi_print(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    ai_value kw[4] = {0, 0, 0, 0}; /* sep, end, file, flush */
    static const char *const kwn[4] = {"sep", "end", "file", "flush"};
    if (kwnames) {
        ai_tuple *t = tuple_obj(kwnames);
        for (int64_t k = 0; k < t->len; k++) {
            int64_t len;
            const char *p = str_utf8(t->items[k], &len);
            if (!p) return AI_ERR;
            int j = 0;
            for (; j < 4; j++)
                if (strlen(kwn[j]) == (size_t)len && memcmp(kwn[j], p, (size_t)len) == 0) break;
            if (j == 4)
                return ai_raise_fmt(&ai_exc_TypeError,
                                    "'%s' is an invalid keyword argument for print()", p);
            kw[j] = args[nargs + k];
        }
    }
    return ai_print(args, nargs, kw[0], kw[1], kw[2], kw[3]);
}

static ai_value bi_repr(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("repr", kwnames) || call_exact_args("repr", nargs, 1)) return AI_ERR;
    return ai_repr(args[0]);
}

static ai_value bi_abs(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("abs", kwnames) || call_exact_args("abs", nargs, 1)) return AI_ERR;
    return obj_abs(args[0]);
}

static ai_value bi_len(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("len", kwnames) || call_exact_args("len", nargs, 1)) return AI_ERR;
    const ai_slots *s = obj_slots(args[0]);
    if (!s->len)
        return ai_raise_fmt(&ai_exc_TypeError, "object of type '%s' has no len()",
                            obj_type_name(args[0]));
    int64_t n = s->len(args[0]);
    if (n < 0) return AI_ERR;
    return ai_int_from_i64(n);
}

static ai_value bi_hash(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("hash", kwnames) || call_exact_args("hash", nargs, 1)) return AI_ERR;
    int64_t h = obj_hash(args[0]);
    if (h == -1) return AI_ERR;
    return ai_int_from_i64(h);
}

static ai_value bi_id(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("id", kwnames) || call_exact_args("id", nargs, 1)) return AI_ERR;
    ai_value v = args[0];
    /* Small ints have no address; any injective mapping will do. */
    return int_from_u64(ai_is_smallint(v) ? (uint64_t)v : (uint64_t)(uintptr_t)ai_obj(v), false);
}

static ai_value bi_callable(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("callable", kwnames) || call_exact_args("callable", nargs, 1)) return AI_ERR;
    return ai_bool(ai_type_of(args[0])->call != NULL);
}

static int class_check(ai_value cls, ai_value v, bool *result) {
    if (obj_is_class(cls)) {
        int r = cls_meta_instancecheck(cls, v);
        if (r < 0) return -1;
        *result = r == 2 ? cls_isinstance(v, (ai_type *)ai_obj(cls)) : r;
        return 0;
    }
    if (ga_is_union(cls)) return class_check(ga_union_args(cls), v, result);
    if (ga_is_alias(cls)) {
        ai_raise_msg(&ai_exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
        return -1;
    }
    if (tuple_check(cls)) {
        ai_tuple *t = tuple_obj(cls);
        for (int64_t i = 0; i < t->len; i++) {
            if (class_check(t->items[i], v, result) < 0) return -1;
            if (*result) return 0;
        }
        *result = false;
        return 0;
    }
    /* Any object whose type defines __instancecheck__ (typing's aliases). */
    ai_value hook = cls_special_method(cls, "__instancecheck__");
    if (hook) {
        ai_value r = ai_call(hook, &v, 1, 0);
        int32_t t = r ? ai_truthy(r) : -1;
        if (t < 0) return -1;
        *result = t;
        return 0;
    }
    if (exc_pending()) return -1;
    ai_raise_msg(&ai_exc_TypeError,
                 "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

static ai_value bi_isinstance(ai_value self, const ai_value *args, int64_t nargs,
                              ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("isinstance", kwnames) || call_exact_args("isinstance", nargs, 2))
        return AI_ERR;
    bool r;
    if (class_check(args[1], args[0], &r) < 0) return AI_ERR;
    return ai_bool(r);
}

static int subclass_check(ai_type *t, ai_value cls, bool *result) {
    if (obj_is_class(cls)) {
        int r = cls_meta_subclasscheck(cls, ai_val(t));
        if (r < 0) return -1;
        *result = r == 2 ? cls_is_subtype(t, (ai_type *)ai_obj(cls)) : r;
        return 0;
    }
    if (ga_is_union(cls)) return subclass_check(t, ga_union_args(cls), result);
    if (ga_is_alias(cls)) {
        ai_raise_msg(&ai_exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
        return -1;
    }
    if (tuple_check(cls)) {
        ai_tuple *tu = tuple_obj(cls);
        for (int64_t i = 0; i < tu->len; i++) {
            if (subclass_check(t, tu->items[i], result) < 0) return -1;
            if (*result) return 0;
        }
        *result = false;
        return 0;
    }
    ai_value hook = cls_special_method(cls, "__subclasscheck__");
    if (hook) {
        ai_value arg = ai_val(t);
        ai_value r = ai_call(hook, &arg, 1, 0);
        int32_t tr = r ? ai_truthy(r) : -1;
        if (tr < 0) return -1;
        *result = tr;
        return 0;
    }
    if (exc_pending()) return -1;
    ai_raise_msg(&ai_exc_TypeError,
                 "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
}

static ai_value bi_issubclass(ai_value self, const ai_value *args, int64_t nargs,
                              ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("issubclass", kwnames) || call_exact_args("issubclass", nargs, 2))
        return AI_ERR;
    if (!obj_is_class(args[0]))
        return ai_raise_msg(&ai_exc_TypeError, "issubclass() arg 1 must be a class");
    bool r;
    if (subclass_check((ai_type *)ai_obj(args[0]), args[1], &r) < 0) return AI_ERR;
    return ai_bool(r);
}

static ai_value bi_ord(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("ord", kwnames) || call_exact_args("ord", nargs, 1)) return AI_ERR;
    ai_value v = args[0];
    if (!str_check(v))
        return ai_raise_fmt(&ai_exc_TypeError, "ord() expected string of length 1, but %s found",
                            obj_type_name(v));
    ai_strobj *s = str_obj(v);
    if (s->len != 1)
        return ai_raise_fmt(&ai_exc_TypeError,
                            "ord() expected a character, but string of length %lld found",
                            (long long)s->len);
    return ai_smallint(str_char(s, 0));
}

static ai_value bi_chr(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("chr", kwnames) || call_exact_args("chr", nargs, 1)) return AI_ERR;
    bool fits, err;
    int64_t n = obj_index_i64(args[0], &fits, &err);
    if (err) return AI_ERR;
    if (!fits || n < INT32_MIN || n > INT32_MAX)
        return ai_raise_msg(&ai_exc_OverflowError, "Python int too large to convert to C int");
    if (n < 0 || n > 0x10FFFF)
        return ai_raise_msg(&ai_exc_ValueError, "chr() arg not in range(0x110000)");
    return str_from_codepoint((uint32_t)n);
}

static ai_value bi_divmod(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (call_no_kwargs("divmod", kwnames) || call_exact_args("divmod", nargs, 2)) return AI_ERR;
    return obj_divmod(args[0], args[1]);
}

static ai_value bi_pow(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"base", "exp", "mod"};
    ai_value a[3];
    if (parse_args("pow", args, nargs, kwnames, names, 3, 2, a) < 0) return AI_ERR;
    if (!a[2] || a[2] == AI_NONE) return ai_pow(a[0], a[1]);
    if (!int_check(a[0]) || !int_check(a[1]) || !int_check(a[2]))
        return ai_raise_msg(&ai_exc_TypeError,
                            "pow() 3rd argument not allowed unless all arguments are integers");
    return int_pow_mod(a[0], a[1], a[2]);
}

static ai_value int_round(ai_value x, ai_value nd);

static ai_value bi_round(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"number", "ndigits"};
    ai_value a[2];
    if (parse_args("round", args, nargs, kwnames, names, 2, 1, a) < 0) return AI_ERR;
    ai_value x = a[0], nd = a[1] == AI_NONE ? 0 : a[1];
    if (float_check(x)) return float_round(float_get(x), nd);
    if (int_check(x)) return int_round(int_unbool(x), nd);
    ai_value r = cls_call_named(x, "__round__", &nd, nd ? 1 : 0); /* class instances */
    if (r || exc_pending()) return r;
    return ai_raise_fmt(&ai_exc_TypeError, "type %s doesn't define __round__ method",
                        obj_type_name(x));
}

/* round(int, ndigits): exact, halves to even. */
static ai_value int_round(ai_value x, ai_value nd) {
    if (!nd) return x;
    bool fits, err;
    int64_t n = obj_index_i64(nd, &fits, &err);
    if (err) return AI_ERR;
    if (n >= 0) return x;
    if (!fits || n < -100000) {
        /* 10**-n dwarfs any int we could hold: the result is 0. */
        return ai_smallint(0);
    }
    ai_value p = ai_pow(ai_smallint(10), ai_smallint(-n));
    if (!p) return AI_ERR;
    ai_value q = ai_floordiv(x, p), r = q ? ai_mod(x, p) : 0;
    if (!r) return AI_ERR;
    ai_value twice = ai_mul(r, ai_smallint(2));
    if (!twice) return AI_ERR;
    int c = int_cmp(twice, p);
    bool up = c > 0 || (c == 0 && int_sign(ai_and(q, ai_smallint(1))) != 0);
    if (up) q = ai_add(q, ai_smallint(1));
    if (!q) return AI_ERR;
    return ai_mul(q, p);
}

/* exit(code=None) and quit(code=None), the site module's Quitters:
 * raise SystemExit(code). */
static ai_value bi_exit(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    ai_value code = nargs > 0 ? args[0] : AI_NONE;
    if (nargs > 1)
        return ai_raise_fmt(&ai_exc_TypeError,
                            "Quitter.__call__() takes from 1 to 2 positional arguments but %lld were given",
                            (long long)nargs + 1);
    for (int64_t i = 0; i < nkw; i++) {
        ai_value k = tuple_obj(kwnames)->items[i];
        if (!attr_name_is(k, "code") || nargs > 0) {
            const char *s = str_utf8(k, NULL);
            return ai_raise_fmt(&ai_exc_TypeError,
                                nargs > 0 && attr_name_is(k, "code")
                                    ? "Quitter.__call__() got multiple values for argument '%s'"
                                    : "Quitter.__call__() got an unexpected keyword argument '%s'",
                                s ? s : "?");
        }
        code = args[nargs + i];
    }
    ai_value targs = ai_tuple_pack(&code, 1);
    if (!targs) return AI_ERR;
    ai_value e = exc_new(&ai_exc_SystemExit, targs);
    return e ? exc_set_pending(e) : AI_ERR;
}

static AI_BUILTIN_FN(bf_exit, "exit", bi_exit);
static AI_BUILTIN_FN(bf_quit, "quit", bi_exit);
static AI_BUILTIN_FN(bf_print, "print", bi_print);
static AI_BUILTIN_FN(bf_repr, "repr", bi_repr);
static AI_BUILTIN_FN(bf_abs, "abs", bi_abs);
static AI_BUILTIN_FN(bf_len, "len", bi_len);
static AI_BUILTIN_FN(bf_hash, "hash", bi_hash);
static AI_BUILTIN_FN(bf_id, "id", bi_id);
static AI_BUILTIN_FN(bf_callable, "callable", bi_callable);
static AI_BUILTIN_FN(bf_isinstance, "isinstance", bi_isinstance);
static AI_BUILTIN_FN(bf_issubclass, "issubclass", bi_issubclass);
static AI_BUILTIN_FN(bf_ord, "ord", bi_ord);
static AI_BUILTIN_FN(bf_chr, "chr", bi_chr);
static AI_BUILTIN_FN(bf_divmod, "divmod", bi_divmod);
static AI_BUILTIN_FN(bf_pow, "pow", bi_pow);
static AI_BUILTIN_FN(bf_round, "round", bi_round);

#define V(x) ((ai_value)(uintptr_t) & (x))
static const struct {
    const char *name;
    ai_value value;
} builtin_table[] = {
    {"print", V(bf_print)},
    {"exit", V(bf_exit)},
    {"quit", V(bf_quit)},
    {"repr", V(bf_repr)},
    {"abs", V(bf_abs)},
    {"len", V(bf_len)},
    {"hash", V(bf_hash)},
    {"id", V(bf_id)},
    {"callable", V(bf_callable)},
    {"isinstance", V(bf_isinstance)},
    {"issubclass", V(bf_issubclass)},
    {"ord", V(bf_ord)},
    {"chr", V(bf_chr)},
    {"divmod", V(bf_divmod)},
    {"pow", V(bf_pow)},
    {"round", V(bf_round)},
    {"int", V(ai_int_type)},
    {"float", V(ai_float_type)},
    {"complex", V(ai_complex_type)},
    {"str", V(ai_str_type)},
    {"bool", V(ai_bool_type)},
    {"type", V(ai_type_type)},
    {"object", V(ai_object_type)},
    {"tuple", V(ai_tuple_type)},
    {"bytes", V(ai_bytes_type)},
    {"range", V(ai_range_type)},
    {"memoryview", V(ai_memview_type)},
    {"None", V(ai_none_object)},
    {"True", V(ai_true_object)},
    {"False", V(ai_false_object)},
    {"Ellipsis", V(ai_ellipsis_object)},
    {"NotImplemented", V(ai_notimplemented_object)},
    /* CPython keeps these aliases of OSError. */
    {"EnvironmentError", V(ai_exc_OSError)},
    {"IOError", V(ai_exc_OSError)},
};
#undef V

/* The builtins module's own attributes, found by name lookup like any
 * builtin (`__name__` after `del __name__` is 'builtins', as in CPython). */
static const char builtins_doc[] =
    "Built-in functions, types, exceptions, and other objects.\n\nThis module provides direct access to all "
    "'built-in'\nidentifiers of Python; for example, builtins.len is\nthe full name for the built-in function "
    "len().\n\nThis module is not normally accessed explicitly by most\napplications, but can be useful in "
    "modules that provide\nobjects with the same name as a built-in value, but in\nwhich the built-in of that "
    "name is also needed.";
static const char *const module_attrs[][2] = {{"__name__", "builtins"}, {"__doc__", builtins_doc}, {"__package__", ""}};

static ai_value module_attr(const char *name) {
    if (strcmp(name, "__debug__") == 0) return AI_TRUE;
    for (size_t i = 0; i < sizeof module_attrs / sizeof module_attrs[0]; i++)
        if (strcmp(module_attrs[i][0], name) == 0) return str_from_cstr(module_attrs[i][1]);
    return 0;
}

int bi_each(int (*fn)(const char *name, ai_value v, void *ctx), void *ctx) {
    if (fn("__debug__", AI_TRUE, ctx) < 0) return -1;
    for (size_t i = 0; i < sizeof module_attrs / sizeof module_attrs[0]; i++) {
        ai_value v = str_from_cstr(module_attrs[i][1]);
        if (!v || fn(module_attrs[i][0], v, ctx) < 0) return -1;
    }
    for (size_t i = 0; i < sizeof builtin_table / sizeof builtin_table[0]; i++)
        if (fn(builtin_table[i].name, builtin_table[i].value, ctx) < 0) return -1;
    static const bi_entry *const areas[] = {bi_table_seq, bi_table_map, bi_table_text, bi_table_class};
    for (size_t a = 0; a < sizeof areas / sizeof areas[0]; a++)
        for (const bi_entry *e = areas[a]; e->name; e++)
            if (fn(e->name, e->value, ctx) < 0) return -1;
    for (int i = 0; i < exc_ntypes; i++)
        if (fn(exc_all_types[i]->name, ai_val(exc_all_types[i]), ctx) < 0) return -1;
    return 0;
}

ai_value ai_builtin(const char *name) {
    for (size_t i = 0; i < sizeof builtin_table / sizeof builtin_table[0]; i++)
        if (strcmp(builtin_table[i].name, name) == 0) return builtin_table[i].value;
    static const bi_entry *const areas[] = {bi_table_seq, bi_table_map, bi_table_text,
                                            bi_table_class, bi_table_async};
    for (size_t a = 0; a < sizeof areas / sizeof areas[0]; a++)
        for (const bi_entry *e = areas[a]; e->name; e++)
            if (strcmp(e->name, name) == 0) return e->value;
    for (int i = 0; i < exc_ntypes; i++)
        if (strcmp(exc_all_types[i]->name, name) == 0) return ai_val(exc_all_types[i]);
    if (name[0] == '_' && name[1] == '_') {
        ai_value v = module_attr(name);
        if (v || exc_pending()) return v;
    }
    return ai_raise_name_error(name);
}

/* ---- counted range() loops ------------------------------------------------------ */

int32_t ai_range_i64(ai_value start, ai_value stop, ai_value step, int64_t *out3) {
    /* The same checks, in the same order, as range() itself. Returns 1
     * only when all three are small ints: then every value of the range
     * is a small int too, and the emitter's i64 counter cannot overflow. */
    ai_value v[3] = {start, stop, step};
    bool small = true;
    for (int i = 0; i < 3; i++) {
        ai_value n = v[i];
        if (!ai_is_smallint(n)) {
            ai_unaryfunc ix = obj_slots(n)->index;
            if (!ix) {
                ai_raise_fmt(&ai_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             obj_type_name(n));
                return -1;
            }
            if (!(n = ix(n))) return -1;
            v[i] = n;
        }
        if (ai_is_smallint(n)) out3[i] = ai_smallint_get(n);
        else small = false;
    }
    if (v[2] == ai_smallint(0)) {
        ai_raise_msg(&ai_exc_ValueError, "range() arg 3 must not be zero");
        return -1;
    }
    return small ? 1 : 0;
}
