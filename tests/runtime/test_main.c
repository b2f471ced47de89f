/*
 * tests/runtime/test_main.c — the program life cycle, end to end: each
 * case runs mod_run_main (what the executable's main() calls) in a forked
 * child with stdout and stderr captured, and compares them and the exit
 * status with what CPython 3.11 does for the same program: the demo
 * program (demo_app.c standing in for emitted code, demo_app.py its
 * source), an uncaught exception's traceback, a runaway recursion that
 * must end in RecursionError on the big main stack, SystemExit's three
 * forms, and output larger than the stdout buffer.
 */
#include "check.h"

#include <sys/wait.h>

#include "demo_app.c"

typedef struct run_result {
    int status;
    char *out, *err;
} run_result;

static char *read_all(int fd) {
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (len + 4096 > cap) buf = realloc(buf, cap *= 2);
        ssize_t n = read(fd, buf + len, cap - len - 1);
        if (n <= 0) break;
        len += (size_t)n;
    }
    buf[len] = 0;
    return buf;
}

static run_result run(ai_value (*entry)(void)) {
    run_result r = {-1, NULL, NULL};
    char outname[] = "/tmp/aithon_test_outXXXXXX", errname[] = "/tmp/aithon_test_errXXXXXX";
    int ofd = mkstemp(outname), efd = mkstemp(errname);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(ofd, 1);
        dup2(efd, 2);
        char *argv[] = {"prog", NULL};
        _exit(mod_run_main(1, argv, entry));
    }
    int st = 0;
    waitpid(pid, &st, 0);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    lseek(ofd, 0, SEEK_SET);
    lseek(efd, 0, SEEK_SET);
    r.out = read_all(ofd);
    r.err = read_all(efd);
    close(ofd), close(efd);
    unlink(outname), unlink(errname);
    return r;
}

/* ---- programs --------------------------------------------------------------- */

static const char REC_SRC[] = "def f(n):\n    return f(n + 1)\n\nf(0)\n";
static const ai_code_info rec_mod = {"rec.py", "<module>", REC_SRC, NULL, 1, NULL};
static const ai_code_info rec_f = {"rec.py", "f", REC_SRC, NULL, 1, NULL};
static long max_depth;

/* What the emitter's prologue does: check the stack, raise below it. */
static ai_value rec_body(ai_value n, long depth) {
    /* The compiled prologue: one compare, the slow path sorts preemption
     * requests from real overflows. */
    void *fp = __builtin_frame_address(0);
    if ((char *)fp < __atomic_load_n(&ai_tls.stack_limit, __ATOMIC_RELAXED) && ai_stack_slow(fp) < 0)
        return AI_ERR;
    if (depth > max_depth) max_depth = depth;
    ai_value n1 = ai_add(n, ai_smallint(1));
    ai_value r = n1 ? rec_body(n1, depth + 1) : AI_ERR;
    if (!r) ai_traceback_add(&rec_f, 2);
    return r;
}

static ai_value rec_main(void) {
    ai_value r = rec_body(ai_smallint(0), 0);
    if (!r) {
        ai_traceback_add(&rec_mod, 4);
        /* report the depth through stdout so the test can see it */
        char buf[64];
        int n = snprintf(buf, sizeof buf, "depth %ld\n", max_depth);
        bi_stdout_write(buf, (size_t)n);
    }
    return r;
}

static ai_value exit_code3(void) {
    ai_value a = ai_smallint(3);
    return ai_raise(ai_call(ai_builtin("SystemExit"), &a, 1, 0), 0);
}
static ai_value exit_msg(void) {
    ai_value x = ai_mul(ai_const_str("x", 1), ai_smallint(3));
    if (!x || !ai_print(&x, 1, 0, 0, 0, 0)) return AI_ERR;
    ai_value m = ai_const_str("bye", 3);
    return ai_raise(ai_call(ai_builtin("SystemExit"), &m, 1, 0), 0);
}
static ai_value exit_none(void) { return ai_raise(ai_builtin("SystemExit"), 0); }

static ai_value lots_of_output(void) {
    for (int i = 0; i < 100000; i++) {
        ai_value v = ai_int_from_i64(i);
        if (!ai_print(&v, 1, 0, 0, 0, 0)) return AI_ERR;
    }
    return AI_NONE;
}

static ai_value fine(void) {
    ai_value s = ai_const_str("ok", 2);
    return ai_print(&s, 1, 0, ai_const_str("", 0), 0, 0);
}

int main(void) {
    run_result r = run(aithon_program_main);
    CHECK(r.status == 1);
    CHECK_STREQ(r.out, "hello, 42, 1267650600228229401496703205376, 0.1, -0.0, 1e+16, True, None\n"
                       "3.5 3.3333333333333335 \"it's\" (1, 'a', 2.5)!\n");
    CHECK_STREQ(r.err, "Traceback (most recent call last):\n"
                       "  File \"demo_app.py\", line 9, in <module>\n"
                       "    main(10)\n"
                       "  File \"demo_app.py\", line 7, in main\n"
                       "    return div(n, 0)\n"
                       "  File \"demo_app.py\", line 2, in div\n"
                       "    return a / b\n"
                       "ZeroDivisionError: division by zero\n");

    r = run(rec_main);
    CHECK(r.status == 1);
    long depth = strncmp(r.out, "depth ", 6) == 0 ? atol(r.out + 6) : 0;
    CHECK(depth > 100000); /* the 256 MiB main stack, not the 8 MiB default */
    /* More than 1000 frames: printed as CPython prints a RecursionError at
     * its limit of 1000 frames: <module>, three frames of f, the repeat
     * line (core/exc.c keeps the outermost and the innermost 999). */
    CHECK_STREQ(r.err, "Traceback (most recent call last):\n"
                       "  File \"rec.py\", line 4, in <module>\n    f(0)\n"
                       "  File \"rec.py\", line 2, in f\n    return f(n + 1)\n"
                       "  File \"rec.py\", line 2, in f\n    return f(n + 1)\n"
                       "  File \"rec.py\", line 2, in f\n    return f(n + 1)\n"
                       "  [Previous line repeated 996 more times]\n"
                       "RecursionError: maximum recursion depth exceeded\n");

    r = run(exit_code3);
    CHECK(r.status == 3 && !*r.out && !*r.err);
    r = run(exit_msg);
    CHECK(r.status == 1);
    CHECK_STREQ(r.out, "xxx\n");
    CHECK_STREQ(r.err, "bye\n");
    r = run(exit_none);
    CHECK(r.status == 0 && !*r.err);

    r = run(lots_of_output);
    CHECK(r.status == 0 && strlen(r.out) == 588890);
    CHECK(strncmp(r.out + strlen(r.out) - 6, "99999\n", 6) == 0);
    r = run(fine);
    CHECK(r.status == 0);
    CHECK_STREQ(r.out, "ok");
    CHECK_DONE();
}
