/*
 * core/consts.c — constants and constant displays made from data tables.
 *
 * A module's constants (str, bytes, big int, float, keyword-name tuples)
 * used to be created by straight-line code in its `$consts` function,
 * one call and one branch each: a program with 100,000 constants had a
 * 100,000-call function, which LLVM compiles in super-linear time. The
 * compiler now emits one table of ai_const_rec (aithon_rt.h) and
 * `$consts` is a single call of ai_consts_init.
 *
 * Likewise a big display of constants (`[0, 1, 2, …]`, a table of rows
 * of numbers and strings) is not code but a template of words that
 * ai_build_display interprets: values are pushed on a stack (a gc_vals
 * buffer, so a collection during the build sees them) and each container
 * operation pops its items and pushes the new container, in the same
 * order as the code it replaces would have run (so a dict keeps the last
 * value of a repeated key, and an unhashable set element or dict key
 * raises the same TypeError).
 */
#include "core/object.h"
#include "gc/gc.h"

#include <string.h>

ai_value ai_consts_init(const ai_const_rec *recs, int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        const ai_const_rec *r = &recs[i];
        ai_value v = AI_ERR;
        switch (r->kind) {
        case AI_CONST_STR: v = ai_const_str(r->data, r->n); break;
        case AI_CONST_BYTES: v = ai_const_bytes(r->data, r->n); break;
        case AI_CONST_INT: v = ai_const_int(r->data); break;
        case AI_CONST_FLOAT: {
            double d;
            memcpy(&d, &r->n, sizeof d);
            v = ai_const_float(d);
            break;
        }
        case AI_CONST_IMAG: {
            double d;
            memcpy(&d, &r->n, sizeof d);
            v = ai_const_complex(0.0, d);
            break;
        }
        case AI_CONST_TUPLE: {
            ai_value *const *items = r->data;
            ai_value *vals = gc_vals_alloc(r->n ? r->n : 1);
            if (!vals) return AI_ERR;
            for (int64_t j = 0; j < r->n; j++) vals[j] = *items[j];
            v = ai_tuple_pack(vals, r->n);
            gc_vals_free(vals);
            break;
        }
        default: return ai_raise_msg(&ai_exc_RuntimeError, "bad constant table");
        }
        if (!v) return AI_ERR;
        *r->out = v;
    }
    return AI_NONE;
}

ai_value ai_build_display(const int64_t *t) {
    int64_t nwords = t[0], depth = t[1];
    ai_value *stack = gc_vals_alloc(depth > 0 ? depth : 1);
    if (!stack) return AI_ERR;
    int64_t sp = 0;
    const int64_t *op = t + 2, *end = op + nwords;
    while (op < end) {
        int64_t kind = *op & 0xff, n = *op >> 8;
        ai_value v;
        op++;
        switch (kind) {
        case AI_TPL_VAL: v = (ai_value)*op++; break;
        case AI_TPL_REF: v = *(const ai_value *)(uintptr_t)*op++; break;
        case AI_TPL_LIST: sp -= n; v = ai_list_new(stack + sp, n); break;
        case AI_TPL_TUPLE: sp -= n; v = ai_tuple_pack(stack + sp, n); break;
        case AI_TPL_SET: sp -= n; v = ai_set_new(stack + sp, n); break;
        case AI_TPL_DICT: sp -= 2 * n; v = ai_dict_new(stack + sp, n); break;
        case AI_TPL_SETC: sp -= n; v = ai_set_new_const(stack + sp, n); break;
        default: v = ai_raise_msg(&ai_exc_RuntimeError, "bad display template"); break;
        }
        if (!v) {
            gc_vals_free(stack);
            return AI_ERR;
        }
        stack[sp++] = v;
    }
    ai_value r = stack[0];
    gc_vals_free(stack);
    return r;
}
