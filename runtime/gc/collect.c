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
/* The nursery's default cap: a minor pause is proportional to what
 * survives plus the roots, and its sweep to the nursery's size. */
#define GC_NURSERY_CAP ((size_t)512 << 10)
/* Past that cap, a heap whose old generation is large gets a nursery of
 * up to 1/GC_NURSERY_OLD_RATIO of it (at most GC_NURSERY_GROWN_MAX): a
 * minor collection also re-traces every old object written since the
 * last one, and a program that fills a large old container (a list of
 * 200,000 tasks) writes into it between every two collections, so the
 * number of minor collections must shrink as the old generation grows
 * or that re-tracing is quadratic. An explicit AITHON_GC_NURSERY is a
 * fixed cap. */
#define GC_NURSERY_OLD_RATIO 8
#define GC_NURSERY_GROWN_MAX ((size_t)16 << 20)

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
    gc_cfg.nursery = parse_size(getenv("AITHON_GC_NURSERY"), GC_NURSERY_CAP);
    gc_cfg.nursery_fixed = getenv("AITHON_GC_NURSERY") && *getenv("AITHON_GC_NURSERY");
    s = getenv("AITHON_GC_MINOR");
    gc_cfg.no_minor = s && *s && strcmp(s, "0") == 0;
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
    bool minor;        /* trace young objects only (old ones are live) */
    gc_span **nursery; /* the unwalked nursery regions, by address */
    size_t nnursery;
    ai_object **stack;
    size_t n, cap;
    ai_object *holder; /* the object being traced (for diagnostics) */
    size_t object_stack_bytes; /* stacks of suspended bodies scanned */
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
    if (!gc_grow((void **)&m->stack, &m->cap, sizeof *m->stack, m->n + 1, 1024))
        gc_fatal("out of memory for the mark stack at", o, m);
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

/* Mark object o (a base in chunk c); queue it if it can hold references.
 * A marked object is old from now on (it survives this collection). A
 * minor collection does not trace old objects: whatever young object
 * they point to is reached through the remembered set. */
static inline void mark(marker *m, gc_chunk *c, ai_object *o) {
    if (m->minor && (o->hdr & AI_HDR_OLD)) return;
    if (!set_mark(c, o)) return;
    o->hdr |= AI_HDR_OLD;
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
    if (m->minor && (o->hdr & AI_HDR_OLD)) return;
    if (set_mark(c, o)) {
        o->hdr |= AI_HDR_OLD;
        push(m, (ai_object *)((uintptr_t)o | 1));
    }
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
    return w < (uintptr_t)o + gc_obj_size(o) ? o : NULL;
}

static void scan_range(marker *m, const void *lo, const void *hi);
static bool span_walk_at(marker *m, uintptr_t w);
static void scan_cards(marker *m);

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
    if (m->minor && !c->young) return; /* old objects only */
    if (c->is_large) {
        ai_object *o = (ai_object *)((char *)c + GC_LARGE_OFF);
        if (w >= (uintptr_t)o && w < (uintptr_t)c->hwm) mark_found(m, c, o);
        return;
    }
    ai_object *o = find_object(c, w);
    if (!o && m->nnursery && span_walk_at(m, w)) o = find_object(c, w);
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
    /* A minor collection: a normal chunk holding no young region holds old
     * objects only (C5); not reading the object's header spares a cache
     * miss per old item of a big remembered list. */
    if (m->minor && !c->young && !gc_cfg.verify) return;
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
    if (!m) return;
    m->object_stack_bytes += (size_t)((const char *)hi - (const char *)lo);
    scan_range(m, lo, hi);
}

/* Mark what object o points to. */
static void trace(marker *m, ai_object *o) {
    ai_type *t = ai_type_of_obj(o);
    m->holder = o;
    if (t->flags & AI_TF_HEAPTYPE) {
        ai_value tv = ai_val(t);
        visit_slot(&tv, m);
    }
    if (t->gc_visit) t->gc_visit(o, visit_slot, m);
    m->holder = NULL;
}

static void drain(marker *m) {
    while (m->n) {
        ai_object *o = m->stack[--m->n];
        if ((uintptr_t)o & 1) { /* a raw buffer reached conservatively */
            ai_rawbuf *b = (ai_rawbuf *)((uintptr_t)o - 1);
            scan_range(m, b + 1, (char *)(b + 1) + b->size);
            continue;
        }
        trace(m, o);
    }
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
    m->h->stack_bytes = (size_t)(hi - sp);
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
    visit_slot(&tc->context, m);
    for (gc_rootframe *f = h->roots; f; f = f->next)
        for (int64_t i = 0; i < f->n; i++) visit_slot(&f->slots[i], m);
    for (struct gc_valbuf *b = h->vals; b; b = b->next)
        for (int64_t i = 0; i < b->n; i++) visit_slot(&b->slots[i], m);
    /* The remembered set: old objects that may point to young ones, and
     * the dirty cards of old large objects. A major collection traces
     * everything anyway. Either way, every survivor is old afterwards,
     * so the set starts empty again and every card is clean. */
    scan_cards(m);
    for (size_t i = 0; i < h->nremset; i++) {
        ai_object *o = h->remset[i];
        o->hdr &= ~AI_HDR_REMEMBERED;
        if (m->minor) trace(m, o);
    }
    h->nremset = 0;
}

/* ---- the young regions ------------------------------------------------------------------ */

/* Every region handed out since the last collection is recorded
 * (core/alloc.c): together they are the young generation. Objects
 * bump-allocated in a nursery region have no start bits (G5). A precise
 * slot needs none: it holds a base pointer, whose mark bit is set
 * directly. Only a conservative word needs to know where the object
 * around it begins, so a nursery region is walked — its objects' start
 * bits set — the first time such a word falls into it (or all of them
 * under verify, which checks every precise slot against the start bits).
 * Nursery regions are at most GC_NURSERY_MAX bytes, so a walk is short.
 * The sweep then keeps the start bits of survivors only (C1). */

static void walk_span(gc_span *sp) {
    char *p = sp->start, *end = sp->end;
    sp->walked = 1;
    while (p < end) {
        ai_object *o = (ai_object *)p;
        ai_type *t = ai_type_of_obj(o);
        if (!t) break; /* the unused (zero) tail of the region */
        gc_set_start(o);
        p += t == &ai_float_type ? sizeof(ai_float) : gc_obj_size(o);
    }
}

/* Index the nursery regions by address for the lookups below (the other
 * regions need no lookup: their objects have start bits). There are few:
 * a nursery region is GC_NURSERY_MAX bytes, so insertion sort will do;
 * the whole region list is never sorted (it may hold thousands of small
 * regions carved from a fragmented old generation). Under verify, every
 * nursery region is walked at once instead. */
static bool spans_prepare(alloc_heap *h, marker *m) {
    size_t n = 0;
    for (size_t i = 0; i < h->nspans; i++) n += h->spans[i].nursery;
    if (!n) return true;
    if (gc_cfg.verify) {
        for (size_t i = 0; i < h->nspans; i++)
            if (h->spans[i].nursery) walk_span(&h->spans[i]);
        return true;
    }
    m->nursery = malloc(n * sizeof *m->nursery);
    if (!m->nursery) return false;
    for (size_t i = 0; i < h->nspans; i++) {
        gc_span *sp = &h->spans[i];
        if (!sp->nursery) continue;
        size_t j = m->nnursery++;
        for (; j > 0 && m->nursery[j - 1]->start > sp->start; j--) m->nursery[j] = m->nursery[j - 1];
        m->nursery[j] = sp;
    }
    return true;
}

/* Walk the unwalked nursery region that holds w, if any. True if one was
 * walked. */
static bool span_walk_at(marker *m, uintptr_t w) {
    size_t lo = 0, hi = m->nnursery;
    while (lo < hi) { /* the last region starting at or below w */
        size_t mid = (lo + hi) / 2;
        if ((uintptr_t)m->nursery[mid]->start <= w)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo) return false;
    gc_span *sp = m->nursery[lo - 1];
    if (w >= (uintptr_t)sp->end || sp->walked) return false;
    walk_span(sp);
    return true;
}

/* ---- the remembered set ------------------------------------------------------------- */

/* The write barrier's slow path (gc/gc.h): o is old and not remembered. */
void gc_remember(ai_object *o) {
    alloc_heap *h = alloc_running_heap();
    if (!gc_grow((void **)&h->remset, &h->capremset, sizeof *h->remset, h->nremset + 1, 256))
        gc_fatal("out of memory for the remembered set at", o, NULL);
    h->remset[h->nremset++] = o;
    o->hdr |= AI_HDR_REMEMBERED;
}

/* The large chunk whose object holds `slot`, when the slot may be
 * remembered by its card (C7): an old large object, not dirtied for
 * another holder, and a holder type that can visit a range. */
static gc_chunk *card_chunk(alloc_heap *h, const ai_object *holder, const void *slot) {
    gc_chunk *c = gc_map_find(h, (uintptr_t)slot);
    if (!c || !c->is_large || c->young) return NULL;
    if (c->card_holder && c->card_holder != holder) return NULL;
    if (!obj_slots_of_type(ai_type_of_obj(holder))->gc_visit_range) return NULL;
    return c;
}

/* The cards of large chunk c's object. */
static size_t card_count(const gc_chunk *c) {
    size_t bytes = (size_t)(c->hwm - ((const char *)c + GC_LARGE_OFF));
    return (bytes + GC_CARD_SIZE - 1) >> GC_CARD_LOG;
}

/* gc_barrier_at's slow path: holder is old and not remembered, the
 * value young. Inside an old large object, dirty the slot's card (the
 * holder stays unremembered, so its next young store comes here too);
 * elsewhere remember the holder whole. */
void gc_remember_at(ai_object *holder, const void *slot) {
    alloc_heap *h = alloc_running_heap();
    gc_chunk *c = card_chunk(h, holder, slot);
    if (c && !c->cards) {
        c->cards = calloc(card_count(c), 1);
        if (!c->cards) c = NULL; /* out of memory: the coarse way */
    }
    if (!c) {
        gc_remember(holder);
        return;
    }
    if (!c->card_holder) {
        c->card_holder = holder;
        c->card_next = h->carded;
        h->carded = c;
    }
    c->cards[(size_t)((const char *)slot - ((char *)c + GC_LARGE_OFF)) >> GC_CARD_LOG] = 1;
}

/* Is the young value in `slot` of old holder o covered by a dirty card
 * (C7)? For the verifier. */
static bool card_covers(alloc_heap *h, const ai_object *o, const void *slot) {
    gc_chunk *c = gc_map_find(h, (uintptr_t)slot);
    if (!c || !c->is_large || !c->cards || c->card_holder != o) return false;
    return c->cards[(size_t)((const char *)slot - ((char *)c + GC_LARGE_OFF)) >> GC_CARD_LOG] != 0;
}

/* Every collection: clean every card and empty the list. A minor one
 * first visits the slots of the dirty cards, through the holder. Runs
 * of dirty cards are visited as one range; the table is read a word at
 * a time, so a clean stretch of a 100 MB object costs 25 µs at most. */
static void scan_cards(marker *m) {
    alloc_heap *h = m->h;
    while (h->carded) {
        gc_chunk *c = h->carded;
        h->carded = c->card_next;
        c->card_next = NULL;
        ai_object *holder = c->card_holder;
        c->card_holder = NULL;
        size_t n = card_count(c);
        uint8_t *cards = c->cards;
        char *obj = (char *)c + GC_LARGE_OFF;
        const ai_slots *s = obj_slots_of_type(ai_type_of_obj(holder));
        size_t i = 0;
        while (i < n) {
            if (!cards[i]) {
                uint64_t w = 0;
                if (!(i & 7) && i + 8 <= n) memcpy(&w, cards + i, 8);
                i += !(i & 7) && i + 8 <= n && !w ? 8 : 1; /* a clean word at once */
                continue;
            }
            size_t j = i;
            while (j < n && cards[j]) cards[j++] = 0;
            if (m->minor && !(holder->hdr & AI_HDR_REMEMBERED)) { /* a remembered one is traced whole */
                char *lo = obj + (i << GC_CARD_LOG), *hi = obj + (j << GC_CARD_LOG);
                if (hi > c->hwm) hi = c->hwm;
                m->holder = holder;
                s->gc_visit_range(holder, lo, hi, visit_slot, m);
                m->holder = NULL;
            }
            i = j;
        }
    }
}

/* ---- finalizers ---------------------------------------------------------------------------- */

int gc_finalizer_add(ai_object *o, void (*fn)(ai_object *)) {
    alloc_heap *h = alloc_current_heap();
    if (!h) return 0; /* not in a heap: immortal */
    if (!gc_map_find(h, (uintptr_t)o)) return 0; /* static: never dies */
    if (!gc_grow((void **)&h->finals, &h->capfinals, sizeof *h->finals, h->nfinals + 1, 16)) {
        exc_nomem();
        return -1;
    }
    h->finals[h->nfinals++] = (gc_final){o, fn};
    return 0;
}

/* Run the finalizers of the objects this collection found dead: after a
 * minor one, the young objects that did not become old (only the young
 * part of the list is looked at); after a major one, the unmarked. */
static void run_finalizers(alloc_heap *h, bool minor) {
    size_t keep = minor ? h->finals_old : 0;
    for (size_t i = keep; i < h->nfinals; i++) {
        gc_final f = h->finals[i];
        gc_chunk *c = gc_map_find(h, (uintptr_t)f.obj);
        bool dead = c && (minor ? !(f.obj->hdr & AI_HDR_OLD) : !is_marked(c, f.obj));
        if (dead) {
            f.fn(f.obj);
            continue;
        }
        h->finals[keep++] = f;
    }
    h->nfinals = h->finals_old = keep;
}

void gc_run_all_finalizers(alloc_heap *h) {
    for (size_t i = 0; i < h->nfinals; i++) h->finals[i].fn(h->finals[i].obj);
    h->nfinals = 0;
}

/* ---- sweeping ---------------------------------------------------------------------------- */

bool gc_grow(void **p, size_t *cap, size_t elem, size_t want, size_t first) {
    if (want <= *cap) return true;
    size_t n = *cap ? *cap * 2 : first;
    while (n < want) n *= 2;
    void *q = realloc(*p, n * elem);
    if (!q) return false;
    *p = q;
    *cap = n;
    return true;
}

bool gc_add_hole(alloc_heap *h, char *start, size_t size) {
    if (!gc_grow((void **)&h->holes, &h->capholes, sizeof *h->holes, h->nholes + 1, 64)) return false;
    h->holes[h->nholes++] = (gc_hole){start, size};
    return true;
}

/* [a, b) is free after a minor collection: scribble or poison it, and
 * keep it as a hole if it is worth one. */
static void free_run(alloc_heap *h, char *a, char *b) {
    if (b <= a) return;
    if (gc_cfg.verify) memset(a, 0xdb, (size_t)(b - a));
#if GC_ASAN
    ASAN_POISON_MEMORY_REGION(a, (size_t)(b - a));
#endif
    if (h->nholes && h->holes[h->nholes - 1].start + h->holes[h->nholes - 1].size == a) {
        h->holes[h->nholes - 1].size += (size_t)(b - a); /* the run before, in the last region */
        return;
    }
    if ((size_t)(b - a) >= GC_MIN_HOLE) gc_add_hole(h, a, (size_t)(b - a));
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
            if (!gc_grow((void **)&d->v, &d->cap, sizeof *d->v, d->n + 1, 256)) return;
            d->v[d->n++] = (gc_hole){(char *)o, gc_obj_size(o)};
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
            if ((size_t)(o - prev) >= GC_MIN_HOLE) gc_add_hole(h, prev, (size_t)(o - prev));
            size_t size = gc_obj_size((ai_object *)o);
            live += size;
            prev = o + size;
        }
    }
    c->live = live;
    if (live && (size_t)(base + GC_CHUNK_SIZE - prev) >= GC_MIN_HOLE)
        gc_add_hole(h, prev, (size_t)(base + GC_CHUNK_SIZE - prev));
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
        c->young = 0;
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
    while (h->large_young) {
        gc_chunk *c = h->large_young;
        h->large_young = c->next;
        c->young = 0;
        c->next = h->large;
        h->large = c;
    }
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

    /* The next major collection, and enough empty chunks to serve the
     * next nursery. */
    h->live = h->old_bytes = live;
    h->major_at = live * GC_MAJOR_FACTOR > GC_MAJOR_FLOOR ? live * GC_MAJOR_FACTOR : GC_MAJOR_FLOOR;
    size_t budget = h->budget;
    size_t free_bytes = 0;
    for (size_t i = 0; i < h->nholes; i++) free_bytes += h->holes[i].size;
    while (empty) {
        gc_chunk *c = empty;
        empty = c->next;
        if (free_bytes < budget) {
            c->next = h->chunks;
            h->chunks = c;
            char *data = (char *)c + GC_DATA_OFF;
            if (gc_add_hole(h, data, GC_CHUNK_SIZE - GC_DATA_OFF)) free_bytes += GC_CHUNK_SIZE - GC_DATA_OFF;
            continue;
        }
        h->nchunks--;
        h->reserved -= c->size;
        gc_chunk_free(c);
    }
}

/* Sweep one young region after a minor collection: start := mark inside
 * it (every survivor is now old and has its start bit; the dead lose
 * theirs), marks cleared, and each free run between survivors of at
 * least GC_MIN_HOLE bytes becomes a hole. Dead memory is scribbled
 * (verify) or poisoned (ASan) a whole free run at a time, so no dead
 * object's size is ever read. Returns the bytes that survived. */
static size_t sweep_span(alloc_heap *h, const gc_span *sp) {
    gc_chunk *c = gc_chunk_base(sp->start);
    char *base = (char *)c, *prev = sp->start;
    size_t g0 = gc_bit_index(sp->start), g1 = gc_bit_index(sp->end - 1) + 1;
    size_t survived = 0;
    for (size_t wi = g0 >> 6; wi <= (g1 - 1) >> 6; wi++) {
        uint64_t range = ~(uint64_t)0;
        if (wi == g0 >> 6) range &= ~(uint64_t)0 << (g0 & 63);
        if (wi == (g1 - 1) >> 6 && (g1 & 63)) range &= ~(~(uint64_t)0 << (g1 & 63));
        uint64_t mk = c->mark[wi] & range;
        c->start[wi] = (c->start[wi] & ~range) | mk;
        c->mark[wi] &= ~range;
        while (mk) {
            size_t j = (wi << 6) + (size_t)__builtin_ctzll(mk);
            mk &= mk - 1;
            char *o = base + (j << 3);
            if (o < prev) gc_fatal("overlapping objects at", o, NULL);
            free_run(h, prev, o);
            size_t size = gc_obj_size((ai_object *)o);
            survived += size;
            prev = o + size;
        }
    }
    if (prev > sp->end) gc_fatal("an object runs past its region at", prev, NULL);
    free_run(h, prev, sp->end);
    return survived;
}

/* After a minor collection: the young regions' free runs join the holes
 * not handed out yet (after them, in address order among themselves:
 * the regions are sorted, and a run that continues the last hole joins
 * it); survivors and dead large objects are accounted. No sort of the
 * whole hole list: that would make a minor pause grow with the old
 * generation's fragmentation. */
static void sweep_young(alloc_heap *h) {
    size_t k = 0;
    for (size_t i = h->hole_next; i < h->nholes; i++)
        if (h->holes[i].size >= GC_MIN_HOLE) h->holes[k++] = h->holes[i];
    h->nholes = k;
    h->hole_next = h->hole_med = 0;

    size_t promoted = 0;
    for (size_t i = 0; i < h->nspans; i++) promoted += sweep_span(h, &h->spans[i]);
    for (size_t i = 0; i < h->nspans; i++) gc_chunk_base(h->spans[i].start)->young = 0;

    while (h->large_young) {
        gc_chunk *c = h->large_young;
        h->large_young = c->next;
        if (c->marked) {
            c->marked = 0;
            c->young = 0;
            promoted += (size_t)(c->hwm - ((char *)c + GC_LARGE_OFF));
            c->next = h->large;
            h->large = c;
            continue;
        }
        h->reserved -= gc_chunk_footprint(c);
        gc_chunk_free(c);
    }
    h->old_bytes += promoted;
}

/* ---- verifying the write barrier ------------------------------------------------------- */

/* Under AITHON_GC_VERIFY (and stress), before a minor collection marks:
 * every old object that is not remembered must point to old objects
 * only; otherwise a store missed its write barrier and the young target
 * would be freed while still referenced. */

static void check_slot(ai_value *slot, void *ctx) {
    marker *m = ctx;
    ai_value v = *slot;
    if (!v || (v & 1)) return;
    if (!gc_map_find(m->h, (uintptr_t)v)) return;
    if (!(ai_obj(v)->hdr & AI_HDR_OLD) && !card_covers(m->h, m->holder, slot)) {
        fprintf(stderr, "aithon: collector: missing write barrier: an old '%s' object at %p holds a young '%s' at %p\n",
                ai_type_of_obj(m->holder)->name, (void *)m->holder, ai_type_of_obj(ai_obj(v))->name,
                (void *)ai_obj(v));
        abort();
    }
}

static void check_object(marker *m, ai_object *o) {
    if ((o->hdr & AI_HDR_GC_BITS) != AI_HDR_OLD) return; /* young, or remembered */
    ai_type *t = ai_type_of_obj(o);
    if (!t->gc_visit) return;
    m->holder = o;
    t->gc_visit(o, check_slot, m);
    m->holder = NULL;
}

static void check_barriers(alloc_heap *h) {
    marker m = {.h = h};
    for (gc_chunk *c = h->chunks; c; c = c->next) {
        char *base = (char *)c;
        size_t last = c->hwm > base + GC_DATA_OFF ? (gc_bit_index(c->hwm - 1) >> 6) + 1 : 0;
        for (size_t wi = (GC_DATA_OFF >> 3) >> 6; wi < last; wi++) {
            uint64_t bits = c->start[wi];
            while (bits) {
                size_t j = (wi << 6) + (size_t)__builtin_ctzll(bits);
                bits &= bits - 1;
                check_object(&m, (ai_object *)(base + (j << 3)));
            }
        }
    }
    for (gc_chunk *c = h->large; c; c = c->next) check_object(&m, (ai_object *)((char *)c + GC_LARGE_OFF));
}

/* ---- a collection -------------------------------------------------------------------------- */

/* A heap keeps its mark stack between collections up to this many
 * entries (8 MiB). */
#define GC_MARK_STACK_KEEP ((size_t)1 << 20)

/* Stress mode: one collection in this many is major. */
#define GC_STRESS_MAJOR_EVERY 8

size_t gc_collect_heap(alloc_heap *h, bool major) {
    if (h->collecting) return h->old_bytes;
    h->collecting = 1;
    uint64_t t0 = now_ns();
    size_t since = h->since;
    bool minor = !major && !gc_cfg.no_minor && !h->force_major && h->old_bytes < h->major_at;
    if (gc_cfg.stress && minor && ++h->stress_minors >= GC_STRESS_MAJOR_EVERY) minor = false;
    if (!minor) h->stress_minors = 0;
    marker m = {.h = h, .minor = minor, .stack = h->mstack, .cap = h->capmstack};
    if (!spans_prepare(h, &m)) { /* no memory for the index: walk them all */
        for (size_t i = 0; i < h->nspans; i++)
            if (h->spans[i].nursery) walk_span(&h->spans[i]);
    }
    if (minor && gc_cfg.verify) check_barriers(h);

#if GC_ASAN
    m.fake_stack = __asan_get_current_fake_stack();
#endif
    marker *saved = cur_marker;
    cur_marker = &m;
    scan_roots(&m);
    drain(&m);
    cur_marker = saved;
    /* Only a heap at its full nursery keeps it: a parked actor's few
     * KiB must not grow by a mark stack; a one-off deep structure gives
     * it back. */
    if (m.cap > GC_MARK_STACK_KEEP || h->budget < gc_cfg.nursery) {
        free(m.stack);
        m.stack = NULL;
        m.cap = 0;
    }
    h->mstack = m.stack;
    h->capmstack = m.cap;
    free(m.nursery);

    if (minor) h->object_stack_bytes = m.object_stack_bytes;
    run_finalizers(h, minor);
    if (minor) {
        sweep_young(h);
    } else {
        size_t before = h->old_bytes;
        sweep(h);
        h->force_major = 0;
        /* Nearly everything survived: the live data grows. Wait longer
         * for the next major (the heap stays within GROWING times what
         * is live, and a major that finds garbage brings it back to 2). */
        bool useless = h->old_bytes >= before || before - h->old_bytes < before / GC_MAJOR_USELESS;
        if (useless && h->old_bytes * GC_MAJOR_FACTOR_GROWING > h->major_at)
            h->major_at = h->old_bytes * GC_MAJOR_FACTOR_GROWING;
    }
    alloc_forget_regions(h);
    h->since = 0;
    size_t cap = gc_cfg.nursery;
    if (!gc_cfg.nursery_fixed) {
        size_t grown = h->old_bytes / GC_NURSERY_OLD_RATIO;
        if (grown > GC_NURSERY_GROWN_MAX) grown = GC_NURSERY_GROWN_MAX;
        if (grown > cap) cap = grown;
    }
    if (h->budget < cap) h->budget = h->budget * 2 < cap ? h->budget * 2 : cap;
    else if (h->budget > cap) h->budget = cap;
    h->collecting = 0;
    if (minor) h->nminor++;
    else h->nmajor++;
    uint64_t pause = now_ns() - t0;
    h->gc_ns += pause;
    if (gc_cfg.stats) gc_stats_collection(!minor, pause, h->old_bytes, h->reserved);
    if (gc_cfg.trace)
        fprintf(stderr, "gc: %s %.3f ms, handed out %zu KiB, old %zu KiB (major at %zu KiB), heap %zu KiB (%zu chunks, %zu holes), nursery %zu KiB\n",
                minor ? "minor" : "major", (double)pause / 1e6, since >> 10, h->old_bytes >> 10, h->major_at >> 10,
                h->reserved >> 10, h->nchunks, h->nholes, h->budget >> 10);
    return h->old_bytes;
}

static size_t collect_now(bool major) {
    alloc_heap *h = alloc_current_heap();
    if (!h) return 0;
    gc_settings_init();
    if (!h->ready) alloc_heap_prepare(h);
    return gc_collect_heap(h, major);
}

size_t gc_collect(void) { return collect_now(true); }
size_t gc_collect_minor(void) { return collect_now(false); }
