from ease2 import *
r = tune(ease_t2, {'lam': [30, 100, 200, 300, 500], 'rb': [0.25, 0.5, 0.75]}); summary('EASE target rownorm (wide)', r)
r = tune(ease_x2, {'lam': [5, 10, 20, 50], 'alpha': [0.5, 0.7, 1.0], 'lamS': [5, 10, 20], 'rb': [0.5, 0.75, 1.0]}); summary('EASE cross rownorm (wide)', r)
