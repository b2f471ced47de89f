print('alpha starts')
import beta
seen_from_beta = beta.saw_alpha_attrs


def ping(n):
    return 'ping %d -> %s' % (n, beta.pong(n - 1) if n > 0 else 'done')


print('alpha ends')
