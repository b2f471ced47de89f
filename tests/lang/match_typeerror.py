# An uncaught TypeError from a class pattern: the traceback shows the
# pattern's line.
class Box:
    __match_args__ = ("content",)

    def __init__(self, content):
        self.content = content


def unbox(b):
    match b:
        case Box(x, y):
            return x + y
    return None


print(unbox(3))
print(unbox(Box(1)))
