# aithon: native
"""Arrays of numeric values with a fixed C type: array(typecode[,
initializer]) with the typecodes b B u h H i I l L q Q f d.

The type is written in C (runtime/objects/array.c): items are stored as
raw C numbers of the typecode's size, and a[i], a[i] = x, len() and
iteration never run Python code."""

from _aithon import array

__all__ = ['array', 'ArrayType', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

ArrayType = array
