/*
 * gc/gcint.h — the collector's internals, shared by core/alloc.c (the
 * allocation paths) and the gc/ files (chunks, collection, statistics). Nothing
 * outside those files includes it.
 *
 * Chunks. Every heap byte lives in a chunk: GC_CHUNK_SIZE bytes aligned
 * on GC_CHUNK_SIZE, so the chunk of any address is one mask away. A
 * NORMAL chunk starts with its header and two bitmaps with one bit per
 * 8-byte granule of the chunk: `start` (an object begins here) and `mark`
 * (that object was reached in the collection under way); objects fill
 * [GC_DATA_OFF, GC_CHUNK_SIZE). A LARGE chunk (one or more chunk sizes,
 * one mapping) holds a single object at GC_LARGE_OFF and no bitmaps.
 *
 * The chunk map. A global two-level table maps every chunk-sized slot of
 * the address space to (owning heap, chunk header), so deciding whether a
 * word points into the collecting heap takes two loads and never touches
 * memory that might not be mapped. Entries of one heap are written only
 * by that heap's running task; other threads only compare the owner with
 * their own heap, so relaxed atomics suffice (see gc/chunk.c).
 *
 * Invariants:
 *   C1. In a normal chunk, the start bit of an object allocated by ai_alloc
 *       is set from its allocation until the sweep that finds it dead;
 *       an object bump-allocated in the nursery gets its start bit when a
 *       collection walks its span or keeps it alive. No other start bit
 *       is set.
 *   C2. Every byte of a normal chunk at or above `hwm` is zero and has
 *       never been handed out; holes below it are zeroed when handed out.
 *   C3. Mark bits (and large chunks' `marked`) are all clear outside a
 *       collection.
 *   C4. A chunk in the global pool is owned by no heap, is zero (it was
 *       released with MADV_DONTNEED or is fresh) and is absent from the map.
 *   C5. Every young object lies in a region recorded in its heap's
 *       `spans` (or the heap has force_major set), in a chunk whose
 *       `young` is set, or in a chunk of `large_young`. Old objects are
 *       never inside a recorded region: a region is a hole when handed out.
 *   C6. An old heap object points to a young one only if it is in the
 *       remembered set (AI_HDR_REMEMBERED set, listed in `remset`), or
 *       through a slot covered by C7.
 *   C7. Cards. A slot of an old, unremembered holder that lies inside an
 *       old large object may hold a young object only if the byte of its
 *       card (its offset from the object's start >> GC_CARD_LOG) is set in
 *       that large chunk's `cards`, the chunk's `card_holder` is that
 *       holder, and the chunk is on its heap's `carded` list. A minor
 *       collection visits, through the holder type's gc_visit_range,
 *       only the slots in dirty cards; every collection cleans all cards
 *       and empties the list.
 */
#ifndef AITHON_GC_GCINT_H
#define AITHON_GC_GCINT_H

#include "core/alloc.h"
#include "core/object.h"
#include "gc/gc.h"

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define GC_CHUNK_LOG 20
#define GC_CHUNK_SIZE ((size_t)1 << GC_CHUNK_LOG)
#define GC_CHUNK_MASK (GC_CHUNK_SIZE - 1)
/* One bitmap bit per 8-byte granule of a chunk. */
#define GC_BITS_WORDS (GC_CHUNK_SIZE / 8 / 64)
/* Objects this big or bigger get a large chunk: smaller ones would leave
 * too much of a region unused when they do not fit its rest. */
#define GC_LARGE_MIN ((size_t)64 << 10)
/* A nursery region is at most this big (carved from the front of a
 * bigger hole): the collector may have to walk one (gc/collect.c). */
#define GC_NURSERY_MAX ((size_t)32 << 10)
/* A heap's first nursery size (bytes handed out before its first
 * collection); it doubles with each collection up to gc_settings.nursery. */
#define GC_START_BUDGET ((size_t)64 << 10)
/* The old generation may grow to this much before its first major GC;
 * later majors come when it has grown by GC_MAJOR_FACTOR since the last. */
#define GC_MAJOR_FLOOR ((size_t)8 << 20)
#define GC_MAJOR_FACTOR 2
/* … or by GC_MAJOR_FACTOR_GROWING when the last major reclaimed less
 * than 1/GC_MAJOR_USELESS of the old generation: the live data itself
 * is growing (a program building up what it keeps, such as 200,000
 * tasks gathered at the end), and majors every doubling would trace it
 * all again and again for nothing (gc/collect.c). */
#define GC_MAJOR_FACTOR_GROWING 4
#define GC_MAJOR_USELESS 8
/* A medium region comes from a hole at least this big (or a new chunk),
 * and takes at most GC_MEDIUM_REGION of it (or what the object needs). */
#define GC_MEDIUM_MIN ((size_t)16 << 10)
#define GC_MEDIUM_REGION ((size_t)64 << 10)
/* Free runs shorter than this are not worth a region switch: they stay
 * unused until a neighbour dies. */
#define GC_MIN_HOLE ((size_t)256)

typedef struct gc_chunk {
    alloc_heap *heap;           /* owner, NULL in the pool */
    struct gc_chunk *next;      /* the owner's list (chunks or large) */
    size_t size;                /* bytes mapped: a multiple of GC_CHUNK_SIZE */
    char *hwm;                  /* normal: see C2; large: end of the object */
    size_t live;                /* bytes that survived the last sweep */
    uint32_t is_large;
    uint32_t marked;            /* large: reached in this collection */
    uint32_t young;             /* normal: holds a region handed out since
                                   the last collection (a minor GC looks
                                   for young objects only in such chunks);
                                   large: its object is young */
    uint32_t pad0;
    char *resident;             /* normal: memory below is known resident (a
                                   chunk pooled warm): no need to fault it in */
    /* large chunks only: the card table (C7), NULL until a card is first
     * dirtied; the one holder whose slots in this object were stored
     * into since the last collection; the heap's list of such chunks. */
    uint8_t *cards;
    ai_object *card_holder;
    struct gc_chunk *card_next;
    /* normal chunks only: */
    uint64_t start[GC_BITS_WORDS];
    uint64_t mark[GC_BITS_WORDS];
} gc_chunk;

#define GC_LARGE_OFF ((size_t)128)
_Static_assert(offsetof(gc_chunk, start) <= GC_LARGE_OFF, "large objects follow the header");

/* Cards (C7): a large object's bytes in runs of GC_CARD_SIZE, one byte
 * each in its chunk's card table. */
#define GC_CARD_LOG 9
#define GC_CARD_SIZE ((size_t)1 << GC_CARD_LOG)
#define GC_DATA_OFF ((sizeof(gc_chunk) + 63) & ~(size_t)63)

/* The bytes a chunk can make resident: a normal chunk whole, a large
 * one up to its object's last page (the rest of its mapping is never
 * touched). This is what alloc_heap.reserved counts. */
static inline size_t gc_chunk_footprint(const gc_chunk *c) {
    if (!c->is_large) return c->size;
    return ((size_t)(c->hwm - (const char *)c) + 4095) & ~(size_t)4095;
}

static inline gc_chunk *gc_chunk_base(const void *p) {
    return (gc_chunk *)((uintptr_t)p & ~(uintptr_t)GC_CHUNK_MASK);
}
static inline size_t gc_bit_index(const void *p) {
    return ((uintptr_t)p & GC_CHUNK_MASK) >> 3;
}
static inline void gc_set_start(void *p) {
    size_t i = gc_bit_index(p);
    gc_chunk_base(p)->start[i >> 6] |= (uint64_t)1 << (i & 63);
}
static inline bool gc_test_start(const gc_chunk *c, const void *p) {
    size_t i = gc_bit_index(p);
    return (c->start[i >> 6] >> (i & 63)) & 1;
}

/* An object's bytes as the allocator rounds them (A1): its extent. */
static inline size_t gc_obj_size(const ai_object *o) {
    size_t size = (ai_type_of_obj(o)->gc_size(o) + 7) & ~(size_t)7;
    return size < sizeof(ai_object) ? sizeof(ai_object) : size;
}

/* Make room for `want` elements of `elem` bytes in the malloc'd array *p
 * of capacity *cap (doubling, from `first`). False when out of memory
 * (the array is unchanged). The one growth rule of the collector's
 * bookkeeping arrays: holes, regions, the remembered set, finalizers,
 * mark stacks, message maps. */
bool gc_grow(void **p, size_t *cap, size_t elem, size_t want, size_t first);

/* Append a hole to h's list; false when out of memory (the run then
 * stays unused until the next sweep). */
bool gc_add_hole(alloc_heap *h, char *start, size_t size);

/* ---- the chunk map (gc/chunk.c) ------------------------------------------------------- */

#define GC_ADDR_BITS 48
#define GC_MAP_BITS (GC_ADDR_BITS - GC_CHUNK_LOG)
#define GC_MAP_L2_BITS 14
#define GC_MAP_L1_SIZE ((size_t)1 << (GC_MAP_BITS - GC_MAP_L2_BITS))
#define GC_MAP_L2_SIZE ((size_t)1 << GC_MAP_L2_BITS)

typedef struct gc_map_entry {
    _Atomic(alloc_heap *) heap;
    _Atomic(gc_chunk *) chunk;
} gc_map_entry;

/* The first level: GC_MAP_L1_SIZE pointers (mmap'd at start-up). */
extern _Atomic(gc_map_entry *) *gc_map_l1;

/* The chunk of heap h that contains address p, or NULL when p is not in
 * one of h's chunks (another heap's, static memory, garbage). */
static inline gc_chunk *gc_map_find(const alloc_heap *h, uintptr_t p) {
    if (p < h->lo || p >= h->hi) return NULL;
    uintptr_t i = p >> GC_CHUNK_LOG;
    if (i >> GC_MAP_BITS) return NULL;
    /* relaxed: h's own entries were written by h's own task (see above) */
    gc_map_entry *l2 = atomic_load_explicit(&gc_map_l1[i >> GC_MAP_L2_BITS], memory_order_relaxed);
    if (!l2) return NULL;
    gc_map_entry *e = &l2[i & (GC_MAP_L2_SIZE - 1)];
    if (atomic_load_explicit(&e->heap, memory_order_relaxed) != h) return NULL;
    return atomic_load_explicit(&e->chunk, memory_order_relaxed);
}

/* A zeroed chunk run of `size` bytes (a multiple of GC_CHUNK_SIZE) owned
 * by h and entered in the map; NULL when the system refuses memory. */
gc_chunk *gc_chunk_new(alloc_heap *h, size_t size, bool large);
/* Give a chunk back: out of the map, zeroed, into the pool or unmapped. */
void gc_chunk_free(gc_chunk *c);

/* A gc_vals_alloc buffer: malloc'd, linked into its heap's list. */
typedef struct gc_valbuf {
    struct gc_valbuf *next, **prevp;
    alloc_heap *heap;
    int64_t n;
    ai_value slots[];
} gc_valbuf;

/* ---- settings (gc/collect.c) ---------------------------------------------------------- */

typedef struct gc_settings {
    bool enabled;       /* AITHON_GC=0 turns collection off */
    bool verify;        /* check every traced slot (AITHON_GC_VERIFY, stress) */
    bool stats;         /* AITHON_STATS=1: print statistics at exit */
    bool trace;         /* AITHON_GC_TRACE=1: one line per collection */
    uint32_t stress;    /* AITHON_GC_STRESS=N: collect every N allocations */
    size_t nursery;     /* the cap of a heap's nursery size (AITHON_GC_NURSERY) */
    bool nursery_fixed; /* AITHON_GC_NURSERY given: no growth with the old generation */
    bool no_minor;      /* AITHON_GC_MINOR=0: every collection is major */
} gc_settings;

extern gc_settings gc_cfg;
void gc_settings_init(void);

/* Collect heap h (the running heap of this thread): a minor collection,
 * or a major one when `major` or the old generation has grown enough.
 * Returns the bytes live in the old generation afterwards. */
size_t gc_collect_heap(alloc_heap *h, bool major);
/* Run and forget every finalizer of h (heap release). */
void gc_run_all_finalizers(alloc_heap *h);

/* The region allocator (core/alloc.c), for the sweep: forget the current
 * regions (their free tails are found again by the sweep). */
void alloc_forget_regions(alloc_heap *h);
/* Set a heap's budget and the settings before its first allocation. */
void alloc_heap_prepare(alloc_heap *h);
/* The running heap, entering the thread's private heap if none runs. */
alloc_heap *alloc_running_heap(void);
/* Call fn for every static-heap object whose type has gc_visit (A5). */
void alloc_static_each(void (*fn)(ai_object *o, void *ctx), void *ctx);
/* Bytes of objects allocated in h so far (regions in use included). */
uint64_t alloc_heap_allocated(const alloc_heap *h);


/* ---- statistics (gc/stats.c) ---------------------------------------------------------- */

void gc_stats_collection(bool major, uint64_t pause_ns, size_t live, size_t reserved);
void gc_stats_heap(size_t reserved);
void gc_stats_allocated(uint64_t bytes);

#endif
