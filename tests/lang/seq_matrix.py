# Nested lists as matrices: building, transposing, multiplying,
# printing rows, and a small game-of-life board.

def make(rows, cols, fill):
    return [[fill] * cols for _ in range(rows)]

def identity(n):
    m = make(n, n, 0)
    for i in range(n):
        m[i][i] = 1
    return m

def transpose(m):
    return [list(col) for col in zip(*m)]

def multiply(a, b):
    bt = transpose(b)
    out = []
    for row in a:
        out.append([sum(map(mul, row, col)) for col in bt])
    return out

def mul(x, y):
    return x * y

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(transpose(a))
print(multiply(a, b))
print(multiply(identity(2), [[2, 3], [4, 5]]))
print(make(2, 3, "."), identity(3))

for row in multiply(b, a):
    print(" ".join(str(v).rjust(4) for v in row))

# game of life on a small torus
board = make(6, 6, 0)
for r, c in [(1, 2), (2, 3), (3, 1), (3, 2), (3, 3)]:
    board[r][c] = 1

def neighbours(bd, r, c):
    n = len(bd)
    total = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr or dc:
                total += bd[(r + dr) % n][(c + dc) % n]
    return total

def step(bd):
    n = len(bd)
    new = make(n, n, 0)
    for r in range(n):
        for c in range(n):
            k = neighbours(bd, r, c)
            if k == 3 or (k == 2 and bd[r][c]):
                new[r][c] = 1
    return new

for gen in range(4):
    board = step(board)
print("\n".join("".join("#" if cell else "." for cell in row) for row in board))
print(sum(map(sum, board)), [sum(col) for col in zip(*board)])

# rotating and flattening
m = [[1, 2], [3, 4], [5, 6]]
rot = [list(row) for row in zip(*m[::-1])]
print(rot, [x for row in m for x in row], sum(m, []))
diag = [m[i][i] for i in range(min(len(m), len(m[0])))]
print(diag, m[-1][::-1], [row[0] for row in m])
