import sys
from lib import *

def rp3(seed, keep, beta, alpha=None, a=1.0):
    XT = target(seed, keep)[0]
    Z = XT if alpha is None else np.hstack([source() * alpha, XT])
    ru = Z.sum(1, keepdims=True); ru[ru == 0] = 1
    ci = Z.sum(0, keepdims=True); ci[ci == 0] = 1
    Pui = (Z / ru) ** a if a != 1 else Z / ru
    Piu = (Z / ci).T
    W = Piu @ Pui[:, -NT:]          # items x target items
    W = W / (ci[:, -NT:] ** beta)
    if alpha is None: np.fill_diagonal(W, 0)
    else: W[NS + np.arange(NT), np.arange(NT)] = 0
    return Z @ W

def uknn(seed, keep, k, alpha=None, p=1.0):
    XT = target(seed, keep)[0]
    Z = XT if alpha is None else np.hstack([source() * alpha, XT])
    n = np.linalg.norm(Z, axis=1, keepdims=True); n[n == 0] = 1
    Zn = Z / n
    S = Zn @ Zn.T
    np.fill_diagonal(S, 0)
    if k < NU:
        idx = np.argpartition(-S, k, axis=1)[:, k:]
        np.put_along_axis(S, idx, 0, axis=1)
    S = S ** p
    return S @ XT

if __name__ == '__main__':
    which = sys.argv[1]
    if which == 'rp3':
        r = tune(rp3, {'beta': [0, 0.2, 0.4, 0.6, 0.8]}); summary('RP3beta target-only', r)
        r = tune(rp3, {'beta': [0, 0.2, 0.4, 0.6, 0.8], 'alpha': [0.25, 0.5, 1.0]}); summary('RP3beta cross', r)
    if which == 'uknn':
        r = tune(uknn, {'k': [25, 50, 100, 200, 400], 'p': [1, 2]}); summary('userKNN target-only', r)
        r = tune(uknn, {'k': [25, 50, 100, 200, 400], 'p': [1, 2], 'alpha': [0.5, 1.0]}); summary('userKNN cross', r)
