/*
 * actors/actint.h — the process layer's own header: the process record,
 * Pid and Ref objects, message kinds, and the calls the files of
 * runtime/actors/ make to each other. (actors.h is what the rest of the
 * runtime sees; docs/concurrency.md is the user-level page.)
 *
 * Files
 *   pid.c         Pid and Ref objects: repr, hash, ==, message hooks
 *   proc.c        process records, spawning, the end of a process (names
 *                 released, EXIT and DOWN sent, crash report), links,
 *                 monitors, exit signals, the registry lock
 *   recv.c        sending, the local queue, receive (selective, with a
 *                 timeout), how signals are processed, sleep
 *   names.c       registered names
 *   genserver.c   the GenServer base class, call, cast, stop
 *   supervisor.c  supervisors and child specs
 *   modaithon.c   the module table: argument parsing and the exception
 *                 types
 *
 * The model. A process is an actor (sched/actor.h) whose `ext` points to
 * its proc_t. Spawned processes run proc_main (proc.c) with a heap of
 * their own; the program's root actor gets a record lazily (number 0) the
 * first time it uses the API. A process ends once: its `fn` returned
 * (reason 'normal'), raised (reason: the exception), or an exit signal or
 * aithon.exit() unwound it (aithon.ProcessExit, reason in R_EXIT).
 *
 * Invariants
 *   P1. Everything a dying process changes for others — alive, links,
 *       monitors on it, names — is changed under the registry lock
 *       (act_lock), in one critical section; link() and monitor() check
 *       `alive` under the same lock. So a link or a monitor is either in
 *       place when the process dies (and fires) or sees it dead (noproc).
 *   P2. Links and monitor records name live processes only: a dying
 *       process removes itself from its peers' lists and its monitors
 *       from their targets under the lock, so no list holds a pointer to
 *       a freed record (and lists hold no reference counts). Whatever a
 *       dying process sends after the critical section is retained first.
 *   P3. The registry lock is a plain mutex held for a few list
 *       operations; code under it never allocates in a heap, never packs
 *       a message and never parks.
 *   P4. A proc_t lives while someone holds a reference: the running
 *       actor (until proc_main returns), every Pid object (its finalizer
 *       releases), every message copy of a Pid (ai_msg_ops), and callers
 *       for the duration of a call. The last release releases the
 *       actor's handle.
 *   P5. Owner-only fields (marked so) are touched only by the process's
 *       own task: the local queue, the trap flag, its outgoing monitors.
 *   P6. Every message is a gc_msg whose tag words say its kind (AM_*,
 *       plus AMF_* flags) and reference number; the receiver handles
 *       signals (AM_EXIT) and protocol messages (replies, calls …) by the
 *       tags, unpacking only what it delivers or must test with a
 *       Python predicate.
 *   P7. The local queue holds messages that a receive unpacked and did
 *       not take, oldest first; everything in it is older than anything
 *       still in the mailbox (the mailbox's own save queue included). A
 *       signal is never in it (signals are processed when they leave the
 *       mailbox: a trapped EXIT becomes an ordinary entry).
 */
#ifndef AITHON_ACTORS_ACTINT_H
#define AITHON_ACTORS_ACTINT_H

#include "actors/actors.h"
#include "core/object.h"
#include "gc/gc.h"
#include "gc/message.h"
#include "sched/actor.h"

#include <stdatomic.h>

/* ---- message kinds (tag word 0: kind | flags; word 1: a ref number) --- */

enum {
    AM_DATA = 1,  /* aithon.send */
    AM_EXIT,      /* an exit signal: payload ('EXIT', pid, reason) */
    AM_DOWN,      /* a monitor fired: payload ('DOWN', ref, pid, reason) */
    AM_REPLY,     /* a reply to a call (ref: the call's); payload the value */
    AM_CALL,      /* GenServer call: payload (sender, request); ref */
    AM_CAST,      /* GenServer cast: payload the request */
    AM_STOP,      /* aithon.stop: payload the reason */
    AM_SYS,       /* supervisor request: payload (sender, request); ref */
    AM_KIND_MASK = 0xff,
    AMF_NORMAL = 1 << 8, /* AM_EXIT whose reason is 'normal' */
    AMF_KILL = 1 << 9,   /* AM_EXIT sent by exit(pid, 'kill'): untrappable */
    AMF_LINK = 1 << 10,  /* AM_EXIT sent by a linked process's end */
};

/* ---- the process record ------------------------------------------------ */

enum { PK_PLAIN, PK_GENSERVER, PK_SUPERVISOR };

/* Roots in the process's own heap (a gc_vals buffer). */
enum { R_SELF, R_EXIT, R_START, R_COUNT };

typedef struct proc proc_t;

typedef struct mon_in { /* a monitor on this process */
    uint64_t ref;
    proc_t *watcher;
} mon_in;

typedef struct mon_out { /* a monitor this process holds */
    uint64_t ref;
    proc_t *target; /* retained */
} mon_out;

typedef struct lq_meta { /* a local-queue entry's tags */
    uint64_t tag, ref;
} lq_meta;

struct proc {
    /* immutable once published */
    uint64_t num;   /* repr <0.num.0> */
    actor_t *actor; /* its handle (one reference, released with the record) */
    int kind;       /* PK_*: which body proc_main runs */
    _Atomic uint32_t refs;
    /* Exit signals sent to it so far: senders increment it after the
     * signal is in the mailbox; the owner compares it with sig_seen to
     * know whether a fatal one may be waiting (recv.c). */
    _Atomic uint32_t sig_seq;
    /* protected by act_lock (P1) */
    bool alive;
    proc_t **links;   /* peers, in link order */
    uint32_t nlinks, caplinks;
    mon_in *mons;     /* monitors on it, in creation order */
    uint32_t nmons, capmons;
    uint32_t nnames;  /* names registered to it (names.c) */
    /* owner only (P5) */
    gc_msg *start;    /* what to run: consumed by proc_main */
    uint32_t sig_seen;
    bool trap;
    bool ending;      /* in its end protocol: signals are no longer looked at */
    mon_out *outs;
    uint32_t nouts, capouts;
    uint64_t *dropped; /* demonitored refs whose DOWN may still arrive */
    uint32_t ndropped, capdropped;
    ai_value *roots;  /* R_COUNT values in its heap (gc_vals), or NULL */
    ai_value *lq;     /* local queue values (gc_vals, lq_cap slots) */
    lq_meta *lqm;     /* and their tags (malloc) */
    size_t lq_n, lq_cap;
};

/* The registry lock (P1, P3). */
void act_lock(void);
void act_unlock(void);

void proc_retain(proc_t *p);
void proc_release(proc_t *p);
/* The running process's record, made on first use for an actor that has
 * none (the program's root: number 0). NULL with an exception pending
 * (not inside an actor, out of memory). */
proc_t *proc_self(void);
/* alive, read under the lock */
bool proc_is_alive(proc_t *p);
/* Records made and not yet freed, process-wide (leak tests). */
int64_t proc_live_count(void);

/* Spawn options */
enum { SPAWN_LINK = 1, SPAWN_MONITOR = 2 };
/* Spawn a process of `kind` running `start` (packed here: for PK_PLAIN
 * a tuple (fn, args, kwargs-or-None)). Returns the new record with a
 * reference for the caller, or NULL with an exception pending (the
 * TypeError of an unsendable argument, MemoryError). With SPAWN_MONITOR,
 * *mref is the monitor's reference. */
proc_t *proc_spawn(int kind, ai_value start, unsigned opts, uint64_t *mref);

/* Links and monitors (the caller is `self`, the running process). */
int proc_link(proc_t *self, proc_t *other);      /* 0 / -1 */
void proc_unlink(proc_t *self, proc_t *other);
/* A monitor's reference number; 0 with an exception pending. */
uint64_t proc_monitor(proc_t *self, proc_t *target);
void proc_demonitor(proc_t *self, uint64_t ref);
/* exit(pid, reason): 0 / -1 (a fatal signal to oneself raises). */
int proc_exit_signal(proc_t *self, proc_t *target, ai_value reason);
/* End the running process with `reason`: ProcessExit pending (R_EXIT
 * holds the reason), returns AI_ERR. aithon.exit(reason) and every fatal
 * exit signal come here. */
ai_value proc_raise_exit(proc_t *self, ai_value reason);
/* The exit reason a ProcessExit carries to the process's end. */
bool proc_is_exit_exc(ai_value exc);
/* Was the monitor `ref` still held (and is it now forgotten)? Called when
 * its DOWN is delivered. */
void proc_forget_monitor(proc_t *self, uint64_t ref);
/* The process's Pid (cached in R_SELF). */
ai_value proc_pid(proc_t *self);

/* ---- messages and receive (recv.c) ------------------------------------ */

/* Pack v and send it to `to` with tags (kind | flags, ref): 0, or -1 with
 * the exception pending (unsendable value). A send to an ended process
 * is dropped. An AM_EXIT also counts in to->sig_seq. */
int proc_send(proc_t *to, ai_value v, uint64_t tag, uint64_t ref);

/* An entry handed out by a receive. */
typedef struct aentry {
    uint64_t tag, ref;
    ai_value v;
} aentry;

/* Match on the tags only (protocol waits: nothing else is unpacked). */
typedef bool (*tag_match_fn)(uint64_t tag, uint64_t ref, void *ctx);
/* Match on an unpacked entry: 1 take, 0 leave, -1 error (pending). */
typedef int (*entry_match_fn)(const aentry *e, void *ctx);

enum {
    RECV_USER = 1, /* aithon.receive: replies are stale (dropped), and a
                      plain process drops protocol messages */
};
/* Timeouts: ns < 0 waits forever, 0 polls. Return 1 with *out, 0 on
 * timeout, -1 with an exception pending (ProcessExit when a signal ended
 * the process; an unpack error; what the predicate raised). */
int proc_recv(proc_t *p, int64_t timeout_ns, entry_match_fn match, void *ctx, int flags, aentry *out);
int proc_recv_tag(proc_t *p, int64_t timeout_ns, tag_match_fn match, void *ctx, aentry *out);
/* Process every signal that has arrived: 0, or -1 with ProcessExit
 * pending if one ends the process. `force`: look even when sig_seq has
 * not moved (after sending a signal to oneself). */
int proc_check_signals(proc_t *p, bool force);
/* Move everything that has arrived into the local queue, processing
 * signals under the current trap flag (trap_exits calls it before it
 * changes the flag): 0 / -1. */
int proc_drain(proc_t *p);
/* Remove a DOWN with this ref from the local queue: true if one was. */
bool proc_lq_remove_down(proc_t *p, uint64_t ref);
/* Free the local queue's malloc'd part (the end of a process). */
void proc_lq_free(proc_t *p);

/* ---- Pid and Ref (pid.c) -------------------------------------------------- */

extern ai_type act_pid_type, act_ref_type;
/* A new Pid for p (retains p). AI_ERR on MemoryError. */
ai_value pid_new(proc_t *p);
static inline bool pid_check(ai_value v) { return obj_is_type(v, &act_pid_type); }
proc_t *pid_proc(ai_value pid); /* borrowed */
uint64_t ref_next(void);        /* a new reference number */
ai_value ref_new(uint64_t n);
static inline bool ref_check(ai_value v) { return obj_is_type(v, &act_ref_type); }
uint64_t ref_num(ai_value ref);
/* The process-wide sequence of process numbers (main is 0). */
uint64_t pid_next_num(void);

/* ---- names (names.c) ------------------------------------------------------- */

/* register(name, p): 0, or -1 with ValueError (taken) pending. */
int names_register(ai_value name, proc_t *p);
int names_unregister(ai_value name);
/* The process registered as name, retained; NULL if none (no error). A
 * non-str name raises TypeError: then NULL with the error pending. */
proc_t *names_lookup(ai_value name);
/* Under act_lock: drop every name of p (its end). */
void names_release_locked(proc_t *p);

/* ---- the module's exception types (modaithon.c) ----------------------------- */

extern ai_type act_Timeout, act_NoProc, act_CallError, act_ProcessExit;
/* CallError(reason) pending; returns AI_ERR. */
ai_value act_raise_call_error(ai_value reason);
/* Seconds (int, float or None) as a timeout: ns, -1 for None. */
bool act_timeout_arg(ai_value v, int64_t *ns);
/* Immortal str constants (made when the module is imported, before any
 * process can exist; read-only after). */
extern ai_value act_s_normal, act_s_kill, act_s_killed, act_s_noproc, act_s_shutdown, act_s_EXIT,
    act_s_DOWN;
/* Is v a str equal to the constant s? */
bool act_str_is(ai_value v, ai_value s);

/* ---- GenServer and supervisors ------------------------------------------------ */

extern ai_type act_genserver_type;
/* The method names GenServer calls (made at import): 0 / -1. */
int gs_init_names(void);
/* The module's functions defined next to what they use. */
extern ai_builtin_fn act_bf_call, act_bf_cast, act_bf_stop, act_bf_child, act_bf_supervisor,
    act_bf_which_children;
/* The bodies proc_main runs for PK_GENSERVER and PK_SUPERVISOR: the
 * process's exit reason, or AI_ERR with the exception that ended it. */
ai_value gs_main(proc_t *p, ai_value start);
ai_value sup_main(proc_t *p, ai_value start);
/* A synchronous request to a process: monitor it, send (tag, payload
 * (sender, request)), wait for the reply or its end. Reply value, or
 * AI_ERR: CallError (its end: its reason, 'noproc'), Timeout. */
ai_value act_call(proc_t *self, ai_value dest, uint64_t kind, ai_value request, int64_t timeout_ns);
/* The Pid of a Pid or registered-name argument, retained, or NULL:
 * *missing says whether it was a name that is not registered (no error
 * raised then); otherwise an error is pending. */
proc_t *act_dest(ai_value dest, bool *missing);

#endif
