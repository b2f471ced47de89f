__all__ = ['square', 'cube']
__all__ += ['PI_ISH']
__all__.append('late_value')

PI_ISH = 3.14
hidden = 'not in __all__'


def square(x):
    return x * x


def cube(x):
    return x * x * x


def _private():
    return 'private'


late_value = 'bound after the lists'
