/*
 * objects/format.c — format() and the format-spec mini-language
 * (placeholder: the data-types work fills it in).
 *
 * Holds bi_table_text, the text builtins' part of the builtins table.
 */
#include "core/object.h"

const bi_entry bi_table_text[] = {{NULL, 0}};

ai_value ai_format(ai_value v, ai_value spec) {
    (void)spec;
    return ai_str(v);
}
ai_value ai_ascii(ai_value v) { return ai_repr(v); }
ai_value ai_str_join_n(const ai_value *parts, int64_t n) {
    ai_value acc = str_from_cstr("");
    for (int64_t i = 0; acc && i < n; i++) acc = str_concat(acc, parts[i]);
    return acc;
}
