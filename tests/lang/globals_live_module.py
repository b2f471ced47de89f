# A module whose globals() is live: globals set by functions, augmented
# assignment, deletion, except-as unbinding, class bodies, walrus, star
# imports and builtins shadowed through the namespace.
import math
from math import *
ns = globals()
counter = 0
def bump():
    global counter
    counter += 1
    return counter
for _ in range(1000):
    bump()
print(counter, ns['counter'])
try:
    undefined_thing
except NameError as e:
    print(e)
try:
    early()
except NameError as e:
    print(e)
def early():
    return 'early'
print(early())
try:
    1 / 0
except ZeroDivisionError as exc:
    pass
print('exc' in ns)
class C:
    val = counter
    doubled = [counter * 2 for _ in range(2)]
    def get(self):
        return counter + self.val
print(C.val, C.doubled, C().get())
print([n for n in range(3) if (last := n)], last)
print(sqrt(16), pi == math.pi, 'sqrt' in ns)
del pi
print('pi' in ns)
x = 1
del x
try:
    print(x)
except NameError as e:
    print(e)
if __name__ == "__main__":
    print("main", ns['__name__'], ns['__doc__'], type(ns['__builtins__']).__name__)
print(len, ns.get('len'))
ns['len'] = lambda o: -1
print(len([1, 2]))
del ns['len']
print(len([1, 2]))
total = 0
for i in range(100000):
    total += i
print(total)
