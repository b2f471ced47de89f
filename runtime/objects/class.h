/*
 * objects/class.h — what the files of the class machinery share:
 * class.c (class objects, instances, attribute lookup, method calls),
 * class_slots.c (the protocol trampolines that call dunder methods) and
 * class_descr.c (bound methods, staticmethod, classmethod, property,
 * super, slot wrappers of builtin types, the sequence iterator).
 *
 * A user class is a cls_type: an ai_type (so every generic path treats it
 * like a builtin type) followed by its own ai_slots table, its namespace
 * dict, its MRO and the dunder methods resolved from that MRO. Instances
 * have the layout of the nearest builtin base (`solid`) followed by two
 * words: the instance dict, 0 until the first attribute store, and the
 * values of __slots__ members of a variable layout (a dict, 0 until the
 * first; see below). Where those two words are depends on the base
 * (`layout`):
 *   CLS_LAYOUT_FIXED  object, list, dict, set, frozenset, float, the
 *                     exceptions, bytearray, array, asyncio's Queue,
 *                     Future, Lock …: the base's fixed layout, the words
 *                     at `dictoffset`;
 *   CLS_LAYOUT_VAR    str, bytes, tuple: the base's variable-sized
 *                     layout (a valid str/bytes/tuple, so every runtime
 *                     path reads it unchanged), the words right after it
 *                     (dictoffset 0: computed from the object's size);
 *   CLS_LAYOUT_INTBOX int: small ints are not objects, so an instance
 *                     is a box {header, the int value} (int_unbool reads
 *                     through it, as it does for bool), words at 16.
 * __slots__ members of a CLS_LAYOUT_FIXED class are words of the instance
 * at fixed offsets, after the two words (and after the inline slots of a
 * class with shapes): a class's own members follow the words of the base
 * it extends (slot_owner), so a member's offset holds in every subclass;
 * two bases that both added words and neither extends the other are
 * CPython's "instance lay-out conflict". A word is 0 while the slot is
 * unset. (str's variable layout keeps its members in the dict word after
 * the instance dict; int, bytes and tuple refuse nonempty __slots__, as
 * CPython does.)
 * A base whose zeroed layout is not a valid instance has a subinit slot
 * (core/object.h): it fills the defaults when an instance is allocated
 * and is the base's __init__ on instances (super().__init__(maxsize)).
 * Instances of the immutable bases (int, float, str, bytes, tuple,
 * frozenset) and of array get their value from the base's __new__; operations and
 * methods of the base return base-type results: when one would return
 * its receiver unchanged it returns an exact copy (cls_exact_result), as
 * CPython's do for subclasses.
 *
 * Invariants:
 *   - dunder[i] is the value the MRO gives the dunder named
 *     cls_dunder_name[i] when a class dict (not a builtin base) provides
 *     it first, else 0; it is recomputed (with the slots) whenever a
 *     class dict of the MRO changes that name (cls_mro_changed).
 *   - version is a stamp from one global counter: it changes (for the
 *     class and every subclass) whenever a store could change which
 *     callable a method name resolves to, so a cached (class, version) →
 *     method record is valid exactly while the stamps match.
 *   - classes are never freed: they are allocated in the static heap
 *     (which the collector treats as roots), so the subclass lists and
 *     call records may hold plain pointers to them.
 */
#ifndef AITHON_OBJECTS_CLASS_H
#define AITHON_OBJECTS_CLASS_H

#include "core/object.h"

#include <pthread.h>
#include <stdatomic.h>

/* The dunder methods the runtime resolves per class. Keep the binary
 * operators in AI_OP_* order with divmod last; the comparisons in
 * AI_CMP_* order. */
#define CLS_NBINOP 14 /* 13 AI_OP_* codes + divmod */
enum {
    D_INIT, D_NEW, D_CALL, D_REPR, D_STR, D_HASH, D_BOOL, D_LEN, D_ITER, D_NEXT,
    D_GETITEM, D_SETITEM, D_DELITEM, D_CONTAINS, D_INDEX,
    D_GETATTR, D_GETATTRIBUTE, D_SETATTR, D_DELATTR, D_GET, D_SET, D_DELETE,
    D_FORMAT, D_INIT_SUBCLASS, D_SET_NAME,
    D_LT, D_LE, D_EQ, D_NE, D_GT, D_GE,
    D_NEG, D_POS, D_INVERT, D_ABS,
    D_BINOP,                      /* __add__ … __floordiv__, __divmod__ */
    D_RBINOP = D_BINOP + CLS_NBINOP,  /* __radd__ … */
    D_IBINOP = D_RBINOP + CLS_NBINOP, /* __iadd__ … (no __idivmod__) */
    D_COUNT = D_IBINOP + CLS_NBINOP - 1
};

extern const char *const cls_dunder_name[D_COUNT];
/* The same names as immortal str objects (made once, see cls_init). */
extern ai_value cls_dunder_str[D_COUNT];
void cls_init(void);
/* Index of a dunder name (a str), or -1. */
int cls_dunder_index(ai_value name);

/* cflags */
enum {
    CLS_SHADOWED = 1,        /* some instance dict may hold a name that the
                                class resolves to a method: method calls
                                must look in the instance dict first */
    CLS_NO_CALL_CACHE = 2,   /* __getattribute__ is overridden */
    CLS_NO_DICT = 4,         /* __slots__ all along the MRO: instances take
                                only the slot names */
    CLS_ABSTRACT = 8,        /* __abstractmethods__ is non-empty: instances
                                cannot be made (CPython's Py_TPFLAGS_IS_ABSTRACT) */
    CLS_PLAIN_NEW = 16,      /* C(args) is object.__new__ then __init__: no
                                __new__ in the MRO, object's layout, not an
                                exception (recomputed with the dunders) */
};


/* A call-site record (see ai_call_method): immutable once published.
 * It starts with the ai_mrec that compiled code reads (aithon_rt.h). */
enum { REC_FUNC, REC_STATIC, REC_CLASS };
typedef struct cls_rec {
    ai_mrec m;          /* m.cls: the owner while the record is published
                           (cls_rec_publish), else AI_REC_STALE */
    const ai_type *owner; /* the class the record was made for */
    ai_value fn;        /* used only while `m.version` is current */
    int kind;
    struct cls_rec *next; /* the class's records (a lock-free push list) */
    int nkind;          /* the method name: str kind, length, code units */
    int64_t nlen;
    char ndata[];
} cls_rec;

/* One entry of a class's attribute cache (class.c, cls_lookup): what a
 * name resolved to at `version`. A seqlock (seq odd while written) lets
 * workers that share a class read entries while another fills one. */
#define CLS_CACHE_SIZE 64
typedef struct cls_cache_entry {
    _Atomic uint64_t seq;
    _Atomic uint64_t version;
    _Atomic uintptr_t name; /* the str object looked up (compared by identity) */
    _Atomic uint64_t hash;  /* and its hash */
    _Atomic uintptr_t a;    /* the value, or the owner class when reloaded */
    _Atomic uintptr_t b;    /* dunder index, method def or getset def */
    _Atomic uint32_t kind;  /* CF_* | CACHE_RELOAD */
} cls_cache_entry;

typedef struct cls_type {
    ai_type t;
    ai_slots slots;
    ai_value name, qualname; /* str */
    ai_value dict;           /* the namespace (a dict) */
    ai_value bases;          /* tuple of types */
    ai_value mro;            /* tuple of types, this class first */
    ai_value dunder[D_COUNT];
    const ai_type *solid;    /* the builtin type whose layout instances share */
    uint32_t dictoffset;     /* where the instance dict pointer lives (0: after a variable layout) */
    uint32_t layout;         /* CLS_LAYOUT_* */
    uint32_t ninline;        /* inline attribute slots (shape.c), 0: the dict word holds a dict or 0 */
    uint32_t slot_lo;        /* CLS_LAYOUT_FIXED: byte offset of the first __slots__ value word (the
                                words [slot_lo, basicsize) hold them, this class's and its bases'),
                                0: none */
    const struct cls_type *slot_owner; /* the class of the MRO that added the last of those words */
    _Atomic uint32_t cflags; /* CLS_* */
    _Atomic uint64_t version;
    char *cname;             /* t.name: the UTF-8 __name__ (malloc), or the C type
                                name _aithon.c_type_name gave ("datetime.date") */
    struct cls_type **subs;  /* direct subclasses (malloc; see above) */
    int32_t nsubs, capsubs;
    _Atomic(cls_rec *) recs; /* every call record made (pushed, never removed) */
    _Atomic(void *) attr_recs; /* the attribute cache's records (class_ic.c) */
    _Atomic(void *) crecs;   /* constructor records (ai_call_construct), pushed under cls_lock */
    cls_rec *recs_cleared;   /* the heads of recs and crecs at the last new
                                version (cls_new_version; under its lock) */
    struct crec_node *crecs_cleared;
    _Atomic(cls_cache_entry *) cache; /* CLS_CACHE_SIZE entries (calloc), or NULL */
} cls_type;

enum { CLS_LAYOUT_FIXED, CLS_LAYOUT_VAR, CLS_LAYOUT_INTBOX };

static inline bool cls_check_type(const ai_type *t) { return (t->flags & AI_TF_HEAPTYPE) != 0; }
static inline cls_type *cls_of(ai_value v) { return (cls_type *)ai_type_of(v); }
static inline size_t cls_dict_offset(ai_value inst, const cls_type *ct) {
    if (ct->dictoffset) return ct->dictoffset;
    return (ct->solid->gc_size(ai_obj(inst)) + 7) & ~(size_t)7;
}
static inline ai_value *cls_dict_slot(ai_value inst, const cls_type *ct) {
    return (ai_value *)((char *)ai_obj(inst) + cls_dict_offset(inst, ct));
}
/* The word after the dict: a dict of __slots__ values, or 0. */
static inline ai_value *cls_slotvals_slot(ai_value inst, const cls_type *ct) {
    return (ai_value *)((char *)ai_obj(inst) + cls_dict_offset(inst, ct) + sizeof(ai_value));
}
/* ---- instance shapes (shape.c) -------------------------------------------
 *
 * A class whose instances have object's layout and an instance dict
 * (ninline != 0) keeps their first attributes in CLS_INLINE_SLOTS words
 * after the __slots__ word, described by a shape stored in the dict word
 * (tagged with bit 0, so that it reads as a small int: the collector and
 * gc_msg_pack never follow it; it is not reported by gc_visit either).
 * The dict word of such an instance is
 *   0          no attribute yet (the root shape),
 *   shape | 1  shape mode: attribute names[i] in inline slot i,
 *   a dict     dict mode: the dict is the only storage, slots are 0.
 * An instance goes from shape mode to dict mode once, when anything needs
 * the dict (`__dict__`, vars(), del, a name that is not an immortal exact
 * str, one attribute more than the slots); never back.
 *
 * A shape is immutable and immortal (malloc'd, shared by every actor):
 * the ordered attribute names (immortal strs), which slots hold a raw
 * double (`fslots`), and a list of transitions (shape + name + kind →
 * the shape with that name appended; shape + slot → the same names with
 * that slot turned generic), pushed under a lock and read without one.
 * Shapes do not belong to a class: a record of an attribute cache pairs
 * (class, version) with a shape.
 *
 * Float slots: a slot whose bit is set in `fslots` holds the 64 bits of a
 * double, not an ai_value: the collector does not trace it, and a float
 * stored into it overwrites the double in place (no allocation, no
 * barrier). An attribute added with an exact float as its value gets such
 * a slot; a store of anything else into it moves the instance to the
 * shape where that slot is generic (never back: a slot that held one
 * non-float stays generic), and from then on new instances built the same
 * way get a generic slot there too, floats included (one shape per
 * (names, kinds), reached from the root; the class gets a new version so
 * that its sites learn it). Readers get a new box (cls_inst_lookup). */
#define CLS_INLINE_SLOTS 8
typedef struct cls_shape {
    const struct cls_shape *parent;
    _Atomic(struct cls_shape *) kids; /* transitions (a push list) */
    struct cls_shape *sibling;        /* the next transition of parent */
    int32_t count;                    /* attributes: names[0..count) */
    uint32_t fslots;                  /* bit i: slot i holds a raw double */
    ai_value names[];                 /* in slot (= insertion) order */
} cls_shape;
extern cls_shape cls_shape_root;

/* Offset (from the instance's start) of inline slot 0: after the dict and
 * the __slots__ words. Compiled code hard-wires AI_SHAPE_DICT_OFFSET. */
static inline ai_value *cls_inline_slots(ai_value inst, const cls_type *ct) {
    return (ai_value *)((char *)ai_obj(inst) + ct->dictoffset + 2 * sizeof(ai_value));
}
static inline bool cls_word_is_shape(ai_value w) { return (w & 1) != 0; }
static inline const cls_shape *cls_word_shape(ai_value w) {
    return w ? (const cls_shape *)(w & ~(ai_value)1) : &cls_shape_root;
}
static inline ai_value cls_shape_word(const cls_shape *s) {
    return s == &cls_shape_root ? 0 : (ai_value)(uintptr_t)s | 1;
}
/* The slot of `name` (a str, compared by identity then content) in s, or -1. */
int cls_shape_find(const cls_shape *s, ai_value name);
/* s with `name` appended, or NULL when it cannot be (s full, a name that
 * is not an immortal exact str, out of memory): the caller then uses a
 * dict. No exception is set. */
const cls_shape *cls_shape_add(const cls_shape *s, ai_value name);
/* The same with the new slot a float slot when `fslot`. */
const cls_shape *cls_shape_add_kind(const cls_shape *s, ai_value name, bool fslot);
/* s with slot i generic (not a float slot), or NULL (no more shapes). */
const cls_shape *cls_shape_generic(const cls_shape *s, int i);
static inline bool cls_shape_fslot(const cls_shape *s, int i) { return (s->fslots >> i) & 1; }
/* Is v an exact float (what a float slot can hold unboxed)? */
bool cls_is_exact_float(ai_value v);

/* Every runtime reader and writer of an instance's attributes goes
 * through these (never through cls_dict_slot's word directly):
 * the value of `name` (1 with *out, 0 absent, -1 error); */
int32_t cls_inst_lookup(ai_value o, const cls_type *ct, ai_value name, ai_value *out);
/* store (0, -1 error); */
int32_t cls_inst_store(ai_value o, cls_type *ct, ai_value name, ai_value v);
/* delete (1 deleted, 0 absent, -1 error); */
int32_t cls_inst_delete(ai_value o, cls_type *ct, ai_value name);
/* the number of attributes; */
int64_t cls_inst_count(ai_value o, const cls_type *ct);
/* the instance dict, made (or materialised from the shape) if need be
 * (AI_ERR only when out of memory); */
ai_value cls_inst_dict(ai_value o, cls_type *ct);
/* the instance dict if the instance has one or has attributes, else 0; */
ai_value cls_inst_dict_if_any(ai_value o, cls_type *ct);
/* replace the instance's storage by dict d (`o.__dict__ = d`). */
void cls_inst_set_dict(ai_value o, cls_type *ct, ai_value d);

/* Is t one of the immutable builtin types whose subclasses take their
 * value in __new__ (int, float, str, bytes, tuple, frozenset)? */
bool cls_immutable_base(const ai_type *t);
/* An instance of class cls (a subclass of an immutable builtin base)
 * holding the value of `base` (an instance of that builtin type). */
ai_value cls_instance_from(ai_type *cls, ai_value base);
/* The bases whose instances get their value from the base's __new__:
 * the immutable ones, and array (CPython's array.__new__ takes the
 * typecode and initializer; its __init__ is object's). */
bool cls_value_from_new(const ai_type *solid);
/* The subinit slot of t's nearest builtin base that has one (core/object.h), or NULL. */
ai_vectorcall cls_subinit_of(const ai_type *t);

/* ---- lookup along an MRO (class.c) ------------------------------------- */

/* What a name resolves to on a class: a value from a class dict, a slot
 * of a builtin type in the MRO (a "slot wrapper", e.g. object.__init__),
 * or an entry of a builtin type's method/getset table. */
enum { CF_NONE, CF_VALUE, CF_WRAPPER, CF_METHOD, CF_GETSET };
typedef struct cls_found {
    int kind;
    ai_value value;           /* CF_VALUE */
    const ai_type *owner;     /* the class where it was found */
    int idx;                  /* CF_WRAPPER: the dunder index */
    const ai_method_def *def; /* CF_METHOD */
    const ai_getset_def *gs;  /* CF_GETSET */
} cls_found;

/* Search the MRO of t (its tuple for classes, the base chain for builtin
 * types) from position `start`. 0 ok (out->kind CF_NONE when absent), -1
 * on error. */
int cls_lookup(const ai_type *t, int64_t start, ai_value name, cls_found *out);
/* Does builtin type t itself (not by inheritance) implement dunder idx? */
bool cls_static_defines(const ai_type *t, int idx);
/* Bind what was found to an instance (obj, of type tp) or, with obj 0, to
 * the class tp itself (C.attr), as the descriptor protocol does. */
ai_value cls_bind(const cls_found *f, ai_value obj, const ai_type *tp);
/* Call what was found as a method of obj (type tp) without binding. */
ai_value cls_call_found(const cls_found *f, ai_value obj, const ai_type *tp, const ai_value *args,
                        int64_t nargs, ai_value kwnames);
/* f(self, *args): f a function (called directly) or any callable. */
ai_value cls_call_self(ai_value f, ai_value self, const ai_value *args, int64_t nargs,
                       ai_value kwnames);
/* Call a resolved dunder value on self as CPython's slot functions do
 * (functions get self; staticmethod/classmethod/other descriptors bind
 * by their own rules). */
ai_value cls_call_dunder(ai_value f, ai_value self, const ai_value *args, int64_t nargs);
/* Generic attribute access of instances of classes (object.__getattribute__
 * / __setattr__): 0-with-no-exception never escapes cls_generic_getattr. */
ai_value cls_generic_getattr(ai_value o, ai_value name);
int32_t cls_generic_setattr(ai_value o, ai_value name, ai_value v);
/* Allocate an instance of class `cls` whose builtin layout base is solid
 * (object.__new__ / BaseException.__new__): args feed an exception's args. */
ai_value cls_alloc_instance(ai_type *cls, const ai_value *args, int64_t nargs);
/* __module__ + "." + __qualname__ for messages and reprs ("__main__.C"). */
void cls_add_fullname(strbuf *b, const ai_type *t);

/* ---- metaclasses (class_meta.c) ------------------------------------------ */

/* Make ct (a subclass of type) a metaclass: its instances are classes
 * (cls_type objects whose header is ct), collected and looked up as
 * classes are. */
void cls_meta_setup(cls_type *ct);

/* ---- the protocol trampolines (class_slots.c) --------------------------- */

/* Fill ct->slots and the ai_type protocol fields from ct->dunder (and the
 * builtin bases' slots where a builtin type provides a dunder first). */
void cls_install_slots(cls_type *ct);
/* "unhashable type: 'C'" */
int64_t cls_hash_unhashable(ai_value v);

/* ---- descriptors and helper objects (class_descr.c) --------------------- */

extern ai_type cls_member_type; /* a __slots__ entry ("member_descriptor") */
extern ai_type cls_method_type, cls_staticmethod_type, cls_classmethod_type, cls_property_type,
    cls_super_type, cls_wrapper_type, cls_method_wrapper_type, cls_seqiter_type;

typedef struct cls_boundmethod {
    ai_object ob;
    ai_value func, self;
} cls_boundmethod;
typedef struct cls_funcwrap { /* staticmethod, classmethod */
    ai_object ob;
    ai_value func;
} cls_funcwrap;
typedef struct cls_property {
    ai_object ob;
    ai_value fget, fset, fdel, doc; /* 0 or None: absent */
    ai_value name;                  /* set by __set_name__, or 0 */
    int64_t getter_doc;             /* doc is fget's __doc__ (a new getter brings its own) */
} cls_property;
typedef struct cls_super {
    ai_object ob;
    ai_value type;     /* the class named in super(type, obj) */
    ai_value obj;      /* the instance (or class) */
    ai_value obj_type; /* the class whose MRO is searched */
} cls_super;
typedef struct cls_wrapper { /* slot wrapper (self 0) / method-wrapper */
    ai_object ob;
    const ai_type *owner;
    int32_t idx;
    ai_value self;
} cls_wrapper;

ai_value cls_method_new(ai_value func, ai_value self);
ai_value cls_wrapper_new(const ai_type *owner, int idx, ai_value self);
/* Call slot wrapper (owner, idx) with self and args. */
ai_value cls_wrapper_invoke(const ai_type *owner, int idx, ai_value self, const ai_value *args,
                            int64_t nargs, ai_value kwnames);
ai_value cls_property_get(ai_value prop, ai_value obj);
int32_t cls_property_set(ai_value prop, ai_value obj, ai_value v);
ai_value cls_seqiter_new(ai_value seq);
/* A member descriptor for slot `name` of owner: its value is the word at
 * byte `offset` of an instance, or (offset 0) in the __slots__ dict. */
ai_value cls_member_new(ai_value name, const ai_type *owner, uint32_t offset);
/* The member's word offset (0: dict-held), for the attribute caches. */
uint32_t cls_member_offset(ai_value member);
ai_value cls_member_get(ai_value member, ai_value obj);
int32_t cls_member_set(ai_value member, ai_value obj, ai_value v);
/* A super object's attribute lookup / method call. */
ai_value cls_super_getattr(ai_value sup, ai_value name);
ai_value cls_super_call_method(ai_value sup, ai_value name, const ai_value *args, int64_t nargs,
                               ai_value kwnames);

/* ---- attribute inline caches (class_ic.c) ------------------------------ */

/* Is name a dunder (__x__)? Such names are never cached. */
bool cls_is_dunder_name(ai_value name);
/* Set CLS_SHADOWED on ct; the first time, ct gets a new version stamp so
 * that compiled call sites stop calling its methods directly. */
void cls_set_shadowed(cls_type *ct);
/* Give ct a new version stamp: its cache records (attributes, methods)
 * go stale and are learned again (shape.c, when float slots give way). */
void cls_new_version(cls_type *ct);
/* Store ct into the first word of one of its records (compiled code then
 * trusts the record) if ct's version is still ver. */
void cls_rec_publish(cls_type *ct, const void **word, uint64_t ver);
/* Clear that word in ct's attribute-cache records (class_ic.c; called by
 * cls_new_version under its lock). */
void cls_ic_unpublish(cls_type *ct);
extern pthread_mutex_t cls_lock;

/* Is v a descriptor (a class with __get__) / a data descriptor? */
/* A property, or an instance of a subclass of property: a data
 * descriptor whose __get__/__set__/__delete__ are property's unless the
 * subclass overrides them (cls_prop_get/cls_prop_set honour that). */
static inline bool cls_is_prop_type(const ai_type *t) {
    return t == &cls_property_type || (cls_check_type(t) && ((const cls_type *)t)->solid == &cls_property_type);
}
static inline bool cls_is_property(ai_value v) { return !ai_is_smallint(v) && cls_is_prop_type(ai_type_of(v)); }
ai_value cls_prop_get(ai_value prop, ai_value obj, const ai_type *tp); /* obj 0: from the class */
int32_t cls_prop_set(ai_value prop, ai_value obj, ai_value v);
static inline bool cls_is_user_descr(ai_value v) {
    if (ai_is_smallint(v)) return false;
    ai_type *t = ai_type_of_obj(ai_obj(v));
    return cls_check_type(t) && ((cls_type *)t)->dunder[D_GET];
}
static inline bool cls_is_user_data_descr(ai_value v) {
    if (!cls_is_user_descr(v)) return false;
    cls_type *ct = (cls_type *)ai_type_of_obj(ai_obj(v));
    return ct->dunder[D_SET] || ct->dunder[D_DELETE];
}

#endif
