/*
 * arena.h — one bump allocator per compilation, freed once.
 *
 * Every AST node, symbol table and string the compiler makes comes from
 * the Arena of its compilation (see CPython's pyarena, chibicc's habit of
 * never freeing). Allocation never fails: on out-of-memory the compiler
 * prints a message and exits with status 3 (it cannot continue usefully).
 * Memory is zeroed, so freshly allocated nodes have empty lists and NULL
 * optional children.
 */
#ifndef AITHON_ARENA_H
#define AITHON_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;
typedef struct {
    ArenaBlock *head;       /* newest block; older blocks chain from it */
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);
void *arena_alloc(Arena *a, size_t size);          /* zeroed, 16-aligned */
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Grow an arena-allocated array of `elem` bytes from *cap to at least
 * need elements; returns the (maybe moved) array. Old space is not reused. */
void *arena_grow(Arena *a, void *arr, int *cap, int need, size_t elem);

#endif
