import hashlib

for name in ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'):
    f = getattr(hashlib, name)
    for data in (b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 63, b'a' * 64, b'a' * 111, b'a' * 112,
                 b'a' * 128, bytes(range(256)) * 5, 'héllo wörld'.encode()):
        print(name, len(data), f(data).hexdigest())
    h = f()
    print(h.name, h.digest_size, h.block_size, type(h.digest()).__name__)

h = hashlib.sha256()
h.update(b'The quick brown fox ')
c = h.copy()
h.update(b'jumps over the lazy dog')
print(h.hexdigest(), c.hexdigest())
c.update(bytearray(b'jumps over the lazy dog'))
print(c.hexdigest() == h.hexdigest(), h.digest()[:4])
print(hashlib.new('SHA256', b'x').hexdigest(), hashlib.new('md5').hexdigest())
m = hashlib.md5()
for i in range(1000):
    m.update(str(i).encode())
print(m.hexdigest())
print(sorted(hashlib.algorithms_guaranteed & {'md5', 'sha1', 'sha256'}))
for bad in (lambda: hashlib.md5('text'), lambda: hashlib.sha1().update('x'), lambda: hashlib.new('nope')):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
