/*
 * modules/modsys.c — the sys module: argv, exit, the standard streams,
 * version information, recursion limit, intern, exc_info, and the hook
 * that makes print(..., file=f) work for any object with a write method.
 *
 * Streams: sys.stdout / sys.stderr / sys.stdin are three immortal objects
 * of one type (named TextIOWrapper, as CPython's). stdout writes go
 * through the runtime's buffered stdout (bi_stdout_write), so they
 * interleave exactly with print(); stderr writes go straight to fd 2
 * (bi_stderr_write) with lone surrogates backslash-escaped, as CPython's
 * errors='backslashreplace' stderr does. The two buffers are independent
 * (CPython does not flush stdout before writing stderr either); the
 * runtime flushes stdout at exit.
 * stdin: every read goes through the builtin input() (objects/textio.c),
 * so sys.stdin and input() share one buffer and can be mixed freely; text
 * that read(n)/readline(n) leaves over from a line waits in `pending`.
 * Two consequences until textio exposes its stdin core: a last line
 * WITHOUT a final newline reads back with one, and each line read flushes
 * stdout (input() does so before reading).
 *
 * Version: sys.version says "3.11.0 (Aithon 0.1.0) [...]" — the language
 * level first, then who implements it — and sys.version_info is the
 * 3.11-compatible (3, 11, 0, 'final', 0) so that version checks in user
 * code take their Python 3.11 branch.
 * Recursion limit: kept in core/exc.c. Calls are limited by the task's
 * stack (a RecursionError is raised when it runs out); nested reprs and
 * nested running generators count against this limit, as in CPython.
 *
 * Not handled: sys.path is the executable's directory and changing it
 * has no effect (imports are compiled in); sys.flags is all defaults;
 * closing the standard streams. sys.implementation is a named tuple (name
 * "aithon"), not a SimpleNamespace; getsizeof gives CPython's sizes for
 * the common builtins; settrace/setprofile accept None only (the compiler
 * refuses sys.settrace(f) and sys._getframe()).
 */
#include "modules/modutil.h"
#include "objects/text.h"

#include <stdatomic.h>
#include <limits.h>
#include <float.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#define AITHON_VERSION "0.1.0"

#if defined(__clang__)
#define CC_TEXT "[Clang " __clang_version__ "]"
#elif defined(__GNUC__)
#define CC_TEXT "[GCC " __VERSION__ "]"
#else
#define CC_TEXT "[C]"
#endif

/* ---- hidden state ------------------------------------------------------------------ */

/* GC roots: text left over from a stdin line, and the intern table. */
enum { ROOT_PENDING, ROOT_INTERN, NROOTS };
static ai_value roots[NROOTS];
static const char *const root_names[NROOTS] = {"sys.stdin pending", "sys.intern table"};
static pthread_once_t roots_once = PTHREAD_ONCE_INIT;
static void roots_init(void) { mu_register_roots("sys$state", roots, root_names, NROOTS); }

/* Workers may call in parallel: stdin_lock guards `pending` (and is held
 * across a blocking read, so reads of stdin are serialised); intern_lock
 * guards the intern table. */
static pthread_mutex_t stdin_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t intern_lock = PTHREAD_MUTEX_INITIALIZER;



/* io.UnsupportedOperation: an OSError subclass (there is no io module
 * yet to hold the class). */
static ai_type unsupported_type;
static pthread_once_t unsupported_once = PTHREAD_ONCE_INIT;
static void unsupported_init(void) {
    unsupported_type = ai_exc_OSError;
    unsupported_type.name = "io.UnsupportedOperation";
    unsupported_type.base = &ai_exc_OSError;
}
static ai_value unsupported(const char *msg) {
    pthread_once(&unsupported_once, unsupported_init);
    return ai_raise_msg(&unsupported_type, msg);
}

/* ---- the standard streams ------------------------------------------------------------ */

typedef struct sys_stream {
    ai_object ob;
    int fd; /* 0, 1 or 2 */
    _Atomic int closed; /* close() was called: every operation is a ValueError
                           (the fd itself stays open for the runtime) */
} sys_stream;

extern ai_type sys_stream_type;

static int stream_fd(ai_value v) { return ((sys_stream *)ai_obj(v))->fd; }
static bool stream_closed(ai_value v) { return atomic_load(&((sys_stream *)ai_obj(v))->closed) != 0; }

/* CPython's error for any operation on a closed stream. */
static ai_value closed_error(void) { return ai_raise_msg(&ai_exc_ValueError, "I/O operation on closed file."); }
#define CHECK_OPEN(self) \
    do { \
        if (stream_closed(self)) return closed_error(); \
    } while (0)

/* Write a str to stderr with errors='backslashreplace'. */
static void stderr_put(ai_value s) {
    ai_strobj *o = str_obj(s);
    if (o->ascii) {
        bi_stderr_write(str_data(o), (size_t)o->len);
        return;
    }
    strbuf b;
    sb_init(&b);
    for (int64_t i = 0; i < o->len; i++) {
        uint32_t c = str_char(o, i);
        if (c >= 0xD800 && c <= 0xDFFF)
            sb_printf(&b, "\\u%04x", (unsigned)c);
        else
            sb_addc(&b, c);
    }
    bi_stderr_write(b.p, b.len);
    sb_free(&b);
}

/* Write a str to the stream; false with an exception on error. */
static bool stream_put(int fd, ai_value s) {
    if (fd == 2) {
        stderr_put(s);
        return true;
    }
    int64_t n;
    const char *p = str_utf8_stdio(s, &n);
    if (!p) return false;
    int err = bi_stdout_write(p, (size_t)n);
    if (err) exc_raise_errno(err, 0);
    return !err;
}

#define METHOD(fn) \
    static ai_value fn(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames)

METHOD(s_write) {
    if (mu_one_arg("TextIOWrapper.write", nargs, kwnames) < 0) return AI_ERR;
    CHECK_OPEN(self);
    int fd = stream_fd(self);
    if (fd == 0) return unsupported("not writable");
    ai_value s = args[0];
    if (!str_check(s))
        return ai_raise_fmt(&ai_exc_TypeError, "write() argument must be str, not %s",
                            obj_type_name(s));
    if (!stream_put(fd, s)) return AI_ERR;
    return ai_int_from_i64(str_obj(s)->len);
}

METHOD(s_writelines) {
    if (mu_one_arg("_IOBase.writelines", nargs, kwnames) < 0) return AI_ERR;
    CHECK_OPEN(self);
    int fd = stream_fd(self);
    if (fd == 0) return unsupported("not writable");
    ai_value it = ai_iter(args[0]);
    if (!it) return AI_ERR;
    ai_value item;
    int32_t r;
    while ((r = ai_for_next(it, &item)) == 1) {
        if (!str_check(item))
            return ai_raise_fmt(&ai_exc_TypeError, "write() argument must be str, not %s",
                                obj_type_name(item));
        if (!stream_put(fd, item)) return AI_ERR;
    }
    return r < 0 ? AI_ERR : AI_NONE;
}

METHOD(s_flush) {
    (void)args;
    if (mu_no_args("TextIOWrapper.flush", nargs, kwnames) < 0) return AI_ERR;
    CHECK_OPEN(self);
    int err = stream_fd(self) == 1 ? bi_stdout_flush() : 0;
    return err ? exc_raise_errno(err, 0) : AI_NONE;
}

METHOD(s_fileno) {
    (void)args;
    if (mu_no_args("TextIOWrapper.fileno", nargs, kwnames) < 0) return AI_ERR;
    CHECK_OPEN(self);
    return ai_smallint(stream_fd(self));
}

METHOD(s_isatty) {
    (void)args;
    if (mu_no_args("TextIOWrapper.isatty", nargs, kwnames) < 0) return AI_ERR;
    CHECK_OPEN(self);
    return ai_bool(isatty(stream_fd(self)));
}

METHOD(s_readable) {
    (void)args;
    if (mu_no_args("TextIOWrapper.readable", nargs, kwnames) < 0) return AI_ERR;
    CHECK_OPEN(self);
    return ai_bool(stream_fd(self) == 0);
}

METHOD(s_writable) {
    (void)args;
    if (mu_no_args("TextIOWrapper.writable", nargs, kwnames) < 0) return AI_ERR;
    CHECK_OPEN(self);
    return ai_bool(stream_fd(self) != 0);
}

METHOD(s_seekable) {
    (void)args;
    if (mu_no_args("TextIOWrapper.seekable", nargs, kwnames) < 0) return AI_ERR;
    CHECK_OPEN(self);
    return ai_bool(lseek(stream_fd(self), 0, SEEK_CUR) != (off_t)-1);
}

/* ---- reading stdin ------------------------------------------------------------------- */

/* The next line of stdin with its newline, "" at end of input. Caller
 * holds stdin_lock. */
static ai_value stdin_line_locked(void) {
    if (roots[ROOT_PENDING]) {
        ai_value r = roots[ROOT_PENDING];
        roots[ROOT_PENDING] = 0;
        return r;
    }
    ai_value line = ai_call(ai_val(&textio_input_fn), NULL, 0, 0);
    if (!line) {
        if (!exc_pending_is(&ai_exc_EOFError)) return AI_ERR;
        exc_clear();
        return str_empty();
    }
    ai_value nl = str_from_ascii("\n", 1);
    return nl ? str_concat(line, nl) : AI_ERR;
}

/* Keep line[n:] for the next read and return line[:n]. */
static ai_value stdin_split_locked(ai_value line, int64_t n) {
    int64_t len = str_obj(line)->len;
    if (n >= len) return line;
    ai_value rest = str_substr(line, n, len);
    if (!rest) return AI_ERR;
    roots[ROOT_PENDING] = rest;
    return str_substr(line, 0, n);
}

/* The optional size argument of read()/readlines(): None or an int. */
static int size_arg(const char *name, const ai_value *args, int64_t nargs, ai_value kwnames,
                    bool none_ok, int64_t *out) {
    *out = -1;
    if (mu_pos_range("TextIOWrapper.read", name, nargs, kwnames, 0, 1) < 0) return -1;
    if (nargs == 0) return 0;
    ai_value v = args[0];
    if (v == AI_NONE && none_ok) return 0;
    if (none_ok && !int_check(v) && !obj_slots(v)->index) {
        ai_raise_fmt(&ai_exc_TypeError, "argument should be integer or None, not '%s'",
                     obj_type_name(v));
        return -1;
    }
    bool fits, err;
    int64_t n = obj_index_i64(v, &fits, &err);
    if (err) return -1;
    if (!fits) {
        ai_raise_fmt(&ai_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = n;
    return 0;
}

static ai_value stdin_check(ai_value self) {
    if (stream_closed(self)) return closed_error();
    if (stream_fd(self) != 0) return unsupported("not readable");
    pthread_once(&roots_once, roots_init);
    return AI_NONE;
}

METHOD(s_readline) {
    int64_t size;
    if (size_arg("readline", args, nargs, kwnames, false, &size) < 0 || !stdin_check(self))
        return AI_ERR;
    pthread_mutex_lock(&stdin_lock);
    ai_value line = stdin_line_locked();
    if (line && size >= 0) line = stdin_split_locked(line, size);
    pthread_mutex_unlock(&stdin_lock);
    return line;
}

METHOD(s_read) {
    int64_t size;
    if (size_arg("read", args, nargs, kwnames, true, &size) < 0 || !stdin_check(self))
        return AI_ERR;
    strbuf b;
    sb_init(&b);
    int64_t have = 0;
    ai_value r = AI_ERR;
    pthread_mutex_lock(&stdin_lock);
    while (size < 0 || have < size) {
        ai_value line = stdin_line_locked();
        if (!line) goto done;
        int64_t len = str_obj(line)->len;
        if (len == 0) break;
        if (size >= 0 && have + len > size) {
            if (!(line = stdin_split_locked(line, size - have))) goto done;
            len = size - have;
        }
        sb_add_str(&b, line);
        have += len;
    }
    r = sb_finish(&b);
    b.p = NULL;
done:
    pthread_mutex_unlock(&stdin_lock);
    if (b.p) sb_free(&b);
    return r;
}

METHOD(s_readlines) {
    int64_t hint;
    if (size_arg("readlines", args, nargs, kwnames, true, &hint) < 0 || !stdin_check(self))
        return AI_ERR;
    ai_value list = list_new(0);
    if (!list) return AI_ERR;
    int64_t total = 0;
    for (;;) {
        pthread_mutex_lock(&stdin_lock);
        ai_value line = stdin_line_locked();
        pthread_mutex_unlock(&stdin_lock);
        if (!line) return AI_ERR;
        int64_t len = str_obj(line)->len;
        if (len == 0) break;
        if (ai_list_append(list, line) < 0) return AI_ERR;
        total += len;
        if (hint > 0 && total >= hint) break;
    }
    return list;
}

static int32_t stream_next(ai_value it, ai_value *out) {
    if (!stdin_check(it)) return -1;
    pthread_mutex_lock(&stdin_lock);
    ai_value line = stdin_line_locked();
    pthread_mutex_unlock(&stdin_lock);
    if (!line) return -1;
    if (str_obj(line)->len == 0) return 0;
    *out = line;
    return 1;
}

/* ---- stream attributes and type ------------------------------------------------------- */

static ai_value g_name(ai_value v) {
    static const char *const names[3] = {"<stdin>", "<stdout>", "<stderr>"};
    return str_from_cstr(names[stream_fd(v)]);
}
static ai_value g_mode(ai_value v) { return str_from_cstr(stream_fd(v) == 0 ? "r" : "w"); }
static ai_value g_encoding(ai_value v) {
    (void)v;
    return str_from_cstr("utf-8");
}
static ai_value g_errors(ai_value v) {
    return str_from_cstr(stream_fd(v) == 2 ? "backslashreplace" : "strict");
}
static ai_value g_closed(ai_value v) { return ai_bool(stream_closed(v)); }

/* close(): flush, then refuse every later operation (print to it too). */
METHOD(s_close) {
    (void)args;
    if (mu_no_args("TextIOWrapper.close", nargs, kwnames) < 0) return AI_ERR;
    if (stream_closed(self)) return AI_NONE;
    int err = stream_fd(self) == 1 ? bi_stdout_flush() : 0;
    atomic_store(&((sys_stream *)ai_obj(self))->closed, 1);
    return err ? exc_raise_errno(err, 0) : AI_NONE;
}
static ai_value g_line_buffering(ai_value v) {
    int fd = stream_fd(v);
    return ai_bool(fd == 2 || (fd == 1 && isatty(1)));
}

static ai_value stream_repr(ai_value v) {
    strbuf b;
    sb_init(&b);
    int fd = stream_fd(v);
    static const char *const names[3] = {"<stdin>", "<stdout>", "<stderr>"};
    sb_printf(&b, "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", names[fd],
              fd == 0 ? "r" : "w");
    return sb_finish(&b);
}

static const ai_method_def stream_methods[] = {
    {"write", s_write, &sys_stream_type, 0},
    {"writelines", s_writelines, &sys_stream_type, 0},
    {"flush", s_flush, &sys_stream_type, 0},
    {"read", s_read, &sys_stream_type, 0},
    {"readline", s_readline, &sys_stream_type, 0},
    {"readlines", s_readlines, &sys_stream_type, 0},
    {"fileno", s_fileno, &sys_stream_type, 0},
    {"isatty", s_isatty, &sys_stream_type, 0},
    {"readable", s_readable, &sys_stream_type, 0},
    {"writable", s_writable, &sys_stream_type, 0},
    {"seekable", s_seekable, &sys_stream_type, 0},
    {"close", s_close, &sys_stream_type, 0},
    {NULL, NULL, NULL, 0},
};

static const ai_getset_def stream_getset[] = {
    {"name", g_name},     {"mode", g_mode},     {"encoding", g_encoding},
    {"errors", g_errors}, {"closed", g_closed}, {"line_buffering", g_line_buffering},
    {NULL, NULL},
};

static const ai_slots stream_slots = {
    .iter = obj_iter_self,
    .next = stream_next,
    .methods = stream_methods,
    .getset = stream_getset,
};

ai_type sys_stream_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "TextIOWrapper",
    .base = &ai_object_type,
    .basicsize = sizeof(sys_stream),
    .repr = stream_repr,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&stream_slots,
};

/* ---- print(..., file=f) ----------------------------------------------------------------- */

/* Call f.write(s); false with the exception pending. */
static bool call_write(ai_value file, ai_value wname, ai_value s) {
    return ai_call_method(file, wname, &s, 1, 0, NULL) != AI_ERR;
}

/* The hook ai_print calls for a file other than None (sep/end already
 * checked to be None or str). CPython writes each piece with file.write;
 * for sys.stdout that is exactly print() without file=, and for sys.stderr
 * the pieces are joined first so a line goes out in one write. */
static ai_value sys_print_to_file(ai_value file, const ai_value *args, int64_t nargs,
                                  ai_value sep, ai_value end, bool flush) {
    if (sep == AI_NONE) sep = 0;
    if (end == AI_NONE) end = 0;
    if (obj_is_type(file, &sys_stream_type)) {
        if (stream_closed(file)) return closed_error();
        int fd = stream_fd(file);
        if (fd == 0) return unsupported("not writable");
        if (fd == 1) return ai_print(args, nargs, sep, end, 0, flush ? AI_TRUE : 0);
        strbuf b;
        sb_init(&b);
        for (int64_t i = 0; i < nargs; i++) {
            if (i > 0) {
                if (sep)
                    sb_add_str(&b, sep);
                else
                    sb_addc(&b, ' ');
            }
            ai_value s = ai_str(args[i]);
            if (!s) {
                sb_free(&b);
                return AI_ERR;
            }
            sb_add_str(&b, s);
        }
        if (end)
            sb_add_str(&b, end);
        else
            sb_addc(&b, '\n');
        ai_value text = sb_finish(&b);
        if (!text) return AI_ERR;
        stderr_put(text);
        return AI_NONE;
    }
    ai_value wname = str_from_ascii("write", 5);
    if (!wname) return AI_ERR;
    for (int64_t i = 0; i < nargs; i++) {
        if (i > 0) {
            ai_value s = sep ? sep : str_from_ascii(" ", 1);
            if (!s || !call_write(file, wname, s)) return AI_ERR;
        }
        ai_value s = ai_str(args[i]);
        if (!s || !call_write(file, wname, s)) return AI_ERR;
    }
    ai_value e = end ? end : str_from_ascii("\n", 1);
    if (!e || !call_write(file, wname, e)) return AI_ERR;
    if (flush) {
        ai_value fname = str_from_ascii("flush", 5);
        if (!fname || !ai_call_method(file, fname, NULL, 0, 0, NULL)) return AI_ERR;
    }
    return AI_NONE;
}

/* Installed at start-up (when this module is linked in, i.e. whenever the
 * program imports a builtin module) so that print(file=f) works before sys
 * is imported; open() in textio.c installs an equivalent generic hook. */
__attribute__((constructor)) static void install_print_hook(void) {
    if (!bi_print_file_hook) bi_print_file_hook = sys_print_to_file;
}

/* ---- functions ----------------------------------------------------------------------- */

#define FUNC(fn) \
    static ai_value fn(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames)

FUNC(sys_exit) {
    (void)callable;
    if (mu_pos_range("sys.exit", "exit", nargs, kwnames, 0, 1) < 0) return AI_ERR;
    ai_value targs = nargs ? ai_tuple_pack(args, 1) : tuple_new(0);
    if (!targs) return AI_ERR;
    ai_value e = exc_new(&ai_exc_SystemExit, targs);
    return e ? exc_set_pending(e) : AI_ERR;
}

FUNC(sys_getrecursionlimit) {
    (void)callable, (void)args;
    if (mu_no_args("sys.getrecursionlimit", nargs, kwnames) < 0) return AI_ERR;
    return ai_int_from_i64(sys_recursion_limit());
}

/* An int argument that must fit a C int (CPython's "i" converter). */
static bool c_int_arg(ai_value v, int64_t *out) {
    bool fits, err;
    int64_t n = obj_index_i64(v, &fits, &err);
    if (err) return false;
    if (!fits || n > INT_MAX || n < INT_MIN) {
        ai_raise_msg(&ai_exc_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = n;
    return true;
}

FUNC(sys_setrecursionlimit) {
    (void)callable;
    if (mu_one_arg("sys.setrecursionlimit", nargs, kwnames) < 0) return AI_ERR;
    int64_t n;
    if (!c_int_arg(args[0], &n)) return AI_ERR;
    if (n < 1)
        return ai_raise_msg(&ai_exc_ValueError, "recursion limit must be greater or equal than 1");
    /* relaxed: a plain setting, read back only by getrecursionlimit. */
    sys_set_recursion_limit(n);
    return AI_NONE;
}

FUNC(sys_intern) {
    (void)callable;
    if (mu_one_arg("sys.intern", nargs, kwnames) < 0) return AI_ERR;
    ai_value s = args[0];
    if (!str_check(s))
        return ai_raise_fmt(&ai_exc_TypeError, "intern() argument must be str, not %s",
                            obj_type_name(s));
    if (!obj_is_type(s, &ai_str_type))
        return ai_raise_msg(&ai_exc_TypeError, "can't intern str subclass");
    pthread_once(&roots_once, roots_init);
    pthread_mutex_lock(&intern_lock);
    ai_value r = AI_ERR, found;
    if (!roots[ROOT_INTERN] && !(roots[ROOT_INTERN] = dict_new())) goto done;
    int32_t got = dict_get(roots[ROOT_INTERN], s, &found);
    if (got < 0) goto done;
    if (got) {
        r = found;
    } else if (dict_set(roots[ROOT_INTERN], s, s) == 0) {
        r = s;
    }
done:
    pthread_mutex_unlock(&intern_lock);
    return r;
}

FUNC(sys_get_int_max_str_digits) {
    (void)callable, (void)args;
    if (mu_no_args("sys.get_int_max_str_digits", nargs, kwnames) < 0) return AI_ERR;
    return ai_int_from_i64(int_max_str_digits);
}

FUNC(sys_set_int_max_str_digits) {
    (void)callable;
    static const char *const names[] = {"maxdigits"};
    static const mu_clinic spec = {"set_int_max_str_digits", names, 0, 1, 0, 1, 0};
    ai_value a[1];
    if (mu_parse(&spec, args, nargs, kwnames, a) < 0) return AI_ERR;
    int64_t n;
    if (!c_int_arg(a[0], &n)) return AI_ERR;
    if (n != 0 && n <= 640)
        return ai_raise_msg(&ai_exc_ValueError, "maxdigits must be 0 or larger than 640");
    int_max_str_digits = n;
    return AI_NONE;
}

FUNC(sys_exc_info) {
    (void)callable, (void)args;
    if (mu_no_args("sys.exc_info", nargs, kwnames) < 0) return AI_ERR;
    ai_value e = exc_task()->handled;
    ai_value items[3] = {AI_NONE, AI_NONE, AI_NONE};
    if (e) {
        items[0] = ai_val(ai_type_of(e));
        items[1] = e;
        ai_value tb = ((ai_exc *)ai_obj(e))->tb;
        if (tb) items[2] = tb;
    }
    return ai_tuple_pack(items, 3);
}

FUNC(sys_exception) {
    (void)callable, (void)args;
    if (mu_no_args("sys.exception", nargs, kwnames) < 0) return AI_ERR;
    ai_value e = exc_task()->handled;
    return e ? e : AI_NONE;
}

FUNC(sys_getdefaultencoding) {
    (void)callable, (void)args;
    if (mu_no_args("sys.getdefaultencoding", nargs, kwnames) < 0) return AI_ERR;
    return str_from_cstr("utf-8");
}

FUNC(sys_getfilesystemencoding) {
    (void)callable, (void)args;
    if (mu_no_args("sys.getfilesystemencoding", nargs, kwnames) < 0) return AI_ERR;
    return str_from_cstr("utf-8");
}

static AI_BUILTIN_FN(bf_exit, "exit", sys_exit);
static AI_BUILTIN_FN(bf_getrecursionlimit, "getrecursionlimit", sys_getrecursionlimit);
static AI_BUILTIN_FN(bf_setrecursionlimit, "setrecursionlimit", sys_setrecursionlimit);
static AI_BUILTIN_FN(bf_intern, "intern", sys_intern);
static AI_BUILTIN_FN(bf_get_int_max_str_digits, "get_int_max_str_digits",
                     sys_get_int_max_str_digits);
static AI_BUILTIN_FN(bf_set_int_max_str_digits, "set_int_max_str_digits",
                     sys_set_int_max_str_digits);
static AI_BUILTIN_FN(bf_exc_info, "exc_info", sys_exc_info);
static AI_BUILTIN_FN(bf_exception, "exception", sys_exception);
static AI_BUILTIN_FN(bf_getdefaultencoding, "getdefaultencoding", sys_getdefaultencoding);
static AI_BUILTIN_FN(bf_getfilesystemencoding, "getfilesystemencoding",
                     sys_getfilesystemencoding);

/* ---- the rest of the common surface ------------------------------------------------ */

static ai_value make_argv(void);
static ai_value cstr(const char *s);

/* getsizeof(obj[, default]): CPython's sizes on 64-bit Linux for the
 * common builtin types (programs print them to explain memory use); an
 * estimate from the object's size for the others. */
static ai_value sys_getsizeof(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_pos_range("getsizeof", "getsizeof", nargs, kwnames, 1, 2) < 0) return AI_ERR;
    ai_value v = args[0];
    int64_t n;
    if (ai_is_smallint(v) || obj_is_type(v, &ai_bool_type)) {
        int64_t x = ai_is_smallint(v) ? ai_smallint_get(v) : (v == AI_TRUE);
        uint64_t ux = x < 0 ? (uint64_t)-x : (uint64_t)x;
        int digits = 0;
        while (ux) {
            digits++;
            ux >>= 30;
        }
        return ai_smallint(24 + 4 * (digits ? digits : 1));
    }
    const ai_type *t = ai_type_of(v);
    if (t == &ai_int_type) return ai_int_from_i64(24 + 4 * ((mu_int_bitlen(v) + 29) / 30));
    if (t == &ai_float_type) return ai_smallint(24);
    if (v == AI_NONE) return ai_smallint(16);
    if (t == &ai_str_type) {
        ai_strobj *s = str_obj(v);
        int64_t base = s->ascii ? 49 : s->kind == 1 ? 73 : s->kind == 2 ? 74 : 76;
        return ai_int_from_i64(base + s->len * s->kind);
    }
    if (t == &ai_bytes_type) return ai_int_from_i64(33 + ((ai_bytes *)ai_obj(v))->len);
    if (t == &ai_tuple_type) return ai_int_from_i64(40 + 8 * tuple_obj(v)->len);
    if (t == &ai_list_type) {
        n = list_obj(v)->len;
        return ai_int_from_i64(56 + 8 * n);
    }
    if (t == &ai_dict_type) {
        n = dict_len(v);
        return ai_int_from_i64(n == 0 ? 64 : n <= 5 ? 184 : n <= 10 ? 352 : n <= 21 ? 632 : 1168 + 16 * (n - 42 > 0 ? n - 42 : 0));
    }
    if (t == &ai_set_type || t == &ai_frozenset_type) {
        n = set_len(v);
        int64_t table = 8;
        while (n * 5 >= (table - 1) * 3) table *= 4;
        return ai_int_from_i64(table == 8 ? 216 : 216 + 16 * table);
    }
    if (t->gc_size) return ai_int_from_i64((int64_t)t->gc_size(ai_obj(v)) + 16);
    return ai_smallint(48);
}
static AI_BUILTIN_FN(bf_getsizeof, "getsizeof", sys_getsizeof);

static ai_value sys_getrefcount(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    (void)args;
    if (mu_one_arg("getrefcount", nargs, kwnames) < 0) return AI_ERR;
    /* No reference counts here: 2 is what CPython says for a fresh object
     * passed as the argument. */
    return ai_smallint(2);
}
static AI_BUILTIN_FN(bf_getrefcount, "getrefcount", sys_getrefcount);

/* settrace/setprofile and friends: accepted, with no effect (compiled
 * code has no trace hooks). */
static ai_value sys_noop(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    (void)args;
    (void)nargs;
    (void)kwnames;
    return AI_NONE;
}
/* settrace(f)/setprofile(f) reached some other way than sys.settrace(f)
 * (which the compiler refuses): an error, rather than silently no trace. */
static ai_value sys_sethook(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("settrace", nargs, kwnames) < 0) return AI_ERR;
    if (args[0] == AI_NONE) return AI_NONE;
    return ai_raise_msg(&ai_exc_NotImplementedError,
                        "sys.settrace() and sys.setprofile() are not supported by Aithon: compiled code has no trace hooks");
}
static AI_BUILTIN_FN(bf_settrace, "settrace", sys_sethook);
static AI_BUILTIN_FN(bf_setprofile, "setprofile", sys_sethook);
static AI_BUILTIN_FN(bf_gettrace, "gettrace", sys_noop);
static AI_BUILTIN_FN(bf_getprofile, "getprofile", sys_noop);
static AI_BUILTIN_FN(bf_setswitchinterval, "setswitchinterval", sys_noop);
static AI_BUILTIN_FN(bf_addaudithook, "addaudithook", sys_noop);
static AI_BUILTIN_FN(bf_audit, "audit", sys_noop);

static ai_value sys_getswitchinterval(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    (void)args;
    if (mu_no_args("getswitchinterval", nargs, kw) < 0) return AI_ERR;
    return ai_float_box(0.005);
}
static AI_BUILTIN_FN(bf_getswitchinterval, "getswitchinterval", sys_getswitchinterval);

static ai_value sys_is_finalizing(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    (void)args;
    if (mu_no_args("is_finalizing", nargs, kw) < 0) return AI_ERR;
    return AI_FALSE;
}
static AI_BUILTIN_FN(bf_is_finalizing, "is_finalizing", sys_is_finalizing);

/* excepthook(type, value, tb): print the exception as the runtime does
 * for an uncaught one. */
static ai_value sys_excepthook(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    if (mu_pos_range("excepthook", "excepthook", nargs, kw, 3, 3) < 0) return AI_ERR;
    bi_stdout_flush();
    if (obj_isinstance(args[1], &ai_exc_BaseException)) exc_print(args[1]);
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_excepthook, "excepthook", sys_excepthook);

static ai_value sys_dict;     /* the module's dict, once made */

/* displayhook(value): print repr(value) unless it is None. */
static ai_value sys_displayhook(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    if (mu_one_arg("displayhook", nargs, kw) < 0) return AI_ERR;
    if (args[0] == AI_NONE) return AI_NONE;
    ai_value r = ai_repr(args[0]);
    if (!r) return AI_ERR;
    return ai_print(&r, 1, 0, 0, 0, 0) ? AI_NONE : AI_ERR;
}
static AI_BUILTIN_FN(bf_displayhook, "displayhook", sys_displayhook);

/* An expression statement of a doctest example (compiler/doctests.c):
 * the value goes through sys.displayhook as a program replaced it. */
ai_value ai_display(ai_value v) {
    ai_value hook = 0;
    if (!sys_dict || dict_get(sys_dict, cstr("displayhook"), &hook) != 1) hook = 0;
    if (!hook || hook == ai_val(&bf_displayhook)) return sys_displayhook(0, &v, 1, 0);
    return ai_call(hook, &v, 1, 0) ? AI_NONE : AI_ERR;
}

static mu_structseq flags_type, hash_info_type, thread_info_type, impl_type;
static const char *const impl_fields[] = {"name", "cache_tag", "version", "hexversion"};
static const char *const flags_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
    "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated",
    "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"};
static const char *const hash_info_fields[] = {"width", "modulus", "inf", "nan", "imag", "algorithm",
                                               "hash_bits", "seed_bits", "cutoff"};
static const char *const thread_info_fields[] = {"name", "lock", "version"};

static int add_more(ai_value m) {
    mu_structseq_init(&flags_type, "sys.flags", flags_fields, 18, 18, false);
    mu_structseq_init(&hash_info_type, "sys.hash_info", hash_info_fields, 9, 9, false);
    mu_structseq_init(&thread_info_type, "sys.thread_info", thread_info_fields, 3, 3, false);
    ai_value fl[18];
    for (int i = 0; i < 18; i++) fl[i] = ai_smallint(0);
    fl[11] = ai_smallint(1);  /* hash_randomization */
    fl[17] = ai_smallint(-1); /* int_max_str_digits: the default */
    ai_value hi[9] = {ai_smallint(64), ai_int_from_i64(2305843009213693951LL), ai_smallint(314159),
                      ai_smallint(0), ai_smallint(1000003), cstr("siphash13"), ai_smallint(64),
                      ai_smallint(128), ai_smallint(0)};
    ai_value ti[3] = {cstr("pthread"), cstr("mutex+cond"), AI_NONE};
    /* sys.implementation: a named tuple here (CPython's is a
     * SimpleNamespace); the fields programs read. */
    mu_structseq_init(&impl_type, "sys.implementation", impl_fields, 4, 4, false);
    ai_value vi;
    if (dict_get(((ai_module_obj *)ai_obj(m))->dict, cstr("version_info"), &vi) != 1) return -1;
    ai_value im[4] = {cstr("aithon"), AI_NONE, vi, ai_smallint(0x030B00F0)};
    static const char *const builtin_names[] = {"_aithon", "_re", "builtins", "posix", "sys", "time"};
    ai_value bn[6];
    for (int i = 0; i < 6; i++) bn[i] = cstr(builtin_names[i]);
    ai_value empty_list = ai_list_new(NULL, 0);
    ai_value orig = make_argv();
    if (!empty_list || !orig) return -1;
    return (mod_add(m, "flags", mu_structseq_new_static(&flags_type, fl)) < 0 ||
            mod_add(m, "hash_info", mu_structseq_new_static(&hash_info_type, hi)) < 0 ||
            mod_add(m, "thread_info", mu_structseq_new_static(&thread_info_type, ti)) < 0 ||
            mod_add(m, "implementation", mu_structseq_new_static(&impl_type, im)) < 0 ||
            mod_add(m, "builtin_module_names", ai_tuple_pack(bn, 6)) < 0 ||
            mod_add(m, "float_repr_style", cstr("short")) < 0 ||
            mod_add(m, "abiflags", cstr("")) < 0 || mod_add(m, "api_version", ai_smallint(1013)) < 0 ||
            mod_add(m, "copyright", cstr("Copyright (c) Aithon contributors.\nPython is Copyright (c) "
                                         "2001-2023 Python Software Foundation.")) < 0 ||
            mod_add(m, "prefix", cstr("/usr/local")) < 0 || mod_add(m, "exec_prefix", cstr("/usr/local")) < 0 ||
            mod_add(m, "base_prefix", cstr("/usr/local")) < 0 ||
            mod_add(m, "base_exec_prefix", cstr("/usr/local")) < 0 ||
            mod_add(m, "platlibdir", cstr("lib")) < 0 || mod_add(m, "pycache_prefix", AI_NONE) < 0 ||
            mod_add(m, "dont_write_bytecode", AI_TRUE) < 0 || mod_add(m, "warnoptions", empty_list) < 0 ||
            mod_add(m, "orig_argv", orig) < 0 || mod_add(m, "meta_path", ai_list_new(NULL, 0)) < 0 ||
            mod_add(m, "path_hooks", ai_list_new(NULL, 0)) < 0 ||
            mod_add(m, "path_importer_cache", dict_new()) < 0 ||
            mod_add(m, "__excepthook__", ai_val(&bf_excepthook)) < 0 ||
            mod_add(m, "__displayhook__", ai_val(&bf_displayhook)) < 0)
               ? -1
               : 0;
}

static ai_builtin_fn *const functions[] = {
    &bf_getsizeof, &bf_getrefcount, &bf_settrace, &bf_setprofile, &bf_gettrace, &bf_getprofile,
    &bf_setswitchinterval, &bf_getswitchinterval, &bf_addaudithook, &bf_audit, &bf_is_finalizing,
    &bf_excepthook, &bf_displayhook,
    &bf_exit,         &bf_getrecursionlimit, &bf_setrecursionlimit,   &bf_intern,
    &bf_get_int_max_str_digits, &bf_set_int_max_str_digits, &bf_exc_info, &bf_exception,
    &bf_getdefaultencoding, &bf_getfilesystemencoding,
};

/* ---- module init -------------------------------------------------------------------------- */

static mu_structseq version_info_type, float_info_type, int_info_type;

static const char *const version_info_fields[] = {"major", "minor", "micro", "releaselevel",
                                                  "serial"};
static const char *const float_info_fields[] = {
    "max", "max_exp", "max_10_exp", "min",     "min_exp", "min_10_exp",
    "dig", "mant_dig", "epsilon",   "radix",   "rounds"};
static const char *const int_info_fields[] = {"bits_per_digit", "sizeof_digit",
                                              "default_max_str_digits",
                                              "str_digits_check_threshold"};

static sys_stream stdin_obj = {{(uintptr_t)&sys_stream_type}, 0, 0};
static sys_stream stdout_obj = {{(uintptr_t)&sys_stream_type}, 1, 0};
static sys_stream stderr_obj = {{(uintptr_t)&sys_stream_type}, 2, 0};

static ai_value make_argv(void) {
    ai_value list = list_new(rt_argc > 0 ? rt_argc : 0);
    if (!list) return AI_ERR;
    for (int i = 0; i < rt_argc; i++) {
        const char *a = rt_argv[i];
        /* surrogateescape, as CPython decodes arguments that are not UTF-8 */
        ai_value s = text_decode((const unsigned char *)a, (int64_t)strlen(a), NULL,
                                 "surrogateescape");
        if (!s || ai_list_append(list, s) < 0) return AI_ERR;
    }
    return list;
}

static ai_value make_executable(void) {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return str_empty();
    return str_from_utf8(buf, n);
}

static ai_value cstr(const char *s) { return ai_const_str(s, (int64_t)strlen(s)); }

/* sys.path: [the executable's directory], where CPython has the script's.
 * Imports were resolved when the program was compiled, so changing the
 * list changes nothing; it exists for the programs that extend it. */
static ai_value make_path(void) {
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    while (n > 1 && buf[n - 1] != '/') n--;
    if (n > 1) n--;     /* drop the slash, keep "/" for the root */
    ai_value dir = n > 0 ? str_from_utf8(buf, n) : str_empty();
    return dir ? ai_list_new(&dir, 1) : AI_ERR;
}

/* The sys module's dict (immortal): where sys.stdout is looked up. */

static ai_value stdout_redirect(void) {
    static ai_value key;
    if (!key) key = ai_const_str("stdout", 6);
    ai_value v;
    if (dict_get(sys_dict, key, &v) != 1) return 0;
    /* a closed stdout goes the file way, which refuses it */
    if (v == ai_val(&stdout_obj) && !stream_closed(v)) return 0;
    return v;
}

static int init(ai_value m) {
    bi_print_file_hook = sys_print_to_file;
    mu_structseq_init(&version_info_type, "sys.version_info", version_info_fields, 5, 5, false);
    mu_structseq_init(&float_info_type, "sys.float_info", float_info_fields, 11, 11, false);
    mu_structseq_init(&int_info_type, "sys.int_info", int_info_fields, 4, 4, false);

    ai_value vi[5] = {ai_smallint(3), ai_smallint(11), ai_smallint(0), cstr("final"),
                      ai_smallint(0)};
    ai_value fi[11] = {ai_const_float(DBL_MAX),      ai_smallint(DBL_MAX_EXP),
                       ai_smallint(DBL_MAX_10_EXP),  ai_const_float(DBL_MIN),
                       ai_smallint(DBL_MIN_EXP),     ai_smallint(DBL_MIN_10_EXP),
                       ai_smallint(DBL_DIG),         ai_smallint(DBL_MANT_DIG),
                       ai_const_float(DBL_EPSILON),  ai_smallint(FLT_RADIX),
                       ai_smallint(1)};
    /* CPython's values: they describe int semantics programs rely on (the
     * str-conversion digit limits), not our limb size. */
    ai_value ii[4] = {ai_smallint(30), ai_smallint(4), ai_smallint(4300), ai_smallint(640)};
    for (int i = 0; i < 11; i++)
        if (!fi[i] || (i < 5 && !vi[i])) return -1;

    if (mod_add(m, "argv", make_argv()) < 0 || mod_add(m, "executable", make_executable()) < 0 ||
        mod_add(m, "maxsize", ai_int_from_i64(INT64_MAX)) < 0 ||
        mod_add(m, "maxunicode", ai_smallint(0x10FFFF)) < 0 ||
        mod_add(m, "byteorder", cstr(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "little" : "big")) < 0 ||
        mod_add(m, "platform", cstr("linux")) < 0 ||
        mod_add(m, "version", cstr("3.11.0 (Aithon " AITHON_VERSION ") " CC_TEXT)) < 0 ||
        mod_add(m, "hexversion", ai_smallint(0x030B00F0)) < 0 ||
        mod_add(m, "version_info", mu_structseq_new_static(&version_info_type, vi)) < 0 ||
        mod_add(m, "float_info", mu_structseq_new_static(&float_info_type, fi)) < 0 ||
        mod_add(m, "int_info", mu_structseq_new_static(&int_info_type, ii)) < 0 ||
        mod_add(m, "stdin", ai_val(&stdin_obj)) < 0 || mod_add(m, "stdout", ai_val(&stdout_obj)) < 0 ||
        mod_add(m, "stderr", ai_val(&stderr_obj)) < 0 || mod_add(m, "modules", mod_sys_modules()) < 0 ||
        mod_add(m, "path", make_path()) < 0 ||
        mod_add(m, "__stdin__", ai_val(&stdin_obj)) < 0 ||
        mod_add(m, "__stdout__", ai_val(&stdout_obj)) < 0 ||
        mod_add(m, "__stderr__", ai_val(&stderr_obj)) < 0)
        return -1;
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        if (mod_add_fn(m, functions[i]) < 0) return -1;
    sys_dict = ((ai_module_obj *)ai_obj(m))->dict;
    bi_stdout_redirect_hook = stdout_redirect;
    return add_more(m);
}

const mod_def mod_sys = {"sys", init};
