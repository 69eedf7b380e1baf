import sys
from lib import *
from ease import ease_t

def ease_x2(seed, keep, lam, alpha, lamS, rb=0.0, pb=0.0):
    """cross EASE; rb: rows weighted by (|history|)^-rb in the Gram (scoring unweighted);
    pb: score of target item j divided by pop_j^pb (popularity debias)."""
    XT = target(seed, keep)[0]
    Z = np.hstack([source() * alpha, XT])
    w = Z.sum(1); w[w == 0] = 1
    Zw = Z * (w ** (-rb / 2))[:, None]
    G = Zw.T @ Zw
    lv = np.concatenate([np.full(NS, lamS), np.full(NT, lam)])
    P = np.linalg.inv(G + np.diag(lv))
    Pt = P[:, NS:]
    B = -Pt / np.diag(P)[NS:][None, :]
    B[NS + np.arange(NT), np.arange(NT)] = 0
    sc = Z @ B
    if pb: sc = sc / (XT.sum(0) + 1) ** pb
    return sc

def ease_t2(seed, keep, lam, rb=0.0, pb=0.0):
    X = target(seed, keep)[0]
    w = X.sum(1); w[w == 0] = 1
    Xw = X * (w ** (-rb / 2))[:, None]
    P = np.linalg.inv(Xw.T @ Xw + lam * np.eye(NT))
    B = -P / np.diag(P)[None, :]; np.fill_diagonal(B, 0)
    sc = X @ B
    if pb: sc = sc / (X.sum(0) + 1) ** pb
    return sc

if __name__ == '__main__':
    w = sys.argv[1]
    if w == 'lamS':
        r = tune(ease_x2, {'lam': [100, 200, 300], 'alpha': [0.5], 'lamS': [50, 200, 800, 3200]}, verbose=True); summary('EASE cross lamS', r)
    if w == 'rb':
        r = tune(ease_t2, {'lam': [3, 10, 30, 100, 300], 'rb': [0.5, 1.0]}); summary('EASE target rownorm', r)
        r = tune(ease_x2, {'lam': [5, 20, 50, 200], 'alpha': [0.5, 1.0], 'lamS': [20, 200], 'rb': [0.5, 1.0]}); summary('EASE cross rownorm', r)
