/*
 * modules/module.c — the module type, sys.modules, and the import
 * machinery compiled code calls.
 *
 * See modules.h. Two kinds of module object:
 *   - C modules (sys, math, builtins …): attributes in a dict, made on
 *     first import by ai_import, cached for the life of the process;
 *   - compiled modules (the program's .py files): ai_module_import runs
 *     one the first time it is imported. Their globals stay where the
 *     compiled code reads them (the module's globals array); the module
 *     object maps attribute names to those slots, so `m.x = 1` is seen
 *     by m's functions and `m.x` sees their assignments.
 * Both are registered in sys.modules under their full name, which is
 * what an import consults first, as in CPython: a module whose body is
 * still running (an import cycle) is found there, partly initialised.
 * A module whose body raised is removed again.
 *
 * Messages are CPython's: "No module named 'x'", "cannot import name 'n'
 * from 'm' (/path/m.py)", "… from partially initialized module 'm'
 * (most likely due to a circular import) …", "module 'm' has no
 * attribute 'x'". A module-level __getattr__ (PEP 562) is called for a
 * missing attribute.
 *
 * Not handled: per-actor module state (a module object is process-wide
 * and must only be mutated by the main actor; sys.modules is made by the
 * main actor, which imports __main__ first); reloading; a module object
 * that replaced itself in sys.modules being bound as a parent's
 * attribute under another name than CPython would.
 */
#include "modules/modutil.h"

#include "core/alloc.h"

#include <pthread.h>

static const mod_def *const builtin_modules[] = {&mod_sys,      &mod_math,    &mod_time,   &mod_random,
                                                 &mod_builtins, &mod_asyncio, &mod_aithon, &mod_aithonint,
                                                 &mod_posix,    &mod_re,      &mod_hashlib, &mod_ctypes,
                                                 &mod_json};
enum { NMODULES = sizeof builtin_modules / sizeof builtin_modules[0] };

/* The made C modules, by index in builtin_modules; written once under the
 * lock, read under it (imports are rare, at top level). */
static ai_value loaded[NMODULES];
static pthread_mutex_t import_lock = PTHREAD_MUTEX_INITIALIZER;

/* sys.modules, a GC root (registered like a module's globals). */
static ai_value sys_modules[1];
static const char *const sys_modules_names[1] = {"sys.modules"};
static pthread_once_t sys_modules_once = PTHREAD_ONCE_INIT;
static void sys_modules_root(void) { mu_register_roots("sys$modules", sys_modules, sys_modules_names, 1); }

ai_value mod_sys_modules(void) {
    pthread_once(&sys_modules_once, sys_modules_root);
    if (!sys_modules[0]) sys_modules[0] = dict_new();
    return sys_modules[0];
}

/* ---- the module type ------------------------------------------------------------- */

static ai_module_obj *mod_obj(ai_value o) { return (ai_module_obj *)ai_obj(o); }

static void module_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_module_obj *m = (ai_module_obj *)o;
    visit(&m->dict, ctx);
    if (m->index) visit(&m->index, ctx);
}

/* The slot of global `name` of a compiled module: 1 (*slot set), 0 not
 * a global of it, -1 error. */
static int global_slot(ai_module_obj *m, ai_value name, ai_value **slot) {
    if (!m->info || !m->index) return 0;
    ai_value iv;
    int r = dict_get(m->index, name, &iv);
    if (r == 1) *slot = &m->info->globals[ai_smallint_get(iv)];
    return r;
}

static bool partial(const ai_module_obj *m) { return m->info && (m->info->state & 2); }

/* A compiled module whose namespace is its dict (AI_MODINFO_LIVE_NS). */
static bool live_ns(const ai_module_obj *m) { return m->info && (m->info->flags & AI_MODINFO_LIVE_NS); }

ai_value mod_dict(ai_value module) {
    ai_module_obj *m = mod_obj(module);
    if (!m->info || live_ns(m)) return m->dict;
    ai_value d = dict_new();
    if (!d) return AI_ERR;
    for (int64_t i = 0; i < m->info->nglobals; i++) {
        if (!m->info->globals[i]) continue;
        ai_value k = str_from_cstr(m->info->global_names[i]);
        if (!k || dict_set(d, k, m->info->globals[i]) < 0) return AI_ERR;
    }
    return dict_update_arg(d, m->dict) < 0 ? AI_ERR : d;
}

static ai_value module_getattr(ai_value o, ai_value name) {
    ai_module_obj *m = mod_obj(o);
    ai_value *slot;
    int r = global_slot(m, name, &slot);
    if (r < 0) return AI_ERR;
    if (r == 1 && *slot) return *slot;
    if (attr_name_is(name, "__dict__")) return mod_dict(o);
    ai_value v;
    r = dict_get(m->dict, name, &v);
    if (r < 0) return AI_ERR;
    if (r == 1) return v;
    /* PEP 562: a module-level __getattr__(name). */
    ai_value ga = str_from_cstr("__getattr__");
    if (!ga) return AI_ERR;
    if (global_slot(m, ga, &slot) == 1 && *slot) return ai_call(*slot, &name, 1, 0);
    int64_t n;
    const char *s = str_utf8(name, &n);
    if (partial(m))
        return ai_raise_fmt(&ai_exc_AttributeError,
                            "partially initialized module '%s' has no attribute '%s' (most likely due to a "
                            "circular import)",
                            m->name, s ? s : "?");
    return ai_raise_fmt(&ai_exc_AttributeError, "module '%s' has no attribute '%s'", m->name, s ? s : "?");
}

/* del m.x of a name m does not have: CPython's generic message. */
static int32_t no_attr_del(ai_value name) {
    int64_t n;
    const char *s = str_utf8(name, &n);
    ai_raise_fmt(&ai_exc_AttributeError, "'module' object has no attribute '%s'", s ? s : "?");
    return -1;
}

static int32_t module_setattr(ai_value o, ai_value name, ai_value v) {
    ai_module_obj *m = mod_obj(o);
    ai_value *slot;
    int r = live_ns(m) ? 0 : global_slot(m, name, &slot);
    if (r < 0) return -1;
    if (r == 1) {
        /* A global of compiled code: no barrier needed, the globals array
         * is a root of every collection (gc.h, G7). */
        if (!v && !*slot) return no_attr_del(name);
        *slot = v;
        return 0;
    }
    if (v) return ai_setitem(m->dict, name, v);
    int32_t rc = dict_del(m->dict, name);
    return rc < 0 ? -1 : rc == 0 ? no_attr_del(name) : 0;
}

static ai_value module_repr(ai_value o) {
    ai_module_obj *m = mod_obj(o);
    strbuf b;
    sb_init(&b);
    if (!m->info) sb_printf(&b, "<module '%s' (built-in)>", m->name);
    else if (m->info->file) sb_printf(&b, "<module '%s' from '%s'>", m->name, m->info->file);
    else sb_printf(&b, "<module '%s' (namespace)>", m->name);
    return sb_finish(&b);
}

static const ai_slots module_slots = {.getattr = module_getattr, .setattr = module_setattr};

ai_type ai_module_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "module",
    .base = &ai_object_type,
    .basicsize = sizeof(ai_module_obj),
    .repr = module_repr,
    .gc_visit = module_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&module_slots,
};

int mod_add(ai_value module, const char *name, ai_value value) {
    if (!value) return -1;
    ai_value key = str_from_cstr(name);
    if (!key) return -1;
    return ai_setitem(mod_obj(module)->dict, key, value);
}

int mod_add_fn(ai_value module, ai_builtin_fn *fn) { return mod_add(module, fn->name, ai_val(fn)); }

/* ---- C modules -------------------------------------------------------------------- */

static int add_builtin(const char *name, ai_value v, void *module) { return mod_add(*(ai_value *)module, name, v); }
static int builtins_init(ai_value module) { return bi_each(add_builtin, &module); }
const mod_def mod_builtins = {"builtins", builtins_init};

/* A module and everything its init makes are immortal (alloc.h, the
 * immortal scope): whichever actor imports it first, every actor reaches
 * the same objects for the rest of the program, and the first importer's
 * heap may end before them. */
static ai_value make_module(const mod_def *def) {
    alloc_immortal_begin();
    ai_module_obj *m = alloc_static(&ai_module_type, sizeof(ai_module_obj));
    ai_value v = AI_ERR;
    if (m) {
        m->name = def->name;
        m->dict = ai_dict_new(NULL, 0);
        if (m->dict && mod_add(ai_val(m), "__name__", str_from_cstr(def->name)) == 0 && def->init(ai_val(m)) == 0)
            v = ai_val(m);
    }
    alloc_immortal_end();
    if (!v) return AI_ERR;
    ai_value mods = mod_sys_modules();
    ai_value key = str_from_cstr(def->name);
    if (!mods || !key || dict_set(mods, key, v) < 0) return AI_ERR;
    return v;
}

ai_value ai_import(const char *name) {
    for (int i = 0; i < NMODULES; i++) {
        if (strcmp(builtin_modules[i]->name, name) != 0) continue;
        pthread_mutex_lock(&import_lock);
        if (!loaded[i]) loaded[i] = make_module(builtin_modules[i]);
        ai_value m = loaded[i];
        pthread_mutex_unlock(&import_lock);
        return m;
    }
    return ai_raise_fmt(&ai_exc_ModuleNotFoundError, "No module named '%s'", name);
}

ai_value ai_raise_import_error(const char *msg) { return ai_raise_msg(&ai_exc_ImportError, msg); }
ai_value ai_raise_runtime_error(const char *msg) { return ai_raise_msg(&ai_exc_RuntimeError, msg); }

ai_value ai_ns_dict_for_write(ai_value o, int64_t how) {
    if (!ai_is_smallint(o) && ai_type_of(o) == &ai_module_type) {
        ai_module_obj *m = mod_obj(o);
        if (m->info && !live_ns(m))
            return ai_raise_fmt(&ai_exc_TypeError,
                                "cannot write into the namespace of module '%s' through its dict here: "
                                "the compiler did not see which module this is, so its dict is a "
                                "snapshot (name the module: `%s.__dict__[...] = ...`, or use "
                                "setattr(); see docs/language.md)",
                                m->name, m->name);
    }
    static ai_value name;       /* immortal; a race makes the same string twice */
    if (!name && !(name = ai_const_str("__dict__", 8))) return AI_ERR;
    ai_value d = ai_getattr(o, name);
    if (d || !how || !exc_pending_is(&ai_exc_AttributeError)) return d;
    exc_clear();
    return ai_raise_msg(&ai_exc_TypeError, "vars() argument must have __dict__ attribute");
}

ai_value ai_globals(ai_module_info *info) {
    if (!info->module) return ai_raise_msg(&ai_exc_SystemError, "globals(): module not made yet");
    return mod_dict(info->module);
}

/* The name as C text, for the builtins' table and NameError. */
static const char *cname(ai_value name) {
    int64_t n;
    const char *s = str_utf8(name, &n);
    return s ? s : "?";
}

ai_value ai_ns_load(ai_module_info *info, ai_value name) {
    ai_value v;
    int r = dict_get(mod_obj(info->module)->dict, name, &v);
    if (r < 0) return AI_ERR;
    return r == 1 ? v : ai_builtin(cname(name));
}

int32_t ai_ns_store(ai_module_info *info, ai_value name, ai_value v) {
    ai_value d = mod_obj(info->module)->dict;
    if (v) return dict_set(d, name, v) < 0 ? -1 : 0;
    return dict_del(d, name) < 0 ? -1 : 0;
}

ai_value ai_global_missing(ai_module_info *info, const char *name) {
    if (info->module) {
        ai_value k = str_from_cstr(name), v;
        if (!k) return AI_ERR;
        int r = dict_get(mod_obj(info->module)->dict, k, &v);
        if (r < 0) return AI_ERR;
        if (r == 1) return v;
    }
    return ai_builtin(name);
}

/* locals() of a function or comprehension frame: as in CPython 3.11, one
 * dict per frame run (`prev`, 0 at the first call), brought up to date at
 * each call: bound variables set, unbound ones removed, other keys kept. */
ai_value ai_locals_dict(const char *const *names, const ai_value *vals, int64_t n, ai_value prev) {
    ai_value d = prev ? prev : dict_new();
    if (!d) return AI_ERR;
    for (int64_t i = 0; i < n; i++) {
        ai_value k = str_from_cstr(names[i]);
        if (!k) return AI_ERR;
        if (vals[i] ? dict_set(d, k, vals[i]) < 0 : prev && dict_del(d, k) < 0) return AI_ERR;
    }
    return d;
}

/* ---- compiled modules ----------------------------------------------------------- */

static ai_value compiled_module(ai_module_info *info) {
    ai_module_obj *m = alloc_static(&ai_module_type, sizeof(ai_module_obj));
    if (!m) return AI_ERR;
    m->name = info->name;
    m->info = info;
    if (!(m->dict = dict_new()) || !(m->index = dict_new())) return AI_ERR;
    for (int64_t i = 0; i < info->nglobals; i++) {
        ai_value k = str_from_cstr(info->global_names[i]);
        if (!k || dict_set(m->index, k, ai_smallint(i)) < 0) return AI_ERR;
    }
    return ai_val(m);
}

/* The modules whose bodies are running, innermost last (imports run in
 * the main actor's program order; a deeper nesting than the array is
 * simply not recorded). */
static const char *importing[64];
static int nimporting;

const char *mod_importing_name(void) { return nimporting > 0 ? importing[nimporting - 1] : NULL; }

ai_value ai_module_import(ai_module_info *m) {
    ai_value mods = mod_sys_modules();
    ai_value key = str_from_cstr(m->name);
    if (!mods || !key) return AI_ERR;
    ai_value v;
    int r = dict_get(mods, key, &v);
    if (r != 0) return r < 0 ? AI_ERR : v;
    if (m->parent) {
        /* The package first; its body may import this module itself. */
        if (!ai_module_import(m->parent)) return AI_ERR;
        r = dict_get(mods, key, &v);
        if (r != 0) return r < 0 ? AI_ERR : v;
    }
    if (!(m->state & 1)) {
        if (!m->consts()) return AI_ERR;
        m->state |= 1;
        ai_module_register(m);
    }
    if (!m->module && !(m->module = compiled_module(m))) return AI_ERR;
    if (dict_set(mods, key, m->module) < 0) return AI_ERR;
    m->state |= 2;
    int depth = nimporting;
    if (depth < 64) importing[nimporting++] = m->name;
    ai_value ok = m->body();
    nimporting = depth;
    m->state &= ~(int64_t)2;
    if (!ok) {
        /* As CPython: a module whose body raised is not imported. The key
         * is a str, so removing it cannot raise. */
        ai_value exc = ai_exc_fetch();
        dict_del(mods, key);
        ai_exc_restore(exc);
        return AI_ERR;
    }
    r = dict_get(mods, key, &v);
    if (r < 0) return AI_ERR;
    if (r == 0) v = m->module;
    if (m->parent) {
        /* Bind the submodule in its package: pkg.sub. */
        const char *dot = strrchr(m->name, '.');
        ai_value pkey = str_from_cstr(m->parent->name), p;
        ai_value child = str_from_cstr(dot ? dot + 1 : m->name);
        if (!pkey || !child || (r = dict_get(mods, pkey, &p)) < 0) return AI_ERR;
        if (r == 0) p = m->parent->module;
        if (ai_setattr(p, child, v) < 0) return AI_ERR;
    }
    return v;
}

ai_value ai_import_submodule(ai_value pkg, ai_value name, ai_module_info *sub) {
    ai_value v = ai_getattr(pkg, name);
    if (v) return AI_NONE;
    if (!exc_pending_is(&ai_exc_AttributeError)) return AI_ERR;
    exc_clear();
    return ai_module_import(sub) ? AI_NONE : AI_ERR;
}

/* The module's name for messages: its __name__ if a str, else m->name. */
static const char *name_of(ai_value module) {
    return obj_is_type(module, &ai_module_type) ? mod_obj(module)->name : "?";
}

ai_value ai_import_from(ai_value module, ai_value name) {
    ai_value v = ai_getattr(module, name);
    if (v || !exc_pending_is(&ai_exc_AttributeError)) return v;
    exc_clear();
    int64_t n;
    const char *s = str_utf8(name, &n);
    const char *mname = name_of(module);
    /* A submodule imported but not bound in its package (yet). */
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "%s.%s", mname, s ? s : "?");
    ai_value full = sb_finish(&b), mods = mod_sys_modules();
    if (!full || !mods) return AI_ERR;
    int r = dict_get(mods, full, &v);
    if (r != 0) return r < 0 ? AI_ERR : v;
    const ai_module_obj *m = obj_is_type(module, &ai_module_type) ? mod_obj(module) : NULL;
    const char *where = m && m->info && m->info->file ? m->info->file : "unknown location";
    if (m && partial(m))
        return ai_raise_fmt(&ai_exc_ImportError,
                            "cannot import name '%s' from partially initialized module '%s' (most likely due "
                            "to a circular import) (%s)",
                            s ? s : "?", mname, where);
    return ai_raise_fmt(&ai_exc_ImportError, "cannot import name '%s' from '%s' (%s)", s ? s : "?", mname, where);
}

int32_t ai_import_star(ai_value module, const char *const *names, int64_t n, ai_value *out) {
    ai_value allname = str_from_cstr("__all__");
    if (!allname) return -1;
    ai_value all = ai_getattr(module, allname);
    if (!all) {
        if (!exc_pending_is(&ai_exc_AttributeError)) return -1;
        exc_clear();
    }
    for (int64_t i = 0; i < n; i++) {
        out[i] = 0;
        ai_value k = str_from_cstr(names[i]);
        if (!k) return -1;
        if (all) {
            int32_t in = ai_contains(all, k);
            if (in < 0) return -1;
            if (!in) continue;
            if (!(out[i] = ai_getattr(module, k))) return -1;
            continue;
        }
        if (names[i][0] == '_') continue;
        if (!(out[i] = ai_getattr(module, k))) {
            if (!exc_pending_is(&ai_exc_AttributeError)) return -1;
            exc_clear();
        }
    }
    return 0;
}
