# f-strings with every kind of replacement field: conversions, =, nested
# specs, alignment and fill, signs, grouping, precision, number types.

name = "Ada"
pi = 3.141592653589793
big = 1234567890
neg = -42
ratio = 0.0625
items = ["x", "yy", "zzz"]

print(f"{name} {name!r} {name!s} {name!a} {'Zoë'!a}")
print(f"{name=} {pi=:.3f} {neg = } {big=:,}")
print(f"[{name:>8}] [{name:<8}] [{name:^8}] [{name:*^9}] [{name:.2}]")
print(f"[{neg:5}] [{neg:<5}] [{neg:^7}] [{neg:=7}] [{neg:07}] [{neg:+}] [{42: }]")
print(f"{big:,} {big:_} {big:_x} {big:#x} {big:#o} {big:#b}")
print(f"{255:x} {255:X} {255:#X} {255:08b} {255:c} {65:c}{66:c}")
print(f"{pi:f} {pi:.2f} {pi:10.4f}| {pi:e} {pi:.3E} {pi:g} {pi:.3g} {pi:%}")
print(f"{ratio:.1%} {ratio:10.3%}| {1e-7:g} {1e20:g} {123456789.0:g} {0.1:.17g}")
print(f"{1234567.891:,.2f} {-1234567.891:_.1f} {1e6:,.0f} {5:,.2f} {0.5:.0f} {1.5:.0f} {2.5:.0f}")
print(f"{-0.0:.1f} {-0.0:z.1f} {-0.0001:z.2f} {float('inf'):>6} {float('-inf'):+} {float('nan'):8}|")
for width in (6, 10):
    for prec in (1, 3):
        print(f"{pi:{width}.{prec}f}|{pi:>{width}.{prec}e}|{name:^{width}}|")
for i, item in enumerate(items, 1):
    print(f"{i:>2}. {item:<5}{len(item):03d} {item.upper()!r:>7}")
table = [("apples", 3, 1.25), ("kiwis", 12, 0.4), ("watermelon", 1, 4.999)]
for fruit, qty, price in table:
    print(f"{fruit:<12}{qty:>4} x {price:>6.2f} = {qty * price:>8.2f}")
total = sum(q * p for _, q, p in table)
print(f"{'TOTAL':<12}{'':>4}   {'':>6}   {total:>8.2f}")
print(f"{{literal braces}} {{{name}}} {'%d%%' % 50} {str(3.0)!r}")
print(f"{True} {True:d} {True:>5} {False!r} {None} {None!r:>6} {[1, 2]} {(1,)!s}")
print(f"{'multi'}{'ple'} {3 * 'ab'} {name[0]}{name[-1]} {name.lower():>{len(name) + 2}}")
x, y = 7, 3
print(f"{x} / {y} = {x / y:.4f}, {x} // {y} = {x // y}, {x} % {y} = {x % y}, {x ** y = }")
print(f"{2**70:,} {-2**70:x} {10**30:e} {2**64:_b}"[:60])
