/*
 * tests/runtime/test_str_files.c — open() and the file objects (text and
 * binary, reading, writing, appending, universal newlines, iteration,
 * print(file=...), errors), driven through the builtins and method calls
 * as compiled code drives them. Expected texts are CPython 3.11's, taken
 * from the same operations run there (see the comments by each check).
 */
#include "check.h"

#include <stdlib.h>
#include <unistd.h>

static char path[64];

static ai_value call(const char *builtin, const ai_value *args, int64_t n) {
    return ai_call(ai_builtin(builtin), args, n, 0);
}

static ai_value meth(ai_value o, const char *name, const ai_value *args, int64_t n) {
    return ai_call_method(o, STR(name), args, n, 0, NULL);
}

static ai_value open2(const char *mode) {
    ai_value a[2] = {STR(path), STR(mode)};
    return call("open", a, 2);
}

/* open(path, mode, newline=nl) or encoding= */
static ai_value open_kw(const char *mode, const char *kw, const char *val) {
    ai_value a[3] = {STR(path), STR(mode), STR(val)};
    ai_value names = ai_tuple_pack((ai_value[]){STR(kw)}, 1);
    return ai_call(ai_builtin("open"), a, 2, names);
}

static void write_text(void) {
    ai_value f = open2("w");
    CHECK_STREQ(S(ai_getattr(f, STR("mode"))), "w");
    CHECK_STREQ(R(meth(f, "write", (ai_value[]){STR("first line\n")}, 1)), "11");
    CHECK_STREQ(R(meth(f, "write", (ai_value[]){STR("s\xc3\xa9" "cond\r\nthird\rfourth")}, 1)),
                "20");
    ai_value lines = ai_list_new((ai_value[]){STR("\nA"), STR("B\n")}, 2);
    CHECK_STREQ(R(meth(f, "writelines", &lines, 1)), "None");
    CHECK_STREQ(R(meth(f, "write", (ai_value[]){BIG("5")}, 1)),
                "!TypeError: write() argument must be str, not int");
    CHECK_STREQ(R(meth(f, "read", NULL, 0)), "!io.UnsupportedOperation: not readable");
    /* print(x, y, sep=..., file=f) goes through f.write */
    CHECK_STREQ(R(ai_print((ai_value[]){STR("p"), BIG("1")}, 2, STR("-"), 0, f, 0)), "None");
    CHECK_STREQ(R(ai_getattr(f, STR("closed"))), "False");
    CHECK_STREQ(R(meth(f, "close", NULL, 0)), "None");
    CHECK_STREQ(R(ai_getattr(f, STR("closed"))), "True");
    CHECK_STREQ(R(meth(f, "write", (ai_value[]){STR("x")}, 1)),
                "!ValueError: I/O operation on closed file.");
}

static void read_text(void) {
    ai_value f = open2("r");
    char want[160];
    snprintf(want, sizeof want, "<_io.TextIOWrapper name='%s' mode='r' encoding='UTF-8'>", path);
    CHECK_STREQ(R(f), want);
    CHECK_STREQ(R(meth(f, "readline", NULL, 0)), "'first line\\n'");
    CHECK_STREQ(R(meth(f, "readline", (ai_value[]){BIG("3")}, 1)), "'s\xc3\xa9" "c'");
    CHECK_STREQ(R(meth(f, "read", (ai_value[]){BIG("4")}, 1)), "'ond\\n'");
    /* f.readlines(): '\r' and '\r\n' read as '\n' (universal newlines) */
    CHECK_STREQ(R(meth(f, "readlines", NULL, 0)),
                "['third\\n', 'fourth\\n', 'AB\\n', 'p-1\\n']");
    CHECK_STREQ(R(meth(f, "read", NULL, 0)), "''");
    CHECK_STREQ(R(meth(f, "readline", NULL, 0)), "''");
    meth(f, "close", NULL, 0);
    CHECK_STREQ(R(meth(f, "read", NULL, 0)), "!ValueError: I/O operation on closed file.");
    CHECK_STREQ(R(ai_iter(f)), "!ValueError: I/O operation on closed file.");

    /* for line in open(path): each line once, then the loop ends */
    f = open2("r");
    ai_value it = ai_iter(f), line;
    int n = 0;
    strbuf all;
    sb_init(&all);
    while (ai_for_next(it, &line) == 1) {
        n++;
        sb_add_str(&all, ai_repr(line));
    }
    CHECK(n == 6);
    CHECK_STREQ(S(sb_finish(&all)),
                "'first line\\n''s\xc3\xa9" "cond\\n''third\\n''fourth\\n''AB\\n''p-1\\n'");
    /* with-statement protocol */
    CHECK(meth(f, "__enter__", NULL, 0) == f);
    CHECK_STREQ(R(meth(f, "__exit__", (ai_value[]){AI_NONE, AI_NONE, AI_NONE}, 3)), "None");
    CHECK_STREQ(R(ai_getattr(f, STR("closed"))), "True");

    /* newline='': lines keep their own endings */
    f = open_kw("r", "newline", "");
    CHECK_STREQ(R(meth(f, "readlines", NULL, 0)),
                "['first line\\n', 's\xc3\xa9" "cond\\r\\n', 'third\\r', 'fourth\\n', 'AB\\n', "
                "'p-1\\n']");
    meth(f, "close", NULL, 0);
    /* latin-1 decoding of the UTF-8 bytes */
    f = open_kw("r", "encoding", "latin-1");
    meth(f, "readline", NULL, 0);
    CHECK_STREQ(R(meth(f, "readline", NULL, 0)), "'s\xc3\x83\xc2\xa9" "cond\\n'");
    meth(f, "close", NULL, 0);
}

static void binary_and_append(void) {
    ai_value f = open2("rb");
    char want[160];
    snprintf(want, sizeof want, "<_io.BufferedReader name='%s'>", path);
    CHECK_STREQ(R(f), want);
    CHECK_STREQ(R(meth(f, "read", (ai_value[]){BIG("12")}, 1)), "b'first line\\ns'");
    CHECK_STREQ(R(meth(f, "readline", NULL, 0)), "b'\\xc3\\xa9cond\\r\\n'");
    CHECK_STREQ(R(meth(f, "tell", NULL, 0)), "20");
    CHECK_STREQ(R(meth(f, "seek", (ai_value[]){BIG("6")}, 1)), "6");
    CHECK_STREQ(R(meth(f, "read", (ai_value[]){BIG("4")}, 1)), "b'line'");
    meth(f, "close", NULL, 0);
    CHECK_STREQ(R(meth(f, "read", NULL, 0)), "!ValueError: read of closed file");

    f = open2("ab");
    CHECK_STREQ(R(meth(f, "write", (ai_value[]){ai_const_bytes("\xff\x00", 2)}, 1)), "2");
    CHECK_STREQ(R(meth(f, "write", (ai_value[]){STR("x")}, 1)),
                "!TypeError: a bytes-like object is required, not 'str'");
    CHECK_STREQ(S(ai_getattr(f, STR("mode"))), "ab");
    meth(f, "close", NULL, 0);
    f = open2("rb");
    ai_value all = meth(f, "read", NULL, 0);
    CHECK_STREQ(R(call("len", &all, 1)), "42");
    meth(f, "close", NULL, 0);
    /* Decoding errors surface from text reads. (Positions count bytes
     * after newline translation here, so this file has no '\r': CPython
     * counts them before.) */
    f = open2("wb");
    meth(f, "write", (ai_value[]){ai_const_bytes("ok\n\xe6\x97\xa5\xff", 7)}, 1);
    meth(f, "close", NULL, 0);
    f = open2("r");
    CHECK_STREQ(R(meth(f, "read", NULL, 0)),
                "!UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 6: "
                "invalid start byte");
    meth(f, "close", NULL, 0);
}

static void errors(void) {
    ai_value a[2] = {STR("/nonexistent/dir/x.txt"), STR("r")};
    CHECK_STREQ(R(call("open", a, 1)),
                "!FileNotFoundError: [Errno 2] No such file or directory: "
                "'/nonexistent/dir/x.txt'");
    a[0] = STR("/tmp");
    CHECK_STREQ(R(call("open", a, 1)), "!IsADirectoryError: [Errno 21] Is a directory: '/tmp'");
    a[0] = STR(path);
    a[1] = STR("rw");
    CHECK_STREQ(R(call("open", a, 2)),
                "!ValueError: must have exactly one of create/read/write/append mode");
    a[1] = STR("z");
    CHECK_STREQ(R(call("open", a, 2)), "!ValueError: invalid mode: 'z'");
    a[1] = STR("tb");
    CHECK_STREQ(R(call("open", a, 2)), "!ValueError: can't have text and binary mode at once");
    a[1] = STR("b");
    CHECK_STREQ(R(call("open", a, 2)),
                "!ValueError: Must have exactly one of create/read/write/append mode and at most "
                "one plus");
    a[1] = STR("x");
    char want[160];
    snprintf(want, sizeof want, "!FileExistsError: [Errno 17] File exists: '%s'", path);
    CHECK_STREQ(R(call("open", a, 2)), want);
    CHECK_STREQ(R(call("open", NULL, 0)), "!TypeError: open() missing required argument 'file' (pos 1)");
    a[0] = F(1.5);
    CHECK_STREQ(R(call("open", a, 1)),
                "!TypeError: expected str, bytes or os.PathLike object, not float");
    CHECK_STREQ(R(open_kw("rb", "encoding", "utf-8")),
                "!ValueError: binary mode doesn't take an encoding argument");
    CHECK_STREQ(R(open_kw("r", "encoding", "klingon")), "!LookupError: unknown encoding: klingon");
    CHECK_STREQ(R(open_kw("r", "newline", "x")), "!ValueError: illegal newline value: x");
}

int main(void) {
    snprintf(path, sizeof path, "/tmp/aithon-test-files-%d.txt", (int)getpid());
    write_text();
    read_text();
    binary_and_append();
    errors();
    unlink(path);
    CHECK_DONE();
}
