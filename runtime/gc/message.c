/*
 * gc/message.c — packing a value's object graph out of the sender's heap
 * into a malloc'd fragment, and rebuilding it in the receiver's heap (the
 * API and what may be sent: gc/message.h).
 *
 * The fragment: one malloc block, a gc_msg header (whose first member is
 * the mbox_msg_t that links it into a mailbox) followed by a copy of
 * every object of the graph, each 8-aligned, in the order the traversal
 * first met them (the root first), with its GC header bits cleared; then
 * the offsets of the dicts and sets whose tables must be re-hashed (see
 * "Hashes" below), then the offsets of the copies that hold an external
 * reference (see "Handles" below). Slots of the copies that held a copied object hold
 * the address of its copy inside the fragment; slots that held an
 * immortal value (outside the sender's heap) hold it unchanged.
 *
 * Pack, pass 1 (nothing is allocated in the heap, so no collection can
 * run, G6): a depth-first traversal from the root with an explicit stack
 * (a million-long chain must not recurse) through each type's gc_visit
 * (G1: every reference is a reported slot). An open-addressing map from
 * an original's address to its number keeps sharing and cycles: an
 * object gets one number and is expanded once. Each object's type is
 * checked when it is first met; the internal blocks of the sendable
 * types (a list's or bytearray's item buffer, a dict's keys block, a
 * set's table, an exception's traceback) are accepted only through the
 * slot of their owner that reports them. For every pointer slot visited
 * the traversal records what it found (the target's number, or "not
 * copied"), and it yields a post-order of the tables to re-hash (below).
 * Pack, pass 2: one malloc of the total size; memcpy of every object;
 * then each copy's gc_visit, in pass 1's expansion order, with a visitor
 * that takes the next record and rewrites the slot to the copy's address
 * (the copies have the originals' contents, so their gc_visit reports the
 * same slots in the same order: no second lookup; a mismatch aborts). All
 * copies exist before the first is visited: list_visit re-derives
 * `items` from the buffer slot it reports, then visits the items in the
 * copied buffer.
 *
 * Unpack, with collection suppressed in the receiver's heap (its
 * `collecting` flag, which makes every allocation and gc_collect skip
 * collecting — so none of the new objects can become old before it is
 * complete): phase 1 ai_allocs every object in fragment order (large
 * ones get their own chunks as usual), memcpys its body and leaves the
 * new address in the fragment copy's header word (a forwarding pointer);
 * phase 2 runs each new object's gc_visit with a visitor that replaces
 * every slot pointing into the fragment with the forwarding address
 * found there. The fragment is then freed and collection allowed again;
 * phase 3 re-hashes the flagged tables (with collection allowed: it may
 * run user code).
 *
 * Hashes. Copies have new addresses, and a dict or set stores each key's
 * hash: correct for keys that hash by content (str and bytes — whose own
 * cached hash is content-based and not randomised —, int, float, range,
 * and tuples or frozensets made of such), wrong for keys that hash by
 * identity (instances without __hash__, NaN floats) and unknowable for a
 * user __hash__. Pass 1 classifies every key of every copied dict or set
 * (KEY_DEPTH levels of tuples/frozensets deep); a table with a key it
 * cannot prove content-hashed is flagged, and unpack rebuilds it by
 * re-inserting the entries into a fresh dict/set of the receiver and
 * moving the fresh object's body into the rebuilt one (bodies are
 * movable: set.c swaps them itself; no other object points into one).
 * The order is the traversal's post-order, so that a frozenset used as a
 * key (whose hash is computed from its own table) is rebuilt before the
 * tables that hold it. (A hash that depends on an object only reachable
 * through a cycle back to the table may still be computed too early;
 * no builtin type's hash does.)
 *
 * Per-type fix-ups beyond gc_visit, in pass 2 (lists, including
 * instances of list subclasses): a list being sorted (cap == -1, detached
 * and empty, see sort.c) is sent as an empty list; the unused tail of a
 * list's item buffer (stale words past `len`) is zeroed, so that no word
 * of the receiver's heap points into the sender's. Nothing else needs
 * one: str and bytes cache only content hashes; a dict's keys block and
 * a set's table hold no pointer to their owner; set dummies are a static
 * object (the same in every heap); dict lookups compare keys by identity
 * only as a shortcut before hash and ==.
 *
 * Handles. A type whose slots have `msg` (core/object.h, ai_msg_ops) is
 * sendable too: its objects are copied byte for byte like the others,
 * and an object that holds a counted reference outside every heap (a Pid
 * holds its process) has hooks that move the reference along: pass 2
 * calls `retain` on each copy; a fragment freed without being unpacked
 * calls `release` on each; unpack calls `adopt` on each new object, which
 * then owns the copy's reference. Their offsets follow the re-hash list.
 *
 * Functions. A function object is its static ai_func_info plus its
 * defaults, closure and keyword defaults, all reported by its gc_visit:
 * it is copied like a tuple would be, closure cells included (so the
 * receiver's function has cells of its own: a copy, as for every other
 * value). Bound methods (the function and its self) likewise.
 *
 * Tags. Two words of a message that the receiver may read without
 * unpacking it (gc_msg_set_tag): runtime/actors puts a message's kind
 * and its reference number there.
 *
 * Both calls poll the scheduler every POLL_EVERY objects (sched_poll),
 * so that a big message does not hold its worker: while the task is
 * parked no other task touches its heap (one task per actor), and the
 * receiver's heap keeps collection suppressed.
 *
 * Not handled: sharing of large immutable strs/bytes between heaps (each
 * message copies twice: into the fragment, then into the receiver);
 * generators, iterators and files are refused rather than copied.
 */
#include "gc/message.h"

#include "gc/gcint.h"
#include "objects/class.h"
#include "objects/text.h"
#include "sched/sched.h"

#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How deep key_stable looks into tuples and frozensets used as keys. */
#define KEY_DEPTH 16
/* Poll the scheduler every so many objects in the long loops. */
#define POLL_EVERY 4096
#define NONE       SIZE_MAX

struct gc_msg {
    mbox_msg_t mbox; /* first: the mailbox link; drop = msg_drop */
    size_t bytes;    /* object copies in data[] */
    size_t nobjs;
    size_t nrehash;  /* offsets (uint64_t) after the copies */
    size_t nhandles; /* offsets after those: copies with msg hooks */
    size_t total;    /* bytes malloc'd */
    ai_value root;   /* the root's copy in data[], or the value itself */
    uint64_t tag[2]; /* the sender's words for the receiver (gc_msg_set_tag) */
    uint64_t data[]; /* the copies (8-aligned), then the offsets */
};

static _Atomic size_t live_bytes;

static const ai_msg_ops *msg_ops(const ai_type *t) {
    return t->slots ? ((const ai_slots *)t->slots)->msg : NULL;
}

static void msg_release(gc_msg *m) {
    atomic_fetch_sub_explicit(&live_bytes, m->total, memory_order_relaxed);
    free(m);
}

static const uint64_t *handle_offsets(const gc_msg *m) {
    return (const uint64_t *)((const char *)m->data + m->bytes) + m->nrehash;
}

/* A fragment that will never be unpacked: its copies give their external
 * references back, then it is freed. */
static void msg_discard(gc_msg *m) {
    const uint64_t *hs = handle_offsets(m);
    for (size_t i = 0; i < m->nhandles; i++) {
        ai_object *c = (ai_object *)((char *)m->data + hs[i]);
        const ai_msg_ops *ops = msg_ops(ai_type_of_obj(c));
        if (ops && ops->release) ops->release(c);
    }
    msg_release(m);
}

static void msg_drop(mbox_msg_t *mm) { msg_discard((gc_msg *)(void *)mm); }

void gc_msg_free(gc_msg *m) {
    if (m) msg_discard(m);
}

void gc_msg_set_tag(gc_msg *m, uint64_t a, uint64_t b) {
    m->tag[0] = a;
    m->tag[1] = b;
}

uint64_t gc_msg_tag(const gc_msg *m, int i) { return m->tag[i & 1]; }

mbox_msg_t *gc_msg_mbox(gc_msg *m) { return &m->mbox; }

gc_msg *gc_msg_from_mbox(mbox_msg_t *mm) {
    return mm && mm->drop == msg_drop ? (gc_msg *)(void *)mm : NULL;
}

size_t gc_msg_size(const gc_msg *m) { return m->bytes; }

size_t gc_msg_live_bytes(void) { return atomic_load_explicit(&live_bytes, memory_order_relaxed); }

/* The builtin type whose layout instances of t have (a class's `solid`). */
static const ai_type *solid_of(const ai_type *t) {
    return cls_check_type(t) ? ((const cls_type *)t)->solid : t;
}

/* ---- what may be sent --------------------------------------------------------------- */

/* Types Python code can hold whose instances are copied. */
static bool type_sendable(const ai_type *t) {
    if (cls_check_type(t)) {
        const ai_type *s = ((const cls_type *)t)->solid;
        /* (not asyncio's Queue, Future … : their state is the actor's) */
        return s == &ai_object_type || s == &ai_list_type || s == &ai_dict_type || s == &ai_bytearray_type ||
               s == &ai_array_type || (s->flags & AI_TF_EXCEPTION);
    }
    return t == &ai_int_type || t == &ai_float_type || t == &ai_str_type || t == &ai_bytes_type ||
           t == &ai_bytearray_type || t == &ai_array_type || t == &ai_tuple_type || t == &ai_list_type ||
           t == &ai_dict_type || t == &ai_set_type || t == &ai_frozenset_type ||
           t == &ai_range_type || t == &ai_slice_type || (t->flags & AI_TF_EXCEPTION) ||
           t == &ai_function_type || t == &ai_cell_type || t == &cls_method_type ||
           msg_ops(t) != NULL;
}

/* Does a copy of an object of type t hold an external reference? */
static bool type_has_handle(const ai_type *t) {
    const ai_msg_ops *ops = msg_ops(t);
    return ops && (ops->retain || ops->release || ops->adopt);
}

/* ---- the packer ----------------------------------------------------------------------- */

/* The map from an original's address to its number (key 0: empty). */
typedef struct map_entry {
    uintptr_t key;
    size_t num;
} map_entry;

/* An object of the message, by number (the order of discovery, which is
 * also the layout order): the original and its copy's offset in data[],
 * with the low bit set once the traversal has expanded it. */
typedef struct pobj {
    ai_object *orig;
    size_t off;
} pobj;

typedef struct packer {
    alloc_heap *h;  /* the sender's heap */
    map_entry *map; /* open addressing, mask + 1 entries */
    size_t mask;
    pobj *objs;
    size_t n, cap;
    size_t bytes;  /* sum of the copies' sizes */
    size_t *order; /* numbers in the order they were expanded */
    size_t norder, caporder;
    /* What pass 1 found in each pointer slot, in visiting order: the
     * target's number, or NONE for an immortal value. Pass 2 visits the
     * copies in the same order and meets the same slots (gc_visit is a
     * function of the object's contents), so it needs no map lookups. */
    size_t *edges;
    size_t nedges, capedges, ei;
    /* The DFS stack: number << 2 | 0 to expand it, | 1 when its subtree
     * is done, | 3 when moreover its table must be re-hashed. */
    size_t *stack;
    size_t sn, scap;
    size_t *rehash; /* numbers of flagged tables, in post-order */
    size_t nrehash, caprehash;
    size_t *handles; /* numbers of the objects with msg hooks */
    size_t nhandles, caphandles;
    ai_object *holder; /* the object being expanded, and its layout */
    const ai_type *solid;
    const ai_type *bad; /* the first type that cannot be sent */
    bool nomem;
    char *data; /* pass 2: the fragment's copies */
} packer;

static inline size_t map_slot(size_t mask, uintptr_t p) {
    /* Objects of one 1 KiB block share a window of 64 slots, in address
     * order (the traversal often meets neighbours one after the other:
     * one cache miss serves several); the blocks are scattered. */
    uint64_t block = (uint64_t)(p >> 10) * 0x9E3779B97F4A7C15ull;
    return (size_t)(((block >> 32) << 6) | ((p >> 4) & 63)) & mask;
}

static size_t map_get(const packer *P, const void *o) {
    uintptr_t p = (uintptr_t)o;
    for (size_t i = map_slot(P->mask, p);; i = (i + 1) & P->mask) {
        if (P->map[i].key == p) return P->map[i].num;
        if (!P->map[i].key) return NONE;
    }
}

static void map_put(map_entry *map, size_t mask, uintptr_t p, size_t num) {
    size_t i = map_slot(mask, p);
    while (map[i].key) i = (i + 1) & mask;
    map[i] = (map_entry){p, num};
}

static bool map_grow(packer *P) {
    size_t cap = P->map ? (P->mask + 1) * 2 : 1024;
    map_entry *m = calloc(cap, sizeof *m);
    if (!m) return false;
    if (P->map)
        for (size_t i = 0; i <= P->mask; i++)
            if (P->map[i].key) map_put(m, cap - 1, P->map[i].key, P->map[i].num);
    free(P->map);
    P->map = m;
    P->mask = cap - 1;
    return true;
}

/* Append x to the array *a of *n (capacity *cap) size_t; false on OOM. */
static inline bool append(packer *P, size_t **a, size_t *n, size_t *cap, size_t x) {
    if (*n == *cap && !gc_grow((void **)a, cap, sizeof **a, *n + 1, 1024)) {
        P->nomem = true;
        return false;
    }
    (*a)[(*n)++] = x;
    return true;
}

/* Number the original o and reserve its place in the fragment. */
static size_t add_object(packer *P, ai_object *o) {
    if ((P->n + 1) * 2 > P->mask + 1 && !map_grow(P)) goto oom;
    if (P->n == P->cap && !gc_grow((void **)&P->objs, &P->cap, sizeof *P->objs, P->n + 1, 1024))
        goto oom;
    size_t i = P->n++;
    P->objs[i] = (pobj){o, P->bytes};
    P->bytes += gc_obj_size(o);
    map_put(P->map, P->mask, (uintptr_t)o, i);
    if (type_has_handle(ai_type_of_obj(o)) && !append(P, &P->handles, &P->nhandles, &P->caphandles, i))
        return NONE;
    return i;
oom:
    P->nomem = true;
    return NONE;
}

static inline size_t copy_off(const packer *P, size_t i) { return P->objs[i].off & ~(size_t)1; }

/* ---- pass 1 --------------------------------------------------------------------------- */

static bool in_heap(const packer *P, ai_value v) {
    return v && !(v & 1) && P->h && gc_map_find(P->h, (uintptr_t)v);
}

static bool set_keys_stable(packer *P, ai_object *set, int depth);

/* Does key k hash the same after the copy (by content, or not copied)? */
static bool key_stable(packer *P, ai_value k, int depth) {
    if (!in_heap(P, k)) return true; /* small int or immortal: same identity */
    const ai_type *t = ai_type_of_obj(ai_obj(k));
    if (t == &ai_str_type || t == &ai_bytes_type || t == &ai_int_type || t == &ai_range_type)
        return true;
    if (t == &ai_float_type) return !isnan(float_get(k)); /* a NaN hashes by identity */
    if (depth >= KEY_DEPTH) return false;
    if (t == &ai_tuple_type) {
        ai_tuple *tp = tuple_obj(k);
        for (int64_t i = 0; i < tp->len; i++)
            if (!key_stable(P, tp->items[i], depth + 1)) return false;
        return true;
    }
    if (t == &ai_frozenset_type) return set_keys_stable(P, ai_obj(k), depth + 1);
    return false;
}

typedef struct keyscan {
    packer *P;
    int depth;
    bool stable;
} keyscan;

/* A set's visit reports its table (then the table's visit the keys) or
 * its inline keys. */
static void keyscan_visit(ai_value *slot, void *ctx) {
    keyscan *ks = ctx;
    ai_value k = *slot;
    if (!ks->stable) return;
    if (k && !(k & 1)) {
        const ai_type *t = ai_type_of_obj(ai_obj(k));
        if (t == &ai_set_table_type) {
            t->gc_visit(ai_obj(k), keyscan_visit, ctx);
            return;
        }
    }
    if (!key_stable(ks->P, k, ks->depth)) ks->stable = false;
}

static bool set_keys_stable(packer *P, ai_object *set, int depth) {
    keyscan ks = {P, depth, true};
    ai_type_of_obj(set)->gc_visit(set, keyscan_visit, &ks);
    return ks.stable;
}

/* Must o's table be re-hashed in the receiver? */
static bool needs_rehash(packer *P, ai_object *o, const ai_type *solid) {
    if (solid == &ai_dict_type) {
        int64_t pos = 0;
        ai_value k;
        while (dict_next(ai_val(o), &pos, &k, NULL, NULL))
            if (!key_stable(P, k, 0)) return true;
        return false;
    }
    if (solid == &ai_set_type || solid == &ai_frozenset_type) return !set_keys_stable(P, o, 0);
    return false;
}

/* A block only its owner's slot may report (see the file comment). */
static bool internal_child(const packer *P, const ai_value *slot, const ai_type *t) {
    const ai_type *s = P->solid;
    if (t == &ai_rawbuf_type) return s == &ai_list_type || s == &ai_bytearray_type || s == &ai_array_type;
    if (s == &ai_dict_type) return t == &ai_dict_keysblock_type;
    if (s == &ai_set_type || s == &ai_frozenset_type) return t == &ai_set_table_type;
    if (s->flags & AI_TF_EXCEPTION) return slot == &((ai_exc *)P->holder)->tb && t == &ai_traceback_type;
    return false;
}

static void p1_visit(ai_value *slot, void *ctx) {
    packer *P = ctx;
    ai_value v = *slot;
    if (!v || (v & 1) || P->bad || P->nomem) return;
    size_t i = NONE;
    if (in_heap(P, v)) {
        ai_object *o = ai_obj(v);
        i = map_get(P, o);
        if (i == NONE) { /* first met: its type decides */
            const ai_type *t = ai_type_of_obj(o);
            if (!type_sendable(t) && !internal_child(P, slot, t)) {
                P->bad = t;
                return;
            }
            if ((i = add_object(P, o)) == NONE) return;
        }
        /* Pushed again if met again before its expansion, so that the
         * expansion order is a true depth-first one (post-order below). */
        if (!(P->objs[i].off & 1) && !append(P, &P->stack, &P->sn, &P->scap, i << 2)) return;
    }
    append(P, &P->edges, &P->nedges, &P->capedges, i);
}

static void pass1(packer *P) {
    append(P, &P->stack, &P->sn, &P->scap, 0); /* the root is number 0 */
    while (P->sn && !P->nomem && !P->bad) {
        size_t e = P->stack[--P->sn], i = e >> 2;
        if (e & 1) { /* i's subtree is done: post-order */
            if (e & 2) append(P, &P->rehash, &P->nrehash, &P->caprehash, i);
            continue;
        }
        if (P->objs[i].off & 1) continue; /* pushed twice, expanded since */
        P->objs[i].off |= 1;
        if (!append(P, &P->order, &P->norder, &P->caporder, i)) break;
        ai_object *o = P->objs[i].orig;
        const ai_type *t = ai_type_of_obj(o);
        const ai_type *solid = solid_of(t);
        bool flag = needs_rehash(P, o, solid);
        if (!append(P, &P->stack, &P->sn, &P->scap, (i << 2) | (flag ? 3 : 1))) break;
        if (t->gc_visit) {
            P->holder = o;
            P->solid = solid;
            t->gc_visit(o, p1_visit, P);
        }
        if (P->norder % POLL_EVERY == 0) sched_poll();
    }
}

/* ---- pass 2 --------------------------------------------------------------------------- */

static void p2_visit(ai_value *slot, void *ctx) {
    packer *P = ctx;
    ai_value v = *slot;
    if (!v || (v & 1)) return;
    if (P->ei >= P->nedges) {
        P->ei++; /* reported below */
        return;
    }
    size_t i = P->edges[P->ei++];
    if (i != NONE) *slot = ai_val(P->data + copy_off(P, i));
}

static void pass2(packer *P, gc_msg *m) {
    char *data = (char *)m->data;
    P->data = data;
    for (size_t i = 0; i < P->n; i++) {
        size_t off = copy_off(P, i), end = i + 1 < P->n ? copy_off(P, i + 1) : P->bytes;
        ai_object *c = (ai_object *)(data + off);
        memcpy(c, P->objs[i].orig, end - off);
        c->hdr &= ~AI_HDR_GC_MASK;
    }
    P->ei = 0;
    for (size_t k = 0; k < P->norder; k++) {
        ai_object *c = (ai_object *)(data + copy_off(P, P->order[k]));
        const ai_type *t = ai_type_of_obj(c);
        bool is_list = solid_of(t) == &ai_list_type;
        ai_list *l = (ai_list *)c;
        /* A list being sorted is detached (items NULL, len 0, cap -1,
         * see sort.c): it arrives as an ordinary empty list. */
        if (is_list && l->cap < 0 && !l->items) l->cap = l->len = 0;
        if (t->gc_visit) t->gc_visit(c, p2_visit, P);
        if (is_list && l->items) { /* no stale words past len in the copy */
            const ai_rawbuf *rb = (const ai_rawbuf *)l->items - 1;
            int64_t slots = rb->size / (int64_t)sizeof(ai_value);
            for (int64_t j = l->len; j < slots; j++) l->items[j] = 0;
        }
        if ((k + 1) % POLL_EVERY == 0) sched_poll();
    }
    if (P->ei != P->nedges) {
        /* A gc_visit that reports other slots for identical contents:
         * the copies cannot be trusted (a runtime bug, not user error). */
        fprintf(stderr, "aithon: message: slots differ between pass 1 and pass 2 (%zu, %zu)\n",
                P->nedges, P->ei);
        abort();
    }
    uint64_t *rh = (uint64_t *)(data + P->bytes);
    for (size_t j = 0; j < P->nrehash; j++) rh[j] = copy_off(P, P->rehash[j]);
    /* Every copy exists and can no longer be dropped for a failure: the
     * handles take their references. */
    uint64_t *hs = rh + P->nrehash;
    for (size_t j = 0; j < P->nhandles; j++) {
        hs[j] = copy_off(P, P->handles[j]);
        ai_object *c = (ai_object *)(data + hs[j]);
        const ai_msg_ops *ops = msg_ops(ai_type_of_obj(c));
        if (ops->retain) ops->retain(c);
    }
}

static void packer_free(packer *P) {
    free(P->map);
    free(P->objs);
    free(P->order);
    free(P->edges);
    free(P->stack);
    free(P->rehash);
    free(P->handles);
}

gc_msg *gc_msg_pack(ai_value v) {
    if (!v) {
        ai_raise_fmt(&ai_exc_SystemError, "gc_msg_pack: no value (AI_ERR)");
        return NULL;
    }
    packer P = {.h = alloc_current_heap()};
    bool copy = in_heap(&P, v);
    if (copy && !type_sendable(ai_type_of_obj(ai_obj(v)))) {
        ai_raise_fmt(&ai_exc_TypeError, GC_MSG_UNSENDABLE_FMT, ai_type_of_obj(ai_obj(v))->name);
        return NULL;
    }
    if (copy && add_object(&P, ai_obj(v)) != NONE) pass1(&P);
    /* The map is done with: give its memory back before the fragment's. */
    free(P.map);
    P.map = NULL;
    gc_msg *m = NULL;
    if (!P.nomem && !P.bad) {
        size_t total = sizeof(gc_msg) + P.bytes + (P.nrehash + P.nhandles) * sizeof(uint64_t);
        m = malloc(total);
        if (!m) {
            P.nomem = true;
        } else {
            atomic_init(&m->mbox.next, NULL);
            m->mbox.drop = msg_drop;
            m->bytes = P.bytes;
            m->nobjs = P.n;
            m->nrehash = P.nrehash;
            m->nhandles = P.nhandles;
            m->total = total;
            m->root = v;
            m->tag[0] = m->tag[1] = 0;
            if (copy) {
                pass2(&P, m);
                m->root = ai_val(m->data); /* number 0, at offset 0 */
            }
            atomic_fetch_add_explicit(&live_bytes, total, memory_order_relaxed);
        }
    }
    const ai_type *bad = P.bad;
    bool nomem = P.nomem;
    packer_free(&P);
    /* Raised only now: raising allocates in the heap (G6). */
    if (bad)
        ai_raise_fmt(&ai_exc_TypeError, GC_MSG_UNSENDABLE_FMT, bad->name);
    else if (nomem)
        exc_nomem();
    return m;
}

/* ---- unpack --------------------------------------------------------------------------- */

typedef struct fragment {
    uintptr_t lo;
    size_t bytes;
} fragment;

/* The new object a fragment copy was forwarded to. */
static inline ai_object *forwarded(const void *copy) {
    return (ai_object *)(((const ai_object *)copy)->hdr & ~AI_HDR_GC_MASK);
}

static void fwd_visit(ai_value *slot, void *ctx) {
    const fragment *f = ctx;
    ai_value v = *slot;
    if ((uintptr_t)v - f->lo < f->bytes) *slot = ai_val(forwarded(ai_obj(v)));
}

/* Re-insert the entries of dict or set o (just unpacked) into a fresh
 * one and give o the fresh body. tmp: two rooted scratch slots. */
static int rehash(ai_value o, ai_value *tmp) {
    const ai_type *solid = solid_of(ai_type_of(o));
    ai_value fresh;
    if (solid == &ai_dict_type) {
        fresh = tmp[0] = dict_new();
        if (!fresh) return -1;
        int64_t pos = 0;
        ai_value k, v;
        while (dict_next(o, &pos, &k, &v, NULL))
            if (dict_set(fresh, k, v) < 0) return -1;
    } else {
        fresh = tmp[0] = set_new((ai_type *)solid, 0);
        if (!fresh) return -1;
        ai_value it = tmp[1] = ai_iter(o), k;
        if (!it) return -1;
        int32_t rc;
        while ((rc = ai_for_next(it, &k)) == 1)
            if (ai_set_add(fresh, k) < 0) return -1;
        if (rc < 0) return -1;
    }
    /* The body only: o keeps its header and, for an instance of a dict
     * subclass, the words past the dict's layout. */
    memcpy((char *)ai_obj(o) + sizeof(ai_object), (char *)ai_obj(fresh) + sizeof(ai_object),
           solid->basicsize - sizeof(ai_object));
    gc_barrier_all(ai_obj(o));
    tmp[0] = tmp[1] = 0;
    return 0;
}

ai_value gc_msg_unpack(gc_msg *m) {
    if (!m) return ai_raise_fmt(&ai_exc_SystemError, "gc_msg_unpack: no message");
    if (!m->nobjs) {
        ai_value r = m->root;
        msg_release(m);
        return r;
    }
    size_t nh = m->nhandles;
    alloc_heap *h = alloc_running_heap();
    uint8_t saved = h->collecting;
    h->collecting = 1; /* no collection until every object is complete */
    char *data = (char *)m->data, *end = data + m->bytes;
    size_t nr = m->nrehash;
    /* vals: the root, the flagged tables, two scratch slots */
    ai_value *vals = nr ? gc_vals_alloc((int64_t)nr + 3) : NULL;
    if (nr && !vals) goto fail;

    /* Phase 1: allocate and fill; forward the fragment copy. */
    size_t k = 0;
    for (char *p = data; p < end; k++) {
        ai_object *c = (ai_object *)p;
        ai_type *t = ai_type_of_obj(c);
        size_t size = gc_obj_size(c);
        ai_object *n = ai_alloc(t, size);
        if (!n) {
            /* Neutralise what was made: its slots point into the
             * fragment, which goes away. A zeroed body is a valid
             * (empty, possibly shorter: G2) object of every type here. */
            for (char *q = data; q < p;) {
                ai_object *o = forwarded(q);
                size_t sz = gc_obj_size(o);
                memset((char *)o + sizeof(ai_object), 0, sz - sizeof(ai_object));
                q += sz;
            }
            /* The fragment's handles give their references back: the
             * bodies are intact; the type of a forwarded copy is read
             * from its new object's header. */
            const uint64_t *hs = handle_offsets(m);
            for (size_t j = 0; j < nh; j++) {
                char *q = data + hs[j];
                const ai_type *qt = q < p ? ai_type_of_obj(forwarded(q)) : ai_type_of_obj((ai_object *)q);
                const ai_msg_ops *ops = msg_ops(qt);
                if (ops && ops->release) ops->release((ai_object *)q);
            }
            nh = 0;
            goto fail;
        }
        memcpy((char *)n + sizeof(ai_object), p + sizeof(ai_object), size - sizeof(ai_object));
        c->hdr = (uintptr_t)n;
        p += size;
        if (k % POLL_EVERY == POLL_EVERY - 1) sched_poll();
    }

    /* Phase 2: every slot that points into the fragment → the new object. */
    fragment f = {(uintptr_t)data, m->bytes};
    k = 0;
    for (char *p = data; p < end; k++) {
        ai_object *n = forwarded(p);
        const ai_type *t = ai_type_of_obj(n);
        p += gc_obj_size(n);
        if (t->gc_visit) {
            t->gc_visit(n, fwd_visit, &f);
            gc_barrier_all(n); /* no-op: n is young (collection is off) */
        }
        if (k % POLL_EVERY == POLL_EVERY - 1) sched_poll();
    }
    /* The new objects own the handles' references from here on. */
    const uint64_t *hs = handle_offsets(m);
    for (size_t j = 0; j < nh; j++) {
        ai_object *n = forwarded(data + hs[j]);
        const ai_msg_ops *ops = msg_ops(ai_type_of_obj(n));
        if (ops->adopt) ops->adopt(n);
    }
    ai_value root = m->root;
    fwd_visit(&root, &f);
    if (vals) {
        vals[0] = root;
        const uint64_t *rh = (const uint64_t *)end;
        for (size_t j = 0; j < nr; j++) vals[1 + j] = ai_val(forwarded(data + rh[j]));
    }
    msg_release(m);
    h->collecting = saved;

    /* Phase 3: tables whose keys hash by identity (see the file comment). */
    if (vals) {
        for (size_t j = 0; j < nr; j++)
            if (rehash(vals[1 + j], &vals[1 + nr]) < 0) {
                gc_vals_free(vals);
                return AI_ERR;
            }
        root = vals[0];
        gc_vals_free(vals);
    }
    return root;

fail:
    if (vals) gc_vals_free(vals);
    if (nh)
        msg_discard(m); /* failed before phase 1: every handle is the fragment's */
    else
        msg_release(m);
    h->collecting = saved;
    return AI_ERR;
}
