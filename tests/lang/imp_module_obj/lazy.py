table = list(range(10))
loaded = []


def __getattr__(name):
    if name == 'squares':
        loaded.append(name)
        return [x * x for x in table[:4]]
    raise AttributeError('module %r has no attribute %r' % (__name__, name))
