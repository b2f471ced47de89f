# expect-error: 6:42: E0201: assignment expression within a comprehension cannot be used in a class body
# A comprehension in a class body cannot bind a class attribute with :=.

class Config:
    names = ["a", "bb"]
    longest = [n for n in (names) if len(last := n) > 1]
