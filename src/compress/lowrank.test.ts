import { describe, expect, it } from 'vitest';
import { Rng } from '../data/rng';
import { defaultStudentConfig } from '../models/config';
import { initialWeights } from '../models/init';
import { studentWeightSpecs } from '../models/size';
import { fullRank, lowRankSweep, TableSvd } from './lowrank';
import { svd } from './svd';

/** A row-major m×n matrix of rank exactly r: (m×r)·(r×n) with random factors. */
function rankR(m: number, n: number, r: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const a = Array.from({ length: m * r }, () => rng.normal());
  const b = Array.from({ length: r * n }, () => rng.normal());
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let k = 0; k < r; k++) out[i * n + j] += a[i * r + k] * b[k * n + j];
  return out;
}

const frob = (x: ArrayLike<number>) => Math.sqrt(Array.from(x).reduce((a, v) => a + v * v, 0));

describe('SVD and low-rank tables', () => {
  it('decomposes: U and V orthonormal, U·S·Vᵀ = A, singular values descending', () => {
    const m = 40;
    const n = 7;
    const a = rankR(m, n, 7, 1);
    const d = svd(a, m, n);
    for (let k = 1; k < n; k++) expect(d.S[k]).toBeLessThanOrEqual(d.S[k - 1]);
    for (let p = 0; p < n; p++) {
      for (let q = 0; q < n; q++) {
        let uu = 0;
        let vv = 0;
        for (let i = 0; i < m; i++) uu += d.U[i * n + p] * d.U[i * n + q];
        for (let i = 0; i < n; i++) vv += d.V[i * n + p] * d.V[i * n + q];
        expect(uu).toBeCloseTo(p === q ? 1 : 0, 10);
        expect(vv).toBeCloseTo(p === q ? 1 : 0, 10);
      }
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let x = 0;
        for (let k = 0; k < n; k++) x += d.U[i * n + k] * d.S[k] * d.V[j * n + k];
        expect(x).toBeCloseTo(a[i * n + j], 10);
      }
    }
  });

  it('recovers a known rank-3 matrix at rank 3 (tall and wide), and rank r gives exactly r nonzero singular values', () => {
    for (const [m, n] of [[60, 10], [10, 60]]) {
      const a = rankR(m, n, 3, 2);
      const t = new TableSvd(a, m, n);
      expect(t.singularValues[3]).toBeLessThan(1e-9 * t.singularValues[0]);
      const three = t.truncate(3);
      let err = 0;
      for (let i = 0; i < a.length; i++) err += (three.approx[i] - a[i]) ** 2;
      expect(Math.sqrt(err) / frob(a)).toBeLessThan(1e-6);
      for (const r of [1, 2]) {
        const cut = t.truncate(r);
        expect(cut.rank).toBe(r);
        const s = new TableSvd(cut.approx, m, n).singularValues;
        expect(s[r - 1]).toBeGreaterThan(1e-3 * s[0]);
        expect(s[r]).toBeLessThan(1e-5 * s[0]);
        expect(cut.factorValues).toBe(r * (m + n));
      }
    }
  });

  it('truncation error is the tail of the singular values (Eckart–Young)', () => {
    const rng = new Rng(5);
    const a = Float64Array.from({ length: 30 * 6 }, () => rng.normal());
    const t = new TableSvd(a, 30, 6);
    const cut = t.truncate(2);
    let err = 0;
    for (let i = 0; i < a.length; i++) err += (cut.approx[i] - a[i]) ** 2;
    const tail = Array.from(t.singularValues.slice(2)).reduce((x, s) => x + s * s, 0);
    expect(err).toBeCloseTo(tail, 4);
  });

  it('a model sweep: tables factorised, bias dense, bytes = 4·r·(m+n) per table, the full rank flagged as bigger than dense', () => {
    const specs = studentWeightSpecs(70, 60, defaultStudentConfig);
    const w = initialWeights(specs, 1, 0.1);
    expect(fullRank(specs)).toBe(8);
    const at = lowRankSweep(specs, w);
    const two = at(2);
    expect(two.bytes).toBe(4 * 2 * (70 + 8) + 4 * 2 * (8 + 60) + 4 * 60);
    expect(two.exceedsDense).toBe(false);
    expect(two.decoded.itemBias).toEqual(w.itemBias);
    const full = at(8);
    expect(full.exceedsDense).toBe(true);
    for (const name of ['userEmb', 'itemEmbT']) for (let i = 0; i < w[name].length; i++) expect(full.decoded[name][i]).toBeCloseTo(w[name][i], 5);
  });

  it('rejects a rank below 1', () => {
    expect(() => new TableSvd([1, 2, 3, 4], 2, 2).truncate(0)).toThrow(/rank/);
  });
});
