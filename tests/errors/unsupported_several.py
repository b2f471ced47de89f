# expect-error: 10:16: E0302: compile() is not supported by Aithon: programs are compiled ahead of time
# expect-error: 14:1: E0302: sys.settrace() is not supported by Aithon: compiled code has no trace hooks
# Several constructs Aithon refuses are all reported in one run.
#
import sys


def describe(src):
    def gen():
        return compile(src, "<s>", "eval")

    return gen

sys.settrace(describe)
print(describe(0))
