/*
 * test_sched_crash.c — an actor crashes (ends abnormally, from deep in its
 * stack, with messages still queued) every millisecond, for a while,
 * while other actors keep working:
 *   - every crash is observed by its watcher (a monitor-style DOWN message
 *     to the factory), with the right code and reason;
 *   - messages queued at the crash, and sent after it, are dropped (freed);
 *   - the working actors make progress in (nearly) every 50 ms window;
 *   - memory does not grow with the number of crashes; nothing leaks.
 */
// tsan
#include "sched_stub.c"

#include <stdatomic.h>

#include "sched/actor.h"
#include "sched/sched.h"

enum { WORKERS = 6, WINDOW_MS = 50 };

typedef struct msg {
    mbox_msg_t hdr;
    long value;
    actor_t *who;               /* DOWN: the dead actor (a reference) */
} msg_t;

static _Atomic long allocated, freed, progress[WORKERS];
static _Atomic int stop;
static long crashes_wanted;

static void msg_drop(mbox_msg_t *m)
{
    msg_t *x = (msg_t *)m;
    if (x->who)
        actor_release(x->who);
    atomic_fetch_add(&freed, 1);
    free(m);
}

static msg_t *msg_new(long v)
{
    msg_t *m = calloc(1, sizeof *m);
    m->hdr.drop = msg_drop;
    m->value = v;
    atomic_fetch_add(&allocated, 1);
    return m;
}

/* ---- workers: keep busy, measurably ---------------------------------- */

static void worker(void *arg)
{
    int id = (int)(intptr_t)arg;
    actor_t *me = actor_self();
    long i = 0;
    while (!atomic_load_explicit(&stop, memory_order_relaxed)) {
        mbox_send(me, &msg_new(i)->hdr);
        msg_t *m = (msg_t *)mbox_receive(-1, NULL, NULL);
        msg_drop(&m->hdr);
        atomic_fetch_add_explicit(&progress[id], 1, memory_order_relaxed);
        if (++i % 256 == 0)
            sched_sleep(50000);
        sched_poll();
    }
}

/* ---- crashers ------------------------------------------------------ */

static bool never(mbox_msg_t *m, void *ctx)
{
    (void)m;
    (void)ctx;
    return false;
}

static long dive(int depth, long x)
{
    volatile char frame[512];
    frame[0] = (char)x;
    if (depth > 0)
        return dive(depth - 1, x + 1) + frame[0];
    /* die here, deep, with a full save queue and a queued message */
    actor_t *me = actor_self();
    for (int i = 0; i < 3; i++)
        mbox_send(me, &msg_new(i)->hdr);
    mbox_receive(0, never, NULL);   /* all three move to the save queue */
    mbox_send(me, &msg_new(9)->hdr);
    if (x >= 0)
        actor_exit(ACTOR_EXIT_ERROR, (void *)(intptr_t)(x + 1000));
    return 0;
}

static void crasher(void *arg)
{
    dive(40 + (int)((intptr_t)arg % 40), 0);
}

/* ---- the factory: spawns a crasher per ms, monitors it --------------- */

typedef struct monitor {
    actor_watcher_t w;
    actor_t *factory;
} monitor_t;

static void on_down(actor_t *dead, actor_watcher_t *w)
{
    monitor_t *mon = (monitor_t *)w;
    msg_t *m = msg_new(actor_exit_code(dead) * 100000 + (long)(intptr_t)actor_exit_reason(dead));
    actor_retain(dead);
    m->who = dead;
    mbox_send(mon->factory, &m->hdr);   /* runs on the dying actor */
    actor_release(mon->factory);
    free(mon);
}

static _Atomic long downs, bad_downs, late_sends;

static void factory(void *arg)
{
    (void)arg;
    actor_t *me = actor_self();
    long spawned = 0;
    int64_t next = timer_now();
    while (spawned < crashes_wanted) {
        next += 1000000;
        int64_t now = timer_now();
        if (next > now)
            sched_sleep(next - now);
        actor_t *c = actor_spawn(crasher, (void *)(intptr_t)spawned);
        monitor_t *mon = malloc(sizeof *mon);
        mon->w.fn = on_down;
        actor_retain(me);
        mon->factory = me;
        if (!actor_watch(c, &mon->w)) {
            /* already dead: deliver DOWN ourselves (noproc-style) */
            on_down(c, &mon->w);
        }
        actor_release(c);
        spawned++;
        /* collect DOWNs as they come */
        msg_t *m;
        while ((m = (msg_t *)mbox_receive(0, NULL, NULL))) {
            if (m->value < ACTOR_EXIT_ERROR * 100000 + 1000)
                atomic_fetch_add(&bad_downs, 1);
            /* a late message to the dead: dropped, not leaked */
            mbox_send(m->who, &msg_new(-1)->hdr);
            atomic_fetch_add(&late_sends, 1);
            msg_drop(&m->hdr);
            atomic_fetch_add(&downs, 1);
        }
    }
    while (atomic_load(&downs) < spawned) {
        msg_t *m = (msg_t *)mbox_receive(-1, NULL, NULL);
        if (m->value < ACTOR_EXIT_ERROR * 100000 + 1000)
            atomic_fetch_add(&bad_downs, 1);
        mbox_send(m->who, &msg_new(-1)->hdr);
        msg_drop(&m->hdr);
        atomic_fetch_add(&downs, 1);
    }
}

static void root(void *arg)
{
    (void)arg;
    actor_t *w[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        w[i] = actor_spawn(worker, (void *)(intptr_t)i);
    actor_t *f = actor_spawn(factory, NULL);

    /* watch the workers' progress window by window; RSS after warm-up */
    long last[WORKERS] = { 0 }, stalls = 0, rss_warm = 0;
    int windows = 0;
    while (actor_is_alive(f)) {
        sched_sleep(WINDOW_MS * 1000000);
        windows++;
        for (int i = 0; i < WORKERS; i++) {
            long p = atomic_load(&progress[i]);
            if (p == last[i])
                stalls++;
            last[i] = p;
        }
        if (windows == 2)
            rss_warm = test_rss_kib();
    }
    long rss_end = test_rss_kib();
    atomic_store(&stop, 1);
    for (int i = 0; i < WORKERS; i++) {
        actor_wait(w[i]);
        actor_release(w[i]);
    }
    actor_wait(f);
    actor_release(f);

    fprintf(stderr, "crash: %ld crashes in %d windows of %d ms; %ld worker stalls; "
            "RSS after warm-up %ld KiB, at the end %ld KiB\n",
            atomic_load(&downs), windows, WINDOW_MS, stalls, rss_warm, rss_end);
    CHECK(atomic_load(&downs) == crashes_wanted, "%ld DOWNs for %ld crashes",
          atomic_load(&downs), crashes_wanted);
    CHECK(atomic_load(&bad_downs) == 0, "%ld DOWNs with a wrong code/reason",
          atomic_load(&bad_downs));
    /* A stalled window means a worker actor made no progress for 50 ms.
     * Starvation (a crash taking a worker down with it) would stall most
     * windows from then on; allow a quarter for a loaded machine (other
     * processes, tests run in parallel). */
    CHECK(TEST_SANITIZED || stalls <= (long)windows * WORKERS / 4,
          "workers stalled in %ld of %d windows", stalls, windows * WORKERS);
    CHECK(TEST_SANITIZED || rss_warm == 0 || rss_end - rss_warm < 8192,
          "RSS grew by %ld KiB while crashing", rss_end - rss_warm);
}

int main(void)
{
    crashes_wanted = TEST_SANITIZED ? 100 : test_scaled(500);
    CHECK(sched_run_main(root, NULL) == 0, "exit code");
    CHECK(atomic_load(&allocated) == atomic_load(&freed), "%ld messages allocated, %ld freed",
          atomic_load(&allocated), atomic_load(&freed));
    CHECK(actor_live_count() == 0, "%llu actors leaked", (unsigned long long)actor_live_count());
    return test_result("test_sched_crash");
}
