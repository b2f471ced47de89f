/*
 * modules.c — finding, loading and naming the program's modules (see
 * modules.h for the search order and what a Program holds).
 *
 * How it works: a worklist of Units, starting with __main__. Each source
 * unit is read and parsed through the driver's callback; then every
 * import statement in it (at any depth: in functions, classes, if/try
 * blocks) names absolute modules — `import a.b.c` needs a, a.b and
 * a.b.c; `from p import x` needs p and, when p is a package with a file
 * or directory x, the submodule p.x; relative imports are made absolute
 * from the importer's __package__ — and each one not yet known is
 * searched for and appended to the worklist. A unit is identified by its
 * absolute name only: the same file imported under two names (main.py
 * as __main__ and as `main`) is two units, as in CPython.
 *
 * After loading, each source unit's scopes are built (scope.c); then the
 * names that `from m import *` binds are added to the importer's module
 * scope (modules_exports), so the emitter gives them global slots.
 *
 * Not handled: imports whose name is computed at run time
 * (`__import__`, importlib: refused elsewhere, by design), `.pyc` or C
 * extension files, zip files on the path, `__path__` changed at run time.
 */
#include "modules.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "doctests.h"
#include "nsdict.h"
#include "parse.h"

/* ---- the runtime's C modules -------------------------------------------- */

/* `first`: CPython builds the module in, so no file on the path can
 * shadow it (sys.builtin_module_names); the others are found after the
 * user's directories, as CPython finds math and random (files in its
 * lib directory). `exports`: what `from NAME import *` binds in CPython
 * 3.11 (`__all__`, or the public names), space-separated; the compiler
 * needs the list to give each name a slot. */
typedef struct {
    const char *name;
    bool first;
    const char *exports;
} BuiltinModule;

static const BuiltinModule builtin_modules[] = {
    {"sys", true,
     "abiflags addaudithook api_version argv audit base_exec_prefix base_prefix breakpointhook "
     "builtin_module_names byteorder call_tracing copyright displayhook dont_write_bytecode exc_info "
     "excepthook exception exec_prefix executable exit flags float_info float_repr_style "
     "get_asyncgen_hooks get_coroutine_origin_tracking_depth get_int_max_str_digits getallocatedblocks "
     "getdefaultencoding getdlopenflags getfilesystemencodeerrors getfilesystemencoding getprofile "
     "getrecursionlimit getrefcount getsizeof getswitchinterval gettrace hash_info hexversion "
     "implementation int_info intern is_finalizing maxsize maxunicode meta_path modules orig_argv path "
     "path_hooks path_importer_cache platform platlibdir prefix pycache_prefix set_asyncgen_hooks "
     "set_coroutine_origin_tracking_depth set_int_max_str_digits setdlopenflags setprofile "
     "setrecursionlimit setswitchinterval settrace stderr stdin stdlib_module_names stdout thread_info "
     "unraisablehook version version_info warnoptions"},
    {"time", true,
     "CLOCK_BOOTTIME CLOCK_MONOTONIC CLOCK_MONOTONIC_RAW CLOCK_PROCESS_CPUTIME_ID CLOCK_REALTIME CLOCK_TAI "
     "CLOCK_THREAD_CPUTIME_ID altzone asctime clock_getres clock_gettime clock_gettime_ns clock_settime "
     "clock_settime_ns ctime daylight get_clock_info gmtime localtime mktime monotonic monotonic_ns "
     "perf_counter perf_counter_ns process_time process_time_ns pthread_getcpuclockid sleep strftime "
     "strptime struct_time thread_time thread_time_ns time time_ns timezone tzname tzset"},
    {"builtins", true, ""},
    {"math", false,
     "acos acosh asin asinh atan atan2 atanh cbrt ceil comb copysign cos cosh degrees dist e erf erfc exp "
     "exp2 expm1 fabs factorial floor fmod frexp fsum gamma gcd hypot inf isclose isfinite isinf isnan "
     "isqrt lcm ldexp lgamma log log10 log1p log2 modf nan nextafter perm pi pow prod radians remainder "
     "sin sinh sqrt tan tanh tau trunc ulp"},
    {"_random", false,
     "Random betavariate choice choices expovariate gammavariate gauss getrandbits getstate "
     "lognormvariate normalvariate paretovariate randbytes randint random randrange sample seed setstate "
     "shuffle triangular uniform vonmisesvariate weibullvariate"},
    {"asyncio", false,
     "ALL_COMPLETED AbstractEventLoop BoundedSemaphore CancelledError Condition Event FIRST_COMPLETED "
     "FIRST_EXCEPTION Future Handle InvalidStateError LifoQueue Lock PriorityQueue Queue QueueEmpty "
     "QueueFull Semaphore Task TaskGroup Timeout TimeoutError TimerHandle all_tasks as_completed "
     "create_task current_task ensure_future gather get_event_loop get_running_loop iscoroutine "
     "iscoroutinefunction isfuture new_event_loop run set_event_loop shield sleep timeout timeout_at "
     "wait wait_for"},
    {"_aithon", false, "caller_module float_pack float_unpack gc_collect tb_entries"},
    {"_hashlib", false, "digest new update"},
    {"_json", false, "encode scan"},
    {"_ctypes", false,
     "RTLD_GLOBAL RTLD_LAZY RTLD_LOCAL RTLD_NOW addr call closure dlclose dlopen dlsym main_heap "
     "memmove memset read string_at type_info write wstring_at"},
    {"_re", false, "Program exec lower upper"},
    {"posix", true,
     "EX_OK F_OK O_APPEND O_CLOEXEC O_CREAT O_DIRECTORY O_EXCL O_NOFOLLOW O_NONBLOCK O_RDONLY O_RDWR O_TRUNC "
     "O_WRONLY R_OK SEEK_CUR SEEK_END SEEK_SET WNOHANG W_OK X_OK access chdir chmod close cpu_count environ "
     "fsync getcwd getcwdb getegid geteuid getgid getpid getppid getuid isatty kill link listdir lseek lstat "
     "mkdir open pipe putenv read readlink remove rename replace rmdir stat strerror symlink system "
     "truncate umask unlink unsetenv urandom write"},
    {"aithon", false,
     "CallError GenServer NoProc Pid ProcessExit Ref Timeout call cast child demonitor exit is_alive link "
     "monitor receive register self send spawn spawn_link spawn_monitor stop supervisor trap_exits "
     "unlink unregister whereis which_children"},
};
enum { NBUILTIN = sizeof builtin_modules / sizeof *builtin_modules };

static const BuiltinModule *builtin_module(const char *name) {
    for (int i = 0; i < NBUILTIN; i++)
        if (strcmp(builtin_modules[i].name, name) == 0) return &builtin_modules[i];
    return NULL;
}

/* ---- paths -------------------------------------------------------------- */

static bool is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* dir + "/" + name; an empty dir means the current directory. */
static char *join(Arena *a, const char *dir, const char *name) {
    if (!dir || !*dir || strcmp(dir, ".") == 0) return arena_strdup(a, name);
    size_t n = strlen(dir);
    return arena_printf(a, "%s%s%s", dir, dir[n - 1] == '/' ? "" : "/", name);
}

static char *dirname_of(Arena *a, const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) return arena_strdup(a, "");
    if (slash == path) return arena_strdup(a, "/");
    return arena_strndup(a, path, (size_t)(slash - path));
}

/* An absolute, normalised path ("." and ".." resolved textually, as
 * os.path.abspath does; symbolic links are left alone). */
static char *abspath(Arena *a, const char *path) {
    char cwd[PATH_MAX];
    const char *full = path;
    if (path[0] != '/') {
        if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "/");
        full = arena_printf(a, "%s/%s", cwd, path);
    }
    size_t n = strlen(full);
    char *out = arena_alloc(a, n + 2);
    size_t len = 0;
    const char *p = full;
    while (*p) {
        while (*p == '/') p++;
        const char *q = p;
        while (*q && *q != '/') q++;
        size_t seg = (size_t)(q - p);
        if (seg == 0 || (seg == 1 && p[0] == '.')) {
            /* skip */
        } else if (seg == 2 && p[0] == '.' && p[1] == '.') {
            while (len > 0 && out[len - 1] != '/') len--;
            if (len > 0) len--;
        } else {
            out[len++] = '/';
            memcpy(out + len, p, seg);
            len += seg;
        }
        p = q;
    }
    if (len == 0) out[len++] = '/';
    out[len] = '\0';
    return out;
}

/* ---- the loader --------------------------------------------------------- */

/* A directory to search: as the user wrote it (diagnostics) and absolute. */
typedef struct {
    const char *shown, *abs;
} SearchDir;

typedef struct {
    Arena *a;
    Program *p;
    const LoadOptions *o;
    SearchDir *dirs;            /* main's directory, -I, PYTHONPATH */
    int ndirs;
    SearchDir stdlib;           /* abs NULL when absent */
    int next;                   /* worklist: units[next..] not yet scanned */
} Loader;

static Unit *new_unit(Loader *l, const char *name, UnitKind kind) {
    Program *p = l->p;
    Unit *u = arena_alloc(l->a, sizeof(Unit));
    u->name = name;
    u->kind = kind;
    u->index = p->nunits;
    u->program = p;
    p->units = arena_grow(l->a, p->units, &p->capunits, p->nunits + 1, sizeof(Unit *));
    p->units[p->nunits++] = u;
    return u;
}

Unit *modules_find(const Program *p, const char *name) {
    for (int i = 0; i < p->nunits; i++)
        if (strcmp(p->units[i]->name, name) == 0) return p->units[i];
    return NULL;
}

/* The source unit for `name` found as file `rel` (or a package dir) in `d`. */
static Unit *source_unit(Loader *l, const char *name, const SearchDir *d, const char *rel, bool package,
                         bool namespace_) {
    Unit *u = new_unit(l, name, UNIT_SOURCE);
    u->is_package = package;
    const char *dot = strrchr(name, '.');
    if (package) u->package = name;
    else u->package = dot ? arena_strndup(l->a, name, (size_t)(dot - name)) : "";
    if (namespace_) {
        u->pkgdir = abspath(l->a, join(l->a, d->abs, rel));
        u->ast = arena_alloc(l->a, sizeof(Module));
        u->ast->filename = join(l->a, d->shown, rel);
        u->ast->source = "";
        return u;
    }
    u->from_stdlib = d == &l->stdlib;
    u->path = join(l->a, d->shown, rel);
    u->file = abspath(l->a, join(l->a, d->abs, rel));
    u->tb_name = u->file;
    if (package) u->pkgdir = dirname_of(l->a, u->file);
    u->ast = l->o->load(l->a, u->path, l->o->ctx);
    return u;
}

/* Search `name` (absolute, dotted) and add its unit; NULL when not found.
 * Its parent package is loaded first. */
static Unit *find_unit(Loader *l, const char *name) {
    Unit *u = modules_find(l->p, name);
    if (u) return u;
    const char *dot = strrchr(name, '.');
    const char *last = dot ? dot + 1 : name;
    if (!*last) return NULL;
    if (dot) {
        Unit *parent = find_unit(l, arena_strndup(l->a, name, (size_t)(dot - name)));
        if (!parent || !parent->is_package) return NULL;
        u = modules_find(l->p, name);       /* the parent's search may have found it */
        if (u) return u;
        SearchDir d = {parent->path ? dirname_of(l->a, parent->path) : parent->ast->filename,
                       parent->pkgdir};
        char *pkg = join(l->a, last, "__init__.py");
        char *mod = arena_printf(l->a, "%s.py", last);
        if (is_file(join(l->a, d.abs, pkg))) u = source_unit(l, name, &d, pkg, true, false);
        else if (is_file(join(l->a, d.abs, mod))) u = source_unit(l, name, &d, mod, false, false);
        else if (is_dir(join(l->a, d.abs, last))) u = source_unit(l, name, &d, last, true, true);
        if (u) {
            u->parent = parent;
            u->from_stdlib = parent->from_stdlib;
        }
        return u;
    }
    if (strcmp(name, "__main__") == 0) return l->p->main;
    if (strcmp(name, DOCTESTS_MODULE) == 0) {
        /* doctest.py's examples module: built once every other module is
         * loaded (load_all) */
        u = new_unit(l, name, UNIT_SOURCE);
        u->package = "";
        u->tb_name = "<doctest>";
        return u;
    }
    const BuiltinModule *bm = builtin_module(name);
    if (bm && bm->first) return new_unit(l, name, UNIT_BUILTIN);
    char *pkg = join(l->a, name, "__init__.py");
    char *mod = arena_printf(l->a, "%s.py", name);
    const SearchDir *ns = NULL;
    for (int i = 0; i <= l->ndirs + 1; i++) {
        if (i == l->ndirs && bm) return new_unit(l, name, UNIT_BUILTIN);
        const SearchDir *d = i < l->ndirs ? &l->dirs[i] : i == l->ndirs + 1 ? &l->stdlib : NULL;
        if (!d || !d->abs) continue;
        if (is_file(join(l->a, d->abs, pkg))) return source_unit(l, name, d, pkg, true, false);
        if (is_file(join(l->a, d->abs, mod))) return source_unit(l, name, d, mod, false, false);
        if (!ns && is_dir(join(l->a, d->abs, name))) ns = d;
    }
    if (ns) return source_unit(l, name, ns, name, true, true);
    return NULL;
}

const char *modules_absolute(Arena *a, const Unit *u, const char *name, int level, const char **why) {
    if (level == 0) return name;
    const char *pkg = u->package;
    if (!pkg || !*pkg) {
        *why = "attempted relative import with no known parent package";
        return NULL;
    }
    /* Go up level - 1 packages from __package__. */
    size_t len = strlen(pkg);
    for (int i = 1; i < level; i++) {
        while (len > 0 && pkg[len - 1] != '.') len--;
        if (len == 0) {
            *why = "attempted relative import beyond top-level package";
            return NULL;
        }
        len--;
    }
    if (name && *name) return arena_printf(a, "%.*s.%s", (int)len, pkg, name);
    return arena_strndup(a, pkg, len);
}

/* Is an ImportError raised in the body of try statement `s` caught by
 * one of its handlers? */
static bool catches_import_error(const Stmt *s) {
    static const char *const names[] = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"};
    for (int i = 0; i < s->u.try_.handlers.n; i++) {
        const Expr *t = s->u.try_.handlers.v[i]->type;
        if (!t) return true;
        const ExprList one = {1, (Expr **)&t};
        const ExprList *l = t->kind == E_TUPLE ? &t->u.list.elts : &one;
        for (int j = 0; j < l->n; j++) {
            if (l->v[j]->kind != E_NAME) continue;
            for (size_t k = 0; k < sizeof names / sizeof *names; k++)
                if (strcmp(l->v[j]->u.name.id, names[k]) == 0) return true;
        }
    }
    return false;
}

static void import_error(const Unit *u, SrcSpan pos, const char *name, const char *why) {
    /* Loading the modules this one imports parsed other files since. */
    diag_set_source(u->ast->filename, u->ast->source, u->ast->source_len);
    if (why) diag_error(E_IMPORT, pos.line, pos.col, "%s", why);
    else
        diag_error(E_IMPORT, pos.line, pos.col,
                   "no module named '%s' (imports are resolved at compile time; see docs/language.md)",
                   name ? name : "?");
}

/* Need module `name` (and its parents); report it missing unless guarded. */
static Unit *need(Loader *l, const Unit *u, SrcSpan pos, const char *name, bool guarded) {
    Unit *t = find_unit(l, name);
    if (!t && !guarded) {
        /* Name the first missing component, as CPython's message does. */
        const char *missing = name;
        for (const char *dot = strchr(name, '.'); dot; dot = strchr(dot + 1, '.')) {
            const char *prefix = arena_strndup(l->a, name, (size_t)(dot - name));
            if (!modules_find(l->p, prefix)) {
                missing = prefix;
                break;
            }
        }
        import_error(u, pos, missing, NULL);
    }
    return t;
}

/* The literal strings of `__all__ = [...]` / `(...)`, or -1 if `x` is
 * not such a literal. */
static int literal_strs(const Expr *x, const char **out, int max) {
    if (!x || (x->kind != E_LIST && x->kind != E_TUPLE)) return -1;
    int n = 0;
    for (int i = 0; i < x->u.list.elts.n; i++) {
        const Expr *el = x->u.list.elts.v[i];
        if (el->kind != E_CONSTANT || el->u.constant.kind != CONST_STR) return -1;
        if (n < max) out[n++] = el->u.constant.str;
    }
    return n;
}

static void scan_imports(Loader *l, Unit *u, const StmtList *body, bool guarded);

static void scan_import_from(Loader *l, Unit *u, const Stmt *s, bool guarded) {
    const char *mod = s->u.importfrom.module;
    if (s->u.importfrom.level == 0 && mod && strcmp(mod, "__future__") == 0) return;
    const char *why = NULL;
    const char *abs = modules_absolute(l->a, u, mod, s->u.importfrom.level, &why);
    if (!abs) {
        if (!guarded) import_error(u, s->pos, NULL, why);
        return;
    }
    Unit *t = need(l, u, s->pos, abs, guarded);
    if (!t || !t->is_package) return;
    /* from pkg import x: the submodule pkg.x when it exists (imported at
     * run time only if pkg has no attribute x by then). */
    for (int i = 0; i < s->u.importfrom.names.n; i++) {
        const char *n = s->u.importfrom.names.v[i]->name;
        if (strcmp(n, "*") == 0) {
            /* from pkg import *: the submodules its literal __all__ names. */
            if (!t->ast) continue;
            for (int k = 0; k < t->ast->body.n; k++) {
                const Stmt *st = t->ast->body.v[k];
                if (st->kind != S_ASSIGN || st->u.assign.targets.n != 1) continue;
                const Expr *tg = st->u.assign.targets.v[0];
                if (tg->kind != E_NAME || strcmp(tg->u.name.id, "__all__") != 0) continue;
                const char *names[256];
                int m = literal_strs(st->u.assign.value, names, 256);
                for (int j = 0; j < m; j++) find_unit(l, arena_printf(l->a, "%s.%s", abs, names[j]));
            }
            continue;
        }
        find_unit(l, arena_printf(l->a, "%s.%s", abs, n));
    }
}

static void scan_stmt(Loader *l, Unit *u, const Stmt *s, bool guarded) {
    switch (s->kind) {
    case S_IMPORT:
        for (int i = 0; i < s->u.import.names.n; i++) {
            const Alias *al = s->u.import.names.v[i];
            need(l, u, al->pos, al->name, guarded);
        }
        return;
    case S_IMPORTFROM: scan_import_from(l, u, s, guarded); return;
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF: scan_imports(l, u, &s->u.funcdef.body, guarded); return;
    case S_CLASSDEF: scan_imports(l, u, &s->u.classdef.body, guarded); return;
    case S_FOR: case S_ASYNCFOR:
        scan_imports(l, u, &s->u.for_.body, guarded);
        scan_imports(l, u, &s->u.for_.orelse, guarded);
        return;
    case S_WHILE:
        scan_imports(l, u, &s->u.while_.body, guarded);
        scan_imports(l, u, &s->u.while_.orelse, guarded);
        return;
    case S_IF:
        scan_imports(l, u, &s->u.if_.body, guarded);
        scan_imports(l, u, &s->u.if_.orelse, guarded);
        return;
    case S_WITH: case S_ASYNCWITH: scan_imports(l, u, &s->u.with.body, guarded); return;
    case S_MATCH:
        for (int i = 0; i < s->u.match.cases.n; i++) scan_imports(l, u, &s->u.match.cases.v[i]->body, guarded);
        return;
    case S_TRY: case S_TRYSTAR:
        scan_imports(l, u, &s->u.try_.body, guarded || catches_import_error(s));
        for (int i = 0; i < s->u.try_.handlers.n; i++) scan_imports(l, u, &s->u.try_.handlers.v[i]->body, guarded);
        scan_imports(l, u, &s->u.try_.orelse, guarded);
        scan_imports(l, u, &s->u.try_.finalbody, guarded);
        return;
    default: return;
    }
}

static void scan_imports(Loader *l, Unit *u, const StmtList *body, bool guarded) {
    for (int i = 0; i < body->n; i++) scan_stmt(l, u, body->v[i], guarded);
}

/* ---- star imports --------------------------------------------------------- */

static void add_name(Arena *a, const char ***v, int *n, int *cap, const char *name) {
    for (int i = 0; i < *n; i++)
        if (strcmp((*v)[i], name) == 0) return;
    *v = arena_grow(a, *v, cap, *n + 1, sizeof(char *));
    (*v)[(*n)++] = name;
}

/* Every name bound in u's global namespace: its module scope, and the
 * `global` names its functions assign. */
static void global_names(Arena *a, const Scope *s, const char ***v, int *n, int *cap) {
    for (int i = 0; i < s->nsyms; i++) {
        const Symbol *sym = s->syms[i];
        if (!(sym->flags & SYMF_ASSIGNED)) continue;
        if (s->kind == SCOPE_MODULE || sym->kind == SYM_GLOBAL_EXPLICIT) add_name(a, v, n, cap, sym->name);
    }
    for (int i = 0; i < s->nchildren; i++) global_names(a, s->children[i], v, n, cap);
}

static void star_import_into(Arena *a, Unit *u);

void modules_exports(Arena *a, Unit *u, const char ***names, int *n) {
    if (u->exports_state == 2 || u->exports_state == 1) {
        /* Done, or an import cycle: what is known so far. */
        *names = u->exports;
        *n = u->nexports;
        return;
    }
    u->exports_state = 1;
    int cap = 0;
    if (u->kind == UNIT_BUILTIN) {
        const BuiltinModule *bm = builtin_module(u->name);
        const char *s = bm ? bm->exports : "";
        while (*s) {
            const char *e = strchr(s, ' ');
            size_t len = e ? (size_t)(e - s) : strlen(s);
            add_name(a, &u->exports, &u->nexports, &cap, arena_strndup(a, s, len));
            s += len;
            while (*s == ' ') s++;
        }
    } else if (u->ast && u->scopes) {
        /* A literal __all__ (assigned, extended with += or .extend/.append
         * of literals) is the answer; any other binding of it makes the
         * list dynamic: then every bound name is a candidate. */
        bool has_all = false, dynamic = false;
        const char *lit[512];
        int nlit = 0;
        for (int i = 0; i < u->ast->body.n; i++) {
            const Stmt *s = u->ast->body.v[i];
            const Expr *value = NULL, *target = NULL;
            if (s->kind == S_ASSIGN && s->u.assign.targets.n == 1) {
                target = s->u.assign.targets.v[0];
                value = s->u.assign.value;
            } else if (s->kind == S_AUGASSIGN) {
                target = s->u.augassign.target;
                value = s->u.augassign.value;
            } else if (s->kind == S_ANNASSIGN) {
                target = s->u.annassign.target;
                value = s->u.annassign.value;
            } else if (s->kind == S_EXPR && s->u.expr.value->kind == E_CALL) {
                const Expr *f = s->u.expr.value->u.call.func;
                if (f->kind == E_ATTRIBUTE && f->u.attribute.value->kind == E_NAME &&
                    strcmp(f->u.attribute.value->u.name.id, "__all__") == 0) {
                    const ExprList *args = &s->u.expr.value->u.call.args;
                    if (strcmp(f->u.attribute.attr, "append") == 0 && args->n == 1 &&
                        args->v[0]->kind == E_CONSTANT && args->v[0]->u.constant.kind == CONST_STR) {
                        if (nlit < 512) lit[nlit++] = args->v[0]->u.constant.str;
                    } else if (strcmp(f->u.attribute.attr, "extend") == 0 && args->n == 1) {
                        int m = literal_strs(args->v[0], lit + nlit, 512 - nlit);
                        if (m < 0) dynamic = true;
                        else nlit += m;
                    } else {
                        dynamic = true;
                    }
                }
                continue;
            }
            if (!target || target->kind != E_NAME || strcmp(target->u.name.id, "__all__") != 0) continue;
            has_all = true;
            int m = literal_strs(value, lit + nlit, 512 - nlit);
            if (m < 0) dynamic = true;
            else nlit += m;
        }
        Symbol *all = scope_lookup(scope_module(u->scopes), "__all__");
        if (all && (all->flags & SYMF_ASSIGNED) && !has_all) dynamic = true;   /* bound elsewhere */
        if (has_all && !dynamic) {
            for (int i = 0; i < nlit; i++) add_name(a, &u->exports, &u->nexports, &cap, lit[i]);
        } else {
            star_import_into(a, u);             /* its own star imports first */
            const char **v = NULL;
            int nv = 0, capv = 0;
            global_names(a, scope_module(u->scopes), &v, &nv, &capv);
            for (int i = 0; i < nv; i++)
                if (dynamic || v[i][0] != '_') add_name(a, &u->exports, &u->nexports, &cap, v[i]);
        }
    }
    u->exports_state = 2;
    *names = u->exports;
    *n = u->nexports;
}

/* The module-level `from m import *` statements of u bind m's exports:
 * give each a global symbol in u's module scope. (Elsewhere they are a
 * scope error already.) */
static void star_import_into(Arena *a, Unit *u) {
    const Program *p = u->program;
    if (!u->ast || !u->scopes || u->kind != UNIT_SOURCE) return;
    Scope *ms = scope_module(u->scopes);
    if (!ms->uses_star_import || u->stars_done) return;
    u->stars_done = true;           /* once, and not again inside an import cycle */
    for (int i = 0; i < u->ast->body.n; i++) {
        const Stmt *s = u->ast->body.v[i];
        if (s->kind != S_IMPORTFROM) continue;
        bool star = false;
        for (int j = 0; j < s->u.importfrom.names.n; j++)
            if (strcmp(s->u.importfrom.names.v[j]->name, "*") == 0) star = true;
        if (!star) continue;
        const char *why = NULL;
        const char *abs = modules_absolute(a, u, s->u.importfrom.module, s->u.importfrom.level, &why);
        Unit *t = abs ? modules_find(p, abs) : NULL;
        if (!t) continue;
        const char **names;
        int n;
        modules_exports(a, t, &names, &n);
        for (int k = 0; k < n; k++) scope_add_global(a, ms, names[k]);
    }
}

/* ---- the whole program -------------------------------------------------------- */

/* Scan the imports of units[from..], loading what they need. */
static void scan_units(Loader *l, int from) {
    for (l->next = from; l->next < l->p->nunits; l->next++) {
        Unit *u = l->p->units[l->next];
        if (u->kind != UNIT_SOURCE || !u->ast) continue;
        diag_set_source(u->ast->filename, u->ast->source, u->ast->source_len);
        scan_imports(l, u, &u->ast->body, false);
    }
}

static Program *load_all(Loader *l, Unit *main) {
    Program *p = l->p;
    p->main = main;
    if (!main->ast) return NULL;
    scan_units(l, 0);
    Unit *dt = modules_find(p, DOCTESTS_MODULE);
    if (dt && !dt->ast) {
        /* the examples of every module loaded; an import in an example
         * that finds nothing fails when the example runs, as in CPython */
        int end = p->nunits;
        dt->ast = doctests_module(l->a, p);
        diag_set_source(dt->ast->filename, dt->ast->source, dt->ast->source_len);
        scan_imports(l, dt, &dt->ast->body, true);
        scan_units(l, end);
    }
    for (int i = 0; i < p->nunits; i++) {
        Unit *u = p->units[i];
        if (u->kind != UNIT_SOURCE || !u->ast) continue;
        diag_set_source(u->ast->filename, u->ast->source, u->ast->source_len);
        u->scopes = scope_build(l->a, u->ast);
    }
    for (int i = 0; i < p->nunits; i++) star_import_into(l->a, p->units[i]);
    nsdict_mark(l->a, p);
    return p;
}

static void setup(Loader *l, Arena *a, const LoadOptions *o) {
    memset(l, 0, sizeof *l);
    l->a = a;
    l->o = o;
    l->p = arena_alloc(a, sizeof(Program));
    if (o->isolated) return;
    l->dirs = arena_alloc(a, sizeof(SearchDir) * (size_t)(o->ndirs + 1));
    const char *md = dirname_of(a, o->main_path);
    l->dirs[l->ndirs++] = (SearchDir){md, abspath(a, *md ? md : ".")};
    for (int i = 0; i < o->ndirs; i++) l->dirs[l->ndirs++] = (SearchDir){o->dirs[i], abspath(a, o->dirs[i])};
    if (o->stdlib_dir && is_dir(o->stdlib_dir)) l->stdlib = (SearchDir){o->stdlib_dir, abspath(a, o->stdlib_dir)};
}

Program *modules_load(Arena *a, const LoadOptions *o) {
    Loader l;
    setup(&l, a, o);
    Unit *main = new_unit(&l, "__main__", UNIT_SOURCE);
    main->path = o->main_path;
    main->file = abspath(a, o->main_path);
    main->tb_name = o->main_path;
    main->ast = o->load(a, o->main_path, o->ctx);
    return load_all(&l, main);
}

typedef struct {
    const char *name, *text;
    size_t len;
} TextSource;

static Module *load_text(Arena *a, const char *path, void *ctx) {
    const TextSource *t = ctx;
    if (strcmp(path, t->name) != 0) return NULL;
    int before = diag_error_count();
    Module *m = parse_module(a, t->name, t->text, t->len);
    return diag_error_count() > before ? NULL : m;
}

Program *modules_load_text(Arena *a, const char *name, const char *text, size_t len, const char *const *dirs,
                           int ndirs) {
    TextSource ts = {name, text, len};
    LoadOptions o = {.main_path = name, .dirs = dirs, .ndirs = ndirs, .isolated = dirs == NULL,
                     .load = load_text, .ctx = &ts};
    return modules_load(a, &o);
}
