/*
 * actors/pid.c — Pid and Ref objects.
 *
 * A Pid names a process: one word, a counted reference to its proc_t
 * (P4). Many Pid objects may name one process (self() in two heaps, a
 * copy in a message); they are equal, hash alike and print alike:
 * `<0.N.0>`, N the process's number (docs/concurrency.md: a process-wide
 * sequence in spawn order, the program's main process 0). Only == and !=
 * are defined, as for a Python class that defines __eq__ and __hash__.
 *
 * A Pid object in a heap owns its reference: a finalizer releases it
 * when the object dies or the heap is released. A message copy takes a
 * reference of its own (ai_msg_ops: retain on pack, release when the
 * fragment is dropped, adopt = the finalizer when it is unpacked), so a
 * Pid can travel in any message and outlive the process it names: it
 * then just names a dead process (is_alive False, sends dropped).
 *
 * A Ref is a number from a process-wide sequence (monitors, calls):
 * plain data, copied byte for byte; repr `#Ref<0.0.0.N>`.
 */
#include "actors/actint.h"

#include <stdio.h>

typedef struct act_pid {
    ai_object ob;
    proc_t *p;
} act_pid;

typedef struct act_ref {
    ai_object ob;
    uint64_t n;
} act_ref;

/* relaxed (both): only uniqueness matters, no data is published */
static _Atomic uint64_t pid_seq = 1;
static _Atomic uint64_t ref_seq = 1;

uint64_t pid_next_num(void) { return atomic_fetch_add_explicit(&pid_seq, 1, memory_order_relaxed); }
uint64_t ref_next(void) { return atomic_fetch_add_explicit(&ref_seq, 1, memory_order_relaxed); }

/* ---- Pid --------------------------------------------------------------------------- */

static inline act_pid *pid_obj(ai_value v) { return (act_pid *)ai_obj(v); }

proc_t *pid_proc(ai_value pid) { return pid_obj(pid)->p; }

static void pid_final(ai_object *o) {
    act_pid *pid = (act_pid *)o;
    if (pid->p) proc_release(pid->p);
    pid->p = NULL;
}

static void pid_msg_retain(ai_object *copy) { proc_retain(((act_pid *)copy)->p); }
static void pid_msg_release(ai_object *copy) { proc_release(((act_pid *)copy)->p); }
static void pid_msg_adopt(ai_object *o) {
    if (gc_finalizer_add(o, pid_final) < 0) exc_clear(); /* leak the reference rather than dangle */
}

static const ai_msg_ops pid_msg_ops = {pid_msg_retain, pid_msg_release, pid_msg_adopt};

ai_value pid_new(proc_t *p) {
    act_pid *pid = ai_alloc(&act_pid_type, sizeof(act_pid));
    if (!pid) return AI_ERR;
    proc_retain(p);
    pid->p = p;
    if (gc_finalizer_add(&pid->ob, pid_final) < 0) {
        pid->p = NULL;
        proc_release(p);
        return AI_ERR;
    }
    return ai_val(pid);
}

static ai_value pid_repr(ai_value v) {
    char buf[48];
    snprintf(buf, sizeof buf, "<0.%llu.0>", (unsigned long long)pid_obj(v)->p->num);
    return str_from_cstr(buf);
}

static int64_t pid_hash(ai_value v) { return (int64_t)pid_obj(v)->p->num; }

static ai_value pid_richcompare(ai_value a, ai_value b, int32_t op) {
    if ((op != AI_CMP_EQ && op != AI_CMP_NE) || !pid_check(a) || !pid_check(b)) return AI_NOTIMPL;
    bool eq = pid_obj(a)->p == pid_obj(b)->p;
    return ai_bool(op == AI_CMP_EQ ? eq : !eq);
}

static const ai_slots pid_slots = {
    .richcompare = pid_richcompare,
    .hash = pid_hash,
    .msg = &pid_msg_ops,
};

ai_type act_pid_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "Pid",
    .module = "aithon",
    .base = &ai_object_type,
    .basicsize = sizeof(act_pid),
    .repr = pid_repr,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&pid_slots,
};

/* ---- Ref --------------------------------------------------------------------------- */

static inline act_ref *ref_obj(ai_value v) { return (act_ref *)ai_obj(v); }

uint64_t ref_num(ai_value ref) { return ref_obj(ref)->n; }

ai_value ref_new(uint64_t n) {
    act_ref *r = ai_alloc(&act_ref_type, sizeof(act_ref));
    if (!r) return AI_ERR;
    r->n = n;
    return ai_val(r);
}

static ai_value ref_repr(ai_value v) {
    char buf[48];
    snprintf(buf, sizeof buf, "#Ref<0.0.0.%llu>", (unsigned long long)ref_obj(v)->n);
    return str_from_cstr(buf);
}

static int64_t ref_hash(ai_value v) { return (int64_t)ref_obj(v)->n; }

static ai_value ref_richcompare(ai_value a, ai_value b, int32_t op) {
    if ((op != AI_CMP_EQ && op != AI_CMP_NE) || !ref_check(a) || !ref_check(b)) return AI_NOTIMPL;
    bool eq = ref_obj(a)->n == ref_obj(b)->n;
    return ai_bool(op == AI_CMP_EQ ? eq : !eq);
}

/* Plain data: copied byte for byte, no hooks. */
static const ai_msg_ops ref_msg_ops = {NULL, NULL, NULL};

static const ai_slots ref_slots = {
    .richcompare = ref_richcompare,
    .hash = ref_hash,
    .msg = &ref_msg_ops,
};

ai_type act_ref_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "Ref",
    .module = "aithon",
    .base = &ai_object_type,
    .basicsize = sizeof(act_ref),
    .repr = ref_repr,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&ref_slots,
};
