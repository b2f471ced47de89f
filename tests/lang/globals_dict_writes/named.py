VALUE = 'old'


def value():
    return VALUE
