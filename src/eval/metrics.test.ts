import { describe, expect, it } from 'vitest';
import { itemCoverage, meanStd, ndcgAtKMulti, rankingMetrics, rankOf, recallAtK } from './metrics';

describe('rankingMetrics', () => {
  it('matches hand-computed values for ranks [0, 1, 9, 10, 50] at K=10', () => {
    const m = rankingMetrics(new Int32Array([0, 1, 9, 10, 50]), 10);
    // Hits: ranks 0, 1, 9 (< 10); 10 and 50 miss → HR = 3/5.
    expect(m.users).toBe(5);
    expect(m.k).toBe(10);
    expect(m.hr).toBeCloseTo(3 / 5, 12);
    expect(m.recall).toBe(m.hr);
    // NDCG: 1/log2(0+2) = 1, 1/log2(1+2) = 1/log2 3, 1/log2(9+2) = 1/log2 11.
    expect(m.ndcg).toBeCloseTo((1 + 1 / Math.log2(3) + 1 / Math.log2(11)) / 5, 12);
    // MRR has no cutoff: 1/1 + 1/2 + 1/10 + 1/11 + 1/51.
    expect(m.mrr).toBeCloseTo((1 + 1 / 2 + 1 / 10 + 1 / 11 + 1 / 51) / 5, 12);
  });

  it('counts rank K-1 as a hit and rank K as a miss', () => {
    // K=5: rank 4 → hit, NDCG 1/log2 6; rank 5 → miss, NDCG 0.
    const hit = rankingMetrics([4], 5);
    expect(hit.hr).toBe(1);
    expect(hit.ndcg).toBeCloseTo(1 / Math.log2(6), 12);
    const miss = rankingMetrics([5], 5);
    expect(miss.hr).toBe(0);
    expect(miss.ndcg).toBe(0);
    expect(miss.mrr).toBeCloseTo(1 / 6, 12);
  });

  it('gives 1 everywhere when every item is at the top', () => {
    expect(rankingMetrics([0, 0, 0], 1)).toEqual({ users: 3, k: 1, hr: 1, ndcg: 1, mrr: 1, recall: 1 });
  });

  it('defaults to K=10', () => {
    expect(rankingMetrics([9, 10]).k).toBe(10);
    expect(rankingMetrics([9, 10]).hr).toBe(0.5);
  });

  it('returns zeros, not NaN, for empty input', () => {
    expect(rankingMetrics([], 10)).toEqual({ users: 0, k: 10, hr: 0, ndcg: 0, mrr: 0, recall: 0 });
    expect(rankingMetrics(new Int32Array(0))).toEqual({ users: 0, k: 10, hr: 0, ndcg: 0, mrr: 0, recall: 0 });
  });

  it('rejects a bad k and bad ranks by name', () => {
    expect(() => rankingMetrics([0], 0)).toThrow(/k must be a positive integer/);
    expect(() => rankingMetrics([0], 2.5)).toThrow(/k must be a positive integer/);
    expect(() => rankingMetrics([0, -1], 10)).toThrow(/rank must be .* got -1 at user 1/);
    expect(() => rankingMetrics([NaN], 10)).toThrow(/rank must be/);
  });
});

describe('recallAtK', () => {
  it('averages per-user recall and skips users with no held-out items', () => {
    // K=3. User 0: ranks [0, 5] → sorted positions 0, 6 → 1 of 2 in top 3 → 1/2.
    // User 1: ranks [1] → position 1 → 1/1. User 2: [] → skipped.
    // Mean over 2 users: (1/2 + 1) / 2 = 3/4.
    expect(recallAtK([[0, 5], [1], []], 3)).toBeCloseTo(3 / 4, 12);
  });

  it('places held-out items in one joint list (rank r_i becomes r_i + i)', () => {
    // K=2, ranks [0, 0, 5] (each ranked without the others): joint positions 0, 1, 7
    // → 2 of 3 in the top 2 → 2/3. Counting ranks < 2 directly would give 1.
    expect(recallAtK([[0, 0, 5]], 2)).toBeCloseTo(2 / 3, 12);
    // K=1, ranks [0, 0]: a top-1 list holds one of them → 1/2.
    expect(recallAtK([new Int32Array([0, 0])], 1)).toBeCloseTo(1 / 2, 12);
    // Order of input does not matter: [5, 0, 0] is the same user.
    expect(recallAtK([[5, 0, 0]], 2)).toBeCloseTo(2 / 3, 12);
  });

  it('is the same as HR@K for one held-out item per user', () => {
    const ranks = [0, 1, 9, 10, 50];
    expect(recallAtK(ranks.map((r) => [r]), 10)).toBeCloseTo(rankingMetrics(ranks, 10).hr, 12);
  });

  it('returns 0 when no user has held-out items', () => {
    expect(recallAtK([], 10)).toBe(0);
    expect(recallAtK([[], []], 10)).toBe(0);
  });

  it('rejects a bad k', () => {
    expect(() => recallAtK([[0]], 0)).toThrow(/k must be a positive integer/);
  });
});

describe('ndcgAtKMulti', () => {
  it('matches a hand computation with the ideal DCG over min(n, K) positions', () => {
    // K=10, ranks [0, 2] → joint positions 0, 3.
    // DCG = 1/log2 2 + 1/log2 5 = 1 + 1/log2 5; IDCG = 1 + 1/log2 3.
    expect(ndcgAtKMulti([[0, 2]], 10)).toBeCloseTo((1 + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3)), 12);
  });

  it('caps the ideal DCG at K positions', () => {
    // K=2, three held-out items all at the top (ranks [0, 0, 0] → positions 0, 1, 2).
    // DCG over positions < 2 = 1 + 1/log2 3; IDCG over min(3, 2) = 2 positions = same → 1.
    expect(ndcgAtKMulti([[0, 0, 0]], 2)).toBeCloseTo(1, 12);
  });

  it('never exceeds 1 when held-out items tie at the top', () => {
    // K=10, ranks [0, 0]: positions 0, 1 → DCG = IDCG → exactly 1 (not 2/1.63).
    expect(ndcgAtKMulti([[0, 0]], 10)).toBeCloseTo(1, 12);
  });

  it('averages users and skips empty ones', () => {
    // K=1. User 0: [0] → 1. User 1: [1] → position 1 ≥ K → 0. User 2: [] → skipped. Mean 1/2.
    expect(ndcgAtKMulti([[0], [1], []], 1)).toBeCloseTo(1 / 2, 12);
    expect(ndcgAtKMulti([[]], 5)).toBe(0);
  });

  it('is the same as single-item NDCG@K for one held-out item per user', () => {
    const ranks = [0, 1, 9, 10, 50];
    expect(ndcgAtKMulti(ranks.map((r) => [r]), 10)).toBeCloseTo(rankingMetrics(ranks, 10).ndcg, 12);
  });
});

describe('itemCoverage', () => {
  it('counts distinct items over all lists', () => {
    // k=2, users: [0, 1], [1, 2] → items {0, 1, 2} of 10 → 3/10.
    expect(itemCoverage(new Int32Array([0, 1, 1, 2]), 2, 10)).toBeCloseTo(3 / 10, 12);
    // Everyone gets the same list: 2 of 4 items.
    expect(itemCoverage(new Int32Array([3, 0, 3, 0, 3, 0]), 2, 4)).toBe(0.5);
  });

  it('ignores -1 padding and handles empty input', () => {
    expect(itemCoverage(new Int32Array([2, -1]), 2, 4)).toBe(0.25);
    expect(itemCoverage(new Int32Array(0), 5, 4)).toBe(0);
  });

  it('rejects bad shapes and ids', () => {
    expect(() => itemCoverage(new Int32Array([0, 1, 2]), 2, 4)).toThrow(/not a multiple of k=2/);
    expect(() => itemCoverage(new Int32Array([0, 4]), 2, 4)).toThrow(/out of range/);
    expect(() => itemCoverage(new Int32Array([0, 1]), 2, 0)).toThrow(/nItems must be/);
  });
});

describe('rankOf', () => {
  const scores = new Float32Array([0.5, 0.9, 0.5, 0.7, 0.1]);

  it('counts higher and tied scores (ties push the held-out item down)', () => {
    // Target 0 (0.5): higher are item 1 (0.9) and 3 (0.7); item 2 ties → rank 3.
    expect(rankOf(scores, 0, [])).toBe(3);
    // Target 2 ties with item 0 the same way → rank 3.
    expect(rankOf(scores, 2, [])).toBe(3);
    // Top and bottom.
    expect(rankOf(scores, 1, [])).toBe(0);
    expect(rankOf(scores, 4, [])).toBe(4);
    // A model that scores every item the same ranks the held-out item last, not first.
    expect(rankOf([0, 0, 0, 0], 2, [])).toBe(3);
  });

  it('skips excluded items but never the target', () => {
    // Target 0, exclude item 1 → item 3 higher, item 2 tied → 2.
    expect(rankOf(scores, 0, [1])).toBe(2);
    // Excluding a lower item changes nothing, excluding the tied one removes it; duplicates are fine.
    expect(rankOf(scores, 0, [4, 4])).toBe(3);
    expect(rankOf(scores, 0, [2, 4, 4])).toBe(2);
    // The target listed in exclude still gets a rank: target 4, exclude [4, 1] → 0.5, 0.5, 0.7 higher → 3.
    expect(rankOf(scores, 4, new Int32Array([4, 1]))).toBe(3);
  });

  it('gives rank 0 to a single-item catalog and rejects a bad target', () => {
    expect(rankOf([3], 0, [])).toBe(0);
    expect(() => rankOf(scores, 5, [])).toThrow(/out of range/);
    expect(() => rankOf(scores, -1, [])).toThrow(/out of range/);
  });

  it('feeds rankingMetrics end to end', () => {
    // Two users over 4 items. User 0: target 2, seen [0] → scores [9, 1, 5, 7]: item 3 higher → rank 1.
    // User 1: target 1, seen [] → scores [1, 2, 3, 4]: items 2, 3 higher → rank 2.
    const ranks = [rankOf([9, 1, 5, 7], 2, [0]), rankOf([1, 2, 3, 4], 1, [])];
    expect(ranks).toEqual([1, 2]);
    // K=2: HR = 1/2; NDCG = (1/log2 3) / 2; MRR = (1/2 + 1/3) / 2.
    const m = rankingMetrics(ranks, 2);
    expect(m.hr).toBe(0.5);
    expect(m.ndcg).toBeCloseTo(1 / Math.log2(3) / 2, 12);
    expect(m.mrr).toBeCloseTo((1 / 2 + 1 / 3) / 2, 12);
  });
});

describe('meanStd', () => {
  it('uses the sample standard deviation', () => {
    // mean 0.3; deviations ±0.1, 0 → ss = 0.02; / (3 − 1) = 0.01 → std 0.1.
    const r = meanStd([0.2, 0.3, 0.4]);
    expect(r.mean).toBeCloseTo(0.3, 12);
    expect(r.std).toBeCloseTo(0.1, 12);
    // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, ss 32, sample std sqrt(32/7).
    expect(meanStd([2, 4, 4, 4, 5, 5, 7, 9]).std).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('handles one value and none without NaN', () => {
    expect(meanStd([0.42])).toEqual({ mean: 0.42, std: 0 });
    expect(meanStd([])).toEqual({ mean: 0, std: 0 });
  });
});
