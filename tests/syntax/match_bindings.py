# expect-error: 7:24: E0101: alternative patterns bind different names
# expect-error: 12:18: E0101: multiple assignments to name 'a' in pattern
# expect-error: 17:23: E0101: multiple starred names in sequence pattern
# expect-error: 22:40: E0101: attribute name repeated in class pattern: x
def f(v):
    match v:
        case [a, b] | [a]:
            pass

def g(v):
    match v:
        case [a, 1 as a]:
            pass

def h(v):
    match v:
        case (1, 2) | [*a, 1, *b]:
            pass

def k(v):
    match v:
        case Point(x=0) | Point(x=1, x=2):
            pass
