import sys
from lib import *
from ials2 import frozen
keep = float(sys.argv[1])
r = tune(frozen, dict(k=[64, 128], a_s=[1.0], lam_s=[3.0, 10.0, 30.0], a_t=[1.0, 10.0], lam_t=[10.0, 30.0, 100.0]), keep=keep)
summary(f'keep {keep} iALS frozen (tie-fixed)', r)
