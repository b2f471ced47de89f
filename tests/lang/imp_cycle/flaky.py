import sys
print('flaky body runs')
attempts = sys.modules.get('__main__')
x = 1 / 0
