/*
 * core/alloc.h — object memory: the one allocation path (ai_alloc), the
 * per-actor heap behind it, and the immortal static heap for constants.
 *
 * A heap is a set of 1 MiB chunks (gc/gcint.h has their layout) plus
 * chunks of their own for large objects. Memory is handed out as
 * REGIONS — runs of free bytes (a fresh chunk, or a hole the last sweep
 * found between survivors) — and objects are bump-allocated inside the
 * current region. There are two current regions per heap:
 *   - the C region (ctop/cend) used by ai_alloc: every object it hands
 *     out gets its start bit set in its chunk's bitmap at once;
 *   - the nursery region (ai_tls.nursery_top/end) that compiled code
 *     bumps inline to box floats (and alloc_nursery in C): the collector
 *     finds those objects by walking the region (gc/gc.h, G5).
 * When a region is full the slow path takes the next hole, or a new
 * chunk, and collects first when the bytes handed out since the last
 * collection reached the heap's budget (gc/collect.c).
 *
 * Invariants (the collector and the emitter's inline bump path rely on):
 *   A1. Objects are 8-byte aligned; sizes are rounded up to 8.
 *   A2. Every byte in [nursery_top, nursery_end) and [ctop, cend) is
 *       zero, so a bump allocation is already zeroed: only the header is
 *       written. (Regions are zeroed when they are handed out.)
 *   A3. nursery_top/nursery_end in ai_tls describe the RUNNING actor's
 *       nursery; the scheduler saves them into the actor's alloc_heap with
 *       alloc_heap_leave() and restores them with alloc_heap_enter().
 *   A4. Every object's type has gc_size (and gc_visit if it holds values),
 *       so the heap can be walked and scanned precisely.
 *   A5. Static-heap objects (ai_const_*, alloc_static) are never freed or
 *       moved; they may be shared by all actors. They may point into a
 *       heap (a module's dict, a class's namespace): the collector visits
 *       them all as roots.
 * gc/gc.h adds the collector's own invariants (G1–G6).
 */
#ifndef AITHON_CORE_ALLOC_H
#define AITHON_CORE_ALLOC_H

#include "aithon_rt.h"

struct gc_chunk;
struct gc_rootframe;
struct gc_valbuf;

/* A run of free bytes found by a sweep. */
typedef struct gc_hole {
    char *start;
    size_t size;
} gc_hole;

/* A region handed out since the last collection: [start, end). Every
 * object in it is young. A nursery region's objects have no start bits
 * until the collector walks it (`walked`). */
typedef struct gc_span {
    char *start, *end;
    uint8_t nursery, walked;
} gc_span;

typedef struct gc_final {
    struct ai_object *obj;
    void (*fn)(struct ai_object *obj);
} gc_final;

/* An actor's heap. All zero is a valid, empty heap. Owned by the actor's
 * running task: nothing here is locked. */
typedef struct alloc_heap {
    char *top, *end;            /* the nursery region while the actor is not
                                   running (ai_tls holds it while it runs) */
    char *nstart;               /* where the current nursery region began */
    char *cstart, *ctop, *cend; /* the C region (ai_alloc) */
    char *mstart, *mtop, *mend; /* the medium region: ai_alloc's objects
                                   over GC_MIN_HOLE bytes that do not fit
                                   the C region */
    struct gc_chunk *chunks;    /* normal chunks */
    struct gc_chunk *large;     /* old large-object chunks */
    struct gc_chunk *large_young; /* large objects made since the last GC */
    gc_hole *holes;             /* the last sweep's holes, address order */
    size_t nholes, capholes;
    size_t hole_next;           /* the next hole for a small region */
    size_t hole_med;            /* where the search for a medium region
                                   resumes (holes before it are too small) */
    gc_span *spans;             /* regions handed out since the last GC:
                                   the young generation */
    size_t nspans, capspans;
    uintptr_t lo, hi;           /* address range of every chunk: a cheap
                                   first test before the chunk map */
    size_t since;               /* bytes handed out since the last GC */
    size_t stack_bytes;         /* stack the last collection scanned: the next one
                                   waits for at least a quarter of it to be handed
                                   out (pacing, gc/collect.c) */
    size_t object_stack_bytes;  /* stacks of suspended generators and
                                   coroutines the last minor collection
                                   scanned (pacing, core/alloc.c) */
    size_t budget;              /* the nursery size: collect when `since`
                                   reaches it. Starts small (an actor that
                                   allocates little stays small) and
                                   doubles per collection up to the cap */
    size_t live;                /* bytes live after the last major GC */
    size_t old_bytes;           /* the old generation: live + promoted since */
    size_t major_at;            /* a major GC when old_bytes reaches it */
    size_t finals_old;          /* finals[0..finals_old) are old objects */
    uint8_t force_major;        /* a young region went unrecorded (OOM) */
    uint32_t stress_minors;     /* minor GCs since the last major (stress) */
    uint64_t nminor, nmajor;    /* collections of this heap so far */
    uint64_t gc_ns;             /* … and the time they took (ns, wall) */
    size_t reserved;            /* bytes of chunks held (a large object:
                                   its pages only, see gc_chunk_footprint) */
    size_t nchunks;             /* normal chunks held */
    struct gc_rootframe *roots; /* gc_roots_push frames */
    struct gc_valbuf *vals;     /* gc_vals_alloc buffers */
    struct ai_object **remset;  /* old objects that may point to young
                                   ones (gc_remember), each once */
    size_t nremset, capremset;
    struct ai_object **mstack;  /* the mark stack, kept between collections
                                   (a fresh one faulted its pages in at
                                   every collection) */
    size_t capmstack;
    struct gc_chunk *carded;    /* large chunks with dirty cards (gc/gcint.h
                                   C7), linked through card_next */
    gc_final *finals;           /* objects with a finalizer */
    size_t nfinals, capfinals;
    uint64_t allocated;         /* bytes of objects ever allocated here
                                   (up to the last region switch) */
    uint32_t stress_count;      /* allocations since the last stress GC */
    uint8_t ready;              /* budget and settings initialised */
    uint8_t collecting;         /* a collection is running */
    uint8_t pad[1];
} alloc_heap;

/* The heap of the program's first actor (the main task). */
extern alloc_heap alloc_main_heap;

/* Make `h` the running heap of this worker (loads its nursery bounds into
 * ai_tls) / stop running it (saves them back). */
void alloc_heap_enter(alloc_heap *h);
void alloc_heap_leave(alloc_heap *h);
/* Release every chunk of a heap whose actor has ended (finalizers run
 * first). The heap is empty and reusable afterwards. */
void alloc_heap_release(alloc_heap *h);
/* A new empty heap for an actor (malloc'd), NULL when out of memory; and
 * its release + free (the actor exit hook). */
alloc_heap *alloc_heap_new(void);
void alloc_heap_free(alloc_heap *h);
/* The heap running on this thread (NULL if none entered yet). */
alloc_heap *alloc_current_heap(void);

/* An immortal scope: between begin and end, every allocation of this
 * thread (ai_alloc, alloc_raw, alloc_nursery) comes from the static heap
 * (A5) instead of the running heap, which is left and re-entered. For
 * objects every actor may reach for the rest of the program: the builtin
 * modules, made by whichever actor imports them first (modules/module.c).
 * Nothing in the scope may park or yield (the running heap is not the
 * actor's meanwhile). Scopes nest. */
void alloc_immortal_begin(void);
void alloc_immortal_end(void);

/* Allocate from the nursery region (what compiled code bumps inline):
 * for small objects whose fields are all stored before the next call
 * (G5), e.g. ai_float_box. */
void *alloc_nursery(ai_type *t, size_t size);

#define ALLOC_CHUNK_SIZE ((size_t)1 << 20)

/* The largest block one request may get (physical memory plus swap, at
 * most the address-space limit): a bigger request raises MemoryError
 * without touching memory. Callers that malloc buffers sized by the
 * program check against it too. */
size_t alloc_limit(void);

#endif
