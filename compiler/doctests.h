/*
 * doctests.h — doctest examples compiled ahead of time (doctests.c).
 *
 * Aithon has no exec(), so the `>>>` examples of a program's docstrings
 * are compiled with the program when it imports doctest: stdlib
 * doctest.py imports the hidden module DOCTESTS_MODULE, which the
 * loader (modules.c) builds from the docstrings of every source unit of
 * the program outside the stdlib. docs/language.md ("doctest") says
 * what the examples can and cannot do.
 */
#ifndef AITHON_DOCTESTS_H
#define AITHON_DOCTESTS_H

#include "arena.h"
#include "ast.h"

#define DOCTESTS_MODULE "__aithon_doctests__"

struct Program;

/* The hidden module's AST: one function per example, its body the
 * example parsed (funcdef.example set), and a table
 * `TESTS = {module: [(qualname, lineno or None, (source, …), (fn, …),
 * (first line, …)), …]}` with one entry per docstring that has examples.
 * `lineno` is the 0-based line CPython's DocTestFinder gives that
 * docstring. The module's text begins with every example's source, so a
 * traceback through an example names a line of it: `first line` is
 * where each example begins in that text, and EXAMPLE_LINES how many
 * lines they take (the functions' own lines, such as the `raise
 * SyntaxError` of an example that does not parse, come after). */
Module *doctests_module(Arena *a, const struct Program *p);

#endif
