# bisect: a sorted scoreboard, grade lookup, and key= functions.
import bisect
from bisect import bisect_left, bisect_right, insort, insort_left


def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])

scores = []
for s in [50, 20, 80, 20, 65, 99, 1]:
    insort(scores, s)
print(scores)
print(bisect_left(scores, 20), bisect_right(scores, 20), bisect.bisect(scores, 1000))
print(bisect_left(scores, 65, 2, 5), bisect_right(scores, 65, lo=4))

people = [("ann", 31), ("bob", 25), ("cy", 40)]
people.sort(key=lambda p: p[1])
i = bisect_left(people, 31, key=lambda p: p[1])
print(i, people[i])
insort_left(people, ("dee", 33), key=lambda p: p[1])
print(people)
bisect.insort_right(people, ("eve", 25), key=lambda p: p[1])
print(people)

try:
    bisect_left([1, 2], 1, -1)
except ValueError as e:
    print("ValueError:", e)
