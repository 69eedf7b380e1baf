"""iALS frozen with decoupled knobs: source pretraining (k, a_s, lam_s; 10 sweeps on all source
interactions, independent of the target seed, cached) and the target probe (a_t, lam_t):
target item factors solved once against the frozen source user factors."""
import sys, os, itertools
from lib import *
from ials import als, solve_side, _rows

def src_U(k, a, lam, iters=10):
    f = f'cache_U_{k}_{a}_{lam}.npy'
    if os.path.exists(f): return np.load(f)
    U = als(source(), k, a, lam, iters)[0]
    np.save(f, U); return U

def frozen(seed, keep, k, a_s, lam_s, a_t, lam_t):
    X = target(seed, keep)[0]
    U = src_U(k, a_s, lam_s)
    V = solve_side(U, _rows(X.T), a_t, lam_t)
    return U @ V.T

if __name__ == '__main__':
    L = lambda i: [float(x) for x in sys.argv[i].split(',')]
    g = dict(k=[int(x) for x in sys.argv[1].split(',')], a_s=L(2), lam_s=L(3), a_t=L(4), lam_t=L(5))
    r = tune(frozen, g); summary(f'iALS frozen decoupled {sys.argv[1:]}', r)
