# ctypes _anonymous_: the fields of anonymous structure and union members (nested too)
# are fields of the outer structure.
from ctypes import *
class _U(Union): _fields_=[('i', c_int), ('f', c_float)]
class _In(Structure):
    _anonymous_ = ('deep',)
    _fields_=[('a', c_short), ('b', c_short), ('deep', _U)]
class S(Structure):
    _anonymous_ = ('u', 'in_')
    _fields_ = [('tag', c_int), ('u', _U), ('in_', _In)]
s = S(); s.i = 7; s.b = 3; s.f = 1.5
print(S.i, S.f, S.a, S.b, S.u, s.u.i, s.in_.b, s.b, s.f, sizeof(S), s.in_.deep.i)
print(S(1, _U(5)).i)
try:
    class T(Structure):
        _anonymous_ = ('x',)
        _fields_ = [('y', c_int)]
except AttributeError as e: print(type(e).__name__, e)
try:
    class T2(Structure):
        _anonymous_ = 'y'
        _fields_ = [('y', c_int)]
except Exception as e: print(type(e).__name__, e)
