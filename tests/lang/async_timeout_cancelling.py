# asyncio.timeout() after TaskGroups that failed: in 3.11 a TaskGroup whose
# child failed leaves its parent's cancelling() count raised, and timeout()
# compares with the count it saw on entry (not with zero). Children that
# fail in the same loop iteration are all collected.
import asyncio


async def fail(n, d):
    await asyncio.sleep(d)
    raise ValueError('fail %d' % n)


async def ok(d):
    await asyncio.sleep(d)


async def main():
    groups = ([fail(1, 0.01)], [fail(1, 0), fail(2, 0)], [fail(1, 0.01), ok(0.5)],
              [fail(1, 0), fail(2, 0), ok(0.5), fail(3, 0.2)])
    for kids in groups:
        try:
            async with asyncio.TaskGroup() as tg:
                for k in kids:
                    tg.create_task(k)
        except* ValueError as eg:
            print('caught', [str(e) for e in eg.exceptions])
        print('cancelling', asyncio.current_task().cancelling())
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.02) as cm:
            print(cm.expired(), cm.when() is not None)
            cm.reschedule(loop.time() + 0.05)
            await asyncio.sleep(0.03)
            print('still running after reschedule')
            await asyncio.sleep(1)
    except TimeoutError as e:
        print('expired', cm.expired(), repr(e), type(e.__cause__).__name__)
    print('cancelling', asyncio.current_task().cancelling())
    async with asyncio.timeout(None) as cm:
        print(cm.when(), cm.expired())
    print(repr(cm))
    try:
        cm.reschedule(1.0)
    except RuntimeError as e:
        print('RuntimeError:', e)


asyncio.run(main())
