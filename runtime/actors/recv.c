/*
 * actors/recv.c — the mailbox side of processes: sending, the local
 * queue, receive, and how exit signals are processed.
 *
 * Every message is a gc_msg (gc/message.h) whose tags carry its kind and
 * a reference number (P6). A process takes messages out of its actor's
 * mailbox in arrival order and handles each by its kind:
 *
 *   AM_EXIT   an exit signal. FATAL when it says 'kill' (exit/2), or
 *             when the process does not trap exits and the reason is not
 *             'normal': the process ends at once (ProcessExit is raised,
 *             the reason is the signal's, 'killed' for 'kill'). Otherwise
 *             a trapping process gets it as the message ('EXIT', pid,
 *             reason) and one that does not trap drops it.
 *   AM_DOWN   a monitor's message; dropped if its monitor was removed
 *             with demonitor after the target had ended.
 *   AM_REPLY  a reply: taken by the call that waits for it (tag-level
 *             wait on its reference); anywhere else it is late: dropped.
 *   AM_CALL, AM_CAST, AM_STOP, AM_SYS   requests for GenServers and
 *             supervisors, handled by their loops; a plain process drops
 *             them, a user-level receive never sees them.
 *   AM_DATA   the rest: what aithon.send sent.
 *
 * Receives come in two flavours. A tag-level receive (proc_recv_tag:
 * call waits) tests the tags alone through the mailbox's own selective
 * receive, so what it skips stays packed in the mailbox in order. A
 * value-level receive (proc_recv: aithon.receive and the loops) takes
 * messages in order, unpacks them, and keeps those its predicate (a
 * Python `match`) refuses in the LOCAL QUEUE (P7), which every later
 * receive reads first. Both always take a fatal signal out of turn, so a
 * process waiting for something else still dies at once.
 *
 * Noticing signals while not receiving: senders count exit signals in
 * the target's sig_seq; the target compares it with what it last saw at
 * every aithon call, every compiled safepoint (proc_safepoint) and in
 * sleep, and then looks for a fatal signal in its mailbox (the others
 * stay where they are, in order).
 */
#include "actors/actint.h"

#include "sched/sched.h"
#include "sched/timer.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

/* ---- sending ------------------------------------------------------------------------------ */

int proc_send(proc_t *to, ai_value v, uint64_t tag, uint64_t ref) {
    gc_msg *m = gc_msg_pack(v);
    if (!m) return -1;
    gc_msg_set_tag(m, tag, ref);
    mbox_send(to->actor, gc_msg_mbox(m));
    if ((tag & AM_KIND_MASK) == AM_EXIT)
        /* release: the signal is in the mailbox before the count says so
         * (the owner's acquire load then finds it) */
        atomic_fetch_add_explicit(&to->sig_seq, 1, memory_order_release);
    return 0;
}

/* ---- signals ------------------------------------------------------------------------------- */

static bool fatal_tag(const proc_t *p, uint64_t tag) {
    if ((tag & AM_KIND_MASK) != AM_EXIT) return false;
    if (tag & AMF_KILL) return true;
    return !p->trap && !(tag & AMF_NORMAL);
}

static bool fatal_pred(mbox_msg_t *mm, void *ctx) {
    gc_msg *m = gc_msg_from_mbox(mm);
    return m && fatal_tag(ctx, gc_msg_tag(m, 0));
}

/* End the process for the fatal signal m. Returns -1 (ProcessExit). */
static int die_by(proc_t *p, gc_msg *m) {
    uint64_t tag = gc_msg_tag(m, 0);
    ai_value v = gc_msg_unpack(m), reason = act_s_killed;
    if (!v) exc_clear();
    if (!(tag & AMF_KILL) && v && tuple_check(v) && tuple_obj(v)->len == 3) reason = tuple_obj(v)->items[2];
    proc_raise_exit(p, reason);
    return -1;
}

int proc_check_signals(proc_t *p, bool force) {
    if (p->ending) return 0;
    /* acquire: pairs with the senders' release increments */
    uint32_t seq = atomic_load_explicit(&p->sig_seq, memory_order_acquire);
    if (!force && seq == p->sig_seen) return 0;
    p->sig_seen = seq;
    mbox_msg_t *mm = mbox_receive(0, fatal_pred, p);
    if (!mm) return 0;
    gc_msg *m = gc_msg_from_mbox(mm);
    return die_by(p, m);
}

int32_t proc_safepoint(void) {
    actor_t *a = actor_self();
    proc_t *p = a ? a->ext : NULL;
    if (!p) return 0;
    /* relaxed: a hint; proc_check_signals loads it again with acquire */
    if (atomic_load_explicit(&p->sig_seq, memory_order_relaxed) == p->sig_seen) return 0;
    return proc_check_signals(p, false);
}

/* ---- the local queue ------------------------------------------------------------------------ */

static int lq_push(proc_t *p, const aentry *e) {
    if (p->lq_n == p->lq_cap) {
        size_t cap = p->lq_cap ? p->lq_cap * 2 : 8;
        ai_value *v = gc_vals_realloc(p->lq, (int64_t)cap);
        if (!v) return -1;
        p->lq = v;
        lq_meta *m = realloc(p->lqm, cap * sizeof *m);
        if (!m) {
            exc_nomem();
            return -1;
        }
        p->lqm = m;
        p->lq_cap = cap;
    }
    p->lq[p->lq_n] = e->v;
    p->lqm[p->lq_n] = (lq_meta){e->tag, e->ref};
    p->lq_n++;
    return 0;
}

static void lq_remove(proc_t *p, size_t i) {
    memmove(&p->lq[i], &p->lq[i + 1], (p->lq_n - i - 1) * sizeof *p->lq);
    memmove(&p->lqm[i], &p->lqm[i + 1], (p->lq_n - i - 1) * sizeof *p->lqm);
    p->lq_n--;
    p->lq[p->lq_n] = 0;
}

bool proc_lq_remove_down(proc_t *p, uint64_t ref) {
    for (size_t i = 0; i < p->lq_n; i++)
        if ((p->lqm[i].tag & AM_KIND_MASK) == AM_DOWN && p->lqm[i].ref == ref) {
            lq_remove(p, i);
            return true;
        }
    return false;
}

void proc_lq_free(proc_t *p) {
    /* the values are in the dying heap (gc_vals): released with it */
    free(p->lqm);
    p->lqm = NULL;
    p->lq = NULL;
    p->lq_n = p->lq_cap = 0;
}

/* ---- taking messages out of the mailbox -------------------------------------------------------- */

static bool take_dropped(proc_t *p, uint64_t ref) {
    for (uint32_t i = 0; i < p->ndropped; i++)
        if (p->dropped[i] == ref) {
            p->dropped[i] = p->dropped[--p->ndropped];
            return true;
        }
    return false;
}

static bool is_protocol(uint64_t tag) {
    uint64_t k = tag & AM_KIND_MASK;
    return k == AM_CALL || k == AM_CAST || k == AM_STOP || k == AM_SYS;
}

/* Handle message m as it leaves the mailbox: 1 with *e (unpacked), 0
 * when it is dropped, -1 with an exception (ProcessExit for a fatal
 * signal, an unpack error). */
static int take_message(proc_t *p, mbox_msg_t *mm, int flags, aentry *e) {
    gc_msg *m = gc_msg_from_mbox(mm);
    if (!m) { /* not ours: no other kind is ever sent to a process */
        if (mm->drop) mm->drop(mm);
        return 0;
    }
    uint64_t tag = gc_msg_tag(m, 0), ref = gc_msg_tag(m, 1);
    switch (tag & AM_KIND_MASK) {
    case AM_EXIT:
        if (fatal_tag(p, tag)) return die_by(p, m);
        if (!p->trap) goto drop; /* 'normal', not trapped: ignored */
        break;
    case AM_DOWN:
        if (take_dropped(p, ref)) goto drop;
        break;
    case AM_REPLY:
        if (flags & RECV_USER) goto drop; /* its call is over */
        break;
    default:
        if (is_protocol(tag) && (flags & RECV_USER) && p->kind == PK_PLAIN) goto drop;
        break;
    }
    ai_value v = gc_msg_unpack(m);
    if (!v) return -1;
    *e = (aentry){tag, ref, v};
    return 1;
drop:
    gc_msg_free(m);
    return 0;
}

/* What aithon.receive may hand out. */
static bool user_visible(uint64_t tag) {
    uint64_t k = tag & AM_KIND_MASK;
    return k == AM_DATA || k == AM_EXIT || k == AM_DOWN;
}

/* An entry is delivered: a DOWN ends its monitor. */
static void delivered(proc_t *p, const aentry *e) {
    if ((e->tag & AM_KIND_MASK) == AM_DOWN) proc_forget_monitor(p, e->ref);
}

/* The wait for mbox_receive: -1 forever, else what is left (0: poll). */
static int64_t wait_left(int64_t timeout_ns, int64_t deadline) {
    if (timeout_ns <= 0) return timeout_ns;
    int64_t left = deadline - timer_now();
    return left > 0 ? left : 0;
}

int proc_recv(proc_t *p, int64_t timeout_ns, entry_match_fn match, void *ctx, int flags, aentry *out) {
    if (proc_check_signals(p, false) < 0) return -1;
    /* 1. The local queue, oldest first. (A predicate may receive too:
     * the bounds are re-read on every step.) */
    for (size_t i = 0; i < p->lq_n; i++) {
        aentry e = {p->lqm[i].tag, p->lqm[i].ref, p->lq[i]};
        if ((flags & RECV_USER) && !user_visible(e.tag)) continue;
        int r = match ? match(&e, ctx) : 1;
        if (r < 0) return -1;
        if (r && i < p->lq_n && p->lq[i] == e.v) {
            lq_remove(p, i);
            delivered(p, &e);
            *out = e;
            return 1;
        }
    }
    /* 2. The mailbox, in arrival order. */
    int64_t deadline = timeout_ns > 0 ? timer_now() + timeout_ns : 0;
    for (;;) {
        int64_t wait = wait_left(timeout_ns, deadline);
        mbox_msg_t *mm = mbox_receive(wait, NULL, NULL);
        if (!mm) {
            if (wait == 0) return 0;
            continue; /* the deadline passed: one last poll */
        }
        aentry e;
        int r = take_message(p, mm, flags, &e);
        if (r < 0) return -1;
        if (r == 0) continue;
        if ((flags & RECV_USER) && !user_visible(e.tag)) {
            if (lq_push(p, &e) < 0) return -1;
            continue;
        }
        int mr = match ? match(&e, ctx) : 1;
        if (mr != 1) {
            if (lq_push(p, &e) < 0 || mr < 0) return -1;
            continue;
        }
        delivered(p, &e);
        *out = e;
        return 1;
    }
}

/* ---- tag-level receive ------------------------------------------------------------------------ */

typedef struct tag_wait {
    proc_t *p;
    tag_match_fn match;
    void *ctx;
} tag_wait;

static bool tag_pred(mbox_msg_t *mm, void *ctx) {
    tag_wait *w = ctx;
    gc_msg *m = gc_msg_from_mbox(mm);
    if (!m) return false;
    uint64_t tag = gc_msg_tag(m, 0);
    return fatal_tag(w->p, tag) || w->match(tag, gc_msg_tag(m, 1), w->ctx);
}

int proc_recv_tag(proc_t *p, int64_t timeout_ns, tag_match_fn match, void *ctx, aentry *out) {
    if (proc_check_signals(p, false) < 0) return -1;
    for (size_t i = 0; i < p->lq_n; i++)
        if (match(p->lqm[i].tag, p->lqm[i].ref, ctx)) {
            aentry e = {p->lqm[i].tag, p->lqm[i].ref, p->lq[i]};
            lq_remove(p, i);
            delivered(p, &e);
            *out = e;
            return 1;
        }
    tag_wait w = {p, match, ctx};
    int64_t deadline = timeout_ns > 0 ? timer_now() + timeout_ns : 0;
    for (;;) {
        int64_t wait = wait_left(timeout_ns, deadline);
        mbox_msg_t *mm = mbox_receive(wait, tag_pred, &w);
        if (!mm) {
            if (wait == 0) return 0;
            continue;
        }
        aentry e;
        int r = take_message(p, mm, 0, &e);
        if (r < 0) return -1;
        if (r == 0) continue;
        delivered(p, &e);
        *out = e;
        return 1;
    }
}

int proc_drain(proc_t *p) {
    mbox_msg_t *mm;
    while ((mm = mbox_receive(0, NULL, NULL))) {
        aentry e;
        int r = take_message(p, mm, 0, &e);
        if (r < 0) return -1;
        if (r && lq_push(p, &e) < 0) return -1;
    }
    return 0;
}

/* ---- sleep --------------------------------------------------------------------------------------- */

int32_t proc_sleep(int64_t ns) {
    if (!sched_current()) { /* a foreign thread: block it */
        struct timespec req = {(time_t)(ns / 1000000000), (long)(ns % 1000000000)}, rem;
        while (ns > 0 && nanosleep(&req, &rem) != 0 && errno == EINTR) req = rem;
        return 0;
    }
    actor_t *a = actor_self();
    proc_t *p = a ? a->ext : NULL;
    if (!p) {
        sched_sleep(ns);
        return 0;
    }
    if (proc_check_signals(p, false) < 0) return -1;
    if (ns <= 0) {
        sched_yield_task();
        return proc_check_signals(p, false);
    }
    /* Wait in the mailbox for a fatal signal only: everything else stays
     * in order for the next receive. */
    int64_t deadline = timer_now() + ns;
    for (;;) {
        int64_t left = deadline - timer_now();
        if (left <= 0) return 0;
        mbox_msg_t *mm = mbox_receive(left, fatal_pred, p);
        if (mm) return die_by(p, gc_msg_from_mbox(mm));
    }
}
