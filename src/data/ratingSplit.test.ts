import { describe, expect, it } from 'vitest';
import { ratingBlocker, splitRatings } from './ratingSplit.ts';
import { synthesizeRatings } from './synthRatings.ts';
import type { Dataset } from './types.ts';

const ds = synthesizeRatings({ users: 60, items: 80, ratings: 1500, seed: 4, minPerUser: 5 });

describe('splitRatings', () => {
  it('holds out about 10% + 10% of each user, keeps every user in train, and loses no rating', () => {
    const s = splitRatings(ds, { seed: 1 });
    const n = ds.users.length;
    expect(s.train.users.length + s.val.users.length + s.test.users.length).toBe(n);
    expect(Math.abs(s.test.users.length / n - 0.1)).toBeLessThan(0.02);
    expect(Math.abs(s.val.users.length / n - 0.1)).toBeLessThan(0.02);
    const perUser = (t: { users: Int32Array }) => {
      const c = new Int32Array(ds.nUsers);
      for (const u of t.users) c[u]++;
      return c;
    };
    const [tr, va, te] = [perUser(s.train), perUser(s.val), perUser(s.test)];
    for (let u = 0; u < ds.nUsers; u++) {
      const m = tr[u] + va[u] + te[u];
      expect(tr[u], `user ${u}`).toBeGreaterThanOrEqual(1);
      expect(te[u]).toBe(Math.max(1, Math.round(m * 0.1)));
    }
    // the same (user, item, rating) triples, only regrouped
    const key = (u: number, i: number, r: number) => `${u}:${i}:${r}`;
    const all = new Set<string>();
    for (let r = 0; r < n; r++) all.add(key(ds.users[r], ds.items[r], ds.ratings![r]));
    for (const t of [s.train, s.val, s.test]) for (let k = 0; k < t.users.length; k++) expect(all.has(key(t.users[k], t.items[k], t.ratings[k]))).toBe(true);
    let sum = 0;
    for (const r of s.train.ratings) sum += r;
    expect(s.mean).toBeCloseTo(sum / s.train.ratings.length, 5);
    expect([s.min, s.max]).toEqual([1, 5]);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(splitRatings(ds, { seed: 3 })).toEqual(splitRatings(ds, { seed: 3 }));
    expect([...splitRatings(ds, { seed: 4 }).test.items]).not.toEqual([...splitRatings(ds, { seed: 3 }).test.items]);
  });

  it('keeps users with fewer than 3 ratings whole in train', () => {
    // user 0 keeps only its first two ratings; its others move to user 1
    let seen0 = 0;
    const tiny: Dataset = { ...ds, users: ds.users.map((u) => (u === 0 && ++seen0 > 2 ? 1 : u)) };
    const s = splitRatings(tiny, { seed: 1 });
    expect([...s.test.users, ...s.val.users].filter((u) => u === 0)).toHaveLength(0);
  });

  it('refuses a dataset without ratings, with a sentence saying why', () => {
    const implicit: Dataset = { ...ds, ratings: null };
    expect(ratingBlocker(implicit)).toMatch(/no explicit ratings/);
    expect(() => splitRatings(implicit, { seed: 1 })).toThrow(/no explicit ratings/);
    expect(ratingBlocker({ ...ds, ratings: new Float32Array(ds.users.length).fill(4) })).toMatch(/Every rating .* is 4/);
    expect(ratingBlocker(ds)).toBeNull();
  });
});
