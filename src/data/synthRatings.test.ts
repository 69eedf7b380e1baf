import { describe, expect, it } from 'vitest';
import { ML100K_SHAPE, synthesizeRatings, toUData } from './synthRatings.ts';

describe('synthesizeRatings', () => {
  it('has MovieLens 100K’s shape by default: sizes, ≥ 20 per user, every item rated, stars 1–5 like ML-100K', () => {
    const ds = synthesizeRatings({ ...ML100K_SHAPE, seed: 1 });
    expect([ds.nUsers, ds.nItems, ds.users.length]).toEqual([943, 1682, 100_000]);
    const perUser = new Int32Array(ds.nUsers);
    const perItem = new Int32Array(ds.nItems);
    const pairs = new Set<number>();
    let sum = 0;
    for (let r = 0; r < ds.users.length; r++) {
      perUser[ds.users[r]]++;
      perItem[ds.items[r]]++;
      pairs.add(ds.users[r] * ds.nItems + ds.items[r]);
      sum += ds.ratings![r];
      expect(Number.isInteger(ds.ratings![r]) && ds.ratings![r] >= 1 && ds.ratings![r] <= 5).toBe(true);
    }
    expect(pairs.size).toBe(100_000);
    expect(Math.min(...perUser)).toBeGreaterThanOrEqual(20);
    expect(Math.min(...perItem)).toBeGreaterThanOrEqual(1);
    expect(sum / ds.users.length).toBeGreaterThan(3.3);
    expect(sum / ds.users.length).toBeLessThan(3.8);
  });

  it('is deterministic for a seed and writes u.data lines', () => {
    const o = { users: 30, items: 50, ratings: 600, seed: 2 };
    expect(synthesizeRatings(o)).toEqual(synthesizeRatings(o));
    expect(toUData(synthesizeRatings(o)).split('\n')[0]).toMatch(/^\d+\t\d+\t[1-5]\t\d+$/);
  });

  it('puts signal in the stars: an item’s mean rating in one half of its raters predicts the other half', () => {
    const ds = synthesizeRatings({ users: 300, items: 200, ratings: 12_000, seed: 3 });
    const a = new Float64Array(ds.nItems);
    const b = new Float64Array(ds.nItems);
    const na = new Float64Array(ds.nItems);
    const nb = new Float64Array(ds.nItems);
    for (let r = 0; r < ds.users.length; r++) {
      const i = ds.items[r];
      if (ds.users[r] % 2) (a[i] += ds.ratings![r]), na[i]++;
      else (b[i] += ds.ratings![r]), nb[i]++;
    }
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < ds.nItems; i++) if (na[i] >= 5 && nb[i] >= 5) xs.push(a[i] / na[i]), ys.push(b[i] / nb[i]);
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let k = 0; k < xs.length; k++) (sxy += (xs[k] - mx) * (ys[k] - my)), (sxx += (xs[k] - mx) ** 2), (syy += (ys[k] - my) ** 2);
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.3);
  });
});
