/*
 * actors/actors.h — what the rest of the runtime calls in the process
 * layer (runtime/actors/, the `aithon` module): the hooks where compiled
 * code's safepoints and blocking calls let a process notice an exit
 * signal. actint.h is the layer's own header.
 *
 * A process is an actor (sched/actor.h) with a record of its links,
 * monitors, names and trap flag (actint.h). Exit signals that end a
 * process that does not trap them (or 'kill') are delivered as an
 * asynchronous exception, aithon.ProcessExit, raised at the next point
 * where the process looks: a compiled safepoint (a loop back-edge or a
 * function entry that the scheduler flagged: within a time slice, 1-2 ms,
 * of the signal), a receive, a sleep, or any aithon call.
 */
#ifndef AITHON_ACTORS_ACTORS_H
#define AITHON_ACTORS_ACTORS_H

#include <stdint.h>

/* Called from ai_safepoint_slow / ai_stack_slow (core/module.c) after
 * the scheduler's own work: 0, or -1 with aithon.ProcessExit pending when
 * an exit signal ends the running process. Cheap when nothing arrived:
 * one load of the process's signal counter. */
int32_t proc_safepoint(void);

/* How core/module.c reaches it: NULL until the aithon module is imported
 * (no process exists before), then proc_safepoint. A pointer rather than
 * a call, so that the core does not link the process layer (and with it
 * every builtin module) into programs and tests that never use it.
 * Written once with release, read with acquire. */
extern int32_t (*_Atomic proc_safepoint_hook)(void);

/* time.sleep(ns seconds) for the running task: parks it (the worker runs
 * other tasks), and for a process, ends early when an exit signal ends
 * it (-1, exception pending). 0 when the time is up. Outside any task
 * (a foreign thread) it blocks the thread. */
int32_t proc_sleep(int64_t ns);

#endif
