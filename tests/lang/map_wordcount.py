# Word counting with dicts: get(), setdefault(), `in`, insertion order,
# sorting items by count, and printing the dicts themselves.

TEXT = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick brown dog and a lazy fox"""

counts = {}
for word in TEXT.split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(len(counts), "distinct words,", sum(counts.values()), "in all")

# the same with setdefault, grouping line numbers per word
where = {}
for number, line in enumerate(TEXT.split("\n"), 1):
    for word in line.split():
        lines = where.setdefault(word, [])
        if number not in lines:
            lines.append(number)
print(where["fox"], where["barks"], where.get("cat"))

# most common first, ties in first-seen order (sorted is stable)
ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
for word, n in ranked[:5]:
    print(f"{word:>6} {n}")

# words that appear once, in the order they were first seen
once = [w for w, n in counts.items() if n == 1]
print(once)

# letters: a dict comprehension over a set of characters
letters = {c: TEXT.count(c) for c in sorted(set(TEXT) - {" ", "\n"})}
print(letters)
top = max(letters, key=letters.get)
print("most frequent letter:", top, letters[top])

# lengths → words, each list sorted
by_len = {}
for w in counts:
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print(n, sorted(by_len[n]))

# removing entries while keeping the rest in order
for w in ["the", "a", "and"]:
    del counts[w]
print(list(counts)[:6])
print(counts.pop("zebra", "no zebra"), counts.pop("dog"))
print("dog" in counts, "fox" in counts, len(counts))
