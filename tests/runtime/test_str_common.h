/*
 * tests/runtime/test_str_common.h — the table runner shared by the text
 * unit tests (test_str_methods.c, test_fmt.c, test_bytes.c).
 *
 * gen_text_cases.py writes, from CPython 3.11, rows of
 *   {kind, receiver, name, args, kwargs, expected}
 * with values in a small encoding (see the generator's docstring). This
 * header decodes the values into runtime objects, performs the operation
 * (method call, subscript, format(), %, builtin call, operator, repr) and
 * compares repr(result), or "!Type: message", with what CPython printed.
 */
#ifndef TEST_STR_COMMON_H
#define TEST_STR_COMMON_H

#include "check.h"

#include <stdint.h>

struct text_case {
    const char *kind, *recv, *name, *args, *kw, *want;
};

static ai_value dec(const char **pp);

static int64_t dec_len(const char **pp) {
    char *end;
    int64_t n = strtoll(*pp, &end, 10);
    *pp = end + 1; /* the ':' */
    return n;
}

static ai_value dec_seq(const char **pp, char close, ai_value *items, int64_t *n) {
    *n = 0;
    while (**pp != close) {
        ai_value v = dec(pp);
        if (!v) return AI_ERR;
        items[(*n)++] = v;
    }
    (*pp)++;
    return AI_TRUE;
}

static ai_value dec(const char **pp) {
    const char *p = *pp;
    char c = *p++;
    *pp = p;
    switch (c) {
    case 'n': return AI_NONE;
    case 'T': return AI_TRUE;
    case 'F': return AI_FALSE;
    case 'i': {
        const char *semi = strchr(p, ';');
        size_t n = (size_t)(semi - p);
        char *buf = malloc(n + 1);
        memcpy(buf, p, n);
        buf[n] = 0;
        *pp = semi + 1;
        ai_value v = ai_const_int(buf);
        free(buf);
        return v;
    }
    case 'f': {
        char hex[17];
        memcpy(hex, p, 16);
        hex[16] = 0;
        *pp = p + 16;
        uint64_t bits = strtoull(hex, NULL, 16);
        double d;
        memcpy(&d, &bits, sizeof d);
        return ai_float_box(d);
    }
    case 's': {
        int64_t n = dec_len(pp);
        ai_value v = str_from_utf8(*pp, n);
        *pp += n;
        return v;
    }
    case 'y':
    case 'Y': {
        int64_t n = dec_len(pp);
        ai_value b = bytes_from(*pp, n, false);
        *pp += n;
        if (c == 'Y') {
            ai_value t = ai_builtin("bytearray");
            return ai_call(t, &b, 1, 0);
        }
        return b;
    }
    case 't': {
        const char *semi = strchr(p, ';');
        char buf[64];
        size_t n = (size_t)(semi - p);
        memcpy(buf, p, n);
        buf[n] = 0;
        *pp = semi + 1;
        return ai_builtin(buf);
    }
    case 'S': {
        ai_value a = dec(pp), b = dec(pp), s = dec(pp);
        return ai_slice_new(a, b, s);
    }
    case '(':
    case '[':
    case '{': {
        ai_value items[512];
        int64_t n;
        if (!dec_seq(pp, c == '(' ? ')' : c == '[' ? ']' : '}', items, &n)) return AI_ERR;
        if (c == '(') return ai_tuple_pack(items, n);
        if (c == '[') return ai_list_new(items, n);
        return ai_dict_new(items, n / 2);
    }
    }
    fprintf(stderr, "bad encoding at [%s]\n", p - 1);
    abort();
}

static ai_value dec_str(const char *s) {
    const char *p = s;
    return dec(&p);
}

static ai_value run_case(const struct text_case *c) {
    ai_value recv = dec_str(c->recv);
    ai_value args = dec_str(c->args);
    if (!recv || !args) return AI_ERR;
    switch (c->kind[0]) {
    case 'M':
    case 'C': {
        /* Positional args then keyword values; kwnames a tuple of str. */
        ai_value kw = dec_str(c->kw);
        ai_value argv[32];
        int64_t n = 0;
        ai_tuple *t = tuple_obj(args);
        for (int64_t i = 0; i < t->len; i++) argv[n++] = t->items[i];
        ai_value kwnames = 0;
        if (kw != AI_NONE && ai_truthy(kw) == 1) {
            ai_value names[16];
            int64_t k = 0;
            ai_value it = ai_iter(kw), key;
            while (ai_for_next(it, &key) == 1) {
                names[k++] = key;
                argv[n++] = ai_getitem(kw, key);
            }
            kwnames = ai_tuple_pack(names, k);
        }
        int64_t npos = t->len;
        if (c->kind[0] == 'C') return ai_call(ai_builtin(c->name), argv, npos, kwnames);
        return ai_call_method(recv, str_from_cstr(c->name), argv, npos, kwnames, NULL);
    }
    case 'G': return ai_getitem(recv, args);
    case 'F': return ai_format(recv, args);
    case '%': return ai_mod(recv, args);
    case 'R': return recv;
    case 'O': {
        const char *op = c->name;
        if (!strcmp(op, "+")) return ai_add(recv, args);
        if (!strcmp(op, "*")) return ai_mul(recv, args);
        if (!strcmp(op, "%")) return ai_mod(recv, args);
        if (!strcmp(op, "==")) return ai_compare(recv, args, AI_CMP_EQ);
        if (!strcmp(op, "<")) return ai_compare(recv, args, AI_CMP_LT);
        if (!strcmp(op, "in")) {
            int32_t r = ai_contains(args, recv);
            return r < 0 ? AI_ERR : ai_bool(r);
        }
        break;
    }
    }
    fprintf(stderr, "bad case kind %s\n", c->kind);
    abort();
}

/* repr(v), or "!Type: str(exc)" through the exception's own __str__
 * (KeyError shows its key's repr, as CPython prints it). */
static const char *outcome_text(ai_value v) {
    if (v) return R(v);
    ai_value e = ai_exc_fetch();
    static char buf[1024];
    ai_value m = e ? ai_str(e) : 0;
    const char *ms = m ? str_utf8(m, NULL) : "<str failed>";
    if (ms && *ms)
        snprintf(buf, sizeof buf, "!%s: %s", obj_type_name(e), ms);
    else
        snprintf(buf, sizeof buf, "!%s", obj_type_name(e));
    return buf;
}

/* Run every case of the table; report mismatches with the case itself. */
static void run_cases(const struct text_case *cases, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const struct text_case *c = &cases[i];
        const char *got = outcome_text(run_case(c));
        check_count++;
        if (strcmp(got, c->want) != 0) {
            check_failures++;
            if (check_failures <= 200)
                fprintf(stderr, "case %zu %s recv=[%s] name=%s args=[%s] kw=[%s]:\n  got  [%s]\n  want [%s]\n",
                        i, c->kind, c->recv, c->name, c->args, c->kw, got, c->want);
        }
    }
}

#endif
