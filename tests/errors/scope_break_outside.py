# expect-error: 7:5: E0204: 'break' outside loop


def f(n):
    if n > 3:
        print("big")
    break


f(4)
