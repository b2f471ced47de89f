# Word frequencies of a small text: normalising with lower/strip/replace,
# splitting, counting in a dict, and a report laid out with f-strings.

TEXT = """
The quick brown fox jumps over the lazy dog.  The dog sleeps;
the fox, being quick, jumps again -- over the dog, over the fence!
"Quick!" said the DOG.   Nobody listened.
"""

PUNCT = ".,;:!?\"-"


def normalise(word):
    word = word.strip(PUNCT).lower()
    return word.replace("'", "")


counts = {}
lines = [line.strip() for line in TEXT.strip().splitlines()]
for line in lines:
    for raw in line.split():
        word = normalise(raw)
        if not word:
            continue
        counts[word] = counts.get(word, 0) + 1

print(f"{len(lines)} lines, {sum(counts.values())} words, {len(counts)} distinct")
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
width = max(len(w) for w, _ in ranked)
print("word".ljust(width), "count", "share")
print("-" * (width + 14))
total = sum(counts.values())
for word, n in ranked[:8]:
    bar = "#" * n
    print(f"{word:<{width}} {n:>5} {n / total:6.1%} {bar}")

# A title-cased index of the words starting with each letter.
index = {}
for word in counts:
    index.setdefault(word[0].upper(), []).append(word)
for letter in sorted(index):
    words = ", ".join(sorted(index[letter]))
    print(f"{letter}: {words}")

longest = max(counts, key=len)
print("longest:", longest, "reversed:", longest[::-1], "capitalized:", longest.capitalize())
print("centered:", "[" + "fox".center(11, "*") + "]", "zfill:", str(counts["the"]).zfill(4))
sentence = " ".join(normalise(w) for w in lines[0].split()[:5])
print(sentence.title(), "|", sentence.swapcase(), "|", sentence.count("o"), sentence.find("fox"))
print(sentence.startswith("the"), sentence.endswith(("dog", "jumps")), sentence.rfind("o"))
print(sentence.partition(" fox "), sentence.rsplit(" ", 2))
