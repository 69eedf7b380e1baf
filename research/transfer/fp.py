"""Target-item similarity from the items' readers' source profiles ("fingerprints")."""
from lib import *

def fpknn(seed, keep, k, g=0.5, idf=0.0, shrink=0.0, wsrc=0.0):
    XT = target(seed, keep)[0]
    XS = source()
    ps = XS.sum(0); ps[ps == 0] = 1
    F = (XT.T @ XS) / ps ** idf             # target items x source items
    F = np.hstack([F, wsrc * (XT.T @ XT)]) if wsrc else F
    n = np.linalg.norm(F, axis=1); n[n == 0] = 1
    S = (F @ F.T) / (np.outer(n, n) + shrink)
    np.fill_diagonal(S, 0)
    if k < NT:
        idx = np.argpartition(-S, k, axis=1)[:, k:]
        np.put_along_axis(S, idx, 0, axis=1)
    ru = XT.sum(1, keepdims=True); ru[ru == 0] = 1
    return (XT / ru ** g) @ S

if __name__ == '__main__':
    r = tune(fpknn, {'k': [20, 50, 200, 1035], 'idf': [0, 0.5, 1.0]}, verbose=False); summary('fingerprint item-kNN (cross only)', r)
