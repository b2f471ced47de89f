# Grouping records into nested dicts, iterating keys/values/items,
# merging with update and |, and nested dict reprs.

records = [
    ("alice", "math", 91), ("bob", "math", 78), ("carol", "physics", 85),
    ("alice", "physics", 88), ("dave", "math", 64), ("bob", "chemistry", 72),
    ("carol", "math", 95), ("erin", "chemistry", 81), ("dave", "physics", 70),
]

by_subject = {}
by_student = {}
for name, subject, score in records:
    by_subject.setdefault(subject, {})[name] = score
    if name not in by_student:
        by_student[name] = {}
    by_student[name][subject] = score

print(by_subject)
print(by_student["alice"], by_student["erin"])

for subject, scores in by_subject.items():
    best = max(scores, key=scores.get)
    mean = sum(scores.values()) / len(scores)
    print(f"{subject:10} n={len(scores)} best={best} mean={mean:.2f}")

# invert: score band -> names
bands = {}
for name, subjects in by_student.items():
    for subject, score in subjects.items():
        band = score // 10 * 10
        bands.setdefault(band, set()).add(name)
for band in sorted(bands, reverse=True):
    print(band, sorted(bands[band]))

# merging dicts: update, |, |= and ** in a display
defaults = {"color": "blue", "size": 10, "visible": True}
user = {"size": 12, "font": "mono"}
merged = defaults | user
print(merged)
print({**user, **defaults})
settings = dict(defaults)
settings.update(user, visible=False)
print(settings)
settings |= [("color", "red"), ("size", 14)]
print(settings, settings == merged, len(settings))

# dict comprehensions and fromkeys
squares = {n: n * n for n in range(1, 8)}
odd = {k: v for k, v in squares.items() if v % 2}
print(squares, odd)
seen = dict.fromkeys([3, 1, 3, 2, 1], 0)
print(seen, list(seen))

# nested structures and their reprs
tree = {"root": {"left": {"leaf": 1}, "right": {"leaf": 2, "extra": [1, 2, {3: 4}]}}}
print(tree)
tree["root"]["self"] = tree
print(tree)
print(tree["root"]["right"]["extra"][2][3])

# popitem takes the most recent entry
stack = {"a": 1, "b": 2, "c": 3}
while stack:
    print(stack.popitem(), end=" ")
print(stack)
