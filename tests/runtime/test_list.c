/*
 * tests/runtime/test_list.c — the list type: displays and the building
 * ABI (ai_list_new/append/extend/to_tuple), every method, operators
 * (+, *, +=, *=, comparisons, `in`), subscripts with ints and slices
 * (get, set, del, extended slices), iteration and mutation during it,
 * repr with recursion, unpacking (ai_unpack / ai_unpack_ex), and
 * list.sort: stability, keys, reverse, big and patterned inputs that
 * exercise galloping, errors mid-sort and mutation during a sort.
 * Expected text from CPython 3.11.
 */
#include "check.h"
#include "gc/gc.h"

#include <stdarg.h>
#include <stdlib.h>

static ai_value L(int n, ...) {
    ai_value items[64];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) items[i] = va_arg(ap, ai_value);
    va_end(ap);
    return ai_list_new(items, n);
}

static ai_value T(int n, ...) {
    ai_value items[64];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) items[i] = va_arg(ap, ai_value);
    va_end(ap);
    return ai_tuple_pack(items, n);
}

/* o.name(args...) */
static ai_value M(ai_value o, const char *name, int n, ...) {
    ai_value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) args[i] = va_arg(ap, ai_value);
    va_end(ap);
    return ai_call_method(o, STR(name), args, n, 0, NULL);
}

/* builtin(args...) */
static ai_value B(const char *name, int n, ...) {
    ai_value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) args[i] = va_arg(ap, ai_value);
    va_end(ap);
    return ai_call(ai_builtin(name), args, n, 0);
}

/* o.name(**{k: v}) with one keyword */
static ai_value MK(ai_value o, const char *name, const char *k, ai_value v) {
    return ai_call_method(o, STR(name), &v, 0, T(1, STR(k)), NULL);
}

static ai_value SL(ai_value a, ai_value b, ai_value c) { return ai_slice_new(a, b, c); }
#define N AI_NONE

static const char *setitem_r(ai_value o, ai_value k, ai_value v) {
    int32_t rc = v ? ai_setitem(o, k, v) : ai_delitem(o, k);
    if (rc < 0) return check_err_text();
    return R(o);
}

static ai_value range_list(int64_t a, int64_t b) { return B("list", 1, B("range", 2, I(a), I(b))); }

/* ---- sort helpers --------------------------------------------------------- */

static uint64_t rng_state = 88172645463325252ULL;
static uint64_t rng(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Key function: item[0] (pairs (key, original index)). */
static ai_value key_first(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self, (void)nargs, (void)kw;
    return tuple_obj(args[0])->items[0];
}

/* Sorted by key, and equal keys keep their original order. */
static bool sorted_stable(ai_value l, bool reverse) {
    ai_list *x = list_obj(l);
    for (int64_t i = 1; i < x->len; i++) {
        ai_tuple *a = tuple_obj(x->items[i - 1]), *b = tuple_obj(x->items[i]);
        int64_t ka = ai_smallint_get(a->items[0]), kb = ai_smallint_get(b->items[0]);
        int64_t ia = ai_smallint_get(a->items[1]), ib = ai_smallint_get(b->items[1]);
        if (reverse ? ka < kb : ka > kb) return false;
        if (ka == kb && ia > ib) return false;
    }
    return true;
}

/* A list of n pairs (key, index) with keys from gen. */
static ai_value pairs(int64_t n, int64_t (*gen)(int64_t i, int64_t n)) {
    ai_value l = list_new(n);
    for (int64_t i = 0; i < n; i++) ai_list_append(l, T(2, I(gen(i, n)), I(i)));
    return l;
}

static int64_t g_random(int64_t i, int64_t n) {
    (void)i;
    return (int64_t)(rng() % (uint64_t)(n / 3 + 1));
}
static int64_t g_sorted(int64_t i, int64_t n) {
    (void)n;
    return i / 2;
}
static int64_t g_desc(int64_t i, int64_t n) { return n - i; }
static int64_t g_saw(int64_t i, int64_t n) {
    (void)n;
    return i % 1000;
}
static int64_t g_few(int64_t i, int64_t n) {
    (void)i, (void)n;
    return (int64_t)(rng() % 4);
}
/* Two interleaved sorted halves with long stretches: galloping. */
static int64_t g_blocks(int64_t i, int64_t n) {
    return i < n / 2 ? (i / 500) * 1000 + i % 500 : ((i - n / 2) / 500) * 1000 + 500 + i % 500;
}
static int64_t g_runs(int64_t i, int64_t n) {
    (void)n;
    int64_t run = i / 97;
    return run % 2 ? 100000 - i : i * 3 % 7919;
}

static void sort_case(int64_t n, int64_t (*gen)(int64_t, int64_t), bool reverse) {
    ai_value l = pairs(n, gen);
    ai_value key = call_builtin_new("key_first", key_first, 0);
    ai_value args[2] = {key, ai_bool(reverse)};
    ai_value r = ai_call_method(l, STR("sort"), args, 0, T(2, STR("key"), STR("reverse")), NULL);
    CHECK(r == AI_NONE);
    CHECK(list_obj(l)->len == n);
    CHECK(sorted_stable(l, reverse));
}

/* Plain ints, no key: compare against a counting check. */
static void sort_ints(int64_t n, int64_t mod) {
    ai_value l = list_new(n);
    int64_t *count = calloc((size_t)mod, sizeof *count);
    for (int64_t i = 0; i < n; i++) {
        int64_t v = (int64_t)(rng() % (uint64_t)mod);
        count[v]++;
        ai_list_append(l, I(v));
    }
    CHECK(M(l, "sort", 0) == AI_NONE);
    ai_list *x = list_obj(l);
    bool ok = true;
    for (int64_t i = 0; i < n; i++) {
        int64_t v = ai_smallint_get(x->items[i]);
        if (i > 0 && ai_smallint_get(x->items[i - 1]) > v) ok = false;
        count[v]--;
    }
    for (int64_t v = 0; v < mod; v++)
        if (count[v]) ok = false;
    CHECK(ok);
    free(count);
}

/* Floats and strs take the direct-comparison paths. */
static void sort_floats_strs(void) {
    ai_value l = list_new(0);
    for (int i = 0; i < 300; i++) ai_list_append(l, F((double)(int64_t)(rng() % 1000) / 8.0));
    CHECK(M(l, "sort", 0) == AI_NONE);
    bool ok = true;
    for (int64_t i = 1; i < 300; i++)
        if (float_get(list_obj(l)->items[i - 1]) > float_get(list_obj(l)->items[i])) ok = false;
    CHECK(ok);
    ai_value s =
        L(5, STR("pear"), STR("apple"), STR("\xc3\xa9t\xc3\xa9"), STR("Zebra"), STR("app"));
    CHECK_STREQ(R(B("sorted", 1, s)), "['Zebra', 'app', 'apple', 'pear', '\xc3\xa9t\xc3\xa9']");
    CHECK_STREQ(R(B("sorted", 1, L(4, F(2.5), I(1), ai_bool(true), F(-0.5)))),
                "[-0.5, 1, True, 2.5]");
}

/* A key function that appends to the list being sorted. */
static ai_value sort_target;
static ai_value key_mutate(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self, (void)nargs, (void)kw;
    ai_list_append(sort_target, I(99));
    return args[0];
}
static ai_value key_peek_len(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self, (void)nargs, (void)kw, (void)args;
    return I(list_obj(sort_target)->len); /* 0 while sorting */
}
static int key_raise_calls;
static ai_value key_raise(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self, (void)nargs, (void)kw;
    if (++key_raise_calls == 3) return ai_raise_msg(&ai_exc_ValueError, "bad key");
    return args[0];
}

static void sort_errors(void) {
    /* Uncomparable items: CPython's message and operand order. */
    CHECK_STREQ(R(M(L(4, I(3), I(1), STR("a"), I(2)), "sort", 0)),
                "!TypeError: '<' not supported between instances of 'str' and 'int'");
    ai_value l = L(4, I(3), I(1), STR("a"), I(2));
    M(l, "sort", 0);
    check_err_text();
    CHECK_STREQ(R(l), "[3, 1, 'a', 2]");
    /* An error deep inside merging leaves a permutation of the items. */
    ai_value big = list_new(0);
    for (int i = 0; i < 2000; i++) ai_list_append(big, I((int64_t)(rng() % 500)));
    ai_value x = STR("x");
    list_obj(big)->items[1500] = x;
    gc_barrier(list_obj(big), x); /* a raw store: the barrier is ours to make */
    CHECK(M(big, "sort", 0) == AI_ERR);
    check_err_text();
    int strs = 0;
    for (int64_t i = 0; i < list_obj(big)->len; i++) strs += str_check(list_obj(big)->items[i]);
    CHECK(list_obj(big)->len == 2000 && strs == 1);
    /* Mutation during the sort. */
    sort_target = L(3, I(3), I(1), I(2));
    CHECK_STREQ(R(MK(sort_target, "sort", "key", call_builtin_new("k", key_mutate, 0))),
                "!ValueError: list modified during sort");
    CHECK_STREQ(R(sort_target), "[1, 2, 3]");
    sort_target = L(3, I(3), I(1), I(2));
    CHECK(MK(sort_target, "sort", "key", call_builtin_new("k", key_peek_len, 0)) == AI_NONE);
    CHECK_STREQ(R(sort_target), "[3, 1, 2]"); /* all keys 0: stable */
    /* A key that raises leaves the list as it was. */
    ai_value l2 = L(4, I(4), I(3), I(2), I(1));
    key_raise_calls = 0;
    CHECK_STREQ(R(MK(l2, "sort", "key", call_builtin_new("k", key_raise, 0))),
                "!ValueError: bad key");
    CHECK_STREQ(R(l2), "[4, 3, 2, 1]");
    /* Arguments. */
    CHECK_STREQ(R(M(L(0), "sort", 1, I(1))), "!TypeError: sort() takes no positional arguments");
    CHECK_STREQ(R(MK(L(0), "sort", "foo", I(1))),
                "!TypeError: 'foo' is an invalid keyword argument for sort()");
    CHECK_STREQ(R(MK(L(0), "sort", "reverse", F(1.0))),
                "!TypeError: 'float' object cannot be interpreted as an integer");
    CHECK_STREQ(R(MK(L(0), "sort", "reverse", N)),
                "!TypeError: 'NoneType' object cannot be interpreted as an integer");
    CHECK_STREQ(R(MK(L(1, I(1)), "sort", "key", I(1))), "!TypeError: 'int' object is not callable");
    ai_value l3 = L(5, I(3), I(1), I(2), I(1), I(5));
    CHECK(MK(l3, "sort", "reverse", ai_bool(true)) == AI_NONE);
    CHECK_STREQ(R(l3), "[5, 3, 2, 1, 1]");
    ai_value l4 = L(4, STR("bb"), STR("a"), STR("cc"), STR("d"));
    CHECK(MK(l4, "sort", "key", ai_builtin("len")) == AI_NONE);
    CHECK_STREQ(R(l4), "['a', 'd', 'bb', 'cc']");
}

static void test_sort(void) {
    int64_t (*gens[])(int64_t, int64_t) = {g_random, g_sorted, g_desc, g_saw,
                                           g_few,    g_blocks, g_runs};
    int64_t sizes[] = {0, 1, 2, 3, 17, 63, 64, 65, 200, 1000, 5000, 40000};
    /* Under AITHON_GC_STRESS every allocation is a full collection: the
     * 40000-item cases would take minutes (quadratic), so stop at 5000. */
    size_t nsizes = sizeof sizes / sizeof sizes[0] - (getenv("AITHON_GC_STRESS") ? 1 : 0);
    for (size_t g = 0; g < sizeof gens / sizeof gens[0]; g++)
        for (size_t s = 0; s < nsizes; s++) {
            sort_case(sizes[s], gens[g], false);
            sort_case(sizes[s], gens[g], true);
        }
    sort_ints(100000, 1000);
    sort_ints(3000, 3);
    sort_floats_strs();
    sort_errors();
}

/* ---- the rest ----------------------------------------------------------------- */

static void test_basics(void) {
    ai_value a = L(3, I(1), STR("a"), N);
    CHECK_STREQ(R(a), "[1, 'a', None]");
    CHECK_STREQ(R(L(0)), "[]");
    CHECK_STREQ(S(L(2, STR("x"), F(1.5))), "['x', 1.5]");
    CHECK(ai_list_append(a, T(1, I(2))) == 0);
    CHECK_STREQ(R(a), "[1, 'a', None, (2,)]");
    CHECK(ai_list_extend(a, STR("bc")) == 0);
    CHECK_STREQ(R(a), "[1, 'a', None, (2,), 'b', 'c']");
    CHECK(ai_list_extend(a, I(3)) == -1);
    CHECK_STREQ(check_err_text(), "!TypeError: 'int' object is not iterable");
    CHECK_STREQ(R(ai_list_to_tuple(L(2, I(1), I(2)))), "(1, 2)");
    ai_value self = L(2, I(1), I(2));
    CHECK(ai_list_extend(self, self) == 0);
    CHECK_STREQ(R(self), "[1, 2, 1, 2]");
    /* growth over many appends */
    ai_value g = list_new(0);
    for (int i = 0; i < 10000; i++) ai_list_append(g, I(i));
    CHECK(list_obj(g)->len == 10000 && ai_smallint_get(list_obj(g)->items[9999]) == 9999);
    CHECK_STREQ(R(B("len", 1, g)), "10000");
    /* the type */
    CHECK_STREQ(R(B("list", 0)), "[]");
    CHECK_STREQ(R(B("list", 1, STR("abc"))), "['a', 'b', 'c']");
    CHECK_STREQ(R(B("list", 1, B("range", 1, I(3)))), "[0, 1, 2]");
    CHECK_STREQ(R(B("list", 1, T(2, I(1), I(2)))), "[1, 2]");
    CHECK_STREQ(R(B("list", 2, I(1), I(2))), "!TypeError: list expected at most 1 argument, got 2");
    CHECK_STREQ(R(B("list", 1, I(5))), "!TypeError: 'int' object is not iterable");
    CHECK_STREQ(R(B("list", 1, B("range", 1, ai_pow(I(10), I(20))))),
                "!OverflowError: Python int too large to convert to C ssize_t");
    CHECK_STREQ(R(B("tuple", 1, B("range", 1, ai_pow(I(10), I(20))))),
                "!OverflowError: Python int too large to convert to C ssize_t");
    CHECK_STREQ(R(M(L(0), "extend", 1, B("range", 1, ai_pow(I(10), I(20))))),
                "!OverflowError: Python int too large to convert to C ssize_t");
    CHECK_STREQ(R(ai_call(ai_builtin("list"), (ai_value[]){I(1)}, 0, T(1, STR("x")))),
                "!TypeError: list() takes no keyword arguments");
    CHECK_STREQ(R(ai_getattr(L(0), STR("__class__"))), "<class 'list'>");
    CHECK_STREQ(R(B("type", 1, L(0))), "<class 'list'>");
    CHECK_STREQ(R(B("hash", 1, L(0))), "!TypeError: unhashable type: 'list'");
    CHECK(ai_truthy(L(0)) == 0 && ai_truthy(L(1, I(0))) == 1);
    /* repr with recursion */
    ai_value r = L(1, I(1));
    ai_list_append(r, r);
    CHECK_STREQ(R(r), "[1, [...]]");
    ai_value r2 = L(1, I(1));
    ai_value t = T(1, r2);
    ai_list_append(r2, t);
    CHECK_STREQ(R(T(2, r2, t)), "([1, ([...],)], ([1, (...)],))");
    CHECK_STREQ(R(L(2, L(0), L(1, L(0)))), "[[], [[]]]");
}

static void test_methods(void) {
    ai_value a = L(3, I(1), I(2), I(3));
    CHECK_STREQ(R(M(a, "insert", 2, I(-10), I(0))), "None");
    M(a, "insert", 2, I(100), I(9));
    M(a, "insert", 2, I(-1), I(8));
    CHECK_STREQ(R(a), "[0, 1, 2, 3, 8, 9]");
    CHECK_STREQ(R(M(a, "pop", 0)), "9");
    CHECK_STREQ(R(M(a, "pop", 1, I(0))), "0");
    CHECK_STREQ(R(M(a, "pop", 1, I(-4))), "1");
    CHECK_STREQ(R(M(a, "pop", 1, ai_bool(true))), "3");
    CHECK_STREQ(R(a), "[2, 8]");
    CHECK_STREQ(R(M(a, "pop", 1, I(5))), "!IndexError: pop index out of range");
    CHECK_STREQ(R(M(L(0), "pop", 0)), "!IndexError: pop from empty list");
    CHECK_STREQ(R(M(a, "pop", 1, STR("a"))),
                "!TypeError: 'str' object cannot be interpreted as an integer");
    CHECK_STREQ(R(M(a, "pop", 2, I(1), I(2))),
                "!TypeError: pop expected at most 1 argument, got 2");
    ai_value b = L(5, I(1), I(2), I(3), I(2), F(2.0));
    CHECK_STREQ(R(M(b, "count", 1, I(2))), "3");
    CHECK_STREQ(R(M(b, "index", 1, I(2))), "1");
    CHECK_STREQ(R(M(b, "index", 2, I(2), I(2))), "3");
    CHECK_STREQ(R(M(b, "index", 2, I(2), I(-1))), "4");
    CHECK_STREQ(R(M(b, "index", 3, I(2), I(0), I(1))), "!ValueError: 2 is not in list");
    CHECK_STREQ(R(M(b, "index", 1, STR("2"))), "!ValueError: '2' is not in list");
    CHECK_STREQ(R(M(b, "index", 2, I(1), STR("a"))),
                "!TypeError: slice indices must be integers or have an __index__ method");
    CHECK_STREQ(R(M(b, "index", 0)), "!TypeError: index expected at least 1 argument, got 0");
    CHECK_STREQ(R(M(b, "index", 4, I(1), I(1), I(1), I(1))),
                "!TypeError: index expected at most 3 arguments, got 4");
    CHECK_STREQ(R(M(b, "index", 2, I(1), ai_pow(I(10), I(30)))), "!ValueError: 1 is not in list");
    CHECK_STREQ(R(M(b, "remove", 1, I(2))), "None");
    CHECK_STREQ(R(b), "[1, 3, 2, 2.0]");
    CHECK_STREQ(R(M(b, "remove", 1, I(7))), "!ValueError: list.remove(x): x not in list");
    CHECK_STREQ(R(M(b, "reverse", 0)), "None");
    CHECK_STREQ(R(b), "[2.0, 2, 3, 1]");
    ai_value c = M(b, "copy", 0);
    CHECK(c != b);
    CHECK_STREQ(R(c), "[2.0, 2, 3, 1]");
    CHECK_STREQ(R(M(b, "clear", 0)), "None");
    CHECK_STREQ(R(b), "[]");
    CHECK_STREQ(R(c), "[2.0, 2, 3, 1]");
    CHECK_STREQ(R(M(c, "extend", 1, B("range", 1, I(2)))), "None");
    CHECK_STREQ(R(c), "[2.0, 2, 3, 1, 0, 1]");
    /* argument errors */
    CHECK_STREQ(R(M(c, "append", 0)),
                "!TypeError: list.append() takes exactly one argument (0 given)");
    CHECK_STREQ(R(MK(c, "append", "x", I(1))),
                "!TypeError: list.append() takes no keyword arguments");
    CHECK_STREQ(R(M(c, "extend", 2, I(1), I(2))),
                "!TypeError: list.extend() takes exactly one argument (2 given)");
    CHECK_STREQ(R(M(c, "insert", 1, I(1))), "!TypeError: insert expected 2 arguments, got 1");
    CHECK_STREQ(R(MK(c, "insert", "x", I(1))),
                "!TypeError: list.insert() takes no keyword arguments");
    CHECK_STREQ(R(M(c, "insert", 2, STR("a"), I(1))),
                "!TypeError: 'str' object cannot be interpreted as an integer");
    CHECK_STREQ(R(M(c, "remove", 0)),
                "!TypeError: list.remove() takes exactly one argument (0 given)");
    CHECK_STREQ(R(M(c, "clear", 1, I(1))), "!TypeError: list.clear() takes no arguments (1 given)");
    CHECK_STREQ(R(M(c, "count", 0)),
                "!TypeError: list.count() takes exactly one argument (0 given)");
    CHECK_STREQ(R(M(c, "reverse", 1, I(1))),
                "!TypeError: list.reverse() takes no arguments (1 given)");
    CHECK_STREQ(R(M(c, "copy", 1, I(1))), "!TypeError: list.copy() takes no arguments (1 given)");
    CHECK_STREQ(R(M(c, "nope", 0)), "!AttributeError: 'list' object has no attribute 'nope'");
    /* unbound: list.append(l, x) */
    ai_value ub = ai_getattr(ai_builtin("list"), STR("append"));
    ai_value l = L(0);
    CHECK_STREQ(R(ai_call(ub, (ai_value[]){l, I(5)}, 2, 0)), "None");
    CHECK_STREQ(R(l), "[5]");
}

static void test_operators(void) {
    ai_value a = L(2, I(1), I(2)), b = L(1, STR("x"));
    CHECK_STREQ(R(ai_add(a, b)), "[1, 2, 'x']");
    CHECK_STREQ(R(ai_add(a, I(1))), "!TypeError: can only concatenate list (not \"int\") to list");
    CHECK_STREQ(R(ai_add(a, T(1, I(1)))),
                "!TypeError: can only concatenate list (not \"tuple\") to list");
    CHECK_STREQ(R(ai_add(I(1), a)),
                "!TypeError: unsupported operand type(s) for +: 'int' and 'list'");
    CHECK_STREQ(R(ai_mul(a, I(3))), "[1, 2, 1, 2, 1, 2]");
    CHECK_STREQ(R(ai_mul(I(2), a)), "[1, 2, 1, 2]");
    CHECK_STREQ(R(ai_mul(a, I(0))), "[]");
    CHECK_STREQ(R(ai_mul(a, I(-3))), "[]");
    CHECK_STREQ(R(ai_mul(a, ai_bool(true))), "[1, 2]");
    CHECK_STREQ(R(ai_mul(a, STR("a"))),
                "!TypeError: can't multiply sequence by non-int of type 'str'");
    CHECK_STREQ(R(ai_mul(a, F(2.0))),
                "!TypeError: can't multiply sequence by non-int of type 'float'");
    CHECK_STREQ(R(ai_mul(a, ai_pow(I(10), I(30)))),
                "!OverflowError: cannot fit 'int' into an index-sized integer");
    CHECK_STREQ(R(ai_mul(L(1, I(0)), I((int64_t)1 << 50))), "!MemoryError");
    /* in place: the same object */
    ai_value c = L(1, I(1));
    ai_value r = ai_inplace(c, STR("ab"), AI_OP_ADD);
    CHECK(r == c);
    CHECK_STREQ(R(c), "[1, 'a', 'b']");
    r = ai_inplace(c, T(1, I(2)), AI_OP_ADD);
    CHECK(r == c);
    CHECK_STREQ(R(ai_inplace(c, I(5), AI_OP_ADD)), "!TypeError: 'int' object is not iterable");
    r = ai_inplace(c, I(2), AI_OP_MUL);
    CHECK(r == c);
    CHECK_STREQ(R(c), "[1, 'a', 'b', 2, 1, 'a', 'b', 2]");
    CHECK_STREQ(R(ai_inplace(c, STR("x"), AI_OP_MUL)),
                "!TypeError: can't multiply sequence by non-int of type 'str'");
    CHECK_STREQ(R(ai_inplace(c, ai_pow(I(10), I(30)), AI_OP_MUL)),
                "!OverflowError: cannot fit 'int' into an index-sized integer");
    r = ai_inplace(c, I(0), AI_OP_MUL);
    CHECK(r == c);
    CHECK_STREQ(R(c), "[]");
    CHECK_STREQ(R(ai_inplace(I(5), I(2), AI_OP_ADD)), "7");
    CHECK_STREQ(R(ai_inplace(T(1, I(1)), L(1, I(2)), AI_OP_ADD)),
                "!TypeError: can only concatenate tuple (not \"list\") to tuple");
    /* comparisons */
    CHECK(ai_compare_bool(L(2, I(1), I(2)), L(2, I(1), F(2.0)), AI_CMP_EQ) == 1);
    CHECK(ai_compare_bool(L(2, I(1), I(2)), L(3, I(1), I(2), I(3)), AI_CMP_LT) == 1);
    CHECK(ai_compare_bool(L(1, I(2)), L(2, I(1), I(5)), AI_CMP_GT) == 1);
    CHECK(ai_compare_bool(L(2, I(1), I(2)), L(2, I(1), I(2)), AI_CMP_GE) == 1);
    CHECK(ai_compare_bool(L(2, I(1), I(2)), L(2, I(1), I(2)), AI_CMP_NE) == 0);
    CHECK(ai_compare_bool(L(1, L(2, I(1), I(2))), L(1, L(2, I(1), I(3))), AI_CMP_LE) == 1);
    CHECK_STREQ(R(ai_compare(L(2, STR("a"), I(1)), L(2, STR("a"), STR("b")), AI_CMP_LT)),
                "!TypeError: '<' not supported between instances of 'int' and 'str'");
    CHECK_STREQ(R(ai_compare(L(1, I(1)), T(1, I(1)), AI_CMP_LT)),
                "!TypeError: '<' not supported between instances of 'list' and 'tuple'");
    CHECK(ai_compare_bool(L(1, I(1)), T(1, I(1)), AI_CMP_EQ) == 0);
    /* in */
    CHECK(ai_contains(L(2, I(1), F(2.0)), I(2)) == 1);
    CHECK(ai_contains(L(2, I(1), F(2.0)), STR("2")) == 0);
    CHECK(ai_contains(L(0), I(1)) == 0);
}

static void test_subscripts(void) {
    ai_value a = range_list(0, 10);
    CHECK_STREQ(R(ai_getitem(a, I(0))), "0");
    CHECK_STREQ(R(ai_getitem(a, I(-1))), "9");
    CHECK_STREQ(R(ai_getitem(a, I(10))), "!IndexError: list index out of range");
    CHECK_STREQ(R(ai_getitem(a, I(-11))), "!IndexError: list index out of range");
    CHECK_STREQ(R(ai_getitem(a, ai_bool(true))), "1");
    CHECK_STREQ(R(ai_getitem(a, STR("a"))),
                "!TypeError: list indices must be integers or slices, not str");
    CHECK_STREQ(R(ai_getitem(a, F(1.0))),
                "!TypeError: list indices must be integers or slices, not float");
    CHECK_STREQ(R(ai_getitem(a, ai_pow(I(10), I(30)))),
                "!IndexError: cannot fit 'int' into an index-sized integer");
    CHECK_STREQ(R(ai_getitem(a, SL(I(2), I(5), N))), "[2, 3, 4]");
    CHECK_STREQ(R(ai_getitem(a, SL(I(-3), I(100), N))), "[7, 8, 9]");
    CHECK_STREQ(R(ai_getitem(a, SL(I(100), I(-100), I(-3)))), "[9, 6, 3, 0]");
    CHECK_STREQ(R(ai_getitem(a, SL(N, N, I(-1)))), "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]");
    CHECK_STREQ(R(ai_getitem(a, SL(N, N, I(4)))), "[0, 4, 8]");
    CHECK_STREQ(R(ai_getitem(a, SL(I(5), I(2), N))), "[]");
    CHECK_STREQ(R(ai_getitem(a, SL(ai_neg(ai_pow(I(10), I(30))), ai_pow(I(10), I(30)), I(3)))),
                "[0, 3, 6, 9]");
    CHECK_STREQ(R(ai_getitem(a, SL(I(1), I(2), I(0)))), "!ValueError: slice step cannot be zero");
    CHECK_STREQ(R(ai_getitem(a, SL(I(1), STR("a"), N))),
                "!TypeError: slice indices must be integers or None or have an __index__ method");
    ai_value full = ai_getitem(a, SL(N, N, N));
    CHECK(full != a);
    /* item assignment */
    CHECK_STREQ(setitem_r(a, I(-1), STR("z")), "[0, 1, 2, 3, 4, 5, 6, 7, 8, 'z']");
    CHECK_STREQ(setitem_r(a, I(10), I(1)), "!IndexError: list assignment index out of range");
    CHECK_STREQ(setitem_r(a, STR("x"), I(1)),
                "!TypeError: list indices must be integers or slices, not str");
    CHECK_STREQ(setitem_r(a, I(0), 0), "[1, 2, 3, 4, 5, 6, 7, 8, 'z']");
    CHECK_STREQ(setitem_r(a, I(9), 0), "!IndexError: list assignment index out of range");
    CHECK_STREQ(setitem_r(a, STR("x"), 0),
                "!TypeError: list indices must be integers or slices, not str");
    /* slice assignment (the sequence of CPython statements in test order) */
    ai_value b = L(5, I(1), I(2), I(3), I(4), I(5));
    CHECK_STREQ(setitem_r(b, SL(I(1), I(3), N), STR("xyz")), "[1, 'x', 'y', 'z', 4, 5]");
    CHECK_STREQ(setitem_r(b, SL(N, N, I(-2)), L(3, I(10), I(20), I(30))),
                "[1, 30, 'y', 20, 4, 10]");
    CHECK_STREQ(setitem_r(b, SL(N, N, I(2)), 0), "[30, 20, 10]");
    CHECK_STREQ(setitem_r(b, SL(N, N, N), b), "[30, 20, 10]");
    CHECK_STREQ(setitem_r(b, SL(I(1), I(1), N), b), "[30, 30, 20, 10, 20, 10]");
    CHECK_STREQ(setitem_r(b, SL(I(5), I(2), N), L(1, I(0))), "[30, 30, 20, 10, 20, 0, 10]");
    ai_value c = L(3, I(1), I(2), I(3));
    CHECK_STREQ(setitem_r(c, SL(N, N, I(1)), B("iter", 1, L(1, I(7)))), "[7]");
    c = L(3, I(1), I(2), I(3));
    CHECK_STREQ(setitem_r(c, SL(N, N, I(-1)), I(5)),
                "!TypeError: must assign iterable to extended slice");
    CHECK_STREQ(setitem_r(c, SL(I(0), I(0), I(-1)), L(0)), "[1, 2, 3]");
    CHECK_STREQ(setitem_r(c, SL(I(10), I(20), N), I(5)), "!TypeError: can only assign an iterable");
    CHECK_STREQ(setitem_r(c, SL(N, N, I(2)), B("iter", 1, L(2, I(4), I(5)))), "[4, 2, 5]");
    CHECK_STREQ(setitem_r(c, SL(N, N, I(2)), L(3, I(1), I(2), I(3))),
                "!ValueError: attempt to assign sequence of size 3 to extended slice of size 2");
    CHECK_STREQ(setitem_r(c, SL(I(10), N, I(-1)), 0), "[]");
    c = range_list(0, 10);
    CHECK_STREQ(setitem_r(c, SL(I(1), N, I(3)), 0), "[0, 2, 3, 5, 6, 8, 9]");
    CHECK_STREQ(setitem_r(c, SL(I(-1), N, I(-2)), 0), "[2, 5, 8]");
    CHECK_STREQ(setitem_r(c, SL(I(1), I(2), N), 0), "[2, 8]");
    CHECK_STREQ(setitem_r(c, SL(F(1.5), I(2), N), 0),
                "!TypeError: slice indices must be integers or None or have an __index__ method");
    CHECK_STREQ(setitem_r(c, SL(N, N, N), range_list(0, 3)), "[0, 1, 2]");
    CHECK_STREQ(setitem_r(c, SL(N, N, I(-1)), c), "[2, 1, 0]");
}

static void test_iteration(void) {
    ai_value b = L(2, I(5), I(3));
    ai_value it = ai_iter(b), x;
    CHECK(strncmp(R(it), "<list_iterator object at 0x", 27) == 0);
    CHECK(ai_for_next(it, &x) == 1 && x == I(5));
    ai_list_append(b, I(7));
    CHECK_STREQ(R(B("list", 1, it)), "[3, 7]");
    ai_list_append(b, I(8));
    CHECK(ai_for_next(it, &x) == 0); /* exhausted for good */
    ai_value rv = B("reversed", 1, b);
    CHECK(strncmp(R(rv), "<list_reverseiterator object at 0x", 34) == 0);
    CHECK_STREQ(R(B("list", 1, rv)), "[8, 7, 3, 5]");
    ai_value rv2 = B("reversed", 1, b);
    CHECK(ai_for_next(rv2, &x) == 1 && x == I(8));
    M(b, "clear", 0);
    CHECK(ai_for_next(rv2, &x) == 0);
    CHECK_STREQ(R(M(L(0), "__reversed__", 1, I(1))),
                "!TypeError: list.__reversed__() takes no arguments (1 given)");
    CHECK_STREQ(R(B("len", 1, ai_iter(L(0)))),
                "!TypeError: object of type 'list_iterator' has no len()");
}

static void test_unpack(void) {
    ai_value out[8];
    CHECK(ai_unpack(L(2, I(1), I(2)), 2, out) == 0 && out[0] == I(1) && out[1] == I(2));
    CHECK(ai_unpack(L(3, I(1), I(2), I(3)), 2, out) == -1);
    CHECK_STREQ(check_err_text(), "!ValueError: too many values to unpack (expected 2)");
    CHECK(ai_unpack(T(2, I(1), I(2)), 3, out) == -1);
    CHECK_STREQ(check_err_text(), "!ValueError: not enough values to unpack (expected 3, got 2)");
    CHECK(ai_unpack(I(5), 2, out) == -1);
    CHECK_STREQ(check_err_text(), "!TypeError: cannot unpack non-iterable int object");
    CHECK(ai_unpack(STR("ab"), 2, out) == 0);
    CHECK_STREQ(R(T(2, out[0], out[1])), "('a', 'b')");
    CHECK(ai_unpack(B("iter", 1, L(3, I(1), I(2), I(3))), 2, out) == -1);
    CHECK_STREQ(check_err_text(), "!ValueError: too many values to unpack (expected 2)");
    CHECK(ai_unpack(B("range", 1, I(1)), 3, out) == -1);
    CHECK_STREQ(check_err_text(), "!ValueError: not enough values to unpack (expected 3, got 1)");
    CHECK(ai_unpack(L(0), 0, out) == 0);
    CHECK(ai_unpack_ex(range_list(0, 5), 1, 1, out) == 0);
    CHECK_STREQ(R(T(3, out[0], out[1], out[2])), "(0, [1, 2, 3], 4)");
    CHECK(ai_unpack_ex(STR("ab"), 1, 1, out) == 0);
    CHECK_STREQ(R(T(3, out[0], out[1], out[2])), "('a', [], 'b')");
    CHECK(ai_unpack_ex(L(1, I(1)), 1, 1, out) == -1);
    CHECK_STREQ(check_err_text(),
                "!ValueError: not enough values to unpack (expected at least 2, got 1)");
    CHECK(ai_unpack_ex(B("iter", 1, L(2, I(1), I(2))), 1, 2, out) == -1);
    CHECK_STREQ(check_err_text(),
                "!ValueError: not enough values to unpack (expected at least 3, got 2)");
    CHECK(ai_unpack_ex(L(0), 2, 0, out) == -1);
    CHECK_STREQ(check_err_text(),
                "!ValueError: not enough values to unpack (expected at least 2, got 0)");
    CHECK(ai_unpack_ex(I(5), 1, 0, out) == -1);
    CHECK_STREQ(check_err_text(), "!TypeError: cannot unpack non-iterable int object");
    CHECK(ai_unpack_ex(T(3, I(1), I(2), I(3)), 0, 0, out) == 0);
    CHECK_STREQ(R(out[0]), "[1, 2, 3]");
}

int main(void) {
    test_basics();
    test_methods();
    test_operators();
    test_subscripts();
    test_iteration();
    test_unpack();
    test_sort();
    CHECK(exc_pending() == 0);
    CHECK_DONE();
}
