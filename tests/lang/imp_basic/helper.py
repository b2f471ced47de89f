"""Helper functions."""
print('helper runs as', __name__)

VERSION = (1, 2)
count = 0


class HelperError(Exception):
    pass


def greet(who):
    return 'hello, %s' % who


def bump():
    global count
    count += 1
    return count


def show_extra():
    return extra


def fail(msg):
    raise HelperError(msg)


counter = bump()

if __name__ == '__main__':
    print('never printed: helper is imported')
