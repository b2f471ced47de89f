# A float tree over attributes (`self.w * self.h`) whose fast way fails
# takes the generic way, which reads the attributes again: ints, strs, big
# ints, a float slot beside an int, a property and a class attribute
# (which the fast way cannot read), a getter run exactly once.


class Box:
    calls = 0
    k = 3

    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def diff(self):
        return self.w - self.h

    def ratio(self):
        return self.w / self.h

    @property
    def p(self):
        Box.calls += 1
        return self.w + 1

    def with_prop(self):
        return self.p * self.h

    def with_class_attr(self):
        return self.k * self.w

    def bigger(self):
        return self.w > self.h


def run(b):
    out = [b.area(), b.diff(), b.with_prop(), b.with_class_attr(), b.bigger()]
    try:
        out.append(b.ratio())
    except ZeroDivisionError as e:
        out.append("ZeroDivisionError: " + str(e))
    except TypeError as e:
        out.append("TypeError: " + str(e))
    return out


for args in [(2.5, 4.0), (3, 4), (3, 0), (2.5, 4), (4, 2.5), ("ab", 3), (3, "ab"),
             (2 ** 70, 3), (1.5, 2 ** 80), (True, 2.0), (-0.0, 0.0)]:
    try:
        print(args, run(Box(*args)))
    except TypeError as e:
        print(args, "TypeError:", e)

# one site meeting floats, then ints, then floats again
b = Box(1.0, 2.0)
acc = []
for i in range(6):
    b.w = i if i % 2 else float(i)
    acc.append(b.area())
    acc.append(b.diff())
print(acc, Box.calls)
