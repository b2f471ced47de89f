/*
 * stack.c — slabs of green-thread stacks, per-worker caches.
 *
 * Design and life cycle: see stack.h. This file has four layers:
 *   slabs     one mmap(MAP_NORESERVE) each, carved by a bump index, with a
 *             bitmap of stacks returned to it (memory released);
 *   warm pool free stacks that still hold their touched top pages, LIFO,
 *             shared by all workers: what one worker's tasks free, another
 *             worker's spawns reuse without a page fault;
 *   the pool  every slab, the list of slabs with stacks to give, and the
 *             warm pool; one mutex (pool.lock) protects all of it;
 *   caches    a worker's private array of warm stacks (no lock).
 * A cache talks to the pool in batches (STACK_BATCH in, STACK_CACHE_MAX/2
 * out), so the pool lock is taken once per tens of stacks at worst.
 *
 * Giving memory back. A stack's pages are released (MADV_DONTNEED) when it
 * moves from the warm pool to its slab: when the warm pool is over
 * STACK_WARM_MAX, or when a stack has sat in it longer than the age the
 * scavenger is given (the scheduler's ticker calls stack_pool_scavenge
 * with one second). The oldest stacks are at the bottom of the LIFO, so
 * both release from there, neighbours coalesced into one madvise.
 */
#define _GNU_SOURCE
#include "sched/stack.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define SLAB_BYTES ((size_t)64 << 20)   /* address space per slab */
#define BITMAP_WORDS (STACK_SLAB_MAX_STACKS / 64)

typedef struct stack_slab {
    char *base;
    uint32_t nstacks;           /* capacity, fixed at creation */
    uint32_t carved;            /* stacks [0, carved) have been handed out once */
    uint32_t nfree;             /* bits set in freemap */
    bool in_partial;            /* on pool.partial */
    struct stack_slab *next_partial;
    struct stack_slab *next_all;
    uint64_t freemap[BITMAP_WORDS]; /* 1 = stack i returned and free */
} stack_slab_t;

/* A stack in the warm pool, with the time it arrived. */
typedef struct warm {
    stack_mem_t s;
    int64_t since;
} warm_t;

/* The pool. Every field is protected by `lock`, except stack_sz which is
 * written only while no stack exists (stack_set_size / reset) and read
 * freely after, and warm_seen (an atomic shadow of the warm count). */
static struct {
    pthread_mutex_t lock;
    size_t stack_sz;
    stack_slab_t *all;          /* every slab, for reset and stats */
    stack_slab_t *partial;      /* slabs with free or uncarved stacks */
    warm_t *warm;               /* [warm_lo, warm_n): oldest at warm_lo,
                                   newest at warm_n - 1 (the LIFO's top) */
    uint32_t warm_lo, warm_n, warm_cap;
    _Atomic uint32_t warm_seen; /* = warm_count(), for lock-free peeking */
    uint64_t slabs, carved, in_pool;
    uint64_t madvise_calls;
} pool = { .lock = PTHREAD_MUTEX_INITIALIZER, .stack_sz = STACK_DEFAULT_SIZE };

static int64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static size_t page_size(void)
{
    static size_t ps;
    if (!ps) {
        long v = sysconf(_SC_PAGESIZE);
        ps = v > 0 ? (size_t)v : 4096;
    }
    return ps;
}

void stack_set_size(size_t bytes)
{
    size_t ps = page_size();
    if (bytes < ((size_t)16 << 10))
        bytes = (size_t)16 << 10;
    bytes = (bytes + ps - 1) & ~(ps - 1);
    pthread_mutex_lock(&pool.lock);
    if (!pool.all)
        pool.stack_sz = bytes;
    pthread_mutex_unlock(&pool.lock);
}

size_t stack_size(void) { return pool.stack_sz; }

/* madvise(MADV_DONTNEED): the pages read as zero again and leave RSS.
 * Counted under no lock: the counter is only a statistic, so it is a
 * relaxed atomic add. */
static void release_range(char *lo, char *hi)
{
    if (hi <= lo)
        return;
    madvise(lo, (size_t)(hi - lo), MADV_DONTNEED);
    /* relaxed: a statistic, read after the workers have stopped */
    __atomic_fetch_add(&pool.madvise_calls, 1, __ATOMIC_RELAXED);
}

/* pool.lock held. */
static stack_slab_t *slab_new(void)
{
    size_t sz = pool.stack_sz;
    uint32_t n = (uint32_t)(SLAB_BYTES / sz);
    if (n < 1)
        n = 1;
    if (n > STACK_SLAB_MAX_STACKS)
        n = STACK_SLAB_MAX_STACKS;
    void *p = mmap(NULL, (size_t)n * sz, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    /* With transparent huge pages set to "always", the first touch of a
     * stack could fault in 2 MiB. Stacks want 4 KiB granularity. */
    madvise(p, (size_t)n * sz, MADV_NOHUGEPAGE);
    stack_slab_t *s = calloc(1, sizeof *s);
    if (!s) {
        munmap(p, (size_t)n * sz);
        return NULL;
    }
    s->base = p;
    s->nstacks = n;
    s->next_all = pool.all;
    pool.all = s;
    s->in_partial = true;
    s->next_partial = pool.partial;
    pool.partial = s;
    pool.slabs++;
    return s;
}

static void fill(stack_mem_t *m, stack_slab_t *s, uint32_t i)
{
    m->lo = s->base + (size_t)i * pool.stack_sz;
    m->hi = m->lo + pool.stack_sz;
    m->low_water = m->hi;
    m->slab = s;
    m->spare = NULL;
}

/* Take up to `want` stacks from the pool into out[]: warm ones first
 * (newest first), then released ones, then fresh carvings. pool.lock held. */
static uint32_t pool_take(stack_mem_t *out, uint32_t want)
{
    uint32_t got = 0;
    while (got < want && pool.warm_n > pool.warm_lo)
        out[got++] = pool.warm[--pool.warm_n].s;
    if (pool.warm_n == pool.warm_lo)
        pool.warm_lo = pool.warm_n = 0;
    while (got < want) {
        stack_slab_t *s = pool.partial;
        if (!s) {
            s = slab_new();
            if (!s)
                break;
        }
        /* returned stacks first: their memory is already released, but
         * reusing them keeps the set of touched slabs small */
        for (uint32_t w = 0; w < BITMAP_WORDS && s->nfree && got < want; w++) {
            while (s->freemap[w] && got < want) {
                uint32_t bit = (uint32_t)__builtin_ctzll(s->freemap[w]);
                s->freemap[w] &= s->freemap[w] - 1;
                s->nfree--;
                pool.in_pool--;
                fill(&out[got++], s, w * 64 + bit);
            }
        }
        while (s->carved < s->nstacks && got < want) {
            fill(&out[got++], s, s->carved++);
            pool.carved++;
        }
        if (s->nfree == 0 && s->carved == s->nstacks) {
            pool.partial = s->next_partial;   /* s was the head */
            s->in_partial = false;
            s->next_partial = NULL;
        }
    }
    return got;
}

static int cmp_lo(const void *a, const void *b)
{
    const stack_mem_t *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Give `n` stacks back to their slabs, releasing all their memory. Sorted
 * first so that neighbours in a slab are released by one madvise. Called
 * without pool.lock (madvise can take a while). */
static void pool_release(stack_mem_t *v, uint32_t n)
{
    if (!n)
        return;
    for (uint32_t i = 0; i < n; i++) {
        free(v[i].spare);
        v[i].spare = NULL;
    }
    qsort(v, n, sizeof *v, cmp_lo);
    char *run_lo = v[0].lo, *run_hi = v[0].hi;
    for (uint32_t i = 1; i < n; i++) {
        if (v[i].lo == run_hi) {
            run_hi = v[i].hi;
        } else {
            release_range(run_lo, run_hi);
            run_lo = v[i].lo;
            run_hi = v[i].hi;
        }
    }
    release_range(run_lo, run_hi);

    pthread_mutex_lock(&pool.lock);
    for (uint32_t i = 0; i < n; i++) {
        stack_slab_t *s = v[i].slab;
        uint32_t idx = (uint32_t)((size_t)(v[i].lo - s->base) / pool.stack_sz);
        s->freemap[idx / 64] |= (uint64_t)1 << (idx % 64);
        s->nfree++;
        pool.in_pool++;
        if (!s->in_partial) {
            s->in_partial = true;
            s->next_partial = pool.partial;
            pool.partial = s;
        }
    }
    pthread_mutex_unlock(&pool.lock);
}

static uint32_t warm_count(void) { return pool.warm_n - pool.warm_lo; }

/* Take the `k` oldest warm stacks out of the warm pool into out[].
 * pool.lock held. O(k): the window's bottom moves up. */
static void warm_take_oldest(stack_mem_t *out, uint32_t k)
{
    for (uint32_t i = 0; i < k; i++)
        out[i] = pool.warm[pool.warm_lo + i].s;
    pool.warm_lo += k;
    if (pool.warm_lo == pool.warm_n)
        pool.warm_lo = pool.warm_n = 0;
}

/* Make room for n more at the top: slide the window down (amortised: only
 * when the dead space below it is at least as big as the window) or grow.
 * False if out of memory. pool.lock held. */
static bool warm_reserve(uint32_t n)
{
    if (pool.warm_n + n <= pool.warm_cap)
        return true;
    uint32_t live = warm_count();
    if (pool.warm_lo >= live && live + n <= pool.warm_cap) {
        memmove(pool.warm, pool.warm + pool.warm_lo, live * sizeof *pool.warm);
        pool.warm_lo = 0;
        pool.warm_n = live;
        return true;
    }
    uint32_t cap = pool.warm_cap ? pool.warm_cap * 2 : 256;
    while (cap < pool.warm_n + n)
        cap *= 2;
    warm_t *w = realloc(pool.warm, cap * sizeof *w);
    if (!w)
        return false;
    pool.warm = w;
    pool.warm_cap = cap;
    return true;
}

/* Give `n` stacks to the warm pool; if that makes it too big, release its
 * oldest ones to their slabs. */
static void pool_give(const stack_mem_t *v, uint32_t n)
{
    stack_mem_t spill[STACK_CACHE_MAX];
    uint32_t nspill = 0;
    int64_t now = mono_ns();
    pthread_mutex_lock(&pool.lock);
    if (warm_reserve(n)) {
        for (uint32_t i = 0; i < n; i++) {
            pool.warm[pool.warm_n].s = v[i];
            pool.warm[pool.warm_n].since = now;
            pool.warm_n++;
        }
    } else {
        for (uint32_t i = 0; i < n; i++)
            spill[nspill++] = v[i];         /* no memory to track them warm */
    }
    if (warm_count() > STACK_WARM_MAX) {
        uint32_t k = warm_count() - STACK_WARM_MAX;
        if (k > STACK_CACHE_MAX - nspill)
            k = STACK_CACHE_MAX - nspill;
        warm_take_oldest(spill + nspill, k);
        nspill += k;
    }
    /* relaxed: a hint for stack_pool_warm */
    atomic_store_explicit(&pool.warm_seen, warm_count(), memory_order_relaxed);
    pthread_mutex_unlock(&pool.lock);
    pool_release(spill, nspill);
}

uint32_t stack_pool_warm(void)
{
    /* relaxed: a hint (the ticker decides whether to come back later) */
    return atomic_load_explicit(&pool.warm_seen, memory_order_relaxed);
}

int64_t stack_pool_oldest(void)
{
    pthread_mutex_lock(&pool.lock);
    int64_t t = warm_count() ? pool.warm[pool.warm_lo].since : -1;
    pthread_mutex_unlock(&pool.lock);
    return t;
}

int64_t stack_clock(void) { return mono_ns(); }

void stack_pool_scavenge(int64_t max_age_ns)
{
    int64_t now = mono_ns();
    for (;;) {
        enum { SCAVENGE_BATCH = 1024 };
        stack_mem_t batch[SCAVENGE_BATCH];
        uint32_t k = 0;
        pthread_mutex_lock(&pool.lock);
        while (k < warm_count() && k < SCAVENGE_BATCH &&
               now - pool.warm[pool.warm_lo + k].since >= max_age_ns)
            k++;
        warm_take_oldest(batch, k);
        /* relaxed: a hint */
        atomic_store_explicit(&pool.warm_seen, warm_count(), memory_order_relaxed);
        pthread_mutex_unlock(&pool.lock);
        pool_release(batch, k);
        if (k < SCAVENGE_BATCH)
            return;
    }
}

bool stack_alloc(stack_cache_t *c, stack_mem_t *out)
{
    if (c->n == 0) {
        pthread_mutex_lock(&pool.lock);
        c->n = pool_take(c->s, STACK_BATCH);
        /* relaxed: a hint */
        atomic_store_explicit(&pool.warm_seen, warm_count(), memory_order_relaxed);
        pthread_mutex_unlock(&pool.lock);
        if (c->n == 0)
            return false;
    }
    *out = c->s[--c->n];
    out->low_water = out->hi;
    return true;
}

void stack_free(stack_cache_t *c, stack_mem_t *s)
{
    /* A task that went deep leaves resident pages far below the top;
     * keep only the top STACK_KEEP_BYTES warm. */
    char *keep = s->hi - STACK_KEEP_BYTES;
    if (s->low_water < keep)
        release_range(s->lo, keep);
    if (c->n == STACK_CACHE_MAX) {
        /* Full: return the older half (the bottom of the array, least
         * recently used since we pop from the end) to the pool. */
        uint32_t k = STACK_CACHE_MAX / 2;
        stack_mem_t tmp[STACK_CACHE_MAX / 2];
        memcpy(tmp, c->s, k * sizeof *tmp);
        memmove(c->s, c->s + k, (c->n - k) * sizeof *c->s);
        c->n -= k;
        pool_give(tmp, k);
    }
    c->s[c->n++] = *s;
}

void stack_cache_flush(stack_cache_t *c)
{
    pool_release(c->s, c->n);
    c->n = 0;
}

bool stack_alloc_main(stack_mem_t *out, size_t bytes)
{
    size_t ps = page_size();
    bytes = (bytes + ps - 1) & ~(ps - 1);
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return false;
    out->lo = p;
    out->hi = out->lo + bytes;
    out->low_water = out->hi;
    out->slab = NULL;
    out->spare = NULL;
    return true;
}

void stack_free_main(stack_mem_t *s)
{
    if (s->lo)
        munmap(s->lo, (size_t)(s->hi - s->lo));
    s->lo = s->hi = s->low_water = NULL;
}

void stack_pool_reset(void)
{
    pthread_mutex_lock(&pool.lock);
    for (uint32_t i = pool.warm_lo; i < pool.warm_n; i++)
        free(pool.warm[i].s.spare);
    free(pool.warm);
    pool.warm = NULL;
    pool.warm_lo = pool.warm_n = pool.warm_cap = 0;
    atomic_store_explicit(&pool.warm_seen, 0, memory_order_relaxed); /* relaxed: no workers */
    for (stack_slab_t *s = pool.all, *n; s; s = n) {
        n = s->next_all;
        munmap(s->base, (size_t)s->nstacks * pool.stack_sz);
        free(s);
    }
    pool.all = pool.partial = NULL;
    pool.slabs = pool.carved = pool.in_pool = 0;
    pthread_mutex_unlock(&pool.lock);
}

void stack_get_stats(stack_stats_t *out)
{
    pthread_mutex_lock(&pool.lock);
    out->slabs = pool.slabs;
    out->stacks_carved = pool.carved;
    out->stacks_in_pool = pool.in_pool;
    out->stacks_warm = warm_count();
    out->stack_size = pool.stack_sz;
    pthread_mutex_unlock(&pool.lock);
    /* relaxed: a statistic */
    out->madvise_calls = __atomic_load_n(&pool.madvise_calls, __ATOMIC_RELAXED);
}
