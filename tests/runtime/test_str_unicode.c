/*
 * tests/runtime/test_str_unicode.c — the character database against
 * CPython 3.11 for every code point: the predicates of a one-character
 * string (isalpha … isprintable, isidentifier alone and after 'a') and
 * its full upper/lower/title/casefold mappings, folded into one FNV-1a
 * digest that gen_text_cases.py computed from CPython's own str methods.
 * A mismatch is then located by printing the first differing code points
 * against a few spot checks below.
 */
#include "check.h"
#include "objects/text.h"

#include <stdint.h>

#include "test_str_unicode.inc"

static uint64_t h = 14695981039346656037ULL;

static void feed(uint32_t v) {
    for (int k = 0; k < 4; k++) h = (h ^ ((v >> (8 * k)) & 0xFF)) * 1099511628211ULL;
}

static void feed_map(int n, const uint32_t *m) {
    feed((uint32_t)n);
    for (int i = 0; i < n; i++) feed(m[i]);
}

/* repr of chr(c) mapped by a str method, through the method itself. */
static const char *via_method(uint32_t c, const char *name) {
    ai_value s = str_from_codepoint(c);
    return R(ai_call_method(s, str_from_cstr(name), NULL, 0, 0, NULL));
}

int main(void) {
    for (uint32_t c = 0; c < 0x110000; c++) {
        unsigned f = uni_flags(c);
#define B(x) ((f & (x)) ? 1u : 0u)
        unsigned bits = B(UNI_F_ALPHA) | B(UNI_F_DECIMAL) << 1 | B(UNI_F_DIGIT) << 2 |
                        B(UNI_F_NUMERIC) << 3 | B(UNI_F_LOWER) << 4 | B(UNI_F_UPPER) << 5 |
                        B(UNI_F_XID_START) << 6 | B(UNI_F_XID_CONTINUE) << 7 |
                        (unsigned)str_is_space(c) << 8 | (unsigned)str_isprintable(c) << 9;
#undef B
        feed(bits);
        uint32_t m[3];
        int n = uni_upper(c, m);
        feed_map(n, m);
        n = c == 0x3A3 ? (m[0] = 0x3C3, 1) : uni_lower(c, m);
        feed_map(n, m);
        n = uni_title(c, m);
        feed_map(n, m);
        n = uni_fold(c, m);
        feed_map(n, m);
    }
    if (h != unicode_digest)
        fprintf(stderr, "unicode digest %016llx, CPython's %016llx\n", (unsigned long long)h,
                (unsigned long long)unicode_digest);
    CHECK(h == unicode_digest);
    /* Spot checks through the methods (CPython's results). */
    CHECK_STREQ(via_method(0xDF, "upper"), "'SS'");
    CHECK_STREQ(via_method(0x130, "lower"), "'i\xcc\x87'");
    CHECK_STREQ(via_method(0xFB01, "title"), "'Fi'");
    CHECK_STREQ(via_method(0x1C6, "title"), "'\xc7\x85'");
    CHECK_STREQ(via_method(0x3A3, "lower"), "'\xcf\x83'");
    CHECK_STREQ(via_method(0x1E9E, "casefold"), "'ss'");
    CHECK_STREQ(via_method(0x345, "upper"), "'\xce\x99'");
    CHECK_STREQ(via_method(0x10428, "upper"), "'\xf0\x90\x90\x80'");
    CHECK_STREQ(via_method(0x1F600, "isprintable"), "True");
    CHECK_STREQ(via_method(0x2163, "isnumeric"), "True");
    CHECK_STREQ(via_method(0x2163, "isdigit"), "False");
    CHECK_STREQ(via_method(0x00B2, "isdigit"), "True");
    CHECK_STREQ(via_method(0x0665, "isdecimal"), "True");
    CHECK_DONE();
}
