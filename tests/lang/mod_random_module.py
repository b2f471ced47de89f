import random
from random import Random, SystemRandom

random.seed(12345)
print(random.random(), random.randint(1, 100), random.randrange(0, 100, 7))
print(random.choice('abcdef'), random.sample(range(50), 5))
xs = list(range(10))
random.shuffle(xs)
print(xs)
print(random.uniform(1, 2), random.gauss(0, 1), random.choices([1, 2, 3], k=4))
r = Random(7)
print(r.random(), r.getrandbits(20))
st = r.getstate()
a = r.random()
r.setstate(st)
print(a == r.random())
s = SystemRandom()
print(0 <= s.random() < 1, 1 <= s.randint(1, 6) <= 6, len(s.randbytes(5)), s.getrandbits(8) < 256)
try:
    s.getstate()
except NotImplementedError as e:
    print('NotImplementedError', e)
print(random.BPF, random.RECIP_BPF, round(random.TWOPI, 6))

class MyRandom(Random):
    pass

m = MyRandom(3)
print(type(m).__name__, m.randint(1, 10))
random.seed('hello')
print(random.random())
random.seed(b'bytes')
print(random.random())
print(random.randbytes(4).hex())
try:
    random.randrange(0)
except ValueError as e:
    print('ValueError', e)
try:
    random.choice([])
except IndexError as e:
    print('IndexError', e)
