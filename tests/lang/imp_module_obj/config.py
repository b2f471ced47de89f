DEBUG = False
LEVEL = 1


def level():
    return LEVEL * 10


def describe():
    return 'debug=%s level=%s' % (DEBUG, LEVEL)
