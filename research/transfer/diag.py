from lib import *
from ease2 import ease_x2
from ials2 import frozen
s = 2
X, val, test, users = target(s)
e = ease_x2(s, 0.2, lam=10, alpha=0.5, lamS=10, rb=0.75)
f = frozen(s, 0.2, k=128, a_s=1.0, lam_s=30.0, a_t=1.0, lam_t=10.0)
def z(sc):
    S = np.where(X > 0, np.nan, sc); m = np.nanmean(S, 1, keepdims=True); sd = np.nanstd(S, 1, keepdims=True); sd[sd == 0] = 1
    return (sc - m) / sd
ze, zf = z(e), z(f)
for w in [0, 0.5, 0.9, 0.97, 0.99, 1.0]:
    print(w, [round(x, 4) for x in evalboth((1 - w) * ze + w * zf, X, val, test, users)])
E = np.where(X > 0, -np.inf, e)[users]; F = np.where(X > 0, -np.inf, f)[users]
te = np.argsort(-E, 1)[:, :10]; tf = np.argsort(-F, 1)[:, :10]
print('top10 overlap', np.mean([len(set(a) & set(b)) for a, b in zip(te, tf)]))
print('per-user z range ease', np.percentile(np.nanmax(np.where(X>0,np.nan,ze)[users],1), [50, 90, 99]), 'ials', np.percentile(np.nanmax(np.where(X>0,np.nan,zf)[users],1), [50, 90, 99]))
print('ease score item-mean corr w/ pop', np.corrcoef(np.nanmean(ze,0), X.sum(0))[0,1], 'ials', np.corrcoef(np.nanmean(zf,0), X.sum(0))[0,1])
