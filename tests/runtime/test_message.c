/*
 * tests/runtime/test_message.c — messages between actors (gc/message.h):
 * a value packed on one heap and unpacked on another is an equal, fresh
 * graph of the receiver's heap (checked with ==, repr and the chunk map,
 * before and after a collection there): scalars, big ints, floats, strs
 * of every width, bytes, bytearray, range, slice, nested containers,
 * instances of classes (plain, list- and dict-based), exceptions with
 * their traceback; sharing and cycles survive; a million-long chain and
 * large objects need no recursion and no special path; dicts and sets
 * whose keys hash by identity still find their keys; immortal values pass
 * by pointer; the copy is independent of the original both ways;
 * functions travel with copies of their defaults and closures; unsendable
 * objects raise TypeError; nothing leaks (gc_msg_free, failed
 * packs, messages dropped by an ended actor's mailbox).
 * The first part switches between two heaps on the main thread; the last
 * part runs real actors (mod_run_main), each with its own heap, that
 * exchange messages through their mailboxes.
 *
 * Run with AITHON_GC_STRESS=N as well: the big sizes scale down then.
 */
// tsan
#include "check.h"
#include "core/alloc.h"
#include "gc/gc.h"
#include "gc/gcint.h"
#include "gc/message.h"
#include "modules/modules.h"
#include "objects/class.h"
#include "sched/actor.h"
#include "sched/sched.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>

static bool stress;

/* ---- two heaps on this thread ------------------------------------------------------ */

static alloc_heap *sender; /* the thread's own heap */
static alloc_heap receiver;

static void enter_receiver(void) {
    alloc_heap_leave(sender);
    alloc_heap_enter(&receiver);
}

static void enter_sender(void) {
    alloc_heap_leave(&receiver);
    alloc_heap_enter(sender);
}

static bool in_heap(alloc_heap *h, ai_value v) {
    return v && !(v & 1) && gc_map_find(h, (uintptr_t)v) != NULL;
}

/* Pack v here, switch to the receiver's heap and unpack it there (the
 * caller checks, then calls enter_sender). AI_ERR when packing failed
 * (still on the sender's heap then). */
static ai_value transfer(ai_value v) {
    gc_msg *m = gc_msg_pack(v);
    if (!m) return AI_ERR;
    enter_receiver();
    return gc_msg_unpack(m);
}

static ai_value N(const char *s) { return ai_const_str(s, (int64_t)strlen(s)); }

/* Garbage, so that a collection has something to free. */
__attribute__((noinline)) static void churn(int n) {
    for (int i = 0; i < n; i++) {
        ai_value l = ai_list_new(NULL, 0);
        ai_list_append(l, STR("garbage"));
        ai_list_append(l, F(i));
    }
}

/* v's copy must equal v, print alike, live in the receiver's heap (or be
 * v itself when v is immortal) and survive a collection there. */
static void check_copy_at(int line, ai_value v, bool eq) {
    char *want = strdup(R(v));
    bool copied = in_heap(sender, v);
    size_t live = gc_msg_live_bytes();
    volatile ai_value r = transfer(v);
    if (!r) {
        fprintf(stderr, "line %d: transfer of %s failed: %s\n", line, want, R(r));
        check_failures++;
        if (alloc_current_heap() == &receiver) enter_sender();
        free(want);
        return;
    }
    bool ok = copied ? r != v && in_heap(&receiver, r) && !in_heap(sender, r) : r == v;
    ok = ok && (!eq || obj_eq(r, v) == 1);
    churn(100);
    gc_collect();
    ok = ok && strcmp(R(r), want) == 0 && (!eq || obj_eq(r, v) == 1);
    ok = ok && gc_msg_live_bytes() == live;
    if (!ok) {
        fprintf(stderr, "line %d: copy of %s: got %s\n", line, want, R(r));
        check_failures++;
    }
    check_count++;
    enter_sender();
    free(want);
}
#define check_copy(v) check_copy_at(__LINE__, (v), true)
/* For types whose == is identity (exceptions): repr only. */
#define check_copy_repr(v) check_copy_at(__LINE__, (v), false)

/* ---- classes built by hand (as tests/runtime/test_class.c does) -------------------- */

static const char *const self_names[] = {"self"};
static const ai_code_info code = {"t.py", "f", NULL, NULL, 1, NULL};

static ai_value hash7(ai_value fn, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value out[1];
    if (ai_bind_args(fn, args, nargs, kw, out) < 0) return AI_ERR;
    return ai_smallint(7);
}
static const ai_func_info hash_info = {"__hash__", "H.__hash__", 1, 0, self_names,
                                       hash7,      &code,        0, 0};
static const ai_func_info f_info = {"f", "f", 1, 0, self_names, hash7, &code, 0, 0};

static ai_value make_class(const char *name, ai_value base, const char *k, ai_value v) {
    ai_value ns = ai_dict_new(NULL, 0);
    if (k) dict_set(ns, N(k), v);
    ai_value bases = base ? ai_tuple_pack(&base, 1) : tuple_new(0);
    return ai_class_new(N(name), N(name), bases, ns);
}

static ai_value new_instance(ai_value cls) { return ai_call(cls, NULL, 0, 0); }

/* ---- the cases ---------------------------------------------------------------------- */

static void test_scalars(void) {
    check_copy(I(5));
    check_copy(I(-123456789));
    check_copy(AI_NONE);
    check_copy(AI_TRUE);
    check_copy(AI_ELLIPSIS);
    check_copy(ai_add(BIG("123456789012345678901234567890"), I(1)));
    check_copy(ai_neg(ai_mul(BIG("98765432109876543210"), BIG("98765432109876543210"))));
    check_copy(F(3.25));
    check_copy(F(-0.0));
    check_copy(F(INFINITY));
    check_copy(STR("hello"));
    check_copy(STR(""));
    check_copy(STR("h\xc3\xa9llo w\xc3\xb6rld"));            /* 1 byte per char, not ASCII */
    check_copy(STR("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e")); /* 2 bytes per char */
    check_copy(STR("emoji \xf0\x9f\x98\x80!"));              /* 4 bytes per char */
    check_copy(bytes_from("by\0tes", 6, false));
    ai_value b = bytes_from("mutable", 7, false);
    check_copy(ai_call(ai_builtin("bytearray"), &b, 1, 0));
    check_copy(ai_call(ai_builtin("bytearray"), NULL, 0, 0));
    ai_value rargs[3] = {I(3), I(100), I(7)};
    check_copy(ai_call(ai_builtin("range"), rargs, 3, 0));
    ai_value brange[2] = {I(0), BIG("100000000000000000000000")};
    check_copy(ai_call(ai_builtin("range"), brange, 2, 0));
    check_copy(ai_slice_new(I(1), AI_NONE, BIG("-100000000000000000000000")));
    check_copy(ai_builtin("len")); /* a builtin function: static, shared */
    /* A NaN is not equal to itself: checked by hand. */
    ai_value nan = F(NAN);
    volatile ai_value r = transfer(nan);
    CHECK(r && r != nan && isnan(float_get(r)) && in_heap(&receiver, r));
    enter_sender();
}

static void test_nested(void) {
    ai_value set3 = ai_set_new((ai_value[]){I(1), I(2), I(3)}, 3);
    ai_value inner = ai_dict_new(
        (ai_value[]){STR("k"), set3, STR("t"),
                     ai_tuple_pack((ai_value[]){AI_NONE, bytes_from("by", 2, false)}, 2)},
        2);
    ai_value lst = ai_list_new((ai_value[]){F(2.5), STR("x"), inner, ai_list_new(NULL, 0)}, 4);
    ai_value names = ai_list_new((ai_value[]){STR("a"), STR("b"), STR("c")}, 3);
    ai_value fs = set_new(&ai_frozenset_type, names);
    ai_value v = ai_tuple_pack(
        (ai_value[]){I(1), lst, fs, ai_dict_new(NULL, 0), tuple_new(0), ai_set_new(NULL, 0)}, 6);
    check_copy(v);
    /* a big set and a big dict (tables outside the object) */
    ai_value s = ai_set_new(NULL, 0), d = ai_dict_new(NULL, 0);
    for (int i = 0; i < 1000; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "key%d", i);
        ai_set_add(s, STR(buf));
        ai_set_add(s, I(i * 7));
        dict_set(d, STR(buf), ai_tuple_pack((ai_value[]){I(i), F(i / 4.0)}, 2));
    }
    dict_del(d, STR("key500")); /* a hole in the entries */
    check_copy(ai_list_new((ai_value[]){s, d}, 2));
    /* lookups in the copies (stored hashes, index, probing) */
    volatile ai_value r = transfer(ai_list_new((ai_value[]){s, d}, 2));
    ai_value rs = list_obj(r)->items[0], rd = list_obj(r)->items[1], out = 0;
    CHECK(set_contains_key(rs, STR("key999")) == 1 && set_contains_key(rs, I(7 * 999)) == 1);
    CHECK(set_contains_key(rs, STR("key1000")) == 0);
    CHECK(dict_get(rd, STR("key321"), &out) == 1 && strcmp(R(out), "(321, 80.25)") == 0);
    CHECK(dict_get(rd, STR("key500"), &out) == 0 && dict_len(rd) == 999);
    CHECK(dict_set(rd, STR("new"), I(1)) == 0 && dict_len(rd) == 1000);
    enter_sender();
    CHECK(dict_len(d) == 999 && dict_get(d, STR("new"), &out) == 0);
}

static void test_sharing(void) {
    ai_value x = ai_list_new((ai_value[]){I(1), I(2)}, 2);
    ai_value l = ai_list_new((ai_value[]){x, x, ai_tuple_pack(&x, 1)}, 3);
    volatile ai_value r = transfer(l);
    ai_list *rl = list_obj(r);
    CHECK(r && rl->len == 3 && rl->items[0] == rl->items[1]);
    CHECK(tuple_obj(rl->items[2])->items[0] == rl->items[0]);
    CHECK(rl->items[0] != x && in_heap(&receiver, rl->items[0]));
    ai_list_append(rl->items[0], I(3));
    CHECK_STREQ(R(r), "[[1, 2, 3], [1, 2, 3], ([1, 2, 3],)]");
    enter_sender();
    CHECK_STREQ(R(l), "[[1, 2], [1, 2], ([1, 2],)]");
    /* the same str twice stays one object */
    ai_value s = STR("shared string");
    r = transfer(ai_tuple_pack((ai_value[]){s, s}, 2));
    CHECK(r && tuple_obj(r)->items[0] == tuple_obj(r)->items[1] && tuple_obj(r)->items[0] != s);
    enter_sender();
}

static void test_cycles(void) {
    /* a list that contains itself */
    ai_value l = ai_list_new(NULL, 0);
    ai_list_append(l, I(1));
    ai_list_append(l, l);
    volatile ai_value r = transfer(l);
    CHECK(r && r != l && list_obj(r)->items[1] == r);
    gc_collect();
    CHECK_STREQ(R(r), "[1, [...]]");
    enter_sender();
    /* a dict that contains itself */
    ai_value d = ai_dict_new(NULL, 0);
    dict_set(d, STR("self"), d);
    dict_set(d, STR("n"), I(2));
    r = transfer(d);
    ai_value out = 0;
    CHECK(r && r != d && dict_get(r, STR("self"), &out) == 1 && out == r);
    CHECK_STREQ(R(r), "{'self': {...}, 'n': 2}");
    enter_sender();
    /* a cycle through two objects, entered from either */
    ai_value a = ai_list_new(NULL, 0), b = ai_list_new(&a, 1);
    ai_list_append(a, b);
    r = transfer(a);
    ai_value rb = r ? list_obj(r)->items[0] : 0;
    CHECK(r && rb != b && in_heap(&receiver, rb) && list_obj(rb)->items[0] == r);
    CHECK_STREQ(R(r), "[[[...]]]");
    enter_sender();
    /* an instance whose attribute refers back to it */
    ai_value cls = make_class("Node", 0, NULL, 0);
    ai_value n = new_instance(cls);
    CHECK(ai_setattr(n, N("me"), n) == 0);
    r = transfer(n);
    CHECK(r && r != n && ai_type_of(r) == ai_type_of(n) && ai_getattr(r, N("me")) == r);
    enter_sender();
}

/* A chain of n 2-tuples (i, next): packing and unpacking must not recurse. */
__attribute__((noinline)) static ai_value chain(int64_t n) {
    ai_value t = AI_NONE;
    for (int64_t i = 0; i < n; i++) t = ai_tuple_pack((ai_value[]){I(i), t}, 2);
    return t;
}

static bool chain_ok(ai_value t, int64_t n, alloc_heap *h) {
    int64_t i = n - 1;
    for (ai_value p = t; p != AI_NONE; p = tuple_obj(p)->items[1], i--)
        if (i < 0 || tuple_obj(p)->items[0] != I(i) || !in_heap(h, p)) return false;
    return i == -1;
}

static void test_deep(void) {
    int64_t n = stress ? 3000 : 1000000;
    volatile ai_value t = chain(n);
    gc_msg *m = gc_msg_pack(t);
    CHECK(m && gc_msg_size(m) == (size_t)n * 32); /* header, length, two items */
    enter_receiver();
    volatile ai_value r = gc_msg_unpack(m);
    CHECK(r && chain_ok(r, n, &receiver));
    churn(stress ? 10 : 10000);
    gc_collect();
    CHECK(r && chain_ok(r, n, &receiver));
    r = AI_NONE;
    enter_sender();
    CHECK(chain_ok(t, n, sender));
    t = AI_NONE;
}

static void test_large(void) {
    int n = stress ? 20000 : 100000; /* an item buffer of 800 KB: a large object */
    ai_value l = ai_list_new(NULL, 0);
    for (int i = 0; i < n; i++) ai_list_append(l, i % 10 ? I(i) : F(i));
    char *text = malloc(200000);
    for (int i = 0; i < 200000; i++) text[i] = (char)('a' + i % 26);
    ai_value big = ai_tuple_pack(
        (ai_value[]){l, str_from_utf8(text, 200000), bytes_from(text, 100000, false)}, 3);
    free(text);
    volatile ai_value r = transfer(big);
    CHECK(r && obj_eq(r, big) == 1);
    churn(stress ? 10 : 10000);
    gc_collect();
    ai_value rl = r ? tuple_obj(r)->items[0] : 0;
    CHECK(rl && list_obj(rl)->len == n && obj_eq(r, big) == 1);
    CHECK(rl && in_heap(&receiver, ai_val((ai_rawbuf *)list_obj(rl)->items - 1)));
    /* the copy grows like any list */
    for (int i = 0; i < 1000; i++) ai_list_append(rl, I(-i));
    CHECK(list_obj(rl)->len == n + 1000 && list_obj(rl)->items[n] == I(0));
    enter_sender();
    CHECK(list_obj(l)->len == n);
}

/* Keys that hash by identity, or by a user __hash__: the tables are
 * re-hashed in the receiver, so lookups with the copied keys work. */
static void test_identity_keys(void) {
    ai_value P = make_class("P", 0, NULL, 0);
    ai_value H = make_class("H", 0, "__hash__", ai_function_new(&hash_info, 0, 0));
    ai_value D = make_class("D", ai_val(&ai_dict_type), NULL, 0);
    ai_value p1 = new_instance(P), p2 = new_instance(P), h1 = new_instance(H), h2 = new_instance(H);
    ai_value nan = F(NAN);
    ai_value d = ai_dict_new((ai_value[]){p1, STR("one"), p2, STR("two"), STR("s"), I(3)}, 3);
    ai_value s = ai_set_new((ai_value[]){p1, p2, I(5)}, 3);
    ai_value fs = set_new(&ai_frozenset_type, ai_list_new(&p1, 1));
    ai_value tp = ai_tuple_pack((ai_value[]){p1, I(1)}, 2);
    ai_value d2 = ai_dict_new((ai_value[]){fs, STR("fs"), tp, STR("tup"), nan, STR("nan")}, 3);
    ai_value d3 = ai_dict_new((ai_value[]){h1, I(1), h2, I(2)}, 2);
    ai_value sub = new_instance(D); /* a dict subclass with an attribute */
    CHECK(sub && ai_setitem(sub, p2, STR("in sub")) == 0 && ai_setattr(sub, N("attr"), I(9)) == 0);
    ai_value big = ai_set_new(NULL, 0); /* a table outside the set object */
    for (int i = 0; i < 100; i++) ai_set_add(big, i == 50 ? p1 : I(i));
    ai_value items[] = {p1, p2, h1, h2, nan, d, s, fs, tp, d2, d3, sub, big};
    int ni = (int)(sizeof items / sizeof items[0]);
    volatile ai_value r = transfer(ai_list_new(items, ni));
    CHECK(r != AI_ERR);
    if (!r) return;
    ai_value *x = list_obj(r)->items, out = 0;
    for (int i = 0; i < 5; i++) CHECK(x[i] != items[i] && in_heap(&receiver, x[i]));
    CHECK(ai_type_of(x[0]) == ai_type_of(p1));
    churn(100);
    gc_collect();
    CHECK(dict_get(x[5], x[0], &out) == 1 && strcmp(S(out), "one") == 0);
    CHECK(dict_get(x[5], x[1], &out) == 1 && strcmp(S(out), "two") == 0);
    CHECK(dict_get(x[5], N("s"), &out) == 1 && out == I(3));
    CHECK(dict_get(x[5], p1, &out) == 0); /* the sender's object is another key */
    int64_t pos = 0;
    ai_value k = 0;
    CHECK(dict_next(x[5], &pos, &k, NULL, NULL) && k == x[0]); /* insertion order kept */
    CHECK(dict_next(x[5], &pos, &k, NULL, NULL) && k == x[1]);
    CHECK(set_contains_key(x[6], x[0]) == 1 && set_contains_key(x[6], x[1]) == 1);
    CHECK(set_contains_key(x[6], I(5)) == 1 && set_len(x[6]) == 3);
    CHECK(set_contains_key(x[7], x[0]) == 1);
    CHECK(obj_hash(x[7]) == obj_hash(set_new(&ai_frozenset_type, ai_list_new(&x[0], 1))));
    CHECK(dict_get(x[9], x[7], &out) == 1 && strcmp(S(out), "fs") == 0);
    CHECK(dict_get(x[9], x[8], &out) == 1 && strcmp(S(out), "tup") == 0);
    CHECK(dict_get(x[9], ai_tuple_pack((ai_value[]){x[0], I(1)}, 2), &out) == 1);
    CHECK(dict_get(x[9], x[4], &out) == 1 && strcmp(S(out), "nan") == 0);
    CHECK(dict_get(x[10], x[2], &out) == 1 && out == I(1));
    CHECK(dict_get(x[10], x[3], &out) == 1 && out == I(2));
    CHECK(ai_type_of(x[11]) == ai_type_of(sub) && dict_len(x[11]) == 1);
    CHECK(dict_get(x[11], x[1], &out) == 1 && strcmp(S(out), "in sub") == 0);
    CHECK(ai_getattr(x[11], N("attr")) == I(9));
    CHECK(set_len(x[12]) == 100 && set_contains_key(x[12], x[0]) == 1);
    CHECK(set_contains_key(x[12], I(99)) == 1 && set_contains_key(x[12], p1) == 0);
    enter_sender();
    CHECK(dict_get(d, p1, &out) == 1 && set_contains_key(big, p1) == 1);
}

static void test_instances_and_exceptions(void) {
    ai_value P = make_class("Point", 0, NULL, 0);
    ai_value p = new_instance(P);
    ai_setattr(p, N("x"),
               ai_dict_new((ai_value[]){STR("a"), ai_list_new((ai_value[]){I(1)}, 1)}, 1));
    ai_setattr(p, N("y"), F(0.5));
    volatile ai_value r = transfer(p);
    CHECK(r && r != p && ai_type_of(r) == ai_type_of(p));
    CHECK(r && strcmp(R(ai_getattr(r, N("x"))), "{'a': [1]}") == 0);
    CHECK(r && strcmp(R(ai_getattr(r, N("y"))), "0.5") == 0);
    enter_sender();
    /* a list subclass */
    ai_value L = make_class("L", ai_val(&ai_list_type), NULL, 0);
    ai_value l = new_instance(L);
    for (int i = 0; i < 20; i++) ai_list_append(l, I(i * i));
    ai_setattr(l, N("tag"), STR("squares"));
    r = transfer(l);
    CHECK(r && ai_type_of(r) == ai_type_of(l) && list_obj(r)->len == 20 && obj_eq(r, l) == 1);
    CHECK(r && strcmp(S(ai_getattr(r, N("tag"))), "squares") == 0);
    enter_sender();
    /* an exception with a traceback and a context */
    ai_value first = ai_call(ai_builtin("KeyError"), (ai_value[]){STR("k")}, 1, 0);
    ai_value e = ai_call(ai_builtin("ValueError"), (ai_value[]){STR("bad"), I(42)}, 2, 0);
    ai_raise(e, 0);
    ai_traceback_add(&code, 3);
    ai_traceback_add(&code, 7);
    CHECK(ai_exc_fetch() == e);
    ((ai_exc *)ai_obj(e))->context = first;
    CHECK(((ai_exc *)ai_obj(e))->tb != 0);
    check_copy_repr(e);
    capture_begin(2);
    exc_print(e);
    char *want = capture_end(2);
    CHECK(strstr(want, "During handling") && strstr(want, "line 7, in f"));
    r = transfer(e);
    ai_exc *re = r ? (ai_exc *)ai_obj(r) : NULL;
    CHECK(re && r != e && ai_type_of(r) == &ai_exc_ValueError && in_heap(&receiver, re->tb));
    CHECK(re && in_heap(&receiver, re->context) && strcmp(R(re->context), "KeyError('k')") == 0);
    if (re) { /* the same chain and traceback */
        capture_begin(2);
        exc_print(r);
        char *printed = capture_end(2);
        CHECK_STREQ(printed, want);
        free(printed);
    }
    free(want);
    enter_sender();
    /* a user exception class with an attribute */
    ai_value E = make_class("MyError", ai_val(&ai_exc_Exception), NULL, 0);
    ai_value me = ai_call(E, (ai_value[]){STR("boom")}, 1, 0);
    ai_setattr(me, N("data"), ai_list_new((ai_value[]){I(1), I(2)}, 2));
    r = transfer(me);
    CHECK(r && ai_type_of(r) == ai_type_of(me) && strcmp(S(r), "boom") == 0);
    CHECK(r && strcmp(R(ai_getattr(r, N("data"))), "[1, 2]") == 0);
    enter_sender();
}

/* The copy is taken at pack time; afterwards each side changes alone. */
static void test_independent(void) {
    ai_value inner = ai_list_new((ai_value[]){I(2)}, 1);
    ai_value v = ai_list_new((ai_value[]){I(1), inner}, 2);
    ai_value ba = ai_call(ai_builtin("bytearray"), (ai_value[]){bytes_from("abc", 3, false)}, 1, 0);
    ai_list_append(v, ba);
    gc_msg *m = gc_msg_pack(v);
    CHECK(m != NULL);
    ai_list_append(v, I(3));
    ai_list_append(inner, I(4));
    ai_setitem(ba, I(0), I('z'));
    enter_receiver();
    volatile ai_value r = gc_msg_unpack(m);
    CHECK_STREQ(R(r), "[1, [2], bytearray(b'abc')]");
    ai_list_append(list_obj(r)->items[1], I(5));
    ai_setitem(list_obj(r)->items[2], I(1), I('y'));
    CHECK_STREQ(R(r), "[1, [2, 5], bytearray(b'ayc')]");
    enter_sender();
    CHECK_STREQ(R(v), "[1, [2, 4], bytearray(b'zbc'), 3]");
}

static void test_unsendable(void) {
    size_t live = gc_msg_live_bytes();
    ai_value lst = ai_list_new((ai_value[]){I(1), I(2)}, 2);
    ai_value it = ai_iter(lst);
    CHECK(gc_msg_pack(it) == NULL);
    CHECK_STREQ(check_err_text(),
                "!TypeError: cannot send 'list_iterator' object to another actor");
    /* deep inside a graph, after many objects were visited */
    ai_value view = dictview_new(ai_dict_new(NULL, 0), DICT_IT_KEYS);
    ai_value d = ai_dict_new((ai_value[]){STR("k"), ai_tuple_pack((ai_value[]){I(2), view}, 2)}, 1);
    ai_value v = ai_list_new((ai_value[]){chain(1000), d, chain(1000)}, 3);
    CHECK(gc_msg_pack(v) == NULL);
    CHECK_STREQ(check_err_text(), "!TypeError: cannot send 'dict_keys' object to another actor");
    /* a function whose closure holds an iterator */
    ai_value cell = ai_cell_new(it);
    ai_value f = ai_function_new(&f_info, 0, ai_tuple_pack(&cell, 1));
    CHECK(gc_msg_pack(ai_list_new(&f, 1)) == NULL);
    CHECK_STREQ(check_err_text(), "!TypeError: cannot send 'list_iterator' object to another actor");
    ai_value P = make_class("P", 0, NULL, 0), p = new_instance(P);
    ai_setattr(p, N("it"), it);
    CHECK(gc_msg_pack(p) == NULL);
    CHECK_STREQ(check_err_text(),
                "!TypeError: cannot send 'list_iterator' object to another actor");
    CHECK(gc_msg_live_bytes() == live);
    CHECK(exc_pending() == 0);
}

/* Functions travel with copies of their defaults and closure cells (the
 * code, ai_func_info, is static); bound methods with a copy of self. */
static void test_functions(void) {
    ai_value shared = ai_list_new((ai_value[]){I(1)}, 1);
    ai_value cell = ai_cell_new(shared);
    ai_value f = ai_function_new(&f_info, ai_tuple_pack((ai_value[]){STR("dflt"), shared}, 2),
                                 ai_tuple_pack(&cell, 1));
    ai_function_set_kwdefaults(f, ai_tuple_pack((ai_value[]){I(7)}, 1));
    ai_value P = make_class("Q", 0, NULL, 0), q = new_instance(P);
    ai_setattr(q, N("tag"), STR("q"));
    ai_value meth = cls_method_new(f, q);
    volatile ai_value r = transfer(ai_list_new((ai_value[]){f, f, meth}, 3));
    CHECK(r != 0);
    if (r) {
        ai_value g = list_obj(r)->items[0];
        ai_function *gf = (ai_function *)ai_obj(g);
        CHECK(g != f && list_obj(r)->items[1] == g && gf->info == &f_info);
        CHECK(in_heap(&receiver, g) && in_heap(&receiver, gf->defaults) && in_heap(&receiver, gf->closure));
        ai_value gcell = tuple_obj(gf->closure)->items[0];
        CHECK(obj_is_type(gcell, &ai_cell_type) && gcell != cell);
        /* the closure's list is the defaults' list, as in the original */
        CHECK(((ai_cell *)ai_obj(gcell))->value == tuple_obj(gf->defaults)->items[1]);
        CHECK_STREQ(R(gf->defaults), "('dflt', [1])");
        CHECK_STREQ(R(gf->kwdefaults), "(7,)");
        cls_boundmethod *bm = (cls_boundmethod *)ai_obj(list_obj(r)->items[2]);
        CHECK(bm->func == g && bm->self != q && in_heap(&receiver, bm->self));
        CHECK_STREQ(R(ai_getattr(bm->self, N("tag"))), "'q'");
        /* the copies are independent of the originals */
        ai_cell_set(gcell, I(5));
        ai_value args[1] = {I(0)};
        CHECK_STREQ(R(ai_call(g, args, 1, 0)), "7"); /* hash7 returns 7 */
    }
    enter_sender();
    CHECK(((ai_cell *)ai_obj(cell))->value == shared);
}

/* A list caught in the middle of a sort (as a key function sees it:
 * detached, empty, cap == -1) arrives as an ordinary empty list; an
 * actor may send to itself (pack and unpack on one heap). */
static void test_odd_cases(void) {
    ai_value l = ai_list_new((ai_value[]){I(3), I(1), I(2)}, 3);
    ai_list *ll = list_obj(l);
    int64_t len = ll->len, cap = ll->cap;
    ai_value *items = ll->items;
    ll->len = 0, ll->items = NULL, ll->cap = -1;
    gc_msg *m = gc_msg_pack(ai_list_new(&l, 1));
    ll->len = len, ll->items = items, ll->cap = cap;
    enter_receiver();
    volatile ai_value r = m ? gc_msg_unpack(m) : AI_ERR;
    ai_value rl = r ? list_obj(r)->items[0] : 0;
    CHECK(rl && list_obj(rl)->cap == 0 && list_obj(rl)->len == 0);
    CHECK(rl && ai_list_append(rl, I(7)) == 0 && strcmp(R(r), "[[7]]") == 0);
    enter_sender();
    /* to oneself */
    ai_value v = ai_list_new((ai_value[]){l, l, STR("me")}, 3);
    r = gc_msg_unpack(gc_msg_pack(v));
    CHECK(r && r != v && in_heap(sender, r) && obj_eq(r, v) == 1);
    CHECK(r && list_obj(r)->items[0] == list_obj(r)->items[1] && list_obj(r)->items[0] != l);
}

static void test_free(void) {
    size_t live = gc_msg_live_bytes();
    gc_msg *m = gc_msg_pack(ai_list_new((ai_value[]){chain(10000), STR("x"), F(1.5)}, 3));
    CHECK(m && gc_msg_live_bytes() > live + gc_msg_size(m) - 1);
    gc_msg_free(m);
    gc_msg_free(NULL);
    CHECK(gc_msg_live_bytes() == live);
    /* a message of an immortal value has no copies */
    m = gc_msg_pack(AI_NONE);
    CHECK(m && gc_msg_size(m) == 0 && gc_msg_from_mbox(gc_msg_mbox(m)) == m);
    enter_receiver();
    CHECK(gc_msg_unpack(m) == AI_NONE);
    enter_sender();
    CHECK(gc_msg_live_bytes() == live);
}

/* ---- actors with their own heaps ------------------------------------------------------- */

static _Atomic int actor_failures;
#define ACHECK(cond)                                                                             \
    do {                                                                                         \
        if (!(cond)) {                                                                           \
            fprintf(stderr, "%s:%d: check failed in an actor: %s\n", __FILE__, __LINE__, #cond); \
            atomic_fetch_add(&actor_failures, 1);                                                \
        }                                                                                        \
    } while (0)

static actor_t *root_actor;
static char sent_repr[512];

/* Every actor but the root gets a heap of its own; the exit hook frees it. */
static alloc_heap *own_heap(void) {
    alloc_heap *h = alloc_heap_new();
    actor_self()->heap = h;
    alloc_heap_enter(h);
    return h;
}

static void free_heap(actor_t *a) {
    alloc_heap *h = a->heap;
    if (!h || h == &alloc_main_heap) return;
    a->heap = NULL; /* the task still switches out once: no heap to leave */
    alloc_heap_free(h);
}

static void receiver_actor(void *arg) {
    (void)arg;
    alloc_heap *h = own_heap();
    gc_msg *m = gc_msg_from_mbox(mbox_receive(-1, NULL, NULL));
    ACHECK(m != NULL);
    if (!m) return;
    volatile ai_value r = gc_msg_unpack(m);
    ACHECK(r && in_heap(h, r));
    churn(stress ? 10 : 20000);
    gc_collect();
    ACHECK(strcmp(R(r), sent_repr) == 0);
    ai_value a = 0, b = 0;
    ACHECK(dict_get(r, STR("a"), &a) == 1 && dict_get(r, STR("b"), &b) == 1 && a == b &&
           in_heap(h, a));
    /* the reply: the received graph and something of our own */
    ai_list_append(a, STR("from receiver"));
    gc_msg *out = gc_msg_pack(ai_list_new((ai_value[]){r, chain(stress ? 100 : 100000)}, 2));
    ACHECK(out != NULL);
    if (out) mbox_send(root_actor, gc_msg_mbox(out));
    /* ends now: the exit hook frees this heap, the reply must not care */
}

static void idle_actor(void *arg) {
    (void)arg;
    own_heap();
    ai_list_new(NULL, 0);
}

/* The first import of a module happens in this actor, whose heap goes
 * when it ends: the module must not live there (modules are immortal). */
static void importer_actor(void *arg) {
    (void)arg;
    own_heap();
    ai_value m = ai_import("_random");
    ACHECK(m && !in_heap(actor_self()->heap, ((ai_module_obj *)ai_obj(m))->dict));
}

static ai_value actors_main(void) {
    actor_set_exit_hook(free_heap);
    root_actor = actor_self();
    size_t live = gc_msg_live_bytes();
    ai_value shared = ai_list_new((ai_value[]){I(1), BIG("123456789012345678901234567890")}, 2);
    ai_value v = ai_dict_new(
        (ai_value[]){STR("a"), shared, STR("b"), shared, STR("s"), STR("\xc3\xa9t\xc3\xa9")}, 3);
    dict_set(v, STR("self"), v);
    snprintf(sent_repr, sizeof sent_repr, "%s", R(v));
    CHECK_STREQ(sent_repr,
                "{'a': [1, 123456789012345678901234567890], 'b': [1, "
                "123456789012345678901234567890], 's': '\xc3\xa9t\xc3\xa9', 'self': {...}}");
    gc_msg *m = gc_msg_pack(v);
    CHECK(m != NULL);
    actor_t *a = actor_spawn(receiver_actor, NULL);
    CHECK(a != NULL);
    if (!m || !a) return ai_raise_fmt(&ai_exc_RuntimeError, "setup failed");
    mbox_send(a, gc_msg_mbox(m));
    /* The receiver may be unpacking now: its copy is already separate. */
    ai_list_append(shared, I(99));
    dict_set(v, STR("s"), I(0));

    gc_msg *reply = gc_msg_from_mbox(mbox_receive(-1, NULL, NULL));
    CHECK(reply != NULL);
    CHECK(actor_wait(a) == ACTOR_EXIT_NORMAL);
    volatile ai_value r = reply ? gc_msg_unpack(reply) : AI_ERR;
    CHECK(r && in_heap(&alloc_main_heap, r));
    churn(stress ? 10 : 20000);
    gc_collect();
    if (r) {
        ai_value got = list_obj(r)->items[0], a1 = 0, b1 = 0;
        CHECK(got != v && dict_get(got, STR("a"), &a1) == 1 && dict_get(got, STR("b"), &b1) == 1);
        CHECK(a1 == b1 && a1 != shared);
        CHECK_STREQ(R(a1), "[1, 123456789012345678901234567890, 'from receiver']");
        ai_value self = 0;
        CHECK(dict_get(got, STR("self"), &self) == 1 && self == got);
        CHECK(chain_ok(list_obj(r)->items[1], stress ? 100 : 100000, &alloc_main_heap));
    }
    CHECK_STREQ(R(shared), "[1, 123456789012345678901234567890, 99]");

    /* Messages to an actor that has ended are dropped (and freed). */
    gc_msg *late = gc_msg_pack(v);
    CHECK(late && gc_msg_live_bytes() > live);
    if (late) mbox_send(a, gc_msg_mbox(late));
    CHECK(gc_msg_live_bytes() == live);
    actor_release(a);
    /* ... also those still queued when it ends. */
    actor_t *idle = actor_spawn(idle_actor, NULL);
    for (int i = 0; i < 10; i++) {
        gc_msg *q = gc_msg_pack(ai_list_new((ai_value[]){v, I(i)}, 2));
        if (q) mbox_send(idle, gc_msg_mbox(q));
    }
    CHECK(actor_wait(idle) == ACTOR_EXIT_NORMAL);
    actor_release(idle);
    CHECK(gc_msg_live_bytes() == live);

    /* A module first imported by an actor that has ended since. */
    actor_t *imp = actor_spawn(importer_actor, NULL);
    CHECK(actor_wait(imp) == ACTOR_EXIT_NORMAL);
    actor_release(imp);
    churn(100);
    ai_value rnd = ai_import("_random");
    ai_value seed = I(5);
    CHECK(rnd && ai_call(ai_getattr(rnd, N("seed")), &seed, 1, 0) == AI_NONE);
    CHECK_STREQ(R(ai_call(ai_getattr(rnd, N("randrange")), (ai_value[]){I(1000)}, 1, 0)), "637");

    CHECK(atomic_load(&actor_failures) == 0);
    CHECK(exc_pending() == 0);
    if (check_failures || getenv("CHECK_VERBOSE"))
        fprintf(stderr, "%d of %d checks failed\n", check_failures, check_count);
    if (check_failures)
        return ai_raise_fmt(&ai_exc_RuntimeError, "%d checks failed", check_failures);
    return AI_NONE;
}

int main(int argc, char **argv) {
    stress = getenv("AITHON_GC_STRESS") != NULL;
    (void)STR("the thread's heap exists from here on");
    sender = alloc_current_heap();
    test_scalars();
    test_nested();
    test_sharing();
    test_cycles();
    test_deep();
    test_large();
    test_identity_keys();
    test_instances_and_exceptions();
    test_independent();
    test_unsendable();
    test_functions();
    test_odd_cases();
    test_free();
    CHECK(alloc_current_heap() == sender && exc_pending() == 0);
    /* The receiver's heap goes; the sender's objects do not care. */
    alloc_heap_release(&receiver);
    CHECK(receiver.chunks == NULL);
    if (check_failures) CHECK_DONE();
    /* The actors: exits with their verdict (mod_run_main ends the process). */
    return mod_run_main(argc, argv, actors_main);
}
