# expect-error: 9:5: E0201: name 'counter' is used prior to global declaration
counter = 0


def bump():
    print(counter)
    # CPython rejects the whole file: the declaration comes after a use.

    global counter
    counter += 1


bump()
