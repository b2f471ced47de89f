/*
 * ast.h — the abstract syntax tree of a Python 3.11 module.
 *
 * Produced by parse.c, read by scope.c, sema and the emitter. The shape
 * follows CPython's Python.asdl node for node, so CPython's documentation
 * of `ast` describes it; names are C-ified (ExprKind E_BINOP ~ ast.BinOp).
 *
 * Invariants
 *  - Every node, list and string lives in the compilation's Arena and is
 *    freed with it; nothing here owns memory.
 *  - Every node carries a source span: `line`/`end_line` are 1-based,
 *    `col`/`end_col` are 0-based UTF-8 byte offsets into the line (as in
 *    CPython's ast). Diagnostics print col + 1.
 *  - Identifiers are NUL-terminated UTF-8 in the arena; compare with
 *    strcmp. String/bytes constants carry an explicit length (they may
 *    hold NUL bytes); str constants are already decoded to UTF-8, escapes
 *    processed.
 *  - List fields are never NULL: an empty list is {0, NULL}.
 *  - Optional child nodes are NULL when absent (e.g. If.orelse is a list,
 *    but Return.value may be NULL).
 */
#ifndef AITHON_AST_H
#define AITHON_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct Expr Expr;
typedef struct Stmt Stmt;
typedef struct Arg Arg;
typedef struct Keyword Keyword;
typedef struct Comprehension Comprehension;
typedef struct ExceptHandler ExceptHandler;
typedef struct WithItem WithItem;
typedef struct MatchCase MatchCase;
typedef struct Pattern Pattern;
typedef struct Alias Alias;

/* Growable arrays of node pointers. `n` items at `v[0..n)`. */
typedef struct { int n; Expr **v; } ExprList;
typedef struct { int n; Stmt **v; } StmtList;
typedef struct { int n; Arg **v; } ArgList;
typedef struct { int n; Keyword **v; } KeywordList;
typedef struct { int n; Comprehension **v; } ComprehensionList;
typedef struct { int n; ExceptHandler **v; } HandlerList;
typedef struct { int n; WithItem **v; } WithItemList;
typedef struct { int n; MatchCase **v; } MatchCaseList;
typedef struct { int n; Pattern **v; } PatternList;
typedef struct { int n; Alias **v; } AliasList;
typedef struct { int n; const char **v; } NameList;

typedef struct {
    int line, col, end_line, end_col;
} SrcSpan;

/* ---- operators -------------------------------------------------------- */

typedef enum { BOOL_AND, BOOL_OR } BoolOp;

typedef enum {
    OP_ADD, OP_SUB, OP_MULT, OP_MATMULT, OP_DIV, OP_MOD, OP_POW,
    OP_LSHIFT, OP_RSHIFT, OP_BITOR, OP_BITXOR, OP_BITAND, OP_FLOORDIV,
    OP__COUNT
} BinOp;

typedef enum { UOP_INVERT, UOP_NOT, UOP_UADD, UOP_USUB } UnaryOp;

typedef enum {
    CMP_EQ, CMP_NOTEQ, CMP_LT, CMP_LTE, CMP_GT, CMP_GTE,
    CMP_IS, CMP_ISNOT, CMP_IN, CMP_NOTIN
} CmpOp;

/* Load/Store/Del context of Name, Attribute, Subscript, Starred, List,
 * Tuple — as CPython's expr_context. */
typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } ExprCtx;

/* ---- constants -------------------------------------------------------- */

typedef enum {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
    CONST_INT,      /* `ival` when it fits in int64 (`big` == NULL), else
                       `big` is the decimal digits, or "0x…"/"0o…"/"0b…"
                       with the literal's digits (no sign, no '_') */
    CONST_FLOAT,    /* `fval` */
    CONST_IMAG,     /* `fval` is the imaginary part */
    CONST_STR,      /* `str`/`len`: UTF-8, escapes decoded */
    CONST_BYTES,    /* `str`/`len`: raw bytes */
} ConstKind;

typedef struct {
    ConstKind kind;
    int64_t ival;
    const char *big;
    double fval;
    const char *str;
    size_t len;
} Constant;

/* ---- expressions ------------------------------------------------------ */

typedef enum {
    E_BOOLOP, E_NAMEDEXPR, E_BINOP, E_UNARYOP, E_LAMBDA, E_IFEXP, E_DICT,
    E_SET, E_LISTCOMP, E_SETCOMP, E_DICTCOMP, E_GENERATOREXP, E_AWAIT,
    E_YIELD, E_YIELDFROM, E_COMPARE, E_CALL, E_FORMATTEDVALUE,
    E_JOINEDSTR, E_CONSTANT, E_ATTRIBUTE, E_SUBSCRIPT, E_STARRED, E_NAME,
    E_LIST, E_TUPLE, E_SLICE,
    E__COUNT
} ExprKind;

typedef struct Arguments Arguments;

struct Expr {
    ExprKind kind;
    SrcSpan pos;
    union {
        struct { BoolOp op; ExprList values; } boolop;            /* a and b and c */
        struct { Expr *target; Expr *value; } namedexpr;         /* target is E_NAME */
        struct { Expr *left; BinOp op; Expr *right; } binop;
        struct { UnaryOp op; Expr *operand; } unaryop;
        struct { Arguments *args; Expr *body; } lambda;
        struct { Expr *test; Expr *body; Expr *orelse; } ifexp;
        /* keys[i] == NULL means `**values[i]` */
        struct { ExprList keys; ExprList values; } dict;
        struct { ExprList elts; } set;
        /* ListComp, SetComp, GeneratorExp use elt; DictComp key/value */
        struct { Expr *elt; Expr *key; Expr *value; ComprehensionList generators; } comp;
        struct { Expr *value; } await_;
        struct { Expr *value; } yield;          /* value may be NULL */
        struct { Expr *value; } yieldfrom;
        struct { Expr *left; int n; CmpOp *ops; ExprList comparators; } compare;
        struct { Expr *func; ExprList args; KeywordList keywords; } call;
        /* conversion: -1 none, 's', 'r', 'a'; format_spec is E_JOINEDSTR or NULL */
        struct { Expr *value; int conversion; Expr *format_spec; } formatted;
        struct { ExprList values; } joinedstr;  /* E_CONSTANT str and E_FORMATTEDVALUE */
        Constant constant;
        struct { Expr *value; const char *attr; ExprCtx ctx; } attribute;
        struct { Expr *value; Expr *slice; ExprCtx ctx; } subscript;
        struct { Expr *value; ExprCtx ctx; } starred;
        struct { const char *id; ExprCtx ctx; } name;
        struct { ExprList elts; ExprCtx ctx; } list;     /* E_LIST and E_TUPLE */
        struct { Expr *lower; Expr *upper; Expr *step; } slice;  /* each may be NULL */
    } u;
};

/* ---- function parameters ---------------------------------------------- */

struct Arg {
    SrcSpan pos;
    const char *name;
    Expr *annotation;       /* NULL when absent */
};

/* def f(posonly, /, args, *vararg, kwonly, **kwarg)
 * defaults: the last len(defaults) of posonlyargs+args have defaults.
 * kw_defaults[i] is the default of kwonlyargs[i], NULL when required. */
struct Arguments {
    ArgList posonlyargs;
    ArgList args;
    Arg *vararg;            /* NULL when absent */
    ArgList kwonlyargs;
    ExprList kw_defaults;   /* same length as kwonlyargs, items may be NULL */
    Arg *kwarg;             /* NULL when absent */
    ExprList defaults;
};

struct Keyword {
    SrcSpan pos;
    const char *arg;        /* NULL for **kwargs */
    Expr *value;
};

struct Comprehension {
    Expr *target;
    Expr *iter;
    ExprList ifs;
    bool is_async;
};

struct ExceptHandler {
    SrcSpan pos;
    Expr *type;             /* NULL for bare except */
    const char *name;       /* NULL when no `as` */
    StmtList body;
};

struct WithItem {
    Expr *context_expr;
    Expr *optional_vars;    /* NULL when no `as` */
};

struct Alias {
    SrcSpan pos;
    const char *name;       /* dotted name, or "*" */
    const char *asname;     /* NULL when absent */
};

/* ---- match patterns --------------------------------------------------- */

typedef enum {
    P_VALUE, P_SINGLETON, P_SEQUENCE, P_MAPPING, P_CLASS, P_STAR, P_AS, P_OR
} PatternKind;

struct Pattern {
    PatternKind kind;
    SrcSpan pos;
    union {
        struct { Expr *value; } value;
        struct { Constant value; } singleton;   /* None, True or False */
        struct { PatternList patterns; } sequence;
        struct { ExprList keys; PatternList patterns; const char *rest; } mapping;
        struct { Expr *cls; PatternList patterns; NameList kwd_attrs; PatternList kwd_patterns; } cls;
        struct { const char *name; } star;       /* name NULL for `*_` */
        struct { Pattern *pattern; const char *name; } as;  /* both may be NULL (`_`) */
        struct { PatternList patterns; } or_;
    } u;
};

struct MatchCase {
    Pattern *pattern;
    Expr *guard;            /* NULL when absent */
    StmtList body;
};

/* ---- statements ------------------------------------------------------- */

typedef enum {
    S_FUNCTIONDEF, S_ASYNCFUNCTIONDEF, S_CLASSDEF, S_RETURN, S_DELETE,
    S_ASSIGN, S_AUGASSIGN, S_ANNASSIGN, S_FOR, S_ASYNCFOR, S_WHILE, S_IF,
    S_WITH, S_ASYNCWITH, S_MATCH, S_RAISE, S_TRY, S_TRYSTAR, S_ASSERT,
    S_IMPORT, S_IMPORTFROM, S_GLOBAL, S_NONLOCAL, S_EXPR, S_PASS, S_BREAK,
    S_CONTINUE,
    S__COUNT
} StmtKind;

struct Stmt {
    StmtKind kind;
    SrcSpan pos;
    union {
        /* S_FUNCTIONDEF and S_ASYNCFUNCTIONDEF */
        /* example: a doctest example made a function (doctests.c): its
         * names are the module's and its expression statements are
         * displayed, as in CPython's interactive mode */
        struct { const char *name; Arguments *args; StmtList body;
                 ExprList decorators; Expr *returns; bool example; } funcdef;
        struct { const char *name; ExprList bases; KeywordList keywords;
                 StmtList body; ExprList decorators; } classdef;
        struct { Expr *value; } ret;            /* value may be NULL */
        struct { ExprList targets; } del;
        struct { ExprList targets; Expr *value; } assign;  /* a = b = value */
        struct { Expr *target; BinOp op; Expr *value; } augassign;
        /* simple: target is a plain Name not in parentheses */
        struct { Expr *target; Expr *annotation; Expr *value; bool simple; } annassign;
        /* S_FOR and S_ASYNCFOR */
        struct { Expr *target; Expr *iter; StmtList body; StmtList orelse; } for_;
        struct { Expr *test; StmtList body; StmtList orelse; } while_;
        struct { Expr *test; StmtList body; StmtList orelse; } if_;
        /* S_WITH and S_ASYNCWITH */
        struct { WithItemList items; StmtList body; } with;
        struct { Expr *subject; MatchCaseList cases; } match;
        struct { Expr *exc; Expr *cause; } raise;   /* both may be NULL */
        /* S_TRY and S_TRYSTAR */
        struct { StmtList body; HandlerList handlers; StmtList orelse;
                 StmtList finalbody; } try_;
        struct { Expr *test; Expr *msg; } assert_;
        struct { AliasList names; } import;
        /* module NULL for `from . import x`; level = number of dots */
        struct { const char *module; AliasList names; int level; } importfrom;
        struct { NameList names; } global;       /* S_GLOBAL and S_NONLOCAL */
        struct { Expr *value; } expr;
    } u;
};

typedef struct {
    const char *filename;   /* as given on the command line */
    const char *source;     /* the whole text, NUL-terminated */
    size_t source_len;
    StmtList body;
} Module;

const char *ast_expr_kind_name(ExprKind k);   /* "BinOp", … (CPython's names) */
const char *ast_stmt_kind_name(StmtKind k);   /* "FunctionDef", … */
const char *ast_binop_symbol(BinOp op);       /* "+", "//", … */

/* ---- debugging (ast.c) ---------------------------------------------------
 * Print m as an indented tree (aithonc --dump-ast): one node per line,
 * `Kind scalar=value … <line:col-end_line:end_col>`, then its child nodes
 * indented under their field names, fields in CPython's order, so the
 * tree can be compared with CPython's ast.dump(). */
void ast_dump(FILE *out, const Module *m);

#endif
