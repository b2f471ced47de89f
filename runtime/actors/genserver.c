/*
 * actors/genserver.c — the GenServer base class and its protocol:
 * start / start_link, call, cast, stop.
 *
 * GenServer is a builtin type whose instances have object's layout, so a
 * Python class can derive from it like from object (objects/class.c sees
 * a builtin base of object's size); its methods are entries of its
 * method table: start and start_link are class methods (they receive the
 * subclass), init / handle_call / handle_cast / handle_info are the
 * defaults a subclass overrides (init and handle_info do nothing,
 * handle_call and handle_cast raise NotImplementedError).
 *
 * A server process (gs_main) makes an instance of the class without
 * calling __init__, runs init(*args, **kwargs), acknowledges the start,
 * then loops: AM_CALL → handle_call(request, sender) and the result is
 * the reply; AM_CAST → handle_cast(request); AM_STOP → ends with the
 * reason given; anything else a process can receive (messages, trapped
 * EXITs, DOWNs) → handle_info(msg). An exception from any handler ends
 * the process with that exception (a crash).
 *
 * start waits for the acknowledgement under a monitor: if init raises,
 * the server ends (no crash report: it is monitored) and start raises
 * CallError with that exception. call monitors the server for the
 * duration of the call, so its end while the call waits (a crash in
 * handle_call, or it was already dead: 'noproc') becomes CallError, and
 * its crash is the caller's business (no report). `sender` is the
 * caller's (Pid, Ref): the reply is tagged with the call's reference, and
 * a reply that comes after the call gave up (Timeout) is dropped by the
 * caller's next receive (recv.c).
 */
#include "actors/actint.h"

#include "modules/modutil.h"
#include "objects/class.h"

#define FUNC(fn) static ai_value fn(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames)
#define METH(fn) static ai_value fn(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames)

static ai_value const_name(const char *s) { return ai_const_str(s, (int64_t)strlen(s)); }

/* ---- calls --------------------------------------------------------------------------------- */

typedef struct call_refs {
    uint64_t reply, down;
} call_refs;

static bool call_match(uint64_t tag, uint64_t ref, void *ctx) {
    const call_refs *c = ctx;
    uint64_t k = tag & AM_KIND_MASK;
    return (k == AM_REPLY && ref == c->reply) || (k == AM_DOWN && ref == c->down);
}

/* The reason of a DOWN entry ('DOWN', ref, pid, reason). */
static ai_value down_reason(ai_value v) { return tuple_obj(v)->items[3]; }

ai_value act_call(proc_t *self, ai_value dest, uint64_t kind, ai_value request, int64_t timeout_ns) {
    bool missing;
    proc_t *to = act_dest(dest, &missing);
    if (!to) return missing ? act_raise_call_error(act_s_noproc) : AI_ERR;
    uint64_t mref = proc_monitor(self, to);
    ai_value pid = mref ? proc_pid(self) : AI_ERR;
    ai_value ref = pid ? ref_new(mref) : AI_ERR;
    ai_value sender = ref ? tuple_pack2(pid, ref) : AI_ERR;
    ai_value payload = sender ? tuple_pack2(sender, request) : AI_ERR;
    int rc = payload ? proc_send(to, payload, kind, mref) : -1;
    proc_release(to);
    if (rc < 0) {
        if (mref) proc_demonitor(self, mref);
        return AI_ERR;
    }
    call_refs c = {mref, mref};
    aentry e;
    int r = proc_recv_tag(self, timeout_ns, call_match, &c, &e);
    if (r <= 0 || (e.tag & AM_KIND_MASK) == AM_REPLY) proc_demonitor(self, mref);
    if (r < 0) return AI_ERR;
    if (r == 0) return exc_raise_args(&act_Timeout, tuple_new(0));
    if ((e.tag & AM_KIND_MASK) == AM_REPLY) return e.v;
    return act_raise_call_error(down_reason(e.v));
}

static proc_t *self_checked(void) {
    proc_t *p = proc_self();
    if (p && proc_check_signals(p, false) < 0) return NULL;
    return p;
}

FUNC(a_call) {
    (void)callable;
    static const char *const names[] = {"pid", "request", "timeout"};
    static const mu_clinic spec = {"call", names, 0, 3, 0, 2, 0};
    ai_value a[3];
    if (mu_parse(&spec, args, nargs, kwnames, a) < 0) return AI_ERR;
    int64_t ns = 5000000000; /* timeout=5.0 */
    if (a[2] && !act_timeout_arg(a[2], &ns)) return AI_ERR;
    proc_t *self = self_checked();
    return self ? act_call(self, a[0], AM_CALL, a[1], ns) : AI_ERR;
}
AI_BUILTIN_FN(act_bf_call, "call", a_call);

FUNC(a_cast) {
    (void)callable;
    static const char *const names[] = {"pid", "request"};
    static const mu_clinic spec = {"cast", names, 0, 2, 0, 2, 0};
    ai_value a[2];
    if (mu_parse(&spec, args, nargs, kwnames, a) < 0 || !self_checked()) return AI_ERR;
    bool missing;
    proc_t *to = act_dest(a[0], &missing);
    if (!to) return missing ? AI_NONE : AI_ERR; /* a cast never fails */
    int rc = proc_send(to, a[1], AM_CAST, 0);
    proc_release(to);
    return rc < 0 ? AI_ERR : AI_NONE;
}
AI_BUILTIN_FN(act_bf_cast, "cast", a_cast);

static bool down_match(uint64_t tag, uint64_t ref, void *ctx) {
    return (tag & AM_KIND_MASK) == AM_DOWN && ref == *(const uint64_t *)ctx;
}

FUNC(a_stop) {
    (void)callable;
    static const char *const names[] = {"pid", "reason"};
    static const mu_clinic spec = {"stop", names, 0, 2, 0, 1, 0};
    ai_value a[2];
    if (mu_parse(&spec, args, nargs, kwnames, a) < 0) return AI_ERR;
    ai_value reason = a[1] ? a[1] : act_s_normal;
    proc_t *self = self_checked();
    if (!self) return AI_ERR;
    bool missing;
    proc_t *to = act_dest(a[0], &missing);
    if (!to) return missing ? act_raise_call_error(act_s_noproc) : AI_ERR;
    uint64_t mref = proc_monitor(self, to);
    int rc = mref ? proc_send(to, reason, AM_STOP, mref) : -1;
    proc_release(to);
    if (rc < 0) {
        if (mref) proc_demonitor(self, mref);
        return AI_ERR;
    }
    aentry e;
    if (proc_recv_tag(self, -1, down_match, &mref, &e) < 0) {
        proc_demonitor(self, mref);
        return AI_ERR;
    }
    ai_value got = down_reason(e.v);
    int32_t same = obj_eq(got, reason);
    if (same < 0) return AI_ERR;
    return same ? AI_NONE : act_raise_call_error(got);
}
AI_BUILTIN_FN(act_bf_stop, "stop", a_stop);

/* ---- the server ---------------------------------------------------------------------------------- */

static ai_value s_init, s_handle_call, s_handle_cast, s_handle_info;

/* inst.name(args...) through the instance's class */
static ai_value call_method(ai_value inst, ai_value name, const ai_value *args, int64_t nargs) {
    ai_value m = ai_getattr(inst, name);
    return m ? ai_call(m, args, nargs, 0) : AI_ERR;
}

ai_value gs_main(proc_t *p, ai_value start) {
    (void)p;
    /* (cls, args, kwargs or None, starter's Pid, ack Ref) */
    ai_tuple *t = tuple_obj(start);
    ai_value inst = cls_alloc_instance((ai_type *)ai_obj(t->items[0]), NULL, 0);
    if (!inst) return AI_ERR;
    ai_value init = ai_getattr(inst, s_init);
    if (!init || !ai_call_ex(init, t->items[1], t->items[2] == AI_NONE ? 0 : t->items[2])) return AI_ERR;
    if (proc_send(pid_proc(t->items[3]), AI_NONE, AM_REPLY, ref_num(t->items[4])) < 0) return AI_ERR;
    for (;;) {
        aentry e;
        if (proc_recv(p, -1, NULL, NULL, 0, &e) < 0) return AI_ERR;
        switch (e.tag & AM_KIND_MASK) {
        case AM_CALL: {
            ai_value sender = tuple_obj(e.v)->items[0];
            ai_value a[2] = {tuple_obj(e.v)->items[1], sender};
            ai_value reply = call_method(inst, s_handle_call, a, 2);
            if (!reply) return AI_ERR;
            ai_tuple *st = tuple_obj(sender);
            if (proc_send(pid_proc(st->items[0]), reply, AM_REPLY, ref_num(st->items[1])) < 0) return AI_ERR;
            break;
        }
        case AM_CAST:
            if (!call_method(inst, s_handle_cast, &e.v, 1)) return AI_ERR;
            break;
        case AM_STOP: return e.v;
        case AM_REPLY:
        case AM_SYS: break; /* late replies; not a supervisor */
        default:
            if (!call_method(inst, s_handle_info, &e.v, 1)) return AI_ERR;
            break;
        }
    }
}

/* ---- the class ----------------------------------------------------------------------------------- */

static ai_value do_start(const char *fname, unsigned opts, ai_value cls, const ai_value *args, int64_t nargs,
                         ai_value kwnames) {
    if (!obj_is_type(cls, &ai_type_type) || !cls_is_subtype((ai_type *)ai_obj(cls), &act_genserver_type))
        return ai_raise_fmt(&ai_exc_TypeError, "%s() needs a GenServer class", fname);
    proc_t *self = self_checked();
    if (!self) return AI_ERR;
    ai_value tup = ai_tuple_pack(args, nargs), kw = AI_NONE;
    if (!tup) return AI_ERR;
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nkw) {
        kw = ai_dict_new(NULL, 0);
        if (!kw) return AI_ERR;
        for (int64_t i = 0; i < nkw; i++)
            if (dict_set(kw, tuple_obj(kwnames)->items[i], args[nargs + i]) < 0) return AI_ERR;
    }
    uint64_t ack = ref_next();
    ai_value items[5] = {cls, tup, kw, proc_pid(self), ref_new(ack)};
    if (!items[3] || !items[4]) return AI_ERR;
    ai_value start = ai_tuple_pack(items, 5);
    if (!start) return AI_ERR;
    uint64_t mref = 0;
    proc_t *p = proc_spawn(PK_GENSERVER, start, opts | SPAWN_MONITOR, &mref);
    if (!p) return AI_ERR;
    call_refs c = {ack, mref};
    aentry e;
    int r = proc_recv_tag(self, -1, call_match, &c, &e);
    if (r < 0 || (e.tag & AM_KIND_MASK) == AM_REPLY) proc_demonitor(self, mref);
    if (r < 0) {
        proc_release(p);
        return AI_ERR;
    }
    if ((e.tag & AM_KIND_MASK) == AM_DOWN) {
        proc_release(p);
        return act_raise_call_error(down_reason(e.v));
    }
    ai_value pid = pid_new(p);
    proc_release(p);
    return pid;
}

METH(gs_start) { return do_start("start", 0, self, args, nargs, kwnames); }
METH(gs_start_link) { return do_start("start_link", SPAWN_LINK, self, args, nargs, kwnames); }

METH(gs_init) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return AI_NONE;
}

static ai_value not_implemented(ai_value self, const char *what) {
    return ai_raise_fmt(&ai_exc_NotImplementedError, "%s does not implement %s", obj_type_name(self), what);
}

METH(gs_handle_call) {
    (void)args, (void)nargs, (void)kwnames;
    return not_implemented(self, "handle_call");
}

METH(gs_handle_cast) {
    (void)args, (void)nargs, (void)kwnames;
    return not_implemented(self, "handle_cast");
}

METH(gs_handle_info) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    return AI_NONE;
}

static const ai_method_def gs_methods[] = {
    {"start", gs_start, &act_genserver_type, AI_METH_CLASS},
    {"start_link", gs_start_link, &act_genserver_type, AI_METH_CLASS},
    {"init", gs_init, &act_genserver_type, 0},
    {"handle_call", gs_handle_call, &act_genserver_type, 0},
    {"handle_cast", gs_handle_cast, &act_genserver_type, 0},
    {"handle_info", gs_handle_info, &act_genserver_type, 0},
    {NULL, NULL, NULL, 0},
};

static ai_value gs_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)args;
    if (nargs > 0 || (kwnames && tuple_obj(kwnames)->len > 0))
        return ai_raise_msg(&ai_exc_TypeError, "GenServer() takes no arguments");
    return cls_alloc_instance((ai_type *)ai_obj(cls), NULL, 0);
}

static const ai_slots gs_slots = {
    .construct = gs_construct,
    .methods = gs_methods,
};

ai_type act_genserver_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "GenServer",
    .module = "aithon",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_object),
    .gc_size = alloc_fixed_size,
    .slots = (void *)&gs_slots,
};

/* The method names, made at import (modaithon.c calls gs_init_names). */
int gs_init_names(void) {
    s_init = const_name("init");
    s_handle_call = const_name("handle_call");
    s_handle_cast = const_name("handle_cast");
    s_handle_info = const_name("handle_info");
    return s_init && s_handle_call && s_handle_cast && s_handle_info ? 0 : -1;
}
