# expect-error: 6:1: E0301: 'class' is not supported yet
# A program using a construct the compiler does not compile yet must be
# refused at compile time, at the construct, never miscompiled.


class Point:
    pass


print("unreachable")
