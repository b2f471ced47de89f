/*
 * objects/textio.c — files and console input: open() and input(), the
 * file objects (TextIOWrapper; BufferedReader/Writer/Random for binary)
 * and print(file=...).
 *
 * A file object points at an `fcore` (malloc'd: fd, buffers, codec) and
 * holds no heap values there, so a moving collector has nothing to fix
 * up; open cores are listed for an atexit flush, as CPython flushes
 * unclosed files at exit. Text goes through strmethods.c's codecs (utf-8
 * by default; no locale). Text reads apply universal newlines unless
 * newline= says otherwise; writes translate '\n' for newline='\r'/'\r\n'.
 *
 * Invariants: core == NULL exactly when the file is closed; a core holds
 * unread input or unwritten output, never both (switching direction
 * flushes, or seeks back over what was read ahead).
 * Not handled: buffering=, opener=, `newlines`, tell() cookies (tell() is
 * a byte offset; decode error positions count translated bytes), sys.stdin
 * (input() reads fd 0 itself), io.UnsupportedOperation being a ValueError.
 */
#include "gc/gc.h"
#include "objects/text.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- the core --------------------------------------------------------------- */

enum { NL_UNIVERSAL, NL_NONE, NL_LF, NL_CR, NL_CRLF };

typedef struct fcore {
    int fd;
    bool readable, writable, binary, closefd, eof;
    bool skip_lf;   /* universal newlines: the last byte read was a '\r' */
    bool utf8;      /* the codec is utf-8 (characters span several bytes) */
    int newline;    /* NL_* */
    char *encoding; /* NULL: utf-8 */
    char *errors;   /* NULL: strict */
    unsigned char *rbuf;
    size_t rpos, rlen, rcap;
    unsigned char *wbuf;
    size_t wlen;
    struct fcore *prev, *next; /* open cores, for the flush at exit */
} fcore;

#define WBUF_SIZE ((size_t)64 << 10)
#define RCHUNK ((size_t)64 << 10)

static pthread_mutex_t cores_lock = PTHREAD_MUTEX_INITIALIZER;
static fcore *cores;
static bool atexit_done;

static int write_all(int fd, const unsigned char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int core_flush(fcore *c) {
    if (!c->wlen) return 0;
    int r = write_all(c->fd, c->wbuf, c->wlen);
    c->wlen = 0;
    return r;
}

static void flush_all_at_exit(void) {
    pthread_mutex_lock(&cores_lock);
    for (fcore *c = cores; c; c = c->next) core_flush(c);
    pthread_mutex_unlock(&cores_lock);
}

static void core_link(fcore *c) {
    pthread_mutex_lock(&cores_lock);
    if (!atexit_done) {
        atexit(flush_all_at_exit);
        atexit_done = true;
    }
    c->next = cores;
    if (cores) cores->prev = c;
    cores = c;
    pthread_mutex_unlock(&cores_lock);
}

static void core_free(fcore *c) {
    pthread_mutex_lock(&cores_lock);
    if (c->prev)
        c->prev->next = c->next;
    else if (cores == c)
        cores = c->next;
    if (c->next) c->next->prev = c->prev;
    pthread_mutex_unlock(&cores_lock);
    free(c->rbuf);
    free(c->wbuf);
    free(c->encoding);
    free(c->errors);
    free(c);
}

static ai_value raise_errno(int err, ai_value filename) { return exc_raise_oserror(err, filename, 0); }

/* io.UnsupportedOperation: an OSError subclass made from OSError's type
 * the first time it is needed (exception types' slots are exc.c's). */
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

/* Read more raw bytes into the buffer (translating newlines in universal
 * text mode). Returns bytes added, 0 at end of file, -1 on error. */
static int64_t core_fill(fcore *c, ai_value name) {
    if (c->eof) return 0;
    if (c->rpos > 0 && c->rpos == c->rlen) c->rpos = c->rlen = 0;
    if (c->rcap - c->rlen < RCHUNK) {
        if (c->rpos > 0) {
            memmove(c->rbuf, c->rbuf + c->rpos, c->rlen - c->rpos);
            c->rlen -= c->rpos;
            c->rpos = 0;
        }
        if (c->rcap - c->rlen < RCHUNK) {
            size_t cap = c->rcap ? c->rcap * 2 : RCHUNK;
            while (cap - c->rlen < RCHUNK) cap *= 2;
            unsigned char *n = realloc(c->rbuf, cap);
            if (!n) {
                exc_nomem();
                return -1;
            }
            c->rbuf = n;
            c->rcap = cap;
        }
    }
    ssize_t got;
    /* Waiting on standard input, the main task also wakes for Ctrl-C. */
    if (c->fd == 0 && rt_wait_readable(0) < 0) return -1;
    do {
        got = read(c->fd, c->rbuf + c->rlen, RCHUNK);
        if (got < 0 && errno == EINTR && rt_check_interrupt() < 0) return -1;
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
        raise_errno(errno, name);
        return -1;
    }
    if (got == 0) {
        c->eof = true;
        return 0;
    }
    if (!c->binary && c->newline == NL_UNIVERSAL) {
        unsigned char *p = c->rbuf + c->rlen;
        size_t w = 0;
        for (ssize_t i = 0; i < got; i++) {
            unsigned char ch = p[i];
            if (c->skip_lf) {
                c->skip_lf = false;
                if (ch == '\n') continue;
            }
            if (ch == '\r') {
                ch = '\n';
                c->skip_lf = true;
            }
            p[w++] = ch;
        }
        got = (ssize_t)w;
    }
    c->rlen += (size_t)got;
    return got;
}

/* ---- the file object --------------------------------------------------------------- */

typedef struct ai_file {
    ai_object ob;
    fcore *core;    /* NULL once closed */
    ai_value name;  /* as given to open() */
    ai_value mode;  /* str */
    ai_value encoding; /* str as given (default 'UTF-8'), text files only */
    ai_value errors;   /* str (default 'strict'), text files only */
    int64_t kind;   /* 't' text, 'r' reader, 'w' writer, '+' random */
} ai_file;

static void file_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_file *f = (ai_file *)o;
    visit(&f->name, ctx);
    visit(&f->mode, ctx);
    visit(&f->encoding, ctx);
    visit(&f->errors, ctx);
}

extern ai_type textio_text_type, textio_reader_type, textio_writer_type, textio_random_type;

static ai_file *file_obj(ai_value v) { return (ai_file *)ai_obj(v); }

static fcore *open_core(ai_value self, const char *closed_msg) {
    fcore *c = file_obj(self)->core;
    if (!c) ai_raise_msg(&ai_exc_ValueError, closed_msg ? closed_msg : "I/O operation on closed file.");
    return c;
}

static const char *closed_text(ai_value self, const char *binary_msg) {
    return file_obj(self)->kind == 't' ? "I/O operation on closed file." : binary_msg;
}

/* Before reading: push out pending output. Before writing: give back
 * unread input (seek back over it) so the file position is right. */
static int to_reading(fcore *c) { return core_flush(c); }
static void to_writing(fcore *c) {
    if (c->rlen > c->rpos) lseek(c->fd, -(off_t)(c->rlen - c->rpos), SEEK_CUR);
    c->rpos = c->rlen = 0;
    c->eof = false;
}

static ai_value decode_chunk(fcore *c, const unsigned char *p, size_t n) {
    if (c->binary) return bytes_from((const char *)p, (int64_t)n, false);
    return text_decode(p, (int64_t)n, c->encoding, c->errors);
}

/* Length of the first line buffered (terminator included), or 0 when
 * none is complete yet (a '\r' at the end may still become "\r\n"). */
static size_t find_eol(fcore *c) {
    const unsigned char *p = c->rbuf + c->rpos;
    size_t avail = c->rlen - c->rpos;
    int nl = c->binary ? NL_LF : c->newline;
    for (size_t i = 0; i < avail; i++) {
        unsigned char ch = p[i];
        switch (nl) {
        case NL_UNIVERSAL:
        case NL_LF:
            if (ch == '\n') return i + 1;
            break;
        case NL_CR:
            if (ch == '\r') return i + 1;
            break;
        case NL_CRLF:
            if (ch == '\r' && i + 1 < avail && p[i + 1] == '\n') return i + 2;
            break;
        default: /* NL_NONE: any of \r, \n, \r\n ends a line, untranslated */
            if (ch == '\n') return i + 1;
            if (ch == '\r') {
                if (i + 1 < avail) return p[i + 1] == '\n' ? i + 2 : i + 1;
                return c->eof ? i + 1 : 0;
            }
            break;
        }
    }
    return 0;
}

/* Bytes holding the first `chars` characters buffered; SIZE_MAX when
 * fewer are buffered and more may come. */
static size_t chars_to_bytes(fcore *c, size_t chars) {
    size_t avail = c->rlen - c->rpos;
    if (!c->utf8 || c->binary) {
        if (chars <= avail) return chars;
        return c->eof ? avail : SIZE_MAX;
    }
    const unsigned char *p = c->rbuf + c->rpos;
    size_t seen = 0;
    for (size_t i = 0; i < avail; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            if (seen == chars) return i;
            seen++;
        }
    }
    return c->eof ? avail : SIZE_MAX;
}

static ai_value read_line(ai_value self, fcore *c, int64_t limit) {
    if (!c->readable) return unsupported("not readable");
    if (to_reading(c) < 0) return raise_errno(errno, 0);
    for (;;) {
        size_t n = find_eol(c);
        if (limit >= 0) {
            size_t lb = chars_to_bytes(c, (size_t)limit);
            if (lb != SIZE_MAX && (n == 0 || lb < n)) n = lb;
        }
        if (n || c->eof) {
            if (!n) n = c->rlen - c->rpos;
            ai_value r = decode_chunk(c, c->rbuf + c->rpos, n);
            if (r) c->rpos += n;
            return r;
        }
        if (core_fill(c, file_obj(self)->name) < 0) return AI_ERR;
    }
}

#define METHOD(fn) \
    static ai_value fn(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames)

static argspec fspec(ai_value self, const char *name, int style, int mn, int mx) {
    argspec a = {name, obj_type_name(self), style, mn, mx, NULL};
    return a;
}

/* An optional size argument: None or absent is -1. */
static int size_arg(ai_value v, int64_t *out) {
    *out = -1;
    if (!v || v == AI_NONE) return 0;
    return text_ssize_arg(v, out);
}

METHOD(m_read) {
    argspec sp = fspec(self, "read", ARGS_POS, 0, 1);
    ai_value a[1];
    int64_t size;
    if (text_args(&sp, args, nargs, kwnames, a) < 0 || size_arg(a[0], &size) < 0) return AI_ERR;
    fcore *c = open_core(self, closed_text(self, "read of closed file"));
    if (!c) return AI_ERR;
    if (!c->readable) return unsupported("not readable");
    if (to_reading(c) < 0) return raise_errno(errno, 0);
    if (size < 0) {
        while (!c->eof)
            if (core_fill(c, file_obj(self)->name) < 0) return AI_ERR;
        ai_value r = decode_chunk(c, c->rbuf + c->rpos, c->rlen - c->rpos);
        if (r) c->rpos = c->rlen;
        return r;
    }
    for (;;) {
        size_t n = chars_to_bytes(c, (size_t)size);
        if (n != SIZE_MAX && (n <= c->rlen - c->rpos)) {
            ai_value r = decode_chunk(c, c->rbuf + c->rpos, n);
            if (r) c->rpos += n;
            return r;
        }
        if (c->eof) {
            ai_value r = decode_chunk(c, c->rbuf + c->rpos, c->rlen - c->rpos);
            if (r) c->rpos = c->rlen;
            return r;
        }
        if (core_fill(c, file_obj(self)->name) < 0) return AI_ERR;
    }
}

METHOD(m_readline) {
    argspec sp = fspec(self, "readline", ARGS_POS, 0, 1);
    ai_value a[1];
    int64_t size;
    if (text_args(&sp, args, nargs, kwnames, a) < 0 || size_arg(a[0], &size) < 0) return AI_ERR;
    fcore *c = open_core(self, closed_text(self, "readline of closed file"));
    return c ? read_line(self, c, size) : AI_ERR;
}

METHOD(m_readlines) {
    argspec sp = fspec(self, "readlines", ARGS_POS, 0, 1);
    ai_value a[1];
    int64_t hint;
    if (text_args(&sp, args, nargs, kwnames, a) < 0 || size_arg(a[0], &hint) < 0) return AI_ERR;
    fcore *c = open_core(self, NULL);
    if (!c) return AI_ERR;
    ai_value out = ai_list_new(NULL, 0);
    if (!out) return AI_ERR;
    int64_t total = 0;
    for (;;) {
        ai_value line = read_line(self, c, -1);
        if (!line) return AI_ERR;
        if (ai_truthy(line) == 0) break;
        if (ai_list_append(out, line) < 0) return AI_ERR;
        int64_t len = 0;
        if (c->binary)
            bytes_buffer(line, &len);
        else
            len = str_obj(line)->len;
        total += len;
        if (hint > 0 && total >= hint) break;
    }
    return out;
}

static int64_t write_value(ai_value self, fcore *c, ai_value v) {
    if (!c->writable) {
        unsupported(c->binary ? "write" : "not writable");
        return -1;
    }
    const unsigned char *p;
    int64_t n, count;
    if (c->binary) {
        if (!(p = bytes_buffer(v, &n))) {
            ai_raise_fmt(&ai_exc_TypeError, "a bytes-like object is required, not '%s'",
                         obj_type_name(v));
            return -1;
        }
        count = n;
    } else {
        if (!str_check(v)) {
            ai_raise_fmt(&ai_exc_TypeError, "write() argument must be str, not %s",
                         obj_type_name(v));
            return -1;
        }
        count = str_obj(v)->len;
        ai_value s = v;
        if ((c->newline == NL_CR || c->newline == NL_CRLF) && count) {
            ubuf u;
            ub_init(&u);
            for (int64_t i = 0; i < count; i++) {
                uint32_t ch = str_char(str_obj(v), i);
                if (ch == '\n')
                    ub_adds(&u, c->newline == NL_CR ? "\r" : "\r\n");
                else
                    ub_addc(&u, ch);
            }
            if (!(s = ub_finish(&u))) return -1;
        }
        ai_value b = text_encode(s, c->encoding, c->errors);
        if (!b) return -1;
        p = bytes_buffer(b, &n);
    }
    (void)self;
    to_writing(c);
    if (c->wlen + (size_t)n > WBUF_SIZE && core_flush(c) < 0) {
        raise_errno(errno, 0);
        return -1;
    }
    if ((size_t)n >= WBUF_SIZE) {
        if (write_all(c->fd, p, (size_t)n) < 0) {
            raise_errno(errno, 0);
            return -1;
        }
        return count;
    }
    if (!c->wbuf && !(c->wbuf = malloc(WBUF_SIZE))) {
        exc_nomem();
        return -1;
    }
    memcpy(c->wbuf + c->wlen, p, (size_t)n);
    c->wlen += (size_t)n;
    return count;
}

METHOD(m_write) {
    argspec sp = fspec(self, "write", ARGS_ONE, 1, 1);
    ai_value a[1];
    if (text_args(&sp, args, nargs, kwnames, a) < 0) return AI_ERR;
    fcore *c = open_core(self, closed_text(self, "write to closed file"));
    if (!c) return AI_ERR;
    int64_t n = write_value(self, c, a[0]);
    return n < 0 ? AI_ERR : ai_int_from_i64(n);
}

METHOD(m_writelines) {
    argspec sp = fspec(self, "writelines", ARGS_ONE, 1, 1);
    ai_value a[1];
    if (text_args(&sp, args, nargs, kwnames, a) < 0) return AI_ERR;
    fcore *c = open_core(self, NULL);
    if (!c) return AI_ERR;
    ai_value it = ai_iter(a[0]), x;
    if (!it) return AI_ERR;
    int32_t st;
    while ((st = ai_for_next(it, &x)) == 1) {
        if (!(c = open_core(self, NULL)) || write_value(self, c, x) < 0) return AI_ERR;
    }
    return st < 0 ? AI_ERR : AI_NONE;
}

/* The collector found an unclosed file unreachable: flush and close it,
 * as CPython does when a file object is deallocated (gc/gc.h rules for
 * finalizers: no allocation, no exception). */
static void file_finalize(ai_object *o) {
    ai_file *f = (ai_file *)o;
    fcore *c = f->core;
    if (!c) return;
    f->core = NULL;
    core_flush(c);
    if (c->closefd) close(c->fd);
    core_free(c);
}

static ai_value file_close(ai_value self) {
    ai_file *f = file_obj(self);
    fcore *c = f->core;
    if (!c) return AI_NONE;
    f->core = NULL;
    int err = core_flush(c) < 0 ? errno : 0;
    if (c->closefd && close(c->fd) < 0 && !err) err = errno;
    core_free(c);
    return err ? raise_errno(err, 0) : AI_NONE;
}

METHOD(m_close) {
    argspec sp = fspec(self, "close", ARGS_NONE, 0, 0);
    if (text_args(&sp, args, nargs, kwnames, NULL) < 0) return AI_ERR;
    return file_close(self);
}

METHOD(m_flush) {
    argspec sp = fspec(self, "flush", ARGS_NONE, 0, 0);
    if (text_args(&sp, args, nargs, kwnames, NULL) < 0) return AI_ERR;
    fcore *c = open_core(self, NULL);
    if (!c) return AI_ERR;
    return core_flush(c) < 0 ? raise_errno(errno, 0) : AI_NONE;
}

METHOD(m_enter) {
    argspec sp = fspec(self, "__enter__", ARGS_NONE, 0, 0);
    if (text_args(&sp, args, nargs, kwnames, NULL) < 0 || !open_core(self, NULL)) return AI_ERR;
    return self;
}

METHOD(m_exit) {
    (void)args;
    (void)nargs;
    if (call_no_kwargs("__exit__", kwnames) < 0) return AI_ERR;
    ai_value r = file_close(self);
    return r ? AI_NONE : AI_ERR;
}

METHOD(m_fileno) {
    argspec sp = fspec(self, "fileno", ARGS_NONE, 0, 0);
    if (text_args(&sp, args, nargs, kwnames, NULL) < 0) return AI_ERR;
    fcore *c = open_core(self, "I/O operation on closed file");
    return c ? ai_smallint(c->fd) : AI_ERR;
}

METHOD(m_tell) {
    argspec sp = fspec(self, "tell", ARGS_NONE, 0, 0);
    if (text_args(&sp, args, nargs, kwnames, NULL) < 0) return AI_ERR;
    fcore *c = open_core(self, NULL);
    if (!c) return AI_ERR;
    if (core_flush(c) < 0) return raise_errno(errno, 0);
    off_t pos = lseek(c->fd, 0, SEEK_CUR);
    if (pos < 0) return raise_errno(errno, 0);
    return ai_int_from_i64((int64_t)pos - (int64_t)(c->rlen - c->rpos));
}

METHOD(m_seek) {
    argspec sp = fspec(self, "seek", ARGS_POS, 1, 2);
    ai_value a[2];
    int64_t off, whence = 0;
    if (text_args(&sp, args, nargs, kwnames, a) < 0 || text_ssize_arg(a[0], &off) < 0 ||
        (a[1] && text_ssize_arg(a[1], &whence) < 0))
        return AI_ERR;
    fcore *c = open_core(self, NULL);
    if (!c) return AI_ERR;
    if (core_flush(c) < 0) return raise_errno(errno, 0);
    if (whence == SEEK_CUR) off -= (int64_t)(c->rlen - c->rpos);
    c->rpos = c->rlen = 0;
    c->eof = c->skip_lf = false;
    off_t pos = lseek(c->fd, (off_t)off, (int)whence);
    if (pos < 0) return raise_errno(errno, 0);
    return ai_int_from_i64((int64_t)pos);
}

#define FLAG_METHOD(fn, nm, expr)                                      \
    METHOD(fn) {                                                       \
        argspec sp = fspec(self, nm, ARGS_NONE, 0, 0);                 \
        if (text_args(&sp, args, nargs, kwnames, NULL) < 0) return AI_ERR; \
        fcore *c = open_core(self, NULL);                              \
        return c ? ai_bool(expr) : AI_ERR;                             \
    }
FLAG_METHOD(m_readable, "readable", c->readable)
FLAG_METHOD(m_writable, "writable", c->writable)
FLAG_METHOD(m_seekable, "seekable", lseek(c->fd, 0, SEEK_CUR) >= 0)
FLAG_METHOD(m_isatty, "isatty", isatty(c->fd))

static ai_value g_closed(ai_value self) { return ai_bool(file_obj(self)->core == NULL); }
static ai_value g_name(ai_value self) { return file_obj(self)->name; }
static ai_value g_mode(ai_value self) { return file_obj(self)->mode; }
static ai_value g_encoding(ai_value self) { return file_obj(self)->encoding; }
static ai_value g_errors(ai_value self) { return file_obj(self)->errors; }

static int32_t file_next(ai_value it, ai_value *out) {
    fcore *c = open_core(it, closed_text(it, "readline of closed file"));
    if (!c) return -1;
    ai_value line = read_line(it, c, -1);
    if (!line) return -1;
    if (ai_truthy(line) == 0) return 0;
    *out = line;
    return 1;
}

static ai_value file_iter(ai_value v) { return open_core(v, NULL) ? v : AI_ERR; }

static ai_value file_repr(ai_value v) {
    ai_file *f = file_obj(v);
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "<_io.%s", obj_type_name(v));
    if (f->name) {
        ai_value r = ai_repr(f->name);
        if (!r) {
            sb_free(&b);
            return AI_ERR;
        }
        sb_adds(&b, " name=");
        sb_add_str(&b, r);
    }
    if (f->kind == 't') {
        ai_value r = ai_repr(f->mode);
        if (!r) {
            sb_free(&b);
            return AI_ERR;
        }
        sb_adds(&b, " mode=");
        sb_add_str(&b, r);
        ai_value e = ai_repr(f->encoding);
        if (!e) {
            sb_free(&b);
            return AI_ERR;
        }
        sb_adds(&b, " encoding=");
        sb_add_str(&b, e);
    }
    sb_addc(&b, '>');
    return sb_finish(&b);
}

/* ---- open() ------------------------------------------------------------------------ */

static ai_value print_to_file(ai_value file, const ai_value *args, int64_t nargs, ai_value sep,
                              ai_value end, bool flush);

/* Optional str-or-None arguments of open(). */
static int str_or_none(ai_value v, const char *what, const char **out) {
    *out = NULL;
    if (!v || v == AI_NONE) return 0;
    if (!str_check(v)) {
        ai_raise_fmt(&ai_exc_TypeError, "open() argument '%s' must be str or None, not %s", what,
                     obj_type_name(v));
        return -1;
    }
    *out = str_utf8(v, NULL);
    return *out ? 0 : -1;
}

static ai_value bi_open(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const kws[] = {"file", "mode", "buffering", "encoding",
                                      "errors", "newline", "closefd", "opener"};
    static const argspec spec = {"open", "", ARGS_KW, 1, 8, kws};
    ai_value a[8];
    if (text_args(&spec, args, nargs, kwnames, a) < 0) return AI_ERR;
    ai_value file = a[0];
    const char *mode = "r";
    if (a[1]) {
        if (!str_check(a[1]))
            return ai_raise_fmt(&ai_exc_TypeError, "open() argument 'mode' must be str, not %s",
                                obj_type_name(a[1]));
        if (!(mode = str_utf8(a[1], NULL))) return AI_ERR;
    }
    int64_t buffering = -1;
    if (a[2] && text_ssize_arg(a[2], &buffering) < 0) return AI_ERR;
    const char *enc, *errs, *nl;
    if (str_or_none(a[3], "encoding", &enc) < 0 || str_or_none(a[4], "errors", &errs) < 0 ||
        str_or_none(a[5], "newline", &nl) < 0)
        return AI_ERR;
    int closefd = 1;
    if (a[6] && (closefd = ai_truthy(a[6])) < 0) return AI_ERR;
    if (a[7] && a[7] != AI_NONE)
        return ai_raise_msg(&ai_exc_NotImplementedError, "open(opener=...) is not supported");

    /* The mode string. */
    bool r = false, w = false, x = false, ap = false, plus = false, t = false, b = false;
    for (const char *p = mode; *p; p++) {
        bool *flag = *p == 'r' ? &r : *p == 'w' ? &w : *p == 'x' ? &x : *p == 'a' ? &ap
                   : *p == '+' ? &plus : *p == 't' ? &t : *p == 'b' ? &b : NULL;
        if (!flag || *flag) return ai_raise_fmt(&ai_exc_ValueError, "invalid mode: '%s'", mode);
        *flag = true;
    }
    if (t && b) return ai_raise_msg(&ai_exc_ValueError, "can't have text and binary mode at once");
    int nmodes = r + w + x + ap;
    if (nmodes > 1)
        return ai_raise_msg(&ai_exc_ValueError,
                            "must have exactly one of create/read/write/append mode");
    if (nmodes == 0)
        return ai_raise_msg(&ai_exc_ValueError, "Must have exactly one of create/read/write/append "
                                                "mode and at most one plus");
    if (b && enc)
        return ai_raise_msg(&ai_exc_ValueError, "binary mode doesn't take an encoding argument");
    if (b && errs)
        return ai_raise_msg(&ai_exc_ValueError, "binary mode doesn't take an errors argument");
    if (b && nl)
        return ai_raise_msg(&ai_exc_ValueError, "binary mode doesn't take a newline argument");
    int newline = NL_UNIVERSAL;
    if (nl) {
        if (!*nl)
            newline = NL_NONE;
        else if (!strcmp(nl, "\n"))
            newline = NL_LF;
        else if (!strcmp(nl, "\r"))
            newline = NL_CR;
        else if (!strcmp(nl, "\r\n"))
            newline = NL_CRLF;
        else
            return ai_raise_fmt(&ai_exc_ValueError, "illegal newline value: %s", nl);
    }
    if (enc && text_codec_id(enc) < 0)
        return ai_raise_fmt(&ai_exc_LookupError, "unknown encoding: %s", enc);

    /* The file itself: a path (str or bytes) or a descriptor. */
    int fd;
    ai_value name = file;
    if (int_check(file)) {
        int64_t n;
        if (!int_to_i64(int_unbool(file), &n) || n < 0 || n > INT32_MAX)
            return ai_raise_msg(&ai_exc_ValueError, "negative file descriptor");
        fd = (int)n;
    } else {
        if (!closefd)
            return ai_raise_msg(&ai_exc_ValueError, "Cannot use closefd=False with file name");
        const char *path;
        int64_t plen;
        if (!str_check(file) && !bytes_check(file)) {
            /* os.PathLike (pathlib.Path …): its __fspath__(), which is
             * also the file's name. */
            ai_value fsp = cls_special_method(file, "__fspath__");
            if (fsp) {
                ai_value r = ai_call(fsp, NULL, 0, 0);
                if (!r) return AI_ERR;
                if (!str_check(r) && !bytes_check(r))
                    return ai_raise_fmt(&ai_exc_TypeError,
                                        "expected %s.__fspath__() to return str or bytes, not %s",
                                        obj_type_name(file), obj_type_name(r));
                file = name = r;
            }
        }
        if (str_check(file)) {
            path = str_utf8_strict(file, &plen);
        } else if (bytes_check(file)) {
            path = (const char *)bytes_buffer(file, &plen);
        } else {
            return ai_raise_fmt(&ai_exc_TypeError,
                                "expected str, bytes or os.PathLike object, not %s",
                                obj_type_name(file));
        }
        if (!path) return AI_ERR;
        if ((int64_t)strlen(path) != plen)
            return ai_raise_msg(&ai_exc_ValueError, "embedded null byte");
        int flags = O_CLOEXEC | (plus ? O_RDWR : r ? O_RDONLY : O_WRONLY);
        if (w) flags |= O_CREAT | O_TRUNC;
        if (x) flags |= O_CREAT | O_EXCL;
        if (ap) flags |= O_CREAT | O_APPEND;
        do {
            fd = open(path, flags, 0666);
        } while (fd < 0 && errno == EINTR);
        if (fd < 0) return raise_errno(errno, file);
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            return raise_errno(EISDIR, file);
        }
    }

    int kind = !b ? 't' : plus ? '+' : r ? 'r' : 'w';
    ai_type *type = kind == 't' ? &textio_text_type : kind == '+' ? &textio_random_type
                    : kind == 'r' ? &textio_reader_type : &textio_writer_type;
    ai_value mode_v;
    if (b) {
        /* Binary files report the raw file's normalised mode. */
        char m[4] = {0};
        int k = 0;
        if (x)
            m[k++] = 'x';
        else if (ap)
            m[k++] = 'a';
        else if (r || plus)
            m[k++] = 'r';
        else
            m[k++] = 'w';
        m[k++] = 'b';
        if (plus) m[k++] = '+';
        mode_v = str_from_ascii(m, k);
    } else {
        mode_v = a[1] ? a[1] : str_from_ascii("r", 1);
    }
    ai_file *f = mode_v ? ai_alloc(type, sizeof(ai_file)) : NULL;
    fcore *c = f ? calloc(1, sizeof(fcore)) : NULL;
    if (!c) {
        if (closefd) close(fd);
        return f ? exc_nomem() : AI_ERR;
    }
    c->fd = fd;
    c->readable = r || plus;
    c->writable = w || x || ap || plus;
    c->binary = b;
    c->closefd = closefd;
    c->newline = newline;
    c->utf8 = !enc || text_codec_id(enc) == 0;
    if ((enc && !(c->encoding = strdup(enc))) || (errs && !(c->errors = strdup(errs)))) {
        core_free(c);
        if (closefd) close(fd);
        return exc_nomem();
    }
    core_link(c);
    f->core = c;
    if (gc_finalizer_add(&f->ob, file_finalize) < 0) {
        file_close(ai_val(f));
        return AI_ERR;
    }
    f->name = name;
    f->mode = mode_v;
    f->kind = kind;
    if (!b) {
        f->encoding = a[3] && a[3] != AI_NONE ? a[3] : str_from_ascii("UTF-8", 5);
        gc_barrier(f, f->encoding);
        f->errors = a[4] && a[4] != AI_NONE ? a[4] : str_from_ascii("strict", 6);
        gc_barrier(f, f->errors);
        if (!f->encoding || !f->errors) return AI_ERR;
    } else {
        f->encoding = f->errors = AI_NONE;
    }
    if (c->writable) bi_print_file_hook = print_to_file;
    return ai_val(f);
}

/* print(..., file=f): write through f.write, as CPython does for any
 * object with a write method. */
static ai_value print_to_file(ai_value file, const ai_value *args, int64_t nargs, ai_value sep,
                              ai_value end, bool flush) {
    ai_value wname = str_from_ascii("write", 5);
    if (!wname) return AI_ERR;
    ai_value w = ai_getattr(file, wname);
    if (!w) return AI_ERR;
    for (int64_t i = 0; i < nargs; i++) {
        if (i > 0) {
            ai_value s = sep && sep != AI_NONE ? sep : str_from_ascii(" ", 1);
            if (!s || !ai_call(w, &s, 1, 0)) return AI_ERR;
        }
        ai_value s = ai_str(args[i]);
        if (!s || !ai_call(w, &s, 1, 0)) return AI_ERR;
    }
    ai_value e = end && end != AI_NONE ? end : str_from_ascii("\n", 1);
    if (!e || !ai_call(w, &e, 1, 0)) return AI_ERR;
    if (flush) {
        ai_value fname = str_from_ascii("flush", 5);
        ai_value fl = fname ? ai_getattr(file, fname) : 0;
        if (!fl || !ai_call(fl, NULL, 0, 0)) return AI_ERR;
    }
    return AI_NONE;
}

/* ---- input() ------------------------------------------------------------------------ */

/* As CPython's sys.stdin on POSIX: lines end at "\n" only (a "\r" is kept),
 * and undecodable bytes become lone surrogates (errors='surrogateescape',
 * CPython's choice in its UTF-8 mode and the C locale), so that
 * print(input()) gives back the bytes it read. */
static fcore stdin_core = {.fd = 0, .readable = true, .utf8 = true, .newline = NL_LF};
static pthread_mutex_t stdin_lock = PTHREAD_MUTEX_INITIALIZER;

static ai_value bi_input(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const argspec spec = {"input", "", ARGS_POS, 0, 1, NULL};
    ai_value a[1];
    if (call_no_kwargs("input", kwnames) < 0 || text_args(&spec, args, nargs, 0, a) < 0)
        return AI_ERR;
    if (a[0]) {
        ai_value p = ai_str(a[0]);
        if (!p) return AI_ERR;
        int64_t n;
        const char *s = str_utf8_stdio(p, &n);
        if (!s) return AI_ERR;
        int err = bi_stdout_write(s, (size_t)n);
        if (err) return exc_raise_errno(err, 0);
    }
    int err = bi_stdout_flush();
    if (err) return exc_raise_errno(err, 0);
    pthread_mutex_lock(&stdin_lock);
    fcore *c = &stdin_core;
    ai_value r = AI_ERR;
    for (;;) {
        size_t n = find_eol(c);
        if (n || c->eof) {
            if (!n) n = c->rlen - c->rpos;
            if (n == 0) {
                r = ai_raise_msg(&ai_exc_EOFError, "EOF when reading a line");
                break;
            }
            size_t keep = c->rbuf[c->rpos + n - 1] == '\n' ? n - 1 : n;
            r = text_decode(c->rbuf + c->rpos, (int64_t)keep, NULL, "surrogateescape");
            if (r) c->rpos += n;
            break;
        }
        if (core_fill(c, 0) < 0) break;
    }
    pthread_mutex_unlock(&stdin_lock);
    return r;
}

AI_BUILTIN_FN(textio_input_fn, "input", bi_input);
AI_BUILTIN_FN(textio_open_fn, "open", bi_open);

/* ---- the types ------------------------------------------------------------------------ */

#define FILE_METHODS(T)                                                                      \
    {"close", m_close, T, 0}, {"fileno", m_fileno, T, 0}, {"flush", m_flush, T, 0},         \
    {"isatty", m_isatty, T, 0}, {"read", m_read, T, 0}, {"readable", m_readable, T, 0},     \
    {"readline", m_readline, T, 0}, {"readlines", m_readlines, T, 0},                       \
    {"seek", m_seek, T, 0}, {"seekable", m_seekable, T, 0}, {"tell", m_tell, T, 0},         \
    {"writable", m_writable, T, 0}, {"write", m_write, T, 0},                               \
    {"writelines", m_writelines, T, 0}, {"__enter__", m_enter, T, 0},                       \
    {"__exit__", m_exit, T, 0},                                                             \
    {NULL, NULL, NULL, 0}

static const ai_method_def text_methods[] = {FILE_METHODS(&textio_text_type)};
static const ai_method_def reader_methods[] = {FILE_METHODS(&textio_reader_type)};
static const ai_method_def writer_methods[] = {FILE_METHODS(&textio_writer_type)};
static const ai_method_def random_methods[] = {FILE_METHODS(&textio_random_type)};

static const ai_getset_def file_getset[] = {
    {"closed", g_closed}, {"name", g_name},     {"mode", g_mode},
    {"encoding", g_encoding}, {"errors", g_errors}, {NULL, NULL},
};

#define FILE_TYPE(var, tname, meths)                                                     \
    static const ai_slots var##_slots = {.iter = file_iter, .next = file_next,           \
                                         .methods = meths, .getset = file_getset};       \
    ai_type var = {.ob = {(uintptr_t)&ai_type_type},                                     \
                   .name = tname,                                                        \
                   .base = &ai_object_type,                                              \
                   .basicsize = sizeof(ai_file),                                         \
                   .repr = file_repr,                                                    \
                   .gc_visit = file_visit,                                               \
                   .gc_size = alloc_fixed_size,                                          \
                   .slots = (void *)&var##_slots};

FILE_TYPE(textio_text_type, "TextIOWrapper", text_methods)
FILE_TYPE(textio_reader_type, "BufferedReader", reader_methods)
FILE_TYPE(textio_writer_type, "BufferedWriter", writer_methods)
FILE_TYPE(textio_random_type, "BufferedRandom", random_methods)
