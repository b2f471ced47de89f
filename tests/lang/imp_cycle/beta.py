print('beta starts')
import alpha            # partly initialised: alpha's body is waiting for us
saw_alpha_attrs = sorted(n for n in dir(alpha) if not n.startswith('_'))


def pong(n):
    return 'pong %d -> %s' % (n, alpha.ping(n - 1) if n > 0 else 'done')


print('beta ends')
