/*
 * aithon_rt.h — the one ABI between compiled Python and the Aithon runtime.
 *
 * Every function the emitted code calls, and every object layout or global
 * it touches, is declared here and nowhere else. The compiler's table of
 * runtime functions is one line of aithon_abi.def, which both this header
 * and the compiler (compiler/rtabi.c) include: one table, one truth.
 *
 * Values
 *   An ai_value is one 64-bit word:
 *     ...xxx1  a small int n, stored as (n << 1) | 1 (63-bit signed range);
 *     ...x000  a pointer to an object (8-byte aligned, never NULL);
 *     0        AI_ERR: "an exception is pending" (a return value only).
 *   Tagging preserves signed order, so comparing two small ints is one
 *   compare of the raw words, and a + b is raw(a) + raw(b) - 1.
 *
 * Objects
 *   Every object starts with one header word: its ai_type pointer, with
 *   the low 3 bits reserved for the collector (AI_HDR_GC_MASK). Read the
 *   type with ai_type_of(). None/True/False/Ellipsis/NotImplemented are
 *   static immortal objects; compare with `is` by address.
 *
 * Errors (CPython's and mypyc's convention)
 *   A function that can raise returns AI_ERR (or -1 for int32_t results)
 *   after setting the pending exception with ai_raise*(). Each compiled
 *   caller that sees the error adds its traceback entry with
 *   ai_traceback_add() and returns AI_ERR in turn. The pending exception
 *   lives in the current task, so this is safe on green threads.
 *
 * Memory
 *   All objects are allocated by ai_alloc() (or the inline bump fast path
 *   the compiler may emit on the nursery fields of ai_tls). Nothing else
 *   allocates Python objects. Objects made at start-up for constants
 *   (ai_const_*) live in the immortal static heap.
 *
 * Threads
 *   ai_tls is the running worker's block (per OS thread). Compiled code
 *   must re-derive its address after every call (a task can migrate to
 *   another worker while it is parked inside a call); the emitter does so
 *   with a side-effecting inline-asm read of the thread pointer, never
 *   with a cached LLVM thread_local address.
 */
#ifndef AITHON_RT_H
#define AITHON_RT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AI_API extern

typedef uint64_t ai_value;
#define AI_ERR ((ai_value)0)

#define AI_SMALLINT_MAX ((int64_t)(((uint64_t)1 << 62) - 1))
#define AI_SMALLINT_MIN (-AI_SMALLINT_MAX - 1)
static inline bool ai_is_smallint(ai_value v) { return (v & 1) != 0; }
static inline int64_t ai_smallint_get(ai_value v) { return (int64_t)v >> 1; }
static inline ai_value ai_smallint(int64_t n) { return ((uint64_t)n << 1) | 1; }
static inline bool ai_smallint_fits(int64_t n) {
    return n >= AI_SMALLINT_MIN && n <= AI_SMALLINT_MAX;
}

/* ---- object header and types ------------------------------------------ */

typedef struct ai_type ai_type;
typedef struct ai_object {
    uintptr_t hdr;          /* ai_type* | GC bits (low 3) */
} ai_object;

#define AI_HDR_GC_MASK ((uintptr_t)7)
/* The collector's bits (gc/gc.h): survived a collection (or static), and
 * in the remembered set (or static). */
#define AI_HDR_OLD ((uintptr_t)1)
#define AI_HDR_REMEMBERED ((uintptr_t)2)
#define AI_HDR_GC_BITS (AI_HDR_OLD | AI_HDR_REMEMBERED)

static inline ai_object *ai_obj(ai_value v) { return (ai_object *)(uintptr_t)v; }
static inline ai_value ai_val(const void *o) { return (ai_value)(uintptr_t)o; }
static inline ai_type *ai_type_of_obj(const ai_object *o) {
    return (ai_type *)(o->hdr & ~AI_HDR_GC_MASK);
}
AI_API ai_type ai_int_type;
static inline ai_type *ai_type_of(ai_value v) {
    return ai_is_smallint(v) ? &ai_int_type : ai_type_of_obj(ai_obj(v));
}

/* Function signatures for type slots (NULL slot: operation unsupported). */
typedef ai_value (*ai_unaryfunc)(ai_value);
typedef ai_value (*ai_binaryfunc)(ai_value, ai_value);
/* vectorcall: positional args[0..nargs) followed by one value per keyword
 * named in kwnames (a tuple of str, or 0 when there are none). */
typedef ai_value (*ai_vectorcall)(ai_value callable, const ai_value *args,
                                  int64_t nargs, ai_value kwnames);

struct ai_type {
    ai_object ob;           /* types are objects (of type `type`) */
    const char *name;       /* "int", "ZeroDivisionError", … */
    ai_type *base;          /* single base for now; NULL for object */
    uint32_t flags;         /* AI_TF_* */
    uint32_t basicsize;     /* bytes of a fixed-size instance */
    /* The generic protocol; the runtime fills what each type supports. */
    ai_unaryfunc repr, str;
    ai_vectorcall call;
    /* GC: visit every ai_value field of an object (precise scanning).
     * NULL for objects without references (str, float, big int). */
    void (*gc_visit)(ai_object *o, void (*visit)(ai_value *slot, void *ctx), void *ctx);
    /* size in bytes of object `o` (for variable-sized objects) */
    size_t (*gc_size)(const ai_object *o);
    void *slots;            /* runtime-private further slots (object.h) */
    const char *module;     /* the module of a builtin type defined outside
                               builtins (asyncio's Future, aithon's Pid):
                               __module__, repr(type) and traceback names
                               say "aithon.Pid" while __name__ and error
                               messages say "Pid", as for a class written in
                               Python. NULL: builtins */
    uintptr_t ic_key;       /* what an attribute read's cache record must
                               name (ai_arec.cls): 0 in builtin types (no
                               record names 0), the class itself, or
                               AI_REC_PLAIN for classes whose instances'
                               attributes no class attribute can hide
                               (objects/class.c, refresh_ic_key) */
};

enum {
    AI_TF_IMMORTAL_INSTANCES = 1u << 0, /* None, bool: never collected */
    AI_TF_EXCEPTION          = 1u << 1, /* BaseException or a subclass */
    AI_TF_HEAPTYPE           = 1u << 2, /* a class made by compiled code */
    AI_TF_INTBOX             = 1u << 3, /* a subclass of int: instances box an int */
    AI_TF_METACLASS          = 1u << 4, /* a subclass of type: its instances are classes */
    /* For match statements (core/match.c), as CPython's Py_TPFLAGS_*: */
    AI_TF_SEQUENCE           = 1u << 5, /* matches sequence patterns (list, tuple, range, …) */
    AI_TF_MAPPING            = 1u << 6, /* matches mapping patterns (dict, …) */
    AI_TF_MATCH_SELF         = 1u << 7, /* `case int(x)`: one positional sub-pattern takes the subject */
};

/* Immortal singletons. */
AI_API ai_object ai_none_object, ai_true_object, ai_false_object,
    ai_ellipsis_object, ai_notimplemented_object;
#define AI_NONE  ai_val(&ai_none_object)
#define AI_TRUE  ai_val(&ai_true_object)
#define AI_FALSE ai_val(&ai_false_object)
static inline ai_value ai_bool(bool b) { return b ? AI_TRUE : AI_FALSE; }

/* Layouts the emitter may inline. */
typedef struct ai_float { ai_object ob; double value; } ai_float;
/* A closure variable: the emitter loads `value` at offset 8 and stores
 * only through ai_cell_set (the collector's write barrier lives there). */
typedef struct ai_cell { ai_object ob; ai_value value; } ai_cell;
/* Tuple items start at this offset (after the header and the length). */
#define AI_TUPLE_ITEMS_OFFSET 16
AI_API ai_type ai_float_type, ai_bool_type, ai_str_type, ai_none_type;

/* ---- per-worker thread block ------------------------------------------ */

/* Layout is ABI: the emitter reads these fields at fixed offsets. */
/* The scheduler asks the running task to stop at its next function entry
 * by raising ai_tls.stack_limit to this value (as well as `poll`): the
 * prologue's one stack compare then fails and ai_stack_slow() tells a
 * preemption request from a real overflow (Go's stackguard trick). */
#define AI_STACK_LIMIT_PREEMPT ((char *)UINTPTR_MAX)

typedef struct ai_worker_tls {
    char *stack_limit;      /* +0: lowest usable address of the running
                               task's stack (with a margin for runtime C
                               code); prologues raise RecursionError below;
                               AI_STACK_LIMIT_PREEMPT: stop at a safepoint.
                               Written by other threads (the ticker) with
                               relaxed atomics. */
    volatile int32_t poll;  /* +8: nonzero asks the running task to call
                               ai_safepoint_slow() at its next poll */
    int32_t _pad;
    char *nursery_top;      /* +16: bump pointer of the running actor */
    char *nursery_end;      /* +24: end of its nursery */
    void *task;             /* +32: the running task (runtime-private) */
} ai_worker_tls;

extern __thread ai_worker_tls ai_tls __attribute__((tls_model("initial-exec")));

/* ---- start-up and modules ---------------------------------------------- */

/* Source and names for tracebacks, one per compiled function; emitted as
 * constants. `source` is the whole module text (shared by its functions),
 * so a traceback can print the line. */
typedef struct ai_code_info {
    const char *filename;   /* as given to aithonc */
    const char *funcname;   /* "<module>", "f", "C.method" … as CPython */
    const char *source;     /* NUL-terminated module text, or NULL */
    const char *module;     /* the module's name ("__main__", "pkg.mod"), or NULL */
    int32_t firstlineno;    /* the line of the def (or 1 for a module) */
    const int32_t *positions; /* the module's source positions, or NULL:
                               AI_POS_WORDS words each (line, end_line,
                               col, end_col, anchor_left, anchor_right,
                               kind, and the anchors as Lib/traceback.py
                               finds them; columns are byte offsets in
                               their line, anchors -1 when none; kind 1:
                               ~ for the operands, 2: a method call whose
                               attribute's span follows), indexed by the
                               negative locations of ai_traceback_add */
} ai_code_info;

enum { AI_POS_WORDS = 9 };

/* One compiled Python module, emitted by the compiler as a writable
 * global. ai_module_import() runs it: makes its constants, registers its
 * globals (GC roots), makes its module object, runs its body once. The
 * first four fields are all the collector reads. */
typedef struct ai_module_info {
    const char *name;       /* "__main__", "pkg.mod" */
    ai_value *globals;      /* `nglobals` words; 0 means unbound */
    int64_t nglobals;
    const char *const *global_names;
    const char *file;       /* __file__ (absolute), or NULL (namespace package) */
    int64_t (*consts)(void);        /* creates the constants: 1, or 0 with an exception */
    ai_value (*body)(void);         /* the top-level code: AI_ERR when it raised */
    struct ai_module_info *parent;  /* the package of a submodule, or NULL */
    int64_t flags;          /* AI_MODINFO_* */
    /* Runtime-owned, zero in the emitted constant: */
    ai_value module;        /* the module object, once made */
    int64_t state;          /* bit 0 constants made; bit 1 body running */
} ai_module_info;

/* The start-up table of a module's constants (core/consts.c): one record
 * per constant, created in order into `*out` by ai_consts_init. `data`
 * and `n` by kind: STR and BYTES the bytes and their length, INT the
 * decimal digits (NUL-terminated, maybe signed), FLOAT the double's bits
 * in `n`, IMAG (a literal `2j`) its imaginary part's bits in `n`, TUPLE
 * an array of `n` addresses of constants made before. */
typedef struct ai_const_rec {
    int64_t kind;
    const void *data;
    int64_t n;
    ai_value *out;
} ai_const_rec;
enum { AI_CONST_STR = 1, AI_CONST_BYTES, AI_CONST_INT, AI_CONST_FLOAT, AI_CONST_TUPLE, AI_CONST_IMAG };

/* A display of constants as data (core/consts.c, ai_build_display):
 * t[0] words of operations follow t[1] (the deepest the value stack
 * gets), in postfix order. An operation word is (n << 8) | kind:
 *   AI_TPL_VAL   the next word is the value (a small int, a static object)
 *   AI_TPL_REF   the next word is the address of an ai_value holding it
 *   AI_TPL_LIST, AI_TPL_TUPLE, AI_TPL_SET   pop n values, push the container
 *   AI_TPL_DICT  pop n (key, value) pairs, push the dict
 *   AI_TPL_SETC  pop n values, push the set as ai_set_new_const builds it
 *                (CPython's folded display of constants) */
enum { AI_TPL_VAL = 1, AI_TPL_REF, AI_TPL_LIST, AI_TPL_TUPLE, AI_TPL_SET, AI_TPL_DICT, AI_TPL_SETC };

/* AI_MODINFO_LIVE_NS: the module's code uses globals() (or module-level
 * locals()/vars()) as a value it keeps or writes. Its namespace is then
 * the module object's dict, which every global access of its code goes
 * through (ai_ns_load, ai_ns_store); its globals array stays 0. */
enum { AI_MODINFO_PACKAGE = 1, AI_MODINFO_LIVE_NS = 2 };

/* The program's entry, emitted by the compiler: imports __main__.
 * Returns AI_ERR when an exception escaped. The runtime's main() calls it
 * on the main task and prints the traceback and exits 1. */
ai_value aithon_program_main(void);


/* ---- exceptions and tracebacks ----------------------------------------- */

AI_API ai_type ai_exc_BaseException, ai_exc_Exception, ai_exc_TypeError,
    ai_exc_ValueError, ai_exc_ZeroDivisionError, ai_exc_NameError,
    ai_exc_UnboundLocalError, ai_exc_RecursionError, ai_exc_OverflowError,
    ai_exc_MemoryError, ai_exc_IndexError, ai_exc_KeyError,
    ai_exc_AttributeError, ai_exc_RuntimeError, ai_exc_NotImplementedError,
    ai_exc_StopIteration, ai_exc_ArithmeticError, ai_exc_LookupError,
    ai_exc_AssertionError;

AI_API ai_value ai_raise_fmt(ai_type *exc_type, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Operator codes for ai_inplace (the order of Python's ast operators). */
enum {
    AI_OP_ADD, AI_OP_SUB, AI_OP_MUL, AI_OP_MATMUL, AI_OP_TRUEDIV, AI_OP_MOD, AI_OP_POW,
    AI_OP_LSHIFT, AI_OP_RSHIFT, AI_OP_OR, AI_OP_XOR, AI_OP_AND, AI_OP_FLOORDIV
};

/* Comparison codes for ai_compare / ai_compare_bool. */
enum { AI_CMP_LT, AI_CMP_LE, AI_CMP_EQ, AI_CMP_NE, AI_CMP_GT, AI_CMP_GE };

/* ---- calls and functions ----------------------------------------------- */

/* Static description of a compiled `def`, emitted as a constant. */
typedef struct ai_func_info {
    const char *name, *qualname;
    int32_t nparams;        /* positional parameters (incl. positional-only) */
    int32_t nposonly;       /* of which positional-only */
    /* nparams positional names, then nkwonly keyword-only names, then the
     * *args name and the **kwargs name when the flags say they exist. */
    const char *const *param_names;
    ai_vectorcall entry;    /* generic entry: binds args, calls the body */
    const ai_code_info *code;
    int32_t nkwonly;        /* keyword-only parameters */
    int32_t flags;          /* AI_FUNC_* */
} ai_func_info;

/* What the compiler emits for a def whose body can be called directly
 * (positional parameters only, no closure): flags has AI_FUNC_DIRECT and
 * the info is followed by the body, callable as body(p0, …, pn-1), and
 * `direct` = n + 1. Runtime-made infos never have the flag. */
typedef struct ai_func_info_direct {
    ai_func_info info;
    void *body;
    int64_t direct;
} ai_func_info_direct;

/* Compiled code reads three kinds of cache record (below). Each is valid
 * for one state of its class, and its first word `cls` says so: it is the
 * class while the class has the version at which the record was made or
 * re-validated, and AI_REC_STALE from the moment the class changes
 * (objects/class.c, cls_new_version / cls_rec_publish). So compiled code
 * compares `cls` alone; `version`/`verp` serve the runtime's own checks.
 *
 * A method-call record (objects/class.c) that compiled code reads at a
 * call site o.m(a1, …, an): when o's type is `cls` and `direct` is n + 2,
 * the method is a plain function whose body is called as
 * body(o, a1, …, an). Immutable once published but for `cls`. */
/* The first word of a record that is not (or no longer) valid: neither a
 * type's address (8-aligned) nor an ai_value (odd ints, 8-aligned
 * objects), so no compare passes it. */
#define AI_REC_STALE ((uintptr_t)2)
/* The key of an attribute read record valid for every class whose
 * ic_key says so (ai_type.ic_key; objects/class_ic.c): a plain class's
 * shapes put an attribute where any other plain class's do. */
#define AI_REC_PLAIN ((uintptr_t)6)
typedef struct ai_mrec {
    const void *cls;
    uint64_t version;
    const uint64_t *verp;
    void *body;
    int64_t direct;
} ai_mrec;
/* A constructor record, read by compiled code at a call site C(a1, …, an)
 * of a plain class (objects/class.c, ai_call_construct): when the callee
 * is the class object `cls`, the call is an instance of `size` bytes
 * (header the class, the rest zero) given to body(obj, a1, …, an), which
 * must return None. Immutable once published but for `cls`. */
typedef struct ai_crec {
    const void *cls;
    uint64_t version;
    const uint64_t *verp;
    void *body;
    int64_t size;
} ai_crec;
#define AI_MCACHE_WAYS 4
#define AI_ATTR_IC_WAYS 4

/* An attribute-cache record (objects/class_ic.c) that compiled code reads
 * at a site o.x / o.x = v (each way of the site's cache): when `cls` is
 * o's type (or, at a read, `key` is its type's ic_key: a read record of a
 * plain class serves all plain classes, `key` AI_REC_PLAIN) and the word at
 * AI_SHAPE_DICT_OFFSET of o equals `shape`, the attribute is the value
 * word at byte `offset` of o; a store also writes `next_shape` into that
 * word (the same shape, or the one with the attribute added). `cls` is
 * AI_REC_STALE (and `shape` AI_AREC_NO_SHAPE) in records that the runtime alone
 * can use. A float slot's record (objects/class.h: the slot holds a
 * double's bits, read as a new float box, written only with an exact
 * float's double) has `shape` tagged with AI_AREC_FSLOT (a bit no dict
 * word has: dicts and shapes are 8-aligned): a site's plain check (dict
 * word == shape) never passes it, and only once that compare failed does
 * the site compare with the tag (dict word ^ shape == AI_AREC_FSLOT) and
 * take its float path. So a site that never meets a float slot runs the
 * plain path with no float test, and one that does pays one compare.
 * `version` (relaxed) and `cls` change when the record is re-validated
 * and when its class changes; everything else is immutable. */
typedef struct ai_arec {
    const void *cls;
    uint64_t version; /* read and written with __atomic builtins (relaxed) */
    const uint64_t *verp;
    uint64_t shape;
    uint64_t offset;
    uint64_t next_shape;
    uint64_t key;     /* AI_REC_PLAIN or AI_REC_STALE, for good */
} ai_arec;
#define AI_AREC_FSLOT 4
#define AI_SHAPE_DICT_OFFSET 8
#define AI_AREC_NO_SHAPE 2

/* ai_func_info.flags */
enum {
    AI_FUNC_VARARGS = 1,
    AI_FUNC_VARKW = 2,
    AI_FUNC_COROUTINE = 4,  /* an async def: calling it makes a coroutine */
    AI_FUNC_ASYNCGEN = 8,   /* an async def with yield */
    AI_FUNC_ISOLATED = 16,  /* the effect analysis (compiler/effects.c)
                               proved it isolated: it may run as an actor */
    AI_FUNC_DIRECT = 32,    /* the info is an ai_func_info_direct */
    AI_FUNC_GENERATOR = 64, /* a def (not async) with yield: for co_flags */
};


/* ---- the functions (one table, see aithon_abi.def) --------------------- */

#define AI_CT_V    ai_value
#define AI_CT_I32  int32_t
#define AI_CT_I64  int64_t
#define AI_CT_P    void *
#define AI_CT_D    double
#define AI_CT_VOID void
#define AI_FN(ret, name, cparams, kinds) AI_API AI_CT_##ret name cparams;
#include "aithon_abi.def"
#undef AI_FN

#ifdef __cplusplus
}
#endif
#endif
