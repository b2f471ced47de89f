/*
 * core/call.c — calling: function objects for compiled `def`s, binding a
 * vectorcall's arguments to parameters (ai_bind_args), the generic
 * ai_call, and builtin function objects.
 *
 * Calling convention (aithon_rt.h, ai_vectorcall): positional arguments
 * args[0..nargs), then one value per keyword named in kwnames (a tuple of
 * str, or 0). A function object's type calls info->entry, the emitter's
 * generic entry, which binds with ai_bind_args and runs the body; direct
 * calls to known functions bypass all of this.
 *
 * ai_bind_args follows CPython 3.11's order of checks and messages:
 * keywords first (unknown name / positional-only passed by keyword /
 * multiple values), then too many positionals, then defaults, then
 * missing arguments; messages use the function's qualname.
 *
 * Not handled yet: *args, **kwargs, keyword-only parameters and closures
 * (ai_func_info has no fields for them yet), bound methods.
 */
#include "core/object.h"
#include "gc/gc.h"

#include <stdlib.h>

/* ---- function objects -------------------------------------------------- */

static void func_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit(&((ai_function *)o)->defaults, ctx);
    visit(&((ai_function *)o)->closure, ctx);
    visit(&((ai_function *)o)->kwdefaults, ctx);
    visit(&((ai_function *)o)->doc, ctx);
    visit(&((ai_function *)o)->extra, ctx);
}

static ai_value func_call(ai_value callable, const ai_value *args, int64_t nargs,
                          ai_value kwnames) {
    ai_function *f = (ai_function *)ai_obj(callable);
    return f->info->entry(callable, args, nargs, kwnames);
}

static ai_value func_repr(ai_value v) {
    /* The qualname, as Python code may have set it (functools.wraps). */
    ai_value q = ai_getattr(v, str_from_cstr("__qualname__"));
    if (!q) return AI_ERR;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, "<function ");
    sb_add_str(&b, q);
    sb_printf(&b, " at %p>", (void *)ai_obj(v));
    return sb_finish(&b);
}

ai_type ai_function_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "function",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_function),
    .repr = func_repr,
    .call = func_call,
    .gc_visit = func_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&func_slots,
};

ai_value ai_function_new(const ai_func_info *info, ai_value defaults, ai_value closure) {
    ai_function *f = ai_alloc(&ai_function_type, sizeof(ai_function));
    if (!f) return AI_ERR;
    f->info = info;
    f->defaults = (defaults && tuple_obj(defaults)->len > 0) ? defaults : 0;
    f->closure = closure;
    return ai_val(f);
}

ai_value ai_function_closure(ai_value f) { return ((ai_function *)ai_obj(f))->closure; }

void ai_function_set_kwdefaults(ai_value f, ai_value kwdefaults) {
    ((ai_function *)ai_obj(f))->kwdefaults = kwdefaults;
    gc_barrier(ai_obj(f), kwdefaults);
}

/* ---- cells: variables shared between a function and its closures ------ */

static void cell_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_cell *c = (ai_cell *)o;
    if (c->value) visit(&c->value, ctx);
}

/* cell.cell_contents: the value, or CPython's ValueError while unbound. */
static ai_value cell_contents(ai_value v) {
    ai_value x = ((ai_cell *)ai_obj(v))->value;
    return x ? x : ai_raise_msg(&ai_exc_ValueError, "Cell is empty");
}

static const ai_getset_def cell_getset[] = {
    {"cell_contents", cell_contents},
    {NULL, NULL},
};

static const ai_slots cell_slots = {.getset = cell_getset};

ai_type ai_cell_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "cell",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_cell),
    .gc_visit = cell_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&cell_slots,
};

ai_value ai_cell_new(ai_value v) {
    ai_cell *c = ai_alloc(&ai_cell_type, sizeof(ai_cell));
    if (!c) return AI_ERR;
    c->value = v;
    return ai_val(c);
}

void ai_cell_set(ai_value cell, ai_value v) {
    /* The one place compiled code stores into a cell: the collector's
     * write barrier goes here. */
    ((ai_cell *)ai_obj(cell))->value = v;
    gc_barrier(ai_obj(cell), v);
}

/* ---- binding ------------------------------------------------------------ */

static bool name_is(ai_value s, const char *name) {
    int64_t n;
    const char *p = str_utf8(s, &n);
    return p && (size_t)n == strlen(name) && memcmp(p, name, (size_t)n) == 0;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" (CPython's format_missing). */
static void add_name_list(strbuf *b, const char *const *names, int n) {
    for (int i = 0; i < n; i++) {
        if (i > 0) sb_adds(b, n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
        sb_printf(b, "'%s'", names[i]);
    }
}

static int32_t raise_from_sb(strbuf *b) {
    ai_value s = sb_finish(b);
    if (!s) return -1;
    ai_value args = ai_tuple_pack(&s, 1);
    if (args) exc_raise_args(&ai_exc_TypeError, args);
    return -1;
}

static int32_t bind_kw_error(const ai_func_info *info, ai_value kwnames, ai_value bad) {
    /* A name the function does not accept by keyword: report every
     * positional-only parameter passed by keyword, if any, else the
     * unknown name. */
    ai_tuple *kw = tuple_obj(kwnames);
    strbuf b;
    sb_init(&b);
    int found = 0;
    for (int64_t k = 0; k < kw->len; k++)
        for (int32_t j = 0; j < info->nposonly; j++)
            if (name_is(kw->items[k], info->param_names[j])) {
                if (found++ == 0)
                    sb_printf(&b,
                              "%s() got some positional-only arguments passed as "
                              "keyword arguments: '",
                              info->qualname);
                else
                    sb_adds(&b, ", ");
                sb_adds(&b, info->param_names[j]);
            }
    if (found) {
        sb_addc(&b, '\'');
        return raise_from_sb(&b);
    }
    sb_printf(&b, "%s() got an unexpected keyword argument '", info->qualname);
    sb_add_str(&b, bad);
    sb_addc(&b, '\'');
    return raise_from_sb(&b);
}

static int32_t raise_missing(const ai_func_info *info, const ai_value *out, int64_t from, int64_t to,
                             const char *kind) {
    int nmissing = 0;
    for (int64_t j = from; j < to; j++)
        if (!out[j]) nmissing++;
    if (!nmissing) return 0;
    const char **names = malloc((size_t)nmissing * sizeof *names);
    if (!names) {
        exc_nomem();
        return -1;
    }
    int m = 0;
    for (int64_t j = from; j < to; j++)
        if (!out[j]) names[m++] = info->param_names[j];
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s() missing %d required %s argument%s: ", info->qualname, nmissing, kind,
              nmissing == 1 ? "" : "s");
    add_name_list(&b, names, nmissing);
    free(names);
    return raise_from_sb(&b);
}

static int32_t too_many_positional(const ai_func_info *info, int64_t nargs, int64_t nd, int64_t kwonly_given) {
    int32_t np = info->nparams;
    strbuf b;
    sb_init(&b);
    if (nd > 0)
        sb_printf(&b, "%s() takes from %lld to %d positional arguments but %lld", info->qualname,
                  (long long)(np - nd), (int)np, (long long)nargs);
    else
        sb_printf(&b, "%s() takes %d positional argument%s but %lld", info->qualname, (int)np, np == 1 ? "" : "s",
                  (long long)nargs);
    if (kwonly_given)
        sb_printf(&b, " positional argument%s (and %lld keyword-only argument%s) were given", nargs == 1 ? "" : "s",
                  (long long)kwonly_given, kwonly_given == 1 ? "" : "s");
    else
        sb_adds(&b, nargs == 1 ? " was given" : " were given");
    return raise_from_sb(&b);
}

int32_t ai_bind_args(ai_value func, const ai_value *args, int64_t nargs, ai_value kwnames,
                     ai_value *out) {
    ai_function *f = (ai_function *)ai_obj(func);
    const ai_func_info *info = f->info;
    int32_t np = info->nparams, nkw = info->nkwonly, nnamed = np + nkw;
    bool varargs = info->flags & AI_FUNC_VARARGS, varkw = info->flags & AI_FUNC_VARKW;
    ai_tuple *defs = f->defaults ? tuple_obj(f->defaults) : NULL;
    int64_t nd = defs ? defs->len : 0;
    if (nd > np) nd = np;
    int32_t vslot = nnamed, kslot = nnamed + (varargs ? 1 : 0);

    for (int32_t i = 0; i < nnamed; i++) out[i] = 0;
    int64_t npos = nargs < np ? nargs : np;
    for (int64_t i = 0; i < npos; i++) out[i] = args[i];
    if (varargs) {
        int64_t extra = nargs > np ? nargs - np : 0;
        out[vslot] = ai_tuple_pack(args + np, extra);
        if (!out[vslot]) return -1;
    }
    if (varkw) {
        out[kslot] = ai_dict_new(NULL, 0);
        if (!out[kslot]) return -1;
    }

    int64_t kwonly_given = 0;
    if (kwnames) {
        ai_tuple *kw = tuple_obj(kwnames);
        for (int64_t k = 0; k < kw->len; k++) {
            ai_value name = kw->items[k];
            int32_t j = info->nposonly;
            for (; j < nnamed; j++)
                if (name_is(name, info->param_names[j])) break;
            if (j == nnamed) {
                if (varkw) {
                    if (ai_setitem(out[kslot], name, args[nargs + k]) < 0) return -1;
                    continue;
                }
                return bind_kw_error(info, kwnames, name);
            }
            if (out[j]) {
                ai_raise_fmt(&ai_exc_TypeError, "%s() got multiple values for argument '%s'",
                             info->qualname, info->param_names[j]);
                return -1;
            }
            if (j >= np) kwonly_given++;
            out[j] = args[nargs + k];
        }
    }

    if (nargs > np && !varargs) return too_many_positional(info, nargs, nd, kwonly_given);

    for (int64_t j = np - nd; j < np; j++)
        if (!out[j]) out[j] = defs->items[j - (np - nd)];
    if (raise_missing(info, out, 0, np - nd, "positional") < 0) return -1;
    if (nkw) {
        ai_tuple *kd = f->kwdefaults ? tuple_obj(f->kwdefaults) : NULL;
        for (int32_t j = 0; j < nkw; j++)
            if (!out[np + j] && kd && kd->items[j]) out[np + j] = kd->items[j];
        if (raise_missing(info, out, np, nnamed, "keyword-only") < 0) return -1;
    }
    return 0;
}

/* ---- calling anything --------------------------------------------------- */

ai_value ai_call(ai_value callable, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (!obj_stack_ok()) return exc_recursion("");
    ai_type *t = ai_type_of(callable);
    if (t == &ai_function_type)
        return ((ai_function *)ai_obj(callable))->info->entry(callable, args, nargs, kwnames);
    /* C(…) of a class whose metaclass is type: type.__call__ itself. */
    if (t == &ai_type_type && (((ai_type *)ai_obj(callable))->flags & AI_TF_HEAPTYPE))
        return cls_construct(callable, args, nargs, kwnames);
    if (!t->call) return ai_raise_fmt(&ai_exc_TypeError, "'%s' object is not callable", t->name);
    return t->call(callable, args, nargs, kwnames);
}

/* ---- builtin functions -------------------------------------------------- */

static void builtin_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit(&((ai_builtin_fn *)o)->self, ctx);
}

static ai_value builtin_call(ai_value callable, const ai_value *args, int64_t nargs,
                             ai_value kwnames) {
    return ((ai_builtin_fn *)ai_obj(callable))->fn(callable, args, nargs, kwnames);
}

static ai_value builtin_repr(ai_value v) {
    ai_builtin_fn *f = (ai_builtin_fn *)ai_obj(v);
    strbuf b;
    sb_init(&b);
    if (f->self)
        sb_printf(&b, "<built-in method %s of %s object at %p>", f->name, obj_type_name(f->self),
                  (void *)ai_obj(f->self));
    else
        sb_printf(&b, "<built-in function %s>", f->name);
    return sb_finish(&b);
}

ai_type ai_builtin_function_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "builtin_function_or_method",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_builtin_fn),
    .repr = builtin_repr,
    .call = builtin_call,
    .gc_visit = builtin_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&builtin_fn_slots,
};

ai_value call_builtin_new(const char *name, ai_vectorcall fn, ai_value self) {
    ai_builtin_fn *f = ai_alloc(&ai_builtin_function_type, sizeof(ai_builtin_fn));
    if (!f) return AI_ERR;
    f->name = name;
    f->fn = fn;
    f->self = self;
    return ai_val(f);
}

int call_no_kwargs(const char *fname, ai_value kwnames) {
    if (kwnames && tuple_obj(kwnames)->len > 0) {
        ai_raise_fmt(&ai_exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int call_exact_args(const char *fname, int64_t nargs, int64_t want) {
    if (nargs == want) return 0;
    if (want == 1)
        ai_raise_fmt(&ai_exc_TypeError, "%s() takes exactly one argument (%lld given)", fname,
                     (long long)nargs);
    else if (want == 0)
        ai_raise_fmt(&ai_exc_TypeError, "%s() takes no arguments (%lld given)", fname,
                     (long long)nargs);
    else
        ai_raise_fmt(&ai_exc_TypeError, "%s expected %lld arguments, got %lld", fname,
                     (long long)want, (long long)nargs);
    return -1;
}

/* ---- keyword arguments of a call with ** ---------------------------------------- */

/* CPython's name of a callable in call errors: "mod.qualname()", or
 * "qualname()" for builtins, or str(callable) when it has no qualname. */
static void function_str(strbuf *b, ai_value callee) {
    ai_value qn = ai_getattr(callee, str_from_cstr("__qualname__"));
    int64_t n;
    if (!qn || !str_check(qn)) {
        exc_clear();
        ai_value s = ai_str(callee);
        const char *t = s ? str_utf8(s, &n) : NULL;
        exc_clear();
        sb_printf(b, "%s", t ? t : "?");
        return;
    }
    ai_value mod = ai_getattr(callee, str_from_cstr("__module__"));
    if (!mod) exc_clear();
    const char *m = mod && str_check(mod) ? str_utf8(mod, &n) : NULL;
    if (m && strcmp(m, "builtins") != 0) sb_printf(b, "%s.", m);
    const char *q = str_utf8(qn, &n);
    sb_printf(b, "%s()", q ? q : "?");
}

/* "<callee>" + what + "'arg'" (quoted) or + arg. */
static int32_t kw_error(ai_value callee, const char *what, const char *arg, bool quote) {
    strbuf b;
    sb_init(&b);
    function_str(&b, callee);
    sb_printf(&b, quote ? "%s'%s'" : "%s%s", what, arg);
    return raise_from_sb(&b);
}

static int32_t kw_add(ai_value kwargs, ai_value key, ai_value v, ai_value callee) {
    if (!str_check(key)) {
        ai_raise_msg(&ai_exc_TypeError, "keywords must be strings");
        return -1;
    }
    ai_value old;
    int r = dict_get(kwargs, key, &old);
    if (r < 0) return -1;
    if (r == 1) {
        int64_t n;
        const char *k = str_utf8(key, &n);
        return kw_error(callee, " got multiple values for keyword argument ", k ? k : "?", true);
    }
    return dict_set(kwargs, key, v) < 0 ? -1 : 0;
}

int32_t ai_call_kwmerge(ai_value kwargs, ai_value key, ai_value v, ai_value callee) {
    if (key) return kw_add(kwargs, key, v, callee);
    if (!dict_check(v)) {
        ai_value keys = ai_getattr(v, str_from_cstr("keys"));
        if (!keys) {
            if (!exc_pending_is(&ai_exc_AttributeError)) return -1;
            exc_clear();
            return kw_error(callee, " argument after ** must be a mapping, not ", obj_type_name(v), false);
        }
    }
    /* The mapping's items in its own order (keys() and [] for a mapping
     * that is not a dict), then each added with the checks above. */
    ai_value items = dict_new();
    if (!items || ai_dict_merge(items, v) < 0) return -1;
    int64_t pos = 0, h;
    ai_value k, val;
    while (dict_next(items, &pos, &k, &val, &h))
        if (kw_add(kwargs, k, val, callee) < 0) return -1;
    return 0;
}

int32_t ai_call_star_extend(ai_value list, ai_value v, ai_value callee) {
    ai_value it = ai_iter(v);
    if (!it) {
        /* Not iterable at all (no __iter__, no __getitem__): CPython names
         * the callee; an __iter__ that raised keeps its own error. */
        if (!exc_pending_is(&ai_exc_TypeError)) return -1;
        ai_value probe = ai_getattr(v, str_from_cstr("__iter__"));
        if (!probe) probe = ai_getattr(v, str_from_cstr("__getitem__"));
        exc_clear();
        if (probe) return ai_iter(v) ? ai_list_extend(list, v) : -1;
        if (!callee) {
            ai_raise_fmt(&ai_exc_TypeError, "Value after * must be an iterable, not %s", obj_type_name(v));
            return -1;
        }
        return kw_error(callee, " argument after * must be an iterable, not ", obj_type_name(v), false);
    }
    return ai_list_extend(list, it);
}
