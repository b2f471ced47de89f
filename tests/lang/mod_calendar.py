import calendar
from calendar import TextCalendar, Calendar, monthrange, isleap
print(calendar.month(2024, 2))
print(calendar.month(2023, 12, w=3, l=2))
print(calendar.calendar(2024))
print(calendar.calendar(2023, w=3, l=1, c=4, m=4))
calendar.prmonth(2026, 12)
print(monthrange(2024, 2), monthrange(1900, 2), monthrange(2000, 2), isleap(2100), calendar.leapdays(1900, 2024))
print(calendar.weekday(2024, 7, 4), calendar.weekday(12000, 1, 1), calendar.monthcalendar(2024, 3))
print(list(calendar.month_name), list(calendar.day_abbr), calendar.month_abbr[12], calendar.day_name[0], len(calendar.month_name))
print(calendar.timegm((2024, 3, 15, 12, 30, 45, 0, 0, 0)), calendar.timegm((1970, 1, 1, 0, 0, 0)))
tc = TextCalendar(firstweekday=6)
print(tc.formatmonth(2024, 9))
print(tc.formatweekheader(3), '|', tc.formatweekheader(9), '|', calendar.weekheader(2))
c = Calendar(firstweekday=calendar.SUNDAY)
print(list(c.iterweekdays()), list(c.itermonthdays(2024, 2))[:10], list(c.itermonthdays2(2024, 2))[:3])
print(list(c.itermonthdates(2024, 2))[:3], list(c.itermonthdays4(2024, 1))[:2], c.getfirstweekday())
print(c.monthdatescalendar(2024, 2)[0], len(c.yeardatescalendar(2024)), len(c.yeardayscalendar(2024, 4)))
for bad in [lambda: monthrange(2024, 13), lambda: calendar.setfirstweekday(7), lambda: calendar.weekday(2024, 0, 1)]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday())
print(calendar.month(2024, 6))
calendar.setfirstweekday(0)
# busiest day: count weekdays of the 13th
from collections import Counter
print(Counter(calendar.day_name[calendar.weekday(y, m, 13)] for y in range(2000, 2024) for m in range(1, 13)).most_common(3))
print(calendar.formatstring(['a', 'b'], 5, 2), calendar.error is ValueError, calendar.MONDAY, calendar.SUNDAY)
