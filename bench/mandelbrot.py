# Points of a 3n x 2n grid inside the Mandelbrot set: nested loops of
# float arithmetic.
import sys

def escapes(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    for i in range(limit):
        t = zr * zr - zi * zi + cr
        zi = 2.0 * zr * zi + ci
        zr = t
        if zr * zr + zi * zi > 4.0:
            return True
    return False


def count_inside(width, height, limit):
    inside = 0
    for y in range(height):
        ci = -1.0 + 2.0 * y / height
        for x in range(width):
            cr = -2.0 + 3.0 * x / width
            if not escapes(cr, ci, limit):
                inside = inside + 1
    return inside


n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
print(count_inside(3 * n, 2 * n, 100))
