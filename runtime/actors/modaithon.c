/*
 * actors/modaithon.c — the `aithon` module: its table, the functions of
 * processes, messages, links, monitors, exits and names, and the
 * module's exception types (AITHON_API.md; docs/concurrency.md).
 *
 * Every function first lets the calling process notice the exit signals
 * that arrived (proc_check_signals), so a process that only calls the API
 * still ends promptly. Arguments follow the reference implementation's
 * signatures (tests/support/aithon.py): spawn(fn, /, *args, **kwargs),
 * receive(timeout=None, match=None), exit(reason) / exit(pid, reason),
 * register(name, pid=None) …
 *
 * Exception types are builtin types with module "aithon" (ai_type.module),
 * so they print as a class written in Python would: Timeout() and
 * `aithon.Timeout` in tracebacks. Their protocol is BaseException's
 * (exc_slots), copied when the module is made.
 */
#include "actors/actint.h"

#include "modules/modutil.h"

#include <math.h>
#include <pthread.h>

#define FUNC(fn) static ai_value fn(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames)

/* ---- str constants --------------------------------------------------------------------- */

ai_value act_s_normal, act_s_kill, act_s_killed, act_s_noproc, act_s_shutdown, act_s_EXIT, act_s_DOWN;

bool act_str_is(ai_value v, ai_value s) {
    return v == s || (!ai_is_smallint(v) && ai_type_of_obj(ai_obj(v)) == &ai_str_type && str_eq(str_obj(v), str_obj(s)));
}

static ai_value cstr(const char *s) { return ai_const_str(s, (int64_t)strlen(s)); }

/* ---- exception types -------------------------------------------------------------------- */

static ai_slots timeout_slots, noproc_slots, callerror_slots, exit_slots;

ai_type act_Timeout = {.ob = {(uintptr_t)&ai_type_type}, .name = "Timeout", .base = &ai_exc_TimeoutError};
ai_type act_NoProc = {.ob = {(uintptr_t)&ai_type_type}, .name = "NoProc", .base = &ai_exc_Exception};
ai_type act_CallError = {.ob = {(uintptr_t)&ai_type_type}, .name = "CallError", .base = &ai_exc_Exception};
ai_type act_ProcessExit = {.ob = {(uintptr_t)&ai_type_type}, .name = "ProcessExit", .base = &ai_exc_SystemExit};

/* CallError.reason: its first argument. */
static ai_value callerror_reason(ai_value self) {
    ai_tuple *a = tuple_obj(((ai_exc *)ai_obj(self))->args);
    return a->len ? a->items[0] : AI_NONE;
}
static const ai_getset_def callerror_getset[] = {{"reason", callerror_reason}, {NULL, NULL}};

static void exc_type_init(ai_type *t, ai_slots *s) {
    const ai_type *base = &ai_exc_BaseException;
    *s = exc_slots;
    t->module = "aithon";
    s->getset = NULL; /* BaseException's are found along the base chain */
    s->methods = NULL;
    t->flags = AI_TF_EXCEPTION;
    t->basicsize = sizeof(ai_exc);
    t->repr = base->repr;
    t->str = base->str;
    t->gc_visit = base->gc_visit;
    t->gc_size = base->gc_size;
    t->slots = s;
}

ai_value act_raise_call_error(ai_value reason) {
    ai_value args = ai_tuple_pack(&reason, 1);
    return args ? exc_raise_args(&act_CallError, args) : AI_ERR;
}

static ai_value raise_noproc(ai_value what) {
    ai_value args = ai_tuple_pack(&what, 1);
    return args ? exc_raise_args(&act_NoProc, args) : AI_ERR;
}

/* ---- arguments --------------------------------------------------------------------------- */

/* The largest wait we arm: about 73 years (keeps deadline arithmetic
 * far from overflow). */
#define MAX_WAIT_NS ((int64_t)1 << 61)

bool act_timeout_arg(ai_value v, int64_t *ns) {
    if (!v || v == AI_NONE) {
        *ns = -1;
        return true;
    }
    double d;
    if (!mu_real(v, &d)) return false;
    if (isnan(d)) {
        ai_raise_msg(&ai_exc_ValueError, "timeout must be a number, not NaN");
        return false;
    }
    d *= 1e9;
    *ns = d <= 0 ? 0 : d >= (double)MAX_WAIT_NS ? MAX_WAIT_NS : (int64_t)ceil(d);
    return true;
}

static proc_t *self_or_raise(void) {
    proc_t *p = proc_self();
    if (p && proc_check_signals(p, false) < 0) return NULL;
    return p;
}

static proc_t *pid_arg(const char *fname, ai_value v) {
    if (pid_check(v)) return pid_proc(v);
    ai_raise_fmt(&ai_exc_TypeError, "%s() argument must be a Pid, not '%s'", fname, obj_type_name(v));
    return NULL;
}

proc_t *act_dest(ai_value dest, bool *missing) {
    *missing = false;
    if (pid_check(dest)) {
        proc_t *p = pid_proc(dest);
        proc_retain(p);
        return p;
    }
    if (str_check(dest)) {
        proc_t *p = names_lookup(dest);
        if (!p && !exc_pending()) *missing = true;
        return p;
    }
    ai_raise_fmt(&ai_exc_TypeError, "destination must be a Pid or a registered name, not '%s'",
                 obj_type_name(dest));
    return NULL;
}

/* (args[0..n) as a tuple, the keywords as a dict or None) */
static bool split_call(const ai_value *args, int64_t n, ai_value kwnames, ai_value *tup, ai_value *kw) {
    *tup = ai_tuple_pack(args, n);
    if (!*tup) return false;
    *kw = AI_NONE;
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (!nkw) return true;
    ai_value d = ai_dict_new(NULL, 0);
    if (!d) return false;
    for (int64_t i = 0; i < nkw; i++)
        if (dict_set(d, tuple_obj(kwnames)->items[i], args[n + i]) < 0) return false;
    *kw = d;
    return true;
}

/* ---- processes ------------------------------------------------------------------------------ */

static ai_value do_spawn(const char *fname, unsigned opts, const ai_value *args, int64_t nargs,
                         ai_value kwnames) {
    if (nargs < 1)
        return ai_raise_fmt(&ai_exc_TypeError, "%s() missing 1 required positional argument: 'fn'", fname);
    proc_t *self = self_or_raise();
    if (!self) return AI_ERR;
    ai_value tup, kw;
    if (!split_call(args + 1, nargs - 1, kwnames, &tup, &kw)) return AI_ERR;
    ai_value items[3] = {args[0], tup, kw};
    ai_value start = ai_tuple_pack(items, 3);
    if (!start) return AI_ERR;
    uint64_t mref = 0;
    proc_t *p = proc_spawn(PK_PLAIN, start, opts, &mref);
    if (!p) return AI_ERR;
    ai_value pid = pid_new(p);
    proc_release(p);
    if (!pid || !(opts & SPAWN_MONITOR)) return pid;
    ai_value ref = ref_new(mref);
    if (!ref) return AI_ERR;
    return tuple_pack2(pid, ref);
}

FUNC(a_spawn) {
    (void)callable;
    return do_spawn("spawn", 0, args, nargs, kwnames);
}
FUNC(a_spawn_link) {
    (void)callable;
    return do_spawn("spawn_link", SPAWN_LINK, args, nargs, kwnames);
}
FUNC(a_spawn_monitor) {
    (void)callable;
    return do_spawn("spawn_monitor", SPAWN_MONITOR, args, nargs, kwnames);
}

FUNC(a_self) {
    (void)callable, (void)args;
    if (mu_no_args("self", nargs, kwnames) < 0) return AI_ERR;
    proc_t *self = self_or_raise();
    return self ? proc_pid(self) : AI_ERR;
}

FUNC(a_is_alive) {
    (void)callable;
    if (mu_one_arg("is_alive", nargs, kwnames) < 0 || !self_or_raise()) return AI_ERR;
    proc_t *p = pid_arg("is_alive", args[0]);
    return p ? ai_bool(proc_is_alive(p)) : AI_ERR;
}

/* ---- messages -------------------------------------------------------------------------------- */

FUNC(a_send) {
    (void)callable;
    static const char *const names[] = {"dest", "msg"};
    static const mu_clinic spec = {"send", names, 0, 2, 0, 2, 0};
    ai_value a[2];
    if (mu_parse(&spec, args, nargs, kwnames, a) < 0 || !self_or_raise()) return AI_ERR;
    bool missing;
    proc_t *to = act_dest(a[0], &missing);
    if (!to) return missing ? raise_noproc(a[0]) : AI_ERR;
    int rc = proc_send(to, a[1], AM_DATA, 0);
    proc_release(to);
    return rc < 0 ? AI_ERR : AI_NONE;
}

static int py_match(const aentry *e, void *ctx) {
    ai_value r = ai_call(*(ai_value *)ctx, &e->v, 1, 0);
    return r ? ai_truthy(r) : -1;
}

FUNC(a_receive) {
    (void)callable;
    static const char *const names[] = {"timeout", "match"};
    static const mu_clinic spec = {"receive", names, 0, 2, 0, 0, 0};
    ai_value a[2];
    if (mu_parse(&spec, args, nargs, kwnames, a) < 0) return AI_ERR;
    int64_t ns;
    if (!act_timeout_arg(a[0], &ns)) return AI_ERR;
    proc_t *self = self_or_raise();
    if (!self) return AI_ERR;
    ai_value match = a[1] && a[1] != AI_NONE ? a[1] : 0;
    aentry e;
    int r = proc_recv(self, ns, match ? py_match : NULL, &match, RECV_USER, &e);
    if (r < 0) return AI_ERR;
    if (r == 0) return exc_raise_args(&act_Timeout, tuple_new(0));
    return e.v;
}

/* ---- links, monitors, exits ------------------------------------------------------------------- */

FUNC(a_link) {
    (void)callable;
    if (mu_one_arg("link", nargs, kwnames) < 0) return AI_ERR;
    proc_t *self = self_or_raise(), *p = self ? pid_arg("link", args[0]) : NULL;
    if (!p || proc_link(self, p) < 0) return AI_ERR;
    return AI_NONE;
}

FUNC(a_unlink) {
    (void)callable;
    if (mu_one_arg("unlink", nargs, kwnames) < 0) return AI_ERR;
    proc_t *self = self_or_raise(), *p = self ? pid_arg("unlink", args[0]) : NULL;
    if (!p) return AI_ERR;
    proc_unlink(self, p);
    return AI_NONE;
}

FUNC(a_trap_exits) {
    (void)callable;
    if (mu_one_arg("trap_exits", nargs, kwnames) < 0) return AI_ERR;
    proc_t *self = self_or_raise();
    if (!self) return AI_ERR;
    int32_t on = ai_truthy(args[0]);
    if (on < 0) return AI_ERR;
    bool old = self->trap;
    /* Signals that arrived before the change are processed under the
     * old flag (as they would have been on arrival). */
    if ((bool)on != old && proc_drain(self) < 0) return AI_ERR;
    self->trap = on;
    return ai_bool(old);
}

FUNC(a_monitor) {
    (void)callable;
    if (mu_one_arg("monitor", nargs, kwnames) < 0) return AI_ERR;
    proc_t *self = self_or_raise(), *p = self ? pid_arg("monitor", args[0]) : NULL;
    if (!p) return AI_ERR;
    uint64_t ref = proc_monitor(self, p);
    return ref ? ref_new(ref) : AI_ERR;
}

FUNC(a_demonitor) {
    (void)callable;
    if (mu_one_arg("demonitor", nargs, kwnames) < 0) return AI_ERR;
    proc_t *self = self_or_raise();
    if (!self) return AI_ERR;
    if (!ref_check(args[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "demonitor() argument must be a Ref, not '%s'",
                            obj_type_name(args[0]));
    proc_demonitor(self, ref_num(args[0]));
    return AI_NONE;
}

FUNC(a_exit) {
    (void)callable;
    if (mu_pos_range("exit", "exit", nargs, kwnames, 1, 2) < 0) return AI_ERR;
    proc_t *self = self_or_raise();
    if (!self) return AI_ERR;
    if (nargs == 1) return proc_raise_exit(self, args[0]);
    proc_t *p = pid_arg("exit", args[0]);
    if (!p || proc_exit_signal(self, p, args[1]) < 0) return AI_ERR;
    return AI_NONE;
}

/* ---- names -------------------------------------------------------------------------------------- */

FUNC(a_register) {
    (void)callable;
    static const char *const names[] = {"name", "pid"};
    static const mu_clinic spec = {"register", names, 0, 2, 0, 1, 0};
    ai_value a[2];
    if (mu_parse(&spec, args, nargs, kwnames, a) < 0) return AI_ERR;
    proc_t *self = self_or_raise();
    if (!self) return AI_ERR;
    proc_t *p = a[1] && a[1] != AI_NONE ? pid_arg("register", a[1]) : self;
    if (!p || names_register(a[0], p) < 0) return AI_ERR;
    return AI_NONE;
}

FUNC(a_unregister) {
    (void)callable;
    if (mu_one_arg("unregister", nargs, kwnames) < 0 || !self_or_raise()) return AI_ERR;
    return names_unregister(args[0]) < 0 ? AI_ERR : AI_NONE;
}

FUNC(a_whereis) {
    (void)callable;
    if (mu_one_arg("whereis", nargs, kwnames) < 0 || !self_or_raise()) return AI_ERR;
    proc_t *p = names_lookup(args[0]);
    if (!p) return exc_pending() ? AI_ERR : AI_NONE;
    ai_value pid = pid_new(p);
    proc_release(p);
    return pid;
}

/* ---- the module ------------------------------------------------------------------------------------ */

static AI_BUILTIN_FN(bf_spawn, "spawn", a_spawn);
static AI_BUILTIN_FN(bf_spawn_link, "spawn_link", a_spawn_link);
static AI_BUILTIN_FN(bf_spawn_monitor, "spawn_monitor", a_spawn_monitor);
static AI_BUILTIN_FN(bf_self, "self", a_self);
static AI_BUILTIN_FN(bf_is_alive, "is_alive", a_is_alive);
static AI_BUILTIN_FN(bf_send, "send", a_send);
static AI_BUILTIN_FN(bf_receive, "receive", a_receive);
static AI_BUILTIN_FN(bf_link, "link", a_link);
static AI_BUILTIN_FN(bf_unlink, "unlink", a_unlink);
static AI_BUILTIN_FN(bf_trap_exits, "trap_exits", a_trap_exits);
static AI_BUILTIN_FN(bf_monitor, "monitor", a_monitor);
static AI_BUILTIN_FN(bf_demonitor, "demonitor", a_demonitor);
static AI_BUILTIN_FN(bf_exit, "exit", a_exit);
static AI_BUILTIN_FN(bf_register, "register", a_register);
static AI_BUILTIN_FN(bf_unregister, "unregister", a_unregister);
static AI_BUILTIN_FN(bf_whereis, "whereis", a_whereis);

static ai_builtin_fn *const functions[] = {
    &bf_spawn,   &bf_spawn_link, &bf_spawn_monitor, &bf_self,     &bf_is_alive,
    &bf_send,    &bf_receive,    &bf_link,          &bf_unlink,   &bf_trap_exits,
    &bf_monitor, &bf_demonitor,  &bf_exit,          &bf_register, &bf_unregister,
    &bf_whereis, &act_bf_call,   &act_bf_cast,      &act_bf_stop, &act_bf_child,
    &act_bf_supervisor, &act_bf_which_children,
};

static int init(ai_value m) {
    /* Made once, under the import lock, before any process can exist. */
    act_s_normal = cstr("normal");
    act_s_kill = cstr("kill");
    act_s_killed = cstr("killed");
    act_s_noproc = cstr("noproc");
    act_s_shutdown = cstr("shutdown");
    act_s_EXIT = cstr("EXIT");
    act_s_DOWN = cstr("DOWN");
    if (!act_s_normal || !act_s_kill || !act_s_killed || !act_s_noproc || !act_s_shutdown ||
        !act_s_EXIT || !act_s_DOWN)
        return -1;
    if (gs_init_names() < 0) return -1;
    /* release: the constants above are made before any safepoint can
     * call into the process layer */
    atomic_store_explicit(&proc_safepoint_hook, proc_safepoint, memory_order_release);
    exc_type_init(&act_Timeout, &timeout_slots);
    exc_type_init(&act_NoProc, &noproc_slots);
    exc_type_init(&act_CallError, &callerror_slots);
    callerror_slots.getset = callerror_getset;
    exc_type_init(&act_ProcessExit, &exit_slots);
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        if (mod_add_fn(m, functions[i]) < 0) return -1;
    if (mod_add(m, "Pid", ai_val(&act_pid_type)) < 0 || mod_add(m, "Ref", ai_val(&act_ref_type)) < 0 ||
        mod_add(m, "GenServer", ai_val(&act_genserver_type)) < 0 ||
        mod_add(m, "Timeout", ai_val(&act_Timeout)) < 0 || mod_add(m, "NoProc", ai_val(&act_NoProc)) < 0 ||
        mod_add(m, "CallError", ai_val(&act_CallError)) < 0 ||
        mod_add(m, "ProcessExit", ai_val(&act_ProcessExit)) < 0)
        return -1;
    return 0;
}

const mod_def mod_aithon = {"aithon", init};
