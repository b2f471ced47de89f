/*
 * gc/chunk.c — chunks: aligned memory for the heaps, the global chunk map
 * that says which heap owns an address, and a small pool of free chunks.
 *
 * Input: requests for chunk runs (1 MiB each, or several for a large
 * object) from core/alloc.c, and chunks given back by sweeps and by heaps
 * that are released. Output: zeroed, GC_CHUNK_SIZE-aligned memory entered
 * in the map under its owner.
 *
 * Alignment: mmap gives page alignment only, so a mapping is made with
 * one extra chunk of slack and the misaligned ends are unmapped.
 *
 * Single chunks (every heap's first, and most of all) are carved from
 * ARENAS: one aligned mapping of ARENA_CHUNKS chunks at a time, never
 * unmapped piecewise. One mapping per chunk would cost a kernel VMA each
 * (trimmed mappings are not adjacent, so the kernel cannot merge them),
 * and Linux caps a process at vm.max_map_count (65530) of those: 65,000
 * live actors would exhaust it and the next malloc would fail. A freed
 * single chunk is pooled warm (below) or, released with MADV_DONTNEED
 * (which does not split the VMA), kept on the cold list for reuse: it
 * costs address space only. Runs of several chunks (large objects) are
 * mapped and unmapped on their own.
 *
 * The pool keeps up to POOL_MAX warm single chunks so that a heap that shrinks
 * and grows again — or an actor that ends while another starts, the
 * common case: every actor's heap begins with one chunk — does not pay
 * for system calls and page faults per chunk. A normal chunk is zeroed by
 * hand as far as its owner wrote it (its high-water mark) and pooled
 * WARM, its pages still resident: no madvise (whose TLB shootdown
 * interrupts every other worker) and no page faults for the next owner.
 * A warm chunk remembers how far it is resident (gc_chunk.resident), so
 * that its next owner does not ask the kernel to fault in pages that are
 * there already (MADV_POPULATE_WRITE walks them all: a system call and a
 * page-table walk per region).
 * Warm chunks are capped by the bytes they keep resident (WARM_MAX_BYTES);
 * past that, and for large chunks, a chunk is released to the kernel
 * (MADV_DONTNEED: zero on next touch, no RSS meanwhile) before it is
 * pooled.
 *
 * The map (gcint.h) is written with relaxed atomics: an entry is only
 * ever compared against the reader's own heap, and a heap's entries are
 * written by that heap's task, which is ordered with itself (a task that
 * moves between workers is handed over through the scheduler's queues,
 * which synchronise). The second-level tables are created under a lock
 * and published with release / read with relaxed + dependency order
 * (written before the first entry that a reader could match).
 *
 * Not handled: giving address space back for second-level tables (they
 * are 256 KiB each and cover 16 GiB).
 */
#include "gc/gcint.h"

#include <pthread.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if defined(__SANITIZE_ADDRESS__)
#define GC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GC_ASAN 1
#endif
#endif
#if GC_ASAN
#include <sanitizer/asan_interface.h>
#endif

_Atomic(gc_map_entry *) *gc_map_l1;

static pthread_mutex_t chunk_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t map_once = PTHREAD_ONCE_INIT;

enum { POOL_MAX = 1024 };
/* Resident bytes the warm chunks of the pool may keep in all (zeroing a
 * chunk by hand costs less than the page faults that refill a released
 * one, and no other thread is interrupted). */
#define WARM_MAX_BYTES ((size_t)256 << 20)
static gc_chunk *pool[POOL_MAX]; /* protected by chunk_lock */
static size_t pool_resident[POOL_MAX];
static int npool;
static size_t warm_bytes; /* sum of pool_resident; chunk_lock */

/* Arenas and the cold list (all under chunk_lock). */
enum { ARENA_CHUNKS = 64 };
static char *arena_next;          /* the next uncarved chunk of the arena */
static size_t arena_left;         /* chunks left in it */
static gc_chunk **cold;           /* released single chunks (zero, not resident) */
static size_t ncold, capcold;

static void map_init(void) {
    void *p = mmap(NULL, GC_MAP_L1_SIZE * sizeof(gc_map_entry *), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        fputs("aithon: cannot map the collector's chunk table\n", stderr);
        abort();
    }
    gc_map_l1 = p;
}

/* The map entry for chunk slot i, creating its table. NULL when out of
 * memory. */
static gc_map_entry *map_slot(uintptr_t i) {
    _Atomic(gc_map_entry *) *l1 = &gc_map_l1[i >> GC_MAP_L2_BITS];
    gc_map_entry *l2 = atomic_load_explicit(l1, memory_order_acquire);
    if (!l2) {
        pthread_mutex_lock(&chunk_lock);
        l2 = atomic_load_explicit(l1, memory_order_relaxed);
        if (!l2) {
            void *p = mmap(NULL, GC_MAP_L2_SIZE * sizeof(gc_map_entry), PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
            if (p != MAP_FAILED) {
                l2 = p;
                /* release: the zeroed table is visible before the pointer */
                atomic_store_explicit(l1, l2, memory_order_release);
            }
        }
        pthread_mutex_unlock(&chunk_lock);
        if (!l2) return NULL;
    }
    return &l2[i & (GC_MAP_L2_SIZE - 1)];
}

static bool map_set(gc_chunk *c, alloc_heap *h) {
    uintptr_t first = (uintptr_t)c >> GC_CHUNK_LOG, n = c->size >> GC_CHUNK_LOG;
    for (uintptr_t i = first; i < first + n; i++) {
        gc_map_entry *e = map_slot(i);
        if (!e) return false;
        /* relaxed: see the file comment; chunk first, so an owner match
         * always finds the chunk */
        atomic_store_explicit(&e->chunk, c, memory_order_relaxed);
        atomic_store_explicit(&e->heap, h, memory_order_relaxed);
    }
    return true;
}

static void map_clear(gc_chunk *c) {
    uintptr_t first = (uintptr_t)c >> GC_CHUNK_LOG, n = c->size >> GC_CHUNK_LOG;
    for (uintptr_t i = first; i < first + n; i++) {
        gc_map_entry *l2 = atomic_load_explicit(&gc_map_l1[i >> GC_MAP_L2_BITS], memory_order_relaxed);
        if (!l2) continue;
        gc_map_entry *e = &l2[i & (GC_MAP_L2_SIZE - 1)];
        atomic_store_explicit(&e->heap, NULL, memory_order_relaxed);
        atomic_store_explicit(&e->chunk, NULL, memory_order_relaxed);
    }
}

/* `size` bytes aligned on GC_CHUNK_SIZE, zero; NULL if refused. */
static void *map_aligned(size_t size) {
    size_t span = size + GC_CHUNK_SIZE;
    char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) return NULL;
    char *a = (char *)(((uintptr_t)p + GC_CHUNK_MASK) & ~(uintptr_t)GC_CHUNK_MASK);
    if (a > p) munmap(p, (size_t)(a - p));
    char *end = p + span;
    if (end > a + size) munmap(a + size, (size_t)(end - (a + size)));
    if ((uintptr_t)a >> GC_ADDR_BITS) { /* beyond the map: cannot be tracked */
        munmap(a, size);
        return NULL;
    }
    return a;
}

/* A zero single chunk: warm from the pool, cold from the list, or carved
 * from the arena (a new arena when it is used up). Under chunk_lock. */
static gc_chunk *single_chunk_locked(void) {
    if (npool) {
        warm_bytes -= pool_resident[npool - 1];
        return pool[--npool];
    }
    if (ncold) return cold[--ncold];
    if (!arena_left) {
        char *a = map_aligned((size_t)ARENA_CHUNKS * GC_CHUNK_SIZE);
        if (!a) return NULL;
        arena_next = a;
        arena_left = ARENA_CHUNKS;
    }
    gc_chunk *c = (gc_chunk *)(void *)arena_next;
    arena_next += GC_CHUNK_SIZE;
    arena_left--;
    return c;
}

/* Give a (zero, released or warm-zeroed) single chunk back for reuse.
 * Under chunk_lock. When the list cannot grow the chunk's address space
 * is lost (it is not resident: a leak of addresses, not memory). */
static void cold_push_locked(gc_chunk *c) {
    if (ncold == capcold && !gc_grow((void **)&cold, &capcold, sizeof *cold, ncold + 1, 256)) return;
    cold[ncold++] = c;
}

gc_chunk *gc_chunk_new(alloc_heap *h, size_t size, bool large) {
    pthread_once(&map_once, map_init);
    gc_chunk *c;
    if (size == GC_CHUNK_SIZE) {
        pthread_mutex_lock(&chunk_lock);
        c = single_chunk_locked();
        pthread_mutex_unlock(&chunk_lock);
    } else {
        c = map_aligned(size);
    }
    if (!c) return NULL;
#if GC_ASAN
    ASAN_UNPOISON_MEMORY_REGION(c, size);
#endif
    c->heap = h;
    c->next = NULL;
    c->size = size;
    c->is_large = large;
    c->marked = 0;
    c->young = 0;
    c->live = 0;
    c->cards = NULL;
    c->card_holder = NULL;
    c->card_next = NULL;
    c->hwm = large ? NULL : (char *)c + GC_DATA_OFF;
    if (!map_set(c, h)) {
        map_clear(c);
        c->hwm = (char *)c + GC_DATA_OFF;
        gc_chunk_free(c);
        return NULL;
    }
    if ((uintptr_t)c < h->lo || !h->lo) h->lo = (uintptr_t)c;
    if ((uintptr_t)c + size > h->hi) h->hi = (uintptr_t)c + size;
    return c;
}

void gc_chunk_free(gc_chunk *c) {
    map_clear(c);
    free(c->cards);
    c->cards = NULL;
    size_t size = c->size;
    size_t used = c->hwm ? (size_t)(c->hwm - (char *)c) : size; /* the part ever written */
    if (used > size) used = size;
    if (size == GC_CHUNK_SIZE) {
#if GC_ASAN
        ASAN_UNPOISON_MEMORY_REGION(c, size);
#endif
        size_t resident = 0;
        bool warm = false;
        if (!c->is_large) {
            /* Zero by hand what was written (C4): the data, and the bitmap
             * words that cover it (mark bits are clear already, C3). */
            size_t first = GC_DATA_OFF / 8 / 64, last = (used / 8 + 63) / 64;
            if (last > GC_BITS_WORDS) last = GC_BITS_WORDS;
            memset(&c->start[first], 0, (last - first) * sizeof(uint64_t));
            memset(&c->mark[first], 0, (last - first) * sizeof(uint64_t));
            memset((char *)c + GC_DATA_OFF, 0, used - GC_DATA_OFF);
            memset(c, 0, offsetof(gc_chunk, start));
            resident = used;
            warm = true;
        }
        pthread_mutex_lock(&chunk_lock);
        if (warm && warm_bytes + resident > WARM_MAX_BYTES) warm = false;
        if (warm && npool < POOL_MAX) {
            c->resident = (char *)c + used;
            pool_resident[npool] = resident;
            pool[npool++] = c;
            warm_bytes += resident;
            c = NULL;
        }
        pthread_mutex_unlock(&chunk_lock);
        if (!c) return;
        /* Cold: zero for the next owner (C4), and no longer resident. */
        c->resident = NULL;
        size_t len = (used + 4095) & ~(size_t)4095;
        if (len > size) len = size;
        madvise(c, len, MADV_DONTNEED);
        pthread_mutex_lock(&chunk_lock);
        cold_push_locked(c);
        pthread_mutex_unlock(&chunk_lock);
        return;
    }
    munmap(c, size);
}
