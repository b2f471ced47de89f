# Long short-circuit chains and long displays of names: every operand
# counts (a comparison chain longer than 64 used to drop its tail), and
# they compile without quadratic blow-up.
x = 1
zero = 0
nums = list(range(200))

print(0 < 1 < 2 < 3 < 4 < 5 < 6 < 7 < 8 < 9 < 10 < 11 < 12 < 13 < 14 < 15 < 16 < 17 < 18 < 19 < 20 < 21 < 22 < 23 < 24 < 25 < 26 < 27 < 28 < 29 < 30 < 31 < 32 < 33 < 34 < 35 < 36 < 37 < 38 < 39 < 40 < 41 < 42 < 43 < 44 < 45 < 46 < 47 < 48 < 49 < 50 < 51 < 52 < 53 < 54 < 55 < 56 < 57 < 58 < 59 < 60 < 61 < 62 < 63 < 64 < 65 < 66 < 67 < 68 < 69 < 70 < 0)
ok = (0 < 1 < 2 < 3 < 4 < 5 < 6 < 7 < 8 < 9 < 10 < 11 < 12 < 13 < 14 < 15 < 16 < 17 < 18 < 19 < 20 < 21 < 22 < 23 < 24 < 25 < 26 < 27 < 28 < 29 < 30 < 31 < 32 < 33 < 34 < 35 < 36 < 37 < 38 < 39 < 40 < 41 < 42 < 43 < 44 < 45 < 46 < 47 < 48 < 49 < 50 < 51 < 52 < 53 < 54 < 55 < 56 < 57 < 58 < 59 < 60 < 61 < 62 < 63 < 64 < 65 < 66 < 67 < 68 < 69 < 70 < 71)
print(ok)
if 0 < 1 < 2 < 3 < 4 < 5 < 6 < 7 < 8 < 9 < 10 < 11 < 12 < 13 < 14 < 15 < 16 < 17 < 18 < 19 < 20 < 21 < 22 < 23 < 24 < 25 < 26 < 27 < 28 < 29 < 30 < 31 < 32 < 33 < 34 < 35 < 36 < 37 < 38 < 39 < 40 < 41 < 42 < 43 < 44 < 45 < 46 < 47 < 48 < 49 < 50 < 51 < 52 < 53 < 54 < 55 < 56 < 57 < 58 < 59 < 60 < 61 < 62 < 63 < 64 < 65 < 66 < 67 < 68 < 69 < 70 < 69:
    print("wrong")
else:
    print("the last comparison counts")


def check(values):
    total = 0
    for v in values:
        if v > -1 and v < 1000 and v != 500 and v != 501 and v != 502 and v != 503 and v != 504 and v != 505 and v != 506 and v != 507 and v != 508 and v != 509 and v != 510 and v != 511 and v != 512 and v != 513 and v != 514 and v != 515 and v != 516 and v != 517 and v != 518 and v != 519 and v != 520 and v != 521 and v != 522 and v != 523 and v != 524 and v != 525 and v != 526 and v != 527 and v != 528 and v != 529 and v != 530 and v != 531 and v != 532 and v != 533 and v != 534 and v != 535 and v != 536 and v != 537 and v != 538 and v != 539 and v != 540 and v != 541 and v != 542 and v != 543 and v != 544 and v != 545 and v != 546 and v != 547 and v != 548 and v != 549 and v != 550 and v != 551 and v != 552 and v != 553 and v != 554 and v != 555 and v != 556 and v != 557 and v != 558 and v != 559 and v != 560 and v != 561 and v != 562 and v != 563 and v != 564 and v != 565 and v != 199:
            total += v
    return total


print(check(nums))
print(zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or zero or "last")
row = [x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero]
print(len(row), sum(row), max(x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero, x, zero))
