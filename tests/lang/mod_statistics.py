import statistics as st
from statistics import NormalDist, StatisticsError
from fractions import Fraction

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
ints = [1, 2, 3, 4, 4, 5, 9]
print(st.mean([1, 2, 3, 4, 4]), st.mean(ints), st.mean([1, 2, 3]), st.mean(data), st.mean([Fraction(3, 7), Fraction(1, 21)]))
print(st.mean([1, 2.5]), st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3], weights=[3, 1, 1]), st.geometric_mean([54, 24, 36]))
print(st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([0, 5]), st.harmonic_mean([7]))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median(['b', 'a', 'c']))
print(st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 3, 3, 5, 7], interval=1), st.median_grouped([1, 3, 3, 5, 7], interval=2))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(['red', 'blue', 'blue', 'red', 'green', 'red', 'red']), st.multimode('aabbbbccddddeeffffgg'), st.multimode([]))
print(st.variance(data), st.variance(ints), st.variance([1, 2, 3]), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]), st.pvariance([1, 2, 3, 4]))
print(st.variance([Fraction(1, 6), Fraction(1, 2), Fraction(5, 3)]), st.variance(data, st.mean(data)))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev(ints), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(st.stdev([0.1, 0.2, 0.3, 0.4]), st.stdev(range(100)), st.pstdev([1e10, 1e10 + 1, 1e10 + 2]))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4), st.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4, method='inclusive'), st.quantiles([1.0, 9.0], n=3))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, x), round(st.correlation(x, [9, 8, 7, 6, 5, 4, 3, 2, 1]), 12), st.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11]))
print(st.linear_regression([1, 2, 3], [2, 4, 6], proportional=True))
n = NormalDist(100, 15)
print(n, n.mean, n.stdev, n.variance, n.median, round(n.pdf(100), 12), round(n.cdf(130), 12), round(n.zscore(130), 12))
print([round(q, 6) for q in n.quantiles()], round(NormalDist().inv_cdf(0.975), 9), round(NormalDist().inv_cdf(1e-10), 6))
print(round(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)), 9), n + 5, n * 2, n - NormalDist(10, 20), -n, n == NormalDist(100, 15))
print(NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]), len(n.samples(5, seed=1)))
for bad in (lambda: st.mean([]), lambda: st.variance([1]), lambda: st.pvariance([]), lambda: st.median([]), lambda: st.mode([]),
            lambda: st.stdev([1]), lambda: st.harmonic_mean([-1, 2]), lambda: st.geometric_mean([]), lambda: st.quantiles([1], n=4),
            lambda: st.quantiles([1, 2], n=0), lambda: st.correlation([1, 1], [1, 2]), lambda: st.linear_regression([1, 1], [1, 2]),
            lambda: st.covariance([1, 2], [1]), lambda: NormalDist(0, -1), lambda: NormalDist().inv_cdf(1.0), lambda: st.fmean([])):
    try:
        print(bad())
    except StatisticsError as e:
        print('StatisticsError', e)
print(issubclass(StatisticsError, ValueError))
