# aithon: native
"""Conversion between Python values and C structs represented as bytes:
pack, unpack, calcsize, pack_into, unpack_from, iter_unpack and Struct,
with CPython's formats (byte order, sizes and alignment of x86-64 Linux)
and struct.error messages."""

from _aithon import float_pack as _float_pack, float_unpack as _float_unpack

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'Struct',
           'error']


class error(Exception):
    pass


error.__module__ = 'struct'

# code -> (native size, standard size); native alignment is the size.
_SIZES = {'x': (1, 1), 'c': (1, 1), 'b': (1, 1), 'B': (1, 1), '?': (1, 1), 'h': (2, 2),
          'H': (2, 2), 'i': (4, 4), 'I': (4, 4), 'l': (8, 4), 'L': (8, 4), 'q': (8, 8),
          'Q': (8, 8), 'n': (8, 0), 'N': (8, 0), 'e': (2, 2), 'f': (4, 4), 'd': (8, 8),
          's': (1, 1), 'p': (1, 1), 'P': (8, 0)}
_SIGNED = 'bhilqn'
_UNSIGNED = 'BHILQNP'


class _Format:
    __slots__ = ('size', 'items', 'nargs', 'little', 'native')

    def __init__(self, fmt):
        if isinstance(fmt, bytes):
            fmt = fmt.decode('latin-1')
        elif not isinstance(fmt, str):
            raise TypeError("Struct() argument 1 must be a str or bytes object, not %s"
                            % type(fmt).__name__)
        i = 0
        n = len(fmt)
        native = True
        little = True
        if n and fmt[0] in '@=<>!':
            c = fmt[0]
            i = 1
            if c != '@':
                native = False
                little = c in '=<'
        items = []      # (code, offset, count, size)
        offset = 0
        nargs = 0
        while i < n:
            c = fmt[i]
            if c.isspace():
                i += 1
                continue
            count = 1
            if c.isdigit():
                j = i
                while j < n and fmt[j].isdigit():
                    j += 1
                count = int(fmt[i:j])
                if j >= n:
                    raise error('repeat count given without format specifier')
                i = j
                c = fmt[i]
            i += 1
            sizes = _SIZES.get(c)
            if sizes is None or (not native and sizes[1] == 0):
                raise error('bad char in struct format')
            size = sizes[0] if native else sizes[1]
            if native and c not in 'sp' and size > 1:
                offset = (offset + size - 1) // size * size
            if c in 'sp':
                items.append((c, offset, count, count))
                offset += count
                nargs += 1
            elif c == 'x':
                offset += count
            else:
                for _ in range(count):
                    items.append((c, offset, 1, size))
                    offset += size
                nargs += count
        self.size = offset
        self.items = items
        self.nargs = nargs
        self.little = little
        self.native = native


_cache = {}


def _int_range_error(code, size, signed, v, lo, hi):
    if size == 8 or (not signed and v < 0 and size >= 4):
        return error('argument out of range')
    if size == 1:
        what = 'byte' if signed else 'ubyte'
    elif size == 2:
        what = 'short' if signed else 'ushort'
    else:
        what = "'%s'" % code
    return error('%s format requires %d <= number <= %d' % (what, lo, hi))


def _pack_items(f, args, buf, base):
    order = 'little' if f.little else 'big'
    for (code, off, count, size), v in zip(f.items, args):
        off += base
        if code in 'sp':
            if not isinstance(v, (bytes, bytearray)):
                raise error("argument for '%s' must be a bytes object" % code)
            if code == 's':
                data = bytes(v[:count])
                buf[off:off + len(data)] = data
            else:
                if count == 0:
                    continue
                data = bytes(v[:count - 1])
                buf[off] = min(len(data), 255)
                buf[off + 1:off + 1 + len(data)] = data
        elif code == 'c':
            if not isinstance(v, (bytes, bytearray)) or len(v) != 1:
                raise error('char format requires a bytes object of length 1')
            buf[off] = v[0]
        elif code == '?':
            buf[off] = 1 if v else 0
        elif code in 'fd':
            if not isinstance(v, (int, float)) and not hasattr(type(v), '__float__'):
                raise error('required argument is not a float')
            buf[off:off + size] = _float_pack(float(v), size, f.little)
        elif code == 'e':
            buf[off:off + 2] = _half_pack(v, f.little)
        else:
            if not isinstance(v, int):
                if hasattr(type(v), '__index__'):
                    v = type(v).__index__(v)
                else:
                    raise error('required argument is not an integer')
            signed = code in _SIGNED
            bits = size * 8
            if signed:
                lo = -(1 << (bits - 1))
                hi = (1 << (bits - 1)) - 1
            else:
                lo = 0
                hi = (1 << bits) - 1
            if not lo <= v <= hi:
                raise _int_range_error(code, size, signed, v, lo, hi)
            buf[off:off + size] = int(v).to_bytes(size, order, signed=signed)


def _unpack_items(f, data, base):
    order = 'little' if f.little else 'big'
    out = []
    for code, off, count, size in f.items:
        off += base
        if code == 's':
            out.append(bytes(data[off:off + count]))
        elif code == 'p':
            if count == 0:
                out.append(b'')
                continue
            n = min(data[off], count - 1)
            out.append(bytes(data[off + 1:off + 1 + n]))
        elif code == 'c':
            out.append(bytes(data[off:off + 1]))
        elif code == '?':
            out.append(data[off] != 0)
        elif code in 'fd':
            out.append(_float_unpack(bytes(data[off:off + size]), f.little))
        elif code == 'e':
            out.append(_half_unpack(bytes(data[off:off + 2]), f.little))
        else:
            out.append(int.from_bytes(data[off:off + size], order, signed=code in _SIGNED))
    return tuple(out)


def _half_pack(v, little):
    # IEEE 754 binary16, rounding half to even.
    import math
    if not isinstance(v, (int, float)):
        raise error('required argument is not a float')
    x = float(v)
    sign = 0x8000 if math.copysign(1.0, x) < 0 else 0
    x = abs(x)
    if x != x:
        bits = 0x7e00
    elif x == math.inf:
        bits = 0x7c00
    elif x == 0:
        bits = 0
    else:
        m, e = math.frexp(x)          # x = m * 2**e, 0.5 <= m < 1
        if e > 16:
            raise OverflowError('float too large to pack with e format')
        if e < -13:
            # subnormal: units of 2**-24
            q = x * (1 << 24)
            r = round(q)
            bits = int(r)
        else:
            q = (m * 2 - 1) * 1024        # 10 fraction bits
            r = round(q)
            exp = e - 1 + 15
            if r == 1024:
                r = 0
                exp += 1
            if exp >= 31:
                raise OverflowError('float too large to pack with e format')
            bits = (exp << 10) | int(r)
    bits |= sign
    return bits.to_bytes(2, 'little' if little else 'big')


def _half_unpack(b, little):
    import math
    bits = int.from_bytes(b, 'little' if little else 'big')
    sign = -1.0 if bits & 0x8000 else 1.0
    exp = (bits >> 10) & 0x1f
    frac = bits & 0x3ff
    if exp == 0x1f:
        return sign * math.inf if frac == 0 else math.nan
    if exp == 0:
        return sign * math.ldexp(frac, -24)
    return sign * math.ldexp(frac + 1024, exp - 25)


def _buffer(data):
    if isinstance(data, (bytes, bytearray)):
        return data
    if isinstance(data, memoryview):
        return data.tobytes()
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


class Struct:
    """Struct(fmt) --> compiled struct object"""

    def __init__(self, format):
        self._f = _Format(format)
        self.format = format.decode('latin-1') if isinstance(format, bytes) else format

    @property
    def size(self):
        """struct size in bytes"""
        return self._f.size

    def pack(self, *args):
        f = self._f
        if len(args) != f.nargs:
            raise error('pack expected %d items for packing (got %d)' % (f.nargs, len(args)))
        buf = bytearray(f.size)
        _pack_items(f, args, buf, 0)
        return bytes(buf)

    def pack_into(self, buffer, offset, *args):
        f = self._f
        if len(args) != f.nargs:
            raise error('pack_into expected %d items for packing (got %d)'
                        % (f.nargs, len(args)))
        if not isinstance(buffer, bytearray):
            raise TypeError('argument must be read-write bytes-like object, not %s'
                            % type(buffer).__name__)
        n = len(buffer)
        if offset < 0:
            if offset + f.size > 0:
                raise error('no space to pack %d bytes at offset %d' % (f.size, offset))
            if offset + n < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, n))
            offset += n
        if n - offset < f.size:
            if offset > n:
                raise error('offset %d out of range for %d-byte buffer' % (offset, n))
            raise error('pack_into requires a buffer of at least %d bytes for packing %d bytes '
                        'at offset %d (actual buffer size is %d)'
                        % (f.size + offset, f.size, offset, n))
        tmp = bytearray(f.size)
        _pack_items(f, args, tmp, 0)
        buffer[offset:offset + f.size] = tmp

    def unpack(self, buffer):
        f = self._f
        data = _buffer(buffer)
        if len(data) != f.size:
            raise error('unpack requires a buffer of %d bytes' % f.size)
        return _unpack_items(f, data, 0)

    def unpack_from(self, buffer, offset=0):
        f = self._f
        data = _buffer(buffer)
        n = len(data)
        if offset < 0:
            if offset + n < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, n))
            offset += n
        if n - offset < f.size:
            if offset > n:
                raise error('offset %d out of range for %d-byte buffer' % (offset, n))
            raise error('unpack_from requires a buffer of at least %d bytes for unpacking %d '
                        'bytes at offset %d (actual buffer size is %d)'
                        % (f.size + offset, f.size, offset, n))
        return _unpack_items(f, data, offset)

    def iter_unpack(self, buffer):
        f = self._f
        data = _buffer(buffer)
        if f.size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        if len(data) % f.size:
            raise error('iterative unpacking requires a buffer of a multiple of %d bytes'
                        % f.size)
        return _iter(f, data)

    def __repr__(self):
        return 'Struct(%r)' % (self.format,)


def _iter(f, data):
    for base in range(0, len(data), f.size):
        yield _unpack_items(f, data, base)


def _struct(fmt):
    s = _cache.get(('S', fmt))
    if s is None:
        s = Struct(fmt)
        if len(_cache) > 200:
            _cache.clear()
        _cache[('S', fmt)] = s
    return s


def calcsize(format):
    """Return size in bytes of the struct described by the format string."""
    return _struct(format).size


def pack(format, *args):
    """pack(format, v1, v2, ...) -> bytes"""
    return _struct(format).pack(*args)


def pack_into(format, buffer, offset, *args):
    """Pack the values according to the format string and write them into
    buffer starting at offset."""
    _struct(format).pack_into(buffer, offset, *args)


def unpack(format, buffer):
    """Unpack the buffer according to the format string (len(buffer) must
    be calcsize(format))."""
    return _struct(format).unpack(buffer)


def unpack_from(format, /, buffer, offset=0):
    """Unpack from the buffer starting at offset."""
    return _struct(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    """An iterator of tuples unpacked from the buffer, size by size."""
    return _struct(format).iter_unpack(buffer)

# CPython writes these classes in C: its messages name them by their C type names.
from _aithon import c_type_name as _c_type_name
_c_type_name(Struct, "_struct.Struct")
