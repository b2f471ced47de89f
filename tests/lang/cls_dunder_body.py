# Dunders called by operators (v[i], v[i] = x, +, ==, len, in, iteration):
# a plain def taking exactly self and the operands has its body called
# directly; its exceptions, recursion limit and traceback stay CPython's.
class V:
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i > 3: raise IndexError("too big %d" % i)
        return i * self.n
    def __setitem__(self, i, v): self.n = v / i
    def __add__(self, o): return V(self.n + o.n)
    def __eq__(self, o): return self.n == o.n
    def __len__(self): return self.n
    def __contains__(self, x): return x == 1
    def __repr__(self): return "V(%r)" % self.n
v = V(3)
print(v[2], v + V(4), v == V(3), len(v), 1 in v, 2 in v)
v[2] = 5; print(v)
for x in V(1): print(x)
def rec(o, k): return o[k]
class R:
    def __getitem__(self, i): return self[i + 1]
try:
    R()[0]
except RecursionError as e: print("rec", e)
try:
    v[10] = 0
except ZeroDivisionError as e: print(e)
v[9]
