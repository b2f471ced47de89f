/*
 * core/excgroup.c — BaseExceptionGroup and ExceptionGroup (PEP 654, as
 * CPython 3.11 has them): construction with CPython's checks and its
 * choice of class, message/exceptions, str, derive, subgroup, split.
 *
 * Layout: an ordinary exception (ai_exc) whose args are (message,
 * exceptions) as given; `exceptions` is computed as a tuple of args[1].
 * BaseExceptionGroup(msg, excs) makes an ExceptionGroup when every item
 * is an Exception, as CPython's __new__ does.
 *
 * Also here: the runtime half of try/except* (ai_excstar_*). The tree
 * CPython prints for a group is exc.c's (exc_print).
 */
#include "core/object.h"
#include "gc/gc.h"

static ai_exc *eg_obj(ai_value v) { return (ai_exc *)ai_obj(v); }

ai_value excgroup_exceptions(ai_value eg) {
    ai_tuple *a = tuple_obj(eg_obj(eg)->args);
    if (a->len < 2) return ai_val(&tuple_empty_obj);
    ai_value ex = a->items[1];
    if (tuple_check(ex)) return ex;
    ai_value l = list_from_iter(ex);
    return l ? ai_list_to_tuple(l) : AI_ERR;
}

static bool is_exception_instance(ai_value v) { return cls_isinstance(v, &ai_exc_BaseException); }

/* The class a group of these exceptions gets (cls as asked, except that
 * BaseExceptionGroup of Exceptions only is an ExceptionGroup). -1 error. */
static ai_type *group_class(ai_type *cls, ai_value excs) {
    ai_tuple *t = tuple_obj(excs);
    bool all_exc = true;
    for (int64_t i = 0; i < t->len; i++)
        if (!cls_isinstance(t->items[i], &ai_exc_Exception)) all_exc = false;
    if (cls == &ai_exc_BaseExceptionGroup) return all_exc ? &ai_exc_ExceptionGroup : cls;
    if (!all_exc && cls_is_subtype(cls, &ai_exc_ExceptionGroup)) {
        ai_raise_msg(&ai_exc_TypeError, cls == &ai_exc_ExceptionGroup ? "Cannot nest BaseExceptions in an ExceptionGroup"
                                        : "Cannot nest BaseExceptions in 'ExceptionGroup'");
        return NULL;
    }
    return cls;
}

static ai_value make_group(ai_type *cls, ai_value msg, ai_value excs_arg, ai_value excs_tuple) {
    ai_type *t = group_class(cls, excs_tuple);
    if (!t) return AI_ERR;
    ai_value args = tuple_pack2(msg, excs_arg);
    if (!args) return AI_ERR;
    return exc_new(t, args);
}

static ai_value excgroup_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (kwnames && tuple_obj(kwnames)->len > 0)
        return ai_raise_msg(&ai_exc_TypeError, "BaseExceptionGroup.__new__() takes no keyword arguments");
    if (nargs != 2)
        return ai_raise_fmt(&ai_exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%lld given)",
                            (long long)nargs);
    if (!str_check(args[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                            obj_type_name(args[0]));
    ai_value seq = args[1];
    if (!tuple_check(seq) && !list_check(seq))
        return ai_raise_msg(&ai_exc_TypeError, "second argument (exceptions) must be a sequence");
    ai_value excs = tuple_check(seq) ? seq : ai_list_to_tuple(seq);
    if (!excs) return AI_ERR;
    ai_tuple *t = tuple_obj(excs);
    if (t->len == 0) return ai_raise_msg(&ai_exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
    for (int64_t i = 0; i < t->len; i++)
        if (!is_exception_instance(t->items[i]))
            return ai_raise_fmt(&ai_exc_ValueError, "Item %lld of second argument (exceptions) is not an exception",
                                (long long)i);
    return make_group((ai_type *)ai_obj(cls), args[0], seq, excs);
}

ai_value excgroup_str(ai_value eg) {
    ai_tuple *a = tuple_obj(eg_obj(eg)->args);
    ai_value excs = excgroup_exceptions(eg);
    if (!excs) return AI_ERR;
    int64_t n = tuple_obj(excs)->len;
    strbuf b;
    sb_init(&b);
    if (a->len) sb_add_str(&b, a->items[0]);
    sb_printf(&b, " (%lld sub-exception%s)", (long long)n, n == 1 ? "" : "s");
    return sb_finish(&b);
}

static ai_value g_message(ai_value v) {
    ai_tuple *a = tuple_obj(eg_obj(v)->args);
    return a->len ? a->items[0] : str_from_cstr("");
}

static ai_value g_exceptions(ai_value v) { return excgroup_exceptions(v); }

/* self.derive(excs) followed by copying the metadata, as split() does. */
static ai_value derive_with_meta(ai_value self, ai_value excs_list) {
    ai_value excs = ai_list_to_tuple(excs_list);
    if (!excs) return AI_ERR;
    ai_value g = make_group(&ai_exc_BaseExceptionGroup, g_message(self), excs_list, excs);
    if (!g) return AI_ERR;
    /* split()'s parts keep the traceback, cause, context and notes */
    ai_value tb = exc_tb_copy(eg_obj(self)->tb);
    if (tb == AI_ERR && eg_obj(self)->tb) return AI_ERR;
    ai_exc *src = eg_obj(self), *dst = eg_obj(g);
    dst->tb = tb;
    dst->cause = src->cause;
    dst->context = src->context;
    dst->suppress_context = src->suppress_context;
    gc_barrier(dst, tb);
    gc_barrier(dst, src->cause);
    gc_barrier(dst, src->context);
    ai_value notes = exc_attr(self, "__notes__");
    if (notes && list_check(notes)) {
        ai_value copy = list_from_iter(notes);
        if (!copy || ai_setattr(g, ai_const_str("__notes__", 9), copy) < 0) return AI_ERR;
    }
    return g;
}

static ai_value m_derive(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs("derive", kwnames) < 0 || call_exact_args("derive", nargs, 1) < 0) return AI_ERR;
    ai_value excs = list_from_iter(args[0]);
    if (!excs) return AI_ERR;
    ai_value t = ai_list_to_tuple(excs);
    if (!t) return AI_ERR;
    return make_group(&ai_exc_BaseExceptionGroup, g_message(self), args[0], t);
}

/* Does exception e match the condition (a type, a tuple of types, or a
 * predicate)? 1/0/-1. */
static int matches(ai_value e, ai_value cond) {
    if (!ai_is_smallint(cond) && (obj_is_class(cond) || tuple_check(cond)))
        return ai_exc_matches(e, cond);
    ai_value r = ai_call(cond, &e, 1, 0);
    return r ? ai_truthy(r) : -1;
}

static bool is_group(ai_value v) { return cls_isinstance(v, &ai_exc_BaseExceptionGroup); }

/* Split `self` by cond: *match and *rest are groups (or 0 for none). */
static int split(ai_value self, ai_value cond, ai_value *match, ai_value *rest) {
    *match = *rest = 0;
    int m = matches(self, cond);
    if (m < 0) return -1;
    if (m) {
        *match = self;
        return 0;
    }
    ai_value excs = excgroup_exceptions(self);
    if (!excs) return -1;
    ai_value ml = list_new(0), rl = list_new(0);
    if (!ml || !rl) return -1;
    for (int64_t i = 0; i < tuple_obj(excs)->len; i++) {
        ai_value e = tuple_obj(excs)->items[i];
        if (is_group(e)) {
            ai_value sm, sr;
            if (split(e, cond, &sm, &sr) < 0) return -1;
            if (sm && ai_list_append(ml, sm) < 0) return -1;
            if (sr && ai_list_append(rl, sr) < 0) return -1;
            continue;
        }
        int k = matches(e, cond);
        if (k < 0) return -1;
        if (ai_list_append(k ? ml : rl, e) < 0) return -1;
    }
    if (list_obj(ml)->len) {
        *match = derive_with_meta(self, ml);
        if (!*match) return -1;
    }
    if (list_obj(rl)->len) {
        *rest = derive_with_meta(self, rl);
        if (!*rest) return -1;
    }
    return 0;
}

static ai_value m_split(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs("split", kwnames) < 0 || call_exact_args("split", nargs, 1) < 0) return AI_ERR;
    ai_value m, r;
    if (split(self, args[0], &m, &r) < 0) return AI_ERR;
    return tuple_pack2(m ? m : AI_NONE, r ? r : AI_NONE);
}

static ai_value m_subgroup(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs("subgroup", kwnames) < 0 || call_exact_args("subgroup", nargs, 1) < 0) return AI_ERR;
    ai_value m, r;
    if (split(self, args[0], &m, &r) < 0) return AI_ERR;
    return m ? m : AI_NONE;
}

static const ai_method_def excgroup_methods[] = {
    {"derive", m_derive, &ai_exc_BaseExceptionGroup, 0},
    {"split", m_split, &ai_exc_BaseExceptionGroup, 0},
    {"subgroup", m_subgroup, &ai_exc_BaseExceptionGroup, 0},
    {NULL, NULL, NULL, 0},
};
static const ai_getset_def excgroup_getset[] = {
    {"message", g_message},
    {"exceptions", g_exceptions},
    {NULL, NULL},
};

const ai_slots excgroup_slots = {
    .construct = excgroup_construct,
    .methods = excgroup_methods,
    .getset = excgroup_getset,
    .setattr = exc_setattr,
    .getattr = exc_getattr_slot,
};

/* ---- try/except* ------------------------------------------------------------
 *
 * The state of one except* dispatch is a list [orig, rest, raised,
 * matches]: the exception the body raised, the part no clause has matched
 * yet (None when none is left), what the handler bodies raised, and the
 * parts handed to them. At the end, CPython's rule (PEP 654): what the
 * bodies raised anew, plus the re-raised and unhandled parts put back
 * into orig's shape, form the exception to propagate. A part counts as
 * re-raised when the body raised the very object it was given (`raise`,
 * or `raise e`; CPython tells the two apart by the traceback and treats
 * `raise e` as a new raise). */

enum { ST_ORIG, ST_REST, ST_RAISED, ST_MATCHES, ST_N };

static ai_value st_get(ai_value st, int i) { return list_obj(st)->items[i]; }

ai_value ai_excstar_begin(ai_value exc) {
    ai_value raised = list_new(0);
    if (!raised) return AI_ERR;
    ai_value matches = list_new(0);
    if (!matches) return AI_ERR;
    ai_value items[ST_N] = {exc, exc, raised, matches};
    return ai_list_new(items, ST_N);
}

/* except* T: T may not be (or hold) an exception group type. */
static int check_star_type(ai_value t) {
    if (tuple_check(t)) {
        for (int64_t i = 0; i < tuple_obj(t)->len; i++)
            if (check_star_type(tuple_obj(t)->items[i]) < 0) return -1;
        return 0;
    }
    if (obj_is_class(t) && obj_type_is_sub((ai_type *)ai_obj(t), &ai_exc_BaseExceptionGroup)) {
        ai_raise_msg(&ai_exc_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return -1;
    }
    return 0;
}

ai_value ai_excstar_match(ai_value st, ai_value types) {
    ai_value rest = st_get(st, ST_REST);
    /* the type is checked as CPython does, even with nothing left */
    int ok = ai_exc_matches(rest == AI_NONE ? st_get(st, ST_ORIG) : rest, types);
    if (ok < 0 || check_star_type(types) < 0) return AI_ERR;
    if (rest == AI_NONE) return AI_NONE;
    ai_value match = 0, left = 0;
    if (!is_group(rest)) {
        if (!ok) return AI_NONE;
        /* a bare exception is handled as a group of one */
        ai_value excs = ai_list_new(&rest, 1);
        if (!excs) return AI_ERR;
        ai_value t = ai_list_to_tuple(excs);
        if (!t) return AI_ERR;
        match = make_group(&ai_exc_BaseExceptionGroup, ai_const_str("", 0), excs, t);
        if (!match) return AI_ERR;
        ai_value tb = exc_tb_copy(eg_obj(rest)->tb);
        if (tb == AI_ERR && eg_obj(rest)->tb) return AI_ERR;
        eg_obj(match)->tb = tb;
        gc_barrier(eg_obj(match), tb);
    } else if (split(rest, types, &match, &left) < 0) {
        return AI_ERR;
    }
    list_obj(st)->items[ST_REST] = left ? left : AI_NONE;
    gc_barrier(ai_obj(st), left);
    if (!match) return AI_NONE;
    if (ai_list_append(st_get(st, ST_MATCHES), match) < 0) return AI_ERR;
    return match;
}

void ai_excstar_raised(ai_value st, ai_value exc) {
    if (ai_list_append(st_get(st, ST_RAISED), exc) < 0) exc_clear();
}

static bool in_list(ai_value list, ai_value v) {
    for (int64_t i = 0; i < list_obj(list)->len; i++)
        if (list_obj(list)->items[i] == v) return true;
    return false;
}

/* The leaves (non-group exceptions) of x, appended to out. */
static int collect_leaves(ai_value x, ai_value out) {
    if (!is_group(x)) return ai_list_append(out, x);
    ai_value excs = excgroup_exceptions(x);
    if (!excs) return -1;
    for (int64_t i = 0; i < tuple_obj(excs)->len; i++)
        if (collect_leaves(tuple_obj(excs)->items[i], out) < 0) return -1;
    return 0;
}

/* eg cut down to the leaves in `keep`, in eg's shape (0: none left). */
static int project(ai_value eg, ai_value keep, ai_value *out) {
    *out = 0;
    ai_value excs = excgroup_exceptions(eg);
    if (!excs) return -1;
    ai_value parts = list_new(0);
    if (!parts) return -1;
    for (int64_t i = 0; i < tuple_obj(excs)->len; i++) {
        ai_value e = tuple_obj(excs)->items[i], sub = e;
        if (is_group(e)) {
            if (project(e, keep, &sub) < 0) return -1;
        } else if (!in_list(keep, e)) {
            sub = 0;
        }
        if (sub && ai_list_append(parts, sub) < 0) return -1;
    }
    if (!list_obj(parts)->len) return 0;
    *out = derive_with_meta(eg, parts);
    return *out ? 0 : -1;
}

ai_value ai_excstar_end(ai_value st) {
    ai_value orig = st_get(st, ST_ORIG), rest = st_get(st, ST_REST);
    ai_value excs = list_from_iter(st_get(st, ST_RAISED));
    if (!excs) return AI_ERR;
    if (rest != AI_NONE && ai_list_append(excs, rest) < 0) return AI_ERR;
    int64_t n = list_obj(excs)->len;
    if (n == 0) return AI_NONE;
    ai_value result;
    if (!is_group(orig)) {
        result = list_obj(excs)->items[0];
    } else {
        ai_value fresh = list_new(0), keep = list_new(0);
        if (!fresh || !keep) return AI_ERR;
        ai_value matches = st_get(st, ST_MATCHES);
        for (int64_t i = 0; i < n; i++) {
            ai_value x = list_obj(excs)->items[i];
            bool again = x == rest || in_list(matches, x);
            if (again ? collect_leaves(x, keep) < 0 : ai_list_append(fresh, x) < 0) return AI_ERR;
        }
        ai_value reraised = 0;
        if (list_obj(keep)->len && project(orig, keep, &reraised) < 0) return AI_ERR;
        if (!list_obj(fresh)->len) {
            result = reraised;
        } else {
            if (reraised && ai_list_append(fresh, reraised) < 0) return AI_ERR;
            ai_value t = ai_list_to_tuple(fresh);
            if (!t) return AI_ERR;
            result = make_group(&ai_exc_BaseExceptionGroup, ai_const_str("", 0), fresh, t);
        }
        if (!result) return list_obj(fresh)->len ? AI_ERR : AI_NONE;
    }
    ai_exc_restore(result);
    return AI_ERR;
}
