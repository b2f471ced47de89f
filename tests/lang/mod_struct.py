import struct


def unpack_from_short():
    return struct.unpack_from('<i', b'\x00\x00', 0)

from struct import pack, unpack, calcsize, Struct

print(pack('<i', 1), pack('>i', 1), pack('!h', -2), pack('<Q', 2**64 - 1), pack('<q', -1))
print(pack('<3sx2p?c', b'abcdef', b'xyz', True, b'!'), unpack('<3sx2p?c', b'abc\x00\x01x\x01!'))
print(pack('<dfe', 1.5, -2.25, 0.333), unpack('<dfe', pack('<dfe', 1.5, -2.25, 0.333)))
print(pack('>d', 0.1).hex(), unpack('>f', pack('>f', 0.1)), unpack('<e', pack('<e', 65504.0)), unpack('<e', pack('<e', 1e-7)))
print(calcsize('i'), calcsize('ci'), calcsize('<ci'), calcsize('bhiq'), calcsize('@lL'), calcsize('=lL'), calcsize('3s2xH'), calcsize('0i'), calcsize('P'), calcsize('n'))
print(pack('ci', b'a', 7), pack('bhq', 1, 2, 3), unpack('bhq', pack('bhq', -1, -2, -3)))
print(unpack('<4B', b'\x01\x02\x03\x04'), unpack('>HH', b'\x01\x02\x03\x04'), unpack('<I', bytearray(b'\xff\xff\xff\xff')))
s = Struct('<hhl')
print(s.size, s.format, s.pack(1, 2, 3), s.unpack(s.pack(1, 2, 3)))
buf = bytearray(12)
s.pack_into(buf, 2, 5, 6, 7)
print(buf, s.unpack_from(buf, 2), struct.unpack_from('<h', buf, offset=4))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
print(pack('<?', 0), pack('<?', 'x'), unpack('<??', b'\x00\x05'), pack('3i', 1, 2, 3) == pack('iii', 1, 2, 3))
print(pack('>10s', b'hi'), unpack('>10s', b'hi' + b'\x00' * 8), pack('<5p', b'hello world'))
print(pack('<f', float('inf')), unpack('<d', pack('<d', float('-inf'))), pack(b'<h', 3))
for bad in (lambda: pack('<h', 40000), lambda: pack('<B', -1), lambda: pack('<b', 200), lambda: pack('<I', -1),
            lambda: pack('<q', 2**63), lambda: pack('q', 2**63), lambda: pack('<i', 1.5), lambda: pack('<i'),
            lambda: pack('<i', 1, 2), lambda: unpack('<i', b'\x00'), lambda: pack('<y', 1), lambda: pack('<3s', 'abc'),
            lambda: pack('<c', b'ab'), lambda: pack('<d', 'x'), lambda: unpack_from_short(), lambda: calcsize('<P'),
            lambda: pack('<f', 1e300), lambda: list(struct.iter_unpack('<h', b'\x00\x00\x00')), lambda: pack('<H', 2**16), lambda: pack('<H', -1),
            lambda: pack('<L', -1), lambda: pack('I', 2**32), lambda: pack('<l', 2**31), lambda: pack('l', 2**63)):
    try:
        print(bad())
    except (struct.error, TypeError, OverflowError) as e:
        print(type(e).__name__, e)


print(issubclass(struct.error, Exception), struct.error.__module__)
