/*
 * fuzz_parse.c — libFuzzer target for the lexer and parser.
 *
 * Each input is parsed as a module with a fresh arena; diagnostics are
 * counted but not printed. The parser must never crash, hang, read out
 * of bounds or trip UBSan on any byte string, valid or not. When the
 * input parses, the AST is also dumped (to /dev/null) so every node the
 * parser built is walked once.
 *
 * Build and run (the corpus stays outside the tree):
 *   clang-19 -std=c17 -g -O1 -fsanitize=fuzzer,address,undefined \
 *       -Icompiler compiler/{arena,diag,ast,lex,parse*}.c \
 *       tests/fuzz/fuzz_parse.c -o /tmp/fuzz_parse
 *   /tmp/fuzz_parse -max_total_time=180 /tmp/fuzz_corpus
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *devnull;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!devnull) {
        devnull = fopen("/dev/null", "w");
        diag_set_quiet(true);
    }
    /* parse_module wants the text NUL-terminated, like a file read by the driver */
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    Arena a;
    arena_init(&a);
    diag_reset();
    Module *m = parse_module(&a, "fuzz.py", text, size);
    if (diag_error_count() == 0 && devnull) ast_dump(devnull, m);
    arena_free(&a);
    free(text);
    return 0;
}
