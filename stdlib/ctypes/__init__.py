# aithon: native
"""create and manipulate C data types in Python

Aithon's ctypes: CPython's classes and messages, written in Python over
the C core `_ctypes` (runtime/modules/modctypes.c: dlopen, raw memory by
type code, ffi_call, libffi closures).

Every ctypes instance has
  _b_addr    the address of its C memory,
  _b_base_   the instance whose memory it is part of (or None),
  _b_buf     the bytearray holding its memory when it owns it (or None),
  _objects   Python objects its memory points into (kept alive), or None.
Memory a ctypes instance owns is a bytearray that is never resized: the
collector does not move objects, so the address C is given stays valid
while the instance lives (docs/stdlib.md).

The module's caches (array and pointer types, prototypes, a CDLL's
functions) are written by the main process only: a spawned process makes
its own types each time (pointer arguments are checked by their _type_,
so they still match) and leaves objects of the main process alone.
"""

import _ctypes as _c
from _aithon import caller_module as _caller_module

__version__ = "1.1.0"

RTLD_LOCAL = _c.RTLD_LOCAL
RTLD_GLOBAL = _c.RTLD_GLOBAL
DEFAULT_MODE = RTLD_LOCAL

FUNCFLAG_CDECL = 0x1
FUNCFLAG_USE_ERRNO = 0x8
FUNCFLAG_USE_LASTERROR = 0x10
FUNCFLAG_PYTHONAPI = 0x4

SIZEOF_TIME_T = 8


class ArgumentError(Exception):
    pass


def _index(v):
    if isinstance(v, int):
        return int(v)
    f = getattr(type(v), '__index__', None)
    if f is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return f(v)


def _wbuf(s):
    """A str as a NUL-terminated wchar_t (UTF-32) buffer."""
    b = bytearray(4 * (len(s) + 1))
    a = _c.addr(b)
    i = 0
    for ch in s:
        _c.write(a + i, 'u', ch)
        i += 4
    return b


def _new_memory(size):
    # 16-byte aligned, as malloc's memory is (long double, SSE loads in C)
    buf = bytearray(size + 16)
    a = _c.addr(buf)
    return buf, (a + 15) & ~15


def _root(obj):
    while obj._b_base_ is not None:
        obj = obj._b_base_
    return obj


def _keep(owner, key, obj):
    """Keep obj alive as long as owner's memory lives."""
    r = _root(owner)
    if r._objects is None:
        r._objects = {}
    r._objects[key] = obj


def _make(cls, addr, base):
    """An instance of cls at addr, sharing base's memory (no copy)."""
    obj = object.__new__(cls)
    obj._b_addr = addr
    obj._b_base_ = base
    obj._b_buf = None
    obj._b_needsfree_ = False
    obj._objects = None
    return obj


def _is_simple_direct(t):
    return isinstance(t, PyCSimpleType) and t.__bases__[0] is _SimpleCData


# ---- reading and writing values of a type at an address ----------------------------

def _simple_read(code, addr):
    v = _c.read(addr, code)
    if code == 'P' and v == 0:
        return None
    return v


def _simple_convert(t, value, owner, key):
    """The raw value write() takes for simple type t given a Python value
    (CPython's setfunc checks and messages); objects C will point into are
    kept with owner."""
    code = t._type_
    if code in 'bBhHiIlLqQ':
        return _index(value)
    if code in 'fdg':
        if isinstance(value, (int, float)):
            return float(value)
        f = getattr(type(value), '__float__', None)
        if f is None:
            raise TypeError('must be real number, not %s' % type(value).__name__)
        return f(value)
    if code == '?':
        return bool(value)
    if code == 'c':
        if isinstance(value, (bytes, bytearray)) and len(value) == 1:
            return value[0]
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 256:
            return value
        raise TypeError('one character bytes, bytearray or integer expected')
    if code == 'u':
        if isinstance(value, str) and len(value) == 1:
            return value
        raise TypeError('one character unicode string expected')
    if code == 'z':
        if value is None:
            return 0
        if isinstance(value, bytes):
            if owner is not None:
                _keep(owner, key, value)
            return _c.addr(value)
        if isinstance(value, int):
            return value
        raise TypeError('bytes or integer address expected instead of %s instance' % type(value).__name__)
    if code == 'Z':
        if value is None:
            return 0
        if isinstance(value, str):
            b = _wbuf(value)
            if owner is not None:
                _keep(owner, key, b)
            return _c.addr(b)
        if isinstance(value, int):
            return value
        raise TypeError('unicode string or integer address expected instead of %s instance' % type(value).__name__)
    if code == 'P':
        if value is None:
            return 0
        if isinstance(value, int):
            return value
        raise TypeError('cannot be converted to pointer')
    raise TypeError('unsupported type code %r' % code)


def _tread(t, addr):
    """The value of simple type t at addr (byte-swapped types too)."""
    if t._swapped_:
        b = _c.string_at(addr, t._size_)[::-1]
        return _simple_read(t._type_, _c.addr(b))
    return _simple_read(t._type_, addr)


def _twrite(t, addr, raw):
    """Store write()'s raw value as simple type t at addr."""
    code = t._type_
    if t._swapped_:
        tmp = bytearray(16)
        _c.write(_c.addr(tmp), code, raw)
        b = bytes(tmp[:t._size_][::-1])
        _c.memmove(addr, _c.addr(b), t._size_)
        return
    _c.write(addr, 'P' if code in 'zZ' else code, raw)


def _get(t, addr, base):
    """The value of a field, item or pointee of type t at addr: a Python
    value for the fundamental types, else an instance sharing base's
    memory."""
    if _is_simple_direct(t):
        return _tread(t, addr)
    if isinstance(t, PyCArrayType) and (t._type_ is c_char or t._type_ is c_wchar):
        return _make(t, addr, base).value
    return _make(t, addr, base)


def _set(t, addr, value, owner):
    """Store value as type t at addr (part of owner's memory)."""
    if isinstance(value, _CData) and isinstance(value, t):
        _c.memmove(addr, value._b_addr, t._size_)
        if value._objects is not None or value._b_base_ is not None or value._b_buf is not None:
            _keep(owner, addr, value)
        return
    if isinstance(t, PyCSimpleType):
        if isinstance(value, _SimpleCData) and not isinstance(value, t):
            raise TypeError('expected %s instead of %s' % (t.__name__, type(value).__name__))
        _twrite(t, addr, _simple_convert(t, value, owner, addr))
        return
    if isinstance(t, PyCPointerType):
        if value is None:
            _c.write(addr, 'P', 0)
            return
        if isinstance(value, Array) and issubclass(type(value)._type_, t._type_):
            _c.write(addr, 'P', value._b_addr)
            _keep(owner, addr, value)
            return
        raise TypeError('expected %s instead of %s' % (t.__name__, type(value).__name__))
    if isinstance(t, PyCArrayType):
        et = t._type_
        if et is c_char and isinstance(value, bytes):
            if len(value) > t._length_:
                raise ValueError('byte string too long')
            _c.memset(addr, 0, t._size_)
            _c.memmove(addr, _c.addr(value), len(value))
            return
        if et is c_wchar and isinstance(value, str):
            if len(value) > t._length_:
                raise ValueError('string too long')
            b = _wbuf(value)
            _c.memset(addr, 0, t._size_)
            _c.memmove(addr, _c.addr(b), 4 * len(value))
            return
        if isinstance(value, (tuple, list)):
            tmp = t(*value)
            _c.memmove(addr, tmp._b_addr, t._size_)
            if tmp._objects is not None:
                _keep(owner, addr, tmp)
            return
        raise TypeError('expected %s instance, got %s' % (t.__name__, type(value).__name__))
    if isinstance(t, (PyCStructType, UnionType)):
        if isinstance(value, tuple):
            tmp = t(*value)
            _c.memmove(addr, tmp._b_addr, t._size_)
            if tmp._objects is not None:
                _keep(owner, addr, tmp)
            return
        raise TypeError('expected %s instance got %s' % (t.__name__, type(value).__name__))
    if isinstance(t, PyCFuncPtrType):
        if value is None:
            _c.write(addr, 'P', 0)
            return
        if callable(value):
            f = t(value)
            _c.write(addr, 'P', _c.read(f._b_addr, 'P'))
            _keep(owner, addr, f)
            return
    raise TypeError('expected %s instance, got %s' % (t.__name__, type(value).__name__))


def _desc(t):
    """The _ctypes type descriptor of a ctypes type as an argument or a
    result passed by value."""
    if isinstance(t, PyCSimpleType):
        return t._type_
    if isinstance(t, (PyCStructType, UnionType)):
        return t._ffi_
    return 'P'


# ---- the metaclasses -------------------------------------------------------------

class _CDataMeta(type):
    __module__ = '_ctypes'

    def __mul__(cls, length):
        return _array_type(cls, length, _caller_module())

    def __rmul__(cls, length):
        return _array_type(cls, length, _caller_module())

    def from_address(cls, address):
        return _make(cls, _index(address), None)

    def from_buffer(cls, source, offset=0):
        if isinstance(source, _CData):
            if sizeof(source) < offset + cls._size_:
                raise ValueError('Buffer size too small (%d instead of at least %d bytes)'
                                 % (sizeof(source), offset + cls._size_))
            return _make(cls, source._b_addr + offset, source)
        if not isinstance(source, bytearray):
            raise TypeError('underlying buffer is not writable')
        if offset < 0:
            raise ValueError('offset cannot be negative')
        if len(source) < offset + cls._size_:
            raise ValueError('Buffer size too small (%d instead of at least %d bytes)'
                             % (len(source), offset + cls._size_))
        obj = _make(cls, _c.addr(source) + offset, None)
        obj._objects = {None: source}
        return obj

    def from_buffer_copy(cls, source, offset=0):
        if offset < 0:
            raise ValueError('offset cannot be negative')
        if len(source) < offset + cls._size_:
            raise ValueError('Buffer size too small (%d instead of at least %d bytes)'
                             % (len(source), offset + cls._size_))
        obj = cls.__new__(cls)
        src = bytes(source)
        _c.memmove(obj._b_addr, _c.addr(src) + offset, cls._size_)
        return obj

    def in_dll(cls, dll, name):
        return _make(cls, _c.dlsym(dll._handle, name), None)


class PyCSimpleType(_CDataMeta):
    __module__ = '_ctypes'

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        code = getattr(cls, '_type_', None)
        if code is None:
            if bases and bases[0] is not object and bases[0].__name__ != '_CData':
                raise AttributeError("class must define a '_type_' attribute")
            return
        if not isinstance(code, str):
            raise TypeError('class must define a \'_type_\' string attribute')
        if len(code) != 1 or code not in 'bBhHiIlLqQfdg?cuPzZ':
            raise AttributeError("class must define a '_type_' attribute which must be\n"
                                 "a single character string containing one of 'cbBhHiIlLdfuzZqQPXOv?g'.")
        cls._size_, cls._align_ = _c.type_info(code)
        # calls and fields convert ints, floats and bytes for the
        # fundamental types without making an instance (same results)
        direct = bases and bases[0] is _SimpleCData and 'from_param' not in ns
        cls._fastcode_ = code if direct and code in 'bBhHiIlLqQfdz' else None

    def from_param(cls, value):
        return _simple_from_param(cls, value)


class PyCPointerType(_CDataMeta):
    __module__ = '_ctypes'

    def from_param(cls, value):
        if value is None:
            return None
        if isinstance(value, cls):
            return value
        t = cls._type_
        if isinstance(value, _CArgObject) and isinstance(value._obj, t):
            return value
        if isinstance(value, (Array, _Pointer)) and issubclass(type(value)._type_, t):
            return value
        if isinstance(value, t):
            return byref(value)
        raise TypeError('expected %s instance instead of %s' % (cls.__name__, type(value).__name__))


class PyCArrayType(_CDataMeta):
    __module__ = '_ctypes'

    def from_param(cls, value):
        if isinstance(value, cls):
            return value
        if value is None:
            return None
        raise TypeError('expected %s instance instead of %s' % (cls.__name__, type(value).__name__))


def _struct_from_param(cls, value):
    if isinstance(value, cls):
        return value
    name = type(value).__name__
    if isinstance(value, _CArgObject):
        name = 'pointer to ' + type(value._obj).__name__
    raise TypeError('expected %s instance instead of %s' % (cls.__name__, name))


def _ffi_of_field(t):
    if isinstance(t, PyCArrayType):
        e = t
        n = 1
        while isinstance(e, PyCArrayType):
            n *= e._length_
            e = e._type_
        return [_desc(e)] * n
    return [_desc(t)]


def _layout(cls, fields, union):
    """Lay out a structure or union: CPython 3.11's algorithm (cfield.c,
    PyCField_FromDesc, GCC's bit field rules): offsets, sizes, alignment,
    _pack_, bit fields packed into their type's storage unit."""
    base = cls.__bases__[0]
    if isinstance(base, (PyCStructType, UnionType)) and getattr(base, '_fields_', None) is not None and not union:
        size = offset = base._size_
        align = base._align_
        total_align = align or 1
        names = list(base._field_names_)
        ffi = list(base._ffi_)
    else:
        size = offset = 0
        align = 0
        total_align = 1
        names = []
        ffi = []
    union_size = 0
    pack = getattr(cls, '_pack_', None)
    if pack is not None and (not isinstance(pack, int) or pack < 0):
        raise ValueError('_pack_ must be a non-negative integer')
    big_endian = hasattr(cls, '_swappedbytes_')
    if not isinstance(fields, (list, tuple)):
        raise TypeError('_fields_ must be a sequence of pairs')
    field_size = 0      # bits of the storage unit of the open bit field, or 0
    bitofs = 0
    largest = None
    for i, f in enumerate(fields):
        if not isinstance(f, tuple) or len(f) < 2:
            raise TypeError("'_fields_' must be a sequence of (name, C type) pairs")
        name, t = f[0], f[1]
        if not isinstance(t, _CDataMeta) or getattr(t, '_size_', None) is None:
            raise TypeError('second item in _fields_ tuple (index %d) must be a C type' % i)
        tsize = t._size_
        if len(f) == 3:
            bitsize = f[2]
            if not isinstance(t, PyCSimpleType) or t._type_ not in 'bBhHiIlLqQ?cu':
                raise TypeError('bit fields not allowed for type %s' % t.__name__)
            if not isinstance(bitsize, int) or bitsize <= 0 or bitsize > tsize * 8:
                raise ValueError('number of bits invalid for bit field')
        elif len(f) == 2:
            bitsize = 0
        else:
            raise TypeError("'_fields_' must be a sequence of (name, C type) pairs")
        if union:
            size = offset = 0
            align = 0
            field_size = bitofs = 0
        if bitsize and field_size and tsize * 8 <= field_size and bitofs + bitsize <= field_size:
            kind = 'cont'
        elif bitsize and field_size and tsize * 8 >= field_size and bitofs + bitsize <= tsize * 8:
            kind = 'expand'
        elif bitsize:
            kind = 'new'
            bitofs = 0
            field_size = tsize * 8
        else:
            kind = 'plain'
            bitofs = 0
            field_size = 0
        if kind == 'new' or kind == 'plain':
            if kind == 'new':
                fsize = (bitsize << 16) + (field_size - bitofs - bitsize if big_endian else bitofs)
                bitofs = bitsize
            else:
                fsize = tsize
            a = min(pack, t._align_) if pack else t._align_
            if a and offset % a:
                delta = a - offset % a
                size += delta
                offset += delta
            size += tsize
            foffset = offset
            offset += tsize
            align = a
            ffi.extend(_ffi_of_field(t))
        else:
            if kind == 'expand':
                grow = tsize - field_size // 8
                offset += grow
                size += grow
                field_size = tsize * 8
                if grow:
                    ffi.pop()
                    ffi.extend(_ffi_of_field(t))
            fsize = (bitsize << 16) + (field_size - bitofs - bitsize if big_endian else bitofs)
            foffset = offset - tsize
            bitofs += bitsize
        if union:
            union_size = max(size, union_size)
        total_align = max(align, total_align)
        setattr(cls, name, CField(t, foffset, fsize, name, bitsize))
        names.append(name)
        if largest is None or t._align_ > largest._align_:
            largest = t
    if union:
        size = union_size
    size = (size + total_align - 1) // total_align * total_align
    type.__setattr__(cls, '_size_', size)
    type.__setattr__(cls, '_align_', total_align)
    type.__setattr__(cls, '_field_names_', tuple(names))
    if union:
        if largest is None:
            ffi = ('B',) * max(size, 1)
        else:
            unit = _desc(largest) if not isinstance(largest, PyCArrayType) else 'q'
            usize = _c.type_info(unit)[0] if isinstance(unit, str) else largest._size_
            ffi = [unit] * max(1, size // usize)
    type.__setattr__(cls, '_ffi_', tuple(ffi) if ffi else ('B',))
    anon = getattr(cls, '_anonymous_', None)
    if anon is not None:
        for name in anon:
            descr = getattr(cls, name)
            if not isinstance(descr, CField):
                raise AttributeError("'%s' is specified in _anonymous_ but not in _fields_" % name)
            _anon_fields(cls, descr, descr.offset)


def _anon_fields(cls, descr, offset):
    """The fields of an anonymous member, made fields of cls (CPython's
    MakeFields)."""
    t = descr._t
    inner_anon = getattr(t, '_anonymous_', None) or ()
    for f in t._fields_:
        fname = f[0]
        fd = getattr(t, fname)
        if fname in inner_anon:
            _anon_fields(cls, fd, offset + fd.offset)
            continue
        type.__setattr__(cls, fname, CField(fd._t, offset + fd.offset, fd.size, fname, fd._bits))


class PyCStructType(_CDataMeta):
    __module__ = '_ctypes'
    _union = False

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        fields = ns.get('_fields_')
        if fields is not None:
            # through the metaclass's __setattr__, as CPython does (the
            # byte-swapped structures of ctypes._endian convert the types)
            type(cls).__setattr__(cls, '_fields_', fields)
        elif not hasattr(cls, '_size_') or cls.__name__ in ('Structure', 'Union'):
            base = bases[0] if bases else None
            if isinstance(base, (PyCStructType, UnionType)) and getattr(base, '_fields_', None) is not None:
                type.__setattr__(cls, '_size_', base._size_)
                type.__setattr__(cls, '_align_', base._align_)
                type.__setattr__(cls, '_field_names_', base._field_names_)
                type.__setattr__(cls, '_ffi_', base._ffi_)
            else:
                type.__setattr__(cls, '_size_', 0)
                type.__setattr__(cls, '_align_', 1)
                type.__setattr__(cls, '_field_names_', ())
                type.__setattr__(cls, '_ffi_', ('B',))

    def __setattr__(cls, name, value):
        if name == '_fields_':
            if '_fields_final_' in cls.__dict__:
                raise AttributeError('_fields_ is final')
            type.__setattr__(cls, name, value)
            _layout(cls, value, type(cls)._union)
            type.__setattr__(cls, '_fields_final_', True)
            return
        type.__setattr__(cls, name, value)

    def from_param(cls, value):
        return _struct_from_param(cls, value)


class UnionType(PyCStructType):
    __module__ = '_ctypes'
    _union = True


class PyCFuncPtrType(_CDataMeta):
    __module__ = '_ctypes'

    def from_param(cls, value):
        if value is None:
            return None
        if isinstance(value, cls):
            return value
        p = getattr(value, '_as_parameter_', None)
        if p is not None:
            return cls.from_param(p)
        raise TypeError('expected %s instance instead of %s' % (cls.__name__, type(value).__name__))


# ---- the base classes ------------------------------------------------------------------

class _CData:
    __module__ = '_ctypes'
    _size_ = None

    def __new__(cls, *args, **kwargs):
        size = cls._size_
        if size is None:
            raise TypeError('abstract class')
        obj = object.__new__(cls)
        obj._b_buf, obj._b_addr = _new_memory(size)
        obj._b_base_ = None
        obj._b_needsfree_ = True
        obj._objects = None
        return obj

    def __ctypes_from_outparam__(self):
        return self

    def __bytes__(self):
        return _c.string_at(self._b_addr, sizeof(self))

    def __reduce__(self):
        if _has_pointer(type(self)):
            raise ValueError('ctypes objects containing pointers cannot be pickled')
        d = {k: v for k, v in self.__dict__.items() if not k.startswith('_b_') and k != '_objects'}
        return _unpickle, (type(self), (d, bytes(self)))

    def __setstate__(self, state):
        d, data = state
        self.__dict__.update(d)
        _c.memmove(self._b_addr, _c.addr(data), min(len(data), type(self)._size_))


def _unpickle(cls, state):
    obj = cls.__new__(cls)
    obj.__setstate__(state)
    return obj


def _has_pointer(t):
    if isinstance(t, PyCSimpleType):
        return t._type_ in 'zZP'
    if isinstance(t, (PyCPointerType, PyCFuncPtrType)):
        return True
    if isinstance(t, PyCArrayType):
        return _has_pointer(t._type_)
    if isinstance(t, (PyCStructType, UnionType)):
        for f in getattr(t, '_fields_', None) or ():
            if _has_pointer(f[1]):
                return True
    return False


class _SimpleCData(_CData, metaclass=PyCSimpleType):
    __module__ = '_ctypes'

    def __init__(self, *args):
        if len(args) > 1:
            raise TypeError('function takes at most 1 argument (%d given)' % len(args))
        if args:
            self.value = args[0]

    _swapped_ = False

    @property
    def value(self):
        return _tread(type(self), self._b_addr)

    @value.setter
    def value(self, v):
        _twrite(type(self), self._b_addr, _simple_convert(type(self), v, self, self._b_addr))

    def __bool__(self):
        return _c.string_at(self._b_addr, type(self)._size_) != bytes(type(self)._size_)

    def __repr__(self):
        if type(self).__bases__[0] is not _SimpleCData:
            return '<%s object at %#x>' % (type(self).__name__, id(self))
        return '%s(%r)' % (type(self).__name__, self.value)


def _simple_from_param(cls, value):
    if isinstance(value, cls):
        return value
    code = cls._type_
    if code in 'bBhHiIlLqQ':
        if isinstance(value, int):
            return cls(value)
    elif code in 'fdg':
        if isinstance(value, (int, float)):
            return cls(value)
    elif code == '?':
        return cls(value)
    elif code == 'c':
        if isinstance(value, (bytes, bytearray)) and len(value) == 1 or isinstance(value, int):
            return cls(value)
    elif code == 'u':
        if isinstance(value, str) and len(value) == 1:
            return cls(value)
    elif code == 'z':
        if value is None or isinstance(value, bytes):
            return cls(value)
        if isinstance(value, (Array, _Pointer)) and type(value)._type_ is c_char:
            return value
        if isinstance(value, _CArgObject) and isinstance(value._obj, c_char):
            return value
    elif code == 'Z':
        if value is None or isinstance(value, str):
            return cls(value)
        if isinstance(value, (Array, _Pointer)) and type(value)._type_ is c_wchar:
            return value
    elif code == 'P':
        if value is None or isinstance(value, int):
            return cls(value)
        if isinstance(value, bytes):
            return c_char_p(value)
        if isinstance(value, str):
            return c_wchar_p(value)
        if isinstance(value, (_Pointer, Array, _CArgObject, CFuncPtr, c_char_p, c_wchar_p)):
            return value
    p = getattr(value, '_as_parameter_', None)
    if p is not None:
        return _simple_from_param(cls, p)
    raise TypeError('wrong type')


class _Pointer(_CData, metaclass=PyCPointerType):
    __module__ = '_ctypes'

    def __init__(self, value=None):
        if value is not None:
            self.contents = value

    @property
    def contents(self):
        a = _c.read(self._b_addr, 'P')
        if a == 0:
            raise ValueError('NULL pointer access')
        return _make(type(self)._type_, a, self)

    @contents.setter
    def contents(self, value):
        t = type(self)._type_
        if not isinstance(value, _CData):
            raise TypeError('expected %s instead of %s' % (t.__name__, type(value).__name__))
        if not isinstance(value, t):
            raise TypeError('expected %s instead of %s' % (t.__name__, type(value).__name__))
        _c.write(self._b_addr, 'P', value._b_addr)
        _keep(self, self._b_addr, value)

    def __bool__(self):
        return _c.read(self._b_addr, 'P') != 0

    def _item_addr(self, i):
        a = _c.read(self._b_addr, 'P')
        if a == 0:
            raise ValueError('NULL pointer access')
        return a + i * type(self)._type_._size_

    def __getitem__(self, i):
        t = type(self)._type_
        if isinstance(i, slice):
            if i.stop is None:
                raise ValueError('slice stop is required')
            r = [self[k] for k in range(*i.indices(i.stop if i.stop >= 0 else 0))] \
                if (i.start or 0) >= 0 and i.stop >= 0 else None
            if r is None:
                raise ValueError('slice start is required for step < 0')
            if t is c_char:
                return b''.join(r)
            if t is c_wchar:
                return ''.join(r)
            return r
        return _get(t, self._item_addr(_index(i)), self)

    def __setitem__(self, i, value):
        _set(type(self)._type_, self._item_addr(_index(i)), value, self)


class Array(_CData, metaclass=PyCArrayType):
    __module__ = '_ctypes'

    def __init__(self, *args):
        if len(args) > type(self)._length_:
            raise IndexError('invalid index')
        for i, v in enumerate(args):
            self[i] = v

    def __len__(self):
        return type(self)._length_

    def _index_addr(self, i):
        n = type(self)._length_
        i = _index(i)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError('invalid index')
        return self._b_addr + i * type(self)._type_._size_

    def __getitem__(self, i):
        t = type(self)._type_
        if isinstance(i, slice):
            r = [_get(t, self._b_addr + k * t._size_, self) for k in range(*i.indices(type(self)._length_))]
            if t is c_char:
                return b''.join(r)
            if t is c_wchar:
                return ''.join(r)
            return r
        return _get(t, self._index_addr(i), self)

    def __setitem__(self, i, value):
        t = type(self)._type_
        if isinstance(i, slice):
            ks = range(*i.indices(type(self)._length_))
            if len(value) != len(ks):
                raise ValueError('Can only assign sequence of same size')
            for k, v in zip(ks, value):
                _set(t, self._b_addr + k * t._size_, v, self)
            return
        _set(t, self._index_addr(i), value, self)

    def __iter__(self):
        t = type(self)._type_
        for k in range(type(self)._length_):
            yield _get(t, self._b_addr + k * t._size_, self)

    # c_char and c_wchar arrays: .value and .raw
    @property
    def value(self):
        t = type(self)._type_
        if t is c_char:
            raw = _c.string_at(self._b_addr, sizeof(self))
            n = raw.find(b'\0')
            return raw if n < 0 else raw[:n]
        if t is c_wchar:
            s = _c.wstring_at(self._b_addr, type(self)._length_)
            n = s.find('\0')
            return s if n < 0 else s[:n]
        raise AttributeError("'%s' object has no attribute 'value'" % type(self).__name__)

    @value.setter
    def value(self, v):
        t = type(self)._type_
        n = type(self)._length_
        if t is c_char:
            if not isinstance(v, bytes):
                raise TypeError('bytes expected instead of %s instance' % type(v).__name__)
            if len(v) > n:
                raise ValueError('byte string too long')
            _c.memmove(self._b_addr, _c.addr(v), len(v) + 1 if len(v) < n else len(v))
            return
        if t is c_wchar:
            if not isinstance(v, str):
                raise TypeError('unicode string expected instead of %s instance' % type(v).__name__)
            if len(v) > n:
                raise ValueError('string too long')
            b = _wbuf(v)
            _c.memmove(self._b_addr, _c.addr(b), 4 * (len(v) + 1 if len(v) < n else len(v)))
            return
        raise AttributeError("'%s' object has no attribute 'value'" % type(self).__name__)

    @property
    def raw(self):
        if type(self)._type_ is not c_char:
            raise AttributeError("'%s' object has no attribute 'raw'" % type(self).__name__)
        return _c.string_at(self._b_addr, sizeof(self))

    @raw.setter
    def raw(self, v):
        if type(self)._type_ is not c_char:
            raise AttributeError("'%s' object has no attribute 'raw'" % type(self).__name__)
        v = bytes(v)
        if len(v) > sizeof(self):
            raise ValueError('byte string too long')
        _c.memmove(self._b_addr, _c.addr(v), len(v))


_array_cache = {}


def _array_type(t, length, module):
    if not isinstance(length, int):
        raise TypeError("can't multiply sequence by non-int of type '%s'" % type(length).__name__)
    if length < 0:
        raise ValueError('Array length must be >= 0, not %d' % length)
    key = (t, length)
    a = _array_cache.get(key)
    if a is None:
        if getattr(t, '_size_', None) is None:
            raise TypeError('_type_ must have storage info')
        a = PyCArrayType('%s_Array_%d' % (t.__name__, length), (Array,),
                         {'__module__': module, '_type_': t, '_length_': length,
                          '_size_': t._size_ * length, '_align_': t._align_})
        if _c.main_heap():
            _array_cache[key] = a
    return a


class Structure(_CData, metaclass=PyCStructType):
    __module__ = '_ctypes'

    def __init__(self, *args, **kwargs):
        names = type(self)._field_names_
        if len(args) > len(names):
            raise TypeError('too many initializers')
        for name, v in zip(names, args):
            setattr(self, name, v)
        for name, v in kwargs.items():
            if name in names[:len(args)]:
                raise TypeError('duplicate values for field %r' % name)
            setattr(self, name, v)


class Union(_CData, metaclass=UnionType):
    __module__ = '_ctypes'

    def __init__(self, *args, **kwargs):
        names = type(self)._field_names_
        if len(args) > len(names):
            raise TypeError('too many initializers')
        for name, v in zip(names, args):
            setattr(self, name, v)
        for name, v in kwargs.items():
            setattr(self, name, v)


class CField:
    __module__ = '_ctypes'

    def __init__(self, t, offset, size, name, bits=0):
        self._t = t
        self.offset = offset
        self.size = size      # CPython's encoding: (bits << 16) + bit offset for bit fields
        self._name = name
        self._bits = bits
        # fundamental types in native byte order are read and written directly
        self._code = t._type_ if not bits and _is_simple_direct(t) and not t._swapped_ else None

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        c = self._code
        if c is not None:
            v = _c.read(obj._b_addr + self.offset, c)
            if c == 'P' and v == 0:
                return None
            return v
        if self._bits:
            return _bits_get(self, obj._b_addr + self.offset)
        return _get(self._t, obj._b_addr + self.offset, obj)

    def __set__(self, obj, value):
        c = self._code
        if c is not None:
            tv = type(value)
            if tv is int and c in 'bBhHiIlLqQ' or tv is float and c in 'fd':
                _c.write(obj._b_addr + self.offset, c, value)
                return
        if self._bits:
            _bits_set(self, obj._b_addr + self.offset, value)
            return
        _set(self._t, obj._b_addr + self.offset, value, obj)

    def __repr__(self):
        if self._bits:
            return '<Field type=%s, ofs=%d:%d, bits=%d>' % (self._t.__name__, self.offset,
                                                             self.size & 0xffff, self.size >> 16)
        return '<Field type=%s, ofs=%d, size=%d>' % (self._t.__name__, self.offset, self.size)


# Bit fields are read and written as CPython's GET_BITFIELD and SET macros
# do on x86-64 and AArch64 (shift counts taken modulo the promoted width,
# which is what CPython 3.11's layout relies on for a narrow type packed
# past its own width into a wider field).

def _bits_get(f, addr):
    t = f._t
    code = t._type_
    raw = _tread(t, addr)
    if code == '?':
        return raw           # CPython reads a _Bool bit field as the whole byte
    if code == 'c':
        raw = raw[0]
    elif code == 'u':
        raw = ord(raw)
    w = 8 * t._size_
    p = 64 if w == 64 else 32
    nbits = f.size >> 16
    low = f.size & 0xffff
    wmask = (1 << w) - 1
    v = ((raw & wmask) << ((w - low - nbits) & (p - 1))) & wmask
    if code in 'bhilq' and v >> (w - 1):
        v -= 1 << w
    v >>= w - nbits
    if code == 'c':
        return bytes([v & 0xff])
    if code == 'u':
        return chr(v)
    return v


def _bits_set(f, addr, value):
    t = f._t
    code = t._type_
    v = _simple_convert(t, value, None, 0)
    if code == '?':
        _twrite(t, addr, v)  # CPython writes the whole byte
        return
    if code == 'u':
        v = ord(v)
    old = _tread(t, addr)
    if code == 'c':
        old = old[0]
    elif code == 'u':
        old = ord(old)
    w = 8 * t._size_
    p = 64 if w == 64 else 32
    pmask = (1 << p) - 1
    sh = (f.size & 0xffff) & (p - 1)
    m = (1 << (f.size >> 16)) - 1
    new = ((old & ~((m << sh) & pmask)) | (((v & m) << sh) & pmask)) & ((1 << w) - 1)
    if code == 'u':
        new = chr(new)
    _twrite(t, addr, new)


class _CArgObject:
    """What byref() returns: a pointer to obj's memory plus offset."""
    __module__ = '_ctypes'

    def __init__(self, obj, offset):
        self._obj = obj
        self._offset = offset

    @property
    def _obj_(self):
        return self._obj

    def __repr__(self):
        return "<cparam 'P' (%#x)>" % (self._obj._b_addr + self._offset)


# ---- the fundamental types ---------------------------------------------------------------

class c_short(_SimpleCData):
    _type_ = 'h'


class c_ushort(_SimpleCData):
    _type_ = 'H'


class c_long(_SimpleCData):
    _type_ = 'l'


class c_ulong(_SimpleCData):
    _type_ = 'L'


class c_int(_SimpleCData):
    _type_ = 'i'


class c_uint(_SimpleCData):
    _type_ = 'I'


class c_float(_SimpleCData):
    _type_ = 'f'


class c_double(_SimpleCData):
    _type_ = 'd'


class c_longdouble(_SimpleCData):
    _type_ = 'g'


c_longlong = c_long
c_ulonglong = c_ulong


class c_ubyte(_SimpleCData):
    _type_ = 'B'


class c_byte(_SimpleCData):
    _type_ = 'b'


class c_char(_SimpleCData):
    _type_ = 'c'


class c_char_p(_SimpleCData):
    _type_ = 'z'

    def __repr__(self):
        a = _c.read(self._b_addr, 'P')
        return '%s(%s)' % (type(self).__name__, a if a else None)


class c_void_p(_SimpleCData):
    _type_ = 'P'


c_voidp = c_void_p


class c_bool(_SimpleCData):
    _type_ = '?'


class c_wchar_p(_SimpleCData):
    _type_ = 'Z'

    def __repr__(self):
        a = _c.read(self._b_addr, 'P')
        return '%s(%s)' % (type(self).__name__, a if a else None)


class c_wchar(_SimpleCData):
    _type_ = 'u'


def _swapped_types():
    """__ctype_be__ / __ctype_le__: the other byte order of the multi-byte
    integer and float types (named c_int_be …), the type itself for the
    one-byte ones."""
    for t in (c_short, c_ushort, c_int, c_uint, c_long, c_ulong, c_float, c_double):
        sw = PyCSimpleType(t.__name__ + '_be', (_SimpleCData,),
                           {'_type_': t._type_, '_swapped_': True, '__module__': 'ctypes',
                            '__qualname__': t.__name__})
        t.__ctype_le__ = t
        t.__ctype_be__ = sw
        sw.__ctype_le__ = t
        sw.__ctype_be__ = sw
    for t in (c_char, c_byte, c_ubyte):
        t.__ctype_le__ = t
        t.__ctype_be__ = t


_swapped_types()

c_size_t = c_ulong
c_ssize_t = c_long
c_int8 = c_byte
c_uint8 = c_ubyte
c_int16 = c_short
c_uint16 = c_ushort
c_int32 = c_int
c_uint32 = c_uint
c_int64 = c_long
c_uint64 = c_ulong


# ---- functions on instances and types ---------------------------------------------------

def sizeof(obj_or_type):
    """sizeof(C type) -> integer
sizeof(C instance) -> integer
Return the size in bytes of a C instance"""
    if isinstance(obj_or_type, _CData):
        size = obj_or_type.__dict__.get('_b_size_')
        if size is not None:
            return size
    t = obj_or_type if isinstance(obj_or_type, type) else type(obj_or_type)
    size = getattr(t, '_size_', None) if isinstance(t, _CDataMeta) else None
    if size is None:
        raise TypeError('this type has no size')
    return size


def alignment(obj_or_type):
    """alignment(C type) -> integer
alignment(C instance) -> integer
Return the alignment requirements of a C instance"""
    t = obj_or_type if isinstance(obj_or_type, type) else type(obj_or_type)
    a = getattr(t, '_align_', None) if isinstance(t, _CDataMeta) else None
    if a is None:
        raise TypeError('no alignment info')
    return a


def addressof(obj):
    """addressof(C instance) -> integer
Return the address of the C instance internal buffer"""
    if not isinstance(obj, _CData):
        raise TypeError('invalid type')
    return obj._b_addr


def byref(obj, offset=0):
    """byref(C instance[, offset=0]) -> byref-object
Return a pointer lookalike to a C instance, only usable
as function argument"""
    if not isinstance(obj, _CData):
        raise TypeError("byref() argument must be a ctypes instance, not '%s'" % type(obj).__name__)
    return _CArgObject(obj, offset)


_pointer_type_cache = {}


def POINTER(t):
    """Create and return a new ctypes pointer type."""
    p = _pointer_type_cache.get(t)
    if p is not None:
        return p
    if isinstance(t, str):
        return PyCPointerType('LP_%s' % t, (_Pointer,), {'__module__': _caller_module(), '_size_': 8, '_align_': 8})
    if not isinstance(t, type):
        raise TypeError('must be a ctypes type')
    p = PyCPointerType('LP_%s' % t.__name__, (_Pointer,),
                       {'__module__': _caller_module(), '_type_': t, '_size_': 8, '_align_': 8})
    if _c.main_heap():
        _pointer_type_cache[t] = p
    return p


def pointer(obj):
    """Create a new pointer instance, pointing to 'obj'.
The returned object is of the type POINTER(type(obj))."""
    if not isinstance(obj, _CData):
        raise TypeError('_type_ must have storage info')
    return POINTER(type(obj))(obj)


def _address_of_param(value):
    """An address from what c_void_p.from_param accepts (memmove, cast)."""
    p = c_void_p.from_param(value)
    d, raw, keep = _arg(p, 0)
    return raw, keep


def cast(obj, typ):
    if not (isinstance(typ, (PyCPointerType, PyCFuncPtrType))
            or isinstance(typ, PyCSimpleType) and typ._type_ in 'zZP'):
        raise TypeError('cast() argument 2 must be a pointer type, not %s'
                        % (typ.__name__ if isinstance(typ, type) else type(typ).__name__))
    try:
        addr, keep = _address_of_param(obj)
    except TypeError as e:
        raise ArgumentError('argument 1: TypeError: %s' % e) from None
    res = typ.__new__(typ)
    _c.write(res._b_addr, 'P', addr or 0)
    if isinstance(obj, _CData):
        _keep(res, id(obj), obj)
    return res


def memmove(dst, src, count):
    d, kd = _address_of_param(dst)
    s, ks = _address_of_param(src)
    return _c.memmove(d, s, count)


def memset(dst, c, count):
    d, kd = _address_of_param(dst)
    return _c.memset(d, c, count)


def string_at(ptr, size=-1):
    """string_at(addr[, size]) -> string

Return the string at addr."""
    a, k = _address_of_param(ptr)
    return _c.string_at(a, size)


def wstring_at(ptr, size=-1):
    """wstring_at(addr[, size]) -> string

Return the string at addr."""
    a, k = _address_of_param(ptr)
    return _c.wstring_at(a, size)


def create_string_buffer(init, size=None):
    """create_string_buffer(aBytes) -> character array
create_string_buffer(anInteger) -> character array
create_string_buffer(aBytes, anInteger) -> character array
"""
    if isinstance(init, bytes):
        if size is None:
            size = len(init) + 1
        buf = _array_type(c_char, size, 'ctypes')()
        buf.value = init
        return buf
    elif isinstance(init, int):
        return _array_type(c_char, init, 'ctypes')()
    raise TypeError(init)


c_buffer = create_string_buffer


def create_unicode_buffer(init, size=None):
    """create_unicode_buffer(aString) -> character array
create_unicode_buffer(anInteger) -> character array
create_unicode_buffer(aString, anInteger) -> character array
"""
    if isinstance(init, str):
        if size is None:
            size = len(init) + 1
        buf = _array_type(c_wchar, size, 'ctypes')()
        buf.value = init
        return buf
    elif isinstance(init, int):
        return _array_type(c_wchar, init, 'ctypes')()
    raise TypeError(init)


def resize(obj, size):
    """Resize the memory buffer of a ctypes instance"""
    if not isinstance(obj, _CData):
        raise TypeError('excepted ctypes instance')
    size = _index(size)
    if size < type(obj)._size_:
        raise ValueError('minimum size is %d' % type(obj)._size_)
    if obj._b_buf is None:
        raise ValueError("Memory cannot be resized because this object doesn't own it")
    old = sizeof(obj)
    buf, addr = _new_memory(size)
    _c.memmove(addr, obj._b_addr, min(old, size))
    # objects made over the old memory (fields, items) keep it alive
    _keep(obj, ('resize', obj._b_addr), obj._b_buf)
    obj._b_buf = buf
    obj._b_addr = addr
    obj._b_size_ = size


# ---- foreign functions ------------------------------------------------------------------

def _arg(a, i):
    """(descriptor, raw value, object to keep alive) for a call argument
    after from_param (CPython's ConvParam)."""
    if isinstance(a, _CData):
        t = type(a)
        if isinstance(t, PyCSimpleType):
            code = t._type_
            if code in 'zZP':
                return code, _c.read(a._b_addr, 'P'), a
            return code, _c.read(a._b_addr, code), None
        if isinstance(t, (PyCStructType, UnionType)):
            return t._ffi_, a._b_addr, a
        if isinstance(t, PyCArrayType):
            return 'P', a._b_addr, a
        if isinstance(t, (PyCPointerType, PyCFuncPtrType)):
            return 'P', _c.read(a._b_addr, 'P'), a
    if isinstance(a, _CArgObject):
        return 'P', a._obj._b_addr + a._offset, a
    if a is None:
        return 'P', 0, None
    if isinstance(a, int):
        if a >= 1 << 64 or a < -(1 << 63):
            raise ArgumentError('argument %d: OverflowError: int too long to convert' % (i + 1))
        return 'i', a, None
    if isinstance(a, bytes):
        return 'z', _c.addr(a), a
    if isinstance(a, str):
        b = _wbuf(a)
        return 'Z', _c.addr(b), b
    p = getattr(a, '_as_parameter_', None)
    if p is not None:
        return _arg(p, i)
    raise ArgumentError("argument %d: TypeError: Don't know how to convert parameter %d" % (i + 1, i + 1))


def _check_restype(rt):
    if rt is None or callable(rt):
        return rt
    raise TypeError('restype must be a type, a callable, or None')


def _result(rt, raw, rbuf):
    if rt is None:
        return None
    if isinstance(rt, PyCSimpleType):
        if _is_simple_direct(rt):
            if rt._type_ == 'P' and raw == 0:
                return None
            return raw
        obj = rt.__new__(rt)
        _c.write(obj._b_addr, 'P' if rt._type_ in 'zZ' else rt._type_, raw if raw is not None else 0)
        return obj
    if isinstance(rt, (PyCPointerType, PyCFuncPtrType)):
        obj = rt.__new__(rt)
        _c.write(obj._b_addr, 'P', raw)
        return obj
    if isinstance(rt, (PyCStructType, UnionType)):
        return rbuf
    return rt(raw)


def _rdesc(rt):
    if rt is None:
        return 'v'
    if isinstance(rt, PyCSimpleType):
        code = rt._type_
        return code if _is_simple_direct(rt) or code not in 'zZ' else 'P'
    if isinstance(rt, (PyCStructType, UnionType)):
        return rt._ffi_
    if isinstance(rt, _CDataMeta):
        return 'P'
    return 'i'


def _cb_arg(t):
    """A converter from a callback's raw argument to what the Python
    function receives."""
    if _is_simple_direct(t):
        if t._type_ == 'P':
            return lambda raw: None if raw == 0 else raw
        return None
    if isinstance(t, PyCSimpleType):
        def conv(raw, t=t):
            obj = t.__new__(t)
            _c.write(obj._b_addr, 'P' if t._type_ in 'zZ' else t._type_, 0 if raw is None else raw)
            return obj
        return conv
    if isinstance(t, (PyCStructType, UnionType)):
        def conv(raw, t=t):
            obj = t.__new__(t)
            _c.memmove(obj._b_addr, raw, t._size_)
            return obj
        return conv

    def conv(raw, t=t):
        obj = t.__new__(t)
        _c.write(obj._b_addr, 'P', raw)
        return obj
    return conv


def _cb_raw(rt, res):
    """The raw result a callback hands back to C."""
    if rt is None:
        return None
    if isinstance(rt, PyCSimpleType):
        if not isinstance(res, rt):
            res = rt(res)
        code = rt._type_
        return _c.read(res._b_addr, 'P' if code in 'zZ' else code)
    if isinstance(rt, (PyCStructType, UnionType)):
        if not isinstance(res, rt):
            raise TypeError('expected %s instance' % rt.__name__)
        return res._b_addr
    if isinstance(rt, _CDataMeta):
        if res is None:
            return 0
        return _c.read(res._b_addr, 'P')
    return res


class CFuncPtr(_CData, metaclass=PyCFuncPtrType):
    __module__ = '_ctypes'
    _size_ = 8
    _align_ = 8
    _flags_ = FUNCFLAG_CDECL
    _restype_ = None
    _argtypes_ = None
    _name = None
    _callable = None
    _closure = None
    _errcheck = None
    _own_restype = False
    _own_argtypes = False

    def __init__(self, *args):
        if not args:
            return
        a = args[0]
        if isinstance(a, tuple):
            name, dll = a[0], a[1]
            if isinstance(name, int):
                raise TypeError('function ordinals are only supported on Windows')
            addr = _c.dlsym(dll._handle, name)
            _c.write(self._b_addr, 'P', addr)
            self._name = name
            self.__name__ = name
            return
        if isinstance(a, int):
            _c.write(self._b_addr, 'P', a)
            return
        if callable(a):
            cls = type(self)
            argtypes = cls._argtypes_ or ()
            conv = [_cb_arg(t) for t in argtypes]
            rt = cls._restype_
            if rt is not None and not isinstance(rt, PyCSimpleType):
                raise TypeError('invalid result type for callback function')

            def wrapper(*raw):
                args = [r if c is None else c(r) for c, r in zip(conv, raw)]
                return _cb_raw(rt, a(*args))

            code, closure = _c.closure(wrapper, _rdesc(rt) if rt is not None else 'v',
                                       tuple(_desc(t) for t in argtypes), a)
            self._callable = a
            self._closure = closure     # frees the libffi closure when it dies
            _c.write(self._b_addr, 'P', code)
            return
        raise TypeError('argument must be callable or integer function address')

    @property
    def restype(self):
        if self._own_restype:
            return self._restype
        return type(self)._restype_

    @restype.setter
    def restype(self, value):
        self._restype = _check_restype(value)
        self._own_restype = True

    @restype.deleter
    def restype(self):
        raise TypeError('restype cannot be deleted')

    @property
    def argtypes(self):
        if self._own_argtypes:
            return self._argtypes
        return type(self)._argtypes_

    @argtypes.setter
    def argtypes(self, value):
        if value is None:
            self._argtypes = None
        else:
            for i, t in enumerate(value):
                if getattr(t, 'from_param', None) is None:
                    raise TypeError('item %d in _argtypes_ has no from_param method' % (i + 1))
            self._argtypes = value
        self._own_argtypes = True

    @argtypes.deleter
    def argtypes(self):
        self._argtypes = None
        self._own_argtypes = True

    @property
    def errcheck(self):
        return self._errcheck

    @errcheck.setter
    def errcheck(self, value):
        if value is not None and not callable(value):
            raise TypeError('the errcheck attribute must be callable')
        self._errcheck = value

    def __bool__(self):
        return _c.read(self._b_addr, 'P') != 0

    def __repr__(self):
        return '<%s object at %#x>' % (type(self).__name__, id(self))

    def __call__(self, *args, **kwargs):
        if kwargs:
            raise TypeError('call takes no keyword arguments')
        fn = _c.read(self._b_addr, 'P')
        argtypes = self.argtypes
        if argtypes is not None and len(args) < len(argtypes):
            n = len(argtypes)
            raise TypeError('this function takes at least %d argument%s (%d given)'
                            % (n, '' if n == 1 else 's', len(args)))
        descs = []
        vals = []
        keep = []
        for i, a in enumerate(args):
            if argtypes is not None and i < len(argtypes):
                fc = getattr(argtypes[i], '_fastcode_', None)
                if fc is not None:
                    ta = type(a)
                    if fc == 'z':
                        if ta is bytes:
                            descs.append('z')
                            vals.append(_c.addr(a))
                            keep.append(a)
                            continue
                    elif fc in 'fd':
                        if ta is float or ta is int:
                            descs.append(fc)
                            vals.append(a)
                            keep.append(None)
                            continue
                    elif ta is int:
                        descs.append(fc)
                        vals.append(a)
                        keep.append(None)
                        continue
                try:
                    a = argtypes[i].from_param(a)
                except Exception as e:
                    raise ArgumentError('argument %d: %s: %s' % (i + 1, type(e).__name__, e)) from None
            d, v, k = _arg(a, i)
            descs.append(d)
            vals.append(v)
            keep.append(k)
        rt = self.restype
        rbuf = None
        raddr = 0
        if isinstance(rt, (PyCStructType, UnionType)):
            rbuf = rt()
            raddr = rbuf._b_addr
        if fn == 0:
            raise ValueError('NULL function pointer')
        raw = _c.call(fn, _rdesc(rt), raddr, tuple(descs), tuple(vals),
                      _errno if type(self)._flags_ & FUNCFLAG_USE_ERRNO else None)
        result = _result(rt, raw, rbuf)
        if self._errcheck is not None:
            result = self._errcheck(result, self, args)
        del keep
        return result


_c_functype_cache = {}


def CFUNCTYPE(restype, *argtypes, **kw):
    """CFUNCTYPE(restype, *argtypes,
                 use_errno=False, use_last_error=False) -> function prototype.

    restype: the result type
    argtypes: a sequence specifying the argument types

    The function prototype can be called in different ways to create a
    callable object:

    prototype(integer address) -> foreign function
    prototype(callable) -> create and return a C callable function from callable
    prototype(vtbl_index, method_name[, paramflags]) -> foreign function calling a COM method
    prototype((ordinal number, dll object)[, paramflags]) -> foreign function exported by ordinal
    prototype((function name, dll object)[, paramflags]) -> foreign function exported by name
    """
    flags = FUNCFLAG_CDECL
    if kw.pop('use_errno', False):
        flags |= FUNCFLAG_USE_ERRNO
    if kw.pop('use_last_error', False):
        flags |= FUNCFLAG_USE_LASTERROR
    if kw:
        raise ValueError('unexpected keyword argument(s) %s' % kw.keys())
    key = (restype, argtypes, flags)
    r = _c_functype_cache.get(key)
    if r is not None:
        return r

    class CFunctionType(CFuncPtr):
        _argtypes_ = argtypes
        _restype_ = restype
        _flags_ = flags
    if _c.main_heap():
        _c_functype_cache[key] = CFunctionType
    return CFunctionType


PYFUNCTYPE = CFUNCTYPE


class CDLL(object):
    """An instance of this class represents a loaded dll/shared
    library, exporting functions using the standard C calling
    convention (named 'cdecl' on Windows).

    The exported functions can be accessed as attributes, or by
    indexing with the function name.  Examples:

    <obj>.qsort -> callable object
    <obj>['qsort'] -> callable object

    Calling the functions releases the Python GIL during the call and
    reacquires it afterwards.
    """
    _func_flags_ = FUNCFLAG_CDECL
    _func_restype_ = c_int
    _name = '<uninitialized>'
    _handle = 0
    _FuncPtr = None

    def __init__(self, name, mode=DEFAULT_MODE, handle=None,
                 use_errno=False, use_last_error=False, winmode=None):
        if name is not None and not isinstance(name, str):
            f = getattr(type(name), '__fspath__', None)
            if f is not None:
                name = f(name)
        self._name = name
        flags = self._func_flags_
        if use_errno:
            flags |= FUNCFLAG_USE_ERRNO
        if use_last_error:
            flags |= FUNCFLAG_USE_LASTERROR

        class _FuncPtr(CFuncPtr):
            _flags_ = flags
            _restype_ = self._func_restype_
        _FuncPtr.__module__ = 'ctypes'
        _FuncPtr.__qualname__ = 'CDLL.__init__.<locals>._FuncPtr'
        self._FuncPtr = _FuncPtr

        if handle is None:
            self._handle = _c.dlopen(self._name, mode | _c.RTLD_NOW)
        else:
            self._handle = handle

    def __repr__(self):
        return "<%s '%s', handle %x at %#x>" % (type(self).__name__, self._name,
                                                 self._handle & ((1 << 64) - 1), id(self) & ((1 << 64) - 1))

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        func = self.__getitem__(name)
        if _c.main_heap():
            setattr(self, name, func)
        return func

    def __getitem__(self, name_or_ordinal):
        func = self._FuncPtr((name_or_ordinal, self))
        if not isinstance(name_or_ordinal, int):
            func.__name__ = name_or_ordinal
        return func


class PyDLL(CDLL):
    """This class represents the Python library itself.  It allows
    accessing Python API functions.  The GIL is not released, and
    Python exceptions are handled correctly.
    """
    _func_flags_ = FUNCFLAG_CDECL | FUNCFLAG_PYTHONAPI


class LibraryLoader(object):
    def __init__(self, dlltype):
        self._dlltype = dlltype

    def __getattr__(self, name):
        if name[0] == '_':
            raise AttributeError(name)
        try:
            dll = self._dlltype(name)
        except OSError:
            raise AttributeError(name)
        if _c.main_heap():
            setattr(self, name, dll)
        return dll

    def __getitem__(self, name):
        return getattr(self, name)

    def LoadLibrary(self, name):
        return self._dlltype(name)

    __class_getitem__ = classmethod(lambda cls, item: cls)


cdll = LibraryLoader(CDLL)
pydll = LibraryLoader(PyDLL)


# ctypes' private copy of errno: swapped with C's errno around the calls
# of functions made with use_errno=True.
_errno = bytearray(4)


def get_errno():
    return _c.read(_c.addr(_errno), 'i')


def set_errno(value):
    old = get_errno()
    _c.write(_c.addr(_errno), 'i', _index(value))
    return old


from ctypes._endian import BigEndianStructure, LittleEndianStructure
from ctypes._endian import BigEndianUnion, LittleEndianUnion
