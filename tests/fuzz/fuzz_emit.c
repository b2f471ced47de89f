/*
 * fuzz_emit.c — libFuzzer target for scope analysis and emission.
 *
 * fuzz_parse.c feeds the parser raw bytes; almost none of them parse,
 * so the phases after the parser never run. Here the bytes drive a
 * generator of valid programs (progen.c, checked against CPython by
 * progen_check.py), and each program goes through the whole front and
 * middle of aithonc: parse → scopes → emit → LLVMVerifyModule. What
 * counts as a finding (abort(), so libFuzzer keeps the input):
 *   - any crash, sanitizer report or hang (libFuzzer's own checks);
 *   - the parser or scope analysis rejecting the program (CPython
 *     compiles every program the generator writes);
 *   - an internal compiler error (E0999) or IR that LLVM's verifier
 *     rejects.
 * Refusals of unsupported constructs (E0301–E0303) are fine: they are
 * the documented answer.
 *
 * The program is compiled as `fuzz.py`, alone (its imports of other
 * user modules do not resolve), with diagnostics counted, not printed.
 * Set FUZZ_EMIT_SHOW=1 to print each program and its diagnostics.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Analysis.h>
#include <llvm-c/Core.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "emit.h"
#include "modules.h"
#include "parse.h"
#include "progen.h"
#include "scope.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void finding(const char *what, const char *program) {
    fprintf(stderr, "fuzz_emit: %s\n---- program ----\n%s---- end ----\n", what, program);
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int show = -1;
    if (show < 0) {
        show = getenv("FUZZ_EMIT_SHOW") != NULL;
        diag_set_quiet(!show);
    }
    size_t len;
    char *text = progen_program(data, size, &len);
    if (show) fprintf(stderr, "---- program ----\n%s", text);
    Arena a;
    arena_init(&a);
    diag_reset();
    Program *prog = modules_load_text(&a, "fuzz.py", text, len, NULL, 0);
    if (!prog) finding("the parser or scope analysis rejected a valid program", text);
    if (diag_error_count() == 0) {
        LLVMContextRef ctx = LLVMContextCreate();
        EmitOptions eo = {.opt_level = 0};
        LLVMModuleRef mod = emit_program(&a, ctx, prog, &eo);
        if (diag_code_count(E_INTERNAL)) finding("internal compiler error", text);
        if (mod) {
            char *err = NULL;
            if (LLVMVerifyModule(mod, LLVMReturnStatusAction, &err)) {
                fprintf(stderr, "%s\n", err);
                finding("invalid IR", text);
            }
            LLVMDisposeMessage(err);
            LLVMDisposeModule(mod);
        }
        LLVMContextDispose(ctx);
    } else if (diag_code_count(E_INTERNAL)) {
        finding("internal compiler error", text);
    }
    arena_free(&a);
    free(text);
    return 0;
}
