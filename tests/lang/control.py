# Control flow: if/elif/else, while with break/continue/else,
# for over ranges (including negative steps), nested loops, for-else.

def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"


for n in range(-1, 12, 4):
    print(n, classify(n))

print("-- ranges --")
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(5, 5):
    print("never printed")
for i in range(-3, 3):
    print(i, end=" ")
print()
for i in range(0, -10, -4):
    print(i, end=" ")
print()

print("-- while with break and continue --")
i = 0
total = 0
while True:
    i = i + 1
    if i % 3 == 0:
        continue
    if i > 10:
        break
    total = total + i
print("sum of non-multiples of 3 up to 10:", total)

n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps = steps + 1
else:
    print("collatz(27) reached 1 after", steps, "steps")

print("-- for-else finds primes --")
for n in range(2, 30):
    for d in range(2, n):
        if d * d > n:
            print(n, end=" ")
            break
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()

print("-- nested loops --")
for row in range(1, 5):
    for col in range(1, 5):
        if col > row:
            break
        print(row * col, end="\t")
    print()
