# word frequency: generate a text, split it into words, count them in a
# dict, sort by count then word, and print the most common.
import sys


def make_text(n):
    syll = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "pa"]
    seed = 12345
    words = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        k = 1 + seed % 3
        w = ""
        s = seed
        for j in range(k):
            w += syll[s % 10]
            s //= 10
        if seed % 7 == 0:
            w = w.capitalize()
        words.append(w)
        if seed % 13 == 0:
            words.append(",")
    lines = []
    for i in range(0, len(words), 12):
        lines.append(" ".join(words[i:i + 12]) + ".")
    return "\n".join(lines)


def count_words(text):
    counts = {}
    for line in text.splitlines():
        for word in line.split():
            word = word.strip(".,").lower()
            if not word:
                continue
            counts[word] = counts.get(word, 0) + 1
    return counts


def main(n):
    text = make_text(n)
    total = 0
    for _ in range(4):
        counts = count_words(text)
        total += len(counts)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    for w, c in top:
        print("%-10s %d" % (w, c))
    print(total, sum(counts.values()))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 1200000)
