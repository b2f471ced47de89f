# aithon: native
"""Arrays of numeric values with a fixed C type: array(typecode[,
initializer]) with the typecodes b B u h H i I l L q Q f d, the list
methods, tobytes/frombytes (machine byte order, x86-64 sizes), byteswap,
and CPython's range errors. The items are kept as Python values (checked
and, for f, rounded to single precision on the way in)."""

import struct as _struct

__all__ = ['array', 'ArrayType', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

_INFO = {
    # code: (itemsize, signed, struct code, overflow names)
    'b': (1, True, 'b'), 'B': (1, False, 'B'), 'u': (4, None, None), 'h': (2, True, 'h'),
    'H': (2, False, 'H'), 'i': (4, True, 'i'), 'I': (4, False, 'I'), 'l': (8, True, 'q'),
    'L': (8, False, 'Q'), 'q': (8, True, 'q'), 'Q': (8, False, 'Q'), 'f': (4, None, 'f'),
    'd': (8, None, 'd'),
}

_OVERFLOW = {
    'b': ('signed char is less than minimum', 'signed char is greater than maximum'),
    'B': ('unsigned byte integer is less than minimum',
          'unsigned byte integer is greater than maximum'),
    'h': ('signed short integer is less than minimum',
          'signed short integer is greater than maximum'),
    'H': ('unsigned short is less than minimum', 'unsigned short is greater than maximum'),
    'i': ('signed integer is less than minimum', 'signed integer is greater than maximum'),
    'I': ("can't convert negative value to unsigned int", 'unsigned int is greater than maximum'),
    'l': ('signed long is less than minimum', 'signed long is greater than maximum'),
    'L': ('unsigned long is less than minimum', 'unsigned long is greater than maximum'),
    'q': ('signed long long is less than minimum', 'signed long long is greater than maximum'),
    'Q': ("can't convert negative int to unsigned", 'int too big to convert'),
}


def _conv(code, v):
    size, signed, sc = _INFO[code]
    if code == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError('array item must be unicode character')
        return v
    if code in 'fd':
        if not isinstance(v, (int, float)):
            raise TypeError('must be real number, not %s' % type(v).__name__)
        v = float(v)
        if code == 'f':
            v = _struct.unpack('f', _struct.pack('f', v))[0]
        return v
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if not isinstance(v, int):
        if hasattr(type(v), '__index__'):
            v = type(v).__index__(v)
        else:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(v).__name__)
    bits = size * 8
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    if v < lo:
        raise OverflowError(_OVERFLOW[code][0])
    if v > hi:
        raise OverflowError(_OVERFLOW[code][1])
    return int(v)


class array:
    """array(typecode [, initializer]) -> array"""

    __slots__ = ('_code', '_items')

    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s'
                            % type(typecode).__name__)
        if typecode not in _INFO:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self._code = typecode
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError('cannot use a str to initialize an array with typecode '
                                "'%s'" % typecode)
            self._items = list(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if typecode == 'u' and initializer._code != 'u' or \
                    typecode != 'u' and initializer._code == 'u':
                raise TypeError('cannot use a unicode array to initialize an array with '
                                "typecode '%s'" % typecode)
            self.extend(initializer._items)
        else:
            self.extend(initializer)

    @property
    def typecode(self):
        return self._code

    @property
    def itemsize(self):
        return _INFO[self._code][0]

    def _new(self, items):
        a = array(self._code)
        a._items = items
        return a

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, i):
        # Fast path first (an int index in range): numeric loops index
        # arrays item by item, and no try block is set up for them.
        items = self._items
        if type(i) is int and -len(items) <= i < len(items):
            return items[i]
        if isinstance(i, slice):
            return self._new(self._items[i])
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, v):
        # Fast path: a float into a 'd' array at an int index in range
        # (already a C double: nothing to check or round).
        items = self._items
        if type(v) is float and type(i) is int and self._code == 'd' and \
                -len(items) <= i < len(items):
            items[i] = v
            return
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(v).__name__)
            if v._code != self._code:
                raise TypeError('bad argument type for built-in operation')
            self._items[i] = list(v._items)
            return
        try:
            self._items[i] = _conv(self._code, v)
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        try:
            del self._items[i]
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self._code
        if self._code == 'u':
            return "array('u', %r)" % ''.join(self._items)
        return "array('%s', %r)" % (self._code, self._items)

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items >= other._items

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other._code != self._code:
            raise TypeError('bad argument type for built-in operation')
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")'
                            % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        return self._new(self._items * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self._new(list(self._items))

    def __reduce__(self):
        return (array, (self._code, list(self._items)))

    def append(self, v):
        """Append new value v to the end of the array."""
        self._items.append(_conv(self._code, v))

    def extend(self, iterable):
        """Append items to the end of the array."""
        if isinstance(iterable, array):
            if iterable._code != self._code:
                raise TypeError('can only extend with array of same kind')
            self._items.extend(iterable._items)
            return
        code = self._code
        self._items.extend([_conv(code, v) for v in iterable])

    def insert(self, i, v):
        """Insert a new item v into the array before position i."""
        self._items.insert(i, _conv(self._code, v))

    def pop(self, i=-1):
        """Return the i-th element and delete it from the array."""
        if not self._items:
            raise IndexError('pop from empty array')
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, v):
        """Remove the first occurrence of v in the array."""
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=None):
        """Return index of first occurrence of v in the array."""
        try:
            if stop is None:
                return self._items.index(v, start)
            return self._items.index(v, start, stop)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None

    def count(self, v):
        """Return number of occurrences of v in the array."""
        return self._items.count(v)

    def reverse(self):
        """Reverse the order of the items in the array."""
        self._items.reverse()

    def tolist(self):
        """Convert array to an ordinary list with the same items."""
        return list(self._items)

    def fromlist(self, lst):
        """Append items to array from list."""
        if not isinstance(lst, list):
            raise TypeError('arg must be list')
        code = self._code
        self._items.extend([_conv(code, v) for v in lst])

    def tounicode(self):
        if self._code != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._items)

    def fromunicode(self, s):
        if self._code != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._items.extend(s)

    def tobytes(self):
        """Convert the array to an array of machine values and return the
        bytes representation."""
        if self._code == 'u':
            return ''.join(self._items).encode('utf-32-le') if self._items else b''
        return _struct.pack('<%d%s' % (len(self._items), _INFO[self._code][2]), *self._items)

    def frombytes(self, buffer):
        """Appends items from the string, interpreting it as an array of
        machine values."""
        if isinstance(buffer, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        size = self.itemsize
        if len(buffer) % size:
            raise ValueError('bytes length not a multiple of item size')
        n = len(buffer) // size
        if self._code == 'u':
            self._items.extend(bytes(buffer).decode('utf-32-le'))
            return
        self._items.extend(_struct.unpack('<%d%s' % (n, _INFO[self._code][2]), bytes(buffer)))

    def tofile(self, f):
        """Write all items (as machine values) to the file object f."""
        f.write(self.tobytes())

    def fromfile(self, f, n):
        """Read n objects from the file object f and append them to the end
        of the array."""
        data = f.read(n * self.itemsize)
        self.frombytes(data[:len(data) - len(data) % self.itemsize])
        if len(data) < n * self.itemsize:
            raise EOFError('read() didn\'t return enough bytes')

    def byteswap(self):
        """Byteswap all items of the array."""
        if self._code == 'u':
            raise RuntimeError("don't know how to byteswap this array type")
        size = self.itemsize
        data = self.tobytes()
        swapped = b''.join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items = []
        self.frombytes(swapped)

    def buffer_info(self):
        """Return a tuple (address, length) giving the current memory
        address and the length in items (the address is the object's id)."""
        return (id(self), len(self._items))

    def __sizeof__(self):
        return 64 + self.itemsize * len(self._items)


ArrayType = array

# CPython writes these classes in C: its messages name them by their C type names.
from _aithon import c_type_name as _c_type_name
_c_type_name(array, "array.array")
