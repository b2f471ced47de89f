/*
 * objects/funcattrs.c — the attributes of function objects, code objects
 * and builtin functions, as decorators read and copy them.
 *
 * A compiled function (core/call.c's ai_function) knows its name,
 * qualname, module and parameters from its static ai_func_info; what
 * Python code sets later lives in the function itself: `doc`, and
 * `extra`, a tuple made on the first assignment holding a new __name__,
 * __qualname__, __module__, the __dict__ of arbitrary attributes
 * (`wrapper.calls = 0`, functools.wraps's __wrapped__) and the cached
 * __code__ object (0 in a slot: not set). Lookups follow CPython's
 * order: the function type's own attributes (__name__, __defaults__,
 * __code__ …) first, then the __dict__.
 *
 * Code objects expose what compiled code can say about itself: co_name,
 * co_qualname, co_filename, co_firstlineno, the argument counts, co_varnames (the
 * parameters only: compiled code keeps no table of its other locals) and
 * co_flags (CPython's bits for *args, **kwargs, generator, coroutine and
 * async generator over OPTIMIZED|NEWLOCALS; no NESTED bit), which is what
 * inspect reads.
 *
 * Builtin functions (len, math.sqrt) and builtin methods ([].append)
 * have __name__, __qualname__, __module__, __self__ and __doc__ (None:
 * the runtime carries no docstrings).
 *
 * Not handled: __globals__, __annotations__ (annotations are not kept),
 * co_freevars, co_nlocals and the other co_* fields, setting __code__.
 */
#include "core/object.h"
#include "gc/gc.h"
#include "modules/modules.h"
#include "objects/class.h"

enum { FX_NAME, FX_QUALNAME, FX_MODULE, FX_DICT, FX_CODE, FX_ANNOTATIONS, FX_N };

static ai_function *fobj(ai_value v) { return (ai_function *)ai_obj(v); }

static ai_value fx_get(ai_function *f, int i) { return f->extra ? tuple_obj(f->extra)->items[i] : 0; }

static int fx_set(ai_value fv, int i, ai_value v) {
    if (!fobj(fv)->extra) {
        ai_value t = tuple_new(FX_N);
        if (!t) return -1;
        fobj(fv)->extra = t;
        gc_barrier(fobj(fv), t);
    }
    ai_tuple *t = tuple_obj(fobj(fv)->extra);
    t->items[i] = v;
    gc_barrier(t, v);
    return 0;
}

/* ---- code objects ---------------------------------------------------------------- */

typedef struct code_obj {
    ai_object ob;
    const ai_func_info *info;
} code_obj;

static const ai_func_info *code_info_of(ai_value v) { return ((code_obj *)ai_obj(v))->info; }

static ai_value co_name(ai_value v) { return str_from_cstr(code_info_of(v)->name); }
static ai_value co_qualname(ai_value v) { return str_from_cstr(code_info_of(v)->qualname); }
static ai_value co_argcount(ai_value v) { return ai_smallint(code_info_of(v)->nparams); }
static ai_value co_posonlyargcount(ai_value v) { return ai_smallint(code_info_of(v)->nposonly); }
static ai_value co_kwonlyargcount(ai_value v) { return ai_smallint(code_info_of(v)->nkwonly); }

static ai_value co_flags(ai_value v) {
    int32_t f = code_info_of(v)->flags;
    int64_t co = 0x1 | 0x2; /* CO_OPTIMIZED | CO_NEWLOCALS */
    if (f & AI_FUNC_VARARGS) co |= 0x4;
    if (f & AI_FUNC_VARKW) co |= 0x8;
    if (f & AI_FUNC_GENERATOR) co |= 0x20;
    if (f & AI_FUNC_COROUTINE) co |= 0x80;
    if (f & AI_FUNC_ASYNCGEN) co |= 0x200;
    return ai_smallint(co);
}

static ai_value co_filename(ai_value v) {
    const ai_code_info *c = code_info_of(v)->code;
    return c && c->filename ? str_from_cstr(c->filename) : AI_NONE;
}

static ai_value co_firstlineno(ai_value v) {
    const ai_code_info *c = code_info_of(v)->code;
    return ai_smallint(c ? c->firstlineno : 1);
}

static ai_value co_varnames(ai_value v) {
    const ai_func_info *info = code_info_of(v);
    int64_t n = info->nparams + info->nkwonly + ((info->flags & AI_FUNC_VARARGS) ? 1 : 0) +
                ((info->flags & AI_FUNC_VARKW) ? 1 : 0);
    ai_value t = tuple_new(n);
    if (!t) return AI_ERR;
    for (int64_t i = 0; i < n; i++) {
        ai_value s = str_from_cstr(info->param_names[i]);
        if (!s) return AI_ERR;
        tuple_obj(t)->items[i] = s;
        gc_barrier(ai_obj(t), s);
    }
    return t;
}

static ai_value code_repr(ai_value v) {
    const ai_func_info *info = code_info_of(v);
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "<code object %s at %p, file \"%s\">", info->name, (void *)ai_obj(v),
              info->code && info->code->filename ? info->code->filename : "?");
    return sb_finish(&b);
}

static const ai_getset_def code_getset[] = {
    {"co_name", co_name},
    {"co_qualname", co_qualname},
    {"co_argcount", co_argcount},
    {"co_posonlyargcount", co_posonlyargcount},
    {"co_kwonlyargcount", co_kwonlyargcount},
    {"co_filename", co_filename},
    {"co_firstlineno", co_firstlineno},
    {"co_varnames", co_varnames},
    {"co_flags", co_flags},
    {NULL, NULL},
};

static const ai_slots code_slots = {.getset = code_getset};

ai_type func_code_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "code",
    .base = &ai_object_type,
    .basicsize = sizeof(code_obj),
    .repr = code_repr,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&code_slots,
};

/* ---- function objects ---------------------------------------------------------- */

/* __kwdefaults__: {name: default} of the keyword-only parameters that
 * have one, or None. */
static ai_value kwdefaults_dict(ai_function *f) {
    if (!f->kwdefaults) return AI_NONE;
    const ai_func_info *info = f->info;
    ai_value d = dict_new();
    if (!d) return AI_ERR;
    ai_tuple *kd = tuple_obj(f->kwdefaults);
    for (int32_t j = 0; j < info->nkwonly && j < kd->len; j++) {
        if (!kd->items[j]) continue;
        ai_value k = str_from_cstr(info->param_names[info->nparams + j]);
        if (!k || dict_set(d, k, kd->items[j]) < 0) return AI_ERR;
    }
    return dict_len(d) ? d : AI_NONE;
}

static ai_value func_module(ai_function *f) {
    ai_value m = fx_get(f, FX_MODULE);
    if (m) return m;
    const ai_code_info *c = f->info->code;
    return c && c->module ? str_from_cstr(c->module) : AI_NONE;
}

static ai_value func_dict(ai_value fv) {
    ai_value d = fx_get(fobj(fv), FX_DICT);
    if (d) return d;
    if (!(d = dict_new()) || fx_set(fv, FX_DICT, d) < 0) return AI_ERR;
    return d;
}

static ai_value func_code(ai_value fv) {
    ai_value c = fx_get(fobj(fv), FX_CODE);
    if (c) return c;
    code_obj *co = ai_alloc(&func_code_type, sizeof(code_obj));
    if (!co) return AI_ERR;
    co->info = fobj(fv)->info;
    c = ai_val(co);
    return fx_set(fv, FX_CODE, c) < 0 ? AI_ERR : c;
}

static ai_value func_getattr(ai_value o, ai_value name) {
    ai_function *f = fobj(o);
    const ai_func_info *info = f->info;
    if (attr_name_is(name, "__name__")) {
        ai_value v = fx_get(f, FX_NAME);
        return v ? v : str_from_cstr(info->name);
    }
    if (attr_name_is(name, "__qualname__")) {
        ai_value v = fx_get(f, FX_QUALNAME);
        return v ? v : str_from_cstr(info->qualname);
    }
    if (attr_name_is(name, "__module__")) return func_module(f);
    if (attr_name_is(name, "__doc__")) return f->doc ? f->doc : AI_NONE;
    if (attr_name_is(name, "__defaults__")) return f->defaults ? f->defaults : AI_NONE;
    if (attr_name_is(name, "__kwdefaults__")) return kwdefaults_dict(f);
    if (attr_name_is(name, "__dict__")) return func_dict(o);
    if (attr_name_is(name, "__code__")) return func_code(o);
    if (attr_name_is(name, "__closure__")) return f->closure ? f->closure : AI_NONE;
    if (attr_name_is(name, "__annotations__")) {
        /* Made on first use when the def had none, as in CPython. */
        ai_value a = fx_get(f, FX_ANNOTATIONS);
        if (a) return a;
        if (!(a = dict_new()) || fx_set(o, FX_ANNOTATIONS, a) < 0) return AI_ERR;
        return a;
    }
    ai_value d = fx_get(f, FX_DICT), v;
    if (d) {
        int r = dict_get(d, name, &v);
        if (r) return r < 0 ? AI_ERR : v;
    }
    return 0;   /* the type's tables: __get__, __class__, … */
}

static int32_t type_error(const char *msg) {
    ai_raise_msg(&ai_exc_TypeError, msg);
    return -1;
}

/* __kwdefaults__ = {name: default}: the tuple aligned with the keyword-only
 * parameters that ai_bind_args reads. */
static int32_t set_kwdefaults(ai_value o, ai_value v) {
    ai_function *f = fobj(o);
    if (v == AI_NONE || !v) {
        f->kwdefaults = 0;
        return 0;
    }
    if (!dict_check(v)) return type_error("__kwdefaults__ must be set to a dict object");
    int32_t n = f->info->nkwonly;
    if (n == 0) {
        f->kwdefaults = 0;
        return 0;
    }
    ai_value t = tuple_new(n);
    if (!t) return -1;
    for (int32_t j = 0; j < n; j++) {
        ai_value k = str_from_cstr(f->info->param_names[f->info->nparams + j]), x;
        if (!k) return -1;
        int r = dict_get(v, k, &x);
        if (r < 0) return -1;
        if (r) {
            tuple_obj(t)->items[j] = x;
            gc_barrier(ai_obj(t), x);
        }
    }
    f = fobj(o);
    f->kwdefaults = t;
    gc_barrier(f, t);
    return 0;
}

static int32_t func_setattr(ai_value o, ai_value name, ai_value v) {
    ai_function *f = fobj(o);
    bool is_name = attr_name_is(name, "__name__");
    if (is_name || attr_name_is(name, "__qualname__")) {
        if (!v || !str_check(v))
            return type_error(is_name ? "__name__ must be set to a string object"
                                      : "__qualname__ must be set to a string object");
        return fx_set(o, is_name ? FX_NAME : FX_QUALNAME, v);
    }
    if (attr_name_is(name, "__module__")) return fx_set(o, FX_MODULE, v ? v : AI_NONE);
    if (attr_name_is(name, "__doc__")) {
        f->doc = v == AI_NONE ? 0 : v;
        gc_barrier(f, f->doc);
        return 0;
    }
    if (attr_name_is(name, "__defaults__")) {
        if (v && v != AI_NONE && !tuple_check(v)) return type_error("__defaults__ must be set to a tuple object");
        f->defaults = v && v != AI_NONE && tuple_obj(v)->len ? v : 0;
        gc_barrier(f, f->defaults);
        return 0;
    }
    if (attr_name_is(name, "__kwdefaults__")) return set_kwdefaults(o, v);
    if (attr_name_is(name, "__annotations__")) {
        if (v && v != AI_NONE && !dict_check(v)) return type_error("__annotations__ must be set to a dict object");
        return fx_set(o, FX_ANNOTATIONS, v == AI_NONE ? 0 : v);
    }
    if (attr_name_is(name, "__dict__")) {
        if (!v) return type_error("cannot delete __dict__");
        if (!dict_check(v)) {
            ai_raise_fmt(&ai_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'", obj_type_name(v));
            return -1;
        }
        return fx_set(o, FX_DICT, v);
    }
    if (attr_name_is(name, "__code__") || attr_name_is(name, "__closure__") || attr_name_is(name, "__globals__")) {
        ai_raise_msg(&ai_exc_AttributeError, "readonly attribute");
        return -1;
    }
    ai_value d = func_dict(o);
    if (!d) return -1;
    if (v) return dict_set(d, name, v);
    int32_t r = dict_del(d, name);
    if (r == 0) {
        int64_t n;
        const char *s = str_utf8(name, &n);
        ai_raise_fmt(&ai_exc_AttributeError, "'function' object has no attribute '%s'", s ? s : "?");
    }
    return r > 0 ? 0 : -1;
}

/* f.__get__(obj, type=None): f itself for None, else f bound to obj. */
static ai_value func_get(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs("__get__", kwnames) < 0) return AI_ERR;
    if (nargs < 1 || nargs > 2)
        return ai_raise_fmt(&ai_exc_TypeError, "expected 1 or 2 arguments, got %lld", (long long)nargs);
    if (args[0] == AI_NONE && (nargs < 2 || args[1] == AI_NONE))
        return ai_raise_msg(&ai_exc_TypeError, "__get__(None, None) is invalid");
    if (args[0] == AI_NONE) return self;
    return cls_method_new(self, args[0]);
}

static const ai_method_def func_methods[] = {
    {"__get__", func_get, &ai_function_type, 0},
    {NULL, NULL, NULL, 0},
};

const ai_slots func_slots = {.getattr = func_getattr, .setattr = func_setattr, .methods = func_methods};

void ai_function_set_doc(ai_value f, ai_value doc) {
    fobj(f)->doc = doc;
    gc_barrier(fobj(f), doc);
}

/* ---- builtin functions ---------------------------------------------------------- */

/* The C module that holds builtin function `f` as an attribute, or 0
 * (then it is a builtin of the builtins module). */
static ai_value owning_module(ai_value f) {
    ai_value mods = mod_sys_modules(), k, m;
    if (!mods) return AI_ERR;
    int64_t pos = 0;
    while (dict_next(mods, &pos, &k, &m, NULL)) {
        if (!obj_is_type(m, &ai_module_type)) continue;
        ai_module_obj *mo = (ai_module_obj *)ai_obj(m);
        if (mo->info || strcmp(mo->name, "builtins") == 0) continue;
        int64_t p2 = 0;
        ai_value v;
        while (dict_next(mo->dict, &p2, NULL, &v, NULL))
            if (v == f) return str_from_cstr(mo->name);
    }
    return 0;
}

static ai_value bf_getattr(ai_value o, ai_value name) {
    ai_builtin_fn *f = (ai_builtin_fn *)ai_obj(o);
    if (attr_name_is(name, "__name__")) return str_from_cstr(f->name);
    if (attr_name_is(name, "__qualname__")) {
        if (!f->self) return str_from_cstr(f->name);
        strbuf b;
        sb_init(&b);
        sb_printf(&b, "%s.%s", obj_type_name(f->self), f->name);
        return sb_finish(&b);
    }
    if (attr_name_is(name, "__doc__")) return AI_NONE;
    bool self = attr_name_is(name, "__self__");
    if (self && f->self) return f->self;
    if (self || attr_name_is(name, "__module__")) {
        if (f->self) return AI_NONE;
        ai_value m = owning_module(o);
        if (m || exc_pending()) {
            if (!m || !self) return m;
            int r = dict_get(mod_sys_modules(), m, &m);
            return r < 0 ? AI_ERR : m;
        }
        return self ? ai_import("builtins") : str_from_cstr("builtins");
    }
    return 0;
}

const ai_slots builtin_fn_slots = {.getattr = bf_getattr};

/* Builtin methods made from a method table ([].append, str.upper). */
ai_value func_method_getattr(const char *mname, const ai_type *owner, ai_value self, ai_value name) {
    if (attr_name_is(name, "__name__")) return str_from_cstr(mname);
    if (attr_name_is(name, "__qualname__")) {
        strbuf b;
        sb_init(&b);
        sb_printf(&b, "%s.%s", owner->name, mname);
        return sb_finish(&b);
    }
    if (attr_name_is(name, "__doc__")) return AI_NONE;
    if (attr_name_is(name, "__self__")) return self ? self : AI_NONE;
    if (attr_name_is(name, "__objclass__")) return ai_val(owner);
    if (attr_name_is(name, "__module__")) return AI_NONE;
    return 0;
}
