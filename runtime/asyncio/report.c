/*
 * asyncio/report.c — what asyncio prints on stderr when something goes
 * wrong where nobody can catch it, worded as CPython's default exception
 * handler (and the `logging` last-resort handler behind it) words it:
 *
 *     Task exception was never retrieved
 *     future: <Task finished name='Task-2' coro=<f() done, defined at t.py:3> exception=ValueError('x')>
 *     Traceback (most recent call last):
 *       File "t.py", line 4, in f
 *     ValueError: x
 *
 * and the frames of CPython's asyncio.run that a traceback escaping it
 * shows (runners.py and base_events.py), so that an uncaught exception in
 * asyncio.run(main()) prints what CPython prints. Those files' paths and
 * line numbers are the CPython installation's: they are looked up, once,
 * in the python3.11 found on PATH (its lib/python3.11/asyncio/), and fall
 * back to CPython 3.11.7's layout under /usr/lib/python3.11.
 */
#include "asyncio/aio.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void write_line(strbuf *b) {
    bi_stdout_flush();
    bi_stderr_write(b->p, b->len);
}

static void report(const char *message, const char *key, ai_value obj, ai_value exc) {
    strbuf b;
    sb_init(&b);
    sb_adds(&b, message);
    sb_addc(&b, '\n');
    if (key && obj) {
        ai_value r = ai_repr(obj);
        if (!r) {
            exc_clear();
        } else {
            sb_adds(&b, key);
            sb_adds(&b, ": ");
            sb_add_str(&b, r);
            sb_addc(&b, '\n');
        }
    }
    write_line(&b);
    sb_free(&b);
    if (exc) exc_print(exc);
}

void aio_report_future_exception(const char *message, ai_value fut, ai_value exc) {
    report(message, "future", fut, exc);
}

void aio_report_task_exception(const char *message, ai_value exc, ai_value task) {
    report(message, "task", task, exc);
}

void aio_report_asyncgen_exception(const char *message, ai_value exc, ai_value agen) {
    report(message, "asyncgen", agen, exc);
}

void aio_report_exception(const char *message, ai_value exc, ai_value callback) {
    if (!callback) {
        report(message, NULL, 0, exc);
        return;
    }
    strbuf b;
    sb_init(&b);
    sb_adds(&b, message);
    sb_addc(&b, ' ');
    ai_value r = ai_repr(callback);
    if (r) sb_add_str(&b, r);
    else exc_clear();
    sb_addc(&b, 0);
    report(b.p, NULL, 0, exc);
    sb_free(&b);
}

/* ---- CPython's frames for asyncio.run ----------------------------------------------------- */

enum { NRUNNER = 3 };

typedef struct runner_frame {
    const char *file;       /* asyncio/runners.py, asyncio/base_events.py */
    const char *func;
    const char *text;       /* the source line, stripped */
    int line;               /* CPython 3.11.7's */
    int col, end_col;       /* the failing call in text (^ markers), or -1 */
} runner_frame;

/* The runner's three outermost first, as a traceback prints them; then
 * the frames of aio.h's AIO_FR_*, in that enum's order. */
static const runner_frame frames[] = {
    {"runners.py", "run", "return runner.run(main)", 190, 7, 23},
    {"runners.py", "run", "return self._loop.run_until_complete(task)", 118, 7, 42},
    {"base_events.py", "run_until_complete", "return future.result()", 653, 7, 22},
    [NRUNNER + AIO_FR_TASKGROUP_RAISE] = {"taskgroups.py", "__aexit__", "raise me from None", 145, -1, -1},
    [NRUNNER + AIO_FR_TIMEOUT_RAISE] = {"timeouts.py", "__aexit__", "raise TimeoutError from exc_val", 115, -1, -1},
    [NRUNNER + AIO_FR_SLEEP] = {"tasks.py", "sleep", "return await future", 649, 7, 19},
    [NRUNNER + AIO_FR_SLEEP0_YIELD] = {"tasks.py", "__sleep0", "yield", 634, -1, -1},
    [NRUNNER + AIO_FR_SLEEP0] = {"tasks.py", "sleep", "await __sleep0()", 640, -1, -1},
    [NRUNNER + AIO_FR_WAITFOR_AWAIT] = {"tasks.py", "wait_for", "return await fut", 452, 7, 16},
    [NRUNNER + AIO_FR_WAITFOR_DONE0] = {"tasks.py", "wait_for", "return fut.result()", 458, 7, 19},
    [NRUNNER + AIO_FR_WAITFOR_RESULT0] = {"tasks.py", "wait_for", "return fut.result()", 462, 7, 19},
    [NRUNNER + AIO_FR_WAITFOR_TIMEOUT0] = {"tasks.py", "wait_for", "raise exceptions.TimeoutError() from exc", 464,
                                           -1, -1},
    [NRUNNER + AIO_FR_WAITFOR_WAITER] = {"tasks.py", "wait_for", "await waiter", 476, -1, -1},
    [NRUNNER + AIO_FR_WAITFOR_CANCELLED_DONE] = {"tasks.py", "wait_for", "return fut.result()", 479, 7, 19},
    [NRUNNER + AIO_FR_WAITFOR_DONE] = {"tasks.py", "wait_for", "return fut.result()", 489, 7, 19},
    [NRUNNER + AIO_FR_WAITFOR_RESULT] = {"tasks.py", "wait_for", "return fut.result()", 500, 7, 19},
    [NRUNNER + AIO_FR_WAITFOR_TIMEOUT] = {"tasks.py", "wait_for", "raise exceptions.TimeoutError() from exc", 502,
                                          -1, -1},
    [NRUNNER + AIO_FR_WAIT_FOR_ONE_GET] = {"tasks.py", "_wait_for_one", "f = await done.get()", 611, -1, -1},
    [NRUNNER + AIO_FR_WAIT_FOR_ONE_TIMEOUT] = {"tasks.py", "_wait_for_one", "raise exceptions.TimeoutError", 614, -1,
                                               -1},
    [NRUNNER + AIO_FR_WAIT_FOR_ONE_RESULT] = {"tasks.py", "_wait_for_one",
                                              "return f.result()  # May raise f.exception().", 615, 7, 17},
    [NRUNNER + AIO_FR_QUEUE_PUT] = {"queues.py", "put", "await putter", 120, -1, -1},
    [NRUNNER + AIO_FR_QUEUE_GET] = {"queues.py", "get", "await getter", 158, -1, -1},
    [NRUNNER + AIO_FR_QUEUE_JOIN] = {"queues.py", "join", "await self._finished.wait()", 215, -1, -1},
    [NRUNNER + AIO_FR_AENTER] = {"locks.py", "__aenter__", "await self.acquire()", 15, -1, -1},
    [NRUNNER + AIO_FR_LOCK_ACQUIRE] = {"locks.py", "acquire", "await fut", 114, -1, -1},
    [NRUNNER + AIO_FR_EVENT_WAIT] = {"locks.py", "wait", "await fut", 213, -1, -1},
    [NRUNNER + AIO_FR_COND_WAIT] = {"locks.py", "wait", "await fut", 267, -1, -1},
    [NRUNNER + AIO_FR_COND_WAIT_FOR] = {"locks.py", "wait_for", "await self.wait()", 294, -1, -1},
    [NRUNNER + AIO_FR_SEM_ACQUIRE] = {"locks.py", "acquire", "await fut", 387, -1, -1},
    [NRUNNER + AIO_FR_HANDLE_RUN] = {"events.py", "_run", "self._context.run(self._callback, *self._args)", 80, -1,
                                     -1},
};
enum { NFRAMES = sizeof frames / sizeof frames[0] };
_Static_assert(NFRAMES == NRUNNER + AIO_FR_COUNT, "a frame for every AIO_FR_*");

static ai_code_info codes[NFRAMES];
static int found_lines[NFRAMES]; /* each frame's line in the installed file */
static int lines[NFRAMES];
static int32_t positions[NFRAMES][AI_POS_WORDS];
static char *paths[NFRAMES], *sources[NFRAMES];

static bool is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* <prefix>/lib/python3.11/asyncio when it exists: a malloc'd path. */
static char *asyncio_under(const char *prefix) {
    char dirpath[PATH_MAX + 64];
    snprintf(dirpath, sizeof dirpath, "%s/lib/python3.11/asyncio", prefix);
    return is_dir(dirpath) ? strdup(dirpath) : NULL;
}

/* A pyenv shims directory: the 3.11 version pyenv selects (its `version`
 * file), else the newest 3.11.x installed. */
static char *from_pyenv(const char *shims) {
    char root[PATH_MAX];
    snprintf(root, sizeof root, "%s", shims);
    char *slash = strrchr(root, '/');
    if (!slash) return NULL;
    *slash = '\0';
    char buf[PATH_MAX + 160], ver[128] = "";
    snprintf(buf, sizeof buf, "%s/version", root);
    FILE *f = fopen(buf, "r");
    if (f) {
        if (fgets(ver, sizeof ver, f)) ver[strcspn(ver, "\r\n ")] = '\0';
        fclose(f);
    }
    if (strncmp(ver, "3.11", 4) == 0) {
        snprintf(buf, sizeof buf, "%s/versions/%s", root, ver);
        char *r = asyncio_under(buf);
        if (r) return r;
    }
    for (int patch = 30; patch >= 0; patch--) {
        snprintf(buf, sizeof buf, "%s/versions/3.11.%d", root, patch);
        char *r = asyncio_under(buf);
        if (r) return r;
    }
    return NULL;
}

/* The asyncio directory of the CPython 3.11 the user runs: the one on
 * PATH (a real python3.11 binary, or pyenv's shims), else the usual
 * system locations. NULL when none is found. */
static char *find_cpython_asyncio(void) {
    const char *path = getenv("PATH");
    char *copy = path ? strdup(path) : NULL;
    char *result = NULL;
    for (char *dir = copy ? strtok(copy, ":") : NULL; dir && !result; dir = strtok(NULL, ":")) {
        size_t len = strlen(dir);
        if (len >= 6 && strcmp(dir + len - 6, "/shims") == 0) {
            result = from_pyenv(dir);
            continue;
        }
        static const char *const names[] = {"python3.11", "python3"};
        for (size_t i = 0; i < 2 && !result; i++) {
            char exe[PATH_MAX], real[PATH_MAX];
            snprintf(exe, sizeof exe, "%s/%s", dir, names[i]);
            if (!realpath(exe, real)) continue;
            char *slash = strrchr(real, '/');
            if (!slash || strncmp(slash + 1, "python3.11", 10) != 0) continue;
            *slash = '\0';
            slash = strrchr(real, '/'); /* …/bin */
            if (!slash) continue;
            *slash = '\0';
            result = asyncio_under(real);
        }
    }
    free(copy);
    if (!result) result = asyncio_under("/usr/local");
    if (!result) result = asyncio_under("/usr");
    return result;
}

/* The line of `text` in file, or `fallback`. */
static int find_line(const char *file, const char *text, int fallback) {
    FILE *f = fopen(file, "r");
    if (!f) return fallback;
    char buf[512];
    int n = 0, found = 0;
    while (fgets(buf, sizeof buf, f)) {
        n++;
        char *p = buf;
        while (*p == ' ') p++;
        size_t len = strlen(text);
        if (strncmp(p, text, len) == 0 && (p[len] == '\n' || p[len] == '\0')) {
            /* the first match after the fallback's neighbourhood wins */
            if (!found || abs(n - fallback) < abs(found - fallback)) found = n;
        }
    }
    fclose(f);
    return found ? found : fallback;
}

static void init_frames(void) {
    if (codes[0].filename) return;
    char *dir = find_cpython_asyncio();
    for (int i = 0; i < NFRAMES; i++) {
        size_t n = (dir ? strlen(dir) : 32) + strlen(frames[i].file) + 2;
        paths[i] = malloc(n);
        if (!paths[i]) return;
        snprintf(paths[i], n, "%s/%s", dir ? dir : "/usr/lib/python3.11/asyncio", frames[i].file);
        int line = dir ? find_line(paths[i], frames[i].text, frames[i].line) : frames[i].line;
        found_lines[i] = line;
        /* a source whose line `line` is the statement */
        size_t len = (size_t)line + strlen(frames[i].text) + 8;
        sources[i] = malloc(len);
        if (!sources[i]) return;
        memset(sources[i], '\n', (size_t)line - 1);
        snprintf(sources[i] + line - 1, len - (size_t)line + 1, "    %s\n", frames[i].text);
        /* the synthetic line is indented by 4 */
        positions[i][0] = positions[i][1] = line;
        positions[i][2] = 4 + frames[i].col;
        positions[i][3] = 4 + frames[i].end_col;
        positions[i][4] = positions[i][5] = positions[i][7] = positions[i][8] = -1;
        codes[i] = (ai_code_info){paths[i], frames[i].func, sources[i], "asyncio", 1,
                                  frames[i].col >= 0 ? positions[i] : NULL};
        /* a negative line: the span of positions[i] (ai_traceback_add) */
        lines[i] = frames[i].col >= 0 ? -1 : line;
    }
    free(dir);
}

void aio_add_runner_frames(void) {
    init_frames();
    if (!codes[0].filename) return;
    /* innermost first: base_events, then runners twice */
    for (int i = NRUNNER - 1; i >= 0; i--) ai_traceback_add(&codes[i], lines[i]);
}

void aio_add_frame(int which) {
    init_frames();
    int i = NRUNNER + which;
    if (codes[i].filename) ai_traceback_add(&codes[i], lines[i]);
}

/* ---- where asyncio's Python callbacks are defined (format.c) --------------------------------- */

typedef struct lib_source {
    const char *file;
    const char *def;        /* the def line, stripped */
    int line;               /* CPython 3.11.7's */
} lib_source;

static const lib_source sources_tab[AIO_SRC_COUNT] = {
    [AIO_SRC_RUN_UNTIL_COMPLETE_CB] = {"base_events.py", "def _run_until_complete_cb(fut):", 180},
    [AIO_SRC_RELEASE_WAITER] = {"tasks.py", "def _release_waiter(waiter, *args):", 431},
    [AIO_SRC_WAIT_ON_COMPLETION] = {"tasks.py", "def _on_completion(f):", 519},
    [AIO_SRC_ASCOMPLETED_ON_COMPLETION] = {"tasks.py", "def _on_completion(f):", 602},
    [AIO_SRC_GATHER_DONE] = {"tasks.py", "def _done_callback(fut):", 764},
    [AIO_SRC_SHIELD_INNER] = {"tasks.py", "def _inner_done_callback(inner):", 891},
    [AIO_SRC_SHIELD_OUTER] = {"tasks.py", "def _outer_done_callback(outer):", 908},
    [AIO_SRC_SLEEP] = {"tasks.py", "async def sleep(delay, result=None):", 637},
    [AIO_SRC_WAIT_FOR] = {"tasks.py", "async def wait_for(fut, timeout):", 436},
    [AIO_SRC_EVENT_WAIT] = {"locks.py", "async def wait(self):", 200},
    [AIO_SRC_COND_WAIT] = {"locks.py", "async def wait(self):", 248},
    [AIO_SRC_LOCK_ACQUIRE] = {"locks.py", "async def acquire(self):", 93},
    [AIO_SRC_SEM_ACQUIRE] = {"locks.py", "async def acquire(self):", 364},
    [AIO_SRC_QUEUE_GET] = {"queues.py", "async def get(self):", 149},
    [AIO_SRC_QUEUE_PUT] = {"queues.py", "async def put(self, item):", 110},
    [AIO_SRC_QUEUE_JOIN] = {"queues.py", "async def join(self):", 206},
};
static char *source_paths[AIO_SRC_COUNT];
static int source_lines[AIO_SRC_COUNT];

bool aio_lib_source(int which, const char **path, int *line) {
    if (!source_paths[which]) {
        static char *dir;
        static bool looked;
        if (!looked) {
            looked = true;
            dir = find_cpython_asyncio();
        }
        const char *d = dir ? dir : "/usr/lib/python3.11/asyncio";
        size_t n = strlen(d) + strlen(sources_tab[which].file) + 2;
        char *p = malloc(n);
        if (!p) return false;
        snprintf(p, n, "%s/%s", d, sources_tab[which].file);
        source_lines[which] = dir ? find_line(p, sources_tab[which].def, sources_tab[which].line)
                                  : sources_tab[which].line;
        source_paths[which] = p;
    }
    *path = source_paths[which];
    *line = source_lines[which];
    return true;
}

/* ---- "Exception in callback" ------------------------------------------------------------------ */

void aio_report_callback_exception(ai_value exc, ai_value fn, const ai_value *args, int64_t nargs,
                                   ai_value handle) {
    strbuf cb;
    sb_init(&cb);
    if (!aio_format_callback(&cb, fn, args, nargs)) {
        exc_clear();
        sb_free(&cb);
        aio_report_exception("Exception in callback", exc, fn);
        return;
    }
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "Exception in callback ");
    sb_add(&b, cb.p, cb.len);
    sb_adds(&b, "\nhandle: ");
    ai_value r = handle ? ai_repr(handle) : 0;
    if (r) {
        sb_add_str(&b, r);
    } else {
        /* a done-callback's handle, which only CPython makes */
        exc_clear();
        sb_adds(&b, "<Handle ");
        sb_add(&b, cb.p, cb.len);
        sb_addc(&b, '>');
    }
    sb_addc(&b, '\n');
    sb_free(&cb);
    write_line(&b);
    sb_free(&b);
    exc_print(exc);
}

/* ---- asyncio's coroutines written in C, described as CPython's ------------------------------------ */

typedef struct native_desc {
    const char *qualname;   /* the NATIVE_INFO's */
    int source;             /* AIO_SRC_*: where it is defined */
    int wait;               /* AIO_FR_*: where it usually waits */
} native_desc;

static const native_desc natives[] = {
    {"sleep", AIO_SRC_SLEEP, AIO_FR_SLEEP},
    {"wait_for", AIO_SRC_WAIT_FOR, AIO_FR_WAITFOR_WAITER},
    {"Event.wait", AIO_SRC_EVENT_WAIT, AIO_FR_EVENT_WAIT},
    {"Condition.wait", AIO_SRC_COND_WAIT, AIO_FR_COND_WAIT},
    {"Lock.acquire", AIO_SRC_LOCK_ACQUIRE, AIO_FR_LOCK_ACQUIRE},
    {"Semaphore.acquire", AIO_SRC_SEM_ACQUIRE, AIO_FR_SEM_ACQUIRE},
    {"Queue.get", AIO_SRC_QUEUE_GET, AIO_FR_QUEUE_GET},
    {"Queue.put", AIO_SRC_QUEUE_PUT, AIO_FR_QUEUE_PUT},
    {"Queue.join", AIO_SRC_QUEUE_JOIN, AIO_FR_QUEUE_JOIN},
};

bool aio_describe_native(strbuf *b, const ai_gen *g) {
    for (size_t i = 0; i < sizeof natives / sizeof natives[0]; i++) {
        if (strcmp(natives[i].qualname, g->info->qualname) != 0) continue;
        const char *path;
        int def;
        if (!aio_lib_source(natives[i].source, &path, &def)) return false;
        sb_printf(b, "%s()", g->info->qualname);
        if (g->state == GEN_DONE) {
            sb_printf(b, " done, defined at %s:%d", path, def);
        } else if (g->state == GEN_CREATED) {
            sb_printf(b, " running at %s:%d", path, def);
        } else {
            /* `line` of a native coroutine: the AIO_FR_* where it waits + 1 */
            init_frames();
            int fr = g->line > 0 && g->line <= AIO_FR_COUNT ? g->line - 1 : natives[i].wait;
            sb_printf(b, " running at %s:%d", path, codes[NRUNNER + fr].filename ? found_lines[NRUNNER + fr] : def);
        }
        return true;
    }
    return false;
}

void aio_native_waits_at(const ai_func_info *info, int frame) {
    ai_gen *g = gen_current();
    if (g && g->info == info) g->line = frame + 1; /* running as its own coroutine */
}

