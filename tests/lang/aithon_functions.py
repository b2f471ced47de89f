# aithon: functions travel in messages and as spawn targets — closures,
# lambdas, bound methods, defaults; what cannot be sent.
import aithon


def make_adder(n):
    def add(x, y=100):
        return x + n + y
    return add


def apply_all(parent, funcs, value):
    aithon.send(parent, [f(value) for f in funcs])


class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, parent, who):
        aithon.send(parent, self.greeting + ", " + who)


me = aithon.self()
funcs = [make_adder(1), make_adder(2), lambda v: v * 3, len]
aithon.spawn(apply_all, me, funcs[:3], 5)
print(aithon.receive())
aithon.spawn(apply_all, me, [funcs[3], sorted], "cab")
print(aithon.receive())

g = Greeter("hello")
aithon.spawn(g.greet, me, "world")
print(aithon.receive())

# A closure is copied with its cells: the receiver's copy is its own.
def make_counter():
    count = [0]

    def bump():
        count[0] += 1
        return count[0]

    return bump, count


def run_twice(parent, f):
    aithon.send(parent, (f(), f()))


bump, count = make_counter()
aithon.spawn(run_twice, me, bump)
print(aithon.receive(), count, bump(), count)

# Functions inside messages.
aithon.send(me, {"op": make_adder(10), "args": (1,)})
msg = aithon.receive()
print(msg["op"](*msg["args"]))

# Generators cannot be sent.
gen = (i for i in range(3))
try:
    aithon.send(me, [1, gen])
except TypeError as exc:
    print("TypeError:", exc)
try:
    aithon.spawn(print, gen)
except TypeError as exc:
    print("TypeError:", exc)

# A target that is not callable fails in the new process.
pid, ref = aithon.spawn_monitor(42)
print(aithon.receive()[3])
