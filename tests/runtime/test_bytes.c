/*
 * tests/runtime/test_bytes.c — the bytes cases of gen_text_cases.py: every
 * row is an operation CPython 3.11 performed, with repr() of its result
 * or the exact exception text, replayed against the runtime
 * (test_str_common.h runs them). Regenerate the table with
 * `python3 gen_text_cases.py` in this directory.
 */
#include "test_str_common.h"

#include "test_bytes_cases.inc"

int main(void) {
    run_cases(cases, sizeof cases / sizeof cases[0]);
    CHECK_DONE();
}
