/*
 * actors/supervisor.c — supervisors: child specs, the supervisor
 * process, restart strategies and intensity, which_children.
 *
 * aithon.child(id, fn, *args, restart='permanent') is a plain tuple
 * (id, fn, args, restart), checked when made. aithon.supervisor(...)
 * checks its arguments, then spawns the supervisor process (not linked
 * to the caller) and returns its Pid at once; the process (sup_main)
 * traps exits, starts the children in order with spawn_link semantics,
 * then loops on its mailbox:
 *
 *   EXIT from a child   its pid is forgotten; then by its restart type:
 *                       temporary → it leaves the list; transient whose
 *                       reason is 'normal' or 'shutdown' → it stays, with
 *                       no pid; otherwise a restart: if it would be more
 *                       than max_restarts within the last max_seconds
 *                       (sliding window, OTP's rule: restarts at least
 *                       now - max_seconds old count), the supervisor
 *                       stops every child in reverse start order and ends
 *                       with 'shutdown'; else by strategy: one_for_one
 *                       restarts it; one_for_all stops the others, in
 *                       reverse start order, with 'shutdown', then
 *                       starts all in order; rest_for_one does the same
 *                       for the children started after it. Temporary
 *                       children stopped that way leave the list. A
 *                       restart of several children counts once.
 *   EXIT signal sent with exit(sup, reason) (not from a link), reason
 *   other than 'normal'      → stops the children (reverse order) and
 *                       ends with that reason; aithon.stop(sup, reason)
 *                       likewise. EXITs of former children (their links
 *                       to us) are ignored.
 *   which_children request   → the list of (id, Pid or None), in start
 *                       order.
 *
 * Stopping a child: exit(child, 'shutdown'), then wait for its EXIT; a
 * child that traps exits and does not end within SHUTDOWN_NS is killed.
 * Other messages that arrive meanwhile stay queued, in order.
 */
#include "actors/actint.h"

#include "modules/modutil.h"
#include "sched/timer.h"

#include <math.h>
#include <stdlib.h>

#define FUNC(fn) static ai_value fn(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames)

/* How long a child may take to end after exit(child, 'shutdown'). */
#define SHUTDOWN_NS ((int64_t)5000000000)

enum { R_PERMANENT, R_TRANSIENT, R_TEMPORARY };
enum { S_ONE_FOR_ONE, S_ONE_FOR_ALL, S_REST_FOR_ONE };

static const char *const restart_names[] = {"permanent", "transient", "temporary"};
static const char *const strategy_names[] = {"one_for_one", "one_for_all", "rest_for_one"};

/* The index of the str v among names, -1 if none (or not a str). */
static int name_index(ai_value v, const char *const *names, int n) {
    if (!str_check(v)) return -1;
    for (int i = 0; i < n; i++)
        if (attr_name_is(v, names[i])) return i;
    return -1;
}

static ai_value bad_choice(const char *what, ai_value v) {
    ai_value r = ai_repr(v);
    if (!r) return AI_ERR;
    const char *s = str_utf8(r, NULL);
    return ai_raise_fmt(&ai_exc_ValueError, "invalid %s: %s", what, s ? s : "?");
}

/* ---- child specs ------------------------------------------------------------------------ */

FUNC(a_child) {
    (void)callable;
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    ai_value restart = 0;
    for (int64_t i = 0; i < nkw; i++) {
        ai_value k = tuple_obj(kwnames)->items[i];
        if (!attr_name_is(k, "restart")) {
            const char *u = str_utf8(k, NULL);
            return ai_raise_fmt(&ai_exc_TypeError, "child() got an unexpected keyword argument '%s'",
                                u ? u : "?");
        }
        restart = args[nargs + i];
    }
    if (nargs < 2)
        return ai_raise_fmt(&ai_exc_TypeError, "child() missing %d required positional argument%s: %s",
                            (int)(2 - nargs), nargs == 1 ? "" : "s",
                            nargs == 1 ? "'fn'" : "'id' and 'fn'");
    if (!restart) restart = ai_const_str("permanent", 9);
    if (!restart || name_index(restart, restart_names, 3) < 0) return bad_choice("restart type", restart);
    ai_value rest = ai_tuple_pack(args + 2, nargs - 2);
    if (!rest) return AI_ERR;
    ai_value items[4] = {args[0], args[1], rest, restart};
    return ai_tuple_pack(items, 4);
}
AI_BUILTIN_FN(act_bf_child, "child", a_child);

/* Is v a child spec made by child()? */
static bool spec_check(ai_value v) {
    if (!tuple_check(v) || tuple_obj(v)->len != 4) return false;
    ai_tuple *t = tuple_obj(v);
    return tuple_check(t->items[2]) && name_index(t->items[3], restart_names, 3) >= 0;
}

FUNC(a_supervisor) {
    (void)callable;
    static const char *const names[] = {"children", "strategy", "max_restarts", "max_seconds"};
    static const mu_clinic spec = {"supervisor", names, 0, 4, 0, 1, 0};
    ai_value a[4];
    if (mu_parse(&spec, args, nargs, kwnames, a) < 0) return AI_ERR;
    ai_value specs = list_from_iter(a[0]);
    if (!specs) return AI_ERR;
    for (int64_t i = 0; i < list_obj(specs)->len; i++)
        if (!spec_check(list_obj(specs)->items[i]))
            return ai_raise_msg(&ai_exc_TypeError, "supervisor() children must be made by aithon.child()");
    ai_value strategy = a[1] ? a[1] : ai_const_str("one_for_one", 11);
    if (!strategy || name_index(strategy, strategy_names, 3) < 0) return bad_choice("strategy", strategy);
    ai_value maxr = a[2] ? a[2] : ai_smallint(1), maxs = a[3] ? a[3] : ai_smallint(5);
    if (!int_check(maxr) || int_sign(maxr) < 0)
        return ai_raise_msg(&ai_exc_ValueError, "max_restarts must be a non-negative int");
    double secs;
    if (!mu_real(maxs, &secs)) return AI_ERR;
    if (!(secs >= 0)) return ai_raise_msg(&ai_exc_ValueError, "max_seconds must be a non-negative number");
    ai_value items[4] = {ai_list_to_tuple(specs), strategy, int_unbool(maxr), maxs};
    if (!items[0]) return AI_ERR;
    ai_value start = ai_tuple_pack(items, 4);
    if (!start) return AI_ERR;
    proc_t *self = proc_self();
    if (!self || proc_check_signals(self, false) < 0) return AI_ERR;
    proc_t *p = proc_spawn(PK_SUPERVISOR, start, 0, NULL);
    if (!p) return AI_ERR;
    ai_value pid = pid_new(p);
    proc_release(p);
    return pid;
}
AI_BUILTIN_FN(act_bf_supervisor, "supervisor", a_supervisor);

FUNC(a_which_children) {
    (void)callable;
    if (mu_one_arg("which_children", nargs, kwnames) < 0) return AI_ERR;
    proc_t *self = proc_self();
    if (!self || proc_check_signals(self, false) < 0) return AI_ERR;
    return act_call(self, args[0], AM_SYS, ai_const_str("which_children", 14), 5000000000);
}
AI_BUILTIN_FN(act_bf_which_children, "which_children", a_which_children);

/* ---- the supervisor process --------------------------------------------------------------- */

typedef struct child {
    int restart;
    proc_t *p; /* running (retained), or NULL */
} child;

typedef struct sup {
    proc_t *self;
    child *kids;    /* in start order */
    ai_value *spec; /* per child: its spec tuple (a gc_vals buffer) */
    int64_t n, cap;
    int strategy;
    int64_t max_restarts, period_ns;
    int64_t *restarts; /* times of the recent restarts, oldest first */
    int64_t nrestarts, caprestarts;
} sup;

static int add_kid(sup *s, ai_value spec) {
    if (s->n == s->cap) {
        int64_t cap = s->cap ? s->cap * 2 : 8;
        child *k = realloc(s->kids, (size_t)cap * sizeof *k);
        if (!k) return exc_nomem(), -1;
        s->kids = k;
        ai_value *v = gc_vals_realloc(s->spec, cap);
        if (!v) return -1;
        s->spec = v;
        s->cap = cap;
    }
    s->kids[s->n] = (child){name_index(tuple_obj(spec)->items[3], restart_names, 3), NULL};
    s->spec[s->n] = spec;
    s->n++;
    return 0;
}

static void remove_kid(sup *s, int64_t i) {
    if (s->kids[i].p) proc_release(s->kids[i].p);
    memmove(&s->kids[i], &s->kids[i + 1], (size_t)(s->n - i - 1) * sizeof *s->kids);
    memmove(&s->spec[i], &s->spec[i + 1], (size_t)(s->n - i - 1) * sizeof *s->spec);
    s->n--;
    s->spec[s->n] = 0;
}

static int start_kid(sup *s, int64_t i) {
    ai_tuple *t = tuple_obj(s->spec[i]);
    ai_value items[3] = {t->items[1], t->items[2], AI_NONE};
    ai_value start = ai_tuple_pack(items, 3);
    if (!start) return -1;
    proc_t *p = proc_spawn(PK_PLAIN, start, SPAWN_LINK, NULL);
    if (!p) return -1;
    s->kids[i].p = p;
    return 0;
}

typedef struct exit_of {
    proc_t *p;
} exit_of;

static int exit_match(const aentry *e, void *ctx) {
    if ((e->tag & AM_KIND_MASK) != AM_EXIT) return 0;
    ai_value pid = tuple_obj(e->v)->items[1];
    return pid_check(pid) && pid_proc(pid) == ((exit_of *)ctx)->p;
}

/* Stop child i with 'shutdown' and wait for its end. */
static int stop_kid(sup *s, int64_t i) {
    proc_t *p = s->kids[i].p;
    if (!p) return 0;
    exit_of w = {p};
    aentry e;
    if (proc_exit_signal(s->self, p, act_s_shutdown) < 0) return -1;
    int r = proc_recv(s->self, SHUTDOWN_NS, exit_match, &w, 0, &e);
    if (r == 0) { /* it traps exits and lingers */
        if (proc_exit_signal(s->self, p, act_s_kill) < 0) return -1;
        r = proc_recv(s->self, -1, exit_match, &w, 0, &e);
    }
    if (r < 0) return -1;
    proc_release(p);
    s->kids[i].p = NULL;
    return 0;
}

/* Stop children hi-1 … lo (reverse start order), except `skip`; the
 * temporary ones leave the list. */
static int stop_range(sup *s, int64_t lo, int64_t hi, int64_t skip) {
    for (int64_t j = hi - 1; j >= lo; j--) {
        if (j == skip) continue;
        if (stop_kid(s, j) < 0) return -1;
    }
    for (int64_t j = hi - 1; j >= lo; j--)
        if (j != skip && s->kids[j].restart == R_TEMPORARY) remove_kid(s, j);
    return 0;
}

/* Record a restart now; false when it is one too many. */
static bool add_restart(sup *s) {
    int64_t now = timer_now(), threshold = now - s->period_ns;
    int64_t k = 0;
    while (k < s->nrestarts && s->restarts[k] < threshold) k++;
    if (k) {
        memmove(s->restarts, s->restarts + k, (size_t)(s->nrestarts - k) * sizeof *s->restarts);
        s->nrestarts -= k;
    }
    if (s->nrestarts == s->caprestarts) {
        int64_t cap = s->caprestarts ? s->caprestarts * 2 : 8;
        int64_t *r = realloc(s->restarts, (size_t)cap * sizeof *r);
        if (!r) return false;
        s->restarts = r;
        s->caprestarts = cap;
    }
    s->restarts[s->nrestarts++] = now;
    return s->nrestarts <= s->max_restarts;
}

/* Child i ended with `reason`: 0 go on, 1 the supervisor must shut down,
 * -1 error. */
static int child_ended(sup *s, int64_t i, ai_value reason) {
    proc_release(s->kids[i].p);
    s->kids[i].p = NULL;
    int restart = s->kids[i].restart;
    if (restart == R_TEMPORARY) {
        remove_kid(s, i);
        return 0;
    }
    if (restart == R_TRANSIENT && (act_str_is(reason, act_s_normal) || act_str_is(reason, act_s_shutdown)))
        return 0;
    if (!add_restart(s)) return 1;
    int64_t from = i;
    switch (s->strategy) {
    case S_ONE_FOR_ONE: return start_kid(s, i);
    case S_ONE_FOR_ALL:
        if (stop_range(s, 0, s->n, i) < 0) return -1;
        from = 0;
        break;
    default:
        if (stop_range(s, i + 1, s->n, -1) < 0) return -1;
        break;
    }
    /* the child that ended is still at a known place: temporary ones only
     * left the list after it or around it, and it is not temporary */
    for (int64_t j = from; j < s->n; j++)
        if (!s->kids[j].p && start_kid(s, j) < 0) return -1;
    return 0;
}

static ai_value which_children(sup *s) {
    ai_value l = ai_list_new(NULL, 0);
    if (!l) return AI_ERR;
    for (int64_t i = 0; i < s->n; i++) {
        ai_value pid = s->kids[i].p ? pid_new(s->kids[i].p) : AI_NONE;
        ai_value t = pid ? tuple_pack2(tuple_obj(s->spec[i])->items[0], pid) : AI_ERR;
        if (!t || ai_list_append(l, t) < 0) return AI_ERR;
    }
    return l;
}

static ai_value shutdown(sup *s, ai_value reason) {
    if (stop_range(s, 0, s->n, -1) < 0) return AI_ERR;
    return reason;
}

static ai_value sup_loop(sup *s) {
    for (int64_t i = 0; i < s->n; i++)
        if (start_kid(s, i) < 0) return AI_ERR;
    for (;;) {
        aentry e;
        if (proc_recv(s->self, -1, NULL, NULL, 0, &e) < 0) return AI_ERR;
        uint64_t kind = e.tag & AM_KIND_MASK;
        if (kind == AM_EXIT) {
            ai_tuple *t = tuple_obj(e.v);
            proc_t *from = pid_check(t->items[1]) ? pid_proc(t->items[1]) : NULL;
            int64_t i = 0;
            while (i < s->n && (!s->kids[i].p || s->kids[i].p != from)) i++;
            if (i < s->n) {
                int r = child_ended(s, i, t->items[2]);
                if (r < 0) return AI_ERR;
                if (r > 0) return shutdown(s, act_s_shutdown);
            } else if (!(e.tag & AMF_LINK) && !act_str_is(t->items[2], act_s_normal)) {
                return shutdown(s, t->items[2]);
            }
        } else if (kind == AM_STOP) {
            return shutdown(s, e.v);
        } else if (kind == AM_SYS) {
            ai_tuple *sender = tuple_obj(tuple_obj(e.v)->items[0]);
            ai_value l = which_children(s);
            if (!l || proc_send(pid_proc(sender->items[0]), l, AM_REPLY, ref_num(sender->items[1])) < 0)
                return AI_ERR;
        }
        /* anything else is not for a supervisor: dropped */
    }
}

ai_value sup_main(proc_t *p, ai_value start) {
    ai_tuple *t = tuple_obj(start);
    double secs = 0;
    sup s = {.self = p};
    s.strategy = name_index(t->items[1], strategy_names, 3);
    if (!int_to_i64(t->items[2], &s.max_restarts)) s.max_restarts = INT64_MAX;
    if (!mu_real(t->items[3], &secs)) return AI_ERR;
    s.period_ns = secs * 1e9 >= 9e18 ? INT64_MAX / 2 : (int64_t)(secs * 1e9);
    p->trap = true;
    ai_tuple *specs = tuple_obj(t->items[0]);
    ai_value r = AI_ERR;
    for (int64_t i = 0; i < specs->len; i++)
        if (add_kid(&s, specs->items[i]) < 0) goto out;
    r = sup_loop(&s);
out:
    for (int64_t i = 0; i < s.n; i++)
        if (s.kids[i].p) proc_release(s.kids[i].p);
    free(s.kids);
    if (s.spec) gc_vals_free(s.spec);
    free(s.restarts);
    return r;
}
