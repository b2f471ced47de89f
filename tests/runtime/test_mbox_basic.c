/*
 * test_mbox_basic.c — mailboxes (runtime/sched/mailbox.c):
 *   - per-sender FIFO with many concurrent senders (actors on all workers
 *     and a foreign OS thread);
 *   - selective receive: matching messages are taken oldest first, the
 *     others stay in order for later receives;
 *   - timeouts: poll (0), expiry, a message that beats the timeout;
 *   - a message sent to oneself is there when send returns;
 *   - sends to an ended actor are dropped (drop called), also when they
 *     race with its end; nothing leaks.
 */
// tsan
#include "sched_stub.c"

#include <pthread.h>
#include <stdatomic.h>

#include "sched/actor.h"
#include "sched/sched.h"

typedef struct msg {
    mbox_msg_t hdr;
    int sender;
    long seq;
} msg_t;

static _Atomic long dropped, allocated, freed;

static void msg_drop(mbox_msg_t *m)
{
    atomic_fetch_add(&dropped, 1);
    atomic_fetch_add(&freed, 1);
    free(m);
}

static msg_t *msg_new(int sender, long seq)
{
    msg_t *m = malloc(sizeof *m);
    m->hdr.drop = msg_drop;
    m->sender = sender;
    m->seq = seq;
    atomic_fetch_add(&allocated, 1);
    return m;
}

static void msg_free(msg_t *m)
{
    atomic_fetch_add(&freed, 1);
    free(m);
}

static msg_t *recv(int64_t timeout, mbox_match_fn match, void *ctx)
{
    return (msg_t *)mbox_receive(timeout, match, ctx);
}

/* ---- 1. many senders, per-sender order ---------------------------------- */

enum { SENDERS = 8 };
static long per_sender;
static actor_t *sink_actor;

static void sender(void *arg)
{
    int id = (int)(intptr_t)arg;
    for (long i = 0; i < per_sender; i++) {
        mbox_send(sink_actor, &msg_new(id, i)->hdr);
        if (i % 64 == 0)
            sched_yield_task();
    }
}

static void *foreign_sender(void *arg)
{
    for (long i = 0; i < per_sender; i++)
        mbox_send(sink_actor, &msg_new((int)(intptr_t)arg, i)->hdr);
    return NULL;
}

static void sink(void *arg)
{
    long next[SENDERS + 1] = { 0 };
    long total = (SENDERS + 1) * per_sender, bad = 0;
    for (long i = 0; i < total; i++) {
        msg_t *m = recv(-1, NULL, NULL);
        if (m->seq != next[m->sender])
            bad++;
        next[m->sender] = m->seq + 1;
        msg_free(m);
    }
    *(long *)arg = bad;
}

/* ---- 2. selective receive ------------------------------------------------ */

static bool is_even(mbox_msg_t *m, void *ctx)
{
    (void)ctx;
    return ((msg_t *)m)->seq % 2 == 0;
}

static bool is_seq(mbox_msg_t *m, void *ctx)
{
    return ((msg_t *)m)->seq == *(long *)ctx;
}

static void selective(void *arg)
{
    (void)arg;
    actor_t *me = actor_self();
    for (long i = 0; i < 10; i++)
        mbox_send(me, &msg_new(0, i)->hdr);
    /* the even ones, oldest first */
    for (long i = 0; i < 10; i += 2) {
        msg_t *m = recv(0, is_even, NULL);
        CHECK(m && m->seq == i, "even %ld got %ld", i, m ? m->seq : -1);
        if (m)
            msg_free(m);
    }
    CHECK(recv(0, is_even, NULL) == NULL, "a stray even message");
    /* a specific one out of the middle */
    long want = 5;
    msg_t *m = recv(0, is_seq, &want);
    CHECK(m && m->seq == 5, "seq 5");
    if (m)
        msg_free(m);
    /* the rest, in order */
    long expect[] = { 1, 3, 7, 9 };
    for (int i = 0; i < 4; i++) {
        m = recv(0, NULL, NULL);
        CHECK(m && m->seq == expect[i], "rest %d got %ld", i, m ? m->seq : -1);
        if (m)
            msg_free(m);
    }
    CHECK(recv(0, NULL, NULL) == NULL, "not empty");
    CHECK(mbox_count(&me->mbox) == 0, "count");

    /* a selective receive that waits while non-matching messages arrive */
    mbox_send(me, &msg_new(0, 101)->hdr);
    want = 102;
    mbox_send(me, &msg_new(0, 103)->hdr);
    mbox_send(me, &msg_new(0, 102)->hdr);
    m = recv(-1, is_seq, &want);
    CHECK(m && m->seq == 102, "waited selective");
    msg_free(m);
    CHECK(mbox_count(&me->mbox) == 2, "two left (%zu)", mbox_count(&me->mbox));
    msg_free(recv(0, NULL, NULL));
    msg_free(recv(0, NULL, NULL));
}

/* ---- 3. timeouts --------------------------------------------------------- */

static void delayed_sender(void *arg)
{
    sched_sleep(2000000);
    mbox_send((actor_t *)arg, &msg_new(0, 77)->hdr);
    actor_release((actor_t *)arg);
}

static void timeouts(void *arg)
{
    (void)arg;
    CHECK(recv(0, NULL, NULL) == NULL, "poll on empty");
    int64_t t0 = timer_now();
    CHECK(recv(5000000, NULL, NULL) == NULL, "timeout returned a message");
    int64_t dt = timer_now() - t0;
    CHECK(dt >= 5000000, "timed out after %lld ns", (long long)dt);
    CHECK(dt < 1000000000, "timed out after %lld ns", (long long)dt);

    actor_t *me = actor_self();
    actor_retain(me);
    actor_t *d = actor_spawn(delayed_sender, me);
    t0 = timer_now();
    msg_t *m = recv(2000000000, NULL, NULL);
    dt = timer_now() - t0;
    CHECK(m && m->seq == 77, "the message before the timeout");
    CHECK(dt < 1000000000, "waited %lld ns", (long long)dt);
    if (m)
        msg_free(m);
    actor_wait(d);
    actor_release(d);

    /* many short timeouts in a row (stale timers must not misfire) */
    for (int i = 0; i < 50; i++)
        CHECK(recv(100000, NULL, NULL) == NULL, "short timeout %d", i);
    /* and a sleep after them is not cut short */
    t0 = timer_now();
    sched_sleep(3000000);
    CHECK(timer_now() - t0 >= 3000000, "sleep cut short");
}

/* ---- 4. sends to the dead ------------------------------------------------ */

static void short_lived(void *arg)
{
    long n = (long)(intptr_t)arg;
    for (long i = 0; i < n; i++) {
        msg_t *m = recv(-1, NULL, NULL);
        msg_free(m);
    }
}

static void dead_sends(void *arg)
{
    (void)arg;
    actor_t *a = actor_spawn(short_lived, (void *)(intptr_t)0);
    actor_wait(a);
    long d0 = atomic_load(&dropped);
    for (int i = 0; i < 100; i++)
        mbox_send(a, &msg_new(0, i)->hdr);
    CHECK(atomic_load(&dropped) - d0 == 100, "dropped %ld of 100", atomic_load(&dropped) - d0);
    actor_release(a);

    /* races: the receiver ends after 500 messages while we keep sending */
    for (int round = 0; round < 20; round++) {
        a = actor_spawn(short_lived, (void *)(intptr_t)500);
        for (int i = 0; i < 1000; i++)
            mbox_send(a, &msg_new(0, i)->hdr);
        actor_wait(a);
        actor_release(a);
    }
}

/* ---- the root ------------------------------------------------------------ */

static void root(void *arg)
{
    (void)arg;
    long bad = -1;
    sink_actor = actor_spawn(sink, &bad);
    actor_t *s[SENDERS];
    for (int i = 0; i < SENDERS; i++)
        s[i] = actor_spawn(sender, (void *)(intptr_t)i);
    pthread_t th;
    pthread_create(&th, NULL, foreign_sender, (void *)(intptr_t)SENDERS);
    for (int i = 0; i < SENDERS; i++) {
        actor_wait(s[i]);
        actor_release(s[i]);
    }
    actor_wait(sink_actor);
    pthread_join(th, NULL);
    CHECK(bad == 0, "%ld messages out of per-sender order", bad);
    actor_release(sink_actor);

    actor_t *a = actor_spawn(selective, NULL);
    actor_wait(a);
    actor_release(a);
    a = actor_spawn(timeouts, NULL);
    actor_wait(a);
    actor_release(a);
    a = actor_spawn(dead_sends, NULL);
    actor_wait(a);
    actor_release(a);

    /* self-send from the root */
    actor_t *me = actor_self();
    mbox_send(me, &msg_new(0, 5)->hdr);
    msg_t *m = recv(0, NULL, NULL);
    CHECK(m && m->seq == 5, "self-send not in the mailbox");
    if (m)
        msg_free(m);
}

int main(void)
{
    per_sender = test_scaled(20000);
    CHECK(sched_run_main(root, NULL) == 0, "exit code");
    CHECK(atomic_load(&allocated) == atomic_load(&freed), "%ld messages allocated, %ld freed",
          atomic_load(&allocated), atomic_load(&freed));
    CHECK(actor_live_count() == 0, "%llu actors leaked", (unsigned long long)actor_live_count());
    return test_result("test_mbox_basic");
}
