# Methods of a base class check every way of their attribute sites
# inline (each subclass is a class of its own there); subclasses that
# change how an attribute is found must still be honoured.
class Base:
    def __init__(self, n):
        self.a = n
        self.b = n * 2

    def total(self):
        return self.a + self.b

    def bump(self):
        self.a += 1
        self.b = self.b - 1
        return self


class One(Base):
    pass


class Two(Base):
    def __init__(self, n):
        self.c = 0            # another shape: c first
        Base.__init__(self, n)


class Prop(Base):
    @property
    def b(self):
        return 100

    @b.setter
    def b(self, v):
        print("Prop.b =", v)


class Slots(Base):
    __slots__ = ("z",)


class Getattr(Base):
    def __getattribute__(self, name):
        if name == "a":
            return -7
        return object.__getattribute__(self, name)


class Many(Base):
    def __init__(self, n):
        for i in range(10):
            setattr(self, "x%d" % i, i)   # past the inline slots: dict mode
        Base.__init__(self, n)


class Late(Base):
    pass


objs = [Base(1), One(2), Two(3), Prop(4), Slots(5), Getattr(6), Many(7), Late(8)]
for rnd in range(3):
    print([o.total() for o in objs])
    for o in objs:
        o.bump()
    if rnd == 1:
        Late.a = property(lambda self: 1000, lambda self, v: print("Late.a =", v))   # added later
        del objs[1].b
        try:
            objs[1].total()
        except AttributeError as e:
            print("AttributeError:", e)
        objs[1].b = 0
print([(o.a, o.b) for o in objs])
