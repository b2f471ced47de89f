/*
 * modules/modjson.c — `_json`: the fast paths of stdlib/json.
 *
 *   encode(o, sort_keys, item_sep, key_sep, ensure_ascii, indent)
 *       the JSON text of o, or None;
 *   scan(s, idx)
 *       (value, end) of the JSON document starting at s[idx], or None.
 *
 * Both handle only the plain case and answer None for everything else,
 * before any Python code has run: stdlib/json then does the whole job
 * again in Python, which is where every error, hook and rare option
 * (default(), subclasses of the builtin types, non-str keys with
 * sort_keys, NaN with allow_nan=False, circular or very deep data, an
 * invalid document and its JSONDecodeError) is handled, once, with
 * CPython's behaviour. So this file never raises a JSON error of its own
 * and never decides one: a None is always safe, a result must be exactly
 * what the Python code would have produced.
 *
 * The plain case: exact dict, list, tuple, str, int, float (finite), bool
 * and None; dict keys of those scalar types (a str key when sort_keys);
 * nesting below depth_bound() (200, or less under a low recursion limit). A document: strict strings (no raw control
 * characters), numbers, true/false/null, NaN/Infinity/-Infinity.
 */
#include "modules/modutil.h"
#include "objects/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Deeper data goes the Python way, which counts the recursion limit as
 * CPython does: this bound stays below where that way could raise. */
enum { MAX_DEPTH = 200, LIMIT_MARGIN = 20 };

static int depth_bound(void) {
    int64_t lim = sys_recursion_limit() - LIMIT_MARGIN;
    return lim < 0 ? 0 : lim < MAX_DEPTH ? (int)lim : MAX_DEPTH;
}

/* ---- encoding -------------------------------------------------------------------- */

typedef struct {
    strbuf b;
    int max_depth;
    bool sort_keys, ensure_ascii;
    ai_value item_sep, key_sep, indent; /* str; indent 0 when None */
} enc;

static bool is_exact_int(ai_value v) { return ai_is_smallint(v) || obj_is_type(v, &ai_int_type); }

static void put_hex4(strbuf *b, uint32_t u) {
    static const char hex[] = "0123456789abcdef";
    char t[6] = {'\\', 'u', hex[(u >> 12) & 15], hex[(u >> 8) & 15], hex[(u >> 4) & 15], hex[u & 15]};
    sb_add(b, t, 6);
}

static void put_string(enc *e, ai_value s) {
    ai_strobj *so = str_obj(s);
    strbuf *b = &e->b;
    sb_add(b, "\"", 1);
    int64_t run = 0; /* ASCII characters not yet copied, ending at i */
    const char *ascii = so->ascii ? str_utf8(s, NULL) : NULL;
    for (int64_t i = 0; i < so->len; i++) {
        uint32_t c = str_char(so, i);
        const char *esc = NULL;
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default: break;
        }
        /* ensure_ascii escapes DEL too (everything outside ' '..'~') */
        if (!esc && c >= 0x20 && c < (e->ensure_ascii ? 0x7fu : 0x80u) && ascii) {
            run++;
            continue;
        }
        if (run) {
            sb_add(b, ascii + i - run, (size_t)run);
            run = 0;
        }
        if (esc) sb_adds(b, esc);
        else if (c < 0x20) put_hex4(b, c);
        else if (c < 0x7f || !e->ensure_ascii) sb_addc(b, c);
        else if (c < 0x10000) put_hex4(b, c);
        else {
            uint32_t n = c - 0x10000;
            put_hex4(b, 0xd800 | (n >> 10));
            put_hex4(b, 0xdc00 | (n & 0x3ff));
        }
    }
    if (run) sb_add(b, ascii + so->len - run, (size_t)run);
    sb_add(b, "\"", 1);
}

/* A scalar's text (not a str): false when o is not plain. */
static bool put_scalar(enc *e, ai_value o) {
    if (o == AI_NONE) sb_add(&e->b, "null", 4);
    else if (o == AI_TRUE) sb_add(&e->b, "true", 4);
    else if (o == AI_FALSE) sb_add(&e->b, "false", 5);
    else if (ai_is_smallint(o)) {
        char buf[24];
        sb_add(&e->b, buf, (size_t)int_small_to_decimal(ai_smallint_get(o), buf));
    }
    else if (obj_is_type(o, &ai_int_type)) {
        ai_value r = int_repr(o);
        if (!r) return false;
        sb_add_str(&e->b, r);
    } else if (obj_is_type(o, &ai_float_type)) {
        double d = float_get(o);
        if (!isfinite(d)) return false; /* allow_nan decides: the Python way */
        char buf[32];
        int n = float_repr_buf(d, buf);
        sb_add(&e->b, buf, (size_t)n);
    } else {
        return false;
    }
    return true;
}

static void newline(enc *e, int level) {
    sb_add(&e->b, "\n", 1);
    for (int i = 0; i < level; i++) sb_add_str(&e->b, e->indent);
}

static bool put_value(enc *e, ai_value o, int level);

static bool put_items(enc *e, const ai_value *items, int64_t n, int level) {
    if (n == 0) {
        sb_add(&e->b, "[]", 2);
        return true;
    }
    sb_add(&e->b, "[", 1);
    if (e->indent) newline(e, level + 1);
    for (int64_t i = 0; i < n; i++) {
        if (i) {
            sb_add_str(&e->b, e->item_sep);
            if (e->indent) newline(e, level + 1);
        }
        if (!put_value(e, items[i], level + 1)) return false;
    }
    if (e->indent) newline(e, level);
    sb_add(&e->b, "]", 1);
    return true;
}

static int cmp_str_keys(const void *a, const void *b) {
    const ai_value *x = a, *y = b;
    ai_strobj *s = str_obj(x[0]), *t = str_obj(y[0]);
    int64_t n = s->len < t->len ? s->len : t->len;
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = str_char(s, i), d = str_char(t, i);
        if (c != d) return c < d ? -1 : 1;
    }
    return s->len < t->len ? -1 : s->len > t->len;
}

static bool put_dict(enc *e, ai_value d, int level) {
    int64_t n = dict_len(d);
    if (n == 0) {
        sb_add(&e->b, "{}", 2);
        return true;
    }
    /* (key, value) pairs, so sorting and a dict changed by nothing here
     * are one path; the values stay reachable from the dict itself. */
    ai_value *kv = malloc((size_t)n * 2 * sizeof *kv);
    if (!kv) return false;
    int64_t pos = 0, k = 0;
    ai_value key, value;
    while (k < n && dict_next(d, &pos, &key, &value, NULL)) {
        kv[2 * k] = key;
        kv[2 * k + 1] = value;
        k++;
    }
    bool ok = true;
    if (e->sort_keys) {
        for (int64_t i = 0; i < k && ok; i++) ok = obj_is_type(kv[2 * i], &ai_str_type);
        if (ok) qsort(kv, (size_t)k, 2 * sizeof *kv, cmp_str_keys);
    }
    if (ok) sb_add(&e->b, "{", 1);
    if (ok && e->indent) newline(e, level + 1);
    for (int64_t i = 0; i < k && ok; i++) {
        if (i) {
            sb_add_str(&e->b, e->item_sep);
            if (e->indent) newline(e, level + 1);
        }
        key = kv[2 * i];
        if (obj_is_type(key, &ai_str_type)) {
            put_string(e, key);
        } else {
            /* int, float, bool, None keys become their JSON text, quoted */
            if (!is_exact_int(key) && key != AI_NONE && key != AI_TRUE && key != AI_FALSE &&
                !obj_is_type(key, &ai_float_type)) {
                ok = false;
                break;
            }
            sb_add(&e->b, "\"", 1);
            ok = put_scalar(e, key);
            sb_add(&e->b, "\"", 1);
            if (!ok) break;
        }
        sb_add_str(&e->b, e->key_sep);
        ok = put_value(e, kv[2 * i + 1], level + 1);
    }
    free(kv);
    if (!ok) return false;
    if (e->indent) newline(e, level);
    sb_add(&e->b, "}", 1);
    return true;
}

static bool put_value(enc *e, ai_value o, int level) {
    if (!ai_is_smallint(o)) {
        const ai_type *t = ai_type_of_obj(ai_obj(o));
        if (t == &ai_str_type) {
            put_string(e, o);
            return true;
        }
        if (t == &ai_list_type || t == &ai_tuple_type || t == &ai_dict_type) {
            if (level >= e->max_depth) return false;
            if (t == &ai_dict_type) return put_dict(e, o, level);
            /* a list may change under us only through Python code, and
             * none runs here: its items are read in place */
            if (t == &ai_list_type) return put_items(e, list_obj(o)->items, list_obj(o)->len, level);
            return put_items(e, tuple_obj(o)->items, tuple_obj(o)->len, level);
        }
    }
    return put_scalar(e, o);
}

static ai_value j_encode(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_pos_range("encode", "encode", nargs, kwnames, 6, 6) < 0) return AI_ERR;
    if (!str_check(args[2]) || !str_check(args[3]) || (args[5] != AI_NONE && !str_check(args[5])))
        return AI_NONE;
    enc e = {.max_depth = depth_bound(),
             .sort_keys = ai_truthy(args[1]) == 1,
             .ensure_ascii = ai_truthy(args[4]) == 1,
             .item_sep = args[2], .key_sep = args[3], .indent = args[5] == AI_NONE ? 0 : args[5]};
    sb_init(&e.b);
    if (!put_value(&e, args[0], 0)) {
        sb_free(&e.b);
        if (exc_pending()) return AI_ERR; /* out of memory */
        return AI_NONE;
    }
    return sb_finish(&e.b);
}
static AI_BUILTIN_FN(bf_encode, "encode", j_encode);

/* ---- decoding -------------------------------------------------------------------- */

typedef struct {
    const ai_strobj *s;
    int64_t i, n;
    int max_depth;
} dec;

static inline uint32_t peek(const dec *d) { return d->i < d->n ? str_char(d->s, d->i) : 0xFFFFFFFFu; }

static void skip_ws(dec *d) {
    while (d->i < d->n) {
        uint32_t c = str_char(d->s, d->i);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        d->i++;
    }
}

static bool match_word(dec *d, const char *w) {
    size_t n = strlen(w);
    if (d->i + (int64_t)n > d->n) return false;
    for (size_t k = 0; k < n; k++)
        if (str_char(d->s, d->i + (int64_t)k) != (unsigned char)w[k]) return false;
    d->i += (int64_t)n;
    return true;
}

static int hexval(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

static int64_t hex4(dec *d) {
    if (d->i + 4 > d->n) return -1;
    int64_t u = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(str_char(d->s, d->i + k));
        if (h < 0) return -1;
        u = u * 16 + h;
    }
    d->i += 4;
    return u;
}

/* A string whose opening quote was consumed; 0 (no exception) when not plain. */
static ai_value scan_string(dec *d, ai_value src) {
    int64_t start = d->i;
    while (d->i < d->n) {
        uint32_t c = str_char(d->s, d->i);
        if (c == '"') {
            ai_value r = str_substr(src, start, d->i);
            d->i++;
            return r;
        }
        if (c == '\\' || c < 0x20) break;
        d->i++;
    }
    if (d->i >= d->n || str_char(d->s, d->i) < 0x20) return 0;
    /* escapes: build it */
    strbuf b;
    sb_init(&b);
    for (int64_t k = start; k < d->i; k++) sb_addc(&b, str_char(d->s, k));
    while (d->i < d->n) {
        uint32_t c = str_char(d->s, d->i++);
        if (c == '"') return sb_finish(&b);
        if (c < 0x20) break;
        if (c != '\\') {
            sb_addc(&b, c);
            continue;
        }
        if (d->i >= d->n) break;
        uint32_t e = str_char(d->s, d->i++);
        switch (e) {
        case '"': sb_add(&b, "\"", 1); continue;
        case '\\': sb_add(&b, "\\", 1); continue;
        case '/': sb_add(&b, "/", 1); continue;
        case 'b': sb_add(&b, "\b", 1); continue;
        case 'f': sb_add(&b, "\f", 1); continue;
        case 'n': sb_add(&b, "\n", 1); continue;
        case 'r': sb_add(&b, "\r", 1); continue;
        case 't': sb_add(&b, "\t", 1); continue;
        case 'u': {
            int64_t u = hex4(d);
            if (u < 0) goto fail;
            if (u >= 0xd800 && u <= 0xdbff && d->i + 6 <= d->n && str_char(d->s, d->i) == '\\' &&
                str_char(d->s, d->i + 1) == 'u') {
                dec save = *d;
                d->i += 2;
                int64_t lo = hex4(d);
                if (lo >= 0xdc00 && lo <= 0xdfff) {
                    sb_addc(&b, (uint32_t)(0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00)));
                    continue;
                }
                *d = save; /* a lone high surrogate, then another escape */
            }
            if (u >= 0xd800 && u <= 0xdfff) goto fail; /* a lone surrogate: the Python way keeps it */
            sb_addc(&b, (uint32_t)u);
            continue;
        }
        default: goto fail;
        }
    }
fail:
    sb_free(&b);
    return 0;
}

static ai_value scan_number(dec *d) {
    int64_t start = d->i;
    bool is_float = false;
    if (peek(d) == '-') d->i++;
    uint32_t c = peek(d);
    if (c == '0') d->i++;
    else if (c >= '1' && c <= '9')
        while ((c = peek(d)) >= '0' && c <= '9') d->i++;
    else return 0;
    if (peek(d) == '.' && d->i + 1 < d->n && (c = str_char(d->s, d->i + 1)) >= '0' && c <= '9') {
        is_float = true;
        d->i++;
        while ((c = peek(d)) >= '0' && c <= '9') d->i++;
    }
    c = peek(d);
    if (c == 'e' || c == 'E') {
        int64_t save = d->i++;
        c = peek(d);
        if (c == '+' || c == '-') d->i++;
        if ((c = peek(d)) >= '0' && c <= '9') {
            is_float = true;
            while ((c = peek(d)) >= '0' && c <= '9') d->i++;
        } else {
            d->i = save; /* "1e" is the number 1 followed by "e" */
        }
    }
    int64_t len = d->i - start;
    char small[64];
    char *buf = len < (int64_t)sizeof small ? small : malloc((size_t)len + 1);
    if (!buf) return 0;
    for (int64_t k = 0; k < len; k++) buf[k] = (char)str_char(d->s, start + k);
    buf[len] = 0;
    ai_value r;
    if (is_float) {
        r = ai_float_box(strtod(buf, NULL));
    } else if (len <= 18) {
        r = ai_smallint(strtoll(buf, NULL, 10));
    } else {
        /* big ints: int()'s parser (its digit limit and error included,
         * as CPython's int() is what json calls) */
        ai_value t = str_from_ascii(buf, len);
        r = t ? int_parse(t, 10) : 0;
        if (!r) exc_clear(); /* the Python way raises it, word for word */
    }
    if (buf != small) free(buf);
    return r;
}

static ai_value scan_value(dec *d, ai_value src, int depth);

static ai_value scan_array(dec *d, ai_value src, int depth) {
    ai_value l = ai_list_new(NULL, 0);
    if (!l) return 0;
    skip_ws(d);
    if (peek(d) == ']') {
        d->i++;
        return l;
    }
    for (;;) {
        skip_ws(d);
        ai_value v = scan_value(d, src, depth + 1);
        if (!v || ai_list_append(l, v) < 0) return 0;
        skip_ws(d);
        uint32_t c = peek(d);
        d->i++;
        if (c == ']') return l;
        if (c != ',') return 0;
    }
}

static ai_value scan_object(dec *d, ai_value src, int depth) {
    ai_value o = dict_new();
    if (!o) return 0;
    skip_ws(d);
    if (peek(d) == '}') {
        d->i++;
        return o;
    }
    for (;;) {
        skip_ws(d);
        if (peek(d) != '"') return 0;
        d->i++;
        ai_value k = scan_string(d, src);
        if (!k) return 0;
        skip_ws(d);
        if (peek(d) != ':') return 0;
        d->i++;
        skip_ws(d);
        ai_value v = scan_value(d, src, depth + 1);
        if (!v || dict_set(o, k, v) < 0) return 0;
        skip_ws(d);
        uint32_t c = peek(d);
        d->i++;
        if (c == '}') return o;
        if (c != ',') return 0;
    }
}

static ai_value scan_value(dec *d, ai_value src, int depth) {
    if (depth >= d->max_depth) return 0;
    uint32_t c = peek(d);
    switch (c) {
    case '"':
        d->i++;
        return scan_string(d, src);
    case '{':
        d->i++;
        return scan_object(d, src, depth);
    case '[':
        d->i++;
        return scan_array(d, src, depth);
    case 't': return match_word(d, "true") ? AI_TRUE : 0;
    case 'f': return match_word(d, "false") ? AI_FALSE : 0;
    case 'n': return match_word(d, "null") ? AI_NONE : 0;
    case 'N': return match_word(d, "NaN") ? ai_float_box(NAN) : 0;
    case 'I': return match_word(d, "Infinity") ? ai_float_box(INFINITY) : 0;
    case '-':
        if (d->i + 1 < d->n && str_char(d->s, d->i + 1) == 'I')
            return match_word(d, "-Infinity") ? ai_float_box(-INFINITY) : 0;
        return scan_number(d);
    default: return scan_number(d);
    }
}

static ai_value j_scan(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_pos_range("scan", "scan", nargs, kwnames, 2, 2) < 0) return AI_ERR;
    if (!obj_is_type(args[0], &ai_str_type) || !ai_is_smallint(args[1])) return AI_NONE;
    dec d = {.s = str_obj(args[0]), .i = ai_smallint_get(args[1]), .n = str_obj(args[0])->len,
             .max_depth = depth_bound()};
    if (d.i < 0 || d.i > d.n) return AI_NONE;
    ai_value v = scan_value(&d, args[0], 0);
    if (!v) {
        /* not plain, or invalid: the Python way (an out-of-memory error
         * is the only exception that stays) */
        if (exc_pending() && !exc_pending_is(&ai_exc_MemoryError)) exc_clear();
        return exc_pending() ? AI_ERR : AI_NONE;
    }
    ai_value pair[2] = {v, ai_smallint(d.i)};
    return ai_tuple_pack(pair, 2);
}
static AI_BUILTIN_FN(bf_scan, "scan", j_scan);

static int init(ai_value m) { return mod_add_fn(m, &bf_encode) < 0 || mod_add_fn(m, &bf_scan) < 0 ? -1 : 0; }

const mod_def mod_json = {"_json", init};
