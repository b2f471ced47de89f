/*
 * tests/runtime/test_alloc.c — the allocator's invariants (core/alloc.h):
 * 8-byte alignment, rounded sizes, zeroed memory and a zero nursery tail
 * (A2), chunk turnover, large objects, the immortal static heap, heap
 * switching and release, MemoryError on absurd requests, a second thread
 * with its own heap, and gc_size/gc_visit filled in for the core types.
 * (The collector itself is tested by test_gc*.c.)
 */
// tsan (run under ThreadSanitizer too: a second thread allocates)
#include "check.h"
#include "core/alloc.h"

#include <pthread.h>

static bool all_zero(const char *p, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (p[i]) return false;
    return true;
}

static void test_bump(void) {
    /* ai_alloc bumps the C region; sizes round up to 8. */
    char *a = ai_alloc(&ai_float_type, 16), *b = ai_alloc(&ai_float_type, 13);
    char *c = ai_alloc(&ai_object_type, 8); /* gc_size must match (G2) */
    CHECK(((uintptr_t)a & 7) == 0 && ((uintptr_t)b & 7) == 0);
    /* (Under AITHON_GC_STRESS each allocation is carved from a hole after
     * a collection: adjacency is not promised then.) */
    if (!getenv("AITHON_GC_STRESS")) CHECK(b == a + 16 && c == b + 16); /* 13 rounds up to 16 */
    CHECK(ai_type_of_obj((ai_object *)a) == &ai_float_type);
    CHECK(all_zero(b + 8, 8));
    /* The nursery region (what compiled code bumps inline) is zero (A2). */
    char *n1 = alloc_nursery(&ai_float_type, 16);
    CHECK(n1 && ai_type_of_obj((ai_object *)n1) == &ai_float_type && all_zero(n1 + 8, 8));
    if (ai_tls.nursery_top)
        CHECK(all_zero(ai_tls.nursery_top, (size_t)(ai_tls.nursery_end - ai_tls.nursery_top)));
    /* Fill several chunks; every object stays zeroed and aligned. */
    size_t big = 0;
    for (int i = 0; i < 40000; i++) {
        size_t sz = 16 + (size_t)(i % 97) * 8;
        ai_rawbuf *p = ai_alloc(&ai_rawbuf_type, sz);
        CHECK(p && ((uintptr_t)p & 7) == 0);
        if (i % 1000 == 0) CHECK(all_zero((char *)p + 8, sz - 8));
        p->size = (int64_t)(sz - 16); /* gc_size must stay right (gc/gc.h, G2) */
        memset(p + 1, 0xAB, sz - 16);
        big += sz;
    }
    CHECK(big > 3 * ALLOC_CHUNK_SIZE);
    /* A large object gets its own chunk and leaves the regions alone. */
    alloc_heap *h = alloc_current_heap();
    char *top = h->ctop;
    char *l = ai_alloc(&ai_rawbuf_type, ALLOC_CHUNK_SIZE * 2);
    CHECK(l && all_zero(l + 8, ALLOC_CHUNK_SIZE * 2 - 8));
    CHECK(h->ctop == top || h->ctop == NULL); /* NULL: it collected first */
    /* Absurd sizes fail cleanly with MemoryError. */
    CHECK(ai_alloc(&ai_rawbuf_type, (size_t)1 << 50) == NULL);
    CHECK_STREQ(check_err_text(), "!MemoryError");
    CHECK_STREQ(R(ai_mul(STR("ab"), ai_pow(I(2), I(45)))), "!MemoryError");
}

static void test_static_and_heaps(void) {
    ai_value k = ai_const_float(2.5), s = ai_const_str("const", 5);
    CHECK(float_get(k) == 2.5 && str_obj(s)->len == 5);
    /* Switch to a fresh heap, allocate, switch back. */
    static alloc_heap other; /* heaps outlive the calls: cur_heap points at them */
    alloc_heap *mine = alloc_current_heap();
    char *lo = ai_tls.nursery_top;
    alloc_heap_leave(mine);
    CHECK(ai_tls.nursery_top == NULL);
    alloc_heap_enter(&other);
    char *p = ai_alloc(&ai_float_type, 16);
    CHECK(p && other.chunks != NULL); /* the running heap is updated in place */
    CHECK(!(p >= (char *)ai_obj(k) && p < (char *)ai_obj(k) + 16));
    alloc_heap_leave(&other);
    CHECK(other.chunks != NULL && other.reserved == ALLOC_CHUNK_SIZE);
    alloc_heap_enter(mine);
    CHECK(ai_tls.nursery_top == lo);
    alloc_heap_release(&other);
    CHECK(other.chunks == NULL && other.reserved == 0);
}

static void *thread_main(void *arg) {
    (void)arg;
    /* A thread the runtime did not start: its own heap and task. */
    ai_value v = ai_add(ai_pow(I(2), I(100)), I(1));
    ai_raise_msg(&ai_exc_ValueError, "in thread");
    ai_value e = ai_exc_fetch();
    return (void *)(uintptr_t)(v && e && obj_isinstance(e, &ai_exc_ValueError));
}

/* Several threads printing at once: each print() call stays whole. */
static void *printer(void *arg) {
    intptr_t id = (intptr_t)arg;
    for (int i = 0; i < 500; i++) {
        ai_value a[3] = {ai_const_str("thread", 6), ai_int_from_i64(id), ai_int_from_i64(i)};
        if (!ai_print(a, 3, 0, 0, 0, 0)) return NULL;
    }
    return (void *)1;
}

static void test_thread(void) {
    pthread_t t;
    void *ok = NULL;
    CHECK(pthread_create(&t, NULL, thread_main, NULL) == 0);
    pthread_join(t, &ok);
    CHECK(ok == (void *)1);

    capture_begin(1);
    pthread_t th[4];
    for (intptr_t i = 0; i < 4; i++) pthread_create(&th[i], NULL, printer, (void *)i);
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], &ok);
        CHECK(ok == (void *)1);
    }
    char *out = capture_end(1);
    int lines = 0, next[4] = {0, 0, 0, 0};
    for (char *l = strtok(out, "\n"); l; l = strtok(NULL, "\n"), lines++) {
        int id = -1, n = -1;
        CHECK(sscanf(l, "thread %d %d", &id, &n) == 2 && id >= 0 && id < 4);
        if (id >= 0 && id < 4) CHECK(n == next[id]++);   /* whole lines, in order per thread */
    }
    CHECK(lines == 2000);
    free(out);
}

static void count(ai_value *slot, void *ctx) {
    (void)slot;
    ++*(int *)ctx;
}

static void test_type_sizes(void) {
    ai_value vals[] = {
        STR("abc"),
        STR("\xe4\xb8\xad\xe4\xb8\xad"),
        ai_pow(I(3), I(100)),
        F(1.5),
        ai_tuple_pack((ai_value[]){I(1), I(2), I(3)}, 3),
        ai_const_bytes("xyz", 3),
        exc_new(&ai_exc_KeyError, 0),
        ai_call(ai_builtin("range"), (ai_value[]){I(3)}, 1, 0),
        ai_iter(STR("ab")),
        ai_iter(ai_call(ai_builtin("range"), (ai_value[]){I(3)}, 1, 0)),
    };
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        ai_object *o = ai_obj(vals[i]);
        ai_type *t = ai_type_of_obj(o);
        CHECK(t->gc_size != NULL);
        size_t sz = t->gc_size(o);
        CHECK(sz >= sizeof(ai_object) && sz < 4096);
    }
    CHECK(ai_str_type.gc_size(ai_obj(vals[0])) == sizeof(ai_strobj) + 4);
    CHECK(ai_str_type.gc_size(ai_obj(vals[1])) == sizeof(ai_strobj) + 6);
    CHECK(ai_tuple_type.gc_visit && ai_function_type.gc_visit && ai_builtin_function_type.gc_visit);
    CHECK(ai_exc_ValueError.gc_visit && ai_range_type.gc_visit);
    /* gc_visit sees every value field of a tuple */
    int n = 0;
    ai_tuple_type.gc_visit(ai_obj(vals[4]), count, &n);
    CHECK(n == 3);
}

int main(void) {
    test_bump();
    test_static_and_heaps();
    test_thread();
    test_type_sizes();
    CHECK(exc_pending() == 0);
    CHECK_DONE();
}
