/*
 * modules/modposix.c — the posix module: the operating system calls that
 * stdlib/os (os, os.path, shutil, tempfile, glob, pathlib) is written on.
 *
 * Each function is a thin layer over one POSIX call with CPython's
 * argument conventions and errors: a path is a str, bytes or os.PathLike
 * (its __fspath__), a failing call raises the OSError subclass its errno
 * selects with the path(s) as filename/filename2 (exc_raise_oserror), and
 * a bytes path gives bytes results (listdir, readlink, getcwdb).
 *
 * stat() returns a plain tuple (st_mode, st_ino, st_dev, st_nlink,
 * st_uid, st_gid, st_size, atime_ns, mtime_ns, ctime_ns, st_blksize,
 * st_blocks, st_rdev) that os.stat_result (stdlib/os) dresses up;
 * _scandir() returns (name, d_type, inode) triples for os.scandir's
 * DirEntry. environ is a dict of str made once from the process
 * environment; putenv/unsetenv change the process's.
 *
 * Calls that may block (system(), read() on a pipe) block their worker
 * thread: the other actors of that worker wait meanwhile.
 * Not handled: fork/exec/wait and the rest of process management (only
 * system()), file descriptors beyond open/read/write/close/lseek/fstat,
 * the *at() variants (dir_fd) and follow_symlinks=False except in stat.
 */
#include "modules/modutil.h"
#include "objects/text.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* ---- paths ------------------------------------------------------------------------- */

typedef struct {
    const char *p;   /* NUL-terminated bytes */
    ai_value obj;    /* the str or bytes path (for the error's filename) */
    bool bytes;      /* given as bytes: results are bytes */
} path_t;

/* A path argument: str, bytes, or an object with __fspath__ returning one. */
static bool path_arg(const char *fname, const char *argname, ai_value v, path_t *out, bool allow_none) {
    out->obj = v;
    out->bytes = false;
    if (allow_none && (!v || v == AI_NONE)) {
        out->p = ".";
        return true;
    }
    ai_value s = v;
    if (!str_check(s) && !bytes_check(s)) {
        ai_value r = cls_special_method(v, "__fspath__");
        if (r) s = ai_call(r, NULL, 0, 0);
        if (!s) return false;
        if (!r || (!str_check(s) && !bytes_check(s))) {
            if (r)
                ai_raise_fmt(&ai_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                             obj_type_name(v), obj_type_name(s));
            else
                ai_raise_fmt(&ai_exc_TypeError, "%s: %s should be string, bytes or os.PathLike, not %s", fname,
                             argname, obj_type_name(v));
            return false;
        }
        out->obj = s; /* errors name the path as __fspath__ gave it, as CPython's do */
    }
    if (bytes_check(s)) {
        out->bytes = true;
        out->p = (const char *)(((ai_bytes *)ai_obj(s)) + 1);
        if ((int64_t)strlen(out->p) != ((ai_bytes *)ai_obj(s))->len) {
            ai_raise_fmt(&ai_exc_ValueError, "%s: embedded null character in %s", fname, argname);
            return false;
        }
        return true;
    }
    int64_t n;
    out->p = str_utf8(s, &n);
    if (!out->p) return false;
    if ((int64_t)strlen(out->p) != n) {
        ai_raise_fmt(&ai_exc_ValueError, "%s: embedded null character in %s", fname, argname);
        return false;
    }
    return true;
}

static ai_value path_result(const char *p, bool bytes) {
    return bytes ? bytes_from(p, (int64_t)strlen(p), false) : str_from_cstr(p);
}

static ai_value os_error(ai_value filename) { return exc_raise_oserror(errno, filename, 0); }

/* Parse with the clinic helper; fname is CPython's function name. */
#define PARSE(fname, names, npos, min, out)                                                   \
    do {                                                                                     \
        static const mu_clinic c_ = {fname, names, 0, npos, 0, min, 0};                      \
        if (mu_parse(&c_, args, nargs, kwnames, out) < 0) return AI_ERR;                     \
    } while (0)

static bool int_arg(ai_value v, int64_t *out) {
    ai_value i = mu_index(v);
    if (!i) return false;
    if (!ai_is_smallint(i)) {
        ai_raise_msg(&ai_exc_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = ai_smallint_get(i);
    return true;
}

/* ---- the current directory, directories ------------------------------------------- */

static ai_value p_getcwd(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    (void)args;
    if (mu_no_args("getcwd", nargs, kwnames) < 0) return AI_ERR;
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf)) return os_error(0);
    return str_from_cstr(buf);
}
static AI_BUILTIN_FN(bf_getcwd, "getcwd", p_getcwd);

static ai_value p_getcwdb(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    (void)args;
    if (mu_no_args("getcwdb", nargs, kwnames) < 0) return AI_ERR;
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf)) return os_error(0);
    return bytes_from(buf, (int64_t)strlen(buf), false);
}
static AI_BUILTIN_FN(bf_getcwdb, "getcwdb", p_getcwdb);

static ai_value p_chdir(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"path"};
    ai_value a[1];
    PARSE("chdir", names, 1, 1, a);
    path_t p;
    if (!path_arg("chdir", "path", a[0], &p, false)) return AI_ERR;
    if (chdir(p.p) < 0) return os_error(p.obj);
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_chdir, "chdir", p_chdir);

static ai_value p_listdir(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"path"};
    ai_value a[1];
    PARSE("listdir", names, 1, 0, a);
    path_t p;
    if (!path_arg("listdir", "path", a[0], &p, true)) return AI_ERR;
    DIR *d = opendir(p.p);
    if (!d) return os_error(a[0] && a[0] != AI_NONE ? p.obj : str_from_ascii(".", 1));
    ai_value list = ai_list_new(NULL, 0);
    struct dirent *e;
    while (list && (errno = 0, e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        ai_value n = path_result(e->d_name, p.bytes);
        if (!n || ai_list_append(list, n) < 0) list = AI_ERR;
    }
    int err = errno;
    closedir(d);
    if (list && err) {
        errno = err;
        return os_error(p.obj);
    }
    return list;
}
static AI_BUILTIN_FN(bf_listdir, "listdir", p_listdir);

/* _scandir(path) -> [(name, d_type, inode), ...] for os.scandir. */
static ai_value p_scandir(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"path"};
    ai_value a[1];
    PARSE("scandir", names, 1, 0, a);
    path_t p;
    if (!path_arg("scandir", "path", a[0], &p, true)) return AI_ERR;
    DIR *d = opendir(p.p);
    if (!d) return os_error(a[0] && a[0] != AI_NONE ? p.obj : str_from_ascii(".", 1));
    ai_value list = ai_list_new(NULL, 0);
    struct dirent *e;
    while (list && (errno = 0, e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        ai_value item[3] = {path_result(e->d_name, p.bytes), ai_smallint(e->d_type),
                            ai_int_from_i64((int64_t)e->d_ino)};
        ai_value t = item[0] && item[2] ? ai_tuple_pack(item, 3) : 0;
        if (!t || ai_list_append(list, t) < 0) list = AI_ERR;
    }
    int err = errno;
    closedir(d);
    if (list && err) {
        errno = err;
        return os_error(p.obj);
    }
    return list;
}
static AI_BUILTIN_FN(bf_scandir, "_scandir", p_scandir);

static ai_value p_mkdir(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"path", "mode"};
    ai_value a[2];
    PARSE("mkdir", names, 2, 1, a);
    path_t p;
    int64_t mode = 0777;
    if (!path_arg("mkdir", "path", a[0], &p, false) || (a[1] && !int_arg(a[1], &mode))) return AI_ERR;
    if (mkdir(p.p, (mode_t)mode) < 0) return os_error(p.obj);
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_mkdir, "mkdir", p_mkdir);

/* One-path calls: rmdir, unlink/remove. */
static ai_value one_path(const char *fname, int (*call)(const char *), const ai_value *args, int64_t nargs,
                         ai_value kwnames) {
    static const char *const names[] = {"path"};
    ai_value a[1];
    mu_clinic c = {fname, names, 0, 1, 0, 1, 0};
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    path_t p;
    if (!path_arg(fname, "path", a[0], &p, false)) return AI_ERR;
    if (call(p.p) < 0) return os_error(p.obj);
    return AI_NONE;
}

static ai_value p_rmdir(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    return one_path("rmdir", rmdir, args, nargs, kwnames);
}
static AI_BUILTIN_FN(bf_rmdir, "rmdir", p_rmdir);

static ai_value p_unlink(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    return one_path("unlink", unlink, args, nargs, kwnames);
}
static AI_BUILTIN_FN(bf_unlink, "unlink", p_unlink);

static ai_value p_remove(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    return one_path("remove", unlink, args, nargs, kwnames);
}
static AI_BUILTIN_FN(bf_remove, "remove", p_remove);

/* Two-path calls: rename, replace, link, symlink. */
static ai_value two_paths(const char *fname, int (*call)(const char *, const char *), const ai_value *args,
                          int64_t nargs, ai_value kwnames) {
    static const char *const names[] = {"src", "dst"};
    ai_value a[2];
    mu_clinic c = {fname, names, 0, 2, 0, 2, 0};
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    path_t s, d;
    if (!path_arg(fname, "src", a[0], &s, false) || !path_arg(fname, "dst", a[1], &d, false)) return AI_ERR;
    if (call(s.p, d.p) < 0) return exc_raise_oserror(errno, s.obj, d.obj);
    return AI_NONE;
}

static ai_value p_rename(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    return two_paths("rename", rename, args, nargs, kwnames);
}
static AI_BUILTIN_FN(bf_rename, "rename", p_rename);

static ai_value p_replace(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    return two_paths("replace", rename, args, nargs, kwnames);
}
static AI_BUILTIN_FN(bf_replace, "replace", p_replace);

static ai_value p_link(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    return two_paths("link", link, args, nargs, kwnames);
}
static AI_BUILTIN_FN(bf_link, "link", p_link);

static ai_value p_symlink(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    return two_paths("symlink", symlink, args, nargs, kwnames);
}
static AI_BUILTIN_FN(bf_symlink, "symlink", p_symlink);

static ai_value p_readlink(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"path"};
    ai_value a[1];
    PARSE("readlink", names, 1, 1, a);
    path_t p;
    if (!path_arg("readlink", "path", a[0], &p, false)) return AI_ERR;
    char buf[PATH_MAX + 1];
    ssize_t n = readlink(p.p, buf, PATH_MAX);
    if (n < 0) return os_error(p.obj);
    buf[n] = '\0';
    return path_result(buf, p.bytes);
}
static AI_BUILTIN_FN(bf_readlink, "readlink", p_readlink);

static ai_value p_realpath(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"path"};
    ai_value a[1];
    PARSE("_realpath", names, 1, 1, a);
    path_t p;
    if (!path_arg("realpath", "path", a[0], &p, false)) return AI_ERR;
    char buf[PATH_MAX];
    if (!realpath(p.p, buf)) return AI_NONE;
    return path_result(buf, p.bytes);
}
static AI_BUILTIN_FN(bf_realpath, "_realpath", p_realpath);

/* ---- stat ------------------------------------------------------------------------------ */

static ai_value stat_tuple(const struct stat *st) {
    ai_value v[13] = {
        ai_int_from_i64(st->st_mode),
        ai_int_from_i64((int64_t)st->st_ino),
        ai_int_from_i64((int64_t)st->st_dev),
        ai_int_from_i64((int64_t)st->st_nlink),
        ai_int_from_i64(st->st_uid),
        ai_int_from_i64(st->st_gid),
        ai_int_from_i64(st->st_size),
        ai_int_from_i64((int64_t)st->st_atim.tv_sec * 1000000000 + st->st_atim.tv_nsec),
        ai_int_from_i64((int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec),
        ai_int_from_i64((int64_t)st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec),
        ai_int_from_i64(st->st_blksize),
        ai_int_from_i64(st->st_blocks),
        ai_int_from_i64((int64_t)st->st_rdev),
    };
    for (int i = 0; i < 13; i++)
        if (!v[i]) return AI_ERR;
    return ai_tuple_pack(v, 13);
}

static ai_value do_stat(const char *fname, const ai_value *args, int64_t nargs, ai_value kwnames, bool follow) {
    static const char *const names[] = {"path", "follow_symlinks"};
    ai_value a[2];
    mu_clinic c = {fname, names, 0, 1, 1, 1, 0};
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    if (a[1]) {
        int32_t t = ai_truthy(a[1]);
        if (t < 0) return AI_ERR;
        follow = follow && t;
    }
    struct stat st;
    if (ai_is_smallint(a[0])) {
        if (fstat((int)ai_smallint_get(a[0]), &st) < 0) return os_error(0);
        return stat_tuple(&st);
    }
    path_t p;
    if (!path_arg(fname, "path", a[0], &p, false)) return AI_ERR;
    if ((follow ? stat(p.p, &st) : lstat(p.p, &st)) < 0) return os_error(p.obj);
    return stat_tuple(&st);
}

static ai_value p_stat(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    return do_stat("stat", args, nargs, kwnames, true);
}
static AI_BUILTIN_FN(bf_stat, "stat", p_stat);

static ai_value p_lstat(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    return do_stat("lstat", args, nargs, kwnames, false);
}
static AI_BUILTIN_FN(bf_lstat, "lstat", p_lstat);

static ai_value p_access(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"path", "mode"};
    ai_value a[2];
    PARSE("access", names, 2, 2, a);
    path_t p;
    int64_t mode;
    if (!path_arg("access", "path", a[0], &p, false) || !int_arg(a[1], &mode)) return AI_ERR;
    return ai_bool(access(p.p, (int)mode) == 0);
}
static AI_BUILTIN_FN(bf_access, "access", p_access);

static ai_value p_chmod(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"path", "mode"};
    ai_value a[2];
    PARSE("chmod", names, 2, 2, a);
    path_t p;
    int64_t mode;
    if (!path_arg("chmod", "path", a[0], &p, false) || !int_arg(a[1], &mode)) return AI_ERR;
    if (chmod(p.p, (mode_t)mode) < 0) return os_error(p.obj);
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_chmod, "chmod", p_chmod);

/* utime(path, ns=(atime_ns, mtime_ns) or None): os.utime converts times. */
static ai_value p_utime(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"path", "ns"};
    ai_value a[2];
    PARSE("_utime_ns", names, 2, 1, a);
    path_t p;
    if (!path_arg("utime", "path", a[0], &p, false)) return AI_ERR;
    struct timespec ts[2];
    struct timespec *tp = NULL;
    if (a[1] && a[1] != AI_NONE) {
        if (!tuple_check(a[1]) || tuple_obj(a[1])->len != 2)
            return ai_raise_msg(&ai_exc_TypeError, "utime: 'ns' must be a tuple of two ints");
        for (int i = 0; i < 2; i++) {
            int64_t ns;
            if (!int_arg(tuple_obj(a[1])->items[i], &ns)) return AI_ERR;
            ts[i].tv_sec = ns / 1000000000;
            ts[i].tv_nsec = ns % 1000000000;
            if (ts[i].tv_nsec < 0) {
                ts[i].tv_nsec += 1000000000;
                ts[i].tv_sec--;
            }
        }
        tp = ts;
    }
    if (utimensat(AT_FDCWD, p.p, tp, 0) < 0) return os_error(p.obj);
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_utime, "_utime_ns", p_utime);

/* ---- processes, users, the system ------------------------------------------------------ */

#define INT_FN(cname, pyname, expr)                                                          \
    static ai_value cname(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) { \
        (void)self;                                                                         \
        (void)args;                                                                         \
        if (mu_no_args(pyname, nargs, kw) < 0) return AI_ERR;                               \
        return ai_int_from_i64((int64_t)(expr));                                            \
    }                                                                                       \
    static AI_BUILTIN_FN(bf_##cname, pyname, cname);

INT_FN(p_getpid, "getpid", getpid())
INT_FN(p_getppid, "getppid", getppid())
INT_FN(p_getuid, "getuid", getuid())
INT_FN(p_geteuid, "geteuid", geteuid())
INT_FN(p_getgid, "getgid", getgid())
INT_FN(p_getegid, "getegid", getegid())

static ai_value p_cpu_count(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    (void)args;
    if (mu_no_args("cpu_count", nargs, kwnames) < 0) return AI_ERR;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? AI_NONE : ai_int_from_i64(n);
}
static AI_BUILTIN_FN(bf_cpu_count, "cpu_count", p_cpu_count);

static ai_value p_urandom(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("urandom", nargs, kwnames) < 0) return AI_ERR;
    int64_t n;
    if (!int_arg(args[0], &n)) return AI_ERR;
    if (n < 0) return ai_raise_msg(&ai_exc_ValueError, "negative argument not allowed");
    char *buf = malloc((size_t)n + 1);
    if (!buf) return exc_nomem();
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    int64_t got = 0;
    while (fd >= 0 && got < n) {
        ssize_t r = read(fd, buf + got, (size_t)(n - got));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += r;
    }
    int err = errno;
    if (fd >= 0) close(fd);
    if (got < n) {
        free(buf);
        errno = err ? err : EIO;
        return os_error(0);
    }
    ai_value b = bytes_from(buf, n, false);
    free(buf);
    return b;
}
static AI_BUILTIN_FN(bf_urandom, "urandom", p_urandom);

static ai_value p_strerror(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("strerror", nargs, kwnames) < 0) return AI_ERR;
    int64_t code;
    if (!int_arg(args[0], &code)) return AI_ERR;
    return str_from_cstr(strerror((int)code));
}
static AI_BUILTIN_FN(bf_strerror, "strerror", p_strerror);

static ai_value p_umask(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("umask", nargs, kwnames) < 0) return AI_ERR;
    int64_t m;
    if (!int_arg(args[0], &m)) return AI_ERR;
    return ai_int_from_i64(umask((mode_t)m));
}
static AI_BUILTIN_FN(bf_umask, "umask", p_umask);

static ai_value p_kill(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_pos_range("kill", "kill", nargs, kwnames, 2, 2) < 0) return AI_ERR;
    int64_t pid, sig;
    if (!int_arg(args[0], &pid) || !int_arg(args[1], &sig)) return AI_ERR;
    if (kill((pid_t)pid, (int)sig) < 0) return os_error(0);
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_kill, "kill", p_kill);

/* system(command): the wait status, as CPython returns it. */
static ai_value p_system(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"command"};
    ai_value a[1];
    PARSE("system", names, 1, 1, a);
    path_t p;
    if (!path_arg("system", "command", a[0], &p, false)) return AI_ERR;
    bi_stdout_flush();
    int r = system(p.p);
    return ai_int_from_i64(r);
}
static AI_BUILTIN_FN(bf_system, "system", p_system);

static ai_value p_isatty(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("isatty", nargs, kwnames) < 0) return AI_ERR;
    int64_t fd;
    if (!int_arg(args[0], &fd)) return AI_ERR;
    return ai_bool(isatty((int)fd));
}
static AI_BUILTIN_FN(bf_isatty, "isatty", p_isatty);

static ai_value p_terminal_size(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_pos_range("get_terminal_size", "get_terminal_size", nargs, kwnames, 0, 1) < 0) return AI_ERR;
    int64_t fd = 1;
    if (nargs && !int_arg(args[0], &fd)) return AI_ERR;
    struct winsize w;
    if (ioctl((int)fd, TIOCGWINSZ, &w) < 0) return os_error(0);
    ai_value v[2] = {ai_smallint(w.ws_col), ai_smallint(w.ws_row)};
    return ai_tuple_pack(v, 2);
}
static AI_BUILTIN_FN(bf_terminal_size, "_get_terminal_size", p_terminal_size);

static ai_value p_uname(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    (void)args;
    if (mu_no_args("uname", nargs, kwnames) < 0) return AI_ERR;
    struct utsname u;
    if (uname(&u) < 0) return os_error(0);
    ai_value v[5] = {str_from_cstr(u.sysname), str_from_cstr(u.nodename), str_from_cstr(u.release),
                     str_from_cstr(u.version), str_from_cstr(u.machine)};
    for (int i = 0; i < 5; i++)
        if (!v[i]) return AI_ERR;
    return ai_tuple_pack(v, 5);
}
static AI_BUILTIN_FN(bf_uname, "_uname", p_uname);

/* confstr(name): the string value of a configuration variable, or None
 * when it has none; EINVAL for an unknown name. */
static ai_value p_confstr(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("_confstr", nargs, kwnames) < 0) return AI_ERR;
    int64_t name;
    if (!int_check(args[0]) || !int_to_i64(args[0], &name) || name < 0 || name > INT32_MAX)
        return ai_raise_msg(&ai_exc_TypeError, "configuration names must be strings or integers");
    errno = 0;
    size_t n = confstr((int)name, NULL, 0);
    if (n == 0) return errno ? os_error(0) : AI_NONE;
    char *buf = malloc(n);
    if (!buf) return ai_raise_msg(&ai_exc_MemoryError, "");
    confstr((int)name, buf, n);
    ai_value r = str_from_cstr(buf);
    free(buf);
    return r;
}
static AI_BUILTIN_FN(bf_confstr, "_confstr", p_confstr);

static ai_value p_putenv(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_pos_range("putenv", "putenv", nargs, kwnames, 2, 2) < 0) return AI_ERR;
    path_t k, v;
    if (!path_arg("putenv", "name", args[0], &k, false) || !path_arg("putenv", "value", args[1], &v, false))
        return AI_ERR;
    if (!*k.p || strchr(k.p, '=')) return ai_raise_msg(&ai_exc_ValueError, "illegal environment variable name");
    if (setenv(k.p, v.p, 1) < 0) return os_error(0);
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_putenv, "putenv", p_putenv);

static ai_value p_unsetenv(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("unsetenv", nargs, kwnames) < 0) return AI_ERR;
    path_t k;
    if (!path_arg("unsetenv", "name", args[0], &k, false)) return AI_ERR;
    if (!*k.p || strchr(k.p, '=')) return ai_raise_msg(&ai_exc_ValueError, "illegal environment variable name");
    if (unsetenv(k.p) < 0) return os_error(0);
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_unsetenv, "unsetenv", p_unsetenv);

static ai_value p_exit(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("_exit", nargs, kwnames) < 0) return AI_ERR;
    int64_t code;
    if (!int_arg(args[0], &code)) return AI_ERR;
    bi_stdout_flush();
    _exit((int)code);
}
static AI_BUILTIN_FN(bf_exit, "_exit", p_exit);

static ai_value p_times(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    (void)args;
    if (mu_no_args("times", nargs, kwnames) < 0) return AI_ERR;
    struct tms t;
    clock_t c = times(&t);
    double hz = (double)sysconf(_SC_CLK_TCK);
    ai_value v[5] = {ai_float_box((double)t.tms_utime / hz), ai_float_box((double)t.tms_stime / hz),
                     ai_float_box((double)t.tms_cutime / hz), ai_float_box((double)t.tms_cstime / hz),
                     ai_float_box((double)c / hz)};
    for (int i = 0; i < 5; i++)
        if (!v[i]) return AI_ERR;
    return ai_tuple_pack(v, 5);
}
static AI_BUILTIN_FN(bf_times, "_times", p_times);

/* ---- file descriptors ------------------------------------------------------------------- */

static ai_value p_open(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"path", "flags", "mode"};
    ai_value a[3];
    PARSE("open", names, 3, 2, a);
    path_t p;
    int64_t flags, mode = 0777;
    if (!path_arg("open", "path", a[0], &p, false) || !int_arg(a[1], &flags) || (a[2] && !int_arg(a[2], &mode)))
        return AI_ERR;
    int fd;
    do fd = open(p.p, (int)flags | O_CLOEXEC, (mode_t)mode);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) return os_error(p.obj);
    return ai_smallint(fd);
}
static AI_BUILTIN_FN(bf_open, "open", p_open);

static ai_value p_close(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("close", nargs, kwnames) < 0) return AI_ERR;
    int64_t fd;
    if (!int_arg(args[0], &fd)) return AI_ERR;
    if (close((int)fd) < 0) return os_error(0);
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_close, "close", p_close);

static ai_value p_read(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_pos_range("read", "read", nargs, kwnames, 2, 2) < 0) return AI_ERR;
    int64_t fd, n;
    if (!int_arg(args[0], &fd) || !int_arg(args[1], &n)) return AI_ERR;
    if (n < 0) return exc_raise_oserror(EINVAL, 0, 0);
    char *buf = malloc((size_t)n + 1);
    if (!buf) return exc_nomem();
    ssize_t r;
    do r = read((int)fd, buf, (size_t)n);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
        free(buf);
        return os_error(0);
    }
    ai_value b = bytes_from(buf, r, false);
    free(buf);
    return b;
}
static AI_BUILTIN_FN(bf_read, "read", p_read);

static ai_value p_write(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_pos_range("write", "write", nargs, kwnames, 2, 2) < 0) return AI_ERR;
    int64_t fd;
    if (!int_arg(args[0], &fd)) return AI_ERR;
    int64_t len;
    const char *data = (const char *)bytes_buffer(args[1], &len);
    if (!data)
        return ai_raise_fmt(&ai_exc_TypeError, "a bytes-like object is required, not '%s'", obj_type_name(args[1]));
    if (fd == 1) bi_stdout_flush();
    ssize_t r;
    do r = write((int)fd, data, (size_t)len);
    while (r < 0 && errno == EINTR);
    if (r < 0) return os_error(0);
    return ai_int_from_i64(r);
}
static AI_BUILTIN_FN(bf_write, "write", p_write);

static ai_value p_lseek(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_pos_range("lseek", "lseek", nargs, kwnames, 3, 3) < 0) return AI_ERR;
    int64_t fd, pos, how;
    if (!int_arg(args[0], &fd) || !int_arg(args[1], &pos) || !int_arg(args[2], &how)) return AI_ERR;
    off_t r = lseek((int)fd, (off_t)pos, (int)how);
    if (r < 0) return os_error(0);
    return ai_int_from_i64(r);
}
static AI_BUILTIN_FN(bf_lseek, "lseek", p_lseek);

static ai_value p_fsync(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("fsync", nargs, kwnames) < 0) return AI_ERR;
    int64_t fd;
    if (!int_arg(args[0], &fd)) return AI_ERR;
    if (fsync((int)fd) < 0) return os_error(0);
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_fsync, "fsync", p_fsync);

static ai_value p_truncate(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    static const char *const names[] = {"path", "length"};
    ai_value a[2];
    PARSE("truncate", names, 2, 2, a);
    int64_t len;
    if (!int_arg(a[1], &len)) return AI_ERR;
    if (ai_is_smallint(a[0])) {
        if (ftruncate((int)ai_smallint_get(a[0]), (off_t)len) < 0) return os_error(0);
        return AI_NONE;
    }
    path_t p;
    if (!path_arg("truncate", "path", a[0], &p, false)) return AI_ERR;
    if (truncate(p.p, (off_t)len) < 0) return os_error(p.obj);
    return AI_NONE;
}
static AI_BUILTIN_FN(bf_truncate, "truncate", p_truncate);

static ai_value p_pipe(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    (void)args;
    if (mu_no_args("pipe", nargs, kwnames) < 0) return AI_ERR;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) return os_error(0);
    ai_value v[2] = {ai_smallint(fds[0]), ai_smallint(fds[1])};
    return ai_tuple_pack(v, 2);
}
static AI_BUILTIN_FN(bf_pipe, "pipe", p_pipe);

/* ---- the module ------------------------------------------------------------------------- */

static ai_value make_environ(void) {
    ai_value d = dict_new();
    if (!d) return AI_ERR;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e) continue;
        ai_value k = str_from_utf8(*e, eq - *e), v = str_from_cstr(eq + 1);
        if (!k || !v) return AI_ERR;
        int32_t have = dict_get(d, k, &v);
        if (have < 0) return AI_ERR;
        if (have) continue; /* the first definition wins, as in CPython */
        v = str_from_cstr(eq + 1);
        if (!v || dict_set(d, k, v) < 0) return AI_ERR;
    }
    return d;
}

static ai_builtin_fn *const functions[] = {
    &bf_getcwd,  &bf_getcwdb,  &bf_chdir,     &bf_listdir,   &bf_scandir,   &bf_mkdir,   &bf_rmdir,
    &bf_unlink,  &bf_remove,   &bf_rename,    &bf_replace,   &bf_link,      &bf_symlink, &bf_readlink,
    &bf_realpath, &bf_stat,    &bf_lstat,     &bf_access,    &bf_chmod,     &bf_utime,   &bf_p_getpid,
    &bf_p_getppid, &bf_p_getuid, &bf_p_geteuid, &bf_p_getgid, &bf_p_getegid, &bf_cpu_count, &bf_urandom,
    &bf_strerror, &bf_umask,   &bf_kill,      &bf_system,    &bf_isatty,    &bf_terminal_size, &bf_uname, &bf_confstr,
    &bf_putenv,  &bf_unsetenv, &bf_exit,      &bf_times,     &bf_open,      &bf_close,   &bf_read,
    &bf_write,   &bf_lseek,    &bf_fsync,     &bf_truncate,  &bf_pipe,
};

static int init(ai_value m) {
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        if (mod_add_fn(m, functions[i]) < 0) return -1;
    static const struct {
        const char *name;
        int64_t value;
    } consts[] = {
        {"F_OK", F_OK},         {"R_OK", R_OK},         {"W_OK", W_OK},       {"X_OK", X_OK},
        {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},   {"O_APPEND", O_APPEND},
        {"O_CREAT", O_CREAT},   {"O_EXCL", O_EXCL},     {"O_TRUNC", O_TRUNC}, {"O_NONBLOCK", O_NONBLOCK},
        {"O_CLOEXEC", O_CLOEXEC}, {"O_NOFOLLOW", O_NOFOLLOW}, {"O_DIRECTORY", O_DIRECTORY},
        {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
        {"EX_OK", 0},           {"WNOHANG", WNOHANG},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (mod_add(m, consts[i].name, ai_int_from_i64(consts[i].value)) < 0) return -1;
    return mod_add(m, "environ", make_environ());
}

const mod_def mod_posix = {"posix", init};
