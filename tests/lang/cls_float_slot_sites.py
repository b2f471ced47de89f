# One attribute site meeting float slots and plain slots in turn: each
# record of a site's cache says whether its slot holds a raw double (a
# float slot) or a value, and a site reads, writes and copies through
# whichever record the instance matches, in any order (a float slot's
# record met after a plain one's, and the reverse; two shapes of one
# class; more classes than inline ways; a slot turned generic mid-run,
# for the instances that had it and those made afterwards).


class F:                      # x: a float slot
    def __init__(self, x):
        self.x = x


class I:                      # x: an int
    def __init__(self, x):
        self.x = x


class B:                      # x: a boxed object
    def __init__(self, x):
        self.x = x


class S:                      # x second: a shape where x is at slot 1
    def __init__(self, x):
        self.pad = "p"
        self.x = x


class G:                      # x turns generic mid-run
    def __init__(self, x):
        self.x = x


class Base:
    def get(self):            # self.x: every subclass (all inline ways)
        return self.x

    def twice(self):
        return self.x * 2.0 + 0.5


class BF(Base):
    def __init__(self):
        self.x = 1.25


class BI(Base):
    def __init__(self):
        self.x = 7


class BS(Base):
    def __init__(self):
        self.x = "s"
        self.y = 0.5


class BL(Base):
    def __init__(self):
        self.w = 2.5
        self.x = 3.75


class BM(Base):
    def __init__(self):
        self.x = [1]


def get(o):
    return o.x


def put(o, v):
    o.x = v


def ftree(o):
    return o.x * 2.0 + 1.0


def fstore(o, a):
    o.x = a * 2.0 + 0.25


def copy(o, p):
    o.x = p.x


def pick(o, a, b, c):
    o.x = a.x if c else b.x


def iadd(o):
    o.x += 1.5


def isub(o):
    o.x -= 1


def less(a, b):
    return a.x < b.x


def same_name_copy(o, p):
    o.x = p.x
    return o.x


# Reads: the same site sees a float slot, an int, an object, another shape.
objs = [F(0.5), I(3), B("b"), S(2.25), F(-1.5), B((1, 2)), I(-4), S("t")]
for rnd in range(3):
    print([get(o) for o in objs])
    print([get(o) for o in reversed(objs)])

# Float trees over the same mix (ints are numbers; the others raise).
for rnd in range(2):
    out = []
    for o in objs:
        try:
            out.append(ftree(o))
        except TypeError as ex:
            out.append(str(ex))
    print(out)

# Stores: a float into a float slot, then an int (the slot turns
# generic), into an int's slot a float, into an object's slot anything.
for rnd in range(3):
    ps = [F(1.0), I(1), B("x"), S(1.5)]
    vals = [2.5, 9, 3.5, "v", 4.25, None]
    for k, v in enumerate(vals):
        for o in ps:
            put(o, v)
            print(type(o).__name__, repr(get(o)), end="; ")
        print()
    print([vars(o) for o in ps])

# Float stores from a float tree, alternating classes.
for rnd in range(2):
    ps = [I(1), F(1.0), B("x"), S(0.0)]
    for k in range(4):
        for o in ps:
            fstore(o, k + 0.5)
    print([get(o) for o in ps], [vars(o) for o in ps])

# Copies o.x = p.x in all four combinations and more.
srcs = [F(1.5), I(2), B("three"), S(4.5), F(5.5)]
for rnd in range(2):
    for p in srcs:
        dsts = [F(0.0), I(0), B(None), S(0.0)]
        for o in dsts:
            copy(o, p)
        print([get(o) for o in dsts], [type(vars(o)["x"]).__name__ for o in dsts])
    for c in (True, False, True):
        dsts = [F(0.0), I(0), B(None), S(0.0)]
        for o in dsts:
            pick(o, srcs[0], srcs[1], c)
            pick(o, srcs[2], srcs[3], not c)
        print([get(o) for o in dsts])
print(same_name_copy(F(0.0), I(8)), same_name_copy(I(0), F(8.5)), same_name_copy(B(0), B([8])))

# Augmented assignment and comparisons across the mix.
for rnd in range(2):
    ps = [F(1.0), I(1), S(2.0), G(0.5)]
    for k in range(3):
        for o in ps:
            iadd(o)
            isub(o)
    print([get(o) for o in ps])
    nums = [F(1.0), I(2), S(0.5), F(3.0), I(-1)]
    print([[less(a, b) for b in nums] for a in nums])

# A slot that turns generic mid-run: warm sites on float slots, then
# store a str into one instance; old and new instances keep reading right.
gs = [G(float(i)) for i in range(6)]
for rnd in range(3):
    print([get(o) for o in gs], [ftree(o) for o in gs if type(o.x) is not str])
    put(gs[2 + rnd], "now a str")
    gs.append(G(10.5 + rnd))
    gs.append(G(rnd))
    print([get(o) for o in gs])
    out = []
    for o in gs:
        try:
            out.append(ftree(o))
        except TypeError as ex:
            out.append(type(ex).__name__)
    print(out)
    for o in gs:
        if type(o.x) is float:
            iadd(o)
    print([get(o) for o in gs])

# A base class's method: self.x sees five subclasses (more than the
# inline ways), float slots and plain slots interleaved.
bs = [BF(), BI(), BS(), BL(), BM(), BF(), BL()]
for rnd in range(3):
    print([b.get() for b in bs])
    out = []
    for b in bs:
        try:
            out.append(b.twice())
        except TypeError as ex:
            out.append(type(ex).__name__)
    print(out)
    bs[0].x = rnd          # an int into a float slot: generic from now on
    bs[3].x += 0.125
print([vars(b) for b in bs])
