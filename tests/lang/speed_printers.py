# repr(float) (shortest round trip, with an exact fast path for short
# decimals) and str(int) (a digit-pair printer) must print what CPython does.
import random, math
random.seed(7)
vals = [0.1, 0.2, 0.3, 1/3, 2/3, 1e22, 1e23, 1e-5, 5e-324, 1.7976931348623157e308, 123456789012345.6,
        9007199254740993.0, 0.1 + 0.2, 1e16, 1e15, 123.456, 2.5, 1e-7, 4.35, 0.000123, 1e21, 1e-22, 3e-23]
for i in range(3000):
    vals.append(math.ldexp(random.getrandbits(53) | 1, random.randint(-1100, 970)))
    vals.append(random.random() * 10 ** random.randint(-30, 30))
    vals.append(round(random.random() * 1000, random.randint(0, 6)))
    vals.append(random.randint(1, 10**15) / 10 ** random.randint(0, 20))
h = 0
for v in vals:
    r = repr(v)
    for c in r:
        h = (h * 31 + ord(c)) & 0xffffffffffff
print(len(vals), h)
print([repr(v) for v in vals[:23]])
print([str(i) for i in (0, -1, 9, 10, 99, 100, -100, 4611686018427387903, -4611686018427387904, 2**62, -2**62 - 1)])
