"""Re-evaluate the chosen configs of the non-frozen rows with the tie-break in lib.ndcg."""
from lib import *
from ease2 import ease_x2, ease_t2
from ials import als
CX = {1: dict(lam=20, alpha=0.5, lamS=10, rb=1.0), 2: dict(lam=10, alpha=0.5, lamS=10, rb=0.75), 3: dict(lam=20, alpha=0.7, lamS=10, rb=1.0)}
CT = {1: dict(lam=200, rb=0.75), 2: dict(lam=100, rb=0.75), 3: dict(lam=100, rb=0.5)}
ST = {1: dict(k=32, a=100, lam=300, iters=8), 2: dict(k=32, a=100, lam=300, iters=10), 3: dict(k=16, a=100, lam=300, iters=13)}
for s in (1, 2, 3):
    X, val, test, users = target(s)
    print(s, 'zero-train target items', int((X.sum(0) == 0).sum()))
    print(s, 'EASE cross', [round(x, 4) for x in evalboth(ease_x2(s, 0.2, **CX[s]), X, val, test, users)], flush=True)
    print(s, 'EASE target', [round(x, 4) for x in evalboth(ease_t2(s, 0.2, **CT[s]), X, val, test, users)], flush=True)
    p = ST[s]; U, V, _ = als(X, p['k'], p['a'], p['lam'], p['iters'])
    print(s, 'iALS scratch', [round(x, 4) for x in evalboth(U @ V.T, X, val, test, users)], flush=True)
