/*
 * switch_aarch64.S — green-thread context switch for AArch64 (AAPCS64).
 *
 * Written to the procedure-call standard but not run on this project's
 * x86-64 build machine; keep it in step with switch_x86_64.S and
 * sched/context.h (the initial frame) and test it on real hardware before
 * relying on it.
 *
 * Callee-saved state kept across a switch (AAPCS64 §6.1.1, §6.1.2):
 *   x19–x28, x29 (frame pointer), x30 (link register = resume address),
 *   sp, and the low 64 bits of v8–v15 (d8–d15).
 *   FPCR: its rounding-mode/flush-to-zero fields are treated like the
 *   x86-64 MXCSR control bits — a task's floating-point mode travels with
 *   the task instead of leaking to whichever task runs next. FPSR (the
 *   sticky status flags) is caller-saved and left alone.
 *
 * Saved frame, 176 bytes, lowest address first (*save_sp points at +0):
 *   +0  x19 x20   +16 x21 x22   +32 x23 x24   +48 x25 x26   +64 x27 x28
 *   +80 x29 x30   +96 d8 d9     +112 d10 d11  +128 d12 d13  +144 d14 d15
 *   +160 FPCR     +168 pad (keeps sp 16-byte aligned, as AArch64 requires)
 * sched/context.h builds the same frame for a new task: x19 = entry,
 * x20 = argument, x29 = 0, x30 = sched_ctx_trampoline.
 *
 * Branch protection: neither function signs x30 (no PAC) — the saved x30
 * is whatever the caller's `bl` left, and `ret` consumes it as is. The
 * trampoline is entered by `ret`, which BTI does not check, so it needs
 * no landing pad; `blr x19` targets a C function that carries its own.
 */
#if defined(__aarch64__)

        .text

/* void sched_ctx_switch(void **save_sp, void *load_sp)
 *   x0 = where to store the current stack pointer
 *   x1 = the stack pointer of the context to resume */
        .globl  sched_ctx_switch
        .type   sched_ctx_switch, %function
        .p2align 4
sched_ctx_switch:
        .cfi_startproc
        sub     sp, sp, #176            // make room for the 176-byte frame
        .cfi_def_cfa_offset 176         // CFA = sp + 176
        stp     x19, x20, [sp, #0]      // save x19, x20 (callee-saved)
        stp     x21, x22, [sp, #16]     // save x21, x22
        stp     x23, x24, [sp, #32]     // save x23, x24
        stp     x25, x26, [sp, #48]     // save x25, x26
        stp     x27, x28, [sp, #64]     // save x27, x28
        stp     x29, x30, [sp, #80]     // save frame pointer and return address
        .cfi_offset x29, -96            // x29 at CFA-96
        .cfi_offset x30, -88            // x30 at CFA-88
        stp     d8, d9, [sp, #96]       // save d8, d9 (low halves of v8, v9)
        stp     d10, d11, [sp, #112]    // save d10, d11
        stp     d12, d13, [sp, #128]    // save d12, d13
        stp     d14, d15, [sp, #144]    // save d14, d15
        mrs     x9, fpcr                // x9 (scratch, caller-saved) = FP control register
        str     x9, [sp, #160]          // save it
        mov     x9, sp                  // sp cannot be stored directly: copy to x9
        str     x9, [x0]                // *save_sp = sp: we are now resumable
        mov     sp, x1                  // adopt the other context's stack
        ldr     x9, [sp, #160]          // its FPCR
        msr     fpcr, x9                // restore it
        ldp     d8, d9, [sp, #96]       // its d8, d9
        ldp     d10, d11, [sp, #112]    // its d10, d11
        ldp     d12, d13, [sp, #128]    // its d12, d13
        ldp     d14, d15, [sp, #144]    // its d14, d15
        ldp     x19, x20, [sp, #0]      // its x19, x20
        ldp     x21, x22, [sp, #16]     // its x21, x22
        ldp     x23, x24, [sp, #32]     // its x23, x24
        ldp     x25, x26, [sp, #48]     // its x25, x26
        ldp     x27, x28, [sp, #64]     // its x27, x28
        ldp     x29, x30, [sp, #80]     // its frame pointer and resume address
        add     sp, sp, #176            // pop the frame
        ret                             // branch to x30: resume it (or the trampoline)
        .cfi_endproc
        .size   sched_ctx_switch, .-sched_ctx_switch

/* First code a new task runs, entered by the `ret` above with
 *   x19 = entry function, x20 = its argument, x29 = 0, sp 16-aligned.
 * The entry never returns: a finished task switches away for good. */
        .globl  sched_ctx_trampoline
        .type   sched_ctx_trampoline, %function
        .p2align 4
sched_ctx_trampoline:
        .cfi_startproc
        .cfi_undefined x30              // outermost frame: unwinders stop here
        mov     x0, x20                 // first argument = the task's argument
        blr     x19                     // entry(arg)
        brk     #0x1                    // unreachable: trap if the entry ever returns
        .cfi_endproc
        .size   sched_ctx_trampoline, .-sched_ctx_trampoline

#endif /* __aarch64__ */

/* No executable stack needed (outside the guard so every architecture's
 * object says so). */
        .section .note.GNU-stack,"",%progbits
