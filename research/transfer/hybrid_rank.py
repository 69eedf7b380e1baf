"""Blend of the two best families, each side with its own val-chosen configs (per seed, from the
logs of ease3.py / ials2.py / ials.py), blend weight chosen on validation."""
from lib import *
from ease2 import ease_x2, ease_t2
from ials import als
from ials2 import frozen
from ease import *
CX = {1: dict(lam=20, alpha=0.5, lamS=10, rb=1.0), 2: dict(lam=10, alpha=0.5, lamS=10, rb=0.75), 3: dict(lam=20, alpha=0.7, lamS=10, rb=1.0)}
CT = {1: dict(lam=200, rb=0.75), 2: dict(lam=100, rb=0.75), 3: dict(lam=100, rb=0.5)}
FX = {1: dict(k=64, a_s=1.0, lam_s=10.0, a_t=10.0, lam_t=30.0), 2: dict(k=128, a_s=1.0, lam_s=30.0, a_t=1.0, lam_t=10.0), 3: dict(k=128, a_s=1.0, lam_s=3.0, a_t=1.0, lam_t=30.0)}
ST = {1: dict(k=32, a=100, lam=300, iters=8), 2: dict(k=32, a=100, lam=300, iters=10), 3: dict(k=32, a=100, lam=300, iters=25)}
def z_old(sc, X):
    S = np.where(X > 0, np.nan, sc); m = np.nanmean(S, 1, keepdims=True); s = np.nanstd(S, 1, keepdims=True); s[s == 0] = 1
    return (sc - m) / s
from scipy.stats import rankdata
def z(sc, X):
    S = np.where(X > 0, -np.inf, sc)
    return rankdata(S, axis=1) / S.shape[1]
res = {'t': [], 'c': []}
for s in (1, 2, 3):
    X, val, test, users = target(s)
    e_c, e_t = z(ease_x2(s, 0.2, **CX[s]), X), z(ease_t2(s, 0.2, **CT[s]), X)
    f_c = z(frozen(s, 0.2, **FX[s]), X)
    p = ST[s]; U, V, _ = als(X, p['k'], p['a'], p['lam'], p['iters']); f_t = z(U @ V.T, X)
    for side, (a, b) in {'t': (e_t, f_t), 'c': (e_c, f_c)}.items():
        best = None
        for w in [0, 0.25, 0.5, 0.75, 1.0]:
            sc = (1 - w) * a + w * b
            v, t = evalboth(sc, X, val, test, users)
            print(side, s, w, round(v, 4), round(t, 4), flush=True)
            if best is None or v > best[0]: best = (v, t, {'w_ials': w})
        res[side].append(best)
summary('hybrid (rank blend) EASE+iALS target-only', res['t']); summary('hybrid (rank blend) EASE+iALS cross (frozen)', res['c'])
