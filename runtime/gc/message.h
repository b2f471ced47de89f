/*
 * gc/message.h — messages between actors: a value's object graph deep-
 * copied out of the sender's heap into a malloc'd FRAGMENT, carried by a
 * mailbox, and rebuilt as ordinary young objects of the receiver's heap.
 *
 * Why copies: every actor owns its heap and collects it alone (gc/gc.h),
 * so no object may be reachable from two heaps. The sender packs, the
 * fragment belongs to nobody's heap while it travels, the receiver
 * unpacks. docs/runtime-gc.md ("Messages between actors") has the design.
 *
 * What is copied: the graph reachable from the value through the slots
 * each type reports with gc_visit, restricted to objects of the SENDER's
 * running heap. Sharing and cycles survive (an object reached twice is
 * copied once). Anything outside that heap — tagged small ints, None,
 * True, False, static constants, builtin types, classes (static, A5) —
 * is immortal and passes by pointer: `x is y` still holds for them.
 * Copied types (exact types, or instances of classes whose builtin base
 * is one of them): int, float, str, bytes, bytearray, tuple, list, dict,
 * set, frozenset, range, slice, instances of user classes (object, list
 * or dict based), exceptions (with their traceback), functions (their
 * defaults and closure cells are copied; the code is static), cells,
 * bound methods, and builtin types whose slots say how (ai_msg_ops in
 * core/object.h: the aithon module's Pid and Ref; a Pid's process
 * reference is retained for the fragment and handed to the receiver's
 * copy). Anything else in the heap — generators, iterators, modules,
 * files … — makes gc_msg_pack raise TypeError (GC_MSG_UNSENDABLE_FMT).
 *
 * Hashes: a dict or set whose keys hash by identity (instances without
 * __hash__, NaNs) or by a user __hash__ is re-inserted into a fresh table
 * on unpack, after every object exists; tables of keys that hash by
 * content (str, bytes, int, float, and tuples/frozensets of them) are
 * copied as they are.
 *
 * Threads: pack runs on the sender's task, unpack on the receiver's; the
 * fragment itself is plain memory handed over by the mailbox (whose
 * exchange orders the writes before the reads). Neither call takes a lock.
 */
#ifndef AITHON_GC_MESSAGE_H
#define AITHON_GC_MESSAGE_H

#include "aithon_rt.h"
#include "sched/mailbox.h"

#include <stddef.h>

/* The TypeError of an object that cannot be sent (%s: its type's name). */
#define GC_MSG_UNSENDABLE_FMT "cannot send '%s' object to another actor"

/* A packed message. It embeds an mbox_msg_t first, so it goes straight
 * into a mailbox; the embedded drop function frees it (a message to an
 * actor that has ended). Opaque: read it only through the calls below. */
typedef struct gc_msg gc_msg;

/* On the sender's running heap: a deep copy of v's graph in a new
 * fragment (v itself is not changed and nothing is allocated in the
 * heap, so no collection runs). NULL with an exception pending:
 * TypeError for an object that cannot be sent, MemoryError. */
gc_msg *gc_msg_pack(ai_value v);

/* On the receiver's running heap: the graph rebuilt as ordinary young
 * objects of that heap; frees the fragment (also on failure). AI_ERR
 * with the exception pending on failure: MemoryError, or whatever a
 * key's __hash__ / __eq__ raised while a dict or set was re-inserted. */
ai_value gc_msg_unpack(gc_msg *m);

/* Drop a message without unpacking it (NULL is ignored). */
void gc_msg_free(gc_msg *m);

/* The mailbox view of a message, and back: gc_msg_from_mbox returns NULL
 * when `mm` is not a gc_msg (another kind of mailbox message). */
mbox_msg_t *gc_msg_mbox(gc_msg *m);
gc_msg *gc_msg_from_mbox(mbox_msg_t *mm);

/* Two words the sender may set and the receiver read without unpacking
 * (runtime/actors: the message's kind and a reference number). Zero
 * after gc_msg_pack. */
void gc_msg_set_tag(gc_msg *m, uint64_t a, uint64_t b);
uint64_t gc_msg_tag(const gc_msg *m, int i);

/* Bytes of object copies in the message (what unpack will allocate). */
size_t gc_msg_size(const gc_msg *m);

/* Bytes of fragments packed and not yet unpacked or freed, process-wide
 * (relaxed counter: diagnostics and the leak tests). */
size_t gc_msg_live_bytes(void);

#endif
