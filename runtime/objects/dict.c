/*
 * objects/dict.c — dict (placeholder: the data-types work fills it in).
 *
 * Holds bi_table_map, the mapping/set builtins' part of the builtins table.
 */
#include "core/object.h"

const bi_entry bi_table_map[] = {{NULL, 0}};

static ai_value todo(const char *what) {
    return ai_raise_fmt(&ai_exc_NotImplementedError, "%s is not implemented yet", what);
}

ai_value ai_dict_new(const ai_value *kv, int64_t n) { (void)kv; (void)n; return todo("dict"); }
ai_value ai_set_new(const ai_value *items, int64_t n) { (void)items; (void)n; return todo("set"); }
int32_t ai_set_add(ai_value s, ai_value v) { (void)s; (void)v; todo("set"); return -1; }
int32_t ai_set_update(ai_value s, ai_value v) { (void)s; (void)v; todo("set"); return -1; }
int32_t ai_dict_merge(ai_value d, ai_value m) { (void)d; (void)m; todo("dict"); return -1; }
