/*
 * rtabi.h — the runtime functions as the emitter sees them.
 *
 * Generated from runtime/include/aithon_abi.def by the preprocessor, so the
 * compiler and the runtime can never disagree on a name or a signature:
 * RT_ai_add is the id of ai_add, rtabi_get() declares it in the LLVM module
 * on first use (with its exact LLVM function type) and returns it.
 */
#ifndef AITHON_RTABI_H
#define AITHON_RTABI_H

#include <llvm-c/Core.h>

typedef enum {
#define AI_FN(ret, name, cparams, kinds) RT_##name,
#include "aithon_abi.def"
#undef AI_FN
    RT__COUNT
} RtFn;

typedef struct {
    LLVMValueRef fn[RT__COUNT];
    LLVMTypeRef type[RT__COUNT];
} RtAbi;

/* The declaration of runtime function `id` in module `m` (created once). */
LLVMValueRef rtabi_get(RtAbi *abi, LLVMModuleRef m, RtFn id, LLVMTypeRef *type_out);
const char *rtabi_name(RtFn id);

#endif
