/*
 * core/alloc.c — ai_alloc (the one allocation path for objects), the
 * regions of a heap that allocation bumps through, large objects, the
 * immortal static heap, raw buffers, and ai_tls itself.
 *
 * Input: a type and a size. Output: zeroed, 8-aligned memory whose first
 * word is the type pointer. The invariants (A1–A5) are in core/alloc.h,
 * the collector's (G1–G6, C1–C4) in gc/gc.h and gc/gcint.h.
 *
 * Paths, fastest first:
 *   ai_alloc      bump ctop in the C region, set the start bit (C1);
 *   alloc_nursery bump ai_tls.nursery_top (what compiled code inlines);
 *   alloc_slow    the region is full: a large object gets its own chunk;
 *                 a medium one is carved from the first hole it fits; a
 *                 small one takes the next hole as its new region. Before
 *                 handing out memory, the heap collects when the bytes
 *                 handed out since the last collection reached its budget
 *                 — this is the only place a collection starts (G6).
 * Under AITHON_GC_STRESS=N both regions stay empty, so every allocation
 * takes the slow path, which collects every N allocations and carves.
 *
 * Not handled: per-actor memory limits; shrinking a heap's address range
 * bounds (lo/hi only grow).
 */
#include "core/alloc.h"
#include "core/object.h"
#include "gc/gcint.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>

#if defined(__SANITIZE_ADDRESS__)
#define ALLOC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ALLOC_ASAN 1
#endif
#endif
#if ALLOC_ASAN
#include <sanitizer/asan_interface.h>
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
/* The collector scans stacks conservatively and does not follow ASan's
 * fake stacks of other green threads: keep locals on the real stacks
 * unless the user asks otherwise (ASAN_OPTIONS overrides this). */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_stack_use_after_return=0"; }
#else
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

__thread ai_worker_tls ai_tls;

alloc_heap alloc_main_heap;

/* The heap running on this thread. A thread that never entered a heap (a
 * unit test's main, a helper thread) gets a private one on its first
 * allocation. */
static __thread alloc_heap *cur_heap;
static __thread alloc_heap thread_heap;

/* Far beyond any real request; keeps size arithmetic from overflowing. */
#define MAX_REQUEST ((size_t)1 << 46)

/* The largest single block the machine could ever provide: physical
 * memory plus swap, and no more than the address-space limit (ulimit -v).
 * Heap chunks are mapped MAP_NORESERVE, so the kernel accepts a mapping of
 * any size and the process only dies later, when the OOM killer fires
 * while the block is being filled; a request past this limit raises
 * MemoryError at once instead, as CPython's malloc fails under Linux's
 * default (heuristic) overcommit. AITHON_MEM_LIMIT (bytes, suffix k, m or
 * g) lowers it, for tests. Computed once; a racing first computation
 * stores the same value (relaxed is enough). */
static size_t mem_limit;

size_t alloc_limit(void) {
    size_t lim = __atomic_load_n(&mem_limit, __ATOMIC_RELAXED);
    if (lim) return lim;
    lim = MAX_REQUEST;
    struct sysinfo si;
    if (sysinfo(&si) == 0) {
        size_t total = ((size_t)si.totalram + (size_t)si.totalswap) * (si.mem_unit ? si.mem_unit : 1);
        if (total && total < lim) lim = total;
    }
    struct rlimit rl;
    if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && (size_t)rl.rlim_cur < lim)
        lim = (size_t)rl.rlim_cur;
    const char *env = getenv("AITHON_MEM_LIMIT");
    if (env && *env) {
        char *end;
        unsigned long long v = strtoull(env, &end, 10);
        int shift = *end == 'k' || *end == 'K' ? 10 : *end == 'm' || *end == 'M' ? 20
                  : *end == 'g' || *end == 'G' ? 30 : 0;
        if (v && v < ((unsigned long long)lim >> shift)) lim = (size_t)(v << shift);
    }
    __atomic_store_n(&mem_limit, lim, __ATOMIC_RELAXED);
    return lim;
}

alloc_heap *alloc_current_heap(void) { return cur_heap; }

/* Depth of alloc_immortal_begin scopes on this thread, and the heap that
 * was running when the outermost began. */
static __thread int immortal_depth;
static __thread alloc_heap *immortal_saved;

alloc_heap *alloc_running_heap(void) {
    /* In an immortal scope no heap runs: what still needs one (gc_vals
     * buffers) hangs off the thread's own heap without entering it. */
    if (immortal_depth) return &thread_heap;
    if (!cur_heap) alloc_heap_enter(&thread_heap);
    return cur_heap;
}

void alloc_immortal_begin(void) {
    if (immortal_depth++ > 0) return;
    immortal_saved = cur_heap;
    if (cur_heap) alloc_heap_leave(cur_heap);
}

void alloc_immortal_end(void) {
    if (--immortal_depth > 0) return;
    if (immortal_saved) alloc_heap_enter(immortal_saved);
    immortal_saved = NULL;
}

void alloc_heap_enter(alloc_heap *h) {
    cur_heap = h;
    ai_tls.nursery_top = h->top;
    ai_tls.nursery_end = h->end;
}

void alloc_heap_leave(alloc_heap *h) {
    h->top = ai_tls.nursery_top;
    h->end = ai_tls.nursery_end;
    ai_tls.nursery_top = ai_tls.nursery_end = NULL;
    if (cur_heap == h) cur_heap = NULL;
}

alloc_heap *alloc_heap_new(void) { return calloc(1, sizeof(alloc_heap)); }

void alloc_heap_free(alloc_heap *h) {
    if (!h) return;
    alloc_heap_release(h);
    if (cur_heap == h) cur_heap = NULL; /* later allocations: the thread's heap */
    if (h != &alloc_main_heap) free(h);
}

void alloc_heap_prepare(alloc_heap *h) {
    gc_settings_init();
    h->budget = GC_START_BUDGET < gc_cfg.nursery ? GC_START_BUDGET : gc_cfg.nursery;
    h->major_at = GC_MAJOR_FLOOR;
    h->ready = 1;
}

/* The nursery bounds of h: in ai_tls while h runs on this thread. */
static bool heap_running(const alloc_heap *h) { return cur_heap == h; }

uint64_t alloc_heap_allocated(const alloc_heap *h) {
    uint64_t n = h->allocated;
    char *top = heap_running(h) ? ai_tls.nursery_top : h->top;
    if (h->nstart && top > h->nstart) n += (uint64_t)(top - h->nstart);
    if (h->cstart) n += (uint64_t)(h->ctop - h->cstart);
    if (h->mstart) n += (uint64_t)(h->mtop - h->mstart);
    return n;
}

void alloc_heap_release(alloc_heap *h) {
    gc_run_all_finalizers(h);
    gc_stats_allocated(alloc_heap_allocated(h));
    if (heap_running(h)) ai_tls.nursery_top = ai_tls.nursery_end = NULL;
    for (int list = 0; list < 3; list++) {
        gc_chunk *c = list == 2 ? h->large_young : list ? h->large : h->chunks;
        while (c) {
            gc_chunk *next = c->next;
            gc_chunk_free(c);
            c = next;
        }
    }
    free(h->holes);
    free(h->spans);
    free(h->finals);
    free(h->remset);
    free(h->mstack);
    /* gc_vals buffers and root frames belong to calls abandoned on the
     * dead actor's stack: nothing will use them any more. */
    while (h->vals) {
        gc_valbuf *b = h->vals;
        h->vals = b->next;
        free(b);
    }
    memset(h, 0, sizeof *h);
}

/* ---- regions ------------------------------------------------------------------------- */

/* Record [a, b) as a region of the young generation: the next minor
 * collection sweeps it. Adjacent regions merge, except nursery ones. When the
 * record cannot grow, the next collection is a major one (which sweeps
 * every chunk and needs no record). */
static void young_add(alloc_heap *h, char *a, char *b, bool nursery) {
    gc_chunk_base(a)->young = 1;
    if (h->nspans && !nursery) {
        /* Nursery regions are never merged: a region closed before it was
         * full ends in a zero tail, which stops the walk of its span (G5),
         * and the next region may start right after it. */
        gc_span *last = &h->spans[h->nspans - 1];
        if (last->end == a && !last->nursery) {
            last->end = b;
            return;
        }
    }
    if (!gc_grow((void **)&h->spans, &h->capspans, sizeof *h->spans, h->nspans + 1, 64)) {
        h->force_major = 1;
        return;
    }
    h->spans[h->nspans++] = (gc_span){a, b, nursery, 0};
}

/* Fault in the never-written pages of [a, b) with one system call: the
 * region is about to be filled, and one page fault per 4 KiB (each a
 * trap, a zeroed page, and — when the first touch is a read, as a
 * read-modify-write of a bitmap word is — a second, copy-on-write fault
 * whose TLB flush interrupts every other core) costs far more.
 * MADV_POPULATE_WRITE is Linux 5.14; older kernels say EINVAL once. */
static void populate(char *a, char *b) {
#ifdef MADV_POPULATE_WRITE
    static _Atomic bool unsupported;
    if (atomic_load_explicit(&unsupported, memory_order_relaxed)) return;
    /* Outward to whole pages: the page a region shares with the next one
     * would otherwise be populated by neither and fault once per region
     * (one in five page faults of bench/float.py). Memory at or above a
     * chunk's hwm is zero whether resident or not, so the extra part of a
     * page changes nothing. */
    uintptr_t lo = (uintptr_t)a & ~(uintptr_t)4095, hi = ((uintptr_t)b + 4095) & ~(uintptr_t)4095;
    if (hi <= lo) return;
    if (madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE) != 0 && errno == EINVAL)
        atomic_store_explicit(&unsupported, true, memory_order_relaxed);
#else
    (void)a;
    (void)b;
#endif
}

/* How far beyond a region a growing heap's chunk is faulted in. */
#define GC_POPULATE_AHEAD ((size_t)256 << 10)

/* Zero [a, b) for handing out, as far as it may be dirty (C2), and
 * record it as young. */
static void region_prepare(alloc_heap *h, char *a, char *b, bool nursery) {
    gc_chunk *c = gc_chunk_base(a);
    UNPOISON(a, (size_t)(b - a));
    if (a < c->hwm) memset(a, 0, (size_t)((b < c->hwm ? b : c->hwm) - a));
    if (b > c->hwm) {
        /* Only for a heap that has grown: an actor's small heap may never
         * touch most of its first region. */
        char *from = a > c->hwm ? a : c->hwm;
        if (from < c->resident) from = c->resident < b ? c->resident : b;  /* pooled warm, or populated */
        if (h->budget >= gc_cfg.nursery && from < b) {
            /* A system call costs as much as a few page faults here:
             * fault in GC_POPULATE_AHEAD more than this region needs (the
             * heap is growing through this chunk), and remember how far. */
            char *end = (char *)c + GC_CHUNK_SIZE, *to = end - b > (ptrdiff_t)GC_POPULATE_AHEAD ? b + GC_POPULATE_AHEAD : end;
            populate(from, to);
            c->resident = (char *)(((uintptr_t)to + 4095) & ~(uintptr_t)4095);
        }
        c->hwm = b;
    }
    young_add(h, a, b, nursery);
}

/* Close the current nursery region (it stays recorded as young). */
static void nursery_close(alloc_heap *h) {
    char *top = heap_running(h) ? ai_tls.nursery_top : h->top;
    if (h->nstart && top > h->nstart) h->allocated += (uint64_t)(top - h->nstart);
    h->nstart = NULL;
    if (heap_running(h)) ai_tls.nursery_top = ai_tls.nursery_end = NULL;
    h->top = h->end = NULL;
}

static void cregion_close(alloc_heap *h) {
    if (h->cstart) h->allocated += (uint64_t)(h->ctop - h->cstart);
    h->cstart = h->ctop = h->cend = NULL;
}

static void mregion_close(alloc_heap *h) {
    if (h->mstart) h->allocated += (uint64_t)(h->mtop - h->mstart);
    h->mstart = h->mtop = h->mend = NULL;
}

void alloc_forget_regions(alloc_heap *h) {
    /* The free tails of the regions are part of the holes the sweep
     * found; the young regions have all been swept. */
    nursery_close(h);
    cregion_close(h);
    mregion_close(h);
    h->nspans = 0;
}

/* A new chunk's data area becomes the last hole. */
static bool grow(alloc_heap *h) {
    if (!gc_grow((void **)&h->holes, &h->capholes, sizeof *h->holes, h->nholes + 1, 64)) return false;
    gc_chunk *c = gc_chunk_new(h, GC_CHUNK_SIZE, false);
    if (!c) return false;
    /* A heap at its full nursery will set start bits all over the chunk
     * and mark it: fault its bitmaps in at once (a chunk pooled warm has
     * them resident as far as it was used). */
    if (h->budget >= gc_cfg.nursery && !c->resident) populate((char *)c->start, (char *)(c->mark + GC_BITS_WORDS));
    c->next = h->chunks;
    h->chunks = c;
    h->nchunks++;
    h->reserved += GC_CHUNK_SIZE;
    gc_stats_heap(h->reserved);
    h->holes[h->nholes++] = (gc_hole){(char *)c + GC_DATA_OFF, GC_CHUNK_SIZE - GC_DATA_OFF};
    return true;
}

/* Collect if the nursery is spent (or stress says so): a minor
 * collection, which turns into a major one when the old generation has
 * grown enough (gc/collect.c decides).
 *
 * Pacing: every collection scans the running task's whole stack
 * (conservatively; its frames may hold young objects). A deep recursion
 * that allocates made each minor collection cost tens of milliseconds
 * for a few hundred KiB of allocation, and a runaway recursion took a
 * minute to reach its RecursionError. So the next collection waits for at
 * least a quarter of the stack last scanned to be handed out: the scan
 * costs at most a few times the allocation it pays for, and the nursery
 * grows by at most a quarter of the stack (64 MiB for the main task's
 * 256 MiB). A shallow stack leaves the budget as it was. */
#define GC_STACK_PACE 4

/* The same for the stacks of suspended generators and coroutines that a
 * minor collection scans (those that ran since the last one): a thousand
 * tasks passing a token round a ring each run between two collections,
 * and scanning their stacks cost more than the allocation it paid for.
 * The next collection waits for eight times those bytes (at most 16 MiB):
 * ring's collector time fell from 1.0 s to 0.3 s, its peak RSS did not
 * move. */
#define GC_OBJECT_STACK_PACE 8
#define GC_OBJECT_STACK_MAX ((size_t)16 << 20)

static void maybe_collect(alloc_heap *h, size_t more) {
    if (!gc_cfg.enabled || h->collecting) return;
    if (gc_cfg.stress) {
        if (++h->stress_count < gc_cfg.stress) return;
        h->stress_count = 0;
    } else {
        size_t budget = h->budget > h->stack_bytes / GC_STACK_PACE ? h->budget : h->stack_bytes / GC_STACK_PACE;
        if (!gc_cfg.nursery_fixed) {
            size_t by_objects = h->object_stack_bytes * GC_OBJECT_STACK_PACE;
            if (by_objects > GC_OBJECT_STACK_MAX) by_objects = GC_OBJECT_STACK_MAX;
            if (by_objects > budget) budget = by_objects;
        }
        if (h->since + more < budget) return;
    }
    gc_collect_heap(h, false);
}

/* The next hole for a small region (any hole of at least GC_MIN_HOLE
 * bytes), mapping a new chunk when none is left; -1 when out of memory. */
static int64_t find_small(alloc_heap *h) {
    /* Holes used up by carving or by medium regions are skipped. */
    while (h->hole_next < h->nholes && h->holes[h->hole_next].size < GC_MIN_HOLE) h->hole_next++;
    if (h->hole_next < h->nholes) return (int64_t)h->hole_next;
    if (!grow(h)) return -1;
    return (int64_t)h->nholes - 1;
}

/* A hole of at least `need` bytes (and GC_MEDIUM_MIN when `medium`):
 * medium regions resume their search where the last one stopped, so the
 * many small holes are passed over once per collection; stress mode
 * looks at every hole. -1 when out of memory. */
static int64_t find_fit(alloc_heap *h, size_t need, bool medium) {
    size_t i = h->hole_next;
    if (medium) {
        if (need < GC_MEDIUM_MIN) need = GC_MEDIUM_MIN;
        if (h->hole_med > i) i = h->hole_med;
    }
    for (; i < h->nholes; i++)
        if (h->holes[i].size >= need) break;
    if (medium) h->hole_med = i;
    if (i < h->nholes) return (int64_t)i;
    if (!grow(h)) return -1;
    return (int64_t)h->nholes - 1; /* need < GC_LARGE_MIN: it fits */
}

/* Take hole i whole as a region. */
static void take_hole(alloc_heap *h, size_t i, char **start, char **end, bool nursery) {
    gc_hole *hl = &h->holes[i];
    *start = hl->start;
    *end = hl->start + hl->size;
    h->since += hl->size;
    region_prepare(h, *start, *end, nursery);
    if (i == h->hole_next) {
        h->hole_next++;
    } else {
        hl->size = 0;
    }
}

/* A region of at most `max` bytes (at least `need`) from hole i: its
 * front when the hole is much bigger, else the whole hole. Regions stay
 * small so that a heap writes — and its chunk's high-water mark covers —
 * only what it uses: an actor that allocates a few KiB touches a few
 * pages, and its chunk can be recycled warm (gc/chunk.c). */
static void take_front(alloc_heap *h, size_t i, size_t need, size_t max, char **start, char **end, bool nursery) {
    gc_hole *hl = &h->holes[i];
    if (max < need) max = need;
    if (hl->size >= max + GC_MIN_HOLE) {
        *start = hl->start;
        *end = *start + max;
        hl->start = *end;
        hl->size -= max;
        h->since += max;
        region_prepare(h, *start, *end, nursery);
    } else {
        take_hole(h, i, start, end, nursery);
    }
}

/* `size` bytes from the front of hole i. */
static char *carve(alloc_heap *h, size_t i, size_t size) {
    gc_hole *hl = &h->holes[i];
    char *p = hl->start;
    hl->start += size;
    hl->size -= size;
    h->since += size;
    h->allocated += size;
    region_prepare(h, p, p + size, false);
    return p;
}

static void *alloc_large(alloc_heap *h, ai_type *t, size_t size) {
    maybe_collect(h, size);
    size_t span = (GC_LARGE_OFF + size + GC_CHUNK_MASK) & ~(size_t)GC_CHUNK_MASK;
    gc_chunk *c = gc_chunk_new(h, span, true);
    if (!c) {
        exc_nomem();
        return NULL;
    }
    c->next = h->large_young;
    h->large_young = c;
    c->young = 1;
    ai_object *o = (ai_object *)((char *)c + GC_LARGE_OFF);
    c->hwm = (char *)o + size;
    /* The object is about to be filled (a list's items copied in, [x] * n
     * written): one system call instead of a page fault per 4 KiB. */
    populate((char *)c, c->hwm);
    h->since += size;
    h->allocated += size;
    h->reserved += gc_chunk_footprint(c);
    gc_stats_heap(h->reserved);
    o->hdr = (uintptr_t)t;
    return o;
}

static void *alloc_slow(ai_type *t, size_t size) {
    if (immortal_depth) return alloc_static(t, size);
    alloc_heap *h = alloc_running_heap();
    if (!h->ready) alloc_heap_prepare(h);
    if (size > alloc_limit()) {
        exc_nomem();
        return NULL;
    }
    if (size >= GC_LARGE_MIN) return alloc_large(h, t, size);
    char *p;
    if (gc_cfg.stress) {
        maybe_collect(h, size);
        int64_t i = find_fit(h, size, false);
        if (i < 0) goto oom;
        p = carve(h, (size_t)i, size);
    } else if (size > GC_MIN_HOLE) {
        /* Medium: keep the C region; bump the medium region. */
        p = h->mtop;
        if ((size_t)(h->mend - p) >= size) {
            h->mtop = p + size;
        } else {
            mregion_close(h);
            maybe_collect(h, size);
            int64_t i = find_fit(h, size, true);
            if (i < 0) goto oom;
            char *start, *end;
            take_front(h, (size_t)i, size, GC_MEDIUM_REGION, &start, &end, false);
            p = h->mstart = start;
            h->mtop = p + size;
            h->mend = end;
        }
    } else {
        cregion_close(h);
        maybe_collect(h, size);
        int64_t i = find_small(h);
        if (i < 0) goto oom;
        char *start, *end;
        take_front(h, (size_t)i, size, GC_NURSERY_MAX, &start, &end, false);
        p = start;
        h->cstart = start;
        h->ctop = p + size;
        h->cend = end;
    }
    gc_set_start(p);
    ((ai_object *)p)->hdr = (uintptr_t)t;
    return p;
oom:
    exc_nomem();
    return NULL;
}

void *ai_alloc(ai_type *t, size_t size) {
    size = (size + 7) & ~(size_t)7;
    if (size < sizeof(ai_object)) size = sizeof(ai_object);
    alloc_heap *h = cur_heap;
    if (h) {
        char *p = h->ctop;
        if ((size_t)(h->cend - p) >= size) {
            h->ctop = p + size;
            gc_set_start(p);
            ((ai_object *)p)->hdr = (uintptr_t)t; /* the rest is already zero (A2) */
            return p;
        }
    }
    return alloc_slow(t, size);
}

void *alloc_nursery(ai_type *t, size_t size) {
    size = (size + 7) & ~(size_t)7;
    if (size < sizeof(ai_object)) size = sizeof(ai_object);
    char *top = ai_tls.nursery_top;
    if (top && (size_t)(ai_tls.nursery_end - top) >= size) {
        ai_tls.nursery_top = top + size;
        ((ai_object *)top)->hdr = (uintptr_t)t;
        return top;
    }
    alloc_heap *h = cur_heap;
    if (!h || !h->ready || gc_cfg.stress || size > GC_MIN_HOLE) return ai_alloc(t, size);
    nursery_close(h);
    maybe_collect(h, size);
    int64_t i = find_small(h);
    if (i < 0) {
        exc_nomem();
        return NULL;
    }
    /* At most GC_NURSERY_MAX bytes, from the front of the hole. */
    char *start, *end;
    take_front(h, (size_t)i, size, GC_NURSERY_MAX, &start, &end, true);
    h->nstart = start;
    ai_tls.nursery_top = start + size;
    ai_tls.nursery_end = end;
    ((ai_object *)start)->hdr = (uintptr_t)t;
    return start;
}

/* ---- the immortal static heap ----------------------------------------------------------- */

/* Constants are made at start-up, possibly by several threads later (the
 * scheduler's workers), so the static heap takes a lock; it is not a hot
 * path. Objects whose type has gc_visit are also listed: the collector
 * visits them as roots (A5). */
static pthread_mutex_t static_lock = PTHREAD_MUTEX_INITIALIZER;
static char *static_top, *static_end;
static ai_object **static_objs;
static size_t nstatic, capstatic;
#define STATIC_CHUNK ((size_t)256 << 10)

void *alloc_static(ai_type *t, size_t size) {
    size = (size + 7) & ~(size_t)7;
    if (size < sizeof(ai_object)) size = sizeof(ai_object);
    if (size > alloc_limit()) {
        exc_nomem();
        return NULL;
    }
    pthread_mutex_lock(&static_lock);
    char *p;
    if (t->gc_visit && nstatic == capstatic) {
        size_t cap = capstatic ? capstatic * 2 : 256;
        ai_object **n = realloc(static_objs, cap * sizeof *n);
        if (!n) goto oom;
        static_objs = n;
        capstatic = cap;
    }
    if (size > STATIC_CHUNK / 4) {
        p = calloc(1, size);
        if (!p) goto oom;
    } else {
        if ((size_t)(static_end - static_top) < size || !static_top) {
            char *b = calloc(1, STATIC_CHUNK);
            if (!b) goto oom;
            static_top = b;
            static_end = b + STATIC_CHUNK;
        }
        p = static_top;
        static_top += size;
    }
    /* Old and remembered for good: the write barrier leaves static
     * holders alone (they are roots of every collection). */
    ((ai_object *)p)->hdr = (uintptr_t)t | AI_HDR_OLD | AI_HDR_REMEMBERED;
    if (t->gc_visit) static_objs[nstatic++] = (ai_object *)p;
    pthread_mutex_unlock(&static_lock);
    return p;
oom:
    pthread_mutex_unlock(&static_lock);
    exc_nomem();
    return NULL;
}

void alloc_static_each(void (*fn)(ai_object *o, void *ctx), void *ctx) {
    pthread_mutex_lock(&static_lock);
    for (size_t i = 0; i < nstatic; i++) fn(static_objs[i], ctx);
    pthread_mutex_unlock(&static_lock);
}

/* ---- raw buffers and fixed sizes ------------------------------------------------------ */

size_t alloc_fixed_size(const ai_object *o) { return ai_type_of_obj(o)->basicsize; }

static size_t rawbuf_size(const ai_object *o) {
    return sizeof(ai_rawbuf) + (size_t)((const ai_rawbuf *)o)->size;
}

ai_type ai_rawbuf_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "rawbuf",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_rawbuf),
    .gc_size = rawbuf_size,
};

/* An object and a raw buffer of n bytes for it, as ai_alloc and
 * alloc_raw would give them, in one bump of the C region when both fit
 * (a list and its item buffer: half the allocation work of two calls).
 * *raw gets the buffer's data, NULL on error (MemoryError pending). When
 * they do not fit, the two calls: the buffer's may collect, so the caller
 * barriers the object after storing the buffer in it (gc/gc.h G7). */
void *alloc_with_raw(ai_type *t, size_t size, size_t n, void **raw) {
    size = (size + 7) & ~(size_t)7;
    size_t bsize = (sizeof(ai_rawbuf) + n + 7) & ~(size_t)7;
    alloc_heap *h = cur_heap;
    if (h && n <= GC_MIN_HOLE) {
        char *p = h->ctop;
        if ((size_t)(h->cend - p) >= size + bsize) {
            h->ctop = p + size + bsize;
            gc_set_start(p);
            gc_set_start(p + size);
            ((ai_object *)p)->hdr = (uintptr_t)t; /* the rest is already zero (A2) */
            ai_rawbuf *b = (ai_rawbuf *)(p + size);
            b->ob.hdr = (uintptr_t)&ai_rawbuf_type;
            b->size = (int64_t)n;
            *raw = b + 1;
            return p;
        }
    }
    *raw = NULL;
    void *o = ai_alloc(t, size);
    if (o) *raw = alloc_raw(n);
    return o;
}

void *alloc_raw(size_t n) {
    if (n > alloc_limit()) {
        exc_nomem();
        return NULL;
    }
    ai_rawbuf *b = ai_alloc(&ai_rawbuf_type, sizeof(ai_rawbuf) + n);
    if (!b) return NULL;
    b->size = (int64_t)n;
    return b + 1;
}
