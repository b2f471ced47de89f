"""A module whose namespace other modules write through its dict."""
DEBUG = False
LEVEL = 1


def show():
    return (DEBUG, LEVEL, globals().get('EXTRA', 'no EXTRA'))


def level():
    return LEVEL
