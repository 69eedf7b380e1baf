"""Same-family ensembles: target-only components vs cross-domain components; every component's
knobs and the blend weights chosen on the validation item per seed."""
import sys, itertools
from lib import *
from ease2 import ease_t2, ease_x2
from graph import rp3, uknn
from lowpass import gfcf, puresvd

def best_scores(fn, grid, seed, keep):
    X, val, test, users = target(seed, keep)
    best = None
    for combo in itertools.product(*grid.values()):
        p = dict(zip(grid, combo))
        sc = fn(seed, keep, **p)
        v = ndcg(sc, X, val, test, users, 'val')
        if best is None or v > best[0]: best = (v, sc, p)
    return best

def znorm(sc, X):
    S = np.where(X > 0, np.nan, sc)
    m = np.nanmean(S, 1, keepdims=True); s = np.nanstd(S, 1, keepdims=True); s[s == 0] = 1
    return (sc - m) / s

T = {
 'ease': (ease_t2, {'lam': [100, 300], 'rb': [0.5]}),
 'gf': (gfcf, {'k': [16, 64], 'w': [0.3, 1.0]}),
 'uknn': (uknn, {'k': [400, 800], 'p': [1, 2]}),
 'rp3': (rp3, {'beta': [0, 0.2]}),
 'svd': (puresvd, {'k': [10, 20], 'g': [0.25]}),
}
C = {
 'ease': (ease_x2, {'lam': [20, 50], 'alpha': [0.5, 1.0], 'lamS': [20], 'rb': [0.5, 1.0]}),
 'gf': (gfcf, {'k': [16, 64], 'w': [0, 0.3], 'alpha': [0.5]}),
 'uknn': (uknn, {'k': [100, 200], 'p': [1, 2], 'alpha': [0.5, 1.0]}),
 'rp3': (rp3, {'beta': [0.4], 'alpha': [0.5, 1.0]}),
 'svd': (puresvd, {'k': [50, 100], 'g': [0.25], 'alpha': [1.0]}),
}
W = [0, 0.25, 0.5, 1.0]

def run(side, keep=0.2):
    comps = T if side == 't' else C
    res = []
    for s in (1, 2, 3):
        X, val, test, users = target(s, keep)
        Z = {}
        for name, (fn, grid) in comps.items():
            v, sc, p = best_scores(fn, grid, s, keep)
            Z[name] = znorm(sc, X)
            print(side, s, name, p, round(v, 4), round(ndcg(sc, X, val, test, users, 'test'), 4), flush=True)
        names = list(Z)
        best = None
        for w in itertools.product(W, repeat=len(names) - 1):
            ws = (1.0,) + w   # ease weight fixed at 1
            sc = sum(wi * Z[n] for wi, n in zip(ws, names))
            v = ndcg(sc, X, val, test, users, 'val')
            if best is None or v > best[0]: best = (v, ndcg(sc, X, val, test, users, 'test'), dict(zip(names, ws)))
        print(side, s, 'blend', best, flush=True)
        res.append(best)
    summary(f'ensemble {side}', res)

if __name__ == '__main__':
    run(sys.argv[1])
