# print: several arguments, sep=, end=, no arguments, None for defaults.

print()
print("one")
print("one", "two", "three")
print(1, 2.5, True, None, "text", -7)
print(2 ** 70, 0.1, -0.0)
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("a", "b", "c", sep="\n")
print("no newline", end="")
print(" -- continued")
print("custom end", end="!\n")
print("sep None", "uses space", sep=None)
print("end None", end=None)
print("both", "set", sep="+", end=".\n")
print(sep="-")
print(end="")
print("", "")
print("x", "", "y", sep="|")


def table(n, sep=" | "):
    for row in range(1, n + 1):
        for col in range(1, n + 1):
            if col < n:
                print(row * col, end=sep)
            else:
                print(row * col)


table(3)
table(4, "\t")

for i in range(3):
    print(i, end=", ")
print()
count = 0
while count < 4:
    print("tick", count, sep="#", end=" ")
    count = count + 1
print(end="\n")
