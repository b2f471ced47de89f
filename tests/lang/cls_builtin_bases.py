# Classes derived from list, dict and the exceptions: the builtin part
# keeps working, the class adds methods, properties and attributes.


class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
    @property
    def top(self):
        return self[-1] if self else None
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s.top, s.pop(), s, type(s).__name__, isinstance(s, list))
print(s + [9], s * 2, s == [1, 2], sorted(Stack([3, 1, 2])), bool(Stack()), list(reversed(s)))
s += [7]
print(s, type(s).__name__)
s.tag = "x"
print(s.tag, vars(s))
class Counter(dict):
    def __init__(self, words=()):
        super().__init__()
        for w in words:
            self[w] = self.get(w, 0) + 1
    def most(self):
        return max(self.items(), key=lambda kv: kv[1])
c = Counter("a b a c a b".split())
print(c, c["a"], c.most(), len(c), "b" in c, sorted(c), type(c).__name__, isinstance(c, dict))
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
    def __setattr__(self, k, v):
        self[k] = v
d = AttrDict(a=1, b=2)
d.c = 3
print(d, d.a + d.c, d.get("b"), {**d})
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper()
u["x"] = 1
print(u, u["X"])
try:
    class Bad2(ValueError, int): pass
except Exception as e:
    print(type(e).__name__, e)
class L2(list):
    def __init__(self, n):
        super().__init__(range(n))
print(L2(4), L2(2) + L2(3))
