/*
 * modules/modre.c — `_re`, the matching engine under stdlib/re.
 *
 * stdlib/re/_compiler.py turns a parsed pattern into a program of int
 * words (the opcodes below, shared with it) and a table of character
 * classes; _re.Program packs them into reference-free bytes objects, and
 * _re.exec runs one against a str (any PEP 393 width) or bytes:
 *
 *   exec(prog, string, pos, endpos, mode) -> marks or None
 *
 * mode 0 matches at pos, 1 searches from pos, 2 matches pos..endpos
 * entirely, plus 4 when an empty match at pos is refused (the iteration
 * of finditer/sub/split after an empty match); marks is a tuple of 2*ngroups start/end positions (-1 for a
 * group that did not take part) followed by lastindex (-1 for none).
 *
 * Two engines:
 *   - a backtracking VM with an explicit stack (choice points and undo
 *     records for the marks), for the whole syntax: backreferences,
 *     look-ahead/behind, atomic groups, possessive repeats, conditionals.
 *     Single-character repeats (\d+, .*, [a-z]{2,5}) are one instruction
 *     that counts its matches and backs off one at a time, so they cost
 *     one stack entry, not one per character; empty iterations of other
 *     loops stop (MARK/PROGRESS), as in CPython.
 *   - a Pike VM (Thompson NFA simulation with capture slots per thread,
 *     threads in priority order, so results equal the backtracking ones),
 *     linear in the text for patterns without the constructs above. The
 *     compiler emits a second program for it when the pattern allows.
 *     The backtracking VM runs first (it is faster on ordinary patterns)
 *     with a step budget proportional to the text; a pattern that blows
 *     the budget (catastrophic backtracking, (a*)*b on a long 'aaaa…')
 *     is re-run on the Pike VM when it has a Pike program.
 *
 * Nothing here allocates in the GC heap while matching, so the string's
 * data cannot move under the engines.
 */
#include "modules/modutil.h"
#include "objects/text.h"

#include <stdlib.h>
#include <string.h>

/* ---- opcodes (stdlib/re/_compiler.py has the same numbers) ---------------- */

enum {
    OP_MATCH = 0,
    OP_CHAR = 1,        /* c */
    OP_CHAR_IC = 2,     /* c (lower case) */
    OP_ANY = 3,         /* _ : anything but \n */
    OP_ANY_ALL = 4,     /* _ */
    OP_CLASS = 5,       /* class offset */
    OP_CLASS_IC = 6,    /* class offset */
    OP_AT = 7,          /* kind (AT_*) */
    OP_SAVE = 8,        /* slot */
    OP_SPLIT = 9,       /* preferred target, other target */
    OP_JMP = 10,        /* target */
    OP_REPEAT = 11,     /* min max mode, then a 2-word single-character matcher */
    OP_BACKREF = 12,    /* group */
    OP_BACKREF_IC = 13, /* group */
    OP_ASSERT = 14,     /* kind width length-of-body; body ends with SUCCEED */
    OP_SUCCEED = 15,
    OP_ATOMIC = 16,     /* length-of-body; body ends with SUCCEED */
    OP_GROUPREF_EXISTS = 17, /* group, target when it does not */
    OP_MARK = 18,       /* register */
    OP_PROGRESS = 19,   /* register, target when pos moved since MARK */
    OP_FAIL = 20,
};

enum { AT_BOL, AT_BOL_M, AT_EOL, AT_EOL_M, AT_BOS, AT_EOS, AT_WORDB, AT_NWORDB, AT_WORDB_A, AT_NWORDB_A };
enum { REP_GREEDY, REP_LAZY, REP_POSSESSIVE };
enum { ASSERT_AHEAD, ASSERT_NOT_AHEAD, ASSERT_BEHIND, ASSERT_NOT_BEHIND };
/* Class categories: Unicode meanings, then the ASCII ones (+6). */
enum { CAT_DIGIT, CAT_NOT_DIGIT, CAT_SPACE, CAT_NOT_SPACE, CAT_WORD, CAT_NOT_WORD };

/* ---- the program object ---------------------------------------------------- */

typedef struct {
    ai_object ob;
    ai_value code;     /* bytes: int32 words */
    ai_value classes;  /* bytes: int32 words */
    ai_value pike;     /* bytes, or 0 when the pattern needs backtracking */
    int64_t nslots;    /* marks: 2 * groups, + lastindex, + loop registers */
    int64_t nmarks;    /* 2 * groups */
    int64_t first;     /* a code point every match starts with, or -1 */
    bool has_firstset; /* every match starts with a code point < 256 in: */
    uint8_t firstset[32];
    int64_t anchored;  /* 1: can match only at pos 0 (^, \A without MULTILINE) */
} re_prog;

static void prog_visit(ai_object *o, void (*visit)(ai_value *, void *), void *ctx) {
    re_prog *p = (re_prog *)o;
    if (p->code) visit(&p->code, ctx);
    if (p->classes) visit(&p->classes, ctx);
    if (p->pike) visit(&p->pike, ctx);
}

static ai_value prog_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames);
static const ai_slots prog_slots = {.construct = prog_construct};

static ai_type prog_type = {
    .ob = {(uintptr_t)&ai_type_type},
    .name = "Program",
    .base = &ai_object_type,
    .basicsize = sizeof(re_prog),
    .gc_visit = prog_visit,
    .gc_size = alloc_fixed_size,
    .slots = (void *)&prog_slots,
    .module = "_re",
};

/* A tuple of ints as bytes of int32 words. */
static ai_value pack_words(ai_value seq) {
    if (!tuple_check(seq)) return ai_raise_msg(&ai_exc_TypeError, "Program: a tuple of ints is required");
    ai_tuple *t = tuple_obj(seq);
    ai_value b = bytes_new_raw(t->len * 4);
    if (!b) return AI_ERR;
    int32_t *w = (int32_t *)bytes_data_of(b);
    for (int64_t i = 0; i < t->len; i++) {
        if (!ai_is_smallint(t->items[i])) return ai_raise_msg(&ai_exc_TypeError, "Program: a tuple of ints is required");
        w[i] = (int32_t)ai_smallint_get(t->items[i]);
    }
    return b;
}

/* Program(code, classes, pike_or_None, nslots, nmarks, first, anchored
 *         [, firstset]): firstset, 32 bytes or None, is a bitmap of the
 * code points below 256 that every match starts with (Python|Perl|Tcl),
 * so a search skips the positions where no match can start. */
static ai_value prog_construct(ai_value cls, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)cls;
    if (mu_pos_range("Program", "Program", nargs, kwnames, 7, 8) < 0) return AI_ERR;
    int64_t setlen = 0;
    const uint8_t *set = nargs == 8 && args[7] != AI_NONE ? bytes_buffer(args[7], &setlen) : NULL;
    if (nargs == 8 && args[7] != AI_NONE && (!set || setlen != 32))
        return ai_raise_msg(&ai_exc_TypeError, "Program: firstset must be 32 bytes");
    for (int i = 3; i < 7; i++)
        if (!ai_is_smallint(args[i])) return ai_raise_msg(&ai_exc_TypeError, "Program: bad counts");
    ai_value code = pack_words(args[0]);
    ai_value classes = code ? pack_words(args[1]) : 0;
    ai_value pike = classes && args[2] != AI_NONE ? pack_words(args[2]) : 0;
    if (!classes || (args[2] != AI_NONE && !pike)) return AI_ERR;
    re_prog *p = ai_alloc(&prog_type, sizeof(re_prog));
    if (!p) return AI_ERR;
    p->code = code;
    p->classes = classes;
    p->pike = pike;
    p->nslots = ai_smallint_get(args[3]);
    p->nmarks = ai_smallint_get(args[4]);
    p->first = ai_smallint_get(args[5]);
    p->anchored = ai_smallint_get(args[6]);
    p->has_firstset = set != NULL;
    if (set) memcpy(p->firstset, set, 32);
    return ai_val(p);
}

/* ---- the text --------------------------------------------------------------- */

typedef struct {
    const void *data;
    int kind;          /* 1, 2 or 4 bytes per code unit */
    int64_t len;       /* the whole string */
    int64_t end;       /* endpos */
    bool ascii_only;   /* a bytes subject */
    const int32_t *code;
    const int32_t *classes;
    int64_t nslots, nmarks;
    int64_t *slots;
    /* the backtracking stack */
    struct bt_entry *stack;
    int64_t sp, cap;
    bool stack_on_heap;
    int64_t steps, budget;
    bool over_budget;
    int64_t forbid;    /* an empty match ending here is refused (after an empty match), or -1 */
} matcher;

static inline uint32_t ch_at(const matcher *m, int64_t i) {
    switch (m->kind) {
    case 1: return ((const uint8_t *)m->data)[i];
    case 2: return ((const uint16_t *)m->data)[i];
    default: return ((const uint32_t *)m->data)[i];
    }
}

static inline uint32_t lower1(uint32_t c) {
    uint32_t out[3];
    return uni_lower(c, out) == 1 ? out[0] : c;
}
static inline uint32_t upper1(uint32_t c) {
    uint32_t out[3];
    return uni_upper(c, out) == 1 ? out[0] : c;
}

static bool uni_space(uint32_t c) {
    if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
           c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

static bool is_word(uint32_t c, bool ascii) {
    if (c < 128) return c == '_' || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
    if (ascii) return false;
    return (uni_flags(c) & (UNI_F_ALPHA | UNI_F_DECIMAL | UNI_F_DIGIT | UNI_F_NUMERIC)) != 0;
}

static bool cat_match(int cat, uint32_t c) {
    bool ascii = cat >= 6;
    switch (cat % 6) {
    case CAT_DIGIT: return c < 128 ? (c >= '0' && c <= '9') : !ascii && (uni_flags(c) & UNI_F_DECIMAL);
    case CAT_NOT_DIGIT: return !(c < 128 ? (c >= '0' && c <= '9') : !ascii && (uni_flags(c) & UNI_F_DECIMAL));
    case CAT_SPACE: return c < 128 ? uni_space(c) : !ascii && uni_space(c);
    case CAT_NOT_SPACE: return !(c < 128 ? uni_space(c) : !ascii && uni_space(c));
    case CAT_WORD: return is_word(c, ascii);
    default: return !is_word(c, ascii);
    }
}

/* Class layout: negate, nranges, lo, hi …, ncats, cat … */
static bool class_match(const int32_t *cl, uint32_t c) {
    bool neg = cl[0] != 0;
    int32_t n = cl[1];
    const int32_t *r = cl + 2;
    bool in = false;
    for (int32_t i = 0; i < n && !in; i++)
        if (c >= (uint32_t)r[2 * i] && c <= (uint32_t)r[2 * i + 1]) in = true;
    if (!in) {
        const int32_t *cats = r + 2 * n;
        for (int32_t i = 0; i < cats[0] && !in; i++)
            if (cat_match(cats[1 + i], c)) in = true;
    }
    return in != neg;
}

static bool class_match_ic(const int32_t *cl, uint32_t c) {
    if (class_match(cl, c)) return true;
    uint32_t l = lower1(c), u = upper1(c);
    return (l != c && class_match(cl, l)) || (u != c && class_match(cl, u));
}

static inline bool char_eq_ic(uint32_t c, uint32_t want) {
    return c == want || lower1(c) == want || upper1(c) == upper1(want);
}

/* Does the 2-word single-character matcher at code[pc] accept c? */
static inline bool one_char(const matcher *m, const int32_t *ins, uint32_t c) {
    switch (ins[0]) {
    case OP_CHAR: return c == (uint32_t)ins[1];
    case OP_CHAR_IC: return char_eq_ic(c, (uint32_t)ins[1]);
    case OP_ANY: return c != '\n';
    case OP_ANY_ALL: return true;
    case OP_CLASS: return class_match(m->classes + ins[1], c);
    default: return class_match_ic(m->classes + ins[1], c);
    }
}

static bool at_match(const matcher *m, int kind, int64_t pos) {
    switch (kind) {
    case AT_BOL: return pos == 0;
    case AT_BOL_M: return pos == 0 || ch_at(m, pos - 1) == '\n';
    case AT_EOL: return pos == m->end || (pos == m->end - 1 && ch_at(m, pos) == '\n');
    case AT_EOL_M: return pos == m->end || ch_at(m, pos) == '\n';
    case AT_BOS: return pos == 0;
    case AT_EOS: return pos == m->end;
    default: {
        bool ascii = kind >= AT_WORDB_A || m->ascii_only;
        bool before = pos > 0 && is_word(ch_at(m, pos - 1), ascii);
        bool after = pos < m->end && is_word(ch_at(m, pos), ascii);
        bool b = before != after;
        return (kind == AT_WORDB || kind == AT_WORDB_A) ? b : (!b && m->end > 0);
    }
    }
}

/* ---- the backtracking VM ------------------------------------------------------ */

enum { BT_CHOICE, BT_UNDO, BT_GREEDY, BT_LAZY };

typedef struct bt_entry {
    int32_t kind;
    int32_t pc;
    int64_t a, b;
} bt_entry;

/* The first entries live in the caller's frame (exec's local_stack):
 * most matches never need the heap. */
static bool push(matcher *m, int32_t kind, int32_t pc, int64_t a, int64_t b) {
    if (m->sp == m->cap) {
        int64_t cap = m->cap * 2;
        bt_entry *s;
        if (m->stack_on_heap) {
            s = realloc(m->stack, sizeof(bt_entry) * (size_t)cap);
        } else {
            s = malloc(sizeof(bt_entry) * (size_t)cap);
            if (s) memcpy(s, m->stack, sizeof(bt_entry) * (size_t)m->sp);
        }
        if (!s) return false;
        m->stack = s;
        m->cap = cap;
        m->stack_on_heap = true;
    }
    m->stack[m->sp++] = (bt_entry){kind, pc, a, b};
    return true;
}

static inline bool set_slot(matcher *m, int64_t slot, int64_t v) {
    if (!push(m, BT_UNDO, (int32_t)slot, m->slots[slot], 0)) return false;
    m->slots[slot] = v;
    return true;
}

/* Keep only the undo records above `base` (a sub-match succeeded: its
 * choices are dropped, its mark changes stay undoable). */
static void keep_undos(matcher *m, int64_t base) {
    int64_t j = base;
    for (int64_t i = base; i < m->sp; i++)
        if (m->stack[i].kind == BT_UNDO) m->stack[j++] = m->stack[i];
    m->sp = j;
}

/* Undo every record above base (a sub-match is abandoned). */
static void unwind(matcher *m, int64_t base) {
    while (m->sp > base) {
        bt_entry *e = &m->stack[--m->sp];
        if (e->kind == BT_UNDO) m->slots[e->pc] = e->a;
    }
}

enum { RUN_FAIL = -1, RUN_NOMEM = -2, RUN_BUDGET = -3 };

/* Run from pc at pos until MATCH/SUCCEED: the end position, or RUN_*.
 * `full`: MATCH counts only at the end of the text (fullmatch). */
static int64_t bt_run(matcher *m, int32_t pc, int64_t pos, bool full) {
    const int32_t *code = m->code;
    int64_t base = m->sp;
    for (;;) {
        if (++m->steps > m->budget) {
            m->over_budget = true;
            unwind(m, base);
            return RUN_BUDGET;
        }
        const int32_t *ins = code + pc;
        switch (ins[0]) {
        case OP_MATCH:
            if ((full && pos != m->end) || pos == m->forbid) goto fail;
            return pos;
        case OP_SUCCEED: return pos;
        case OP_CHAR: case OP_CHAR_IC: case OP_ANY: case OP_ANY_ALL: case OP_CLASS: case OP_CLASS_IC:
            if (pos >= m->end || !one_char(m, ins, ch_at(m, pos))) goto fail;
            pos++;
            pc += 2;
            continue;
        case OP_AT:
            if (!at_match(m, ins[1], pos)) goto fail;
            pc += 2;
            continue;
        case OP_SAVE:
            if (!set_slot(m, ins[1], pos)) return RUN_NOMEM;
            if ((ins[1] & 1) && ins[1] > 1 && !set_slot(m, m->nmarks, ins[1] / 2)) return RUN_NOMEM;
            pc += 2;
            continue;
        case OP_SPLIT:
            if (!push(m, BT_CHOICE, ins[2], pos, 0)) return RUN_NOMEM;
            pc = ins[1];
            continue;
        case OP_JMP: pc = ins[1]; continue;
        case OP_REPEAT: {
            int64_t min = ins[1], max = ins[2] < 0 ? INT64_MAX : ins[2];
            int64_t n = 0;
            while (n < max && pos + n < m->end && one_char(m, ins + 4, ch_at(m, pos + n))) n++;
            if (n < min) goto fail;
            if (ins[3] == REP_GREEDY) {
                if (n > min && !push(m, BT_GREEDY, pc, pos, n)) return RUN_NOMEM;
                pos += n;
            } else if (ins[3] == REP_LAZY) {
                if (n > min && !push(m, BT_LAZY, pc, pos, min)) return RUN_NOMEM;
                pos += min;
            } else {
                pos += n;
            }
            pc += 6;
            continue;
        }
        case OP_BACKREF: case OP_BACKREF_IC: {
            int64_t s = m->slots[2 * ins[1]], e = m->slots[2 * ins[1] + 1];
            if (s < 0 || e < 0) goto fail;
            int64_t len = e - s;
            if (pos + len > m->end) goto fail;
            for (int64_t i = 0; i < len; i++) {
                uint32_t a = ch_at(m, s + i), b = ch_at(m, pos + i);
                if (a != b && (ins[0] == OP_BACKREF || lower1(a) != lower1(b))) goto fail;
            }
            pos += len;
            pc += 2;
            continue;
        }
        case OP_ASSERT: {
            int kind = ins[1];
            int64_t at = pos;
            int64_t r = RUN_FAIL;
            int64_t mark = m->sp;
            bool behind = kind == ASSERT_BEHIND || kind == ASSERT_NOT_BEHIND;
            if (behind) at = pos - ins[2];
            if (at >= 0) {
                /* The body may not look past endpos but sees the text before pos. */
                r = bt_run(m, pc + 4, at, false);
                if (r == RUN_NOMEM || r == RUN_BUDGET) return r;
                if (behind && r >= 0 && r != pos) r = RUN_FAIL;
            }
            bool positive = kind == ASSERT_AHEAD || kind == ASSERT_BEHIND;
            if ((r >= 0) != positive) {
                unwind(m, mark);
                goto fail;
            }
            if (r >= 0) keep_undos(m, mark);
            pc += 4 + ins[3];
            continue;
        }
        case OP_ATOMIC: {
            int64_t mark = m->sp;
            int64_t r = bt_run(m, pc + 2, pos, false);
            if (r == RUN_NOMEM || r == RUN_BUDGET) return r;
            if (r < 0) goto fail;
            keep_undos(m, mark);
            pos = r;
            pc += 2 + ins[1];
            continue;
        }
        case OP_GROUPREF_EXISTS:
            if (m->slots[2 * ins[1]] >= 0 && m->slots[2 * ins[1] + 1] >= 0) pc += 3;
            else pc = ins[2];
            continue;
        case OP_MARK:
            if (!set_slot(m, ins[1], pos)) return RUN_NOMEM;
            pc += 2;
            continue;
        case OP_PROGRESS:
            if (pos != m->slots[ins[1]]) pc = ins[2];
            else pc += 3;
            continue;
        default: goto fail;
        }
    fail:
        for (;;) {
            if (m->sp == base) return RUN_FAIL;
            bt_entry *e = &m->stack[--m->sp];
            if (e->kind == BT_UNDO) {
                m->slots[e->pc] = e->a;
                continue;
            }
            if (e->kind == BT_CHOICE) {
                pc = e->pc;
                pos = e->a;
                break;
            }
            const int32_t *r = code + e->pc;
            if (e->kind == BT_GREEDY) {
                int64_t n = e->b - 1;
                if (n > r[1] && !push(m, BT_GREEDY, e->pc, e->a, n)) return RUN_NOMEM;
                pos = e->a + n;
                pc = e->pc + 6;
                break;
            }
            /* BT_LAZY: take one more character. */
            int64_t n = e->b + 1;
            int64_t max = r[2] < 0 ? INT64_MAX : r[2];
            int32_t at = e->pc;
            int64_t start = e->a;
            if (start + n - 1 >= m->end || !one_char(m, r + 4, ch_at(m, start + n - 1))) continue;
            if (n < max && !push(m, BT_LAZY, at, start, n)) return RUN_NOMEM;
            pos = start + n;
            pc = at + 6;
            break;
        }
    }
}

/* ---- the Pike VM ------------------------------------------------------------------ */

typedef struct {
    int32_t *pcs;      /* the threads' pcs, in priority order */
    int64_t *caps;     /* nslots per thread */
    int64_t n;
} tlist;

typedef struct {
    const int32_t *code;
    int64_t ncode, nslots;
    uint32_t *seen;    /* per pc: the generation that added it */
    uint32_t gen;
    int64_t *tmp;      /* scratch slots for addthread's recursion */
} pike;

/* Add the thread (pc, caps) to l, following the non-consuming
 * instructions in priority order; caps is modified and restored. */
static void add_thread(const matcher *m, pike *pk, tlist *l, int32_t pc, int64_t *caps, int64_t pos) {
    for (;;) {
        if (pk->seen[pc] == pk->gen) return;
        pk->seen[pc] = pk->gen;
        const int32_t *ins = pk->code + pc;
        switch (ins[0]) {
        case OP_JMP: pc = ins[1]; continue;
        case OP_SPLIT:
            add_thread(m, pk, l, ins[1], caps, pos);
            pc = ins[2];
            continue;
        case OP_SAVE: {
            int64_t slot = ins[1], old = caps[slot], oldlast = caps[m->nmarks];
            caps[slot] = pos;
            if ((slot & 1) && slot > 1) caps[m->nmarks] = slot / 2;
            add_thread(m, pk, l, pc + 2, caps, pos);
            caps[slot] = old;
            caps[m->nmarks] = oldlast;
            return;
        }
        case OP_MARK: {
            int64_t old = caps[ins[1]];
            caps[ins[1]] = pos;
            add_thread(m, pk, l, pc + 2, caps, pos);
            caps[ins[1]] = old;
            return;
        }
        case OP_PROGRESS:
            pc = pos != caps[ins[1]] ? ins[2] : pc + 3;
            continue;
        case OP_AT:
            if (!at_match(m, ins[1], pos)) return;
            pc += 2;
            continue;
        default:
            l->pcs[l->n] = pc;
            memcpy(l->caps + l->n * pk->nslots, caps, sizeof(int64_t) * (size_t)pk->nslots);
            l->n++;
            return;
        }
    }
}

/* Run the Pike program from `start` (searching when `search`): 1 with
 * the marks in m->slots, 0 no match, -1 out of memory. */
static int pike_run(matcher *m, const int32_t *code, int64_t ncode, int64_t start, bool search, bool full) {
    pike pk = {code, ncode, m->nslots, calloc((size_t)ncode + 1, sizeof(uint32_t)), 0, NULL};
    tlist a = {malloc(sizeof(int32_t) * (size_t)(ncode + 1)), malloc(sizeof(int64_t) * (size_t)((ncode + 1) * m->nslots)), 0};
    tlist b = {malloc(sizeof(int32_t) * (size_t)(ncode + 1)), malloc(sizeof(int64_t) * (size_t)((ncode + 1) * m->nslots)), 0};
    int64_t *caps = malloc(sizeof(int64_t) * (size_t)m->nslots);
    int64_t *best = malloc(sizeof(int64_t) * (size_t)m->nslots);
    int rc = 0;
    if (!pk.seen || !a.pcs || !a.caps || !b.pcs || !b.caps || !caps || !best) {
        rc = -1;
        goto done;
    }
    tlist *cl = &a, *nl = &b;
    bool matched = false;
    for (int64_t pos = start;; pos++) {
        if (!matched && (pos == start || search)) {
            /* A new thread at this position, after the older ones. */
            pk.gen++;
            for (int64_t i = 0; i < cl->n; i++) pk.seen[cl->pcs[i]] = pk.gen;
            for (int64_t i = 0; i < m->nslots; i++) caps[i] = -1;
            add_thread(m, &pk, cl, 0, caps, pos);
        }
        if (cl->n == 0) break;
        pk.gen++;
        nl->n = 0;
        uint32_t c = pos < m->end ? ch_at(m, pos) : 0;
        for (int64_t i = 0; i < cl->n; i++) {
            const int32_t *ins = code + cl->pcs[i];
            int64_t *tc = cl->caps + i * m->nslots;
            if (ins[0] == OP_MATCH) {
                if ((full && pos != m->end) || pos == m->forbid) continue;
                memcpy(best, tc, sizeof(int64_t) * (size_t)m->nslots);
                matched = true;
                break;   /* lower-priority threads are cut */
            }
            if (pos < m->end && ins[0] <= OP_CLASS_IC && one_char(m, ins, c))
                add_thread(m, &pk, nl, cl->pcs[i] + 2, tc, pos + 1);
        }
        tlist *t = cl;
        cl = nl;
        nl = t;
        if (pos >= m->end) break;
    }
    if (matched) {
        memcpy(m->slots, best, sizeof(int64_t) * (size_t)m->nslots);
        rc = 1;
    }
done:
    free(pk.seen);
    free(a.pcs);
    free(a.caps);
    free(b.pcs);
    free(b.caps);
    free(caps);
    free(best);
    return rc;
}

/* ---- exec ---------------------------------------------------------------------------- */

static int64_t clamp(int64_t v, int64_t len) { return v < 0 ? 0 : v > len ? len : v; }

static ai_value marks_tuple(const matcher *m) {
    ai_value t = tuple_new(m->nmarks + 1);
    if (!t) return AI_ERR;
    for (int64_t i = 0; i <= m->nmarks; i++) tuple_obj(t)->items[i] = ai_smallint(m->slots[i]);
    return t;
}

static ai_value r_exec(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_pos_range("exec", "exec", nargs, kwnames, 5, 5) < 0) return AI_ERR;
    if (!obj_is_type(args[0], &prog_type)) return ai_raise_msg(&ai_exc_TypeError, "exec: a Program is required");
    re_prog *p = (re_prog *)ai_obj(args[0]);
    ai_value s = args[1];
    matcher m = {0};
    if (str_check(s)) {
        ai_strobj *so = str_obj(s);
        m.data = str_data(so);
        m.kind = so->kind;
        m.len = so->len;
    } else {
        int64_t n;
        const unsigned char *d = bytes_buffer(s, &n);
        if (!d) return ai_raise_fmt(&ai_exc_TypeError, "expected string or bytes-like object, got '%s'", obj_type_name(s));
        m.data = d;
        m.kind = 1;
        m.len = n;
        m.ascii_only = true;
    }
    if (!ai_is_smallint(args[2]) || !ai_is_smallint(args[3]) || !ai_is_smallint(args[4]))
        return ai_raise_msg(&ai_exc_TypeError, "exec: pos, endpos and mode must be ints");
    int64_t endpos = clamp(ai_smallint_get(args[3]), m.len);
    int64_t pos = clamp(ai_smallint_get(args[2]), m.len);
    int mode = (int)ai_smallint_get(args[4]);
    /* Bit 2: the match may not be empty at pos (the previous one was). */
    m.forbid = (mode & 4) ? pos : -1;
    mode &= 3;
    m.end = endpos;
    m.code = (const int32_t *)bytes_data_of(p->code);
    m.classes = (const int32_t *)bytes_data_of(p->classes);
    m.nslots = p->nslots;
    m.nmarks = p->nmarks;
    int64_t local_slots[32];
    bt_entry local_stack[64];
    m.stack = local_stack;
    m.cap = 64;
    m.slots = m.nslots + 1 <= 32 ? local_slots : malloc(sizeof(int64_t) * (size_t)(m.nslots + 1));
    if (!m.slots) return exc_nomem();
    /* The step budget: generous for ordinary patterns, small enough that
     * catastrophic backtracking hands over to the Pike VM quickly. */
    m.budget = p->pike ? 100000 + 200 * (endpos - pos + 1) * (int64_t)(((ai_bytes *)ai_obj(p->code))->len / 4 + 1)
                       : INT64_MAX;
    bool found = false, nomem = false;
    if (pos <= endpos) {
        int64_t last = mode == 1 ? endpos : pos;
        if (p->anchored && mode == 1) last = pos > 0 ? -1 : 0;
        for (int64_t start = pos; start <= last; start++) {
            if (p->first >= 0 && mode == 1) {
                /* Skip to the next occurrence of the first character. */
                while (start < endpos && ch_at(&m, start) != (uint32_t)p->first) start++;
                if (start >= endpos) break;
            } else if (p->has_firstset && mode == 1) {
                for (; start < endpos; start++) {
                    uint32_t c = ch_at(&m, start);
                    if (c < 256 && (p->firstset[c >> 3] >> (c & 7)) & 1) break;
                }
                if (start >= endpos) break;
            }
            for (int64_t i = 0; i < m.nslots; i++) m.slots[i] = -1;
            m.sp = 0;
            int64_t r = bt_run(&m, 0, start, mode == 2);
            if (r == RUN_NOMEM) {
                nomem = true;
                break;
            }
            if (r == RUN_BUDGET) break;
            if (r >= 0) {
                m.slots[0] = start;
                m.slots[1] = r;
                found = true;
                break;
            }
        }
        if (m.over_budget && !nomem) {
            int64_t ncode = ((ai_bytes *)ai_obj(p->pike))->len / 4;
            int rc = pike_run(&m, (const int32_t *)bytes_data_of(p->pike), ncode, pos, mode == 1 && !p->anchored,
                              mode == 2);
            if (rc < 0) nomem = true;
            found = rc == 1;
        }
    }
    if (m.stack != local_stack) free(m.stack);
    ai_value result = AI_NONE;
    if (nomem) result = exc_nomem();
    else if (found) result = marks_tuple(&m);
    if (m.slots != local_slots) free(m.slots);
    return result;
}
static AI_BUILTIN_FN(bf_exec, "exec", r_exec);

/* Case helpers for the compiler: lower(c), upper(c) (simple mappings). */
static ai_value r_lower(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("lower", nargs, kwnames) < 0) return AI_ERR;
    return ai_smallint(lower1((uint32_t)ai_smallint_get(args[0])));
}
static AI_BUILTIN_FN(bf_lower, "lower", r_lower);

static ai_value r_upper(ai_value self, const ai_value *args, int64_t nargs, ai_value kwnames) {
    (void)self;
    if (mu_one_arg("upper", nargs, kwnames) < 0) return AI_ERR;
    return ai_smallint(upper1((uint32_t)ai_smallint_get(args[0])));
}
static AI_BUILTIN_FN(bf_upper, "upper", r_upper);

static int init(ai_value m) {
    if (mod_add_fn(m, &bf_exec) < 0 || mod_add_fn(m, &bf_lower) < 0 || mod_add_fn(m, &bf_upper) < 0) return -1;
    return mod_add(m, "Program", ai_val(&prog_type));
}

const mod_def mod_re = {"_re", init};
