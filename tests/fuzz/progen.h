/*
 * progen.h — generate a valid Python 3.11 program from a byte string.
 *
 * The fuzz target for scope analysis and emission (fuzz_emit.c) needs
 * programs that get past the parser: random bytes almost never do. So
 * the bytes are read as a stream of choices (which statement, which
 * name, how many parameters …) driving a generator that writes only
 * programs CPython compiles: `return` only in functions, `break` only in
 * loops, `nonlocal` only for a name the enclosing function binds,
 * declarations before uses, no walrus on a comprehension variable, and
 * so on. Names come from one small pool shared by variables, functions,
 * classes, methods and attributes, so that the generated programs
 * collide names the way real ones do (a method named like a module
 * function, a class attribute shadowing a builtin). When the bytes run
 * out every further choice is 0, which always closes the program.
 *
 * `progen_check.py` runs CPython's compile() over many generated
 * programs (through the standalone build, PROGEN_MAIN) to keep the
 * generator honest: a program it writes that CPython rejects is a bug
 * in the generator.
 */
#ifndef AITHON_PROGEN_H
#define AITHON_PROGEN_H

#include <stddef.h>
#include <stdint.h>

/* A NUL-terminated program (malloc'd, the caller frees) written from the
 * choices in data[0..size); *len gets its length. */
char *progen_program(const uint8_t *data, size_t size, size_t *len);

#endif
