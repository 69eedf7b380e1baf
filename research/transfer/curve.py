from ease2 import *
import sys
for keep in [float(k) for k in sys.argv[1:]]:
    r = tune(ease_t2, {'lam': [30, 100, 300, 1000], 'rb': [0, 0.5]}, keep=keep); summary(f'keep {keep} EASE target-only', r)
    r = tune(ease_x2, {'lam': [20, 50, 200, 500], 'alpha': [0.5, 1.0], 'lamS': [20, 200], 'rb': [0, 0.5]}, keep=keep); summary(f'keep {keep} EASE cross', r)
    r = tune(lambda s, k, **p: np.tile(target(s, k)[0].sum(0) - np.arange(NT) * 1e-9, (NU, 1)), {'x': [0]}, keep=keep); summary(f'keep {keep} popularity', r)
