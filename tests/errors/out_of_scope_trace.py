# expect-error: 9:1: E0302: sys.settrace() is not supported by Aithon: compiled code has no trace hooks
# expect-error: 12:12: E0302: sys._getframe() is not supported by Aithon: compiled code has no frame objects
# Trace hooks and frame objects do not exist in compiled code.
import sys

def tracer(frame, event, arg):
    return tracer

sys.settrace(tracer)
sys.settrace(None)
def where():
    return sys._getframe().f_code.co_name
print(where())
