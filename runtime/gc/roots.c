/*
 * gc/roots.c — roots that runtime C code registers: frames of temporary
 * roots (gc_roots_push/pop) and malloc'd value arrays the collector sees
 * (gc_vals_alloc/realloc/free). See gc/gc.h (G4) for when they are needed.
 *
 * Both hang off the RUNNING heap (the actor's), not the OS thread: a task
 * may park inside a call that holds them and resume on another worker.
 * Each entry knows where it is linked (prevp), so entries may be removed
 * in any order in O(1). An entry registered while no heap runs on the
 * thread (a unit test's main before its first allocation) goes to the
 * thread's own heap, which ai_alloc would have used anyway.
 *
 * Not handled: a call abandoned by actor_exit leaves its entries linked;
 * they are dropped with the heap (alloc_heap_release).
 */
#include "gc/gcint.h"

#include <stdlib.h>

static alloc_heap *running_heap(void) { return alloc_running_heap(); }

void gc_roots_push(gc_rootframe *f, ai_value *slots, int64_t n) {
    alloc_heap *h = running_heap();
    f->slots = slots;
    f->n = slots ? n : 0;
    f->next = h->roots;
    f->prevp = &h->roots;
    if (h->roots) h->roots->prevp = &f->next;
    h->roots = f;
}

void gc_roots_pop(gc_rootframe *f) {
    *f->prevp = f->next;
    if (f->next) f->next->prevp = f->prevp;
    f->next = NULL;
    f->prevp = &f->next;
}

static void vals_link(alloc_heap *h, gc_valbuf *b) {
    b->heap = h;
    b->next = h->vals;
    b->prevp = &h->vals;
    if (h->vals) h->vals->prevp = &b->next;
    h->vals = b;
}

static void vals_unlink(gc_valbuf *b) {
    *b->prevp = b->next;
    if (b->next) b->next->prevp = b->prevp;
}

ai_value *gc_vals_alloc(int64_t n) {
    if (n < 0 || (uint64_t)n > ((uint64_t)1 << 40)) {
        exc_nomem();
        return NULL;
    }
    alloc_heap *h = running_heap();
    gc_valbuf *b = calloc(1, sizeof(gc_valbuf) + (size_t)n * sizeof(ai_value));
    if (!b || !h) {
        free(b);
        exc_nomem();
        return NULL;
    }
    b->n = n;
    vals_link(h, b);
    return b->slots;
}

static gc_valbuf *buf_of(ai_value *p) { return (gc_valbuf *)((char *)p - offsetof(gc_valbuf, slots)); }

ai_value *gc_vals_realloc(ai_value *p, int64_t n) {
    if (!p) return gc_vals_alloc(n);
    if (n < 0 || (uint64_t)n > ((uint64_t)1 << 40)) {
        exc_nomem();
        return NULL;
    }
    gc_valbuf *b = buf_of(p);
    alloc_heap *h = b->heap;
    int64_t old = b->n;
    vals_unlink(b);
    gc_valbuf *nb = realloc(b, sizeof(gc_valbuf) + (size_t)n * sizeof(ai_value));
    if (!nb) {
        vals_link(h, b); /* the old buffer is still valid */
        exc_nomem();
        return NULL;
    }
    if (n > old) memset(nb->slots + old, 0, (size_t)(n - old) * sizeof(ai_value));
    nb->n = n;
    vals_link(h, nb);
    return nb->slots;
}

void gc_vals_free(ai_value *p) {
    if (!p) return;
    gc_valbuf *b = buf_of(p);
    vals_unlink(b);
    free(b);
}
