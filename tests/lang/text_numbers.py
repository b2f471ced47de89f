# Numbers as text: int()/float() parsing, bin/oct/hex, round() with
# ndigits, int and float methods, and format() of numbers.

for s in ["42", "  -17  ", "+8", "1_000_000", "0", "٤٢", "12345678901234567890"]:
    print(repr(s), int(s))
for s, base in [("ff", 16), ("0xff", 16), ("0xff", 0), ("0o17", 0), ("0b101", 0), ("z", 36), ("777", 8), ("1_0", 2)]:
    print(s, base, int(s, base))
for s in ["3.14", "-0.5", "1e10", "  2.5e-3 ", "inf", "-Infinity", "nan", "1_000.5", ".5", "5."]:
    print(repr(s), float(s))

for n in [0, 1, -1, 10, 255, -255, 1024, 2**64, -(2**70)]:
    print(n, bin(n), oct(n), hex(n), n.bit_length(), n.bit_count(), format(n, "#_x"))

for x in [2.675, 0.125, 0.375, 1.5, 2.5, -0.5, 123.456, 1e-5, 5e15 + 0.5]:
    print(x, round(x), round(x, 1), round(x, 2), round(x, -1), round(-x, 2))
print(round(1234567, -3), round(-25, -1), round(35, -1), round(7, 0), round(2**70 + 5, -1))

for x in [1.5, -2.0, 0.1, 1e300, 5e-324, 0.0]:
    print(x, x.is_integer(), x.as_integer_ratio(), x.hex(), float.fromhex(x.hex()) == x)
print(float.fromhex("0x1.8p1"), float.fromhex("-0x.4"), (3).as_integer_ratio(), (7).numerator, (7).denominator)
print((5).real, (5).imag, (2.5).real, (2.5).imag, (5).conjugate(), True.real, True + True)

values = [0, 7, -7, 3.5, -0.25, 1e-9, 123456.789, 2**53 + 1, 0.0, 1e22]
for v in values:
    short = format(float(v), ".3")
    print(f"{v!r:>22} {format(v, ''):>22} {short:>12} {format(v, '10.2e')} {format(v, ',')}")
print(str(1e16), str(1e15), repr(0.1 + 0.2), str(-0.0), 1 / 3, 2 / 3, 10 / 4, 1e-4, 1e-5)
print(format(1234.5, "n"), format(1234, "n"), format(0.000012345, ".2n"), format(12, "x<6n"))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), 17 // -5, -17 % 5, 2 ** -1, pow(2, 10, 1000))
