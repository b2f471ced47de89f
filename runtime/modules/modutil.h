/*
 * modules/modutil.h — helpers the C modules (sys, math, time, random)
 * share and nothing else needs: argument conversion with CPython's
 * wordings, Python-style signatures, "struct sequences" (named tuples such
 * as sys.version_info and time.struct_time), GMP bridges for big ints, and
 * hidden GC roots for module state.
 *
 * Prefix mu_. Every function that can fail returns AI_ERR / -1 / false
 * with the exception pending, as the rest of the runtime does.
 *
 * Invariants:
 *   - A struct-sequence object is a tuple (its type's base is tuple, its
 *     len is the number of VISIBLE fields) whose item array holds every
 *     field, the hidden ones (tm_zone …) after the visible ones; the type
 *     knows the total, so gc_size/gc_visit cover all of them.
 *   - Objects made by mu_*_static live in the immortal static heap and
 *     hold only immortal values.
 */
#ifndef AITHON_MODUTIL_H
#define AITHON_MODUTIL_H

#include "modules/modules.h"

#include <gmp.h>

/* ---- arguments ------------------------------------------------------------ */

/* A real number (float, int, bool) as a double: TypeError "must be real
 * number, not str"; OverflowError for ints beyond the double range. */
bool mu_real(ai_value v, double *out);
/* v.name() when v is an instance of a user class whose MRO defines it:
 * *found tells whether it did (the result, or AI_ERR, is returned); for
 * builtin types and absent methods *found is false and None returned. */
ai_value mu_dunder(ai_value v, const char *name, bool *found);
/* An integer argument (int, bool, __index__) as an int value (bools become
 * 0/1): "'float' object cannot be interpreted as an integer". */
ai_value mu_index(ai_value v);
/* "X() takes no arguments (1 given)" plus no keywords. 0 / -1. */
int mu_no_args(const char *fname, int64_t nargs, ai_value kwnames);
/* Exactly one argument, no keywords ("X() takes exactly one argument (0
 * given)", "X() takes no keyword arguments"). 0 / -1. */
int mu_one_arg(const char *fname, int64_t nargs, ai_value kwnames);
/* Positional-only with a count range: "X() takes no keyword arguments"
 * (kwfname) and "name expected at least 1 argument, got 0" (name). */
int mu_pos_range(const char *kwfname, const char *name, int64_t nargs, ai_value kwnames,
                 int64_t min, int64_t max);

/* Argument-clinic-style parsing for builtins with keywords (CPython's
 * _PyArg_UnpackKeywords wordings). `names` lists nposonly positional-only,
 * then positional-or-keyword (npos in all), then nkwonly keyword-only
 * parameters; the first `minpos` positionals and the keyword-only ones
 * flagged in `kwreq` (bit i for kw-only i) are required. out[] gets every
 * parameter, 0 when absent. fname is "isclose" (messages add "()"). */
typedef struct mu_clinic {
    const char *fname;
    const char *const *names;
    int nposonly, npos, nkwonly, minpos;
    unsigned kwreq;
} mu_clinic;
int mu_parse(const mu_clinic *c, const ai_value *args, int64_t nargs, ai_value kwnames,
             ai_value *out);

/* ---- functions CPython writes in Python ----------------------------------- */

/* The signature of a Python-level method (random.Random.randrange …):
 * binding goes through ai_bind_args so every TypeError is worded exactly
 * as for a compiled def ("Random.randint() missing 1 required positional
 * argument: 'b'"). Parameters include `self`. Defaults are immortal values
 * given as C values when the signature is made. */
typedef struct mu_pysig {
    ai_func_info info;
    ai_value func; /* an immortal function object carrying the defaults */
} mu_pysig;
/* Make the signature: `names` has nparams positional names then nkwonly
 * keyword-only names; the last ndefaults positionals default to defaults[]
 * and keyword-only i defaults to kwdefaults[i] (0 = required). Call once
 * (module init). 0 / -1. */
int mu_pysig_init(mu_pysig *s, const char *name, const char *qualname, int nparams,
                  const char *const *names, int ndefaults, const ai_value *defaults, int nkwonly,
                  const ai_value *kwdefaults);
/* Bind self + a vectorcall's arguments: out[] gets nparams + nkwonly
 * values. 0 / -1. */
int mu_bind(const mu_pysig *s, ai_value self, const ai_value *args, int64_t nargs,
            ai_value kwnames, ai_value *out);

/* ---- struct sequences ----------------------------------------------------- */

#define MU_SEQ_MAX 12

typedef struct mu_structseq {
    ai_type type;                /* first, so an ai_type* is a mu_structseq* */
    const char *const *fields;   /* nfields names, the visible ones first */
    int nvisible, nfields;
    ai_slots slots;              /* tuple's, with our getset and construct */
    ai_getset_def getset[MU_SEQ_MAX + 1];
} mu_structseq;

/* Fill in a struct-sequence type named `name` ("time.struct_time", which
 * is also what its repr and errors say). Call once, at module init;
 * `constructible` lets Python code call the type with a sequence. */
void mu_structseq_init(mu_structseq *s, const char *name, const char *const *fields,
                       int nvisible, int nfields, bool constructible);
/* A new instance holding items[0..nfields) (missing hidden ones: None). */
ai_value mu_structseq_new(mu_structseq *s, const ai_value *items);
/* The same in the immortal heap (items must be immortal). */
ai_value mu_structseq_new_static(mu_structseq *s, const ai_value *items);
static inline bool mu_structseq_check(ai_value v, const mu_structseq *s) {
    return obj_isinstance(v, &s->type);
}

/* ---- big ints through GMP -------------------------------------------------- */

/* int value (tagged, big or bool) → mpz (initialised by the caller). */
void mu_int_to_mpz(ai_value v, mpz_t z);
/* mpz → int value (tagged when it fits). */
ai_value mu_int_from_mpz(const mpz_t z);
/* int.bit_length() of an int value. */
int64_t mu_int_bitlen(ai_value v);
/* The limbs of |v| (least significant first): *n of them; `buf` holds a
 * tagged value's one limb. */
const uint64_t *mu_int_limbs(ai_value v, int64_t *n, uint64_t *buf);
/* A non-negative int from 32-bit words, least significant first. */
ai_value mu_int_from_u32_words(const uint32_t *w, int64_t n);

/* ---- hidden state ------------------------------------------------------------ */

/* Register `n` ai_value words of module state as GC roots (once). */
void mu_register_roots(const char *name, ai_value *slots, const char *const *names, int64_t n);

#endif
