/*
 * asyncio/format.c — callbacks shown as CPython's asyncio shows them
 * (asyncio.format_helpers): in "Exception in callback …" reports, in the
 * `handle:` line under them, in Handle reprs and in a future's
 * `cb=[…]`:
 *
 *     qualname(arg, …) at file:line
 *
 * qualname is the callable's __qualname__ (else __name__, else repr);
 * each argument is shortened as reprlib.repr shortens it (strings to 30
 * characters, ints to 40 digits, other reprs to 30 characters, at most 6
 * items of a list, tuple or set and 4 of a dict, sorted when they sort,
 * 6 levels deep); ` at file:line` (its code's filename and first line)
 * follows for a Python function only, as inspect.isfunction says.
 *
 * The loop's own callbacks are C (aio.h's AIO_CB_*), where CPython's are
 * functions of asyncio's Python files: they are shown by the names and
 * sources of those (report.c finds the lines in the installed CPython).
 */
#include "asyncio/aio.h"
#include "objects/text.h"

#include <string.h>

enum { MAXLEVEL = 6, MAXTUPLE = 6, MAXLIST = 6, MAXDICT = 4, MAXSET = 6, MAXSTRING = 30, MAXLONG = 40, MAXOTHER = 30 };

/* Byte offset of code point k in UTF-8 text s (n bytes). */
static int64_t cp_offset(const char *s, int64_t n, int64_t k) {
    int64_t i = 0;
    for (; i < n && k > 0; k--) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    }
    return i;
}

static int64_t cp_count(const char *s, int64_t n) {
    int64_t c = 0;
    for (int64_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
    return c;
}

/* s, or its first i and last j code points around '...' when it has
 * more than `max` (reprlib's cut). */
static void add_cut(strbuf *b, ai_value s, int64_t max) {
    int64_t n;
    const char *p = str_utf8(s, &n);
    if (!p) {
        exc_clear();
        return;
    }
    int64_t len = cp_count(p, n);
    if (len <= max) {
        sb_add(b, p, (size_t)n);
        return;
    }
    int64_t i = (max - 3) / 2, j = max - 3 - i;
    int64_t a = cp_offset(p, n, i), z = cp_offset(p, n, len - j);
    sb_add(b, p, (size_t)a);
    sb_adds(b, "...");
    sb_add(b, p + z, (size_t)(n - z));
}

static bool repr1(strbuf *b, ai_value x, int level);

/* reprlib's _possibly_sorted: a sorted list of the items, else a list. */
static ai_value possibly_sorted(ai_value x) {
    ai_value l = list_from_iter(x);
    if (!l) return AI_ERR;
    if (list_sort(l, 0, false) < 0) {
        exc_clear();
        l = list_from_iter(x);
    }
    return l;
}

static bool repr_items(strbuf *b, ai_value x, int level, const char *left, const char *right, int64_t max,
                       bool sorted, const char *trail) {
    ai_value l = sorted ? possibly_sorted(x) : list_from_iter(x);
    if (!l) return false;
    int64_t n = list_obj(l)->len;
    sb_adds(b, left);
    if (level <= 0 && n) {
        sb_adds(b, "...");
    } else {
        for (int64_t i = 0; i < n && i < max; i++) {
            if (i) sb_adds(b, ", ");
            if (!repr1(b, list_obj(l)->items[i], level - 1)) return false;
        }
        if (n > max) sb_adds(b, ", ...");
    }
    if (n == 1) sb_adds(b, trail);
    sb_adds(b, right);
    return true;
}

static bool repr_dict(strbuf *b, ai_value x, int level) {
    ai_value keys = possibly_sorted(x);
    if (!keys) return false;
    int64_t n = list_obj(keys)->len;
    if (n == 0) {
        sb_adds(b, "{}");
        return true;
    }
    if (level <= 0) {
        sb_adds(b, "{...}");
        return true;
    }
    sb_addc(b, '{');
    for (int64_t i = 0; i < n && i < MAXDICT; i++) {
        if (i) sb_adds(b, ", ");
        ai_value k = list_obj(keys)->items[i];
        if (!repr1(b, k, level - 1)) return false;
        sb_adds(b, ": ");
        ai_value v = ai_getitem(x, k);
        if (!v || !repr1(b, v, level - 1)) return false;
    }
    if (n > MAXDICT) sb_adds(b, ", ...");
    sb_addc(b, '}');
    return true;
}

/* reprlib.Repr.repr1, dispatching on the exact type as it does. */
static bool repr1(strbuf *b, ai_value x, int level) {
    const ai_type *t = ai_type_of(x);
    if (t == &ai_tuple_type) return repr_items(b, x, level, "(", ")", MAXTUPLE, false, ",");
    if (t == &ai_list_type) return repr_items(b, x, level, "[", "]", MAXLIST, false, "");
    if (t == &ai_dict_type) return repr_dict(b, x, level);
    if (t == &ai_set_type || t == &ai_frozenset_type) {
        bool fz = t == &ai_frozenset_type;
        ai_value l = list_from_iter(x);
        if (!l) return false;
        if (list_obj(l)->len == 0) {
            sb_adds(b, fz ? "frozenset()" : "set()");
            return true;
        }
        return repr_items(b, x, level, fz ? "frozenset({" : "{", fz ? "})" : "}", MAXSET, true, "");
    }
    if (t == &ai_str_type) {
        ai_value s = x;
        if (str_obj(x)->len > MAXSTRING) s = str_substr(x, 0, MAXSTRING);
        ai_value r = s ? ai_repr(s) : 0;
        if (!r) return false;
        if (str_obj(r)->len > MAXSTRING) {
            /* repr of the first i and last j characters, cut again */
            int64_t i = (MAXSTRING - 3) / 2, j = MAXSTRING - 3 - i, n = str_obj(x)->len;
            ai_value head = str_substr(x, 0, i), tail = head ? str_substr(x, n - j, n) : 0;
            ai_value both = tail ? str_concat(head, tail) : 0;
            r = both ? ai_repr(both) : 0;
            if (!r) return false;
            int64_t rl = str_obj(r)->len;
            ai_value a = str_substr(r, 0, i), z = a ? str_substr(r, rl - j, rl) : 0;
            if (!z) return false;
            sb_add_str(b, a);
            sb_adds(b, "...");
            sb_add_str(b, z);
            return true;
        }
        sb_add_str(b, r);
        return true;
    }
    ai_value r = ai_repr(x);
    if (!r) {
        /* reprlib: '<%s instance at %#x>' for a repr that raises */
        exc_clear();
        sb_printf(b, "<%s instance at %#llx>", t->name, (unsigned long long)(uintptr_t)ai_obj(x));
        return true;
    }
    add_cut(b, r, t == &ai_int_type ? MAXLONG : MAXOTHER);
    return true;
}

static bool add_name(strbuf *b, ai_value fn) {
    static const char *const attrs[] = {"__qualname__", "__name__"};
    for (int i = 0; i < 2; i++) {
        ai_value name = ai_getattr(fn, str_from_cstr(attrs[i]));
        if (name && str_check(name) && str_obj(name)->len) {
            sb_add_str(b, name);
            return true;
        }
        exc_clear();
    }
    ai_value r = ai_repr(fn);
    if (!r) return false;
    sb_add_str(b, r);
    return true;
}

bool aio_format_callback(strbuf *b, ai_value fn, const ai_value *args, int64_t nargs) {
    if (!add_name(b, fn)) return false;
    sb_addc(b, '(');
    for (int64_t i = 0; i < nargs; i++) {
        if (i) sb_adds(b, ", ");
        if (!repr1(b, args[i], MAXLEVEL)) return false;
    }
    sb_addc(b, ')');
    if (obj_is_type(fn, &ai_function_type)) {
        const ai_code_info *c = ((ai_function *)ai_obj(fn))->info->code;
        if (c && c->filename) sb_printf(b, " at %s:%d", c->filename, (int)c->firstlineno);
    }
    return true;
}

bool aio_format_cfn(strbuf *b, int id, ai_value arg) {
    int src = -1;
    switch (id) {
    case AIO_CB_TASK_WAKEUP: sb_adds(b, "Task.task_wakeup"); break;
    case AIO_CB_TASK_STEP: sb_adds(b, "Task.task_step"); break;
    case AIO_CB_STOP: sb_adds(b, "_run_until_complete_cb"), src = AIO_SRC_RUN_UNTIL_COMPLETE_CB; break;
    case AIO_CB_GATHER: sb_adds(b, "gather.<locals>._done_callback"), src = AIO_SRC_GATHER_DONE; break;
    case AIO_CB_WAIT: sb_adds(b, "_wait.<locals>._on_completion"), src = AIO_SRC_WAIT_ON_COMPLETION; break;
    case AIO_CB_ASCOMPLETED:
        sb_adds(b, "as_completed.<locals>._on_completion"), src = AIO_SRC_ASCOMPLETED_ON_COMPLETION;
        break;
    case AIO_CB_SHIELD_INNER: sb_adds(b, "shield.<locals>._inner_done_callback"), src = AIO_SRC_SHIELD_INNER; break;
    case AIO_CB_SHIELD_OUTER: sb_adds(b, "shield.<locals>._outer_done_callback"), src = AIO_SRC_SHIELD_OUTER; break;
    /* a bound method: inspect.isfunction is false, no source */
    case AIO_CB_TASKGROUP: sb_adds(b, "TaskGroup._on_task_done"); break;
    case AIO_CB_RELEASE_WAITER:
        /* functools.partial(_release_waiter, waiter): the partial's
         * arguments, then the call's */
        sb_adds(b, "_release_waiter(");
        if (arg && !repr1(b, arg, MAXLEVEL)) return false;
        sb_addc(b, ')');
        src = AIO_SRC_RELEASE_WAITER;
        break;
    default: sb_adds(b, "<callback>"); break;
    }
    sb_adds(b, "()");
    const char *path;
    int line;
    if (src >= 0 && aio_lib_source(src, &path, &line)) sb_printf(b, " at %s:%d", path, line);
    return true;
}
