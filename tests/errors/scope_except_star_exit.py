# expect-error: 10:9: E0204: 'break', 'continue' and 'return' cannot appear in an except* block
# expect-error: 17:9: E0204: 'break', 'continue' and 'return' cannot appear in an except* block
# expect-error: 24:9: E0204: 'break', 'continue' and 'return' cannot appear in an except* block
for i in range(3):
    try:
        pass
    except* ValueError:
        for j in range(2):
            break       # leaves only the inner loop: allowed
        break


def f():
    try:
        pass
    except* ValueError:
        return 1


for i in range(3):
    try:
        pass
    except* ValueError:
        continue
