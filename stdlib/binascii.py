# aithon: native
"""Conversions between binary data and ASCII: base64 (b2a_base64,
a2b_base64), hex (hexlify, unhexlify, b2a_hex, a2b_hex) and crc32."""

__all__ = ['Error', 'Incomplete', 'a2b_base64', 'b2a_base64', 'a2b_hex', 'b2a_hex',
           'hexlify', 'unhexlify', 'crc32', 'crc_hqx']


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


Error.__module__ = 'binascii'
Incomplete.__module__ = 'binascii'

_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64_DEC = [-1] * 256
for _i, _c in enumerate(_B64):
    _B64_DEC[_c] = _i
del _i, _c


def _bytes_arg(data, fname):
    if isinstance(data, (bytes, bytearray)):
        return data
    if isinstance(data, memoryview):
        return data.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def _ascii_arg(data):
    # a2b_* functions take bytes or an ASCII str.
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters') from None
    if isinstance(data, (bytes, bytearray)):
        return data
    if isinstance(data, memoryview):
        return data.tobytes()
    raise TypeError("argument should be bytes, buffer or ASCII string, not '%s'"
                    % type(data).__name__)


def b2a_base64(data, *, newline=True):
    """Base64-code line of data."""
    data = _bytes_arg(data, 'b2a_base64')
    out = bytearray()
    n = len(data)
    full = n - n % 3
    table = _B64
    for i in range(0, full, 3):
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out.append(table[v >> 18])
        out.append(table[(v >> 12) & 63])
        out.append(table[(v >> 6) & 63])
        out.append(table[v & 63])
    rest = n - full
    if rest == 1:
        v = data[full] << 16
        out += bytes((table[v >> 18], table[(v >> 12) & 63], 61, 61))
    elif rest == 2:
        v = (data[full] << 16) | (data[full + 1] << 8)
        out += bytes((table[v >> 18], table[(v >> 12) & 63], table[(v >> 6) & 63], 61))
    if newline:
        out.append(10)
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    """Decode a line of base64 data."""
    data = _ascii_arg(data)
    out = bytearray()
    dec = _B64_DEC
    acc = 0
    quad = 0
    pads = 0
    ndata = 0
    padding_started = False
    if strict_mode and data[:1] == b'=':
        raise Error('Leading padding not allowed')
    for pos in range(len(data)):
        c = data[pos]
        if c == 61:     # '='
            padding_started = True
            if quad >= 2:
                pads += 1
                if quad + pads >= 4:
                    if strict_mode and pos + 1 < len(data):
                        raise Error('Excess data after padding')
                    if quad == 2:
                        out.append((acc >> 4) & 255)
                    else:
                        out.append((acc >> 10) & 255)
                        out.append((acc >> 2) & 255)
                    return bytes(out)
            continue
        v = dec[c]
        if v < 0:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        if strict_mode and padding_started:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        ndata += 1
        acc = (acc << 6) | v
        quad += 1
        if quad == 4:
            out.append((acc >> 16) & 255)
            out.append((acc >> 8) & 255)
            out.append(acc & 255)
            acc = 0
            quad = 0
    if quad:
        if quad == 1:
            raise Error('Invalid base64-encoded string: number of data characters (%d) cannot '
                        'be 1 more than a multiple of 4' % ndata)
        raise Error('Incorrect padding')
    return bytes(out)


def b2a_hex(data, sep=None, bytes_per_sep=1):
    """Hexadecimal representation of binary data."""
    data = _bytes_arg(data, 'b2a_hex')
    if sep is None:
        return bytes(data).hex().encode('ascii')
    return bytes(data).hex(sep, bytes_per_sep).encode('ascii')


hexlify = b2a_hex


def unhexlify(hexstr):
    """Binary data of hexadecimal representation."""
    data = _ascii_arg(hexstr)
    if len(data) % 2:
        raise Error('Odd-length string')
    for c in data:
        if not (48 <= c <= 57 or 65 <= c <= 70 or 97 <= c <= 102):
            raise Error('Non-hexadecimal digit found')
    return bytes.fromhex(bytes(data).decode('ascii'))


a2b_hex = unhexlify

_CRC_TABLE = []
for _n in range(256):
    _c = _n
    for _k in range(8):
        _c = (0xEDB88320 ^ (_c >> 1)) if _c & 1 else (_c >> 1)
    _CRC_TABLE.append(_c)
del _n, _c, _k


def crc32(data, crc=0):
    """Compute CRC-32 incrementally."""
    data = _bytes_arg(data, 'crc32')
    crc = (crc & 0xFFFFFFFF) ^ 0xFFFFFFFF
    table = _CRC_TABLE
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def crc_hqx(data, crc):
    """Compute CRC-CCITT incrementally."""
    data = _bytes_arg(data, 'crc_hqx')
    crc &= 0xFFFF
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc
