"""Shared loading + studio-identical evaluation for the transfer research (numpy)."""
import json, os, itertools
import numpy as np

D = os.path.join(os.path.dirname(__file__), 'data')
META = json.load(open(f'{D}/meta.json'))
NU, NS, NT = META['nUsers'], META['nS'], META['nT']

def _pairs(path):
    a = np.loadtxt(path, dtype=np.int64, ndmin=2)
    return a[:, 0], a[:, 1]

_src = None
def source():
    global _src
    if _src is None:
        u, i = _pairs(f'{D}/source.txt')
        X = np.zeros((NU, NS)); X[u, i] = 1.0
        _src = X
    return _src

def target(seed, keep=0.2):
    u, i = _pairs(f'{D}/train_k{keep}_s{seed}.txt')
    X = np.zeros((NU, NT)); X[u, i] = 1.0
    h = np.loadtxt(f'{D}/heldout_s{seed}_k{keep}.txt', dtype=np.int64)
    val, test = h[:, 0], h[:, 1]
    users = np.nonzero(val >= 0)[0]
    return X, val, test, users

def ndcg(scores, X, val, test, users, which):
    """Studio's evaluate: rank all target items, exclude train items and the other held-out item;
    rank = #candidates scoring strictly higher; NDCG@10 = mean 1/log2(rank+2) for rank<10."""
    S = np.array(scores[users], dtype=np.float64, copy=True)
    # Exact ties would count optimistically (strictly-higher rank): a user whose scores are all
    # equal (e.g. a frozen model's user with no source history, factor row 0) would get NDCG 1.
    # A tie-break far below any real score gap: train popularity, then the lower id (as the
    # studio's popularity baseline). The studio's tf models never tie exactly (random inits).
    pop = X.sum(0)
    S += 1e-9 * pop / (pop.max() + 1) - 1e-12 * np.arange(S.shape[1]) / S.shape[1]
    S[X[users] > 0] = -np.inf
    held = (val if which == 'val' else test)[users]
    other = (test if which == 'val' else val)[users]
    r = np.arange(len(users))
    S[r, other] = -np.inf
    t = S[r, held]
    rank = (S > t[:, None]).sum(1)
    return float(np.where(rank < 10, 1 / np.log2(rank + 2), 0).mean())

def evalboth(scores, X, val, test, users):
    return ndcg(scores, X, val, test, users, 'val'), ndcg(scores, X, val, test, users, 'test')

def tune(fn, grid, seeds=(1, 2, 3), keep=0.2, verbose=False):
    """fn(seed, keep, **params) -> scores (NU x NT). Per seed, pick params on val; returns per-seed (val, test, params)."""
    out = []
    keys = list(grid)
    for s in seeds:
        X, val, test, users = target(s, keep)
        best = None
        for combo in itertools.product(*[grid[k] for k in keys]):
            p = dict(zip(keys, combo))
            sc = fn(s, keep, **p)
            v, t = evalboth(sc, X, val, test, users)
            if verbose: print(s, p, round(v, 4), round(t, 4), flush=True)
            if best is None or v > best[0]: best = (v, t, p)
        out.append(best)
    return out

def summary(name, res):
    vs = np.mean([r[0] for r in res]); ts = np.mean([r[1] for r in res])
    per = ' / '.join(f'{r[1]:.4f}' for r in res)
    ps = ' ; '.join(str(r[2]) for r in res)
    line = f'{name}: val {vs:.4f} test {ts:.4f} [{per}] {ps}'
    print(line, flush=True)
    return vs, ts
