/*
 * nsdict.h — make live the namespace of every module whose dict the
 * program's code takes (`m.__dict__`, `vars(m)`, `sys.modules['m']…`), so
 * that writes into that dict are seen by the module (nsdict.c).
 */
#ifndef AITHON_NSDICT_H
#define AITHON_NSDICT_H

#include "arena.h"
#include "modules.h"

/* After every unit's scopes are built; before effects and emission. */
void nsdict_mark(Arena *a, Program *p);

#endif
