# An uncaught ZeroDivisionError two calls deep: the traceback lists each
# frame, output printed before the error still appears, exit status 1.

def average(total, count):
    return total / count


def report(name, total, count):
    print("report for", name, end=": ")
    mean = average(total, count)
    print("mean", mean)
    return mean


def weekly(weeks):
    best = 0
    for week in range(1, weeks + 1):
        total = week * 7 + 3
        days = 7 - week * 2
        if days < 0:
            days = 0
        mean = report("week " + "I" * week, total, days)
        if mean > best:
            best = mean
    return best


print("best mean:", weekly(2))
print("best mean:", weekly(5))
print("never printed")
