# expect-error: 5:49: E0201: comprehension inner loop cannot rebind assignment expression target 'j'
# A later `for` of the same comprehension may not rebind a := target.

def pairs():
    return [i for i in range(5) if (j := i) for j in range(5)]
