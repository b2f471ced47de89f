/*
 * actors/proc.c — processes: their records, spawning, links, monitors,
 * exit signals, and the end of a process.
 *
 * Spawning (proc_spawn). The spawner packs what the process will run
 * (fn and its arguments) into a message, makes the record and the actor
 * without starting it (actor_new), puts the link or monitor in place, then
 * starts it (actor_start): so spawn_link and spawn_monitor are atomic, the
 * child cannot end before its link exists. The child (proc_main) makes
 * its own heap, unpacks its start message there and runs the body of
 * its kind: a plain function, a GenServer or a supervisor.
 *
 * The end of a process (proc_end), on its own task, in this order:
 *   1. a crash (an exception escaped) is reported on stderr unless the
 *      process is linked or monitored at that moment;
 *   2. under the registry lock (P1): alive = false, its links leave both
 *      sides, the monitors on it are taken, its names are released, its
 *      own monitors leave their targets;
 *   3. EXIT signals to the linked processes, then DOWN messages to the
 *      monitoring ones, in the order the links and monitors were made —
 *      after everything else it sent, being sent from its own task last.
 * Then proc_main returns: the actor ends, its heap is released (the exit
 * hook in core/module.c), messages still queued are dropped.
 *
 * Exit reasons are Python values of the dying heap, packed into each
 * message; one that cannot be sent (a generator) is replaced by its
 * repr() (docs/concurrency.md).
 *
 * Memory: the small arrays of the registry (links, monitors) are
 * malloc'd; running out of memory for them aborts the program with a
 * message (they are a few words per link; every other failure raises).
 */
#include "actors/actint.h"

#include "core/alloc.h"
#include "sched/sched.h"
#include "sched/timer.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* A coroutine (an `async def` called) runs to completion in the calling
 * actor with its own event loop: provided by asyncio support when it is
 * linked in (core/aio); weak, so the module works without it. */
extern ai_value aio_run_root(ai_value coro) __attribute__((weak));

/* ---- the registry lock -------------------------------------------------------------- */

static pthread_mutex_t reg_mutex = PTHREAD_MUTEX_INITIALIZER;

void act_lock(void) { pthread_mutex_lock(&reg_mutex); }
void act_unlock(void) { pthread_mutex_unlock(&reg_mutex); }

/* Grow a registry array (P3: malloc only); out of memory is fatal here. */
static void *grow(void *a, uint32_t *cap, size_t elem) {
    uint32_t n = *cap ? *cap * 2 : 4;
    void *b = realloc(a, (size_t)n * elem);
    if (!b) {
        fputs("aithon: out of memory in the process registry\n", stderr);
        abort();
    }
    *cap = n;
    return b;
}

/* ---- records -------------------------------------------------------------------------- */

/* Records alive (made and not freed): tests look for leaks with it.
 * relaxed: a statistic, nothing is published through it */
static _Atomic int64_t live_records;

int64_t proc_live_count(void) { return atomic_load_explicit(&live_records, memory_order_relaxed); }

void proc_retain(proc_t *p) {
    /* relaxed: the caller holds a reference, the count cannot reach zero
     * meanwhile; nothing to order */
    atomic_fetch_add_explicit(&p->refs, 1, memory_order_relaxed);
}

void proc_release(proc_t *p) {
    /* acq_rel: our uses happen before the free by whoever drops the last
     * reference, and that one sees every other holder's uses (as in
     * actor_release) */
    if (atomic_fetch_sub_explicit(&p->refs, 1, memory_order_acq_rel) != 1) return;
    /* Dead (the running actor held a reference until its end): its lists
     * are empty (P2); the owner-only arrays were freed by proc_end. */
    free(p->links);
    free(p->mons);
    if (p->start) gc_msg_free(p->start);
    if (p->actor) actor_release(p->actor);
    free(p);
    atomic_fetch_sub_explicit(&live_records, 1, memory_order_relaxed);
}

static proc_t *proc_alloc(uint64_t num, int kind) {
    proc_t *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    atomic_fetch_add_explicit(&live_records, 1, memory_order_relaxed);
    p->num = num;
    p->kind = kind;
    p->alive = true;
    /* relaxed (both): the record is not published yet */
    atomic_init(&p->refs, 1);
    atomic_init(&p->sig_seq, 0);
    return p;
}

bool proc_is_alive(proc_t *p) {
    act_lock();
    bool a = p->alive;
    act_unlock();
    return a;
}

proc_t *proc_self(void) {
    actor_t *a = actor_self();
    if (!a) {
        ai_raise_msg(&ai_exc_RuntimeError, "aithon: not inside a process");
        return NULL;
    }
    if (a->ext) return a->ext;
    /* An actor the aithon module did not start: the program's root
     * (number 0), or one started by other runtime code. It keeps its
     * record until the program ends. */
    proc_t *p = proc_alloc((a->task.flags & TASK_F_MAIN) ? 0 : pid_next_num(), PK_PLAIN);
    if (!p) {
        exc_nomem();
        return NULL;
    }
    p->roots = gc_vals_alloc(R_COUNT);
    if (!p->roots) {
        proc_release(p);
        return NULL;
    }
    actor_retain(a);
    p->actor = a;
    a->ext = p; /* the actor's own field: nobody else reads it */
    return p;
}

ai_value proc_pid(proc_t *self) {
    if (self->roots && self->roots[R_SELF]) return self->roots[R_SELF];
    ai_value pid = pid_new(self);
    if (pid && self->roots) self->roots[R_SELF] = pid;
    return pid;
}

/* ---- the exit exception -------------------------------------------------------------- */

bool proc_is_exit_exc(ai_value exc) { return exc && ai_type_of(exc) == &act_ProcessExit; }

ai_value proc_raise_exit(proc_t *self, ai_value reason) {
    if (self->roots) self->roots[R_EXIT] = reason;
    /* ProcessExit is a SystemExit: in the main process it ends the
     * program like sys.exit(), silently for 'normal' and otherwise with
     * this line on stderr and status 1. */
    ai_value args;
    if (act_str_is(reason, act_s_normal)) {
        args = tuple_new(0);
    } else {
        ai_value r = ai_repr(reason);
        if (!r) return AI_ERR;
        strbuf b;
        sb_init(&b);
        sb_printf(&b, "=ERROR REPORT= process <0.%llu.0> exited: ", (unsigned long long)self->num);
        sb_add_str(&b, r);
        ai_value s = sb_finish(&b);
        if (!s) return AI_ERR;
        args = ai_tuple_pack(&s, 1);
    }
    if (!args) return AI_ERR;
    ai_value e = exc_new(&act_ProcessExit, args);
    if (!e) return AI_ERR;
    return exc_set_pending(e);
}

/* ---- list helpers (under the lock) ------------------------------------------------------ */

static bool links_remove(proc_t *p, proc_t *peer) {
    for (uint32_t i = 0; i < p->nlinks; i++)
        if (p->links[i] == peer) {
            memmove(&p->links[i], &p->links[i + 1], (p->nlinks - i - 1) * sizeof *p->links);
            p->nlinks--;
            return true;
        }
    return false;
}

static void links_add(proc_t *p, proc_t *peer) {
    if (p->nlinks == p->caplinks) p->links = grow(p->links, &p->caplinks, sizeof *p->links);
    p->links[p->nlinks++] = peer;
}

static bool linked(const proc_t *p, const proc_t *peer) {
    for (uint32_t i = 0; i < p->nlinks; i++)
        if (p->links[i] == peer) return true;
    return false;
}

static void mons_add(proc_t *target, uint64_t ref, proc_t *watcher) {
    if (target->nmons == target->capmons) target->mons = grow(target->mons, &target->capmons, sizeof *target->mons);
    target->mons[target->nmons++] = (mon_in){ref, watcher};
}

static bool mons_remove(proc_t *target, uint64_t ref) {
    for (uint32_t i = 0; i < target->nmons; i++)
        if (target->mons[i].ref == ref) {
            memmove(&target->mons[i], &target->mons[i + 1], (target->nmons - i - 1) * sizeof *target->mons);
            target->nmons--;
            return true;
        }
    return false;
}

/* Owner-only: the monitors a process holds. */
static void outs_add(proc_t *self, uint64_t ref, proc_t *target) {
    if (self->nouts == self->capouts) self->outs = grow(self->outs, &self->capouts, sizeof *self->outs);
    proc_retain(target);
    self->outs[self->nouts++] = (mon_out){ref, target};
}

/* The target of monitor `ref` (its reference moves to the caller), or
 * NULL; the entry is removed. */
static proc_t *outs_take(proc_t *self, uint64_t ref) {
    for (uint32_t i = 0; i < self->nouts; i++)
        if (self->outs[i].ref == ref) {
            proc_t *t = self->outs[i].target;
            memmove(&self->outs[i], &self->outs[i + 1], (self->nouts - i - 1) * sizeof *self->outs);
            self->nouts--;
            return t;
        }
    return NULL;
}

/* ---- links, monitors, exit signals ---------------------------------------------------- */

/* An exit signal ('EXIT', pid-of-from, reason) to `to`. */
static int send_exit(proc_t *to, proc_t *from, ai_value reason, uint64_t flags) {
    ai_value pid = pid_new(from);
    if (!pid) return -1;
    ai_value items[3] = {act_s_EXIT, pid, reason};
    ai_value t = ai_tuple_pack(items, 3);
    if (!t) return -1;
    if (act_str_is(reason, act_s_normal)) flags |= AMF_NORMAL;
    return proc_send(to, t, AM_EXIT | flags, 0);
}

int proc_link(proc_t *self, proc_t *other) {
    if (self == other) return 0;
    act_lock();
    bool alive = other->alive;
    if (alive && !linked(self, other)) {
        links_add(self, other);
        links_add(other, self);
    }
    act_unlock();
    if (alive) return 0;
    /* Linking to a dead process: an exit signal 'noproc', at once. */
    if (send_exit(self, other, act_s_noproc, AMF_LINK) < 0) return -1;
    return proc_check_signals(self, true);
}

void proc_unlink(proc_t *self, proc_t *other) {
    act_lock();
    links_remove(self, other);
    links_remove(other, self);
    act_unlock();
}

static int send_down(proc_t *to, uint64_t ref, proc_t *of, ai_value reason) {
    ai_value items[4] = {act_s_DOWN, ref_new(ref), pid_new(of), reason};
    if (!items[1] || !items[2]) return -1;
    ai_value t = ai_tuple_pack(items, 4);
    if (!t) return -1;
    return proc_send(to, t, AM_DOWN, ref);
}

uint64_t proc_monitor(proc_t *self, proc_t *target) {
    uint64_t ref = ref_next();
    act_lock();
    bool alive = target->alive;
    if (alive) mons_add(target, ref, self);
    act_unlock();
    outs_add(self, ref, target);
    if (!alive && send_down(self, ref, target, act_s_noproc) < 0) return 0;
    return ref;
}

void proc_demonitor(proc_t *self, uint64_t ref) {
    proc_t *target = outs_take(self, ref);
    if (!target) return; /* unknown, or its DOWN was delivered */
    act_lock();
    bool removed = mons_remove(target, ref);
    act_unlock();
    proc_release(target);
    if (removed) return;
    /* The target has ended: its DOWN is in the local queue, in the
     * mailbox, or on its way. */
    if (proc_lq_remove_down(self, ref)) return;
    if (self->ndropped == self->capdropped)
        self->dropped = grow(self->dropped, &self->capdropped, sizeof *self->dropped);
    self->dropped[self->ndropped++] = ref;
}

void proc_forget_monitor(proc_t *self, uint64_t ref) {
    proc_t *target = outs_take(self, ref);
    if (target) proc_release(target);
}

int proc_exit_signal(proc_t *self, proc_t *target, ai_value reason) {
    if (!proc_is_alive(target)) return 0; /* ignored */
    uint64_t flags = act_str_is(reason, act_s_kill) ? AMF_KILL : 0;
    if (send_exit(target, self, reason, flags) < 0) return -1;
    return target == self ? proc_check_signals(self, true) : 0;
}

/* ---- spawning ----------------------------------------------------------------------------- */

static void proc_main(void *arg);

proc_t *proc_spawn(int kind, ai_value start, unsigned opts, uint64_t *mref) {
    proc_t *self = proc_self();
    if (!self) return NULL;
    gc_msg *m = gc_msg_pack(start);
    if (!m) return NULL;
    proc_t *p = proc_alloc(pid_next_num(), kind);
    actor_t *a = p ? actor_new(proc_main, p) : NULL;
    if (!a) {
        gc_msg_free(m);
        if (p) proc_release(p);
        ai_raise_msg(&ai_exc_MemoryError, "cannot start a process (out of memory or address space)");
        return NULL;
    }
    p->start = m;
    p->actor = a; /* actor_new's handle: the record's reference to it */
    a->ext = p;   /* published by actor_start */
    proc_retain(p); /* the caller's; the first is the running actor's */
    if (opts & (SPAWN_LINK | SPAWN_MONITOR)) {
        uint64_t ref = (opts & SPAWN_MONITOR) ? ref_next() : 0;
        act_lock();
        if (opts & SPAWN_LINK) {
            links_add(self, p);
            links_add(p, self);
        }
        if (opts & SPAWN_MONITOR) mons_add(p, ref, self);
        act_unlock();
        if (opts & SPAWN_MONITOR) {
            outs_add(self, ref, p);
            *mref = ref;
        }
    }
    actor_set_fifo(a); /* processes run in spawn and wake order (BEAM's) */
    actor_start(a);
    return p;
}

/* ---- a process's life ------------------------------------------------------------------------ */

/* A plain process: fn(*args, **kwargs); an `async def` runs to its end. */
static ai_value plain_main(ai_value start) {
    ai_tuple *t = tuple_obj(start);
    ai_value kw = t->items[2] == AI_NONE ? 0 : t->items[2];
    ai_value r = ai_call_ex(t->items[0], t->items[1], kw);
    if (!r) return AI_ERR;
    if (!ai_is_smallint(r) && strcmp(obj_type_name(r), "coroutine") == 0) {
        if (!aio_run_root)
            return ai_raise_msg(&ai_exc_NotImplementedError, "spawning an async def needs asyncio support");
        if (!aio_run_root(r)) return AI_ERR;
    }
    return act_s_normal;
}

/* A reason every receiver can get: the reason itself, or its repr. */
static ai_value sendable_reason(ai_value reason) {
    gc_msg *m = gc_msg_pack(reason);
    if (m) {
        gc_msg_free(m);
        return reason;
    }
    exc_clear();
    ai_value r = ai_repr(reason);
    if (!r) exc_clear();
    return r ? r : act_s_killed;
}

static void proc_end(proc_t *p, ai_value reason, ai_value crash) {
    p->ending = true;
    ai_task_core *task = exc_task();
    if (crash) {
        act_lock();
        bool watched = p->nlinks || p->nmons;
        act_unlock();
        if (!watched) {
            char header[96];
            snprintf(header, sizeof header, "=ERROR REPORT= process <0.%llu.0> crashed:\n",
                     (unsigned long long)p->num);
            exc_print_with(header, crash);
        }
    }
    task->exc = 0;

    act_lock();
    p->alive = false;
    proc_t **links = p->links;
    uint32_t nlinks = p->nlinks;
    p->links = NULL;
    p->nlinks = p->caplinks = 0;
    for (uint32_t i = 0; i < nlinks; i++) {
        links_remove(links[i], p);
        proc_retain(links[i]);
    }
    mon_in *mons = p->mons;
    uint32_t nmons = p->nmons;
    p->mons = NULL;
    p->nmons = p->capmons = 0;
    for (uint32_t i = 0; i < nmons; i++) proc_retain(mons[i].watcher);
    names_release_locked(p);
    for (uint32_t i = 0; i < p->nouts; i++) mons_remove(p->outs[i].target, p->outs[i].ref);
    act_unlock();

    for (uint32_t i = 0; i < p->nouts; i++) proc_release(p->outs[i].target);
    free(p->outs);
    p->outs = NULL;
    p->nouts = p->capouts = 0;
    free(p->dropped);
    p->dropped = NULL;
    p->ndropped = p->capdropped = 0;

    if (nlinks || nmons) reason = sendable_reason(reason);
    for (uint32_t i = 0; i < nlinks; i++) {
        if (send_exit(links[i], p, reason, AMF_LINK) < 0) task->exc = 0;
        proc_release(links[i]);
    }
    for (uint32_t i = 0; i < nmons; i++) {
        if (send_down(mons[i].watcher, mons[i].ref, p, reason) < 0) task->exc = 0;
        proc_release(mons[i].watcher);
    }
    free(links);
    free(mons);
    proc_lq_free(p);
}

static void proc_main(void *arg) {
    proc_t *p = arg;
    actor_t *a = actor_self();
    alloc_heap *h = alloc_heap_new();
    if (!h) {
        fputs("aithon: out of memory starting a process\n", stderr);
        abort();
    }
    a->heap = h;
    alloc_heap_enter(h);
    p->roots = gc_vals_alloc(R_COUNT);
    gc_msg *m = p->start;
    p->start = NULL;
    ai_value start = p->roots ? gc_msg_unpack(m) : (gc_msg_free(m), AI_ERR);
    ai_value reason = AI_ERR;
    if (start) {
        p->roots[R_START] = start;
        switch (p->kind) {
        case PK_GENSERVER: reason = gs_main(p, start); break;
        case PK_SUPERVISOR: reason = sup_main(p, start); break;
        default: reason = plain_main(start); break;
        }
    }
    ai_value crash = 0;
    if (!reason) {
        ai_value exc = ai_exc_fetch();
        if (proc_is_exit_exc(exc)) {
            reason = p->roots && p->roots[R_EXIT] ? p->roots[R_EXIT] : act_s_normal;
        } else {
            reason = crash = exc ? exc : act_s_killed;
        }
    }
    proc_end(p, reason, crash);
    a->ext = NULL;
    proc_release(p); /* the running actor's reference */
    /* returning ends the actor: the exit hook releases the heap */
}
