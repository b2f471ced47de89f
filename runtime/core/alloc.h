/*
 * core/alloc.h — object memory: the one allocation path (ai_alloc), the
 * per-actor heap behind it, and the immortal static heap for constants.
 *
 * Today: no collection. ai_alloc bumps ai_tls.nursery_top inside the
 * running actor's current chunk (1 MiB, mmap'd); when the chunk is full
 * the slow path maps a new one; an object bigger than a quarter chunk gets
 * a block of its own. A later issue puts the per-actor generational
 * collector (DESIGN.md §7) behind exactly this function: nursery
 * evacuation into an old generation, a large-object space, safepoint-only
 * collection. Nothing else in the runtime allocates Python objects, so
 * nothing else has to change then.
 *
 * Invariants (the collector and the emitter's inline bump path rely on):
 *   A1. Objects are 8-byte aligned; sizes are rounded up to 8.
 *   A2. Every byte in [nursery_top, nursery_end) is zero, so a bump
 *       allocation is already zeroed: ai_alloc and the inline fast path
 *       only write the header. (Chunks come zeroed from mmap; a collector
 *       that reuses a nursery must re-zero it.)
 *   A3. nursery_top/nursery_end in ai_tls describe the RUNNING actor's
 *       nursery; the scheduler saves them into the actor's alloc_heap with
 *       alloc_heap_leave() and restores them with alloc_heap_enter().
 *   A4. Every object's type has gc_size (and gc_visit if it holds values),
 *       so the heap can be walked and scanned precisely.
 *   A5. Static-heap objects (ai_const_*, alloc_static) are never freed or
 *       moved; they may be shared by all actors and must be immutable
 *       once published (apart from caches written with atomics).
 *
 * Build with -DAITHON_ALLOC_DEBUG to give every object its own calloc'd
 * block (kept on a list), so ASan sees overflows between objects.
 */
#ifndef AITHON_CORE_ALLOC_H
#define AITHON_CORE_ALLOC_H

#include "aithon_rt.h"

/* A block of memory owned by a heap: a nursery chunk or a large object. */
typedef struct alloc_block {
    struct alloc_block *next;
    size_t size; /* bytes, header included */
    int is_mmap;
    int _pad;
} alloc_block;

/* An actor's heap. */
typedef struct alloc_heap {
    char *top, *end;     /* the nursery bounds while the actor is not
                               running (ai_tls holds them while it runs) */
    alloc_block *blocks; /* every chunk and large block, newest first */
    size_t reserved;     /* bytes in `blocks` */
} alloc_heap;

/* The heap of the program's first actor (the main task). */
extern alloc_heap alloc_main_heap;

/* Make `h` the running heap of this worker (loads its nursery bounds into
 * ai_tls) / stop running it (saves them back). */
void alloc_heap_enter(alloc_heap *h);
void alloc_heap_leave(alloc_heap *h);
/* Release every block of a heap whose actor has ended. */
void alloc_heap_release(alloc_heap *h);

#define ALLOC_CHUNK_SIZE ((size_t)1 << 20)

#endif
