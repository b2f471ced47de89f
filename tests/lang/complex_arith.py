# complex numbers: literals, arithmetic mixed with int and float, abs,
# conjugate, real/imag, comparisons, hashing and CPython's repr.
z = 3 + 4j
w = complex(1, -2)
print(z, w, 2j, -1j, 1e20j, 0j, -0j)
print(z + w, z - w, z * w, z / w)
print(z + 1, 1 + z, z * 2.5, 2.5 * z, z / 2, 10 / z, z - True)
print(abs(z), abs(-5j), abs(complex(1e308, 1e308)))
print(z.real, z.imag, z.conjugate(), type(z.real).__name__)
print((5).real, (5).imag, (2.5).imag)
print(-z, +z, -(0j))
print(z ** 2, z ** 0, z ** -1, (1 + 1j) ** 10, 1j ** 2, 2 ** 1j)
print((2 + 3j) ** (1 + 1j), z ** 0.5)
print((-8) ** (1 / 3), (-1.0) ** 0.5, (-2) ** 1.5)
print(z == 3 + 4j, z != w, 1 + 0j == 1, 2.5 + 0j == 2.5, z == 3)
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(2j), hash(z))
print(len({1, 1.0, 1 + 0j, True}), {z: "z"}[3 + 4j])
print(bool(0j), bool(1e-300j), bool(z))
print(sum([1j, 2, 0.5, z]), sorted([abs(c) for c in (z, w, 1j)]))
print([z, w], (z,), {z: w}, str(z), repr(w), f"{z}", "%s" % w, "{}".format(z))
print(type(z).__name__, isinstance(z, complex), isinstance(1, complex))


def roots(a, b, c):
    """Roots of a*x**2 + b*x + c, complex when the discriminant is negative."""
    d = (b * b - 4 * a * c) ** 0.5
    return (-b + d) / (2 * a), (-b - d) / (2 * a)


print(roots(1, -3, 2))
print(roots(1, 2, 5))


def mandelbrot_escape(c, limit=50):
    z = 0j
    for n in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return n
    return limit


for c in [0j, 1 + 1j, -1 + 0j, 0.3 + 0.5j, -0.75 + 0.1j]:
    print(c, mandelbrot_escape(c))

errors = [
    ("1j / 0", lambda: 1j / 0),
    ("0j ** -1", lambda: 0j ** -1),
    ("(1 + 2j) < (2 + 1j)", lambda: (1 + 2j) < (2 + 1j)),
    ("(1 + 2j) // 1", lambda: (1 + 2j) // 1),
    ("(1 + 2j) % 2", lambda: (1 + 2j) % 2),
    ("divmod(1j, 1)", lambda: divmod(1j, 1)),
    ("int(1j)", lambda: int(1j)),
    ("float(1j)", lambda: float(1j)),
    ("(1e200 + 1e200j) ** 2.5", lambda: (1e200 + 1e200j) ** 2.5),
]
for text, f in errors:
    try:
        print(text, "=", f())
    except Exception as e:
        print(text, type(e).__name__, e)
