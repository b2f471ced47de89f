/*
 * task.c — setting up and tearing down a task's machine state.
 *
 * The running of tasks (switching, parking, waking) is sched.c's; this file
 * only builds a fresh context on a stack and keeps the sanitizers' view of
 * it (TSan fibers) in step with the task's life.
 */
#include "sched/task.h"

#include <string.h>

#if SCHED_TSAN
#include <sanitizer/tsan_interface.h>
#endif

/* Room left below ai_tls.stack_limit for the runtime's own C code after a
 * compiled prologue's check fails (raising RecursionError formats an
 * exception and a traceback). Sanitized builds have much larger frames. */
#if SCHED_ASAN || SCHED_TSAN
#define STACK_MARGIN ((size_t)128 << 10)
#define BIG_STACK_MARGIN ((size_t)1 << 20)
#else
#define STACK_MARGIN ((size_t)64 << 10)     /* GMP alone may use ~64 KiB */
#define BIG_STACK_MARGIN ((size_t)256 << 10)
#endif

void task_init(task_t *t, const stack_mem_t *stack, sched_ctx_entry_fn fn, void *arg)
{
    t->stack = *stack;
    size_t size = (size_t)(stack->hi - stack->lo);
    /* Big stacks (the root task's) can afford the runtime's deepest C
     * paths (printing a long traceback, repr of deep nesting). */
    size_t want = size >= ((size_t)16 << 20) ? BIG_STACK_MARGIN : STACK_MARGIN;
    size_t margin = want < size / 4 ? want : size / 4;
    t->stack_limit = stack->lo + margin;
    t->fn = fn;
    t->arg = arg;
    t->next = NULL;
    t->timer.idx = TIMER_NONE;
    t->timer.heap = NULL;
    t->seq = 0;
    t->gen_current = NULL;
    t->exc_state[0] = t->exc_state[1] = t->exc_state[2] = t->exc_state[3] = t->exc_state[4] = 0; /* no exception pending or handled, empty context */
    /* relaxed: the task is not published yet; the run-queue push that
     * publishes it is a release */
    atomic_store_explicit(&t->state, TASK_RUNNABLE, memory_order_relaxed);
    /* No context yet: the scheduler builds the first frame (with its own
     * entry, which then calls fn(arg)) when the task first runs. */
    t->sp = NULL;
#if SCHED_TSAN
    t->tsan_fiber = __tsan_create_fiber(0);
#endif
#if SCHED_ASAN
    t->asan_fake_stack = NULL;
#endif
}

void task_fini(task_t *t)
{
#if SCHED_TSAN
    if (t->tsan_fiber) {
        __tsan_destroy_fiber(t->tsan_fiber);
        t->tsan_fiber = NULL;
    }
#else
    (void)t;
#endif
}
