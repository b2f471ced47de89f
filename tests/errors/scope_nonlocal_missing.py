# expect-error: 6:9: E0202: no binding for nonlocal 'total' found


def add(n):
    def inner():
        nonlocal total
        total = n

    inner()


add(1)
