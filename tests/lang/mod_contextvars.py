# contextvars: ContextVar get/set/reset, Context.run and copy_context,
# and asyncio tasks each running in a copy of their creator's context.
import asyncio
import contextvars
from contextvars import ContextVar, copy_context

request_id = ContextVar("request_id", default="-")
user = ContextVar("user")

print(request_id.name, request_id.get(), user.get("nobody"))
try:
    user.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__)

tok = user.set("alice")
print(user.get(), tok.var is user, tok.old_value is contextvars.Token.MISSING, repr(tok.old_value))
tok2 = user.set("bob")
print(user.get(), tok2.old_value)
user.reset(tok2)
print(user.get())
try:
    user.reset(tok2)
except RuntimeError:
    print("token reused")
try:
    request_id.reset(tok)
except ValueError:
    print("token of another var")
user.reset(tok)
print(user.get("unset again"))

ctx = copy_context()
print(user in ctx, len(ctx) >= 0)


def in_context(x):
    user.set(x)
    request_id.set("r-" + x)
    return user.get(), request_id.get()


print(ctx.run(in_context, "carol"))
print(ctx[user], ctx.get(request_id), user.get("outside still unset"))
print(sorted(v.name for v in ctx))
try:
    ctx.run(ctx.run, print, "nested")
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("cannot enter context"))


async def handle(n, log):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0)
    log.append((n, request_id.get()))
    inner = await asyncio.create_task(child())
    return request_id.get(), inner


async def child():
    before = request_id.get()
    request_id.set("child")
    return before


async def main():
    request_id.set("main")
    log = []
    results = await asyncio.gather(*(handle(i, log) for i in range(3)))
    print(results)
    print(sorted(log))
    print("main still", request_id.get())
    t = asyncio.create_task(child())
    request_id.set("changed after create_task")
    print("task saw", await t, "main has", request_id.get())


asyncio.run(main())
print("after run", request_id.get())


async def with_context():
    ctx = copy_context()
    ctx.run(request_id.set, "given")
    t = asyncio.create_task(child(), context=ctx)
    print("context= task saw", await t, "ctx now", ctx[request_id])


asyncio.run(with_context())
