/*
 * objects/singletons.c — None, Ellipsis and NotImplemented, and the two
 * bool objects True and False.
 *
 * All five are static immortal objects (aithon_rt.h): compiled code
 * compares them by address, and they never move or die. The bool *type*
 * lives in objects/int.c because bool is a subtype of int and shares its
 * arithmetic; only its two instances are here.
 *
 * Not handled: attributes (None.__class__ …) — the attribute issue.
 */
#include "core/object.h"

/* Old and remembered (gc/gc.h): storing one never needs remembering. */
#define IMMORTAL_BITS (AI_HDR_OLD | AI_HDR_REMEMBERED)

ai_object ai_none_object = {(uintptr_t)&ai_none_type + IMMORTAL_BITS};
ai_object ai_true_object = {(uintptr_t)&ai_bool_type + IMMORTAL_BITS};
ai_object ai_false_object = {(uintptr_t)&ai_bool_type + IMMORTAL_BITS};
ai_object ai_ellipsis_object = {(uintptr_t)&ai_ellipsis_type + IMMORTAL_BITS};
ai_object ai_notimplemented_object = {(uintptr_t)&ai_notimplemented_type + IMMORTAL_BITS};

static ai_value none_repr(ai_value v) {
    (void)v;
    return str_from_ascii("None", 4);
}

static int32_t none_truthy(ai_value v) {
    (void)v;
    return 0;
}

/* NoneType() returns None, as in CPython. */
static ai_value none_construct(ai_value cls, const ai_value *args, int64_t nargs,
                               ai_value kwnames) {
    (void)cls, (void)args;
    if (nargs > 0 || (kwnames && tuple_obj(kwnames)->len > 0))
        return ai_raise_msg(&ai_exc_TypeError, "NoneType takes no arguments");
    return AI_NONE;
}

static const ai_slots none_slots = {.truthy = none_truthy, .construct = none_construct};

ai_type ai_none_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "NoneType",
    .base = &ai_object_type,
    .flags = AI_TF_IMMORTAL_INSTANCES,
    .basicsize = sizeof(ai_object),
    .repr = none_repr,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&none_slots,
};

static ai_value ellipsis_repr(ai_value v) {
    (void)v;
    return str_from_ascii("Ellipsis", 8);
}

ai_type ai_ellipsis_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "ellipsis",
    .base = &ai_object_type,
    .flags = AI_TF_IMMORTAL_INSTANCES,
    .basicsize = sizeof(ai_object),
    .repr = ellipsis_repr,
    .gc_size = alloc_fixed_size,
};

static ai_value notimpl_repr(ai_value v) {
    (void)v;
    return str_from_ascii("NotImplemented", 14);
}

ai_type ai_notimplemented_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "NotImplementedType",
    .base = &ai_object_type,
    .flags = AI_TF_IMMORTAL_INSTANCES,
    .basicsize = sizeof(ai_object),
    .repr = notimpl_repr,
    .gc_size = alloc_fixed_size,
};
