# Lists: building, methods, indexing, nested lists and their reprs.

inventory = ["apples", "pears"]
inventory.append("plums")
inventory.insert(0, "figs")
inventory.extend(("kiwis", "limes"))
print(inventory, len(inventory))
print(inventory[0], inventory[-1], inventory[2])

removed = inventory.pop()
print("popped", removed, "then", inventory.pop(1))
inventory.remove("plums")
print(inventory)

counts = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(counts.count(5), counts.index(5), counts.index(5, 5), counts.index(1, -9))
print(5 in counts, 7 in counts, 7 not in counts)

copy = counts.copy()
copy.reverse()
print(copy, copy is counts, copy == counts[::-1])
copy.clear()
print(copy, len(copy), bool(copy), bool(counts))

# growing one item at a time
squares = []
for i in range(12):
    squares.append(i * i)
print(squares)
print(squares[3], squares[-3], sum(squares))

# item assignment and deletion
squares[0] = "zero"
squares[-1] = [121]
del squares[1]
del squares[-2]
print(squares)

# nested lists and aliasing
row = [0] * 3
grid = [row, row]
grid[0][1] = 7
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 7
print(grid)

# a list that contains itself
loop = [1, 2]
loop.append(loop)
print(loop)
pair = ([], [])
pair[0].append(pair)
print(pair)

# operators
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a = a + [4]
print(a, b, a is b)
b *= 2
print(b, [0] * 0, 2 * ["ab"])
print([1, 2] < [1, 2, 0], [1, 3] > [1, 2, 9], [1, 2] == [1.0, 2.0], [] != [])
print(list(), list("abc"), list(range(3)), list((1, 2)))
print([None, True, 1.5, "s", (1,), [], -0.0])
