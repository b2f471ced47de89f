/*
 * emit_names.c — reading and writing names.
 *
 * Where a name lives is decided by the scope pass (scope.c); here each kind
 * becomes IR:
 *
 *   local   an alloca of the function (0 = unbound → UnboundLocalError)
 *   cell    a local shared with inner functions: the alloca holds a cell
 *           object made at function entry; its value is read inline at
 *           offset 8 and written through ai_cell_set (the GC barrier)
 *   free    a variable of an enclosing function: the cell comes from the
 *           function's closure tuple (a hidden first parameter)
 *   global  a slot of the module's globals array (0 = unbound → the
 *           builtin of that name, else NameError); a name no code binds
 *           and that names a builtin is looked up once and cached
 *
 * Comprehensions are emitted inline in the enclosing function, each with
 * a Frame of its own: a name free in a comprehension frame is resolved in
 * the frame around it, so it reads the enclosing function's variable
 * directly (no cell needed unless a real closure captures it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "defassign.h"
#include "emit_internal.h"
#include "infer.h"

static const char *const builtin_names[] = {
    "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray",
    "bytes", "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir",
    "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr",
    "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass",
    "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct",
    "open", "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set",
    "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars",
    "zip", "__import__", "__build_class__", "__name__", "__debug__", "__doc__", "__package__",
    /* exceptions */
    "BaseException", "Exception", "ArithmeticError", "AssertionError", "AttributeError",
    "BufferError", "EOFError", "FloatingPointError", "GeneratorExit", "ImportError",
    "ModuleNotFoundError", "IndexError", "KeyError", "KeyboardInterrupt", "LookupError",
    "MemoryError", "NameError", "NotImplementedError", "OSError", "OverflowError",
    "RecursionError", "ReferenceError", "RuntimeError", "StopIteration", "StopAsyncIteration",
    "SyntaxError", "IndentationError", "TabError", "SystemError", "SystemExit", "TypeError",
    "UnboundLocalError", "UnicodeError", "UnicodeEncodeError", "UnicodeDecodeError",
    "ValueError", "ZeroDivisionError", "FileNotFoundError", "FileExistsError", "PermissionError",
    "TimeoutError", "ConnectionError", "IsADirectoryError", "NotADirectoryError",
    "InterruptedError", "ChildProcessError", "ProcessLookupError", "BlockingIOError",
    "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError",
    "ConnectionResetError", "Warning", "UserWarning", "DeprecationWarning",
    "PendingDeprecationWarning", "SyntaxWarning", "RuntimeWarning", "FutureWarning",
    "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning", "EncodingWarning",
    "BaseExceptionGroup", "ExceptionGroup", "NotImplemented", "Ellipsis", "EnvironmentError",
    "IOError",
};

bool emit_is_builtin_name(const char *name) {
    for (size_t i = 0; i < sizeof builtin_names / sizeof *builtin_names; i++)
        if (strcmp(builtin_names[i], name) == 0) return true;
    return false;
}

/* ---- names ----------------------------------------------------------------- */

/* Where `name` lives, seen from frame `f`: walks outward through inlined
 * comprehension frames for free names. A free name never resolves to a
 * class body's binding (class scopes do not enclose the functions and
 * comprehensions inside them), so once the walk follows a free name —
 * or when `skip_class` asks from the start — class frames are passed by. */
static NameHome name_home(Frame *f, const char *name, bool skip_class, Symbol **sym_out, Frame **frame_out) {
    for (;;) {
        Scope *s = f->scope;
        if (skip_class && s->kind == SCOPE_CLASS && f->outer) {
            f = f->outer;
            continue;
        }
        Symbol *sym = scope_lookup(s, name);
        *sym_out = sym;
        *frame_out = f;
        if (s->kind == SCOPE_CLASS) {
            /* Bound in the class body: its namespace (then globals). A
             * name the body does not bind belongs to the frame around. */
            if (sym && sym->kind == SYM_LOCAL) return NAME_CLASS;
            if ((!sym || sym->kind == SYM_FREE) && f->outer) {
                f = f->outer;
                continue;
            }
        }
        if (s->kind == SCOPE_MODULE || !sym) return NAME_GLOBAL;
        switch (sym->kind) {
        case SYM_LOCAL: return NAME_LOCAL;
        case SYM_CELL: return NAME_CELL;
        case SYM_GLOBAL_EXPLICIT: case SYM_GLOBAL_IMPLICIT: return NAME_GLOBAL;
        case SYM_FREE:
            if (f->outer) {
                f = f->outer;
                skip_class = true;
                continue;
            }
            return NAME_FREE;
        }
        return NAME_UNSUPPORTED;
    }
}

NameHome emit_name_home(Emitter *e, const char *name, Symbol **sym_out, Frame **frame_out) {
    return name_home(e->fn->frame, name, false, sym_out, frame_out);
}

/* Is `name` a global that no code ever binds (so it can only be a builtin)? */
bool emit_never_bound_global(Emitter *e, const char *name) {
    int g = emit_global_index(e, name);     /* may grow the arrays: first */
    return !e->global_assigned[g];
}

/* The builtin `name`, looked up once and cached in a private global. */
static LLVMValueRef cached_builtin(Emitter *e, const char *name, int line) {
    char gname[128];
    snprintf(gname, sizeof gname, "builtin.%s", name);
    LLVMValueRef g = LLVMGetNamedGlobal(e->m, gname);
    if (!g) {
        g = LLVMAddGlobal(e->m, e->i64, gname);
        LLVMSetInitializer(g, emit_i64(e, 0));
        LLVMSetLinkage(g, LLVMInternalLinkage);
    }
    LLVMValueRef v = LLVMBuildLoad2(e->b, e->i64, g, name);
    LLVMBasicBlockRef here = LLVMGetInsertBlock(e->b);
    LLVMBasicBlockRef miss = emit_block(e, "builtin.miss"), done = emit_block(e, "builtin");
    emit_br_unlikely(e, LLVMBuildICmp(e->b, LLVMIntEQ, v, emit_i64(e, 0), ""), miss, done);
    LLVMPositionBuilderAtEnd(e->b, miss);
    LLVMValueRef looked = emit_rt(e, RT_ai_builtin, (LLVMValueRef[]){emit_cstring(e, name, strlen(name) + 1)}, 1);
    emit_check(e, looked, line);
    LLVMBuildStore(e->b, looked, g);
    LLVMBasicBlockRef miss_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, name);
    LLVMAddIncoming(phi, (LLVMValueRef[]){v, looked}, (LLVMBasicBlockRef[]){here, miss_end}, 2);
    return phi;
}

static LLVMValueRef load_global(Emitter *e, const char *name, int line) {
    if (e->live_ns) {
        LLVMValueRef v = emit_rt(e, RT_ai_ns_load, (LLVMValueRef[]){e->unit_infos[e->unit->index],
                                 emit_const_str(e, name, strlen(name))}, 2);
        emit_check(e, v, line);
        return v;
    }
    if (emit_is_builtin_name(name) && emit_never_bound_global(e, name)) return cached_builtin(e, name, line);
    int g = emit_global_index(e, name);
    LLVMValueRef v = LLVMBuildLoad2(e->b, e->i64, emit_global_slot(e, g), name);
    LLVMBasicBlockRef here = LLVMGetInsertBlock(e->b);
    LLVMBasicBlockRef miss = emit_block(e, "unbound"), done = emit_block(e, "bound");
    emit_br_unlikely(e, LLVMBuildICmp(e->b, LLVMIntEQ, v, emit_i64(e, 0), ""), miss, done);
    LLVMPositionBuilderAtEnd(e->b, miss);
    LLVMValueRef cname = emit_cstring(e, name, strlen(name) + 1);
    /* Unbound: a name set from outside (setattr on the module), the
     * builtin, or NameError. */
    LLVMValueRef b = emit_rt(e, RT_ai_global_missing, (LLVMValueRef[]){e->unit_infos[e->unit->index], cname}, 2);
    emit_check(e, b, line);
    LLVMBasicBlockRef miss_end = LLVMGetInsertBlock(e->b);
    LLVMBuildBr(e->b, done);
    LLVMPositionBuilderAtEnd(e->b, done);
    LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, name);
    LLVMAddIncoming(phi, (LLVMValueRef[]){v, b}, (LLVMBasicBlockRef[]){here, miss_end}, 2);
    return phi;
}

static LLVMValueRef cell_value_ptr(Emitter *e, LLVMValueRef cell) {
    LLVMValueRef p = LLVMBuildIntToPtr(e->b, cell, e->ptr, "");
    return LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, 8)}, 1, "");
}

/* The cell of free variable `sym` of the running function (from its closure). */
static LLVMValueRef free_cell(Emitter *e, Symbol *sym) {
    LLVMValueRef p = LLVMBuildIntToPtr(e->b, e->fn->closure, e->ptr, "closure");
    LLVMValueRef at = LLVMBuildGEP2(e->b, e->i8, p, (LLVMValueRef[]){emit_i64(e, 16 + 8 * sym->index)}, 1, "");
    return LLVMBuildLoad2(e->b, e->i64, at, sym->name);
}

/* The cell object holding `name` (a cell or free variable), for building
 * an inner function's closure. */
LLVMValueRef emit_cell_of(Emitter *e, const char *name, SrcSpan pos) {
    Symbol *sym;
    Frame *f;
    /* A method's free variable, its closure made in the class body, is the
     * enclosing function's: the class's own binding of the name is not. */
    switch (name_home(e->fn->frame, name, true, &sym, &f)) {
    case NAME_CELL: return LLVMBuildLoad2(e->b, e->i64, f->slots[sym->index], name);
    case NAME_FREE: return free_cell(e, sym);
    default: break;
    }
    diag_error(E_INTERNAL, pos.line, pos.col, "internal error: '%s' is not a cell", name);
    return emit_i64(e, 1);
}

/* locals() in a def or lambda: a new dict of the variables bound now, in
 * CPython's order (the parameters, the other locals as first met, then
 * the cell and the free variables by name), as CPython 3.11 builds it
 * for a function frame. */
static int by_name(const void *a, const void *b) {
    return strcmp((*(Symbol *const *)a)->name, (*(Symbol *const *)b)->name);
}

/* A float local holding its value unboxed (emit_float.c): box it into
 * its slot, which is then current. */
static void box_float_local(Emitter *e, Frame *f, Symbol *sym, int line) {
    if (!f->dflag || !f->dflag[sym->index]) return;
    LLVMValueRef flag = f->dflag[sym->index];
    LLVMBasicBlockRef mat = emit_block(e, "flocal.box"), cont = emit_block(e, "flocal");
    LLVMBuildCondBr(e->b, LLVMBuildLoad2(e->b, e->i1, flag, ""), mat, cont);
    LLVMPositionBuilderAtEnd(e->b, mat);
    LLVMValueRef boxed = emit_box_float(e, LLVMBuildLoad2(e->b, e->f64, f->dval[sym->index], ""), line);
    LLVMBuildStore(e->b, boxed, f->slots[sym->index]);
    LLVMBuildStore(e->b, LLVMConstInt(e->i1, 0, 0), flag);
    LLVMBuildBr(e->b, cont);
    LLVMPositionBuilderAtEnd(e->b, cont);
}

/* The value of a name free in inline comprehension frame `f`, 0 when
 * unbound: it lives in a frame around (a local, a cell or a free
 * variable of the enclosing function). */
static LLVMValueRef raw_value(Emitter *e, Frame *f, const char *name, int line) {
    Symbol *sym;
    Frame *home;
    switch (name_home(f, name, false, &sym, &home)) {
    case NAME_LOCAL:
        if (home->owned && home->owned[sym->index]) LLVMBuildStore(e->b, emit_i64(e, 0), home->owned[sym->index]);
        box_float_local(e, home, sym, line);
        return LLVMBuildLoad2(e->b, e->i64, home->slots[sym->index], name);
    case NAME_CELL: {
        LLVMValueRef cell = LLVMBuildLoad2(e->b, e->i64, home->slots[sym->index], name);
        return LLVMBuildLoad2(e->b, e->i64, cell_value_ptr(e, cell), name);
    }
    case NAME_FREE: return LLVMBuildLoad2(e->b, e->i64, cell_value_ptr(e, free_cell(e, sym)), name);
    default: return emit_i64(e, 0);
    }
}

LLVMValueRef emit_locals_snapshot(Emitter *e, int line) {
    Frame *f = e->fn->frame;
    Scope *s = f->scope;
    Symbol **order = arena_alloc(e->arena, sizeof(Symbol *) * (size_t)(s->nsyms + 1));
    int n = 0;
    FuncDef *fd = e->fn->def;
    bool comp = s->kind == SCOPE_COMPREHENSION;
    bool inline_comp = comp && f != &e->fn->base;     /* else a generator expression's function */
    int first = 0;      /* the entries before `order`: an inline comprehension's ".0" */
    for (int i = 0; fd && !inline_comp && i < fd->nslots; i++) {
        Symbol *sym = scope_lookup(s, fd->params[i]->name);
        if (sym && (sym->name[0] != '.' || comp)) order[n++] = sym;
    }
    if (inline_comp && f->comp_iter) first = 1;
    for (int pass = 0; pass < 3; pass++) {
        int start = n;
        for (int i = 0; i < s->nsyms; i++) {
            Symbol *sym = s->syms[i];
            if (sym->name[0] == '.' || (!inline_comp && (sym->flags & SYMF_PARAM))) continue;
            SymbolKind want = pass == 0 ? SYM_LOCAL : pass == 1 ? SYM_CELL : SYM_FREE;
            if (sym->kind == want) order[n++] = sym;
        }
        if (pass > 0) qsort(order + start, (size_t)(n - start), sizeof(Symbol *), by_name);
    }
    LLVMValueRef vals = emit_array_new(e, first + n);
    LLVMValueRef *names = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(first + n + 1));
    if (first) {
        names[0] = emit_cstring(e, ".0", 3);
        emit_array_store(e, vals, 0, f->comp_iter);
    }
    for (int i = 0; i < n; i++) {
        Symbol *sym = order[i];
        names[first + i] = emit_cstring(e, sym->name, strlen(sym->name) + 1);
        LLVMValueRef v;
        if (sym->kind == SYM_FREE && inline_comp) {
            v = raw_value(e, f, sym->name, line);
        } else if (sym->kind == SYM_FREE) {
            v = LLVMBuildLoad2(e->b, e->i64, cell_value_ptr(e, free_cell(e, sym)), sym->name);
        } else if (sym->kind == SYM_CELL) {
            LLVMValueRef cell = LLVMBuildLoad2(e->b, e->i64, f->slots[sym->index], sym->name);
            v = LLVMBuildLoad2(e->b, e->i64, cell_value_ptr(e, cell), sym->name);
        } else {
            /* Read: the value may be shared now (see emit_load_name). */
            if (f->owned && f->owned[sym->index]) LLVMBuildStore(e->b, emit_i64(e, 0), f->owned[sym->index]);
            box_float_local(e, f, sym, line);
            v = LLVMBuildLoad2(e->b, e->i64, f->slots[sym->index], sym->name);
        }
        emit_array_store(e, vals, first + i, v);
    }
    n += first;
    LLVMValueRef names_arr = LLVMConstArray2(e->ptr, names, (uint64_t)n);
    LLVMValueRef names_g = LLVMAddGlobal(e->m, LLVMTypeOf(names_arr), "locals.names");
    LLVMSetInitializer(names_g, names_arr);
    LLVMSetGlobalConstant(names_g, 1);
    LLVMSetLinkage(names_g, LLVMPrivateLinkage);
    if (!f->locals_slot) {
        /* 0 from the function's entry on */
        LLVMBuilderRef tmp = LLVMCreateBuilderInContext(e->ctx);
        LLVMValueRef first = LLVMGetFirstInstruction(e->fn->entry);
        if (first) LLVMPositionBuilderBefore(tmp, first);
        else LLVMPositionBuilderAtEnd(tmp, e->fn->entry);
        f->locals_slot = LLVMBuildAlloca(tmp, e->i64, "locals");
        LLVMBuildStore(tmp, emit_i64(e, 0), f->locals_slot);
        LLVMDisposeBuilder(tmp);
    }
    LLVMValueRef prev = LLVMBuildLoad2(e->b, e->i64, f->locals_slot, "");
    LLVMValueRef d = emit_rt(e, RT_ai_locals_dict, (LLVMValueRef[]){names_g, vals, emit_i64(e, n), prev}, 4);
    emit_check(e, d, line);
    LLVMBuildStore(e->b, d, f->locals_slot);
    return d;
}

static LLVMValueRef check_bound(Emitter *e, LLVMValueRef v, RtFn raise, const char *name, int line) {
    LLVMBasicBlockRef miss = emit_block(e, "unbound"), done = emit_block(e, "bound");
    emit_br_unlikely(e, LLVMBuildICmp(e->b, LLVMIntEQ, v, emit_i64(e, 0), ""), miss, done);
    LLVMPositionBuilderAtEnd(e->b, miss);
    emit_rt(e, raise, (LLVMValueRef[]){emit_cstring(e, name, strlen(name) + 1)}, 1);
    emit_goto_unwind(e, line);
    LLVMBuildUnreachable(e->b);
    LLVMPositionBuilderAtEnd(e->b, done);
    return v;
}

static LLVMValueRef load_name(Emitter *e, const char *name, SrcSpan pos, bool bound) {
    Symbol *sym;
    Frame *f;
    switch (emit_name_home(e, name, &sym, &f)) {
    case NAME_GLOBAL: return load_global(e, name, pos.line);
    case NAME_LOCAL: {
        /* A read may make the value visible elsewhere: the variable no
         * longer owns it (ai_str_iadd). */
        if (f->owned && f->owned[sym->index]) LLVMBuildStore(e->b, emit_i64(e, 0), f->owned[sym->index]);
        box_float_local(e, f, sym, pos.line);
        LLVMValueRef v = LLVMBuildLoad2(e->b, e->i64, f->slots[sym->index], name);
        if (bound || ((sym->flags & SYMF_PARAM) && !(sym->flags & SYMF_DELETED))) return v;
        return check_bound(e, v, RT_ai_raise_unbound_local, name, pos.line);
    }
    case NAME_CELL: {
        LLVMValueRef cell = LLVMBuildLoad2(e->b, e->i64, f->slots[sym->index], name);
        LLVMValueRef v = LLVMBuildLoad2(e->b, e->i64, cell_value_ptr(e, cell), name);
        return check_bound(e, v, RT_ai_raise_unbound_local, name, pos.line);
    }
    case NAME_FREE: {
        LLVMValueRef v = LLVMBuildLoad2(e->b, e->i64, cell_value_ptr(e, free_cell(e, sym)), name);
        return check_bound(e, v, RT_ai_raise_unbound_free, name, pos.line);
    }
    case NAME_CLASS: {
        /* ns[name] if the body bound it by now, else the global. */
        LLVMValueRef v = emit_rt(e, RT_ai_ns_lookup, (LLVMValueRef[]){f->ns, emit_const_str(e, name, strlen(name))}, 2);
        LLVMBasicBlockRef here = LLVMGetInsertBlock(e->b);
        LLVMBasicBlockRef miss = emit_block(e, "ns.miss"), done = emit_block(e, "ns");
        LLVMBuildCondBr(e->b, LLVMBuildICmp(e->b, LLVMIntEQ, v, emit_i64(e, 0), ""), miss, done);
        LLVMPositionBuilderAtEnd(e->b, miss);
        LLVMValueRef g = load_global(e, name, pos.line);
        LLVMBasicBlockRef miss_end = LLVMGetInsertBlock(e->b);
        LLVMBuildBr(e->b, done);
        LLVMPositionBuilderAtEnd(e->b, done);
        LLVMValueRef phi = LLVMBuildPhi(e->b, e->i64, name);
        LLVMAddIncoming(phi, (LLVMValueRef[]){v, g}, (LLVMBasicBlockRef[]){here, miss_end}, 2);
        return phi;
    }
    case NAME_UNSUPPORTED: break;
    }
    unsupported(e, pos, "this name");
    return emit_i64(e, 1);
}

LLVMValueRef emit_load_name(Emitter *e, const char *name, SrcSpan pos) { return load_name(e, name, pos, false); }

LLVMValueRef emit_load_name_expr(Emitter *e, const Expr *x) {
    return load_name(e, x->u.name.id, x->pos, defassign_bound(e->modscope->defassign, x));
}

void emit_store_name(Emitter *e, const char *name, LLVMValueRef v, SrcSpan pos) {
    Symbol *sym;
    Frame *f;
    switch (emit_name_home(e, name, &sym, &f)) {
    case NAME_GLOBAL:
        if (e->live_ns) {
            LLVMValueRef rc = emit_rt(e, RT_ai_ns_store, (LLVMValueRef[]){e->unit_infos[e->unit->index],
                                      emit_const_str(e, name, strlen(name)), v}, 3);
            emit_check_i32(e, rc, pos.line);
            return;
        }
        LLVMBuildStore(e->b, v, emit_global_slot(e, emit_global_index(e, name)));
        return;
    case NAME_LOCAL:
        if (f->owned && f->owned[sym->index]) LLVMBuildStore(e->b, emit_i64(e, 0), f->owned[sym->index]);
        if (f->dflag && f->dflag[sym->index]) LLVMBuildStore(e->b, LLVMConstInt(e->i1, 0, 0), f->dflag[sym->index]);
        LLVMBuildStore(e->b, v, f->slots[sym->index]);
        return;
    case NAME_CELL:
        emit_rt(e, RT_ai_cell_set, (LLVMValueRef[]){LLVMBuildLoad2(e->b, e->i64, f->slots[sym->index], name), v}, 2);
        return;
    case NAME_FREE: emit_rt(e, RT_ai_cell_set, (LLVMValueRef[]){free_cell(e, sym), v}, 2); return;
    case NAME_CLASS: {
        LLVMValueRef key = emit_const_str(e, name, strlen(name));
        LLVMValueRef rc = v ? emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){f->ns, key, v}, 3)
                            : emit_rt(e, RT_ai_delitem, (LLVMValueRef[]){f->ns, key}, 2);
        emit_check_i32(e, rc, pos.line);
        return;
    }
    case NAME_UNSUPPORTED: break;
    }
    unsupported(e, pos, "assignment to this name");
}

/* del name (check: raise if unbound, as `del` does; the implicit unbind
 * at the end of an except clause does not check). */
void emit_delete_name(Emitter *e, const char *name, SrcSpan pos, bool check) {
    Symbol *sym;
    Frame *f;
    if (emit_name_home(e, name, &sym, &f) == NAME_CLASS) {
        LLVMValueRef key = emit_const_str(e, name, strlen(name));
        if (!check) emit_rt(e, RT_ai_setitem, (LLVMValueRef[]){f->ns, key, emit_constant(e, &(Constant){.kind = CONST_NONE})}, 3);
        emit_check_i32(e, emit_rt(e, RT_ai_delitem, (LLVMValueRef[]){f->ns, key}, 2), pos.line);
        return;
    }
    if (check) emit_load_name(e, name, pos);
    emit_store_name(e, name, emit_i64(e, 0), pos);
}

/* Allocate the variables of `scope` for a new frame: an alloca per local
 * or cell (cells get their cell object now), and the closure index of
 * each free variable. Params are stored by the caller before cells are
 * made, see emit_frame_cells. */
void emit_frame_init(Emitter *e, Frame *f, Scope *scope, Frame *outer) {
    f->scope = scope;
    f->outer = outer;
    f->ns = NULL;
    f->owned = NULL;
    f->dval = f->dflag = NULL;
    f->intloc = NULL;
    f->slots = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(scope->nsyms + 1));
    int next = 0, nfree = 0;
    for (int i = 0; i < scope->nsyms; i++) {
        Symbol *sym = scope->syms[i];
        if (sym->kind == SYM_FREE) {
            sym->index = nfree++;
            continue;
        }
        if (sym->kind != SYM_LOCAL && sym->kind != SYM_CELL) continue;
        sym->index = next;
        f->slots[next] = emit_alloca(e, e->i64, sym->name);
        LLVMBuildStore(e->b, emit_i64(e, 0), f->slots[next]);
        next++;
    }
}

void emit_frame_owned(Emitter *e, Frame *f, const StmtList *body) {
    const char **names;
    int n = infer_append_targets(e->arena, body, &names);
    for (int i = 0; i < n; i++) {
        Symbol *sym = scope_lookup(f->scope, names[i]);
        if (!sym || sym->kind != SYM_LOCAL) continue;
        if (!f->owned) f->owned = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(f->scope->nsyms + 1));
        LLVMValueRef slot = emit_alloca(e, e->i64, arena_printf(e->arena, "%s$owned", names[i]));
        LLVMBuildStore(e->b, emit_i64(e, 0), slot);
        f->owned[sym->index] = slot;
    }
}

void emit_frame_floats(Emitter *e, Frame *f, const StmtList *body) {
    const char **names;
    InferEnv env = {emit_is_plain_local, emit_is_float_call, e};
    int n = infer_float_locals(e->arena, body, &env, &names);
    for (int i = 0; i < n; i++) {
        Symbol *sym = scope_lookup(f->scope, names[i]);
        if (!sym || sym->kind != SYM_LOCAL) continue;
        if (!f->dflag) {
            f->dflag = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(f->scope->nsyms + 1));
            f->dval = arena_alloc(e->arena, sizeof(LLVMValueRef) * (size_t)(f->scope->nsyms + 1));
        }
        f->dval[sym->index] = emit_alloca(e, e->f64, arena_printf(e->arena, "%s$d", names[i]));
        f->dflag[sym->index] = emit_alloca(e, e->i1, arena_printf(e->arena, "%s$unboxed", names[i]));
        LLVMBuildStore(e->b, LLVMConstInt(e->i1, 0, 0), f->dflag[sym->index]);
    }
}

bool emit_float_local(Emitter *e, const char *name, LLVMValueRef *dval, LLVMValueRef *dflag) {
    Symbol *sym;
    Frame *f;
    if (emit_name_home(e, name, &sym, &f) != NAME_LOCAL || !f->dflag || !f->dflag[sym->index]) return false;
    *dval = f->dval[sym->index];
    *dflag = f->dflag[sym->index];
    return true;
}

LLVMValueRef emit_peek_local(Emitter *e, const char *name) {
    Symbol *sym;
    Frame *f;
    if (emit_name_home(e, name, &sym, &f) != NAME_LOCAL) return NULL;
    if (f->dflag && f->dflag[sym->index]) return NULL; /* may hold its value unboxed */
    return LLVMBuildLoad2(e->b, e->i64, f->slots[sym->index], name);
}

LLVMValueRef emit_owned_slot(Emitter *e, const char *name) {
    Symbol *sym;
    Frame *f;
    if (emit_name_home(e, name, &sym, &f) != NAME_LOCAL || !f->owned) return NULL;
    return f->owned[sym->index];
}

/* Turn the frame's cell variables into cells (keeping a parameter's value). */
void emit_frame_cells(Emitter *e, Frame *f) {
    for (int i = 0; i < f->scope->nsyms; i++) {
        Symbol *sym = f->scope->syms[i];
        if (sym->kind != SYM_CELL) continue;
        LLVMValueRef v = LLVMBuildLoad2(e->b, e->i64, f->slots[sym->index], "");
        LLVMValueRef cell = emit_rt(e, RT_ai_cell_new, &v, 1);
        emit_check(e, cell, e->fn->cur_line);
        LLVMBuildStore(e->b, cell, f->slots[sym->index]);
    }
}

/* The closure tuple for a new function of scope `inner`: its free
 * variables' cells, in the order emit_frame_init numbers them. 0 if none. */
LLVMValueRef emit_closure_for(Emitter *e, Scope *inner, SrcSpan pos) {
    if (!inner->has_free) return emit_i64(e, 0);
    LLVMValueRef cells[256];
    int n = 0;
    for (int i = 0; i < inner->nsyms && n < 256; i++)
        if (inner->syms[i]->kind == SYM_FREE) cells[n++] = emit_cell_of(e, inner->syms[i]->name, pos);
    LLVMValueRef t = emit_rt(e, RT_ai_tuple_pack, (LLVMValueRef[]){emit_value_array(e, cells, n), emit_i64(e, n)}, 2);
    emit_check(e, t, pos.line);
    return t;
}
