# The exceptions sequences raise, caught and printed: CPython's exact
# messages for indexing, slicing, methods, unpacking and the builtins.

def show(label, exc):
    print(label, type(exc).__name__, exc)

nums = [1, 2, 3]
try:
    nums[3]
except IndexError as e:
    show("index", e)
try:
    nums[1] = nums[-4]
except IndexError as e:
    show("negative", e)
try:
    nums["1"]
except TypeError as e:
    show("key", e)
try:
    nums[::0]
except ValueError as e:
    show("step", e)
try:
    nums[::2] = [9, 9, 9]
except ValueError as e:
    show("extended", e)
try:
    nums.remove(7)
except ValueError as e:
    show("remove", e)
try:
    nums.index("x")
except ValueError as e:
    show("list.index", e)
try:
    (1, 2).index(3)
except ValueError as e:
    show("tuple.index", e)
try:
    [].pop()
except IndexError as e:
    show("pop", e)
try:
    nums + (4,)
except TypeError as e:
    show("concat", e)
try:
    hash(nums)
except TypeError as e:
    show("hash", e)
try:
    a, b = nums
except ValueError as e:
    show("unpack", e)
try:
    a, b, c, d = nums
except ValueError as e:
    show("unpack", e)
try:
    a, *b, c, d, e = nums
except ValueError as e:
    show("starred", e)
try:
    a, b = 42
except TypeError as e:
    show("unpack", e)
try:
    max([])
except ValueError as e:
    show("max", e)
try:
    sorted([3, "a", 1])
except TypeError as e:
    show("sorted", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    show("sum", e)
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    show("zip", e)
try:
    next(iter([]))
except StopIteration as e:
    show("next", e)
try:
    range(10)[10]
except IndexError as e:
    show("range", e)
try:
    range(5).index(7)
except ValueError as e:
    show("range.index", e)
try:
    reversed(5)
except TypeError as e:
    show("reversed", e)
print("after", nums)
