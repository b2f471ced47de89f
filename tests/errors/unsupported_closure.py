# expect-error: 7:5: E0301: a closure (a nested function using an outer local) is not supported yet


def outer():
    count = 0

    def inner():
        return count + 1

    return inner()


print(outer())
