# Number crunching: primes, gcd, big ints, floats, divmod, rounding.
def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
    return [i for i, p in enumerate(is_prime) if p]


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


primes = sieve(100)
print(primes[:10], len(primes), sum(primes))
print(gcd(1071, 462), gcd(2 ** 64, 6 ** 20))
print(max(range(1, 30), key=collatz), collatz(27))
fact = 1
for k in range(1, 31):
    fact *= k
print(fact, len(str(fact)), fact % 1000007)
print(divmod(-17, 5), divmod(17, -5), -17 // 5, -17 % 5, 17 / 4)
print(round(2.5), round(3.5), round(2.675, 2), round(-0.5), round(1234.5678, -2))
print(0.1 + 0.2, 1 / 3, 2 ** -2, 10 ** 20 / 3, float(10 ** 20))
print(abs(-7), abs(-2.5), pow(3, 4), pow(2, 100, 1000), int("ff", 16), hex(255), bin(10), oct(8))
values = [3.5, -1.25, 8.0, 2.75]
mean = sum(values) / len(values)
var = sum((v - mean) ** 2 for v in values) / len(values)
print(f"mean={mean:.3f} var={var:.4f} min={min(values)} max={max(values)}")
print(7 // 2 * 2 + 7 % 2 == 7, 1 < 2 < 3 > 2, not 0, 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70)
