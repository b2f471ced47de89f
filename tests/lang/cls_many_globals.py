# Regression (issue 10): a class body's defs are emitted inline in the
# module function; looking up "is this def predeclared?" grew the globals
# table while reading it, and the compiler crashed on this valid program
# (from Shed Skin's examples), which CPython runs silently.
from random import random, seed
K = 1
class Node:
    def __str__(self):
        return 'node(%d): %s %s gone: %s next: %d tags:%s' % (self.num, self.ends[0], self.ends[1], self.gone, self.nxt.num if self.nxt is not None else -1, ' '.join(tags))
class Other:
    def run(self, a, b):
        pass
FLAG = True

# The same shape, exercised: many module names, methods named like
# module-level functions, and classes whose methods are looked up.
tags = ['a', 'b']


def run(x):
    return 'module run %s' % x


class Runner:
    def run(self, a, b):
        return a + b

    def __str__(self):
        return 'Runner'


n = Node()
n.num, n.ends, n.gone, n.nxt = 3, ('x', 'y'), False, None
print(str(n))
m = Node()
m.num, m.ends, m.gone, m.nxt = 4, ('p', 'q'), True, n
print(m)
print(Other().run(1, 2), Runner().run(1, 2), run(5), Runner())
print(K, FLAG, callable(random), callable(seed))
