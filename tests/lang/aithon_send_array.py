# array.array items sent between processes: the receiver gets a copy of
# the raw items (like a bytearray), shared twice in one message stays one
# object, and changes on either side are not seen by the other.
import aithon
from array import array


def worker(parent):
    msg = aithon.receive(timeout=5)
    a, b, same = msg
    a[0] += 100.5
    b.append(7)
    same.append(-1)
    aithon.send(parent, (a, b, same, a is msg[0], b is same))


me = aithon.self()
pid = aithon.spawn(worker, me)
d = array('d', [1.5, 2.5])
h = array('h', [1, 2])
aithon.send(pid, (d, h, h))
got = aithon.receive(timeout=5)
print(got[0], got[1], got[2], got[3], got[4])
print(d, h, got[0] is d, got[1] is h)
print(array('u', 'hi') == aithon.self() or 'sent', type(got[0]).__name__)
