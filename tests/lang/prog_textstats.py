# Word statistics over a paragraph: str methods, dict counting, tuples.
text = """The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox, being quick, runs away! Über-quick foxes are rare — very rare."""

words = [w.strip(".,;!—").lower() for w in text.split()]
words = [w for w in words if w]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda p: (-p[1], p[0]))[:5]
for word, n in top:
    print(f"{word!r:>10}: {'*' * n} ({n})")
lengths = [len(w) for w in words]
print("words:", len(words), "unique:", len(counts))
print("average length: %.3f" % (sum(lengths) / len(lengths)))
print("longest:", max(words, key=len), "shortest:", min(words, key=len))
caps = " ".join(w.capitalize() for w in words[:6])
print(caps, caps.swapcase(), sep=" | ")
print(text.count("the"), text.lower().count("the"), text.find("fox"), text.rfind("fox"))
vowels = set("aeiou")
print(sorted({w for w in words if w[0] in vowels}))
print("über".upper(), "STRASSE".lower(), "ß".upper(), len("naïve"))
lines = text.splitlines()
print(len(lines), [l[:10] for l in lines])
first, *middle, last = words
print(first, len(middle), last)
