/*
 * mailbox.h — an actor's mailbox: an intrusive lock-free MPSC queue
 * (Dmitry Vyukov's design) plus a private save queue for selective
 * receive.
 *
 * Sending costs one atomic exchange. The exchange also returns a tag that
 * the receiver may have left in the queue's head pointer, which is how a
 * sender learns, without another atomic operation, that it must act
 * (the idea comes from Pony's message queues):
 *
 *   untagged        the receiver is running or queued: nothing to do;
 *   MBOX_TAG_PARKED the receiver parked in receive with an empty queue:
 *                   this sender, and only this one (the exchange removed
 *                   the tag), wakes it;
 *   MBOX_TAG_DEAD   the actor has ended: this sender now owns the consumer
 *                   side, drops every queued message (calling its drop
 *                   function) and puts the DEAD tag back for the next one.
 *
 * Invariants
 *   - A tag is only ever set on the stub (head == &stub | tag), by the one
 *     consumer, by CAS from an untagged empty queue (head == &stub).
 *   - Exactly one thread is the consumer at any time: the actor's running
 *     task while it lives, else the holder of the DEAD tag. A PARKED tag
 *     does not make a sender a consumer; it only makes it the waker.
 *   - Messages from one sender to one receiver are received in the order
 *     sent (the exchanges are totally ordered and each sender's are in
 *     program order). Nothing is promised across senders.
 *   - The save queue holds messages a selective receive looked at and
 *     left, in arrival order, ahead of everything in the MPSC queue. Only
 *     the consumer touches it.
 *
 * Messages are caller-owned memory that embeds an mbox_msg_t. Once sent
 * it belongs to the mailbox; a receive hands it back to the receiver; if
 * the receiver has died it is dropped by calling msg->drop(msg) (if not
 * NULL). (A gc/message.h fragment embeds this header: its drop frees it.)
 */
#ifndef AITHON_SCHED_MAILBOX_H
#define AITHON_SCHED_MAILBOX_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct mbox_msg mbox_msg_t;
struct mbox_msg {
    _Atomic(mbox_msg_t *) next; /* MPSC link; reused by the save queue */
    void (*drop)(mbox_msg_t *m);/* discards an undeliverable message */
};

enum {
    MBOX_TAG_PARKED = 1,
    MBOX_TAG_DEAD = 2,
    MBOX_TAG_MASK = 3,
};

typedef struct mbox {
    /* Producers' end: every sender exchanges here. Tagged (low bits). */
    _Atomic(mbox_msg_t *) head;
    /* Consumer's end and the save queue: consumer only. */
    mbox_msg_t *tail;
    mbox_msg_t *save_head, *save_tail;
    mbox_msg_t stub;            /* the queue's permanent dummy node */
} mbox_t;

struct actor;

/* true: take this message (selective receive's predicate). */
typedef bool (*mbox_match_fn)(mbox_msg_t *m, void *ctx);

void mbox_init(mbox_t *mb);

/* Send `m` to the actor `to`. The caller must hold a reference to `to`
 * (actor_retain). If `to` has ended, the message is dropped (m->drop),
 * possibly by this call. Safe from any thread, inside a task or not.
 * A message sent to oneself is in the mailbox when this returns. */
void mbox_send(struct actor *to, mbox_msg_t *m);

/* Receive in the calling actor: the oldest message for which
 * match(m, ctx) is true (every message when match is NULL); messages that
 * do not match stay, in order. timeout_ns < 0: wait forever; 0: do not
 * wait; > 0: wait at most that long. NULL on timeout. Must be called from
 * an actor's task. */
mbox_msg_t *mbox_receive(int64_t timeout_ns, mbox_match_fn match, void *ctx);

/* Number of messages currently queued for the calling actor (save queue
 * included). O(n); for tests and diagnostics. Consumer only. */
size_t mbox_count(mbox_t *mb);

/* ---- for actor.c ---------------------------------------------------- */

/* Consumer only: drop everything queued and tag the mailbox DEAD. After
 * this the calling task must not touch the mailbox again. */
void mbox_close(mbox_t *mb);

#endif
