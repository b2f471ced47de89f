def len(x):
    return "len of %d items %s" % (__builtins__["len"](x), type(__builtins__).__name__)
