# for over an exact list or tuple walks it by index, exactly as its
# iterator would: a list that grows or shrinks during the loop.


def grow():
    lst = [1, 2, 3]
    out = []
    for x in lst:
        out.append(x)
        if x < 6:
            lst.append(x + 3)
    return out


def shrink():
    lst = list(range(10))
    out = []
    for x in lst:
        out.append(x)
        if lst:
            lst.pop(0)
    return out, lst


def rebind():
    lst = [1, 2, 3]
    out = []
    for x in lst:
        lst = [9, 9]       # the loop keeps the old list
        out.append(x)
    return out


class MyList(list):
    def __iter__(self):
        yield "custom"


class MyTuple(tuple):
    pass


def nested():
    total = 0
    for row in [(1, 2), (3, 4), [5, 6]]:
        for v in row:
            total = total * 10 + v
    return total


print(grow())
print(shrink())
print(rebind())
print([x for x in MyList([1, 2])], [x for x in MyTuple((1, 2))])
for x in MyList([1, 2]):
    print(x)
print(nested())
for x in ():
    print("never")
else:
    print("empty else")
for i, x in enumerate(("a", "b")):
    print(i, x)
out = []
for x in [1, 2, 3, 4]:
    if x == 3:
        break
    out.append(x)
else:
    out.append("no")
print(out, sum(x * x for x in [1, 2, 3]), [y for y in (4, 5)])
