/*
 * tests/runtime/test_abi.c — a compile-time check that every entry of
 * aithon_abi.def has a C parameter list that agrees with its kind list
 * (the kinds are what compiler/rtabi.c turns into LLVM types).
 *
 * For each AI_FN(RET, name, (params), (kinds)) this file:
 *   - asserts that params and kinds have the same number of entries;
 *   - declares one function per position whose single parameter is that
 *     position's C declaration, and asserts its type is exactly
 *     void(ai_value) / void(int32_t) / void(int64_t or size_t) /
 *     void(double) / void(void) for kinds V / I32 / I64 / D / END (I64
 *     admits size_t: both are LLVM's i64); for P it passes a
 *     void pointer to it, which -Werror rejects for any non-pointer;
 *   - asserts the type of a call with one probe per kind is RET's type.
 * Nothing runs: if this file compiles, the table is consistent. Uses
 * __typeof__ and __builtin_types_compatible_p (GCC and Clang).
 * Since ai_value and size_t are the same C type here, an ai_value
 * parameter marked I64 passes (harmless: V and I64 are both LLVM i64).
 * Limit: at most 8 parameters, and no parameter whose declaration itself
 * contains a comma (a function-pointer parameter) — such an entry fails
 * to compile here, which is the safe direction.
 */
#include "aithon_rt.h"

#define ABI_EXPAND(...)                            __VA_ARGS__
#define ABI_COUNT(...)                             ABI_COUNT_(__VA_ARGS__, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define ABI_COUNT_(a, b, c, d, e, f, g, h, n, ...) n

/* The i-th entry of a parenthesised list, padded with PAD / int. */
#define ABI_PICK(i, ...)                      ABI_NTH##i(__VA_ARGS__)
#define ABI_NTH0(a, ...)                      a
#define ABI_NTH1(a, b, ...)                   b
#define ABI_NTH2(a, b, c, ...)                c
#define ABI_NTH3(a, b, c, d, ...)             d
#define ABI_NTH4(a, b, c, d, e, ...)          e
#define ABI_NTH5(a, b, c, d, e, f, ...)       f
#define ABI_NTH6(a, b, c, d, e, f, g, ...)    g
#define ABI_NTH7(a, b, c, d, e, f, g, h, ...) h
#define ABI_INTS                              int, int, int, int, int, int, int, int
#define ABI_PADS                              PAD, PAD, PAD, PAD, PAD, PAD, PAD, PAD
#define ABI_PARAM(i, params)                  ABI_PICK(i, ABI_EXPAND params, ABI_INTS)
#define ABI_KIND(i, kinds)                    ABI_PICK(i, ABI_EXPAND kinds, ABI_PADS)

/* Kind checks on a one-parameter probe function `fn`. */
#define ABI_SAME(fn, T)                                                   \
    _Static_assert(__builtin_types_compatible_p(__typeof__(fn), void(T)), \
                   #fn ": parameter is not " #T);
#define ABI_CHECK_V(fn)   ABI_SAME(fn, ai_value)
#define ABI_CHECK_I32(fn) ABI_SAME(fn, int32_t)
/* I64 is LLVM's i64: int64_t, or size_t as in ai_alloc's size. */
#define ABI_CHECK_I64(fn)                                                          \
    _Static_assert(__builtin_types_compatible_p(__typeof__(fn), void(int64_t)) ||  \
                       __builtin_types_compatible_p(__typeof__(fn), void(size_t)), \
                   #fn ": parameter is not int64_t or size_t");
#define ABI_CHECK_D(fn)   ABI_SAME(fn, double)
#define ABI_CHECK_END(fn) ABI_SAME(fn, void)
#define ABI_CHECK_P(fn) \
    _Static_assert(sizeof(fn((void *)0), 1) > 0, #fn ": parameter is not a pointer");
#define ABI_CHECK_PAD(fn)
#define ABI_CHECK(fn, kind)  ABI_CHECK_(fn, kind)
#define ABI_CHECK_(fn, kind) ABI_CHECK_##kind(fn)

#define ABI_POS(name, i, params, kinds)            \
    void abi_p_##name##_##i(ABI_PARAM(i, params)); \
    ABI_CHECK(abi_p_##name##_##i, ABI_KIND(i, kinds))

/* One probe argument per kind, for the return-type check. */
#define ABI_PROBE_V   (ai_value)0
#define ABI_PROBE_I32 (int32_t)0
#define ABI_PROBE_I64 (int64_t)0
#define ABI_PROBE_P   (void *)0
#define ABI_PROBE_D   0.0
#define ABI_PROBE_END
#define ABI_PROBE(k)                     ABI_PROBE_(k)
#define ABI_PROBE_(k)                    ABI_PROBE_##k
#define ABI_MAP(...)                     ABI_MAP_N(ABI_COUNT(__VA_ARGS__), __VA_ARGS__)
#define ABI_MAP_N(n, ...)                ABI_MAP_N_(n, __VA_ARGS__)
#define ABI_MAP_N_(n, ...)               ABI_MAP##n(__VA_ARGS__)
#define ABI_MAP1(a)                      ABI_PROBE(a)
#define ABI_MAP2(a, b)                   ABI_PROBE(a), ABI_PROBE(b)
#define ABI_MAP3(a, b, c)                ABI_MAP2(a, b), ABI_PROBE(c)
#define ABI_MAP4(a, b, c, d)             ABI_MAP3(a, b, c), ABI_PROBE(d)
#define ABI_MAP5(a, b, c, d, e)          ABI_MAP4(a, b, c, d), ABI_PROBE(e)
#define ABI_MAP6(a, b, c, d, e, f)       ABI_MAP5(a, b, c, d, e), ABI_PROBE(f)
#define ABI_MAP7(a, b, c, d, e, f, g)    ABI_MAP6(a, b, c, d, e, f), ABI_PROBE(g)
#define ABI_MAP8(a, b, c, d, e, f, g, h) ABI_MAP7(a, b, c, d, e, f, g), ABI_PROBE(h)

#define AI_FN(ret, name, params, kinds)                                                     \
    _Static_assert(ABI_COUNT params == ABI_COUNT kinds,                                     \
                   #name ": parameter count differs from kinds");                           \
    ABI_POS(name, 0, params, kinds)                                                         \
    ABI_POS(name, 1, params, kinds)                                                         \
    ABI_POS(name, 2, params, kinds) ABI_POS(name, 3, params, kinds)                         \
        ABI_POS(name, 4, params, kinds) ABI_POS(name, 5, params, kinds)                     \
            ABI_POS(name, 6, params, kinds) ABI_POS(name, 7, params, kinds) _Static_assert( \
                __builtin_types_compatible_p(__typeof__(name(ABI_MAP kinds)), AI_CT_##ret), \
                #name ": return type differs from " #ret);
#include "aithon_abi.def"
#undef AI_FN

/* Count the entries so the test also proves it saw the table. */
#define AI_FN(ret, name, params, kinds) +1
enum {
    ABI_ENTRIES = 0
#include "aithon_abi.def"
};
#undef AI_FN

int main(void) { return ABI_ENTRIES > 40 ? 0 : 1; }
