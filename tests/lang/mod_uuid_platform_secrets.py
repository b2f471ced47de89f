import uuid
from uuid import UUID
u = UUID('{12345678-1234-5678-1234-567812345678}')
print(u, repr(u), u.hex, u.int, u.urn, u.version, u.variant, u.fields, u.bytes, u.bytes_le)
print(u.time_low, u.time_mid, u.time_hi_version, u.clock_seq, u.node, u.time, int(u))
for kw in [dict(bytes=u.bytes), dict(bytes_le=u.bytes_le), dict(fields=u.fields), dict(int=u.int), dict(hex='urn:uuid:' + u.hex)]:
    print(UUID(**kw) == u)
print(UUID(int=1, version=4), UUID(int=0).variant, UUID(int=(1 << 128) - 1).variant)
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))
try:
    uuid.uuid5(uuid.NAMESPACE_URL, b"http://x")
except TypeError as e:
    print(e)
print(uuid.uuid5(uuid.NAMESPACE_URL, "http://x"), uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
r = uuid.uuid4()
print(r.version, r.variant, len(str(r)), len(r.hex), isinstance(r, UUID), r == UUID(str(r)))
t = uuid.uuid1()
print(t.version, t.variant, uuid.uuid1() != t)
print(sorted([UUID(int=5), UUID(int=3)]), UUID(int=3) < UUID(int=5), {UUID(int=3): 1}[UUID(int=3)])
print(UUID(int=3) == 3, u.is_safe, uuid.SafeUUID.safe)
for bad in [dict(), dict(hex='xyz'), dict(bytes=b'abc'), dict(bytes_le=b''), dict(fields=(1,)), dict(int=-1),
            dict(int=1, version=9), dict(fields=(1 << 32, 0, 0, 0, 0, 0)), dict(fields=(0, 0, 0, 0, 256, 0)), dict(hex='a', int=1)]:
    try:
        UUID(**bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    u.int = 3
except TypeError as e:
    print(e)
print(str(UUID('12345678123456781234567812345678')))
import random, secrets
r = random.SystemRandom()
x = r.randint(1, 6); print(1 <= x <= 6)
print(r.choice([5]), len(r.sample(range(10), 3)), 0 <= r.random() < 1, r.randrange(3, 4))
l = list(range(5)); r.shuffle(l); print(sorted(l))
print(len(secrets.token_hex(16)), len(secrets.token_bytes()), len(secrets.token_urlsafe(16)), secrets.randbelow(1), secrets.choice('a'))
print(secrets.compare_digest('abc', 'abc'), secrets.compare_digest(b'a', b'ab'), 0 <= secrets.randbits(8) < 256)
try: secrets.randbelow(0)
except ValueError as e: print(e)
print(r.uniform(2, 2), len(r.choices('ab', k=4)), type(r.gauss(0, 1)).__name__)
import platform, os
u = os.uname()
print(platform.system(), platform.node() == u.nodename, platform.release() == u.release, platform.machine() == u.machine)
print(tuple(platform.uname())[:5] == tuple(u), platform.uname().processor, len(platform.uname()), platform.architecture())
lib, ver = platform.libc_ver()
print(lib, platform.platform() == '-'.join([u.sysname, u.release, u.machine, 'with', lib + ver]).replace('-with-', '-with-'))
print(platform.python_implementation(), len(platform.python_version_tuple()), platform.python_version().startswith('3.11.'))
print(os.confstr('CS_GNU_LIBC_VERSION') == lib + ' ' + ver, 'CS_PATH' in os.confstr_names, type(platform.freedesktop_os_release()).__name__)
