import warnings


def legacy():
    warnings.warn('legacy() is deprecated', DeprecationWarning)


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn('first')
    warnings.warn('second', RuntimeWarning)
    legacy()
    warnings.warn(UserWarning('instance'))
    print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w])
    print(isinstance(w[0].message, UserWarning), w[1].category is RuntimeWarning)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('ignore')
    warnings.warn('hidden')
    print(len(w))

with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('boom', UserWarning)
    except UserWarning as e:
        print('raised', type(e).__name__, e)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.filterwarnings('ignore', message='skip.*')
    warnings.filterwarnings('error', category=FutureWarning)
    warnings.warn('skip me')
    warnings.warn('keep me')
    try:
        warnings.warn('future', FutureWarning)
    except FutureWarning as e:
        print('future raised:', e)
    print([str(x.message) for x in w])

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('once')
    for i in range(3):
        warnings.warn('repeated')
    print(len(w))

with warnings.catch_warnings(record=True) as w:
    warnings.resetwarnings()
    warnings.simplefilter('default')
    for i in range(3):
        warnings.warn('dup')
    print(len(w))

print(warnings.formatwarning('msg', UserWarning, 'file.py', 10, 'x = 1'), end='')
shown = []
old = warnings.showwarning
warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: shown.append((str(message), category.__name__))
with warnings.catch_warnings():
    warnings.simplefilter('always')
    warnings.warn('custom hook')
warnings.showwarning = old
print(shown)
try:
    warnings.warn('bad', category=int)
except TypeError as e:
    print('TypeError', e)
try:
    warnings.simplefilter('bogus')
except AssertionError as e:
    print('AssertionError', e)
