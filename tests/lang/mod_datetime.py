import datetime
from datetime import date, time, datetime as dt, timedelta, timezone, tzinfo

# timedelta
td = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(timedelta(), repr(timedelta()), timedelta(-1), repr(timedelta(seconds=-1)))
print(timedelta(days=-1, seconds=1), timedelta(weeks=2), timedelta(milliseconds=1.5))
print(timedelta(hours=1.5), timedelta(seconds=0.5e-6), timedelta(seconds=1.5e-6), timedelta(days=0.1))
print(td + td, td - timedelta(days=3), -td, abs(-td), +td)
print(td * 2, 2 * td, td * 0.5, td / 2, td / 3, td / 0.25, td // 2)
print(td / timedelta(hours=1), td // timedelta(hours=1), td % timedelta(hours=1))
print(divmod(td, timedelta(hours=5)))
print(td == timedelta(days=1, seconds=7384, microseconds=5), td != td, td < td * 2, td >= td)
print(bool(timedelta()), bool(td), hash(td) == hash(timedelta(days=1, seconds=7384, microseconds=5)))
print(timedelta.min, timedelta.max, timedelta.resolution)
print(str(timedelta(days=2, microseconds=10)), str(timedelta(days=-2)))
for bad in (lambda: timedelta(days=1000000000), lambda: timedelta.max + timedelta(1),
            lambda: timedelta('1'), lambda: td / 0, lambda: td // timedelta(0),
            ):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
# (the runtime names these types without their module: 'timedelta', not 'datetime.timedelta')
for bad in (lambda: td < 5, lambda: td + 1, lambda: date(2000, 1, 1) + 1, lambda: date(2000, 1, 1) < 3):
    try:
        print(bad())
    except TypeError as e:
        print('TypeError')
print(sorted([timedelta(3), timedelta(-1), timedelta(seconds=5)]))
print({timedelta(1): 'a'}[timedelta(hours=24)])

# date
d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.toordinal())
print(d.isocalendar(), d.isocalendar().week, tuple(d.isocalendar()))
print(d + timedelta(days=1), d - timedelta(days=60), d - date(2023, 1, 1), date(2000, 1, 1) - d)
print(d.replace(year=2028), d.ctime(), d.isoformat(), date.fromordinal(730120))
print(date.fromisoformat('2021-03-04'), date.fromisoformat('20210304'), date.fromisoformat('2021-W01-1'))
print(date.fromisocalendar(2020, 53, 7), date.min, date.max, date.resolution)
print(d < date(2025, 1, 1), d == date(2024, 2, 29), d != date(2024, 2, 28), d > date(2024, 1, 1))
print(d.strftime('%Y-%m-%d %A %a %B %b %j %U %W %w %y %H:%M:%S %p %%'), format(d, '%d/%m'), f'{d}', f'{d:%Y}')
print(d.strftime('%c|%x|%X|%G-W%V-%u|%e|%-d|%-m|%z|%Z|'))
print(d.timetuple())
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 1)]))
print(hash(d) == hash(date(2024, 2, 29)), len({d, date(2024, 2, 29)}))
for y, m, dd in [(2024, 2, 30), (0, 1, 1), (2023, 13, 1), (10000, 1, 1), (2023, 2, 29)]:
    try:
        date(y, m, dd)
    except ValueError as e:
        print('ValueError', e)
for bad in (lambda: date('2020', 1, 1), lambda: date(2020.0, 1, 1), lambda: date.fromisoformat('2021-3-4'),
            lambda: date.max + timedelta(1), lambda: date.fromordinal(0)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
for y in (2004, 2009, 2010, 2015, 2020, 2021):
    print([date(y, 1, k).isocalendar()[:] for k in (1, 2, 3, 4)], date(y, 12, 31).isocalendar()[:])

# time
t = time(13, 5, 9, 120)
print(t, repr(t), repr(time(1, 2)), repr(time(1, 2, 3)), time(), t.hour, t.minute, t.second, t.microsecond)
print(t.isoformat('hours'), t.isoformat('minutes'), t.isoformat('seconds'), t.isoformat('milliseconds'), t.isoformat('microseconds'))
print(t.strftime('%H|%I|%M|%S|%f|%p'), t.replace(hour=1), time.fromisoformat('10:20:30.5'), time.fromisoformat('102030'))
print(time.min, time.max, t < time(14), t == time(13, 5, 9, 120), time(1, tzinfo=timezone.utc))
print(repr(time(1, tzinfo=timezone.utc)), time(1, tzinfo=timezone.utc).utcoffset(), time(23, 59).tzname())
for args in [(24,), (1, 60), (1, 1, 60), (1, 1, 1, 1000000)]:
    try:
        time(*args)
    except ValueError as e:
        print('ValueError', e)
try:
    time(1) < time(1, tzinfo=timezone.utc)
except TypeError as e:
    print('TypeError', e)

# datetime
x = dt(2023, 12, 31, 23, 59, 30, 500)
print(x, repr(x), repr(dt(2023, 1, 1)), repr(dt(2023, 1, 1, 5, 0, 7)), x.date(), x.time())
print(x + timedelta(seconds=30), x + timedelta(days=1, microseconds=-500), x - timedelta(weeks=52))
print(x - dt(2023, 1, 1), dt(2023, 1, 1) - x, x.isoformat(), x.isoformat(' '), x.isoformat(timespec='seconds'))
print(x.strftime('%Y-%m-%dT%H:%M:%S.%f %j %a'), x.ctime(), x.weekday(), x.timetuple())
print(x.replace(microsecond=0, year=2000), dt.combine(date(2020, 1, 2), time(3, 4)), dt.combine(d, t))
print(dt.fromisoformat('2011-11-04T00:05:23'), dt.fromisoformat('2011-11-04 00:05:23.283+00:00'))
print(repr(dt.fromisoformat('2011-11-04T00:05:23Z')), dt.fromisoformat('2011-11-04T00:05:23-04:30'), dt.fromisoformat('20111104'))
print(repr(dt.fromisoformat('2011-11-04T00:05:23.283+00:00')))
print(dt.strptime('2023-07-04 12:30:45', '%Y-%m-%d %H:%M:%S'), dt.strptime('04/07/23', '%d/%m/%y'))
print(dt.strptime('Tue Jul  4 01:02:03 PM 2023', '%a %b %d %I:%M:%S %p %Y'), dt.strptime('2023-07-04T01:02:03.25+0200', '%Y-%m-%dT%H:%M:%S.%f%z'))
print(dt.strptime('March 5 2020', '%B %d %Y'), dt.strptime('2020 100', '%Y %j'))
for bad in (lambda: dt.strptime('2023-07-04', '%Y/%m/%d'), lambda: dt.strptime('2023-07-04x', '%Y-%m-%d'),
            lambda: dt.fromisoformat('2011-11-04T'), lambda: dt(2020, 1, 1) < date(2020, 1, 1),
            lambda: dt(2020, 1, 1) < dt(2020, 1, 1, tzinfo=timezone.utc),
            lambda: dt(2020, 1, 1) - dt(2020, 1, 1, tzinfo=timezone.utc)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(dt(2020, 1, 1) == date(2020, 1, 1), dt(2020, 1, 1) == dt(2020, 1, 1, tzinfo=timezone.utc))
print(dt.min, dt.max, dt.resolution, x > dt(2023, 1, 1), x == x.replace(), sorted([x, dt(2000, 1, 1)])[0])

# time zones
utc = timezone.utc
tz2 = timezone(timedelta(hours=2))
tzn = timezone(timedelta(hours=-5, minutes=-30), 'EST-ish')
print(utc, repr(utc), tz2, repr(tz2), tzn, repr(tzn), datetime.UTC is utc, timezone(timedelta(0)) is utc)
a = dt(2020, 6, 1, 12, 0, tzinfo=utc)
b = a.astimezone(tz2)
print(a, b, repr(b), a == b, hash(a) == hash(b), b - a, b.utcoffset(), b.tzname(), b.dst())
print(a.astimezone(tzn), a.timestamp(), dt.fromtimestamp(0, utc), dt.fromtimestamp(1e9, tz2))
print(dt.utcfromtimestamp(86400 * 365.25), dt.fromtimestamp(1234567890.5, timezone.utc))
print(a.strftime('%z %Z'), b.strftime('%z|%Z'), tzn.utcoffset(None), timezone.min, timezone.max)
print(a.isoformat(), timezone(timedelta(hours=5, minutes=30, seconds=15)), a.utctimetuple())
try:
    timezone(timedelta(hours=24))
except ValueError as e:
    print('ValueError', e)


class CET(tzinfo):
    def utcoffset(self, d):
        return timedelta(hours=1)

    def dst(self, d):
        return timedelta(0)

    def tzname(self, d):
        return 'CET'

    def __repr__(self):
        return 'CET()'


c = dt(2021, 1, 1, 10, tzinfo=CET())
print(c, repr(c), c.tzname(), c.astimezone(utc), utc.fromutc(dt(2021, 1, 1, tzinfo=utc)))
print(c.astimezone(CET()) == c, (c - dt(2021, 1, 1, 9, tzinfo=utc)))


class MyDate(date):
    def double_year(self):
        return self.year * 2


m = MyDate(2020, 1, 1)
print(repr(m), m.double_year(), type(m + timedelta(1)).__name__, isinstance(m, date))
print(type(dt.now()).__name__, type(date.today()).__name__, dt.now(utc).tzinfo is utc, dt.now().tzinfo)
import time as _t
print(date.today() <= dt.now().date(), abs(dt.now() - dt.fromtimestamp(_t.time())) < timedelta(seconds=5))
print(datetime.MINYEAR, datetime.MAXYEAR)
