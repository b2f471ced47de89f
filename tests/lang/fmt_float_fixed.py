# '%.Nf', format(x, '.Nf') and '{:#.Nf}' of floats: the fixed-point
# printer (objects/format.c fixed_fast) rounds the binary value, ties to
# even, as printf does: ties, halfway-looking decimals, subnormals, huge
# values, negative zero, precisions 0..17 and beyond.
import random
import struct

random.seed(7)
vals = [0.0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 1e15, 123456789.125, 9.995, 0.045,
        1e-5, 5e-324, 1.7976931348623157e308, 1e17, 1e18, 1e22, 2**60 + 0.0, 0.1, 0.7,
        4503599627370495.5, 1e-300, 131072.00000000003]
for _ in range(40):
    vals.append(random.random() * 10 ** random.randint(-12, 20))
    vals.append(struct.unpack('d', struct.pack('Q', random.getrandbits(62)))[0])
    vals.append(round(random.uniform(0, 1000), 3))
    vals.append(random.randint(0, 10**6) / 8)

def digest(strings):
    h = 0
    for s in strings:
        for c in s:
            h = (h * 131 + ord(c)) % 2147483647
        h = (h * 131 + 10) % 2147483647
    return h

for p in (0, 1, 2, 3, 6, 10, 15, 17, 20):
    texts = []
    for v in vals:
        texts.append('%.*f' % (p, v))
        texts.append(format(-v, '.%df' % p))
        texts.append('{:#.{}f}'.format(v, p))
    print(p, digest(texts), texts[:8])
print(['%.2f' % v for v in vals[:25]])
print([f'{v:10.3f}|{v:<12,.2f}|{v:+.1f}' for v in (2.675, 1234567.125, 0.045)])
