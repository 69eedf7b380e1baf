import { describe, expect, it } from 'vitest';
import { entropy, hardRow, hintRow, logSoftmaxT, mseRow, rankRow, softmaxT, softRow } from './spec';
import { rankWeights } from './config';

describe('spec: softmax with temperature', () => {
  it('matches values computed by hand', () => {
    // softmax([0, ln 3]) = [1/4, 3/4]
    const p = softmaxT([0, Math.log(3)]);
    expect(p[0]).toBeCloseTo(0.25, 12);
    expect(p[1]).toBeCloseTo(0.75, 12);
    // at T = 2 the logits halve: softmax([0, ln 3 / 2]) = [1/(1+√3), √3/(1+√3)]
    const q = softmaxT([0, Math.log(3)], 2);
    expect(q[0]).toBeCloseTo(1 / (1 + Math.sqrt(3)), 12);
  });

  it('stays finite for huge logits and T from 0.1 to 50', () => {
    for (const T of [0.1, 1, 50]) {
      const l = logSoftmaxT([1000, -1000, 0], T);
      for (const v of l) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('entropy of a uniform distribution over 4 is ln 4, of a point mass 0', () => {
    expect(entropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 12);
    expect(entropy([1, 0, 0])).toBe(0);
  });
});

describe('spec: losses', () => {
  it('hard: −log p[target], gradient p − onehot', () => {
    // logits [0, ln 3]: p = [1/4, 3/4]; target 1 → loss ln(4/3)
    const r = hardRow([0, Math.log(3)], 1);
    expect(r.value).toBeCloseTo(Math.log(4 / 3), 12);
    expect(r.grad[0]).toBeCloseTo(0.25, 12);
    expect(r.grad[1]).toBeCloseTo(-0.25, 12);
  });

  it('soft: zero when student equals teacher, T²·KL otherwise', () => {
    expect(softRow([1, 2, 3], [1, 2, 3], 2).value).toBeCloseTo(0, 12);
    // T = 1, teacher p = [1/4, 3/4], student q = [1/2, 1/2]: KL = 1/4 ln(1/2) + 3/4 ln(3/2)
    const r = softRow([0, 0], [0, Math.log(3)], 1);
    expect(r.value).toBeCloseTo(0.25 * Math.log(0.5) + 0.75 * Math.log(1.5), 12);
    expect(r.grad[0]).toBeCloseTo(0.5 - 0.25, 12);
    // T = 2 scales the gradient by T and the value by T²
    const r2 = softRow([0, 0], [0, 2 * Math.log(3)], 2);
    expect(r2.value).toBeCloseTo(4 * (0.25 * Math.log(0.5) + 0.75 * Math.log(1.5)), 12);
    expect(r2.grad[0]).toBeCloseTo(2 * 0.25, 12);
  });

  it('soft: no NaN at T = 0.1 and T = 50 with far-apart logits', () => {
    for (const T of [0.1, 50]) {
      const r = softRow([30, -30, 0], [-30, 30, 5], T);
      expect(Number.isFinite(r.value)).toBe(true);
      for (const g of r.grad) expect(Number.isFinite(g)).toBe(true);
    }
  });

  it('mse: mean squared difference', () => {
    const r = mseRow([1, 2], [0, 4]);
    expect(r.value).toBeCloseTo((1 + 4) / 2, 12);
    expect(Array.from(r.grad)).toEqual([1, -2]);
  });

  it('rank: weighted positives are the teacher top-K', () => {
    const w = rankWeights(2, 1); // [1, e^-1] / (1 + e^-1)
    expect(w[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 6); // float32 weights
    // teacher prefers item 2 then 0; student uniform over 3 → each log p = −ln 3
    const r = rankRow([0, 0, 0], [5, 1, 9], w);
    expect(r.value).toBeCloseTo(Math.log(3), 6);
    expect(r.grad[2]).toBeCloseTo(1 / 3 - w[0], 12);
    expect(r.grad[0]).toBeCloseTo(1 / 3 - w[1], 12);
    expect(r.grad[1]).toBeCloseTo(1 / 3, 12);
  });

  it('hint: projection error and its gradients', () => {
    // s = [1, 2], P = I (2×2), b = 0, t = [1, 0] → d = [0, 2], value = 4/2
    const r = hintRow([1, 2], [1, 0, 0, 1], [0, 0], [1, 0]);
    expect(r.value).toBe(2);
    expect(Array.from(r.dB)).toEqual([0, 2]);
    expect(Array.from(r.dS)).toEqual([0, 2]);
    expect(Array.from(r.dP)).toEqual([0, 2, 0, 4]);
  });
});
