/*
 * objects/text.h — what the text files (str.c, strmethods.c, unicode.c,
 * format.c, bytes.c, textio.c) share and nothing else needs.
 *
 * core/object.h stays the runtime-wide model; this header is the text
 * area's own: the Unicode character database (unicode.c), the canonical
 * str constructors the methods build results with (str.c), the UCS-4
 * builder `ubuf`, argument parsing with CPython's several wordings, and
 * the entry points one text file calls in another.
 *
 * Invariants the helpers keep:
 *   - every str they return is canonical (narrowest width, ascii flag
 *     exact), whatever width the input had: str_substr of a 2-byte string
 *     may well return a 1-byte one;
 *   - ubuf / strbuf never hold ai_values, so a collection during a call
 *     into user code cannot miss anything they keep.
 */
#ifndef AITHON_OBJECTS_TEXT_H
#define AITHON_OBJECTS_TEXT_H

#include "core/object.h"

/* ---- unicode.c: the character database ---------------------------------- */

enum {
    UNI_F_ALPHA = 1 << 0,
    UNI_F_DECIMAL = 1 << 1,
    UNI_F_DIGIT = 1 << 2,
    UNI_F_NUMERIC = 1 << 3,
    UNI_F_LOWER = 1 << 4,
    UNI_F_UPPER = 1 << 5,
    UNI_F_TITLE = 1 << 6,
    UNI_F_CASED = 1 << 7,
    UNI_F_CASE_IGNORABLE = 1 << 8,
    UNI_F_XID_START = 1 << 9,
    UNI_F_XID_CONTINUE = 1 << 10,
};
unsigned uni_flags(uint32_t c);
/* Full case mappings (SpecialCasing included): write 1–3 code points to
 * out, return how many. lower() does not apply the final-sigma rule:
 * str.lower() does that with the context it has. */
int uni_upper(uint32_t c, uint32_t out[3]);
int uni_lower(uint32_t c, uint32_t out[3]);
int uni_title(uint32_t c, uint32_t out[3]);
int uni_fold(uint32_t c, uint32_t out[3]);
/* The value of a decimal digit (any script), or -1. */
int uni_decimal(uint32_t c);

/* ---- str.c: building canonical strings ---------------------------------- */

static inline void str_put(ai_strobj *s, int64_t i, uint32_t c) {
    switch (s->kind) {
    case 1: ((uint8_t *)str_data(s))[i] = (uint8_t)c; break;
    case 2: ((uint16_t *)str_data(s))[i] = (uint16_t)c; break;
    default: ((uint32_t *)str_data(s))[i] = c; break;
    }
}
static inline int str_kind_for(uint32_t maxchar) {
    return maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
}
/* The empty string (immortal). */
ai_value str_empty(void);
/* s[start:end] (0 <= start <= end <= len), canonical. */
ai_value str_substr(ai_value s, int64_t start, int64_t end);
ai_value str_from_ucs4(const uint32_t *cps, int64_t n);
ai_value str_from_latin1(const uint8_t *p, int64_t n);
/* Largest code point of s[start:end]. */
uint32_t str_maxchar(const ai_strobj *s, int64_t start, int64_t end);
/* Find needle in h[start:end]: the index, or -1 (also -1 when the needle
 * does not fit). rfind searches from the end. */
int64_t str_find_in(const ai_strobj *h, const ai_strobj *n, int64_t start, int64_t end);
int64_t str_rfind_in(const ai_strobj *h, const ai_strobj *n, int64_t start, int64_t end);
/* Non-overlapping occurrences in h[start:end], at most `max` (-1: all). */
int64_t str_count_in(const ai_strobj *h, const ai_strobj *n, int64_t start, int64_t end,
                     int64_t max);
/* Does h have n at position i (in bounds)? */
bool str_match_at(const ai_strobj *h, int64_t i, const ai_strobj *n);

/* A growable UCS-4 buffer for results built a code point at a time. */
typedef struct ubuf {
    uint32_t *p;
    int64_t len, cap;
    uint32_t maxc;
    bool oom;
    uint32_t small[128];
} ubuf;
void ub_init(ubuf *b);
void ub_free(ubuf *b);
bool ub_reserve(ubuf *b, int64_t extra);
static inline void ub_addc(ubuf *b, uint32_t c) {
    if (b->len == b->cap && !ub_reserve(b, 1)) return;
    b->p[b->len++] = c;
    if (c > b->maxc) b->maxc = c;
}
void ub_fill(ubuf *b, uint32_t c, int64_t n);
/* Append s[start:end]. */
void ub_add_sub(ubuf *b, const ai_strobj *s, int64_t start, int64_t end);
static inline void ub_add_str(ubuf *b, ai_value s) {
    ub_add_sub(b, str_obj(s), 0, str_obj(s)->len);
}
void ub_add_ascii(ubuf *b, const char *p, size_t n);
static inline void ub_adds(ubuf *b, const char *p) { ub_add_ascii(b, p, strlen(p)); }
/* The buffer as a canonical str (AI_ERR + MemoryError on OOM); frees it. */
ai_value ub_finish(ubuf *b);

/* ---- argument parsing (strmethods.c) ----------------------------------- */

/* CPython words arity errors differently per method, by how each is
 * declared there; the style picks the wording:
 *   ARGS_TUPLE   "find() takes at least 1 argument (0 given)",
 *                keywords: "str.find() takes no keyword arguments"
 *   ARGS_POS     "strip expected at most 1 argument, got 2"
 *   ARGS_KW      "split() takes at most 2 arguments (3 given)",
 *                "'x' is an invalid keyword argument for split()"
 *   ARGS_NONE    "str.upper() takes no arguments (1 given)"
 *   ARGS_ONE     "str.join() takes exactly one argument (0 given)"  */
enum { ARGS_TUPLE, ARGS_POS, ARGS_KW, ARGS_NONE, ARGS_ONE };
typedef struct argspec {
    const char *name;  /* "find" */
    const char *owner; /* "str" (for the qualified wordings) */
    int style, min, max;
    const char *const *kw; /* keyword names for ARGS_KW (max of them) */
} argspec;
/* Fills out[0..max) (0 for absent); -1 with TypeError raised. */
int text_args_full(const argspec *a, const ai_value *args, int64_t nargs, ai_value kwnames,
                   ai_value *out);
/* text_args_full with the common call inline: positional arguments only,
 * as many as the spec allows. The spec is a constant at every call site,
 * so this folds to a range check and a few stores (str methods are
 * called per word in text loops); everything else, errors included, is
 * the full parser's. */
static inline int text_args(const argspec *a, const ai_value *args, int64_t nargs,
                            ai_value kwnames, ai_value *out) {
    if (kwnames || nargs < a->min || nargs > a->max)
        return text_args_full(a, args, nargs, kwnames, out);
    for (int i = 0; i < a->max; i++) out[i] = i < nargs ? args[i] : 0;
    return 0;
}
/* An optional index argument (start/end of find etc.): None/absent give
 * `dflt`; ints are clamped into int64. -1 on error. */
int text_slice_arg(ai_value v, int64_t dflt, int64_t *out);
/* Python's slice-bound normalisation of [start:end] against len. */
void text_adjust(int64_t *start, int64_t *end, int64_t len);
/* An int argument as int64 with CPython's OverflowError for huge ones
 * ("Python int too large to convert to C ssize_t"). -1 on error. */
int text_ssize_arg(ai_value v, int64_t *out);
/* The same for a C int argument (expandtabs' tabsize): CPython's
 * OverflowError outside its range. */
int text_int_arg(ai_value v, int64_t *out);

/* ---- cross-file entry points ------------------------------------------- */

extern const ai_method_def str_methods[]; /* strmethods.c */
/* str % args and bytes % args (format.c): the types' mod slots. */
ai_value fmt_str_mod(ai_value a, ai_value b);
ai_value fmt_bytes_mod(ai_value a, ai_value b);
/* str.format(*args, **kw) and format_map (format.c). */
ai_value fmt_str_format(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames);
ai_value fmt_str_format_map(ai_value self, const ai_value *args, int64_t nargs,
                            ai_value kwnames);
/* The mini-language for int, float and str (format.c): v's __format__. */
ai_value fmt_int(ai_value v, ai_value spec);
ai_value fmt_float(ai_value v, ai_value spec);
ai_value fmt_str(ai_value v, ai_value spec);
/* bin/oct/hex text of an int: base 2, 8 or 16 with the 0b/0o/0x prefix. */
ai_value fmt_int_base(ai_value v, int base);

/* Encoding and decoding (strmethods.c). errors: "strict", "ignore",
 * "replace" (also "surrogateescape", "backslashreplace" for decode /
 * encode where cheap). NULL names mean utf-8 / strict. */
ai_value text_encode(ai_value s, const char *encoding, const char *errors);
ai_value text_decode(const unsigned char *p, int64_t n, const char *encoding,
                     const char *errors);
/* Which codec a name denotes: 0 utf-8, 1 ascii, 2 latin-1, -1 unknown. */
int text_codec_id(const char *name);

/* textio.c: the input() and open() builtins. */
extern ai_builtin_fn textio_input_fn, textio_open_fn;
/* encoding= / errors= arguments (strmethods.c): str or absent, with
 * CPython's "%s() argument 'encoding' must be str, not int". */
int text_codec_args(const char *fname, ai_value enc, ai_value errs, const char **e,
                    const char **r);

/* bytes.c */
extern ai_type ai_bytearray_type;
static inline bool bytes_check(ai_value v) { return obj_isinstance(v, &ai_bytes_type); }
static inline bool bytearray_check(ai_value v) { return obj_isinstance(v, &ai_bytearray_type); }
/* The data and length of a bytes or bytearray (else NULL). */
const unsigned char *bytes_buffer(ai_value v, int64_t *len);
/* memoryview (objects/memview.c): is v one, and the bytes a contiguous
 * live one covers (NULL otherwise; no exception). */
bool memview_check(ai_value v);
const unsigned char *memview_buffer(ai_value v, int64_t *len);
/* A new (uninitialised) bytes of n bytes; data at bytes_data_of(). */
ai_value bytes_new_raw(int64_t n);
unsigned char *bytes_data_of(ai_value v);

#endif
