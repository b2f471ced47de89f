# A while loop summing to 10**7: loop overhead and small-int arithmetic.

def total(limit):
    s = 0
    i = 0
    while i < limit:
        s = s + i
        i = i + 1
    return s


print(total(10 ** 7))
