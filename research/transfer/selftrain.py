"""Self-training: cross EASE's top-m unseen target items per user become weak pseudo-interactions
(weight g), then the model is refit; target-only side gets the same treatment with target EASE."""
import sys
from lib import *
from ease2 import ease_x2, ease_t2

def fit_x(XT, lam, alpha, rb, lamS):
    Z = np.hstack([source() * alpha, XT])
    w = (Z > 0).sum(1).astype(float); w[w == 0] = 1
    Zw = Z * (w ** (-rb / 2))[:, None]
    P = np.linalg.inv(Zw.T @ Zw + np.diag(np.concatenate([np.full(NS, lamS), np.full(NT, lam)])))
    B = -P[:, NS:] / np.diag(P)[NS:][None, :]
    B[NS + np.arange(NT), np.arange(NT)] = 0
    return B

def fit_t(XT, lam, rb):
    w = (XT > 0).sum(1).astype(float); w[w == 0] = 1
    Xw = XT * (w ** (-rb / 2))[:, None]
    P = np.linalg.inv(Xw.T @ Xw + lam * np.eye(NT))
    B = -P / np.diag(P)[None, :]; np.fill_diagonal(B, 0)
    return B

def pseudo(XT, sc, m, g):
    s = np.where(XT > 0, -np.inf, sc)
    idx = np.argpartition(-s, m, axis=1)[:, :m]
    A = XT.copy()
    np.put_along_axis(A, idx, g, axis=1)
    return A

def st_x(seed, keep, m, g, lam=50, alpha=0.5, rb=0.5, lamS=20):
    XT = target(seed, keep)[0]
    Z = np.hstack([source() * alpha, XT])
    sc = Z @ fit_x(XT, lam, alpha, rb, lamS)
    if m == 0: return sc
    A = pseudo(XT, sc, m, g)
    return np.hstack([source() * alpha, XT]) @ fit_x(A, lam, alpha, rb, lamS)

def st_t(seed, keep, m, g, lam=200, rb=0.5):
    XT = target(seed, keep)[0]
    sc = XT @ fit_t(XT, lam, rb)
    if m == 0: return sc
    A = pseudo(XT, sc, m, g)
    return XT @ fit_t(A, lam, rb)

if __name__ == '__main__':
    r = tune(st_x, {'m': [0, 5, 10, 20], 'g': [0.3, 1.0]}, verbose=True); summary('self-trained cross EASE', r)
    r = tune(st_t, {'m': [0, 5, 10, 20], 'g': [0.3, 1.0]}); summary('self-trained target EASE', r)
