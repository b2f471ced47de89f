__all__ = ['point', 'vector', 'helpers_used']
from . import _helpers
helpers_used = _helpers.tag
