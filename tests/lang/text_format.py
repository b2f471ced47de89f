# str.format, format_map and printf-style % formatting: positional and
# keyword fields, indexing and attributes, conversions, nested specs.

row = "{:<10}|{:^8}|{:>6}"
print(row.format("name", "kind", "size"))
print(row.format("-" * 10, "-" * 8, "-" * 6))
for name, kind, size in [("README", "text", 1200), ("logo.png", "image", 48213), ("x", "?", 0)]:
    print(row.format(name, kind, size))

print("{0}{1}{0}".format("ab", "cd"), "{1}, {0}".format("world", "hello"))
print("{name} is {age} years old".format(name="Ada", age=36))
point = {"x": 3, "y": -4}
print("({x}, {y})".format(**point), "({0[x]}, {0[y]})".format(point))
print("{p[0]}-{p[2]}".format(p=[10, 20, 30]), "{0.real} {0.imag}".format(2.5))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{:{}{}{}}".format(3.14159, ">", 10, ".2f"), "{:{fill}^{w}}".format("mid", fill="-", w=11))
print("{0:>{1}} {0:<{1}}|".format("ab", 5))
print("{{}} {{{0}}} {0:{{}}}".format(1) if False else "{{}} {{{0}}}".format(1))
print("{:,} {:_} {:.3%} {:08.3f} {:+d} {: d}".format(10**6, 10**6, 0.12345, -3.14159, 5, 5))
print("{a}-{b}".format_map({"a": 1, "b": [2]}), "{x[0]}".format_map({"x": "yz"}))

# printf-style
print("%s has %d items costing %.2f (%5.1f%%)" % ("cart", 3, 19.989, 12.5))
print("%-10s|%10s|" % ("left", "right"), "%05d %+d % d %x %X %o %#x %#o" % (42, 42, 42, 255, 255, 8, 255, 8))
print("%e %E %g %G %.3g" % (12345.678, 12345.678, 0.00001234, 1e20, 2.0 / 3))
print("%c%c%c" % (72, "i", 33), "%r %a %s" % ("q", "ü", None), "%.3s|" % "abcdef")
print("%(name)s is %(age)d; %(name)r" % {"name": "Bob", "age": 41})
print("%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159))
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%d%%" % 100, "%i" % 3.99)
print("%10.4f|%-10.2e|%010.3f" % (3.14159265, 31415.9265, -2.5))
print("%x %o %d" % (2**70, 2**70, -2**70))
label = "total"
amount = 1234.5
line = "%-8s %12s" % (label + ":", "{:,.2f}".format(amount))
print(line, len(line))
print("[" + "%s" % "" + "]", "%s" % "%s", "100%% %s" % "sure")
