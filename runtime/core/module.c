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

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int rt_argc;
char **rt_argv;

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
    if (slice_poll() < 0) return -1;
    return process_poll();
}

int32_t ai_stack_slow(void *fp) {
    ai_worker_tls *tls = sched_tls();
    if (__atomic_load_n(&tls->stack_limit, __ATOMIC_RELAXED) == AI_STACK_LIMIT_PREEMPT) {
        task_t *t = sched_current();
        if (t) __atomic_store_n(&tls->stack_limit, t->stack_limit, __ATOMIC_RELAXED);
        if (slice_poll() < 0 || process_poll() < 0) return -1;
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

static int finish(ai_value result) {
    bi_stdout_flush();
    if (result) return 0;
    ai_task_core *task = exc_task();
    ai_value exc = task->exc;
    task->exc = 0;
    if (!exc) {
        bi_stderr_write("aithon: error returned without an exception set\n", 48);
        return 1;
    }
    if (obj_isinstance(exc, &ai_exc_SystemExit)) return system_exit_status(exc);
    exc_print(exc);
    return 1;
}

static void *main_thread(void *arg) {
    run_ctx *rc = arg;
    if (rc->stack_lo) ai_tls.stack_limit = rc->stack_lo + STACK_MARGIN;
    ai_tls.task = &main_task_core;
    alloc_heap_enter(&alloc_main_heap);
    ai_value r = rc->entry();
    rc->status = finish(r);
    bi_stdout_flush();
    return NULL;
}

/* The pending/handled exception of compiled code lives in its task. */
_Static_assert(sizeof(((task_t *)0)->exc_state) == sizeof(ai_task_core), "task exception state");
static ai_task_core *task_exc_core(void *task) { return (ai_task_core *)(void *)((task_t *)task)->exc_state; }

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
    ai_value r = rc->entry();
    rc->status = finish(r);
    bi_stdout_flush();
    /* The program ends with its main code: actors still running end with
     * the process, as daemon threads do (AITHON_API.md, "Program end").
     * Exiting here spares waiting for every worker to wind down. */
    fflush(NULL);
    exit(rc->status);
}

int mod_run_main(int argc, char **argv, ai_value (*entry)(void)) {
    rt_argc = argc;
    rt_argv = argv;
    run_ctx rc = {entry, NULL, 1};
    exc_task_of = task_exc_core;
    sched_set_heap_hooks(heap_enter, heap_leave);
    actor_set_exit_hook(actor_end);
    if (sched_run_main(main_root, &rc) == 0) return rc.status;
    /* No scheduler (threads could not start): a plain big-stack thread. */
    exc_task_of = NULL;
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
