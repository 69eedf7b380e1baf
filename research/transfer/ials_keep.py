"""iALS frozen vs iALS scratch at another keep (same grids style as keep 0.2)."""
import sys, itertools
from lib import *
from ials import run_mode
from ials2 import frozen
keep = float(sys.argv[1])
r = tune(frozen, dict(k=[64, 128], a_s=[1.0], lam_s=[3.0, 10.0, 30.0], a_t=[1.0, 10.0], lam_t=[10.0, 30.0, 100.0]), keep=keep)
summary(f'keep {keep} iALS frozen', r)
res = []
for s in (1, 2, 3):
    best = None
    for k, a, lam in itertools.product([16, 32], [30, 100, 300], [100, 300, 1000]):
        v, t, it = run_mode('scratch', s, keep, k, a, lam, iters=25)
        if best is None or v > best[0]: best = (v, t, dict(k=k, a=a, lam=lam, iters=it))
    res.append(best)
summary(f'keep {keep} iALS scratch', res)
