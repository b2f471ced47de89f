/*
 * test_stack.c — green-thread stacks (runtime/sched/stack.c):
 *   - carving: stacks are distinct, aligned, of the configured size, many
 *     per slab, and the slabs add (almost) no memory mappings;
 *   - MAP_NORESERVE: untouched stacks cost no RSS; touched pages do;
 *   - reuse: a freed stack comes back from the cache (LIFO, still warm);
 *   - a stack whose task went deep gives back its deep pages on return;
 *   - cache overflow moves stacks to the shared warm pool (resident,
 *     reusable by another cache); the scavenger releases those older than
 *     its age limit, adjacent stacks coalesced into few madvise calls;
 *   - the main stack: 256 MiB of address space, cheap until touched.
 */
// tsan
#include "sched_stub.c"

#include "sched/stack.h"

static int count_maps(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    int n = 0, c;
    if (!f)
        return -1;
    while ((c = fgetc(f)) != EOF)
        n += c == '\n';
    fclose(f);
    return n;
}

static void touch(char *lo, char *hi)
{
    for (char *p = lo; p < hi; p += 4096)
        *(volatile char *)p = 1;
}

int main(void)
{
    enum { N = 4000 };
    stack_cache_t *cache = calloc(1, sizeof *cache);
    stack_mem_t *s = calloc(N, sizeof *s);
    size_t sz = stack_size();
    CHECK(sz == STACK_DEFAULT_SIZE, "default size %zu", sz);

    /* 1. carving */
    int maps0 = count_maps();
    long rss0 = test_rss_kib();
    for (int i = 0; i < N; i++)
        REQUIRE(stack_alloc(cache, &s[i]), "stack_alloc %d", i);
    long rss1 = test_rss_kib();
    int maps1 = count_maps();
    stack_stats_t st;
    stack_get_stats(&st);
    for (int i = 0; i < N; i++) {
        CHECK((size_t)(s[i].hi - s[i].lo) == sz, "size of %d", i);
        CHECK((uintptr_t)s[i].hi % 4096 == 0 && (uintptr_t)s[i].lo % 4096 == 0, "alignment of %d", i);
        CHECK(s[i].low_water == s[i].hi, "low water of %d", i);
    }
    /* distinct and non-overlapping: sort by address and compare neighbours */
    for (int i = 1; i < N; i++)
        for (int j = i; j > 0 && s[j - 1].lo > s[j].lo; j--) {
            stack_mem_t t = s[j];
            s[j] = s[j - 1];
            s[j - 1] = t;
        }
    for (int i = 1; i < N; i++)
        CHECK(s[i - 1].hi <= s[i].lo, "stacks %d and %d overlap", i - 1, i);
    uint64_t want_slabs = (N + STACK_SLAB_MAX_STACKS - 1) / STACK_SLAB_MAX_STACKS;
    CHECK(st.slabs == want_slabs, "%llu slabs for %d stacks (want %llu)",
          (unsigned long long)st.slabs, N, (unsigned long long)want_slabs);
    /* (sanitizers map and touch shadow memory, keep quarantines: the
     * memory figures are only meaningful without them; the functional
     * checks below hold either way) */
    CHECK(TEST_SANITIZED || maps1 - maps0 <= (int)st.slabs, "%d new mappings for %llu slabs",
          maps1 - maps0, (unsigned long long)st.slabs);

    /* 2. MAP_NORESERVE: 4000 x 256 KiB = 1000 MiB of address space, no RSS */
    CHECK(TEST_SANITIZED || rss1 - rss0 < 2048, "untouched stacks cost %ld KiB of RSS", rss1 - rss0);
    for (int i = 0; i < N; i++)
        touch(s[i].hi - 4096, s[i].hi);
    long rss2 = test_rss_kib();
    long per = (rss2 - rss1) * 1024 / N;
    CHECK(TEST_SANITIZED || (per >= 4096 && per < 4096 + 1024), "one touched page costs %ld bytes", per);
    fprintf(stderr, "stack: %d stacks, %llu slabs, %d new mappings, +%ld KiB untouched, %ld B/stack touched\n",
            N, (unsigned long long)st.slabs, maps1 - maps0, rss1 - rss0, per);

    /* 3. reuse: LIFO through the cache, pages still there */
    stack_mem_t a = s[0];
    a.hi[-8] = 42;
    stack_free(cache, &a);
    stack_mem_t b;
    REQUIRE(stack_alloc(cache, &b), "realloc");
    CHECK(b.lo == a.lo, "cache is not LIFO");
    CHECK(b.hi[-8] == 42, "a cached stack lost its warm top page");
    s[0] = b;

    /* 4. deep excursion: 200 KiB touched, then freed into the cache */
    stack_mem_t d = s[1];
    touch(d.hi - (200 << 10), d.hi);
    d.hi[-8] = 7;
    char *deep = d.hi - (150 << 10);
    *deep = 9;
    d.low_water = d.hi - (200 << 10);
    long rss3 = test_rss_kib();
    stack_free(cache, &d);
    long rss4 = test_rss_kib();
    CHECK(TEST_SANITIZED || rss3 - rss4 >= 150, "deep pages not released: %ld KiB", rss3 - rss4);
    REQUIRE(stack_alloc(cache, &d), "realloc");
    CHECK(d.lo == s[1].lo && d.hi[-8] == 7, "the top of a deep stack was not kept");
    CHECK(*deep == 0, "the deep part of a stack was not given back");
    s[1] = d;

    /* 5. free everything: the cache overflows into the warm pool, still
     * resident, where another worker's cache finds warm stacks; young
     * stacks survive a scavenge; an old-enough one releases them all,
     * coalescing neighbours */
    stack_get_stats(&st);
    uint64_t madv0 = st.madvise_calls;
    for (int i = 0; i < N; i++) {
        s[i].hi[-16] = 5;
        stack_free(cache, &s[i]);
    }
    stack_get_stats(&st);
    CHECK(st.stacks_warm + cache->n == N, "%llu warm + %u cached != %d",
          (unsigned long long)st.stacks_warm, cache->n, N);
    CHECK(st.madvise_calls == madv0, "warm stacks were released");
    stack_cache_t *other = calloc(1, sizeof *other);
    stack_mem_t w;
    REQUIRE(stack_alloc(other, &w), "alloc from the warm pool");
    CHECK(w.hi[-16] == 5, "a warm stack came back cold");
    stack_free(other, &w);
    stack_cache_flush(other);   /* its batch goes to the slabs, released */
    free(other);
    stack_get_stats(&st);
    uint64_t warm = st.stacks_warm;
    stack_pool_scavenge((int64_t)60 * 1000000000);
    stack_get_stats(&st);
    CHECK(st.stacks_warm == warm, "a young warm stack was scavenged");
    stack_cache_flush(cache);
    stack_pool_scavenge(0);
    long rss5 = test_rss_kib();
    stack_get_stats(&st);
    CHECK(st.stacks_warm == 0, "%llu warm after scavenge(0)", (unsigned long long)st.stacks_warm);
    CHECK(TEST_SANITIZED || rss5 - rss0 < 1024, "RSS after freeing all: +%ld KiB", rss5 - rss0);
    CHECK(st.stacks_in_pool == N, "%llu stacks in pool", (unsigned long long)st.stacks_in_pool);
    CHECK(st.madvise_calls - madv0 < N / 8, "%llu madvise calls for %d stacks",
          (unsigned long long)(st.madvise_calls - madv0), N);
    fprintf(stderr, "stack: freed %d stacks with %llu madvise calls, RSS back to +%ld KiB\n", N,
            (unsigned long long)(st.madvise_calls - madv0), rss5 - rss0);

    /* reallocation reuses the pool, carving nothing new */
    uint64_t carved = st.stacks_carved;
    for (int i = 0; i < N; i++)
        REQUIRE(stack_alloc(cache, &s[i]), "stack_alloc again");
    stack_get_stats(&st);
    CHECK(st.stacks_carved == carved, "carved %llu more", (unsigned long long)(st.stacks_carved - carved));
    for (int i = 0; i < N; i++)
        CHECK(s[i].hi[-8] == 0 && s[i].hi[-16] == 0, "a pooled stack was not released");
    for (int i = 0; i < N; i++)
        stack_free(cache, &s[i]);
    stack_cache_flush(cache);

    /* 6. the main stack */
    stack_mem_t m;
    REQUIRE(stack_alloc_main(&m, STACK_MAIN_SIZE), "main stack");
    CHECK((size_t)(m.hi - m.lo) == STACK_MAIN_SIZE, "main size");
    long rss6 = test_rss_kib();
    touch(m.hi - (1 << 20), m.hi);
    touch(m.lo, m.lo + 4096);
    long rss7 = test_rss_kib();
    CHECK(TEST_SANITIZED || rss7 - rss6 < 2048, "main stack: +%ld KiB for 1 MiB touched", rss7 - rss6);
    stack_free_main(&m);

    stack_pool_reset();
    free(s);
    free(cache);
    return test_result("test_stack");
}
