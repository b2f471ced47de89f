/*
 * ast.c — names of AST kinds and operators, and the AST dumper.
 *
 * ast_dump() prints a Module as an indented tree, one node per line:
 *
 *     Assign <1:0-1:9>
 *       targets:
 *         Name id=x ctx=Store <1:0-1:1>
 *       value: BinOp op=Add <1:4-1:9>
 *         left: Constant value=int:1 <1:4-1:5>
 *         right: Constant value=int:2 <1:8-1:9>
 *
 * Scalar fields (identifiers, operators, contexts, flags, constant values)
 * sit on the node's line; child nodes follow, indented under their field
 * names, in the order of CPython's `_fields` (type comments and
 * Constant.kind left out), so a small script can print CPython's own tree
 * in the same format and the two can be diffed. Positions are
 * <line:col-end_line:end_col> with 0-based byte columns, for the node
 * kinds that have them in CPython.
 *
 * Constant values: int:N (big ints as their digits), float:%.17g,
 * imag:%.17g, str:"…" and bytes:b"…" with \\ \" \n \r \t and \xHH
 * escapes (non-ASCII UTF-8 printed as is in str), None, True, False,
 * Ellipsis.
 */
#include "ast.h"

#include <string.h>

/* ---- names ------------------------------------------------------------------ */

static const char *const expr_names[E__COUNT] = {
    "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "ListComp",
    "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom", "Compare", "Call",
    "FormattedValue", "JoinedStr", "Constant", "Attribute", "Subscript", "Starred", "Name",
    "List", "Tuple", "Slice",
};

static const char *const stmt_names[S__COUNT] = {
    "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign", "AugAssign",
    "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith", "Match", "Raise", "Try",
    "TryStar", "Assert", "Import", "ImportFrom", "Global", "Nonlocal", "Expr", "Pass", "Break",
    "Continue",
};

static const char *const binop_symbols[OP__COUNT] = {
    "+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//",
};

static const char *const binop_names[OP__COUNT] = {
    "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift", "BitOr",
    "BitXor", "BitAnd", "FloorDiv",
};

const char *ast_expr_kind_name(ExprKind k) {
    return k >= 0 && k < E__COUNT ? expr_names[k] : "?";
}

const char *ast_stmt_kind_name(StmtKind k) {
    return k >= 0 && k < S__COUNT ? stmt_names[k] : "?";
}

const char *ast_binop_symbol(BinOp op) {
    return op >= 0 && op < OP__COUNT ? binop_symbols[op] : "?";
}

static const char *ctx_name(ExprCtx c) {
    return c == CTX_STORE ? "Store" : c == CTX_DEL ? "Del" : "Load";
}

static const char *cmpop_name(CmpOp op) {
    static const char *const n[] = {"Eq", "NotEq", "Lt", "LtE", "Gt",
                                    "GtE", "Is", "IsNot", "In", "NotIn"};
    return op >= 0 && op <= CMP_NOTIN ? n[op] : "?";
}

static const char *unaryop_name(UnaryOp op) {
    static const char *const n[] = {"Invert", "Not", "UAdd", "USub"};
    return op >= 0 && op <= UOP_USUB ? n[op] : "?";
}

/* ---- dumper ------------------------------------------------------------------ */

typedef struct {
    FILE *out;
    int ind;    /* indentation of the node being printed */
} Dump;

static void expr(Dump *d, const char *label, const Expr *e);
static void stmts(Dump *d, const char *field, StmtList l);
static void pattern(Dump *d, const char *label, const Pattern *p);

/* Start a node's line: indentation, "field: " label, kind. */
static void begin(Dump *d, const char *label, const char *kind) {
    fprintf(d->out, "%*s%s%s", d->ind, "", label ? label : "", kind);
}

static void end(Dump *d, const SrcSpan *pos) {
    if (pos) fprintf(d->out, " <%d:%d-%d:%d>", pos->line, pos->col, pos->end_line, pos->end_col);
    fputc('\n', d->out);
}

static void attr(Dump *d, const char *name, const char *value) {
    fprintf(d->out, " %s=%s", name, value ? value : "None");
}

static void attr_int(Dump *d, const char *name, long v) { fprintf(d->out, " %s=%ld", name, v); }

static void quoted(Dump *d, const char *s, size_t n, bool bytes) {
    fputs(bytes ? "b\"" : "\"", d->out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\\': fputs("\\\\", d->out); break;
        case '"': fputs("\\\"", d->out); break;
        case '\n': fputs("\\n", d->out); break;
        case '\r': fputs("\\r", d->out); break;
        case '\t': fputs("\\t", d->out); break;
        default:
            if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) fprintf(d->out, "\\x%02x", c);
            else fputc(c, d->out);
        }
    }
    fputc('"', d->out);
}

static void constant_value(Dump *d, const Constant *c) {
    fputs(" value=", d->out);
    switch (c->kind) {
    case CONST_NONE: fputs("None", d->out); break;
    case CONST_TRUE: fputs("True", d->out); break;
    case CONST_FALSE: fputs("False", d->out); break;
    case CONST_ELLIPSIS: fputs("Ellipsis", d->out); break;
    case CONST_INT:
        if (c->big) fprintf(d->out, "int:%s", c->big);
        else fprintf(d->out, "int:%lld", (long long)c->ival);
        break;
    case CONST_FLOAT: fprintf(d->out, "float:%.17g", c->fval); break;
    case CONST_IMAG: fprintf(d->out, "imag:%.17g", c->fval); break;
    case CONST_STR:
        fputs("str:", d->out);
        quoted(d, c->str, c->len, false);
        break;
    case CONST_BYTES:
        fputs("bytes:", d->out);
        quoted(d, c->str, c->len, true);
        break;
    }
}

/* A list-valued field: "field: []" or "field:" and one item per line. */
#define LIST_FIELD(d, field, list, printer)                                  \
    do {                                                                     \
        d->ind += 2;                                                         \
        if ((list).n == 0) {                                                 \
            fprintf(d->out, "%*s%s: []\n", d->ind, "", field);               \
        } else {                                                             \
            fprintf(d->out, "%*s%s:\n", d->ind, "", field);                  \
            d->ind += 2;                                                     \
            for (int i_ = 0; i_ < (list).n; i_++) printer(d, NULL, (list).v[i_]); \
            d->ind -= 2;                                                     \
        }                                                                    \
        d->ind -= 2;                                                         \
    } while (0)

/* A single child node: "field: None" or "field: <node>". */
#define NODE_FIELD(d, field, node, printer)                                  \
    do {                                                                     \
        d->ind += 2;                                                         \
        if (!(node)) fprintf(d->out, "%*s%s: None\n", d->ind, "", field);    \
        else printer(d, field ": ", node);                                   \
        d->ind -= 2;                                                         \
    } while (0)

static void exprs(Dump *d, const char *field, ExprList l) {
    d->ind += 2;
    if (l.n == 0) {
        fprintf(d->out, "%*s%s: []\n", d->ind, "", field);
    } else {
        fprintf(d->out, "%*s%s:\n", d->ind, "", field);
        d->ind += 2;
        for (int i = 0; i < l.n; i++) {
            if (l.v[i]) expr(d, NULL, l.v[i]);
            else fprintf(d->out, "%*sNone\n", d->ind, "");   /* Dict key of **x */
        }
        d->ind -= 2;
    }
    d->ind -= 2;
}

static void arg(Dump *d, const char *label, const Arg *a) {
    begin(d, label, "arg");
    attr(d, "arg", a->name);
    end(d, &a->pos);
    NODE_FIELD(d, "annotation", a->annotation, expr);
}

static void arguments(Dump *d, const char *label, const Arguments *a) {
    begin(d, label, "arguments");
    end(d, NULL);
    LIST_FIELD(d, "posonlyargs", a->posonlyargs, arg);
    LIST_FIELD(d, "args", a->args, arg);
    NODE_FIELD(d, "vararg", a->vararg, arg);
    LIST_FIELD(d, "kwonlyargs", a->kwonlyargs, arg);
    exprs(d, "kw_defaults", a->kw_defaults);
    NODE_FIELD(d, "kwarg", a->kwarg, arg);
    exprs(d, "defaults", a->defaults);
}

static void keyword(Dump *d, const char *label, const Keyword *k) {
    begin(d, label, "keyword");
    attr(d, "arg", k->arg);
    end(d, &k->pos);
    NODE_FIELD(d, "value", k->value, expr);
}

static void comprehension(Dump *d, const char *label, const Comprehension *c) {
    begin(d, label, "comprehension");
    attr_int(d, "is_async", c->is_async);
    end(d, NULL);
    NODE_FIELD(d, "target", c->target, expr);
    NODE_FIELD(d, "iter", c->iter, expr);
    exprs(d, "ifs", c->ifs);
}

static void names(Dump *d, const char *field, NameList l) {
    fprintf(d->out, " %s=[", field);
    for (int i = 0; i < l.n; i++) fprintf(d->out, "%s%s", i ? "," : "", l.v[i]);
    fputc(']', d->out);
}

static void expr(Dump *d, const char *label, const Expr *e) {
    begin(d, label, ast_expr_kind_name(e->kind));
    switch (e->kind) {
    case E_BOOLOP:
        attr(d, "op", e->u.boolop.op == BOOL_AND ? "And" : "Or");
        end(d, &e->pos);
        exprs(d, "values", e->u.boolop.values);
        break;
    case E_NAMEDEXPR:
        end(d, &e->pos);
        NODE_FIELD(d, "target", e->u.namedexpr.target, expr);
        NODE_FIELD(d, "value", e->u.namedexpr.value, expr);
        break;
    case E_BINOP:
        attr(d, "op", binop_names[e->u.binop.op]);
        end(d, &e->pos);
        NODE_FIELD(d, "left", e->u.binop.left, expr);
        NODE_FIELD(d, "right", e->u.binop.right, expr);
        break;
    case E_UNARYOP:
        attr(d, "op", unaryop_name(e->u.unaryop.op));
        end(d, &e->pos);
        NODE_FIELD(d, "operand", e->u.unaryop.operand, expr);
        break;
    case E_LAMBDA:
        end(d, &e->pos);
        NODE_FIELD(d, "args", e->u.lambda.args, arguments);
        NODE_FIELD(d, "body", e->u.lambda.body, expr);
        break;
    case E_IFEXP:
        end(d, &e->pos);
        NODE_FIELD(d, "test", e->u.ifexp.test, expr);
        NODE_FIELD(d, "body", e->u.ifexp.body, expr);
        NODE_FIELD(d, "orelse", e->u.ifexp.orelse, expr);
        break;
    case E_DICT:
        end(d, &e->pos);
        exprs(d, "keys", e->u.dict.keys);
        exprs(d, "values", e->u.dict.values);
        break;
    case E_SET:
        end(d, &e->pos);
        exprs(d, "elts", e->u.set.elts);
        break;
    case E_LISTCOMP:
    case E_SETCOMP:
    case E_GENERATOREXP:
        end(d, &e->pos);
        NODE_FIELD(d, "elt", e->u.comp.elt, expr);
        LIST_FIELD(d, "generators", e->u.comp.generators, comprehension);
        break;
    case E_DICTCOMP:
        end(d, &e->pos);
        NODE_FIELD(d, "key", e->u.comp.key, expr);
        NODE_FIELD(d, "value", e->u.comp.value, expr);
        LIST_FIELD(d, "generators", e->u.comp.generators, comprehension);
        break;
    case E_AWAIT:
        end(d, &e->pos);
        NODE_FIELD(d, "value", e->u.await_.value, expr);
        break;
    case E_YIELD:
        end(d, &e->pos);
        NODE_FIELD(d, "value", e->u.yield.value, expr);
        break;
    case E_YIELDFROM:
        end(d, &e->pos);
        NODE_FIELD(d, "value", e->u.yieldfrom.value, expr);
        break;
    case E_COMPARE:
        fputs(" ops=[", d->out);
        for (int i = 0; i < e->u.compare.n; i++)
            fprintf(d->out, "%s%s", i ? "," : "", cmpop_name(e->u.compare.ops[i]));
        fputc(']', d->out);
        end(d, &e->pos);
        NODE_FIELD(d, "left", e->u.compare.left, expr);
        exprs(d, "comparators", e->u.compare.comparators);
        break;
    case E_CALL:
        end(d, &e->pos);
        NODE_FIELD(d, "func", e->u.call.func, expr);
        exprs(d, "args", e->u.call.args);
        LIST_FIELD(d, "keywords", e->u.call.keywords, keyword);
        break;
    case E_FORMATTEDVALUE:
        attr_int(d, "conversion", e->u.formatted.conversion);
        end(d, &e->pos);
        NODE_FIELD(d, "value", e->u.formatted.value, expr);
        NODE_FIELD(d, "format_spec", e->u.formatted.format_spec, expr);
        break;
    case E_JOINEDSTR:
        end(d, &e->pos);
        exprs(d, "values", e->u.joinedstr.values);
        break;
    case E_CONSTANT:
        constant_value(d, &e->u.constant);
        end(d, &e->pos);
        break;
    case E_ATTRIBUTE:
        attr(d, "attr", e->u.attribute.attr);
        attr(d, "ctx", ctx_name(e->u.attribute.ctx));
        end(d, &e->pos);
        NODE_FIELD(d, "value", e->u.attribute.value, expr);
        break;
    case E_SUBSCRIPT:
        attr(d, "ctx", ctx_name(e->u.subscript.ctx));
        end(d, &e->pos);
        NODE_FIELD(d, "value", e->u.subscript.value, expr);
        NODE_FIELD(d, "slice", e->u.subscript.slice, expr);
        break;
    case E_STARRED:
        attr(d, "ctx", ctx_name(e->u.starred.ctx));
        end(d, &e->pos);
        NODE_FIELD(d, "value", e->u.starred.value, expr);
        break;
    case E_NAME:
        attr(d, "id", e->u.name.id);
        attr(d, "ctx", ctx_name(e->u.name.ctx));
        end(d, &e->pos);
        break;
    case E_LIST:
    case E_TUPLE:
        attr(d, "ctx", ctx_name(e->u.list.ctx));
        end(d, &e->pos);
        exprs(d, "elts", e->u.list.elts);
        break;
    case E_SLICE:
        end(d, &e->pos);
        NODE_FIELD(d, "lower", e->u.slice.lower, expr);
        NODE_FIELD(d, "upper", e->u.slice.upper, expr);
        NODE_FIELD(d, "step", e->u.slice.step, expr);
        break;
    default:
        end(d, &e->pos);
        break;
    }
}

static void alias(Dump *d, const char *label, const Alias *a) {
    begin(d, label, "alias");
    attr(d, "name", a->name);
    attr(d, "asname", a->asname);
    end(d, &a->pos);
}

static void withitem(Dump *d, const char *label, const WithItem *w) {
    begin(d, label, "withitem");
    end(d, NULL);
    NODE_FIELD(d, "context_expr", w->context_expr, expr);
    NODE_FIELD(d, "optional_vars", w->optional_vars, expr);
}

static void handler(Dump *d, const char *label, const ExceptHandler *h) {
    begin(d, label, "ExceptHandler");
    attr(d, "name", h->name);
    end(d, &h->pos);
    NODE_FIELD(d, "type", h->type, expr);
    stmts(d, "body", h->body);
}

static void match_case(Dump *d, const char *label, const MatchCase *c) {
    begin(d, label, "match_case");
    end(d, NULL);
    NODE_FIELD(d, "pattern", c->pattern, pattern);
    NODE_FIELD(d, "guard", c->guard, expr);
    stmts(d, "body", c->body);
}

static void pattern(Dump *d, const char *label, const Pattern *p) {
    static const char *const kinds[] = {"MatchValue", "MatchSingleton", "MatchSequence",
                                        "MatchMapping", "MatchClass", "MatchStar", "MatchAs",
                                        "MatchOr"};
    begin(d, label, kinds[p->kind]);
    switch (p->kind) {
    case P_VALUE:
        end(d, &p->pos);
        NODE_FIELD(d, "value", p->u.value.value, expr);
        break;
    case P_SINGLETON:
        constant_value(d, &p->u.singleton.value);
        end(d, &p->pos);
        break;
    case P_SEQUENCE:
        end(d, &p->pos);
        LIST_FIELD(d, "patterns", p->u.sequence.patterns, pattern);
        break;
    case P_MAPPING:
        attr(d, "rest", p->u.mapping.rest);
        end(d, &p->pos);
        exprs(d, "keys", p->u.mapping.keys);
        LIST_FIELD(d, "patterns", p->u.mapping.patterns, pattern);
        break;
    case P_CLASS:
        names(d, "kwd_attrs", p->u.cls.kwd_attrs);
        end(d, &p->pos);
        NODE_FIELD(d, "cls", p->u.cls.cls, expr);
        LIST_FIELD(d, "patterns", p->u.cls.patterns, pattern);
        LIST_FIELD(d, "kwd_patterns", p->u.cls.kwd_patterns, pattern);
        break;
    case P_STAR:
        attr(d, "name", p->u.star.name);
        end(d, &p->pos);
        break;
    case P_AS:
        attr(d, "name", p->u.as.name);
        end(d, &p->pos);
        NODE_FIELD(d, "pattern", p->u.as.pattern, pattern);
        break;
    case P_OR:
        end(d, &p->pos);
        LIST_FIELD(d, "patterns", p->u.or_.patterns, pattern);
        break;
    }
}

static void stmt(Dump *d, const char *label, const Stmt *s) {
    begin(d, label, ast_stmt_kind_name(s->kind));
    switch (s->kind) {
    case S_FUNCTIONDEF:
    case S_ASYNCFUNCTIONDEF:
        attr(d, "name", s->u.funcdef.name);
        end(d, &s->pos);
        NODE_FIELD(d, "args", s->u.funcdef.args, arguments);
        stmts(d, "body", s->u.funcdef.body);
        exprs(d, "decorator_list", s->u.funcdef.decorators);
        NODE_FIELD(d, "returns", s->u.funcdef.returns, expr);
        break;
    case S_CLASSDEF:
        attr(d, "name", s->u.classdef.name);
        end(d, &s->pos);
        exprs(d, "bases", s->u.classdef.bases);
        LIST_FIELD(d, "keywords", s->u.classdef.keywords, keyword);
        stmts(d, "body", s->u.classdef.body);
        exprs(d, "decorator_list", s->u.classdef.decorators);
        break;
    case S_RETURN:
        end(d, &s->pos);
        NODE_FIELD(d, "value", s->u.ret.value, expr);
        break;
    case S_DELETE:
        end(d, &s->pos);
        exprs(d, "targets", s->u.del.targets);
        break;
    case S_ASSIGN:
        end(d, &s->pos);
        exprs(d, "targets", s->u.assign.targets);
        NODE_FIELD(d, "value", s->u.assign.value, expr);
        break;
    case S_AUGASSIGN:
        attr(d, "op", binop_names[s->u.augassign.op]);
        end(d, &s->pos);
        NODE_FIELD(d, "target", s->u.augassign.target, expr);
        NODE_FIELD(d, "value", s->u.augassign.value, expr);
        break;
    case S_ANNASSIGN:
        attr_int(d, "simple", s->u.annassign.simple);
        end(d, &s->pos);
        NODE_FIELD(d, "target", s->u.annassign.target, expr);
        NODE_FIELD(d, "annotation", s->u.annassign.annotation, expr);
        NODE_FIELD(d, "value", s->u.annassign.value, expr);
        break;
    case S_FOR:
    case S_ASYNCFOR:
        end(d, &s->pos);
        NODE_FIELD(d, "target", s->u.for_.target, expr);
        NODE_FIELD(d, "iter", s->u.for_.iter, expr);
        stmts(d, "body", s->u.for_.body);
        stmts(d, "orelse", s->u.for_.orelse);
        break;
    case S_WHILE:
        end(d, &s->pos);
        NODE_FIELD(d, "test", s->u.while_.test, expr);
        stmts(d, "body", s->u.while_.body);
        stmts(d, "orelse", s->u.while_.orelse);
        break;
    case S_IF:
        end(d, &s->pos);
        NODE_FIELD(d, "test", s->u.if_.test, expr);
        stmts(d, "body", s->u.if_.body);
        stmts(d, "orelse", s->u.if_.orelse);
        break;
    case S_WITH:
    case S_ASYNCWITH:
        end(d, &s->pos);
        LIST_FIELD(d, "items", s->u.with.items, withitem);
        stmts(d, "body", s->u.with.body);
        break;
    case S_MATCH:
        end(d, &s->pos);
        NODE_FIELD(d, "subject", s->u.match.subject, expr);
        LIST_FIELD(d, "cases", s->u.match.cases, match_case);
        break;
    case S_RAISE:
        end(d, &s->pos);
        NODE_FIELD(d, "exc", s->u.raise.exc, expr);
        NODE_FIELD(d, "cause", s->u.raise.cause, expr);
        break;
    case S_TRY:
    case S_TRYSTAR:
        end(d, &s->pos);
        stmts(d, "body", s->u.try_.body);
        LIST_FIELD(d, "handlers", s->u.try_.handlers, handler);
        stmts(d, "orelse", s->u.try_.orelse);
        stmts(d, "finalbody", s->u.try_.finalbody);
        break;
    case S_ASSERT:
        end(d, &s->pos);
        NODE_FIELD(d, "test", s->u.assert_.test, expr);
        NODE_FIELD(d, "msg", s->u.assert_.msg, expr);
        break;
    case S_IMPORT:
        end(d, &s->pos);
        LIST_FIELD(d, "names", s->u.import.names, alias);
        break;
    case S_IMPORTFROM:
        attr(d, "module", s->u.importfrom.module);
        attr_int(d, "level", s->u.importfrom.level);
        end(d, &s->pos);
        LIST_FIELD(d, "names", s->u.importfrom.names, alias);
        break;
    case S_GLOBAL:
    case S_NONLOCAL:
        names(d, "names", s->u.global.names);
        end(d, &s->pos);
        break;
    case S_EXPR:
        end(d, &s->pos);
        NODE_FIELD(d, "value", s->u.expr.value, expr);
        break;
    default:
        end(d, &s->pos);
        break;
    }
}

static void stmts(Dump *d, const char *field, StmtList l) { LIST_FIELD(d, field, l, stmt); }

void ast_dump(FILE *out, const Module *m) {
    Dump d = {out, 0};
    fputs("Module\n", out);
    stmts(&d, "body", m->body);
}
