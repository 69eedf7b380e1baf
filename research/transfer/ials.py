"""iALS (Hu et al. implicit ALS) — the MF family solved in closed form.
scratch: ALS on the thinned target only; frozen: user factors from ALS on the source, target item
factors solved once against them (no user update); finetune: start from the source user factors,
alternate on the target with the users pulled toward their source values (L2-SP); joint: ALS on
source + target columns (source weighted alpha)."""
import sys
from lib import *

def _rows(X):
    return [np.nonzero(r)[0] for r in X]

def solve_side(Y, rows, a, lam, prior=None, vals=None):
    """For each row r: (YtY + a*Y_r^T Y_r + lam I) x = (1+a) Y_r^T 1 (+ lam*prior)."""
    k = Y.shape[1]
    YtY = Y.T @ Y
    out = np.zeros((len(rows), k))
    I = lam * np.eye(k)
    for r, idx in enumerate(rows):
        Yr = Y[idx]
        w = a if vals is None else a * vals[r]
        A = YtY + (Yr.T * w) @ Yr + I
        b = ((1 + w) * Yr.T).sum(1) if vals is None else (Yr.T * (1 + w)).sum(1)
        if prior is not None: b = b + lam * prior[r]
        out[r] = np.linalg.solve(A, b)
    return out

def als(X, k, a, lam, iters, seed=0, U0=None, sp=False, evalfn=None):
    rng = np.random.default_rng(seed)
    ur, ir = _rows(X), _rows(X.T)
    U = rng.normal(0, 0.01, (X.shape[0], k)) if U0 is None else U0.copy()
    V = rng.normal(0, 0.01, (X.shape[1], k))
    hist = []
    for t in range(iters):
        V = solve_side(U, ir, a, lam)
        U = solve_side(V, ur, a, lam, prior=U0 if sp else None)
        if evalfn: hist.append(evalfn(U, V))
    return U, V, hist

_src_cache = {}
def source_users(k, a, lam, iters=10):
    key = (k, a, lam)
    if key not in _src_cache:
        _src_cache[key] = als(source(), k, a, lam, iters)[0]
    return _src_cache[key]

def run_mode(mode, seed, keep, k, a, lam, iters=12, alpha=1.0):
    X, val, test, users = target(seed, keep)
    ev = lambda U, V: (ndcg(U @ V[-NT:].T, X, val, test, users, 'val'), ndcg(U @ V[-NT:].T, X, val, test, users, 'test'))
    if mode == 'scratch':
        _, _, h = als(X, k, a, lam, iters, evalfn=ev)
    elif mode == 'joint':
        Z = np.hstack([source() * alpha, X])
        _, _, h = als(Z, k, a, lam, iters, evalfn=ev)
    else:
        U0 = source_users(k, a, lam)
        if mode == 'frozen':
            V = solve_side(U0, _rows(X.T), a, lam)
            h = [ev(U0, V)]
        else:
            _, _, h = als(X, k, a, lam, iters, U0=U0, sp=True, evalfn=ev)
    b = int(np.argmax([v for v, _ in h]))
    return h[b][0], h[b][1], b + 1

if __name__ == '__main__':
    mode = sys.argv[1]
    ks, As, ls = [[float(x) for x in a.split(',')] for a in sys.argv[2:5]]
    iters = int(sys.argv[5]) if len(sys.argv) > 5 else 12
    grid = [(int(k), a, lam) for k in ks for a in As for lam in ls]
    res = []
    for s in (1, 2, 3):
        best = None
        for (k, a, lam) in grid:
            v, t, it = run_mode(mode, s, 0.2, k, a, lam, iters=iters)
            print(mode, s, k, a, lam, it, round(v, 4), round(t, 4), flush=True)
            if best is None or v > best[0]: best = (v, t, dict(k=k, a=a, lam=lam, iters=it))
        res.append(best)
    summary(f'iALS {mode}', res)
