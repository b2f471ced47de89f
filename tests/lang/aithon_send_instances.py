# Instances of plain classes sent between processes: attributes kept
# inline by shape (runtime/objects/shape.c) and in dict mode, shared
# objects and cycles among them, mutated on the other side (a copy).
import aithon


class Node:
    def __init__(self, name, value):
        self.name = name
        self.value = value
        self.next = None


class Wide:
    pass


def echo(parent):
    while True:
        msg = aithon.receive(timeout=5)
        if msg == "stop":
            return
        if isinstance(msg, Node):
            msg.value = msg.value * 2
            msg.added = "by echo"
            n = msg
            names = []
            while n is not None and len(names) < 4:
                names.append(n.name)
                n = n.next
            aithon.send(parent, ("node", names, vars(msg), msg))
        else:
            aithon.send(parent, ("other", msg))


me = aithon.self()
pid = aithon.spawn(echo, me)

a = Node("a", 1)
b = Node("b", [1, 2])
a.next = b
b.next = a   # a cycle
aithon.send(pid, a)
tag, names, attrs, back = aithon.receive(timeout=5)
print(tag, names, sorted(attrs), back.value, back.added, a.value)
print(back.next.name, back.next.next is back, back.next.value, list(vars(back.next)))
back.next.value.append(3)
print(b.value, back.next.value)

w = Wide()
for i in range(12):   # more attributes than inline slots: dict mode
    setattr(w, "f%d" % i, i)
aithon.send(pid, [w, w])
tag, (w1, w2) = aithon.receive(timeout=5)
print(tag, w1 is w2, w1 is w, list(vars(w1)) == list(vars(w)), w1.f11)

d = Node("d", "x")
del d.next   # deleted: dict mode
d.extra = 5
aithon.send(pid, {"k": d})
tag, got = aithon.receive(timeout=5)
print(tag, vars(got["k"]), got["k"].extra)

aithon.send(pid, "stop")
