/*
 * gc/gc.h — the per-actor garbage collector: the rules every runtime file
 * keeps, and the few calls runtime code makes to the collector.
 *
 * What is built (docs/runtime-gc.md has the design and the numbers): each
 * actor's heap (core/alloc.h) is collected by a GENERATIONAL, NON-MOVING
 * collector that runs only inside an allocation of the actor's own
 * running task, so no other actor ever stops and no lock is taken
 * against mutators. Young objects are those allocated since the last
 * collection (in the regions handed out since then); every object that
 * survives a collection is old (AI_HDR_OLD in its header). A MINOR
 * collection marks the young objects reachable from the roots and from
 * the remembered set, and sweeps only the young regions; a MAJOR one
 * marks and sweeps everything, when the old generation has grown by
 * GC_MAJOR_FACTOR since the last (gc/gcint.h). Roots are found
 * conservatively on stacks and in the program's data segment and
 * precisely everywhere else; heap objects are traced precisely with their
 * type's gc_visit. Sweeps turn the free runs between survivors into holes
 * that the bump allocators reuse (no free lists); objects of GC_LARGE_MIN
 * bytes or more get chunks of their own. Survivors are promoted in place
 * rather than copied: see docs/runtime-gc.md for why.
 *
 * Invariants (what the collector relies on; break one and it frees live
 * objects or reads garbage):
 *   G1. Every pointer from one object to another is held in an ai_value
 *       slot that the holder's type reports through gc_visit (a slot may
 *       hold 0, a small int, an object outside this heap — static,
 *       immortal, another actor's — or a base pointer into this heap).
 *       A slot never holds an interior pointer or a stale (freed) object.
 *   G2. An object's gc_size is right from the moment it is allocated up
 *       to its death, except between ai_alloc and the first stores of its
 *       size fields when no allocation happens in between. It may shrink
 *       (the tail is then free memory and must never be touched again);
 *       it never grows in place.
 *   G3. Runtime C code may hold values, base pointers or interior
 *       pointers (str_data(s), &list->items[i], a rawbuf's data) in
 *       locals, on any stack of the running actor: stacks are scanned
 *       conservatively, and an interior pointer keeps its whole object.
 *       A pointer one past an object's end does NOT keep the object. A
 *       raw buffer (alloc_raw) kept only through such a pointer is itself
 *       scanned conservatively: `items = l->items` keeps the items even
 *       after the list `l` died.
 *   G4. Values kept outside the heap, the stacks and the data segment —
 *       in malloc'd memory — are invisible unless that memory comes from
 *       gc_vals_alloc, or is registered with gc_roots_push while it holds
 *       values. Static-heap objects (alloc_static) are roots: each GC
 *       visits those whose type has gc_visit, so a constant or class that
 *       points into a heap keeps its target.
 *   G5. Objects bump-allocated inline by compiled code from ai_tls's
 *       nursery region are complete (header and every field gc_size
 *       reads) before compiled code makes its next call: the collector
 *       walks that region with gc_size to find them. ai_alloc's objects
 *       are recorded at allocation and need no walk.
 *   G6. Collection happens only inside ai_alloc, alloc_raw,
 *       alloc_nursery, gc_vals_* and gc_collect: a runtime function that
 *       allocates nothing never sees a collection (and may hold values
 *       anywhere meanwhile).
 *
 *   G7. (The write barrier.) After a store of a value into a slot of an
 *       object that may be old, call gc_barrier(holder, value), or
 *       gc_barrier_all(holder) after storing several values or a pointer
 *       that gc_visit reports as a slot (a list's item buffer, a dict's
 *       keys block). The holder is the object whose gc_visit reports the
 *       slot. No barrier is needed for a store into an object allocated
 *       with no allocation since (no collection can have made it old),
 *       nor into stack, data-segment, gc_vals or root-frame memory, nor
 *       into static objects (roots of every collection). Compiled code
 *       stores only into such places (locals, module globals, fresh
 *       floats) and into objects through runtime calls, which keep G7;
 *       closure cells are stored through ai_cell_set for this reason. A
 *       generator's stack counts as its slots: it is barriered when the
 *       body is resumed and when it yields. Where the slot's address is
 *       at hand and the holder may be big (a list's items, a dict's
 *       entries), gc_barrier_at(holder, slot, value) says which slot: a
 *       slot inside a large object is then remembered by its card (512
 *       bytes) instead of the whole holder, and a minor collection
 *       re-traces only the dirty cards (gc/gcint.h C7). gc_barrier and
 *       gc_barrier_all are always correct, just coarser.
 *   G8. Objects whose gc_visit scans memory conservatively (a suspended
 *       generator) are re-barriered whenever that memory may change.
 *
 * AITHON_GC_VERIFY (and stress) checks G7 before every minor collection:
 * an old, unremembered object that points to a young one aborts with
 * "missing write barrier" and both types.
 */
#ifndef AITHON_GC_GC_H
#define AITHON_GC_GC_H

#include "aithon_rt.h"

/* ---- temporary roots ------------------------------------------------------------------ */

/* A frame of temporary roots: `n` slots at `slots` are roots from
 * gc_roots_push until gc_roots_pop. The frame itself usually lives on the
 * C stack of the function that pushed it; frames may be popped in any
 * order. For a buffer that is not a heap object (a list's detached
 * items while it is sorted, a malloc'd array). */
typedef struct gc_rootframe {
    struct gc_rootframe *next, **prevp; /* the running heap's frame list */
    ai_value *slots;
    int64_t n;
} gc_rootframe;

void gc_roots_push(gc_rootframe *f, ai_value *slots, int64_t n);
void gc_roots_pop(gc_rootframe *f);

/* malloc-like arrays of values that the collector sees (their slots are
 * roots until gc_vals_free). Zeroed; NULL with MemoryError pending when
 * out of memory. gc_vals_realloc zeroes the new slots and accepts NULL. */
ai_value *gc_vals_alloc(int64_t n);
ai_value *gc_vals_realloc(ai_value *p, int64_t n);
void gc_vals_free(ai_value *p);

/* ---- for gc_visit functions ---------------------------------------------------------- */

/* Visit every object of the collecting heap that some aligned word of
 * [lo, hi) points into (base or interior): a suspended generator's stack.
 * The visitor gets a temporary slot holding the object's base. */
void gc_visit_conservative(const void *lo, const void *hi, void (*visit)(ai_value *slot, void *ctx),
                           void *ctx);

/* ---- finalization -------------------------------------------------------------------- */

/* Run fn(o) once o is found unreachable (before its memory is reused),
 * or when its heap is released. fn must not allocate, raise or touch
 * other heap objects: it releases what o owns outside the heap (a
 * generator's stack). 0, or -1 with MemoryError pending. */
int gc_finalizer_add(ai_object *o, void (*fn)(ai_object *o));

/* ---- hooks the collector needs from other subsystems ------------------------------------ */

/* objects/gen.c: report the stack segments of the generator bodies that
 * are running on this task, innermost first, from `sp` (the collector's
 * own stack pointer): range(lo, hi, ctx) for each. Returns the stack
 * pointer at which the task's own stack is in use (its consumer's saved
 * context), or `sp` when no generator body is running. */
void *gen_gc_running(void *sp, void (*range)(const void *lo, const void *hi, void *ctx), void *ctx);

/* ---- control and the write barrier ---------------------------------------------------- */

/* Collect the running heap now (gc.collect(), tests): a major collection.
 * Returns the bytes live afterwards. gc_collect_minor: a minor one (it
 * may turn major, as at an allocation); returns the old generation's
 * size. */
size_t gc_collect(void);
size_t gc_collect_minor(void);

/* Pause statistics of all heaps so far, minor or major collections
 * (recorded only under AITHON_STATS=1; the benchmarks set it). */
void gc_stats_pauses(bool major, uint64_t *count, uint64_t *p99_ns, uint64_t *max_ns);
void gc_stats_reset_pauses(void);

/* The write barrier (see the rules above). The header's GC bits
 * (aithon_rt.h): AI_HDR_OLD marks an object that survived a collection,
 * and every static or immortal object; AI_HDR_REMEMBERED an old object
 * already in its heap's remembered set, and every static object (those
 * are roots of every collection, so they are never remembered). A store
 * needs remembering when the holder is old-and-not-remembered and the
 * value is a young object: one load of each header and a test. */
void gc_remember(ai_object *holder);

static inline void gc_barrier(void *holder, ai_value v) {
    uintptr_t hh = ((const ai_object *)holder)->hdr;
    if ((hh & AI_HDR_GC_BITS) == AI_HDR_OLD && v && !(v & 1) && !(ai_obj(v)->hdr & AI_HDR_OLD))
        gc_remember((ai_object *)holder);
}

/* The same for one store whose slot is known: `slot` is the address
 * written (inside the holder, or inside a buffer that the holder's
 * gc_visit reports, such as a list's items). When it lies in an old large
 * object and the holder's type has gc_visit_range (core/object.h), only
 * its card is remembered; otherwise the holder, as gc_barrier. The test
 * is gc_barrier's: compiled code inlines it (compiler/emit_data.c) and
 * calls ai_write_barrier(holder, slot), which is gc_remember_at. */
void gc_remember_at(ai_object *holder, const void *slot);

static inline void gc_barrier_at(void *holder, const void *slot, ai_value v) {
    uintptr_t hh = ((const ai_object *)holder)->hdr;
    if ((hh & AI_HDR_GC_BITS) == AI_HDR_OLD && v && !(v & 1) && !(ai_obj(v)->hdr & AI_HDR_OLD))
        gc_remember_at((ai_object *)holder, slot);
}

/* For stores of many values at once (a memcpy into an object's slots, a
 * slot that is not an ai_value, such as a list's item buffer): remember
 * the holder if it is old, whatever the values are. */
static inline void gc_barrier_all(void *holder) {
    if ((((const ai_object *)holder)->hdr & AI_HDR_GC_BITS) == AI_HDR_OLD) gc_remember((ai_object *)holder);
}

#endif
