# complex(): from strings, numbers and (real, imag) pairs, with CPython's
# errors; format specs of complex numbers.
inputs = ["1+2j", " ( -1.5-0.25J ) ", "j", "-j", "+1.5", "1e3-2.5E-1j", "1_000j", "infj",
          "-inf+nanj", "nan", ".5j", "5.", "(1+2j", "1 + 2j", "0x1j", "", "  ", "1__0", "_1",
          "1e500j", "abc"]
for s in inputs:
    try:
        print(repr(s), "->", complex(s))
    except ValueError as e:
        print(repr(s), "->", "ValueError:", e)

print(complex(), complex(2), complex(2.5), complex(True), complex(1, 2), complex(1.5, -0.5))
print(complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(real=3), complex(imag=2), complex(1, imag=2))
z = 1 + 2j
print(complex(z) is z, complex(2 ** 60))

bad = [
    lambda: complex("1", 2),
    lambda: complex(1, "2"),
    lambda: complex([]),
    lambda: complex(1, []),
    lambda: complex(1, 2, 3),
    lambda: complex(x=1),
    lambda: complex(2 ** 2000),
]
for f in bad:
    try:
        print(f())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)

for v in [1 + 2j, 2j, -0.0 - 0j, complex(1234567.891, -0.000123), complex(float("nan"), float("inf"))]:
    print(f"{v}|{v:.2f}|{v:>24}|{v:<24}|{v:^24.3e}|{v:+.1f}|{v:.3}|{v:,.2f}|{v:g}|{v:E}")
for spec in ["010", "=10", "%", "x"]:
    try:
        print(format(1 + 2j, spec))
    except ValueError as e:
        print(spec, "ValueError:", e)


# Objects that convert: __complex__ (first argument only), __float__, __index__.
class Impedance:
    def __complex__(self):
        return 50 - 25j


class Ratio:
    def __float__(self):
        return 0.75


class Count:
    def __index__(self):
        return 3


class Broken:
    def __complex__(self):
        return 1


for f in [lambda: complex(Impedance()), lambda: complex(Ratio(), Count()), lambda: complex(Impedance(), 1),
          lambda: complex(1, Impedance()), lambda: complex(Broken())]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
