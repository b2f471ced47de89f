# A closed event loop refuses to run or schedule anything:
# RuntimeError('Event loop is closed'), as BaseEventLoop._check_closed.
import asyncio

loop = asyncio.new_event_loop()
print(loop.run_until_complete(asyncio.sleep(0, 'before close')))
fut = loop.create_future()
loop.close()
print(loop.is_closed(), repr(loop).split(' ', 1)[1])
for name, call in [('run_until_complete', lambda: loop.run_until_complete(fut)),
                   ('run_forever', loop.run_forever),
                   ('call_soon', lambda: loop.call_soon(print, 'x')),
                   ('call_later', lambda: loop.call_later(1, print, 'x')),
                   ('call_at', lambda: loop.call_at(1, print, 'x'))]:
    try:
        call()
        print(name, 'ran')
    except RuntimeError as e:
        print(name, 'RuntimeError:', e)
loop.close()
print('closed twice')
