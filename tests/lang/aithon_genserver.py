# aithon: GenServer — start, call, cast, handle_info, stop, CallError.
import aithon


class Counter(aithon.GenServer):
    def init(self, start, step=1):
        self.n = start
        self.step = step
        self.log = []
        print("init", start, step)

    def handle_call(self, request, sender):
        op = request[0]
        if op == "get":
            return self.n
        if op == "add":
            self.n += request[1] * self.step
            return self.n
        if op == "log":
            return list(self.log)
        if op == "fail":
            raise ZeroDivisionError("asked to fail")
        if op == "slow":
            try:
                aithon.receive(timeout=0.2, match=lambda m: m == "never")
            except aithon.Timeout:
                pass
            return "slow done"
        return ("unknown", op)

    def handle_cast(self, request):
        self.log.append(request)
        if request == "reset":
            self.n = 0

    def handle_info(self, msg):
        self.log.append(("info", msg))


c = Counter.start(10, step=2)
print(type(c).__name__, aithon.is_alive(c))
print(aithon.call(c, ("add", 5)))
print(aithon.cast(c, "reset"))
print(aithon.call(c, ("get",)))
aithon.send(c, "plain message")
print(aithon.call(c, ("log",)))
print(aithon.call(c, ("what",)))

# A call that outlives its timeout: Timeout; the late reply is dropped.
try:
    aithon.call(c, ("slow",), timeout=0.05)
except aithon.Timeout:
    print("call timed out")
print(aithon.call(c, ("add", 1)))
try:
    print(aithon.receive(timeout=0.3))
except aithon.Timeout:
    print("the late reply never shows up")

# handle_call raises: the server crashes, the caller gets CallError.
try:
    aithon.call(c, ("fail",))
except aithon.CallError as exc:
    print("CallError:", type(exc.reason).__name__, exc.reason)
print("alive after the crash:", aithon.is_alive(c))
try:
    aithon.call(c, ("get",))
except aithon.CallError as exc:
    print("CallError:", repr(exc.reason))

# stop: returns once the server has ended with that reason.
d = Counter.start(1)
ref = aithon.monitor(d)
print(aithon.stop(d, "shutdown"))
print(aithon.receive()[3], aithon.is_alive(d))
try:
    aithon.stop(d)
except aithon.CallError as exc:
    print("stop a dead server:", exc.reason)


# init raises: start raises CallError with that exception.
class Broken(aithon.GenServer):
    def init(self, why):
        raise ValueError(why)


try:
    Broken.start("no config")
except aithon.CallError as exc:
    print("start failed:", repr(exc.reason))


# A server with default handlers; call by registered name.
class Named(aithon.GenServer):
    def init(self):
        aithon.register("named")

    def handle_call(self, request, sender):
        pid, ref = sender
        return ("hello", request, pid == aithon.self() or pid)


n = Named.start()
print(aithon.call("named", "there")[:2])
try:
    aithon.call("nobody", 1)
except aithon.CallError as exc:
    print("unknown name:", exc.reason)
# The default handle_cast raises NotImplementedError: the server ends
# with it, so stop() reports that reason instead of 'normal'.
aithon.cast(n, "no handle_cast")
try:
    aithon.stop(n)
except aithon.CallError as exc:
    print("stop:", type(exc.reason).__name__, exc.reason)
print("named gone:", aithon.whereis("named"))


# start_link: the server's crash reaches the linked caller as an exit
# signal (here trapped, so it is a message).
class Bomb(aithon.GenServer):
    def handle_cast(self, request):
        raise RuntimeError("boom: " + request)


aithon.trap_exits(True)
b = Bomb.start_link()
aithon.cast(b, "lit")
tag, who, reason = aithon.receive(match=lambda m: m[0] == "EXIT")
print(tag, who == b, repr(reason))
