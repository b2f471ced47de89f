/*
 * context.h — the machine context switch under the green threads.
 *
 * A context is nothing but a saved stack pointer: sched_ctx_switch pushes
 * the callee-saved registers (and the FP control words) on the current
 * stack, stores the stack pointer into *save_sp, loads load_sp and pops
 * the other context's registers. See runtime/arch/switch_<arch>.S for the
 * exact frame and why each register is in it.
 *
 * A fresh context is a stack whose top holds a hand-built frame of the
 * same shape, returning into sched_ctx_trampoline, which calls
 * entry(arg). The entry must never return (a finished task switches away
 * for good and its stack is recycled by whoever runs next).
 *
 * This layer knows nothing of tasks, workers or sanitizers; task.c and
 * sched.c wrap it (sanitizer fiber notifications, ai_tls updates).
 */
#ifndef AITHON_SCHED_CONTEXT_H
#define AITHON_SCHED_CONTEXT_H

#include <stdint.h>
#include <string.h>

/* Save the current context into *save_sp and resume the one at load_sp.
 * Returns when someone switches back to *save_sp. Implemented in
 * runtime/arch/switch_<arch>.S. */
void sched_ctx_switch(void **save_sp, void *load_sp);

/* The first instructions of every new context (arch/switch_<arch>.S). */
void sched_ctx_trampoline(void);

typedef void (*sched_ctx_entry_fn)(void *arg);

#if defined(__x86_64__)

/* Frame popped by sched_ctx_switch, lowest address first. */
enum { CTX_FRAME_WORDS = 10 };

/* Build the initial frame at the top of [lo, top) and return the stack
 * pointer to pass to sched_ctx_switch. `top` must be 16-byte aligned.
 * The new context inherits the caller's floating-point control modes
 * (rounding, flush-to-zero), as a new OS thread inherits its creator's;
 * sticky exception flags are not inherited. */
static inline void *sched_ctx_init(char *top, sched_ctx_entry_fn entry, void *arg)
{
    uint32_t mxcsr;
    uint16_t fpucw;
    __asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
    __asm__ volatile("fnstcw %0" : "=m"(fpucw));
    mxcsr &= ~(uint32_t)0x3f;                   /* drop the status flags */

    uint64_t *f = (uint64_t *)(void *)top - CTX_FRAME_WORDS;
    f[0] = (uint64_t)mxcsr | ((uint64_t)fpucw << 32); /* control words */
    f[1] = 0;                                   /* r15 */
    f[2] = 0;                                   /* r14 */
    f[3] = (uint64_t)(uintptr_t)arg;            /* r13: trampoline's argument */
    f[4] = (uint64_t)(uintptr_t)entry;          /* r12: trampoline's callee */
    f[5] = 0;                                   /* rbx */
    f[6] = 0;                                   /* rbp = 0: end of frame chain */
    f[7] = (uint64_t)(uintptr_t)sched_ctx_trampoline; /* `ret` lands here */
    f[8] = 0;                                   /* after that ret rsp = &f[8], */
    f[9] = 0;                                   /* 16-aligned: top - 16 */
    return f;
}

#elif defined(__aarch64__)

enum { CTX_FRAME_WORDS = 22 };                  /* 176 bytes */

static inline void *sched_ctx_init(char *top, sched_ctx_entry_fn entry, void *arg)
{
    uint64_t fpcr;
    __asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));

    uint64_t *f = (uint64_t *)(void *)top - CTX_FRAME_WORDS;
    memset(f, 0, CTX_FRAME_WORDS * sizeof *f);  /* x21–x28, d8–d15 = 0 */
    f[0] = (uint64_t)(uintptr_t)entry;          /* x19: trampoline's callee */
    f[1] = (uint64_t)(uintptr_t)arg;            /* x20: trampoline's argument */
    f[10] = 0;                                  /* x29 = 0: end of frame chain */
    f[11] = (uint64_t)(uintptr_t)sched_ctx_trampoline; /* x30: `ret` target */
    f[20] = fpcr;                               /* inherited FP control */
    return f;                                   /* sp after the pops = top */
}

#else
#error "Aithon's scheduler needs a context switch for this architecture (runtime/arch/)"
#endif

#endif
