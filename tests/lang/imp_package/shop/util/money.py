print('shop.util.money runs as', __name__)


def fmt(cents):
    return '%d.%02d' % divmod(cents, 100)
