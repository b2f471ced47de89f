# N-queens: count every solution by backtracking over sets of attacked
# columns and diagonals.
import sys


def solve(n, row, cols, diag1, diag2):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        if c in cols or (row + c) in diag1 or (row - c) in diag2:
            continue
        cols.add(c)
        diag1.add(row + c)
        diag2.add(row - c)
        count += solve(n, row + 1, cols, diag1, diag2)
        cols.remove(c)
        diag1.remove(row + c)
        diag2.remove(row - c)
    return count


def permutations_count(n):
    # A second formulation: a list of column indices, checked pairwise.
    total = 0
    qs = [0] * n

    def place(row):
        nonlocal total
        if row == n:
            total += 1
            return
        for c in range(n):
            ok = True
            for r in range(row):
                q = qs[r]
                if q == c or abs(q - c) == row - r:
                    ok = False
                    break
            if ok:
                qs[row] = c
                place(row + 1)
    place(0)
    return total


n = int(sys.argv[1]) if len(sys.argv) > 1 else 12
print(solve(n, 0, set(), set(), set()))
print(permutations_count(n))
