import { describe, expect, it } from 'vitest';
import { Rng } from '../data/rng';
import { defaultTeacherConfig } from '../models/config';
import { initialWeights } from '../models/init';
import { teacherWeightSpecs } from '../models/size';
import { indexBytes, pruneModel, pruneSweep, pruneTensor, sparseBytes } from './prune';

const zeros = (v: Float32Array) => v.reduce((a, x) => a + (x === 0 ? 1 : 0), 0);

describe('magnitude pruning', () => {
  it('zeros exactly round(s·n) entries, the smallest in magnitude, and keeps the rest as they were', () => {
    const rng = new Rng(4);
    const v = Float32Array.from({ length: 1003 }, () => rng.normal() + (rng.next() < 0.5 ? 0.01 : -0.01));
    for (const s of [0, 0.1, 0.25, 0.5, 0.9, 0.95, 0.999]) {
      const p = pruneTensor(v, s);
      expect(zeros(p)).toBe(Math.round(s * v.length));
      let keptMin = Infinity;
      let cutMax = 0;
      for (let i = 0; i < v.length; i++) {
        if (p[i] === 0) cutMax = Math.max(cutMax, Math.abs(v[i]));
        else {
          expect(p[i]).toBe(v[i]);
          keptMin = Math.min(keptMin, Math.abs(v[i]));
        }
      }
      if (s > 0) expect(cutMax).toBeLessThanOrEqual(keptMin);
    }
  });

  it('is exact with ties (equal magnitudes are cut by position)', () => {
    const v = new Float32Array(10).fill(0.5);
    v[3] = -0.5;
    expect(zeros(pruneTensor(v, 0.3))).toBe(3);
  });

  it('a sweep sorts each matrix once and cuts the same entries as pruning afresh, ties included, in any order of sparsities', () => {
    const specs = teacherWeightSpecs(40, 30, { ...defaultTeacherConfig, dim: 6, hidden: 10 });
    const w = initialWeights(specs, 3, 0.1);
    // coarse values: many equal magnitudes, so the tie order matters
    for (const s of specs) w[s.name] = w[s.name].map((x) => Math.round(x * 30) / 30);
    const sweep = pruneSweep(specs, w);
    for (const sp of [0.9, 0, 0.33, 0.5, 0.99, 0.5]) {
      const p = sweep(sp);
      for (const s of specs) {
        expect(p.decoded[s.name], `${s.name} at ${sp}`).toEqual(s.shape.length === 2 ? pruneTensor(w[s.name], sp) : w[s.name]);
      }
      expect(p).toEqual(pruneModel(specs, w, sp));
    }
  });

  it('rejects sparsity outside [0, 1)', () => {
    expect(() => pruneTensor(new Float32Array(4), 1)).toThrow(/sparsity/);
    expect(() => pruneTensor(new Float32Array(4), -0.1)).toThrow(/sparsity/);
  });

  it('counts the cheapest of dense / bitmap / coo / csr, never more than dense', () => {
    // [2668, 8] at 90%: nnz 2134 → bitmap 2668 + 4·2134; coo 6·2134; csr 5·2134 + 4·2669
    const b = sparseBytes([2668, 8], 2134);
    expect(b.all).toEqual({ dense: 85376, bitmap: 2668 + 8536, coo: 12804, csr: 10670 + 10676 });
    expect(b).toMatchObject({ format: 'bitmap', bytes: 11204 });
    expect(sparseBytes([2668, 8], 1067).format).toBe('coo');
    expect(sparseBytes([100, 100], 10000)).toMatchObject({ format: 'dense', bytes: 40000 });
    for (let nnz = 0; nnz <= 400; nnz += 7) expect(sparseBytes([20, 20], nnz).bytes).toBeLessThanOrEqual(1600);
    expect([indexBytes(256), indexBytes(257), indexBytes(65536), indexBytes(65537)]).toEqual([1, 2, 2, 4]);
  });

  it('prunes a model: matrices to the exact sparsity, biases dense; bytes add up per tensor', () => {
    const specs = teacherWeightSpecs(60, 50, { ...defaultTeacherConfig, dim: 8, hidden: 12 });
    const w = initialWeights(specs, 2, 0.1);
    for (const s of specs) if (s.shape.length === 1) w[s.name].fill(0.1);
    const p = pruneModel(specs, w, 0.8);
    let bytes = 0;
    for (const s of specs) {
      const n = s.shape.reduce((a, b) => a * b, 1);
      if (s.shape.length === 2) {
        expect(zeros(p.decoded[s.name])).toBe(Math.round(0.8 * n));
        bytes += sparseBytes(s.shape, n - Math.round(0.8 * n)).bytes;
      } else {
        expect(p.decoded[s.name]).toEqual(w[s.name]);
        expect(p.formats[s.name]).toBe('dense');
        bytes += 4 * n;
      }
    }
    expect(p.bytes).toBe(bytes);
    expect(pruneModel(specs, w, 0).bytes).toBe(4 * specs.reduce((a, s) => a + s.shape.reduce((x, y) => x * y, 1), 0));
  });
});
