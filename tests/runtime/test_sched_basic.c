/*
 * test_sched_basic.c — the scheduler's contract, end to end:
 *   - sched_run_main runs the root on a big stack and returns its exit
 *     code; it can run again after a clean end; AITHON_THREADS is obeyed;
 *   - inside a task: sched_current, actor_self, ai_tls.task and
 *     ai_tls.stack_limit describe the running task (also after switches);
 *   - spawned actors run, yield, nest, end normally or via actor_exit from
 *     deep in their stack, and actor_wait returns their exit code/reason;
 *   - watchers run at an actor's end; actor_watch on a dead actor fails;
 *   - actor_new + actor_start: what the spawner stores in the block (ext)
 *     before the start is what the actor sees; a fresh block's ext is NULL;
 *   - sched_sleep sleeps at least as long as asked.
 */
// tsan
#include "sched_stub.c"

#include <stdatomic.h>

#include "sched/actor.h"
#include "sched/sched.h"

static _Atomic long counter;
static _Atomic int tls_bad;

/* Is the running task's ai_tls consistent with where we are? */
static void check_tls(void)
{
    char here;
    task_t *t = sched_current();
    ai_worker_tls *tls = sched_tls();
    /* The ticker may raise the limit to AI_STACK_LIMIT_PREEMPT at any
     * time (relaxed atomics): then the task's own copy is the real one. */
    char *limit = __atomic_load_n(&tls->stack_limit, __ATOMIC_RELAXED);
    if (limit == AI_STACK_LIMIT_PREEMPT && t) limit = t->stack_limit;
    if (!t || tls->task != t || (char *)&here <= limit || (char *)&here >= t->stack.hi ||
        limit < t->stack.lo)
        atomic_fetch_add(&tls_bad, 1);
}

static void yielder(void *arg)
{
    long n = (long)(intptr_t)arg;
    for (long i = 0; i < n; i++) {
        check_tls();
        atomic_fetch_add(&counter, 1);
        sched_yield_task();
    }
    check_tls();
}

static int deep(int n, int32_t code)
{
    volatile char pad[256];
    pad[0] = (char)n;
    if (n > 0)
        return deep(n - 1, code) + pad[0];
    if (code >= 0)
        actor_exit(code, (void *)(intptr_t)0xdead);
    return 0;
}

static void crasher(void *arg)
{
    deep(200, (int32_t)(intptr_t)arg);
}

static void parent(void *arg)
{
    (void)arg;
    actor_t *c = actor_spawn(yielder, (void *)(intptr_t)10);
    actor_wait(c);
    actor_release(c);
    atomic_fetch_add(&counter, 1000);
}

static _Atomic int watcher_ran;
static actor_t *watched_seen;
static void on_exit_cb(actor_t *dead, actor_watcher_t *w)
{
    (void)w;
    watched_seen = dead;
    CHECK(!actor_is_alive(dead), "watcher runs before alive is cleared");
    atomic_fetch_add(&watcher_ran, 1);
}

static _Atomic(void *) ext_seen;
static void ext_reader(void *arg)
{
    (void)arg;
    atomic_store(&ext_seen, actor_self()->ext);
}

static void root1(void *arg)
{
    (void)arg;
    check_tls();
    CHECK(actor_self() != NULL, "root has no actor");
    CHECK((size_t)(sched_current()->stack.hi - sched_current()->stack.lo) == STACK_MAIN_SIZE,
          "root is not on the main stack");

    /* many yielding actors */
    enum { K = 64 };
    actor_t *a[K];
    for (int i = 0; i < K; i++)
        a[i] = actor_spawn(yielder, (void *)(intptr_t)50);
    for (int i = 0; i < K; i++) {
        CHECK(actor_wait(a[i]) == ACTOR_EXIT_NORMAL, "exit code");
        CHECK(!actor_is_alive(a[i]), "alive after wait");
        actor_release(a[i]);
    }
    CHECK(atomic_load(&counter) == K * 50, "counter %ld", atomic_load(&counter));
    check_tls();

    /* nesting */
    actor_t *p = actor_spawn(parent, NULL);
    actor_wait(p);
    actor_release(p);
    CHECK(atomic_load(&counter) == K * 50 + 10 + 1000, "counter %ld", atomic_load(&counter));

    /* abnormal end from deep in the stack; watcher; reason */
    actor_t *c = actor_spawn(crasher, (void *)(intptr_t)ACTOR_EXIT_ERROR);
    actor_watcher_t w = { NULL, on_exit_cb };
    bool registered = actor_watch(c, &w);
    CHECK(actor_wait(c) == ACTOR_EXIT_ERROR, "crash code");
    CHECK(actor_exit_reason(c) == (void *)(intptr_t)0xdead, "crash reason");
    if (registered) {
        CHECK(atomic_load(&watcher_ran) == 1 && watched_seen == c, "watcher did not run");
    }
    actor_watcher_t w2 = { NULL, on_exit_cb };
    CHECK(!actor_watch(c, &w2), "watching a dead actor succeeded");
    CHECK(actor_wait(c) == ACTOR_EXIT_ERROR, "second wait");
    actor_release(c);

    /* unwatch */
    actor_t *d = actor_spawn(yielder, (void *)(intptr_t)5);
    actor_watcher_t w3 = { NULL, on_exit_cb };
    if (actor_watch(d, &w3))
        CHECK(actor_unwatch(d, &w3), "unwatch");
    int before = atomic_load(&watcher_ran);
    actor_wait(d);
    CHECK(atomic_load(&watcher_ran) == before, "an unwatched watcher ran");
    actor_release(d);

    /* two-step spawn: ext is set before the actor can run */
    static int marker;
    actor_t *e = actor_new(ext_reader, NULL);
    CHECK(e && e->ext == NULL, "a new actor's ext is not NULL");
    e->ext = &marker;
    actor_start(e);
    CHECK(actor_wait(e) == ACTOR_EXIT_NORMAL, "two-step spawn exit code");
    CHECK(atomic_load(&ext_seen) == &marker, "the actor did not see its ext");
    actor_release(e);

    /* sleep */
    int64_t t0 = timer_now();
    sched_sleep(3000000);
    int64_t dt = timer_now() - t0;
    CHECK(dt >= 3000000, "slept %lld ns", (long long)dt);
    CHECK(dt < 500000000, "slept %lld ns", (long long)dt);
    check_tls();
}

static void root2(void *arg)
{
    *(int *)arg = sched_nworkers();
    actor_exit(7, NULL);
}

int main(void)
{
    setenv("AITHON_THREADS", "3", 1);
    CHECK(sched_run_main(root1, NULL) == 0, "root1 exit code");
    CHECK(atomic_load(&tls_bad) == 0, "%d inconsistent ai_tls views", atomic_load(&tls_bad));

    int n = 0;
    setenv("AITHON_THREADS", "1", 1);
    CHECK(sched_run_main(root2, &n) == 7, "root2 exit code");
    CHECK(n == 1, "AITHON_THREADS=1 gave %d workers", n);
    CHECK(actor_live_count() == 0, "%llu actors leaked", (unsigned long long)actor_live_count());

    sched_stats_t st;
    sched_get_stats(&st);
    return test_result("test_sched_basic");
}
