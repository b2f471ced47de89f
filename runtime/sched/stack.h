/*
 * stack.h — memory for green-thread stacks.
 *
 * Every task stack has the same size (AITHON_STACK_SIZE, default 256 KiB
 * of address space) and is carved from a slab: one large anonymous
 * MAP_NORESERVE mapping holding up to 256 stacks. One mmap per slab, not
 * per stack, because each mapping costs a VMA and Linux caps a process at
 * vm.max_map_count (65530 by default) of them — a million actors would
 * not fit. There are no guard pages either (an mprotect'ed page would
 * split the slab's VMA in three): running off the bottom of a stack is
 * caught by the stack-depth check compiled into every function prologue,
 * which compares the stack pointer with ai_tls.stack_limit.
 *
 * Because the slab is MAP_NORESERVE and the kernel backs anonymous memory
 * lazily, a stack costs only the pages its task has touched: one 4 KiB
 * page for a task parked in receive. (It also costs page-table memory the
 * kernel does not count in RSS: one 4 KiB page-table page maps 2 MiB, so
 * each resident stack page costs stack_size / 512 bytes of page table —
 * 512 B at 256 KiB. docs/runtime-scheduler.md has the measurements.)
 *
 * Life of a stack
 *   free in a slab (bitmap bit set, no resident pages)
 *     → carved or taken in batches by a worker's cache (stack_cache_t)
 *     → handed to a task (stack_alloc) → returned (stack_free).
 *   A returned stack goes back into the worker's cache, keeping its hot top
 *   pages for the next task. If its task went deep (its low-water mark is
 *   more than STACK_KEEP_BYTES below the top) the pages below that line
 *   are given back with madvise(MADV_DONTNEED) first, so one deep
 *   recursion does not pin memory for the life of the process. When the
 *   cache is full, half of it goes to the pool's warm LIFO, still resident,
 *   where any worker's next spawns find it (a producer on one worker and
 *   consumers on another recycle stacks without page faults). Stacks leave
 *   the warm pool for their slabs, released entirely (MADV_DONTNEED,
 *   adjacent stacks coalesced into one call), when it holds more than
 *   STACK_WARM_MAX or when they have been unused for a second (the
 *   scheduler's ticker scavenges). That is what brings RSS back to its
 *   baseline after a million actors end.
 *
 *   The low-water mark is an estimate: the scheduler records the stack
 *   pointer at every switch and safepoint, so a deep excursion that neither
 *   parks nor is preempted can go unnoticed. The cost of a miss is bounded:
 *   at most STACK_CACHE_MAX stacks per worker keep such pages, and they are
 *   released when the stack leaves the cache.
 *
 * The main (root) task gets its own 256 MiB MAP_NORESERVE mapping
 * (stack_alloc_main), so deep recursion in the program's main code works
 * as it would on a large thread stack.
 *
 * Thread safety: a stack_cache_t belongs to one worker (no locking); the
 * slab pool is protected by one mutex, taken once per batch of stacks.
 */
#ifndef AITHON_SCHED_STACK_H
#define AITHON_SCHED_STACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    STACK_CACHE_MAX = 128,       /* stacks a worker keeps warm */
    STACK_BATCH = 32,            /* stacks taken per trip to the pool */
    STACK_SLAB_MAX_STACKS = 256, /* stacks per slab (bitmap size) */
    STACK_WARM_MAX = 1 << 20,    /* warm free stacks the pool may keep */
};

/* Pages within this distance of the top stay resident when a stack is
 * recycled through a cache; deeper ones are given back. */
#define STACK_KEEP_BYTES ((size_t)32 << 10)
#define STACK_DEFAULT_SIZE ((size_t)256 << 10)
#define STACK_MAIN_SIZE ((size_t)256 << 20)

struct stack_slab;

/* One stack: the address range [lo, hi). Stacks grow down from hi. */
typedef struct stack_mem {
    char *lo;
    char *hi;
    char *low_water;            /* lowest stack pointer seen (an estimate) */
    struct stack_slab *slab;    /* NULL for the main stack */
    /* A malloc'd block that travels with the stack while it is free:
     * actor.c parks a dead actor's block here, so that the next spawn
     * reuses stack and block together, both still warm, with no malloc,
     * no cross-thread free, no heap trimming and regrowing. free()'d when
     * the stack's memory is released. NULL when none. */
    void *spare;
} stack_mem_t;

/* A worker's private cache of free stacks. */
typedef struct stack_cache {
    uint32_t n;
    stack_mem_t s[STACK_CACHE_MAX];
} stack_cache_t;

typedef struct stack_stats {
    uint64_t slabs;             /* slabs mapped */
    uint64_t stacks_carved;     /* stacks ever carved from slabs */
    uint64_t stacks_in_pool;    /* free stacks sitting in slabs, released */
    uint64_t stacks_warm;       /* free stacks in the warm pool */
    uint64_t madvise_calls;     /* MADV_DONTNEED calls made */
    size_t stack_size;
} stack_stats_t;

/* Set the size of task stacks (rounded up to pages, at least 16 KiB).
 * Only before the first stack_alloc, or after stack_pool_reset(). */
void stack_set_size(size_t bytes);
size_t stack_size(void);

/* A stack from the cache, refilling it from the pool. False if the
 * address space is exhausted (mmap failed). */
bool stack_alloc(stack_cache_t *c, stack_mem_t *out);
/* Give a stack back (to the cache; overflow goes to the pool). */
void stack_free(stack_cache_t *c, stack_mem_t *s);
/* Return every cached stack to the slabs, released (a worker shutting
 * down). */
void stack_cache_flush(stack_cache_t *c);

/* Release the warm pool's stacks that have waited at least max_age_ns
 * (0: all of them). The scheduler's ticker calls it. */
void stack_pool_scavenge(int64_t max_age_ns);
/* How many stacks the warm pool holds (a hint, no lock). */
uint32_t stack_pool_warm(void);
/* When the oldest warm stack arrived (stack_clock() time), -1 if none. */
int64_t stack_pool_oldest(void);
/* The pool's clock: CLOCK_MONOTONIC in ns (never virtual). */
int64_t stack_clock(void);

/* The root task's big stack: its own mapping, freed with munmap. */
bool stack_alloc_main(stack_mem_t *out, size_t bytes);
void stack_free_main(stack_mem_t *s);

/* Unmap every slab. Only when no stack is in use (after the scheduler has
 * stopped every worker). */
void stack_pool_reset(void);

void stack_get_stats(stack_stats_t *out);

#endif
