/*
 * tests/runtime/check.h — the runtime unit tests' assertion helpers.
 *
 * Each test is a standalone program linking the runtime archive. A failed
 * check prints one line (file:line: what) to stderr; CHECK_DONE() makes
 * main return 0 when everything passed and 1 otherwise.
 * R(v) / S(v) give repr(v) / str(v) as UTF-8 text, or "!Type: message"
 * when v is AI_ERR (clearing the pending exception), so a test can compare
 * an operation's outcome against CPython's with one string.
 */
#ifndef AITHON_TESTS_CHECK_H
#define AITHON_TESTS_CHECK_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* fileno, dup2 */
#endif

#include "core/object.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        check_count++;                                                               \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            check_failures++;                                                        \
        }                                                                            \
    } while (0)

/* Compare two C strings; prints both on mismatch. `what` names the case. */
#define CHECK_STREQ(got, want) check_streq_at(__FILE__, __LINE__, #got, (got), (want))

static inline void check_streq_at(const char *file, int line, const char *what, const char *got,
                                  const char *want) {
    check_count++;
    if (!got) got = "(null)";
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "%s:%d: %s: got [%s], want [%s]\n", file, line, what, got, want);
        check_failures++;
    }
}

#define CHECK_DONE()                                                                  \
    do {                                                                              \
        if (check_failures || getenv("CHECK_VERBOSE"))                                \
            fprintf(stderr, "%d of %d checks failed\n", check_failures, check_count); \
        return check_failures ? 1 : 0;                                                \
    } while (0)

/* The pending exception as "!Type: message" (or "!Type"), cleared. */
static inline const char *check_err_text(void) {
    static char buf[4][512];
    static int slot;
    char *out = buf[slot++ & 3];
    ai_task_core *t = exc_task();
    ai_value e = t->exc;
    if (!e) return "!<AI_ERR without exception>";
    t->exc = 0;
    ai_value m = ai_str(e);   /* the type's str: OSError's "[Errno N] …" */
    const char *ms = m ? str_utf8(m, NULL) : "<str failed>";
    exc_clear();
    if (ms && *ms)
        snprintf(out, 512, "!%s: %s", obj_type_name(e), ms);
    else
        snprintf(out, 512, "!%s", obj_type_name(e));
    return out;
}

static inline const char *check_text(ai_value v, bool use_repr) {
    if (!v) return check_err_text();
    ai_value s = use_repr ? ai_repr(v) : ai_str(v);
    if (!s) return check_err_text();
    const char *p = str_utf8(s, NULL);
    return p ? p : "!<utf8 failed>";
}

#define R(v) check_text((v), true)
#define S(v) check_text((v), false)

/* Capture what the runtime writes to fd 1 or 2 between begin and end
 * (stdout is flushed first). Returns a malloc'd NUL-terminated string. */
#include <unistd.h>
static int capture_saved[3] = {-1, -1, -1};
static FILE *capture_file[3];
static inline void capture_begin(int fd) {
    if (fd == 1) bi_stdout_flush();
    capture_file[fd] = tmpfile();
    capture_saved[fd] = dup(fd);
    dup2(fileno(capture_file[fd]), fd);
}
static inline char *capture_end(int fd) {
    if (fd == 1) bi_stdout_flush();
    dup2(capture_saved[fd], fd);
    close(capture_saved[fd]);
    FILE *f = capture_file[fd];
    long n = ftell(f);
    char *out = malloc((size_t)n + 1);
    rewind(f);
    size_t got = fread(out, 1, (size_t)n, f);
    out[got] = 0;
    fclose(f);
    return out;
}

static inline ai_value I(int64_t n) { return ai_int_from_i64(n); }
static inline ai_value F(double d) { return ai_float_box(d); }
static inline ai_value STR(const char *s) { return str_from_cstr(s); }
static inline ai_value BIG(const char *decimal) { return ai_const_int(decimal); }

#endif
