# expect-error: 8:14: E0101: mapping pattern checks duplicate key ('name')
# expect-error: 14:14: E0101: mapping pattern checks duplicate key (True)
# expect-error: 20:14: E0101: mapping pattern checks duplicate key (-0.0)
# expect-error: 26:21: E0101: multiple assignments to name 'rest' in pattern
def f(v):
    match v:
        case {"id": 1}: pass
        case {"name": n, "age": a, "name": m}:
            pass

def g(v):
    match v:
        case {"x": 1}: pass
        case {1: one, True: yes}:
            pass

def h(v):
    match v:
        case {"x": 1}: pass
        case {0.0: z, -0.0: w}:
            pass

def k(v):
    match v:
        case [1]: pass
        case {"a": [*rest], **rest}:
            pass
