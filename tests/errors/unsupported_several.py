# expect-error: 8:5: E0301: 'match' is not supported yet
# expect-error: 14:1: E0301: 'except*' is not supported yet
# expect-error: 18:1: E0301: a class keyword argument (metaclass=…) is not supported yet
# Several unsupported constructs are all reported in one run.


def describe(x):
    match x:
        case 0:
            return "zero"
    return "other"


try:
    pass
except* ValueError:
    pass
class Meta(type, metaclass=type):
    pass
print(describe(0))
