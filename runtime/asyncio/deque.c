/*
 * asyncio/deque.c — a small double-ended queue of values for the
 * primitives' waiter lists and the FIFO queue's items (what CPython keeps
 * in collections.deque).
 *
 * A ring over a tuple used as raw storage: `len` live items starting at
 * `head`, the other slots 0. Growing allocates a tuple twice the size
 * and copies the items in order, so the capacity is always a power of
 * two (4, 8, …) and an index wraps with a mask, not a division (a
 * 64-bit idiv per push and pop was a visible part of a Queue hand-off).
 * The tuple's own gc_visit reports the
 * slots (0 is a valid empty slot), and every store goes through the
 * write barrier of the tuple that holds it.
 */
#include "asyncio/aio.h"

static void deque_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit(&((aio_deque *)o)->items, ctx);
}

static ai_type aio_deque_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "deque",
    .module = "collections",
    .base = &ai_object_type,
    .basicsize = sizeof(aio_deque),
    .repr = obj_default_repr,
    .gc_visit = deque_visit,
    .gc_size = alloc_fixed_size,
};

static aio_deque *dq(ai_value d) { return (aio_deque *)ai_obj(d); }
static int64_t cap_of(aio_deque *d) { return tuple_obj(d->items)->len; }
/* i mod the capacity (a power of two) */
static int64_t wrap(aio_deque *d, int64_t i) { return i & (cap_of(d) - 1); }

ai_value aio_deque_new(void) {
    ai_value items = tuple_new(4);
    if (!items) return AI_ERR;
    aio_deque *d = ai_alloc(&aio_deque_type, sizeof(aio_deque));
    if (!d) return AI_ERR;
    d->items = items;
    return ai_val(d);
}

int aio_deque_push(ai_value dv, ai_value v) {
    aio_deque *d = dq(dv);
    int64_t cap = cap_of(d);
    if (d->len == cap) {
        ai_value n = tuple_new(cap * 2);
        if (!n) return -1;
        d = dq(dv);
        ai_tuple *o = tuple_obj(d->items), *t = tuple_obj(n);
        for (int64_t i = 0; i < d->len; i++) t->items[i] = o->items[(d->head + i) & (cap - 1)];
        d->items = n;
        d->head = 0;
        gc_barrier(d, n);
        cap *= 2;
    }
    ai_tuple *t = tuple_obj(d->items);
    t->items[(d->head + d->len) & (cap - 1)] = v;
    gc_barrier(t, v);
    d->len++;
    return 0;
}

ai_value aio_deque_at(ai_value dv, int64_t i) {
    aio_deque *d = dq(dv);
    return tuple_obj(d->items)->items[(d->head + i) & (cap_of(d) - 1)];
}

ai_value aio_deque_popleft(ai_value dv) {
    aio_deque *d = dq(dv);
    if (!d->len) return 0;
    ai_tuple *t = tuple_obj(d->items);
    ai_value v = t->items[d->head];
    t->items[d->head] = 0;
    d->head = wrap(d, d->head + 1);
    d->len--;
    return v;
}

ai_value aio_deque_pop(ai_value dv) {
    aio_deque *d = dq(dv);
    if (!d->len) return 0;
    ai_tuple *t = tuple_obj(d->items);
    int64_t i = wrap(d, d->head + d->len - 1);
    ai_value v = t->items[i];
    t->items[i] = 0;
    d->len--;
    return v;
}

bool aio_deque_remove(ai_value dv, ai_value v) {
    aio_deque *d = dq(dv);
    int64_t cap = cap_of(d);
    ai_tuple *t = tuple_obj(d->items);
    for (int64_t i = 0; i < d->len; i++) {
        if (t->items[(d->head + i) & (cap - 1)] != v) continue;
        for (int64_t j = i; j + 1 < d->len; j++)
            t->items[(d->head + j) & (cap - 1)] = t->items[(d->head + j + 1) & (cap - 1)];
        t->items[(d->head + d->len - 1) & (cap - 1)] = 0;
        d->len--;
        gc_barrier_all(t);
        return true;
    }
    return false;
}
