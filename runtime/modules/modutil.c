/*
 * modules/modutil.c — shared helpers of the C modules: argument parsing
 * with CPython's wordings, Python-style signatures bound by ai_bind_args,
 * struct sequences (named tuples with a fixed set of fields), GMP bridges
 * for big ints, and GC roots for module state. See modutil.h.
 *
 * Why struct sequences are tuples: CPython's sys.version_info and
 * time.struct_time ARE tuples (indexing, slicing, comparison with plain
 * tuples, unpacking), so the type borrows tuple's whole slot table and
 * only adds field names, its own repr, and room for hidden fields.
 *
 * Why signatures go through ai_bind_args: random's functions are Python
 * functions in CPython; their argument errors must read exactly like those
 * of a compiled def, and call.c already words them so.
 *
 * Not handled: struct sequences with more than MU_SEQ_MAX fields, pickling
 * (__reduce__), keyword arguments to a struct sequence's constructor.
 */
#include "modules/modutil.h"

#include <stdlib.h>

/* ---- arguments ------------------------------------------------------------------ */

ai_value mu_dunder(ai_value v, const char *name, bool *found) {
    *found = false;
    if (ai_is_smallint(v) || !(ai_type_of_obj(ai_obj(v))->flags & AI_TF_HEAPTYPE)) return AI_NONE;
    ai_value n = str_from_cstr(name);
    if (!n) return AI_ERR;
    ai_value m = ai_getattr(v, n);
    if (!m) {
        if (!exc_pending_is(&ai_exc_AttributeError)) return AI_ERR;
        exc_clear();
        return AI_NONE;
    }
    *found = true;
    return ai_call(m, NULL, 0, 0);
}

bool mu_real(ai_value v, double *out) {
    bool is_number;
    if (float_coerce(v, out, &is_number)) return true;
    if (is_number) return false;
    /* A user class converts through __float__, else __index__. */
    bool found;
    ai_value r = mu_dunder(v, "__float__", &found);
    if (!r) return false;
    if (found) {
        if (!float_check(r)) {
            ai_raise_fmt(&ai_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                         obj_type_name(v), obj_type_name(r));
            return false;
        }
        *out = float_get(r);
        return true;
    }
    if (!(r = mu_dunder(v, "__index__", &found))) return false;
    if (found) {
        if (!int_check(r)) {
            ai_raise_fmt(&ai_exc_TypeError, "__index__ returned non-int (type %s)",
                         obj_type_name(r));
            return false;
        }
        return int_to_double(r, out);
    }
    ai_raise_fmt(&ai_exc_TypeError, "must be real number, not %s", obj_type_name(v));
    return false;
}

ai_value mu_index(ai_value v) {
    if (ai_is_smallint(v)) return v;
    if (int_check(v)) return int_unbool(v);
    ai_unaryfunc ix = obj_slots(v)->index;
    if (!ix)
        return ai_raise_fmt(&ai_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                            obj_type_name(v));
    return ix(v);
}

int mu_no_args(const char *fname, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs(fname, kwnames) < 0) return -1;
    return call_exact_args(fname, nargs, 0);
}

int mu_one_arg(const char *fname, int64_t nargs, ai_value kwnames) {
    if (call_no_kwargs(fname, kwnames) < 0) return -1;
    return call_exact_args(fname, nargs, 1);
}

int mu_pos_range(const char *kwfname, const char *name, int64_t nargs, ai_value kwnames,
                 int64_t min, int64_t max) {
    if (call_no_kwargs(kwfname, kwnames) < 0) return -1;
    return map_arg_range(name, nargs, min, max);
}

static bool name_eq(ai_value s, const char *name) {
    int64_t n;
    const char *p = str_utf8(s, &n);
    return p && (size_t)n == strlen(name) && memcmp(p, name, (size_t)n) == 0;
}

static int positional_count_error(const mu_clinic *c, const char *which, int count, int64_t given) {
    ai_raise_fmt(&ai_exc_TypeError, "%s() takes %s %d positional argument%s (%lld given)", c->fname,
                 which, count, count == 1 ? "" : "s", (long long)given);
    return -1;
}

int mu_parse(const mu_clinic *c, const ai_value *args, int64_t nargs, ai_value kwnames,
             ai_value *out) {
    int total = c->npos + c->nkwonly;
    if (nargs > c->npos) {
        if (c->npos == 0) {
            ai_raise_fmt(&ai_exc_TypeError, "%s() takes no positional arguments", c->fname);
            return -1;
        }
        return positional_count_error(c, c->minpos < c->npos ? "at most" : "exactly", c->npos, nargs);
    }
    for (int i = 0; i < total; i++) out[i] = i < nargs ? args[i] : 0;
    if (nargs < c->nposonly && nargs < c->minpos)
        return positional_count_error(c, c->minpos < c->npos ? "at least" : "exactly", c->minpos,
                                      nargs);
    ai_value unknown = 0;
    int dup = -1;
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    for (int64_t k = 0; k < nkw; k++) {
        ai_value kn = tuple_obj(kwnames)->items[k];
        int j = c->nposonly;
        while (j < total && !name_eq(kn, c->names[j])) j++;
        if (j == total) {
            if (!unknown) unknown = kn;
        } else if (j < nargs) {
            if (dup < 0) dup = j;
        } else {
            out[j] = args[nargs + k];
        }
    }
    for (int i = (int)nargs; i < total; i++) {
        if (out[i]) continue;
        if (i < c->minpos) {
            if (i < c->nposonly)
                return positional_count_error(c, c->minpos < c->npos ? "at least" : "exactly",
                                              c->minpos, nargs);
            ai_raise_fmt(&ai_exc_TypeError, "%s() missing required argument '%s' (pos %d)",
                         c->fname, c->names[i], i + 1);
            return -1;
        }
        if (i >= c->npos && ((c->kwreq >> (i - c->npos)) & 1)) {
            ai_raise_fmt(&ai_exc_TypeError, "%s() missing required keyword-only argument '%s'",
                         c->fname, c->names[i]);
            return -1;
        }
    }
    if (dup >= 0) {
        ai_raise_fmt(&ai_exc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                     c->fname, c->names[dup], dup + 1);
        return -1;
    }
    if (unknown) {
        const char *u = str_utf8(unknown, NULL);
        ai_raise_fmt(&ai_exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                     u ? u : "?", c->fname);
        return -1;
    }
    return 0;
}

/* ---- Python-style signatures ------------------------------------------------------ */

static ai_value pysig_entry(ai_value callable, const ai_value *args, int64_t nargs,
                            ai_value kwnames) {
    /* The function object carrying a signature never escapes to Python
     * code; reaching this is a runtime bug. */
    (void)callable, (void)args, (void)nargs, (void)kwnames;
    return ai_raise_msg(&ai_exc_SystemError, "signature object called");
}

/* An immortal tuple of n immortal values (0 items allowed in kwdefaults). */
static ai_value static_tuple(const ai_value *items, int n) {
    ai_tuple *t = alloc_static(&ai_tuple_type, sizeof(ai_tuple) + (size_t)n * sizeof(ai_value));
    if (!t) return AI_ERR;
    t->len = n;
    for (int i = 0; i < n; i++) t->items[i] = items[i];
    return ai_val(t);
}

int mu_pysig_init(mu_pysig *s, const char *name, const char *qualname, int nparams,
                  const char *const *names, int ndefaults, const ai_value *defaults, int nkwonly,
                  const ai_value *kwdefaults) {
    s->info = (ai_func_info){.name = name,
                             .qualname = qualname,
                             .nparams = nparams,
                             .nposonly = 0,
                             .param_names = names,
                             .entry = pysig_entry,
                             .code = NULL,
                             .nkwonly = nkwonly,
                             .flags = 0};
    ai_function *f = alloc_static(&ai_function_type, sizeof(ai_function));
    if (!f) return -1;
    f->info = &s->info;
    if (ndefaults > 0 && !(f->defaults = static_tuple(defaults, ndefaults))) return -1;
    if (nkwonly > 0 && kwdefaults && !(f->kwdefaults = static_tuple(kwdefaults, nkwonly))) return -1;
    s->func = ai_val(f);
    return 0;
}

int mu_bind(const mu_pysig *s, ai_value self, const ai_value *args, int64_t nargs,
            ai_value kwnames, ai_value *out) {
    int64_t nkw = kwnames ? tuple_obj(kwnames)->len : 0;
    ai_value small[16];
    ai_value *all = nargs + nkw + 1 <= 16 ? small : malloc((size_t)(nargs + nkw + 1) * sizeof(ai_value));
    if (!all) {
        exc_nomem();
        return -1;
    }
    all[0] = self;
    if (nargs + nkw) memcpy(all + 1, args, (size_t)(nargs + nkw) * sizeof(ai_value));
    int32_t r = ai_bind_args(s->func, all, nargs + 1, kwnames, out);
    if (all != small) free(all);
    return r;
}

/* ---- struct sequences -------------------------------------------------------------- */

static mu_structseq *seq_type(ai_value v) { return (mu_structseq *)ai_type_of(v); }

/* One getter per field position: a getset entry receives only the object. */
#define SEQ_GETTER(i) \
    static ai_value seq_get##i(ai_value v) { return tuple_obj(v)->items[i]; }
SEQ_GETTER(0) SEQ_GETTER(1) SEQ_GETTER(2) SEQ_GETTER(3) SEQ_GETTER(4) SEQ_GETTER(5)
SEQ_GETTER(6) SEQ_GETTER(7) SEQ_GETTER(8) SEQ_GETTER(9) SEQ_GETTER(10) SEQ_GETTER(11)
#undef SEQ_GETTER
static ai_value (*const seq_getters[MU_SEQ_MAX])(ai_value) = {
    seq_get0, seq_get1, seq_get2, seq_get3, seq_get4,  seq_get5,
    seq_get6, seq_get7, seq_get8, seq_get9, seq_get10, seq_get11,
};

static size_t seq_size(const ai_object *o) {
    const mu_structseq *s = (const mu_structseq *)ai_type_of_obj(o);
    return sizeof(ai_tuple) + (size_t)s->nfields * sizeof(ai_value);
}

static void seq_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    const mu_structseq *s = (const mu_structseq *)ai_type_of_obj(o);
    ai_tuple *t = (ai_tuple *)o;
    for (int i = 0; i < s->nfields; i++)
        if (t->items[i]) visit(&t->items[i], ctx);
}

static ai_value seq_repr(ai_value v) {
    mu_structseq *s = seq_type(v);
    ai_tuple *t = tuple_obj(v);
    strbuf b;
    sb_init(&b);
    sb_adds(&b, s->type.name);
    sb_addc(&b, '(');
    for (int i = 0; i < s->nvisible; i++) {
        ai_value r = ai_repr(t->items[i]);
        if (!r) {
            sb_free(&b);
            return AI_ERR;
        }
        if (i) sb_adds(&b, ", ");
        sb_adds(&b, s->fields[i]);
        sb_addc(&b, '=');
        sb_add_str(&b, r);
    }
    sb_addc(&b, ')');
    return sb_finish(&b);
}

static ai_value seq_alloc(mu_structseq *s, const ai_value *items, bool immortal) {
    size_t size = sizeof(ai_tuple) + (size_t)s->nfields * sizeof(ai_value);
    ai_tuple *t = immortal ? alloc_static(&s->type, size) : ai_alloc(&s->type, size);
    if (!t) return AI_ERR;
    t->len = s->nvisible;
    for (int i = 0; i < s->nfields; i++) t->items[i] = items[i] ? items[i] : AI_NONE;
    return ai_val(t);
}

ai_value mu_structseq_new(mu_structseq *s, const ai_value *items) { return seq_alloc(s, items, false); }
ai_value mu_structseq_new_static(mu_structseq *s, const ai_value *items) {
    return seq_alloc(s, items, true);
}

/* type(seq[, dict]): a sequence of nvisible to nfields items. */
static ai_value seq_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    mu_structseq *s = (mu_structseq *)ai_obj(cls);
    static const char *const names[] = {"sequence", "dict"};
    static const mu_clinic spec = {"structseq", names, 0, 2, 0, 1, 0};
    ai_value a[2];
    if (mu_parse(&spec, args, nargs, kwnames, a) < 0) return AI_ERR;
    ai_value list = list_from_iter(a[0]);
    if (!list) {
        if (exc_pending_is(&ai_exc_TypeError)) {
            exc_clear();
            return ai_raise_msg(&ai_exc_TypeError, "constructor requires a sequence");
        }
        return AI_ERR;
    }
    int64_t n = list_obj(list)->len;
    if (n < s->nvisible || n > s->nfields) {
        bool exact = s->nvisible == s->nfields;
        return ai_raise_fmt(&ai_exc_TypeError, "%s() takes %s%d-sequence (%lld-sequence given)",
                            s->type.name,
                            exact ? "a " : n < s->nvisible ? "an at least " : "an at most ",
                            n < s->nvisible ? s->nvisible : s->nfields, (long long)n);
    }
    ai_value items[MU_SEQ_MAX] = {0};
    for (int64_t i = 0; i < n; i++) items[i] = list_obj(list)->items[i];
    return mu_structseq_new(s, items);
}

void mu_structseq_init(mu_structseq *s, const char *name, const char *const *fields,
                       int nvisible, int nfields, bool constructible) {
    s->fields = fields;
    s->nvisible = nvisible;
    s->nfields = nfields;
    s->slots = *(const ai_slots *)ai_tuple_type.slots;
    s->slots.construct = constructible ? seq_construct : NULL;
    for (int i = 0; i < nfields && i < MU_SEQ_MAX; i++)
        s->getset[i] = (ai_getset_def){fields[i], seq_getters[i]};
    s->getset[nfields < MU_SEQ_MAX ? nfields : MU_SEQ_MAX] = (ai_getset_def){NULL, NULL};
    s->slots.getset = s->getset;
    s->type = (ai_type){
        .ob = {(uintptr_t)&ai_type_type},
        .name = name,
        .base = &ai_tuple_type,
        .basicsize = sizeof(ai_tuple),
        .repr = seq_repr,
        .gc_visit = seq_visit,
        .gc_size = seq_size,
        .slots = &s->slots,
    };
}

/* ---- big ints ------------------------------------------------------------------------ */

const uint64_t *mu_int_limbs(ai_value v, int64_t *n, uint64_t *buf) {
    v = int_unbool(v);
    if (ai_is_smallint(v)) {
        int64_t s = ai_smallint_get(v);
        *buf = s < 0 ? (uint64_t)0 - (uint64_t)s : (uint64_t)s;
        *n = s != 0;
        return buf;
    }
    const ai_bigint *b = (const ai_bigint *)ai_obj(v);
    *n = b->size < 0 ? -b->size : b->size;
    return b->limbs;
}

int64_t mu_int_bitlen(ai_value v) {
    uint64_t buf;
    int64_t n;
    const uint64_t *d = mu_int_limbs(v, &n, &buf);
    if (n == 0) return 0;
    return n * 64 - __builtin_clzll(d[n - 1]);
}

void mu_int_to_mpz(ai_value v, mpz_t z) {
    uint64_t buf;
    int64_t n;
    const uint64_t *d = mu_int_limbs(v, &n, &buf);
    mpz_import(z, (size_t)n, -1, sizeof(uint64_t), 0, 0, d);
    if (int_sign(v) < 0) mpz_neg(z, z);
}

/* An int from a magnitude of n limbs (n trimmed or not) and a sign. */
static ai_value int_from_limbs(const uint64_t *d, int64_t n, bool negative) {
    while (n > 0 && d[n - 1] == 0) n--;
    if (n == 0) return ai_smallint(0);
    if (n == 1) return int_from_u64(d[0], negative);
    if ((uint64_t)n > ((uint64_t)1 << 40)) return exc_nomem();
    ai_bigint *b = ai_alloc(&ai_int_type, sizeof(ai_bigint) + (size_t)n * sizeof(uint64_t));
    if (!b) return AI_ERR;
    b->alloc = n;
    b->size = negative ? -n : n;
    memcpy(b->limbs, d, (size_t)n * sizeof(uint64_t));
    return ai_val(b);
}

ai_value mu_int_from_mpz(const mpz_t z) {
    _Static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "64-bit GMP limbs");
    return int_from_limbs((const uint64_t *)mpz_limbs_read(z), (int64_t)mpz_size(z),
                          mpz_sgn(z) < 0);
}

ai_value mu_int_from_u32_words(const uint32_t *w, int64_t n) {
    int64_t nl = (n + 1) / 2;
    uint64_t small[8] = {0};
    uint64_t *d = nl <= 8 ? small : malloc((size_t)nl * sizeof(uint64_t));
    if (!d) return exc_nomem();
    for (int64_t i = 0; i < nl; i++) {
        uint64_t lo = w[2 * i], hi = 2 * i + 1 < n ? w[2 * i + 1] : 0;
        d[i] = lo | hi << 32;
    }
    ai_value r = int_from_limbs(d, nl, false);
    if (d != small) free(d);
    return r;
}

/* ---- roots ----------------------------------------------------------------------------- */

void mu_register_roots(const char *name, ai_value *slots, const char *const *names, int64_t n) {
    ai_module_info *m = malloc(sizeof *m);
    if (!m) {
        fputs("aithon: out of memory registering module state\n", stderr);
        abort();
    }
    *m = (ai_module_info){.name = name, .globals = slots, .nglobals = n, .global_names = names};
    ai_module_register(m);
}
