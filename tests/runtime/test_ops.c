/*
 * tests/runtime/test_ops.c — every operator slow path (ai_add … ai_invert,
 * ai_compare, divmod, abs) over ints small and big, bools, floats, strs
 * and None, against the outcomes CPython 3.11 produced (gen_cases.py →
 * test_ops_cases.inc): repr of the result or the exact exception text.
 */
#include "check.h"
#include "gc/gc.h"

#include <stdint.h>

struct op_case {
    const char *op;
    int a, b;
    const char *want;
};

#include "test_ops_cases.inc"

static ai_value operand(const char *enc) {
    switch (enc[0]) {
    case 'i': return BIG(enc + 2);
    case 'b': return ai_bool(enc[2] == '1');
    case 'n': return AI_NONE;
    case 's': return STR(enc + 2);
    case 'f': {
        uint64_t bits = strtoull(enc + 2, NULL, 16);
        double d;
        memcpy(&d, &bits, sizeof d);
        return F(d);
    }
    }
    abort();
}

static ai_value apply(const char *op, ai_value a, ai_value b) {
    static const char *const cmp[] = {"<", "<=", "==", "!=", ">", ">="};
    for (int i = 0; i < 6; i++)
        if (strcmp(op, cmp[i]) == 0) {
            ai_value r = ai_compare(a, b, i);
            /* ai_compare_bool must agree */
            int32_t rb = ai_compare_bool(a, b, i);
            if (r)
                CHECK(rb == (r == AI_TRUE));
            else {
                CHECK(rb == -1);
            }
            return r;
        }
    if (!strcmp(op, "+")) return ai_add(a, b);
    if (!strcmp(op, "-")) return ai_sub(a, b);
    if (!strcmp(op, "*")) return ai_mul(a, b);
    if (!strcmp(op, "/")) return ai_truediv(a, b);
    if (!strcmp(op, "//")) return ai_floordiv(a, b);
    if (!strcmp(op, "%")) return ai_mod(a, b);
    if (!strcmp(op, "**")) return ai_pow(a, b);
    if (!strcmp(op, "<<")) return ai_lshift(a, b);
    if (!strcmp(op, ">>")) return ai_rshift(a, b);
    if (!strcmp(op, "&")) return ai_and(a, b);
    if (!strcmp(op, "|")) return ai_or(a, b);
    if (!strcmp(op, "^")) return ai_xor(a, b);
    if (!strcmp(op, "divmod")) return obj_divmod(a, b);
    if (!strcmp(op, "neg")) return ai_neg(a);
    if (!strcmp(op, "pos")) return ai_pos(a);
    if (!strcmp(op, "invert")) return ai_invert(a);
    if (!strcmp(op, "abs")) return obj_abs(a);
    abort();
}

int main(void) {
    int nvals = (int)(sizeof operands / sizeof operands[0]);
    ai_value *vals = gc_vals_alloc(nvals); /* malloc'd values must be visible to the collector */
    for (int i = 0; i < nvals; i++) vals[i] = operand(operands[i]);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct op_case *c = &cases[i];
        ai_value r = apply(c->op, vals[c->a], c->b >= 0 ? vals[c->b] : 0);
        const char *got = R(r);
        check_count++;
        if (strcmp(got, c->want) != 0) {
            check_failures++;
            fprintf(stderr, "test_ops: %s %s %s: got [%s], want [%s]\n", operands[c->a], c->op,
                    c->b >= 0 ? operands[c->b] : "", got, c->want);
        }
        CHECK(exc_pending() == 0);
    }
    gc_vals_free(vals);
    CHECK_DONE();
}
