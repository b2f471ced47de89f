/*
 * asyncio/spread.c — a batch of isolated tasks evaluated ahead on other
 * cores: the helper actors of remote.c's start_batch.
 *
 * Why. A task of an isolated coroutine is evaluated ahead (ahead.c) at
 * its first slot, in the actor that created it, and becomes an actor of
 * its own only when a single evaluation outgrows a time slice. So a
 * batch of many small tasks — `gather(*[work(x) for x in items])`,
 * ten thousand create_task calls — ran on one core. When such a batch
 * has kept its actor busy for a while and cores are idle, remote.c ships
 * the rest of the batch here: each helper actor gets a contiguous run of
 * the batch's tasks (their functions and copied arguments), evaluates
 * each one ahead in its own heap, in order, and sends back one message
 * per task: the iterations (output, tasks created) and the outcome,
 * copied — or "gave up" when the evaluation could not finish on its own
 * (a real suspension, an asyncio call that depends on other tasks, an
 * outcome that cannot be copied), in which case the parent starts that
 * task the ordinary way at its slot, from its own coroutine, which
 * nothing touched.
 *
 * Why it is exact: the same argument as for evaluations ahead in the
 * parent and for isolated actors. An isolated task's evaluation depends
 * only on its arguments, which are copied as an actor's are; the parent
 * replays the result at the task's slots exactly as it replays its own
 * evaluations (remote.c, R_AHEAD).
 *
 * Invariants:
 *   - A helper holds a counted reference to its parent for as long as it
 *     may send; a result that reaches a parent that has ended is dropped
 *     by its drop function.
 *   - Results are sent in the order of the jobs, one message each.
 *   - The helper's evaluations never outgrow (may_outgrow false): the
 *     helper is already the parallel part.
 */
#include "asyncio/aio.h"

#include "core/alloc.h"
#include "gc/message.h"
#include "sched/actor.h"

#include <stdlib.h>

typedef struct spread_batch {
    actor_t *parent;            /* counted */
    int64_t n;
    aio_spread_job jobs[];
} spread_batch;

static void done_drop(mbox_msg_t *m) { aio_spread_done_free((aio_spread_done *)(void *)m); }

void aio_spread_done_free(aio_spread_done *d) {
    if (!d) return;
    if (d->iters) aio_ahead_iters_free(d->iters, d->niters);
    gc_msg_free(d->payload);
    free(d);
}

bool aio_spread_is_done(const mbox_msg_t *m) { return m->drop == done_drop; }

/* Evaluate one job in this helper; the message to send (never NULL
 * unless out of memory). */
static aio_spread_done *evaluate(aio_spread_job *job) {
    aio_spread_done *d = calloc(1, sizeof *d);
    if (!d) {
        gc_msg_free(job->args);
        return NULL;
    }
    d->hdr.drop = done_drop;
    d->id = job->id;
    d->gave_up = true;
    ai_value args = gc_msg_unpack(job->args); /* frees the message */
    job->args = NULL;
    if (!args) {
        exc_clear();
        return d;
    }
    ai_value roots[2] = {args, 0};
    gc_rootframe fr;
    gc_roots_push(&fr, roots, 2);
    aio_ahead_result res;
    if (aio_ahead_eval(job->info, job->thunk, args, false, &res) == 1) {
        roots[1] = res.value;
        gc_msg *p = gc_msg_pack(res.value);
        if (p) {
            d->gave_up = false;
            d->raised = res.raised;
            d->payload = p;
            d->iters = res.iters;
            d->niters = res.niters;
        } else {
            /* an outcome that cannot cross: the parent runs it itself */
            exc_clear();
            aio_ahead_iters_free(res.iters, res.niters);
        }
    }
    gc_roots_pop(&fr);
    return d;
}

static void helper_main(void *arg) {
    spread_batch *b = arg;
    aio_state *st = aio_actor_begin();
    ai_value roots[1] = {0};
    gc_rootframe fr;
    gc_roots_push(&fr, roots, 1);
    /* a loop, so that anything asking for the running loop finds one (an
     * evaluation gives up at whatever would use it) */
    roots[0] = aio_loop_new();
    if (!roots[0]) exc_clear();
    st->loop = roots[0];
    for (int64_t i = 0; i < b->n; i++) {
        aio_spread_done *d = evaluate(&b->jobs[i]);
        if (d) mbox_send(b->parent, &d->hdr);
    }
    st = aio_state_get();
    st->loop = 0;
    gc_roots_pop(&fr);
    actor_release(b->parent);
    free(b);
}

bool aio_spread_start(const aio_spread_job *jobs, int64_t n) {
    spread_batch *b = malloc(sizeof *b + (size_t)n * sizeof *jobs);
    if (!b) return false;
    b->parent = actor_self();
    actor_retain(b->parent);
    b->n = n;
    memcpy(b->jobs, jobs, (size_t)n * sizeof *jobs);
    actor_t *helper = actor_spawn(helper_main, b);
    if (!helper) {
        actor_release(b->parent);
        free(b);
        return false;
    }
    actor_release(helper); /* it answers by message; no handle is kept */
    return true;
}
