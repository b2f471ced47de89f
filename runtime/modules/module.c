/*
 * modules/module.c — the module type and ai_import.
 *
 * See modules.h. Attribute lookup on a module reads its dict; a missing
 * name raises CPython's "module 'math' has no attribute 'x'". Modules are
 * made on first import and cached for the life of the process.
 */
#include "modules/modules.h"

#include "core/alloc.h"

#include <pthread.h>

static const mod_def *const builtin_modules[] = {&mod_sys, &mod_math, &mod_time, &mod_random, &mod_aithon};
enum { NMODULES = sizeof builtin_modules / sizeof builtin_modules[0] };

/* The made modules, by index in builtin_modules; written once under the
 * lock, read under it (imports are rare, at top level). */
static ai_value loaded[NMODULES];
static pthread_mutex_t import_lock = PTHREAD_MUTEX_INITIALIZER;

static void module_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    visit(&((ai_module_obj *)o)->dict, ctx);
}

static ai_value module_getattr(ai_value o, ai_value name) {
    ai_module_obj *m = (ai_module_obj *)ai_obj(o);
    if (attr_name_is(name, "__name__")) return str_from_cstr(m->name);
    if (attr_name_is(name, "__dict__")) return m->dict;
    ai_value v = ai_getitem(m->dict, name);
    if (v) return v;
    if (!exc_pending_is(&ai_exc_KeyError)) return AI_ERR;
    exc_clear();
    int64_t n;
    const char *s = str_utf8(name, &n);
    return ai_raise_fmt(&ai_exc_AttributeError, "module '%s' has no attribute '%s'", m->name, s ? s : "?");
}

static int32_t module_setattr(ai_value o, ai_value name, ai_value v) {
    ai_module_obj *m = (ai_module_obj *)ai_obj(o);
    return v ? ai_setitem(m->dict, name, v) : ai_delitem(m->dict, name);
}

static ai_value module_repr(ai_value o) {
    ai_module_obj *m = (ai_module_obj *)ai_obj(o);
    strbuf b;
    sb_init(&b);
    sb_printf(&b, "<module '%s' (built-in)>", m->name);
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
    return ai_setitem(((ai_module_obj *)ai_obj(module))->dict, key, value);
}

int mod_add_fn(ai_value module, ai_builtin_fn *fn) { return mod_add(module, fn->name, ai_val(fn)); }

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

ai_value ai_import_from(ai_value module, ai_value name) {
    ai_value v = ai_getattr(module, name);
    if (v || !exc_pending_is(&ai_exc_AttributeError)) return v;
    exc_clear();
    int64_t n;
    const char *s = str_utf8(name, &n);
    return ai_raise_fmt(&ai_exc_ImportError, "cannot import name '%s' from '%s' (unknown location)", s ? s : "?",
                        ((ai_module_obj *)ai_obj(module))->name);
}
