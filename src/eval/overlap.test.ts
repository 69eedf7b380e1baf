import { describe, expect, it } from 'vitest';
import { Rng } from '../data/rng';
import { rankOf } from './metrics';
import { jaccardAtK, topKFromScores, topKOverlap } from './overlap';

const i32 = (xs: number[]): Int32Array => new Int32Array(xs);

describe('topKOverlap', () => {
  it('is 1 for identical lists, in any order', () => {
    expect(topKOverlap(i32([1, 2, 3, 4, 5, 6]), i32([1, 2, 3, 4, 5, 6]), 3)).toBe(1);
    expect(topKOverlap(i32([1, 2, 3, 4, 5, 6]), i32([3, 1, 2, 6, 4, 5]), 3)).toBe(1);
  });

  it('is 0 for disjoint lists', () => {
    expect(topKOverlap(i32([1, 2, 3, 4]), i32([5, 6, 7, 8]), 2)).toBe(0);
  });

  it('averages partial overlaps over users', () => {
    // k=3. User 0: {1,2,3} vs {2,3,9} → 2 shared → 2/3. User 1: {4,5,6} vs {6,7,8} → 1/3.
    // Mean (2/3 + 1/3) / 2 = 1/2.
    expect(topKOverlap(i32([1, 2, 3, 4, 5, 6]), i32([2, 3, 9, 6, 7, 8]), 3)).toBeCloseTo(1 / 2, 12);
    // Items shared across different users do not count: user 0 {1,2} vs {3,4}, user 1 {3,4} vs {1,2}.
    expect(topKOverlap(i32([1, 2, 3, 4]), i32([3, 4, 1, 2]), 2)).toBe(0);
  });

  it('ignores -1 padding and returns 0 for zero users', () => {
    // k=3: {1,2} vs {1,5} (third slot padding) → 1 shared / 3.
    expect(topKOverlap(i32([1, 2, -1]), i32([1, 5, -1]), 3)).toBeCloseTo(1 / 3, 12);
    expect(topKOverlap(i32([]), i32([]), 10)).toBe(0);
  });

  it('throws a clear error on mismatched or ragged shapes', () => {
    expect(() => topKOverlap(i32([1, 2, 3, 4]), i32([1, 2]), 2)).toThrow(/differ in length: 4 vs 2/);
    expect(() => topKOverlap(i32([1, 2, 3]), i32([1, 2, 3]), 2)).toThrow(/not a multiple of k=2/);
    expect(() => topKOverlap(i32([1, 2]), i32([1, 2]), 0)).toThrow(/k must be a positive integer/);
  });
});

describe('jaccardAtK', () => {
  it('is 1 for identical and 0 for disjoint lists', () => {
    expect(jaccardAtK(i32([1, 2, 3, 4]), i32([2, 1, 4, 3]), 2)).toBe(1);
    expect(jaccardAtK(i32([1, 2, 3, 4]), i32([5, 6, 7, 8]), 2)).toBe(0);
  });

  it('averages partial overlaps over users', () => {
    // k=2. User 0: {1,2} vs {2,5} → 1 shared, union 3 → 1/3. User 1: {3,4} vs {3,4} → 1.
    // Mean (1/3 + 1) / 2 = 2/3.
    expect(jaccardAtK(i32([1, 2, 3, 4]), i32([2, 5, 3, 4]), 2)).toBeCloseTo(2 / 3, 12);
    // k=3, 2 shared: s / (2k − s) = 2/4 = 1/2.
    expect(jaccardAtK(i32([1, 2, 3]), i32([2, 3, 9]), 3)).toBeCloseTo(1 / 2, 12);
  });

  it('handles padding, all-padding rows and zero users', () => {
    // {1,2} vs {1} → 1/2.
    expect(jaccardAtK(i32([1, 2]), i32([1, -1]), 2)).toBeCloseTo(1 / 2, 12);
    // Both rows all padding: two identical empty lists → 1.
    expect(jaccardAtK(i32([-1, -1]), i32([-1, -1]), 2)).toBe(1);
    expect(jaccardAtK(i32([]), i32([]), 3)).toBe(0);
  });

  it('throws a clear error on mismatched or ragged shapes', () => {
    expect(() => jaccardAtK(i32([1, 2]), i32([1, 2, 3, 4]), 2)).toThrow(/differ in length: 2 vs 4/);
    expect(() => jaccardAtK(i32([1, 2, 3]), i32([1, 2, 3]), 2)).toThrow(/not a multiple of k=2/);
  });
});

describe('topKFromScores', () => {
  it('sorts best first and breaks ties by lower item id', () => {
    // One user, scores [0.1, 0.9, 0.5, 0.9]: items 1 and 3 tie at 0.9 → 1 first, then 3, then 2.
    const s = new Float32Array([0.1, 0.9, 0.5, 0.9]);
    expect(Array.from(topKFromScores(s, 4, 2))).toEqual([1, 3]);
    expect(Array.from(topKFromScores(s, 4, 4))).toEqual([1, 3, 2, 0]);
    // All equal → ids in order.
    expect(Array.from(topKFromScores(new Float32Array([7, 7, 7, 7]), 4, 3))).toEqual([0, 1, 2]);
  });

  it('handles several users and per-user exclusions', () => {
    // Two users over 3 items. User 0: [3, 1, 2], exclude [0] → [2, 1].
    // User 1: [0, 5, 4], exclude [] → [1, 2].
    const s = new Float32Array([3, 1, 2, 0, 5, 4]);
    const top = topKFromScores(s, 3, 2, (u) => (u === 0 ? [0] : []));
    expect(Array.from(top)).toEqual([2, 1, 1, 2]);
    // Exclusions do not leak into the next user: user 1 without exclude for item 1 still has it.
    const top2 = topKFromScores(s, 3, 1, (u) => (u === 0 ? [1, 2] : []));
    expect(Array.from(top2)).toEqual([0, 1]);
  });

  it('pads with -1 when fewer than k candidates remain', () => {
    // 3 items, 2 excluded → one candidate, k=3 → [item, -1, -1].
    const top = topKFromScores(new Float32Array([1, 2, 3]), 3, 3, () => [2, 0]);
    expect(Array.from(top)).toEqual([1, -1, -1]);
  });

  it('treats NaN as -Infinity', () => {
    expect(Array.from(topKFromScores(new Float32Array([NaN, -5, 2]), 3, 3))).toEqual([2, 1, 0]);
  });

  it('agrees with rankOf: the item at position p has rank ≥ p (= p without ties)', () => {
    // Distinct scores over 6 items, exclude [1, 4]: rankOf of the p-th listed item is p.
    const s = new Float32Array([0.3, 0.8, 0.1, 0.6, 0.9, 0.5]);
    const ex = [1, 4];
    const top = topKFromScores(s, 6, 4, () => ex);
    expect(Array.from(top)).toEqual([3, 5, 0, 2]);
    top.forEach((id, p) => expect(rankOf(s, id, ex)).toBe(p));
  });

  it('matches a full sort on random scores with ties and exclusions', () => {
    // Scores drawn from 5 levels so ties are common; compare with a plain sort of all candidates.
    const rng = new Rng(7);
    const users = 20;
    const nItems = 30;
    const k = 6;
    const s = new Float32Array(users * nItems).map(() => rng.int(5));
    const ex = Array.from({ length: users }, () => Array.from({ length: rng.int(nItems) }, () => rng.int(nItems)));
    const top = topKFromScores(s, nItems, k, (u) => ex[u]);
    for (let u = 0; u < users; u++) {
      const row = s.subarray(u * nItems, (u + 1) * nItems);
      const want = [...Array(nItems).keys()]
        .filter((i) => !ex[u].includes(i))
        .sort((a, b) => row[b] - row[a] || a - b)
        .slice(0, k);
      while (want.length < k) want.push(-1);
      expect(Array.from(top.subarray(u * k, (u + 1) * k))).toEqual(want);
      // Each listed item's rank (ties counted against it) is at least its position.
      want.forEach((id, p) => id >= 0 && expect(rankOf(row, id, ex[u])).toBeGreaterThanOrEqual(p));
    }
  });

  it('rejects bad shapes by name', () => {
    expect(() => topKFromScores(new Float32Array(5), 2, 1)).toThrow(/not a multiple of nItems=2/);
    expect(() => topKFromScores(new Float32Array(4), 0, 1)).toThrow(/nItems must be/);
    expect(() => topKFromScores(new Float32Array(4), 2, 0)).toThrow(/k must be/);
  });
});
