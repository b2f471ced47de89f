/*
 * skynet.c — the skynet benchmark: a tree of actors, each spawning 10
 * children, down to 1,000,000 leaves; each leaf sends its number to its
 * parent, each parent sends the sum of its children up.
 *   skynet_ms  wall time for the whole tree (sum checked: 499999500000).
 * Go: goroutines and channels (the original skynet.go). Erlang: processes.
 *
 * Messages are intrusive: a parent keeps its ten children's arguments, each
 * with a reply message embedded, in its own frame while it waits, so a
 * node costs one actor (stack + block) and no other allocation.
 */
#include "common.h"

typedef struct reply {
    mbox_msg_t hdr;
    long sum;
} reply_t;

typedef struct node_arg {
    actor_t *parent;
    long num, size;
    reply_t reply;
} node_arg_t;

static void node(void *p)
{
    node_arg_t *a = p;
    if (a->size == 1) {
        a->reply.sum = a->num;
    } else {
        node_arg_t kids[10];
        long sub = a->size / 10;
        actor_t *me = actor_self();
        for (int i = 0; i < 10; i++) {
            kids[i].parent = me;
            kids[i].num = a->num + i * sub;
            kids[i].size = sub;
            actor_release(actor_spawn(node, &kids[i]));
        }
        long sum = 0;
        for (int i = 0; i < 10; i++)
            sum += ((reply_t *)mbox_receive(-1, NULL, NULL))->sum;
        a->reply.sum = sum;
    }
    mbox_send(a->parent, &a->reply.hdr);
}

static long LEAVES;

static double tree(long leaves)
{
    node_arg_t top = { actor_self(), 0, leaves, { { NULL, NULL }, 0 } };
    int64_t t0 = bench_now();
    actor_release(actor_spawn(node, &top));
    reply_t *r = (reply_t *)mbox_receive(-1, NULL, NULL);
    double ms = (double)(bench_now() - t0) / 1e6;
    if (r->sum != leaves * (leaves - 1) / 2) {
        fprintf(stderr, "skynet: wrong sum %ld\n", r->sum);
        exit(1);
    }
    return ms;
}

static void root(void *arg)
{
    (void)arg;
    tree(LEAVES / 10);
    double best = 1e18;
    for (int r = 0; r < 3; r++) {
        double v = tree(LEAVES);
        if (v < best)
            best = v;
    }
    bench_result("skynet", best, "ms");
}

int main(int argc, char **argv)
{
    LEAVES = bench_arg(argc, argv, 1000000);
    return sched_run_main(root, NULL);
}
