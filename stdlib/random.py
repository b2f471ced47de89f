# aithon: native
"""Random variable generators: the Mersenne Twister of CPython (same
seeds, same sequences) in runtime/modules/modrandom.c (module _random),
plus SystemRandom, which draws from the operating system."""

from _random import (Random as _CRandom, betavariate, choice, choices, expovariate, gammavariate, gauss,
                     getrandbits, getstate, lognormvariate, normalvariate, paretovariate,
                     randbytes, randint, random, randrange, sample, seed, setstate, shuffle,
                     triangular, uniform, vonmisesvariate, weibullvariate)
from math import log as _log, exp as _exp, pi as _pi, e as _e, sqrt as _sqrt
from os import urandom as _urandom

__all__ = ["Random", "SystemRandom", "betavariate", "choice", "choices", "expovariate",
           "gammavariate", "gauss", "getrandbits", "getstate", "lognormvariate",
           "normalvariate", "paretovariate", "randbytes", "randint", "random", "randrange",
           "sample", "seed", "setstate", "shuffle", "triangular", "uniform",
           "vonmisesvariate", "weibullvariate"]

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
TWOPI = 2.0 * _pi
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53
RECIP_BPF = 2 ** -BPF


class Random:
    """A Mersenne Twister generator of its own: Random(seed) gives
    CPython's sequence for that seed. A Python class over the C core
    (_random.Random), so that programs can subclass it; the module-level
    functions use the C generator directly."""

    VERSION = 3

    def __init__(self, x=None):
        self._r = _CRandom(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        self._r.seed(a, version)

    def random(self):
        return self._r.random()

    def getrandbits(self, k):
        return self._r.getrandbits(k)

    def randbytes(self, n):
        return self._r.randbytes(n)

    def getstate(self):
        return self._r.getstate()

    def setstate(self, state):
        self._r.setstate(state)

    def randrange(self, start, stop=None, step=1):
        return self._r.randrange(start, stop, step)

    def randint(self, a, b):
        return self._r.randint(a, b)

    def choice(self, seq):
        return self._r.choice(seq)

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        return self._r.choices(population, weights, cum_weights=cum_weights, k=k)

    def sample(self, population, k, *, counts=None):
        return self._r.sample(population, k, counts=counts)

    def shuffle(self, x):
        self._r.shuffle(x)

    def uniform(self, a, b):
        return self._r.uniform(a, b)

    def triangular(self, low=0.0, high=1.0, mode=None):
        return self._r.triangular(low, high, mode)

    def gauss(self, mu=0.0, sigma=1.0):
        return self._r.gauss(mu, sigma)

    def normalvariate(self, mu=0.0, sigma=1.0):
        return self._r.normalvariate(mu, sigma)

    def lognormvariate(self, mu, sigma):
        return self._r.lognormvariate(mu, sigma)

    def expovariate(self, lambd):
        return self._r.expovariate(lambd)

    def vonmisesvariate(self, mu, kappa):
        return self._r.vonmisesvariate(mu, kappa)

    def gammavariate(self, alpha, beta):
        return self._r.gammavariate(alpha, beta)

    def betavariate(self, alpha, beta):
        return self._r.betavariate(alpha, beta)

    def paretovariate(self, alpha):
        return self._r.paretovariate(alpha)

    def weibullvariate(self, alpha, beta):
        return self._r.weibullvariate(alpha, beta)


class SystemRandom(Random):
    """Random numbers from the operating system (os.urandom): not
    reproducible, so seed() does nothing and getstate()/setstate() raise
    NotImplementedError; the other methods are Random's."""

    def random(self):
        """A float in [0.0, 1.0)."""
        return (int.from_bytes(_urandom(7), 'big') >> 3) * RECIP_BPF

    def getrandbits(self, k):
        """An int with k random bits."""
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        numbytes = (k + 7) // 8
        x = int.from_bytes(_urandom(numbytes), 'big')
        return x >> (numbytes * 8 - k)

    def randbytes(self, n):
        """n random bytes."""
        return _urandom(n)

    def seed(self, *args, **kwds):
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have state.')

    getstate = setstate = _notimplemented

    def __init__(self, x=None):
        self.gauss_next = None

    @property
    def _r(self):
        # Everything else (the distributions): Random's, on a generator
        # freshly seeded from the operating system.
        return _CRandom(int.from_bytes(_urandom(32), 'big'))
