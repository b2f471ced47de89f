/*
 * asyncio/queues.c — Queue, PriorityQueue and LifoQueue of CPython
 * 3.11's asyncio.queues, with QueueEmpty and QueueFull.
 *
 * Items live in a deque (FIFO) or a list (a heap for PriorityQueue, a
 * stack for LifoQueue). A get() on an empty queue queues a future in
 * `getters` and awaits it; put_nowait() sets the first getter that is
 * not done (_wakeup_next), and the getter then takes an item itself:
 * the same hand-off as CPython, so which task gets which item, and when,
 * is the same. join() waits for the unfinished-task count to reach zero
 * (CPython's _finished Event, folded in: a deque of join waiters).
 *
 * A task that must wait parks itself in `getters` / `putters` (aio.h,
 * "Direct waits"): no future, no done-callback; the wake schedules its
 * step where the future's callback would have gone, and the task then
 * re-checks the queue as CPython's loop `while self.empty()` does (a
 * woken getter does not own an item: get_nowait() may take it first).
 * The inline root parks too (its wait runs the loop nested). A body that
 * cannot park (an async generator's inside a task) awaits a future,
 * which shares the deque. A getter future that served
 * its get() is kept (`spare`) and reused by the next: it never escapes
 * the queue and the awaiting task (aio_future_recycle), so this is
 * invisible. Either way a Queue hand-off allocates nothing.
 *
 * Subclasses (objects/class.c; queue_subinit is Queue.__init__ on their
 * instances). CPython's Queue calls its own methods, which a subclass
 * may override: put() ends in self.put_nowait(), get() in
 * self.get_nowait(), and the items are kept by self._init(maxsize),
 * self._put(item), self._get() (PriorityQueue and LifoQueue are built on
 * these), and put()/put_nowait() ask self.full(), get()/get_nowait()
 * self.empty(), full() self.qsize(). The same calls are made here, but
 * only for an instance whose
 * class overrides the method (`custom`, found once by queue_subinit):
 * an exact Queue never looks anything up. A class that overrides _init
 * keeps the items itself, in self._queue: qsize() is len(self._queue),
 * and the base's _put/_get work on that object as CPython's do.
 */
#include "asyncio/aio.h"

#include "modules/modutil.h"
#include "objects/class.h"

#define METHOD(fn) AIO_METHOD(fn)
/* (the checks' functions only when the call is not the plain one: a
 * Queue hop makes two calls) */
#define EXACT_ARGS(name, n)                                                                  \
    do {                                                                                     \
        if ((kwnames || nargs != (n)) &&                                                     \
            (call_no_kwargs(name, kwnames) < 0 || call_exact_args(name, nargs, (n)) < 0))    \
            return AI_ERR;                                                                   \
    } while (0)
#define NOARGS(name)   \
    do {               \
        (void)args;    \
        EXACT_ARGS(name, 0); \
    } while (0)
#define NATIVE_INFO(var, name, qualname) \
    static const ai_func_info var = {name, qualname, 0, 0, NULL, NULL, NULL, 0, 0}

enum { Q_FIFO, Q_PRIORITY, Q_LIFO };

typedef struct aio_queue {
    ai_object ob;
    ai_value items;     /* deque (FIFO) or list (PRIORITY, LIFO) */
    ai_value getters, putters, joiners; /* deques of futures */
    ai_value spare;     /* a finished getter to reuse, or 0 */
    ai_value maxsize;   /* as given (its repr is shown) */
    int64_t max;        /* <= 0: unbounded */
    int64_t unfinished;
    int32_t kind;
    uint32_t custom;    /* QC_*: what the instance's class overrides */
} aio_queue;

enum { QC_INIT = 1, QC_PUT = 2, QC_GET = 4, QC_PUT_NOWAIT = 8, QC_GET_NOWAIT = 16, QC_QSIZE = 32, QC_FULL = 64,
       QC_EMPTY = 128 };

extern ai_type aio_queue_type, aio_priorityqueue_type, aio_lifoqueue_type;

static aio_queue *q_obj(ai_value v) { return (aio_queue *)ai_obj(v); }

static void queue_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    aio_queue *q = (aio_queue *)o;
    ai_value *s[] = {&q->items, &q->getters, &q->putters, &q->joiners, &q->maxsize, &q->spare};
    for (size_t i = 0; i < sizeof s / sizeof *s; i++)
        if (*s[i]) visit(s[i], ctx);
}

/* Queue.__init__(maxsize) on q: fresh waiters, no items (the kind's
 * container), no unfinished tasks. */
static int queue_fill(ai_value self, int kind, ai_value maxsize) {
    ai_value items = kind == Q_FIFO ? aio_deque_new() : list_new(0);
    ai_value g = items ? aio_deque_new() : 0, p = g ? aio_deque_new() : 0, j = p ? aio_deque_new() : 0;
    if (!j) return -1;
    int64_t max = 0;
    if (int_check(maxsize)) {
        bool fits, err;
        max = obj_index_i64(maxsize, &fits, &err);
        if (err) return AI_ERR;
        if (!fits) max = int_sign(maxsize) < 0 ? 0 : INT64_MAX;
    } else if (float_check(maxsize)) {
        double d = float_get(maxsize);
        max = d <= 0 ? 0 : d >= 9e18 ? INT64_MAX : (int64_t)d + (d != (double)(int64_t)d);
    } else {
        ai_raise_fmt(&ai_exc_TypeError, "'<=' not supported between instances of '%s' and 'int'",
                     obj_type_name(maxsize));
        return -1;
    }
    aio_queue *q = q_obj(self);
    q->items = items;
    q->getters = g;
    q->putters = p;
    q->joiners = j;
    q->maxsize = maxsize;
    q->spare = 0;
    q->max = max;
    q->unfinished = 0;
    q->kind = kind;
    gc_barrier_all(q);
    return 0;
}

static ai_value queue_make(ai_type *t, int kind, ai_value maxsize) {
    aio_queue *q = ai_alloc(t, sizeof(aio_queue));
    if (!q) return AI_ERR;
    return queue_fill(ai_val(q), kind, maxsize) < 0 ? AI_ERR : ai_val(q);
}

/* Does the instance's class (a user class) define `name` itself? */
static bool overridden(ai_value self, const char *name) {
    cls_found f;
    ai_value n = str_of_literal(name);
    return n && cls_lookup(ai_type_of(self), 0, n, &f) >= 0 && f.kind == CF_VALUE;
}

ai_value aio_queue_new_unbounded(void) { return queue_make(&aio_queue_type, Q_FIFO, ai_smallint(0)); }

/* self._queue of a class that overrides _init (AI_ERR: none). */
static ai_value own_items(ai_value self) { return ai_getattr(self, str_of_literal("_queue")); }

/* -1 with an exception pending (only with a subclass's own _queue). */
static int64_t qsize(ai_value self) {
    aio_queue *q = q_obj(self);
    if (q->custom & QC_INIT) {
        ai_value items = own_items(self);
        return items ? ai_match_len(items) : -1;
    }
    return q->kind == Q_FIFO ? aio_deque_len(q->items) : list_obj(q->items)->len;
}

/* self.qsize(): a subclass's override (an int, as CPython's `>=`
 * against maxsize needs one here), or the base's; -1 error. */
static int64_t q_qsize(ai_value self) {
    if (!(q_obj(self)->custom & QC_QSIZE)) return qsize(self);
    ai_value r = cls_call_named(self, "qsize", NULL, 0);
    if (!r) return -1;
    bool fits, err;
    if (!int_check(r)) {
        ai_raise_fmt(&ai_exc_TypeError, "'>=' not supported between instances of '%s' and 'int'", obj_type_name(r));
        return -1;
    }
    int64_t n = obj_index_i64(r, &fits, &err);
    if (err) return -1;
    return !fits ? (int_sign(r) < 0 ? 0 : INT64_MAX) : n < 0 ? 0 : n;
}

/* Queue.full(): 1 / 0, -1 error */
static int base_full(ai_value self) {
    if (q_obj(self)->max <= 0) return 0;
    int64_t n = q_qsize(self);
    return n < 0 ? -1 : n >= q_obj(self)->max;
}

/* A FIFO queue whose class overrides nothing (custom 0): its steps are
 * the base's, read straight from its deque (every Queue hop takes a
 * full() or an empty() check; ring and ping_pong take millions). */
static inline bool plain_fifo(const aio_queue *q) { return !q->custom && q->kind == Q_FIFO; }

/* self.full() and self.empty() where CPython's methods call them. */
__attribute__((noinline)) static int qfull_slow(ai_value self) {
    if (!(q_obj(self)->custom & QC_FULL)) return base_full(self);
    ai_value r = cls_call_named(self, "full", NULL, 0);
    return r ? ai_truthy(r) : -1;
}

static inline int qfull(ai_value self) {
    aio_queue *q = q_obj(self);
    if (plain_fifo(q)) return q->max > 0 && aio_deque_len(q->items) >= q->max;
    return qfull_slow(self);
}

__attribute__((noinline)) static int qempty_slow(ai_value self) {
    if (!(q_obj(self)->custom & QC_EMPTY)) {
        int64_t n = qsize(self);
        return n < 0 ? -1 : n == 0;
    }
    ai_value r = cls_call_named(self, "empty", NULL, 0);
    return r ? ai_truthy(r) : -1;
}

static inline int qempty(ai_value self) {
    aio_queue *q = q_obj(self);
    if (plain_fifo(q)) return aio_deque_len(q->items) == 0;
    return qempty_slow(self);
}

/* ---- the heap of PriorityQueue (heapq's siftdown/siftup) ------------------------------------ */

static int heap_push(ai_value list, ai_value item) {
    if (ai_list_append(list, item) < 0) return -1;
    ai_list *l = list_obj(list);
    int64_t pos = l->len - 1;
    ai_value newitem = l->items[pos];
    while (pos > 0) {
        int64_t parent = (pos - 1) >> 1;
        ai_value p = list_obj(list)->items[parent];
        int32_t lt = ai_compare_bool(newitem, p, AI_CMP_LT);
        if (lt < 0) return -1;
        if (!lt) break;
        l = list_obj(list);
        l->items[pos] = p;
        pos = parent;
    }
    l = list_obj(list);
    l->items[pos] = newitem;
    gc_barrier_all(l);
    return 0;
}

static ai_value heap_pop(ai_value list) {
    ai_list *l = list_obj(list);
    ai_value last = l->items[--l->len];
    if (l->len == 0) return last;
    ai_value ret = l->items[0];
    /* siftup: move the smaller child up until a leaf, then siftdown */
    int64_t end = l->len, pos = 0, start = 0;
    l->items[0] = last;
    ai_value newitem = last;
    int64_t child = 1;
    while (child < end) {
        int64_t right = child + 1;
        if (right < end) {
            int32_t lt = ai_compare_bool(list_obj(list)->items[child], list_obj(list)->items[right], AI_CMP_LT);
            if (lt < 0) return AI_ERR;
            if (!lt) child = right;
        }
        l = list_obj(list);
        l->items[pos] = l->items[child];
        pos = child;
        child = 2 * pos + 1;
    }
    while (pos > start) {
        int64_t parent = (pos - 1) >> 1;
        ai_value p = list_obj(list)->items[parent];
        int32_t lt = ai_compare_bool(newitem, p, AI_CMP_LT);
        if (lt < 0) return AI_ERR;
        if (!lt) break;
        l = list_obj(list);
        l->items[pos] = p;
        pos = parent;
    }
    l = list_obj(list);
    l->items[pos] = newitem;
    gc_barrier_all(l);
    return ret;
}

/* ---- _put / _get / _wakeup_next ------------------------------------------------------------- */

/* The base's _put/_get on a subclass's own self._queue: append, and
 * popleft (FIFO), pop (LIFO) or the heap's pop (a list, PRIORITY). */
static int own_put(ai_value self, ai_value item) {
    ai_value items = own_items(self);
    if (!items) return -1;
    if (q_obj(self)->kind == Q_PRIORITY) {
        if (!list_check(items)) {
            ai_raise_fmt(&ai_exc_TypeError, "heappush() argument 1 must be list, not %s", obj_type_name(items));
            return -1;
        }
        return heap_push(items, item);
    }
    return ai_call_method(items, str_of_literal("append"), &item, 1, 0, NULL) ? 0 : -1;
}

static ai_value own_get(ai_value self) {
    ai_value items = own_items(self);
    if (!items) return AI_ERR;
    int kind = q_obj(self)->kind;
    if (kind == Q_PRIORITY) {
        if (!list_check(items))
            return ai_raise_fmt(&ai_exc_TypeError, "heappop() argument 1 must be list, not %s", obj_type_name(items));
        if (!list_obj(items)->len) return ai_raise_msg(&ai_exc_IndexError, "index out of range");
        return heap_pop(items);
    }
    return ai_call_method(items, str_of_literal(kind == Q_FIFO ? "popleft" : "pop"), NULL, 0, 0, NULL);
}

/* Queue._put / _get as the base class defines them. */
static int base_put(ai_value self, ai_value item) {
    aio_queue *q = q_obj(self);
    if (q->custom & QC_INIT) return own_put(self, item);
    switch (q->kind) {
    case Q_FIFO: return aio_deque_push(q->items, item);
    case Q_PRIORITY: return heap_push(q->items, item);
    default: return ai_list_append(q->items, item);
    }
}

static ai_value base_get(ai_value self) {
    aio_queue *q = q_obj(self);
    if (q->custom & QC_INIT) return own_get(self);
    switch (q->kind) {
    case Q_FIFO: return aio_deque_popleft(q->items);
    case Q_PRIORITY: return heap_pop(q->items);
    default: return list_obj(q->items)->items[--list_obj(q->items)->len];
    }
}

/* self._put(item) / self._get(): a subclass's override, or the base's. */
static int q_put(ai_value self, ai_value item) {
    if (q_obj(self)->custom & QC_PUT) return cls_call_named(self, "_put", &item, 1) ? 0 : -1;
    return base_put(self, item);
}

static ai_value q_get(ai_value self) {
    if (q_obj(self)->custom & QC_GET) return cls_call_named(self, "_get", NULL, 0);
    return base_get(self);
}

/* A waiter is a task parked itself (aio_task_park) or a future (the
 * inline root's, which cannot park); either stands for CPython's future. */
static int wakeup_next(ai_value waiters) {
    for (;;) {
        ai_value w = aio_deque_popleft(waiters);
        if (!w) return 0;
        if (aio_is_task(w)) {
            if (aio_tsk(w)->park == AIO_PARK_WAITING) return aio_task_unpark(w);
        } else if (aio_fut(w)->state == AIO_PENDING) {
            return aio_future_set_result(w, AI_NONE);
        }
    }
}

int aio_queue_put_nowait(ai_value self, ai_value item) {
    int full = qfull(self);
    if (full < 0) return -1;
    if (full) {
        ai_raise_msg(&aio_QueueFull, NULL);
        return -1;
    }
    if (q_put(self, item) < 0) return -1;
    q_obj(self)->unfinished++;
    return wakeup_next(q_obj(self)->getters);
}

static ai_value get_nowait(ai_value self) {
    int empty = qempty(self);
    if (empty < 0) return AI_ERR;
    if (empty) return ai_raise_msg(&aio_QueueEmpty, NULL);
    ai_value item = q_get(self);
    if (!item) return AI_ERR;
    if (wakeup_next(q_obj(self)->putters) < 0) return AI_ERR;
    return item;
}

/* The except-clause of put()/get(): cancel the waiter, drop it, and pass
 * the wake-up on if it was ours but we cannot take it. */
static void waiter_failed(ai_value self, ai_value waiters, ai_value w, bool can_take) {
    ai_value e = ai_exc_fetch();
    if (aio_fut(w)->state == AIO_PENDING) aio_future_cancel(w, AI_NONE);
    aio_deque_remove(waiters, w);
    (void)self;
    if (can_take && aio_fut(w)->state != AIO_CANCELLED && wakeup_next(waiters) < 0) exc_clear();
    exc_set_pending(e);
}

/* The same for a parked task: its wait ended with exception, in state
 * `how` (WOKEN: its future was done, so not cancelled by the clause). */
static void parked_failed(ai_value waiters, ai_value task, int how, bool can_take) {
    ai_value e = ai_exc_fetch();
    aio_deque_remove(waiters, task);
    if (can_take && how == AIO_PARK_WOKEN && wakeup_next(waiters) < 0) exc_clear();
    exc_set_pending(e);
}

/* `not self.empty()` / `not self.full()` in put()'s and get()'s except
 * clauses (an error there is dropped: the wake-up is passed on). */
static bool may_pass_on(ai_value self, bool getter) {
    if (!(q_obj(self)->custom & (QC_INIT | QC_QSIZE | QC_FULL | QC_EMPTY))) /* runs no Python code */
        return getter ? qsize(self) != 0 : !base_full(self);
    ai_value e = ai_exc_fetch();
    int r = getter ? qempty(self) : qfull(self);
    if (r < 0) exc_clear();
    if (e) exc_set_pending(e);
    return r <= 0;
}

/* Wait in `waiters` of queue self, parked or on a future: 1 woken, 0 no
 * task to park (use a future), -1 error (frame: the AIO_FR_* to add). */
static int park_in(ai_value self, ai_value waiters, bool getter, int frame) {
    ai_value task = aio_park_task();
    if (!task) return 0;
    if (aio_deque_push(waiters, task) < 0) return -1;
    int how;
    if (aio_task_park(task, self, &how)) return 1;
    parked_failed(waiters, task, how, may_pass_on(self, getter));
    aio_add_frame(frame);
    return -1;
}

/* get_nowait() of a plain FIFO queue holding an item. */
static ai_value plain_take(ai_value self) {
    aio_queue *q = q_obj(self);
    ai_value item = aio_deque_popleft(q->items);
    if (aio_deque_len(q->putters) && wakeup_next(q->putters) < 0) return AI_ERR;
    return item;
}

/* self.get_nowait() at the end of get(): a subclass's override, or the base's. */
static ai_value get_nowait_of(ai_value self) {
    if (plain_fifo(q_obj(self))) return plain_take(self);
    if (q_obj(self)->custom & QC_GET_NOWAIT) return cls_call_named(self, "get_nowait", NULL, 0);
    return get_nowait(self);
}

ai_value aio_queue_get(ai_value self) {
    int empty;
    while ((empty = qempty(self)) > 0) {
        int p = park_in(self, q_obj(self)->getters, true, AIO_FR_QUEUE_GET);
        if (p < 0) return AI_ERR;
        if (p) continue;
        ai_value loop = aio_running_loop();
        if (!loop) return AI_ERR;
        ai_value getter = q_obj(self)->spare;
        if (getter && aio_future_recycle(getter, loop)) q_obj(self)->spare = 0;
        else getter = aio_future_new(loop);
        if (!getter || aio_deque_push(q_obj(self)->getters, getter) < 0) return AI_ERR;
        if (!aio_future_await(getter)) {
            waiter_failed(self, q_obj(self)->getters, getter, may_pass_on(self, true));
            aio_add_frame(AIO_FR_QUEUE_GET);
            return AI_ERR;
        }
        /* served (wakeup_next took it out of `getters`): keep it */
        aio_queue *q = q_obj(self);
        q->spare = getter;
        gc_barrier(q, getter);
    }
    return empty < 0 ? AI_ERR : get_nowait_of(self);
}

static ai_value get_body(const ai_value *a) { return aio_queue_get(a[0]); }
NATIVE_INFO(get_info, "get", "Queue.get");

static ai_value put_body(const ai_value *a) {
    ai_value self = a[0];
    int full;
    while ((full = qfull(self)) > 0) {
        int p = park_in(self, q_obj(self)->putters, false, AIO_FR_QUEUE_PUT);
        if (p < 0) return AI_ERR;
        if (p) continue;
        ai_value loop = aio_running_loop();
        if (!loop) return AI_ERR;
        ai_value putter = aio_future_new(loop);
        if (!putter || aio_deque_push(q_obj(self)->putters, putter) < 0) return AI_ERR;
        if (!aio_future_await(putter)) {
            waiter_failed(self, q_obj(self)->putters, putter, may_pass_on(self, false));
            aio_add_frame(AIO_FR_QUEUE_PUT);
            return AI_ERR;
        }
    }
    if (full < 0) return AI_ERR;
    if (q_obj(self)->custom & QC_PUT_NOWAIT) return cls_call_named(self, "put_nowait", &a[1], 1);
    return aio_queue_put_nowait(self, a[1]) < 0 ? AI_ERR : AI_NONE;
}
NATIVE_INFO(put_info, "put", "Queue.put");

static ai_value join_body(const ai_value *a) {
    ai_value self = a[0];
    if (q_obj(self)->unfinished <= 0) return AI_NONE;
    ai_value loop = aio_running_loop();
    if (!loop) return AI_ERR;
    ai_value w = aio_future_new(loop);
    if (!w || aio_deque_push(q_obj(self)->joiners, w) < 0) return AI_ERR;
    ai_value r = aio_future_await(w);
    aio_deque_remove(q_obj(self)->joiners, w);
    if (r) return AI_NONE;
    /* CPython waits on an Event (self._finished) */
    aio_add_frame(AIO_FR_EVENT_WAIT);
    aio_add_frame(AIO_FR_QUEUE_JOIN);
    return AI_ERR;
}
NATIVE_INFO(join_info, "join", "Queue.join");

/* ---- the Python face ----------------------------------------------------------------------------- */

/* `await q.put(x)` / `await q.get()` on a plain FIFO queue (plain_fifo)
 * with room free / an item ready: CPython's put() and get() then do
 * exactly put_nowait() and get_nowait(), which this does without the
 * calls of the overridable steps (full(), qsize(), _put() …: every ring
 * and ping_pong hop takes one of each). Waits go the general way
 * (put_body, aio_queue_get). */

AIO_CORO_METHOD(m_put) {
    EXACT_ARGS("put", 1);
    aio_queue *q = q_obj(self);
    if (now && plain_fifo(q) && (q->max <= 0 || aio_deque_len(q->items) < q->max)) {
        if (aio_deque_push(q->items, args[0]) < 0) return AI_ERR;
        q = q_obj(self);
        q->unfinished++;
        if (aio_deque_len(q->getters) && wakeup_next(q->getters) < 0) return AI_ERR;
        return AI_NONE;
    }
    ai_value a[2] = {self, args[0]};
    return aio_native_start(now, &put_info, put_body, a, 2);
}

AIO_CORO_METHOD(m_get) {
    NOARGS("get");
    aio_queue *q = q_obj(self);
    if (now && plain_fifo(q) && aio_deque_len(q->items)) return plain_take(self);
    return aio_native_start(now, &get_info, get_body, &self, 1);
}

METHOD(m_join) {
    NOARGS("join");
    return aio_native_coro(&join_info, join_body, &self, 1);
}

METHOD(m_put_nowait) {
    EXACT_ARGS("put_nowait", 1);
    return aio_queue_put_nowait(self, args[0]) < 0 ? AI_ERR : AI_NONE;
}

METHOD(m_get_nowait) {
    NOARGS("get_nowait");
    return get_nowait(self);
}

METHOD(m_task_done) {
    NOARGS("task_done");
    aio_queue *q = q_obj(self);
    if (q->unfinished <= 0) return ai_raise_msg(&ai_exc_ValueError, "task_done() called too many times");
    if (--q->unfinished == 0) {
        ai_value j = q->joiners;
        for (int64_t i = 0; i < aio_deque_len(j); i++) {
            ai_value w = aio_deque_at(j, i);
            if (aio_fut(w)->state == AIO_PENDING && aio_future_set_result(w, AI_TRUE) < 0) return AI_ERR;
        }
    }
    return AI_NONE;
}

METHOD(m_qsize) {
    NOARGS("qsize");
    int64_t n = qsize(self);
    return n < 0 ? AI_ERR : ai_int_from_i64(n);
}

METHOD(m_empty) {
    NOARGS("empty");
    int64_t n = qsize(self);
    return n < 0 ? AI_ERR : ai_bool(n == 0);
}

METHOD(m_full) {
    NOARGS("full");
    int full = base_full(self);
    return full < 0 ? AI_ERR : ai_bool(full);
}

/* The internal protocol, for a subclass's super()._put(item) etc. */
METHOD(m__init) {
    (void)args;
    EXACT_ARGS("_init", 1);
    aio_queue *q = q_obj(self);
    ai_value items = q->kind == Q_FIFO ? aio_deque_new() : list_new(0);
    if (!items) return AI_ERR;
    q = q_obj(self);
    q->items = items;
    q->custom &= ~(uint32_t)QC_INIT; /* the items are the base's again */
    gc_barrier(q, items);
    return AI_NONE;
}

METHOD(m__put) {
    EXACT_ARGS("_put", 1);
    return base_put(self, args[0]) < 0 ? AI_ERR : AI_NONE;
}

METHOD(m__get) {
    NOARGS("_get");
    int64_t n = qsize(self);
    if (n < 0) return AI_ERR;
    if (n == 0 && !(q_obj(self)->custom & QC_INIT))
        return ai_raise_msg(&ai_exc_IndexError, q_obj(self)->kind == Q_FIFO ? "pop from an empty deque" : "pop from empty list");
    return base_get(self);
}

static ai_value g_maxsize(ai_value self) { return q_obj(self)->maxsize; }

/* The items, as list(self._queue) shows them. */
static ai_value items_list(ai_value self) {
    aio_queue *q = q_obj(self);
    if (q->custom & QC_INIT) {
        ai_value items = own_items(self);
        return items ? list_from_iter(items) : AI_ERR;
    }
    if (q->kind != Q_FIFO) return ai_list_new(list_obj(q->items)->items, list_obj(q->items)->len);
    int64_t n = aio_deque_len(q->items);
    ai_value l = list_new(n);
    if (!l) return AI_ERR;
    for (int64_t i = 0; i < n; i++)
        if (ai_list_append(l, aio_deque_at(q_obj(self)->items, i)) < 0) return AI_ERR;
    return l;
}

static bool add_format(strbuf *b, ai_value self) {
    ai_value r = ai_repr(q_obj(self)->maxsize);
    if (!r) return false;
    sb_adds(b, "maxsize=");
    sb_add_str(b, r);
    int64_t n = qsize(self);
    if (n < 0) return false;
    if (n) {
        ai_value l = items_list(self);
        ai_value lr = l ? ai_repr(l) : 0;
        if (!lr) return false;
        sb_adds(b, " _queue=");
        sb_add_str(b, lr);
    }
    aio_queue *q = q_obj(self);
    if (aio_deque_len(q->getters)) sb_printf(b, " _getters[%lld]", (long long)aio_deque_len(q->getters));
    if (aio_deque_len(q->putters)) sb_printf(b, " _putters[%lld]", (long long)aio_deque_len(q->putters));
    if (q->unfinished) sb_printf(b, " tasks=%lld", (long long)q->unfinished);
    return true;
}

static ai_value queue_repr(ai_value self) {
    aio_ahead_guard(); /* shows state other tasks change */
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "<%s at %#llx ", ai_type_of(self)->name, (unsigned long long)(uintptr_t)ai_obj(self));
    if (!add_format(&b, self)) {
        sb_free(&b);
        return AI_ERR;
    }
    sb_addc(&b, '>');
    return sb_finish(&b);
}

static ai_value queue_str(ai_value self) {
    aio_ahead_guard(); /* shows state other tasks change */
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "<%s ", ai_type_of(self)->name);
    if (!add_format(&b, self)) {
        sb_free(&b);
        return AI_ERR;
    }
    sb_addc(&b, '>');
    return sb_finish(&b);
}

static ai_value construct_kind(ai_value cls, int kind, const char *name, const ai_value *args, int64_t nargs,
                               ai_value kwnames) {
    static const char *const kw[] = {"maxsize"};
    mu_clinic c = {name, kw, 0, 1, 0, 0, 0};
    ai_value a[1];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    return queue_make((ai_type *)ai_obj(cls), kind, a[0] ? a[0] : ai_smallint(0));
}

/* Queue.__init__(maxsize=0) on an instance of a subclass (core/object.h,
 * subinit): the kind from its class (a subclass of PriorityQueue keeps a
 * heap whichever base's __init__ runs, as CPython's self._init), then
 * the overrides it has, then its own _init. */
static ai_value queue_subinit(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    const ai_type *t = ai_type_of(self);
    int kind = obj_type_is_sub(t, &aio_priorityqueue_type) ? Q_PRIORITY
               : obj_type_is_sub(t, &aio_lifoqueue_type)   ? Q_LIFO
                                                           : Q_FIFO;
    if (nargs < 0) return queue_fill(self, kind, ai_smallint(0)) < 0 ? AI_ERR : AI_NONE; /* the defaults */
    static const char *const kw[] = {"maxsize"};
    mu_clinic c = {"Queue", kw, 0, 1, 0, 0, 0};
    ai_value a[1];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    ai_value maxsize = a[0] ? a[0] : ai_smallint(0);
    if (queue_fill(self, kind, maxsize) < 0) return AI_ERR;
    uint32_t custom = (overridden(self, "_put") ? QC_PUT : 0) | (overridden(self, "_get") ? QC_GET : 0) |
                      (overridden(self, "put_nowait") ? QC_PUT_NOWAIT : 0) |
                      (overridden(self, "get_nowait") ? QC_GET_NOWAIT : 0) |
                      (overridden(self, "qsize") ? QC_QSIZE : 0) | (overridden(self, "full") ? QC_FULL : 0) |
                      (overridden(self, "empty") ? QC_EMPTY : 0);
    if (exc_pending()) return AI_ERR;
    q_obj(self)->custom = custom;
    if (overridden(self, "_init")) {
        q_obj(self)->custom |= QC_INIT;
        if (!cls_call_named(self, "_init", &maxsize, 1)) return AI_ERR;
    }
    return exc_pending() ? AI_ERR : AI_NONE;
}

static ai_value fifo_construct(ai_value cls, const ai_value *a, int64_t n, ai_value kw) {
    return construct_kind(cls, Q_FIFO, "Queue", a, n, kw);
}
static ai_value prio_construct(ai_value cls, const ai_value *a, int64_t n, ai_value kw) {
    return construct_kind(cls, Q_PRIORITY, "PriorityQueue", a, n, kw);
}
static ai_value lifo_construct(ai_value cls, const ai_value *a, int64_t n, ai_value kw) {
    return construct_kind(cls, Q_LIFO, "LifoQueue", a, n, kw);
}

static const ai_method_def queue_methods[] = {
    {"put", m_put, &aio_queue_type, AI_METH_AWAITS_NOW},
    {"get", m_get, &aio_queue_type, AI_METH_AWAITS_NOW},
    {"join", m_join, &aio_queue_type, 0},
    {"put_nowait", m_put_nowait, &aio_queue_type, 0},
    {"get_nowait", m_get_nowait, &aio_queue_type, 0},
    {"task_done", m_task_done, &aio_queue_type, 0},
    {"qsize", m_qsize, &aio_queue_type, 0},
    {"empty", m_empty, &aio_queue_type, 0},
    {"full", m_full, &aio_queue_type, 0},
    {"_init", m__init, &aio_queue_type, 0},
    {"_put", m__put, &aio_queue_type, 0},
    {"_get", m__get, &aio_queue_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_getset_def queue_getset[] = {{"maxsize", g_maxsize}, {NULL, NULL}};

static const ai_slots fifo_slots = {
    .methods = queue_methods, .getset = queue_getset, .construct = fifo_construct, .subinit = queue_subinit};
static const ai_slots prio_slots = {.construct = prio_construct};
static const ai_slots lifo_slots = {.construct = lifo_construct};

#define QUEUE_TYPE(var, NAME, BASE, SLOTS)   \
    ai_type var = {                          \
        .ob = {(uintptr_t)&ai_type_type},    \
        .name = NAME,                        \
        .module = "asyncio.queues",          \
        .base = BASE,                        \
        .basicsize = sizeof(aio_queue),      \
        .repr = queue_repr,                  \
        .str = queue_str,                    \
        .gc_visit = queue_visit,             \
        .gc_size = alloc_fixed_size,         \
        .slots = (void *)&SLOTS,             \
    };

QUEUE_TYPE(aio_queue_type, "Queue", &ai_object_type, fifo_slots)
QUEUE_TYPE(aio_priorityqueue_type, "PriorityQueue", &aio_queue_type, prio_slots)
QUEUE_TYPE(aio_lifoqueue_type, "LifoQueue", &aio_queue_type, lifo_slots)

int aio_queues_init(ai_value m) {
    ai_type *ts[] = {&aio_queue_type, &aio_priorityqueue_type, &aio_lifoqueue_type, &aio_QueueEmpty,
                     &aio_QueueFull};
    for (size_t i = 0; i < sizeof ts / sizeof *ts; i++)
        if (mod_add(m, ts[i]->name, ai_val(ts[i])) < 0) return -1;
    return 0;
}
