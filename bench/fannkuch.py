# fannkuch-redux: permutations of a list, prefix reversals by slicing,
# a checksum and the maximum number of flips.
import sys


def fannkuch(n):
    count = list(range(1, n + 1))
    max_flips = 0
    m = n - 1
    r = n
    check = 0
    perm1 = list(range(n))
    perm = list(range(n))
    perm_sign = True
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm1[0] != 0 and perm1[m] != m:
            perm = perm1[:]
            flips = 0
            k = perm[0]
            while k:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            check += flips if perm_sign else -flips
        while True:
            if r == n:
                return check, max_flips
            perm0 = perm1[0]
            i = 0
            while i < r:
                j = i + 1
                perm1[i] = perm1[j]
                i = j
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_sign = not perm_sign


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
check, flips = fannkuch(n)
print("%d\nPfannkuchen(%d) = %d" % (check, n, flips))
