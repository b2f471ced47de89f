/*
 * objcache.h — the cache of compiled stdlib modules.
 *
 * A program's stdlib modules (stdlib/NAME.py, found last on the import
 * path) are each emitted into an LLVM module of their own and compiled
 * to an object file that the link adds; the object is kept in a cache so
 * that the next build of any program importing the same module skips its
 * optimisation and code generation (most of the compile time).
 *
 * The key is sound by construction: a 128-bit hash of the module's
 * unoptimised LLVM bitcode — which already records everything the
 * module's code depends on: its source, its file name, the other modules
 * its imports resolved to and what their `import *` exports, the
 * compiler's own emission rules — plus the compiler binary itself (its
 * optimiser and code generator), the target triple, the optimisation
 * level and -g. Equal keys mean byte-identical inputs to the back end.
 *
 * Where: $AITHON_CACHE_DIR, else $XDG_CACHE_HOME/aithon, else
 * $HOME/.cache/aithon; one subdirectory per compiler binary, the stale
 * ones of other compiler builds pruned after a week unused. Entries are
 * written to a temporary file and renamed, so concurrent compilers (the
 * test suite's parallel workers) never see a partial object.
 * AITHON_CACHE_DIR=off (or an unusable directory) turns caching off: the
 * objects are then built in /tmp for this link only.
 */
#ifndef AITHON_OBJCACHE_H
#define AITHON_OBJCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t h[2];
} Hash128;

/* A 128-bit hash of n bytes, continuing from h (start from objcache_seed). */
Hash128 objcache_hash(Hash128 h, const void *data, size_t n);
Hash128 objcache_seed(void);

/* The cache directory for this compiler binary (created), or NULL when
 * caching is off or impossible. Computed once. */
const char *objcache_dir(void);
/* The identity of the running compiler binary (hash of its file). */
Hash128 objcache_compiler_id(void);

#endif
