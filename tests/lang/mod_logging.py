# logging: levels, the lastResort handler, basicConfig, loggers in a
# hierarchy with propagation, handlers with formatters (%, {} styles),
# filters, exceptions with tracebacks, LoggerAdapter.
import io
import logging
import sys

logging.getLogger("early").warning("before any configuration: %s", "last resort")
logging.getLogger("early").info("not shown")

stream = io.StringIO()
logging.basicConfig(stream=stream, level=logging.INFO)
logging.info("info %d", 1)
logging.debug("debug hidden")
log = logging.getLogger("app.db")
log.warning("db warning")
print(stream.getvalue(), end="")

parent = logging.getLogger("app")
print(log.parent is parent, parent.parent is logging.getLogger(), log.name, log.getEffectiveLevel())
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("[{levelname}] {name}: {message}", style="{"))
parent.addHandler(handler)
parent.setLevel(logging.DEBUG)
log.debug("now visible %s", "debug")
log.propagate = False
log.error("not propagated")
log.propagate = True


class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 0


handler.addFilter(OnlyEven())
for i in range(4):
    log.info("number %d", i)
handler.filters.clear()

fmt = logging.Formatter("%(levelname)-8s|%(name)s|%(message)s")
handler.setFormatter(fmt)
err = logging.StreamHandler()           # stderr: the traceback's paths
err.setFormatter(fmt)
log.addHandler(err)
log.propagate = False
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed: %s", "division")
log.removeHandler(err)
log.propagate = True

adapter = logging.LoggerAdapter(log, {"user": "ann"})
adapter.info("through an adapter")
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25), logging.getLevelName("ERROR"))
logging.addLevelName(25, "NOTICE")
log.log(25, "custom level")
print(log.isEnabledFor(logging.DEBUG), logging.getLogger("app").hasHandlers())
logging.disable(logging.CRITICAL)
log.critical("disabled")
logging.disable(logging.NOTSET)
log.critical("enabled again")
print(repr(logging.getLogger()), repr(log))
try:
    log.setLevel("LOUD")
except ValueError as e:
    print("ValueError", e)
print(stream.getvalue().count("\n"))
