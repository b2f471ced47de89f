/*
 * rtabi.c — LLVM declarations of the runtime's functions (see rtabi.h).
 *
 * Each line of aithon_abi.def becomes one row of `table`: the name, the
 * return kind and the parameter kinds. Kinds map to LLVM types: V and I64
 * are i64, I32 i32, P ptr, D double, VOID void.
 */
#include "rtabi.h"

#include <string.h>

enum { K_END = -1, K_V, K_I32, K_I64, K_P, K_D, K_VOID };
/* Kind tokens as written in the .def, mapped onto the enum above. */
#define V K_V
#define I32 K_I32
#define I64 K_I64
#define P K_P
#define D K_D
#define VOID K_VOID
#define END K_END

#define UNPAREN(...) __VA_ARGS__
typedef struct {
    const char *name;
    int ret;
    const int *params;      /* ends with K_END */
} AbiRow;

static const AbiRow table[RT__COUNT] = {
#define AI_FN(ret, name, cparams, kinds) {#name, ret, (const int[]){UNPAREN kinds, K_END}},
#include "aithon_abi.def"
#undef AI_FN
};

#undef V
#undef I32
#undef I64
#undef P
#undef D
#undef VOID
#undef END

static LLVMTypeRef kind_type(LLVMContextRef c, int k) {
    switch (k) {
    case K_I32: return LLVMInt32TypeInContext(c);
    case K_P: return LLVMPointerTypeInContext(c, 0);
    case K_D: return LLVMDoubleTypeInContext(c);
    case K_VOID: return LLVMVoidTypeInContext(c);
    default: return LLVMInt64TypeInContext(c);
    }
}

const char *rtabi_name(RtFn id) { return table[id].name; }

LLVMValueRef rtabi_get(RtAbi *abi, LLVMModuleRef m, RtFn id, LLVMTypeRef *type_out) {
    if (!abi->fn[id]) {
        LLVMContextRef c = LLVMGetModuleContext(m);
        LLVMTypeRef params[16];
        unsigned n = 0;
        for (const int *k = table[id].params; *k != K_END; k++) params[n++] = kind_type(c, *k);
        abi->type[id] = LLVMFunctionType(kind_type(c, table[id].ret), params, n, 0);
        /* Another emitter of the same LLVM module (one per Python module)
         * may have declared it already. */
        abi->fn[id] = LLVMGetNamedFunction(m, table[id].name);
        if (!abi->fn[id]) abi->fn[id] = LLVMAddFunction(m, table[id].name, abi->type[id]);
        LLVMSetLinkage(abi->fn[id], LLVMExternalLinkage);
    }
    if (type_out) *type_out = abi->type[id];
    return abi->fn[id];
}
