# A seeded dice-and-cards simulation: every draw must match CPython's
# Mersenne Twister and its random.py algorithms exactly.
import random

random.seed(42)

# Two dice, 600 throws: how often does each total come up?
counts = {}
for _ in range(600):
    total = random.randint(1, 6) + random.randint(1, 6)
    counts[total] = counts.get(total, 0) + 1
for total in sorted(counts):
    print(f"{total:2d} {'#' * (counts[total] // 5)} {counts[total]}")

# A shuffled deck, a dealt hand and a few samples.
ranks = "23456789TJQKA"
suits = "cdhs"
deck = [r + s for s in suits for r in ranks]
random.shuffle(deck)
print("top five:", deck[:5])
hand = random.sample(deck, 5)
print("hand:", sorted(hand))
print("sample of range:", random.sample(range(1000), 8))
print("weighted:", random.choices(["red", "green", "blue"], weights=[5, 3, 1], k=12))
print("cumulative:", random.choices("abc", cum_weights=[1, 2, 10], k=6))
print("choice:", random.choice(deck), random.choice("xyz"), random.choice(range(7, 70, 7)))

# Floats: uniform, gauss (with its cached pair), normalvariate, expovariate.
print([round(random.random(), 6) for _ in range(3)])
print(random.uniform(-1, 1), random.uniform(10, 20.5))
print(random.gauss(0, 1), random.gauss(100, 15), random.gauss())
print(random.normalvariate(5, 2), random.expovariate(0.5), random.triangular(0, 10, 3))
print(random.gammavariate(2.5, 1.5), random.betavariate(2, 5), random.vonmisesvariate(0, 4))
print(random.paretovariate(3), random.weibullvariate(1, 1.5), random.lognormvariate(0, 0.25))

# Integers of any size.
print(random.getrandbits(1), random.getrandbits(31), random.getrandbits(64), random.getrandbits(100))
print(random.randrange(10), random.randrange(0, 100, 5), random.randrange(50, 0, -7))
print(random.randrange(10**30), random.randint(-10**20, 10**20))
print(random.randbytes(6))

# Monte Carlo estimate of pi with a private generator.
rng = random.Random(2024)
inside = 0
n = 20000
for _ in range(n):
    x, y = rng.random(), rng.random()
    if x * x + y * y <= 1.0:
        inside += 1
print("pi ~", 4 * inside / n)

# Replaying a stream with getstate/setstate.
state = random.getstate()
first = [random.random() for _ in range(3)]
random.setstate(state)
print(first == [random.random() for _ in range(3)])

# Seeds of every kind give CPython's streams.
for seed in [0, 1, -1, 2**32, 2**100 + 3, 3.75, "spam", b"eggs", bytearray(b"ham")]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randrange(1000))
random.seed("spam", version=1)
print(random.random())

# Errors are CPython's.
for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 5),
            lambda: random.choice([]), lambda: random.sample([1, 2], 3),
            lambda: random.sample({1, 2}, 1), lambda: random.choices("ab", [1]),
            lambda: random.seed([1, 2]), lambda: random.getrandbits(-1),
            lambda: random.randint(1), lambda: random.Random(1, 2)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
