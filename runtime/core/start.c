/*
 * core/start.c — the executable's main(), and nothing else.
 *
 * Kept alone in its own object file so that C unit tests, which define
 * their own main(), can link the runtime archive without pulling this in.
 * Everything it does is in mod_run_main (core/module.c): start the
 * runtime, run the compiled program's aithon_program_main on the main
 * task's big stack, print an escaped exception CPython-style, and return
 * the exit status. Passing the entry as a pointer keeps the rest of the
 * archive free of references to aithon_program_main.
 */
#include "core/object.h"

int main(int argc, char **argv) { return mod_run_main(argc, argv, aithon_program_main); }
