/*
 * modules/modrandom.c — the random module (placeholder: being written).
 */
#include "modules/modules.h"

static int init(ai_value module) {
    (void)module;
    return 0;
}

const mod_def mod_random = {"random", init};
