import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())


class Node:
    def __init__(self):
        self.other = None


for i in range(1000):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
print(type(gc.collect()).__name__, gc.collect(0) >= 0, gc.collect(generation=1) >= 0)
events = []
gc.callbacks.append(lambda phase, info: events.append((phase, info['generation'])))
gc.collect()
gc.callbacks.clear()
print(events)
print(len(gc.get_threshold()), len(gc.get_count()), len(gc.get_stats()), gc.garbage, gc.get_debug())
print(gc.is_tracked(1), gc.is_tracked('s'), gc.is_tracked([]), gc.get_freeze_count())
print(sorted(gc.get_referents([1, 2], {'a': 3})[:2]))
try:
    gc.collect(3)
except ValueError as e:
    print('ValueError', e)
