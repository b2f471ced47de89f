/*
 * gc/collect.c — one collection of one actor's heap: find the roots, mark
 * what they reach, run the finalizers of the dead, sweep the chunks into
 * holes, and set the budget for the next collection.
 *
 * Input: the running heap, at an allocation of its own task (G6), so the
 * heap's mutator is suspended in this very call chain and nothing else
 * touches the heap. Output: mark bits cleared (C3), start bits of exactly
 * the survivors (C1), h->holes rebuilt in chunk order, dead large chunks
 * and surplus empty chunks returned to the pool.
 *
 * Steps:
 *   1. Close the nursery spans (regions handed out since the last
 *      collection): their objects have no start bits yet; a span is walked
 *      only when a conservative word falls into it (see below).
 *   2. Roots. Conservative (any aligned word that points into an object
 *      of this heap, interior pointers included, marks it): the running
 *      task's stacks — its own and those of the generator bodies it is
 *      running — with the callee-saved registers spilled first, and the
 *      program's writable data segment (compiled code's hidden globals:
 *      constant tuples, default values, class objects; runtime statics).
 *      Precise: static-heap objects with gc_visit (A5), registered module
 *      globals, the task's pending and handled exception, gc_roots_push
 *      frames and gc_vals_alloc buffers.
 *   3. Trace with an explicit mark stack through each type's gc_visit
 *      (a suspended generator's visit scans its stack conservatively).
 *   4. Finalizers of unmarked objects run; 5. sweep (start := mark, holes
 *      between survivors); 6. budget = max(floor, live), where a heap's
 *      floor starts at GC_START_BUDGET and doubles per collection up to
 *      AITHON_GC_MIN (4 MiB): an actor that allocates little stays small.
 *
 * Not handled: other tasks of the same actor (there is one task per actor
 * today); ASan fake stacks other than the current thread's (the runtime
 * turns them off by default, see core/alloc.c).
 */
#include "gc/gcint.h"
#include "sched/sched.h"
#include "sched/task.h"

#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

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

/* Functions that read memory the sanitizers consider off limits (other
 * stacks, redzones between globals). */
#define GC_NO_SANITIZE __attribute__((no_sanitize_address, no_sanitize_thread, noinline))

gc_settings gc_cfg;

/* Default: collection on. AITHON_GC=0 turns it off (nothing is freed). */
#define GC_DEFAULT_ON 1
#define GC_MIN_BUDGET ((size_t)4 << 20)

static void stats_atexit(void);

static size_t parse_size(const char *s, size_t dflt) {
    if (!s || !*s) return dflt;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end == 'k' || *end == 'K') v <<= 10;
    else if (*end == 'm' || *end == 'M') v <<= 20;
    return v ? (size_t)v : dflt;
}

static void settings_once(void) {
    const char *s = getenv("AITHON_GC");
    gc_cfg.enabled = s && *s ? strcmp(s, "0") != 0 : GC_DEFAULT_ON;
    s = getenv("AITHON_GC_STRESS");
    if (s && *s) {
        long n = strtol(s, NULL, 10);
        gc_cfg.stress = n > 0 ? (uint32_t)n : 0;
        if (gc_cfg.stress) gc_cfg.enabled = true;
    }
    s = getenv("AITHON_GC_VERIFY");
    gc_cfg.verify = gc_cfg.stress || (s && *s && strcmp(s, "0") != 0);
    gc_cfg.min_budget = parse_size(getenv("AITHON_GC_MIN"), GC_MIN_BUDGET);
    s = getenv("AITHON_GC_TRACE");
    gc_cfg.trace = s && *s && strcmp(s, "0") != 0;
    s = getenv("AITHON_STATS");
    gc_cfg.stats = s && *s && strcmp(s, "0") != 0;
    if (gc_cfg.stats) atexit(stats_atexit);
}

void gc_settings_init(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, settings_once);
}

static void stats_atexit(void) {
    void gc_stats_print(uint64_t running_allocated);
    alloc_heap *h = alloc_current_heap();
    if (!h) h = &alloc_main_heap;
    gc_stats_print(alloc_heap_allocated(h));
}

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- marking --------------------------------------------------------------------------- */

typedef struct marker {
    alloc_heap *h;
    ai_object **stack;
    size_t n, cap;
    ai_object *holder; /* the object being traced (for diagnostics) */
#if GC_ASAN
    void *fake_stack;  /* this thread's ASan fake stack, if any */
#endif
} marker;

/* The marker of the collection running on this thread. */
static __thread marker *cur_marker;

static _Noreturn void gc_fatal(const char *what, const void *p, const marker *m) {
    fprintf(stderr, "aithon: collector: %s %p", what, p);
    if (m && m->holder)
        fprintf(stderr, " (in a '%s' object at %p)", ai_type_of_obj(m->holder)->name, (void *)m->holder);
    fputc('\n', stderr);
    abort();
}

static void push(marker *m, ai_object *o) {
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 1024;
        ai_object **s = realloc(m->stack, cap * sizeof *s);
        if (!s) gc_fatal("out of memory for the mark stack at", o, m);
        m->stack = s;
        m->cap = cap;
    }
    m->stack[m->n++] = o;
}

static bool is_marked(const gc_chunk *c, const void *p) {
    if (c->is_large) return c->marked;
    size_t i = gc_bit_index(p);
    return (c->mark[i >> 6] >> (i & 63)) & 1;
}

/* Set o's mark; false if it was already set. */
static inline bool set_mark(gc_chunk *c, ai_object *o) {
    if (c->is_large) {
        if (c->marked) return false;
        c->marked = 1;
        return true;
    }
    size_t i = gc_bit_index(o);
    uint64_t bit = (uint64_t)1 << (i & 63), *w = &c->mark[i >> 6];
    if (*w & bit) return false;
    *w |= bit;
    return true;
}

/* Mark object o (a base in chunk c); queue it if it can hold references. */
static inline void mark(marker *m, gc_chunk *c, ai_object *o) {
    if (!set_mark(c, o)) return;
    ai_type *t = ai_type_of_obj(o);
    if (t->gc_visit || (t->flags & AI_TF_HEAPTYPE)) push(m, o);
}

/* Mark o, found by a conservative word. A raw buffer reached this way is
 * the storage of a list (or similar) whose C code holds only the data
 * pointer (items = l->items, then l dies): its words are scanned
 * conservatively too, queued with the low bit set. */
static inline void mark_found(marker *m, gc_chunk *c, ai_object *o) {
    if (ai_type_of_obj(o) != &ai_rawbuf_type) {
        mark(m, c, o);
        return;
    }
    if (set_mark(c, o)) push(m, (ai_object *)((uintptr_t)o | 1));
}

/* The object of normal chunk c that contains address w, or NULL. */
static ai_object *find_object(gc_chunk *c, uintptr_t w) {
    uintptr_t base = (uintptr_t)c;
    if (w < base + GC_DATA_OFF || w >= (uintptr_t)c->hwm) return NULL;
    size_t i = gc_bit_index((void *)w), wi = i >> 6;
    /* Objects in normal chunks are smaller than GC_LARGE_MIN: look back
     * no further than that. */
    size_t lo_bit = (GC_DATA_OFF >> 3), span = GC_LARGE_MIN >> 3;
    size_t stop = (i > lo_bit + span ? i - span : lo_bit) >> 6;
    uint64_t bits = c->start[wi] & (((uint64_t)2 << (i & 63)) - 1);
    while (!bits) {
        if (wi <= stop) return NULL;
        bits = c->start[--wi];
    }
    size_t j = (wi << 6) + 63 - (size_t)__builtin_clzll(bits);
    ai_object *o = (ai_object *)(base + (j << 3));
    size_t size = (ai_type_of_obj(o)->gc_size(o) + 7) & ~(size_t)7;
    if (size < 8) size = 8;
    return w < (uintptr_t)o + size ? o : NULL;
}

static void scan_range(marker *m, const void *lo, const void *hi);
static bool span_walk_at(alloc_heap *h, uintptr_t w);

/* A word outside the heap's address range: under ASan it may point to
 * a fake frame holding the locals of a function on this thread's stack. */
static void mark_other(marker *m, uintptr_t w) {
#if GC_ASAN
    void *beg, *end;
    if (m->fake_stack && w && __asan_addr_is_in_fake_stack(m->fake_stack, (void *)w, &beg, &end)) {
        void *saved = m->fake_stack;
        m->fake_stack = NULL; /* one level: fake frames are not nested */
        scan_range(m, beg, end);
        m->fake_stack = saved;
    }
#else
    (void)m;
    (void)w;
#endif
}

/* A word that may point into an object of the heap. */
static void mark_word(marker *m, uintptr_t w) {
    alloc_heap *h = m->h;
    if (w - h->lo >= h->hi - h->lo) {
        mark_other(m, w);
        return;
    }
    gc_chunk *c = gc_map_find(h, w);
    if (!c) return;
    if (c->is_large) {
        ai_object *o = (ai_object *)((char *)c + GC_LARGE_OFF);
        if (w >= (uintptr_t)o && w < (uintptr_t)c->hwm) mark_found(m, c, o);
        return;
    }
    ai_object *o = find_object(c, w);
    if (!o && h->nspans && span_walk_at(h, w)) o = find_object(c, w);
    if (o) mark_found(m, c, o);
}

/* Every aligned word of [lo, hi), conservatively. The address-range test
 * is done here, so that most words (small ints, pointers elsewhere) cost
 * no call. */
GC_NO_SANITIZE static void scan_range(marker *m, const void *lo, const void *hi) {
    const uintptr_t *p = (const uintptr_t *)(((uintptr_t)lo + 7) & ~(uintptr_t)7);
    const uintptr_t *e = (const uintptr_t *)((uintptr_t)hi & ~(uintptr_t)7);
    uintptr_t base = m->h->lo, span = m->h->hi - m->h->lo;
#if GC_ASAN
    bool fake = m->fake_stack != NULL;
#else
    const bool fake = false;
#endif
    for (; p < e; p++) {
        uintptr_t w = *p;
        if (w - base < span)
            mark_word(m, w);
        else if (fake)
            mark_other(m, w);
    }
}

/* A precise slot (G1). */
static void visit_slot(ai_value *slot, void *ctx) {
    ai_value v = *slot;
    if (!v || (v & 1)) return;
    marker *m = ctx;
    gc_chunk *c = gc_map_find(m->h, (uintptr_t)v);
    if (!c) return;
    ai_object *o = ai_obj(v);
    if (c->is_large) {
        if ((char *)o != (char *)c + GC_LARGE_OFF) {
            if (gc_cfg.verify) gc_fatal("a slot holds an interior pointer", o, m);
            o = (ai_object *)((char *)c + GC_LARGE_OFF);
        }
    } else if (gc_cfg.verify && !gc_test_start(c, o)) {
        /* Not an object start: a stale or interior pointer (a bug). */
        gc_fatal("a slot holds a pointer that is not a live object:", o, m);
    }
    mark(m, c, o);
}

void gc_visit_conservative(const void *lo, const void *hi, void (*visit)(ai_value *, void *), void *ctx) {
    (void)visit;
    (void)ctx;
    marker *m = cur_marker;
    if (m) scan_range(m, lo, hi);
}

static void drain(marker *m) {
    while (m->n) {
        ai_object *o = m->stack[--m->n];
        if ((uintptr_t)o & 1) { /* a raw buffer reached conservatively */
            ai_rawbuf *b = (ai_rawbuf *)((uintptr_t)o - 1);
            scan_range(m, b + 1, (char *)(b + 1) + b->size);
            continue;
        }
        ai_type *t = ai_type_of_obj(o);
        m->holder = o;
        if (t->flags & AI_TF_HEAPTYPE) {
            ai_value tv = ai_val(t);
            visit_slot(&tv, m);
        }
        if (t->gc_visit) t->gc_visit(o, visit_slot, m);
    }
    m->holder = NULL;
}

/* ---- roots ------------------------------------------------------------------------------- */

static void range_cb(const void *lo, const void *hi, void *ctx) { scan_range(ctx, lo, hi); }

/* The high end of the stack that `sp` is on: the running task's, else this
 * thread's own. NULL if neither holds sp. */
static char *stack_top_of(char *sp) {
    task_t *t = sched_current();
    if (t && t->stack.lo <= sp && sp < t->stack.hi) return t->stack.hi;
    static __thread char *tlo, *thi;
    if (!thi) {
        pthread_attr_t a;
        void *addr;
        size_t size;
        if (pthread_getattr_np(pthread_self(), &a) == 0) {
            if (pthread_attr_getstack(&a, &addr, &size) == 0) {
                tlo = addr;
                thi = (char *)addr + size;
            }
            pthread_attr_destroy(&a);
        }
    }
    if (tlo <= sp && sp < thi) return thi;
    return NULL;
}

/* The running task's stacks, registers first. */
GC_NO_SANITIZE static void scan_stacks(marker *m) {
    uintptr_t regs[12] = {0};
#if defined(__x86_64__)
    __asm__ volatile("movq %%rbx, 0(%0)\n\t"
                     "movq %%rbp, 8(%0)\n\t"
                     "movq %%r12, 16(%0)\n\t"
                     "movq %%r13, 24(%0)\n\t"
                     "movq %%r14, 32(%0)\n\t"
                     "movq %%r15, 40(%0)\n\t"
                     :
                     : "r"(regs)
                     : "memory");
#elif defined(__aarch64__)
    __asm__ volatile("stp x19, x20, [%0, #0]\n\t"
                     "stp x21, x22, [%0, #16]\n\t"
                     "stp x23, x24, [%0, #32]\n\t"
                     "stp x25, x26, [%0, #48]\n\t"
                     "stp x27, x28, [%0, #64]\n\t"
                     "str x29, [%0, #80]\n\t"
                     :
                     : "r"(regs)
                     : "memory");
#else
    __builtin_unwind_init();
#endif
    for (int i = 0; i < 12; i++) mark_word(m, regs[i]);
    char *sp = __builtin_frame_address(0);
    sp = gen_gc_running(sp, range_cb, m);
    char *hi = stack_top_of(sp);
    if (!hi) gc_fatal("cannot find the bounds of the stack at", sp, NULL);
    scan_range(m, sp, hi);
}

/* The main program's writable segments (.data, .bss, ...). */
typedef struct seg {
    uintptr_t lo, hi;
} seg;
static seg segs[8];
static int nsegs;

static int phdr_cb(struct dl_phdr_info *info, size_t size, void *ctx) {
    (void)size;
    (void)ctx;
    for (int i = 0; i < info->dlpi_phnum && nsegs < 8; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_W)) continue;
        uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
        segs[nsegs++] = (seg){lo, lo + ph->p_memsz};
    }
    return 1; /* the first object is the program itself */
}

static void segs_once(void) { dl_iterate_phdr(phdr_cb, NULL); }

static void scan_data(marker *m) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, segs_once);
    /* The main heap's own bookkeeping points into its chunks: skip it. */
    uintptr_t skip_lo = (uintptr_t)&alloc_main_heap, skip_hi = skip_lo + sizeof alloc_main_heap;
    for (int i = 0; i < nsegs; i++) {
        uintptr_t lo = segs[i].lo, hi = segs[i].hi;
        if (skip_lo >= lo && skip_hi <= hi) {
            scan_range(m, (void *)lo, (void *)skip_lo);
            scan_range(m, (void *)skip_hi, (void *)hi);
        } else {
            scan_range(m, (void *)lo, (void *)hi);
        }
    }
}

static void static_cb(ai_object *o, void *ctx) {
    marker *m = ctx;
    m->holder = o;
    ai_type_of_obj(o)->gc_visit(o, visit_slot, m);
    m->holder = NULL;
}

static void module_cb(const ai_module_info *mi, void *ctx) {
    for (int64_t i = 0; i < mi->nglobals; i++) visit_slot(&mi->globals[i], ctx);
}

static void scan_roots(marker *m) {
    alloc_heap *h = m->h;
    scan_stacks(m);
    scan_data(m);
    alloc_static_each(static_cb, m);
    mod_each(module_cb, m);
    ai_task_core *tc = exc_task();
    visit_slot(&tc->exc, m);
    visit_slot(&tc->handled, m);
    for (gc_rootframe *f = h->roots; f; f = f->next)
        for (int64_t i = 0; i < f->n; i++) visit_slot(&f->slots[i], m);
    for (struct gc_valbuf *b = h->vals; b; b = b->next)
        for (int64_t i = 0; i < b->n; i++) visit_slot(&b->slots[i], m);
}

/* ---- the nursery spans ------------------------------------------------------------------ */

/* Objects bump-allocated from the nursery have no start bits (G5). A
 * precise slot needs none: it holds a base pointer, whose mark bit is set
 * directly. Only a conservative word needs to know where the object
 * around it begins, so a span is walked — its objects' start bits set —
 * the first time such a word falls into it (or all of them under verify,
 * which checks every precise slot against the start bits). Spans are at
 * most ALLOC_NURSERY_MAX bytes, so a walk is short. The sweep then keeps
 * the start bits of survivors only (C1). */

static void walk_span(char *p, char *end) {
    while (p < end) {
        ai_object *o = (ai_object *)p;
        ai_type *t = ai_type_of_obj(o);
        if (!t) break; /* never: the region is filled up to its top */
        gc_set_start(o);
        size_t size = t == &ai_float_type ? sizeof(ai_float) : (t->gc_size(o) + 7) & ~(size_t)7;
        p += size < 8 ? 8 : size;
    }
}

static int span_cmp(const void *a, const void *b) {
    const gc_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Close the spans for this collection: the current region ends at `top`;
 * sort them for the lookups below. */
static void spans_prepare(alloc_heap *h, char *top) {
    if (h->nstart && top && top > h->nstart && h->nspans < h->capspans)
        h->spans[h->nspans++] = (gc_span){h->nstart, top};
    else if (h->nstart && top && top > h->nstart)
        walk_span(h->nstart, top); /* no room to record it: walk it now */
    if (gc_cfg.verify) {
        for (size_t i = 0; i < h->nspans; i++) walk_span(h->spans[i].start, h->spans[i].end);
        h->nspans = 0;
        return;
    }
    if (h->nspans > 1) qsort(h->spans, h->nspans, sizeof *h->spans, span_cmp);
}

/* Walk the unwalked span that holds w, if any. True if one was walked. */
static bool span_walk_at(alloc_heap *h, uintptr_t w) {
    size_t lo = 0, hi = h->nspans;
    while (lo < hi) { /* the last span starting at or below w */
        size_t mid = (lo + hi) / 2;
        if ((uintptr_t)h->spans[mid].start <= w)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo) return false;
    gc_span *sp = &h->spans[lo - 1];
    if (w >= (uintptr_t)sp->end || sp->end == sp->start) return false;
    walk_span(sp->start, sp->end);
    sp->end = sp->start; /* walked */
    return true;
}

/* ---- finalizers ---------------------------------------------------------------------------- */

int gc_finalizer_add(ai_object *o, void (*fn)(ai_object *)) {
    alloc_heap *h = alloc_current_heap();
    if (!h) return 0; /* not in a heap: immortal */
    if (!gc_map_find(h, (uintptr_t)o)) return 0; /* static: never dies */
    if (h->nfinals == h->capfinals) {
        size_t cap = h->capfinals ? h->capfinals * 2 : 16;
        gc_final *n = realloc(h->finals, cap * sizeof *n);
        if (!n) {
            exc_nomem();
            return -1;
        }
        h->finals = n;
        h->capfinals = cap;
    }
    h->finals[h->nfinals++] = (gc_final){o, fn};
    return 0;
}

static void run_finalizers(alloc_heap *h) {
    size_t keep = 0;
    for (size_t i = 0; i < h->nfinals; i++) {
        gc_final f = h->finals[i];
        gc_chunk *c = gc_map_find(h, (uintptr_t)f.obj);
        if (c && !is_marked(c, f.obj)) {
            f.fn(f.obj);
            continue;
        }
        h->finals[keep++] = f;
    }
    h->nfinals = keep;
}

void gc_run_all_finalizers(alloc_heap *h) {
    for (size_t i = 0; i < h->nfinals; i++) h->finals[i].fn(h->finals[i].obj);
    h->nfinals = 0;
}

/* ---- sweeping ---------------------------------------------------------------------------- */

static bool add_hole(alloc_heap *h, char *start, size_t size) {
    if (h->nholes == h->capholes) {
        size_t cap = h->capholes ? h->capholes * 2 : 64;
        gc_hole *n = realloc(h->holes, cap * sizeof *n);
        if (!n) return false; /* the run stays unused until the next sweep */
        h->holes = n;
        h->capholes = cap;
    }
    h->holes[h->nholes++] = (gc_hole){start, size};
    return true;
}

static size_t obj_size(ai_object *o) {
    size_t size = (ai_type_of_obj(o)->gc_size(o) + 7) & ~(size_t)7;
    return size < 8 ? 8 : size;
}

/* Dead objects of this collection, for scribbling (verify) and ASan
 * poisoning: recorded before anything is overwritten, so every size is
 * read from an intact object (and type). */
typedef struct deadlist {
    gc_hole *v;
    size_t n, cap;
} deadlist;

static void note_dead(gc_chunk *c, deadlist *d) {
    char *base = (char *)c;
    size_t last = (gc_bit_index(c->hwm - 1) >> 6) + 1;
    for (size_t wi = (GC_DATA_OFF >> 3) >> 6; wi < last; wi++) {
        uint64_t dead = c->start[wi] & ~c->mark[wi];
        while (dead) {
            size_t j = (wi << 6) + (size_t)__builtin_ctzll(dead);
            dead &= dead - 1;
            ai_object *o = (ai_object *)(base + (j << 3));
            if (d->n == d->cap) {
                size_t cap = d->cap ? d->cap * 2 : 256;
                gc_hole *n = realloc(d->v, cap * sizeof *n);
                if (!n) return;
                d->v = n;
                d->cap = cap;
            }
            d->v[d->n++] = (gc_hole){(char *)o, obj_size(o)};
        }
    }
}

/* Sweep a normal chunk: start := mark, holes between survivors. Returns
 * the bytes live in it. */
static size_t sweep_chunk(alloc_heap *h, gc_chunk *c) {
    char *base = (char *)c, *data = base + GC_DATA_OFF, *prev = data;
    size_t live = 0;
    size_t last = c->hwm > data ? (gc_bit_index(c->hwm - 1) >> 6) + 1 : 0;
    for (size_t wi = (GC_DATA_OFF >> 3) >> 6; wi < last; wi++) {
        uint64_t mk = c->mark[wi];
        c->start[wi] = mk;
        c->mark[wi] = 0;
        while (mk) {
            size_t j = (wi << 6) + (size_t)__builtin_ctzll(mk);
            mk &= mk - 1;
            char *o = base + (j << 3);
            if (o < prev) gc_fatal("overlapping objects at", o, NULL);
            if ((size_t)(o - prev) >= GC_MIN_HOLE) add_hole(h, prev, (size_t)(o - prev));
            size_t size = obj_size((ai_object *)o);
            live += size;
            prev = o + size;
        }
    }
    c->live = live;
    if (live && (size_t)(base + GC_CHUNK_SIZE - prev) >= GC_MIN_HOLE)
        add_hole(h, prev, (size_t)(base + GC_CHUNK_SIZE - prev));
    return live;
}

static void sweep(alloc_heap *h) {
    deadlist dead = {0};
#if GC_ASAN
    bool record = true;
#else
    bool record = gc_cfg.verify;
#endif
    if (record)
        for (gc_chunk *c = h->chunks; c; c = c->next) note_dead(c, &dead);

    size_t live = 0;
    h->nholes = h->hole_next = h->hole_med = 0;
    gc_chunk *empty = NULL, **pp = &h->chunks;
    while (*pp) {
        gc_chunk *c = *pp;
        size_t l = sweep_chunk(h, c);
        live += l;
        if (!l) { /* set aside; decided below */
            *pp = c->next;
            c->next = empty;
            empty = c;
            continue;
        }
        pp = &c->next;
    }
    /* Scribble and poison the newly dead, now that no size is read. */
    for (size_t i = 0; i < dead.n; i++) {
        if (gc_cfg.verify) memset(dead.v[i].start, 0xdb, dead.v[i].size);
#if GC_ASAN
        ASAN_POISON_MEMORY_REGION(dead.v[i].start, dead.v[i].size);
#endif
    }
    free(dead.v);

    /* Large objects: survivors stay, the dead go back at once. */
    pp = &h->large;
    while (*pp) {
        gc_chunk *c = *pp;
        if (c->marked) {
            c->marked = 0;
            live += (size_t)(c->hwm - ((char *)c + GC_LARGE_OFF));
            pp = &c->next;
            continue;
        }
        *pp = c->next;
        h->reserved -= gc_chunk_footprint(c);
        gc_chunk_free(c);
    }

    /* Budget for the next cycle, and enough empty chunks to serve it. */
    h->live = live;
    if (h->floor < gc_cfg.min_budget) h->floor = h->floor * 2 < gc_cfg.min_budget ? h->floor * 2 : gc_cfg.min_budget;
    size_t budget = live > h->floor ? live : h->floor;
    h->budget = budget;
    size_t free_bytes = 0;
    for (size_t i = 0; i < h->nholes; i++) free_bytes += h->holes[i].size;
    while (empty) {
        gc_chunk *c = empty;
        empty = c->next;
        if (free_bytes < budget) {
            c->next = h->chunks;
            h->chunks = c;
            char *data = (char *)c + GC_DATA_OFF;
            if (add_hole(h, data, GC_CHUNK_SIZE - GC_DATA_OFF)) free_bytes += GC_CHUNK_SIZE - GC_DATA_OFF;
            continue;
        }
        h->nchunks--;
        h->reserved -= c->size;
        gc_chunk_free(c);
    }
}

/* ---- a collection -------------------------------------------------------------------------- */

size_t gc_collect_heap(alloc_heap *h) {
    if (h->collecting) return h->live;
    h->collecting = 1;
    uint64_t t0 = now_ns();
    size_t since = h->since;
    char *top = alloc_current_heap() == h ? ai_tls.nursery_top : h->top;
    spans_prepare(h, top);

    marker m = {.h = h};
#if GC_ASAN
    m.fake_stack = __asan_get_current_fake_stack();
#endif
    marker *saved = cur_marker;
    cur_marker = &m;
    scan_roots(&m);
    drain(&m);
    cur_marker = saved;
    free(m.stack);

    run_finalizers(h);
    sweep(h);
    h->nspans = 0;
    alloc_forget_regions(h);
    h->since = 0;
    h->collecting = 0;
    uint64_t pause = now_ns() - t0;
    if (gc_cfg.stats) gc_stats_collection(pause, h->live, h->reserved);
    if (gc_cfg.trace)
        fprintf(stderr, "gc: %.3f ms, handed out %zu KiB, live %zu KiB, heap %zu KiB (%zu chunks, %zu holes), budget %zu KiB\n",
                (double)pause / 1e6, since >> 10, h->live >> 10, h->reserved >> 10, h->nchunks, h->nholes,
                h->budget >> 10);
    return h->live;
}

size_t gc_collect(void) {
    alloc_heap *h = alloc_current_heap();
    if (!h) return 0;
    gc_settings_init();
    if (!h->ready) alloc_heap_prepare(h);
    return gc_collect_heap(h);
}
