/*
 * core/object.h — the runtime's internal object model: what every runtime
 * file may know that compiled code may not.
 *
 * aithon_rt.h is the ABI (value tagging, the one-word header, struct
 * ai_type). This header adds, for the runtime's own files:
 *   - ai_slots: the per-type protocol table hung off ai_type.slots (number
 *     operators, rich comparison, hash, truth, len, contains, sequence
 *     concat/repeat, constructor). A NULL slot means "not supported"; a
 *     number or comparison slot returns NotImplemented for operand pairs it
 *     does not handle, and the dispatcher in core/ops.c tries the other
 *     operand, exactly like CPython's binary_op1 / do_richcompare.
 *   - the layouts of the core object types (str, tuple, big int, function,
 *     builtin function, exception) and the prototypes each file exports.
 *
 * Invariants every runtime file keeps:
 *   - An int value is either a tagged small int or a big-int object whose
 *     value lies OUTSIDE the small range (never both for one number), so
 *     equality of ints never needs to compare a tagged int with an object.
 *   - A str object is canonical: its width (1, 2 or 4 bytes per code point)
 *     is the smallest that holds its largest code point, so two equal
 *     strings have identical bytes.
 *   - Every type defined here has gc_visit (if it holds ai_values) and
 *     gc_size filled in: the collector (a later issue) scans precisely.
 *   - Runtime C code that can recurse on user data (repr of nested tuples,
 *     comparison) checks obj_stack_ok() first and raises RecursionError.
 *
 * Naming: ai_ for the ABI, <file>_ for cross-file internals (int_, str_,
 * exc_, alloc_, ...), obj_ for the generic protocol in core/ops.c.
 */
#ifndef AITHON_CORE_OBJECT_H
#define AITHON_CORE_OBJECT_H

#include "aithon_rt.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- the protocol table ------------------------------------------------ */

typedef ai_value (*ai_richcmpfunc)(ai_value a, ai_value b, int32_t op);

/* A method of a builtin type: called with the receiver first, then the
 * call's arguments in vectorcall form (kwnames: tuple of str or 0).
 * Tables of them end with a {NULL} entry; `owner` is the type whose table
 * holds the entry (call sites cache the entry and check the owner). */
typedef ai_value (*ai_methodfunc)(ai_value self, const ai_value *args, int64_t nargs,
                                  ai_value kwnames);
enum {
    AI_METH_CLASS = 1,     /* receives the type: int.from_bytes */
    AI_METH_STATIC = 2,
    AI_METH_KEEPS_SELF = 4, /* may return its receiver even for a subclass
                               instance (CPython's str.format with nothing to
                               replace): no cls_exact_result */
    AI_METH_AWAITS_NOW = 8  /* returns a native coroutine (asyncio's
                               Queue.get …), and runs its body at once
                               instead when nargs has AI_NARGS_AWAIT_NOW */
};
/* Or'ed into nargs by `await o.m(args)` (ai_await_method) when it calls
 * a method marked AI_METH_AWAITS_NOW or a builtin function with
 * awaits_now: the same argument checks, then the coroutine's body run on
 * the caller's stack and its result returned — no coroutine object made
 * only to be run inline. (CPython's vectorcall passes a flag in nargs
 * the same way, PY_VECTORCALL_ARGUMENTS_OFFSET.) */
#define AI_NARGS_AWAIT_NOW ((int64_t)1 << 62)
typedef struct ai_method_def {
    const char *name;
    ai_methodfunc fn;
    const ai_type *owner;
    int flags;
} ai_method_def;

/* A computed attribute of a builtin type (int.real, slice.start …). */
typedef struct ai_getset_def {
    const char *name;
    ai_value (*get)(ai_value self);
} ai_getset_def;

/* How a message between actors (gc/message.c) copies an object of a
 * type that is not one of the builtin containers: its bytes are copied
 * (the type must hold no ai_value slots except those its gc_visit
 * reports, which are copied too) and, for a type whose objects hold a
 * counted reference to something outside every heap (a process handle),
 * these hooks move that reference along. Any hook may be NULL (plain
 * data: a Ref). None of them may allocate in a heap or raise. */
typedef struct ai_msg_ops {
    /* A byte copy of o was made in a message fragment: take a reference
     * for the copy (called on the copy). */
    void (*retain)(ai_object *copy);
    /* A fragment copy is dropped without being unpacked: give its
     * reference back. */
    void (*release)(ai_object *copy);
    /* The copy became object o of the running heap, which now owns the
     * reference (typically: register a finalizer that releases it). */
    void (*adopt)(ai_object *o);
} ai_msg_ops;

typedef struct ai_slots {
    /* Binary number operators. Called with (a, b) where a or b (or both)
     * has this type; return NotImplemented for a pair they do not handle. */
    ai_binaryfunc add, sub, mul, truediv, floordiv, mod, pow;
    ai_binaryfunc lshift, rshift, and_, or_, xor_, matmul;
    ai_binaryfunc divmod;
    ai_unaryfunc neg, pos, invert, abs;
    /* Sequence `+` and `*`, tried after the number slots fail (so that
     * 'a' + 1 gets str's own message, as in CPython). concat raises its
     * own TypeError; repeat gets a count already converted from an int. */
    ai_binaryfunc concat;
    ai_value (*repeat)(ai_value seq, int64_t n);
    /* AI_CMP_* op; NotImplemented when the pair is not comparable here. */
    ai_richcmpfunc richcompare;
    /* hash: -1 means an exception is pending (a real -1 maps to -2).
     * NULL: hash by identity; an unhashable type (list, dict) installs a
     * slot that raises "unhashable type: 'list'". */
    int64_t (*hash)(ai_value v);
    /* truth value: 1/0, -1 on error; NULL: use len, else true. */
    int32_t (*truthy)(ai_value v);
    /* len: -1 on error. NULL: "object of type 'X' has no len()". */
    int64_t (*len)(ai_value v);
    /* `item in container`: 1/0, -1 on error. */
    int32_t (*contains)(ai_value container, ai_value item);
    /* Calling the type object itself (int("5"), ValueError("x")): the
     * callable passed in is the type. NULL: "cannot create 'X' instances". */
    ai_vectorcall construct;
    /* __index__: return the int (tagged or big) this value stands for, or
     * AI_ERR. NULL: not an integer-like type. */
    ai_unaryfunc index;
    /* iter(v): a new iterator (or v itself for iterators). NULL: "'X'
     * object is not iterable". */
    ai_unaryfunc iter;
    /* next(it): 1 with the item in *out, 0 when exhausted (no
     * StopIteration is raised), -1 on error. NULL: not an iterator. */
    int32_t (*next)(ai_value it, ai_value *out);
    /* o[key]; AI_ERR with the exception set. NULL: "'X' object is not
     * subscriptable". */
    ai_binaryfunc getitem;
    /* o[key] = v, or del o[key] when v == 0: 0 ok, -1 error. NULL: "'X'
     * object does not support item assignment" / "… item deletion". */
    int32_t (*setitem)(ai_value o, ai_value key, ai_value v);
    /* Methods and computed attributes (NULL-name terminated), searched
     * along the base chain by core/attr.c. */
    const ai_method_def *methods;
    const ai_getset_def *getset;
    /* Custom attribute lookup (instances, modules) tried before the
     * tables: returns the value, or AI_ERR with AttributeError set, or 0
     * with NO exception set to fall back to the tables. */
    ai_binaryfunc getattr;
    /* o.name = v, or del o.name when v == 0. NULL: builtin types refuse. */
    int32_t (*setattr)(ai_value o, ai_value name, ai_value v);
    /* In-place operator (x += y, op an AI_OP_* code) for mutable types
     * (list +=, list *=, set |=): returns the result (usually o itself),
     * AI_ERR, or NotImplemented to fall back to the binary operator.
     * NULL: always fall back. Tried by ai_inplace in core/item.c. */
    ai_value (*inplace)(ai_value o, ai_value other, int32_t op);
    /* Messages: non-NULL when instances may be sent to another actor
     * (see ai_msg_ops). The builtin containers need none. */
    const ai_msg_ops *msg;
    /* The collector's card scan (gc/gcint.h C7): visit those of o's slots
     * that gc_visit reports whose addresses lie in [lo, hi), and no
     * other. NULL: stores into o are remembered by the whole object. */
    void (*gc_visit_range)(ai_object *o, const void *lo, const void *hi,
                           void (*visit)(ai_value *slot, void *ctx), void *ctx);
    /* The type's __init__ on an instance of a user subclass (called with
     * the instance as `callable`; objects/class.c): (re)fills the state
     * of this type's layout from the constructor's arguments, replacing
     * what was there, and returns None. It is also called with nargs
     * -1 (no arguments) right after such an instance is allocated: the
     * defaults, running no Python code (the class's own __init__ has not
     * run yet), so that an instance whose __init__ never calls the
     * base's is still a valid object of this type. Found along the base
     * chain (objects/class.c, cls_subinit_of). NULL: a
     * zeroed layout is a valid instance (list, dict, bytearray …). */
    ai_vectorcall subinit;
} ai_slots;

extern const ai_slots obj_empty_slots;

static inline const ai_slots *obj_slots_of_type(const ai_type *t) {
    return t->slots ? (const ai_slots *)t->slots : &obj_empty_slots;
}
static inline const ai_slots *obj_slots(ai_value v) { return obj_slots_of_type(ai_type_of(v)); }

/* ---- core type objects ------------------------------------------------ */

extern ai_type ai_type_type, ai_object_type, ai_tuple_type, ai_bytes_type, ai_range_type, ai_memview_type,
    ai_function_type, ai_builtin_function_type, ai_ellipsis_type, ai_notimplemented_type,
    ai_rawbuf_type;
/* Internal blocks that only their owner points to (a dict's keys block,
 * a set's table, an exception's traceback): named here for gc/message.c,
 * which copies them only where their owner reports them. */
extern ai_type ai_dict_keysblock_type, ai_set_table_type, ai_traceback_type;

#define AI_NOTIMPL  ai_val(&ai_notimplemented_object)
#define AI_ELLIPSIS ai_val(&ai_ellipsis_object)

static inline bool obj_is_type(ai_value v, const ai_type *t) {
    return !ai_is_smallint(v) && ai_type_of_obj(ai_obj(v)) == t;
}
/* Is t the type `base` or a subtype of it? (single inheritance chain) */
static inline bool obj_type_is_sub(const ai_type *t, const ai_type *base) {
    for (; t; t = t->base)
        if (t == base) return true;
    return false;
}
static inline bool obj_isinstance(ai_value v, const ai_type *base) {
    return obj_type_is_sub(ai_type_of(v), base);
}
static inline const char *obj_type_name(ai_value v) { return ai_type_of(v)->name; }
/* Is v a class (a type object: its type is `type` or a metaclass)? */
static inline bool obj_is_class(ai_value v) {
    if (ai_is_smallint(v)) return false;
    const ai_type *t = ai_type_of_obj(ai_obj(v));
    return t == &ai_type_type || (t->flags & AI_TF_METACLASS);
}

/* ---- safepoints ------------------------------------------------------- */

/* Called at a compiled code's safepoint when the task's time slice
 * ended, before it yields (core/module.c); may not return: asyncio/ahead.c
 * gives up an evaluation that outgrew its slice. Set once, released. */
extern void (*_Atomic ai_slice_end_hook)(void);

/* ---- stack depth ------------------------------------------------------ */

/* True while the current C frame is above the running task's stack limit.
 * The frame address is used (not a local's address) because ASan may move
 * locals to a fake stack. A NULL limit (a thread the runtime did not start,
 * e.g. a unit test's main) means "no limit known". */
static inline bool obj_stack_ok(void) {
    char *limit = __atomic_load_n(&ai_tls.stack_limit, __ATOMIC_RELAXED);
    /* A pending preemption request (AI_STACK_LIMIT_PREEMPT) is not an
     * overflow; the next compiled prologue restores the real limit. */
    return limit == AI_STACK_LIMIT_PREEMPT || (char *)__builtin_frame_address(0) >= limit;
}

/* ---- tasks: where the pending exception lives ------------------------- */

/* Per-task exception state. ai_tls.task points at the running task; by
 * default the task IS an ai_task_core (the runtime's main task in
 * core/module.c is one). A scheduler whose task struct embeds an
 * ai_task_core elsewhere sets exc_task_core_offset to where it is (an
 * offset, not a function: exc_task() runs after most runtime calls).
 * With no task running (ai_tls.task NULL), a per-thread state is used. */
typedef struct ai_task_core {
    ai_value exc;           /* the pending exception, or 0 */
    ai_value handled;       /* the exception being handled (for implicit
                               __context__ and bare `raise`), or 0 */
    ai_value context;       /* contextvars: the current context's dict
                               (never changed in place), or 0 when empty;
                               an asyncio task swaps its own in */
    const struct ai_code_info *site_code;   /* ai_call_site: the call of
                               a `warn(…)` in progress (warnings.warn's
                               caller), or NULL; not a value */
    int64_t site_line;
} ai_task_core;

extern size_t exc_task_core_offset;
ai_task_core *exc_task(void);

/* ---- layouts ---------------------------------------------------------- */

/* str: PEP 393-style, immutable. Data (len + 1 code units, the last one
 * 0) follows the header. `hash` is -1 until computed; it is read and
 * written with relaxed atomics because immortal constants are shared by
 * all workers. */
typedef struct ai_strobj {
    ai_object ob;
    int64_t len; /* in code points */
    int64_t hash;
    uint8_t kind;  /* 1, 2 or 4 bytes per code point */
    uint8_t ascii; /* all code points < 128: data is valid UTF-8 */
    uint8_t _pad[2];
    /* Bytes allocated after the terminating code unit: 0, except in a
     * string that ai_str_iadd owns (objects/str.c), which appends in
     * place while no one else can see it. Counted by gc_size, so len
     * grows into it without the object's size changing (gc.h G2). */
    uint32_t spare;
} ai_strobj;

static inline ai_strobj *str_obj(ai_value v) { return (ai_strobj *)ai_obj(v); }
static inline void *str_data(const ai_strobj *s) { return (void *)(s + 1); }
static inline uint32_t str_char(const ai_strobj *s, int64_t i) {
    switch (s->kind) {
    case 1: return ((const uint8_t *)str_data(s))[i];
    case 2: return ((const uint16_t *)str_data(s))[i];
    default: return ((const uint32_t *)str_data(s))[i];
    }
}

typedef struct ai_tuple {
    ai_object ob;
    int64_t len;
    ai_value items[];
} ai_tuple;

static inline ai_tuple *tuple_obj(ai_value v) { return (ai_tuple *)ai_obj(v); }

/* A big int: sign-magnitude, 64-bit limbs least significant first.
 * |size| limbs are in use (the top one nonzero), sign(size) is the sign;
 * `alloc` limbs were allocated (results are computed in place and may use
 * fewer limbs than reserved). The value never fits a tagged small int. */
typedef struct ai_bigint {
    ai_object ob;
    int64_t size;
    int64_t alloc;
    uint64_t limbs[];
} ai_bigint;

typedef struct ai_bytes {
    ai_object ob;
    int64_t len;
    int64_t hash; /* -1 until computed */
    int64_t spare; /* bytes allocated after the NUL: see ai_strobj.spare */
    /* len bytes + a NUL follow */
} ai_bytes;
/* objects/bytes.c: b += v on a local owning b (see ai_str_iadd). */
ai_value bytes_iadd_owned(ai_value cur, ai_value v, ai_value *owned);

typedef struct ai_function {
    ai_object ob;
    const ai_func_info *info;
    ai_value defaults; /* tuple, or 0 for none */
    ai_value closure;  /* tuple of cells (free variables, in the order the
                          compiler numbered them), or 0 */
    ai_value kwdefaults; /* tuple aligned with the keyword-only params
                            (0 = required), or 0 */
    ai_value doc;        /* __doc__, or 0 for None */
    ai_value extra;      /* what Python code set: objects/funcattrs.c, or 0 */
} ai_function;

/* objects/funcattrs.c: attributes of functions, builtin functions and
 * builtin methods (__name__, __qualname__, __module__, __doc__,
 * __defaults__, __dict__, __code__ …). */
extern const ai_slots func_slots, builtin_fn_slots;
extern ai_type func_code_type;
/* A builtin method's attributes: the value, or 0 to look further. */
ai_value func_method_getattr(const char *mname, const ai_type *owner, ai_value self, ai_value name);

extern ai_type ai_cell_type;

typedef struct ai_builtin_fn {
    ai_object ob;
    const char *name;       /* "print" */
    ai_vectorcall fn;       /* called with the builtin object as callable */
    ai_value self;          /* bound receiver for builtin methods, or 0 */
    bool awaits_now;        /* as AI_METH_AWAITS_NOW (asyncio.sleep) */
} ai_builtin_fn;

/* Builtin function objects made at compile time (immortal, static). */
#define AI_BUILTIN_FN(cname, pyname, func) \
    ai_builtin_fn cname = {{(uintptr_t)&ai_builtin_function_type}, pyname, func, 0, false}
#define AI_BUILTIN_AWAIT_FN(cname, pyname, func) \
    ai_builtin_fn cname = {{(uintptr_t)&ai_builtin_function_type}, pyname, func, 0, true}

/* One traceback entry; arrays of them live in a tb object (exc.c). */
typedef struct ai_tb_entry {
    const ai_code_info *code;
    int32_t line;
    int32_t pos;            /* its span in code->positions, or -1 */
} ai_tb_entry;

typedef struct ai_exc {
    ai_object ob;
    ai_value args;    /* a tuple */
    ai_value tb;      /* traceback object (exc.c) or 0 */
    ai_value cause;   /* __cause__ or 0 */
    ai_value context; /* __context__ or 0 */
    int64_t suppress_context;
    ai_value attrs;   /* other attributes (a dict: CPython's instance __dict__,
                         and OSError's errno, strerror, filename, filename2), or 0 */
} ai_exc;

/* Raw, reference-free scratch memory in the actor's heap. */
typedef struct ai_rawbuf {
    ai_object ob;
    int64_t size; /* bytes of data following the header */
} ai_rawbuf;

/* ---- alloc.c (see alloc.h for the heap itself) ------------------------ */

void *alloc_static(ai_type *t, size_t size);
/* A zeroed reference-free buffer of n bytes in the actor's heap. */
void *alloc_raw(size_t n);
/* An object of `size` bytes and a raw buffer of n bytes for it (*raw its
 * data), in one step when they fit the current region; *raw NULL on
 * error. The caller barriers the object after storing the buffer. */
void *alloc_with_raw(ai_type *t, size_t size, size_t n, void **raw);
size_t alloc_fixed_size(const ai_object *o); /* gc_size of fixed types */

/* ---- exc.c ------------------------------------------------------------ */

extern ai_type ai_exc_BaseExceptionGroup, ai_exc_GeneratorExit, ai_exc_KeyboardInterrupt,
    ai_exc_SystemExit, ai_exc_FloatingPointError, ai_exc_BufferError, ai_exc_EOFError,
    ai_exc_ExceptionGroup, ai_exc_ImportError, ai_exc_ModuleNotFoundError, ai_exc_OSError,
    ai_exc_BlockingIOError, ai_exc_ChildProcessError, ai_exc_ConnectionError,
    ai_exc_BrokenPipeError, ai_exc_ConnectionAbortedError, ai_exc_ConnectionRefusedError,
    ai_exc_ConnectionResetError, ai_exc_FileExistsError, ai_exc_FileNotFoundError,
    ai_exc_InterruptedError, ai_exc_IsADirectoryError, ai_exc_NotADirectoryError,
    ai_exc_PermissionError, ai_exc_ProcessLookupError, ai_exc_TimeoutError, ai_exc_ReferenceError,
    ai_exc_StopAsyncIteration, ai_exc_SyntaxError, ai_exc_IndentationError, ai_exc_TabError,
    ai_exc_SystemError, ai_exc_UnicodeError, ai_exc_UnicodeDecodeError, ai_exc_UnicodeEncodeError,
    ai_exc_UnicodeTranslateError, ai_exc_Warning, ai_exc_BytesWarning, ai_exc_DeprecationWarning,
    ai_exc_EncodingWarning, ai_exc_FutureWarning, ai_exc_ImportWarning,
    ai_exc_PendingDeprecationWarning, ai_exc_ResourceWarning, ai_exc_RuntimeWarning,
    ai_exc_SyntaxWarning, ai_exc_UnicodeWarning, ai_exc_UserWarning;

/* core/excgroup.c: BaseExceptionGroup / ExceptionGroup's slots and str. */
extern const ai_slots excgroup_slots;
ai_value excgroup_str(ai_value eg);
/* The sub-exceptions of a group (a tuple). */
ai_value excgroup_exceptions(ai_value eg);
/* A traceback of its own with the same entries (core/exc.c; 0 for 0). */
ai_value exc_tb_copy(ai_value tb);

/* Every builtin exception type, for ai_builtin's name lookup. */
extern ai_type *const exc_all_types[];
extern const int exc_ntypes;

/* A new exception instance of type t with args tuple `args` (0: ()). */
ai_value exc_new(ai_type *t, ai_value args);
/* Make `exc` (an instance) the pending exception; returns AI_ERR. */
ai_value exc_set_pending(ai_value exc);
/* The pending exception, or 0; does not clear it. */
ai_value exc_pending(void);
/* Raise a MemoryError without allocating (a static instance). */
ai_value exc_nomem(void);
/* Raise with args = (a tuple of values); e.g. OverflowError(34, '...'). */
ai_value exc_raise_args(ai_type *t, ai_value args);
/* Raise the OSError subclass for errno `err` as CPython does: args
 * (err, strerror) or (err, strerror, filename) when filename != 0. */
ai_value exc_raise_errno(int err, ai_value filename);
/* True if the pending exception is an instance of t. */
bool exc_pending_is(ai_type *t);
void exc_clear(void);
/* str(exc) as CPython's BaseException.__str__ does. */
ai_value exc_str(ai_value exc);
/* Print exc (with its chain) as CPython's default excepthook to stderr. */
void exc_print(ai_value exc);
/* Called at the end of the program, after an uncaught exception's
 * traceback (core/module.c): reports CPython makes when its last objects
 * die (asyncio's "never retrieved"). */
extern void (*ai_finish_hook)(void);
/* Line `line` (1-based) of a module's source text, stripped of its
 * indentation and line ending, as tracebacks print it: false when there
 * is no such line. */
bool exc_source_line(const char *src, int32_t line, const char **p, size_t *n);
/* A method call's look-up of the method failed (the pending exception
 * says why): the caller's traceback entry reports the attribute's span,
 * not the call's, as CPython's LOAD_METHOD does. */
void exc_mark_lookup_failed(void);
struct strbuf;
/* CPython's ^~~ marker line for traceback entry position `pos` of code,
 * under the stripped source line p/n (exc_source_line's); as
 * the interpreter prints it, or as Lib/traceback.py does (`python`). */
void exc_print_carets(struct strbuf *b, const ai_code_info *code, int32_t pos, const char *p, size_t n, bool python);
/* The same after a header line (header includes its newline), written
 * together so that reports of concurrent actors do not interleave while
 * they fit the 16 KiB buffer. */
void exc_print_with(const char *header, ai_value exc);
/* exc's traceback as [(filename, lineno, name, line or None)], outermost
 * first (the frames an uncaught exc would print). */
ai_value exc_tb_entries(ai_value exc);
/* BaseException's protocol table (construct, args, __cause__ …): a
 * builtin exception type defined elsewhere (the aithon module's) copies
 * it into its own table and adds its module and attributes. */
extern const ai_slots exc_slots;
/* Raise OSError (the subclass errno selects: FileNotFoundError …) for
 * errno `err`, with filename / filename2 (0 for none), as CPython's
 * PyErr_SetFromErrnoWithFilenameObjects. Returns AI_ERR. */
ai_value exc_raise_oserror(int err, ai_value filename, ai_value filename2);
/* OSError.__init__'s work on a new instance (a class derived from
 * OSError): errno, strerror, filename, filename2 and args. 0 / -1. */
int exc_oserror_init(ai_value o, const ai_value *args, int64_t nargs);
/* An exception's attribute from its attribute dict, or 0. */
ai_value exc_attr(ai_value exc, const char *name);
/* RecursionError "maximum recursion depth exceeded<suffix>". */
ai_value exc_recursion(const char *suffix);

/* ---- module.c --------------------------------------------------------- */

extern int rt_argc;
extern char **rt_argv;
/* Start the runtime, run `entry` on the main task's big stack, print an
 * escaped exception, and return the process exit status. */
int mod_run_main(int argc, char **argv, ai_value (*entry)(void));
/* The atexit module's runner (`_aithon.set_exit_hook`), called with no
 * arguments when the main program ends, after an escaped exception's
 * traceback and before output is flushed; 0 when none. The atexit
 * module's globals hold it too, so it stays alive (objects never move). */
extern ai_value mod_exit_hook;
/* Ctrl-C (module.c): in the main task, raise the KeyboardInterrupt of a
 * SIGINT received (-1), else 0. rt_sleep and rt_wait_readable (fd
 * readable) block like nanosleep and poll, but the main task's wait ends
 * with KeyboardInterrupt (-1) when SIGINT arrives. */
int32_t rt_check_interrupt(void);
/* sys.getrecursionlimit() (core/exc.c): 1000 unless the program changed
 * it. Aithon's real limit is the stack; repr nesting and generator
 * nesting count against this one, as in CPython. */
int64_t sys_recursion_limit(void);
void sys_set_recursion_limit(int64_t n);
int32_t rt_sleep(int64_t ns);
int32_t rt_wait_readable(int fd);
/* True when a SIGINT would interrupt the running code: the main task,
 * with the Ctrl-C handler installed. */
bool rt_interrupt_watched(void);
/* Call fn for every registered module (the collector's roots). */
void mod_each(void (*fn)(const ai_module_info *m, void *ctx), void *ctx);

/* ---- call.c ----------------------------------------------------------- */

ai_value call_builtin_new(const char *name, ai_vectorcall fn, ai_value self);
/* Argument-count helpers for builtins, with CPython's messages. */
int call_no_kwargs(const char *fname, ai_value kwnames);
int call_exact_args(const char *fname, int64_t nargs, int64_t want);

/* ---- builtins.c ------------------------------------------------------- */

/* The builtins namespace is the union of several tables, one per area of
 * the runtime, each ending with {NULL, 0}: ai_builtin() searches them in
 * order. An area adds its builtins to its own table, in its own file. */
typedef struct bi_entry {
    const char *name;
    ai_value value;
} bi_entry;
/* Call fn(name, value) for every builtin, in lookup order (the
 * builtins module's attributes); stops at the first fn < 0. */
int bi_each(int (*fn)(const char *name, ai_value v, void *ctx), void *ctx);
extern const bi_entry bi_table_seq[];   /* objects/list.c: list, sorted, enumerate, zip … */
extern const bi_entry bi_table_map[];   /* objects/dict.c: dict, set, frozenset … */
extern const bi_entry bi_table_text[];  /* objects/format.c: format, bin, hex, input, open … */
extern const bi_entry bi_table_async[]; /* objects/coro.c: anext, aiter */

/* Buffered UTF-8 output to stdout; stderr writes go straight through. */
/* The process's buffered stdout (core/builtins.c): 0, or the errno of a
 * failed write (exc_raise_errno turns it into CPython's exception). A
 * flush that fails keeps the data; bi_stdout_discard drops it. */
int bi_stdout_write(const char *p, size_t n);
int bi_stdout_flush(void);
void bi_stdout_discard(void);
void bi_stderr_write(const char *p, size_t n);
/* Hook for print(file=...) once sys.stderr/file objects exist: return
 * AI_NONE after writing, AI_ERR on error. NULL: file= is refused. */
extern ai_value (*bi_print_file_hook)(ai_value file, const ai_value *args, int64_t nargs,
                                      ai_value sep, ai_value end, bool flush);
/* Set by the sys module: what print() without file= writes to when
 * sys.stdout was replaced (contextlib.redirect_stdout), else 0. */
extern ai_value (*bi_stdout_redirect_hook)(void);

/* ---- ops.c: the generic protocol -------------------------------------- */

int64_t obj_hash(ai_value v);
/* a == b as a C truth value: 1/0, -1 on error (identity first). */
int32_t obj_eq(ai_value a, ai_value b);
/* "'<' not supported between instances of 'A' and 'B'" */
ai_value obj_cmp_unsupported(ai_value a, ai_value b, int32_t op);
extern const char *const obj_cmp_opname[6];
/* A value that must be an int (incl. bool, or __index__): as int64. *ok
 * is set false when it is a big int that does not fit (no error raised).
 * Returns -1 with an error pending for a non-int ("'float' object cannot
 * be interpreted as an integer"); check exc when -1 is returned. */
int64_t obj_index_i64(ai_value v, bool *fits, bool *err);
/* divmod() and abs() through the slots, with CPython's TypeErrors. */
ai_value obj_divmod(ai_value a, ai_value b);
ai_value obj_abs(ai_value a);
/* Default repr "<X object at 0x...>". */
ai_value obj_default_repr(ai_value v);
/* Swapped comparison op: < ↔ >, <= ↔ >=. */
static inline int32_t obj_cmp_swap(int32_t op) {
    static const int8_t sw[6] = {AI_CMP_GT, AI_CMP_GE, AI_CMP_EQ, AI_CMP_NE, AI_CMP_LT, AI_CMP_LE};
    return sw[op];
}
/* Compare two C values by op (for types that compare like numbers). */
#define OBJ_CMP_RESULT(op, c)       \
    ((op) == AI_CMP_LT   ? (c) < 0  \
     : (op) == AI_CMP_LE ? (c) <= 0 \
     : (op) == AI_CMP_EQ ? (c) == 0 \
     : (op) == AI_CMP_NE ? (c) != 0 \
     : (op) == AI_CMP_GT ? (c) > 0  \
                         : (c) >= 0)

/* ---- objects/int.c ---------------------------------------------------- */

extern const ai_slots int_slots;
static inline bool int_check(ai_value v) {
    /* int, bool (a subtype), big ints */
    return ai_is_smallint(v) || obj_type_is_sub(ai_type_of_obj(ai_obj(v)), &ai_int_type);
}
/* Normalise bool → tagged 0/1 and an instance of an int subclass (a box:
 * objects/class.h, CLS_LAYOUT_INTBOX) → its int; ints unchanged. v must
 * pass int_check. */
static inline ai_value int_unbool(ai_value v) {
    if (v == AI_TRUE) return ai_smallint(1);
    if (v == AI_FALSE) return ai_smallint(0);
    if (!ai_is_smallint(v) && (ai_type_of_obj(ai_obj(v))->flags & AI_TF_INTBOX))
        return ((const ai_value *)ai_obj(v))[1];
    return v;
}
/* Sign: -1, 0, 1. v must pass int_check. */
int int_sign(ai_value v);
/* Compare two ints: -1, 0, 1. */
int int_cmp(ai_value a, ai_value b);
/* int → int64 if it fits (returns false otherwise, no error). */
bool int_to_i64(ai_value v, int64_t *out);
/* int → double, correctly rounded; false + OverflowError when too big. */
bool int_to_double(ai_value v, double *out);
/* A finite double's integer part as an int (exact). */
ai_value int_from_double(double d);
/* Exact comparison of an int with a double; returns a bool result. */
bool int_cmp_double(ai_value i, double d, int32_t op);
ai_value int_from_u64(uint64_t u, bool negative);
/* str(int) as a str object; ValueError past the 4300-digit limit. */
ai_value int_to_str(ai_value v);
/* Decimal text of an int, and parsing decimal text, without the
 * int_max_str_digits limit: for the stdlib's internal use (_aithon). */
ai_value int_to_str_unlimited(ai_value v);
ai_value int_parse_unlimited(ai_value s);
/* Decimal text of v into a malloc'd buffer (no limit check): for
 * constants, debugging and print's fast path. NULL on OOM. */
char *int_to_decimal_malloc(ai_value v, size_t *len);
/* Parse an int from ASCII/Unicode text as int(text, base) does; `s` is
 * the original str object for messages. */
ai_value int_parse(ai_value s, int base);
int64_t int_hash(ai_value v);
extern int64_t int_max_str_digits; /* sys.set_int_max_str_digits */
/* int(x) for the `int` type's constructor. */
ai_value int_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames);
/* Number-slot entry points shared with bool. */
ai_value int_add(ai_value a, ai_value b);
ai_value int_and(ai_value a, ai_value b);
ai_value int_or(ai_value a, ai_value b);
ai_value int_xor(ai_value a, ai_value b);
ai_value int_pow_mod(ai_value base, ai_value exp, ai_value mod);
ai_value int_repr(ai_value v);
/* The decimal text of n (with its '-') into buf (≥ 22 bytes,
 * NUL-terminated): its length. No printf. */
int int_small_to_decimal(int64_t n, char *buf);

/* ---- objects/float.c -------------------------------------------------- */

static inline double float_get(ai_value v) { return ((ai_float *)ai_obj(v))->value; }
static inline bool float_check(ai_value v) { return obj_isinstance(v, &ai_float_type); }
/* objects/complex.c */
extern ai_type ai_complex_type;
ai_value complex_new(double re, double im);
bool complex_check(ai_value v);
ai_value complex_pow_raw(double ar, double ai, double br, double bi);
void complex_parts(ai_value v, double *re, double *im);
ai_value fmt_complex(ai_value v, ai_value spec);
/* Shortest round-trip repr, as CPython ("0.1", "1e+16", "inf"). Writes
 * at most 32 bytes (NUL included) into buf; returns the length. */
int float_repr_buf(double d, char buf[32]);
int64_t float_hash_double(double d, ai_value self);
/* Convert a number (int/bool/float) to double, with OverflowError. */
bool float_coerce(ai_value v, double *out, bool *is_number);
ai_value float_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames);
/* float(str) */
ai_value float_parse(ai_value s);
/* Python's float % and // (shared with divmod). */
void float_divmod_raw(double a, double b, double *div, double *mod);
ai_value float_pow_raw(double a, double b);
ai_value float_round(double x, ai_value ndigits);

/* ---- objects/str.c ---------------------------------------------------- */

ai_value str_new_kind(int kind, int64_t len); /* uninitialised data */
ai_value str_from_utf8(const char *s, int64_t len);
ai_value str_from_cstr(const char *s);
/* The immortal str of a C string literal, made once per literal (cached
 * by the literal's address): for names the runtime looks up repeatedly
 * (`"__exit__"`), so they hash once and compare by identity. NULL only
 * when out of memory. */
ai_value str_of_literal(const char *lit);
ai_value str_from_ascii(const char *s, int64_t len);
/* NUL-terminated UTF-8 for a str (lone surrogates encoded as 3 bytes);
 * points into the string itself when it is ASCII. NULL on OOM. */
const char *str_utf8(ai_value s, int64_t *len);
/* Encode for output: like str_utf8 but raises UnicodeEncodeError on
 * lone surrogates. */
const char *str_utf8_strict(ai_value s, int64_t *len);
/* UTF-8 for the standard streams, errors='surrogateescape' as CPython's
 * (in its UTF-8 mode and C locale): U+DC80..U+DCFF become the bytes
 * 0x80..0xFF; other lone surrogates raise UnicodeEncodeError. */
const char *str_utf8_stdio(ai_value s, int64_t *len);
bool str_eq(const ai_strobj *a, const ai_strobj *b);
int str_cmp(const ai_strobj *a, const ai_strobj *b);
/* a op b (AI_CMP_*) of two strs, str's own comparison. */
bool str_compare_op(const ai_strobj *a, const ai_strobj *b, int32_t op);
ai_value str_concat(ai_value a, ai_value b);
ai_value str_repr(ai_value s);
int64_t str_hash(ai_value s);
ai_value str_from_codepoint(uint32_t cp);
/* The one-character strings of code points < 256, 0 until first made. */
extern ai_value ai_str_char_cache[256];
/* Is code point c printable in repr()'s sense (Unicode 14.0)? */
bool str_isprintable(uint32_t c);
/* Python's str.isspace() for one code point. */
bool str_is_space(uint32_t c);
/* A malloc'd ASCII copy of s without surrounding whitespace, for number
 * parsing; decimal digits of other scripts become ASCII digits. NULL with
 * *len == -1 (no error raised) when s holds another non-ASCII code
 * point; NULL with *len == 0 when out of memory. */
char *str_ascii_strip_malloc(ai_value s, int64_t *len);
static inline bool str_check(ai_value v) { return obj_isinstance(v, &ai_str_type); }

/* A growable UTF-8 byte buffer for building text in C (repr, messages).
 * Backed by malloc; sb_finish turns it into a str object and frees it. */
typedef struct strbuf {
    char *p;
    size_t len, cap;
    bool oom; /* an append failed: sb_finish raises MemoryError */
    char small[256];
} strbuf;
void sb_init(strbuf *b);
void sb_free(strbuf *b);
void sb_add(strbuf *b, const char *s, size_t n);
static inline void sb_adds(strbuf *b, const char *s) { sb_add(b, s, strlen(s)); }
void sb_addc(strbuf *b, uint32_t cp); /* one code point as UTF-8 */
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append a str value's text. */
void sb_add_str(strbuf *b, ai_value s);
/* The buffer as a str object (AI_ERR on OOM); frees the buffer. */
ai_value sb_finish(strbuf *b);

/* ---- objects/tuple.c -------------------------------------------------- */

extern ai_tuple tuple_empty_obj; /* the immortal () */
ai_value tuple_new(int64_t n);   /* items zero (to be filled) */
static inline bool tuple_check(ai_value v) { return obj_isinstance(v, &ai_tuple_type); }
/* a < b for two exact tuples, as tuple's < answers it (items compared
 * with == first): 1, 0, -1 on error. For sorting tuple keys. */
int tuple_lt(ai_value a, ai_value b);
ai_value tuple_pack2(ai_value a, ai_value b);

/* An iterator over a str or tuple: the sequence and the next index. */
typedef struct seq_iter {
    ai_object ob;
    ai_value seq;
    int64_t index;
} seq_iter;
void seq_iter_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx);
ai_value obj_iter_self(ai_value it); /* the iter slot of iterators */

/* ---- objects/bytes.c -------------------------------------------------- */

ai_value bytes_from(const char *data, int64_t len, bool immortal);

/* ---- objects/gen.c ---------------------------------------------------- */

extern ai_type ai_gen_type;

/* objects/slice.c: the arguments of list.index / tuple.index. */
int seq_index_args(const char *fname, const ai_value *args, int64_t nargs, ai_value kwnames, int64_t len,
                   int64_t *start, int64_t *stop);

/* ---- core/attr.c ------------------------------------------------------- */

extern ai_type ai_method_type;    /* a builtin method bound to its receiver */
/* Find method `name` (a str) along t's base chain; NULL if none. */
const ai_method_def *attr_find_method(const ai_type *t, ai_value name);
/* AttributeError "'int' object has no attribute 'x'" (type objects:
 * "type object 'int' has no attribute 'x'"). */
ai_value attr_error(ai_value o, ai_value name);
/* Is `name` (a str) equal to the C string s? */
bool attr_name_is(ai_value name, const char *s);

/* ---- objects/type.c --------------------------------------------------- */

ai_value type_repr(ai_value t);

/* ---- objects/list.c, slice.c, sort.c, iterobjects.c: sequences ------- */

extern ai_type ai_list_type, ai_slice_type;

/* list: len items in use out of cap slots. `items` is the data of an
 * ai_rawbuf (runtime-allocated, reference-free for the collector: the
 * list's gc_visit reports the buffer and each item in use), or NULL when
 * cap <= 0. cap == -1 marks a list being sorted (see sort.c). */
typedef struct ai_list {
    ai_object ob;
    int64_t len;
    int64_t cap;
    ai_value *items;
} ai_list;

static inline ai_list *list_obj(ai_value v) { return (ai_list *)ai_obj(v); }
static inline bool list_check(ai_value v) { return obj_isinstance(v, &ai_list_type); }
/* A new empty list with room for `cap` items. */
ai_value list_new(int64_t cap);
/* list(iterable): a new list of the iterable's items. */
ai_value list_from_iter(ai_value iterable);
/* v's items, when v is a list or tuple that iterates as its array: the
 * exact types (CPython's PySequence_Fast paths), or a subclass that does
 * not override __iter__ (a subclass's __iter__ must be called, as
 * CPython's exact-type checks do). false otherwise. */
bool seq_fast_items(ai_value v, const ai_value **items, int64_t *n);
/* bytearray.__init__(*args) of an instance of a subclass (objects/bytes.c). */
ai_value bytearray_reinit(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames);
/* l.sort(key=key, reverse=reverse) (key 0 or None: no key): 0 / -1. */
int32_t list_sort(ai_value list, ai_value key, bool reverse);
/* The same from sort()'s keyword-only arguments (kwargs[i] named by
 * kwnames[i]), with CPython's TypeErrors: for list.sort and sorted(). */
int32_t list_sort_kw(ai_value list, const ai_value *kwargs, ai_value kwnames);

/* array.array (objects/array.c): len raw items of itemsize bytes out of
 * cap, in the data of an ai_rawbuf (NULL when cap == 0); the buffer holds
 * no values. compiler/emit_float.c reads len, data and code at fixed
 * offsets (checked by a static assertion in array.c). */
typedef struct ai_array {
    ai_object ob;
    int64_t len;
    int64_t cap;
    unsigned char *data;
    char code;        /* the typecode: b B u h H i I l L q Q f d */
    uint8_t itemsize; /* CPython's sizes on x86-64 Linux */
} ai_array;
extern ai_type ai_array_type;
bool array_check(ai_value v);
/* The raw bytes of an array (its items in machine order). */
const unsigned char *array_buffer(ai_value v, int64_t *len);

/* Recursion guard for container reprs ([[...]], {'a': {...}}): returns 1
 * when v's repr is already in progress on this thread (print the "..."
 * form), 0 when v was entered (call repr_leave(v) when done), -1 on
 * error (MemoryError pending). */
int repr_enter(ai_value v);
void repr_leave(ai_value v);
/* The containers being repr'd on this thread, and dropping the innermost
 * ones down to n: for code left without unwinding (an evaluation ahead
 * that gives up, asyncio/ahead.c), whose repr_leave calls never run. */
int64_t repr_depth(void);
void repr_unwind(int64_t n);

/* slice objects (ai_slice_new); absent bounds are None. */
typedef struct ai_slice {
    ai_object ob;
    ai_value start, stop, step;
} ai_slice;
static inline bool slice_check(ai_value v) { return obj_is_type(v, &ai_slice_type); }
/* Resolve a slice against a sequence of length len, as CPython's
 * PySlice_Unpack + PySlice_AdjustIndices: start and stop clamped, step
 * nonzero, slicelen the number of items selected. 0 ok, -1 with the
 * exception set ("slice step cannot be zero", "slice indices must be
 * integers or None or have an __index__ method"). */
int slice_indices(ai_value slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step,
                  int64_t *slicelen);
/* The two steps apart, for bounds given as values (compiled a[i:j:k],
 * None when absent): read them (slice_bounds3, 0 / -1 with the same
 * exceptions; small ints read inline) and clamp them to a length read
 * afterwards (slice_clamp returns the number of items), as CPython's
 * list reads its length after the bounds' __index__ ran. */
int slice_bounds3(ai_value lo, ai_value hi, ai_value st, int64_t *start, int64_t *stop, int64_t *step);
int64_t slice_clamp(int64_t len, int64_t *start, int64_t *stop, int64_t step);
/* list[lo:hi:st] and list[lo:hi:st] = v (v 0: del) of an exact list with
 * the bounds as values (objects/list.c, called by ai_getslice/ai_setslice). */
ai_value list_getslice(ai_value list, ai_value lo, ai_value hi, ai_value st);
int32_t list_setslice(ai_value list, ai_value lo, ai_value hi, ai_value st, ai_value v);
/* list[lo:hi] = the n values src[0..n) (a copy the caller owns). */
int32_t list_setslice_items(ai_value list, ai_value lo, ai_value hi, const ai_value *src, int64_t n);
/* The same with ints of any size (CPython's _PySlice_GetLongIndices):
 * len is a non-negative int; out[0..3) get start, stop, step as ints
 * (the step unclamped). For range slicing and slice.indices(). 0 / -1. */
int slice_indices_big(ai_value slice, ai_value len, ai_value out[3]);
/* An integer subscript (int, bool or __index__) as int64 for indexing:
 * 0 ok, -1 with the exception set ("cannot fit 'int' into an index-sized
 * integer"). The caller checked that key is integer-like (index slot or
 * a small int) and picks its own TypeError otherwise. */
int seq_index_of(ai_value key, int64_t *out);

/* ---- objects/dict.c, dictviews.c, set.c: mappings and sets ------------ */

extern ai_type ai_dict_type, ai_set_type, ai_frozenset_type, ai_dict_keys_type,
    ai_dict_values_type, ai_dict_items_type;

static inline bool dict_check(ai_value v) { return obj_isinstance(v, &ai_dict_type); }
/* set or frozenset (or a subtype of either) */
static inline bool anyset_check(ai_value v) {
    return obj_isinstance(v, &ai_set_type) || obj_isinstance(v, &ai_frozenset_type);
}

/* The hash used by dict and set lookups: obj_hash, with the small-int and
 * str cases inline (their hashes never raise). -1: an error is pending. */
static inline int64_t map_hash(ai_value v) {
    if (ai_is_smallint(v)) {
        int64_t n = ai_smallint_get(v);
        /* Python's numeric hash is n mod 2**61 - 1; smaller ints are their own hash. */
        if (n > -(((int64_t)1 << 61) - 1) && n < ((int64_t)1 << 61) - 1) return n == -1 ? -2 : n;
        return int_hash(v);
    }
    if (ai_type_of_obj(ai_obj(v)) == &ai_str_type) return str_hash(v);
    return obj_hash(v);
}

/* Key equality without calling out when the answer is known: 1 equal,
 * 0 different, -2 "ask obj_eq". Two small ints are equal only when
 * identical; two exact strs compare by content. */
static inline int map_key_eq_fast(ai_value stored, ai_value key) {
    if (stored == key) return 1;
    if (ai_is_smallint(stored) || ai_is_smallint(key))
        return ai_is_smallint(stored) && ai_is_smallint(key) ? 0 : -2;
    if (ai_type_of_obj(ai_obj(stored)) == &ai_str_type && ai_type_of_obj(ai_obj(key)) == &ai_str_type)
        return str_eq(str_obj(stored), str_obj(key));
    return -2;
}

/* "name expected at least 1 argument, got 0" / "… at most 2 arguments,
 * got 3" (CPython's PyArg_UnpackTuple wording): 0 ok, -1 raised. */
int map_arg_range(const char *name, int64_t nargs, int64_t min, int64_t max);

/* dict (objects/dict.c) */
ai_value dict_new(void);
int64_t dict_len(ai_value d);
/* d[key] with the key's hash known: 1 found (*out set), 0 missing, -1 error. */
int32_t dict_get(ai_value d, ai_value key, ai_value *out);
int32_t dict_get_hash(ai_value d, ai_value key, int64_t hash, ai_value *out);
/* The entry number holding key (its position in insertion order, holes
 * included), -1 when absent, -2 on error. */
int64_t dict_index_of(ai_value d, ai_value key);
/* d[key] = v: 0 / -1. */
int32_t dict_set(ai_value d, ai_value key, ai_value v);
/* del d[key]: 1 removed, 0 missing (no error raised), -1 error. */
int32_t dict_del(ai_value d, ai_value key);
/* Walk the live entries in order: start with *pos = 0; false at the end.
 * Any of key/value/hash may be NULL. Safe if d changes between calls. */
bool dict_next(ai_value d, int64_t *pos, ai_value *key, ai_value *value, int64_t *hash);
/* d.update(arg): a mapping (dict, or anything with keys()) or an
 * iterable of pairs, with CPython's errors. 0 / -1. */
int32_t dict_update_arg(ai_value d, ai_value arg);
ai_value dict_copy(ai_value d);
/* Iterators over a dict (kind: DICT_IT_*), forward or reversed. */
enum { DICT_IT_KEYS, DICT_IT_VALUES, DICT_IT_ITEMS };
ai_value dict_iter_new(ai_value d, int kind, bool reversed);
/* The view objects (objects/dictviews.c). */
ai_value dictview_new(ai_value d, int kind);

/* set and frozenset (objects/set.c) */
/* A new set or frozenset (t) of the iterable's items (0: empty). */
ai_value set_new(ai_type *t, ai_value iterable);
int64_t set_len(ai_value s);
/* set.__init__(iterable) on an existing set: clear, then add the items. 0 / -1. */
int32_t set_reinit(ai_value s, ai_value iterable);
/* key in s, without the set → frozenset retry of `in`: 1/0/-1. */
int32_t set_contains_key(ai_value s, ai_value key);
/* s.difference_update(other), s.symmetric_difference_update(other),
 * s.intersection(other) for the dict views' set operations. */
int32_t set_difference_update(ai_value s, ai_value other);
int32_t set_symmetric_difference_update(ai_value s, ai_value other);
ai_value set_intersection(ai_value s, ai_value other);
/* What CPython builds for a display of n >= 3 constants, {1, 2, 3}: a
 * frozenset constant merged into a new set (its table layout, hence
 * iteration order, can differ from adding the items one by one). */
ai_value set_from_const_display(const ai_value *items, int64_t n);


/* ---- objects/class.c, class_slots.c, class_descr.c: user classes ------ */

/* Builtins of the class machinery: staticmethod, classmethod, property,
 * super, vars. */
extern const bi_entry bi_table_class[];
extern ai_type cls_super_type, cls_method_type; /* super objects, bound methods */
/* Is t `base` or a subtype of it, along t's MRO (multiple inheritance);
 * obj_type_is_sub follows only the primary base chain. */
bool cls_is_subtype(const ai_type *t, const ai_type *base);
static inline bool cls_isinstance(ai_value v, const ai_type *t) {
    return cls_is_subtype(ai_type_of(v), t);
}
/* Attributes of type objects (C.x, C.__name__, int.__add__): the value,
 * AI_ERR, or 0 with no exception to fall back to core/attr.c's tables. */
ai_value cls_type_getattr(ai_value type, ai_value name);
/* C.x = v / del C.x (v == 0) on a class made by ai_class_new. */
int32_t cls_type_setattr(ai_value type, ai_value name, ai_value v);
/* A dunder of a builtin instance reached by name ((5).__add__): a bound
 * slot wrapper, AI_ERR, or 0 with no exception when there is none. */
ai_value cls_static_dunder(ai_value o, ai_value name);
/* ai_call_method for receivers that are class instances, classes or
 * super objects (core/attr.c dispatches here). */
ai_value cls_call_method(ai_value o, ai_value name, const ai_value *args, int64_t nargs,
                         ai_value kwnames, void *cache);
/* type(name, bases, dict) */
ai_value cls_type_new3(ai_value name, ai_value bases, ai_value dict);
/* C(*args, **kwargs) of a class: what type.__call__ does (ai_call goes
 * there directly, past type_call, when C's metaclass is type itself). */
ai_value cls_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames);
/* ---- generic aliases and unions (objects/genericalias.c) ---- */
/* list, dict, tuple, set, frozenset, type: cls[item] is a GenericAlias. */
bool ga_builtin_generic(const ai_type *t);
ai_value ga_new(ai_value origin, ai_value item);
/* a | b for classes, None, aliases and unions (NotImplemented otherwise). */
ai_value ga_union_or(ai_value a, ai_value b);
bool ga_is_union(ai_value v);
bool ga_is_alias(ai_value v);
ai_value ga_union_args(ai_value u); /* its members, a tuple (None as NoneType) */
/* ---- metaclasses (objects/class_meta.c) ---- */
/* Make a class whose type is `meta` (type or a metaclass): the body of
 * type.__new__ after its argument checks. kw: the class keywords (a dict
 * for __init_subclass__), or 0. */
ai_value cls_make(ai_type *meta, ai_value name, ai_value qualname, ai_value bases, ai_value ns, ai_value kw);
/* type.__new__(meta, name, bases, ns, **kw) with vectorcall arguments
 * (args excludes meta). */
ai_value cls_meta_new(ai_type *meta, const ai_value *args, int64_t nargs, ai_value kwnames);
/* object.__getattribute__ / __setattr__ for a class whose type is a
 * metaclass (class attributes, then the metaclass's). */
ai_value cls_meta_generic_getattr(ai_value cls, ai_value name);
int32_t cls_meta_generic_setattr(ai_value cls, ai_value name, ai_value v);
/* isinstance / issubclass through the metaclass's __instancecheck__ /
 * __subclasscheck__: 1/0, -1 error, 2 when the metaclass has none. */
int cls_meta_instancecheck(ai_value cls, ai_value v);
int cls_meta_subclasscheck(ai_value cls, ai_value sub);
/* cls[item] for a class: __class_getitem__, or a generic alias of the
 * builtin container types (list[int]); 0 with no exception otherwise. */
ai_value cls_class_getitem(ai_value cls, ai_value item);
/* o.name(*args) when o is an instance of a class whose MRO defines
 * `name` (round() → __round__); 0 with no exception otherwise. */
/* name: a string literal (str_of_literal) */
ai_value cls_call_named(ai_value o, const char *name, const ai_value *args, int64_t nargs);
/* A special method looked up on o's type, as CPython looks up __enter__
 * (the instance dict is not consulted), bound to o; 0 with no exception
 * when the type has none. */
/* name: a string literal (str_of_literal) */
ai_value cls_special_method(ai_value o, const char *name);
/* int(x) / float(x) (target int or float) of a class instance through
 * __int__ / __float__ / __index__; 0 with no exception when x is not an
 * instance of a class or has none of them. */
ai_value cls_convert(const ai_type *target, ai_value x);
/* Give every class a new version stamp, so that no attribute cache entry
 * or call-site record is trusted again: a collector that moves objects
 * calls this (those caches hold raw values outside the heap). */
void cls_flush_caches(void);
/* core/match.c: an ABC's `__abc_tpflags__` become its collection flags
 * (0 / -1); register() passes the ABC's flag to a subclass. */
int match_abc_init(ai_value cls);
void match_abc_register(ai_value abc, ai_value subclass);
/* The collector's view of type objects (static or classes). */
void cls_type_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx);
size_t cls_type_size(const ai_object *o);
/* "__main__.C" (module-qualified qualname; the bare name for builtins)
 * into a strbuf, for default reprs and tracebacks. */
void cls_add_fullname(strbuf *b, const ai_type *t);
/* The name a traceback prints for an exception's type: the qualname,
 * prefixed by the module unless it is builtins or __main__. */
void cls_add_exc_name(strbuf *b, const ai_type *t);
/* The result r of a builtin operation or method on a (receiver a,
 * other operand b): when r is one of them and an instance of a subclass
 * of an immutable builtin type (str, tuple, int …), an exact copy of its
 * base value, as CPython's operations return; else r. */
ai_value cls_exact_result_slow(ai_value r);
static inline ai_value cls_exact_result(ai_value r, ai_value a, ai_value b) {
    if (!r || ai_is_smallint(r) || (r != a && r != b)) return r;
    if (!(ai_type_of_obj(ai_obj(r))->flags & AI_TF_HEAPTYPE)) return r;
    return cls_exact_result_slow(r);
}
/* A builtin method bound to self (core/attr.c's method objects). */
ai_value attr_method_new(const ai_method_def *def, ai_value self);
/* BaseException fields (args, __cause__, __context__, __traceback__,
 * __suppress_context__) set from Python: 0 ok, -1 error. */
int32_t exc_setattr(ai_value o, ai_value name, ai_value v);
/* An exception's attribute dict, args-derived attributes (the getattr slot). */
ai_value exc_getattr_slot(ai_value o, ai_value name);

#endif
