/*
 * tests/runtime/test_gc_gen.c — the generational half of the collector
 * (gc/gc.h): survivors of any collection are old; a minor collection
 * frees young garbage without touching the old generation; a young object
 * stored into an old one survives a minor collection through the write
 * barrier and the remembered set; a store that skips the barrier is caught
 * by the verifier; young large objects and young finalizable objects die
 * in minor collections; the old generation grows until a major collection
 * by the growth factor, not at every nursery.
 *
 * Runs with AITHON_GC_STRESS=N too (sizes scale down).
 */
#include "check.h"
#include "core/alloc.h"
#include "gc/gc.h"
#include "gc/gcint.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static bool stress;

static alloc_heap *heap(void) { return alloc_current_heap(); }
static bool is_old(ai_value v) { return (ai_obj(v)->hdr & AI_HDR_OLD) != 0; }

/* A young str with known contents, made in a frame of its own so that no
 * stack word of the caller keeps it. */
__attribute__((noinline)) static ai_value fresh_str(int64_t i) {
    ai_value n = ai_int_from_i64(i * 7919);
    return ai_str(n);
}

/* Garbage: lists, dicts, strs and floats that die at once. */
__attribute__((noinline)) static void churn(size_t bytes) {
    size_t made = 0;
    for (int64_t i = 0; made < bytes; i++) {
        ai_value l = list_new(2);
        ai_list_append(l, ai_float_box((double)i));
        ai_value d = dict_new();
        dict_set(d, fresh_str(i), l);
        made += 32 + 48 + 16 + 200 + 48;
    }
}

static void test_survivors_are_old(void) {
    volatile ai_value l = list_new(0);
    CHECK(!is_old(l));
    gc_collect_minor();
    CHECK(is_old(l));
    volatile ai_value d = dict_new();
    gc_collect();
    CHECK(is_old(d));
}

/* Store young values into an old list, through the API (which has the
 * barrier), in a frame that keeps nothing else. */
__attribute__((noinline)) static void fill(ai_value old_list, int64_t n) {
    for (int64_t i = 0; i < n; i++) ai_list_append(old_list, fresh_str(i));
}

static bool filled_ok(ai_value l, int64_t n) {
    if (list_obj(l)->len != n) return false;
    for (int64_t i = 0; i < n; i++) {
        ai_value want = fresh_str(i), got = list_obj(l)->items[i];
        if (!got || (got & 1) || obj_eq(got, want) != 1) return false;
    }
    return true;
}

static void test_remembered(void) {
    volatile ai_value keep = list_new(0);
    gc_collect(); /* keep is old now */
    CHECK(is_old(keep));
    int64_t n = stress ? 50 : 5000;
    uint64_t majors = heap()->nmajor;
    fill(keep, n);
    churn(stress ? 8192 : ((size_t)4 << 20)); /* minor collections */
    gc_collect_minor();
    CHECK(heap()->nmajor == majors || stress);
    CHECK(filled_ok(keep, n));
    /* The same through a dict (the barrier's holder is its keys block). */
    volatile ai_value d = dict_new();
    gc_collect();
    for (int64_t i = 0; i < n; i++) dict_set(d, fresh_str(i), fresh_str(-i));
    churn(stress ? 8192 : ((size_t)4 << 20));
    gc_collect_minor();
    bool ok = dict_len(d) == n;
    for (int64_t i = 0; i < n && ok; i++) {
        ai_value v = 0;
        ok = dict_get(d, fresh_str(i), &v) == 1 && obj_eq(v, fresh_str(-i)) == 1;
    }
    CHECK(ok);
}

/* Minor collections free young garbage: the old generation does not grow,
 * and no major collection is needed for a churn with no survivors. */
static void test_minor_frees(void) {
    gc_collect();
    size_t old0 = heap()->old_bytes;
    uint64_t majors = heap()->nmajor, minors = heap()->nminor;
    size_t total = stress ? ((size_t)256 << 10) : ((size_t)200 << 20);
    churn(total);
    CHECK(heap()->nminor > minors);
    if (!stress) {
        CHECK(heap()->nmajor == majors);
        CHECK(heap()->old_bytes < old0 + ((size_t)2 << 20));
        CHECK(heap()->reserved < ((size_t)16 << 20));
    }
}

/* The old generation is not traced by a minor collection: a big old
 * structure stays intact (and unmarked) while minors run. */
static void test_old_untouched(void) {
    int64_t n = stress ? 200 : 200000;
    volatile ai_value big = list_new(0);
    for (int64_t i = 0; i < n; i++) ai_list_append(big, ai_float_box((double)i));
    gc_collect();
    churn(stress ? 4096 : ((size_t)8 << 20));
    gc_collect_minor();
    bool ok = list_obj(big)->len == n;
    for (int64_t i = 0; i < n && ok; i++) ok = ((ai_float *)ai_obj(list_obj(big)->items[i]))->value == (double)i;
    CHECK(ok);
}

/* Young large objects die in a minor collection. */
__attribute__((noinline)) static void large_young(int n) {
    for (int i = 0; i < n; i++) CHECK(list_new(20000) != AI_ERR); /* 160 KB item buffers */
}

static void test_large(void) {
    gc_collect();
    large_young(stress ? 3 : 200);
    gc_collect_minor();
    CHECK(heap()->large_young == NULL);
    CHECK(heap()->reserved < ((size_t)24 << 20));
}

static int finalized;
static void fin(ai_object *o) {
    (void)o;
    finalized++;
}

__attribute__((noinline)) static void make_finalizable(int n) {
    for (int i = 0; i < n; i++) CHECK(gc_finalizer_add(ai_obj(list_new(0)), fin) == 0);
}

static void test_finalizers(void) {
    volatile ai_value old = list_new(0);
    CHECK(gc_finalizer_add(ai_obj(old), fin) == 0);
    gc_collect();
    finalized = 0;
    make_finalizable(stress ? 20 : 500);
    churn(stress ? 4096 : ((size_t)1 << 20));
    gc_collect_minor();
    /* The young ones die (a stale stack word may keep one or two); the
     * old one lives on: a minor collection never finalizes it. */
    int n = stress ? 20 : 500;
    CHECK(finalized >= n - 3 && finalized <= n);
    CHECK(is_old(old));
}

/* A store that skips the barrier is caught by the verifier (in a child
 * process: the collector aborts). */
static void test_verifier(void) {
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd >= 0) dup2(fd, 2);
        gc_cfg.verify = true;
        volatile ai_value l = list_new(1);
        ai_list_append(l, I(1));
        gc_collect();
        list_obj(l)->items[0] = fresh_str(1); /* no barrier */
        gc_collect_minor();
        _exit(0); /* not caught: the test fails */
    }
    int status = 0;
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}

/* The old generation grows by promotion until a major collection. */
__attribute__((noinline)) static void promote(ai_value into, int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        ai_list_append(into, fresh_str(i));
        if (i % 1000 == 0) gc_collect_minor();
    }
}

static void test_major_trigger(void) {
    if (stress) return;
    volatile ai_value keep = list_new(0);
    gc_collect();
    uint64_t majors = heap()->nmajor;
    promote(keep, 400000); /* ~20 MB promoted: past the floor */
    CHECK(heap()->nmajor > majors);
    CHECK(heap()->old_bytes < heap()->major_at);
    CHECK(filled_ok(keep, 400000));
}

/* A major that reclaims almost nothing (the live data grows) sets the
 * next one at GC_MAJOR_FACTOR_GROWING times its survivors, not twice:
 * tracing everything again at each doubling would find nothing either. */
static void test_major_growing(void) {
    if (stress) return;
    volatile ai_value keep = list_new(0);
    promote(keep, 400000);
    gc_collect();
    gc_collect(); /* everything it traces is kept */
    CHECK(heap()->major_at == heap()->old_bytes * GC_MAJOR_FACTOR_GROWING);
    CHECK(filled_ok(keep, 400000));
}

int main(void) {
    stress = getenv("AITHON_GC_STRESS") != NULL;
    gc_settings_init();
    if (gc_cfg.no_minor || !gc_cfg.enabled) {
        printf("test_gc_gen: minor collections are off; nothing to test\n");
        return 0;
    }
    test_survivors_are_old();
    test_remembered();
    test_minor_frees();
    test_old_untouched();
    test_large();
    test_finalizers();
    test_verifier();
    test_major_trigger();
    test_major_growing();
    CHECK(exc_pending() == 0);
    CHECK_DONE();
}
