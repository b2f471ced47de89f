"""Requests for more memory than the machine has raise MemoryError at
once, and the program goes on (issue 9, item 6).

The program below asks for terabytes in many ways (repetition of lists,
str, bytes, tuples; bytearray(n), bytes(n), int.to_bytes, huge shifts,
padding, list(range(n)), in-place repetition). It runs under a 4 GiB
address-space limit, as does CPython on the same file, and must print
what CPython prints. A second run lowers Aithon's own limit
(AITHON_MEM_LIMIT=1g) under an 8 GiB address space, so that the size
check, not a failing mmap, refuses requests of 2-3 GB.
"""

import os
import resource
import subprocess
import sys

from _cli import TMP, check, finish, limit_address_space, run, write

AITHONC = os.path.abspath(sys.argv[1])

CASES = [
    "[0] * 10**12", "'ab' * 10**12", "b'x' * 10**12", "bytearray(10**13)", "bytes(10**13)",
    "1 << 2**40", "[0] * 2**62", "'ab' * 2**62", "b'x' * 2**62", "bytearray(2**62)",
    "[0] * 10**19", "'a' * 10**19", "(0,) * 10**12", "[1, 2] * 2**61",
    "bytearray(b'xy') * 10**12", "'abc'.ljust(10**12)", "' ' * 10**11", "list(range(10**12))",
    "'abc'.center(10**13)", "b'abc'.ljust(10**13)", "'a'.zfill(10**13)",
    "(1).to_bytes(10**13, 'big')", "[[0]] * 10**12", "1 << 10**12",
]
SRC = '''def attempt(name, make):
    try:
        x = make()
        print(name, "-> made", len(x) if not isinstance(x, int) else x.bit_length())
    except (MemoryError, OverflowError) as e:
        print(name, "->", type(e).__name__, e)


'''
SRC += ''.join('attempt(%r, lambda: %s)\n' % (c, c) for c in CASES)
SRC += '''y = [None]
try:
    y *= 10**12
except MemoryError as e:
    print("y *= 10**12 ->", repr(e))
s = "still running"
print(s, len([s] * 1000))
'''

write('bigalloc.py', SRC)


def limit(gib):
    """For CPython's runs."""
    def f():
        resource.setrlimit(resource.RLIMIT_AS, (gib << 30, gib << 30))
    return f


def alimit(gib):
    """For Aithon's runs (no limit under ASan/TSan: the size checks
    must then refuse on their own)."""
    return lambda: limit_address_space(gib << 30)


want = subprocess.run([sys.executable, '-E', 'bigalloc.py'], cwd=TMP, capture_output=True,
                      preexec_fn=limit(4), timeout=300)
rc, out, err = run([AITHONC, 'bigalloc.py', '-o', 'bigalloc'])
if check(rc == 0, 'bigalloc compiles', err):
    rc, out, err = run([os.path.join(TMP, 'bigalloc')], preexec_fn=alimit(4), timeout=120)
    check((rc, out) == (want.returncode, want.stdout.decode()), 'under ulimit -v 4G: as CPython',
          'got %r %r\nwant %r' % (rc, out + err, want.stdout.decode()))

# The size check itself (mmap would succeed under 8 GiB).
write('midalloc.py', '''for make in (lambda: [0] * 300_000_000, lambda: bytearray(3 * 10**9),
             lambda: "ab" * 1_500_000_000, lambda: 1 << 20_000_000_000):
    try:
        make()
        print("made")
    except MemoryError:
        print("MemoryError")
print("still running")
''')
rc, out, err = run([AITHONC, 'midalloc.py', '-o', 'midalloc'])
if check(rc == 0, 'midalloc compiles', err):
    env = dict(os.environ, AITHON_MEM_LIMIT='1g')
    rc, out, err = run([os.path.join(TMP, 'midalloc')], preexec_fn=alimit(8), env=env, timeout=120)
    check((rc, out) == (0, 'MemoryError\n' * 4 + 'still running\n'),
          'AITHON_MEM_LIMIT=1g refuses 2-3 GB requests', repr((rc, out, err)))
finish()
