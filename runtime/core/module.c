/*
 * core/module.c — the module registry and the program's life cycle:
 * start the runtime, run the main module on the main task's big stack,
 * report an escaped exception, and produce the exit status.
 *
 * The main task runs on a pthread whose stack we map ourselves (256 MiB,
 * MAP_NORESERVE, so only touched pages cost memory) with a PROT_NONE guard
 * page at the bottom. ai_tls.stack_limit is set STACK_MARGIN above the low
 * end: compiled prologues raise RecursionError below it, and the margin is
 * left for the runtime's own C code (including raising that error and
 * printing the traceback).
 *
 * Exit status: 0 on success; 1 after printing the traceback of an escaped
 * exception; SystemExit follows CPython (None → 0, an int → that status,
 * anything else is printed to stderr and gives 1).
 *
 * Not handled yet: the scheduler (runtime/sched/ will own the workers;
 * this file then hands the main task to it instead of a bare pthread),
 * sys.argv (argc/argv are kept in rt_argc/rt_argv for it), signals.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem, MAP_NORESERVE, recursive mutexes */
#endif
#include "actors/actors.h"
#include "core/alloc.h"
#include "core/object.h"
#include "asyncio/aio.h"
#include "sched/actor.h"
#include "sched/sched.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

int rt_argc;
char **rt_argv;
ai_value mod_exit_hook;

/* ---- registry ----------------------------------------------------------- */

/* Modules register once at start-up, possibly from several threads later;
 * a mutex keeps the list consistent (it is read by the collector). */
static pthread_mutex_t mod_lock = PTHREAD_MUTEX_INITIALIZER;
static const ai_module_info **mods;
static int64_t nmods, capmods;

void ai_module_register(const ai_module_info *m) {
    pthread_mutex_lock(&mod_lock);
    if (nmods == capmods) {
        int64_t cap = capmods ? capmods * 2 : 16;
        const ai_module_info **n = realloc(mods, (size_t)cap * sizeof *n);
        if (!n) {
            pthread_mutex_unlock(&mod_lock);
            fputs("aithon: out of memory registering a module\n", stderr);
            abort();
        }
        mods = n;
        capmods = cap;
    }
    mods[nmods++] = m;
    pthread_mutex_unlock(&mod_lock);
}

void mod_each(void (*fn)(const ai_module_info *m, void *ctx), void *ctx) {
    pthread_mutex_lock(&mod_lock);
    for (int64_t i = 0; i < nmods; i++) fn(mods[i], ctx);
    pthread_mutex_unlock(&mod_lock);
}

/* ---- Ctrl-C ----------------------------------------------------------------
 *
 * As CPython: SIGINT raises KeyboardInterrupt in the main code (the root
 * actor's task, generators it runs included), so `except
 * KeyboardInterrupt` and `finally` run and output is flushed; left
 * uncaught, the traceback is printed and the process ends by SIGINT (the
 * shell shows 130). The handler only records the signal, pokes every
 * worker (sched_poke_all: the running tasks stop at their next safepoint)
 * and writes to an eventfd that the main task's blocking waits (time.sleep,
 * reading stdin) watch. The main task raises KeyboardInterrupt at its next
 * safepoint (a loop back-edge or a function entry) or when its wait ends.
 * Other tasks ignore it. A SIGINT ignored when the program starts (a
 * background job) stays ignored, as in CPython. */

static volatile sig_atomic_t sigint_pending;
static int sigint_fd = -1;
static task_t *main_task;               /* the root actor's task (scheduler) */
static ai_worker_tls *fallback_tls;     /* the main thread's (no scheduler) */
static bool interrupted;                /* ended by an uncaught KeyboardInterrupt */

static void on_sigint(int sig) {
    (void)sig;
    int saved = errno;
    sigint_pending = 1;
    if (sigint_fd >= 0) {
        uint64_t one = 1;
        ssize_t w = write(sigint_fd, &one, sizeof one);
        (void)w;
    }
    sched_poke_all();
    if (fallback_tls) __atomic_store_n(&fallback_tls->poll, 1, __ATOMIC_RELAXED);
    errno = saved;
}

static void install_signals(void) {
    /* A closed pipe is an EPIPE error at the write (BrokenPipeError), as
     * CPython: the default action would kill the program silently. */
    signal(SIGPIPE, SIG_IGN);
    struct sigaction old;
    if (sigaction(SIGINT, NULL, &old) != 0 || old.sa_handler != SIG_DFL) return;
    sigint_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    struct sigaction sa = {.sa_handler = on_sigint};   /* no SA_RESTART: waits see EINTR */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

static bool on_main_task(void) { return fallback_tls ? true : main_task && sched_current() == main_task; }

int32_t rt_check_interrupt(void) {
    if (!sigint_pending || !on_main_task()) return 0;
    sigint_pending = 0;
    uint64_t n;
    if (sigint_fd >= 0 && read(sigint_fd, &n, sizeof n) < 0) n = 0;
    exc_raise_args(&ai_exc_KeyboardInterrupt, 0);
    return -1;
}

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Wait for fd (or only for time when fd < 0) until `deadline` (< 0: none);
 * the main task also wakes for SIGINT. 1 fd ready, 0 timed out, -1
 * KeyboardInterrupt raised. */
static int wait_fd(int fd, int64_t deadline) {
    bool main = on_main_task();
    for (;;) {
        if (main && rt_check_interrupt() < 0) return -1;
        struct pollfd pf[2];
        nfds_t n = 0;
        if (fd >= 0) pf[n++] = (struct pollfd){.fd = fd, .events = POLLIN};
        if (main && sigint_fd >= 0) pf[n++] = (struct pollfd){.fd = sigint_fd, .events = POLLIN};
        struct timespec ts, *tp = NULL;
        if (deadline >= 0) {
            int64_t left = deadline - now_ns();
            if (left <= 0) return 0;
            ts = (struct timespec){(time_t)(left / 1000000000), (long)(left % 1000000000)};
            tp = &ts;
        }
        if (n == 0) {
            nanosleep(tp, NULL);
            continue;
        }
        int r = ppoll(pf, n, tp, NULL);
        if (main && rt_check_interrupt() < 0) return -1;       /* first, as CPython's handler */
        if (r < 0 && errno != EINTR) return fd >= 0 ? 1 : 0;   /* let the caller see the error */
        if (fd >= 0 && r > 0 && pf[0].revents) return 1;
    }
}

int32_t rt_sleep(int64_t ns) {
    if (ns <= 0) return rt_check_interrupt();
    return wait_fd(-1, now_ns() + ns) < 0 ? -1 : 0;
}

bool rt_interrupt_watched(void) { return sigint_fd >= 0 && on_main_task(); }

int32_t rt_wait_readable(int fd) { return wait_fd(fd, -1) < 0 ? -1 : 0; }

/* ---- safepoints --------------------------------------------------------- */

int32_t (*_Atomic proc_safepoint_hook)(void);

/* An exit signal may end the running process (actors/actors.h). */
static int32_t process_poll(void) {
    /* acquire: pairs with the release store made when aithon is imported */
    int32_t (*hook)(void) = atomic_load_explicit(&proc_safepoint_hook, memory_order_acquire);
    return hook ? hook() : 0;
}

void (*_Atomic ai_slice_end_hook)(void);

/* The scheduler's poll: yields when the task's slice is up; before that,
 * the hook (which may not return: asyncio/ahead.c gives up an
 * evaluation that outgrew its slice). (The collector runs at allocation,
 * the other kind of safepoint.) */
static int32_t slice_poll(void) {
    if (sched_slice_over()) {
        /* acquire: pairs with the release store that installs it */
        void (*hook)(void) = atomic_load_explicit(&ai_slice_end_hook, memory_order_acquire);
        if (hook) hook();
        sched_yield_task();
    }
    return 0;
}

int32_t ai_safepoint_slow(void) {
    /* A pending Ctrl-C is raised here in the main task. */
    if (slice_poll() < 0 || process_poll() < 0) return -1;
    return rt_check_interrupt();
}

int32_t ai_stack_slow(void *fp) {
    ai_worker_tls *tls = sched_tls();
    if (__atomic_load_n(&tls->stack_limit, __ATOMIC_RELAXED) == AI_STACK_LIMIT_PREEMPT) {
        task_t *t = sched_current();
        if (t) __atomic_store_n(&tls->stack_limit, t->stack_limit, __ATOMIC_RELAXED);
        if (slice_poll() < 0 || process_poll() < 0 || rt_check_interrupt() < 0) return -1;
        tls = sched_tls();      /* the task may run on another worker now */
    }
    char *limit = __atomic_load_n(&tls->stack_limit, __ATOMIC_RELAXED);
    if ((char *)fp < limit && limit != AI_STACK_LIMIT_PREEMPT) {
        ai_raise_recursion();
        return -1;
    }
    return 0;
}

/* ---- running the program ------------------------------------------------ */

#define MAIN_STACK_SIZE ((size_t)256 << 20)
#define STACK_MARGIN    ((size_t)256 << 10)

static ai_task_core main_task_core;

typedef struct run_ctx {
    ai_value (*entry)(void);
    char *stack_lo; /* lowest usable byte (above the guard page) */
    int status;
} run_ctx;

/* SystemExit(code): CPython's handling of an escaped SystemExit. */
static int system_exit_status(ai_value exc) {
    ai_tuple *a = tuple_obj(((ai_exc *)ai_obj(exc))->args);
    ai_value code = a->len == 0 ? AI_NONE : a->len == 1 ? a->items[0] : ai_val(a);
    if (code == AI_NONE) return 0;
    if (int_check(code)) {
        int64_t n;
        if (!int_to_i64(code, &n)) return -1 & 0xff;
        return (int)(n & 0xff);
    }
    ai_value s = ai_str(code);
    int64_t len;
    const char *p = s ? str_utf8(s, &len) : NULL;
    if (p) {
        bi_stderr_write(p, (size_t)len);
        bi_stderr_write("\n", 1);
    }
    return 1;
}

/* Standard output could not be written at exit (a closed pipe, a full
 * disk): CPython reports it as an unraisable exception and exits 120. */
static void report_unflushed(int err) {
    static const char head[] =
        "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n";
    bi_stderr_write(head, sizeof head - 1);
    exc_raise_errno(err, 0);
    ai_task_core *task = exc_task();
    ai_value e = task->exc;
    task->exc = 0;
    if (e) exc_print(e);
    bi_stdout_discard();
}

void (*ai_finish_hook)(void);

static int finish(ai_value result) {
    /* Output first, then the traceback (one file may receive both). */
    int out_err = bi_stdout_flush();
    int status = 0;
    if (!result) {
        ai_task_core *task = exc_task();
        ai_value exc = task->exc;
        task->exc = 0;
        status = 1;
        if (!exc) {
            bi_stderr_write("aithon: error returned without an exception set\n", 48);
        } else if (obj_isinstance(exc, &ai_exc_SystemExit)) {
            status = system_exit_status(exc);
        } else {
            exc_print(exc);
            if (obj_isinstance(exc, &ai_exc_KeyboardInterrupt)) interrupted = true;
        }
    }
    /* atexit's handlers run after the traceback, as in CPython's
     * finalisation; they report their own errors. */
    if (mod_exit_hook) {
        ai_value hook = mod_exit_hook;
        mod_exit_hook = 0;
        if (!ai_call(hook, NULL, 0, 0)) exc_task()->exc = 0;
        int err = bi_stdout_flush();
        if (!out_err) out_err = err;
    }
    /* What CPython prints when the last objects die at finalisation. */
    if (ai_finish_hook) {
        ai_finish_hook();
        bi_stdout_flush();
    }
    /* CPython learns of an output that cannot be flushed at finalisation,
     * after the traceback: try again there. */
    if (out_err && (out_err = bi_stdout_flush()) != 0) {
        report_unflushed(out_err);
        status = 120;
    }
    return status;
}

/* The end of the process: an uncaught KeyboardInterrupt ends it by SIGINT
 * as CPython does (a shell then shows 130), anything else by exit. */
static _Noreturn void end_process(int status) {
    fflush(NULL);
    if (interrupted) {
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
        status = 130;
    }
    exit(status);
}

static void *main_thread(void *arg) {
    run_ctx *rc = arg;
    if (rc->stack_lo) ai_tls.stack_limit = rc->stack_lo + STACK_MARGIN;
    ai_tls.task = &main_task_core;
    fallback_tls = &ai_tls;
    alloc_heap_enter(&alloc_main_heap);
    ai_value r = rc->entry();
    end_process(finish(r));
}

/* The pending/handled exception of compiled code lives in its task. */
_Static_assert(sizeof(((task_t *)0)->exc_state) == sizeof(ai_task_core), "task exception state");

static void heap_enter(void *heap) { alloc_heap_enter(heap); }
static void heap_leave(void *heap) { alloc_heap_leave(heap); }

/* An actor has ended: its asyncio state, then its heap, go (the root's
 * heap stays: the process ends with it). Runs on the actor's own task. */
static void actor_end(actor_t *a) {
    if (a->aio) {
        aio_state_free(a->aio);
        a->aio = NULL;
    }
    alloc_heap *h = a->heap;
    if (!h || h == &alloc_main_heap) return;
    a->heap = NULL; /* the task still switches out once: no heap to leave */
    alloc_heap_free(h);
}

/* The program's root actor: the main module on the scheduler's big root
 * stack, its heap the main heap. */
static void main_root(void *arg) {
    run_ctx *rc = arg;
    actor_t *self = actor_self();
    if (self) self->heap = &alloc_main_heap;
    alloc_heap_enter(&alloc_main_heap);
    main_task = sched_current();
    ai_value r = rc->entry();
    /* The program ends with its main code: actors still running end with
     * the process, as daemon threads do (AITHON_API.md, "Program end").
     * Exiting here spares waiting for every worker to wind down. */
    end_process(finish(r));
}

/* A program started with fd 0, 1 or 2 closed (`./prog >&-`) would give
 * that number to the first file the runtime opens (an eventfd, a timer),
 * and print() would then write into it. Each closed one is opened on
 * /dev/null first, so output to it vanishes as under CPython (whose
 * sys.stdout is then None and print() does nothing). */
static void reserve_std_fds(void) {
    for (int fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            int n = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
            if (n >= 0 && n != fd) close(n);   /* a lower fd was closed too: the loop opens it first */
        }
}

int mod_run_main(int argc, char **argv, ai_value (*entry)(void)) {
    reserve_std_fds();
    rt_argc = argc;
    rt_argv = argv;
    install_signals();
    run_ctx rc = {entry, NULL, 1};
    exc_task_core_offset = offsetof(task_t, exc_state);
    sched_set_heap_hooks(heap_enter, heap_leave);
    actor_set_exit_hook(actor_end);
    if (sched_run_main(main_root, &rc) == 0) return rc.status;
    /* No scheduler (threads could not start): a plain big-stack thread. */
    exc_task_core_offset = 0;
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0) page = 4096;

    /* Try a big stack first; smaller ones if the address space is
     * limited (ulimit -v). */
    static const size_t sizes[] = {MAIN_STACK_SIZE, (size_t)64 << 20, (size_t)16 << 20};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t size = sizes[i];
        void *base = mmap(NULL, size, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
        if (base == MAP_FAILED) continue;
        /* Guard page: running off the end faults instead of corrupting. */
        mprotect(base, (size_t)page, PROT_NONE);
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstack(&attr, base, size);
        rc.stack_lo = (char *)base + page;
        pthread_t th;
        int err = pthread_create(&th, &attr, main_thread, &rc);
        pthread_attr_destroy(&attr);
        if (err != 0) {
            munmap(base, size);
            continue;
        }
        pthread_join(th, NULL);
        munmap(base, size);
        return rc.status;
    }
    /* No thread could be made: run on this thread's stack, without a
     * known limit (deep recursion then crashes instead of raising). */
    rc.stack_lo = NULL;
    main_thread(&rc);
    return rc.status;
}
