/*
 * core/alloc.c — ai_alloc (the one allocation path for objects), the
 * per-actor heap's chunks, the immortal static heap, and ai_tls itself.
 *
 * Input: a type and a size. Output: zeroed, 8-aligned memory whose first
 * word is the type pointer. The invariants (A1–A5) are stated in
 * core/alloc.h; the fast path is a bump of ai_tls.nursery_top, which the
 * emitter may also inline.
 *
 * Not handled yet: collection (the heap only grows until the actor ends),
 * per-actor size accounting and limits, returning unused chunk tails. A
 * chunk tail left behind when a new chunk starts is simply skipped: the
 * collector that walks chunks will have to record where each chunk's
 * objects end (top at the moment the chunk was abandoned).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem, MAP_NORESERVE, recursive mutexes */
#endif
#include "core/alloc.h"
#include "core/object.h"

#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>

__thread ai_worker_tls ai_tls;

alloc_heap alloc_main_heap;

/* The heap whose nursery bounds are in ai_tls on this thread. A thread
 * that never entered a heap (a unit test's main, a helper thread) gets a
 * private one on its first allocation. */
static __thread alloc_heap *cur_heap;
static __thread alloc_heap thread_heap;

#define BLOCK_HDR ((sizeof(alloc_block) + 15) & ~(size_t)15)
/* Larger requests get a block of their own, so a nearly-full chunk is not
 * abandoned for one big object. */
#define LARGE_LIMIT (ALLOC_CHUNK_SIZE / 4)
/* Far beyond any real request; keeps size arithmetic from overflowing. */
#define MAX_REQUEST ((size_t)1 << 46)

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

/* mmap'd memory is zero (A2); calloc'd memory too. */
static alloc_block *block_new(size_t size, bool use_mmap) {
    alloc_block *b;
    if (use_mmap) {
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) return NULL;
        b = p;
    } else {
        b = calloc(1, size);
        if (!b) return NULL;
    }
    b->size = size;
    b->is_mmap = use_mmap;
    return b;
}

void alloc_heap_release(alloc_heap *h) {
    alloc_block *b = h->blocks;
    while (b) {
        alloc_block *next = b->next;
        if (b->is_mmap)
            munmap(b, b->size);
        else
            free(b);
        b = next;
    }
    memset(h, 0, sizeof *h);
}

static void *alloc_slow(ai_type *t, size_t size) {
    if (!cur_heap) {
        cur_heap = &thread_heap;
        /* keep whatever bounds ai_tls has (none) */
    }
    alloc_heap *h = cur_heap;
    if (size > MAX_REQUEST) {
        exc_nomem();
        return NULL;
    }
#ifdef AITHON_ALLOC_DEBUG
    bool own_block = true;
#else
    bool own_block = size > LARGE_LIMIT;
#endif
    if (own_block) {
        alloc_block *b = block_new(BLOCK_HDR + size, size >= ALLOC_CHUNK_SIZE);
        if (!b) {
            exc_nomem();
            return NULL;
        }
        b->next = h->blocks;
        h->blocks = b;
        h->reserved += b->size;
        ai_object *o = (ai_object *)((char *)b + BLOCK_HDR);
        o->hdr = (uintptr_t)t;
        return o;
    }
    alloc_block *b = block_new(ALLOC_CHUNK_SIZE, true);
    if (!b) {
        exc_nomem();
        return NULL;
    }
    b->next = h->blocks;
    h->blocks = b;
    h->reserved += b->size;
    char *p = (char *)b + BLOCK_HDR;
    ai_tls.nursery_top = p + size;
    ai_tls.nursery_end = (char *)b + ALLOC_CHUNK_SIZE;
    ((ai_object *)p)->hdr = (uintptr_t)t;
    return p;
}

void *ai_alloc(ai_type *t, size_t size) {
    size = (size + 7) & ~(size_t)7;
    if (size < sizeof(ai_object)) size = sizeof(ai_object);
#ifndef AITHON_ALLOC_DEBUG
    uintptr_t top = (uintptr_t)ai_tls.nursery_top;
    if ((uintptr_t)ai_tls.nursery_end - top >= size && top != 0) {
        ai_tls.nursery_top = (char *)(top + size);
        ai_object *o = (ai_object *)top;
        o->hdr = (uintptr_t)t; /* the rest is already zero (A2) */
        return o;
    }
#endif
    return alloc_slow(t, size);
}

/* ---- the immortal static heap ----------------------------------------- */

/* Constants are made at start-up, possibly by several threads later (the
 * scheduler's workers), so the static heap takes a lock; it is not a hot
 * path. */
static pthread_mutex_t static_lock = PTHREAD_MUTEX_INITIALIZER;
static alloc_block *static_blocks;
static char *static_top, *static_end;
#define STATIC_CHUNK ((size_t)256 << 10)

void *alloc_static(ai_type *t, size_t size) {
    size = (size + 7) & ~(size_t)7;
    if (size < sizeof(ai_object)) size = sizeof(ai_object);
    if (size > MAX_REQUEST) {
        exc_nomem();
        return NULL;
    }
    pthread_mutex_lock(&static_lock);
    char *p;
#ifdef AITHON_ALLOC_DEBUG
    bool own_block = true;
#else
    bool own_block = size > STATIC_CHUNK / 4;
#endif
    if (own_block) {
        alloc_block *b = block_new(BLOCK_HDR + size, false);
        if (!b) goto oom;
        b->next = static_blocks;
        static_blocks = b;
        p = (char *)b + BLOCK_HDR;
    } else {
        if ((size_t)(static_end - static_top) < size || !static_top) {
            alloc_block *b = block_new(STATIC_CHUNK, false);
            if (!b) goto oom;
            b->next = static_blocks;
            static_blocks = b;
            static_top = (char *)b + BLOCK_HDR;
            static_end = (char *)b + STATIC_CHUNK;
        }
        p = static_top;
        static_top += size;
    }
    pthread_mutex_unlock(&static_lock);
    ((ai_object *)p)->hdr = (uintptr_t)t;
    return p;
oom:
    pthread_mutex_unlock(&static_lock);
    exc_nomem();
    return NULL;
}

/* ---- raw buffers and fixed sizes -------------------------------------- */

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

void *alloc_raw(size_t n) {
    if (n > MAX_REQUEST) {
        exc_nomem();
        return NULL;
    }
    ai_rawbuf *b = ai_alloc(&ai_rawbuf_type, sizeof(ai_rawbuf) + n);
    if (!b) return NULL;
    b->size = (int64_t)n;
    return b + 1;
}
