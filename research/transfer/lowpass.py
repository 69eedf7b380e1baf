import sys
from lib import *
from functools import lru_cache

@lru_cache(maxsize=8)
def _svd(seed, keep, alpha, g):
    XT = target(seed, keep)[0]
    Z = XT if alpha is None else np.hstack([source() * alpha, XT])
    ci = Z.sum(0); ci[ci == 0] = 1
    Zn = Z * ci ** (-g)
    U, s, Vt = np.linalg.svd(Zn, full_matrices=False)
    return Z, Zn, Vt, ci

def puresvd(seed, keep, k, g=0.0, alpha=None):
    Z, Zn, Vt, ci = _svd(seed, keep, alpha, g)
    V = Vt[:k].T
    return (Zn @ V) @ V[-NT:].T

@lru_cache(maxsize=8)
def _gf(seed, keep, alpha):
    XT = target(seed, keep)[0]
    Z = XT if alpha is None else np.hstack([source() * alpha, XT])
    ru = Z.sum(1); ru[ru == 0] = 1
    ci = Z.sum(0); ci[ci == 0] = 1
    Rt = Z / np.sqrt(ru)[:, None] / np.sqrt(ci)[None, :]
    _, s, Vt = np.linalg.svd(Rt, full_matrices=False)
    lin = Z @ (Rt.T @ Rt[:, -NT:])
    return Z, Rt, Vt, ci, lin

def gfcf(seed, keep, k, w, alpha=None):
    Z, Rt, Vt, ci, lin = _gf(seed, keep, alpha)
    V = Vt[:k].T
    ideal = ((Z / np.sqrt(ci)) @ V) @ (V[-NT:].T * np.sqrt(ci[-NT:])[None, :])
    return lin + w * ideal

if __name__ == '__main__':
    w = sys.argv[1]
    if w == 'svd':
        r = tune(puresvd, {'k': [10, 20, 50, 100, 200], 'g': [0, 0.25, 0.5]}); summary('PureSVD target-only', r)
        r = tune(puresvd, {'k': [20, 50, 100, 200, 400], 'g': [0, 0.25, 0.5], 'alpha': [0.5, 1.0]}); summary('PureSVD cross', r)
    if w == 'gf':
        r = tune(gfcf, {'k': [16, 64, 256], 'w': [0, 0.1, 0.3, 1.0]}); summary('GF-CF target-only', r)
        r = tune(gfcf, {'k': [16, 64, 256], 'w': [0, 0.1, 0.3, 1.0], 'alpha': [0.5, 1.0]}); summary('GF-CF cross', r)
