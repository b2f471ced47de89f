print('shop.models/__init__ runs')
from .. import loaded
loaded.append('models')
DEFAULT_USER = 'guest'
