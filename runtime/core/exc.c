/*
 * core/exc.c — exceptions: the builtin exception types, exception
 * instances, the pending exception, tracebacks, and printing an escaped
 * exception the way CPython 3.11's default excepthook does.
 *
 * Model (DESIGN.md §3): a call that raises returns AI_ERR with the
 * exception pending in the current task (ai_task_core.exc). Each compiled
 * frame that sees the error calls ai_traceback_add(code, line), innermost
 * frame first, so an instance's traceback array is stored innermost
 * first and printed in reverse.
 *
 * Invariants:
 *   - builtin exception types are static ai_type objects with
 *     AI_TF_EXCEPTION and one base (ExceptionGroup's second base,
 *     Exception, is not modelled); classes derived from them in Python
 *     (objects/class.c) share the ai_exc layout plus a dict word, so
 *     instances are allocated with the type's basicsize;
 *   - an instance's `args` is always a tuple;
 *   - the raising path never recurses deeply and allocates only small
 *     objects, so RecursionError and MemoryError can be raised when the
 *     stack or heap is nearly exhausted (MemoryError falls back to a static
 *     instance when even a small allocation fails).
 * Attributes: args, __cause__, __context__, __suppress_context__,
 * __traceback__ and with_traceback(), and any other attribute (the
 * attrs dict, CPython's instance __dict__).
 * Other attributes live in a per-instance dict (attrs); OSError's
 * errno/strerror/filename/filename2 too. Not handled yet: SystemExit
 * .code (the runtime's exit path reads args directly), the "Did you
 * mean" suggestions CPython 3.11 prints for NameError/AttributeError, and
 * exception groups' tree printing.
 */
#include "core/object.h"
#include "gc/gc.h"

#include <errno.h>
#include <stdlib.h>

/* ---- the builtin hierarchy -------------------------------------------- */

static ai_value exc_repr(ai_value v);
static ai_value exc_str_slot(ai_value v);
static ai_value keyerror_str(ai_value v);
static ai_value exc_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames);
static void exc_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx);

ai_type ai_traceback_type;

static const ai_getset_def exc_getset[];
static const ai_method_def exc_methods[];
const ai_slots exc_slots = {
    .construct = exc_construct,
    .getset = exc_getset,
    .methods = exc_methods,
    .setattr = exc_setattr,
    .getattr = exc_getattr_slot,
};

#define EXC_TYPE_STR(NAME, BASE, STR)                          \
    ai_type ai_exc_##NAME = {.ob = {(uintptr_t)&ai_type_type}, \
                             .name = #NAME,                    \
                             .base = BASE,                     \
                             .flags = AI_TF_EXCEPTION,         \
                             .basicsize = sizeof(ai_exc),      \
                             .repr = exc_repr,                 \
                             .str = STR,                       \
                             .gc_visit = exc_visit,            \
                             .gc_size = alloc_fixed_size,      \
                             .slots = (void *)&exc_slots};
#define EXC_TYPE(NAME, BASE) EXC_TYPE_STR(NAME, &ai_exc_##BASE, exc_str_slot)

/* X(name, base): CPython 3.11's builtin hierarchy, parents first.
 * (BaseException and KeyError are defined separately below.) */
// clang-format off
#define EXC_LIST(X) \
    X(GeneratorExit, BaseException) \
    X(KeyboardInterrupt, BaseException) \
    X(SystemExit, BaseException) \
    X(Exception, BaseException) \
    X(ArithmeticError, Exception) \
    X(FloatingPointError, ArithmeticError) \
    X(OverflowError, ArithmeticError) \
    X(ZeroDivisionError, ArithmeticError) \
    X(AssertionError, Exception) \
    X(AttributeError, Exception) \
    X(BufferError, Exception) \
    X(EOFError, Exception) \
    X(ImportError, Exception) \
    X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) \
    X(IndexError, LookupError) \
    X(MemoryError, Exception) \
    X(NameError, Exception) \
    X(UnboundLocalError, NameError) \
    X(ReferenceError, Exception) \
    X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) \
    X(RecursionError, RuntimeError) \
    X(StopAsyncIteration, Exception) \
    X(StopIteration, Exception) \
    X(SyntaxError, Exception) \
    X(IndentationError, SyntaxError) \
    X(TabError, IndentationError) \
    X(SystemError, Exception) \
    X(TypeError, Exception) \
    X(ValueError, Exception) \
    X(UnicodeError, ValueError) \
    X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) \
    X(UnicodeTranslateError, UnicodeError) \
    X(Warning, Exception) \
    X(BytesWarning, Warning) \
    X(DeprecationWarning, Warning) \
    X(EncodingWarning, Warning) \
    X(FutureWarning, Warning) \
    X(ImportWarning, Warning) \
    X(PendingDeprecationWarning, Warning) \
    X(ResourceWarning, Warning) \
    X(RuntimeWarning, Warning) \
    X(SyntaxWarning, Warning) \
    X(UnicodeWarning, Warning) \
    X(UserWarning, Warning)
// clang-format on

EXC_TYPE_STR(BaseException, &ai_object_type, exc_str_slot)
EXC_TYPE_STR(KeyError, &ai_exc_LookupError, keyerror_str)
EXC_LIST(EXC_TYPE)

/* OSError and its subclasses: errno, strerror, filename and filename2,
 * the subclass chosen by errno when OSError itself is called, and
 * CPython's "[Errno 2] No such file or directory: 'x'" text. */
// clang-format off
#define OSERR_LIST(X) \
    X(OSError, Exception) \
    X(BlockingIOError, OSError) \
    X(ChildProcessError, OSError) \
    X(ConnectionError, OSError) \
    X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) \
    X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError) \
    X(FileExistsError, OSError) \
    X(FileNotFoundError, OSError) \
    X(InterruptedError, OSError) \
    X(IsADirectoryError, OSError) \
    X(NotADirectoryError, OSError) \
    X(PermissionError, OSError) \
    X(ProcessLookupError, OSError) \
    X(TimeoutError, OSError)
// clang-format on
static ai_value oserror_str(ai_value v);
static ai_value oserror_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames);
static const ai_getset_def oserror_getset[];

static const ai_slots oserror_slots = {
    .construct = oserror_construct,
    .getset = oserror_getset,
    .methods = exc_methods,
    .setattr = exc_setattr,
    .getattr = exc_getattr_slot,
};
#define EXC_TYPE_OS(NAME, BASE)                                \
    ai_type ai_exc_##NAME = {.ob = {(uintptr_t)&ai_type_type}, \
                             .name = #NAME,                    \
                             .base = &ai_exc_##BASE,           \
                             .flags = AI_TF_EXCEPTION,         \
                             .basicsize = sizeof(ai_exc),      \
                             .repr = exc_repr,                 \
                             .str = oserror_str,               \
                             .gc_visit = exc_visit,            \
                             .gc_size = alloc_fixed_size,      \
                             .slots = (void *)&oserror_slots};
OSERR_LIST(EXC_TYPE_OS)

/* The exception groups (PEP 654): their own constructor, str and
 * attributes, in core/excgroup.c. */
#define EXC_GROUP_TYPE(NAME, BASE)                             \
    ai_type ai_exc_##NAME = {.ob = {(uintptr_t)&ai_type_type}, \
                             .name = #NAME,                    \
                             .base = BASE,                     \
                             .flags = AI_TF_EXCEPTION,         \
                             .basicsize = sizeof(ai_exc),      \
                             .repr = exc_repr,                 \
                             .str = excgroup_str,              \
                             .gc_visit = exc_visit,            \
                             .gc_size = alloc_fixed_size,      \
                             .slots = (void *)&excgroup_slots};
EXC_GROUP_TYPE(BaseExceptionGroup, &ai_exc_BaseException)
EXC_GROUP_TYPE(ExceptionGroup, &ai_exc_BaseExceptionGroup)

#define EXC_PTR(NAME, BASE) &ai_exc_##NAME,
ai_type *const exc_all_types[] = {&ai_exc_BaseException, &ai_exc_KeyError, &ai_exc_BaseExceptionGroup,
                                  &ai_exc_ExceptionGroup, EXC_LIST(EXC_PTR) OSERR_LIST(EXC_PTR)};
const int exc_ntypes = (int)(sizeof exc_all_types / sizeof exc_all_types[0]);

/* ---- instances --------------------------------------------------------- */

static void exc_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    ai_exc *e = (ai_exc *)o;
    visit(&e->args, ctx);
    visit(&e->tb, ctx);
    visit(&e->cause, ctx);
    visit(&e->context, ctx);
    visit(&e->attrs, ctx);
}

static inline ai_exc *exc_obj(ai_value v) { return (ai_exc *)ai_obj(v); }

ai_value exc_new(ai_type *t, ai_value args) {
    /* basicsize: a class derived from an exception adds its dict word. */
    ai_exc *e = ai_alloc(t, t->basicsize);
    if (!e) return AI_ERR;
    e->args = args ? args : tuple_new(0);
    return ai_val(e);
}

static ai_value exc_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    ai_type *t = (ai_type *)ai_obj(cls);
    if (kwnames && tuple_obj(kwnames)->len > 0)
        return ai_raise_fmt(&ai_exc_TypeError, "%s() takes no keyword arguments", t->name);
    ai_value tup = ai_tuple_pack(args, nargs);
    if (!tup) return AI_ERR;
    return exc_new(t, tup);
}

ai_value exc_str(ai_value v) {
    ai_tuple *a = tuple_obj(exc_obj(v)->args);
    if (a->len == 0) return str_from_ascii("", 0);
    if (a->len == 1) return ai_str(a->items[0]);
    return ai_str(exc_obj(v)->args);
}

static ai_value exc_str_slot(ai_value v) { return exc_str(v); }

/* KeyError shows the key's repr, so that KeyError('') is not blank. */
static ai_value keyerror_str(ai_value v) {
    ai_tuple *a = tuple_obj(exc_obj(v)->args);
    if (a->len == 1) return ai_repr(a->items[0]);
    return exc_str(v);
}

static ai_value exc_repr(ai_value v) {
    ai_tuple *a = tuple_obj(exc_obj(v)->args);
    ai_value inner = a->len == 1 ? ai_repr(a->items[0]) : ai_repr(exc_obj(v)->args);
    if (!inner) return AI_ERR;
    strbuf b;
    sb_init(&b);
    sb_adds(&b, obj_type_name(v));
    if (a->len == 1) {
        sb_addc(&b, '(');
        sb_add_str(&b, inner);
        sb_addc(&b, ')');
    } else {
        sb_add_str(&b, inner); /* "()" or "(1, 2)" */
    }
    return sb_finish(&b);
}

/* ---- attributes ---------------------------------------------------------- */

static ai_value or_none(ai_value v) { return v ? v : AI_NONE; }
static ai_value exc_get_args(ai_value v) { return exc_obj(v)->args; }
static ai_value exc_get_cause(ai_value v) { return or_none(exc_obj(v)->cause); }
static ai_value exc_get_context(ai_value v) { return or_none(exc_obj(v)->context); }
static ai_value exc_get_suppress(ai_value v) { return ai_bool(exc_obj(v)->suppress_context); }
static ai_value exc_get_tb(ai_value v) { return or_none(exc_obj(v)->tb); }

static const ai_getset_def exc_getset[] = {
    {"args", exc_get_args},
    {"__cause__", exc_get_cause},
    {"__context__", exc_get_context},
    {"__suppress_context__", exc_get_suppress},
    {"__traceback__", exc_get_tb},
    {NULL, NULL},
};

static ai_value exc_with_traceback(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (call_no_kwargs("with_traceback", kw) < 0 || call_exact_args("with_traceback", nargs, 1) < 0)
        return AI_ERR;
    ai_value tb = args[0];
    if (tb != AI_NONE && !obj_is_type(tb, &ai_traceback_type))
        return ai_raise_msg(&ai_exc_TypeError, "__traceback__ must be a traceback or None");
    exc_obj(self)->tb = tb == AI_NONE ? 0 : tb;
    gc_barrier(ai_obj(self), tb);
    return self;
}

static int set_attr_c(ai_value o, const char *name, ai_value v);

/* add_note(note): append to __notes__ (a list made on first use). */
static ai_value exc_add_note(ai_value self, const ai_value *args, int64_t nargs, ai_value kw) {
    if (call_no_kwargs("add_note", kw) < 0 || call_exact_args("add_note", nargs, 1) < 0) return AI_ERR;
    if (!str_check(args[0]))
        return ai_raise_fmt(&ai_exc_TypeError, "note must be a str, not '%s'", obj_type_name(args[0]));
    ai_value notes = exc_attr(self, "__notes__");
    if (!notes) {
        if (exc_pending()) return AI_ERR;
        notes = list_new(0);
        if (!notes || set_attr_c(self, "__notes__", notes) < 0) return AI_ERR;
    } else if (!list_check(notes)) {
        return ai_raise_msg(&ai_exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    if (ai_list_append(notes, args[0]) < 0) return AI_ERR;
    return AI_NONE;
}

static const ai_method_def exc_methods[] = {
    {"with_traceback", exc_with_traceback, &ai_exc_BaseException, 0},
    {"add_note", exc_add_note, &ai_exc_BaseException, 0},
    {NULL, NULL, NULL, 0},
};

int32_t exc_setattr(ai_value o, ai_value name, ai_value v) {
    ai_exc *e = exc_obj(o);
    const char *field = NULL;
    if (attr_name_is(name, "args")) field = "args";
    else if (attr_name_is(name, "__cause__")) field = "__cause__";
    else if (attr_name_is(name, "__context__")) field = "__context__";
    else if (attr_name_is(name, "__suppress_context__")) field = "__suppress_context__";
    else if (attr_name_is(name, "__traceback__")) field = "__traceback__";
    if (!field) {
        /* Any other attribute goes to the instance's attribute dict (a
         * class derived from an exception keeps its own __dict__). */
        if (ai_type_of(o)->flags & AI_TF_HEAPTYPE) {
            attr_error(o, name);
            return -1;
        }
        if (!v) {
            int32_t r = e->attrs ? dict_del(e->attrs, name) : 0;
            if (r <= 0) {
                if (r == 0) attr_error(o, name);
                return -1;
            }
            return 0;
        }
        if (!e->attrs) {
            ai_value d = dict_new();
            if (!d) return -1;
            e = exc_obj(o);
            e->attrs = d;
            gc_barrier(e, d);
        }
        return dict_set(e->attrs, name, v);
    }
    if (!v) {
        ai_raise_fmt(&ai_exc_TypeError, "%s may not be deleted", field);
        return -1;
    }
    switch (field[2]) {
    case 'g': { /* args */
        ai_value t = tuple_check(v) ? v : list_from_iter(v);
        if (t && !tuple_check(t)) t = ai_list_to_tuple(t);
        if (!t) return -1;
        e->args = t;
        gc_barrier(e, t);
        return 0;
    }
    case 'c': /* __cause__, __context__ */
        if (v != AI_NONE && !obj_isinstance(v, &ai_exc_BaseException)) {
            ai_raise_fmt(&ai_exc_TypeError, "exception %s must be None or derive from BaseException",
                         field[3] == 'a' ? "cause" : "context");
            return -1;
        }
        if (field[3] == 'a') {
            e->cause = v == AI_NONE ? 0 : v;
            gc_barrier(e, v);
            e->suppress_context = 1;
        } else {
            e->context = v == AI_NONE ? 0 : v;
            gc_barrier(e, v);
        }
        return 0;
    case 's': { /* __suppress_context__ */
        int32_t t = ai_truthy(v);
        if (t < 0) return -1;
        e->suppress_context = t;
        return 0;
    }
    default: /* __traceback__ */
        if (v != AI_NONE && !obj_is_type(v, &ai_traceback_type)) {
            ai_raise_msg(&ai_exc_TypeError, "__traceback__ must be a traceback or None");
            return -1;
        }
        e->tb = v == AI_NONE ? 0 : v;
        gc_barrier(e, v);
        return 0;
    }
}

/* Attributes kept in the attribute dict; 0 (no exception) falls back to
 * the getset and method tables. */
/* StopIteration.value and SystemExit.code come from the arguments, as
 * their constructors set them in CPython. 0 when name is neither. */
static ai_value exc_arg_attr(ai_value o, ai_value name) {
    ai_tuple *a = tuple_obj(exc_obj(o)->args);
    if (attr_name_is(name, "value") && cls_isinstance(o, &ai_exc_StopIteration))
        return a->len ? a->items[0] : AI_NONE;
    if (attr_name_is(name, "code") && cls_isinstance(o, &ai_exc_SystemExit))
        return a->len == 0 ? AI_NONE : a->len == 1 ? a->items[0] : exc_obj(o)->args;
    return 0;
}

ai_value exc_getattr_slot(ai_value o, ai_value name) {
    ai_exc *e = exc_obj(o);
    if (!e->attrs) {
        ai_value special = exc_arg_attr(o, name);
        if (special) return special;
        if (attr_name_is(name, "__dict__") && !(ai_type_of(o)->flags & AI_TF_HEAPTYPE)) {
            ai_value d = dict_new();
            if (!d) return AI_ERR;
            e = exc_obj(o);
            e->attrs = d;
            gc_barrier(e, d);
            return d;
        }
        return 0;
    }
    ai_value v;
    int32_t r = dict_get(e->attrs, name, &v);
    if (r < 0) return AI_ERR;
    if (r) return v;
    if (attr_name_is(name, "__dict__") && !(ai_type_of(o)->flags & AI_TF_HEAPTYPE)) return e->attrs;
    return exc_arg_attr(o, name);
}

ai_value exc_attr(ai_value exc, const char *name) {
    ai_exc *e = exc_obj(exc);
    if (!e->attrs) return 0;
    ai_value k = str_from_cstr(name), v;
    if (!k || dict_get(e->attrs, k, &v) != 1) return 0;
    return v;
}

/* ---- OSError -------------------------------------------------------------- */

/* Store into the attrs dict directly (instances of classes derived from
 * OSError included, whose other attributes go to their own __dict__). */
static int set_attr_c(ai_value o, const char *name, ai_value v) {
    ai_value k = str_from_cstr(name);
    if (!k) return -1;
    ai_exc *e = exc_obj(o);
    if (!e->attrs) {
        ai_value d = dict_new();
        if (!d) return -1;
        e = exc_obj(o);
        e->attrs = d;
        gc_barrier(e, d);
    }
    return dict_set(e->attrs, k, v);
}

/* Fill errno, strerror, filename, filename2 from the constructor's
 * arguments and make args what CPython keeps: (errno, strerror) when 2
 * to 5 were given, else all of them. */
static int oserror_init(ai_value o, const ai_value *args, int64_t nargs) {
    ai_value no = AI_NONE;
    ai_value f[4] = {no, no, no, no};
    if (nargs >= 2 && nargs <= 5) {
        f[0] = args[0];
        f[1] = args[1];
        if (nargs >= 3) f[2] = args[2];
        if (nargs == 5) f[3] = args[4];
    }
    static const char *const names[4] = {"errno", "strerror", "filename", "filename2"};
    for (int i = 0; i < 4; i++)
        if (set_attr_c(o, names[i], f[i]) < 0) return -1;
    ai_value a = nargs >= 2 && nargs <= 5 ? ai_tuple_pack(args, 2) : ai_tuple_pack(args, nargs);
    if (!a) return -1;
    ai_exc *e = exc_obj(o);
    e->args = a;
    gc_barrier(e, a);
    return 0;
}

/* The subclass of OSError that errno `err` stands for (PEP 3151). */
static ai_type *oserror_subclass(int64_t err) {
    switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
        return &ai_exc_BlockingIOError;
    case ECHILD: return &ai_exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &ai_exc_BrokenPipeError;
    case ECONNABORTED: return &ai_exc_ConnectionAbortedError;
    case ECONNREFUSED: return &ai_exc_ConnectionRefusedError;
    case ECONNRESET: return &ai_exc_ConnectionResetError;
    case EEXIST: return &ai_exc_FileExistsError;
    case ENOENT: return &ai_exc_FileNotFoundError;
    case EISDIR: return &ai_exc_IsADirectoryError;
    case ENOTDIR: return &ai_exc_NotADirectoryError;
    case EINTR: return &ai_exc_InterruptedError;
    case EACCES: case EPERM: return &ai_exc_PermissionError;
    case ESRCH: return &ai_exc_ProcessLookupError;
    case ETIMEDOUT: return &ai_exc_TimeoutError;
    default: return &ai_exc_OSError;
    }
}

static ai_value oserror_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    ai_type *t = (ai_type *)ai_obj(cls);
    if (kwnames && tuple_obj(kwnames)->len > 0)
        return ai_raise_fmt(&ai_exc_TypeError, "%s() takes no keyword arguments", t->name);
    if (t == &ai_exc_OSError && nargs >= 2 && nargs <= 5 && ai_is_smallint(args[0]))
        t = oserror_subclass(ai_smallint_get(args[0]));
    ai_value o = exc_new(t, 0);
    if (!o || oserror_init(o, args, nargs) < 0) return AI_ERR;
    return o;
}

int exc_oserror_init(ai_value o, const ai_value *args, int64_t nargs) { return oserror_init(o, args, nargs); }

static ai_value oserror_field(ai_value v, const char *name) {
    ai_value r = exc_attr(v, name);
    return r ? r : AI_NONE;
}
static ai_value os_errno(ai_value v) { return oserror_field(v, "errno"); }
static ai_value os_strerror(ai_value v) { return oserror_field(v, "strerror"); }
static ai_value os_filename(ai_value v) { return oserror_field(v, "filename"); }
static ai_value os_filename2(ai_value v) { return oserror_field(v, "filename2"); }

static const ai_getset_def oserror_getset[] = {
    {"errno", os_errno},       {"strerror", os_strerror}, {"filename", os_filename},
    {"filename2", os_filename2}, {NULL, NULL},
};

static ai_value oserror_str(ai_value v) {
    ai_value no = exc_attr(v, "errno"), msg = exc_attr(v, "strerror");
    ai_value f1 = exc_attr(v, "filename"), f2 = exc_attr(v, "filename2");
    if (!no || !msg || (no == AI_NONE && msg == AI_NONE)) return exc_str(v);
    strbuf b;
    sb_init(&b);
    ai_value s = ai_str(no), m = s ? ai_str(msg) : 0;
    if (!m) {
        sb_free(&b);
        return AI_ERR;
    }
    sb_adds(&b, "[Errno ");
    sb_add_str(&b, s);
    sb_adds(&b, "] ");
    sb_add_str(&b, m);
    if (f1 && f1 != AI_NONE) {
        ai_value r = ai_repr(f1);
        if (!r) {
            sb_free(&b);
            return AI_ERR;
        }
        sb_adds(&b, ": ");
        sb_add_str(&b, r);
        if (f2 && f2 != AI_NONE) {
            ai_value r2 = ai_repr(f2);
            if (!r2) {
                sb_free(&b);
                return AI_ERR;
            }
            sb_adds(&b, " -> ");
            sb_add_str(&b, r2);
        }
    }
    return sb_finish(&b);
}

ai_value exc_raise_errno(int err, ai_value filename) { return exc_raise_oserror(err, filename, 0); }

ai_value exc_raise_oserror(int err, ai_value filename, ai_value filename2) {
    ai_value a[5] = {ai_smallint(err), str_from_cstr(strerror(err)), filename ? filename : AI_NONE, AI_NONE,
                     filename2 ? filename2 : AI_NONE};
    if (!a[1]) return AI_ERR;
    int64_t n = filename2 ? 5 : filename ? 3 : 2;
    ai_value o = exc_new(oserror_subclass(err), 0);
    if (!o || oserror_init(o, a, n) < 0) return AI_ERR;
    return exc_set_pending(o);
}

/* ---- the pending exception -------------------------------------------- */

size_t exc_task_core_offset;

/* Threads that run no task (a unit test's main, a worker in its scheduler
 * context) keep their exception state here. */
static __thread ai_task_core thread_core;

ai_task_core *exc_task(void) {
    void *t = ai_tls.task;
    if (!t) return &thread_core;
    return (ai_task_core *)(void *)((char *)t + exc_task_core_offset);
}

ai_value exc_pending(void) { return exc_task()->exc; }
void exc_clear(void) { exc_task()->exc = 0; }

void ai_call_site(const ai_code_info *code, int32_t line) {
    ai_task_core *t = exc_task();
    t->site_code = code;
    t->site_line = line;
}

bool exc_pending_is(ai_type *t) {
    ai_value e = exc_task()->exc;
    return e && obj_isinstance(e, t);
}

ai_value exc_set_pending(ai_value e) {
    ai_task_core *task = exc_task();
    ai_value h = task->handled;
    ai_exc *x = exc_obj(e);
    if (h && h != e && !x->context) {
        /* Implicit chaining; refuse to make a cycle through h's chain. */
        bool cycle = false;
        for (ai_value c = exc_obj(h)->context; c; c = exc_obj(c)->context)
            if (c == e) {
                cycle = true;
                break;
            }
        if (!cycle) {
            x->context = h;
            gc_barrier(x, h);
        }
    }
    task->exc = e;
    return AI_ERR;
}

ai_value exc_raise_args(ai_type *t, ai_value args) {
    ai_value e = exc_new(t, args);
    if (!e) return AI_ERR;
    return exc_set_pending(e);
}

ai_value ai_raise_msg(ai_type *t, const char *msg) {
    ai_value args;
    if (msg) {
        ai_value s = str_from_utf8(msg, (int64_t)strlen(msg));
        if (!s) return AI_ERR;
        args = ai_tuple_pack(&s, 1);
    } else {
        args = tuple_new(0);
    }
    if (!args) return AI_ERR;
    return exc_raise_args(t, args);
}

ai_value ai_raise_fmt(ai_type *t, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return ai_raise_msg(t, fmt);
    if ((size_t)n < sizeof small) return ai_raise_msg(t, small);
    char *big = malloc((size_t)n + 1);
    if (!big) return exc_nomem();
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    ai_value r = ai_raise_msg(t, big);
    free(big);
    return r;
}

ai_value ai_raise_name_error(const char *name) {
    return ai_raise_fmt(&ai_exc_NameError, "name '%s' is not defined", name);
}

ai_value ai_raise_unbound_local(const char *name) {
    return ai_raise_fmt(&ai_exc_UnboundLocalError,
                        "cannot access local variable '%s' where it is not "
                        "associated with a value",
                        name);
}

ai_value ai_raise_unbound_free(const char *name) {
    return ai_raise_fmt(&ai_exc_NameError,
                        "cannot access free variable '%s' where it is not associated with a "
                        "value in enclosing scope",
                        name);
}

ai_value exc_recursion(const char *suffix) {
    /* Runs in the stack margin below the task's limit: a few small
     * allocations, no recursion. */
    return ai_raise_fmt(&ai_exc_RecursionError, "maximum recursion depth exceeded%s", suffix);
}

ai_value ai_raise_recursion(void) { return exc_recursion(""); }

/* sys.getrecursionlimit(); kept here (not in modules/modsys.c) so that the
 * runtime's own users (repr, generators) do not pull the sys module in.
 * Relaxed: any thread may read it, sys.setrecursionlimit writes it. */
static int64_t recursion_limit = 1000;
int64_t sys_recursion_limit(void) { return __atomic_load_n(&recursion_limit, __ATOMIC_RELAXED); }
void sys_set_recursion_limit(int64_t n) { __atomic_store_n(&recursion_limit, n, __ATOMIC_RELAXED); }

/* The last-resort MemoryError. It is static, so its fields may point into
 * the heap of whichever actor raised it: the collector must treat it as a
 * root. */
static ai_tuple nomem_args = {{(uintptr_t)&ai_tuple_type}, 0};
static ai_exc nomem_exc = {
    {(uintptr_t)&ai_exc_MemoryError}, (ai_value)(uintptr_t)&nomem_args, 0, 0, 0, 0, 0};

ai_value exc_nomem(void) {
    /* Most MemoryErrors come from one huge request (a huge repeat or
     * shift): a small instance can usually still be had. The flag stops
     * the recursion when even that fails (ai_alloc calls us again). */
    static __thread bool in_nomem;
    ai_task_core *task = exc_task();
    ai_exc *e = NULL;
    if (!in_nomem) {
        in_nomem = true;
        e = ai_alloc(&ai_exc_MemoryError, sizeof(ai_exc));
        in_nomem = false;
    }
    if (e) {
        e->args = ai_val(&nomem_args);
    } else {
        e = &nomem_exc;
        e->tb = e->cause = e->context = 0;
        e->suppress_context = 0;
    }
    task->exc = ai_val(e);
    return AI_ERR;
}

/* ---- tracebacks -------------------------------------------------------- */

typedef struct exc_tb {
    ai_object ob;
    int64_t len, cap;
    ai_tb_entry e[];
} exc_tb;

static size_t tb_size(const ai_object *o) {
    return sizeof(exc_tb) + (size_t)((const exc_tb *)o)->cap * sizeof(ai_tb_entry);
}

ai_type ai_traceback_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "traceback",
    .base = &ai_object_type,
    .basicsize = sizeof(exc_tb),
    .gc_size = tb_size,
};

/* A traceback keeps at most TB_KEEP entries: the innermost TB_KEEP - 1
 * and the outermost (usually <module>), which each new outer frame
 * replaces. CPython prints the innermost 1000 entries of a traceback, and
 * its recursion limit (1000 frames) is reached with <module> among them;
 * Aithon's limit is the stack, so a runaway recursion unwinds through
 * millions of frames: kept this way it is printed as CPython prints it at
 * its limit — <module>, then the innermost frames, "[Previous line
 * repeated 996 more times]" — in bounded memory. */
#define TB_KEEP 1000

/* The exception of a failed method look-up (exc_mark_lookup_failed),
 * until the next frame is added. Compared, never dereferenced. */
static __thread ai_value lookup_failed;

void exc_mark_lookup_failed(void) { lookup_failed = exc_task()->exc; }

void ai_traceback_add(const ai_code_info *code, int32_t line) {
    int32_t pos = -1;
    ai_task_core *task = exc_task();
    if (line < 0) {
        pos = -line - 1;
        line = code && code->positions ? code->positions[pos * AI_POS_WORDS] : 0;
        if (!code || !code->positions) pos = -1;
        /* a method call whose look-up failed: the attribute's span, which
         * the compiler put after the call's */
        else if (code->positions[pos * AI_POS_WORDS + 6] == 2 && lookup_failed && lookup_failed == task->exc)
            pos++;
    }
    lookup_failed = 0;
    ai_value ev = task->exc;
    if (!ev) return;
    ai_exc *e = exc_obj(ev);
    exc_tb *tb = e->tb ? (exc_tb *)ai_obj(e->tb) : NULL;
    if (tb && tb->len == TB_KEEP) {
        tb->e[TB_KEEP - 1] = (ai_tb_entry){code, line, pos};
        return;
    }
    if (!tb || tb->len == tb->cap) {
        int64_t cap = tb ? tb->cap * 2 : 8;
        if (cap > TB_KEEP) cap = TB_KEEP;
        exc_tb *n = ai_alloc(&ai_traceback_type, sizeof(exc_tb) + (size_t)cap * sizeof(ai_tb_entry));
        if (!n) {
            /* Out of memory: drop the frame, keep the original error. */
            task->exc = ev;
            return;
        }
        n->cap = cap;
        if (tb) {
            memcpy(n->e, tb->e, (size_t)tb->len * sizeof(ai_tb_entry));
            n->len = tb->len;
        }
        e->tb = ai_val(n);
        gc_barrier(e, e->tb);
        tb = n;
    }
    tb->e[tb->len++] = (ai_tb_entry){code, line, pos};
}

/* A traceback of its own with tb's entries (0 for none): tracebacks grow
 * in place as an exception propagates, so two exceptions never share one. */
ai_value exc_tb_copy(ai_value tbv) {
    if (!tbv) return 0;
    exc_tb *tb = (exc_tb *)ai_obj(tbv);
    int64_t cap = tb->len > 8 ? tb->len : 8;
    exc_tb *n = ai_alloc(&ai_traceback_type, sizeof(exc_tb) + (size_t)cap * sizeof(ai_tb_entry));
    if (!n) return AI_ERR;
    tb = (exc_tb *)ai_obj(tbv);
    n->cap = cap;
    n->len = tb->len;
    memcpy(n->e, tb->e, (size_t)tb->len * sizeof(ai_tb_entry));
    return ai_val(n);
}

/* ---- raise, catch, re-raise (try/except support) ----------------------- */

static bool is_exc_class(ai_value v) {
    return obj_is_class(v) && (((ai_type *)ai_obj(v))->flags & AI_TF_EXCEPTION);
}

/* An exception instance from `raise X` operand: instance or class. */
static ai_value exc_instantiate(ai_value v, const char *what) {
    if (is_exc_class(v)) {
        ai_value e = ai_call(v, NULL, 0, 0);
        if (!e) return AI_ERR;
        if (!obj_isinstance(e, &ai_exc_BaseException))
            return ai_raise_fmt(&ai_exc_TypeError,
                                "calling %s should have returned an instance of "
                                "BaseException, not %s",
                                ((ai_type *)ai_obj(v))->name, obj_type_name(e));
        return e;
    }
    if (obj_isinstance(v, &ai_exc_BaseException)) return v;
    return ai_raise_fmt(&ai_exc_TypeError, "%s must derive from BaseException", what);
}

ai_value ai_raise(ai_value exc, ai_value cause) {
    ai_value e = exc_instantiate(exc, "exceptions");
    if (!e) return AI_ERR;
    if (cause) {
        ai_value c = 0;
        if (cause != AI_NONE) {
            c = exc_instantiate(cause, "exception causes");
            if (!c) return AI_ERR;
        }
        exc_obj(e)->cause = c;
        gc_barrier(ai_obj(e), c);
        exc_obj(e)->suppress_context = 1;
    }
    return exc_set_pending(e);
}

ai_value ai_reraise(void) {
    ai_task_core *task = exc_task();
    if (!task->handled) return ai_raise_msg(&ai_exc_RuntimeError, "No active exception to reraise");
    task->exc = task->handled;
    return AI_ERR;
}

ai_value ai_exc_fetch(void) {
    ai_task_core *task = exc_task();
    ai_value e = task->exc;
    task->exc = 0;
    return e;
}

void ai_exc_restore(ai_value exc) { exc_task()->exc = exc; }

ai_value ai_exc_swap_handled(ai_value exc) {
    ai_task_core *task = exc_task();
    ai_value prev = task->handled;
    task->handled = exc;
    return prev;
}

ai_value ai_with_exit_method(ai_value mgr) {
    if (ai_type_of(mgr)->flags & AI_TF_HEAPTYPE) {
        /* A class instance: both methods looked up on the class, __enter__
         * first, with CPython 3.11's two messages. */
        ai_value en = cls_special_method(mgr, "__enter__");
        if (!en && exc_pending()) return AI_ERR;
        ai_value ex = en ? cls_special_method(mgr, "__exit__") : 0;
        if (ex || exc_pending()) return ex;
        return ai_raise_fmt(&ai_exc_TypeError, "'%s' object does not support the context manager protocol%s",
                            obj_type_name(mgr), en ? " (missed __exit__ method)" : "");
    }
    ai_value name = str_of_literal("__exit__");
    if (!name) return AI_ERR;
    bool has_enter = attr_find_method(ai_type_of(mgr), str_of_literal("__enter__")) != NULL;
    ai_value f = ai_getattr(mgr, name);
    if (!f || !has_enter) {
        bool custom = obj_slots(mgr)->getattr != NULL;
        if (f && custom) return f;      /* instances of classes: __enter__ checked when called */
        if (!f && custom && !exc_pending_is(&ai_exc_AttributeError)) return AI_ERR;
        exc_clear();
        return ai_raise_fmt(&ai_exc_TypeError, "'%s' object does not support the context manager protocol",
                            obj_type_name(mgr));
    }
    return f;
}

int32_t ai_with_exit(ai_value exitf, ai_value exc) {
    ai_value tb = exc_obj(exc)->tb;
    ai_value args[3] = {ai_val(ai_type_of(exc)), exc, tb ? tb : AI_NONE};
    ai_value r = ai_call(exitf, args, 3, 0);
    if (!r) return -1;
    return ai_truthy(r);
}

ai_value ai_raise_assertion(ai_value msg) {
    ai_value args = msg ? ai_tuple_pack(&msg, 1) : ai_val(&tuple_empty_obj);
    if (!args) return AI_ERR;
    ai_value e = exc_new(&ai_exc_AssertionError, args);
    if (!e) return AI_ERR;
    return exc_set_pending(e);
}

int32_t ai_exc_matches(ai_value exc, ai_value types) {
    if (tuple_check(types)) {
        ai_tuple *t = tuple_obj(types);
        for (int64_t i = 0; i < t->len; i++)
            if (!is_exc_class(t->items[i])) goto bad;
        for (int64_t i = 0; i < t->len; i++)
            if (cls_isinstance(exc, (ai_type *)ai_obj(t->items[i]))) return 1;
        return 0;
    }
    if (!is_exc_class(types)) goto bad;
    return cls_isinstance(exc, (ai_type *)ai_obj(types));
bad:
    ai_raise_msg(&ai_exc_TypeError,
                 "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

/* ---- printing (CPython 3.11's default excepthook) ---------------------- */

/* CPython prints at most the innermost 1000 entries (sys.tracebacklimit's
 * default) and collapses runs of identical frames after 3. */
#define TB_LIMIT         1000
#define TB_REPEAT_CUTOFF 3

/* Line `line` (1-based) of `src`, without leading spaces/tabs/form feeds
 * and without its line ending (trailing blanks are kept, as CPython does).
 * A one-entry cache makes the repeated frames of a deep recursion cheap. */
bool exc_source_line(const char *src, int32_t line, const char **p, size_t *n) {
    static __thread const char *c_src, *c_pos;
    static __thread int32_t c_line;
    if (!src || line < 1) return false;
    const char *s = src;
    int32_t cur = 1;
    if (c_src == src && c_line <= line && c_line > 0) {
        s = c_pos;
        cur = c_line;
    }
    while (cur < line) {
        const char *nl = strchr(s, '\n');
        if (!nl) return false;
        s = nl + 1;
        cur++;
    }
    c_src = src, c_pos = s, c_line = line;
    if (!*s) return false;
    const char *e = strchr(s, '\n');
    if (!e) e = s + strlen(s);
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f')) s++;
    if (e > s && e[-1] == '\r') e--;
    *p = s;
    *n = (size_t)(e - s);
    return true;
}

static void tb_flush(strbuf *b, bool force) {
    if (b->len >= 16384 || (force && b->len)) {
        bi_stderr_write(b->p, b->len);
        b->len = 0;
    }
}

/* ---- printing an exception (CPython's PyErr_Display) --------------------------
 *
 * An exception prints after what caused it ("The above exception was the
 * direct cause…" / "During handling…"), each once. A group prints as a
 * tree: its traceback under "Exception Group Traceback", then each
 * sub-exception (recursively, with its own chain) in a numbered box, every
 * line of depth d behind 2·d spaces of indent and a "| " margin; at most
 * 15 sub-exceptions per group and 10 levels, as CPython. */

enum { GROUP_MAX_WIDTH = 15, GROUP_MAX_DEPTH = 10, CHAIN_MAX = 200 };

typedef struct print_ctx {
    strbuf *b;
    int depth;              /* exception-group depth: 0 outside groups */
    bool need_close;        /* the last box of a group still to be closed */
    ai_value *seen;         /* exceptions printed (or being printed) */
    int nseen, capseen, nesting;
} print_ctx;

static void put_indent(print_ctx *c, int n) {
    for (int i = 0; i < n; i++) sb_addc(c->b, ' ');
}

/* The start of a line: indent and margin ("" outside groups). */
static void put_margin(print_ctx *c) {
    put_indent(c, 2 * c->depth);
    if (c->depth) sb_adds(c->b, "| ");
}

/* The number of characters in the first `bytes` bytes of UTF-8 text. */
static int64_t utf8_chars_in(const char *s, int64_t bytes) {
    int64_t n = 0;
    for (int64_t i = 0; i < bytes && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

/* CPython 3.11's error location markers under a frame's source line
 * (Python/traceback.c): `^` under the failing expression's span, or for
 * a binary operation or a subscript `~` under the operands and `^` under
 * the operator or the brackets; none when the span is the whole line.
 * `p`/`n` is the stripped line (exc_source_line's, within code->source). */
void exc_print_carets(struct strbuf *b, const ai_code_info *code, int32_t pos, const char *p, size_t n, bool python) {
    if (!code || !code->positions || pos < 0) return;
    const int32_t *w = code->positions + (size_t)pos * AI_POS_WORDS;
    /* the bytes stripped before p: back to the line's start */
    size_t indent = 0;
    while (p - indent > code->source && p[-(ptrdiff_t)indent - 1] != '\n') indent++;
    const char *line = p - indent;
    /* character offsets in the whole line */
    int64_t ws = utf8_chars_in(line, (int64_t)indent);
    int64_t start = utf8_chars_in(line, w[2]), end = utf8_chars_in(line, w[3]);
    int64_t left = -1, right = -1;
    bool tilde = false;
    /* the line without its line ending (trailing blanks counted) */
    int64_t len = ws + utf8_chars_in(p, (int64_t)n);
    if (w[0] == w[1]) {
        int32_t l = python ? w[7] : w[4], r = python ? w[8] : w[5];
        if (l >= 0) {
            left = utf8_chars_in(line, l);
            right = utf8_chars_in(line, r);
            tilde = w[6] == 1;
        }
    } else {
        /* several lines: up to the last non-blank character of this one */
        int64_t i = (int64_t)n;
        while (i > 0 && (p[i - 1] == ' ' || p[i - 1] == '\t' || p[i - 1] == '\f')) i--;
        end = ws + utf8_chars_in(p, i);
    }
    bool secondary = left != -1 || right != -1;
    if (end - start == len - ws && !secondary) return;
    if (start < ws || end < start) return;
    sb_adds(b, "    ");
    for (int64_t off = ws + 1; off <= end; off++) {
        if (off <= start) sb_addc(b, ' ');
        else if (secondary && left < off && off <= right) sb_addc(b, '^');
        else sb_addc(b, tilde ? '~' : '^');
    }
    sb_addc(b, '\n');
}

static void print_frame(print_ctx *c, const ai_tb_entry *en) {
    const ai_code_info *code = en->code;
    put_margin(c);
    sb_printf(c->b, "  File \"%s\", line %d, in %s\n", code && code->filename ? code->filename : "<unknown>",
              (int)en->line, code && code->funcname ? code->funcname : "<unknown>");
    const char *p;
    size_t n;
    if (code && exc_source_line(code->source, en->line, &p, &n)) {
        put_margin(c);
        sb_adds(c->b, "    ");
        sb_add(c->b, p, n);
        sb_addc(c->b, '\n');
        if (en->pos >= 0) {
            strbuf m;
            sb_init(&m);
            exc_print_carets(&m, code, en->pos, p, n, false);
            if (m.len) {
                put_margin(c);
                sb_add(c->b, m.p, m.len);
            }
            sb_free(&m);
        }
    }
    tb_flush(c->b, false);
}

static void print_repeated(print_ctx *c, int64_t cnt) {
    cnt -= TB_REPEAT_CUTOFF;
    put_margin(c);
    sb_printf(c->b, "  [Previous line repeated %lld more time%s]\n", (long long)cnt, cnt > 1 ? "s" : "");
}

static bool same_frame(const ai_tb_entry *a, const ai_tb_entry *b) {
    if (a->line != b->line) return false;
    if (a->code == b->code) return true;
    if (!a->code || !b->code) return false;
    return strcmp(a->code->filename, b->code->filename) == 0 &&
           strcmp(a->code->funcname, b->code->funcname) == 0;
}

static bool is_group(ai_value v) { return obj_isinstance(v, &ai_exc_BaseExceptionGroup); }

static void print_traceback(print_ctx *c, ai_value ev) {
    ai_exc *e = exc_obj(ev);
    exc_tb *tb = e->tb ? (exc_tb *)ai_obj(e->tb) : NULL;
    if (!tb || tb->len <= 0) return;
    put_indent(c, 2 * c->depth);
    if (is_group(ev)) {
        sb_adds(c->b, c->depth == 1 ? "+ " : "| ");
        sb_adds(c->b, "Exception Group Traceback (most recent call last):\n");
    } else {
        if (c->depth) sb_adds(c->b, "| ");
        sb_adds(c->b, "Traceback (most recent call last):\n");
    }
    /* Entries are innermost first; print outermost first, skipping
     * the outermost ones beyond the limit. */
    int64_t start = tb->len > TB_LIMIT ? TB_LIMIT - 1 : tb->len - 1;
    const ai_tb_entry *last = NULL;
    int64_t cnt = 0;
    for (int64_t i = start; i >= 0; i--) {
        const ai_tb_entry *en = &tb->e[i];
        if (!last || !same_frame(last, en)) {
            if (cnt > TB_REPEAT_CUTOFF) print_repeated(c, cnt);
            last = en;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_REPEAT_CUTOFF) print_frame(c, en);
    }
    if (cnt > TB_REPEAT_CUTOFF) print_repeated(c, cnt);
}

/* Text, one margin per line. */
static void put_lines(print_ctx *c, const char *m, int64_t n) {
    const char *end = m + n;
    do {
        const char *nl = memchr(m, '\n', (size_t)(end - m));
        const char *stop = nl ? nl : end;
        put_margin(c);
        sb_add(c->b, m, (size_t)(stop - m));
        sb_addc(c->b, '\n');
        m = nl ? nl + 1 : end;
    } while (m < end);
}

/* The last lines: "Type: message" (or "Type" when str(exc) is empty),
 * then the notes. */
static void print_message(print_ctx *c, ai_value ev) {
    ai_task_core *task = exc_task();
    ai_value saved = task->exc;
    task->exc = 0;
    ai_value msg = ai_str(ev);
    const char *m = NULL;
    int64_t mlen = 0;
    if (msg) m = str_utf8(msg, &mlen);
    put_margin(c);
    cls_add_exc_name(c->b, ai_type_of(ev));
    if (!m) {
        sb_adds(c->b, ": <exception str() failed>");
    } else if (mlen > 0) {
        sb_adds(c->b, ": ");
        /* a message of several lines keeps the margin on each */
        const char *nl = memchr(m, '\n', (size_t)mlen);
        if (c->depth && nl) {
            sb_add(c->b, m, (size_t)(nl - m));
            sb_addc(c->b, '\n');
            put_lines(c, nl + 1, mlen - (int64_t)(nl + 1 - m));
            goto notes;
        }
        sb_add(c->b, m, (size_t)mlen);
    }
    sb_addc(c->b, '\n');
notes:
    task->exc = 0;
    ai_value notes = exc_attr(ev, "__notes__");
    if (notes && list_check(notes)) {
        for (int64_t i = 0; i < list_obj(notes)->len; i++) {
            ai_value note = list_obj(notes)->items[i];
            ai_value ns = str_check(note) ? note : ai_repr(note);
            int64_t nlen = 0;
            const char *np = ns ? str_utf8(ns, &nlen) : NULL;
            if (np) put_lines(c, np, nlen);
            else {
                put_margin(c);
                sb_adds(c->b, "<note str() failed>\n");
            }
        }
    } else if (notes) {
        ai_value r = ai_repr(notes);
        int64_t rlen = 0;
        const char *rp = r ? str_utf8(r, &rlen) : NULL;
        if (rp) put_lines(c, rp, rlen);
    }
    exc_clear();
    task->exc = saved;
}

static bool seen_before(print_ctx *c, ai_value ev) {
    for (int i = 0; i < c->nseen; i++)
        if (c->seen[i] == ev) return true;
    return false;
}

static void mark_seen(print_ctx *c, ai_value ev) {
    if (c->nseen == c->capseen) {
        int ncap = c->capseen ? c->capseen * 2 : 16;
        ai_value *n = realloc(c->seen, (size_t)ncap * sizeof *n);
        if (!n) return;
        c->seen = n;
        c->capseen = ncap;
    }
    c->seen[c->nseen++] = ev;
}

static void print_recursive(print_ctx *c, ai_value ev);

static void print_chained(print_ctx *c, ai_value cause, const char *message) {
    print_recursive(c, cause);
    put_margin(c);
    sb_addc(c->b, '\n');
    put_margin(c);
    sb_adds(c->b, message);
    put_margin(c);
    sb_addc(c->b, '\n');
}

static void print_group(print_ctx *c, ai_value ev) {
    if (c->depth > GROUP_MAX_DEPTH) {
        put_margin(c);
        sb_printf(c->b, "... (max_group_depth is %d)\n", GROUP_MAX_DEPTH);
        return;
    }
    if (c->depth == 0) c->depth++;
    print_traceback(c, ev);
    print_message(c, ev);
    ai_value excs = excgroup_exceptions(ev);
    if (!excs) {
        exc_clear();
        return;
    }
    int64_t nexcs = tuple_obj(excs)->len;
    int64_t n = nexcs <= GROUP_MAX_WIDTH ? nexcs : GROUP_MAX_WIDTH + 1;
    c->need_close = false;
    for (int64_t i = 0; i < n; i++) {
        bool last = i == n - 1;
        if (last) c->need_close = true;
        bool truncated = i >= GROUP_MAX_WIDTH;
        put_indent(c, 2 * c->depth);
        sb_adds(c->b, i == 0 ? "+-" : "  ");
        if (truncated) sb_adds(c->b, "+---------------- ... ----------------\n");
        else sb_printf(c->b, "+---------------- %lld ----------------\n", (long long)(i + 1));
        c->depth++;
        if (!truncated) {
            print_recursive(c, tuple_obj(excs)->items[i]);
        } else {
            int64_t more = nexcs - GROUP_MAX_WIDTH;
            put_margin(c);
            sb_printf(c->b, "and %lld more exception%s\n", (long long)more, more > 1 ? "s" : "");
        }
        if (last && c->need_close) {
            put_indent(c, 2 * c->depth);
            sb_adds(c->b, "+------------------------------------\n");
            c->need_close = false;
        }
        c->depth--;
        tb_flush(c->b, false);
    }
    if (c->depth == 1) c->depth--;
}

static void print_recursive(print_ctx *c, ai_value ev) {
    mark_seen(c, ev);
    if (c->nesting < CHAIN_MAX) {
        c->nesting++;
        ai_exc *e = exc_obj(ev);
        if (e->cause) {
            if (!seen_before(c, e->cause))
                print_chained(c, e->cause, "The above exception was the direct cause of the following exception:\n");
        } else if (e->context && !e->suppress_context && !seen_before(c, e->context)) {
            print_chained(c, e->context, "During handling of the above exception, another exception occurred:\n");
        }
        c->nesting--;
    }
    if (is_group(ev)) {
        print_group(c, ev);
    } else {
        print_traceback(c, ev);
        print_message(c, ev);
    }
    tb_flush(c->b, false);
}

/* The traceback of exc as a list of (filename, lineno, name, line)
 * tuples, outermost first (line: the stripped source line or None); exc
 * may also be a traceback object itself. For
 * the stdlib's traceback module. The entries are copied out first: the
 * allocations below may move the tb object. */
ai_value exc_tb_entries(ai_value exc) {
    exc_tb *tb;
    if (ai_type_of(exc) == &ai_traceback_type) {
        tb = (exc_tb *)ai_obj(exc);
    } else {
        ai_exc *e = exc_obj(exc);
        tb = e->tb ? (exc_tb *)ai_obj(e->tb) : NULL;
    }
    int64_t n = tb ? tb->len : 0;
    ai_tb_entry *copy = n ? malloc((size_t)n * sizeof *copy) : NULL;
    if (n && !copy) return exc_nomem();
    for (int64_t i = 0; i < n; i++) copy[i] = tb->e[n - 1 - i];
    ai_value list = ai_list_new(NULL, 0);
    for (int64_t i = 0; list && i < n; i++) {
        const ai_code_info *c = copy[i].code;
        const char *p;
        size_t len;
        ai_value item[5];
        item[0] = str_from_cstr(c && c->filename ? c->filename : "<unknown>");
        item[1] = item[0] ? ai_smallint(copy[i].line) : 0;
        item[2] = item[1] ? str_from_cstr(c && c->funcname ? c->funcname : "<unknown>") : 0;
        bool has_line = c && exc_source_line(c->source, copy[i].line, &p, &len);
        item[3] = !item[2] ? 0 : has_line ? str_from_utf8(p, (int64_t)len) : AI_NONE;
        /* the ^~~ marker line, as printed, or None */
        item[4] = AI_NONE;
        if (item[3] && has_line && copy[i].pos >= 0) {
            strbuf m;
            sb_init(&m);
            exc_print_carets(&m, c, copy[i].pos, p, len, true);
            if (m.len) item[4] = str_from_utf8(m.p, (int64_t)m.len);
            sb_free(&m);
            if (!item[4]) item[3] = 0;
        }
        ai_value t = item[3] ? ai_tuple_pack(item, 5) : 0;
        if (!t || ai_list_append(list, t) < 0) list = AI_ERR;
    }
    free(copy);
    return list;
}

void exc_print(ai_value exc) { exc_print_with(NULL, exc); }

void exc_print_with(const char *header, ai_value exc) {
    strbuf b;
    sb_init(&b);
    if (header) sb_adds(&b, header);
    print_ctx c = {.b = &b};
    print_recursive(&c, exc);
    free(c.seen);
    tb_flush(&b, true);
    sb_free(&b);
}
