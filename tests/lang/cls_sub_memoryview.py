# memoryview (like bool, range and slice) is not an acceptable base type.
for base in (memoryview, range, bool, slice):
    try:
        class C(base):
            pass
    except TypeError as e:
        print("TypeError:", e)
try:
    type("M", (memoryview,), {})
except TypeError as e:
    print("TypeError:", e)
try:
    class Mixed(object, memoryview):
        pass
except TypeError as e:
    print("TypeError:", e)
