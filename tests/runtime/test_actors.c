/*
 * tests/runtime/test_actors.c — the aithon module's process layer under
 * load, from C (through the module's own functions, as compiled code
 * calls them): many processes spawned with monitors and links end in
 * every way (return, raise, exit, killed while computing, killed while
 * sleeping) and each DOWN arrives exactly once with the right reason;
 * chains of links die together; processes register names and message
 * each other by name while others die; GenServer-free calls are not
 * needed here (the language tests cover the protocol). Afterwards no
 * actor, process record or message fragment is left.
 * Runs under TSan (`make tsan`): the registry lock, the signal counters
 * and the record counts are exercised from every worker.
 */
// tsan
#include "check.h"
#include "actors/actint.h"
#include "core/alloc.h"
#include "gc/gc.h"
#include "sched/actor.h"
#include "sched/sched.h"

#include <stdatomic.h>

static _Atomic int actor_failures;
#define ACHECK(cond)                                                                             \
    do {                                                                                         \
        if (!(cond)) {                                                                           \
            fprintf(stderr, "%s:%d: check failed in a process: %s\n", __FILE__, __LINE__, #cond); \
            atomic_fetch_add(&actor_failures, 1);                                                \
        }                                                                                        \
    } while (0)

static ai_value mod; /* the aithon module */
static bool stress;

static ai_value N(const char *s) { return ai_const_str(s, (int64_t)strlen(s)); }

/* aithon.<name>(args...) */
static ai_value A(const char *name, const ai_value *args, int64_t nargs) {
    ai_value f = ai_getattr(mod, N(name));
    return f ? ai_call(f, args, nargs, 0) : AI_ERR;
}

static ai_value receive_any(void) { return A("receive", NULL, 0); }

/* ---- process bodies (functions whose entries are C) -------------------------------------- */

static ai_value fn_value(const ai_func_info *info) { return ai_function_new(info, 0, 0); }

/* job(parent, k): waits for a message, then ends the k % 5 way */
static ai_value job_entry(ai_value fn, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value a[2];
    if (ai_bind_args(fn, args, nargs, kw, a) < 0) return AI_ERR;
    int64_t k = ai_smallint_get(a[1]);
    ai_value m = receive_any();
    if (!m) return AI_ERR;
    switch (k % 5) {
    case 0: return AI_NONE;
    case 1: return ai_raise_msg(&ai_exc_ValueError, "job failed");
    case 2: {
        ai_value r = tuple_pack2(N("bye"), a[1]);
        return A("exit", &r, 1);
    }
    case 3: /* compute until killed: poll as compiled loops do */
        for (;;) {
            if (__atomic_load_n(&sched_tls()->poll, __ATOMIC_RELAXED) && ai_safepoint_slow() < 0)
                return AI_ERR;
        }
    default: { /* sleep until killed */
        ai_value secs = ai_float_box(60.0);
        ai_value sleep = ai_getattr(ai_import("time"), N("sleep"));
        return sleep ? ai_call(sleep, &secs, 1, 0) : AI_ERR;
    }
    }
}
static const char *const job_names[] = {"parent", "k"};
static const ai_code_info code = {"test_actors.c", "job", NULL, NULL, 1, NULL};
static const ai_func_info job_info = {"job", "job", 2, 0, job_names, job_entry, &code, 0, 0};

/* chain(depth): spawn_link a child chain, the last one raises on a message */
static ai_value chain_entry(ai_value fn, const ai_value *args, int64_t nargs, ai_value kw);
static const char *const chain_names[] = {"parent", "depth"};
static const ai_func_info chain_info = {"chain", "chain", 2, 0, chain_names, chain_entry, &code, 0, 0};
static ai_value chain_entry(ai_value fn, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value a[2];
    if (ai_bind_args(fn, args, nargs, kw, a) < 0) return AI_ERR;
    int64_t d = ai_smallint_get(a[1]);
    if (d == 0) {
        /* the tail: tell the root who it is, then crash on a message */
        ai_value self = A("self", NULL, 0);
        ai_value msg[2] = {a[0], tuple_pack2(N("tail"), self)};
        if (!A("send", msg, 2) || !receive_any()) return AI_ERR;
        return ai_raise_msg(&ai_exc_KeyError, "tail");
    }
    ai_value sargs[3] = {fn_value(&chain_info), a[0], ai_smallint(d - 1)};
    if (!A("spawn_link", sargs, 3)) return AI_ERR;
    ai_value r = receive_any(); /* the link ends us: ProcessExit */
    ACHECK(!r && proc_is_exit_exc(exc_pending()));
    return AI_ERR;
}

/* named(parent, i): registers "n<i>", pings "n<i+1>" until it answers */
static ai_value named_entry(ai_value fn, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value a[3];
    if (ai_bind_args(fn, args, nargs, kw, a) < 0) return AI_ERR;
    char buf[32];
    snprintf(buf, sizeof buf, "n%lld", (long long)ai_smallint_get(a[1]));
    ai_value name = str_from_cstr(buf);
    if (!A("register", &name, 1)) return AI_ERR;
    snprintf(buf, sizeof buf, "n%lld", (long long)((ai_smallint_get(a[1]) + 1) % ai_smallint_get(a[2])));
    ai_value next = str_from_cstr(buf);
    ai_value self = A("self", NULL, 0);
    /* tell the neighbour (by name, once it exists) who we are */
    for (;;) {
        ai_value m[2] = {next, tuple_pack2(N("hi"), self)};
        if (A("send", m, 2)) break;
        if (!exc_pending_is(&act_NoProc)) return AI_ERR;
        exc_clear();
        sched_yield_task();
    }
    ai_value hi = receive_any();
    if (!hi) return AI_ERR;
    ai_value m[2] = {a[0], tuple_pack2(N("done"), name)};
    return A("send", m, 2) ? AI_NONE : AI_ERR;
}
static const char *const named_names[] = {"parent", "i", "n"};
static const ai_func_info named_info = {"named", "named", 3, 0, named_names, named_entry, &code, 0, 0};

/* ---- the root ---------------------------------------------------------------------------------- */

static int down_reason_kind(ai_value reason) {
    if (act_str_is(reason, act_s_normal)) return 0;
    if (obj_isinstance(reason, &ai_exc_ValueError)) return 1;
    if (tuple_check(reason) && tuple_obj(reason)->len == 2) return 2;
    if (act_str_is(reason, act_s_killed)) return 3;
    return -1;
}

static void test_storm(int n) {
    ai_value self = A("self", NULL, 0);
    ai_value *pids = gc_vals_alloc(n);
    ai_value *refs = gc_vals_alloc(n);
    for (int i = 0; i < n; i++) {
        ai_value sargs[3] = {fn_value(&job_info), self, ai_smallint(i)};
        ai_value r = A("spawn_monitor", sargs, 3);
        CHECK(r != 0);
        if (!r) return;
        pids[i] = tuple_obj(r)->items[0];
        refs[i] = tuple_obj(r)->items[1];
    }
    for (int i = 0; i < n; i++) {
        ai_value m[2] = {pids[i], N("go")};
        CHECK(A("send", m, 2) == AI_NONE);
    }
    /* the computing and sleeping ones are killed (every 2nd of them with
     * 'kill', the others with a reason of their own) */
    for (int i = 0; i < n; i++)
        if (i % 5 >= 3) {
            ai_value m[2] = {pids[i], act_s_kill};
            CHECK(A("exit", m, 2) == AI_NONE);
        }
    int *seen = calloc((size_t)n, sizeof *seen);
    for (int got = 0; got < n; got++) {
        ai_value d = receive_any();
        CHECK(d && tuple_check(d) && tuple_obj(d)->len == 4);
        if (!d) break;
        ai_tuple *t = tuple_obj(d);
        int i = 0;
        while (i < n && obj_eq(refs[i], t->items[1]) != 1) i++;
        CHECK(i < n && obj_eq(pids[i], t->items[2]) == 1);
        if (i == n) continue;
        seen[i]++;
        int want = i % 5 == 4 ? 3 : i % 5;
        if (down_reason_kind(t->items[3]) != want) {
            fprintf(stderr, "process %d ended with %s\n", i, R(t->items[3]));
            check_failures++;
        }
    }
    for (int i = 0; i < n; i++) CHECK(seen[i] == 1);
    free(seen);
    gc_vals_free(pids);
    gc_vals_free(refs);
}

static void test_chains(int nchains, int depth) {
    ai_value self = A("self", NULL, 0);
    CHECK(A("trap_exits", (ai_value[]){AI_TRUE}, 1) == AI_FALSE);
    for (int c = 0; c < nchains; c++) {
        ai_value sargs[3] = {fn_value(&chain_info), self, ai_smallint(depth)};
        CHECK(A("spawn_link", sargs, 3) != 0);
    }
    /* each tail reports; then they all crash; one EXIT per chain head */
    ai_value *tails = gc_vals_alloc(nchains);
    for (int c = 0; c < nchains; c++) {
        ai_value t = receive_any();
        CHECK(t && tuple_check(t) && act_str_is(tuple_obj(t)->items[0], N("tail")));
        if (!t) return;
        tails[c] = tuple_obj(t)->items[1];
    }
    for (int c = 0; c < nchains; c++) {
        ai_value m[2] = {tails[c], N("crash")};
        CHECK(A("send", m, 2) == AI_NONE);
    }
    gc_vals_free(tails);
    for (int c = 0; c < nchains; c++) {
        ai_value e = receive_any();
        CHECK(e && tuple_check(e) && act_str_is(tuple_obj(e)->items[0], act_s_EXIT));
        if (e) CHECK(obj_isinstance(tuple_obj(e)->items[2], &ai_exc_KeyError));
    }
    CHECK(A("trap_exits", (ai_value[]){AI_FALSE}, 1) == AI_TRUE);
}

static void test_names(int n) {
    ai_value self = A("self", NULL, 0);
    for (int i = 0; i < n; i++) {
        ai_value sargs[4] = {fn_value(&named_info), self, ai_smallint(i), ai_smallint(n)};
        CHECK(A("spawn", sargs, 4) != 0);
    }
    for (int i = 0; i < n; i++) {
        ai_value d = receive_any();
        CHECK(d && tuple_check(d) && act_str_is(tuple_obj(d)->items[0], N("done")));
    }
    /* every name is released once its process has ended */
    for (int tries = 0; tries < 5000; tries++) {
        bool any = false;
        for (int i = 0; i < n && !any; i++) {
            char buf[32];
            snprintf(buf, sizeof buf, "n%d", i);
            ai_value name = str_from_cstr(buf);
            any = A("whereis", &name, 1) != AI_NONE;
        }
        if (!any) break;
        sched_sleep(1000000);
    }
    ai_value name = N("n0");
    CHECK(A("whereis", &name, 1) == AI_NONE);
}

static ai_value root(void) {
    mod = ai_import("aithon");
    CHECK(mod != 0);
    if (!mod) return AI_ERR;
    size_t live_bytes = gc_msg_live_bytes();
    int64_t live_procs = proc_live_count();
    int scale = stress ? 10 : 1;
    test_storm(500 / scale);
    test_chains(20 / scale, 10);
    test_names(100 / scale);
    CHECK(exc_pending() == 0);
    /* Everything ends: once our Pids are garbage, the records go, and
     * with them the last handles on the actors' blocks. A few Pids may
     * stay reachable from stale words of our stack (conservative roots). */
    int64_t left = 0;
    for (int i = 0; i < 5000; i++) {
        gc_collect();
        left = proc_live_count() - live_procs;
        if (left <= 25 && actor_live_count() <= 1 + (uint64_t)left) break;
        sched_sleep(1000000);
    }
    if (left > 25 || actor_live_count() > 1 + (uint64_t)left) {
        fprintf(stderr, "%lld process records and %llu actors left\n", (long long)left,
                (unsigned long long)actor_live_count());
        check_failures++;
    }
    CHECK(gc_msg_live_bytes() == live_bytes);
    CHECK(atomic_load(&actor_failures) == 0);
    if (check_failures || getenv("CHECK_VERBOSE"))
        fprintf(stderr, "%d of %d checks failed\n", check_failures, check_count);
    return check_failures ? ai_raise_fmt(&ai_exc_RuntimeError, "%d checks failed", check_failures) : AI_NONE;
}

int main(int argc, char **argv) {
    stress = getenv("AITHON_GC_STRESS") != NULL;
    return mod_run_main(argc, argv, root);
}
