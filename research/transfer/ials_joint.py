"""iALS joint: one ALS over [source | thinned target] columns; sweeps chosen on validation."""
import sys, itertools
from lib import *
from ials import als
res = []
for s in (1, 2, 3):
    X, val, test, users = target(s)
    Z = np.hstack([source(), X])
    ev = lambda U, V: (ndcg(U @ V[-NT:].T, X, val, test, users, 'val'), ndcg(U @ V[-NT:].T, X, val, test, users, 'test'))
    best = None
    for k, a, lam in itertools.product([64], [1, 3], [10, 30]):
        _, _, h = als(Z, k, a, lam, 10, evalfn=ev)
        b = int(np.argmax([v for v, _ in h]))
        print(s, k, a, lam, [round(v, 4) for v, _ in h], flush=True)
        if best is None or h[b][0] > best[0]: best = (h[b][0], h[b][1], dict(k=k, a=a, lam=lam, sweeps=b + 1))
    res.append(best)
summary('iALS joint', res)
