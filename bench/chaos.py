# chaos: an iterated function system (a "chaos game") drawn into a grid.
# Small point objects with float attributes, methods and an operator
# returning new points, a weighted random choice among affine maps
# (random.Random, seeded); prints a checksum of the hit counts.
import random
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Point(self.x * k, self.y * k)

    def dist2(self, other):
        dx = self.x - other.x
        dy = self.y - other.y
        return dx * dx + dy * dy


class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d = a, b, c, d
        self.shift = Point(e, f)
        self.weight = weight

    def apply(self, p):
        return Point(self.a * p.x + self.b * p.y, self.c * p.x + self.d * p.y) + self.shift


def chaos(maps, iterations, size, rng):
    total = sum(m.weight for m in maps)
    cumulative = []
    acc = 0.0
    for m in maps:
        acc += m.weight / total
        cumulative.append((acc, m))
    grid = [[0] * size for _ in range(size)]
    p = Point(0.0, 0.0)
    lo_x, hi_x, lo_y, hi_y = -3.0, 3.0, -0.5, 10.5
    far = 0
    origin = Point(0.0, 0.0)
    for i in range(iterations):
        r = rng.random()
        for limit, m in cumulative:
            if r <= limit:
                p = m.apply(p)
                break
        if i < 20:
            continue
        if p.dist2(origin) > 25.0:
            far += 1
        gx = int((p.x - lo_x) / (hi_x - lo_x) * size)
        gy = int((p.y - lo_y) / (hi_y - lo_y) * size)
        if 0 <= gx < size and 0 <= gy < size:
            grid[gy][gx] += 1
    return grid, far


def main(iterations):
    maps = [
        Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1),
        Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 85),
        Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 7),
        Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 7),
    ]
    grid, far = chaos(maps, iterations, 128, random.Random(20261207))
    lit = sum(1 for row in grid for c in row if c)
    checksum = 0
    for y, row in enumerate(grid):
        for x, c in enumerate(row):
            checksum = (checksum * 31 + c * (x + 1) + y) % 1000000007
    print("chaos", iterations, lit, far, checksum)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000000)
