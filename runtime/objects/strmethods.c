/*
 * objects/strmethods.c — the methods of `str` (the table str.c hangs off
 * its slots), the codecs behind str.encode / bytes.decode / str(b, enc),
 * and the argument parsing shared by the text types' methods.
 *
 * Every result and message follows CPython 3.11, including its several
 * wordings of arity errors (text.h, argspec) and edge cases such as
 * 'abc'.find('', 4) == -1, 'ß'.upper() == 'SS' and the final sigma of
 * 'ΟΔΟΣ'.lower(). Case mappings and character classes come from
 * unicode.c; results are built canonical (str_substr, ubuf).
 *
 * Codecs: utf-8, ascii and latin-1 (with CPython's aliases), error
 * handlers strict, ignore, replace, backslashreplace, surrogateescape,
 * xmlcharrefreplace (encode) and surrogatepass (utf-8); an unknown handler
 * is reported only when an error actually occurs, as in CPython.
 * UnicodeError instances carry the message only (args == (message,)),
 * not CPython's five-field args.
 *
 * Not handled: other codecs (utf-16/32, cp1252 …), str.format (format.c),
 * the locale-aware parts of the methods (there are none in C locale).
 */
#include "objects/text.h"
#include "gc/gc.h"

#include <stdlib.h>

/* ---- argument parsing ----------------------------------------------------- */

static const char *plural(int64_t n) { return n == 1 ? "" : "s"; }

int text_args_full(const argspec *a, const ai_value *args, int64_t nargs, ai_value kwnames,
                   ai_value *out) {
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    if (nkw && a->style != ARGS_KW) {
        ai_raise_fmt(&ai_exc_TypeError, "%s.%s() takes no keyword arguments", a->owner, a->name);
        return -1;
    }
    switch (a->style) {
    case ARGS_NONE:
        if (nargs) {
            ai_raise_fmt(&ai_exc_TypeError, "%s.%s() takes no arguments (%lld given)", a->owner,
                         a->name, (long long)nargs);
            return -1;
        }
        return 0;
    case ARGS_ONE:
        if (nargs != 1) {
            ai_raise_fmt(&ai_exc_TypeError, "%s.%s() takes exactly one argument (%lld given)",
                         a->owner, a->name, (long long)nargs);
            return -1;
        }
        out[0] = args[0];
        return 0;
    case ARGS_TUPLE:
        if (nargs < a->min || nargs > a->max) {
            int n = nargs < a->min ? a->min : a->max;
            ai_raise_fmt(&ai_exc_TypeError, "%s() takes %s %d argument%s (%lld given)", a->name,
                         a->min == a->max ? "exactly" : nargs < a->min ? "at least" : "at most", n,
                         plural(n), (long long)nargs);
            return -1;
        }
        break;
    case ARGS_POS:
        if (nargs < a->min || nargs > a->max) {
            int n = nargs < a->min ? a->min : a->max;
            ai_raise_fmt(&ai_exc_TypeError, "%s expected %s%d argument%s, got %lld", a->name,
                         a->min == a->max ? "" : nargs < a->min ? "at least " : "at most ", n,
                         plural(n), (long long)nargs);
            return -1;
        }
        break;
    default:
        if (nargs + nkw > a->max) {
            /* CPython says "keyword argument" when none was positional */
            ai_raise_fmt(&ai_exc_TypeError, "%s() takes at most %d %sargument%s (%lld given)",
                         a->name, a->max, nargs ? "" : "keyword ", plural(a->max),
                         (long long)(nargs + nkw));
            return -1;
        }
        break;
    }
    for (int i = 0; i < a->max; i++) out[i] = i < nargs ? args[i] : 0;
    for (int64_t k = 0; k < nkw; k++) {
        ai_value kn = tuple_obj(kwnames)->items[k];
        int j = 0;
        while (j < a->max && !attr_name_is(kn, a->kw[j])) j++;
        if (j == a->max) {
            const char *p = str_utf8(kn, NULL);
            ai_raise_fmt(&ai_exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                         p ? p : "?", a->name);
            return -1;
        }
        if (out[j]) {
            ai_raise_fmt(&ai_exc_TypeError,
                         "argument for %s() given by name ('%s') and position (%d)", a->name,
                         a->kw[j], j + 1);
            return -1;
        }
        out[j] = args[nargs + k];
    }
    for (int i = 0; i < a->min; i++)
        if (!out[i]) {
            ai_raise_fmt(&ai_exc_TypeError, "%s() missing required argument '%s' (pos %d)",
                         a->name, a->kw ? a->kw[i] : "?", i + 1);
            return -1;
        }
    return 0;
}

int text_slice_arg(ai_value v, int64_t dflt, int64_t *out) {
    if (!v || v == AI_NONE) {
        *out = dflt;
        return 0;
    }
    if (!ai_is_smallint(v) && !obj_slots(v)->index) {
        ai_raise_msg(&ai_exc_TypeError,
                     "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    bool fits, err;
    int64_t n = obj_index_i64(v, &fits, &err);
    if (err) return -1;
    *out = n; /* a huge value was clamped to INT64_MIN/MAX, as CPython clamps */
    return 0;
}

void text_adjust(int64_t *start, int64_t *end, int64_t len) {
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0) *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = 0;
    }
}

int text_ssize_arg(ai_value v, int64_t *out) {
    bool fits, err;
    int64_t n = obj_index_i64(v, &fits, &err);
    if (err) return -1;
    if (!fits) {
        ai_raise_msg(&ai_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = n;
    return 0;
}

int text_int_arg(ai_value v, int64_t *out) {
    bool fits, err;
    int64_t n = obj_index_i64(v, &fits, &err);
    if (err) return -1;
    if (!fits || n > INT32_MAX || n < INT32_MIN) {
        ai_raise_msg(&ai_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = n;
    return 0;
}

#define ARGS(var, nm, style, mn, mx, kws) \
    static const argspec var = {nm, "str", style, mn, mx, kws}

/* ---- case conversion ------------------------------------------------------- */

/* The final-sigma rule: capital sigma at i lowers to ς when a cased
 * letter precedes it and none follows (case-ignorable marks skipped). */
static bool final_sigma(const ai_strobj *s, int64_t i) {
    int64_t j = i - 1;
    uint32_t c = 0;
    while (j >= 0) {
        c = str_char(s, j);
        if (!(uni_flags(c) & UNI_F_CASE_IGNORABLE)) break;
        j--;
    }
    if (j < 0 || !(uni_flags(c) & UNI_F_CASED)) return false;
    for (j = i + 1; j < s->len; j++) {
        c = str_char(s, j);
        if (!(uni_flags(c) & UNI_F_CASE_IGNORABLE)) break;
    }
    return j == s->len || !(uni_flags(c) & UNI_F_CASED);
}

static int lower_at(const ai_strobj *s, int64_t i, uint32_t c, uint32_t out[3]) {
    if (c == 0x3A3) {
        out[0] = final_sigma(s, i) ? 0x3C2 : 0x3C3;
        return 1;
    }
    return uni_lower(c, out);
}

static void ub_addn(ubuf *b, const uint32_t *m, int n) {
    for (int k = 0; k < n; k++) ub_addc(b, m[k]);
}

/* ASCII strings map byte to byte: no tables, one allocation. */
static ai_value ascii_map(ai_value self, int mode) {
    ai_strobj *s = str_obj(self);
    ai_value r = str_new_kind(1, s->len);
    if (!r) return AI_ERR;
    const uint8_t *p = str_data(s);
    uint8_t *d = str_data(str_obj(r));
    if (mode == 'l' || mode == 'u') {
        /* lower()/upper() per word of a text loop: one flip of bit 5 for
         * the 26 letters of the other case, no branches. */
        uint8_t first = mode == 'l' ? 'A' : 'a';
        for (int64_t i = 0; i < s->len; i++) {
            uint8_t c = p[i];
            d[i] = (uint8_t)(c ^ ((uint8_t)(c - first) < 26 ? 32 : 0));
        }
        str_obj(r)->ascii = 1;
        return r;
    }
    bool prev_cased = false;
    for (int64_t i = 0; i < s->len; i++) {
        uint8_t c = p[i];
        bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        bool to_upper = false, to_lower = false;
        switch (mode) {
        case 'u': to_upper = true; break;
        case 'l': to_lower = true; break;
        case 's': to_upper = low, to_lower = up; break;
        case 't': to_upper = !prev_cased, to_lower = prev_cased; break;
        default: to_upper = i == 0, to_lower = i != 0; break; /* capitalize */
        }
        if (to_upper && low) c -= 32;
        if (to_lower && up) c += 32;
        prev_cased = up || low;
        d[i] = c;
    }
    str_obj(r)->ascii = 1;
    return r;
}

static ai_value case_map(ai_value self, int mode) {
    ai_strobj *s = str_obj(self);
    if (s->ascii && mode != 'f') return ascii_map(self, mode);
    if (s->ascii) return ascii_map(self, 'l');
    ubuf b;
    ub_init(&b);
    bool prev_cased = false;
    uint32_t m[3];
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = str_char(s, i);
        unsigned f = uni_flags(c);
        int n;
        switch (mode) {
        case 'u': n = uni_upper(c, m); break;
        case 'l': n = lower_at(s, i, c, m); break;
        case 'f': n = uni_fold(c, m); break;
        case 's':
            if (f & UNI_F_UPPER)
                n = lower_at(s, i, c, m);
            else if (f & UNI_F_LOWER)
                n = uni_upper(c, m);
            else
                m[0] = c, n = 1;
            break;
        case 't':
            n = prev_cased ? lower_at(s, i, c, m) : uni_title(c, m);
            prev_cased = (f & UNI_F_CASED) != 0;
            break;
        default: n = i == 0 ? uni_title(c, m) : lower_at(s, i, c, m); break;
        }
        ub_addn(&b, m, n);
    }
    return ub_finish(&b);
}

#define CASE_METHOD(fn, nm, mode)                                                            \
    static ai_value fn(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {    \
        ARGS(spec, nm, ARGS_NONE, 0, 0, NULL);                                              \
        if (text_args(&spec, args, nargs, kw, NULL) < 0) return AI_ERR;                     \
        return case_map(self, mode);                                                        \
    }
CASE_METHOD(m_upper, "upper", 'u')
CASE_METHOD(m_lower, "lower", 'l')
CASE_METHOD(m_casefold, "casefold", 'f')
CASE_METHOD(m_swapcase, "swapcase", 's')
CASE_METHOD(m_title, "title", 't')
CASE_METHOD(m_capitalize, "capitalize", 'c')

/* ---- predicates ------------------------------------------------------------- */

static bool all_flags(const ai_strobj *s, unsigned want) {
    if (s->len == 0) return false;
    for (int64_t i = 0; i < s->len; i++)
        if (!(uni_flags(str_char(s, i)) & want)) return false;
    return true;
}

enum { P_ALPHA, P_ALNUM, P_DECIMAL, P_DIGIT, P_NUMERIC, P_SPACE, P_LOWER, P_UPPER, P_TITLE,
       P_IDENT, P_PRINT, P_ASCII };

static bool predicate(const ai_strobj *s, int which) {
    switch (which) {
    case P_ALPHA: return all_flags(s, UNI_F_ALPHA);
    case P_ALNUM:
        return all_flags(s, UNI_F_ALPHA | UNI_F_DECIMAL | UNI_F_DIGIT | UNI_F_NUMERIC);
    case P_DECIMAL: return all_flags(s, UNI_F_DECIMAL);
    case P_DIGIT: return all_flags(s, UNI_F_DIGIT);
    case P_NUMERIC: return all_flags(s, UNI_F_NUMERIC);
    case P_SPACE:
        if (s->len == 0) return false;
        for (int64_t i = 0; i < s->len; i++)
            if (!str_is_space(str_char(s, i))) return false;
        return true;
    case P_LOWER:
    case P_UPPER: {
        /* All cased characters in the one case, and at least one. */
        unsigned other = which == P_LOWER ? UNI_F_UPPER : UNI_F_LOWER, same = other ^ (UNI_F_UPPER | UNI_F_LOWER);
        bool cased = false;
        for (int64_t i = 0; i < s->len; i++) {
            unsigned f = uni_flags(str_char(s, i));
            if (f & (other | UNI_F_TITLE)) return false;
            if (f & same) cased = true;
        }
        return cased;
    }
    case P_TITLE: {
        bool cased = false, prev = false;
        for (int64_t i = 0; i < s->len; i++) {
            unsigned f = uni_flags(str_char(s, i));
            if (f & (UNI_F_UPPER | UNI_F_TITLE)) {
                if (prev) return false;
                prev = cased = true;
            } else if (f & UNI_F_LOWER) {
                if (!prev) return false;
                prev = cased = true;
            } else {
                prev = false;
            }
        }
        return cased;
    }
    case P_IDENT:
        if (s->len == 0 || !(uni_flags(str_char(s, 0)) & UNI_F_XID_START)) return false;
        for (int64_t i = 1; i < s->len; i++)
            if (!(uni_flags(str_char(s, i)) & UNI_F_XID_CONTINUE)) return false;
        return true;
    case P_PRINT:
        for (int64_t i = 0; i < s->len; i++)
            if (!str_isprintable(str_char(s, i))) return false;
        return true;
    default: return s->ascii != 0;
    }
}

#define PRED_METHOD(fn, nm, which)                                                           \
    static ai_value fn(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {    \
        ARGS(spec, nm, ARGS_NONE, 0, 0, NULL);                                              \
        if (text_args(&spec, args, nargs, kw, NULL) < 0) return AI_ERR;                     \
        return ai_bool(predicate(str_obj(self), which));                                    \
    }
PRED_METHOD(m_isalpha, "isalpha", P_ALPHA)
PRED_METHOD(m_isalnum, "isalnum", P_ALNUM)
PRED_METHOD(m_isdecimal, "isdecimal", P_DECIMAL)
PRED_METHOD(m_isdigit, "isdigit", P_DIGIT)
PRED_METHOD(m_isnumeric, "isnumeric", P_NUMERIC)
PRED_METHOD(m_isspace, "isspace", P_SPACE)
PRED_METHOD(m_islower, "islower", P_LOWER)
PRED_METHOD(m_isupper, "isupper", P_UPPER)
PRED_METHOD(m_istitle, "istitle", P_TITLE)
PRED_METHOD(m_isidentifier, "isidentifier", P_IDENT)
PRED_METHOD(m_isprintable, "isprintable", P_PRINT)
PRED_METHOD(m_isascii, "isascii", P_ASCII)

/* ---- searching ---------------------------------------------------------------- */

static ai_value need_str(ai_value v) {
    if (str_check(v)) return v;
    return ai_raise_fmt(&ai_exc_TypeError, "must be str, not %s", obj_type_name(v));
}

/* The (sub, start, end) arguments of find/count/index. */
static int search_args(const argspec *spec, ai_value self, const ai_value *args, int64_t nargs,
                       ai_value kw, ai_value *sub, int64_t *start, int64_t *end) {
    ai_value a[3];
    if (text_args(spec, args, nargs, kw, a) < 0) return -1;
    if (!need_str(a[0])) return -1;
    *sub = a[0];
    if (text_slice_arg(a[1], 0, start) < 0 || text_slice_arg(a[2], INT64_MAX, end) < 0)
        return -1;
    text_adjust(start, end, str_obj(self)->len);
    return 0;
}

static ai_value find_common(ai_value self, const ai_value *args, int64_t nargs, ai_value kw,
                            const char *name, bool rev, bool raise) {
    argspec spec = {name, "str", ARGS_TUPLE, 1, 3, NULL};
    ai_value sub;
    int64_t start, end;
    if (search_args(&spec, self, args, nargs, kw, &sub, &start, &end) < 0) return AI_ERR;
    int64_t i = rev ? str_rfind_in(str_obj(self), str_obj(sub), start, end)
                    : str_find_in(str_obj(self), str_obj(sub), start, end);
    if (i < 0 && raise) return ai_raise_msg(&ai_exc_ValueError, "substring not found");
    return ai_int_from_i64(i);
}

static ai_value m_find(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return find_common(self, args, nargs, kw, "find", false, false);
}
static ai_value m_rfind(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return find_common(self, args, nargs, kw, "rfind", true, false);
}
static ai_value m_index(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return find_common(self, args, nargs, kw, "index", false, true);
}
static ai_value m_rindex(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return find_common(self, args, nargs, kw, "rindex", true, true);
}

static ai_value m_count(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ARGS(spec, "count", ARGS_TUPLE, 1, 3, NULL);
    ai_value sub;
    int64_t start, end;
    if (search_args(&spec, self, args, nargs, kw, &sub, &start, &end) < 0) return AI_ERR;
    if (start > str_obj(self)->len) return ai_smallint(0);
    return ai_int_from_i64(str_count_in(str_obj(self), str_obj(sub), start, end, -1));
}

/* Does s[start:end] start (end) with sub? */
static bool tail_match(const ai_strobj *s, const ai_strobj *sub, int64_t start, int64_t end,
                       bool at_end) {
    text_adjust(&start, &end, s->len);
    end -= sub->len;
    if (end < start) return false;
    if (sub->len == 0) return true;
    return str_match_at(s, at_end ? end : start, sub);
}

static ai_value starts_ends(ai_value self, const ai_value *args, int64_t nargs, ai_value kw,
                            const char *name, bool at_end) {
    argspec spec = {name, "str", ARGS_TUPLE, 1, 3, NULL};
    ai_value a[3];
    if (text_args(&spec, args, nargs, kw, a) < 0) return AI_ERR;
    int64_t start, end;
    if (text_slice_arg(a[1], 0, &start) < 0 || text_slice_arg(a[2], INT64_MAX, &end) < 0)
        return AI_ERR;
    if (tuple_check(a[0])) {
        ai_tuple *t = tuple_obj(a[0]);
        for (int64_t i = 0; i < t->len; i++) {
            if (!str_check(t->items[i]))
                return ai_raise_fmt(&ai_exc_TypeError,
                                    "tuple for %s must only contain str, not %s", name,
                                    obj_type_name(t->items[i]));
            if (tail_match(str_obj(self), str_obj(t->items[i]), start, end, at_end))
                return AI_TRUE;
        }
        return AI_FALSE;
    }
    if (!str_check(a[0]))
        return ai_raise_fmt(&ai_exc_TypeError,
                            "%s first arg must be str or a tuple of str, not %s", name,
                            obj_type_name(a[0]));
    return ai_bool(tail_match(str_obj(self), str_obj(a[0]), start, end, at_end));
}

static ai_value m_startswith(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return starts_ends(self, args, nargs, kw, "startswith", false);
}
static ai_value m_endswith(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return starts_ends(self, args, nargs, kw, "endswith", true);
}

/* ---- split, join, partition ----------------------------------------------------- */

static int append_sub(ai_value list, ai_value s, int64_t a, int64_t b) {
    ai_value part = str_substr(s, a, b);
    return part ? ai_list_append(list, part) : -1;
}

static int split_args(const char *name, const ai_value *args, int64_t nargs, ai_value kw,
                      ai_value *sep, int64_t *maxsplit) {
    static const char *const kws[] = {"sep", "maxsplit"};
    argspec spec = {name, "str", ARGS_KW, 0, 2, kws};
    ai_value a[2];
    if (text_args(&spec, args, nargs, kw, a) < 0) return -1;
    *sep = a[0] == AI_NONE ? 0 : a[0];
    if (*sep && !str_check(*sep)) {
        ai_raise_fmt(&ai_exc_TypeError, "must be str or None, not %s", obj_type_name(*sep));
        return -1;
    }
    *maxsplit = -1;
    if (a[1] && text_ssize_arg(a[1], maxsplit) < 0) return -1;
    if (*maxsplit < 0) *maxsplit = INT64_MAX;
    if (*sep) {
        if (!need_str(*sep)) return -1;
        if (str_obj(*sep)->len == 0) {
            ai_raise_msg(&ai_exc_ValueError, "empty separator");
            return -1;
        }
    }
    return 0;
}

/* Reverse a list in place (rsplit collects from the right). */
static void list_reverse(ai_value l) {
    ai_list *o = list_obj(l);
    for (int64_t i = 0, j = o->len - 1; i < j; i++, j--) {
        ai_value t = o->items[i];
        o->items[i] = o->items[j];
        o->items[j] = t;
    }
}

/* str.isspace() of the 256 one-byte code points (str_is_space), and the
 * line boundaries of splitlines() among them (is_linebreak): tables for
 * the kind-1 loops of split() and splitlines(), which see every
 * character of a text. */
static const uint8_t space1[256] = {
    [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x1C] = 1, [0x1D] = 1,
    [0x1E] = 1, [0x1F] = 1, [0x20] = 1, [0x85] = 1, [0xA0] = 1,
};
static const uint8_t linebreak1[256] = {
    [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x85] = 1,
};

/* s.split() of a kind-1 string, left to right (no maxsplit). */
static ai_value split_ws1(ai_value self, ai_value out) {
    const ai_strobj *s = str_obj(self);
    const uint8_t *p = str_data(s);
    int64_t i = 0, n = s->len;
    for (;;) {
        while (i < n && space1[p[i]]) i++;
        if (i == n) return out;
        int64_t j = i + 1;
        while (j < n && !space1[p[j]]) j++;
        if (append_sub(out, self, i, j) < 0) return AI_ERR;
        i = j;
    }
}

static ai_value split_impl(ai_value self, ai_value sep, int64_t maxsplit, bool rev) {
    ai_strobj *s = str_obj(self);
    ai_value out = ai_list_new(NULL, 0);
    if (!out) return AI_ERR;
    int64_t n = s->len;
    if (!sep) {
        if (!rev && s->kind == 1 && maxsplit >= n) return split_ws1(self, out);
        if (!rev) {
            int64_t i = 0;
            while (true) {
                while (i < n && str_is_space(str_char(s, i))) i++;
                if (i == n) break;
                int64_t j = i;
                if (maxsplit-- <= 0) {
                    j = n;
                } else {
                    while (j < n && !str_is_space(str_char(s, j))) j++;
                }
                if (append_sub(out, self, i, j) < 0) return AI_ERR;
                i = j;
            }
        } else {
            int64_t i = n;
            while (true) {
                while (i > 0 && str_is_space(str_char(s, i - 1))) i--;
                if (i == 0) break;
                int64_t j = i;
                if (maxsplit-- <= 0) {
                    j = 0;
                } else {
                    while (j > 0 && !str_is_space(str_char(s, j - 1))) j--;
                }
                if (append_sub(out, self, j, i) < 0) return AI_ERR;
                i = j;
            }
            list_reverse(out);
        }
        return out;
    }
    ai_strobj *p = str_obj(sep);
    if (!rev) {
        int64_t i = 0;
        while (maxsplit-- > 0) {
            int64_t k = str_find_in(s, p, i, n);
            if (k < 0) break;
            if (append_sub(out, self, i, k) < 0) return AI_ERR;
            i = k + p->len;
        }
        if (append_sub(out, self, i, n) < 0) return AI_ERR;
    } else {
        int64_t j = n;
        while (maxsplit-- > 0) {
            int64_t k = str_rfind_in(s, p, 0, j);
            if (k < 0) break;
            if (append_sub(out, self, k + p->len, j) < 0) return AI_ERR;
            j = k;
        }
        if (append_sub(out, self, 0, j) < 0) return AI_ERR;
        list_reverse(out);
    }
    return out;
}

static ai_value m_split(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value sep;
    int64_t maxsplit;
    if (split_args("split", args, nargs, kw, &sep, &maxsplit) < 0) return AI_ERR;
    return split_impl(self, sep, maxsplit, false);
}
static ai_value m_rsplit(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ai_value sep;
    int64_t maxsplit;
    if (split_args("rsplit", args, nargs, kw, &sep, &maxsplit) < 0) return AI_ERR;
    return split_impl(self, sep, maxsplit, true);
}

static bool is_linebreak(uint32_t c) {
    return (c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

static ai_value m_splitlines(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    static const char *const kws[] = {"keepends"};
    ARGS(spec, "splitlines", ARGS_KW, 0, 1, kws);
    ai_value a[1];
    if (text_args(&spec, args, nargs, kw, a) < 0) return AI_ERR;
    int64_t keep = 0;
    if (a[0] && text_ssize_arg(a[0], &keep) < 0) {
        /* CPython converts keepends as a C int: a float is a TypeError. */
        return AI_ERR;
    }
    ai_strobj *s = str_obj(self);
    ai_value out = ai_list_new(NULL, 0);
    if (!out) return AI_ERR;
    int64_t i = 0, n = s->len;
    const uint8_t *p1 = s->kind == 1 ? str_data(s) : NULL;
    while (i < n) {
        int64_t j = i;
        if (p1)
            while (j < n && !linebreak1[p1[j]]) j++;
        else
            while (j < n && !is_linebreak(str_char(s, j))) j++;
        int64_t eol = j;
        if (j < n) {
            if (str_char(s, j) == '\r' && j + 1 < n && str_char(s, j + 1) == '\n')
                j += 2;
            else
                j++;
            if (keep) eol = j;
        }
        if (append_sub(out, self, i, eol) < 0) return AI_ERR;
        i = j;
    }
    return out;
}

/* sep.join(iterable): one pass to check and measure, one allocation. */
static ai_value join_values(ai_value sep, const ai_value *items, int64_t n) {
    ai_strobj *p = str_obj(sep);
    if (n == 0) return str_empty();
    int kind = p->kind;
    bool ascii = p->ascii || n == 1;
    int64_t total = p->len * (n - 1);
    for (int64_t i = 0; i < n; i++) {
        if (!str_check(items[i]))
            return ai_raise_fmt(&ai_exc_TypeError,
                                "sequence item %lld: expected str instance, %s found",
                                (long long)i, obj_type_name(items[i]));
        ai_strobj *x = str_obj(items[i]);
        if (x->kind > kind) kind = x->kind;
        ascii = ascii && x->ascii;
        total += x->len;
    }
    if (n == 1) return cls_exact_result(items[0], items[0], 0); /* a str, never a subclass */
    ai_value r = str_new_kind(kind, total);
    if (!r) return AI_ERR;
    ai_strobj *o = str_obj(r);
    int64_t at = 0;
    for (int64_t i = 0; i < n; i++) {
        if (i > 0 && p->len) {
            if (p->kind == kind)
                memcpy((char *)str_data(o) + at * kind, str_data(p), (size_t)p->len * (size_t)kind);
            else
                for (int64_t k = 0; k < p->len; k++) str_put(o, at + k, str_char(p, k));
            at += p->len;
        }
        ai_strobj *x = str_obj(items[i]);
        if (x->kind == kind)
            memcpy((char *)str_data(o) + at * kind, str_data(x), (size_t)x->len * (size_t)kind);
        else
            for (int64_t k = 0; k < x->len; k++) str_put(o, at + k, str_char(x, k));
        at += x->len;
    }
    /* Wide parts may each be wide for different reasons; the result's
     * width is the widest part's, which is canonical as that part was. */
    o->ascii = ascii;
    return r;
}

static ai_value m_join(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ARGS(spec, "join", ARGS_ONE, 1, 1, NULL);
    ai_value a[1];
    if (text_args(&spec, args, nargs, kw, a) < 0) return AI_ERR;
    ai_value it = a[0];
    const ai_value *items;
    int64_t n;
    if (seq_fast_items(it, &items, &n)) return join_values(self, items, n);
    if (!obj_slots(it)->iter) return ai_raise_msg(&ai_exc_TypeError, "can only join an iterable");
    ai_value l = list_from_iter(it);
    if (!l) return AI_ERR;
    return join_values(self, list_obj(l)->items, list_obj(l)->len);
}

ai_value ai_str_join_n(const ai_value *parts, int64_t n) {
    return join_values(str_empty(), parts, n);
}

static ai_value partition(ai_value self, ai_value sep, bool rev) {
    if (!need_str(sep)) return AI_ERR;
    ai_strobj *s = str_obj(self), *p = str_obj(sep);
    if (p->len == 0) return ai_raise_msg(&ai_exc_ValueError, "empty separator");
    int64_t i = rev ? str_rfind_in(s, p, 0, s->len) : str_find_in(s, p, 0, s->len);
    ai_value t = tuple_new(3);
    if (!t) return AI_ERR;
    ai_value *it = tuple_obj(t)->items;
    if (i < 0) {
        it[0] = rev ? str_empty() : self;
        it[1] = str_empty();
        it[2] = rev ? self : str_empty();
        return t;
    }
    it[0] = it[1] = it[2] = str_empty(); /* keep the tuple valid while filling */
    ai_value a = str_substr(self, 0, i);
    if (!a) return AI_ERR;
    it[0] = a;
    gc_barrier(tuple_obj(t), a);
    it[1] = sep;
    gc_barrier(tuple_obj(t), sep);
    ai_value b = str_substr(self, i + p->len, s->len);
    if (!b) return AI_ERR;
    it[2] = b;
    gc_barrier(tuple_obj(t), b);
    return t;
}

static ai_value m_partition(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ARGS(spec, "partition", ARGS_ONE, 1, 1, NULL);
    ai_value a[1];
    if (text_args(&spec, args, nargs, kw, a) < 0) return AI_ERR;
    return partition(self, a[0], false);
}
static ai_value m_rpartition(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ARGS(spec, "rpartition", ARGS_ONE, 1, 1, NULL);
    ai_value a[1];
    if (text_args(&spec, args, nargs, kw, a) < 0) return AI_ERR;
    return partition(self, a[0], true);
}

/* ---- strip, prefixes ---------------------------------------------------------- */

static bool in_chars(const ai_strobj *chars, uint32_t c) {
    if (!chars) return str_is_space(c);
    for (int64_t i = 0; i < chars->len; i++)
        if (str_char(chars, i) == c) return true;
    return false;
}

static ai_value strip_common(ai_value self, const ai_value *args, int64_t nargs, ai_value kw,
                             const char *name, bool left, bool right) {
    argspec spec = {name, "str", ARGS_POS, 0, 1, NULL};
    ai_value a[1];
    if (text_args(&spec, args, nargs, kw, a) < 0) return AI_ERR;
    const ai_strobj *chars = NULL;
    if (a[0] && a[0] != AI_NONE) {
        if (!str_check(a[0]))
            return ai_raise_fmt(&ai_exc_TypeError, "%s arg must be None or str", name);
        chars = str_obj(a[0]);
    }
    ai_strobj *s = str_obj(self);
    int64_t i = 0, j = s->len;
    if (left)
        while (i < j && in_chars(chars, str_char(s, i))) i++;
    if (right)
        while (j > i && in_chars(chars, str_char(s, j - 1))) j--;
    return str_substr(self, i, j);
}

static ai_value m_strip(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return strip_common(self, args, nargs, kw, "strip", true, true);
}
static ai_value m_lstrip(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return strip_common(self, args, nargs, kw, "lstrip", true, false);
}
static ai_value m_rstrip(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return strip_common(self, args, nargs, kw, "rstrip", false, true);
}

static ai_value remove_affix(ai_value self, const ai_value *args, int64_t nargs, ai_value kw,
                             const char *name, bool suffix) {
    argspec spec = {name, "str", ARGS_ONE, 1, 1, NULL};
    ai_value a[1];
    if (text_args(&spec, args, nargs, kw, a) < 0) return AI_ERR;
    if (!str_check(a[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "%s() argument must be str, not %s", name,
                            obj_type_name(a[0]));
    ai_strobj *s = str_obj(self), *x = str_obj(a[0]);
    if (x->len == 0 || x->len > s->len) return self;
    int64_t at = suffix ? s->len - x->len : 0;
    if (!str_match_at(s, at, x)) return self;
    return suffix ? str_substr(self, 0, at) : str_substr(self, x->len, s->len);
}

static ai_value m_removeprefix(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return remove_affix(self, args, nargs, kw, "removeprefix", false);
}
static ai_value m_removesuffix(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return remove_affix(self, args, nargs, kw, "removesuffix", true);
}

/* ---- padding -------------------------------------------------------------------- */

static int fill_arg(ai_value v, uint32_t *out) {
    if (!v) {
        *out = ' ';
        return 0;
    }
    if (!str_check(v)) {
        ai_raise_fmt(&ai_exc_TypeError, "The fill character must be a unicode character, not %s",
                     obj_type_name(v));
        return -1;
    }
    if (str_obj(v)->len != 1) {
        ai_raise_msg(&ai_exc_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    *out = str_char(str_obj(v), 0);
    return 0;
}

static ai_value pad(ai_value self, int64_t left, int64_t right, uint32_t fill) {
    if (left <= 0 && right <= 0) return self;
    ubuf b;
    ub_init(&b);
    ub_fill(&b, fill, left);
    ub_add_str(&b, self);
    ub_fill(&b, fill, right);
    return ub_finish(&b);
}

static ai_value justify(ai_value self, const ai_value *args, int64_t nargs, ai_value kw,
                        const char *name, int how) {
    argspec spec = {name, "str", ARGS_POS, 1, 2, NULL};
    ai_value a[2];
    if (text_args(&spec, args, nargs, kw, a) < 0) return AI_ERR;
    int64_t width;
    uint32_t fill;
    if (text_ssize_arg(a[0], &width) < 0 || fill_arg(a[1], &fill) < 0) return AI_ERR;
    int64_t len = str_obj(self)->len;
    if (width <= len) return self;
    int64_t marg = width - len;
    switch (how) {
    case '<': return pad(self, 0, marg, fill);
    case '>': return pad(self, marg, 0, fill);
    default: {
        /* CPython's centring: the odd column goes left when width is odd. */
        int64_t left = marg / 2 + (marg & width & 1);
        return pad(self, left, marg - left, fill);
    }
    }
}

static ai_value m_center(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return justify(self, args, nargs, kw, "center", '^');
}
static ai_value m_ljust(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return justify(self, args, nargs, kw, "ljust", '<');
}
static ai_value m_rjust(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    return justify(self, args, nargs, kw, "rjust", '>');
}

static ai_value m_zfill(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ARGS(spec, "zfill", ARGS_ONE, 1, 1, NULL);
    ai_value a[1];
    int64_t width;
    if (text_args(&spec, args, nargs, kw, a) < 0 || text_ssize_arg(a[0], &width) < 0)
        return AI_ERR;
    ai_strobj *s = str_obj(self);
    if (width <= s->len) return self;
    ubuf b;
    ub_init(&b);
    int64_t i = 0;
    if (s->len && (str_char(s, 0) == '+' || str_char(s, 0) == '-')) {
        ub_addc(&b, str_char(s, 0));
        i = 1;
    }
    ub_fill(&b, '0', width - s->len);
    ub_add_sub(&b, s, i, s->len);
    return ub_finish(&b);
}

static ai_value m_expandtabs(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    static const char *const kws[] = {"tabsize"};
    ARGS(spec, "expandtabs", ARGS_KW, 0, 1, kws);
    ai_value a[1];
    if (text_args(&spec, args, nargs, kw, a) < 0) return AI_ERR;
    int64_t tab = 8;
    if (a[0] && text_int_arg(a[0], &tab) < 0) return AI_ERR;
    ai_strobj *s = str_obj(self);
    ubuf b;
    ub_init(&b);
    int64_t col = 0;
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = str_char(s, i);
        if (c == '\t') {
            if (tab > 0) {
                int64_t n = tab - col % tab;
                ub_fill(&b, ' ', n);
                col += n;
            }
        } else {
            ub_addc(&b, c);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return ub_finish(&b);
}

/* ---- replace, translate ---------------------------------------------------------- */

static ai_value m_replace(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ARGS(spec, "replace", ARGS_POS, 2, 3, NULL);
    ai_value a[3];
    if (text_args(&spec, args, nargs, kw, a) < 0) return AI_ERR;
    for (int k = 0; k < 2; k++)
        if (!str_check(a[k]))
            return ai_raise_fmt(&ai_exc_TypeError, "replace() argument %d must be str, not %s",
                                k + 1, obj_type_name(a[k]));
    int64_t count = -1;
    if (a[2] && text_ssize_arg(a[2], &count) < 0) return AI_ERR;
    if (count < 0) count = INT64_MAX;
    ai_strobj *s = str_obj(self), *old = str_obj(a[0]), *new_ = str_obj(a[1]);
    if (count == 0) return self;
    ubuf b;
    ub_init(&b);
    if (old->len == 0) {
        /* Insert `new` before every character and at the end. */
        int64_t i = 0;
        for (; i <= s->len && count > 0; i++, count--) {
            ub_add_str(&b, a[1]);
            if (i < s->len) ub_addc(&b, str_char(s, i));
        }
        if (i < s->len) ub_add_sub(&b, s, i, s->len);
        return ub_finish(&b);
    }
    int64_t i = 0, done = 0;
    while (done < count) {
        int64_t k = str_find_in(s, old, i, s->len);
        if (k < 0) break;
        ub_add_sub(&b, s, i, k);
        ub_add_sub(&b, new_, 0, new_->len);
        i = k + old->len;
        done++;
    }
    if (done == 0) {
        ub_free(&b);
        return self;
    }
    ub_add_sub(&b, s, i, s->len);
    return ub_finish(&b);
}

static ai_value m_translate(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ARGS(spec, "translate", ARGS_ONE, 1, 1, NULL);
    ai_value a[1];
    if (text_args(&spec, args, nargs, kw, a) < 0) return AI_ERR;
    ai_strobj *s = str_obj(self);
    ubuf b;
    ub_init(&b);
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = str_char(s, i);
        ai_value r = ai_getitem(a[0], ai_smallint(c));
        if (!r) {
            if (exc_pending_is(&ai_exc_LookupError)) {
                exc_clear();
                ub_addc(&b, c);
                continue;
            }
            ub_free(&b);
            return AI_ERR;
        }
        if (r == AI_NONE) continue;
        if (int_check(r)) {
            int64_t v;
            if (!int_to_i64(int_unbool(r), &v) || v < 0 || v > 0x10FFFF) {
                ub_free(&b);
                return ai_raise_msg(&ai_exc_ValueError,
                                    "character mapping must be in range(0x110000)");
            }
            ub_addc(&b, (uint32_t)v);
        } else if (str_check(r)) {
            ub_add_str(&b, r);
        } else {
            ub_free(&b);
            return ai_raise_msg(&ai_exc_TypeError,
                                "character mapping must return integer, None or str");
        }
    }
    return ub_finish(&b);
}

static ai_value m_maketrans(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    (void)self;
    ARGS(spec, "maketrans", ARGS_POS, 1, 3, NULL);
    ai_value a[3];
    if (text_args(&spec, args, nargs, kw, a) < 0) return AI_ERR;
    ai_value d = ai_dict_new(NULL, 0);
    if (!d) return AI_ERR;
    if (!a[1]) {
        if (!obj_is_type(a[0], ai_type_of(d)))
            return ai_raise_msg(&ai_exc_TypeError,
                                "if you give only one argument to maketrans it must be a dict");
        ai_value it = ai_iter(a[0]), key;
        if (!it) return AI_ERR;
        int32_t st;
        while ((st = ai_for_next(it, &key)) == 1) {
            ai_value v = ai_getitem(a[0], key);
            if (!v) return AI_ERR;
            if (str_check(key)) {
                if (str_obj(key)->len != 1)
                    return ai_raise_msg(&ai_exc_ValueError,
                                        "string keys in translate table must be of length 1");
                key = ai_smallint(str_char(str_obj(key), 0));
            } else if (!int_check(key)) {
                return ai_raise_msg(&ai_exc_TypeError,
                                    "keys in translate table must be strings or integers");
            }
            if (ai_setitem(d, key, v) < 0) return AI_ERR;
        }
        return st < 0 ? AI_ERR : d;
    }
    if (!str_check(a[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "maketrans() argument 1 must be str, not %s",
                            obj_type_name(a[0]));
    if (!str_check(a[1]))
        return ai_raise_fmt(&ai_exc_TypeError, "maketrans() argument 2 must be str, not %s",
                            obj_type_name(a[1]));
    if (a[2] && !str_check(a[2]))
        return ai_raise_fmt(&ai_exc_TypeError, "maketrans() argument 3 must be str, not %s",
                            obj_type_name(a[2]));
    ai_strobj *x = str_obj(a[0]), *y = str_obj(a[1]);
    if (x->len != y->len)
        return ai_raise_msg(&ai_exc_ValueError,
                            "the first two maketrans arguments must have equal length");
    for (int64_t i = 0; i < x->len; i++)
        if (ai_setitem(d, ai_smallint(str_char(x, i)), ai_smallint(str_char(y, i))) < 0)
            return AI_ERR;
    if (a[2]) {
        ai_strobj *z = str_obj(a[2]);
        for (int64_t i = 0; i < z->len; i++)
            if (ai_setitem(d, ai_smallint(str_char(z, i)), AI_NONE) < 0) return AI_ERR;
    }
    return d;
}

/* ---- codecs ----------------------------------------------------------------------- */

/* The UTF-16 and UTF-32 codecs ("wide") exist for str.encode and
 * bytes.decode only: files keep refusing them (text_codec_id). */
enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1, ENC_UTF16, ENC_UTF16LE, ENC_UTF16BE, ENC_UTF32, ENC_UTF32LE,
       ENC_UTF32BE, ENC_UNKNOWN };
static bool enc_wide(int codec) { return codec >= ENC_UTF16 && codec <= ENC_UTF32BE; }
static bool enc_utf32(int codec) { return codec >= ENC_UTF32 && codec <= ENC_UTF32BE; }

static int codec_of(const char *name) {
    if (!name) return ENC_UTF8;
    /* CPython's normalisation: case-insensitive, '-' and ' ' as '_'. */
    char n[32];
    size_t k = 0;
    for (const char *p = name; *p; p++) {
        if (k + 1 >= sizeof n) return ENC_UNKNOWN;
        char c = *p;
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c == '-' || c == ' ') c = '_';
        n[k++] = c;
    }
    n[k] = 0;
    static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const ascii[] = {"ascii", "us_ascii", "646", "us", NULL};
    static const char *const latin1[] = {"latin_1", "latin1", "iso_8859_1", "iso8859_1", "8859",
                                         "cp819", "l1", "latin", "iso_ir_100", NULL};
    static const char *const u16[] = {"utf_16", "utf16", "u16", NULL};
    static const char *const u16le[] = {"utf_16_le", "utf_16le", NULL};
    static const char *const u16be[] = {"utf_16_be", "utf_16be", NULL};
    static const char *const u32[] = {"utf_32", "utf32", "u32", NULL};
    static const char *const u32le[] = {"utf_32_le", "utf_32le", NULL};
    static const char *const u32be[] = {"utf_32_be", "utf_32be", NULL};
    const char *const *tables[] = {utf8, ascii, latin1, u16, u16le, u16be, u32, u32le, u32be};
    for (int t = 0; t < ENC_UNKNOWN; t++)
        for (const char *const *q = tables[t]; *q; q++)
            if (strcmp(n, *q) == 0) return t;
    return ENC_UNKNOWN;
}

int text_codec_id(const char *name) {
    int c = codec_of(name);
    return c == ENC_UNKNOWN || enc_wide(c) ? -1 : c;
}

static const char *codec_name(int codec) {
    static const char *const names[] = {"utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
                                        "utf-32", "utf-32-le", "utf-32-be"};
    return codec >= 0 && codec < ENC_UNKNOWN ? names[codec] : "?";
}

enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_SURROGATEESCAPE, ERR_XMLREF,
       ERR_SURROGATEPASS, ERR_UNKNOWN };

static int errors_of(const char *e) {
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "surrogateescape", "xmlcharrefreplace", "surrogatepass"};
    if (!e) return ERR_STRICT;
    for (int i = 0; i < ERR_UNKNOWN; i++)
        if (strcmp(e, names[i]) == 0) return i;
    return ERR_UNKNOWN;
}

static ai_value unknown_handler(const char *errors) {
    return ai_raise_fmt(&ai_exc_LookupError, "unknown error handler name '%s'", errors);
}

static void esc_char(strbuf *b, uint32_t c) {
    if (c < 0x100)
        sb_printf(b, "\\x%02x", c);
    else if (c < 0x10000)
        sb_printf(b, "\\u%04x", c);
    else
        sb_printf(b, "\\U%08x", c);
}

/* A growable byte buffer for encoders (malloc'd; no values inside). */
typedef struct bbuf {
    unsigned char *p;
    int64_t len, cap;
    bool oom;
} bbuf;

static bool bb_reserve(bbuf *b, int64_t extra) {
    if (b->oom) return false;
    if (extra <= b->cap - b->len) return true;
    int64_t cap = b->cap ? b->cap * 2 : 64;
    while (cap - b->len < extra) cap *= 2;
    unsigned char *n = realloc(b->p, (size_t)cap);
    if (!n) {
        b->oom = true;
        return false;
    }
    b->p = n;
    b->cap = cap;
    return true;
}

static void bb_add(bbuf *b, const void *p, int64_t n) {
    if (n <= 0 || !bb_reserve(b, n)) return;
    memcpy(b->p + b->len, p, (size_t)n);
    b->len += n;
}

static void bb_addc(bbuf *b, unsigned char c) { bb_add(b, &c, 1); }

static ai_value bb_finish(bbuf *b) {
    ai_value r = 0;
    if (b->oom)
        r = exc_nomem();
    else {
        r = bytes_new_raw(b->len);
        if (r && b->len) memcpy(bytes_data_of(r), b->p, (size_t)b->len);
    }
    free(b->p);
    return r;
}

static void utf8_put(bbuf *b, uint32_t c) {
    unsigned char t[4];
    int n;
    if (c < 0x80)
        t[0] = (unsigned char)c, n = 1;
    else if (c < 0x800)
        t[0] = (unsigned char)(0xC0 | (c >> 6)), t[1] = (unsigned char)(0x80 | (c & 0x3F)), n = 2;
    else if (c < 0x10000)
        t[0] = (unsigned char)(0xE0 | (c >> 12)), t[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F)),
        t[2] = (unsigned char)(0x80 | (c & 0x3F)), n = 3;
    else
        t[0] = (unsigned char)(0xF0 | (c >> 18)), t[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F)),
        t[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F)), t[3] = (unsigned char)(0x80 | (c & 0x3F)),
        n = 4;
    bb_add(b, t, n);
}

/* One character in a wide codec: UTF-16 code units (a pair above the
 * BMP; a lone surrogate as itself) or a UTF-32 unit, in the codec's byte
 * order (the BOM-less forms are little-endian, as on CPython's hosts). */
static void wide_unit(bbuf *b, int codec, uint32_t u) {
    unsigned char t[4];
    bool be = codec == ENC_UTF16BE || codec == ENC_UTF32BE;
    int n = enc_utf32(codec) ? 4 : 2;
    for (int k = 0; k < n; k++) t[be ? n - 1 - k : k] = (unsigned char)(u >> (8 * k));
    bb_add(b, t, n);
}

static void wide_put(bbuf *b, int codec, uint32_t c) {
    if (!enc_utf32(codec) && c >= 0x10000) {
        c -= 0x10000;
        wide_unit(b, codec, 0xD800 | (c >> 10));
        wide_unit(b, codec, 0xDC00 | (c & 0x3FF));
        return;
    }
    wide_unit(b, codec, c);
}

ai_value text_encode(ai_value sv, const char *encoding, const char *errors) {
    int codec = codec_of(encoding);
    if (codec == ENC_UNKNOWN)
        return ai_raise_fmt(&ai_exc_LookupError, "unknown encoding: %s", encoding);
    ai_strobj *s = str_obj(sv);
    bool wide = enc_wide(codec);
    if (s->ascii && !wide) {
        ai_value r = bytes_new_raw(s->len);
        if (r && s->len) memcpy(bytes_data_of(r), str_data(s), (size_t)s->len);
        return r;
    }
    uint32_t limit = codec == ENC_ASCII ? 128 : codec == ENC_LATIN1 ? 256 : 0x110000;
    bool unicode = codec == ENC_UTF8 || wide;   /* only surrogates are unencodable */
    int err = errors_of(errors);
    bbuf b = {0};
    if (codec == ENC_UTF16) wide_unit(&b, codec, 0xFEFF);   /* the BOM, little-endian */
    if (codec == ENC_UTF32) wide_unit(&b, codec, 0xFEFF);
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = str_char(s, i);
        bool bad = unicode ? (c >= 0xD800 && c <= 0xDFFF) : c >= limit;
        if (!bad) {
            if (codec == ENC_UTF8)
                utf8_put(&b, c);
            else if (wide)
                wide_put(&b, codec, c);
            else
                bb_addc(&b, (unsigned char)c);
            continue;
        }
        /* The run of characters this codec cannot encode. */
        int64_t j = i + 1;
        while (j < s->len) {
            uint32_t d = str_char(s, j);
            if (unicode ? !(d >= 0xD800 && d <= 0xDFFF) : d < limit) break;
            j++;
        }
        if (err == ERR_SURROGATEESCAPE && wide) err = ERR_STRICT;
        if (err == ERR_SURROGATEESCAPE) {
            /* Only U+DC80..U+DCFF stand for bytes: a run holding anything
             * else fails as a whole, as CPython's handler refuses it. */
            int64_t k = i;
            while (k < j && str_char(s, k) >= 0xDC80 && str_char(s, k) <= 0xDCFF) k++;
            if (k == j) {
                for (k = i; k < j; k++) bb_addc(&b, (unsigned char)(str_char(s, k) - 0xDC00));
                i = j - 1;
                continue;
            }
            err = ERR_STRICT;
        }
        if (err == ERR_SURROGATEPASS && unicode) {
            for (int64_t k = i; k < j; k++) {
                if (wide) wide_unit(&b, codec, str_char(s, k));
                else utf8_put(&b, str_char(s, k));
            }
            i = j - 1;
            continue;
        }
        if (err == ERR_STRICT || err == ERR_UNKNOWN || err == ERR_SURROGATEPASS) {
            free(b.p);
            if (err == ERR_UNKNOWN) return unknown_handler(errors);
            const char *why = unicode              ? "surrogates not allowed"
                              : codec == ENC_ASCII ? "ordinal not in range(128)"
                                                   : "ordinal not in range(256)";
            strbuf m;
            sb_init(&m);
            if (j - i == 1) {
                sb_printf(&m, "'%s' codec can't encode character '", codec_name(codec));
                esc_char(&m, c);
                sb_printf(&m, "' in position %lld: %s", (long long)i, why);
            } else {
                sb_printf(&m, "'%s' codec can't encode characters in position %lld-%lld: %s",
                          codec_name(codec), (long long)i, (long long)(j - 1), why);
            }
            ai_value msg = sb_finish(&m);
            if (!msg) return AI_ERR;
            ai_value args = ai_tuple_pack(&msg, 1);
            return args ? exc_raise_args(&ai_exc_UnicodeEncodeError, args) : AI_ERR;
        }
        for (int64_t k = i; k < j; k++) {
            uint32_t d = str_char(s, k);
            char tmp[16];
            int n = 0;
            switch (err) {
            case ERR_IGNORE: break;
            case ERR_REPLACE: tmp[n++] = '?'; break;
            case ERR_BACKSLASH:
                n = snprintf(tmp, sizeof tmp,
                             d < 0x100 ? "\\x%02x" : d < 0x10000 ? "\\u%04x" : "\\U%08x", d);
                break;
            default: n = snprintf(tmp, sizeof tmp, "&#%u;", d); break;
            }
            if (wide)
                for (int k = 0; k < n; k++) wide_put(&b, codec, (unsigned char)tmp[k]);
            else
                bb_add(&b, tmp, n);
        }
        i = j - 1;
    }
    return bb_finish(&b);
}

/* Length of the valid UTF-8 prefix of an encoded character at p (< end):
 * returns the sequence length when complete and valid; else sets *bad to
 * the number of bytes making up the maximal invalid subpart, and *eod when
 * the data ended inside an otherwise valid sequence. */
static int utf8_check(const unsigned char *p, const unsigned char *end, int *bad, bool *eod) {
    unsigned c = p[0];
    *eod = false;
    int need;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *bad = 1;
        return 0;
    }
    for (int k = 1; k <= need; k++) {
        if (p + k >= end) {
            *bad = k;
            *eod = true;
            return 0;
        }
        unsigned d = p[k];
        if (d < lo || d > hi) {
            *bad = k;
            return 0;
        }
        lo = 0x80, hi = 0xBF;
    }
    return need + 1;
}

/* The error handlers' part of a decoder, for the badn bytes at p[i]:
 * 0 go on past them, -1 error raised. */
static int decode_bad(ubuf *b, int err, const char *errors, const char *codec, const unsigned char *p, int64_t i,
                      int badn, const char *why) {
    switch (err) {
    case ERR_IGNORE: return 0;
    case ERR_REPLACE: ub_addc(b, 0xFFFD); return 0;
    case ERR_BACKSLASH:
        for (int k = 0; k < badn; k++) {
            char t[8];
            snprintf(t, sizeof t, "\\x%02x", p[i + k]);
            ub_adds(b, t);
        }
        return 0;
    case ERR_SURROGATEESCAPE:
        for (int k = 0; k < badn; k++) ub_addc(b, 0xDC00 + p[i + k]);
        return 0;
    default: break;
    }
    if (err == ERR_UNKNOWN || err == ERR_XMLREF) {
        unknown_handler(errors);
        return -1;
    }
    strbuf m;
    sb_init(&m);
    if (badn == 1)
        sb_printf(&m, "'%s' codec can't decode byte 0x%02x in position %lld: %s", codec, p[i], (long long)i, why);
    else
        sb_printf(&m, "'%s' codec can't decode bytes in position %lld-%lld: %s", codec, (long long)i,
                  (long long)(i + badn - 1), why);
    ai_value msg = sb_finish(&m);
    ai_value args = msg ? ai_tuple_pack(&msg, 1) : 0;
    if (args) exc_raise_args(&ai_exc_UnicodeDecodeError, args);
    return -1;
}

/* UTF-16 and UTF-32: a BOM picks the byte order of "utf-16"/"utf-32"
 * (little-endian without one; errors then name the -le/-be codec). */
static ai_value decode_wide(const unsigned char *p, int64_t n, int codec, const char *errors) {
    bool u32 = enc_utf32(codec);
    bool be = codec == ENC_UTF16BE || codec == ENC_UTF32BE;
    int64_t i = 0;
    if (codec == ENC_UTF16 && n >= 2) {
        if (p[0] == 0xFF && p[1] == 0xFE) i = 2;
        else if (p[0] == 0xFE && p[1] == 0xFF) i = 2, be = true;
    }
    if (codec == ENC_UTF32 && n >= 4) {
        if (p[0] == 0xFF && p[1] == 0xFE && !p[2] && !p[3]) i = 4;
        else if (!p[0] && !p[1] && p[2] == 0xFE && p[3] == 0xFF) i = 4, be = true;
    }
    const char *name = codec_name(u32 ? (be ? ENC_UTF32BE : ENC_UTF32LE) : (be ? ENC_UTF16BE : ENC_UTF16LE));
    int err = errors_of(errors);
    int w = u32 ? 4 : 2;
    ubuf b;
    ub_init(&b);
    while (i < n) {
        int badn = 0;
        const char *why = NULL;
        if (n - i < w) {
            badn = (int)(n - i);
            why = "truncated data";
        } else {
            uint32_t u = 0;
            for (int k = 0; k < w; k++) u |= (uint32_t)p[i + (be ? w - 1 - k : k)] << (8 * k);
            if (u32) {
                if (u > 0x10FFFF) why = "code point not in range(0x110000)";
                else if (u >= 0xD800 && u <= 0xDFFF && err != ERR_SURROGATEPASS)
                    why = "code point in surrogate code point range(0xd800, 0xe000)";
                if (why) badn = 4;
                else ub_addc(&b, u), i += 4;
            } else if (u < 0xD800 || u > 0xDFFF) {
                ub_addc(&b, u);
                i += 2;
            } else if (u >= 0xDC00) {
                why = "illegal encoding";
                badn = 2;
            } else if (n - i < 4) {
                why = "unexpected end of data";
                badn = (int)(n - i);
            } else {
                uint32_t u2 = be ? (uint32_t)p[i + 2] << 8 | p[i + 3] : (uint32_t)p[i + 3] << 8 | p[i + 2];
                if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
                    ub_addc(&b, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
                    i += 4;
                } else {
                    why = "illegal UTF-16 surrogate";
                    badn = 2;
                }
            }
            if (why && !u32 && err == ERR_SURROGATEPASS && badn == 2) {
                ub_addc(&b, u);
                i += 2;
                continue;
            }
        }
        if (!why) continue;
        if (decode_bad(&b, err, errors, name, p, i, badn, why) < 0) {
            ub_free(&b);
            return AI_ERR;
        }
        i += badn;
    }
    return ub_finish(&b);
}

ai_value text_decode(const unsigned char *p, int64_t n, const char *encoding, const char *errors) {
    int codec = codec_of(encoding);
    if (codec == ENC_UNKNOWN)
        return ai_raise_fmt(&ai_exc_LookupError, "unknown encoding: %s", encoding);
    if (enc_wide(codec)) return decode_wide(p, n, codec, errors);
    int64_t i = 0;
    while (i < n && p[i] < 0x80) i++;
    if (i == n) return str_from_ascii((const char *)p, n);
    if (codec == ENC_LATIN1) return str_from_latin1(p, n);
    if (codec == ENC_UTF8 && errors_of(errors) == ERR_STRICT) {
        /* Valid input is the common case: check, then decode in one go. */
        int64_t k = i;
        while (k < n) {
            int bad;
            bool eod;
            int len = utf8_check(p + k, p + n, &bad, &eod);
            if (!len) break;
            k += len;
        }
        if (k == n) return str_from_utf8((const char *)p, n);
    }
    int err = errors_of(errors);
    ubuf b;
    ub_init(&b);
    for (i = 0; i < n;) {
        int len, badn = 1;
        bool eod = false;
        const char *why;
        if (codec == ENC_ASCII) {
            len = p[i] < 0x80;
            why = "ordinal not in range(128)";
        } else {
            len = utf8_check(p + i, p + n, &badn, &eod);
            why = eod ? "unexpected end of data"
                      : (badn == 1 && (p[i] < 0xC2 || p[i] > 0xF4)) ? "invalid start byte"
                                                                  : "invalid continuation byte";
        }
        if (len) {
            if (len == 1) {
                ub_addc(&b, p[i]);
            } else {
                uint32_t c = p[i] & (0x7F >> len);
                for (int k = 1; k < len; k++) c = (c << 6) | (p[i + k] & 0x3F);
                ub_addc(&b, c);
            }
            i += len;
            continue;
        }
        switch (err) {
        case ERR_IGNORE: break;
        case ERR_REPLACE: ub_addc(&b, 0xFFFD); break;
        case ERR_BACKSLASH:
            for (int k = 0; k < badn; k++) {
                char t[8];
                snprintf(t, sizeof t, "\\x%02x", p[i + k]);
                ub_adds(&b, t);
            }
            break;
        case ERR_SURROGATEESCAPE:
            for (int k = 0; k < badn; k++) ub_addc(&b, 0xDC00 + p[i + k]);
            break;
        default: {
            ub_free(&b);
            if (err == ERR_UNKNOWN || err == ERR_XMLREF) return unknown_handler(errors);
            strbuf m;
            sb_init(&m);
            if (badn == 1)
                sb_printf(&m, "'%s' codec can't decode byte 0x%02x in position %lld: %s",
                          codec_name(codec), p[i], (long long)i, why);
            else
                sb_printf(&m, "'%s' codec can't decode bytes in position %lld-%lld: %s",
                          codec_name(codec), (long long)i, (long long)(i + badn - 1), why);
            ai_value msg = sb_finish(&m);
            if (!msg) return AI_ERR;
            ai_value args = ai_tuple_pack(&msg, 1);
            return args ? exc_raise_args(&ai_exc_UnicodeDecodeError, args) : AI_ERR;
        }
        }
        i += badn;
    }
    return ub_finish(&b);
}

int text_codec_args(const char *fname, ai_value enc, ai_value errs, const char **e,
                    const char **r) {
    *e = *r = NULL;
    if (enc) {
        if (!str_check(enc)) {
            ai_raise_fmt(&ai_exc_TypeError, "%s() argument 'encoding' must be str, not %s", fname,
                         obj_type_name(enc));
            return -1;
        }
        if (!(*e = str_utf8(enc, NULL))) return -1;
    }
    if (errs) {
        if (!str_check(errs)) {
            ai_raise_fmt(&ai_exc_TypeError, "%s() argument 'errors' must be str, not %s", fname,
                         obj_type_name(errs));
            return -1;
        }
        if (!(*r = str_utf8(errs, NULL))) return -1;
    }
    return 0;
}

static ai_value m_encode(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    static const char *const kws[] = {"encoding", "errors"};
    ARGS(spec, "encode", ARGS_KW, 0, 2, kws);
    ai_value a[2];
    const char *enc, *err;
    if (text_args(&spec, args, nargs, kw, a) < 0 ||
        text_codec_args("encode", a[0], a[1], &enc, &err) < 0)
        return AI_ERR;
    return text_encode(self, enc, err);
}

/* ---- format and friends ------------------------------------------------------- */

static ai_value m_format_spec(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ARGS(spec, "__format__", ARGS_ONE, 1, 1, NULL);
    ai_value a[1];
    if (text_args(&spec, args, nargs, kw, a) < 0) return AI_ERR;
    if (!str_check(a[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "__format__() argument must be str, not %s",
                            obj_type_name(a[0]));
    return fmt_str(self, a[0]);
}

static ai_value m_getnewargs(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    ARGS(spec, "__getnewargs__", ARGS_NONE, 0, 0, NULL);
    if (text_args(&spec, args, nargs, kw, NULL) < 0) return AI_ERR;
    ai_value s = cls_exact_result(self, self, 0);
    return s ? ai_tuple_pack(&s, 1) : AI_ERR;
}

#define M(name, fn) {name, fn, &ai_str_type, 0}
const ai_method_def str_methods[] = {
    M("capitalize", m_capitalize),
    M("casefold", m_casefold),
    M("center", m_center),
    M("count", m_count),
    M("encode", m_encode),
    M("endswith", m_endswith),
    M("expandtabs", m_expandtabs),
    M("find", m_find),
    {"format", fmt_str_format, &ai_str_type, AI_METH_KEEPS_SELF},
    {"format_map", fmt_str_format_map, &ai_str_type, AI_METH_KEEPS_SELF},
    M("index", m_index),
    M("isalnum", m_isalnum),
    M("isalpha", m_isalpha),
    M("isascii", m_isascii),
    M("isdecimal", m_isdecimal),
    M("isdigit", m_isdigit),
    M("isidentifier", m_isidentifier),
    M("islower", m_islower),
    M("isnumeric", m_isnumeric),
    M("isprintable", m_isprintable),
    M("isspace", m_isspace),
    M("istitle", m_istitle),
    M("isupper", m_isupper),
    M("join", m_join),
    M("ljust", m_ljust),
    M("lower", m_lower),
    M("lstrip", m_lstrip),
    {"maketrans", m_maketrans, &ai_str_type, AI_METH_STATIC},
    M("partition", m_partition),
    M("removeprefix", m_removeprefix),
    M("removesuffix", m_removesuffix),
    M("replace", m_replace),
    M("rfind", m_rfind),
    M("rindex", m_rindex),
    M("rjust", m_rjust),
    M("rpartition", m_rpartition),
    M("rsplit", m_rsplit),
    M("rstrip", m_rstrip),
    M("split", m_split),
    M("splitlines", m_splitlines),
    M("startswith", m_startswith),
    M("strip", m_strip),
    M("swapcase", m_swapcase),
    M("title", m_title),
    M("translate", m_translate),
    M("upper", m_upper),
    M("zfill", m_zfill),
    M("__format__", m_format_spec),
    M("__getnewargs__", m_getnewargs),
    {NULL, NULL, NULL, 0},
};
