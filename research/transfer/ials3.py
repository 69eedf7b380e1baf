"""iALS fine-tune: from the frozen probe (source user factors U0, target item factors V), alternate
on the thinned target: users re-solved with an L2-SP prior toward U0 (strength lam_u), items
re-solved (a_t, lam_t). The number of sweeps (0 = frozen) is chosen on validation."""
import sys, itertools
from lib import *
from ials import solve_side, _rows
from ials2 import src_U

def finetune_hist(seed, keep, k, a_s, lam_s, a_t, lam_t, lam_u, sweeps=6):
    X, val, test, users = target(seed, keep)
    U0 = src_U(k, a_s, lam_s)
    ur, ir = _rows(X), _rows(X.T)
    V = solve_side(U0, ir, a_t, lam_t)
    ev = lambda U, V: (ndcg(U @ V.T, X, val, test, users, 'val'), ndcg(U @ V.T, X, val, test, users, 'test'))
    h = [ev(U0, V)]
    U = U0
    for t in range(sweeps):
        U = solve_side(V, ur, a_t, lam_u, prior=U0)
        V = solve_side(U, ir, a_t, lam_t)
        h.append(ev(U, V))
    return h

if __name__ == '__main__':
    L = lambda i: [float(x) for x in sys.argv[i].split(',')]
    keys = ['k', 'a_s', 'lam_s', 'a_t', 'lam_t', 'lam_u']
    grid = [dict(zip(keys, c)) for c in itertools.product([int(x) for x in sys.argv[1].split(',')], L(2), L(3), L(4), L(5), L(6))]
    res = []
    for s in (1, 2, 3):
        best = None
        for p in grid:
            h = finetune_hist(s, 0.2, **p)
            b = int(np.argmax([v for v, _ in h]))
            print(s, p, [round(v, 4) for v, _ in h], flush=True)
            if best is None or h[b][0] > best[0]: best = (h[b][0], h[b][1], dict(p, sweeps=b))
        res.append(best)
    summary(f'iALS frozen-or-finetune {sys.argv[1:]}', res)
