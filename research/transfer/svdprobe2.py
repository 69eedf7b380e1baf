"""Frozen probe on closed-form source user factors: U = left singular vectors of the column-
normalised source matrix (scaled by s^p); target item factors solved once with the iALS probe."""
from lib import *
from ials import solve_side, _rows
from functools import lru_cache

@lru_cache(maxsize=4)
def svd_src(g):
    XS = source(); c = XS.sum(0); c[c == 0] = 1
    U, s, Vt = np.linalg.svd(XS * c ** (-g), full_matrices=False)
    return U, s

def probe(seed, keep, k, g, p, a_t, lam_t):
    X = target(seed, keep)[0]
    U, s = svd_src(g)
    Uk = U[:, :k] * (s[:k] / s[0]) ** p
    V = solve_side(Uk, _rows(X.T), a_t, lam_t)
    return Uk @ V.T

if __name__ == '__main__':
    r = tune(probe, dict(k=[128, 256], g=[0], p=[0.5, 1], a_t=[1, 10], lam_t=[0.1, 1, 10]))
    summary('source-SVD frozen probe (wider k)', r)
