# input() reads lines from stdin; at end of input it raises EOFError.
# (The test runner gives programs an empty stdin.)
lines = []
try:
    while True:
        lines.append(input("prompt> "))
except EOFError:
    print()
    print("no more input after", len(lines), "lines")
