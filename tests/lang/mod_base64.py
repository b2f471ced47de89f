import base64
import binascii

samples = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xff\xfe\xfd' * 7]
for s in samples:
    e = base64.b64encode(s)
    print(e[:60], base64.b64decode(e) == s, base64.urlsafe_b64encode(s)[-8:], base64.b32encode(s)[:24],
          base64.b32hexencode(s)[:16], base64.b16encode(s)[:16])
    print(base64.b32decode(base64.b32encode(s)) == s, base64.b32hexdecode(base64.b32hexencode(s)) == s,
          base64.b16decode(base64.b16encode(s)) == s, base64.urlsafe_b64decode(base64.urlsafe_b64encode(s)) == s)
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode('-_8=', altchars='-_'), base64.b64decode('Zm9v'))
print(base64.b64decode(b'Zm9v\nYmFy'), base64.b64decode('Zm9vYg=='), base64.b64decode('Zm9vYg==trailing'), base64.b64decode('Zm$9v'))
print(base64.encodebytes(bytes(range(100))), base64.decodebytes(base64.encodebytes(b'x' * 200)) == b'x' * 200)
print(base64.standard_b64encode(b'hi'), base64.standard_b64decode(b'aGk='), base64.b32decode('mzxw6===', casefold=True), base64.b32decode('0O======', map01=b'L'))
print(base64.b16decode('666f6f', casefold=True), binascii.hexlify(b'\x01\xab'), binascii.unhexlify('01ab'), binascii.b2a_hex(b'abc', '-'))
print(binascii.crc32(b'hello world'), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc_hqx(b'hello', 0))
print(binascii.b2a_base64(b'abc'), binascii.a2b_base64(b'YWJj\n'), issubclass(binascii.Error, ValueError))
for bad in (lambda: base64.b64decode('abc'), lambda: base64.b64decode('a'), lambda: base64.b64decode('abcde'),
            lambda: base64.b64decode('ab$c', validate=True), lambda: base64.b64encode('text'),
            lambda: base64.b64decode('é'), lambda: base64.b32decode('MZXW6'), lambda: base64.b32decode('MZXW6!=='),
            lambda: base64.b16decode('0g'), lambda: base64.b16decode('abc'), lambda: binascii.unhexlify('0'),
            lambda: binascii.unhexlify('zz'), lambda: base64.b64decode(3)):
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
