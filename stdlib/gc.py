# aithon: native
"""The garbage collector interface. Each actor has its own heap and
collector (docs/runtime-gc.md); these functions act on the running
actor's. There is no reference counting, so the collector is what frees
memory: disable() only records the setting (isenabled() reports it),
collections still run as the heap fills. collect() runs a full
collection now and returns 0 (unreachable objects are not counted)."""

from _aithon import gc_collect as _gc_collect

__all__ = ['collect', 'disable', 'enable', 'isenabled', 'get_count', 'get_threshold',
           'set_threshold', 'get_objects', 'get_stats', 'is_tracked', 'is_finalized',
           'get_referrers', 'get_referents', 'freeze', 'unfreeze', 'get_freeze_count',
           'garbage', 'callbacks', 'set_debug', 'get_debug', 'DEBUG_STATS',
           'DEBUG_COLLECTABLE', 'DEBUG_UNCOLLECTABLE', 'DEBUG_SAVEALL', 'DEBUG_LEAK']

DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = 38

garbage = []
callbacks = []
_enabled = True
_threshold = (700, 10, 10)
_debug = 0
_collections = [0, 0, 0]


def collect(generation=2):
    """Run the garbage collector (a full collection of this actor's heap)."""
    if not isinstance(generation, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(generation).__name__)
    if generation < 0 or generation > 2:
        raise ValueError('invalid generation')
    info = {'generation': generation}
    for cb in callbacks:
        cb('start', info)
    _gc_collect()
    _collections[generation] += 1
    info = {'generation': generation, 'collected': 0, 'uncollectable': 0}
    for cb in callbacks:
        cb('stop', info)
    return 0


def enable():
    """Enable automatic garbage collection."""
    global _enabled
    _enabled = True


def disable():
    """Disable automatic garbage collection (recorded only: see the module doc)."""
    global _enabled
    _enabled = False


def isenabled():
    """Returns true if automatic garbage collection is enabled."""
    return _enabled


def get_count():
    """Return a three-tuple of the current collection counts."""
    return (0, 0, 0)


def get_threshold():
    """Return the current collection thresholds."""
    return _threshold


def set_threshold(threshold0, threshold1=None, threshold2=None):
    """Set the collection thresholds (recorded only)."""
    global _threshold
    t = list(_threshold)
    t[0] = threshold0
    if threshold1 is not None:
        t[1] = threshold1
    if threshold2 is not None:
        t[2] = threshold2
    _threshold = tuple(t)


def get_debug():
    """Get the garbage collection debugging flags."""
    return _debug


def set_debug(flags):
    """Set the garbage collection debugging flags (recorded only)."""
    global _debug
    _debug = flags


def get_stats():
    """Return a list of dictionaries containing per-generation statistics."""
    return [{'collections': c, 'collected': 0, 'uncollectable': 0} for c in _collections]


def get_objects(generation=None):
    """The objects the collector tracks: not available (an empty list)."""
    return []


def get_referrers(*objs):
    """Not available: an empty list."""
    return []


def get_referents(*objs):
    """The objects directly referred to by objs, for the builtin containers."""
    out = []
    for o in objs:
        if isinstance(o, dict):
            for k, v in o.items():
                out.append(k)
                out.append(v)
        elif isinstance(o, (list, tuple, set, frozenset)):
            out.extend(o)
    return out


def is_tracked(obj):
    """Returns true if the object is tracked by the garbage collector
    (here: everything but atomic values)."""
    return not isinstance(obj, (int, float, str, bytes, bool, type(None)))


def is_finalized(obj):
    """Returns true if the object has been already finalized by the GC."""
    return False


def freeze():
    """Freeze all current tracked objects (no effect)."""


def unfreeze():
    """Unfreeze all objects in the permanent generation (no effect)."""


def get_freeze_count():
    """Return the number of objects in the permanent generation."""
    return 0
