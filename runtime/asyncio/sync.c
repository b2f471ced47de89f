/*
 * asyncio/sync.c — the synchronisation primitives of CPython 3.11's
 * asyncio.locks: Lock, Event, Condition, Semaphore, BoundedSemaphore,
 * Barrier.
 *
 * Each waiting coroutine waits on a future of its own, queued in the
 * primitive's deque of waiters; releasing sets the first waiter's result,
 * so the woken task runs one loop iteration later — CPython's exact
 * hand-off, which decides which task gets a contended lock. A task that
 * can park (aio.h, "Direct waits") queues ITSELF instead of a future and
 * stands for it: pending while WAITING, done once WOKEN (with the result
 * the future would have got, for its repr) or CANCELLED. Every test of a
 * waiter below (done, cancelled, set_result) reads either kind the same
 * way, so FIFO order, the cancellation rules and the reprs are CPython's
 * whichever the waiters are. The methods
 * CPython writes as `async def` (acquire, wait, wait_for) return native
 * coroutines (tasks.c); `async with` goes through __aenter__/__aexit__,
 * which do the same.
 *
 * Subclasses (objects/class.c): the *_subinit functions are the
 * classes' __init__ on their instances. CPython's __aenter__ awaits
 * self.acquire() and __aexit__ calls self.release(): a subclass's
 * overrides of those are called (Condition's are the lock's, as
 * CPython's instance attributes are).
 *
 * Differences: the primitives are not bound to a loop (_LoopBoundMixin's
 * "is bound to a different event loop" check): an actor has one loop.
 */
#include "asyncio/aio.h"

#include "modules/modutil.h"
#include "objects/class.h"

#define METHOD(fn) AIO_METHOD(fn)
#define NOARGS(name)                                                                       \
    do {                                                                                   \
        (void)args;                                                                        \
        if (call_no_kwargs(name, kwnames) < 0 || call_exact_args(name, nargs, 0) < 0) \
            return AI_ERR;                                                                 \
    } while (0)
#define NATIVE_INFO(var, name, qualname) \
    static const ai_func_info var = {name, qualname, 0, 0, NULL, NULL, NULL, 0, 0}

extern ai_type aio_lock_type, aio_event_type, aio_condition_type, aio_semaphore_type,
    aio_boundedsemaphore_type;

typedef struct aio_prim {
    ai_object ob;
    ai_value waiters;           /* deque of futures, or 0 before the first wait */
    ai_value lock;              /* Condition: its Lock */
    int64_t value;              /* Semaphore: the counter; Lock/Event: 0/1 */
    int64_t bound;              /* BoundedSemaphore: the initial value */
} aio_prim;

static aio_prim *prim(ai_value v) { return (aio_prim *)ai_obj(v); }

static void prim_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    aio_prim *p = (aio_prim *)o;
    if (p->waiters) visit(&p->waiters, ctx);
    if (p->lock) visit(&p->lock, ctx);
}

static ai_value prim_new(ai_type *t) {
    aio_prim *p = ai_alloc(t, sizeof(aio_prim));
    return p ? ai_val(p) : AI_ERR;
}

static ai_value waiters_of(ai_value self) {
    if (!prim(self)->waiters) {
        ai_value d = aio_deque_new();
        if (!d) return AI_ERR;
        prim(self)->waiters = d;
        gc_barrier(prim(self), d);
    }
    return prim(self)->waiters;
}

/* A new future on the running loop, queued as a waiter of self. */
static ai_value new_waiter(ai_value self) {
    ai_value loop = aio_running_loop();
    if (!loop) return AI_ERR;
    ai_value w = waiters_of(self);
    if (!w) return AI_ERR;
    ai_value fut = aio_future_new(loop);
    if (!fut || aio_deque_push(w, fut) < 0) return AI_ERR;
    return fut;
}

/* A waiter (a future or a parked task standing for one): fut.done(),
 * fut.cancelled(), fut.set_result(v). A parked task is in the deque only
 * while it waits or until it runs again (it takes itself out at once). */
static bool fut_done(ai_value w) {
    return aio_is_task(w) ? aio_tsk(w)->park != AIO_PARK_WAITING : aio_fut(w)->state != AIO_PENDING;
}
static bool fut_cancelled(ai_value w) {
    return aio_is_task(w) ? aio_tsk(w)->park == AIO_PARK_CANCELLED : aio_fut(w)->state == AIO_CANCELLED;
}
static int fut_set_result(ai_value w, ai_value v) {
    return aio_is_task(w) ? aio_task_unpark_as(w, v) : aio_future_set_result(w, v);
}

/* `fut = create_future(); waiters.append(fut); try: await fut finally:
 * waiters.remove(fut)`, parked when the running task can (no future).
 * True when woken, else false with the exception pending; *cancelled:
 * the future was cancelled (not merely done when the exception came). */
static bool wait_as_waiter(ai_value self, bool *cancelled) {
    ai_value task = aio_park_task();
    if (task) {
        ai_value w = waiters_of(self);
        if (!w || aio_deque_push(w, task) < 0) return false;
        int how;
        ai_value r = aio_task_park(task, self, &how);
        aio_deque_remove(prim(self)->waiters, task);
        *cancelled = how == AIO_PARK_CANCELLED;
        return r != AI_ERR;
    }
    ai_value fut = new_waiter(self);
    if (!fut) return false;
    ai_value r = aio_future_await(fut);
    aio_deque_remove(prim(self)->waiters, fut);
    *cancelled = fut_cancelled(fut);
    return r != AI_ERR;
}

/* "<asyncio.locks.Lock object at 0x… [extra]>" */
static ai_value prim_repr_with(ai_value self, const char *extra) {
    aio_ahead_guard(); /* shows state other tasks change */
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "<");
    cls_add_fullname(&b, ai_type_of(self));
    sb_printf(&b, " object at %p [%s", (void *)ai_obj(self), extra);
    ai_value w = prim(self)->waiters;
    if (w && aio_deque_len(w)) sb_printf(&b, ", waiters:%lld", (long long)aio_deque_len(w));
    sb_adds(&b, "]>");
    return sb_finish(&b);
}

/* ---- Lock ------------------------------------------------------------------------------- */

static void lock_wake_up_first(ai_value self) {
    ai_value w = prim(self)->waiters;
    if (!w || !aio_deque_len(w)) return;
    ai_value fut = aio_deque_at(w, 0);
    if (!fut_done(fut) && fut_set_result(fut, AI_TRUE) < 0) exc_clear();
}

static ai_value lock_acquire_body(const ai_value *a) {
    ai_value self = a[0];
    aio_prim *p = prim(self);
    if (!p->value) {
        bool all_cancelled = true;
        if (p->waiters)
            for (int64_t i = 0; i < aio_deque_len(p->waiters); i++)
                if (!fut_cancelled(aio_deque_at(p->waiters, i))) all_cancelled = false;
        if (all_cancelled) {
            p->value = 1;
            return AI_TRUE;
        }
    }
    bool cancelled;
    if (!wait_as_waiter(self, &cancelled)) {
        if (exc_pending_is(&aio_CancelledError) && !prim(self)->value) {
            ai_value e = ai_exc_fetch();
            lock_wake_up_first(self);
            exc_set_pending(e);
        }
        aio_add_frame(AIO_FR_LOCK_ACQUIRE);
        return AI_ERR;
    }
    prim(self)->value = 1;
    return AI_TRUE;
}
NATIVE_INFO(lock_acquire_info, "acquire", "Lock.acquire");

static int lock_release(ai_value self) {
    if (!prim(self)->value) {
        ai_raise_msg(&ai_exc_RuntimeError, "Lock is not acquired.");
        return -1;
    }
    prim(self)->value = 0;
    lock_wake_up_first(self);
    return 0;
}

AIO_CORO_METHOD(lock_acquire) {
    NOARGS("acquire");
    return aio_native_start(now, &lock_acquire_info, lock_acquire_body, &self, 1);
}

METHOD(lock_release_m) {
    NOARGS("release");
    return lock_release(self) < 0 ? AI_ERR : AI_NONE;
}

METHOD(lock_locked) {
    NOARGS("locked");
    return ai_bool(prim(self)->value != 0);
}

/* _ContextManagerMixin: __aenter__ awaits acquire() and returns None;
 * __aexit__ releases. Shared by Lock, Condition and the semaphores. */
static ai_value acquire_of(ai_value self);
static int release_of(ai_value self);

static ai_value aenter_body(const ai_value *a) {
    ai_value c = acquire_of(a[0]);
    if (!c) return AI_ERR;
    if (!ai_await(c, 0)) {
        aio_add_frame(AIO_FR_AENTER);
        return AI_ERR;
    }
    return AI_NONE;
}
NATIVE_INFO(aenter_info, "__aenter__", "_ContextManagerMixin.__aenter__");

static ai_value aexit_body(const ai_value *a) { return release_of(a[0]) < 0 ? AI_ERR : AI_NONE; }
NATIVE_INFO(aexit_info, "__aexit__", "_ContextManagerMixin.__aexit__");

METHOD(cm_aenter) {
    NOARGS("__aenter__");
    return aio_native_coro(&aenter_info, aenter_body, &self, 1);
}

METHOD(cm_aexit) {
    (void)args, (void)nargs;
    if (call_no_kwargs("__aexit__", kwnames) < 0) return AI_ERR;
    return aio_native_coro(&aexit_info, aexit_body, &self, 1);
}

static ai_value lock_repr(ai_value self) { return prim_repr_with(self, prim(self)->value ? "locked" : "unlocked"); }

static ai_value lock_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls, (void)args;
    if (mu_no_args("Lock", nargs, kwnames) < 0) return AI_ERR;
    return prim_new(&aio_lock_type);
}

/* Lock.__init__ / Event.__init__ of a subclass's instance (nargs -1: the
 * defaults at allocation): unlocked / unset, no waiters. */
static ai_value unset_subinit(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)args;
    if (nargs >= 0 && mu_no_args(obj_type_is_sub(ai_type_of(self), &aio_lock_type) ? "Lock" : "Event", nargs, kwnames) < 0)
        return AI_ERR;
    prim(self)->value = 0;
    prim(self)->waiters = 0;
    return AI_NONE;
}

/* ---- Event ------------------------------------------------------------------------------- */

static ai_value event_wait_body(const ai_value *a) {
    ai_value self = a[0];
    if (prim(self)->value) return AI_TRUE;
    bool cancelled;
    if (wait_as_waiter(self, &cancelled)) return AI_TRUE;
    aio_add_frame(AIO_FR_EVENT_WAIT);
    return AI_ERR;
}
NATIVE_INFO(event_wait_info, "wait", "Event.wait");

AIO_CORO_METHOD(event_wait) {
    NOARGS("wait");
    return aio_native_start(now, &event_wait_info, event_wait_body, &self, 1);
}

METHOD(event_set) {
    NOARGS("set");
    aio_prim *p = prim(self);
    if (p->value) return AI_NONE;
    p->value = 1;
    if (!p->waiters) return AI_NONE;
    for (int64_t i = 0; i < aio_deque_len(p->waiters); i++) {
        ai_value fut = aio_deque_at(prim(self)->waiters, i);
        if (!fut_done(fut) && fut_set_result(fut, AI_TRUE) < 0) return AI_ERR;
    }
    return AI_NONE;
}

METHOD(event_clear) {
    NOARGS("clear");
    prim(self)->value = 0;
    return AI_NONE;
}

METHOD(event_is_set) {
    NOARGS("is_set");
    return ai_bool(prim(self)->value != 0);
}

static ai_value event_repr(ai_value self) { return prim_repr_with(self, prim(self)->value ? "set" : "unset"); }

static ai_value event_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls, (void)args;
    if (mu_no_args("Event", nargs, kwnames) < 0) return AI_ERR;
    return prim_new(&aio_event_type);
}

/* ---- Condition --------------------------------------------------------------------------- */

static ai_value cond_lock(ai_value self) { return prim(self)->lock; }

static ai_value cond_wait_body(const ai_value *a) {
    ai_value self = a[0];
    if (!prim(cond_lock(self))->value) return ai_raise_msg(&ai_exc_RuntimeError, "cannot wait on un-acquired lock");
    if (lock_release(cond_lock(self)) < 0) return AI_ERR;
    bool cancelled_fut;
    ai_value escaped = wait_as_waiter(self, &cancelled_fut) ? 0 : ai_exc_fetch();
    bool cancelled = false;
    for (;;) {
        ai_value c = aio_native_coro(&lock_acquire_info, lock_acquire_body, &prim(self)->lock, 1);
        if (c && ai_await(c, 0)) break;
        if (!exc_pending_is(&aio_CancelledError)) return AI_ERR;
        exc_clear();
        cancelled = true;
    }
    if (cancelled) {
        ai_value e = exc_new(&aio_CancelledError, 0);
        if (!e) return AI_ERR;
        if (escaped) ((ai_exc *)ai_obj(e))->context = escaped;
        return ai_raise(e, 0);
    }
    if (escaped) {
        exc_set_pending(escaped);
        aio_add_frame(AIO_FR_COND_WAIT);
        return AI_ERR;
    }
    return AI_TRUE;
}
NATIVE_INFO(cond_wait_info, "wait", "Condition.wait");

static ai_value cond_wait_for_body(const ai_value *a) {
    ai_value self = a[0], pred = a[1];
    ai_value result = ai_call(pred, NULL, 0, 0);
    for (;;) {
        if (!result) return AI_ERR;
        int32_t t = ai_truthy(result);
        if (t < 0) return AI_ERR;
        if (t) return result;
        if (!cond_wait_body(&self)) {
            aio_add_frame(AIO_FR_COND_WAIT_FOR);
            return AI_ERR;
        }
        result = ai_call(pred, NULL, 0, 0);
    }
}
NATIVE_INFO(cond_wait_for_info, "wait_for", "Condition.wait_for");

AIO_CORO_METHOD(cond_wait) {
    NOARGS("wait");
    return aio_native_start(now, &cond_wait_info, cond_wait_body, &self, 1);
}

METHOD(cond_wait_for) {
    if (call_no_kwargs("wait_for", kwnames) < 0 || call_exact_args("wait_for", nargs, 1) < 0) return AI_ERR;
    ai_value a[2] = {self, args[0]};
    return aio_native_coro(&cond_wait_for_info, cond_wait_for_body, a, 2);
}

static int cond_notify(ai_value self, int64_t n) {
    if (!prim(cond_lock(self))->value) {
        ai_raise_msg(&ai_exc_RuntimeError, "cannot notify on un-acquired lock");
        return -1;
    }
    ai_value w = prim(self)->waiters;
    if (!w) return 0;
    int64_t idx = 0;
    for (int64_t i = 0; i < aio_deque_len(w) && idx < n; i++) {
        ai_value fut = aio_deque_at(w, i);
        if (fut_done(fut)) continue;
        idx++;
        if (fut_set_result(fut, AI_FALSE) < 0) return -1;
    }
    return 0;
}

METHOD(cond_notify_m) {
    static const char *const kw[] = {"n"};
    mu_clinic c = {"notify", kw, 0, 1, 0, 0, 0};
    ai_value a[1];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    int64_t n = 1;
    if (a[0]) {
        bool fits, err;
        n = obj_index_i64(a[0], &fits, &err);
        if (err) return AI_ERR;
        if (!fits) n = INT64_MAX;
    }
    return cond_notify(self, n) < 0 ? AI_ERR : AI_NONE;
}

METHOD(cond_notify_all) {
    NOARGS("notify_all");
    ai_value w = prim(self)->waiters;
    return cond_notify(self, w ? aio_deque_len(w) : 0) < 0 ? AI_ERR : AI_NONE;
}

METHOD(cond_locked) {
    NOARGS("locked");
    return ai_bool(prim(cond_lock(self))->value != 0);
}

METHOD(cond_acquire) {
    NOARGS("acquire");
    return aio_native_coro(&lock_acquire_info, lock_acquire_body, &prim(self)->lock, 1);
}

METHOD(cond_release) {
    NOARGS("release");
    return lock_release(cond_lock(self)) < 0 ? AI_ERR : AI_NONE;
}

static ai_value cond_repr(ai_value self) {
    aio_ahead_guard(); /* shows state other tasks change */
    return prim_repr_with(self, prim(cond_lock(self))->value ? "locked" : "unlocked");
}

/* Condition.__init__(lock=None) on self (nargs -1: a new Lock). */
static ai_value cond_subinit(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    ai_value a[1] = {0};
    static const char *const kw[] = {"lock"};
    mu_clinic c = {"Condition", kw, 0, 1, 0, 0, 0};
    if (nargs >= 0 && mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    ai_value lock = a[0] && a[0] != AI_NONE ? a[0] : prim_new(&aio_lock_type);
    if (!lock) return AI_ERR;
    if (!obj_isinstance(lock, &aio_lock_type))
        return ai_raise_msg(&ai_exc_TypeError, "asyncio.Condition() needs an asyncio.Lock");
    prim(self)->lock = lock;
    prim(self)->waiters = 0;
    gc_barrier(prim(self), lock);
    return AI_NONE;
}

static ai_value cond_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    ai_value self = prim_new(&aio_condition_type);
    if (!self || !cond_subinit(self, args, nargs, kwnames)) return AI_ERR;
    return self;
}

/* ---- Semaphore, BoundedSemaphore ----------------------------------------------------------- */

static bool sem_locked(ai_value self) {
    aio_prim *p = prim(self);
    if (p->value == 0) return true;
    if (p->waiters)
        for (int64_t i = 0; i < aio_deque_len(p->waiters); i++)
            if (!fut_cancelled(aio_deque_at(p->waiters, i))) return true;
    return false;
}

static int sem_wake_up_next(ai_value self) {
    ai_value w = prim(self)->waiters;
    if (!w) return 0;
    for (int64_t i = 0; i < aio_deque_len(w); i++) {
        ai_value fut = aio_deque_at(w, i);
        if (fut_done(fut)) continue;
        prim(self)->value--;
        return fut_set_result(fut, AI_TRUE);
    }
    return 0;
}

static ai_value sem_acquire_body(const ai_value *a) {
    ai_value self = a[0];
    if (!sem_locked(self)) {
        prim(self)->value--;
        return AI_TRUE;
    }
    bool cancelled;
    if (!wait_as_waiter(self, &cancelled)) {
        if (exc_pending_is(&aio_CancelledError) && !cancelled) {
            ai_value e = ai_exc_fetch();
            prim(self)->value++;
            if (sem_wake_up_next(self) < 0) return AI_ERR;
            exc_set_pending(e);
        }
        aio_add_frame(AIO_FR_SEM_ACQUIRE);
        return AI_ERR;
    }
    if (prim(self)->value > 0 && sem_wake_up_next(self) < 0) return AI_ERR;
    return AI_TRUE;
}
NATIVE_INFO(sem_acquire_info, "acquire", "Semaphore.acquire");

static int sem_release(ai_value self) {
    aio_prim *p = prim(self);
    if (obj_type_is_sub(ai_type_of(self), &aio_boundedsemaphore_type) && p->value >= p->bound) {
        ai_raise_msg(&ai_exc_ValueError, "BoundedSemaphore released too many times");
        return -1;
    }
    p->value++;
    return sem_wake_up_next(self);
}

AIO_CORO_METHOD(sem_acquire) {
    NOARGS("acquire");
    return aio_native_start(now, &sem_acquire_info, sem_acquire_body, &self, 1);
}

METHOD(sem_release_m) {
    NOARGS("release");
    return sem_release(self) < 0 ? AI_ERR : AI_NONE;
}

METHOD(sem_locked_m) {
    NOARGS("locked");
    return ai_bool(sem_locked(self));
}

static ai_value sem_repr(ai_value self) {
    aio_ahead_guard(); /* shows state other tasks change */
    char extra[64];
    if (sem_locked(self)) snprintf(extra, sizeof extra, "locked");
    else snprintf(extra, sizeof extra, "unlocked, value:%lld", (long long)prim(self)->value);
    return prim_repr_with(self, extra);
}

/* Semaphore.__init__(value=1) on self (nargs -1: the defaults). */
static ai_value sem_subinit(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    prim(self)->waiters = 0;
    prim(self)->value = prim(self)->bound = 1;
    if (nargs < 0) return AI_NONE;
    bool bounded = obj_type_is_sub(ai_type_of(self), &aio_boundedsemaphore_type);
    static const char *const kw[] = {"value"};
    mu_clinic c = {bounded ? "BoundedSemaphore" : "Semaphore", kw, 0, 1, 0, 0, 0};
    ai_value a[1];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    if (a[0]) {
        int32_t neg = ai_compare_bool(a[0], ai_smallint(0), AI_CMP_LT);
        if (neg < 0) return AI_ERR;
        if (neg) return ai_raise_msg(&ai_exc_ValueError, "Semaphore initial value must be >= 0");
        bool fits, err;
        int64_t v = obj_index_i64(a[0], &fits, &err);
        if (err) return AI_ERR;
        prim(self)->value = prim(self)->bound = v;
    }
    return AI_NONE;
}

static ai_value sem_make(ai_type *t, const char *name, const ai_value *args, int64_t nargs, ai_value kwnames) {
    static const char *const kw[] = {"value"};
    mu_clinic c = {name, kw, 0, 1, 0, 0, 0};
    ai_value a[1];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    int64_t v = 1;
    if (a[0]) {
        int32_t neg = ai_compare_bool(a[0], ai_smallint(0), AI_CMP_LT);
        if (neg < 0) return AI_ERR;
        if (neg) return ai_raise_msg(&ai_exc_ValueError, "Semaphore initial value must be >= 0");
        bool fits, err;
        v = obj_index_i64(a[0], &fits, &err);
        if (err) return AI_ERR;
    }
    ai_value self = prim_new(t);
    if (!self) return AI_ERR;
    prim(self)->value = v;
    prim(self)->bound = v;
    return self;
}

static ai_value sem_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    return sem_make(&aio_semaphore_type, "Semaphore", args, nargs, kwnames);
}

static ai_value bsem_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    return sem_make(&aio_boundedsemaphore_type, "BoundedSemaphore", args, nargs, kwnames);
}

/* ---- what async with calls ----------------------------------------------------------------- */

/* (a subclass's acquire/release, where CPython's would be called) */
static bool calls_own(ai_type *t) { return cls_check_type(t) && !obj_type_is_sub(t, &aio_condition_type); }

static ai_value acquire_of(ai_value self) {
    ai_type *t = ai_type_of(self);
    if (calls_own(t)) {
        ai_value c = cls_call_named(self, "acquire", NULL, 0);
        if (c || exc_pending()) return c;
    }
    if (obj_type_is_sub(t, &aio_lock_type)) return aio_native_coro(&lock_acquire_info, lock_acquire_body, &self, 1);
    if (obj_type_is_sub(t, &aio_condition_type))
        return aio_native_coro(&lock_acquire_info, lock_acquire_body, &prim(self)->lock, 1);
    return aio_native_coro(&sem_acquire_info, sem_acquire_body, &self, 1);
}

static int release_of(ai_value self) {
    ai_type *t = ai_type_of(self);
    if (calls_own(t)) {
        ai_value r = cls_call_named(self, "release", NULL, 0);
        if (r || exc_pending()) return r ? 0 : -1;
    }
    if (obj_type_is_sub(t, &aio_lock_type)) return lock_release(self);
    if (obj_type_is_sub(t, &aio_condition_type)) return lock_release(cond_lock(self));
    return sem_release(self);
}

/* ---- the types ------------------------------------------------------------------------------- */

#define CM_METHODS(T) {"__aenter__", cm_aenter, T, 0}, {"__aexit__", cm_aexit, T, 0}

/* ---- Barrier (3.11) ---------------------------------------------------------------------
 *
 * CPython's asyncio.Barrier step for step, on a Condition of its own:
 * wait() takes the condition's lock, blocks while the barrier drains or
 * resets, counts itself in, and either releases everyone (the last
 * party: the barrier drains) or waits until it is no longer filling;
 * leaving, the last one out sets it filling again. reset() and abort()
 * wake everyone with BrokenBarrierError. */

extern ai_type aio_barrier_type;

enum { B_FILLING, B_DRAINING, B_RESETTING, B_BROKEN };
static const char *const barrier_state_names[] = {"filling", "draining", "resetting", "broken"};

typedef struct aio_barrier {
    ai_object ob;
    ai_value cond;              /* its Condition */
    int64_t parties, count, state;
} aio_barrier;

static aio_barrier *barrier(ai_value v) { return (aio_barrier *)ai_obj(v); }

static void barrier_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    aio_barrier *b = (aio_barrier *)o;
    if (b->cond) visit(&b->cond, ctx);
}

/* `async with self._cond:` around body(self): 0/-1. */
static int with_cond(ai_value self, int (*body)(ai_value self, ai_value *out), ai_value *out) {
    ai_value lock = prim(barrier(self)->cond)->lock;
    if (!lock_acquire_body(&lock)) return -1;
    int rc = body(self, out);
    ai_value escaped = rc < 0 ? ai_exc_fetch() : 0;
    if (lock_release(prim(barrier(self)->cond)->lock) < 0) {
        if (escaped) ((ai_exc *)ai_obj(ai_exc_fetch()))->context = escaped; /* a new error wins */
        return -1;
    }
    if (escaped) exc_set_pending(escaped);
    return rc;
}

static int barrier_notify_all(ai_value self) {
    ai_value cond = barrier(self)->cond;
    ai_value w = prim(cond)->waiters;
    return cond_notify(cond, w ? aio_deque_len(w) : 0);
}

/* await self._cond.wait_for(lambda: <state test>) */
static int wait_until(ai_value self, bool (*ok)(ai_value self)) {
    while (!ok(self)) {
        ai_value cond = barrier(self)->cond;
        if (!cond_wait_body(&cond)) return -1;
    }
    return 0;
}

static bool not_draining_or_resetting(ai_value self) {
    int64_t st = barrier(self)->state;
    return st != B_DRAINING && st != B_RESETTING;
}

static bool not_filling(ai_value self) { return barrier(self)->state != B_FILLING; }

static int barrier_wait_locked(ai_value self, ai_value *out) {
    /* _block */
    if (wait_until(self, not_draining_or_resetting) < 0) return -1;
    if (barrier(self)->state == B_BROKEN) {
        ai_raise_msg(&aio_BrokenBarrierError, "Barrier aborted");
        return -1;
    }
    int64_t index = barrier(self)->count++;
    int rc = 0;
    if (index + 1 == barrier(self)->parties) {
        /* _release */
        barrier(self)->state = B_DRAINING;
        rc = barrier_notify_all(self);
    } else {
        /* _wait */
        rc = wait_until(self, not_filling);
        if (rc == 0 && (barrier(self)->state == B_BROKEN || barrier(self)->state == B_RESETTING)) {
            ai_raise_msg(&aio_BrokenBarrierError, "Abort or reset of barrier");
            rc = -1;
        }
    }
    /* finally: count out, _exit */
    ai_value escaped = rc < 0 ? ai_exc_fetch() : 0;
    aio_barrier *b = barrier(self);
    b->count--;
    if (b->count == 0) {
        if (b->state == B_RESETTING || b->state == B_DRAINING) b->state = B_FILLING;
        if (barrier_notify_all(self) < 0) {
            if (escaped) ((ai_exc *)ai_obj(exc_pending()))->context = escaped;
            return -1;
        }
    }
    if (escaped) {
        exc_set_pending(escaped);
        return -1;
    }
    *out = ai_smallint(index);
    return 0;
}

static ai_value barrier_wait_body(const ai_value *a) {
    ai_value r = 0;
    return with_cond(a[0], barrier_wait_locked, &r) < 0 ? AI_ERR : r;
}
NATIVE_INFO(barrier_wait_info, "wait", "Barrier.wait");

static int barrier_reset_locked(ai_value self, ai_value *out) {
    aio_barrier *b = barrier(self);
    if (b->count > 0) b->state = B_RESETTING;
    else b->state = B_FILLING;
    *out = AI_NONE;
    return barrier_notify_all(self);
}

static ai_value barrier_reset_body(const ai_value *a) {
    ai_value r = 0;
    return with_cond(a[0], barrier_reset_locked, &r) < 0 ? AI_ERR : r;
}
NATIVE_INFO(barrier_reset_info, "reset", "Barrier.reset");

static int barrier_abort_locked(ai_value self, ai_value *out) {
    barrier(self)->state = B_BROKEN;
    *out = AI_NONE;
    return barrier_notify_all(self);
}

static ai_value barrier_abort_body(const ai_value *a) {
    ai_value r = 0;
    return with_cond(a[0], barrier_abort_locked, &r) < 0 ? AI_ERR : r;
}
NATIVE_INFO(barrier_abort_info, "abort", "Barrier.abort");

static ai_value barrier_aexit_body(const ai_value *a) {
    (void)a;
    return AI_NONE;
}
NATIVE_INFO(barrier_aexit_info, "__aexit__", "Barrier.__aexit__");

METHOD(barrier_wait) {
    NOARGS("wait");
    return aio_native_coro(&barrier_wait_info, barrier_wait_body, &self, 1);
}

METHOD(barrier_aenter) {
    NOARGS("__aenter__");
    return aio_native_coro(&barrier_wait_info, barrier_wait_body, &self, 1);
}

METHOD(barrier_aexit) {
    (void)args, (void)nargs;
    if (call_no_kwargs("__aexit__", kwnames) < 0) return AI_ERR;
    return aio_native_coro(&barrier_aexit_info, barrier_aexit_body, &self, 1);
}

METHOD(barrier_reset) {
    NOARGS("reset");
    return aio_native_coro(&barrier_reset_info, barrier_reset_body, &self, 1);
}

METHOD(barrier_abort) {
    NOARGS("abort");
    return aio_native_coro(&barrier_abort_info, barrier_abort_body, &self, 1);
}

static ai_value g_parties(ai_value self) { return ai_smallint(barrier(self)->parties); }
static ai_value g_n_waiting(ai_value self) {
    return ai_smallint(barrier(self)->state == B_FILLING ? barrier(self)->count : 0);
}
static ai_value g_broken(ai_value self) { return ai_bool(barrier(self)->state == B_BROKEN); }

static ai_value barrier_repr(ai_value self) {
    aio_ahead_guard(); /* shows state other tasks change */
    aio_barrier *b = barrier(self);
    char extra[96];
    if (b->state == B_BROKEN) snprintf(extra, sizeof extra, "%s", barrier_state_names[b->state]);
    else
        snprintf(extra, sizeof extra, "%s, waiters:%lld/%lld", barrier_state_names[b->state],
                 (long long)(b->state == B_FILLING ? b->count : 0), (long long)b->parties);
    strbuf sb;
    sb_init(&sb);
    sb_adds(&sb, "<");
    cls_add_fullname(&sb, ai_type_of(self));
    sb_printf(&sb, " object at %p [%s]>", (void *)ai_obj(self), extra);
    return sb_finish(&sb);
}

static ai_value barrier_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    static const char *const kw[] = {"parties"};
    mu_clinic c = {"Barrier", kw, 0, 1, 0, 1, 0};
    ai_value a[1];
    if (mu_parse(&c, args, nargs, kwnames, a) < 0) return AI_ERR;
    bool fits, err;
    int64_t parties = obj_index_i64(a[0], &fits, &err);
    if (err) return AI_ERR;
    if (fits && parties < 1) return ai_raise_msg(&ai_exc_ValueError, "parties must be > 0");
    if (!fits) parties = INT64_MAX;
    ai_value cond = cond_construct(ai_val(&aio_condition_type), NULL, 0, 0);
    if (!cond) return AI_ERR;
    aio_barrier *b = ai_alloc(&aio_barrier_type, sizeof(aio_barrier));
    if (!b) return AI_ERR;
    b->cond = cond;
    gc_barrier(b, cond);
    b->parties = parties;
    b->state = B_FILLING;
    return ai_val(b);
}

static const ai_method_def barrier_methods[] = {
    {"wait", barrier_wait, &aio_barrier_type, 0},
    {"reset", barrier_reset, &aio_barrier_type, 0},
    {"abort", barrier_abort, &aio_barrier_type, 0},
    {"__aenter__", barrier_aenter, &aio_barrier_type, 0},
    {"__aexit__", barrier_aexit, &aio_barrier_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_getset_def barrier_getset[] = {
    {"parties", g_parties}, {"n_waiting", g_n_waiting}, {"broken", g_broken}, {NULL, NULL}};
static const ai_slots barrier_slots = {.methods = barrier_methods, .getset = barrier_getset,
                                       .construct = barrier_construct};

ai_type aio_barrier_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "Barrier",
    .module = "asyncio.locks",
    .base = &ai_object_type,
    .basicsize = sizeof(aio_barrier),
    .repr = barrier_repr,
    .gc_visit = barrier_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&barrier_slots,
};

static const ai_method_def lock_methods[] = {
    {"acquire", lock_acquire, &aio_lock_type, AI_METH_AWAITS_NOW},
    {"release", lock_release_m, &aio_lock_type, 0},
    {"locked", lock_locked, &aio_lock_type, 0},
    CM_METHODS(&aio_lock_type),
    {NULL, NULL, NULL, 0},
};
static const ai_method_def event_methods[] = {
    {"wait", event_wait, &aio_event_type, AI_METH_AWAITS_NOW},
    {"set", event_set, &aio_event_type, 0},
    {"clear", event_clear, &aio_event_type, 0},
    {"is_set", event_is_set, &aio_event_type, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_method_def cond_methods[] = {
    {"wait", cond_wait, &aio_condition_type, AI_METH_AWAITS_NOW},
    {"wait_for", cond_wait_for, &aio_condition_type, 0},
    {"notify", cond_notify_m, &aio_condition_type, 0},
    {"notify_all", cond_notify_all, &aio_condition_type, 0},
    {"locked", cond_locked, &aio_condition_type, 0},
    {"acquire", cond_acquire, &aio_condition_type, 0},
    {"release", cond_release, &aio_condition_type, 0},
    CM_METHODS(&aio_condition_type),
    {NULL, NULL, NULL, 0},
};
static const ai_method_def sem_methods[] = {
    {"acquire", sem_acquire, &aio_semaphore_type, AI_METH_AWAITS_NOW},
    {"release", sem_release_m, &aio_semaphore_type, 0},
    {"locked", sem_locked_m, &aio_semaphore_type, 0},
    CM_METHODS(&aio_semaphore_type),
    {NULL, NULL, NULL, 0},
};

static const ai_slots lock_slots = {.methods = lock_methods, .construct = lock_construct, .subinit = unset_subinit};
static const ai_slots event_slots = {.methods = event_methods, .construct = event_construct, .subinit = unset_subinit};
static const ai_slots cond_slots = {.methods = cond_methods, .construct = cond_construct, .subinit = cond_subinit};
static const ai_slots sem_slots = {.methods = sem_methods, .construct = sem_construct, .subinit = sem_subinit};
static const ai_slots bsem_slots = {.construct = bsem_construct};

#define PRIM_TYPE(var, NAME, BASE, REPR, SLOTS)   \
    ai_type var = {                               \
        .ob = {(uintptr_t)&ai_type_type},         \
        .name = NAME,                             \
        .module = "asyncio.locks",                \
        .base = BASE,                             \
        .basicsize = sizeof(aio_prim),            \
        .repr = REPR,                             \
        .gc_visit = prim_visit,                   \
        .gc_size = alloc_fixed_size,              \
        .slots = (void *)&SLOTS,                  \
    };

PRIM_TYPE(aio_lock_type, "Lock", &ai_object_type, lock_repr, lock_slots)
PRIM_TYPE(aio_event_type, "Event", &ai_object_type, event_repr, event_slots)
PRIM_TYPE(aio_condition_type, "Condition", &ai_object_type, cond_repr, cond_slots)
PRIM_TYPE(aio_semaphore_type, "Semaphore", &ai_object_type, sem_repr, sem_slots)
PRIM_TYPE(aio_boundedsemaphore_type, "BoundedSemaphore", &aio_semaphore_type, sem_repr, bsem_slots)

int aio_sync_init(ai_value m) {
    ai_type *ts[] = {&aio_lock_type, &aio_event_type, &aio_condition_type, &aio_semaphore_type,
                     &aio_boundedsemaphore_type};
    for (size_t i = 0; i < sizeof ts / sizeof *ts; i++)
        if (mod_add(m, ts[i]->name, ai_val(ts[i])) < 0) return -1;
    if (mod_add(m, "Barrier", ai_val(&aio_barrier_type)) < 0) return -1;
    return mod_add(m, "BrokenBarrierError", ai_val(&aio_BrokenBarrierError));
}
