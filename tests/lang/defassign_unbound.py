# Definite assignment (compiler/defassign.c): the reads that may find a
# local unassigned keep their check and raise UnboundLocalError with
# CPython's message; the reads it proves assigned give the value.


def attempt(name, f, *args):
    try:
        print(name, f(*args))
    except UnboundLocalError as e:
        print(name, "UnboundLocalError:", e)


def after_del():
    x = 1
    y = x + 1
    del x
    return y, x


def one_branch(c):
    if c:
        x = "then"
    return x


def both_branches(c):
    if c:
        x = "then"
    else:
        x = "else"
    return x


def in_handler(fail):
    try:
        if fail:
            raise ValueError("no")
        x = 1
    except ValueError:
        return "handler sees", x
    return x


def zero_iterations(n):
    for i in range(n):
        x = i
    return x, i


def back_edge():
    out = []
    for i in range(3):
        if i > 0:
            out.append(x)
        x = i
        if i == 1:
            del x
    return out


def while_break(c):
    while True:
        if c:
            break
        x = 1
        break
    return x


def while_else(n):
    while n > 0:
        n -= 1
    else:
        done = True
    return done


def except_name():
    try:
        raise KeyError("k")
    except KeyError as e:
        got = repr(e)
    return got, e


def in_finally():
    try:
        try:
            x = int("bad")
        finally:
            print("finally reads", x)
    except ValueError:
        return "ValueError"


def finally_del_break():
    for i in range(2):
        try:
            x = i
            break
        finally:
            del x
    return x


class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True


def with_swallows(fail):
    with Quiet():
        if fail:
            raise RuntimeError("swallowed")
        x = "after raise"
    return x


def walrus_and(a):
    if a and (y := "walrus"):
        pass
    return y


def walrus_comprehension(items):
    squares = [(z := v * v) for v in items]
    return squares, z


def match_capture(pair):
    match pair:
        case (a, 3):
            pass
        case _:
            pass
    return a


def try_else(fail):
    try:
        if fail:
            raise ValueError
    except ValueError:
        pass
    else:
        y = "else ran"
    return y


def augmented():
    n += 1
    return n


def generator(n):
    for i in range(n):
        last = i
        yield i
    yield last


def star_targets():
    first, *rest = [1, 2, 3]
    (a, b), c = (4, 5), 6
    return first, rest, a, b, c


def nested_loops(n):
    total = 0
    for i in range(n):
        for j in range(i):
            k = i * j
            total += k
        while total > 100:
            total -= 100
    return total, k


def comprehension_locals(rows):
    return [[cell * 2 for cell in row if cell] for row in rows]


def lambda_and_genexp(xs):
    f = lambda v, w=len(xs): v + w
    return sum(f(x) for x in xs)


def import_binds():
    import os.path
    from math import sqrt as root
    return os.path.basename("/a/b"), root(16.0)


attempt("after_del", after_del)
attempt("one_branch True", one_branch, True)
attempt("one_branch False", one_branch, False)
attempt("both_branches", both_branches, False)
attempt("in_handler ok", in_handler, False)
attempt("in_handler fail", in_handler, True)
attempt("zero_iterations 3", zero_iterations, 3)
attempt("zero_iterations 0", zero_iterations, 0)
attempt("back_edge", back_edge)
attempt("while_break False", while_break, False)
attempt("while_break True", while_break, True)
attempt("while_else", while_else, 2)
attempt("except_name", except_name)
attempt("in_finally", in_finally)
attempt("finally_del_break", finally_del_break)
attempt("with_swallows False", with_swallows, False)
attempt("with_swallows True", with_swallows, True)
attempt("walrus_and True", walrus_and, True)
attempt("walrus_and False", walrus_and, False)
attempt("walrus_comprehension", walrus_comprehension, [1, 2, 3])
attempt("walrus_comprehension []", walrus_comprehension, [])
attempt("match_capture (1, 3)", match_capture, (1, 3))
attempt("match_capture (1, 2)", match_capture, (1, 2))
attempt("try_else False", try_else, False)
attempt("try_else True", try_else, True)
attempt("augmented", augmented)
attempt("generator", lambda: list(generator(3)))
attempt("generator 0", lambda: list(generator(0)))
attempt("star_targets", star_targets)
attempt("nested_loops", nested_loops, 5)
attempt("nested_loops 1", nested_loops, 1)
attempt("comprehension_locals", comprehension_locals, [[1, 0, 2], [], [3]])
attempt("lambda_and_genexp", lambda_and_genexp, [1, 2, 3])
attempt("import_binds", import_binds)
