"""Cross EASE split by which history block scores: source-history only (a 'frozen'-like reading:
no target history used for the user), target-history only, and both (the full model)."""
from lib import *
CX = {1: dict(lam=20, alpha=0.5, lamS=10, rb=1.0), 2: dict(lam=10, alpha=0.5, lamS=10, rb=0.75), 3: dict(lam=20, alpha=0.7, lamS=10, rb=1.0)}
out = {'source-only': [], 'target-only-block': [], 'both': []}
for s in (1, 2, 3):
    p = CX[s]
    X, val, test, users = target(s)
    Z = np.hstack([source() * p['alpha'], X])
    w = Z.sum(1); w[w == 0] = 1
    Zw = Z * (w ** (-p['rb'] / 2))[:, None]
    P = np.linalg.inv(Zw.T @ Zw + np.diag(np.concatenate([np.full(NS, p['lamS']), np.full(NT, p['lam'])])))
    B = -P[:, NS:] / np.diag(P)[NS:][None, :]; B[NS + np.arange(NT), np.arange(NT)] = 0
    for name, sc in [('source-only', Z[:, :NS] @ B[:NS]), ('target-only-block', Z[:, NS:] @ B[NS:]), ('both', Z @ B)]:
        v, t = evalboth(sc, X, val, test, users); out[name].append((v, t, {}))
        print(s, name, round(v, 4), round(t, 4), flush=True)
for k, r in out.items(): summary(f'cross EASE scored from {k}', r)
