/*
 * main.c — the aithonc driver.
 *
 * Pipeline: read → parse (parse.c) and find the imported modules
 * (modules.c: the main file's directory, -I, $PYTHONPATH, the stdlib) →
 * scopes (scope.c) → emit (emit_*.c)
 * → LLVMVerifyModule → optimise (LLVMRunPasses "default<On>") → object
 * file → link with the system C compiler against the runtime archive.
 *
 * The runtime archive and stdlib are found relative to this executable:
 * <dir of aithonc>/../lib/aithon/, which is both the build tree's layout
 * (build/bin, build/lib/aithon) and an installed one (PREFIX/bin,
 * PREFIX/lib/aithon). $AITHON_LIBDIR overrides it; $CC picks the linker
 * driver (default cc); $AITHON_LDFLAGS adds link flags (used by `make
 * check` to link the sanitizer runtimes).
 *
 * Exit status: 0 success, 1 errors in the program, 2 usage or I/O
 * errors, 3 internal errors; with --run, the program's own status.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/BitWriter.h>
#include <llvm-c/Core.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "arena.h"
#include "ast.h"
#include "defassign.h"
#include "diag.h"
#include "effects.h"
#include "emit.h"
#include "methnames.h"
#include "runonce.h"
#include "modules.h"
#include "objcache.h"
#include "parse.h"
#include "scope.h"

#define AITHON_VERSION "0.1.0"

typedef enum { OUT_EXE, OUT_OBJ, OUT_ASM, OUT_LLVM } OutputKind;

typedef struct {
    const char *input;
    const char *output;
    OutputKind kind;
    int opt_level;
    bool debug, verbose, run, parse_only, dump_ast, explain_actors;
    char **run_args;            /* argv for --run, after the input */
    int nrun_args;
    const char **parse_files;
    int nparse_files;
    const char **include_dirs;  /* -I DIR, in order */
    int ninclude;
} Options;

static void usage(FILE *out) {
    fputs("usage: aithonc FILE.py [options]\n"
          "       aithonc --parse-only FILE.py...\n"
          "\n"
          "Compile a Python 3 program into a native executable.\n"
          "\n"
          "options:\n"
          "  -o PATH         output file (default: FILE without .py; '-' for stdout\n"
          "                  with --emit-llvm or -S)\n"
          "  --emit-llvm     write LLVM IR (FILE.ll) instead of an executable\n"
          "  -S              write assembly (FILE.s)\n"
          "  -c              write an object file (FILE.o)\n"
          "  -O0 -O1 -O2 -O3 optimisation level (default -O2)\n"
          "  -g              emit DWARF line info (gdb and perf show Python lines)\n"
          "  -I DIR          search DIR for imported modules (after FILE's directory,\n"
          "                  before $PYTHONPATH and the stdlib)\n"
          "  --run [ARGS]    compile to a temporary file and run it with ARGS\n"
          "  -v              print the link command\n"
          "  --parse-only    parse the files and report syntax errors only\n"
          "  --dump-ast      print the syntax tree of FILE\n"
          "  --explain-actors  print, for each async def, whether it runs as an\n"
          "                  isolated actor or as a shared task, and why\n"
          "  --version       print the version\n"
          "  --help          print this help\n",
          out);
}

static void die_usage(const char *msg, const char *arg) {
    fprintf(stderr, "aithonc: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    fputs("try 'aithonc --help'\n", stderr);
    exit(2);
}

static Options parse_options(int argc, char **argv) {
    Options o = {.opt_level = 2, .kind = OUT_EXE};
    o.parse_files = calloc((size_t)argc, sizeof(char *));
    o.include_dirs = calloc((size_t)argc, sizeof(char *));
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            exit(0);
        } else if (strcmp(a, "--version") == 0) {
            printf("aithonc %s (LLVM %d)\n", AITHON_VERSION, LLVM_VERSION_MAJOR);
            exit(0);
        } else if (strcmp(a, "-o") == 0) {
            if (++i >= argc) die_usage("-o needs a file name", NULL);
            o.output = argv[i];
        } else if (strcmp(a, "-I") == 0) {
            if (++i >= argc) die_usage("-I needs a directory", NULL);
            o.include_dirs[o.ninclude++] = argv[i];
        } else if (a[0] == '-' && a[1] == 'I' && a[2]) {
            o.include_dirs[o.ninclude++] = a + 2;
        } else if (strcmp(a, "--emit-llvm") == 0) {
            o.kind = OUT_LLVM;
        } else if (strcmp(a, "-S") == 0) {
            o.kind = OUT_ASM;
        } else if (strcmp(a, "-c") == 0) {
            o.kind = OUT_OBJ;
        } else if (a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '3' && !a[3]) {
            o.opt_level = a[2] - '0';
        } else if (strcmp(a, "-g") == 0) {
            o.debug = true;
        } else if (strcmp(a, "-v") == 0) {
            o.verbose = true;
        } else if (strcmp(a, "--parse-only") == 0) {
            o.parse_only = true;
        } else if (strcmp(a, "--dump-ast") == 0) {
            o.dump_ast = true;
        } else if (strcmp(a, "--explain-actors") == 0) {
            o.explain_actors = true;
        } else if (strcmp(a, "--run") == 0) {
            o.run = true;
            if (!o.input) {
                if (++i >= argc) die_usage("--run needs a file", NULL);
                o.input = argv[i];
            }
            o.run_args = argv + i + 1;
            o.nrun_args = argc - i - 1;
            break;
        } else if (a[0] == '-' && a[1]) {
            die_usage("unknown option", a);
        } else if (o.parse_only) {
            o.parse_files[o.nparse_files++] = a;
        } else if (!o.input) {
            o.input = a;
        } else {
            die_usage("more than one input file", a);
        }
    }
    if (o.parse_only && o.input) o.parse_files[o.nparse_files++] = o.input;
    if (!o.input && !o.nparse_files) die_usage("no input file", NULL);
    return o;
}

static bool io_failed;      /* an input could not be read (exit status 2) */

/* Every source file read in this run, by device and inode: no output may
 * be written over one of them (names are not compared: `./a.py`, a
 * symlink or a hard link to a.py are the same file). */
typedef struct {
    dev_t dev;
    ino_t ino;
    const char *path;
} SourceId;
static SourceId *sources;
static int nsources, sources_cap;

static void note_source(const char *path, const struct stat *st) {
    if (nsources == sources_cap) {
        sources_cap = sources_cap ? 2 * sources_cap : 8;
        sources = realloc(sources, (size_t)sources_cap * sizeof *sources);
    }
    sources[nsources++] = (SourceId){st->st_dev, st->st_ino, path};
}

/* The source that writing `out` would destroy, or NULL. */
static const char *source_at(const char *out) {
    struct stat st;
    if (stat(out, &st) != 0) return NULL;     /* does not exist yet */
    for (int i = 0; i < nsources; i++)
        if (sources[i].dev == st.st_dev && sources[i].ino == st.st_ino) return sources[i].path;
    return NULL;
}

/* Refuse an output that would overwrite a source (as gcc does) or that
 * cannot go where it was asked; 0 when `out` may be written, else the
 * exit status (2) after the message. */
static int check_output(const char *out, OutputKind kind) {
    if (strcmp(out, "-") == 0 && kind == OUT_EXE) {
        fputs("aithonc: error: cannot write an executable to standard output (-o -); "
              "use --emit-llvm, -S or -c for that\n",
              stderr);
        return 2;
    }
    if (strcmp(out, "-") == 0) return 0;
    const char *src = source_at(out);
    if (src) {
        fprintf(stderr,
                "aithonc: error: output file '%s' is the source file '%s'; "
                "refusing to overwrite it (choose another name with -o)\n",
                out, src);
        return 2;
    }
    /* Say why the output cannot be written before the linker or LLVM
     * does in its own words: a directory, or a directory that is
     * missing, is not one, or may not be written. */
    struct stat st;
    const char *why = NULL;
    if (stat(out, &st) == 0 && S_ISDIR(st.st_mode)) {
        why = strerror(EISDIR);
    } else {
        const char *slash = strrchr(out, '/');
        char *dir = slash ? strndup(out, slash == out ? 1 : (size_t)(slash - out)) : strdup(".");
        if (!dir) return 2;
        if (stat(dir, &st) != 0) why = strerror(errno);
        else if (!S_ISDIR(st.st_mode)) why = strerror(ENOTDIR);
        else if (access(dir, W_OK) != 0) why = strerror(errno);
        free(dir);
    }
    if (why) {
        fprintf(stderr, "aithonc: cannot write %s: %s\n", out, why);
        return 2;
    }
    return 0;
}

/* Write the IR text to `out` (or standard output for "-"); 0, or 2 after
 * the message when a write fails (a full disk: LLVM's own printer would
 * end the process with "LLVM ERROR"). */
static int write_ir(LLVMModuleRef mod, const char *out) {
    char *ir = LLVMPrintModuleToString(mod);
    bool to_stdout = strcmp(out, "-") == 0;
    FILE *f = to_stdout ? stdout : fopen(out, "w");
    int rc = 0;
    if (!f) {
        fprintf(stderr, "aithonc: cannot write %s: %s\n", out, strerror(errno));
        rc = 2;
    } else {
        size_t n = strlen(ir);
        bool ok = fwrite(ir, 1, n, f) == n;
        ok = (to_stdout ? fflush(f) == 0 : fclose(f) == 0) && ok;
        if (!ok) {
            fprintf(stderr, "aithonc: cannot write %s: %s\n", to_stdout ? "standard output" : out,
                    strerror(errno));
            rc = 2;
        }
    }
    LLVMDisposeMessage(ir);
    return rc;
}

/* The largest source aithonc reads (a bigger one, or an endless stream
 * such as a FIFO fed by `yes`, is refused once this much has been read):
 * compiling costs a few hundred bytes of memory per source byte
 * (docs/reliability.md), so this bounds the compiler's memory too. */
#define MAX_SOURCE ((size_t)16 << 20)

/* Read a whole file; NULL (with errno, or *too_big) on failure. Reading
 * stops after the first block holding a NUL byte, which the parser then
 * refuses as CPython does ("source code cannot contain null bytes"), so
 * `aithonc /dev/zero` ends at once. */
static char *read_file(const char *path, size_t *len, bool *too_big) {
    *too_big = false;
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    struct stat st;
    if (fstat(fileno(f), &st) == 0) note_source(path, &st);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        fclose(f);
        errno = ENOMEM;
        return NULL;
    }
    for (;;) {
        size_t got = fread(buf + n, 1, cap - n, f);
        bool nul = memchr(buf + n, '\0', got) != NULL;
        n += got;
        if (n < cap || nul) break;
        if (cap >= MAX_SOURCE) {
            *too_big = true;
            break;
        }
        cap *= 2;
        char *nbuf = realloc(buf, cap + 1);
        if (!nbuf) {
            free(buf);
            fclose(f);
            errno = ENOMEM;
            return NULL;
        }
        buf = nbuf;
    }
    bool bad = ferror(f) || *too_big;
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Parse one file into `arena`; NULL after reporting errors. */
static Module *load_module(Arena *arena, const char *path) {
    size_t len;
    bool too_big;
    char *src = read_file(path, &len, &too_big);
    if (!src) {
        if (too_big)
            diag_error_file(E_IO, path, "source file is larger than %zu MiB", MAX_SOURCE >> 20);
        else
            diag_error_file(E_IO, path, "cannot read file: %s", strerror(errno));
        io_failed = true;
        return NULL;
    }
    char *text = arena_strndup(arena, src, len);
    free(src);
    int before = diag_error_count();
    Module *m = parse_module(arena, path, text, len);
    return diag_error_count() > before ? NULL : m;
}

/* ---- finding the runtime and linking ---------------------------------------- */

static const char *runtime_dir(void) {
    const char *env = getenv("AITHON_LIBDIR");
    if (env && *env) return env;
    static char dir[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 32);
    if (n <= 0) return "/usr/local/lib/aithon";
    dir[n] = '\0';
    char *slash = strrchr(dir, '/');
    if (slash) *slash = '\0';             /* …/bin */
    strcat(dir, "/../lib/aithon");
    return dir;
}

static int run_command(char **argv, bool verbose) {
    if (verbose) {
        for (char **a = argv; *a; a++) fprintf(stderr, "%s%s", a == argv ? "" : " ", *a);
        fputc('\n', stderr);
    }
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        execvp(argv[0], argv);
        fprintf(stderr, "aithonc: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

static int link_executable(const char *obj, const char *const *extra_objs, int nextra, const char *out,
                           bool verbose) {
    const char *dir = runtime_dir();
    static char archive[PATH_MAX + 32];
    snprintf(archive, sizeof archive, "%s/libaithonrt.a", dir);
    struct stat st;
    if (stat(archive, &st) != 0) {
        fprintf(stderr, "aithonc: runtime library not found: %s (set AITHON_LIBDIR)\n", archive);
        return 2;
    }
    const char *cc = getenv("CC");
    char **argv = calloc((size_t)nextra + 64, sizeof(char *));
    int n = 0;
    argv[n++] = (char *)(cc && *cc ? cc : "cc");
    argv[n++] = "-o";
    argv[n++] = (char *)out;
    argv[n++] = (char *)obj;
    for (int i = 0; i < nextra; i++) argv[n++] = (char *)extra_objs[i];
    argv[n++] = archive;
    argv[n++] = "-lgmp";
    argv[n++] = "-lffi";
    argv[n++] = "-lm";
    argv[n++] = "-lpthread";
    /* Extra flags, split on spaces ($AITHON_LDFLAGS). */
    char *extra = getenv("AITHON_LDFLAGS") ? strdup(getenv("AITHON_LDFLAGS")) : NULL;
    for (char *tok = extra ? strtok(extra, " ") : NULL; tok && n < nextra + 62; tok = strtok(NULL, " "))
        argv[n++] = tok;
    argv[n] = NULL;
    int rc = run_command(argv, verbose);
    free(extra);
    free(argv);
    if (rc != 0) {
        fprintf(stderr, "aithonc: linking failed (status %d)\n", rc);
        return 2;
    }
    return 0;
}

/* ---- LLVM back end -------------------------------------------------------------- */

static LLVMTargetMachineRef make_target_machine(int opt_level) {
    LLVMInitializeNativeTarget();
    LLVMInitializeNativeAsmPrinter();
    LLVMInitializeNativeAsmParser();
    char *triple = LLVMGetDefaultTargetTriple();
    LLVMTargetRef target;
    char *err = NULL;
    if (LLVMGetTargetFromTriple(triple, &target, &err)) {
        fprintf(stderr, "aithonc: %s\n", err);
        exit(3);
    }
    /* -O2 optimises the IR at O2 but generates code at the back end's
     * O1: the same machine code speed on the benchmarks (richards,
     * raytrace, nbody, fib within noise), a quarter less code generation
     * time (docs/performance.md, "Compile time"). */
    static const LLVMCodeGenOptLevel levels[] = {LLVMCodeGenLevelNone, LLVMCodeGenLevelLess,
                                                 LLVMCodeGenLevelLess, LLVMCodeGenLevelAggressive};
    LLVMTargetMachineRef tm = LLVMCreateTargetMachine(target, triple, "generic", "", levels[opt_level],
                                                      LLVMRelocPIC, LLVMCodeModelDefault);
    LLVMDisposeMessage(triple);
    return tm;
}

static char *default_output(const char *input, const char *ext) {
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    size_t n = strlen(base);
    if (n > 3 && strcmp(base + n - 3, ".py") == 0) n -= 3;
    char *out = malloc(n + strlen(ext) + 1);
    memcpy(out, base, n);
    strcpy(out + n, ext);
    return out;
}

/* Where the result goes: -o, or the input's name without .py plus the
 * kind's extension, in the current directory. */
static const char *output_path(const Options *o) {
    if (o->output) return o->output;
    static const char *const ext[] = {[OUT_EXE] = "", [OUT_OBJ] = ".o", [OUT_ASM] = ".s", [OUT_LLVM] = ".ll"};
    return default_output(o->input, ext[o->kind]);
}

static Module *load_cb(Arena *a, const char *path, void *ctx) {
    (void)ctx;
    return load_module(a, path);
}

/* The import search path after the main file's directory: -I
 * directories, then $PYTHONPATH's entries (empty ones skipped). */
static const char **search_dirs(const Options *o, int *n) {
    const char *pp = getenv("PYTHONPATH");
    size_t cap = (size_t)o->ninclude + (pp ? strlen(pp) + 1 : 0) + 1;
    const char **dirs = calloc(cap, sizeof(char *));
    int k = 0;
    for (int i = 0; i < o->ninclude; i++) dirs[k++] = o->include_dirs[i];
    if (pp) {
        char *copy = strdup(pp);
        for (char *tok = strtok(copy, ":"); tok; tok = strtok(NULL, ":")) dirs[k++] = tok;
    }
    *n = k;
    return dirs;
}

/* Verify and optimise one LLVM module; 0, or the exit status. */
static int verify_and_optimise(LLVMModuleRef mod, LLVMTargetMachineRef tm, int opt_level, const char *input,
                               bool optimise) {
    char *err = NULL;
    if (LLVMVerifyModule(mod, LLVMReturnStatusAction, &err)) {
        fprintf(stderr, "%s: error[E0999]: internal compiler error: invalid IR\n%s\n", input, err);
        if (getenv("AITHON_DUMP_BAD_IR")) LLVMDumpModule(mod);
        return 3;
    }
    LLVMDisposeMessage(err);
    if (!optimise) return 0;
    LLVMPassBuilderOptionsRef pbo = LLVMCreatePassBuilderOptions();
    char pipeline[32];
    snprintf(pipeline, sizeof pipeline, "default<O%d>", opt_level);
    LLVMErrorRef perr = LLVMRunPasses(mod, pipeline, tm, pbo);
    LLVMDisposePassBuilderOptions(pbo);
    if (perr) {
        char *msg = LLVMGetErrorMessage(perr);
        fprintf(stderr, "aithonc: optimisation failed: %s\n", msg);
        LLVMDisposeErrorMessage(msg);
        return 3;
    }
    return 0;
}

static void set_target(LLVMModuleRef mod, LLVMTargetMachineRef tm, LLVMTargetDataRef layout) {
    char *triple = LLVMGetTargetMachineTriple(tm);
    LLVMSetTarget(mod, triple);
    LLVMDisposeMessage(triple);
    LLVMSetModuleDataLayout(mod, layout);
}

/* The object files of the program's stdlib modules, one per module (see
 * objcache.h): from the cache when their key is there, else compiled
 * (and cached). in_main[i] is cleared for each. Paths that must be
 * removed after linking (no cache) go to *temps. 0, or the exit status. */
static int stdlib_objects(const Options *o, Arena *arena, LLVMContextRef ctx, const Program *prog,
                          const EmitOptions *eo, LLVMTargetMachineRef tm, LLVMTargetDataRef layout, bool *in_main,
                          const char ***objs, int *nobjs, const char ***temps, int *ntemps) {
    bool *which = calloc((size_t)prog->nunits, sizeof(bool));
    *objs = calloc((size_t)prog->nunits + 1, sizeof(char *));
    *temps = calloc((size_t)prog->nunits + 1, sizeof(char *));
    const char *dir = objcache_dir();
    char *triple = LLVMGetTargetMachineTriple(tm);
    int rc = 0;
    for (int i = 0; i < prog->nunits && rc == 0; i++) {
        const Unit *u = prog->units[i];
        if (u->kind != UNIT_SOURCE || !u->from_stdlib || !u->ast || !u->scopes) continue;
        in_main[i] = false;
        memset(which, 0, (size_t)prog->nunits * sizeof(bool));
        which[i] = true;
        LLVMModuleRef mod = emit_units(arena, ctx, prog, eo, which, false);
        if (!mod) {
            rc = 1;
            break;
        }
        set_target(mod, tm, layout);
        if ((rc = verify_and_optimise(mod, tm, o->opt_level, u->path, false)) != 0) break;
        /* The key: the compiler, the back end's settings, the module's IR. */
        Hash128 h = objcache_compiler_id();
        int settings[2] = {o->opt_level, o->debug};
        h = objcache_hash(h, settings, sizeof settings);
        h = objcache_hash(h, triple, strlen(triple));
        LLVMMemoryBufferRef bc = LLVMWriteBitcodeToMemoryBuffer(mod);
        h = objcache_hash(h, LLVMGetBufferStart(bc), LLVMGetBufferSize(bc));
        LLVMDisposeMemoryBuffer(bc);
        char *path = arena_printf(arena, "%s/%016llx%016llx.o", dir ? dir : "/tmp", (unsigned long long)h.h[0],
                                  (unsigned long long)h.h[1]);
        struct stat st;
        if (dir && stat(path, &st) == 0) {
            (*objs)[(*nobjs)++] = path;
            LLVMDisposeModule(mod);
            continue;
        }
        if ((rc = verify_and_optimise(mod, tm, o->opt_level, u->path, true)) != 0) break;
        char *tmp = arena_printf(arena, "%s/.tmp-%d-XXXXXX.o", dir ? dir : "/tmp", (int)getpid());
        int fd = mkstemps(tmp, 2);
        if (fd < 0) {
            perror("aithonc: temporary file");
            rc = 2;
            break;
        }
        close(fd);
        char *err = NULL;
        if (LLVMTargetMachineEmitToFile(tm, mod, tmp, LLVMObjectFile, &err)) {
            fprintf(stderr, "aithonc: cannot write object: %s\n", err);
            unlink(tmp);
            rc = 2;
            break;
        }
        LLVMDisposeModule(mod);
        if (dir && rename(tmp, path) == 0) {
            (*objs)[(*nobjs)++] = path;
        } else {
            (*objs)[(*nobjs)++] = tmp;
            (*temps)[(*ntemps)++] = tmp;
        }
    }
    LLVMDisposeMessage(triple);
    free(which);
    return rc;
}

static int compile(const Options *o) {
    Arena arena;
    arena_init(&arena);
    if (o->dump_ast) {
        Module *m = load_module(&arena, o->input);
        if (!m) return io_failed ? 2 : 1;
        /* The scope pass also enforces the nesting limits, so it runs
         * before anything else walks the tree (ast_dump included). */
        scope_build(&arena, m);
        if (diag_error_count()) return 1;
        ast_dump(stdout, m);
        return 0;
    }
    static char stdlib[PATH_MAX + 16];
    snprintf(stdlib, sizeof stdlib, "%s/stdlib", runtime_dir());
    LoadOptions lo = {.main_path = o->input, .stdlib_dir = stdlib, .load = load_cb};
    lo.dirs = search_dirs(o, &lo.ndirs);
    Program *prog = modules_load(&arena, &lo);
    if (!prog) return io_failed ? 2 : 1;
    if (diag_error_count()) return io_failed ? 2 : 1;
    /* Checked before any work and again just before writing (the sources
     * are all known by then). */
    const char *out = output_path(o);
    int bad = o->explain_actors ? 0 : check_output(out, o->kind);
    if (bad) return bad;
    /* Each module's async defs: isolated or shared (effects.c). */
    for (int i = 0; i < prog->nunits; i++) {
        Unit *u = prog->units[i];
        if (u->kind == UNIT_SOURCE && u->ast) u->effects = effects_analyze(&arena, u->ast, u->scopes);
    }
    /* Which reads of locals need no unbound check (defassign.c), which
     * names classes bind (methnames.c). */
    for (int i = 0; i < prog->nunits; i++) {
        Unit *u = prog->units[i];
        if (u->kind != UNIT_SOURCE || !u->ast || !u->scopes) continue;
        defassign_analyze(&arena, u->ast, u->scopes);
        methnames_collect(&arena, u->scopes);
    }
    /* the main module's run-once defs (another module's functions may be
     * called from anywhere that imports them) */
    runonce_analyze(&arena, prog);
    if (o->explain_actors) {
        for (int i = 0; i < prog->nunits; i++)
            if (prog->units[i]->effects) effects_explain(prog->units[i]->effects, stdout, prog->units[i]->tb_name);
        return 0;
    }

    LLVMContextRef ctx = LLVMContextCreate();
    /* Names of values and blocks only matter in printed IR; without them a
     * big module takes less memory and time. */
    if (o->kind != OUT_LLVM) LLVMContextSetDiscardValueNames(ctx, 1);
    EmitOptions eo = {.opt_level = o->opt_level, .debug_info = o->debug};
    LLVMTargetMachineRef tm = make_target_machine(o->opt_level);
    LLVMTargetDataRef layout = LLVMCreateTargetDataLayout(tm);

    /* An executable links its stdlib modules as separate (cached) object
     * files; -c, -S and --emit-llvm write the whole program as one. */
    const char **stdlib_objs = NULL, **temps = NULL;
    int nstdlib = 0, ntemps = 0, rc = 0;
    bool *in_main = malloc((size_t)prog->nunits * sizeof(bool) + 1);
    for (int i = 0; i < prog->nunits; i++) in_main[i] = true;
    if (o->kind == OUT_EXE)
        rc = stdlib_objects(o, &arena, ctx, prog, &eo, tm, layout, in_main, &stdlib_objs, &nstdlib, &temps, &ntemps);
    LLVMModuleRef mod = rc ? NULL : nstdlib ? emit_units(&arena, ctx, prog, &eo, in_main, true)
                                            : emit_program(&arena, ctx, prog, &eo);
    if (!mod) {
        for (int i = 0; i < ntemps; i++) unlink(temps[i]);
        return rc ? rc : 1;
    }
    set_target(mod, tm, layout);
    char *err = NULL;
    if ((rc = verify_and_optimise(mod, tm, o->opt_level, o->input, true)) != 0) {
        for (int i = 0; i < ntemps; i++) unlink(temps[i]);
        return rc;
    }

    rc = check_output(out, o->kind);
    if (rc) return rc;
    if (o->kind == OUT_LLVM) {
        rc = write_ir(mod, out);
    } else if (o->kind == OUT_ASM || o->kind == OUT_OBJ) {
        LLVMCodeGenFileType ft = o->kind == OUT_ASM ? LLVMAssemblyFile : LLVMObjectFile;
        if (strcmp(out, "-") == 0) {
            LLVMMemoryBufferRef buf;
            if (LLVMTargetMachineEmitToMemoryBuffer(tm, mod, ft, &err, &buf)) {
                fprintf(stderr, "aithonc: %s\n", err);
                return 3;
            }
            size_t n = LLVMGetBufferSize(buf);
            if (fwrite(LLVMGetBufferStart(buf), 1, n, stdout) != n || fflush(stdout) != 0) {
                fprintf(stderr, "aithonc: cannot write standard output: %s\n", strerror(errno));
                rc = 2;
            }
            LLVMDisposeMemoryBuffer(buf);
        } else if (LLVMTargetMachineEmitToFile(tm, mod, (char *)out, ft, &err)) {
            fprintf(stderr, "aithonc: cannot write %s: %s\n", out, err);
            rc = 2;
        }
    } else {
        char obj[] = "/tmp/aithonc-XXXXXX.o";
        int fd = mkstemps(obj, 2);
        if (fd < 0) {
            perror("aithonc: temporary file");
            return 2;
        }
        close(fd);
        if (LLVMTargetMachineEmitToFile(tm, mod, obj, LLVMObjectFile, &err)) {
            fprintf(stderr, "aithonc: cannot write object: %s\n", err);
            rc = 2;
        } else {
            rc = link_executable(obj, stdlib_objs, nstdlib, out, o->verbose);
        }
        unlink(obj);
    }
    for (int i = 0; i < ntemps; i++) unlink(temps[i]);
    free(in_main);
    LLVMDisposeModule(mod);
    LLVMDisposeTargetData(layout);
    LLVMDisposeTargetMachine(tm);
    LLVMContextDispose(ctx);
    arena_free(&arena);
    return rc;
}

static int parse_only(const Options *o) {
    int failed = 0;
    for (int i = 0; i < o->nparse_files; i++) {
        Arena arena;
        arena_init(&arena);
        diag_reset();
        if (!load_module(&arena, o->parse_files[i])) failed++;
        arena_free(&arena);
    }
    return failed ? 1 : 0;
}

static int compile_and_run(Options *o) {
    char exe[] = "/tmp/aithon-run-XXXXXX";
    int fd = mkstemp(exe);
    if (fd < 0) {
        perror("aithonc: temporary file");
        return 2;
    }
    close(fd);
    o->output = exe;
    o->kind = OUT_EXE;
    int rc = compile(o);
    if (rc != 0) {
        unlink(exe);
        return rc;
    }
    char **argv = calloc((size_t)o->nrun_args + 2, sizeof(char *));
    argv[0] = exe;
    for (int i = 0; i < o->nrun_args; i++) argv[i + 1] = o->run_args[i];
    pid_t pid = fork();
    if (pid == 0) {
        execv(exe, argv);
        _exit(127);
    }
    int status = 0;
    while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    unlink(exe);
    free(argv);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}

/* ---- the compile thread ------------------------------------------------------------
 *
 * The parser, the scope pass, the emitter and LLVM all recurse over the
 * program's nesting. Their depth is bounded by the language limits
 * (PARSE_MAX_DEPTH in parse_impl.h, SCOPE_MAX_DEPTH in scope.h, the
 * lexer's 200 brackets and 100 indentation levels), never by the size of
 * the process's stack: everything runs on a thread whose stack we map
 * ourselves, COMPILE_STACK bytes (MAP_NORESERVE: only touched pages cost
 * memory), so `ulimit -s` changes nothing. The deepest program the limits
 * let through uses a few MiB of it (docs/reliability.md). */

#define COMPILE_STACK ((size_t)256 << 20)

typedef struct {
    Options *o;
    int status;
} Job;

/* A fatal signal in the compiler (LLVM aborts when it runs out of memory,
 * e.g. under `ulimit -v`) ends it with status 3 and one line, not a core
 * dump. The handler runs on an alternate stack, so a stack overflow can
 * report too. */
static void __attribute__((unused)) fatal_signal(int sig) {
    static const char msg[] = "aithonc: internal error: fatal signal (out of memory?); "
                              "compilation abandoned\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    (void)sig;
    _exit(3);
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SANITIZED 1     /* the sanitizer reports fatal signals itself */
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define SANITIZED 1
#endif
#endif

#ifndef SANITIZED
static stack_t old_altstack;
#endif

static void catch_fatal_signals(void) {
#ifndef SANITIZED
    static char altstack[64 << 10];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
    sigaltstack(&ss, &old_altstack);
    struct sigaction sa = {.sa_handler = fatal_signal, .sa_flags = SA_ONSTACK};
    sigemptyset(&sa.sa_mask);
    static const int sigs[] = {SIGABRT, SIGSEGV, SIGBUS, SIGILL, SIGFPE};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
#endif
}

/* The thread's alternate stack is ours (static): hand the old one back
 * before the thread ends, whoever frees thread resources then. */
static void release_altstack(void) {
#ifndef SANITIZED
    if (!(old_altstack.ss_flags & SS_DISABLE) && old_altstack.ss_sp) sigaltstack(&old_altstack, NULL);
    else sigaltstack(&(stack_t){.ss_flags = SS_DISABLE}, NULL);
#endif
}

static void *compile_thread(void *arg) {
    catch_fatal_signals();
    Job *j = arg;
    Options *o = j->o;
    j->status = o->parse_only ? parse_only(o) : o->run ? compile_and_run(o) : compile(o);
    release_altstack();
    return NULL;
}

/* Run the job on a big stack; smaller ones when the address space is
 * limited (ulimit -v), this thread's as a last resort. */
static int run_on_big_stack(Job *j) {
    static const size_t sizes[] = {COMPILE_STACK, (size_t)64 << 20, (size_t)16 << 20};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        void *base = mmap(NULL, sizes[i], PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
        if (base == MAP_FAILED) continue;
        mprotect(base, 4096, PROT_NONE);      /* guard page at the bottom */
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstack(&attr, base, sizes[i]);
        pthread_t th;
        int err = pthread_create(&th, &attr, compile_thread, j);
        pthread_attr_destroy(&attr);
        if (err == 0) {
            pthread_join(th, NULL);
            munmap(base, sizes[i]);
            return j->status;
        }
        munmap(base, sizes[i]);
    }
    compile_thread(j);
    return j->status;
}

int main(int argc, char **argv) {
    Options o = parse_options(argc, argv);
    Job j = {&o, 0};
    return run_on_big_stack(&j);
}
