# repr(float) for short decimals (m * 10**-k) and everything around them:
# the shortest string that reads back, the nearest one when several do.
import struct

vals = [0.5, 1234.25, 1e-7, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 100.0, 1e15, 1e15 - 1, 999999999999999.0,
        999999999999999.9, 123456789012345.6, 12345678901234.56, 9007199254740992.0, 9007199254740993.0,
        1e16, 1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.001, 0.0001, 0.00001,
        1e-4, 9.999999999999999e-5, 123e-20, 4.35, 2.675, 1.1, 1.15, 1e-22, 1.5e-22, 3e-23]
x = 0.0
for i in range(1, 300):
    vals.append(i * 0.5)
    vals.append(i / 10)
    vals.append(i / 1000)
    vals.append(i * 0.01)
    vals.append(i * 1.1)
    vals.append(i / 7)
    vals.append(float(i) ** 3.5)
    vals.append(1.0 / i)
    x += 0.1
    vals.append(x)
seed = 12345
for i in range(400):
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    bits = seed >> 1
    d = struct.unpack("<d", struct.pack("<Q", bits))[0]
    if d == d and d not in (float("inf"), float("-inf")):
        vals.append(d)
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    vals.append((seed % 10**12) / 10 ** (seed % 19))
h = 0
for v in vals:
    for w in (v, -v):
        r = repr(w)
        for ch in r:
            h = (h * 131 + ord(ch)) % 1000000007
        if float(r) != w:
            print("does not read back:", r)
print(len(vals), h)
print([repr(v) for v in vals[:40]])
print([str(v) for v in vals[40:100]])
