# Big integers: factorials by repeated multiplication, then the digit sum
# of the largest by repeated division.

def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result = result * i
    return result


def digit_sum(n):
    s = 0
    while n > 0:
        s = s + n % 10
        n = n // 10
    return s


checksum = 0
for n in range(1000, 8001, 1000):
    checksum = (checksum * 31 + factorial(n) % 1000000007) % 1000000007
print(checksum)
print(digit_sum(factorial(8000)))
