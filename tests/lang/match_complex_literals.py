# match: complex literal patterns (1+2j, -1j) and complex, which does not match itself.
for z in [1+2j, -1j, 2, complex(1, 2)]:
    match z:
        case 1+2j:
            print("one plus two j")
        case -1j:
            print("minus j")
        case complex():
            print("other complex", z)
        case _:
            print("not complex", z)
try:
    match 1j:
        case complex(x):
            pass
except TypeError as e:
    print(e)
