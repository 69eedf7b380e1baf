import sys
from lib import *
from functools import lru_cache

def ease_B(G, lam_vec):
    P = np.linalg.inv(G + np.diag(lam_vec))
    B = -P / np.diag(P)[None, :]
    np.fill_diagonal(B, 0)
    return B

def ease_t(seed, keep, lam):
    X = target(seed, keep)[0]
    B = ease_B(X.T @ X, np.full(NT, lam))
    return X @ B

def ease_x(seed, keep, lam, alpha, lamS=None):
    XT = target(seed, keep)[0]
    XS = source() * alpha
    Z = np.hstack([XS, XT])
    G = Z.T @ Z
    lv = np.concatenate([np.full(NS, lam if lamS is None else lamS), np.full(NT, lam)])
    P = np.linalg.inv(G + np.diag(lv))
    Pt = P[:, NS:]
    B = -Pt / np.diag(P)[NS:][None, :]
    B[NS + np.arange(NT), np.arange(NT)] = 0
    return Z @ B

if __name__ == '__main__':
    r = tune(ease_t, {'lam': [30, 100, 200, 300, 500, 1000]}); summary('EASE target-only', r)
    r = tune(ease_x, {'lam': [100, 200, 300, 500], 'alpha': [0.35, 0.5, 0.7]}); summary('EASE cross', r)
