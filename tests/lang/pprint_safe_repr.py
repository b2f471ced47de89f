# PrettyPrinter._safe_repr: CPython's (private) method behind format(),
# returning (repr, readable, recursive); programs test for it with hasattr.
from pprint import PrettyPrinter

p = PrettyPrinter()
print(hasattr(p, '_safe_repr'))
data = [("string", (1, 2), [3, 4], {7: 8, 5: 6})] * 2
print(p._safe_repr(data, {}, None, 0))
r = [1, 2]
r.append(r)
print(p._safe_repr(r, {}, None, 0)[1:])
print(p._safe_repr({'b': [1, [2, [3]]], 'a': 0}, {}, 2, 0))
print(p._safe_repr(object, {}, None, 0))


class Shout(PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if isinstance(object, str):
            return object.upper(), True, False
        return PrettyPrinter.format(self, object, context, maxlevels, level)


print(Shout().pformat(['ab', ('cd', 1)]))
