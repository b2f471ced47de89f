# expect-error: 8:5: E0301: 'match' is not supported yet
# expect-error: 14:1: E0301: 'except*' is not supported yet
# Several unsupported constructs are all reported in one run.
#


def describe(x):
    match x:
        case 0:
            return "zero"
    return "other"


try:
    pass
except* ValueError:
    pass
print(describe(0))
