/*
 * emit_internal.h — the emitter's shared state and helpers.
 *
 * Conventions inside the emitter
 *  - Every Python value in the IR is an i64 ai_value (see aithon_rt.h).
 *    0 means "an exception is pending": after every runtime call that can
 *    raise, emit_check() branches to the function's unwind block, which
 *    adds this frame to the traceback and returns 0 to the caller.
 *  - Local variables live in allocas (mem2reg turns them into registers);
 *    0 in a local means unbound. Module globals live in one array of i64
 *    registered with the runtime (GC roots); 0 there means unbound too.
 *  - Constants (str, big int, float) are created once at start-up by the
 *    `$consts` function (one call over a table of records) into private
 *    globals; expressions load them.
 *  - The builder is always positioned in a block without a terminator;
 *    after a `return`/`break`/`continue` the emitter opens a fresh,
 *    unreachable block so later statements still have somewhere to go.
 *  - Nothing may make an LLVM function grow faster than the code it comes
 *    from, or LLVM's per-function passes turn super-linear: the module
 *    body is emitted in chunks (emit_module_body), values of long
 *    displays and argument lists are stored as they are evaluated
 *    (emit_array_store), run-once code (FnState.cold) calls the runtime
 *    for its operators and unwinds through a line slot instead of a phi,
 *    and big constant displays are data (emit_data.c).
 */
#ifndef AITHON_EMIT_INTERNAL_H
#define AITHON_EMIT_INTERNAL_H

#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>

#include "diag.h"
#include "emit.h"
#include "rtabi.h"

typedef struct Loop Loop;
struct Loop {
    LLVMBasicBlockRef break_bb, continue_bb;
    Loop *outer;
    LLVMValueRef temp_iter;     /* for over a fresh iterator (a call): released
                                   when the loop is left early; else NULL */
};

/* A compiled `def` known at compile time (for direct calls). */
typedef struct FuncDef {
    const Stmt *def;            /* the def statement, or NULL for a lambda */
    const char *name;
    const Arguments *args;
    const StmtList *body;       /* def */
    const Expr *lambda_body;    /* lambda */
    const Expr *genexp;         /* generator expression */
    const ExprList *decorators;
    bool is_async, has_closure;
    LLVMValueRef class_global;  /* a method: the global holding its class */
    bool poly_self;             /* its class is a base of another class (FnState) */
    SrcSpan pos;
    Scope *scope;
    LLVMValueRef fn;            /* ai_value body([closure,] p0, …) */
    LLVMValueRef genbody, thunk;  /* a generator function: its body, and
                                     thunk(ptr slots) that calls it */
    LLVMTypeRef body_type;
    LLVMValueRef entry;         /* generic vectorcall entry */
    LLVMValueRef info;          /* ai_func_info constant */
    LLVMValueRef code_info;     /* ai_code_info constant */
    const Arg **params;         /* parameter slots: positional, kw-only, *args, **kwargs */
    bool defined;               /* body emitted */
    bool simple;                /* positional parameters only */
    int nslots;                 /* all parameter slots */
    int nkwonly;
    int nparams;                /* positional parameters */
    int ndefaults;
    LLVMValueRef *default_globals;  /* when called directly: the default values */
    bool returns_float;         /* infer_returns_float: it gets a float-return variant */
    LLVMValueRef fret;          /* that variant: i64 body$f(p0, …, ptr dout) returns
                                   AI_FRET (2) with the double in *dout, or what the
                                   body returns (a boxed value, 0 on an exception) */
    LLVMTypeRef fret_type;
} FuncDef;

/* What a float-return variant returns when its result is the double it
 * stored through its last parameter: no ai_value is 2 (not a small int,
 * not an aligned pointer, not AI_ERR). */
#define AI_FRET 2

/* The variables of one scope being emitted: a function's own, or an
 * inlined comprehension's (whose `outer` is the frame around it). */
typedef struct Frame Frame;
struct Frame {
    Scope *scope;
    LLVMValueRef *slots;        /* alloca per LOCAL/CELL symbol, by Symbol.index */
    LLVMValueRef *owned;        /* by Symbol.index: the companion of a local
                                   that is a `+=` target (infer.c), or NULL */
    LLVMValueRef ns;            /* class body: the namespace dict */
    LLVMValueRef *dval, *dflag; /* by Symbol.index: a float local's unboxed double
                                   (f64 alloca) and whether it holds the value
                                   (i1 alloca; then the slot is stale), or NULL
                                   (infer_float_locals, emit_float.c) */
    unsigned char *intloc;      /* by Symbol.index: an int local (intinfer.c), or NULL */
    LLVMValueRef locals_slot;   /* i64 alloca: this frame run's locals() dict, 0 before
                                   the first call (made on first use; a comprehension's
                                   is reset where it starts) */
    LLVMValueRef comp_iter;     /* an inline comprehension that calls locals():
                                   its first iterator (CPython's ".0") */
    Frame *outer;
};

typedef enum { NAME_LOCAL, NAME_CELL, NAME_FREE, NAME_GLOBAL, NAME_CLASS, NAME_UNSUPPORTED } NameHome;

/* Where exceptions go: each try/with pushes one. `unwind` (made on first
 * use) adds this frame's traceback entry for the line in its phi, then
 * branches to `dispatch` (the except/finally/with code, or for the
 * function's base handler a `return 0`). */
typedef struct Handler Handler;
struct Handler {
    LLVMBasicBlockRef unwind, dispatch;
    LLVMValueRef unwind_line;
    LLVMBasicBlockRef unwind_cold;  /* the same for run-once code: the line is
                                       in FnState.line_slot, not a phi */
    Handler *outer;
    LLVMValueRef code_info;         /* the frame the unwind records (NULL: the
                                       function's; a comprehension's own) */
};

/* What leaving a try/except/with block early (return, break, continue)
 * must do on the way out. */
typedef enum { EXIT_FINALLY, EXIT_RESTORE_HANDLED, EXIT_WITH } ExitKind;
typedef struct TryCtx TryCtx;
struct TryCtx {
    ExitKind kind;
    const StmtList *finalbody;  /* EXIT_FINALLY */
    LLVMValueRef slot;          /* EXIT_RESTORE_HANDLED: the previous handled
                                   exception; EXIT_WITH: the __exit__ method */
    Handler *handler_outside;   /* in effect outside the block */
    Loop *loop;                 /* innermost loop when the block began */
    bool is_async;              /* EXIT_WITH of an `async with` */
    TryCtx *outer;
};

/* A loop being emitted with an int fast copy (emit_int.c). */
typedef struct IntVer IntVer;
struct IntVer {
    bool fast;                  /* emitting the fast copy */
    bool recording;             /* emitting the generic copy: statements start resume blocks */
    unsigned char *k;           /* fast copy, by Symbol.index: holds a small int here */
    const Stmt **rs;            /* the generic copy's statements … */
    LLVMBasicBlockRef *rb;      /* … and the block each starts */
    int nr, capr;
    IntVer *outer;
};

typedef struct FnState {
    Scope *scope;               /* the function's own scope */
    Frame base;                 /* its variables */
    Frame *frame;               /* the innermost frame (comprehensions) */
    LLVMValueRef closure;       /* closure tuple (hidden first param) or NULL */
    FuncDef *def;               /* NULL for the module body */
    LLVMValueRef fn;
    LLVMBasicBlockRef entry;    /* allocas go here */
    Handler base_handler;       /* the function's own: return 0 */
    Handler *handler;           /* innermost */
    TryCtx *tries;              /* innermost try/except/with being emitted */
    LLVMValueRef code_info;     /* ai_code_info constant of this function */
    Loop *loop;
    int cur_line;
    const Expr *cur_expr;       /* the innermost expression being emitted:
                                   a failure checked at its line reports
                                   its span (emit_module.c, emit_loc) */
    const SrcSpan *cur_span;    /* else this span (a pattern being matched) */
    LLVMMetadataRef di_sp;      /* -g: the function's DISubprogram */
    LLVMValueRef class_global;  /* a method: the global holding its class (super()) */
    bool poly_self;             /* a method of a class another class of the module
                                   derives from: its attribute sites see several
                                   classes, so every way is checked inline */
    bool cold;                  /* module-level code, or a run-once function's
                                   (runonce.c), outside any loop: it runs once, so
                                   operators, attribute sites, method calls and
                                   subscripts call the runtime instead of inlining
                                   their fast paths */
    bool had_loop;              /* a loop or comprehension was emitted in this function */
    LLVMValueRef line_slot;     /* i32 alloca: the line of the failing call, for the
                                   handlers' unwind_cold blocks (made on first use) */
    LLVMValueRef fret_out;      /* emitting a float-return variant: its ptr parameter */
    IntVer *iv;                 /* the innermost loop with an int fast copy, or
                                   emit_int_plain() inside a loop emitted once */
} FnState;

/* A leaf of a float tree whose value the fast way kept (emit_float.c):
 * while the tree's generic way is emitted, emit_expr of `x` reads the
 * slot instead of evaluating x again (0: not evaluated yet; AI_FRET: the
 * double is in dslot). */
typedef struct LeafSubst {
    const Expr *x;
    LLVMValueRef slot, dslot;
    bool active;
} LeafSubst;

typedef struct Emitter {
    Arena *arena;
    const Program *prog;
    const Unit *unit;           /* the module being emitted */
    LLVMValueRef *unit_infos;   /* by Unit.index: each source module's ai_module_info */
    LLVMTypeRef modinfo_t;
    const Module *mod;
    const Module *base_names_mod;   /* the module base_names were collected for */
    const char **base_names;        /* the names its classes list as bases, sorted */
    int nbase_names, capbase_names;
    ScopeTable *scopes;
    Scope *modscope;
    bool live_ns;               /* this module's globals go through its namespace dict
                                   (Scope.ns_live; emit_names.c) */
    const EmitOptions *opt;

    LLVMContextRef ctx;
    LLVMModuleRef m;
    LLVMBuilderRef b;
    LLVMTypeRef i1, i8, i32, i64, f64, ptr, voidt;
    RtAbi abi;

    /* module globals: one slot per module-level symbol */
    LLVMValueRef globals;       /* placeholder, replaced by the real array at the end */
    LLVMValueRef positions;     /* placeholder for the source positions
                                   table (ai_code_info.positions) */
    int32_t *pos_v;             /* its entries, AI_POS_WORDS ints each */
    int npos, cappos;
    const Expr *last_pos_expr;  /* the last expression given an entry … */
    int last_pos_loc;           /* … and its location */
    const char *src;            /* the module's text (anchors of ^~~) */
    size_t src_len;
    const char **global_names;
    int nglobals, capglobals;
    bool *global_rebound;       /* by global index: assigned other than by its one top-level def */
    bool *global_assigned;      /* by global index: bound anywhere in the program */
    FuncDef **global_func;      /* by global index: the def when directly callable */

    /* constants: each is a private i64 global filled at start-up from the
     * module's table of ai_const_rec (one record per constant, made by
     * ai_consts_init in `$consts`), found again by its key */
    LLVMValueRef consts_fn;     /* i64 $consts(): creates constants, 0 on error */
    const char **const_keys;    /* the key: kind letter + content */
    size_t *const_keylens;
    LLVMValueRef *const_vals;   /* the globals */
    LLVMValueRef *const_recs;   /* the records, in creation order */
    int nconsts, capconsts;
    int *const_hash;            /* key hash → index, -1 empty; size const_hcap */
    int const_hcap;
    LLVMTypeRef const_rec_type; /* { i64, ptr, i64, ptr } */
    const char **cstr_keys;     /* emit_cstring's globals, by text */
    size_t *cstr_lens;
    LLVMValueRef *cstr_vals;
    int ncstrs, capcstrs;
    int *cstr_hash;
    int cstr_hcap;
    int *global_hash;           /* name hash → global index, -1 empty */
    int global_hcap;
    int nblocks;                /* basic blocks made so far (chunking the module body) */
    LLVMValueRef source_str;    /* the module's text, for tracebacks */
    LLVMValueRef filename_str;
    LLVMValueRef modname_str;   /* the module's name, for ai_code_info */

    FnState *fn;                /* the function being emitted */
    LLVMValueRef tls_asm;       /* inline asm returning &ai_tls */
    LLVMTypeRef tls_asm_type;
    LLVMValueRef poll_asm;      /* x86-64: inline asm returning ai_tls.poll (emit_safepoint) */
    LLVMTypeRef poll_asm_type;
    LLVMValueRef frameaddr_fn;  /* llvm.read_register.i64 */
    LLVMValueRef sp_reg_md;     /* !{!"rsp"} */
    LLVMValueRef class_global;  /* the class whose body is being emitted */
    bool genexp_as_list;        /* emitting the arguments of a full consumer */
    bool future_annotations;    /* `from __future__ import annotations`: annotations are strings */
    LLVMValueRef star_callee;   /* the callee of the call whose argument list
                                   build_list makes next (*v errors name it) */
    bool for_generic;           /* the next emit_for_begin makes a real iterator
                                   (no counted range, no walk by index) */
    Handler *for_handler;       /* emit_for_begin pushes it once the iterator is
                                   made (a comprehension's frame: its next()
                                   calls run inside it, iter() outside) */
    bool hide_frames;           /* a stdlib module standing for one of CPython's C modules
                                   (`# aithon: native`): its frames are left out of tracebacks */
    LLVMDIBuilderRef dib;       /* -g only */
    LLVMMetadataRef di_file, di_cu, di_fnty;
    unsigned prof_kind;         /* metadata kind id of !prof */
    LLVMValueRef unlikely_md;   /* branch weights favouring the else branch */
    LLVMValueRef likely_md;     /* … favouring the then branch */
    int float_tree_off;         /* > 0 while emitting a float tree's generic way */
    LeafSubst *subst;           /* kept leaves of the float trees whose generic way is
                                   being emitted */
    int nsubst, capsubst;
} Emitter;

/* emit_module.c */
const char *emit_symbol(Emitter *e, const char *name);   /* "helper.f": prefixed by the module */
LLVMValueRef emit_cstring(Emitter *e, const char *s, size_t len);
LLVMValueRef emit_const_str(Emitter *e, const char *s, size_t len);
LLVMValueRef emit_constant(Emitter *e, const Constant *c);
/* The constant as a word of static data: a small int or a static object
 * (*indirect false), or the address of the global a pooled constant is
 * created into at start-up (*indirect true). */
LLVMValueRef emit_constant_word(Emitter *e, const Constant *c, bool *indirect);
int emit_global_index(Emitter *e, const char *name);
LLVMValueRef emit_global_slot(Emitter *e, int index);
LLVMValueRef emit_alloca(Emitter *e, LLVMTypeRef t, const char *name);
LLVMValueRef emit_rt(Emitter *e, RtFn id, LLVMValueRef *args, unsigned n);
void emit_check(Emitter *e, LLVMValueRef v, int line);          /* v == 0 → unwind */
void emit_check_i32(Emitter *e, LLVMValueRef v, int line);      /* v < 0 → unwind */
void emit_goto_unwind(Emitter *e, int line);          /* raise here (adds the frame) */
LLVMBasicBlockRef emit_dispatch_block(Emitter *e);    /* re-raise (frame already added) */
void emit_br_unlikely(Emitter *e, LLVMValueRef cond, LLVMBasicBlockRef then_bb,
                      LLVMBasicBlockRef else_bb);
void emit_br_likely(Emitter *e, LLVMValueRef cond, LLVMBasicBlockRef then_bb, LLVMBasicBlockRef else_bb);
LLVMBasicBlockRef emit_block(Emitter *e, const char *name);
bool emit_block_open(Emitter *e);         /* current block has no terminator */
void emit_safepoint(Emitter *e, int line);
LLVMValueRef emit_tls_block(Emitter *e);   /* &ai_tls of the running worker (ptr) */
LLVMValueRef emit_i64(Emitter *e, int64_t v);
LLVMValueRef emit_i32(Emitter *e, int32_t v);
LLVMValueRef emit_ptr_value(Emitter *e, LLVMValueRef global);  /* ptrtoint → i64 */
typedef enum { FUNC_DEF, FUNC_LAMBDA, FUNC_GENEXP } FuncKind;
FuncDef *emit_declare_function(Emitter *e, const void *node, FuncKind kind);
void emit_define_function(Emitter *e, FuncDef *fd);
void emit_default_globals(Emitter *e, FuncDef *fd);
void unsupported(Emitter *e, SrcSpan pos, const char *what);
/* -g: attribute the instructions emitted from now on to this position. */
void emit_debug_loc(Emitter *e, SrcSpan pos);

LLVMValueRef emit_kwnames(Emitter *e, const KeywordList *kws, int line);

LLVMValueRef emit_make_function(Emitter *e, FuncDef *fd, const ExprList *defaults, SrcSpan pos);

/* emit_data.c */
LLVMValueRef emit_value_array(Emitter *e, LLVMValueRef *vals, int n);
/* An array of n values to fill as each is evaluated (no long live ranges). */
LLVMValueRef emit_array_new(Emitter *e, int n);
void emit_array_store(Emitter *e, LLVMValueRef arr, int i, LLVMValueRef v);
LLVMValueRef emit_display(Emitter *e, const Expr *x);
LLVMValueRef emit_list_of(Emitter *e, const ExprList *elts, int line);
LLVMValueRef emit_iterable(Emitter *e, const Expr *x);   /* the iterable of a for/comprehension */
LLVMValueRef emit_attribute_load(Emitter *e, const Expr *x);
LLVMValueRef emit_subscript_load(Emitter *e, const Expr *x);
LLVMValueRef emit_slice(Emitter *e, const Expr *slice);
LLVMValueRef emit_method_call(Emitter *e, const Expr *call, int await_line);
LLVMValueRef emit_write_container(Emitter *e, const Expr *x);   /* see emit_data.c */
void emit_store_target(Emitter *e, const Expr *t, LLVMValueRef v);
void emit_delete_target(Emitter *e, const Expr *t);
void emit_augassign(Emitter *e, const Stmt *s);
LLVMValueRef emit_fstring(Emitter *e, const Expr *x);

/* emit_stmt.c */
void emit_stmts(Emitter *e, const StmtList *body);
typedef struct ForLoop {
    LLVMValueRef item_slot;     /* the current item */
    LLVMValueRef iter;          /* the iterator (0 for a counted range) */
    LLVMBasicBlockRef header, body, latch;
    int line;
} ForLoop;
void emit_for_begin(Emitter *e, const Expr *iter, ForLoop *fl, LLVMBasicBlockRef exhausted);
void emit_async_for_begin(Emitter *e, const Expr *iter, ForLoop *fl, LLVMBasicBlockRef exhausted);
/* async for over `it`, an asynchronous iterator made already (an
 * asynchronous generator expression's ".0"). */
void emit_async_for_over(Emitter *e, LLVMValueRef it, int line, ForLoop *fl, LLVMBasicBlockRef exhausted);
void emit_for_end(Emitter *e, ForLoop *fl);

/* emit_class.c */
void emit_class(Emitter *e, const Stmt *s);
/* Apply decorators (values in source order) to v, innermost first. */
LLVMValueRef emit_decorate(Emitter *e, LLVMValueRef *decos, const ExprList *dl, LLVMValueRef v);
LLVMValueRef *emit_decorators(Emitter *e, const ExprList *decos);
/* super() with no arguments in a method; NULL when `call` is not that. */
LLVMValueRef emit_super_call(Emitter *e, const Expr *call);

/* emit_try.c */
void emit_try(Emitter *e, const Stmt *s);
void emit_with(Emitter *e, const Stmt *s);
void emit_raise(Emitter *e, const Stmt *s);
void emit_assert(Emitter *e, const Stmt *s);
/* Run the exit actions of the try/with blocks being left by a return
 * (loop == NULL: all of them) or by a break/continue of `loop`. */
void emit_exit_blocks(Emitter *e, Loop *loop);
/* Release the temporary iterators of the loops being left: `upto` and
 * every loop inside it (upto NULL: all, for a return). */
void emit_release_loops(Emitter *e, Loop *upto);

/* emit_match.c */
void emit_match(Emitter *e, const Stmt *s);

/* emit_comp.c */
LLVMValueRef emit_comprehension(Emitter *e, const Expr *x);
/* sum/any/all/… over a generator expression without a generator: NULL
 * when `call` is not such a call. */
LLVMValueRef emit_genexp_call(Emitter *e, const Expr *call);
/* The body of a generator expression's function (its iterator is ".0"). */
void emit_genexp_body(Emitter *e, const Expr *x);
/* Does `call` read its generator-expression argument to the end? */
bool emit_consumes_fully(Emitter *e, const Expr *call);
/* Annotations (emit_stmt.c): the value an annotation stands for (the
 * expression, or its source text under `from __future__ import
 * annotations`); whether a block (not counting nested defs and classes)
 * has an annotated name, so that it gets __annotations__ = {}; and a
 * def's __annotations__ dict (NULL when it has none). */
LLVMValueRef emit_annotation(Emitter *e, const Expr *ann);
bool emit_block_annotates(const StmtList *body);
void emit_setup_annotations(Emitter *e, const StmtList *body, int line);
LLVMValueRef emit_function_annotations(Emitter *e, const FuncDef *fd);

/* emit_expr.c */
LLVMValueRef emit_expr(Emitter *e, const Expr *x);
LLVMValueRef emit_cond(Emitter *e, const Expr *x);      /* i1 */
LLVMValueRef emit_truthy(Emitter *e, LLVMValueRef v, int line);

/* emit_float.c: float trees (infer.c) on unboxed doubles; NULL when x
 * is not one (then the caller emits it the generic way). */
LLVMValueRef emit_float_tree(Emitter *e, const Expr *x);          /* boxed value */
/* int(x) of the builtin int with x a float tree; NULL: not one */
LLVMValueRef emit_float_int_call(Emitter *e, const Expr *call);
LLVMValueRef emit_float_compare(Emitter *e, const Expr *x);       /* i1 */
LLVMValueRef emit_float_compare_value(Emitter *e, const Expr *x); /* a bool object */
bool emit_float_augassign(Emitter *e, const Stmt *s);             /* emitted? */
bool emit_float_assign(Emitter *e, const Stmt *s);                /* x = tree into a float local */
LLVMValueRef emit_float_type_word(Emitter *e);
/* A kept leaf of a float tree (LeafSubst), or NULL when x is none. */
LLVMValueRef emit_float_subst(Emitter *e, const Expr *x);
/* `return v` in a float-return variant; false when v is no float tree
 * (the caller then returns the boxed value). */
bool emit_float_return(Emitter *e, const Stmt *s);
/* Is name a plain local of the frame being emitted? (InferIsLocal) */
bool emit_is_plain_local(void *ctx, const char *name);
/* emit_int.c: loops with an int fast copy */
bool emit_int_body(Emitter *e, const Expr *test, const StmtList *body, LLVMBasicBlockRef test_false, int line);
bool emit_int_stmt(Emitter *e, const Stmt *s);          /* fast copy: emitted? */
void emit_int_forget(Emitter *e, const Stmt *s);
void emit_int_resume_point(Emitter *e, const Stmt *s);
IntVer *emit_int_plain(void);
void emit_frame_ints(Emitter *e, Frame *f, const FuncDef *fd);
LLVMValueRef emit_small_binop(Emitter *e, BinOp op, LLVMValueRef l, LLVMValueRef r, LLVMValueRef *ovf);
/* emit_intdiv.c: x // c, x % c for a constant c, or NULL */
LLVMValueRef emit_int_divmod_const(Emitter *e, BinOp op, LLVMValueRef l, LLVMValueRef r);
LLVMValueRef emit_overflow_op(Emitter *e, const char *intrinsic, LLVMValueRef a, LLVMValueRef b, LLVMValueRef *ovf);
LLVMValueRef emit_compare_cond(Emitter *e, CmpOp op, LLVMValueRef l, LLVMValueRef r, int line);
/* Is call a call of a def with a float-return variant? (emission time) */
bool emit_is_float_call(void *ctx, const Expr *call);
/* Decide which module-level defs get a float-return variant. */
void emit_float_functions(Emitter *e);
/* Call fd's float-return variant (emit_expr.c); NULL when the arguments
 * do not fit. The result is AI_FRET (the double in *dout) or boxed. */
LLVMValueRef emit_float_direct_call(Emitter *e, const Expr *call, LLVMValueRef dout);
/* Bump `size` bytes off the running actor's nursery (ai_tls+16/+24;
 * alloc.h A1–A3: the memory is zero, the object must be complete before
 * the next call, gc.h G5): branches to `here`, where the new top is
 * stored and the object's address (an i64) returned, or to `full` when
 * the region has no room. The builder is left in `here`. */
LLVMValueRef emit_nursery_bump(Emitter *e, LLVMValueRef size, LLVMBasicBlockRef here, LLVMBasicBlockRef full);
/* The class word of a cache record (valid while it equals the class). */
LLVMValueRef emit_rec_cls(Emitter *e, LLVMValueRef rec);
LLVMValueRef emit_box_float(Emitter *e, LLVMValueRef d, int line);
/* emit_data.c: attribute caches with float slots (objects/class.h):
 * o.attr = d of a double, and the double of o.attr for a float tree. */
/* `have`: NULL, or an i64 that is the float's box when not 0 (stored as
 * is into a generic slot instead of a new box). */
void emit_setattr_double(Emitter *e, LLVMValueRef o, const char *attr, LLVMValueRef d, int line);
/* local.name's value through the site's cache, no getter run (else slow). */
LLVMValueRef emit_attr_peek(Emitter *e, LLVMValueRef o, const char *attr, LLVMBasicBlockRef slow, int line);
LLVMValueRef emit_attr_double(Emitter *e, LLVMValueRef o, const char *attr, bool need_float, LLVMBasicBlockRef slow,
                              LLVMValueRef (*leaf_double)(Emitter *, LLVMValueRef, bool, LLVMBasicBlockRef));
/* o.attr = p.pattr (emit_data.c): target_obj(e, target) evaluates o. */
void emit_attr_copy(Emitter *e, LLVMValueRef po, const char *pattr, LLVMValueRef (*target_obj)(Emitter *, const void *),
                    const void *target, const char *attr, LLVMBasicBlockRef slow, int line);

/* emit_names.c */
NameHome emit_name_home(Emitter *e, const char *name, Symbol **sym_out, Frame **frame_out);
bool emit_never_bound_global(Emitter *e, const char *name);
bool emit_is_builtin_name(const char *name);
LLVMValueRef emit_load_name(Emitter *e, const char *name, SrcSpan pos);
/* The same for the Name node x (a read, or the target of `x op= v`): no
 * unbound check when definite assignment (defassign.c) proved it bound. */
LLVMValueRef emit_load_name_expr(Emitter *e, const Expr *x);
void emit_store_name(Emitter *e, const char *name, LLVMValueRef v, SrcSpan pos);
LLVMValueRef emit_cell_of(Emitter *e, const char *name, SrcSpan pos);
/* locals() of the running def or lambda: a new dict (emit_names.c). */
LLVMValueRef emit_locals_snapshot(Emitter *e, int line);
/* An ai_code_info for a frame named `funcname` of this module. */
LLVMValueRef emit_code_info(Emitter *e, const char *funcname, int firstlineno);
void emit_delete_name(Emitter *e, const char *name, SrcSpan pos, bool check);
void emit_frame_init(Emitter *e, Frame *f, Scope *scope, Frame *outer);
void emit_frame_cells(Emitter *e, Frame *f);
/* Companion slots for the locals of f that are `x += …` targets in body. */
void emit_frame_owned(Emitter *e, Frame *f, const StmtList *body);
/* Unboxed companions for the float locals of f (infer_float_locals). */
void emit_frame_floats(Emitter *e, Frame *f, const StmtList *body);
/* A float local's companions (Frame.dval, Frame.dflag), or false. */
bool emit_float_local(Emitter *e, const char *name, LLVMValueRef *dval, LLVMValueRef *dflag);
/* The slot of a plain local that is not a float local, loaded without
 * the unbound check (0 when unbound), or NULL for any other name. */
LLVMValueRef emit_peek_local(Emitter *e, const char *name);
/* `a[i:j] = b[k:l:m]` copied without an intermediate list where that is
 * unobservable (emit_data.c); false: not that statement. */
bool emit_slice_copy_assign(Emitter *e, const Stmt *s);
/* `d[k] += n`, `d[k] = d.get(k, c) + n` in one dict probe with
 * `generic` (which emits the statement the ordinary way) behind it;
 * false: not that statement, nothing emitted (emit_dictupd.c). */
bool emit_dict_update(Emitter *e, const Stmt *s, void (*generic)(Emitter *, const Stmt *));
/* The companion of a local (see Frame.owned), or NULL. */
LLVMValueRef emit_owned_slot(Emitter *e, const char *name);
LLVMValueRef emit_closure_for(Emitter *e, Scope *inner, SrcSpan pos);
LLVMValueRef emit_binop(Emitter *e, BinOp op, LLVMValueRef l, LLVMValueRef r, int line);
LLVMValueRef emit_box_i64(Emitter *e, LLVMValueRef raw);  /* raw small int → tagged */
LLVMValueRef emit_inplace(Emitter *e, int op, LLVMValueRef l, LLVMValueRef r, int line);  /* x op= y */
/* emit_construct.c: C(args) of a class through a constructor cache; NULL
 * when the call is not one to try */
LLVMValueRef emit_construct_call(Emitter *e, const Expr *x);
LLVMValueRef emit_call_arg(Emitter *e, const Expr *arg);  /* an argument (genexp → list) */

#endif
