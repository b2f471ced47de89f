/*
 * modules/modmath.c — the math module (placeholder: being written).
 */
#include "modules/modules.h"

static int init(ai_value module) {
    (void)module;
    return 0;
}

const mod_def mod_math = {"math", init};
