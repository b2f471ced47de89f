/*
 * parse.h — the parser's public entry point.
 *
 * parse_module() turns the text of one Python 3.11 source file into a
 * Module (ast.h) allocated in `a`. It registers the text with diag
 * (diag_set_source), reports every lexical and syntax error through
 * diag_error(), resynchronises at the next statement after an ordinary
 * syntax error so that one run can report several, and always returns a
 * Module, possibly partial. The caller checks diag_error_count().
 *
 * The source may start with a UTF-8 BOM, use "\n", "\r\n" or "\r"
 * newlines, and declare a PEP 263 encoding (UTF-8, Latin-1, ISO-8859-5,
 * ISO-8859-15, CP1252 and KOI8-R are understood); Module.source is the
 * normalised UTF-8 text with '\n' newlines that all positions refer to.
 */
#ifndef AITHON_PARSE_H
#define AITHON_PARSE_H

#include <stddef.h>

#include "arena.h"
#include "ast.h"

Module *parse_module(Arena *a, const char *filename, const char *src, size_t len);

#endif
