# binary-trees: allocate and walk many short-lived trees of tuples, and one
# long-lived tree.
import sys


def make_tree(d):
    if d == 0:
        return (None, None)
    d -= 1
    return (make_tree(d), make_tree(d))


def check_tree(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


def main(max_depth):
    min_depth = 4
    stretch = max_depth + 1
    print("stretch tree of depth %d\t check: %d" % (stretch, check_tree(make_tree(stretch))))
    long_lived = make_tree(max_depth)
    for d in range(min_depth, max_depth + 1, 2):
        iters = 2 ** (max_depth - d + min_depth)
        check = 0
        for i in range(iters):
            check += check_tree(make_tree(d))
        print("%d\t trees of depth %d\t check: %d" % (iters, d, check))
    print("long lived tree of depth %d\t check: %d" % (max_depth, check_tree(long_lived)))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 17)
