/*
 * tests/runtime/test_gc.c — the collector (gc/gc.h): garbage is freed and
 * its memory reused, so a churning loop runs in bounded memory; what C
 * code holds survives with its contents intact — values and interior
 * pointers in locals, static variables (the data segment), gc_roots_push
 * frames, gc_vals_alloc buffers, static-heap objects; deep structures do
 * not overflow the collector; large objects come and go; finalizers run
 * for the dead only; a released heap gives its chunks back.
 *
 * Run with AITHON_GC_STRESS=N as well: every size scales down then, since
 * each allocation is a full collection.
 */
#include "check.h"
#include "core/alloc.h"
#include "gc/gc.h"

#include <stdlib.h>

static bool stress;
static ai_value keep_global; /* a root through the data segment */


/* Allocate about `bytes` of garbage: short lists, dicts, strs, floats. */
__attribute__((noinline)) static void churn(size_t bytes) {
    size_t made = 0;
    for (int64_t i = 0; made < bytes; i++) {
        ai_value l = list_new(4);
        ai_list_append(l, I(i));
        ai_list_append(l, ai_float_box((double)i / 3));
        ai_value d = dict_new();
        dict_set(d, STR("k"), l);
        ai_value s = ai_str(l);
        CHECK(s != AI_ERR);
        made += 32 + 48 + 16 + 200 + 64;
    }
}

static alloc_heap *heap(void) { return alloc_current_heap(); }

static void test_bounded(void) {
    size_t total = stress ? ((size_t)2 << 20) : ((size_t)400 << 20);
    churn((size_t)1 << 20); /* warm up: the heap exists */
    size_t peak = 0;
    for (size_t done = 0; done < total; done += (size_t)4 << 20) {
        churn(stress ? ((size_t)256 << 10) : ((size_t)4 << 20));
        if (heap()->reserved > peak) peak = heap()->reserved;
    }
    /* Live data is tiny: the heap stays within a few budgets. */
    CHECK(peak <= (size_t)32 << 20);
    size_t live = gc_collect();
    CHECK(live < ((size_t)1 << 20));
}

/* Only an interior pointer to the string's characters survives the call. */
__attribute__((noinline)) static const char *interior(void) {
    ai_value s = STR("an interior pointer keeps its whole string alive");
    return str_data(str_obj(s));
}

__attribute__((noinline)) static ai_value big_dict(int64_t n) {
    ai_value d = dict_new();
    for (int64_t i = 0; i < n; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "key%lld", (long long)i);
        dict_set(d, STR(buf), ai_tuple_pack((ai_value[]){I(i), ai_float_box((double)i)}, 2));
    }
    return d;
}

static bool dict_ok(ai_value d, int64_t n) {
    if (dict_len(d) != n) return false;
    for (int64_t i = 0; i < n; i += 7) {
        char buf[32];
        snprintf(buf, sizeof buf, "key%lld", (long long)i);
        ai_value v;
        if (dict_get(d, STR(buf), &v) != 1) return false;
        ai_tuple *t = tuple_obj(v);
        if (t->len != 2 || t->items[0] != I(i) || float_get(t->items[1]) != (double)i) return false;
    }
    return true;
}

static void test_survivors(void) {
    int64_t n = stress ? 300 : 20000;
    size_t garbage = stress ? ((size_t)64 << 10) : ((size_t)64 << 20);
    volatile ai_value local = big_dict(n); /* on the stack */
    keep_global = big_dict(n);              /* in .bss */
    const char *volatile chars = interior();
    /* malloc'd values: a root frame, and a gc_vals buffer */
    ai_value *frame_slots = calloc(3, sizeof(ai_value));
    gc_rootframe f;
    gc_roots_push(&f, frame_slots, 3); /* before the slots hold values */
    frame_slots[0] = STR("frame 0");
    frame_slots[1] = big_dict(n / 10);
    frame_slots[2] = I(5);
    ai_value *vals = gc_vals_alloc(2);
    vals[0] = STR("in a gc_vals buffer");
    vals[1] = big_dict(n / 10);
    /* a static-heap object pointing into the heap (a module's dict) */
    ai_value mod = ai_import("math");
    CHECK(mod != AI_ERR);
    CHECK(ai_setattr(mod, ai_const_str("gc_test_attr", 12), big_dict(50)) == 0);

    churn(garbage);
    gc_collect();
    churn(garbage);

    CHECK(dict_ok(local, n));
    CHECK(dict_ok(keep_global, n));
    CHECK(strcmp(chars, "an interior pointer keeps its whole string alive") == 0);
    CHECK_STREQ(S(frame_slots[0]), "frame 0");
    CHECK(dict_ok(frame_slots[1], n / 10) && frame_slots[2] == I(5));
    CHECK_STREQ(S(vals[0]), "in a gc_vals buffer");
    CHECK(dict_ok(vals[1], n / 10));
    ai_value back = ai_getattr(mod, ai_const_str("gc_test_attr", 12));
    CHECK(back != AI_ERR && dict_ok(back, 50));
    gc_roots_pop(&f);
    free(frame_slots);
    gc_vals_free(vals);
    keep_global = 0;
}

/* A chain of a million tuples: marking must not recurse. */
__attribute__((noinline)) static ai_value chain(int64_t n) {
    ai_value t = AI_NONE;
    for (int64_t i = 0; i < n; i++) t = ai_tuple_pack((ai_value[]){I(i), t}, 2);
    return t;
}

static void test_deep(void) {
    int64_t n = stress ? 2000 : 1000000;
    volatile ai_value t = chain(n);
    gc_collect();
    churn(stress ? 4096 : ((size_t)8 << 20));
    int64_t i = n - 1;
    bool ok = true;
    for (ai_value p = t; p != AI_NONE; p = tuple_obj(p)->items[1], i--)
        if (tuple_obj(p)->items[0] != I(i)) ok = false;
    CHECK(ok && i == -1);
    t = AI_NONE; /* a stale stack slot would keep the chain (conservative roots) */
}

/* Large objects (their own chunks): freed when dropped. */
__attribute__((noinline)) static void large_garbage(int n) {
    for (int i = 0; i < n; i++) {
        ai_value l = list_new(40000); /* a 320 KB item buffer */
        for (int j = 0; j < 40000; j += 1000) ai_list_append(l, I(j));
    }
}

static void test_large(void) {
    volatile ai_value keep = list_new(100000);
    for (int i = 0; i < 100000; i++) ai_list_append(keep, I(i));
    large_garbage(stress ? 4 : 300);
    gc_collect();
    CHECK(heap()->reserved < ((size_t)24 << 20));
    bool ok = list_obj(keep)->len == 100000;
    for (int i = 0; i < 100000 && ok; i++) ok = list_obj(keep)->items[i] == I(i);
    CHECK(ok);
}

static int finalized;
static void fin(ai_object *o) {
    (void)o;
    finalized++;
}

__attribute__((noinline)) static void make_finalizable(int n, ai_value *keep) {
    for (int i = 0; i < n; i++) {
        ai_value l = list_new(0);
        CHECK(gc_finalizer_add(ai_obj(l), fin) == 0);
        if (i == 0) *keep = l;
    }
}

static void test_finalizers(void) {
    ai_value *keep = gc_vals_alloc(1);
    int n = stress ? 50 : 1000;
    make_finalizable(n, keep);
    churn(stress ? 4096 : ((size_t)1 << 20)); /* overwrite stale stack words */
    gc_collect();
    /* All but the kept one die; a stale stack word may keep one or two. */
    CHECK(finalized >= n - 3 && finalized <= n - 1);
    int before = finalized;
    gc_vals_free(keep);
    churn(4096);
    gc_collect();
    CHECK(finalized >= before); /* the kept one may go now */
}

static void test_release(void) {
    static alloc_heap other;
    alloc_heap *mine = heap();
    alloc_heap_leave(mine);
    alloc_heap_enter(&other);
    ai_value d = big_dict(100);
    CHECK(dict_ok(d, 100));
    gc_collect();
    CHECK(dict_ok(d, 100) && other.reserved > 0);
    alloc_heap_leave(&other);
    alloc_heap_release(&other);
    CHECK(other.reserved == 0 && other.chunks == NULL);
    alloc_heap_enter(mine);
}

static int count_mappings(void) {
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f) return 0;
    int c, n = 0;
    while ((c = fgetc(f)) != EOF) n += c == '\n';
    fclose(f);
    return n;
}

/* Live heaps must not cost a kernel mapping each: Linux caps a process
 * at vm.max_map_count (65530 by default) and 65,000 live actors would
 * exhaust it. Single chunks are carved from shared arenas, so N heaps
 * need about N/64 new mappings. */
static void test_many_heaps(void) {
    enum { N = 4000 };
    int before = count_mappings();
    alloc_heap **hs = calloc(N, sizeof *hs);
    alloc_heap *mine = heap();
    alloc_heap_leave(mine);
    int ok = 0;
    for (int i = 0; i < N; i++) {
        hs[i] = alloc_heap_new();
        if (!hs[i]) break;
        alloc_heap_enter(hs[i]);
        ai_value l = ai_list_new(NULL, 0);
        alloc_heap_leave(hs[i]);
        if (l) ok++;
    }
    CHECK(ok == N);
    CHECK(count_mappings() - before < N / 8);
    for (int i = 0; i < N && hs[i]; i++) alloc_heap_free(hs[i]);
    free(hs);
    alloc_heap_enter(mine);
}

int main(void) {
    stress = getenv("AITHON_GC_STRESS") != NULL;
    test_bounded();
    test_survivors();
    test_deep();
    test_large();
    test_finalizers();
    test_release();
    test_many_heaps();
    CHECK(exc_pending() == 0);
    CHECK_DONE();
}
