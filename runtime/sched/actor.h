/*
 * actor.h — actors: the unit of isolation (a mailbox, a task, later a
 * heap) on top of the scheduler's green threads.
 *
 * An actor is spawned with a function; its main task runs fn(arg) and the
 * actor ends when fn returns (ACTOR_EXIT_NORMAL) or when it calls
 * actor_exit() (any code; the runtime uses it for crashes and kills).
 * On its end, in this order: its exit code and reason are set; it stops
 * being alive (actor_is_alive, actor_watch now fail); its watchers run
 * (on the dying actor's task, so they may send messages: the lead builds
 * links and monitors on them); its mailbox is closed (queued and later
 * messages are dropped); actors blocked in actor_wait are woken; the exit
 * hook releases its heap; its stack returns to a cache.
 *
 * Handles: an actor_t * is a counted reference. actor_spawn returns one;
 * actor_retain/actor_release add and drop one. The scheduler holds one
 * more while the actor runs. A handle to an ended actor stays valid (a
 * send is dropped, actor_wait returns at once) until its last reference
 * is released. A handle put in a message must be retained for it.
 *
 * Heap: `heap` is the slot for the per-actor GC heap (DESIGN.md §7); the
 * scheduler never touches it. actor_set_exit_hook installs the function
 * that releases it when the actor ends.
 *
 * Process layer: `ext` is the slot for runtime/actors' process record
 * (the aithon module's links, monitors and names); the scheduler only
 * clears it when it makes the block. It is written before the actor
 * starts (actor_new ... actor_start, the start's queue push publishing
 * it) or by the actor itself.
 */
#ifndef AITHON_SCHED_ACTOR_H
#define AITHON_SCHED_ACTOR_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "sched/mailbox.h"
#include "sched/task.h"

enum {
    ACTOR_EXIT_NORMAL = 0,      /* fn returned */
    ACTOR_EXIT_ERROR = 1,       /* crashed (an exception escaped) */
    ACTOR_EXIT_KILLED = 2,      /* killed by an exit signal */
    ACTOR_EXIT_SHUTDOWN = 3,    /* stopped by a supervisor */
};

typedef struct actor actor_t;

/* Intrusive exit notification. fn runs on the dying actor's task. */
typedef struct actor_watcher actor_watcher_t;
struct actor_watcher {
    actor_watcher_t *next;      /* protected by the watched actor's lock */
    void (*fn)(actor_t *dead, actor_watcher_t *w);
};

struct actor {
    mbox_t mbox;                /* see mailbox.h for who touches what */
    task_t task;                /* the main task (task.h) */
    void *heap;                 /* the GC's per-actor heap; owned by the
                                   actor's own tasks */
    void *aio;                  /* its asyncio state (asyncio/aio.h), or
                                   NULL; owned by the actor's own tasks */
    void *ext;                  /* runtime/actors' process record, or NULL
                                   (see above for who writes it) */
    void (*fn)(void *);         /* behaviour and argument; immutable */
    void *arg;
    uint64_t id;                /* unique, for repr: <0.id.0>; immutable */
    _Atomic uint32_t refs;      /* handle count (+1 while running) */
    _Atomic uint32_t alive;     /* 1 until the end begins */
    _Atomic uint32_t lock;      /* tiny spin lock for the fields below */
    int32_t exit_code;          /* written by the actor before alive = 0;
                                   read by others after they see alive = 0
                                   (acquire) */
    void *exit_reason;          /* opaque (the lead's exception object) */
    actor_watcher_t *watchers;  /* protected by lock */
    task_t *joiners;            /* tasks in actor_wait; protected by lock */
};

/* Spawn fn(arg) as a new actor. Returns a handle (one reference), or NULL
 * when out of memory or address space. Any thread. */
actor_t *actor_spawn(void (*fn)(void *arg), void *arg);

/* The same in two steps, for a spawner that must finish the actor's
 * block (its `ext`, links …) before it can run: actor_new makes the
 * actor (its stack, its block, a handle) without scheduling it, and
 * actor_start schedules it. Every actor made must be started. */
actor_t *actor_new(void (*fn)(void *arg), void *arg);
void actor_start(actor_t *a);

/* Between actor_new and actor_start: whenever the actor's task becomes
 * runnable it takes the run-next slot only if that is free, else it is
 * queued behind the runnable tasks (TASK_F_FIFO), never displacing the
 * task there. The aithon process layer asks for this: a program that
 * spawns (or sends to) processes one after another sees them run in that
 * order, as under BEAM; Go's run-next order would run the last one
 * first. */
void actor_set_fifo(actor_t *a);

/* The running actor (borrowed reference), NULL outside actors. */
actor_t *actor_self(void);

void actor_retain(actor_t *a);
void actor_release(actor_t *a);

/* End the calling actor now, with `code` and an opaque reason. The C
 * frames on its stack are abandoned, not unwound: call it only where
 * nothing on the stack still owns resources. */
_Noreturn void actor_exit(int32_t code, void *reason);

bool actor_is_alive(const actor_t *a);
/* Park the calling task until `a` has ended; its exit code. From a
 * foreign thread, polls every millisecond. -1 at once if `a` is the
 * caller itself. */
int32_t actor_wait(actor_t *a);
int32_t actor_exit_code(const actor_t *a);
void *actor_exit_reason(const actor_t *a);
uint64_t actor_id(const actor_t *a);

/* Register w to run when `a` ends. False if `a` has already ended (w is
 * not registered; the caller handles "noproc"). */
bool actor_watch(actor_t *a, actor_watcher_t *w);
/* Remove w; false if it was not registered (or already ran). */
bool actor_unwatch(actor_t *a, actor_watcher_t *w);

/* Called at every actor's end, on its task, after its watchers (the GC
 * frees the heap here). One hook per process; NULL to remove. */
void actor_set_exit_hook(void (*hook)(actor_t *a));

/* Live actor count (spawned and not yet reaped); for tests. */
uint64_t actor_live_count(void);

/* ---- for sched.c ---------------------------------------------------- */

/* The root actor, on the big main stack. Queued on the global queue. */
actor_t *actor_spawn_main(void (*fn)(void *arg), void *arg);

#endif
