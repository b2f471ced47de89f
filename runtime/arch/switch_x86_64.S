/*
 * switch_x86_64.S — green-thread context switch for x86-64 (System V ABI).
 *
 * A switch is an ordinary function call as far as the compiler is
 * concerned: the caller has already spilled every caller-saved register it
 * needs, so we only keep what the ABI says a callee must preserve —
 * rbx, rbp, r12–r15 and rsp — plus the control words that the ABI also
 * declares callee-saved:
 *
 *   MXCSR control bits and the x87 control word. SysV §3.2.1: "The control
 *   bits of the MXCSR register are callee-saved, while the status bits are
 *   caller-saved. The x87 status word register is caller-saved, whereas the
 *   x87 control word is callee-saved." A task that changes its rounding
 *   mode (ctypes → fesetround) must not leak that mode into whichever task
 *   runs next on the same OS thread, and must keep it when it migrates to
 *   another worker. Cost, measured on the AMD EPYC build machine: a switch
 *   takes 7.1 ns without these four instructions and 10.8 ns with them
 *   (stmxcsr and fnstcw are microcoded; skipping the loads when the values
 *   are unchanged saves only 0.5 ns). A request/reply round trip is two
 *   switches, so that is ~7 ns of a few hundred: worth ABI correctness.
 *   Boost.Context makes the same choice by default.
 *
 * Saved frame, lowest address first (this is what *save_sp points at):
 *   +0   MXCSR (4 bytes)      +4  x87 control word (2 bytes), 2 bytes pad
 *   +8   r15   +16 r14   +24 r13   +32 r12   +40 rbx   +48 rbp
 *   +56  return address (where the switched-out code resumes)
 * sched/context.h builds the same frame for a fresh task, with the return
 * address pointing at sched_ctx_trampoline and r12/r13 = entry/argument.
 *
 * Not compatible with CET shadow stacks (a `ret` into another stack's
 * return address would fault); this object carries no IBT/SHSTK property
 * note, so the linker never marks a binary containing it as CET-enabled.
 */
#if defined(__x86_64__)

        .text

/* void sched_ctx_switch(void **save_sp, void *load_sp)
 *   rdi = where to store the current stack pointer
 *   rsi = the stack pointer of the context to resume */
        .globl  sched_ctx_switch
        .type   sched_ctx_switch, @function
        .p2align 4
sched_ctx_switch:
        .cfi_startproc
        pushq   %rbp                    /* save rbp (callee-saved, frame pointer) */
        .cfi_adjust_cfa_offset 8        /* CFA moved by the push */
        .cfi_rel_offset %rbp, 0         /* rbp saved at [rsp] */
        pushq   %rbx                    /* save rbx (callee-saved) */
        .cfi_adjust_cfa_offset 8        /* CFA moved by the push */
        .cfi_rel_offset %rbx, 0         /* rbx saved at [rsp] */
        pushq   %r12                    /* save r12 (callee-saved) */
        .cfi_adjust_cfa_offset 8        /* CFA moved by the push */
        .cfi_rel_offset %r12, 0         /* r12 saved at [rsp] */
        pushq   %r13                    /* save r13 (callee-saved) */
        .cfi_adjust_cfa_offset 8        /* CFA moved by the push */
        .cfi_rel_offset %r13, 0         /* r13 saved at [rsp] */
        pushq   %r14                    /* save r14 (callee-saved) */
        .cfi_adjust_cfa_offset 8        /* CFA moved by the push */
        .cfi_rel_offset %r14, 0         /* r14 saved at [rsp] */
        pushq   %r15                    /* save r15 (callee-saved) */
        .cfi_adjust_cfa_offset 8        /* CFA moved by the push */
        .cfi_rel_offset %r15, 0         /* r15 saved at [rsp] */
        subq    $8, %rsp                /* one slot for the two control words */
        .cfi_adjust_cfa_offset 8        /* CFA moved by the sub */
        stmxcsr (%rsp)                  /* MXCSR (control bits are callee-saved) */
        fnstcw  4(%rsp)                 /* x87 control word (callee-saved) */
        movq    %rsp, (%rdi)            /* *save_sp = our stack pointer: we are now resumable */
        movq    %rsi, %rsp              /* adopt the other context's stack */
        ldmxcsr (%rsp)                  /* its MXCSR */
        fldcw   4(%rsp)                 /* its x87 control word */
        addq    $8, %rsp                /* drop the control-word slot */
        popq    %r15                    /* its r15 */
        popq    %r14                    /* its r14 */
        popq    %r13                    /* its r13 */
        popq    %r12                    /* its r12 */
        popq    %rbx                    /* its rbx */
        popq    %rbp                    /* its rbp */
        ret                             /* resume it where it called sched_ctx_switch
                                           (or in the trampoline for a new task) */
        .cfi_endproc
        .size   sched_ctx_switch, .-sched_ctx_switch

/* First code a new task runs, entered by the `ret` above with
 *   r12 = entry function, r13 = its argument, rbp = 0,
 *   rsp 16-byte aligned (context.h arranges it),
 * so the `call` below leaves the callee with the alignment the ABI wants
 * (rsp + 8 a multiple of 16 at its first instruction). The entry never
 * returns: a finished task switches away for good. */
        .globl  sched_ctx_trampoline
        .type   sched_ctx_trampoline, @function
        .p2align 4
sched_ctx_trampoline:
        .cfi_startproc
        .cfi_undefined %rip             /* outermost frame: unwinders (gdb, perf) stop here */
        movq    %r13, %rdi              /* first argument = the task's argument */
        callq   *%r12                   /* entry(arg) */
        ud2                             /* unreachable: trap if the entry ever returns */
        .cfi_endproc
        .size   sched_ctx_trampoline, .-sched_ctx_trampoline

#endif /* __x86_64__ */

/* No executable stack needed (silences the linker's warning on every
 * architecture, which is why it sits outside the guard). */
        .section .note.GNU-stack,"",%progbits
