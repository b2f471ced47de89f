# a regex-free tokenizer: scan generated source text into (kind, text)
# tuples with str methods and character classes, then summarise.
import sys

KEYWORDS = {"def", "return", "if", "else", "while", "for", "in", "and", "or", "not"}


def tokenize(src):
    toks = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == " " or c == "\n":
            i += 1
        elif c.isalpha() or c == "_":
            j = i + 1
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            toks.append(("kw" if word in KEYWORDS else "name", word))
            i = j
        elif c.isdigit():
            j = i + 1
            while j < n and src[j].isdigit():
                j += 1
            toks.append(("num", src[i:j]))
            i = j
        elif c == '"':
            j = src.index('"', i + 1)
            toks.append(("str", src[i + 1:j]))
            i = j + 1
        elif src.startswith("==", i) or src.startswith("<=", i) or src.startswith(">=", i):
            toks.append(("op", src[i:i + 2]))
            i += 2
        else:
            toks.append(("op", c))
            i += 1
    return toks


def gen_source(n):
    lines = []
    for k in range(n):
        lines.append('def f%d(x, y_%d):\n    if x >= %d and y_%d == "s%d":\n'
                     '        return x * %d + (y_%d - 1)\n    return None\n' % (k, k, k, k, k, k % 17, k))
    return "".join(lines)


def main(n):
    src = gen_source(n)
    kinds = {}
    total = 0
    for _ in range(3):
        toks = tokenize(src)
        total += len(toks)
        for kind, text in toks:
            kinds[kind] = kinds.get(kind, 0) + len(text)
    print(total, sorted(kinds.items()))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
