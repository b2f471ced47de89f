/*
 * diag.c — printing diagnostics (see diag.h for the format).
 *
 * The caret line copies the tabs of the source line before the column so
 * the caret lands under the right character whatever the tab width.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *src_name = "<input>";
static const char *src_text;
static size_t src_len;
static int error_count;
static int code_counts[1000];   /* by code number (E0101 → 101) */
static bool quiet;
static bool trial;
static int trial_errors;
static char trial_msg[512];

void diag_trial_begin(void) {
    trial = true;
    trial_errors = 0;
    trial_msg[0] = '\0';
}

int diag_trial_end(char *msg, size_t cap) {
    trial = false;
    if (msg && cap) snprintf(msg, cap, "%s", trial_msg);
    return trial_errors;
}

void diag_set_quiet(bool q) { quiet = q; }

void diag_set_source(const char *name, const char *text, size_t len) {
    src_name = name;
    src_text = text;
    src_len = len;
}

int diag_error_count(void) { return error_count; }
int diag_code_count(DiagCode code) { return (int)code < 1000 ? code_counts[code] : 0; }
void diag_reset(void) {
    error_count = 0;
    memset(code_counts, 0, sizeof code_counts);
}

/* Find the start of 1-based `line` in the current source; sets *len to its
 * length without the newline. NULL when the line does not exist. */
static const char *find_line(int line, size_t *len) {
    if (!src_text || line < 1) return NULL;
    const char *p = src_text, *end = src_text + src_len;
    for (int l = 1; l < line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return NULL;
        p = nl + 1;
    }
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r') e++;
    *len = (size_t)(e - p);
    return p;
}

/* Characters (not bytes) in the first `bytes` bytes of UTF-8 text. */
static int utf8_chars(const char *s, size_t bytes) {
    int n = 0;
    for (size_t i = 0; i < bytes; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

static bool begin(DiagCode code) {
    error_count++;
    if ((int)code < 1000) code_counts[code]++;
    if (quiet) return false;
    if (error_count > DIAG_MAX_ERRORS) {
        if (error_count == DIAG_MAX_ERRORS + 1)
            fprintf(stderr, "%s: too many errors, stopping\n", src_name);
        return false;
    }
    return true;
}

void diag_error(DiagCode code, int line, int col, const char *fmt, ...) {
    if (trial) {
        if (trial_errors++ == 0) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(trial_msg, sizeof trial_msg, fmt, ap);
            va_end(ap);
        }
        return;
    }
    if (!begin(code)) return;
    size_t len = 0;
    const char *text = find_line(line, &len);
    if (text && col > (int)len) col = (int)len;
    int ccol = text && col >= 0 ? utf8_chars(text, (size_t)col) + 1 : (col >= 0 ? col + 1 : 0);
    if (ccol > 0)
        fprintf(stderr, "%s:%d:%d: error[E%04d]: ", src_name, line, ccol, (int)code);
    else
        fprintf(stderr, "%s:%d: error[E%04d]: ", src_name, line, (int)code);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (!text) return;
    fprintf(stderr, "    %.*s\n", (int)len, text);
    if (col < 0) return;
    fputs("    ", stderr);
    for (int i = 0; i < col; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\t') fputc('\t', stderr);
        else if ((c & 0xC0) != 0x80) fputc(' ', stderr);
    }
    fputs("^\n", stderr);
}

void diag_error_file(DiagCode code, const char *file, const char *fmt, ...) {
    if (trial) {
        trial_errors++;
        return;
    }
    if (!begin(code)) return;
    fprintf(stderr, "%s: error[E%04d]: ", file, (int)code);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}
