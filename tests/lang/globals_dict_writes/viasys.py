import sys

sys.modules[__name__].__dict__['ADDED'] = 'by itself'


def added():
    return ADDED
