# A while loop summing to n: loop overhead and small-int arithmetic.
import sys

def total(limit):
    s = 0
    i = 0
    while i < limit:
        s = s + i
        i = i + 1
    return s


print(total(int(sys.argv[1]) if len(sys.argv) > 1 else 5 * 10 ** 7))
