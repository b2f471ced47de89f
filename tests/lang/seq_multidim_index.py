# Slices inside tuple subscripts (numpy-style m[1:3, ::2], m[:, 0],
# a[..., 1:]) reach __getitem__/__setitem__/__delitem__ as tuples of slices.
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]

    def __getitem__(self, key):
        if not isinstance(key, tuple):
            return Matrix(self.rows[key]) if isinstance(key, slice) else self.rows[key]
        r, c = key
        rows = self.rows[r] if isinstance(r, slice) else [self.rows[r]]
        picked = [row[c] if isinstance(c, slice) else [row[c]] for row in rows]
        if not isinstance(r, slice) and not isinstance(c, slice):
            return picked[0][0]
        return Matrix(picked)

    def __setitem__(self, key, value):
        r, c = key
        for i in range(*r.indices(len(self.rows))) if isinstance(r, slice) else [r]:
            cols = range(*c.indices(len(self.rows[i]))) if isinstance(c, slice) else [c]
            for j in cols:
                self.rows[i][j] = value

    def __delitem__(self, key):
        print("del", key)

    def __repr__(self):
        return "\n".join(" ".join(f"{v:3}" for v in row) for row in self.rows)


m = Matrix([[r * 4 + c for c in range(4)] for r in range(4)])
print(m[1, 2], m[3, -1])
print(m[1:3, ::2])
print(m[:, 0])
print(m[::-1, 1:3])
m[0, :] = 0
m[1:3, 1:3] = -1
print(m)
del m[1:2, ::3]
del m[0, :]


class Probe:
    def __getitem__(self, key):
        return key


p = Probe()
print(p[1:2, ...], p[..., 1:], p[::2, ::3, 4], p[:, :], p[1:2], p[(slice(1, 2), 3)] == p[1:2, 3])
i, j = 1, 3
print(p[i:j, j:], p[i + 1:, :j * 2:i], p[lambda: 0:1, 0][0].start.__class__.__name__)
