# Classes CPython writes in C are named by their C type names in the
# runtime's messages ('datetime.date', not 'date'), while __name__ stays.
import datetime, decimal, collections, itertools, functools, operator, array, io, struct, weakref
from datetime import date, datetime as DT, time, timedelta, timezone
values = [date(2024, 1, 2), DT(2024, 1, 2, 3), time(1), timedelta(1), timezone.utc,
          decimal.Decimal(1), decimal.getcontext(), collections.deque(), collections.defaultdict(int),
          collections.OrderedDict(), itertools.count(), itertools.chain(), functools.partial(int),
          operator.itemgetter(1), operator.attrgetter("a"), operator.methodcaller("m"), array.array("i"),
          io.StringIO(), io.BytesIO(), struct.Struct("i"), weakref.ref(date)]
for v in values:
    for op in (lambda: v + [], lambda: v < None, lambda: [] * v if False else v @ v, lambda: -v if not isinstance(v, (timedelta, decimal.Decimal)) else ~v):
        try:
            op()
        except TypeError as e:
            print(e)
    print(type(v).__name__, type(v).__qualname__, repr(type(v)))
class MyDate(date):
    pass
try:
    MyDate(2020, 1, 1) + 1
except TypeError as e:
    print(e)
try:
    date(2020, 1, 1) - "x"
except TypeError as e:
    print(e)
print(isinstance(weakref.ref(date), weakref.ReferenceType), weakref.ReferenceType.__name__)
